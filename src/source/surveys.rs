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

use std::path::Path;

use crate::error::{Error, Result};
use crate::io::csv::CsvInput;
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
pub fn read(opts: &Options, path: &Path, b: &mut Builder) -> Result<()> {
    let empty = Mapping::default();
    let m = opts.mapping.as_ref().unwrap_or(&empty);
    let sep = m.separator()?;
    let mut input = CsvInput::open(path, opts.encoding, sep)?;
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
    let id_col = input
        .require(&id_name, "[surveys] ticket_id")
        .map_err(hint)?;
    let at_col = input
        .require(&at_name, "[surveys] answered_at")
        .map_err(hint)?;
    let score_col = input
        .require(&score_name, "[surveys] score")
        .map_err(hint)?;
    let comment_col = match &s.comment {
        Some(c) => Some(input.require(c, "[surveys] comment")?),
        None => input.column("comment"),
    };
    let max_col = input.column("max_score");
    let fmt = match s
        .answered_at_format
        .as_deref()
        .or(m.input.date_format.as_deref())
        .and_then(DateFormat::from_user)
        .or_else(|| opts.date_format.clone())
    {
        Some(f) => f,
        None => {
            let v = CsvInput::open(path, opts.encoding, sep)?
                .column_values(&[at_col])?;
            let v: Vec<String> = v[0]
                .iter()
                .map(|x| {
                    if x.trim() == "NULL" {
                        String::new()
                    } else {
                        m.clean(x, false).into_owned()
                    }
                })
                .collect();
            DateFormat::detect(&at_name, v.iter().map(String::as_str))
                .map_err(|e| e.at(&input.name))?
        }
    };
    let tz = b.tz();
    let file = b.begin_file(&input.name, "surveys", input.encoding.name());
    let mut unanswered = 0u64;
    while let Some(row) = input.next_row()? {
        if !b.start_row(file, &row) {
            continue;
        }
        let line = row.line;
        let f = &row.fields;
        let get = |c: usize| {
            let t = f[c].trim();
            if t == "NULL" {
                String::new()
            } else {
                m.clean(t, false).into_owned()
            }
        };
        let id = clean_id(&get(id_col));
        if id.is_empty() {
            b.reject(
                file,
                line,
                &id_name,
                &f[id_col],
                msg::MISSING_TICKET_NUMBER,
                &[],
            );
            continue;
        }
        let at_raw = get(at_col);
        if glpi && at_raw.is_empty() {
            unanswered += 1;
            b.accept(file);
            continue;
        }
        let Some(at) = fmt.parse(&at_raw, tz) else {
            b.reject_date(file, line, &at_name, &f[at_col], &fmt);
            continue;
        };
        let max = s
            .max_score
            .or_else(|| max_col.and_then(|c| parse_score(&get(c))));
        let score = match parse_score(&get(score_col)) {
            Some(v) if v >= 0.0 && max.is_none_or(|mx| v <= mx) => v,
            _ => {
                b.reject(
                    file,
                    line,
                    &score_name,
                    &f[score_col],
                    msg::SCORE_OFF_SCALE,
                    &[],
                );
                continue;
            }
        };
        b.survey(Survey {
            ticket_id: id,
            answered_at: at,
            score: fmt_num(score),
            max_score: max.map(fmt_num).unwrap_or_default(),
            comment: comment_col.map(get).unwrap_or_default(),
            origin: Origin::row(file, line),
        });
        b.accept(file);
    }
    if unanswered > 0 {
        b.note(
            msg::UNANSWERED_SURVEYS,
            &[("file", &input.name), ("count", &unanswered)],
        );
    }
    Ok(())
}
