//! `[escalation]` and `[clock] response_at`: how the attention of each
//! escalation level is judged, and which instant is the response
//! (docs/SLA.md "Escalations" and "The response instant").

use crate::error::{Error, Result};
use crate::text::msg;
use crate::time::BizDuration;

use super::targets::duration;

/// `[escalation] take_within`: the target for a new level to take an
/// escalated case.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TakeWithin {
    /// The ticket's own response target (its criticality's attention
    /// time): each owner must take the case within it.
    Response,
    /// A fixed business duration.
    Duration(BizDuration),
}

/// `[clock] response_at`: which instant ends the response clock.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum ResponseAt {
    /// The first status change away from `new` (the default).
    #[default]
    FirstChange,
    /// The tickets' `taken_at` instant (GLPI's `takeintoaccountdate`)
    /// where a ticket has one; else the first change.
    Taken,
}

impl ResponseAt {
    /// The key as the policy writes it.
    pub fn key(self) -> &'static str {
        match self {
            ResponseAt::FirstChange => "first_change",
            ResponseAt::Taken => "taken",
        }
    }
}

/// Reads `[escalation] take_within`: `"response"` or a duration.
pub(super) fn take_within(raw: Option<&str>) -> Result<Option<TakeWithin>> {
    let Some(s) = raw.map(str::trim) else {
        return Ok(None);
    };
    if s == "response" {
        return Ok(Some(TakeWithin::Response));
    }
    duration("escalation.take_within", s)
        .map(|d| Some(TakeWithin::Duration(d)))
}

/// Reads `[clock] response_at`.
pub(super) fn response_at(raw: Option<&str>) -> Result<ResponseAt> {
    match raw.map(str::trim) {
        None | Some("first_change") => Ok(ResponseAt::FirstChange),
        Some("taken") => Ok(ResponseAt::Taken),
        Some(other) => Err(Error::input_msg(
            msg::escalations::RESPONSE_AT_UNKNOWN,
            &[("value", &other)],
        )),
    }
}
