//! "Indicadores A vs B" (`plazo whatif`): the period's indicators of
//! every ticket and by priority (in severity order) under policies A and
//! B, side by side,
//! with the difference B − A. An indicator shows when either policy
//! shows it ([`crate::indicators::applies`]) and has a value under
//! either.

use rust_xlsxwriter::Worksheet;

use crate::error::Result;
use crate::indicators::{Dim, applies, describe};
use crate::report::whatif::Comparison;
use crate::text::msg::whatif as m;

use super::cells::{Formats, PrintLayout, Sheet, fit_titles};

/// Writes the sheet, named `name`.
pub(super) fn write(
    ws: &mut Worksheet,
    f: &Formats,
    c: &Comparison<'_, '_>,
    name: &str,
) -> Result<()> {
    let (a, b) = (c.a, c.b);
    let w = &a.words;
    let mut s = Sheet::named(ws, f, a, name)?;
    let heads = [
        w.get(m::COL_BREAKDOWN),
        w.get(m::COL_VALUE),
        w.get(m::COL_INDICATOR),
        c.label_a.clone(),
        c.label_b.clone(),
        w.fill(m::COL_DIFFERENCE, &[("a", &c.label_a), ("b", &c.label_b)]),
    ];
    s.headers(0, &heads)?;
    let widths = fit_titles(&[12.0, 14.0, 44.0, 12.0, 12.0, 14.0], &heads);
    s.widths(&widths)?;
    s.header_height(0, &widths, &heads)?;
    // Every ticket first, then the priorities by severity (A's order,
    // B's own priorities after).
    let mut groups: Vec<(Dim, &str)> = vec![(Dim::All, "all")];
    for l in a
        .dim_lines(Dim::Priority)
        .into_iter()
        .chain(b.dim_lines(Dim::Priority))
    {
        if !groups.contains(&(l.dim, l.group.as_str())) {
            groups.push((l.dim, l.group.as_str()));
        }
    }
    let shown = groups.into_iter().flat_map(|(dim, group)| {
        c.diffs.iter().filter(move |d| {
            d.dim == dim
                && d.group == group
                && (applies(a.policy, d.id) || applies(b.policy, d.id))
                && (d.a.is_some() || d.b.is_some())
        })
    });
    let mut row = 0;
    for d in shown {
        row += 1;
        let (dim, group) = match d.dim {
            Dim::All => (m::DIM_ALL, ""),
            _ => (m::DIM_PRIORITY, d.group.as_str()),
        };
        s.text(row, 0, &w.get(dim))?;
        s.text(row, 1, group)?;
        s.text(row, 2, &describe(d.id, w).0)?;
        s.indicator(row, 3, d.id, d.a)?;
        s.indicator(row, 4, d.id, d.b)?;
        s.change(row, 5, d.id, d.difference())?;
    }
    let cols = heads.len() as u16;
    s.table(0, row, cols)?;
    s.print_setup(&PrintLayout::list(true, 0, row, cols - 1))
}
