//! `plazo check`: validates inputs against a policy and prints every
//! problem at once.
//!
//! ```text
//! plazo check --policy P --source SOURCE --input FILE... [same input flags as ingest]
//! ```
//!
//! Problems: rejected rows (grouped by reason, with a count and the first
//! example), and status labels the policy does not map (with their count,
//! an example ticket and the `[states]` key to add them to). Exit 0 when
//! there is none, 2 otherwise. Nothing is written.

use std::collections::BTreeMap;
use std::io::Write;
use std::path::PathBuf;

use clap::Args;
use plazo::source::{self, check::unknown_statuses};
use plazo::text::lang::tr;
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
    let policy = Policy::load(&a.policy)?;
    let opts = a.input.options(Some(&policy), g.lang)?;
    let ing = source::run(&opts)?;
    let mut out = std::io::stdout().lock();
    let mut problems = 0usize;
    let mut by_reason: BTreeMap<&str, (usize, &plazo::model::Reject)> =
        BTreeMap::new();
    for r in &ing.rejects {
        by_reason.entry(&r.reason).or_insert((0, r)).0 += 1;
    }
    for (reason, (n, r)) in &by_reason {
        problems += 1;
        writeln!(
            out,
            "{n} {}: {reason} ({} {}:{} {} {:?} = {:?})",
            tr("filas rechazadas", "rows rejected"),
            tr("p. ej.", "e.g."),
            r.file,
            r.line,
            tr("columna", "column"),
            r.column,
            r.value
        )?;
    }
    for u in unknown_statuses(&ing, &policy) {
        problems += 1;
        writeln!(
            out,
            "{}: {:?} ({} {}, {} {}); {}",
            tr("estado sin mapear", "unmapped status"),
            u.label,
            u.count,
            tr("eventos", "events"),
            tr("p. ej. ticket", "e.g. ticket"),
            u.example,
            tr(
                &format!(
                    "agréguelo a [states] en {}, en la clave que le \
                     corresponda (new, open, paused, solved, closed o \
                     cancelled), p. ej. open = [..., {:?}]",
                    a.policy.display(),
                    u.label
                ),
                &format!(
                    "add it to [states] in {}, under the key it belongs to \
                     (new, open, paused, solved, closed or cancelled), e.g. \
                     open = [..., {:?}]",
                    a.policy.display(),
                    u.label
                ),
            )
        )?;
    }
    if !g.quiet {
        eprint!("{}", ing.summary(g.lang));
    }
    if problems > 0 {
        return Err(Error::input(
            format!("{problems} problemas encontrados"),
            format!("{problems} problems found"),
        )
        .into());
    }
    writeln!(out, "{}", tr("sin problemas", "no problems"))?;
    Ok(())
}
