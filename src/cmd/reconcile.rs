//! `plazo reconcile`: plazo's figures beside GLPI's own SLA fields, ticket
//! by ticket, with the documented reason for each difference. The import
//! commands that turn GLPI's calendar and SLA tables into a policy are
//! `plazo calendar import-glpi` and `plazo policy import-glpi-slas`.

use std::collections::BTreeMap;
use std::path::PathBuf;

use clap::Args;
use plazo::Policy;
use plazo::engine::Engine;
use plazo::engine::reconcile::{
    COLUMNS, Row, Verdicts, reconcile, side_by_side,
};
use plazo::io::atomic::write as write_atomic;
use plazo::io::formula::FreeText;
use plazo::model::{Builder, Dataset};
use plazo::policy::DeadlineRules;
use plazo::source::glpi::Tables;
use plazo::source::glpi_tables;
use plazo::text::lang::Lang;
use plazo::text::msg::cli::reconcile as msg;
use plazo::time::{Instant, InstantWriter};

use super::Global;
use super::common::{
    DbSource, DeadlineRulesArg, GlpiDbArgs, RulesAtArg, input_file,
};
use plazo::source::glpi_db::Db;

#[derive(Debug, Args)]
pub struct ReconcileArgs {
    /// The policy (e.g. made by `calendar import-glpi` and `policy
    /// import-glpi-slas`).
    #[arg(long)]
    policy: PathBuf,
    /// GLPI table dumps, named after their tables (glpi_tickets.csv,
    /// glpi_logs.csv, glpi_ticketsatisfactions.csv, ...).
    #[arg(
        long,
        num_args = 1..,
        required_unless_present = "glpi_db",
        conflicts_with = "glpi_db"
    )]
    glpi: Vec<PathBuf>,
    #[command(flatten)]
    db: GlpiDbArgs,
    #[command(flatten)]
    rules: DeadlineRulesArg,
    #[command(flatten)]
    rules_at: RulesAtArg,
    /// Measure as of this instant (default: now).
    #[arg(long)]
    cutoff: Option<String>,
    /// Output CSV: one row per ticket.
    #[arg(long)]
    out: Option<PathBuf>,
    /// Write `ticket_id` as it is, without the leading `'` that keeps a
    /// value starting with =, +, -, @, tab or CR from being read as a
    /// formula (docs/ROBUSTNESS.md).
    #[arg(long)]
    csv_raw: bool,
}

/// Everything `plazo reconcile` needs, checked before a dump is read.
struct Plan {
    policy: Policy,
    cutoff: Instant,
    glpi: Vec<PathBuf>,
    db: Option<DbSource>,
    out: Option<PathBuf>,
    /// The input files before reading, checked again before the output.
    watch: plazo::io::watch::Watch,
    text: FreeText,
}

impl ReconcileArgs {
    fn plan(self, lang: Lang) -> plazo::Result<Plan> {
        input_file("--policy", &self.policy)?;
        let mut watch = plazo::io::watch::Watch::default();
        watch.add(&self.policy)?;
        let mut policy = Policy::load_in(&self.policy, lang)?;
        self.rules.apply(&mut policy)?;
        self.rules_at.apply(&mut policy)?;
        let cutoff = match &self.cutoff {
            Some(c) => {
                Instant::parse(c, policy.tz()).map_err(|e| e.at("--cutoff"))?
            }
            None => Instant::from(chrono::Utc::now()),
        };
        for f in &self.glpi {
            input_file("--glpi", f)?;
            watch.add(f)?;
        }
        let db = self.db.source()?;
        Ok(Plan {
            policy,
            cutoff,
            db,
            glpi: self.glpi,
            out: self.out,
            watch,
            text: FreeText::from_raw(self.csv_raw),
        })
    }
}

pub fn run(a: ReconcileArgs, g: &Global) -> anyhow::Result<()> {
    let Plan {
        policy,
        cutoff,
        glpi,
        db,
        out: out_path,
        watch,
        text,
    } = a.plan(g.lang)?;
    let tz = policy.tz();
    let tables = match &db {
        Some(db) => Db::connect(&db.target, tz)?.tables(&db.filter)?,
        None => Tables::load(&glpi)?,
    };
    let mut b = Builder::new(tz, g.lang);
    glpi_tables::read_tables(&tables, tz, &mut b)?;
    let ingested = b.finish()?;
    let ds = Dataset::from_ingested(&ingested);
    let slas = tables.slas.as_ref();
    let rows = Engine::new(&policy, &ds, cutoff)?.evaluate_all();
    let recon = reconcile(&policy, &ds, &rows, slas);
    // Both rules' verdicts, the difference named by the procedure's
    // reconciliation.
    let mut other = policy.clone();
    let proc_policy = match policy.deadline_rules() {
        DeadlineRules::Procedure => {
            other.set_deadline_rules(DeadlineRules::Glpi);
            &policy
        }
        DeadlineRules::Glpi => {
            other.set_deadline_rules(DeadlineRules::Procedure);
            &other
        }
    };
    let other_rows = Engine::new(&other, &ds, cutoff)?.evaluate_all();
    let (proc_rows, glpi_rows) = match policy.deadline_rules() {
        DeadlineRules::Procedure => (&rows, &other_rows),
        DeadlineRules::Glpi => (&other_rows, &rows),
    };
    let proc_recon = reconcile(proc_policy, &ds, proc_rows, slas);
    let verdicts = side_by_side(proc_rows, glpi_rows, &proc_recon);
    let (out, tally) = table(&recon, &verdicts, tz, text);
    super::common::inputs_unchanged(&watch)?;
    match &out_path {
        Some(p) => write_atomic(p, out.as_bytes())?,
        None => {
            use std::io::Write;
            std::io::stdout().write_all(out.as_bytes())?;
        }
    }
    if !g.quiet {
        let counts =
            [recon.len(), ingested.events.len(), ingested.surveys.len()];
        eprintln!("{}", tally.summary(counts, g.lang));
        let rules = policy.deadline_rules().key();
        eprintln!("{}", verdict_summary(&verdicts, rules, g.lang));
    }
    Ok(())
}

/// How the compared values agree, column by column, and the documented
/// reasons of the differences.
#[derive(Default)]
struct Tally {
    /// Per [`COLUMNS`] entry: values present on both sides and equal.
    agree: [usize; 7],
    /// Per [`COLUMNS`] entry: values present on both sides.
    compared: [usize; 7],
    /// Columns that differ by the documented reason (its key).
    reasons: BTreeMap<&'static str, usize>,
}

/// The CSV table (one row per ticket: each column's plazo and GLPI
/// values and reason, whether any differs and why, then the verdicts
/// under both deadline rules and the rule that makes them differ) and
/// its tally.
fn table(
    recon: &[Row],
    verdicts: &[Verdicts],
    tz: chrono_tz::Tz,
    text: FreeText,
) -> (String, Tally) {
    let mut out = String::from("ticket_id");
    for c in COLUMNS {
        out.push_str(&format!(",{c}_plazo,{c}_glpi,{c}_reason"));
    }
    out.push_str(
        ",differs,reason,tto_breached_procedure,tto_breached_glpi_rules,ttr_breached_procedure,ttr_breached_glpi_rules,verdict_rule\n",
    );
    let mut w = InstantWriter::new(tz);
    let mut t = Tally::default();
    for (r, v) in recon.iter().zip(verdicts) {
        text.push(&mut out, &r.ticket_id);
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
                *t.reasons.entry(reason.key()).or_default() += 1;
            }
            if c.plazo.is_some() && c.glpi.is_some() {
                t.compared[k] += 1;
                if c.agrees() {
                    t.agree[k] += 1;
                }
            }
        }
        let mut why: Vec<&str> = r
            .cols
            .iter()
            .filter_map(|c| c.reason.map(|x| x.key()))
            .collect();
        why.dedup();
        out.push_str(&format!(",{},{}", r.differs(), why.join(";")));
        let cell = |x: Option<i64>| x.map_or(String::new(), |x| x.to_string());
        for k in 0..2 {
            out.push_str(&format!(
                ",{},{}",
                cell(v.procedure[k]),
                cell(v.glpi[k])
            ));
        }
        out.push(',');
        out.push_str(v.rule.map_or("", |x| x.key()));
        out.push('\n');
    }
    (out, t)
}

impl Tally {
    /// The summary line; `counts` are the tickets, the status events
    /// and the answered surveys.
    fn summary(&self, counts: [usize; 3], lang: Lang) -> String {
        let [tickets, events, surveys] = counts;
        let agree: Vec<String> = COLUMNS
            .iter()
            .enumerate()
            .map(|(k, c)| {
                format!("{c} {}/{}", self.agree[k], self.compared[k])
            })
            .collect();
        let reasons = if self.reasons.is_empty() {
            msg::NO_DIFFERENCES.get(lang).to_string()
        } else {
            let v: Vec<String> = self
                .reasons
                .iter()
                .map(|(k, v)| format!("{k} {v}"))
                .collect();
            v.join(", ")
        };
        msg::SUMMARY.fill(
            lang,
            &[
                ("tickets", &tickets),
                ("events", &events),
                ("surveys", &surveys),
                ("agree", &agree.join(", ")),
                ("reasons", &reasons),
            ],
        )
    }
}

/// The second summary line: breaches under both rules and the rules of
/// the tickets whose verdicts differ.
fn verdict_summary(v: &[Verdicts], rules: &str, lang: Lang) -> String {
    let count = |f: &dyn Fn(&Verdicts) -> Option<i64>| {
        v.iter().filter(|x| f(x) == Some(1)).count()
    };
    let mut by_rule: BTreeMap<&str, usize> = BTreeMap::new();
    for r in v.iter().filter_map(|x| x.rule) {
        *by_rule.entry(r.key()).or_default() += 1;
    }
    let differ = if by_rule.is_empty() {
        msg::NO_DIFFERENCES.get(lang).to_string()
    } else {
        let parts: Vec<String> =
            by_rule.iter().map(|(k, n)| format!("{k} {n}")).collect();
        parts.join(", ")
    };
    msg::VERDICTS.fill(
        lang,
        &[
            ("rules", &rules),
            ("proc_ttr", &count(&|x| x.procedure[1])),
            ("glpi_ttr", &count(&|x| x.glpi[1])),
            ("proc_tto", &count(&|x| x.procedure[0])),
            ("glpi_tto", &count(&|x| x.glpi[0])),
            ("differ", &differ),
        ],
    )
}
