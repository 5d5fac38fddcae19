//! The indicator fichas (one sheet per indicator, laid out as a public
//! entity's indicator sheet, e.g. Itagüí's FO-DE-15): sheet names, the
//! header block's labels, the formula's numerator and denominator in
//! words, units, bands, the results table, the analysis boxes and the
//! sign-off block.
//!
//! Per indicator id (docs/CONTRACT.md §5.3) there are three texts:
//! `SHEET_<ID>` (the sheet's name, at most 31 characters), `NUM_<ID>`
//! and `DEN_<ID>` (what the numerator and the denominator count).

crate::catalog! {
    /// Sheet name of the `tickets_opened` ficha.
    SHEET_TICKETS_OPENED = ("Ficha abiertos", "Card opened");
    /// Sheet name of the `tickets_solved` ficha.
    SHEET_TICKETS_SOLVED = ("Ficha solucionados", "Card solved");
    /// Sheet name of the `tickets_closed` ficha.
    SHEET_TICKETS_CLOSED = ("Ficha cerrados", "Card closed");
    /// Sheet name of the `backlog_end` ficha.
    SHEET_BACKLOG_END = ("Ficha pendientes", "Card backlog");
    /// Sheet name of the `response_compliance_pct` ficha.
    SHEET_RESPONSE_COMPLIANCE = (
        "Ficha {response}",
        "Card {response}"
    );
    /// Sheet name of the `resolution_compliance_pct` ficha.
    SHEET_RESOLUTION_COMPLIANCE = (
        "Ficha {resolution}",
        "Card {resolution}"
    );
    /// Sheet name of the `response_business_hours_mean` ficha.
    SHEET_RESPONSE_HOURS_MEAN = (
        "Ficha tiempo atención",
        "Card response time"
    );
    /// Sheet name of the `resolution_business_hours_mean` ficha.
    SHEET_RESOLUTION_HOURS_MEAN = (
        "Ficha tiempo solución",
        "Card resolution time"
    );
    /// Sheet name of the `resolution_business_hours_median` ficha.
    SHEET_RESOLUTION_HOURS_MEDIAN = (
        "Ficha mediana solución",
        "Card median resolution"
    );
    /// Sheet name of the `resolution_business_hours_p90` ficha.
    SHEET_RESOLUTION_HOURS_P90 = (
        "Ficha p90 solución",
        "Card p90 resolution"
    );
    /// Sheet name of the `paused_business_hours_mean` ficha.
    SHEET_PAUSED_HOURS_MEAN = ("Ficha tiempo en pausa", "Card paused time");
    /// Sheet name of the `reopen_rate_pct` ficha.
    SHEET_REOPEN_RATE = ("Ficha reapertura", "Card reopen");
    /// Sheet name of the `auto_closed_pct` ficha.
    SHEET_AUTO_CLOSED = ("Ficha cierre automático", "Card auto-close");
    /// Sheet name of the `survey_response_rate_pct` ficha.
    SHEET_SURVEY_RESPONSE_RATE = (
        "Ficha respuesta encuesta",
        "Card survey response"
    );
    /// Sheet name of the `csat_mean` ficha.
    SHEET_CSAT_MEAN = ("Ficha satisfacción media", "Card mean satisfaction");
    /// Sheet name of the `satisfied_pct` ficha.
    SHEET_SATISFIED = ("Ficha satisfacción", "Card satisfaction");
    /// Sheet name of the `excluded` ficha.
    SHEET_EXCLUDED = ("Ficha excluidos", "Card excluded");
    /// Sheet name of the `no_target` ficha.
    SHEET_NO_TARGET = ("Ficha sin ANS", "Card no target");

    /// Numerator of `tickets_opened`.
    NUM_TICKETS_OPENED = (
        "{Tickets} con apertura en el periodo",
        "{Tickets} opened in the period"
    );
    /// Numerator of `tickets_solved`.
    NUM_TICKETS_SOLVED = (
        "{Tickets} con {resolution} en el periodo",
        "{Tickets} with {resolution} in the period"
    );
    /// Numerator of `tickets_closed`.
    NUM_TICKETS_CLOSED = (
        "{Tickets} con cierre en el periodo",
        "{Tickets} closed in the period"
    );
    /// Numerator of `backlog_end`.
    NUM_BACKLOG_END = (
        "{Tickets} pendientes de {resolution} al cierre del periodo (sin anulaciones)",
        "{Tickets} awaiting {resolution} at the period's end (cancelled left out)"
    );
    /// Numerator of `response_compliance_pct`.
    NUM_RESPONSE_COMPLIANCE = (
        "{Tickets} con {response} en el periodo dentro del tiempo de {response} del ANS",
        "{Tickets} with {response} in the period within the SLA {response} time"
    );
    /// Denominator of `response_compliance_pct`.
    DEN_RESPONSE_COMPLIANCE = (
        "{Tickets} con {response} en el periodo y tiempo de {response} en el ANS (sin exclusiones)",
        "{Tickets} with {response} in the period and an SLA {response} time (excluded ones left out)"
    );
    /// Numerator of `resolution_compliance_pct`.
    NUM_RESOLUTION_COMPLIANCE = (
        "{Tickets} con {resolution} en el periodo dentro del tiempo de {resolution} del ANS",
        "{Tickets} with {resolution} in the period within the SLA {resolution} time"
    );
    /// Denominator of `resolution_compliance_pct`.
    DEN_RESOLUTION_COMPLIANCE = (
        "{Tickets} con {resolution} en el periodo y tiempo de {resolution} en el ANS (sin exclusiones)",
        "{Tickets} with {resolution} in the period and an SLA {resolution} time (excluded ones left out)"
    );
    /// Numerator of `response_business_hours_mean`.
    NUM_RESPONSE_HOURS = (
        "Suma de las horas hábiles hasta la {response}",
        "Sum of the business hours to {response}"
    );
    /// Denominator of `response_business_hours_mean`.
    DEN_RESPONDED = (
        "{Tickets} con {response} en el periodo (sin exclusiones)",
        "{Tickets} with {response} in the period (excluded ones left out)"
    );
    /// Numerator of `resolution_business_hours_mean`.
    NUM_RESOLUTION_HOURS = (
        "Suma de las horas hábiles de {resolution} (sin pausas)",
        "Sum of the {resolution} business hours (pauses left out)"
    );
    /// Denominator of the indicators over the tickets solved.
    DEN_SOLVED = (
        "{Tickets} con {resolution} en el periodo (sin exclusiones)",
        "{Tickets} with {resolution} in the period (excluded ones left out)"
    );
    /// Numerator of `paused_business_hours_mean`.
    NUM_PAUSED_HOURS = (
        "Suma de las horas hábiles en pausa",
        "Sum of the paused business hours"
    );
    /// Numerator of `reopen_rate_pct`.
    NUM_REOPEN_RATE = (
        "{Tickets} con {resolution} en el periodo y al menos una reapertura",
        "{Tickets} with {resolution} in the period and at least one reopening"
    );
    /// Numerator of `auto_closed_pct`.
    NUM_AUTO_CLOSED = (
        "{Tickets} con cierre automático en el periodo",
        "{Tickets} closed automatically in the period"
    );
    /// Denominator of `auto_closed_pct`.
    DEN_AUTO_CLOSED = (
        "{Tickets} con cierre en el periodo y cierre automático conocido (sin exclusiones)",
        "{Tickets} closed in the period with a known automatic close (excluded ones left out)"
    );
    /// Numerator of `survey_response_rate_pct`.
    NUM_SURVEY_RESPONSE = (
        "{Tickets} con {resolution} en el periodo y encuesta respondida",
        "{Tickets} with {resolution} in the period whose survey was answered"
    );
    /// Denominator of `survey_response_rate_pct`.
    DEN_SURVEY_RESPONSE = (
        "{Tickets} con {resolution} en el periodo y envío de encuesta (sin exclusiones)",
        "{Tickets} with {resolution} in the period that are sent the survey (excluded ones left out)"
    );
    /// Numerator of `csat_mean`.
    NUM_CSAT = (
        "Suma de los puntajes de los {tickets} del alcance con encuesta respondida en el periodo (un puntaje por {ticket})",
        "Sum of the scores of the {tickets} within scope with a survey answered in the period (one score per {ticket})"
    );
    /// Denominator of `csat_mean` and `satisfied_pct`.
    DEN_ANSWERS = (
        "{Tickets} del alcance con encuesta respondida en el periodo",
        "{Tickets} within scope with a survey answered in the period"
    );
    /// Numerator of `satisfied_pct`; `{min}` is `[survey] satisfied_min`.
    NUM_SATISFIED = (
        "{Tickets} del alcance con encuesta respondida en el periodo y puntaje de {min} o más",
        "{Tickets} within scope with a survey answered in the period and a score of {min} or more"
    );
    /// Numerator of `excluded`.
    NUM_EXCLUDED = (
        "{Tickets} con apertura en el periodo y exclusión del ANS",
        "{Tickets} opened in the period and excluded from the SLA"
    );
    /// Numerator of `no_target`.
    NUM_NO_TARGET = (
        "{Tickets} con apertura en el periodo y sin regla de ANS",
        "{Tickets} opened in the period with no SLA rule"
    );
    /// A median or percentile has no numerator; a count no denominator.
    NOT_APPLICABLE = ("No aplica", "Not applicable");

    /// Formula of a percentage.
    FORMULA_PCT = same("({num} / {den}) × 100");
    /// Formula of a mean.
    FORMULA_MEAN = same("{num} / {den}");
    /// Formula of a count.
    FORMULA_COUNT = ("Conteo de {num}", "Count of {num}");
    /// Formula of a nearest-rank percentile (`{p}`: 50 or 90).
    FORMULA_PERCENTILE = (
        "Percentil {p} por rango más cercano de las horas hábiles de solución: el valor en la posición ⌈{p}/100 × n⌉ de las n horas ordenadas de los {den}",
        "Nearest-rank {p}th percentile of the resolution business hours: the value at position ⌈{p}/100 × n⌉ of the n sorted hours of the {den}"
    );

    /// Unit of the percentages.
    UNIT_PCT = ("Porcentaje (%)", "Percentage (%)");
    /// Unit of the times.
    UNIT_HOURS = ("Horas hábiles", "Business hours");
    /// Unit of the mean score.
    UNIT_POINTS = (
        "Puntos (escala hasta {max})",
        "Points (scale up to {max})"
    );
    /// Unit of the counts.
    UNIT_TICKETS = same("{Tickets}");
    /// The unit appended to a number: percent.
    SUFFIX_PCT = same("{value} %");
    /// The unit appended to a number: hours.
    SUFFIX_HOURS = ("{value} h hábiles", "{value} business h");
    /// The unit appended to a number: points or tickets (none).
    SUFFIX_NONE = same("{value}");

    /// Type of indicator: efficacy.
    KIND_EFFICACY = ("Eficacia", "Efficacy");
    /// Type of indicator: efficiency.
    KIND_EFFICIENCY = ("Eficiencia", "Efficiency");
    /// Type of indicator: effectiveness.
    KIND_EFFECTIVENESS = ("Efectividad", "Effectiveness");

    /// Default frequency of a monthly report.
    FREQ_MONTH = ("Mensual", "Monthly");
    /// Default frequency of a quarterly report.
    FREQ_QUARTER = ("Trimestral", "Quarterly");
    /// Default frequency of a report over a range of days.
    FREQ_RANGE = ("Por rango de fechas", "Per date range");

    /// Default objective of `response_compliance_pct`.
    OBJECTIVE_RESPONSE = (
        "Medir la oportunidad en la {response} de {tickets} frente a los tiempos del ANS",
        "Measure how promptly {tickets} get {response} against the SLA times"
    );
    /// Default objective of `resolution_compliance_pct`.
    OBJECTIVE_RESOLUTION = (
        "Medir la oportunidad en la {resolution} de {tickets} frente a los tiempos del ANS",
        "Measure how promptly {tickets} get {resolution} against the SLA times"
    );
    /// Default objective of `satisfied_pct`.
    OBJECTIVE_SATISFIED = (
        "Medir la satisfacción de los usuarios con los servicios de la mesa",
        "Measure the users' satisfaction with the desk's services"
    );
    /// Default objective of `reopen_rate_pct`.
    OBJECTIVE_REOPEN = (
        "Medir la calidad de las soluciones: {tickets} con {resolution} que debieron reabrirse",
        "Measure the quality of the solutions: {tickets} with {resolution} that had to be reopened"
    );
    /// Default objective of the other indicators; `{meaning}` is what
    /// the indicator measures.
    OBJECTIVE_OTHER = (
        "Hacer seguimiento a: {meaning}",
        "Follow up on: {meaning}"
    );

    /// The title of a ficha.
    TITLE = ("Ficha del indicador: {name}", "Indicator card: {name}");
    /// Header block: the entity.
    L_ENTITY = ("Entidad", "Entity");
    /// Header block: the filed document's code.
    L_DOCUMENT = ("Código del documento", "Document code");
    /// Header block: the filed document's version.
    L_VERSION = ("Versión", "Version");
    /// Header block: the period reported.
    L_PERIOD = ("Periodo reportado", "Period reported");
    /// Header block: the indicator's name.
    L_NAME = ("Nombre del indicador", "Indicator name");
    /// Header block: the objective.
    L_OBJECTIVE = ("Objetivo", "Objective");
    /// Header block: the type (eficacia, eficiencia, efectividad).
    L_KIND = ("Tipo de indicador", "Indicator type");
    /// Header block: the formula.
    L_FORMULA = ("Fórmula", "Formula");
    /// Header block and table column: the numerator.
    L_NUMERATOR = ("Numerador", "Numerator");
    /// Header block and table column: the denominator.
    L_DENOMINATOR = ("Denominador", "Denominator");
    /// Header block: the unit.
    L_UNIT = ("Unidad de medida", "Unit of measure");
    /// Header block: how often it is measured.
    L_FREQUENCY = ("Frecuencia de medición", "Measurement frequency");
    /// Header block: where the data come from.
    L_SOURCE = ("Fuente de información", "Data source");
    /// Header block: who is responsible.
    L_OWNER = ("Responsable", "Owner");
    /// Header block: the goal.
    L_GOAL = ("Meta", "Target");
    /// Header block: the bands of the semáforo.
    L_BANDS = ("Rangos de evaluación", "Evaluation bands");
    /// Header block: the baseline.
    L_BASELINE = ("Línea base", "Baseline");

    /// The source: the policy's `source`, then the files processed.
    SOURCE_WITH_FILES = (
        "{source}. Archivos procesados con plazo {version}: {files}",
        "{source}. Files processed with plazo {version}: {files}"
    );
    /// The source when the policy names none: the files processed.
    SOURCE_FILES = (
        "Archivos procesados con plazo {version}: {files}",
        "Files processed with plazo {version}: {files}"
    );

    /// The bands with an acceptable band.
    BANDS_THREE = (
        "Cumple: {met}; aceptable: {acceptable}; no cumple: {not_met}",
        "Met: {met}; acceptable: {acceptable}; not met: {not_met}"
    );
    /// The bands without an acceptable band.
    BANDS_TWO = (
        "Cumple: {met}; no cumple: {not_met}",
        "Met: {met}; not met: {not_met}"
    );
    /// A range: below a value.
    BELOW = same("< {value}");
    /// A range: above a value.
    ABOVE = same("> {value}");
    /// The acceptable band of a `min` goal.
    BETWEEN_MIN = (
        "≥ {low} y < {high}",
        "≥ {low} and < {high}"
    );
    /// The acceptable band of a `max` goal.
    BETWEEN_MAX = (
        "> {low} y ≤ {high}",
        "> {low} and ≤ {high}"
    );

    /// The results table's title.
    SERIES_TITLE = ("Resultados por periodo", "Results by period");
    /// The results table's column: the status light.
    T_STATUS = ("Semáforo", "Status");
    /// The chart's title: the indicator and the period.
    CHART_TITLE = same("{name} — {period}");
    /// The box to write the analysis in.
    ANALYSIS = ("Análisis del resultado", "Analysis of the result");
    /// The box to write the improvement actions in.
    ACTIONS = ("Acciones de mejora", "Improvement actions");
    /// The sign-off block's title.
    SIGNOFF = ("Revisión y aprobación", "Review and approval");
    /// Sign-off column: the name or position.
    SIGNOFF_NAME = ("Nombre / cargo", "Name / position");
    /// Sign-off column: the signature.
    SIGNOFF_SIGNATURE = ("Firma", "Signature");
    /// Sign-off column: the date.
    SIGNOFF_DATE = ("Fecha", "Date");
    /// Sign-off row: who prepared the report.
    PREPARED_BY = ("Elaboró", "Prepared by");
    /// Sign-off row: who reviewed it.
    REVIEWED_BY = ("Revisó", "Reviewed by");
    /// Sign-off row: who approved it.
    APPROVED_BY = ("Aprobó", "Approved by");
}
