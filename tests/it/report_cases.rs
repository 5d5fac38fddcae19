//! `plazo report` on the hand-made tickets of tests/data/sla/ (policy:
//! Mon-Fri 07-12 and 13-17 in Bogotá, Colombian holidays), at the
//! fixtures' cutoff 2026-08-03 12:00.
//!
//! Three independent views must agree: values worked out by hand (in the
//! comments), a recomputation from `sla.csv` in plain Rust below (not
//! the report's code), and the workbook read back with calamine.

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};

use calamine::{Data, DataType, Reader, Xlsx, open_workbook};
use plazo::text::lang::Lang;

use crate::util::{
    Evaluated, folder_args, ok_stdout, plazo, plazo_on, root, tempdir,
};

const CUTOFF: &str = "2026-08-03 12:00";

/// Runs `plazo report` on the fixtures; returns the output folder and
/// the process output.
fn report(name: &str, extra: &[&str]) -> (PathBuf, std::process::Output) {
    let dir = tempdir(name);
    let out = dir.join("out");
    let mut args: Vec<String> = vec!["report".into()];
    args.extend(folder_args(&root().join("tests/data/sla")));
    args.extend(extra.iter().map(|s| s.to_string()));
    args.extend(["--out".into(), out.to_str().unwrap().to_string()]);
    let a: Vec<&str> = args.iter().map(String::as_str).collect();
    let o = plazo(&dir, &a);
    (out, o)
}

fn report_ok(name: &str, extra: &[&str]) -> PathBuf {
    let (out, o) = report(name, extra);
    ok_stdout(&o);
    out
}

type Key = (String, String, String);

/// indicators.csv as (dimension, group, indicator) -> value.
fn indicators(out: &Path) -> BTreeMap<Key, Option<f64>> {
    let mut rdr = csv::Reader::from_path(out.join("indicators.csv")).unwrap();
    assert_eq!(
        rdr.headers().unwrap(),
        vec![
            "period",
            "dimension",
            "group",
            "indicator",
            "value",
            "numerator",
            "denominator",
            "target",
            "status"
        ]
    );
    rdr.records()
        .map(|r| {
            let r = r.unwrap();
            (
                (r[1].to_string(), r[2].to_string(), r[3].to_string()),
                (!r[4].is_empty()).then(|| r[4].parse::<f64>().unwrap()),
            )
        })
        .collect()
}

fn all(ind: &BTreeMap<Key, Option<f64>>, id: &str) -> Option<f64> {
    ind[&("all".to_string(), "all".to_string(), id.to_string())]
}

fn close(a: Option<f64>, b: Option<f64>, what: &str) {
    match (a, b) {
        (Some(x), Some(y)) => {
            assert!((x - y).abs() < 1e-9, "{what}: {x} != {y}")
        }
        (None, None) => {}
        _ => panic!("{what}: {a:?} != {b:?}"),
    }
}

#[test]
fn may_2026_by_hand() {
    // May 2026 holds T4 (opened 05-05, solved 05-05 10:00, 12 affected
    // users: massive, excluded), T5 (opened 05-06, cancelled 09:30:
    // excluded) and T6 (opened Saturday 05-09 22:00; the clock starts
    // Monday 05-11 07:00; responded 07:40 = 40 min <= 1 h, met; solved
    // 16:30 = 5 h + 3 h 30 = 8 h 30 > 8 h: breached by 30 min).
    let out = report_ok("may", &["--period", "2026-05", "--cutoff", CUTOFF]);
    let ind = indicators(&out);
    let want: &[(&str, Option<f64>)] = &[
        ("tickets_opened", Some(3.0)), // T4, T5, T6
        ("tickets_solved", Some(2.0)), // T4, T6 (T5 is cancelled)
        ("tickets_closed", Some(0.0)), // nothing closed in May
        ("backlog_end", Some(0.0)),    // all earlier tickets solved
        ("response_compliance_pct", Some(100.0)), // T6 only
        ("resolution_compliance_pct", Some(0.0)), // T6 breached
        ("response_business_hours_mean", Some(40.0 / 60.0)),
        ("resolution_business_hours_mean", Some(8.5)),
        ("resolution_business_hours_median", Some(8.5)),
        ("resolution_business_hours_p90", Some(8.5)),
        ("paused_business_hours_mean", Some(0.0)),
        ("reopen_rate_pct", Some(0.0)),
        ("auto_closed_pct", None), // no ticket closed in May
        ("survey_response_rate_pct", Some(0.0)), // T6 has no survey
        ("csat_mean", None),
        ("satisfied_pct", None),
        ("excluded", Some(2.0)), // T4 massive, T5 cancelled
        ("no_target", Some(0.0)),
    ];
    for (id, v) in want {
        close(all(&ind, id), *v, id);
    }
    // By priority: Alta holds T4 and T6, Media holds T5.
    let k = |g: &str, id: &str| ("priority".into(), g.into(), id.into());
    assert_eq!(ind[&k("Alta", "tickets_opened")], Some(2.0));
    assert_eq!(ind[&k("Alta", "excluded")], Some(1.0));
    assert_eq!(ind[&k("Media", "excluded")], Some(1.0));
    // The one breach, in the workbook.
    let mut wb: Xlsx<_> =
        open_workbook(out.join("informe-2026-05.xlsx")).unwrap();
    let br = wb.worksheet_range("Incumplimientos").unwrap();
    let ids: Vec<String> =
        br.rows().skip(1).map(|r| r[0].to_string()).collect();
    assert_eq!(ids, ["T6"]);
    // Overrun 30 min as an [h]:mm duration: 1800 s / 86400.
    let over = cell_f64(&br.rows().nth(1).unwrap()[15]).unwrap();
    assert!((over * 86_400.0 - 1800.0).abs() < 1e-6);
}

/// One sla.csv row, as text.
type Row = HashMap<String, String>;

fn sla_rows(out: &Path) -> Vec<Row> {
    let mut rdr = csv::Reader::from_path(out.join("sla.csv")).unwrap();
    let h = rdr.headers().unwrap().clone();
    rdr.records()
        .map(|r| {
            let r = r.unwrap();
            h.iter()
                .map(String::from)
                .zip(r.iter().map(String::from))
                .collect()
        })
        .collect()
}

/// A local ISO instant's month, `YYYY-MM` (sla.csv writes instants in
/// the policy zone, so the text's date is the local date).
fn month(s: &str) -> Option<&str> {
    (!s.is_empty()).then(|| &s[..7])
}

/// Plain recomputation of some `all` indicators from sla.csv.
fn recompute(rows: &[Row], m: &str) -> BTreeMap<&'static str, Option<f64>> {
    let inm = |r: &Row, c: &str| month(&r[c]) == Some(m);
    let scope = |r: &Row| r["excluded_reason"].is_empty();
    let live: Vec<&Row> = rows
        .iter()
        .filter(|r| r["excluded_reason"] != "opened_after_cutoff")
        .collect();
    let count =
        |f: &dyn Fn(&Row) -> bool| live.iter().filter(|r| f(r)).count() as f64;
    let pct = |num: f64, den: f64| (den > 0.0).then(|| 100.0 * num / den);
    let mut res: Vec<f64> = live
        .iter()
        .filter(|r| scope(r) && inm(r, "solved_at"))
        .map(|r| r["resolution_business_s"].parse::<f64>().unwrap() / 3600.0)
        .collect();
    res.sort_by(f64::total_cmp);
    let rank = |p: f64| {
        (!res.is_empty()).then(|| {
            res[((p / 100.0 * res.len() as f64).ceil() as usize).max(1) - 1]
        })
    };
    let scores: Vec<f64> = live
        .iter()
        .filter(|r| inm(r, "survey_answered_at"))
        .map(|r| r["survey_score"].parse().unwrap())
        .collect();
    let mut o = BTreeMap::new();
    o.insert("tickets_opened", Some(count(&|r| inm(r, "opened_at"))));
    o.insert("tickets_solved", Some(count(&|r| inm(r, "solved_at"))));
    o.insert("tickets_closed", Some(count(&|r| inm(r, "closed_at"))));
    o.insert(
        "response_compliance_pct",
        pct(
            count(&|r| {
                scope(r)
                    && inm(r, "responded_at")
                    && r["response_met"] == "true"
            }),
            count(&|r| {
                scope(r)
                    && inm(r, "responded_at")
                    && !r["response_met"].is_empty()
            }),
        ),
    );
    o.insert(
        "resolution_compliance_pct",
        pct(
            count(&|r| {
                scope(r)
                    && inm(r, "solved_at")
                    && r["resolution_met"] == "true"
            }),
            count(&|r| {
                scope(r)
                    && inm(r, "solved_at")
                    && !r["resolution_met"].is_empty()
            }),
        ),
    );
    o.insert(
        "resolution_business_hours_mean",
        (!res.is_empty()).then(|| res.iter().sum::<f64>() / res.len() as f64),
    );
    o.insert("resolution_business_hours_median", rank(50.0));
    o.insert("resolution_business_hours_p90", rank(90.0));
    o.insert(
        "csat_mean",
        (!scores.is_empty())
            .then(|| scores.iter().sum::<f64>() / scores.len() as f64),
    );
    o.insert(
        "excluded",
        Some(count(&|r| {
            inm(r, "opened_at")
                && !scope(r)
                && r["excluded_reason"] != "no_target"
        })),
    );
    o.insert(
        "no_target",
        Some(count(&|r| {
            inm(r, "opened_at") && r["excluded_reason"] == "no_target"
        })),
    );
    o
}

fn breaches(rows: &[Row], m: &str) -> usize {
    rows.iter()
        .filter(|r| r["excluded_reason"].is_empty())
        .filter(|r| {
            (r["resolution_met"] == "false"
                && month(&r["solved_at"]) == Some(m))
                || (r["response_met"] == "false"
                    && month(&r["responded_at"]) == Some(m))
        })
        .count()
}

fn cell_f64(d: &Data) -> Option<f64> {
    match d {
        Data::Empty => None,
        Data::DateTime(t) => Some(t.as_f64()),
        d => d.as_f64(),
    }
}

#[test]
fn csv_workbook_and_recomputation_agree() {
    for m in ["2026-03", "2026-04", "2026-05", "2026-06", "2026-07"] {
        let out = report_ok(
            &format!("agree-{m}"),
            &["--period", m, "--cutoff", CUTOFF],
        );
        let ind = indicators(&out);
        let rows = sla_rows(&out);
        for (id, v) in recompute(&rows, m) {
            close(all(&ind, id), v, &format!("{m} {id}"));
        }
        // The workbook's summary: column A holds the indicator's name
        // (no internal id), D the result, a percentage as a fraction
        // (`0.0%`) and business hours as an Excel duration in days
        // (`[h]:mm`).
        let mut wb: Xlsx<_> =
            open_workbook(out.join(format!("informe-{m}.xlsx"))).unwrap();
        let sum = wb.worksheet_range("Resumen").unwrap();
        let mut seen = 0;
        for r in sum.rows() {
            let Data::String(name) = &r[0] else { continue };
            let w = plazo::text::words::Words::defaults(Lang::Es);
            let id = plazo::indicators::IDS
                .iter()
                .find(|id| plazo::indicators::describe(id, &w).0 == *name);
            if let Some(id) = id
                && let Some(k) =
                    ind.get(&("all".into(), "all".into(), id.to_string()))
            {
                let unit = if id.ends_with("_pct") {
                    100.0
                } else if id.contains("_hours_") {
                    24.0
                } else {
                    1.0
                };
                let shown = cell_f64(&r[3]).map(|v| v * unit);
                close(shown, *k, &format!("{m} Resumen {id}"));
                seen += 1;
            }
        }
        // The 18 indicators of every policy, the 4 of the survey report,
        // the two closing rules of `[close] auto_close_after` (early and
        // late closes; the fixtures' policy sets neither
        // requires_approval nor validate_within), `pauses` and 4 of the
        // escalation block; not the 4 pre-case figures (no `[states]
        // precase`), `tickets_unresolved` (no `unresolved` label),
        // `pauses_without_note` (no `[checks] paused_requires_note`)
        // nor the take compliance (no `[escalation] take_within`).
        assert_eq!(seen, 29, "{m}: every indicator in Resumen");
        let br = wb.worksheet_range("Incumplimientos").unwrap();
        assert_eq!(br.rows().count() - 1, breaches(&rows, m), "{m} breaches");
        // "Datos" has one row per ticket of sla.csv.
        let data = wb.worksheet_range("Datos").unwrap();
        assert_eq!(data.rows().count() - 1, rows.len());
    }
}

#[test]
fn same_inputs_same_bytes() {
    let args = ["--period", "2026-06", "--cutoff", CUTOFF];
    let a = report_ok("det-a", &args);
    let b = report_ok("det-b", &args);
    let list = |d: &Path| {
        let mut v: Vec<PathBuf> = walk(d);
        v.sort();
        v
    };
    let (la, lb) = (list(&a), list(&b));
    assert_eq!(la.len(), lb.len());
    assert!(la.len() >= 13, "workbook, 2 CSV, 5 PNG, 5 SVG: {la:?}");
    for (x, y) in la.iter().zip(&lb) {
        assert_eq!(x.strip_prefix(&a).unwrap(), y.strip_prefix(&b).unwrap());
        assert!(
            std::fs::read(x).unwrap() == std::fs::read(y).unwrap(),
            "{} differs between runs",
            x.display()
        );
    }
}

fn walk(d: &Path) -> Vec<PathBuf> {
    let mut v = Vec::new();
    for e in std::fs::read_dir(d).unwrap() {
        let p = e.unwrap().path();
        if p.is_dir() {
            v.extend(walk(&p));
        } else {
            v.push(p);
        }
    }
    v
}

#[test]
fn english_sheets_and_period_picked_from_cutoff() {
    let out = report_ok(
        "en",
        &[
            "--lang",
            "en",
            "--period",
            "previous-month",
            "--cutoff",
            CUTOFF,
        ],
    );
    // Cutoff 2026-08-03: the previous complete month is July.
    let p = out.join("informe-2026-07.xlsx");
    let wb: Xlsx<_> = open_workbook(&p).unwrap();
    let names = wb.sheet_names();
    for s in [
        "Summary",
        "By priority",
        "Trend",
        "Breaches",
        "Data",
        "Methodology",
    ] {
        assert!(names.iter().any(|n| n == s), "{s} in {names:?}");
    }
}

#[test]
fn user_text_stays_text() {
    // T6's title becomes a formula-looking text.
    let dir = tempdir("formula");
    let src = root().join("tests/data/sla");
    for f in ["policy.toml", "events.csv", "surveys.csv"] {
        std::fs::copy(src.join(f), dir.join(f)).unwrap();
    }
    let t = std::fs::read_to_string(src.join("tickets.csv")).unwrap();
    let t = t.replace(
        "Abierto en sábado",
        "\"=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"",
    );
    std::fs::write(dir.join("tickets.csv"), t).unwrap();
    let mut args = vec!["report".to_string()];
    args.extend(folder_args(&dir));
    args.extend(
        ["--period", "2026-05", "--cutoff", CUTOFF, "--out", "out"]
            .map(String::from),
    );
    let a: Vec<&str> = args.iter().map(String::as_str).collect();
    ok_stdout(&plazo(&dir, &a));
    let mut wb: Xlsx<_> =
        open_workbook(dir.join("out/informe-2026-05.xlsx")).unwrap();
    let br = wb.worksheet_range("Incumplimientos").unwrap();
    assert_eq!(
        br.rows().nth(1).unwrap()[1],
        Data::String("=HYPERLINK(\"http://x\",\"y\")".into())
    );
    let f = wb.worksheet_formula("Incumplimientos").unwrap();
    assert!(f.used_cells().all(|(_, _, s)| s.is_empty()), "no formulas");
}

#[test]
fn custom_queries_become_sheets() {
    let q = root().join("queries/indicators");
    let out = report_ok(
        "queries",
        &[
            "--period",
            "2026-06",
            "--cutoff",
            CUTOFF,
            "--queries",
            q.to_str().unwrap(),
        ],
    );
    let mut wb: Xlsx<_> =
        open_workbook(out.join("informe-2026-06.xlsx")).unwrap();
    let names = wb.sheet_names();
    for s in ["primer_contacto", "por_canal", "mediana_por_categoria"] {
        assert!(names.iter().any(|n| n == s), "{s} in {names:?}");
    }
    // June: T8 (portal, no target) and T9 (portal) opened.
    let canal = wb.worksheet_range("por_canal").unwrap();
    let rows: Vec<(String, f64)> = canal
        .rows()
        .skip(1)
        .map(|r| (r[0].to_string(), cell_f64(&r[1]).unwrap()))
        .collect();
    assert_eq!(rows, [("portal".to_string(), 2.0)]);
}

#[test]
fn failing_query_names_its_file() {
    let dir = tempdir("badq");
    std::fs::write(dir.join("roto.sql"), "SELECT nope FROM sla").unwrap();
    let (_, o) = report(
        "badq-run",
        &[
            "--period",
            "2026-06",
            "--cutoff",
            CUTOFF,
            "--queries",
            dir.to_str().unwrap(),
        ],
    );
    assert_eq!(o.status.code(), Some(2));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("roto.sql"), "{err}");
}

#[test]
fn bad_period_is_exit_2() {
    let (_, o) = report("badp", &["--period", "2026-13"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("2026-13"));
}

#[test]
fn itagui_compliance_chart_falls_back_to_response() {
    // Itagüí's procedure sets response targets only (no resolution
    // target), so the compliance-by-priority chart shows response
    // compliance: per priority, tickets responded in October 2026 (not
    // excluded) whose response met the target, counted here from the rows.
    use plazo::model::dataset::Attr;
    use plazo::report::chart_specs;
    use plazo::report::charts::Body;
    let ev = Evaluated::sample("itagui", "2026-10");
    let (ds, period, rows) = (&ev.ds, &ev.period, &ev.rows);
    let mut met: BTreeMap<String, (u32, u32)> = BTreeMap::new();
    for r in rows {
        if r.excluded.is_none()
            && r.responded_at.get().is_some_and(|t| period.contains(t))
        {
            let t = &ds.tickets[r.ticket as usize];
            let pri = ds.strings.get(t.attr(Attr::Priority)).to_string();
            let e = met.entry(pri).or_default();
            e.1 += 1;
            e.0 += u32::from(r.response_met == Some(true));
        }
    }
    assert!(met.len() >= 3, "{met:?}");
    let c = ev.context();
    let specs = chart_specs(&c);
    let (stem, chart) = &specs[0];
    assert_eq!(stem, "cumplimiento-por-prioridad");
    assert_eq!(
        chart.title,
        "Cumplimiento de atención por prioridad — octubre 2026"
    );
    let Body::Bars { values, .. } = &chart.body else {
        panic!("bars expected");
    };
    let got: BTreeMap<String, f64> = chart
        .labels
        .iter()
        .cloned()
        .zip(values.iter().copied())
        .collect();
    assert_eq!(got.len(), met.len(), "{got:?} vs {met:?}");
    for (name, (m, n)) in &met {
        let want = 100.0 * f64::from(*m) / f64::from(*n);
        assert!((got[name] - want).abs() < 1e-9, "{name}: {got:?}");
    }
}

#[test]
fn first_contact_query_on_the_victimas_sample() {
    // queries/indicators/primer_contacto.sql on October 2026: per
    // priority, tickets solved in the month (not excluded) and those whose
    // events name at most one group, counted here from the sample's
    // events.csv and the report's own sla.csv.
    let dir = tempdir("primer-contacto");
    let s = root().join("samples/victimas");
    let out = dir.join("out");
    let q = root().join("queries/indicators");
    let o = plazo_on(
        &dir,
        "report",
        &s,
        &[
            "--period",
            "2026-10",
            "--queries",
            q.to_str().unwrap(),
            "--out",
            out.to_str().unwrap(),
        ],
    );
    ok_stdout(&o);
    let mut groups: HashMap<String, std::collections::BTreeSet<String>> =
        HashMap::new();
    let mut ev = csv::Reader::from_path(s.join("events.csv")).unwrap();
    for r in ev.records() {
        let r = r.unwrap();
        if !r[3].is_empty() {
            groups
                .entry(r[0].to_string())
                .or_default()
                .insert(r[3].into());
        }
    }
    let mut want: BTreeMap<String, (f64, f64)> = BTreeMap::new();
    for r in sla_rows(&out) {
        if month(&r["solved_at"]) == Some("2026-10")
            && r["excluded_reason"].is_empty()
        {
            let e = want.entry(r["priority"].clone()).or_default();
            e.0 += 1.0;
            let n = groups.get(&r["ticket_id"]).map_or(0, |g| g.len());
            e.1 += f64::from(u8::from(n <= 1));
        }
    }
    let mut wb: Xlsx<_> =
        open_workbook(out.join("informe-2026-10.xlsx")).unwrap();
    let got: BTreeMap<String, (f64, f64)> = wb
        .worksheet_range("primer_contacto")
        .unwrap()
        .rows()
        .skip(1)
        .map(|r| {
            let v = |i: usize| cell_f64(&r[i]).unwrap();
            (r[0].to_string(), (v(1), v(2)))
        })
        .collect();
    assert_eq!(got, want);
    // Escalations exist in the sample: first contact is not 100 %.
    assert!(got.values().all(|(n, fc)| fc < n), "{got:?}");
}

#[test]
fn policy_report_period_is_the_default_for_cron() {
    // `[report] period = "quarter"` and a cutoff of 2026-08-03: the last
    // complete quarter is 2026Q2 (April-June).
    let dir = tempdir("report-policy-period");
    let data = root().join("tests/data/sla");
    let base = std::fs::read_to_string(data.join("policy.toml")).unwrap();
    let p = dir.join("policy.toml");
    std::fs::write(&p, format!("{base}\n[report]\nperiod = \"quarter\"\n"))
        .unwrap();
    let out = dir.join("out");
    let mut args: Vec<String> = vec!["report".into()];
    args.extend(folder_args(&data));
    args[2] = p.to_str().unwrap().to_string();
    args.extend(
        ["--cutoff", CUTOFF, "--out", out.to_str().unwrap()].map(String::from),
    );
    let a: Vec<&str> = args.iter().map(String::as_str).collect();
    ok_stdout(&plazo(&dir, &a));
    assert!(out.join("informe-2026Q2.xlsx").exists());
    let ind = std::fs::read_to_string(out.join("indicators.csv")).unwrap();
    assert!(ind.lines().skip(1).all(|l| l.starts_with("2026Q2,")));
    // Without it, no period option is a usage error naming the key.
    let (_, o) = report("report-no-period", &["--cutoff", CUTOFF]);
    assert_eq!(o.status.code(), Some(2));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("[report] period = \"month\""), "{err}");
}

#[test]
fn uspec_survey_rate_counts_only_surveyed_categories() {
    // samples/uspec/policy.toml: [survey] applies_to = { category_prefix =
    // "Plataformas" }. The rate is over tickets solved in October 2026,
    // not excluded, whose category is "Plataformas" or under it; counted
    // here from sla.csv.
    let dir = tempdir("uspec-survey-scope");
    let out = dir.join("out");
    let o = plazo_on(
        &dir,
        "report",
        &root().join("samples/uspec"),
        &["--period", "2026-10", "--out", out.to_str().unwrap()],
    );
    ok_stdout(&o);
    let (mut n, mut answered, mut all_n) = (0u32, 0u32, 0u32);
    for r in sla_rows(&out) {
        if month(&r["solved_at"]) == Some("2026-10")
            && r["excluded_reason"].is_empty()
        {
            all_n += 1;
            let c = &r["category"];
            if c == "Plataformas" || c.starts_with("Plataformas >") {
                n += 1;
                answered += u32::from(!r["survey_answered_at"].is_empty());
            }
        }
    }
    assert!(n > 20 && n < all_n, "{n} of {all_n}");
    let ind = indicators(&out);
    close(
        all(&ind, "survey_response_rate_pct"),
        Some(100.0 * f64::from(answered) / f64::from(n)),
        "survey_response_rate_pct",
    );
}

#[test]
fn pauses_without_a_note_are_listed() {
    // [checks] paused_requires_note: P1 pauses twice in May 2026, the first
    // time without a note; P2 pauses once with its reason; P3's bare pause
    // is in June (outside the May report, but counted by plazo sla).
    let dir = tempdir("unnoted-pauses");
    let data = root().join("tests/data/sla");
    let base = std::fs::read_to_string(data.join("policy.toml")).unwrap();
    std::fs::write(
        dir.join("policy.toml"),
        format!("{base}\n[checks]\npaused_requires_note = true\n"),
    )
    .unwrap();
    std::fs::write(
        dir.join("tickets.csv"),
        "ticket_id,opened_at,priority\nP1,2026-05-04 08:00,Alta\n\
         P2,2026-05-04 08:00,Alta\nP3,2026-06-01 08:00,Alta\n",
    )
    .unwrap();
    std::fs::write(
        dir.join("events.csv"),
        "ticket_id,at,status,note\n\
         P1,2026-05-04 09:00,En espera,\n\
         P1,2026-05-04 10:00,En curso,\n\
         P1,2026-05-04 11:00,En espera,Esperando repuesto\n\
         P2,2026-05-04 09:00,En espera,Usuario ausente\n\
         P3,2026-06-01 09:00,En espera,\n",
    )
    .unwrap();
    let out = dir.join("sla.csv");
    let o = plazo_on(
        &dir,
        "sla",
        &dir,
        &[
            "--cutoff",
            "2026-06-30 23:59",
            "--out",
            out.to_str().unwrap(),
        ],
    );
    let stderr = String::from_utf8(o.stderr.clone()).unwrap();
    ok_stdout(&o);
    assert!(
        stderr.contains(
            "2 suspensiones sin nota ([checks] paused_requires_note), p. ej. \
             ticket P1."
        ),
        "{stderr}"
    );
    let rep = dir.join("out");
    let o = plazo_on(
        &dir,
        "report",
        &dir,
        &["--period", "2026-05", "--out", rep.to_str().unwrap()],
    );
    ok_stdout(&o);
    let mut wb: Xlsx<_> =
        open_workbook(rep.join("informe-2026-05.xlsx")).unwrap();
    // "Suspensiones" lists every pause of May (P1 twice, P2 once); the
    // one without a note says so in its last column ("Con nota").
    let sheet = wb.worksheet_range("Suspensiones").unwrap();
    let rows: Vec<Vec<String>> = sheet
        .rows()
        .skip(1)
        .map(|r| r.iter().map(|c| c.to_string()).collect())
        .take_while(|r: &Vec<String>| !r[0].is_empty())
        .collect();
    assert_eq!(rows.len(), 3, "{rows:?}");
    let bare: Vec<&Vec<String>> =
        rows.iter().filter(|r| r[12] == "No").collect();
    assert_eq!(bare.len(), 1, "{rows:?}");
    assert_eq!(bare[0][0], "P1");
    assert_eq!(bare[0][5], "En espera");
}

#[test]
fn report_lists_rejected_rows_beside_the_workbook() {
    // The fixtures hold 3 rejected rows (tests/data/sla: events lines 27
    // and 28, surveys line 3), as plazo sla reports them.
    let (out, o) = report(
        "report-rejects",
        &["--period", "2026-06", "--cutoff", CUTOFF],
    );
    ok_stdout(&o);
    let text = std::fs::read_to_string(out.join("rejects.csv")).unwrap();
    assert_eq!(text.lines().count(), 4, "{text}");
    assert!(text.lines().nth(1).unwrap().contains(",27,ticket_id,T42,"));
    let err = String::from_utf8_lossy(&o.stderr);
    // The summary starts with them.
    assert!(
        err.starts_with(&format!(
            "3 filas o celdas rechazadas (ver {}). plazo report ",
            out.join("rejects.csv").display()
        )),
        "{err}"
    );
}
