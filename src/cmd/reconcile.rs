//! `plazo reconcile`: plazo's figures beside GLPI's own SLA fields, ticket
//! by ticket, with the documented reason for each difference. The import
//! commands that turn GLPI's calendar and SLA tables into a policy are
//! `plazo calendar import-glpi` and `plazo policy import-glpi-slas`.

use std::collections::BTreeMap;
use std::path::PathBuf;

use clap::Args;
use plazo::Policy;
use plazo::engine::Engine;
use plazo::engine::reconcile::{COLUMNS, reconcile};
use plazo::io::atomic::write as write_atomic;
use plazo::io::csv::push_field;
use plazo::model::{Builder, Dataset};
use plazo::source::glpi::Tables;
use plazo::source::glpi_tables;
use plazo::text::lang::tr;
use plazo::time::{Instant, InstantWriter};

use super::Global;
use super::common::input_file;

#[derive(Debug, Args)]
pub struct ReconcileArgs {
    /// The policy (e.g. made by `calendar import-glpi` and `policy
    /// import-glpi-slas`).
    #[arg(long)]
    policy: PathBuf,
    /// GLPI table dumps, named after their tables (glpi_tickets.csv,
    /// glpi_logs.csv, glpi_ticketsatisfactions.csv, ...).
    #[arg(long, num_args = 1.., required = true)]
    glpi: Vec<PathBuf>,
    /// Measure as of this instant (default: now).
    #[arg(long)]
    cutoff: Option<String>,
    /// Output CSV: one row per ticket.
    #[arg(long)]
    out: Option<PathBuf>,
}

/// Everything `plazo reconcile` needs, checked before a dump is read.
struct Plan {
    policy: Policy,
    cutoff: Instant,
    glpi: Vec<PathBuf>,
    out: Option<PathBuf>,
}

impl ReconcileArgs {
    fn plan(self) -> plazo::Result<Plan> {
        input_file("--policy", &self.policy)?;
        let policy = Policy::load(&self.policy)?;
        let cutoff = match &self.cutoff {
            Some(c) => {
                Instant::parse(c, policy.tz()).map_err(|e| e.at("--cutoff"))?
            }
            None => Instant::from(chrono::Utc::now()),
        };
        for f in &self.glpi {
            input_file("--glpi", f)?;
        }
        Ok(Plan {
            policy,
            cutoff,
            glpi: self.glpi,
            out: self.out,
        })
    }
}

pub fn run(a: ReconcileArgs, g: &Global) -> anyhow::Result<()> {
    let Plan {
        policy,
        cutoff,
        glpi,
        out: out_path,
    } = a.plan()?;
    let tz = policy.tz();
    let tables = Tables::load(&glpi)?;
    let mut b = Builder::new(tz, g.lang);
    glpi_tables::read_tables(&tables, tz, &mut b)?;
    let ingested = b.finish()?;
    let ds = Dataset::from_ingested(&ingested);
    let engine = Engine::new(&policy, &ds, cutoff)?;
    let rows = engine.evaluate_all();
    let recon = reconcile(&policy, &ds, &rows, tables.slas.as_ref());

    // The table.
    let mut out = String::from("ticket_id");
    for c in COLUMNS {
        out.push_str(&format!(",{c}_plazo,{c}_glpi,{c}_reason"));
    }
    out.push_str(",differs,reason\n");
    let mut w = InstantWriter::new(tz);
    let mut agree = [0usize; 7];
    let mut compared = [0usize; 7];
    let mut reasons: BTreeMap<&str, usize> = BTreeMap::new();
    for r in &recon {
        push_field(&mut out, &r.ticket_id);
        for (k, c) in r.cols.iter().enumerate() {
            let is_instant = k == 3 || k == 4;
            for v in [c.plazo, c.glpi] {
                out.push(',');
                match v {
                    Some(x) if is_instant => {
                        w.write(Instant::from_unix(x), &mut out)
                    }
                    Some(x) => out.push_str(&x.to_string()),
                    None => {}
                }
            }
            out.push(',');
            if let Some(reason) = c.reason {
                out.push_str(reason.key());
                *reasons.entry(reason.key()).or_default() += 1;
            }
            if c.plazo.is_some() && c.glpi.is_some() {
                compared[k] += 1;
                if c.agrees() {
                    agree[k] += 1;
                }
            }
        }
        let mut why: Vec<&str> = r
            .cols
            .iter()
            .filter_map(|c| c.reason.map(|x| x.key()))
            .collect();
        why.dedup();
        out.push_str(&format!(",{},{}\n", r.differs(), why.join(";")));
    }
    match &out_path {
        Some(p) => write_atomic(p, out.as_bytes())?,
        None => {
            use std::io::Write;
            std::io::stdout().write_all(out.as_bytes())?;
        }
    }
    if !g.quiet {
        let per: Vec<String> = COLUMNS
            .iter()
            .enumerate()
            .map(|(k, c)| format!("{c} {}/{}", agree[k], compared[k]))
            .collect();
        let why: Vec<String> =
            reasons.iter().map(|(k, v)| format!("{k} {v}")).collect();
        eprintln!(
            "plazo reconcile: {} tickets ({} {}, {} {}); {}: {}; {}: {}.",
            recon.len(),
            ingested.events.len(),
            tr("eventos de estado", "status events"),
            ingested.surveys.len(),
            tr("encuestas respondidas", "surveys answered"),
            tr("coinciden", "agree"),
            per.join(", "),
            tr("diferencias por regla", "differences by rule"),
            if why.is_empty() {
                tr("ninguna", "none").to_string()
            } else {
                why.join(", ")
            },
        );
    }
    Ok(())
}
