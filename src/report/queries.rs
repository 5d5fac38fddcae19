//! Custom indicators: Polars SQL files run over the report's tables.
//!
//! `plazo report --queries DIR` runs every `DIR/*.sql` (in name order)
//! against four tables and adds each result as a sheet named after the
//! file. The tables and their columns are listed in
//! `queries/indicators/README.md`; instants are ISO 8601 text with the
//! policy zone's offset (they sort and compare as text), durations whole
//! business seconds, booleans booleans.

use std::path::{Path, PathBuf};

use polars::prelude::*;
use polars::sql::SQLContext;

use crate::engine::SlaRow;
use crate::engine::frame::{Iso, b_col, f_col, frame, i_col, opt, s_col};
use crate::error::{Error, Result};
use crate::model::dataset::{Attr, Dataset};
use crate::text::msg;

use super::Context;

/// One cell of a query result.
#[derive(Clone, Debug, PartialEq)]
pub enum Value {
    /// Null.
    Null,
    /// A boolean.
    Bool(bool),
    /// Any number.
    Num(f64),
    /// Anything else, as text.
    Text(String),
}

/// A query's result, ready for a sheet.
#[derive(Clone, Debug)]
pub struct Query {
    /// The file it came from.
    pub file: PathBuf,
    /// The sheet name (the file's stem, cut to Excel's 31 characters).
    pub sheet: String,
    /// Column names.
    pub columns: Vec<String>,
    /// Rows of values.
    pub rows: Vec<Vec<Value>>,
}

/// A Polars failure on `file`, quoting Polars' message.
fn polars_err(file: &Path, e: impl std::fmt::Display) -> Error {
    Error::input_msg(
        msg::report::QUERY_FAILED,
        &[("file", &file.display()), ("detail", &e)],
    )
}

/// The `tickets` table: the canonical columns and any extra ones.
fn tickets(ds: &Dataset, iso: &mut Iso) -> PolarsResult<DataFrame> {
    let t = &ds.tickets;
    let mut cols = vec![
        s_col(
            "ticket_id",
            t.iter().map(|t| Some(t.id.to_string())).collect(),
        ),
        s_col(
            "opened_at",
            t.iter().map(|t| iso.at(Some(t.opened_at))).collect(),
        ),
    ];
    for a in Attr::ALL {
        cols.push(s_col(
            a.column(),
            t.iter().map(|t| opt(ds.strings.get(t.attr(a)))).collect(),
        ));
    }
    cols.push(i_col(
        "affected_users",
        t.iter().map(|t| t.affected_users).collect(),
    ));
    for (k, name) in ds.extra_columns.iter().enumerate() {
        if cols.iter().any(|c| c.name().as_str() == name) {
            continue;
        }
        cols.push(s_col(
            name,
            (0..t.len())
                .map(|i| opt(ds.strings.get(ds.extra_of(i)[k])))
                .collect(),
        ));
    }
    frame(cols)
}

/// The `events` table.
fn events(ds: &Dataset, iso: &mut Iso) -> PolarsResult<DataFrame> {
    let n = ds.events.len();
    let mut id = Vec::with_capacity(n);
    for i in 0..ds.tickets.len() {
        for _ in ds.events_of(i) {
            id.push(Some(ds.tickets[i].id.to_string()));
        }
    }
    let e = &ds.events;
    let st =
        |f: fn(&crate::model::dataset::Event) -> u32| -> Vec<Option<String>> {
            e.iter().map(|e| opt(ds.strings.get(f(e)))).collect()
        };
    frame(vec![
        s_col("ticket_id", id),
        s_col("at", e.iter().map(|e| iso.at(Some(e.at))).collect()),
        s_col("status", st(|e| e.status)),
        s_col("group", st(|e| e.group)),
        s_col("assignee", st(|e| e.assignee)),
        s_col("priority", st(|e| e.priority)),
        s_col("actor", st(|e| e.actor)),
        s_col("note", st(|e| e.note)),
    ])
}

/// The `surveys` table.
fn surveys(ds: &Dataset, iso: &mut Iso) -> PolarsResult<DataFrame> {
    let s = &ds.surveys;
    frame(vec![
        s_col(
            "ticket_id",
            s.iter()
                .map(|s| Some(ds.tickets[s.ticket as usize].id.to_string()))
                .collect(),
        ),
        s_col(
            "answered_at",
            s.iter().map(|s| iso.at(Some(s.answered_at))).collect(),
        ),
        f_col("score", s.iter().map(|s| Some(s.score)).collect()),
        f_col("max_score", s.iter().map(|s| s.max_score).collect()),
        s_col(
            "comment",
            s.iter().map(|s| opt(ds.strings.get(s.comment))).collect(),
        ),
    ])
}

/// The `sla` table: the per-ticket table's typed columns
/// ([`sla::frame::sla`](crate::engine::frame::sla)), plus
/// `opened_in_period`, `responded_in_period`, `solved_in_period` and
/// `closed_in_period`.
fn sla(c: &Context<'_>, iso: &mut Iso) -> PolarsResult<DataFrame> {
    let (ds, rows, p) = (c.ds, c.rows, c.period);
    let mut df = crate::engine::frame::sla_with(c.policy, ds, rows, iso)?;
    let inp = |f: fn(&SlaRow) -> Option<i64>| -> Vec<Option<bool>> {
        rows.iter()
            .map(|r| Some(f(r).is_some_and(|t| p.contains(t))))
            .collect()
    };
    let opened = rows
        .iter()
        .map(|r| Some(p.contains(ds.tickets[r.ticket as usize].opened_at)))
        .collect();
    for col in [
        b_col("opened_in_period", opened),
        b_col("responded_in_period", inp(|r| r.responded_at.get())),
        b_col("solved_in_period", inp(|r| r.solved_at.get())),
        b_col("closed_in_period", inp(|r| r.closed_at.get())),
    ] {
        df.with_column(col)?;
    }
    Ok(df)
}

/// The `*.sql` files of `dir`, in name order.
///
/// # Errors
///
/// An input error when `dir` cannot be read.
pub fn files(dir: &Path) -> Result<Vec<PathBuf>> {
    let rd = std::fs::read_dir(dir).map_err(|e| {
        Error::input_msg(
            msg::report::QUERY_DIR_UNREADABLE,
            &[("dir", &dir.display()), ("detail", &e)],
        )
    })?;
    let mut v: Vec<PathBuf> = rd
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| {
            p.extension().is_some_and(|e| e.eq_ignore_ascii_case("sql"))
        })
        .collect();
    v.sort();
    Ok(v)
}

/// A sheet name from a file stem: Excel's forbidden characters replaced,
/// at most 31 characters.
pub fn sheet_name(stem: &str) -> String {
    stem.chars()
        .map(|c| if "[]:*?/\\".contains(c) { '_' } else { c })
        .take(31)
        .collect()
}

fn value(v: AnyValue<'_>) -> Value {
    match v {
        AnyValue::Null => Value::Null,
        AnyValue::Boolean(b) => Value::Bool(b),
        AnyValue::String(s) => Value::Text(s.to_string()),
        AnyValue::StringOwned(s) => Value::Text(s.to_string()),
        other if other.dtype().is_primitive_numeric() => {
            other.extract::<f64>().map_or(Value::Null, Value::Num)
        }
        other => Value::Text(other.to_string()),
    }
}

/// Runs every query file of `dir` over the report's tables.
///
/// # Errors
///
/// An input error naming the file and quoting Polars' message when a
/// query fails.
pub fn run(c: &Context<'_>, dir: &Path) -> Result<Vec<Query>> {
    let list = files(dir)?;
    if list.is_empty() {
        return Ok(Vec::new());
    }
    let tables = Tables::new(c).map_err(|e| polars_err(dir, e))?;
    let mut out = Vec::new();
    for file in list {
        let sql = std::fs::read_to_string(&file)
            .map_err(|e| Error::io(&file, &e))?;
        out.push(tables.query(file, &sql)?);
    }
    Ok(out)
}

/// The four tables a query reads, built once per report.
pub struct Tables {
    frames: [DataFrame; 4],
}

impl Tables {
    /// Builds `tickets`, `events`, `surveys` and `sla` from the report's
    /// context.
    ///
    /// # Errors
    ///
    /// A Polars failure building a table.
    pub fn new(c: &Context<'_>) -> PolarsResult<Tables> {
        let mut iso = Iso::new(c.policy.tz());
        Ok(Tables {
            frames: [
                tickets(c.ds, &mut iso)?,
                events(c.ds, &mut iso)?,
                surveys(c.ds, &mut iso)?,
                sla(c, &mut iso)?,
            ],
        })
    }

    /// Runs the query text `sql` (read from `file`, which names the
    /// sheet and the messages): the one entry point of custom SQL.
    ///
    /// # Errors
    ///
    /// An input error naming `file` and quoting Polars' message when the
    /// query fails.
    pub fn query(&self, file: PathBuf, sql: &str) -> Result<Query> {
        let [t, e, s, l] = &self.frames;
        let mut ctx = SQLContext::new();
        ctx.register("tickets", t.clone().lazy());
        ctx.register("events", e.clone().lazy());
        ctx.register("surveys", s.clone().lazy());
        ctx.register("sla", l.clone().lazy());
        let df = ctx
            .execute(sql)
            .and_then(|lf| lf.collect())
            .map_err(|e| polars_err(&file, e))?;
        let columns: Vec<String> =
            df.columns().iter().map(|c| c.name().to_string()).collect();
        let mut rows = Vec::with_capacity(df.height());
        for i in 0..df.height() {
            let mut row = Vec::with_capacity(columns.len());
            for col in df.columns() {
                row.push(col.get(i).map(value).unwrap_or(Value::Null));
            }
            rows.push(row);
        }
        let stem = file
            .file_stem()
            .map(|s| s.to_string_lossy().to_string())
            .unwrap_or_default();
        Ok(Query {
            sheet: sheet_name(&stem),
            file,
            columns,
            rows,
        })
    }
}
