//! Writing canonical tables: CSV (UTF-8, `,`, header row) or Parquet
//! (every column a string; empty = null), atomically: every file is
//! first written to a temporary file in the output folder, and renamed
//! into place only when all of them are complete. On failure the
//! temporary files are removed and no partial output is left.
//!
//! # Example
//!
//! ```
//! use plazo::ingest::write::{Format, csv_to_parquet, parquet_to_csv};
//! let dir = std::env::temp_dir().join("plazo-doc-write");
//! std::fs::create_dir_all(&dir)?;
//! std::fs::write(dir.join("t.csv"), "ticket_id,at\n1,\n\"a,b\",x\n")?;
//! csv_to_parquet(&dir.join("t.csv"), &dir.join("t.parquet"))?;
//! parquet_to_csv(&dir.join("t.parquet"), &dir.join("back.csv"))?;
//! assert_eq!(std::fs::read(dir.join("t.csv"))?, std::fs::read(dir.join("back.csv"))?);
//! # let _ = Format::Csv;
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use std::io::Write;
use std::path::{Path, PathBuf};

use polars::prelude::{
    Column, DataFrame, ParquetReader, ParquetWriter, SerReader,
};

use crate::error::{Error, ErrorKind, Result};
use crate::ingest::{EVENT_COLUMNS, Ingested, REJECT_COLUMNS, SURVEY_COLUMNS};

/// Output format of the canonical tables (rejects are always CSV).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Format {
    /// CSV.
    #[default]
    Csv,
    /// Parquet.
    Parquet,
}

impl Format {
    fn ext(self) -> &'static str {
        match self {
            Format::Csv => "csv",
            Format::Parquet => "parquet",
        }
    }
}

/// A table ready to be written: header and rows of text.
pub struct Table {
    /// Column names.
    pub columns: Vec<String>,
    /// Rows, each as long as `columns`.
    pub rows: Vec<Vec<String>>,
}

fn io_err(path: &Path, e: impl std::fmt::Display) -> Error {
    let p = path.display();
    Error::new(ErrorKind::Io, format!("{p}: {e}"), format!("{p}: {e}"))
}

impl Ingested {
    /// The tickets table: canonical columns, then attributes.
    pub fn tickets_table(&self) -> Table {
        let tz = self.tz;
        let n = self.ticket_columns.len();
        let rows = self
            .tickets
            .iter()
            .map(|t| {
                let mut r = Vec::with_capacity(n);
                r.push(t.id.clone());
                r.push(
                    t.opened_at.map(|o| o.to_rfc3339(tz)).unwrap_or_default(),
                );
                r.extend(t.values.iter().cloned());
                r.resize(n, String::new());
                r
            })
            .collect();
        Table {
            columns: self.ticket_columns.clone(),
            rows,
        }
    }

    /// The events table: `ticket_id, at, status` and the optional columns
    /// that hold any value.
    pub fn events_table(&self) -> Table {
        let tz = self.tz;
        let used: Vec<usize> = (0..5)
            .filter(|&k| self.events.iter().any(|e| !e.extra[k].is_empty()))
            .collect();
        let mut columns: Vec<String> =
            EVENT_COLUMNS[..3].iter().map(|s| s.to_string()).collect();
        columns.extend(used.iter().map(|&k| EVENT_COLUMNS[3 + k].to_string()));
        let rows = self
            .events
            .iter()
            .map(|e| {
                let mut r = vec![
                    e.ticket_id.clone(),
                    e.at.to_rfc3339(tz),
                    e.status.clone(),
                ];
                r.extend(used.iter().map(|&k| e.extra[k].clone()));
                r
            })
            .collect();
        Table { columns, rows }
    }

    /// The surveys table.
    pub fn surveys_table(&self) -> Table {
        let tz = self.tz;
        let rows = self
            .surveys
            .iter()
            .map(|s| {
                vec![
                    s.ticket_id.clone(),
                    s.answered_at.to_rfc3339(tz),
                    s.score.clone(),
                    s.max_score.clone(),
                    s.comment.clone(),
                ]
            })
            .collect();
        Table {
            columns: SURVEY_COLUMNS.iter().map(|s| s.to_string()).collect(),
            rows,
        }
    }

    /// The rejects table.
    pub fn rejects_table(&self) -> Table {
        let rows = self
            .rejects
            .iter()
            .map(|r| {
                vec![
                    r.file.clone(),
                    r.line.to_string(),
                    r.column.clone(),
                    r.value.clone(),
                    r.reason.clone(),
                ]
            })
            .collect();
        Table {
            columns: REJECT_COLUMNS.iter().map(|s| s.to_string()).collect(),
            rows,
        }
    }

    /// Writes `tickets`, `events`, `surveys` (when any) in `format` and
    /// `rejects.csv` into `dir` (created if needed), atomically. Returns
    /// the files written.
    ///
    /// # Errors
    ///
    /// The folder or a file cannot be written (nothing partial is left).
    pub fn write(&self, dir: &Path, format: Format) -> Result<Vec<PathBuf>> {
        std::fs::create_dir_all(dir).map_err(|e| Error::io(dir, &e))?;
        let mut jobs: Vec<(String, Table, Format)> = vec![
            (
                format!("tickets.{}", format.ext()),
                self.tickets_table(),
                format,
            ),
            (
                format!("events.{}", format.ext()),
                self.events_table(),
                format,
            ),
        ];
        if !self.surveys.is_empty() {
            jobs.push((
                format!("surveys.{}", format.ext()),
                self.surveys_table(),
                format,
            ));
        }
        jobs.push(("rejects.csv".into(), self.rejects_table(), Format::Csv));
        let mut temps: Vec<(PathBuf, PathBuf)> = Vec::new();
        let result = (|| {
            for (name, table, fmt) in &jobs {
                let fin = dir.join(name);
                let tmp =
                    dir.join(format!(".{name}.tmp-{}", std::process::id()));
                temps.push((tmp.clone(), fin));
                write_table(&tmp, table, *fmt)?;
            }
            for (tmp, fin) in &temps {
                std::fs::rename(tmp, fin).map_err(|e| io_err(fin, e))?;
            }
            Ok(temps.iter().map(|t| t.1.clone()).collect())
        })();
        if result.is_err() {
            for (tmp, _) in &temps {
                let _ = std::fs::remove_file(tmp);
            }
        }
        result
    }
}

/// Writes one table to `path`.
///
/// # Errors
///
/// The file cannot be written.
pub fn write_table(path: &Path, t: &Table, format: Format) -> Result<()> {
    match format {
        Format::Csv => {
            let file =
                std::fs::File::create(path).map_err(|e| io_err(path, e))?;
            let mut w = csv::Writer::from_writer(
                std::io::BufWriter::with_capacity(1 << 20, file),
            );
            w.write_record(&t.columns).map_err(|e| io_err(path, e))?;
            for r in &t.rows {
                w.write_record(r).map_err(|e| io_err(path, e))?;
            }
            let mut inner =
                w.into_inner().map_err(|e| io_err(path, e.error()))?;
            inner.flush().map_err(|e| io_err(path, e))?;
            inner.get_ref().sync_all().map_err(|e| io_err(path, e))
        }
        Format::Parquet => {
            let cols: Vec<Column> = t
                .columns
                .iter()
                .enumerate()
                .map(|(c, name)| {
                    let v: Vec<Option<&str>> = t
                        .rows
                        .iter()
                        .map(|r| Some(r[c].as_str()).filter(|s| !s.is_empty()))
                        .collect();
                    Column::new(name.as_str().into(), v)
                })
                .collect();
            let mut df = DataFrame::new(t.rows.len(), cols)
                .map_err(|e| io_err(path, e))?;
            let file =
                std::fs::File::create(path).map_err(|e| io_err(path, e))?;
            ParquetWriter::new(file)
                .finish(&mut df)
                .map_err(|e| io_err(path, e))?;
            Ok(())
        }
    }
}

/// Reads a table written by plazo (CSV).
///
/// # Errors
///
/// The file cannot be read.
pub fn read_csv_table(path: &Path) -> Result<Table> {
    let mut r = csv::Reader::from_path(path).map_err(|e| io_err(path, e))?;
    let columns = r
        .headers()
        .map_err(|e| io_err(path, e))?
        .iter()
        .map(String::from)
        .collect();
    let mut rows = Vec::new();
    for rec in r.records() {
        rows.push(
            rec.map_err(|e| io_err(path, e))?
                .iter()
                .map(String::from)
                .collect(),
        );
    }
    Ok(Table { columns, rows })
}

/// Reads a table written by plazo (Parquet; nulls become empty text).
///
/// # Errors
///
/// The file cannot be read or has a non-text column.
pub fn read_parquet_table(path: &Path) -> Result<Table> {
    let file = std::fs::File::open(path).map_err(|e| io_err(path, e))?;
    let df = ParquetReader::new(file)
        .finish()
        .map_err(|e| io_err(path, e))?;
    let columns: Vec<String> = df
        .get_column_names()
        .iter()
        .map(|s| s.to_string())
        .collect();
    let mut rows = vec![Vec::with_capacity(columns.len()); df.height()];
    for c in df.columns() {
        let s = c.str().map_err(|e| io_err(path, e))?;
        for (i, v) in s.iter().enumerate() {
            rows[i].push(v.unwrap_or("").to_string());
        }
    }
    Ok(Table { columns, rows })
}

/// Converts a canonical CSV table to Parquet.
///
/// # Errors
///
/// Reading or writing failed.
pub fn csv_to_parquet(csv: &Path, parquet: &Path) -> Result<()> {
    write_table(parquet, &read_csv_table(csv)?, Format::Parquet)
}

/// Converts a canonical Parquet table to CSV.
///
/// # Errors
///
/// Reading or writing failed.
pub fn parquet_to_csv(parquet: &Path, csv: &Path) -> Result<()> {
    write_table(csv, &read_parquet_table(parquet)?, Format::Csv)
}
