//! "Encuestas": the period's survey indicators, the satisfied minimum
//! and the surveyed tickets, the scores and how many answers gave each,
//! then the comments.

use rust_xlsxwriter::Worksheet;

use crate::error::Result;
use crate::indicators;
use crate::report::Context;
use crate::text::msg::{report, sheets as m};

use super::cells::{DATE_W, Formats, PrintLayout, Sheet, assumed, texts};

/// The survey indicators shown, by id (named as on "Resumen").
const INDICATORS: [&str; 3] =
    ["survey_response_rate_pct", "csat_mean", "satisfied_pct"];

/// The row of the scores table's header.
const SCORES_ROW: u32 = 6;

/// Writes the sheet.
pub(super) fn write(
    ws: &mut Worksheet,
    f: &Formats,
    c: &Context<'_>,
) -> Result<()> {
    let (lang, w) = (c.lang, &c.words);
    let name = report::SHEET_SURVEYS.get(lang);
    let mut s = Sheet::named(ws, f, c, name)?;
    s.widths(&[34.0, DATE_W.max(20.0), 12.0, 60.0])?;
    s.text_f(0, 0, m::SURVEYS_TITLE.get(lang), &f.title)?;
    // Each figure with the counts behind it (a mean: the sum of the
    // scores over the answers).
    s.text_f(0, 2, report::COL_NUMERATOR.get(lang), &f.bold)?;
    s.text_f(0, 3, report::COL_DENOMINATOR.get(lang), &f.bold)?;
    for (k, id) in INDICATORS.iter().enumerate() {
        let r = 1 + k as u32;
        s.text(r, 0, &indicators::describe(id, w).0)?;
        s.indicator(r, 1, id, c.lines[0].get(id))?;
        let parts = c.lines[0].parts(id);
        let num_f = if indicators::is_pct(id) {
            &f.int
        } else {
            &f.num
        };
        s.num(r, 2, parts.num, num_f)?;
        s.num(r, 3, parts.den.map(|d| d as f64), &f.int)?;
    }
    let survey = c.policy.survey();
    let min = m::SURVEYS_SATISFIED_MIN.get(lang).to_string();
    s.text(4, 0, &assumed(c, "survey.scale", min))?;
    s.num(4, 1, Some(survey.satisfied_min), &f.num)?;
    let scale = m::SURVEYS_SCALE.fill(lang, &[("max", &survey.scale_max)]);
    s.text(4, 2, &scale)?;
    let scope = m::SURVEYS_SCOPE.get(lang).to_string();
    s.text(5, 0, &assumed(c, "survey.applies_to", scope))?;
    let scope = c.policy.survey_scope().map(|r| r.describe());
    let all = w.get(m::SURVEYS_SCOPE_ALL);
    s.text(5, 1, scope.as_deref().unwrap_or(&all))?;
    s.headers(
        SCORES_ROW,
        &texts(w, &[report::COL_SCORE, report::COL_ANSWERS]),
    )?;
    let dist = &c.lists.scores;
    for (k, (score, n)) in dist.iter().enumerate() {
        let r = SCORES_ROW + 1 + k as u32;
        s.num(r, 0, Some(*score), &f.num)?;
        s.num(r, 1, Some(*n as f64), &f.int)?;
    }
    let r0 = SCORES_ROW + 3 + dist.len() as u32;
    comments(&mut s, r0)?;
    let last = r0 + c.lists.comments.len() as u32;
    s.print_setup(&PrintLayout {
        repeat_rows: None,
        ..PrintLayout::list(false, 0, last, 3)
    })
}

/// The comments of the period under a title, their header at `r0`.
fn comments(s: &mut Sheet<'_, '_>, r0: u32) -> Result<()> {
    let (c, f, lang) = (s.c, s.f, s.lang());
    s.text_f(r0 - 1, 0, m::SURVEYS_COMMENTS.get(lang), &f.bold)?;
    let heads = [
        report::COL_TICKET,
        m::SURVEYS_ANSWERED,
        report::COL_SCORE,
        m::SURVEYS_COMMENT,
    ];
    s.headers(r0, &texts(&c.words, &heads))?;
    for (k, sv) in c.lists.comments.iter().enumerate() {
        let r = r0 + 1 + k as u32;
        s.text(r, 0, &c.ds.tickets[sv.ticket as usize].id)?;
        s.date(r, 1, Some(sv.answered_at))?;
        s.num(r, 2, Some(sv.score), &f.num)?;
        s.text_f(r, 3, c.ds.strings.get(sv.comment), &f.wrap)?;
    }
    Ok(())
}
