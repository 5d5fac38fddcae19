//! The input layer's messages (`src/io/`): tables that cannot be read
//! (CSV, gzip, zip) and rows that do not fit their header.

crate::catalog! {
    /// The CSV reader refused the header line; its own text follows.
    CSV_UNREADABLE = (
        "{file}: CSV ilegible: {detail}",
        "{file}: unreadable CSV: {detail}"
    );
    /// A table with no header line.
    CSV_EMPTY = (
        "{file}: el archivo está vacío; se espera una fila de encabezados",
        "{file}: the file is empty; a header row is expected"
    );
    /// A column the command needs is missing; `{key}` is the setting
    /// that names it.
    CSV_NO_COLUMN = (
        "{file}: no hay columna {column} ({key}); columnas del archivo: \"{columns}\"",
        "{file}: no column {column} ({key}); the file's columns: \"{columns}\""
    );
    /// A row's text is not UTF-8 (a rejected row's reason).
    ROW_NOT_UTF8 = (
        "texto que no es UTF-8 válido: use --encoding windows-1252",
        "text that is not valid UTF-8: use --encoding windows-1252"
    );
    /// A row with more or fewer fields than the header (a rejected row's
    /// reason).
    ROW_FIELD_COUNT = (
        "se esperaban {expected} campos y hay {found}",
        "expected {expected} fields, found {found}"
    );
    /// The zip reader refused an archive; its own text follows.
    ZIP_UNREADABLE = (
        "{file}: zip ilegible: {detail}",
        "{file}: unreadable zip: {detail}"
    );
    /// A zip archive with no or several tables.
    ZIP_NOT_ONE_TABLE = (
        "{file}: el zip debe contener exactamente una tabla (.csv, .tsv o .txt) y contiene {count}: {tables}; descomprímalo y pase cada archivo con --input",
        "{file}: the zip must hold exactly one table (.csv, .tsv or .txt) and holds {count}: {tables}; unzip it and pass each file with --input"
    );
}
