//! Formula injection (issue 15, docs/ROBUSTNESS.md "Formula injection"):
//! a ticket titled `=HYPERLINK(...)`, a group `+cmd`, a category `-2+3`
//! and a technician `@SUM(A1)` stay text in the workbook (checked in the
//! sheets' XML: no `<f>` element, the cells are strings) and get a
//! leading `'` in every CSV output that carries free text, unless
//! `--csv-raw`; a plain number in a free-text column (`-3.5`) and the
//! numeric columns are left alone.

use std::io::Read;
use std::path::{Path, PathBuf};

use crate::util::{read_rows, root, run, tempdir};

const TITLE: &str = "=HYPERLINK(\"http://evil.example/?x\",\"clic\")";
const BAD_DATE: &str = "=cmd|' /C calc'!A0";

/// tests/data/sla's policy with two tickets of July 2026 and a third
/// whose opening is a formula (rejected). F1 (Alta: 8 h to solve) is
/// solved after 6 business days: a breach, listed with its title.
fn hostile(dir: &Path) -> PathBuf {
    let data = dir.join("data");
    std::fs::create_dir_all(&data).unwrap();
    std::fs::copy(
        root().join("tests/data/sla/policy.toml"),
        data.join("policy.toml"),
    )
    .unwrap();
    let q = |s: &str| format!("\"{}\"", s.replace('"', "\"\""));
    std::fs::write(
        data.join("tickets.csv"),
        format!(
            "ticket_id,opened_at,type,priority,category,group,assignee,title\n\
             F1,2026-07-01 08:00,Incidente,Alta,-2+3,+cmd,@SUM(A1),{}\n\
             F2,2026-07-02 09:00,Incidente,Alta,-3.5,Mesa N1,Ana,normal\n\
             F3,{},Incidente,Alta,Red,Mesa N1,Ana,x\n",
            q(TITLE),
            q(BAD_DATE),
        ),
    )
    .unwrap();
    std::fs::write(
        data.join("events.csv"),
        "ticket_id,at,status,group\n\
         F1,2026-07-01 08:30,En curso,+cmd\n\
         F1,2026-07-09 10:00,Resuelto,+cmd\n\
         F2,2026-07-02 09:10,En curso,Mesa N1\n\
         F2,2026-07-02 10:00,Resuelto,Mesa N1\n",
    )
    .unwrap();
    data
}

fn report(dir: &Path, data: &Path, out: &str, extra: &[&str]) {
    let p = |f: &str| data.join(f).display().to_string();
    let (policy, tickets, events) =
        (p("policy.toml"), p("tickets.csv"), p("events.csv"));
    let mut a = vec![
        "report",
        "--policy",
        &policy,
        "--tickets",
        &tickets,
        "--events",
        &events,
        "--period",
        "2026-07",
        "--out",
        out,
    ];
    a.extend_from_slice(extra);
    let (code, _, err) = run(dir, &a);
    assert_eq!(code, 0, "{err}");
}

/// The row of `ticket` in a CSV output.
fn row(
    rows: &[std::collections::BTreeMap<String, String>],
    ticket: &str,
) -> std::collections::BTreeMap<String, String> {
    rows.iter()
        .find(|r| r["ticket_id"] == ticket)
        .unwrap_or_else(|| panic!("no {ticket}"))
        .clone()
}

#[test]
fn free_text_is_guarded_in_every_csv_of_report_and_raw_with_csv_raw() {
    let dir = tempdir("formula-report");
    let data = hostile(&dir);
    report(&dir, &data, "inf", &[]);
    let out = dir.join("inf");
    let sla = read_rows(&out.join("sla.csv"));
    let f1 = row(&sla, "F1");
    assert_eq!(f1["group"], "'+cmd");
    assert_eq!(f1["category"], "'-2+3");
    assert_eq!(f1["assignee"], "'@SUM(A1)");
    assert_eq!(f1["resolution_met"], "false");
    // A plain number in a free-text column is not a formula.
    assert_eq!(row(&sla, "F2")["category"], "-3.5");
    // indicators.csv: the group's lines, named with the quote.
    let ind = read_rows(&out.join("indicators.csv"));
    let groups: Vec<&str> = ind
        .iter()
        .filter(|r| r["dimension"] == "group")
        .map(|r| r["group"].as_str())
        .collect();
    assert!(groups.contains(&"'+cmd"), "{groups:?}");
    assert!(!groups.contains(&"+cmd"), "{groups:?}");
    // escalations.csv: level 0 of F1 is held by "+cmd".
    let esc = read_rows(&out.join("escalations.csv"));
    assert_eq!(row(&esc, "F1")["group"], "'+cmd");
    // rejects.csv: the unreadable opening is itself a formula.
    let rej = read_rows(&out.join("rejects.csv"));
    assert_eq!(rej.len(), 1, "{rej:?}");
    assert_eq!(rej[0]["value"], format!("'{BAD_DATE}"));
    assert_eq!(rej[0]["line"], "4");

    report(&dir, &data, "raw", &["--csv-raw"]);
    let raw = dir.join("raw");
    let f1 = row(&read_rows(&raw.join("sla.csv")), "F1");
    assert_eq!(f1["group"], "+cmd");
    assert_eq!(f1["category"], "-2+3");
    assert_eq!(f1["assignee"], "@SUM(A1)");
    assert_eq!(read_rows(&raw.join("rejects.csv"))[0]["value"], BAD_DATE);
    // The guard changes only those cells: the rest of sla.csv is equal.
    let a = std::fs::read_to_string(out.join("sla.csv")).unwrap();
    let b = std::fs::read_to_string(raw.join("sla.csv")).unwrap();
    assert_eq!(a.replace('\'', ""), b);
}

/// Every part of the xlsx zip whose name starts with `prefix`, as text.
fn parts(xlsx: &Path, prefix: &str) -> Vec<(String, String)> {
    let f = std::fs::File::open(xlsx).unwrap();
    let mut z = zip::ZipArchive::new(f).unwrap();
    let mut out = Vec::new();
    for i in 0..z.len() {
        let mut e = z.by_index(i).unwrap();
        if e.name().starts_with(prefix) {
            let mut s = String::new();
            e.read_to_string(&mut s).unwrap();
            out.push((e.name().to_string(), s));
        }
    }
    out
}

/// The text of every `<t>` element in `xml`, joined (rich text runs
/// included), XML escapes undone.
fn t_text(xml: &str) -> String {
    let mut out = String::new();
    let mut rest = xml;
    while let Some(i) = rest.find("<t") {
        let after = &rest[i + 2..];
        // `<t>` or `<t xml:space="preserve">`, not `<tableParts>`.
        if !(after.starts_with('>') || after.starts_with(' ')) {
            rest = after;
            continue;
        }
        let open = after.find('>').unwrap() + 1;
        let close = after.find("</t>").unwrap();
        out.push_str(&after[open..close]);
        rest = &after[close..];
    }
    out.replace("&quot;", "\"")
        .replace("&apos;", "'")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&")
}

/// The `<si>` entries of the shared-strings table, in order.
fn shared_strings(xml: &str) -> Vec<String> {
    xml.split("<si>").skip(1).map(t_text).collect()
}

/// Every cell of a sheet: (its `t` attribute, its text, whether it has a
/// formula); string cells resolved through `shared`.
fn cells(xml: &str, shared: &[String]) -> Vec<(String, String, bool)> {
    let mut out = Vec::new();
    for chunk in xml.split("<c ").skip(1) {
        let head_end = chunk.find('>').unwrap();
        let head = &chunk[..head_end];
        let body = match chunk.find("</c>") {
            Some(e) if !head.ends_with('/') => &chunk[head_end + 1..e],
            _ => "",
        };
        let t = head
            .split("t=\"")
            .nth(1)
            .map(|v| v[..v.find('"').unwrap()].to_string())
            .unwrap_or_default();
        let formula = body.contains("<f>") || body.contains("<f ");
        let text = match t.as_str() {
            "s" => {
                let v = body.split("<v>").nth(1).unwrap();
                let i: usize = v[..v.find("</v>").unwrap()].parse().unwrap();
                shared[i].clone()
            }
            "inlineStr" | "str" => t_text(body),
            _ => String::new(),
        };
        out.push((t, text, formula));
    }
    out
}

#[test]
fn the_workbook_writes_formula_like_text_as_strings() {
    let dir = tempdir("formula-xlsx");
    let data = hostile(&dir);
    report(&dir, &data, "inf", &[]);
    let xlsx = dir.join("inf/informe-2026-07.xlsx");
    let sheets = parts(&xlsx, "xl/worksheets/sheet");
    assert!(sheets.len() > 5, "{}", sheets.len());
    let shared = parts(&xlsx, "xl/sharedStrings.xml")
        .first()
        .map(|(_, x)| shared_strings(x))
        .unwrap_or_default();
    let mut found = std::collections::BTreeMap::new();
    for (name, xml) in &sheets {
        for (t, text, formula) in cells(xml, &shared) {
            // plazo writes no formula at all: any would be injected.
            assert!(!formula, "{name}: a formula cell ({text:?})");
            for needle in [TITLE, "+cmd", "@SUM(A1)", "-2+3"] {
                if text == needle {
                    // A string cell (shared or inline), the value itself,
                    // with no quote added.
                    assert!(
                        t == "s" || t == "inlineStr",
                        "{name}: {needle:?} in a cell of type {t:?}"
                    );
                    *found.entry(needle).or_insert(0) += 1;
                }
            }
        }
    }
    // Each value is shown somewhere (the title in the breach list).
    for needle in [TITLE, "+cmd", "@SUM(A1)", "-2+3"] {
        assert!(
            found.contains_key(needle),
            "{needle:?} not found: {found:?}"
        );
    }
}

#[test]
fn sla_and_ingest_guard_their_csv_outputs_too() {
    let dir = tempdir("formula-sla");
    let data = hostile(&dir);
    let p = |f: &str| data.join(f).display().to_string();
    let (policy, tickets, events) =
        (p("policy.toml"), p("tickets.csv"), p("events.csv"));
    let (code, _, err) = run(
        &dir,
        &[
            "sla",
            "--policy",
            &policy,
            "--tickets",
            &tickets,
            "--events",
            &events,
            "--cutoff",
            "2026-07-31 23:59",
            "--out",
            "o.csv",
        ],
    );
    assert_eq!(code, 0, "{err}");
    assert_eq!(row(&read_rows(&dir.join("o.csv")), "F1")["group"], "'+cmd");
    let rej = read_rows(&dir.join("o.rejects.csv"));
    assert_eq!(rej[0]["value"], format!("'{BAD_DATE}"));

    // ingest: the rejects are guarded; the canonical tables are plazo's
    // input format and keep the export's text exactly.
    let g = dir.join("g.csv");
    std::fs::write(
        &g,
        format!(
            "\"ID\";\"Título\";\"Estado\";\"Fecha de Apertura\";\n\
             \"1\";\"{}\";\"Nuevo\";\"2026-07-01 08:00\";\n\
             \"2\";\"b\";\"Nuevo\";\"=1+1\";\n",
            TITLE.replace('"', "\"\"")
        ),
    )
    .unwrap();
    let (code, _, err) = run(
        &dir,
        &[
            "ingest",
            "--source",
            "glpi-csv",
            "--timezone",
            "America/Bogota",
            "--date-format",
            "iso",
            "--input",
            g.to_str().unwrap(),
            "--out",
            "ing",
        ],
    );
    assert_eq!(code, 0, "{err}");
    let rej = read_rows(&dir.join("ing/rejects.csv"));
    assert_eq!(rej[0]["value"], "'=1+1");
    let t = read_rows(&dir.join("ing/tickets.csv"));
    assert_eq!(row(&t, "1")["title"], TITLE);
}
