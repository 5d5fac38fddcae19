//! "Resumen": who and what the report is about, every indicator of the
//! period against its goal and the previous period, then the charts.

use rust_xlsxwriter::{
    ConditionalFormatText, ConditionalFormatTextRule, Format, Image, Worksheet,
};

use crate::error::Result;
use crate::indicators::{self, IDS};
use crate::policy::{Direction, Status};
use crate::report::{Context, wording};
use crate::text::Msg;
use crate::text::msg::{report, sheets as m};

use super::cells::{Formats, Sheet, texts, xerr};

/// The row of the indicator table's header.
const TABLE_ROW: u32 = 7;

/// The indicator table's columns.
const COLUMNS: [Msg; 8] = [
    m::SUMMARY_INDICATOR,
    m::SUMMARY_ID,
    m::SUMMARY_MEANING,
    report::COL_TARGET,
    m::SUMMARY_RESULT,
    m::SUMMARY_PREVIOUS,
    m::SUMMARY_CHANGE,
    m::SUMMARY_STATUS,
];

/// The status column (goal met or not).
const STATUS_COL: u16 = 7;

/// Writes the sheet; `charts` are the PNG images to show.
pub(super) fn write(
    ws: &mut Worksheet,
    f: &Formats,
    c: &Context<'_>,
    charts: &[(String, Vec<u8>)],
) -> Result<()> {
    let name = report::SHEET_SUMMARY.get(c.lang);
    let mut s = Sheet::named(ws, f, c, name)?;
    s.widths(&[38.0, 30.0, 60.0, 10.0, 12.0, 14.0, 10.0, 14.0])?;
    heading(&mut s)?;
    s.headers(TABLE_ROW, &texts(&c.words, &COLUMNS))?;
    for (i, id) in IDS.iter().enumerate() {
        indicator_row(&mut s, TABLE_ROW + 1 + i as u32, i, id)?;
    }
    let last = TABLE_ROW + IDS.len() as u32;
    status_colours(&mut s, last)?;
    chart_images(&mut s, last + 2, charts)
}

/// The title, then entity, period, cutoff, generator and inputs.
fn heading(s: &mut Sheet<'_, '_>) -> Result<()> {
    let (c, f, lang) = (s.c, s.f, s.lang());
    let entity = c.policy.name();
    let title = m::SUMMARY_TITLE.fill(lang, &[("entity", &entity)]);
    s.text_f(0, 0, &title, &f.title)?;
    let period = wording::period_span(c.period, lang);
    let cutoff = wording::instant_in_zone(c.policy.tz(), c.cutoff, lang);
    let generated = m::SUMMARY_GENERATED_BY.fill(
        lang,
        &[
            ("version", &env!("CARGO_PKG_VERSION")),
            ("policy", &c.policy.path().display()),
        ],
    );
    let inputs = c
        .inputs
        .iter()
        .map(|i| {
            m::SUMMARY_INPUT
                .fill(lang, &[("file", &i.name()), ("rows", &i.rows)])
        })
        .collect::<Vec<_>>()
        .join("; ");
    let lines: [(Msg, String); 5] = [
        (m::SUMMARY_ENTITY, entity.to_string()),
        (report::COL_PERIOD, period),
        (report::COL_CUTOFF, cutoff),
        (m::SUMMARY_GENERATED_WITH, generated),
        (m::SUMMARY_INPUTS, inputs),
    ];
    for (i, (k, v)) in lines.iter().enumerate() {
        s.text_f(1 + i as u32, 0, k.get(lang), &f.bold)?;
        s.text(1 + i as u32, 1, v)?;
    }
    Ok(())
}

/// Indicator `i` (`id`) on row `r`: name, id, meaning, goal, value,
/// previous value, change and whether the goal is met.
fn indicator_row(
    s: &mut Sheet<'_, '_>,
    r: u32,
    i: usize,
    id: &str,
) -> Result<()> {
    let (c, f, lang) = (s.c, s.f, s.lang());
    let (n, d) = indicators::describe(id, &c.words);
    let vf = f.value(id);
    s.text(r, 0, &n)?;
    s.text(r, 1, id)?;
    s.text_f(r, 2, &d, &f.wrap)?;
    let goal = c.policy.goal(id);
    if let Some(g) = goal {
        let bound = match g.direction {
            Direction::Min => report::AT_LEAST,
            Direction::Max => report::AT_MOST,
        };
        s.text(r, 3, &bound.fill(lang, &[("value", &g.value)]))?;
    }
    let (v, p) = (c.lines[0].values[i], c.previous[0].values[i]);
    s.num(r, 4, v, vf)?;
    s.num(r, 5, p, vf)?;
    s.num(r, 6, v.zip(p).map(|(a, b)| a - b), vf)?;
    if let (Some(g), Some(v)) = (goal, v) {
        let status = match g.status(v) {
            Status::Met => m::SUMMARY_MET,
            Status::Acceptable => m::SUMMARY_ACCEPTABLE,
            Status::NotMet => m::SUMMARY_NOT_MET,
        };
        s.text(r, STATUS_COL, status.get(lang))?;
    }
    Ok(())
}

/// Green, yellow and red backgrounds on the status column down to row
/// `last`, keyed on the first character of the "met", "acceptable" and
/// "not met" texts.
fn status_colours(s: &mut Sheet<'_, '_>, last: u32) -> Result<()> {
    let green = Format::new()
        .set_font_color(0x006100)
        .set_background_color(0xC6EFCE);
    let red = Format::new()
        .set_font_color(0x9C0006)
        .set_background_color(0xFFC7CE);
    let yellow = Format::new()
        .set_font_color(0x9C5700)
        .set_background_color(0xFFEB9C);
    let lang = s.lang();
    for (text, colour) in [
        (m::SUMMARY_MET, green),
        (m::SUMMARY_ACCEPTABLE, yellow),
        (m::SUMMARY_NOT_MET, red),
    ] {
        let mark: String = text.get(lang).chars().take(1).collect();
        let cf = ConditionalFormatText::new()
            .set_rule(ConditionalFormatTextRule::BeginsWith(mark))
            .set_format(colour);
        s.ws.add_conditional_format(
            TABLE_ROW + 1,
            STATUS_COL,
            last,
            STATUS_COL,
            &cf,
        )
        .map_err(xerr)?;
    }
    Ok(())
}

/// The charts from `row` on, at half size, two per row.
fn chart_images(
    s: &mut Sheet<'_, '_>,
    row: u32,
    charts: &[(String, Vec<u8>)],
) -> Result<()> {
    let (f, title) = (s.f, m::SUMMARY_CHARTS.get(s.lang()));
    s.text_f(row, 0, title, &f.title)?;
    let row = row + 1;
    for (k, (_, png)) in charts.iter().enumerate() {
        let img = Image::new_from_buffer(png)
            .map_err(xerr)?
            .set_scale_width(0.5)
            .set_scale_height(0.5);
        let (r, col) =
            (row + (k / 2) as u32 * 15, if k % 2 == 0 { 0 } else { 2 });
        s.ws.insert_image(r, col, &img).map_err(xerr)?;
    }
    Ok(())
}
