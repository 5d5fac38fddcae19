//! Resolved plans: each command turns its arguments and the policy into
//! one checked plan before it reads a table, so that a usage error is
//! reported at once and names the flag, even when a table would also fail
//! (here: a tickets table without its `opened_at` column, which fails as
//! soon as it is read).

use std::path::Path;

use crate::util::{plazo, root, tempdir};

/// A folder with a policy, a broken tickets table and a good events
/// table.
fn broken_tickets(name: &str) -> std::path::PathBuf {
    let dir = tempdir(name);
    std::fs::copy(
        root().join("samples/victimas/policy.toml"),
        dir.join("policy.toml"),
    )
    .unwrap();
    std::fs::write(dir.join("tickets.csv"), "ticket_id,priority\n1,Alta\n")
        .unwrap();
    std::fs::write(
        dir.join("events.csv"),
        "ticket_id,at,status\n1,2026-03-05 08:00,Registrado\n",
    )
    .unwrap();
    dir
}

fn fails_with(dir: &Path, args: &[&str], needle: &str) {
    let o = plazo(dir, args);
    let err = String::from_utf8_lossy(&o.stderr).to_string();
    assert_eq!(o.status.code(), Some(2), "{args:?}: {err}");
    assert!(
        err.contains(needle),
        "{args:?}: expected {needle:?} in {err:?}"
    );
    assert!(!err.contains("opened_at"), "the tickets were read: {err}");
}

const DATA: [&str; 6] = [
    "--policy",
    "policy.toml",
    "--tickets",
    "tickets.csv",
    "--events",
    "events.csv",
];

#[test]
fn the_broken_table_is_what_fails_when_the_arguments_are_right() {
    let dir = broken_tickets("plans-control");
    let mut args = vec!["sla"];
    args.extend(DATA);
    args.extend(["--cutoff", "2026-10-31 23:59", "--out", "x.csv"]);
    let o = plazo(&dir, &args);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("opened_at"));
}

#[test]
fn sla_checks_cutoff_output_and_files_before_reading() {
    let dir = broken_tickets("plans-sla");
    let run = |extra: &[&str], needle: &str| {
        let mut args = vec!["--lang", "en", "sla"];
        args.extend(DATA);
        args.extend(extra);
        fails_with(&dir, &args, needle);
    };
    run(&["--cutoff", "2026-13-01", "--out", "x.csv"], "--cutoff");
    run(
        &["--out", "x.txt"],
        "--out x.txt: use a .csv or .parquet file",
    );
    run(
        &["--surveys", "nope.csv", "--out", "x.csv"],
        "--surveys nope.csv: no such file; check the path",
    );
    assert!(!dir.join("x.csv").exists());
}

#[test]
fn a_missing_table_is_named_with_its_flag_in_spanish() {
    let dir = broken_tickets("plans-es");
    fails_with(
        &dir,
        &[
            "explain",
            "--policy",
            "policy.toml",
            "--tickets",
            "tickets.csv",
            "--events",
            "eventos.csv",
            "--ticket",
            "1",
        ],
        "--events eventos.csv: no existe el archivo; revise la ruta",
    );
    fails_with(
        &dir,
        &[
            "sla",
            "--policy",
            "policy.toml",
            "--tickets",
            ".",
            "--events",
            "events.csv",
            "--out",
            "x.csv",
        ],
        "--tickets .: es una carpeta; indique el archivo",
    );
}

#[test]
fn report_resolves_its_period_before_reading() {
    let dir = broken_tickets("plans-report");
    let mut args = vec!["--lang", "en", "report"];
    args.extend(DATA);
    args.extend(["--period", "2026-13", "--out", "informe"]);
    fails_with(&dir, &args, "--period");
    let mut args = vec!["--lang", "en", "report"];
    args.extend(DATA);
    args.extend(["--queries", "nope", "--period", "2026-10", "--out", "i"]);
    fails_with(&dir, &args, "--queries nope: not a folder");
    assert!(!dir.join("informe").exists() && !dir.join("i").exists());
}

#[test]
fn reconcile_and_ingest_check_their_files_first() {
    let dir = broken_tickets("plans-glpi");
    fails_with(
        &dir,
        &[
            "--lang",
            "en",
            "reconcile",
            "--policy",
            "policy.toml",
            "--glpi",
            "glpi_tickets.csv",
        ],
        "--glpi glpi_tickets.csv: no such file; check the path",
    );
    fails_with(
        &dir,
        &[
            "--lang",
            "en",
            "ingest",
            "--source",
            "glpi-db",
            "--policy",
            "policy.toml",
            "--input",
            "tickets.tsv",
            "--out",
            "out",
        ],
        "--input tickets.tsv: no such file; check the path",
    );
    assert!(!dir.join("out").exists());
}
