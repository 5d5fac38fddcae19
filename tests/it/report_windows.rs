//! `plazo report` reading the events a window of tickets at a time
//! (issue 13; `cmd::report_windows`): it adds up the figures window by
//! window and keeps the rows and events only of the tickets touched
//! since the period began or not yet closed ("Datos" reads every row
//! back from `sla.csv`; the escalation levels of those tickets only),
//! and every ticket's pauses. Every output file (workbook, breach review page,
//! CSV files, charts), the summary and the exit code equal the whole
//! read's byte for byte, on each sample policy, on hostile inputs and
//! under the guards; the samples' data leave out the rows and events of
//! most tickets (counted here from the tables), so the lists and
//! figures are checked on a read that really dropped some. The whole
//! read is the same binary with `PLAZO_TEST_WINDOW=0`.

use std::path::Path;
use std::process::Command;

use crate::util::tempdir;
use crate::windows::{
    Left, append, assert_same, hostile_victimas, move_to_end, sample,
};

const PERIOD: &str = "2026-10";

/// Every file under `dir`, by path inside it, sorted.
fn files_under(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let mut out = Vec::new();
    let mut todo = vec![dir.to_path_buf()];
    while let Some(d) = todo.pop() {
        let Ok(rd) = std::fs::read_dir(&d) else {
            continue;
        };
        for e in rd {
            let p = e.unwrap().path();
            if p.is_dir() {
                todo.push(p);
            } else {
                let name = p.strip_prefix(dir).unwrap();
                let name = name.to_string_lossy().into_owned();
                out.push((name, std::fs::read(&p).unwrap()));
            }
        }
    }
    out.sort();
    out
}

/// Runs `plazo report --html` on the tables in `dir` into a fresh
/// `dir/out`, with `window` tickets a window (0: the whole read), for
/// [`PERIOD`] unless `extra` names a quarter: what it leaves, every file
/// under `dir/out` by its path inside it.
fn left(dir: &Path, window: usize, extra: &[&str]) -> Left {
    let out = dir.join("out");
    let _ = std::fs::remove_dir_all(&out);
    let period: &[&str] = if extra.contains(&"--quarter") {
        &[]
    } else {
        &["--period", PERIOD]
    };
    let o = Command::new(env!("CARGO_BIN_EXE_plazo"))
        .args(["report", "--policy", "policy.toml", "--tickets"])
        .args(["tickets.csv", "--events", "events.csv", "--surveys"])
        .args(["surveys.csv", "--html", "--out", "out"])
        .args(period)
        .args(extra)
        .current_dir(dir)
        .env_remove("PLAZO_LANG")
        .env_remove("PLAZO_PSEUDONYM_KEY")
        .env("PLAZO_TEST_WINDOW", window.to_string())
        .output()
        .expect("run plazo");
    Left {
        code: o.status.code(),
        stderr: String::from_utf8_lossy(&o.stderr).into_owned(),
        files: files_under(&out),
    }
}

/// Reads by windows of each size in `windows` leave what the whole read
/// leaves; returns the whole read's.
fn same_by_windows(dir: &Path, windows: &[usize], extra: &[&str]) -> Left {
    let whole = left(dir, 0, extra);
    for &w in windows {
        assert_same(&left(dir, w, extra), &whole, w);
    }
    whole
}

/// The tickets of the whole read's `sla.csv` whose events a read by
/// windows drops: solved and closed, and every instant (opening,
/// response, solution, close, survey answer, last event) before the
/// period's first day; and of those, the tickets whose row it drops
/// too: without a class at the cutoff and without a survey answered
/// since that day. The samples write every instant at UTC−05:00, the
/// policies' zone, so the local date is the text's first ten
/// characters.
fn dropped(dir: &Path, sla: &[u8]) -> (usize, usize) {
    let first_day = format!("{PERIOD}-01");
    let mut answered = std::collections::HashSet::new();
    let mut r = csv::Reader::from_path(dir.join("surveys.csv")).unwrap();
    let h = r.headers().unwrap().clone();
    let (id, at) = (
        h.iter().position(|c| c == "ticket_id").unwrap(),
        h.iter().position(|c| c == "answered_at").unwrap(),
    );
    for rec in r.records() {
        let rec = rec.unwrap();
        if !rec[at].is_empty() && rec[at][..10] >= *first_day.as_str() {
            answered.insert(rec[id].to_string());
        }
    }
    let mut last: std::collections::HashMap<String, String> =
        std::collections::HashMap::new();
    let mut r = csv::Reader::from_path(dir.join("events.csv")).unwrap();
    let h = r.headers().unwrap().clone();
    let (id, at) = (
        h.iter().position(|c| c == "ticket_id").unwrap(),
        h.iter().position(|c| c == "at").unwrap(),
    );
    for rec in r.records() {
        let rec = rec.unwrap();
        let e = last.entry(rec[id].to_string()).or_default();
        if rec[at] > **e {
            *e = rec[at].to_string();
        }
    }
    let mut r = csv::Reader::from_reader(sla);
    let h = r.headers().unwrap().clone();
    let col = |name: &str| h.iter().position(|c| c == name).unwrap();
    let cols = [
        "opened_at",
        "responded_at",
        "solved_at",
        "closed_at",
        "survey_answered_at",
    ]
    .map(col);
    let (tid, solved, closed) =
        (col("ticket_id"), col("solved_at"), col("closed_at"));
    let classes = [col("response_class"), col("resolution_class")];
    let (mut n, mut rows) = (0, 0);
    for rec in r.records() {
        let rec = rec.unwrap();
        let ev = last.get(&rec[tid]).map_or("", String::as_str);
        let instants: Vec<&str> =
            cols.iter().map(|&c| &rec[c]).chain([ev]).collect();
        for t in instants.iter().filter(|t| !t.is_empty()) {
            assert!(t.ends_with("-05:00"), "{t}: not at UTC−05:00");
        }
        let before = instants
            .iter()
            .all(|t| t.is_empty() || t[..10] < *first_day.as_str());
        if !rec[solved].is_empty() && !rec[closed].is_empty() && before {
            n += 1;
            let classed = classes.iter().any(|&c| !rec[c].is_empty());
            rows += usize::from(!classed && !answered.contains(&rec[tid]));
        }
    }
    (n, rows)
}

/// The id of the first ticket of the whole read's `sla.csv` (on the
/// tables in `dir`) whose cells, looked up by column name, `keep`
/// takes; `what` names it when there is none.
fn whole_read_ticket(
    dir: &Path,
    what: &str,
    keep: impl Fn(&dyn Fn(&str) -> String) -> bool,
) -> String {
    let whole = left(dir, 0, &[]);
    let sla = &whole.files.iter().find(|f| f.0 == "sla.csv").unwrap().1;
    let mut r = csv::Reader::from_reader(&sla[..]);
    let h = r.headers().unwrap().clone();
    r.records()
        .map(Result::unwrap)
        .find_map(|rec| {
            let cell = |name: &str| {
                rec[h.iter().position(|c| c == name).unwrap()].to_string()
            };
            keep(&cell).then(|| cell("ticket_id"))
        })
        .unwrap_or_else(|| panic!("{what}"))
}

/// Each sample policy as shipped (names kept, initials, numbered
/// pseudonyms), Víctimas also with names kept and by windows of one
/// ticket: the same files; and most tickets' events and rows were
/// dropped.
#[test]
fn every_sample_report_is_the_whole_reads() {
    for entity in ["icetex", "itagui", "upme", "uspec", "victimas"] {
        let people: &[Option<&str>] = match entity {
            "victimas" => &[None, Some("names")],
            _ => &[None],
        };
        for &p in people {
            let dir = tempdir(&format!("report-windows-{entity}"));
            sample(entity, &dir, p);
            let windows: &[usize] = match (entity, p) {
                ("victimas", None) => &[1, 7, 500],
                _ => &[7, 500],
            };
            let whole = same_by_windows(&dir, windows, &[]);
            assert_eq!(whole.code, Some(0), "{entity}: {}", whole.stderr);
            assert!(!whole.stderr.contains("segunda lectura"), "{entity}");
            let names: Vec<&str> =
                whole.files.iter().map(|f| f.0.as_str()).collect();
            for f in ["informe-2026-10.xlsx", "informe-2026-10.html"] {
                assert!(names.contains(&f), "{entity}: {names:?}");
            }
            let sla = &whole.files.iter().find(|f| f.0 == "sla.csv").unwrap();
            let tickets = sla.1.iter().filter(|&&b| b == b'\n').count() - 1;
            let (gone, rows) = dropped(&dir, &sla.1);
            assert!(
                gone * 2 > tickets,
                "{entity}: {gone} of {tickets} tickets' events dropped"
            );
            // The figures are added up window by window: most rows are
            // not held, and "Datos" reads them back from sla.csv.
            assert!(
                rows * 2 > tickets,
                "{entity}: {rows} of {tickets} tickets' rows dropped"
            );
        }
    }
}

/// A quarter, with a cutoff after its end: the lists take the tickets
/// of three months, and some finish after the period; the same files.
#[test]
fn a_quarter_with_a_later_cutoff_is_the_whole_reads() {
    let dir = tempdir("report-windows-quarter");
    sample("victimas", &dir, None);
    let cut = ["--quarter", "2026Q3", "--cutoff", "2026-10-15 12:00:00"];
    let whole = same_by_windows(&dir, &[7, 500], &cut);
    assert_eq!(whole.code, Some(0), "{}", whole.stderr);
    assert!(whole.files.iter().any(|f| f.0 == "informe-2026Q3.xlsx"));
}

/// "Datos" over sheets of 400 rows (`--sheet-row-limit`): each part
/// reads its rows back from `sla.csv` from the last window's start
/// before it, parts that begin inside a window and parts that span
/// several; the same files.
#[test]
fn datos_over_sheets_is_the_whole_reads() {
    let dir = tempdir("report-windows-datos");
    sample("victimas", &dir, None);
    let limit = ["--sheet-row-limit", "400"];
    let whole = same_by_windows(&dir, &[7, 300, 1000], &limit);
    assert_eq!(whole.code, Some(0), "{}", whole.stderr);
    let xlsx = whole.files.iter().find(|f| f.0 == "informe-2026-10.xlsx");
    let xlsx = &xlsx.expect("the workbook").1;
    // 3,008 tickets: "Datos" and "Datos (2)" to "Datos (8)".
    use calamine::Reader as _;
    let book = std::io::Cursor::new(xlsx.clone());
    let names = calamine::Xlsx::new(book).expect("a workbook").sheet_names();
    let datos: Vec<&String> =
        names.iter().filter(|n| n.starts_with("Datos")).collect();
    assert_eq!(datos.len(), 8, "{names:?}");
}

/// Events that name one group only: levels but no escalation. The
/// escalation figures are 0 (measured), not empty (unmeasurable), read
/// by windows as read whole, though no ticket's levels are kept.
#[test]
fn groups_without_escalations_measure_none_by_windows_too() {
    let dir = tempdir("report-windows-one-group");
    sample("victimas", &dir, None);
    let path = dir.join("events.csv");
    let mut r = csv::Reader::from_path(&path).unwrap();
    let head = r.headers().unwrap().clone();
    let g = head.iter().position(|c| c == "group").unwrap();
    let mut w = csv::Writer::from_path(dir.join("events.one.csv")).unwrap();
    w.write_record(&head).unwrap();
    for rec in r.records() {
        let rec = rec.unwrap();
        let cells = rec.iter().enumerate().map(|(k, c)| match k {
            _ if k == g && !c.is_empty() => "Nivel 1 Mesa",
            _ => c,
        });
        w.write_record(cells).unwrap();
    }
    w.flush().unwrap();
    std::fs::rename(dir.join("events.one.csv"), &path).unwrap();
    let whole = same_by_windows(&dir, &[7, 500], &[]);
    assert_eq!(whole.code, Some(0), "{}", whole.stderr);
    let ind = whole.files.iter().find(|f| f.0 == "indicators.csv");
    let ind = String::from_utf8(ind.unwrap().1.clone()).unwrap();
    assert!(
        ind.contains("\n2026-10,all,all,escalations,0,0,,,\n"),
        "{ind}"
    );
}

/// The committee's decisions (the Víctimas sample's, and a waiver of a
/// June breach whose ticket nothing since touched), dated and restated:
/// the decided tickets' rows are kept whatever their period, so every
/// trend period's waivers and the "Decisiones" sheet read what a whole
/// read gives them; the same files.
#[test]
fn decisions_are_the_whole_reads() {
    let dir = tempdir("report-windows-decisions");
    sample("victimas", &dir, None);
    let id = whole_read_ticket(&dir, "a June breach closed in June", |cell| {
        let before = |c: &str| {
            let v = cell(c);
            v.is_empty() || v[..7] < *"2026-10"
        };
        cell("resolution_met") == "false"
            && cell("solved_at").starts_with("2026-06")
            && cell("closed_at").starts_with("2026-06")
            && cell("excluded_reason").is_empty()
            && ["responded_at", "survey_answered_at"]
                .iter()
                .all(|c| before(c))
    });
    let sample =
        crate::util::root().join("samples/victimas/supervision/decisions.csv");
    let mut text = std::fs::read_to_string(sample).unwrap();
    text.push_str(&format!(
        "{id},resolution,waived,Prueba,Comité,2026-06-20\n"
    ));
    let file = dir.join("decisions.csv");
    std::fs::write(&file, text).unwrap();
    let file = file.to_str().unwrap();
    for extra in [
        &["--decisions", file][..],
        &["--decisions", file, "--restate"],
    ] {
        let whole = same_by_windows(&dir, &[7, 500], extra);
        assert_eq!(whole.code, Some(0), "{extra:?}: {}", whole.stderr);
    }
}

/// The Víctimas sample under two versions of its policy (the
/// supervision example's amendment from 16 October), each ticket
/// measured by the version in force when it was opened or solved: each
/// version's figures ("Por versión de la política") are added up window
/// by window like the others, so most rows are dropped as without
/// versions; the same files.
#[test]
fn versions_are_the_whole_reads() {
    let dir = tempdir("report-windows-versions");
    sample("victimas", &dir, None);
    std::fs::rename(dir.join("policy.toml"), dir.join("base.toml")).unwrap();
    let versions =
        crate::util::root().join("samples/victimas/supervision/versions.toml");
    let text = std::fs::read_to_string(versions).unwrap();
    let text = text
        .replace("extends = \"../policy.toml\"", "extends = \"base.toml\"");
    assert!(text.contains("extends = \"base.toml\""));
    std::fs::write(dir.join("policy.toml"), text).unwrap();
    // A survey sent in October, unanswered, for a ticket solved and
    // closed in June: the period's sends count it, though nothing keeps
    // its row (no class, no answer, no instant since October).
    let id = whole_read_ticket(&dir, "a June ticket", |cell| {
        ["solved_at", "closed_at"]
            .iter()
            .all(|c| cell(c).starts_with("2026-06"))
            && ["response_class", "resolution_class", "survey_answered_at"]
                .iter()
                .all(|c| cell(c).is_empty())
            && cell("excluded_reason").is_empty()
    });
    append(
        &dir,
        "surveys.csv",
        &format!("{id},2026-10-05T10:00:00-05:00,,,,,,,\n"),
    );
    for extra in [&[][..], &["--rules-at", "solved"]] {
        let whole = same_by_windows(&dir, &[1, 7, 500], extra);
        assert_eq!(whole.code, Some(0), "{extra:?}: {}", whole.stderr);
        let xlsx = whole.files.iter().find(|f| f.0 == "informe-2026-10.xlsx");
        let xlsx = &xlsx.expect("the workbook").1;
        use calamine::Reader as _;
        let book = std::io::Cursor::new(xlsx.clone());
        let mut book = calamine::Xlsx::new(book).expect("a workbook");
        let sheet = book
            .worksheet_range("Por versión de la política")
            .expect("the sheet by version");
        // The base, "Otrosí 1" and the total, each with tickets.
        let names: Vec<String> = (1..4)
            .map(|r| sheet.get((r, 0)).unwrap().to_string())
            .collect();
        assert_eq!(
            names,
            [
                "Procedimiento de mesa de servicios (base)",
                "Otrosí 1",
                "Total"
            ],
            "{extra:?}"
        );
        let sla = &whole.files.iter().find(|f| f.0 == "sla.csv").unwrap();
        let tickets = sla.1.iter().filter(|&&b| b == b'\n').count() - 1;
        let (_, rows) = dropped(&dir, &sla.1);
        assert!(rows * 2 > tickets, "{rows} of {tickets} rows dropped");
    }
}

/// Rejects of every kind, merges and counts; then the guards, which
/// stop both reads with only the rejects file written.
#[test]
fn hostile_inputs_and_guards_leave_the_whole_reads_files() {
    let dir = tempdir("report-windows-hostile");
    hostile_victimas(&dir);
    let whole = same_by_windows(&dir, &[7], &[]);
    assert_eq!(whole.code, Some(0), "{}", whole.stderr);
    assert!(whole.files.iter().any(|f| f.0 == "rejects.csv"));
    for extra in [&["--max-rejects", "3"][..], &["--strict"][..]] {
        let whole = same_by_windows(&dir, &[7], extra);
        assert_ne!(whole.code, Some(0), "{extra:?}: {}", whole.stderr);
        assert!(
            !whole.files.iter().any(|f| f.0 == "sla.csv"),
            "{extra:?}: no table is written"
        );
    }
}

/// Events out of the tickets' order: read whole, the same files, and
/// the summary says why after the whole read's.
#[test]
fn unordered_events_are_read_whole_and_said_so() {
    let dir = tempdir("report-windows-unordered");
    sample("icetex", &dir, None);
    let lines = move_to_end(&dir, 3);
    let whole = left(&dir, 0, &[]);
    let by = left(&dir, 7, &[]);
    assert_eq!(by.code, Some(0), "{}", by.stderr);
    assert!(by.files == whole.files, "the files differ");
    let said = format!(
        "La fila {lines} de events.csv es de un ticket anterior a los ya \
         evaluados, así que las tablas se leyeron enteras en memoria (una \
         segunda lectura); con los eventos ordenados como los tickets, \
         plazo report los lee por bloques de tickets y guarda solo los de \
         los casos que sus listas muestran."
    );
    assert_eq!(by.stderr, format!("{} {said}\n", whole.stderr.trim_end()));
}

/// A status label the policy does not map: the whole read's error, and
/// no output folder left behind by either read.
#[test]
fn an_unmapped_status_leaves_no_folder() {
    let dir = tempdir("report-windows-unmapped");
    sample("victimas", &dir, None);
    append(
        &dir,
        "tickets.csv",
        "UV-X5,2026-10-02T09:00:00-05:00,Incidente,Media,Aplicativos misionales,,Nivel 1 Mesa,Ana,Usuario,Portal,1,raro,2bd\n",
    );
    append(
        &dir,
        "events.csv",
        "UV-X5,2026-10-02T09:00:00-05:00,Estado raro,Nivel 1 Mesa,,\n",
    );
    let whole = same_by_windows(&dir, &[7], &[]);
    assert_eq!(whole.code, Some(2), "{}", whole.stderr);
    assert!(whole.stderr.contains("Estado raro"), "{}", whole.stderr);
    assert!(!dir.join("out").exists());
}

/// A decisions file that names an unknown ticket: the whole read's
/// error (exit 2), and no output folder left behind by either read,
/// though the read by windows made it before it read the file.
#[test]
fn a_bad_decisions_file_leaves_no_folder() {
    let dir = tempdir("report-windows-bad-decisions");
    sample("victimas", &dir, None);
    let file = dir.join("decisions.csv");
    std::fs::write(
        &file,
        "ticket,measure,decision,reason,who,date\n\
         NO-SUCH,resolution,waived,Prueba,Comité,2026-10-20\n",
    )
    .unwrap();
    let file = file.to_str().unwrap();
    for w in [0, 7] {
        let left = left(&dir, w, &["--decisions", file]);
        assert_eq!(left.code, Some(2), "window {w}: {}", left.stderr);
        assert!(left.stderr.contains("NO-SUCH"), "{}", left.stderr);
        assert!(!dir.join("out").exists(), "window {w}: out/ left behind");
    }
}

/// An output folder under folders that do not exist, and an input error
/// after the read by windows made them: none of them is left behind.
#[test]
fn a_failed_run_removes_the_folders_it_made() {
    let dir = tempdir("report-windows-nested-out");
    sample("victimas", &dir, None);
    append(
        &dir,
        "events.csv",
        "UV-9287,2026-10-02T09:00:00-05:00,Estado raro,Nivel 1 Mesa,,\n",
    );
    for w in [0, 7] {
        let o = Command::new(env!("CARGO_BIN_EXE_plazo"))
            .args(["report", "--policy", "policy.toml", "--tickets"])
            .args(["tickets.csv", "--events", "events.csv", "--surveys"])
            .args(["surveys.csv", "--out", "a/b/out", "--period", PERIOD])
            .current_dir(&dir)
            .env_remove("PLAZO_LANG")
            .env("PLAZO_TEST_WINDOW", w.to_string())
            .output()
            .expect("run plazo");
        let stderr = String::from_utf8_lossy(&o.stderr);
        assert_eq!(o.status.code(), Some(2), "window {w}: {stderr}");
        assert!(stderr.contains("Estado raro"), "{stderr}");
        assert!(!dir.join("a").exists(), "window {w}: a/ left behind");
    }
}

/// GLPI's database dumps ingested (the Itagüí sample: tickets listed by
/// number, which as text sort otherwise): `plazo ingest` writes each
/// ticket's events in the tickets' order, so the report reads them by
/// windows, not whole, and leaves the whole read's files.
#[test]
fn ingested_glpi_tables_are_read_by_windows() {
    let dir = tempdir("report-windows-glpi-ingested");
    let src = crate::util::root().join("samples/itagui");
    let glpi = src.join("glpi");
    let o = Command::new(env!("CARGO_BIN_EXE_plazo"))
        .args(["ingest", "-q", "--source", "glpi-db", "--policy"])
        .arg(src.join("policy.toml"))
        .arg("--input")
        .args([glpi.join("tickets.tsv"), glpi.join("events.tsv")])
        .arg("--surveys")
        .arg(glpi.join("surveys.tsv"))
        .arg("--out")
        .arg(&dir)
        .output()
        .expect("run plazo ingest");
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    std::fs::copy(src.join("policy.toml"), dir.join("policy.toml")).unwrap();
    let ids = |file: &str| -> Vec<String> {
        let mut r = csv::Reader::from_path(dir.join(file)).unwrap();
        let mut v: Vec<String> =
            r.records().map(|x| x.unwrap()[0].to_string()).collect();
        v.dedup();
        v
    };
    let (tickets, events) = (ids("tickets.csv"), ids("events.csv"));
    let mut seen = tickets.iter();
    for id in &events {
        assert!(seen.any(|t| t == id), "{id}: not in the tickets' order");
    }
    let quarter = ["--quarter", "2026Q3"];
    let whole = same_by_windows(&dir, &[7, 500], &quarter);
    assert_eq!(whole.code, Some(0), "{}", whole.stderr);
    let by = left(&dir, 7, &quarter);
    assert!(!by.stderr.contains("segunda lectura"), "{}", by.stderr);
}
