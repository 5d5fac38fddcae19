//! The committee's decisions file (`plazo report --decisions`,
//! docs/CONTRACT.md §5.7): one row per ticket and measure with the
//! decision taken on its breach (accepted, disputed or waived), the
//! reason, who took it and when.
//!
//! The reader is strict: the file is short and written by hand, and a
//! wrong row would change a filed figure, so the first bad value is an
//! input error naming the file, line, column and value (an unknown
//! ticket, measure or decision word, an unreadable date, an empty reason
//! or author, a second decision on the same ticket and measure). What a
//! decision does to the figures is in `crate::indicators::decisions`.

use std::collections::HashMap;
use std::path::Path;

use chrono::NaiveDate;

use crate::error::{Error, ErrorKind, Result};
use crate::io::csv::CsvInput;
use crate::io::encoding::Encoding;
use crate::model::dataset::Dataset;
use crate::model::measure::Measure;
use crate::text::fold;
use crate::text::lang::Lang;
use crate::text::msg::decisions as msg;

/// What the committee decided about a breach.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Ruling {
    /// The breach stands: listed, no figure changes.
    Accepted,
    /// The provider disputes it: listed as pending, no figure changes.
    Disputed,
    /// The breach is forgiven: the measure leaves its indicator.
    Waived,
}

impl Ruling {
    /// Reads a decision word (folded): `accepted`, `aceptado`,
    /// `aceptada`; `disputed`, `disputado`, `disputada`, `en disputa`;
    /// `waived`, `exonerado`, `exonerada`.
    pub fn parse(s: &str) -> Option<Ruling> {
        match fold(s).as_str() {
            "accepted" | "aceptado" | "aceptada" => Some(Ruling::Accepted),
            "disputed" | "disputado" | "disputada" | "en disputa" => {
                Some(Ruling::Disputed)
            }
            "waived" | "exonerado" | "exonerada" => Some(Ruling::Waived),
            _ => None,
        }
    }

    /// The key as the file writes it in English.
    pub fn key(self) -> &'static str {
        match self {
            Ruling::Accepted => "accepted",
            Ruling::Disputed => "disputed",
            Ruling::Waived => "waived",
        }
    }
}

/// One decision, as read.
#[derive(Clone, Debug, PartialEq)]
pub struct Decision {
    /// The line of the file (header = 1).
    pub line: u64,
    /// The ticket's index in the dataset.
    pub ticket: u32,
    /// The ticket's id as the file writes it (trimmed).
    pub ticket_id: String,
    /// The measure.
    pub measure: Measure,
    /// The decision.
    pub ruling: Ruling,
    /// Why.
    pub reason: String,
    /// Who took it.
    pub who: String,
    /// When (a local day).
    pub date: NaiveDate,
}

/// The columns, each with the names it may have (folded).
const COLUMNS: [(&str, &[&str]); 6] = [
    ("ticket", &["ticket", "ticket_id", "caso"]),
    ("measure", &["measure", "medida"]),
    ("decision", &["decision"]),
    ("reason", &["reason", "motivo"]),
    ("who", &["who", "quien"]),
    ("date", &["date", "fecha"]),
];

/// Reads the decisions file at `path` against the tickets of `ds`.
///
/// # Errors
///
/// The file cannot be read, or any error of [`read_from`].
pub fn read(path: &Path, ds: &Dataset) -> Result<Vec<Decision>> {
    read_from(CsvInput::open(path, Encoding::Auto, None)?, ds)
}

/// Reads decisions from an open table (a file, or bytes in tests).
///
/// # Errors
///
/// Input errors naming the file, line, column and value: a missing
/// column, a row that cannot be read, a ticket not in `ds`, a measure
/// or decision word not known, a date that is neither `YYYY-MM-DD` nor
/// `DD/MM/YYYY`, an empty reason or who, a second decision on the same
/// ticket and measure.
pub fn read_from(mut input: CsvInput, ds: &Dataset) -> Result<Vec<Decision>> {
    let mut cols = [0usize; 6];
    for (k, (name, aliases)) in COLUMNS.iter().enumerate() {
        cols[k] = input
            .header
            .iter()
            .position(|h| aliases.contains(&fold(h).as_str()))
            .ok_or_else(|| {
                Error::input_msg(
                    msg::MISSING_COLUMN,
                    &[("file", &input.name), ("column", name)],
                )
            })?;
    }
    let mut out = Vec::new();
    let mut seen: HashMap<(u32, Measure), u64> = HashMap::new();
    while let Some(row) = input.next_row()? {
        let at = Place {
            file: &input.name,
            line: row.line,
            header: &input.header,
        };
        if let Some((es, en)) = &row.problem {
            let fill = |lang, detail: &str| {
                msg::BAD_ROW.fill(
                    lang,
                    &[
                        ("file", &at.file),
                        ("line", &at.line),
                        ("detail", &detail),
                    ],
                )
            };
            let t = crate::text::Text {
                es: fill(Lang::Es, es),
                en: fill(Lang::En, en),
            };
            return Err(Error::from_text(ErrorKind::Input, t));
        }
        let field =
            |k: usize| row.fields.get(cols[k]).map_or("", |s| s.trim());
        if row.fields.iter().all(|f| f.trim().is_empty()) {
            continue;
        }
        let d = at.decision(ds, &cols, field)?;
        if let Some(first) = seen.insert((d.ticket, d.measure), d.line) {
            return Err(Error::input_msg(
                msg::DUPLICATE,
                &[
                    ("file", &at.file),
                    ("line", &at.line),
                    ("id", &d.ticket_id),
                    ("what", &d.measure.key()),
                    ("first", &first),
                ],
            ));
        }
        out.push(d);
    }
    Ok(out)
}

/// Where a value was read: for the errors.
struct Place<'a> {
    file: &'a str,
    line: u64,
    header: &'a [String],
}

impl Place<'_> {
    /// An input error `m` about column `k` and its `value`.
    fn err(
        &self,
        m: crate::text::Msg,
        cols: &[usize; 6],
        k: usize,
        value: &str,
    ) -> Error {
        let column = self.header.get(cols[k]).map_or("", String::as_str);
        Error::input_msg(
            m,
            &[
                ("file", &self.file),
                ("line", &self.line),
                ("column", &column),
                ("value", &format!("{value:?}")),
            ],
        )
    }

    /// One row's decision.
    fn decision<'f>(
        &self,
        ds: &Dataset,
        cols: &[usize; 6],
        field: impl Fn(usize) -> &'f str,
    ) -> Result<Decision> {
        let id = field(0);
        let ticket = ds
            .ticket_index(id)
            .ok_or_else(|| self.err(msg::UNKNOWN_TICKET, cols, 0, id))?;
        let measure = Measure::parse(field(1))
            .ok_or_else(|| self.err(msg::BAD_MEASURE, cols, 1, field(1)))?;
        let ruling = Ruling::parse(field(2))
            .ok_or_else(|| self.err(msg::BAD_DECISION, cols, 2, field(2)))?;
        for k in [3, 4] {
            if field(k).is_empty() {
                return Err(self.err(msg::EMPTY_VALUE, cols, k, ""));
            }
        }
        let date = parse_date(field(5))
            .ok_or_else(|| self.err(msg::BAD_DATE, cols, 5, field(5)))?;
        Ok(Decision {
            line: self.line,
            ticket,
            ticket_id: id.to_string(),
            measure,
            ruling,
            reason: field(3).to_string(),
            who: field(4).to_string(),
            date,
        })
    }
}

/// `YYYY-MM-DD` or `DD/MM/YYYY`.
pub fn parse_date(s: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(s, "%Y-%m-%d")
        .or_else(|_| NaiveDate::parse_from_str(s, "%d/%m/%Y"))
        .ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_in_both_languages() {
        assert_eq!(Measure::parse(" Atención "), Some(Measure::Response));
        assert_eq!(Measure::parse("SOLUCIÓN"), Some(Measure::Resolution));
        assert_eq!(Measure::parse("reopen"), None);
        assert_eq!(Ruling::parse("En  disputa"), Some(Ruling::Disputed));
        assert_eq!(Ruling::parse("Exonerado"), Some(Ruling::Waived));
        assert_eq!(Ruling::parse("aceptada"), Some(Ruling::Accepted));
        assert_eq!(Ruling::parse("condonado"), None);
    }

    #[test]
    fn dates_day_first_or_iso() {
        let d = NaiveDate::from_ymd_opt(2026, 11, 4);
        assert_eq!(parse_date("2026-11-04"), d);
        assert_eq!(parse_date("04/11/2026"), d);
        assert_eq!(parse_date("2026-11-31"), None);
        assert_eq!(parse_date("11/2026"), None);
    }
}
