//! "Suspensiones sin nota": the pauses begun in the period (by the
//! cutoff) whose event has no note, with `[checks]
//! paused_requires_note` ([`crate::indicators::lists::unnoted_pauses`]).

use rust_xlsxwriter::Worksheet;

use crate::error::Result;
use crate::model::dataset::Event;
use crate::report::Context;
use crate::text::Msg;
use crate::text::msg::{report, sheets as m};

use super::cells::{
    BRIEF_ATTRS, DATE_W, Formats, ID_W, PrintLayout, Sheet, TITLE_W,
    fit_titles, texts, ticket_heads,
};

/// The columns after the ticket's identification.
const COLUMNS: [Msg; 4] = [
    m::PAUSE_AT,
    m::PAUSE_LABEL,
    report::COL_GROUP,
    report::COL_TECHNICIAN,
];

/// Writes the sheet of `pauses` (ticket index, pause event).
pub(super) fn write(
    ws: &mut Worksheet,
    f: &Formats,
    c: &Context<'_>,
    pauses: &[(usize, &Event)],
) -> Result<()> {
    let lang = c.lang;
    let name = report::SHEET_UNNOTED_PAUSES.get(lang);
    let mut s = Sheet::named(ws, f, c, name)?;
    let mut heads = ticket_heads(&c.words, &BRIEF_ATTRS);
    heads.extend(texts(&c.words, &COLUMNS));
    s.headers(0, &heads)?;
    let w = [ID_W, TITLE_W, 14.0, 11.0, 16.0, DATE_W, 18.0, 22.0, 22.0];
    s.widths(&fit_titles(&w, &heads))?;
    let strings = &c.ds.strings;
    for (k, (i, e)) in pauses.iter().enumerate() {
        let row = 1 + k as u32;
        s.ticket(row, *i, &BRIEF_ATTRS)?;
        s.date(row, 5, Some(e.at))?;
        s.text(row, 6, strings.get(e.status))?;
        s.text(row, 7, strings.get(e.group))?;
        s.text(row, 8, strings.get(e.assignee))?;
    }
    let (rows, cols) = (pauses.len() as u32, heads.len() as u16);
    s.table(0, rows, cols)?;
    s.print_setup(&PrintLayout::list(true, 0, rows, cols - 1))
}
