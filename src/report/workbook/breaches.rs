//! "Incumplimientos": the tickets that breached a target in the period,
//! and those overdue and unfinished at the cutoff
//! ([`crate::indicators::lists::breaches`]), longest overrun first; each
//! with its state at the cutoff (or "Plazo vencido, solución
//! pendiente"), the due date of each measure and the failed measure's
//! business time split by the group that held the ticket
//! ([`Context::group_times`]), in one wrapped cell: the groups of an
//! entity are not bounded (3 levels at Víctimas, dozens in a GLPI), and
//! the list prints one page wide.

use rust_xlsxwriter::Workbook;

use crate::engine::holders::GroupTime;
use crate::error::Result;
use crate::indicators::lists::Breach;
use crate::model::dataset::Attr;
use crate::report::Context;
use crate::text::Msg;
use crate::text::msg::{report, sheets as m};

use super::cells::{
    DATE_W, DUR_W, Formats, ID_W, SHORT_W, Sheet, TITLE_W, wrapped_lines, xerr,
};

/// The ticket's identification columns after id and title.
const ATTRS: [Attr; 5] = [
    Attr::Type,
    Attr::Priority,
    Attr::Category,
    Attr::Group,
    Attr::Assignee,
];

/// The columns after the ticket's identification.
const COLUMNS: [Msg; 16] = [
    m::BREACH_MEASURE,
    m::BREACH_STATE,
    report::COL_OPENED,
    m::BREACH_RESPONDED,
    m::BREACH_SOLVED,
    report::COL_RESOLUTION_TARGET,
    m::BREACH_RESOLUTION_DUE,
    m::BREACH_RESOLUTION_TIME,
    m::BREACH_OVERRUN,
    m::BREACH_RESPONSE_TARGET,
    m::BREACH_RESPONSE_DUE,
    m::BREACH_RESPONSE_TIME,
    m::BREACH_RESPONSE_OVERRUN,
    m::BREACH_PAUSED_TIME,
    m::BREACH_REOPENS,
    m::BREACH_BY_GROUP,
];

/// Width of the "Tiempo por grupo" column.
const BY_GROUP_W: f64 = 40.0;

/// Writes the sheet.
pub(super) fn write(
    wb: &mut Workbook,
    f: &Formats,
    c: &Context<'_>,
) -> Result<()> {
    let mut columns = COLUMNS.to_vec();
    let mut widths = vec![
        ID_W, TITLE_W, 14.0, 11.0, 16.0, 14.0, 14.0, 18.0, 20.0, DATE_W,
        DATE_W, DATE_W, DUR_W, DATE_W, DUR_W, DUR_W, DUR_W, DATE_W, DUR_W,
        DUR_W, DUR_W, SHORT_W, BY_GROUP_W,
    ];
    // With `--decisions`, each ticket's decisions in a last column.
    if c.decided.is_some() {
        columns.push(crate::text::msg::decisions::BREACH_COLUMN);
        widths.push(DECISION_W);
    }
    super::parts::ticket_list(
        wb,
        f,
        c,
        report::SHEET_BREACHES,
        &ATTRS,
        &columns,
        &widths,
        &c.lists.breaches,
        0,
        |s, r, b| {
            row(s, r, b)?;
            decision(s, r, b)
        },
    )
    .map(|_| ())
}

/// Width of the "Decisión" column.
const DECISION_W: f64 = 30.0;

/// The committee's decisions on the ticket, in the "Decisión" column:
/// "Exonerado (Solución, 20/10/2026)", one per measure.
fn decision(s: &mut Sheet<'_, '_>, row: u32, b: &Breach<'_>) -> Result<()> {
    let c = s.c;
    let Some(d) = &c.decided else {
        return Ok(());
    };
    let text: Vec<String> = d
        .book
        .list
        .iter()
        .filter(|x| x.ticket == b.row.ticket)
        .map(|x| {
            c.words.fill(
                crate::text::msg::decisions::BREACH_CELL,
                &[
                    ("decision", &super::decisions::ruling_name(c, x.ruling)),
                    ("what", &super::decisions::measure_name(c, x.measure)),
                    ("date", &crate::report::wording::day(x.date)),
                ],
            )
        })
        .collect();
    if text.is_empty() {
        return Ok(());
    }
    s.text(row, 23, &text.join("; "))
}

/// One breached ticket on row `row`.
fn row(s: &mut Sheet<'_, '_>, row: u32, b: &Breach<'_>) -> Result<()> {
    let (c, f, r) = (s.c, s.f, b.row);
    let i = r.ticket as usize;
    s.ticket(row, i, &ATTRS)?;
    let what = match (b.resolution_failed(), b.response_failed()) {
        (true, true) => m::BREACHED_BOTH,
        (true, false) => m::BREACHED_RESOLUTION,
        _ => m::BREACHED_RESPONSE,
    };
    s.text(row, 7, &c.words.get(what))?;
    s.text(row, 8, &state(c, b))?;
    s.date(row, 9, Some(c.ds.tickets[i].opened_at))?;
    s.date(row, 10, r.responded_at.get())?;
    s.date(row, 11, r.solved_at.get())?;
    s.dur(row, 12, r.resolution_target_s.get())?;
    s.date(row, 13, r.resolution_due_at.get())?;
    s.dur(row, 14, Some(r.resolution_s))?;
    s.dur(row, 15, r.resolution_overrun_s.get().filter(|v| *v > 0))?;
    s.dur(row, 16, r.response_target_s.get())?;
    s.date(row, 17, r.response_due_at.get())?;
    s.dur(row, 18, Some(r.response_s))?;
    s.dur(row, 19, r.response_overrun_s.get().filter(|v| *v > 0))?;
    s.dur(row, 20, Some(r.paused_s))?;
    s.num(row, 21, Some(f64::from(r.reopen_count)), &f.int)?;
    let Some(g) = c.group_times.get(&r.ticket) else {
        return Ok(());
    };
    let text = by_group(c, b, g);
    // Wrapped in a row tall enough for it: a default-height row would
    // print the extra lines over the row above.
    let lines = wrapped_lines(&text, BY_GROUP_W);
    if lines > 1 {
        s.ws.set_row_height(row, 15.0 * lines as f64)
            .map_err(xerr)?;
    }
    s.text_f(row, 22, &text, &f.wrap)
}

/// "Estado al corte": past due and unfinished, or the state at the
/// cutoff.
fn state(c: &Context<'_>, b: &Breach<'_>) -> String {
    if b.resolution_overdue {
        c.words.get(m::BREACH_OVERDUE_RESOLUTION)
    } else if b.response_overdue {
        c.words.get(m::BREACH_OVERDUE_RESPONSE)
    } else {
        b.row
            .state
            .map_or(String::new(), |st| st.label(c.lang).to_string())
    }
}

/// The failed measure's business time by group, in the order the groups
/// held the ticket: "Nivel 1 Mesa 3:10; Nivel 2 Especialistas 5:40"
/// (hours:minutes, rounded to the minute). The resolution's when it
/// failed, else the response's; so the parts add up to that measure's
/// "Tiempo hábil" column (give or take the rounding).
fn by_group(c: &Context<'_>, b: &Breach<'_>, times: &[GroupTime]) -> String {
    let resolution = b.resolution_failed();
    let parts: Vec<String> = times
        .iter()
        .map(|g| {
            let secs = if resolution {
                g.resolution_s
            } else {
                g.response_s
            };
            (g, secs)
        })
        .filter(|(_, secs)| *secs > 0)
        .map(|(g, secs)| {
            let name = match c.ds.strings.get(g.group) {
                "" => c.words.get(m::BREACH_NO_GROUP),
                n => n.to_string(),
            };
            let min = (secs + 30) / 60;
            format!("{name} {}:{:02}", min / 60, min % 60)
        })
        .collect();
    parts.join("; ")
}
