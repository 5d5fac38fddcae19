//! The policy file exactly as the TOML is written: serde structures, one
//! per table, with unknown keys refused (`deny_unknown_fields`), so a
//! typo such as `[calender]` or `prioridad = "Alta"` is an error that the
//! TOML reader reports with its line and column. Nothing here checks
//! meaning; the sibling modules resolve these into the [`super::Policy`].

use std::collections::BTreeMap;

use serde::Deserialize;

use super::period::ReportPeriod;
use super::report::{Labels, People, Signoff};
use super::ticket_targets::NumberUnit;
use crate::calendar::CalendarConfig;
use crate::error::{Error, Result};
use crate::text::fold;

/// The whole file.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawPolicy {
    pub name: String,
    #[serde(default = "default_tz")]
    pub timezone: String,
    pub calendar: CalendarConfig,
    #[serde(default)]
    pub states: BTreeMap<String, Vec<String>>,
    #[serde(default)]
    pub targets: Vec<RawTarget>,
    #[serde(default)]
    pub exclude: RawExclude,
    #[serde(default)]
    pub close: RawClose,
    #[serde(default)]
    pub survey: RawSurvey,
    #[serde(default)]
    pub indicators: BTreeMap<String, toml::Value>,
    pub targets_from_ticket: Option<RawTicketTargets>,
    #[serde(default)]
    pub report: RawReport,
    #[serde(default)]
    pub checks: RawChecks,
    #[serde(default)]
    pub matching: RawMatching,
    #[serde(default)]
    pub clock: RawClock,
    #[serde(default)]
    pub escalation: RawEscalation,
    #[serde(default)]
    pub assumed: Vec<String>,
    #[serde(default)]
    pub sla: RawSla,
    /// `extends`: followed before this structure is read
    /// (`versions::read_chain`); kept so that the key is known.
    #[allow(dead_code)]
    pub extends: Option<String>,
    /// The base version's name.
    pub version_name: Option<String>,
    /// `[[versions]]`: resolved from the table (`versions::resolve`).
    #[allow(dead_code)]
    #[serde(default)]
    pub versions: Vec<toml::Value>,
    pub contract: Option<super::penalties::RawContract>,
    #[serde(default)]
    pub penalties: Vec<super::penalties::RawPenalty>,
}

/// `[sla]`.
#[derive(Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawSla {
    pub deadline_rules: Option<String>,
    pub rules_at: Option<String>,
}

impl RawPolicy {
    /// Reads the file's text; `file` names it in the error
    /// ([`Error::toml`]: the TOML reader's own text inside a sentence
    /// that says what to do).
    pub fn read(text: &str, file: &str) -> Result<RawPolicy> {
        toml::from_str(text).map_err(|e| Error::toml(file, &e))
    }
}

/// `[clock]`.
#[derive(Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawClock {
    pub start: Option<String>,
    pub response_at: Option<String>,
}

/// `[escalation]`.
#[derive(Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawEscalation {
    pub take_within: Option<String>,
}

/// `[matching]`.
#[derive(Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawMatching {
    #[serde(default)]
    pub from_events: Vec<String>,
}

/// `[checks]`.
#[derive(Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawChecks {
    #[serde(default)]
    pub paused_requires_note: bool,
    /// `12` or `"2%"` (also `"12"`).
    pub max_rejects: Option<RawMaxRejects>,
}

/// `[checks] max_rejects`: a count or a text (`"2%"`).
#[derive(Deserialize)]
#[serde(untagged)]
pub(super) enum RawMaxRejects {
    Count(i64),
    Text(String),
}

/// `[report]`.
#[derive(Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawReport {
    pub period: Option<ReportPeriod>,
    pub document: Option<String>,
    pub version: Option<String>,
    #[serde(default)]
    pub people: People,
    #[serde(default)]
    pub labels: Labels,
    #[serde(default)]
    pub signoff: Signoff,
    #[serde(default)]
    pub priority_order: Vec<String>,
}

/// `[targets_from_ticket]`.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawTicketTargets {
    pub response: Option<String>,
    pub resolution: Option<String>,
    pub numbers: Option<NumberUnit>,
}

/// One `[[targets]]` entry.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawTarget {
    pub name: Option<String>,
    #[serde(rename = "type")]
    pub type_: Option<OneOrMany>,
    pub priority: Option<OneOrMany>,
    pub category: Option<OneOrMany>,
    pub service: Option<OneOrMany>,
    pub group: Option<OneOrMany>,
    pub category_prefix: Option<OneOrMany>,
    pub service_prefix: Option<OneOrMany>,
    #[serde(default, rename = "where")]
    pub where_: BTreeMap<String, OneOrMany>,
    pub response: Option<String>,
    pub resolution: Option<String>,
    #[serde(default)]
    pub response_end_of_working_day: bool,
    #[serde(default)]
    pub resolution_end_of_working_day: bool,
}

/// A match key: one value or a list of accepted values.
#[derive(Deserialize)]
#[serde(untagged)]
pub(super) enum OneOrMany {
    One(String),
    Many(Vec<String>),
}

impl OneOrMany {
    /// The accepted values, folded with [`fold`].
    pub fn folded(self) -> Vec<String> {
        match self {
            OneOrMany::One(s) => vec![fold(&s)],
            OneOrMany::Many(v) => v.iter().map(|s| fold(s)).collect(),
        }
    }
}

/// `[exclude]`.
#[derive(Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawExclude {
    pub massive_affected_users: Option<i64>,
    #[serde(default)]
    pub types: Vec<String>,
    #[serde(default)]
    pub categories: Vec<String>,
    #[serde(default)]
    pub rules: Vec<RawExcludeRule>,
}

/// One `[[exclude.rules]]` entry.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawExcludeRule {
    pub reason: String,
    pub description: Option<String>,
    pub column: Option<String>,
    pub values: Option<OneOrMany>,
    pub final_status: Option<OneOrMany>,
    pub opened_between: Option<Vec<String>>,
    pub note: Option<OneOrMany>,
    pub any_status: Option<OneOrMany>,
}

/// `[close]`.
#[derive(Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawClose {
    pub auto_close_after: Option<String>,
    #[serde(default)]
    pub auto_close_notes: Vec<String>,
    #[serde(default)]
    pub requires_approval: bool,
    #[serde(default)]
    pub approval_notes: Vec<String>,
    pub validate_within: Option<String>,
}

/// `[survey]`.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawSurvey {
    #[serde(default = "default_satisfied")]
    pub satisfied_min: f64,
    #[serde(default = "default_scale")]
    pub scale_max: f64,
    pub applies_to: Option<RawKeys>,
    /// Question score columns of the surveys table: column -> label.
    #[serde(default)]
    pub questions: BTreeMap<String, String>,
    /// `first`, `last` or `mean`: a ticket answered several times.
    pub repeated: Option<String>,
    /// Comment groups: label -> keywords.
    #[serde(default)]
    pub comment_groups: BTreeMap<String, Vec<String>>,
}

impl Default for RawSurvey {
    fn default() -> RawSurvey {
        RawSurvey {
            satisfied_min: default_satisfied(),
            scale_max: default_scale(),
            applies_to: None,
            questions: BTreeMap::new(),
            repeated: None,
            comment_groups: BTreeMap::new(),
        }
    }
}

/// Match keys alone (`[survey] applies_to`).
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawKeys {
    #[serde(rename = "type")]
    pub type_: Option<OneOrMany>,
    pub priority: Option<OneOrMany>,
    pub category: Option<OneOrMany>,
    pub service: Option<OneOrMany>,
    pub group: Option<OneOrMany>,
    pub category_prefix: Option<OneOrMany>,
    pub service_prefix: Option<OneOrMany>,
}

fn default_tz() -> String {
    "America/Bogota".to_string()
}

fn default_satisfied() -> f64 {
    4.0
}

fn default_scale() -> f64 {
    5.0
}
