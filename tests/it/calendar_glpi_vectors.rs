//! GLPI's own calendar test vectors, reproduced on plazo's calendar.
//!
//! From glpi-project/glpi, tests/functional/CalendarTest.php
//! (`testComputeEndDateProvider`/`testComputeEndDate`, `activeProvider`/
//! `testGetActiveTimeBetween`, `workingdayProvider`/`testIsAWorkingDay`,
//! `workinghourProvider`/`testIsAWorkingHour`) and
//! tests/functional/CalendarSegmentTest.php (`addDelayInDayProvider`/
//! `testAddDelayInDay`). GLPI's tests run in UTC on its "Default"
//! calendar: Monday to Friday 08:00-20:00, no holidays (60 h a week,
//! as `activeProvider` says: `12 * HOUR_TIMESTAMP * 5`).

use chrono_tz::Tz;
use plazo::calendar::{Calendar, CalendarSpec};
use plazo::time::{Instant, SignedBizDuration};

fn utc() -> Tz {
    "UTC".parse().unwrap()
}

fn default_calendar() -> Calendar {
    Calendar::new(CalendarSpec::new(utc()).weekdays(&["08:00-20:00"]).unwrap())
}

/// CalendarTest's "5x24": Monday to Friday 00:00-24:00.
fn five_by_twentyfour() -> Calendar {
    Calendar::new(CalendarSpec::new(utc()).weekdays(&["00:00-24:00"]).unwrap())
}

fn t(s: &str) -> Instant {
    Instant::parse(s, utc()).unwrap()
}

/// GLPI's `computeEndDate($start, $delay, 0, true, $end_of_working_day)`
/// for a delay in whole days, as plazo computes it.
fn compute_end_date(
    cal: &Calendar,
    start: &str,
    days: &str,
    eod: bool,
) -> String {
    let d: SignedBizDuration = days.parse().unwrap();
    let mut r = cal.add_signed(t(start), d).unwrap();
    if eod {
        r = if d.backwards {
            cal.end_of_working_day_backwards(r).unwrap()
        } else {
            cal.end_of_working_day(r).unwrap()
        };
    }
    r.in_zone(utc()).format("%Y-%m-%d %H:%M:%S").to_string()
}

#[test]
fn glpi_calendar_vectors() {
    let (def, five) = (default_calendar(), five_by_twentyfour());
    let start = "2018-11-19 10:00:00";
    // testComputeEndDateProvider: [calendar, [start, delay, 0, true, eod], expected]
    let cases = [
        (&def, "7bd", false, "2018-11-28 10:00:00"),
        (&five, "7bd", false, "2018-11-28 10:00:00"),
        (&def, "7bd", true, "2018-11-28 20:00:00"),
        (&five, "7bd", true, "2018-11-29 00:00:00"),
        (&def, "-7bd", false, "2018-11-08 10:00:00"),
        (&five, "-7bd", false, "2018-11-08 10:00:00"),
        (&def, "-7bd", true, "2018-11-08 20:00:00"),
        (&five, "-7bd", true, "2018-11-09 00:00:00"),
    ];
    for (cal, d, eod, want) in cases {
        assert_eq!(
            compute_end_date(cal, start, d, eod),
            want,
            "{d} eod={eod}"
        );
    }
    // activeProvider (the rows without 'days' => true).
    for (a, b, want) in [
        ("2019-01-01 07:00:00", "2019-01-01 09:00:00", 3600),
        ("2019-01-01 06:00:00", "2019-01-01 07:00:00", 0),
        ("2019-01-01 00:00:00", "2019-01-08 00:00:00", 12 * 3600 * 5),
        ("2019-01-08 00:00:00", "2019-01-01 00:00:00", 0),
    ] {
        assert_eq!(def.business_between(t(a), t(b)), want, "{a} {b}");
    }
    // workingdayProvider: a date is a working day when it has working time.
    for (day, want) in [
        ("2019-01-01", true),
        ("2019-01-02", true),
        ("2019-01-03", true),
        ("2019-01-04", true),
        ("2019-01-05", false),
        ("2019-01-06", false),
    ] {
        let a = t(&format!("{day} 00:00:00"));
        let worked = def.business_between(a, a.plus(86_400)) > 0;
        assert_eq!(worked, want, "{day}");
    }
    // workinghourProvider.
    for (at, want) in [
        ("2019-01-01 00:00:00", false),
        ("2019-01-02 08:30:00", true),
        ("2019-01-03 18:10:00", true),
        ("2019-01-04 21:00:00", false),
        ("2019-01-05 08:30:00", false),
        ("2019-01-06 00:00:00", false),
    ] {
        assert_eq!(def.is_working(t(at)), want, "{at}");
    }
}

/// CalendarSegmentTest::addDelayInDayProvider: Monday 09:00-18:00,
/// Tuesday 08:00-12:00 and 14:00-18:00, no other day. GLPI's
/// `addDelayInDay` stays within one day and answers `false` when the
/// delay does not fit; plazo's calendar goes on to another day, so those
/// rows check that the result leaves the day.
#[test]
fn glpi_calendar_segment_vectors() {
    use chrono::Weekday::{Mon, Tue};
    let cal = Calendar::new(
        CalendarSpec::new(utc())
            .day(Mon, &["09:00-18:00"])
            .unwrap()
            .day(Tue, &["08:00-12:00", "14:00-18:00"])
            .unwrap(),
    );
    // 2024-01-08 is a Monday, 2024-01-09 a Tuesday.
    let date = |day: u32| if day == 1 { "2024-01-08" } else { "2024-01-09" };
    let rows: [(u32, &str, i64, bool, Option<&str>); 13] = [
        (1, "10:00:00", 2, false, Some("12:00:00")),
        (1, "09:00:00", 9, false, Some("18:00:00")),
        (2, "10:00:00", 5, false, Some("17:00:00")),
        (2, "07:00:00", 3, false, Some("11:00:00")),
        (2, "13:00:00", 2, false, Some("16:00:00")),
        (1, "17:00:00", 3, false, None),
        (1, "15:00:00", 2, true, Some("13:00:00")),
        (1, "18:00:00", 9, true, Some("09:00:00")),
        (2, "17:00:00", 5, true, Some("10:00:00")),
        (1, "19:00:00", 3, true, Some("15:00:00")),
        (2, "13:00:00", 2, true, Some("10:00:00")),
        (2, "10:00:00", 3, true, None),
        (1, "12:00:00", 0, false, Some("12:00:00")),
    ];
    for (day, begin, hours, negative, want) in rows {
        let a = t(&format!("{} {begin}", date(day)));
        let secs = hours * 3600;
        let r = if negative {
            cal.sub_business(a, secs).unwrap()
        } else {
            cal.add_business(a, secs).unwrap()
        };
        let shown = r.in_zone(utc()).format("%Y-%m-%d %H:%M:%S").to_string();
        match want {
            Some(h) => assert_eq!(
                shown,
                format!("{} {h}", date(day)),
                "{day} {begin}"
            ),
            None => assert!(
                !shown.starts_with(date(day)),
                "{day} {begin}: {shown}"
            ),
        }
    }
}
