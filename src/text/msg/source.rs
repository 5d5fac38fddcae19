//! The source adapters ([`crate::source`]): errors about inputs and
//! mappings, reject reasons, remarks for the ingest summary, GLPI table
//! imports.

crate::catalog! {
    /// `--source` with an unknown value. Shown by the argument parser,
    /// whose own text is English: rendered in English.
    UNKNOWN_SOURCE = (
        "fuente desconocida {value}: use glpi-csv, glpi-db, glpi-tables, ca-sdm, aranda o generic",
        "unknown source {value}: use glpi-csv, glpi-db, glpi-tables, ca-sdm, aranda or generic"
    );
    /// `--source generic` without `--mapping`.
    GENERIC_NEEDS_MAPPING = (
        "la fuente generic necesita --mapping ARCHIVO.toml",
        "the generic source needs --mapping FILE.toml"
    );
    /// The mapping lacks a key the generic source needs.
    MAPPING_NEEDS = ("el mapeo necesita {key}", "the mapping needs {key}");
    /// Reject reason: an empty status, or one of `status_null_values`.
    EMPTY_OR_NULL_STATUS = ("estado vacío o sin valor", "empty or null status");
    /// The mapping's `[tickets]` names an unknown canonical column.
    MAPPING_UNKNOWN_TICKETS_KEY = (
        "{file}: [tickets] clave desconocida {key}; use ticket_id, opened_at, {known} (o attributes = [...])",
        "{file}: [tickets] unknown key {key}; use ticket_id, opened_at, {known} (or attributes = [...])"
    );
    /// The mapping's `[input] separator` is not one character.
    MAPPING_BAD_SEPARATOR = (
        "[input] separator = {value}: use un solo carácter (\",\", \";\", \"\\t\", \"|\")",
        "[input] separator = {value}: use a single character (\",\", \";\", \"\\t\", \"|\")"
    );
    /// A GLPI search export lacks the ID or opening-date column.
    NOT_A_GLPI_EXPORT = (
        "{file}: no es una exportación de tickets de GLPI: falta la columna {column}; columnas: \"{have}\"",
        "{file}: not a GLPI ticket export: no {column} column; columns: \"{have}\""
    );
    /// Reject reason: a ticket repeated with other values (GLPI export).
    REPEATED_TICKET_DIFFERENT = (
        "ticket repetido con valores distintos (se conserva la primera fila)",
        "repeated ticket with different values (the first row is kept)"
    );
    /// Reject reason: a ticket row without opening date (GLPI export).
    MISSING_OPENING_DATE = ("falta la fecha de apertura", "missing opening date");
    /// Summary remark: the GLPI export's events are derived from dates.
    GLPI_EXPORT_DERIVED_EVENTS = (
        "{file}: la exportación de GLPI no trae historial de estados; se derivaron {count} eventos de las fechas de apertura (1), solución (5) y cierre (6)",
        "{file}: the GLPI export has no status history; {count} events were derived from the opening (1), solution (5) and closing (6) dates"
    );
    /// A GLPI table dump lacks a column plazo reads.
    DUMP_MISSING_COLUMN = (
        "{file}: falta la columna {column}; exporte la tabla completa (SELECT *)",
        "{file}: missing column {column}; export the whole table (SELECT *)"
    );
    /// A dump whose file name is no GLPI table plazo reads.
    UNKNOWN_GLPI_TABLE = (
        "{file}: no sé qué tabla de GLPI es; nombre el archivo como la tabla ({known})",
        "{file}: unknown GLPI table; name the file after its table ({known})"
    );
    /// `--source glpi-tables` without glpi_tickets.
    GLPI_TICKETS_REQUIRED = (
        "falta glpi_tickets.csv (SELECT * FROM glpi_tickets): es obligatoria",
        "glpi_tickets.csv (SELECT * FROM glpi_tickets) is required"
    );
    /// `calendar import-glpi --id` names no calendar of the dump.
    NO_SUCH_CALENDAR = (
        "{file}: no hay calendario con id {id}; use --id con uno de la tabla",
        "{file}: no calendar with id {id}; pass --id with one from the table"
    );
    /// A calendar segment's day is not a GLPI weekday.
    SEGMENT_DAY_NOT_0_6 = (
        "{file}: fila {row}: day no es 0..6",
        "{file}: row {row}: day is not 0..6"
    );
    /// A holiday's date cannot be read: `value` is the cell in quotes,
    /// or [`EMPTY_CELL`].
    HOLIDAY_UNREADABLE_DATE = (
        "{file}:{line}: {column} no es una fecha: {value}; GLPI la escribe AAAA-MM-DD (2026-12-25): corrija la celda o vuelva a exportar glpi_holidays",
        "{file}:{line}: {column} is not a date: {value}; GLPI writes it YYYY-MM-DD (2026-12-25): fix the cell or export glpi_holidays again"
    );
    /// An empty cell, where a value is shown.
    EMPTY_CELL = ("(celda vacía)", "(empty cell)");
    /// Reject reason: a GLPI dump row without the date that places it.
    GLPI_MISSING_DATE = (
        "falta la fecha: la fila no se puede ubicar en el tiempo",
        "missing date: the row cannot be placed in time"
    );
    /// Reject reason: a date of a GLPI table dump that cannot be read.
    GLPI_UNREADABLE_DATE = (
        "fecha ilegible: GLPI escribe AAAA-MM-DD HH:MM:SS (2026-01-02 11:22:21); corrija la celda o vuelva a exportar la tabla sin abrirla en Excel (que cambia el formato de las fechas)",
        "unreadable date: GLPI writes YYYY-MM-DD HH:MM:SS (2026-01-02 11:22:21); fix the cell or export the table again without opening it in Excel (which changes the dates' format)"
    );
    /// A GLPI SLA with an unknown `definition_time`.
    SLA_UNKNOWN_DEFINITION_TIME = (
        "{file}: fila {row}: definition_time desconocido {value} (minute, hour o day)",
        "{file}: row {row}: unknown definition_time {value} (minute, hour or day)"
    );
    /// Import note on a day-based GLPI SLA.
    SLA_DAY_BASED = (
        "ANS {id} {name}: en días; las reglas del procedimiento cuentan {duration} como días hábiles en la misma posición del reloj hábil; con [sla] deadline_rules = \"glpi\" plazo conserva la hora de apertura y corre la espera en segundos de reloj, como GLPI",
        "SLA {id} {name}: day-based; the procedure's rules count {duration} as business days at the same working-clock position; with [sla] deadline_rules = \"glpi\" plazo keeps the opening's time of day and adds waiting time in wall-clock seconds, as GLPI does"
    );
    /// Import note on a GLPI SLA ending at the end of the working day.
    SLA_END_OF_WORKING_DAY = (
        "ANS {id} {name}: end_of_working_day = 1, escrito como {key} = true; con [sla] deadline_rules = \"glpi\" el vencimiento pasa al cierre de ese día hábil, como en GLPI (las reglas del procedimiento lo ignoran)",
        "SLA {id} {name}: end_of_working_day = 1, written as {key} = true; with [sla] deadline_rules = \"glpi\" the deadline moves to the close of that working day, as in GLPI (the procedure's rules ignore it)"
    );
    /// Import note on deadlines at a period's close.
    SLA_DEADLINE_AT_CLOSE = (
        "GLPI guarda un vencimiento que cae justo al cierre de una franja como el inicio de la siguiente; las reglas del procedimiento conservan el cierre (17:00, no 07:00 del día siguiente); [sla] deadline_rules = \"glpi\" hace como GLPI",
        "a deadline ending exactly at a period's close is stored by GLPI as the next period's start; the procedure's rules keep the close (17:00, not 07:00 next day); [sla] deadline_rules = \"glpi\" does as GLPI"
    );
    /// Where an unreadable instant of a dump is (the instant reader's
    /// error follows). Not yet translated: Spanish runs print "row" too.
    DUMP_CELL = same("{file}: row {row}: {column}");
    /// Reject reason: a ticket deleted in GLPI.
    GLPI_TICKET_DELETED = (
        "ticket borrado en GLPI (is_deleted = 1)",
        "ticket deleted in GLPI (is_deleted = 1)"
    );
    /// Reject reason: a glpi_logs status change of an unknown ticket.
    GLPI_ORPHAN_CHANGE = (
        "cambio de estado de un ticket que no está en glpi_tickets (o borrado, o rechazado)",
        "status change of a ticket missing from glpi_tickets (or deleted, or rejected)"
    );
    /// Reject reason: a glpi_ticketsatisfactions row of an unknown
    /// ticket.
    GLPI_ORPHAN_SURVEY = (
        "encuesta de un ticket que no está en glpi_tickets (o borrado, o rechazado)",
        "survey of a ticket missing from glpi_tickets (or deleted, or rejected)"
    );
    /// Summary remark: no glpi_logs among the dumps.
    GLPI_NO_LOGS = (
        "sin glpi_logs: cada ticket tiene solo su estado actual en la apertura; exporte glpi_logs para la historia",
        "no glpi_logs: each ticket has only its current status at the opening; export glpi_logs for the history"
    );
    /// Summary remark: glpi_logs rows about other fields.
    GLPI_LOGS_OTHER_FIELDS = (
        "glpi_logs: {count} filas son historia de otros campos (id_search_option distinto de 12): leídas, sin evento",
        "glpi_logs: {count} rows are other fields' history (id_search_option other than 12): read, no event"
    );
    /// Summary remark: how many GLPI surveys were answered.
    GLPI_SURVEYS_ANSWERED = (
        "glpi_ticketsatisfactions: {answered} de {total} encuestas respondidas",
        "glpi_ticketsatisfactions: {answered} of {total} surveys answered"
    );
    /// A database-query output whose header is none of the expected
    /// tables.
    UNRECOGNISED_TABLE = (
        "{file}: no se reconoce la tabla: se espera la salida de tickets.sql (ticket_id, opened_at), events.sql (ticket_id, at, status) o surveys.sql (answered_at); events_groups.sql no lleva estados y no se ingiere",
        "{file}: unrecognised table: expected the output of tickets.sql (ticket_id, opened_at), events.sql (ticket_id, at, status) or surveys.sql (answered_at); events_groups.sql has no status and is not ingested"
    );
    /// `--status-pattern` is not a valid regex.
    INVALID_STATUS_PATTERN = (
        "patrón de estado inválido {pattern}: {detail}",
        "invalid status pattern {pattern}: {detail}"
    );
    /// `--status-pattern` has no capture group.
    STATUS_PATTERN_NO_GROUP = (
        "patrón de estado {pattern}: necesita un grupo entre paréntesis que capture el estado",
        "status pattern {pattern}: needs a parenthesised group capturing the status"
    );
    /// Summary remark: GLPI database initial-status events.
    GLPI_DB_INITIAL_EVENTS = (
        "glpi-db: {count} eventos de estado inicial en la apertura (old_status del primer cambio, o el estado actual si no hay cambios)",
        "glpi-db: {count} initial-status events at the opening (the first change's old_status, or the current status when nothing changed)"
    );
    /// Summary remark: CA SDM `INIT` rows.
    CA_SDM_INIT_ROWS = (
        "ca-sdm: {count} filas INIT aceptadas sin evento (marcan la creación)",
        "ca-sdm: {count} INIT rows accepted without an event (they mark the creation)"
    );
    /// Reject reason: a repeated ticket row (database sources).
    REPEATED_TICKET = (
        "ticket repetido (se conserva la primera fila)",
        "repeated ticket (the first row is kept)"
    );
    /// Reject reason: an `*_epoch` cell that is not an integer.
    EXPECTED_EPOCH_SECONDS = (
        "se esperaba un entero (segundos desde 1970)",
        "expected an integer (seconds since 1970)"
    );
    /// Reject reason: a CA SDM `ST` description the pattern does not
    /// match.
    STATUS_PATTERN_NO_MATCH = (
        "el patrón de estado no encuentra el estado nuevo; ajústelo con --status-pattern o [ca_sdm] status_pattern",
        "the status pattern finds no new status; adjust it with --status-pattern or [ca_sdm] status_pattern"
    );
    /// Context of a survey column missing from the file.
    SURVEYS_NAME_COLUMNS = (
        "encuestas: indique las columnas en [surveys] del mapeo",
        "surveys: name the columns in the mapping's [surveys]"
    );
    /// Reject reason: a survey answer without ticket number.
    MISSING_TICKET_NUMBER = ("falta el número del ticket", "missing ticket number");
    /// Reject reason: a score off the declared scale.
    SCORE_OFF_SCALE = (
        "puntaje que no es un número de la escala (max_score del mapeo)",
        "score that is not a number on the scale (the mapping's max_score)"
    );
    /// Summary remark: GLPI survey rows never answered.
    UNANSWERED_SURVEYS = (
        "{file}: {count} encuestas sin responder (aceptadas, sin fila)",
        "{file}: {count} unanswered surveys (accepted, no row)"
    );
    /// A workshift line that is neither a shift nor a holiday date;
    /// `text` is quoted.
    NOT_A_SHIFT = (
        "línea {line}: {text} no es un turno (\"Mon - Fri {{ 8:00 am - 5:00 pm }}\") ni una fecha mm/dd/yyyy",
        "line {line}: {text} is neither a shift (\"Mon - Fri {{ 8:00 am - 5:00 pm }}\") nor an mm/dd/yyyy date"
    );
}
