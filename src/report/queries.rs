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

use crate::error::{Error, Result};
use crate::sla::SlaRow;
use crate::sla::output::{COLUMNS, worst};
use crate::tables::{Attr, Dataset};
use crate::time::{Instant, InstantWriter};

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

fn polars_err(file: &Path, e: impl std::fmt::Display) -> Error {
    Error::input(
        format!(
            "consulta {}: {e} (corrija el SQL; las tablas y columnas están en \
             queries/indicators/README.md)",
            file.display()
        ),
        format!(
            "query {}: {e} (fix the SQL; tables and columns are listed in \
             queries/indicators/README.md)",
            file.display()
        ),
    )
}

fn s_col(name: &str, v: Vec<Option<String>>) -> Column {
    Series::new(name.into(), v).into_column()
}

fn i_col(name: &str, v: Vec<Option<i64>>) -> Column {
    Series::new(name.into(), v).into_column()
}

fn f_col(name: &str, v: Vec<Option<f64>>) -> Column {
    Series::new(name.into(), v).into_column()
}

fn b_col(name: &str, v: Vec<Option<bool>>) -> Column {
    Series::new(name.into(), v).into_column()
}

struct Iso(InstantWriter);

impl Iso {
    fn at(&mut self, t: Option<i64>) -> Option<String> {
        t.map(|t| {
            let mut s = String::new();
            self.0.write(Instant::from_unix(t), &mut s);
            s
        })
    }
}

fn frame(cols: Vec<Column>) -> PolarsResult<DataFrame> {
    DataFrame::new_infer_height(cols)
}

fn opt(s: &str) -> Option<String> {
    (!s.is_empty()).then(|| s.to_string())
}

/// The `tickets` table: the canonical columns and any extra ones.
fn tickets(ds: &Dataset, iso: &mut Iso) -> PolarsResult<DataFrame> {
    let t = &ds.tickets;
    let mut cols = vec![
        s_col("ticket_id", t.iter().map(|t| Some(t.id.clone())).collect()),
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
            t.iter().map(|t| opt(ds.strings.get(t.extra[k]))).collect(),
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
            id.push(Some(ds.tickets[i].id.clone()));
        }
    }
    let e = &ds.events;
    let st = |f: fn(&crate::tables::Event) -> u32| -> Vec<Option<String>> {
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
                .map(|s| Some(ds.tickets[s.ticket as usize].id.clone()))
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

/// The `sla` table: the per-ticket table's columns (CONTRACT section 4
/// and extensions) with types, plus `opened_in_period`,
/// `responded_in_period`, `solved_in_period` and `closed_in_period`.
fn sla(c: &Context<'_>, iso: &mut Iso) -> PolarsResult<DataFrame> {
    let (ds, rows) = (c.ds, c.rows);
    let tk = |r: &SlaRow| &ds.tickets[r.ticket as usize];
    let st = |a: Attr| -> Vec<Option<String>> {
        rows.iter()
            .map(|r| opt(ds.strings.get(tk(r).attr(a))))
            .collect()
    };
    let inst = |iso: &mut Iso,
                f: fn(&SlaRow) -> Option<i64>|
     -> Vec<Option<String>> {
        rows.iter().map(|r| iso.at(f(r))).collect()
    };
    let int = |f: fn(&SlaRow) -> Option<i64>| -> Vec<Option<i64>> {
        rows.iter().map(f).collect()
    };
    let bo = |f: fn(&SlaRow) -> Option<bool>| -> Vec<Option<bool>> {
        rows.iter().map(f).collect()
    };
    let p = c.period;
    let inp = |f: fn(&SlaRow) -> Option<i64>| -> Vec<Option<bool>> {
        rows.iter()
            .map(|r| Some(f(r).is_some_and(|t| p.contains(t))))
            .collect()
    };
    let cols = vec![
        s_col(
            COLUMNS[0],
            rows.iter().map(|r| Some(tk(r).id.clone())).collect(),
        ),
        s_col(COLUMNS[1], st(Attr::Type)),
        s_col(COLUMNS[2], st(Attr::Priority)),
        s_col(COLUMNS[3], st(Attr::Category)),
        s_col(COLUMNS[4], st(Attr::Group)),
        s_col(COLUMNS[5], st(Attr::Assignee)),
        s_col(
            COLUMNS[6],
            rows.iter().map(|r| iso.at(Some(tk(r).opened_at))).collect(),
        ),
        s_col(COLUMNS[7], inst(iso, |r| r.responded_at)),
        s_col(COLUMNS[8], inst(iso, |r| r.solved_at)),
        s_col(COLUMNS[9], inst(iso, |r| r.closed_at)),
        s_col(
            COLUMNS[10],
            rows.iter()
                .map(|r| r.state.map(|s| s.key().to_string()))
                .collect(),
        ),
        i_col(COLUMNS[11], int(|r| Some(r.response_s))),
        i_col(COLUMNS[12], int(|r| Some(r.resolution_s))),
        i_col(COLUMNS[13], int(|r| Some(r.paused_s))),
        i_col(COLUMNS[14], int(|r| r.response_target_s)),
        i_col(COLUMNS[15], int(|r| r.resolution_target_s)),
        b_col(COLUMNS[16], bo(|r| r.response_met)),
        b_col(COLUMNS[17], bo(|r| r.resolution_met)),
        s_col(COLUMNS[18], inst(iso, |r| r.resolution_due_at)),
        i_col(COLUMNS[19], int(|r| Some(i64::from(r.reopen_count)))),
        f_col(COLUMNS[20], rows.iter().map(|r| r.survey_score).collect()),
        s_col(
            COLUMNS[21],
            rows.iter()
                .map(|r| r.excluded.map(|e| e.key().to_string()))
                .collect(),
        ),
        i_col(COLUMNS[22], int(|r| Some(r.wall_resolution_s))),
        s_col(COLUMNS[23], inst(iso, |r| r.response_due_at)),
        s_col(
            COLUMNS[24],
            rows.iter()
                .map(|r| r.response_class.map(|c| c.key().to_string()))
                .collect(),
        ),
        s_col(
            COLUMNS[25],
            rows.iter()
                .map(|r| r.resolution_class.map(|c| c.key().to_string()))
                .collect(),
        ),
        s_col(
            COLUMNS[26],
            rows.iter()
                .map(|r| worst(r).map(|c| c.key().to_string()))
                .collect(),
        ),
        b_col(COLUMNS[27], bo(|r| r.auto_closed)),
        b_col(COLUMNS[28], bo(|r| r.close_late)),
        i_col(COLUMNS[29], int(|r| r.response_overrun_s)),
        i_col(COLUMNS[30], int(|r| r.resolution_overrun_s)),
        i_col(COLUMNS[31], int(|r| Some(r.solved_before_reopen_s))),
        s_col(COLUMNS[32], inst(iso, |r| r.survey_answered_at)),
        i_col(COLUMNS[33], int(|r| r.target_rule.map(|v| v as i64))),
        i_col(COLUMNS[34], int(|r| Some(i64::from(r.events)))),
        b_col(
            "opened_in_period",
            rows.iter()
                .map(|r| Some(p.contains(tk(r).opened_at)))
                .collect(),
        ),
        b_col("responded_in_period", inp(|r| r.responded_at)),
        b_col("solved_in_period", inp(|r| r.solved_at)),
        b_col("closed_in_period", inp(|r| r.closed_at)),
    ];
    frame(cols)
}

/// The `*.sql` files of `dir`, in name order.
///
/// # Errors
///
/// An input error when `dir` cannot be read.
pub fn files(dir: &Path) -> Result<Vec<PathBuf>> {
    let rd = std::fs::read_dir(dir).map_err(|e| {
        Error::input(
            format!(
                "--queries {}: no se puede leer la carpeta: {e}",
                dir.display()
            ),
            format!(
                "--queries {}: cannot read the folder: {e}",
                dir.display()
            ),
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
    let mut iso = Iso(InstantWriter::new(c.policy.tz()));
    let build = |iso: &mut Iso| -> PolarsResult<[DataFrame; 4]> {
        Ok([
            tickets(c.ds, iso)?,
            events(c.ds, iso)?,
            surveys(c.ds, iso)?,
            sla(c, iso)?,
        ])
    };
    let [t, e, s, l] = build(&mut iso).map_err(|e| polars_err(dir, e))?;
    let mut out = Vec::new();
    for file in list {
        let sql = std::fs::read_to_string(&file)
            .map_err(|e| Error::io(&file, &e))?;
        let mut ctx = SQLContext::new();
        ctx.register("tickets", t.clone().lazy());
        ctx.register("events", e.clone().lazy());
        ctx.register("surveys", s.clone().lazy());
        ctx.register("sla", l.clone().lazy());
        let df = ctx
            .execute(&sql)
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
        out.push(Query {
            sheet: sheet_name(&stem),
            file,
            columns,
            rows,
        });
    }
    Ok(out)
}
