//! GLPI's own tables: raw dumps in, canonical tables, calendar and SLA
//! rules out, and a ticket-by-ticket reconciliation with GLPI's own SLA
//! fields.
//!
//! Table dumps are read as users export them from phpMyAdmin, DBeaver or
//! `mysql -B` ([`crate::io::csv::Records::dump_as`]): a header row, values
//! optionally quoted, `,` `;` or TAB separated, in UTF-8, Windows-1252 or
//! UTF-16 (detected as for every input, or `--encoding`), plain, `.gz` or
//! in a single-table `.zip`. An empty field, quoted or not, an unquoted
//! `NULL` or `\N`, and MySQL's zero date (`0000-00-00 00:00:00`, as the
//! database reader takes it) are read as absent (the `csv` reader does not tell quoted from unquoted
//! empties; for the columns plazo uses, "" and NULL mean the same: no
//! date, no value). HTML entities in text columns (`&#60;p&#62;`) are
//! decoded for display.
//!
//! Which file is which table is decided by its name: `glpi_tickets.csv`,
//! `glpi_logs.csv` (or `glpi_logs_ticket.csv`),
//! `glpi_ticketsatisfactions.csv`, `glpi_tickets_users.csv`,
//! `glpi_users.csv`, `glpi_itilcategories.csv`, `glpi_slas.csv`
//! (extension `.csv`, `.tsv` or `.txt`, then `.gz` when gzipped; a `.zip`
//! is named after the table it holds: `glpi_tickets.zip`).

use std::collections::{BTreeMap, HashMap};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use chrono::{Datelike, NaiveDate};

use crate::error::{Error, Result};
use crate::io::Encoding;
use crate::io::csv::Record;
use crate::io::input::Input;
use crate::text::lang::Lang;
use crate::text::msg::source as msg;
use crate::time::Instant;

/// A table dump: header and rows of optional values.
#[derive(Clone, Debug)]
pub struct Dump {
    /// Where it was read from.
    pub place: String,
    /// The encoding its file was decoded from (UTF-8 for a database
    /// table).
    pub encoding: Encoding,
    headers: HashMap<String, usize>,
    rows: Vec<Vec<Option<String>>>,
    /// The physical line each row starts on (header = 1); for a database
    /// table, the row's `id`.
    lines: Vec<u64>,
    /// Columns that arrived as typed date-times (from the database, see
    /// [`crate::source::glpi_db`]): column index -> one instant per row.
    /// Their text cells are empty; [`Dump::at`] reads them. In column
    /// order.
    instants: Vec<(usize, Vec<Option<Instant>>)>,
}

impl Dump {
    /// Reads a dump (separator and encoding detected).
    ///
    /// # Errors
    ///
    /// Unreadable file or CSV, naming the file and line.
    pub fn read<'a>(path: impl Into<Input<'a>>) -> Result<Dump> {
        Dump::read_as(path, Encoding::Auto)
    }

    /// Reads a dump in `encoding` ([`Encoding::Auto`]: detected), the
    /// separator detected from the header line.
    ///
    /// # Errors
    ///
    /// Unreadable file or CSV, or text not in `encoding`, naming the
    /// file and line.
    pub fn read_as<'a>(
        path: impl Into<Input<'a>>,
        encoding: Encoding,
    ) -> Result<Dump> {
        let mut records = path.into().dump_as(encoding)?;
        let headers = records
            .headers()
            .iter()
            .enumerate()
            .map(|(i, h)| (h.trim().to_string(), i))
            .collect();
        let (mut rows, mut lines) = (Vec::new(), Vec::new());
        let mut record = Record::new();
        while let Some(line) = records.next(&mut record)? {
            lines.push(line);
            rows.push(
                record
                    .iter()
                    .map(|v| {
                        let v = v.trim();
                        // MySQL's zero date is "no date" too.
                        let absent = v.is_empty()
                            || v == "NULL"
                            || v == "\\N"
                            || v.starts_with("0000-00-00");
                        (!absent).then(|| v.to_string())
                    })
                    .collect(),
            );
        }
        Ok(Dump {
            place: records.name().to_string(),
            encoding: records.encoding(),
            instants: Vec::new(),
            headers,
            rows,
            lines,
        })
    }

    /// An empty table named `place` with `columns`, filled row by row
    /// with [`Dump::push`]: how the database reader builds the same
    /// tables the dump files give. Columns in `typed` hold instants.
    pub(crate) fn empty(
        place: String,
        columns: &[String],
        typed: &[bool],
    ) -> Dump {
        let headers = columns
            .iter()
            .enumerate()
            .map(|(i, c)| (c.clone(), i))
            .collect();
        let instants = typed
            .iter()
            .enumerate()
            .filter(|(_, t)| **t)
            .map(|(i, _)| (i, Vec::new()))
            .collect();
        Dump {
            place,
            encoding: Encoding::Utf8,
            headers,
            rows: Vec::new(),
            lines: Vec::new(),
            instants,
        }
    }

    /// Appends a row: its `line` (for a database row, its `id`), its
    /// text cells (`None` in the typed columns) and, in column order, the
    /// instants of the typed columns.
    pub(crate) fn push(
        &mut self,
        line: u64,
        cells: Vec<Option<String>>,
        instants: &[Option<Instant>],
    ) {
        for ((_, col), v) in self.instants.iter_mut().zip(instants) {
            col.push(*v);
        }
        self.rows.push(cells);
        self.lines.push(line);
    }

    /// The instant in column `col` of row `i`, if any: a typed cell as
    /// read, a text cell read as local time in `tz`.
    ///
    /// # Errors
    ///
    /// An unreadable date, naming the file (or table), row and column.
    pub fn at(
        &self,
        i: usize,
        col: &str,
        tz: chrono_tz::Tz,
    ) -> Result<Option<Instant>> {
        if let Some(c) = self.headers.get(col)
            && let Some((_, v)) = self.instants.iter().find(|(t, _)| t == c)
        {
            return Ok(v[i]);
        }
        self.get(i, col)
            .map(|v| {
                Instant::parse(v, tz).map_err(|e| {
                    e.context_msg(
                        msg::DUMP_CELL,
                        &[
                            ("file", &self.place),
                            ("row", &(i + 2)),
                            ("column", &col),
                        ],
                    )
                })
            })
            .transpose()
    }

    /// The instant in column `col` of row `i`, if any, as [`Dump::at`]
    /// reads it; `Err` holds the cell's text when it is no date.
    pub fn instant(
        &self,
        i: usize,
        col: &str,
        tz: chrono_tz::Tz,
    ) -> std::result::Result<Option<Instant>, &str> {
        self.at(i, col, tz)
            .map_err(|_| self.get(i, col).unwrap_or(""))
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

    /// The first row whose column `col` is `value`.
    fn find(&self, col: &str, value: &str) -> Option<usize> {
        (0..self.len()).find(|&i| self.get(i, col) == Some(value))
    }

    /// An input error naming the first of `cols` the dump lacks, and
    /// the fix.
    pub(crate) fn require(&self, cols: &[&str]) -> Result<()> {
        for c in cols {
            if !self.has(c) {
                return Err(Error::input_msg(
                    msg::DUMP_MISSING_COLUMN,
                    &[("file", &self.place), ("column", &format!("{c:?}"))],
                ));
            }
        }
        Ok(())
    }
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
pub(crate) fn strip_tags(s: &str) -> String {
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

impl Tables {
    /// Loads the dumps, recognising each table by its file name.
    ///
    /// # Errors
    ///
    /// A file whose name is not a known GLPI table, no glpi_tickets, or
    /// an unreadable dump.
    pub fn load(files: &[PathBuf]) -> Result<Tables> {
        Tables::load_as(files, Encoding::Auto)
    }

    /// As [`Tables::load`], each dump decoded from `encoding`
    /// ([`Encoding::Auto`]: detected per file).
    ///
    /// # Errors
    ///
    /// As [`Tables::load`].
    pub fn load_as(files: &[PathBuf], encoding: Encoding) -> Result<Tables> {
        let inputs: Vec<Input<'_>> = files.iter().map(Input::from).collect();
        Tables::load_inputs_as(&inputs, encoding)
    }

    /// [`Tables::load`] for dumps given as files or bytes (each
    /// recognised by its name).
    ///
    /// # Errors
    ///
    /// As [`Tables::load`].
    pub fn load_inputs(files: &[Input<'_>]) -> Result<Tables> {
        Tables::load_inputs_as(files, Encoding::Auto)
    }

    /// [`Tables::load_inputs`], each dump decoded from `encoding`.
    ///
    /// # Errors
    ///
    /// As [`Tables::load`].
    pub fn load_inputs_as(
        files: &[Input<'_>],
        encoding: Encoding,
    ) -> Result<Tables> {
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
        for &f in files {
            let name = f.name();
            let stem = table_name(Path::new(&name));
            let Some((_, key)) = NAMES.iter().find(|(n, _)| *n == stem) else {
                let known: Vec<&str> = NAMES.iter().map(|n| n.0).collect();
                return Err(Error::input_msg(
                    msg::UNKNOWN_GLPI_TABLE,
                    &[("file", &name), ("known", &known.join(", "))],
                ));
            };
            by.insert(key, Dump::read_as(f, encoding)?);
        }
        let tickets = by.remove("tickets").ok_or_else(|| {
            Error::input_msg(msg::GLPI_TICKETS_REQUIRED, &[])
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
}

/// The table a dump file is named after: its name without `.gz` and
/// then without its extension (`glpi_tickets.csv.gz` -> `glpi_tickets`).
fn table_name(path: &Path) -> &str {
    let name = path.file_name().and_then(|s| s.to_str()).unwrap_or("");
    let lower = name.to_ascii_lowercase();
    let name = if lower.ends_with(".gz") {
        &name[..name.len() - 3]
    } else {
        name
    };
    name.rsplit_once('.').map_or(name, |(stem, _)| stem)
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
    segments.require(&["calendars_id", "day", "begin", "end"])?;
    holidays.require(&[
        "id",
        "name",
        "begin_date",
        "end_date",
        "is_perpetual",
    ])?;
    links.require(&["calendars_id", "holidays_id"])?;
    let name = calendars
        .find("id", id)
        .and_then(|i| calendars.get(i, "name"))
        .ok_or_else(|| {
            Error::input_msg(
                msg::NO_SUCH_CALENDAR,
                &[("file", &calendars.place), ("id", &id)],
            )
        })?;
    let hours = working_hours(segments, id)?;
    let closed = closed_days(holidays, links, id, &years)?;
    Ok(write_calendar(id, name, &years, &closed, &hours))
}

/// The working segments of calendar `id` (glpi_calendarsegments), as
/// `HH:MM-HH:MM` by GLPI weekday (0 = Sunday).
fn working_hours(
    segments: &Dump,
    id: &str,
) -> Result<BTreeMap<usize, Vec<String>>> {
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
                Error::input_msg(
                    msg::SEGMENT_DAY_NOT_0_6,
                    &[("file", &segments.place), ("row", &(i + 2))],
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
    Ok(per_day)
}

/// The days the holidays linked to calendar `id` close, with the
/// holiday's name (the first one when two fall on a day); perpetual
/// holidays for each of `years`.
fn closed_days(
    holidays: &Dump,
    links: &Dump,
    id: &str,
    years: &std::ops::RangeInclusive<i32>,
) -> Result<BTreeMap<NaiveDate, String>> {
    let linked: Vec<&str> = (0..links.len())
        .filter(|&i| links.get(i, "calendars_id") == Some(id))
        .filter_map(|i| links.get(i, "holidays_id"))
        .collect();
    let mut closed: BTreeMap<NaiveDate, String> = BTreeMap::new();
    let date = |i: usize, col: &str| -> Result<NaiveDate> {
        let v = holidays.get(i, col);
        NaiveDate::parse_from_str(v.unwrap_or(""), "%Y-%m-%d").map_err(|_| {
            let text = |lang: Lang| {
                let value = match v {
                    Some(v) => format!("\"{v}\""),
                    None => msg::EMPTY_CELL.get(lang).to_string(),
                };
                msg::HOLIDAY_UNREADABLE_DATE.fill(
                    lang,
                    &[
                        ("file", &holidays.place),
                        ("line", &holidays.line(i)),
                        ("column", &col),
                        ("value", &value),
                    ],
                )
            };
            Error::input(text(Lang::Es), text(Lang::En))
        })
    };
    for i in 0..holidays.len() {
        if !holidays.get(i, "id").is_some_and(|h| linked.contains(&h)) {
            continue;
        }
        let (b, e) = (date(i, "begin_date")?, date(i, "end_date")?);
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
    Ok(closed)
}

/// The `[calendar]` table of calendar `id`, named `name`, as TOML.
fn write_calendar(
    id: &str,
    name: &str,
    years: &std::ops::RangeInclusive<i32>,
    closed: &BTreeMap<NaiveDate, String>,
    hours: &BTreeMap<usize, Vec<String>>,
) -> String {
    const DAYS: [&str; 7] = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"];
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
    for (d, n) in closed {
        // A comment ends at a line break: a name read from a multi-line
        // cell must not spill into the table.
        let n: String = n
            .chars()
            .map(|c| if c.is_control() { ' ' } else { c })
            .collect();
        let _ = writeln!(o, "  \"{d}\", # {n}");
    }
    let _ = writeln!(o, "]");
    let _ = writeln!(o, "[calendar.hours]");
    for (d, segs) in hours {
        let list: Vec<String> =
            segs.iter().map(|s| format!("\"{s}\"")).collect();
        let _ = writeln!(o, "{} = [{}]", DAYS[*d], list.join(", "));
    }
    o
}

/// GLPI's SLAs (glpi_slas) turned into plazo `[[targets]]` rules matching
/// the tickets' own `slas_id_tto` / `slas_id_ttr` columns (kept by
/// `--source glpi-tables`), one rule per TTO x TTR pair of one SLM, then
/// rules for tickets with only one of the two.
///
/// Returns the TOML and the notes, in `lang`, on what plazo expresses
/// differently.
///
/// # Errors
///
/// Missing columns or an unknown `definition_time`.
pub fn slas_toml(slas: &Dump, lang: Lang) -> Result<(String, Vec<String>)> {
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
                return Err(Error::input_msg(
                    msg::SLA_UNKNOWN_DEFINITION_TIME,
                    &[
                        ("file", &slas.place),
                        ("row", &(i + 2)),
                        ("value", &format!("{other:?}")),
                    ],
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
        let quoted = format!("{:?}", s.name);
        if s.days {
            notes.push(msg::SLA_DAY_BASED.fill(
                lang,
                &[("id", &s.id), ("name", &quoted), ("duration", &s.dur)],
            ));
        }
        let eod_key = match slas.get(i, "type") {
            Some("1") => "response_end_of_working_day",
            _ => "resolution_end_of_working_day",
        };
        if s.eod {
            notes.push(msg::SLA_END_OF_WORKING_DAY.fill(
                lang,
                &[("id", &s.id), ("name", &quoted), ("key", &eod_key)],
            ));
        }
        match slas.get(i, "type") {
            Some("1") => tto.push(s),
            _ => ttr.push(s),
        }
    }
    notes.push(msg::SLA_DEADLINE_AT_CLOSE.get(lang).to_string());
    // GLPI's `end_of_working_day` (used by `deadline_rules = "glpi"`).
    let eod_line = |s: &Sla, measure: &str| {
        if s.eod {
            format!("\n{measure}_end_of_working_day = true")
        } else {
            String::new()
        }
    };
    let mut o = String::from(
        "# Imported from glpi_slas by `plazo policy import-glpi-slas`.\n# Rules match GLPI's own SLA ids on each ticket (columns kept by\n# `--source glpi-tables`).\n",
    );
    for a in &tto {
        for b in ttr.iter().filter(|b| b.slm == a.slm) {
            let _ = writeln!(
                o,
                "\n[[targets]]\nname = {}\nwhere = {{ slas_id_tto = {}, slas_id_ttr = {} }}\nresponse = \"{}\"\nresolution = \"{}\"{}{}",
                toml_str(&format!("{} + {}", a.name, b.name)),
                toml_str(&a.id),
                toml_str(&b.id),
                a.dur,
                b.dur,
                eod_line(a, "response"),
                eod_line(b, "resolution")
            );
        }
    }
    for a in &tto {
        let _ = writeln!(
            o,
            "\n[[targets]]\nname = {}\nwhere = {{ slas_id_tto = {} }}\nresponse = \"{}\"{}",
            toml_str(&a.name),
            toml_str(&a.id),
            a.dur,
            eod_line(a, "response")
        );
    }
    for b in &ttr {
        let _ = writeln!(
            o,
            "\n[[targets]]\nname = {}\nwhere = {{ slas_id_ttr = {} }}\nresolution = \"{}\"{}",
            toml_str(&b.name),
            toml_str(&b.id),
            b.dur,
            eod_line(b, "resolution")
        );
    }
    Ok((o, notes))
}

/// `s` as a TOML string (quoted and escaped as TOML requires): a name or
/// id read from a dump may hold quotes, backslashes or line breaks.
fn toml_str(s: &str) -> String {
    toml::Value::String(s.to_string()).to_string()
}
