//! Long lists over numbered sheets (docs/CONTRACT.md §5.10): no sheet of
//! the workbook may pass Excel's 1,048,576 rows, nor the [`RowLimit`]
//! the caller sets (`--sheet-row-limit`, a testing knob). A list whose
//! sheet would pass it continues on sheets named "Incumplimientos (2)",
//! "Incumplimientos (3)"... ([`part_name`]), each with the same header
//! and print setup, and a note row above the header of every part says
//! so ("Lista de 23 filas en 3 hojas: ..."). A list that fits is
//! written as before, without the note.
//!
//! [`plan`] is the arithmetic: which items go on which sheet, given the
//! row of the list's header on its first sheet (a title and figures may
//! come first) and the rows written after the last item (totals).

use std::ops::Range;

use rust_xlsxwriter::{Workbook, Worksheet};

use crate::error::Result;
use crate::model::dataset::Attr;
use crate::report::Context;
use crate::text::Msg;
use crate::text::msg::long_lists as m;

use super::cells::{
    Formats, PrintLayout, Sheet, fit_titles, header, sheet_name, ticket_heads,
    xerr,
};

/// Excel's rows per sheet (rows 0..=1_048_575).
pub const EXCEL_MAX_ROWS: u32 = 1_048_576;

/// The most rows a sheet of the workbook may have, its title, note and
/// header rows included: Excel's [`EXCEL_MAX_ROWS`] unless a test sets a
/// smaller one (`--sheet-row-limit`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RowLimit(u32);

impl RowLimit {
    /// Excel's limit, the default.
    pub const EXCEL: RowLimit = RowLimit(EXCEL_MAX_ROWS);
    /// The smallest limit: a note, a header and one row.
    pub const MIN: u32 = 3;

    /// A limit of `rows` per sheet, when within [`RowLimit::MIN`] and
    /// [`EXCEL_MAX_ROWS`].
    pub fn new(rows: u32) -> Option<RowLimit> {
        (Self::MIN..=EXCEL_MAX_ROWS)
            .contains(&rows)
            .then_some(RowLimit(rows))
    }

    /// The rows per sheet.
    pub fn rows(self) -> u32 {
        self.0
    }
}

impl Default for RowLimit {
    fn default() -> Self {
        RowLimit::EXCEL
    }
}

/// The items of each sheet of a list of `n` items whose header is on
/// row `top` of its first sheet, with `tail` rows written after the last
/// item (on the last sheet), under `limit`. One range `0..n`: the list
/// fits its sheet as it always did (header on `top`, items from
/// `top + 1`). More: every sheet has a note row, then the header (on
/// `top` and `top + 1` of the first sheet, on rows 0 and 1 of the
/// others), then its items; the first sheet takes what fits under
/// `top`, each other sheet `limit - 2` items, and when the tail does
/// not fit after the last item it goes on a sheet of its own (an empty
/// range `n..n`).
pub fn plan(
    n: usize,
    top: u32,
    tail: u32,
    limit: RowLimit,
) -> Vec<Range<usize>> {
    let (limit, top, tail) =
        (limit.rows() as usize, top as usize, tail as usize);
    if top + 1 + n + tail <= limit {
        return std::iter::once(0..n).collect();
    }
    let first = limit.saturating_sub(top + 2).min(n);
    let room = limit - 2;
    let mut parts = Vec::with_capacity(n / room + 2);
    parts.push(0..first);
    let mut lo = first;
    while lo < n {
        let hi = (lo + room).min(n);
        parts.push(lo..hi);
        lo = hi;
    }
    let last = parts.len() - 1;
    let used = if last == 0 { top + 2 } else { 2 } + parts[last].len();
    if used + tail > limit {
        parts.push(n..n);
    }
    parts
}

/// The name of part `k` (from 1) of the list on sheet `base`: `base`
/// itself, then "base (2)", "base (3)"..., `base` shortened so that the
/// name keeps to Excel's 31 characters.
pub fn part_name(base: &str, k: usize) -> String {
    if k <= 1 {
        return base.to_string();
    }
    let suffix = format!(" ({k})");
    let keep = 31usize.saturating_sub(suffix.chars().count());
    let head: String = base.chars().take(keep).collect();
    format!("{}{suffix}", head.trim_end())
}

/// The note row of part `k` (from 1) of `parts`, the list of sheet
/// `base` with `rows` items: "Lista de 23 filas en 3 hojas:
/// Incumplimientos, Incumplimientos (2), Incumplimientos (3). Esta es la
/// hoja 2 de 3." (more than six sheets: the first two, "…" and the
/// last).
pub fn note(
    c: &Context<'_>,
    base: &str,
    parts: usize,
    k: usize,
    rows: usize,
) -> String {
    let names: Vec<String> = if parts <= 6 {
        (1..=parts).map(|j| part_name(base, j)).collect()
    } else {
        vec![
            part_name(base, 1),
            part_name(base, 2),
            "…".to_string(),
            part_name(base, parts),
        ]
    };
    c.words.fill(
        m::LIST_PARTS,
        &[
            ("rows", &crate::text::thousands(rows as u64, c.lang)),
            ("count", &parts),
            ("names", &names.join(", ")),
            ("part", &k),
        ],
    )
}

/// A list's columns: the headers and their widths.
pub(super) struct Columns<'a> {
    /// The header titles.
    pub heads: &'a [String],
    /// The column widths.
    pub widths: &'a [f64],
    /// Whether the header row is made tall enough for its wrapped
    /// titles ([`Sheet::header_height`]).
    pub tall: bool,
}

/// Writes on `s`, from row `top`: the `note` row when the list is split,
/// its header and `items` (written by `row`), with an autofilter when
/// `table`; returns the header's row.
pub(super) fn block<T>(
    s: &mut Sheet<'_, '_>,
    top: u32,
    note: Option<&str>,
    cols: &Columns<'_>,
    items: &[T],
    table: bool,
    row: &mut impl FnMut(&mut Sheet<'_, '_>, u32, &T) -> Result<()>,
) -> Result<u32> {
    let head = match note {
        Some(text) => {
            s.text(top, 0, text)?;
            top + 1
        }
        None => top,
    };
    s.headers(head, cols.heads)?;
    if cols.tall {
        s.header_height(head, cols.widths, cols.heads)?;
    }
    for (k, item) in items.iter().enumerate() {
        row(s, head + 1 + k as u32, item)?;
    }
    if table {
        s.table(head, items.len() as u32, cols.heads.len() as u16)?;
    }
    Ok(head)
}

/// Parts 2.. of `list` (as [`plan`] laid it, `parts`), each on a sheet
/// of its own after the one just written ([`part_name`] of `base`): the
/// note, the header and its items from row 0, printed as a list
/// (landscape, one page wide, note and header on every page).
#[allow(clippy::too_many_arguments)]
pub(super) fn continued<T>(
    wb: &mut Workbook,
    f: &Formats,
    c: &Context<'_>,
    base: &str,
    cols: &Columns<'_>,
    list: &[T],
    parts: &[Range<usize>],
    table: bool,
    mut row: impl FnMut(&mut Sheet<'_, '_>, u32, &T) -> Result<()>,
) -> Result<()> {
    for (k, range) in parts.iter().enumerate().skip(1) {
        let name = part_name(base, k + 1);
        let items = &list[range.clone()];
        let mut s = Sheet::named(list_sheet(wb, items.len())?, f, c, &name)?;
        s.widths(cols.widths)?;
        let text = note(c, base, parts.len(), k + 1, list.len());
        let head =
            block(&mut s, 0, Some(&text), cols, items, table, &mut row)?;
        let last = head + items.len() as u32;
        let ncols = cols.heads.len() as u16;
        s.print_setup(&PrintLayout::list(true, head, last, ncols - 1))?;
    }
    Ok(())
}

/// A new sheet for a list part of `items` rows (or a sheet whose rows,
/// written in order, end with such a list: Cierres, Encuestas): a
/// constant-memory one
/// (rows streamed to a temporary file as they are written, not held
/// until the save: the at-risk list of 10M tickets has millions) when
/// there is any item. Without items the header row would be the sheet's
/// last, and rust_xlsxwriter 0.102 writes a constant-memory sheet's last
/// row twice when its height was set (the header's is): Excel would
/// call the file damaged.
pub(super) fn list_sheet(
    wb: &mut Workbook,
    items: usize,
) -> Result<&mut Worksheet> {
    if items == 0 {
        return Ok(wb.add_worksheet());
    }
    wb.add_worksheet_with_constant_memory().map_err(xerr)
}

/// A sheet that lists tickets, as an Excel table: the sheet named
/// `name`, the ticket's identification (id, title, `attrs`) and
/// `columns` as headers with their `widths`, then one row per item of
/// `list`, written by `row`. It prints landscape, one page wide, the
/// header on every page. A list longer than the [`RowLimit`] allows
/// continues on numbered sheets ([`plan`], with `tail` rows kept free
/// after the last item). Returns the row after the last item on the
/// last sheet (the workbook's last one), where the caller may write
/// its `tail`, and that sheet's header row.
#[allow(clippy::too_many_arguments)]
pub(super) fn ticket_list<T>(
    wb: &mut Workbook,
    f: &Formats,
    c: &Context<'_>,
    name: Msg,
    attrs: &[Attr],
    columns: &[Msg],
    widths: &[f64],
    list: &[T],
    tail: u32,
    mut row: impl FnMut(&mut Sheet<'_, '_>, u32, &T) -> Result<()>,
) -> Result<ListEnd> {
    let w = &c.words;
    let base = sheet_name(w, name);
    let mut heads = ticket_heads(w, attrs);
    heads.extend(columns.iter().map(|m| header(c, *m)));
    let widths = fit_titles(widths, &heads);
    let cols = Columns {
        heads: &heads,
        widths: &widths,
        tall: true,
    };
    let parts = plan(list.len(), 0, tail, c.row_limit);
    let first = &list[parts[0].clone()];
    let mut s = Sheet::named(list_sheet(wb, first.len())?, f, c, &base)?;
    s.widths(&widths)?;
    let text = note(c, &base, parts.len(), 1, list.len());
    let text = (parts.len() > 1).then_some(text.as_str());
    let head = block(&mut s, 0, text, &cols, first, true, &mut row)?;
    let last = head + first.len() as u32;
    let ncols = heads.len() as u16;
    s.print_setup(&PrintLayout::list(true, head, last, ncols - 1))?;
    continued(wb, f, c, &base, &cols, list, &parts, true, &mut row)?;
    let n = parts.last().map_or(0, |p| p.len()) as u32;
    let head = u32::from(parts.len() > 1);
    Ok(ListEnd {
        head,
        next: head + 1 + n,
    })
}

/// Where a list ends on its last sheet ([`ticket_list`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct ListEnd {
    /// The header's row (1 below the note of a split list, else 0).
    pub head: u32,
    /// The row after the last item.
    pub next: u32,
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    /// The reference: items placed one by one, a new sheet (note and
    /// header first) when the next item would pass the limit; then the
    /// tail on the last sheet, or on a new one.
    fn brute(
        n: usize,
        top: usize,
        tail: usize,
        limit: usize,
    ) -> Vec<Range<usize>> {
        if top + 1 + n + tail <= limit {
            return std::iter::once(0..n).collect();
        }
        let mut parts: Vec<Range<usize>> = std::iter::once(0..0).collect();
        let mut rows = top + 2;
        for i in 0..n {
            if rows + 1 > limit {
                parts.push(i..i);
                rows = 2;
            }
            parts.last_mut().unwrap().end = i + 1;
            rows += 1;
        }
        if rows + tail > limit {
            parts.push(n..n);
        }
        parts
    }

    // One range is one sheet here, not a range to collect.
    #[allow(clippy::single_range_in_vec_init)]
    #[test]
    fn a_list_that_fits_is_one_part() {
        let ten = RowLimit::new(10).unwrap();
        // Header + 9 items = 10 rows.
        assert_eq!(plan(9, 0, 0, ten), [0..9]);
        // 11 rows: split, 8 items per sheet (note and header).
        assert_eq!(plan(10, 0, 0, ten), [0..8, 8..10]);
        assert_eq!(plan(16, 0, 0, ten), [0..8, 8..16]);
        assert_eq!(plan(17, 0, 0, ten), [0..8, 8..16, 16..17]);
        // A header on row 4: 4 items fit under it once split (rows 4
        // note, 5 header, 6..=9 items).
        assert_eq!(plan(6, 4, 0, ten), [0..4, 4..6]);
        // A tail of 3 rows that does not fit after the last item.
        assert_eq!(plan(8, 0, 3, ten), [0..8, 8..8]);
        assert_eq!(plan(12, 0, 3, ten), [0..8, 8..12]);
        assert_eq!(plan(0, 0, 0, ten), [0..0]);
        assert_eq!(plan(3, 0, 0, RowLimit::EXCEL), [0..3]);
    }

    #[test]
    fn limits_outside_the_range_are_refused() {
        assert_eq!(RowLimit::new(2), None);
        assert_eq!(RowLimit::new(EXCEL_MAX_ROWS + 1), None);
        assert_eq!(RowLimit::new(3).map(RowLimit::rows), Some(3));
        assert_eq!(RowLimit::default().rows(), 1_048_576);
    }

    #[test]
    fn part_names_keep_to_31_characters() {
        assert_eq!(part_name("Incumplimientos", 1), "Incumplimientos");
        assert_eq!(part_name("Incumplimientos", 2), "Incumplimientos (2)");
        // 28 characters + " (12)" = 33: cut to 26 + 5.
        let long = "Tickets excluidos del cálculo";
        let name = part_name(long, 12);
        assert_eq!(name, "Tickets excluidos del cálc (12)");
        assert_eq!(name.chars().count(), 31);
    }

    proptest! {
        #[test]
        fn plan_matches_the_one_by_one_reference(
            n in 0usize..200,
            top in 0u32..12,
            tail in 0u32..6,
            limit in 3u32..40,
        ) {
            let l = RowLimit::new(limit).unwrap();
            let got = plan(n, top, tail, l);
            let (t, tl, lim) = (top as usize, tail as usize, limit as usize);
            prop_assert_eq!(&got, &brute(n, t, tl, lim));
            // The parts cover the list, in order, once.
            let flat: Vec<usize> = got.iter().flat_map(Clone::clone).collect();
            prop_assert_eq!(flat, (0..n).collect::<Vec<_>>());
            // No sheet passes the limit when the fixed rows fit it.
            if t + 2 < lim && tl + 2 <= lim {
                for (k, p) in got.iter().enumerate() {
                    let fixed = if got.len() == 1 { t + 1 }
                        else if k == 0 { t + 2 } else { 2 };
                    let end = if k + 1 == got.len() { tl } else { 0 };
                    prop_assert!(fixed + p.len() + end <= lim);
                }
            }
        }
    }
}
