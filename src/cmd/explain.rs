//! `plazo explain`: one ticket's timeline, interval by interval, with
//! running totals against its targets, the deadlines and the verdict.
//! The engine builds the explanation ([`plazo::engine::explain`]); the
//! report layer words it in the chosen language
//! ([`plazo::report::explain`]).

use clap::Args;
use plazo::Error;
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
    /// Also list the working periods that counted inside each interval.
    #[arg(long)]
    detail: bool,
}

pub fn run(a: ExplainArgs, g: &Global) -> anyhow::Result<()> {
    // The plan: everything checked before the tables are read.
    let plan = a.data.plan(g.lang)?;
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
    use std::io::Write;
    std::io::stdout().write_all(text.as_bytes())?;
    Ok(())
}
