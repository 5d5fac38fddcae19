//! The "Metodología" sheet: how the figures were computed, in plain
//! words (version, policy, zone, period, cutoff, working hours,
//! holidays, closures, counting rule, automatic close, survey scale,
//! goals), which policy values are assumptions, then the period's
//! holidays, the target rules as sentences, the state labels, the
//! exclusions and the input files.

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
    /// The zone in words with its IANA name.
    METHOD_ZONE_VALUE = same("{zone} ({tz})");
    /// The working hours.
    METHOD_HOURS = ("Horario de atención", "Working hours");
    /// A 24x7 calendar.
    METHOD_ALWAYS_OPEN = (
        "todos los días, las 24 horas, sin festivos",
        "every day, 24 hours, no holidays"
    );
    /// Monday.
    DAY_MON = ("lunes", "Monday");
    /// Tuesday.
    DAY_TUE = ("martes", "Tuesday");
    /// Wednesday.
    DAY_WED = ("miércoles", "Wednesday");
    /// Thursday.
    DAY_THU = ("jueves", "Thursday");
    /// Friday.
    DAY_FRI = ("viernes", "Friday");
    /// Saturday.
    DAY_SAT = ("sábado", "Saturday");
    /// Sunday.
    DAY_SUN = ("domingo", "Sunday");
    /// Consecutive days with the same hours.
    METHOD_DAY_RUN = ("{first} a {last}", "{first} to {last}");
    /// Days and their working hours.
    METHOD_DAY_HOURS = same("{days} {hours}");
    /// The days without working hours.
    METHOD_CLOSED_DAYS = ("sin servicio: {days}", "closed: {days}");
    /// The last join of a list ("a, b y c").
    METHOD_AND = (" y ", " and ");
    /// The holiday sets.
    METHOD_HOLIDAY_SETS = ("Festivos", "Holidays");
    /// A holiday set whose file gives no title.
    METHOD_HOLIDAY_SET = ("Festivos de {name}", "{name} public holidays");
    /// No holiday set, no closures.
    METHOD_NONE = ("ninguno", "none");
    /// The entity's own closed days.
    METHOD_CLOSURES = ("Cierres de la entidad", "Entity closures");
    /// Which period each measure counts in.
    METHOD_COUNTING = ("Regla de conteo", "Counting rule");
    /// The counting rule itself (docs/INDICATORS.md).
    METHOD_COUNTING_RULE = (
        "Cada medida cuenta en el periodo en que se completa: {response} y {resolution} por la fecha en que ocurren, las encuestas por la fecha en que se respondieron, la apertura por su fecha y lo pendiente al último instante del periodo. Los tiempos se miden en horas hábiles del horario de atención, sin festivos ni cierres, y sin el tiempo en espera. Mediana y percentil 90 por rango más cercano.",
        "Each measure counts in the period in which it completes: the {response} by its date, the {resolution} by its date, surveys by the date they were answered, openings by their date, and the open ones at the period's last instant. Times are business hours of the working hours, without holidays, closures or paused time. Median and 90th percentile by nearest rank."
    );
    /// `[close] auto_close_after`.
    METHOD_AUTO_CLOSE = ("Cierre automático", "Automatic close");
    /// The automatic close in words.
    METHOD_AUTO_CLOSE_TEXT = (
        "{after} después de la fecha de {resolution}, si la encuesta no se responde",
        "{after} after the {resolution}, when the survey is not answered"
    );
    /// `[survey] scale_max` and `satisfied_min`.
    METHOD_SURVEY_SCALE = ("Escala de la encuesta", "Survey scale");
    /// The survey scale in words.
    METHOD_SURVEY_SCALE_TEXT = (
        "calificaciones hasta {max}; se cuenta como satisfacción una calificación de {min} o más",
        "scores up to {max}; a score of {min} or more counts as satisfied"
    );
    /// `[survey] applies_to`.
    METHOD_SURVEY_SCOPE = ("Alcance de la encuesta", "Survey scope");
    /// The indicators' goals.
    METHOD_GOALS = ("Metas de los indicadores", "Indicator goals");
    /// No indicator has a goal.
    METHOD_NO_GOALS = ("sin meta definida", "no goal set");
    /// One goal: the indicator's name and its bound.
    METHOD_GOAL = same("{name} {bound}");
    /// `[clock] start`.
    METHOD_CLOCK = ("Inicio del reloj", "Clock start");
    /// The note beside a value the policy lists in `assumed`.
    METHOD_ASSUMED_NOTE = (
        "supuesto (el procedimiento no lo fija)",
        "assumed (the procedure does not set it)"
    );
    /// The legend of the assumed values, under the title.
    METHOD_ASSUMED_LEGEND = (
        "Los valores marcados «supuesto» no los fija el procedimiento de la entidad: los eligió quien configuró la política y deben confirmarse antes de firmar. En las demás hojas, las columnas que los muestran dicen «valor supuesto».",
        "Values marked \"assumed\" are not set by the entity's procedure: whoever configured the policy chose them, and they must be confirmed before signing. In the other sheets, the columns that show them say \"assumed value\"."
    );
    /// Header of the assumed values table.
    METHOD_ASSUMED = ("Valores supuestos", "Assumed values");
    /// Column: the assumed value's key in the policy file.
    METHOD_KEY = ("Clave en la política", "Policy key");
    /// `assumed`: `calendar.hours`.
    ASSUMED_CALENDAR_HOURS = ("Horario de atención", "Working hours");
    /// `assumed`: `calendar.extra_closed_days`.
    ASSUMED_CLOSED_DAYS = ("Cierres de la entidad", "Entity closures");
    /// `assumed`: `states`.
    ASSUMED_STATES = (
        "Correspondencia de los estados de la herramienta",
        "Mapping of the tool's states"
    );
    /// `assumed`: `targets`.
    ASSUMED_TARGETS = (
        "Metas de ANS (tiempos de {response} y de {resolution})",
        "SLA targets ({response} and {resolution} times)"
    );
    /// `assumed`: `exclude`.
    ASSUMED_EXCLUDE = ("Exclusiones", "Exclusions");
    /// `assumed`: `close`.
    ASSUMED_CLOSE = ("Cierre automático", "Automatic close");
    /// `assumed`: `survey.scale`.
    ASSUMED_SURVEY_SCALE = ("Escala de la encuesta", "Survey scale");
    /// `assumed`: `survey.applies_to`.
    ASSUMED_SURVEY_SCOPE = ("Alcance de la encuesta", "Survey scope");
    /// `assumed`: `indicators`.
    ASSUMED_INDICATORS = ("Metas de los indicadores", "Indicator goals");
    /// `assumed`: `clock`.
    ASSUMED_CLOCK = ("Inicio del reloj", "Clock start");
    /// `assumed`: `matching`.
    ASSUMED_MATCHING = (
        "Cruce de encuestas y eventos con los {tickets}",
        "Matching of surveys and events to {tickets}"
    );
    /// Header of the holidays table.
    METHOD_HOLIDAYS = (
        "Festivos y cierres del periodo",
        "Holidays and closures in the period"
    );
    /// Column: a holiday's name.
    METHOD_HOLIDAY_NAME = ("Nombre", "Name");
    /// Header of the target rules table.
    METHOD_TARGET_RULE = ("Regla de ANS", "Target rule");
    /// Column: the rule in words.
    METHOD_RULE_TEXT = ("Qué fija", "What it sets");
    /// A target rule by its position in the policy.
    METHOD_RULE_INDEX = same("#{index}");
    /// A target rule in words.
    METHOD_RULE_SENTENCE = (
        "{Tickets} con {applies}: {measures}.",
        "{Tickets} with {applies}: {measures}."
    );
    /// A catch-all target rule in words.
    METHOD_RULE_ALL = (
        "Cualquier {ticket} sin regla anterior que aplique: {measures}.",
        "Any {ticket} no earlier rule applies to: {measures}."
    );
    /// A measure and its target.
    METHOD_MEASURE_IN = ("{measure} en {time}", "{measure} within {time}");
    /// A rule that sets neither target.
    METHOD_NO_MEASURE = ("sin meta de tiempo", "no time target");
    /// A match on a ticket field.
    METHOD_MATCH = same("{field} «{values}»");
    /// A match on a branch of a tree.
    METHOD_MATCH_PREFIX = (
        "{field} dentro de «{values}»",
        "{field} under «{values}»"
    );
    /// A match on another column of the tickets.
    METHOD_MATCH_COLUMN = (
        "columna {field} «{values}»",
        "column {field} «{values}»"
    );
    /// Alternatives of a match.
    METHOD_OR = (" o ", " or ");
    /// The field `type`.
    FIELD_TYPE = ("tipo", "type");
    /// The field `priority`.
    FIELD_PRIORITY = ("prioridad", "priority");
    /// The field `category`.
    FIELD_CATEGORY = ("categoría", "category");
    /// The field `service`.
    FIELD_SERVICE = ("servicio", "service");
    /// The field `group`.
    FIELD_GROUP = same("{group}");
    /// One business day.
    DUR_DAY = ("{n} día hábil", "{n} business day");
    /// Business days.
    DUR_DAYS = ("{n} días hábiles", "{n} business days");
    /// One business hour.
    DUR_HOUR = ("{n} hora hábil", "{n} business hour");
    /// Business hours.
    DUR_HOURS = ("{n} horas hábiles", "{n} business hours");
    /// Business minutes.
    DUR_MINUTES = ("{n} minutos hábiles", "{n} business minutes");
    /// Hours and minutes.
    DUR_HM = ("{h} h {m} min hábiles", "{h} h {m} min of business time");
    /// Any other business duration.
    DUR_OTHER = ("{d} hábiles", "{d} of business time");
    /// A target read from a tickets column (`[targets_from_ticket]`).
    METHOD_TARGET_COLUMN = ("columna {name}", "column {name}");
    /// The `[targets_from_ticket]` line of the target rules.
    METHOD_FROM_TICKET = ("Del {ticket}", "From the {ticket}");
    /// What `[targets_from_ticket]` does.
    METHOD_FROM_TICKET_RULE = (
        "Cada {ticket} trae su propio ANS ({response}: {response_col}; {resolution}: {resolution_col}); prevalece sobre la regla.",
        "Each {ticket} carries its own target ({response}: {response_col}; {resolution}: {resolution_col}); it wins over the rule."
    );
    /// Header of the state labels table.
    METHOD_STATE = ("Estado", "State");
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
    /// Role: the policy file.
    ROLE_POLICY = ("política", "policy");
    /// Role: the tickets table.
    ROLE_TICKETS = same("{tickets}");
    /// Role: the events table.
    ROLE_EVENTS = ("eventos", "events");
    /// Role: the surveys table.
    ROLE_SURVEYS = ("encuestas", "surveys");
    /// An input's role: precomputed per-ticket rows (`--sla-rows`).
    ROLE_SLA_ROWS = (
        "filas por ticket precalculadas (plazo sla)",
        "precomputed per-ticket rows (plazo sla)"
    );
}
