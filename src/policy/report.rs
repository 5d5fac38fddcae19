//! `[report]` beyond the period, and the top-level `assumed` list: what
//! the filed document is (code, version, sign-off), the entity's own
//! words for tickets and people (`[report.labels]`), how people are
//! shown (`people`), the priorities' severity order, and which policy
//! values are assumptions rather than the entity's rules.
//!
//! ```toml
//! assumed = ["calendar.hours", "targets", "survey.scale"]
//!
//! [report]
//! period = "month"
//! document = "FO-DE-15"
//! version = "03"
//! people = "initials"            # names (default) | initials | pseudonyms
//! priority_order = ["Alta", "Media", "Baja"]
//!
//! [report.labels]
//! ticket = "caso"                # tickets = "casos" by default
//! assignee = "especialista"
//! response = "atención"
//!
//! [report.signoff]
//! prepared_by = "Profesional de calidad"
//! reviewed_by = "Coordinador de la Mesa"
//! approved_by = "Jefe de la Oficina de TI"
//! ```

use serde::Deserialize;

use crate::error::{Error, Result};
use crate::text::lang::Lang;
use crate::text::msg::policy as m;
pub use crate::text::plural;
use crate::text::words::Words;

/// The policy values that `assumed` may name.
pub const ASSUMABLE: [&str; 12] = [
    "calendar.hours",
    "calendar.extra_closed_days",
    "states",
    "targets",
    "exclude",
    "close",
    "survey.scale",
    "survey.applies_to",
    "indicators",
    "clock",
    "matching",
    "escalation",
];

/// How people (technicians, requesters) appear in every output.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum People {
    /// As the tool exports them.
    #[default]
    Names,
    /// Initials only ("María Pérez Gómez" → "M. P. G.").
    Initials,
    /// A stable pseudonym per person, no part of the name.
    Pseudonyms,
}

impl People {
    /// `names`, `initials` or `pseudonyms`.
    pub fn key(self) -> &'static str {
        match self {
            People::Names => "names",
            People::Initials => "initials",
            People::Pseudonyms => "pseudonyms",
        }
    }
}

/// `[report.labels]`: the entity's words; `None` keeps the report
/// language's default.
#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Labels {
    /// One ticket ("caso", "solicitud").
    pub ticket: Option<String>,
    /// Several tickets (default: `ticket` with an `s`, or `es` after a
    /// consonant).
    pub tickets: Option<String>,
    /// The person assigned ("especialista", "técnico").
    pub assignee: Option<String>,
    /// Several of them.
    pub assignees: Option<String>,
    /// The first response ("atención").
    pub response: Option<String>,
    /// The resolution ("solución").
    pub resolution: Option<String>,
    /// The resolver group ("grupo de especialistas").
    pub group: Option<String>,
    /// The person who asked ("usuario", "solicitante").
    pub requester: Option<String>,
}

impl Labels {
    /// The plural of `ticket` when `tickets` is not given.
    pub fn tickets(&self) -> Option<String> {
        self.tickets
            .clone()
            .or_else(|| self.ticket.as_deref().map(plural))
    }

    /// The report's words in `lang`: these labels over the language's
    /// defaults (docs/CONTRACT.md §2.7).
    pub fn words(&self, lang: Lang) -> Words {
        let all = [
            ("ticket", &self.ticket),
            ("tickets", &self.tickets),
            ("assignee", &self.assignee),
            ("assignees", &self.assignees),
            ("response", &self.response),
            ("resolution", &self.resolution),
            ("group", &self.group),
            ("requester", &self.requester),
        ];
        let given: Vec<(&str, &str)> = all
            .iter()
            .filter_map(|(k, v)| v.as_deref().map(|v| (*k, v)))
            .collect();
        Words::new(lang, &given)
    }

    /// The plural of `assignee` when `assignees` is not given.
    pub fn assignees(&self) -> Option<String> {
        self.assignees
            .clone()
            .or_else(|| self.assignee.as_deref().map(plural))
    }
}

/// `[report.signoff]`: who prepared, reviewed and approved the report.
#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Signoff {
    /// Elaboró.
    pub prepared_by: Option<String>,
    /// Revisó.
    pub reviewed_by: Option<String>,
    /// Aprobó.
    pub approved_by: Option<String>,
}

/// `[report]` resolved (without the period, kept apart).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ReportSettings {
    /// The document's code (`FO-DE-15`).
    pub document: Option<String>,
    /// The document's version (`03`).
    pub version: Option<String>,
    /// How people appear.
    pub people: People,
    /// The entity's words.
    pub labels: Labels,
    /// The sign-off block's names.
    pub signoff: Signoff,
    /// Priorities from most to least severe, as the tool writes them.
    pub priority_order: Vec<String>,
}

/// Checks `assumed`: every entry is one of [`ASSUMABLE`], once.
///
/// # Errors
///
/// An unknown or repeated entry, naming it and the accepted ones.
pub(super) fn assumed(raw: &[String]) -> Result<Vec<String>> {
    let mut out: Vec<String> = Vec::new();
    for a in raw {
        let a = a.trim();
        if !ASSUMABLE.contains(&a) {
            return Err(Error::input_msg(
                m::ASSUMED_UNKNOWN,
                &[("value", &a), ("known", &ASSUMABLE.join(", "))],
            ));
        }
        if out.iter().any(|o| o == a) {
            return Err(Error::input_msg(m::ASSUMED_TWICE, &[("value", &a)]));
        }
        out.push(a.to_string());
    }
    Ok(out)
}

/// Checks the labels: none empty.
///
/// # Errors
///
/// An empty label, naming its key.
pub(super) fn check_labels(l: &Labels) -> Result<()> {
    let all = [
        ("ticket", &l.ticket),
        ("tickets", &l.tickets),
        ("assignee", &l.assignee),
        ("assignees", &l.assignees),
        ("response", &l.response),
        ("resolution", &l.resolution),
        ("group", &l.group),
        ("requester", &l.requester),
    ];
    for (k, v) in all {
        if v.as_deref().is_some_and(|v| v.trim().is_empty()) {
            return Err(Error::input_msg(m::LABEL_EMPTY, &[("key", &k)]));
        }
    }
    Ok(())
}
