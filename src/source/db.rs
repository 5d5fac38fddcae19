//! The database sources: outputs of `queries/glpi/*.sql` (`glpi-db`),
//! `queries/ca_sdm/*.sql` (`ca-sdm`) and `queries/aranda/*.sql`
//! (`aranda`), saved by the user's SQL client as CSV or TSV.
//!
//! Each input is recognised by its header: a ticket table has
//! `ticket_id` and `opened_at` (CA SDM: `opened_at_epoch`); an event
//! table `ticket_id` and `at` (`at_epoch`); a survey table `answered_at`.
//! The queries already emit canonical names; a mapping's `[tickets]`
//! section may rename columns (canonical = "source column", e.g. for an
//! Aranda query edited by hand). The word `NULL` (mysql `--batch`,
//! sqlcmd) is an empty value.
//!
//! Per source:
//! - `glpi-db`: `status` values are GLPI codes. GLPI does not log a
//!   ticket's first status: an event at the opening is derived from the
//!   first change's `old_status` (or, with no change logged, from the
//!   ticket's current `status`).
//! - `ca-sdm`: epoch-second columns are converted in the zone given
//!   (`--timezone` or the policy's, never a fixed offset); `*_epoch`
//!   attributes become ISO 8601 columns without the suffix. The new status
//!   of an `ST` row is the first group of a regex on `description`
//!   (`--status-pattern`, or `[ca_sdm] status_pattern`; default: the last
//!   single-quoted text, as `Status changed from 'Open' to 'Work In
//!   Progress'`). `INIT` rows are accepted and give no event.
//! - `aranda`: `status` (the label), or `status_id` when the label is
//!   empty.
//!
//! # Example
//!
//! ```
//! use plazo::source::db::DEFAULT_STATUS_PATTERN;
//! let re = regex::Regex::new(DEFAULT_STATUS_PATTERN).unwrap();
//! let c = re.captures("Status changed from 'Open' to 'Work In Progress'").unwrap();
//! assert_eq!(&c[1], "Work In Progress");
//! ```

use std::collections::HashMap;

use crate::error::{Error, Result};
use crate::io::input::Input;
use crate::model::builder::{Builder, EventExtra, Origin};
use crate::source::generic::clean_id;
use crate::source::mapping::Mapping;
use crate::source::{Options, Source, surveys};
use crate::text::msg::source as msg;
use crate::time::Instant;
use crate::time::dates::DateFormat;

/// The default CA SDM status pattern: the last single-quoted text.
pub const DEFAULT_STATUS_PATTERN: &str = r"'([^']*)'\s*\.?\s*$";

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Kind {
    Tickets,
    Events,
    Surveys,
}

fn kind_of(header: &[String]) -> Option<Kind> {
    let has = |c: &str| header.iter().any(|h| h == c);
    if has("answered_at") {
        Some(Kind::Surveys)
    } else if has("opened_at") || has("opened_at_epoch") {
        Some(Kind::Tickets)
    } else if (has("at") || has("at_epoch"))
        && (has("status") || has("description"))
    {
        Some(Kind::Events)
    } else {
        None
    }
}

/// Reads every input of a database source into `b`.
///
/// # Errors
///
/// An input that is none of the expected tables, a missing column, an
/// invalid status pattern, an undeterminable date format.
pub fn read_all(opts: &Options, b: &mut Builder) -> Result<()> {
    let inputs: Vec<Input<'_>> = opts.inputs.iter().map(Input::from).collect();
    read_inputs(opts, &inputs, b)
}

/// Reads `inputs` (files or bytes) as a database source into `b`:
/// [`read_all`] with the tables given instead of `opts.inputs`.
///
/// # Errors
///
/// As [`read_all`].
pub fn read_inputs(
    opts: &Options,
    inputs: &[Input<'_>],
    b: &mut Builder,
) -> Result<()> {
    let empty = Mapping::default();
    let m = opts.mapping.as_ref().unwrap_or(&empty);
    let sep = m.separator()?;
    let mut by_kind: Vec<(Kind, Input<'_>)> = Vec::new();
    for &p in inputs {
        let input = p.csv(opts.encoding, sep)?;
        let header = renamed_header(&input.header, m);
        let Some(k) = kind_of(&header) else {
            return Err(Error::input_msg(
                msg::UNRECOGNISED_TABLE,
                &[("file", &input.name)],
            ));
        };
        by_kind.push((k, p));
    }
    by_kind.sort_by_key(|(k, _)| *k as u8);
    let pattern = opts
        .status_pattern
        .clone()
        .or_else(|| m.ca_sdm.status_pattern.clone())
        .unwrap_or_else(|| DEFAULT_STATUS_PATTERN.to_string());
    let quoted = format!("{pattern:?}");
    let re = regex::Regex::new(&pattern).map_err(|e| {
        Error::input_msg(
            msg::INVALID_STATUS_PATTERN,
            &[("pattern", &quoted), ("detail", &e)],
        )
    })?;
    if re.captures_len() < 2 {
        return Err(Error::input_msg(
            msg::STATUS_PATTERN_NO_GROUP,
            &[("pattern", &quoted)],
        ));
    }
    let mut st = State::default();
    for (k, p) in by_kind {
        match k {
            Kind::Tickets => tickets(opts, m, p, b, &mut st)?,
            Kind::Events => events(opts, m, p, b, &mut st, &re)?,
            Kind::Surveys => surveys::read(opts, p, b)?,
        }
    }
    if opts.source == Source::GlpiDb {
        // GLPI logs changes only: the status at opening is the first
        // change's old value, or the current status when nothing changed.
        let mut n = 0;
        for (id, (opened, status)) in &st.tickets {
            let initial = match st.first_old.get(id) {
                Some((_, _, old)) => old.clone(),
                None => status.clone(),
            };
            if !initial.is_empty() {
                b.event(
                    id,
                    *opened,
                    &initial,
                    EventExtra::default(),
                    Origin::synthesized(0),
                );
                n += 1;
            }
        }
        b.note(msg::GLPI_DB_INITIAL_EVENTS, &[("count", &n)]);
    }
    if st.init_rows > 0 {
        b.note(msg::CA_SDM_INIT_ROWS, &[("count", &st.init_rows)]);
    }
    Ok(())
}

#[derive(Default)]
struct State {
    /// id -> (opening, current status).
    tickets: Vec<(String, (Instant, String))>,
    /// id -> (at, line, old_status) of the first logged change.
    first_old: HashMap<String, (Instant, u64, String)>,
    init_rows: u64,
}

/// The header with `[tickets]` renames applied (source -> canonical).
fn renamed_header(header: &[String], m: &Mapping) -> Vec<String> {
    let mut ren: HashMap<&str, &str> = HashMap::new();
    for (canon, src) in &m.tickets.columns {
        ren.insert(src.as_str(), canon.as_str());
    }
    if let Some(s) = &m.tickets.ticket_id {
        ren.insert(s.as_str(), "ticket_id");
    }
    if let Some(s) = &m.tickets.opened_at {
        ren.insert(s.as_str(), "opened_at");
    }
    header
        .iter()
        .map(|h| ren.get(h.as_str()).map_or(h.clone(), |c| c.to_string()))
        .collect()
}

fn clean(m: &Mapping, v: &str) -> String {
    let t = v.trim();
    if t == "NULL" {
        return String::new();
    }
    m.clean(t, false).into_owned()
}

fn date_format(
    opts: &Options,
    path: Input<'_>,
    sep: Option<u8>,
    col: usize,
    name: &str,
    m: &Mapping,
) -> Result<DateFormat> {
    if name.ends_with("_epoch") {
        return Ok(DateFormat::Epoch);
    }
    if let Some(f) = opts.date_format.clone() {
        return Ok(f);
    }
    if let Some(f) = m
        .input
        .date_format
        .as_deref()
        .and_then(DateFormat::from_user)
    {
        return Ok(f);
    }
    let vals = path.csv(opts.encoding, sep)?.column_values(&[col])?;
    let vals: Vec<String> = vals[0].iter().map(|v| clean(m, v)).collect();
    DateFormat::detect(name, vals.iter().map(String::as_str))
        .map_err(|e| e.at(&path.name()))
}

/// A row's ticket id and instant (column `date_col` read with `fmt`);
/// `None` after counting the row and, when unusable, rejecting it.
#[allow(clippy::too_many_arguments)]
fn row_key(
    b: &mut Builder,
    m: &Mapping,
    file: u32,
    row: &crate::io::csv::Row,
    id_col: usize,
    date_col: usize,
    header: &[String],
    fmt: &DateFormat,
) -> Option<(String, Instant)> {
    if !b.start_row(file, row) {
        return None;
    }
    let f = &row.fields;
    let id = clean_id(&clean(m, &f[id_col]));
    if id.is_empty() {
        b.reject_missing_id(file, row.line, "ticket_id", &f[id_col]);
        return None;
    }
    match fmt.parse(&clean(m, &f[date_col]), b.tz()) {
        Some(t) => Some((id, t)),
        None => {
            b.reject_date(
                file,
                row.line,
                &header[date_col],
                &f[date_col],
                fmt,
            );
            None
        }
    }
}

/// Reads a ticket table (`tickets.sql` output) into `b`.
fn tickets(
    opts: &Options,
    m: &Mapping,
    path: Input<'_>,
    b: &mut Builder,
    st: &mut State,
) -> Result<()> {
    let sep = m.separator()?;
    let mut input = path.csv(opts.encoding, sep)?;
    let header = renamed_header(&input.header, m);
    let col = |n: &str| header.iter().position(|h| h == n);
    let id_col = col("ticket_id")
        .map_or_else(|| input.require("ticket_id", "ticket_id"), Ok)?;
    let open_col = col("opened_at")
        .or_else(|| col("opened_at_epoch"))
        .unwrap_or(0);
    let open_fmt =
        date_format(opts, path, sep, open_col, &header[open_col], m)?;
    // Attribute names: `*_epoch` -> converted, suffix dropped.
    let names: Vec<String> = header
        .iter()
        .map(|h| h.strip_suffix("_epoch").unwrap_or(h).to_string())
        .collect();
    let status_col = col("status");
    let file = b.begin_file(&input.name, "tickets", input.encoding.name());
    let tz = b.tz();
    while let Some(row) = input.next_row()? {
        let Some((id, opened)) =
            row_key(b, m, file, &row, id_col, open_col, &header, &open_fmt)
        else {
            continue;
        };
        let line = row.line;
        let f = &row.fields;
        if b.has_ticket(&id) {
            b.reject(file, line, "ticket_id", &id, msg::REPEATED_TICKET, &[]);
            continue;
        }
        let mut vals: Vec<(&str, String)> = Vec::with_capacity(f.len());
        let mut bad = false;
        for (c, v) in f.iter().enumerate() {
            if c == id_col || c == open_col {
                continue;
            }
            let mut v = clean(m, v);
            if header[c].ends_with("_epoch") && !v.is_empty() {
                match v.parse::<i64>() {
                    Ok(s) => v = Instant::from_unix(s).to_rfc3339(tz),
                    Err(_) => {
                        b.reject(
                            file,
                            line,
                            &header[c],
                            &v.clone(),
                            msg::EXPECTED_EPOCH_SECONDS,
                            &[],
                        );
                        bad = true;
                        break;
                    }
                }
            }
            vals.push((names[c].as_str(), v));
        }
        if bad {
            continue; // rejected above
        }
        let status = status_col.map(|c| clean(m, &f[c])).unwrap_or_default();
        b.upsert_ticket(
            &id,
            Some(opened),
            &vals,
            false,
            Origin::row(file, line),
        );
        st.tickets.push((id, (opened, status)));
        b.accept(file);
    }
    Ok(())
}

/// Reads an event table (`events.sql` output) into `b`.
fn events(
    opts: &Options,
    m: &Mapping,
    path: Input<'_>,
    b: &mut Builder,
    st: &mut State,
    re: &regex::Regex,
) -> Result<()> {
    let sep = m.separator()?;
    let mut input = path.csv(opts.encoding, sep)?;
    let header = renamed_header(&input.header, m);
    let col = |n: &str| header.iter().position(|h| h == n);
    let id_col = col("ticket_id")
        .map_or_else(|| input.require("ticket_id", "ticket_id"), Ok)?;
    let at_col = col("at").or_else(|| col("at_epoch")).unwrap_or(0);
    let at_fmt = date_format(opts, path, sep, at_col, &header[at_col], m)?;
    let cols = EventColumns {
        status: col("status"),
        status_id: col("status_id"),
        old: col("old_status"),
        typ: col("type"),
        desc: col("description"),
        extra: ["group", "assignee", "priority", "actor", "note"].map(col),
        ca_sdm: opts.source == Source::CaSdm,
    };
    if cols.ca_sdm && cols.desc.is_none() && cols.status.is_none() {
        input.require("description", "description")?;
    }
    let file = b.begin_file(&input.name, "events", input.encoding.name());
    while let Some(row) = input.next_row()? {
        let Some((id, at)) =
            row_key(b, m, file, &row, id_col, at_col, &header, &at_fmt)
        else {
            continue;
        };
        let line = row.line;
        let f = &row.fields;
        let status = match cols.status_of(m, re, f) {
            Status::Label(s) => s,
            Status::Init => {
                st.init_rows += 1;
                b.accept(file);
                continue;
            }
            Status::NoMatch(d) => {
                let reason = msg::STATUS_PATTERN_NO_MATCH;
                b.reject(file, line, "description", d, reason, &[]);
                continue;
            }
        };
        if status.is_empty() {
            let reason = crate::text::msg::model::EMPTY_STATUS;
            b.reject(file, line, "status", "", reason, &[]);
            continue;
        }
        if let Some(c) = cols.old {
            st.first_change(&id, (at, line), clean(m, &f[c]));
        }
        let mut extra = EventExtra::default();
        for (k, c) in cols.extra.iter().enumerate() {
            if let Some(c) = c {
                extra[k] = clean(m, &f[*c]);
            }
        }
        b.event(&id, at, &status, extra, Origin::row(file, line));
        b.accept(file);
    }
    Ok(())
}

/// The columns of an event table, by index.
struct EventColumns {
    status: Option<usize>,
    status_id: Option<usize>,
    old: Option<usize>,
    typ: Option<usize>,
    desc: Option<usize>,
    /// Optional event columns: group, assignee, priority, actor, note.
    extra: [Option<usize>; 5],
    /// A CA SDM activity log (the status is found in `description`).
    ca_sdm: bool,
}

/// An event row's status.
enum Status<'r> {
    /// The new status (empty when the row has none).
    Label(String),
    /// A CA SDM `INIT` row: accepted, no event.
    Init,
    /// A CA SDM description the status pattern does not match.
    NoMatch(&'r str),
}

impl EventColumns {
    /// The status of the row `f`: CA SDM's from its description through
    /// `re`; otherwise `status`, or `status_id` when the label is empty.
    fn status_of<'r>(
        &self,
        m: &Mapping,
        re: &regex::Regex,
        f: &'r [String],
    ) -> Status<'r> {
        if self.ca_sdm && self.desc.is_some() {
            let typ = self.typ.map(|c| clean(m, &f[c])).unwrap_or_default();
            if typ == "INIT" {
                return Status::Init;
            }
            let d = self.desc.map(|c| f[c].as_str()).unwrap_or("");
            return match re.captures(d).and_then(|c| c.get(1)) {
                Some(s) => Status::Label(s.as_str().trim().to_string()),
                None => Status::NoMatch(d),
            };
        }
        let s = self.status.map(|c| clean(m, &f[c])).unwrap_or_default();
        if s.is_empty() {
            Status::Label(
                self.status_id.map(|c| clean(m, &f[c])).unwrap_or_default(),
            )
        } else {
            Status::Label(s)
        }
    }
}

impl State {
    /// Records `old`, the status before a change of ticket `id` at
    /// `when` (instant, line), if that change is the ticket's first.
    fn first_change(&mut self, id: &str, when: (Instant, u64), old: String) {
        let e = self.first_old.entry(id.to_string()).or_insert((
            when.0,
            when.1,
            old.clone(),
        ));
        if when < (e.0, e.1) {
            *e = (when.0, when.1, old);
        }
    }
}
