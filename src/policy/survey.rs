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
    /// `[survey] repeated`: which answer of a ticket answered several
    /// times counts.
    pub repeated: Repeated,
}

/// `[survey] repeated`: the score of a ticket answered several times
/// (e.g. once more after a reopening), among its answers by the cutoff.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Repeated {
    /// The first answer.
    First,
    /// The last answer (the default).
    #[default]
    Last,
    /// The mean of the answers (dated at the last one).
    Mean,
}

impl Repeated {
    /// The policy's word.
    pub fn key(self) -> &'static str {
        match self {
            Repeated::First => "first",
            Repeated::Last => "last",
            Repeated::Mean => "mean",
        }
    }

    /// The (instant, score) that counts among `answers` (sorted by time).
    pub fn pick(
        self,
        answers: impl Iterator<Item = (i64, f64)>,
    ) -> Option<(i64, f64)> {
        let (mut first, mut last, mut sum, mut n) = (None, None, 0.0, 0u32);
        for a in answers {
            first.get_or_insert(a);
            last = Some(a);
            sum += a.1;
            n += 1;
        }
        match self {
            Repeated::First => first,
            Repeated::Last => last,
            Repeated::Mean => last.map(|(at, _)| (at, sum / f64::from(n))),
        }
    }
}

/// `[survey] questions` and `[survey.comment_groups]`: what the survey
/// report shows beside the overall score.
#[derive(Clone, Debug, Default)]
pub struct SurveyForm {
    /// (column of the surveys table, label), by column name.
    pub questions: Vec<(String, String)>,
    /// (label, folded keywords), by label; empty: comments are grouped
    /// by their exact folded text.
    pub comment_groups: Vec<(String, Vec<String>)>,
}

impl SurveyForm {
    /// The question columns and comment groups of `[survey]`.
    pub(super) fn resolve(raw: &RawSurvey) -> Result<SurveyForm> {
        let mut questions = Vec::new();
        for (col, label) in &raw.questions {
            if col.trim().is_empty() || label.trim().is_empty() {
                return Err(Error::input_msg(
                    msg::survey_report::QUESTION_EMPTY,
                    &[("column", &col.trim())],
                ));
            }
            questions.push((col.trim().to_string(), label.trim().to_string()));
        }
        let mut comment_groups = Vec::new();
        for (label, words) in &raw.comment_groups {
            let folded: Vec<String> = words
                .iter()
                .map(|w| crate::text::fold(w.trim()))
                .filter(|w| !w.is_empty())
                .collect();
            if label.trim().is_empty() || folded.is_empty() {
                return Err(Error::input_msg(
                    msg::survey_report::COMMENT_GROUP_EMPTY,
                    &[("group", &label.trim())],
                ));
            }
            comment_groups.push((label.trim().to_string(), folded));
        }
        Ok(SurveyForm {
            questions,
            comment_groups,
        })
    }

    /// The group of a comment: the first group (by label) one of whose
    /// keywords is a substring of the folded comment, or `None` (the
    /// report's "Otros"). Without groups, `None` always.
    pub fn group_of(&self, comment: &str) -> Option<&str> {
        let c = crate::text::fold(comment);
        self.comment_groups
            .iter()
            .find(|(_, ws)| ws.iter().any(|w| c.contains(w.as_str())))
            .map(|(l, _)| l.as_str())
    }
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
        let repeated = match raw.repeated.as_deref().map(str::trim) {
            None | Some("last") => Repeated::Last,
            Some("first") => Repeated::First,
            Some("mean") => Repeated::Mean,
            Some(v) => {
                return Err(Error::input_msg(
                    msg::survey_report::REPEATED_UNKNOWN,
                    &[("value", &format!("{v:?}"))],
                ));
            }
        };
        Ok(SurveyRules {
            satisfied_min: raw.satisfied_min,
            scale_max: raw.scale_max,
            repeated,
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
