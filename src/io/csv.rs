//! Reading exported tables: `.csv`, `.tsv`, `.csv.gz` or a single-file
//! `.zip`, in UTF-8 or Windows-1252, with the separator detected from the
//! header line (`,`, `;`, TAB or `|`).
//!
//! Rows come with their physical line number (of the row's first line,
//! 1-based, header = line 1) so that rejects can point at them. Quirks
//! handled here, for every source: a UTF-8 BOM; a trailing separator on
//! every line (GLPI's search export) when the header also ends with an
//! empty field; the line of dashes that `sqlcmd` writes under the header.
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

use std::fmt::Display;
use std::io::{Cursor, Read};
use std::path::Path;

use crate::error::{Error, Result};
use crate::io::encoding::{BOM, Encoding};
use crate::text::lang::Lang;
use crate::text::{Msg, msg};

/// One data row.
#[derive(Clone, Debug, Default)]
pub struct Row {
    /// The physical line where the row starts (header = 1).
    pub line: u64,
    /// The decoded fields (trailing empty field of GLPI lines removed).
    pub fields: Vec<String>,
    /// Why the row cannot be read at all (bad encoding, wrong number of
    /// fields): it must be rejected with this reason.
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
        mut reader: Box<dyn Read>,
        encoding: Encoding,
        separator: Option<u8>,
    ) -> Result<CsvInput> {
        let io = |e: std::io::Error| {
            let os = e.to_string();
            Error::new(crate::error::ErrorKind::Io, &*os, &*os).at(name)
        };
        let mut head = Vec::with_capacity(HEAD);
        (&mut reader)
            .take(HEAD as u64)
            .read_to_end(&mut head)
            .map_err(io)?;
        let encoding = encoding.resolve(&head);
        let skip = if head.starts_with(BOM) { BOM.len() } else { 0 };
        let separator =
            separator.unwrap_or_else(|| sniff_separator(&head[skip..]));
        let body: Box<dyn Read> = Box::new(Cursor::new(head).chain(reader));
        let mut body = body;
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
                    Error::input_msg(
                        msg::io::CSV_UNREADABLE,
                        &[("file", &name), ("detail", &e)],
                    )
                })?;
        if !has {
            return Err(Error::input_msg(
                msg::io::CSV_EMPTY,
                &[("file", &name)],
            ));
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
                msg::io::CSV_NO_COLUMN,
                &[
                    ("file", &self.name),
                    ("column", &format!("{name:?}")),
                    ("key", &key),
                    ("columns", &self.header.join("\", \"")),
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

    /// The next data row, or `None` at the end.
    ///
    /// # Errors
    ///
    /// Reading the file failed (I/O, a broken archive).
    pub fn next_row(&mut self) -> Result<Option<Row>> {
        loop {
            let has = self.reader.read_byte_record(&mut self.record).map_err(
                |e| {
                    let detail = e.to_string();
                    Error::failure(&*detail, &*detail).at(&self.name)
                },
            )?;
            if !has {
                return Ok(None);
            }
            let line = self.record.position().map_or(0, |p| p.line());
            let first = std::mem::replace(&mut self.first, false);
            let rec = &self.record;
            if rec.len() == 1 && rec[0].is_empty() {
                continue; // blank line
            }
            if first
                && rec.iter().all(|f| {
                    let t = f.trim_ascii();
                    !t.is_empty() && t.iter().all(|&b| b == b'-')
                })
            {
                continue; // sqlcmd's underline of dashes
            }
            let mut row = Row {
                line,
                fields: Vec::with_capacity(rec.len()),
                problem: None,
            };
            let mut n = rec.len();
            if self.trailing_sep
                && n == self.header.len() + 1
                && rec[n - 1].is_empty()
            {
                n -= 1;
            }
            for f in rec.iter().take(n) {
                match self.encoding.decode(f) {
                    Some(s) => row.fields.push(s.into_owned()),
                    None => {
                        row.fields.push(String::from_utf8_lossy(f).into());
                        if row.problem.is_none() {
                            row.problem =
                                Some(both(msg::io::ROW_NOT_UTF8, &[]));
                        }
                    }
                }
            }
            if row.fields.len() != self.header.len() && row.problem.is_none() {
                let (h, f) = (self.header.len(), row.fields.len());
                row.problem = Some(both(
                    msg::io::ROW_FIELD_COUNT,
                    &[("expected", &h), ("found", &f)],
                ));
            }
            return Ok(Some(row));
        }
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

/// A row's problem, (Spanish, English): `m` filled in both.
fn both(m: Msg, args: &[(&str, &dyn Display)]) -> (String, String) {
    (m.fill(Lang::Es, args), m.fill(Lang::En, args))
}

fn unzip_one(path: &Path, file: std::fs::File) -> Result<Vec<u8>> {
    let name = path.display();
    let bad = |e: &dyn Display| {
        Error::input_msg(
            msg::io::ZIP_UNREADABLE,
            &[("file", &name), ("detail", e)],
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
            msg::io::ZIP_NOT_ONE_TABLE,
            &[
                ("file", &name),
                ("count", &tables.len()),
                ("tables", &format!("{list:?}")),
            ],
        ));
    };
    let mut f = zip.by_index(i).map_err(|e| bad(&e))?;
    let mut out = Vec::with_capacity(f.size() as usize);
    f.read_to_end(&mut out).map_err(|e| bad(&e))?;
    Ok(out)
}

/// Appends one CSV field, quoted when needed.
pub fn push_field(out: &mut String, s: &str) {
    if s.contains([',', '"', '\n', '\r']) {
        out.push('"');
        out.push_str(&s.replace('"', "\"\""));
        out.push('"');
    } else {
        out.push_str(s);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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

    #[test]
    fn sniffs() {
        assert_eq!(sniff_separator(b"a\tb\tc\n"), b'\t');
        assert_eq!(sniff_separator(b"\"a;b\",c\n"), b',');
        assert_eq!(sniff_separator(b"abc\n"), b',');
    }
}
