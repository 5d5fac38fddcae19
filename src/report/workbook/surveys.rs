//! "Encuestas": the monthly survey report (Víctimas: "Mensualmente se
//! debe generar el informe de encuestas medición de la satisfacción"):
//! surveys sent, answered and the response rate over sent, satisfaction
//! with its goal, each figure with the counts and the base it is taken
//! over; the scale, scope and repeated-answer rule in words; the
//! 12-period trend; the mean per question; the score distribution; the
//! comments grouped; and the period's comments.

use rust_xlsxwriter::Workbook;

use crate::error::Result;
use crate::indicators;
use crate::model::dataset::Survey;
use crate::policy::Repeated;
use crate::report::{Context, wording};
use crate::text::Msg;
use crate::text::msg::{common, report, sheets as m, survey_report as sr};

use super::cells::{Formats, PrintLayout, Sheet, assumed, texts};
use super::parts::{Columns, block, continued, list_sheet, note, plan};
use super::summary::{goal_text, numerator_format};

/// The figures shown, by id, in order.
const FIGURES: [&str; 7] = [
    "surveys_sent",
    "surveys_answered",
    "survey_sent_answered_pct",
    "survey_response_rate_pct",
    "csat_mean",
    "satisfied_pct",
    "answers_out_of_scope",
];

/// The trend's indicators (after the period column).
const TREND: [&str; 5] = [
    "surveys_sent",
    "surveys_answered",
    "survey_sent_answered_pct",
    "csat_mean",
    "satisfied_pct",
];

/// Column widths A..F.
const WIDTHS: [f64; 6] = [34.0, 20.0, 13.0, 13.0, 22.0, 60.0];

/// Writes the sheet (the period's comments continue on numbered sheets
/// past the row limit: [`super::parts`]).
pub(super) fn write(
    wb: &mut Workbook,
    f: &Formats,
    c: &Context<'_>,
) -> Result<()> {
    let lang = c.lang;
    let name = report::SHEET_SURVEYS.get(lang);
    let sheet = list_sheet(wb, c.lists.comments.len())?;
    let mut s = Sheet::named(sheet, f, c, name)?;
    s.widths(&WIDTHS)?;
    let period = wording::period(c.period, lang);
    s.text_f(
        0,
        0,
        &sr::TITLE.fill(lang, &[("period", &period)]),
        &f.title,
    )?;
    let r = figures(&mut s, 2)?;
    let r = rules(&mut s, r + 1)?;
    let r = trend(&mut s, r + 1)?;
    let r = questions(&mut s, r + 1)?;
    let r = distribution(&mut s, r + 1)?;
    let r = groups(&mut s, r + 1)?;
    let (last, parts) = comments(&mut s, r + 1)?;
    s.print_setup(&PrintLayout {
        repeat_rows: None,
        ..PrintLayout::list(true, 0, last, 5)
    })?;
    let heads = comment_heads(c);
    let cols = Columns {
        heads: &heads,
        widths: &WIDTHS,
        tall: false,
    };
    let list = &c.lists.comments;
    let mut row = comment_row(c);
    continued(wb, f, c, name, &cols, list, &parts, false, &mut row)
}

/// The base of figure `id` in words.
fn basis(c: &Context<'_>, id: &str) -> String {
    let w = &c.words;
    let rule = repeated_text(c.policy.survey().repeated);
    match id {
        "surveys_sent" if c.ds.surveys_sent_column => {
            w.get(sr::BASE_SENT_ROWS)
        }
        "surveys_sent" => w.get(sr::BASE_SENT_RULE),
        "surveys_answered" => w.get(sr::BASE_ANSWERED),
        "survey_sent_answered_pct" => w.get(sr::BASE_RATE),
        "survey_response_rate_pct" => w.get(sr::BASE_SOLVED_RATE),
        "answers_out_of_scope" => w.get(sr::BASE_OUT),
        _ => w.fill(sr::BASE_CSAT, &[("rule", &w.get(rule))]),
    }
}

/// `[survey] repeated` in words.
fn repeated_text(r: Repeated) -> Msg {
    match r {
        Repeated::First => sr::RULE_FIRST,
        Repeated::Last => sr::RULE_LAST,
        Repeated::Mean => sr::RULE_MEAN,
    }
}

/// The figures table from row `r0` (its header); the next free row.
fn figures(s: &mut Sheet<'_, '_>, r0: u32) -> Result<u32> {
    let (c, f, lang) = (s.c, s.f, s.lang());
    let heads = [
        m::SUMMARY_INDICATOR,
        m::SUMMARY_RESULT,
        report::COL_NUMERATOR,
        report::COL_DENOMINATOR,
        sr::COL_GOAL,
        sr::COL_BASE,
    ];
    s.headers(r0, &texts(&c.words, &heads))?;
    for (k, id) in FIGURES.iter().enumerate() {
        let r = r0 + 1 + k as u32;
        let line = &c.lines[0];
        s.text(r, 0, &indicators::describe(id, &c.words).0)?;
        s.indicator(r, 1, id, line.get(id))?;
        let parts = line.parts(id);
        s.num(r, 2, parts.num, numerator_format(f, id))?;
        s.num(r, 3, parts.den.map(|d| d as f64), &f.int)?;
        s.text(r, 4, &goal_text(c.policy.goal(id), id, lang))?;
        s.text_f(r, 5, &basis(c, id), &f.wrap)?;
    }
    Ok(r0 + 1 + FIGURES.len() as u32)
}

/// The scale, the scope and the repeated-answer rule from row `r0`; the
/// next free row.
fn rules(s: &mut Sheet<'_, '_>, r0: u32) -> Result<u32> {
    let (c, f, lang) = (s.c, s.f, s.lang());
    let w = &c.words;
    let survey = c.policy.survey();
    let min = m::SURVEYS_SATISFIED_MIN.get(lang).to_string();
    s.text(r0, 0, &assumed(c, "survey.scale", min))?;
    s.num(r0, 1, Some(survey.satisfied_min), &f.num)?;
    let scale = m::SURVEYS_SCALE.fill(lang, &[("max", &survey.scale_max)]);
    s.text(r0, 2, &scale)?;
    let scope = m::SURVEYS_SCOPE.get(lang).to_string();
    s.text(r0 + 1, 0, &assumed(c, "survey.applies_to", scope))?;
    let scope = c.policy.survey_scope().map(|r| r.describe());
    let all = w.get(m::SURVEYS_SCOPE_ALL);
    s.text(r0 + 1, 1, scope.as_deref().unwrap_or(&all))?;
    s.text(r0 + 2, 0, &w.get(sr::REPEATED))?;
    s.text(r0 + 2, 1, &w.get(repeated_text(survey.repeated)))?;
    Ok(r0 + 3)
}

/// The last 12 periods under a title at `r0`; the next free row.
fn trend(s: &mut Sheet<'_, '_>, r0: u32) -> Result<u32> {
    let (c, f, lang) = (s.c, s.f, s.lang());
    s.text_f(r0, 0, sr::TREND.get(lang), &f.bold)?;
    let mut heads = vec![sr::COL_PERIOD.get(lang).to_string()];
    heads.extend(TREND.iter().map(|id| indicators::describe(id, &c.words).0));
    s.headers(r0 + 1, &heads)?;
    s.header_height(r0 + 1, &WIDTHS, &heads)?;
    for (k, (p, line)) in c.trend.iter().enumerate() {
        let r = r0 + 2 + k as u32;
        s.text(r, 0, &wording::period(p, lang))?;
        // A period with no survey sent and none answered (before the
        // data starts) is left blank, not 0, as on "Tendencia".
        let none = |id: &str| line.get(id).is_none_or(|v| v == 0.0);
        if none("surveys_sent") && none("surveys_answered") {
            continue;
        }
        for (j, id) in TREND.iter().enumerate() {
            s.indicator(r, 1 + j as u16, id, line.get(id))?;
        }
    }
    Ok(r0 + 2 + c.trend.len() as u32)
}

/// The mean per question under a title at `r0`; the next free row.
fn questions(s: &mut Sheet<'_, '_>, r0: u32) -> Result<u32> {
    let (c, f, lang) = (s.c, s.f, s.lang());
    s.text_f(r0, 0, sr::QUESTIONS.get(lang), &f.bold)?;
    let qs = &c.lists.survey.questions;
    if qs.is_empty() {
        s.text(r0 + 1, 0, sr::NO_QUESTIONS.get(lang))?;
        return Ok(r0 + 2);
    }
    let heads = [
        sr::COL_QUESTION,
        sr::COL_COLUMN,
        report::COL_ANSWERS,
        sr::COL_MEAN,
    ];
    s.headers(r0 + 1, &texts(&c.words, &heads))?;
    for (k, q) in qs.iter().enumerate() {
        let r = r0 + 2 + k as u32;
        s.text(r, 0, &q.label)?;
        s.text(r, 1, &q.column)?;
        s.num(r, 2, Some(q.answers as f64), &f.int)?;
        s.num(r, 3, q.mean(), &f.num)?;
    }
    Ok(r0 + 2 + qs.len() as u32)
}

/// The score distribution under a title at `r0`; the next free row.
fn distribution(s: &mut Sheet<'_, '_>, r0: u32) -> Result<u32> {
    let (c, f, lang) = (s.c, s.f, s.lang());
    s.text_f(r0, 0, sr::DISTRIBUTION.get(lang), &f.bold)?;
    s.headers(
        r0 + 1,
        &texts(&c.words, &[report::COL_SCORE, report::COL_ANSWERS]),
    )?;
    let dist = &c.lists.scores;
    for (k, (score, n)) in dist.iter().enumerate() {
        let r = r0 + 2 + k as u32;
        s.num(r, 0, Some(*score), &f.num)?;
        s.num(r, 1, Some(*n as f64), &f.int)?;
    }
    Ok(r0 + 2 + dist.len() as u32)
}

/// The comment groups under a title and their rule at `r0`; the next
/// free row.
fn groups(s: &mut Sheet<'_, '_>, r0: u32) -> Result<u32> {
    let (c, f, lang) = (s.c, s.f, s.lang());
    s.text_f(r0, 0, sr::GROUPS.get(lang), &f.bold)?;
    let rule = if c.policy.survey_form().comment_groups.is_empty() {
        sr::GROUPS_BY_TEXT
    } else {
        sr::GROUPS_BY_KEYWORDS
    };
    s.text(r0 + 1, 0, rule.get(lang))?;
    let heads = [sr::COL_GROUP, sr::COL_COMMENTS, sr::COL_EXAMPLES];
    s.headers(r0 + 2, &texts(&c.words, &heads))?;
    let gs = &c.lists.survey.groups;
    for (k, g) in gs.iter().enumerate() {
        let r = r0 + 3 + k as u32;
        let label = g.label.as_deref().unwrap_or(sr::OTHERS.get(lang));
        s.text_f(r, 0, label, &f.wrap)?;
        s.num(r, 1, Some(g.count as f64), &f.int)?;
        s.text_f(r, 2, &g.examples.join(" · "), &f.wrap)?;
    }
    Ok(r0 + 3 + gs.len() as u32)
}

/// The headers of the period's comments.
fn comment_heads(c: &Context<'_>) -> Vec<String> {
    let heads = [
        report::COL_TICKET,
        m::SURVEYS_ANSWERED,
        report::COL_SCORE,
        sr::COL_IN_SCOPE,
        sr::COL_GROUP,
        m::SURVEYS_COMMENT,
    ];
    texts(&c.words, &heads)
}

/// The writer of one comment's row: ticket, answered, score, within
/// scope, group, comment.
fn comment_row<'x>(
    c: &'x Context<'_>,
) -> impl FnMut(&mut Sheet<'_, '_>, u32, &&Survey) -> Result<()> + 'x {
    let mut scope = vec![false; c.ds.tickets.len()];
    for row in c.rows {
        scope[row.ticket as usize] = row.survey_expected;
    }
    let form = c.policy.survey_form();
    let keywords = !form.comment_groups.is_empty();
    move |s, r, sv| {
        let (f, lang) = (s.f, c.lang);
        let text = c.ds.strings.get(sv.comment);
        let inside = scope[sv.ticket as usize];
        s.text(r, 0, &c.ds.tickets[sv.ticket as usize].id)?;
        s.date(r, 1, Some(sv.answered_at))?;
        s.num(r, 2, Some(sv.score), &f.num)?;
        let yes_no = if inside { common::YES } else { common::NO };
        s.text(r, 3, yes_no.get(lang))?;
        if inside && keywords {
            let g = form.group_of(text).unwrap_or(sr::OTHERS.get(lang));
            s.text(r, 4, g)?;
        }
        s.text_f(r, 5, text, &f.wrap)
    }
}

/// The period's comments under a title at `r0`, with whether each is
/// within scope and its group (the part that fits the row limit, under
/// a note when they continue on other sheets); the last row written
/// and the parts ([`plan`]).
fn comments(
    s: &mut Sheet<'_, '_>,
    r0: u32,
) -> Result<(u32, Vec<std::ops::Range<usize>>)> {
    let (c, f, lang) = (s.c, s.f, s.lang());
    s.text_f(r0, 0, m::SURVEYS_COMMENTS.get(lang), &f.bold)?;
    let heads = comment_heads(c);
    let cols = Columns {
        heads: &heads,
        widths: &WIDTHS,
        tall: false,
    };
    let list = &c.lists.comments;
    let parts = plan(list.len(), r0 + 1, 0, c.row_limit);
    let name = report::SHEET_SURVEYS.get(lang);
    let text = note(c, name, parts.len(), 1, list.len());
    let text = (parts.len() > 1).then_some(text.as_str());
    let first = &list[parts[0].clone()];
    let mut row = comment_row(c);
    let head = block(s, r0 + 1, text, &cols, first, false, &mut row)?;
    Ok((head + first.len() as u32, parts))
}
