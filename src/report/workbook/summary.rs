//! "Resumen": who and what the report is about, every indicator of the
//! period against its goal and the previous period. It prints on one
//! landscape page; the chart images are on their own sheet
//! ("Gráficos", `chart_images`), which keeps this page legible.

use rust_xlsxwriter::{
    ConditionalFormatText, ConditionalFormatTextRule, Format, Worksheet,
};

use crate::error::Result;
use crate::indicators::{self, IDS};
use crate::policy::{Goal, Status};
use crate::report::{Context, wording};
use crate::text::Msg;
use crate::text::lang::Lang;
use crate::text::msg::{report, sheets as m};

use super::cells::{Formats, PrintLayout, Sheet, texts, xerr};

/// The row of the indicator table's header.
const TABLE_ROW: u32 = 7;

/// The indicator table's columns.
const COLUMNS: [Msg; 9] = [
    m::SUMMARY_INDICATOR,
    m::SUMMARY_MEANING,
    report::COL_TARGET,
    m::SUMMARY_RESULT,
    report::COL_NUMERATOR,
    report::COL_DENOMINATOR,
    m::SUMMARY_PREVIOUS,
    m::SUMMARY_CHANGE,
    m::SUMMARY_STATUS,
];

/// The status column (goal met or not).
const STATUS_COL: u16 = 8;

/// The columns' widths: narrow enough that the page prints at about
/// three quarters of full size on landscape Letter.
const WIDTHS: [f64; 9] =
    [34.0, MEANING_W, 17.0, 11.0, 11.0, 12.0, 11.0, 10.0, 14.0];

/// The width of the "what it measures" column, whose text wraps.
const MEANING_W: f64 = 50.0;

/// Points per line of wrapped text (the default row height).
const LINE_PT: f64 = 15.0;

/// Writes the sheet.
pub(super) fn write(
    ws: &mut Worksheet,
    f: &Formats,
    c: &Context<'_>,
) -> Result<()> {
    let name = report::SHEET_SUMMARY.get(c.lang);
    let mut s = Sheet::named(ws, f, c, name)?;
    s.widths(&WIDTHS)?;
    heading(&mut s)?;
    s.headers(TABLE_ROW, &texts(&c.words, &COLUMNS))?;
    let shown = IDS
        .iter()
        .enumerate()
        .filter(|(_, id)| indicators::applies(c.policy, id));
    let mut last = TABLE_ROW;
    for (i, id) in shown {
        last += 1;
        indicator_row(&mut s, last, i, id)?;
    }
    status_colours(&mut s, last)?;
    let layout = PrintLayout::one_page(true, last, COLUMNS.len() as u16 - 1);
    s.print_setup(&layout)
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
    // The policy is named on the line above; the data files here.
    let inputs = c
        .inputs
        .iter()
        .filter(|i| i.role != "policy")
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
    if c.empty_period {
        // On the blank row above the table, where it cannot be missed.
        let note = c
            .words
            .fill(report::EMPTY_PERIOD, &[("period", &c.period_words())]);
        s.text_f(TABLE_ROW - 1, 0, &note, &f.bold)?;
    }
    Ok(())
}

/// Indicator `i` (`id`) on row `r`: name, meaning, goal ("sin meta
/// definida" without one), value with its numerator and denominator,
/// previous value, change and how the value stands against the goal.
fn indicator_row(
    s: &mut Sheet<'_, '_>,
    r: u32,
    i: usize,
    id: &str,
) -> Result<()> {
    let (c, f, lang) = (s.c, s.f, s.lang());
    let (n, d) = indicators::describe(id, &c.words);
    s.text(r, 0, &n)?;
    s.text_f(r, 1, &d, &f.wrap)?;
    // The wrapped meaning's lines, counted at one character per unit of
    // width (wider than the proportional font's average): a printer
    // does not grow the row by itself.
    let lines = d.chars().count().div_ceil(MEANING_W as usize - 2).max(1);
    s.ws.set_row_height(r, LINE_PT * lines as f64)
        .map_err(xerr)?;
    let goal = c.policy.goal(id);
    s.text(r, 2, &goal_text(goal, id, lang))?;
    let (v, p) = (c.lines[0].values[i], c.previous[0].values[i]);
    let parts = c.lines[0].parts[i];
    s.indicator(r, 3, id, v)?;
    if indicators::is_hours(id) {
        s.indicator(r, 4, id, parts.num)?;
    } else {
        s.num(r, 4, parts.num, numerator_format(f, id))?;
    }
    s.num(r, 5, parts.den.map(|d| d as f64), &f.int)?;
    s.indicator(r, 6, id, p)?;
    s.change(r, 7, id, v.zip(p).map(|(a, b)| a - b))?;
    if let (Some(g), Some(v)) = (goal, v) {
        s.text(r, STATUS_COL, status_text(g.status(v)).get(lang))?;
    }
    Ok(())
}

/// Indicator `id`'s goal as on its ficha, "≥ 95 %" / "≤ 8 h hábiles" (decimal
/// comma in Spanish), or "sin meta definida".
pub(crate) fn goal_text(goal: Option<Goal>, id: &str, lang: Lang) -> String {
    match goal {
        Some(g) => super::ficha::bound(g.direction, g.value, id, lang),
        None => report::NO_GOAL.get(lang).to_string(),
    }
}

/// The format of indicator `id`'s numerator: a count of tickets, or the
/// sum of hours or scores behind a mean.
pub(super) fn numerator_format<'f>(f: &'f Formats, id: &str) -> &'f Format {
    if indicators::is_pct(id) || indicators::is_count(id) {
        &f.int
    } else {
        &f.num
    }
}

/// The semáforo's words: "✔ Cumple", "▲ Aceptable", "✘ No cumple".
pub(crate) fn status_text(status: Status) -> Msg {
    match status {
        Status::Met => m::SUMMARY_MET,
        Status::Acceptable => m::SUMMARY_ACCEPTABLE,
        Status::NotMet => m::SUMMARY_NOT_MET,
    }
}

/// Green, yellow and red backgrounds on the status column down to row
/// `last`.
fn status_colours(s: &mut Sheet<'_, '_>, last: u32) -> Result<()> {
    let lang = s.lang();
    status_colours_at(
        s.ws,
        lang,
        (TABLE_ROW + 1, STATUS_COL),
        (last, STATUS_COL),
    )
}

/// Green, yellow and red backgrounds on the cells from `first` to
/// `last` (row, column), keyed on the first character of the "met",
/// "acceptable" and "not met" texts ([`status_text`]).
pub(super) fn status_colours_at(
    ws: &mut Worksheet,
    lang: Lang,
    first: (u32, u16),
    last: (u32, u16),
) -> Result<()> {
    let green = Format::new()
        .set_font_color(0x006100)
        .set_background_color(0xC6EFCE);
    let red = Format::new()
        .set_font_color(0x9C0006)
        .set_background_color(0xFFC7CE);
    let yellow = Format::new()
        .set_font_color(0x9C5700)
        .set_background_color(0xFFEB9C);
    for (text, colour) in [
        (m::SUMMARY_MET, green),
        (m::SUMMARY_ACCEPTABLE, yellow),
        (m::SUMMARY_NOT_MET, red),
    ] {
        let mark: String = text.get(lang).chars().take(1).collect();
        let cf = ConditionalFormatText::new()
            .set_rule(ConditionalFormatTextRule::BeginsWith(mark))
            .set_format(colour);
        ws.add_conditional_format(first.0, first.1, last.0, last.1, &cf)
            .map_err(xerr)?;
    }
    Ok(())
}
