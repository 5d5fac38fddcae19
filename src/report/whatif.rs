//! `plazo whatif`'s outputs: one data set measured under two or more
//! policies, each compared with the first (docs/CONTRACT.md §5.6).
//!
//! A [`Comparison`] holds two finished reports ([`Context`]: the same
//! period, cutoff and tickets under policies A and B), the indicator
//! pairs ([`crate::indicators::whatif::compare`]) and the verdict flips
//! ([`crate::indicators::whatif::flips`]). [`stage`] writes, into one
//! folder and atomically with the rest of the run:
//!
//! - `whatif-<period>.xlsx`: per comparison the sheets "Indicadores A vs
//!   B" and "Cambios A vs B" ([`super::workbook::write_whatif`]);
//! - `whatif-indicators.csv` ([`INDICATORS_HEADER`]);
//! - `whatif-flips.csv` ([`FLIPS_HEADER`]).

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use crate::error::Result;
use crate::indicators::whatif::{self, Diff, Flip, Results, Side, Verdict};
use crate::io::atomic::Batch;
use crate::io::formula::FreeText;
use crate::model::dataset::Attr;

use super::Context;

/// Policy A and policy B over the same tickets, period and cutoff.
pub struct Comparison<'r, 'c> {
    /// The report under A (the first `--policy`).
    pub a: &'r Context<'c>,
    /// The report under B.
    pub b: &'r Context<'c>,
    /// A's label (`--label`, or the policy file's stem).
    pub label_a: String,
    /// B's label.
    pub label_b: String,
    /// Every indicator of every line, under both.
    pub diffs: Vec<Diff>,
    /// The tickets whose verdict differs.
    pub flips: Vec<Flip>,
}

impl<'r, 'c> Comparison<'r, 'c> {
    /// Compares the finished reports `a` and `b` (same period).
    pub fn new(
        a: &'r Context<'c>,
        b: &'r Context<'c>,
        label_a: &str,
        label_b: &str,
    ) -> Self {
        let diffs = whatif::compare(&a.lines, &b.lines);
        let flips = whatif::flips(
            Results {
                ds: a.ds,
                rows: a.rows,
            },
            Results {
                ds: b.ds,
                rows: b.rows,
            },
            a.period,
        );
        Comparison {
            a,
            b,
            label_a: label_a.to_string(),
            label_b: label_b.to_string(),
            diffs,
            flips,
        }
    }
}

/// The header of `whatif-indicators.csv`: one row per comparison, line
/// and indicator (every id of `indicators.csv`), values as
/// `indicators.csv` writes them, empty when undefined.
pub const INDICATORS_HEADER: &str = "policy_a,policy_b,period,dimension,group,indicator,value_a,value_b,difference\n";

/// The header of `whatif-flips.csv`: one row per comparison, ticket and
/// measure whose verdict differs (§5.6); business times and targets in
/// seconds.
pub const FLIPS_HEADER: &str = "policy_a,policy_b,ticket_id,measure,verdict_a,verdict_b,business_s_a,business_s_b,target_s_a,target_s_b,excluded_a,excluded_b,type,priority,category,group\n";

/// The ticket attributes closing each row of `whatif-flips.csv`.
const FLIP_ATTRS: [Attr; 4] =
    [Attr::Type, Attr::Priority, Attr::Category, Attr::Group];

/// `v` as `indicators.csv` writes it (empty when absent).
fn opt<T: std::fmt::Display>(out: &mut String, v: Option<T>) {
    if let Some(v) = v {
        let _ = write!(out, "{v}");
    }
}

/// `whatif-indicators.csv` (header included); labels and groups through
/// `text` ([`crate::io::formula`]).
pub fn indicators_csv(comps: &[Comparison<'_, '_>], text: FreeText) -> String {
    let mut out = String::from(INDICATORS_HEADER);
    for c in comps {
        let period = c.a.period.label();
        for d in &c.diffs {
            text.push(&mut out, &c.label_a);
            out.push(',');
            text.push(&mut out, &c.label_b);
            let _ = write!(out, ",{period},{},", d.dim.key());
            text.push(&mut out, &d.group);
            let _ = write!(out, ",{},", d.id);
            opt(&mut out, d.a);
            out.push(',');
            opt(&mut out, d.b);
            out.push(',');
            opt(&mut out, d.difference());
            out.push('\n');
        }
    }
    out
}

/// `whatif-flips.csv` (header included); labels, ids and attributes
/// through `text`.
pub fn flips_csv(comps: &[Comparison<'_, '_>], text: FreeText) -> String {
    let mut out = String::from(FLIPS_HEADER);
    for c in comps {
        for f in &c.flips {
            let t = &c.a.ds.tickets[f.a.ticket as usize];
            text.push(&mut out, &c.label_a);
            out.push(',');
            text.push(&mut out, &c.label_b);
            out.push(',');
            text.push(&mut out, &t.id);
            let (a, b) = (&f.a, &f.b);
            let _ = write!(
                out,
                ",{},{},{},{},{},",
                f.measure.key(),
                a.verdict.key(),
                b.verdict.key(),
                a.business_s,
                b.business_s
            );
            opt(&mut out, a.target_s);
            out.push(',');
            opt(&mut out, b.target_s);
            out.push(',');
            out.push_str(&excluded(c.a, a));
            out.push(',');
            out.push_str(&excluded(c.b, b));
            for attr in FLIP_ATTRS {
                out.push(',');
                text.push(&mut out, c.a.ds.strings.get(t.attr(attr)));
            }
            out.push('\n');
        }
    }
    out
}

/// The exclusion's id (`excluded_reason` of `sla.csv`), or empty.
fn excluded(c: &Context<'_>, s: &Side) -> String {
    match s.verdict {
        Verdict::Excluded(e) => e.name(c.policy).to_string(),
        _ => String::new(),
    }
}

/// What [`stage`] wrote.
#[derive(Clone, Debug)]
pub struct Written {
    /// The workbook.
    pub workbook: PathBuf,
    /// Every file, workbook first.
    pub files: Vec<PathBuf>,
}

/// Stages the workbook and both CSV files for `out` in `batch` (nothing
/// appears until the caller commits it). `comps` is not empty; the
/// workbook is named by the first comparison's period.
///
/// # Errors
///
/// An I/O or workbook failure naming the file.
pub fn stage(
    comps: &[Comparison<'_, '_>],
    out: &Path,
    batch: &mut Batch,
    text: FreeText,
) -> Result<Written> {
    let period = comps
        .first()
        .map_or_else(String::new, |c| c.a.period.label());
    let wb = out.join(format!("whatif-{period}.xlsx"));
    super::workbook::write_whatif(comps, &wb, batch)?;
    let ind = out.join("whatif-indicators.csv");
    batch.write(&ind, indicators_csv(comps, text).as_bytes())?;
    let fl = out.join("whatif-flips.csv");
    batch.write(&fl, flips_csv(comps, text).as_bytes())?;
    Ok(Written {
        workbook: wb.clone(),
        files: vec![wb, ind, fl],
    })
}
