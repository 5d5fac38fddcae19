//! `[targets_from_ticket]`: targets carried by each ticket, in tickets
//! columns, and how a cell of such a column reads.

use serde::Deserialize;

use super::raw::RawTicketTargets;
use crate::error::{Error, Result};
use crate::text::msg;
use crate::time::BizDuration;

/// `[targets_from_ticket]`: tickets columns that carry each ticket's own
/// targets (the tool's ANS per case: Aranda's service SLA, an "ANS"
/// field the desk fills in). A non-empty cell wins over the
/// `[[targets]]` rule for that measure; an empty one leaves the rule's.
///
/// ```
/// use plazo::Policy;
/// use plazo::policy::NumberUnit;
/// use plazo::time::BizDuration;
/// let p = Policy::from_toml(r#"
///     name = "x"
///     [calendar]
///     always = true
///     [targets_from_ticket]
///     resolution = "ans_solucion"
///     numbers = "minutes"
/// "#, "p.toml".as_ref())?;
/// let t = p.targets_from_ticket().unwrap();
/// assert_eq!(t.resolution.as_deref(), Some("ans_solucion"));
/// assert_eq!(t.parse("90")?, BizDuration::Seconds(5400));
/// assert_eq!(t.parse("2bd")?, BizDuration::Days(2));
/// assert_eq!(t.numbers, Some(NumberUnit::Minutes));
/// # Ok::<(), plazo::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq)]
pub struct TicketTargets {
    /// The column holding the response target, if any.
    pub response: Option<String>,
    /// The column holding the resolution target, if any.
    pub resolution: Option<String>,
    /// How a bare number reads; `None`: a bare number is an error (write
    /// `90m`, `4h` or `2bd`, or set `numbers`).
    pub numbers: Option<NumberUnit>,
}

/// The unit of a bare number in a target column.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum NumberUnit {
    /// Business seconds.
    Seconds,
    /// Business minutes (Aranda's and GLPI's usual unit).
    Minutes,
    /// Business hours.
    Hours,
}

impl TicketTargets {
    /// Checks `[targets_from_ticket]`: at least one column named.
    pub(super) fn resolve(
        raw: Option<RawTicketTargets>,
    ) -> Result<Option<TicketTargets>> {
        let Some(t) = raw else { return Ok(None) };
        let col = |c: Option<String>| {
            c.map(|c| c.trim().to_string()).filter(|c| !c.is_empty())
        };
        let (response, resolution) = (col(t.response), col(t.resolution));
        if response.is_none() && resolution.is_none() {
            return Err(Error::input_msg(
                msg::policy::TICKET_TARGETS_NONE,
                &[],
            ));
        }
        Ok(Some(TicketTargets {
            response,
            resolution,
            numbers: t.numbers,
        }))
    }

    /// Reads one cell: a duration (`90m`, `4h`, `1h30m`, `2bd`) or, with
    /// `numbers` set, a whole number in that unit.
    ///
    /// # Errors
    ///
    /// An input error quoting the cell and saying what to write.
    pub fn parse(&self, cell: &str) -> Result<BizDuration> {
        let c = cell.trim();
        // A bare number; `90.0` too (a Parquet float column).
        let whole = c.strip_suffix(".0").unwrap_or(c);
        if whole.is_empty() || !whole.chars().all(|ch| ch.is_ascii_digit()) {
            return c.parse::<BizDuration>();
        }
        let cell_error =
            |m| Error::input_msg(m, &[("cell", &format!("{c:?}"))]);
        let range = || cell_error(msg::policy::TICKET_TARGET_OUT_OF_RANGE);
        let n: i64 = whole.parse().map_err(|_| range())?;
        let mult = match self.numbers {
            Some(NumberUnit::Seconds) => 1,
            Some(NumberUnit::Minutes) => 60,
            Some(NumberUnit::Hours) => 3600,
            None => {
                return Err(cell_error(msg::policy::TICKET_TARGET_NO_UNIT));
            }
        };
        n.checked_mul(mult)
            .map(BizDuration::Seconds)
            .ok_or_else(range)
    }
}
