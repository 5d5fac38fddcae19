//! "Por versión de la política" (only when the policy has
//! `[[versions]]`, docs/CONTRACT.md §2.8): every indicator the policy
//! measures, computed over the tickets each version measured (one row
//! per version, the base first, whether or not it measured any), then
//! the all-tickets total. The suspensions and escalations, counted from
//! the events, are left out. Each ticket counts under exactly one version,
//! so the counts of the rows add up to the total.

use rust_xlsxwriter::Worksheet;

use crate::error::Result;
use crate::indicators::{Dim, Fold, Line};
use crate::report::Context;
use crate::text::msg::{sheets, versions as m};

use super::by_dimension::{indicator_heads, values};
use super::cells::{Formats, PrintLayout, Sheet, xerr};

/// The indicators computed from the tickets' rows alone: not the
/// suspensions nor the escalations, which are counted from the events.
fn per_ticket(id: &str) -> bool {
    !id.starts_with("pauses") && !id.starts_with("escalation")
}

/// Whether the sheet is in the workbook.
pub(super) fn shown(c: &Context<'_>) -> bool {
    c.policy.has_versions()
}

/// The period's line of indicators of each version (0: the base).
pub(super) fn version_lines(c: &Context<'_>) -> Vec<Line> {
    if let Some(lines) = &c.version_lines {
        return lines.clone();
    }
    let sat = c.policy.survey().satisfied_min;
    let cut = c.cutoff.unix();
    // The rows of each version, taken in place (as the read by windows
    // adds them up: report::Folds), not copied.
    (0..=c.policy.versions().len() as u16)
        .map(|v| {
            let mut fold = Fold::new(c.period, sat, cut, &[Dim::All]);
            fold.add_if(c.ds, c.rows, |r| r.version == v);
            fold.finish().into_iter().next().expect("the all line")
        })
        .collect()
}

/// Writes the sheet.
pub(super) fn write(
    ws: &mut Worksheet,
    f: &Formats,
    c: &Context<'_>,
) -> Result<()> {
    let lang = c.lang;
    let name = super::cells::sheet_name(&c.words, m::SHEET_BY_VERSION);
    let mut s = Sheet::named(ws, f, c, &name)?;
    let mut heads =
        vec![c.words.get(m::COL_VERSION), c.words.get(m::COL_FROM)];
    heads.extend(indicator_heads(c, per_ticket));
    let cols = heads.len() as u16;
    s.headers(0, &heads)?;
    s.ws.set_row_height(0, 60).map_err(xerr)?;
    s.ws.set_column_width(0, 28).map_err(xerr)?;
    s.ws.set_column_width(1, 16).map_err(xerr)?;
    for i in 2..cols {
        s.ws.set_column_width(i, 14).map_err(xerr)?;
    }
    let lines = version_lines(c);
    let base_from = m::BASE_FROM.get(lang);
    for (v, l) in lines.iter().enumerate() {
        let r = 1 + v as u32;
        let p = c.policy.version_policy(v as u16);
        s.text(r, 0, p.version_name())?;
        s.text(r, 1, c.policy.version_from(v as u16).unwrap_or(base_from))?;
        values(&mut s, r, 2, l, per_ticket)?;
    }
    let r = 1 + lines.len() as u32;
    s.text_f(r, 0, sheets::DIM_TOTAL.get(lang), &f.bold)?;
    values(&mut s, r, 2, &c.lines[0], per_ticket)?;
    s.table(0, lines.len() as u32, cols)?;
    s.print_setup(&PrintLayout::list(true, 0, r, cols - 1))
}
