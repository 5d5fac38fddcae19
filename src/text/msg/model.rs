//! The canonical model ([`crate::model`]): the builder's reject reasons,
//! accounting check and ingest summary; the canonical tables' loader
//! (missing columns, reject reasons) and Parquet reader.

crate::catalog! {
    /// `--shard` is not `K/N` with `N` at least 1 and `K` in `0..N`.
    BAD_SHARD = (
        "{flag} {value}: escriba K/N, con N (el número de fragmentos) de 1 en adelante y K (este fragmento) de 0 a N-1, p. ej. --shard 0/4 ... --shard 3/4",
        "{flag} {value}: write K/N, with N (the number of shards) 1 or more and K (this shard) from 0 to N-1, e.g. --shard 0/4 ... --shard 3/4"
    );
    /// Reject reason: a row without ticket id.
    MISSING_TICKET_ID = (
        "falta el identificador del ticket",
        "missing ticket id"
    );
    /// Reject reason: a date the column's format cannot read.
    UNREADABLE_DATE_WITH_FORMAT = (
        "fecha ilegible con el formato {format}",
        "unreadable date with format {format}"
    );
    /// Reject reason: an event whose ticket is not in the ticket table.
    EVENT_OF_UNKNOWN_TICKET = (
        "evento de un ticket que no está en la tabla de tickets",
        "event of a ticket missing from the ticket table"
    );
    /// Reject reason: a survey answer whose ticket is not in the ticket
    /// table.
    SURVEY_OF_UNKNOWN_TICKET = (
        "encuesta de un ticket que no está en la tabla de tickets",
        "survey of a ticket missing from the ticket table"
    );
    /// Reject reason: a date before 1970 or after 2099 (a typo in the
    /// year; `time::plausible`).
    IMPLAUSIBLE_DATE = (
        "fecha fuera del rango admitido (1970 a 2099): revise el año",
        "date outside the accepted range (1970 to 2099): check the year"
    );
    /// Reject reason: a ticket with neither an opening nor events.
    NO_OPENING_NO_EVENTS = (
        "ticket sin fecha de apertura ni eventos",
        "ticket with no opening date and no events"
    );
    /// Reject reason: an empty status (builder sources and the loader).
    EMPTY_STATUS = ("estado vacío", "empty status");
    /// The accounting check failed: a plazo bug.
    INCONSISTENT_COUNTS = (
        "{file}: cuentas inconsistentes: {read} filas leídas != {accepted} aceptadas + {rejected} rechazadas + {merged} duplicadas (error de plazo; repórtelo)",
        "{file}: inconsistent counts: {read} rows read != {accepted} accepted + {rejected} rejected + {merged} duplicates (a plazo bug; please report it)"
    );
    /// The ingest summary's line for one input file.
    SUMMARY_FILE = (
        "{file} ({kind}, {encoding}): {read} filas leídas, {accepted} aceptadas, {rejected} rechazadas, {merged} duplicadas fusionadas",
        "{file} ({kind}, {encoding}): {read} rows read, {accepted} accepted, {rejected} rejected, {merged} duplicates merged"
    );
    /// The ingest summary's line under a file (or database table) with
    /// no data row: a file of only a header.
    SUMMARY_NO_ROWS = (
        "{file}: 0 filas de datos: no trae ningún registro; revise el filtro o el periodo con que se exportó o consultó",
        "{file}: 0 data rows: it holds no record; check the filter or the period it was exported or queried with"
    );
    /// The ingest summary's totals.
    SUMMARY_TOTAL = (
        "total: {tickets} tickets, {events} eventos, {surveys} encuestas; {before} eventos antes de la apertura (conservados; el motor ANS los lleva a la apertura); {derived} eventos derivados de fechas o del estado inicial",
        "total: {tickets} tickets, {events} events, {surveys} surveys; {before} events before opening (kept; the SLA engine clamps them to the opening); {derived} events derived from dates or the initial status"
    );
    /// A canonical table lacks a required column; `columns` lists the
    /// file's.
    MISSING_REQUIRED_COLUMN = (
        "{file}: falta la columna obligatoria {column} (columnas: {columns}); convierta el archivo con plazo ingest o renombre la columna",
        "{file}: missing required column {column} (columns: {columns}); convert the file with plazo ingest or rename the column"
    );
    /// Reject reason: an empty `ticket_id` in the tickets table.
    EMPTY_TICKET_ID = ("ticket_id vacío", "empty ticket_id");
    /// Reject reason: an instant of a canonical table that is not ISO
    /// 8601.
    UNREADABLE_ISO_DATE = (
        "fecha ilegible: use ISO 8601 (2026-03-05 14:22[:10][-05:00])",
        "unreadable date: use ISO 8601 (2026-03-05 14:22[:10][-05:00])"
    );
    /// Reject reason: `affected_users` that is not a whole number.
    NOT_A_WHOLE_NUMBER = ("no es un número entero", "not a whole number");
    /// Reject reason: a score or scale that is not a number.
    NOT_A_NUMBER = ("no es un número", "not a number");
    /// Reject reason: a ticket row repeating an earlier `ticket_id`.
    REPEATED_TICKET_ID = (
        "ticket_id repetido (ya en la línea {line})",
        "repeated ticket_id (already on line {line})"
    );
    /// Reject reason: an event or answer of a ticket the tickets table
    /// does not have.
    TICKET_NOT_IN_TICKETS = (
        "el ticket no está en la tabla de tickets",
        "ticket not in the tickets table"
    );
    /// A file that is not Parquet.
    PARQUET_UNREADABLE = (
        "{file}: Parquet ilegible: {detail}",
        "{file}: unreadable Parquet: {detail}"
    );
    /// A Parquet date or date-time column (no offset in its text).
    PARQUET_TEMPORAL_COLUMN = (
        "{file}: la columna {column} es de tipo {type} (fecha y hora sin zona explícita en el texto); escríbala como texto ISO 8601 con desfase, p. ej. 2026-03-05T14:22:10-05:00 (plazo ingest --format parquet lo hace)",
        "{file}: column {column} has type {type} (a date-time with no explicit offset in its text); write it as ISO 8601 text with an offset, e.g. 2026-03-05T14:22:10-05:00 (plazo ingest --format parquet does)"
    );
    /// A Parquet column that cannot be read as text.
    PARQUET_NOT_TEXT = (
        "{file}: la columna {column} es de tipo {type} y no se puede leer como texto ({detail}); escriba las fechas como texto ISO 8601 (plazo ingest --format parquet lo hace)",
        "{file}: column {column} has type {type} and cannot be read as text ({detail}); write instants as ISO 8601 text (plazo ingest --format parquet does)"
    );
}
