//! Known answers: Colombian holidays (published lists) and hand-computed
//! business times.

use chrono::NaiveDate;
use plazo::calendar::{Calendar, CalendarSpec, HolidayRules};
use plazo::time::Instant;

fn dates(year: i32) -> Vec<String> {
    HolidayRules::builtin("co")
        .unwrap()
        .in_year(year)
        .iter()
        .map(|h| h.date.to_string())
        .collect()
}

#[test]
fn colombia_2024_published_list() {
    // Official 2024 list (Easter 31 March): 18 dates.
    let want = [
        "2024-01-01",
        "2024-01-08",
        "2024-03-25",
        "2024-03-28",
        "2024-03-29",
        "2024-05-01",
        "2024-05-13",
        "2024-06-03",
        "2024-06-10",
        "2024-07-01",
        "2024-07-20",
        "2024-08-07",
        "2024-08-19",
        "2024-10-14",
        "2024-11-04",
        "2024-11-11",
        "2024-12-08",
        "2024-12-25",
    ];
    assert_eq!(dates(2024), want);
}

#[test]
fn colombia_2025_published_list_with_two_feasts_on_june_30() {
    // Official 2025 list (Easter 20 April): 18 feasts on 17 dates.
    let want = [
        "2025-01-01",
        "2025-01-06",
        "2025-03-24",
        "2025-04-17",
        "2025-04-18",
        "2025-05-01",
        "2025-06-02",
        "2025-06-23",
        "2025-06-30",
        "2025-07-20",
        "2025-08-07",
        "2025-08-18",
        "2025-10-13",
        "2025-11-03",
        "2025-11-17",
        "2025-12-08",
        "2025-12-25",
    ];
    assert_eq!(dates(2025), want);
    let co = HolidayRules::builtin("co").unwrap();
    let jun30 = co
        .in_year(2025)
        .into_iter()
        .find(|h| h.date.to_string() == "2025-06-30")
        .unwrap();
    assert_eq!(
        jun30.names,
        ["San Pedro y San Pablo", "Sagrado Corazón de Jesús"]
    );
}

#[test]
fn colombia_2026_has_19_dates_with_chiquinquira() {
    // Easter 5 April 2026; Ley 2578 de 2026 adds 9 July (a Thursday),
    // moved to Monday 13 July.
    let want = [
        "2026-01-01",
        "2026-01-12",
        "2026-03-23",
        "2026-04-02",
        "2026-04-03",
        "2026-05-01",
        "2026-05-18",
        "2026-06-08",
        "2026-06-15",
        "2026-06-29",
        "2026-07-13",
        "2026-07-20",
        "2026-08-07",
        "2026-08-17",
        "2026-10-12",
        "2026-11-02",
        "2026-11-16",
        "2026-12-08",
        "2026-12-25",
    ];
    assert_eq!(dates(2026), want);
    // Before the law, 9 July was no holiday.
    assert!(!dates(2025).iter().any(|d| d == "2025-07-14"));
}

fn bogota(segs: &[&str]) -> (Calendar, chrono_tz::Tz) {
    let tz: chrono_tz::Tz = "America/Bogota".parse().unwrap();
    let cal = Calendar::new(
        CalendarSpec::new(tz)
            .weekdays(segs)
            .unwrap()
            .holidays(HolidayRules::builtin("co").unwrap()),
    );
    (cal, tz)
}

fn at(s: &str) -> Instant {
    Instant::parse(s, "America/Bogota".parse().unwrap()).unwrap()
}

#[test]
fn issue_example_friday_to_tuesday_over_a_holiday_monday() {
    // Fri 16:30-17:00 = 30 min; Sat, Sun, Mon 30 June (holiday) = 0;
    // Tue 08:00-09:15 = 75 min. Total 105 min.
    let (cal, _) = bogota(&["08:00-12:00", "14:00-17:00"]);
    let s =
        cal.business_between(at("2025-06-27 16:30"), at("2025-07-01 09:15"));
    assert_eq!(s, 105 * 60);
}

#[test]
fn hand_computed_business_times() {
    let (cal, tz) = bogota(&["07:00-12:00", "13:00-17:00"]);
    // Opened at lunch (12:30), solved 13:10 same day: 10 min.
    assert_eq!(
        cal.business_between(at("2026-03-05 12:30"), at("2026-03-05 13:10")),
        600
    );
    // A whole week with no holiday: 5 days x 9 h.
    assert_eq!(
        cal.business_between(at("2026-03-09"), at("2026-03-16")),
        5 * 9 * 3600
    );
    // Holy week 2026: Thu 2 and Fri 3 April closed -> 3 days x 9 h.
    assert_eq!(
        cal.business_between(at("2026-03-30"), at("2026-04-06")),
        3 * 9 * 3600
    );
    // Opened Saturday night, solved Monday 07:30: 30 min.
    assert_eq!(
        cal.business_between(at("2026-03-07 22:00"), at("2026-03-09 07:30")),
        1800
    );
    // The year 2026: 365 days, 104 weekend days, 19 holidays all on
    // weekdays (none falls on Sat/Sun in 2026) -> 242 working days x 9 h.
    assert_eq!(
        cal.business_between(at("2026-01-01"), at("2027-01-01")),
        242 * 9 * 3600
    );
    // Across a year boundary: Wed 2025-12-31 16:00 -> Fri 2026-01-02 08:00
    // (1 Jan closed): 1 h + 1 h.
    assert_eq!(
        cal.business_between(at("2025-12-31 16:00"), at("2026-01-02 08:00")),
        7200
    );
    // Deadlines.
    let due = cal.add_business(at("2026-03-05 16:00"), 3600).unwrap();
    assert_eq!(due.to_rfc3339(tz), "2026-03-05T17:00:00-05:00");
    let due = cal.add_business(at("2026-03-05 16:00"), 3601).unwrap();
    assert_eq!(due.to_rfc3339(tz), "2026-03-06T07:00:01-05:00");
    // 18 business hours from Wed 2026-04-01 10:00 over Holy Thursday and
    // Good Friday: Wed 10-12, 13-17 = 6 h; Mon 6 April 9 h = 15 h; Tue
    // 07:00 + 3 h = 10:00.
    let due = cal.add_business(at("2026-04-01 10:00"), 18 * 3600).unwrap();
    assert_eq!(due.to_rfc3339(tz), "2026-04-07T10:00:00-05:00");
}

#[test]
fn business_days_keep_the_clock_position() {
    let (cal, tz) = bogota(&["07:00-12:00", "13:00-17:00"]);
    let d =
        |s: &str, n| cal.add_business_days(at(s), n).unwrap().to_rfc3339(tz);
    // Friday 10:00 + 1bd = Monday 10:00.
    assert_eq!(d("2026-03-06 10:00", 1), "2026-03-09T10:00:00-05:00");
    // Friday 10:00 + 2bd, Monday 23 March a holiday: Wednesday 25.
    assert_eq!(d("2026-03-20 10:00", 2), "2026-03-25T10:00:00-05:00");
    // Opened at 17:00 (closed): starts next day 07:00, +1bd -> the day after 07:00.
    assert_eq!(d("2026-03-05 17:00", 1), "2026-03-09T07:00:00-05:00");
    // Opened during lunch: moves to 13:00 (5 h elapsed); +1bd: 5 h into
    // the next day is 12:00, the earliest instant with 5 h elapsed.
    assert_eq!(d("2026-03-05 12:30", 1), "2026-03-06T12:00:00-05:00");
    assert_eq!(
        cal.add_business_days(at("2026-03-05 12:30"), 0).unwrap(),
        at("2026-03-05 12:30")
    );
}

#[test]
fn business_days_cap_at_a_shorter_day() {
    // Itagüí-style: Friday closes at 16:00. Thursday 16:30 is 8.5 h into
    // the day; Friday has 8 h, so +1bd is Friday 16:00.
    let tz: chrono_tz::Tz = "America/Bogota".parse().unwrap();
    let spec = CalendarSpec::new(tz)
        .weekdays(&["07:00-12:00", "13:00-17:00"])
        .unwrap()
        .day(chrono::Weekday::Fri, &["07:00-12:00", "13:00-16:00"])
        .unwrap();
    let cal = Calendar::new(spec);
    let due = cal.add_business_days(at("2026-03-05 16:30"), 1).unwrap();
    assert_eq!(due.to_rfc3339(tz), "2026-03-06T16:00:00-05:00");
}

#[test]
fn extra_closed_days_and_always() {
    let tz: chrono_tz::Tz = "America/Bogota".parse().unwrap();
    let cal = Calendar::new(
        CalendarSpec::new(tz)
            .weekdays(&["08:00-17:00"])
            .unwrap()
            .closed_day(NaiveDate::from_ymd_opt(2026, 12, 24).unwrap()),
    );
    assert_eq!(cal.business_between(at("2026-12-24"), at("2026-12-25")), 0);
    assert_eq!(
        cal.business_between(at("2026-12-23"), at("2026-12-24")),
        9 * 3600
    );
    let always = Calendar::new(CalendarSpec::always(tz));
    assert_eq!(
        always.business_between(at("2026-12-24"), at("2026-12-26 01:00")),
        49 * 3600
    );
    assert!(always.is_working(at("2026-12-25 03:00")));
}

#[test]
fn another_countrys_rule_file_loads_the_same_way() {
    // A made-up US-style file: fixed dates observed on Monday, an n-th
    // weekday and a last weekday, a one-off date.
    let text = r#"
name = "Ejemplo"
code = "xx"
[[holiday]]
name = "New Year"
date = "01-01"
move = "sunday_to_monday"
[[holiday]]
name = "Thanksgiving"
month = 11
weekday = "thu"
nth = 4
[[holiday]]
name = "Memorial Day"
month = 5
weekday = "mon"
nth = -1
[[holiday]]
name = "Special"
dates = ["2026-02-02", "2027-02-02"]
until = 2026
"#;
    let set = HolidayRules::from_toml(text, "xx.toml").unwrap();
    let got: Vec<String> = set
        .in_year(2023)
        .iter()
        .map(|h| h.date.to_string())
        .collect();
    // 2023-01-01 was a Sunday.
    assert_eq!(got, ["2023-01-02", "2023-05-29", "2023-11-23"]);
    let got: Vec<String> = set
        .in_year(2027)
        .iter()
        .map(|h| h.date.to_string())
        .collect();
    assert_eq!(got, ["2027-01-01", "2027-05-31", "2027-11-25"]);
    assert_eq!(set.in_year(2026).len(), 4);
}
