//! Reading a policy: the TOML text into [`RawPolicy`], then each table
//! resolved and checked in file order into a [`Policy`].

use std::path::Path;

use super::close::{CloseRules, auto_close_after, auto_close_notes};
use super::exclusions::Exclusions;
use super::raw::RawPolicy;
use super::report::{self, ReportSettings};
use super::states::StateMap;
use super::survey::{self, SurveyForm, SurveyRules};
use super::ticket_targets::TicketTargets;
use super::{
    DeadlineRules, Policy, RulesAt, calendar_spec, escalation, goals,
    matching, penalties, targets, versions,
};
use crate::error::{Error, Result};
use crate::text::lang::Lang;

impl Policy {
    /// Reads and checks a policy file, wording its labels (an unnamed
    /// catch-all rule's) in Spanish, the users' language; see
    /// [`Policy::load_in`].
    ///
    /// # Errors
    ///
    /// As [`Policy::load_in`].
    pub fn load(path: &Path) -> Result<Policy> {
        Policy::load_in(path, Lang::Es)
    }

    /// Reads and checks a policy file; `lang` words its labels.
    ///
    /// # Errors
    ///
    /// The file cannot be read, or any error of [`Policy::from_toml_in`].
    pub fn load_in(path: &Path, lang: Lang) -> Result<Policy> {
        let text =
            std::fs::read_to_string(path).map_err(|e| Error::io(path, &e))?;
        Policy::from_toml_in(&text, path, lang)
    }

    /// Parses a policy from TOML text, wording its labels in Spanish;
    /// see [`Policy::from_toml_in`].
    ///
    /// # Errors
    ///
    /// As [`Policy::from_toml_in`].
    pub fn from_toml(text: &str, path: &Path) -> Result<Policy> {
        Policy::from_toml_in(text, path, Lang::Es)
    }

    /// Parses a policy from TOML text; `path` names it in errors and
    /// anchors relative holiday file paths; `lang` words its labels (the
    /// label of a catch-all target rule without a `name`).
    ///
    /// # Errors
    ///
    /// Input errors naming the file and the key: TOML syntax or unknown
    /// keys (the TOML reader's text, with line and column, inside a
    /// sentence that says what to do), an unknown time zone, every
    /// calendar error of [`crate::calendar::CalendarSpec::from_config`],
    /// an unknown state key, a label mapped to two states, an unreadable
    /// duration (`5hh`), a target rule with no target, an empty match
    /// value, and a rule that can never match because an earlier rule
    /// matches every ticket.
    pub fn from_toml_in(
        text: &str,
        path: &Path,
        lang: Lang,
    ) -> Result<Policy> {
        let place = path.display().to_string();
        let chain = versions::read_chain(text, path)?;
        // Without `extends`, the text itself is read, so that a key's
        // error keeps its line and column.
        let raw = if chain.extended {
            versions::raw_of(&chain.table, &place)?
        } else {
            RawPolicy::read(text, &place)?
        };
        let mut policy =
            Policy::resolve(raw, path, &chain.calendar_file, lang)
                .map_err(|e| e.at(&place))?;
        policy.versions = versions::resolve(&chain, path, &policy, lang)
            .map_err(|e| e.at(&place))?;
        Ok(policy)
    }

    /// Resolves every table, in the order their errors are reported;
    /// relative holiday files are read from `calendar_file`'s folder.
    pub(super) fn resolve(
        raw: RawPolicy,
        path: &Path,
        calendar_file: &Path,
        lang: Lang,
    ) -> Result<Policy> {
        let (tz, calendar) = calendar_spec::resolve(
            &raw.timezone,
            &raw.calendar,
            calendar_file,
        )?;
        let states = StateMap::resolve(&raw.states)?;
        let targets = targets::resolve(raw.targets, lang)?;
        let auto_close_after =
            auto_close_after(raw.close.auto_close_after.as_deref())?;
        let survey = SurveyRules::resolve(&raw.survey)?;
        let survey_form = SurveyForm::resolve(&raw.survey)?;
        let exclude = Exclusions::resolve(raw.exclude, tz)?;
        let auto_close_notes = auto_close_notes(&raw.close.auto_close_notes)?;
        let close_rules = CloseRules::resolve(&raw.close)?;
        let match_from_events =
            matching::from_events(&raw.matching.from_events)?;
        let survey_scope = survey::scope(raw.survey.applies_to)?;
        let from_ticket = TicketTargets::resolve(raw.targets_from_ticket)?;
        let indicators = goals::resolve(&raw.indicators)?;
        let take_within =
            escalation::take_within(raw.escalation.take_within.as_deref())?;
        let response_at =
            escalation::response_at(raw.clock.response_at.as_deref())?;
        let deadline_rules = match raw.sla.deadline_rules.as_deref() {
            Some(r) => DeadlineRules::parse(r, "[sla] deadline_rules")?,
            None => DeadlineRules::Procedure,
        };
        let rules_at = match raw.sla.rules_at.as_deref() {
            Some(r) => RulesAt::parse(r, "[sla] rules_at")?,
            None => RulesAt::Opened,
        };
        let contract = penalties::contract(raw.contract)?;
        let fee = contract.as_ref().is_some_and(|c| c.monthly_fee.is_some());
        let penalties = penalties::resolve(raw.penalties, fee)?;
        let assumed = report::assumed(&raw.assumed)?;
        let max_rejects = super::checks::from_raw(raw.checks.max_rejects)?;
        report::check_labels(&raw.report.labels)?;
        let report = ReportSettings {
            document: raw.report.document,
            version: raw.report.version,
            people: raw.report.people,
            labels: raw.report.labels,
            signoff: raw.report.signoff,
            priority_order: raw.report.priority_order,
        };
        Ok(Policy {
            name: raw.name,
            tz,
            calendar,
            path: path.to_path_buf(),
            calendar_config: raw.calendar,
            states: states.by_label,
            state_labels: states.labels,
            precase: states.precase,
            targets,
            exclude,
            auto_close_after,
            auto_close_notes,
            close_rules,
            survey,
            indicators,
            assumed,
            report,
            from_ticket,
            report_period: raw.report.period,
            survey_scope,
            survey_form,
            paused_requires_note: raw.checks.paused_requires_note,
            max_rejects,
            match_from_events,
            take_within,
            response_at,
            deadline_rules,
            version_name: raw
                .version_name
                .map(|n| n.trim().to_string())
                .filter(|n| !n.is_empty())
                .unwrap_or_else(|| "base".to_string()),
            versions: Vec::new(),
            rules_at,
            contract,
            penalties,
            clock_start: raw
                .clock
                .start
                .map(|c| c.trim().to_string())
                .filter(|c| !c.is_empty()),
        })
    }
}
