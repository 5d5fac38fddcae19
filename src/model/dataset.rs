//! The canonical tables (docs/CONTRACT.md §1) in memory, and their
//! reader (CSV through [`crate::io::csv::Records::canonical`], or Parquet
//! for a path ending in `.parquet`).
//!
//! `tickets`, `events` and `surveys` are read once, checked, and kept in
//! compact columnar form: strings are interned (a ticket's priority is a
//! `u32`), instants are Unix seconds, and events are grouped per ticket
//! (sorted by ticket, then time; ties keep file order) so that evaluating
//! a ticket is a slice look-up, not a search.
//!
//! Rules for imperfect rows (each counted in [`LoadStats`], none silent):
//! - a ticket row without `ticket_id` or with an unreadable `opened_at` or
//!   `affected_users`, a repeated `ticket_id`: rejected;
//! - an event whose `ticket_id` is not in the tickets table, with an
//!   unreadable `at` or an empty `status`: rejected;
//! - an exact duplicate event (same ticket, `at` and `status`): merged
//!   into one and counted;
//! - an event before its ticket's `opened_at`: kept and counted; the
//!   timeline treats it as happening at the opening;
//! - a survey for an unknown ticket or with an unreadable score: rejected.
//!
//! Rejected rows are listed with file, line, column, value and reason. In
//! a Parquet table, row `i` (0-based) is reported as line `i + 2`: the
//! line it has in the same table written as CSV, whose line 1 is the
//! header (`plazo ingest` writes both with the same rows in the same
//! order).
//!
//! # Example
//!
//! ```
//! use plazo::model::dataset::{Dataset, Inputs};
//! let dir = std::env::temp_dir().join("plazo-doc-tables");
//! std::fs::create_dir_all(&dir)?;
//! std::fs::write(dir.join("t.csv"), "ticket_id,opened_at,priority\n1,2026-03-05 08:00,Alta\n")?;
//! std::fs::write(dir.join("e.csv"), "ticket_id,at,status\n1,2026-03-05 08:10,En curso\n9,2026-03-05 08:10,Nuevo\n")?;
//! let tz: chrono_tz::Tz = "America/Bogota".parse()?;
//! let ds = Dataset::load(&Inputs::new(dir.join("t.csv"), dir.join("e.csv")), tz)?;
//! assert_eq!(ds.tickets.len(), 1);
//! assert_eq!(ds.events_of(0).len(), 1);
//! assert_eq!(ds.rejects.len(), 1); // ticket 9 is unknown
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use chrono_tz::Tz;

use crate::error::{Error, Result};
use crate::io::csv::{Record, Records};
use crate::io::input::Input;
use crate::model::builder::{Ingested, Origin};
use crate::text::Msg;
use crate::text::lang::Lang;
use crate::text::msg::model as msg;
use crate::time::{Instant, InstantReader};

mod survey_rows;
mod windows;

pub use windows::{Windowed, Windows};

/// The loader's hash map: foldhash with a fixed seed (fast, and the same
/// in every run).
pub type FastMap<K, V> = HashMap<K, V, foldhash::fast::FixedState>;

/// The hash of a string in the loader's tables (foldhash, fixed seed).
fn hash_str(s: &str) -> u64 {
    use std::hash::BuildHasher;
    foldhash::fast::FixedState::default().hash_one(s)
}

/// Interned strings: id 0 is the empty string. Each string is stored
/// once, in one buffer; the look-up table holds ids only.
#[derive(Debug, Clone)]
pub struct Strings {
    /// Every string, one after the other.
    text: String,
    /// Where string `i` ends in `text` (it starts where `i - 1` ends).
    ends: Vec<usize>,
    /// Ids, hashed by their string.
    table: hashbrown::HashTable<u32>,
}

impl Default for Strings {
    fn default() -> Strings {
        let mut s = Strings {
            text: String::new(),
            ends: vec![0],
            table: hashbrown::HashTable::new(),
        };
        s.table.insert_unique(hash_str(""), 0, |_| hash_str(""));
        s
    }
}

impl Strings {
    /// The id of `s` (trimmed), adding it if new.
    pub fn intern(&mut self, s: &str) -> u32 {
        let s = s.trim();
        if s.is_empty() {
            return 0;
        }
        let hash = hash_str(s);
        let Strings { text, ends, table } = self;
        let at = |i: u32| {
            let i = i as usize;
            &text[if i == 0 { 0 } else { ends[i - 1] }..ends[i]]
        };
        if let Some(&id) = table.find(hash, |&i| at(i) == s) {
            return id;
        }
        let id = ends.len() as u32;
        let rehash = |&i: &u32| hash_str(at(i));
        table.insert_unique(hash, id, rehash);
        text.push_str(s);
        ends.push(text.len());
        id
    }

    /// The string of an id.
    pub fn get(&self, id: u32) -> &str {
        let i = id as usize;
        let start = if i == 0 { 0 } else { self.ends[i - 1] };
        &self.text[start..self.ends[i]]
    }

    /// The id of `s` if interned.
    pub fn find(&self, s: &str) -> Option<u32> {
        let s = s.trim();
        self.table.find(hash_str(s), |&i| self.get(i) == s).copied()
    }

    /// Forgets the strings interned after the first `len` (a window's
    /// own, [`Windows`]): ids from `len` on are free again.
    pub fn truncate(&mut self, len: usize) {
        let len = len.max(1);
        while self.ends.len() > len {
            let id = (self.ends.len() - 1) as u32;
            let hash = hash_str(self.get(id));
            if let Ok(e) = self.table.find_entry(hash, |&i| i == id) {
                e.remove();
            }
            self.ends.pop();
        }
        self.text.truncate(self.ends[len - 1]);
    }

    /// Number of distinct strings (including the empty one).
    pub fn len(&self) -> usize {
        self.ends.len()
    }

    /// True when only the empty string is interned.
    pub fn is_empty(&self) -> bool {
        self.ends.len() <= 1
    }
}

/// `ticket_id` -> index in [`Dataset::tickets`]: a table of indices
/// hashed by the ticket's id, which it does not copy.
#[derive(Debug, Default)]
pub struct TicketIndex {
    table: hashbrown::HashTable<u32>,
}

impl TicketIndex {
    /// The index of the ticket `id` (trimmed) among `tickets`.
    pub fn get(&self, tickets: &[Ticket], id: &str) -> Option<u32> {
        let id = id.trim();
        self.table
            .find(hash_str(id), |&i| tickets[i as usize].id == id)
            .copied()
    }

    /// Indexes `tickets[i]` (its id not yet indexed).
    pub fn insert(&mut self, tickets: &[Ticket], i: u32) {
        let hash = hash_str(&tickets[i as usize].id);
        self.table
            .insert_unique(hash, i, |&k| hash_str(&tickets[k as usize].id));
    }

    /// How many tickets are indexed.
    pub fn len(&self) -> usize {
        self.table.len()
    }

    /// True when none is.
    pub fn is_empty(&self) -> bool {
        self.table.is_empty()
    }
}

/// The descriptive columns of a ticket, in canonical order.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[repr(usize)]
pub enum Attr {
    /// `type`
    Type,
    /// `priority`
    Priority,
    /// `category`
    Category,
    /// `service`
    Service,
    /// `group`
    Group,
    /// `assignee`
    Assignee,
    /// `requester`
    Requester,
    /// `channel`
    Channel,
}

impl Attr {
    /// Every attribute, in canonical column order.
    pub const ALL: [Attr; 8] = [
        Attr::Type,
        Attr::Priority,
        Attr::Category,
        Attr::Service,
        Attr::Group,
        Attr::Assignee,
        Attr::Requester,
        Attr::Channel,
    ];

    /// The canonical column name.
    pub fn column(self) -> &'static str {
        match self {
            Attr::Type => "type",
            Attr::Priority => "priority",
            Attr::Category => "category",
            Attr::Service => "service",
            Attr::Group => "group",
            Attr::Assignee => "assignee",
            Attr::Requester => "requester",
            Attr::Channel => "channel",
        }
    }
}

/// A column of the tickets table by name: a canonical attribute or an
/// extra column.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Column {
    /// `type`, `priority`, ... (see [`Attr`]).
    Attr(Attr),
    /// The extra column at this index of [`Dataset::extra_columns`].
    Extra(usize),
}

impl Column {
    /// The interned value of this column for ticket `i` of `ds`.
    pub fn of(self, ds: &Dataset, i: usize) -> u32 {
        match self {
            Column::Attr(a) => ds.tickets[i].attr(a),
            Column::Extra(x) => ds.extra_of(i)[x],
        }
    }
}

/// One ticket row.
#[derive(Clone, Debug)]
pub struct Ticket {
    /// `ticket_id` as written (trimmed); inline up to 24 bytes.
    pub id: compact_str::CompactString,
    /// `opened_at`, Unix seconds.
    pub opened_at: i64,
    /// Interned descriptive columns, indexed by [`Attr`].
    pub attrs: [u32; 8],
    /// `affected_users`, when given.
    pub affected_users: Option<i64>,
    /// Line in the tickets file (1 = header).
    pub line: u32,
}

impl Ticket {
    /// The interned id of an attribute.
    pub fn attr(&self, a: Attr) -> u32 {
        self.attrs[a as usize]
    }
}

/// One status event: 36 bytes (four-byte aligned, so that 10M tickets'
/// 54M to 92M events take 4 bytes less each than an eight-byte aligned
/// `at` would; x86-64 and AArch64 read an unaligned `i64` at full speed).
/// Fields are read by value: a reference to `at` is not allowed.
#[derive(Clone, Copy, Debug, Default)]
#[repr(C, packed(4))]
pub struct Event {
    /// `at`, Unix seconds.
    pub at: i64,
    /// Interned `status` label.
    pub status: u32,
    /// Interned optional columns: group, assignee, priority, actor, note.
    pub group: u32,
    /// See `group`.
    pub assignee: u32,
    /// See `group`.
    pub priority: u32,
    /// See `group`.
    pub actor: u32,
    /// See `group`.
    pub note: u32,
    /// Line in the events file.
    pub line: u32,
}

const _: () = assert!(std::mem::size_of::<Event>() == 36);
const _: () = assert!(std::mem::size_of::<SurveySend>() == 28);

/// One survey answer.
#[derive(Clone, Debug)]
pub struct Survey {
    /// Index of the ticket in [`Dataset::tickets`].
    pub ticket: u32,
    /// `answered_at`, Unix seconds.
    pub answered_at: i64,
    /// `score`.
    pub score: f64,
    /// `max_score`, when given.
    pub max_score: Option<f64>,
    /// Interned `comment`.
    pub comment: u32,
    /// `sent_at`, when the table has the column and the cell is filled.
    pub sent_at: Option<i64>,
    /// The scores of `[survey] questions`, in the policy's order (the
    /// columns of [`Inputs::survey_questions`]); `None` for an empty cell.
    pub questions: Box<[Option<f64>]>,
}

/// One survey sent (a surveys row with `sent_at`), answered or not: 28
/// bytes (four-byte aligned, as [`Event`]; one a ticket at most sets).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[repr(C, packed(4))]
pub struct SurveySend {
    /// Index of the ticket in [`Dataset::tickets`].
    pub ticket: u32,
    /// `sent_at`, Unix seconds.
    pub sent_at: i64,
    /// `answered_at` when the row is answered.
    pub answered_at: Option<i64>,
}

/// A rejected input row: the same record as ingest's rejects.csv.
pub use crate::model::builder::Reject;

/// Counts of what the loader did with each row.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct LoadStats {
    /// Ticket rows read / accepted.
    pub ticket_rows: u64,
    /// See `ticket_rows`.
    pub tickets: u64,
    /// Event rows read / accepted.
    pub event_rows: u64,
    /// See `event_rows`.
    pub events: u64,
    /// Exact duplicate events merged.
    pub duplicate_events: u64,
    /// Events dated before their ticket's opening (kept, clamped).
    pub events_before_opening: u64,
    /// The events table listed each ticket's events together, tickets in
    /// the tickets table's order (read without moving them).
    pub events_in_ticket_order: bool,
    /// Survey rows read / accepted.
    pub survey_rows: u64,
    /// See `survey_rows`.
    pub surveys: u64,
    /// With a shard ([`Dataset::load_shard`]): the ticket, event and
    /// survey rows of other shards' tickets, skipped (counted in
    /// `*_rows`, neither accepted nor rejected here).
    pub other_shard: [u64; 3],
}

/// The input files of a run.
#[derive(Clone, Debug)]
pub struct Inputs {
    /// The tickets table.
    pub tickets: PathBuf,
    /// The events table.
    pub events: PathBuf,
    /// The surveys table, if any.
    pub surveys: Option<PathBuf>,
    /// Question score columns the surveys table must have (`[survey]
    /// questions`, by column name), read as numbers.
    pub survey_questions: Vec<String>,
}

impl Inputs {
    /// Tickets and events, no surveys.
    pub fn new(tickets: PathBuf, events: PathBuf) -> Inputs {
        Inputs {
            tickets,
            events,
            surveys: None,
            survey_questions: Vec::new(),
        }
    }
}

/// The three canonical tables, loaded and checked.
#[derive(Debug, Default)]
pub struct Dataset {
    /// Ticket rows, in file order.
    pub tickets: Vec<Ticket>,
    /// `ticket_id` -> index in `tickets` ([`Dataset::ticket_index`]).
    pub by_id: TicketIndex,
    /// Names of the tickets table's extra columns.
    pub extra_columns: Vec<String>,
    /// The tickets' interned extra cells, ticket by ticket, in
    /// `extra_columns` order: ticket i's are [`Dataset::extra_of`] `i`
    /// (one vector for all: 4 bytes a cell, no allocation a ticket).
    pub extras: Vec<u32>,
    /// Events grouped per ticket: ticket i's are
    /// `events[offsets[i]..offsets[i + 1]]`, sorted by time, ties in file
    /// order.
    pub events: Vec<Event>,
    /// See `events`.
    pub offsets: Vec<u32>,
    /// Survey answers, sorted by ticket then `answered_at`; ticket i's
    /// are `surveys[survey_offsets[i]..survey_offsets[i + 1]]`.
    pub surveys: Vec<Survey>,
    /// See `surveys`.
    pub survey_offsets: Vec<u32>,
    /// The surveys sent (rows with `sent_at`), in file order.
    pub survey_sends: Vec<SurveySend>,
    /// Whether the surveys table has a `sent_at` column: the surveys sent
    /// are then its rows, not the policy's rule.
    pub surveys_sent_column: bool,
    /// Interned strings of all tables.
    pub strings: Strings,
    /// Rejected rows.
    pub rejects: Vec<Reject>,
    /// Counts.
    pub stats: LoadStats,
    /// The tickets table's path, as given (for messages).
    pub tickets_file: String,
    /// How people's names were replaced (`[report] people`), when they
    /// were ([`crate::model::people::hide`]).
    pub people: Option<crate::model::people::Hidden>,
    /// The shard loaded ([`Dataset::load_shard`]); `None`: every ticket.
    pub shard: Option<crate::model::shard::Shard>,
}

/// A table being read: header positions and its rows, from CSV or
/// Parquet, and the language its rejects' reasons are worded in.
struct Table {
    place: String,
    rows: Rows,
    cols: HashMap<String, usize>,
    headers: Vec<String>,
}

/// Where a table's rows come from (the canonical tables here, and
/// `plazo report --sla-rows`'s per-ticket rows in `engine::sla_rows`).
pub(crate) enum Rows {
    /// A CSV table (line numbers are the file's own).
    Csv(Records),
    /// Parquet columns as text; `next` is the next row's index. Row `i`
    /// is reported as line `i + 2`: the line it has in the table's CSV
    /// twin, whose line 1 is the header.
    Parquet {
        cols: Vec<polars::prelude::StringChunked>,
        next: usize,
        len: usize,
    },
}

/// True when `path` names a Parquet file (by its extension).
pub fn is_parquet(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| e.eq_ignore_ascii_case("parquet"))
}

impl Rows {
    /// Opens `path`'s rows: a Parquet file (by its extension) as text
    /// columns, anything else as canonical CSV; with the header as read.
    pub(crate) fn open(path: Input<'_>) -> Result<(Vec<String>, Rows)> {
        if let Input::File(p) = path
            && is_parquet(p)
        {
            let (names, cols) = crate::model::write::read_parquet_text(p)?;
            let len = cols.first().map_or(0, |c| c.len());
            return Ok((names, Rows::Parquet { cols, next: 0, len }));
        }
        let records = path.canonical()?;
        Ok((records.headers().to_vec(), Rows::Csv(records)))
    }

    /// Reads the next record into `rec`; its line, or `None` at the end.
    pub(crate) fn next(&mut self, rec: &mut Record) -> Result<Option<u64>> {
        match self {
            Rows::Csv(records) => records.next(rec),
            Rows::Parquet { cols, next, len } => {
                if *next >= *len {
                    return Ok(None);
                }
                rec.clear();
                for c in cols.iter() {
                    rec.push_field(c.get(*next).unwrap_or(""));
                }
                *next += 1;
                Ok(Some(*next as u64 + 1))
            }
        }
    }
}

impl Table {
    fn open(path: Input<'_>, required: &[&str]) -> Result<Table> {
        let place = path.name();
        let (headers, rows) = Rows::open(path)?;
        let headers: Vec<String> = headers
            .iter()
            .map(|h| h.trim().trim_start_matches('\u{feff}').to_string())
            .collect();
        let cols: HashMap<String, usize> = headers
            .iter()
            .enumerate()
            .map(|(i, h)| (h.clone(), i))
            .collect();
        for r in required {
            if !cols.contains_key(*r) {
                return Err(Error::input_msg(
                    msg::MISSING_REQUIRED_COLUMN,
                    &[
                        ("file", &place),
                        ("column", &format!("{r:?}")),
                        ("columns", &headers.join(",")),
                    ],
                ));
            }
        }
        Ok(Table {
            place,
            rows,
            cols,
            headers,
        })
    }

    fn col(&self, name: &str) -> Option<usize> {
        self.cols.get(name).copied()
    }

    /// Reads the next record into `rec`; its line, or `None` at the end.
    fn next(&mut self, rec: &mut Record) -> Result<Option<u64>> {
        self.rows.next(rec)
    }
}

/// The tickets table's extra columns (neither canonical nor unnamed):
/// name and index.
fn extra_columns(t: &Table) -> Vec<(String, usize)> {
    let known: Vec<&str> = ["ticket_id", "opened_at", "affected_users"]
        .into_iter()
        .chain(Attr::ALL.iter().map(|a| a.column()))
        .collect();
    t.headers
        .iter()
        .enumerate()
        .filter(|(_, h)| !known.contains(&h.as_str()) && !h.is_empty())
        .map(|(i, h)| (h.clone(), i))
        .collect()
}

/// The name of the input file a builder row came from.
fn origin_file(ing: &Ingested, o: Origin) -> &str {
    ing.files
        .get(o.file as usize)
        .map_or("", |f| f.name.as_str())
}

/// The ticket of each event read, as cheaply as the input allows: while
/// the events come grouped in ticket order (what `plazo ingest` and most
/// exports write), only a count per ticket (4 bytes a ticket); the first
/// event out of that order lists the ticket of every event read so far
/// (4 bytes an event), which the counting sort then needs.
struct Owners {
    /// `offsets[t + 1]`: how many events ticket `t` has.
    offsets: Vec<u32>,
    /// The ticket of every event, in input order, once they are out of
    /// order.
    listed: Option<Vec<u32>>,
    /// The ticket of the last event.
    last: Option<u32>,
}

impl Owners {
    fn new(tickets: usize) -> Owners {
        Owners {
            offsets: vec![0; tickets + 1],
            listed: None,
            last: None,
        }
    }

    /// The next event is ticket `t`'s.
    fn push(&mut self, t: u32) {
        if self.listed.is_none() && self.last.is_some_and(|l| t < l) {
            // Every event so far, in order: ticket k's count of them.
            let before = self.offsets.iter().skip(1).map(|&c| c as usize);
            let total = before.clone().sum::<usize>();
            let mut listed = Vec::with_capacity(total + 1);
            for (k, c) in before.enumerate() {
                listed.extend(std::iter::repeat_n(k as u32, c));
            }
            self.listed = Some(listed);
        }
        if let Some(l) = &mut self.listed {
            l.push(t);
        }
        self.offsets[t as usize + 1] += 1;
        self.last = Some(t);
    }
}

fn field(rec: &Record, i: Option<usize>) -> &str {
    crate::text::trim(i.and_then(|i| rec.get(i)).unwrap_or(""))
}

impl Dataset {
    /// Reads and checks the canonical tables, each CSV or Parquet (by its
    /// extension; Parquet columns are read as text, numbers included).
    /// Naive timestamps are read in `tz`.
    ///
    /// # Errors
    ///
    /// A missing file or required column, unreadable CSV or Parquet, or a
    /// Parquet column that cannot be read as text (input errors naming the
    /// file, and the line or column). Bad rows are not errors: they are listed
    /// in [`Dataset::rejects`], their reasons in Spanish;
    /// [`Dataset::load_in`] takes the language.
    pub fn load(inputs: &Inputs, tz: Tz) -> Result<Dataset> {
        Dataset::load_in(inputs, tz, crate::text::lang::Lang::Es)
    }

    /// [`Dataset::load`] with the rejects' reasons written in `lang`.
    ///
    /// # Errors
    ///
    /// As [`Dataset::load`].
    pub fn load_in(inputs: &Inputs, tz: Tz, lang: Lang) -> Result<Dataset> {
        Dataset::load_inputs(
            [Input::from(&inputs.tickets), Input::from(&inputs.events)],
            inputs.surveys.as_ref().map(Input::from),
            &inputs.survey_questions,
            tz,
            lang,
        )
    }

    /// [`Dataset::load_in`] keeping only the rows of the tickets of
    /// `shard` (docs/CONTRACT.md §5.11): the others' rows are skipped
    /// before their cells are read, and counted in
    /// [`LoadStats::other_shard`].
    ///
    /// # Errors
    ///
    /// As [`Dataset::load`].
    pub fn load_shard(
        inputs: &Inputs,
        tz: Tz,
        lang: Lang,
        shard: crate::model::shard::Shard,
    ) -> Result<Dataset> {
        let mut ds = Dataset {
            shard: Some(shard),
            ..Dataset::default()
        };
        let mut clock = InstantReader::new(tz);
        ds.load_tickets(Input::from(&inputs.tickets), &mut clock, lang)?;
        ds.load_events(Input::from(&inputs.events), &mut clock, lang)?;
        if let Some(s) = &inputs.surveys {
            let q = &inputs.survey_questions;
            ds.load_surveys(Input::from(s), q, &mut clock, lang)?;
        }
        Ok(ds)
    }

    /// [`Dataset::load_in`] for tables given as files or bytes: tickets
    /// and events, then the surveys (if any) with their question
    /// columns.
    ///
    /// # Errors
    ///
    /// As [`Dataset::load`].
    pub fn load_inputs(
        [tickets, events]: [Input<'_>; 2],
        surveys: Option<Input<'_>>,
        questions: &[String],
        tz: Tz,
        lang: Lang,
    ) -> Result<Dataset> {
        let mut ds = Dataset::default();
        let mut clock = InstantReader::new(tz);
        ds.load_tickets(tickets, &mut clock, lang)?;
        ds.load_events(events, &mut clock, lang)?;
        if let Some(s) = surveys {
            ds.load_surveys(s, questions, &mut clock, lang)?;
        }
        Ok(ds)
    }

    /// The canonical tables straight from the model builder, in memory:
    /// the same dataset [`Dataset::load`] reads from the tables
    /// `plazo ingest` writes, with no text written and read back. The
    /// builder's rejects are the dataset's; cells are trimmed as the
    /// loader trims them.
    pub fn from_ingested(ing: &Ingested) -> Dataset {
        let mut ds = Dataset::default();
        let file = |o: Origin| {
            ing.files
                .get(o.file as usize)
                .map_or("", |f| f.name.as_str())
        };
        ds.rejects.clone_from(&ing.rejects);
        ds.tickets_file = ing
            .tickets
            .first()
            .map_or(String::new(), |t| file(t.origin).to_string());
        ds.tickets_from(ing);
        ds.events_from(ing);
        ds.surveys_from(ing);
        ds
    }

    /// [`Dataset::from_ingested`]'s tickets: attributes and extra columns
    /// interned, `affected_users` read.
    fn tickets_from(&mut self, ing: &Ingested) {
        let file = |o: Origin| origin_file(ing, o);
        let ds = self;
        // Columns: ingest's ticket columns from the third on.
        let cols: Vec<&str> = ing
            .ticket_columns
            .iter()
            .skip(2)
            .map(String::as_str)
            .collect();
        let pos = |name: &str| cols.iter().position(|c| *c == name);
        let attr_c: Vec<Option<usize>> =
            Attr::ALL.iter().map(|a| pos(a.column())).collect();
        let users_c = pos("affected_users");
        let extra: Vec<usize> = (0..cols.len())
            .filter(|&i| {
                !cols[i].is_empty()
                    && cols[i] != "affected_users"
                    && !Attr::ALL.iter().any(|a| a.column() == cols[i])
            })
            .collect();
        ds.extra_columns =
            extra.iter().map(|&i| cols[i].to_string()).collect();
        for t in &ing.tickets {
            ds.stats.ticket_rows += 1;
            let cell = |c: Option<usize>| {
                c.and_then(|c| t.values.get(c)).map_or("", |v| v.trim())
            };
            let Some(opened) = t.opened_at else { continue };
            let users_text = cell(users_c);
            let affected_users = match users_text {
                "" => None,
                v => match v.parse::<i64>() {
                    Ok(n) => Some(n),
                    Err(_) => {
                        ds.rejects.push(Reject {
                            file: file(t.origin).to_string(),
                            line: t.origin.line,
                            column: "affected_users".into(),
                            value: v.to_string(),
                            reason: msg::NOT_A_WHOLE_NUMBER
                                .get(ing.lang)
                                .to_string(),
                        });
                        continue;
                    }
                },
            };
            let mut attrs = [0u32; 8];
            for (k, c) in attr_c.iter().enumerate() {
                attrs[k] = ds.strings.intern(cell(*c));
            }
            for &i in &extra {
                let v = ds.strings.intern(cell(Some(i)));
                ds.extras.push(v);
            }
            ds.tickets.push(Ticket {
                id: t.id.trim().into(),
                opened_at: opened.unix(),
                attrs,
                affected_users,
                line: t.origin.line as u32,
            });
            let i = ds.tickets.len() as u32 - 1;
            ds.by_id.insert(&ds.tickets, i);
        }
        ds.stats.tickets = ds.tickets.len() as u64;
    }

    /// [`Dataset::from_ingested`]'s events, grouped per ticket.
    fn events_from(&mut self, ing: &Ingested) {
        let ds = self;
        let mut owner = Owners::new(ds.tickets.len());
        let mut raw = Vec::with_capacity(ing.events.len());
        for e in &ing.events {
            ds.stats.event_rows += 1;
            let Some(ticket) = ds.ticket_index(&e.ticket_id) else {
                continue; // its ticket was rejected above
            };
            let mut intern = |v: &str| ds.strings.intern(v.trim());
            let ev = Event {
                at: e.at.unix(),
                status: intern(&e.status),
                group: intern(&e.extra[0]),
                assignee: intern(&e.extra[1]),
                priority: intern(&e.extra[2]),
                actor: intern(&e.extra[3]),
                note: intern(&e.extra[4]),
                line: e.origin.line as u32,
            };
            owner.push(ticket);
            raw.push(ev);
        }
        ds.group_events(owner, raw);
    }

    /// [`Dataset::from_ingested`]'s survey answers, scores read.
    fn surveys_from(&mut self, ing: &Ingested) {
        let file = |o: Origin| origin_file(ing, o);
        let ds = self;
        for a in &ing.surveys {
            ds.stats.survey_rows += 1;
            let Some(ticket) = ds.ticket_index(&a.ticket_id) else {
                continue;
            };
            let num = |s: &str| {
                s.trim()
                    .replace(',', ".")
                    .parse::<f64>()
                    .ok()
                    .filter(|x| x.is_finite())
            };
            let max_score = num(&a.max_score);
            let bad = match num(&a.score) {
                None => Some(("score", &a.score)),
                Some(_)
                    if max_score.is_none()
                        && !a.max_score.trim().is_empty() =>
                {
                    Some(("max_score", &a.max_score))
                }
                Some(_) => None,
            };
            if let Some((column, value)) = bad {
                ds.rejects.push(Reject {
                    file: file(a.origin).to_string(),
                    line: a.origin.line,
                    column: column.into(),
                    value: value.trim().to_string(),
                    reason: msg::NOT_A_NUMBER.get(ing.lang).to_string(),
                });
                continue;
            }
            let comment = ds.strings.intern(a.comment.trim());
            ds.surveys.push(Survey {
                ticket,
                answered_at: a.answered_at.unix(),
                score: num(&a.score).unwrap_or_default(),
                max_score,
                comment,
                sent_at: None,
                questions: Box::default(),
            });
        }
        ds.index_surveys();
    }

    /// The string a policy rule compares for the interned value `id`:
    /// the name the tool exported when `id` is a label that `[report]
    /// people` put in its place ([`crate::model::people`]), else the
    /// string itself. Only rule matching reads through a label.
    pub fn rule_str(&self, id: u32) -> &str {
        let id = self
            .people
            .as_ref()
            .and_then(|h| h.original(id))
            .unwrap_or(id);
        self.strings.get(id)
    }

    /// The tickets column called `name`: a canonical attribute, else an
    /// extra column.
    pub fn column(&self, name: &str) -> Option<Column> {
        Attr::ALL
            .iter()
            .find(|a| a.column() == name)
            .map(|a| Column::Attr(*a))
            .or_else(|| {
                self.extra_columns
                    .iter()
                    .position(|c| c == name)
                    .map(Column::Extra)
            })
    }

    /// The index in [`Dataset::tickets`] of the ticket `id` (trimmed).
    pub fn ticket_index(&self, id: &str) -> Option<u32> {
        self.by_id.get(&self.tickets, id)
    }

    /// Ticket `i`'s interned extra cells, in `extra_columns` order.
    pub fn extra_of(&self, i: usize) -> &[u32] {
        let k = self.extra_columns.len();
        &self.extras[i * k..(i + 1) * k]
    }

    /// The events of ticket `i`, in timeline order.
    pub fn events_of(&self, i: usize) -> &[Event] {
        &self.events[self.offsets[i] as usize..self.offsets[i + 1] as usize]
    }

    /// The survey answers of ticket `i`, by `answered_at`.
    pub fn surveys_of(&self, i: usize) -> &[Survey] {
        match self.survey_offsets.get(i..i + 2) {
            Some(&[lo, hi]) => &self.surveys[lo as usize..hi as usize],
            _ => &[],
        }
    }

    /// Reads the tickets table: a ticket per row, rejects for rows
    /// without id, with an unreadable `opened_at` or `affected_users`,
    /// or repeating an id.
    fn load_tickets(
        &mut self,
        path: Input<'_>,
        clock: &mut InstantReader,
        lang: Lang,
    ) -> Result<()> {
        let mut t = Table::open(path, &["ticket_id", "opened_at"])?;
        self.tickets_file = t.place.clone();
        let id_c = t.col("ticket_id");
        let open_c = t.col("opened_at");
        let attr_c: Vec<Option<usize>> =
            Attr::ALL.iter().map(|a| t.col(a.column())).collect();
        let users_c = t.col("affected_users");
        let extra = extra_columns(&t);
        self.extra_columns = extra.iter().map(|(h, _)| h.clone()).collect();
        // Label columns: the attributes in `Attr::ALL` order, then the
        // extra columns (the order a one-thread read interns them in).
        let cols = TicketColumns {
            shard: self.shard,
            id: id_c,
            opened: open_c,
            users: users_c,
            labels: attr_c
                .iter()
                .copied()
                .chain(extra.iter().map(|(_, i)| Some(*i)))
                .collect(),
        };
        let (place, tz) = (t.place.clone(), clock.tz());
        let Dataset {
            tickets,
            extras,
            by_id,
            strings,
            rejects,
            stats,
            ..
        } = self;
        super::pipeline::run(
            rayon::current_num_threads(),
            |rec| t.next(rec),
            |batch| cols.convert(batch, tz, &place, lang),
            |batch, mut conv| {
                stats.ticket_rows += batch.len() as u64;
                let mut ids = Interned::new(&conv.strings);
                for row in conv.rows.drain(..) {
                    let (mut ticket, local) = match row {
                        TicketRow::Skip => {
                            stats.other_shard[0] += 1;
                            continue;
                        }
                        TicketRow::Reject(r) => {
                            rejects.push(r);
                            continue;
                        }
                        TicketRow::Keep(t, local) => (t, local),
                    };
                    if let Some(first) = by_id.get(tickets, &ticket.id) {
                        let first = tickets[first as usize].line;
                        rejects.push(Reject {
                            file: place.clone(),
                            line: u64::from(ticket.line),
                            column: "ticket_id".into(),
                            value: ticket.id.into(),
                            reason: msg::REPEATED_TICKET_ID
                                .fill(lang, &[("line", &first)]),
                        });
                        continue;
                    }
                    let mut id = |k: u32| ids.id(strings, k);
                    for (a, k) in ticket.attrs.iter_mut().zip(&local) {
                        *a = id(*k);
                    }
                    extras.extend(local[8..].iter().map(|k| id(*k)));
                    tickets.push(ticket);
                    by_id.insert(tickets, tickets.len() as u32 - 1);
                }
            },
        )?;
        self.stats.tickets = self.tickets.len() as u64;
        Ok(())
    }

    /// Reads the events table: events of known tickets with a readable
    /// `at` and a status, grouped per ticket. Rows are converted on all
    /// cores and merged in file order ([`crate::model::pipeline`]): the
    /// result is a one-thread read's.
    fn load_events(
        &mut self,
        path: Input<'_>,
        clock: &mut InstantReader,
        lang: Lang,
    ) -> Result<()> {
        let mut t = Table::open(path, &["ticket_id", "at", "status"])?;
        let cols = EventColumns::of(&t, self.shard);
        let (place, tz) = (t.place.clone(), clock.tz());
        let mut owner = Owners::new(self.tickets.len());
        let (mut raw, mut kept) = (Vec::new(), Vec::new());
        let (by_id, tickets) = (&self.by_id, &self.tickets[..]);
        let (strings, rejects, stats) =
            (&mut self.strings, &mut self.rejects, &mut self.stats);
        let workers = rayon::current_num_threads();
        super::pipeline::run(
            workers,
            |rec| t.next(rec),
            |batch| cols.convert(batch, (by_id, tickets), tz, &place, lang),
            |batch, mut conv| {
                conv.merge(batch, strings, rejects, stats, &mut kept);
                for (ticket, ev) in kept.drain(..) {
                    owner.push(ticket);
                    raw.push(ev);
                }
            },
        )?;
        self.group_events(owner, raw);
        Ok(())
    }

    /// Groups events per ticket: `owner[k]` is the ticket of `events[k]`,
    /// both in input order. When the input is already grouped in ticket
    /// order (what `plazo ingest` and most exports write) the events stay
    /// where they are; otherwise a counting sort by ticket (keeping input
    /// order) moves them once. Then each ticket's slice is sorted by time
    /// (stable: ties keep input order), exact duplicates are merged and
    /// events before the opening counted, in place: at most one more
    /// copy of the events is held, and none for grouped input.
    fn group_events(&mut self, owner: Owners, events: Vec<Event>) {
        self.group_events_in(owner, events);
        self.events.shrink_to_fit();
    }

    /// [`Dataset::group_events`] keeping the vector's room (a window's
    /// events vector is used again by the next window).
    fn group_events_in(&mut self, owner: Owners, events: Vec<Event>) {
        let n = self.tickets.len();
        let Owners {
            mut offsets,
            listed,
            ..
        } = owner;
        for i in 0..n {
            offsets[i + 1] += offsets[i];
        }
        self.stats.events_in_ticket_order = listed.is_none();
        let mut events = match listed {
            None => events,
            Some(owner) => {
                let mut next = offsets.clone();
                let mut sorted = vec![Event::default(); events.len()];
                for (tk, ev) in owner.iter().zip(events) {
                    let slot = &mut next[*tk as usize];
                    sorted[*slot as usize] = ev;
                    *slot += 1;
                }
                sorted
            }
        };
        // Sort, merge exact duplicates, count events before opening;
        // `kept` trails the slice being read.
        let mut kept = 0usize;
        for i in 0..n {
            let (lo, hi) = (offsets[i] as usize, offsets[i + 1] as usize);
            events[lo..hi].sort_by_key(|e| e.at);
            offsets[i] = kept as u32;
            let start = kept;
            for k in lo..hi {
                let e = events[k];
                // The one duplicate rule (docs/INGEST.md): an event equal
                // in instant and status to the one just before it in the
                // ticket's timeline is merged into it.
                if kept > start {
                    let p = &events[kept - 1];
                    if p.at == e.at && p.status == e.status {
                        self.stats.duplicate_events += 1;
                        continue;
                    }
                }
                if e.at < self.tickets[i].opened_at {
                    self.stats.events_before_opening += 1;
                }
                events[kept] = e;
                kept += 1;
            }
        }
        offsets[n] = kept as u32;
        events.truncate(kept);
        self.stats.events = kept as u64;
        self.events = events;
        self.offsets = offsets;
    }

    /// Reads the surveys table: answers of known tickets with a readable
    /// `answered_at` and numeric scores (the overall `score` and each
    /// column of `questions`); with a `sent_at` column, rows with
    /// `sent_at` and neither `answered_at` nor `score` are surveys sent
    /// and not answered.
    fn load_surveys(
        &mut self,
        path: Input<'_>,
        questions: &[String],
        clock: &mut InstantReader,
        lang: Lang,
    ) -> Result<()> {
        let mut required = vec!["ticket_id", "answered_at", "score"];
        required.extend(questions.iter().map(String::as_str));
        let mut t = Table::open(path, &required)?;
        let cols = survey_rows::SurveyColumns {
            shard: self.shard,
            id: t.col("ticket_id"),
            answered: t.col("answered_at"),
            score: t.col("score"),
            max: t.col("max_score"),
            comment: t.col("comment"),
            sent: t.col("sent_at"),
            questions: questions
                .iter()
                .map(|q| (q.as_str(), t.col(q)))
                .collect(),
        };
        self.surveys_sent_column = cols.sent.is_some();
        let (place, tz) = (t.place.clone(), clock.tz());
        let known = (&self.by_id, &self.tickets[..]);
        let (strings, rejects, stats) =
            (&mut self.strings, &mut self.rejects, &mut self.stats);
        let (surveys, sends) = (&mut self.surveys, &mut self.survey_sends);
        super::pipeline::run(
            rayon::current_num_threads(),
            |rec| t.next(rec),
            |batch| cols.convert(batch, known, tz, &place, lang),
            |batch, mut conv| {
                use survey_rows::SurveyRow;
                stats.survey_rows += batch.len() as u64;
                let mut ids = Interned::new(&conv.strings);
                for row in conv.rows.drain(..) {
                    match row {
                        SurveyRow::Skip => stats.other_shard[2] += 1,
                        SurveyRow::Reject(r) => rejects.push(r),
                        SurveyRow::Sent(s) => sends.push(s),
                        SurveyRow::Answer(mut sv, local) => {
                            sv.comment = ids.id(strings, local);
                            if let Some(sent_at) = sv.sent_at {
                                sends.push(SurveySend {
                                    ticket: sv.ticket,
                                    sent_at,
                                    answered_at: Some(sv.answered_at),
                                });
                            }
                            surveys.push(sv);
                        }
                    }
                }
            },
        )?;
        self.index_surveys();
        Ok(())
    }

    /// Sorts the answers by ticket and instant and indexes them per
    /// ticket.
    fn index_surveys(&mut self) {
        self.surveys.sort_by_key(|s| (s.ticket, s.answered_at));
        self.stats.surveys = self.surveys.len() as u64;
        let n = self.tickets.len();
        let mut offsets = vec![0u32; n + 1];
        for s in &self.surveys {
            offsets[s.ticket as usize + 1] += 1;
        }
        for i in 0..n {
            offsets[i + 1] += offsets[i];
        }
        self.survey_offsets = offsets;
    }
}

/// A row a worker rejects: `place`'s line `line`, column `col`, value
/// `v`, for `reason` (a message without arguments) in `lang`.
fn batch_reject(
    place: &str,
    lang: Lang,
    line: u64,
    col: &str,
    v: &str,
    reason: Msg,
) -> Reject {
    Reject {
        file: place.to_string(),
        line,
        column: col.to_string(),
        value: v.to_string(),
        reason: reason.fill(lang, &[]),
    }
}

/// The tickets table's columns, for converting its rows on worker
/// threads.
struct TicketColumns {
    /// The shard loaded: other shards' rows are skipped.
    shard: Option<crate::model::shard::Shard>,
    id: Option<usize>,
    opened: Option<usize>,
    users: Option<usize>,
    /// The 8 attributes ([`Attr::ALL`]), then the extra columns.
    labels: Vec<Option<usize>>,
}

/// One tickets row converted on a worker: rejected, or a ticket whose
/// labels are ids into the batch's own strings (the merge checks for a
/// repeated id, then interns them in file order).
enum TicketRow {
    /// Another shard's row ([`LoadStats::other_shard`]).
    Skip,
    Reject(Reject),
    Keep(Ticket, Vec<u32>),
}

/// A converted batch of tickets rows.
struct TicketBatch {
    rows: Vec<TicketRow>,
    /// The batch's labels; 0 is the empty one.
    strings: Vec<Box<str>>,
}

impl TicketColumns {
    /// Converts a batch: the checks of a one-thread read that need no
    /// other row (empty id, unreadable `opened_at` or `affected_users`),
    /// in its order.
    fn convert(
        &self,
        batch: &super::pipeline::Batch,
        tz: Tz,
        place: &str,
        lang: Lang,
    ) -> TicketBatch {
        let mut clock = InstantReader::new(tz);
        let mut labels = Labels::default();
        let mut rows = Vec::with_capacity(batch.len());
        let reject = |line: u64, col: &str, v: &str, reason: Msg| {
            TicketRow::Reject(batch_reject(place, lang, line, col, v, reason))
        };
        for (line, rec) in batch.rows() {
            let id = field(rec, self.id);
            if self.shard.is_some_and(|s| !s.keeps(id)) {
                rows.push(TicketRow::Skip);
                continue;
            }
            if id.is_empty() {
                rows.push(reject(line, "ticket_id", "", msg::EMPTY_TICKET_ID));
                continue;
            }
            let text = field(rec, self.opened);
            let Ok(opened) = clock.read(text) else {
                let reason = date_reason(text, &clock);
                rows.push(reject(line, "opened_at", text, reason));
                continue;
            };
            let users = field(rec, self.users);
            let affected_users = match users {
                "" => None,
                v => match v.parse::<i64>() {
                    Ok(n) => Some(n),
                    Err(_) => {
                        let reason = msg::NOT_A_WHOLE_NUMBER;
                        rows.push(reject(line, "affected_users", v, reason));
                        continue;
                    }
                },
            };
            let local = self
                .labels
                .iter()
                .map(|c| labels.id(field(rec, *c)))
                .collect();
            let ticket = Ticket {
                id: id.into(),
                opened_at: opened.unix(),
                attrs: [0; 8],
                affected_users,
                line: line as u32,
            };
            rows.push(TicketRow::Keep(ticket, local));
        }
        TicketBatch {
            rows,
            strings: labels.strings,
        }
    }
}

/// A batch's own interned labels (0 is the empty one).
struct Labels<'a> {
    strings: Vec<Box<str>>,
    ids: FastMap<&'a str, u32>,
}

impl Default for Labels<'_> {
    fn default() -> Self {
        Labels {
            strings: vec!["".into()],
            ids: FastMap::default(),
        }
    }
}

impl<'a> Labels<'a> {
    /// The batch's id of `v` (already trimmed).
    fn id(&mut self, v: &'a str) -> u32 {
        if v.is_empty() {
            return 0;
        }
        let next = self.strings.len() as u32;
        *self.ids.entry(v).or_insert_with(|| {
            self.strings.push(v.into());
            next
        })
    }
}

/// A converted batch's own labels ([`Labels`]) as the dataset's ids,
/// each interned on its first use: in the order a one-thread read
/// interns them.
struct Interned<'b> {
    local: &'b [Box<str>],
    global: Vec<Option<u32>>,
}

impl<'b> Interned<'b> {
    fn new(local: &'b [Box<str>]) -> Self {
        Interned {
            local,
            global: vec![None; local.len()],
        }
    }

    /// The dataset's id of the batch's label `k`.
    fn id(&mut self, strings: &mut Strings, k: u32) -> u32 {
        let Interned { local, global } = self;
        *global[k as usize]
            .get_or_insert_with(|| strings.intern(&local[k as usize]))
    }

    /// `ev` with its labels, the batch's `local` ids (status, group,
    /// assignee, priority, actor, note), as the dataset's.
    fn event(
        &mut self,
        strings: &mut Strings,
        mut ev: Event,
        local: [u32; 6],
    ) -> Event {
        let mut id = |k: u32| self.id(strings, k);
        ev.status = id(local[0]);
        ev.group = id(local[1]);
        ev.assignee = id(local[2]);
        ev.priority = id(local[3]);
        ev.actor = id(local[4]);
        ev.note = id(local[5]);
        ev
    }
}

/// The events table's columns, for converting its rows on worker
/// threads.
struct EventColumns {
    /// The shard loaded: other shards' rows are skipped.
    shard: Option<crate::model::shard::Shard>,
    id: Option<usize>,
    at: Option<usize>,
    /// status, group, assignee, priority, actor, note.
    labels: [Option<usize>; 6],
}

/// One events row converted on a worker: rejected, or kept with its
/// ticket and its labels as ids into the batch's own strings (interned
/// by the merge, in file order).
enum EventRow {
    /// Another shard's row ([`LoadStats::other_shard`]).
    Skip,
    Reject(Reject),
    Keep(u32, Event, [u32; 6]),
}

/// A converted batch of events rows.
struct EventBatch {
    rows: Vec<EventRow>,
    /// The batch's labels; 0 is the empty one.
    strings: Vec<Box<str>>,
}

impl EventBatch {
    /// Merges the converted `batch` in file order: counts its rows, lists
    /// its rejects and another shard's rows, and moves each kept event to
    /// `kept` with its ticket, its labels interned in `strings` (the same
    /// for a whole read and a read by windows).
    fn merge(
        &mut self,
        batch: &super::pipeline::Batch,
        strings: &mut Strings,
        rejects: &mut Vec<Reject>,
        stats: &mut LoadStats,
        kept: &mut Vec<(u32, Event)>,
    ) {
        stats.event_rows += batch.len() as u64;
        let mut ids = Interned::new(&self.strings);
        for row in self.rows.drain(..) {
            match row {
                EventRow::Skip => stats.other_shard[1] += 1,
                EventRow::Reject(r) => rejects.push(r),
                EventRow::Keep(ticket, ev, local) => {
                    kept.push((ticket, ids.event(strings, ev, local)));
                }
            }
        }
    }
}

impl EventColumns {
    /// The columns of the events table `t`, for reading `shard`.
    fn of(t: &Table, shard: Option<crate::model::shard::Shard>) -> Self {
        EventColumns {
            shard,
            id: t.col("ticket_id"),
            at: t.col("at"),
            labels: [
                "status", "group", "assignee", "priority", "actor", "note",
            ]
            .map(|c| t.col(c)),
        }
    }

    /// Converts a batch: the same checks, in the same order, as a
    /// one-thread read (unknown ticket, unreadable `at`, empty status).
    fn convert(
        &self,
        batch: &super::pipeline::Batch,
        (by_id, tickets): (&TicketIndex, &[Ticket]),
        tz: Tz,
        place: &str,
        lang: Lang,
    ) -> EventBatch {
        let mut clock = InstantReader::new(tz);
        let mut labels = Labels::default();
        let mut rows = Vec::with_capacity(batch.len());
        let reject = |line: u64, col: &str, v: &str, reason: Msg| {
            EventRow::Reject(batch_reject(place, lang, line, col, v, reason))
        };
        // The ticket of the row before, then the one after it: a
        // ticket's events usually come together and in the tickets'
        // order, and ids are unique, so comparing with those first gives
        // the index's answer without hashing the id (nor a cache miss in
        // a table of millions).
        let mut last: Option<u32> = None;
        for (line, rec) in batch.rows() {
            let id = field(rec, self.id);
            if self.shard.is_some_and(|s| !s.keeps(id)) {
                rows.push(EventRow::Skip);
                continue;
            }
            let same = last.and_then(|k| {
                [k, k + 1].into_iter().find(|&j| {
                    tickets.get(j as usize).is_some_and(|t| t.id == id)
                })
            });
            let Some(ticket) = same.or_else(|| by_id.get(tickets, id)) else {
                rows.push(reject(
                    line,
                    "ticket_id",
                    id,
                    msg::TICKET_NOT_IN_TICKETS,
                ));
                continue;
            };
            let text = field(rec, self.at);
            let Ok(at) = clock.read(text) else {
                let reason = date_reason(text, &clock);
                rows.push(reject(line, "at", text, reason));
                continue;
            };
            if field(rec, self.labels[0]).is_empty() {
                rows.push(reject(line, "status", "", msg::EMPTY_STATUS));
                continue;
            }
            last = Some(ticket);
            let ids = self.labels.map(|c| labels.id(field(rec, c)));
            let ev = Event {
                at: at.unix(),
                line: line as u32,
                ..Event::default()
            };
            rows.push(EventRow::Keep(ticket, ev, ids));
        }
        EventBatch {
            rows,
            strings: labels.strings,
        }
    }
}

/// Why `text` is no instant: a date outside 1970..2099 (a typo in the
/// year) or text that does not read.
fn date_reason(text: &str, clock: &InstantReader) -> Msg {
    if Instant::parse_unchecked(text, clock.tz()).is_ok() {
        msg::IMPLAUSIBLE_DATE
    } else {
        msg::UNREADABLE_ISO_DATE
    }
}

#[cfg(test)]
mod tests {
    use super::Owners;
    use proptest::prelude::*;

    /// Pushes `seq` (tickets among `n`) and returns what the counting
    /// sort would be given: the counts and the listed owners.
    fn owners(n: usize, seq: &[u32]) -> (Vec<u32>, Option<Vec<u32>>) {
        let mut o = Owners::new(n);
        for &t in seq {
            o.push(t);
        }
        (o.offsets, o.listed)
    }

    /// A window's own strings are forgotten: their ids are free again,
    /// the earlier ones untouched.
    #[test]
    fn truncate_forgets_the_strings_after_the_mark() {
        let mut s = super::Strings::default();
        let (a, b) = (s.intern("Abierto"), s.intern("Nivel 1"));
        let mark = s.len();
        assert_eq!(s.intern("M. P. Z."), 3);
        assert_eq!(s.intern("Persona 01"), 4);
        assert_eq!(s.intern("Abierto"), a);
        s.truncate(mark);
        assert_eq!(s.len(), 3);
        assert_eq!(s.find("M. P. Z."), None);
        assert_eq!(s.find("Persona 01"), None);
        assert_eq!((s.find("Abierto"), s.find("Nivel 1")), (Some(a), Some(b)));
        assert_eq!((s.get(a), s.get(b)), ("Abierto", "Nivel 1"));
        assert_eq!(s.intern("Cerrado"), 3);
        assert_eq!(s.get(3), "Cerrado");
        s.truncate(0);
        assert_eq!(
            (s.len(), s.find(""), s.find("Abierto")),
            (1, Some(0), None)
        );
    }

    #[test]
    fn grouped_input_lists_nothing() {
        let (counts, listed) = owners(5, &[0, 0, 1, 3, 3, 3, 4]);
        assert_eq!(counts, [0, 2, 1, 0, 3, 1]);
        assert_eq!(listed, None);
    }

    #[test]
    fn the_first_event_out_of_order_lists_all_before_it() {
        let seq = [0, 0, 1, 3, 3, 2, 0, 4];
        let (counts, listed) = owners(5, &seq);
        assert_eq!(counts, [0, 3, 1, 1, 2, 1]);
        assert_eq!(listed.as_deref(), Some(&seq[..]));
    }

    proptest! {
        /// Every event goes to the ticket its id names, whatever the
        /// order of the events (grouped, in the tickets' order or not,
        /// unknown ids between them): the loader's guesses (the row
        /// before's ticket, the one after it) agree with the index.
        #[test]
        fn events_reach_their_tickets_in_any_order(
            n in 1usize..8,
            seq in proptest::collection::vec(0usize..10, 0..40)
        ) {
            use crate::io::input::Input;
            use std::fmt::Write as _;
            let mut tickets = String::from("ticket_id,opened_at\n");
            for k in 0..n {
                writeln!(tickets, "T{k},2026-01-01T00:00:00-05:00").unwrap();
            }
            let mut events = String::from("ticket_id,at,status\n");
            for (m, &k) in seq.iter().enumerate() {
                // Ids past the tickets' are unknown; instants grow with
                // the line, so a ticket's timeline is its file order.
                let id = if k < n { format!("T{k}") } else { format!("X{k}") };
                writeln!(
                    events,
                    "{id},2026-01-01T{:02}:{:02}:00-05:00,Nuevo",
                    1 + m / 60,
                    m % 60
                )
                .unwrap();
            }
            let ds = super::Dataset::load_inputs(
                [
                    Input::Bytes { name: "t.csv", bytes: tickets.as_bytes() },
                    Input::Bytes { name: "e.csv", bytes: events.as_bytes() },
                ],
                None,
                &[],
                chrono_tz::America::Bogota,
                crate::text::lang::Lang::En,
            )
            .unwrap();
            for k in 0..n {
                let got: Vec<u32> =
                    ds.events_of(k).iter().map(|e| e.line).collect();
                let want: Vec<u32> = (0..seq.len())
                    .filter(|&m| seq[m] == k)
                    .map(|m| m as u32 + 2)
                    .collect();
                prop_assert_eq!(got, want, "ticket T{}", k);
            }
            let unknown = seq.iter().filter(|&&k| k >= n).count();
            prop_assert_eq!(ds.rejects.len(), unknown);
        }

        /// Against the plain list of every event's ticket: counts per
        /// ticket, and the list exactly when the input is not sorted.
        #[test]
        fn owners_equal_the_plain_list(
            seq in proptest::collection::vec(0u32..6, 0..60)
        ) {
            let (counts, listed) = owners(6, &seq);
            let mut want = vec![0u32; 7];
            for &t in &seq {
                want[t as usize + 1] += 1;
            }
            prop_assert_eq!(counts, want);
            if seq.is_sorted() {
                prop_assert_eq!(listed, None);
            } else {
                prop_assert_eq!(listed, Some(seq));
            }
        }
    }
}
