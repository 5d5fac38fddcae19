//! Reading dates of exports with explicit formats.
//!
//! A column's format is either given (`--date-format`, or `format` in a
//! mapping: a chrono `strftime` pattern such as `%d/%m/%Y %H:%M`, or
//! `epoch` for seconds since 1970 UTC) or detected with `auto`, per
//! column, and only when unambiguous: ISO 8601 (`2026-03-05 14:22[:10]`,
//! with or without an offset), `yyyy/m/d`, `d/m/yyyy`, `m/d/yyyy` (also
//! with `-` or `.`), with or without seconds. A column whose values all
//! read both day-first and month-first (`05/03/2024`) is an error that
//! shows examples and the flag to set: nothing is guessed. Naive times are
//! read in the policy's (or `--timezone`) zone, never at a fixed offset.
//!
//! # Example
//!
//! ```
//! use plazo::time::dates::DateFormat;
//! let tz: chrono_tz::Tz = "America/Bogota".parse().unwrap();
//! let f = DateFormat::detect("opened_at", ["29/2/2016 01:16", "5/3/2016 12:00"])
//!     .unwrap();
//! assert_eq!(f.parse("29/2/2016 01:16", tz).unwrap().to_rfc3339(tz),
//!            "2016-02-29T01:16:00-05:00");
//! let err = DateFormat::detect("at", ["05/03/2024 10:00"]).unwrap_err();
//! assert!(err.to_string().contains("--date-format"));
//! ```

use chrono::{NaiveDate, NaiveDateTime};
use chrono_tz::Tz;

use crate::error::{Error, Result};
use crate::text::msg;
use crate::time::pattern::Pattern;
use crate::time::{Instant, InstantReader, local_to_instant};

/// How a date column is written.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DateFormat {
    /// ISO 8601, with or without offset ([`Instant::parse`]).
    Iso,
    /// Integer seconds since 1970-01-01T00:00:00Z.
    Epoch,
    /// Explicit chrono patterns, tried in order (naive local time, or
    /// with `%z` / `%:z` an offset).
    Pattern(Vec<String>),
}

const TIMES: [&str; 3] = [" %H:%M:%S", " %H:%M", ""];

fn family(date: &str) -> Vec<String> {
    TIMES.iter().map(|t| format!("{date}{t}")).collect()
}

impl DateFormat {
    /// Reads a format given by the user: `auto` is `None`, `iso`,
    /// `epoch`, or a chrono pattern.
    pub fn from_user(s: &str) -> Option<DateFormat> {
        match s.trim() {
            "" | "auto" => None,
            "iso" => Some(DateFormat::Iso),
            "epoch" => Some(DateFormat::Epoch),
            p => Some(DateFormat::Pattern(vec![p.to_string()])),
        }
    }

    /// Parses one value; `None` when it does not match or lies outside
    /// 1970..2099 ([`crate::time::plausible`]).
    pub fn parse(&self, s: &str, tz: Tz) -> Option<Instant> {
        self.parse_unchecked(s, tz)
            .filter(|t| crate::time::plausible(*t))
    }

    /// [`DateFormat::parse`] without the range check.
    pub fn parse_unchecked(&self, s: &str, tz: Tz) -> Option<Instant> {
        let s = s.trim();
        match self {
            DateFormat::Iso => Instant::parse_unchecked(s, tz).ok(),
            DateFormat::Epoch => s.parse::<i64>().ok().map(Instant::from_unix),
            DateFormat::Pattern(ps) => {
                ps.iter().find_map(|p| parse_with(s, p, tz))
            }
        }
    }

    /// A short description for messages.
    pub fn describe(&self) -> String {
        match self {
            DateFormat::Iso => "ISO 8601".into(),
            DateFormat::Epoch => "epoch".into(),
            DateFormat::Pattern(p) => p.first().cloned().unwrap_or_default(),
        }
    }

    /// Detects the format of column `column` from its non-empty values.
    ///
    /// # Errors
    ///
    /// No candidate reads any value, or the column reads both day-first
    /// and month-first (the message shows examples and the flag).
    pub fn detect<'a>(
        column: &str,
        values: impl IntoIterator<Item = &'a str>,
    ) -> Result<DateFormat> {
        let utc = chrono_tz::UTC;
        let mut cands: Vec<(&str, DateFormat, usize)> = vec![
            ("iso", DateFormat::Iso, 0),
            ("ymd", DateFormat::Pattern(family("%Y/%m/%d")), 0),
        ];
        for sep in ['/', '-', '.'] {
            let dmy = format!("%d{sep}%m{sep}%Y");
            let mdy = format!("%m{sep}%d{sep}%Y");
            cands.push(("dmy", DateFormat::Pattern(family(&dmy)), 0));
            cands.push(("mdy", DateFormat::Pattern(family(&mdy)), 0));
        }
        let mut examples: Vec<String> = Vec::new();
        let mut n = 0usize;
        for v in values {
            let v = v.trim();
            if v.is_empty() {
                continue;
            }
            n += 1;
            if examples.len() < 3 && !examples.iter().any(|e| e == v) {
                examples.push(v.to_string());
            }
            for c in cands.iter_mut() {
                if c.1.parse(v, utc).is_some() {
                    c.2 += 1;
                }
            }
        }
        let best = cands.iter().map(|c| c.2).max().unwrap_or(0);
        if n == 0 {
            return Ok(DateFormat::Iso);
        }
        let ex = examples.join("\", \"");
        if best == 0 {
            return Err(Error::input_msg(
                msg::time::DATES_UNKNOWN_FORMAT,
                &[("column", &format!("{column:?}")), ("examples", &ex)],
            ));
        }
        let winners: Vec<&(&str, DateFormat, usize)> =
            cands.iter().filter(|c| c.2 == best).collect();
        let kinds: Vec<&str> = winners.iter().map(|c| c.0).collect();
        if kinds.contains(&"dmy") && kinds.contains(&"mdy") {
            let d = match &winners[0].1 {
                DateFormat::Pattern(p) => p
                    .iter()
                    .find(|p| parse_with(&examples[0], p, utc).is_some())
                    .cloned()
                    .unwrap_or_default(),
                _ => String::new(),
            };
            let m = d
                .replacen("%d", "\0", 1)
                .replacen("%m", "%d", 1)
                .replacen('\0', "%m", 1);
            return Err(Error::input_msg(
                msg::time::DATES_AMBIGUOUS,
                &[
                    ("column", &format!("{column:?}")),
                    ("examples", &ex),
                    ("day_first", &d),
                    ("month_first", &m),
                ],
            ));
        }
        Ok(winners[0].1.clone())
    }
}

/// A [`DateFormat`] ready to read many values fast: patterns compiled
/// once ([`Pattern`]), naive times turned into instants through an
/// [`InstantReader`]'s per-day offset cache. Reads every text as
/// [`DateFormat::parse`] does.
///
/// # Example
///
/// ```
/// use plazo::time::dates::{DateFormat, DateReader};
/// let tz: chrono_tz::Tz = "America/Bogota".parse().unwrap();
/// let f = DateFormat::from_user("%d/%m/%Y %H:%M").unwrap();
/// let mut r = DateReader::new(&f, tz);
/// assert_eq!(r.parse("29/2/2016 1:16"), f.parse("29/2/2016 1:16", tz));
/// assert_eq!(r.parse("29/2/2016 01:16").unwrap().to_rfc3339(tz),
///            "2016-02-29T01:16:00-05:00");
/// assert_eq!(r.parse("30/2/2016 01:16"), None);
/// ```
#[derive(Clone, Debug)]
pub struct DateReader {
    kind: ReaderKind,
    clock: InstantReader,
}

#[derive(Clone, Debug)]
enum ReaderKind {
    Iso,
    Epoch,
    Patterns(Vec<Pattern>),
}

impl DateReader {
    /// A reader of `f`, naive times in `tz`.
    pub fn new(f: &DateFormat, tz: Tz) -> DateReader {
        let kind = match f {
            DateFormat::Iso => ReaderKind::Iso,
            DateFormat::Epoch => ReaderKind::Epoch,
            DateFormat::Pattern(ps) => ReaderKind::Patterns(
                ps.iter().map(|p| Pattern::new(p)).collect(),
            ),
        };
        DateReader {
            kind,
            clock: InstantReader::new(tz),
        }
    }

    /// [`DateFormat::parse`] of `s`.
    pub fn parse(&mut self, s: &str) -> Option<Instant> {
        let s = s.trim();
        let t = match &self.kind {
            ReaderKind::Iso => return self.clock.read(s).ok(),
            ReaderKind::Epoch => s.parse::<i64>().ok().map(Instant::from_unix),
            ReaderKind::Patterns(ps) => {
                let clock = &mut self.clock;
                ps.iter().find_map(|p| p.read(s, clock))
            }
        };
        t.filter(|t| crate::time::plausible(*t))
    }
}

/// Parses `s` with one chrono pattern: with an offset when the pattern
/// has one, else as naive local time in `tz`; date-only patterns give
/// midnight.
fn parse_with(s: &str, p: &str, tz: Tz) -> Option<Instant> {
    if p.contains("%z") || p.contains("%:z") {
        return chrono::DateTime::parse_from_str(s, p)
            .ok()
            .map(Instant::from);
    }
    if let Ok(n) = NaiveDateTime::parse_from_str(s, p) {
        return Some(local_to_instant(tz, n));
    }
    if !p.contains("%H")
        && let Ok(d) = NaiveDate::parse_from_str(s, p)
    {
        return Some(local_to_instant(tz, d.and_time(chrono::NaiveTime::MIN)));
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tz() -> Tz {
        "America/Bogota".parse().unwrap()
    }

    #[test]
    fn detects_each_family() {
        let f = DateFormat::detect("c", ["2012/10/9 14:50:17"]).unwrap();
        assert_eq!(
            f.parse("2012/10/9 14:50:17", tz())
                .unwrap()
                .to_rfc3339(tz()),
            "2012-10-09T14:50:17-05:00"
        );
        let f =
            DateFormat::detect("c", ["13-01-2026 10:00", "02-01-2026 10:00"])
                .unwrap();
        assert_eq!(
            f.parse("02-01-2026 10:00", tz()).unwrap().to_rfc3339(tz()),
            "2026-01-02T10:00:00-05:00"
        );
        let f = DateFormat::detect("c", ["01-13-2026 10:00"]).unwrap();
        assert_eq!(
            f.parse("02-01-2026 10:00", tz()).unwrap().to_rfc3339(tz()),
            "2026-02-01T10:00:00-05:00"
        );
        let f =
            DateFormat::detect("c", ["2010-03-31T15:59:42+01:00"]).unwrap();
        assert_eq!(f, DateFormat::Iso);
    }

    #[test]
    fn ambiguous_is_an_error_with_examples_and_flag() {
        let e = DateFormat::detect(
            "Fecha",
            ["05/03/2024 10:00", "06/03/2024 11:00"],
        )
        .unwrap_err();
        let m = e.message(crate::text::lang::Lang::En);
        assert!(m.contains("\"05/03/2024 10:00\""), "{m}");
        assert!(m.contains("--date-format \"%d/%m/%Y %H:%M\""), "{m}");
        assert!(m.contains("--date-format \"%m/%d/%Y %H:%M\""), "{m}");
        assert!(DateFormat::detect("x", ["hola"]).is_err());
    }

    #[test]
    fn epoch_is_utc_seconds() {
        let t = DateFormat::Epoch.parse("1772738530", tz()).unwrap();
        assert_eq!(t.to_rfc3339(tz()), "2026-03-05T14:22:10-05:00");
    }
}
