//! `plazo sla` reading the events a window of tickets at a time (issue
//! 13, "events streamed in ticket order"; `model::dataset::windows`):
//! every output equals the whole read's byte for byte — the table, the
//! rejects file, the summary, the exit code and the files left behind —
//! for each sample policy, with windows of 1, 7 and 500 tickets, on clean
//! inputs and on inputs with a reject of every kind. The whole read is
//! the same binary with `PLAZO_TEST_WINDOW=0`. Events out of the tickets'
//! order fall back to the whole read and say so.

use std::path::Path;
use std::process::{Command, Output};

use crate::util::{root, tempdir};

const CUTOFF: &str = "2026-10-31 23:59:59";

/// Runs `plazo sla` in `dir` with `window` tickets a window (0: the
/// whole read).
fn sla(dir: &Path, window: usize, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_plazo"))
        .arg("sla")
        .args(args)
        .current_dir(dir)
        .env_remove("PLAZO_LANG")
        .env_remove("PLAZO_PSEUDONYM_KEY")
        .env("PLAZO_TEST_WINDOW", window.to_string())
        .output()
        .expect("run plazo")
}

/// A sample's tables copied to `dir`, its policy with `[report] people
/// = people` (as shipped when `None`).
pub(crate) fn sample(entity: &str, dir: &Path, people: Option<&str>) {
    let from = root().join("samples").join(entity);
    for f in ["tickets.csv", "events.csv", "surveys.csv"] {
        std::fs::copy(from.join(f), dir.join(f)).unwrap();
    }
    let policy = std::fs::read_to_string(from.join("policy.toml")).unwrap();
    let line = policy
        .lines()
        .find(|l| l.starts_with("people = "))
        .expect("a [report] people line");
    let policy = match people {
        Some(p) => policy.replace(line, &format!("people = {p:?}")),
        None => policy,
    };
    std::fs::write(dir.join("policy.toml"), policy).unwrap();
}

/// What a run leaves: exit code, stderr, and each file in `dir/out`.
#[derive(Debug, PartialEq)]
pub(crate) struct Left {
    pub code: Option<i32>,
    pub stderr: String,
    pub files: Vec<(String, Vec<u8>)>,
}

/// Asserts that the run by windows of `w` tickets left what the whole
/// read left: exit code, stderr, the same files, each byte for byte.
pub(crate) fn assert_same(by: &Left, whole: &Left, w: usize) {
    assert_eq!(by.code, whole.code, "window {w}: {}", by.stderr);
    assert_eq!(by.stderr, whole.stderr, "window {w}");
    let names = |l: &Left| -> Vec<String> {
        l.files.iter().map(|f| f.0.clone()).collect()
    };
    assert_eq!(names(by), names(whole), "window {w}");
    for (a, b) in by.files.iter().zip(&whole.files) {
        assert!(a.1 == b.1, "window {w}: {} differs", a.0);
    }
}

/// Runs `plazo sla` on the tables in `dir` into a fresh `dir/out`.
fn left(dir: &Path, window: usize, extra: &[&str]) -> Left {
    let out = dir.join("out");
    let _ = std::fs::remove_dir_all(&out);
    std::fs::create_dir_all(&out).unwrap();
    let mut args = vec![
        "--policy",
        "policy.toml",
        "--tickets",
        "tickets.csv",
        "--events",
        "events.csv",
        "--surveys",
        "surveys.csv",
        "--cutoff",
        CUTOFF,
        "--out",
        "out/sla.csv",
    ];
    args.extend(extra);
    let o = sla(dir, window, &args);
    let mut files: Vec<(String, Vec<u8>)> = std::fs::read_dir(&out)
        .unwrap()
        .map(|e| {
            let p = e.unwrap().path();
            let name = p.file_name().unwrap().to_string_lossy().into_owned();
            (name, std::fs::read(&p).unwrap())
        })
        .collect();
    files.sort();
    Left {
        code: o.status.code(),
        stderr: String::from_utf8_lossy(&o.stderr).into_owned(),
        files,
    }
}

/// The whole read and reads by windows of 1, 7 and 500 tickets leave the
/// same; returns the whole read's.
fn same_by_windows(dir: &Path, extra: &[&str]) -> Left {
    let whole = left(dir, 0, extra);
    for w in [1, 7, 500] {
        assert_same(&left(dir, w, extra), &whole, w);
    }
    whole
}

/// Each sample as shipped (names kept at ICETEX, initials at Itagüí and
/// UPME, numbered pseudonyms at USPEC and Víctimas), and with the names
/// kept.
#[test]
fn every_sample_policy_gives_the_whole_reads_outputs() {
    for entity in ["icetex", "itagui", "upme", "uspec", "victimas"] {
        for people in [None, Some("names")] {
            let dir = tempdir(&format!("windows-{entity}"));
            sample(entity, &dir, people);
            let whole = same_by_windows(&dir, &[]);
            assert_eq!(whole.code, Some(0), "{entity}: {}", whole.stderr);
            assert!(!whole.stderr.contains("segunda lectura"), "{entity}");
            let table =
                &whole.files.iter().find(|f| f.0 == "sla.csv").unwrap().1;
            let lines = table.iter().filter(|&&b| b == b'\n').count();
            let tickets = std::fs::read_to_string(dir.join("tickets.csv"))
                .unwrap()
                .lines()
                .count();
            assert_eq!(lines, tickets, "{entity}: a row per ticket + header");
        }
    }
}

/// With a pseudonym key, labels are HMACs of the names.
#[test]
fn keyed_pseudonyms_give_the_whole_reads_outputs() {
    let dir = tempdir("windows-keyed");
    sample("victimas", &dir, None);
    let run = |w: usize| {
        Command::new(env!("CARGO_BIN_EXE_plazo"))
            .args(["sla", "--policy", "policy.toml", "--tickets"])
            .args(["tickets.csv", "--events", "events.csv", "--cutoff"])
            .args([CUTOFF, "--out", "sla.csv"])
            .current_dir(&dir)
            .env_remove("PLAZO_LANG")
            .env("PLAZO_PSEUDONYM_KEY", "0123456789abcdef0123456789abcdef")
            .env("PLAZO_TEST_WINDOW", w.to_string())
            .output()
            .unwrap();
        std::fs::read(dir.join("sla.csv")).unwrap()
    };
    let whole = run(0);
    assert!(String::from_utf8_lossy(&whole).contains(",Persona "));
    assert!(run(7) == whole);
}

/// Appends `rows` to `dir/file`.
pub(crate) fn append(dir: &Path, file: &str, rows: &str) {
    use std::io::Write as _;
    let mut f = std::fs::OpenOptions::new()
        .append(true)
        .open(dir.join(file))
        .unwrap();
    f.write_all(rows.as_bytes()).unwrap();
}

/// The Víctimas sample with a reject of every kind and the rows the
/// loader merges or counts: a ticket without `opened_at`, a repeated id,
/// an unreadable `ans_solucion` cell; events of an unknown ticket, with
/// an unreadable `at`, without a status, an exact duplicate, one before
/// the opening; surveys of an unknown ticket and with a bad score. The
/// events stay in the tickets' order.
pub(crate) fn hostile_victimas(dir: &Path) {
    sample("victimas", dir, Some("names"));
    append(
        dir,
        "tickets.csv",
        "UV-X1,,Incidente,Media,Aplicativos misionales,,Nivel 1 Mesa,Ana,Usuario,Portal,1,sin apertura,2bd\n\
         UV-90001,2026-07-09T09:00:00-05:00,Incidente,Media,Aplicativos misionales,,Nivel 1 Mesa,Ana,Usuario,Portal,1,repetido,2bd\n\
         UV-X2,2026-10-01T09:00:00-05:00,Incidente,Media,Aplicativos misionales,,Nivel 1 Mesa,Ana,Usuario,Portal,1,celda mala,dos dias\n\
         UV-X3,2026-10-02T09:00:00-05:00,Incidente,Media,Aplicativos misionales,,Nivel 1 Mesa,Ana,Usuario,Portal,1,eventos,2bd\n",
    );
    append(
        dir,
        "events.csv",
        "NO-EXISTE,2026-10-01T09:00:00-05:00,Registrado,Nivel 1 Mesa,,\n\
         UV-X2,2026-10-01T09:00:00-05:00,Registrado,Nivel 1 Mesa,,\n\
         UV-X2,ayer,En proceso,Nivel 1 Mesa,Ana,\n\
         UV-X2,2026-10-01T10:00:00-05:00,,Nivel 1 Mesa,Ana,\n\
         UV-X2,2026-10-01T10:00:00-05:00,En proceso,Nivel 1 Mesa,Ana,\n\
         UV-X2,2026-10-01T10:00:00-05:00,En proceso,Nivel 1 Mesa,Ana,\n\
         UV-X3,2026-10-02T08:00:00-05:00,Registrado,Nivel 1 Mesa,,\n\
         UV-X3,2026-10-02T11:00:00-05:00,En proceso,Nivel 1 Mesa,Ana,\n",
    );
    append(
        dir,
        "surveys.csv",
        "NO-EXISTE,2026-10-03T09:00:00-05:00,2026-10-03T10:00:00-05:00,5,5,,5,5,5\n\
         UV-X3,2026-10-03T09:00:00-05:00,2026-10-03T10:00:00-05:00,cinco,5,,5,5,5\n",
    );
}

#[test]
fn rejects_merges_and_counts_come_out_as_a_whole_read_gives_them() {
    let dir = tempdir("windows-hostile");
    hostile_victimas(&dir);
    let whole = same_by_windows(&dir, &[]);
    assert_eq!(whole.code, Some(0), "{}", whole.stderr);
    let rejects = whole
        .files
        .iter()
        .find(|f| f.0 == "sla.rejects.csv")
        .expect("a rejects file");
    let text = String::from_utf8_lossy(&rejects.1);
    // Tickets, then events, then surveys, then the policy's cells: the
    // order of a whole read (the windowed one reads the surveys first).
    let columns: Vec<&str> = text
        .lines()
        .skip(1)
        .map(|l| l.split(',').nth(2).unwrap_or(""))
        .collect();
    assert_eq!(
        columns,
        [
            "opened_at",
            "ticket_id",
            "ticket_id",
            "at",
            "status",
            "ticket_id",
            "score",
            "ans_solucion"
        ],
        "{text}"
    );
    assert!(
        whole
            .stderr
            .contains("1 duplicados fusionados, 1 anteriores a la apertura"),
        "{}",
        whole.stderr
    );
}

#[test]
fn guards_fail_the_same_way_and_leave_the_same_files() {
    let dir = tempdir("windows-guards");
    hostile_victimas(&dir);
    for extra in [&["--max-rejects", "3"][..], &["--strict"][..]] {
        let whole = same_by_windows(&dir, extra);
        assert_ne!(whole.code, Some(0), "{extra:?}: {}", whole.stderr);
        assert!(
            !whole.files.iter().any(|f| f.0 == "sla.csv"),
            "{extra:?}: no table is written"
        );
    }
}

/// `events.csv` with the row at `line` (1 = header) moved to the end;
/// returns the line it has now (the file's last).
pub(crate) fn move_to_end(dir: &Path, line: usize) -> usize {
    let p = dir.join("events.csv");
    let text = std::fs::read_to_string(&p).unwrap();
    let mut lines: Vec<&str> = text.lines().collect();
    let row = lines.remove(line - 1);
    lines.push(row);
    std::fs::write(&p, lines.join("\n") + "\n").unwrap();
    lines.len()
}

#[test]
fn events_out_of_the_tickets_order_are_read_whole_and_said_so() {
    let dir = tempdir("windows-unordered");
    sample("icetex", &dir, None);
    let clean = left(&dir, 0, &[]);
    // The first ticket's second event, last: with windows of 7 tickets
    // it comes after the first window was written.
    let last_line = move_to_end(&dir, 3);
    let whole = left(&dir, 0, &[]);
    let by = left(&dir, 7, &[]);
    assert_eq!(by.code, Some(0), "{}", by.stderr);
    assert!(by.files == whole.files, "the files differ");
    // The same table as the ordered file's: the loader sorts.
    assert!(by.files == clean.files, "the files differ");
    let said = format!(
        "La fila {last_line} de events.csv es de un ticket anterior a los \
         ya evaluados"
    );
    assert!(by.stderr.contains(&said), "{said}\n{}", by.stderr);
    // Otherwise the whole read's summary.
    let sentence = by.stderr.find(&said).unwrap();
    let end = by.stderr[sentence..]
        .find(". ")
        .map_or(by.stderr.len(), |k| sentence + k + 2);
    let mut without = by.stderr.clone();
    without.replace_range(sentence..end, "");
    assert_eq!(without.trim_end(), whole.stderr.trim_end());
    assert!(whole.stderr.contains("no venían agrupados por ticket"));
    assert!(!whole.stderr.contains("es de un ticket anterior"));
    // Within one window, out of order is no fallback: same as whole.
    let one = left(&dir, 100_000, &[]);
    assert!(one == whole, "{}\n{}", one.stderr, whole.stderr);
}

/// Initials are numbered in alphabetical order of the whole name over
/// every person: a person met only in the events ("María Pérez
/// Zuluaga") takes "M. P. Z." from the ticket's "Mario Pérez Zuluaga",
/// who becomes "M. P. Z. (2)". The windows' labels were given before the
/// events were read: the run reads the tables whole and says so.
#[test]
fn events_people_that_change_a_tickets_label_are_read_whole() {
    let dir = tempdir("windows-people");
    sample("victimas", &dir, Some("initials"));
    append(
        &dir,
        "tickets.csv",
        "UV-X4,2026-10-02T09:00:00-05:00,Incidente,Media,Aplicativos misionales,,Nivel 1 Mesa,Mario Pérez Zuluaga,Usuario,Portal,1,iniciales,2bd\n",
    );
    append(
        &dir,
        "events.csv",
        "UV-X4,2026-10-02T09:00:00-05:00,Registrado,Nivel 1 Mesa,,\n\
         UV-X4,2026-10-02T10:00:00-05:00,En proceso,Nivel 1 Mesa,María Pérez Zuluaga,\n",
    );
    let whole = left(&dir, 0, &[]);
    let by = left(&dir, 7, &[]);
    assert!(by.files == whole.files, "the files differ");
    let table = whole.files.iter().find(|f| f.0 == "sla.csv").unwrap();
    let table = String::from_utf8_lossy(&table.1).into_owned();
    let row = table.lines().find(|l| l.starts_with("UV-X4,")).unwrap();
    assert!(row.contains(",M. P. Z. (2),"), "{row}");
    let said = "Personas que solo aparecen en los eventos cambiaron las \
                etiquetas de [report] people de los tickets, así que las \
                tablas se leyeron enteras en memoria (una segunda lectura).";
    assert!(by.stderr.contains(said), "{}", by.stderr);
    assert_eq!(by.stderr.replace(&format!(" {said}"), ""), whole.stderr);
}

/// A status label the policy does not map stops the run with every such
/// label, its count over all the tables and an example ticket: the same
/// message by windows (the first window with one hands over to the whole
/// read, which gives it).
#[test]
fn an_unmapped_status_fails_with_the_whole_reads_counts() {
    let dir = tempdir("windows-unmapped");
    sample("victimas", &dir, None);
    append(
        &dir,
        "tickets.csv",
        "UV-X5,2026-10-02T09:00:00-05:00,Incidente,Media,Aplicativos misionales,,Nivel 1 Mesa,Ana,Usuario,Portal,1,raro,2bd\n\
         UV-X6,2026-10-02T09:00:00-05:00,Incidente,Media,Aplicativos misionales,,Nivel 1 Mesa,Ana,Usuario,Portal,1,raro,2bd\n",
    );
    append(
        &dir,
        "events.csv",
        "UV-X5,2026-10-02T09:00:00-05:00,Estado raro,Nivel 1 Mesa,,\n\
         UV-X6,2026-10-02T09:00:00-05:00,Estado raro,Nivel 1 Mesa,,\n",
    );
    let whole = same_by_windows(&dir, &[]);
    assert_eq!(whole.code, Some(2), "{}", whole.stderr);
    // Both events, not the one of the first window that had it.
    let said = "Estado raro\": 2 eventos, p. ej. ticket UV-X5";
    assert!(whole.stderr.contains(said), "{}", whole.stderr);
}
