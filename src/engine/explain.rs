//! `plazo explain`, the data: one ticket's timeline as an
//! [`Explanation`], values and enums only, for a coordinator to show a
//! contractor when a breach is disputed.
//!
//! The header facts (ticket, policy, attributes, opening, the clock's
//! start, the values the target rule was chosen with, the targets and
//! where each came from), each interval of the timeline ([`Segment`]:
//! canonical state, the source label that began it, the group and
//! assignee holding the ticket, start, end, business time, what it
//! counted as, the running resolution total; an interval is cut at every
//! event that changes the label, group or assignee, so an escalation
//! between groups is its own row: [`crate::engine::holders`]), then the
//! totals, the two verdicts, the close and the exclusion with the facts
//! behind it ([`Outcome`]).
//!
//! Words come later: [`crate::report::explain`] renders an explanation as
//! the text table `plazo explain` prints, in a given language; the same
//! data can become a sheet or a page.

use std::path::PathBuf;

use chrono_tz::Tz;

use crate::engine::holders::Piece;
use crate::engine::match_event;
use crate::engine::{Class, Engine, Exclusion, SlaRow, event_value};
use crate::model::dataset::{Attr, Dataset, Event, Ticket};
use crate::policy::{Field, Policy, State, TargetRule};
use crate::time::{BizDuration, Instant};

/// One ticket's explanation at the engine's cutoff.
#[derive(Clone, Debug, PartialEq)]
pub struct Explanation {
    /// Who the ticket is and which targets apply.
    pub header: Header,
    /// The timeline, interval by interval, in order.
    pub segments: Vec<Segment>,
    /// Totals, verdicts, close and exclusion.
    pub outcome: Outcome,
}

/// The policy version that measured the ticket (docs/CONTRACT.md §2.8).
#[derive(Clone, Debug, PartialEq)]
pub struct AppliedVersion {
    /// Its name (the base's `version_name`, a version's `name`).
    pub name: String,
    /// The day it holds from; `None` for the base.
    pub from: Option<String>,
    /// How it was chosen.
    pub rules_at: crate::policy::RulesAt,
}

/// The facts printed above the timeline.
#[derive(Clone, Debug, PartialEq)]
pub struct Header {
    /// `ticket_id`.
    pub id: String,
    /// The `title` (or `titulo`, `título`) column, when present and not
    /// empty.
    pub title: Option<String>,
    /// The policy's `name`.
    pub policy_name: String,
    /// The policy file, as given.
    pub policy_path: PathBuf,
    /// The policy version that applied, when the policy has versions.
    pub version: Option<AppliedVersion>,
    /// The policy's time zone: every instant is shown in it.
    pub tz: Tz,
    /// The cutoff, Unix seconds.
    pub cutoff: i64,
    /// The non-empty descriptive columns among type, priority, category,
    /// group and assignee, in that order, with their values.
    pub attributes: Vec<(Attr, String)>,
    /// `opened_at`, Unix seconds.
    pub opened_at: i64,
    /// Where the clocks start, when `[clock] start` moves them.
    pub clock_start: Option<ClockStart>,
    /// The values an event set (`[matching] from_events`) that differ
    /// from the tickets table's and chose the target rule.
    pub matched: Vec<MatchedValue>,
    /// The ticket's own targets (`[targets_from_ticket]`), when it
    /// carries at least one.
    pub own_targets: Option<OwnTargets>,
    /// The `[[targets]]` rule applied; `None` when no rule matches.
    pub rule: Option<AppliedRule>,
}

/// The clocks start at a column's instant, before `opened_at`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ClockStart {
    /// The instant, Unix seconds.
    pub at: i64,
    /// The tickets column it was read from (`[clock] start`).
    pub column: String,
}

/// A value the target rule was chosen with, set by an event.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MatchedValue {
    /// [`Attr::Priority`] or [`Attr::Group`].
    pub attr: Attr,
    /// The value the event set.
    pub value: String,
    /// When that event happened, Unix seconds.
    pub set_at: i64,
    /// The tickets table's value.
    pub table_value: String,
}

/// The ticket's own targets, one per measure.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OwnTargets {
    /// The response target.
    pub response: OwnTarget,
    /// The resolution target.
    pub resolution: OwnTarget,
}

/// Where one measure's target comes from under `[targets_from_ticket]`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum OwnTarget {
    /// The ticket's own cell.
    Column {
        /// The target read.
        target: BizDuration,
        /// The column it was read from.
        column: String,
    },
    /// The ticket does not carry it: its rule's applies.
    Rule,
    /// Neither the ticket nor a rule gives one.
    NotMeasured,
}

/// The `[[targets]]` rule applied, and what each of its targets became.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AppliedRule {
    /// 0-based position in the policy (`targets[i]`).
    pub index: usize,
    /// The rule's label (`name`, or its match keys).
    pub label: String,
    /// The response target.
    pub response: RuleTarget,
    /// The resolution target.
    pub resolution: RuleTarget,
}

/// What one of the rule's targets became for this ticket.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RuleTarget {
    /// The rule's target, in business seconds for this ticket.
    Applied {
        /// As written in the policy.
        target: BizDuration,
        /// In business seconds from the clock's start.
        business_s: i64,
    },
    /// The rule sets one, but the ticket's own target applies.
    Unused(BizDuration),
    /// The rule sets none; the ticket's own target applies.
    NotSet,
    /// Not measured.
    NotMeasured,
}

/// One interval of the timeline.
#[derive(Clone, Debug, PartialEq)]
pub struct Segment {
    /// The canonical state held.
    pub state: State,
    /// What began it.
    pub source: Source,
    /// Start, Unix seconds.
    pub start: i64,
    /// End, Unix seconds.
    pub end: i64,
    /// Business seconds inside.
    pub business_s: i64,
    /// What those seconds counted as.
    pub counts_as: CountsAs,
    /// Resolution business seconds counted up to its end.
    pub resolution_so_far_s: i64,
    /// The group holding the ticket (empty: none known;
    /// [`crate::engine::holders`]).
    pub group: String,
    /// The assignee holding the ticket (empty: none).
    pub assignee: String,
    /// The working periods inside (start, end; Unix seconds), when the
    /// detail was asked for; empty otherwise.
    pub working: Vec<(i64, i64)>,
}

/// What began an interval.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Source {
    /// The opening (or the clock's start).
    Opening,
    /// An event, by its source status label.
    Label(String),
}

/// What an interval's business time counted as.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CountsAs {
    /// New and not yet responded: both clocks run.
    ResponseAndResolution,
    /// The resolution clock runs.
    Resolution,
    /// Paused: no clock runs.
    Pause,
    /// Solved or closed in the final run: after the solution.
    AfterSolution,
    /// Solved or closed, then reopened: not counted.
    SolvedBeforeReopen,
    /// Cancelled: not counted.
    Cancelled,
}

/// Totals and verdicts.
#[derive(Clone, Debug, PartialEq)]
pub struct Outcome {
    /// Business seconds paused.
    pub paused_s: i64,
    /// Business seconds solved before a reopen.
    pub solved_before_reopen_s: i64,
    /// Reopens.
    pub reopen_count: u32,
    /// The canonical state at the cutoff (`None`: not opened yet).
    pub state: Option<State>,
    /// The survey answer that counts by the cutoff (`[survey] repeated`).
    pub survey: Option<SurveyAnswer>,
    /// The response measure.
    pub response: Measure,
    /// The resolution measure.
    pub resolution: Measure,
    /// The close, when the ticket is closed.
    pub closed: Option<Closed>,
    /// Why it is left out of compliance, with the facts behind it.
    pub excluded: Option<Excluded>,
}

/// A survey answer.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct SurveyAnswer {
    /// The score.
    pub score: f64,
    /// When it was answered, Unix seconds.
    pub answered_at: i64,
}

/// One measure (response or resolution) and its verdict.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Measure {
    /// Business seconds counted.
    pub used_s: i64,
    /// The target in business seconds.
    pub target_s: Option<i64>,
    /// The verdict.
    pub verdict: Verdict,
    /// When it was reached (responded, solved).
    pub reached_at: Option<i64>,
    /// When the target is (was) due.
    pub due_at: Option<i64>,
}

/// A measure's verdict.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Verdict {
    /// No target: only the time counted.
    NoTarget,
    /// Finished within its target.
    Met,
    /// Finished over its target.
    Breached {
        /// Business seconds over the target.
        by_s: i64,
    },
    /// Unfinished at the cutoff, and how it stands.
    Unfinished(Class),
    /// Targeted, but neither finished nor running (a cancelled ticket).
    Undecided,
    /// The final answer was "Sin Solución" (`unresolved`): the clock
    /// stopped, no verdict (left out of resolution compliance).
    Unresolved,
}

/// The close.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Closed {
    /// When the final closed run began, Unix seconds.
    pub at: i64,
    /// What is worth saying about it.
    pub note: CloseNote,
}

/// What is worth saying about a close.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CloseNote {
    /// Nothing.
    Plain,
    /// Closed automatically: the closing note says so
    /// (`[close] auto_close_notes`).
    AutoByNote,
    /// Closed automatically, without a survey answer.
    AutoNoSurvey,
    /// Closed after the closing deadline.
    Late,
}

/// The exclusion and the facts that caused it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Excluded {
    /// The reason.
    pub reason: Exclusion,
    /// The values behind it.
    pub facts: ExclusionFacts,
}

/// The values behind an exclusion.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ExclusionFacts {
    /// Nothing more to show (cancelled, excluded type or category,
    /// opened after the cutoff).
    None,
    /// More affected users than the policy's limit.
    Massive {
        /// The ticket's `affected_users`.
        affected_users: i64,
        /// `[exclude] massive_affected_users`.
        limit: i64,
    },
    /// The values no `[[targets]]` rule matched (priority and group as
    /// `[matching] from_events` chose them).
    NoTarget {
        /// `type`.
        type_: String,
        /// `priority`.
        priority: String,
        /// `category`.
        category: String,
        /// `service`.
        service: String,
        /// `group`.
        group: String,
    },
    /// A named `[[exclude.rules]]` entry.
    Rule {
        /// Its position in the policy.
        index: u16,
        /// Its `reason`.
        reason: String,
        /// Its `description`.
        description: String,
        /// The ticket's values its conditions looked at.
        seen: Vec<RuleFact>,
    },
}

/// A value a named exclusion rule looked at.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RuleFact {
    /// The rule's column and the ticket's value in it.
    Column {
        /// The column.
        column: String,
        /// The ticket's value.
        value: String,
    },
    /// The source label of the last event by the cutoff.
    LastStatus(String),
    /// The opening instant, Unix seconds.
    Opened(i64),
}

/// Explains ticket `i` under `engine` (bound to `policy` and `ds`). With
/// `detail`, each segment also lists the working periods inside it.
pub fn explain(
    engine: &Engine<'_>,
    policy: &Policy,
    ds: &Dataset,
    i: usize,
    detail: bool,
) -> Explanation {
    let (pieces, row) = engine.pieces_of(i);
    let version = policy.has_versions().then(|| AppliedVersion {
        name: policy
            .version_policy(row.version)
            .version_name()
            .to_string(),
        from: policy.version_from(row.version).map(str::to_string),
        rules_at: policy.rules_at(),
    });
    let (engine, policy) = (
        engine.for_version(row.version),
        policy.version_policy(row.version),
    );
    let mut x = Subject {
        version: None,
        engine,
        policy,
        ds,
        i,
        t: &ds.tickets[i],
    };
    x.version = version;
    Explanation {
        header: x.header(&row),
        segments: x.segments(&pieces, &row, detail),
        outcome: x.outcome(&row),
    }
}

/// The ticket being explained, with what explaining it reads.
struct Subject<'a> {
    version: Option<AppliedVersion>,
    engine: &'a Engine<'a>,
    policy: &'a Policy,
    ds: &'a Dataset,
    i: usize,
    t: &'a Ticket,
}

impl Subject<'_> {
    /// An interned string, owned.
    fn s(&self, id: u32) -> String {
        self.ds.strings.get(id).to_string()
    }

    /// The facts above the timeline.
    fn header(&self, row: &SlaRow) -> Header {
        let (t, policy) = (self.t, self.policy);
        let start = self.engine.clock_start_of(self.i);
        let clock_start = match (policy.clock_start(), start != t.opened_at) {
            (Some(col), true) => Some(ClockStart {
                at: start,
                column: col.to_string(),
            }),
            _ => None,
        };
        let own = self.engine.ticket_targets(self.i);
        let rule = self.engine.rule_of(self.i).map(|r| &policy.targets()[r]);
        Header {
            id: t.id.to_string(),
            title: self.title(),
            policy_name: policy.name().to_string(),
            policy_path: policy.path().to_path_buf(),
            version: self.version.clone(),
            tz: policy.tz(),
            cutoff: self.engine.cutoff(),
            attributes: self.attributes(),
            opened_at: t.opened_at,
            clock_start,
            matched: self.matched_values(),
            own_targets: self.own_targets(own, rule),
            rule: rule.map(|r| applied_rule(r, row, own)),
        }
    }

    /// The `title` column (or `titulo`, `título`), when not empty.
    fn title(&self) -> Option<String> {
        self.ds
            .extra_columns
            .iter()
            .position(|c| c == "title" || c == "titulo" || c == "título")
            .map(|k| self.s(self.ds.extra_of(self.i)[k]))
            .filter(|s| !s.is_empty())
    }

    /// The non-empty attributes explain shows, in order.
    fn attributes(&self) -> Vec<(Attr, String)> {
        [
            Attr::Type,
            Attr::Priority,
            Attr::Category,
            Attr::Group,
            Attr::Assignee,
        ]
        .into_iter()
        .map(|a| (a, self.s(self.t.attr(a))))
        .filter(|(_, v)| !v.is_empty())
        .collect()
    }

    /// The last event that set `f` by the cutoff, under `[matching]
    /// from_events`.
    fn set_by(&self, f: Field) -> Option<&Event> {
        match_event(self.policy, self.ds, self.i, self.engine.cutoff(), f)
    }

    /// The value of `a` the target rule was chosen with: the tickets
    /// table's, or with `[matching] from_events` the last one an event
    /// set.
    fn matched(&self, a: Attr, f: Field) -> u32 {
        self.set_by(f).map_or(self.t.attr(a), |e| event_value(e, f))
    }

    /// Values the target rule was chosen with, when events changed them.
    fn matched_values(&self) -> Vec<MatchedValue> {
        let mut out = Vec::new();
        for &f in self.policy.match_from_events() {
            let attr = match f {
                Field::Priority => Attr::Priority,
                _ => Attr::Group,
            };
            let val = self.matched(attr, f);
            let table = self.t.attr(attr);
            if let Some(e) = self.set_by(f).filter(|_| val != table) {
                out.push(MatchedValue {
                    attr,
                    value: self.s(val),
                    set_at: e.at,
                    table_value: self.s(table),
                });
            }
        }
        out
    }

    /// With `[targets_from_ticket]` and a ticket that carries a target:
    /// where each measure's target comes from.
    fn own_targets(
        &self,
        own: [Option<BizDuration>; 2],
        rule: Option<&TargetRule>,
    ) -> Option<OwnTargets> {
        let spec = self.policy.targets_from_ticket()?;
        if own == [None, None] {
            return None;
        }
        // For a measure the ticket does not carry: its rule's, if any.
        let one =
            |d: Option<BizDuration>,
             col: &Option<String>,
             from_rule: Option<BizDuration>| match (d, col) {
                (Some(target), Some(c)) => OwnTarget::Column {
                    target,
                    column: c.clone(),
                },
                _ if from_rule.is_some() => OwnTarget::Rule,
                _ => OwnTarget::NotMeasured,
            };
        Some(OwnTargets {
            response: one(
                own[0],
                &spec.response,
                rule.and_then(|r| r.response),
            ),
            resolution: one(
                own[1],
                &spec.resolution,
                rule.and_then(|r| r.resolution),
            ),
        })
    }

    /// The timeline's rows (each interval, cut at every change of status
    /// label, group or assignee), with what each counted as and the
    /// running resolution total.
    fn segments(
        &self,
        spans: &[Piece],
        row: &SlaRow,
        detail: bool,
    ) -> Vec<Segment> {
        let evs = self.ds.events_of(self.i);
        let cal = self.policy.calendar();
        let mut acc = 0i64;
        let mut responded = false;
        let mut out = Vec::with_capacity(spans.len());
        for s in spans {
            let final_run =
                row.solved_at.get().is_some_and(|sa| s.start >= sa);
            let counts_as = counts_as(s.state, responded, final_run);
            if matches!(s.state, State::New | State::Open) {
                acc += s.business_s;
            }
            if s.state != State::New {
                responded = true;
            }
            let working = if detail {
                cal.working_intervals(
                    Instant::from_unix(s.start),
                    Instant::from_unix(s.end),
                )
                .into_iter()
                .map(|(a, b)| (a.unix(), b.unix()))
                .collect()
            } else {
                Vec::new()
            };
            out.push(Segment {
                state: s.state,
                source: match s.event {
                    None => Source::Opening,
                    Some(e) => Source::Label(self.s(evs[e].status)),
                },
                start: s.start,
                end: s.end,
                business_s: s.business_s,
                counts_as,
                resolution_so_far_s: acc,
                group: self.s(s.group),
                assignee: self.s(s.assignee),
                working,
            });
        }
        out
    }

    /// Totals, verdicts, close and exclusion from the row.
    fn outcome(&self, row: &SlaRow) -> Outcome {
        let res = measure(
            row.resolution_s,
            row.resolution_target_s.get(),
            row.resolution_met,
            row.resolution_class,
            row.solved_at.get(),
            row.resolution_due_at.get(),
        );
        Outcome {
            paused_s: row.paused_s,
            solved_before_reopen_s: row.solved_before_reopen_s,
            reopen_count: row.reopen_count,
            state: row.state,
            survey: row.survey_score.map(|score| SurveyAnswer {
                score,
                answered_at: row.survey_answered_at.get().unwrap_or_default(),
            }),
            response: measure(
                row.response_s,
                row.response_target_s.get(),
                row.response_met,
                row.response_class,
                row.responded_at.get(),
                row.response_due_at.get(),
            ),
            resolution: Measure {
                verdict: if row.unresolved {
                    Verdict::Unresolved
                } else {
                    res.verdict
                },
                ..res
            },
            closed: row.closed_at.get().map(|at| Closed {
                at,
                note: close_note(row, self.policy),
            }),
            excluded: row.excluded.map(|reason| Excluded {
                reason,
                facts: self.exclusion_facts(reason),
            }),
        }
    }

    /// The values behind exclusion `x`.
    fn exclusion_facts(&self, x: Exclusion) -> ExclusionFacts {
        let (t, policy) = (self.t, self.policy);
        match x {
            Exclusion::Massive => ExclusionFacts::Massive {
                affected_users: t.affected_users.unwrap_or_default(),
                limit: policy
                    .exclusions()
                    .massive_affected_users
                    .unwrap_or_default(),
            },
            Exclusion::NoTarget => ExclusionFacts::NoTarget {
                type_: self.s(t.attr(Attr::Type)),
                priority: self
                    .s(self.matched(Attr::Priority, Field::Priority)),
                category: self.s(t.attr(Attr::Category)),
                service: self.s(t.attr(Attr::Service)),
                group: self.s(self.matched(Attr::Group, Field::Group)),
            },
            Exclusion::Rule(k) => self.rule_facts(k),
            _ => ExclusionFacts::None,
        }
    }

    /// The named rule `k` and the ticket's values its conditions read.
    fn rule_facts(&self, k: u16) -> ExclusionFacts {
        let (t, ds) = (self.t, self.ds);
        let r = &self.policy.exclusions().rules[usize::from(k)];
        let mut seen = Vec::new();
        if let Some((column, _)) = &r.column {
            let value = ds.column(column).map_or(String::new(), |c| {
                ds.strings.get(c.of(ds, self.i)).to_string()
            });
            seen.push(RuleFact::Column {
                column: column.clone(),
                value,
            });
        }
        if r.final_status.is_some() {
            let last = ds
                .events_of(self.i)
                .iter()
                .rev()
                .find(|e| e.at <= self.engine.cutoff())
                .map_or(String::new(), |e| self.s(e.status));
            seen.push(RuleFact::LastStatus(last));
        }
        if r.opened_between.is_some() {
            seen.push(RuleFact::Opened(t.opened_at));
        }
        ExclusionFacts::Rule {
            index: k,
            reason: r.reason.clone(),
            description: r.description.clone(),
            seen,
        }
    }
}

/// What the rule's targets became, given the ticket's own (`own`).
fn applied_rule(
    rule: &TargetRule,
    row: &SlaRow,
    own: [Option<BizDuration>; 2],
) -> AppliedRule {
    let one = |d: Option<BizDuration>, s: Option<i64>, mine: bool| match (d, s)
    {
        (Some(d), _) if mine => RuleTarget::Unused(d),
        (Some(target), Some(business_s)) => {
            RuleTarget::Applied { target, business_s }
        }
        (None, _) if mine => RuleTarget::NotSet,
        _ => RuleTarget::NotMeasured,
    };
    AppliedRule {
        index: rule.index,
        label: rule.label.clone(),
        response: one(
            rule.response,
            row.response_target_s.get(),
            own[0].is_some(),
        ),
        resolution: one(
            rule.resolution,
            row.resolution_target_s.get(),
            own[1].is_some(),
        ),
    }
}

/// What an interval in `state` counts as: `responded` once the state
/// has left `new`; `final_run` from the solution on.
fn counts_as(state: State, responded: bool, final_run: bool) -> CountsAs {
    match state {
        State::New if !responded => CountsAs::ResponseAndResolution,
        State::New | State::Open => CountsAs::Resolution,
        State::Paused => CountsAs::Pause,
        State::Solved | State::Unresolved | State::Closed if final_run => {
            CountsAs::AfterSolution
        }
        State::Solved | State::Unresolved | State::Closed => {
            CountsAs::SolvedBeforeReopen
        }
        State::Cancelled => CountsAs::Cancelled,
    }
}

/// A measure's verdict from its row fields.
fn measure(
    used_s: i64,
    target_s: Option<i64>,
    met: Option<bool>,
    class: Option<Class>,
    reached_at: Option<i64>,
    due_at: Option<i64>,
) -> Measure {
    let verdict = match (target_s, met, class) {
        (None, _, _) => Verdict::NoTarget,
        (Some(_), Some(true), _) => Verdict::Met,
        (Some(tg), Some(false), _) => Verdict::Breached { by_s: used_s - tg },
        (Some(_), None, Some(c)) => Verdict::Unfinished(c),
        (Some(_), None, None) => Verdict::Undecided,
    };
    Measure {
        used_s,
        target_s,
        verdict,
        reached_at,
        due_at,
    }
}

/// What is worth saying about the close of `row`.
fn close_note(row: &SlaRow, policy: &Policy) -> CloseNote {
    let by_note = !policy.auto_close_notes().is_empty();
    match (row.auto_closed, row.close_late) {
        (Some(true), _) if by_note => CloseNote::AutoByNote,
        (Some(true), _) => CloseNote::AutoNoSurvey,
        (_, Some(true)) => CloseNote::Late,
        _ => CloseNote::Plain,
    }
}
