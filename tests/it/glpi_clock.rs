//! The calendar against GLPI 10.0.5's own figures (real GLPI output in
//! ../shared/datasets/glpi_10_0_5_sample/). GLPI computed, with its
//! calendar "Laboral" (Mon-Fri 07-12 and 13-17, Bogotá, its holiday
//! table):
//! - takeintoaccount_delay_stat = business seconds(date -> takeintoaccountdate)
//! - solve_delay_stat + waiting_duration = business seconds(date -> solvedate)
//!
//! Our calendar is built from GLPI's own holiday rows (expanded: a row
//! may span days; perpetual rows repeat every year), and, separately,
//! from our Colombian rules, which agree over the tickets' dates.

use std::collections::HashMap;

use chrono::{Datelike, NaiveDate};
use plazo::calendar::{Calendar, CalendarSpec, HolidayRules};
use plazo::time::Instant;

use crate::util::dataset;

fn read(path: &std::path::Path) -> Vec<HashMap<String, String>> {
    let mut rdr = csv::Reader::from_path(path).unwrap();
    let headers = rdr.headers().unwrap().clone();
    rdr.records()
        .map(|r| {
            let r = r.unwrap();
            headers
                .iter()
                .map(String::from)
                .zip(r.iter().map(String::from))
                .collect()
        })
        .collect()
}

fn glpi_holidays(dir: &std::path::Path) -> Vec<NaiveDate> {
    let mut out = vec![];
    for row in read(&dir.join("glpi_holidays.csv")) {
        let d0 =
            NaiveDate::parse_from_str(&row["begin_date"], "%Y-%m-%d").unwrap();
        let d1 =
            NaiveDate::parse_from_str(&row["end_date"], "%Y-%m-%d").unwrap();
        let years: Vec<i32> = if row["is_perpetual"] == "1" {
            (2024..=2028).collect()
        } else {
            vec![d0.year()]
        };
        for y in years {
            let mut d = d0.with_year(y).unwrap();
            let end = d1.with_year(y + (d1.year() - d0.year())).unwrap();
            while d <= end {
                out.push(d);
                d = d.succ_opt().unwrap();
            }
        }
    }
    out
}

#[test]
fn business_between_reproduces_glpi_delay_stats() {
    let dir = dataset("glpi_10_0_5_sample");
    let tz: chrono_tz::Tz = "America/Bogota".parse().unwrap();
    let base = CalendarSpec::new(tz)
        .weekdays(&["07:00-12:00", "13:00-17:00"])
        .unwrap();
    let glpi_cal = Calendar::new(
        glpi_holidays(&dir)
            .into_iter()
            .fold(base.clone(), |s, d| s.closed_day(d)),
    );
    let co_cal =
        Calendar::new(base.holidays(HolidayRules::builtin("co").unwrap()));
    let tickets = read(&dir.join("glpi_tickets.csv"));
    assert_eq!(tickets.len(), 60);
    let at = |s: &str| Instant::parse(s, tz).unwrap();
    let num = |s: &str| s.parse::<i64>().unwrap_or(0);
    let (mut tto, mut ttr) = (0, 0);
    for t in &tickets {
        let opened = at(&t["date"]);
        for cal in [&glpi_cal, &co_cal] {
            if !t["takeintoaccountdate"].is_empty() {
                let got = cal
                    .business_between(opened, at(&t["takeintoaccountdate"]));
                assert_eq!(
                    got,
                    num(&t["takeintoaccount_delay_stat"]),
                    "ticket {}",
                    t["id"]
                );
                tto += 1;
            }
            if !t["solvedate"].is_empty() {
                let got = cal.business_between(opened, at(&t["solvedate"]));
                let want =
                    num(&t["solve_delay_stat"]) + num(&t["waiting_duration"]);
                assert_eq!(got, want, "ticket {}", t["id"]);
                ttr += 1;
            }
        }
    }
    // Every ticket of the sample was taken into account and solved.
    assert_eq!((tto, ttr), (120, 120));
}
