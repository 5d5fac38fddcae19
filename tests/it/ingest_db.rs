//! `plazo ingest --source glpi-db|ca-sdm|aranda`: query outputs written by
//! hand in the exact shape of each SQL client (mysql --batch TSV with
//! NULL, sqlcmd with its underline of dashes, PowerShell Export-Csv).

use crate::util::{fixture, read_rows, run, tempdir};

fn ingest(name: &str, args: &[&str]) -> (i32, String, std::path::PathBuf) {
    let dir = tempdir(name);
    let mut a = vec!["ingest", "--lang", "en"];
    a.extend_from_slice(args);
    a.extend_from_slice(&["--out", "out"]);
    let (code, _, err) = run(&dir, &a);
    (code, err, dir.join("out"))
}

fn db(
    name: &str,
    source: &str,
    tz: &str,
    inputs: &[&str],
    extra: &[&str],
) -> (i32, String, std::path::PathBuf) {
    let mut a = vec!["--source", source, "--timezone", tz, "--input"];
    a.extend_from_slice(inputs);
    a.extend_from_slice(extra);
    ingest(name, &a)
}

fn triples(path: &std::path::Path) -> Vec<(String, String, String)> {
    read_rows(path)
        .into_iter()
        .map(|r| {
            (r["ticket_id"].clone(), r["at"].clone(), r["status"].clone())
        })
        .collect()
}

#[test]
fn glpi_db_tsv_null_initial_status_and_rules() {
    let (t, e, s) = (
        fixture("glpi_db_tickets.tsv"),
        fixture("glpi_db_events.tsv"),
        fixture("glpi_db_surveys.tsv"),
    );
    let (code, err, out) =
        db("glpi-db", "glpi-db", "America/Bogota", &[&e, &t, &s], &[]);
    assert_eq!(code, 0, "{err}");
    // events: 8 rows = 5 accepted + 2 rejected (ticket 99 unknown, NULL
    // instant) + 1 identical row merged.
    assert!(
        err.contains(
            "8 rows read, 5 accepted, 2 rejected, 1 duplicates merged"
        ),
        "{err}"
    );
    // surveys: 2 rows = 1 accepted + 1 rejected (7 on a 0..5 scale).
    assert!(
        err.contains(
            "2 rows read, 1 accepted, 1 rejected, 0 duplicates merged"
        ),
        "{err}"
    );
    // Ticket 2's change at 08:00 precedes its 09:00 opening: kept, counted.
    assert!(err.contains("1 events before opening"), "{err}");
    let tk = read_rows(&out.join("tickets.csv"));
    assert_eq!(tk.len(), 3);
    assert_eq!(tk[0]["service"], ""); // NULL
    assert_eq!(tk[0]["group"], "Mesa");
    assert_eq!(tk[0]["solvedate"], "2026-01-14 10:30:00");
    let o = |h: &str| format!("2026-01-{h}-05:00");
    assert_eq!(
        triples(&out.join("events.csv")),
        [
            // Initial status = first change's old_status (2), at opening.
            ("1".into(), o("13T08:05:00"), "2".into()),
            ("1".into(), o("13T09:00:00"), "4".into()),
            ("1".into(), o("13T11:00:00"), "2".into()),
            ("1".into(), o("14T10:30:00"), "5".into()),
            ("1".into(), o("15T03:10:00"), "6".into()),
            ("2".into(), o("14T08:00:00"), "2".into()),
            ("2".into(), o("14T09:00:00"), "1".into()),
            // No change logged: the current status, at opening.
            ("3".into(), o("15T09:00:00"), "1".into()),
        ]
    );
    let rj = read_rows(&out.join("rejects.csv"));
    let reasons: Vec<(&str, &str)> = rj
        .iter()
        .map(|r| (r["line"].as_str(), r["column"].as_str()))
        .collect();
    assert!(reasons.contains(&("8", "ticket_id")), "{rj:?}");
    assert!(reasons.contains(&("9", "at")), "{rj:?}");
    assert!(reasons.contains(&("3", "score")), "{rj:?}");
    let sv = read_rows(&out.join("surveys.csv"));
    assert_eq!(sv.len(), 1);
    assert_eq!(sv[0]["answered_at"], "2026-01-16T08:00:00-05:00");
    assert_eq!(
        (sv[0]["score"].as_str(), sv[0]["max_score"].as_str()),
        ("4", "5")
    );
}

#[test]
fn ca_sdm_epoch_in_a_dst_zone_and_status_pattern() {
    let (t, e) = (fixture("ca_sdm_tickets.csv"), fixture("ca_sdm_events.csv"));
    // Default pattern: the Spanish ST row does not match -> rejected.
    let (code, err, out) =
        db("ca-sdm-default", "ca-sdm", "Europe/Madrid", &[&t, &e], &[]);
    assert_eq!(code, 0, "{err}");
    assert!(err.contains("3 rows read, 2 accepted, 1 rejected"), "{err}");
    let rj = read_rows(&out.join("rejects.csv"));
    assert_eq!(rj[0]["line"], "4");
    assert!(rj[0]["reason"].contains("--status-pattern"));
    // 1774620000 = 2026-03-27 14:00:00 UTC: 15:00 in Madrid (CET, +01:00).
    let tk = read_rows(&out.join("tickets.csv"));
    assert_eq!(tk[0]["opened_at"], "2026-03-27T15:00:00+01:00");
    // 1774965600 = 2026-03-31 14:00:00 UTC: after the 29 March change,
    // 16:00 CEST (+02:00). A fixed -1 h offset would say 15:00.
    assert_eq!(tk[0]["resolved_at"], "2026-03-31T16:00:00+02:00");
    assert_eq!(tk[0]["assignee"], "Pérez, Ana");
    // A pattern for both wordings.
    let (code, err, out) = db(
        "ca-sdm-pattern",
        "ca-sdm",
        "Europe/Madrid",
        &[&t, &e],
        &["--status-pattern", r"(?:to '|cambiado a )([^']+)'?$"],
    );
    assert_eq!(code, 0, "{err}");
    assert_eq!(
        triples(&out.join("events.csv")),
        [
            (
                "1001".into(),
                "2026-03-27T16:00:00+01:00".into(),
                "Work In Progress".into()
            ),
            (
                "1001".into(),
                "2026-03-31T16:00:00+02:00".into(),
                "Resuelto".into()
            ),
        ]
    );
    assert!(err.contains("1 INIT rows"), "{err}");
}

#[test]
fn aranda_status_fallback_and_event_before_opening() {
    let (t, e) = (fixture("aranda_tickets.csv"), fixture("aranda_events.csv"));
    let (code, err, out) =
        db("aranda", "aranda", "America/Bogota", &[&t, &e], &[]);
    assert_eq!(code, 0, "{err}");
    assert!(err.contains("1 events before opening"), "{err}");
    assert_eq!(
        triples(&out.join("events.csv")),
        [
            (
                "INC-10".into(),
                "2026-01-30T09:00:00-05:00".into(),
                "Registrado".into()
            ),
            (
                "INC-10".into(),
                "2026-02-03T09:00:00-05:00".into(),
                "En Proceso".into()
            ),
            // Empty label: the status id.
            (
                "INC-10".into(),
                "2026-02-04T09:00:00-05:00".into(),
                "5".into()
            ),
        ]
    );
    let tk = read_rows(&out.join("tickets.csv"));
    assert_eq!(tk[0]["category"], "Software/ERP");
    assert_eq!(tk[0]["final_status"], "0");
}

#[test]
fn google_forms_surveys_through_the_mapping() {
    let dir = tempdir("surveys-forms");
    let (code, _, err) = run(
        &dir,
        &[
            "ingest",
            "--lang",
            "en",
            "--source",
            "glpi-db",
            "--timezone",
            "America/Bogota",
            "--mapping",
            &fixture("surveys_mapping.toml"),
            "--input",
            &fixture("glpi_db_tickets.tsv"),
            "--surveys",
            &fixture("surveys_google_forms.csv"),
            "--out",
            "out",
        ],
    );
    assert_eq!(code, 0, "{err}");
    // 4 answers: 2 kept, 9 out of the 0..5 scale, ticket 77 unknown.
    assert!(err.contains("4 rows read, 2 accepted, 2 rejected"), "{err}");
    let sv = read_rows(&dir.join("out/surveys.csv"));
    assert_eq!(sv[0]["answered_at"], "2026-01-16T08:05:10-05:00");
    assert_eq!(sv[0]["comment"], "Muy bien, gracias");
    assert_eq!(
        (sv[1]["score"].as_str(), sv[1]["max_score"].as_str()),
        ("4.5", "5")
    );
}

#[test]
fn glpi_satisfactions_dump_skips_unanswered() {
    let sat = crate::util::dataset(
        "glpi_10_0_5_sample/glpi_ticketsatisfactions.csv",
    );
    let tk = crate::util::dataset("glpi_10_0_5_sample/glpi_tickets.csv");
    // Independent count: rows of the dump whose date_answered is set
    // (column position found from the header; every value quoted).
    let mut r = csv::Reader::from_path(&sat).unwrap();
    let h = r.headers().unwrap().clone();
    let c = h.iter().position(|x| x == "date_answered").unwrap();
    let t = h.iter().position(|x| x == "tickets_id").unwrap();
    let rows: Vec<csv::StringRecord> =
        r.records().map(|x| x.unwrap()).collect();
    let answered = rows.iter().filter(|x| !x[c].is_empty()).count();
    // The tickets dump is glpi_tickets (id, date, ...): map its columns.
    let dir = tempdir("glpi-sat");
    std::fs::write(
        dir.join("m.toml"),
        "[tickets]\nticket_id = \"id\"\nopened_at = \"date\"\n[surveys]\nmax_score = 5\n",
    )
    .unwrap();
    let (code, _, err) = run(
        &dir,
        &[
            "ingest",
            "--lang",
            "en",
            "--source",
            "glpi-db",
            "--timezone",
            "America/Bogota",
            "--mapping",
            "m.toml",
            "--input",
            &tk.display().to_string(),
            "--surveys",
            &sat.display().to_string(),
            "--out",
            "out",
        ],
    );
    assert_eq!(code, 0, "{err}");
    let sv = read_rows(&dir.join("out/surveys.csv"));
    let ids_in_sample = rows
        .iter()
        .filter(|x| !x[c].is_empty() && x[t].parse::<u32>().unwrap() <= 60)
        .count();
    assert_eq!(sv.len(), ids_in_sample);
    assert!(answered >= sv.len());
}
