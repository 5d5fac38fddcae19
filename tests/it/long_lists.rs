//! Long lists (issue 13, docs/CONTRACT.md §5.10): no sheet passes the
//! row limit; a longer list continues on numbered sheets, a note above
//! its header on each. Tested with a small limit injected through the
//! hidden `--sheet-row-limit` (and the job key `sheet_row_limit`), not
//! with a million rows. Expected lists are worked out from `sla.csv`,
//! read with the `csv` crate, by the rules of docs/INDICATORS.md (or,
//! for the lists that `sla.csv` does not carry, taken from the same
//! report without a limit); expected sheet counts are ceil(n / (limit -
//! 2)): each part holds a note, the header and its rows.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use calamine::{Data, Reader, Xlsx, open_workbook};

use crate::util::{
    folder_args, ok_stdout, plazo, read_rows, root, run, tempdir,
};

/// `plazo [--lang LANG] report` on the Víctimas sample for 2026-10,
/// with `--sheet-row-limit LIMIT` when given; the output folder.
fn report(name: &str, limit: Option<usize>, lang: &str) -> PathBuf {
    report_with(name, limit, lang, &[])
}

/// [`report`] with `extra` options (a later `--policy` replaces the
/// sample's).
fn report_with(
    name: &str,
    limit: Option<usize>,
    lang: &str,
    extra: &[&str],
) -> PathBuf {
    let out = tempdir(name);
    let mut args: Vec<String> =
        ["-q", "--lang", lang, "report"].map(String::from).to_vec();
    let mut data = folder_args(&root().join("samples/victimas"));
    if let Some(k) = extra.iter().position(|a| *a == "--policy") {
        data[1] = extra[k + 1].to_string();
        data.extend(extra[..k].iter().map(|a| a.to_string()));
        data.extend(extra[k + 2..].iter().map(|a| a.to_string()));
    } else {
        data.extend(extra.iter().map(|a| a.to_string()));
    }
    args.extend(data);
    args.extend(["--period", "2026-10", "--out"].map(String::from));
    args.push(out.display().to_string());
    if let Some(n) = limit {
        args.extend(["--sheet-row-limit".to_string(), n.to_string()]);
    }
    let a: Vec<&str> = args.iter().map(String::as_str).collect();
    ok_stdout(&plazo(&root(), &a));
    out
}

/// The workbook of an output folder, opened.
fn workbook(out: &Path) -> Xlsx<std::io::BufReader<std::fs::File>> {
    open_workbook(out.join("informe-2026-10.xlsx")).expect("workbook")
}

/// A cell as text (numbers as Excel stores them).
fn text(d: &Data) -> String {
    match d {
        Data::Empty => String::new(),
        Data::String(s) => s.clone(),
        other => other.to_string(),
    }
}

/// Every sheet's rows as text, by name, and the names in order.
fn sheets(out: &Path) -> (Vec<String>, BTreeMap<String, Vec<Vec<String>>>) {
    let mut wb = workbook(out);
    let names = wb.sheet_names();
    let mut all = BTreeMap::new();
    for n in &names {
        let range = wb.worksheet_range(n).expect("sheet");
        assert_eq!(range.start().map_or(0, |s| s.0), 0, "{n} starts on row 1");
        let rows: Vec<Vec<String>> =
            range.rows().map(|r| r.iter().map(text).collect()).collect();
        all.insert(n.clone(), rows);
    }
    (names, all)
}

/// The names of the parts of list `base`, in workbook order: `base`,
/// then "base (2)", "base (3)"...
fn parts(names: &[String], base: &str) -> Vec<String> {
    names
        .iter()
        .filter(|n| {
            *n == base
                || n.strip_prefix(base)
                    .and_then(|t| t.strip_prefix(" ("))
                    .and_then(|t| t.strip_suffix(')'))
                    .is_some_and(|k| k.parse::<usize>().is_ok())
        })
        .cloned()
        .collect()
}

/// The expected part names of `base` over `count` sheets.
fn expected_names(base: &str, count: usize) -> Vec<String> {
    (1..=count)
        .map(|k| {
            if k == 1 {
                base.to_string()
            } else {
                format!("{base} ({k})")
            }
        })
        .collect()
}

/// The first column of a list from row `from` to its first empty row.
fn ids(rows: &[Vec<String>], from: usize) -> Vec<String> {
    rows.iter()
        .skip(from)
        .map(|r| r.first().cloned().unwrap_or_default())
        .take_while(|id| !id.is_empty())
        .collect()
}

/// The ids of a list that starts on row 0 of its sheets: from row 1
/// when it is on one sheet, from row 2 (after the note) of each part
/// when split; with the notes.
fn split_ids(
    all: &BTreeMap<String, Vec<Vec<String>>>,
    names: &[String],
) -> (Vec<String>, Vec<String>) {
    let split = names.len() > 1;
    let mut v = Vec::new();
    let mut notes = Vec::new();
    for n in names {
        let rows = &all[n];
        if split {
            notes.push(rows[0][0].clone());
        }
        v.extend(ids(rows, if split { 2 } else { 1 }));
    }
    (v, notes)
}

/// The ids of a list under figures: after the first row whose first
/// cell is "Caso" (the list's header) on the first sheet, from row 2 on
/// the numbered ones.
fn ids_under_header(
    all: &BTreeMap<String, Vec<Vec<String>>>,
    names: &[String],
) -> Vec<String> {
    let first = &all[&names[0]];
    let head = first.iter().position(|r| r[0] == "Caso").expect("header");
    let mut v = ids(first, head + 1);
    for n in &names[1..] {
        assert_eq!(all[n][1][0], "Caso", "{n}: the header on row 2");
        v.extend(ids(&all[n], 2));
    }
    v
}

/// `sla.csv`'s rows.
fn sla(out: &Path) -> Vec<BTreeMap<String, String>> {
    read_rows(&out.join("sla.csv"))
}

/// An integer column (0 when empty).
fn int(r: &BTreeMap<String, String>, k: &str) -> i64 {
    r[k].parse().unwrap_or(0)
}

/// The breach list from `sla.csv` (docs/INDICATORS.md): tickets not
/// excluded with a measure finished over its target in October 2026,
/// or overdue and unfinished at the cutoff; longest overrun first, then
/// by id.
fn breaches(rows: &[BTreeMap<String, String>]) -> Vec<String> {
    let oct =
        |k: &str, r: &BTreeMap<String, String>| r[k].starts_with("2026-10");
    let mut v: Vec<(i64, String)> = rows
        .iter()
        .filter(|r| r["excluded_reason"].is_empty())
        .filter(|r| {
            (r["resolution_met"] == "false" && oct("solved_at", r))
                || (r["response_met"] == "false" && oct("responded_at", r))
                || r["resolution_class"] == "breached"
                || r["response_class"] == "breached"
        })
        .map(|r| {
            let over = int(r, "resolution_overrun_s")
                .max(int(r, "response_overrun_s"));
            (-over, r["ticket_id"].clone())
        })
        .collect();
    v.sort();
    v.into_iter().map(|(_, id)| id).collect()
}

/// The at-risk list from `sla.csv`: tickets not excluded whose worst
/// standing is breached or at risk, least time left first (over the
/// measures with a standing), then in ticket order.
fn at_risk(rows: &[BTreeMap<String, String>]) -> Vec<String> {
    let mut v: Vec<(i64, usize, String)> = rows
        .iter()
        .enumerate()
        .filter(|(_, r)| r["excluded_reason"].is_empty())
        .filter(|(_, r)| {
            matches!(r["at_risk"].as_str(), "breached" | "at_risk")
        })
        .map(|(i, r)| {
            let left = [
                (
                    "resolution_class",
                    "resolution_target_s",
                    "resolution_business_s",
                ),
                ("response_class", "response_target_s", "response_business_s"),
            ]
            .iter()
            .filter(|(c, t, _)| !r[*c].is_empty() && !r[*t].is_empty())
            .map(|(_, t, b)| int(r, t) - int(r, b))
            .min()
            .unwrap_or(i64::MAX);
            (left, i, r["ticket_id"].clone())
        })
        .collect();
    v.sort();
    v.into_iter().map(|(_, _, id)| id).collect()
}

/// The excluded list from `sla.csv`: tickets opened in October 2026
/// with an exclusion, in row order.
fn excluded(rows: &[BTreeMap<String, String>]) -> Vec<String> {
    rows.iter()
        .filter(|r| {
            !r["excluded_reason"].is_empty()
                && r["excluded_reason"] != "opened_after_cutoff"
                && r["opened_at"].starts_with("2026-10")
        })
        .map(|r| r["ticket_id"].clone())
        .collect()
}

/// Sheets a list of `n` rows takes under `limit`: one when the header
/// and the rows fit, else ceil(n / (limit - 2)).
fn sheet_count(n: usize, limit: usize) -> usize {
    if n < limit { 1 } else { n.div_ceil(limit - 2) }
}

/// The note of part `k` of `count`, built from the catalog's Spanish
/// text by hand ("…" past six sheets).
fn note_es(base: &str, n: usize, count: usize, k: usize) -> String {
    let names = expected_names(base, count);
    let shown = if count <= 6 {
        names.join(", ")
    } else {
        format!("{}, {}, …, {}", names[0], names[1], names[count - 1])
    };
    let rows = if n >= 1000 {
        format!("{}.{:03}", n / 1000, n % 1000)
    } else {
        n.to_string()
    };
    format!(
        "Lista de {rows} filas en {count} hojas: {shown}. Esta es la hoja \
         {k} de {count}."
    )
}

#[test]
fn every_long_list_continues_on_numbered_sheets_under_the_limit() {
    const LIMIT: usize = 10;
    let out = report("long-lists-10", Some(LIMIT), "es");
    let (names, all) = sheets(&out);
    let rows = sla(&out);
    let lists: [(&str, Vec<String>); 4] = [
        ("Incumplimientos", breaches(&rows)),
        ("En riesgo", at_risk(&rows)),
        ("Excluidos", excluded(&rows)),
        (
            "Datos",
            rows.iter().map(|r| r["ticket_id"].clone()).collect(),
        ),
    ];
    for (base, want) in &lists {
        let n = want.len();
        let count = sheet_count(n, LIMIT);
        let got = parts(&names, base);
        assert_eq!(got, expected_names(base, count), "{base}: {n} rows");
        let (ids, notes) = split_ids(&all, &got);
        assert_eq!(&ids, want, "{base}: the rows, in order");
        let pinned: Vec<String> =
            (1..=count).map(|k| note_es(base, n, count, k)).collect();
        assert_eq!(notes, if count > 1 { pinned } else { vec![] });
        for p in &got {
            assert!(all[p].len() <= LIMIT, "{p}: {} rows", all[p].len());
        }
    }
    // The sample's sizes, so that each list above is really split:
    // 3,008 tickets, 13 sheets of breaches (97 or more rows).
    assert_eq!(lists[3].1.len(), 3008);
    assert_eq!(parts(&names, "Datos").len(), 376);
    assert!(lists.iter().all(|(_, v)| v.len() >= LIMIT));
    // One pinned note, whole: the second sheet of the excluded list.
    let n = lists[2].1.len();
    assert_eq!(
        all["Excluidos (2)"][0][0],
        format!(
            "Lista de {n} filas en 3 hojas: Excluidos, Excluidos (2), \
             Excluidos (3). Esta es la hoja 2 de 3."
        )
    );
    // "Escalamientos" passes 10 rows: its one escalation goes on
    // "Escalamientos (2)", under the note and the header.
    assert_eq!(
        parts(&names, "Escalamientos"),
        ["Escalamientos", "Escalamientos (2)"]
    );
    let esc = &all["Escalamientos (2)"];
    assert_eq!(esc.len(), 3);
    assert_eq!(esc[0][0], note_es("Escalamientos", 1, 2, 2));
    // Each part repeats the list's header under its note.
    assert_eq!(all["Excluidos (3)"][1], all["Excluidos"][1]);
    assert_eq!(all["Excluidos"][1][0], "Caso");
}

#[test]
fn a_list_of_exactly_the_limit_stays_on_one_sheet() {
    let n = breaches(&sla(&report("long-lists-ref", None, "es"))).len();
    // Header + n rows = n + 1 rows: the limit itself, one sheet, no note.
    let out = report("long-lists-fits", Some(n + 1), "es");
    let (names, all) = sheets(&out);
    assert_eq!(parts(&names, "Incumplimientos"), ["Incumplimientos"]);
    let sheet = &all["Incumplimientos"];
    assert_eq!(sheet.len(), n + 1);
    assert_eq!(sheet[0][0], "Caso");
    // One row less: split, n - 2 rows on the first sheet, 2 on the
    // second.
    let out = report("long-lists-over", Some(n), "es");
    let (names, all) = sheets(&out);
    let got = parts(&names, "Incumplimientos");
    assert_eq!(got, ["Incumplimientos", "Incumplimientos (2)"]);
    assert_eq!(all["Incumplimientos"].len(), n);
    assert_eq!(all["Incumplimientos (2)"].len(), 4);
    assert_eq!(split_ids(&all, &got).0, breaches(&sla(&out)));
}

#[test]
fn composite_sheets_keep_their_lists_and_totals_when_split() {
    const LIMIT: usize = 12;
    let whole = sheets(&report("long-lists-whole", None, "es")).1;
    let out = report("long-lists-12", Some(LIMIT), "es");
    let (names, all) = sheets(&out);
    // "Suspensiones": the list on row 0, its totals and reasons after
    // the last row, on the last part.
    let got = parts(&names, "Suspensiones");
    let sheet = &whole["Suspensiones"];
    let n = ids(sheet, 1).len();
    let tail = &sheet[n + 1..];
    assert!(got.len() > 1, "{n} pauses split at {LIMIT}");
    assert_eq!(split_ids(&all, &got).0, ids(sheet, 1));
    let last = &all[got.last().unwrap()];
    assert_eq!(&last[last.len() - tail.len()..], tail);
    // "Encuestas": the period's comments, the last block of the sheet,
    // continue from the first sheet to its numbered ones.
    let title = "Comentarios del periodo";
    let at = |rows: &[Vec<String>]| {
        rows.iter()
            .position(|r| r[0] == title)
            .expect("comments title")
    };
    let sheet = &whole["Encuestas"];
    let want = ids(sheet, at(sheet) + 2);
    let got = parts(&names, "Encuestas");
    // The sheet's figures take more than 12 rows: no comment fits under
    // them, each numbered sheet takes 10.
    assert_eq!(got.len(), 1 + want.len().div_ceil(LIMIT - 2));
    let first = &all["Encuestas"];
    let mut seen = ids(first, at(first) + 3);
    for p in &got[1..] {
        assert!(all[p].len() <= LIMIT);
        seen.extend(ids(&all[p], 2));
    }
    assert_eq!(seen, want);
    // "Cierres": 205 lines under the figures, 10 on each numbered sheet
    // (none fits under the figures).
    let want = ids_under_header(&whole, &["Cierres".to_string()]);
    let got = parts(&names, "Cierres");
    assert_eq!(want.len(), 205);
    assert_eq!(got.len(), 1 + 205usize.div_ceil(LIMIT - 2));
    assert_eq!(ids_under_header(&all, &got), want);
    for p in &got[1..] {
        assert!(all[p].len() <= LIMIT, "{p}");
    }
    // "Escalamientos": its one escalation ends on row 11, under the
    // limit: the sheet stays whole, without a note.
    assert_eq!(whole["Escalamientos"].len(), 11);
    assert_eq!(parts(&names, "Escalamientos"), ["Escalamientos"]);
    assert_eq!(all["Escalamientos"], whole["Escalamientos"]);
}

#[test]
fn decisions_and_discounts_keep_their_rows_and_totals_when_split() {
    let s = root().join("samples/victimas/supervision");
    let policy = s.join("penalties.toml").display().to_string();
    let decisions = s.join("decisions.csv").display().to_string();
    let extra = ["--policy", &policy, "--decisions", &decisions];
    let whole = sheets(&report_with("long-lists-dec", None, "es", &extra)).1;
    let out = report_with("long-lists-dec-10", Some(10), "es", &extra);
    let (names, all) = sheets(&out);
    // "Decisiones": 5 decisions under a header on row 4, then a blank
    // row and one total per measure: 4 + 5 + 3 = 12 rows. Split, the
    // note and header (rows 4 and 5) and the 5 decisions fill the first
    // sheet's 10 rows; the totals go on a second sheet of their own,
    // under its note and header.
    let whole_dec = &whole["Decisiones"];
    let want = ids(whole_dec, 4);
    assert_eq!(want.len(), 5);
    assert_eq!(
        parts(&names, "Decisiones"),
        ["Decisiones", "Decisiones (2)"]
    );
    let first = &all["Decisiones"];
    assert_eq!(first.len(), 10);
    assert_eq!(first[3][0], note_es("Decisiones", 5, 2, 1));
    assert_eq!(ids(first, 5), want);
    let second = &all["Decisiones (2)"];
    assert_eq!(second[0][0], note_es("Decisiones", 5, 2, 2));
    assert_eq!(second[1], first[4]);
    assert_eq!(&second[3..], &whole_dec[whole_dec.len() - 2..]);
    // "Descuentos": the evidence, under the indicator table.
    let want = ids_under_header(&whole, &["Descuentos".to_string()]);
    let got = parts(&names, "Descuentos");
    assert!(got.len() > 1 && want.len() >= 10, "{} rows", want.len());
    assert_eq!(ids_under_header(&all, &got), want);
}

#[test]
fn english_notes_and_run_jobs_split_the_same_way() {
    let out = report("long-lists-en", Some(10), "en");
    let (names, all) = sheets(&out);
    let n = excluded(&sla(&out)).len();
    assert_eq!(parts(&names, "Excluded").len(), 3);
    assert_eq!(
        all["Excluded"][0][0],
        format!(
            "List of {n} rows over 3 sheets: Excluded, Excluded (2), \
             Excluded (3). This is sheet 1 of 3."
        )
    );
    // A `plazo run` job with `sheet_row_limit` writes the same workbook
    // sheets as `plazo report --sheet-row-limit`.
    let dir = tempdir("long-lists-run");
    let d = root().join("samples/victimas");
    let p = |f: &str| d.join(f).display().to_string();
    let jobs = format!(
        "[[job]]\nname = \"v\"\npolicy = \"{}\"\ntickets = \"{}\"\n\
         events = \"{}\"\nsurveys = \"{}\"\nperiod = \"2026-10\"\n\
         lang = \"en\"\nsheet_row_limit = 10\nout = \"out\"\n",
        p("policy.toml"),
        p("tickets.csv"),
        p("events.csv"),
        p("surveys.csv"),
    );
    std::fs::write(dir.join("jobs.toml"), jobs).unwrap();
    let (code, _, err) = run(&dir, &["-q", "run", "jobs.toml"]);
    assert_eq!(code, 0, "{err}");
    let (run_names, run_all) = sheets(&dir.join("out"));
    assert_eq!(run_names, names);
    assert_eq!(run_all["Breaches (2)"], all["Breaches (2)"]);
}

#[test]
fn a_limit_outside_the_range_is_refused() {
    let d = root().join("samples/victimas");
    let mut args = vec!["report".to_string()];
    args.extend(folder_args(&d));
    let dir = tempdir("long-lists-bad");
    args.extend(
        [
            "--period",
            "2026-10",
            "--out",
            "o",
            "--sheet-row-limit",
            "2",
        ]
        .map(String::from),
    );
    let a: Vec<&str> = args.iter().map(String::as_str).collect();
    let (code, _, err) = run(&dir, &a);
    assert_eq!(code, 2);
    assert_eq!(
        err.trim(),
        "plazo: --sheet-row-limit \"2\": debe ser un número entero entre 3 y \
         1048576 (filas por hoja, incluidas la nota y el encabezado); es una \
         opción de prueba: omítala para usar el límite de Excel"
    );
    assert!(!dir.join("o").exists(), "nothing written");
}

#[test]
fn whatif_changes_continue_on_numbered_sheets() {
    const LIMIT: usize = 10;
    let d = root().join("samples/victimas");
    let dir = tempdir("long-lists-whatif");
    let mut args: Vec<String> =
        ["-q", "whatif", "--policy"].map(String::from).to_vec();
    args.push(d.join("policy.toml").display().to_string());
    args.push("--policy".into());
    args.push(
        d.join("supervision/requerimiento-2bd.toml")
            .display()
            .to_string(),
    );
    for f in ["tickets", "events", "surveys"] {
        args.push(format!("--{f}"));
        args.push(d.join(format!("{f}.csv")).display().to_string());
    }
    args.extend(
        ["--period", "2026-10", "--label", "actual", "--label", "2d"]
            .map(String::from),
    );
    args.extend(["--sheet-row-limit", "10", "--out", "o"].map(String::from));
    let a: Vec<&str> = args.iter().map(String::as_str).collect();
    let (code, _, err) = run(&dir, &a);
    assert_eq!(code, 0, "{err}");
    let out = dir.join("o");
    // The flips, in the CSV's order (read with the csv crate).
    let want: Vec<String> = read_rows(&out.join("whatif-flips.csv"))
        .into_iter()
        .map(|r| r["ticket_id"].clone())
        .collect();
    let mut wb: Xlsx<_> =
        open_workbook(out.join("whatif-2026-10.xlsx")).unwrap();
    let names = wb.sheet_names();
    let base = "Cambios actual vs 2d";
    let got = parts(&names, base);
    let count = sheet_count(want.len(), LIMIT);
    assert!(count > 1, "{} flips", want.len());
    assert_eq!(got, expected_names(base, count));
    let mut all = BTreeMap::new();
    for n in &got {
        let range = wb.worksheet_range(n).unwrap();
        let rows: Vec<Vec<String>> =
            range.rows().map(|r| r.iter().map(text).collect()).collect();
        assert!(rows.len() <= LIMIT, "{n}");
        all.insert(n.clone(), rows);
    }
    let (ids, notes) = split_ids(&all, &got);
    assert_eq!(ids, want);
    assert_eq!(notes[0], note_es(base, want.len(), count, 1));
}
