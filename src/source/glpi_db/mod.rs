//! `--glpi-db URL`: GLPI's own MySQL/MariaDB database, read-only.
//!
//! plazo connects, issues `SELECT`s only (the minimal grant is in
//! docs/INGEST.md), streams each result set row by row through the binary
//! protocol (dates arrive typed, not as text to parse), and fills the
//! same [`Tables`] the dump files give, so that
//! [`crate::source::glpi_tables::read_tables`] and the model builder treat
//! both alike: the same data, the same canonical tables.
//!
//! - Dates: GLPI 10 and 11 declare their dates `TIMESTAMP`; plazo sets the
//!   session's `time_zone` to UTC and reads them as the instants they are,
//!   whatever the server's or GLPI's zone. Older installs with `DATETIME`
//!   columns hold GLPI's local wall-clock time: read in the policy's zone,
//!   as dumps are. `0000-00-00 00:00:00` is no date (NULL).
//! - glpi_logs: only the status changes (`itemtype = 'Ticket'` and
//!   `id_search_option = 12`) are read; the other rows never leave the
//!   server.
//! - [`Filter`]: an entity (with its sub-entities unless not recursive)
//!   and a window pushed into the queries: only the tickets that can
//!   affect a report (opened by its cutoff, and still open or touched
//!   since the window's start) are read, with their whole history.
//! - A database row's "line" (in rejects and messages) is its `id`.

mod target;

pub use target::{
    PASSWORD_VAR, SslMode, Target, masked_password, option_file_password,
    password,
};

use std::collections::{HashMap, HashSet};

use chrono::{NaiveDate, NaiveDateTime};
use chrono_tz::Tz;
use mysql::prelude::Queryable;
use mysql::{Conn, OptsBuilder, SslOpts, Value};
use sha2::{Digest, Sha256};

use crate::error::{Error, ErrorKind, Result};
use crate::source::glpi::{Dump, Tables};
use crate::text::msg::db as msg;
use crate::time::{Instant, local_to_instant};

/// Which tickets to read.
#[derive(Clone, Debug, Default)]
pub struct Filter {
    /// Only this entity (`glpi_entities.id`)...
    pub entity: Option<u64>,
    /// ... and its sub-entities.
    pub recursive: bool,
    /// Only tickets opened at or before this instant (a report's cutoff).
    pub opened_until: Option<Instant>,
    /// Only tickets still open, or opened, solved, closed, modified or
    /// answered at or after this instant (a report's earliest period).
    pub active_since: Option<Instant>,
}

/// What was read from the database, for the summary and the workbook's
/// "Metodología" sheet.
#[derive(Clone, Debug)]
pub struct TableRead {
    /// `glpi.glpi_tickets`.
    pub table: String,
    /// Rows read.
    pub rows: u64,
    /// SHA-256 of the cells as read (lowercase hex): the same data gives
    /// the same hash.
    pub sha256: String,
}

/// An open, read-only connection to GLPI's database.
pub struct Db {
    conn: Conn,
    target: Target,
    tz: Tz,
    /// Column -> data type (`timestamp`, `datetime`, `int`...), per table
    /// the user can read.
    schema: HashMap<String, HashMap<String, String>>,
    /// What each read returned.
    pub reads: Vec<TableRead>,
}

/// The tables `read_tables` uses, with the columns plazo reads (those
/// missing from an older or newer schema are left out, except the
/// required ones, marked `!`).
const TICKET_COLUMNS: &[&str] = &[
    "!id",
    "entities_id",
    "name",
    "!date",
    "date_mod",
    "is_deleted",
    "type",
    "priority",
    "itilcategories_id",
    "requesttypes_id",
    "!status",
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
];
const LOG_COLUMNS: &[&str] = &[
    "!id",
    "!itemtype",
    "!items_id",
    "!date_mod",
    "!id_search_option",
    "!old_value",
    "!new_value",
    "user_name",
];
const SATISFACTION_COLUMNS: &[&str] = &[
    "!id",
    "!tickets_id",
    "date_begin",
    "!date_answered",
    "!satisfaction",
    "comment",
];
const TICKET_USER_COLUMNS: &[&str] =
    &["!id", "!tickets_id", "!users_id", "!type"];
const USER_COLUMNS: &[&str] = &["!id", "name", "realname", "firstname"];
const CATEGORY_COLUMNS: &[&str] = &["!id", "name", "completename"];

impl Db {
    /// Connects to `target` (password from [`password`]) and reads which
    /// tables and columns the user can see. Dates of `DATETIME` columns
    /// are read in `tz`.
    ///
    /// # Errors
    ///
    /// A failure (exit 1) naming host, port and the server's message: no
    /// server, a refused login, an unknown database, TLS.
    pub fn connect(target: &Target, tz: Tz) -> Result<Db> {
        let pass = password()?;
        let mut b = OptsBuilder::new()
            .ip_or_hostname(Some(target.host.clone()))
            .tcp_port(target.port)
            .user((!target.user.is_empty()).then(|| target.user.clone()))
            .pass(pass)
            .db_name(Some(target.database.clone()))
            .socket(target.socket.as_ref().map(|p| p.display().to_string()))
            .prefer_socket(target.socket.is_some())
            .tcp_connect_timeout(Some(std::time::Duration::from_secs(30)))
            .read_timeout(Some(std::time::Duration::from_secs(600)))
            // TIMESTAMP columns in UTC: the instants as stored. A
            // read-only session: even a user granted more than SELECT
            // cannot write through plazo.
            .init(vec![
                "SET time_zone = '+00:00'",
                "SET SESSION TRANSACTION READ ONLY",
            ]);
        if target.ssl != SslMode::Disabled {
            let mut ssl = SslOpts::default();
            if let Some(ca) = &target.ssl_ca {
                ssl = ssl.with_root_cert_path(Some(ca.clone()));
            }
            ssl = match target.ssl {
                SslMode::Required => ssl
                    .with_danger_accept_invalid_certs(true)
                    .with_danger_skip_domain_validation(true),
                SslMode::VerifyCa => {
                    ssl.with_danger_skip_domain_validation(true)
                }
                _ => ssl,
            };
            b = b.ssl_opts(Some(ssl));
        }
        let conn = Conn::new(b).map_err(|e| connect_error(target, &e))?;
        let mut db = Db {
            conn,
            target: target.clone(),
            tz,
            schema: HashMap::new(),
            reads: Vec::new(),
        };
        db.read_schema()?;
        Ok(db)
    }

    /// The target, for messages (masked).
    pub fn target(&self) -> &Target {
        &self.target
    }

    fn read_schema(&mut self) -> Result<()> {
        let sql = "SELECT TABLE_NAME, COLUMN_NAME, DATA_TYPE \
                   FROM information_schema.COLUMNS \
                   WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME LIKE 'glpi\\_%'";
        let rows: Vec<(String, String, String)> =
            self.conn.query(sql).map_err(|e| {
                read_error(&self.target, "information_schema.COLUMNS", 0, &e)
            })?;
        for (t, c, ty) in rows {
            self.schema
                .entry(t.to_ascii_lowercase())
                .or_default()
                .insert(c.to_ascii_lowercase(), ty.to_ascii_lowercase());
        }
        Ok(())
    }

    /// The ticket tables for `filter`: glpi_tickets, its status changes,
    /// survey rows, actors, users, categories and SLAs.
    ///
    /// # Errors
    ///
    /// A missing table or column, an unknown entity, a failed read.
    pub fn tables(&mut self, filter: &Filter) -> Result<Tables> {
        let (cond, params) = self.ticket_filter(filter)?;
        let sub = format!("SELECT t.id FROM glpi_tickets t WHERE {cond}");
        let twice = |p: &Vec<Value>| p.clone();
        let tickets = self.read(
            "glpi_tickets",
            TICKET_COLUMNS,
            &format!("({cond})"),
            twice(&params),
            "t",
        )?;
        let logs = self.read(
            "glpi_logs",
            LOG_COLUMNS,
            &format!(
                "x.itemtype = 'Ticket' AND x.id_search_option = 12 AND x.items_id IN ({sub})"
            ),
            twice(&params),
            "x",
        )?;
        let satisfactions = self.read_optional(
            "glpi_ticketsatisfactions",
            SATISFACTION_COLUMNS,
            &format!("x.tickets_id IN ({sub})"),
            &params,
        )?;
        let tickets_users = self.read_optional(
            "glpi_tickets_users",
            TICKET_USER_COLUMNS,
            &format!("x.tickets_id IN ({sub})"),
            &params,
        )?;
        let users =
            self.read_optional("glpi_users", USER_COLUMNS, "1 = 1", &[])?;
        let categories = self.read_optional(
            "glpi_itilcategories",
            CATEGORY_COLUMNS,
            "1 = 1",
            &[],
        )?;
        let slas = if self.has_table("glpi_slas") {
            Some(self.table("glpi_slas")?)
        } else {
            None
        };
        Ok(Tables {
            tickets,
            logs: Some(logs),
            satisfactions,
            tickets_users,
            users,
            categories,
            slas,
        })
    }

    /// A whole small table (calendars, segments, holidays, SLAs), every
    /// column, dates and times as text (`YYYY-MM-DD`, `HH:MM:SS`), as a
    /// dump of it reads.
    ///
    /// # Errors
    ///
    /// A missing table, a failed read.
    pub fn table(&mut self, table: &str) -> Result<Dump> {
        let cols: Vec<String> =
            self.columns_of(table)?.keys().cloned().collect();
        let mut cols = cols;
        cols.sort();
        if let Some(i) = cols.iter().position(|c| c == "id") {
            cols.swap(0, i);
        }
        let list: Vec<String> = cols.iter().map(|c| format!("!{c}")).collect();
        let list: Vec<&str> = list.iter().map(String::as_str).collect();
        self.read_as(table, &list, "1 = 1", Vec::new(), "x", false)
    }

    fn has_table(&self, table: &str) -> bool {
        self.schema.contains_key(table)
    }

    fn columns_of(&self, table: &str) -> Result<&HashMap<String, String>> {
        self.schema.get(table).ok_or_else(|| {
            Error::failure_msg(
                msg::MISSING_TABLE,
                &[
                    ("table", &table),
                    ("database", &self.target.database),
                    ("place", &self.target.place()),
                    ("url", &self.target.masked()),
                ],
            )
        })
    }

    fn read_optional(
        &mut self,
        table: &str,
        cols: &[&str],
        cond: &str,
        params: &[Value],
    ) -> Result<Option<Dump>> {
        if !self.has_table(table) {
            return Ok(None);
        }
        self.read(table, cols, cond, params.to_vec(), "x").map(Some)
    }

    fn read(
        &mut self,
        table: &str,
        cols: &[&str],
        cond: &str,
        params: Vec<Value>,
        alias: &str,
    ) -> Result<Dump> {
        self.read_as(table, cols, cond, params, alias, true)
    }

    /// Streams `SELECT cols FROM table alias WHERE cond ORDER BY id` into a
    /// dump; with `typed`, date-time columns become instants.
    fn read_as(
        &mut self,
        table: &str,
        cols: &[&str],
        cond: &str,
        params: Vec<Value>,
        alias: &str,
        typed: bool,
    ) -> Result<Dump> {
        let have = self.columns_of(table)?.clone();
        let mut names = Vec::new();
        let mut kinds = Vec::new();
        for c in cols {
            let (required, name) = match c.strip_prefix('!') {
                Some(n) => (true, n),
                None => (false, *c),
            };
            match have.get(name) {
                Some(ty) => {
                    names.push(name.to_string());
                    kinds.push(Kind::of(ty, typed));
                }
                None if required => {
                    return Err(Error::failure_msg(
                        msg::MISSING_COLUMN,
                        &[
                            ("table", &table),
                            ("database", &self.target.database),
                            ("column", &name),
                        ],
                    ));
                }
                None => {}
            }
        }
        let select: Vec<String> =
            names.iter().map(|n| format!("{alias}.`{n}`")).collect();
        let sql = format!(
            "SELECT {} FROM {table} {alias} WHERE {cond} ORDER BY {alias}.id",
            select.join(", ")
        );
        let typed_cols: Vec<bool> =
            kinds.iter().map(|k| k.is_instant()).collect();
        let place = format!("{}.{table}", self.target.database);
        let mut dump = Dump::empty(place.clone(), &names, &typed_cols);
        let mut hash = Sha256::new();
        let mut n = 0u64;
        let tz = self.tz;
        let target = self.target.clone();
        let result = self.conn.exec_iter(&sql, params);
        let mut result = match result {
            Ok(r) => r,
            Err(e) => return Err(read_error(&target, table, 0, &e)),
        };
        let mut failure = None;
        for row in result.by_ref() {
            let row = match row {
                Ok(r) => r,
                Err(e) => {
                    failure = Some(e);
                    break;
                }
            };
            let values = row.unwrap();
            let mut cells = Vec::with_capacity(values.len());
            let mut instants = Vec::new();
            let mut id = 0u64;
            for (j, v) in values.into_iter().enumerate() {
                hash_cell(&mut hash, &v);
                if j == 0 {
                    id = match &v {
                        Value::Int(i) => *i as u64,
                        Value::UInt(u) => *u,
                        Value::Bytes(b) => std::str::from_utf8(b)
                            .ok()
                            .and_then(|s| s.parse().ok())
                            .unwrap_or(n + 1),
                        _ => n + 1,
                    };
                }
                match kinds[j] {
                    Kind::Utc | Kind::Local => {
                        let at =
                            instant(&v, kinds[j], tz).ok_or_else(|| {
                                Error::input_msg(
                                    msg::BAD_DATE,
                                    &[
                                        ("table", &place),
                                        ("id", &id),
                                        ("column", &names[j]),
                                        ("value", &format!("{v:?}")),
                                    ],
                                )
                            })?;
                        instants.push(at);
                        cells.push(None);
                    }
                    Kind::Text => cells.push(text(v)),
                }
            }
            hash.update([0x1e]);
            dump.push(id, cells, &instants);
            n += 1;
        }
        drop(result);
        if let Some(e) = failure {
            return Err(read_error(&target, table, n, &e));
        }
        self.reads.push(TableRead {
            table: place,
            rows: n,
            sha256: hash
                .finalize()
                .iter()
                .map(|b| format!("{b:02x}"))
                .collect(),
        });
        Ok(dump)
    }

    /// The SQL condition on `glpi_tickets t` for `f`, and its parameters.
    fn ticket_filter(&mut self, f: &Filter) -> Result<(String, Vec<Value>)> {
        let mut cond = vec!["1 = 1".to_string()];
        let mut params = Vec::new();
        if let Some(e) = f.entity {
            let ids = self.entities(e, f.recursive)?;
            let list: Vec<String> = ids.iter().map(u64::to_string).collect();
            cond.push(format!("t.entities_id IN ({})", list.join(", ")));
        }
        let cols = self.columns_of("glpi_tickets")?.clone();
        let bound = |col: &str, at: Instant| -> Value {
            let utc = cols.get(col).is_some_and(|t| t == "timestamp");
            let naive = if utc {
                at.utc().naive_utc()
            } else {
                at.in_zone(self.tz).naive_local()
            };
            date_value(naive)
        };
        if let Some(u) = f.opened_until {
            cond.push("t.date <= ?".to_string());
            params.push(bound("date", u));
        }
        if let Some(l) = f.active_since {
            let mut any = vec!["t.status NOT IN (5, 6)".to_string()];
            for c in ["date", "solvedate", "closedate", "date_mod"] {
                if cols.contains_key(c) {
                    any.push(format!("t.{c} >= ?"));
                    params.push(bound(c, l));
                }
            }
            if let Some(sc) = self.schema.get("glpi_ticketsatisfactions")
                && sc.contains_key("date_answered")
            {
                let utc =
                    sc.get("date_answered").is_some_and(|t| t == "timestamp");
                any.push(
                    "t.id IN (SELECT s.tickets_id FROM glpi_ticketsatisfactions s \
                     WHERE s.date_answered >= ?)"
                        .to_string(),
                );
                params.push(date_value(if utc {
                    l.utc().naive_utc()
                } else {
                    l.in_zone(self.tz).naive_local()
                }));
            }
            cond.push(format!("({})", any.join(" OR ")));
        }
        Ok((cond.join(" AND "), params))
    }

    /// `id` and, when `recursive`, every entity below it.
    fn entities(&mut self, id: u64, recursive: bool) -> Result<Vec<u64>> {
        let has_parent = self
            .columns_of("glpi_entities")?
            .contains_key("entities_id");
        let sql = if has_parent {
            "SELECT id, entities_id FROM glpi_entities ORDER BY id"
        } else {
            "SELECT id, NULL FROM glpi_entities ORDER BY id"
        };
        let rows: Vec<(i64, Option<i64>)> = self
            .conn
            .query(sql)
            .map_err(|e| read_error(&self.target, "glpi_entities", 0, &e))?;
        if !rows.iter().any(|(i, _)| *i as u64 == id) {
            let known: Vec<String> =
                rows.iter().map(|(i, _)| i.to_string()).collect();
            return Err(Error::input_msg(
                msg::UNKNOWN_ENTITY,
                &[
                    ("id", &id),
                    ("database", &self.target.database),
                    ("known", &known.join(", ")),
                ],
            ));
        }
        let mut out: HashSet<u64> = HashSet::from([id]);
        if recursive {
            loop {
                let before = out.len();
                for (i, p) in &rows {
                    if let Some(p) = p
                        && *p >= 0
                        && *p != *i
                        && out.contains(&(*p as u64))
                    {
                        out.insert(*i as u64);
                    }
                }
                if out.len() == before {
                    break;
                }
            }
        }
        let mut v: Vec<u64> = out.into_iter().collect();
        v.sort_unstable();
        Ok(v)
    }
}

/// A failed read: a table the user cannot see (missing, or no grant)
/// or a server that failed or went away after `rows` rows.
fn read_error(t: &Target, table: &str, rows: u64, e: &mysql::Error) -> Error {
    let place = t.place();
    let url = t.masked();
    if let mysql::Error::MySqlError(m) = e
        && matches!(m.code, 1142 | 1146)
    {
        return Error::failure_msg(
            msg::MISSING_TABLE,
            &[
                ("table", &table),
                ("database", &t.database),
                ("place", &place),
                ("url", &url),
            ],
        );
    }
    Error::failure_msg(
        msg::READ,
        &[
            ("table", &table),
            ("place", &place),
            ("url", &url),
            ("rows", &rows),
            ("detail", &detail(e)),
        ],
    )
}

/// The driver's or server's own words, without the debug wrapping.
fn detail(e: &mysql::Error) -> String {
    match e {
        mysql::Error::MySqlError(m) => {
            format!("ERROR {} ({}): {}", m.code, m.state, m.message)
        }
        mysql::Error::DriverError(d) => d.to_string(),
        mysql::Error::IoError(io) => io.to_string(),
        other => other.to_string(),
    }
    .trim()
    .to_string()
}

/// A date-time query parameter.
fn date_value(n: NaiveDateTime) -> Value {
    use chrono::{Datelike, Timelike};
    Value::Date(
        n.year() as u16,
        n.month() as u8,
        n.day() as u8,
        n.hour() as u8,
        n.minute() as u8,
        n.second() as u8,
        n.nanosecond() / 1000,
    )
}

/// How a column's values are kept.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    /// `TIMESTAMP`, read in a UTC session: an instant.
    Utc,
    /// `DATETIME`: GLPI's local wall-clock time, read in the policy's zone.
    Local,
    /// Everything else, as text.
    Text,
}

impl Kind {
    fn of(data_type: &str, typed: bool) -> Kind {
        match data_type {
            "timestamp" if typed => Kind::Utc,
            "datetime" if typed => Kind::Local,
            _ => Kind::Text,
        }
    }

    fn is_instant(self) -> bool {
        self != Kind::Text
    }
}

/// A date-time value as an instant: `Ok(None)` for NULL and the zero
/// date, `None` (an error) for anything else that is not a date.
fn instant(v: &Value, kind: Kind, tz: Tz) -> Option<Option<Instant>> {
    let naive = match v {
        Value::NULL => return Some(None),
        Value::Date(0, 0, 0, ..) => return Some(None),
        Value::Date(y, mo, d, h, mi, s, us) => NaiveDate::from_ymd_opt(
            i32::from(*y),
            u32::from(*mo),
            u32::from(*d),
        )?
        .and_hms_micro_opt(
            u32::from(*h),
            u32::from(*mi),
            u32::from(*s),
            *us,
        )?,
        Value::Bytes(b) => {
            let s = std::str::from_utf8(b).ok()?;
            if s.starts_with("0000-00-00") {
                return Some(None);
            }
            NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M:%S%.f").ok()?
        }
        _ => return None,
    };
    Some(Some(match kind {
        Kind::Utc => Instant::from(naive.and_utc()),
        _ => local_to_instant(tz, naive),
    }))
}

/// A value as the text a dump of the table holds.
fn text(v: Value) -> Option<String> {
    match v {
        Value::NULL => None,
        Value::Bytes(b) => {
            let s = match String::from_utf8(b) {
                Ok(s) => s,
                Err(e) => String::from_utf8_lossy(e.as_bytes()).into_owned(),
            };
            let t = s.trim();
            if t.is_empty() {
                None
            } else if t.len() == s.len() {
                Some(s)
            } else {
                Some(t.to_string())
            }
        }
        Value::Int(i) => Some(i.to_string()),
        Value::UInt(u) => Some(u.to_string()),
        Value::Float(f) => Some(f.to_string()),
        Value::Double(d) => Some(d.to_string()),
        Value::Date(y, mo, d, h, mi, s, _) => {
            Some(if (h, mi, s) == (0, 0, 0) {
                format!("{y:04}-{mo:02}-{d:02}")
            } else {
                format!("{y:04}-{mo:02}-{d:02} {h:02}:{mi:02}:{s:02}")
            })
        }
        Value::Time(neg, days, h, mi, s, _) => {
            let h = u32::from(h) + days * 24;
            Some(format!(
                "{}{h:02}:{mi:02}:{s:02}",
                if neg { "-" } else { "" }
            ))
        }
    }
}

/// Feeds a cell to the table's hash: its bytes (numbers and dates in a
/// fixed binary form), then a unit separator.
fn hash_cell(h: &mut Sha256, v: &Value) {
    match v {
        Value::NULL => h.update([0]),
        Value::Bytes(b) => h.update(b),
        Value::Int(i) => h.update(i.to_le_bytes()),
        Value::UInt(u) => h.update(u.to_le_bytes()),
        Value::Float(f) => h.update(f.to_le_bytes()),
        Value::Double(d) => h.update(d.to_le_bytes()),
        Value::Date(y, mo, d, hh, mi, s, us) => {
            h.update(y.to_le_bytes());
            h.update([*mo, *d, *hh, *mi, *s]);
            h.update(us.to_le_bytes());
        }
        Value::Time(neg, days, hh, mi, s, us) => {
            h.update([u8::from(*neg)]);
            h.update(days.to_le_bytes());
            h.update([*hh, *mi, *s]);
            h.update(us.to_le_bytes());
        }
    }
    h.update([0x1f]);
}

/// A connection error, named after what the user can fix.
fn connect_error(t: &Target, e: &mysql::Error) -> Error {
    let detail = detail(e);
    let base: [(&str, &dyn std::fmt::Display); 5] = [
        ("place", &t.place()),
        ("url", &t.masked()),
        ("detail", &detail),
        ("var", &PASSWORD_VAR),
        ("database", &t.database),
    ];
    let m = match e {
        mysql::Error::MySqlError(m) => match m.code {
            1045 | 1698 => msg::LOGIN,
            1044 => msg::NO_DATABASE,
            1049 => msg::UNKNOWN_DATABASE,
            _ => msg::SERVER,
        },
        mysql::Error::TlsError(_) => msg::TLS,
        mysql::Error::DriverError(mysql::DriverError::TlsNotSupported) => {
            msg::TLS
        }
        _ => msg::CONNECT,
    };
    Error::from_msg(ErrorKind::Failure, m, &base)
}
