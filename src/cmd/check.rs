//! `plazo check`: validates inputs against a policy and prints every
//! problem at once.
//!
//! ```text
//! plazo check --policy P --source SOURCE --input FILE... [same input flags as ingest]
//! ```
//!
//! Problems: rejected rows (grouped by reason, with a count and the first
//! example), and status labels the policy does not map (with their count,
//! an example ticket and the `[states]` key to add them to), and no
//! ticket accepted at all (where `sla`, `report` and `ingest` would exit
//! 1 with nothing to measure). Exit 0 when there is none, 2 otherwise.
//! Nothing is written. `check` takes no `--max-rejects`: every rejected
//! row is already a problem here.

use std::collections::BTreeMap;
use std::io::Write;
use std::path::PathBuf;

use clap::Args;
use plazo::source::check::unknown_statuses;
use plazo::text::msg::cli::check as msg;
use plazo::{Error, Policy};

use super::Global;
use super::ingest::InputArgs;

#[derive(Debug, Args)]
pub struct CheckArgs {
    /// The entity policy (TOML) to validate against.
    #[arg(long)]
    pub policy: PathBuf,
    #[command(flatten)]
    pub input: InputArgs,
}

pub fn run(a: CheckArgs, g: &Global) -> anyhow::Result<()> {
    let policy = Policy::load_in(&a.policy, g.lang)?;
    let ing = a.input.read(Some(&policy), g.lang, g.quiet)?;
    let mut out = std::io::stdout().lock();
    let mut problems = 0usize;
    let mut by_reason: BTreeMap<&str, (usize, &plazo::model::Reject)> =
        BTreeMap::new();
    for r in &ing.rejects {
        by_reason.entry(&r.reason).or_insert((0, r)).0 += 1;
    }
    for (reason, (n, r)) in &by_reason {
        problems += 1;
        let line = msg::REJECTED.fill(
            g.lang,
            &[
                ("n", n),
                ("reason", reason),
                ("file", &r.file),
                ("line", &r.line),
                ("column", &format!("{:?}", r.column)),
                ("value", &format!("{:?}", r.value)),
            ],
        );
        writeln!(out, "{line}")?;
    }
    for u in unknown_statuses(&ing, &policy) {
        problems += 1;
        let line = msg::UNMAPPED_STATUS.fill(
            g.lang,
            &[
                ("label", &format!("{:?}", u.label)),
                ("count", &u.count),
                ("example", &u.example),
                ("policy", &a.policy.display()),
            ],
        );
        writeln!(out, "{line}")?;
    }
    if ing.tickets.is_empty() {
        problems += 1;
        let rows: u64 = ing.files.iter().map(|f| f.read).sum();
        let line = plazo::text::msg::cli::quiet::CHECK_NO_TICKETS
            .fill(g.lang, &[("rows", &rows)]);
        writeln!(out, "{line}")?;
    }
    if !g.quiet {
        eprint!("{}", ing.summary(g.lang));
    }
    if problems > 0 {
        return Err(
            Error::input_msg(msg::PROBLEMS, &[("n", &problems)]).into()
        );
    }
    writeln!(out, "{}", msg::NO_PROBLEMS.get(g.lang))?;
    Ok(())
}
