//! "Suspensiones sin nota": the pauses begun in the period (by the
//! cutoff) whose event has no note, with `[checks]
//! paused_requires_note` ([`crate::indicators::lists::unnoted_pauses`]).

use rust_xlsxwriter::Worksheet;

use crate::error::Result;
use crate::model::dataset::Event;
use crate::report::Context;
use crate::text::Msg;
use crate::text::msg::{report, sheets as m};

use super::cells::{BRIEF_ATTRS, DATE_W, Formats, ID_W, Sheet, TITLE_W};

/// The columns after the ticket's identification.
const COLUMNS: [Msg; 4] = [
    m::PAUSE_AT,
    m::PAUSE_LABEL,
    report::COL_GROUP,
    report::COL_TECHNICIAN,
];

/// Writes the sheet of `pauses` (ticket index, pause event): a ticket
/// list like "Incumplimientos" ([`Sheet::ticket_list`]).
pub(super) fn write(
    ws: &mut Worksheet,
    f: &Formats,
    c: &Context<'_>,
    pauses: &[(usize, &Event)],
) -> Result<()> {
    let strings = &c.ds.strings;
    Sheet::ticket_list(
        ws,
        f,
        c,
        report::SHEET_UNNOTED_PAUSES,
        &BRIEF_ATTRS,
        &COLUMNS,
        &[ID_W, TITLE_W, 14.0, 11.0, 16.0, DATE_W, 18.0, 22.0, 22.0],
        pauses,
        |s, row, (i, e)| {
            s.ticket(row, *i, &BRIEF_ATTRS)?;
            s.date(row, 5, Some(e.at))?;
            s.text(row, 6, strings.get(e.status))?;
            s.text(row, 7, strings.get(e.group))?;
            s.text(row, 8, strings.get(e.assignee))
        },
    )
}
