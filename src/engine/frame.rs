//! The per-ticket table as a typed Polars frame, and its Parquet file.
//!
//! The same columns as the CSV of [`output`](super::output), in the same
//! order, with types: durations, targets and counts `Int64`, `*_met`,
//! `auto_closed`, `close_late` and the closing checks `Boolean`, `survey_score` `Float64`,
//! everything else text. Instants are ISO 8601 text with the policy
//! zone's offset, exactly as in the CSV (they sort and compare as text
//! within one zone). Unknown values are nulls where the CSV has empty
//! cells.
//!
//! # Example
//!
//! ```
//! use plazo::Policy;
//! use plazo::engine::{Engine, frame};
//! use plazo::model::dataset::{Dataset, Inputs};
//! use plazo::time::Instant;
//!
//! let dir = std::env::temp_dir().join("plazo-doc-frame");
//! std::fs::create_dir_all(&dir)?;
//! std::fs::write(dir.join("t.csv"), "ticket_id,opened_at\n1,2026-03-05 08:00\n")?;
//! std::fs::write(dir.join("e.csv"), "ticket_id,at,status\n1,2026-03-05 08:30,Resuelto\n")?;
//! let policy = Policy::from_toml(r#"
//!     name = "Ejemplo"
//!     timezone = "America/Bogota"
//!     [calendar]
//!     always = true
//!     [states]
//!     solved = ["Resuelto"]
//!     [[targets]]
//!     response = "1h"
//!     resolution = "1h"
//! "#, "policy.toml".as_ref())?;
//! let ds = Dataset::load(&Inputs::new(dir.join("t.csv"), dir.join("e.csv")), policy.tz())?;
//! let cutoff = Instant::parse("2026-03-31 23:59", policy.tz())?;
//! let rows = Engine::new(&policy, &ds, cutoff)?.evaluate_all();
//! let df = frame::sla(&policy, &ds, &rows)?;
//! assert_eq!(df.height(), 1);
//! let res = df.column("resolution_business_s")?.i64()?.get(0);
//! assert_eq!(res, Some(30 * 60));
//! let met = df.column("resolution_met")?.bool()?.get(0);
//! assert_eq!(met, Some(true));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use std::path::Path;

use chrono_tz::Tz;
use polars::prelude::*;

use crate::error::{Error, ErrorKind, Result};
use crate::model::dataset::{Attr, Dataset};
use crate::policy::Policy;
use crate::time::{Instant, InstantWriter};

use super::output::{COLUMNS, worst};
use super::{Exclusion, SlaRow};

/// A text column (`None` = null).
pub fn s_col(name: &str, v: Vec<Option<String>>) -> Column {
    Series::new(name.into(), v).into_column()
}

/// An `Int64` column.
pub fn i_col(name: &str, v: Vec<Option<i64>>) -> Column {
    Series::new(name.into(), v).into_column()
}

/// A `Float64` column.
pub fn f_col(name: &str, v: Vec<Option<f64>>) -> Column {
    Series::new(name.into(), v).into_column()
}

/// A `Boolean` column.
pub fn b_col(name: &str, v: Vec<Option<bool>>) -> Column {
    Series::new(name.into(), v).into_column()
}

/// A frame from columns of one length.
///
/// # Errors
///
/// Columns of different lengths or repeated names.
pub fn frame(cols: Vec<Column>) -> PolarsResult<DataFrame> {
    DataFrame::new_infer_height(cols)
}

/// Text or null: empty text is null.
pub fn opt(s: &str) -> Option<String> {
    (!s.is_empty()).then(|| s.to_string())
}

/// Instants as ISO 8601 text in one zone (the writer caches the zone's
/// offsets, so a million instants cost little).
pub struct Iso(InstantWriter);

impl Iso {
    /// A writer for zone `tz`.
    pub fn new(tz: Tz) -> Iso {
        Iso(InstantWriter::new(tz))
    }

    /// Unix seconds as ISO 8601 text, `None` kept.
    pub fn at(&mut self, t: Option<i64>) -> Option<String> {
        t.map(|t| {
            let mut s = String::new();
            self.0.write(Instant::from_unix(t), &mut s);
            s
        })
    }
}

/// The per-ticket table as a typed frame, instants in the policy's zone.
///
/// # Errors
///
/// Polars failed to build a column (not expected for valid rows).
pub fn sla(
    policy: &Policy,
    ds: &Dataset,
    rows: &[SlaRow],
) -> PolarsResult<DataFrame> {
    sla_with(policy, ds, rows, &mut Iso::new(policy.tz()))
}

/// [`sla`] with a caller's instant writer.
///
/// # Errors
///
/// As [`sla`].
pub fn sla_with(
    policy: &Policy,
    ds: &Dataset,
    rows: &[SlaRow],
    iso: &mut Iso,
) -> PolarsResult<DataFrame> {
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
    let key = |f: fn(&SlaRow) -> Option<&'static str>| -> Vec<Option<String>> {
        rows.iter().map(|r| f(r).map(str::to_string)).collect()
    };
    let cols = vec![
        s_col(
            COLUMNS[0],
            rows.iter().map(|r| Some(tk(r).id.to_string())).collect(),
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
        s_col(COLUMNS[7], inst(iso, |r| r.responded_at.get())),
        s_col(COLUMNS[8], inst(iso, |r| r.solved_at.get())),
        s_col(COLUMNS[9], inst(iso, |r| r.closed_at.get())),
        // As in the CSV: a ticket opened after the cutoff has no state.
        s_col(
            COLUMNS[10],
            key(|r| {
                (r.excluded != Some(Exclusion::OpenedAfterCutoff))
                    .then_some(r.state.map(|s| s.key()))
                    .flatten()
            }),
        ),
        i_col(COLUMNS[11], int(|r| Some(r.response_s))),
        i_col(COLUMNS[12], int(|r| Some(r.resolution_s))),
        i_col(COLUMNS[13], int(|r| Some(r.paused_s))),
        i_col(COLUMNS[14], int(|r| r.response_target_s.get())),
        i_col(COLUMNS[15], int(|r| r.resolution_target_s.get())),
        b_col(COLUMNS[16], bo(|r| r.response_met)),
        b_col(COLUMNS[17], bo(|r| r.resolution_met)),
        s_col(COLUMNS[18], inst(iso, |r| r.resolution_due_at.get())),
        i_col(COLUMNS[19], int(|r| Some(i64::from(r.reopen_count)))),
        f_col(COLUMNS[20], rows.iter().map(|r| r.survey_score).collect()),
        s_col(
            COLUMNS[21],
            rows.iter()
                .map(|r| {
                    let p = policy.version_policy(r.version);
                    r.excluded.map(|e| e.name(p).to_string())
                })
                .collect(),
        ),
        i_col(COLUMNS[22], int(|r| Some(r.wall_resolution_s))),
        s_col(COLUMNS[23], inst(iso, |r| r.response_due_at.get())),
        s_col(COLUMNS[24], key(|r| r.response_class.map(|c| c.key()))),
        s_col(COLUMNS[25], key(|r| r.resolution_class.map(|c| c.key()))),
        s_col(COLUMNS[26], key(|r| worst(r).map(|c| c.key()))),
        b_col(COLUMNS[27], bo(|r| r.auto_closed)),
        b_col(COLUMNS[28], bo(|r| r.close_late)),
        i_col(COLUMNS[29], int(|r| r.response_overrun_s.get())),
        i_col(COLUMNS[30], int(|r| r.resolution_overrun_s.get())),
        i_col(COLUMNS[31], int(|r| Some(r.solved_before_reopen_s))),
        s_col(COLUMNS[32], inst(iso, |r| r.survey_answered_at.get())),
        i_col(COLUMNS[33], int(|r| r.target_rule.map(i64::from))),
        i_col(COLUMNS[34], int(|r| Some(i64::from(r.events)))),
        s_col(COLUMNS[35], st(Attr::Channel)),
        s_col(COLUMNS[36], inst(iso, |r| r.precase_at.get())),
        s_col(COLUMNS[37], inst(iso, |r| r.precase_registered_at.get())),
        s_col(COLUMNS[38], inst(iso, |r| r.precase_discarded_at.get())),
        i_col(COLUMNS[39], int(|r| r.precase_business_s.get())),
        b_col(COLUMNS[40], bo(|r| r.closed_early)),
        b_col(COLUMNS[41], bo(|r| r.closed_without_approval)),
        b_col(COLUMNS[42], bo(|r| r.validated_within)),
        i_col(COLUMNS[43], int(|r| r.close_business_s.get())),
        b_col(COLUMNS[44], bo(|r| r.survey_before_close)),
        s_col(
            COLUMNS[45],
            key(|r| Some(r.outcome()).filter(|o| !o.is_empty())),
        ),
    ];
    let mut cols = cols;
    if policy.has_versions() {
        cols.push(s_col(
            super::output::VERSION_COLUMN,
            rows.iter()
                .map(|r| {
                    let p = policy.version_policy(r.version);
                    Some(p.version_name().to_string())
                })
                .collect(),
        ));
    }
    frame(cols)
}

/// Writes the per-ticket table to `path` as Parquet, atomically (a
/// temporary file in the same folder, then a rename).
///
/// # Errors
///
/// An I/O error naming the path; nothing partial is left.
pub fn write_parquet(
    path: &Path,
    policy: &Policy,
    ds: &Dataset,
    rows: &[SlaRow],
) -> Result<()> {
    crate::io::atomic::write(path, &parquet_bytes(path, policy, ds, rows)?)
}

/// [`parquet_bytes`] with the columns of `ev`
/// ([`super::output::EVALUATION_COLUMNS`]: `survey_expected` Boolean,
/// the others text; empty fact cells null) after all others.
///
/// # Errors
///
/// As [`parquet_bytes`].
pub fn parquet_bytes_evaluated(
    path: &Path,
    policy: &Policy,
    ds: &Dataset,
    rows: &[SlaRow],
    ev: &super::output::Evaluated<'_>,
) -> Result<Vec<u8>> {
    let fail = |e: PolarsError| {
        Error::from_msg(
            ErrorKind::Io,
            crate::text::msg::engine::PARQUET_WRITE,
            &[("path", &path.display()), ("detail", &e)],
        )
    };
    let mut df = sla(policy, ds, rows).map_err(fail)?;
    let names = super::output::EVALUATION_COLUMNS;
    let cutoff = ev.cutoff.to_rfc3339(policy.tz());
    let n = rows.len();
    let fact = |k: usize| -> Vec<Option<String>> {
        rows.iter()
            .map(|r| {
                super::facts::of(ev.facts, ev.facts_from, r)
                    .and_then(|c| opt(&c[k]))
            })
            .collect()
    };
    let extra = [
        b_col(
            names[0],
            rows.iter().map(|r| Some(r.survey_expected)).collect(),
        ),
        s_col(names[1], vec![Some(cutoff); n]),
        s_col(names[2], vec![Some(ev.policy_sha256.to_string()); n]),
        s_col(names[3], fact(0)),
        s_col(names[4], fact(1)),
        s_col(names[5], fact(2)),
        s_col(names[6], fact(3)),
    ];
    for c in extra {
        df.with_column(c).map_err(fail)?;
    }
    let mut bytes = Vec::with_capacity(n * 64 + 4096);
    ParquetWriter::new(&mut bytes)
        .finish(&mut df)
        .map_err(fail)?;
    Ok(bytes)
}

/// The per-ticket table as Parquet bytes; errors name `path`, where they
/// are going.
///
/// # Errors
///
/// Polars cannot build or encode the table.
pub fn parquet_bytes(
    path: &Path,
    policy: &Policy,
    ds: &Dataset,
    rows: &[SlaRow],
) -> Result<Vec<u8>> {
    let fail = |e: PolarsError| {
        Error::from_msg(
            ErrorKind::Io,
            crate::text::msg::engine::PARQUET_WRITE,
            &[("path", &path.display()), ("detail", &e)],
        )
    };
    let mut df = sla(policy, ds, rows).map_err(fail)?;
    let mut bytes = Vec::with_capacity(rows.len() * 64 + 4096);
    ParquetWriter::new(&mut bytes)
        .finish(&mut df)
        .map_err(fail)?;
    Ok(bytes)
}
