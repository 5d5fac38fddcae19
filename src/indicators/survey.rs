//! The monthly survey report's tables beyond the indicators: the mean of
//! each question of `[survey] questions` and the comments grouped
//! (docs/INDICATORS.md, "Survey report").
//!
//! Base of the questions: the same tickets as `csat_mean` (within the
//! survey scope, with the counted answer in the period); each ticket's
//! score of a question is picked among its answers by the cutoff with
//! the same `[survey] repeated` rule as the overall score. Comments:
//! every answer with a comment in the period by the cutoff, of a ticket
//! within scope, grouped by `[survey.comment_groups]` keywords (the
//! first group by label whose keyword is in the folded comment; none:
//! "Otros") or, without groups, by the comment's exact folded text.

use std::collections::HashMap;

use crate::engine::{Exclusion, SlaRow};
use crate::model::dataset::Dataset;
use crate::policy::Policy;
use crate::text::fold;

use super::period::Period;

/// How many example comments a group shows.
pub const EXAMPLES: usize = 3;

/// The mean of one question.
#[derive(Clone, Debug, PartialEq)]
pub struct Question {
    /// The surveys table's column.
    pub column: String,
    /// The policy's label.
    pub label: String,
    /// Tickets with a score for the question.
    pub answers: u64,
    /// Sum of their scores.
    pub sum: f64,
}

impl Question {
    /// The mean score, `None` without answers.
    pub fn mean(&self) -> Option<f64> {
        (self.answers > 0).then(|| self.sum / self.answers as f64)
    }
}

/// One group of comments.
#[derive(Clone, Debug, PartialEq)]
pub struct CommentGroup {
    /// The group's label; `None` for "Otros" (no keyword matched).
    pub label: Option<String>,
    /// Comments in the group.
    pub count: u64,
    /// Up to [`EXAMPLES`] distinct comments, in file order.
    pub examples: Vec<String>,
}

/// The period's survey report tables.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct SurveyReport {
    /// One per `[survey] questions` entry, in the policy's order.
    pub questions: Vec<Question>,
    /// Groups by count (most first), then label; "Otros" last.
    pub groups: Vec<CommentGroup>,
}

/// Computes the report tables of `period` from the rows at `cutoff`
/// (Unix seconds).
pub fn report(
    policy: &Policy,
    ds: &Dataset,
    rows: &[SlaRow],
    period: &Period,
    cutoff: i64,
) -> SurveyReport {
    let mut in_scope = vec![false; ds.tickets.len()];
    let mut counted = vec![false; ds.tickets.len()];
    for r in rows {
        let keep = r.excluded != Some(Exclusion::OpenedAfterCutoff)
            && r.survey_expected;
        in_scope[r.ticket as usize] = keep;
        counted[r.ticket as usize] = keep
            && r.survey_score.is_some()
            && r.survey_answered_at
                .get()
                .is_some_and(|t| period.contains(t));
    }
    SurveyReport {
        questions: questions(policy, ds, &counted, cutoff),
        groups: groups(policy, ds, &in_scope, period, cutoff),
    }
}

/// The mean of each question over the `counted` tickets.
fn questions(
    policy: &Policy,
    ds: &Dataset,
    counted: &[bool],
    cutoff: i64,
) -> Vec<Question> {
    let rule = policy.survey().repeated;
    let form = policy.survey_form();
    let mut out: Vec<Question> = form
        .questions
        .iter()
        .map(|(column, label)| Question {
            column: column.clone(),
            label: label.clone(),
            answers: 0,
            sum: 0.0,
        })
        .collect();
    for (i, _) in counted.iter().enumerate().filter(|(_, c)| **c) {
        let answers = ds.surveys_of(i);
        for (k, q) in out.iter_mut().enumerate() {
            let scores = answers.iter().filter(|a| a.answered_at <= cutoff);
            let scores = scores.filter_map(|a| {
                a.questions
                    .get(k)
                    .copied()
                    .flatten()
                    .map(|v| (a.answered_at, v))
            });
            if let Some((_, v)) = rule.pick(scores) {
                q.answers += 1;
                q.sum += v;
            }
        }
    }
    out
}

/// The comments of the period within scope, grouped.
fn groups(
    policy: &Policy,
    ds: &Dataset,
    in_scope: &[bool],
    period: &Period,
    cutoff: i64,
) -> Vec<CommentGroup> {
    let form = policy.survey_form();
    let by_keywords = !form.comment_groups.is_empty();
    let mut order: Vec<CommentGroup> = Vec::new();
    let mut index: HashMap<Option<String>, usize> = HashMap::new();
    let answers = super::lists::comments(ds, period, cutoff);
    for sv in answers
        .into_iter()
        .filter(|sv| in_scope[sv.ticket as usize])
    {
        let text = ds.strings.get(sv.comment);
        let key = if by_keywords {
            form.group_of(text).map(str::to_string)
        } else {
            Some(fold(text))
        };
        let k = *index.entry(key.clone()).or_insert_with(|| {
            order.push(CommentGroup {
                label: key.as_ref().map(|_| text.to_string()),
                count: 0,
                examples: Vec::new(),
            });
            order.len() - 1
        });
        let g = &mut order[k];
        if by_keywords {
            g.label.clone_from(&key);
        }
        g.count += 1;
        if g.examples.len() < EXAMPLES && !g.examples.iter().any(|e| e == text)
        {
            g.examples.push(text.to_string());
        }
    }
    order.sort_by(|a, b| {
        (a.label.is_none(), std::cmp::Reverse(a.count), &a.label).cmp(&(
            b.label.is_none(),
            std::cmp::Reverse(b.count),
            &b.label,
        ))
    });
    order
}
