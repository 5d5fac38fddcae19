//! `plazo calendar`: the business-time calendar from the command line.
//!
//! - `plazo calendar holidays --year 2026 [--calendar co | --policy P]
//!   [--format table|csv]` lists the closed days of a year (CSV columns
//!   `date,name`, one row per date, names joined with ` / `).
//! - `plazo calendar between --policy P START END` prints the business
//!   seconds and `H:MM:SS` between two instants; with `--pairs FILE.csv`
//!   (columns `start,end`) it writes `start,end,business_seconds` to stdout,
//!   one row per input row, in order.
//! - `plazo calendar add --policy P START DURATION` (`90m`, `8h`, `3bd`)
//!   prints the deadline.
//! - `plazo calendar import-workshift FILE` prints a `[calendar]` table
//!   from a CA SDM workshift (holiday lines become `extra_closed_days`).
//!
//! Instants are ISO 8601 with an offset, or naive local time in the
//! policy's time zone; they are printed as ISO 8601 with the zone's
//! offset.

use std::io::Write;
use std::path::PathBuf;

use anyhow::Context;
use chrono::Datelike;
use clap::{Args, Subcommand, ValueEnum};
use plazo::calendar::{Calendar, CalendarSpec, HolidayRules};
use plazo::text::lang::tr;
use plazo::time::{BizDuration, Instant, hms};
use plazo::{Error, Policy};

use super::Global;

#[derive(Debug, Subcommand)]
pub enum CalendarCmd {
    /// List a year's holidays and closed days.
    Holidays(HolidaysArgs),
    /// Business time between two instants (or between pairs in a CSV).
    Between(BetweenArgs),
    /// The instant a business duration after a start (a deadline).
    Add(AddArgs),
    /// Turn GLPI's calendar tables into a plazo [calendar] table (TOML).
    ImportGlpi(super::reconcile::ImportCalendarArgs),
    /// Print a plazo [calendar] table from a CA SDM workshift text.
    ImportWorkshift(ImportWorkshiftArgs),
}

#[derive(Debug, Args)]
pub struct ImportWorkshiftArgs {
    /// The workshift text file (`Mon - Fri { 8:00 am - 5:00 pm }`,
    /// holiday lines `mm/dd/yyyy`).
    file: PathBuf,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum Format {
    /// Aligned columns for people.
    Table,
    /// `date,name` CSV for programs.
    Csv,
}

#[derive(Debug, Args)]
pub struct HolidaysArgs {
    /// The year, e.g. 2026.
    #[arg(long)]
    year: i32,
    /// A holiday rule set: built-in code (co) or a .toml file.
    #[arg(long, default_value = "co", conflicts_with = "policy")]
    calendar: String,
    /// Use the policy's holiday sets and extra closed days instead.
    #[arg(long)]
    policy: Option<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value = "table")]
    format: Format,
}

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

pub fn run(cmd: CalendarCmd, _g: &Global) -> anyhow::Result<()> {
    match cmd {
        CalendarCmd::Holidays(a) => holidays(a),
        CalendarCmd::Between(a) => between(a),
        CalendarCmd::Add(a) => add(a),
        CalendarCmd::ImportGlpi(a) => super::reconcile::import_calendar(a),
        CalendarCmd::ImportWorkshift(a) => {
            let text = std::fs::read_to_string(&a.file)
                .map_err(|e| Error::io(&a.file, &e))?;
            let toml = plazo::source::workshift::to_toml(&text)
                .map_err(|e| e.at(&a.file.display().to_string()))?;
            write!(std::io::stdout(), "{toml}")?;
            Ok(())
        }
    }
}

fn holidays(a: HolidaysArgs) -> anyhow::Result<()> {
    if !(1900..=2199).contains(&a.year) {
        return Err(Error::input(
            format!("--year {}: use un año entre 1900 y 2199", a.year),
            format!("--year {}: use a year between 1900 and 2199", a.year),
        )
        .into());
    }
    let cal = match &a.policy {
        Some(p) => Policy::load(p)?.calendar().clone(),
        None => {
            let rules = HolidayRules::resolve(&a.calendar, ".".as_ref())?;
            Calendar::new(CalendarSpec::new(chrono_tz::UTC).holidays(rules))
        }
    };
    let days = cal.holidays_in_year(a.year);
    let mut out = std::io::stdout().lock();
    match a.format {
        Format::Csv => {
            writeln!(out, "date,name")?;
            for h in &days {
                writeln!(out, "{},{}", h.date, csv_field(&h.name()))?;
            }
        }
        Format::Table => {
            let (fecha, dia, nombre) = (
                tr("fecha", "date"),
                tr("día", "day"),
                tr("festivo", "holiday"),
            );
            writeln!(out, "{fecha:<10}  {dia:<9}  {nombre}")?;
            for h in &days {
                writeln!(
                    out,
                    "{}  {:<9}  {}",
                    h.date,
                    weekday_name(h.date.weekday()),
                    h.name()
                )?;
            }
            writeln!(
                out,
                "{} {}",
                days.len(),
                tr("días cerrados", "closed days")
            )?;
        }
    }
    Ok(())
}

fn between(a: BetweenArgs) -> anyhow::Result<()> {
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
    let mut rdr = csv::ReaderBuilder::new().flexible(false).from_reader(file);
    let place = pairs.display().to_string();
    let headers = rdr.headers().map_err(|e| csv_error(&place, &e))?.clone();
    let col = |name: &str| {
        headers
            .iter()
            .position(|h| h.trim().trim_start_matches('\u{feff}') == name)
            .ok_or_else(|| {
                Error::input(
                    format!(
                        "{place}: falta la columna {name:?}; el archivo \
                         necesita las columnas start,end"
                    ),
                    format!(
                        "{place}: missing column {name:?}; the file needs \
                         columns start,end"
                    ),
                )
            })
    };
    let (si, ei) = (col("start")?, col("end")?);
    let mut w = std::io::BufWriter::new(&mut out);
    writeln!(w, "start,end,business_seconds")?;
    for (k, rec) in rdr.records().enumerate() {
        let rec = rec.map_err(|e| csv_error(&place, &e))?;
        let line = rec.position().map_or(k as u64 + 2, |p| p.line());
        let get = |i: usize, name: &str| -> plazo::Result<Instant> {
            let v = rec.get(i).unwrap_or("");
            Instant::parse(v, tz)
                .map_err(|e| e.at(&format!("{place}:{line}: column {name}")))
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

fn add(a: AddArgs) -> anyhow::Result<()> {
    let policy = Policy::load(&a.policy)?;
    let tz = policy.tz();
    let start = Instant::parse(&a.start, tz).map_err(|e| e.at("START"))?;
    let d: BizDuration =
        a.duration.parse().map_err(|e: Error| e.at("DURATION"))?;
    let due = policy.calendar().add(start, d)?;
    writeln!(std::io::stdout(), "{}", due.to_rfc3339(tz))?;
    Ok(())
}

fn csv_error(place: &str, e: &csv::Error) -> Error {
    let line = e.position().map(|p| p.line()).unwrap_or(0);
    Error::input(
        format!("{place}:{line}: CSV ilegible: {e}"),
        format!("{place}:{line}: unreadable CSV: {e}"),
    )
}

fn csv_field(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

fn weekday_name(d: chrono::Weekday) -> &'static str {
    use chrono::Weekday::*;
    let (es, en) = match d {
        Mon => ("lunes", "Monday"),
        Tue => ("martes", "Tuesday"),
        Wed => ("miércoles", "Wednesday"),
        Thu => ("jueves", "Thursday"),
        Fri => ("viernes", "Friday"),
        Sat => ("sábado", "Saturday"),
        Sun => ("domingo", "Sunday"),
    };
    tr(es, en)
}
