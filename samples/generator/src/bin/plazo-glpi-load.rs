//! `plazo-glpi-load`: a large GLPI-shaped load as TSV files (see
//! `plazo_samples::glpi_load`), for scripts/glpi-load.sh.
//!
//! ```sh
//! cargo run -p plazo-samples --bin plazo-glpi-load -- --tickets 200000 --out /tmp/glpi-load/tsv
//! ```

use std::path::PathBuf;

use chrono::NaiveDate;
use clap::Parser;
use plazo::Error;
use plazo_samples::glpi_load::{Load, write};

#[derive(Debug, Parser)]
#[command(
    name = "plazo-glpi-load",
    version,
    about = "A large GLPI-shaped database load as TSV files (developers only)"
)]
struct Args {
    /// Number of tickets.
    #[arg(long, default_value_t = 200_000)]
    tickets: u32,
    /// Random seed.
    #[arg(long, default_value_t = 1)]
    seed: u64,
    /// First opening day (YYYY-MM-DD).
    #[arg(long, default_value = "2024-01-01")]
    from: String,
    /// Last opening day (YYYY-MM-DD); the dump is taken at 18:00 that day.
    #[arg(long, default_value = "2026-12-31")]
    to: String,
    /// Output folder (the TSV files and counts.txt).
    #[arg(long)]
    out: PathBuf,
}

/// Local seconds of a day's midnight.
fn day(s: &str, flag: &str) -> Result<i64, Error> {
    let d = NaiveDate::parse_from_str(s, "%Y-%m-%d").map_err(|_| {
        Error::input(
            format!("{flag} {s:?}: use una fecha AAAA-MM-DD"),
            format!("{flag} {s:?}: use a YYYY-MM-DD date"),
        )
    })?;
    Ok(d.and_hms_opt(0, 0, 0).unwrap().and_utc().timestamp())
}

fn main() -> std::process::ExitCode {
    let a = Args::parse();
    let run = || -> Result<(), Error> {
        let (from, to) = (day(&a.from, "--from")?, day(&a.to, "--to")?);
        let load = Load {
            tickets: a.tickets,
            seed: a.seed,
            from,
            to: to + 86_400,
            now: to + 18 * 3600,
        };
        let t0 = std::time::Instant::now();
        let counts = write(&load, &a.out)?;
        for (f, n) in &counts.files {
            eprintln!("{n:>10}  {f}");
        }
        eprintln!(
            "plazo-glpi-load: {} tickets -> {} in {:.1} s",
            a.tickets,
            a.out.display(),
            t0.elapsed().as_secs_f64()
        );
        Ok(())
    };
    match run() {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("plazo-glpi-load: {e:#}");
            std::process::ExitCode::from(2)
        }
    }
}
