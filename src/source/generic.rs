//! The generic source: any event log with one row per event (process-mining
//! logs: case, activity, timestamp) or per ticket snapshot (ServiceNow:
//! each row is the ticket after one update), read through a
//! [`Mapping`].
//!
//! Each row gives one status event (`[events] at` and `status`) and the
//! ticket's columns (`[tickets]`); a ticket's columns come from its first
//! row, or with `snapshot = true` from its last row in file order. A
//! ticket's `opened_at` is the mapped column, or its earliest event.
//!
//! # Example
//!
//! ```
//! use plazo::model::Builder;
//! use plazo::source::{generic, mapping::Mapping};
//! # fn opts() -> plazo::source::Options { plazo::source::Options {
//! #  source: plazo::source::Source::Generic, inputs: vec![], surveys: vec![],
//! #  mapping: None, tz: chrono_tz::UTC, encoding: Default::default(),
//! #  date_format: None, status_pattern: None, lang: Default::default() } }
//! let m = Mapping::from_toml(r#"
//!     [tickets]
//!     ticket_id = "case"
//!     [events]
//!     at = "ts"
//!     status = "activity"
//! "#, "m.toml")?;
//! let dir = std::env::temp_dir().join("plazo-doc-generic");
//! std::fs::create_dir_all(&dir)?;
//! let f = dir.join("log.csv");
//! std::fs::write(&f, "case,activity,ts\nC1,Open,2026/1/2 8:00:00\n")?;
//! let mut b = Builder::new(chrono_tz::UTC, Default::default());
//! generic::read(&opts(), &m, &f, &mut b)?;
//! let out = b.finish()?;
//! assert_eq!(&*out.events[0].status, "Open");
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use crate::error::{Error, Result};
use std::borrow::Cow;

use crate::io::csv::{CsvInput, Row};
use crate::io::input::Input;
use crate::model::builder::{Builder, Origin};
use crate::source::Options;
use crate::source::mapping::Mapping;
use crate::text::msg::source as msg;
use crate::time::Instant;
use crate::time::dates::{DateFormat, DateReader};

/// Reads one event log into `b`.
///
/// # Errors
///
/// A mapped column is missing, a date column's format cannot be
/// determined, or the file cannot be read.
pub fn read<'a>(
    opts: &Options,
    m: &Mapping,
    path: impl Into<Input<'a>>,
    b: &mut Builder,
) -> Result<()> {
    let path = path.into();
    let sep = m.separator()?;
    let mut input = path.csv(opts.encoding, sep)?;
    let cols = Columns::find(m, &input)?;
    let (at_fmt, open_fmt) =
        date_formats(opts, m, (path, sep), &input, &cols)?;
    let kind = if m.events.snapshot {
        "snapshots"
    } else {
        "events"
    };
    let file = b.begin_file(&input.name, kind, input.encoding.name());
    let mut log = Log {
        m,
        at: DateReader::new(&at_fmt, b.tz()),
        open: DateReader::new(&open_fmt, b.tz()),
        cols,
        at_fmt,
        open_fmt,
        names: input.header.clone(),
        file,
        slots: Vec::new(),
        status: String::new(),
    };
    pipeline(&mut input, |rows| {
        for row in rows {
            if b.start_row(file, row) {
                log.row(b, row);
            }
        }
    })
}

/// Rows per batch handed from the reading thread to the one that uses
/// them.
const BATCH: usize = 2048;

/// Reads `input`'s rows on this thread and hands them, in batches and in
/// file order, to `each` on a second one: splitting and decoding the CSV
/// overlaps with reading dates and building tables (two cores). Batches
/// and their rows' buffers go back and forth, reused.
///
/// # Errors
///
/// Reading the file failed (what [`CsvInput::next_row_into`] says).
fn pipeline(
    input: &mut CsvInput,
    mut each: impl FnMut(&[Row]) + Send,
) -> Result<()> {
    use std::sync::mpsc::sync_channel;
    let (full_tx, full_rx) = sync_channel::<(Vec<Row>, usize)>(4);
    let (empty_tx, empty_rx) = sync_channel::<Vec<Row>>(6);
    std::thread::scope(|s| {
        s.spawn(move || {
            for (batch, n) in full_rx {
                each(&batch[..n]);
                // The reader may be gone (an error): then this batch is
                // simply dropped.
                let _ = empty_tx.send(batch);
            }
        });
        let mut read = || -> Result<()> {
            let mut spare = 6;
            loop {
                let mut batch = if spare > 0 {
                    spare -= 1;
                    vec![Row::default(); BATCH]
                } else {
                    match empty_rx.recv() {
                        Ok(b) => b,
                        Err(_) => return Ok(()),
                    }
                };
                let mut n = 0;
                while n < BATCH && input.next_row_into(&mut batch[n])? {
                    n += 1;
                }
                if n > 0 && full_tx.send((batch, n)).is_err() {
                    return Ok(());
                }
                if n < BATCH {
                    return Ok(());
                }
            }
        };
        let done = read();
        // The user's thread ends when it has seen every batch sent.
        drop(full_tx);
        done
    })
}

/// The columns of an event log that the mapping names, by index.
struct Columns<'m> {
    id: usize,
    at: usize,
    /// The status column, or the columns joined into the status.
    status: Vec<usize>,
    opened: Option<usize>,
    /// Ticket columns: canonical (or attribute) name, index, numeric.
    ticket: Vec<(&'m str, usize, bool)>,
    /// Optional event columns: group, assignee, priority, actor, note.
    extra: [Option<usize>; 5],
}

impl<'m> Columns<'m> {
    /// Finds every column `m` names in `input`'s header.
    fn find(m: &'m Mapping, input: &CsvInput) -> Result<Columns<'m>> {
        let need = |what: &str, v: &Option<String>| -> Result<String> {
            v.clone().ok_or_else(|| {
                Error::input_msg(msg::MAPPING_NEEDS, &[("key", &what)])
            })
        };
        let id = input.require(
            &need("[tickets] ticket_id", &m.tickets.ticket_id)?,
            "[tickets] ticket_id",
        )?;
        let at = input
            .require(&need("[events] at", &m.events.at)?, "[events] at")?;
        let status: Vec<usize> = match &m.events.status {
            None => {
                return Err(Error::input_msg(
                    msg::MAPPING_NEEDS,
                    &[("key", &"[events] status")],
                ));
            }
            Some(c) => c
                .names()
                .iter()
                .map(|n| input.require(n, "[events] status"))
                .collect::<Result<_>>()?,
        };
        let opened = match &m.tickets.opened_at {
            Some(c) => Some(input.require(c, "[tickets] opened_at")?),
            None => None,
        };
        let mut ticket: Vec<(&str, usize, bool)> = Vec::new();
        for (canon, src) in &m.tickets.columns {
            let numeric = canon == "affected_users";
            let key = format!("[tickets] {canon}");
            ticket.push((canon.as_str(), input.require(src, &key)?, numeric));
        }
        for a in &m.tickets.attributes {
            let c = input.require(a, "[tickets] attributes")?;
            ticket.push((a.as_str(), c, true));
        }
        let e = &m.events;
        let mut extra = [None; 5];
        for (k, n) in [&e.group, &e.assignee, &e.priority, &e.actor, &e.note]
            .iter()
            .enumerate()
        {
            if let Some(n) = n {
                extra[k] = Some(input.require(n, "[events]")?);
            }
        }
        Ok(Columns {
            id,
            at,
            status,
            opened,
            ticket,
            extra,
        })
    }
}

/// The formats of the event instant and of the opening: as the mapping
/// or the options give them, else detected per column on a first pass
/// over `file` (the path and separator), else ISO 8601.
fn date_formats(
    opts: &Options,
    m: &Mapping,
    file: (Input<'_>, Option<u8>),
    input: &CsvInput,
    cols: &Columns<'_>,
) -> Result<(DateFormat, DateFormat)> {
    let fmt_of = |specific: &Option<String>| {
        specific
            .as_deref()
            .or(m.input.date_format.as_deref())
            .and_then(DateFormat::from_user)
            .or_else(|| opts.date_format.clone())
    };
    let mut at_fmt = fmt_of(&m.events.at_format);
    let mut open_fmt = fmt_of(&m.tickets.opened_at_format);
    if at_fmt.is_none() || (cols.opened.is_some() && open_fmt.is_none()) {
        let mut wanted = vec![cols.at];
        wanted.extend(cols.opened);
        let vals =
            file.0.csv(opts.encoding, file.1)?.column_values(&wanted)?;
        let detect = |c: usize, values: &[String]| {
            let v: Vec<_> = values.iter().map(|v| m.clean(v, false)).collect();
            DateFormat::detect(&input.header[c], v.iter().map(|s| s.as_ref()))
                .map_err(|e| e.at(&input.name))
        };
        if at_fmt.is_none() {
            at_fmt = Some(detect(cols.at, &vals[0])?);
        }
        if let (Some(c), None) = (cols.opened, &open_fmt) {
            open_fmt = Some(detect(c, &vals[1])?);
        }
    }
    Ok((
        at_fmt.unwrap_or(DateFormat::Iso),
        open_fmt.unwrap_or(DateFormat::Iso),
    ))
}

/// What reading one event log's rows needs.
struct Log<'m> {
    m: &'m Mapping,
    cols: Columns<'m>,
    at_fmt: DateFormat,
    open_fmt: DateFormat,
    /// The header, for rejects.
    names: Vec<String>,
    /// The builder's index of the file.
    file: u32,
    /// Readers of `at_fmt` and `open_fmt`.
    at: DateReader,
    open: DateReader,
    /// The builder's column of each of `cols.ticket` (set at the first
    /// ticket, so that a log without one adds no attribute column).
    slots: Vec<usize>,
    /// The row's status, a buffer reused row after row.
    status: String,
}

impl Log<'_> {
    /// One row (counted as read): a status event and its ticket's
    /// columns, or a reject.
    fn row(&mut self, b: &mut Builder, row: &Row) {
        let (m, file, line) = (self.m, self.file, row.line);
        let f = &row.fields;
        let id_col = self.cols.id;
        let raw_id = m.clean(&f[id_col], false);
        let id = clean_id_ref(&raw_id);
        if id.is_empty() {
            b.reject_missing_id(file, line, &self.names[id_col], &f[id_col]);
            return;
        }
        let at_col = self.cols.at;
        let Some(at) = self.at.parse(&m.clean(&f[at_col], false)) else {
            let (name, raw) = (&self.names[at_col], &f[at_col]);
            b.reject_date(file, line, name, raw, &self.at_fmt);
            return;
        };
        if !self.status(f) {
            let c = self.cols.status[0];
            let reason = msg::EMPTY_OR_NULL_STATUS;
            b.reject(file, line, &self.names[c], &f[c], reason, &[]);
            return;
        }
        let Some(opened) = self.opened(b, row) else {
            return;
        };
        let origin = Origin::row(file, line);
        let (t, new) = b.ticket(&id, origin);
        if new || m.events.snapshot {
            if self.slots.len() != self.cols.ticket.len() {
                self.slots =
                    self.cols.ticket.iter().map(|c| b.column(c.0)).collect();
            }
            for (&(_, c, num), &slot) in
                self.cols.ticket.iter().zip(&self.slots)
            {
                b.set_value(t, slot, &m.clean(&f[c], num));
            }
            if let Some(o) = opened.or(new.then_some(at)) {
                b.set_opened(t, o);
            }
        }
        if self.cols.opened.is_none()
            && let Some(o) = b.opened_of(t)
            && at < o
        {
            // No opening column: the opening is the earliest event.
            b.set_opened(t, at);
        }
        let extra: [Cow<str>; 5] = self.cols.extra.map(|c| match c {
            Some(c) => m.clean(&f[c], false),
            None => Cow::Borrowed(""),
        });
        b.event_of(
            t,
            at,
            &self.status,
            extra.each_ref().map(|v| &**v),
            origin,
        );
        b.accept(file);
    }

    /// Writes the row's status into `out` (several columns joined by
    /// ` - `); false when it is empty or one of `status_null_values`.
    fn status(&mut self, f: &[String]) -> bool {
        let out = &mut self.status;
        out.clear();
        for (k, &c) in self.cols.status.iter().enumerate() {
            let v = self.m.clean(&f[c], false);
            if v.is_empty() {
                continue;
            }
            if k > 0 && !out.is_empty() {
                out.push_str(" - ");
            }
            out.push_str(&v);
        }
        !out.is_empty() && !self.m.events.status_null_values.contains(out)
    }

    /// The row's opening (`Some(None)` when the mapping has no opening
    /// column or the cell is empty); `None` after rejecting an
    /// unreadable one.
    fn opened(
        &mut self,
        b: &mut Builder,
        row: &Row,
    ) -> Option<Option<Instant>> {
        let Some(c) = self.cols.opened else {
            return Some(None);
        };
        let v = self.m.clean(&row.fields[c], false);
        match self.open.parse(&v) {
            Some(t) => Some(Some(t)),
            None if v.is_empty() => Some(None),
            None => {
                let (name, raw) = (&self.names[c], &row.fields[c]);
                b.reject_date(self.file, row.line, name, raw, &self.open_fmt);
                None
            }
        }
    }
}

/// A ticket id as written by people and spreadsheets: trimmed, and when
/// it is a number with (non-breaking) space thousands separators
/// (`5 732 943`), without them.
pub fn clean_id(s: &str) -> String {
    clean_id_ref(s).into_owned()
}

/// [`clean_id`], borrowing `s` when nothing but trimming is needed.
pub fn clean_id_ref(s: &str) -> Cow<'_, str> {
    let t = s.trim_matches(|c: char| c.is_whitespace() || c == '\u{a0}');
    let is_sep = |c: char| c == ' ' || c == '\u{a0}' || c == '\u{202f}';
    if t.contains(is_sep) && t.chars().all(|c| c.is_ascii_digit() || is_sep(c))
    {
        return Cow::Owned(t.chars().filter(|c| c.is_ascii_digit()).collect());
    }
    Cow::Borrowed(t)
}

#[cfg(test)]
mod tests {
    use super::clean_id;

    #[test]
    fn ids_lose_thousands_separators_only_when_numeric() {
        assert_eq!(clean_id("5\u{a0}732\u{a0}943"), "5732943");
        assert_eq!(clean_id("5 732 943"), "5732943");
        assert_eq!(clean_id(" INC 12 "), "INC 12");
    }
}
