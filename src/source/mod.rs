//! Sources: each tool's export in, model builder calls out.
//!
//! Each source tool's export is read by one small module and reduced, row
//! by row, to calls on the model's [`Builder`] (ids, duplicates, rejects,
//! counts), which yields the canonical tables (docs/CONTRACT.md §1). Data
//! flows one way: files -> [`crate::io::csv`] (encoding, separator, line
//! numbers) -> a source adapter -> [`Builder`] -> [`Ingested`].
//!
//! | source | module | input |
//! |---|---|---|
//! | `glpi-csv` | [`glpi_csv`] | GLPI's ticket search export (10.x, 11.x) |
//! | `glpi-db` | [`db`] | outputs of `queries/glpi/*.sql` |
//! | `glpi-tables` | [`glpi_tables`] | raw GLPI table dumps |
//! | `ca-sdm` | [`db`] | outputs of `queries/ca_sdm/*.sql` |
//! | `aranda` | [`db`] | outputs of `queries/aranda/*.sql` |
//! | `generic` | [`generic`] | any event log, through a [`mapping::Mapping`] |
//!
//! The rules every source shares (accounting, duplicates, events before
//! the opening) are the builder's: see [`crate::model::builder`] and
//! docs/INGEST.md.

pub mod check;
pub mod db;
pub mod generic;
pub mod glpi;
pub mod glpi_csv;
pub mod glpi_db;
pub mod glpi_tables;
pub mod mapping;
pub mod surveys;
pub mod workshift;

use std::path::PathBuf;

use chrono_tz::Tz;

pub use crate::io::encoding::Encoding;

use crate::error::{Error, Result};
use crate::model::builder::{Builder, Ingested};
use crate::text::lang::Lang;
use crate::text::msg::source as msg;

/// The tool an export comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum Source {
    /// GLPI's ticket search export (CSV).
    GlpiCsv,
    /// Outputs of `queries/glpi/*.sql`.
    GlpiDb,
    /// Outputs of `queries/ca_sdm/*.sql`.
    CaSdm,
    /// Outputs of `queries/aranda/*.sql`.
    Aranda,
    /// Any event log described by a mapping file.
    Generic,
    /// Raw GLPI table dumps (glpi_tickets, glpi_logs, ...).
    GlpiTables,
}

impl std::str::FromStr for Source {
    type Err = String;

    fn from_str(s: &str) -> Result<Source, String> {
        match s.trim().to_ascii_lowercase().as_str() {
            "glpi-csv" => Ok(Source::GlpiCsv),
            "glpi-db" => Ok(Source::GlpiDb),
            "ca-sdm" => Ok(Source::CaSdm),
            "aranda" => Ok(Source::Aranda),
            "generic" => Ok(Source::Generic),
            "glpi-tables" => Ok(Source::GlpiTables),
            // The argument parser's own text around it is English.
            o => Err(msg::UNKNOWN_SOURCE
                .fill(Lang::En, &[("value", &format!("{o:?}"))])),
        }
    }
}

/// What to read and how.
#[derive(Clone, Debug)]
pub struct Options {
    /// The source tool.
    pub source: Source,
    /// Input files (tickets, events, or event logs).
    pub inputs: Vec<PathBuf>,
    /// Survey files (Google Forms export, GLPI satisfactions, canonical).
    pub surveys: Vec<PathBuf>,
    /// The column mapping (required by `generic`, optional elsewhere).
    pub mapping: Option<mapping::Mapping>,
    /// The zone naive times are read in.
    pub tz: Tz,
    /// The encoding of every input.
    pub encoding: Encoding,
    /// `None` = detect per column.
    pub date_format: Option<crate::time::dates::DateFormat>,
    /// CA SDM: the regex whose first group is the new status in an
    /// `ST` description (overrides the mapping).
    pub status_pattern: Option<String>,
    /// The language of the rejects' reasons.
    pub lang: Lang,
}

/// Reads every input of `opts` into canonical tables.
///
/// # Errors
///
/// An input error (exit 2) when a file cannot be read as the source
/// expects (missing columns, ambiguous dates, a bad mapping); bad rows are
/// not errors, they go to [`Ingested::rejects`].
///
/// # Example
///
/// ```no_run
/// use plazo::source::{self, Options, Source, Encoding};
/// let opts = Options {
///     source: Source::GlpiCsv,
///     inputs: vec!["export.csv".into()],
///     surveys: vec![],
///     mapping: None,
///     tz: "America/Bogota".parse().unwrap(),
///     encoding: Encoding::Auto,
///     date_format: None,
///     status_pattern: None,
///     lang: plazo::text::lang::Lang::Es,
/// };
/// let out = source::run(&opts)?;
/// println!("{} tickets", out.tickets.len());
/// # Ok::<(), plazo::Error>(())
/// ```
pub fn run(opts: &Options) -> Result<Ingested> {
    let mut b = Builder::new(opts.tz, opts.lang);
    match opts.source {
        Source::GlpiCsv => {
            for p in &opts.inputs {
                glpi_csv::read(opts, p, &mut b)?;
            }
        }
        Source::Generic => {
            let Some(m) = &opts.mapping else {
                return Err(Error::input_msg(msg::GENERIC_NEEDS_MAPPING, &[]));
            };
            for p in &opts.inputs {
                generic::read(opts, m, p, &mut b)?;
            }
        }
        Source::GlpiDb | Source::CaSdm | Source::Aranda => {
            db::read_all(opts, &mut b)?;
        }
        Source::GlpiTables => glpi_tables::read(opts, &mut b)?,
    }
    for p in &opts.surveys {
        surveys::read(opts, p, &mut b)?;
    }
    b.finish()
}
