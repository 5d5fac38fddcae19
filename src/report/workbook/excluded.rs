//! "Excluidos": the tickets opened in the period and excluded from the
//! targets ([`crate::indicators::lists::excluded`]), with the reason.

use rust_xlsxwriter::Worksheet;

use crate::error::Result;
use crate::report::Context;
use crate::text::Msg;
use crate::text::msg::{report, sheets as m};

use super::cells::{BRIEF_ATTRS, Formats, Sheet, texts, ticket_heads};

/// The columns after the ticket's identification.
const COLUMNS: [Msg; 3] = [
    report::COL_OPENED,
    m::EXCLUDED_REASON,
    m::EXCLUDED_REASON_ID,
];

/// Writes the sheet.
pub(super) fn write(
    ws: &mut Worksheet,
    f: &Formats,
    c: &Context<'_>,
) -> Result<()> {
    let lang = c.lang;
    let name = report::SHEET_EXCLUDED.get(lang);
    let mut s = Sheet::named(ws, f, c, name)?;
    let mut heads = ticket_heads(lang, &BRIEF_ATTRS);
    heads.extend(texts(lang, &COLUMNS));
    s.headers(0, &heads)?;
    s.widths(&[12.0, 36.0, 14.0, 11.0, 16.0, 16.0, 26.0, 18.0])?;
    let list = &c.lists.excluded;
    for (k, (r, e)) in list.iter().enumerate() {
        let (row, i) = (1 + k as u32, r.ticket as usize);
        s.ticket(row, i, &BRIEF_ATTRS)?;
        s.date(row, 5, Some(c.ds.tickets[i].opened_at))?;
        s.text(row, 6, e.describe_in(c.policy, lang))?;
        s.text(row, 7, e.name(c.policy))?;
    }
    s.table(0, list.len() as u32, heads.len() as u16)
}
