//! "Cambios A vs B" (`plazo whatif`): the tickets whose verdict on a
//! measure differs between policies A and B
//! ([`crate::indicators::whatif::flips`]), with the business time
//! counted and the target under each; met-to-breached first.

use rust_xlsxwriter::Workbook;

use crate::error::Result;
use crate::indicators::whatif::{Flip, Verdict};
use crate::model::dataset::Attr;
use crate::model::measure::Measure;
use crate::report::Context;
use crate::report::whatif::Comparison;
use crate::text::msg::whatif as m;

use super::cells::{
    DUR_W, Formats, ID_W, PrintLayout, Sheet, TITLE_W, fit_titles,
    ticket_heads,
};
use super::parts::{Columns, block, continued, note, plan};

/// The ticket's identification columns after id and title.
const ATTRS: [Attr; 4] =
    [Attr::Type, Attr::Priority, Attr::Category, Attr::Group];

/// Writes the sheet, named `name` (continued on numbered sheets past
/// the row limit: [`super::parts`]).
pub(super) fn write(
    wb: &mut Workbook,
    f: &Formats,
    c: &Comparison<'_, '_>,
    name: &str,
) -> Result<()> {
    let a = c.a;
    let w = &a.words;
    let mut s = Sheet::named(wb.add_worksheet(), f, a, name)?;
    let mut heads = ticket_heads(w, &ATTRS);
    heads.push(w.get(m::COL_MEASURE));
    for col in [m::COL_VERDICT, m::COL_BUSINESS, m::COL_TARGET] {
        heads.push(w.fill(col, &[("label", &c.label_a)]));
        heads.push(w.fill(col, &[("label", &c.label_b)]));
    }
    let widths = fit_titles(
        &[
            ID_W, TITLE_W, 12.0, 11.0, 16.0, 16.0, 12.0, 14.0, 14.0, DUR_W,
            DUR_W, DUR_W, DUR_W,
        ],
        &heads,
    );
    s.widths(&widths)?;
    let cols = Columns {
        heads: &heads,
        widths: &widths,
        tall: true,
    };
    let list = &c.flips;
    let parts = plan(list.len(), 0, 0, a.row_limit);
    let text = note(a, name, parts.len(), 1, list.len());
    let text = (parts.len() > 1).then_some(text.as_str());
    let first = &list[parts[0].clone()];
    let mut row = |s: &mut Sheet<'_, '_>, r: u32, fl: &Flip| flip(s, c, r, fl);
    let head = block(&mut s, 0, text, &cols, first, true, &mut row)?;
    let rows = first.len() as u32;
    if list.is_empty() {
        s.text(1, 0, &w.get(m::NO_FLIPS))?;
    }
    let ncols = heads.len() as u16;
    s.print_setup(&PrintLayout::list(
        true,
        head,
        head + rows.max(1),
        ncols - 1,
    ))?;
    continued(wb, f, a, name, &cols, list, &parts, true, row)
}

/// One flip on row `row`.
fn flip(
    s: &mut Sheet<'_, '_>,
    c: &Comparison<'_, '_>,
    row: u32,
    fl: &Flip,
) -> Result<()> {
    let w = &c.a.words;
    s.ticket(row, fl.a.ticket as usize, &ATTRS)?;
    let measure = match fl.measure {
        Measure::Response => m::MEASURE_RESPONSE,
        Measure::Resolution => m::MEASURE_RESOLUTION,
    };
    s.text(row, 6, &w.get(measure))?;
    s.text(row, 7, &verdict(c.a, fl.a.verdict))?;
    s.text(row, 8, &verdict(c.b, fl.b.verdict))?;
    s.dur(row, 9, Some(fl.a.business_s))?;
    s.dur(row, 10, Some(fl.b.business_s))?;
    s.dur(row, 11, fl.a.target_s)?;
    s.dur(row, 12, fl.b.target_s)
}

/// A verdict in words, an exclusion with its reason under `c`'s policy.
pub(super) fn verdict(c: &Context<'_>, v: Verdict) -> String {
    match v {
        Verdict::Met => c.words.get(m::VERDICT_MET),
        Verdict::Breached => c.words.get(m::VERDICT_BREACHED),
        Verdict::None => c.words.get(m::VERDICT_NONE),
        Verdict::Excluded(e) => c.words.fill(
            m::VERDICT_EXCLUDED,
            &[("reason", &e.describe_in(c.policy, c.lang))],
        ),
    }
}
