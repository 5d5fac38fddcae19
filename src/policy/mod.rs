//! The policy file: one TOML file per entity (docs/CONTRACT.md §2).
//!
//! A policy fixes the calendar, how the source tool's status labels map to
//! canonical states, the ordered target rules, exclusions, the auto-close
//! expectation, the survey scale and the indicator goals. Every error
//! names the key and the fix; unknown keys are errors, so a typo such as
//! `[calender]` or `resolucion = "4h"` is caught instead of ignored.
//!
//! The file is read in two steps: `raw.rs` holds the serde structures
//! exactly as the TOML is written; one module per table resolves and
//! checks them into the [`Policy`] and its parts: `states.rs`
//! (`[states]`), `targets.rs` (`[[targets]]`), `matching.rs` (match keys
//! and `[matching]`), `exclusions.rs` (`[exclude]`), `survey.rs`,
//! `close.rs`, `ticket_targets.rs` (`[targets_from_ticket]`),
//! `goals.rs` (`[indicators]`: goals, bands, ficha fields),
//! `period.rs` (`[report] period`), `report.rs` (the rest of `[report]`
//! and the top-level `assumed` list) and `calendar_spec.rs` (`timezone` and
//! `[calendar]`); `load.rs` runs them in file order. The messages are in
//! [`crate::text::msg::policy`].
//!
//! # Example
//!
//! ```
//! use plazo::Policy;
//! use plazo::policy::State;
//! let p = Policy::from_toml(r#"
//!     name = "Mesa"
//!     timezone = "America/Bogota"
//!     [calendar]
//!     always = true
//!     [states]
//!     new = ["Nuevo", "1"]
//!     open = ["En curso (asignada)", "2"]
//!     paused = ["En espera"]
//!     solved = ["Resueltas"]
//!     closed = ["Cerrado"]
//!     [[targets]]
//!     priority = "Crítica"
//!     response = "1h"
//!     resolution = "4h"
//!     [[targets]]
//!     response = "18h"
//!     resolution = "3bd"
//! "#, "p.toml".as_ref())?;
//! assert_eq!(p.state_of(" EN ESPERA "), Some(State::Paused));
//! assert_eq!(p.state_of("Borrado"), None);
//! assert_eq!(p.targets().len(), 2);
//! # Ok::<(), plazo::Error>(())
//! ```

mod calendar_spec;
mod checks;
mod close;
mod deadline_rules;
mod escalation;
mod exclusions;
mod goals;
mod load;
mod matching;
mod penalties;
mod period;
mod raw;
mod report;
mod states;
mod survey;
mod targets;
mod ticket_targets;
mod versions;

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};

use chrono_tz::Tz;

pub use calendar_spec::parse_tz;
pub use checks::MaxRejects;
pub use close::CloseRules;
pub use deadline_rules::DeadlineRules;
pub use escalation::{ResponseAt, TakeWithin};
pub use exclusions::{
    BUILTIN_REASONS, ExclusionRule, Exclusions, MAX_EXCLUSION_RULES,
};
pub use goals::{
    Direction, Goal, IDS as INDICATOR_IDS, IndicatorSpec, Kind, Status,
};
pub use matching::{Field, under_branch};
pub use penalties::{Band, Charge, Contract, Money, Penalty, breach_measure};
pub use period::ReportPeriod;
pub use report::{ASSUMABLE, Labels, People, ReportSettings, Signoff, plural};
pub use states::State;
pub use survey::{Repeated, SurveyForm, SurveyRules};
pub use targets::TargetRule;
pub use ticket_targets::{NumberUnit, TicketTargets};
pub use versions::{MAX_EXTENDS, RulesAt, Version};

use crate::calendar::{Calendar, CalendarConfig};

/// Reads a policy file's text into its raw form only (the keys as
/// written, types checked, nothing resolved): the first half of
/// [`Policy::from_toml`], public for the fuzz target `policy_raw`.
///
/// # Errors
///
/// The TOML or a key's type is wrong (naming `file`).
pub fn read_raw(text: &str, file: &str) -> crate::error::Result<()> {
    raw::RawPolicy::read(text, file).map(|_| ())
}
use crate::text::fold;
use crate::time::BizDuration;

/// A loaded entity policy.
#[derive(Clone, Debug)]
pub struct Policy {
    name: String,
    tz: Tz,
    calendar: Calendar,
    path: PathBuf,
    calendar_config: CalendarConfig,
    states: HashMap<String, State>,
    state_labels: BTreeMap<State, Vec<String>>,
    precase: Vec<String>,
    targets: Vec<TargetRule>,
    exclude: Exclusions,
    auto_close_after: Option<BizDuration>,
    auto_close_notes: Vec<String>,
    close_rules: CloseRules,
    survey: SurveyRules,
    indicators: BTreeMap<&'static str, IndicatorSpec>,
    assumed: Vec<String>,
    report: ReportSettings,
    from_ticket: Option<TicketTargets>,
    report_period: Option<ReportPeriod>,
    survey_scope: Option<TargetRule>,
    survey_form: SurveyForm,
    paused_requires_note: bool,
    max_rejects: Option<MaxRejects>,
    match_from_events: Vec<Field>,
    clock_start: Option<String>,
    take_within: Option<TakeWithin>,
    response_at: ResponseAt,
    deadline_rules: DeadlineRules,
    version_name: String,
    versions: Vec<Version>,
    rules_at: RulesAt,
    contract: Option<Contract>,
    penalties: Vec<Penalty>,
}

impl Policy {
    /// The entity's name.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// The policy's time zone: naive timestamps are read in it.
    pub fn tz(&self) -> Tz {
        self.tz
    }

    /// The business-time calendar.
    pub fn calendar(&self) -> &Calendar {
        &self.calendar
    }

    /// `[contract]`: the monthly fee and currency, when set.
    pub fn contract(&self) -> Option<&Contract> {
        self.contract.as_ref()
    }

    /// `[[penalties]]`, in file order (docs/CONTRACT.md §5.8).
    pub fn penalties(&self) -> &[Penalty] {
        &self.penalties
    }

    /// The file the policy was read from.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The `[calendar]` table as written.
    pub fn calendar_config(&self) -> &CalendarConfig {
        &self.calendar_config
    }

    /// The canonical state of a source status label (trimmed, case- and
    /// accent-insensitive), or `None` when the policy does not map it.
    pub fn state_of(&self, label: &str) -> Option<State> {
        self.states.get(&fold(label)).copied()
    }

    /// The labels mapped to each state, as written.
    pub fn state_labels(&self) -> &BTreeMap<State, Vec<String>> {
        &self.state_labels
    }

    /// Whether `[states]` maps at least one label to `state` (the
    /// "Suspensiones" sheet needs a `paused` label, "Sin solución" and
    /// `tickets_unresolved` an `unresolved` one).
    pub fn maps(&self, state: State) -> bool {
        self.state_labels.contains_key(&state)
    }

    /// `[states] precase`: whether a source status label (trimmed, case-
    /// and accent-insensitive) is a pre-case label (Víctimas §3
    /// PRECASO). Every such label is also a `new` label.
    pub fn is_precase(&self, label: &str) -> bool {
        let f = fold(label);
        self.precase.iter().any(|p| fold(p) == f)
    }

    /// `[states] precase`, as written.
    pub fn precase_labels(&self) -> &[String] {
        &self.precase
    }

    /// Whether `[states] precase` names any label: the policy measures
    /// pre-cases (the `precase*` indicators are shown).
    pub fn has_precase(&self) -> bool {
        !self.precase.is_empty()
    }

    /// The ordered target rules.
    pub fn targets(&self) -> &[TargetRule] {
        &self.targets
    }

    /// The exclusion rules.
    pub fn exclusions(&self) -> &Exclusions {
        &self.exclude
    }

    /// `[close] auto_close_notes`: folded fragments of the note the
    /// tool's automatic close leaves on the closing event (ICETEX: "Por
    /// tiempo excedido de los 3 días"). When given, `auto_closed` is read
    /// from the closing event's note instead of being inferred from the
    /// timing and the survey.
    pub fn auto_close_notes(&self) -> &[String] {
        &self.auto_close_notes
    }

    /// `[close] auto_close_after`.
    pub fn auto_close_after(&self) -> Option<BizDuration> {
        self.auto_close_after
    }

    /// `[close] requires_approval`, `approval_notes` and
    /// `validate_within`: the closing rules measured besides the
    /// automatic close (docs/CONTRACT.md §3.6).
    pub fn close_rules(&self) -> &CloseRules {
        &self.close_rules
    }

    /// Whether the policy has any closing rule to measure: `[close]
    /// auto_close_after`, `requires_approval` or `validate_within`.
    pub fn has_close_rules(&self) -> bool {
        self.auto_close_after.is_some()
            || self.close_rules.requires_approval
            || self.close_rules.validate_within.is_some()
    }

    /// `[survey] applies_to`: which tickets are sent a survey, as match
    /// keys (the same as `[[targets]]`'; the rule has no targets). `None`:
    /// every ticket. It sets the denominator of
    /// `survey_response_rate_pct`.
    pub fn survey_scope(&self) -> Option<&TargetRule> {
        self.survey_scope.as_ref()
    }

    /// `[survey]`.
    pub fn survey(&self) -> SurveyRules {
        self.survey
    }

    /// `[survey] questions` and `[survey.comment_groups]`.
    pub fn survey_form(&self) -> &SurveyForm {
        &self.survey_form
    }

    /// `[checks] paused_requires_note`: a pause must carry a note with its
    /// reason (Víctimas §3 "Suspendido": "se deberá crear una nota con la
    /// razón de suspensión"); the pauses without one are listed.
    pub fn paused_requires_note(&self) -> bool {
        self.paused_requires_note
    }

    /// `[checks] max_rejects`: the most rejected rows a run may have
    /// (`--max-rejects` overrides it); none when unset.
    pub fn max_rejects(&self) -> Option<MaxRejects> {
        self.max_rejects
    }

    /// `[matching] from_events`: the fields (`priority`, `group`) whose
    /// value for choosing the target rule is the last one an event set by
    /// the cutoff (a reclassified priority, an escalated group) rather
    /// than the tickets table's; the table's when no event sets it.
    pub fn match_from_events(&self) -> &[Field] {
        &self.match_from_events
    }

    /// `[clock] start`: a tickets column whose instant, when given, starts
    /// the response and resolution clocks instead of `opened_at` (USPEC
    /// §6: attention time runs from the request's reception, e.g. the
    /// e-mail's date, not from its registration in the tool).
    pub fn clock_start(&self) -> Option<&str> {
        self.clock_start.as_deref()
    }

    /// `[escalation] take_within`: the target for each new level to take
    /// an escalated case; `None`: per-level attention is measured
    /// without a verdict.
    pub fn take_within(&self) -> Option<TakeWithin> {
        self.take_within
    }

    /// `[clock] response_at`: which instant is the response.
    pub fn response_at(&self) -> ResponseAt {
        self.response_at
    }

    /// `[sla] deadline_rules`: whose rules compute deadlines and
    /// verdicts (procedure by default).
    pub fn deadline_rules(&self) -> DeadlineRules {
        self.deadline_rules
    }

    /// Overrides `[sla] deadline_rules` (`--deadline-rules` on the
    /// command line).
    pub fn set_deadline_rules(&mut self, rules: DeadlineRules) {
        self.deadline_rules = rules;
        for v in &mut self.versions {
            std::sync::Arc::make_mut(&mut v.policy).deadline_rules = rules;
        }
    }

    /// `[report] period`, when the policy sets it.
    pub fn report_period(&self) -> Option<ReportPeriod> {
        self.report_period
    }

    /// `[targets_from_ticket]`, when the policy has it.
    pub fn targets_from_ticket(&self) -> Option<&TicketTargets> {
        self.from_ticket.as_ref()
    }

    /// `[indicators]`: what the policy says about indicator `id` (its
    /// goal, band and ficha fields), when anything.
    pub fn indicator(&self, id: &str) -> Option<&IndicatorSpec> {
        self.indicators.get(id)
    }

    /// The goal of indicator `id`, when the policy sets one.
    pub fn goal(&self, id: &str) -> Option<Goal> {
        self.indicator(id).and_then(|s| s.goal)
    }

    /// Every indicator the policy says something about.
    pub fn indicators(&self) -> &BTreeMap<&'static str, IndicatorSpec> {
        &self.indicators
    }

    /// `assumed`: the policy values that are assumptions (CHOICE), not
    /// the entity's stated rules; each one of [`ASSUMABLE`].
    pub fn assumed(&self) -> &[String] {
        &self.assumed
    }

    /// Whether the value `key` (one of [`ASSUMABLE`]) is an assumption.
    pub fn is_assumed(&self, key: &str) -> bool {
        self.assumed.iter().any(|a| a == key)
    }

    /// `[report]`: document code, version, people, labels, sign-off and
    /// the priorities' order.
    pub fn report(&self) -> &ReportSettings {
        &self.report
    }
}

#[cfg(test)]
mod tests;
