//! The policy file's messages (`src/policy/`): what is wrong with a key
//! and how to fix it, and the words a resolved policy shows (a catch-all
//! rule's label, an exclusion rule's conditions).
//!
//! The `{rule}` of a message is the rule's key as the policy writes it
//! (`targets[2]`, `exclude.rules[0]`, `survey.applies_to`); quoted values
//! come quoted already.

crate::catalog! {
    /// `[states]` names a state plazo does not know.
    STATE_UNKNOWN = (
        "states.{key}: estado canónico desconocido; use new, open, paused, solved, closed o cancelled",
        "states.{key}: unknown canonical state; use new, open, paused, solved, closed or cancelled"
    );
    /// One source label is mapped to two states.
    STATE_LABEL_TWICE = (
        "states: la etiqueta {label} está en states.{first} y en states.{second}; déjela en uno solo",
        "states: label {label} is in states.{first} and in states.{second}; keep it in one only"
    );
    /// A `[[targets]]` rule after a catch-all rule.
    TARGET_UNREACHABLE = (
        "{rule}: nunca se aplica porque targets[{catch_all}] no tiene claves de coincidencia y se aplica a todo ticket; ponga la regla general al final",
        "{rule}: can never match because targets[{catch_all}] has no match keys and matches every ticket; put the catch-all rule last"
    );
    /// `where = { column = [] }` in a target rule.
    TARGET_WHERE_EMPTY = (
        "{rule}.where.{column}: lista vacía; escriba al menos un valor",
        "{rule}.where.{column}: empty list; write at least one value"
    );
    /// A target rule without `response` nor `resolution`.
    TARGET_NONE = (
        "{rule}: sin objetivo; agregue response = \"...\" y/o resolution = \"...\"",
        "{rule}: no target; add response = \"...\" and/or resolution = \"...\""
    );
    /// The label of a catch-all target rule without a `name`.
    TARGET_CATCH_ALL_LABEL = ("todos", "all");
    /// A match key (`priority`, `category_prefix`...) with an empty value.
    MATCH_VALUE_EMPTY = (
        "{rule}.{key}: valor vacío; escriba el valor tal como lo exporta la herramienta o quite la clave",
        "{rule}.{key}: empty value; write the value as the tool exports it or remove the key"
    );
    /// `[matching] from_events` names a field events do not carry.
    FROM_EVENTS_UNKNOWN = (
        "matching.from_events: {value} no está en los eventos; use \"priority\" y/o \"group\"",
        "matching.from_events: {value} is not an events column; use \"priority\" and/or \"group\""
    );
    /// `[survey] applies_to = {}`.
    SURVEY_SCOPE_EMPTY = (
        "survey.applies_to: sin claves; indique p. ej. category = [\"Ofimática\"] o quite la clave",
        "survey.applies_to: no keys; give e.g. category = [\"Ofimática\"] or remove the key"
    );
    /// The satisfied threshold lies above the top of the scale.
    SURVEY_MIN_ABOVE_MAX = (
        "survey.satisfied_min es mayor que survey.scale_max",
        "survey.satisfied_min is above survey.scale_max"
    );
    /// `[close] auto_close_notes` holds an empty text.
    AUTO_CLOSE_NOTE_EMPTY = (
        "close.auto_close_notes: texto vacío; escriba parte de la nota que deja el cierre automático",
        "close.auto_close_notes: empty text; write part of the note the automatic close leaves"
    );
    /// `[targets_from_ticket]` names no column.
    TICKET_TARGETS_NONE = (
        "targets_from_ticket: indique response = \"columna\" y/o resolution = \"columna\"",
        "targets_from_ticket: give response = \"column\" and/or resolution = \"column\""
    );
    /// A ticket's target cell holds a number too large.
    TICKET_TARGET_OUT_OF_RANGE = (
        "número fuera de rango: {cell}",
        "number out of range: {cell}"
    );
    /// A ticket's target cell holds a bare number and the policy sets no
    /// unit.
    TICKET_TARGET_NO_UNIT = (
        "número sin unidad {cell}: escriba 90m, 4h o 2bd, o indique targets_from_ticket.numbers = \"minutes\" (o \"hours\", \"seconds\") en la política",
        "number without a unit {cell}: write 90m, 4h or 2bd, or set targets_from_ticket.numbers = \"minutes\" (or \"hours\", \"seconds\") in the policy"
    );
    /// More `[[exclude.rules]]` than plazo keeps.
    EXCLUDE_TOO_MANY = (
        "exclude.rules: {count} reglas; el máximo es {max}",
        "exclude.rules: {count} rules; the most is {max}"
    );
    /// An exclusion reason that is not an id.
    EXCLUDE_REASON_NOT_ID = (
        "{rule}.reason: {reason} no sirve como identificador; use minúsculas, cifras y _ (p. ej. \"desistida\") y ponga el texto para personas en description",
        "{rule}.reason: {reason} is not an id; use lowercase letters, digits and _ (e.g. \"desistida\") and put the text for people in description"
    );
    /// An exclusion reason already taken by plazo or an earlier rule.
    EXCLUDE_REASON_USED = (
        "{rule}.reason: {reason} ya está en uso (por plazo o por otra regla); elija otro nombre",
        "{rule}.reason: {reason} is already used (by plazo or another rule); choose another name"
    );
    /// An exclusion rule's column, or one of its values, is empty.
    EXCLUDE_EMPTY = (
        "{rule}: columna o valor vacío; escriba al menos un valor",
        "{rule}: empty column or value; write at least one value"
    );
    /// `column` without `values`, or the reverse.
    EXCLUDE_COLUMN_WITHOUT_VALUES = (
        "{rule}: column y values van juntos (column = \"tipo_solucion\", values = [\"Desistida\"])",
        "{rule}: column and values go together (column = \"tipo_solucion\", values = [\"Desistida\"])"
    );
    /// `opened_between` is not two instants, the second later.
    EXCLUDE_WINDOW = (
        "{rule}.opened_between: escriba dos instantes [desde, hasta), el segundo posterior, p. ej. [\"2026-01-02 08:00\", \"2026-01-02 14:00\"]",
        "{rule}.opened_between: write two instants [from, to), the second later, e.g. [\"2026-01-02 08:00\", \"2026-01-02 14:00\"]"
    );
    /// An exclusion rule with no condition.
    EXCLUDE_NO_CONDITION = (
        "{rule}: sin condición; indique column = \"...\" con values = [...], final_status = [...], any_status = [...], note = [...] y/o opened_between = [desde, hasta]",
        "{rule}: no condition; give column = \"...\" with values = [...], final_status = [...], any_status = [...], note = [...] and/or opened_between = [from, to]"
    );
    /// An exclusion rule's `final_status` condition, in words.
    EXCLUDE_DESCRIBE_FINAL_STATUS = (
        "último estado = {values}",
        "last status = {values}"
    );
    /// An exclusion rule's `opened_between` condition, in words.
    EXCLUDE_DESCRIBE_OPENED = (
        "abierto en [{from}, {to})",
        "opened in [{from}, {to})"
    );
    /// `timezone` is not an IANA name.
    TZ_UNKNOWN = (
        "zona horaria desconocida {name}: use un nombre IANA como \"America/Bogota\"",
        "unknown time zone {name}: use an IANA name such as \"America/Bogota\""
    );
    /// `[indicators]` names an indicator plazo does not compute.
    INDICATOR_UNKNOWN = (
        "indicators.{key}: indicador desconocido; use un id de indicador ({ids}) en [indicators.<id>], o <id sin _pct>_min / _max para solo la meta",
        "indicators.{key}: unknown indicator; use an indicator id ({ids}) in [indicators.<id>], or <id without _pct>_min / _max for the goal alone"
    );
    /// A short-form goal that is not a number.
    INDICATOR_NOT_NUMBER = (
        "indicators.{key}: la meta debe ser un número, no {value}",
        "indicators.{key}: the goal must be a number, not {value}"
    );
    /// A full-form table with an unknown key or a wrong type.
    INDICATOR_TABLE_INVALID = (
        "indicators.{key}: {detail}; las claves son goal, direction, acceptable, frequency, owner, source, baseline, objective, type y name",
        "indicators.{key}: {detail}; the keys are goal, direction, acceptable, frequency, owner, source, baseline, objective, type and name"
    );
    /// `direction` other than min/max.
    INDICATOR_BAD_DIRECTION = (
        "indicators.{key}.direction: {value} no es válido; use \"min\" (mayor es mejor) o \"max\" (menor es mejor)",
        "indicators.{key}.direction: {value} is not valid; use \"min\" (higher is better) or \"max\" (lower is better)"
    );
    /// `type` other than eficacia/eficiencia/efectividad.
    INDICATOR_BAD_TYPE = (
        "indicators.{key}.type: {value} no es válido; use \"eficacia\", \"eficiencia\" o \"efectividad\"",
        "indicators.{key}.type: {value} is not valid; use \"eficacia\", \"eficiencia\" or \"efectividad\""
    );
    /// `acceptable` without `goal`.
    INDICATOR_BAND_WITHOUT_GOAL = (
        "indicators.{key}: acceptable = {acceptable} sin goal; agregue la meta (goal) o quite el rango aceptable",
        "indicators.{key}: acceptable = {acceptable} without goal; add the goal or remove the acceptable band"
    );
    /// `acceptable` on the better side of the goal.
    INDICATOR_BAND_SIDE = (
        "indicators.{key}: acceptable = {acceptable} debe quedar del lado peor de goal = {goal} (direction = \"{direction}\": menor que la meta con min, mayor con max)",
        "indicators.{key}: acceptable = {acceptable} must lie on the worse side of goal = {goal} (direction = \"{direction}\": below the goal with min, above with max)"
    );
    /// The same indicator in the short and the full form.
    INDICATOR_TWICE = (
        "indicators: {id} tiene meta dos veces (forma corta y tabla); deje una sola",
        "indicators: {id} has a goal twice (short form and table); keep one"
    );
    /// `assumed` names a value plazo does not know.
    ASSUMED_UNKNOWN = (
        "assumed: {value} no es un valor de la política que se pueda marcar como supuesto; use {known}",
        "assumed: {value} is not a policy value that can be marked as assumed; use {known}"
    );
    /// `assumed` repeats a value.
    ASSUMED_TWICE = (
        "assumed: {value} aparece dos veces; déjelo una vez",
        "assumed: {value} appears twice; keep it once"
    );
    /// An empty `[report.labels]` entry.
    LABEL_EMPTY = (
        "report.labels.{key}: texto vacío; escriba la palabra de la entidad o quite la clave",
        "report.labels.{key}: empty text; write the entity's word or remove the key"
    );
    /// `[checks] max_rejects` or `--max-rejects` that is neither form.
    MAX_REJECTS_BAD = (
        "{key}: {value} no es un número de filas (12) ni un porcentaje de las filas leídas (2%)",
        "{key}: {value} is neither a number of rows (12) nor a percentage of the rows read (2%)"
    );
}
