//! The mapping file (`--mapping M.toml`): which column of an export is
//! which canonical column, how its dates are written, which values mean
//! "missing". Used by the generic source (event logs such as ServiceNow,
//! process-mining logs, Rabobank), by surveys, and by the database sources
//! to rename columns and set the CA SDM status pattern.
//!
//! ```toml
//! [input]
//! separator = ","                  # default: detected from the header
//! null_values = ["?", "#N/B"]      # cells meaning "missing" (any column)
//! decimal_comma = false            # "3871,69" -> "3871.69" in numbers
//! date_format = "%d/%m/%Y %H:%M"   # chrono pattern, "iso", "epoch", "auto"
//!
//! [tickets]                        # canonical column = source column
//! ticket_id = "number"
//! opened_at = "opened_at"          # default: the ticket's first event
//! priority = "priority"
//! attributes = ["made_sla"]        # extra columns kept (renamed as is)
//!
//! [events]
//! at = "sys_updated_at"
//! status = "incident_state"        # or several columns joined by " - "
//! status_null_values = ["-100"]    # a row with such a status is rejected
//! actor = "sys_updated_by"
//! snapshot = true                  # rows are ticket snapshots: ticket
//!                                  # columns come from its last row
//!
//! [surveys]
//! ticket_id = "Número del caso/ticket"
//! answered_at = "Marca temporal"
//! score = "Califique el servicio"
//! comment = "Comentarios"
//! max_score = 5
//!
//! [ca_sdm]
//! status_pattern = "to '([^']*)'\\s*$"
//! ```
//!
//! # Example
//!
//! ```
//! use plazo::source::mapping::Mapping;
//! let m = Mapping::from_toml(r#"
//!     [tickets]
//!     ticket_id = "Case ID"
//!     [events]
//!     at = "Complete Timestamp"
//!     status = "Activity"
//! "#, "m.toml").unwrap();
//! assert_eq!(m.events.at.as_deref(), Some("Complete Timestamp"));
//! ```

use std::borrow::Cow;
use std::collections::BTreeMap;
use std::path::Path;

use serde::Deserialize;

use crate::error::{Error, Result};
use crate::text::msg::source as msg;

/// A parsed mapping file.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Mapping {
    /// How the file is written.
    #[serde(default)]
    pub input: InputSpec,
    /// Ticket columns.
    #[serde(default)]
    pub tickets: TicketSpec,
    /// Event columns.
    #[serde(default)]
    pub events: EventSpec,
    /// Survey columns.
    #[serde(default)]
    pub surveys: SurveySpec,
    /// CA SDM settings.
    #[serde(default)]
    pub ca_sdm: CaSdmSpec,
}

/// `[input]`.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct InputSpec {
    /// The separator (one character; `\t` for TAB).
    pub separator: Option<String>,
    /// Cells that mean "missing".
    #[serde(default)]
    pub null_values: Vec<String>,
    /// Numbers are written with a decimal comma.
    #[serde(default)]
    pub decimal_comma: bool,
    /// Default date format of every date column.
    pub date_format: Option<String>,
}

/// One or several source columns.
#[derive(Clone, Debug, Deserialize)]
#[serde(untagged)]
pub enum Columns {
    /// One column.
    One(String),
    /// Several, joined with ` - `.
    Many(Vec<String>),
}

impl Columns {
    /// The source column names.
    pub fn names(&self) -> Vec<&str> {
        match self {
            Columns::One(s) => vec![s.as_str()],
            Columns::Many(v) => v.iter().map(String::as_str).collect(),
        }
    }
}

/// `[tickets]`: canonical column -> source column.
#[derive(Clone, Debug, Default, Deserialize)]
pub struct TicketSpec {
    /// `ticket_id` (required by the generic source).
    pub ticket_id: Option<String>,
    /// `opened_at`.
    pub opened_at: Option<String>,
    /// The format of `opened_at`.
    pub opened_at_format: Option<String>,
    /// Source columns kept as ticket attributes, under their own name.
    #[serde(default)]
    pub attributes: Vec<String>,
    /// Other canonical columns: type, priority, category, service, group,
    /// assignee, requester, channel, affected_users.
    #[serde(flatten)]
    pub columns: BTreeMap<String, String>,
}

/// `[events]`.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EventSpec {
    /// `at`.
    pub at: Option<String>,
    /// The format of `at`.
    pub at_format: Option<String>,
    /// `status`.
    pub status: Option<Columns>,
    /// Status values that make the row unusable (rejected).
    #[serde(default)]
    pub status_null_values: Vec<String>,
    /// `group`.
    pub group: Option<String>,
    /// `assignee`.
    pub assignee: Option<String>,
    /// `priority`.
    pub priority: Option<String>,
    /// `actor`.
    pub actor: Option<String>,
    /// `note`.
    pub note: Option<String>,
    /// Rows are ticket snapshots: ticket columns come from the last row.
    #[serde(default)]
    pub snapshot: bool,
}

/// `[surveys]`.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SurveySpec {
    /// The ticket number column.
    pub ticket_id: Option<String>,
    /// The answer time column.
    pub answered_at: Option<String>,
    /// Its format.
    pub answered_at_format: Option<String>,
    /// The score column.
    pub score: Option<String>,
    /// The comment column.
    pub comment: Option<String>,
    /// The top of the scale (the scale is the mapping's to declare).
    pub max_score: Option<f64>,
}

/// `[ca_sdm]`.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CaSdmSpec {
    /// The regex whose first group is the new status of an `ST` row.
    pub status_pattern: Option<String>,
}

/// Canonical ticket columns a mapping may name (besides id and opening).
pub const MAPPABLE: [&str; 9] = [
    "type",
    "priority",
    "category",
    "service",
    "group",
    "assignee",
    "requester",
    "channel",
    "affected_users",
];

impl Mapping {
    /// Reads a mapping file.
    ///
    /// # Errors
    ///
    /// The file cannot be read or is not a valid mapping (the message
    /// names the key).
    pub fn load(path: &Path) -> Result<Mapping> {
        let text =
            std::fs::read_to_string(path).map_err(|e| Error::io(path, &e))?;
        Mapping::from_toml(&text, &path.display().to_string())
    }

    /// Parses mapping text; `name` is used in messages.
    ///
    /// # Errors
    ///
    /// Invalid TOML or an unknown key.
    pub fn from_toml(text: &str, name: &str) -> Result<Mapping> {
        let m: Mapping =
            toml::from_str(text).map_err(|e| Error::toml(name, &e))?;
        for k in m.tickets.columns.keys() {
            if !MAPPABLE.contains(&k.as_str()) {
                return Err(Error::input_msg(
                    msg::MAPPING_UNKNOWN_TICKETS_KEY,
                    &[
                        ("file", &name),
                        ("key", &format!("{k:?}")),
                        ("known", &MAPPABLE.join(", ")),
                    ],
                ));
            }
        }
        Ok(m)
    }

    /// The separator byte, when set.
    ///
    /// # Errors
    ///
    /// A separator that is not one ASCII character.
    pub fn separator(&self) -> Result<Option<u8>> {
        match self.input.separator.as_deref() {
            None => Ok(None),
            Some("\\t") | Some("\t") | Some("tab") => Ok(Some(b'\t')),
            Some(s) if s.len() == 1 => Ok(Some(s.as_bytes()[0])),
            Some(s) => Err(Error::input_msg(
                msg::MAPPING_BAD_SEPARATOR,
                &[("value", &format!("{s:?}"))],
            )),
        }
    }

    /// Cleans a cell: trimmed, empty when it is a null value, decimal
    /// comma turned into a point when `numeric`.
    pub fn clean<'a>(&self, v: &'a str, numeric: bool) -> Cow<'a, str> {
        let t = crate::text::trim(v);
        if self.input.null_values.iter().any(|n| n == t) {
            return Cow::Borrowed("");
        }
        if numeric && self.input.decimal_comma && t.contains(',') {
            return Cow::Owned(decimal_point(t));
        }
        Cow::Borrowed(t)
    }
}

/// `"3871,691111"` -> `"3871.691111"`; other text unchanged.
pub fn decimal_point(t: &str) -> String {
    let digits =
        |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    match t.split_once(',') {
        Some((a, b)) if digits(a.trim_start_matches('-')) && digits(b) => {
            format!("{a}.{b}")
        }
        _ => t.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cleans_nulls_and_decimal_commas() {
        let m = Mapping::from_toml(
            "[input]\nnull_values = [\"#N/B\", \"?\"]\ndecimal_comma = true\n",
            "m",
        )
        .unwrap();
        assert_eq!(m.clean(" #N/B ", false), "");
        assert_eq!(m.clean("3871,691111", true), "3871.691111");
        assert_eq!(m.clean("Pérez, Ana", true), "Pérez, Ana");
    }

    #[test]
    fn unknown_keys_are_errors() {
        assert!(
            Mapping::from_toml("[tickets]\npriorty = \"p\"\n", "m").is_err()
        );
        assert!(Mapping::from_toml("[evnts]\n", "m").is_err());
    }
}
