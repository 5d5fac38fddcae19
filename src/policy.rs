//! The policy file: one TOML file per entity (CONTRACT section 2).
//!
//! This module reads the keys that the calendar needs (`name`,
//! `timezone`, `[calendar]`) and keeps the SLA tables (`[states]`,
//! `[[targets]]`, `[exclude]`, `[close]`, `[survey]`, `[indicators]`) for
//! the SLA engine. Unknown top-level keys are errors, so a typo such as
//! `[calender]` is caught instead of silently ignored.
//!
//! # Example
//!
//! ```
//! use plazo::Policy;
//! let p = Policy::from_toml(r#"
//!     name = "24x7"
//!     timezone = "Europe/Madrid"
//!     [calendar]
//!     always = true
//! "#, "p.toml".as_ref())?;
//! assert_eq!(p.name(), "24x7");
//! assert!(p.calendar().is_always());
//! # Ok::<(), plazo::Error>(())
//! ```

use std::path::{Path, PathBuf};

use chrono_tz::Tz;
use serde::Deserialize;

use crate::calendar::{Calendar, CalendarConfig, CalendarSpec};
use crate::error::{Error, Result};

/// A loaded entity policy.
#[derive(Clone, Debug)]
pub struct Policy {
    name: String,
    tz: Tz,
    calendar: Calendar,
    path: PathBuf,
    raw: RawPolicy,
}

/// The policy file as written (tables the calendar does not use are kept
/// as TOML for the SLA engine).
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawPolicy {
    name: String,
    #[serde(default = "default_tz")]
    timezone: String,
    calendar: CalendarConfig,
    #[serde(default)]
    #[allow(dead_code)]
    states: Option<toml::Table>,
    #[serde(default)]
    #[allow(dead_code)]
    targets: Option<Vec<toml::Table>>,
    #[serde(default)]
    #[allow(dead_code)]
    exclude: Option<toml::Table>,
    #[serde(default)]
    #[allow(dead_code)]
    close: Option<toml::Table>,
    #[serde(default)]
    #[allow(dead_code)]
    survey: Option<toml::Table>,
    #[serde(default)]
    #[allow(dead_code)]
    indicators: Option<toml::Table>,
}

fn default_tz() -> String {
    "America/Bogota".to_string()
}

/// Parses an IANA time zone name, with an error that says how to fix it.
///
/// # Errors
///
/// An input error quoting the name.
///
/// # Example
///
/// ```
/// assert!(plazo::policy::parse_tz("America/Bogota").is_ok());
/// assert!(plazo::policy::parse_tz("America/Bogot").is_err());
/// ```
pub fn parse_tz(name: &str) -> Result<Tz> {
    name.trim().parse::<Tz>().map_err(|_| {
        Error::input(
            format!(
                "zona horaria desconocida {name:?}: use un nombre IANA como \
                 \"America/Bogota\""
            ),
            format!(
                "unknown time zone {name:?}: use an IANA name such as \
                 \"America/Bogota\""
            ),
        )
    })
}

impl Policy {
    /// Reads and checks a policy file.
    ///
    /// # Errors
    ///
    /// The file cannot be read, or any error of [`Policy::from_toml`],
    /// prefixed with the file's path.
    pub fn load(path: &Path) -> Result<Policy> {
        let text =
            std::fs::read_to_string(path).map_err(|e| Error::io(path, &e))?;
        Policy::from_toml(&text, path)
    }

    /// Parses a policy from TOML text; `path` names it in errors and
    /// anchors relative holiday file paths.
    ///
    /// # Errors
    ///
    /// Input errors prefixed with the path: TOML syntax or unknown keys
    /// (with line and column), an unknown time zone, and every calendar
    /// error of [`CalendarSpec::from_config`].
    pub fn from_toml(text: &str, path: &Path) -> Result<Policy> {
        let place = path.display().to_string();
        let raw: RawPolicy = toml::from_str(text).map_err(|e| {
            let m = e.to_string();
            Error::input(m.clone(), m).at(&place)
        })?;
        let tz = parse_tz(&raw.timezone)
            .map_err(|e| e.at("timezone").at(&place))?;
        let base = path.parent().unwrap_or(Path::new("."));
        let spec = CalendarSpec::from_config(tz, &raw.calendar, base)
            .map_err(|e| e.at(&place))?;
        Ok(Policy {
            name: raw.name.clone(),
            tz,
            calendar: Calendar::new(spec),
            path: path.to_path_buf(),
            raw,
        })
    }

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

    /// The file the policy was read from.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The `[calendar]` table as written.
    pub fn calendar_config(&self) -> &CalendarConfig {
        &self.raw.calendar
    }
}
