//! The "Metodología" sheet: how the figures were computed (version,
//! policy, calendar, counting rule, holidays, target rules, state
//! labels, exclusions, input files).

crate::catalog! {
    /// The sheet's title.
    METHOD_TITLE = (
        "Cómo se calcularon las cifras",
        "How the figures were computed"
    );
    /// plazo's version.
    METHOD_VERSION = ("Versión de plazo", "plazo version");
    /// The policy file.
    METHOD_POLICY = ("Política", "Policy");
    /// The policy's time zone.
    METHOD_TIME_ZONE = ("Zona horaria", "Time zone");
    /// The calendar in words.
    METHOD_CALENDAR = ("Calendario", "Calendar");
    /// Which period each measure counts in.
    METHOD_COUNTING = ("Regla de conteo", "Counting rule");
    /// The counting rule itself (docs/INDICATORS.md).
    METHOD_COUNTING_RULE = (
        "Cada medida cuenta en el periodo en que se completa: atención por la fecha de respuesta, solución por la fecha de solución, encuestas por la fecha de respuesta, abiertos por la fecha de apertura, pendientes al final del periodo. Mediana y percentil 90 por rango más cercano. Ver docs/INDICATORS.md.",
        "Each measure counts in the period in which it completes: response by responded_at, resolution by solved_at, surveys by answered_at, opened by opened_at, backlog at the period's end. Median and p90 by nearest rank. See docs/INDICATORS.md."
    );
    /// A 24x7 calendar.
    METHOD_ALWAYS_OPEN = ("24x7, sin festivos", "24x7, no holidays");
    /// Any other calendar: working hours per weekday, holiday sets and
    /// the entity's closures.
    METHOD_CALENDAR_TEXT = (
        "Horario: {hours}. Festivos: {holidays}. Cierres de la entidad: {closures}.",
        "Hours: {hours}. Holidays: {holidays}. Entity closures: {closures}."
    );
    /// A calendar without closures of its own.
    METHOD_NO_CLOSURES = same("-");
    /// Header of the holidays table.
    METHOD_HOLIDAYS = (
        "Festivos y cierres del periodo",
        "Holidays and closures in the period"
    );
    /// Column: a holiday's name.
    METHOD_HOLIDAY_NAME = ("Nombre", "Name");
    /// Header of the target rules table.
    METHOD_TARGET_RULE = ("Regla de ANS", "Target rule");
    /// Column: which tickets a target rule applies to.
    METHOD_APPLIES_TO = ("Aplica a", "Applies to");
    /// A target rule by its position in the policy.
    METHOD_RULE_INDEX = same("#{index}");
    /// A target read from a tickets column (`[targets_from_ticket]`).
    METHOD_TARGET_COLUMN = ("columna {name}", "column {name}");
    /// The `[targets_from_ticket]` line of the target rules.
    METHOD_FROM_TICKET = ("Del ticket", "From the ticket");
    /// What `[targets_from_ticket]` does.
    METHOD_FROM_TICKET_RULE = (
        "ANS propio de cada ticket; prevalece sobre la regla",
        "each ticket's own target; wins over the rule"
    );
    /// Header of the state labels table.
    METHOD_STATE = ("Estado canónico", "Canonical state");
    /// Column: the tool's labels of a state.
    METHOD_TOOL_LABELS = ("Etiquetas de la herramienta", "Tool labels");
    /// Header of the exclusions table.
    METHOD_EXCLUSIONS = ("Exclusiones", "Exclusions");
    /// `[exclude] massive_affected_users`.
    METHOD_MASSIVE = (
        "Masivo: más usuarios afectados que",
        "Massive: more affected users than"
    );
    /// `[exclude] types`.
    METHOD_EXCLUDED_TYPES = ("Tipos excluidos", "Excluded types");
    /// `[exclude] categories`.
    METHOD_EXCLUDED_CATEGORIES = (
        "Categorías excluidas",
        "Excluded categories"
    );
    /// The cancelled state.
    METHOD_CANCELLED = ("Estado anulado", "Cancelled state");
    /// The cancelled state is always excluded.
    METHOD_ALWAYS_EXCLUDED = ("siempre excluido", "always excluded");
    /// A named `[[exclude.rules]]` entry.
    METHOD_NAMED_RULE = same("{description} ({reason})");
    /// Header of the input files table.
    METHOD_INPUT_FILE = ("Archivo de entrada", "Input file");
    /// Column: the file's SHA-256.
    METHOD_SHA256 = same("SHA-256");
    /// Column: data rows read.
    METHOD_ROWS = ("Filas", "Rows");
    /// Column: policy, tickets, events or surveys.
    METHOD_ROLE = ("Papel", "Role");
}
