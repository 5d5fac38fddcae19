//! The business-time calendar: how much working time lies between two
//! instants under an entity's calendar.
//!
//! # What is business time?
//!
//! A calendar is an IANA time zone, working segments per weekday in local
//! wall-clock time (several a day, e.g. 07:00-12:00 and 13:00-17:00;
//! `24:00` is allowed as an end), holiday rule sets and extra closed days.
//! Business time is the time inside the segments of days that are not
//! closed. Instants are absolute (UTC inside); segments are read on the
//! local wall clock.
//!
//! Example: Mon-Fri 08:00-12:00 and 14:00-17:00 in Bogotá. A ticket opened
//! on Friday 2025-06-27 at 16:30 and solved on Tuesday 2025-07-01 at 09:15,
//! with Monday 30 June a holiday (San Pedro y San Pablo and Sagrado
//! Corazón), used 30 min on Friday and 1 h 15 min on Tuesday:
//!
//! ```
//! use plazo::calendar::{Calendar, CalendarSpec, HolidayRules};
//! use plazo::time::Instant;
//!
//! let tz: chrono_tz::Tz = "America/Bogota".parse()?;
//! let cal = Calendar::new(
//!     CalendarSpec::new(tz)
//!         .weekdays(&["08:00-12:00", "14:00-17:00"])?
//!         .holidays(HolidayRules::builtin("co")?),
//! );
//! let opened = Instant::parse("2025-06-27 16:30", tz)?;
//! let solved = Instant::parse("2025-07-01 09:15", tz)?;
//! assert_eq!(cal.business_between(opened, solved), 3600 + 45 * 60);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! # Daylight saving time
//!
//! A segment covers every instant whose *local wall-clock reading* on that
//! date lies inside it. So a segment that a spring-forward gap cuts is
//! shorter by the gap, and a segment that a fall-back fold repeats counts
//! the repeated wall-clock hour twice (it was worked twice). In
//! Europe/Madrid, 2026-03-29 has no 02:00-03:00 and 2026-10-25 has it
//! twice; office hours such as 08:00-17:00 are untouched because the
//! change happens at night:
//!
//! ```
//! use plazo::calendar::{Calendar, CalendarSpec};
//! use plazo::time::Instant;
//!
//! let madrid: chrono_tz::Tz = "Europe/Madrid".parse()?;
//! let cal = Calendar::new(CalendarSpec::new(madrid).every_day(&["00:00-24:00"])?);
//! let day = |d: &str| Instant::parse(d, madrid);
//! assert_eq!(cal.business_between(day("2026-03-29")?, day("2026-03-30")?), 23 * 3600);
//! assert_eq!(cal.business_between(day("2026-10-25")?, day("2026-10-26")?), 25 * 3600);
//! let office = Calendar::new(CalendarSpec::new(madrid).every_day(&["01:30-02:30"])?);
//! // Only 01:30-02:00 exists on the spring day. On the autumn day the
//! // clock reads 01:30-02:30 once in CEST and 02:00-02:30 again in CET:
//! // 1 h + 30 min.
//! assert_eq!(office.business_between(day("2026-03-29")?, day("2026-03-30")?), 1800);
//! assert_eq!(office.business_between(day("2026-10-25")?, day("2026-10-26")?), 5400);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! # Speed
//!
//! Working intervals are materialised per UTC year on first use (thread
//! safe, lazily, for years 1900-2199) with cumulative working seconds and a
//! per-day index, so [`Calendar::business_between`] is O(1): two
//! table look-ups, no day-by-day walking. Instants outside 1900-2199 are
//! clamped to that range.
//!
//! # Messages
//!
//! Errors and the words a calendar shows (an entity closure's name) come
//! from [`crate::text::msg::calendar`].

mod backwards;
mod holidays;

pub use holidays::{Holiday, HolidayRules, easter_sunday};

use std::collections::{BTreeMap, HashSet};
use std::path::Path;
use std::sync::{Arc, OnceLock};

use chrono::{Datelike, NaiveDate, Offset, TimeZone, Weekday};
use chrono_tz::Tz;
use serde::Deserialize;

use crate::error::{Error, Result};
use crate::text::lang::Lang;
use crate::text::{Msg, msg};
use crate::time::{BizDuration, Instant, local_to_instant};

const FIRST_YEAR: i32 = 1900;
const LAST_YEAR: i32 = 2199;
const NYEARS: usize = (LAST_YEAR - FIRST_YEAR + 1) as usize;
const DAY: i64 = 86_400;

/// A working segment of a day: seconds since local midnight, `start < end
/// <= 86400`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Segment {
    /// Start, seconds after local midnight (inclusive).
    pub start: u32,
    /// End, seconds after local midnight (exclusive; 86400 = `24:00`).
    pub end: u32,
}

impl Segment {
    /// Parses `HH:MM-HH:MM` (or with seconds); `24:00` is allowed as an
    /// end.
    ///
    /// # Errors
    ///
    /// An input error quoting the text: not of that form, an hour past 24
    /// or a minute past 59, or an end not after its start.
    ///
    /// # Example
    ///
    /// ```
    /// use plazo::calendar::Segment;
    /// let s = Segment::parse("13:00-24:00").unwrap();
    /// assert_eq!((s.start, s.end), (13 * 3600, 86_400));
    /// assert!(Segment::parse("25:00-26:00").is_err());
    /// assert!(Segment::parse("17:00-08:00").is_err());
    /// ```
    pub fn parse(text: &str) -> Result<Segment> {
        let bad = |why: Msg| segment_error(text, why);
        let (a, b) = text
            .split_once('-')
            .ok_or_else(|| bad(msg::calendar::SEGMENT_NO_DASH))?;
        let clock = |s: &str| -> Result<u32> {
            let parts: Vec<&str> = s.trim().split(':').collect();
            if !(2..=3).contains(&parts.len())
                || parts.iter().any(|p| {
                    p.is_empty() || !p.bytes().all(|c| c.is_ascii_digit())
                })
            {
                return Err(bad(msg::calendar::SEGMENT_UNREADABLE_TIME));
            }
            let n: Vec<u32> =
                parts.iter().map(|p| p.parse().unwrap_or(99)).collect();
            let (h, m, s) = (n[0], n[1], n.get(2).copied().unwrap_or(0));
            if h > 24 || m > 59 || s > 59 || (h == 24 && (m > 0 || s > 0)) {
                return Err(bad(msg::calendar::SEGMENT_TIME_OUT_OF_RANGE));
            }
            Ok(h * 3600 + m * 60 + s)
        };
        let (start, end) = (clock(a)?, clock(b)?);
        if start >= end {
            return Err(bad(msg::calendar::SEGMENT_END_NOT_AFTER_START));
        }
        Ok(Segment { start, end })
    }
}

/// A segment `text` that does not read, and `why` (a reason message,
/// worded in each language inside the sentence).
fn segment_error(text: &str, why: Msg) -> Error {
    let quoted = format!("{text:?}");
    let [es, en] = [Lang::Es, Lang::En].map(|l| {
        msg::calendar::SEGMENT_BAD
            .fill(l, &[("text", &quoted), ("why", &why.get(l))])
    });
    Error::input(es, en)
}

impl std::fmt::Display for Segment {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let c = |s: u32| {
            if s.is_multiple_of(60) {
                format!("{:02}:{:02}", s / 3600, s % 3600 / 60)
            } else {
                format!("{:02}:{:02}:{:02}", s / 3600, s % 3600 / 60, s % 60)
            }
        };
        write!(f, "{}-{}", c(self.start), c(self.end))
    }
}

/// What a calendar is made of, before its tables are built.
///
/// Built from a policy's `[calendar]` table with
/// [`CalendarSpec::from_config`], or in code with the builder methods.
#[derive(Clone, Debug)]
pub struct CalendarSpec {
    tz: Tz,
    always: bool,
    week: [Vec<Segment>; 7],
    holidays: Vec<HolidayRules>,
    closed: Vec<NaiveDate>,
}

/// The `[calendar]` table of a policy file, as written.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CalendarConfig {
    /// `true`: 24x7 with no holidays (`hours` must then be absent).
    #[serde(default)]
    pub always: bool,
    /// Holiday rule sets: built-in codes (`co`) or `.toml` paths.
    #[serde(default)]
    pub holidays: Vec<String>,
    /// Entity closures, whole local days, `YYYY-MM-DD`.
    #[serde(default)]
    pub extra_closed_days: Vec<String>,
    /// Working segments per weekday (`mon` .. `sun`); a day not listed is
    /// closed.
    #[serde(default)]
    pub hours: Option<BTreeMap<String, Vec<String>>>,
}

impl CalendarSpec {
    /// An empty calendar in `tz`: no working time until segments are
    /// added.
    pub fn new(tz: Tz) -> CalendarSpec {
        CalendarSpec {
            tz,
            always: false,
            week: Default::default(),
            holidays: vec![],
            closed: vec![],
        }
    }

    /// A 24x7 calendar (no holidays, no closed days).
    pub fn always(tz: Tz) -> CalendarSpec {
        CalendarSpec {
            always: true,
            ..CalendarSpec::new(tz)
        }
    }

    /// Sets the segments of one weekday.
    ///
    /// # Errors
    ///
    /// A bad segment, or overlapping segments.
    pub fn day(mut self, day: Weekday, segs: &[&str]) -> Result<CalendarSpec> {
        let mut v = Vec::with_capacity(segs.len());
        for s in segs {
            v.push(Segment::parse(s)?);
        }
        self.week[day.num_days_from_monday() as usize] = check_segments(v)?;
        Ok(self)
    }

    /// Sets the same segments Monday to Friday.
    ///
    /// # Errors
    ///
    /// As [`CalendarSpec::day`].
    pub fn weekdays(self, segs: &[&str]) -> Result<CalendarSpec> {
        use Weekday::*;
        [Mon, Tue, Wed, Thu, Fri]
            .into_iter()
            .try_fold(self, |s, d| s.day(d, segs))
    }

    /// Sets the same segments on all seven days.
    ///
    /// # Errors
    ///
    /// As [`CalendarSpec::day`].
    pub fn every_day(self, segs: &[&str]) -> Result<CalendarSpec> {
        use Weekday::*;
        [Mon, Tue, Wed, Thu, Fri, Sat, Sun]
            .into_iter()
            .try_fold(self, |s, d| s.day(d, segs))
    }

    /// Adds a holiday rule set.
    pub fn holidays(mut self, rules: HolidayRules) -> CalendarSpec {
        self.holidays.push(rules);
        self
    }

    /// Adds a closed day (an entity closure).
    pub fn closed_day(mut self, date: NaiveDate) -> CalendarSpec {
        self.closed.push(date);
        self
    }

    /// The time zone.
    pub fn tz(&self) -> Tz {
        self.tz
    }

    /// Builds a spec from a policy's `[calendar]` table; relative holiday
    /// file paths are taken from `base` (the policy's folder).
    ///
    /// # Errors
    ///
    /// Input errors naming the key: an unknown weekday key, a bad or
    /// overlapping segment, a bad closed day, an unknown holiday set,
    /// `always = true` together with `hours`, or no working time at all.
    pub fn from_config(
        tz: Tz,
        cfg: &CalendarConfig,
        base: &Path,
    ) -> Result<CalendarSpec> {
        let mut spec = CalendarSpec::new(tz);
        if cfg.always {
            if cfg.hours.is_some() {
                return Err(Error::input_msg(
                    msg::calendar::ALWAYS_WITH_HOURS,
                    &[],
                ));
            }
            spec.always = true;
        }
        for (key, segs) in cfg.hours.iter().flatten() {
            let day = holidays::parse_weekday(key).ok_or_else(|| {
                Error::input_msg(
                    msg::calendar::HOURS_UNKNOWN_DAY,
                    &[("key", key)],
                )
            })?;
            let refs: Vec<&str> = segs.iter().map(String::as_str).collect();
            spec = spec
                .day(day, &refs)
                .map_err(|e| e.at(&format!("calendar.hours.{key}")))?;
        }
        for name in &cfg.holidays {
            spec = spec.holidays(
                HolidayRules::resolve(name, base)
                    .map_err(|e| e.at("calendar.holidays"))?,
            );
        }
        for s in &cfg.extra_closed_days {
            let d = NaiveDate::parse_from_str(s.trim(), "%Y-%m-%d").map_err(
                |_| {
                    Error::input_msg(
                        msg::calendar::CLOSED_DAY_BAD,
                        &[("value", &format!("{s:?}"))],
                    )
                },
            )?;
            spec = spec.closed_day(d);
        }
        if !spec.always && spec.week.iter().all(Vec::is_empty) {
            return Err(Error::input_msg(
                msg::calendar::NO_WORKING_HOURS,
                &[],
            ));
        }
        Ok(spec)
    }
}

fn check_segments(mut v: Vec<Segment>) -> Result<Vec<Segment>> {
    v.sort();
    for w in v.windows(2) {
        if w[1].start < w[0].end {
            return Err(Error::input_msg(
                msg::calendar::SEGMENTS_OVERLAP,
                &[("first", &w[0]), ("second", &w[1])],
            ));
        }
    }
    Ok(v)
}

/// A business-time calendar, ready for queries. Cheap to clone (shared);
/// safe to use from many threads.
#[derive(Clone, Debug)]
pub struct Calendar {
    inner: Arc<Inner>,
}

#[derive(Debug)]
struct Inner {
    spec: CalendarSpec,
    closed_extra: HashSet<NaiveDate>,
    years: Box<[OnceLock<YearTable>]>,
    /// The first year built: `YearTable::base` counts from its start.
    anchor: OnceLock<usize>,
    days: Box<[OnceLock<DayTable>]>,
}

/// The working intervals of one UTC year, with cumulative sums.
#[derive(Debug)]
struct YearTable {
    start: i64,
    /// Seconds in the year (365 or 366 days).
    len: i64,
    /// Working seconds from the calendar's anchor year to this year's
    /// start (negative before the anchor).
    base: i64,
    /// One record per UTC day, plus a sentinel for the year's end.
    days: Vec<DayRec>,
    /// Sorted, disjoint, non-touching working intervals clipped to the
    /// year, each with the working seconds of the year before it (one
    /// cache line holds everything a query needs about an interval).
    iv: Vec<Iv>,
    total: i64,
    /// For UTC day k of the year: the first interval whose end > day start.
    day_first: Vec<u32>,
    /// The zone's constant-offset pieces around the year: (start, end,
    /// offset seconds), for local dates without a time-zone look-up.
    pieces: Vec<(i64, i64, i64)>,
}

/// Working slots inline per UTC day.
const SLOTS: usize = 3;
/// `DayRec::s[0]` of a day with more than [`SLOTS`] working intervals.
const OVERFLOW: u32 = u32::MAX;

/// One UTC day's working intervals as offsets from the day's start (at
/// most [`SLOTS`]; unused slots are `0..0`), with the working seconds of
/// the year before the day. Half a cache line: a query reads one.
#[derive(Clone, Copy, Debug, Default)]
#[repr(align(32))]
struct DayRec {
    cum: i64,
    s: [u32; SLOTS],
    e: [u32; SLOTS],
}

#[derive(Clone, Copy, Debug)]
struct Iv {
    start: i64,
    end: i64,
    /// Working seconds of the year before this interval.
    cum: i64,
}

/// Local dates of one local year: their first instants and working days.
#[derive(Debug)]
struct DayTable {
    /// First instant of each local date, plus that of the next 1 January.
    starts: Vec<i64>,
    /// Day-of-year indices (0-based) of the dates with working time.
    workdays: Vec<u16>,
    /// Number of working days before each date of the year.
    rank: Vec<u16>,
    /// [`Calendar::position`] at each entry of `starts`.
    pos: Vec<i64>,
}

impl Calendar {
    /// A calendar ready for queries.
    pub fn new(spec: CalendarSpec) -> Calendar {
        let closed_extra = spec.closed.iter().copied().collect();
        Calendar {
            inner: Arc::new(Inner {
                spec,
                closed_extra,
                years: (0..NYEARS).map(|_| OnceLock::new()).collect(),
                anchor: OnceLock::new(),
                days: (0..NYEARS).map(|_| OnceLock::new()).collect(),
            }),
        }
    }

    /// The calendar's time zone.
    pub fn tz(&self) -> Tz {
        self.inner.spec.tz
    }

    /// True for a 24x7 calendar.
    pub fn is_always(&self) -> bool {
        self.inner.spec.always
    }

    /// The working segments of a weekday (empty when closed).
    pub fn segments(&self, day: Weekday) -> &[Segment] {
        &self.inner.spec.week[day.num_days_from_monday() as usize]
    }

    /// The holiday rule sets.
    pub fn holiday_sets(&self) -> &[HolidayRules] {
        &self.inner.spec.holidays
    }

    /// The closed dates of a year, the extra closed days named in
    /// Spanish; see [`Calendar::holidays_in_year_in`].
    pub fn holidays_in_year(&self, year: i32) -> Vec<Holiday> {
        self.holidays_in_year_in(year, Lang::Es)
    }

    /// The closed dates of a year from every holiday set and the extra
    /// closed days (named "Cierre de la entidad" / "Entity closure" in
    /// `lang`), merged by date (names joined).
    ///
    /// # Example
    ///
    /// ```
    /// use plazo::calendar::{Calendar, CalendarSpec, HolidayRules};
    /// use plazo::text::lang::Lang;
    /// let tz: chrono_tz::Tz = "America/Bogota".parse().unwrap();
    /// let cal = Calendar::new(
    ///     CalendarSpec::new(tz).holidays(HolidayRules::builtin("co").unwrap()),
    /// );
    /// let h = cal.holidays_in_year_in(2025, Lang::Es);
    /// let jun30 = h.iter().find(|h| h.date.to_string() == "2025-06-30").unwrap();
    /// assert_eq!(jun30.name(), "San Pedro y San Pablo / Sagrado Corazón de Jesús");
    /// ```
    pub fn holidays_in_year_in(&self, year: i32, lang: Lang) -> Vec<Holiday> {
        let mut by: BTreeMap<NaiveDate, Vec<String>> = BTreeMap::new();
        for set in &self.inner.spec.holidays {
            for h in set.in_year(year) {
                by.entry(h.date).or_default().extend(h.names);
            }
        }
        for d in &self.inner.spec.closed {
            if d.year() == year {
                by.entry(*d)
                    .or_default()
                    .push(msg::calendar::ENTITY_CLOSURE.get(lang).to_string());
            }
        }
        by.into_iter()
            .map(|(date, names)| Holiday { date, names })
            .collect()
    }

    /// True when `date` is a holiday or an extra closed day.
    pub fn is_closed_day(&self, date: NaiveDate) -> bool {
        if self.inner.spec.always {
            return false;
        }
        self.inner.closed_extra.contains(&date)
            || self
                .inner
                .spec
                .holidays
                .iter()
                .any(|s| s.in_year(date.year()).iter().any(|h| h.date == date))
    }

    /// Business seconds between `a` and `b`; 0 when `b <= a`.
    ///
    /// O(1): no walking over days.
    ///
    /// # Example: a pause over a weekend
    ///
    /// ```
    /// use plazo::calendar::{Calendar, CalendarSpec};
    /// use plazo::time::Instant;
    /// let tz: chrono_tz::Tz = "America/Bogota".parse()?;
    /// let cal = Calendar::new(CalendarSpec::new(tz).weekdays(&["08:00-17:00"])?);
    /// let fri = Instant::parse("2026-03-06 16:00", tz)?;
    /// let mon = Instant::parse("2026-03-09 09:30", tz)?;
    /// assert_eq!(cal.business_between(fri, mon), 2 * 3600 + 30 * 60);
    /// assert_eq!(cal.business_between(mon, fri), 0);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[inline]
    pub fn business_between(&self, a: Instant, b: Instant) -> i64 {
        self.between_secs(a.unix(), b.unix())
    }

    /// [`Calendar::business_between`] on raw Unix seconds.
    #[inline]
    pub fn between_secs(&self, a: i64, b: i64) -> i64 {
        if b <= a {
            return 0;
        }
        if self.inner.spec.always {
            return b - a;
        }
        self.position(b) - self.position(a)
    }

    /// A monotone business clock: working seconds from an arbitrary
    /// origin (fixed for this calendar) to `t`, so that
    /// `business_between(a, b) == position(b) - position(a)` for `a <= b`.
    /// Evaluating a timeline reads each instant's position once instead of
    /// twice.
    ///
    /// # Example
    ///
    /// ```
    /// use plazo::calendar::{Calendar, CalendarSpec};
    /// use plazo::time::Instant;
    /// let tz: chrono_tz::Tz = "America/Bogota".parse()?;
    /// let cal = Calendar::new(CalendarSpec::new(tz).weekdays(&["08:00-17:00"])?);
    /// let a = Instant::parse("2026-03-06 16:00", tz)?;
    /// let b = Instant::parse("2026-03-09 09:30", tz)?;
    /// assert_eq!(cal.business_position(b) - cal.business_position(a), 9000);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[inline]
    pub fn business_position(&self, t: Instant) -> i64 {
        if self.inner.spec.always {
            return t.unix();
        }
        self.position(t.unix())
    }

    /// Working seconds from this calendar's anchor (the first year it
    /// built) to `t`: a monotone clock, so `B(a, b) = W(b) - W(a)` with no
    /// branch on years. Branch-free on ordinary days (see [`DayRec`]).
    #[inline]
    fn position(&self, t: i64) -> i64 {
        let (_, tab) = self.year_of(t);
        let off = (t - tab.start).clamp(0, tab.len);
        let k = (off / DAY) as usize;
        let rec = &tab.days[k];
        if rec.s[0] == OVERFLOW {
            return tab.position_slow(t);
        }
        let x = off - k as i64 * DAY;
        let mut sum = rec.cum;
        for j in 0..SLOTS {
            let (s, e) = (rec.s[j] as i64, rec.e[j] as i64);
            sum += (x - s).clamp(0, e - s);
        }
        tab.base + sum
    }

    /// The earliest instant `t` with `business_between(a, t) == secs`.
    ///
    /// A deadline that ends exactly at a segment's end is that end (17:00),
    /// not the next segment's start. `secs == 0` gives `a`.
    ///
    /// # Errors
    ///
    /// `secs < 0`, or no such instant before the year 2200 (a calendar
    /// without working time).
    ///
    /// # Example: a deadline that ends exactly at closing time
    ///
    /// ```
    /// use plazo::calendar::{Calendar, CalendarSpec};
    /// use plazo::time::Instant;
    /// let tz: chrono_tz::Tz = "America/Bogota".parse()?;
    /// let cal = Calendar::new(
    ///     CalendarSpec::new(tz).weekdays(&["07:00-12:00", "13:00-17:00"])?,
    /// );
    /// let opened = Instant::parse("2026-03-05 13:00", tz)?; // Thursday
    /// let due = cal.add_business(opened, 4 * 3600)?;
    /// assert_eq!(due.to_rfc3339(tz), "2026-03-05T17:00:00-05:00");
    /// let due = cal.add_business(opened, 4 * 3600 + 60)?;
    /// assert_eq!(due.to_rfc3339(tz), "2026-03-06T07:01:00-05:00");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn add_business(&self, a: Instant, secs: i64) -> Result<Instant> {
        if secs < 0 {
            return Err(Error::input_msg(
                msg::calendar::NEGATIVE_DURATION,
                &[("secs", &secs)],
            ));
        }
        if secs == 0 {
            return Ok(a);
        }
        if self.inner.spec.always {
            return Ok(a.plus(secs));
        }
        let (mut y, t) = self.year_of(a.unix());
        let mut rel = t.w(a.unix()) + secs;
        loop {
            let t = self.year(y);
            if rel <= t.total {
                // The last interval whose cumulative start is < rel.
                let i = t.iv.partition_point(|v| v.cum < rel) - 1;
                let v = t.iv[i];
                return Ok(Instant::from_unix(v.start + rel - v.cum));
            }
            rel -= t.total;
            y += 1;
            if y >= NYEARS {
                return Err(no_working_time());
            }
        }
    }

    /// Adds a [`BizDuration`]: business seconds with
    /// [`Calendar::add_business`], business days with
    /// [`Calendar::add_business_days`].
    ///
    /// # Errors
    ///
    /// As those methods.
    pub fn add(&self, a: Instant, d: BizDuration) -> Result<Instant> {
        match d {
            BizDuration::Seconds(s) => self.add_business(a, s),
            BizDuration::Days(n) => self.add_business_days(a, n),
        }
    }

    /// `n` business days after `a`: the same working-clock position `n`
    /// working days later.
    ///
    /// A start outside working hours first moves to the next working
    /// instant. The position is the business time already elapsed that
    /// working day; on the target day the deadline is the earliest instant
    /// with that much business time elapsed, or the end of that day's
    /// work when the target day is shorter (a Friday that closes at 16:00).
    /// Working days are local dates with any working time. `n == 0` gives
    /// `a`.
    ///
    /// # Errors
    ///
    /// No working time before the year 2200.
    ///
    /// # Example: 3 business days over a weekend and a holiday
    ///
    /// ```
    /// use plazo::calendar::{Calendar, CalendarSpec, HolidayRules};
    /// use plazo::time::Instant;
    /// let tz: chrono_tz::Tz = "America/Bogota".parse()?;
    /// let cal = Calendar::new(
    ///     CalendarSpec::new(tz)
    ///         .weekdays(&["07:00-12:00", "13:00-17:00"])?
    ///         .holidays(HolidayRules::builtin("co")?),
    /// );
    /// // Thursday 2026-07-09 10:30; Monday 13 July is a holiday.
    /// let a = Instant::parse("2026-07-09 10:30", tz)?;
    /// let due = cal.add_business_days(a, 3)?;
    /// assert_eq!(due.to_rfc3339(tz), "2026-07-15T10:30:00-05:00");
    /// // Opened on Saturday: the clock starts Monday 07:00.
    /// let sat = Instant::parse("2026-03-07 11:00", tz)?;
    /// let due = cal.add_business_days(sat, 1)?;
    /// assert_eq!(due.to_rfc3339(tz), "2026-03-10T07:00:00-05:00");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn add_business_days(&self, a: Instant, n: u32) -> Result<Instant> {
        if n == 0 {
            return Ok(a);
        }
        if self.inner.spec.always {
            return Ok(a.plus(n as i64 * DAY));
        }
        let start = self.next_working_instant(a)?;
        let local_day = self.local_day(start.unix());
        let (year, _, _) = crate::time::civil_from_days(local_day);
        if !(FIRST_YEAR as i64..=LAST_YEAR as i64).contains(&year) {
            return Err(no_working_time());
        }
        let mut y = (year - FIRST_YEAR as i64) as usize;
        let dt = self.days(y);
        let doy =
            (local_day - crate::time::days_from_civil(year, 1, 1)) as usize;
        let pos = self.position(start.unix()) - dt.pos[doy];
        let mut rank = dt.rank[doy] as usize + n as usize;
        loop {
            let dt = self.days(y);
            if rank < dt.workdays.len() {
                let j = dt.workdays[rank] as usize;
                let total = dt.pos[j + 1] - dt.pos[j];
                let d0 = Instant::from_unix(dt.starts[j]);
                return if pos == 0 {
                    self.next_working_instant(d0)
                } else {
                    self.add_business(d0, pos.min(total))
                };
            }
            rank -= dt.workdays.len();
            y += 1;
            if y >= NYEARS {
                return Err(no_working_time());
            }
        }
    }

    /// True when `t` is inside a working segment (segments include their
    /// start, exclude their end).
    ///
    /// # Example
    ///
    /// ```
    /// use plazo::calendar::{Calendar, CalendarSpec};
    /// use plazo::time::Instant;
    /// let tz: chrono_tz::Tz = "America/Bogota".parse()?;
    /// let cal = Calendar::new(CalendarSpec::new(tz).weekdays(&["08:00-17:00"])?);
    /// assert!(cal.is_working(Instant::parse("2026-03-05 08:00", tz)?));
    /// assert!(!cal.is_working(Instant::parse("2026-03-05 17:00", tz)?));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn is_working(&self, t: Instant) -> bool {
        if self.inner.spec.always {
            return true;
        }
        let (_, table) = self.year_of(t.unix());
        let i = table.first_ending_after(t.unix());
        i < table.iv.len() && table.iv[i].start <= t.unix()
    }

    /// `t` itself when working, else the start of the next working
    /// segment.
    ///
    /// # Errors
    ///
    /// No working time before the year 2200.
    ///
    /// # Example: a ticket opened on a Friday evening
    ///
    /// ```
    /// use plazo::calendar::{Calendar, CalendarSpec};
    /// use plazo::time::Instant;
    /// let tz: chrono_tz::Tz = "America/Bogota".parse()?;
    /// let cal = Calendar::new(CalendarSpec::new(tz).weekdays(&["08:00-17:00"])?);
    /// let t = Instant::parse("2026-03-06 17:55", tz)?;
    /// assert_eq!(cal.next_working_instant(t)?.to_rfc3339(tz),
    ///            "2026-03-09T08:00:00-05:00");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn next_working_instant(&self, t: Instant) -> Result<Instant> {
        if self.inner.spec.always {
            return Ok(t);
        }
        let (mut y, table) = self.year_of(t.unix());
        let i = table.first_ending_after(t.unix());
        if let Some(v) = table.iv.get(i) {
            return Ok(Instant::from_unix(v.start.max(t.unix())));
        }
        loop {
            y += 1;
            if y >= NYEARS {
                return Err(no_working_time());
            }
            if let Some(v) = self.year(y).iv.first() {
                return Ok(Instant::from_unix(v.start));
            }
        }
    }

    /// The working intervals that overlap `[from, to)`, clipped to it, in
    /// order. For explaining a figure interval by interval.
    pub fn working_intervals(
        &self,
        from: Instant,
        to: Instant,
    ) -> Vec<(Instant, Instant)> {
        let (a, b) = (from.unix(), to.unix());
        if b <= a {
            return vec![];
        }
        if self.inner.spec.always {
            return vec![(from, to)];
        }
        let mut out = Vec::new();
        let (ya, _) = self.year_of(a);
        let (yb, _) = self.year_of(b);
        for y in ya..=yb {
            let t = self.year(y);
            let mut i = if y == ya { t.first_ending_after(a) } else { 0 };
            while i < t.iv.len() && t.iv[i].start < b {
                let (s, e) = (t.iv[i].start.max(a), t.iv[i].end.min(b));
                if s < e {
                    // Intervals split at a UTC year boundary are rejoined.
                    match out.last_mut() {
                        Some((_, last_e)) if *last_e == s => *last_e = e,
                        _ => out.push((s, e)),
                    }
                }
                i += 1;
            }
        }
        out.into_iter()
            .map(|(s, e)| (Instant::from_unix(s), Instant::from_unix(e)))
            .collect()
    }

    /// The local day number (days since 1970-01-01 on the zone's wall
    /// clock) of instant `t`, from the year table's offset pieces.
    fn local_day(&self, t: i64) -> i64 {
        let (_, tab) = self.year_of(t);
        let off = tab.pieces.iter().find(|p| p.0 <= t && t < p.1).map_or_else(
            || {
                Instant::from_unix(t)
                    .in_zone(self.tz())
                    .offset()
                    .fix()
                    .local_minus_utc() as i64
            },
            |p| p.2,
        );
        (t + off).div_euclid(DAY)
    }

    #[inline]
    fn year_of(&self, t: i64) -> (usize, &YearTable) {
        let y = year_index(t);
        (y, self.year(y))
    }

    #[inline]
    fn year(&self, y: usize) -> &YearTable {
        match self.inner.years[y].get() {
            Some(t) => t,
            None => self.year_slow(y),
        }
    }

    /// Builds year `y` (and the years between it and the anchor, so that
    /// every built year's `base` is exact).
    #[cold]
    #[inline(never)]
    fn year_slow(&self, y: usize) -> &YearTable {
        let anchor = *self.inner.anchor.get_or_init(|| y);
        // Build from the anchor outwards: each year's base comes from its
        // already built neighbour toward the anchor.
        let path: Vec<usize> = if y >= anchor {
            (anchor..=y).collect()
        } else {
            (y..=anchor).rev().collect()
        };
        for z in path {
            self.inner.years[z].get_or_init(|| {
                let mut t = self.build_year(FIRST_YEAR + z as i32);
                t.base = if z == anchor {
                    0
                } else if z > anchor {
                    let p = self.year(z - 1);
                    p.base + p.total
                } else {
                    self.year(z + 1).base - t.total
                };
                t
            });
        }
        self.inner.years[y].get().expect("built above")
    }

    fn days(&self, y: usize) -> &DayTable {
        self.inner.days[y]
            .get_or_init(|| self.build_days(FIRST_YEAR + y as i32))
    }

    fn closed_dates(
        &self,
        years: std::ops::RangeInclusive<i32>,
    ) -> HashSet<NaiveDate> {
        let mut set: HashSet<NaiveDate> = self.inner.closed_extra.clone();
        for y in years {
            for s in &self.inner.spec.holidays {
                set.extend(s.in_year(y).into_iter().map(|h| h.date));
            }
        }
        set
    }

    fn build_year(&self, year: i32) -> YearTable {
        let spec = &self.inner.spec;
        let ys = days_from_civil(year, 1, 1) * DAY;
        let ye = days_from_civil(year + 1, 1, 1) * DAY;
        let pieces = offset_pieces(spec.tz, ys - 2 * DAY, ye + 2 * DAY);
        let closed = self.closed_dates(year - 1..=year + 1);
        let mut iv: Vec<(i64, i64)> = Vec::with_capacity(800);
        let mut date = NaiveDate::from_ymd_opt(year - 1, 12, 30).unwrap();
        let last = NaiveDate::from_ymd_opt(year + 1, 1, 2).unwrap();
        while date <= last {
            let segs =
                &spec.week[date.weekday().num_days_from_monday() as usize];
            if !segs.is_empty() && !closed.contains(&date) {
                let d00 =
                    days_from_civil(date.year(), date.month(), date.day())
                        * DAY;
                for seg in segs {
                    for &(p0, p1, off) in &pieces {
                        let a = (d00 + seg.start as i64 - off).max(p0).max(ys);
                        let b = (d00 + seg.end as i64 - off).min(p1).min(ye);
                        if a < b {
                            iv.push((a, b));
                        }
                    }
                }
            }
            date = date.succ_opt().unwrap();
        }
        iv.sort_unstable();
        let mut merged: Vec<Iv> = Vec::with_capacity(iv.len());
        for (a, b) in iv {
            match merged.last_mut() {
                Some(last) if a <= last.end => last.end = last.end.max(b),
                _ => merged.push(Iv {
                    start: a,
                    end: b,
                    cum: 0,
                }),
            }
        }
        let mut total = 0;
        for v in &mut merged {
            v.cum = total;
            total += v.end - v.start;
        }
        let ndays = ((ye - ys) / DAY) as usize;
        let mut day_first = Vec::with_capacity(ndays + 1);
        let mut i = 0usize;
        for k in 0..=ndays {
            let t = ys + k as i64 * DAY;
            while i < merged.len() && merged[i].end <= t {
                i += 1;
            }
            day_first.push(i as u32);
        }
        let mut days = Vec::with_capacity(ndays + 1);
        for (k, &first) in day_first.iter().enumerate() {
            let d0 = ys + k as i64 * DAY;
            let d1 = d0 + DAY;
            let first = first as usize;
            let mut rec = DayRec {
                cum: merged
                    .get(first)
                    .map_or(total, |v| v.cum + (d0 - v.start).max(0)),
                ..DayRec::default()
            };
            let today = merged[first..].iter().take_while(|v| v.start < d1);
            for (n, v) in today.enumerate() {
                if n == SLOTS {
                    rec.s[0] = OVERFLOW;
                    break;
                }
                rec.s[n] = (v.start.max(d0) - d0) as u32;
                rec.e[n] = (v.end.min(d1) - d0) as u32;
            }
            days.push(rec);
        }
        YearTable {
            start: ys,
            len: ye - ys,
            base: 0,
            days,
            iv: merged,
            total,
            day_first,
            pieces,
        }
    }

    fn build_days(&self, year: i32) -> DayTable {
        let tz = self.tz();
        let first = NaiveDate::from_ymd_opt(year, 1, 1).unwrap();
        let n = NaiveDate::from_ymd_opt(year + 1, 1, 1)
            .unwrap()
            .signed_duration_since(first)
            .num_days() as usize;
        let starts: Vec<i64> = (0..=n)
            .map(|k| day_start(tz, first + chrono::Duration::days(k as i64)))
            .collect();
        let pos: Vec<i64> = starts.iter().map(|&t| self.position(t)).collect();
        let mut workdays = Vec::new();
        let mut rank = Vec::with_capacity(n);
        for k in 0..n {
            rank.push(workdays.len() as u16);
            if pos[k + 1] > pos[k] {
                workdays.push(k as u16);
            }
        }
        DayTable {
            starts,
            workdays,
            rank,
            pos,
        }
    }
}

impl YearTable {
    /// Index of the first interval whose end is after `t`.
    #[inline]
    fn first_ending_after(&self, t: i64) -> usize {
        let k = ((t - self.start).max(0) / DAY) as usize;
        let mut i = self.day_first[k.min(self.day_first.len() - 1)] as usize;
        while i < self.iv.len() && self.iv[i].end <= t {
            i += 1;
        }
        i
    }

    /// [`Calendar::position`] on a day with more than [`SLOTS`] intervals.
    #[cold]
    #[inline(never)]
    fn position_slow(&self, t: i64) -> i64 {
        self.base + self.w(t)
    }

    /// Working seconds of this year before `t`.
    #[inline]
    fn w(&self, t: i64) -> i64 {
        match self.iv.get(self.first_ending_after(t)) {
            None => self.total,
            Some(v) if t <= v.start => v.cum,
            Some(v) => v.cum + (t - v.start),
        }
    }
}

fn no_working_time() -> Error {
    Error::input_msg(msg::calendar::NO_WORKING_TIME, &[])
}

/// The first instant of a local date (local midnight, or the first
/// existing wall time when a DST gap swallows midnight).
fn day_start(tz: Tz, date: NaiveDate) -> i64 {
    local_to_instant(tz, date.and_hms_opt(0, 0, 0).unwrap()).unix()
}

/// Splits `[from, to)` into pieces of constant UTC offset: `(start, end,
/// offset seconds)`. Offsets are sampled hourly and each change is found
/// to the second by bisection (zones do not change offset twice within an
/// hour).
fn offset_pieces(tz: Tz, from: i64, to: i64) -> Vec<(i64, i64, i64)> {
    let off = |t: i64| -> i64 {
        let dt = chrono::DateTime::from_timestamp(t, 0).unwrap().naive_utc();
        tz.offset_from_utc_datetime(&dt).fix().local_minus_utc() as i64
    };
    let mut pieces = Vec::with_capacity(3);
    let mut piece_start = from;
    let mut cur = off(from);
    let mut t = from;
    while t < to {
        let next = (t + 3600).min(to);
        let o = off(next);
        if o != cur {
            // First second in (t, next] with the new offset.
            let (mut lo, mut hi) = (t, next);
            while hi - lo > 1 {
                let mid = lo + (hi - lo) / 2;
                if off(mid) == cur { lo = mid } else { hi = mid }
            }
            pieces.push((piece_start, hi, cur));
            piece_start = hi;
            cur = o;
        }
        t = next;
    }
    pieces.push((piece_start, to, cur));
    pieces
}

/// Days since 1970-01-01 of a proleptic Gregorian date.
const fn days_from_civil(y: i32, m: u32, d: u32) -> i64 {
    crate::time::days_from_civil(y as i64, m as i64, d as i64)
}

/// Unix seconds of 1 January 00:00Z of each year 1900..=2200.
static YEAR_START: [i64; NYEARS + 1] = {
    let mut a = [0i64; NYEARS + 1];
    let mut i = 0;
    while i <= NYEARS {
        a[i] = days_from_civil(FIRST_YEAR + i as i32, 1, 1) * DAY;
        i += 1;
    }
    a
};

/// The index (0 = 1900) of the UTC year of a Unix instant, clamped to
/// 1900-2199: an estimate from the mean Gregorian year (365.2425 days),
/// corrected by at most one year against [`YEAR_START`].
#[inline]
fn year_index(t: i64) -> usize {
    const MAX: usize = NYEARS - 1;
    let y = ((t - YEAR_START[0]) / 31_556_952).clamp(0, MAX as i64) as usize;
    if t < YEAR_START[y] {
        y.saturating_sub(1)
    } else if y < MAX && t >= YEAR_START[y + 1] {
        y + 1
    } else {
        y
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn civil_conversions_agree_with_chrono() {
        for y in [1900, 1969, 1970, 2000, 2024, 2025, 2026, 2100, 2199] {
            for (m, d) in [(1, 1), (2, 28), (3, 1), (12, 31)] {
                let want = NaiveDate::from_ymd_opt(y, m, d)
                    .unwrap()
                    .and_hms_opt(0, 0, 0)
                    .unwrap()
                    .and_utc()
                    .timestamp();
                assert_eq!(days_from_civil(y, m, d) * DAY, want);
                let idx = (y - FIRST_YEAR) as usize;
                assert_eq!(year_index(want), idx);
                assert_eq!(year_index(want + DAY - 1), idx);
                let before = if (m, d) == (1, 1) { y - 1 } else { y };
                assert_eq!(
                    year_index(want - 1),
                    (before.max(FIRST_YEAR) - FIRST_YEAR) as usize
                );
            }
        }
    }

    #[test]
    fn offset_pieces_find_madrid_changes_to_the_second() {
        let madrid: Tz = "Europe/Madrid".parse().unwrap();
        let from = days_from_civil(2026, 1, 1) * DAY;
        let to = days_from_civil(2027, 1, 1) * DAY;
        let p = offset_pieces(madrid, from, to);
        // 2026-03-29 01:00Z and 2026-10-25 01:00Z (EU rule: last Sunday).
        let spring = days_from_civil(2026, 3, 29) * DAY + 3600;
        let autumn = days_from_civil(2026, 10, 25) * DAY + 3600;
        assert_eq!(
            p,
            vec![
                (from, spring, 3600),
                (spring, autumn, 7200),
                (autumn, to, 3600)
            ]
        );
    }

    #[test]
    fn overlapping_segments_are_rejected() {
        let tz: Tz = "America/Bogota".parse().unwrap();
        let err = CalendarSpec::new(tz)
            .day(Weekday::Mon, &["08:00-12:00", "11:00-13:00"])
            .unwrap_err();
        assert!(err.message(crate::text::lang::Lang::En).contains("overlap"));
    }
}
