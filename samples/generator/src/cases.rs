//! The hand-made tickets, with the same timelines as tests/data/sla (T1 ..
//! T6), written with the policy's labels and the tool's id shape (the
//! profile's prefix and 90001 .. 90006: GLPI's numeric ids, Aranda's
//! `IM-` numbers) so that each sample shows every rule on a known ticket:
//! a pause over a weekend and a holiday, a reopen after a rejected survey,
//! an auto-close (with the tool's note), a massive incident, a cancelled
//! case (Itagüí: a request closed with GLPI solution type "Desistida") and
//! a ticket opened on a Saturday night; where the desk has levels, an
//! escalation not yet taken at the cutoff (case 7) and one escalated
//! twice, its second take at time zero (case 8).

use plazo::error::Result;
use plazo::policy::Policy;
use plazo::time::Instant;

use crate::{Answer, Labels, Profile, Tables, Ticket};

/// A hand-made ticket: opened at a local time in the profile's first
/// type, second priority, first category, group, technician and channel;
/// then its status changes (local time, label) and maybe a survey answer
/// (local time, score over 5, comment).
struct Case<'l> {
    /// 1 .. 6: the id is the profile's prefix and 90000 + n.
    n: u32,
    opened: &'static str,
    users: i64,
    title: &'static str,
    events: Vec<(&'static str, &'l str)>,
    /// The note of the last event (the closing's).
    close_note: &'static str,
    /// GLPI's solution type, where the profile writes it.
    solution_type: &'static str,
    survey: Option<(&'static str, u32, &'static str)>,
}

/// Writes the cases in id order: case 4 only when the policy has a
/// massive-incident rule, case 5 only when it has a cancelled label (or,
/// for Itagüí, as a "Desistida" solution), and no case that needs a label
/// the policy lacks (case 1's paused).
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
        Some(auto_closed(l, profile.close_notes.auto)),
        massive.map(|m| massive_incident(l, m)),
        if profile.desist_by_solution_type {
            Some(desisted(l))
        } else {
            (!l.cancelled.is_empty()).then(|| cancelled(l))
        },
        Some(opened_on_saturday_night(l)),
    ];
    for case in cases.into_iter().flatten() {
        if case.events.iter().any(|e| e.1.is_empty()) {
            continue;
        }
        write_case(&case, profile, policy.tz(), l, tables)?;
    }
    if profile.groups.len() > 1 {
        for e in [escalated_not_taken(), escalated_twice()] {
            write_escalation(&e, profile, policy.tz(), l, tables)?;
        }
    }
    Ok(())
}

/// A hand-made escalation case: events (local time, level, technician
/// index or none, what) after the opening at level 1.
struct Escalation {
    n: u32,
    opened: &'static str,
    title: &'static str,
    events: Vec<(&'static str, usize, Option<usize>, Step)>,
}

/// What an escalation case's event is.
#[derive(Clone, Copy, PartialEq)]
enum Step {
    /// The first level takes it (first open label).
    Take,
    /// Escalated into the event's level (the level's escalation label).
    Escalate,
    /// Solved.
    Solve,
    /// Closed.
    Close,
}

/// Case 7: taken at level 1 on Thursday 29 October; escalated to level 2
/// on Friday 30 October at 15:00 and not taken by the cutoff (Monday 2
/// November is a holiday): the level-2 technician takes it on Tuesday 3
/// November at 09:00.
fn escalated_not_taken() -> Escalation {
    Escalation {
        n: 7,
        opened: "2026-10-29 09:00",
        title: "Escalado sin tomar al corte",
        events: vec![
            ("2026-10-29 09:20", 0, Some(0), Step::Take),
            ("2026-10-30 15:00", 1, None, Step::Escalate),
            ("2026-11-03 09:00", 1, Some(1), Step::Escalate),
            ("2026-11-03 15:00", 1, Some(1), Step::Solve),
            ("2026-11-04 10:00", 1, Some(1), Step::Close),
        ],
    }
}

/// Case 8: taken at level 1 on Tuesday 6 October 08:45, escalated to level
/// 2 at 10:00 with no technician, taken there at 14:00; escalated to level
/// 3 at 15:00 naming its technician (taken at once: time zero); solved
/// on Wednesday 7 at 11:00, closed at 16:00. Where the profile has two
/// levels, the third step stays at level 2.
fn escalated_twice() -> Escalation {
    Escalation {
        n: 8,
        opened: "2026-10-06 08:30",
        title: "Escalado a segundo y tercer nivel",
        events: vec![
            ("2026-10-06 08:45", 0, Some(0), Step::Take),
            ("2026-10-06 10:00", 1, None, Step::Escalate),
            ("2026-10-06 14:00", 1, Some(1), Step::Escalate),
            ("2026-10-06 15:00", 2, Some(2), Step::Escalate),
            ("2026-10-07 11:00", 2, Some(2), Step::Solve),
            ("2026-10-07 16:00", 2, Some(2), Step::Close),
        ],
    }
}

/// An escalation case's ticket row, events and (where the tool lists the
/// surveys sent) its unanswered survey.
fn write_escalation(
    c: &Escalation,
    p: &Profile,
    tz: chrono_tz::Tz,
    l: &Labels,
    tables: &mut Tables,
) -> Result<()> {
    let at = |s: &str| Instant::parse(s, tz).map(Instant::unix);
    let id = format!("{}{}", p.prefix, 90000 + c.n);
    let id = id.as_str();
    let taken = at(c.events[0].0)?;
    let mut extra = Vec::new();
    for col in p.extra_columns() {
        extra.push(match col {
            "taken_at" => tables.instant(taken),
            "tipo_solucion" => SOLVED.to_string(),
            "ans_solucion" => {
                p.ans_for(p.types[0].0, p.categories[0].0).to_string()
            }
            _ => String::new(),
        });
    }
    tables.ticket(&Ticket {
        id,
        opened: at(c.opened)?,
        ty: p.types[0].0,
        priority: p.priorities[1].0,
        category: p.categories[0].0,
        group: p.groups[0],
        assignee: p.assignees[0],
        requester: "Usuario de prueba",
        channel: p.channels[0].0,
        users: 1,
        title: c.title,
        extra,
    });
    tables.event(id, at(c.opened)?, &l.new, p.groups[0], "", "");
    for &(when, level, who, step) in &c.events {
        let level = level.min(p.groups.len() - 1);
        let group = p.groups[level];
        let who = who.map_or("", |k| p.assignees[k % p.assignees.len()]);
        let t = at(when)?;
        let (label, note) = match step {
            Step::Take => (l.opens[0].as_str(), String::new()),
            Step::Escalate => {
                let label = match p.escalated[level] {
                    "" => l.opens[0].as_str(),
                    s => s,
                };
                let note = if who.is_empty() {
                    format!("Escalado a {group}")
                } else {
                    String::new()
                };
                (label, note)
            }
            Step::Solve => (l.solved.as_str(), String::new()),
            Step::Close => (l.closed.as_str(), String::new()),
        };
        tables.event(id, t, label, group, who, &note);
        if step == Step::Solve && p.survey_sent {
            tables.survey(id, Some(t), None);
        }
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
    let id = format!("{}{}", p.prefix, 90000 + c.n);
    let id = id.as_str();
    let mut extra = Vec::new();
    for col in p.extra_columns() {
        extra.push(match col {
            "taken_at" => {
                let first =
                    c.events.iter().find(|e| l.opens.iter().any(|o| o == e.1));
                match first {
                    Some(e) => tables.instant(at(e.0)?),
                    None => String::new(),
                }
            }
            "tipo_solucion" => c.solution_type.to_string(),
            "ans_solucion" => {
                p.ans_for(p.types[0].0, p.categories[0].0).to_string()
            }
            _ => String::new(),
        });
    }
    tables.ticket(&Ticket {
        id,
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
        extra,
    });
    tables.event(id, opened, &l.new, group, "", "");
    let who = p.assignees[0];
    let last = c.events.len().saturating_sub(1);
    let mut answer = c.survey;
    for (k, (when, label)) in c.events.iter().enumerate() {
        let t = at(when)?;
        let note = if k == last {
            c.close_note
        } else if *label == l.paused {
            p.pause_notes.first().copied().unwrap_or("")
        } else {
            ""
        };
        tables.event(id, t, label, group, who, note);
        // Where the tool lists the surveys sent: one per solution, the
        // case's answer on the first.
        if p.survey_sent && *label == l.solved {
            let a = match answer.take() {
                Some((w, score, comment)) => Some((
                    at(w)?,
                    Answer {
                        score,
                        questions: vec![score; p.questions.len()],
                        comment,
                    },
                )),
                None => None,
            };
            tables.survey(id, Some(t), a.as_ref().map(|(w, a)| (*w, a)));
        }
    }
    if let Some((when, score, comment)) = answer {
        let a = Answer {
            score,
            questions: vec![score; p.questions.len()],
            comment,
        };
        tables.survey(id, None, Some((at(when)?, &a)));
    }
    Ok(())
}

/// Case 1: paused on Thursday 9 July, taken again on Tuesday 14 (Monday
/// 13 is a holiday).
fn pause_over_weekend_and_holiday(l: &Labels) -> Case<'_> {
    let open = l.opens[0].as_str();
    Case {
        n: 1,
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
        close_note: "",
        solution_type: SOLVED,
    }
}

/// Case 2: a score of 2 reopens it five minutes later; solved again the
/// next morning.
fn reopened_after_rejected_survey(l: &Labels) -> Case<'_> {
    Case {
        n: 2,
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
        close_note: "",
        solution_type: SOLVED,
    }
}

/// Case 3: solved on Wednesday 1 April (Thursday 2 and Friday 3 are
/// holidays), no answer, closed at 03:00 on Thursday 9 as by the nightly
/// auto-close job.
fn auto_closed<'l>(l: &'l Labels, note: &'static str) -> Case<'l> {
    Case {
        n: 3,
        opened: "2026-04-01 10:00",
        users: 1,
        title: "Cierre automático sin respuesta a la encuesta",
        events: vec![
            ("2026-04-01 11:00", &l.opens[0]),
            ("2026-04-01 16:00", &l.solved),
            ("2026-04-09 03:00", &l.closed),
        ],
        survey: None,
        close_note: note,
        solution_type: SOLVED,
    }
}

/// Case 4: more affected users than the policy's massive threshold `m`.
fn massive_incident(l: &Labels, m: i64) -> Case<'_> {
    Case {
        n: 4,
        opened: "2026-05-05 08:00",
        users: m + 7,
        title: "Caída masiva del servicio",
        events: vec![
            ("2026-05-05 08:05", &l.opens[0]),
            ("2026-05-05 10:00", &l.solved),
            ("2026-05-06 10:00", &l.closed),
        ],
        survey: None,
        close_note: "",
        solution_type: SOLVED,
    }
}

/// Case 5: cancelled half an hour after its opening.
fn cancelled(l: &Labels) -> Case<'_> {
    Case {
        n: 5,
        opened: "2026-05-06 09:00",
        users: 1,
        title: "Solicitud anulada",
        events: vec![("2026-05-06 09:30", &l.cancelled)],
        survey: None,
        close_note: "",
        solution_type: SOLVED,
    }
}

/// Case 5 in Itagüí (PR-RF-09 activity 1, Nota): a request without the
/// minimum data, archived as "desistida": GLPI solves it with solution
/// type "Desistida" half an hour after its opening and closes it.
fn desisted(l: &Labels) -> Case<'_> {
    Case {
        n: 5,
        opened: "2026-05-06 09:00",
        users: 1,
        title: "Solicitud sin datos mínimos (desistida)",
        events: vec![
            ("2026-05-06 09:10", &l.opens[0]),
            ("2026-05-06 09:30", &l.solved),
            ("2026-05-06 10:00", &l.closed),
        ],
        survey: None,
        close_note: "",
        solution_type: "Desistida",
    }
}

/// GLPI's solution type of a solved hand-made case (where written).
const SOLVED: &str = "Solución definitiva";

/// Case 6: opened on Saturday 9 May at 22:00, taken on Monday 11 at
/// 07:40.
fn opened_on_saturday_night(l: &Labels) -> Case<'_> {
    Case {
        n: 6,
        opened: "2026-05-09 22:00",
        users: 1,
        title: "Abierto un sábado en la noche",
        events: vec![
            ("2026-05-11 07:40", &l.opens[0]),
            ("2026-05-11 16:30", &l.solved),
            ("2026-05-12 09:00", &l.closed),
        ],
        survey: None,
        close_note: "",
        solution_type: SOLVED,
    }
}
