//! Property tests: the O(1) calendar against a slow, obviously-correct
//! reference that walks time in 15-minute steps and asks, for each step,
//! whether the local wall clock is inside a working segment of a day that
//! is not closed.
//!
//! Why 15-minute steps are exact: every segment boundary generated here
//! is a multiple of 15 minutes, and every zone used changes offset only
//! at UTC instants that are multiples of 15 minutes with offsets that are
//! multiples of 15 minutes (Asia/Kathmandu +05:45, Australia/Lord_Howe's
//! 30-minute DST included). So within an aligned 15-minute UTC step the
//! local date and whether the wall clock is in a segment cannot change.

use std::collections::HashSet;

use chrono::{Datelike, NaiveDate, TimeZone, Timelike, Weekday};
use chrono_tz::Tz;
use plazo::calendar::{Calendar, CalendarSpec, HolidayRules, Segment};
use plazo::time::Instant;
use proptest::prelude::*;

pub(crate) const STEP: i64 = 900;
const ZONES: &[&str] = &[
    "America/Bogota",
    "Europe/Madrid",
    "America/New_York",
    "America/Santiago",
    "Australia/Lord_Howe",
    "Asia/Kathmandu",
    "UTC",
];

/// The reference: a plain description of the calendar.
#[derive(Debug, Clone)]
pub(crate) struct RefCal {
    pub(crate) tz: Tz,
    pub(crate) week: [Vec<(u32, u32)>; 7],
    pub(crate) closed: HashSet<NaiveDate>,
}

impl RefCal {
    pub(crate) fn working(&self, t: i64) -> bool {
        let local = self.tz.timestamp_opt(t, 0).unwrap();
        let date = local.date_naive();
        if self.closed.contains(&date) {
            return false;
        }
        let secs = local.num_seconds_from_midnight();
        self.week[date.weekday().num_days_from_monday() as usize]
            .iter()
            .any(|&(s, e)| s <= secs && secs < e)
    }

    pub(crate) fn between(&self, a: i64, b: i64) -> i64 {
        let mut t = a;
        let mut sum = 0;
        while t < b {
            let next = ((t.div_euclid(STEP)) + 1) * STEP;
            let next = next.min(b);
            if self.working(t) {
                sum += next - t;
            }
            t = next;
        }
        sum
    }

    pub(crate) fn add(&self, a: i64, d: i64) -> i64 {
        if d == 0 {
            return a;
        }
        let mut t = a;
        let mut left = d;
        loop {
            let next = ((t.div_euclid(STEP)) + 1) * STEP;
            if self.working(t) {
                if left <= next - t {
                    return t + left;
                }
                left -= next - t;
            }
            t = next;
        }
    }

    pub(crate) fn next_working(&self, a: i64) -> i64 {
        let mut t = a;
        while !self.working(t) {
            t = ((t.div_euclid(STEP)) + 1) * STEP;
        }
        t
    }

    pub(crate) fn day_start(&self, d: NaiveDate) -> i64 {
        plazo::time::local_to_instant(self.tz, d.and_hms_opt(0, 0, 0).unwrap())
            .unix()
    }

    /// The `bd` rule of docs/CONTRACT.md §3.1, spelled out with the slow
    /// primitives.
    fn add_days(&self, a: i64, n: u32) -> i64 {
        if n == 0 {
            return a;
        }
        let a1 = self.next_working(a);
        let mut date = self.tz.timestamp_opt(a1, 0).unwrap().date_naive();
        let pos = self.between(self.day_start(date), a1);
        let mut left = n;
        loop {
            date = date.succ_opt().unwrap();
            let (s, e) = (
                self.day_start(date),
                self.day_start(date.succ_opt().unwrap()),
            );
            let total = self.between(s, e);
            if total > 0 {
                left -= 1;
                if left == 0 {
                    return if pos == 0 {
                        self.next_working(s)
                    } else {
                        self.add(s, pos.min(total))
                    };
                }
            }
        }
    }
}

fn segs_strategy() -> impl Strategy<Value = Vec<(u32, u32)>> {
    // Up to 3 segments on a 15-minute grid (96 slots a day), sorted,
    // disjoint, possibly touching 24:00.
    prop::collection::btree_set(0u32..=96, 0..=6).prop_map(|set| {
        let v: Vec<u32> = set.into_iter().collect();
        v.chunks_exact(2)
            .map(|c| (c[0] * 900, c[1] * 900))
            .collect()
    })
}

pub(crate) fn cal_strategy() -> impl Strategy<Value = (Calendar, RefCal)> {
    (
        0..ZONES.len(),
        prop::array::uniform7(segs_strategy()),
        any::<bool>(),
        prop::collection::vec((2024i32..2028, 1u32..=12, 1u32..=28), 0..5),
    )
        .prop_filter("some working time", |(_, week, _, _)| {
            week.iter().any(|d| !d.is_empty())
        })
        .prop_map(|(z, week, with_co, closed)| {
            let tz: Tz = ZONES[z].parse().unwrap();
            let mut spec = CalendarSpec::new(tz);
            let days = [
                Weekday::Mon,
                Weekday::Tue,
                Weekday::Wed,
                Weekday::Thu,
                Weekday::Fri,
                Weekday::Sat,
                Weekday::Sun,
            ];
            for (i, d) in days.iter().enumerate() {
                let texts: Vec<String> = week[i]
                    .iter()
                    .map(|&(s, e)| Segment { start: s, end: e }.to_string())
                    .collect();
                let refs: Vec<&str> =
                    texts.iter().map(String::as_str).collect();
                spec = spec.day(*d, &refs).unwrap();
            }
            let mut closed_set: HashSet<NaiveDate> = closed
                .iter()
                .map(|&(y, m, d)| NaiveDate::from_ymd_opt(y, m, d).unwrap())
                .collect();
            for d in &closed_set {
                spec = spec.closed_day(*d);
            }
            if with_co {
                let co = HolidayRules::builtin("co").unwrap();
                // Wide enough for backwards walks on sparse calendars.
                for y in 2000..2060 {
                    closed_set
                        .extend(co.in_year(y).into_iter().map(|h| h.date));
                }
                spec = spec.holidays(co);
            }
            let r = RefCal {
                tz,
                week,
                closed: closed_set,
            };
            (Calendar::new(spec), r)
        })
}

/// 2024-01-01T00:00:00Z .. 2028-01-01T00:00:00Z.
pub(crate) const LO: i64 = 1_704_067_200;
pub(crate) const HI: i64 = 1_830_297_600;

fn pair_strategy() -> impl Strategy<Value = (i64, i64)> {
    // Mostly short spans (days), some up to about a year.
    (
        LO..HI,
        prop_oneof![3 => 0i64..10 * 86_400, 1 => 0i64..370 * 86_400],
    )
        .prop_map(|(a, len)| (a, a + len))
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 96, ..ProptestConfig::default() })]

    #[test]
    fn business_between_matches_reference(
        (cal, r) in cal_strategy(),
        pairs in prop::collection::vec(pair_strategy(), 4),
    ) {
        for (a, b) in pairs {
            let fast = cal.business_between(Instant::from_unix(a), Instant::from_unix(b));
            prop_assert_eq!(fast, r.between(a, b), "tz {} a {} b {}", r.tz, a, b);
            prop_assert_eq!(cal.business_between(Instant::from_unix(b), Instant::from_unix(a)), 0);
            prop_assert_eq!(cal.is_working(Instant::from_unix(a)), r.working(a));
        }
    }

    #[test]
    fn add_business_matches_reference(
        (cal, r) in cal_strategy(),
        a in LO..HI,
        d in prop_oneof![0i64..4 * 3600, 0i64..300 * 3600],
    ) {
        let t = cal.add_business(Instant::from_unix(a), d).unwrap().unix();
        prop_assert_eq!(t, r.add(a, d), "tz {} a {} d {}", r.tz, a, d);
        // The defining property: exactly d business seconds, and earliest.
        prop_assert_eq!(cal.between_secs(a, t), d);
        if d > 0 {
            prop_assert!(cal.between_secs(a, t - 1) < d);
        }
        let nw = cal.next_working_instant(Instant::from_unix(a)).unwrap().unix();
        prop_assert_eq!(nw, r.next_working(a));
    }

    #[test]
    fn add_business_days_matches_reference(
        (cal, r) in cal_strategy(),
        a in LO..HI,
        n in 0u32..12,
    ) {
        let t = cal.add_business_days(Instant::from_unix(a), n).unwrap().unix();
        prop_assert_eq!(t, r.add_days(a, n), "tz {} a {} n {}", r.tz, a, n);
    }

    #[test]
    fn business_time_is_additive(
        (cal, _r) in cal_strategy(),
        a in LO..HI, x in 0i64..40 * 86_400, y in 0i64..40 * 86_400,
    ) {
        let (b, c) = (a + x, a + x + y);
        prop_assert_eq!(
            cal.between_secs(a, c),
            cal.between_secs(a, b) + cal.between_secs(b, c)
        );
    }
}

#[test]
fn a_ticket_spanning_several_years_sums_the_years() {
    let tz: Tz = "America/Bogota".parse().unwrap();
    let cal = Calendar::new(
        CalendarSpec::new(tz).weekdays(&["08:00-17:00"]).unwrap(),
    );
    let r = RefCal {
        tz,
        week: [
            vec![(8 * 3600, 17 * 3600)],
            vec![(8 * 3600, 17 * 3600)],
            vec![(8 * 3600, 17 * 3600)],
            vec![(8 * 3600, 17 * 3600)],
            vec![(8 * 3600, 17 * 3600)],
            vec![],
            vec![],
        ],
        closed: HashSet::new(),
    };
    let (a, b) = (LO + 12_345, LO + 3 * 366 * 86_400 + 777);
    assert_eq!(cal.between_secs(a, b), r.between(a, b));
}
