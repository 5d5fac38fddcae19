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
use super::common::{DataArgs, thousands};

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

impl ReportArgs {
    /// The period and whether the cutoff was given explicitly.
    fn period(&self, policy: &plazo::Policy) -> anyhow::Result<Period> {
        use plazo::policy::ReportPeriod;
        let tz = policy.tz();
        let now_or_cutoff = || -> plazo::Result<Instant> {
            match &self.data.cutoff {
                Some(c) => Instant::parse(c, tz).map_err(|e| e.at("--cutoff")),
                None => Ok(Instant::from(chrono::Utc::now())),
            }
        };
        Ok(match (&self.period, &self.quarter, &self.from, &self.to) {
            (Some(p), _, _, _) if p == "previous-month" => {
                Period::previous_complete(now_or_cutoff()?, false, tz)
            }
            (Some(p), _, _, _) if p == "previous-quarter" => {
                Period::previous_complete(now_or_cutoff()?, true, tz)
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
                    now_or_cutoff()?,
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
                )
                .into());
            }
        })
    }
}

pub fn run(a: ReportArgs, g: &Global) -> anyhow::Result<()> {
    if let Some(q) = &a.queries
        && !q.is_dir()
    {
        return Err(Error::input(
            format!("--queries {}: no es una carpeta", q.display()),
            format!("--queries {}: not a folder", q.display()),
        )
        .into());
    }
    let policy = plazo::Policy::load(&a.data.policy)?;
    let policy_tz = policy.tz();
    let period = a.period(&policy)?;
    let mut data = a.data;
    let explicit = data.cutoff.is_some();
    if !explicit {
        data.cutoff = Some(period.last_second().to_rfc3339(policy_tz));
    }
    let loaded = data.load()?;
    let engine = loaded.engine()?;
    let rows = engine.evaluate_all();
    let s = &loaded.ds.stats;
    let mut inputs = vec![
        InputFile::hash("policy", &data.policy, 0)?,
        InputFile::hash("tickets", &data.tickets, s.ticket_rows)?,
        InputFile::hash("events", &data.events, s.event_rows)?,
    ];
    if let Some(sv) = &data.surveys {
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
    let w = report::write(&ctx, &a.out, a.queries.as_deref())?;
    // Rejected rows and unreadable cells, beside the report (as `plazo
    // sla` writes them beside its table), so nothing is dropped silently.
    let rejects = a.out.join("rejects.csv");
    super::common::write_rejects(&loaded.ds, &rejects)?;
    if !g.quiet {
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
            a.out.display(),
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
