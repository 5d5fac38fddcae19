//! Reading tables: the one place plazo opens a CSV file. Two readers,
//! for two kinds of file:
//!
//! - [`CsvInput`], for exports from other tools (`plazo ingest`):
//!   `.csv`, `.tsv`, `.csv.gz` or a single-file `.zip`, in UTF-8 or
//!   Windows-1252, with the separator detected from the header line (`,`,
//!   `;`, TAB or `|`). A row that cannot be decoded or split is not an
//!   error: it comes with a [`Row::problem`] and is rejected. Quirks
//!   handled here, for every source: a UTF-8 BOM; a trailing separator on
//!   every line (GLPI's search export) when the header also ends with an
//!   empty field; the line of dashes that `sqlcmd` writes under the
//!   header.
//! - [`Records`], for tables read as plain CSV, one [`Record`] reused row
//!   after row: the canonical tables ([`Records::canonical`]), raw GLPI
//!   table dumps ([`Records::dump`]) and plain files such as `plazo
//!   calendar between --pairs` or a table plazo wrote itself
//!   ([`Records::from_reader`]). A row that cannot be read is an error
//!   naming the file and line, worded as the [`Complaint`] says.
//!
//! Rows come with their line number: the line where the row starts,
//! header = 1, a multi-line cell shifting later rows. CRLF line endings
//! (Excel on Windows) are read as LF ([`CrLf`]), so the `csv` reader's
//! count stays exact after them (it counts the LF of a CRLF with the
//! next row, rust-csv#395); [`Records::dump`], read whole, corrects the
//! count instead.
//!
//! # Example
//!
//! ```
//! use plazo::io::csv::CsvInput;
//! use plazo::io::encoding::Encoding;
//! let bytes = b"\xef\xbb\xbf\"ID\";\"Estado\";\n\"7\";\"Nuevo\";\n".to_vec();
//! let mut input =
//!     CsvInput::from_bytes("x.csv", bytes, Encoding::Auto, None).unwrap();
//! assert_eq!(input.header, ["ID", "Estado"]);
//! assert_eq!(input.separator, b';');
//! let row = input.next_row().unwrap().unwrap();
//! assert_eq!((row.line, row.fields.clone()), (2, vec!["7".into(), "Nuevo".into()]));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use std::io::{BufRead, Cursor, Read};
use std::path::Path;
use std::sync::Arc;

use crate::error::{Error, ErrorKind, Result};
use crate::io::encoding::{BOM, Encoding, Utf16Reader};
use crate::io::limits::{Guard, Limits, Overflow};
use crate::text::lang::Lang;
use crate::text::msg::csv as msg;

mod reuse;

/// One data row.
#[derive(Clone, Debug, Default)]
pub struct Row {
    /// The physical line where the row starts (header = 1).
    pub line: u64,
    /// The decoded fields (trailing empty field of GLPI lines removed).
    pub fields: Vec<String>,
    /// Why the row cannot be read at all (bad encoding, wrong number of
    /// fields), in Spanish and English: it must be rejected with this
    /// reason.
    pub problem: Option<(String, String)>,
}

/// An open input table.
pub struct CsvInput {
    /// The name used in messages and rejects (the path as given).
    pub name: String,
    /// The encoding in use (never `Auto`).
    pub encoding: Encoding,
    /// The field separator.
    pub separator: u8,
    /// Column names, trimmed, BOM removed.
    pub header: Vec<String>,
    /// Every line ends with a separator (GLPI 10.x search export).
    pub trailing_sep: bool,
    reader: csv::Reader<Box<dyn Read>>,
    record: csv::ByteRecord,
    first: bool,
}

const HEAD: usize = 64 * 1024;

impl CsvInput {
    /// Opens `path`: `.gz` is gunzipped, `.zip` must hold one data file
    /// (macOS `__MACOSX/` entries and other non-table files ignored).
    ///
    /// # Errors
    ///
    /// The file cannot be read, the zip holds no or several tables, or
    /// it has no header line.
    pub fn open(
        path: &Path,
        encoding: Encoding,
        separator: Option<u8>,
    ) -> Result<CsvInput> {
        let name = path.display().to_string();
        let lower = name.to_ascii_lowercase();
        let file =
            std::fs::File::open(path).map_err(|e| Error::io(path, &e))?;
        let reader: Box<dyn Read> = if lower.ends_with(".zip") {
            Box::new(Cursor::new(unzip_one(path, file)?))
        } else if lower.ends_with(".gz") {
            Box::new(flate2::read::MultiGzDecoder::new(
                std::io::BufReader::with_capacity(1 << 16, file),
            ))
        } else {
            Box::new(file)
        };
        CsvInput::from_reader(&name, reader, encoding, separator)
    }

    /// Reads a table held in memory (tests, examples).
    ///
    /// # Errors
    ///
    /// As [`CsvInput::open`].
    pub fn from_bytes(
        name: &str,
        bytes: Vec<u8>,
        encoding: Encoding,
        separator: Option<u8>,
    ) -> Result<CsvInput> {
        CsvInput::from_reader(
            name,
            Box::new(Cursor::new(bytes)),
            encoding,
            separator,
        )
    }

    fn from_reader(
        name: &str,
        reader: Box<dyn Read>,
        encoding: Encoding,
        separator: Option<u8>,
    ) -> Result<CsvInput> {
        CsvInput::limited(name, reader, encoding, separator, Limits::DEFAULT)
    }

    /// As [`CsvInput::from_bytes`], with rows held to `limits` (tests).
    ///
    /// # Errors
    ///
    /// As [`CsvInput::open`].
    pub fn from_bytes_limited(
        name: &str,
        bytes: Vec<u8>,
        encoding: Encoding,
        limits: Limits,
    ) -> Result<CsvInput> {
        let reader = Box::new(Cursor::new(bytes));
        CsvInput::limited(name, reader, encoding, None, limits)
    }

    fn limited(
        name: &str,
        mut reader: Box<dyn Read>,
        encoding: Encoding,
        separator: Option<u8>,
        limits: Limits,
    ) -> Result<CsvInput> {
        let io = |e: std::io::Error| {
            Error::from_msg(
                ErrorKind::Io,
                msg::FILE_DETAIL,
                &[("file", &name), ("detail", &e)],
            )
        };
        let mut head = read_head(&mut reader).map_err(io)?;
        let encoding = encoding.resolve(&head);
        if encoding.is_utf16() {
            // Excel's "Unicode text": read as the UTF-8 it holds.
            let text = Cursor::new(head).chain(reader);
            reader = Box::new(Utf16Reader::new(text, encoding));
            head = read_head(&mut reader).map_err(io)?;
        }
        let skip = if head.starts_with(BOM) { BOM.len() } else { 0 };
        let separator =
            separator.unwrap_or_else(|| sniff_separator(&head[skip..]));
        let text = CrLf::new(Cursor::new(head).chain(reader));
        let mut body: Box<dyn Read> =
            Box::new(Guard::new(text, separator, limits));
        if skip > 0 {
            let mut b = [0u8; 3];
            body.read_exact(&mut b).map_err(io)?;
        }
        let reader = csv::ReaderBuilder::new()
            .delimiter(separator)
            .has_headers(false)
            .flexible(true)
            .buffer_capacity(1 << 16)
            .from_reader(body);
        let mut input = CsvInput {
            name: name.to_string(),
            encoding,
            separator,
            header: Vec::new(),
            trailing_sep: false,
            reader,
            record: csv::ByteRecord::new(),
            first: true,
        };
        let has =
            input
                .reader
                .read_byte_record(&mut input.record)
                .map_err(|e| {
                    overflow(&e, name, &[], separator).unwrap_or_else(|| {
                        Error::input_msg(
                            msg::UNREADABLE,
                            &[("file", &name), ("detail", &e)],
                        )
                    })
                })?;
        if !has {
            return Err(Error::input_msg(msg::EMPTY_FILE, &[("file", &name)]));
        }
        let mut header: Vec<String> = input
            .record
            .iter()
            .map(|f| encoding.decode(f).unwrap_or_default().trim().to_string())
            .collect();
        if header.len() > 1 && header.last().is_some_and(String::is_empty) {
            header.pop();
            input.trailing_sep = true;
        }
        input.header = header;
        Ok(input)
    }

    /// The index of the column named `name` (exact, after trimming).
    pub fn column(&self, name: &str) -> Option<usize> {
        self.header.iter().position(|h| h == name)
    }

    /// The index of column `name`, or an input error listing the
    /// columns the file has and naming `key`, the setting to fix.
    ///
    /// # Errors
    ///
    /// The column is missing.
    pub fn require(&self, name: &str, key: &str) -> Result<usize> {
        self.column(name).ok_or_else(|| {
            Error::input_msg(
                msg::NO_COLUMN,
                &[
                    ("file", &self.name),
                    ("column", &format!("{name:?}")),
                    ("key", &key),
                    ("have", &self.header.join("\", \"")),
                ],
            )
        })
    }

    /// Every value of the columns `cols` (a first pass for date format
    /// detection); rows with a problem are skipped (they are rejected by
    /// the real pass).
    ///
    /// # Errors
    ///
    /// Reading failed.
    pub fn column_values(
        mut self,
        cols: &[usize],
    ) -> Result<Vec<Vec<String>>> {
        let mut out = vec![Vec::new(); cols.len()];
        while let Some(row) = self.next_row()? {
            if row.problem.is_some() {
                continue;
            }
            for (k, &c) in cols.iter().enumerate() {
                out[k].push(row.fields[c].clone());
            }
        }
        Ok(out)
    }

    /// The next data row, or `None` at the end: a fresh [`Row`] read by
    /// [`CsvInput::next_row_into`].
    ///
    /// # Errors
    ///
    /// Reading the file failed (I/O, a broken archive).
    pub fn next_row(&mut self) -> Result<Option<Row>> {
        let mut row = Row::default();
        Ok(self.next_row_into(&mut row)?.then_some(row))
    }
}

/// The separator of a table whose text starts with `head`: the most
/// frequent of `,` `;` TAB `|` on the header line (outside quotes), `,`
/// when none occurs.
pub fn sniff_separator(head: &[u8]) -> u8 {
    let mut counts = [0usize; 4];
    let cands = [b',', b';', b'\t', b'|'];
    let mut quoted = false;
    for &b in head {
        match b {
            b'"' => quoted = !quoted,
            b'\n' | b'\r' if !quoted => break,
            _ if !quoted => {
                if let Some(i) = cands.iter().position(|&c| c == b) {
                    counts[i] += 1;
                }
            }
            _ => {}
        }
    }
    let (i, n) = counts
        .iter()
        .enumerate()
        .max_by_key(|&(i, n)| (*n, usize::MAX - i))
        .unwrap_or((0, &0));
    if *n == 0 { b',' } else { cands[i] }
}

/// Up to [`HEAD`] bytes from the start of `reader`.
fn read_head(reader: &mut Box<dyn Read>) -> std::io::Result<Vec<u8>> {
    let mut head = Vec::with_capacity(HEAD);
    reader.take(HEAD as u64).read_to_end(&mut head)?;
    Ok(head)
}

/// `n` bytes as a size: `16 MiB`, or bytes below one MiB.
fn size_text(n: usize) -> String {
    if n >= 1 << 20 && n.is_multiple_of(1 << 20) {
        format!("{} MiB", n >> 20)
    } else {
        format!("{n} bytes")
    }
}

/// The error for a row over its [`Limits`], when `e` is that: naming
/// the file, the row's line, and the column (with its name in `header`)
/// or the separator the fields were split on.
fn overflow(
    e: &csv::Error,
    file: &str,
    header: &[String],
    separator: u8,
) -> Option<Error> {
    let csv::ErrorKind::Io(io) = e.kind() else {
        return None;
    };
    let o = Overflow::of(io)?;
    if o.columns {
        let sep = match separator {
            b'\t' => "TAB".to_string(),
            c => format!("\"{}\"", c as char),
        };
        return Some(Error::input_msg(
            msg::TOO_MANY_COLUMNS,
            &[
                ("file", &file),
                ("line", &o.line),
                ("limit", &o.limits.columns),
                ("separator", &sep),
            ],
        ));
    }
    let column = match header.get(o.column - 1).map(|h| h.trim()) {
        Some(h) if !h.is_empty() => format!("{} ({h})", o.column),
        _ => o.column.to_string(),
    };
    Some(Error::input_msg(
        msg::ROW_TOO_LONG,
        &[
            ("file", &file),
            ("line", &o.line),
            ("column", &column),
            ("limit", &size_text(o.limits.row_bytes)),
        ],
    ))
}

/// A message in Spanish and in English (a row's problem is worded before
/// the language of the rejects is known).
fn both(
    m: crate::text::Msg,
    args: &[(&str, &dyn std::fmt::Display)],
) -> (String, String) {
    (m.fill(Lang::Es, args), m.fill(Lang::En, args))
}

/// One row of a [`Records`] table, as text; read into again and again
/// (no allocation per row).
pub type Record = csv::StringRecord;

/// Whether the rows of a [`Records`] table must all have as many fields
/// as its header.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Fields {
    /// Rows may be shorter or longer than the header (a missing cell
    /// reads as absent).
    Any,
    /// A row with another number of fields is an error.
    Same,
}

/// How a [`Records`] table words a row it cannot read (the CSV reader's
/// own explanation, in English, always follows).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Complaint {
    /// An input error (exit 2): `FILE:LINE: unreadable CSV: WHY`.
    Input,
    /// As [`Complaint::Input`], but a field that is not UTF-8 is named
    /// by its number and column, with the fix (canonical tables, whose
    /// encoding was decided from the start of the file).
    Canonical,
    /// An I/O failure (exit 1): `FILE: WHY`.
    Io,
    /// A table plazo writes, given back to it (`csv_to_parquet`): an
    /// input error (exit 2) naming the line, with what such a table
    /// must look like and how to fix it.
    Table,
}

/// A table read as plain CSV: a header row, then records read one by one
/// into a [`Record`] the caller reuses. Quoting is standard (`""` for an
/// embedded quote); a UTF-8 BOM is skipped; blank lines are skipped.
pub struct Records {
    name: String,
    reader: csv::Reader<Box<dyn Read>>,
    headers: Vec<String>,
    complaint: Complaint,
    /// The text of a table read whole ([`Records::dump`]): where a CRLF
    /// line ending made the reader count a row one line early.
    text: Option<Shared>,
    separator: u8,
    /// The encoding the file was decoded from ([`Records::dump`]).
    encoding: Encoding,
}

/// A file's text in memory, shared by the CSV reader and [`Records`]
/// (without a copy); `start` skips a BOM.
#[derive(Clone)]
struct Shared {
    bytes: Arc<Vec<u8>>,
    start: usize,
}

impl AsRef<[u8]> for Shared {
    fn as_ref(&self) -> &[u8] {
        &self.bytes[self.start..]
    }
}

impl Records {
    /// Reads `input` as CSV separated by `separator`; `name` is used in
    /// messages. The header row is read at once.
    ///
    /// # Errors
    ///
    /// The header row cannot be read (worded as `complaint` says).
    pub fn from_reader(
        name: &str,
        input: Box<dyn Read>,
        separator: u8,
        fields: Fields,
        complaint: Complaint,
    ) -> Result<Records> {
        let input: Box<dyn Read> =
            Box::new(Guard::new(input, separator, Limits::DEFAULT));
        let reader = csv::ReaderBuilder::new()
            .delimiter(separator)
            .flexible(fields == Fields::Any)
            .from_reader(input);
        let mut records = Records {
            name: name.to_string(),
            reader,
            headers: Vec::new(),
            complaint,
            text: None,
            separator,
            encoding: Encoding::Utf8,
        };
        let headers = match records.reader.headers() {
            Ok(h) => h.iter().map(String::from).collect(),
            Err(e) => return Err(records.error(&e)),
        };
        records.headers = headers;
        Ok(records)
    }

    /// Opens a canonical table (`tickets`, `events`, `surveys`: what
    /// `plazo ingest` writes, or the same columns saved by a spreadsheet).
    /// The first block (1 MiB) decides the separator (a table saved by a
    /// Spanish-locale Excel uses `;`) and the encoding: UTF-8 is read as
    /// a stream; Excel's Windows-1252 "CSV" is decoded whole (such files
    /// are small). Rows may have any number of fields.
    ///
    /// # Errors
    ///
    /// The file cannot be read; it is UTF-8 with a stray byte in its
    /// first block (decoding it as Windows-1252 would garble every
    /// accent), naming the line; the header row cannot be read.
    pub fn canonical(path: &Path) -> Result<Records> {
        let file =
            std::fs::File::open(path).map_err(|e| Error::io(path, &e))?;
        Records::canonical_from(&path.display().to_string(), Box::new(file))
    }

    /// A canonical table read from `input` as [`Records::canonical`]
    /// reads a file; `name` stands for the file in messages.
    ///
    /// # Errors
    ///
    /// As [`Records::canonical`].
    pub fn canonical_from(
        name: &str,
        input: Box<dyn Read>,
    ) -> Result<Records> {
        let path = Path::new(name);
        let name = name.to_string();
        let mut buf = std::io::BufReader::with_capacity(1 << 20, input);
        let head = buf.fill_buf().map_err(|e| Error::io(path, &e))?;
        let encoding = Encoding::Auto.resolve(head);
        if encoding.is_utf16() {
            // Excel's "Unicode text" (small: decoded whole).
            let mut text = String::new();
            Utf16Reader::new(buf, encoding)
                .read_to_string(&mut text)
                .map_err(|e| Error::io(path, &e))?;
            let separator = sniff_separator(text_head(&text));
            return Records::from_reader(
                &name,
                Box::new(CrLf::new(Cursor::new(text.into_bytes()))),
                separator,
                Fields::Any,
                Complaint::Canonical,
            );
        }
        let separator = sniff_separator(head);
        if encoding != Encoding::Utf8
            && let Some(line) = mixed_utf8(head)
        {
            return Err(Error::input_msg(
                msg::MIXED_UTF8,
                &[("file", &name), ("line", &line)],
            ));
        }
        let input: Box<dyn Read> = if encoding == Encoding::Utf8 {
            Box::new(buf)
        } else {
            let mut bytes = Vec::new();
            buf.read_to_end(&mut bytes)
                .map_err(|e| Error::io(path, &e))?;
            let text =
                encoding.decode(&bytes).unwrap_or_default().into_owned();
            Box::new(Cursor::new(text.into_bytes()))
        };
        Records::from_reader(
            &name,
            Box::new(CrLf::new(input)),
            separator,
            Fields::Any,
            Complaint::Canonical,
        )
    }

    /// Opens a raw table dump (phpMyAdmin, DBeaver, `mysql -B`), read
    /// whole, in the encoding [`Encoding::Auto`] detects: UTF-16 with its
    /// mark, UTF-8 when the whole file is, else Windows-1252.
    ///
    /// # Errors
    ///
    /// As [`Records::dump_as`].
    pub fn dump(path: &Path) -> Result<Records> {
        Records::dump_as(path, Encoding::Auto)
    }

    /// Opens a raw table dump, read whole (`.gz` gunzipped, a `.zip`
    /// holding one table unzipped) and decoded from `encoding`
    /// ([`Encoding::Auto`]: as [`Records::dump`] says). A BOM is
    /// skipped, the separator is [`dump_separator`]'s. Rows may have any
    /// number of fields. Line numbers are exact after CRLF line endings
    /// too.
    ///
    /// # Errors
    ///
    /// The file cannot be read; it is UTF-8 with a stray byte (or is not
    /// UTF-8 when `encoding` says it is), naming the line; it holds a NUL
    /// byte, naming the line; a row cannot be read.
    pub fn dump_as(path: &Path, encoding: Encoding) -> Result<Records> {
        let bytes = read_whole(path)?;
        Records::dump_bytes_as(&path.display().to_string(), bytes, encoding)
    }

    /// A table dump held in memory (plain, not compressed), read as
    /// [`Records::dump`] reads a file; `name` stands for the file in
    /// messages.
    ///
    /// # Errors
    ///
    /// As [`Records::dump_as`].
    pub fn dump_bytes(name: &str, bytes: Vec<u8>) -> Result<Records> {
        Records::dump_bytes_as(name, bytes, Encoding::Auto)
    }

    /// [`Records::dump_bytes`] decoded from `encoding`.
    ///
    /// # Errors
    ///
    /// As [`Records::dump_as`].
    pub fn dump_bytes_as(
        name: &str,
        bytes: Vec<u8>,
        encoding: Encoding,
    ) -> Result<Records> {
        let name = name.to_string();
        let (bytes, encoding) = decode_bytes(&name, bytes, encoding)?;
        if let Some(at) = memchr::memchr(0, &bytes) {
            let line = 1 + bytes[..at].iter().filter(|&&b| b == b'\n').count();
            return Err(Error::input_msg(
                msg::NUL_IN_TABLE,
                &[("file", &name), ("line", &line)],
            ));
        }
        let bom = "\u{feff}".as_bytes();
        let mut start = 0;
        while bytes[start..].starts_with(bom) {
            start += bom.len();
        }
        let text = Shared {
            bytes: Arc::new(bytes),
            start,
        };
        let separator = dump_separator(text.as_ref());
        let mut records = Records::from_reader(
            &name,
            Box::new(Cursor::new(text.clone())),
            separator,
            Fields::Any,
            Complaint::Input,
        )?;
        records.text = Some(text);
        records.encoding = encoding;
        Ok(records)
    }

    /// The encoding the table was decoded from.
    pub fn encoding(&self) -> Encoding {
        self.encoding
    }

    /// The name used in messages (the path as given).
    pub fn name(&self) -> &str {
        &self.name
    }

    /// The header row's fields, as written (not trimmed).
    pub fn headers(&self) -> &[String] {
        &self.headers
    }

    /// Reads the next row into `record`; returns the line it starts on,
    /// or `None` at the end of the table.
    ///
    /// # Errors
    ///
    /// The row cannot be read (worded as the [`Complaint`] says); it
    /// holds a NUL byte (the file is damaged), naming the line.
    pub fn next(&mut self, record: &mut Record) -> Result<Option<u64>> {
        match self.reader.read_record(record) {
            Ok(true) => {
                let (line, byte) =
                    record.position().map_or((0, 0), |p| (p.line(), p.byte()));
                let line = line + u64::from(self.starts_at_lf(byte));
                if memchr::memchr(0, record.as_slice().as_bytes()).is_some() {
                    return Err(Error::input_msg(
                        msg::NUL_IN_TABLE,
                        &[("file", &self.name), ("line", &line)],
                    ));
                }
                Ok(Some(line))
            }
            Ok(false) => Ok(None),
            Err(e) => Err(self.error(&e)),
        }
    }

    /// True when a row read whole starts at the LF of a CRLF: the `csv`
    /// reader (1.4) counts that LF with the next row, which then starts
    /// one line too early (rust-csv#395).
    fn starts_at_lf(&self, byte: u64) -> bool {
        self.text.as_ref().is_some_and(|t| {
            usize::try_from(byte)
                .ok()
                .and_then(|b| t.as_ref().get(b))
                .is_some_and(|&c| c == b'\n')
        })
    }

    /// The error for `e`, worded as `self.complaint` says.
    fn error(&self, e: &csv::Error) -> Error {
        let file = &self.name;
        if let Some(o) = overflow(e, file, &self.headers, self.separator) {
            return o;
        }
        if self.complaint == Complaint::Io {
            return Error::from_msg(
                ErrorKind::Io,
                msg::FILE_DETAIL,
                &[("file", file), ("detail", e)],
            );
        }
        let line = e.position().map(|p| p.line()).unwrap_or(0);
        if self.complaint == Complaint::Canonical
            && let csv::ErrorKind::Utf8 { err, .. } = e.kind()
        {
            let header = self
                .headers
                .get(err.field())
                .map(|h| h.trim().trim_start_matches('\u{feff}').to_string());
            let field = match header {
                Some(h) => format!("{} ({h})", err.field() + 1),
                None => (err.field() + 1).to_string(),
            };
            return Error::input_msg(
                msg::FIELD_NOT_UTF8,
                &[("file", file), ("line", &line), ("field", &field)],
            );
        }
        if self.complaint == Complaint::Table {
            // The reader's text repeats the line; say it in our words.
            let text = |lang: Lang| {
                let detail = match e.kind() {
                    csv::ErrorKind::UnequalLengths {
                        expected_len,
                        len,
                        ..
                    } => msg::FIELD_COUNT.fill(
                        lang,
                        &[("expected", expected_len), ("found", len)],
                    ),
                    _ => e.to_string(),
                };
                msg::TABLE_UNREADABLE_AT.fill(
                    lang,
                    &[("file", file), ("line", &line), ("detail", &detail)],
                )
            };
            return Error::input(text(Lang::Es), text(Lang::En));
        }
        Error::input_msg(
            msg::UNREADABLE_AT,
            &[("file", file), ("line", &line), ("detail", e)],
        )
    }
}

/// The first line of `text` (what a separator is sniffed from).
fn text_head(text: &str) -> &[u8] {
    let end = text.len().min(HEAD);
    &text.as_bytes()[..end]
}

/// The whole file at `path` (`.gz` gunzipped, a single-table `.zip`
/// unzipped) as UTF-8, and the encoding it was decoded from: UTF-16 when
/// it starts so, then as `encoding` says; [`Encoding::Auto`] takes UTF-8
/// when the whole file is, refuses UTF-8 with stray bytes (naming the
/// line; so does a file starting with a UTF-8 BOM), and takes
/// Windows-1252 otherwise.
fn read_whole(path: &Path) -> Result<Vec<u8>> {
    let lower = path.display().to_string().to_ascii_lowercase();
    let file = std::fs::File::open(path).map_err(|e| Error::io(path, &e))?;
    let mut bytes = Vec::new();
    if lower.ends_with(".zip") {
        bytes = unzip_one(path, file)?;
    } else if lower.ends_with(".gz") {
        flate2::read::MultiGzDecoder::new(std::io::BufReader::new(file))
            .read_to_end(&mut bytes)
            .map_err(|e| Error::io(path, &e))?;
    } else {
        std::io::BufReader::new(file)
            .read_to_end(&mut bytes)
            .map_err(|e| Error::io(path, &e))?;
    }
    Ok(bytes)
}

/// Decodes a whole table held in memory from `encoding` ([`Encoding::Auto`]:
/// detected from the whole text); `name` stands for the file in messages.
fn decode_bytes(
    name: &str,
    bytes: Vec<u8>,
    encoding: Encoding,
) -> Result<(Vec<u8>, Encoding)> {
    let path = Path::new(name);
    let resolved = encoding.resolve(&bytes[..bytes.len().min(HEAD)]);
    // A UTF-8 BOM says UTF-8 as plainly as `--encoding utf-8`.
    let explicit = encoding != Encoding::Auto || bytes.starts_with(BOM);
    let encoding = if resolved.is_utf16()
        || (explicit && resolved == Encoding::Windows1252)
    {
        resolved
    } else {
        // The whole file decides, not only its start.
        match std::str::from_utf8(&bytes) {
            Ok(_) => Encoding::Utf8,
            Err(_) if !explicit && mixed_utf8(&bytes).is_none() => {
                Encoding::Windows1252
            }
            Err(e) => {
                let bad = &bytes[..e.valid_up_to()];
                let line = 1 + bad.iter().filter(|&&b| b == b'\n').count();
                return Err(Error::input_msg(
                    msg::MIXED_UTF8,
                    &[("file", &path.display()), ("line", &line)],
                ));
            }
        }
    };
    let text = match encoding {
        Encoding::Windows1252 => encoding_rs::WINDOWS_1252
            .decode_without_bom_handling(&bytes)
            .0
            .into_owned()
            .into_bytes(),
        e if e.is_utf16() => {
            let mut text = Vec::new();
            Utf16Reader::new(Cursor::new(bytes), e)
                .read_to_end(&mut text)
                .map_err(|e| Error::io(path, &e))?;
            text
        }
        _ => bytes,
    };
    Ok((text, encoding))
}

/// The separator of a table dump whose text starts with `text`: the most
/// frequent of TAB, `;` and `,` on its first line (quotes not looked
/// at), `,` on a tie or when none occurs.
pub fn dump_separator(text: &[u8]) -> u8 {
    let first = text.split(|&b| b == b'\n').next().unwrap_or(&[]);
    [b'\t', b';', b',']
        .into_iter()
        .max_by_key(|s| first.iter().filter(|b| *b == s).count())
        .unwrap_or(b',')
}

/// For text that is not valid UTF-8 but holds UTF-8-encoded Latin-1
/// letters too (a UTF-8 file with a stray byte): the line of the first
/// invalid byte. `None` when none occurs (real Windows-1252 text).
fn mixed_utf8(head: &[u8]) -> Option<usize> {
    let bad = std::str::from_utf8(head).err()?.valid_up_to();
    // Only U+0080..U+00FF (lead byte C2 or C3: Spanish accents, ñ, ¿, ¡)
    // counts: in Windows-1252 text "Â" or "Ã" before a symbol is rare,
    // while an accented capital before a curly quote (D3 94) is not.
    let multi = head
        .windows(2)
        .any(|w| matches!(w[0], 0xC2 | 0xC3) && (0x80..=0xBF).contains(&w[1]));
    multi.then(|| 1 + head[..bad].iter().filter(|&&b| b == b'\n').count())
}

fn unzip_one(path: &Path, file: std::fs::File) -> Result<Vec<u8>> {
    let name = path.display();
    let bad = |e: &dyn std::fmt::Display| {
        Error::input_msg(
            msg::ZIP_UNREADABLE,
            &[("file", &name), ("detail", &e)],
        )
    };
    let mut zip = zip::ZipArchive::new(file).map_err(|e| bad(&e))?;
    let mut tables = Vec::new();
    for i in 0..zip.len() {
        let f = zip.by_index(i).map_err(|e| bad(&e))?;
        let n = f.name().to_string();
        let base = n.rsplit('/').next().unwrap_or("");
        let lower = base.to_ascii_lowercase();
        if f.is_dir()
            || n.starts_with("__MACOSX/")
            || base.starts_with("._")
            || !(lower.ends_with(".csv")
                || lower.ends_with(".tsv")
                || lower.ends_with(".txt"))
        {
            continue;
        }
        tables.push((i, n));
    }
    let [(i, _)] = tables[..] else {
        let list: Vec<&str> = tables.iter().map(|t| t.1.as_str()).collect();
        return Err(Error::input_msg(
            msg::ZIP_NOT_ONE_TABLE,
            &[
                ("file", &name),
                ("count", &tables.len()),
                ("list", &format!("{list:?}")),
            ],
        ));
    };
    let mut f = zip.by_index(i).map_err(|e| bad(&e))?;
    // The size the archive declares, trusted only up to 64 MiB.
    let mut out = Vec::with_capacity(f.size().min(64 << 20) as usize);
    f.read_to_end(&mut out).map_err(|e| bad(&e))?;
    Ok(out)
}

/// Appends one CSV field, quoted when needed.
pub fn push_field(out: &mut String, s: &str) {
    // Bytes, not characters: the four are ASCII, never inside a UTF-8
    // sequence, and a table writes millions of cells.
    if s.bytes().any(|b| matches!(b, b',' | b'"' | b'\n' | b'\r')) {
        out.push('"');
        out.push_str(&s.replace('"', "\"\""));
        out.push('"');
    } else {
        out.push_str(s);
    }
}

/// Reads `inner` with every CRLF line ending turned into LF, so that
/// the `csv` reader's line count is exact: it counts the LF of a CRLF
/// with the next row, which then starts one line early (rust-csv#395).
/// A lone CR (old Mac endings, a CR inside a cell) is kept. Exports saved
/// by Excel on Windows end every line with CRLF.
///
/// ```
/// use std::io::Read;
/// let mut r = plazo::io::csv::CrLf::new(&b"a,b\r\n1,\"x\ry\"\r\n"[..]);
/// let mut out = String::new();
/// r.read_to_string(&mut out)?;
/// assert_eq!(out, "a,b\n1,\"x\ry\"\n");
/// # Ok::<(), std::io::Error>(())
/// ```
pub struct CrLf<R> {
    inner: R,
    buf: Box<[u8]>,
    start: usize,
    end: usize,
    eof: bool,
}

impl<R: Read> CrLf<R> {
    /// Wraps `inner`.
    pub fn new(inner: R) -> CrLf<R> {
        CrLf {
            inner,
            buf: vec![0; 1 << 16].into_boxed_slice(),
            start: 0,
            end: 0,
            eof: false,
        }
    }

    /// Reads more of `inner` after the `keep` bytes at the buffer's
    /// start; false at the end of `inner`.
    fn fill(&mut self, keep: usize) -> std::io::Result<bool> {
        self.buf.copy_within(self.start..self.start + keep, 0);
        self.start = 0;
        self.end = keep;
        let n = loop {
            match self.inner.read(&mut self.buf[keep..]) {
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
                r => break r?,
            }
        };
        self.end += n;
        self.eof = n == 0;
        Ok(n > 0)
    }
}

impl<R: Read> Read for CrLf<R> {
    fn read(&mut self, out: &mut [u8]) -> std::io::Result<usize> {
        let mut w = 0;
        while w < out.len() {
            if self.start == self.end
                && (self.eof || w > 0 || !self.fill(0)?)
            {
                break;
            }
            // Copy the run up to the next CR at once.
            let avail = &self.buf[self.start..self.end];
            let run = memchr::memchr(b'\r', avail).unwrap_or(avail.len());
            if run > 0 {
                let n = run.min(out.len() - w);
                out[w..w + n].copy_from_slice(&avail[..n]);
                w += n;
                self.start += n;
                continue;
            }
            if self.start + 1 == self.end && !self.eof {
                // A CR at the end of what was read: look at the next
                // byte before deciding.
                if w > 0 {
                    break;
                }
                self.fill(1)?;
                continue;
            }
            if self.start + 1 < self.end && self.buf[self.start + 1] == b'\n' {
                self.start += 1; // drop the CR of a CRLF
                continue;
            }
            out[w] = b'\r';
            w += 1;
            self.start += 1;
        }
        Ok(w)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        /// Quoted exactly when the field holds a comma, a quote or a line
        /// end, quotes doubled: what the character search it replaced
        /// wrote.
        #[test]
        fn push_field_quotes_as_the_character_search(
            s in "[a,\"\n\r é€x]{0,10}"
        ) {
            let mut got = String::from("<");
            push_field(&mut got, &s);
            let want = if s.contains([',', '"', '\n', '\r']) {
                format!("<\"{}\"", s.replace('"', "\"\""))
            } else {
                format!("<{s}")
            };
            proptest::prop_assert_eq!(got, want);
        }
    }

    fn read(text: &[u8]) -> (CsvInput, Vec<Row>) {
        let mut i =
            CsvInput::from_bytes("t.csv", text.to_vec(), Encoding::Auto, None)
                .unwrap();
        let mut rows = Vec::new();
        while let Some(r) = i.next_row().unwrap() {
            rows.push(r);
        }
        (i, rows)
    }

    #[test]
    fn glpi_quirks_bom_semicolon_trailing_and_multiline() {
        let (i, rows) = read(
            b"\xef\xbb\xbf\"ID\";\"T\";\n\"1\";\"a\nb\";\n\"2\";\"c\";\n",
        );
        assert_eq!(i.header, ["ID", "T"]);
        assert_eq!(rows[0].fields, ["1", "a\nb"]);
        assert_eq!((rows[0].line, rows[1].line), (2, 4));
        assert!(rows.iter().all(|r| r.problem.is_none()));
    }

    #[test]
    fn sqlcmd_dashes_and_field_count() {
        let (i, rows) = read(b"a|b\n---|---\n1|2\n3\n");
        assert_eq!(i.separator, b'|');
        assert_eq!(rows.len(), 2);
        assert_eq!(rows[0].fields, ["1", "2"]);
        assert!(rows[1].problem.is_some());
        assert_eq!(rows[1].line, 4);
    }

    /// A file in a fresh temporary folder for this test.
    fn temp_file(test: &str, name: &str, bytes: &[u8]) -> std::path::PathBuf {
        let dir = std::env::temp_dir()
            .join(format!("plazo-io-csv-{test}-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join(name);
        std::fs::write(&path, bytes).unwrap();
        path
    }

    fn all(mut records: Records) -> Vec<(u64, Vec<String>)> {
        let mut out = Vec::new();
        let mut record = Record::new();
        while let Some(line) = records.next(&mut record).unwrap() {
            out.push((line, record.iter().map(String::from).collect()));
        }
        out
    }

    #[test]
    fn dumps_count_crlf_lines_exactly_and_read_windows_1252() {
        let path = temp_file(
            "dump",
            "glpi_tickets.csv",
            b"id;name\r\n1;caf\xe9\r\n2;\"a\r\nb\"\r\n3;c\r\n",
        );
        let records = Records::dump(&path).unwrap();
        assert_eq!(records.headers(), ["id", "name"]);
        assert_eq!(records.encoding(), Encoding::Windows1252);
        let rows = all(records);
        let lines: Vec<u64> = rows.iter().map(|r| r.0).collect();
        assert_eq!(lines, [2, 3, 5]);
        assert_eq!(rows[0].1, ["1", "café"]);
        assert_eq!(rows[1].1, ["2", "a\r\nb"]);
    }

    #[test]
    fn a_dump_that_says_utf8_and_is_not_names_the_line() {
        // A UTF-8 BOM, then a Windows-1252 byte on line 3.
        let path = temp_file(
            "dump-bom",
            "glpi_tickets.csv",
            b"\xef\xbb\xbfid;name\n1;a\n2;caf\xe9\n",
        );
        let e = Records::dump(&path).err().unwrap();
        let want = format!(
            "{}:3: the file is UTF-8 but this line has a byte that is not; fix that line or save the file as \"CSV UTF-8\"",
            path.display()
        );
        assert_eq!(e.message(Lang::En), want);
        assert_eq!(e.exit_code(), 2);
    }

    /// A reader that hands out at most `k` bytes a call.
    struct Chunks<'a>(&'a [u8], usize);

    impl Read for Chunks<'_> {
        fn read(&mut self, out: &mut [u8]) -> std::io::Result<usize> {
            let n = self.0.len().min(self.1).min(out.len());
            out[..n].copy_from_slice(&self.0[..n]);
            self.0 = &self.0[n..];
            Ok(n)
        }
    }

    #[test]
    fn crlf_becomes_lf_whatever_the_chunks() {
        // Every text of up to 7 bytes over {a, CR, LF}, read in chunks of
        // 1 to 4 bytes (a CR at a chunk's end) and through small output
        // buffers, against the obvious replacement.
        let alphabet = [b'a', b'\r', b'\n'];
        let mut texts = vec![Vec::new()];
        for len in 1..=7 {
            let mut code = vec![0usize; len];
            loop {
                texts.push(code.iter().map(|&c| alphabet[c]).collect());
                let mut i = 0;
                while i < len && code[i] == 2 {
                    code[i] = 0;
                    i += 1;
                }
                if i == len {
                    break;
                }
                code[i] += 1;
            }
        }
        assert_eq!(texts.len(), (3usize.pow(8) - 1) / 2);
        for t in &texts {
            let want =
                String::from_utf8(t.clone()).unwrap().replace("\r\n", "\n");
            for k in 1..=4 {
                for out_len in [1, 2, 64] {
                    let mut r = CrLf::new(Chunks(t, k));
                    let mut got = Vec::new();
                    let mut buf = vec![0u8; out_len];
                    loop {
                        let n = r.read(&mut buf).unwrap();
                        if n == 0 {
                            break;
                        }
                        got.extend_from_slice(&buf[..n]);
                    }
                    assert_eq!(
                        got,
                        want.as_bytes(),
                        "{t:?} k={k} out={out_len}"
                    );
                }
            }
        }
    }

    #[test]
    fn canonical_tables_count_lines_exactly_after_crlf() {
        let path = temp_file(
            "crlf",
            "tickets.csv",
            b"ticket_id,opened_at\r\n1,2026-03-02 08:00\r\n\"2\",\"a\r\nb\"\r\n3,x\r\n",
        );
        let rows = all(Records::canonical(&path).unwrap());
        let lines: Vec<u64> = rows.iter().map(|r| r.0).collect();
        assert_eq!(lines, [2, 3, 5]);
        assert_eq!(rows[1].1, ["2", "a\nb"]);
    }

    #[test]
    fn exports_count_lines_exactly_after_crlf() {
        let bytes = b"ID;Estado\r\n7;Nuevo\r\n8;Cerrado\r\n".to_vec();
        let mut input =
            CsvInput::from_bytes("x.csv", bytes, Encoding::Auto, None)
                .unwrap();
        let mut lines = Vec::new();
        while let Some(row) = input.next_row().unwrap() {
            lines.push(row.line);
        }
        assert_eq!(lines, [2, 3]);
    }

    #[test]
    fn dump_separator_counts_the_first_line_only() {
        assert_eq!(dump_separator(b"a\tb\tc;d\n1,2,3,4,5\n"), b'\t');
        // A tie goes to `,`, then `;`; no separator at all reads as `,`.
        assert_eq!(dump_separator(b"a;b,c\n"), b',');
        assert_eq!(dump_separator(b"a;b\tc\n"), b';');
        assert_eq!(dump_separator(b"a|b\n"), b',');
    }

    #[test]
    fn canonical_tables_name_a_field_that_is_not_utf8() {
        // The first MiB decides the encoding: UTF-8 here, and a
        // Windows-1252 byte after it.
        let mut bytes = b"ticket_id;status\n".to_vec();
        while bytes.len() <= 1 << 20 {
            bytes.extend_from_slice(b"1;En espera\n");
        }
        bytes.extend_from_slice(b"2;Cr\xedtico\n");
        let path = temp_file("canonical", "t.csv", &bytes);
        let mut records = Records::canonical(&path).unwrap();
        let mut record = Record::new();
        let e = loop {
            match records.next(&mut record) {
                Ok(Some(_)) => continue,
                Ok(None) => panic!("no error"),
                Err(e) => break e,
            }
        };
        let text = e.message(Lang::En);
        assert!(text.contains(": field 2 (status) is not UTF-8"), "{text}");
        assert!(e.is_input());
    }

    #[test]
    fn plain_tables_refuse_a_short_row_as_worded() {
        let text = b"start,end\n1,2\n3\n".to_vec();
        let read = |complaint| {
            let input = Box::new(Cursor::new(text.clone()));
            let mut records = Records::from_reader(
                "p.csv",
                input,
                b',',
                Fields::Same,
                complaint,
            )
            .unwrap();
            let mut record = Record::new();
            records.next(&mut record).unwrap();
            records.next(&mut record).unwrap_err()
        };
        let e = read(Complaint::Input);
        assert!(e.message(Lang::Es).starts_with("p.csv:3: CSV ilegible: "));
        assert_eq!(e.exit_code(), 2);
        let e = read(Complaint::Io);
        assert!(e.message(Lang::Es).starts_with("p.csv: CSV error: "));
        assert_eq!(e.exit_code(), 1);
    }

    #[test]
    fn sniffs() {
        assert_eq!(sniff_separator(b"a\tb\tc\n"), b'\t');
        assert_eq!(sniff_separator(b"\"a;b\",c\n"), b',');
        assert_eq!(sniff_separator(b"abc\n"), b',');
    }
}
