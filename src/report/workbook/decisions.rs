//! "Decisiones": every decision of the committee's file (`--decisions`,
//! docs/CONTRACT.md §5.7) with whether it applies in the report's
//! period and why, and its effect on the indicator (before -> after,
//! each with its numerator and denominator); then the effect of all of
//! them together on each compliance indicator.

use rust_xlsxwriter::Workbook;

use crate::error::Result;
use crate::indicators::decisions::{Standing, row_of, take_out, verdict};
use crate::indicators::{Line, describe};
use crate::model::decisions::{Decision, Ruling};
use crate::model::measure::Measure;
use crate::report::wording::day;
use crate::report::{Context, Decided};
use crate::text::Msg;
use crate::text::msg::{common, decisions as m, report};

use super::cells::{
    DATE_W, Formats, ID_W, PrintLayout, SHORT_W, Sheet, fit_titles, header,
    xerr,
};
use super::parts::{Columns, block, continued, note, plan};

/// The list's columns.
const COLUMNS: [Msg; 12] = [
    report::COL_TICKET,
    m::COL_MEASURE,
    m::COL_DECISION,
    m::COL_REASON,
    m::COL_WHO,
    m::COL_DATE,
    m::COL_APPLIED,
    m::COL_WHY,
    m::COL_INDICATOR,
    m::COL_BEFORE,
    m::COL_AFTER,
    m::COL_COUNTS,
];

/// The widths of [`COLUMNS`].
const WIDTHS: [f64; 12] = [
    ID_W, 12.0, 16.0, 36.0, 18.0, 11.0, 11.0, 40.0, 26.0, SHORT_W, SHORT_W,
    DATE_W,
];

/// The first row of the list (title, rule and a blank row above).
const HEAD: u32 = 3;

/// Writes the sheet (the list continues on numbered sheets past the row
/// limit, the totals after its last row: [`super::parts`]).
pub(super) fn write(
    wb: &mut Workbook,
    f: &Formats,
    c: &Context<'_>,
    d: &Decided,
) -> Result<()> {
    let w = &c.words;
    let name = super::cells::sheet_name(w, m::SHEET);
    let mut s = Sheet::named(wb.add_worksheet(), f, c, &name)?;
    let title = w.fill(m::TITLE, &[("period", &c.period_words())]);
    s.text_f(0, 0, &title, &f.title)?;
    let rule = if d.book.restate {
        m::RULE_RESTATED
    } else {
        m::RULE_DATED
    };
    s.text(1, 0, &w.get(rule))?;
    let heads: Vec<String> = COLUMNS.iter().map(|h| header(c, *h)).collect();
    let widths = fit_titles(&WIDTHS, &heads);
    s.widths(&widths)?;
    let cols = Columns {
        heads: &heads,
        widths: &widths,
        tall: true,
    };
    let list = &d.book.list;
    // A blank row and one total per measure after the list.
    let tail = 1 + Measure::ALL.len() as u32;
    let parts = plan(list.len(), HEAD, tail, c.row_limit);
    let text = note(c, &name, parts.len(), 1, list.len());
    let text = (parts.len() > 1).then_some(text.as_str());
    let first = &list[parts[0].clone()];
    let mut row = |s: &mut Sheet<'_, '_>, r: u32, dec: &Decision| {
        decision_row(s, r, d, dec)
    };
    let head = block(&mut s, HEAD, text, &cols, first, false, &mut row)?;
    let mut r = head + 1 + first.len() as u32;
    if list.is_empty() {
        s.text(r, 0, &w.get(m::NONE))?;
        r += 1;
    }
    if parts.len() > 1 {
        s.print_setup(&PrintLayout::list(true, head, r - 1, 11))?;
        continued(wb, f, c, &name, &cols, list, &parts, false, row)?;
        let n = parts.last().map_or(0, |p| p.len()) as u32;
        let ws = wb.worksheets_mut().last_mut().expect("the last part");
        return totals(&mut Sheet { ws, f, c }, 1, 2 + n, d);
    }
    totals(&mut s, head, r, d)
}

/// The effect of all the decisions on each measure's indicator, from
/// row `r + 1` (after a blank row); then how the sheet prints, its
/// header on row `head`.
fn totals(
    s: &mut Sheet<'_, '_>,
    head: u32,
    r: u32,
    d: &Decided,
) -> Result<()> {
    let (c, f) = (s.c, s.f);
    let mut r = r + 1;
    for measure in Measure::ALL {
        s.text_f(r, 0, &c.words.get(m::TOTAL), &f.bold)?;
        effect(s, r, measure, &d.before, &c.lines[0])?;
        r += 1;
    }
    s.print_setup(&PrintLayout::list(true, head, r.saturating_sub(1), 11))
}

/// The measure in the entity's words.
pub(super) fn measure_name(c: &Context<'_>, m: Measure) -> String {
    c.words.get(match m {
        Measure::Response => m::MEASURE_RESPONSE,
        Measure::Resolution => m::MEASURE_RESOLUTION,
    })
}

/// The decision in words.
pub(super) fn ruling_name(c: &Context<'_>, r: Ruling) -> String {
    c.words.get(match r {
        Ruling::Accepted => m::ACCEPTED,
        Ruling::Disputed => m::DISPUTED,
        Ruling::Waived => m::WAIVED,
    })
}

/// One decision on row `r`.
fn decision_row(
    s: &mut Sheet<'_, '_>,
    r: u32,
    d: &Decided,
    dec: &Decision,
) -> Result<()> {
    let c = s.c;
    s.text(r, 0, &dec.ticket_id)?;
    s.text(r, 1, &measure_name(c, dec.measure))?;
    s.text(r, 2, &ruling_name(c, dec.ruling))?;
    s.text(r, 3, &dec.reason)?;
    s.text(r, 4, &dec.who)?;
    s.text(r, 5, &day(dec.date))?;
    let Some(sla) = row_of(c.rows, dec.ticket) else {
        return Ok(());
    };
    let standing = d.book.standing(dec, sla, c.period);
    let yes = standing == Standing::Applied;
    let word = if yes { common::YES } else { common::NO };
    s.text(r, 6, word.get(c.lang))?;
    let tz = c.policy.tz();
    let local = |t: i64| crate::time::Instant::from_unix(t).local_text(tz);
    let why = match standing {
        Standing::Applied => c.words.get(m::WHY_APPLIED),
        Standing::Accepted => c.words.get(m::WHY_ACCEPTED),
        Standing::Disputed => c.words.get(m::WHY_DISPUTED),
        Standing::Later => {
            c.words.fill(m::WHY_LATER, &[("date", &day(dec.date))])
        }
        Standing::Outside(t) => {
            c.words.fill(m::WHY_OUTSIDE, &[("date", &local(t))])
        }
        Standing::NoVerdict => c.words.get(m::WHY_NO_VERDICT),
    };
    s.text_f(r, 7, &why, &s.f.wrap)?;
    let mut after = d.before.clone();
    if let (true, Some(met)) = (yes, verdict(sla, dec.measure, c.period)) {
        take_out(&mut after, dec.measure, met);
    }
    effect(s, r, dec.measure, &d.before, &after)
}

/// The indicator of `measure` before and after, on row `r` from column
/// 8: name, both values and "num/den -> num/den".
fn effect(
    s: &mut Sheet<'_, '_>,
    r: u32,
    measure: Measure,
    before: &Line,
    after: &Line,
) -> Result<()> {
    let id = measure.indicator();
    s.text(r, 8, &describe(id, &s.c.words).0)?;
    s.indicator(r, 9, id, before.get(id))?;
    s.indicator(r, 10, id, after.get(id))?;
    let counts = |l: &Line| {
        let p = l.parts(id);
        format!("{}/{}", p.num.unwrap_or(0.0) as u64, p.den.unwrap_or(0))
    };
    let text = format!("{} → {}", counts(before), counts(after));
    s.ws.write_string(r, 11, &text).map_err(xerr)?;
    Ok(())
}
