//! `--source glpi-tables`: raw GLPI table dumps (phpMyAdmin, DBeaver,
//! `mysql -B`), read by [`crate::source::glpi::Tables`] and fed to the builder
//! with per-file accounting.
//!
//! Each dump is one input file, recognised by its name (`glpi_tickets`,
//! `glpi_logs`, `glpi_ticketsatisfactions`, `glpi_tickets_users`,
//! `glpi_users`, `glpi_itilcategories`, `glpi_slas`). Rules:
//! - a ticket with `is_deleted = 1` is rejected (reason given);
//! - glpi_logs rows that are not status changes (`id_search_option` other
//!   than 12: other fields' history) are read and accepted but produce no
//!   event (the summary says how many);
//! - the initial status (the first change's `old_value`) is a derived
//!   event at the opening;
//! - unanswered survey rows are read and accepted but are no answer;
//! - status changes and answers of a ticket missing from glpi_tickets (or
//!   deleted) are rejected, naming their line;
//! - GLPI's own SLA fields stay as ticket attributes.

use crate::error::Result;
use crate::source::glpi::{KEPT, Tables};
use crate::time::Instant;

use super::Options;
use crate::model::builder::{Builder, Origin, Survey};

const ORPHAN_CHANGE: (&str, &str) = (
    "cambio de estado de un ticket que no está en glpi_tickets (o borrado)",
    "status change of a ticket missing from glpi_tickets (or deleted)",
);
const ORPHAN_SURVEY: (&str, &str) = (
    "encuesta de un ticket que no está en glpi_tickets (o borrado)",
    "survey of a ticket missing from glpi_tickets (or deleted)",
);

/// Reads the dumps of `opts.inputs` into `b`.
///
/// # Errors
///
/// An unknown table name, a missing glpi_tickets, an unreadable dump or
/// date.
pub fn read(opts: &Options, b: &mut Builder) -> Result<()> {
    let tables = Tables::load(&opts.inputs)?;
    let (canon, counts) = tables.to_canonical(opts.tz)?;
    let tz = opts.tz;
    let name = |d: &crate::source::glpi::Dump| {
        std::path::Path::new(&d.place)
            .file_name()
            .map_or(d.place.clone(), |n| n.to_string_lossy().to_string())
    };
    // Tickets: one row each, deleted ones rejected.
    let tf = b.begin_file(&name(&tables.tickets), "glpi_tickets", "utf-8");
    let mut rdr = csv::Reader::from_reader(canon.tickets.as_bytes());
    let headers = rdr.headers().cloned().unwrap_or_default();
    let mut rows = rdr.records().flatten();
    for i in 0..tables.tickets.len() {
        b.read(tf);
        let line = tables.tickets.line(i);
        if tables.tickets.get(i, "is_deleted") == Some("1") {
            b.reject(
                tf,
                line,
                "is_deleted",
                "1",
                (
                    "ticket borrado en GLPI (is_deleted = 1)",
                    "ticket deleted in GLPI (is_deleted = 1)",
                ),
            );
            continue;
        }
        let Some(rec) = rows.next() else { break };
        let opened = Instant::parse(&rec[1], tz).ok();
        let values: Vec<(&str, &str)> =
            headers.iter().zip(rec.iter()).skip(2).collect();
        b.upsert_ticket(
            &rec[0],
            opened,
            &values,
            false,
            Origin::row(tf, line),
        );
        b.accept(tf);
    }
    // Events: the initial statuses (derived), then each status change.
    if let Some(logs) = &tables.logs {
        let lf = b.begin_file(&name(logs), "glpi_logs", "utf-8");
        for _ in 0..logs.len() {
            b.read(lf);
        }
        // Accepted: other fields' rows (no event) and each status change
        // below as its event is added; read = accepted + ... is checked.
        for _ in 0..counts.other_log_rows {
            b.accept(lf);
        }
        for &i in &counts.orphan_changes {
            let id = logs.get(i, "items_id").unwrap_or("");
            b.reject(lf, logs.line(i), "items_id", id, ORPHAN_CHANGE);
        }
        let mut rdr = csv::Reader::from_reader(canon.events.as_bytes());
        let initial = counts.tickets;
        for (k, rec) in rdr.records().flatten().enumerate() {
            let Ok(at) = Instant::parse(&rec[1], tz) else {
                continue;
            };
            let origin = if k < initial {
                Origin::synthesized(0)
            } else {
                b.accept(lf);
                Origin::row(lf, logs.line(counts.change_rows[k - initial]))
            };
            let actor = rec.get(3).unwrap_or("").to_string();
            b.event(
                &rec[0],
                at,
                &rec[2],
                [
                    String::new(),
                    String::new(),
                    String::new(),
                    actor,
                    String::new(),
                ],
                origin,
            );
        }
        b.note(
            format!(
                "glpi_logs: {} filas son historia de otros campos (id_search_option distinto de 12): leídas, sin evento",
                counts.other_log_rows
            ),
            format!(
                "glpi_logs: {} rows are other fields' history (id_search_option other than 12): read, no event",
                counts.other_log_rows
            ),
        );
    } else {
        let mut rdr = csv::Reader::from_reader(canon.events.as_bytes());
        for rec in rdr.records().flatten() {
            if let Ok(at) = Instant::parse(&rec[1], tz) {
                b.event(
                    &rec[0],
                    at,
                    &rec[2],
                    Default::default(),
                    Origin::synthesized(0),
                );
            }
        }
        b.note(
            "sin glpi_logs: cada ticket tiene solo su estado actual en la apertura; exporte glpi_logs para la historia".to_string(),
            "no glpi_logs: each ticket has only its current status at the opening; export glpi_logs for the history".to_string(),
        );
    }
    // Surveys: answered rows become answers.
    if let Some(s) = &tables.satisfactions {
        let sf = b.begin_file(&name(s), "glpi_ticketsatisfactions", "utf-8");
        for _ in 0..s.len() {
            b.read(sf);
        }
        // Accepted: unanswered rows (no answer) and each answer below.
        for _ in 0..counts.surveys_unanswered {
            b.accept(sf);
        }
        for &i in &counts.orphan_surveys {
            let id = s.get(i, "tickets_id").unwrap_or("");
            b.reject(sf, s.line(i), "tickets_id", id, ORPHAN_SURVEY);
        }
        let mut rdr = csv::Reader::from_reader(canon.surveys.as_bytes());
        for (k, rec) in rdr.records().flatten().enumerate() {
            let Ok(at) = Instant::parse(&rec[1], tz) else {
                continue;
            };
            b.accept(sf);
            b.survey(Survey {
                ticket_id: rec[0].to_string(),
                answered_at: at,
                score: rec[2].to_string(),
                max_score: rec[3].to_string(),
                comment: rec[4].to_string(),
                origin: Origin::row(sf, s.line(counts.survey_rows[k])),
            });
        }
        b.note(
            format!(
                "glpi_ticketsatisfactions: {} de {} encuestas respondidas",
                counts.surveys_answered, counts.surveys_sent
            ),
            format!(
                "glpi_ticketsatisfactions: {} of {} surveys answered",
                counts.surveys_answered, counts.surveys_sent
            ),
        );
    }
    for d in [
        &tables.tickets_users,
        &tables.users,
        &tables.categories,
        &tables.slas,
    ]
    .into_iter()
    .flatten()
    {
        let f = b.begin_file(&name(d), "lookup", "utf-8");
        for _ in 0..d.len() {
            b.read(f);
            b.accept(f);
        }
    }
    let _ = KEPT;
    Ok(())
}
