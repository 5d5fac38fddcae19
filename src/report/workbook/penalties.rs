//! "Descuentos": the contract's discounts of the period
//! (`[[penalties]]`, docs/CONTRACT.md §5.8): per indicator, its result
//! with numerator and denominator, the band, whether it applies and the
//! amount; the total; then the evidence, each breached ticket of the
//! indicators with a discount with its due date, business time, target,
//! overrun, the committee's decision and its amount. Amounts are
//! numbers in the contract's currency (`#,##0`, or `#,##0.00` when some
//! amount has cents), the totals also in words.

use rust_xlsxwriter::{Format, Workbook};

use crate::error::Result;
use crate::indicators::penalties::{Evidence, Outcome};
use crate::indicators::{describe, is_pct};
use crate::model::decisions::Ruling;
use crate::model::measure::Measure;
use crate::policy::{Band, Charge};
use crate::report::Context;
use crate::report::wording::day;
use crate::text::Msg;
use crate::text::msg::{common, penalties as m, report};

use super::cells::{DATE_W, DUR_W, Formats, PrintLayout, Sheet, fit_titles};
use super::decisions::{measure_name, ruling_name};
use super::parts::{Columns, block, continued, note, plan};

/// The indicator table's columns.
const OUTCOME_COLUMNS: [Msg; 9] = [
    m::COL_INDICATOR,
    m::COL_RESULT,
    m::COL_NUM,
    m::COL_DEN,
    m::COL_BAND,
    m::COL_RULE,
    m::COL_APPLIES,
    m::COL_BREACHES,
    m::COL_AMOUNT,
];

/// The evidence table's columns.
const EVIDENCE_COLUMNS: [Msg; 9] = [
    report::COL_TICKET,
    m::COL_MEASURE,
    m::COL_DUE,
    m::COL_FINISHED,
    m::COL_TARGET,
    m::COL_TIME,
    m::COL_OVERRUN,
    m::COL_DECISION,
    m::COL_TICKET_AMOUNT,
];

/// Column widths (both tables share the columns).
const WIDTHS: [f64; 9] =
    [30.0, DATE_W, DATE_W, DATE_W, 22.0, 28.0, DUR_W, 24.0, 16.0];

/// The first table's header row.
const HEAD: u32 = 4;

/// Writes the sheet (the evidence continues on numbered sheets past the
/// row limit: [`super::parts`]).
pub(super) fn write(
    wb: &mut Workbook,
    f: &Formats,
    c: &Context<'_>,
) -> Result<()> {
    let w = &c.words;
    let d = &c.discounts;
    let currency = c.policy.contract().map_or("COP", |k| k.currency.as_str());
    let fee = c.policy.contract().and_then(|k| k.monthly_fee);
    let name = super::cells::sheet_name(w, m::SHEET);
    let mut s = Sheet::named(wb.add_worksheet(), f, c, &name)?;
    s.text_f(
        0,
        0,
        &w.fill(m::TITLE, &[("period", &c.period_words())]),
        &f.title,
    )?;
    let fee_line = match fee {
        Some(x) => w.fill(m::FEE, &[("fee", &x.text(currency, c.lang))]),
        None => w.get(m::FEE_NONE),
    };
    s.text(1, 0, &fee_line)?;
    let total =
        w.fill(m::TOTAL, &[("total", &d.total.text(currency, c.lang))]);
    s.text_f(2, 0, &total, &f.bold)?;
    let cents = d
        .outcomes
        .iter()
        .map(|o| o.amount)
        .chain(d.evidence.iter().map(|e| e.amount))
        .any(|a| a.0 % 100 != 0);
    let money =
        Format::new().set_num_format(if cents { "#,##0.00" } else { "#,##0" });
    let heads: Vec<String> = OUTCOME_COLUMNS
        .iter()
        .map(|h| w.fill(*h, &[("currency", &currency)]))
        .collect();
    s.headers(HEAD, &heads)?;
    let widths = fit_titles(&WIDTHS, &heads);
    s.widths(&widths)?;
    s.header_height(HEAD, &widths, &heads)?;
    let mut r = HEAD + 1;
    for o in &d.outcomes {
        outcome(&mut s, r, o, currency, &money)?;
        r += 1;
    }
    r += 1;
    let title = w.get(m::EVIDENCE);
    s.text_f(r, 0, &title, &f.bold)?;
    r += 1;
    let heads: Vec<String> = EVIDENCE_COLUMNS
        .iter()
        .map(|h| w.fill(*h, &[("currency", &currency)]))
        .collect();
    let cols = Columns {
        heads: &heads,
        widths: &widths,
        tall: false,
    };
    let list = &d.evidence;
    let parts = plan(list.len(), r, 0, c.row_limit);
    let text = note(c, &name, parts.len(), 1, list.len());
    let text = (parts.len() > 1).then_some(text.as_str());
    let first = &list[parts[0].clone()];
    let mut row = |s: &mut Sheet<'_, '_>, r: u32, e: &Evidence| {
        evidence(s, r, e, &money)
    };
    let head = block(&mut s, r, text, &cols, first, false, &mut row)?;
    r = head + 1 + first.len() as u32;
    if list.is_empty() {
        s.text(r, 0, &w.get(m::EVIDENCE_NONE))?;
        r += 1;
    }
    s.print_setup(&PrintLayout::list(true, HEAD, r.saturating_sub(1), 8))?;
    continued(wb, f, c, &name, &cols, list, &parts, false, row)
}

/// One `[[penalties]]` entry on row `r`.
fn outcome(
    s: &mut Sheet<'_, '_>,
    r: u32,
    o: &Outcome,
    currency: &str,
    money: &Format,
) -> Result<()> {
    let c = s.c;
    let p = &c.policy.penalties()[o.penalty];
    let id = p.indicator;
    s.text(r, 0, &describe(id, &c.words).0)?;
    s.indicator(r, 1, id, o.value)?;
    s.num(r, 2, o.parts.num, &s.f.num)?;
    s.num(r, 3, o.parts.den.map(|d| d as f64), &s.f.int)?;
    s.text(r, 4, &band(c, id, &p.band))?;
    let rule = match p.charge {
        Charge::FeePct(h) => {
            c.words.fill(m::RULE_PCT, &[("pct", &pct_text(h, c))])
        }
        Charge::PerBreach(a) => c.words.fill(
            m::RULE_PER_BREACH,
            &[("amount", &a.text(currency, c.lang))],
        ),
    };
    s.text(r, 5, &rule)?;
    let word = if o.hit { common::YES } else { common::NO };
    s.text(r, 6, word.get(c.lang))?;
    if matches!(p.charge, Charge::PerBreach(_)) {
        s.num(r, 7, Some(o.breaches as f64), &s.f.int)?;
    }
    s.num(r, 8, Some(o.amount.units()), money)
}

/// One breached measure on row `r`.
fn evidence(
    s: &mut Sheet<'_, '_>,
    r: u32,
    e: &Evidence,
    money: &Format,
) -> Result<()> {
    let c = s.c;
    let i = e.ticket as usize;
    let Some(row) = crate::indicators::decisions::row_of(c.rows, e.ticket)
    else {
        return Ok(());
    };
    s.text(r, 0, &c.ds.tickets[i].id)?;
    s.text(r, 1, &measure_name(c, e.measure))?;
    let (due, at, target, used, over) = match e.measure {
        Measure::Response => (
            row.response_due_at,
            row.responded_at,
            row.response_target_s,
            row.response_s,
            row.response_overrun_s,
        ),
        Measure::Resolution => (
            row.resolution_due_at,
            row.solved_at,
            row.resolution_target_s,
            row.resolution_s,
            row.resolution_overrun_s,
        ),
    };
    s.date(r, 2, due.get())?;
    s.date(r, 3, at.get())?;
    s.dur(r, 4, target.get())?;
    s.dur(r, 5, Some(used))?;
    s.dur(r, 6, over.get().filter(|v| *v > 0))?;
    let decision = c.decided.as_ref().and_then(|d| {
        d.book
            .list
            .iter()
            .find(|x| x.ticket == e.ticket && x.measure == e.measure)
    });
    if let Some(x) = decision {
        let text = format!("{} ({})", ruling_name(c, x.ruling), day(x.date));
        s.text(r, 7, &text)?;
    }
    debug_assert!(
        !e.waived || decision.is_some_and(|x| x.ruling == Ruling::Waived)
    );
    s.num(r, 8, Some(e.amount.units()), money)
}

/// A band in words: `de 85 a menos de 90`, `menos de 85`, `90 o más`.
fn band(c: &Context<'_>, id: &str, b: &Band) -> String {
    let unit = if is_pct(id) { " %" } else { "" };
    let n = |v: f64| format!("{v}{unit}");
    match (b.from, b.to) {
        (Some(f), Some(t)) => c
            .words
            .fill(m::BAND_FROM_TO, &[("from", &n(f)), ("to", &n(t))]),
        (Some(f), None) => c.words.fill(m::BAND_FROM, &[("from", &n(f))]),
        (None, Some(t)) => c.words.fill(m::BAND_BELOW, &[("to", &n(t))]),
        (None, None) => c.words.get(m::BAND_ANY),
    }
}

/// Hundredths of a percent in words: `2`, `2,5` (`2.5` in English).
fn pct_text(h: u32, c: &Context<'_>) -> String {
    let dec = match c.lang {
        crate::text::lang::Lang::Es => ',',
        crate::text::lang::Lang::En => '.',
    };
    let (whole, frac) = (h / 100, h % 100);
    match frac {
        0 => whole.to_string(),
        f if f % 10 == 0 => format!("{whole}{dec}{}", f / 10),
        f => format!("{whole}{dec}{f:02}"),
    }
}
