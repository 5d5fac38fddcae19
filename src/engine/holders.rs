//! Who held a ticket: its timeline split at every event that changes the
//! status label, the group or the assignee ([`pieces`]), and the counted
//! business time per group ([`Engine::group_times`]), for `plazo explain`
//! and the breach list.
//!
//! The timeline walk ([`crate::timeline`]) begins an interval only when
//! the canonical state changes: "En proceso" at level 1 then "Escalado
//! Especialista" at level 2 are one `open` interval. Here that interval is
//! cut at the escalation, so a meeting sees who held the case and for how
//! long. Cutting never changes a sum: each interval's pieces add up to its
//! business time (the last piece takes the remainder).
//!
//! The holder: an event that names a group sets the group and the
//! assignee (an empty assignee there means the group has not assigned it
//! yet); an event with no group but an assignee sets the assignee; an
//! event with neither keeps both. Before any event, the tickets table's
//! group and assignee hold. docs/SLA.md ("Who held the ticket").

use crate::calendar::Calendar;
use crate::model::dataset::{Attr, Dataset, Event};
use crate::policy::State;
use crate::time::Instant;

use super::{Engine, SlaRow, Span};

/// One row of a ticket's timeline: an interval, or part of one, with the
/// status label that began it and its holder.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Piece {
    /// The canonical state held.
    pub state: State,
    /// Start (inclusive), Unix seconds.
    pub start: i64,
    /// End (exclusive), Unix seconds.
    pub end: i64,
    /// Business seconds inside.
    pub business_s: i64,
    /// Index (in the ticket's events) of the event that began it; `None`
    /// for the row that begins at the opening.
    pub event: Option<usize>,
    /// Interned group holding the ticket (empty: none known).
    pub group: u32,
    /// Interned assignee holding the ticket (empty: none).
    pub assignee: u32,
}

/// The group and assignee holding a ticket.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Holder {
    group: u32,
    assignee: u32,
}

impl Holder {
    /// The holder after event `e` (`empty`: the interned empty string).
    fn after(self, e: &Event, empty: u32) -> Holder {
        if e.group != empty {
            Holder {
                group: e.group,
                assignee: e.assignee,
            }
        } else if e.assignee != empty {
            Holder {
                assignee: e.assignee,
                ..self
            }
        } else {
            self
        }
    }
}

/// Ticket `i`'s timeline (`spans`, walked from `opened` to `cutoff`)
/// split at each event, inside an interval, that changes the status
/// label, the group or the assignee.
pub fn pieces(
    cal: &Calendar,
    ds: &Dataset,
    i: usize,
    opened: i64,
    cutoff: i64,
    spans: &[Span],
) -> Vec<Piece> {
    let evs = ds.events_of(i);
    // Id 0 is the empty string.
    let empty = 0;
    let t = &ds.tickets[i];
    let mut h = Holder {
        group: t.attr(Attr::Group),
        assignee: t.attr(Attr::Assignee),
    };
    let pos = |x: i64| cal.business_position(Instant::from_unix(x));
    let mut next = 0usize;
    let mut out = Vec::with_capacity(spans.len());
    for s in spans {
        let own = s.event.map_or(0, |e| e + 1);
        while next < own {
            h = h.after(&evs[next], empty);
            next += 1;
        }
        let mut label = s.event.map(|e| evs[e].status);
        let mut row = Piece {
            state: s.state,
            start: s.start,
            end: s.end,
            business_s: 0,
            event: s.event,
            group: h.group,
            assignee: h.assignee,
        };
        let mut used = 0i64;
        while let Some(e) = evs.get(next).filter(|e| e.at <= cutoff) {
            let at = e.at.max(opened);
            if at >= s.end {
                break;
            }
            let was = h;
            h = h.after(e, empty);
            if at == row.start {
                (row.group, row.assignee) = (h.group, h.assignee);
            } else if h != was || label != Some(e.status) {
                row.end = at;
                row.business_s = pos(at) - pos(row.start);
                used += row.business_s;
                out.push(row);
                label = Some(e.status);
                row = Piece {
                    start: at,
                    end: s.end,
                    event: Some(next),
                    group: h.group,
                    assignee: h.assignee,
                    ..row
                };
            }
            next += 1;
        }
        row.business_s = s.business_s - used;
        out.push(row);
    }
    out
}

/// The business time one group held a ticket, on each clock.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct GroupTime {
    /// Interned group (empty: none known).
    pub group: u32,
    /// Business seconds counted on the response clock while it held the
    /// ticket (from the clock's start to the response, or the cutoff).
    pub response_s: i64,
    /// Business seconds counted on the resolution clock (new and open
    /// intervals) while it held the ticket.
    pub resolution_s: i64,
}

/// Per group, in the order each first held the ticket: the counted time
/// of `pieces` on each clock, the response clock running until
/// `responded` (or the end of the last piece).
pub fn by_group(
    cal: &Calendar,
    pieces: &[Piece],
    responded: Option<i64>,
) -> Vec<GroupTime> {
    let pos = |x: i64| cal.business_position(Instant::from_unix(x));
    let mut out: Vec<GroupTime> = Vec::new();
    for p in pieces {
        let k = match out.iter().position(|g| g.group == p.group) {
            Some(k) => k,
            None => {
                out.push(GroupTime {
                    group: p.group,
                    response_s: 0,
                    resolution_s: 0,
                });
                out.len() - 1
            }
        };
        if matches!(p.state, State::New | State::Open) {
            out[k].resolution_s += p.business_s;
        }
        let until = responded.unwrap_or(p.end);
        if p.start < until {
            out[k].response_s += if p.end <= until {
                p.business_s
            } else {
                pos(until) - pos(p.start)
            };
        }
    }
    out.retain(|g| g.response_s != 0 || g.resolution_s != 0);
    out
}

impl Engine<'_> {
    /// Ticket `i`'s timeline split by holder ([`pieces`]), with its row.
    pub fn pieces_of(&self, i: usize) -> (Vec<Piece>, SlaRow) {
        let mut spans: Vec<Span> = Vec::new();
        let row = self.evaluate_ticket_traced(i, |s| spans.push(s));
        let cal = self.for_version(row.version).policy.calendar();
        let opened = self.clock_start_of(i);
        let p = pieces(cal, self.ds, i, opened, self.cutoff, &spans);
        (p, row)
    }

    /// Ticket `i`'s counted business time per group that held it
    /// ([`by_group`]); the response clock runs until the row's response.
    pub fn group_times(&self, i: usize) -> Vec<GroupTime> {
        let (p, row) = self.pieces_of(i);
        let cal = self.for_version(row.version).policy.calendar();
        by_group(cal, &p, row.responded_at.get())
    }
}
