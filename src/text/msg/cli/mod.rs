//! The command line's messages (`src/cmd/`): what every data command
//! says about its input files and rejected rows, number formatting, and
//! the small commands (`ingest`, `policy`). The commands with a summary
//! of their own have a file each.

pub mod calendar;
pub mod check;
pub mod quiet;
pub mod reconcile;
pub mod report;
pub mod run;
pub mod sla;

crate::catalog! {
    /// An input flag names a folder where a file was expected.
    INPUT_IS_DIR = (
        "{flag} {path}: es una carpeta; indique el archivo",
        "{flag} {path}: is a folder; give the file"
    );
    /// An input flag names a file that does not exist.
    INPUT_MISSING = (
        "{flag} {path}: no existe el archivo; revise la ruta",
        "{flag} {path}: no such file; check the path"
    );
    /// `--strict` and some rows or cells were rejected; `{value}` is
    /// quoted, `{reason}` is the first reject's own reason.
    STRICT_REJECTS = (
        "{n} fila(s) rechazada(s); la primera: {file}:{line}: columna {column}: {value}: {reason} (quite --strict para continuar: las filas quedan fuera, las celdas ilegibles se ignoran)",
        "{n} rejected row(s); the first: {file}:{line}: column {column}: {value}: {reason} (drop --strict to go on: the rows are left out, the unreadable cells ignored)"
    );
    /// The thousands separator of counts in summaries (1.234 / 1,234).
    THOUSANDS_SEPARATOR = (".", ",");
    /// `ingest` or `check` without `--source` nor `--mapping`.
    /// Neither the two canonical tables nor `--glpi-db` (clap normally
    /// catches it first).
    NEED_TICKETS_EVENTS = (
        "indique --tickets y --events, o --glpi-db URL",
        "give --tickets and --events, or --glpi-db URL"
    );
    /// `ingest`/`check`: no input files and no `--glpi-db`.
    NEED_INPUT = (
        "indique --input ARCHIVO... o --glpi-db URL",
        "give --input FILE... or --glpi-db URL"
    );
    NEED_SOURCE = (
        "indique --source (glpi-csv, glpi-db, ca-sdm, aranda, generic) o --mapping",
        "give --source (glpi-csv, glpi-db, ca-sdm, aranda, generic) or --mapping"
    );
    /// `ingest` or `check` without a time zone for naive times.
    NEED_ZONE = (
        "indique --policy o --timezone: las horas sin zona se leen en esa zona",
        "give --policy or --timezone: times without an offset are read in that zone"
    );
    /// `policy import-glpi-slas`: the head of the notes on stderr.
    GLPI_SLA_NOTES = (
        "plazo: lo que plazo expresa distinto que GLPI:",
        "plazo: what plazo expresses differently from GLPI:"
    );
}
