//! `plazo calendar`: the business-time calendar from the command line.
//!
//! - `plazo calendar holidays --year 2026 [--calendar co | --policy P]
//!   [--format table|csv]` lists the closed days of a year (CSV columns
//!   `date,name`, one row per date, names joined with ` / `).
//! - `plazo calendar between --policy P START END` prints the business
//!   seconds and `H:MM:SS` between two instants; with `--pairs FILE.csv`
//!   (columns `start,end`) it writes `start,end,business_seconds` to stdout,
//!   one row per input row, in order.
//! - `plazo calendar add --policy P START DURATION [--end-of-working-day]`
//!   (`90m`, `8h`, `3bd`; `-3h`, `-7bd` count backwards) prints the
//!   deadline (or the latest start), moved to the close of its working day
//!   with `--end-of-working-day`.
//! - `plazo calendar import-glpi --calendars ... --segments ... --holidays
//!   ... --links ...` prints a `[calendar]` table from GLPI's calendar
//!   tables.
//! - `plazo calendar import-workshift FILE` prints a `[calendar]` table
//!   from a CA SDM workshift (holiday lines become `extra_closed_days`).
//!
//! Instants are ISO 8601 with an offset, or naive local time in the
//! policy's time zone; they are printed as ISO 8601 with the zone's
//! offset.

mod add;
mod between;
mod holidays;
mod import_glpi;
mod import_workshift;

use clap::Subcommand;

use super::Global;

pub use import_glpi::ImportCalendarArgs;

#[derive(Debug, Subcommand)]
pub enum CalendarCmd {
    /// List a year's holidays and closed days.
    Holidays(holidays::HolidaysArgs),
    /// Business time between two instants (or between pairs in a CSV).
    Between(between::BetweenArgs),
    /// The instant a business duration after (or, negative, before) a start.
    Add(add::AddArgs),
    /// Turn GLPI's calendar tables into a plazo [calendar] table (TOML).
    ImportGlpi(ImportCalendarArgs),
    /// Print a plazo [calendar] table from a CA SDM workshift text.
    ImportWorkshift(import_workshift::ImportWorkshiftArgs),
}

pub fn run(cmd: CalendarCmd, g: &Global) -> anyhow::Result<()> {
    match cmd {
        CalendarCmd::Holidays(a) => holidays::run(a, g.lang),
        CalendarCmd::Between(a) => between::run(a),
        CalendarCmd::Add(a) => add::run(a),
        CalendarCmd::ImportGlpi(a) => import_glpi::run(a),
        CalendarCmd::ImportWorkshift(a) => import_workshift::run(a),
    }
}

/// One CSV output field, quoted when needed.
fn csv_field(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}
