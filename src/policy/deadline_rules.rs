//! `[sla] deadline_rules`: whose rules compute deadlines and verdicts,
//! the procedure's (plazo's business-time clock, the default) or GLPI's
//! (as GLPI 10/11 stores `time_to_own` / `time_to_resolve` and judges
//! "solved late"; docs/SLA.md, "Procedure vs GLPI rules").

use crate::error::{Error, Result};
use crate::text::msg;

/// Which rules compute deadlines and verdicts.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum DeadlineRules {
    /// The procedure's: the target is business time in new/open; a
    /// pause moves the deadline by the business time paused before it.
    #[default]
    Procedure,
    /// GLPI's: deadlines as `LevelAgreement::computeDate` and
    /// `Calendar::computeEndDate` give them, moved by the waiting time
    /// on leaving Pending; breached when solved after the deadline.
    Glpi,
}

impl DeadlineRules {
    /// The key as the policy and `--deadline-rules` write it.
    pub fn key(self) -> &'static str {
        match self {
            DeadlineRules::Procedure => "procedure",
            DeadlineRules::Glpi => "glpi",
        }
    }

    /// Reads a key (`procedure` or `glpi`); `place` names where it was
    /// written in the error.
    ///
    /// # Errors
    ///
    /// Any other value.
    pub fn parse(raw: &str, place: &str) -> Result<DeadlineRules> {
        match raw.trim() {
            "procedure" => Ok(DeadlineRules::Procedure),
            "glpi" => Ok(DeadlineRules::Glpi),
            other => Err(Error::input_msg(
                msg::glpi_rules::DEADLINE_RULES_UNKNOWN,
                &[("place", &place), ("value", &other)],
            )),
        }
    }
}
