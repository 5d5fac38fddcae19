//! The time layer's messages (`src/time/`): instants, durations and
//! date columns that do not read.

crate::catalog! {
    /// A timestamp in none of the accepted forms.
    INSTANT_UNREADABLE = (
        "instante ilegible {text}: use ISO 8601 con zona (2026-03-05T14:22:10-05:00) o fecha y hora locales (2026-03-05 14:22[:10])",
        "unreadable instant {text}: use ISO 8601 with an offset (2026-03-05T14:22:10-05:00) or local date and time (2026-03-05 14:22[:10])"
    );
    /// A date before 1970 or after 2099 (`time::plausible`): a typo in
    /// the year.
    INSTANT_IMPLAUSIBLE = (
        "fecha fuera del rango admitido (1970 a 2099): {text}; revise el año",
        "date outside the accepted range (1970 to 2099): {text}; check the year"
    );
    /// A timestamp outside chrono's range.
    INSTANT_OUT_OF_RANGE = (
        "instante fuera de rango: {secs}",
        "instant out of range: {secs}"
    );
    /// A business duration that does not read (`5hh`, `3 days`).
    DURATION_UNREADABLE = (
        "duración ilegible {text}: escriba un entero con unidad, p. ej. 30m, 4h, 1h30m o 3bd (días hábiles)",
        "unreadable duration {text}: write whole numbers with a unit, e.g. 30m, 4h, 1h30m or 3bd (business days)"
    );
    /// A signed business duration (`calendar add`) that does not read.
    SIGNED_DURATION_UNREADABLE = (
        "duración ilegible {text}: escriba un entero con unidad, p. ej. 30m, 4h, 1h30m o 3bd (días hábiles), con un signo menos delante para contar hacia atrás (-3h, -7bd)",
        "unreadable duration {text}: write whole numbers with a unit, e.g. 30m, 4h, 1h30m or 3bd (business days), with a leading minus sign to count backwards (-3h, -7bd)"
    );
    /// A date column no known format reads.
    DATES_UNKNOWN_FORMAT = (
        "columna {column}: fechas en un formato desconocido (\"{examples}\"); indique el formato con --date-format, p. ej. --date-format \"%d/%m/%Y %H:%M\"",
        "column {column}: dates in an unknown format (\"{examples}\"); give the format with --date-format, e.g. --date-format \"%d/%m/%Y %H:%M\""
    );
    /// A date column that reads both day-first and month-first.
    DATES_AMBIGUOUS = (
        "columna {column}: fechas ambiguas, se leen como día/mes y como mes/día (\"{examples}\"); indique el formato con --date-format \"{day_first}\" (día primero) o --date-format \"{month_first}\" (mes primero)",
        "column {column}: ambiguous dates, they read both day/month and month/day (\"{examples}\"); give the format with --date-format \"{day_first}\" (day first) or --date-format \"{month_first}\" (month first)"
    );
}
