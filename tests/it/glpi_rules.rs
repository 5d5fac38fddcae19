//! `deadline_rules = "glpi"` (issue 17): on the real GLPI 10.0.5 sample
//! (../shared/datasets/glpi_10_0_5_sample), plazo's deadlines and
//! verdicts equal GLPI's stored ones on every ticket; each rule checked
//! on one ticket by hand from the dumps; the CLI override; the import
//! keeps `end_of_working_day`.

use std::collections::BTreeMap;

use plazo::Policy;
use plazo::engine::Engine;
use plazo::engine::glpi_rules::deadline;
use plazo::model::{Builder, Dataset};
use plazo::policy::DeadlineRules;
use plazo::source::glpi::{Dump, Tables};
use plazo::source::glpi_tables;
use plazo::time::{BizDuration, Instant};

use crate::util::{dataset, ok_stdout, plazo, root, tempdir};

use crate::glpi_reconcile::TABLES;

fn policy_path() -> String {
    root()
        .join("samples/glpi-real/policy.toml")
        .to_str()
        .unwrap()
        .to_string()
}

fn load(rules: DeadlineRules) -> (Policy, Dataset) {
    let g = dataset("glpi_10_0_5_sample");
    let mut policy =
        Policy::load(&root().join("samples/glpi-real/policy.toml")).unwrap();
    policy.set_deadline_rules(rules);
    let files: Vec<_> = TABLES.iter().map(|f| g.join(f)).collect();
    let tables = Tables::load(&files).unwrap();
    let mut b = Builder::new(policy.tz(), plazo::text::lang::Lang::Es);
    glpi_tables::read_tables(&tables, policy.tz(), &mut b).unwrap();
    let ds = Dataset::from_ingested(&b.finish().unwrap());
    (policy, ds)
}

/// Ticket id -> (resolution deadline, TTR breached) under `rules`, as
/// local `YYYY-MM-DD HH:MM:SS` text.
fn ttr(
    rules: DeadlineRules,
) -> BTreeMap<String, (Option<String>, Option<bool>)> {
    let (policy, ds) = load(rules);
    let tz = policy.tz();
    let cutoff = Instant::parse("2026-11-21 00:00", tz).unwrap();
    let rows = Engine::new(&policy, &ds, cutoff).unwrap().evaluate_all();
    rows.iter()
        .map(|r| {
            let due = r.resolution_due_at.get().map(|t| {
                Instant::from_unix(t)
                    .in_zone(tz)
                    .format("%Y-%m-%d %H:%M:%S")
                    .to_string()
            });
            let breached = r.resolution_met.map(|m| !m);
            (
                ds.tickets[r.ticket as usize].id.to_string(),
                (due, breached),
            )
        })
        .collect()
}

/// GLPI's own stored values, read straight from glpi_tickets.csv: the
/// time_to_resolve text and `solvedate > time_to_resolve` (the same
/// text format compares in time order).
fn glpi_stored() -> BTreeMap<String, (String, Option<bool>)> {
    let g = dataset("glpi_10_0_5_sample");
    let d = Dump::read(&g.join("glpi_tickets.csv")).unwrap();
    let mut out = BTreeMap::new();
    for i in 0..d.len() {
        let ttr = d.get(i, "time_to_resolve").unwrap_or("");
        if ttr.is_empty() {
            continue;
        }
        let solved = d.get(i, "solvedate").filter(|s| !s.is_empty());
        out.insert(
            d.get(i, "id").unwrap().to_string(),
            (ttr.to_string(), solved.map(|s| s > ttr)),
        );
    }
    out
}

#[test]
fn glpi_rules_equal_glpis_deadline_and_verdict_on_every_ticket() {
    let ours = ttr(DeadlineRules::Glpi);
    let glpi = glpi_stored();
    assert_eq!(glpi.len(), 55);
    for (id, (due, breached)) in &glpi {
        let (p_due, p_breached) = &ours[id];
        assert_eq!(p_due.as_deref(), Some(due.as_str()), "ticket {id}");
        assert_eq!(p_breached, breached, "ticket {id}");
    }
    // 13 solved after time_to_resolve, counted from the dump.
    let late = glpi.values().filter(|v| v.1 == Some(true)).count();
    assert_eq!(late, 13);
}

#[test]
fn each_glpi_rule_on_one_sample_ticket_by_hand() {
    let g = ttr(DeadlineRules::Glpi);
    let p = ttr(DeadlineRules::Procedure);
    let due = |m: &BTreeMap<_, (Option<String>, _)>, id: &str| {
        m[id].0.clone().unwrap()
    };
    // Day SLA keeps the time of day (ticket 6, "2 días", opened Tue
    // 2026-01-06 02:59:16, before the working day): Wed 7 and Thu 8 are
    // the two working days; Thu 02:59:16 is not after the last working
    // hour, so it stays. The procedure counts 2 x 9 h of business time
    // from Tue 07:00: Wed 17:00.
    assert_eq!(due(&g, "6"), "2026-01-08 02:59:16");
    assert_eq!(due(&p, "6"), "2026-01-07 17:00:00");
    // After the last working hour it is set to it (ticket 17, opened Fri
    // 2026-01-09 22:14:23; Mon 12 holiday; Tue 13, Wed 14 -> Wed 22:14:23
    // -> 17:00), here equal to the procedure's Tue 07:00 + 18 h.
    assert_eq!(due(&g, "17"), "2026-01-14 17:00:00");
    assert_eq!(due(&p, "17"), "2026-01-14 17:00:00");
    // End of working day (ticket 19, "3 días (fin de jornada)", opened
    // Tue 2026-01-13 09:17:01): Wed, Thu, Fri -> Fri 16 at 17:00.
    assert_eq!(due(&g, "19"), "2026-01-16 17:00:00");
    assert_eq!(due(&p, "19"), "2026-01-16 09:17:01");
    // Day SLA, pending in wall-clock seconds (ticket 46, "2 días", opened
    // Wed 2026-01-28 08:46:58; Pending Thu 29 16:12:41 -> Mon 02-02
    // 09:52:10 = 3 d 17:39:29 = 322769 s): 2 x 86400 + 322769 = 495569
    // s stepped over working days Thu 29, Fri 30, Mon 2, Tue 3, Wed 4
    // (-> 63569 left), Thu 5 overshoots by 22831 s: Thu 08:46:58 - 6:20:31
    // = 2026-02-05 02:26:27 (before 17:00, kept). Solved Tue 02-03
    // 16:34:04: met for GLPI, breached for the procedure.
    assert_eq!(due(&g, "46"), "2026-02-05 02:26:27");
    assert_eq!(g["46"].1, Some(false));
    assert_eq!(p["46"].1, Some(true));
    // Hour SLA, pauses after the deadline counted too (ticket 1, "8
    // horas", opened Fri 2026-01-02 11:22:21, 41340 business s waited):
    // 28800 + 41340 = 70140 s: Fri 2259 + 14400, Mon 32400, Tue 07:00 +
    // 21081 s (5 h then 51:21 after lunch) = 13:51:21.
    assert_eq!(due(&g, "1"), "2026-01-06 13:51:21");
    assert_eq!(due(&p, "1"), "2026-01-05 10:22:21");
    // Opened on a closed day, a day SLA starts at the first working hour
    // (ticket 18, Sun 2026-01-11 09:48:18; Mon 12 holiday): Tue 13 07:00
    // + 2 days = Thu 15 07:00, where the procedure's clock says Wed 17:00.
    assert_eq!(due(&g, "18"), "2026-01-15 07:00:00");
    assert_eq!(due(&p, "18"), "2026-01-14 17:00:00");
}

#[test]
fn an_hour_deadline_at_the_days_last_close_is_the_next_days_opening() {
    let (policy, _) = load(DeadlineRules::Glpi);
    let (cal, tz) = (policy.calendar(), policy.tz());
    let at = |s: &str| Instant::parse(s, tz).unwrap().unix();
    let show = |t: i64| {
        Instant::from_unix(t)
            .in_zone(tz)
            .format("%Y-%m-%d %H:%M")
            .to_string()
    };
    // Mon 2026-02-02 13:00 + 4 h = 17:00 exactly: stored Tue 07:00.
    let four = BizDuration::Seconds(4 * 3600);
    let d = deadline(cal, at("2026-02-02 13:00"), four, false, None);
    assert_eq!(show(d.unwrap()), "2026-02-03 07:00");
    // 08:00 + 4 h = 12:00, the lunch close: GLPI's addDelayInDay stops
    // at a period's close, so it stays 12:00 (only the day's last close
    // moves on).
    let d = deadline(cal, at("2026-02-02 08:00"), four, false, None);
    assert_eq!(show(d.unwrap()), "2026-02-02 12:00");
    // Fri 13:00 + 4 h = Fri 17:00: the next working day is Mon 07:00.
    let d = deadline(cal, at("2026-02-06 13:00"), four, false, None);
    assert_eq!(show(d.unwrap()), "2026-02-09 07:00");
    // Inside a period it stays: 08:00 + 3 h = 11:00.
    let three = BizDuration::Seconds(3 * 3600);
    let d = deadline(cal, at("2026-02-02 08:00"), three, false, None);
    assert_eq!(show(d.unwrap()), "2026-02-02 11:00");
}

fn reconcile_cli(extra: &[&str]) -> (String, String) {
    let g = dataset("glpi_10_0_5_sample");
    let dir = tempdir("glpi-rules-cli");
    let pol = policy_path();
    let mut args: Vec<String> =
        ["--lang", "en", "reconcile", "--policy", &pol]
            .iter()
            .chain(["--cutoff", "2026-11-21 00:00", "--out", "r.csv"].iter())
            .chain(extra.iter())
            .map(|s| s.to_string())
            .collect();
    args.push("--glpi".into());
    args.extend(TABLES.iter().map(|f| g.join(f).to_str().unwrap().into()));
    let argv: Vec<&str> = args.iter().map(String::as_str).collect();
    let o = plazo(&dir, &argv);
    ok_stdout(&o);
    let err = String::from_utf8_lossy(&o.stderr).to_string();
    (err, std::fs::read_to_string(dir.join("r.csv")).unwrap())
}

#[test]
fn reconcile_with_deadline_rules_glpi_agrees_on_every_ticket() {
    let (err, csv) = reconcile_cli(&["--deadline-rules", "glpi"]);
    assert!(err.contains("ttr_deadline 55/55, tto_breached 55/55, ttr_breached 55/55; differences by rule: none."), "{err}");
    assert!(!err.contains("unexplained"), "{err}");
    // Both verdicts side by side: ticket 46 differs by the wall-clock
    // pending rule (met for GLPI, breached for the procedure).
    assert!(err.contains("TTR breached: procedure 14, GLPI 13"), "{err}");
    let head: Vec<&str> = csv.lines().next().unwrap().split(',').collect();
    let col = |n: &str| head.iter().position(|h| *h == n).unwrap();
    let row46: Vec<&str> = csv
        .lines()
        .find(|l| l.starts_with("46,"))
        .unwrap()
        .split(',')
        .collect();
    assert_eq!(row46[col("ttr_breached_procedure")], "1");
    assert_eq!(row46[col("ttr_breached_glpi_rules")], "0");
    assert_eq!(row46[col("verdict_rule")], "glpi_day_sla_wallclock_pending");
    // The procedure's rules are the default, and an unknown value is
    // refused with both choices named.
    let (err, _) = reconcile_cli(&[]);
    assert!(err.contains("ttr_deadline 29/55"), "{err}");
    let g = dataset("glpi_10_0_5_sample");
    let dir = tempdir("glpi-rules-bad");
    let pol = policy_path();
    let tickets = g.join("glpi_tickets.csv");
    let o = plazo(
        &dir,
        &[
            "--lang",
            "en",
            "reconcile",
            "--policy",
            &pol,
            "--deadline-rules",
            "gpli",
            "--glpi",
            tickets.to_str().unwrap(),
        ],
    );
    assert!(!o.status.success());
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        err.contains("--deadline-rules = \"gpli\" is not valid"),
        "{err}"
    );
}

#[test]
fn policy_deadline_rules_key_and_import_keeps_end_of_working_day() {
    let text = std::fs::read_to_string(policy_path()).unwrap();
    // The import writes GLPI's end_of_working_day for SLA 5 only (three
    // rules carry it: the two TTO pairs and TTR alone).
    assert_eq!(
        text.matches("resolution_end_of_working_day = true").count(),
        3
    );
    let with = format!("{text}\n[sla]\ndeadline_rules = \"glpi\"\n");
    let p = Policy::from_toml(&with, std::path::Path::new("p.toml")).unwrap();
    assert_eq!(p.deadline_rules(), DeadlineRules::Glpi);
    let eod: Vec<bool> =
        p.targets().iter().map(|t| t.resolution_eod).collect();
    assert_eq!(eod.iter().filter(|e| **e).count(), 3);
    let bad = format!("{text}\n[sla]\ndeadline_rules = \"itil\"\n");
    let e = Policy::from_toml(&bad, std::path::Path::new("p.toml"))
        .unwrap_err()
        .to_string();
    assert!(e.contains("deadline_rules"), "{e}");
}

/// A hand-made case: tests/data/sla/policy.toml with its targets
/// replaced by `targets` (TOML after `[[targets]]`), and the canonical
/// `tickets` and `events`.
struct HandMade {
    dir: std::path::PathBuf,
}

impl HandMade {
    fn new(tag: &str, targets: &str, tickets: &str, events: &str) -> Self {
        let dir = tempdir(tag);
        let base =
            std::fs::read_to_string(root().join("tests/data/sla/policy.toml"))
                .unwrap();
        let head = base.split("[[targets]]").next().unwrap();
        let policy = format!("{head}[[targets]]\n{targets}");
        std::fs::write(dir.join("policy.toml"), policy).unwrap();
        std::fs::write(dir.join("tickets.csv"), tickets).unwrap();
        std::fs::write(dir.join("events.csv"), events).unwrap();
        HandMade { dir }
    }

    /// `plazo sla` under `rules` at the cutoff 2026-07-31 12:00:
    /// (ticket, `<measure>_due_at`, `<measure>_met`) per ticket.
    fn due_and_met(&self, rules: &str, measure: &str) -> Vec<[String; 3]> {
        let out = format!("sla-{rules}.csv");
        let o = plazo(
            &self.dir,
            &[
                "sla",
                "--policy",
                "policy.toml",
                "--tickets",
                "tickets.csv",
                "--events",
                "events.csv",
                "--cutoff",
                "2026-07-31 12:00",
                "--deadline-rules",
                rules,
                "--out",
                &out,
            ],
        );
        ok_stdout(&o);
        let mut rdr = csv::Reader::from_path(self.dir.join(&out)).unwrap();
        let h = rdr.headers().unwrap().clone();
        let col = |n: &str| h.iter().position(|x| x == n).unwrap();
        let due = col(&format!("{measure}_due_at"));
        let met = col(&format!("{measure}_met"));
        rdr.records()
            .map(|r| {
                let r = r.unwrap();
                [r[0].to_string(), r[due].to_string(), r[met].to_string()]
            })
            .collect()
    }
}

fn row(id: &str, due: &str, met: &str) -> [String; 3] {
    [id.to_string(), due.to_string(), met.to_string()]
}

/// `response_end_of_working_day` (GLPI's `end_of_working_day` on a TTO
/// SLA) on two hand-made tickets: the shared sample has no such SLA.
/// Calendar Mon-Fri 07-12, 13-17 in Bogotá with Colombian holidays.
#[test]
fn tto_end_of_working_day_on_hand_made_tickets() {
    // One rule for every ticket: 1 working day to respond, moved to the
    // close of that day.
    let case = HandMade::new(
        "glpi-rules-tto-eod",
        "response = \"1bd\"\nresolution = \"3bd\"\n\
         response_end_of_working_day = true\n",
        "ticket_id,opened_at,type,priority\n\
         E1,2026-07-16 09:10,Incidente,Alta\n\
         E2,2026-07-17 16:30,Incidente,Alta\n",
        "ticket_id,at,status\n\
         E1,2026-07-17 15:00,En curso\n\
         E2,2026-07-21 16:59,En curso\n",
    );
    // GLPI: E1 opened Thu 16 July 09:10; one working day on is Fri 17,
    // moved to its close, 17:00; answered Fri 15:00: met. E2 opened Fri
    // 17 16:30; Sat, Sun closed, Mon 20 July a holiday (Independence):
    // Tue 21 at 17:00; answered 16:59: met.
    assert_eq!(
        case.due_and_met("glpi", "response"),
        vec![
            row("E1", "2026-07-17T17:00:00-05:00", "true"),
            row("E2", "2026-07-21T17:00:00-05:00", "true"),
        ]
    );
    // The procedure: 1bd is 9 business hours. E1: Thu 09:10 + 9 h = Fri
    // 09:10, answered 15:00: breached. E2: Fri 16:30-17:00 (0.5 h), Tue
    // 07-12 (5 h), 13:00 + 3.5 h = Tue 16:30; answered 16:59: breached.
    assert_eq!(
        case.due_and_met("procedure", "response"),
        vec![
            row("E1", "2026-07-17T09:10:00-05:00", "false"),
            row("E2", "2026-07-21T16:30:00-05:00", "false"),
        ]
    );
}

/// Two GLPI rules on hand-made tickets (the sample has neither path):
/// a Pending run that ends in Solved is added to `time_to_resolve`
/// (`CommonITILObject::pre_updateInDB` adds the wait whatever status
/// ends it), and an hour deadline at a mid-day close stays there.
/// Calendar Mon-Fri 07-12, 13-17 in Bogotá; resolution target 4 h.
#[test]
fn pending_ended_by_the_solution_and_a_mid_day_close() {
    let case = HandMade::new(
        "glpi-rules-pending-solved",
        "response = \"1h\"\nresolution = \"4h\"\n",
        "ticket_id,opened_at,type,priority\n\
         P1,2026-07-27 08:00,Incidente,Alta\n\
         P2,2026-07-27 08:00,Incidente,Alta\n",
        "ticket_id,at,status\n\
         P1,2026-07-27 08:10,En curso\n\
         P1,2026-07-27 09:00,En espera\n\
         P1,2026-07-27 15:00,Resuelto\n\
         P2,2026-07-27 08:30,En curso\n\
         P2,2026-07-27 12:30,Resuelto\n",
    );
    assert_eq!(
        case.due_and_met("glpi", "resolution"),
        vec![
            // P1: Pending Mon 09:00 -> Solved 15:00 = 09-12 (3 h) + 13-15
            // (2 h) = 5 h, added at the solution: 4 h + 5 h = 9 h from
            // Mon 08:00 = Mon 08-12, 13-17 (8 h), Tue 07-08: Tue 08:00;
            // solved Mon 15:00, met. (Without the wait: Mon 12:00, late.)
            row("P1", "2026-07-28T08:00:00-05:00", "true"),
            // P2: 08:00 + 4 h = 12:00, the lunch close, stays; solved
            // 12:30 (over lunch, no working time after the deadline) is
            // still after it: breached, as GLPI's `solvedate >
            // time_to_resolve` says.
            row("P2", "2026-07-27T12:00:00-05:00", "false"),
        ]
    );
}

/// A day-based TTO SLA (the sample has none): a copy of the sample where
/// ticket 6 carries a "TTO 1 día" SLA (id 9) and the `time_to_own` GLPI
/// would store for it, and ticket 27 taken at night before any working
/// time. Reconcile under the procedure's rules names the rule of each
/// difference, never `unexplained`.
#[test]
fn a_day_based_tto_difference_is_named_by_its_rule() {
    let g = dataset("glpi_10_0_5_sample");
    let dir = tempdir("glpi-rules-tto-day");
    for f in TABLES {
        let mut text = std::fs::read_to_string(g.join(f)).unwrap();
        if f == "glpi_slas.csv" {
            text.push_str(
                "\"9\",\"TTO 1 día\",\"0\",\"1\",\"1\",,\"1\",\"0\",\"2\",\
                 \"2025-12-15 09:00:00\",\"day\",\"0\",\
                 \"2025-12-15 09:00:00\",\"1\"\n",
            );
        }
        if f == "glpi_logs_ticket.csv" {
            // Ticket 27's first status change (new -> assigned), with its
            // takeintoaccountdate below.
            let old = "\"468\",\"Ticket\",\"27\",\"\",\"0\",\"Torres Diana (10)\",\"2026-01-15 07:07:51\"";
            assert_eq!(text.matches(old).count(), 1);
            text = text.replace(
                old,
                &old.replace("2026-01-15 07:07:51", "2026-01-14 20:40:00"),
            );
        }
        if f == "glpi_tickets.csv" {
            // Ticket 6, opened Tue 2026-01-06 02:59:16: GLPI keeps the
            // time of day one working day on, Wed 02:59:16 (before the
            // last working hour, so kept). Its TTO 1 hora was Tue 08:00.
            let old = "\"4\",\"1\",\"0\",\"2026-01-08 02:59:16\",\
                       \"2026-01-06 08:00:00\"";
            let new = "\"4\",\"9\",\"0\",\"2026-01-08 02:59:16\",\
                       \"2026-01-07 02:59:16\"";
            assert_eq!(text.matches(old).count(), 1);
            text = text.replace(old, new);
            // Ticket 27, opened Wed 2026-01-14 20:22:38, taken that night
            // at 20:40: no working time between, GLPI stores 1 s.
            let line =
                text.lines().find(|l| l.starts_with("\"27\",")).unwrap();
            let taken = "\"2026-01-15 07:07:51\"";
            assert_eq!(
                (
                    line.matches(taken).count(),
                    line.matches(",\"471\",").count()
                ),
                (1, 1)
            );
            let edited = line
                .replace(taken, "\"2026-01-14 20:40:00\"")
                .replace(",\"471\",", ",\"1\",");
            text = text.replace(line, &edited);
        }
        std::fs::write(dir.join(f), text).unwrap();
    }
    let base = std::fs::read_to_string(policy_path()).unwrap();
    let (head, rest) = base.split_once("\n[[targets]]").unwrap();
    let policy = format!(
        "{head}\n[[targets]]\nname = \"TTO 1 día + TTR 2 días\"\n\
         where = {{ slas_id_tto = \"9\", slas_id_ttr = \"4\" }}\n\
         response = \"1bd\"\nresolution = \"2bd\"\n\n[[targets]]{rest}"
    );
    std::fs::write(dir.join("policy.toml"), policy).unwrap();
    let mut args = vec![
        "--lang",
        "en",
        "reconcile",
        "--policy",
        "policy.toml",
        "--cutoff",
        "2026-11-21 00:00",
        "--out",
        "r.csv",
        "--glpi",
    ];
    args.extend(TABLES);
    let o = plazo(&dir, &args);
    ok_stdout(&o);
    let err = String::from_utf8_lossy(&o.stderr);
    let csv = std::fs::read_to_string(dir.join("r.csv")).unwrap();
    let head: Vec<&str> = csv.lines().next().unwrap().split(',').collect();
    let col = |n: &str| head.iter().position(|h| *h == n).unwrap();
    let row6: Vec<&str> = csv
        .lines()
        .find(|l| l.starts_with("6,"))
        .unwrap()
        .split(',')
        .collect();
    // The procedure: 1bd from Tue 07:00 (position 0) is Tue 17:00.
    assert_eq!(
        row6[col("tto_deadline_plazo")],
        "2026-01-06T17:00:00-05:00",
        "{csv}"
    );
    assert_eq!(row6[col("tto_deadline_reason")], "glpi_day_sla_time_of_day");
    let row27: Vec<&str> = csv
        .lines()
        .find(|l| l.starts_with("27,"))
        .unwrap()
        .split(',')
        .collect();
    assert_eq!(
        (row27[col("response_plazo")], row27[col("response_glpi")]),
        ("0", "1")
    );
    assert_eq!(
        row27[col("response_reason")],
        "glpi_take_into_account_minimum"
    );
    assert!(!err.contains("unexplained"), "{err}");
}
