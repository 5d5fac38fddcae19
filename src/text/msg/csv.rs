//! Reading tables ([`crate::io::csv`]): files that cannot be opened or
//! split, empty files, missing columns, rows that cannot be decoded.

crate::catalog! {
    /// A file named with the explanation of the layer below (the
    /// operating system's or the CSV reader's, in English).
    FILE_DETAIL = same("{file}: {detail}");
    /// The header row cannot be read.
    UNREADABLE = (
        "{file}: CSV ilegible: {detail}",
        "{file}: unreadable CSV: {detail}"
    );
    /// A row cannot be read: the CSV reader's explanation follows.
    UNREADABLE_AT = (
        "{file}:{line}: CSV ilegible: {detail}",
        "{file}:{line}: unreadable CSV: {detail}"
    );
    /// The file has no header row at all.
    EMPTY_FILE = (
        "{file}: el archivo está vacío; se espera una fila de encabezados",
        "{file}: the file is empty; a header row is expected"
    );
    /// A column named by a setting (`key`) is not in the file; `column`
    /// is quoted, `have` lists the file's columns.
    NO_COLUMN = (
        "{file}: no hay columna {column} ({key}); columnas del archivo: \"{have}\"",
        "{file}: no column {column} ({key}); the file's columns: \"{have}\""
    );
    /// A row's bytes are not UTF-8 (reject reason).
    ROW_NOT_UTF8 = (
        "texto que no es UTF-8 válido: use --encoding windows-1252",
        "text that is not valid UTF-8: use --encoding windows-1252"
    );
    /// A row has another number of fields than the header (reject
    /// reason).
    FIELD_COUNT = (
        "se esperaban {expected} campos y hay {found}",
        "expected {expected} fields, found {found}"
    );
    /// A `.zip` input cannot be read.
    ZIP_UNREADABLE = (
        "{file}: zip ilegible: {detail}",
        "{file}: unreadable zip: {detail}"
    );
    /// A `.zip` input holds no table or several; `list` names them.
    ZIP_NOT_ONE_TABLE = (
        "{file}: el zip debe contener exactamente una tabla (.csv, .tsv o .txt) y contiene {count}: {list}; descomprímalo y pase cada archivo con --input",
        "{file}: the zip must hold exactly one table (.csv, .tsv or .txt) and holds {count}: {list}; unzip it and pass each file with --input"
    );
    /// A canonical table is UTF-8 but one line has a stray byte.
    MIXED_UTF8 = (
        "{file}:{line}: el archivo es UTF-8 pero esta línea tiene un byte que no lo es; corrija esa línea o guarde el archivo como \"CSV UTF-8\"",
        "{file}:{line}: the file is UTF-8 but this line has a byte that is not; fix that line or save the file as \"CSV UTF-8\""
    );
    /// A field of a canonical table is not UTF-8 while the start of the
    /// file is; `field` is its number and column.
    FIELD_NOT_UTF8 = (
        "{file}:{line}: el campo {field} no es texto UTF-8 (el comienzo del archivo sí lo es); guárdelo como \"CSV UTF-8\" o conviértalo con plazo ingest --encoding windows-1252",
        "{file}:{line}: field {field} is not UTF-8 text (the start of the file is); save it as \"CSV UTF-8\" or convert it with plazo ingest --encoding windows-1252"
    );
}
