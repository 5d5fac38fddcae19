//! "Escalamientos": each group's time to take the cases escalated to it
//! (the escalation indicators of dimension `group`,
//! [`crate::indicators::escalations`]), then the escalations taken late
//! in the period or still waiting at the cutoff
//! ([`crate::engine::escalations`]).

use rust_xlsxwriter::Workbook;

use crate::engine::escalations::{Level, Outcome};
use crate::error::Result;
use crate::indicators::{Dim, Line};
use crate::policy::TakeWithin;
use crate::report::Context;
use crate::text::Msg;
use crate::text::msg::{escalations as m, report};

use super::cells::{
    DATE_W, DUR_W, Formats, ID_W, PrintLayout, Sheet, TITLE_W, assumed,
    header, texts,
};
use super::parts::{Columns, block, continued, note, plan};

/// The per-group table: the indicator shown in each column after the
/// group's name.
const GROUP_IDS: [&str; 5] = [
    "escalations",
    "escalation_take_business_hours_mean",
    "escalation_take_business_hours_p90",
    "escalation_take_compliance_pct",
    "escalations_waiting",
];

/// Headers of the per-group table after the group.
const GROUP_HEADS: [Msg; 6] = [
    m::COL_RECEIVED,
    m::COL_TAKEN,
    m::COL_TAKE_MEAN,
    m::COL_TAKE_P90,
    m::COL_WITHIN,
    m::COL_WAITING,
];

/// Headers of the list.
const LIST_HEADS: [Msg; 10] = [
    report::COL_TICKET,
    report::COL_TITLE,
    report::COL_PRIORITY,
    m::COL_FROM_GROUP,
    m::COL_TO_GROUP,
    m::COL_ESCALATED_AT,
    m::COL_TAKEN_AT,
    m::COL_TAKE_TIME,
    m::COL_TAKE_TARGET,
    m::COL_SITUATION,
];

/// The row of the per-group table's header.
const GROUP_ROW: u32 = 3;

/// Whether the sheet has something to show: the events name groups and
/// some ticket was escalated.
pub(super) fn applies(c: &Context<'_>) -> bool {
    c.escalations_folded
        .unwrap_or_else(|| c.levels.iter().any(|(_, l)| l.level > 0))
}

/// Writes the sheet (the list continues on numbered sheets past the
/// row limit: [`super::parts`]).
pub(super) fn write(
    wb: &mut Workbook,
    f: &Formats,
    c: &Context<'_>,
) -> Result<()> {
    let (lang, w) = (c.lang, &c.words);
    let name = super::cells::sheet_name(w, m::SHEET_ESCALATIONS);
    let mut s = Sheet::named(wb.add_worksheet(), f, c, &name)?;
    let widths = [
        ID_W.max(28.0),
        TITLE_W.max(14.0),
        14.0,
        20.0,
        20.0,
        DATE_W,
        DATE_W,
        DUR_W.max(12.0),
        DUR_W.max(12.0),
        18.0,
    ];
    s.widths(&widths)?;
    let title = w.fill(m::TITLE, &[("period", &c.period_words())]);
    s.text_f(0, 0, &title, &f.title)?;
    s.text(1, 0, &assumed(c, "escalation", target_text(c)))?;
    let mut heads = vec![header(c, report::COL_GROUP)];
    heads.extend(texts(w, &GROUP_HEADS));
    s.headers(GROUP_ROW, &heads)?;
    let mut lines: Vec<&Line> = vec![&c.lines[0]];
    lines.extend(c.dim_lines(Dim::Group).into_iter().filter(|l| {
        GROUP_IDS
            .iter()
            .any(|id| l.get(id).is_some_and(|v| v > 0.0))
            || l.parts("escalation_take_business_hours_mean").den > Some(0)
    }));
    let mut r = GROUP_ROW + 1;
    for l in &lines {
        let g = if l.dim == Dim::All {
            m::ALL_GROUPS.get(lang)
        } else {
            &l.group
        };
        s.text(r, 0, g)?;
        s.indicator(r, 1, GROUP_IDS[0], l.get(GROUP_IDS[0]))?;
        let taken = l.parts("escalation_take_business_hours_mean").den;
        s.num(r, 2, taken.map(|n| n as f64), &f.int)?;
        for (k, id) in GROUP_IDS.iter().enumerate().skip(1) {
            s.indicator(r, 2 + k as u16, id, l.get(id))?;
        }
        r += 1;
    }
    let list_row = r + 1;
    let list = late_or_waiting(c);
    s.text_f(list_row, 0, &w.get(m::LIST_TITLE), &f.bold)?;
    let heads = texts(w, &LIST_HEADS);
    let cols = Columns {
        heads: &heads,
        widths: &widths,
        tall: false,
    };
    let parts = plan(list.len(), list_row + 1, 0, c.row_limit);
    let text = note(c, &name, parts.len(), 1, list.len());
    let text = (parts.len() > 1).then_some(text.as_str());
    let first = &list[parts[0].clone()];
    let mut row = |s: &mut Sheet<'_, '_>, r: u32, x: &Escalation<'_>| {
        list_row_write(s, c, r, x.0, x.1, x.2)
    };
    let head =
        block(&mut s, list_row + 1, text, &cols, first, false, &mut row)?;
    if list.is_empty() {
        s.text(head + 1, 0, &w.get(m::LIST_NONE))?;
    }
    let last = head + 1 + first.len().max(1) as u32;
    s.print_setup(&PrintLayout::list(
        true,
        0,
        last,
        LIST_HEADS.len() as u16 - 1,
    ))?;
    continued(wb, f, c, &name, &cols, &list, &parts, false, row)
}

/// One escalation of the list: the ticket's index, the previous group
/// and the level.
type Escalation<'a> = (usize, u32, &'a Level);

/// One escalation of the list.
fn list_row_write(
    s: &mut Sheet<'_, '_>,
    c: &Context<'_>,
    row: u32,
    i: usize,
    prev: u32,
    l: &Level,
) -> Result<()> {
    use crate::model::dataset::Attr;
    s.ticket(row, i, &[Attr::Priority])?;
    s.text(row, 3, c.ds.strings.get(prev))?;
    s.text(row, 4, c.ds.strings.get(l.group))?;
    s.date(row, 5, Some(l.from))?;
    s.date(row, 6, l.taken_at.get())?;
    s.dur(row, 7, Some(l.take_s))?;
    s.dur(row, 8, l.target_s.get())?;
    let situation = if l.outcome == Some(Outcome::Waiting) {
        m::SITUATION_WAITING
    } else {
        m::SITUATION_LATE
    };
    s.text(row, 9, situation.get(c.lang))
}

/// The escalations of in-scope tickets taken late in the period, and
/// those waiting at the cutoff: (ticket, previous group, level), by
/// escalation instant.
fn late_or_waiting<'c>(c: &'c Context<'_>) -> Vec<Escalation<'c>> {
    let mut out = Vec::new();
    for (k, (t, l)) in c.levels.iter().enumerate() {
        if l.level == 0 || k == 0 {
            continue;
        }
        if !crate::indicators::escalations::in_scope(c.rows, *t) {
            continue;
        }
        let late = l.met == Some(false)
            && l.taken_at.get().is_some_and(|x| c.period.contains(x));
        if late || l.outcome == Some(Outcome::Waiting) {
            out.push((*t as usize, c.levels[k - 1].1.group, l));
        }
    }
    out.sort_by_key(|(i, _, l)| (l.from, *i));
    out
}

/// The take target in words, from `[escalation] take_within`.
fn target_text(c: &Context<'_>) -> String {
    let w = &c.words;
    match c.policy.take_within() {
        None => w.get(m::TARGET_NONE),
        Some(TakeWithin::Response) => w.get(m::TARGET_RESPONSE),
        Some(TakeWithin::Duration(d)) => {
            w.fill(m::TARGET_FIXED, &[("target", &d)])
        }
    }
}
