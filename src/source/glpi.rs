//! GLPI's own tables: raw dumps in, canonical tables, calendar and SLA
//! rules out, and a ticket-by-ticket reconciliation with GLPI's own SLA
//! fields.
//!
//! Table dumps are read as users export them from phpMyAdmin, DBeaver or
//! `mysql -B`: a header row, values optionally quoted, `,` `;` or TAB
//! separated. An empty field, quoted or not, and an unquoted `NULL` are
//! read as absent (the `csv` reader does not tell quoted from unquoted
//! empties; for the columns plazo uses, "" and NULL mean the same: no
//! date, no value). HTML entities in text columns (`&#60;p&#62;`) are
//! decoded for display.
//!
//! Which file is which table is decided by its name: `glpi_tickets.csv`,
//! `glpi_logs.csv` (or `glpi_logs_ticket.csv`),
//! `glpi_ticketsatisfactions.csv`, `glpi_tickets_users.csv`,
//! `glpi_users.csv`, `glpi_itilcategories.csv`, `glpi_slas.csv`
//! (extension `.csv`, `.tsv` or `.txt`).

use std::collections::{BTreeMap, HashMap};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use chrono_tz::Tz;

use crate::error::{Error, Result};
use crate::io::csv::push_field;
use crate::time::{Instant, InstantWriter};

/// A table dump: header and rows of optional values.
#[derive(Clone, Debug)]
pub struct Dump {
    /// Where it was read from.
    pub place: String,
    headers: HashMap<String, usize>,
    rows: Vec<Vec<Option<String>>>,
    /// The physical line each row starts on (header = 1).
    lines: Vec<u64>,
}

impl Dump {
    /// Reads a dump (separator detected from the header line).
    ///
    /// # Errors
    ///
    /// Unreadable file or CSV, naming the file and line.
    pub fn read(path: &Path) -> Result<Dump> {
        let bytes = std::fs::read(path).map_err(|e| Error::io(path, &e))?;
        let text = String::from_utf8_lossy(&bytes);
        let text = text.trim_start_matches('\u{feff}');
        let first = text.lines().next().unwrap_or("");
        let sep = [b'\t', b';', b',']
            .into_iter()
            .max_by_key(|s| first.bytes().filter(|b| b == s).count())
            .unwrap_or(b',');
        let place = path.display().to_string();
        let mut rdr = csv::ReaderBuilder::new()
            .delimiter(sep)
            .flexible(true)
            .from_reader(text.as_bytes());
        let headers = rdr
            .headers()
            .map_err(|e| dump_error(&place, &e))?
            .iter()
            .enumerate()
            .map(|(i, h)| (h.trim().to_string(), i))
            .collect();
        let (mut rows, mut lines) = (Vec::new(), Vec::new());
        for rec in rdr.records() {
            let rec = rec.map_err(|e| dump_error(&place, &e))?;
            // csv 1.4 counts a CRLF's LF with the next record, which then
            // starts at that LF one line too early (rust-csv#395).
            let p = rec.position().map_or((0, 0), |p| (p.line(), p.byte()));
            let lf = text.as_bytes().get(p.1 as usize) == Some(&b'\n');
            lines.push(p.0 + u64::from(lf));
            rows.push(
                rec.iter()
                    .map(|v| {
                        let v = v.trim();
                        (!v.is_empty() && v != "NULL" && v != "\\N")
                            .then(|| v.to_string())
                    })
                    .collect(),
            );
        }
        Ok(Dump {
            place,
            headers,
            rows,
            lines,
        })
    }

    /// Number of rows.
    pub fn len(&self) -> usize {
        self.rows.len()
    }

    /// The physical line row `i` starts on (header = 1; a multi-line
    /// cell shifts later rows).
    pub fn line(&self, i: usize) -> u64 {
        self.lines[i]
    }

    /// True when there are no rows.
    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }

    /// True when the dump has column `name`.
    pub fn has(&self, name: &str) -> bool {
        self.headers.contains_key(name)
    }

    /// The value of column `name` in row `i`.
    pub fn get(&self, i: usize, name: &str) -> Option<&str> {
        let c = *self.headers.get(name)?;
        self.rows[i].get(c)?.as_deref()
    }

    fn require(&self, cols: &[&str]) -> Result<()> {
        for c in cols {
            if !self.has(c) {
                return Err(Error::input(
                    format!(
                        "{}: falta la columna {c:?}; exporte la tabla completa (SELECT *)",
                        self.place
                    ),
                    format!(
                        "{}: missing column {c:?}; export the whole table (SELECT *)",
                        self.place
                    ),
                ));
            }
        }
        Ok(())
    }
}

fn dump_error(place: &str, e: &csv::Error) -> Error {
    let line = e.position().map(|p| p.line()).unwrap_or(0);
    Error::input(
        format!("{place}:{line}: CSV ilegible: {e}"),
        format!("{place}:{line}: unreadable CSV: {e}"),
    )
}

/// Decodes the HTML entities GLPI stores (`&#60;`, `&#x3C;`, `&lt;`,
/// `&amp;`, `&quot;`, `&#39;`, `&nbsp;`).
///
/// # Example
///
/// ```
/// assert_eq!(plazo::source::glpi::decode_html("&#60;p&#62;Hola &amp; adiós&#60;/p&#62;"), "<p>Hola & adiós</p>");
/// ```
pub fn decode_html(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = rest.find('&') {
        out.push_str(&rest[..i]);
        let tail = &rest[i..];
        let Some(end) = tail.find(';').filter(|&e| e <= 10) else {
            out.push('&');
            rest = &tail[1..];
            continue;
        };
        let ent = &tail[1..end];
        let c = match ent {
            "lt" => Some('<'),
            "gt" => Some('>'),
            "amp" => Some('&'),
            "quot" => Some('"'),
            "apos" => Some('\''),
            "nbsp" => Some('\u{a0}'),
            _ if ent.starts_with("#x") || ent.starts_with("#X") => {
                u32::from_str_radix(&ent[2..], 16)
                    .ok()
                    .and_then(char::from_u32)
            }
            _ if ent.starts_with('#') => {
                ent[1..].parse().ok().and_then(char::from_u32)
            }
            _ => None,
        };
        match c {
            Some(c) => {
                out.push(c);
                rest = &tail[end + 1..];
            }
            None => {
                out.push('&');
                rest = &tail[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// Strips HTML tags (for titles and comments shown in reports).
fn strip_tags(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut inside = false;
    for c in s.chars() {
        match c {
            '<' => inside = true,
            '>' if inside => inside = false,
            c if !inside => out.push(c),
            _ => {}
        }
    }
    out.trim().to_string()
}

/// GLPI's status labels (es_CO) by code.
pub const STATUS_ES_CO: [(&str, &str); 6] = [
    ("1", "Nuevo"),
    ("2", "En curso (asignada)"),
    ("3", "En curso (planificada)"),
    ("4", "En espera"),
    ("5", "Resueltas"),
    ("6", "Cerrado"),
];

/// GLPI's priority labels (es_CO, GLPI 10) by code.
pub const PRIORITY_ES_CO: [(&str, &str); 6] = [
    ("1", "Muy baja"),
    ("2", "Baja"),
    ("3", "Mediana"),
    ("4", "Alta"),
    ("5", "Muy urgente"),
    ("6", "Mayor"),
];

/// The GLPI columns kept as ticket attributes (extra canonical columns).
pub const KEPT: [&str; 16] = [
    "status",
    "urgency",
    "impact",
    "solvedate",
    "closedate",
    "takeintoaccountdate",
    "time_to_own",
    "time_to_resolve",
    "waiting_duration",
    "sla_waiting_duration",
    "solve_delay_stat",
    "close_delay_stat",
    "takeintoaccount_delay_stat",
    "slas_id_tto",
    "slas_id_ttr",
    "entities_id",
];

/// The canonical tables as CSV text (to be replaced by direct builder
/// calls).
#[derive(Clone, Debug, Default)]
pub struct Generated {
    /// `tickets.csv`.
    pub tickets: String,
    /// `events.csv`.
    pub events: String,
    /// `surveys.csv`.
    pub surveys: String,
}

/// A status change from glpi_logs: ticket, old code, new code, actor,
/// row of the dump.
type Change = (String, String, String, String, usize);

/// The GLPI tables of one export.
#[derive(Clone, Debug)]
pub struct Tables {
    /// glpi_tickets (required).
    pub tickets: Dump,
    /// glpi_logs (status history).
    pub logs: Option<Dump>,
    /// glpi_ticketsatisfactions.
    pub satisfactions: Option<Dump>,
    /// glpi_tickets_users.
    pub tickets_users: Option<Dump>,
    /// glpi_users.
    pub users: Option<Dump>,
    /// glpi_itilcategories.
    pub categories: Option<Dump>,
    /// glpi_slas (for reconciling deadlines with GLPI's own rules).
    pub slas: Option<Dump>,
}

/// What a conversion did.
#[derive(Clone, Debug, Default)]
pub struct Counts {
    /// Tickets written (deleted tickets are skipped and counted apart).
    pub tickets: usize,
    /// Deleted tickets (is_deleted = 1), left out.
    pub deleted: usize,
    /// Status events written (initial statuses included).
    pub events: usize,
    /// Log rows that are not status changes (other fields), ignored.
    pub other_log_rows: usize,
    /// Surveys answered / sent.
    pub surveys_answered: usize,
    /// See `surveys_answered`.
    pub surveys_sent: usize,
    /// Satisfaction rows without answer (no date_answered or score).
    pub surveys_unanswered: usize,
    /// glpi_logs row of each status change written, in the order of the
    /// events after the initial statuses.
    pub change_rows: Vec<usize>,
    /// glpi_logs status-change rows of tickets not written (absent from
    /// glpi_tickets, or deleted): no event.
    pub orphan_changes: Vec<usize>,
    /// glpi_ticketsatisfactions row of each answer written, in order.
    pub survey_rows: Vec<usize>,
    /// Answered satisfaction rows of tickets not written: no answer.
    pub orphan_surveys: Vec<usize>,
}

impl Tables {
    /// Loads the dumps, recognising each table by its file name.
    ///
    /// # Errors
    ///
    /// A file whose name is not a known GLPI table, no glpi_tickets, or
    /// an unreadable dump.
    pub fn load(files: &[PathBuf]) -> Result<Tables> {
        let mut by: HashMap<&'static str, Dump> = HashMap::new();
        const NAMES: [(&str, &str); 8] = [
            ("glpi_tickets", "tickets"),
            ("glpi_logs", "logs"),
            ("glpi_logs_ticket", "logs"),
            ("glpi_ticketsatisfactions", "satisfactions"),
            ("glpi_tickets_users", "tickets_users"),
            ("glpi_users", "users"),
            ("glpi_itilcategories", "categories"),
            ("glpi_slas", "slas"),
        ];
        for f in files {
            let stem = f.file_stem().and_then(|s| s.to_str()).unwrap_or("");
            let Some((_, key)) = NAMES.iter().find(|(n, _)| *n == stem) else {
                let known: Vec<&str> = NAMES.iter().map(|n| n.0).collect();
                return Err(Error::input(
                    format!(
                        "{}: no sé qué tabla de GLPI es; nombre el archivo como la tabla ({})",
                        f.display(),
                        known.join(", ")
                    ),
                    format!(
                        "{}: unknown GLPI table; name the file after its table ({})",
                        f.display(),
                        known.join(", ")
                    ),
                ));
            };
            by.insert(key, Dump::read(f)?);
        }
        let tickets = by.remove("tickets").ok_or_else(|| {
            Error::input(
                "falta glpi_tickets.csv (SELECT * FROM glpi_tickets): es obligatoria",
                "glpi_tickets.csv (SELECT * FROM glpi_tickets) is required",
            )
        })?;
        tickets.require(&["id", "date", "status"])?;
        Ok(Tables {
            tickets,
            logs: by.remove("logs"),
            satisfactions: by.remove("satisfactions"),
            tickets_users: by.remove("tickets_users"),
            users: by.remove("users"),
            categories: by.remove("categories"),
            slas: by.remove("slas"),
        })
    }

    /// Converts to the canonical tables. Dates are GLPI's local wall-clock
    /// times, read in `tz`. Status events carry GLPI's codes (`1`..`6`):
    /// map them in the policy's `[states]`.
    ///
    /// # Errors
    ///
    /// An unreadable date, naming the table, row and column.
    pub fn to_canonical(&self, tz: Tz) -> Result<(Generated, Counts)> {
        let t = &self.tickets;
        let mut w = InstantWriter::new(tz);
        let mut c = Counts::default();
        let mut out = Generated::default();
        let at = |d: &Dump, i: usize, col: &str| -> Result<Option<Instant>> {
            match d.get(i, col) {
                None => Ok(None),
                Some(v) => Instant::parse(v, tz).map(Some).map_err(|e| {
                    e.at(&format!("{}: row {}: {col}", d.place, i + 2))
                }),
            }
        };
        // Lookups.
        let mut names: HashMap<String, String> = HashMap::new();
        if let Some(u) = &self.users {
            for i in 0..u.len() {
                let name = match (u.get(i, "realname"), u.get(i, "firstname"))
                {
                    (Some(r), Some(f)) => format!("{r} {f}"),
                    (Some(r), None) => r.to_string(),
                    _ => u.get(i, "name").unwrap_or("").to_string(),
                };
                if let Some(id) = u.get(i, "id") {
                    names.insert(id.to_string(), decode_html(&name));
                }
            }
        }
        let mut requester: HashMap<String, String> = HashMap::new();
        let mut assignee: HashMap<String, String> = HashMap::new();
        if let Some(tu) = &self.tickets_users {
            for i in 0..tu.len() {
                let (Some(tk), Some(uid), Some(ty)) = (
                    tu.get(i, "tickets_id"),
                    tu.get(i, "users_id"),
                    tu.get(i, "type"),
                ) else {
                    continue;
                };
                let name = names
                    .get(uid)
                    .cloned()
                    .unwrap_or_else(|| format!("usuario {uid}"));
                let map = match ty {
                    "1" => &mut requester,
                    "2" => &mut assignee,
                    _ => continue,
                };
                map.entry(tk.to_string()).or_insert(name);
            }
        }
        let mut cats: HashMap<String, String> = HashMap::new();
        if let Some(cd) = &self.categories {
            for i in 0..cd.len() {
                if let Some(id) = cd.get(i, "id") {
                    let n = cd
                        .get(i, "completename")
                        .or(cd.get(i, "name"))
                        .unwrap_or("");
                    cats.insert(id.to_string(), decode_html(n));
                }
            }
        }
        // Tickets.
        out.tickets.push_str("ticket_id,opened_at,type,priority,category,service,group,assignee,requester,channel,affected_users,title");
        for k in KEPT {
            out.tickets.push(',');
            out.tickets.push_str(k);
        }
        out.tickets.push('\n');
        let mut opened: HashMap<String, Instant> = HashMap::new();
        for i in 0..t.len() {
            if t.get(i, "is_deleted") == Some("1") {
                c.deleted += 1;
                continue;
            }
            let id = t.get(i, "id").unwrap_or("").to_string();
            let Some(o) = at(t, i, "date")? else {
                return Err(Error::input(
                    format!(
                        "{}: fila {}: el ticket {id} no tiene fecha de apertura (date)",
                        t.place,
                        i + 2
                    ),
                    format!(
                        "{}: row {}: ticket {id} has no opening date (date)",
                        t.place,
                        i + 2
                    ),
                ));
            };
            opened.insert(id.clone(), o);
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
                .and_then(|x| cats.get(x))
                .map_or("", String::as_str);
            let o_text = {
                let mut s = String::new();
                w.write(o, &mut s);
                s
            };
            let title =
                strip_tags(&decode_html(t.get(i, "name").unwrap_or("")));
            let row = &mut out.tickets;
            push_field(row, &id);
            row.push(',');
            row.push_str(&o_text);
            for v in [
                ty,
                pr,
                cat,
                "",
                "",
                assignee.get(&id).map_or("", String::as_str),
                requester.get(&id).map_or("", String::as_str),
                t.get(i, "requesttypes_id").unwrap_or(""),
                "",
                &title,
            ] {
                row.push(',');
                push_field(row, v);
            }
            for k in KEPT {
                row.push(',');
                let v = t.get(i, k).unwrap_or("");
                // GLPI dates: written as ISO with offset like every instant.
                if k.ends_with("date") || k.starts_with("time_to") {
                    if let Some(d) = at(t, i, k)? {
                        w.write(d, row);
                    }
                } else {
                    push_field(row, v);
                }
            }
            row.push('\n');
            c.tickets += 1;
        }
        // Events: the initial status at the opening (the first change's
        // old value, or the current status when nothing was logged), then
        // every status change (id_search_option 12).
        out.events.push_str("ticket_id,at,status,actor\n");
        let mut changes: BTreeMap<(u64, i64, u64, usize), Change> =
            BTreeMap::new();
        if let Some(l) = &self.logs {
            l.require(&[
                "items_id",
                "date_mod",
                "id_search_option",
                "old_value",
                "new_value",
            ])?;
            for i in 0..l.len() {
                if l.get(i, "itemtype").is_some_and(|x| x != "Ticket")
                    || l.get(i, "id_search_option") != Some("12")
                {
                    c.other_log_rows += 1;
                    continue;
                }
                let tk = l.get(i, "items_id").unwrap_or("").to_string();
                if !opened.contains_key(&tk) {
                    c.orphan_changes.push(i);
                    continue;
                }
                let when = at(l, i, "date_mod")?.map_or(0, Instant::unix);
                let seq = l
                    .get(i, "id")
                    .and_then(|x| x.parse().ok())
                    .unwrap_or(i as u64);
                changes.insert(
                    (tk.parse().unwrap_or(u64::MAX), when, seq, i),
                    (
                        tk,
                        l.get(i, "old_value").unwrap_or("").to_string(),
                        l.get(i, "new_value").unwrap_or("").to_string(),
                        decode_html(l.get(i, "user_name").unwrap_or("")),
                        i,
                    ),
                );
            }
        }
        let mut first_old: HashMap<String, String> = HashMap::new();
        for (tk, old, ..) in changes.values() {
            first_old.entry(tk.clone()).or_insert_with(|| old.clone());
        }
        for i in 0..t.len() {
            if t.get(i, "is_deleted") == Some("1") {
                continue;
            }
            let id = t.get(i, "id").unwrap_or("");
            let initial = first_old
                .get(id)
                .filter(|s| !s.is_empty())
                .cloned()
                .unwrap_or_else(|| {
                    t.get(i, "status").unwrap_or("1").to_string()
                });
            push_field(&mut out.events, id);
            out.events.push(',');
            w.write(opened[id], &mut out.events);
            let _ = writeln!(out.events, ",{initial},");
            c.events += 1;
        }
        for ((_, when, ..), (tk, _, new, actor, row)) in &changes {
            c.change_rows.push(*row);
            push_field(&mut out.events, tk);
            out.events.push(',');
            w.write(Instant::from_unix(*when), &mut out.events);
            out.events.push(',');
            push_field(&mut out.events, new);
            out.events.push(',');
            push_field(&mut out.events, actor);
            out.events.push('\n');
            c.events += 1;
        }
        // Surveys: answered rows only; rows sent are counted.
        out.surveys
            .push_str("ticket_id,answered_at,score,max_score,comment\n");
        if let Some(s) = &self.satisfactions {
            for i in 0..s.len() {
                c.surveys_sent += 1;
                let (Some(tk), Some(_)) =
                    (s.get(i, "tickets_id"), s.get(i, "date_answered"))
                else {
                    c.surveys_unanswered += 1;
                    continue;
                };
                let Some(score) = s.get(i, "satisfaction") else {
                    c.surveys_unanswered += 1;
                    continue;
                };
                if !opened.contains_key(tk) {
                    c.orphan_surveys.push(i);
                    continue;
                }
                c.survey_rows.push(i);
                push_field(&mut out.surveys, tk);
                out.surveys.push(',');
                if let Some(a) = at(s, i, "date_answered")? {
                    w.write(a, &mut out.surveys);
                }
                let _ = write!(out.surveys, ",{score},5,");
                push_field(
                    &mut out.surveys,
                    &strip_tags(&decode_html(
                        s.get(i, "comment").unwrap_or(""),
                    )),
                );
                out.surveys.push('\n');
                c.surveys_answered += 1;
            }
        }
        Ok((out, c))
    }
}

/// GLPI's calendar tables turned into a plazo `[calendar]` table (TOML).
///
/// GLPI day 0 is Sunday; a holiday row may span several days
/// (`begin_date`..`end_date`); `is_perpetual = 1` repeats every year (here
/// written for `years`).
///
/// # Errors
///
/// Missing columns, an unknown calendar id, or a bad date or time.
pub fn calendar_toml(
    calendars: &Dump,
    segments: &Dump,
    holidays: &Dump,
    links: &Dump,
    id: &str,
    years: std::ops::RangeInclusive<i32>,
) -> Result<String> {
    use chrono::{Datelike, NaiveDate};
    segments.require(&["calendars_id", "day", "begin", "end"])?;
    holidays.require(&[
        "id",
        "name",
        "begin_date",
        "end_date",
        "is_perpetual",
    ])?;
    links.require(&["calendars_id", "holidays_id"])?;
    let name = (0..calendars.len())
        .find(|&i| calendars.get(i, "id") == Some(id))
        .and_then(|i| calendars.get(i, "name"))
        .ok_or_else(|| {
            Error::input(
                format!("{}: no hay calendario con id {id}; use --id con uno de la tabla", calendars.place),
                format!("{}: no calendar with id {id}; pass --id with one from the table", calendars.place),
            )
        })?;
    const DAYS: [&str; 7] = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"];
    let mut per_day: BTreeMap<usize, Vec<String>> = BTreeMap::new();
    for i in 0..segments.len() {
        if segments.get(i, "calendars_id") != Some(id) {
            continue;
        }
        let d: usize = segments
            .get(i, "day")
            .and_then(|x| x.parse().ok())
            .filter(|d| *d < 7)
            .ok_or_else(|| {
                Error::input(
                    format!(
                        "{}: fila {}: day no es 0..6",
                        segments.place,
                        i + 2
                    ),
                    format!(
                        "{}: row {}: day is not 0..6",
                        segments.place,
                        i + 2
                    ),
                )
            })?;
        let hm = |v: Option<&str>| -> String {
            let v = v.unwrap_or("");
            let v = if v.starts_with("24:00") { "24:00" } else { v };
            v.get(..5).unwrap_or(v).to_string()
        };
        per_day.entry(d).or_default().push(format!(
            "{}-{}",
            hm(segments.get(i, "begin")),
            hm(segments.get(i, "end"))
        ));
    }
    let linked: Vec<&str> = (0..links.len())
        .filter(|&i| links.get(i, "calendars_id") == Some(id))
        .filter_map(|i| links.get(i, "holidays_id"))
        .collect();
    let mut closed: BTreeMap<NaiveDate, String> = BTreeMap::new();
    let date = |v: Option<&str>, i: usize| -> Result<NaiveDate> {
        NaiveDate::parse_from_str(v.unwrap_or(""), "%Y-%m-%d").map_err(|_| {
            Error::input(
                format!(
                    "{}: fila {}: fecha ilegible {:?}",
                    holidays.place,
                    i + 2,
                    v
                ),
                format!(
                    "{}: row {}: unreadable date {:?}",
                    holidays.place,
                    i + 2,
                    v
                ),
            )
        })
    };
    for i in 0..holidays.len() {
        if !holidays.get(i, "id").is_some_and(|h| linked.contains(&h)) {
            continue;
        }
        let (b, e) = (
            date(holidays.get(i, "begin_date"), i)?,
            date(holidays.get(i, "end_date"), i)?,
        );
        let name = decode_html(holidays.get(i, "name").unwrap_or(""));
        let perpetual = holidays.get(i, "is_perpetual") == Some("1");
        let spans: Vec<(NaiveDate, NaiveDate)> = if perpetual {
            years
                .clone()
                .filter_map(|y| {
                    Some((
                        b.with_year(y)?,
                        e.with_year(y + e.year() - b.year())?,
                    ))
                })
                .collect()
        } else {
            vec![(b, e)]
        };
        for (mut d, e) in spans {
            while d <= e {
                closed.entry(d).or_insert_with(|| name.clone());
                d = d.succ_opt().unwrap_or(d);
            }
        }
    }
    let mut o = String::new();
    let _ = writeln!(
        o,
        "# Imported from GLPI calendar {id} {name:?} by `plazo calendar import-glpi`."
    );
    let _ = writeln!(
        o,
        "# GLPI day 0 is Sunday; multi-day holiday rows are expanded; perpetual"
    );
    let _ = writeln!(
        o,
        "# holidays are written for {}..={}.",
        years.start(),
        years.end()
    );
    let _ = writeln!(o, "[calendar]");
    let _ = writeln!(o, "holidays = []");
    let _ = writeln!(o, "extra_closed_days = [");
    for (d, n) in &closed {
        let _ = writeln!(o, "  \"{d}\", # {n}");
    }
    let _ = writeln!(o, "]");
    let _ = writeln!(o, "[calendar.hours]");
    for (d, segs) in &per_day {
        let list: Vec<String> =
            segs.iter().map(|s| format!("\"{s}\"")).collect();
        let _ = writeln!(o, "{} = [{}]", DAYS[*d], list.join(", "));
    }
    Ok(o)
}

/// GLPI's SLAs (glpi_slas) turned into plazo `[[targets]]` rules matching
/// the tickets' own `slas_id_tto` / `slas_id_ttr` columns (kept by
/// `--source glpi-tables`), one rule per TTO x TTR pair of one SLM, then
/// rules for tickets with only one of the two.
///
/// Returns the TOML and the notes on what plazo expresses differently.
///
/// # Errors
///
/// Missing columns or an unknown `definition_time`.
pub fn slas_toml(slas: &Dump) -> Result<(String, Vec<String>)> {
    slas.require(&["id", "name", "type", "number_time", "definition_time"])?;
    struct Sla {
        id: String,
        name: String,
        dur: String,
        slm: String,
        eod: bool,
        days: bool,
    }
    let mut tto = Vec::new();
    let mut ttr = Vec::new();
    let mut notes = Vec::new();
    for i in 0..slas.len() {
        let n: i64 = slas
            .get(i, "number_time")
            .and_then(|x| x.parse().ok())
            .unwrap_or(0);
        let def = slas.get(i, "definition_time").unwrap_or("");
        let (dur, days) = match def {
            "minute" => (format!("{n}m"), false),
            "hour" => (format!("{n}h"), false),
            "day" => (format!("{n}bd"), true),
            other => {
                return Err(Error::input(
                    format!(
                        "{}: fila {}: definition_time desconocido {other:?} (minute, hour o day)",
                        slas.place,
                        i + 2
                    ),
                    format!(
                        "{}: row {}: unknown definition_time {other:?} (minute, hour or day)",
                        slas.place,
                        i + 2
                    ),
                ));
            }
        };
        let s = Sla {
            id: slas.get(i, "id").unwrap_or("").to_string(),
            name: decode_html(slas.get(i, "name").unwrap_or("")),
            dur,
            slm: slas.get(i, "slms_id").unwrap_or("").to_string(),
            eod: slas.get(i, "end_of_working_day") == Some("1"),
            days,
        };
        if s.days {
            notes.push(format!(
                "SLA {} {:?}: day-based; plazo counts {} as business days at the same working-clock position, GLPI keeps the wall-clock time and counts pending time in wall-clock seconds",
                s.id, s.name, s.dur
            ));
        }
        if s.eod {
            notes.push(format!(
                "SLA {} {:?}: end_of_working_day = 1: GLPI moves the deadline to the end of that working day; plazo has no such rule (the deadline keeps the clock position)",
                s.id, s.name
            ));
        }
        match slas.get(i, "type") {
            Some("1") => tto.push(s),
            _ => ttr.push(s),
        }
    }
    notes.push("a deadline ending exactly at a period's close is stored by GLPI as the next period's start; plazo keeps the close (17:00, not 07:00 next day)".to_string());
    let mut o = String::from(
        "# Imported from glpi_slas by `plazo policy import-glpi-slas`.\n# Rules match GLPI's own SLA ids on each ticket (columns kept by\n# `--source glpi-tables`).\n",
    );
    for a in &tto {
        for b in ttr.iter().filter(|b| b.slm == a.slm) {
            let _ = writeln!(
                o,
                "\n[[targets]]\nname = \"{} + {}\"\nwhere = {{ slas_id_tto = \"{}\", slas_id_ttr = \"{}\" }}\nresponse = \"{}\"\nresolution = \"{}\"",
                a.name, b.name, a.id, b.id, a.dur, b.dur
            );
        }
    }
    for a in &tto {
        let _ = writeln!(
            o,
            "\n[[targets]]\nname = \"{}\"\nwhere = {{ slas_id_tto = \"{}\" }}\nresponse = \"{}\"",
            a.name, a.id, a.dur
        );
    }
    for b in &ttr {
        let _ = writeln!(
            o,
            "\n[[targets]]\nname = \"{}\"\nwhere = {{ slas_id_ttr = \"{}\" }}\nresolution = \"{}\"",
            b.name, b.id, b.dur
        );
    }
    Ok((o, notes))
}
