//! `plazo sla` and `plazo explain` on hand-made tickets
//! (tests/data/sla/): every expected value below was computed by hand
//! from the policy's calendar (Mon-Fri 07-12, 13-17 in Bogotá, Colombian
//! holidays) before the engine existed; the working is in the comments.

use std::collections::HashMap;
use std::path::PathBuf;

use crate::util::{ok_stdout, plazo, plazo_on, root, tempdir};

fn run_sla(lang: &str) -> (Vec<HashMap<String, String>>, String, String) {
    let (rows, rejects, stderr, _) = run_sla_header(lang);
    (rows, rejects, stderr)
}

fn run_sla_header(
    lang: &str,
) -> (Vec<HashMap<String, String>>, String, String, String) {
    let dir = tempdir(&format!("sla-cases-{lang}"));
    let data = root().join("tests/data/sla");
    let out = dir.join("sla.csv");
    let o = plazo(
        &dir,
        &[
            "--lang",
            lang,
            "sla",
            "--policy",
            data.join("policy.toml").to_str().unwrap(),
            "--tickets",
            data.join("tickets.csv").to_str().unwrap(),
            "--events",
            data.join("events.csv").to_str().unwrap(),
            "--surveys",
            data.join("surveys.csv").to_str().unwrap(),
            "--cutoff",
            "2026-08-03 12:00",
            "--out",
            out.to_str().unwrap(),
        ],
    );
    ok_stdout(&o);
    let mut rdr = csv::Reader::from_path(&out).unwrap();
    let headers = rdr.headers().unwrap().clone();
    let rows = rdr
        .records()
        .map(|r| {
            let r = r.unwrap();
            headers
                .iter()
                .map(String::from)
                .zip(r.iter().map(String::from))
                .collect()
        })
        .collect();
    let rejects =
        std::fs::read_to_string(dir.join("sla.rejects.csv")).unwrap();
    let text = std::fs::read_to_string(&out).unwrap();
    let header = text.lines().next().unwrap().to_string();
    (
        rows,
        rejects,
        String::from_utf8_lossy(&o.stderr).to_string(),
        header,
    )
}

fn row<'a>(
    rows: &'a [HashMap<String, String>],
    id: &str,
) -> &'a HashMap<String, String> {
    rows.iter().find(|r| r["ticket_id"] == id).unwrap()
}

fn check(r: &HashMap<String, String>, want: &[(&str, &str)]) {
    for (k, v) in want {
        assert_eq!(r[*k], *v, "ticket {} column {k}", r["ticket_id"]);
    }
}

#[test]
fn contract_columns_come_first_in_order() {
    let (rows, _, _, header) = run_sla_header("es");
    use plazo::engine::output::{COLUMNS, EVALUATION_COLUMNS};
    assert_eq!(rows[0].len(), COLUMNS.len() + EVALUATION_COLUMNS.len());
    assert_eq!(
        header.split(',').take(22).collect::<Vec<_>>().join(","),
        "ticket_id,type,priority,category,group,assignee,opened_at,responded_at,\
         solved_at,closed_at,state,response_business_s,resolution_business_s,\
         paused_business_s,response_target_s,resolution_target_s,response_met,\
         resolution_met,resolution_due_at,reopen_count,survey_score,excluded_reason"
    );
}

#[test]
fn pause_over_a_weekend_and_a_holiday() {
    // T1, Alta (1h / 8h). Opened Thu 2026-07-09 09:00, open 09:30,
    // paused Thu 16:00 -> Tue 14 July 10:00 (Mon 13 July: Chiquinquirá),
    // solved Tue 11:30, closed Wed 08:00.
    // response: 09:00-09:30 = 1800. resolution: 0.5 h new + Thu 09:30-12
    // (2.5 h) + 13-16 (3 h) + Tue 10:00-11:30 (1.5 h) = 7.5 h = 27000.
    // paused: Thu 16-17 (1 h) + Fri 9 h + Tue 07-10 (3 h) = 13 h = 46800.
    // due: 0.5 h left at the solve (Tue 11:30) -> Tue 12:00.
    // expected close: solve + 3bd = Fri 17 July 11:30; closed before.
    let (rows, _, _) = run_sla("es");
    check(
        row(&rows, "T1"),
        &[
            ("responded_at", "2026-07-09T09:30:00-05:00"),
            ("solved_at", "2026-07-14T11:30:00-05:00"),
            ("closed_at", "2026-07-15T08:00:00-05:00"),
            ("state", "closed"),
            ("response_business_s", "1800"),
            ("resolution_business_s", "27000"),
            ("paused_business_s", "46800"),
            ("response_target_s", "3600"),
            ("resolution_target_s", "28800"),
            ("response_met", "true"),
            ("resolution_met", "true"),
            ("resolution_due_at", "2026-07-14T12:00:00-05:00"),
            ("reopen_count", "0"),
            ("excluded_reason", ""),
            ("wall_resolution_s", "441000"),
            ("auto_closed", "false"),
            ("close_late", "false"),
        ],
    );
}

#[test]
fn reopen_after_a_rejected_survey() {
    // T2, Media (4h / 18h). Mon 2026-03-02 08:00 opened, 08:20 open, 10:20
    // solved, 15:00 survey score 2, 15:05 reopened, Tue 09:00 solved,
    // 09:30 closed. Solved 10:20-15:05 = 1h40 + 2h05 = 13500 (not counted).
    // resolution = 20m + 2h + 1h55 (15:05-17) + 2h (Tue 07-09) = 22500.
    // due: 64800 - 22500 = 11h45 after Tue 09:00 -> Wed 11:45.
    let (rows, _, _) = run_sla("es");
    check(
        row(&rows, "T2"),
        &[
            ("response_business_s", "1200"),
            ("resolution_business_s", "22500"),
            ("solved_at", "2026-03-03T09:00:00-05:00"),
            ("reopen_count", "1"),
            ("solved_before_reopen_business_s", "13500"),
            ("survey_score", "2"),
            ("resolution_met", "true"),
            ("resolution_due_at", "2026-03-04T11:45:00-05:00"),
            ("auto_closed", "false"),
            ("wall_resolution_s", "90000"),
        ],
    );
}

#[test]
fn auto_close_and_business_day_target_over_holy_week() {
    // T3, Requerimiento (2h / 2bd). Wed 2026-04-01 10:00; Thu 2 and Fri 3
    // April are holidays. 2bd -> Tue 7 April 10:00; B = 2+4 (Wed) + 9 (Mon)
    // + 3 (Tue) = 18 h = 64800. resolution 1 h new + 4 h open = 18000.
    // Expected close: Wed 16:00 + 3bd = Wed 8 April 16:00; closed Thu 9
    // April 03:00 by the nightly job with no survey: auto-closed, and
    // late by Wed 16-17 (1 business hour).
    let (rows, _, _) = run_sla("es");
    check(
        row(&rows, "T3"),
        &[
            ("resolution_target_s", "64800"),
            ("resolution_business_s", "18000"),
            ("resolution_due_at", "2026-04-07T10:00:00-05:00"),
            ("closed_at", "2026-04-09T03:00:00-05:00"),
            ("auto_closed", "true"),
            ("close_late", "true"),
            ("target_rule", "1"),
        ],
    );
}

#[test]
fn exclusions_massive_cancelled_no_target() {
    let (rows, _, _) = run_sla("es");
    check(
        row(&rows, "T4"),
        &[
            ("excluded_reason", "massive"),
            ("resolution_business_s", "7200"),
        ],
    );
    check(
        row(&rows, "T5"),
        &[
            ("excluded_reason", "cancelled"),
            ("state", "cancelled"),
            ("resolution_due_at", ""),
        ],
    );
    check(
        row(&rows, "T8"),
        &[
            ("excluded_reason", "no_target"),
            ("response_target_s", ""),
            ("response_met", ""),
            ("response_business_s", "900"),
        ],
    );
}

#[test]
fn opened_on_a_saturday_night() {
    // T6, Alta. Opened Sat 2026-05-09 22:00, open Mon 07:40, solved Mon
    // 16:30. response 40 min; resolution 40m + 4h20 + 3h30 = 8h30 = 30600
    // > 28800: breached by 1800; due: 7h20 after Mon 07:40 -> 16:00.
    let (rows, _, _) = run_sla("es");
    check(
        row(&rows, "T6"),
        &[
            ("response_business_s", "2400"),
            ("response_due_at", "2026-05-11T08:00:00-05:00"),
            ("resolution_business_s", "30600"),
            ("resolution_met", "false"),
            ("resolution_overrun_s", "1800"),
            ("resolution_due_at", "2026-05-11T16:00:00-05:00"),
        ],
    );
}

#[test]
fn open_at_the_cutoff_is_at_risk() {
    // T7, Alta. Fri 2026-07-31 14:30 opened, 15:00 open; cutoff Mon 3 Aug
    // 12:00 (its solve on 4 Aug is after the cutoff: ignored). So far
    // 30m + 2h + 5h = 7.5 h = 27000 >= 80% of 8 h: at risk; due 30 min
    // after the cutoff, over lunch: 13:30.
    let (rows, _, _) = run_sla("es");
    check(
        row(&rows, "T7"),
        &[
            ("state", "open"),
            ("solved_at", ""),
            ("resolution_met", ""),
            ("resolution_business_s", "27000"),
            ("resolution_class", "at_risk"),
            ("at_risk", "at_risk"),
            ("resolution_due_at", "2026-08-03T13:30:00-05:00"),
            ("events", "1"),
        ],
    );
}

#[test]
fn early_and_duplicate_events_and_rejects() {
    // T9: "En curso" at 09:55, before the 10:00 opening, twice: merged and
    // clamped to the opening (response 0); resolution 10-12 + 13-14 = 3 h.
    let (rows, rejects, stderr) = run_sla("en");
    check(
        row(&rows, "T9"),
        &[
            ("response_business_s", "0"),
            ("resolution_business_s", "10800"),
        ],
    );
    assert_eq!(rows.len(), 9);
    assert_eq!(
        rejects,
        format!(
            "file,line,column,value,reason\n\
             {ev},27,ticket_id,T42,ticket not in the tickets table\n\
             {ev},28,at,03/06/2026 15:00,unreadable date: use ISO 8601 (2026-03-05 14:22[:10][-05:00])\n\
             {sv},3,ticket_id,T99,ticket not in the tickets table\n",
            ev = root().join("tests/data/sla/events.csv").display(),
            sv = root().join("tests/data/sla/surveys.csv").display(),
        )
    );
    assert!(stderr.contains("9 tickets evaluated"), "{stderr}");
    assert!(
        stderr.contains(
            "2 excluded (cancelled 1, massive incident 1); 1 without a target \
             (no_target)"
        ),
        "{stderr}"
    );
    assert!(
        stderr.contains("1 duplicates merged, 1 before opening"),
        "{stderr}"
    );
    assert!(stderr.contains("3 rejected rows"), "{stderr}");
}

#[test]
fn strict_makes_rejects_fatal() {
    let dir = tempdir("sla-strict");
    let data = root().join("tests/data/sla");
    let out = dir.join("x.csv");
    let o = plazo_on(
        &dir,
        "sla",
        &data,
        &[
            "--strict",
            "--cutoff",
            "2026-08-03 12:00",
            "--out",
            out.to_str().unwrap(),
        ],
    );
    assert_eq!(o.status.code(), Some(2));
    assert!(!dir.join("x.csv").exists(), "no partial output");
}

#[test]
fn unknown_status_labels_are_listed_with_the_key_to_add() {
    let dir = tempdir("sla-unknown");
    let data = root().join("tests/data/sla");
    std::fs::write(
        dir.join("events.csv"),
        "ticket_id,at,status\nT1,2026-07-09 09:30,Pendiente\nT2,2026-03-02 08:20,Pendiente\nT2,2026-03-02 09:00,Escalado\n",
    )
    .unwrap();
    let o = plazo(
        &dir,
        &[
            "--lang",
            "en",
            "sla",
            "--policy",
            data.join("policy.toml").to_str().unwrap(),
            "--tickets",
            data.join("tickets.csv").to_str().unwrap(),
            "--events",
            "events.csv",
            "--cutoff",
            "2026-08-03 12:00",
            "--out",
            "x.csv",
        ],
    );
    assert_eq!(o.status.code(), Some(2));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        err.contains("2 status label(s) not mapped in [states]"),
        "{err}"
    );
    assert!(
        err.contains("\"Escalado\": 1 events, e.g. ticket T2"),
        "{err}"
    );
    assert!(
        err.contains("\"Pendiente\": 2 events, e.g. ticket T1"),
        "{err}"
    );
    assert!(
        err.contains("add them to their state's key in [states]"),
        "{err}"
    );
}

#[test]
fn explain_reads_well() {
    let dir = tempdir("explain");
    let data = root().join("tests/data/sla");
    let o = plazo(
        &dir,
        &[
            "explain",
            "--policy",
            data.join("policy.toml").to_str().unwrap(),
            "--tickets",
            data.join("tickets.csv").to_str().unwrap(),
            "--events",
            data.join("events.csv").to_str().unwrap(),
            "--cutoff",
            "2026-08-03 12:00",
            "--ticket",
            "T1",
        ],
    );
    let text = ok_stdout(&o);
    assert!(
        text.starts_with("Ticket T1 — Pausa sobre fin de semana y festivo\n"),
        "{text}"
    );
    // The pause interval: Thu 16:00 -> Tue 10:00, 4 days 18 h wall, 13 h business.
    let pause = text.lines().find(|l| l.contains("En espera")).unwrap();
    assert!(pause.contains("jue 2026-07-09 16:00:00"), "{pause}");
    assert!(pause.contains("mar 2026-07-14 10:00:00"), "{pause}");
    assert!(
        pause.contains("114:00:00") && pause.contains("13:00:00"),
        "{pause}"
    );
    assert!(pause.contains("pausa (no cuenta)"), "{pause}");
    assert!(
        text.contains("Solución: 7:30:00 hábiles, dentro de 8:00:00"),
        "{text}"
    );
    assert!(text.contains("CUMPLE"), "{text}");
    let o = plazo(
        &dir,
        &[
            "--lang",
            "en",
            "explain",
            "--policy",
            data.join("policy.toml").to_str().unwrap(),
            "--tickets",
            data.join("tickets.csv").to_str().unwrap(),
            "--events",
            data.join("events.csv").to_str().unwrap(),
            "--cutoff",
            "2026-08-03 12:00",
            "--ticket",
            "T6",
        ],
    );
    let text = ok_stdout(&o);
    assert!(
        text.contains("Resolution: 8:30:00 business, target 8:00:00"),
        "{text}"
    );
    assert!(text.contains("BREACHED by 0:30:00 business"), "{text}");
}

#[test]
fn summary_names_target_rules_no_ticket_matched() {
    // The fixtures' three rules each match a ticket (T1 Alta, T3
    // Requerimiento, T2 Media); a fourth for "Crítica" matches none.
    let dir = tempdir("sla-unused-rule");
    let data = root().join("tests/data/sla");
    let base = std::fs::read_to_string(data.join("policy.toml")).unwrap();
    let extra = "\n[[targets]]\npriority = \"Crítica\"\nresponse = \"30m\"\n";
    let mine = dir.join("mine");
    std::fs::create_dir_all(&mine).unwrap();
    std::fs::write(mine.join("policy.toml"), format!("{base}{extra}"))
        .unwrap();
    for f in ["tickets.csv", "events.csv"] {
        std::fs::copy(data.join(f), mine.join(f)).unwrap();
    }
    let out = dir.join("sla.csv");
    let run = |folder: &std::path::Path| {
        let o = plazo_on(
            &dir,
            "sla",
            folder,
            &[
                "--cutoff",
                "2026-08-03 12:00",
                "--out",
                out.to_str().unwrap(),
            ],
        );
        ok_stdout(&o);
        String::from_utf8(o.stderr).unwrap()
    };
    let with = run(&mine);
    assert!(
        with.contains(
            "Reglas de ANS sin ningún ticket: targets[3] (priority = critica)"
        ),
        "{with}"
    );
    let without = run(&data);
    assert!(!without.contains("sin ningún ticket"), "{without}");
}

/// The fixtures with `extra` appended to their policy, in a folder of
/// `dir` (tickets and events copied beside it).
fn fixtures_with_policy(dir: &std::path::Path, extra: &str) -> PathBuf {
    let data = root().join("tests/data/sla");
    let base = std::fs::read_to_string(data.join("policy.toml")).unwrap();
    let mine = dir.join("mine");
    std::fs::create_dir_all(&mine).unwrap();
    std::fs::write(mine.join("policy.toml"), format!("{base}{extra}"))
        .unwrap();
    for f in ["tickets.csv", "events.csv"] {
        std::fs::copy(data.join(f), mine.join(f)).unwrap();
    }
    mine
}

/// `excluded_reason` by ticket from the fixtures as they are and from
/// `mine`, both at the fixtures' cutoff; also the second run's stderr.
type Reasons = Vec<(String, String)>;

fn reasons_base_and(
    dir: &std::path::Path,
    mine: &std::path::Path,
) -> (Reasons, Reasons, String) {
    let data = root().join("tests/data/sla");
    let (a, b) = (dir.join("base.csv"), dir.join("rules.csv"));
    let mut stderr = String::new();
    for (folder, out) in [(&data, &a), (&mine.to_path_buf(), &b)] {
        let o = plazo_on(
            dir,
            "sla",
            folder,
            &[
                "--cutoff",
                "2026-08-03 12:00",
                "--out",
                out.to_str().unwrap(),
            ],
        );
        ok_stdout(&o);
        stderr = String::from_utf8(o.stderr).unwrap();
    }
    (reasons(&a), reasons(&b), stderr)
}

fn reasons(csv_path: &std::path::Path) -> Vec<(String, String)> {
    let mut rdr = csv::Reader::from_path(csv_path).unwrap();
    rdr.records()
        .map(|r| {
            let r = r.unwrap();
            (r[0].to_string(), r[21].to_string())
        })
        .collect()
}

#[test]
fn named_exclusion_rules_come_before_built_in_reasons() {
    // T4 is the only ticket with channel "teléfono" (it is also massive:
    // 12 affected users); T5's last status is "Anulado" (cancelled). The
    // rules take their tickets before the built-in reasons; every other
    // ticket keeps the reason it has without the rules.
    let dir = tempdir("sla-named-exclusions");
    let mine = fixtures_with_policy(
        &dir,
        r#"
[[exclude.rules]]
reason = "canal_telefonico"
description = "Atención telefónica, fuera del ANS"
column = "channel"
values = ["TELEFONO"]

[[exclude.rules]]
reason = "anulado_por_usuario"
final_status = ["anulado"]
"#,
    );
    let (base, rules, stderr) = reasons_base_and(&dir, &mine);
    assert_eq!(base.len(), 9);
    for ((id, was), (id2, now)) in base.iter().zip(&rules) {
        assert_eq!(id, id2);
        let want = match id.as_str() {
            "T4" => "canal_telefonico",
            "T5" => "anulado_por_usuario",
            _ => was.as_str(),
        };
        assert_eq!(now, want, "{id}");
    }
    assert_eq!(base[3].1, "massive");
    assert_eq!(base[4].1, "cancelled");
    assert!(
        stderr.contains("Atención telefónica, fuera del ANS 1"),
        "{stderr}"
    );
    // explain says which rule and which value.
    let o = plazo_on(
        &dir,
        "explain",
        &mine,
        &["--cutoff", "2026-08-03 12:00", "--ticket", "T4"],
    );
    let text = ok_stdout(&o);
    assert!(
        text.contains(
            "EXCLUIDO: Atención telefónica, fuera del ANS (exclude.rules[0] \
             canal_telefonico: channel = \"teléfono\")"
        ),
        "{text}"
    );
}

#[test]
fn exclusion_rule_on_a_missing_column_is_exit_2() {
    let dir = tempdir("sla-exclusion-missing-column");
    let mine = fixtures_with_policy(
        &dir,
        "\n[[exclude.rules]]\nreason = \"desistida\"\n\
         column = \"tipo_solucion\"\nvalues = [\"Desistida\"]\n",
    );
    let out = dir.join("x.csv");
    let o = plazo_on(&dir, "sla", &mine, &["--out", out.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        err.contains(
            "exclude.rules[0].column: la tabla de tickets no tiene la \
             columna \"tipo_solucion\" (columnas adicionales: title; \
             también sirven type"
        ),
        "{err}"
    );
    assert!(!out.exists());
}

type Rows = HashMap<String, HashMap<String, String>>;

/// `tickets` and `events` (CSV text) in `dir`, evaluated by `plazo sla` at
/// 2026-03-31 23:59 under the fixtures' policy followed by each of
/// `extras` in turn (the policy is left as the last one): the rows of each
/// run, by ticket id.
fn sla_under_policies(
    dir: &std::path::Path,
    tickets: &str,
    events: &str,
    extras: &[&str],
) -> Vec<Rows> {
    let data = root().join("tests/data/sla");
    let base = std::fs::read_to_string(data.join("policy.toml")).unwrap();
    std::fs::write(dir.join("tickets.csv"), tickets).unwrap();
    std::fs::write(dir.join("events.csv"), events).unwrap();
    let out = dir.join("sla.csv");
    let args = [
        "--cutoff",
        "2026-03-31 23:59",
        "--out",
        out.to_str().unwrap(),
    ];
    extras
        .iter()
        .map(|extra| {
            std::fs::write(dir.join("policy.toml"), format!("{base}{extra}"))
                .unwrap();
            ok_stdout(&plazo_on(dir, "sla", dir, &args));
            rows_by_id(&out)
        })
        .collect()
}

/// Rows of a per-ticket CSV as maps, by ticket id.
fn rows_by_id(
    path: &std::path::Path,
) -> HashMap<String, HashMap<String, String>> {
    let mut rdr = csv::Reader::from_path(path).unwrap();
    let h = rdr.headers().unwrap().clone();
    rdr.records()
        .map(|r| {
            let r = r.unwrap();
            let m: HashMap<String, String> = h
                .iter()
                .map(String::from)
                .zip(r.iter().map(String::from))
                .collect();
            (m["ticket_id"].clone(), m)
        })
        .collect()
}

#[test]
fn targets_carried_by_the_ticket_win_over_the_rule() {
    // The fixtures' policy (Mon-Fri 07-12, 13-17) with the resolution
    // target read from the tickets' `ans` column, bare numbers in minutes.
    // All three open Tue 2026-03-03 08:00, respond 08:30 or 09:00.
    // A (Alta: rule 1h/8h), ans 120 -> 2 h: solved 11:00 after 3 h, over.
    // B (Alta), ans empty -> the rule's 8 h: met.
    // C (Urgente: no rule matches), ans 2bd -> due Thu 08:00, i.e. 4+4+9+1
    //   = 18 h; solved Wed 10:00 after 4+4+3 = 11 h: met, and not no_target.
    let dir = tempdir("sla-ticket-targets");
    let data = root().join("tests/data/sla");
    let base = std::fs::read_to_string(data.join("policy.toml")).unwrap();
    let extra = "\n[targets_from_ticket]\nresolution = \"ans\"\nnumbers = \"minutes\"\n";
    std::fs::write(dir.join("policy.toml"), format!("{base}{extra}")).unwrap();
    std::fs::write(
        dir.join("tickets.csv"),
        "ticket_id,opened_at,type,priority,ans\n\
         A,2026-03-03 08:00,Incidente,Alta,120\n\
         B,2026-03-03 08:00,Incidente,Alta,\n\
         C,2026-03-03 08:00,Incidente,Urgente,2bd\n",
    )
    .unwrap();
    std::fs::write(
        dir.join("events.csv"),
        "ticket_id,at,status\n\
         A,2026-03-03 08:30,En curso\nA,2026-03-03 11:00,Resuelto\n\
         B,2026-03-03 08:30,En curso\nB,2026-03-03 11:00,Resuelto\n\
         C,2026-03-03 09:00,En curso\nC,2026-03-04 10:00,Resuelto\n",
    )
    .unwrap();
    let out = dir.join("sla.csv");
    let args = [
        "--cutoff",
        "2026-03-31 23:59",
        "--out",
        out.to_str().unwrap(),
    ];
    ok_stdout(&plazo_on(&dir, "sla", &dir, &args));
    let r = rows_by_id(&out);
    let get = |id: &str, c: &str| r[id][c].as_str();
    assert_eq!(get("A", "resolution_business_s"), "10800");
    assert_eq!(get("A", "resolution_target_s"), "7200");
    assert_eq!(get("A", "resolution_met"), "false");
    assert_eq!(get("A", "resolution_due_at"), "2026-03-03T10:00:00-05:00");
    assert_eq!(get("A", "resolution_overrun_s"), "3600");
    assert_eq!(get("A", "response_target_s"), "3600"); // the rule's 1 h
    assert_eq!(get("B", "resolution_target_s"), "28800");
    assert_eq!(get("B", "resolution_met"), "true");
    assert_eq!(get("C", "excluded_reason"), "");
    assert_eq!(get("C", "resolution_business_s"), "39600");
    assert_eq!(get("C", "resolution_target_s"), "64800");
    assert_eq!(get("C", "resolution_due_at"), "2026-03-05T08:00:00-05:00");
    assert_eq!(get("C", "resolution_met"), "true");
    assert_eq!(get("C", "response_target_s"), "");
    assert_eq!(get("C", "target_rule"), "");
    // explain says where the target came from.
    let o = plazo_on(
        &dir,
        "explain",
        &dir,
        &["--cutoff", "2026-03-31 23:59", "--ticket", "A"],
    );
    let text = ok_stdout(&o);
    assert!(
        text.contains(
            "ANS propio del ticket (prevalece sobre la regla): respuesta el \
             de la regla, solución 2h (ans)"
        ),
        "{text}"
    );
    assert!(
        text.contains("solución 8h (no se usa: vale el del ticket)"),
        "{text}"
    );
    // C: no rule; the ticket's resolution target; no response measured.
    let o = plazo_on(
        &dir,
        "explain",
        &dir,
        &["--cutoff", "2026-03-31 23:59", "--ticket", "C"],
    );
    let text = ok_stdout(&o);
    assert!(
        text.contains(
            "ANS propio del ticket (prevalece sobre la regla): respuesta no \
             se mide, solución 2bd (ans)"
        ),
        "{text}"
    );
    // An unreadable cell is a reject (file, line, column, value): the
    // ticket is kept with its rule's target; --strict stops on it.
    std::fs::write(
        dir.join("tickets.csv"),
        "ticket_id,opened_at,priority,ans\nA,2026-03-03 08:00,Alta,dos horas\n",
    )
    .unwrap();
    std::fs::write(
        dir.join("events.csv"),
        "ticket_id,at,status\nA,2026-03-03 08:30,En curso\n",
    )
    .unwrap();
    ok_stdout(&plazo_on(&dir, "sla", &dir, &args));
    assert_eq!(rows_by_id(&out)["A"]["resolution_target_s"], "28800");
    let rejects =
        std::fs::read_to_string(dir.join("sla.rejects.csv")).unwrap();
    let want = format!(
        "{},2,ans,dos horas,\"duración ilegible \"\"dos horas\"\"",
        dir.join("tickets.csv").display()
    );
    assert!(rejects.contains(&want), "{rejects}");
    assert!(rejects.contains("se mide con el objetivo de su regla"));
    let strict = [&["--strict"][..], &args[..]].concat();
    let o = plazo_on(&dir, "sla", &dir, &strict);
    assert_eq!(o.status.code(), Some(2));
    let err = String::from_utf8_lossy(&o.stderr);
    let first = format!(
        "la primera: {}:2: columna ans: \"dos horas\"",
        dir.join("tickets.csv").display()
    );
    assert!(err.contains(&first), "{err}");
}

#[test]
fn an_outage_window_excludes_the_tickets_it_caused() {
    // A network outage in May 2026: tickets of category "Red" opened in
    // [2026-05-01, 2026-06-01) are T4 (05-05 08:00) and T6 (05-09 22:00).
    // T5 (05-06, Software) is in the window but not in the category; T1,
    // T7, T8 are Red but opened in June or July.
    let dir = tempdir("sla-outage-window");
    let mine = fixtures_with_policy(
        &dir,
        r#"
[[exclude.rules]]
reason = "caida_red_mayo"
description = "Caída de la red, mayo de 2026"
opened_between = ["2026-05-01 00:00", "2026-06-01 00:00"]
column = "category"
values = "red"
"#,
    );
    let (base, rules, _) = reasons_base_and(&dir, &mine);
    for ((id, was), (_, now)) in base.iter().zip(&rules) {
        let want = match id.as_str() {
            "T4" | "T6" => "caida_red_mayo",
            _ => was.as_str(),
        };
        assert_eq!(now, want, "{id}");
    }
    let o = plazo_on(
        &dir,
        "explain",
        &mine,
        &["--cutoff", "2026-08-03 12:00", "--ticket", "T6"],
    );
    let text = ok_stdout(&o);
    assert!(
        text.contains(
            "EXCLUIDO: Caída de la red, mayo de 2026 (exclude.rules[0] \
             caida_red_mayo: category = \"Red\", abierto sáb 2026-05-09 22:00"
        ),
        "{text}"
    );
}

#[test]
fn auto_close_read_from_the_closing_note() {
    // Solved Mon 2026-03-02 09:00; the expected close is 3 business days
    // later, Thu 09:00. No surveys.
    // X1 closed Thu 09:00, note "Por tiempo excedido ...": auto either way.
    // X3 closed Fri 08:00 (after the expiry), note "validado con el
    //    usuario": the timing says auto, the note says not.
    // X4 closed Tue 09:00 (early), note "Por tiempo excedido": the timing
    //    says not, the note says auto.
    let dir = tempdir("sla-auto-close-notes");
    let data = root().join("tests/data/sla");
    let base = std::fs::read_to_string(data.join("policy.toml")).unwrap();
    let with = base.replace(
        "[close]\n",
        "[close]\nauto_close_notes = [\"por TIEMPO excedido\"]\n",
    );
    assert_ne!(base, with);
    let mut t = String::from("ticket_id,opened_at,priority\n");
    let mut e = String::from("ticket_id,at,status,note\n");
    for (id, closed, note) in [
        (
            "X1",
            "2026-03-05 09:00",
            "Cerrado Por tiempo excedido de los 3 días",
        ),
        ("X3", "2026-03-06 08:00", "Se ha validado con el usuario"),
        ("X4", "2026-03-03 09:00", "Por tiempo excedido"),
    ] {
        t.push_str(&format!("{id},2026-03-02 08:00,Alta\n"));
        e.push_str(&format!(
            "{id},2026-03-02 08:10,En curso,\n{id},2026-03-02 09:00,Resuelto,\n\
             {id},{closed},Cerrado,{note}\n"
        ));
    }
    // X5: closed Thu 09:00 without a note, the nightly job's repeated
    // "Cerrado" at 10:00 carries it (same closed run).
    t.push_str("X5,2026-03-02 08:00,Alta\n");
    e.push_str(
        "X5,2026-03-02 08:10,En curso,\nX5,2026-03-02 09:00,Resuelto,\n\
         X5,2026-03-05 09:00,Cerrado,\n\
         X5,2026-03-05 10:00,Cerrado,Por tiempo excedido\n",
    );
    let out = dir.join("sla.csv");
    let mut got = Vec::new();
    for policy in [&base, &with] {
        std::fs::write(dir.join("policy.toml"), policy).unwrap();
        std::fs::write(dir.join("tickets.csv"), &t).unwrap();
        std::fs::write(dir.join("events.csv"), &e).unwrap();
        let args = [
            "--cutoff",
            "2026-03-31 23:59",
            "--out",
            out.to_str().unwrap(),
        ];
        ok_stdout(&plazo_on(&dir, "sla", &dir, &args));
        let r = rows_by_id(&out);
        got.push(
            ["X1", "X3", "X4", "X5"].map(|id| r[id]["auto_closed"].clone()),
        );
    }
    assert_eq!(got[0], ["true", "true", "false", "true"], "from the timing");
    assert_eq!(got[1], ["true", "false", "true", "true"], "from the notes");
}

#[test]
fn named_rules_first_match_wins_and_final_status_is_read_at_the_cutoff() {
    // Cutoff Mon 2026-03-02 12:00. r0: last label "Resuelto"; r1:
    // priority Alta.
    // a (Alta): Resuelto at 09:00 -> both hold, r0 (first) wins.
    // b (Alta): Resuelto at 13:00, after the cutoff -> last is En curso:
    //   r1 only.
    // c (Baja): no event -> neither (it has no last label).
    // d (Baja): Resuelto exactly at the cutoff -> r0.
    let dir = tempdir("sla-named-rule-order");
    let mine = fixtures_with_policy(
        &dir,
        "\n[[exclude.rules]]\nreason = \"r0\"\nfinal_status = \"Resuelto\"\n\
         \n[[exclude.rules]]\nreason = \"r1\"\ncolumn = \"priority\"\n\
         values = \"Alta\"\n",
    );
    std::fs::write(
        mine.join("tickets.csv"),
        "ticket_id,opened_at,priority\na,2026-03-02 08:00,Alta\n\
         b,2026-03-02 08:00,Alta\nc,2026-03-02 08:00,Baja\n\
         d,2026-03-02 08:00,Baja\n",
    )
    .unwrap();
    std::fs::write(
        mine.join("events.csv"),
        "ticket_id,at,status\na,2026-03-02 08:30,En curso\n\
         a,2026-03-02 09:00,Resuelto\nb,2026-03-02 08:30,En curso\n\
         b,2026-03-02 13:00,Resuelto\nd,2026-03-02 12:00,Resuelto\n",
    )
    .unwrap();
    let out = dir.join("o.csv");
    let args = [
        "--cutoff",
        "2026-03-02 12:00",
        "--out",
        out.to_str().unwrap(),
    ];
    ok_stdout(&plazo_on(&dir, "sla", &mine, &args));
    let got: Vec<(String, String)> = reasons(&out);
    let want = [("a", "r0"), ("b", "r1"), ("c", ""), ("d", "r0")];
    let want: Vec<(String, String)> = want
        .iter()
        .map(|(a, b)| (a.to_string(), b.to_string()))
        .collect();
    assert_eq!(got, want);
}

#[test]
fn a_reclassified_priority_chooses_the_target_with_matching_from_events() {
    // R1 is "Alta" in the tickets table (rule 0: 1h / 8h); an event at
    // 09:00 reclassifies it "Baja" (rule 2: 4h / 18h). With [matching]
    // from_events = ["priority"] the last priority an event set by the
    // cutoff chooses the rule.
    let dir = tempdir("sla-matching-from-events");
    let runs = sla_under_policies(
        &dir,
        "ticket_id,opened_at,type,priority\nR1,2026-03-03 08:00,Incidente,Alta\n\
         R2,2026-03-03 08:00,Incidente,Alta\n",
        "ticket_id,at,status,priority\nR1,2026-03-03 08:30,En curso,\n\
         R1,2026-03-03 09:00,En curso,Baja\nR1,2026-03-03 16:00,Resuelto,\n\
         R2,2026-03-03 09:00,En curso,Urgente\n",
        &["", "\n[matching]\nfrom_events = [\"priority\"]\n"],
    );
    let got: Vec<(String, String, String)> = runs
        .iter()
        .map(|r| {
            let r = &r["R1"];
            (
                r["target_rule"].clone(),
                r["resolution_target_s"].clone(),
                r["resolution_business_s"].clone(),
            )
        })
        .collect();
    // R2 is reclassified "Urgente", which no rule matches.
    assert_eq!(runs[0]["R2"]["excluded_reason"], "");
    assert_eq!(runs[1]["R2"]["excluded_reason"], "no_target");
    let o = plazo_on(
        &dir,
        "explain",
        &dir,
        &["--cutoff", "2026-03-31 23:59", "--ticket", "R2"],
    );
    let text = ok_stdout(&o);
    assert!(text.contains("priority=\"Urgente\""), "{text}");
    // 08:00-12:00 and 13:00-16:00: 7 h either way.
    assert_eq!(got[0], ("0".into(), "28800".into(), "25200".into()));
    assert_eq!(got[1], ("2".into(), "64800".into(), "25200".into()));
    let o = plazo_on(
        &dir,
        "explain",
        &dir,
        &["--cutoff", "2026-03-31 23:59", "--ticket", "R1"],
    );
    let text = ok_stdout(&o);
    assert!(
        text.contains(
            "Para elegir el ANS: prioridad = Baja (fijada por el evento del \
             mar 2026-03-03 09:00:00; en la tabla de tickets \"Alta\")"
        ),
        "{text}"
    );
}

#[test]
fn clock_start_from_the_reception_column() {
    // [clock] start = "received_at": U1 was received by e-mail at 08:00
    // and registered at 09:00 (Tue 2026-03-03), responded 09:30, solved
    // 11:00. From the registration: response 30 min (met, Alta: 1 h),
    // resolution 2 h. From the reception: 1 h 30 min (breached) and 3 h.
    // U2 has no reception date and U3 an unreadable one (a reject): both
    // start at the registration.
    let dir = tempdir("sla-clock-start");
    let mut ev = String::from("ticket_id,at,status\n");
    for id in ["U1", "U2", "U3", "U4"] {
        ev.push_str(&format!(
            "{id},2026-03-03 09:30,En curso\n{id},2026-03-03 11:00,Resuelto\n"
        ));
    }
    let runs = sla_under_policies(
        &dir,
        "ticket_id,opened_at,priority,received_at\n\
         U1,2026-03-03 09:00,Alta,2026-03-03 08:00\n\
         U2,2026-03-03 09:00,Alta,\nU3,2026-03-03 09:00,Alta,ayer\n\
         U4,2026-03-03 09:00,Alta,2026-03-03 10:00\n\
         U5,2026-04-01 09:00,Alta,2026-03-30 08:00\n",
        &ev,
        &["", "\n[clock]\nstart = \"received_at\"\n"],
    );
    let got: Vec<[String; 4]> = runs
        .iter()
        .map(|r| {
            assert_eq!(r["U5"]["excluded_reason"], "opened_after_cutoff");
            ["U1", "U2", "U3", "U4"].map(|id| {
                let x = &r[id];
                format!(
                    "{} {} {} {}",
                    x["response_business_s"],
                    x["response_met"],
                    x["resolution_business_s"],
                    x["opened_at"]
                )
            })
        })
        .collect();
    let reg = "1800 true 7200 2026-03-03T09:00:00-05:00";
    // U4's "reception" after its registration is ignored; U5 was
    // registered after the cutoff: it did not exist in the tool yet.
    assert_eq!(got[0], [reg, reg, reg, reg]);
    assert_eq!(
        got[1],
        ["5400 false 10800 2026-03-03T09:00:00-05:00", reg, reg, reg]
    );
    let rejects =
        std::fs::read_to_string(dir.join("sla.rejects.csv")).unwrap();
    let want =
        format!("{},4,received_at,ayer,", dir.join("tickets.csv").display());
    assert!(rejects.contains(&want), "{rejects}");
    let o = plazo_on(
        &dir,
        "explain",
        &dir,
        &["--cutoff", "2026-03-31 23:59", "--ticket", "U1"],
    );
    let text = ok_stdout(&o);
    assert!(
        text.contains(
            "Los relojes empiezan: mar 2026-03-03 08:00:00 (received_at, \
             [clock] start)"
        ),
        "{text}"
    );
}
