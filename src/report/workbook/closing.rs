//! "Cierres": the closing rules of `[close]` (docs/INDICATORS.md,
//! "Closing rules"): the period's figures (auto-close, early close,
//! close without approval, late close, validation within its limit)
//! with their counts, goals and allowed limits, then the tickets that
//! break a rule ([`crate::indicators::lists::closing`]), one line per
//! ticket and rule.

use rust_xlsxwriter::Workbook;

use crate::error::Result;
use crate::indicators::lists::{CloseCase, CloseRule};
use crate::indicators::{self, IDS};
use crate::policy::State;
use crate::report::{Context, wording};
use crate::text::Msg;
use crate::text::msg::{closing as m, report, sheets};
use crate::time::BizDuration;

use super::cells::{
    BRIEF_ATTRS, DATE_W, DUR_W, Formats, ID_W, PrintLayout, SHORT_W, Sheet,
    TITLE_W, fit_titles, header, sheet_name, ticket_heads, xerr,
};
use super::methodology::duration;
use super::parts::{Columns, block, continued, list_sheet, note, plan};
use super::summary::goal_text;

/// The figures' header row.
const FIGURES_ROW: u32 = 2;

/// The list's columns after the ticket's identification.
const COLUMNS: [Msg; 7] = [
    m::CLOSING_RULE,
    m::CLOSING_SOLVED_AT,
    m::CLOSING_CLOSED_AT,
    m::CLOSING_TIME,
    m::CLOSING_LIMIT,
    m::CLOSING_SURVEY,
    m::CLOSING_NOTE,
];

/// Column widths: the identification, then [`COLUMNS`].
const WIDTHS: [f64; 12] = [
    ID_W, TITLE_W, 14.0, 11.0, 16.0, 24.0, DATE_W, DATE_W, DUR_W, 14.0,
    SHORT_W, 36.0,
];

/// The closing indicators shown, in [`IDS`] order: the auto-close rate
/// and each closing rule the policy sets.
fn figure_ids(c: &Context<'_>) -> Vec<(usize, &'static str)> {
    IDS.iter()
        .copied()
        .enumerate()
        .filter(|(_, id)| {
            let closing = matches!(
                *id,
                "closed_early_pct"
                    | "closed_without_approval_pct"
                    | "close_late_pct"
                    | "validation_within_pct"
            );
            (closing && indicators::applies(c.policy, id))
                || (*id == "auto_closed_pct"
                    && c.policy.auto_close_after().is_some())
        })
        .collect()
}

/// Writes the sheet with the period's `cases` (continued on numbered
/// sheets past the row limit: [`super::parts`]).
pub(super) fn write(
    wb: &mut Workbook,
    f: &Formats,
    c: &Context<'_>,
    cases: &[CloseCase<'_>],
) -> Result<()> {
    let w = &c.words;
    let name = sheet_name(w, m::SHEET_CLOSING);
    let mut s = Sheet::named(list_sheet(wb, cases.len())?, f, c, &name)?;
    let mut heads = ticket_heads(w, &BRIEF_ATTRS);
    heads.extend(COLUMNS.iter().map(|h| header(c, *h)));
    let widths = fit_titles(&WIDTHS, &heads);
    s.widths(&widths)?;
    let title = m::CLOSING_TITLE
        .fill(c.lang, &[("period", &wording::period(c.period, c.lang))]);
    s.text_f(0, 0, &title, &f.title)?;
    let last_figure = figures(&mut s, c)?;
    let top = last_figure + 2;
    let cols = Columns {
        heads: &heads,
        widths: &widths,
        tall: true,
    };
    let parts = plan(cases.len(), top, 0, c.row_limit);
    let text = note(c, &name, parts.len(), 1, cases.len());
    let text = (parts.len() > 1).then_some(text.as_str());
    let first = &cases[parts[0].clone()];
    let mut row = |s: &mut Sheet<'_, '_>, r: u32, case: &CloseCase<'_>| {
        case_row(s, r, case)
    };
    let head = block(&mut s, top, text, &cols, first, true, &mut row)?;
    if cases.is_empty() {
        s.text(head + 1, 0, &w.get(m::CLOSING_NONE))?;
    }
    let last = head + (first.len() as u32).max(1);
    let ncols = heads.len() as u16;
    s.print_setup(&PrintLayout::list(true, head, last, ncols - 1))?;
    continued(wb, f, c, &name, &cols, cases, &parts, true, row)
}

/// The figures' table from [`FIGURES_ROW`]: rule, result, numerator,
/// denominator, goal, allowed limit; returns its last row.
fn figures(s: &mut Sheet<'_, '_>, c: &Context<'_>) -> Result<u32> {
    let (f, lang) = (s.f, c.lang);
    let heads: [Msg; 6] = [
        m::CLOSING_RULE,
        sheets::SUMMARY_RESULT,
        report::COL_NUMERATOR,
        report::COL_DENOMINATOR,
        report::COL_TARGET,
        m::CLOSING_LIMIT,
    ];
    let r0 = FIGURES_ROW;
    s.ws.merge_range(r0, 0, r0, 1, &header(c, heads[0]), &f.header)
        .map_err(xerr)?;
    for (k, h) in heads.iter().enumerate().skip(1) {
        s.text_f(r0, 1 + k as u16, &header(c, *h), &f.header)?;
    }
    let mut r = r0;
    for (i, id) in figure_ids(c) {
        r += 1;
        let name = indicators::describe(id, &c.words).0;
        s.ws.merge_range(r, 0, r, 1, &name, &f.bold).map_err(xerr)?;
        let parts = c.lines[0].parts[i];
        s.indicator(r, 2, id, c.lines[0].values[i])?;
        s.num(r, 3, parts.num, &f.int)?;
        s.num(r, 4, parts.den.map(|d| d as f64), &f.int)?;
        s.text(r, 5, &goal_text(c.policy.goal(id), id, lang))?;
        let limit = if id == "validation_within_pct" {
            c.policy.close_rules().validate_within
        } else {
            c.policy.auto_close_after()
        };
        s.text(r, 6, &limit.map_or(String::new(), |d| duration(lang, d)))?;
    }
    Ok(r)
}

/// One line of the list on row `row`.
fn case_row(
    s: &mut Sheet<'_, '_>,
    row: u32,
    case: &CloseCase<'_>,
) -> Result<()> {
    let (c, r) = (s.c, case.row);
    let i = r.ticket as usize;
    s.ticket(row, i, &BRIEF_ATTRS)?;
    let col = 2 + BRIEF_ATTRS.len() as u16;
    s.text(row, col, &c.words.get(rule_text(case.rule)))?;
    s.date(row, col + 1, r.solved_at.get())?;
    s.date(row, col + 2, r.closed_at.get())?;
    s.dur(row, col + 3, r.close_business_s.get())?;
    s.text(row, col + 4, &limit_text(c, case.rule))?;
    s.yes_no(row, col + 5, r.survey_before_close)?;
    s.text(row, col + 6, close_note(c, i, r.closed_at.get()))
}

/// The rule's words in the list.
fn rule_text(rule: CloseRule) -> Msg {
    match rule {
        CloseRule::Early => m::RULE_EARLY,
        CloseRule::WithoutApproval => m::RULE_WITHOUT_APPROVAL,
        CloseRule::Late => m::RULE_LATE,
        CloseRule::Pending => m::RULE_PENDING,
        CloseRule::Validation => m::RULE_VALIDATION,
    }
}

/// The limit a rule is measured against, in words ("3 días hábiles").
fn limit_text(c: &Context<'_>, rule: CloseRule) -> String {
    let limit: Option<BizDuration> = match rule {
        CloseRule::Validation => c.policy.close_rules().validate_within,
        _ => c.policy.auto_close_after(),
    };
    limit.map_or(String::new(), |d| duration(c.lang, d))
}

/// The note of ticket `i`'s close: the first non-empty note of a
/// `closed` event from `closed_at` to the cutoff (empty when not closed
/// or without one).
fn close_note<'a>(c: &Context<'a>, i: usize, closed: Option<i64>) -> &'a str {
    let Some(closed) = closed else { return "" };
    let (ds, cutoff) = (c.ds, c.cutoff.unix());
    ds.events_of(i)
        .iter()
        .filter(|e| e.at >= closed && e.at <= cutoff)
        .filter(|e| {
            c.policy.state_of(ds.strings.get(e.status)) == Some(State::Closed)
        })
        .map(|e| ds.strings.get(e.note).trim())
        .find(|n| !n.is_empty())
        .unwrap_or("")
}
