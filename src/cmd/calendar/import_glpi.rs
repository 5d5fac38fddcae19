//! `plazo calendar import-glpi`: GLPI's calendar tables (glpi_calendars,
//! glpi_calendarsegments, glpi_holidays, glpi_calendars_holidays) turned
//! into a plazo `[calendar]` table, printed as TOML.

use std::path::PathBuf;

use clap::Args;
use plazo::Error;
use plazo::source::glpi::{Dump, calendar_toml};
use plazo::source::glpi_db::{Db, Target};
use plazo::text::msg::cli::calendar as msg;

#[derive(Debug, Args)]
pub struct ImportCalendarArgs {
    /// glpi_calendars dump.
    #[arg(
        long,
        required_unless_present = "glpi_db",
        conflicts_with = "glpi_db"
    )]
    calendars: Option<PathBuf>,
    /// glpi_calendarsegments dump.
    #[arg(
        long,
        required_unless_present = "glpi_db",
        conflicts_with = "glpi_db"
    )]
    segments: Option<PathBuf>,
    /// glpi_holidays dump.
    #[arg(
        long,
        required_unless_present = "glpi_db",
        conflicts_with = "glpi_db"
    )]
    holidays: Option<PathBuf>,
    /// glpi_calendars_holidays dump.
    #[arg(
        long,
        required_unless_present = "glpi_db",
        conflicts_with = "glpi_db"
    )]
    links: Option<PathBuf>,
    /// The calendar id (default: the first one with segments that is not
    /// GLPI's stock "Default").
    #[arg(long)]
    id: Option<String>,
    /// GLPI's database (instead of the four dumps):
    /// mysql://USER@HOST[:PORT]/DATABASE; password from PLAZO_DB_PASSWORD
    /// or ~/.my.cnf.
    #[arg(long, value_name = "URL")]
    glpi_db: Option<String>,
    /// Years for which perpetual holidays are written, e.g. 2025-2027.
    #[arg(long, default_value = "2025-2027")]
    years: String,
}

/// A dump given with its flag (clap makes each one required without
/// `--glpi-db`).
fn read(path: Option<&std::path::Path>) -> plazo::Result<Dump> {
    Dump::read(path.unwrap_or_else(|| std::path::Path::new("")))
}

pub fn run(a: ImportCalendarArgs) -> anyhow::Result<()> {
    let (c, s, h, l) = match &a.glpi_db {
        Some(url) => {
            let mut db = Db::connect(&Target::parse(url)?, chrono_tz::UTC)?;
            (
                db.table("glpi_calendars")?,
                db.table("glpi_calendarsegments")?,
                db.table("glpi_holidays")?,
                db.table("glpi_calendars_holidays")?,
            )
        }
        None => (
            read(a.calendars.as_deref())?,
            read(a.segments.as_deref())?,
            read(a.holidays.as_deref())?,
            read(a.links.as_deref())?,
        ),
    };
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
