//! "En riesgo": tickets open at the cutoff whose unfinished measure is
//! breached or at risk ([`crate::indicators::lists::at_risk`]), most
//! overdue first.

use rust_xlsxwriter::Workbook;

use crate::engine::output::worst;
use crate::engine::{Class, SlaRow};
use crate::error::Result;
use crate::model::dataset::Attr;
use crate::report::Context;
use crate::text::Msg;
use crate::text::msg::{report, sheets as m};

use super::cells::{DATE_W, DUR_W, Formats, ID_W, Sheet, TITLE_W};

/// The ticket's identification columns after id and title.
const ATTRS: [Attr; 4] =
    [Attr::Priority, Attr::Category, Attr::Group, Attr::Assignee];

/// The columns after the ticket's identification.
const COLUMNS: [Msg; 7] = [
    report::COL_OPENED,
    m::RISK_STATE,
    m::RISK_STANDING,
    m::RISK_DUE,
    m::RISK_HOURS_LEFT,
    m::RISK_TIME_USED,
    report::COL_RESOLUTION_TARGET,
];

/// Writes the sheet.
pub(super) fn write(
    wb: &mut Workbook,
    f: &Formats,
    c: &Context<'_>,
) -> Result<()> {
    super::parts::ticket_list(
        wb,
        f,
        c,
        report::SHEET_AT_RISK,
        &ATTRS,
        &COLUMNS,
        &[
            ID_W, TITLE_W, 11.0, 16.0, 14.0, 14.0, DATE_W, 14.0, 14.0, DATE_W,
            14.0, DUR_W, DUR_W,
        ],
        &c.lists.at_risk,
        0,
        |s, k, r| row(s, k, r),
    )
    .map(|_| ())
}

/// One ticket on row `row`.
fn row(s: &mut Sheet<'_, '_>, row: u32, r: &SlaRow) -> Result<()> {
    let (c, f) = (s.c, s.f);
    let i = r.ticket as usize;
    s.ticket(row, i, &ATTRS)?;
    s.date(row, 6, Some(c.ds.tickets[i].opened_at))?;
    s.text(row, 7, r.state.map_or("", |st| st.label(c.lang)))?;
    let standing = match worst(r) {
        Some(Class::Breached) => m::RISK_OVERDUE,
        _ => m::RISK_AT_RISK,
    };
    s.text(row, 8, standing.get(c.lang))?;
    s.date(row, 9, r.resolution_due_at.get())?;
    let left = r
        .resolution_target_s
        .get()
        .map(|t| (t - r.resolution_s) as f64 / 3600.0);
    s.num(row, 10, left, &f.num)?;
    s.dur(row, 11, Some(r.resolution_s))?;
    s.dur(row, 12, r.resolution_target_s.get())
}
