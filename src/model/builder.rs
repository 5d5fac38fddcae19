//! The model builder: every source's rows in, canonical tables out.
//!
//! Source adapters ([`crate::source`]) call the [`Builder`] row by row;
//! it assigns ids, merges duplicates, keeps rejects and counts, and
//! [`Builder::finish`] yields the canonical tables (`tickets`, `events`,
//! `surveys`, docs/CONTRACT.md §1) plus `rejects` as an [`Ingested`], which [`super::write`]
//! writes out.
//!
//! # Rules (also in docs/INGEST.md)
//!
//! - Every row read is accepted, rejected (to `rejects.csv`, with file,
//!   line, column, value and reason) or merged as a duplicate; per input
//!   file `read = accepted + rejected + merged`, checked at the end.
//! - An event whose ticket is not in the ticket table is rejected.
//! - An event identical (same ticket, instant and status) to the one just
//!   before it in the ticket's timeline is merged into it and counted.
//! - An event before its ticket's opening is kept (the SLA engine clamps it
//!   to the opening) and counted.
//!
//! # Example
//!
//! ```
//! use plazo::model::builder::{Builder, Origin};
//! use plazo::time::Instant;
//! let tz: chrono_tz::Tz = "America/Bogota".parse().unwrap();
//! let mut b = Builder::new(tz, plazo::text::lang::Lang::Es);
//! let f = b.begin_file("log.csv", "events", "utf-8");
//! let t0 = Instant::parse("2026-03-05 08:00", tz).unwrap();
//! b.read(f);
//! b.upsert_ticket("7", Some(t0), plazo::model::builder::NO_VALUES, false, Origin::row(f, 2));
//! b.event("7", t0.plus(60), "Abierto", Default::default(), Origin::row(f, 2));
//! b.accept(f);
//! let out = b.finish().unwrap();
//! assert_eq!(out.tickets.len(), 1);
//! assert_eq!(out.files[0].accepted, 1);
//! ```

use std::collections::{HashMap, HashSet};
use std::fmt::Display;
use std::sync::Arc;

use chrono_tz::Tz;
use rayon::slice::ParallelSliceMut;

use crate::error::{Error, Result};
use crate::text::Msg;
use crate::text::lang::Lang;
use crate::text::msg::model as msg;
use crate::time::Instant;

/// Canonical ticket columns, in order (docs/CONTRACT.md §1.2).
pub const TICKET_COLUMNS: [&str; 11] = [
    "ticket_id",
    "opened_at",
    "type",
    "priority",
    "category",
    "service",
    "group",
    "assignee",
    "requester",
    "channel",
    "affected_users",
];

/// Canonical event columns, in order.
pub const EVENT_COLUMNS: [&str; 8] = [
    "ticket_id",
    "at",
    "status",
    "group",
    "assignee",
    "priority",
    "actor",
    "note",
];

/// Canonical survey columns, in order.
pub const SURVEY_COLUMNS: [&str; 5] =
    ["ticket_id", "answered_at", "score", "max_score", "comment"];

/// No ticket values (for [`Builder::upsert_ticket`]).
pub const NO_VALUES: &[(&str, &str)] = &[];

/// The columns of `rejects.csv`.
pub const REJECT_COLUMNS: [&str; 5] =
    ["file", "line", "column", "value", "reason"];

/// Where a canonical row came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Origin {
    /// Index into [`Ingested::files`]; `u32::MAX` when synthesized.
    pub file: u32,
    /// Line of the source row.
    pub line: u64,
}

impl Origin {
    /// A row of file `file` at `line`.
    pub fn row(file: u32, line: u64) -> Origin {
        Origin { file, line }
    }

    /// An event derived from other data (GLPI export dates, the initial
    /// status of GLPI's log), counted apart from rows read.
    pub fn synthesized(line: u64) -> Origin {
        Origin {
            file: u32::MAX,
            line,
        }
    }

    /// True for a derived event.
    pub fn is_synthesized(self) -> bool {
        self.file == u32::MAX
    }
}

/// One ticket.
#[derive(Clone, Debug)]
pub struct Ticket {
    /// `ticket_id`.
    pub id: String,
    /// `opened_at` (`None` until known: then the first event's instant).
    pub opened_at: Option<Instant>,
    /// Values of [`Ingested::ticket_columns`] from the third on (shorter
    /// when later columns are empty), shared between tickets (most are a
    /// few priorities, categories and groups).
    pub values: Vec<Arc<str>>,
    /// The row that defined it.
    pub origin: Origin,
}

/// Optional event columns: group, assignee, priority, actor, note.
pub type EventExtra = [String; 5];

/// The optional event columns as stored: one shared set of labels per
/// distinct combination (a log repeats a few groups, people and
/// priorities millions of times): 8 bytes per event.
pub type EventLabels = Arc<[Arc<str>; 5]>;

/// A hash map with foldhash's fast hasher (ids and labels, millions of
/// look-ups; nothing here is keyed by untrusted input an attacker could
/// aim at a fixed hasher with, beyond slowing down their own ingest).
type FastMap<K, V> = HashMap<K, V, foldhash::fast::FixedState>;

/// One status event.
#[derive(Clone, Debug)]
pub struct Event {
    /// `ticket_id` (shared with the ticket index).
    pub ticket_id: Arc<str>,
    /// `at`.
    pub at: Instant,
    /// The source tool's status label or code.
    pub status: Arc<str>,
    /// `group, assignee, priority, actor, note`.
    pub extra: EventLabels,
    /// The row it came from.
    pub origin: Origin,
}

/// One survey answer.
#[derive(Clone, Debug)]
pub struct Survey {
    /// `ticket_id`.
    pub ticket_id: String,
    /// `answered_at`.
    pub answered_at: Instant,
    /// `score`, as a decimal number with a point.
    pub score: String,
    /// `max_score` (the scale declared by the mapping).
    pub max_score: String,
    /// `comment`.
    pub comment: String,
    /// The row it came from.
    pub origin: Origin,
}

/// A row (or value) that could not be used.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Reject {
    /// The input file.
    pub file: String,
    /// Its line.
    pub line: u64,
    /// The column at fault (empty for a whole row).
    pub column: String,
    /// The offending value.
    pub value: String,
    /// Why, in the user's language (the builder's, or the loader's).
    pub reason: String,
}

/// Counts for one input file.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct FileStats {
    /// The file as given.
    pub name: String,
    /// What it held: tickets, events, surveys or log.
    pub kind: String,
    /// The encoding used.
    pub encoding: String,
    /// Data rows read.
    pub read: u64,
    /// Rows that made it into a canonical table.
    pub accepted: u64,
    /// Rows written to rejects.csv.
    pub rejected: u64,
    /// Rows merged into an identical one.
    pub merged: u64,
}

/// The result of an ingest.
#[derive(Clone, Debug)]
pub struct Ingested {
    /// The zone instants are written in.
    pub tz: Tz,
    /// Ticket columns: the canonical eleven, then attributes.
    pub ticket_columns: Vec<String>,
    /// Tickets in first-seen order.
    pub tickets: Vec<Ticket>,
    /// Events by their ticket's place in `tickets`, instant and file order.
    pub events: Vec<Event>,
    /// Survey answers in file order.
    pub surveys: Vec<Survey>,
    /// Rejected rows and values.
    pub rejects: Vec<Reject>,
    /// Per input file counts.
    pub files: Vec<FileStats>,
    /// Events dated before their ticket's opening (kept).
    pub before_opening: u64,
    /// Events derived from other data (not rows read).
    pub synthesized: u64,
    /// Remarks for the summary (Spanish, English).
    pub notes: Vec<(String, String)>,
    /// The language the rejects' reasons are written in.
    pub lang: Lang,
}

/// Collects canonical rows and counts while adapters read files.
pub struct Builder {
    tz: Tz,
    lang: Lang,
    ticket_columns: Vec<String>,
    column_index: FastMap<String, usize>,
    tickets: Vec<Ticket>,
    ticket_index: FastMap<Arc<str>, usize>,
    /// The tickets' ids as the index holds them, by ticket.
    ids: Vec<Arc<str>>,
    /// Event labels (status, group, ...) and ticket values, each stored
    /// once.
    labels: Labels,
    events: Vec<Event>,
    surveys: Vec<Survey>,
    rejects: Vec<Reject>,
    files: Vec<FileStats>,
    synthesized: u64,
    notes: Vec<(String, String)>,
}

impl Builder {
    /// An empty builder writing instants in `tz` and the rejects'
    /// reasons in `lang`.
    pub fn new(tz: Tz, lang: Lang) -> Builder {
        let ticket_columns: Vec<String> =
            TICKET_COLUMNS.iter().map(|s| s.to_string()).collect();
        let column_index: FastMap<String, usize> = ticket_columns
            .iter()
            .enumerate()
            .map(|(i, c)| (c.clone(), i))
            .collect();
        Builder {
            tz,
            lang,
            ticket_columns,
            column_index,
            tickets: Vec::new(),
            ticket_index: FastMap::default(),
            ids: Vec::new(),
            labels: Labels::default(),
            events: Vec::new(),
            surveys: Vec::new(),
            rejects: Vec::new(),
            files: Vec::new(),
            synthesized: 0,
            notes: Vec::new(),
        }
    }

    /// The zone naive times are read in.
    pub fn tz(&self) -> Tz {
        self.tz
    }

    /// The language the rejects' reasons are written in.
    pub fn lang(&self) -> Lang {
        self.lang
    }

    /// Starts counting a new input file; returns its index.
    pub fn begin_file(&mut self, name: &str, kind: &str, enc: &str) -> u32 {
        self.files.push(FileStats {
            name: name.into(),
            kind: kind.into(),
            encoding: enc.into(),
            ..FileStats::default()
        });
        (self.files.len() - 1) as u32
    }

    /// Counts one data row read from `file`.
    pub fn read(&mut self, file: u32) {
        self.files[file as usize].read += 1;
    }

    /// Counts the row as accepted.
    pub fn accept(&mut self, file: u32) {
        self.files[file as usize].accepted += 1;
    }

    /// Counts the row as a merged duplicate.
    pub fn merged(&mut self, file: u32) {
        self.files[file as usize].merged += 1;
    }

    /// Rejects a row of `file`: written to rejects.csv and counted. The
    /// reason is the catalogue message `reason` with `args`.
    pub fn reject(
        &mut self,
        file: u32,
        line: u64,
        column: &str,
        value: &str,
        reason: Msg,
        args: &[(&str, &dyn Display)],
    ) {
        let reason = reason.fill(self.lang, args);
        self.push_reject(file, line, column, value, reason);
    }

    /// Rejects a row of `file` for `reason`, already worded.
    fn push_reject(
        &mut self,
        file: u32,
        line: u64,
        column: &str,
        value: &str,
        reason: String,
    ) {
        self.files[file as usize].rejected += 1;
        self.rejects.push(Reject {
            file: self.files[file as usize].name.clone(),
            line,
            column: column.into(),
            value: value.into(),
            reason,
        });
    }

    /// Counts `row` as read; when it cannot be read at all (bad
    /// encoding, wrong number of fields) rejects it and returns false.
    pub fn start_row(&mut self, file: u32, row: &crate::io::csv::Row) -> bool {
        self.read(file);
        match &row.problem {
            None => true,
            Some((es, en)) => {
                let value = row.fields.join(",");
                let reason = self.lang.pick(es, en).to_string();
                self.push_reject(file, row.line, "", &value, reason);
                false
            }
        }
    }

    /// Rejects a row without ticket id.
    pub fn reject_missing_id(
        &mut self,
        file: u32,
        line: u64,
        column: &str,
        value: &str,
    ) {
        self.reject(file, line, column, value, msg::MISSING_TICKET_ID, &[]);
    }

    /// Rejects a date that `fmt` cannot read.
    pub fn reject_date(
        &mut self,
        file: u32,
        line: u64,
        column: &str,
        value: &str,
        fmt: &crate::time::dates::DateFormat,
    ) {
        // A date read in any year but 1970..2099 is a typo in the year.
        if fmt.parse_unchecked(value, self.tz).is_some() {
            self.reject(file, line, column, value, msg::IMPLAUSIBLE_DATE, &[]);
            return;
        }
        self.reject(
            file,
            line,
            column,
            value,
            msg::UNREADABLE_DATE_WITH_FORMAT,
            &[("format", &fmt.describe())],
        );
    }

    /// Adds a remark to the summary: the catalogue message `m` with
    /// `args`, kept in both languages.
    pub fn note(&mut self, m: Msg, args: &[(&str, &dyn Display)]) {
        self.notes
            .push((m.fill(Lang::Es, args), m.fill(Lang::En, args)));
    }

    /// True when ticket `id` is known.
    pub fn has_ticket(&self, id: &str) -> bool {
        self.ticket_index.contains_key(id)
    }

    /// The opening of ticket `id`, when known.
    pub fn opened_at(&self, id: &str) -> Option<Instant> {
        self.ticket_index
            .get(id)
            .and_then(|&i| self.tickets[i].opened_at)
    }

    /// Adds ticket `id`, or updates it when known and `replace` is set
    /// (snapshot logs: the last row wins; an opening already known is
    /// kept unless `opened` is given). `values` are (column, value)
    /// pairs; unknown columns become attributes. Returns false when the
    /// ticket existed and `replace` was not set (nothing changed).
    pub fn upsert_ticket<S: AsRef<str>>(
        &mut self,
        id: &str,
        opened: Option<Instant>,
        values: &[(&str, S)],
        replace: bool,
        origin: Origin,
    ) -> bool {
        let (idx, new) = self.ticket(id, origin);
        if !new && !replace {
            return false;
        }
        for (col, v) in values {
            let c = self.column(col);
            self.set_value(idx, c, v.as_ref());
        }
        if let Some(o) = opened {
            self.set_opened(idx, o);
        }
        true
    }

    /// The index of ticket `id` and whether it is new: a new ticket
    /// (opening unknown, no values) defined by the row `origin`.
    pub fn ticket(&mut self, id: &str, origin: Origin) -> (usize, bool) {
        if let Some(&i) = self.ticket_index.get(id) {
            return (i, false);
        }
        self.tickets.push(Ticket {
            id: id.to_string(),
            opened_at: None,
            values: Vec::new(),
            origin,
        });
        let i = self.tickets.len() - 1;
        let id: Arc<str> = Arc::from(id);
        self.ids.push(id.clone());
        self.ticket_index.insert(id, i);
        (i, true)
    }

    /// The index of ticket column `col` (an unknown one becomes an
    /// attribute, after those already known).
    pub fn column(&mut self, col: &str) -> usize {
        match self.column_index.get(col) {
            Some(&c) => c,
            None => {
                self.ticket_columns.push(col.to_string());
                let c = self.ticket_columns.len() - 1;
                self.column_index.insert(col.to_string(), c);
                c
            }
        }
    }

    /// Sets column `c` ([`Builder::column`]) of ticket `idx`
    /// ([`Builder::ticket`]) to `v`; `ticket_id` and `opened_at` are
    /// not set this way.
    pub fn set_value(&mut self, idx: usize, c: usize, v: &str) {
        if c < 2 {
            return;
        }
        let vals = &mut self.tickets[idx].values;
        if vals.len() <= c - 2 {
            vals.resize(c - 1, self.labels.get(""));
        }
        let slot = &mut vals[c - 2];
        // A snapshot log repeats most values row after row.
        if **slot != *v {
            *slot = self.labels.get(v);
        }
    }

    /// Sets the opening of ticket `idx`.
    pub fn set_opened(&mut self, idx: usize, at: Instant) {
        self.tickets[idx].opened_at = Some(at);
    }

    /// The opening of ticket `idx`, when known.
    pub fn opened_of(&self, idx: usize) -> Option<Instant> {
        self.tickets[idx].opened_at
    }

    /// Adds a status event.
    pub fn event(
        &mut self,
        ticket_id: &str,
        at: Instant,
        status: &str,
        extra: EventExtra,
        origin: Origin,
    ) {
        let id = match self.ticket_index.get_key_value(ticket_id) {
            Some((k, _)) => k.clone(),
            None => Arc::from(ticket_id),
        };
        let extra = extra.each_ref().map(|v| v.as_str());
        self.push_event(id, at, status, extra, origin);
    }

    /// Adds a status event of ticket `idx` ([`Builder::ticket`]).
    pub fn event_of(
        &mut self,
        idx: usize,
        at: Instant,
        status: &str,
        extra: [&str; 5],
        origin: Origin,
    ) {
        let id = self.ids[idx].clone();
        self.push_event(id, at, status, extra, origin);
    }

    fn push_event(
        &mut self,
        ticket_id: Arc<str>,
        at: Instant,
        status: &str,
        extra: [&str; 5],
        origin: Origin,
    ) {
        if origin.is_synthesized() {
            self.synthesized += 1;
        }
        let labels = &mut self.labels;
        let status = labels.get_at(0, status);
        let mut k = 0;
        let five = extra.map(|v| {
            k += 1;
            labels.get_at(k, v)
        });
        let extra = labels.combination(five);
        self.events.push(Event {
            ticket_id,
            at,
            status,
            extra,
            origin,
        });
    }

    /// Adds a survey answer.
    pub fn survey(&mut self, s: Survey) {
        self.surveys.push(s);
    }

    /// Moves an accepted row whose ticket is unknown to the rejects.
    fn reject_unknown_ticket(
        &mut self,
        origin: Origin,
        id: &str,
        reason: Msg,
    ) {
        self.files[origin.file as usize].accepted -= 1;
        self.reject(origin.file, origin.line, "ticket_id", id, reason, &[]);
    }

    /// Applies the cross-table rules and checks the row accounting.
    ///
    /// # Errors
    ///
    /// A failure (exit 1) when some file's rows read differ from
    /// accepted + rejected + merged: a bug, never silently ignored.
    pub fn finish(mut self) -> Result<Ingested> {
        self.open_at_first_events();
        let mut events = std::mem::take(&mut self.events);
        self.keep_events_of_known_tickets(&mut events);
        self.merge_duplicate_events(&mut events);
        let before_opening = self.count_before_opening(&events);
        self.keep_surveys();
        self.check_accounting()?;
        Ok(Ingested {
            tz: self.tz,
            ticket_columns: self.ticket_columns,
            tickets: self.tickets,
            events,
            surveys: self.surveys,
            rejects: self.rejects,
            files: self.files,
            before_opening,
            synthesized: self.synthesized,
            notes: self.notes,
            lang: self.lang,
        })
    }

    /// Tickets known only from their events open at their first event;
    /// tickets with neither an opening nor events are dropped and their
    /// rows rejected.
    fn open_at_first_events(&mut self) {
        if self.tickets.iter().all(|t| t.opened_at.is_some()) {
            return;
        }
        let mut first_at: FastMap<&str, Instant> = FastMap::default();
        for e in &self.events {
            let f = first_at.entry(&*e.ticket_id).or_insert(e.at);
            if e.at < *f {
                *f = e.at;
            }
        }
        let mut no_opening = HashSet::new();
        for t in &mut self.tickets {
            if t.opened_at.is_none() {
                match first_at.get(t.id.as_str()) {
                    Some(&at) => t.opened_at = Some(at),
                    None => {
                        no_opening.insert(t.id.clone());
                    }
                }
            }
        }
        if !no_opening.is_empty() {
            self.drop_tickets(&no_opening);
        }
    }

    /// Drops the tickets of `ids` (no opening, no events), rejecting the
    /// rows that defined them.
    fn drop_tickets(&mut self, ids: &HashSet<String>) {
        let gone: Vec<Ticket> = self
            .tickets
            .iter()
            .filter(|t| ids.contains(&t.id))
            .cloned()
            .collect();
        self.tickets.retain(|t| !ids.contains(&t.id));
        for t in gone {
            if !t.origin.is_synthesized() {
                let f = t.origin.file;
                self.files[f as usize].accepted -= 1;
                self.reject(
                    f,
                    t.origin.line,
                    "opened_at",
                    "",
                    msg::NO_OPENING_NO_EVENTS,
                    &[],
                );
            }
        }
        let mut index = FastMap::default();
        let mut ids = Vec::with_capacity(self.tickets.len());
        for (i, t) in self.tickets.iter().enumerate() {
            let id = match self.ticket_index.get_key_value(t.id.as_str()) {
                Some((k, _)) => k.clone(),
                None => Arc::from(t.id.as_str()),
            };
            ids.push(id.clone());
            index.insert(id, i);
        }
        self.ticket_index = index;
        self.ids = ids;
    }

    /// Removes from `events` those of unknown tickets (rejected; a
    /// derived one is uncounted), in place.
    fn keep_events_of_known_tickets(&mut self, events: &mut Vec<Event>) {
        let mut kept = 0;
        for i in 0..events.len() {
            if self.ticket_index.contains_key(&events[i].ticket_id) {
                events.swap(kept, i);
                kept += 1;
                continue;
            }
            let e = &events[i];
            if e.origin.is_synthesized() {
                self.synthesized -= 1;
            } else {
                let (origin, id) = (e.origin, e.ticket_id.clone());
                self.reject_unknown_ticket(
                    origin,
                    &id,
                    msg::EVENT_OF_UNKNOWN_TICKET,
                );
            }
        }
        events.truncate(kept);
    }

    /// The one duplicate rule (docs/INGEST.md): `events` sorted by
    /// ticket, instant and file order (stable), and an event equal in
    /// ticket, instant and status to the one just before it merged into
    /// it (counted as merged; a derived duplicate is dropped, and a real
    /// row replaces a derived one). In place: a log's events are most of
    /// the memory an ingest holds.
    fn merge_duplicate_events(&mut self, events: &mut Vec<Event>) {
        self.sort_events(events);
        let mut last: Option<usize> = None;
        for i in 0..events.len() {
            if let Some(p) = last {
                let (p_ev, e) = (&events[p], &events[i]);
                if p_ev.ticket_id == e.ticket_id
                    && p_ev.at == e.at
                    && p_ev.status == e.status
                {
                    if e.origin.is_synthesized() {
                        self.synthesized -= 1;
                    } else if p_ev.origin.is_synthesized() {
                        // The real row replaces the derived one.
                        self.synthesized -= 1;
                        events.swap(p, i);
                    } else {
                        let f = e.origin.file as usize;
                        self.files[f].accepted -= 1;
                        self.files[f].merged += 1;
                    }
                    continue;
                }
            }
            let to = last.map_or(0, |p| p + 1);
            events.swap(to, i);
            last = Some(to);
        }
        events.truncate(last.map_or(0, |p| p + 1));
    }

    /// Sorts `events` (all of known tickets) by their ticket's place in
    /// the tickets table (first-seen order) and instant, keeping their
    /// order among equals (file order), in place: each ticket's events
    /// together and in the tickets' own order, so that `plazo sla` and
    /// `plazo report` read them a window of tickets at a time. 16-byte
    /// keys (the ticket's place, the instant, the position) are sorted,
    /// not the events; the order found is applied cycle by cycle.
    fn sort_events(&self, events: &mut [Event]) {
        let mut keys: Vec<(u32, i64, u32)> = events
            .iter()
            .enumerate()
            .map(|(i, e)| {
                let t = self.ticket_index[&*e.ticket_id];
                (t as u32, e.at.unix(), i as u32)
            })
            .collect();
        // Unique keys: the unstable parallel sort gives one order.
        keys.par_sort_unstable();
        let mut order: Vec<u32> = keys.iter().map(|k| k.2).collect();
        drop(keys);
        // Position i receives the event at order[i]; u32::MAX marks done.
        for start in 0..order.len() {
            if order[start] == u32::MAX {
                continue;
            }
            let mut i = start;
            loop {
                let from = order[i] as usize;
                order[i] = u32::MAX;
                if from == start {
                    break;
                }
                events.swap(i, from);
                i = from;
            }
        }
    }

    /// How many of `events` are dated before their ticket's opening.
    fn count_before_opening(&self, events: &[Event]) -> u64 {
        let mut before_opening = 0;
        for e in events {
            let i = self.ticket_index[&*e.ticket_id];
            if self.tickets[i].opened_at.is_some_and(|o| e.at < o) {
                before_opening += 1;
            }
        }
        before_opening
    }

    /// Survey answers: those of unknown tickets rejected, exact
    /// duplicates merged.
    fn keep_surveys(&mut self) {
        let surveys = std::mem::take(&mut self.surveys);
        let mut seen = HashSet::new();
        for s in surveys {
            let f = s.origin.file;
            if !self.ticket_index.contains_key(s.ticket_id.as_str()) {
                self.reject_unknown_ticket(
                    s.origin,
                    &s.ticket_id,
                    msg::SURVEY_OF_UNKNOWN_TICKET,
                );
                continue;
            }
            let key = (
                s.ticket_id.clone(),
                s.answered_at,
                s.score.clone(),
                s.comment.clone(),
            );
            if !seen.insert(key) {
                self.files[f as usize].accepted -= 1;
                self.files[f as usize].merged += 1;
                continue;
            }
            self.surveys.push(s);
        }
    }

    /// Checks, file by file, rows read = accepted + rejected + merged.
    fn check_accounting(&self) -> Result<()> {
        for f in &self.files {
            if f.read != f.accepted + f.rejected + f.merged {
                return Err(Error::failure_msg(
                    msg::INCONSISTENT_COUNTS,
                    &[
                        ("file", &f.name),
                        ("read", &f.read),
                        ("accepted", &f.accepted),
                        ("rejected", &f.rejected),
                        ("merged", &f.merged),
                    ],
                ));
            }
        }
        Ok(())
    }
}

/// Labels stored once each.
#[derive(Default)]
struct Labels {
    set: HashSet<Arc<str>, foldhash::fast::FixedState>,
    /// The last label given for each of an event's six label columns (a
    /// log repeats its neighbour's group, assignee, ... row after row).
    recent: [Option<Arc<str>>; 6],
    /// Combinations of five labels, keyed by their addresses (unique and
    /// stable: `set` keeps every label alive).
    combinations: FastMap<[usize; 5], EventLabels>,
    /// The last combination given.
    last: Option<EventLabels>,
}

impl Labels {
    /// The shared copy of `v`.
    fn get(&mut self, v: &str) -> Arc<str> {
        if let Some(a) = self.set.get(v) {
            return a.clone();
        }
        let a: Arc<str> = Arc::from(v);
        self.set.insert(a.clone());
        a
    }

    /// The shared combination of `five` (labels from [`Labels::get`]).
    fn combination(&mut self, five: [Arc<str>; 5]) -> EventLabels {
        if let Some(c) = &self.last
            && c.iter().zip(&five).all(|(a, b)| Arc::ptr_eq(a, b))
        {
            return c.clone();
        }
        let key = five
            .each_ref()
            .map(|a| Arc::as_ptr(a) as *const u8 as usize);
        let c = self
            .combinations
            .entry(key)
            .or_insert_with(|| Arc::new(five))
            .clone();
        self.last = Some(c.clone());
        c
    }

    /// [`Labels::get`] for label column `slot`, through its last label.
    fn get_at(&mut self, slot: usize, v: &str) -> Arc<str> {
        if let Some(a) = &self.recent[slot]
            && **a == *v
        {
            return a.clone();
        }
        let a = self.get(v);
        self.recent[slot] = Some(a.clone());
        a
    }
}

impl Ingested {
    /// The per-file summary printed on stderr, in `lang`.
    pub fn summary(&self, lang: Lang) -> String {
        use std::fmt::Write;
        let mut s = String::new();
        for f in &self.files {
            let line = msg::SUMMARY_FILE.fill(
                lang,
                &[
                    ("file", &f.name),
                    ("kind", &f.kind),
                    ("encoding", &f.encoding),
                    ("read", &f.read),
                    ("accepted", &f.accepted),
                    ("rejected", &f.rejected),
                    ("merged", &f.merged),
                ],
            );
            let _ = writeln!(s, "{line}");
            if f.read == 0 {
                let e = msg::SUMMARY_NO_ROWS.fill(lang, &[("file", &f.name)]);
                let _ = writeln!(s, "{e}");
            }
        }
        let total = msg::SUMMARY_TOTAL.fill(
            lang,
            &[
                ("tickets", &self.tickets.len()),
                ("events", &self.events.len()),
                ("surveys", &self.surveys.len()),
                ("before", &self.before_opening),
                ("derived", &self.synthesized),
            ],
        );
        let _ = writeln!(s, "{total}");
        for (es, en) in &self.notes {
            let _ = writeln!(s, "{}", lang.pick(es, en));
        }
        s
    }
}
