//! `plazo calendar add`: the instant a business duration after a start
//! (a deadline), or before it with a negative duration, optionally moved
//! to the close of that working day.

use std::io::Write;
use std::path::PathBuf;

use clap::Args;
use plazo::time::{Instant, SignedBizDuration};
use plazo::{Error, Policy};

#[derive(Debug, Args)]
pub struct AddArgs {
    /// The entity policy (TOML) whose calendar is used.
    #[arg(long)]
    policy: PathBuf,
    /// Move the result to the close of the working day it falls on
    /// (GLPI's end_of_working_day; a closed day moves to the next working
    /// day, or to the previous one for a negative duration).
    #[arg(long)]
    end_of_working_day: bool,
    /// Start instant (ISO 8601, or local time in the policy's zone).
    start: String,
    /// Business duration: 90m, 8h, 1h30m or 3bd (business days); a
    /// leading minus counts backwards (-3h, -7bd).
    #[arg(allow_hyphen_values = true)]
    duration: String,
}

pub fn run(a: AddArgs) -> anyhow::Result<()> {
    let policy = Policy::load(&a.policy)?;
    let tz = policy.tz();
    let start = Instant::parse(&a.start, tz).map_err(|e| e.at("START"))?;
    let d: SignedBizDuration =
        a.duration.parse().map_err(|e: Error| e.at("DURATION"))?;
    let cal = policy.calendar();
    let mut due = cal.add_signed(start, d)?;
    if a.end_of_working_day {
        due = if d.backwards {
            cal.end_of_working_day_backwards(due)?
        } else {
            cal.end_of_working_day(due)?
        };
    }
    writeln!(std::io::stdout(), "{}", due.to_rfc3339(tz))?;
    Ok(())
}
