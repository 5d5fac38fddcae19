//! The paused intervals of the timelines (docs/CONTRACT.md §3.4): the
//! list behind the "Suspensiones" sheet and the `pauses` /
//! `pauses_without_note` indicators.
//!
//! A pause is one interval of a ticket's timeline ([`crate::timeline`])
//! in the canonical state `paused`: it begins at the event that entered
//! `paused` from another state and ends at the next event that leaves
//! it (or at the cutoff, still running). A move between two paused
//! labels ("Suspendido" to "En espera del usuario") does not end it: its
//! label and reason are those of the event that began it.

use crate::model::dataset::{Dataset, FastMap};
use crate::policy::{Policy, State};
use crate::timeline;

/// One paused interval of one ticket.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Pause {
    /// Index of the ticket in the dataset.
    pub ticket: u32,
    /// Index in `ds.events` of the event that began the pause (its
    /// status label and its note, the reason).
    pub event: u32,
    /// Start, Unix seconds.
    pub start: i64,
    /// End, Unix seconds: the event that left `paused`, or the cutoff.
    pub end: i64,
    /// Still paused at the cutoff (`end` is the cutoff).
    pub ongoing: bool,
    /// Business seconds between `start` and `end`.
    pub business_s: i64,
    /// The beginning event's note is empty (after trimming).
    pub unnoted: bool,
}

impl Pause {
    /// Wall-clock seconds between `start` and `end`.
    pub fn wall_s(&self) -> i64 {
        self.end - self.start
    }

    /// Whether the pause overlaps `[from, to)` (Unix seconds): it began
    /// before `to` and ended after `from` (or is still running).
    pub fn overlaps(&self, from: i64, to: i64) -> bool {
        self.start < to && (self.end > from || self.ongoing)
    }
}

/// The paused intervals of ticket `i` up to `cutoff` (Unix seconds), in
/// time order, from the same walk as its SLA row (events before the
/// opening count at the opening). A ticket opened after the cutoff has
/// none.
///
/// ```
/// use plazo::Policy;
/// use plazo::model::dataset::{Dataset, Inputs};
/// let dir = std::env::temp_dir().join("plazo-doc-pauses");
/// std::fs::create_dir_all(&dir)?;
/// std::fs::write(dir.join("t.csv"), "ticket_id,opened_at\n1,2026-03-02 08:00\n")?;
/// std::fs::write(dir.join("e.csv"), "ticket_id,at,status,note\n\
///     1,2026-03-02 09:00,Suspendido,\n1,2026-03-02 10:00,En proceso,\n\
///     1,2026-03-02 11:00,Suspendido,Esperando al proveedor\n")?;
/// let policy = Policy::from_toml(r#"
///     name = "x"
///     [calendar]
///     always = true
///     [states]
///     open = ["En proceso"]
///     paused = ["Suspendido"]
/// "#, "p.toml".as_ref())?;
/// let ds = Dataset::load(&Inputs::new(dir.join("t.csv"), dir.join("e.csv")), policy.tz())?;
/// let cutoff = plazo::time::Instant::parse("2026-03-02 12:00", policy.tz())?.unix();
/// let p = plazo::engine::pauses(&policy, &ds, 0, cutoff);
/// assert_eq!(p.len(), 2);
/// assert_eq!((p[0].business_s, p[0].unnoted, p[0].ongoing), (3600, true, false));
/// assert_eq!((p[1].business_s, p[1].unnoted, p[1].ongoing), (3600, false, true));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn pauses(
    policy: &Policy,
    ds: &Dataset,
    i: usize,
    cutoff: i64,
) -> Vec<Pause> {
    let state = |status: u32| {
        policy
            .state_of(ds.strings.get(status))
            .unwrap_or(State::Open)
    };
    pauses_by(policy, ds, i, cutoff, &state)
}

/// The state of each status label (an interned id) among the events of
/// the tickets at `range`, looked up once: `Policy::state_of` folds and
/// hashes the label's text, too slow for every event of every ticket.
/// A label the policy does not map is `Open`, as in [`pauses`].
pub(crate) fn status_states(
    policy: &Policy,
    ds: &Dataset,
    range: std::ops::Range<usize>,
) -> FastMap<u32, State> {
    let mut states = FastMap::default();
    // No offsets: a dataset without events (nothing to look up).
    let (Some(&lo), Some(&hi)) =
        (ds.offsets.get(range.start), ds.offsets.get(range.end))
    else {
        return states;
    };
    for e in &ds.events[lo as usize..hi.max(lo) as usize] {
        states.entry(e.status).or_insert_with(|| {
            policy
                .state_of(ds.strings.get(e.status))
                .unwrap_or(State::Open)
        });
    }
    states
}

/// [`pauses`] with each status label's state (an interned id) given by
/// `state`: the policy's (`Open` for a label it does not map), from a
/// table built once by the caller.
pub(crate) fn pauses_by(
    policy: &Policy,
    ds: &Dataset,
    i: usize,
    cutoff: i64,
    state: &impl Fn(u32) -> State,
) -> Vec<Pause> {
    let opened = ds.tickets[i].opened_at;
    let mut out = Vec::new();
    if opened > cutoff {
        return out;
    }
    let events = ds.events_of(i);
    let first = ds.offsets[i] as usize;
    let states = events.iter().map(|e| (e.at, state(e.status)));
    timeline::walk(policy.calendar(), opened, states, cutoff, |s| {
        if s.state != State::Paused {
            return;
        }
        let Some(k) = s.event else { return };
        out.push(Pause {
            ticket: i as u32,
            event: (first + k) as u32,
            start: s.start,
            end: s.end,
            ongoing: false,
            business_s: s.business_s,
            unnoted: ds.strings.get(events[k].note).trim().is_empty(),
        });
    });
    // Only the walk's last interval can end at the cutoff while paused.
    if let Some(last) = out.last_mut()
        && last.end == cutoff
        && still_paused(ds, i, cutoff, state)
    {
        last.ongoing = true;
    }
    out
}

/// Whether ticket `i`'s last event by `cutoff` is a paused one.
fn still_paused(
    ds: &Dataset,
    i: usize,
    cutoff: i64,
    state: &impl Fn(u32) -> State,
) -> bool {
    ds.events_of(i)
        .iter()
        .rev()
        .find(|e| e.at <= cutoff)
        .is_some_and(|e| state(e.status) == State::Paused)
}

/// [`pauses`] of every ticket, by ticket then time.
pub fn all_pauses(policy: &Policy, ds: &Dataset, cutoff: i64) -> Vec<Pause> {
    let n = ds.tickets.len();
    let states = status_states(policy, ds, 0..n);
    let state = |status: u32| states[&status];
    (0..n)
        .flat_map(|i| pauses_by(policy, ds, i, cutoff, &state))
        .collect()
}
