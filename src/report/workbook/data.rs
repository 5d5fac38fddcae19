//! "Datos": the per-ticket table, the same columns as `sla.csv`
//! ([`crate::engine::output::COLUMNS`], docs/CONTRACT.md), typed
//! (instants as dates, durations as durations, flags as Sí/No).

use rust_xlsxwriter::{Format, Worksheet};

use crate::engine::output::{COLUMNS, worst};
use crate::engine::{Class, Exclusion, SlaRow};
use crate::error::Result;
use crate::model::dataset::Attr;
use crate::report::Context;
use crate::text::Msg;
use crate::text::msg::{channel, closing, sheets};

use super::cells::{
    DATE_W, DUR_W, Formats, ID_W, PrintLayout, SHORT_W, Sheet, attr, header,
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
const WIDTHS: [f64; 46] = [
    ID_W, 12.0, 12.0, 18.0, 16.0, 16.0, // ticket_id .. assignee
    DATE_W, DATE_W, DATE_W, DATE_W, 12.0, // opened_at .. state
    DUR_W, DUR_W, DUR_W, DUR_W, DUR_W, // response_business_s .. targets
    SHORT_W, SHORT_W, DATE_W, SHORT_W, SHORT_W, // met .. survey_score
    18.0, DUR_W, DATE_W, 10.0, 10.0, 10.0, // excluded_reason .. at_risk
    SHORT_W, SHORT_W, DUR_W, DUR_W,
    DUR_W, // auto_closed .. solved_before
    DATE_W, SHORT_W, SHORT_W, // survey_answered_at, target_rule, events
    // channel ("Herramienta de mesa de servicios" wraps; 24 also keeps
    // LibreOffice from ending the Víctimas sample with a blank page),
    // then the precase_* columns.
    24.0, DATE_W, DATE_W, DATE_W, DUR_W, SHORT_W, SHORT_W, SHORT_W, DUR_W,
    SHORT_W, // closed_early .. survey
    12.0,    // outcome
];

/// Each column's number format, in the order of [`COLUMNS`] (`None`:
/// text), set once on the column: the rows' cells carry none of their
/// own ([`Sheet::column_formats`]).
fn formats(f: &Formats) -> [Option<&Format>; 46] {
    let (d, u, i, n) =
        (Some(&f.date), Some(&f.dur), Some(&f.int), Some(&f.num));
    [
        None, None, None, None, None, None, // ticket_id .. assignee
        d, d, d, d, None, // opened_at .. state
        u, u, u, u, u, // response_business_s .. targets
        None, None, d, i, n, // met .. survey_score
        None, u, d, None, None, None, // excluded_reason .. at_risk
        None, None, u, u, u, // auto_closed .. solved_before
        d, i, i, // survey_answered_at, target_rule, events
        None, d, d, d, u, // channel, precase_*
        None, None, None, u, None, // closed_early .. survey
        None, // outcome
    ]
}

/// The headers, one per column of [`COLUMNS`] (`sla.csv`'s ids), in
/// the report's language and words.
const HEADS: [Msg; 46] = [
    sheets::DATA_TICKET_ID,
    sheets::DATA_TYPE,
    sheets::DATA_PRIORITY,
    sheets::DATA_CATEGORY,
    sheets::DATA_GROUP,
    sheets::DATA_ASSIGNEE,
    sheets::DATA_OPENED_AT,
    sheets::DATA_RESPONDED_AT,
    sheets::DATA_SOLVED_AT,
    sheets::DATA_CLOSED_AT,
    sheets::DATA_STATE,
    sheets::DATA_RESPONSE_TIME,
    sheets::DATA_RESOLUTION_TIME,
    sheets::DATA_PAUSED_TIME,
    sheets::DATA_RESPONSE_TARGET,
    sheets::DATA_RESOLUTION_TARGET,
    sheets::DATA_RESPONSE_MET,
    sheets::DATA_RESOLUTION_MET,
    sheets::DATA_RESOLUTION_DUE,
    sheets::DATA_REOPENS,
    sheets::DATA_SURVEY_SCORE,
    sheets::DATA_EXCLUDED,
    sheets::DATA_WALL_RESOLUTION,
    sheets::DATA_RESPONSE_DUE,
    sheets::DATA_RESPONSE_CLASS,
    sheets::DATA_RESOLUTION_CLASS,
    sheets::DATA_AT_RISK,
    sheets::DATA_AUTO_CLOSED,
    sheets::DATA_CLOSE_LATE,
    sheets::DATA_RESPONSE_OVERRUN,
    sheets::DATA_RESOLUTION_OVERRUN,
    sheets::DATA_SOLVED_BEFORE_REOPEN,
    sheets::DATA_SURVEY_ANSWERED,
    sheets::DATA_TARGET_RULE,
    sheets::DATA_EVENTS,
    channel::DATA_CHANNEL,
    channel::DATA_PRECASE_AT,
    channel::DATA_PRECASE_REGISTERED_AT,
    channel::DATA_PRECASE_DISCARDED_AT,
    channel::DATA_PRECASE_TIME,
    closing::DATA_CLOSED_EARLY,
    closing::DATA_CLOSED_WITHOUT_APPROVAL,
    closing::DATA_VALIDATED_WITHIN,
    closing::DATA_CLOSE_TIME,
    closing::DATA_SURVEY_BEFORE_CLOSE,
    crate::text::msg::outcomes::DATA_OUTCOME,
];

/// Writes the sheet `name` with `n` rows (one part of the table), each
/// given by `fill` in order, under the `note` row of a table split over
/// sheets.
pub(super) fn write(
    ws: &mut Worksheet,
    f: &Formats,
    c: &Context<'_>,
    (name, note): (&str, Option<&str>),
    n: u32,
    fill: impl FnOnce(&mut dyn FnMut(&SlaRow) -> Result<()>) -> Result<()>,
) -> Result<()> {
    let mut s = Sheet::named(ws, f, c, name)?;
    debug_assert_eq!(HEADS.len(), COLUMNS.len());
    // Widths first: a constant-memory sheet streams its rows.
    // With `[[versions]]`, "Versión" last (docs/CONTRACT.md §2.8).
    let versions = c.policy.has_versions();
    let mut widths = WIDTHS.to_vec();
    let mut heads: Vec<String> = HEADS.iter().map(|m| header(c, *m)).collect();
    if versions {
        widths.push(18.0);
        heads.push(header(c, crate::text::msg::versions::COL_VERSION));
    }
    s.widths(&widths)?;
    s.column_formats(&formats(f))?;
    // Rows in order: a constant-memory sheet cannot go back.
    let head = match note {
        Some(text) => {
            s.text(0, 0, text)?;
            1
        }
        None => 0,
    };
    s.headers(head, &heads)?;
    s.header_height(head, &widths, &heads)?;
    let mut at = head;
    fill(&mut |r| {
        at += 1;
        row(&mut s, at, r)?;
        if versions {
            let name = c.policy.version_policy(r.version).version_name();
            s.text(at, COLUMNS.len() as u16, name)?;
        }
        Ok(())
    })?;
    debug_assert_eq!(at - head, n, "the rows the plan counted");
    let cols = heads.len() as u16;
    s.table(head, n, cols)?;
    s.print_setup(&PrintLayout::list(true, head, head + n, cols - 1))
}

/// A measure's standing at the cutoff, in words.
fn class(c: &Context<'_>, x: Class) -> &'static str {
    let m = match x {
        Class::Breached => sheets::RISK_OVERDUE,
        Class::AtRisk => sheets::RISK_AT_RISK,
        Class::OnTrack => sheets::RISK_ON_TRACK,
    };
    m.get(c.lang)
}

/// One ticket's row, column by column as in [`COLUMNS`].
fn row(s: &mut Sheet<'_, '_>, row: u32, r: &SlaRow) -> Result<()> {
    let c = s.c;
    let i = r.ticket as usize;
    let t = &c.ds.tickets[i];
    s.text(row, 0, &t.id)?;
    for (j, a) in ATTRS.into_iter().enumerate() {
        s.text(row, 1 + j as u16, attr(c, i, a))?;
    }
    s.bare_date(row, 6, Some(t.opened_at))?;
    s.bare_date(row, 7, r.responded_at.get())?;
    s.bare_date(row, 8, r.solved_at.get())?;
    s.bare_date(row, 9, r.closed_at.get())?;
    if r.excluded != Some(Exclusion::OpenedAfterCutoff) {
        s.text(row, 10, r.state.map_or("", |st| st.label(c.lang)))?;
    }
    s.bare_dur(row, 11, Some(r.response_s))?;
    s.bare_dur(row, 12, Some(r.resolution_s))?;
    s.bare_dur(row, 13, Some(r.paused_s))?;
    s.bare_dur(row, 14, r.response_target_s.get())?;
    s.bare_dur(row, 15, r.resolution_target_s.get())?;
    s.yes_no(row, 16, r.response_met)?;
    s.yes_no(row, 17, r.resolution_met)?;
    s.bare_date(row, 18, r.resolution_due_at.get())?;
    s.bare(row, 19, Some(f64::from(r.reopen_count)))?;
    s.bare(row, 20, r.survey_score)?;
    let p = c.policy.version_policy(r.version);
    s.text(row, 21, r.excluded.map_or("", |e| e.name(p)))?;
    s.bare_dur(row, 22, Some(r.wall_resolution_s))?;
    s.bare_date(row, 23, r.response_due_at.get())?;
    for (j, cl) in [r.response_class, r.resolution_class, worst(r)]
        .into_iter()
        .enumerate()
    {
        s.text(row, 24 + j as u16, cl.map_or("", |x| class(c, x)))?;
    }
    s.yes_no(row, 27, r.auto_closed)?;
    s.yes_no(row, 28, r.close_late)?;
    s.bare_dur(row, 29, r.response_overrun_s.get())?;
    s.bare_dur(row, 30, r.resolution_overrun_s.get())?;
    s.bare_dur(row, 31, Some(r.solved_before_reopen_s))?;
    s.bare_date(row, 32, r.survey_answered_at.get())?;
    s.bare(row, 33, r.target_rule.map(f64::from))?;
    s.bare(row, 34, Some(f64::from(r.events)))?;
    s.text(row, 35, attr(c, i, Attr::Channel))?;
    s.bare_date(row, 36, r.precase_at.get())?;
    s.bare_date(row, 37, r.precase_registered_at.get())?;
    s.bare_date(row, 38, r.precase_discarded_at.get())?;
    s.bare_dur(row, 39, r.precase_business_s.get())?;
    s.yes_no(row, 40, r.closed_early)?;
    s.yes_no(row, 41, r.closed_without_approval)?;
    s.yes_no(row, 42, r.validated_within)?;
    s.bare_dur(row, 43, r.close_business_s.get())?;
    s.yes_no(row, 44, r.survey_before_close)?;
    s.text(row, 45, outcome(c, r))
}

/// The ticket's outcome ([`SlaRow::outcome`]) in words.
fn outcome(c: &Context<'_>, r: &SlaRow) -> &'static str {
    use crate::policy::State;
    let m = match r.outcome() {
        "solved" => return State::Solved.label(c.lang),
        "unresolved" => return State::Unresolved.label(c.lang),
        "cancelled" => return State::Cancelled.label(c.lang),
        "pending" => crate::text::msg::outcomes::OUTCOME_PENDING,
        _ => return "",
    };
    m.get(c.lang)
}
