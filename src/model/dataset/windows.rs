//! Reading the events a window of tickets at a time, for a run that
//! evaluates and writes each ticket as soon as its events are read
//! (`plazo sla` to a CSV file): memory then holds the tickets, the
//! surveys and one window's events, not every event (docs/SCALING.md,
//! "Memory").
//!
//! This needs the events table to list each ticket's events together, in
//! the tickets table's order (what `plazo ingest` and most exports
//! write); within a window they may come in any order. An event of a
//! ticket whose window was already handed on means the table is not in
//! that order: the read stops there ([`Windowed::OutOfOrder`]) and the
//! caller reads the tables whole instead.
//!
//! Each window is a [`Dataset`] of its tickets (numbered from 0), their
//! extra cells, events, surveys and surveys sent, and the dataset's
//! strings, built by the code of a whole read: events grouped, sorted
//! and merged by [`Dataset::group_events_in`], rows converted on all cores
//! and merged in file order. What the run adds up (rejects, counts,
//! interned labels) comes out with a whole read's values and in its
//! order; tests/it/windows.rs compares every output with a whole read's.
//!
//! The tickets and surveys are read first (the surveys before the
//! events, unlike a whole read, so their labels take other ids; no
//! output shows an id); the surveys' rejects are listed after the
//! events', as a whole read lists them.

use super::{
    Dataset, Event, EventColumns, Input, Inputs, Owners, Reject, Table,
};
use crate::error::Result;
use crate::model::shard::Shard;
use crate::text::lang::Lang;
use crate::time::InstantReader;

/// The tickets and surveys of a run, read, with the events to come.
pub struct Windows {
    ds: Dataset,
    clock: InstantReader,
    lang: Lang,
    events: std::path::PathBuf,
    /// The surveys' rejects, listed after the events'.
    survey_rejects: Vec<Reject>,
}

/// How a windowed read ended.
pub enum Windowed {
    /// Every window was handed on: the dataset without its events
    /// (tickets, surveys, strings, rejects and counts as a whole read
    /// has them).
    Done(Box<Dataset>),
    /// The events table is not in the tickets' order: the events row at
    /// `line` belongs to a ticket whose window was already handed on.
    OutOfOrder {
        /// The events file's line of that row.
        line: u64,
    },
}

impl Windows {
    /// Reads the tickets and surveys of `inputs` (only `shard`'s, with
    /// one).
    ///
    /// # Errors
    ///
    /// As [`Dataset::load`].
    pub fn open(
        inputs: &Inputs,
        tz: chrono_tz::Tz,
        lang: Lang,
        shard: Option<Shard>,
    ) -> Result<Windows> {
        let mut ds = Dataset {
            shard,
            ..Dataset::default()
        };
        let mut clock = InstantReader::new(tz);
        ds.load_tickets(Input::from(&inputs.tickets), &mut clock, lang)?;
        let tickets_rejects = ds.rejects.len();
        if let Some(s) = &inputs.surveys {
            let q = &inputs.survey_questions;
            ds.load_surveys(Input::from(s), q, &mut clock, lang)?;
        }
        let survey_rejects = ds.rejects.split_off(tickets_rejects);
        Ok(Windows {
            ds,
            clock,
            lang,
            events: inputs.events.clone(),
            survey_rejects,
        })
    }

    /// The tickets and surveys read (no events yet).
    pub fn dataset(&self) -> &Dataset {
        &self.ds
    }

    /// Reads the events and hands each window of `size` tickets (the
    /// last one may be shorter) to `each` with the index of its first
    /// ticket, in ticket order, once its events are read. Every ticket
    /// is in one window, with or without events. The strings `each`
    /// interns in the window (labels for its people) are its own: they
    /// are forgotten after it.
    ///
    /// # Errors
    ///
    /// As [`Dataset::load`]; the first error of `each`, which stops the
    /// read.
    pub fn run(
        self,
        size: usize,
        mut each: impl FnMut(&mut Dataset, usize) -> Result<()> + Send,
    ) -> Result<Windowed> {
        let Windows {
            mut ds,
            clock,
            lang,
            events,
            survey_rejects,
        } = self;
        let mut t =
            Table::open(Input::from(&events), &["ticket_id", "at", "status"])?;
        let cols = EventColumns::of(&t, ds.shard);
        let (place, tz) = (t.place.clone(), clock.tz());
        let size = size.max(1);
        let mut st = State::of(&mut ds);
        let base = &ds;
        let n = base.tickets.len();
        let mut open = Open::new(0, size, n);
        let mut kept = Vec::new();
        let mut stop: Option<Stop> = None;
        let halt = std::sync::atomic::AtomicBool::new(false);
        let halt_now =
            || halt.store(true, std::sync::atomic::Ordering::Relaxed);
        crate::model::pipeline::run(
            rayon::current_num_threads(),
            |rec| {
                if halt.load(std::sync::atomic::Ordering::Relaxed) {
                    return Ok(None);
                }
                t.next(rec)
            },
            |batch| {
                let known = (&base.by_id, &base.tickets[..]);
                cols.convert(batch, known, tz, &place, lang)
            },
            |batch, mut conv| {
                if stop.is_some() {
                    return;
                }
                let State {
                    strings,
                    rejects,
                    stats,
                    ..
                } = &mut st;
                conv.merge(batch, strings, rejects, stats, &mut kept);
                for (ticket, ev) in kept.drain(..) {
                    let t = ticket as usize;
                    if t < open.lo {
                        stop = Some(Stop::OutOfOrder(u64::from(ev.line)));
                        halt_now();
                        return;
                    }
                    while t >= open.hi {
                        let next = open.next(size, n);
                        let full = std::mem::replace(&mut open, next);
                        if let Err(e) = st.hand_on(base, full, &mut each) {
                            stop = Some(Stop::Failed(e));
                            halt_now();
                            return;
                        }
                        open.events = st.events_room();
                    }
                    open.owner.push((t - open.lo) as u32);
                    open.events.push(ev);
                }
            },
        )?;
        match stop {
            Some(Stop::Failed(e)) => return Err(e),
            Some(Stop::OutOfOrder(line)) => {
                return Ok(Windowed::OutOfOrder { line });
            }
            None => {}
        }
        // The open window and those after it, to the last ticket.
        loop {
            let last = open.hi >= n;
            let next = open.next(size, n);
            let full = std::mem::replace(&mut open, next);
            st.hand_on(base, full, &mut each)?;
            if last {
                break;
            }
        }
        st.put_back(&mut ds);
        ds.rejects.extend(survey_rejects);
        Ok(Windowed::Done(Box::new(ds)))
    }
}

/// Why the read stopped early.
enum Stop {
    OutOfOrder(u64),
    Failed(crate::Error),
}

/// The window being read: tickets `lo..hi`, their events so far.
struct Open {
    lo: usize,
    hi: usize,
    owner: Owners,
    events: Vec<Event>,
}

impl Open {
    fn new(lo: usize, size: usize, n: usize) -> Open {
        let hi = (lo + size).min(n);
        Open {
            lo,
            hi,
            owner: Owners::new(hi - lo),
            events: Vec::new(),
        }
    }

    /// The window after this one.
    fn next(&self, size: usize, n: usize) -> Open {
        Open::new(self.hi, size, n)
    }
}

/// What the read adds to the dataset, apart from it while the windows
/// copy from it.
struct State {
    strings: super::Strings,
    rejects: Vec<Reject>,
    stats: super::LoadStats,
    people: Option<crate::model::people::Hidden>,
    /// The surveys sent, ordered by ticket (file order within one).
    sends: Vec<u32>,
    /// Every window's events came in ticket order within it.
    in_order: bool,
    /// The last window's vectors, emptied, for the next one.
    spare: Spare,
}

/// A window's large vectors, kept for the next window.
#[derive(Default)]
struct Spare {
    events: Vec<Event>,
    tickets: Vec<super::Ticket>,
    extras: Vec<u32>,
}

impl State {
    /// Takes the strings, rejects, counts and people out of `ds`.
    fn of(ds: &mut Dataset) -> State {
        let mut sends: Vec<u32> = (0..ds.survey_sends.len() as u32).collect();
        sends.sort_by_key(|&k| ds.survey_sends[k as usize].ticket);
        State {
            strings: std::mem::take(&mut ds.strings),
            rejects: std::mem::take(&mut ds.rejects),
            stats: std::mem::take(&mut ds.stats),
            people: ds.people.take(),
            sends,
            in_order: true,
            spare: Spare::default(),
        }
    }

    /// Builds window `w` of `base`, hands it to `each` and takes its
    /// strings back.
    fn hand_on(
        &mut self,
        base: &Dataset,
        w: Open,
        each: &mut impl FnMut(&mut Dataset, usize) -> Result<()>,
    ) -> Result<()> {
        let mut win = self.window(base, w.lo, w.hi);
        self.in_order &= w.owner.listed.is_none();
        win.group_events_in(w.owner, w.events);
        let s = &mut self.stats;
        s.events += win.stats.events;
        s.duplicate_events += win.stats.duplicate_events;
        s.events_before_opening += win.stats.events_before_opening;
        // What `each` interns (labels) is the window's own.
        let mark = win.strings.len();
        let done = each(&mut win, w.lo);
        win.strings.truncate(mark);
        self.strings = std::mem::take(&mut win.strings);
        self.people = win.people.take();
        // The large vectors go to the next window: allocated afresh, their
        // pages would be faulted in again each window (a tenth of the
        // time at 10M tickets).
        self.spare.events = std::mem::take(&mut win.events);
        self.spare.tickets = std::mem::take(&mut win.tickets);
        self.spare.extras = std::mem::take(&mut win.extras);
        done
    }

    /// Room for the next window's events, from the last one's.
    fn events_room(&mut self) -> Vec<Event> {
        let mut v = std::mem::take(&mut self.spare.events);
        v.clear();
        v
    }

    /// Tickets `lo..hi` of `b` as a dataset of their own, numbered from
    /// 0, with their surveys and the strings (moved in).
    fn window(&mut self, b: &Dataset, lo: usize, hi: usize) -> Dataset {
        let k = b.extra_columns.len();
        let shift = lo as u32;
        let (surveys, survey_offsets) = match b.survey_offsets.get(lo..=hi) {
            Some(o) => {
                let (s_lo, s_hi) = (o[0] as usize, o[o.len() - 1] as usize);
                let surveys = b.surveys[s_lo..s_hi]
                    .iter()
                    .map(|s| super::Survey {
                        ticket: s.ticket - shift,
                        ..s.clone()
                    })
                    .collect();
                (surveys, o.iter().map(|x| x - o[0]).collect())
            }
            None => (Vec::new(), Vec::new()),
        };
        let ticket_of = |k: &u32| b.survey_sends[*k as usize].ticket;
        let from = self.sends.partition_point(|k| ticket_of(k) < shift);
        let to = self.sends.partition_point(|k| ticket_of(k) < hi as u32);
        let survey_sends = self.sends[from..to]
            .iter()
            .map(|&k| {
                let mut s = b.survey_sends[k as usize];
                s.ticket -= shift;
                s
            })
            .collect();
        let mut tickets = std::mem::take(&mut self.spare.tickets);
        tickets.clear();
        tickets.extend_from_slice(&b.tickets[lo..hi]);
        let mut extras = std::mem::take(&mut self.spare.extras);
        extras.clear();
        extras.extend_from_slice(&b.extras[lo * k..hi * k]);
        Dataset {
            tickets,
            extra_columns: b.extra_columns.clone(),
            extras,
            surveys,
            survey_offsets,
            survey_sends,
            surveys_sent_column: b.surveys_sent_column,
            strings: std::mem::take(&mut self.strings),
            tickets_file: b.tickets_file.clone(),
            people: self.people.take(),
            shard: b.shard,
            ..Dataset::default()
        }
    }

    /// Puts the strings, rejects, counts and people back in `ds`, which
    /// has no events (each ticket's slice is empty).
    fn put_back(self, ds: &mut Dataset) {
        ds.strings = self.strings;
        ds.rejects = self.rejects;
        ds.stats = self.stats;
        ds.stats.events_in_ticket_order = self.in_order;
        ds.people = self.people;
        ds.offsets = vec![0; ds.tickets.len() + 1];
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// One ticket's events as the whole read and the windows see them:
    /// instant, status, assignee and line, by text.
    type Seen = Vec<Vec<(i64, String, String, u32)>>;

    fn events_of(ds: &Dataset, i: usize) -> Vec<(i64, String, String, u32)> {
        ds.events_of(i)
            .iter()
            .map(|e| {
                let (at, status, who, line) =
                    (e.at, e.status, e.assignee, e.line);
                (
                    at,
                    ds.strings.get(status).into(),
                    ds.strings.get(who).into(),
                    line,
                )
            })
            .collect()
    }

    fn rejects(ds: &Dataset) -> Vec<(String, u64, String, String)> {
        ds.rejects
            .iter()
            .map(|r| {
                (r.file.clone(), r.line, r.column.clone(), r.value.clone())
            })
            .collect()
    }

    /// The events table: each ticket's rows together, tickets in order,
    /// a ticket's own rows in the order given; unknown tickets, unreadable
    /// instants and empty statuses among them.
    fn events_csv(rows: &[Vec<(u8, u8, u8, u8)>]) -> String {
        let mut out = String::from("ticket_id,at,status,assignee\n");
        for (t, evs) in rows.iter().enumerate() {
            for &(at, status, who, odd) in evs {
                let id = if odd == 1 {
                    "NO-EXISTE".into()
                } else {
                    format!("T{t}")
                };
                let at = if odd == 2 {
                    "ayer".to_string()
                } else {
                    format!("2026-03-02 08:{:02}", at % 60)
                };
                let status = ["Nuevo", "En curso", "Resuelto", ""]
                    [usize::from(status % 4)];
                let who = ["", "Ana", "Luis"][usize::from(who % 3)];
                out.push_str(&format!("{id},{at},{status},{who}\n"));
            }
        }
        out
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(64))]

        /// Whatever the window's size, every ticket is handed on once, in
        /// order, with the events (grouped, sorted, duplicates merged),
        /// rejects and counts of the whole read.
        #[test]
        fn windows_hold_what_the_whole_read_holds(
            rows in prop::collection::vec(
                prop::collection::vec((0u8..20, 0u8..4, 0u8..3, 0u8..12), 0..6),
                0..30,
            ),
            size in 1usize..9,
        ) {
            let dir = std::env::temp_dir().join(format!(
                "plazo-windows-{}-{size}-{}",
                std::process::id(),
                rows.len()
            ));
            std::fs::create_dir_all(&dir).unwrap();
            let mut tickets = String::from("ticket_id,opened_at\n");
            for t in 0..rows.len() {
                tickets.push_str(&format!("T{t},2026-03-02 08:10\n"));
            }
            std::fs::write(dir.join("t.csv"), tickets).unwrap();
            std::fs::write(dir.join("e.csv"), events_csv(&rows)).unwrap();
            let inputs = Inputs::new(dir.join("t.csv"), dir.join("e.csv"));
            let tz = chrono_tz::America::Bogota;
            let whole = Dataset::load(&inputs, tz).unwrap();
            let want: Seen = (0..whole.tickets.len()).map(|i| events_of(&whole, i)).collect();
            let mut got: Seen = Vec::new();
            let mut firsts = Vec::new();
            let windows = Windows::open(&inputs, tz, Lang::Es, None).unwrap();
            let done = windows
                .run(size, |win, lo| {
                    firsts.push((lo, win.tickets.len()));
                    got.extend((0..win.tickets.len()).map(|i| events_of(win, i)));
                    Ok(())
                })
                .unwrap();
            let Windowed::Done(ds) = done else {
                panic!("in order, yet out of order");
            };
            prop_assert_eq!(&got, &want);
            let n = whole.tickets.len();
            let expect: Vec<(usize, usize)> = (0..n.max(1))
                .step_by(size)
                .map(|lo| (lo, size.min(n - lo)))
                .collect();
            prop_assert_eq!(firsts, expect);
            prop_assert_eq!(rejects(&ds), rejects(&whole));
            prop_assert_eq!(&ds.stats, &whole.stats);
            std::fs::remove_dir_all(&dir).unwrap();
        }
    }

    /// An event of a ticket whose window was handed on stops the read:
    /// its line is given.
    #[test]
    fn an_earlier_tickets_event_after_its_window_is_out_of_order() {
        let dir = std::env::temp_dir()
            .join(format!("plazo-windows-ooo-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(dir.join("t.csv"), "ticket_id,opened_at\nA,2026-03-02 08:00\nB,2026-03-02 08:00\nC,2026-03-02 08:00\n").unwrap();
        std::fs::write(
            dir.join("e.csv"),
            "ticket_id,at,status\nA,2026-03-02 08:01,Nuevo\nB,2026-03-02 08:01,Nuevo\nA,2026-03-02 08:02,En curso\nC,2026-03-02 08:01,Nuevo\n",
        )
        .unwrap();
        let inputs = Inputs::new(dir.join("t.csv"), dir.join("e.csv"));
        let tz = chrono_tz::America::Bogota;
        let run = |size| {
            let mut handed = 0;
            let w = Windows::open(&inputs, tz, Lang::Es, None).unwrap();
            let r = w.run(size, |_, _| {
                handed += 1;
                Ok(())
            });
            (r.unwrap(), handed)
        };
        // Windows of one ticket: A's is handed on when B's event comes.
        let (r, handed) = run(1);
        assert!(matches!(r, Windowed::OutOfOrder { line: 4 }), "line 4");
        assert_eq!(handed, 1);
        // A and B share a window: out of order within it is fine.
        let (r, handed) = run(2);
        assert!(matches!(r, Windowed::Done(_)));
        assert_eq!(handed, 2);
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
