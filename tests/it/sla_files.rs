//! The files `plazo sla` reads and writes (docs/CONTRACT.md §1.1: each
//! canonical table is CSV or Parquet): Parquet in and out, and CSV as a
//! Spanish-locale Excel saves it (`;`, Windows-1252). The plain CSV path
//! is the reference: the same tables in another form must give
//! byte-identical output, and the Parquet output must hold the same
//! cells as the CSV output, with types.

use std::path::Path;

use plazo::model::write::{csv_to_parquet, read_parquet_table};
use polars::prelude::*;

use crate::util::{ok_stdout, plazo, plazo_on, root, run, tempdir};

/// Runs `plazo sla` on the Víctimas sample tables named `t`, `e`, `s`,
/// writing `out`; returns stderr.
fn sla(dir: &Path, t: &Path, e: &Path, s: &Path, out: &Path) -> String {
    let policy = root().join("samples/victimas/policy.toml");
    let o = plazo(
        dir,
        &[
            "sla",
            "--policy",
            policy.to_str().unwrap(),
            "--tickets",
            t.to_str().unwrap(),
            "--events",
            e.to_str().unwrap(),
            "--surveys",
            s.to_str().unwrap(),
            "--cutoff",
            "2026-10-31 23:59:59",
            "--out",
            out.to_str().unwrap(),
        ],
    );
    ok_stdout(&o);
    String::from_utf8(o.stderr).unwrap()
}

fn sample(name: &str) -> std::path::PathBuf {
    root().join("samples/victimas").join(name)
}

#[test]
fn parquet_inputs_give_the_same_bytes_as_csv_inputs() {
    let dir = tempdir("sla-parquet-in");
    for name in ["tickets", "events", "surveys"] {
        csv_to_parquet(
            &sample(&format!("{name}.csv")),
            &dir.join(format!("{name}.parquet")),
        )
        .unwrap();
    }
    let (t, e, s) = (
        sample("tickets.csv"),
        sample("events.csv"),
        sample("surveys.csv"),
    );
    sla(&dir, &t, &e, &s, &dir.join("from-csv.csv"));
    sla(
        &dir,
        &dir.join("tickets.parquet"),
        &dir.join("events.parquet"),
        &dir.join("surveys.parquet"),
        &dir.join("from-parquet.csv"),
    );
    let a = std::fs::read(dir.join("from-csv.csv")).unwrap();
    let b = std::fs::read(dir.join("from-parquet.csv")).unwrap();
    // The sample has 3,000 generated tickets plus eight hand-made cases
    // (UV-90001 .. UV-90008).
    assert_eq!(a.iter().filter(|&&c| c == b'\n').count(), 1 + 3008);
    assert!(a == b, "Parquet inputs changed the per-ticket table");
}

/// An empty surveys table with the columns the Víctimas policy reads (its
/// `[survey] questions` are columns of the table).
const SURVEYS_HEADER: &str =
    "ticket_id,answered_at,score,q_oportunidad,q_solucion,q_amabilidad\n";

#[test]
fn parquet_rejects_name_the_line_of_the_csv_twin() {
    let dir = tempdir("sla-parquet-rejects");
    // Line 3 has an unreadable opened_at; line 4's event is for an unknown
    // ticket (lines counted with the header as line 1).
    std::fs::write(
        dir.join("t.csv"),
        // `ans_solucion`: the Víctimas policy reads the case's own ANS
        // from it (`[targets_from_ticket]`); empty, the rules apply.
        "ticket_id,opened_at,ans_solucion\nA,2026-03-02 08:00,\nB,02/03/2026,\n",
    )
    .unwrap();
    std::fs::write(
        dir.join("e.csv"),
        "ticket_id,at,status\nA,2026-03-02 09:00,En proceso\n\
         A,2026-03-02 10:00,Solucionado\nZ,2026-03-02 10:00,Solucionado\n",
    )
    .unwrap();
    std::fs::write(dir.join("s.csv"), SURVEYS_HEADER).unwrap();
    for n in ["t", "e", "s"] {
        csv_to_parquet(
            &dir.join(format!("{n}.csv")),
            &dir.join(format!("{n}.parquet")),
        )
        .unwrap();
    }
    let p = |n: &str| dir.join(n);
    sla(
        &dir,
        &p("t.parquet"),
        &p("e.parquet"),
        &p("s.parquet"),
        &p("o.csv"),
    );
    let rejects = std::fs::read_to_string(dir.join("o.rejects.csv")).unwrap();
    let lines: Vec<&str> = rejects.lines().collect();
    assert_eq!(lines.len(), 3, "{rejects}");
    let t = p("t.parquet").display().to_string();
    let e = p("e.parquet").display().to_string();
    assert!(lines[1].starts_with(&format!("{t},3,opened_at,02/03/2026,")));
    assert!(lines[2].starts_with(&format!("{e},4,ticket_id,Z,")));
}

#[test]
fn typed_parquet_columns_are_read_as_text() {
    // A BI tool's Parquet: affected_users as Float64 with a null. Víctimas
    // excludes more than 5 affected users as massive
    // (samples/victimas/policy.toml).
    let dir = tempdir("sla-parquet-typed");
    let mut df = df!(
        "ticket_id" => ["M1", "M2"],
        "opened_at" => ["2026-03-02 08:00", "2026-03-02 08:00"],
        "type" => ["Incidente", "Incidente"],
        // pandas writes an integer column with nulls as float64.
        "affected_users" => [Some(6.0f64), None],
        // The Víctimas policy reads the case's own ANS from this column
        // (`[targets_from_ticket]`); empty, the rules apply.
        "ans_solucion" => ["", ""],
    )
    .unwrap();
    let f = std::fs::File::create(dir.join("t.parquet")).unwrap();
    ParquetWriter::new(f).finish(&mut df).unwrap();
    std::fs::write(dir.join("e.csv"), "ticket_id,at,status\n").unwrap();
    std::fs::write(dir.join("s.csv"), SURVEYS_HEADER).unwrap();
    let p = |n: &str| dir.join(n);
    sla(&dir, &p("t.parquet"), &p("e.csv"), &p("s.csv"), &p("o.csv"));
    let text = std::fs::read_to_string(p("o.csv")).unwrap();
    let reasons: Vec<&str> = text
        .lines()
        .skip(1)
        .map(|l| l.split(',').nth(21).unwrap())
        .collect();
    assert_eq!(reasons, ["massive", ""]);
}

#[test]
fn parquet_output_has_the_csv_cells_with_types() {
    let dir = tempdir("sla-parquet-out");
    let (t, e, s) = (
        sample("tickets.csv"),
        sample("events.csv"),
        sample("surveys.csv"),
    );
    sla(&dir, &t, &e, &s, &dir.join("sla.csv"));
    sla(&dir, &t, &e, &s, &dir.join("sla.parquet"));
    let mut csv = csv::Reader::from_path(dir.join("sla.csv")).unwrap();
    let header: Vec<String> =
        csv.headers().unwrap().iter().map(String::from).collect();
    let want: Vec<Vec<String>> = csv
        .records()
        .map(|r| r.unwrap().iter().map(String::from).collect())
        .collect();
    let got = read_parquet_table(&dir.join("sla.parquet")).unwrap();
    assert_eq!(got.columns, header);
    assert_eq!(got.rows.len(), want.len());
    let score = header.iter().position(|h| h == "survey_score").unwrap();
    for (g, w) in got.rows.iter().zip(&want) {
        for (c, (gv, wv)) in g.iter().zip(w).enumerate() {
            if c == score && !wv.is_empty() {
                // Float64 reads back as "4.0" where the CSV says "4".
                let (a, b): (f64, f64) =
                    (gv.parse().unwrap(), wv.parse().unwrap());
                assert_eq!(a, b, "survey_score of {}", w[0]);
            } else {
                assert_eq!(gv, wv, "{} of {}", header[c], w[0]);
            }
        }
    }
    // Types a BI tool can use without parsing.
    let f = std::fs::File::open(dir.join("sla.parquet")).unwrap();
    let df = ParquetReader::new(f).finish().unwrap();
    let dtype = |c: &str| df.column(c).unwrap().dtype().clone();
    assert_eq!(dtype("resolution_business_s"), DataType::Int64);
    assert_eq!(dtype("reopen_count"), DataType::Int64);
    assert_eq!(dtype("resolution_met"), DataType::Boolean);
    assert_eq!(dtype("survey_score"), DataType::Float64);
    assert_eq!(dtype("opened_at"), DataType::String);
    // No partial or temporary file is left beside the outputs.
    let mut names: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().to_string())
        .collect();
    names.sort();
    assert_eq!(names, ["sla.csv", "sla.parquet"]);
}

#[test]
fn other_output_extensions_are_refused_with_exit_2() {
    let dir = tempdir("sla-out-ext");
    let data = root().join("samples/victimas");
    let o = plazo_on(&dir, "sla", &data, &["--out", "sla.xlsx"]);
    assert_eq!(o.status.code(), Some(2));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("use un archivo .csv o .parquet"), "{err}");
}

/// `src` rewritten with `;` between fields and in Windows-1252, as a
/// Spanish-locale Excel saves "CSV".
fn as_excel_csv(src: &Path, dst: &Path) {
    let mut r = csv::Reader::from_path(src).unwrap();
    let mut w = csv::WriterBuilder::new()
        .delimiter(b';')
        .from_writer(vec![]);
    w.write_record(r.headers().unwrap()).unwrap();
    for rec in r.records() {
        w.write_record(&rec.unwrap()).unwrap();
    }
    let text = String::from_utf8(w.into_inner().unwrap()).unwrap();
    let (bytes, _, lossy) = encoding_rs::WINDOWS_1252.encode(&text);
    assert!(!lossy);
    std::fs::write(dst, bytes).unwrap();
}

#[test]
fn excel_saved_tables_read_like_the_originals() {
    use plazo::model::dataset::{Attr, Dataset, Inputs};
    let dir = tempdir("sla-excel-csv");
    let data = root().join("tests/data/sla");
    for f in ["tickets.csv", "events.csv", "surveys.csv"] {
        as_excel_csv(&data.join(f), &dir.join(f));
    }
    // The copy really is Windows-1252 ("teléfono" is one byte 0xE9 there).
    let raw = std::fs::read(dir.join("tickets.csv")).unwrap();
    assert!(std::str::from_utf8(&raw).is_err());
    assert!(raw.windows(8).any(|w| w == b"tel\xe9fono"));
    let tz: chrono_tz::Tz = "America/Bogota".parse().unwrap();
    let load = |d: &Path| {
        let mut i = Inputs::new(d.join("tickets.csv"), d.join("events.csv"));
        i.surveys = Some(d.join("surveys.csv"));
        Dataset::load(&i, tz).unwrap()
    };
    let (a, b) = (load(&data), load(&dir));
    assert_eq!(a.tickets.len(), b.tickets.len());
    assert_eq!(a.extra_columns, b.extra_columns);
    for (i, (x, y)) in a.tickets.iter().zip(&b.tickets).enumerate() {
        assert_eq!((&x.id, x.opened_at), (&y.id, y.opened_at));
        for at in Attr::ALL {
            assert_eq!(a.strings.get(x.attr(at)), b.strings.get(y.attr(at)));
        }
        let ex: Vec<&str> =
            a.extra_of(i).iter().map(|&s| a.strings.get(s)).collect();
        let ey: Vec<&str> =
            b.extra_of(i).iter().map(|&s| b.strings.get(s)).collect();
        assert_eq!(ex, ey);
    }
    assert_eq!(a.stats, b.stats);
    assert_eq!(a.surveys.len(), b.surveys.len());
    // And the per-ticket table is the same, byte for byte.
    std::fs::copy(data.join("policy.toml"), dir.join("policy.toml")).unwrap();
    let run = |d: &Path, out: &Path| {
        let o = plazo_on(
            &dir,
            "sla",
            d,
            &[
                "--cutoff",
                "2026-08-03 12:00",
                "--out",
                out.to_str().unwrap(),
            ],
        );
        ok_stdout(&o);
        std::fs::read(out).unwrap()
    };
    let (x, y) = (dir.join("a.csv"), dir.join("b.csv"));
    assert!(run(&data, &x) == run(&dir, &y));
}

#[test]
fn a_stray_non_utf8_byte_names_line_and_field() {
    // The first block is UTF-8, so the file is read as UTF-8; line 3 then
    // holds a Windows-1252 byte.
    let dir = tempdir("sla-stray-byte");
    let mut t = "ticket_id,opened_at,title\n".to_string();
    t.push_str("A,2026-03-02 08:00,");
    t.push_str(&"x".repeat(1 << 21));
    t.push('\n');
    let mut bytes = t.into_bytes();
    bytes.extend_from_slice(b"B,2026-03-02 08:00,Impresi\xf3n\n");
    let err = sla_refuses_tickets(&dir, &bytes);
    let want = format!(
        "{}:3: el campo 3 (title) no es texto UTF-8",
        dir.join("tickets.csv").display()
    );
    assert!(err.contains(&want), "{err}");
}

/// `tickets` (bytes) in `dir` with the fixtures' policy and no events:
/// `plazo sla` must refuse them with exit 2; its stderr.
fn sla_refuses_tickets(dir: &Path, tickets: &[u8]) -> String {
    let data = root().join("tests/data/sla");
    std::fs::copy(data.join("policy.toml"), dir.join("policy.toml")).unwrap();
    std::fs::write(dir.join("tickets.csv"), tickets).unwrap();
    std::fs::write(dir.join("events.csv"), "ticket_id,at,status\n").unwrap();
    let out = dir.join("o.csv");
    let o = plazo_on(dir, "sla", dir, &["--out", out.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2));
    assert!(!out.exists(), "no output on refusal");
    String::from_utf8_lossy(&o.stderr).into_owned()
}

#[test]
fn date_typed_parquet_columns_are_refused_by_name() {
    let dir = tempdir("sla-parquet-date");
    let opened = Series::new("opened_at".into(), [20514i32])
        .cast(&DataType::Date)
        .unwrap();
    let mut df = DataFrame::new(
        1,
        vec![
            Series::new("ticket_id".into(), ["A"]).into_column(),
            opened.into_column(),
        ],
    )
    .unwrap();
    let f = std::fs::File::create(dir.join("t.parquet")).unwrap();
    ParquetWriter::new(f).finish(&mut df).unwrap();
    std::fs::write(dir.join("e.csv"), "ticket_id,at,status\n").unwrap();
    std::fs::write(dir.join("s.csv"), SURVEYS_HEADER).unwrap();
    let policy = root().join("samples/victimas/policy.toml");
    let p = |n: &str| dir.join(n).to_str().unwrap().to_string();
    let o = plazo(
        &dir,
        &[
            "sla",
            "--policy",
            policy.to_str().unwrap(),
            "--tickets",
            &p("t.parquet"),
            "--events",
            &p("e.csv"),
            "--out",
            &p("o.csv"),
        ],
    );
    assert_eq!(o.status.code(), Some(2));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        err.contains("la columna \"opened_at\" es de tipo date"),
        "{err}"
    );
}

#[test]
fn a_utf8_file_with_a_stray_byte_early_is_not_read_as_windows_1252() {
    // "Impresión" in UTF-8 on line 2, a Windows-1252 "ó" on line 3: read
    // as Windows-1252, line 2 would silently become "ImpresiÃ³n".
    let dir = tempdir("sla-mixed-encoding");
    let mut t = b"ticket_id,opened_at,category\n".to_vec();
    t.extend_from_slice("A,2026-03-02 08:00,Impresión\n".as_bytes());
    t.extend_from_slice(b"B,2026-03-02 08:00,Impresi\xf3n\n");
    let err = sla_refuses_tickets(&dir, &t);
    let want = format!(
        "{}:3: el archivo es UTF-8 pero esta línea tiene un byte que no lo es",
        dir.join("tickets.csv").display()
    );
    assert!(err.contains(&want), "{err}");
}

/// A tickets file saved with Windows line endings (CRLF, as Excel writes
/// it) names the real line of each rejected row: the repeated id on line
/// 3 and the bad date on line 4 (the `csv` reader alone would say 2 and
/// 3).
#[test]
fn crlf_tables_name_the_real_lines_of_rejects() {
    let dir = tempdir("sla-crlf");
    std::fs::write(
        dir.join("t.csv"),
        "ticket_id,opened_at\r\n1,2026-03-02 08:00\r\n1,2026-03-02 09:00\r\n2,notadate\r\n",
    )
    .unwrap();
    std::fs::write(
        dir.join("e.csv"),
        "ticket_id,at,status\r\n1,2026-03-02 09:00,Nuevo\r\n",
    )
    .unwrap();
    std::fs::write(
        dir.join("p.toml"),
        "name = \"x\"\n[calendar]\nalways = true\n[states]\nnew = [\"Nuevo\"]\n",
    )
    .unwrap();
    let (code, _, err) = run(
        &dir,
        &[
            "sla",
            "--policy",
            "p.toml",
            "--tickets",
            "t.csv",
            "--events",
            "e.csv",
            "--cutoff",
            "2026-03-31 00:00",
            "--out",
            "o.csv",
        ],
    );
    assert_eq!(code, 0, "{err}");
    let rejects = std::fs::read_to_string(dir.join("o.rejects.csv")).unwrap();
    let lines: Vec<&str> = rejects
        .lines()
        .skip(1)
        .map(|l| l.split(',').nth(1).unwrap())
        .collect();
    assert_eq!(lines, ["3", "4"], "{rejects}");
    assert!(rejects.contains("(ya en la línea 2)"), "{rejects}");
}

/// Events listed in reverse (the last ticket's first, each ticket's
/// newest first) give the same table as the sample's grouped order, and
/// the summary says they were sorted in memory; the sample's own order
/// is read as it is and the summary says nothing of it.
#[test]
fn unordered_events_give_the_same_table_and_are_named() {
    let dir = tempdir("sla-unordered-events");
    let text = std::fs::read_to_string(sample("events.csv")).unwrap();
    let mut lines: Vec<&str> = text.lines().collect();
    let header = lines.remove(0);
    lines.reverse();
    let reversed = format!("{header}\n{}\n", lines.join("\n"));
    let e2 = dir.join("events-reversed.csv");
    std::fs::write(&e2, reversed).unwrap();
    let (t, e, s) = (
        sample("tickets.csv"),
        sample("events.csv"),
        sample("surveys.csv"),
    );
    let grouped = sla(&dir, &t, &e, &s, &dir.join("grouped.csv"));
    let unordered = sla(&dir, &t, &e2, &s, &dir.join("unordered.csv"));
    // The table carries no line numbers: byte-identical.
    assert_eq!(
        std::fs::read(dir.join("grouped.csv")).unwrap(),
        std::fs::read(dir.join("unordered.csv")).unwrap()
    );
    let note = "Los eventos no venían agrupados por ticket en el orden de la tabla de tickets: se ordenaron en memoria";
    assert!(!grouped.contains(note), "{grouped}");
    assert!(unordered.contains(note), "{unordered}");
}
