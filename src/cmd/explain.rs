//! `plazo explain`: one ticket's timeline, interval by interval, with
//! running totals against its targets, the deadlines and the verdict.
//! The engine builds the explanation ([`plazo::engine::explain`]); the
//! report layer words it in the chosen language
//! ([`plazo::report::explain`]).
//!
//! The cutoff: `--cutoff`, else with `--period` the period's last second
//! (the rule of `plazo report --period`, so both show the same verdict),
//! else now; without either option the cutoff used is said on stderr.
//!
//! `--out F.xlsx` writes the explanation as a printable workbook instead
//! ([`plazo::report::workbook::write_explain`]), one sheet per ticket:
//! `--ticket`'s, or a list given by `--tickets-from`: `breaches` (the
//! period report's "Incumplimientos"), `at-risk` ("En riesgo"), or a file
//! of ticket ids, one per line.

use std::path::{Path, PathBuf};

use clap::Args;
use plazo::Error;
use plazo::engine::explain::Explanation;
use plazo::io::atomic::Batch;
use plazo::report::Period;
use plazo::text::lang::Lang;
use plazo::text::msg;
use plazo::text::msg::whatif as wm;

use super::Global;
use super::common::{DataArgs, Loaded, failure_in, input_file, thousands};

#[derive(Debug, Args)]
pub struct ExplainArgs {
    #[command(flatten)]
    data: DataArgs,
    /// The ticket to explain (its ticket_id).
    #[arg(
        long,
        required_unless_present = "tickets_from",
        conflicts_with = "tickets_from"
    )]
    ticket: Option<String>,
    /// Several tickets, written with --out (one sheet each): `breaches`
    /// (the period report's "Incumplimientos" list), `at-risk` ("En
    /// riesgo"), both with --period; or a file of ticket ids, one per
    /// line (blank lines and lines starting with # skipped).
    #[arg(long, value_name = "breaches|at-risk|FILE", requires = "out")]
    tickets_from: Option<String>,
    /// Write the explanation as a printable workbook (.xlsx, one sheet
    /// per ticket) instead of printing it.
    #[arg(long, value_name = "F.xlsx")]
    out: Option<PathBuf>,
    /// Measure as the report of this period does: its cutoff is the
    /// period's last second unless --cutoff is given. A month (2026-10),
    /// a quarter (2026Q3), previous-month or previous-quarter.
    #[arg(long)]
    period: Option<String>,
    /// Also list the working periods that counted inside each interval.
    #[arg(long)]
    detail: bool,
}

/// Which tickets to explain.
#[derive(Debug)]
enum Which {
    /// `--ticket`.
    One(String),
    /// `--tickets-from breaches`.
    Breaches,
    /// `--tickets-from at-risk`.
    AtRisk,
    /// `--tickets-from FILE`: the ids with their line numbers.
    File(PathBuf, Vec<(usize, String)>),
}

impl Which {
    /// `--ticket` or `--tickets-from`, checked before the tables are
    /// read: a list needs `--period`, a file must be readable.
    fn resolve(a: &ExplainArgs) -> plazo::Result<Which> {
        let Some(from) = &a.tickets_from else {
            return Ok(Which::One(a.ticket.clone().unwrap_or_default()));
        };
        let which = match from.trim() {
            "breaches" => Which::Breaches,
            "at-risk" => Which::AtRisk,
            f => {
                let path = PathBuf::from(f);
                input_file("--tickets-from", &path)?;
                let text = std::fs::read_to_string(&path)
                    .map_err(|e| Error::io(&path, &e))?;
                let ids = text
                    .lines()
                    .enumerate()
                    .map(|(k, l)| (k + 1, l.trim()))
                    .filter(|(_, l)| !l.is_empty() && !l.starts_with('#'))
                    .map(|(k, l)| (k, l.to_string()))
                    .collect();
                return Ok(Which::File(path, ids));
            }
        };
        if a.period.is_none() {
            return Err(Error::input_msg(
                wm::LIST_NEEDS_PERIOD,
                &[("source", &from.trim())],
            ));
        }
        Ok(which)
    }
}

/// The period of `--period`, as `plazo report --period` reads it
/// (`previous-month` and `previous-quarter` picked from `now_or_cutoff`).
fn period(
    text: &str,
    policy: &plazo::Policy,
    now_or_cutoff: plazo::time::Instant,
) -> plazo::Result<Period> {
    let tz = policy.tz();
    Ok(match text.trim() {
        "previous-month" => {
            Period::previous_complete(now_or_cutoff, false, tz)
        }
        "previous-quarter" => {
            Period::previous_complete(now_or_cutoff, true, tz)
        }
        p => Period::parse(p, tz).map_err(|e| e.at("--period"))?,
    })
}

pub fn run(a: ExplainArgs, g: &Global) -> anyhow::Result<()> {
    // The plan: everything checked before the tables are read.
    let which = Which::resolve(&a)?;
    if let Some(out) = &a.out
        && !out
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("xlsx"))
    {
        return Err(Error::input_msg(
            wm::OUT_NOT_XLSX,
            &[("path", &out.display())],
        )
        .into());
    }
    let mut plan = a.data.plan(g.lang)?;
    let tz = plan.policy.tz();
    let (note, period) = match &a.period {
        Some(p) => {
            let p = period(p, &plan.policy, plan.cutoff)?;
            let note = (!plan.cutoff_given).then(|| {
                plan.cutoff = p.last_second();
                msg::explain::CUTOFF_PERIOD.fill(
                    g.lang,
                    &[
                        ("cutoff", &plan.cutoff.local_text(tz)),
                        ("period", &p.label()),
                    ],
                )
            });
            (note, Some(p))
        }
        None if !plan.cutoff_given => (
            Some(
                msg::explain::CUTOFF_NOW
                    .fill(g.lang, &[("cutoff", &plan.cutoff.local_text(tz))]),
            ),
            None,
        ),
        None => (None, None),
    };
    let source = plan.inputs.describe();
    let watch = plan.watch.clone();
    let loaded = plan.load(g.lang)?;
    let engine = loaded.engine()?;
    let tickets = tickets(&loaded, &engine, &which, period.as_ref(), &source)?;
    let xs: Vec<Explanation> = tickets
        .iter()
        .map(|&i| {
            plazo::engine::explain::explain(
                &engine,
                &loaded.policy,
                &loaded.ds,
                i,
                a.detail,
            )
        })
        .collect();
    if let Some(out) = &a.out {
        return write_book(&xs, out, &which, g, &watch, note);
    }
    let text = plazo::report::explain::render(&xs[0], g.lang);
    super::common::inputs_unchanged(&watch)?;
    if let Some(note) = note.filter(|_| !g.quiet) {
        eprintln!("{note}");
    }
    use std::io::Write;
    std::io::stdout().write_all(text.as_bytes())?;
    Ok(())
}

/// The tickets' indices, in the list's order.
fn tickets(
    loaded: &Loaded,
    engine: &plazo::engine::Engine<'_>,
    which: &Which,
    period: Option<&Period>,
    source: &str,
) -> anyhow::Result<Vec<usize>> {
    let ds = &loaded.ds;
    let find = |id: &str| ds.ticket_index(id).map(|i| i as usize);
    Ok(match (which, period) {
        (Which::One(id), _) => match find(id) {
            Some(i) => vec![i],
            None => {
                return Err(Error::input_msg(
                    msg::explain::TICKET_NOT_FOUND,
                    &[("ticket", &format!("{id:?}")), ("file", &source)],
                )
                .into());
            }
        },
        (Which::File(path, ids), _) => {
            let mut v = Vec::new();
            for (line, id) in ids {
                let Some(i) = find(id) else {
                    return Err(Error::input_msg(
                        wm::LIST_TICKET_UNKNOWN,
                        &[
                            ("file", &path.display()),
                            ("line", line),
                            ("ticket", &format!("{id:?}")),
                            ("tickets", &source),
                        ],
                    )
                    .into());
                };
                v.push(i);
            }
            v
        }
        (list, Some(p)) => {
            let rows = engine.evaluate_all();
            if matches!(list, Which::Breaches) {
                plazo::indicators::lists::breaches(ds, &rows, p)
                    .iter()
                    .map(|b| b.row.ticket as usize)
                    .collect()
            } else {
                plazo::indicators::lists::at_risk(&rows)
                    .iter()
                    .map(|r| r.ticket as usize)
                    .collect()
            }
        }
        // `Which::resolve` requires --period for the lists.
        (_, None) => Vec::new(),
    })
}

/// `--out`: the explanations `xs` as a printable workbook, then one line
/// on stderr (after the cutoff note). An empty list writes nothing
/// (exit 1).
fn write_book(
    xs: &[Explanation],
    out: &Path,
    which: &Which,
    g: &Global,
    watch: &plazo::io::watch::Watch,
    note: Option<String>,
) -> anyhow::Result<()> {
    if xs.is_empty() {
        let source = match which {
            Which::Breaches => "breaches".to_string(),
            Which::AtRisk => "at-risk".to_string(),
            Which::File(p, _) => p.display().to_string(),
            Which::One(t) => t.clone(),
        };
        return Err(failure_in(|lang: Lang| {
            wm::LIST_EMPTY
                .fill(lang, &[("source", &source), ("path", &out.display())])
        })
        .into());
    }
    let dir = out
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    std::fs::create_dir_all(dir).map_err(|e| Error::io(dir, &e))?;
    let mut batch = Batch::new(dir);
    plazo::report::workbook::write_explain(xs, g.lang, out, &mut batch)?;
    super::common::inputs_unchanged(watch)?;
    batch.commit()?;
    if !g.quiet {
        if let Some(note) = note {
            eprintln!("{note}");
        }
        eprintln!(
            "{}",
            wm::EXPLAIN_WRITTEN.fill(
                g.lang,
                &[
                    ("n", &thousands(xs.len() as u64, g.lang)),
                    ("path", &out.display()),
                ],
            )
        );
    }
    Ok(())
}
