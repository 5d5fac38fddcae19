//! The period's ticket lists behind the report's sheets and charts:
//! breaches, tickets at risk, exclusions, survey scores and comments,
//! paused intervals, "Sin Solución" answers.
//!
//! Which ticket is on which list, and in what order, is written down in
//! `docs/INDICATORS.md` ("Breaches and at risk"); the workbook shows
//! these lists as they are, without filtering them again.

use std::collections::BTreeMap;

use crate::engine::output::worst;
use crate::engine::{Class, Exclusion, Pause, SlaRow};
use crate::model::dataset::{Dataset, Survey};
use crate::policy::Policy;

use super::period::Period;

/// A ticket on the breaches list, with the measures it breached in the
/// period.
#[derive(Clone, Copy, Debug)]
pub struct Breach<'r> {
    /// The ticket's row.
    pub row: &'r SlaRow,
    /// The resolution was breached and the ticket solved in the period.
    pub resolution: bool,
    /// The response was breached and the ticket responded in the period.
    pub response: bool,
    /// Unsolved at the cutoff with the resolution target already used up
    /// (its unfinished class is `breached`).
    pub resolution_overdue: bool,
    /// Not responded at the cutoff with the response target already used
    /// up.
    pub response_overdue: bool,
}

impl Breach<'_> {
    /// A measure finished over its target in the period: what the
    /// compliance indicators and the report's breach count see (an
    /// overdue unfinished measure is not counted there until it
    /// finishes).
    pub fn finished(&self) -> bool {
        self.resolution || self.response
    }

    /// The resolution failed (over its target in the period, or overdue
    /// at the cutoff).
    pub fn resolution_failed(&self) -> bool {
        self.resolution || self.resolution_overdue
    }

    /// The response failed (over its target in the period, or overdue at
    /// the cutoff).
    pub fn response_failed(&self) -> bool {
        self.response || self.response_overdue
    }
}

/// Every list of one period, computed once.
#[derive(Clone, Debug)]
pub struct Lists<'r> {
    /// See [`breaches`].
    pub breaches: Vec<Breach<'r>>,
    /// See [`at_risk`].
    pub at_risk: Vec<&'r SlaRow>,
    /// See [`excluded`].
    pub excluded: Vec<(&'r SlaRow, Exclusion)>,
    /// See [`score_distribution`].
    pub scores: Vec<(f64, u64)>,
    /// See [`comments`].
    pub comments: Vec<&'r Survey>,
    /// The survey report's questions and comment groups
    /// ([`super::survey::report`]).
    pub survey: super::survey::SurveyReport,
    /// See [`closing`]; `None` unless the policy has a `[close]` rule
    /// ([`Policy::has_close_rules`]).
    pub closing: Option<Vec<CloseCase<'r>>>,
    /// See [`pauses`].
    pub pauses: Vec<Pause>,
    /// See [`unresolved`].
    pub unresolved: Vec<&'r SlaRow>,
}

impl<'r> Lists<'r> {
    /// The lists of `period` from the rows computed at `cutoff` (Unix
    /// seconds) and every ticket's paused intervals
    /// ([`crate::engine::all_pauses`]).
    pub fn new(
        policy: &Policy,
        ds: &'r Dataset,
        rows: &'r [SlaRow],
        period: &Period,
        cutoff: i64,
        all_pauses: &[Pause],
    ) -> Lists<'r> {
        Lists {
            breaches: breaches(ds, rows, period),
            at_risk: at_risk(rows),
            excluded: excluded(ds, rows, period),
            scores: score_distribution(rows, period),
            comments: comments(ds, period, cutoff),
            survey: super::survey::report(policy, ds, rows, period, cutoff),
            closing: policy
                .has_close_rules()
                .then(|| closing(ds, rows, period)),
            pauses: pauses(all_pauses, period),
            unresolved: unresolved(ds, rows, period),
        }
    }
}

/// Breached tickets of the period: in scope, with the resolution
/// breached and solved in the period, or the response breached and
/// responded in the period, or a measure unfinished at the cutoff and
/// overdue (its class `breached`: the tickets "En riesgo" marks
/// "vencido"); sorted by the larger overrun, longest first (then by id).
pub fn breaches<'r>(
    ds: &Dataset,
    rows: &'r [SlaRow],
    period: &Period,
) -> Vec<Breach<'r>> {
    let inp = |t: Option<i64>| t.is_some_and(|t| period.contains(t));
    let mut v: Vec<Breach<'r>> = rows
        .iter()
        .filter(|r| r.excluded.is_none())
        .map(|r| Breach {
            row: r,
            resolution: r.resolution_met == Some(false)
                && inp(r.solved_at.get()),
            response: r.response_met == Some(false)
                && inp(r.responded_at.get()),
            resolution_overdue: r.resolution_class == Some(Class::Breached),
            response_overdue: r.response_class == Some(Class::Breached),
        })
        .filter(|b| b.finished() || b.resolution_overdue || b.response_overdue)
        .collect();
    let over = |r: &SlaRow| {
        r.resolution_overrun_s
            .get()
            .unwrap_or(0)
            .max(r.response_overrun_s.get().unwrap_or(0))
    };
    v.sort_by(|a, b| {
        over(b.row).cmp(&over(a.row)).then_with(|| {
            ds.tickets[a.row.ticket as usize]
                .id
                .cmp(&ds.tickets[b.row.ticket as usize].id)
        })
    });
    v
}

/// Tickets open at the cutoff whose worse unfinished measure is breached
/// or at risk, by remaining business time (most overdue first).
pub fn at_risk(rows: &[SlaRow]) -> Vec<&SlaRow> {
    let remaining = |r: &SlaRow| {
        let res = r
            .resolution_target_s
            .get()
            .filter(|_| r.resolution_class.is_some());
        let resp = r
            .response_target_s
            .get()
            .filter(|_| r.response_class.is_some());
        [
            res.map(|t| t - r.resolution_s),
            resp.map(|t| t - r.response_s),
        ]
        .into_iter()
        .flatten()
        .min()
        .unwrap_or(i64::MAX)
    };
    let mut v: Vec<&SlaRow> = rows
        .iter()
        .filter(|r| r.excluded.is_none())
        .filter(|r| matches!(worst(r), Some(Class::Breached | Class::AtRisk)))
        .collect();
    v.sort_by_key(|r| (remaining(r), r.ticket));
    v
}

/// Tickets opened in the period and excluded from the targets (those
/// opened after the cutoff left out), with their exclusion, in row
/// order.
pub fn excluded<'r>(
    ds: &Dataset,
    rows: &'r [SlaRow],
    period: &Period,
) -> Vec<(&'r SlaRow, Exclusion)> {
    rows.iter()
        .filter_map(|r| r.excluded.map(|e| (r, e)))
        .filter(|(r, e)| {
            *e != Exclusion::OpenedAfterCutoff
                && period.contains(ds.tickets[r.ticket as usize].opened_at)
        })
        .collect()
}

/// The scores counted in satisfaction in the period (each ticket within
/// the survey scope, its answer picked by `[survey] repeated`, answered
/// in the period), with their counts, by score.
pub fn score_distribution(
    rows: &[SlaRow],
    period: &Period,
) -> Vec<(f64, u64)> {
    let mut m: BTreeMap<i64, (f64, u64)> = BTreeMap::new();
    for r in rows {
        if let (Some(s), Some(t)) =
            (r.survey_score, r.survey_answered_at.get())
            && period.contains(t)
            && r.survey_expected
            && r.excluded != Some(Exclusion::OpenedAfterCutoff)
        {
            let e = m.entry((s * 1000.0).round() as i64).or_insert((s, 0));
            e.1 += 1;
        }
    }
    m.into_values().collect()
}

/// The survey answers with a comment, answered in the period by the
/// cutoff (Unix seconds), in file order (every answer, not only each
/// ticket's last).
pub fn comments<'d>(
    ds: &'d Dataset,
    period: &Period,
    cutoff: i64,
) -> Vec<&'d Survey> {
    ds.surveys
        .iter()
        .filter(|sv| {
            !ds.strings.get(sv.comment).is_empty()
                && period.contains(sv.answered_at)
                && sv.answered_at <= cutoff
        })
        .collect()
}

/// The paused intervals that overlap the period (began before its end,
/// ended after its start or still running at the cutoff), by ticket then
/// time: the "Suspensiones" sheet and the `pauses` indicator.
pub fn pauses(all: &[Pause], period: &Period) -> Vec<Pause> {
    all.iter()
        .filter(|p| p.overlaps(period.start, period.end))
        .copied()
        .collect()
}

/// The closing rule a ticket of the "Cierres" list breaks
/// (docs/INDICATORS.md, "Closing rules"), in the list's order.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum CloseRule {
    /// `closed_early`.
    Early,
    /// `closed_without_approval`.
    WithoutApproval,
    /// `close_late`, closed in the period.
    Late,
    /// Solved and still not closed at the cutoff, past the delay
    /// (`close_late` with no `closed_at`).
    Pending,
    /// `validated_within` false.
    Validation,
}

/// One line of the "Cierres" list: a ticket and a rule it breaks.
#[derive(Clone, Copy, Debug)]
pub struct CloseCase<'r> {
    /// The ticket's row.
    pub row: &'r SlaRow,
    /// The rule.
    pub rule: CloseRule,
}

/// The closing rules broken in the period: tickets solved and closed in
/// the period (excluded ones too) closed early, without approval, late
/// or validated late, and tickets solved, not closed at the cutoff and
/// past the automatic-close delay; one line per (ticket, rule), by
/// rule, then close (or solution) instant, then id.
pub fn closing<'r>(
    ds: &Dataset,
    rows: &'r [SlaRow],
    period: &Period,
) -> Vec<CloseCase<'r>> {
    let mut v = Vec::new();
    for r in rows {
        if r.excluded == Some(Exclusion::OpenedAfterCutoff)
            || r.solved_at.is_none()
        {
            continue;
        }
        let mut add = |rule| v.push(CloseCase { row: r, rule });
        match r.closed_at.get() {
            Some(c) if period.contains(c) => {
                let rules = [
                    (r.closed_early, true, CloseRule::Early),
                    (
                        r.closed_without_approval,
                        true,
                        CloseRule::WithoutApproval,
                    ),
                    (r.close_late, true, CloseRule::Late),
                    (r.validated_within, false, CloseRule::Validation),
                ];
                for (flag, breaks, rule) in rules {
                    if flag == Some(breaks) {
                        add(rule);
                    }
                }
            }
            None if r.close_late == Some(true) => add(CloseRule::Pending),
            _ => {}
        }
    }
    let id = |c: &CloseCase<'_>| &ds.tickets[c.row.ticket as usize].id;
    v.sort_by(|a, b| {
        let at = |c: &CloseCase<'_>| {
            c.row.closed_at.get().or(c.row.solved_at.get())
        };
        (a.rule, at(a))
            .cmp(&(b.rule, at(b)))
            .then_with(|| id(a).cmp(id(b)))
    });
    v
}

/// The tickets whose final answer, given in the period, was "Sin
/// Solución" (`unresolved`), excluded ones included, by that instant
/// then id: the "Sin solución" sheet and `tickets_unresolved`.
pub fn unresolved<'r>(
    ds: &Dataset,
    rows: &'r [SlaRow],
    period: &Period,
) -> Vec<&'r SlaRow> {
    let mut v: Vec<&SlaRow> = rows
        .iter()
        .filter(|r| {
            r.unresolved
                && r.solved_at.get().is_some_and(|t| period.contains(t))
        })
        .filter(|r| r.excluded != Some(Exclusion::OpenedAfterCutoff))
        .collect();
    v.sort_by(|a, b| {
        (a.solved_at, &ds.tickets[a.ticket as usize].id)
            .cmp(&(b.solved_at, &ds.tickets[b.ticket as usize].id))
    });
    v
}
