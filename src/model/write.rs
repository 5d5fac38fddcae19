//! Writing canonical tables: CSV (UTF-8, `,`, header row) or Parquet
//! (every column a string; empty = null), atomically: every file is
//! first written to a temporary file in the output folder, and renamed
//! into place only when all of them are complete. On failure the
//! temporary files are removed and no partial output is left.
//!
//! # Example
//!
//! ```
//! use plazo::model::write::{Format, csv_to_parquet, parquet_to_csv};
//! let dir = std::env::temp_dir().join("plazo-doc-write");
//! std::fs::create_dir_all(&dir)?;
//! std::fs::write(dir.join("t.csv"), "ticket_id,at\n1,\n\"a,b\",x\n")?;
//! csv_to_parquet(&dir.join("t.csv"), &dir.join("t.parquet"))?;
//! parquet_to_csv(&dir.join("t.parquet"), &dir.join("back.csv"))?;
//! assert_eq!(std::fs::read(dir.join("t.csv"))?, std::fs::read(dir.join("back.csv"))?);
//! # let _ = Format::Csv;
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use std::borrow::Cow;
use std::cell::RefCell;
use std::io::Write;
use std::path::{Path, PathBuf};

use polars::prelude::{
    Column, DataFrame, DataType, ParquetReader, ParquetWriter, SerReader,
    StringChunked,
};

use crate::error::{Error, ErrorKind, Result};
use crate::io::csv::{Complaint, Fields, Record, Records};
use crate::io::formula::FreeText;
use crate::model::builder::{
    EVENT_COLUMNS, Ingested, REJECT_COLUMNS, Reject, SURVEY_COLUMNS,
};
use crate::text::msg::model as msg;
use crate::time::{Instant, InstantWriter};

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

/// A table read back from disk: header and rows of text.
pub struct Table {
    /// Column names.
    pub columns: Vec<String>,
    /// Rows, each as long as `columns`.
    pub rows: Vec<Vec<String>>,
}

/// A table to write, produced cell by cell (nothing is copied: the
/// canonical tables of a large log stay in memory once).
pub struct View<'a> {
    /// Column names.
    pub columns: Vec<String>,
    /// Number of rows.
    pub len: usize,
    /// The text of cell (row, column).
    pub cell: Box<dyn Fn(usize, usize) -> Cow<'a, str> + 'a>,
}

impl Table {
    /// A view of this table for [`write_table`].
    pub fn view(&self) -> View<'_> {
        View {
            columns: self.columns.clone(),
            len: self.rows.len(),
            cell: Box::new(|r, c| Cow::Borrowed(self.rows[r][c].as_str())),
        }
    }
}

fn io_err(path: &Path, e: impl std::fmt::Display) -> Error {
    Error::from_msg(
        ErrorKind::Io,
        crate::text::msg::csv::FILE_DETAIL,
        &[("file", &path.display()), ("detail", &e)],
    )
}

impl Ingested {
    /// The tickets table: canonical columns, then attributes.
    pub fn tickets_view(&self) -> View<'_> {
        let iso = iso_writer(self.tz);
        View {
            columns: self.ticket_columns.clone(),
            len: self.tickets.len(),
            cell: Box::new(move |r, c| {
                let t = &self.tickets[r];
                match c {
                    0 => Cow::Borrowed(t.id.as_str()),
                    1 => Cow::Owned(t.opened_at.map(&iso).unwrap_or_default()),
                    _ => {
                        Cow::Borrowed(t.values.get(c - 2).map_or("", |v| &**v))
                    }
                }
            }),
        }
    }

    /// The events table: `ticket_id, at, status` and the optional columns
    /// that hold any value.
    pub fn events_view(&self) -> View<'_> {
        let iso = iso_writer(self.tz);
        let used: Vec<usize> = (0..5)
            .filter(|&k| self.events.iter().any(|e| !e.extra[k].is_empty()))
            .collect();
        let mut columns: Vec<String> =
            EVENT_COLUMNS[..3].iter().map(|s| s.to_string()).collect();
        columns.extend(used.iter().map(|&k| EVENT_COLUMNS[3 + k].to_string()));
        View {
            columns,
            len: self.events.len(),
            cell: Box::new(move |r, c| {
                let e = &self.events[r];
                match c {
                    0 => Cow::Borrowed(&e.ticket_id),
                    1 => Cow::Owned(iso(e.at)),
                    2 => Cow::Borrowed(&e.status),
                    _ => Cow::Borrowed(&e.extra[used[c - 3]]),
                }
            }),
        }
    }

    /// The surveys table.
    pub fn surveys_view(&self) -> View<'_> {
        let tz = self.tz;
        View {
            columns: SURVEY_COLUMNS.iter().map(|s| s.to_string()).collect(),
            len: self.surveys.len(),
            cell: Box::new(move |r, c| {
                let s = &self.surveys[r];
                match c {
                    0 => Cow::Borrowed(s.ticket_id.as_str()),
                    1 => Cow::Owned(s.answered_at.to_rfc3339(tz)),
                    2 => Cow::Borrowed(s.score.as_str()),
                    3 => Cow::Borrowed(s.max_score.as_str()),
                    _ => Cow::Borrowed(s.comment.as_str()),
                }
            }),
        }
    }

    /// The rejects table, its text cells written through `text`.
    pub fn rejects_view(&self, text: FreeText) -> View<'_> {
        rejects_view(&self.rejects, text)
    }

    /// Writes `tickets`, `events`, `surveys` (when any) in `format` and
    /// `rejects.csv` into `dir` (created if needed), atomically. Returns
    /// the files written. The canonical tables are plazo's own input
    /// format and are written as read, so that `sla` and `report` measure
    /// exactly what the export held; the rejects table, meant for people,
    /// writes its text cells through `text` ([`crate::io::formula`]).
    ///
    /// # Errors
    ///
    /// The folder or a file cannot be written (nothing partial is left).
    pub fn write(
        &self,
        dir: &Path,
        format: Format,
        text: FreeText,
    ) -> Result<Vec<PathBuf>> {
        std::fs::create_dir_all(dir).map_err(|e| Error::io(dir, &e))?;
        let ext = format.ext();
        let mut jobs: Vec<(String, Canonical, Format)> = vec![
            (format!("tickets.{ext}"), Canonical::Tickets, format),
            (format!("events.{ext}"), Canonical::Events, format),
        ];
        if !self.surveys.is_empty() {
            jobs.push((format!("surveys.{ext}"), Canonical::Surveys, format));
        }
        jobs.push(("rejects.csv".into(), Canonical::Rejects, Format::Csv));
        // Every table is written before any is renamed into place; the
        // tables are written side by side (one thread each: events and
        // tickets of a large log are seconds of formatting each).
        let mut batch = crate::io::atomic::Batch::new(dir);
        let mut staged = Vec::with_capacity(jobs.len());
        for (name, table, fmt) in &jobs {
            let dest = dir.join(name);
            let tmp = batch.stage(&dest, "")?;
            staged.push((tmp, dest, *table, *fmt));
        }
        let done: Vec<Result<()>> = std::thread::scope(|s| {
            let handles: Vec<_> = staged
                .iter()
                .map(|(tmp, dest, table, fmt)| {
                    s.spawn(move || {
                        let view = match table {
                            Canonical::Tickets => self.tickets_view(),
                            Canonical::Events => self.events_view(),
                            Canonical::Surveys => self.surveys_view(),
                            Canonical::Rejects => self.rejects_view(text),
                        };
                        write_table_as(tmp, dest, &view, *fmt)
                    })
                })
                .collect();
            handles
                .into_iter()
                .map(|h| {
                    h.join().unwrap_or_else(|p| std::panic::resume_unwind(p))
                })
                .collect()
        });
        // The first failure in table order, as a sequential write reports.
        done.into_iter().collect::<Result<Vec<()>>>()?;
        batch.commit()
    }
}

/// An instant as ISO 8601 with `tz`'s offset, as
/// [`crate::time::Instant::to_rfc3339`] writes it, formatted by hand
/// ([`InstantWriter`]: chrono's formatter was a tenth of an ingest).
fn iso_writer(tz: chrono_tz::Tz) -> impl Fn(Instant) -> String {
    let w = RefCell::new(InstantWriter::new(tz));
    move |t| {
        let mut s = String::with_capacity(25);
        w.borrow_mut().write(t, &mut s);
        s
    }
}

/// The tables [`Ingested::write`] writes.
#[derive(Clone, Copy)]
enum Canonical {
    Tickets,
    Events,
    Surveys,
    Rejects,
}

/// A rejects table (`file,line,column,value,reason`): ingest's and the
/// one `plazo sla` and `plazo report` write beside their outputs. Every
/// column but `line` is text, written through `text` (a rejected value is
/// the very cell that may hold a formula).
pub fn rejects_view(rejects: &[Reject], text: FreeText) -> View<'_> {
    View {
        columns: REJECT_COLUMNS.iter().map(|s| s.to_string()).collect(),
        len: rejects.len(),
        cell: Box::new(move |r, c| {
            let x = &rejects[r];
            match c {
                0 => text.cell(&x.file),
                1 => Cow::Owned(x.line.to_string()),
                2 => text.cell(&x.column),
                3 => text.cell(&x.value),
                _ => text.cell(&x.reason),
            }
        }),
    }
}

/// Writes `rejects` as CSV to `path` atomically, text cells through
/// `text`.
///
/// # Errors
///
/// The file cannot be written (nothing partial is left).
pub fn write_rejects(
    path: &Path,
    rejects: &[Reject],
    text: FreeText,
) -> Result<()> {
    let staged = crate::io::atomic::Staged::new(path, "")?;
    write_table_as(
        staged.path(),
        path,
        &rejects_view(rejects, text),
        Format::Csv,
    )?;
    staged.commit()
}

/// Writes one table to `path`.
///
/// # Errors
///
/// The file cannot be written.
pub fn write_table(path: &Path, t: &View<'_>, format: Format) -> Result<()> {
    write_table_as(path, path, t, format)
}

/// A CSV writer's error, naming `shown`: the I/O error's own message
/// (disk full, permission) when it is one.
fn csv_err(shown: &Path, e: &csv::Error) -> Error {
    match e.kind() {
        csv::ErrorKind::Io(io) => Error::io(shown, io),
        _ => io_err(shown, e),
    }
}

/// Writes one table to `path` (a staged temporary file), naming `shown`
/// (its destination) in errors.
///
/// # Errors
///
/// The file cannot be written.
pub fn write_table_as(
    path: &Path,
    shown: &Path,
    t: &View<'_>,
    format: Format,
) -> Result<()> {
    let ncol = t.columns.len();
    let ioe = |e: std::io::Error| Error::io(shown, &e);
    match format {
        Format::Csv => {
            let file = std::fs::File::create(path).map_err(ioe)?;
            let mut w = csv::Writer::from_writer(
                std::io::BufWriter::with_capacity(1 << 20, file),
            );
            w.write_record(&t.columns).map_err(|e| csv_err(shown, &e))?;
            for r in 0..t.len {
                for c in 0..ncol {
                    w.write_field((t.cell)(r, c).as_bytes())
                        .map_err(|e| csv_err(shown, &e))?;
                }
                w.write_record(None::<&[u8]>)
                    .map_err(|e| csv_err(shown, &e))?;
            }
            let mut inner =
                w.into_inner().map_err(|e| Error::io(shown, e.error()))?;
            inner.flush().map_err(ioe)?;
            inner.get_ref().sync_all().map_err(ioe)
        }
        Format::Parquet => {
            let cols: Vec<Column> = t
                .columns
                .iter()
                .enumerate()
                .map(|(c, name)| {
                    let v: Vec<Option<String>> = (0..t.len)
                        .map(|r| {
                            let s = (t.cell)(r, c);
                            (!s.is_empty()).then(|| s.into_owned())
                        })
                        .collect();
                    Column::new(name.as_str().into(), v)
                })
                .collect();
            let mut df =
                DataFrame::new(t.len, cols).map_err(|e| io_err(shown, e))?;
            let file = std::fs::File::create(path).map_err(ioe)?;
            ParquetWriter::new(file)
                .finish(&mut df)
                .map_err(|e| io_err(shown, e))?;
            Ok(())
        }
    }
}

/// Reads a table written by plazo (CSV).
///
/// # Errors
///
/// The file cannot be read (exit 1); a row cannot be read or has
/// another number of fields than the header: an input error (exit 2)
/// naming the file, the line and the fix.
pub fn read_csv_table(path: &Path) -> Result<Table> {
    let file = std::fs::File::open(path).map_err(|e| io_err(path, e))?;
    let mut records = Records::from_reader(
        &path.display().to_string(),
        Box::new(file),
        b',',
        Fields::Same,
        Complaint::Table,
    )?;
    let columns = records.headers().to_vec();
    let mut rows = Vec::new();
    let mut record = Record::new();
    while records.next(&mut record)?.is_some() {
        rows.push(record.iter().map(String::from).collect());
    }
    Ok(Table { columns, rows })
}

/// A Parquet file's columns as text: the column names and one string
/// column each (a single chunk, so that `get(row)` is direct). Text
/// columns are taken as they are; numbers and booleans are written as
/// text (`7`, `4.5`, `true`; a float column of whole numbers as `6`, not
/// `6.0`); nulls stay nulls (read as empty cells).
///
/// # Errors
///
/// An input error naming the file when it is not Parquet, and the column
/// and its type when a column cannot be read as text, and for a date or
/// date-time column (write instants as ISO 8601 text with an offset, as
/// `plazo ingest --format parquet` does: the offset makes the instant
/// unambiguous).
pub fn read_parquet_text(
    path: &Path,
) -> Result<(Vec<String>, Vec<StringChunked>)> {
    let p = path.display();
    let file = std::fs::File::open(path).map_err(|e| Error::io(path, &e))?;
    let df = ParquetReader::new(file).finish().map_err(|e| {
        Error::input_msg(
            msg::PARQUET_UNREADABLE,
            &[("file", &p), ("detail", &e)],
        )
    })?;
    let mut names = Vec::with_capacity(df.width());
    let mut cols = Vec::with_capacity(df.width());
    for c in df.columns() {
        let name = c.name().to_string();
        if c.dtype().is_temporal() {
            return Err(Error::input_msg(
                msg::PARQUET_TEMPORAL_COLUMN,
                &[
                    ("file", &p),
                    ("column", &format!("{name:?}")),
                    ("type", c.dtype()),
                ],
            ));
        }
        // Whole-number floats (pandas writes an integer column with nulls
        // as float64) read as integers: `6`, not `6.0`.
        let whole = c.dtype().is_float()
            && c.cast(&DataType::Float64).is_ok_and(|f| {
                f.f64().is_ok_and(|f| {
                    f.iter().all(|v| {
                        v.is_none_or(|x| x.fract() == 0.0 && x.abs() < 9.0e15)
                    })
                })
            });
        let c = if whole {
            c.cast(&DataType::Int64).map_err(|e| io_err(path, e))?
        } else {
            c.clone()
        };
        let text = c.cast(&DataType::String).map_err(|e| {
            Error::input_msg(
                msg::PARQUET_NOT_TEXT,
                &[
                    ("file", &p),
                    ("column", &format!("{name:?}")),
                    ("type", c.dtype()),
                    ("detail", &e),
                ],
            )
        })?;
        let ca = text.str().map_err(|e| io_err(path, e))?;
        cols.push(ca.rechunk().into_owned());
        names.push(name);
    }
    Ok((names, cols))
}

/// Reads a table written by plazo (Parquet; nulls become empty text).
///
/// # Errors
///
/// The file cannot be read or has a column that cannot be read as text.
pub fn read_parquet_table(path: &Path) -> Result<Table> {
    let (columns, cols) = read_parquet_text(path)?;
    let height = cols.first().map_or(0, |c| c.len());
    let mut rows = vec![Vec::with_capacity(columns.len()); height];
    for s in &cols {
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
    write_table(parquet, &read_csv_table(csv)?.view(), Format::Parquet)
}

/// Converts a canonical Parquet table to CSV.
///
/// # Errors
///
/// Reading or writing failed.
pub fn parquet_to_csv(parquet: &Path, csv: &Path) -> Result<()> {
    write_table(csv, &read_parquet_table(parquet)?.view(), Format::Csv)
}
