//! `timezone` and `[calendar]`: the policy's time zone and its business
//! calendar (the table itself is checked by
//! [`CalendarSpec::from_config`]).

use std::path::Path;

use chrono_tz::Tz;

use crate::calendar::{Calendar, CalendarConfig, CalendarSpec};
use crate::error::{Error, Result};
use crate::text::msg;

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
        Error::input_msg(
            msg::policy::TZ_UNKNOWN,
            &[("name", &format!("{name:?}"))],
        )
    })
}

/// The policy's time zone (`timezone`) and calendar (`[calendar]`);
/// relative holiday file paths are taken from the folder of `path`, the
/// policy file.
pub(super) fn resolve(
    timezone: &str,
    cfg: &CalendarConfig,
    path: &Path,
) -> Result<(Tz, Calendar)> {
    let tz = parse_tz(timezone).map_err(|e| e.at("timezone"))?;
    let base = path.parent().unwrap_or(Path::new("."));
    let spec = CalendarSpec::from_config(tz, cfg, base)?;
    Ok((tz, Calendar::new(spec)))
}
