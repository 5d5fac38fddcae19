//! A real MariaDB for the tests of `--glpi-db` (issue 14), and the tests of
//! that support itself.
//!
//! [`server`] is the test server: the one `.ci/run` started
//! (`PLAZO_TEST_MARIADB_DIR`, `_SOCKET`, `_PORT` in the environment; the
//! password of `plazo_ro` in `$PLAZO_TEST_MARIADB_DIR/env`, or in
//! `PLAZO_TEST_MARIADB_PASSWORD`), else one started once per test process
//! with `scripts/mariadb.sh start <tempdir> --watch <this pid>`, which stops
//! it and removes its folder when the process ends. Without `mariadbd` the
//! tests fail with the install command: they are never skipped.
//!
//! [`glpi_sample`] builds a database `glpi_<tag>` with the GLPI 10.0.5
//! tables of `queries/glpi/schema.sql` and the rows of
//! `../shared/datasets/glpi_10_0_5_sample`; `plazo_ro` may only SELECT from
//! it. The dumps' rules (the data set's README): every non-NULL value is
//! double-quoted (`""` is an empty string), an empty unquoted field is SQL
//! NULL, CRLF line ends; text is stored HTML-encoded already and is loaded
//! as it is.
//!
//! Dates: the dumps hold GLPI's Bogotá wall-clock values and GLPI 10
//! declares its dates TIMESTAMP (UTC inside, converted with the session's
//! `time_zone`). The rows are written in a session at `-05:00`, as GLPI's
//! own connection was (America/Bogota, no DST), so the stored instants
//! are the real ones: a reader gets the dumps' values back after `SET
//! time_zone = '-05:00'` (or `'America/Bogota'`: the server has the zone
//! tables), and UTC values in the server's default zone (SYSTEM, UTC on
//! the CI machines).

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::OnceLock;

use mysql::prelude::Queryable;
use mysql::{Conn, Opts, OptsBuilder, TxOpts, Value};

use crate::util::{dataset, root};

/// A running MariaDB server.
pub struct Server {
    /// Its TCP port on 127.0.0.1.
    pub port: u16,
    /// Its Unix socket (root logs in over it, by the OS user).
    pub socket: PathBuf,
    /// Its folder (data, error.log, env).
    pub dir: PathBuf,
    /// The password of the read-only account `plazo_ro`.
    password: String,
}

/// The test server: the one `.ci/run` started (env `PLAZO_TEST_MARIADB_*`),
/// else one started once per test process with `scripts/mariadb.sh start
/// <tempdir> --watch <this pid>`. Fails (panics with the install command)
/// when `mariadbd` is missing: never skips.
pub fn server() -> &'static Server {
    static SERVER: OnceLock<Server> = OnceLock::new();
    SERVER.get_or_init(|| match from_env() {
        Some(s) => s,
        None => start_private(),
    })
}

/// The server `.ci/run` exported, if any.
fn from_env() -> Option<Server> {
    let socket = std::env::var_os("PLAZO_TEST_MARIADB_SOCKET")?;
    let port = std::env::var("PLAZO_TEST_MARIADB_PORT")
        .expect("PLAZO_TEST_MARIADB_SOCKET is set but not _PORT")
        .parse()
        .expect("PLAZO_TEST_MARIADB_PORT is not a port number");
    let dir = PathBuf::from(
        std::env::var_os("PLAZO_TEST_MARIADB_DIR")
            .expect("PLAZO_TEST_MARIADB_SOCKET is set but not _DIR"),
    );
    let password = match std::env::var("PLAZO_TEST_MARIADB_PASSWORD") {
        Ok(p) => p,
        Err(_) => env_file(&dir)
            .remove("PLAZO_TEST_MARIADB_PASSWORD")
            .expect("no PLAZO_TEST_MARIADB_PASSWORD in the server's env file"),
    };
    Some(Server {
        port,
        socket: PathBuf::from(socket),
        dir,
        password,
    })
}

/// Where the MariaDB server program is, if installed.
fn mariadbd() -> Option<PathBuf> {
    let path = std::env::var_os("PATH").unwrap_or_default();
    std::env::split_paths(&path)
        .chain([PathBuf::from("/usr/sbin")])
        .map(|d| d.join("mariadbd"))
        .find(|p| p.is_file())
}

/// Starts a server for this test process (stopped when it exits).
fn start_private() -> Server {
    assert!(
        mariadbd().is_some(),
        "mariadbd not found: the --glpi-db tests need a MariaDB server. \
         Install it (Debian: `apt-get install --no-install-recommends \
         mariadb-server`; .ci/run does) and run the tests again"
    );
    // Short: a Unix socket path has at most 107 bytes.
    let dir = std::env::temp_dir()
        .join(format!("plazo-mariadb-{}", std::process::id()));
    let out = Command::new(root().join("scripts/mariadb.sh"))
        .arg("start")
        .arg(&dir)
        .args(["--watch", &std::process::id().to_string()])
        .output()
        .expect("run scripts/mariadb.sh");
    assert!(
        out.status.success(),
        "scripts/mariadb.sh start {} failed:\n{}",
        dir.display(),
        String::from_utf8_lossy(&out.stderr)
    );
    let exports = parse_exports(&String::from_utf8_lossy(&out.stdout));
    let mut env = env_file(&dir);
    Server {
        port: exports["PLAZO_TEST_MARIADB_PORT"].parse().unwrap(),
        socket: PathBuf::from(&exports["PLAZO_TEST_MARIADB_SOCKET"]),
        dir,
        password: env.remove("PLAZO_TEST_MARIADB_PASSWORD").unwrap(),
    }
}

/// `export NAME='value'` lines as a map.
fn parse_exports(text: &str) -> BTreeMap<String, String> {
    text.lines()
        .filter_map(|l| l.strip_prefix("export "))
        .filter_map(|l| l.split_once('='))
        .map(|(k, v)| (k.to_string(), v.trim_matches('\'').to_string()))
        .collect()
}

/// The exports of `dir/env` (written by `scripts/mariadb.sh start`).
fn env_file(dir: &Path) -> BTreeMap<String, String> {
    let p = dir.join("env");
    let text = std::fs::read_to_string(&p)
        .unwrap_or_else(|e| panic!("{}: {e}", p.display()));
    parse_exports(&text)
}

impl Server {
    /// A connection as root over the socket.
    pub fn root_conn(&self) -> Conn {
        let opts = OptsBuilder::new()
            .socket(Some(self.socket.to_str().unwrap()))
            .user(Some("root"));
        Conn::new(opts).unwrap_or_else(|e| {
            let log = std::fs::read_to_string(self.dir.join("error.log"))
                .unwrap_or_default();
            let tail: Vec<&str> = log.lines().rev().take(15).collect();
            panic!(
                "connect as root over {}: {e}\nend of {}/error.log:\n{}",
                self.socket.display(),
                self.dir.display(),
                tail.into_iter().rev().collect::<Vec<_>>().join("\n")
            )
        })
    }

    /// Runs SQL as the admin (root over the socket), panicking with the
    /// server's message.
    pub fn admin(&self, sql: &str) {
        self.root_conn()
            .query_drop(sql)
            .unwrap_or_else(|e| panic!("{sql}\n{e}"));
    }

    /// The rows of a query run as root (NULL is `None`, every value as
    /// text), panicking with the server's message.
    pub fn admin_rows(&self, sql: &str) -> Vec<Vec<Option<String>>> {
        let rows: Vec<mysql::Row> = self
            .root_conn()
            .query(sql)
            .unwrap_or_else(|e| panic!("{sql}\n{e}"));
        rows.into_iter()
            .map(|r| r.unwrap().into_iter().map(text).collect())
            .collect()
    }

    /// The one number a `SELECT COUNT(*) ...` run as root returns.
    pub fn count(&self, sql: &str) -> u64 {
        let rows = self.admin_rows(sql);
        rows[0][0].as_deref().unwrap().parse().unwrap()
    }
}

/// A value as text (`None` for NULL).
fn text(v: Value) -> Option<String> {
    match v {
        Value::NULL => None,
        Value::Bytes(b) => Some(String::from_utf8(b).unwrap()),
        other => Some(other.as_sql(true).trim_matches('\'').to_string()),
    }
}

/// A GLPI database of the test server, readable by `plazo_ro`.
#[derive(Clone)]
pub struct TestDb {
    /// `glpi_<tag>`.
    pub name: String,
    /// `mysql://plazo_ro@127.0.0.1:<port>/glpi_<tag>` (no password in it).
    pub url: String,
    /// The password of `plazo_ro` (give it to plazo as PLAZO_DB_PASSWORD).
    pub password: String,
}

// Debug without the password: a failing test may print these.
impl std::fmt::Debug for Server {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Server")
            .field("port", &self.port)
            .field("socket", &self.socket)
            .field("dir", &self.dir)
            .finish_non_exhaustive()
    }
}

impl std::fmt::Debug for TestDb {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("TestDb")
            .field("name", &self.name)
            .field("url", &self.url)
            .field("password", &"****")
            .finish()
    }
}

impl TestDb {
    /// A connection as `plazo_ro` over TCP, as plazo makes it.
    pub fn ro_conn(&self) -> Result<Conn, mysql::Error> {
        let opts = OptsBuilder::from_opts(Opts::from_url(&self.url).unwrap())
            .pass(Some(self.password.clone()))
            .prefer_socket(false);
        Conn::new(opts)
    }
}

/// A fresh database `glpi_<tag>` (dropped first if present) with
/// queries/glpi/schema.sql and the glpi_10_0_5_sample dumps loaded, SELECT
/// granted to plazo_ro; url = "mysql://plazo_ro@127.0.0.1:<port>/glpi_<tag>"
/// (no password in it).
pub fn glpi_sample(tag: &str) -> TestDb {
    build(tag, Some(&dataset("glpi_10_0_5_sample")))
}

/// The same with an empty schema (tables, no rows).
pub fn glpi_empty(tag: &str) -> TestDb {
    build(tag, None)
}

/// The statements of queries/glpi/schema.sql (comment lines dropped,
/// split at `;`).
pub fn schema_statements() -> Vec<String> {
    let p = root().join("queries/glpi/schema.sql");
    let text = std::fs::read_to_string(&p)
        .unwrap_or_else(|e| panic!("{}: {e}", p.display()));
    let code: Vec<&str> = text
        .lines()
        .filter(|l| !l.trim_start().starts_with("--"))
        .collect();
    code.join("\n")
        .split(';')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_string)
        .collect()
}

fn build(tag: &str, data: Option<&Path>) -> TestDb {
    assert!(
        !tag.is_empty()
            && tag.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_'),
        "database tag {tag:?}: letters, digits and _ only"
    );
    let s = server();
    let name = format!("glpi_{tag}");
    let mut c = s.root_conn();
    let run = |c: &mut Conn, sql: &str| {
        c.query_drop(sql).unwrap_or_else(|e| panic!("{sql}\n{e}"));
    };
    run(&mut c, &format!("DROP DATABASE IF EXISTS `{name}`"));
    run(
        &mut c,
        &format!(
            "CREATE DATABASE `{name}` CHARACTER SET utf8mb4 \
             COLLATE utf8mb4_unicode_ci"
        ),
    );
    run(&mut c, &format!("USE `{name}`"));
    for st in schema_statements() {
        run(&mut c, &st);
    }
    if let Some(dir) = data {
        // GLPI's own connection ran at Bogotá time (module docs).
        run(&mut c, "SET time_zone = '-05:00'");
        for (file, table) in DUMPS {
            let p = dir.join(file);
            if p.exists() {
                load(&mut c, &p, table);
            }
        }
        unknown_dumps(dir);
        // GLPI 10 gives the root entity no parent (NULL; id 0 is the root,
        // install/empty_data.php); the dump leaves the column out, which
        // would read as "its own child".
        run(
            &mut c,
            "UPDATE glpi_entities SET entities_id = NULL WHERE id = 0",
        );
    }
    run(
        &mut c,
        &format!("GRANT SELECT ON `{name}`.* TO 'plazo_ro'@'%'"),
    );
    TestDb {
        url: format!("mysql://plazo_ro@127.0.0.1:{}/{name}", s.port),
        name,
        password: s.password.clone(),
    }
}

/// The dumps of the data set and their tables.
pub const DUMPS: [(&str, &str); 13] = [
    ("glpi_tickets.csv", "glpi_tickets"),
    ("glpi_logs_ticket.csv", "glpi_logs"),
    ("glpi_ticketsatisfactions.csv", "glpi_ticketsatisfactions"),
    ("glpi_tickets_users.csv", "glpi_tickets_users"),
    ("glpi_users.csv", "glpi_users"),
    ("glpi_itilcategories.csv", "glpi_itilcategories"),
    ("glpi_entities.csv", "glpi_entities"),
    ("glpi_slas.csv", "glpi_slas"),
    ("glpi_slms.csv", "glpi_slms"),
    ("glpi_calendars.csv", "glpi_calendars"),
    ("glpi_calendarsegments.csv", "glpi_calendarsegments"),
    ("glpi_holidays.csv", "glpi_holidays"),
    ("glpi_calendars_holidays.csv", "glpi_calendars_holidays"),
];

/// Fails on a dump this loader does not know (a new file in the data set
/// needs its table in queries/glpi/schema.sql and a line in [`DUMPS`]).
fn unknown_dumps(dir: &Path) {
    for e in std::fs::read_dir(dir).unwrap() {
        let name = e.unwrap().file_name().to_string_lossy().to_string();
        if name.starts_with("glpi_") && name.ends_with(".csv") {
            assert!(
                DUMPS.iter().any(|(f, _)| *f == name),
                "{name}: a GLPI dump the test database does not load; add \
                 its table to queries/glpi/schema.sql and tests/it/mariadb.rs"
            );
        }
    }
}

/// Inserts the rows of one dump into `table`, in one transaction, with
/// parameterised multi-row INSERTs (the dump's header names the columns).
fn load(c: &mut Conn, path: &Path, table: &str) {
    let text = std::fs::read_to_string(path)
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let mut records = parse_dump(&text).into_iter();
    let header: Vec<String> = records
        .next()
        .unwrap_or_else(|| panic!("{}: empty", path.display()))
        .into_iter()
        .map(|h| h.expect("a header name"))
        .collect();
    let rows: Vec<Vec<Option<String>>> = records.collect();
    for (i, r) in rows.iter().enumerate() {
        assert_eq!(
            r.len(),
            header.len(),
            "{} record {}: {} fields, the header has {}",
            path.display(),
            i + 1,
            r.len(),
            header.len()
        );
    }
    let cols = header
        .iter()
        .map(|h| format!("`{h}`"))
        .collect::<Vec<_>>()
        .join(",");
    let one = format!("({})", vec!["?"; header.len()].join(","));
    // At most 65535 placeholders a statement.
    let per = (60_000 / header.len()).clamp(1, 500);
    let mut tx = c.start_transaction(TxOpts::default()).unwrap();
    for chunk in rows.chunks(per) {
        let sql = format!(
            "INSERT INTO `{table}` ({cols}) VALUES {}",
            vec![one.as_str(); chunk.len()].join(",")
        );
        let params: Vec<Value> = chunk
            .iter()
            .flatten()
            .map(|v| match v {
                None => Value::NULL,
                Some(s) => Value::Bytes(s.clone().into_bytes()),
            })
            .collect();
        tx.exec_drop(&sql, params).unwrap_or_else(|e| {
            panic!("{}: loading {table}: {e}", path.display())
        });
    }
    tx.commit().unwrap();
}

/// The records of a GLPI table dump: a quoted field is its text (`""`
/// inside is one quote; `""` alone is the empty string), an empty unquoted
/// field is `None` (SQL NULL), an unquoted field with text is that text.
/// Records end at CRLF or LF outside quotes; quoted fields may hold line
/// breaks.
pub fn parse_dump(text: &str) -> Vec<Vec<Option<String>>> {
    let b = text.as_bytes();
    let mut out = Vec::new();
    let mut rec: Vec<Option<String>> = Vec::new();
    let mut i = 0;
    while i < b.len() {
        let field = if b[i] == b'"' {
            let mut s = Vec::new();
            i += 1;
            loop {
                assert!(i < b.len(), "unterminated quoted field");
                if b[i] == b'"' {
                    if b.get(i + 1) == Some(&b'"') {
                        s.push(b'"');
                        i += 2;
                        continue;
                    }
                    i += 1;
                    break;
                }
                s.push(b[i]);
                i += 1;
            }
            Some(String::from_utf8(s).unwrap())
        } else {
            let start = i;
            while i < b.len() && !matches!(b[i], b',' | b'\r' | b'\n') {
                i += 1;
            }
            (i > start).then(|| text[start..i].to_string())
        };
        rec.push(field);
        if b.get(i) == Some(&b',') {
            i += 1;
            // A comma before the line end: a last, empty field.
            if matches!(b.get(i), None | Some(b'\r' | b'\n')) {
                rec.push(None);
            } else {
                continue;
            }
        }
        match (b.get(i), b.get(i + 1)) {
            (Some(b'\r'), Some(b'\n')) => i += 2,
            (Some(b'\n'), _) => i += 1,
            (None, _) => {}
            (Some(c), _) => {
                panic!("unexpected {:?} after a field", *c as char)
            }
        }
        out.push(std::mem::take(&mut rec));
    }
    out
}

// ---- Tests of the support itself ----

/// The cells of column `col` in a dump whose fields hold no comma, split
/// on commas (an independent reading: the raw text, quotes kept).
fn raw_cells(file: &str, col: &str) -> Vec<String> {
    let p = dataset("glpi_10_0_5_sample").join(file);
    let text = std::fs::read_to_string(&p).unwrap();
    let mut lines = text.split("\r\n").filter(|l| !l.is_empty());
    let header: Vec<&str> = lines.next().unwrap().split(',').collect();
    let at = header
        .iter()
        .position(|h| *h == format!("\"{col}\""))
        .unwrap();
    lines
        .map(|l| {
            let cells: Vec<&str> = l.split(',').collect();
            // No comma inside a field: the split is the record.
            assert_eq!(cells.len(), header.len(), "{file}: {l}");
            cells[at].to_string()
        })
        .collect()
}

#[test]
fn mariadb_dump_parser_tells_null_from_empty() {
    let text = "\"id\",\"a\",\"b\",\"c\"\r\n\
                \"1\",\"\",,\"say \"\"hi\"\", then go\"\r\n\
                \"2\",\"two\r\nlines\",\"x\",\r\n";
    let r = parse_dump(text);
    assert_eq!(r.len(), 3);
    assert_eq!(r[0], ["id", "a", "b", "c"].map(|s| Some(s.to_string())));
    // `""` is an empty string, an empty unquoted field is NULL, `""`
    // inside quotes is one quote (the comma stays in the field).
    assert_eq!(
        r[1],
        vec![
            Some("1".to_string()),
            Some(String::new()),
            None,
            Some("say \"hi\", then go".to_string()),
        ]
    );
    // A quoted line break stays; a comma before CRLF ends with NULL.
    assert_eq!(
        r[2],
        vec![
            Some("2".to_string()),
            Some("two\r\nlines".to_string()),
            Some("x".to_string()),
            None,
        ]
    );
}

#[test]
fn mariadb_sample_row_counts_match_the_dumps() {
    let db = glpi_sample("support_counts");
    let s = server();
    // Counted from the files by the csv crate, and the data set's README
    // (tickets 1-60 of the run: 954 log rows) or a count by hand.
    let known: BTreeMap<&str, u64> = [
        ("glpi_tickets", 60),
        ("glpi_logs", 954),
        ("glpi_ticketsatisfactions", 44),
        ("glpi_tickets_users", 120),
        ("glpi_itilcategories", 7),
        ("glpi_entities", 1),
        ("glpi_slas", 5),
        ("glpi_slms", 1),
        ("glpi_calendars", 2),
        ("glpi_calendarsegments", 15),
        ("glpi_holidays", 12),
        ("glpi_calendars_holidays", 12),
    ]
    .into();
    let dir = dataset("glpi_10_0_5_sample");
    let mut checked = 0;
    for (file, table) in DUMPS {
        let p = dir.join(file);
        if !p.exists() {
            continue;
        }
        let by_csv = csv::Reader::from_path(&p).unwrap().records().count();
        let in_db =
            s.count(&format!("SELECT COUNT(*) FROM `{}`.`{table}`", db.name));
        assert_eq!(in_db, by_csv as u64, "{table}");
        assert_eq!(Some(&in_db), known.get(table), "{table}");
        checked += 1;
    }
    assert_eq!(checked, known.len());
    // The tables with no dump are there, empty.
    for t in ["glpi_users", "glpi_groups", "glpi_groups_tickets"] {
        let n = s.count(&format!("SELECT COUNT(*) FROM `{}`.`{t}`", db.name));
        assert_eq!(n, 0, "{t}");
    }
}

#[test]
fn mariadb_sample_keeps_null_and_empty_apart() {
    let db = glpi_sample("support_nulls");
    let s = server();
    let q = |w: &str| format!("SELECT COUNT(*) FROM `{}`.{w}", db.name);
    // closedate: NULL where the dump has an empty unquoted cell (the
    // tickets never closed), nowhere else.
    let unquoted_empty = raw_cells("glpi_tickets.csv", "closedate")
        .iter()
        .filter(|c| c.is_empty())
        .count() as u64;
    assert_eq!(unquoted_empty, 5);
    assert_eq!(
        s.count(&q("glpi_tickets WHERE closedate IS NULL")),
        unquoted_empty
    );
    // alternative_email: `""` in every row, an empty string, not NULL.
    let quoted_empty = raw_cells("glpi_tickets_users.csv", "alternative_email")
        .iter()
        .filter(|c| c.as_str() == "\"\"")
        .count() as u64;
    assert_eq!(quoted_empty, 120);
    assert_eq!(
        s.count(&q("glpi_tickets_users WHERE alternative_email = ''")),
        quoted_empty
    );
    assert_eq!(
        s.count(&q("glpi_tickets_users WHERE alternative_email IS NULL")),
        0
    );
    // glpi_logs (fields with commas: counted with a separate quote-aware
    // script): 8 NULL new values, 579 empty old values, 60 empty new ones.
    assert_eq!(s.count(&q("glpi_logs WHERE new_value IS NULL")), 8);
    assert_eq!(s.count(&q("glpi_logs WHERE old_value = ''")), 579);
    assert_eq!(s.count(&q("glpi_logs WHERE new_value = ''")), 60);
    // Unanswered surveys: no answer date, no score.
    assert_eq!(
        s.count(&q("glpi_ticketsatisfactions WHERE date_answered IS NULL \
             AND satisfaction IS NULL AND comment IS NULL")),
        19
    );
    // The root entity has no parent.
    assert_eq!(
        s.count(&q("glpi_entities WHERE id = 0 AND entities_id IS NULL")),
        1
    );
    // Text is kept HTML-encoded, as GLPI stores it.
    let content = s.admin_rows(&format!(
        "SELECT content FROM `{}`.glpi_tickets WHERE id = 1",
        db.name
    ));
    assert!(
        content[0][0]
            .as_deref()
            .unwrap()
            .starts_with("&#60;p&#62;Impresora")
    );
}

#[test]
fn mariadb_sample_dates_read_back_in_the_session_zone() {
    let db = glpi_sample("support_dates");
    let mut c = db.ro_conn().unwrap();
    // Ticket 1 opened 2026-01-02 11:22:21 Bogotá (the dump's cell).
    let cell = &raw_cells("glpi_tickets.csv", "date")[0];
    assert_eq!(cell, "\"2026-01-02 11:22:21\"");
    let date = |c: &mut Conn, zone: &str| -> String {
        c.query_drop(format!("SET time_zone = '{zone}'")).unwrap();
        let v: Option<String> = c
            .query_first(
                "SELECT DATE_FORMAT(date, '%Y-%m-%d %H:%i:%s') \
                 FROM glpi_tickets WHERE id = 1",
            )
            .unwrap();
        v.unwrap()
    };
    assert_eq!(date(&mut c, "-05:00"), "2026-01-02 11:22:21");
    assert_eq!(date(&mut c, "America/Bogota"), "2026-01-02 11:22:21");
    // The instant stored is 16:22:21 UTC.
    assert_eq!(date(&mut c, "+00:00"), "2026-01-02 16:22:21");
}

#[test]
fn mariadb_plazo_ro_may_only_select() {
    let db = glpi_sample("support_grant");
    assert_eq!(db.name, "glpi_support_grant");
    assert_eq!(
        db.url,
        format!(
            "mysql://plazo_ro@127.0.0.1:{}/glpi_support_grant",
            server().port
        )
    );
    assert!(!db.password.is_empty() && !db.url.contains(&db.password));
    let mut c = db.ro_conn().unwrap();
    let n: Option<u64> =
        c.query_first("SELECT COUNT(*) FROM glpi_tickets").unwrap();
    assert_eq!(n, Some(60));
    let denied = |c: &mut Conn, sql: &str, verb: &str| {
        match c.query_drop(sql) {
            Err(mysql::Error::MySqlError(e)) => {
                // ER_TABLEACCESS_DENIED_ERROR
                assert_eq!(e.code, 1142, "{sql}: {e}");
                assert!(
                    e.message.starts_with(&format!("{verb} command denied")),
                    "{sql}: {e}"
                );
            }
            other => panic!("{sql}: expected a denial, got {other:?}"),
        }
    };
    denied(
        &mut c,
        "INSERT INTO glpi_slms (name) VALUES ('x')",
        "INSERT",
    );
    denied(&mut c, "UPDATE glpi_tickets SET status = 1", "UPDATE");
    denied(&mut c, "DELETE FROM glpi_logs", "DELETE");
    denied(&mut c, "CREATE TABLE t (i int)", "CREATE");
    denied(&mut c, "DROP TABLE glpi_logs", "DROP");
    denied(&mut c, "SELECT * FROM mysql.global_priv", "SELECT");
    // Nothing changed.
    let n: Option<u64> =
        c.query_first("SELECT COUNT(*) FROM glpi_slms").unwrap();
    assert_eq!(n, Some(1));
    // A wrong password is refused (ER_ACCESS_DENIED_ERROR).
    let wrong = TestDb {
        password: "not-it".into(),
        ..db.clone()
    };
    match wrong.ro_conn() {
        Err(mysql::Error::MySqlError(e)) => assert_eq!(e.code, 1045, "{e}"),
        other => panic!("expected access denied, got {:?}", other.is_ok()),
    }
}

#[test]
fn mariadb_schema_has_glpi_columns_and_no_rows_when_empty() {
    let s = server();
    // A database of the same name is dropped first.
    let old = glpi_empty("support_empty");
    s.admin(&format!(
        "INSERT INTO `{}`.glpi_slms (name) VALUES ('left over')",
        old.name
    ));
    assert_eq!(
        s.count(&format!("SELECT COUNT(*) FROM `{}`.glpi_slms", old.name)),
        1
    );
    let db = glpi_empty("support_empty");
    let text = std::fs::read_to_string(root().join("queries/glpi/schema.sql"))
        .unwrap();
    let declared = text.matches("CREATE TABLE").count() as u64;
    assert_eq!(declared, 16);
    let tables = s.admin_rows(&format!(
        "SELECT table_name, table_rows FROM information_schema.tables \
         WHERE table_schema = '{}' ORDER BY table_name",
        db.name
    ));
    assert_eq!(tables.len() as u64, declared);
    for t in &tables {
        let name = t[0].as_deref().unwrap();
        let n =
            s.count(&format!("SELECT COUNT(*) FROM `{}`.`{name}`", db.name));
        assert_eq!(n, 0, "{name}");
    }
    // glpi_tickets.csv is `SELECT *`: the same columns in the same order.
    let cols: Vec<String> = s
        .admin_rows(&format!(
            "SELECT column_name FROM information_schema.columns \
             WHERE table_schema = '{}' AND table_name = 'glpi_tickets' \
             ORDER BY ordinal_position",
            db.name
        ))
        .into_iter()
        .map(|r| r[0].clone().unwrap())
        .collect();
    let dump = std::fs::read_to_string(
        dataset("glpi_10_0_5_sample").join("glpi_tickets.csv"),
    )
    .unwrap();
    let header = &parse_dump(&dump)[0];
    let header: Vec<String> =
        header.iter().map(|h| h.clone().unwrap()).collect();
    assert_eq!(cols, header);
    assert_eq!(cols.len(), 42);
    // GLPI 10 dates are TIMESTAMPs.
    let types = s.admin_rows(&format!(
        "SELECT column_name, data_type FROM information_schema.columns \
         WHERE table_schema = '{}' AND table_name = 'glpi_logs' \
         AND column_name IN ('date_mod', 'old_value') ORDER BY column_name",
        db.name
    ));
    assert_eq!(
        types,
        vec![
            vec![Some("date_mod".into()), Some("timestamp".into())],
            vec![Some("old_value".into()), Some("varchar".into())],
        ]
    );
}

#[test]
fn mariadb_watcher_stops_the_server_when_its_owner_exits() {
    // The shared server must be up first (this test starts a second one).
    let _ = server();
    let mut owner = Command::new("sleep").arg("600").spawn().unwrap();
    let dir = std::env::temp_dir()
        .join(format!("plazo-mariadb-w{}", std::process::id()));
    let out = Command::new(root().join("scripts/mariadb.sh"))
        .arg("start")
        .arg(&dir)
        .args(["--watch", &owner.id().to_string()])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let stdout = String::from_utf8(out.stdout).unwrap();
    // The password is in the env file only, never printed.
    let password = env_file(&dir)["PLAZO_TEST_MARIADB_PASSWORD"].clone();
    assert!(password.len() >= 24 && !stdout.contains(&password));
    let pid: i32 = std::fs::read_to_string(dir.join("mysqld.pid"))
        .unwrap()
        .trim()
        .parse()
        .unwrap();
    let alive = |pid: i32| Path::new(&format!("/proc/{pid}")).exists();
    assert!(alive(pid));
    owner.kill().unwrap();
    owner.wait().unwrap();
    let t0 = std::time::Instant::now();
    while (alive(pid) || dir.exists()) && t0.elapsed().as_secs() < 60 {
        std::thread::sleep(std::time::Duration::from_millis(200));
    }
    assert!(!alive(pid), "mariadbd {pid} still running");
    assert!(!dir.exists(), "{} not removed", dir.display());
}
