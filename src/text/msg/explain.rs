//! `plazo explain`: the lines above the timeline, the table's headers and
//! cells, the totals, the verdicts, the close and the exclusion (rendered
//! by `report::explain`), and the command's own error.

crate::catalog! {
    /// The first line, for a ticket without a title.
    TICKET = same("Ticket {id}");
    /// The first line, for a ticket with a title.
    TICKET_TITLED = same("Ticket {id} — {title}");
    /// The policy and the cutoff.
    POLICY = (
        "Política: {name} ({path}) · corte: {cutoff}",
        "Policy: {name} ({path}) · cutoff: {cutoff}"
    );
    /// The `type` attribute.
    ATTR_TYPE = ("tipo", "type");
    /// The `priority` attribute (also in the line of values the target
    /// rule was chosen with).
    ATTR_PRIORITY = ("prioridad", "priority");
    /// The `category` attribute.
    ATTR_CATEGORY = ("categoría", "category");
    /// The `group` attribute (also in the line of values the target rule
    /// was chosen with).
    ATTR_GROUP = ("grupo", "group");
    /// The `assignee` attribute.
    ATTR_ASSIGNEE = ("técnico", "assignee");
    /// The opening instant.
    OPENED = ("Abierto: {at}", "Opened: {at}");
    /// `[clock] start` moved the clocks before the opening.
    CLOCK_START = (
        "Los relojes empiezan: {at} ({column}, [clock] start)",
        "The clocks start: {at} ({column}, [clock] start)"
    );
    /// `[matching] from_events`: an event's value chose the target rule;
    /// `{table}` is the tickets table's value, quoted.
    MATCHED = (
        "Para elegir el ANS: {field} = {value} (fijada por el evento del {at}; en la tabla de tickets {table})",
        "For the target rule: {field} = {value} (set by the event of {at}; in the tickets table {table})"
    );
    /// `[targets_from_ticket]`: where each measure's target comes from.
    OWN_TARGETS = (
        "ANS propio del ticket (prevalece sobre la regla): respuesta {response}, solución {resolution}",
        "The ticket's own target (wins over the rule): response {response}, resolution {resolution}"
    );
    /// The ticket's own target and the column it was read from.
    OWN_FROM_COLUMN = same("{target} ({column})");
    /// The ticket does not carry this target: its rule's applies.
    OWN_RULES = ("el de la regla", "the rule's");
    /// No target for this measure.
    NOT_MEASURED = ("no se mide", "not measured");
    /// The `[[targets]]` rule applied and its two targets.
    RULE = (
        "ANS aplicado: targets[{index}] ({label}): respuesta {response}, solución {resolution}",
        "Target rule: targets[{index}] ({label}): response {response}, resolution {resolution}"
    );
    /// No `[[targets]]` rule matches the ticket.
    RULE_NONE = (
        "ANS aplicado: ninguno (ninguna regla de [[targets]] coincide)",
        "Target rule: none (no [[targets]] rule matches)"
    );
    /// A rule's target and its length in business time for this ticket.
    RULE_TARGET = ("{target} ({business} hábiles)", "{target} ({business} business)");
    /// A rule's target the ticket's own overrides.
    RULE_UNUSED = (
        "{target} (no se usa: vale el del ticket)",
        "{target} (unused: the ticket's applies)"
    );
    /// The rule sets no target; the ticket's own applies.
    RULE_NOT_SET = ("no lo fija: vale el del ticket", "not set: the ticket's applies");
    /// Column: the interval's number.
    COL_NUMBER = same("#");
    /// Column: the canonical state.
    COL_STATE = ("estado", "state");
    /// Column: the source label that began the interval.
    COL_SOURCE = ("etiqueta origen", "source label");
    /// Column: start.
    COL_START = ("inicio", "start");
    /// Column: end.
    COL_END = ("fin", "end");
    /// Column: wall-clock duration.
    COL_WALL = ("duración", "wall");
    /// Column: business duration.
    COL_BUSINESS = ("hábil", "business");
    /// Column: what the interval counted as.
    COL_COUNTS_AS = ("cuenta como", "counts as");
    /// Column: the running resolution total.
    COL_RESOLUTION_SO_FAR = ("solución acum.", "resolution so far");
    /// Column: the group holding the ticket in the interval.
    COL_GROUP = ("grupo", "group");
    /// Column: the assignee holding the ticket in the interval.
    COL_ASSIGNEE = ("técnico", "assignee");
    /// The group column when no event or ticket names one.
    NO_GROUP = ("(sin grupo)", "(no group)");
    /// The assignee column when the group has not assigned anyone.
    UNASSIGNED = ("(sin asignar)", "(unassigned)");
    /// The interval that begins at the opening.
    SOURCE_OPENING = ("(apertura)", "(opening)");
    /// A working period inside an interval (`--detail`).
    WORKING = ("hábil", "working");
    /// Counts as: both clocks run.
    COUNTS_RESPONSE_RESOLUTION = ("respuesta + solución", "response + resolution");
    /// Counts as: the resolution clock runs.
    COUNTS_RESOLUTION = ("solución", "resolution");
    /// Counts as: a pause.
    COUNTS_PAUSE = ("pausa (no cuenta)", "pause (not counted)");
    /// Counts as: after the solution.
    COUNTS_AFTER_SOLUTION = ("después de la solución", "after the solution");
    /// Counts as: solved, then reopened.
    COUNTS_SOLVED_BEFORE_REOPEN = (
        "resuelto antes de reabrir (no cuenta)",
        "solved before a reopen (not counted)"
    );
    /// Counts as: cancelled.
    COUNTS_CANCELLED = ("anulado (no cuenta)", "cancelled (not counted)");
    /// Totals; `{solved_before}` is empty or [`SOLVED_BEFORE_REOPEN`].
    TOTALS = (
        "Tiempo hábil en pausa: {paused} {solved_before} · reaperturas: {reopens} · estado al corte: {state}",
        "Business time paused: {paused} {solved_before} · reopens: {reopens} · state at cutoff: {state}"
    );
    /// Business time solved before a reopen, beside the paused time.
    SOLVED_BEFORE_REOPEN = (
        "(más resuelto antes de reabrir {time})",
        "(plus solved before a reopen {time})"
    );
    /// The last survey answer.
    SURVEY = ("Encuesta: {score} ({at})", "Survey: {score} ({at})");
    /// The response measure's name.
    RESPONSE = ("Respuesta", "Response");
    /// The resolution measure's name.
    RESOLUTION = ("Solución", "Resolution");
    /// A measure without a target.
    VERDICT_NO_TARGET = (
        "{name}: {used} hábiles (sin objetivo)",
        "{name}: {used} business (no target)"
    );
    /// A measure within its target; `{at}` is when it was reached, in
    /// parentheses, or empty.
    VERDICT_MET = (
        "{name}: {used} hábiles, dentro de {target} {at} → CUMPLE{due}",
        "{name}: {used} business, within {target} {at} → MET{due}"
    );
    /// A measure over its target.
    VERDICT_BREACHED = (
        "{name}: {used} hábiles, objetivo {target} {at} → INCUMPLE por {over} hábiles{due}",
        "{name}: {used} business, target {target} {at} → BREACHED by {over} business{due}"
    );
    /// A measure unfinished at the cutoff; `{class}` is one of the
    /// `CLASS_*` words.
    VERDICT_UNFINISHED = (
        "{name}: {used} hábiles al corte, objetivo {target} (sin terminar) → {class}{due}",
        "{name}: {used} business at the cutoff, target {target} (unfinished) → {class}{due}"
    );
    /// A targeted measure neither finished nor running (cancelled).
    VERDICT_UNDECIDED = same("{name}: {used}");
    /// The deadline, after a verdict.
    DUE = ("; vence {at}", "; due {at}");
    /// Unfinished and over the target.
    CLASS_BREACHED = ("VENCIDO", "BREACHED");
    /// Unfinished and at or above 80 % of the target.
    CLASS_AT_RISK = ("EN RIESGO (≥ 80 %)", "AT RISK (≥ 80%)");
    /// Unfinished and below 80 % of the target.
    CLASS_ON_TRACK = ("A TIEMPO", "ON TRACK");
    /// The close; `{note}` is empty or a `CLOSE_*` text in parentheses.
    CLOSED = ("Cerrado: {at}{note}", "Closed: {at}{note}");
    /// Closed automatically, as the closing note says.
    CLOSE_BY_NOTE = (
        "cierre automático: la nota del cierre lo dice",
        "automatic close: the closing note says so"
    );
    /// Closed automatically without a survey answer.
    CLOSE_NO_SURVEY = (
        "cierre automático sin respuesta a la encuesta",
        "auto-closed without a survey answer"
    );
    /// Closed after the closing deadline.
    CLOSE_LATE = (
        "cerrado después del plazo de cierre",
        "closed after the closing deadline"
    );
    /// The exclusion; `{why}` is empty or the facts in parentheses.
    EXCLUDED = (
        "EXCLUIDO: {reason}{why} — no cuenta en el cumplimiento",
        "EXCLUDED: {reason}{why} — left out of compliance"
    );
    /// No rule matched these values (each quoted).
    NO_TARGET_VALUES = (
        "valores del ticket: type={type}, priority={priority}, category={category}, service={service}, group={group}",
        "ticket values: type={type}, priority={priority}, category={category}, service={service}, group={group}"
    );
    /// A named exclusion rule read the last status label (quoted).
    RULE_LAST_STATUS = ("último estado {label}", "last status {label}");
    /// A named exclusion rule read the opening instant.
    RULE_OPENED = ("abierto {at}", "opened {at}");
    /// Monday, abbreviated.
    MON = ("lun", "Mon");
    /// Tuesday, abbreviated.
    TUE = ("mar", "Tue");
    /// Wednesday, abbreviated.
    WED = ("mié", "Wed");
    /// Thursday, abbreviated.
    THU = ("jue", "Thu");
    /// Friday, abbreviated.
    FRI = ("vie", "Fri");
    /// Saturday, abbreviated.
    SAT = ("sáb", "Sat");
    /// Sunday, abbreviated.
    SUN = ("dom", "Sun");
    /// `--ticket` names a ticket the tickets table lacks; `{ticket}` is
    /// quoted.
    TICKET_NOT_FOUND = (
        "el ticket {ticket} no está en {file}; revise el número",
        "ticket {ticket} is not in {file}; check the number"
    );
    /// On stderr: no `--cutoff` nor `--period`, so explain measured to
    /// now.
    CUTOFF_NOW = (
        "plazo explain: corte {cutoff} (ahora); para medir como el informe de un periodo use --period AAAA-MM o --cutoff",
        "plazo explain: cutoff {cutoff} (now); to measure as a period's report does, give --period YYYY-MM or --cutoff"
    );
    /// On stderr: the cutoff taken from `--period`, as `plazo report`
    /// takes it.
    CUTOFF_PERIOD = (
        "plazo explain: corte {cutoff}, último segundo del periodo {period} (el mismo de plazo report --period {period})",
        "plazo explain: cutoff {cutoff}, the last second of period {period} (the same as plazo report --period {period})"
    );
}
