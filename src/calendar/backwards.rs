//! Business time counted backwards, and the end of a working day.
//!
//! [`Calendar::sub_business`] and [`Calendar::sub_business_days`] mirror
//! [`Calendar::add_business`] and [`Calendar::add_business_days`];
//! [`Calendar::end_of_working_day`] is GLPI's `end_of_working_day` rule
//! (`Calendar::computeEndDate` with `$end_of_working_day = true`, which
//! ends on `CalendarSegment::getLastWorkingHour` of the day).

use crate::error::{Error, Result};
use crate::text::msg;
use crate::time::{BizDuration, Instant, SignedBizDuration};

use super::{Calendar, DAY, FIRST_YEAR, LAST_YEAR, NYEARS, no_working_time};

impl Calendar {
    /// The latest instant `s` with `business_between(s, t) == secs`: the
    /// latest start that still has `secs` of business time before `t`.
    ///
    /// So `business_between(sub_business(t, d), t) == d` for every `t`
    /// and every `d >= 0` (when the calendar has that much working time
    /// after 1900; else an error). The result lies inside a working
    /// segment (a segment's start rather than the previous segment's
    /// end when both qualify): moving back 1 s from Monday 08:00 gives
    /// the previous working day's close minus 1 s, and moving back a
    /// whole day's work from Monday 08:00 gives the previous working
    /// day's opening, not the close before it. `secs == 0` gives `t`.
    ///
    /// Going back and forth: `sub_business(add_business(a, d), d)` is `a`
    /// when `a` is a working instant and [`Calendar::next_working_instant`]
    /// of `a` otherwise (`d > 0`); `add_business(sub_business(t, d), d)`
    /// is `t` when `t` is a working instant or a segment's end, else the
    /// end of the last segment before `t`.
    ///
    /// # Errors
    ///
    /// `secs < 0`, or not that much working time after 1900.
    ///
    /// # Example
    ///
    /// ```
    /// use plazo::calendar::{Calendar, CalendarSpec};
    /// use plazo::time::Instant;
    /// let tz: chrono_tz::Tz = "America/Bogota".parse()?;
    /// let cal = Calendar::new(
    ///     CalendarSpec::new(tz).weekdays(&["08:00-12:00", "13:00-17:00"])?,
    /// );
    /// let mon = Instant::parse("2026-03-09 08:00", tz)?;
    /// let t = cal.sub_business(mon, 1)?;
    /// assert_eq!(t.to_rfc3339(tz), "2026-03-06T16:59:59-05:00");
    /// let t = cal.sub_business(mon, 4 * 3600)?; // Friday afternoon
    /// assert_eq!(t.to_rfc3339(tz), "2026-03-06T13:00:00-05:00");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn sub_business(&self, t: Instant, secs: i64) -> Result<Instant> {
        if secs < 0 {
            return Err(Error::input_msg(
                msg::calendar::NEGATIVE_DURATION,
                &[("secs", &secs)],
            ));
        }
        if secs == 0 {
            return Ok(t);
        }
        if self.inner.spec.always {
            return Ok(t.plus(-secs));
        }
        let (mut y, _) = self.year_of(t.unix());
        let goal = self.position(t.unix()) - secs;
        loop {
            let tab = self.year(y);
            if goal >= tab.base {
                // goal < base + total here: t's year holds position(t) >
                // goal, and a year below is only reached when goal lies
                // before the next year's base.
                let rel = goal - tab.base;
                let i = tab
                    .iv
                    .partition_point(|v| v.cum + (v.end - v.start) <= rel);
                let v = tab.iv.get(i).ok_or_else(no_working_time)?;
                return Ok(Instant::from_unix(v.start + rel - v.cum));
            }
            if y == 0 {
                return Err(no_working_time());
            }
            y -= 1;
        }
    }

    /// Adds signed business seconds: [`Calendar::add_business`] for
    /// `secs >= 0`, [`Calendar::sub_business`] of `-secs` otherwise.
    ///
    /// # Errors
    ///
    /// As those methods.
    pub fn add_business_signed(
        &self,
        t: Instant,
        secs: i64,
    ) -> Result<Instant> {
        if secs >= 0 {
            self.add_business(t, secs)
        } else {
            self.sub_business(t, secs.checked_neg().unwrap_or(i64::MAX))
        }
    }

    /// Adds a [`SignedBizDuration`]: forwards with [`Calendar::add`],
    /// backwards with [`Calendar::sub_business`] or
    /// [`Calendar::sub_business_days`].
    ///
    /// # Errors
    ///
    /// As those methods.
    pub fn add_signed(
        &self,
        t: Instant,
        d: SignedBizDuration,
    ) -> Result<Instant> {
        match (d.backwards, d.length) {
            (false, len) => self.add(t, len),
            (true, BizDuration::Seconds(s)) => self.sub_business(t, s),
            (true, BizDuration::Days(n)) => self.sub_business_days(t, n),
        }
    }

    /// `n` business days before `a`: the same working-clock position `n`
    /// working days earlier, the mirror of [`Calendar::add_business_days`].
    ///
    /// A start outside working hours first moves back to the end of the
    /// last working segment before it (where `add_business_days` moves
    /// forward to the next opening), so Monday 06:00 counts as Friday's
    /// close. The position is the business time elapsed that working day
    /// at the (moved) start; on the target day the result is the earliest
    /// instant with that much business time elapsed, or that day's close
    /// when the target day is shorter. A position of 0 (a start at the
    /// day's opening) gives the target day's opening. `n == 0` gives `a`.
    ///
    /// GLPI differs on one point: `Calendar::computeEndDate` with a
    /// negative delay in days moves a start on a closed day back to the
    /// previous working day's *opening* (`getFirstWorkingHour`), not its
    /// close.
    ///
    /// # Errors
    ///
    /// No working time after 1900 (or that many working days).
    ///
    /// # Example: 7 business days back from a Monday (GLPI's vector)
    ///
    /// ```
    /// use plazo::calendar::{Calendar, CalendarSpec};
    /// use plazo::time::Instant;
    /// let utc: chrono_tz::Tz = "UTC".parse()?;
    /// let cal = Calendar::new(CalendarSpec::new(utc).weekdays(&["08:00-20:00"])?);
    /// let a = Instant::parse("2018-11-19 10:00", utc)?;
    /// let t = cal.sub_business_days(a, 7)?;
    /// assert_eq!(t.to_rfc3339(utc), "2018-11-08T10:00:00+00:00");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn sub_business_days(&self, a: Instant, n: u32) -> Result<Instant> {
        if n == 0 {
            return Ok(a);
        }
        if self.inner.spec.always {
            return Ok(a.plus(-(n as i64) * DAY));
        }
        // The working instant or segment end the clock reads at `a`, and
        // a second inside the working day it belongs to.
        let (at, inside) = if self.is_working(a) {
            (a.unix(), a.unix())
        } else {
            let c = self.previous_close(a.unix())?;
            (c, c - 1)
        };
        let (y, doy) = self.local_doy(self.local_day(inside))?;
        let dt = self.days(y);
        let pos = self.position(at) - dt.pos[doy];
        let rank = dt.rank[doy] as i64 - n as i64;
        let (y, j) = self.workday_by_rank(y, rank)?;
        let dt = self.days(y);
        let total = dt.pos[j + 1] - dt.pos[j];
        let d0 = Instant::from_unix(dt.starts[j]);
        if pos == 0 {
            self.next_working_instant(d0)
        } else {
            self.add_business(d0, pos.min(total))
        }
    }

    /// The close of the working day `t` falls on: the end of that local
    /// date's last working segment (GLPI: `Calendar::computeEndDate` with
    /// `$end_of_working_day = true` ends on
    /// `CalendarSegment::getLastWorkingHour` of the day).
    ///
    /// As in GLPI, only the date counts: an instant before the opening or
    /// after the close of a working day gives that same day's close (after
    /// the close, an instant *earlier* than `t`); an instant on a closed
    /// day (weekend, holiday) gives the close of the next working day. A
    /// day whose last segment ends at 24:00 closes at the next midnight.
    ///
    /// # Errors
    ///
    /// No working day before the year 2200.
    ///
    /// # Example
    ///
    /// ```
    /// use plazo::calendar::{Calendar, CalendarSpec};
    /// use plazo::time::Instant;
    /// let tz: chrono_tz::Tz = "America/Bogota".parse()?;
    /// let cal = Calendar::new(
    ///     CalendarSpec::new(tz).weekdays(&["08:00-12:00", "13:00-17:00"])?,
    /// );
    /// let eod = |s: &str| -> Result<String, plazo::Error> {
    ///     Ok(cal.end_of_working_day(Instant::parse(s, tz)?)?.to_rfc3339(tz))
    /// };
    /// assert_eq!(eod("2026-03-05 09:30")?, "2026-03-05T17:00:00-05:00");
    /// assert_eq!(eod("2026-03-05 19:00")?, "2026-03-05T17:00:00-05:00");
    /// assert_eq!(eod("2026-03-07 10:00")?, "2026-03-09T17:00:00-05:00"); // Saturday
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn end_of_working_day(&self, t: Instant) -> Result<Instant> {
        self.close_of_day(t, false)
    }

    /// [`Calendar::end_of_working_day`] for a result reached backwards:
    /// an instant on a closed day gives the close of the *previous*
    /// working day (GLPI's `computeEndDate` walks closed days in the
    /// delay's direction). On a working day, the same as
    /// `end_of_working_day`.
    ///
    /// # Errors
    ///
    /// No working day after 1900.
    pub fn end_of_working_day_backwards(&self, t: Instant) -> Result<Instant> {
        self.close_of_day(t, true)
    }

    fn close_of_day(&self, t: Instant, backwards: bool) -> Result<Instant> {
        if self.inner.spec.always {
            let day = self.local_day(t.unix());
            let (y, doy) = self.local_doy(day)?;
            return Ok(Instant::from_unix(self.days(y).starts[doy + 1]));
        }
        let (y, doy) = self.local_doy(self.local_day(t.unix()))?;
        let dt = self.days(y);
        let working = dt.pos[doy + 1] > dt.pos[doy];
        let rank = dt.rank[doy] as i64 - i64::from(backwards && !working);
        let (y, j) = self.workday_by_rank(y, rank)?;
        let dt = self.days(y);
        let total = dt.pos[j + 1] - dt.pos[j];
        self.add_business(Instant::from_unix(dt.starts[j]), total)
    }

    /// The end of the last working interval that ends at or before `t`.
    fn previous_close(&self, t: i64) -> Result<i64> {
        let (mut y, tab) = self.year_of(t);
        let i = tab.first_ending_after(t);
        if i > 0 {
            return Ok(tab.iv[i - 1].end);
        }
        loop {
            if y == 0 {
                return Err(no_working_time());
            }
            y -= 1;
            if let Some(v) = self.year(y).iv.last() {
                return Ok(v.end);
            }
        }
    }

    /// The year index and 0-based day of year of a local day number.
    fn local_doy(&self, local_day: i64) -> Result<(usize, usize)> {
        let (year, _, _) = crate::time::civil_from_days(local_day);
        if !(FIRST_YEAR as i64..=LAST_YEAR as i64).contains(&year) {
            return Err(no_working_time());
        }
        let doy = local_day - crate::time::days_from_civil(year, 1, 1);
        Ok(((year - FIRST_YEAR as i64) as usize, doy as usize))
    }

    /// The working day of rank `rank` counted from the first working day
    /// of year `y` (negative ranks reach back into earlier years): its
    /// year index and day of year.
    fn workday_by_rank(
        &self,
        mut y: usize,
        mut rank: i64,
    ) -> Result<(usize, usize)> {
        loop {
            if rank < 0 {
                if y == 0 {
                    return Err(no_working_time());
                }
                y -= 1;
                rank += self.days(y).workdays.len() as i64;
                continue;
            }
            let dt = self.days(y);
            if (rank as usize) < dt.workdays.len() {
                return Ok((y, dt.workdays[rank as usize] as usize));
            }
            rank -= dt.workdays.len() as i64;
            y += 1;
            if y >= NYEARS {
                return Err(no_working_time());
            }
        }
    }
}
