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
//! assert_eq!(out.events[0].status, "Open");
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use std::path::Path;

use crate::error::{Error, Result};
use crate::io::csv::CsvInput;
use crate::model::builder::{Builder, EventExtra, NO_VALUES, Origin};
use crate::source::Options;
use crate::source::mapping::Mapping;
use crate::text::msg::source as msg;
use crate::time::dates::DateFormat;

/// Reads one event log into `b`.
///
/// # Errors
///
/// A mapped column is missing, a date column's format cannot be
/// determined, or the file cannot be read.
pub fn read(
    opts: &Options,
    m: &Mapping,
    path: &Path,
    b: &mut Builder,
) -> Result<()> {
    let sep = m.separator()?;
    let mut input = CsvInput::open(path, opts.encoding, sep)?;
    let need = |what: &str, v: &Option<String>| -> Result<String> {
        v.clone().ok_or_else(|| {
            Error::input_msg(msg::MAPPING_NEEDS, &[("key", &what)])
        })
    };
    let id_col = input.require(
        &need("[tickets] ticket_id", &m.tickets.ticket_id)?,
        "[tickets] ticket_id",
    )?;
    let at_col =
        input.require(&need("[events] at", &m.events.at)?, "[events] at")?;
    let status_cols: Vec<usize> = match &m.events.status {
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
    let opened_col = match &m.tickets.opened_at {
        Some(c) => Some(input.require(c, "[tickets] opened_at")?),
        None => None,
    };
    let mut ticket_cols: Vec<(&str, usize, bool)> = Vec::new();
    for (canon, src) in &m.tickets.columns {
        let numeric = canon == "affected_users";
        ticket_cols.push((
            canon.as_str(),
            input.require(src, &format!("[tickets] {canon}"))?,
            numeric,
        ));
    }
    for a in &m.tickets.attributes {
        ticket_cols.push((
            a.as_str(),
            input.require(a, "[tickets] attributes")?,
            true,
        ));
    }
    let extra_names = [
        &m.events.group,
        &m.events.assignee,
        &m.events.priority,
        &m.events.actor,
        &m.events.note,
    ];
    let mut extra_cols = [None; 5];
    for (k, n) in extra_names.iter().enumerate() {
        if let Some(n) = n {
            extra_cols[k] = Some(input.require(n, "[events]")?);
        }
    }
    // Date formats: explicit, or detected per column on a first pass.
    let fmt_of = |specific: &Option<String>| {
        specific
            .as_deref()
            .or(m.input.date_format.as_deref())
            .and_then(DateFormat::from_user)
            .or_else(|| opts.date_format.clone())
    };
    let mut at_fmt = fmt_of(&m.events.at_format);
    let mut open_fmt = fmt_of(&m.tickets.opened_at_format);
    if at_fmt.is_none() || (opened_col.is_some() && open_fmt.is_none()) {
        let mut cols = vec![at_col];
        cols.extend(opened_col);
        let vals =
            CsvInput::open(path, opts.encoding, sep)?.column_values(&cols)?;
        let name = |c: usize| input.header[c].clone();
        if at_fmt.is_none() {
            let v = vals[0]
                .iter()
                .map(|v| m.clean(v, false))
                .collect::<Vec<_>>();
            at_fmt = Some(
                DateFormat::detect(
                    &name(at_col),
                    v.iter().map(|s| s.as_ref()),
                )
                .map_err(|e| e.at(&input.name))?,
            );
        }
        if let (Some(c), None) = (opened_col, &open_fmt) {
            let v = vals[1]
                .iter()
                .map(|v| m.clean(v, false))
                .collect::<Vec<_>>();
            open_fmt = Some(
                DateFormat::detect(&name(c), v.iter().map(|s| s.as_ref()))
                    .map_err(|e| e.at(&input.name))?,
            );
        }
    }
    let at_fmt = at_fmt.unwrap_or(DateFormat::Iso);
    let open_fmt = open_fmt.unwrap_or(DateFormat::Iso);
    let tz = b.tz();
    let kind = if m.events.snapshot {
        "snapshots"
    } else {
        "events"
    };
    let file = b.begin_file(&input.name, kind, input.encoding.name());
    let names: Vec<String> = input.header.clone();
    let mut status = String::new();
    while let Some(row) = input.next_row()? {
        if !b.start_row(file, &row) {
            continue;
        }
        let line = row.line;
        let f = &row.fields;
        let id = clean_id(&m.clean(&f[id_col], false));
        if id.is_empty() {
            b.reject_missing_id(file, line, &names[id_col], &f[id_col]);
            continue;
        }
        let at_raw = m.clean(&f[at_col], false);
        let Some(at) = at_fmt.parse(&at_raw, tz) else {
            b.reject_date(file, line, &names[at_col], &f[at_col], &at_fmt);
            continue;
        };
        status.clear();
        for (k, &c) in status_cols.iter().enumerate() {
            let v = m.clean(&f[c], false);
            if v.is_empty() {
                continue;
            }
            if k > 0 && !status.is_empty() {
                status.push_str(" - ");
            }
            status.push_str(&v);
        }
        if status.is_empty() || m.events.status_null_values.contains(&status) {
            let c = status_cols[0];
            b.reject(
                file,
                line,
                &names[c],
                &f[c],
                msg::EMPTY_OR_NULL_STATUS,
                &[],
            );
            continue;
        }
        let opened = match opened_col {
            Some(c) => {
                let v = m.clean(&f[c], false);
                match open_fmt.parse(&v, tz) {
                    Some(t) => Some(t),
                    None if v.is_empty() => None,
                    None => {
                        b.reject_date(file, line, &names[c], &f[c], &open_fmt);
                        continue;
                    }
                }
            }
            None => None,
        };
        let known = b.has_ticket(&id);
        if !known || m.events.snapshot {
            let vals: Vec<(&str, std::borrow::Cow<str>)> = ticket_cols
                .iter()
                .map(|&(canon, c, num)| (canon, m.clean(&f[c], num)))
                .collect();
            let opened = opened.or(if known { None } else { Some(at) });
            b.upsert_ticket(&id, opened, &vals, true, Origin::row(file, line));
        }
        if opened_col.is_none()
            && let Some(o) = b.opened_at(&id)
            && at < o
        {
            // No opening column: the opening is the earliest event.
            b.upsert_ticket(
                &id,
                Some(at),
                NO_VALUES,
                true,
                Origin::row(file, line),
            );
        }
        let mut extra = EventExtra::default();
        for (k, c) in extra_cols.iter().enumerate() {
            if let Some(c) = c {
                extra[k] = m.clean(&f[*c], false).into_owned();
            }
        }
        b.event(&id, at, &status, extra, Origin::row(file, line));
        b.accept(file);
    }
    Ok(())
}

/// A ticket id as written by people and spreadsheets: trimmed, and when
/// it is a number with (non-breaking) space thousands separators
/// (`5 732 943`), without them.
pub fn clean_id(s: &str) -> String {
    let t = s.trim_matches(|c: char| c.is_whitespace() || c == '\u{a0}');
    let is_sep = |c: char| c == ' ' || c == '\u{a0}' || c == '\u{202f}';
    if t.contains(is_sep) && t.chars().all(|c| c.is_ascii_digit() || is_sep(c))
    {
        return t.chars().filter(|c| c.is_ascii_digit()).collect();
    }
    t.to_string()
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
