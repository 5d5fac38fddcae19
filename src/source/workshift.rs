//! CA SDM workshifts to plazo calendars.
//!
//! A CA SDM workshift is text such as
//!
//! ```text
//! Mon - Fri { 8:00 am - 12:00 pm, 1:00 pm - 5:00 pm }
//! Sat { 9:00 am - 1:00 pm }
//! 07/04/2014
//! 12/25/2014
//! ```
//!
//! day ranges (or single days) with one or more time ranges in braces, and
//! holiday lines as `mm/dd/yyyy`. [`to_toml`] turns it into a plazo
//! `[calendar]` table: hours per weekday, holiday lines as
//! `extra_closed_days`, national holidays left to the user (`holidays =
//! ["co"]` is written as a default to review).
//!
//! # Example
//!
//! ```
//! let t = plazo::source::workshift::to_toml(
//!     "Mon - Fri { 8:00 am - 12:00 pm, 1:00 pm - 5:30 pm }\n07/04/2014\n",
//! ).unwrap();
//! assert!(t.contains("mon = [\"08:00-12:00\", \"13:00-17:30\"]"));
//! assert!(t.contains("extra_closed_days = [\"2014-07-04\"]"));
//! ```

use std::collections::BTreeMap;

use chrono::NaiveDate;

use crate::error::{Error, Result};
use crate::text::msg::source as msg;

const DAYS: [&str; 7] = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];

fn day_index(s: &str) -> Option<usize> {
    let l = s.trim().to_ascii_lowercase();
    DAYS.iter().position(|d| l.starts_with(d))
}

/// `8:00 am` -> minutes since midnight (`12:00 am` = 0, `12:00 pm` =
/// noon; `12:00 am` as a range end means midnight = 24:00).
fn time(s: &str) -> Option<u32> {
    let l = s.trim().to_ascii_lowercase().replace('.', "");
    let (hm, ampm) = if let Some(x) = l.strip_suffix("am") {
        (x.trim(), Some(false))
    } else if let Some(x) = l.strip_suffix("pm") {
        (x.trim(), Some(true))
    } else {
        (l.as_str(), None)
    };
    let (h, m) = hm.split_once(':').unwrap_or((hm, "0"));
    let (h, m): (u32, u32) = (h.trim().parse().ok()?, m.trim().parse().ok()?);
    if m > 59 {
        return None;
    }
    let h = match ampm {
        Some(false) if h == 12 => 0,
        Some(false) if h <= 12 => h,
        Some(true) if h == 12 => 12,
        Some(true) if h < 12 => h + 12,
        None if h <= 24 => h,
        _ => return None,
    };
    Some(h * 60 + m)
}

fn hhmm(m: u32) -> String {
    format!("{:02}:{:02}", m / 60, m % 60)
}

/// Converts a workshift text to a plazo `[calendar]` TOML table.
///
/// # Errors
///
/// An input error naming the line that is neither a day range nor a
/// holiday date.
pub fn to_toml(text: &str) -> Result<String> {
    let mut hours: BTreeMap<usize, Vec<(u32, u32)>> = BTreeMap::new();
    let mut closed: Vec<NaiveDate> = Vec::new();
    for (n, raw) in text.lines().enumerate() {
        let line = raw.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let bad = || {
            Error::input_msg(
                msg::NOT_A_SHIFT,
                &[("line", &(n + 1)), ("text", &format!("{line:?}"))],
            )
        };
        if let Ok(d) = NaiveDate::parse_from_str(line, "%m/%d/%Y") {
            closed.push(d);
            continue;
        }
        let (days, rest) = line.split_once('{').ok_or_else(bad)?;
        let ranges = rest.trim().strip_suffix('}').ok_or_else(bad)?;
        let (a, z) = match days.split_once('-') {
            Some((a, z)) => (day_index(a), day_index(z)),
            None => (day_index(days), day_index(days)),
        };
        let (Some(a), Some(z)) = (a, z) else {
            return Err(bad());
        };
        let mut segs = Vec::new();
        for r in ranges.split(',').filter(|r| !r.trim().is_empty()) {
            let (s, e) = r.split_once('-').ok_or_else(bad)?;
            let (s, mut e) =
                (time(s).ok_or_else(bad)?, time(e).ok_or_else(bad)?);
            if e == 0 {
                e = 24 * 60;
            }
            if e <= s {
                return Err(bad());
            }
            segs.push((s, e));
        }
        let mut d = a;
        loop {
            hours.entry(d).or_default().extend(segs.iter().copied());
            if d == z {
                break;
            }
            d = (d + 1) % 7;
        }
    }
    let mut out = String::from(
        "# Imported from a CA SDM workshift by `plazo calendar \
         import-workshift`.\n# Review `holidays`: CA SDM lists holidays as \
         dates (extra_closed_days below).\n[calendar]\nholidays = [\"co\"]\n",
    );
    closed.sort();
    closed.dedup();
    let days: Vec<String> =
        closed.iter().map(|d| format!("\"{d}\"")).collect();
    out.push_str(&format!("extra_closed_days = [{}]\n", days.join(", ")));
    out.push_str("[calendar.hours]\n");
    for (d, mut segs) in hours {
        segs.sort();
        let s: Vec<String> = segs
            .iter()
            .map(|(a, b)| format!("\"{}-{}\"", hhmm(*a), hhmm(*b)))
            .collect();
        out.push_str(&format!("{} = [{}]\n", DAYS[d], s.join(", ")));
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn several_ranges_single_days_and_holidays() {
        let t = to_toml(
            "Mon - Thu { 8:00 am - 12:00 pm, 1:00 pm - 5:00 pm }\n\
             Fri { 7:30 am - 4:00 pm }\n\
             Sat { 12:00 am - 12:00 am }\n\
             12/25/2014\n07/04/2014\n",
        )
        .unwrap();
        assert!(
            t.contains("thu = [\"08:00-12:00\", \"13:00-17:00\"]\n"),
            "{t}"
        );
        assert!(t.contains("fri = [\"07:30-16:00\"]\n"), "{t}");
        assert!(t.contains("sat = [\"00:00-24:00\"]\n"), "{t}");
        assert!(!t.contains("sun ="));
        assert!(
            t.contains("extra_closed_days = [\"2014-07-04\", \"2014-12-25\"]")
        );
        // The output is a valid plazo policy once name/timezone are added.
        let p = format!("name = \"x\"\ntimezone = \"America/Bogota\"\n{t}");
        crate::Policy::from_toml(&p, "p.toml".as_ref()).unwrap();
    }

    #[test]
    fn names_the_bad_line() {
        let e = to_toml("Mon - Fri { 8:00 am - 5:00 pm }\nfoo\n").unwrap_err();
        assert!(e.message(crate::text::lang::Lang::En).contains("line 2"));
    }
}
