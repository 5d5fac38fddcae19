//! Survey answers: a separate table joined to tickets by ticket number.
//!
//! Recognised without a mapping: the canonical table (`ticket_id,
//! answered_at, score[, max_score, comment]`, e.g. `queries/glpi/
//! surveys.sql`) and GLPI's raw `glpi_ticketsatisfactions` (`tickets_id,
//! date_answered, satisfaction, comment`; rows never answered are counted
//! and skipped). Anything else, such as a Google Forms export ("Marca
//! temporal", "Número del caso/ticket", the score question, a comment),
//! through the mapping's `[surveys]` section, which also declares the
//! scale (`max_score`).
//!
//! A score that is not a number, or outside `0..=max_score`, rejects the
//! row. Exact duplicate answers are merged.
//!
//! # Example
//!
//! ```
//! use plazo::source::surveys::parse_score;
//! assert_eq!(parse_score("4,5"), Some(4.5));
//! assert_eq!(parse_score("5"), Some(5.0));
//! assert_eq!(parse_score("Muy bueno"), None);
//! ```

use crate::error::{Error, Result};
use crate::io::csv::{CsvInput, Row};
use crate::io::input::Input;
use crate::model::builder::{Builder, Origin, Survey};
use crate::source::Options;
use crate::source::generic::clean_id;
use crate::source::mapping::Mapping;
use crate::text::msg::source as msg;
use crate::time::dates::DateFormat;

/// A score written with a point or a decimal comma.
pub fn parse_score(s: &str) -> Option<f64> {
    let t = s.trim().replace(',', ".");
    t.parse::<f64>().ok().filter(|v| v.is_finite())
}

fn fmt_num(v: f64) -> String {
    if v.fract() == 0.0 {
        format!("{}", v as i64)
    } else {
        format!("{v}")
    }
}

/// Reads one survey table into `b`.
///
/// # Errors
///
/// The columns cannot be found (the message lists them and the mapping
/// keys), or the date format cannot be determined.
pub fn read<'a>(
    opts: &Options,
    path: impl Into<Input<'a>>,
    b: &mut Builder,
) -> Result<()> {
    let path = path.into();
    let empty = Mapping::default();
    let m = opts.mapping.as_ref().unwrap_or(&empty);
    let sep = m.separator()?;
    let mut input = path.csv(opts.encoding, sep)?;
    let cols = AnswerColumns::find(m, &input)?;
    let fmt = answer_format(opts, m, (path, sep), &input, &cols)?;
    let file = b.begin_file(&input.name, "surveys", input.encoding.name());
    let answers = Answers { m, cols, fmt, file };
    let mut unanswered = 0u64;
    while let Some(row) = input.next_row()? {
        if b.start_row(file, &row) && answers.row(b, &row) == Answer::None {
            unanswered += 1;
        }
    }
    if unanswered > 0 {
        b.note(
            msg::UNANSWERED_SURVEYS,
            &[("file", &input.name), ("count", &unanswered)],
        );
    }
    Ok(())
}

/// The columns of a survey table, by name (for rejects) and index.
struct AnswerColumns {
    /// GLPI's raw glpi_ticketsatisfactions (rows never answered are
    /// counted, not read).
    glpi: bool,
    id_name: String,
    at_name: String,
    score_name: String,
    id: usize,
    at: usize,
    score: usize,
    comment: Option<usize>,
    max: Option<usize>,
}

impl AnswerColumns {
    /// The mapping's `[surveys]` columns, else the canonical or GLPI
    /// names, found in `input`'s header.
    fn find(m: &Mapping, input: &CsvInput) -> Result<AnswerColumns> {
        let s = &m.surveys;
        let glpi = input.column("date_answered").is_some()
            && input.column("satisfaction").is_some();
        let pick = |mapped: &Option<String>, canon: &str, glpi_name: &str| {
            mapped.clone().unwrap_or_else(|| {
                if glpi {
                    glpi_name.to_string()
                } else {
                    canon.to_string()
                }
            })
        };
        let id_name = pick(&s.ticket_id, "ticket_id", "tickets_id");
        let at_name = pick(&s.answered_at, "answered_at", "date_answered");
        let score_name = pick(&s.score, "score", "satisfaction");
        let hint = |e: Error| e.context_msg(msg::SURVEYS_NAME_COLUMNS, &[]);
        let id = input
            .require(&id_name, "[surveys] ticket_id")
            .map_err(hint)?;
        let at = input
            .require(&at_name, "[surveys] answered_at")
            .map_err(hint)?;
        let score = input
            .require(&score_name, "[surveys] score")
            .map_err(hint)?;
        let comment = match &s.comment {
            Some(c) => Some(input.require(c, "[surveys] comment")?),
            None => input.column("comment"),
        };
        Ok(AnswerColumns {
            glpi,
            id_name,
            at_name,
            score_name,
            id,
            at,
            score,
            comment,
            max: input.column("max_score"),
        })
    }
}

/// The format of the answer instant: as the mapping or the options give
/// it, else detected on a first pass over `file` (the path and
/// separator).
fn answer_format(
    opts: &Options,
    m: &Mapping,
    file: (Input<'_>, Option<u8>),
    input: &CsvInput,
    cols: &AnswerColumns,
) -> Result<DateFormat> {
    let given = m
        .surveys
        .answered_at_format
        .as_deref()
        .or(m.input.date_format.as_deref())
        .and_then(DateFormat::from_user)
        .or_else(|| opts.date_format.clone());
    if let Some(f) = given {
        return Ok(f);
    }
    let v = file
        .0
        .csv(opts.encoding, file.1)?
        .column_values(&[cols.at])?;
    let v: Vec<String> = v[0].iter().map(|x| cell(m, x)).collect();
    DateFormat::detect(&cols.at_name, v.iter().map(String::as_str))
        .map_err(|e| e.at(&input.name))
}

/// A cell as read: trimmed, empty for `NULL` or a mapping null value.
fn cell(m: &Mapping, v: &str) -> String {
    let t = v.trim();
    if t == "NULL" {
        String::new()
    } else {
        m.clean(t, false).into_owned()
    }
}

/// What became of a row.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Answer {
    /// An answer, or a reject.
    Read,
    /// A GLPI row never answered: accepted without an answer.
    None,
}

/// What reading one survey table's rows needs.
struct Answers<'m> {
    m: &'m Mapping,
    cols: AnswerColumns,
    fmt: DateFormat,
    /// The builder's index of the file.
    file: u32,
}

impl Answers<'_> {
    /// One row (counted as read): an answer, an unanswered GLPI row, or a
    /// reject.
    fn row(&self, b: &mut Builder, row: &Row) -> Answer {
        let (cols, file, line) = (&self.cols, self.file, row.line);
        let f = &row.fields;
        let get = |c: usize| cell(self.m, &f[c]);
        let id = clean_id(&get(cols.id));
        if id.is_empty() {
            let reason = msg::MISSING_TICKET_NUMBER;
            b.reject(file, line, &cols.id_name, &f[cols.id], reason, &[]);
            return Answer::Read;
        }
        let at_raw = get(cols.at);
        if cols.glpi && at_raw.is_empty() {
            b.accept(file);
            return Answer::None;
        }
        let Some(at) = self.fmt.parse(&at_raw, b.tz()) else {
            let (name, raw) = (&cols.at_name, &f[cols.at]);
            b.reject_date(file, line, name, raw, &self.fmt);
            return Answer::Read;
        };
        let max = self
            .m
            .surveys
            .max_score
            .or_else(|| cols.max.and_then(|c| parse_score(&get(c))));
        let score = match parse_score(&get(cols.score)) {
            Some(v) if v >= 0.0 && max.is_none_or(|mx| v <= mx) => v,
            _ => {
                let (name, raw) = (&cols.score_name, &f[cols.score]);
                b.reject(file, line, name, raw, msg::SCORE_OFF_SCALE, &[]);
                return Answer::Read;
            }
        };
        b.survey(Survey {
            ticket_id: id,
            answered_at: at,
            score: fmt_num(score),
            max_score: max.map(fmt_num).unwrap_or_default(),
            comment: cols.comment.map(get).unwrap_or_default(),
            origin: Origin::row(file, line),
        });
        b.accept(file);
        Answer::Read
    }
}
