//! "Por prioridad", "Por categoría", "Por grupo", "Por técnico": every
//! indicator for each group of one dimension, then the all-tickets
//! total.

use rust_xlsxwriter::Worksheet;

use crate::error::Result;
use crate::indicators::{self, Dim, IDS, Line};
use crate::report::Context;
use crate::text::msg::{report, sheets};

use super::cells::{Formats, Sheet, xerr};

/// Writes the sheet `name` of dimension `dim`.
pub(super) fn write(
    ws: &mut Worksheet,
    f: &Formats,
    c: &Context<'_>,
    name: &str,
    dim: Dim,
) -> Result<()> {
    let (lang, w) = (c.lang, &c.words);
    let mut s = Sheet::named(ws, f, c, name)?;
    let mut heads = vec![group_title(dim).map_or(String::new(), |m| w.get(m))];
    heads.extend(IDS.iter().map(|id| indicators::describe(id, w).0));
    s.headers(0, &heads)?;
    s.ws.set_row_height(0, 45).map_err(xerr)?;
    s.ws.set_column_width(0, 28).map_err(xerr)?;
    for i in 1..=IDS.len() as u16 {
        s.ws.set_column_width(i, 13).map_err(xerr)?;
    }
    let lines = c.dim_lines(dim);
    let none = report::NO_VALUE.get(lang);
    for (k, l) in lines.iter().enumerate() {
        let r = 1 + k as u32;
        s.text(r, 0, if l.group.is_empty() { none } else { &l.group })?;
        values(&mut s, r, l)?;
    }
    let r = 1 + lines.len() as u32;
    s.text_f(r, 0, sheets::DIM_TOTAL.get(lang), &f.bold)?;
    values(&mut s, r, &c.lines[0])?;
    s.table(0, lines.len() as u32, 1 + IDS.len() as u16)
}

/// The title of the groups' column (none for [`Dim::All`]).
fn group_title(dim: Dim) -> Option<crate::text::Msg> {
    match dim {
        Dim::Priority => Some(report::COL_PRIORITY),
        Dim::Category => Some(report::COL_CATEGORY),
        Dim::Group => Some(report::COL_GROUP),
        Dim::Assignee => Some(report::COL_TECHNICIAN),
        Dim::Type => Some(report::COL_TYPE),
        Dim::All => None,
    }
}

/// A line's values on row `r`, from column 1.
fn values(s: &mut Sheet<'_, '_>, r: u32, l: &Line) -> Result<()> {
    let f = s.f;
    for (i, id) in IDS.iter().enumerate() {
        s.num(r, 1 + i as u16, l.values[i], f.value(id))?;
    }
    Ok(())
}
