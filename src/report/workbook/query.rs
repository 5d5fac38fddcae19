//! A custom query's sheet (`plazo report --queries`), named after its
//! file: the result's columns and rows as Polars returned them.

use rust_xlsxwriter::Worksheet;

use crate::error::Result;
use crate::report::Context;
use crate::report::queries::{Query, Value};

use super::cells::{Formats, Sheet};

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
    s.table(0, q.rows.len() as u32, q.columns.len() as u16)
}
