//! "Excluidos": the tickets opened in the period and excluded from the
//! targets ([`crate::indicators::lists::excluded`]), with the reason.

use rust_xlsxwriter::Workbook;

use crate::error::Result;
use crate::report::Context;
use crate::text::Msg;
use crate::text::msg::{report, sheets as m};

use super::cells::{BRIEF_ATTRS, DATE_W, Formats, ID_W, TITLE_W};

/// The columns after the ticket's identification.
const COLUMNS: [Msg; 3] = [
    report::COL_OPENED,
    m::EXCLUDED_REASON,
    m::EXCLUDED_REASON_ID,
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
        report::SHEET_EXCLUDED,
        &BRIEF_ATTRS,
        &COLUMNS,
        &[ID_W, TITLE_W, 14.0, 11.0, 16.0, DATE_W, 26.0, 18.0],
        &c.lists.excluded,
        0,
        |s, row, (r, e)| {
            let i = r.ticket as usize;
            s.ticket(row, i, &BRIEF_ATTRS)?;
            s.date(row, 5, Some(c.ds.tickets[i].opened_at))?;
            let p = c.policy.version_policy(r.version);
            s.text(row, 6, e.describe_in(p, c.lang))?;
            s.text(row, 7, e.name(p))
        },
    )
    .map(|_| ())
}
