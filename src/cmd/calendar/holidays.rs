//! `plazo calendar holidays`: a year's closed days, as a table or CSV.

use std::io::Write;
use std::path::PathBuf;

use chrono::Datelike;
use clap::{Args, ValueEnum};
use plazo::calendar::{Calendar, CalendarSpec, HolidayRules};
use plazo::text::lang::Lang;
use plazo::text::msg::cli::calendar as msg;
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

pub fn run(a: HolidaysArgs, lang: Lang) -> anyhow::Result<()> {
    if !(1900..=2199).contains(&a.year) {
        return Err(
            Error::input_msg(msg::BAD_YEAR, &[("year", &a.year)]).into()
        );
    }
    let cal = match &a.policy {
        Some(p) => Policy::load_in(p, lang)?.calendar().clone(),
        None => {
            let rules = HolidayRules::resolve(&a.calendar, ".".as_ref())?;
            Calendar::new(CalendarSpec::new(chrono_tz::UTC).holidays(rules))
        }
    };
    let days = cal.holidays_in_year_in(a.year, lang);
    let mut out = std::io::stdout().lock();
    match a.format {
        Format::Csv => {
            writeln!(out, "date,name")?;
            for h in &days {
                writeln!(out, "{},{}", h.date, csv_field(&h.name()))?;
            }
        }
        Format::Table => {
            let (date, day, name) = (
                msg::COL_DATE.get(lang),
                msg::COL_DAY.get(lang),
                msg::COL_HOLIDAY.get(lang),
            );
            writeln!(out, "{date:<10}  {day:<9}  {name}")?;
            for h in &days {
                writeln!(
                    out,
                    "{}  {:<9}  {}",
                    h.date,
                    weekday_name(h.date.weekday(), lang),
                    h.name()
                )?;
            }
            let n = days.len();
            writeln!(out, "{}", msg::CLOSED_DAYS.fill(lang, &[("n", &n)]))?;
        }
    }
    Ok(())
}

fn weekday_name(d: chrono::Weekday, lang: Lang) -> &'static str {
    use chrono::Weekday::*;
    match d {
        Mon => msg::MONDAY,
        Tue => msg::TUESDAY,
        Wed => msg::WEDNESDAY,
        Thu => msg::THURSDAY,
        Fri => msg::FRIDAY,
        Sat => msg::SATURDAY,
        Sun => msg::SUNDAY,
    }
    .get(lang)
}
