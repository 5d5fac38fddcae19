//! Business time backwards and the end of the working day, against slow
//! references that walk time in 15-minute steps (see calendar_props.rs
//! for why 15-minute steps are exact on these calendars), and the
//! defining properties of `sub_business`.

use chrono::{NaiveDate, TimeZone};
use plazo::engine::glpi_rules::glpi_day_deadline;
use plazo::time::Instant;
use proptest::prelude::*;

use crate::calendar_props::{HI, LO, RefCal, STEP, cal_strategy};

impl RefCal {
    /// The latest `s` with `between(s, t) == d`, walking back step by step.
    fn sub(&self, t0: i64, d: i64) -> i64 {
        let (mut t, mut left) = (t0, d);
        if left == 0 {
            return t;
        }
        loop {
            let prev = (t - 1).div_euclid(STEP) * STEP;
            if self.working(prev) {
                if left <= t - prev {
                    return t - left;
                }
                left -= t - prev;
            }
            t = prev;
        }
    }

    /// The end of the last working step ending at or before a
    /// non-working `t`.
    fn prev_close(&self, t0: i64) -> i64 {
        let mut t = t0;
        loop {
            let prev = (t - 1).div_euclid(STEP) * STEP;
            if self.working(prev) {
                return t;
            }
            t = prev;
        }
    }

    fn date(&self, t: i64) -> NaiveDate {
        self.tz.timestamp_opt(t, 0).unwrap().date_naive()
    }

    fn day_total(&self, d: NaiveDate) -> i64 {
        self.between(self.day_start(d), self.day_start(d.succ_opt().unwrap()))
    }

    /// docs/SLA.md "Business time backwards": `-Nbd` spelled out.
    fn sub_days(&self, a: i64, n: u32) -> i64 {
        if n == 0 {
            return a;
        }
        let (at, mut date) = if self.working(a) {
            (a, self.date(a))
        } else {
            let c = self.prev_close(a);
            (c, self.date(c - 1))
        };
        let pos = self.between(self.day_start(date), at);
        let mut left = n;
        loop {
            date = date.pred_opt().unwrap();
            let total = self.day_total(date);
            if total > 0 {
                left -= 1;
                if left == 0 {
                    let s = self.day_start(date);
                    return if pos == 0 {
                        self.next_working(s)
                    } else {
                        self.add(s, pos.min(total))
                    };
                }
            }
        }
    }

    /// GLPI's end of working day: the close of t's date, or of the
    /// next (previous) date with working time.
    fn eod(&self, t: i64, backwards: bool) -> i64 {
        let mut date = self.date(t);
        while self.day_total(date) == 0 {
            date = if backwards {
                date.pred_opt().unwrap()
            } else {
                date.succ_opt().unwrap()
            };
        }
        self.add(self.day_start(date), self.day_total(date))
    }
}

fn at(t: i64) -> Instant {
    Instant::from_unix(t)
}

/// A zone whose offset never changes in the tested years: GLPI steps
/// days as 86,400 s, which is a calendar day only there (Colombia has
/// had no daylight saving since 1993).
fn fixed_offset(tz: chrono_tz::Tz) -> bool {
    use chrono::Offset;
    let off = |t: i64| tz.timestamp_opt(t, 0).unwrap().offset().fix();
    (0..8).all(|k| off(LO + k * 15_778_800) == off(LO))
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 96, ..ProptestConfig::default() })]

    #[test]
    fn sub_business_matches_reference(
        (cal, r) in cal_strategy(),
        t in LO..HI,
        d in prop_oneof![0i64..4 * 3600, 0i64..100 * 3600],
    ) {
        let s = cal.sub_business(at(t), d).unwrap().unix();
        prop_assert_eq!(s, r.sub(t, d), "tz {} t {} d {}", r.tz, t, d);
        // The defining property: exactly d business seconds, and latest.
        prop_assert_eq!(cal.between_secs(s, t), d);
        if d > 0 {
            prop_assert!(cal.between_secs(s + 1, t) < d);
            prop_assert!(r.working(s), "the result is a working instant");
        }
        prop_assert_eq!(cal.add_business_signed(at(t), -d).unwrap().unix(), s);
    }

    #[test]
    fn sub_business_is_monotone(
        (cal, _r) in cal_strategy(),
        t in LO..HI, dt in 0i64..20 * 86_400,
        d1 in 0i64..50 * 3600, dd in 0i64..50 * 3600,
    ) {
        let s = |t: i64, d: i64| cal.sub_business(at(t), d).unwrap().unix();
        prop_assert!(s(t, d1) <= s(t + dt, d1));
        prop_assert!(s(t, d1 + dd) <= s(t, d1));
    }

    #[test]
    fn sub_undoes_add_and_add_undoes_sub(
        (cal, r) in cal_strategy(),
        a in LO..HI,
        d in 1i64..60 * 3600,
    ) {
        let fwd = cal.add_business(at(a), d).unwrap();
        let back = cal.sub_business(fwd, d).unwrap().unix();
        // From a working instant, back to it; from outside working hours,
        // to the next opening (where the clock started).
        let want = if r.working(a) { a } else { r.next_working(a) };
        prop_assert_eq!(back, want, "tz {} a {} d {}", r.tz, a, d);
        let s = cal.sub_business(at(a), d).unwrap();
        let again = cal.add_business(s, d).unwrap().unix();
        let want = if r.working(a) { a } else { r.prev_close(a) };
        prop_assert_eq!(again, want, "tz {} a {} d {}", r.tz, a, d);
    }

    #[test]
    fn sub_business_days_matches_reference(
        (cal, r) in cal_strategy(),
        a in LO..HI,
        n in 0u32..12,
    ) {
        let t = cal.sub_business_days(at(a), n).unwrap().unix();
        prop_assert_eq!(t, r.sub_days(a, n), "tz {} a {} n {}", r.tz, a, n);
    }

    #[test]
    fn end_of_working_day_matches_reference(
        (cal, r) in cal_strategy(),
        t in LO..HI,
    ) {
        let e = cal.end_of_working_day(at(t)).unwrap().unix();
        prop_assert_eq!(e, r.eod(t, false), "tz {} t {}", r.tz, t);
        let b = cal.end_of_working_day_backwards(at(t)).unwrap().unix();
        prop_assert_eq!(b, r.eod(t, true), "tz {} t {}", r.tz, t);
        // The second before a close is worked.
        prop_assert!(r.working(e - 1) && r.working(b - 1));
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 128, ..ProptestConfig::default() })]

    /// GLPI's day SLA with `end_of_working_day` (issue 17):
    /// `glpi_day_deadline` is written in GLPI's own day-stepping form;
    /// it must land where the calendar's `end_of_working_day` puts the
    /// n-th working date after the first working date at or after
    /// start + pending time, walked here date by date.
    #[test]
    fn glpi_day_deadline_with_eod_is_end_of_working_day(
        (cal, r) in cal_strategy(),
        s in LO..HI,
        n in 0i64..10,
        add in prop_oneof![Just(0i64), 0i64..5 * 86_400],
    ) {
        prop_assume!(fixed_offset(r.tz));
        let working = |d: chrono::NaiveDate| r.day_total(d) > 0;
        let mut date = r.date(s + add);
        while !working(date) {
            date = date.succ_opt().unwrap();
        }
        for _ in 0..n {
            date = date.succ_opt().unwrap();
            while !working(date) {
                date = date.succ_opt().unwrap();
            }
        }
        let want = r.eod(r.day_start(date), false);
        let got = glpi_day_deadline(&cal, s, n, add, true);
        prop_assert_eq!(got, want, "tz {} s {} n {} add {}", r.tz, s, n, add);
        let eod = cal.end_of_working_day(at(r.day_start(date))).unwrap();
        prop_assert_eq!(eod.unix(), got);
    }
}
