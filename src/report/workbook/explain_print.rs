//! The printable explanation (`plazo explain --out F.xlsx`): one sheet
//! per ticket, named by its id, holding what `plazo explain` prints: the
//! header lines, the timeline as a table (one cell per column of the
//! text, the column titles repeated on every printed page), then the
//! totals and verdicts. Printed like the report's lists (Letter,
//! landscape, one page wide; docs/PRINTING.md), the footer naming the
//! entity and the cutoff.

use std::path::Path;

use chrono::Datelike;
use rust_xlsxwriter::{DocProperties, ExcelDateTime, Workbook, Worksheet};

use crate::engine::explain::Explanation;
use crate::error::Result;
use crate::io::atomic::Batch;
use crate::report::explain::parts;
use crate::text::lang::Lang;
use crate::text::msg::whatif as m;
use crate::time::Instant;

use super::cells::{
    Fit, Formats, PrintLayout, fit_titles, footer_of, print_setup, xerr,
};

/// The widest a timeline column is set, in characters.
const MAX_W: f64 = 40.0;

/// Writes one sheet per explanation of `xs` (not empty) into a workbook
/// staged for `path` in `batch`, in `lang`.
///
/// # Errors
///
/// A workbook failure naming `path`.
pub fn write(
    xs: &[Explanation],
    lang: Lang,
    path: &Path,
    batch: &mut Batch,
) -> Result<()> {
    let staged = batch.stage(path, "")?;
    let f = Formats::new();
    let mut wb = Workbook::new();
    if let Some(x) = xs.first() {
        wb.set_properties(&properties(x, lang)?);
    }
    for x in xs {
        sheet(wb.add_worksheet(), &f, x, lang)?;
    }
    wb.save(&staged).map_err(|e| super::save_error(path, e))
}

/// The sheet name of ticket `id`: valid for Excel (at most 31
/// characters, none of `[]:*?/\`).
pub fn sheet_name(id: &str) -> String {
    id.chars()
        .map(|c| if "[]:*?/\\".contains(c) { '-' } else { c })
        .take(31)
        .collect()
}

/// The cutoff of `x` as the footer and title show it.
fn cutoff_text(x: &Explanation) -> String {
    Instant::from_unix(x.header.cutoff).local_text(x.header.tz)
}

/// Title, author, company; created on the cutoff's day (the same inputs
/// give the same bytes).
fn properties(x: &Explanation, lang: Lang) -> Result<DocProperties> {
    let day = Instant::from_unix(x.header.cutoff)
        .in_zone(x.header.tz)
        .date_naive();
    let created = ExcelDateTime::from_ymd(
        u16::try_from(day.year()).unwrap_or(2000),
        day.month() as u8,
        day.day() as u8,
    )
    .map_err(xerr)?;
    let title = m::EXPLAIN_DOC_TITLE.fill(
        lang,
        &[
            ("entity", &x.header.policy_name),
            ("cutoff", &cutoff_text(x)),
        ],
    );
    Ok(DocProperties::new()
        .set_title(title)
        .set_author("plazo")
        .set_company(&x.header.policy_name)
        .set_creation_datetime(&created))
}

/// One ticket's sheet.
fn sheet(
    ws: &mut Worksheet,
    f: &Formats,
    x: &Explanation,
    lang: Lang,
) -> Result<()> {
    ws.set_name(sheet_name(&x.header.id)).map_err(xerr)?;
    let p = parts(x, lang);
    let mut row = 0u32;
    for (k, line) in p.header.iter().enumerate() {
        if k == 0 {
            ws.write_string_with_format(row, 0, line, &f.bold)
        } else {
            ws.write_string(row, 0, line)
        }
        .map_err(xerr)?;
        row += 1;
    }
    row += 1;
    let head_row = row;
    let cols = p.table.first().map_or(1, Vec::len).max(1);
    for (k, cells) in p.table.iter().enumerate() {
        for (c, v) in cells.iter().enumerate() {
            if k == 0 {
                ws.write_string_with_format(row, c as u16, v, &f.header)
            } else {
                ws.write_string(row, c as u16, v)
            }
            .map_err(xerr)?;
        }
        row += 1;
    }
    row += 1;
    for line in &p.outcome {
        ws.write_string(row, 0, line).map_err(xerr)?;
        row += 1;
    }
    widths(ws, &p.table)?;
    let layout = PrintLayout {
        landscape: true,
        fit: Fit::PageWidth,
        repeat_rows: Some((head_row, head_row)),
        last: (row.saturating_sub(1), (cols - 1) as u16),
        breaks: Vec::new(),
    };
    let period =
        m::EXPLAIN_FOOTER_CUTOFF.fill(lang, &[("cutoff", &cutoff_text(x))]);
    print_setup(
        ws,
        &layout,
        &footer_of(lang, &x.header.policy_name, &period),
    )
}

/// Each timeline column as wide as its widest cell (at most [`MAX_W`]),
/// titles wrapping between words.
fn widths(ws: &mut Worksheet, table: &[Vec<String>]) -> Result<()> {
    let Some(head) = table.first() else {
        return Ok(());
    };
    let w: Vec<f64> = (0..head.len())
        .map(|c| {
            let n = table[1..]
                .iter()
                .filter_map(|r| r.get(c))
                .map(|v| v.chars().count())
                .max()
                .unwrap_or(4);
            (n as f64 + 2.0).min(MAX_W)
        })
        .collect();
    for (i, w) in fit_titles(&w, head).iter().enumerate() {
        ws.set_column_width(i as u16, *w).map_err(xerr)?;
    }
    Ok(())
}
