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
    /// A row passes the size limit (`limit`, e.g. "16 MiB"); `column`
    /// is the field being read, with its name when known.
    ROW_TOO_LONG = (
        "{file}:{line}: la fila pasa del límite de {limit} (columna {column}); casi siempre es una comilla (\") que abre un campo y no se cierra, y el resto del archivo se lee como una sola celda: corrija esa línea o vuelva a exportar",
        "{file}:{line}: the row passes the limit of {limit} (column {column}); this is nearly always a quote (\") that opens a field and is never closed, so the rest of the file reads as one cell: fix that line or export again"
    );
    /// A row has more fields than the column limit.
    TOO_MANY_COLUMNS = (
        "{file}:{line}: la fila tiene más de {limit} columnas (el máximo de Excel), separadas por {separator}; revise que el archivo sea una tabla y que su separador sea ese, o páselo en el mapeo ([input] separator)",
        "{file}:{line}: the row has more than {limit} columns (Excel's maximum), split on {separator}; check that the file is a table with that separator, or give it in the mapping ([input] separator)"
    );
    /// A row holds a NUL byte (reject reason).
    ROW_HAS_NUL = (
        "la fila tiene bytes NUL: el archivo está dañado o mezcla otra codificación; vuelva a exportarlo",
        "the row holds NUL bytes: the file is damaged or mixes in another encoding; export it again"
    );
    /// A data row repeats the header (reject reason).
    REPEATED_HEADER = (
        "la fila repite el encabezado: ¿dos exportaciones unidas en un archivo? Las filas siguientes se leen",
        "the row repeats the header: two exports joined into one file? The rows after it are read"
    );
    /// A table dump holds a NUL byte.
    NUL_IN_TABLE = (
        "{file}:{line}: la línea tiene bytes NUL: el archivo está dañado o no es texto; vuelva a exportar la tabla",
        "{file}:{line}: the line holds NUL bytes: the file is damaged or is not text; export the table again"
    );
    /// A table in plazo's own form (given back to it) cannot be read.
    TABLE_UNREADABLE_AT = (
        "{file}:{line}: tabla ilegible: {detail}; una tabla de plazo tiene una fila de encabezados y en cada fila los mismos campos, separados por comas: corrija esa línea (comillas o comas de más o de menos) o vuelva a generar la tabla con plazo ingest",
        "{file}:{line}: unreadable table: {detail}; a plazo table has a header row and the same fields on every row, separated by commas: fix that line (quotes, or commas too many or too few) or write the table again with plazo ingest"
    );
}
