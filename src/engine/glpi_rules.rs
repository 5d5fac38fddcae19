//! `[sla] deadline_rules = "glpi"`: deadlines and verdicts as GLPI 10.0
//! computes them, before PR #14937 (GLPI 10.0.5, the shared sample's
//! version; docs/SLA.md, "Procedure vs GLPI rules").
//!
//! - `LevelAgreement::computeDate` -> `Calendar::computeEndDate`: an
//!   hour-based target is business time from the opening; a day-based
//!   one steps working days and keeps the opening's time of day, or with
//!   `end_of_working_day` ends at that working day's last working hour
//!   ([`glpi_day_deadline`]).
//! - On leaving Pending (for any status) and on a reopen, GLPI adds the time waited to
//!   `sla_waiting_duration` (`LevelAgreement::getActiveTimeBetween`:
//!   business seconds for hour SLAs, wall-clock seconds for day SLAs) and
//!   recomputes `time_to_resolve` from the opening with it added, also
//!   when the wait came after the deadline; `time_to_own` is never moved.
//! - An hour deadline that ends exactly at the close of the day's last
//!   working period is stored as the next working day's first opening
//!   (`Calendar::computeEndDate`'s hour loop passes to the next day when
//!   the delay equals the day's time left; `CalendarSegment::
//!   addDelayInDay` with 0 s left returns the first period's start); a
//!   mid-day close stays (`addDelayInDay` stops at it).
//! - Verdict: breached when solved (taken) after the stored deadline
//!   (`solvedate > time_to_resolve`, as GLPI's search option 82 and
//!   `Stat` "late" do).

use chrono::{Datelike, NaiveDate, Timelike};

use crate::calendar::Calendar;
use crate::policy::{State, TargetRule};
use crate::time::{BizDuration, Instant, OptSecs};
use crate::timeline::Span;

use super::{Class, SlaRow};

/// The waiting GLPI adds to `time_to_resolve` (`CommonITILObject::
/// pre_updateInDB`): every Pending run, whatever status ends it (new,
/// open, Solved or Closed), and every Solved/Closed run ended by a reopen
/// (to new, open or Pending). A run still going at the cutoff (e.g. the
/// final solution) adds nothing yet.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Waits {
    /// Wall-clock seconds of the finished runs (day-based SLAs).
    pub wall_s: i64,
    /// Business seconds of the finished runs (hour-based SLAs).
    pub business_s: i64,
    /// The run in progress: (start, business seconds so far, Pending
    /// rather than Solved/Closed).
    run: Option<(i64, i64, bool)>,
}

impl Waits {
    /// Folds one timeline span.
    #[inline]
    pub(crate) fn add(&mut self, s: &Span) {
        match s.state {
            State::New | State::Open => self.finish(s.start),
            State::Paused | State::Solved | State::Closed => {
                let pending = s.state == State::Paused;
                // Pending -> Solved/Closed and Solved -> Pending end a run.
                if self.run.is_some_and(|r| r.2 != pending) {
                    self.finish(s.start);
                }
                let run = self.run.get_or_insert((s.start, 0, pending));
                run.1 += s.business_s;
            }
            State::Unresolved | State::Cancelled => self.run = None,
        }
    }

    /// Adds the run in progress, which ends at `at`.
    fn finish(&mut self, at: i64) {
        if let Some((start, biz, _)) = self.run.take() {
            self.wall_s += at - start;
            self.business_s += biz;
        }
    }
}

/// A deadline that falls exactly at the close of a day's last working
/// period becomes the next working day's first opening, as GLPI stores
/// it; a mid-day close (12:00 before a 13:00 opening) stays.
fn next_period_start(cal: &Calendar, t: i64) -> i64 {
    let at = Instant::from_unix(t);
    let tz = cal.tz();
    let day = |i: Instant| i.local_date(tz);
    match cal.next_working_instant(at) {
        // Only a close: an instant inside working time stays; and only
        // the day's last: no working time left on t's date.
        Ok(n)
            if n.unix() > t
                && cal.between_secs(t - 1, t) == 1
                && day(n) > day(Instant::from_unix(t - 1)) =>
        {
            n.unix()
        }
        _ => t,
    }
}

/// GLPI's deadline for a target from `opened`, with `waits` added. A
/// day-based deadline at the day's close stays there (GLPI sets the last
/// working hour itself); an hour-based one at a close moves on.
pub fn deadline(
    cal: &Calendar,
    opened: i64,
    target: BizDuration,
    eod: bool,
    waits: Option<&Waits>,
) -> Option<i64> {
    match target {
        BizDuration::Days(n) => {
            let add = waits.map_or(0, |w| w.wall_s);
            Some(glpi_day_deadline(cal, opened, n as i64, add, eod))
        }
        BizDuration::Seconds(s) => {
            let add = waits.map_or(0, |w| w.business_s);
            let due = cal.add_business(Instant::from_unix(opened), s + add);
            Some(next_period_start(cal, due.ok()?.unix()))
        }
    }
}

/// Replaces the procedure's deadlines and verdicts in `row` by GLPI's.
/// `targets` are the (response, resolution) targets as written (the
/// ticket's own or its rule's).
pub(crate) fn apply(
    row: &mut SlaRow,
    cal: &Calendar,
    opened: i64,
    targets: [Option<BizDuration>; 2],
    rule: Option<&TargetRule>,
    waits: &Waits,
    cutoff: i64,
) {
    let [resp, res] = targets;
    if let Some(tg) = resp {
        let eod = rule.is_some_and(|r| r.response_eod);
        row.response_due_at =
            OptSecs::from(deadline(cal, opened, tg, eod, None));
        let done = row.responded_at;
        judge(
            cal,
            row.response_due_at.get(),
            done.get(),
            row.response_target_s.get(),
            cutoff,
            (&mut row.response_met, &mut row.response_class),
            &mut row.response_overrun_s,
        );
    }
    if let Some(tg) = res
        && row.resolution_due_at.is_some()
    {
        let eod = rule.is_some_and(|r| r.resolution_eod);
        row.resolution_due_at =
            OptSecs::from(deadline(cal, opened, tg, eod, Some(waits)));
        if row.unresolved {
            return;
        }
        judge(
            cal,
            row.resolution_due_at.get(),
            row.solved_at.get(),
            row.resolution_target_s.get(),
            cutoff,
            (&mut row.resolution_met, &mut row.resolution_class),
            &mut row.resolution_overrun_s,
        );
    }
}

/// GLPI's verdict: met when done at or before the deadline; overrun is
/// the business time from the deadline to the end (or the cutoff); an
/// unfinished measure is classed by the business time left.
fn judge(
    cal: &Calendar,
    due: Option<i64>,
    done: Option<i64>,
    target: Option<i64>,
    cutoff: i64,
    (met, class): (&mut Option<bool>, &mut Option<Class>),
    overrun: &mut OptSecs,
) {
    let (Some(due), Some(tg)) = (due, target) else {
        return;
    };
    let end = done.unwrap_or(cutoff);
    *overrun = OptSecs::some(cal.between_secs(due, end));
    if let Some(d) = done {
        *met = Some(d <= due);
        *class = None;
    } else if class.is_some() {
        *class = Some(if cutoff > due {
            Class::Breached
        } else {
            Class::of(tg - cal.between_secs(cutoff, due), tg)
        });
    }
}

/// GLPI 10's `Calendar::computeEndDate` for day-based SLAs
/// (`work_in_days`), reproduced: `days` working days after `start`, with
/// the pending time `additional` (wall-clock seconds, as GLPI stores
/// `sla_waiting_duration` for day-based SLAs) folded into the day count.
///
/// Without end-of-working-day: a start on a closed day moves to the first
/// working hour of the next working day; then, while the delay (days x
/// 86400 + additional) is positive, step one calendar day and subtract a
/// day for each working day; an overshoot is taken back in wall-clock
/// seconds; a time after the day's last working hour is set to it. With
/// end-of-working-day: the pending time is added to the start first (then
/// moved off closed days), `days` working days are stepped, and the
/// deadline is the last working hour of the day reached.
// The last step is the close of a working day, as Calendar::end_of_working_day
// gives it; kept in GLPI's own day-stepping form here so that each step
// mirrors Calendar::computeEndDate line by line. The two agree on every
// fixed-offset calendar (tests/it/calendar_backwards.rs,
// glpi_day_deadline_with_eod_is_end_of_working_day).
pub fn glpi_day_deadline(
    cal: &Calendar,
    start: i64,
    days: i64,
    additional: i64,
    eod: bool,
) -> i64 {
    const DAY: i64 = 86_400;
    let tz = cal.tz();
    let date = |t: i64| Instant::from_unix(t).local_date(tz);
    let midnight = |d: NaiveDate| {
        crate::time::local_to_instant(tz, d.and_hms_opt(0, 0, 0).unwrap())
            .unix()
    };
    let working = |d: NaiveDate| {
        cal.between_secs(midnight(d), midnight(d.succ_opt().unwrap())) > 0
    };
    let segs = |d: NaiveDate| cal.segments(d.weekday());
    let at = |d: NaiveDate, secs: u32| midnight(d) + secs as i64;
    let secs_of_day = |t: i64| {
        Instant::from_unix(t)
            .in_zone(tz)
            .num_seconds_from_midnight()
    };
    let mut t;
    if eod {
        t = start + additional;
        while !working(date(t)) {
            t += DAY;
        }
        let mut n = days;
        while n > 0 {
            t += DAY;
            if working(date(t)) {
                n -= 1;
            }
        }
        if let Some(last) = segs(date(t)).last() {
            t = at(date(t), last.end);
        }
        return t;
    }
    t = start;
    if !working(date(t)) {
        while !working(date(t)) {
            t += DAY;
        }
        if let Some(first) = segs(date(t)).first() {
            t = at(date(t), first.start);
        }
    }
    let mut delay = days * DAY + additional;
    while delay > 0 {
        t += DAY;
        if working(date(t)) {
            delay -= DAY;
        }
        if delay < 0 {
            t += delay;
        }
    }
    if let Some(last) = segs(date(t)).last()
        && secs_of_day(t) > last.end
    {
        t = at(date(t), last.end);
    }
    t
}
