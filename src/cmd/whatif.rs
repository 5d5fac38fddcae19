//! `plazo whatif`: the same tickets measured under two or more policies
//! (`--policy A.toml --policy B.toml ...`), each compared with the
//! first: the period's indicators side by side with the difference, and
//! the tickets whose verdict flips (docs/CONTRACT.md §5.6).
//!
//! The data flags are `plazo report`'s (canonical tables or
//! `--glpi-db`, `--cutoff`, `--strict`), read once per policy (each
//! policy reads its own ticket columns and zone); the period flags too
//! (`--period`, `--quarter`, `--from --to`), the cutoff defaulting to
//! the period's last second. Writes into `--out`, atomically and
//! together: `whatif-<period>.xlsx`, `whatif-indicators.csv`,
//! `whatif-flips.csv` and, when the baseline's read rejected rows or
//! cells, `rejects.csv`; then a summary paragraph on stderr, the
//! rejects first.

use std::path::{Path, PathBuf};

use clap::Args;
use plazo::Error;
use plazo::engine::SlaRow;
use plazo::io::atomic::Batch;
use plazo::io::formula::FreeText;
use plazo::report::whatif::{Comparison, Written};
use plazo::report::{Context, Period};
use plazo::text::msg::whatif as msg;

use super::Global;
use super::common::{
    DataPlan, DeadlineRulesArg, Loaded, TableArgs, thousands,
};
use super::report::PeriodArgs;

#[derive(Debug, Args)]
pub struct WhatifArgs {
    /// A policy (TOML) to compare, given twice or more: the first is the
    /// baseline, each other one is compared with it.
    #[arg(long = "policy", required = true, value_name = "POLICY")]
    policies: Vec<PathBuf>,
    /// A short name for each policy, in --policy order, shown in sheet
    /// names and columns. Default: each file's name without `.toml`.
    #[arg(long = "label", value_name = "LABEL")]
    labels: Vec<String>,
    #[command(flatten)]
    tables: TableArgs,
    #[command(flatten)]
    rules: DeadlineRulesArg,
    #[command(flatten)]
    period: PeriodArgs,
    /// Testing knob (docs/CONTRACT.md §5.10): the most rows a workbook
    /// sheet may have (default Excel's 1048576).
    #[arg(long, hide = true, value_name = "ROWS")]
    sheet_row_limit: Option<String>,
    /// Output folder (created when missing).
    #[arg(long)]
    out: PathBuf,
}

/// Everything `plazo whatif` needs, checked before a table is read.
#[derive(Debug)]
struct Plan {
    /// Each policy's data plan, with its label.
    data: Vec<(String, DataPlan)>,
    period: Period,
    out: PathBuf,
    row_limit: plazo::report::workbook::RowLimit,
}

/// The labels: `--label` (one per policy), else the files' stems; no
/// two alike.
fn labels(
    policies: &[PathBuf],
    given: &[String],
) -> plazo::Result<Vec<String>> {
    if !given.is_empty() && given.len() != policies.len() {
        return Err(Error::input_msg(
            msg::LABEL_COUNT,
            &[("labels", &given.len()), ("policies", &policies.len())],
        ));
    }
    let labels: Vec<String> = if given.is_empty() {
        policies
            .iter()
            .map(|p| {
                p.file_stem()
                    .map_or_else(String::new, |s| s.to_string_lossy().into())
            })
            .collect()
    } else {
        given.iter().map(|l| l.trim().to_string()).collect()
    };
    for (i, l) in labels.iter().enumerate() {
        if l.is_empty() {
            let shown = given.get(i).map_or("", String::as_str);
            return Err(Error::input_msg(
                msg::EMPTY_LABEL,
                &[("label", &format!("{shown:?}"))],
            ));
        }
        if let Some(j) = labels[..i].iter().position(|x| x == l) {
            return Err(Error::input_msg(
                msg::SAME_LABEL,
                &[
                    ("label", &format!("{l:?}")),
                    ("first", &policies[j].display()),
                    ("second", &policies[i].display()),
                ],
            ));
        }
    }
    Ok(labels)
}

impl WhatifArgs {
    fn plan(self, g: &Global) -> plazo::Result<Plan> {
        if self.policies.len() < 2 {
            return Err(Error::input_msg(
                msg::ONE_POLICY,
                &[("n", &self.policies.len())],
            ));
        }
        let row_limit =
            super::report::row_limit(self.sheet_row_limit.as_deref())?;
        let labels = labels(&self.policies, &self.labels)?;
        if self.out.is_file() {
            return Err(Error::input_msg(
                msg::OUT_NOT_DIR,
                &[("path", &self.out.display())],
            ));
        }
        let mut data = Vec::new();
        for (label, path) in labels.into_iter().zip(&self.policies) {
            let mut plan = self.tables.plan(path, g.lang)?;
            self.rules.apply(&mut plan.policy)?;
            data.push((label, plan));
        }
        let first = &data[0].1;
        if let Some((_, p)) = data
            .iter()
            .find(|(_, p)| p.policy.tz() != first.policy.tz())
        {
            return Err(Error::input_msg(
                msg::ZONES_DIFFER,
                &[
                    ("first", &first.policy_path.display()),
                    ("first_zone", &first.policy.tz()),
                    ("second", &p.policy_path.display()),
                    ("second_zone", &p.policy.tz()),
                ],
            ));
        }
        let period = self.period.resolve(&first.policy, first.cutoff)?;
        for (_, p) in &mut data {
            if !p.cutoff_given {
                p.cutoff = period.last_second();
            }
        }
        Ok(Plan {
            data,
            period,
            out: self.out,
            row_limit,
        })
    }
}

pub fn run(a: WhatifArgs, g: &Global) -> anyhow::Result<()> {
    let Plan {
        data,
        period,
        out,
        row_limit,
    } = a.plan(g)?;
    let mut watches = Vec::new();
    let mut labels = Vec::new();
    let mut loaded: Vec<Loaded> = Vec::new();
    for (label, plan) in data {
        watches.push(plan.watch.clone());
        labels.push(label);
        loaded.push(plan.load(g.lang)?);
    }
    let rows: Vec<Vec<SlaRow>> = loaded
        .iter()
        .map(|l| l.engine().map(|e| e.evaluate_all()))
        .collect::<plazo::Result<_>>()?;
    let contexts: Vec<Context<'_>> = loaded
        .iter()
        .zip(&rows)
        .map(|(l, r)| {
            Context::new(
                &l.policy,
                &l.ds,
                r,
                &period,
                l.cutoff,
                g.lang,
                Vec::new(),
            )
            .with_row_limit(row_limit)
        })
        .collect();
    let comps: Vec<Comparison<'_, '_>> = (1..contexts.len())
        .map(|k| {
            Comparison::new(&contexts[0], &contexts[k], &labels[0], &labels[k])
        })
        .collect();
    std::fs::create_dir_all(&out).map_err(|e| Error::io(&out, &e))?;
    let mut batch = Batch::new(&out);
    let w = plazo::report::whatif::stage(
        &comps,
        &out,
        &mut batch,
        FreeText::Guarded,
    )?;
    // Rejected rows and cells (the baseline's read), beside the outputs,
    // as `plazo report` writes them.
    let rejects = out.join("rejects.csv");
    super::common::write_rejects(
        &loaded[0].ds,
        &rejects,
        &mut batch,
        FreeText::Guarded,
    )?;
    for watch in &watches {
        super::common::inputs_unchanged(watch)?;
    }
    batch.commit()?;
    if !g.quiet {
        let n = loaded[0].ds.rejects.len() as u64;
        let first = super::common::rejects_first(n, &rejects, g.lang);
        let line: Vec<String> = first
            .into_iter()
            .chain([summary(&comps, &w, &out)])
            .collect();
        eprintln!("{}", line.join(" "));
    }
    Ok(())
}

/// The stderr paragraph: period and cutoff, one sentence per comparison
/// (compliance under each policy, the flips by kind), the files.
fn summary(comps: &[Comparison<'_, '_>], w: &Written, out: &Path) -> String {
    let Some(first) = comps.first() else {
        return String::new();
    };
    let c0 = first.a;
    let lang = c0.lang;
    let pct = |c: &Context<'_>, id: &str| {
        c.lines[0]
            .get(id)
            .map_or_else(|| "-".to_string(), |v| format!("{v:.1} %"))
    };
    let mut parts = vec![msg::SUMMARY_HEAD.fill(
        lang,
        &[
            ("period", &c0.period.label()),
            ("cutoff", &c0.cutoff.local_text(c0.policy.tz())),
        ],
    )];
    for c in comps {
        let (to_breached, to_met, other) =
            plazo::indicators::whatif::counts(&c.flips);
        let n = |x: usize| thousands(x as u64, lang);
        parts.push(c0.words.fill(
            msg::SUMMARY,
            &[
                ("a", &c.label_a),
                ("b", &c.label_b),
                ("response_a", &pct(c.a, "response_compliance_pct")),
                ("response_b", &pct(c.b, "response_compliance_pct")),
                ("resolution_a", &pct(c.a, "resolution_compliance_pct")),
                ("resolution_b", &pct(c.b, "resolution_compliance_pct")),
                ("flips", &n(c.flips.len())),
                ("to_breached", &n(to_breached)),
                ("to_met", &n(to_met)),
                ("other", &n(other)),
            ],
        ));
    }
    parts.push(msg::SUMMARY_TAIL.fill(
        lang,
        &[
            ("files", &thousands(w.files.len() as u64, lang)),
            ("out", &out.display()),
        ],
    ));
    parts.join(" ")
}
