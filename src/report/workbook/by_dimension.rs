//! "Por prioridad", "Por tipo", "Por categoría", "Por grupo", "Por
//! técnico", "Por canal": every indicator the policy measures
//! ([`indicators::applies`]) for each group of one dimension, then the
//! all-tickets total. Each percentage is followed by its numerator and denominator
//! (the tickets counted and the tickets it is taken over).

use rust_xlsxwriter::Worksheet;

use crate::error::Result;
use crate::indicators::{self, Dim, IDS, Line};
use crate::model::dataset::Attr;
use crate::report::Context;
use crate::text::msg::{report, sheets};

use super::cells::{Formats, PrintLayout, Sheet, xerr};

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
    heads.extend(indicator_heads(c, |_| true));
    let cols = heads.len() as u16;
    s.headers(0, &heads)?;
    s.ws.set_row_height(0, 60).map_err(xerr)?;
    s.ws.set_column_width(0, 28).map_err(xerr)?;
    for i in 1..cols {
        // "automáticamente", the longest word of a title, unbroken.
        s.ws.set_column_width(i, 14).map_err(xerr)?;
    }
    let lines = c.dim_lines(dim);
    let none = report::NO_VALUE.get(lang);
    for (k, l) in lines.iter().enumerate() {
        let r = 1 + k as u32;
        s.text(r, 0, if l.group.is_empty() { none } else { &l.group })?;
        values(&mut s, r, 1, l, |_| true)?;
    }
    let r = 1 + lines.len() as u32;
    s.text_f(r, 0, sheets::DIM_TOTAL.get(lang), &f.bold)?;
    values(&mut s, r, 1, &c.lines[0], |_| true)?;
    s.table(0, lines.len() as u32, cols)?;
    s.print_setup(&PrintLayout::list(true, 0, r, cols - 1))
}

/// The indicator columns' titles: each indicator the policy measures
/// that `keep` keeps, a percentage followed by its numerator and
/// denominator.
pub(super) fn indicator_heads(
    c: &Context<'_>,
    keep: fn(&str) -> bool,
) -> Vec<String> {
    let (lang, w) = (c.lang, &c.words);
    let mut heads = Vec::new();
    let shown = |id: &&&str| indicators::applies(c.policy, id) && keep(id);
    for id in IDS.iter().filter(shown) {
        let name = indicators::describe(id, w).0;
        heads.push(name.clone());
        if indicators::is_pct(id) {
            heads.push(sheets::DIM_NUMERATOR.fill(lang, &[("name", &name)]));
            heads.push(sheets::DIM_DENOMINATOR.fill(lang, &[("name", &name)]));
        }
    }
    heads
}

/// Whether the sheet of dimension `dim` is in the workbook: always,
/// but "Por canal" only when some ticket has a channel (a tool export
/// without one would show a single "(sin dato)" row).
pub(super) fn shown(c: &Context<'_>, dim: Dim) -> bool {
    dim != Dim::Channel
        || c.ds
            .tickets
            .iter()
            .any(|t| !c.ds.strings.get(t.attr(Attr::Channel)).is_empty())
}

/// The title of the groups' column (none for [`Dim::All`]).
fn group_title(dim: Dim) -> Option<crate::text::Msg> {
    match dim {
        Dim::Priority => Some(report::COL_PRIORITY),
        Dim::Category => Some(report::COL_CATEGORY),
        Dim::Group => Some(report::COL_GROUP),
        Dim::Assignee => Some(report::COL_TECHNICIAN),
        Dim::Type => Some(report::COL_TYPE),
        Dim::Channel => Some(crate::text::msg::channel::COL_CHANNEL),
        Dim::All => None,
    }
}

/// A line's values on row `r`, from column `col`, of the indicators
/// [`indicator_heads`] titles; each percentage followed by its
/// numerator and denominator.
pub(super) fn values(
    s: &mut Sheet<'_, '_>,
    r: u32,
    mut col: u16,
    l: &Line,
    keep: fn(&str) -> bool,
) -> Result<()> {
    let (f, policy) = (s.f, s.c.policy);
    for (i, id) in IDS.iter().enumerate() {
        if !indicators::applies(policy, id) || !keep(id) {
            continue;
        }
        s.indicator(r, col, id, l.values[i])?;
        col += 1;
        if indicators::is_pct(id) {
            let p = l.parts[i];
            s.num(r, col, p.num, &f.int)?;
            s.num(r, col + 1, p.den.map(|d| d as f64), &f.int)?;
            col += 2;
        }
    }
    Ok(())
}
