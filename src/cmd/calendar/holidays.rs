//! `plazo calendar holidays`: a year's closed days, as a table or CSV.

use std::io::Write;
use std::path::PathBuf;

use chrono::Datelike;
use clap::{Args, ValueEnum};
use plazo::calendar::{Calendar, CalendarSpec, HolidayRules};
use plazo::text::lang::tr;
use plazo::{Error, Policy};

use super::csv_field;

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

pub fn run(a: HolidaysArgs) -> anyhow::Result<()> {
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
