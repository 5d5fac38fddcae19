//! Runs that must not pass quietly (issue 15, docs/ROBUSTNESS.md): a run
//! with nothing left to measure exits 1 and writes only its rejects; a
//! run above `--max-rejects` / `[checks] max_rejects` exits 1 the same
//! way; every summary starts with the rejected rows; an empty period is
//! a report that says so, exit 0.
//!
//! The fixtures of tests/data/sla hold 9 ticket rows, 27 event rows and
//! 2 survey rows (38 data rows, `wc -l` minus the headers) and 3 rejects:
//! events lines 27 and 28 (a ticket that does not exist, a date in
//! another format) and surveys line 3 (a ticket that does not exist).

use std::path::{Path, PathBuf};

use calamine::{Data, Reader, Xlsx, open_workbook};

use crate::util::{folder_command, read_rows, root, run, tempdir};

fn sla_data() -> PathBuf {
    root().join("tests/data/sla")
}

/// `plazo COMMAND` on tests/data/sla with `extra`, in `dir`: (code,
/// stderr).
fn on_fixtures(dir: &Path, command: &str, extra: &[&str]) -> (i32, String) {
    let args = folder_command(command, &sla_data(), extra);
    let a: Vec<&str> = args.iter().map(String::as_str).collect();
    let (code, _, err) = run(dir, &a);
    (code, err)
}

/// The files in `dir` (not recursive), sorted.
fn names(dir: &Path) -> Vec<String> {
    let mut v: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    v.sort();
    v
}

/// A tickets file whose two rows have unreadable dates, and an events
/// file with a header only.
fn unreadable_dates(dir: &Path) -> (String, String) {
    let t = dir.join("t.csv");
    std::fs::write(
        &t,
        "ticket_id,opened_at,type,priority\nA1,ayer,Incidente,Alta\n\
         A2,31/31/2026,Incidente,Alta\n",
    )
    .unwrap();
    let e = dir.join("e.csv");
    std::fs::write(&e, "ticket_id,at,status\n").unwrap();
    (t.display().to_string(), e.display().to_string())
}

#[test]
fn sla_with_every_date_unreadable_exits_1_and_writes_only_the_rejects() {
    let dir = tempdir("quiet-sla-nothing");
    let (t, e) = unreadable_dates(&dir);
    let policy = sla_data().join("policy.toml");
    let p = policy.to_str().unwrap();
    let args = [
        "sla",
        "--policy",
        p,
        "--tickets",
        &t,
        "--events",
        &e,
        "--out",
        "o.csv",
    ];
    let (code, out, err) = run(&dir, &args);
    assert_eq!(code, 1, "{err}");
    assert_eq!(out, "");
    assert_eq!(
        err,
        "plazo: nada que medir: ningún ticket aceptado de 2 filas de \
         tickets leídas; 2 filas o celdas rechazadas, con su motivo en \
         o.rejects.csv; no se escribió o.csv. Un resultado vacío no debe \
         archivarse: revise las fechas, columnas y codificación de la \
         exportación\n"
    );
    assert_eq!(names(&dir), ["e.csv", "o.rejects.csv", "t.csv"]);
    let rejects = read_rows(&dir.join("o.rejects.csv"));
    let lines: Vec<(&str, &str)> = rejects
        .iter()
        .map(|r| (r["line"].as_str(), r["value"].as_str()))
        .collect();
    assert_eq!(lines, [("2", "ayer"), ("3", "31/31/2026")]);
}

#[test]
fn report_with_nothing_accepted_writes_only_rejects_csv() {
    let dir = tempdir("quiet-report-nothing");
    let (t, e) = unreadable_dates(&dir);
    let policy = sla_data().join("policy.toml");
    let p = policy.to_str().unwrap();
    let args = [
        "--lang",
        "en",
        "report",
        "--policy",
        p,
        "--tickets",
        &t,
        "--events",
        &e,
        "--period",
        "2026-07",
        "--out",
        "inf",
    ];
    let (code, _, err) = run(&dir, &args);
    assert_eq!(code, 1, "{err}");
    assert_eq!(
        err,
        "plazo: nothing to measure: no ticket accepted out of 2 ticket rows \
         read; 2 rows or cells rejected, with their reason in \
         inf/rejects.csv; the report was not written to inf. An empty \
         result must not be filed: check the export's dates, columns and \
         encoding\n"
    );
    assert_eq!(names(&dir.join("inf")), ["rejects.csv"]);
    assert_eq!(read_rows(&dir.join("inf/rejects.csv")).len(), 2);
}

#[test]
fn sla_with_every_ticket_excluded_exits_1() {
    // A cutoff before the first ticket (2026-03-02): the 9 tickets are
    // all opened after it.
    let dir = tempdir("quiet-sla-excluded");
    let (code, err) = on_fixtures(
        &dir,
        "sla",
        &["--cutoff", "2020-01-01", "--out", "o.csv"],
    );
    assert_eq!(code, 1, "{err}");
    assert_eq!(
        err,
        "plazo: nada que medir: de 9 filas de tickets leídas se aceptaron 9 \
         tickets y ninguno queda por medir (9 excluidos: abierto después \
         del corte 9); 3 filas o celdas rechazadas, con su motivo en \
         o.rejects.csv; no se escribió o.csv. Un resultado vacío no debe \
         archivarse: revise que la exportación sea la del periodo, el corte \
         y las exclusiones de la política\n"
    );
    assert_eq!(names(&dir), ["o.rejects.csv"]);
}

#[test]
fn max_rejects_as_a_count_and_as_a_percentage_at_their_edges() {
    // 3 rejects of 38 rows read: 7.89 %.
    let dir = tempdir("quiet-max-rejects");
    let cut = ["--cutoff", "2026-08-03 12:00", "--out", "o.csv"];
    for (max, code) in [
        ("3", 0),
        ("2", 1),
        ("7.9%", 0),
        ("7,8 %", 1),
        ("0", 1),
        ("100%", 0),
    ] {
        let _ = std::fs::remove_file(dir.join("o.csv"));
        let mut a = cut.to_vec();
        a.extend(["--max-rejects", max]);
        let (got, err) = on_fixtures(&dir, "sla", &a);
        assert_eq!(got, code, "--max-rejects {max}: {err}");
        assert_eq!(dir.join("o.csv").exists(), code == 0, "{max}");
        // The rejects are written either way.
        assert_eq!(read_rows(&dir.join("o.rejects.csv")).len(), 3);
    }
    let mut a = cut.to_vec();
    a.extend(["--max-rejects", "2"]);
    let (_, err) = on_fixtures(&dir, "sla", &a);
    assert_eq!(
        err,
        "plazo: demasiados rechazos: 3 filas o celdas rechazadas de 38 \
         filas leídas (7,9 %), \
         más que el máximo 2 de --max-rejects; no se escribió o.csv. Los \
         motivos, fila por fila, están en o.rejects.csv: corrija la \
         exportación, o suba el máximo si esas filas pueden quedar fuera\n"
    );
    let mut extra = cut.to_vec();
    extra.extend(["--max-rejects", "7.8%"]);
    let args = folder_command("sla", &sla_data(), &extra);
    let mut full = vec!["--lang", "en"];
    full.extend(args.iter().map(String::as_str));
    let (code, _, err) = run(&dir, &full);
    assert_eq!(code, 1);
    assert_eq!(
        err,
        "plazo: too many rejects: 3 rows or cells rejected of 38 rows read \
         (7.9 %), more \
         than the maximum 7.8% set by --max-rejects; o.csv was not written. \
         The reasons, row by row, are in o.rejects.csv: fix the export, or \
         raise the maximum if those rows may be left out\n"
    );
}

#[test]
fn a_malformed_max_rejects_is_a_usage_error() {
    let dir = tempdir("quiet-max-rejects-bad");
    let (code, err) = on_fixtures(
        &dir,
        "sla",
        &["--out", "o.csv", "--max-rejects", "dos por ciento"],
    );
    assert_eq!(code, 2);
    assert_eq!(
        err,
        "plazo: --max-rejects: \"dos por ciento\" no es un número de filas \
         (12) ni un porcentaje de las filas leídas (2%)\n"
    );
    assert_eq!(names(&dir), Vec::<String>::new());
}

/// tests/data/sla copied into `dir` with `[checks]` `extra` appended to
/// its policy.
fn fixtures_with_checks(dir: &Path, extra: &str) -> PathBuf {
    let data = dir.join("data");
    std::fs::create_dir_all(&data).unwrap();
    for f in ["tickets.csv", "events.csv", "surveys.csv"] {
        std::fs::copy(sla_data().join(f), data.join(f)).unwrap();
    }
    let policy =
        std::fs::read_to_string(sla_data().join("policy.toml")).unwrap();
    std::fs::write(
        data.join("policy.toml"),
        format!("{policy}\n[checks]\n{extra}\n"),
    )
    .unwrap();
    data
}

#[test]
fn the_policy_default_applies_and_the_flag_overrides_it() {
    let dir = tempdir("quiet-policy-max");
    let data = fixtures_with_checks(&dir, "max_rejects = \"5%\"");
    let policy = data.join("policy.toml");
    let base = folder_command(
        "report",
        &data,
        &["--period", "2026-07", "--out", "inf"],
    );
    let a: Vec<&str> = base.iter().map(String::as_str).collect();
    let (code, _, err) = run(&dir, &a);
    assert_eq!(code, 1, "{err}");
    assert_eq!(
        err,
        format!(
            "plazo: demasiados rechazos: 3 filas o celdas rechazadas de 38 \
             filas leídas \
             (7,9 %), más que el máximo 5% de [checks] max_rejects en {}; \
             no se escribió el informe en inf. Los motivos, fila por fila, \
             están en inf/rejects.csv: corrija la exportación, o suba el \
             máximo si esas filas pueden quedar fuera\n",
            policy.display()
        )
    );
    assert_eq!(names(&dir.join("inf")), ["rejects.csv"]);
    // A count in the policy, and the flag above it.
    fixtures_with_checks(&dir, "max_rejects = 3");
    let (code, _, err) = run(&dir, &a);
    assert_eq!(code, 0, "{err}");
    fixtures_with_checks(&dir, "max_rejects = 2");
    let mut over = a.clone();
    over.extend(["--max-rejects", "10%"]);
    let (code, _, err) = run(&dir, &over);
    assert_eq!(code, 0, "{err}");
    assert!(dir.join("inf/informe-2026-07.xlsx").is_file());
}

#[test]
fn the_unknown_key_message_of_checks_lists_max_rejects() {
    let dir = tempdir("quiet-unknown-key");
    let data = fixtures_with_checks(&dir, "max_reject = 2");
    let sla = |data: &Path| {
        let args = folder_command("sla", data, &["--out", "o.csv"]);
        let a: Vec<&str> = args.iter().map(String::as_str).collect();
        run(&dir, &a)
    };
    let (code, _, err) = sla(&data);
    assert_eq!(code, 2, "{err}");
    assert!(
        err.contains(
            "unknown field `max_reject`, expected `paused_requires_note` or \
             `max_rejects`"
        ),
        "{err}"
    );
    let data = fixtures_with_checks(&dir, "max_rejects = \"2 por ciento\"");
    let (code, _, err) = sla(&data);
    assert_eq!(code, 2, "{err}");
    assert!(
        err.contains(
            "[checks] max_rejects: \"2 por ciento\" no es un número de filas"
        ),
        "{err}"
    );
}

/// `"ID";"Título";"Estado";"Fecha de Apertura"` rows as a GLPI search
/// export in `dir/name`.
fn glpi_export(dir: &Path, name: &str, rows: &[(&str, &str)]) -> String {
    let mut text =
        String::from("\"ID\";\"Título\";\"Estado\";\"Fecha de Apertura\";\n");
    for (id, date) in rows {
        text.push_str(&format!("\"{id}\";\"t\";\"Nuevo\";\"{date}\";\n"));
    }
    let p = dir.join(name);
    std::fs::write(&p, text).unwrap();
    p.display().to_string()
}

fn ingest(dir: &Path, input: &str, extra: &[&str]) -> (i32, String) {
    let mut a = vec![
        "ingest",
        "--source",
        "glpi-csv",
        "--timezone",
        "America/Bogota",
        "--date-format",
        "iso",
        "--input",
        input,
        "--out",
        "ing",
    ];
    a.extend_from_slice(extra);
    let (code, _, err) = run(dir, &a);
    (code, err)
}

#[test]
fn ingest_with_no_ticket_accepted_writes_only_rejects_csv() {
    let dir = tempdir("quiet-ingest-nothing");
    let g = glpi_export(&dir, "g.csv", &[("1", "ayer"), ("2", "no sé")]);
    let (code, err) = ingest(&dir, &g, &[]);
    assert_eq!(code, 1, "{err}");
    assert!(
        err.starts_with(
            "2 filas o celdas rechazadas (ver ing/rejects.csv).\n"
        ),
        "{err}"
    );
    assert!(
        err.ends_with(
            "plazo: nada que medir: ningún ticket aceptado de 2 filas \
             leídas; 2 filas o celdas rechazadas, con su motivo en \
             ing/rejects.csv; no se escribieron las tablas en ing (solo \
             rejects.csv). Revise la fuente (--source), el formato de fecha \
             (--date-format), la codificación y las columnas de la \
             exportación\n"
        ),
        "{err}"
    );
    assert_eq!(names(&dir.join("ing")), ["rejects.csv"]);
    assert_eq!(read_rows(&dir.join("ing/rejects.csv")).len(), 2);
}

#[test]
fn ingest_above_max_rejects_keeps_the_earlier_tables() {
    let dir = tempdir("quiet-ingest-max");
    let g = glpi_export(
        &dir,
        "g.csv",
        &[("1", "2026-03-05 10:00"), ("2", "no sé")],
    );
    // Within the limit: the tables, the summary first says the reject.
    let (code, err) = ingest(&dir, &g, &["--max-rejects", "50%"]);
    assert_eq!(code, 0, "{err}");
    assert!(
        err.starts_with(
            "1 filas o celdas rechazadas (ver ing/rejects.csv).\n"
        ),
        "{err}"
    );
    let tickets = std::fs::read(dir.join("ing/tickets.csv")).unwrap();
    // Above it: exit 1, the tables of the earlier run left as they were.
    let (code, err) = ingest(&dir, &g, &["--max-rejects", "0"]);
    assert_eq!(code, 1, "{err}");
    assert!(
        err.contains(
            "plazo: demasiados rechazos: 1 filas o celdas rechazadas de 2 \
             filas leídas \
             (50,0 %), más que el máximo 0 de --max-rejects; no se \
             escribieron las tablas en ing (solo rejects.csv)."
        ),
        "{err}"
    );
    assert_eq!(std::fs::read(dir.join("ing/tickets.csv")).unwrap(), tickets);
}

#[test]
fn check_counts_no_ticket_accepted_as_a_problem() {
    let dir = tempdir("quiet-check");
    let g = glpi_export(&dir, "g.csv", &[("1", "ayer"), ("2", "no sé")]);
    let policy = sla_data().join("policy.toml");
    let (code, out, err) = run(
        &dir,
        &[
            "check",
            "--policy",
            policy.to_str().unwrap(),
            "--source",
            "glpi-csv",
            "--date-format",
            "iso",
            "--input",
            &g,
        ],
    );
    assert_eq!(code, 2, "{err}");
    assert!(
        out.ends_with(
            "ningún ticket aceptado de 2 filas leídas: con estos archivos \
             plazo sla, report e ingest no tendrían nada que medir y \
             saldrían con código 1\n"
        ),
        "{out}"
    );
    // One reason of rejects (an unreadable date) and no ticket.
    assert!(err.ends_with("plazo: 2 problemas encontrados\n"), "{err}");
}

#[test]
fn a_run_job_honours_max_rejects() {
    let dir = tempdir("quiet-run");
    let d = sla_data();
    let p = |f: &str| d.join(f).display().to_string();
    let job = |name: &str, extra: &str| {
        format!(
            "[[job]]\nname = \"{name}\"\npolicy = \"{}\"\ntickets = \"{}\"\n\
             events = \"{}\"\nsurveys = \"{}\"\nout = \"out/{name}\"\n{extra}\n",
            p("policy.toml"),
            p("tickets.csv"),
            p("events.csv"),
            p("surveys.csv"),
        )
    };
    let text = format!(
        "[defaults]\nperiod = \"2026-07\"\n\n{}{}",
        job("a", "max_rejects = 2"),
        job("b", "max_rejects = \"8%\"")
    );
    std::fs::write(dir.join("jobs.toml"), text).unwrap();
    let (code, _, err) = run(&dir, &["--quiet", "run", "jobs.toml"]);
    assert_eq!(code, 1, "{err}");
    assert!(err.contains("1 de 2 trabajos fallaron (a)"), "{err}");
    assert_eq!(names(&dir.join("out/a")), [".plazo.lock", "rejects.csv"]);
    assert!(dir.join("out/b/informe-2026-07.xlsx").is_file());
    let log = std::fs::read_to_string(dir.join("plazo-run.jsonl")).unwrap();
    let a: serde_json::Value = log
        .lines()
        .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap())
        .find(|v| v["job"] == "a")
        .unwrap();
    assert_eq!(a["status"], "failed");
    assert_eq!(a["error"]["exit_code"], 1);
    assert!(
        a["error"]["message"].as_str().unwrap().contains(
            "3 filas o celdas rechazadas de 38 filas leídas (7,9 %), \
                 más que el máximo 2 de --max-rejects"
        ),
        "{a}"
    );
}

/// Sheet `name` of `xlsx`.
fn sheet(xlsx: &Path, name: &str) -> calamine::Range<Data> {
    let mut wb: Xlsx<_> = open_workbook(xlsx).unwrap();
    wb.worksheet_range(name).unwrap()
}

#[test]
fn a_period_before_any_data_is_a_report_that_says_so() {
    // The fixtures' first ticket opens 2026-03-02: January 2025 has no
    // ticket opened, solved, closed or pending.
    let dir = tempdir("quiet-empty-period");
    let (code, err) =
        on_fixtures(&dir, "report", &["--period", "2025-01", "--out", "inf"]);
    assert_eq!(code, 0, "{err}");
    let note = "Periodo sin tickets: ninguna apertura, solución ni cierre en \
                enero 2025, y ningún pendiente de antes; los indicadores \
                quedan sin valor. Revise que la exportación cubra el periodo.";
    assert!(
        err.starts_with("3 filas o celdas rechazadas (ver inf/rejects.csv). "),
        "{err}"
    );
    assert!(err.contains(": tickets: 0 con apertura, 0 con solución, 0 pendientes al cierre;"), "{err}");
    assert!(err.ends_with(&format!(" {note}\n")), "{err}");
    let xlsx = dir.join("inf/informe-2025-01.xlsx");
    let resumen = sheet(&xlsx, "Resumen");
    assert_eq!(
        resumen.get_value((6, 0)),
        Some(&Data::String(note.to_string()))
    );
    let method = sheet(&xlsx, "Metodología");
    let row = method
        .rows()
        .find(|r| r[0] == Data::String("Periodo vacío".into()))
        .expect("an 'Periodo vacío' row");
    assert_eq!(row[1], Data::String(note.to_string()));

    // July 2026 has tickets: no such note anywhere.
    let (code, err) =
        on_fixtures(&dir, "report", &["--period", "2026-07", "--out", "jul"]);
    assert_eq!(code, 0, "{err}");
    assert!(!err.contains("Periodo sin"), "{err}");
    let xlsx = dir.join("jul/informe-2026-07.xlsx");
    assert!(matches!(
        sheet(&xlsx, "Resumen").get_value((6, 0)),
        None | Some(Data::Empty)
    ));
    assert!(
        !sheet(&xlsx, "Metodología")
            .rows()
            .any(|r| r[0] == Data::String("Periodo vacío".into()))
    );
}

#[test]
fn a_period_after_every_ticket_solved_is_empty_too() {
    // By the end of 2026-08 every fixture ticket is solved (the last,
    // T7, on 2026-08-04) but T5, which is cancelled: January 2030 has
    // nothing opened, solved, closed or pending. In English.
    let dir = tempdir("quiet-empty-later");
    let report = |period: &str, out: &str| {
        let args = folder_command(
            "report",
            &sla_data(),
            &["--period", period, "--out", out],
        );
        let mut a: Vec<&str> = vec!["--lang", "en"];
        a.extend(args.iter().map(String::as_str));
        run(&dir, &a)
    };
    let (code, _, err) = report("2030-01", "inf");
    assert_eq!(code, 0, "{err}");
    assert!(
        err.ends_with(
            " Period without tickets: no opening, resolution or closing in \
             January 2030, and nothing pending from before; the indicators \
             have no value. Check that the export covers the period.\n"
        ),
        "{err}"
    );
    // August 2026: T7 is solved in it, so it is not empty.
    let (code, _, err) = report("2026-08", "aug");
    assert_eq!(code, 0, "{err}");
    assert!(!err.contains("Period without"), "{err}");
}

#[test]
fn a_sample_reported_for_a_month_before_its_data_is_empty() {
    // Víctimas' sample opens its first ticket on 2026-01-02 (the
    // smallest `opened_at` of its tickets.csv): December 2025 is empty,
    // in the entity's own words ("casos").
    let dir = tempdir("quiet-empty-sample");
    let data = root().join("samples/victimas");
    let first = read_rows(&data.join("tickets.csv"))
        .into_iter()
        .map(|r| r["opened_at"].clone())
        .min()
        .unwrap();
    assert!(first.starts_with("2026-01-02"), "{first}");
    let (code, err) = {
        let args = folder_command(
            "report",
            &data,
            &["--period", "2025-12", "--out", "inf"],
        );
        let a: Vec<&str> = args.iter().map(String::as_str).collect();
        let (code, _, err) = run(&dir, &a);
        (code, err)
    };
    assert_eq!(code, 0, "{err}");
    let note = "Periodo sin casos: ninguna apertura, solución ni cierre en \
                diciembre 2025, y ningún pendiente de antes; los \
                indicadores quedan sin valor. Revise que la exportación \
                cubra el periodo.";
    assert!(err.ends_with(&format!(" {note}\n")), "{err}");
    let xlsx = dir.join("inf/informe-2025-12.xlsx");
    assert_eq!(
        sheet(&xlsx, "Resumen").get_value((6, 0)),
        Some(&Data::String(note.to_string()))
    );
}

#[test]
fn tickets_without_a_target_are_still_measured() {
    // A policy with no [[targets]]: the one ticket is `no_target`, its
    // business times are still measured, so the run passes.
    let dir = tempdir("quiet-no-target");
    std::fs::write(
        dir.join("p.toml"),
        format!(
            "{}[states]\nsolved = [\"Resuelto\"]\n",
            crate::util::BOGOTA_POLICY
        ),
    )
    .unwrap();
    std::fs::write(
        dir.join("t.csv"),
        "ticket_id,opened_at\nN1,2026-07-01 08:00\n",
    )
    .unwrap();
    std::fs::write(
        dir.join("e.csv"),
        "ticket_id,at,status\nN1,2026-07-01 09:00,Resuelto\n",
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
            "2026-07-31 23:59",
            "--out",
            "o.csv",
        ],
    );
    assert_eq!(code, 0, "{err}");
    let rows = read_rows(&dir.join("o.csv"));
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0]["excluded_reason"], "no_target");
}
