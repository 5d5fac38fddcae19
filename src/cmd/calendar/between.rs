//! `plazo calendar between`: business time between two instants, or
//! between the `start,end` pairs of a CSV file.

use std::io::Write;
use std::path::PathBuf;

use anyhow::Context;
use clap::Args;
use plazo::io::csv::{Complaint, Fields, Record, Records};
use plazo::text::msg::cli::calendar as msg;
use plazo::time::{Instant, hms};
use plazo::{Error, Policy};

use super::csv_field;

#[derive(Debug, Args)]
pub struct BetweenArgs {
    /// The entity policy (TOML) whose calendar is used.
    #[arg(long)]
    policy: PathBuf,
    /// CSV file with columns start,end; writes start,end,business_seconds.
    #[arg(long, conflicts_with_all = ["start", "end"])]
    pairs: Option<PathBuf>,
    /// Start instant (ISO 8601, or local time in the policy's zone).
    #[arg(required_unless_present = "pairs")]
    start: Option<String>,
    /// End instant.
    #[arg(required_unless_present = "pairs")]
    end: Option<String>,
}

pub fn run(a: BetweenArgs) -> anyhow::Result<()> {
    let policy = Policy::load(&a.policy)?;
    let (cal, tz) = (policy.calendar(), policy.tz());
    let mut out = std::io::stdout().lock();
    let Some(pairs) = a.pairs else {
        let start = Instant::parse(a.start.as_deref().unwrap_or(""), tz)
            .map_err(|e| e.at("START"))?;
        let end = Instant::parse(a.end.as_deref().unwrap_or(""), tz)
            .map_err(|e| e.at("END"))?;
        let s = cal.business_between(start, end);
        writeln!(out, "{s}\t{}", hms(s))?;
        return Ok(());
    };
    let file =
        std::fs::File::open(&pairs).map_err(|e| Error::io(&pairs, &e))?;
    let place = pairs.display().to_string();
    let mut records = Records::from_reader(
        &place,
        Box::new(file),
        b',',
        Fields::Same,
        Complaint::Input,
    )?;
    let headers = records.headers().to_vec();
    let col = |name: &str| {
        headers
            .iter()
            .position(|h| h.trim().trim_start_matches('\u{feff}') == name)
            .ok_or_else(|| {
                Error::input_msg(
                    msg::PAIRS_NO_COLUMN,
                    &[("file", &place), ("column", &format!("{name:?}"))],
                )
            })
    };
    let (si, ei) = (col("start")?, col("end")?);
    let mut w = std::io::BufWriter::new(&mut out);
    writeln!(w, "start,end,business_seconds")?;
    let mut rec = Record::new();
    while let Some(line) = records.next(&mut rec)? {
        let get = |i: usize, name: &str| -> plazo::Result<Instant> {
            let v = rec.get(i).unwrap_or("");
            Instant::parse(v, tz).map_err(|e| {
                e.context_msg(
                    msg::PAIRS_CELL,
                    &[("file", &place), ("line", &line), ("column", &name)],
                )
            })
        };
        let (s, e) = (get(si, "start")?, get(ei, "end")?);
        writeln!(
            w,
            "{},{},{}",
            csv_field(&rec[si]),
            csv_field(&rec[ei]),
            cal.business_between(s, e)
        )?;
    }
    w.flush().context("stdout")?;
    Ok(())
}
