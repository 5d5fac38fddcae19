//! Long lists over numbered sheets (issue 13, docs/CONTRACT.md §5.10):
//! the note row of a list split over sheets, and the error of the
//! `--sheet-row-limit` testing knob.

crate::catalog! {
    /// The note above the header of every part of a list split over
    /// sheets; `{names}` lists the sheets, `{part}` counts from 1.
    LIST_PARTS = (
        "Lista de {rows} filas en {count} hojas: {names}. Esta es la hoja {part} de {count}.",
        "List of {rows} rows over {count} sheets: {names}. This is sheet {part} of {count}."
    );
    /// `--sheet-row-limit` (or the job key `sheet_row_limit`) out of
    /// range or not a number.
    BAD_ROW_LIMIT = (
        "--sheet-row-limit {value}: debe ser un número entero entre {min} y {max} (filas por hoja, incluidas la nota y el encabezado); es una opción de prueba: omítala para usar el límite de Excel",
        "--sheet-row-limit {value}: must be a whole number from {min} to {max} (rows per sheet, note and header included); it is a testing option: leave it out to use Excel's limit"
    );
}
