//! `[report] period`: the entity's usual report period.

use serde::Deserialize;

/// `[report] period`: the entity's usual report period, used by `plazo
/// report` when no period is given (the last complete one before the
/// cutoff), so that one cron line serves every entity.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ReportPeriod {
    /// Calendar months (Víctimas' monthly survey report).
    Month,
    /// Calendar quarters (Itagüí's quarterly FO-DE-15).
    Quarter,
}
