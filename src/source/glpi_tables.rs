//! `--source glpi-tables`: raw GLPI table dumps (phpMyAdmin, DBeaver,
//! `mysql -B`), read by [`crate::source::glpi::Tables`] and fed, row by
//! row, to the model builder with per-file accounting. No canonical text
//! is written and read back: each dump cell is read once.
//!
//! Each dump is one input file, recognised by its name (`glpi_tickets`,
//! `glpi_logs`, `glpi_ticketsatisfactions`, `glpi_tickets_users`,
//! `glpi_users`, `glpi_itilcategories`, `glpi_slas`), decoded as every
//! input is (UTF-8, Windows-1252 or UTF-16, detected or `--encoding`).
//! Every row read is accepted, rejected or merged. Rules:
//! - a ticket with `is_deleted = 1` is rejected (reason given);
//! - a ticket without opening date, or with a date that cannot be read
//!   (in any date column), is rejected naming the column and the value;
//!   so is a status change or an answer whose date cannot be read;
//! - glpi_logs rows that are not status changes (`id_search_option` other
//!   than 12: other fields' history) are read and accepted but produce no
//!   event (the summary says how many);
//! - the initial status (the first change's `old_value`, or the current
//!   status when nothing was logged) is a derived event at the opening;
//! - unanswered survey rows are read and accepted but are no answer;
//! - status changes and answers of a ticket missing from glpi_tickets (or
//!   deleted, or rejected) are rejected, naming their line;
//! - GLPI's own SLA fields stay as ticket attributes (dates written as
//!   ISO 8601 with offset, like every instant).

use std::collections::{BTreeMap, HashMap};

use chrono_tz::Tz;

use crate::error::Result;
use crate::model::builder::{Builder, EventExtra, Origin, Survey};
use crate::source::Options;
use crate::source::glpi::{
    Dump, KEPT, PRIORITY_ES_CO, Tables, decode_html, strip_tags,
};
use crate::text::msg::source as msg;
use crate::time::{Instant, InstantWriter};

/// Reads the dumps of `opts.inputs` into `b`.
///
/// # Errors
///
/// An unknown table name, a missing glpi_tickets, an unreadable dump.
/// (A date that cannot be read rejects its row.)
pub fn read(opts: &Options, b: &mut Builder) -> Result<()> {
    read_tables(&Tables::load_as(&opts.inputs, opts.encoding)?, opts.tz, b)
}

/// Feeds loaded GLPI tables to `b`. Dates are GLPI's local wall-clock
/// times, read in `tz`. Status events carry GLPI's codes (`1`..`6`): the
/// policy's `[states]` maps them.
///
/// # Errors
///
/// A glpi_logs dump without the status columns. (A date that cannot be
/// read rejects its row.)
pub fn read_tables(tables: &Tables, tz: Tz, b: &mut Builder) -> Result<()> {
    let opened = tickets(tables, tz, b)?;
    events(tables, tz, &opened, b)?;
    surveys(tables, tz, &opened, b)?;
    for d in [
        &tables.tickets_users,
        &tables.users,
        &tables.categories,
        &tables.slas,
    ]
    .into_iter()
    .flatten()
    {
        // Lookups: every row is read and used (nothing in them can be
        // rejected).
        let f = b.begin_file(&file_name(d), "lookup", d.encoding.name());
        for _ in 0..d.len() {
            b.read(f);
            b.accept(f);
        }
    }
    Ok(())
}

fn file_name(d: &Dump) -> String {
    std::path::Path::new(&d.place)
        .file_name()
        .map_or(d.place.clone(), |n| n.to_string_lossy().to_string())
}

/// Rejects row `i` of `d` (builder file `f`) for the date `value` of
/// column `col`: unreadable, or missing when `value` is empty.
fn reject_date(
    b: &mut Builder,
    f: u32,
    d: &Dump,
    i: usize,
    col: &str,
    value: &str,
) {
    let reason = match (value.is_empty(), col) {
        (true, "date") => msg::MISSING_OPENING_DATE,
        (true, _) => msg::GLPI_MISSING_DATE,
        // Read in any year but 1970..2099: a typo in the year.
        _ if Instant::parse_unchecked(value, b.tz()).is_ok() => {
            crate::text::msg::model::IMPLAUSIBLE_DATE
        }
        (false, _) => msg::GLPI_UNREADABLE_DATE,
    };
    b.reject(f, d.line(i), col, value, reason, &[]);
}

/// Names from the lookup tables: users by id, each ticket's requester and
/// assignee, categories by id.
#[derive(Default)]
struct Lookups {
    requester: HashMap<String, String>,
    assignee: HashMap<String, String>,
    categories: HashMap<String, String>,
}

impl Lookups {
    fn new(tables: &Tables) -> Lookups {
        let mut names: HashMap<&str, String> = HashMap::new();
        if let Some(u) = &tables.users {
            for i in 0..u.len() {
                let name = match (u.get(i, "realname"), u.get(i, "firstname"))
                {
                    (Some(r), Some(f)) => format!("{r} {f}"),
                    (Some(r), None) => r.to_string(),
                    _ => u.get(i, "name").unwrap_or("").to_string(),
                };
                if let Some(id) = u.get(i, "id") {
                    names.insert(id, decode_html(&name));
                }
            }
        }
        let mut out = Lookups::default();
        if let Some(tu) = &tables.tickets_users {
            for i in 0..tu.len() {
                let (Some(tk), Some(uid), Some(ty)) = (
                    tu.get(i, "tickets_id"),
                    tu.get(i, "users_id"),
                    tu.get(i, "type"),
                ) else {
                    continue;
                };
                let map = match ty {
                    "1" => &mut out.requester,
                    "2" => &mut out.assignee,
                    _ => continue,
                };
                map.entry(tk.to_string()).or_insert_with(|| {
                    names
                        .get(uid)
                        .cloned()
                        .unwrap_or_else(|| format!("usuario {uid}"))
                });
            }
        }
        if let Some(cd) = &tables.categories {
            for i in 0..cd.len() {
                if let Some(id) = cd.get(i, "id") {
                    let n = cd
                        .get(i, "completename")
                        .or(cd.get(i, "name"))
                        .unwrap_or("");
                    out.categories.insert(id.to_string(), decode_html(n));
                }
            }
        }
        out
    }
}

/// glpi_tickets: one canonical ticket per row, deleted ones rejected.
/// Returns each kept ticket's opening.
fn tickets(
    tables: &Tables,
    tz: Tz,
    b: &mut Builder,
) -> Result<HashMap<String, Instant>> {
    let t = &tables.tickets;
    let look = Lookups::new(tables);
    let mut w = InstantWriter::new(tz);
    let tf = b.begin_file(&file_name(t), "glpi_tickets", t.encoding.name());
    let mut opened = HashMap::new();
    for i in 0..t.len() {
        b.read(tf);
        let line = t.line(i);
        if t.get(i, "is_deleted") == Some("1") {
            b.reject(
                tf,
                line,
                "is_deleted",
                "1",
                msg::GLPI_TICKET_DELETED,
                &[],
            );
            continue;
        }
        let id = t.get(i, "id").unwrap_or("");
        let o = match t.instant(i, "date", tz) {
            Ok(Some(o)) => o,
            r => {
                // No opening date (""), or one that cannot be read.
                reject_date(b, tf, t, i, "date", r.err().unwrap_or(""));
                continue;
            }
        };
        let values = match ticket_values(t, i, tz, &look, &mut w) {
            Ok(v) => v,
            Err((col, v)) => {
                reject_date(b, tf, t, i, col, v);
                continue;
            }
        };
        opened.insert(id.to_string(), o);
        b.upsert_ticket(id, Some(o), &values, false, Origin::row(tf, line));
        b.accept(tf);
    }
    Ok(opened)
}

/// The canonical values of ticket row `i` of `t`; `Err` names the first
/// date column that cannot be read, and its text.
fn ticket_values<'a>(
    t: &'a Dump,
    i: usize,
    tz: Tz,
    look: &Lookups,
    w: &mut InstantWriter,
) -> std::result::Result<Vec<(&'static str, String)>, (&'static str, &'a str)>
{
    let id = t.get(i, "id").unwrap_or("");
    let ty = match t.get(i, "type") {
        Some("1") => "Incidente",
        Some("2") => "Requerimiento",
        Some(x) => x,
        None => "",
    };
    let pr = t.get(i, "priority").unwrap_or("");
    let pr = PRIORITY_ES_CO
        .iter()
        .find(|p| p.0 == pr)
        .map_or(pr, |p| p.1);
    let cat = t
        .get(i, "itilcategories_id")
        .and_then(|x| look.categories.get(x))
        .map_or("", String::as_str);
    let title = strip_tags(&decode_html(t.get(i, "name").unwrap_or("")));
    let mut values: Vec<(&'static str, String)> = [
        ("type", ty),
        ("priority", pr),
        ("category", cat),
        ("service", ""),
        ("group", ""),
        ("assignee", look.assignee.get(id).map_or("", String::as_str)),
        (
            "requester",
            look.requester.get(id).map_or("", String::as_str),
        ),
        ("channel", t.get(i, "requesttypes_id").unwrap_or("")),
        ("affected_users", ""),
        ("title", &title),
    ]
    .into_iter()
    .map(|(k, v)| (k, v.to_string()))
    .collect();
    let mut date = |k: &'static str| {
        let mut s = String::new();
        match t.instant(i, k, tz) {
            Ok(Some(d)) => w.write(d, &mut s),
            Ok(None) => {}
            Err(v) => return Err((k, v)),
        }
        Ok(s)
    };
    // The canonical `taken_at`: when a technician first took the case
    // (GLPI sets `takeintoaccountdate` with its
    // `takeintoaccount_delay_stat`; docs/INGEST.md).
    values.push(("taken_at", date("takeintoaccountdate")?));
    for k in KEPT {
        // GLPI dates: ISO 8601 with offset like every instant.
        let v = if k.ends_with("date") || k.starts_with("time_to") {
            date(k)?
        } else {
            t.get(i, k).unwrap_or("").to_string()
        };
        values.push((k, v));
    }
    Ok(values)
}

/// A status change from glpi_logs: ticket, new code, actor, row of the
/// dump.
type Change<'a> = (&'a str, &'a str, String, usize);

/// What glpi_logs holds for the timelines.
struct Logs<'a> {
    dump: &'a Dump,
    /// The builder's index of the file.
    file: u32,
    /// Status changes in GLPI's own order: (ticket number, instant, log
    /// id, row) -> change.
    changes: BTreeMap<(u64, i64, u64, usize), Change<'a>>,
    /// Rows about other fields (read and accepted, no event).
    other_rows: usize,
}

/// glpi_logs: the initial status of every ticket (derived), then every
/// status change (id_search_option 12) in GLPI's own order.
fn events(
    tables: &Tables,
    tz: Tz,
    opened: &HashMap<String, Instant>,
    b: &mut Builder,
) -> Result<()> {
    let logs = match &tables.logs {
        Some(l) => Some(read_logs(l, tz, opened, b)?),
        None => None,
    };
    initial_events(&tables.tickets, logs.as_ref(), opened, b);
    let Some(logs) = logs else {
        b.note(msg::GLPI_NO_LOGS, &[]);
        return Ok(());
    };
    for ((_, when, ..), (tk, new, actor, row)) in logs.changes {
        b.accept(logs.file);
        let mut extra = EventExtra::default();
        extra[3] = actor;
        let origin = Origin::row(logs.file, logs.dump.line(row));
        b.event(tk, Instant::from_unix(when), new, extra, origin);
    }
    if logs.other_rows > 0 {
        b.note(msg::GLPI_LOGS_OTHER_FIELDS, &[("count", &logs.other_rows)]);
    }
    Ok(())
}

/// Reads glpi_logs `l`: each row counted, status changes of known
/// tickets kept, those of unknown ones rejected.
fn read_logs<'a>(
    l: &'a Dump,
    tz: Tz,
    opened: &HashMap<String, Instant>,
    b: &mut Builder,
) -> Result<Logs<'a>> {
    l.require(&[
        "items_id",
        "date_mod",
        "id_search_option",
        "old_value",
        "new_value",
    ])?;
    let lf = b.begin_file(&file_name(l), "glpi_logs", l.encoding.name());
    let mut logs = Logs {
        dump: l,
        file: lf,
        changes: BTreeMap::new(),
        other_rows: 0,
    };
    for i in 0..l.len() {
        b.read(lf);
        if l.get(i, "itemtype").is_some_and(|x| x != "Ticket")
            || l.get(i, "id_search_option") != Some("12")
        {
            logs.other_rows += 1;
            b.accept(lf);
            continue;
        }
        let tk = l.get(i, "items_id").unwrap_or("");
        if !opened.contains_key(tk) {
            let reason = msg::GLPI_ORPHAN_CHANGE;
            b.reject(lf, l.line(i), "items_id", tk, reason, &[]);
            continue;
        }
        let when = match l.instant(i, "date_mod", tz) {
            Ok(Some(when)) => when.unix(),
            r => {
                reject_date(b, lf, l, i, "date_mod", r.err().unwrap_or(""));
                continue;
            }
        };
        let seq = l
            .get(i, "id")
            .and_then(|x| x.parse().ok())
            .unwrap_or(i as u64);
        let key = (tk.parse().unwrap_or(u64::MAX), when, seq, i);
        let new = l.get(i, "new_value").unwrap_or("");
        let actor = decode_html(l.get(i, "user_name").unwrap_or(""));
        logs.changes.insert(key, (tk, new, actor, i));
    }
    Ok(logs)
}

/// Each kept ticket's status at its opening, a derived event: the first
/// logged change's `old_value`, else the ticket's current status.
fn initial_events(
    t: &Dump,
    logs: Option<&Logs<'_>>,
    opened: &HashMap<String, Instant>,
    b: &mut Builder,
) {
    let mut first_old: HashMap<&str, &str> = HashMap::new();
    if let Some(logs) = logs {
        for (tk, _, _, i) in logs.changes.values() {
            let old = logs.dump.get(*i, "old_value").unwrap_or("");
            first_old.entry(tk).or_insert(old);
        }
    }
    for i in 0..t.len() {
        if t.get(i, "is_deleted") == Some("1") {
            continue;
        }
        let id = t.get(i, "id").unwrap_or("");
        let Some(&at) = opened.get(id) else {
            continue; // rejected
        };
        let initial = first_old
            .get(id)
            .copied()
            .filter(|s| !s.is_empty())
            .unwrap_or_else(|| t.get(i, "status").unwrap_or("1"));
        b.event(id, at, initial, Default::default(), Origin::synthesized(0));
    }
}

/// glpi_ticketsatisfactions: answered rows become answers (GLPI scores
/// out of 5); unanswered rows are counted.
fn surveys(
    tables: &Tables,
    tz: Tz,
    opened: &HashMap<String, Instant>,
    b: &mut Builder,
) -> Result<()> {
    let Some(s) = &tables.satisfactions else {
        return Ok(());
    };
    let enc = s.encoding.name();
    let sf = b.begin_file(&file_name(s), "glpi_ticketsatisfactions", enc);
    let mut answered = 0usize;
    for i in 0..s.len() {
        b.read(sf);
        // GLPI 11 lets an entity survey on another scale (up to
        // `inquest_max_rate`) and stores the answer brought to 1-5 beside
        // it: that one is read when present, so scores stay out of 5.
        let score = s
            .get(i, "satisfaction_scaled_to_5")
            .or(s.get(i, "satisfaction"));
        let row = match (s.get(i, "tickets_id"), score) {
            (Some(tk), Some(score)) => match s.instant(i, "date_answered", tz)
            {
                Ok(d) => d.map(|d| (tk, d, score)),
                Err(v) => {
                    reject_date(b, sf, s, i, "date_answered", v);
                    continue;
                }
            },
            _ => None,
        };
        let Some((tk, answered_at, score)) = row else {
            b.accept(sf); // unanswered: read, no answer
            continue;
        };
        if !opened.contains_key(tk) {
            b.reject(
                sf,
                s.line(i),
                "tickets_id",
                tk,
                msg::GLPI_ORPHAN_SURVEY,
                &[],
            );
            continue;
        }
        b.accept(sf);
        b.survey(Survey {
            ticket_id: tk.to_string(),
            answered_at,
            score: score.to_string(),
            max_score: "5".to_string(),
            comment: strip_tags(&decode_html(
                s.get(i, "comment").unwrap_or(""),
            )),
            origin: Origin::row(sf, s.line(i)),
        });
        answered += 1;
    }
    b.note(
        msg::GLPI_SURVEYS_ANSWERED,
        &[("answered", &answered), ("total", &s.len())],
    );
    Ok(())
}
