//! Instants and business durations: parsing and printing.
//!
//! An [`Instant`] is an absolute point in time, whole seconds since
//! 1970-01-01T00:00:00Z. Input text is either ISO 8601 with an offset
//! (`2026-03-05T14:22:10-05:00`) or naive local wall-clock time
//! (`2026-03-05 14:22[:10]`) read in the policy's time zone; output is
//! ISO 8601 with the zone's offset. Fractions of a second are dropped
//! (tickets are recorded to the second). Also read: `T` or a space
//! between date and time, `Z`, offsets `-05:00` or `-0500` (less than a
//! day), a decimal point or comma; [`Instant::parse`] and the fast
//! [`InstantReader`] read every text alike (fuzz target `time`).
//!
//! A [`BizDuration`] is a business-time length: `90m`, `8h`, `1h30m`,
//! `45s` (business seconds) or `3bd` (business days); a
//! [`SignedBizDuration`] may also be negative (`-3h`, `-7bd`).
//!
//! Text that does not read is an input error quoting it and saying what
//! to write ([`crate::text::msg::time`]).
//!
//! # Example
//!
//! ```
//! use plazo::time::{BizDuration, Instant};
//!
//! let tz: chrono_tz::Tz = "America/Bogota".parse().unwrap();
//! let a = Instant::parse("2026-03-05 14:22", tz).unwrap();
//! let b = Instant::parse("2026-03-05T19:22:00Z", tz).unwrap();
//! assert_eq!(a, b);
//! assert_eq!(a.to_rfc3339(tz), "2026-03-05T14:22:00-05:00");
//! assert_eq!("1h30m".parse::<BizDuration>().unwrap(),
//!            BizDuration::Seconds(5400));
//! assert_eq!("3bd".parse::<BizDuration>().unwrap(), BizDuration::Days(3));
//! ```

pub mod dates;
mod opt_secs;
pub mod pattern;

pub use opt_secs::OptSecs;

use std::fmt;

use chrono::{
    DateTime, FixedOffset, LocalResult, NaiveDate, NaiveDateTime, NaiveTime,
    Offset, TimeZone, Utc,
};
use chrono_tz::Tz;

use crate::error::{Error, Result};
use crate::text::msg;

/// An absolute instant: whole seconds since the Unix epoch (UTC).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Instant(i64);

impl Instant {
    /// The instant `secs` seconds after 1970-01-01T00:00:00Z.
    pub const fn from_unix(secs: i64) -> Instant {
        Instant(secs)
    }

    /// Seconds since 1970-01-01T00:00:00Z.
    pub const fn unix(self) -> i64 {
        self.0
    }

    /// The instant `secs` seconds later (earlier when negative).
    pub const fn plus(self, secs: i64) -> Instant {
        Instant(self.0 + secs)
    }

    /// Reads ISO 8601 with an offset or `Z`, or naive local time in `tz`.
    ///
    /// Accepted forms: `YYYY-MM-DDTHH:MM[:SS[.fff]](Z|±HH:MM)`, the same
    /// with a space instead of `T`, and naive `YYYY-MM-DD[ T]HH:MM[:SS]`
    /// or a bare date `YYYY-MM-DD` (midnight). A naive time that a DST
    /// change repeats is read as the earlier instant; one that a DST gap
    /// skips is moved forward by the gap's length (RFC 5545's rule, also
    /// jiff's "compatible" default).
    ///
    /// # Errors
    ///
    /// An input error quoting the text and the accepted forms.
    ///
    /// # Example
    ///
    /// ```
    /// use plazo::time::Instant;
    /// let madrid: chrono_tz::Tz = "Europe/Madrid".parse().unwrap();
    /// // 02:30 does not exist on 2026-03-29 in Madrid: read as 03:30.
    /// let t = Instant::parse("2026-03-29 02:30", madrid).unwrap();
    /// assert_eq!(t.to_rfc3339(madrid), "2026-03-29T03:30:00+02:00");
    /// ```
    pub fn parse(text: &str, tz: Tz) -> Result<Instant> {
        let t = Instant::parse_unchecked(text, tz)?;
        if plausible(t) {
            Ok(t)
        } else {
            Err(implausible(text))
        }
    }

    /// [`Instant::parse`] without the range check: any year chrono
    /// reads. Used to tell a date outside 1970..2099 (a typo in the year)
    /// from text that is no date at all.
    ///
    /// # Errors
    ///
    /// As [`Instant::parse`], but for the range.
    pub fn parse_unchecked(text: &str, tz: Tz) -> Result<Instant> {
        let s = text.trim();
        // The forms [`InstantReader`] reads fast, read the same way here
        // (a compact offset `-0500`, a `T` without seconds before an
        // offset, a decimal comma): one answer whichever reads the text.
        if let Some((days, secs, off)) = scan(s.as_bytes()) {
            let naive = days * 86_400 + secs;
            return match off {
                Some(o) => Ok(Instant(naive - o)),
                None => {
                    let n = DateTime::from_timestamp(naive, 0)
                        .ok_or_else(|| out_of_range(naive))?
                        .naive_utc();
                    Ok(local_to_instant(tz, n))
                }
            };
        }
        if let Ok(dt) = DateTime::parse_from_rfc3339(s) {
            return Ok(Instant(dt.timestamp()));
        }
        for fmt in ["%Y-%m-%d %H:%M:%S%.f%:z", "%Y-%m-%d %H:%M%:z"] {
            if let Ok(dt) = DateTime::parse_from_str(s, fmt) {
                return Ok(Instant(dt.timestamp()));
            }
        }
        if let Some(rest) = s.strip_suffix('Z')
            && let Some(naive) = parse_naive(rest)
        {
            return Ok(Instant(naive.and_utc().timestamp()));
        }
        match parse_naive(s) {
            Some(naive) => Ok(local_to_instant(tz, naive)),
            None => Err(Error::input_msg(
                msg::time::INSTANT_UNREADABLE,
                &[("text", &format!("{s:?}"))],
            )),
        }
    }

    /// ISO 8601 with `tz`'s offset at this instant, to the second.
    pub fn to_rfc3339(self, tz: Tz) -> String {
        let mut s = String::with_capacity(25);
        write_at(self, offset_at(tz, self), tz, &mut s);
        s
    }

    /// [`Instant::to_rfc3339`] through chrono's formatter: what the fast
    /// writer falls back to (offsets in seconds, years past 9999) and is
    /// tested against.
    fn to_rfc3339_chrono(self, tz: Tz) -> String {
        self.in_zone(tz).format("%Y-%m-%dT%H:%M:%S%:z").to_string()
    }

    /// The local date and time in `tz` as Colombian documents write it,
    /// day first, to the minute: `31/10/2026 23:59`.
    pub fn local_text(self, tz: Tz) -> String {
        self.in_zone(tz).format("%d/%m/%Y %H:%M").to_string()
    }

    /// `tz`'s offset from UTC at this instant, with a true minus sign:
    /// `−05:00`, `+01:00`.
    pub fn offset_text(self, tz: Tz) -> String {
        self.in_zone(tz)
            .format("%:z")
            .to_string()
            .replace('-', "\u{2212}")
    }

    /// This instant as a zoned date-time.
    pub fn in_zone(self, tz: Tz) -> DateTime<Tz> {
        self.utc().with_timezone(&tz)
    }

    /// This instant as a UTC date-time.
    pub fn utc(self) -> DateTime<Utc> {
        DateTime::from_timestamp(self.0, 0).unwrap_or_default()
    }

    /// The local calendar date of this instant in `tz`.
    pub fn local_date(self, tz: Tz) -> NaiveDate {
        self.in_zone(tz).date_naive()
    }
}

impl<Z: TimeZone> From<DateTime<Z>> for Instant {
    fn from(dt: DateTime<Z>) -> Instant {
        Instant(dt.timestamp())
    }
}

impl fmt::Display for Instant {
    /// RFC 3339 in UTC.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.utc().format("%Y-%m-%dT%H:%M:%SZ"))
    }
}

fn parse_naive(s: &str) -> Option<NaiveDateTime> {
    const FORMATS: [&str; 4] = [
        "%Y-%m-%dT%H:%M:%S%.f",
        "%Y-%m-%d %H:%M:%S%.f",
        "%Y-%m-%dT%H:%M",
        "%Y-%m-%d %H:%M",
    ];
    for fmt in FORMATS {
        if let Ok(n) = NaiveDateTime::parse_from_str(s, fmt) {
            return Some(n);
        }
    }
    NaiveDate::parse_from_str(s, "%Y-%m-%d")
        .ok()
        .map(|d| d.and_time(NaiveTime::MIN))
}

/// The first instant a ticket's date may hold: 1970-01-01 00:00 UTC.
/// Service desks are younger; an earlier year is a typo (a date two
/// centuries back would also make the calendar walk every day between).
pub const PLAUSIBLE_FROM: i64 = 0;
/// The first instant past the dates a ticket may hold: 2100-01-01 00:00
/// UTC.
pub const PLAUSIBLE_UNTIL: i64 = 4_102_444_800;

/// True when `t` lies in [`PLAUSIBLE_FROM`]..[`PLAUSIBLE_UNTIL`]: the
/// range of dates the model accepts for openings, events and answers.
pub fn plausible(t: Instant) -> bool {
    (PLAUSIBLE_FROM..PLAUSIBLE_UNTIL).contains(&t.unix())
}

/// The instant a naive local date-time denotes in `tz`: the earlier one
/// in a fold; in a gap, the wall time moved forward by the gap's length.
///
/// # Example
///
/// ```
/// use chrono::NaiveDate;
/// use plazo::time::local_to_instant;
/// let madrid: chrono_tz::Tz = "Europe/Madrid".parse().unwrap();
/// // 2026-10-25 02:30 happens twice in Madrid: the first (CEST) is taken.
/// let n = NaiveDate::from_ymd_opt(2026, 10, 25).unwrap()
///     .and_hms_opt(2, 30, 0).unwrap();
/// assert_eq!(local_to_instant(madrid, n).to_rfc3339(madrid),
///            "2026-10-25T02:30:00+02:00");
/// ```
pub fn local_to_instant(tz: Tz, naive: NaiveDateTime) -> Instant {
    match tz.from_local_datetime(&naive) {
        LocalResult::Single(dt) => Instant::from(dt),
        LocalResult::Ambiguous(a, _) => Instant::from(a),
        LocalResult::None => {
            // In a gap: read with the offset in force just before it.
            let before = naive.and_utc() - chrono::Duration::hours(26);
            let off: FixedOffset =
                tz.offset_from_utc_datetime(&before.naive_utc()).fix();
            Instant(naive.and_utc().timestamp() - off.local_minus_utc() as i64)
        }
    }
}

/// A business-time length: business seconds or business days.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum BizDuration {
    /// Business seconds (written `90m`, `8h`, `1h30m`, `45s`).
    Seconds(i64),
    /// Business days (written `3bd`): the same working-clock position N
    /// working days later; see [`crate::Calendar::add_business_days`].
    Days(u32),
}

impl std::str::FromStr for BizDuration {
    type Err = Error;

    fn from_str(text: &str) -> Result<BizDuration> {
        let s = text.trim().to_ascii_lowercase();
        let bad = || {
            Error::input_msg(
                msg::time::DURATION_UNREADABLE,
                &[("text", &format!("{text:?}"))],
            )
        };
        if let Some(n) = s.strip_suffix("bd") {
            return match n.trim().parse::<u32>() {
                Ok(n) => Ok(BizDuration::Days(n)),
                Err(_) => Err(bad()),
            };
        }
        let mut total: i64 = 0;
        let mut num = String::new();
        let mut last_unit = 0u8; // enforce h before m before s, each once
        for c in s.chars() {
            if c.is_ascii_digit() {
                num.push(c);
                continue;
            }
            let (rank, mult) = match c {
                'h' => (1, 3600),
                'm' => (2, 60),
                's' => (3, 1),
                _ => return Err(bad()),
            };
            if num.is_empty() || rank <= last_unit {
                return Err(bad());
            }
            let n: i64 = num.parse().map_err(|_| bad())?;
            total = n
                .checked_mul(mult)
                .and_then(|v| total.checked_add(v))
                .ok_or_else(bad)?;
            num.clear();
            last_unit = rank;
        }
        if !num.is_empty() || last_unit == 0 {
            return Err(bad());
        }
        Ok(BizDuration::Seconds(total))
    }
}

impl fmt::Display for BizDuration {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {
            BizDuration::Days(n) => write!(f, "{n}bd"),
            BizDuration::Seconds(s) => {
                let (h, m, sec) = (s / 3600, s % 3600 / 60, s % 60);
                if s == 0 {
                    return f.write_str("0m");
                }
                if h > 0 {
                    write!(f, "{h}h")?;
                }
                if m > 0 {
                    write!(f, "{m}m")?;
                }
                if sec > 0 {
                    write!(f, "{sec}s")?;
                }
                Ok(())
            }
        }
    }
}

/// A business duration with a direction, as `plazo calendar add` reads
/// it: `90m`, `3bd`, or with a leading `-` (`-3h`, `-90m`, `-7bd`) for
/// business time counted backwards.
///
/// Targets in a policy stay [`BizDuration`]s, which refuse a sign: a
/// negative target has no meaning.
///
/// # Example
///
/// ```
/// use plazo::time::{BizDuration, SignedBizDuration};
/// let d: SignedBizDuration = "-7bd".parse().unwrap();
/// assert!(d.backwards);
/// assert_eq!(d.length, BizDuration::Days(7));
/// assert_eq!(d.to_string(), "-7bd");
/// assert!("--3h".parse::<SignedBizDuration>().is_err());
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct SignedBizDuration {
    /// True for a leading `-`: the length is counted backwards.
    pub backwards: bool,
    /// The length, without its sign.
    pub length: BizDuration,
}

impl std::str::FromStr for SignedBizDuration {
    type Err = Error;

    fn from_str(text: &str) -> Result<SignedBizDuration> {
        let t = text.trim();
        let (backwards, rest) = match t.strip_prefix('-') {
            Some(r) => (true, r),
            None => (false, t),
        };
        let bad = || {
            Error::input_msg(
                msg::time::SIGNED_DURATION_UNREADABLE,
                &[("text", &format!("{text:?}"))],
            )
        };
        if rest.starts_with(|c: char| c.is_whitespace() || c == '-') {
            return Err(bad());
        }
        let length = rest.parse::<BizDuration>().map_err(|_| bad())?;
        Ok(SignedBizDuration { backwards, length })
    }
}

impl fmt::Display for SignedBizDuration {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.backwards {
            f.write_str("-")?;
        }
        write!(f, "{}", self.length)
    }
}

/// Formats seconds as `H:MM:SS` (hours unbounded), e.g. `6300` ->
/// `1:45:00`; negative values get a leading `-`.
///
/// # Example
///
/// ```
/// assert_eq!(plazo::time::hms(6300), "1:45:00");
/// assert_eq!(plazo::time::hms(90061), "25:01:01");
/// ```
pub fn hms(secs: i64) -> String {
    let sign = if secs < 0 { "-" } else { "" };
    let s = secs.unsigned_abs();
    format!("{sign}{}:{:02}:{:02}", s / 3600, s % 3600 / 60, s % 60)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn bogota() -> Tz {
        "America/Bogota".parse().unwrap()
    }

    #[test]
    fn parses_every_accepted_form_to_the_same_instant() {
        // 2026-03-05 14:22:10 in Bogotá (UTC-5) is 19:22:10Z, i.e.
        // 1772738530 s since the epoch (20517 days * 86400 + 69730).
        let want = 20_517 * 86_400 + 19 * 3600 + 22 * 60 + 10;
        for s in [
            "2026-03-05T14:22:10-05:00",
            "2026-03-05 14:22:10-05:00",
            "2026-03-05T19:22:10Z",
            "2026-03-05 14:22:10",
            "2026-03-05T14:22:10",
            "  2026-03-05 14:22:10.999 ",
        ] {
            assert_eq!(
                Instant::parse(s, bogota()).unwrap().unix(),
                want,
                "{s}"
            );
        }
        assert_eq!(
            Instant::parse("2026-03-05 14:22", bogota()).unwrap().unix(),
            want - 10
        );
    }

    #[test]
    fn rejects_garbage_naming_the_value() {
        let err = Instant::parse("05/03/2026 14:22", bogota()).unwrap_err();
        assert!(err.is_input());
        assert!(
            err.message(crate::text::lang::Lang::En)
                .contains("\"05/03/2026 14:22\"")
        );
        assert!(Instant::parse("2026-13-01 10:00", bogota()).is_err());
    }

    #[test]
    fn durations() {
        let p = |s: &str| s.parse::<BizDuration>();
        assert_eq!(p("90m").unwrap(), BizDuration::Seconds(5400));
        assert_eq!(p("8h").unwrap(), BizDuration::Seconds(28_800));
        assert_eq!(p("1h30m").unwrap(), BizDuration::Seconds(5400));
        assert_eq!(p("45s").unwrap(), BizDuration::Seconds(45));
        assert_eq!(p(" 3BD ").unwrap(), BizDuration::Days(3));
        for bad in ["5hh", "h", "", "3", "1m2h", "1.5h", "3 bd x", "-2h", "2d"]
        {
            assert!(p(bad).is_err(), "{bad:?} should fail");
        }
        assert_eq!(BizDuration::Seconds(5400).to_string(), "1h30m");
        assert_eq!(BizDuration::Days(2).to_string(), "2bd");
    }

    #[test]
    fn signed_durations() {
        let p = |s: &str| s.parse::<SignedBizDuration>();
        let back = |length| SignedBizDuration {
            backwards: true,
            length,
        };
        assert_eq!(p("-3h").unwrap(), back(BizDuration::Seconds(10_800)));
        assert_eq!(p(" -90m ").unwrap(), back(BizDuration::Seconds(5400)));
        assert_eq!(p("-7BD").unwrap(), back(BizDuration::Days(7)));
        assert_eq!(
            p("1h30m").unwrap(),
            SignedBizDuration {
                backwards: false,
                length: BizDuration::Seconds(5400)
            }
        );
        for bad in ["--3h", "-", "- 3h", "-+3h", "+3h", "-5hh", "3h-", "-2d"] {
            let e = p(bad).expect_err(bad);
            let en = e.message(crate::text::lang::Lang::En);
            assert!(en.contains(&format!("{bad:?}")), "{en}");
        }
        assert_eq!(p("-1h30m").unwrap().to_string(), "-1h30m");
        assert_eq!(p("45s").unwrap().to_string(), "45s");
    }

    #[test]
    fn hms_formats() {
        assert_eq!(hms(0), "0:00:00");
        assert_eq!(hms(6300), "1:45:00");
        assert_eq!(hms(-61), "-0:01:01");
    }
}

/// A fast reader of the timestamps that canonical tables hold, for large
/// files: `YYYY-MM-DD[T ]HH:MM[:SS[.fff]][Z|±HH:MM|±HHMM]`, naive times read
/// in the zone. Caches the zone's offset per local date, so a naive
/// timestamp costs a few integer operations instead of a time-zone
/// look-up. Anything else falls back to [`Instant::parse`].
///
/// # Example
///
/// ```
/// use plazo::time::{Instant, InstantReader};
/// let tz: chrono_tz::Tz = "America/Bogota".parse().unwrap();
/// let mut r = InstantReader::new(tz);
/// let want = Instant::parse("2026-03-05T14:22:10-05:00", tz).unwrap();
/// assert_eq!(r.read("2026-03-05 14:22:10").unwrap(), want);
/// assert_eq!(r.read("2026-03-05T19:22:10Z").unwrap(), want);
/// assert!(r.read("05/03/2026").is_err());
/// ```
#[derive(Clone, Debug)]
pub struct InstantReader {
    tz: Tz,
    /// Direct-mapped cache: local day number -> constant offset that day
    /// (`None`: the offset changes that day; use the slow path).
    cache: Vec<(i64, Option<i32>)>,
}

const CACHE: usize = 4096;

impl InstantReader {
    /// A reader for naive times in `tz`.
    pub fn new(tz: Tz) -> InstantReader {
        InstantReader {
            tz,
            cache: vec![(i64::MIN, None); CACHE],
        }
    }

    /// Reads one timestamp.
    ///
    /// # Errors
    ///
    /// As [`Instant::parse`].
    pub fn read(&mut self, s: &str) -> Result<Instant> {
        let b = s.trim().as_bytes();
        if let Some((days, secs, off)) = scan(b) {
            let naive = days * 86_400 + secs;
            let t = Instant(match off {
                Some(o) => naive - o,
                None => naive - self.offset_on(days, naive)?,
            });
            return if plausible(t) {
                Ok(t)
            } else {
                Err(implausible(s))
            };
        }
        Instant::parse(s, self.tz)
    }

    /// The zone naive times are read in.
    pub fn tz(&self) -> Tz {
        self.tz
    }

    fn offset_on(&mut self, day: i64, naive: i64) -> Result<i64> {
        let slot = day.rem_euclid(CACHE as i64) as usize;
        let (d, off) = self.cache[slot];
        let off = if d == day {
            off
        } else {
            let off = self.constant_offset(day);
            self.cache[slot] = (day, off);
            off
        };
        Ok(match off {
            Some(o) => o as i64,
            None => {
                let n = DateTime::from_timestamp(naive, 0)
                    .ok_or_else(|| out_of_range(naive))?
                    .naive_utc();
                return Ok(naive - local_to_instant(self.tz, n).0);
            }
        })
    }

    /// The offset in force all local day long, if it does not change.
    fn constant_offset(&self, day: i64) -> Option<i32> {
        let start = day * 86_400;
        let naive = DateTime::from_timestamp(start, 0)?.naive_utc();
        let o1 = match self.tz.from_local_datetime(&naive) {
            LocalResult::Single(dt) => dt.offset().fix().local_minus_utc(),
            _ => return None,
        };
        // The instants of local midnight and of the next local midnight
        // under o1; the zone must give o1 at both ends (offset changes are
        // far rarer than daily, so none can hide in between).
        let a = start - o1 as i64;
        let b = a + 86_400;
        for t in [a, b] {
            let u = DateTime::from_timestamp(t, 0)?.naive_utc();
            if self.tz.offset_from_utc_datetime(&u).fix().local_minus_utc()
                != o1
            {
                return None;
            }
        }
        Some(o1)
    }
}

fn implausible(text: &str) -> Error {
    Error::input_msg(
        msg::time::INSTANT_IMPLAUSIBLE,
        &[("text", &format!("{:?}", text.trim()))],
    )
}

fn out_of_range(secs: i64) -> Error {
    Error::input_msg(msg::time::INSTANT_OUT_OF_RANGE, &[("secs", &secs)])
}

/// Scans `YYYY-MM-DD[T ]HH:MM[:SS[.f+]][Z|±HH[:]MM]` into (days since the
/// epoch, seconds of the day, offset seconds if any).
fn scan(b: &[u8]) -> Option<(i64, i64, Option<i64>)> {
    fn num(b: &[u8]) -> Option<i64> {
        let mut n = 0i64;
        for &c in b {
            if !c.is_ascii_digit() {
                return None;
            }
            n = n * 10 + (c - b'0') as i64;
        }
        Some(n)
    }
    if b.len() < 16 || b[4] != b'-' || b[7] != b'-' || b[13] != b':' {
        return None;
    }
    if b[10] != b' ' && b[10] != b'T' {
        return None;
    }
    let (y, m, d) = (num(&b[0..4])?, num(&b[5..7])?, num(&b[8..10])?);
    let (hh, mm) = (num(&b[11..13])?, num(&b[14..16])?);
    let mut i = 16;
    let mut ss = 0;
    if b.len() >= 19 && b[16] == b':' {
        ss = num(&b[17..19])?;
        i = 19;
        if b.len() > i && (b[i] == b'.' || b[i] == b',') {
            i += 1;
            while i < b.len() && b[i].is_ascii_digit() {
                i += 1;
            }
        }
    }
    if !(1..=12).contains(&m) || d < 1 || hh > 23 || mm > 59 || ss > 59 {
        return None;
    }
    if d > days_in_month(y, m) {
        return None;
    }
    let off = match &b[i..] {
        [] => None,
        [b'Z'] | [b'z'] => Some(0),
        [sign @ (b'+' | b'-'), rest @ ..] => {
            let (h, mi) = match rest {
                [h1, h2, b':', m1, m2] => {
                    (num(&[*h1, *h2])?, num(&[*m1, *m2])?)
                }
                [h1, h2, m1, m2] => (num(&[*h1, *h2])?, num(&[*m1, *m2])?),
                [h1, h2] => (num(&[*h1, *h2])?, 0),
                _ => return None,
            };
            // A zone is less than a day from UTC (as chrono reads it).
            if h > 23 || mi > 59 {
                return None;
            }
            let o = h * 3600 + mi * 60;
            Some(if *sign == b'-' { -o } else { o })
        }
        _ => return None,
    };
    let days = days_from_civil(y, m, d);
    Some((days, hh * 3600 + mm * 60 + ss, off))
}

pub(crate) fn days_in_month(y: i64, m: i64) -> i64 {
    match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        _ if (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 => 29,
        _ => 28,
    }
}

/// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant).
pub(crate) const fn days_from_civil(y: i64, m: i64, d: i64) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = if y >= 0 { y } else { y - 399 } / 400;
    let yoe = y - era * 400;
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// Formats an instant as ISO 8601 with `tz`'s offset, fast: a cache of the
/// offset per UTC hour avoids a zone look-up per call.
#[derive(Debug)]
pub struct InstantWriter {
    tz: Tz,
    /// The hour starting at slot `hour % HOURS`: a row's instants
    /// (opened, responded, solved, due...) fall in different hours, and
    /// one remembered hour missed on nearly every call.
    hours: Box<[Hour]>,
}

/// A UTC hour [`InstantWriter`] remembers: its zone offset, and its first
/// second written out when the offset is whole hours (then each instant
/// of the hour only changes the minutes and seconds).
#[derive(Clone, Copy, Debug)]
struct Hour {
    hour: i64,
    off: i64,
    text: Option<[u8; 25]>,
}

/// Hours [`InstantWriter`] remembers: 2,048, about 85 days.
const HOURS: usize = 2048;

impl InstantWriter {
    /// A writer for `tz`.
    pub fn new(tz: Tz) -> InstantWriter {
        let none = Hour {
            hour: i64::MIN,
            off: 0,
            text: None,
        };
        InstantWriter {
            tz,
            hours: vec![none; HOURS].into_boxed_slice(),
        }
    }

    /// Appends `t` as `YYYY-MM-DDTHH:MM:SS±HH:MM` to `out`.
    ///
    /// # Example
    ///
    /// ```
    /// use plazo::time::{Instant, InstantWriter};
    /// let tz: chrono_tz::Tz = "America/Bogota".parse().unwrap();
    /// let mut w = InstantWriter::new(tz);
    /// let mut s = String::new();
    /// w.write(Instant::from_unix(0), &mut s);
    /// assert_eq!(s, "1969-12-31T19:00:00-05:00");
    /// ```
    pub fn write(&mut self, t: Instant, out: &mut String) {
        let hour = t.0.div_euclid(3600);
        let slot = &mut self.hours[hour.rem_euclid(HOURS as i64) as usize];
        if slot.hour != hour {
            let off = offset_at(self.tz, t);
            let start = Instant(hour * 3600);
            let mut text = None;
            if off % 3600 == 0 {
                let mut s = String::with_capacity(25);
                write_at(start, off, self.tz, &mut s);
                text = <[u8; 25]>::try_from(s.as_bytes()).ok();
            }
            *slot = Hour { hour, off, text };
        }
        let Some(mut b) = slot.text else {
            return write_at(t, slot.off, self.tz, out);
        };
        let r = t.0 - hour * 3600;
        digits(&mut b[14..16], r / 60);
        digits(&mut b[17..19], r % 60);
        out.push_str(std::str::from_utf8(&b).expect("ASCII digits"));
    }

    /// [`InstantWriter::write`] of `t` in Unix seconds; nothing for
    /// `None` (an empty cell).
    pub fn write_unix(&mut self, t: Option<i64>, out: &mut String) {
        if let Some(t) = t {
            self.write(Instant::from_unix(t), out);
        }
    }
}

/// `tz`'s offset from UTC at `t`, in seconds.
fn offset_at(tz: Tz, t: Instant) -> i64 {
    i64::from(
        tz.offset_from_utc_datetime(&t.utc().naive_utc())
            .fix()
            .local_minus_utc(),
    )
}

/// Appends `t` as `YYYY-MM-DDTHH:MM:SS±HH:MM` to `out`, `off` being
/// `tz`'s offset at `t`.
fn write_at(t: Instant, off: i64, tz: Tz, out: &mut String) {
    let local = t.0 + off;
    let days = local.div_euclid(86_400);
    let secs = local.rem_euclid(86_400);
    let (y, m, d) = civil_from_days(days);
    if off % 60 != 0 || !(0..=9999).contains(&y) {
        // Local mean time before standard zones (e.g. -04:42:46):
        // chrono's rounding of the printed offset; and chrono's sign
        // for years outside four digits.
        out.push_str(&t.to_rfc3339_chrono(tz));
        return;
    }
    let o = off.abs();
    let mut b = *b"0000-00-00T00:00:00+00:00";
    digits(&mut b[0..4], y);
    digits(&mut b[5..7], m);
    digits(&mut b[8..10], d);
    digits(&mut b[11..13], secs / 3600);
    digits(&mut b[14..16], secs % 3600 / 60);
    digits(&mut b[17..19], secs % 60);
    if off < 0 {
        b[19] = b'-';
    }
    digits(&mut b[20..22], o / 3600);
    digits(&mut b[23..25], o % 3600 / 60);
    out.push_str(std::str::from_utf8(&b).expect("ASCII digits"));
}

/// `v` (0 ..= 10^len - 1) in `into`'s ASCII digits, zero-padded.
fn digits(into: &mut [u8], mut v: i64) {
    for b in into.iter_mut().rev() {
        *b = b'0' + (v % 10) as u8;
        v /= 10;
    }
}

/// (year, month, day) of a day number since 1970-01-01 (H. Hinnant).
pub(crate) const fn civil_from_days(z: i64) -> (i64, i64, i64) {
    let z = z + 719_468;
    let era = if z >= 0 { z } else { z - 146_096 } / 146_097;
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let y = yoe + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    (if m <= 2 { y + 1 } else { y }, m, d)
}

#[cfg(test)]
mod fast_tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        /// The fast reader and writer agree with chrono on every instant,
        /// in DST zones and a fixed one, with and without offsets (since 1970:
        /// earlier local mean times have offsets in seconds that ISO 8601
        /// text rounds).
        #[test]
        fn fast_paths_match_chrono(secs in 0i64..4_000_000_000, z in 0usize..3) {
            let tz: Tz = ["America/Bogota", "Europe/Madrid", "America/Santiago"][z].parse().unwrap();
            let t = Instant::from_unix(secs);
            let mut w = InstantWriter::new(tz);
            let mut s = String::new();
            w.write(t, &mut s);
            prop_assert_eq!(&s, &t.to_rfc3339_chrono(tz));
            prop_assert_eq!(&t.to_rfc3339(tz), &s);
            let mut r = InstantReader::new(tz);
            prop_assert_eq!(r.read(&s).unwrap(), t);
            // Naive local text: the same rule as Instant::parse.
            let naive = t.in_zone(tz).format("%Y-%m-%d %H:%M:%S").to_string();
            prop_assert_eq!(r.read(&naive).unwrap(), Instant::parse(&naive, tz).unwrap());
        }
    }

    proptest! {
        /// The writer equals chrono's formatter on any instant, back to
        /// local mean times (offsets in seconds) and past year 9999.
        #[test]
        fn writer_matches_chrono_on_any_year(
            secs in -60_000_000_000i64..300_000_000_000,
            z in 0usize..4,
        ) {
            let tz: Tz = ["America/Bogota", "Europe/Madrid", "UTC", "Asia/Kolkata"][z].parse().unwrap();
            let t = Instant::from_unix(secs);
            let mut s = String::new();
            InstantWriter::new(tz).write(t, &mut s);
            prop_assert_eq!(s, t.to_rfc3339_chrono(tz));
        }
    }

    proptest! {
        /// One writer kept over many instants, hours far apart landing on
        /// the same remembered slot among them, writes each as chrono
        /// does (a stale offset would show across Madrid's DST changes;
        /// Kolkata's half hour is never remembered as text).
        #[test]
        fn a_kept_writer_matches_chrono(
            starts in proptest::collection::vec(-3_000_000_000i64..2_000_000_000, 1..40),
            apart in proptest::collection::vec(0i64..6, 1..40),
            z in 0usize..4,
        ) {
            let zones = ["America/Bogota", "Europe/Madrid", "America/Santiago", "Asia/Kolkata"];
            let tz: Tz = zones[z].parse().unwrap();
            let mut w = InstantWriter::new(tz);
            for (s, k) in starts.iter().zip(apart.iter().cycle()) {
                // The same slot, k rounds of the table later.
                for t in [*s, s + k * HOURS as i64 * 3600] {
                    let t = Instant::from_unix(t);
                    let mut out = String::new();
                    w.write(t, &mut out);
                    prop_assert_eq!(out, t.to_rfc3339_chrono(tz));
                }
            }
        }
    }

    #[test]
    fn writer_pads_and_signs_offsets() {
        let t = Instant::from_unix(1_793_000_000);
        let kolkata: Tz = "Asia/Kolkata".parse().unwrap();
        assert_eq!(t.to_rfc3339(kolkata), "2026-10-26T13:03:20+05:30");
        let bogota: Tz = "America/Bogota".parse().unwrap();
        assert_eq!(t.to_rfc3339(bogota), "2026-10-26T02:33:20-05:00");
        assert_eq!(
            Instant::from_unix(-2_000_000_000).to_rfc3339(bogota),
            "1906-08-16T15:30:24-04:56"
        );
    }

    #[test]
    fn scan_rejects_impossible_dates() {
        assert!(scan(b"2026-02-29 10:00").is_none());
        assert!(scan(b"2024-02-29 10:00").is_some());
        assert!(scan(b"2026-04-31 10:00").is_none());
        assert!(scan(b"2026-04-30 24:00").is_none());
        assert_eq!(
            scan(b"2026-04-30T10:00:05.123-0500").unwrap().2,
            Some(-18_000)
        );
    }
}
