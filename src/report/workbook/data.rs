//! "Datos": the per-ticket table, the same columns as `sla.csv`
//! ([`crate::engine::output::COLUMNS`], docs/CONTRACT.md), typed
//! (instants as dates, durations as durations, flags as Sí/No).

use rust_xlsxwriter::Worksheet;

use crate::engine::output::{COLUMNS, worst};
use crate::engine::{Exclusion, SlaRow};
use crate::error::Result;
use crate::model::dataset::Attr;
use crate::report::Context;

use super::cells::{
    DATE_W, DUR_W, Formats, ID_W, PrintLayout, SHORT_W, Sheet, attr,
};

/// The attribute columns after the ticket id.
const ATTRS: [Attr; 5] = [
    Attr::Type,
    Attr::Priority,
    Attr::Category,
    Attr::Group,
    Attr::Assignee,
];

/// The columns' widths, in the order of [`COLUMNS`]: instants and
/// durations as their formats need (no `###`), flags and counts short.
const WIDTHS: [f64; 35] = [
    ID_W, 12.0, 12.0, 18.0, 16.0, 16.0, // ticket_id .. assignee
    DATE_W, DATE_W, DATE_W, DATE_W, 12.0, // opened_at .. state
    DUR_W, DUR_W, DUR_W, DUR_W, DUR_W, // response_business_s .. targets
    SHORT_W, SHORT_W, DATE_W, SHORT_W, SHORT_W, // met .. survey_score
    18.0, DUR_W, DATE_W, 10.0, 10.0, 10.0, // excluded_reason .. at_risk
    SHORT_W, SHORT_W, DUR_W, DUR_W,
    DUR_W, // auto_closed .. solved_before
    DATE_W, SHORT_W, SHORT_W, // survey_answered_at, target_rule, events
];

/// Writes the sheet `name` with `rows` (one chunk of the table).
pub(super) fn write(
    ws: &mut Worksheet,
    f: &Formats,
    c: &Context<'_>,
    name: &str,
    rows: &[SlaRow],
) -> Result<()> {
    let mut s = Sheet::named(ws, f, c, name)?;
    // Widths first: a constant-memory sheet streams its rows.
    s.widths(&WIDTHS)?;
    s.headers(0, COLUMNS)?;
    for (k, r) in rows.iter().enumerate() {
        row(&mut s, 1 + k as u32, r)?;
    }
    let (n, cols) = (rows.len() as u32, COLUMNS.len() as u16);
    s.table(0, n, cols)?;
    s.print_setup(&PrintLayout::list(true, 0, n, cols - 1))
}

/// One ticket's row, column by column as in [`COLUMNS`].
fn row(s: &mut Sheet<'_, '_>, row: u32, r: &SlaRow) -> Result<()> {
    let (c, f) = (s.c, s.f);
    let i = r.ticket as usize;
    let t = &c.ds.tickets[i];
    s.text(row, 0, &t.id)?;
    for (j, a) in ATTRS.into_iter().enumerate() {
        s.text(row, 1 + j as u16, attr(c, i, a))?;
    }
    s.date(row, 6, Some(t.opened_at))?;
    s.date(row, 7, r.responded_at)?;
    s.date(row, 8, r.solved_at)?;
    s.date(row, 9, r.closed_at)?;
    if r.excluded != Some(Exclusion::OpenedAfterCutoff) {
        s.text(row, 10, r.state.map_or("", |st| st.key()))?;
    }
    s.dur(row, 11, Some(r.response_s))?;
    s.dur(row, 12, Some(r.resolution_s))?;
    s.dur(row, 13, Some(r.paused_s))?;
    s.dur(row, 14, r.response_target_s)?;
    s.dur(row, 15, r.resolution_target_s)?;
    s.yes_no(row, 16, r.response_met)?;
    s.yes_no(row, 17, r.resolution_met)?;
    s.date(row, 18, r.resolution_due_at)?;
    s.num(row, 19, Some(f64::from(r.reopen_count)), &f.int)?;
    s.num(row, 20, r.survey_score, &f.num)?;
    s.text(row, 21, r.excluded.map_or("", |e| e.name(c.policy)))?;
    s.dur(row, 22, Some(r.wall_resolution_s))?;
    s.date(row, 23, r.response_due_at)?;
    for (j, cl) in [r.response_class, r.resolution_class, worst(r)]
        .into_iter()
        .enumerate()
    {
        s.text(row, 24 + j as u16, cl.map_or("", |x| x.key()))?;
    }
    s.yes_no(row, 27, r.auto_closed)?;
    s.yes_no(row, 28, r.close_late)?;
    s.dur(row, 29, r.response_overrun_s)?;
    s.dur(row, 30, r.resolution_overrun_s)?;
    s.dur(row, 31, Some(r.solved_before_reopen_s))?;
    s.date(row, 32, r.survey_answered_at)?;
    s.num(row, 33, r.target_rule.map(|v| v as f64), &f.int)?;
    s.num(row, 34, Some(f64::from(r.events)), &f.int)
}
