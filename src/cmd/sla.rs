//! `plazo sla`: every ticket's figures under a policy, as a table.
//!
//! Reads the canonical tables (CSV or Parquet), replays each ticket's
//! history (in parallel) and writes one row per ticket (docs/CONTRACT.md
//! §4) to `--out` atomically: CSV, or Parquet with typed columns when the
//! path ends in `.parquet`. Prints a one-paragraph summary on stderr: tickets
//! evaluated, excluded by reason, without target, met and breached.
//! Rejected input rows are written beside the output as
//! `<out>.rejects.csv` and counted in the summary.

use std::collections::BTreeMap;
use std::path::PathBuf;

use clap::Args;
use plazo::Error;
use plazo::engine::{Class, Exclusion, SlaRow, frame, output};
use plazo::text::lang::tr;

use super::Global;
use super::common::{DataArgs, DataPlan, thousands, write_rejects};

#[derive(Debug, Args)]
pub struct SlaArgs {
    #[command(flatten)]
    data: DataArgs,
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
    quiet: bool,
}

impl SlaArgs {
    fn plan(self, g: &Global) -> plazo::Result<Plan> {
        let ext = self.out.extension().and_then(|e| e.to_str()).unwrap_or("");
        let parquet = ext.eq_ignore_ascii_case("parquet");
        if !parquet && !ext.eq_ignore_ascii_case("csv") {
            return Err(Error::input(
                format!(
                    "--out {}: use un archivo .csv o .parquet",
                    self.out.display()
                ),
                format!(
                    "--out {}: use a .csv or .parquet file",
                    self.out.display()
                ),
            ));
        }
        Ok(Plan {
            data: self.data.plan()?,
            rejects: self.out.with_extension("rejects.csv"),
            out: self.out,
            parquet,
            quiet: g.quiet,
        })
    }
}

pub fn run(a: SlaArgs, g: &Global) -> anyhow::Result<()> {
    let plan = a.plan(g)?;
    let loaded = plan.data.load(g.lang)?;
    let engine = loaded.engine()?;
    let bar = super::common::progress(
        loaded.ds.tickets.len() as u64,
        tr("evaluando tickets", "evaluating tickets"),
        plan.quiet,
    );
    let rows = engine.evaluate_all_with(|n| bar.inc(n as u64));
    bar.finish_and_clear();
    if plan.parquet {
        frame::write_parquet(&plan.out, &loaded.policy, &loaded.ds, &rows)?;
    } else {
        let text = output::render(&loaded.policy, &loaded.ds, &rows);
        plazo::io::atomic::write(&plan.out, text.as_bytes())?;
    }
    write_rejects(&loaded.ds, &plan.rejects)?;
    if !plan.quiet {
        eprintln!("{}", summary(&rows, &loaded, &plan.out, &plan.rejects));
    }
    Ok(())
}

/// The one-paragraph summary.
fn summary(
    rows: &[SlaRow],
    l: &super::common::Loaded,
    out: &std::path::Path,
    rejects: &std::path::Path,
) -> String {
    let lang = plazo::text::lang::current();
    // By reason id (two named rules may share a description).
    let mut excl: BTreeMap<&str, (&str, u64)> = BTreeMap::new();
    let (mut rm, mut rb, mut ro) = (0u64, 0u64, 0u64);
    let (mut sm, mut sb, mut so, mut sl) = (0u64, 0u64, 0u64, 0u64);
    let mut no_target = 0u64;
    for r in rows {
        if r.excluded == Some(Exclusion::NoTarget) {
            no_target += 1;
            continue;
        }
        if let Some(e) = r.excluded {
            let name = e.name(&l.policy);
            excl.entry(name)
                .or_insert((e.describe_in(&l.policy, lang), 0))
                .1 += 1;
            continue;
        }
        match r.response_met {
            Some(true) => rm += 1,
            Some(false) => rb += 1,
            None if r.response_target_s.is_some() => ro += 1,
            None => {}
        }
        match (r.resolution_met, r.resolution_class) {
            (Some(true), _) => sm += 1,
            (Some(false), _) => sb += 1,
            (None, Some(c)) => {
                so += 1;
                if c == Class::Breached {
                    sl += 1;
                }
            }
            _ => {}
        }
    }
    let n_excl: u64 = excl.values().map(|v| v.1).sum();
    let excl_list = excl
        .values()
        .map(|(desc, n)| format!("{desc} {}", thousands(*n)))
        .collect::<Vec<_>>()
        .join(", ");
    let cutoff = l.cutoff.to_rfc3339(l.policy.tz());
    let s = &l.ds.stats;
    let mut p = format!(
        "{} {}: {} {} ({} {cutoff}); {} {}{}; {} {}; {}: {} {}, {} {}, {} {}; {}: {} {}, {} {}, {} {} ({} {}); {} {}.",
        "plazo sla",
        l.policy.name(),
        thousands(rows.len() as u64),
        tr("tickets evaluados", "tickets evaluated"),
        tr("corte", "cutoff"),
        thousands(n_excl),
        tr("excluidos", "excluded"),
        if excl_list.is_empty() {
            String::new()
        } else {
            format!(" ({excl_list})")
        },
        thousands(no_target),
        tr(
            "sin ANS aplicable (no_target)",
            "without a target (no_target)"
        ),
        tr("respuesta", "response"),
        thousands(rm),
        tr("cumplen", "met"),
        thousands(rb),
        tr("incumplen", "breached"),
        thousands(ro),
        tr("sin responder", "unanswered"),
        tr("solución", "resolution"),
        thousands(sm),
        tr("cumplen", "met"),
        thousands(sb),
        tr("incumplen", "breached"),
        thousands(so),
        tr("abiertos", "open"),
        thousands(sl),
        tr("ya vencidos", "already breached"),
        tr("escrito en", "written to"),
        out.display(),
    );
    p.push_str(&format!(
        " {} {} {}, {} {}, {} {}.",
        thousands(s.events),
        tr("eventos", "events"),
        tr("leídos", "read"),
        thousands(s.duplicate_events),
        tr("duplicados fusionados", "duplicates merged"),
        thousands(s.events_before_opening),
        tr(
            "anteriores a la apertura (tomados en la apertura)",
            "before opening (taken at opening)"
        ),
    ));
    // Rules no ticket matched: often a label that differs from the data
    // (the tickets then fall to a later, usually looser, rule).
    let mut used = vec![false; l.policy.targets().len()];
    for r in rows {
        if let Some(i) = r.target_rule {
            used[i] = true;
        }
    }
    let unused: Vec<String> = l
        .policy
        .targets()
        .iter()
        .filter(|t| !used[t.index])
        .map(|t| format!("targets[{}] ({})", t.index, t.label))
        .collect();
    if !unused.is_empty() && !rows.is_empty() {
        p.push_str(&format!(
            " {}: {}; {}.",
            tr(
                "Reglas de ANS sin ningún ticket",
                "Target rules no ticket matched"
            ),
            unused.join(", "),
            tr(
                "revise que sus valores coincidan con los de los datos",
                "check that their values match the data's"
            ),
        ));
    }
    if l.policy.paused_requires_note() {
        let cut = l.cutoff.unix();
        let mut n = 0u64;
        let mut example = None;
        for i in 0..l.ds.tickets.len() {
            let k =
                plazo::engine::unnoted_pauses(&l.policy, &l.ds, i, cut).len();
            if k > 0 && example.is_none() {
                example = Some(l.ds.tickets[i].id.as_str());
            }
            n += k as u64;
        }
        p.push_str(&format!(
            " {} {}{}.",
            thousands(n),
            tr(
                "suspensiones sin nota ([checks] paused_requires_note)",
                "pauses without a note ([checks] paused_requires_note)"
            ),
            example
                .map(|id| format!(
                    ", {} {id}",
                    tr("p. ej. ticket", "e.g. ticket")
                ))
                .unwrap_or_default(),
        ));
    }
    if !l.ds.rejects.is_empty() {
        p.push_str(&format!(
            " {} {} {}.",
            thousands(l.ds.rejects.len() as u64),
            tr("filas rechazadas: ver", "rejected rows: see"),
            rejects.display()
        ));
    }
    p
}
