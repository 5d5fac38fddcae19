//! `plazo calendar import-glpi`: GLPI's calendar tables (glpi_calendars,
//! glpi_calendarsegments, glpi_holidays, glpi_calendars_holidays) turned
//! into a plazo `[calendar]` table, printed as TOML.

use std::path::PathBuf;

use clap::Args;
use plazo::Error;
use plazo::source::glpi::{Dump, calendar_toml};
use plazo::text::msg::cli::calendar as msg;

#[derive(Debug, Args)]
pub struct ImportCalendarArgs {
    /// glpi_calendars dump.
    #[arg(long)]
    calendars: PathBuf,
    /// glpi_calendarsegments dump.
    #[arg(long)]
    segments: PathBuf,
    /// glpi_holidays dump.
    #[arg(long)]
    holidays: PathBuf,
    /// glpi_calendars_holidays dump.
    #[arg(long)]
    links: PathBuf,
    /// The calendar id (default: the first one with segments that is not
    /// GLPI's stock "Default").
    #[arg(long)]
    id: Option<String>,
    /// Years for which perpetual holidays are written, e.g. 2025-2027.
    #[arg(long, default_value = "2025-2027")]
    years: String,
}

pub fn run(a: ImportCalendarArgs) -> anyhow::Result<()> {
    let (c, s, h, l) = (
        Dump::read(&a.calendars)?,
        Dump::read(&a.segments)?,
        Dump::read(&a.holidays)?,
        Dump::read(&a.links)?,
    );
    let bad_years = || {
        Error::input_msg(
            msg::BAD_YEARS,
            &[("value", &format!("{:?}", a.years))],
        )
    };
    let (y0, y1) = a.years.split_once('-').ok_or_else(bad_years)?;
    let (y0, y1): (i32, i32) = (
        y0.trim().parse().map_err(|_| bad_years())?,
        y1.trim().parse().map_err(|_| bad_years())?,
    );
    let id = match a.id {
        Some(id) => id,
        None => (0..c.len())
            .filter(|&i| c.get(i, "name") != Some("Default"))
            .filter_map(|i| c.get(i, "id"))
            .next()
            .unwrap_or("1")
            .to_string(),
    };
    print!("{}", calendar_toml(&c, &s, &h, &l, &id, y0..=y1)?);
    Ok(())
}
