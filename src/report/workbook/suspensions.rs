//! "Suspensiones": every paused interval that overlaps the period
//! ([`crate::indicators::lists::pauses`]), with its state label, from,
//! to (or "en curso" at the cutoff), business and wall-clock durations,
//! its reason (the note of the event that began it), whether the policy
//! requires a note (`[checks] paused_requires_note`) and whether it has
//! one; below the list, the totals and the pauses per reason (folded
//! exact text). Absorbs the former "Suspensiones sin nota" sheet: the
//! pauses without a note are the rows whose "Con nota" is "No".

use std::collections::{BTreeMap, HashSet};

use rust_xlsxwriter::Workbook;

use crate::engine::Pause;
use crate::error::Result;
use crate::report::Context;
use crate::text::msg::outcomes as m;
use crate::text::{Msg, fold};

use super::cells::{
    BRIEF_ATTRS, DATE_W, DUR_W, Formats, ID_W, PrintLayout, Sheet, TITLE_W,
};

/// The columns after the ticket's identification.
const COLUMNS: [Msg; 8] = [
    m::PAUSE_STATE,
    m::PAUSE_FROM,
    m::PAUSE_TO,
    m::PAUSE_BUSINESS,
    m::PAUSE_WALL,
    m::PAUSE_REASON,
    m::PAUSE_NOTE_REQUIRED,
    m::PAUSE_HAS_NOTE,
];

/// Writes the sheet: the list ([`super::parts::ticket_list`]), then
/// the totals and the reasons, printed with it (on the list's last
/// sheet when it is split).
pub(super) fn write(
    wb: &mut Workbook,
    f: &Formats,
    c: &Context<'_>,
) -> Result<()> {
    let strings = &c.ds.strings;
    let events = &c.ds.events;
    let required = c.policy.paused_requires_note();
    let list = &c.lists.pauses;
    let widths = [
        ID_W, TITLE_W, 14.0, 11.0, 16.0, 16.0, DATE_W, DATE_W, DUR_W, DUR_W,
        30.0, 9.0, 9.0,
    ];
    // A blank row, the totals (5 rows), a blank row, the reasons' title
    // and the reasons.
    let tail = 8 + reasons(c, list).len() as u32;
    let end = super::parts::ticket_list(
        wb,
        f,
        c,
        m::SHEET_PAUSES_LIST,
        &BRIEF_ATTRS,
        &COLUMNS,
        &widths,
        list,
        tail,
        |s, row, p| {
            let e = &events[p.event as usize];
            s.ticket(row, p.ticket as usize, &BRIEF_ATTRS)?;
            s.text(row, 5, strings.get(e.status))?;
            s.date(row, 6, Some(p.start))?;
            if p.ongoing {
                s.text(row, 7, m::PAUSE_ONGOING.get(c.lang))?;
            } else {
                s.date(row, 7, Some(p.end))?;
            }
            s.dur(row, 8, Some(p.business_s))?;
            s.dur(row, 9, Some(p.wall_s()))?;
            s.text(row, 10, strings.get(e.note).trim())?;
            s.yes_no(row, 11, Some(required))?;
            s.yes_no(row, 12, Some(!p.unnoted))
        },
    )?;
    let ws = wb.worksheets_mut().last_mut().expect("the list's sheet");
    let mut s = Sheet { ws, f, c };
    let last = summary(&mut s, list, end.next + 1)?;
    let cols = (BRIEF_ATTRS.len() + 2 + COLUMNS.len()) as u16;
    s.print_setup(&PrintLayout::list(true, end.head, last, cols - 1))
}

/// Writes the totals and the pauses per reason from row `r0`; returns
/// the last row written.
fn summary(s: &mut Sheet<'_, '_>, list: &[Pause], r0: u32) -> Result<u32> {
    let c = s.c;
    let w = &c.words;
    let tickets: HashSet<u32> = list.iter().map(|p| p.ticket).collect();
    let business: i64 = list.iter().map(|p| p.business_s).sum();
    let unnoted = list.iter().filter(|p| p.unnoted).count();
    let bold = &s.f.bold;
    let int = &s.f.int;
    s.text_f(r0, 0, &w.get(m::PAUSE_TOTALS), bold)?;
    s.text(r0 + 1, 0, &w.get(m::PAUSE_TOTAL_PAUSES))?;
    s.num(r0 + 1, 2, Some(list.len() as f64), int)?;
    s.text(r0 + 2, 0, &w.get(m::PAUSE_TOTAL_TICKETS))?;
    s.num(r0 + 2, 2, Some(tickets.len() as f64), int)?;
    s.text(r0 + 3, 0, &w.get(m::PAUSE_TOTAL_HOURS))?;
    s.dur(r0 + 3, 2, Some(business))?;
    s.text(r0 + 4, 0, &w.get(m::PAUSE_TOTAL_UNNOTED))?;
    s.num(r0 + 4, 2, Some(unnoted as f64), int)?;
    let r = r0 + 6;
    s.text_f(r, 0, &w.get(m::PAUSE_REASONS), bold)?;
    s.text_f(r, 2, &w.get(m::PAUSE_REASON_COUNT), bold)?;
    let reasons = reasons(c, list);
    for (k, (text, n)) in reasons.iter().enumerate() {
        let row = r + 1 + k as u32;
        s.text(row, 0, text)?;
        s.num(row, 2, Some(*n as f64), int)?;
    }
    Ok(r + reasons.len() as u32)
}

/// The pauses per reason: notes grouped by their folded text (case,
/// accents and spaces aside), shown as first written; the pauses
/// without a note under "(sin nota)". Most frequent first, then by text.
pub(super) fn reasons(c: &Context<'_>, list: &[Pause]) -> Vec<(String, u64)> {
    let strings = &c.ds.strings;
    let mut by: BTreeMap<String, (String, u64)> = BTreeMap::new();
    for p in list {
        let note = strings.get(c.ds.events[p.event as usize].note).trim();
        let shown = if p.unnoted {
            m::PAUSE_NO_REASON.get(c.lang).to_string()
        } else {
            note.to_string()
        };
        let key = if p.unnoted { String::new() } else { fold(note) };
        by.entry(key).or_insert((shown, 0)).1 += 1;
    }
    let mut v: Vec<(String, u64)> = by.into_values().collect();
    v.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    v
}
