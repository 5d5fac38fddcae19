//! "Sin solución": the tickets whose final answer, given in the period,
//! was "Sin Solución" (state `unresolved`,
//! [`crate::indicators::lists::unresolved`]): when, under which label and
//! why (the note of that event). They are counted in
//! `tickets_unresolved` and left out of resolution compliance.

use rust_xlsxwriter::Workbook;

use crate::error::Result;
use crate::model::dataset::Event;
use crate::policy::State;
use crate::report::Context;
use crate::text::Msg;
use crate::text::msg::outcomes as m;

use super::cells::{BRIEF_ATTRS, DATE_W, Formats, ID_W, TITLE_W};

/// The columns after the ticket's identification.
const COLUMNS: [Msg; 3] =
    [m::UNRESOLVED_AT, m::UNRESOLVED_LABEL, m::UNRESOLVED_NOTE];

/// Writes the sheet ([`super::parts::ticket_list`]).
pub(super) fn write(
    wb: &mut Workbook,
    f: &Formats,
    c: &Context<'_>,
) -> Result<()> {
    let strings = &c.ds.strings;
    super::parts::ticket_list(
        wb,
        f,
        c,
        m::SHEET_UNRESOLVED,
        &BRIEF_ATTRS,
        &COLUMNS,
        &[ID_W, TITLE_W, 14.0, 11.0, 16.0, DATE_W, 16.0, 40.0],
        &c.lists.unresolved,
        0,
        |s, row, r| {
            let i = r.ticket as usize;
            s.ticket(row, i, &BRIEF_ATTRS)?;
            s.date(row, 5, r.solved_at.get())?;
            if let Some(e) = answer(c, i, r.solved_at.get()) {
                s.text(row, 6, strings.get(e.status))?;
                s.text(row, 7, strings.get(e.note).trim())?;
            }
            Ok(())
        },
    )
    .map(|_| ())
}

/// The last event of ticket `i` by the cutoff that entered an
/// `unresolved` label (at or after `from`, when the final run began).
fn answer<'a>(
    c: &Context<'a>,
    i: usize,
    from: Option<i64>,
) -> Option<&'a Event> {
    let cut = c.cutoff.unix();
    c.ds.events_of(i).iter().rev().find(|e| {
        e.at <= cut
            && from.is_none_or(|f| e.at >= f)
            && c.policy.state_of(c.ds.strings.get(e.status))
                == Some(State::Unresolved)
    })
}
