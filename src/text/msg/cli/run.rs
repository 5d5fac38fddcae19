//! `plazo run`: the jobs file's errors, the lock, the per-job lines and
//! the run's end.

crate::catalog! {
    /// The jobs file has no `[[job]]`.
    NO_JOBS = (
        "{file}: no hay ningún trabajo; agregue una tabla [[job]] por informe (vea samples/jobs.toml)",
        "{file}: there is no job; add one [[job]] table per report (see samples/jobs.toml)"
    );
    /// A top-level key plazo does not know.
    UNKNOWN_TOP_KEY = (
        "{file}: clave desconocida {key}; las claves de primer nivel son log, [defaults] y [[job]]",
        "{file}: unknown key {key}; the top-level keys are log, [defaults] and [[job]]"
    );
    /// A key of a job (or of `[defaults]`) plazo does not know.
    UNKNOWN_KEY = (
        "{file}: {job}: clave desconocida {key}; las claves son: {keys}",
        "{file}: {job}: unknown key {key}; the keys are: {keys}"
    );
    /// A key that `[defaults]` cannot hold (it must differ per job).
    NOT_A_DEFAULT = (
        "{file}: [defaults]: {key} no puede ir en [defaults]: cada trabajo lleva el suyo",
        "{file}: [defaults]: {key} cannot be in [defaults]: each job has its own"
    );
    /// A value of the wrong type; `{what}` says the expected one.
    BAD_VALUE = (
        "{file}: {job}: {key} debe ser {what}",
        "{file}: {job}: {key} must be {what}"
    );
    /// Expected types, for `BAD_VALUE`.
    TYPE_TEXT = (
        "un texto entre comillas",
        "a string in quotes"
    );
    /// See `TYPE_TEXT`.
    TYPE_BOOL = ("true o false", "true or false");
    /// See `TYPE_TEXT`.
    TYPE_ENTITY = (
        "el número de la entidad de GLPI (0 o más)",
        "GLPI's entity number (0 or more)"
    );
    /// See `TYPE_TEXT`.
    TYPE_LANG = ("\"es\" o \"en\"", "\"es\" or \"en\"");
    /// See `TYPE_TEXT`.
    TYPE_TABLE = (
        "una tabla ([defaults] o [[job]])",
        "a table ([defaults] or [[job]])"
    );
    /// A required key is missing.
    MISSING_KEY = (
        "{file}: {job}: falta la clave {key}",
        "{file}: {job}: the key {key} is missing"
    );
    /// Neither files nor a database, or both.
    ONE_SOURCE = (
        "{file}: {job}: indique los datos con tickets y events (archivos) o con glpi_db (la base de datos de GLPI), uno de los dos",
        "{file}: {job}: give the data as tickets and events (files) or as glpi_db (GLPI's database), one of the two"
    );
    /// `glpi_entity` or `recursive` without `glpi_db`.
    GLPI_KEY_WITHOUT_DB = (
        "{file}: {job}: {key} solo vale con glpi_db",
        "{file}: {job}: {key} only goes with glpi_db"
    );
    /// A password written in `glpi_db`; `{url}` has it masked.
    PASSWORD_IN_URL = (
        "{file}: {job}: glpi_db {url} lleva la contraseña: quítela del archivo y póngala en PLAZO_DB_PASSWORD o en ~/.my.cnf ([client] password)",
        "{file}: {job}: glpi_db {url} carries the password: remove it from the file and put it in PLAZO_DB_PASSWORD or ~/.my.cnf ([client] password)"
    );
    /// More than one period key.
    PERIOD_KEYS = (
        "{file}: {job}: indique el periodo una sola vez: period, quarter o from y to",
        "{file}: {job}: give the period once: period, quarter or from and to"
    );
    /// `from` without `to` or the reverse.
    FROM_TO = (
        "{file}: {job}: from y to van juntos",
        "{file}: {job}: from and to go together"
    );
    /// Two jobs with the same name.
    DUPLICATE_NAME = (
        "{file}: dos trabajos se llaman {name}; cada nombre debe ser único (es el que muestra el registro)",
        "{file}: two jobs are named {name}; each name must be unique (the run log shows it)"
    );
    /// Two jobs writing the same folder.
    DUPLICATE_OUT = (
        "{file}: los trabajos {a} y {b} escriben en la misma carpeta {out}; dé a cada uno su carpeta",
        "{file}: the jobs {a} and {b} write into the same folder {out}; give each its own folder"
    );
    /// `--only` names no job of the file.
    UNKNOWN_ONLY = (
        "--only {name}: no hay ningún trabajo con ese nombre en {file}; los trabajos son: {names}",
        "--only {name}: no job has that name in {file}; the jobs are: {names}"
    );
    /// The job's command line is refused by `plazo report` itself;
    /// `{error}` is the command line parser's own text (English).
    BAD_COMMAND = (
        "{file}: {job}: la orden {command} no es válida: {error}",
        "{file}: {job}: the command {command} is not valid: {error}"
    );
    /// Another run holds the output folder's lock.
    LOCKED = (
        "la carpeta {out} está en uso por otra ejecución de plazo (pid {pid}, bloqueo {lock}); espere a que termine; el archivo de bloqueo se libera solo al terminar ese proceso",
        "the folder {out} is in use by another plazo run (pid {pid}, lock {lock}); wait for it to end; the lock is released by itself when that process ends"
    );
    /// A job that panicked (a bug in plazo).
    PANICKED = (
        "error interno de plazo ({what}); informe el error con el archivo de trabajos y el registro",
        "plazo internal error ({what}); report the bug with the jobs file and the run log"
    );
    /// One job done; `{rejects}` is empty or [`JOB_REJECTS`] (the
    /// rejects come first, as in every summary).
    JOB_OK = (
        "✓ {job}: {rejects}{period}, {n_tickets} tickets, {files} archivos en {out}, {secs} s",
        "✓ {job}: {rejects}{period}, {n_tickets} tickets, {files} files in {out}, {secs} s"
    );
    /// The start of `JOB_OK` when rows or cells were rejected.
    JOB_REJECTS = (
        "{n} filas o celdas rechazadas (ver rejects.csv); ",
        "{n} rejected rows or cells (see rejects.csv); "
    );
    /// One job failed.
    JOB_FAILED = same("✗ {job}: {error} ({secs} s)");
    /// A job left out by `enabled = false`.
    JOB_DISABLED = (
        "- {job}: desactivado (enabled = false)",
        "- {job}: disabled (enabled = false)"
    );
    /// The run's end, every job done.
    RUN_OK = (
        "plazo run {file}: {ok} de {total} trabajos correctos en {secs} s; registro: {log}",
        "plazo run {file}: {ok} of {total} jobs done in {secs} s; run log: {log}"
    );
    /// The run's end when some job failed (the error line, exit 1).
    RUN_FAILED = (
        "{failed} de {total} trabajos fallaron ({names}); los demás terminaron; vea el registro {log}",
        "{failed} of {total} jobs failed ({names}); the others completed; see the run log {log}"
    );
}
