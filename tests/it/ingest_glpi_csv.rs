//! `plazo ingest --source glpi-csv`: hand-written exports in GLPI's exact
//! formats, and the real GLPI 10.0.5 es_CO export checked against the
//! database dump of the same tickets.

use std::collections::BTreeMap;

use crate::util::{dataset, fixture, glpi_csv, read_rows, tempdir};

fn ingest(name: &str, extra: &[&str]) -> (i32, String, std::path::PathBuf) {
    let dir = tempdir(name);
    let (code, err) = glpi_csv(&dir, &fixture(name), "out", extra);
    (code, err, dir.join("out"))
}

#[test]
fn glpi10_es_co_quirks() {
    let (code, err, out) = ingest("glpi10_es_CO_dmy.csv", &["--lang", "en"]);
    assert_eq!(code, 0, "{err}");
    // 4 rows: "1 204" and "7" accepted, "8" (31 February) rejected, the
    // second "7" identical to the first: merged.
    assert!(
        err.contains(
            "4 rows read, 2 accepted, 1 rejected, 1 duplicates merged"
        ),
        "{err}"
    );
    assert!(err.contains("no status history"), "{err}");
    let t = read_rows(&out.join("tickets.csv"));
    assert_eq!(t.len(), 2);
    // Non-breaking-space thousands separator removed from the id.
    assert_eq!(t[0]["ticket_id"], "1204");
    assert_eq!(t[0]["opened_at"], "2026-01-13T08:05:00-05:00");
    // '' is GLPI 10's writing of an embedded double quote.
    assert_eq!(t[0]["title"], "Pantalla \"azul\"");
    assert_eq!(t[0]["assignee"], "Gómez Laura; Ramírez Carlos");
    assert_eq!(t[0]["solvedate"], "2026-01-14T10:30:00-05:00");
    assert_eq!(t[1]["title"], "Línea 1\nLínea 2");
    assert_eq!(t[1]["opened_at"], "2026-02-02T16:45:00-05:00");
    let e = read_rows(&out.join("events.csv"));
    let got: Vec<(&str, &str, &str)> = e
        .iter()
        .map(|r| {
            (
                r["ticket_id"].as_str(),
                r["at"].as_str(),
                r["status"].as_str(),
            )
        })
        .collect();
    assert_eq!(
        got,
        [
            ("1204", "2026-01-13T08:05:00-05:00", "1"),
            ("1204", "2026-01-14T10:30:00-05:00", "5"),
            ("1204", "2026-01-15T09:00:00-05:00", "6"),
            ("7", "2026-02-02T16:45:00-05:00", "1"),
        ]
    );
    let rj = read_rows(&out.join("rejects.csv"));
    assert_eq!(rj.len(), 1);
    assert_eq!(rj[0]["line"], "5"); // line 3 holds a 2-line cell
    assert_eq!(rj[0]["column"], "Fecha de Apertura");
    assert_eq!(rj[0]["value"], "31-02-2026 10:00");
}

#[test]
fn glpi11_english_month_first_and_crlf() {
    let (code, err, out) = ingest("glpi11_en_mdy.csv", &[]);
    assert_eq!(code, 0, "{err}");
    let t = read_rows(&out.join("tickets.csv"));
    assert_eq!(t[0]["title"], "Printer \"HP\" jam");
    assert_eq!(t[0]["opened_at"], "2026-01-13T09:00:00-05:00");
    assert_eq!(t[0]["priority"], "High");
    // 02-01-2026 is read month-first, like the column's 01-13-2026.
    assert_eq!(t[1]["opened_at"], "2026-02-01T10:00:00-05:00");
    assert_eq!(t[1]["status"], "Processing (assigned)");
    let e = read_rows(&out.join("events.csv"));
    assert_eq!(e.len(), 3);
    assert_eq!(e[1]["at"], "2026-01-14T11:15:00-05:00");
}

#[test]
fn glpi_french_and_windows_1252() {
    let (code, err, out) = ingest("glpi10_fr.csv", &[]);
    assert_eq!(code, 0, "{err}");
    let t = read_rows(&out.join("tickets.csv"));
    assert_eq!(t[0]["ticket_id"], "5732943");
    assert_eq!(t[0]["priority"], "Haute");
    let (code, err, out) = ingest("glpi_cp1252.csv", &["--lang", "en"]);
    assert_eq!(code, 0, "{err}");
    assert!(err.contains("windows-1252"), "{err}");
    let t = read_rows(&out.join("tickets.csv"));
    assert_eq!(t[0]["title"], "Contraseña");
}

#[test]
fn ambiguous_dates_are_an_error_naming_the_flag() {
    let (code, err, out) = ingest("glpi10_ambiguous.csv", &["--lang", "en"]);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("ambiguous"), "{err}");
    assert!(err.contains("\"05-03-2026 10:00\""), "{err}");
    assert!(err.contains("--date-format \"%d-%m-%Y %H:%M\""), "{err}");
    assert!(!out.exists(), "no output on failure");
    let (code, err, out) =
        ingest("glpi10_ambiguous.csv", &["--date-format", "%d-%m-%Y %H:%M"]);
    assert_eq!(code, 0, "{err}");
    let t = read_rows(&out.join("tickets.csv"));
    assert_eq!(t[0]["opened_at"], "2026-03-05T10:00:00-05:00");
}

/// The real es_CO export of 60 tickets against glpi_tickets.csv (the
/// database dump of the same tickets), to the minute.
#[test]
fn real_glpi_10_0_5_export_matches_the_database() {
    let export = dataset("glpi_10_0_5_sample/search_export_es_CO.csv");
    let db = dataset("glpi_10_0_5_sample/glpi_tickets.csv");
    let dir = tempdir("glpi-real");
    let (code, err) =
        glpi_csv(&dir, &export.display().to_string(), "out", &[]);
    assert_eq!(code, 0, "{err}");
    // The dump, read with the csv crate: id, date, solvedate, status.
    let mut want: BTreeMap<String, (String, String, String)> = BTreeMap::new();
    let mut r = csv::Reader::from_path(&db).unwrap();
    let h = r.headers().unwrap().clone();
    let col = |n: &str| h.iter().position(|x| x == n).unwrap();
    let (id, date, solve, status) =
        (col("id"), col("date"), col("solvedate"), col("status"));
    for rec in r.records() {
        let rec = rec.unwrap();
        // "2026-02-10 13:27:41" -> "2026-02-10T13:27" (to the minute).
        let minute = |s: &str| {
            if s.is_empty() {
                String::new()
            } else {
                s[..16].replace(' ', "T")
            }
        };
        want.insert(
            rec[id].to_string(),
            (
                minute(&rec[date]),
                minute(&rec[solve]),
                rec[status].to_string(),
            ),
        );
    }
    assert_eq!(want.len(), 60);
    let labels = BTreeMap::from([
        ("1", "Nuevo"),
        ("2", "En curso (asignada)"),
        ("3", "En curso (planificada)"),
        ("4", "En espera"),
        ("5", "Resueltas"),
        ("6", "Cerrado"),
    ]);
    let t = read_rows(&dir.join("out/tickets.csv"));
    assert_eq!(t.len(), 60);
    for row in &t {
        let (d, s, st) = &want[&row["ticket_id"]];
        assert_eq!(&row["opened_at"][..16], d, "{}", row["ticket_id"]);
        assert_eq!(row["opened_at"][16..].len(), 9); // ":00-05:00"
        let solved = row["solvedate"].get(..16).unwrap_or("");
        assert_eq!(solved, s, "ticket {}", row["ticket_id"]);
        assert_eq!(row["status"], labels[st.as_str()]);
    }
    // Events: opening, solution and closing dates, one each when present.
    let e = read_rows(&dir.join("out/events.csv"));
    let with_solve = want.values().filter(|v| !v.1.is_empty()).count();
    let closed = t.iter().filter(|r| !r["closedate"].is_empty()).count();
    assert_eq!(e.len(), 60 + with_solve + closed);
}
