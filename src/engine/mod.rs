//! The SLA engine: replays each ticket's status history under a policy
//! and measures response and resolution in business time
//! (docs/CONTRACT.md §3).
//!
//! One ticket is one pure function of (policy, ticket, its events, its
//! surveys, cutoff): [`Engine::evaluate`]. Tickets are evaluated in
//! parallel with rayon ([`Engine::evaluate_all`]); the output order is the
//! input order whatever the number of threads.
//!
//! # The clocks
//!
//! Each ticket's history is walked once as a [`crate::timeline`]; each
//! interval's business time goes to:
//!
//! | state | goes to |
//! |---|---|
//! | new, open | `resolution_business_s` (the clock runs) |
//! | paused | `paused_business_s` |
//! | solved, closed before a reopen | `solved_before_reopen_business_s` (counts in no verdict, docs/CONTRACT.md §3.2; shown so that GLPI's `waiting_duration`, which includes it, can be reconciled) |
//! | solved, closed at the end | nothing (after `solved_at`) |
//!
//! - `responded_at`: the first instant the state is anything but `new`.
//! - `solved_at`: the instant the final run of solved/closed states began
//!   (the last entry into solved, or into closed straight from an active
//!   state, after which the ticket never went back to new, open or paused).
//! - `reopen_count`: transitions from solved/closed to new/open/paused.
//!
//! # Example: a pause over a weekend
//!
//! ```
//! use plazo::{Policy, engine::{Engine, TicketInput}, policy::State};
//! let p = Policy::from_toml(r#"
//!     name = "x"
//!     [calendar]
//!     holidays = ["co"]
//!     [calendar.hours]
//!     mon = ["08:00-17:00"]
//!     tue = ["08:00-17:00"]
//!     wed = ["08:00-17:00"]
//!     thu = ["08:00-17:00"]
//!     fri = ["08:00-17:00"]
//!     [[targets]]
//!     response = "1h"
//!     resolution = "8h"
//! "#, "p.toml".as_ref())?;
//! let tz = p.tz();
//! let at = |s: &str| plazo::time::Instant::parse(s, tz).unwrap().unix();
//! // Opened Friday 15:00, taken 15:30, paused 16:00 until Monday 10:00,
//! // solved Monday 12:00: resolution = 1 h Friday + 2 h Monday.
//! let events = [
//!     (at("2026-03-06 15:30"), State::Open),
//!     (at("2026-03-06 16:00"), State::Paused),
//!     (at("2026-03-09 10:00"), State::Open),
//!     (at("2026-03-09 12:00"), State::Solved),
//! ];
//! let input = TicketInput::new(at("2026-03-06 15:00"), &events);
//! let row = Engine::evaluate_one(&p, &input, Some(0), at("2026-04-01 00:00"));
//! assert_eq!(row.response_s, 1800);
//! assert_eq!(row.resolution_s, 3 * 3600);
//! assert_eq!(row.paused_s, 3 * 3600); // Friday 16-17, Monday 08-10
//! assert_eq!(row.resolution_met, Some(true));
//! # Ok::<(), plazo::Error>(())
//! ```

mod columns;
pub mod escalations;
pub mod facts;
mod evaluate;
pub mod glpi_rules;
pub mod holders;
mod exclusions;
pub mod explain;
mod matching;
mod notes;
mod precase;
mod pauses;
mod states;
pub mod frame;
pub mod output;
pub mod sla_rows;
pub mod reconcile;

pub use columns::TicketCells;
pub use matching::{event_value, match_event};
pub use notes::unnoted_pauses;
pub use pauses::{Pause, all_pauses, pauses};

use std::borrow::Cow;

use rayon::prelude::*;

use crate::error::Result;
use crate::model::dataset::Dataset;
use crate::model::measure::Measure;
use crate::policy::{ExclusionRule, Policy, State};
use crate::text::lang::Lang;
use crate::time::{BizDuration, Instant, OptSecs};

/// Why a ticket is left out of compliance.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Exclusion {
    /// Its state at the cutoff is `cancelled`.
    Cancelled,
    /// More affected users than `[exclude] massive_affected_users`.
    Massive,
    /// Its type is in `[exclude] types`.
    ExcludedType,
    /// Its category is in `[exclude] categories`.
    ExcludedCategory,
    /// No `[[targets]]` rule matches it.
    NoTarget,
    /// Opened after the cutoff: it did not exist yet.
    OpenedAfterCutoff,
    /// The policy's `[[exclude.rules]]` entry at this index; its reason
    /// is [`Exclusion::name`].
    Rule(u16),
}

impl Exclusion {
    /// The stable id of a built-in reason; `"rule"` for a named rule,
    /// whose id is [`Exclusion::name`] (what outputs write).
    pub fn key(self) -> &'static str {
        match self {
            Exclusion::Rule(_) => "rule",
            Exclusion::Cancelled => "cancelled",
            Exclusion::Massive => "massive",
            Exclusion::ExcludedType => "excluded_type",
            Exclusion::ExcludedCategory => "excluded_category",
            Exclusion::NoTarget => "no_target",
            Exclusion::OpenedAfterCutoff => "opened_after_cutoff",
        }
    }

    /// A sentence for people.
    pub fn describe(self, lang: crate::text::lang::Lang) -> &'static str {
        use crate::text::msg::engine as m;
        match self {
            Exclusion::Cancelled => m::EXCL_CANCELLED,
            Exclusion::Massive => m::EXCL_MASSIVE,
            Exclusion::ExcludedType => m::EXCL_TYPE,
            Exclusion::ExcludedCategory => m::EXCL_CATEGORY,
            Exclusion::NoTarget => m::EXCL_NO_TARGET,
            Exclusion::OpenedAfterCutoff => m::EXCL_AFTER_CUTOFF,
            Exclusion::Rule(_) => m::EXCL_RULE,
        }
        .get(lang)
    }

    /// The id written to `excluded_reason`: the built-in key, or the
    /// named rule's `reason`.
    pub fn name(self, policy: &Policy) -> &str {
        match self.named_rule(policy) {
            Some(r) => &r.reason,
            None => self.key(),
        }
    }

    /// The policy's `[[exclude.rules]]` entry of a [`Exclusion::Rule`].
    fn named_rule(self, policy: &Policy) -> Option<&ExclusionRule> {
        match self {
            Exclusion::Rule(i) => {
                policy.exclusions().rules.get(usize::from(i))
            }
            _ => None,
        }
    }

    /// Words for people: [`Exclusion::describe`], or the named rule's
    /// `description`.
    pub fn describe_in(
        self,
        policy: &Policy,
        lang: crate::text::lang::Lang,
    ) -> &str {
        match self.named_rule(policy) {
            Some(r) => &r.description,
            None => self.describe(lang),
        }
    }
}

/// How an unfinished measure stands at the cutoff.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Class {
    /// Over its target.
    Breached,
    /// At or above 80% of its target.
    AtRisk,
    /// Below 80% of its target.
    OnTrack,
}

impl Class {
    /// The stable id written in outputs.
    pub fn key(self) -> &'static str {
        match self {
            Class::Breached => "breached",
            Class::AtRisk => "at_risk",
            Class::OnTrack => "on_track",
        }
    }

    fn of(used: i64, target: i64) -> Class {
        if used > target {
            Class::Breached
        } else if used * 5 >= target * 4 {
            Class::AtRisk
        } else {
            Class::OnTrack
        }
    }
}

/// One ticket's figures (docs/CONTRACT.md §4, extensions included).
/// Instants are Unix seconds; durations whole business seconds; the
/// optional ones are [`OptSecs`] (8 bytes, not an `Option<i64>`'s 16):
/// a run may hold a row per ticket, and at ten million tickets each byte
/// of the row is 10 MB (docs/SCALING.md).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct SlaRow {
    /// Index of the ticket in the dataset.
    pub ticket: u32,
    /// First instant the state left `new`.
    pub responded_at: OptSecs,
    /// Start of the final solved/closed run.
    pub solved_at: OptSecs,
    /// Start of the final closed run.
    pub closed_at: OptSecs,
    /// Canonical state at the cutoff.
    pub state: Option<State>,
    /// Business seconds from opening to response (or to the cutoff).
    pub response_s: i64,
    /// Business seconds in new/open up to `solved_at` (or the cutoff).
    pub resolution_s: i64,
    /// Business seconds paused before `solved_at` (or the cutoff).
    pub paused_s: i64,
    /// Business seconds in solved/closed before a reopen.
    pub solved_before_reopen_s: i64,
    /// The response target in business seconds.
    pub response_target_s: OptSecs,
    /// The resolution target in business seconds.
    pub resolution_target_s: OptSecs,
    /// `response_s <= target`, when responded and targeted.
    pub response_met: Option<bool>,
    /// `resolution_s <= target`, when solved and targeted.
    pub resolution_met: Option<bool>,
    /// When the response target is (was) reached.
    pub response_due_at: OptSecs,
    /// When resolution time reaches (reached) the target, given the pauses
    /// that happened before it.
    pub resolution_due_at: OptSecs,
    /// Unfinished response at the cutoff: its class.
    pub response_class: Option<Class>,
    /// Unfinished resolution at the cutoff: its class.
    pub resolution_class: Option<Class>,
    /// Transitions from solved/closed back to new/open/paused.
    pub reopen_count: u32,
    /// The last survey score answered by the cutoff.
    pub survey_score: Option<f64>,
    /// When it was answered.
    pub survey_answered_at: OptSecs,
    /// Why it is left out of compliance.
    pub excluded: Option<Exclusion>,
    /// Closed with no survey answer, at or after the expected auto-close.
    pub auto_closed: Option<bool>,
    /// Closed (or still unclosed at the cutoff) after the expected close.
    pub close_late: Option<bool>,
    /// Wall-clock seconds from opening to `solved_at` (or the cutoff).
    pub wall_resolution_s: i64,
    /// Business seconds over the response target.
    pub response_overrun_s: OptSecs,
    /// Business seconds over the resolution target.
    pub resolution_overrun_s: OptSecs,
    /// Index of the target rule applied.
    pub target_rule: Option<u32>,
    /// Events in the timeline (after the cutoff filter).
    pub events: u32,
    /// In the survey's scope (`[survey] applies_to`; true without it):
    /// the tickets the survey response rate counts.
    pub survey_expected: bool,
    /// Started as a pre-case (`[states] precase`): its first event's
    /// instant, when that event's label is a pre-case one.
    pub precase_at: OptSecs,
    /// The pre-case became a ticket: the first later event of a label
    /// that is neither a pre-case nor `cancelled`.
    pub precase_registered_at: OptSecs,
    /// The pre-case was discarded: the first later event of another
    /// label is `cancelled` ("No gestionado").
    pub precase_discarded_at: OptSecs,
    /// Business seconds from `precase_at` to `precase_registered_at`.
    pub precase_business_s: OptSecs,
    /// With a `[close]` rule, for a solved and closed ticket: a survey
    /// answer at or before its close.
    pub survey_before_close: Option<bool>,
    /// With a `[close]` rule, for a solved and closed ticket: business
    /// seconds from `solved_at` to `closed_at`.
    pub close_business_s: OptSecs,
    /// With `[close] auto_close_after`, for a solved and closed ticket:
    /// closed with business time of the delay left, with no survey
    /// answer and no approval note by the close.
    pub closed_early: Option<bool>,
    /// With `[close] requires_approval`, for a solved and closed ticket:
    /// no survey answer, no approval note, and not the automatic close
    /// after the delay.
    pub closed_without_approval: Option<bool>,
    /// With `[close] validate_within`, for a solved and closed ticket:
    /// closed with no business time past `solved_at + validate_within`.
    pub validated_within: Option<bool>,
    /// The final answer was "Sin Solución" (state `unresolved`, docs/
    /// CONTRACT.md §3.2): `solved_at` is when it was given; no resolution
    /// verdict.
    pub unresolved: bool,
    /// The policy version that measured it (docs/CONTRACT.md §2.8): 0
    /// for the base, `k` for `policy.versions()[k - 1]`
    /// ([`Policy::version_policy`]).
    pub version: u16,
}

// 216 bytes; 344 with `Option<i64>` and `Option<usize>` fields.
const _: () = assert!(std::mem::size_of::<SlaRow>() == 216);

impl SlaRow {
    /// The ticket's outcome at the cutoff, as written in sla.csv's
    /// `outcome`: `solved`, `unresolved`, `cancelled` or `pending`
    /// (still new, open or paused); empty for a ticket opened after the
    /// cutoff.
    pub fn outcome(&self) -> &'static str {
        if self.excluded == Some(Exclusion::OpenedAfterCutoff) {
            ""
        } else if self.unresolved {
            "unresolved"
        } else if self.state == Some(State::Cancelled) {
            "cancelled"
        } else if self.solved_at.is_some() {
            "solved"
        } else {
            "pending"
        }
    }

    /// Measure `m`'s completion instant (the one that places it in a
    /// period, docs/CONTRACT.md §5.2: `responded_at` or `solved_at`) and
    /// its verdict (`response_met` or `resolution_met`).
    pub fn measure(&self, m: Measure) -> (Option<i64>, Option<bool>) {
        match m {
            Measure::Response => (self.responded_at.get(), self.response_met),
            Measure::Resolution => (self.solved_at.get(), self.resolution_met),
        }
    }
}

pub use crate::timeline::Span;

/// One ticket's timeline input: opening, its (time, state) events sorted
/// by time, and its survey answers (time, score) sorted by time.
#[derive(Clone, Debug)]
pub struct TicketInput<'a> {
    /// `opened_at`, Unix seconds.
    pub opened_at: i64,
    /// Events (Unix seconds, state), sorted by time, ties in file order.
    pub events: &'a [(i64, State)],
    /// Survey answers (Unix seconds, score), sorted by time.
    pub surveys: &'a [(i64, f64)],
    /// `affected_users`.
    pub affected_users: Option<i64>,
    /// Excluded by type or category (decided by the caller).
    pub attr_exclusion: Option<Exclusion>,
    /// Excluded by a named `[[exclude.rules]]` entry (decided by the
    /// caller, which sees the ticket's columns and source labels); it
    /// wins over every built-in reason.
    pub rule_exclusion: Option<Exclusion>,
    /// The ticket's own (response, resolution) targets from
    /// `[targets_from_ticket]`; each wins over the rule's when given.
    pub ticket_targets: [Option<BizDuration>; 2],
    /// In the survey's scope (`[survey] applies_to`; true without it).
    pub survey_expected: bool,
    /// The instant the case was taken (GLPI's `takeintoaccountdate`):
    /// the response when given (the caller applies `[clock]
    /// response_at`).
    pub taken_at: Option<i64>,
}

impl<'a> TicketInput<'a> {
    /// A ticket with events and nothing else.
    pub fn new(opened_at: i64, events: &'a [(i64, State)]) -> Self {
        TicketInput {
            opened_at,
            events,
            surveys: &[],
            affected_users: None,
            attr_exclusion: None,
            rule_exclusion: None,
            ticket_targets: [None, None],
            survey_expected: true,
            taken_at: None,
        }
    }
}

/// A policy bound to a dataset and a cutoff.
pub struct Engine<'a> {
    policy: &'a Policy,
    ds: &'a Dataset,
    cutoff: i64,
    /// Canonical state of each interned string used as a status.
    state_of: Vec<Option<State>>,
    /// Target rule per ticket.
    rule: Vec<Option<u16>>,
    /// Type/category exclusion per ticket.
    attr_excl: Vec<Option<Exclusion>>,
    /// `[[exclude.rules]]` whose column and opening conditions hold, one
    /// bit per rule, per ticket (empty without rules).
    rule_mask: Vec<u32>,
    /// Rules whose final-status condition holds (or that have none), per
    /// interned status label; the last entry: no event by the cutoff.
    status_mask: Vec<u32>,
    /// Each ticket's own targets and clock start, read once.
    cells: Cow<'a, TicketCells>,
    /// Whether each ticket is in `[survey] applies_to`.
    surveyed: Vec<bool>,
    /// Per interned string: a note that marks an automatic close (`[close]
    /// auto_close_notes`); empty without them.
    auto_note: Vec<bool>,
    /// Per interned string: a `[states] precase` label; empty without
    /// them.
    precase: Vec<bool>,
    /// Per interned string: a note that records the requester's approval
    /// (`[close] approval_notes`); empty without them.
    approval_note: Vec<bool>,
    /// One engine per `[[versions]]` entry, bound to its policy (empty
    /// without versions).
    versions: Vec<Engine<'a>>,
}

impl<'a> Engine<'a> {
    /// Binds `policy` to `ds` at `cutoff`, reading the policy's ticket
    /// columns itself ([`TicketCells::read`]; their rejects are dropped:
    /// use [`Engine::with_cells`] to report them).
    ///
    /// # Errors
    ///
    /// An input error listing every status label the policy does not map,
    /// with its count, an example ticket, and the `[states]` key to add it
    /// to; a policy key naming a column the tickets table lacks.
    pub fn new(
        policy: &'a Policy,
        ds: &'a Dataset,
        cutoff: Instant,
    ) -> Result<Engine<'a>> {
        let cells = TicketCells::read(policy, ds, Lang::Es)?;
        Engine::bind(policy, ds, cutoff, Cow::Owned(cells))
    }

    /// [`Engine::new`] with ticket cells already read (once, by the
    /// caller that reported their rejects).
    ///
    /// # Errors
    ///
    /// As [`Engine::new`].
    pub fn with_cells(
        policy: &'a Policy,
        ds: &'a Dataset,
        cutoff: Instant,
        cells: &'a TicketCells,
    ) -> Result<Engine<'a>> {
        Engine::bind(policy, ds, cutoff, Cow::Borrowed(cells))
    }

    fn bind(
        policy: &'a Policy,
        ds: &'a Dataset,
        cutoff: Instant,
        cells: Cow<'a, TicketCells>,
    ) -> Result<Engine<'a>> {
        let versions = policy
            .versions()
            .iter()
            .enumerate()
            .map(|(k, v)| {
                let cells = Cow::Owned((*cells).clone());
                Engine::bind(&v.policy, ds, cutoff, cells)
                    .map_err(|e| e.at(&format!("versions[{k}]")))
            })
            .collect::<Result<Vec<_>>>()?;
        let (state_of, seen) = states::state_table(policy, ds)?;
        let cut = cutoff.unix();
        let mut m = matching::match_rules(policy, ds, cut)?;
        let (rule_mask, status_mask) = exclusions::exclusion_rules(
            policy,
            ds,
            &seen,
            &mut m.folded,
            cut,
        )?;
        Ok(Engine {
            policy,
            ds,
            cutoff: cut,
            state_of,
            rule: m.rule,
            attr_excl: m.attr_excl,
            rule_mask,
            status_mask,
            surveyed: m.surveyed,
            precase: precase::precase_labels(policy, ds, &seen),
            auto_note: notes::note_flags(policy.auto_close_notes(), ds),
            approval_note: notes::note_flags(
                &policy.close_rules().approval_notes,
                ds,
            ),
            cells,
            versions,
        })
    }

    /// The engine of policy version `v` (0: this one).
    pub fn for_version(&self, v: u16) -> &Engine<'a> {
        match v {
            0 => self,
            v => self.versions.get(usize::from(v) - 1).unwrap_or(self),
        }
    }

    /// The policy version that measures ticket `i` (docs/CONTRACT.md
    /// §2.8): the one in force at its `opened_at`, or with `rules_at =
    /// "solved"` at its `solved_at` as measured under that one (at the
    /// cutoff when it is unsolved by then); 0 without versions.
    pub fn version_of(&self, i: usize) -> u16 {
        if self.versions.is_empty() {
            return 0;
        }
        let p = self.policy;
        let at_open = p.version_at(self.ds.tickets[i].opened_at);
        match p.rules_at() {
            crate::policy::RulesAt::Opened => at_open,
            crate::policy::RulesAt::Solved => {
                let row = self.for_version(at_open).evaluate_here(i, |_| {});
                p.version_at(row.solved_at.get().unwrap_or(self.cutoff))
            }
        }
    }

    /// The cutoff, Unix seconds.
    pub fn cutoff(&self) -> i64 {
        self.cutoff
    }

    /// The canonical state of an event's status label.
    pub fn state(&self, status: u32) -> State {
        self.state_of[status as usize].expect("checked in Engine::new")
    }

    /// The target rule applied to ticket `i`.
    pub fn rule_of(&self, i: usize) -> Option<usize> {
        self.rule[i].map(usize::from)
    }

    /// The named `[[exclude.rules]]` entry that excludes ticket `i`, if
    /// any: the first in file order whose conditions all hold (its column
    /// value, its opening instant, its last status label at the cutoff).
    pub fn rule_exclusion(&self, i: usize) -> Option<Exclusion> {
        // A ticket opened after the cutoff did not exist yet: no rule
        // applies (it is `opened_after_cutoff`).
        if self.rule_mask.is_empty()
            || self.ds.tickets[i].opened_at > self.cutoff
        {
            return None;
        }
        let last = self
            .ds
            .events_of(i)
            .iter()
            .rev()
            .find(|e| e.at <= self.cutoff)
            .map_or(self.status_mask.len() - 1, |e| e.status as usize);
        let m = self.rule_mask[i] & self.status_mask[last];
        (m != 0).then(|| Exclusion::Rule(m.trailing_zeros() as u16))
    }

    /// When ticket `i`'s clocks start: its `[clock] start` instant when
    /// that is earlier than `opened_at` (a reception before the
    /// registration), else `opened_at`. A ticket opened after the cutoff
    /// starts at `opened_at` whatever its reception: it did not exist in
    /// the tool yet (`opened_after_cutoff`).
    pub fn clock_start_of(&self, i: usize) -> i64 {
        let opened = self.ds.tickets[i].opened_at;
        if opened > self.cutoff {
            return opened;
        }
        self.cells
            .clock_start
            .get(i)
            .map_or(opened, |&s| s.min(opened))
    }

    /// Ticket `i`'s own (response, resolution) targets from
    /// `[targets_from_ticket]` (both `None` without it or with empty
    /// cells).
    pub fn ticket_targets(&self, i: usize) -> [Option<BizDuration>; 2] {
        self.cells
            .targets
            .get(i)
            .map_or([None, None], |&k| self.cells.target_values[k as usize])
    }

    /// Ticket `i`'s `taken_at` instant when `[clock] response_at =
    /// "taken"` and the tickets table has it (`None` otherwise: the
    /// response is the first change away from `new`).
    pub fn taken_at_of(&self, i: usize) -> Option<i64> {
        self.cells.taken_at.get(i).copied().flatten()
    }

    /// Ticket `i`'s escalation levels (module [`escalations`]) under its
    /// SLA row `row` (level 0's take is the row's response).
    pub fn levels(&self, i: usize, row: &SlaRow) -> Vec<escalations::Level> {
        if row.excluded == Some(Exclusion::OpenedAfterCutoff) {
            return Vec::new();
        }
        let ds = self.ds;
        let steps: Vec<escalations::Step> = ds
            .events_of(i)
            .iter()
            .map(|e| escalations::Step {
                at: e.at,
                state: self.state(e.status),
                group: e.group,
                assigned: e.assignee != 0,
            })
            .collect();
        let start = self.clock_start_of(i);
        let here = self.for_version(row.version);
        let mut levels = escalations::levels(
            here.policy.calendar(),
            start,
            &steps,
            self.cutoff,
        );
        if let Some(l0) = levels.first_mut() {
            l0.taken_at = row.responded_at;
            l0.ended_at = row.responded_at;
            l0.take_s = row.response_s;
            l0.target_s = row.response_target_s;
            l0.met = row.response_met;
        }
        for l in levels.iter_mut().skip(1) {
            l.target_s = OptSecs::from(here.take_target(l.from, row));
            if l.outcome == Some(escalations::Outcome::Taken) {
                l.met = l.target_s.get().map(|t| l.take_s <= t);
            }
        }
        levels
    }

    /// The take target of an escalation made at `from` on the ticket of
    /// `row` (`[escalation] take_within`; a `Nbd` target is the business
    /// time from the escalation to its deadline).
    fn take_target(&self, from: i64, row: &SlaRow) -> Option<i64> {
        match self.policy.take_within()? {
            crate::policy::TakeWithin::Response => row.response_target_s.get(),
            crate::policy::TakeWithin::Duration(d) => {
                let cal = self.policy.calendar();
                let a = Instant::from_unix(from);
                let due = cal.add(a, d).ok()?;
                Some(cal.business_between(a, due))
            }
        }
    }

    /// Every ticket's levels under its row (`rows` in dataset order, as
    /// [`Engine::evaluate_all`] returns them), flattened as (ticket,
    /// level); tickets whose events name no group have none.
    pub fn levels_all(
        &self,
        rows: &[SlaRow],
    ) -> Vec<(u32, escalations::Level)> {
        rows.par_iter()
            .map(|r| {
                self.levels(r.ticket as usize, r)
                    .into_iter()
                    .map(|l| (r.ticket, l))
                    .collect::<Vec<_>>()
            })
            .flatten_iter()
            .collect()
    }

    /// Evaluates ticket `i` of the dataset.
    pub fn evaluate(&self, i: usize) -> SlaRow {
        self.evaluate_ticket_traced(i, |_| {})
    }

    /// [`Engine::evaluate`], also reporting each timeline interval to
    /// `trace` in order (for `plazo explain`): the same inputs, the same
    /// row.
    pub fn evaluate_ticket_traced(
        &self,
        i: usize,
        trace: impl FnMut(Span),
    ) -> SlaRow {
        let v = self.version_of(i);
        let mut row = self.for_version(v).evaluate_here(i, trace);
        row.version = v;
        row
    }

    /// Ticket `i` under this engine's own policy (whatever its versions).
    fn evaluate_here(&self, i: usize, trace: impl FnMut(Span)) -> SlaRow {
        let facts = evaluate::Facts {
            opened_at: self.clock_start_of(i),
            affected_users: self.ds.tickets[i].affected_users,
            attr_exclusion: self.attr_excl[i],
            rule_exclusion: self.rule_exclusion(i),
            ticket_targets: self.ticket_targets(i),
            survey_expected: self.surveyed[i],
            taken_at: self.taken_at_of(i),
        };
        let events = self
            .ds
            .events_of(i)
            .iter()
            .map(|e| (e.at, self.state(e.status)));
        let surveys = self
            .ds
            .surveys_of(i)
            .iter()
            .map(|s| (s.answered_at, s.score));
        let mut row = evaluate::evaluate(
            self.policy,
            &facts,
            events,
            surveys,
            self.rule_of(i),
            self.cutoff,
            trace,
        );
        row.ticket = i as u32;
        if !self.auto_note.is_empty()
            && let Some(closed) = row.closed_at.get()
        {
            row.auto_closed = Some(self.closed_by_note(i, closed));
        }
        precase::fill(
            self.policy,
            self.ds,
            &self.precase,
            |s| self.state(s),
            i,
            self.cutoff,
            &mut row,
        );
        if !self.auto_note.is_empty() || !self.approval_note.is_empty() {
            let approved = self.approved_by_note(i, &row);
            evaluate::close_checks(&mut row, self.policy, approved);
        }
        row
    }

    /// With `[close] approval_notes`: whether an event of ticket `i`'s
    /// final solved/closed run (from `solved_at` to the cutoff) carries
    /// one of the notes.
    fn approved_by_note(&self, i: usize, row: &SlaRow) -> bool {
        let (Some(solved), false) =
            (row.solved_at.get(), self.approval_note.is_empty())
        else {
            return false;
        };
        let o = self.clock_start_of(i);
        self.ds
            .events_of(i)
            .iter()
            .filter(|e| e.at.max(o) >= solved && e.at <= self.cutoff)
            .any(|e| self.approval_note[e.note as usize])
    }

    /// With `[close] auto_close_notes`: whether a `closed` event of ticket
    /// `i`'s final closed run (from `closed` to the cutoff) carries one of
    /// the notes (a repeated "Cerrado" may carry it).
    fn closed_by_note(&self, i: usize, closed: i64) -> bool {
        let o = self.clock_start_of(i);
        self.ds
            .events_of(i)
            .iter()
            .filter(|e| e.at.max(o) >= closed && e.at <= self.cutoff)
            .filter(|e| self.state(e.status) == State::Closed)
            .any(|e| self.auto_note[e.note as usize])
    }

    /// Evaluates every ticket, in parallel; rows in input order.
    pub fn evaluate_all(&self) -> Vec<SlaRow> {
        self.evaluate_all_with(|_| {})
    }

    /// [`Engine::evaluate_all`], calling `progress(n)` after each chunk
    /// of `n` tickets (for a progress bar).
    pub fn evaluate_all_with(
        &self,
        progress: impl Fn(usize) + Sync,
    ) -> Vec<SlaRow> {
        self.evaluate_range_with(0..self.ds.tickets.len(), progress)
    }

    /// [`Engine::evaluate_all_with`] for the tickets at `range` only, in
    /// order: a caller that writes rows as they come evaluates a block
    /// at a time and holds one block of rows, not all.
    pub fn evaluate_range_with(
        &self,
        range: std::ops::Range<usize>,
        progress: impl Fn(usize) + Sync,
    ) -> Vec<SlaRow> {
        // Rows are written in place (an indexed parallel collect), in
        // pieces of at least CHUNK tickets; progress is reported once per
        // CHUNK tickets and once for the remainder, so it sums to n.
        const CHUNK: usize = 4096;
        let (lo, n) = (range.start, range.len());
        let mut rows = Vec::with_capacity(n);
        (0..n)
            .into_par_iter()
            .with_min_len(CHUNK)
            .map(|i| {
                let row = self.evaluate(lo + i);
                if (i + 1) % CHUNK == 0 {
                    progress(CHUNK);
                } else if i + 1 == n {
                    progress(n % CHUNK);
                }
                row
            })
            .collect_into_vec(&mut rows);
        rows
    }

    /// The pure function: one ticket under `policy` at `cutoff`, with
    /// target rule `rule` (an index into `policy.targets()`).
    pub fn evaluate_one(
        policy: &Policy,
        t: &TicketInput<'_>,
        rule: Option<usize>,
        cutoff: i64,
    ) -> SlaRow {
        Engine::evaluate_traced(policy, t, rule, cutoff, |_| {})
    }

    /// [`Engine::evaluate_one`], also reporting each timeline interval to
    /// `trace` in order (for `plazo explain`).
    pub fn evaluate_traced(
        policy: &Policy,
        t: &TicketInput<'_>,
        rule: Option<usize>,
        cutoff: i64,
        trace: impl FnMut(Span),
    ) -> SlaRow {
        let facts = evaluate::Facts {
            opened_at: t.opened_at,
            affected_users: t.affected_users,
            attr_exclusion: t.attr_exclusion,
            rule_exclusion: t.rule_exclusion,
            ticket_targets: t.ticket_targets,
            survey_expected: t.survey_expected,
            taken_at: t.taken_at,
        };
        evaluate::evaluate(
            policy,
            &facts,
            t.events.iter().copied(),
            t.surveys.iter().copied(),
            rule,
            cutoff,
            trace,
        )
    }
}
