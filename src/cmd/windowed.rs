//! What `plazo sla` and `plazo report` share when they read the events
//! a window of tickets at a time ([`plazo::model::dataset::Windows`]):
//! the policy's ticket cells and `[report] people`'s labels, given to
//! each window.

use plazo::Policy;
use plazo::engine::TicketCells;
use plazo::model::dataset::{Dataset, Inputs, Reject, Windows};
use plazo::model::people::Labels;
use plazo::model::shard::Shard;
use plazo::text::lang::Lang;

/// Tickets per window: [`WINDOW`], or `PLAZO_TEST_WINDOW` (a test hook);
/// `None` (read whole) when that is 0 or not a number.
pub(super) fn size() -> Option<usize> {
    match std::env::var("PLAZO_TEST_WINDOW").ok() {
        Some(v) => v.parse().ok().filter(|&n| n > 0),
        None => Some(WINDOW),
    }
}

/// Tickets per window: the events of 262,144 tickets (about 2.4M at
/// nine a ticket, 85 MB) are held at a time.
const WINDOW: usize = 1 << 18;

/// What every window of a read uses besides its own tables.
pub(super) struct Shared {
    /// The policy's ticket cells, read once from every ticket.
    pub cells: TicketCells,
    /// Their rejects, set apart: a whole read lists them after the
    /// tables' rejects.
    pub cell_rejects: Vec<Reject>,
    pub people: WindowPeople,
}

/// Reads the tickets and surveys of `files` (only `shard`'s, with one)
/// for a read by windows, with their cells and labels.
///
/// # Errors
///
/// As a whole read of those tables.
pub(super) fn open(
    policy: &Policy,
    files: &Inputs,
    lang: Lang,
    shard: Option<Shard>,
) -> plazo::Result<(Windows, Shared)> {
    let windows = Windows::open(files, policy.tz(), lang, shard)?;
    let mut cells = TicketCells::read(policy, windows.dataset(), lang)?;
    let cell_rejects = std::mem::take(&mut cells.rejects);
    let people = WindowPeople::new(policy, windows.dataset(), lang)?;
    let shared = Shared {
        cells,
        cell_rejects,
        people,
    };
    Ok((windows, shared))
}

impl Shared {
    /// Gives window `win` (its first ticket is `lo`) its tickets' labels
    /// and returns their cells.
    pub(super) fn window(
        &mut self,
        win: &mut Dataset,
        lo: usize,
    ) -> TicketCells {
        self.people.window(win);
        self.cells.window(lo..lo + win.tickets.len())
    }
}

/// `[report] people` in a read by windows. A label depends on every
/// person of the tables (numbered pseudonyms are as wide as the last
/// number, repeated initials are numbered in alphabetical order, a label
/// avoids every string): each window's tickets take the labels their
/// people have among the tickets' and surveys' alone, the only people
/// `plazo sla`'s table shows; the events' people are gathered as they
/// come, and at the end the labels over every ticket and event must be
/// the same for the tickets' people, or the run reads the tables whole.
pub(super) struct WindowPeople {
    mode: plazo::policy::People,
    key: Option<Vec<u8>>,
    lang: Lang,
    /// The labels of the tickets' people; `None` with the names kept.
    first: Option<plazo::model::people::Labels>,
    /// Name ids already among the people.
    met: Vec<bool>,
    /// The events' people not among the tickets', in order of first
    /// appearance.
    more: Vec<u32>,
}

impl WindowPeople {
    pub(super) fn new(
        policy: &Policy,
        ds: &Dataset,
        lang: Lang,
    ) -> plazo::Result<Self> {
        let mode = policy.report().people;
        let key = super::common::people_key(policy);
        let first =
            plazo::model::people::labels(ds, mode, key.as_deref(), lang, &[])?;
        let mut met = Vec::new();
        for &id in first.iter().flat_map(|l| &l.ids) {
            Self::mark(&mut met, id);
        }
        Ok(WindowPeople {
            mode,
            key,
            lang,
            first,
            met,
            more: Vec::new(),
        })
    }

    /// Marks `id` met; true when it was not.
    fn mark(met: &mut Vec<bool>, id: u32) -> bool {
        let i = id as usize;
        if met.len() <= i {
            met.resize(i + 1, false);
        }
        !std::mem::replace(&mut met[i], true)
    }

    /// Gives the window's tickets their labels and gathers its events'
    /// people (the window's events in a whole read's order).
    pub(super) fn window(&mut self, win: &mut Dataset) {
        let Some(first) = &self.first else { return };
        for e in &win.events {
            for id in [e.assignee, e.actor] {
                if id != 0 && Self::mark(&mut self.met, id) {
                    self.more.push(id);
                }
            }
        }
        first.apply(win, false);
    }

    /// The labels over every ticket and event (`ds`: every table read,
    /// without events), as a whole read gives them: `None` with the
    /// names kept, or when the tickets' people would not keep the labels
    /// their windows gave them (`Err(())`: the run must read the tables
    /// whole).
    pub(super) fn all(
        &self,
        ds: &Dataset,
    ) -> plazo::Result<Result<Option<Labels>, ()>> {
        let Some(first) = &self.first else {
            return Ok(Ok(None));
        };
        let (mode, key) = (self.mode, self.key.as_deref());
        let all = plazo::model::people::labels(
            ds, mode, key, self.lang, &self.more,
        )?;
        Ok(match all {
            Some(a) if a.labels[..first.labels.len()] == first.labels => {
                Ok(Some(a))
            }
            _ => Err(()),
        })
    }

    /// Whether the tickets' people keep their labels with the events'
    /// people counted (`ds`: every table read, without events).
    pub(super) fn unchanged(&self, ds: &Dataset) -> plazo::Result<bool> {
        Ok(self.all(ds)?.is_ok())
    }
}
