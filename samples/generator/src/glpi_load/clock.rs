//! Local wall-clock seconds and the business calendar of the load.
//!
//! Times are "local seconds": seconds since 1970-01-01 00:00 of the
//! local wall clock (Bogotá has no DST, so this is a plain count).

/// Mon-Fri 07:00-12:00 and 13:00-17:00 (the sample's "Laboral" calendar),
/// as seconds of the day.
const SEGMENTS: [(i64, i64); 2] =
    [(7 * 3600, 12 * 3600), (13 * 3600, 17 * 3600)];

const DAY: i64 = 86_400;

/// The business calendar.
#[derive(Clone, Copy, Debug, Default)]
pub struct Clock;

/// Whether the day (days since 1970-01-01, a Thursday) is Mon-Fri.
fn workday(day: i64) -> bool {
    // 0 = Monday.
    (day + 3).rem_euclid(7) < 5
}

impl Clock {
    /// The business segments of day `day`, as local seconds.
    fn segments(day: i64) -> impl Iterator<Item = (i64, i64)> {
        let base = day * DAY;
        SEGMENTS
            .iter()
            .filter(move |_| workday(day))
            .map(move |(a, b)| (base + a, base + b))
    }

    /// The instant `secs` business seconds after `t` (`t` itself when 0
    /// and inside business hours; else the next business instant).
    pub fn add(t: i64, secs: i64) -> i64 {
        let mut left = secs.max(0);
        let mut day = t.div_euclid(DAY);
        loop {
            for (a, b) in Clock::segments(day) {
                if b <= t {
                    continue;
                }
                let start = a.max(t);
                if left <= b - start {
                    return start + left;
                }
                left -= b - start;
            }
            day += 1;
        }
    }

    /// The business seconds between `a` and `b` (0 when `b <= a`).
    pub fn between(a: i64, b: i64) -> i64 {
        if b <= a {
            return 0;
        }
        let mut total = 0;
        let (first, last) = (a.div_euclid(DAY), b.div_euclid(DAY));
        for day in first..=last {
            for (s, e) in Clock::segments(day) {
                let (s, e) = (s.max(a), e.min(b));
                if e > s {
                    total += e - s;
                }
            }
        }
        total
    }

    /// Whether `t` is inside business hours.
    pub fn open(t: i64) -> bool {
        Clock::segments(t.div_euclid(DAY)).any(|(a, b)| a <= t && t < b)
    }

    /// The end of the business day holding `t`, or of the next business
    /// day when `t` is after it (GLPI's "end of working day" SLAs).
    pub fn end_of_day(t: i64) -> i64 {
        let mut day = t.div_euclid(DAY);
        loop {
            if let Some((_, end)) = Clock::segments(day).last()
                && end >= t
            {
                return end;
            }
            day += 1;
        }
    }
}

/// Days since 1970-01-01 of a civil date (proleptic Gregorian).
pub fn days_from_civil(y: i64, m: i64, d: i64) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The civil date of a day count (inverse of [`days_from_civil`]).
fn civil_from_days(z: i64) -> (i64, i64, i64) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    (
        if m <= 2 {
            yoe + era * 400 + 1
        } else {
            yoe + era * 400
        },
        m,
        d,
    )
}

/// `YYYY-MM-DD HH:MM:SS` of local seconds.
pub fn fmt_local(t: i64) -> String {
    let (y, m, d) = civil_from_days(t.div_euclid(DAY));
    let s = t.rem_euclid(DAY);
    format!(
        "{y:04}-{m:02}-{d:02} {:02}:{:02}:{:02}",
        s / 3600,
        s / 60 % 60,
        s % 60
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(y: i64, m: i64, d: i64, h: i64, min: i64) -> i64 {
        days_from_civil(y, m, d) * DAY + h * 3600 + min * 60
    }

    #[test]
    fn dates_round_trip() {
        // 2026-01-02 is a Friday; 1970-01-01 a Thursday.
        assert_eq!(
            fmt_local(at(2026, 1, 2, 11, 22) + 21),
            "2026-01-02 11:22:21"
        );
        assert_eq!(fmt_local(0), "1970-01-01 00:00:00");
        assert_eq!(fmt_local(at(2024, 2, 29, 23, 59)), "2024-02-29 23:59:00");
        assert!(workday(days_from_civil(2026, 1, 2)));
        assert!(!workday(days_from_civil(2026, 1, 3)));
    }

    #[test]
    fn business_time_by_hand() {
        // Friday 16:30 + 1 h = Monday 07:30 (30 min Friday, 30 min Monday).
        let fri = at(2026, 1, 2, 16, 30);
        assert_eq!(Clock::add(fri, 3600), at(2026, 1, 5, 7, 30));
        assert_eq!(Clock::between(fri, at(2026, 1, 5, 7, 30)), 3600);
        // 11:00 + 2 h skips the lunch hour: 14:00.
        assert_eq!(
            Clock::add(at(2026, 1, 5, 11, 0), 7200),
            at(2026, 1, 5, 14, 0)
        );
        // A whole week: 5 days of 9 h.
        let mon = at(2026, 1, 5, 0, 0);
        assert_eq!(Clock::between(mon, mon + 7 * DAY), 5 * 9 * 3600);
        // Saturday 10:00 is closed; the next open instant is Monday 07:00.
        assert!(!Clock::open(at(2026, 1, 3, 10, 0)));
        assert_eq!(Clock::add(at(2026, 1, 3, 10, 0), 0), at(2026, 1, 5, 7, 0));
        assert_eq!(
            Clock::end_of_day(at(2026, 1, 5, 9, 0)),
            at(2026, 1, 5, 17, 0)
        );
        assert_eq!(
            Clock::end_of_day(at(2026, 1, 2, 18, 0)),
            at(2026, 1, 5, 17, 0)
        );
    }
}
