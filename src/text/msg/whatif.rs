//! `plazo whatif` (the indicators and verdicts of one data set under two
//! or more policies, side by side) and `plazo explain --out` (the
//! printable explanation, one sheet per ticket).

crate::catalog! {
    /// `plazo whatif` with fewer than two `--policy`.
    ONE_POLICY = (
        "plazo whatif compara políticas: indique --policy al menos dos veces (--policy A.toml --policy B.toml); recibió {n}",
        "plazo whatif compares policies: give --policy at least twice (--policy A.toml --policy B.toml); got {n}"
    );
    /// `--label` given, but not once per `--policy`.
    LABEL_COUNT = (
        "--label: {labels} etiquetas para {policies} políticas; dé una --label por cada --policy, en el mismo orden, o ninguna (se usa el nombre de cada archivo)",
        "--label: {labels} labels for {policies} policies; give one --label per --policy, in the same order, or none (each file's name is used)"
    );
    /// Two policies with the same label; `{label}` is quoted.
    SAME_LABEL = (
        "dos políticas con la misma etiqueta {label} ({first} y {second}): dé a cada una la suya con --label (una por --policy, en el mismo orden)",
        "two policies with the same label {label} ({first} and {second}): give each its own with --label (one per --policy, in the same order)"
    );
    /// A label that is empty once trimmed.
    EMPTY_LABEL = (
        "--label {label}: una etiqueta no puede estar vacía; use un nombre corto (p. ej. --label actual)",
        "--label {label}: a label cannot be empty; use a short name (e.g. --label current)"
    );
    /// Two policies in different time zones.
    ZONES_DIFFER = (
        "{first} ({first_zone}) y {second} ({second_zone}): las políticas comparadas deben tener la misma zona horaria (timezone), para medir el mismo periodo",
        "{first} ({first_zone}) and {second} ({second_zone}): the policies compared must have the same time zone (timezone), to measure the same period"
    );
    /// `--out` is an existing file, not a folder.
    OUT_NOT_DIR = (
        "--out {path}: es un archivo; plazo whatif escribe una carpeta (se crea si no existe)",
        "--out {path}: is a file; plazo whatif writes a folder (created when missing)"
    );
    /// The summary sentence of one comparison; the percentages are
    /// `85.1 %` or `-`.
    SUMMARY = (
        "{a} frente a {b}: {response} en ANS {response_a} → {response_b}, {resolution} en ANS {resolution_a} → {resolution_b}; {flips} cambios de veredicto ({to_breached} de cumple a no cumple, {to_met} de no cumple a cumple, {other} otros).",
        "{a} against {b}: {response} within SLA {response_a} → {response_b}, {resolution} within SLA {resolution_a} → {resolution_b}; {flips} verdict changes ({to_breached} met to breached, {to_met} breached to met, {other} other)."
    );
    /// The summary's first sentence.
    SUMMARY_HEAD = (
        "plazo whatif {period} (corte {cutoff}):",
        "plazo whatif {period} (cutoff {cutoff}):"
    );
    /// The summary's last sentence.
    SUMMARY_TAIL = (
        "{files} archivos escritos en {out}.",
        "{files} files written to {out}."
    );
    /// The indicators sheet of one comparison.
    SHEET_INDICATORS = ("Indicadores {a} vs {b}", "Indicators {a} vs {b}");
    /// The verdict changes sheet of one comparison.
    SHEET_FLIPS = ("Cambios {a} vs {b}", "Changes {a} vs {b}");
    /// Column: the breakdown (total, priority).
    COL_BREAKDOWN = ("Desglose", "Breakdown");
    /// Column: the breakdown's value (a priority).
    COL_VALUE = ("Valor", "Value");
    /// Column: the indicator's name.
    COL_INDICATOR = ("Indicador", "Indicator");
    /// Column: the difference between the two policies.
    COL_DIFFERENCE = ("Diferencia ({b} − {a})", "Difference ({b} − {a})");
    /// The breakdown of every ticket.
    DIM_ALL = ("Todos", "All");
    /// The breakdown by priority.
    DIM_PRIORITY = ("Prioridad", "Priority");
    /// Column: which measure changed verdict.
    COL_MEASURE = ("Medida", "Measure");
    /// Column: the verdict under one policy.
    COL_VERDICT = ("Veredicto {label}", "Verdict {label}");
    /// Column: the business time counted under one policy.
    COL_BUSINESS = ("Tiempo hábil {label}", "Business time {label}");
    /// Column: the target under one policy.
    COL_TARGET = ("Meta {label}", "Target {label}");
    /// The first response, as a measure.
    MEASURE_RESPONSE = same("{Response}");
    /// The resolution, as a measure.
    MEASURE_RESOLUTION = same("{Resolution}");
    /// A verdict: within the target.
    VERDICT_MET = ("Cumple", "Met");
    /// A verdict: over the target.
    VERDICT_BREACHED = ("No cumple", "Breached");
    /// A verdict: the ticket is left out of compliance; `{reason}` in
    /// words.
    VERDICT_EXCLUDED = ("Exclusión: {reason}", "Excluded: {reason}");
    /// No verdict: unfinished at the cutoff, or no target.
    VERDICT_NONE = ("Sin veredicto", "No verdict");
    /// The flips sheet when no verdict changes.
    NO_FLIPS = (
        "Ningún veredicto cambia en el periodo.",
        "No verdict changes in the period."
    );
    /// `explain --tickets-from breaches|at-risk` without `--period`.
    LIST_NEEDS_PERIOD = (
        "--tickets-from {source}: la lista es la del informe de un periodo; indique --period (p. ej. --period 2026-10)",
        "--tickets-from {source}: the list is a period report's; give --period (e.g. --period 2026-10)"
    );
    /// `explain --out` not ending in `.xlsx`.
    OUT_NOT_XLSX = (
        "--out {path}: la explicación imprimible es un libro de Excel; use un nombre terminado en .xlsx",
        "--out {path}: the printable explanation is an Excel workbook; use a name ending in .xlsx"
    );
    /// A ticket of a `--tickets-from FILE` list that the data do not
    /// have.
    LIST_TICKET_UNKNOWN = (
        "{file}, línea {line}: el ticket {ticket} no está en {tickets}; corrija la lista (un ticket_id por línea)",
        "{file}, line {line}: ticket {ticket} is not in {tickets}; fix the list (one ticket_id per line)"
    );
    /// `--tickets-from` gave no ticket.
    LIST_EMPTY = (
        "--tickets-from {source}: ningún ticket que explicar; no se escribió {path}",
        "--tickets-from {source}: no ticket to explain; {path} was not written"
    );
    /// What `explain --out` wrote.
    EXPLAIN_WRITTEN = (
        "plazo explain: {n} explicaciones escritas en {path}, una hoja por ticket.",
        "plazo explain: {n} explanations written to {path}, one sheet per ticket."
    );
    /// Title of the printable explanation's document.
    EXPLAIN_DOC_TITLE = (
        "{entity} — explicación de tickets (corte {cutoff})",
        "{entity} — ticket explanations (cutoff {cutoff})"
    );
    /// The footer's period of the printable explanation.
    EXPLAIN_FOOTER_CUTOFF = ("corte {cutoff}", "cutoff {cutoff}");
}
