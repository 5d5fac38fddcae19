//! The period indicators: each one's name and what it measures (the
//! summary sheet, the by-dimension sheets' columns), and the errors of
//! reading a report period.
//!
//! Names and meanings come in pairs, `<ID>_NAME` and `<ID>_DESC`, for
//! the ids of [`crate::indicators::IDS`] (docs/CONTRACT.md §5.3).

crate::catalog! {
    /// `tickets_opened`: its name.
    TICKETS_OPENED_NAME = ("{Tickets} con apertura", "{Tickets} opened");
    /// `tickets_opened`: what it measures.
    TICKETS_OPENED_DESC = (
        "{Tickets} con fecha de apertura en el periodo (todos, incluidas las exclusiones)",
        "{Tickets} opened in the period (all, excluded ones too)"
    );
    /// `tickets_solved`: its name.
    TICKETS_SOLVED_NAME = ("{Tickets} con {resolution}", "{Tickets} solved");
    /// `tickets_solved`: what it measures.
    TICKETS_SOLVED_DESC = (
        "{Tickets} con {resolution} definitiva en el periodo",
        "{Tickets} whose final {resolution} falls in the period"
    );
    /// `tickets_closed`: its name.
    TICKETS_CLOSED_NAME = ("{Tickets} con cierre", "{Tickets} closed");
    /// `tickets_closed`: what it measures.
    TICKETS_CLOSED_DESC = (
        "{Tickets} con cierre definitivo en el periodo",
        "{Tickets} whose final closing falls in the period"
    );
    /// `backlog_end`: its name.
    BACKLOG_END_NAME = (
        "{Tickets} pendientes al cierre del periodo",
        "{Tickets} open at the period's end"
    );
    /// `backlog_end`: what it measures.
    BACKLOG_END_DESC = (
        "{Tickets} con apertura antes del fin del periodo y sin {resolution} a esa fecha (sin anulaciones)",
        "{Tickets} opened before the period's end and without a {resolution} by then (cancelled left out)"
    );
    /// `response_compliance_pct`: its name.
    RESPONSE_COMPLIANCE_NAME = (
        "% {response} dentro del ANS",
        "% {response} within SLA"
    );
    /// `response_compliance_pct`: what it measures.
    RESPONSE_COMPLIANCE_DESC = (
        "De los {tickets} con {response} en el periodo, porcentaje con {response} dentro del ANS",
        "Of the {tickets} with a {response} in the period, the share whose {response} met the target"
    );
    /// `resolution_compliance_pct`: its name.
    RESOLUTION_COMPLIANCE_NAME = (
        "% {resolution} dentro del ANS",
        "% {resolution} within SLA"
    );
    /// `resolution_compliance_pct`: what it measures.
    RESOLUTION_COMPLIANCE_DESC = (
        "De los {tickets} con {resolution} en el periodo, porcentaje con {resolution} dentro del tiempo hábil de la meta",
        "Of the {tickets} with a {resolution} in the period, the share solved within their target"
    );
    /// `response_business_hours_mean`: its name.
    RESPONSE_HOURS_MEAN_NAME = (
        "Tiempo medio de {response} (h hábiles)",
        "Mean {response} time (business h)"
    );
    /// `response_business_hours_mean`: what it measures.
    RESPONSE_HOURS_MEAN_DESC = (
        "Promedio de horas hábiles de {response}",
        "Mean business hours to the {response}"
    );
    /// `resolution_business_hours_mean`: its name.
    RESOLUTION_HOURS_MEAN_NAME = (
        "Tiempo medio de {resolution} (h hábiles)",
        "Mean {resolution} time (business h)"
    );
    /// `resolution_business_hours_mean`: what it measures.
    RESOLUTION_HOURS_MEAN_DESC = (
        "Promedio de horas hábiles de {resolution} (sin pausas)",
        "Mean {resolution} business hours (pauses excluded)"
    );
    /// `resolution_business_hours_median`: its name.
    RESOLUTION_HOURS_MEDIAN_NAME = (
        "Mediana de {resolution} (h hábiles)",
        "Median {resolution} time (business h)"
    );
    /// `resolution_business_hours_median`: what it measures.
    RESOLUTION_HOURS_MEDIAN_DESC = (
        "Mediana (rango más cercano) de las horas hábiles de {resolution}",
        "Median (nearest rank) of {resolution} business hours"
    );
    /// `resolution_business_hours_p90`: its name.
    RESOLUTION_HOURS_P90_NAME = (
        "Percentil 90 de {resolution} (h hábiles)",
        "90th percentile {resolution} (business h)"
    );
    /// `resolution_business_hours_p90`: what it measures.
    RESOLUTION_HOURS_P90_DESC = (
        "Percentil 90 (rango más cercano) de las horas hábiles de {resolution}",
        "90th percentile (nearest rank) of {resolution} business hours"
    );
    /// `paused_business_hours_mean`: its name.
    PAUSED_HOURS_MEAN_NAME = (
        "Tiempo medio en espera (h hábiles)",
        "Mean paused time (business h)"
    );
    /// `paused_business_hours_mean`: what it measures.
    PAUSED_HOURS_MEAN_DESC = (
        "Promedio de horas hábiles en pausa, sobre los {tickets} con {resolution} en el periodo",
        "Mean paused business hours of the {tickets} solved in the period"
    );
    /// `reopen_rate_pct`: its name.
    REOPEN_RATE_NAME = ("% {tickets} con reapertura", "% {tickets} reopened");
    /// `reopen_rate_pct`: what it measures.
    REOPEN_RATE_DESC = (
        "De los {tickets} con {resolution} en el periodo, porcentaje con al menos una reapertura",
        "Of the {tickets} solved in the period, the share reopened at least once"
    );
    /// `auto_closed_pct`: its name.
    AUTO_CLOSED_NAME = ("% cierre automático", "% auto-closed");
    /// `auto_closed_pct`: what it measures.
    AUTO_CLOSED_DESC = (
        "De los {tickets} con cierre en el periodo, porcentaje con cierre automático por vencimiento de la encuesta sin respuesta",
        "Of the {tickets} closed in the period, the share closed on expiry without a survey answer"
    );
    /// `survey_response_rate_pct`: its name (also a row of the surveys
    /// sheet).
    SURVEY_RESPONSE_RATE_NAME = (
        "% respuesta sobre {tickets} con {resolution}",
        "% response over {tickets} solved"
    );
    /// `survey_response_rate_pct`: what it measures.
    SURVEY_RESPONSE_RATE_DESC = (
        "De los {tickets} con {resolution} en el periodo, porcentaje con encuesta respondida",
        "Of the {tickets} solved in the period, the share with an answered survey"
    );
    /// `csat_mean`: its name (also a row of the surveys sheet).
    CSAT_MEAN_NAME = ("Satisfacción promedio", "Mean satisfaction");
    /// `csat_mean`: what it measures.
    CSAT_MEAN_DESC = (
        "Promedio de las calificaciones de las encuestas respondidas en el periodo",
        "Mean score of the surveys answered in the period"
    );
    /// `satisfied_pct`: its name (also a row of the surveys sheet).
    SATISFIED_NAME = ("% encuestas satisfactorias", "% satisfied");
    /// `satisfied_pct`: what it measures.
    SATISFIED_DESC = (
        "Encuestas del periodo con calificación igual o mayor que la mínima de satisfacción",
        "Surveys of the period scoring at or above the lowest satisfied score"
    );
    /// `excluded`: its name.
    EXCLUDED_NAME = ("Exclusiones del ANS", "Excluded from SLA");
    /// `excluded`: what it measures.
    EXCLUDED_DESC = (
        "{Tickets} con apertura en el periodo y fuera del ANS (anulación, masivo, tipo o categoría)",
        "{Tickets} opened in the period and excluded (cancelled, massive, type or category)"
    );
    /// `no_target`: its name.
    NO_TARGET_NAME = ("Sin ANS aplicable", "No target");
    /// `no_target`: what it measures.
    NO_TARGET_DESC = (
        "{Tickets} con apertura en el periodo sin regla de ANS",
        "{Tickets} opened in the period with no target rule"
    );
    /// The name shown for an id that is not an indicator (a bug: every
    /// caller passes an id of `IDS`).
    UNKNOWN_INDICATOR = same("?");
    /// `--period` (or a policy's period) is not a month, a quarter or a
    /// range of days; `{period}` is the text, quoted.
    PERIOD_INVALID = (
        "periodo {period} no válido: use un mes (2026-10), un trimestre (2026Q3) o --from FECHA --to FECHA",
        "invalid period {period}: use a month (2026-10), a quarter (2026Q3) or --from DATE --to DATE"
    );
    /// `--to` is before `--from`.
    PERIOD_REVERSED = (
        "--to {last} es anterior a --from {first}",
        "--to {last} is before --from {first}"
    );
}
