//! `plazo whatif` (issue 16, part 2): one data set under two policies,
//! and the printable explain (`plazo explain --out`). The sample change
//! is `samples/victimas/supervision/requerimiento-2bd.toml`: the
//! Requerimiento resolution target 3 business days -> 2 (Mon-Fri
//! 08:00-17:00: 27 h -> 18 h). Expected values are counted from the two
//! `plazo sla` tables of the same data (an independent path: no
//! comparison code), or worked out by hand from the sample's events.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use calamine::{Data, Reader, Xlsx, open_workbook};

use crate::util::{read_rows, root, run, tempdir};

const CUTOFF: &str = "2026-10-31 23:59:59";

fn sample() -> PathBuf {
    root().join("samples/victimas")
}

fn s(p: &Path) -> String {
    p.display().to_string()
}

/// The data flags of the Víctimas sample, without the policy.
fn tables() -> Vec<String> {
    let d = sample();
    [
        ("--tickets", "tickets.csv"),
        ("--events", "events.csv"),
        ("--surveys", "surveys.csv"),
    ]
    .iter()
    .flat_map(|(f, n)| [f.to_string(), s(&d.join(n))])
    .collect()
}

/// `plazo whatif` on the sample with `policies` (and `extra` flags) into
/// a fresh folder: (exit code, stderr, folder).
fn whatif(
    name: &str,
    policies: &[PathBuf],
    extra: &[&str],
) -> (i32, String, PathBuf) {
    let out = tempdir(name);
    let mut args = vec!["whatif".to_string()];
    for p in policies {
        args.extend(["--policy".to_string(), s(p)]);
    }
    args.extend(tables());
    args.extend(extra.iter().map(|x| x.to_string()));
    args.extend(["--out".to_string(), s(&out)]);
    let a: Vec<&str> = args.iter().map(String::as_str).collect();
    let (code, _, err) = run(&out, &a);
    (code, err, out)
}

fn base() -> PathBuf {
    sample().join("policy.toml")
}

fn two_days() -> PathBuf {
    sample().join("supervision/requerimiento-2bd.toml")
}

/// The sample comparison, run once: labels `actual` and `2d`.
fn compared() -> &'static (String, PathBuf) {
    static RUN: OnceLock<(String, PathBuf)> = OnceLock::new();
    RUN.get_or_init(|| {
        let (code, err, out) = whatif(
            "sample",
            &[base(), two_days()],
            &["--period", "2026-10", "--label", "actual", "--label", "2d"],
        );
        assert_eq!(code, 0, "{err}");
        (err, out)
    })
}

/// `plazo sla` under `policy` at the October cutoff, as rows by ticket.
fn sla(
    policy: &Path,
    name: &str,
) -> BTreeMap<String, BTreeMap<String, String>> {
    let dir = tempdir(name);
    let out = dir.join("sla.csv");
    let mut args = vec!["sla".to_string(), "--policy".into(), s(policy)];
    args.extend(tables());
    args.extend(["--cutoff".into(), CUTOFF.into(), "--out".into(), s(&out)]);
    let a: Vec<&str> = args.iter().map(String::as_str).collect();
    let (code, _, err) = run(&dir, &a);
    assert_eq!(code, 0, "{err}");
    read_rows(&out)
        .into_iter()
        .map(|r| (r["ticket_id"].clone(), r))
        .collect()
}

/// A measure's verdict as read from an `sla.csv` row: `excluded` for any
/// reason but `no_target`, else `met`, `breached` or `none`.
fn verdict(r: &BTreeMap<String, String>, measure: &str) -> &'static str {
    let reason = r["excluded_reason"].as_str();
    if !reason.is_empty() && reason != "no_target" {
        return "excluded";
    }
    match r[&format!("{measure}_met")].as_str() {
        "true" => "met",
        "false" => "breached",
        _ => "none",
    }
}

/// Completed in October 2026 (the instants carry Bogotá's offset, so
/// the local month is the text's).
fn in_october(r: &BTreeMap<String, String>, measure: &str) -> bool {
    let col = if measure == "response" {
        "responded_at"
    } else {
        "solved_at"
    };
    r[col].starts_with("2026-10")
}

/// (ticket, measure, verdict A, verdict B) for every measure completed in
/// October under either policy whose verdict differs, from two `plazo
/// sla` tables.
fn flips_from_sla() -> BTreeSet<(String, String, String, String)> {
    let (a, b) = (sla(&base(), "sla-a"), sla(&two_days(), "sla-b"));
    let mut out = BTreeSet::new();
    for (id, ra) in &a {
        let rb = &b[id];
        for m in ["response", "resolution"] {
            if !(in_october(ra, m) || in_october(rb, m)) {
                continue;
            }
            let (va, vb) = (verdict(ra, m), verdict(rb, m));
            if va != vb {
                out.insert((id.clone(), m.into(), va.into(), vb.into()));
            }
        }
    }
    out
}

#[test]
fn a_policy_against_itself_changes_nothing() {
    let (code, err, out) = whatif(
        "same",
        &[base(), base()],
        &["--period", "2026-10", "--label", "a", "--label", "b"],
    );
    assert_eq!(code, 0, "{err}");
    let flips = std::fs::read_to_string(out.join("whatif-flips.csv")).unwrap();
    assert_eq!(flips.lines().count(), 1, "only the header: {flips}");
    let rows = read_rows(&out.join("whatif-indicators.csv"));
    assert!(rows.len() > 100);
    for r in &rows {
        assert_eq!(r["value_a"], r["value_b"], "{r:?}");
        let d = &r["difference"];
        assert!(d.is_empty() || d == "0", "{r:?}");
    }
    assert!(err.contains("0 cambios de veredicto"), "{err}");
}

/// The flips of `whatif-flips.csv` are exactly those counted from two
/// `plazo sla` runs; 11, all Requerimientos going from met to breached
/// (a shorter target can only break a met one).
#[test]
fn flips_are_the_differences_of_two_sla_tables() {
    let (err, out) = compared();
    let want = flips_from_sla();
    let got: BTreeSet<(String, String, String, String)> =
        read_rows(&out.join("whatif-flips.csv"))
            .into_iter()
            .map(|r| {
                assert_eq!(r["type"], "Requerimiento", "{r:?}");
                (
                    r["ticket_id"].clone(),
                    r["measure"].clone(),
                    r["verdict_a"].clone(),
                    r["verdict_b"].clone(),
                )
            })
            .collect();
    assert_eq!(got, want);
    assert_eq!(want.len(), 11);
    assert!(
        want.iter()
            .all(|f| f.1 == "resolution" && f.2 == "met" && f.3 == "breached")
    );
    assert!(
        err.contains("11 cambios de veredicto (11 de cumple a no cumple, 0 de no cumple a cumple, 0 otros)"),
        "{err}"
    );
}

/// UV-9229 by hand. Opened Saturday 26 September 06:25, so the clock
/// starts Monday 08:00: Registrado 08:00-08:34:16 (0:34:16), En proceso
/// to Tuesday 08:32:40 (8:25:44 + 0:32:40 = 8:58:24), Suspendido to
/// Wednesday 09:35:30 (paused), En proceso to Thursday 1 October
/// 09:33:54 (7:24:30 + 1:33:54 = 8:58:24), Solucionado: 18:31:04 =
/// 66 664 s, within 3 business days (27 h = 97 200 s), over 2 (18 h =
/// 64 800 s).
#[test]
fn one_flip_checked_by_hand_and_both_csv_headers() {
    let (_, out) = compared();
    let text = std::fs::read_to_string(out.join("whatif-flips.csv")).unwrap();
    let mut lines = text.lines();
    assert_eq!(
        lines.next().unwrap(),
        "policy_a,policy_b,ticket_id,measure,verdict_a,verdict_b,business_s_a,business_s_b,target_s_a,target_s_b,excluded_a,excluded_b,type,priority,category,group"
    );
    let hms = 18 * 3600 + 31 * 60 + 4;
    assert_eq!(hms, 66_664);
    let row = format!(
        "actual,2d,UV-9229,resolution,met,breached,{hms},{hms},{},{},,,Requerimiento,Alta,Conectividad,Nivel 1 Mesa",
        27 * 3600,
        18 * 3600
    );
    assert!(lines.any(|l| l == row), "{row} not in\n{text}");
    let text =
        std::fs::read_to_string(out.join("whatif-indicators.csv")).unwrap();
    assert_eq!(
        text.lines().next().unwrap(),
        "policy_a,policy_b,period,dimension,group,indicator,value_a,value_b,difference"
    );
    // Resolution compliance from sla.csv: the tickets solved in October
    // and not excluded with a verdict; B loses the 11 flips.
    let (met, den) = compliance(&sla(&base(), "sla-c"));
    assert_eq!((met, den), (204, 271));
    let (met_b, den_b) = compliance(&sla(&two_days(), "sla-d"));
    assert_eq!((met_b, den_b), (204 - 11, 271));
    let row = text
        .lines()
        .find(|l| {
            l.starts_with(
                "actual,2d,2026-10,all,all,resolution_compliance_pct,",
            )
        })
        .unwrap();
    let v: Vec<f64> =
        row.split(',').skip(6).map(|x| x.parse().unwrap()).collect();
    let (a, b) = (100.0 * 204.0 / 271.0, 100.0 * 193.0 / 271.0);
    assert!((v[0] - a).abs() < 1e-9 && (v[1] - b).abs() < 1e-9, "{row}");
    assert!((v[2] - (b - a)).abs() < 1e-9, "{row}");
}

/// (met, with a verdict) of the resolutions solved in October and not
/// excluded.
fn compliance(
    rows: &BTreeMap<String, BTreeMap<String, String>>,
) -> (u32, u32) {
    let mut n = (0, 0);
    for r in rows.values() {
        if in_october(r, "resolution") && r["excluded_reason"].is_empty() {
            match r["resolution_met"].as_str() {
                "true" => n = (n.0 + 1, n.1 + 1),
                "false" => n.1 += 1,
                _ => {}
            }
        }
    }
    n
}

fn cell(r: &calamine::Range<Data>, row: u32, col: u32) -> Data {
    r.get_value((row, col)).cloned().unwrap_or(Data::Empty)
}

fn text_of(d: &Data) -> String {
    match d {
        Data::String(s) => s.clone(),
        Data::Empty => String::new(),
        other => other.to_string(),
    }
}

#[test]
fn workbook_sheets_and_values() {
    let (_, out) = compared();
    let mut wb: Xlsx<_> =
        open_workbook(out.join("whatif-2026-10.xlsx")).unwrap();
    assert_eq!(
        wb.sheet_names(),
        ["Indicadores actual vs 2d", "Cambios actual vs 2d"]
    );
    let ind = wb.worksheet_range("Indicadores actual vs 2d").unwrap();
    assert_eq!(text_of(&cell(&ind, 0, 3)), "actual");
    assert_eq!(text_of(&cell(&ind, 0, 5)), "Diferencia (2d − actual)");
    let k = (1..ind.height() as u32)
        .find(|&k| {
            text_of(&cell(&ind, k, 0)) == "Todos"
                && text_of(&cell(&ind, k, 2)) == "% solución dentro del ANS"
        })
        .expect("resolution compliance row");
    let num = |c| match cell(&ind, k, c) {
        Data::Float(f) => f,
        other => panic!("{other:?}"),
    };
    // Stored as fractions (0.0%).
    assert!((num(3) - 204.0 / 271.0).abs() < 1e-12);
    assert!((num(4) - 193.0 / 271.0).abs() < 1e-12);
    assert!((num(5) + 11.0 / 271.0).abs() < 1e-12);
    // The priorities by severity, not by name.
    let mut prio: Vec<String> = Vec::new();
    for k in 1..ind.height() as u32 {
        let g = text_of(&cell(&ind, k, 1));
        if text_of(&cell(&ind, k, 0)) == "Prioridad" && !prio.contains(&g) {
            prio.push(g);
        }
    }
    assert_eq!(prio, ["Alta", "Media", "Baja"]);
    let ch = wb.worksheet_range("Cambios actual vs 2d").unwrap();
    assert_eq!(ch.height(), 12, "header and the 11 flips");
    let k = (1..12)
        .find(|&k| text_of(&cell(&ch, k, 0)) == "UV-9229")
        .unwrap();
    let row: Vec<String> = (0..9).map(|c| text_of(&cell(&ch, k, c))).collect();
    assert_eq!(
        row,
        [
            "UV-9229",
            "Punto de red sin servicio",
            "Requerimiento",
            "Alta",
            "Conectividad",
            "Nivel 1 Mesa",
            "Solución",
            "Cumple",
            "No cumple"
        ]
    );
    // Durations as days: 18:31:04, targets 27 h and 18 h.
    let days = |c| match cell(&ch, k, c) {
        Data::DateTime(x) => x.as_f64(),
        other => panic!("{other:?}"),
    };
    assert!((days(9) - 66_664.0 / 86_400.0).abs() < 1e-12);
    assert!((days(11) - 27.0 / 24.0).abs() < 1e-12);
    assert!((days(12) - 18.0 / 24.0).abs() < 1e-12);
}

/// Without --label the file stems name the sheets, cut to Excel's 31
/// characters: "Indicadores " (12) + "policy" (6) + " vs " (4) leaves 9
/// for "requerimiento-2bd": "requerim…".
#[test]
fn default_labels_are_the_file_stems_cut_to_fit() {
    let (code, err, out) =
        whatif("stems", &[base(), two_days()], &["--period", "2026-10"]);
    assert_eq!(code, 0, "{err}");
    let wb: Xlsx<_> = open_workbook(out.join("whatif-2026-10.xlsx")).unwrap();
    assert_eq!(
        wb.sheet_names(),
        [
            "Indicadores policy vs requerim…",
            "Cambios policy vs requerimient…"
        ]
    );
    let rows = read_rows(&out.join("whatif-flips.csv"));
    assert_eq!(rows[0]["policy_b"], "requerimiento-2bd");
}

#[test]
fn bad_usage_exits_2() {
    let (code, err, _) = whatif("one", &[base()], &["--period", "2026-10"]);
    assert_eq!(code, 2);
    assert_eq!(
        err.trim(),
        "plazo: plazo whatif compara políticas: indique --policy al menos dos veces (--policy A.toml --policy B.toml); recibió 1"
    );
    // Both files are called policy.toml: the same default label.
    let other = tempdir("other-policy").join("policy.toml");
    std::fs::copy(base(), &other).unwrap();
    let (code, err, _) = whatif(
        "same-label",
        &[base(), other.clone()],
        &["--period", "2026-10"],
    );
    assert_eq!(code, 2);
    assert_eq!(
        err.trim(),
        format!(
            "plazo: dos políticas con la misma etiqueta \"policy\" ({} y {}): dé a cada una la suya con --label (una por --policy, en el mismo orden)",
            base().display(),
            other.display()
        )
    );
    let (code, err, _) = whatif(
        "same-given",
        &[base(), two_days()],
        &["--period", "2026-10", "--label", "x", "--label", "x"],
    );
    assert_eq!(code, 2);
    assert!(err.contains("misma etiqueta \"x\""), "{err}");
    let (code, err, _) = whatif(
        "label-count",
        &[base(), two_days()],
        &["--period", "2026-10", "--label", "x", "--lang", "en"],
    );
    assert_eq!(code, 2);
    assert_eq!(
        err.trim(),
        "plazo: --label: 1 labels for 2 policies; give one --label per --policy, in the same order, or none (each file's name is used)"
    );
}

// ------------------------------------------------------------ explain --out

/// `plazo explain` on the sample at the October report's cutoff with
/// `extra`: (exit code, stdout, stderr).
fn explain(dir: &Path, extra: &[&str]) -> (i32, String, String) {
    let mut args = vec!["explain".to_string(), "--policy".into(), s(&base())];
    args.extend(tables());
    args.extend(["--period".into(), "2026-10".into()]);
    args.extend(extra.iter().map(|x| x.to_string()));
    let a: Vec<&str> = args.iter().map(String::as_str).collect();
    run(dir, &a)
}

/// The breach list counted from `sla.csv` (docs/INDICATORS.md: not
/// excluded, and a measure breached and completed in October, or
/// unfinished and overdue at the cutoff).
fn breaches_from_sla() -> BTreeSet<String> {
    sla(&base(), "sla-e")
        .into_iter()
        .filter(|(_, r)| {
            let finished = |m: &str| {
                r[&format!("{m}_met")] == "false" && in_october(r, m)
            };
            r["excluded_reason"].is_empty()
                && (finished("response")
                    || finished("resolution")
                    || r["response_class"] == "breached"
                    || r["resolution_class"] == "breached")
        })
        .map(|(id, _)| id)
        .collect()
}

#[test]
fn printable_explain_of_the_breaches_has_a_sheet_per_ticket() {
    let dir = tempdir("explain-breaches");
    let book = dir.join("incumplimientos.xlsx");
    let (code, _, err) =
        explain(&dir, &["--tickets-from", "breaches", "--out", &s(&book)]);
    assert_eq!(code, 0, "{err}");
    assert!(
        err.contains("102 explicaciones escritas"),
        "the README's 102 breaches: {err}"
    );
    let wb: Xlsx<_> = open_workbook(&book).unwrap();
    let names: BTreeSet<String> = wb.sheet_names().into_iter().collect();
    assert_eq!(names.len(), 102);
    assert_eq!(names, breaches_from_sla());
}

/// The sheet of one ticket holds `plazo explain`'s text: its header
/// lines, then each table row cell by cell (the text's row, its padding
/// collapsed), then the verdict lines.
#[test]
fn printable_explain_rows_are_the_text_rows() {
    let dir = tempdir("explain-one");
    let (code, text, err) = explain(&dir, &["--ticket", "UV-90008"]);
    assert_eq!(code, 0, "{err}");
    let list = dir.join("list.txt");
    std::fs::write(&list, "# revisión\nUV-90008\n\n").unwrap();
    let book = dir.join("uno.xlsx");
    let (code, _, err) =
        explain(&dir, &["--tickets-from", &s(&list), "--out", &s(&book)]);
    assert_eq!(code, 0, "{err}");
    let mut wb: Xlsx<_> = open_workbook(&book).unwrap();
    assert_eq!(wb.sheet_names(), ["UV-90008"]);
    let r = wb.worksheet_range("UV-90008").unwrap();
    // The sheet's rows as text: cells joined by one space, empty rows
    // empty.
    let sheet: Vec<String> = (0..r.height() as u32)
        .map(|k| {
            (0..r.width() as u32)
                .map(|c| text_of(&cell(&r, k, c)))
                .filter(|v| !v.is_empty())
                .collect::<Vec<_>>()
                .join(" ")
        })
        .collect();
    // The text's lines, padding collapsed, the dashes under the titles
    // dropped.
    let collapse =
        |l: &str| l.split_whitespace().collect::<Vec<_>>().join(" ");
    let want: Vec<String> = text
        .lines()
        .filter(|l| !(l.starts_with("---") && l.chars().all(|c| c == '-')))
        .map(collapse)
        .collect();
    let sheet: Vec<String> = sheet.iter().map(|l| collapse(l)).collect();
    assert_eq!(sheet, want);
    // Four holders' rows and the status changes of the README: the
    // timeline has the escalations to level 2 and 3.
    assert!(sheet.iter().any(|l| l.contains("Nivel 3 Proveedores")));
}

#[test]
fn printable_explain_bad_usage() {
    let dir = tempdir("explain-bad");
    let mut args = vec!["explain".to_string(), "--policy".into(), s(&base())];
    args.extend(tables());
    args.extend(
        ["--tickets-from", "at-risk", "--out", "x.xlsx"].map(String::from),
    );
    let a: Vec<&str> = args.iter().map(String::as_str).collect();
    let (code, _, err) = run(&dir, &a);
    assert_eq!(code, 2);
    assert_eq!(
        err.trim(),
        "plazo: --tickets-from at-risk: la lista es la del informe de un periodo; indique --period (p. ej. --period 2026-10)"
    );
    let (code, _, err) =
        explain(&dir, &["--ticket", "UV-90008", "--out", "x.pdf"]);
    assert_eq!(code, 2);
    assert_eq!(
        err.trim(),
        "plazo: --out x.pdf: la explicación imprimible es un libro de Excel; use un nombre terminado en .xlsx"
    );
    let list = dir.join("l.txt");
    std::fs::write(&list, "UV-90008\nUV-0\n").unwrap();
    let (code, _, err) =
        explain(&dir, &["--tickets-from", &s(&list), "--out", "x.xlsx"]);
    assert_eq!(code, 2);
    assert_eq!(
        err.trim(),
        format!(
            "plazo: {}, línea 2: el ticket \"UV-0\" no está en {}; corrija la lista (un ticket_id por línea)",
            list.display(),
            sample().join("tickets.csv").display()
        )
    );
    assert!(!dir.join("x.xlsx").exists());
}

/// The workbook's sheet XML parts (in sheet order) and `workbook.xml`.
fn xml_parts(path: &Path) -> (Vec<String>, String) {
    use std::io::Read;
    let mut z =
        zip::ZipArchive::new(std::fs::File::open(path).unwrap()).unwrap();
    let mut read = |name: &str| {
        let mut s = String::new();
        z.by_name(name).unwrap().read_to_string(&mut s).unwrap();
        s
    };
    let book = read("xl/workbook.xml");
    let n = book.matches("<sheet ").count();
    let sheets = (1..=n)
        .map(|k| read(&format!("xl/worksheets/sheet{k}.xml")))
        .collect();
    (sheets, book)
}

/// Printed like the report's lists (docs/PRINTING.md): Letter,
/// landscape, one page wide, the header row on every page.
#[test]
fn whatif_and_explain_sheets_print_one_page_wide_with_titles() {
    let landscape_width = |sheet: &str| {
        sheet.contains("<pageSetUpPr fitToPage=\"1\"/>")
            && sheet.contains(
                "<pageSetup paperSize=\"1\" fitToHeight=\"0\" orientation=\"landscape\"",
            )
    };
    let (_, out) = compared();
    let (sheets, book) = xml_parts(&out.join("whatif-2026-10.xlsx"));
    assert_eq!(sheets.len(), 2);
    assert!(sheets.iter().all(|s| landscape_width(s)));
    for name in ["Indicadores actual vs 2d", "Cambios actual vs 2d"] {
        let titles = format!("'{name}'!$1:$1</definedName>");
        assert!(book.contains(&titles), "{titles} in {book}");
    }
    // UV-90008's text: its header lines, a blank line, then the table's
    // titles, on the sheet's row (1-based) header + 2.
    let dir = tempdir("explain-print");
    let (code, text, err) = explain(&dir, &["--ticket", "UV-90008"]);
    assert_eq!(code, 0, "{err}");
    let header = text.lines().take_while(|l| !l.is_empty()).count();
    let book_path = dir.join("uno.xlsx");
    let (code, stdout, err) =
        explain(&dir, &["--ticket", "UV-90008", "--out", &s(&book_path)]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(stdout, "", "the text goes to the workbook, not stdout");
    let (sheets, book) = xml_parts(&book_path);
    assert_eq!(sheets.len(), 1);
    assert!(landscape_width(&sheets[0]));
    let row = header + 2;
    let titles = format!("'UV-90008'!${row}:${row}</definedName>");
    assert!(book.contains(&titles), "{titles} in {book}");
}

/// The other usage errors, each before a table is read (exit 2), and an
/// empty list (exit 1, nothing written).
#[test]
fn more_errors_pinned() {
    let dir = tempdir("more-errors");
    let file = dir.join("out.txt");
    std::fs::write(&file, "").unwrap();
    let mut args = vec!["whatif".to_string()];
    for p in [base(), two_days()] {
        args.extend(["--policy".to_string(), s(&p)]);
    }
    args.extend(tables());
    args.extend(["--period".into(), "2026-10".into()]);
    let with = |extra: &[&str]| {
        let mut a = args.clone();
        a.extend(extra.iter().map(|x| x.to_string()));
        let a: Vec<&str> = a.iter().map(String::as_str).collect();
        run(&dir, &a)
    };
    let (code, _, err) = with(&["--out", &s(&file)]);
    assert_eq!(code, 2);
    assert_eq!(
        err.trim(),
        format!(
            "plazo: --out {}: es un archivo; plazo whatif escribe una carpeta (se crea si no existe)",
            file.display()
        )
    );
    let (code, _, err) = with(&["--label", " ", "--label", "b", "--out", "o"]);
    assert_eq!(code, 2);
    assert_eq!(
        err.trim(),
        "plazo: --label \" \": una etiqueta no puede estar vacía; use un nombre corto (p. ej. --label actual)"
    );
    // The same policy in Lima's zone.
    let lima = dir.join("lima.toml");
    let text = std::fs::read_to_string(base()).unwrap().replace(
        "timezone = \"America/Bogota\"",
        "timezone = \"America/Lima\"",
    );
    std::fs::write(&lima, text).unwrap();
    let mut a = vec!["whatif".to_string(), "--policy".into(), s(&base())];
    a.extend(["--policy".into(), s(&lima)]);
    a.extend(tables());
    a.extend(["--period", "2026-10", "--out", "o"].map(String::from));
    let a: Vec<&str> = a.iter().map(String::as_str).collect();
    let (code, _, err) = run(&dir, &a);
    assert_eq!(code, 2);
    assert_eq!(
        err.trim(),
        format!(
            "plazo: {} (America/Bogota) y {} (America/Lima): las políticas comparadas deben tener la misma zona horaria (timezone), para medir el mismo periodo",
            base().display(),
            lima.display()
        )
    );
    assert!(!dir.join("o").exists());
    let list = dir.join("vacia.txt");
    std::fs::write(&list, "# nada\n\n").unwrap();
    let (code, _, err) =
        explain(&dir, &["--tickets-from", &s(&list), "--out", "v.xlsx"]);
    assert_eq!(code, 1);
    assert_eq!(
        err.lines().last().unwrap(),
        format!(
            "plazo: --tickets-from {}: ningún ticket que explicar; no se escribió v.xlsx",
            list.display()
        )
    );
    assert!(!dir.join("v.xlsx").exists());
}
