//! `[checks] max_rejects`: how many rejected rows a run may carry before
//! it fails (docs/CONTRACT.md §2, docs/ROBUSTNESS.md "Runs that must not
//! pass quietly"). The same value is given on the command line as
//! `--max-rejects`.
//!
//! ```
//! use plazo::policy::MaxRejects;
//! let m = MaxRejects::parse("2%", "--max-rejects").unwrap();
//! assert!(!m.exceeded(2, 100));
//! assert!(m.exceeded(3, 100));
//! let n = MaxRejects::parse("10", "--max-rejects").unwrap();
//! assert!(!n.exceeded(10, 11));
//! assert!(n.exceeded(11, 1_000_000));
//! assert_eq!(MaxRejects::parse("2,5 %", "x").unwrap().to_string(), "2.5%");
//! assert!(MaxRejects::parse("-1", "x").is_err());
//! ```

use std::fmt;

use crate::error::{Error, Result};
use crate::text::msg::policy as msg;

/// The most rejected rows (and unreadable cells) a run may have.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum MaxRejects {
    /// At most this many.
    Count(u64),
    /// At most this percentage (0 to 100) of the data rows read.
    Percent(f64),
}

impl MaxRejects {
    /// Reads `12` (a count) or `2%` / `2.5 %` / `2,5%` (a percentage of
    /// the rows read). `place` names the flag or key in the error.
    ///
    /// # Errors
    ///
    /// An input error (exit 2) naming `place` and the value, with the two
    /// accepted forms.
    pub fn parse(s: &str, place: &str) -> Result<MaxRejects> {
        let t = s.trim();
        let bad = || {
            Error::input_msg(
                msg::MAX_REJECTS_BAD,
                &[("key", &place), ("value", &format!("{s:?}"))],
            )
        };
        if let Some(p) = t.strip_suffix('%') {
            let p: f64 =
                p.trim().replace(',', ".").parse().map_err(|_| bad())?;
            if !(0.0..=100.0).contains(&p) || p.is_nan() {
                return Err(bad());
            }
            return Ok(MaxRejects::Percent(p));
        }
        t.parse::<u64>().map(MaxRejects::Count).map_err(|_| bad())
    }

    /// True when `rejects` out of `rows` read is above the threshold:
    /// more than the count, or a share above the percentage (any reject
    /// when nothing was read).
    pub fn exceeded(self, rejects: u64, rows: u64) -> bool {
        match self {
            MaxRejects::Count(n) => rejects > n,
            MaxRejects::Percent(p) => {
                rejects > 0
                    && (rows == 0 || rejects as f64 * 100.0 > p * rows as f64)
            }
        }
    }
}

/// `12` or `2.5%`, as the user writes it.
impl fmt::Display for MaxRejects {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            MaxRejects::Count(n) => write!(f, "{n}"),
            MaxRejects::Percent(p) => write!(f, "{p}%"),
        }
    }
}

/// The resolved `[checks] max_rejects`.
pub(super) fn from_raw(
    raw: Option<super::raw::RawMaxRejects>,
) -> Result<Option<MaxRejects>> {
    use super::raw::RawMaxRejects as R;
    const KEY: &str = "[checks] max_rejects";
    raw.map(|r| match r {
        R::Count(n) => MaxRejects::parse(&n.to_string(), KEY),
        R::Text(s) => MaxRejects::parse(&s, KEY),
    })
    .transpose()
}

#[cfg(test)]
mod tests {
    use super::MaxRejects;

    #[test]
    fn thresholds_at_their_edges() {
        let p = MaxRejects::parse(" 2 % ", "k").unwrap();
        assert_eq!(p, MaxRejects::Percent(2.0));
        // 2 of 100 is exactly 2 %: not above.
        assert!(!p.exceeded(2, 100));
        assert!(p.exceeded(3, 100));
        // 1 of 49 is 2.04 %.
        assert!(p.exceeded(1, 49));
        assert!(!p.exceeded(1, 50));
        assert!(!p.exceeded(0, 0));
        assert!(p.exceeded(1, 0));
        let z = MaxRejects::parse("0", "k").unwrap();
        assert!(!z.exceeded(0, 10));
        assert!(z.exceeded(1, 10));
        assert!(!MaxRejects::parse("100%", "k").unwrap().exceeded(9, 9));
        for bad in ["", "%", "-1", "101%", "1.5", "dos", "2%%", "NaN%"] {
            let e = MaxRejects::parse(bad, "[checks] max_rejects")
                .unwrap_err()
                .message(crate::text::lang::Lang::En)
                .to_string();
            assert_eq!(
                e,
                format!(
                    "[checks] max_rejects: {bad:?} is neither a number of \
                     rows (12) nor a percentage of the rows read (2%)"
                )
            );
        }
    }
}
