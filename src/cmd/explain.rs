//! `plazo explain`: one ticket's timeline, interval by interval, with
//! running totals against its targets, the deadlines and the verdict.
//! The engine builds the explanation ([`plazo::engine::explain`]); the
//! report layer words it in the chosen language
//! ([`plazo::report::explain`]).
//!
//! The cutoff: `--cutoff`, else with `--period` the period's last second
//! (the rule of `plazo report --period`, so both show the same verdict),
//! else now; without either option the cutoff used is said on stderr.

use clap::Args;
use plazo::Error;
use plazo::report::Period;
use plazo::text::msg;

use super::Global;
use super::common::DataArgs;

#[derive(Debug, Args)]
pub struct ExplainArgs {
    #[command(flatten)]
    data: DataArgs,
    /// The ticket to explain (its ticket_id).
    #[arg(long)]
    ticket: String,
    /// Measure as the report of this period does: its cutoff is the
    /// period's last second unless --cutoff is given. A month (2026-10),
    /// a quarter (2026Q3), previous-month or previous-quarter.
    #[arg(long)]
    period: Option<String>,
    /// Also list the working periods that counted inside each interval.
    #[arg(long)]
    detail: bool,
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
    let mut plan = a.data.plan(g.lang)?;
    let tz = plan.policy.tz();
    let note = match &a.period {
        Some(p) => {
            let p = period(p, &plan.policy, plan.cutoff)?;
            if !plan.cutoff_given {
                plan.cutoff = p.last_second();
                Some(msg::explain::CUTOFF_PERIOD.fill(
                    g.lang,
                    &[
                        ("cutoff", &plan.cutoff.local_text(tz)),
                        ("period", &p.label()),
                    ],
                ))
            } else {
                None
            }
        }
        None if !plan.cutoff_given => Some(
            msg::explain::CUTOFF_NOW
                .fill(g.lang, &[("cutoff", &plan.cutoff.local_text(tz))]),
        ),
        None => None,
    };
    let source = plan.inputs.describe();
    let watch = plan.watch.clone();
    let loaded = plan.load(g.lang)?;
    let engine = loaded.engine()?;
    let Some(&i) = loaded.ds.by_id.get(a.ticket.trim()) else {
        return Err(Error::input_msg(
            msg::explain::TICKET_NOT_FOUND,
            &[("ticket", &format!("{:?}", a.ticket)), ("file", &source)],
        )
        .into());
    };
    let x = plazo::engine::explain::explain(
        &engine,
        &loaded.policy,
        &loaded.ds,
        i as usize,
        a.detail,
    );
    let text = plazo::report::explain::render(&x, g.lang);
    super::common::inputs_unchanged(&watch)?;
    if let Some(note) = note.filter(|_| !g.quiet) {
        eprintln!("{note}");
    }
    use std::io::Write;
    std::io::stdout().write_all(text.as_bytes())?;
    Ok(())
}
