//! `plazo reconcile`: plazo's figures beside GLPI's own SLA fields, ticket
//! by ticket, with the documented reason for each difference; and the
//! import commands that turn GLPI's calendar and SLA tables into a policy.

use std::collections::BTreeMap;
use std::path::PathBuf;

use clap::{Args, Subcommand};
use plazo::engine::Engine;
use plazo::engine::reconcile::{COLUMNS, reconcile};
use plazo::io::atomic::write as write_atomic;
use plazo::io::csv::push_field;
use plazo::model::{Builder, Dataset};
use plazo::source::glpi::{Dump, Tables, calendar_toml, slas_toml};
use plazo::source::glpi_tables;
use plazo::text::lang::tr;
use plazo::time::{Instant, InstantWriter};
use plazo::{Error, Policy};

use super::Global;

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

#[derive(Debug, Args)]
pub struct ImportCalendarArgs {
    /// glpi_calendars dump.
    #[arg(long)]
    calendars: PathBuf,
    /// glpi_calendarsegments dump.
    #[arg(long)]
    segments: PathBuf,
    /// glpi_holidays dump.
    #[arg(long)]
    holidays: PathBuf,
    /// glpi_calendars_holidays dump.
    #[arg(long)]
    links: PathBuf,
    /// The calendar id (default: the first one with segments that is not
    /// GLPI's stock "Default").
    #[arg(long)]
    id: Option<String>,
    /// Years for which perpetual holidays are written, e.g. 2025-2027.
    #[arg(long, default_value = "2025-2027")]
    years: String,
}

#[derive(Debug, Subcommand)]
pub enum PolicyCmd {
    /// Turn glpi_slas into [[targets]] rules (printed as TOML).
    ImportGlpiSlas(ImportSlasArgs),
}

#[derive(Debug, Args)]
pub struct ImportSlasArgs {
    /// glpi_slas dump.
    #[arg(long)]
    slas: PathBuf,
}

pub fn import_calendar(a: ImportCalendarArgs) -> anyhow::Result<()> {
    let (c, s, h, l) = (
        Dump::read(&a.calendars)?,
        Dump::read(&a.segments)?,
        Dump::read(&a.holidays)?,
        Dump::read(&a.links)?,
    );
    let bad_years = || {
        Error::input(
            format!(
                "--years {:?}: escriba AAAA-AAAA, p. ej. 2025-2027",
                a.years
            ),
            format!("--years {:?}: write YYYY-YYYY, e.g. 2025-2027", a.years),
        )
    };
    let (y0, y1) = a.years.split_once('-').ok_or_else(bad_years)?;
    let (y0, y1): (i32, i32) = (
        y0.trim().parse().map_err(|_| bad_years())?,
        y1.trim().parse().map_err(|_| bad_years())?,
    );
    let id = match a.id {
        Some(id) => id,
        None => (0..c.len())
            .filter(|&i| c.get(i, "name") != Some("Default"))
            .filter_map(|i| c.get(i, "id"))
            .next()
            .unwrap_or("1")
            .to_string(),
    };
    print!("{}", calendar_toml(&c, &s, &h, &l, &id, y0..=y1)?);
    Ok(())
}

pub fn policy(cmd: PolicyCmd, g: &Global) -> anyhow::Result<()> {
    match cmd {
        PolicyCmd::ImportGlpiSlas(a) => {
            let (toml, notes) = slas_toml(&Dump::read(&a.slas)?)?;
            print!("{toml}");
            if !g.quiet {
                eprintln!(
                    "{}",
                    tr(
                        "plazo: lo que plazo expresa distinto que GLPI:",
                        "plazo: what plazo expresses differently from GLPI:"
                    )
                );
                for n in notes {
                    eprintln!("  - {n}");
                }
            }
            Ok(())
        }
    }
}

pub fn run(a: ReconcileArgs, g: &Global) -> anyhow::Result<()> {
    let policy = Policy::load(&a.policy)?;
    let tz = policy.tz();
    let cutoff = match &a.cutoff {
        Some(c) => Instant::parse(c, tz).map_err(|e| e.at("--cutoff"))?,
        None => Instant::from(chrono::Utc::now()),
    };
    let tables = Tables::load(&a.glpi)?;
    let mut b = Builder::new(tz);
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
    match &a.out {
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
