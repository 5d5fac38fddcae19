//! One ticket's figures: the SLA clocks folded over its timeline
//! ([`crate::timeline`]), then targets, deadlines, verdicts, surveys,
//! the closing expectation and the exclusion, each a step of its own.
//!
//! This is the one code path of every evaluation: [`super::Engine`]'s
//! (dataset tickets, traced or not) and [`super::Engine::evaluate_one`]'s
//! (a [`super::TicketInput`] built by hand).

use crate::calendar::Calendar;
use crate::policy::{DeadlineRules, Policy, State, TargetRule};
use crate::time::{BizDuration, Instant, OptSecs};
use crate::timeline::{self, Span, Walk};

use super::glpi_rules::{self, Waits};
use super::{Class, Exclusion, SlaRow};

/// What the caller decided about a ticket, besides its history.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Facts {
    /// The clock start, Unix seconds.
    pub opened_at: i64,
    /// `affected_users`.
    pub affected_users: Option<i64>,
    /// Excluded by type or category.
    pub attr_exclusion: Option<Exclusion>,
    /// Excluded by a named `[[exclude.rules]]` entry.
    pub rule_exclusion: Option<Exclusion>,
    /// The ticket's own (response, resolution) targets.
    pub ticket_targets: [Option<BizDuration>; 2],
    /// In the survey's scope.
    pub survey_expected: bool,
    /// With `[clock] response_at = "taken"`: the ticket's `taken_at`
    /// instant, which is then the response (docs/SLA.md).
    pub taken_at: Option<i64>,
}

/// Evaluates one ticket: `events` are (time, state) sorted by time,
/// `surveys` (time, score) sorted by time; `rule` indexes
/// `policy.targets()`; each timeline interval also goes to `trace`.
pub(crate) fn evaluate<S>(
    policy: &Policy,
    f: &Facts,
    events: impl IntoIterator<Item = (i64, State)>,
    surveys: S,
    rule: Option<usize>,
    cutoff: i64,
    mut trace: impl FnMut(Span),
) -> SlaRow
where
    S: Iterator<Item = (i64, f64)> + Clone,
{
    let mut row = SlaRow {
        target_rule: rule.map(|i| i as u32),
        survey_expected: f.survey_expected,
        ..SlaRow::default()
    };
    if f.opened_at > cutoff {
        row.excluded = Some(Exclusion::OpenedAfterCutoff);
        return row;
    }
    let cal = policy.calendar();
    let rule = rule.map(|r| &policy.targets()[r]);
    let [resp_target, res_target] = targets(cal, f, rule);
    let mut clock = Clock::new(cal, res_target);
    let mut walk = timeline::walk(cal, f.opened_at, events, cutoff, |s| {
        trace(*s);
        clock.add(s);
    });
    if let Some(t) = f.taken_at.filter(|&t| t <= cutoff) {
        let t = t.max(f.opened_at);
        walk.responded =
            Some((t, cal.business_position(Instant::from_unix(t))));
    }
    record_walk(&mut row, &walk, f.opened_at, cutoff);
    row.paused_s = clock.paused;
    row.resolution_s = clock.counted;
    response(&mut row, cal, f.opened_at, &walk, resp_target);
    resolution(&mut row, cal, &walk, &clock, res_target, cutoff);
    if policy.deadline_rules() == DeadlineRules::Glpi {
        let [own_resp, own_res] = f.ticket_targets;
        let written = [
            own_resp.or(rule.and_then(|r| r.response)),
            own_res.or(rule.and_then(|r| r.resolution)),
        ];
        let waits = &clock.waits;
        glpi_rules::apply(
            &mut row,
            cal,
            f.opened_at,
            written,
            rule,
            waits,
            cutoff,
        );
    }
    counted_survey(&mut row, policy, surveys.clone(), cutoff);
    if policy.has_close_rules()
        && let Some(closed) = row.closed_at.get()
    {
        row.survey_before_close = Some(surveys.clone().any(|s| s.0 <= closed));
    }
    closing(&mut row, policy, cal, surveys, cutoff);
    close_checks(&mut row, policy, false);
    row.excluded = exclusion(policy, f, walk.state, rule.is_some());
    row
}

/// The (response, resolution) targets in business seconds: the ticket's
/// own wins over its rule's, measure by measure; a `Nbd` target is the
/// business time from the opening to its deadline.
fn targets(
    cal: &Calendar,
    f: &Facts,
    rule: Option<&TargetRule>,
) -> [Option<i64>; 2] {
    let o = f.opened_at;
    let secs = |d: Option<BizDuration>| -> Option<i64> {
        match d? {
            BizDuration::Seconds(s) => Some(s),
            BizDuration::Days(n) => {
                let due =
                    cal.add_business_days(Instant::from_unix(o), n).ok()?;
                Some(cal.between_secs(o, due.unix()))
            }
        }
    };
    let [own_resp, own_res] = f.ticket_targets;
    [
        secs(own_resp.or(rule.and_then(|r| r.response))),
        secs(own_res.or(rule.and_then(|r| r.resolution))),
    ]
}

/// The resolution clock and the pause total, folded over the spans.
struct Clock<'c> {
    cal: &'c Calendar,
    target: Option<i64>,
    /// Business seconds in new/open so far.
    counted: i64,
    /// Business seconds paused so far.
    paused: i64,
    /// When `counted` reached the target, once it has.
    due: Option<i64>,
    /// The waiting GLPI adds to its deadline (`deadline_rules = "glpi"`).
    waits: Waits,
}

impl<'c> Clock<'c> {
    fn new(cal: &'c Calendar, target: Option<i64>) -> Self {
        Clock {
            cal,
            target,
            counted: 0,
            paused: 0,
            due: None,
            waits: Waits::default(),
        }
    }

    #[inline]
    fn add(&mut self, s: &Span) {
        self.waits.add(s);
        match s.state {
            State::New | State::Open => {
                if let (Some(tg), None) = (self.target, self.due)
                    && self.counted + s.business_s >= tg
                {
                    self.due = self
                        .cal
                        .add_business(
                            Instant::from_unix(s.start),
                            tg - self.counted,
                        )
                        .ok()
                        .map(Instant::unix);
                }
                self.counted += s.business_s;
            }
            State::Paused => self.paused += s.business_s,
            State::Solved
            | State::Unresolved
            | State::Closed
            | State::Cancelled => {}
        }
    }
}

/// The timeline's own facts, copied into the row.
fn record_walk(row: &mut SlaRow, walk: &Walk, opened: i64, cutoff: i64) {
    row.events = walk.events;
    row.state = Some(walk.state);
    row.reopen_count = walk.reopen_count;
    row.solved_before_reopen_s = walk.solved_before_reopen_s;
    row.responded_at = walk.responded_at().into();
    row.solved_at = walk.solved_at.into();
    row.closed_at = walk.closed_at.into();
    row.unresolved = walk.unresolved;
    row.wall_resolution_s = walk.solved_at.unwrap_or(cutoff) - opened;
}

/// Response time, deadline and verdict (or class while unanswered).
fn response(
    row: &mut SlaRow,
    cal: &Calendar,
    opened: i64,
    walk: &Walk,
    target: Option<i64>,
) {
    row.response_s =
        walk.responded.map_or(walk.cutoff_pos, |r| r.1) - walk.opened_pos;
    let Some(tg) = target else { return };
    row.response_target_s = OptSecs::some(tg);
    row.response_due_at = OptSecs::from(
        cal.add_business(Instant::from_unix(opened), tg)
            .ok()
            .map(Instant::unix),
    );
    row.response_overrun_s = OptSecs::some((row.response_s - tg).max(0));
    if walk.responded.is_some() {
        row.response_met = Some(row.response_s <= tg);
    } else {
        row.response_class = Some(Class::of(row.response_s, tg));
    }
}

/// Resolution deadline and verdict (or class while unsolved); a
/// cancelled ticket has neither.
fn resolution(
    row: &mut SlaRow,
    cal: &Calendar,
    walk: &Walk,
    clock: &Clock<'_>,
    target: Option<i64>,
    cutoff: i64,
) {
    let Some(tg) = target else { return };
    let cancelled = walk.state == State::Cancelled;
    let counted = clock.counted;
    row.resolution_target_s = OptSecs::some(tg);
    row.resolution_due_at = if cancelled {
        OptSecs::NONE
    } else {
        OptSecs::from(clock.due.or_else(|| {
            let end = walk.solved_at.unwrap_or(cutoff);
            cal.add_business(Instant::from_unix(end), tg - counted)
                .ok()
                .map(Instant::unix)
        }))
    };
    if walk.unresolved {
        // "Sin Solución": the clock stopped, but there is no solution to
        // judge; neither met nor breached (docs/CONTRACT.md §3.2).
        return;
    }
    row.resolution_overrun_s = OptSecs::some((counted - tg).max(0));
    if row.solved_at.is_some() {
        row.resolution_met = Some(counted <= tg);
    } else if !cancelled {
        row.resolution_class = Some(Class::of(counted, tg));
    }
}

/// The survey answer that counts among those answered by the cutoff:
/// `[survey] repeated` (the last by default, the first, or the mean of
/// the scores dated at the last).
fn counted_survey(
    row: &mut SlaRow,
    policy: &Policy,
    surveys: impl Iterator<Item = (i64, f64)>,
    cutoff: i64,
) {
    let rule = policy.survey().repeated;
    if let Some((at, score)) = rule.pick(surveys.filter(|s| s.0 <= cutoff)) {
        row.survey_score = Some(score);
        row.survey_answered_at = OptSecs::some(at);
    }
}

/// `[close] auto_close_after`: whether the close came on time with no
/// survey answer (`auto_closed`) and whether it came late.
fn closing(
    row: &mut SlaRow,
    policy: &Policy,
    cal: &Calendar,
    mut surveys: impl Iterator<Item = (i64, f64)>,
    cutoff: i64,
) {
    let (Some(after), Some(solved)) =
        (policy.auto_close_after(), row.solved_at.get())
    else {
        return;
    };
    let Ok(expected) = cal.add(Instant::from_unix(solved), after) else {
        return;
    };
    let expected = expected.unix();
    match row.closed_at.get() {
        Some(closed) => {
            let answered_before_close = surveys.any(|s| s.0 <= closed);
            row.auto_closed =
                Some(!answered_before_close && closed >= expected);
            row.close_late = Some(cal.between_secs(expected, closed) > 0);
        }
        None => {
            row.auto_closed = Some(false);
            row.close_late = Some(cal.between_secs(expected, cutoff) > 0);
        }
    }
}

/// `[close]`'s rules on a solved and closed ticket (docs/CONTRACT.md
/// §3.6): the business time from solution to close, the early close, the
/// close without approval and the validation within its limit.
/// `approved`: an approval note (`[close] approval_notes`) on the final
/// solved/closed run. Run after `auto_closed` is final (the engine runs
/// it again once the notes are read).
pub(crate) fn close_checks(row: &mut SlaRow, policy: &Policy, approved: bool) {
    let (Some(solved), Some(closed)) =
        (row.solved_at.get(), row.closed_at.get())
    else {
        return;
    };
    if !policy.has_close_rules() {
        return;
    }
    let cal = policy.calendar();
    let rules = policy.close_rules();
    let from_solution = |d: BizDuration| {
        cal.add(Instant::from_unix(solved), d)
            .ok()
            .map(Instant::unix)
    };
    row.close_business_s = OptSecs::some(cal.between_secs(solved, closed));
    let ok = row.survey_before_close == Some(true) || approved;
    // Early: business time of the delay was left at the close.
    let early = policy
        .auto_close_after()
        .and_then(from_solution)
        .map(|expected| cal.between_secs(closed, expected) > 0);
    row.closed_early = early.map(|e| e && !ok);
    if rules.requires_approval {
        // The automatic close: after the delay and, with
        // `auto_close_notes`, carrying one of them.
        let automatic = early == Some(false)
            && (policy.auto_close_notes().is_empty()
                || row.auto_closed == Some(true));
        row.closed_without_approval = Some(!ok && !automatic);
    }
    row.validated_within = rules
        .validate_within
        .and_then(from_solution)
        .map(|due| cal.between_secs(due, closed) == 0);
}

/// Why the ticket is left out of compliance, in order of precedence: a
/// named rule, cancelled, massive, type or category, no target.
fn exclusion(
    policy: &Policy,
    f: &Facts,
    state: State,
    has_rule: bool,
) -> Option<Exclusion> {
    let massive = policy.exclusions().massive_affected_users;
    if f.rule_exclusion.is_some() {
        f.rule_exclusion
    } else if state == State::Cancelled {
        Some(Exclusion::Cancelled)
    } else if matches!((massive, f.affected_users), (Some(m), Some(u)) if u > m)
    {
        Some(Exclusion::Massive)
    } else if f.attr_exclusion.is_some() {
        f.attr_exclusion
    } else if !has_rule && f.ticket_targets == [None, None] {
        Some(Exclusion::NoTarget)
    } else {
        None
    }
}
