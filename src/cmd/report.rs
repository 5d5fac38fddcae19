//! `plazo report`: the period's indicator report, as a folder.
//!
//! Reads the canonical tables, evaluates every ticket at the cutoff (by
//! default the period's last second in the policy's zone) and writes into
//! `--out`: `informe-<period>.xlsx`, `indicators.csv`, `sla.csv` and
//! `charts/*.png|svg`, each atomically. `--period previous-month` or
//! `previous-quarter` picks the last complete period before the cutoff
//! (default: now), for cron. Prints a one-paragraph summary on stderr.

use std::path::PathBuf;

use chrono::NaiveDate;
use clap::Args;
use plazo::Error;
use plazo::report::{self, Context, InputFile, Period};
use plazo::text::lang::tr;
use plazo::time::Instant;

use super::Global;
use super::common::{DataArgs, DataPlan, thousands};

#[derive(Debug, Args)]
pub struct ReportArgs {
    #[command(flatten)]
    data: DataArgs,
    /// Month (2026-10), or previous-month / previous-quarter (picked from
    /// the cutoff, default now). Without any period option: the last
    /// complete period of the policy's `[report] period`.
    #[arg(long, conflicts_with_all = ["quarter", "from"])]
    period: Option<String>,
    /// Quarter (2026Q3).
    #[arg(long, conflicts_with = "from")]
    quarter: Option<String>,
    /// First day of a custom period (YYYY-MM-DD); needs --to.
    #[arg(long, requires = "to")]
    from: Option<String>,
    /// Last day (included) of a custom period (YYYY-MM-DD).
    #[arg(long, requires = "from")]
    to: Option<String>,
    /// Folder of custom indicators (*.sql, Polars SQL), one sheet each.
    #[arg(long)]
    queries: Option<PathBuf>,
    /// Output folder (created when missing).
    #[arg(long)]
    out: PathBuf,
}

fn date(flag: &str, s: &str) -> plazo::Result<NaiveDate> {
    NaiveDate::parse_from_str(s.trim(), "%Y-%m-%d").map_err(|_| {
        Error::input(
            format!("{flag} {s:?}: use una fecha AAAA-MM-DD"),
            format!("{flag} {s:?}: use a date YYYY-MM-DD"),
        )
    })
}

/// Everything `plazo report` needs, resolved and checked before a table
/// is read: the period, the cutoff (by default the period's last second),
/// the queries folder, the output folder.
#[derive(Debug)]
struct Plan {
    data: DataPlan,
    period: Period,
    queries: Option<PathBuf>,
    out: PathBuf,
    quiet: bool,
}

impl ReportArgs {
    fn plan(self, g: &Global) -> plazo::Result<Plan> {
        if let Some(q) = &self.queries
            && !q.is_dir()
        {
            return Err(Error::input(
                format!("--queries {}: no es una carpeta", q.display()),
                format!("--queries {}: not a folder", q.display()),
            ));
        }
        let mut data = self.data.plan()?;
        let period = self.period(&data.policy, data.cutoff)?;
        if !data.cutoff_given {
            data.cutoff = period.last_second();
        }
        Ok(Plan {
            data,
            period,
            queries: self.queries,
            out: self.out,
            quiet: g.quiet,
        })
    }

    /// The period: given, or picked from `now_or_cutoff` (the cutoff, or
    /// now when none was given).
    fn period(
        &self,
        policy: &plazo::Policy,
        now_or_cutoff: Instant,
    ) -> plazo::Result<Period> {
        use plazo::policy::ReportPeriod;
        let tz = policy.tz();
        Ok(match (&self.period, &self.quarter, &self.from, &self.to) {
            (Some(p), _, _, _) if p == "previous-month" => {
                Period::previous_complete(now_or_cutoff, false, tz)
            }
            (Some(p), _, _, _) if p == "previous-quarter" => {
                Period::previous_complete(now_or_cutoff, true, tz)
            }
            (Some(p), _, _, _) => {
                Period::parse(p, tz).map_err(|e| e.at("--period"))?
            }
            (_, Some(q), _, _) => {
                Period::parse(q, tz).map_err(|e| e.at("--quarter"))?
            }
            (_, _, Some(a), Some(b)) => {
                Period::range(date("--from", a)?, date("--to", b)?, tz)?
            }
            _ if policy.report_period().is_some() => {
                Period::previous_complete(
                    now_or_cutoff,
                    policy.report_period() == Some(ReportPeriod::Quarter),
                    tz,
                )
            }
            _ => {
                return Err(Error::input(
                    "indique el periodo: --period 2026-10, --quarter 2026Q3, \
                     --from FECHA --to FECHA o --period previous-month (o \
                     [report] period = \"month\" en la política)",
                    "give the period: --period 2026-10, --quarter 2026Q3, \
                     --from DATE --to DATE or --period previous-month (or \
                     [report] period = \"month\" in the policy)",
                ));
            }
        })
    }
}

pub fn run(a: ReportArgs, g: &Global) -> anyhow::Result<()> {
    let Plan {
        data,
        period,
        queries,
        out,
        quiet,
    } = a.plan(g)?;
    let (policy_path, files) = (data.policy_path.clone(), data.inputs.clone());
    let loaded = data.load(g.lang)?;
    let engine = loaded.engine()?;
    let rows = engine.evaluate_all();
    let s = &loaded.ds.stats;
    let mut inputs = vec![
        InputFile::hash("policy", &policy_path, 0)?,
        InputFile::hash("tickets", &files.tickets, s.ticket_rows)?,
        InputFile::hash("events", &files.events, s.event_rows)?,
    ];
    if let Some(sv) = &files.surveys {
        inputs.push(InputFile::hash("surveys", sv, s.survey_rows)?);
    }
    let lang = plazo::text::lang::current();
    let ctx = Context::new(
        &loaded.policy,
        &loaded.ds,
        &rows,
        &period,
        loaded.cutoff,
        lang,
        inputs,
    );
    let w = report::write(&ctx, &out, queries.as_deref())?;
    // Rejected rows and unreadable cells, beside the report (as `plazo
    // sla` writes them beside its table), so nothing is dropped silently.
    let rejects = out.join("rejects.csv");
    super::common::write_rejects(&loaded.ds, &rejects)?;
    if !quiet {
        let all = &ctx.lines[0];
        let pct = |id: &str| {
            all.get(id)
                .map_or_else(|| "-".to_string(), |v| format!("{v:.1} %"))
        };
        let n = |id: &str| thousands(all.get(id).unwrap_or(0.0) as u64);
        eprintln!(
            "plazo report {} {} ({} {}): {} {}, {} {}, {} {}; {} {}, {} {}; \
             {} {}, {} {}; {} {} {}.",
            loaded.policy.name(),
            period.label(),
            tr("corte", "cutoff"),
            loaded.cutoff.to_rfc3339(loaded.policy.tz()),
            n("tickets_opened"),
            tr("abiertos", "opened"),
            n("tickets_solved"),
            tr("solucionados", "solved"),
            n("backlog_end"),
            tr("pendientes al cierre", "backlog at end"),
            tr("atención en ANS", "response within SLA"),
            pct("response_compliance_pct"),
            tr("solución en ANS", "resolution within SLA"),
            pct("resolution_compliance_pct"),
            thousands(w.breaches as u64),
            tr("incumplimientos", "breaches"),
            thousands(w.at_risk as u64),
            tr("en riesgo al corte", "at risk at the cutoff"),
            thousands(w.files.len() as u64),
            tr("archivos escritos en", "files written to"),
            out.display(),
        );
        if !loaded.ds.rejects.is_empty() {
            eprintln!(
                "{} {} {}.",
                thousands(loaded.ds.rejects.len() as u64),
                tr(
                    "filas o celdas rechazadas: ver",
                    "rejected rows or cells: see"
                ),
                rejects.display()
            );
        }
    }
    Ok(())
}
