//! "Incumplimientos": the tickets that breached a target in the period
//! ([`crate::indicators::lists::breaches`]), longest overrun first.

use rust_xlsxwriter::Worksheet;

use crate::error::Result;
use crate::indicators::lists::Breach;
use crate::model::dataset::Attr;
use crate::report::Context;
use crate::text::Msg;
use crate::text::msg::{report, sheets as m};

use super::cells::{DATE_W, DUR_W, Formats, ID_W, SHORT_W, Sheet, TITLE_W};

/// The ticket's identification columns after id and title.
const ATTRS: [Attr; 5] = [
    Attr::Type,
    Attr::Priority,
    Attr::Category,
    Attr::Group,
    Attr::Assignee,
];

/// The columns after the ticket's identification.
const COLUMNS: [Msg; 12] = [
    m::BREACH_MEASURE,
    report::COL_OPENED,
    m::BREACH_RESPONDED,
    m::BREACH_SOLVED,
    report::COL_RESOLUTION_TARGET,
    m::BREACH_RESOLUTION_TIME,
    m::BREACH_OVERRUN,
    m::BREACH_RESPONSE_TARGET,
    m::BREACH_RESPONSE_TIME,
    m::BREACH_RESPONSE_OVERRUN,
    m::BREACH_PAUSED_TIME,
    m::BREACH_REOPENS,
];

/// Writes the sheet.
pub(super) fn write(
    ws: &mut Worksheet,
    f: &Formats,
    c: &Context<'_>,
) -> Result<()> {
    Sheet::ticket_list(
        ws,
        f,
        c,
        report::SHEET_BREACHES,
        &ATTRS,
        &COLUMNS,
        &[
            ID_W, TITLE_W, 14.0, 11.0, 16.0, 14.0, 14.0, 18.0, DATE_W, DATE_W,
            DATE_W, DUR_W, DUR_W, DUR_W, DUR_W, DUR_W, DUR_W, DUR_W, SHORT_W,
        ],
        &c.lists.breaches,
        row,
    )
}

/// One breached ticket on row `row`.
fn row(s: &mut Sheet<'_, '_>, row: u32, b: &Breach<'_>) -> Result<()> {
    let (c, f, r) = (s.c, s.f, b.row);
    let i = r.ticket as usize;
    s.ticket(row, i, &ATTRS)?;
    let what = match (b.resolution, b.response) {
        (true, true) => m::BREACHED_BOTH,
        (true, false) => m::BREACHED_RESOLUTION,
        _ => m::BREACHED_RESPONSE,
    };
    s.text(row, 7, &c.words.get(what))?;
    s.date(row, 8, Some(c.ds.tickets[i].opened_at))?;
    s.date(row, 9, r.responded_at)?;
    s.date(row, 10, r.solved_at)?;
    s.dur(row, 11, r.resolution_target_s)?;
    s.dur(row, 12, Some(r.resolution_s))?;
    s.dur(row, 13, r.resolution_overrun_s.filter(|v| *v > 0))?;
    s.dur(row, 14, r.response_target_s)?;
    s.dur(row, 15, Some(r.response_s))?;
    s.dur(row, 16, r.response_overrun_s.filter(|v| *v > 0))?;
    s.dur(row, 17, Some(r.paused_s))?;
    s.num(row, 18, Some(f64::from(r.reopen_count)), &f.int)
}
