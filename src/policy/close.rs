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

/// `[close]`'s rules besides the automatic close (docs/CONTRACT.md
/// §3.6): whether a close needs the requester's approval, the notes that
/// record it, and the limit of the user's validation.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct CloseRules {
    /// `requires_approval`: a close needs the requester's approval (a
    /// survey answer by the close, or a note of `approval_notes`), unless
    /// it is the automatic close after `auto_close_after` (ICETEX: "el
    /// cierre solo con la aprobación del solicitante").
    pub requires_approval: bool,
    /// `approval_notes`: folded fragments of the note that records the
    /// requester's approval on an event of the final solved/closed run
    /// (ICETEX: "Se ha validado con el usuario"). Such a close is neither
    /// early nor without approval.
    pub approval_notes: Vec<String>,
    /// `validate_within`: the limit, in business time from the solution,
    /// within which the validation (the user's close or the automatic
    /// one) must come (USPEC: "Tiempo de Validación ... máximo de 1
    /// día").
    pub validate_within: Option<BizDuration>,
}

impl CloseRules {
    /// Reads the keys of `[close]`; an empty approval note is an error.
    pub(super) fn resolve(raw: &super::raw::RawClose) -> Result<CloseRules> {
        let approval_notes: Vec<String> =
            raw.approval_notes.iter().map(|s| fold(s)).collect();
        if approval_notes.iter().any(String::is_empty) {
            return Err(Error::input_msg(
                msg::closing::APPROVAL_NOTE_EMPTY,
                &[],
            ));
        }
        let validate_within = raw
            .validate_within
            .as_deref()
            .map(|s| duration("close.validate_within", s))
            .transpose()?;
        Ok(CloseRules {
            requires_approval: raw.requires_approval,
            approval_notes,
            validate_within,
        })
    }
}
