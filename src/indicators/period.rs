//! Report periods: calendar months, quarters or date ranges in the
//! policy's time zone.
//!
//! A period is the half-open interval `[start, end)` of instants between
//! the local midnights that begin its first day and follow its last day.
//! Its "last second" (`end - 1`) is the default cutoff of a report.
//!
//! # Example
//!
//! ```
//! use plazo::report::Period;
//! let tz: chrono_tz::Tz = "America/Bogota".parse().unwrap();
//! let p = Period::parse("2026Q3", tz)?;
//! assert_eq!(p.label(), "2026Q3");
//! assert_eq!(p.previous().label(), "2026Q2");
//! assert_eq!(plazo::time::Instant::from_unix(p.end - 1).to_rfc3339(tz),
//!            "2026-09-30T23:59:59-05:00");
//! # Ok::<(), plazo::Error>(())
//! ```

use chrono::{Datelike, Months, NaiveDate};
use chrono_tz::Tz;

use crate::error::{Error, Result};
use crate::text::msg;
use crate::time::{Instant, local_to_instant};

/// What kind of period.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// A calendar month.
    Month,
    /// A calendar quarter.
    Quarter,
    /// Whole days from one date to another, both included.
    Range,
}

/// One report period.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Period {
    /// Month, quarter or range.
    pub kind: Kind,
    /// First local day.
    pub first: NaiveDate,
    /// Last local day (included).
    pub last: NaiveDate,
    /// Start instant (Unix seconds, included).
    pub start: i64,
    /// End instant (Unix seconds, excluded): the next period's start.
    pub end: i64,
    tz: Tz,
}

fn midnight(tz: Tz, d: NaiveDate) -> i64 {
    local_to_instant(tz, d.and_hms_opt(0, 0, 0).expect("midnight")).unix()
}

impl Period {
    /// The period from `first` to `last` (both local days, included).
    pub fn new(kind: Kind, first: NaiveDate, last: NaiveDate, tz: Tz) -> Self {
        let next = last.succ_opt().unwrap_or(last);
        Period {
            kind,
            first,
            last,
            start: midnight(tz, first),
            end: midnight(tz, next),
            tz,
        }
    }

    /// The calendar month `y-m`.
    pub fn month(y: i32, m: u32, tz: Tz) -> Option<Self> {
        let first = NaiveDate::from_ymd_opt(y, m, 1)?;
        let last = first.checked_add_months(Months::new(1))?.pred_opt()?;
        Some(Period::new(Kind::Month, first, last, tz))
    }

    /// The calendar quarter `q` (1..=4) of `y`.
    pub fn quarter(y: i32, q: u32, tz: Tz) -> Option<Self> {
        if !(1..=4).contains(&q) {
            return None;
        }
        let first = NaiveDate::from_ymd_opt(y, 3 * q - 2, 1)?;
        let last = first.checked_add_months(Months::new(3))?.pred_opt()?;
        Some(Period::new(Kind::Quarter, first, last, tz))
    }

    /// Reads `2026-10` (a month), `2026Q3` (a quarter) or
    /// `2026-01-01..2026-03-31` (a range of days).
    ///
    /// # Errors
    ///
    /// An input error quoting the text and the accepted forms.
    pub fn parse(text: &str, tz: Tz) -> Result<Self> {
        let t = text.trim();
        let bad = || {
            Error::input_msg(
                msg::indicators::PERIOD_INVALID,
                &[("period", &format!("{t:?}"))],
            )
        };
        if let Some((a, b)) = t.split_once("..") {
            let d = |s: &str| NaiveDate::parse_from_str(s.trim(), "%Y-%m-%d");
            let (a, b) = (d(a).map_err(|_| bad())?, d(b).map_err(|_| bad())?);
            return Period::range(a, b, tz);
        }
        if let Some((y, q)) = t.split_once(['Q', 'q']) {
            let y: i32 = y.parse().map_err(|_| bad())?;
            let q: u32 = q.parse().map_err(|_| bad())?;
            return Period::quarter(y, q, tz).ok_or_else(bad);
        }
        if let Some((y, m)) = t.split_once('-') {
            let y: i32 = y.parse().map_err(|_| bad())?;
            let m: u32 = m.parse().map_err(|_| bad())?;
            return Period::month(y, m, tz).ok_or_else(bad);
        }
        Err(bad())
    }

    /// Whole days from `first` to `last`, both included.
    ///
    /// # Errors
    ///
    /// An input error when `last` is before `first`.
    pub fn range(first: NaiveDate, last: NaiveDate, tz: Tz) -> Result<Self> {
        if last < first {
            return Err(Error::input_msg(
                msg::indicators::PERIOD_REVERSED,
                &[("last", &last), ("first", &first)],
            ));
        }
        Ok(Period::new(Kind::Range, first, last, tz))
    }

    /// The last complete month (`quarter = false`) or quarter before the
    /// one that contains `at`: what a monthly cron job reports.
    pub fn previous_complete(at: Instant, quarter: bool, tz: Tz) -> Self {
        let d = at.local_date(tz);
        let current = if quarter {
            Period::quarter(d.year(), (d.month() - 1) / 3 + 1, tz)
        } else {
            Period::month(d.year(), d.month(), tz)
        };
        current.expect("valid date").previous()
    }

    /// The period just before: the previous month or quarter, or a range
    /// of the same number of days ending the day before.
    pub fn previous(&self) -> Self {
        match self.kind {
            Kind::Month => {
                let f = self.first - Months::new(1);
                Period::month(f.year(), f.month(), self.tz).expect("month")
            }
            Kind::Quarter => {
                let f = self.first - Months::new(3);
                Period::quarter(f.year(), (f.month() - 1) / 3 + 1, self.tz)
                    .expect("quarter")
            }
            Kind::Range => {
                let days = (self.last - self.first).num_days();
                let last = self.first.pred_opt().expect("date");
                let first = last - chrono::Duration::days(days);
                Period::new(Kind::Range, first, last, self.tz)
            }
        }
    }

    /// This period and the `n - 1` before it, oldest first.
    pub fn trend(&self, n: usize) -> Vec<Period> {
        let mut v = vec![*self];
        while v.len() < n {
            let p = v.last().expect("nonempty").previous();
            v.push(p);
        }
        v.reverse();
        v
    }

    /// `2026-10`, `2026Q3` or `2026-01-01_2026-03-31`: used in file names
    /// and in the `period` column of `indicators.csv`.
    pub fn label(&self) -> String {
        match self.kind {
            Kind::Month => self.first.format("%Y-%m").to_string(),
            Kind::Quarter => format!(
                "{}Q{}",
                self.first.year(),
                (self.first.month() - 1) / 3 + 1
            ),
            Kind::Range => format!("{}_{}", self.first, self.last),
        }
    }

    /// Whether the instant `t` lies in the period.
    pub fn contains(&self, t: i64) -> bool {
        self.start <= t && t < self.end
    }

    /// The period's last second, the default cutoff.
    pub fn last_second(&self) -> Instant {
        Instant::from_unix(self.end - 1)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn bog() -> Tz {
        "America/Bogota".parse().unwrap()
    }

    #[test]
    fn parse_forms() {
        let tz = bog();
        assert_eq!(Period::parse("2026-10", tz).unwrap().label(), "2026-10");
        assert_eq!(Period::parse("2026q4", tz).unwrap().label(), "2026Q4");
        let r = Period::parse("2026-01-01..2026-01-10", tz).unwrap();
        assert_eq!(r.label(), "2026-01-01_2026-01-10");
        assert_eq!(r.previous().label(), "2025-12-22_2025-12-31");
        assert!(Period::parse("2026-13", tz).is_err());
        assert!(Period::parse("2026Q5", tz).is_err());
        assert!(Period::parse("octubre", tz).is_err());
    }

    #[test]
    fn previous_and_trend() {
        let tz = bog();
        let p = Period::parse("2026-01", tz).unwrap();
        assert_eq!(p.previous().label(), "2025-12");
        let t = p.trend(12);
        assert_eq!(t.len(), 12);
        assert_eq!(t[0].label(), "2025-02");
        assert_eq!(t[11].label(), "2026-01");
        let q = Period::parse("2026Q1", tz).unwrap();
        assert_eq!(q.previous().label(), "2025Q4");
        let at = Instant::parse("2026-11-03 08:00", tz).unwrap();
        assert_eq!(
            Period::previous_complete(at, false, tz).label(),
            "2026-10"
        );
        assert_eq!(Period::previous_complete(at, true, tz).label(), "2026Q3");
    }

    #[test]
    fn bounds_are_local_midnights() {
        let tz = bog();
        let p = Period::parse("2026-05", tz).unwrap();
        assert_eq!(
            Instant::from_unix(p.start).to_rfc3339(tz),
            "2026-05-01T00:00:00-05:00"
        );
        assert_eq!(
            p.last_second().to_rfc3339(tz),
            "2026-05-31T23:59:59-05:00"
        );
        assert!(p.contains(p.start) && !p.contains(p.end));
    }
}
