//! The report's charts (`charts/*.png`, `*.svg` and the summary
//! sheet's images): titles, axes, series and legends. Axis words shared
//! with the sheets' columns are in [`super::report`].

crate::catalog! {
    /// Legend of the red goal line.
    CHART_TARGET = ("Meta {goal}", "Target {goal}");
    /// Chart: resolution compliance by priority.
    CHART_RESOLUTION_BY_PRIORITY = (
        "Cumplimiento de solución por prioridad",
        "Resolution compliance by priority"
    );
    /// Chart: response compliance by priority (when the policy sets no
    /// resolution target).
    CHART_RESPONSE_BY_PRIORITY = (
        "Cumplimiento de atención por prioridad",
        "Response compliance by priority"
    );
    /// Axis: percentage within the target.
    CHART_PCT_WITHIN_SLA = ("% dentro del ANS", "% within SLA");
    /// Chart: compliance over the last 12 periods.
    CHART_TREND = ("Tendencia del cumplimiento", "Compliance trend");
    /// Series: resolution compliance.
    CHART_SERIES_RESOLUTION = ("% solución", "% resolution");
    /// Series: response compliance.
    CHART_SERIES_RESPONSE = ("% atención", "% response");
    /// Chart: breaches by category.
    CHART_BREACHES_BY_CATEGORY = (
        "Incumplimientos por categoría (10 principales)",
        "Breaches by category (top 10)"
    );
    /// Axis: breached tickets.
    CHART_BREACHED_TICKETS = ("Tickets incumplidos", "Breached tickets");
    /// Chart: histogram of resolution business time.
    CHART_RESOLUTION_TIME = (
        "Tiempo hábil de solución de los tickets solucionados",
        "Resolution business time of the tickets solved"
    );
    /// Axis: business hours.
    CHART_BUSINESS_HOURS = ("Horas hábiles", "Business hours");
    /// Axis: tickets.
    CHART_TICKETS = same("Tickets");
    /// A histogram bin.
    CHART_BIN = same("{from}–{to}");
    /// Chart: survey scores.
    CHART_SURVEY_SCORES = (
        "Calificaciones de las encuestas",
        "Survey scores"
    );
}
