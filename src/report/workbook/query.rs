//! A custom query's sheet (`plazo report --queries`), named after its
//! file: the result's columns and rows as Polars returned them.

use rust_xlsxwriter::Worksheet;

use crate::error::Result;
use crate::report::Context;
use crate::report::queries::{Query, Value};

use super::cells::{Formats, PrintLayout, Sheet, fits_len};

/// Writes the sheet of query `q`.
pub(super) fn write(
    ws: &mut Worksheet,
    f: &Formats,
    c: &Context<'_>,
    q: &Query,
) -> Result<()> {
    let mut s = Sheet::named(ws, f, c, &q.sheet)?;
    s.headers(0, &q.columns.iter().map(String::as_str).collect::<Vec<_>>())?;
    for (k, row) in q.rows.iter().enumerate() {
        for (j, v) in row.iter().enumerate() {
            let (r, col) = (1 + k as u32, j as u16);
            match v {
                Value::Null => {}
                Value::Bool(b) => s.yes_no(r, col, Some(*b))?,
                Value::Num(x) => s.num(r, col, Some(*x), &f.num)?,
                Value::Text(t) => s.text(r, col, t)?,
            }
        }
    }
    s.widths(&widths(q))?;
    let (rows, cols) = (q.rows.len() as u32, q.columns.len() as u16);
    s.table(0, rows, cols)?;
    s.print_setup(&PrintLayout::list(true, 0, rows, cols.max(1) - 1))
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
