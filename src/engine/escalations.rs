//! Escalations: a ticket's timeline cut by the group that held it, and
//! the time each new level took to take the case (docs/SLA.md
//! "Escalations", docs/CONTRACT.md §4.3).
//!
//! The events carry `group` and `assignee`. An event with an empty group
//! keeps the current group (the previous non-empty one); the first
//! non-empty group of the history holds the ticket from the clock start
//! (level 0). An **escalation** is an event whose group differs from the
//! current group: it ends the current segment and starts a new level
//! (levels are numbered in order, so a return to an earlier group is a
//! new level). The new level **takes** the case at the first event at or
//! after the escalation, while the group still holds it, that names an
//! assignee (time zero when the escalation event itself names one).
//!
//! Times are business seconds while the clock runs (states `new` and
//! `open`), as the SLA clocks count them: a pause stops the take clock
//! too, so an escalation made while paused starts counting at the resume.
//! Each segment also reports the business seconds it held the case while
//! the clock ran (`held_s`) and while paused (`paused_s`); over a whole
//! ticket these sum to the SLA row's `resolution_s` and `paused_s`.
//!
//! An escalation is `taken`, `waiting` (the group still holds the case,
//! active and not taken, at the cutoff: measured to the cutoff) or
//! `not_taken` (the case left the group, or was solved, closed or
//! cancelled, before anyone of the group took it: measured to then).
//! Level 0's take is the ticket's response (`responded_at`,
//! `response_s`), filled by the caller.
//!
//! # Example
//!
//! ```
//! use plazo::{Policy, policy::State};
//! use plazo::engine::escalations::{self, Outcome, Step};
//! let p = Policy::from_toml(r#"
//!     name = "x"
//!     [calendar]
//!     holidays = []
//!     [calendar.hours]
//!     mon = ["08:00-17:00"]
//!     tue = ["08:00-17:00"]
//!     wed = ["08:00-17:00"]
//!     thu = ["08:00-17:00"]
//!     fri = ["08:00-17:00"]
//! "#, "p.toml".as_ref())?;
//! let at = |s: &str| plazo::time::Instant::parse(s, p.tz()).unwrap().unix();
//! // Level 1 takes the case Thursday 9:00; escalated to N2 Friday
//! // 16:30; N2 takes it Monday 9:15: 30 min Friday + 1 h 15 Monday.
//! let steps = [
//!     Step { at: at("2026-03-05 09:00"), state: State::Open, group: 1, assigned: true },
//!     Step { at: at("2026-03-06 16:30"), state: State::Open, group: 2, assigned: false },
//!     Step { at: at("2026-03-09 09:15"), state: State::Open, group: 0, assigned: true },
//! ];
//! let levels = escalations::levels(p.calendar(), at("2026-03-05 08:00"), &steps, at("2026-03-10 08:00"));
//! assert_eq!(levels.len(), 2);
//! assert_eq!(levels[1].group, 2);
//! assert_eq!(levels[1].outcome, Some(Outcome::Taken));
//! assert_eq!(levels[1].take_s, 1800 + 4500);
//! # Ok::<(), plazo::Error>(())
//! ```

use crate::calendar::Calendar;
use crate::policy::State;
use crate::time::{Instant, OptSecs};

/// One event as the escalation walk reads it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Step {
    /// Unix seconds.
    pub at: i64,
    /// The canonical state the event sets.
    pub state: State,
    /// The group (interned id; 0: none, the current group carries on).
    pub group: u32,
    /// Whether the event names an assignee.
    pub assigned: bool,
}

/// How an escalation stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Outcome {
    /// Someone of the new group took the case.
    Taken,
    /// The group holds the case, untaken, at the cutoff.
    Waiting,
    /// The case left the group, or was finished, before a take.
    NotTaken,
}

impl Outcome {
    /// The stable id written in outputs.
    pub fn key(self) -> &'static str {
        match self {
            Outcome::Taken => "taken",
            Outcome::Waiting => "waiting",
            Outcome::NotTaken => "not_taken",
        }
    }
}

/// One segment of a ticket's timeline held by one group: level 0 from
/// the clock start, then one per escalation. The optional instants and
/// durations are [`OptSecs`]: a report holds every ticket's levels.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Level {
    /// 0 for the first group; n for the n-th escalation.
    pub level: u32,
    /// The group (interned id).
    pub group: u32,
    /// Start: the clock start (level 0) or the escalation instant.
    pub from: i64,
    /// End: the next escalation, or the cutoff.
    pub to: i64,
    /// When the group took the case (level 0: the response, filled by
    /// the caller).
    pub taken_at: OptSecs,
    /// Business seconds (clock running) from `from` to the take, or to
    /// the end of the wait (level 0: `response_s`).
    pub take_s: i64,
    /// Escalations only (`None` for level 0).
    pub outcome: Option<Outcome>,
    /// Business seconds the group held the case in new/open.
    pub held_s: i64,
    /// Business seconds the group held the case paused.
    pub paused_s: i64,
    /// When the wait for the take ended: the take, the case leaving the
    /// group or being finished (`None` while waiting).
    pub ended_at: OptSecs,
    /// The take target in business seconds (`[escalation] take_within`;
    /// level 0: the response target), filled by the caller.
    pub target_s: OptSecs,
    /// Taken within the target, when taken and targeted.
    pub met: Option<bool>,
}

// 80 bytes (88 with its ticket, as reports hold it); 104 with
// `Option<i64>` fields.
const _: () = assert!(std::mem::size_of::<Level>() == 80);

impl Level {
    /// A level held by `group` from `from`.
    fn new(level: u32, group: u32, from: i64) -> Level {
        Level {
            level,
            group,
            from,
            to: from,
            taken_at: OptSecs::NONE,
            take_s: 0,
            outcome: None,
            held_s: 0,
            paused_s: 0,
            ended_at: OptSecs::NONE,
            target_s: OptSecs::NONE,
            met: None,
        }
    }

    /// Still waiting for its take at instant `t` (an escalation made
    /// before `t` whose wait had not ended by then).
    pub fn waiting_at(&self, t: i64) -> bool {
        self.level > 0
            && self.from < t
            && self.ended_at.get().is_none_or(|e| e >= t)
    }
}

/// The levels of one ticket: `steps` sorted by time (ties in file
/// order), read from `start` (the clock start) to `cutoff`. Events
/// before `start` count at `start`; events after the cutoff are ignored.
/// Empty when no event up to the cutoff names a group.
pub fn levels(
    cal: &Calendar,
    start: i64,
    steps: &[Step],
    cutoff: i64,
) -> Vec<Level> {
    let in_time = || steps.iter().take_while(|s| s.at <= cutoff);
    let Some(first) = in_time().find(|s| s.group != 0).map(|s| s.group) else {
        return Vec::new();
    };
    let pos = |t: i64| cal.business_position(Instant::from_unix(t));
    let mut w = EscWalk {
        state: State::New,
        since_pos: pos(start),
        levels: vec![Level::new(0, first, start)],
    };
    for s in in_time() {
        let at = s.at.max(start);
        w.advance(pos(at));
        w.apply(s, at);
    }
    w.advance(pos(cutoff));
    w.finish(cutoff);
    w.levels
}

/// The walk's state between two events.
struct EscWalk {
    state: State,
    since_pos: i64,
    levels: Vec<Level>,
}

impl EscWalk {
    /// Counts the interval from the last event to `to_pos` in the
    /// current level (and its open escalation's take clock).
    fn advance(&mut self, to_pos: i64) {
        let b = to_pos - self.since_pos;
        self.since_pos = to_pos;
        let l = self.levels.last_mut().expect("level 0");
        match self.state {
            State::New | State::Open => {
                l.held_s += b;
                if l.level > 0 && l.outcome.is_none() {
                    l.take_s += b;
                }
            }
            State::Paused => l.paused_s += b,
            _ => {}
        }
    }

    /// Applies an event at `at` (already counted up to it).
    fn apply(&mut self, s: &Step, at: i64) {
        let cur = self.levels.last_mut().expect("level 0");
        if s.group != 0 && s.group != cur.group {
            cur.to = at;
            if cur.level > 0 && cur.outcome.is_none() {
                cur.outcome = Some(Outcome::NotTaken);
                cur.ended_at = OptSecs::some(at);
            }
            let level = cur.level + 1;
            self.levels.push(Level::new(level, s.group, at));
        }
        let cur = self.levels.last_mut().expect("level 0");
        if cur.level > 0 && cur.outcome.is_none() {
            if s.assigned {
                cur.outcome = Some(Outcome::Taken);
                cur.taken_at = OptSecs::some(at);
                cur.ended_at = OptSecs::some(at);
            } else if !s.state.is_active() {
                cur.outcome = Some(Outcome::NotTaken);
                cur.ended_at = OptSecs::some(at);
            }
        }
        self.state = s.state;
    }

    /// Ends the last level at the cutoff.
    fn finish(&mut self, cutoff: i64) {
        let l = self.levels.last_mut().expect("level 0");
        l.to = cutoff;
        if l.level > 0 && l.outcome.is_none() {
            l.outcome = Some(Outcome::Waiting);
        }
    }
}

/// The columns of the escalations table (`escalations.csv`), in order.
pub const COLUMNS: &[&str] = &[
    "ticket_id",
    "level",
    "group",
    "escalated_at",
    "taken_at",
    "take_business_s",
    "outcome",
    "take_target_s",
    "take_met",
    "left_at",
    "held_business_s",
    "paused_business_s",
];

/// Renders (ticket, level) pairs as the escalations table (header
/// included; docs/CONTRACT.md §4.3): one row per ticket and level, level
/// 0 first; `left_at` is the next escalation (empty for the level that
/// holds the case at the cutoff). Instants ISO 8601 with the policy zone's offset, durations
/// whole business seconds, unknown values empty. Level 0's
/// `escalated_at` is the clock start and its take the response;
/// `outcome` is empty for it. The free-text columns (`ticket_id`,
/// `group`) are written through `text` ([`crate::io::formula`]).
pub fn render(
    policy: &crate::policy::Policy,
    ds: &crate::model::dataset::Dataset,
    levels: &[(u32, Level)],
    text: crate::io::formula::FreeText,
) -> String {
    let mut out = Vec::with_capacity(levels.len() * 160 + 256);
    write(&mut out, policy, ds, levels, text)
        .expect("writing to memory does not fail");
    String::from_utf8(out).expect("the table is UTF-8")
}

/// [`render`] written to `out` a block of lines at a time: the table's
/// text is never held whole (a report of a million tickets has some two
/// million levels).
///
/// # Errors
///
/// `out`'s I/O error.
pub fn write(
    out: &mut impl std::io::Write,
    policy: &crate::policy::Policy,
    ds: &crate::model::dataset::Dataset,
    levels: &[(u32, Level)],
    text: crate::io::formula::FreeText,
) -> std::io::Result<()> {
    write_header(out)?;
    write_rows(out, policy, ds, levels, text)
}

/// The header line of [`write()`]'s table.
///
/// # Errors
///
/// `out`'s I/O error.
pub fn write_header(out: &mut impl std::io::Write) -> std::io::Result<()> {
    writeln!(out, "{}", COLUMNS.join(","))
}

/// The lines of [`write()`]'s table for `levels` (every level of their
/// tickets, by ticket), without the header: a report reading the events
/// a window of tickets at a time writes each window's.
///
/// # Errors
///
/// `out`'s I/O error.
pub fn write_rows(
    out: &mut impl std::io::Write,
    policy: &crate::policy::Policy,
    ds: &crate::model::dataset::Dataset,
    levels: &[(u32, Level)],
    text: crate::io::formula::FreeText,
) -> std::io::Result<()> {
    use std::fmt::Write as _;
    let mut buf = String::with_capacity(1 << 17);
    let mut w = crate::time::InstantWriter::new(policy.tz());
    let mut inst = |out: &mut String, t: Option<i64>| {
        out.push(',');
        w.write_unix(t, out);
    };
    let opt = |out: &mut String, v: Option<String>| {
        out.push(',');
        if let Some(v) = v {
            out.push_str(&v);
        }
    };
    for (k, (t, l)) in levels.iter().enumerate() {
        let left = levels
            .get(k + 1)
            .is_some_and(|n| n.0 == *t && n.1.level > 0);
        text.push(&mut buf, &ds.tickets[*t as usize].id);
        let _ = write!(buf, ",{},", l.level);
        text.push(&mut buf, ds.strings.get(l.group));
        inst(&mut buf, Some(l.from));
        inst(&mut buf, l.taken_at.get());
        let _ = write!(buf, ",{}", l.take_s);
        opt(&mut buf, l.outcome.map(|o| o.key().to_string()));
        opt(&mut buf, l.target_s.get().map(|s| s.to_string()));
        opt(&mut buf, l.met.map(|m| m.to_string()));
        inst(&mut buf, left.then_some(l.to));
        let _ = writeln!(buf, ",{},{}", l.held_s, l.paused_s);
        if buf.len() >= 1 << 16 {
            out.write_all(buf.as_bytes())?;
            buf.clear();
        }
    }
    out.write_all(buf.as_bytes())
}
