//! `plazo sla`: every ticket's figures under a policy, as a table.
//!
//! Reads the canonical tables (CSV or Parquet), replays each ticket's
//! history (in parallel) and writes one row per ticket (docs/CONTRACT.md
//! §4) to `--out` atomically: CSV, or Parquet with typed columns when the
//! path ends in `.parquet`. Prints a one-paragraph summary on stderr: tickets
//! evaluated, excluded by reason, without target, met and breached.
//! Rejected input rows are written beside the output as
//! `<out>.rejects.csv` and counted first in the summary.
//!
//! Runs that must not pass quietly (docs/ROBUSTNESS.md): above
//! `--max-rejects` (or the policy's `[checks] max_rejects`), or with no
//! ticket left to measure (none accepted, or every one excluded), the
//! command exits 1 and writes only the rejects file, so that the reasons
//! can be read; `--out` is neither written nor removed.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use clap::Args;
use plazo::engine::{Class, Exclusion, SlaRow, frame, output};
use plazo::io::atomic::Batch;
use plazo::model::dataset::LoadStats;
use plazo::text::lang::Lang;
use plazo::text::msg::cli::sla as msg;
use plazo::{Error, Policy};

use super::Global;
use super::common::{
    DataArgs, DataPlan, DeadlineRulesArg, GuardArgs, Guards, Loaded, Measured,
    rejects_first, thousands, write_rejects,
};
use plazo::text::msg::cli::quiet::NOT_WRITTEN_SLA;

#[derive(Debug, Args)]
pub struct SlaArgs {
    #[command(flatten)]
    data: DataArgs,
    #[command(flatten)]
    rules: DeadlineRulesArg,
    #[command(flatten)]
    guard: GuardArgs,
    /// Output file: FILE.csv, or FILE.parquet (typed columns: durations
    /// Int64, verdicts Boolean, instants ISO 8601 text).
    #[arg(long)]
    out: PathBuf,
}

/// Everything `plazo sla` needs, resolved and checked before a table is
/// read.
#[derive(Debug)]
struct Plan {
    data: DataPlan,
    out: PathBuf,
    parquet: bool,
    rejects: PathBuf,
    guards: Guards,
    quiet: bool,
}

impl SlaArgs {
    fn plan(self, g: &Global) -> plazo::Result<Plan> {
        let ext = self.out.extension().and_then(|e| e.to_str()).unwrap_or("");
        let parquet = ext.eq_ignore_ascii_case("parquet");
        if !parquet && !ext.eq_ignore_ascii_case("csv") {
            return Err(Error::input_msg(
                msg::OUT_FORMAT,
                &[("path", &self.out.display())],
            ));
        }
        let mut data = self.data.plan(g.lang)?;
        self.rules.apply(&mut data.policy)?;
        let guards = self
            .guard
            .resolve(Some((&data.policy, data.policy_path.as_path())))?;
        Ok(Plan {
            data,
            guards,
            rejects: self.out.with_extension("rejects.csv"),
            out: self.out,
            parquet,
            quiet: g.quiet,
        })
    }
}

pub fn run(a: SlaArgs, g: &Global) -> anyhow::Result<()> {
    let plan = a.plan(g)?;
    let watch = plan.data.watch.clone();
    let loaded = plan.data.load(g.lang)?;
    let (out, rejects, guards) = (&plan.out, &plan.rejects, &plan.guards);
    loaded.check_rejects(guards, rejects, NOT_WRITTEN_SLA, out)?;
    let engine = loaded.engine()?;
    let bar = super::common::progress(
        loaded.ds.tickets.len() as u64,
        msg::PROGRESS.get(g.lang),
        plan.quiet,
    );
    let progress = |n: usize| bar.inc(n as u64);
    // The table and its rejects appear together.
    let dir = plan.out.parent().filter(|p| !p.as_os_str().is_empty());
    let mut batch = Batch::new(dir.unwrap_or(Path::new(".")));
    let mut seen = Seen::new(&loaded.policy, g.lang);
    if plan.parquet {
        let rows = engine.evaluate_all_with(progress);
        seen.add(&rows);
        loaded.check_measured(
            &seen.measured,
            guards,
            rejects,
            NOT_WRITTEN_SLA,
            out,
        )?;
        let bytes = frame::parquet_bytes(
            &plan.out,
            &loaded.policy,
            &loaded.ds,
            &rows,
        )?;
        batch.write(&plan.out, &bytes)?;
    } else {
        // Evaluated and written a block at a time: the rows are never
        // all held. A run with nothing to measure drops the staged file.
        let tmp = batch.stage(&plan.out, "")?;
        let io = |e: std::io::Error| Error::io(&plan.out, &e);
        let file = std::fs::File::create(&tmp).map_err(io)?;
        let mut f = std::io::BufWriter::with_capacity(1 << 20, file);
        output::write_header(&mut f, &loaded.policy).map_err(io)?;
        let mut lines =
            output::Rows::new(&loaded.policy, &loaded.ds, guards.text);
        let mut buf = String::new();
        let n = loaded.ds.tickets.len();
        for lo in (0..n).step_by(BLOCK) {
            let rows =
                engine.evaluate_range_with(lo..n.min(lo + BLOCK), progress);
            seen.add(&rows);
            output::write_rows(&mut f, &rows, &mut lines, &mut buf)
                .map_err(io)?;
        }
        std::io::Write::flush(&mut f).map_err(io)?;
        drop(f);
        loaded.check_measured(
            &seen.measured,
            guards,
            rejects,
            NOT_WRITTEN_SLA,
            out,
        )?;
    }
    bar.finish_and_clear();
    write_rejects(&loaded.ds, &plan.rejects, &mut batch, guards.text)?;
    super::common::inputs_unchanged(&watch)?;
    batch.commit()?;
    if !plan.quiet {
        let s = summary(&seen, &loaded, &plan.out, &plan.rejects, g.lang);
        eprintln!("{s}");
    }
    Ok(())
}

/// Tickets evaluated (and written) at a time by `plazo sla` to CSV:
/// 65,536 rows are about 17 MB. Debug builds (the test suite) use blocks
/// of 1,000 so that the samples' goldens cross block boundaries.
const BLOCK: usize = if cfg!(debug_assertions) {
    1000
} else {
    1 << 16
};

/// What the summary and the nothing-to-measure check need from the
/// rows, counted block by block.
struct Seen<'a> {
    policy: &'a Policy,
    lang: Lang,
    tally: Tally<'a>,
    measured: Measured<'a>,
    /// Per policy version (0 = base): whether it measured any ticket, and
    /// which of its target rules any ticket matched.
    rules: Vec<(bool, Vec<bool>)>,
}

impl<'a> Seen<'a> {
    fn new(policy: &'a Policy, lang: Lang) -> Seen<'a> {
        let rules = (0..=policy.versions().len() as u16)
            .map(|v| {
                (false, vec![false; policy.version_policy(v).targets().len()])
            })
            .collect();
        Seen {
            policy,
            lang,
            tally: Tally::default(),
            measured: Measured::default(),
            rules,
        }
    }

    fn add(&mut self, rows: &[SlaRow]) {
        for r in rows {
            self.tally.add_row(r, self.policy, self.lang);
            self.measured.add(r, self.policy, |_| false);
            if let Some((any, used)) = self.rules.get_mut(r.version as usize) {
                *any = true;
                if let Some(u) = r.target_rule.and_then(|i| used.get_mut(i)) {
                    *u = true;
                }
            }
        }
    }
}

/// The one-paragraph summary, a sentence each: the rejected rows first
/// when there are any, the counts, the events read, and when there are
/// any, the target rules no ticket matched and the pauses without a note.
fn summary(
    seen: &Seen<'_>,
    l: &Loaded,
    out: &Path,
    rejects: &Path,
    lang: Lang,
) -> String {
    let mut p: Vec<String> =
        rejects_first(l.ds.rejects.len() as u64, rejects, lang)
            .into_iter()
            .collect();
    p.push(seen.tally.sentence(l, out, lang));
    p.push(events(&l.ds.stats, lang));
    p.extend(unused_rules(seen, &l.policy, lang));
    p.extend(unnoted_pauses(l, lang));
    p.join(" ")
}

/// The tickets counted by outcome.
#[derive(Default)]
struct Tally<'a> {
    /// Every ticket evaluated.
    tickets: u64,
    /// Excluded tickets by reason id (two named rules may share a
    /// description): (description, count).
    excluded: BTreeMap<&'a str, (&'a str, u64)>,
    no_target: u64,
    response_met: u64,
    response_breached: u64,
    unanswered: u64,
    resolution_met: u64,
    resolution_breached: u64,
    open: u64,
    /// Open tickets already past their resolution deadline.
    late: u64,
}

impl<'a> Tally<'a> {
    /// Counts a ticket.
    fn add_row(&mut self, r: &SlaRow, policy: &'a Policy, lang: Lang) {
        self.tickets += 1;
        match r.excluded {
            Some(Exclusion::NoTarget) => self.no_target += 1,
            Some(e) => {
                let p = policy.version_policy(r.version);
                self.excluded
                    .entry(e.name(p))
                    .or_insert((e.describe_in(p, lang), 0))
                    .1 += 1;
            }
            None => self.add(r),
        }
    }

    /// Counts a measured (not excluded) ticket.
    fn add(&mut self, r: &SlaRow) {
        match r.response_met {
            Some(true) => self.response_met += 1,
            Some(false) => self.response_breached += 1,
            None if r.response_target_s.is_some() => self.unanswered += 1,
            None => {}
        }
        match (r.resolution_met, r.resolution_class) {
            (Some(true), _) => self.resolution_met += 1,
            (Some(false), _) => self.resolution_breached += 1,
            (None, Some(c)) => {
                self.open += 1;
                if c == Class::Breached {
                    self.late += 1;
                }
            }
            _ => {}
        }
    }

    /// The summary's first sentence.
    fn sentence(&self, l: &Loaded, out: &Path, lang: Lang) -> String {
        let n = |x: u64| thousands(x, lang);
        let excluded: u64 = self.excluded.values().map(|v| v.1).sum();
        let reasons = self
            .excluded
            .values()
            .map(|(desc, k)| format!("{desc} {}", n(*k)))
            .collect::<Vec<_>>()
            .join(", ");
        let reasons = if reasons.is_empty() {
            reasons
        } else {
            format!(" ({reasons})")
        };
        msg::SUMMARY.fill(
            lang,
            &[
                ("policy", &l.policy.name()),
                ("tickets", &n(self.tickets)),
                ("cutoff", &l.cutoff.to_rfc3339(l.policy.tz())),
                ("excluded", &n(excluded)),
                ("reasons", &reasons),
                ("no_target", &n(self.no_target)),
                ("response_met", &n(self.response_met)),
                ("response_breached", &n(self.response_breached)),
                ("unanswered", &n(self.unanswered)),
                ("resolution_met", &n(self.resolution_met)),
                ("resolution_breached", &n(self.resolution_breached)),
                ("open", &n(self.open)),
                ("late", &n(self.late)),
                ("out", &out.display()),
            ],
        )
    }
}

/// The events sentence: read, merged duplicates, before the opening.
fn events(s: &LoadStats, lang: Lang) -> String {
    let unordered = if s.events > 1 && !s.events_in_ticket_order {
        format!(" {}", msg::EVENTS_UNORDERED.get(lang))
    } else {
        String::new()
    };
    msg::SUMMARY_EVENTS.fill(
        lang,
        &[
            ("events", &thousands(s.events, lang)),
            ("duplicates", &thousands(s.duplicate_events, lang)),
            ("before", &thousands(s.events_before_opening, lang)),
        ],
    ) + &unordered
}

/// The target rules no ticket matched, when there are tickets: often a
/// label that differs from the data (the tickets then fall to a later,
/// usually looser, rule). With `[[versions]]`, each version's rules
/// against the tickets it measured (`versions[0].targets[1]`), when it
/// measured any.
fn unused_rules(
    seen: &Seen<'_>,
    policy: &Policy,
    lang: Lang,
) -> Option<String> {
    let mut unused: Vec<String> = Vec::new();
    for (v, (any, used)) in seen.rules.iter().enumerate() {
        let p = policy.version_policy(v as u16);
        let prefix = match v {
            0 => String::new(),
            v => format!("versions[{}].", v - 1),
        };
        unused.extend(
            p.targets()
                .iter()
                .filter(|t| *any && !used[t.index])
                .map(|t| {
                    format!("{prefix}targets[{}] ({})", t.index, t.label)
                }),
        );
    }
    (!unused.is_empty() && seen.tally.tickets > 0).then(|| {
        msg::UNUSED_RULES.fill(lang, &[("rules", &unused.join(", "))])
    })
}

/// The pauses without a note, with the first ticket that has one, when
/// the policy requires a note (`[checks] paused_requires_note`).
fn unnoted_pauses(l: &Loaded, lang: Lang) -> Option<String> {
    if !l.policy.paused_requires_note() {
        return None;
    }
    let cut = l.cutoff.unix();
    let mut n = 0u64;
    let mut example = None;
    for i in 0..l.ds.tickets.len() {
        let k = plazo::engine::unnoted_pauses(&l.policy, &l.ds, i, cut).len();
        if k > 0 && example.is_none() {
            example = Some(l.ds.tickets[i].id.as_str());
        }
        n += k as u64;
    }
    let example = example
        .map(|id| msg::UNNOTED_PAUSES_EXAMPLE.fill(lang, &[("id", &id)]))
        .unwrap_or_default();
    Some(
        msg::UNNOTED_PAUSES
            .fill(lang, &[("n", &thousands(n, lang)), ("example", &example)]),
    )
}
