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

mod errors;
mod target;
mod values;

pub use target::{
    PASSWORD_VAR, SslMode, Target, masked_password, option_file_password,
    password,
};

use std::collections::{HashMap, HashSet};

use chrono_tz::Tz;
use mysql::prelude::Queryable;
use mysql::{Conn, OptsBuilder, SslOpts, Value};
use sha2::{Digest, Sha256};

use crate::error::{Error, Result};
use crate::source::glpi::{Dump, KEPT, Tables};
use crate::text::msg::db as msg;
use crate::time::Instant;

use errors::{connect_error, read_error};
use values::{Kind, date_value, hash_cell, instant, text};

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
    /// From the query sent to the last row received.
    pub elapsed: std::time::Duration,
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
/// glpi_tickets: what `read_tables` reads itself; the attributes it keeps
/// ([`KEPT`]) are added to these, so both readers keep one list.
const TICKET_COLUMNS: &[&str] = &[
    "!id",
    "name",
    "!date",
    "date_mod",
    "is_deleted",
    "type",
    "priority",
    "itilcategories_id",
    "requesttypes_id",
    "!status",
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
    "satisfaction_scaled_to_5",
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
        // The other tables keep to the tickets read; with no filter at all
        // the semi-join is left out (it costs the server about a third of
        // the glpi_logs read: docs/PERFORMANCE.md).
        let of_tickets = |col: &str| {
            if cond == "1 = 1" {
                "1 = 1".to_string()
            } else {
                format!(
                    "x.{col} IN (SELECT t.id FROM glpi_tickets t WHERE {cond})"
                )
            }
        };
        let ticket_columns: Vec<&str> = TICKET_COLUMNS
            .iter()
            .copied()
            .chain(KEPT.iter().copied().filter(|k| *k != "status"))
            .collect();
        let tickets = self.read(
            "glpi_tickets",
            &ticket_columns,
            &format!("({cond})"),
            params.clone(),
            "t",
        )?;
        let logs = self.read(
            "glpi_logs",
            LOG_COLUMNS,
            &format!(
                "x.itemtype = 'Ticket' AND x.id_search_option = 12 AND {}",
                of_tickets("items_id")
            ),
            params.clone(),
            "x",
        )?;
        let satisfactions = self.read_optional(
            "glpi_ticketsatisfactions",
            SATISFACTION_COLUMNS,
            &of_tickets("tickets_id"),
            &params,
        )?;
        let tickets_users = self.read_optional(
            "glpi_tickets_users",
            TICKET_USER_COLUMNS,
            &of_tickets("tickets_id"),
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
        let (names, kinds) = self.select_list(table, cols, typed)?;
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
        let target = self.target.clone();
        let started = std::time::Instant::now();
        let mut result = self
            .conn
            .exec_iter(&sql, params)
            .map_err(|e| read_error(&target, table, 0, &e))?;
        let mut n = 0u64;
        let mut failure = None;
        for row in result.by_ref() {
            match row {
                Ok(row) => {
                    let cells = row.unwrap();
                    let read = Cells {
                        names: &names,
                        kinds: &kinds,
                        place: &place,
                        tz: self.tz,
                    };
                    read.push(cells, n, &mut dump, &mut hash)?;
                    n += 1;
                }
                Err(e) => {
                    failure = Some(e);
                    break;
                }
            }
        }
        drop(result);
        if let Some(e) = failure {
            return Err(read_error(&target, table, n, &e));
        }
        self.reads.push(TableRead {
            table: place,
            rows: n,
            elapsed: started.elapsed(),
            sha256: hash
                .finalize()
                .iter()
                .map(|b| format!("{b:02x}"))
                .collect(),
        });
        Ok(dump)
    }

    /// The columns of `cols` that `table` has, with how each is kept; a
    /// missing required one (`!name`) is an error.
    fn select_list(
        &self,
        table: &str,
        cols: &[&str],
        typed: bool,
    ) -> Result<(Vec<String>, Vec<Kind>)> {
        let have = self.columns_of(table)?;
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
        Ok((names, kinds))
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

/// How one table's rows become dump rows.
struct Cells<'a> {
    names: &'a [String],
    kinds: &'a [Kind],
    place: &'a str,
    tz: Tz,
}

impl Cells<'_> {
    /// Appends row `values` (the `n`-th) to `dump` and `hash`. The first
    /// column is the row's `id`, its "line".
    fn push(
        &self,
        values: Vec<Value>,
        n: u64,
        dump: &mut Dump,
        hash: &mut Sha256,
    ) -> Result<()> {
        let mut cells = Vec::with_capacity(values.len());
        let mut instants = Vec::new();
        let id = match values.first() {
            Some(Value::Int(i)) => *i as u64,
            Some(Value::UInt(u)) => *u,
            Some(Value::Bytes(b)) => std::str::from_utf8(b)
                .ok()
                .and_then(|s| s.parse().ok())
                .unwrap_or(n + 1),
            _ => n + 1,
        };
        for (j, v) in values.into_iter().enumerate() {
            hash_cell(hash, &v);
            if !self.kinds[j].is_instant() {
                cells.push(text(v));
                continue;
            }
            let at = instant(&v, self.kinds[j], self.tz).ok_or_else(|| {
                Error::input_msg(
                    msg::BAD_DATE,
                    &[
                        ("table", &self.place),
                        ("id", &id),
                        ("column", &self.names[j]),
                        ("value", &format!("{v:?}")),
                    ],
                )
            })?;
            instants.push(at);
            cells.push(None);
        }
        hash.update([0x1e]);
        dump.push(id, cells, &instants);
        Ok(())
    }
}
