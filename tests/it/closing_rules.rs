//! The closing rules of `[close]` (docs/CONTRACT.md §3.6,
//! docs/INDICATORS.md "Closing rules"): early closes, closes without
//! approval, late closes and the validation within its limit, on
//! hand-built tickets whose expected values are worked out in the
//! comments, and the early closes of the Víctimas sample recomputed from
//! its raw files.
//!
//! Calendar of the fixtures: Mon-Fri 08-12 and 14-17 in Bogotá (7
//! business hours a day), Colombian holidays; March 2026 starts on a
//! Monday and has no holiday before the 23rd.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use calamine::{Data, Reader, Xlsx, open_workbook};

use crate::util::{BOGOTA_POLICY, ok_stdout, plazo, read_rows, root, tempdir};

/// The states and one resolution target, after [`BOGOTA_POLICY`].
const STATES: &str = r#"
[states]
new = ["Registrado"]
open = ["En proceso"]
solved = ["Solucionado"]
closed = ["Cerrado"]
[[targets]]
resolution = "40h"
"#;

/// Writes policy, tickets, events and surveys into a fresh folder, runs
/// `plazo report --period 2026-03` on them; returns the output folder.
fn report(name: &str, close: &str, events: &str, surveys: &str) -> PathBuf {
    let dir = tempdir(name);
    let policy = format!("{BOGOTA_POLICY}{STATES}{close}");
    std::fs::write(dir.join("policy.toml"), policy).unwrap();
    let ids: BTreeSet<&str> = events
        .lines()
        .filter_map(|l| l.split(',').next())
        .filter(|s| !s.is_empty())
        .collect();
    let mut tickets = String::from("ticket_id,opened_at\n");
    for id in ids {
        tickets.push_str(&format!("{id},2026-03-02 08:00\n"));
    }
    std::fs::write(dir.join("tickets.csv"), tickets).unwrap();
    let ev = format!("ticket_id,at,status,note\n{events}");
    std::fs::write(dir.join("events.csv"), ev).unwrap();
    let sv = format!("ticket_id,answered_at,score\n{surveys}");
    std::fs::write(dir.join("surveys.csv"), sv).unwrap();
    let out = dir.join("out");
    let p = |f: &str| dir.join(f).to_str().unwrap().to_string();
    let args = [
        "report".to_string(),
        "--policy".into(),
        p("policy.toml"),
        "--tickets".into(),
        p("tickets.csv"),
        "--events".into(),
        p("events.csv"),
        "--surveys".into(),
        p("surveys.csv"),
        "--period".into(),
        "2026-03".into(),
        "--out".into(),
        out.to_str().unwrap().to_string(),
    ];
    let a: Vec<&str> = args.iter().map(String::as_str).collect();
    ok_stdout(&plazo(&dir, &a));
    out
}

/// sla.csv as ticket id -> (column -> value).
fn sla(out: &Path) -> BTreeMap<String, BTreeMap<String, String>> {
    read_rows(&out.join("sla.csv"))
        .into_iter()
        .map(|r| (r["ticket_id"].clone(), r))
        .collect()
}

/// The `all` line of indicator `id` in indicators.csv: (value,
/// numerator, denominator), as written.
fn indicator(out: &Path, id: &str) -> (String, String, String) {
    read_rows(&out.join("indicators.csv"))
        .into_iter()
        .find(|r| r["dimension"] == "all" && r["indicator"] == id)
        .map(|r| {
            (
                r["value"].clone(),
                r["numerator"].clone(),
                r["denominator"].clone(),
            )
        })
        .unwrap_or_else(|| panic!("{id} not in indicators.csv"))
}

/// The "Cierres" sheet's ticket list: (id, rule) in sheet order, read
/// with calamine below the list's header (the row whose sixth cell is
/// "Regla").
fn closing_list(xlsx: &Path) -> Vec<(String, String)> {
    let mut wb: Xlsx<_> = open_workbook(xlsx).unwrap();
    let range = wb.worksheet_range("Cierres").expect("a 'Cierres' sheet");
    let cell = |r: usize, c: usize| match range.get((r, c)) {
        Some(Data::String(s)) => s.clone(),
        Some(Data::Empty) | None => String::new(),
        Some(other) => other.to_string(),
    };
    let head = (0..range.height())
        .find(|&r| cell(r, 5) == "Regla")
        .expect("the list's header");
    (head + 1..range.height())
        .map(|r| (cell(r, 0), cell(r, 5)))
        .filter(|(id, rule)| !id.is_empty() && !rule.is_empty())
        .collect()
}

/// Every ticket opened Mon 2 March 08:00, in process 08:30, solved Mon
/// 10:00. The expected close is solved + 3 business days = Thu 5 March
/// 10:00. The approval note is "validado con el usuario".
const EVENTS_3BD: &str = "\
T1,2026-03-02 08:30,En proceso,
T1,2026-03-02 10:00,Solucionado,
T1,2026-03-04 10:00,Cerrado,
T2,2026-03-02 08:30,En proceso,
T2,2026-03-02 10:00,Solucionado,
T2,2026-03-05 11:00,Cerrado,
T3,2026-03-02 08:30,En proceso,
T3,2026-03-02 10:00,Solucionado,
T3,2026-03-03 09:05,Cerrado,
T4,2026-03-02 08:30,En proceso,
T4,2026-03-02 10:00,Solucionado,
T4,2026-03-03 10:00,Cerrado,Se ha validado con el usuario
T5,2026-03-02 08:30,En proceso,
T5,2026-03-02 10:00,Solucionado,
T6,2026-03-02 08:30,En proceso,
T6,2026-03-02 10:00,Solucionado,
T6,2026-03-05 10:00,Cerrado,
";

/// T3's survey, answered before its close.
const SURVEYS_3BD: &str = "T3,2026-03-03 09:00,5\n";

const CLOSE_3BD: &str = r#"
[close]
auto_close_after = "3bd"
requires_approval = true
approval_notes = ["validado con el usuario"]
"#;

#[test]
fn early_late_and_unapproved_closes_per_ticket() {
    let out = report("close-3bd", CLOSE_3BD, EVENTS_3BD, SURVEYS_3BD);
    let rows = sla(&out);
    let flags = |id: &str| {
        let r = &rows[id];
        [
            r["closed_early"].as_str(),
            r["closed_without_approval"].as_str(),
            r["close_late"].as_str(),
            r["auto_closed"].as_str(),
            r["survey_before_close"].as_str(),
        ]
    };
    // T1: closed Wed 10:00, after 2 of the 3 business days (7 h left),
    // no survey, no note: early, and neither approved nor automatic.
    assert_eq!(flags("T1"), ["true", "true", "false", "false", "false"]);
    // T2: closed Thu 11:00 = 3bd + 1 h, no survey: the automatic close,
    // 1 business hour late; not early, and the automatic close needs no
    // approval.
    assert_eq!(flags("T2"), ["false", "false", "true", "true", "false"]);
    // T3: the survey answered Tue 09:00, closed Tue 09:05: approved.
    assert_eq!(flags("T3"), ["false", "false", "false", "false", "true"]);
    // T4: closed Tue 10:00 with the approval note, no survey: approved,
    // so not early although 14 h of the delay were left.
    assert_eq!(flags("T4"), ["false", "false", "false", "false", "false"]);
    // T6: closed exactly at the expected close: no business time left,
    // so not early; not late either; the automatic close.
    assert_eq!(flags("T6"), ["false", "false", "false", "true", "false"]);
    // T5: solved, not closed at the cutoff (31 March): late, no verdict
    // on the close itself.
    assert_eq!(flags("T5"), ["", "", "true", "false", ""]);
    // Business time from solution to close: T1 Mon 10-12 and 14-17
    // (5 h), Tue 7 h, Wed 08-10 (2 h) = 14 h; T3 Mon 5 h + Tue 08:00-09:05 = 6 h 05 min; T2 3 days
    // (21 h) + 1 h = 22 h.
    assert_eq!(rows["T1"]["close_business_s"], (14 * 3600).to_string());
    assert_eq!(rows["T3"]["close_business_s"], (6 * 3600 + 300).to_string());
    assert_eq!(rows["T2"]["close_business_s"], (22 * 3600).to_string());
    assert_eq!(rows["T5"]["close_business_s"], "");
}

#[test]
fn closing_indicators_count_the_closes_of_the_period() {
    let out = report("close-3bd-ind", CLOSE_3BD, EVENTS_3BD, SURVEYS_3BD);
    // Solved and closed in March: T1, T2, T3, T4, T6 (T5 is not closed).
    // Early: T1 -> 1 of 5; without approval: T1 -> 1 of 5; late: T2 ->
    // 1 of 5; auto-closed: T2 and T6 -> 2 of 5.
    assert_eq!(
        indicator(&out, "closed_early_pct"),
        ("20".into(), "1".into(), "5".into())
    );
    assert_eq!(
        indicator(&out, "closed_without_approval_pct"),
        ("20".into(), "1".into(), "5".into())
    );
    assert_eq!(
        indicator(&out, "close_late_pct"),
        ("20".into(), "1".into(), "5".into())
    );
    assert_eq!(
        indicator(&out, "auto_closed_pct"),
        ("40".into(), "2".into(), "5".into())
    );
    // No validate_within: no value, an empty cohort.
    assert_eq!(
        indicator(&out, "validation_within_pct"),
        ("".into(), "0".into(), "0".into())
    );
    // The list: one line per (ticket, rule), by rule: early T1, without
    // approval T1, late T2, then T5 pending past the delay.
    let list = closing_list(&out.join("informe-2026-03.xlsx"));
    let expect = [
        ("T1", "Cierre anticipado"),
        ("T1", "Cierre sin aprobación"),
        ("T2", "Cierre tardío"),
        ("T5", "Sin cerrar, plazo vencido al corte"),
    ];
    let expect: Vec<(String, String)> = expect
        .iter()
        .map(|(a, b)| (a.to_string(), b.to_string()))
        .collect();
    assert_eq!(list, expect);
}

#[test]
fn without_approval_notes_a_noted_close_is_early() {
    // The same T4 under a policy with no approval notes and no approval
    // rule: closed 14 business hours before the delay with no survey ->
    // early; closed_without_approval is not measured (empty).
    let close = "[close]\nauto_close_after = \"3bd\"\n";
    let out = report("close-no-notes", close, EVENTS_3BD, SURVEYS_3BD);
    let rows = sla(&out);
    assert_eq!(rows["T4"]["closed_early"], "true");
    assert_eq!(rows["T4"]["closed_without_approval"], "");
    // Early: T1 and T4 of the 5 closes.
    assert_eq!(
        indicator(&out, "closed_early_pct"),
        ("40".into(), "2".into(), "5".into())
    );
}

#[test]
fn validation_within_one_business_day() {
    // Solved Mon 2 March 10:00; 1bd later is Tue 3 March 10:00.
    // V1 closed Tue 09:00: 23 wall hours, 6 business hours -> within.
    // V2 closed Tue 10:01: 1bd + 1 min -> not within.
    // V3 closed Tue 10:00: exactly at the limit -> within.
    let events = "\
V1,2026-03-02 08:30,En proceso,
V1,2026-03-02 10:00,Solucionado,
V1,2026-03-03 09:00,Cerrado,
V2,2026-03-02 08:30,En proceso,
V2,2026-03-02 10:00,Solucionado,
V2,2026-03-03 10:01,Cerrado,
V3,2026-03-02 08:30,En proceso,
V3,2026-03-02 10:00,Solucionado,
V3,2026-03-03 10:00,Cerrado,
";
    let close = "[close]\nvalidate_within = \"1bd\"\n";
    let out = report("close-validation", close, events, "");
    let rows = sla(&out);
    let within = |id: &str| rows[id]["validated_within"].clone();
    assert_eq!(
        [within("V1"), within("V2"), within("V3")],
        ["true", "false", "true"]
    );
    assert_eq!(rows["V1"]["close_business_s"], (6 * 3600).to_string());
    // 2 of the 3 closes of March within the limit.
    let (v, n, d) = indicator(&out, "validation_within_pct");
    assert_eq!((n.as_str(), d.as_str()), ("2", "3"));
    assert!((v.parse::<f64>().unwrap() - 200.0 / 3.0).abs() < 1e-9);
    // Without auto_close_after, no early or late close is measured.
    assert_eq!(rows["V1"]["closed_early"], "");
    let list = closing_list(&out.join("informe-2026-03.xlsx"));
    assert_eq!(
        list,
        [("V2".to_string(), "Validación fuera de tiempo".to_string())]
    );
}

/// The state of each of the policy's labels, for the sample check.
fn states(policy: &plazo::Policy, label: &str) -> plazo::policy::State {
    policy
        .state_of(label)
        .unwrap_or_else(|| panic!("unmapped {label}"))
}

#[test]
fn victimas_early_closes_recomputed_from_the_raw_files() {
    use plazo::policy::State;
    let dir = root().join("samples/victimas");
    let policy = plazo::Policy::load(&dir.join("policy.toml")).unwrap();
    let (tz, cal) = (policy.tz(), policy.calendar().clone());
    let at = |s: &str| plazo::time::Instant::parse(s, tz).unwrap().unix();
    let period = plazo::report::Period::parse("2026-10", tz).unwrap();
    let cutoff = period.last_second().unix();
    let after = policy.auto_close_after().expect("Víctimas' [close]");
    // Each ticket's events (time, state) by the cutoff, in file order
    // sorted by time; each ticket's survey answers.
    let mut events: BTreeMap<String, Vec<(i64, State)>> = BTreeMap::new();
    for r in read_rows(&dir.join("events.csv")) {
        let t = at(&r["at"]);
        if t <= cutoff {
            let st = states(&policy, &r["status"]);
            events
                .entry(r["ticket_id"].clone())
                .or_default()
                .push((t, st));
        }
    }
    let mut answers: BTreeMap<String, Vec<i64>> = BTreeMap::new();
    for r in read_rows(&dir.join("surveys.csv")) {
        if !r["answered_at"].is_empty() {
            answers
                .entry(r["ticket_id"].clone())
                .or_default()
                .push(at(&r["answered_at"]));
        }
    }
    // The rule, written here: the final run of solved/closed events
    // starts at the solution; its closed tail starts at the close. A
    // close in October is early when no survey was answered by it and
    // business time of the delay (solution + 3bd) was still left.
    let mut early = BTreeSet::new();
    let mut closed_in_period = 0;
    for (id, ev) in &mut events {
        ev.sort_by_key(|e| e.0);
        let done = |s: State| matches!(s, State::Solved | State::Closed);
        let tail = ev.iter().rev().take_while(|e| done(e.1)).count();
        let closed_tail =
            ev.iter().rev().take_while(|e| e.1 == State::Closed).count();
        if tail == 0 || closed_tail == 0 {
            continue;
        }
        let solved = ev[ev.len() - tail].0;
        let closed = ev[ev.len() - closed_tail].0;
        if !period.contains(closed) {
            continue;
        }
        closed_in_period += 1;
        let answered = answers
            .get(id)
            .is_some_and(|a| a.iter().any(|&t| t <= closed));
        let expected = cal
            .add(plazo::time::Instant::from_unix(solved), after)
            .unwrap()
            .unix();
        if !answered && cal.between_secs(closed, expected) > 0 {
            early.insert(id.clone());
        }
    }
    // Today's sample has early closes (the issue counted 42 of 293).
    assert!(!early.is_empty(), "the sample has early closes");
    let out_dir = tempdir("victimas-close");
    let out = out_dir.join("out");
    let o = crate::util::plazo_on(
        &out_dir,
        "report",
        &dir,
        &["--period", "2026-10", "--out", out.to_str().unwrap()],
    );
    ok_stdout(&o);
    let rows = sla(&out);
    let plazo_early: BTreeSet<String> = rows
        .iter()
        .filter(|(_, r)| r["closed_early"] == "true")
        .filter(|(_, r)| r["closed_at"].starts_with("2026-10"))
        .map(|(id, _)| id.clone())
        .collect();
    assert_eq!(plazo_early, early);
    let (_, n, d) = indicator(&out, "closed_early_pct");
    assert_eq!(n, early.len().to_string());
    assert_eq!(d, closed_in_period.to_string());
    let listed: BTreeSet<String> =
        closing_list(&out.join("informe-2026-10.xlsx"))
            .into_iter()
            .filter(|(_, rule)| rule == "Cierre anticipado")
            .map(|(id, _)| id)
            .collect();
    assert_eq!(listed, early);
}
