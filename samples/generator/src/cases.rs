//! The hand-made tickets `CASO-1` .. `CASO-6`, with the same timelines as
//! tests/data/sla (T1 .. T6), written with the policy's labels so that
//! each sample shows every rule on a known ticket: a pause over a weekend
//! and a holiday, a reopen after a rejected survey, an auto-close, a
//! massive incident, a cancelled case and a ticket opened on a Saturday
//! night.

use plazo::error::Result;
use plazo::policy::Policy;
use plazo::time::Instant;

use crate::{Labels, Profile, Tables, Ticket};

/// A hand-made ticket: opened at a local time in the profile's first
/// type, second priority, first category, group, technician and channel;
/// then its status changes (local time, label) and maybe a survey answer
/// (local time, score over 5, comment).
struct Case<'l> {
    id: &'static str,
    opened: &'static str,
    users: i64,
    title: &'static str,
    events: Vec<(&'static str, &'l str)>,
    survey: Option<(&'static str, u32, &'static str)>,
}

/// Writes the cases in id order: CASO-4 only when the policy has a
/// massive-incident rule, CASO-5 only when it has a cancelled label, and
/// no case that needs a label the policy lacks (CASO-1's paused).
pub(crate) fn write(
    profile: &Profile,
    policy: &Policy,
    l: &Labels,
    tables: &mut Tables,
) -> Result<()> {
    let massive = policy.exclusions().massive_affected_users;
    let cases = [
        Some(pause_over_weekend_and_holiday(l)),
        Some(reopened_after_rejected_survey(l)),
        Some(auto_closed(l)),
        massive.map(|m| massive_incident(l, m)),
        (!l.cancelled.is_empty()).then(|| cancelled(l)),
        Some(opened_on_saturday_night(l)),
    ];
    for case in cases.into_iter().flatten() {
        if case.events.iter().any(|e| e.1.is_empty()) {
            continue;
        }
        write_case(&case, profile, policy.tz(), l, tables)?;
    }
    Ok(())
}

/// The case's ticket row, its events (the opening in the new state, then
/// the case's) and its survey answer.
fn write_case(
    c: &Case,
    p: &Profile,
    tz: chrono_tz::Tz,
    l: &Labels,
    tables: &mut Tables,
) -> Result<()> {
    let at = |s: &str| Instant::parse(s, tz).map(Instant::unix);
    let opened = at(c.opened)?;
    let group = p.groups[0];
    tables.ticket(&Ticket {
        id: c.id,
        opened,
        ty: p.types[0].0,
        priority: p.priorities[1].0,
        category: p.categories[0].0,
        group,
        assignee: p.assignees[0],
        requester: "Usuario de prueba",
        channel: p.channels[0].0,
        users: c.users,
        title: c.title,
    });
    tables.event(c.id, opened, &l.new, group);
    for (when, label) in &c.events {
        tables.event(c.id, at(when)?, label, group);
    }
    if let Some((when, score, comment)) = c.survey {
        tables.survey(c.id, at(when)?, score, comment);
    }
    Ok(())
}

/// CASO-1: paused on Thursday 9 July, taken again on Tuesday 14 (Monday
/// 13 is a holiday).
fn pause_over_weekend_and_holiday(l: &Labels) -> Case<'_> {
    let open = l.opens[0].as_str();
    Case {
        id: "CASO-1",
        opened: "2026-07-09 09:00",
        users: 1,
        title: "Pausa sobre fin de semana y festivo",
        events: vec![
            ("2026-07-09 09:30", open),
            ("2026-07-09 16:00", &l.paused),
            ("2026-07-14 10:00", open),
            ("2026-07-14 11:30", &l.solved),
            ("2026-07-15 08:00", &l.closed),
        ],
        survey: None,
    }
}

/// CASO-2: a score of 2 reopens it five minutes later; solved again the
/// next morning.
fn reopened_after_rejected_survey(l: &Labels) -> Case<'_> {
    Case {
        id: "CASO-2",
        opened: "2026-03-02 08:00",
        users: 1,
        title: "Reapertura tras encuesta rechazada",
        events: vec![
            ("2026-03-02 08:20", &l.opens[0]),
            ("2026-03-02 10:20", &l.solved),
            ("2026-03-02 15:05", &l.reopened),
            ("2026-03-03 09:00", &l.solved),
            ("2026-03-03 09:30", &l.closed),
        ],
        survey: Some((
            "2026-03-02 15:00",
            2,
            "No quedó resuelto, sigue fallando",
        )),
    }
}

/// CASO-3: solved on Wednesday 1 April (Thursday 2 and Friday 3 are
/// holidays), no answer, closed at 03:00 on Thursday 9 as by the nightly
/// auto-close job.
fn auto_closed(l: &Labels) -> Case<'_> {
    Case {
        id: "CASO-3",
        opened: "2026-04-01 10:00",
        users: 1,
        title: "Cierre automático sin respuesta a la encuesta",
        events: vec![
            ("2026-04-01 11:00", &l.opens[0]),
            ("2026-04-01 16:00", &l.solved),
            ("2026-04-09 03:00", &l.closed),
        ],
        survey: None,
    }
}

/// CASO-4: more affected users than the policy's massive threshold `m`.
fn massive_incident(l: &Labels, m: i64) -> Case<'_> {
    Case {
        id: "CASO-4",
        opened: "2026-05-05 08:00",
        users: m + 7,
        title: "Caída masiva del servicio",
        events: vec![
            ("2026-05-05 08:05", &l.opens[0]),
            ("2026-05-05 10:00", &l.solved),
            ("2026-05-06 10:00", &l.closed),
        ],
        survey: None,
    }
}

/// CASO-5: cancelled half an hour after its opening.
fn cancelled(l: &Labels) -> Case<'_> {
    Case {
        id: "CASO-5",
        opened: "2026-05-06 09:00",
        users: 1,
        title: "Solicitud anulada",
        events: vec![("2026-05-06 09:30", &l.cancelled)],
        survey: None,
    }
}

/// CASO-6: opened on Saturday 9 May at 22:00, taken on Monday 11 at
/// 07:40.
fn opened_on_saturday_night(l: &Labels) -> Case<'_> {
    Case {
        id: "CASO-6",
        opened: "2026-05-09 22:00",
        users: 1,
        title: "Abierto un sábado en la noche",
        events: vec![
            ("2026-05-11 07:40", &l.opens[0]),
            ("2026-05-11 16:30", &l.solved),
            ("2026-05-12 09:00", &l.closed),
        ],
        survey: None,
    }
}
