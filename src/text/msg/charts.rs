//! The report's charts (`charts/*.png`, `*.svg` and the summary
//! sheet's images): titles, axes, series and legends. Axis words shared
//! with the sheets' columns are in [`super::report`].

crate::catalog! {
    /// Legend of the red goal line.
    CHART_TARGET = ("Meta {goal}", "Target {goal}");
    /// Chart: resolution compliance by priority.
    CHART_RESOLUTION_BY_PRIORITY = (
        "Cumplimiento de {resolution} por prioridad — {period}",
        "{Resolution} compliance by priority — {period}"
    );
    /// Chart: response compliance by priority (when the policy sets no
    /// resolution target).
    CHART_RESPONSE_BY_PRIORITY = (
        "Cumplimiento de {response} por prioridad — {period}",
        "{Response} compliance by priority — {period}"
    );
    /// Axis: percentage within the target.
    CHART_PCT_WITHIN_SLA = ("% dentro del ANS", "% within SLA");
    /// Chart: compliance over the last 12 periods.
    CHART_TREND = (
        "Tendencia del cumplimiento — {period}",
        "Compliance trend — {period}"
    );
    /// Series: resolution compliance.
    CHART_SERIES_RESOLUTION = same("% {resolution}");
    /// Series: response compliance.
    CHART_SERIES_RESPONSE = same("% {response}");
    /// Chart: breaches by category, every category with one (`{n}` of
    /// them, more than one).
    CHART_BREACHES_BY_CATEGORY = (
        "{n} categorías con incumplimientos — {period}",
        "{n} categories with breaches — {period}"
    );
    /// Chart: breaches by category, the `{n}` with most of the
    /// `{total}` categories with one.
    CHART_BREACHES_TOP_CATEGORIES = (
        "{n} categorías con más incumplimientos (de {total}) — {period}",
        "{n} categories with most breaches (of {total}) — {period}"
    );
    /// Chart: breaches by category, when one category has them all.
    CHART_BREACHES_ONE_CATEGORY = (
        "Categoría con incumplimientos — {period}",
        "Category with breaches — {period}"
    );
    /// Chart: breaches by category, when nothing was breached.
    CHART_BREACHES_NONE = (
        "Incumplimientos por categoría: ninguno — {period}",
        "Breaches by category: none — {period}"
    );
    /// Axis: breached tickets.
    CHART_BREACHED_TICKETS = (
        "{Tickets} con incumplimiento",
        "{Tickets} breached"
    );
    /// Chart: histogram of resolution business time.
    CHART_RESOLUTION_TIME = (
        "Tiempo hábil de {resolution} — {period}",
        "{Resolution} business time — {period}"
    );
    /// Axis: business hours.
    CHART_BUSINESS_HOURS = ("Horas hábiles", "Business hours");
    /// Axis: tickets.
    CHART_TICKETS = same("{Tickets}");
    /// A histogram bin.
    CHART_BIN = same("{from}–{to}");
    /// Chart: survey scores.
    CHART_SURVEY_SCORES = (
        "Calificaciones de las encuestas — {period}",
        "Survey scores — {period}"
    );
}
