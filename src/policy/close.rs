//! `[close]`: when a solved ticket is expected to close by itself, and
//! how the tool's automatic close shows in its notes.

use super::targets::duration;
use crate::error::{Error, Result};
use crate::text::{fold, msg};
use crate::time::BizDuration;

/// `[close] auto_close_after`, read as a business duration.
pub(super) fn auto_close_after(
    raw: Option<&str>,
) -> Result<Option<BizDuration>> {
    raw.map(|s| duration("close.auto_close_after", s))
        .transpose()
}

/// `[close] auto_close_notes`, folded; none may be empty.
pub(super) fn auto_close_notes(raw: &[String]) -> Result<Vec<String>> {
    let notes: Vec<String> = raw.iter().map(|s| fold(s)).collect();
    if notes.iter().any(String::is_empty) {
        return Err(Error::input_msg(msg::policy::AUTO_CLOSE_NOTE_EMPTY, &[]));
    }
    Ok(notes)
}
