//! `plazo ingest --source glpi-tables`: per-file accounting checked
//! against rows counted in the dumps themselves, and every event, answer
//! and reject naming the physical line of its row.

use std::path::{Path, PathBuf};

use plazo::model::Ingested;
use plazo::source::{Encoding, Options, Source};

use crate::util::{dataset, read_rows, root, run, tempdir};

fn ingest(inputs: Vec<PathBuf>) -> Ingested {
    plazo::source::run(&Options {
        source: Source::GlpiTables,
        inputs,
        surveys: vec![],
        mapping: None,
        tz: "America/Bogota".parse().unwrap(),
        encoding: Encoding::Auto,
        date_format: None,
        status_pattern: None,
        lang: plazo::text::lang::Lang::Es,
    })
    .unwrap()
}

/// (ticket, status, line) of each event; line `None` for a derived one.
fn events(out: &Ingested) -> Vec<(&str, &str, Option<u64>)> {
    out.events
        .iter()
        .map(|e| {
            let line = (!e.origin.is_synthesized()).then_some(e.origin.line);
            (&*e.ticket_id, &*e.status, line)
        })
        .collect()
}

/// A hand-made export (tests/data/ingest/glpi_tables/): multi-line cells
/// in each table, a deleted ticket, status changes of the deleted and of an
/// unknown ticket, a repeated change, an unanswered and an orphan survey.
/// Every figure below was read off the files by hand (`grep -n .`).
#[test]
fn hand_made_dumps_count_every_row_and_name_its_line() {
    let d = root().join("tests/data/ingest/glpi_tables");
    let out = ingest(
        [
            "glpi_tickets.csv",
            "glpi_logs.csv",
            "glpi_ticketsatisfactions.csv",
        ]
        .iter()
        .map(|f| d.join(f))
        .collect(),
    );
    let stats: Vec<(&str, u64, u64, u64, u64)> = out
        .files
        .iter()
        .map(|f| (f.name.as_str(), f.read, f.accepted, f.rejected, f.merged))
        .collect();
    assert_eq!(
        stats,
        [
            // 3 tickets; ticket 2 is_deleted.
            ("glpi_tickets.csv", 3, 2, 1, 0),
            // 8 rows: 1 other field (id 11), 7 status changes: 2 of
            // tickets 2 (deleted) and 99 rejected, id 15 repeats id 12.
            ("glpi_logs.csv", 8, 5, 2, 1),
            // 4 rows: 2 answers, 1 unanswered, 1 of deleted ticket 2.
            ("glpi_ticketsatisfactions.csv", 4, 3, 1, 0),
        ]
    );
    let rejects: Vec<(&str, u64, &str, &str)> = out
        .rejects
        .iter()
        .map(|r| {
            (r.file.as_str(), r.line, r.column.as_str(), r.value.as_str())
        })
        .collect();
    assert_eq!(
        rejects,
        [
            // Ticket 1's title spans lines 2-3.
            ("glpi_tickets.csv", 4, "is_deleted", "1"),
            // Row id 11's new_value spans lines 3-4.
            ("glpi_logs.csv", 6, "items_id", "2"),
            ("glpi_logs.csv", 7, "items_id", "99"),
            // The first answer's comment spans lines 2-3.
            ("glpi_ticketsatisfactions.csv", 5, "tickets_id", "2"),
        ]
    );
    assert_eq!(
        events(&out),
        [
            // Initial status: the first change's old_value, derived.
            ("1", "1", None),
            ("1", "2", Some(2)),
            // Line 8 (id 15, the same change again) is merged into it.
            ("1", "5", Some(5)),
            ("1", "6", Some(10)),
            ("3", "2", None),
            ("3", "4", Some(9)),
        ]
    );
    let surveys: Vec<(&str, u64)> = out
        .surveys
        .iter()
        .map(|s| (s.ticket_id.as_str(), s.origin.line))
        .collect();
    assert_eq!(surveys, [("1", 2), ("3", 6)]);
}

const TABLES: [&str; 6] = [
    "glpi_tickets.csv",
    "glpi_logs_ticket.csv",
    "glpi_ticketsatisfactions.csv",
    "glpi_tickets_users.csv",
    "glpi_itilcategories.csv",
    "glpi_slas.csv",
];

/// A dump read with the `csv` crate: a column look-up by name and the
/// data rows. Also checks that each row is one physical line (no
/// multi-line cell in the sample).
type Dumped = (Box<dyn Fn(&str) -> usize>, Vec<csv::StringRecord>);

fn dump(path: &std::path::Path) -> Dumped {
    let text = std::fs::read_to_string(path).unwrap();
    let mut r = csv::Reader::from_reader(text.as_bytes());
    let h = r.headers().unwrap().clone();
    let rows: Vec<csv::StringRecord> =
        r.records().map(|r| r.unwrap()).collect();
    assert_eq!(rows.len(), text.lines().count() - 1, "{}", path.display());
    let col = move |n: &str| h.iter().position(|x| x == n).unwrap();
    (Box::new(col), rows)
}

/// `plazo --lang en ingest --source glpi-tables` of the dumps in `g`, run
/// in `dir` into `dir/out`: its stderr (the summary).
fn ingest_with_the_cli(dir: &Path, g: &Path) -> String {
    let mut args: Vec<String> = [
        "--lang",
        "en",
        "ingest",
        "--source",
        "glpi-tables",
        "--timezone",
        "America/Bogota",
        "--out",
        "out",
        "--input",
    ]
    .map(String::from)
    .to_vec();
    args.extend(TABLES.iter().map(|f| g.join(f).display().to_string()));
    let argv: Vec<&str> = args.iter().map(String::as_str).collect();
    let (code, _, err) = run(dir, &argv);
    assert_eq!(code, 0, "{err}");
    err
}

/// glpi_logs' status changes, (ticket, instant, new status): itemtype
/// Ticket, id_search_option 12.
fn status_changes((lc, logs): &Dumped) -> Vec<(&str, &str, &str)> {
    logs.iter()
        .filter(|r| &r[lc("itemtype")] == "Ticket")
        .filter(|r| &r[lc("id_search_option")] == "12")
        .map(|r| (&r[lc("items_id")], &r[lc("date_mod")], &r[lc("new_value")]))
        .collect()
}

/// glpi_ticketsatisfactions' answered surveys (date_answered and
/// satisfaction set): their tickets.
fn answered_tickets((sc, sat): &Dumped) -> Vec<&str> {
    sat.iter()
        .filter(|r| !r[sc("date_answered")].is_empty())
        .filter(|r| !r[sc("satisfaction")].is_empty())
        .map(|r| &r[sc("tickets_id")])
        .collect()
}

/// The summary's lines when every one of the `n[i]` rows of `TABLES[i]`
/// is accepted (nothing rejected or merged), `other` rows of glpi_logs
/// are other fields' history and `answered` surveys are answered.
fn summary_lines(n: &[usize], other: usize, answered: usize) -> Vec<String> {
    let line = |i: usize, kind: &str| {
        format!(
            "{} ({kind}, utf-8): {} rows read, {} accepted, 0 rejected, 0 duplicates merged",
            TABLES[i], n[i], n[i]
        )
    };
    vec![
        line(0, "glpi_tickets"),
        line(1, "glpi_logs"),
        line(2, "glpi_ticketsatisfactions"),
        line(3, "lookup"),
        line(4, "lookup"),
        line(5, "lookup"),
        format!("glpi_logs: {other} rows are other fields' history"),
        format!("glpi_ticketsatisfactions: {answered} of {} surveys", n[2]),
    ]
}

/// The real GLPI 10.0.5 sample through `plazo ingest`: the summary's
/// numbers equal the rows of each dump counted here.
#[test]
fn real_sample_accounting_equals_the_dumps_rows() {
    let g = dataset("glpi_10_0_5_sample");
    let dir = tempdir("glpi-tables-accounting");
    let err = ingest_with_the_cli(&dir, &g);

    let dumps: Vec<Dumped> = TABLES.iter().map(|f| dump(&g.join(f))).collect();
    let n: Vec<usize> = dumps.iter().map(|d| d.1.len()).collect();
    assert_eq!(n, [60, 954, 44, 120, 7, 5]);
    // No ticket is deleted: every one is accepted.
    let (tc, tickets) = &dumps[0];
    assert!(tickets.iter().all(|r| &r[tc("is_deleted")] == "0"));
    let ids: std::collections::HashSet<&str> =
        tickets.iter().map(|r| &r[tc("id")]).collect();
    // Status changes: all of tickets in the dump (none rejected), no two
    // of one ticket share instant and new status (none merged).
    let changes = status_changes(&dumps[1]);
    assert_eq!(changes.len(), 239);
    assert!(changes.iter().all(|c| ids.contains(c.0)));
    let mut keys = changes.clone();
    keys.sort();
    keys.dedup();
    assert_eq!(keys.len(), changes.len());
    let other = n[1] - changes.len();
    // Answers: all of tickets in the dump.
    let answers = answered_tickets(&dumps[2]);
    assert_eq!(answers.len(), 25);
    assert!(answers.iter().all(|t| ids.contains(t)));
    let answered = answers.len();
    // Nothing rejected or merged (shown above): every row read is
    // accepted, the rows counted here.
    for want in summary_lines(&n, other, answered) {
        assert!(err.contains(&want), "{want}\n--- stderr\n{err}");
    }
    let o = dir.join("out");
    let events_written = read_rows(&o.join("events.csv")).len();
    assert_eq!(events_written, 60 + changes.len());
    assert_eq!(read_rows(&o.join("surveys.csv")).len(), answered);
}

/// The real GLPI 10.0.5 sample through `plazo ingest`: the status changes
/// and answers name their line of the dump.
#[test]
fn real_sample_events_and_answers_name_their_line() {
    // Lines: `grep -n '"Ticket","1",' glpi_logs_ticket.csv` shows ticket
    // 1's status changes (id_search_option 12) on lines 6, 57, 96, 128 and
    // 298; ticket 60's on 917, 941 and 950. Answers of tickets 2, 20 and 5
    // are on lines 2, 7 and 8 of glpi_ticketsatisfactions.csv.
    let g = dataset("glpi_10_0_5_sample");
    let out = ingest(TABLES.iter().map(|f| g.join(f)).collect());
    let ev = events(&out);
    let of = |t: &str| -> Vec<(&str, Option<u64>)> {
        ev.iter().filter(|e| e.0 == t).map(|e| (e.1, e.2)).collect()
    };
    assert_eq!(
        of("1"),
        [
            ("1", None),
            ("2", Some(6)),
            ("4", Some(57)),
            ("2", Some(96)),
            ("5", Some(128)),
            ("6", Some(298)),
        ]
    );
    assert_eq!(
        of("60"),
        [
            ("1", None),
            ("2", Some(917)),
            ("5", Some(941)),
            ("6", Some(950))
        ]
    );
    let sv: Vec<(&str, u64)> = out
        .surveys
        .iter()
        .take(3)
        .map(|s| (s.ticket_id.as_str(), s.origin.line))
        .collect();
    assert_eq!(sv, [("2", 2), ("20", 7), ("5", 8)]);
}
