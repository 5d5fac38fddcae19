//! One ticket's history as a timeline: the states it held, interval by
//! interval, with the business time of each (docs/CONTRACT.md §3).
//!
//! The timeline starts at the clock start (`opened_at`, or the reception
//! with `[clock] start`) and ends at the cutoff. Events are read in time
//! order (ties in file order); events after the cutoff are ignored and
//! events before the opening count as happening at the opening. The state
//! before the first event is `new`. An event that repeats the current
//! state begins no interval; an empty interval (two events at the same
//! instant) is not reported.
//!
//! [`walk`] reports each interval as a [`Span`] and returns what the walk
//! establishes about the whole history ([`Walk`]): the response instant,
//! the start of the final solved/closed run, reopens. The SLA engine
//! (`crate::engine`) folds its clocks over the same spans; `plazo
//! explain` prints them; reconciliation compares their sums with GLPI's.
//! There is one walk, so the three cannot disagree.
//!
//! # Example
//!
//! ```
//! use plazo::{Policy, policy::State, timeline};
//! let p = Policy::from_toml(r#"
//!     name = "x"
//!     [calendar]
//!     holidays = ["co"]
//!     [calendar.hours]
//!     mon = ["08:00-17:00"]
//!     tue = ["08:00-17:00"]
//!     wed = ["08:00-17:00"]
//!     thu = ["08:00-17:00"]
//!     fri = ["08:00-17:00"]
//! "#, "p.toml".as_ref())?;
//! let tz = p.tz();
//! let at = |s: &str| plazo::time::Instant::parse(s, tz).unwrap().unix();
//! // Opened Friday 15:00, taken 15:30, solved Monday 09:00.
//! let events = [
//!     (at("2026-03-06 15:30"), State::Open),
//!     (at("2026-03-09 09:00"), State::Solved),
//! ];
//! let mut spans = Vec::new();
//! let walk = timeline::walk(
//!     p.calendar(),
//!     at("2026-03-06 15:00"),
//!     events.iter().copied(),
//!     at("2026-03-10 00:00"),
//!     |s| spans.push(*s),
//! );
//! let business: Vec<i64> = spans.iter().map(|s| s.business_s).collect();
//! // new: Friday 15:00-15:30; open: Friday 15:30-17:00 and Monday
//! // 08:00-09:00; solved: Monday 09:00-17:00.
//! assert_eq!(business, [1800, 5400 + 3600, 8 * 3600]);
//! assert_eq!(walk.responded_at(), Some(at("2026-03-06 15:30")));
//! assert_eq!(walk.solved_at, Some(at("2026-03-09 09:00")));
//! assert_eq!(walk.state, State::Solved);
//! # Ok::<(), plazo::Error>(())
//! ```

use crate::calendar::Calendar;
use crate::policy::State;
use crate::time::Instant;

/// One interval of a ticket's timeline: a state held from `start` to
/// `end` (Unix seconds), with its business seconds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Span {
    /// The canonical state held.
    pub state: State,
    /// Start (inclusive).
    pub start: i64,
    /// End (exclusive).
    pub end: i64,
    /// Business seconds inside.
    pub business_s: i64,
    /// Index (in the input events) of the event that began it; `None`
    /// for the interval that begins at the opening.
    pub event: Option<usize>,
}

/// What a walk over a whole timeline establishes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Walk {
    /// The state at the cutoff.
    pub state: State,
    /// The first instant the state left `new`, with its business
    /// position ([`Calendar::business_position`]).
    pub responded: Option<(i64, i64)>,
    /// Start of the final solved/closed run, when the ticket is solved or
    /// closed at the cutoff (the last entry into solved, or into closed
    /// straight from an active state).
    pub solved_at: Option<i64>,
    /// Start of the final closed run, when closed at the cutoff.
    pub closed_at: Option<i64>,
    /// The final solved/closed run's answer was `unresolved` ("Sin
    /// Solución"): its last entry into solved or unresolved was into
    /// unresolved. False when the ticket is not done at the cutoff.
    pub unresolved: bool,
    /// Transitions from solved/closed back to new, open or paused.
    pub reopen_count: u32,
    /// Business seconds spent solved, closed or cancelled before a reopen.
    pub solved_before_reopen_s: i64,
    /// Events read (those up to the cutoff, repeats included).
    pub events: u32,
    /// Business position of the clock start.
    pub opened_pos: i64,
    /// Business position of the cutoff.
    pub cutoff_pos: i64,
}

impl Walk {
    /// The response instant: the first instant the state left `new`.
    pub fn responded_at(&self) -> Option<i64> {
        self.responded.map(|r| r.0)
    }
}

/// Walks a timeline from `opened` to `cutoff` over `events` (time, state)
/// sorted by time, reporting each non-empty interval to `each` in order.
///
/// Each instant's business position is read once, so an interval's
/// business time is the difference of two positions.
pub fn walk(
    cal: &Calendar,
    opened: i64,
    events: impl IntoIterator<Item = (i64, State)>,
    cutoff: i64,
    mut each: impl FnMut(&Span),
) -> Walk {
    let pos = |t: i64| cal.business_position(Instant::from_unix(t));
    let opened_pos = pos(opened);
    let mut w = Walker {
        state: State::New,
        since: opened,
        since_pos: opened_pos,
        since_event: None,
        done_since: None,
        done_b: 0,
        walk: Walk {
            state: State::New,
            responded: None,
            solved_at: None,
            closed_at: None,
            unresolved: false,
            reopen_count: 0,
            solved_before_reopen_s: 0,
            events: 0,
            opened_pos,
            cutoff_pos: 0,
        },
    };
    for (k, (at, st)) in events.into_iter().enumerate() {
        if at > cutoff {
            break;
        }
        w.walk.events += 1;
        let at = at.max(opened);
        if st == w.state {
            continue;
        }
        let at_pos = pos(at);
        w.close(at, at_pos, &mut each);
        w.enter(st, at, at_pos, k);
    }
    let cutoff_pos = pos(cutoff);
    w.close(cutoff, cutoff_pos, &mut each);
    w.finish(cutoff_pos)
}

/// The walk's state between two events.
struct Walker {
    /// The state held since `since`.
    state: State,
    since: i64,
    since_pos: i64,
    since_event: Option<usize>,
    /// Start of the current solved/closed run.
    done_since: Option<i64>,
    /// Business time of the current solved/closed/cancelled run.
    done_b: i64,
    walk: Walk,
}

impl Walker {
    /// Ends the current interval at `b` and reports it.
    #[inline]
    fn close(&mut self, b: i64, b_pos: i64, each: &mut impl FnMut(&Span)) {
        if b <= self.since {
            return;
        }
        let span = Span {
            state: self.state,
            start: self.since,
            end: b,
            business_s: b_pos - self.since_pos,
            event: self.since_event,
        };
        each(&span);
        if matches!(
            self.state,
            State::Solved
                | State::Unresolved
                | State::Closed
                | State::Cancelled
        ) {
            self.done_b += span.business_s;
        }
    }

    /// Enters state `st` at `at` (event `k`).
    #[inline]
    fn enter(&mut self, st: State, at: i64, at_pos: i64, k: usize) {
        let w = &mut self.walk;
        if w.responded.is_none() && st != State::New {
            w.responded = Some((at, at_pos));
        }
        if self.state.is_done() && st.is_active() {
            w.reopen_count += 1;
            w.solved_before_reopen_s += self.done_b;
        }
        if !st.is_done() {
            self.done_b = 0;
            self.done_since = None;
        } else if self.done_since.is_none() {
            self.done_b = 0;
            self.done_since = Some(at);
        }
        match st {
            State::Unresolved => w.unresolved = true,
            State::Solved => w.unresolved = false,
            _ if !st.is_done() => w.unresolved = false,
            _ => {}
        }
        if st == State::Closed {
            w.closed_at.get_or_insert(at);
        } else {
            w.closed_at = None;
        }
        self.state = st;
        self.since = at;
        self.since_pos = at_pos;
        self.since_event = Some(k);
    }

    fn finish(self, cutoff_pos: i64) -> Walk {
        let mut w = self.walk;
        w.state = self.state;
        w.cutoff_pos = cutoff_pos;
        if self.state.is_done() {
            w.solved_at = self.done_since;
        }
        if self.state != State::Closed {
            w.closed_at = None;
        }
        if !self.state.is_done() {
            w.unresolved = false;
        }
        w
    }
}
