//! A custom query's sheet (`plazo report --queries`), named after its
//! file: the result's columns and rows as Polars returned them.

use rust_xlsxwriter::Workbook;

use crate::error::Result;
use crate::report::Context;
use crate::report::queries::{Query, Value};

use super::cells::{Formats, PrintLayout, Sheet, fits_len};
use super::parts::{Columns, block, continued, note, plan};

/// Writes the sheet of query `q` (its rows continued on numbered sheets
/// past the row limit: [`super::parts`]).
pub(super) fn write(
    wb: &mut Workbook,
    f: &Formats,
    c: &Context<'_>,
    q: &Query,
) -> Result<()> {
    let mut s = Sheet::named(wb.add_worksheet(), f, c, &q.sheet)?;
    let widths = widths(q);
    s.widths(&widths)?;
    let cols = Columns {
        heads: &q.columns,
        widths: &widths,
        tall: false,
    };
    let parts = plan(q.rows.len(), 0, 0, c.row_limit);
    let text = note(c, &q.sheet, parts.len(), 1, q.rows.len());
    let text = (parts.len() > 1).then_some(text.as_str());
    let first = &q.rows[parts[0].clone()];
    let mut row = |s: &mut Sheet<'_, '_>, r: u32, row: &Vec<Value>| {
        for (j, v) in row.iter().enumerate() {
            let col = j as u16;
            match v {
                Value::Null => {}
                Value::Bool(b) => s.yes_no(r, col, Some(*b))?,
                Value::Num(x) => s.num(r, col, Some(*x), &s.f.num)?,
                Value::Text(t) => s.text(r, col, t)?,
            }
        }
        Ok(())
    };
    let head = block(&mut s, 0, text, &cols, first, true, &mut row)?;
    let (rows, ncols) = (first.len() as u32, q.columns.len() as u16);
    let last_col = ncols.max(1) - 1;
    s.print_setup(&PrintLayout::list(true, head, head + rows, last_col))?;
    continued(wb, f, c, &q.sheet, &cols, &q.rows, &parts, true, row)
}

/// Each column's width from its widest value as the sheet shows it
/// (numbers with two decimals, flags as `Sí`/`No`) or its header, at
/// least 10 and at most 60 characters.
fn widths(q: &Query) -> Vec<f64> {
    q.columns
        .iter()
        .enumerate()
        .map(|(j, name)| {
            let widest = q
                .rows
                .iter()
                .filter_map(|row| row.get(j))
                .map(|v| match v {
                    Value::Null => 0,
                    Value::Bool(_) => 2,
                    Value::Num(x) => format!("{x:.2}").len(),
                    Value::Text(t) => t.chars().count(),
                })
                .chain([name.chars().count()])
                .max()
                .unwrap_or(0);
            fits_len(widest).clamp(10.0, 60.0)
        })
        .collect()
}
