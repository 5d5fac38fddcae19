//! `plazo ingest` / `plazo check` / `plazo calendar import-workshift` from
//! the command line: Parquet round trip, check's report, atomic output.

use plazo::model::write::{
    csv_to_parquet, parquet_to_csv, read_parquet_table,
};

use crate::util::{fixture, glpi_csv, read_rows, run, tempdir};

#[test]
fn canonical_csv_to_parquet_to_csv_is_identical() {
    let dir = tempdir("roundtrip");
    let t = fixture("glpi10_es_CO_dmy.csv");
    let (code, err) = glpi_csv(&dir, &t, "csv", &[]);
    assert_eq!(code, 0, "{err}");
    for name in ["tickets", "events"] {
        let csv = dir.join(format!("csv/{name}.csv"));
        let pq = dir.join(format!("{name}.parquet"));
        let back = dir.join(format!("{name}.back.csv"));
        csv_to_parquet(&csv, &pq).unwrap();
        parquet_to_csv(&pq, &back).unwrap();
        assert_eq!(
            std::fs::read(&csv).unwrap(),
            std::fs::read(&back).unwrap(),
            "{name}"
        );
    }
    // --format parquet writes the same table as --format csv.
    let (code, err) = glpi_csv(&dir, &t, "pq", &["--format", "parquet"]);
    assert_eq!(code, 0, "{err}");
    let p = read_parquet_table(&dir.join("pq/tickets.parquet")).unwrap();
    let c = read_rows(&dir.join("csv/tickets.csv"));
    assert_eq!(p.rows.len(), c.len());
    let title = p.columns.iter().position(|x| x == "title").unwrap();
    assert_eq!(p.rows[0][title], "Pantalla \"azul\"");
    assert!(dir.join("pq/rejects.csv").exists());
    assert!(!dir.join("pq/tickets.csv").exists());
}

#[test]
fn check_lists_unknown_labels_and_rejects_and_exits_2() {
    let dir = tempdir("check");
    std::fs::write(
        dir.join("p.toml"),
        format!(
            "{}\n[states]\nnew = [\"1\"]\nopen = [\"2\"]\n",
            crate::util::BOGOTA_POLICY
        ),
    )
    .unwrap();
    let (code, out, err) = run(
        &dir,
        &[
            "check",
            "--lang",
            "en",
            "--policy",
            "p.toml",
            "--source",
            "glpi-db",
            "--input",
            &fixture("glpi_db_tickets.tsv"),
            &fixture("glpi_db_events.tsv"),
        ],
    );
    assert_eq!(code, 2, "{out}\n{err}");
    // Statuses 4, 5, 6 are not mapped: each listed with count and example.
    assert!(
        out.contains("unmapped status: \"4\" (1 events, e.g. ticket 1)"),
        "{out}"
    );
    assert!(out.contains("unmapped status: \"6\""), "{out}");
    assert!(out.contains("add it to [states] in p.toml"), "{out}");
    assert!(out.contains("open = [..., \"5\"]"), "{out}");
    // Rejected rows grouped by reason.
    assert!(
        out.contains("1 rows rejected: event of a ticket missing"),
        "{out}"
    );
    assert!(err.contains("problems found"), "{err}");
}

#[test]
fn failed_run_leaves_no_output_and_quiet_is_quiet() {
    let dir = tempdir("atomic");
    let (code, err) =
        glpi_csv(&dir, &fixture("glpi10_ambiguous.csv"), "out", &[]);
    assert_eq!(code, 2, "{err}");
    assert!(!dir.join("out/tickets.csv").exists());
    let (code, err) =
        glpi_csv(&dir, &fixture("glpi10_fr.csv"), "out", &["--quiet"]);
    assert_eq!(code, 0);
    assert_eq!(err, "");
    let names: Vec<String> = std::fs::read_dir(dir.join("out"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    let mut names = names;
    names.sort();
    assert_eq!(names, ["events.csv", "rejects.csv", "tickets.csv"]);
    // Neither source nor mapping: a usage error.
    let (code, _, _) = run(
        &dir,
        &[
            "ingest",
            "--timezone",
            "UTC",
            "--input",
            "x.csv",
            "--out",
            "o",
        ],
    );
    assert_eq!(code, 2);
}

#[test]
fn import_workshift_prints_a_calendar_table() {
    let dir = tempdir("workshift");
    let (code, out, err) = run(
        &dir,
        &["calendar", "import-workshift", &fixture("workshift.txt")],
    );
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("[calendar]\n"), "{out}");
    assert!(
        out.contains("mon = [\"08:00-12:00\", \"13:00-17:00\"]"),
        "{out}"
    );
    assert!(
        out.contains("fri = [\"08:00-12:00\", \"13:00-16:00\"]"),
        "{out}"
    );
    assert!(
        out.contains("extra_closed_days = [\"2026-07-20\", \"2026-12-24\"]"),
        "{out}"
    );
    // The table works as a policy's calendar: 2026-07-20 is closed.
    std::fs::write(
        dir.join("p.toml"),
        format!("name = \"x\"\ntimezone = \"America/Bogota\"\n{out}"),
    )
    .unwrap();
    let (code, out, err) = run(
        &dir,
        &[
            "calendar",
            "between",
            "--policy",
            "p.toml",
            "2026-07-17 15:00",
            "2026-07-21 09:00",
        ],
    );
    assert_eq!(code, 0, "{err}");
    // Fri 15:00-16:00 (1 h) + Tue 08:00-09:00 (1 h); Mon 20 July closed.
    assert!(out.starts_with("7200\t"), "{out}");
}

#[test]
fn gzipped_input_reads_like_the_plain_file() {
    use std::io::Write;
    let dir = tempdir("gz");
    let plain = std::fs::read(fixture("glpi10_es_CO_dmy.csv")).unwrap();
    let gz = dir.join("export.csv.gz");
    let mut enc = flate2::write::GzEncoder::new(
        std::fs::File::create(&gz).unwrap(),
        flate2::Compression::default(),
    );
    enc.write_all(&plain).unwrap();
    enc.finish().unwrap();
    let (code, err) = glpi_csv(&dir, "export.csv.gz", "gz", &[]);
    assert_eq!(code, 0, "{err}");
    let (code, err) =
        glpi_csv(&dir, &fixture("glpi10_es_CO_dmy.csv"), "plain", &[]);
    assert_eq!(code, 0, "{err}");
    for t in ["tickets.csv", "events.csv"] {
        assert_eq!(
            std::fs::read(dir.join("gz").join(t)).unwrap(),
            std::fs::read(dir.join("plain").join(t)).unwrap(),
            "{t}"
        );
    }
}
