//! `plazo calendar add`: the instant a business duration after a start
//! (a deadline).

use std::io::Write;
use std::path::PathBuf;

use clap::Args;
use plazo::time::{BizDuration, Instant};
use plazo::{Error, Policy};

#[derive(Debug, Args)]
pub struct AddArgs {
    /// The entity policy (TOML) whose calendar is used.
    #[arg(long)]
    policy: PathBuf,
    /// Start instant (ISO 8601, or local time in the policy's zone).
    start: String,
    /// Business duration: 90m, 8h, 1h30m or 3bd (business days).
    duration: String,
}

pub fn run(a: AddArgs) -> anyhow::Result<()> {
    let policy = Policy::load(&a.policy)?;
    let tz = policy.tz();
    let start = Instant::parse(&a.start, tz).map_err(|e| e.at("START"))?;
    let d: BizDuration =
        a.duration.parse().map_err(|e: Error| e.at("DURATION"))?;
    let due = policy.calendar().add(start, d)?;
    writeln!(std::io::stdout(), "{}", due.to_rfc3339(tz))?;
    Ok(())
}
