//! `[survey]`: the satisfaction scale and which tickets are sent a
//! survey.

use super::matching::MatchKeys;
use super::raw::{RawKeys, RawSurvey};
use super::targets::TargetRule;
use crate::error::{Error, Result};
use crate::text::msg;

/// `[survey]`: the satisfaction scale.
#[derive(Clone, Copy, Debug)]
pub struct SurveyRules {
    /// A score >= this counts as satisfied.
    pub satisfied_min: f64,
    /// The top of the scale (for display and checks), default 5.
    pub scale_max: f64,
}

impl SurveyRules {
    /// The scale of `[survey]`: the satisfied threshold within it.
    pub(super) fn resolve(raw: &RawSurvey) -> Result<SurveyRules> {
        if raw.satisfied_min > raw.scale_max {
            return Err(Error::input_msg(
                msg::policy::SURVEY_MIN_ABOVE_MAX,
                &[],
            ));
        }
        Ok(SurveyRules {
            satisfied_min: raw.satisfied_min,
            scale_max: raw.scale_max,
        })
    }
}

/// `[survey] applies_to`: a rule with match keys and no target; `None`
/// when the key is absent (every ticket is surveyed). At least one key.
pub(super) fn scope(raw: Option<RawKeys>) -> Result<Option<TargetRule>> {
    let Some(keys) = raw else { return Ok(None) };
    let keys = MatchKeys::resolve("survey.applies_to", keys)?;
    let mut rule = TargetRule::keys_only(keys);
    if rule.is_catch_all() {
        return Err(Error::input_msg(msg::policy::SURVEY_SCOPE_EMPTY, &[]));
    }
    rule.label = rule.describe();
    Ok(Some(rule))
}
