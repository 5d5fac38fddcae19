//! [`CsvInput::next_row_into`]: [`CsvInput::next_row`] into a row whose
//! cells are reused row after row (a large log otherwise allocates one
//! `String` per cell: 36 per row of the UCI log).

use super::{BOM, CsvInput, Row, both, msg, overflow};
use crate::error::{Error, Result};

impl CsvInput {
    /// Reads the next data row into `row` (its cells' buffers reused);
    /// false at the end. The same rows, lines and problems as
    /// [`CsvInput::next_row`].
    ///
    /// # Errors
    ///
    /// As [`CsvInput::next_row`].
    pub fn next_row_into(&mut self, row: &mut Row) -> Result<bool> {
        loop {
            let has = self.reader.read_byte_record(&mut self.record).map_err(
                |e| {
                    overflow(&e, &self.name, &self.header, self.separator)
                        .unwrap_or_else(|| {
                            Error::failure_msg(
                                msg::FILE_DETAIL,
                                &[("file", &self.name), ("detail", &e)],
                            )
                        })
                },
            )?;
            if !has {
                return Ok(false);
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
            row.line = line;
            row.problem = None;
            let mut n = rec.len();
            if self.trailing_sep
                && n == self.header.len() + 1
                && rec[n - 1].is_empty()
            {
                n -= 1;
            }
            row.fields.truncate(n);
            for (k, f) in rec.iter().take(n).enumerate() {
                // A BOM starting a row: two exports joined into one file.
                let f = if k == 0 {
                    f.strip_prefix(BOM).unwrap_or(f)
                } else {
                    f
                };
                if row.problem.is_none() && memchr::memchr(0, f).is_some() {
                    row.problem = Some(both(msg::ROW_HAS_NUL, &[]));
                }
                let text = match self.encoding.decode(f) {
                    Some(s) => s,
                    None => {
                        if row.problem.is_none() {
                            row.problem = Some(both(msg::ROW_NOT_UTF8, &[]));
                        }
                        String::from_utf8_lossy(f)
                    }
                };
                match row.fields.get_mut(k) {
                    Some(cell) => {
                        cell.clear();
                        cell.push_str(&text);
                    }
                    None => row.fields.push(text.into_owned()),
                }
            }
            if row.problem.is_none()
                && row
                    .fields
                    .iter()
                    .map(|f| f.trim())
                    .eq(self.header.iter().map(String::as_str))
            {
                row.problem = Some(both(msg::REPEATED_HEADER, &[]));
            }
            if row.fields.len() != self.header.len() && row.problem.is_none() {
                let (h, f) = (self.header.len(), row.fields.len());
                row.problem = Some(both(
                    msg::FIELD_COUNT,
                    &[("expected", &h), ("found", &f)],
                ));
            }
            return Ok(true);
        }
    }
}
