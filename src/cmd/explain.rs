//! `plazo explain`: one ticket's timeline, interval by interval, with
//! running totals against its targets, the deadlines and the verdict.

use clap::Args;
use plazo::Error;

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

pub fn run(a: ExplainArgs, _g: &Global) -> anyhow::Result<()> {
    // The plan: everything checked before the tables are read.
    let plan = a.data.plan()?;
    let loaded = plan.load()?;
    let engine = loaded.engine()?;
    let Some(&i) = loaded.ds.by_id.get(a.ticket.trim()) else {
        return Err(Error::input(
            format!(
                "el ticket {:?} no está en {}; revise el número",
                a.ticket,
                a.data.tickets.display()
            ),
            format!(
                "ticket {:?} is not in {}; check the number",
                a.ticket,
                a.data.tickets.display()
            ),
        )
        .into());
    };
    let (_, text) = plazo::engine::explain::explain(
        &engine,
        &loaded.policy,
        &loaded.ds,
        i as usize,
        a.detail,
    );
    use std::io::Write;
    std::io::stdout().write_all(text.as_bytes())?;
    Ok(())
}
