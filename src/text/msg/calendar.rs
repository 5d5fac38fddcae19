//! The calendar's messages (`src/calendar/`): the `[calendar]` table of
//! a policy, working segments, holiday rule files, and the words a
//! calendar shows (an entity closure's name).

crate::catalog! {
    /// A working segment that does not read; `{why}` is one of the
    /// `SEGMENT_*` reasons below.
    SEGMENT_BAD = (
        "tramo {text}: {why}; escriba HH:MM-HH:MM entre 00:00 y 24:00, p. ej. \"07:00-12:00\"",
        "segment {text}: {why}; write HH:MM-HH:MM between 00:00 and 24:00, e.g. \"07:00-12:00\""
    );
    /// Why a segment does not read: no `-` between its ends.
    SEGMENT_NO_DASH = ("falta el guion", "no dash");
    /// Why a segment does not read: an end is not `HH:MM[:SS]`.
    SEGMENT_UNREADABLE_TIME = ("hora ilegible", "unreadable time");
    /// Why a segment does not read: an hour past 24 or a minute past 59.
    SEGMENT_TIME_OUT_OF_RANGE = ("hora fuera de rango", "time out of range");
    /// Why a segment does not read: it ends before it starts.
    SEGMENT_END_NOT_AFTER_START = (
        "el fin no es posterior al inicio",
        "the end is not after the start"
    );
    /// Two segments of a day overlap.
    SEGMENTS_OVERLAP = (
        "los tramos {first} y {second} se traslapan; sepárelos o únalos",
        "segments {first} and {second} overlap; separate or merge them"
    );
    /// `always = true` together with `[calendar.hours]`.
    ALWAYS_WITH_HOURS = (
        "calendar: always = true no admite [calendar.hours]; quite una de las dos",
        "calendar: always = true excludes [calendar.hours]; remove one of them"
    );
    /// A `[calendar.hours]` key that is not a weekday.
    HOURS_UNKNOWN_DAY = (
        "calendar.hours.{key}: día desconocido; use mon, tue, wed, thu, fri, sat o sun",
        "calendar.hours.{key}: unknown day; use mon, tue, wed, thu, fri, sat or sun"
    );
    /// An extra closed day that is not a date.
    CLOSED_DAY_BAD = (
        "calendar.extra_closed_days: {value} no es una fecha AAAA-MM-DD",
        "calendar.extra_closed_days: {value} is not a YYYY-MM-DD date"
    );
    /// A calendar with no working segment and not `always`.
    NO_WORKING_HOURS = (
        "calendar: no hay horario laboral; agregue [calendar.hours] (p. ej. mon = [\"07:00-12:00\", \"13:00-17:00\"]) o always = true",
        "calendar: no working hours; add [calendar.hours] (e.g. mon = [\"07:00-12:00\", \"13:00-17:00\"]) or always = true"
    );
    /// Adding business time ran past the calendar's last year.
    NO_WORKING_TIME = (
        "el calendario no tiene tiempo laboral antes del año 2200; revise [calendar.hours] y los días cerrados",
        "the calendar has no working time before the year 2200; check [calendar.hours] and the closed days"
    );
    /// A negative amount of business time to add.
    NEGATIVE_DURATION = (
        "duración negativa: {secs} s",
        "negative duration: {secs} s"
    );
    /// The name of an extra closed day in the list of closed dates.
    ENTITY_CLOSURE = ("Cierre de la entidad", "Entity closure");
    /// `holidays = [...]` names a set plazo does not have.
    HOLIDAY_SET_UNKNOWN = (
        "conjunto de festivos desconocido {code}: use uno de {known} o la ruta de un archivo .toml",
        "unknown holiday set {code}: use one of {known} or the path of a .toml file"
    );
    /// A holiday rule with no or several kinds of date.
    HOLIDAY_ONE_KIND = (
        "cada regla necesita exactamente una de: date = \"MM-DD\", easter = N, (month, weekday, nth) o dates = [...]",
        "each rule needs exactly one of: date = \"MM-DD\", easter = N, (month, weekday, nth) or dates = [...]"
    );
    /// A holiday rule's `date` that is not a month and a day.
    HOLIDAY_DATE_NOT_MONTH_DAY = (
        "date {value} no es MM-DD (p. ej. \"07-20\")",
        "date {value} is not MM-DD (e.g. \"07-20\")"
    );
    /// One of a holiday rule's `dates` that is not a date.
    HOLIDAY_DATE_NOT_YMD = (
        "fecha {value} no es AAAA-MM-DD",
        "date {value} is not YYYY-MM-DD"
    );
    /// A weekday rule with a missing or bad `month`, `weekday` or `nth`.
    HOLIDAY_WEEKDAY_RULE = (
        "una regla por día de la semana necesita month = 1..12, weekday = \"mon\"..\"sun\" y nth = 1..5 o -1 (el último)",
        "a weekday rule needs month = 1..12, weekday = \"mon\"..\"sun\" and nth = 1..5 or -1 (the last)"
    );
}
