//! `plazo ingest`: service-desk exports to canonical tables.
//!
//! ```text
//! plazo ingest --glpi-db URL [--glpi-entity ID] --policy P --out DIR
//! plazo ingest --source SOURCE --input FILE... [--mapping M.toml]
//!              [--policy P | --timezone TZ] [--encoding auto|utf-8|windows-1252|utf-16]
//!              [--date-format auto|FMT] [--format csv|parquet] --out DIR
//! ```
//!
//! Writes DIR/tickets.csv, DIR/events.csv, DIR/surveys.csv (when any) and
//! DIR/rejects.csv (`file,line,column,value,reason`), atomically, and
//! prints per input file on stderr: rows read, accepted, rejected and
//! duplicates merged (`--quiet` silences it). Sources: glpi-csv, glpi-db,
//! ca-sdm, aranda, generic (`--mapping` alone implies generic). Inputs may
//! be .csv, .tsv, .csv.gz or a single-file .zip. Naive times are read in
//! the policy's zone (or `--timezone`). With no ticket accepted, or
//! more rejects than `--max-rejects` (or the policy's `[checks]
//! max_rejects`), it exits 1 and writes only DIR/rejects.csv
//! (docs/ROBUSTNESS.md); the summary starts with the rejects. Memory: every table is held in
//! memory until the atomic write (about 200 bytes per row of a 36-column
//! log with labels shared: 2.8 GB for 14 M rows; docs/PERFORMANCE.md).

use std::path::PathBuf;

use clap::{Args, ValueEnum};
use plazo::model::Ingested;
use plazo::model::write::Format;
use plazo::source::mapping::Mapping;
use plazo::source::{self, Encoding, Options, Source};
use plazo::text::lang::Lang;
use plazo::text::msg::cli as msg;
use plazo::time::dates::DateFormat;
use plazo::{Error, Policy};

use super::Global;
use super::common::{
    GlpiDbArgs, GuardArgs, Guards, failure_in, rejected_part, rejects_first,
    thousands,
};
use plazo::text::msg::cli::quiet;

/// Input options shared by `ingest` and `check`.
#[derive(Debug, Args)]
pub struct InputArgs {
    /// Source tool: glpi-csv, glpi-db, glpi-tables, ca-sdm, aranda or
    /// generic.
    #[arg(long)]
    pub source: Option<Source>,
    /// Input files (.csv, .tsv, .csv.gz, single-file .zip).
    #[arg(
        long,
        num_args = 1..,
        required_unless_present = "glpi_db",
        conflicts_with = "glpi_db"
    )]
    pub input: Vec<PathBuf>,
    /// Survey files (Google Forms export, GLPI satisfactions, canonical).
    #[arg(long, num_args = 1..)]
    pub surveys: Vec<PathBuf>,
    /// Column mapping (TOML); alone it implies --source generic.
    #[arg(long)]
    pub mapping: Option<PathBuf>,
    /// Time zone of naive times (IANA name); default: the policy's.
    #[arg(long)]
    pub timezone: Option<String>,
    /// Encoding of the inputs: auto (detected per file), utf-8,
    /// windows-1252, utf-16 (little-endian) or utf-16be.
    #[arg(long, default_value = "auto")]
    pub encoding: Encoding,
    /// Date format: auto (per column, only when unambiguous), iso, epoch
    /// or a strftime pattern such as "%d/%m/%Y %H:%M".
    #[arg(long, default_value = "auto")]
    pub date_format: String,
    /// CA SDM: regex whose first group is the new status in an ST
    /// description.
    #[arg(long)]
    pub status_pattern: Option<String>,
    #[command(flatten)]
    pub db: GlpiDbArgs,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum OutFormat {
    /// CSV files.
    Csv,
    /// Parquet files (rejects stay CSV).
    Parquet,
}

#[derive(Debug, Args)]
pub struct IngestArgs {
    #[command(flatten)]
    pub input: InputArgs,
    /// Policy whose time zone is used (optional with --timezone).
    #[arg(long)]
    pub policy: Option<PathBuf>,
    /// Output format of the canonical tables.
    #[arg(long, value_enum, default_value = "csv")]
    pub format: OutFormat,
    #[command(flatten)]
    pub guard: GuardArgs,
    /// Output folder.
    #[arg(long)]
    pub out: PathBuf,
}

impl InputArgs {
    /// Reads the inputs (files, or GLPI's database with `--glpi-db`) into
    /// canonical tables.
    pub fn read(
        &self,
        policy: Option<&Policy>,
        lang: Lang,
        quiet: bool,
    ) -> plazo::Result<Ingested> {
        if let Some(db) = self.db.source()? {
            let tz = self.zone(policy)?;
            let (ingested, reads) = super::common::ingest_db(&db, tz, lang)?;
            if !quiet {
                for r in &reads {
                    eprintln!("{}", read_line(r, lang));
                }
            }
            return Ok(ingested);
        }
        source::run(&self.options(policy, lang)?)
    }

    /// The zone naive times are read in: `--timezone`, else the policy's.
    fn zone(&self, policy: Option<&Policy>) -> plazo::Result<chrono_tz::Tz> {
        match (&self.timezone, policy) {
            (Some(t), _) => plazo::policy::parse_tz(t),
            (None, Some(p)) => Ok(p.tz()),
            (None, None) => Err(Error::input_msg(msg::NEED_ZONE, &[])),
        }
    }

    /// Resolves the options: source, mapping, zone, date format; rejects
    /// worded in `lang`.
    pub fn options(
        &self,
        policy: Option<&Policy>,
        lang: Lang,
    ) -> plazo::Result<Options> {
        for f in &self.input {
            super::common::input_file("--input", f)?;
        }
        for f in &self.surveys {
            super::common::input_file("--surveys", f)?;
        }
        let mapping = match &self.mapping {
            Some(p) => Some(Mapping::load(p)?),
            None => None,
        };
        let source = match (self.source, &mapping) {
            (Some(s), _) => s,
            (None, Some(_)) => Source::Generic,
            (None, None) => {
                return Err(Error::input_msg(msg::NEED_SOURCE, &[]));
            }
        };
        let tz = self.zone(policy)?;
        Ok(Options {
            source,
            inputs: self.input.clone(),
            surveys: self.surveys.clone(),
            mapping,
            tz,
            encoding: self.encoding,
            date_format: DateFormat::from_user(&self.date_format),
            status_pattern: self.status_pattern.clone(),
            lang,
        })
    }
}

pub fn run(a: IngestArgs, g: &Global) -> anyhow::Result<()> {
    // Every file read, as it is before reading: checked again before the
    // tables are written (an export still being written is an error).
    let mut watch = plazo::io::watch::Watch::default();
    let files = a.policy.iter().chain(&a.input.mapping);
    for f in files.chain(&a.input.input).chain(&a.input.surveys) {
        if f.is_file() {
            watch.add(f)?;
        }
    }
    let policy = match &a.policy {
        Some(p) => Some(Policy::load_in(p, g.lang)?),
        None => None,
    };
    let guards = a.guard.resolve(policy.as_ref().zip(a.policy.as_deref()))?;
    let out = a.input.read(policy.as_ref(), g.lang, g.quiet)?;
    let rejects = a.out.join("rejects.csv");
    let summary = || {
        let n = out.rejects.len() as u64;
        let first = rejects_first(n, &rejects, g.lang);
        let first = first.map(|s| s + "\n").unwrap_or_default();
        eprint!("{first}{}", out.summary(g.lang));
    };
    if let Err(e) = refuse(&out, &guards, &rejects, &a.out) {
        // Only the rejects, so that the reasons can be read.
        std::fs::create_dir_all(&a.out).map_err(|e| Error::io(&a.out, &e))?;
        write_rejects_only(&out, &rejects, guards.text)?;
        if !g.quiet {
            summary();
        }
        return Err(e.into());
    }
    super::common::inputs_unchanged(&watch)?;
    let format = match a.format {
        OutFormat::Csv => Format::Csv,
        OutFormat::Parquet => Format::Parquet,
    };
    out.write(&a.out, format, guards.text)?;
    if !g.quiet {
        summary();
    }
    Ok(())
}

/// The error that stops `ingest` before it writes its tables: more
/// rejects than `--max-rejects`, or no ticket accepted.
fn refuse(
    out: &Ingested,
    guards: &Guards,
    rejects: &std::path::Path,
    dir: &std::path::Path,
) -> plazo::Result<()> {
    let n = out.rejects.len() as u64;
    let rows: u64 = out.files.iter().map(|f| f.read).sum();
    let what = quiet::NOT_WRITTEN_INGEST;
    guards.check_rejects(n, rows, rejects, what, dir)?;
    if !out.tickets.is_empty() {
        return Ok(());
    }
    Err(failure_in(|lang| {
        quiet::NOTHING_INGESTED.fill(
            lang,
            &[
                ("rows", &thousands(rows, lang)),
                ("rejected", &rejected_part(n, rejects, lang)),
                ("what", &what.fill(lang, &[("out", &dir.display())])),
            ],
        )
    }))
}

/// Writes `out`'s rejects to `path` (text cells through `text`), or
/// removes a `path` left by an earlier run when there are none.
fn write_rejects_only(
    out: &Ingested,
    path: &std::path::Path,
    text: plazo::io::formula::FreeText,
) -> plazo::Result<()> {
    if !out.rejects.is_empty() {
        plazo::model::write::write_rejects(path, &out.rejects, text)
    } else if path.exists() {
        std::fs::remove_file(path).map_err(|e| Error::io(path, &e))
    } else {
        Ok(())
    }
}

/// How long reading one table from GLPI's database took.
fn read_line(r: &plazo::source::glpi_db::TableRead, lang: Lang) -> String {
    let secs = r.elapsed.as_secs_f64();
    let rate = if secs > 0.0 {
        (r.rows as f64 / secs) as u64
    } else {
        r.rows
    };
    let seconds = format!("{secs:.2}");
    let seconds = match lang {
        Lang::Es => seconds.replace('.', ","),
        _ => seconds,
    };
    plazo::text::msg::db::TABLE_READ.fill(
        lang,
        &[
            ("table", &r.table),
            ("rows", &super::common::thousands(r.rows, lang)),
            ("seconds", &seconds),
            ("rate", &super::common::thousands(rate, lang)),
        ],
    )
}
