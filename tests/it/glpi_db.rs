//! `--glpi-db`: plazo against a real MariaDB holding the GLPI 10.0.5
//! sample (tests/it/mariadb.rs starts it, or reuses the one `.ci/run`
//! started). The database gives the same canonical tables, the same
//! reconciliation and byte-identical indicators as GLPI's table dumps;
//! every failure names the server, exits 1 and writes nothing; the
//! password is never printed or written.

use std::io::{Read, Write};
use std::net::{Shutdown, TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

use crate::mariadb;
use crate::util::{dataset, root, tempdir};

const POLICY: &str = "samples/glpi-real/policy.toml";

/// The dumps plazo reads from the sample folder (as `--glpi` / `--input`).
use crate::glpi_reconcile::TABLES as DUMPS;

fn dumps() -> Vec<String> {
    let g = dataset("glpi_10_0_5_sample");
    DUMPS
        .iter()
        .map(|f| g.join(f).to_str().unwrap().to_string())
        .collect()
}

fn policy() -> String {
    root().join(POLICY).to_str().unwrap().to_string()
}

/// plazo with the database password in the environment (and no
/// option file: HOME is the test's folder).
fn plazo_db(dir: &Path, password: &str, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_plazo"))
        .args(args)
        .current_dir(dir)
        .env_remove("PLAZO_LANG")
        .env("HOME", dir)
        .env("PLAZO_DB_PASSWORD", password)
        .output()
        .expect("run plazo")
}

fn ok(out: &Output) -> String {
    assert!(
        out.status.success(),
        "plazo failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn failed(out: &Output, code: i32) -> String {
    let err = String::from_utf8_lossy(&out.stderr).into_owned();
    assert_eq!(out.status.code(), Some(code), "stderr: {err}");
    err
}

fn plazo(dir: &Path, args: &[&str]) -> Output {
    crate::util::plazo(dir, args)
}

/// `plazo ingest --source glpi-tables` of the sample's dumps into
/// `dir/out`: the file path every database result is compared with.
fn ingest_dumps(dir: &Path, out: &str) {
    let p = policy();
    let mut a = vec![
        "ingest",
        "--source",
        "glpi-tables",
        "--policy",
        &p,
        "--out",
        out,
    ];
    a.push("--input");
    let d = dumps();
    a.extend(d.iter().map(String::as_str));
    ok(&plazo(dir, &a));
}

#[test]
fn ingest_from_the_database_equals_ingest_of_the_dumps() {
    let db = mariadb::glpi_sample("ingest");
    let dir = tempdir("glpi-db-ingest");
    let p = policy();
    ingest_dumps(&dir, "dumps");
    let out = plazo_db(
        &dir,
        &db.password,
        &[
            "ingest",
            "--glpi-db",
            &db.url,
            "--policy",
            &p,
            "--out",
            "db",
        ],
    );
    ok(&out);
    for f in ["tickets.csv", "events.csv", "surveys.csv"] {
        let a = std::fs::read(dir.join("dumps").join(f)).unwrap();
        let b = std::fs::read(dir.join("db").join(f)).unwrap();
        assert!(a == b, "{f} differs between the dumps and the database");
    }
    // 60 tickets; 239 status changes + 60 initial statuses; 25 answers
    // (counted from the dumps: id_search_option 12 rows, non-empty
    // date_answered).
    let lines = |f: &str| {
        std::fs::read_to_string(dir.join("db").join(f))
            .unwrap()
            .lines()
            .count()
            - 1
    };
    assert_eq!(lines("tickets.csv"), 60);
    assert_eq!(lines("events.csv"), 299);
    assert_eq!(lines("surveys.csv"), 25);
    // Only status changes leave the server: the summary counts 239 rows
    // of glpi_logs, not the dump's 954.
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("glpi_logs (glpi_logs, utf-8): 239 filas leídas"),
        "{err}"
    );
    // And how long each table took on the wire.
    let line =
        format!("{}.glpi_logs: 239 filas leídas del servidor en ", db.name);
    assert!(err.contains(&line), "{err}");
}

/// GLPI before 9.5's timestamp migration keeps `DATETIME` columns:
/// GLPI's local wall-clock time, read in the policy's zone. The columns
/// are converted in a -05:00 session (Bogotá, the dump's zone), so they
/// hold the dump's wall-clock text; the tables must come out the same.
#[test]
fn datetime_columns_of_older_glpi_are_read_as_local_time() {
    let db = mariadb::glpi_sample("datetime");
    let s = mariadb::server();
    let n = &db.name;
    s.admin(&format!(
        "SET time_zone = '-05:00'; \
         ALTER TABLE {n}.glpi_tickets MODIFY `date` DATETIME NULL, \
           MODIFY solvedate DATETIME NULL, MODIFY closedate DATETIME NULL, \
           MODIFY takeintoaccountdate DATETIME NULL, MODIFY date_mod DATETIME NULL; \
         ALTER TABLE {n}.glpi_logs MODIFY date_mod DATETIME NULL; \
         ALTER TABLE {n}.glpi_ticketsatisfactions MODIFY date_answered DATETIME NULL"
    ));
    let types = s.admin_rows(&format!(
        "SELECT DATA_TYPE FROM information_schema.COLUMNS \
         WHERE TABLE_SCHEMA = '{n}' AND TABLE_NAME = 'glpi_tickets' AND COLUMN_NAME = 'date'"
    ));
    assert_eq!(types, vec![vec![Some("datetime".to_string())]]);
    let dir = tempdir("glpi-db-datetime");
    let p = policy();
    ingest_dumps(&dir, "dumps");
    ok(&plazo_db(
        &dir,
        &db.password,
        &[
            "ingest",
            "--glpi-db",
            &db.url,
            "--policy",
            &p,
            "--out",
            "db",
        ],
    ));
    for f in ["tickets.csv", "events.csv", "surveys.csv"] {
        let a = std::fs::read_to_string(dir.join("dumps").join(f)).unwrap();
        let b = std::fs::read_to_string(dir.join("db").join(f)).unwrap();
        assert!(a == b, "{f} differs with DATETIME columns");
    }
    // Ticket 1 opened at the dump's wall-clock time, in Bogotá.
    let t = std::fs::read_to_string(dir.join("db/tickets.csv")).unwrap();
    let first = t.lines().nth(1).unwrap();
    let raw = std::fs::read_to_string(
        dataset("glpi_10_0_5_sample").join("glpi_tickets.csv"),
    )
    .unwrap();
    let date_col = raw
        .lines()
        .next()
        .unwrap()
        .split(',')
        .position(|h| h == "\"date\"")
        .unwrap();
    let opened = raw
        .lines()
        .nth(1)
        .unwrap()
        .split(',')
        .nth(date_col)
        .unwrap()
        .trim_matches('"')
        .to_string();
    assert!(
        first.contains(&format!("{}-05:00", opened.replace(' ', "T"))),
        "{first} vs {opened}"
    );
}

#[test]
fn reconcile_from_the_database_equals_the_dumps() {
    let db = mariadb::glpi_sample("reconcile");
    let dir = tempdir("glpi-db-reconcile");
    let d = dumps();
    let p = policy();
    let mut a = vec![
        "reconcile",
        "--policy",
        &p,
        "--cutoff",
        "2026-11-21",
        "--out",
        "dumps.csv",
        "--glpi",
    ];
    a.extend(d.iter().map(String::as_str));
    let from_dumps = plazo(&dir, &a);
    ok(&from_dumps);
    let from_db = plazo_db(
        &dir,
        &db.password,
        &[
            "reconcile",
            "--policy",
            &p,
            "--cutoff",
            "2026-11-21",
            "--out",
            "db.csv",
            "--glpi-db",
            &db.url,
        ],
    );
    ok(&from_db);
    assert_eq!(
        std::fs::read_to_string(dir.join("dumps.csv")).unwrap(),
        std::fs::read_to_string(dir.join("db.csv")).unwrap()
    );
    let summary = String::from_utf8_lossy(&from_db.stderr);
    // The figures GLPI computed itself, all equal (tests/it/glpi_reconcile.rs).
    for s in ["response 60/60", "resolution 60/60", "waiting 60/60"] {
        assert!(summary.contains(s), "{summary}");
    }
    assert_eq!(summary, String::from_utf8_lossy(&from_dumps.stderr));
}

/// `report --glpi-db` writes the same indicators.csv, byte for byte, as
/// `report` on the tables `ingest` makes of the dumps; for January the
/// 12 tickets opened in February (counted in glpi_tickets.csv) stay on
/// the server.
#[test]
fn report_from_the_database_is_byte_identical_to_the_dumps() {
    let db = mariadb::glpi_sample("report");
    let dir = tempdir("glpi-db-report");
    let p = policy();
    ingest_dumps(&dir, "t");
    for (period, read) in [("2026-01", 48), ("2026-02", 60)] {
        let files = format!("files-{period}");
        ok(&plazo(
            &dir,
            &[
                "report",
                "--policy",
                &p,
                "--tickets",
                "t/tickets.csv",
                "--events",
                "t/events.csv",
                "--surveys",
                "t/surveys.csv",
                "--period",
                period,
                "--out",
                &files,
            ],
        ));
        let from_db = format!("db-{period}");
        ok(&plazo_db(
            &dir,
            &db.password,
            &[
                "report",
                "--policy",
                &p,
                "--glpi-db",
                &db.url,
                "--period",
                period,
                "--out",
                &from_db,
            ],
        ));
        let a =
            std::fs::read(dir.join(&files).join("indicators.csv")).unwrap();
        let b =
            std::fs::read(dir.join(&from_db).join("indicators.csv")).unwrap();
        assert!(a == b, "{period}: indicators.csv differs");
        let rows = std::fs::read_to_string(dir.join(&from_db).join("sla.csv"))
            .unwrap()
            .lines()
            .count()
            - 1;
        assert_eq!(rows, read, "{period}: tickets read from the server");
    }
}

/// The workbook names the source by its masked URL, with each table's
/// rows; the password is nowhere in the outputs or on stderr.
#[test]
fn the_password_is_never_printed_or_written() {
    let db = mariadb::glpi_sample("secret");
    let dir = tempdir("glpi-db-secret");
    let p = policy();
    let out = plazo_db(
        &dir,
        &db.password,
        &[
            "report",
            "--policy",
            &p,
            "--glpi-db",
            &db.url,
            "--period",
            "2026-01",
            "--out",
            "r",
        ],
    );
    ok(&out);
    assert!(!String::from_utf8_lossy(&out.stderr).contains(&db.password));
    let xlsx = dir.join("r/informe-2026-01.xlsx");
    let cells = sheet_text(&xlsx, "Metodología");
    assert!(cells.contains(&db.url), "the masked URL is listed");
    assert!(cells.contains("glpi_tickets"), "each table read is listed");
    for f in walk(&dir.join("r")) {
        let bytes = std::fs::read(&f).unwrap();
        assert!(
            !bytes
                .windows(db.password.len())
                .any(|w| w == db.password.as_bytes()),
            "{} holds the password",
            f.display()
        );
    }
    // The XLSX is zipped: its sheets' text was checked through calamine.
    for s in calamine_sheets(&xlsx) {
        assert!(!sheet_text(&xlsx, &s).contains(&db.password), "sheet {s}");
    }
    // A login that fails does not echo it either.
    let bad = plazo_db(
        &dir,
        "not-the-password-4711",
        &[
            "sla",
            "--policy",
            &p,
            "--glpi-db",
            &db.url,
            "--out",
            "x.csv",
        ],
    );
    let err = failed(&bad, 1);
    assert!(!err.contains("not-the-password-4711"), "{err}");
}

/// With no PLAZO_DB_PASSWORD, the password comes from ~/.my.cnf
/// ([client] group).
#[test]
fn the_password_comes_from_the_option_file() {
    let db = mariadb::glpi_sample("mycnf");
    let dir = tempdir("glpi-db-mycnf");
    std::fs::write(
        dir.join(".my.cnf"),
        format!("[mysqld]\npassword = wrong\n\n[client]\nuser = plazo_ro\npassword = \"{}\"\n", db.password),
    )
    .unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_plazo"))
        .args([
            "ingest",
            "--glpi-db",
            &db.url,
            "--timezone",
            "America/Bogota",
            "--out",
            "o",
        ])
        .current_dir(&dir)
        .env("HOME", &dir)
        .env_remove("PLAZO_DB_PASSWORD")
        .env_remove("PLAZO_LANG")
        .output()
        .unwrap();
    ok(&out);
    assert_eq!(
        std::fs::read_to_string(dir.join("o/tickets.csv"))
            .unwrap()
            .lines()
            .count(),
        61
    );
}

/// `--glpi-entity`: a sub-entity (id 1, under the root 0) holding
/// tickets 1-10; the root with sub-entities reads all 60, alone 50.
#[test]
fn the_entity_filter_reads_an_entity_and_its_sub_entities() {
    let db = mariadb::glpi_sample("entity");
    let s = mariadb::server();
    s.admin(&format!(
        "INSERT INTO {n}.glpi_entities (id, name, entities_id, completename, level) \
         VALUES (1, 'Sede Norte', 0, 'Entidad Raíz > Sede Norte', 2); \
         UPDATE {n}.glpi_tickets SET entities_id = 1 WHERE id <= 10",
        n = db.name
    ));
    let dir = tempdir("glpi-db-entity");
    let count = |args: &[&str], out: &str| {
        let mut a = vec![
            "ingest",
            "--glpi-db",
            &db.url,
            "--timezone",
            "America/Bogota",
            "--out",
            out,
        ];
        a.extend(args);
        ok(&plazo_db(&dir, &db.password, &a));
        std::fs::read_to_string(dir.join(out).join("tickets.csv"))
            .unwrap()
            .lines()
            .count()
            - 1
    };
    assert_eq!(count(&["--glpi-entity", "1"], "e1"), 10);
    assert_eq!(count(&["--glpi-entity", "0"], "e0"), 60);
    assert_eq!(
        count(&["--glpi-entity", "0", "--no-recursive"], "e0only"),
        50
    );
    let bad = plazo_db(
        &dir,
        &db.password,
        &[
            "ingest",
            "--glpi-db",
            &db.url,
            "--timezone",
            "America/Bogota",
            "--glpi-entity",
            "7",
            "--out",
            "e7",
        ],
    );
    let err = failed(&bad, 2);
    assert!(
        err.contains("--glpi-entity 7") && err.contains("0, 1"),
        "{err}"
    );
    assert!(!dir.join("e7").exists());
}

#[test]
fn a_wrong_password_names_the_server_and_writes_nothing() {
    let db = mariadb::glpi_sample("wrongpw");
    let dir = tempdir("glpi-db-wrongpw");
    let p = policy();
    let out = plazo_db(
        &dir,
        "wrong",
        &[
            "report",
            "--policy",
            &p,
            "--glpi-db",
            &db.url,
            "--period",
            "2026-01",
            "--out",
            "r",
        ],
    );
    let err = failed(&out, 1);
    let port = mariadb::server().port;
    assert!(err.contains(&format!("127.0.0.1:{port}")), "{err}");
    assert!(
        err.contains("1045") && err.contains("Access denied"),
        "{err}"
    );
    assert!(
        err.contains("PLAZO_DB_PASSWORD"),
        "says where the password comes from: {err}"
    );
    assert!(!dir.join("r").exists(), "no output folder");
}

#[test]
fn an_unknown_database_is_named() {
    let db = mariadb::glpi_sample("unknowndb");
    let dir = tempdir("glpi-db-unknown");
    let url = db.url.replace(&db.name, "glpi_no_such_db");
    let out = plazo_db(
        &dir,
        &db.password,
        &[
            "sla",
            "--policy",
            &policy(),
            "--glpi-db",
            &url,
            "--out",
            "sla.csv",
        ],
    );
    let err = failed(&out, 1);
    assert!(err.contains("glpi_no_such_db"), "{err}");
    assert!(!dir.join("sla.csv").exists());
}

#[test]
fn a_missing_table_is_named_with_the_grant_it_needs() {
    let db = mariadb::glpi_sample("notable");
    mariadb::server().admin(&format!("DROP TABLE {}.glpi_logs", db.name));
    let dir = tempdir("glpi-db-notable");
    let out = plazo_db(
        &dir,
        &db.password,
        &[
            "sla",
            "--policy",
            &policy(),
            "--glpi-db",
            &db.url,
            "--out",
            "sla.csv",
        ],
    );
    let err = failed(&out, 1);
    assert!(err.contains("glpi_logs") && err.contains(&db.name), "{err}");
    assert!(err.contains("GRANT SELECT"), "{err}");
    assert!(!dir.join("sla.csv").exists());
}

#[test]
fn a_password_in_the_url_is_refused() {
    let dir = tempdir("glpi-db-urlpw");
    let out = plazo(
        &dir,
        &[
            "sla",
            "--policy",
            &policy(),
            "--glpi-db",
            "mysql://plazo_ro:hunter2@127.0.0.1/glpi",
            "--out",
            "s.csv",
        ],
    );
    let err = failed(&out, 2);
    assert!(!err.contains("hunter2"), "{err}");
    assert!(err.contains("mysql://plazo_ro:***@127.0.0.1/glpi"), "{err}");
}

#[test]
fn no_server_names_host_and_port() {
    // A port nobody listens on: bound, then closed.
    let port = TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let dir = tempdir("glpi-db-noserver");
    let url = format!("mysql://plazo_ro@127.0.0.1:{port}/glpi");
    let out = plazo_db(
        &dir,
        "x",
        &[
            "sla",
            "--policy",
            &policy(),
            "--glpi-db",
            &url,
            "--out",
            "s.csv",
        ],
    );
    let err = failed(&out, 1);
    assert!(
        err.contains(&format!("127.0.0.1:{port}")) && err.contains("refused"),
        "{err}"
    );
    assert!(!dir.join("s.csv").exists());
}

/// TLS against the test server (scripts/mariadb.sh gives it a
/// certificate for 127.0.0.1 signed by its own test authority): an
/// account that requires TLS is refused in plain text, gets in with
/// `ssl-mode=required`, and with `verify_identity` when `ssl-ca` names
/// the authority; without it the certificate is refused, and said so.
#[test]
fn tls_is_used_when_the_url_asks_for_it() {
    let db = mariadb::glpi_sample("tls");
    let s = mariadb::server();
    let pw = "tls-only-7f3a";
    s.admin(&format!(
        "CREATE USER IF NOT EXISTS 'plazo_tls'@'%' IDENTIFIED BY '{pw}' REQUIRE SSL; \
         GRANT SELECT ON {}.* TO 'plazo_tls'@'%'",
        db.name
    ));
    let dir = tempdir("glpi-db-tls");
    let url = db.url.replace("plazo_ro@", "plazo_tls@");
    let ca = s.dir.join("tls/ca.pem");
    let run = |q: &str, out: &str| {
        plazo_db(
            &dir,
            pw,
            &[
                "ingest",
                "--glpi-db",
                &format!("{url}{q}"),
                "--timezone",
                "America/Bogota",
                "--out",
                out,
            ],
        )
    };
    let plain = failed(&run("", "plain"), 1);
    assert!(
        plain.contains("1045"),
        "REQUIRE SSL refuses a plain login: {plain}"
    );
    ok(&run("?ssl-mode=required", "required"));
    ok(&run(
        &format!("?ssl-mode=verify_identity&ssl-ca={}", ca.display()),
        "verified",
    ));
    for out in ["required", "verified"] {
        let n = std::fs::read_to_string(dir.join(out).join("tickets.csv"))
            .unwrap()
            .lines()
            .count();
        assert_eq!(n, 61, "{out}");
    }
    let unknown = failed(&run("?ssl-mode=verify_identity", "unknown"), 1);
    assert!(
        unknown.contains("TLS") && unknown.contains("UnknownIssuer"),
        "{unknown}"
    );
    assert!(unknown.contains("ssl-ca="), "says how to fix it: {unknown}");
    assert!(!dir.join("unknown").exists());
}

/// A TCP proxy in front of the server that cuts both sockets once `limit`
/// bytes have come from the server: the server "goes away" mid-read.
/// Returns its port and the bytes relayed so far.
fn cutting_proxy(upstream: u16, limit: usize) -> (u16, Arc<AtomicUsize>) {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    let relayed = Arc::new(AtomicUsize::new(0));
    let seen = relayed.clone();
    std::thread::spawn(move || {
        for client in listener.incoming() {
            let Ok(client) = client else { return };
            let server = TcpStream::connect(("127.0.0.1", upstream)).unwrap();
            let (mut c_in, mut s_out) =
                (client.try_clone().unwrap(), server.try_clone().unwrap());
            std::thread::spawn(move || {
                let mut buf = [0u8; 4096];
                while let Ok(n) = c_in.read(&mut buf) {
                    if n == 0 || s_out.write_all(&buf[..n]).is_err() {
                        break;
                    }
                }
            });
            let seen = seen.clone();
            std::thread::spawn(move || {
                let (mut s_in, mut c_out) = (server, client);
                let mut buf = [0u8; 4096];
                loop {
                    let n = match s_in.read(&mut buf) {
                        Ok(0) | Err(_) => break,
                        Ok(n) => n,
                    };
                    let before = seen.fetch_add(n, Ordering::SeqCst);
                    let take = n.min(limit.saturating_sub(before));
                    if c_out.write_all(&buf[..take]).is_err() || take < n {
                        break;
                    }
                }
                let _ = c_out.shutdown(Shutdown::Both);
                let _ = s_in.shutdown(Shutdown::Both);
            });
        }
    });
    (port, relayed)
}

#[test]
fn a_server_that_goes_away_mid_read_fails_and_writes_nothing() {
    let db = mariadb::glpi_sample("goneaway");
    let upstream = mariadb::server().port;
    let dir = tempdir("glpi-db-gone");
    let p = policy();
    // First through a proxy that never cuts: how many bytes a whole read
    // takes.
    let (port, relayed) = cutting_proxy(upstream, usize::MAX);
    let url = db
        .url
        .replace(&format!(":{upstream}/"), &format!(":{port}/"));
    ok(&plazo_db(
        &dir,
        &db.password,
        &[
            "sla",
            "--policy",
            &p,
            "--glpi-db",
            &url,
            "--out",
            "whole.csv",
        ],
    ));
    let total = relayed.load(Ordering::SeqCst);
    assert!(
        total > 20_000,
        "a whole read relays the tables: {total} bytes"
    );
    // Then cut halfway through: past the login and the schema, inside the
    // ticket tables.
    let (port, _) = cutting_proxy(upstream, total / 2);
    let url = db
        .url
        .replace(&format!(":{upstream}/"), &format!(":{port}/"));
    let out = plazo_db(
        &dir,
        &db.password,
        &["sla", "--policy", &p, "--glpi-db", &url, "--out", "cut.csv"],
    );
    let err = failed(&out, 1);
    assert!(
        err.contains("falló después de")
            && err.contains("no se escribió ningún archivo"),
        "{err}"
    );
    assert!(err.contains(&format!("127.0.0.1:{port}")), "{err}");
    assert!(!dir.join("cut.csv").exists());
}

/// The calendar and SLA imports read the same rules from the database
/// as from the dumps.
#[test]
fn calendar_and_sla_imports_read_the_database() {
    let db = mariadb::glpi_sample("imports");
    let dir = tempdir("glpi-db-imports");
    let g = dataset("glpi_10_0_5_sample");
    let f = |n: &str| g.join(n).to_str().unwrap().to_string();
    let from_dumps = ok(&plazo(
        &dir,
        &[
            "calendar",
            "import-glpi",
            "--calendars",
            &f("glpi_calendars.csv"),
            "--segments",
            &f("glpi_calendarsegments.csv"),
            "--holidays",
            &f("glpi_holidays.csv"),
            "--links",
            &f("glpi_calendars_holidays.csv"),
        ],
    ));
    let from_db = ok(&plazo_db(
        &dir,
        &db.password,
        &["calendar", "import-glpi", "--glpi-db", &db.url],
    ));
    assert_eq!(from_dumps, from_db);
    assert!(
        from_db.contains("mon = [\"07:00-12:00\", \"13:00-17:00\"]"),
        "{from_db}"
    );
    let slas_dumps = ok(&plazo(
        &dir,
        &["policy", "import-glpi-slas", "--slas", &f("glpi_slas.csv")],
    ));
    let slas_db = ok(&plazo_db(
        &dir,
        &db.password,
        &["policy", "import-glpi-slas", "--glpi-db", &db.url],
    ));
    assert_eq!(slas_dumps, slas_db);
}

/// Every file under `dir`.
fn walk(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for e in std::fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.is_dir() {
            out.extend(walk(&p));
        } else {
            out.push(p);
        }
    }
    out
}

fn calamine_sheets(xlsx: &Path) -> Vec<String> {
    use calamine::Reader;
    let wb: calamine::Xlsx<_> = calamine::open_workbook(xlsx).unwrap();
    wb.sheet_names().to_vec()
}

/// Every cell of `sheet`, as text, one per line.
fn sheet_text(xlsx: &Path, sheet: &str) -> String {
    use calamine::Reader;
    let mut wb: calamine::Xlsx<_> = calamine::open_workbook(xlsx).unwrap();
    let range = wb.worksheet_range(sheet).unwrap();
    range
        .rows()
        .flat_map(|r| r.iter().map(|c| c.to_string()))
        .collect::<Vec<_>>()
        .join("\n")
}

/// The window `report` pushes into the query, recomputed by brute force
/// over the dump: a one-day custom period (2026-02-20) has a 12-day trend
/// (from 2026-02-09), so the tickets solved, closed and untouched before
/// then stay on the server; the figures are still byte-identical.
#[test]
fn report_reads_only_the_tickets_its_window_needs() {
    let db = mariadb::glpi_sample("window");
    let dir = tempdir("glpi-db-window");
    let g = dataset("glpi_10_0_5_sample");
    let rows = |f: &str| {
        mariadb::parse_dump(&std::fs::read_to_string(g.join(f)).unwrap())
    };
    let t = rows("glpi_tickets.csv");
    let col = |name: &str| {
        t[0].iter()
            .position(|h| h.as_deref() == Some(name))
            .unwrap()
    };
    let (id, date, status) = (col("id"), col("date"), col("status"));
    let (solve, close, modi) =
        (col("solvedate"), col("closedate"), col("date_mod"));
    let s = rows("glpi_ticketsatisfactions.csv");
    let scol = |name: &str| {
        s[0].iter()
            .position(|h| h.as_deref() == Some(name))
            .unwrap()
    };
    let (stk, sans) = (scol("tickets_id"), scol("date_answered"));
    // Local wall-clock text compares as time here (one zone, fixed width).
    let (lower, cutoff) = ("2026-02-09 00:00:00", "2026-02-20 23:59:59");
    let since = |v: &Option<String>| v.as_deref().is_some_and(|d| d >= lower);
    let answered: Vec<&str> = s[1..]
        .iter()
        .filter(|r| since(&r[sans]))
        .map(|r| r[stk].as_deref().unwrap())
        .collect();
    let expected = t[1..]
        .iter()
        .filter(|r| r[date].as_deref().unwrap() <= cutoff)
        .filter(|r| {
            !matches!(r[status].as_deref(), Some("5" | "6"))
                || since(&r[date])
                || since(&r[solve])
                || since(&r[close])
                || since(&r[modi])
                || answered.contains(&r[id].as_deref().unwrap())
        })
        .count();
    assert!(expected < 60, "the window leaves tickets out: {expected}");
    let p = policy();
    ingest_dumps(&dir, "t");
    let period = ["--from", "2026-02-20", "--to", "2026-02-20"];
    let mut files = vec![
        "report",
        "--policy",
        &p,
        "--tickets",
        "t/tickets.csv",
        "--events",
        "t/events.csv",
        "--surveys",
        "t/surveys.csv",
        "--out",
        "files",
    ];
    files.extend(period);
    ok(&plazo(&dir, &files));
    let mut from_db = vec![
        "report",
        "--policy",
        &p,
        "--glpi-db",
        &db.url,
        "--out",
        "db",
    ];
    from_db.extend(period);
    ok(&plazo_db(&dir, &db.password, &from_db));
    assert!(
        std::fs::read(dir.join("files/indicators.csv")).unwrap()
            == std::fs::read(dir.join("db/indicators.csv")).unwrap(),
        "indicators.csv differs"
    );
    let read = std::fs::read_to_string(dir.join("db/sla.csv"))
        .unwrap()
        .lines()
        .count()
        - 1;
    assert_eq!(read, expected);
}

/// `plazo run` with a job reading GLPI's database beside one reading the
/// dumps' tables: the same indicators; a job whose server is down fails
/// alone (exit 1) and the log names its masked URL, never the password.
#[test]
fn a_jobs_file_reads_the_database() {
    let db = mariadb::glpi_sample("jobs");
    let dir = tempdir("glpi-db-jobs");
    let p = policy();
    ingest_dumps(&dir, "t");
    let down = TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let down_url = format!("mysql://plazo_ro@127.0.0.1:{down}/glpi");
    std::fs::write(
        dir.join("jobs.toml"),
        format!(
            "log = \"run.jsonl\"\n[defaults]\npolicy = {p:?}\nperiod = \"2026-01\"\n\n\
             [[job]]\nname = \"files\"\ntickets = \"t/tickets.csv\"\nevents = \"t/events.csv\"\n\
             surveys = \"t/surveys.csv\"\nout = \"files\"\n\n\
             [[job]]\nname = \"db\"\nglpi_db = {url:?}\nout = \"db\"\n\n\
             [[job]]\nname = \"down\"\nglpi_db = {down_url:?}\nout = \"down\"\n",
            url = db.url
        ),
    )
    .unwrap();
    let out = plazo_db(&dir, &db.password, &["run", "jobs.toml"]);
    let err = failed(&out, 1);
    assert!(err.contains(&format!("127.0.0.1:{down}")), "{err}");
    assert!(
        std::fs::read(dir.join("files/indicators.csv")).unwrap()
            == std::fs::read(dir.join("db/indicators.csv")).unwrap(),
        "the database job's indicators differ from the files job's"
    );
    let log = std::fs::read_to_string(dir.join("run.jsonl")).unwrap();
    assert_eq!(log.lines().count(), 4, "three jobs and the run: {log}");
    assert!(
        log.contains(&db.url) && !log.contains(&db.password),
        "{log}"
    );
    assert!(!err.contains(&db.password));
}

/// GLPI 11's survey table: answers on an entity's own scale (here out of
/// 10: `satisfaction` doubled) with `satisfaction_scaled_to_5` beside
/// them. plazo reads the 1-5 score, so the surveys equal the GLPI 10
/// dumps' (scores out of 5).
#[test]
fn glpi_11_survey_scores_are_read_on_the_five_point_scale() {
    let db = mariadb::glpi_sample("glpi11");
    let n = &db.name;
    mariadb::server().admin(&format!(
        "ALTER TABLE {n}.glpi_ticketsatisfactions ADD satisfaction_scaled_to_5 FLOAT NULL; \
         UPDATE {n}.glpi_ticketsatisfactions \
           SET satisfaction_scaled_to_5 = satisfaction, satisfaction = satisfaction * 2"
    ));
    let dir = tempdir("glpi-db-glpi11");
    let p = policy();
    ingest_dumps(&dir, "dumps");
    ok(&plazo_db(
        &dir,
        &db.password,
        &[
            "ingest",
            "--glpi-db",
            &db.url,
            "--policy",
            &p,
            "--out",
            "db",
        ],
    ));
    let dumps =
        std::fs::read_to_string(dir.join("dumps/surveys.csv")).unwrap();
    assert_eq!(
        dumps,
        std::fs::read_to_string(dir.join("db/surveys.csv")).unwrap()
    );
    // The scores are GLPI 10's 1-5 (none above 5).
    assert!(
        dumps
            .lines()
            .skip(1)
            .all(|l| !l.contains(",10,") && !l.contains(",8,")),
        "{dumps}"
    );
}

/// `sla`, `explain` and `check` read the database like the files: the
/// same per-ticket table byte for byte, the same timeline, no problem.
#[test]
fn sla_explain_and_check_read_the_database() {
    let db = mariadb::glpi_sample("sla");
    let dir = tempdir("glpi-db-sla");
    let p = policy();
    ingest_dumps(&dir, "t");
    let files = [
        "--tickets",
        "t/tickets.csv",
        "--events",
        "t/events.csv",
        "--surveys",
        "t/surveys.csv",
    ];
    let cutoff = ["--cutoff", "2026-11-21"];
    let mut sla_files = vec!["sla", "--policy", &p, "--out", "files.csv"];
    sla_files.extend(files.iter().chain(&cutoff));
    ok(&plazo(&dir, &sla_files));
    let mut sla_db = vec![
        "sla",
        "--policy",
        &p,
        "--out",
        "db.csv",
        "--glpi-db",
        &db.url,
    ];
    sla_db.extend(cutoff);
    ok(&plazo_db(&dir, &db.password, &sla_db));
    assert!(
        std::fs::read(dir.join("files.csv")).unwrap()
            == std::fs::read(dir.join("db.csv")).unwrap(),
        "sla.csv differs"
    );
    let mut explain_files = vec!["explain", "--policy", &p, "--ticket", "4"];
    explain_files.extend(files.iter().chain(&cutoff));
    let mut explain_db = vec![
        "explain",
        "--policy",
        &p,
        "--ticket",
        "4",
        "--glpi-db",
        &db.url,
    ];
    explain_db.extend(cutoff);
    let text = ok(&plazo_db(&dir, &db.password, &explain_db));
    assert_eq!(text, ok(&plazo(&dir, &explain_files)));
    assert!(text.contains('4'), "{text}");
    let check = plazo_db(
        &dir,
        &db.password,
        &["check", "--policy", &p, "--glpi-db", &db.url],
    );
    assert_eq!(ok(&check).trim(), "sin problemas");
}
