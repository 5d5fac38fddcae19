//! The period indicators: each one's name and what it measures (the
//! summary sheet, the by-dimension sheets' columns), and the errors of
//! reading a report period.
//!
//! Names and meanings come in pairs, `<ID>_NAME` and `<ID>_DESC`, for
//! the ids of [`crate::indicators::IDS`] (docs/CONTRACT.md §5.3).

crate::catalog! {
    /// `tickets_opened`: its name.
    TICKETS_OPENED_NAME = ("Tickets abiertos", "Tickets opened");
    /// `tickets_opened`: what it measures.
    TICKETS_OPENED_DESC = (
        "Tickets cuya apertura cae en el periodo (todos, incluidos los excluidos)",
        "Tickets opened in the period (all, excluded ones too)"
    );
    /// `tickets_solved`: its name.
    TICKETS_SOLVED_NAME = ("Tickets solucionados", "Tickets solved");
    /// `tickets_solved`: what it measures.
    TICKETS_SOLVED_DESC = (
        "Tickets cuya solución final cae en el periodo",
        "Tickets whose final solution falls in the period"
    );
    /// `tickets_closed`: its name.
    TICKETS_CLOSED_NAME = ("Tickets cerrados", "Tickets closed");
    /// `tickets_closed`: what it measures.
    TICKETS_CLOSED_DESC = (
        "Tickets cuyo cierre final cae en el periodo",
        "Tickets whose final closing falls in the period"
    );
    /// `backlog_end`: its name.
    BACKLOG_END_NAME = (
        "Pendientes al cierre del periodo",
        "Backlog at period end"
    );
    /// `backlog_end`: what it measures.
    BACKLOG_END_DESC = (
        "Abiertos antes del fin del periodo y sin solucionar a esa fecha (sin anulados)",
        "Opened before the period's end and not solved by then (cancelled left out)"
    );
    /// `response_compliance_pct`: its name.
    RESPONSE_COMPLIANCE_NAME = (
        "% atención dentro del ANS",
        "% response within SLA"
    );
    /// `response_compliance_pct`: what it measures.
    RESPONSE_COMPLIANCE_DESC = (
        "Tickets atendidos en el periodo cuya primera respuesta cumplió el ANS",
        "Tickets responded in the period whose first response met the target"
    );
    /// `resolution_compliance_pct`: its name.
    RESOLUTION_COMPLIANCE_NAME = (
        "% solución dentro del ANS",
        "% resolution within SLA"
    );
    /// `resolution_compliance_pct`: what it measures.
    RESOLUTION_COMPLIANCE_DESC = (
        "Tickets solucionados en el periodo dentro del tiempo hábil de solución",
        "Tickets solved in the period within their resolution target"
    );
    /// `response_business_hours_mean`: its name.
    RESPONSE_HOURS_MEAN_NAME = (
        "Tiempo medio de atención (h hábiles)",
        "Mean response time (business h)"
    );
    /// `response_business_hours_mean`: what it measures.
    RESPONSE_HOURS_MEAN_DESC = (
        "Promedio de horas hábiles hasta la primera respuesta",
        "Mean business hours to first response"
    );
    /// `resolution_business_hours_mean`: its name.
    RESOLUTION_HOURS_MEAN_NAME = (
        "Tiempo medio de solución (h hábiles)",
        "Mean resolution time (business h)"
    );
    /// `resolution_business_hours_mean`: what it measures.
    RESOLUTION_HOURS_MEAN_DESC = (
        "Promedio de horas hábiles de solución (sin pausas)",
        "Mean resolution business hours (pauses excluded)"
    );
    /// `resolution_business_hours_median`: its name.
    RESOLUTION_HOURS_MEDIAN_NAME = (
        "Mediana de solución (h hábiles)",
        "Median resolution time (business h)"
    );
    /// `resolution_business_hours_median`: what it measures.
    RESOLUTION_HOURS_MEDIAN_DESC = (
        "Mediana (rango más cercano) de las horas hábiles de solución",
        "Median (nearest rank) of resolution business hours"
    );
    /// `resolution_business_hours_p90`: its name.
    RESOLUTION_HOURS_P90_NAME = (
        "Percentil 90 de solución (h hábiles)",
        "90th percentile resolution (business h)"
    );
    /// `resolution_business_hours_p90`: what it measures.
    RESOLUTION_HOURS_P90_DESC = (
        "Percentil 90 (rango más cercano) de las horas hábiles de solución",
        "90th percentile (nearest rank) of resolution business hours"
    );
    /// `paused_business_hours_mean`: its name.
    PAUSED_HOURS_MEAN_NAME = (
        "Tiempo medio en espera (h hábiles)",
        "Mean paused time (business h)"
    );
    /// `paused_business_hours_mean`: what it measures.
    PAUSED_HOURS_MEAN_DESC = (
        "Promedio de horas hábiles en pausa de los tickets solucionados",
        "Mean paused business hours of the tickets solved"
    );
    /// `reopen_rate_pct`: its name.
    REOPEN_RATE_NAME = ("% reabiertos", "% reopened");
    /// `reopen_rate_pct`: what it measures.
    REOPEN_RATE_DESC = (
        "Tickets solucionados en el periodo reabiertos al menos una vez",
        "Tickets solved in the period reopened at least once"
    );
    /// `auto_closed_pct`: its name.
    AUTO_CLOSED_NAME = ("% cerrados automáticamente", "% auto-closed");
    /// `auto_closed_pct`: what it measures.
    AUTO_CLOSED_DESC = (
        "Tickets cerrados en el periodo sin respuesta a la encuesta, por vencimiento",
        "Tickets closed in the period without a survey answer, on expiry"
    );
    /// `survey_response_rate_pct`: its name (also a row of the surveys
    /// sheet).
    SURVEY_RESPONSE_RATE_NAME = (
        "% respuesta a encuestas",
        "% survey response"
    );
    /// `survey_response_rate_pct`: what it measures.
    SURVEY_RESPONSE_RATE_DESC = (
        "Tickets solucionados en el periodo con encuesta respondida",
        "Tickets solved in the period with an answered survey"
    );
    /// `csat_mean`: its name (also a row of the surveys sheet).
    CSAT_MEAN_NAME = ("Satisfacción promedio", "Mean satisfaction");
    /// `csat_mean`: what it measures.
    CSAT_MEAN_DESC = (
        "Promedio de las calificaciones respondidas en el periodo",
        "Mean score of the surveys answered in the period"
    );
    /// `satisfied_pct`: its name (also a row of the surveys sheet).
    SATISFIED_NAME = ("% usuarios satisfechos", "% satisfied");
    /// `satisfied_pct`: what it measures.
    SATISFIED_DESC = (
        "Encuestas del periodo con calificación >= mínimo de satisfacción",
        "Surveys of the period scoring >= the satisfied minimum"
    );
    /// `excluded`: its name.
    EXCLUDED_NAME = ("Excluidos del ANS", "Excluded from SLA");
    /// `excluded`: what it measures.
    EXCLUDED_DESC = (
        "Tickets abiertos en el periodo excluidos (anulados, masivos, tipo o categoría)",
        "Tickets opened in the period excluded (cancelled, massive, type or category)"
    );
    /// `no_target`: its name.
    NO_TARGET_NAME = ("Sin ANS aplicable", "No target");
    /// `no_target`: what it measures.
    NO_TARGET_DESC = (
        "Tickets abiertos en el periodo sin regla de ANS",
        "Tickets opened in the period with no target rule"
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
