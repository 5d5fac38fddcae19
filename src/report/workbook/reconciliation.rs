//! "Conciliación GLPI": plazo's figures beside GLPI's own SLA fields
//! (present when the tickets come from `--source glpi-tables`), with the
//! documented reason of each difference ([`crate::engine::reconcile`]).

use rust_xlsxwriter::Workbook;

use crate::engine::reconcile::{COLUMNS, Cmp, Row};
use crate::error::Result;
use crate::report::Context;
use crate::text::Msg;
use crate::text::msg::{report, sheets as m};
use crate::text::words::Words;

use super::cells::{
    DATE_W, DUR_W, Formats, PrintLayout, SHORT_W, Sheet, fit_titles,
};
use super::parts::{Columns, block, continued, note, plan};

/// The measures compared, in the order of [`COLUMNS`].
const MEASURES: [Msg; 7] = [
    report::COL_RESPONSE,
    report::COL_RESOLUTION,
    m::RECON_WAITING,
    m::RECON_TTO_DUE,
    m::RECON_TTR_DUE,
    m::RECON_TTO_BREACHED,
    m::RECON_TTR_BREACHED,
];

/// Writes the sheet of the compared tickets `recon` (continued on
/// numbered sheets past the row limit: [`super::parts`]).
pub(super) fn write(
    wb: &mut Workbook,
    f: &Formats,
    c: &Context<'_>,
    recon: &[Row],
) -> Result<()> {
    let name = report::SHEET_RECONCILIATION.get(c.lang);
    let mut s = Sheet::named(wb.add_worksheet(), f, c, name)?;
    let heads = headers(&c.words);
    let widths = fit_titles(&widths(), &heads);
    s.widths(&widths)?;
    let cols = Columns {
        heads: &heads,
        widths: &widths,
        tall: false,
    };
    let parts = plan(recon.len(), 0, 0, c.row_limit);
    let text = note(c, name, parts.len(), 1, recon.len());
    let text = (parts.len() > 1).then_some(text.as_str());
    let first = &recon[parts[0].clone()];
    let mut row = |s: &mut Sheet<'_, '_>, row: u32, r: &Row| {
        s.text(row, 0, &r.ticket_id)?;
        for (j, cmp) in r.cols.iter().enumerate() {
            compared(s, row, j, cmp)?;
        }
        s.yes_no(row, 1 + 3 * COLUMNS.len() as u16, Some(r.differs()))
    };
    let head = block(&mut s, 0, text, &cols, first, true, &mut row)?;
    let (rows, ncols) = (first.len() as u32, heads.len() as u16);
    s.print_setup(&PrintLayout::list(true, head, head + rows, ncols - 1))?;
    continued(wb, f, c, name, &cols, recon, &parts, true, row)
}

/// The columns' widths: the ticket, then each measure's two values
/// (durations, due dates, flags) and reason, then whether any differs.
fn widths() -> Vec<f64> {
    /// The longest reason key (`glpi_day_sla_wallclock_pending`).
    const REASON_W: f64 = 32.0;
    let mut w = vec![12.0];
    for j in 0..MEASURES.len() {
        let v = match j {
            0..=2 => DUR_W,
            3 | 4 => DATE_W,
            _ => SHORT_W,
        };
        w.extend([v, v, REASON_W]);
    }
    w.push(SHORT_W);
    w
}

/// Ticket, then plazo's value, GLPI's and the reason for each measure,
/// then whether any differs.
fn headers(w: &Words) -> Vec<String> {
    let lang = w.lang();
    let mut heads = vec![w.get(report::COL_TICKET)];
    for measure in MEASURES {
        let measure = w.get(measure);
        let args: &[(&str, &dyn std::fmt::Display)] = &[("measure", &measure)];
        heads.push(m::RECON_PLAZO.fill(lang, args));
        heads.push(m::RECON_GLPI.fill(lang, args));
        heads.push(m::RECON_REASON.fill(lang, args));
    }
    heads.push(m::RECON_DIFFERS.get(lang).to_string());
    heads
}

/// Measure `j`'s three cells on `row`: durations (response, resolution,
/// waiting), due dates (TTO, TTR) or flags (breached).
fn compared(
    s: &mut Sheet<'_, '_>,
    row: u32,
    j: usize,
    cmp: &Cmp,
) -> Result<()> {
    let col = 1 + 3 * j as u16;
    match j {
        0..=2 => {
            s.dur(row, col, cmp.plazo)?;
            s.dur(row, col + 1, cmp.glpi)?;
        }
        3 | 4 => {
            s.date(row, col, cmp.plazo)?;
            s.date(row, col + 1, cmp.glpi)?;
        }
        _ => {
            s.yes_no(row, col, cmp.plazo.map(|v| v == 1))?;
            s.yes_no(row, col + 1, cmp.glpi.map(|v| v == 1))?;
        }
    }
    s.text(row, col + 2, cmp.reason.map_or("", |x| x.key()))
}
