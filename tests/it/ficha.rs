//! Issue 11: the indicator fichas and the counts beside every
//! percentage, read back from the workbook with calamine and checked
//! against counts made here from `sla.csv` (the rules of
//! docs/INDICATORS.md, in plain Rust, not the report's code) and against
//! `indicators.csv`.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use calamine::{Data, Range, Reader, Xlsx, open_workbook};
use plazo::text::lang::Lang;

use crate::util::{
    ok_stdout, plazo, read_rows, root, tempdir, without_indicator_tables,
};

type Row = BTreeMap<String, String>;

/// The entity samples with the period `tests/it/golden.rs` reports them
/// for, and one earlier period of the ficha's table.
const SAMPLES: [(&str, &str, &str, &str); 5] = [
    ("victimas", "--period", "2026-10", "2026-07"),
    ("icetex", "--period", "2026-10", "2026-08"),
    ("itagui", "--quarter", "2026Q3", "2026Q1"),
    ("upme", "--period", "2026-10", "2026-09"),
    ("uspec", "--period", "2026-10", "2026-06"),
];

/// A report of `entity`'s sample with `policy` for `period`: the output
/// folder and the workbook.
struct Report {
    out: PathBuf,
    wb: Xlsx<std::io::BufReader<std::fs::File>>,
    sla: Vec<Row>,
}

fn report(entity: &str, policy: &Path, flag: &str, period: &str) -> Report {
    let out = tempdir(&format!("ficha-{entity}"));
    let d = root().join("samples").join(entity);
    let mut args: Vec<String> = vec!["-q".into(), "report".into()];
    args.extend(["--policy".into(), policy.display().to_string()]);
    for f in ["tickets", "events", "surveys"] {
        args.push(format!("--{f}"));
        args.push(d.join(format!("{f}.csv")).display().to_string());
    }
    args.extend([flag.to_string(), period.to_string()]);
    args.extend(["--out".into(), out.display().to_string()]);
    let a: Vec<&str> = args.iter().map(String::as_str).collect();
    ok_stdout(&plazo(&root(), &a));
    let wb = open_workbook(out.join(format!("informe-{period}.xlsx")))
        .expect("workbook");
    let sla = read_rows(&out.join("sla.csv"));
    Report { out, wb, sla }
}

fn sample_policy(entity: &str) -> PathBuf {
    root().join("samples").join(entity).join("policy.toml")
}

/// The sample's words (`[report.labels]`), which name the indicators.
fn words_of(entity: &str) -> plazo::text::words::Words {
    let p = plazo::Policy::load(&sample_policy(entity)).unwrap();
    p.report().labels.words(Lang::Es)
}

/// Whether the local timestamp `t` falls in `period` (`2026-10` or
/// `2026Q3`; the samples are in Bogotá, so the text's date is local).
fn in_period(t: &str, period: &str) -> bool {
    if t.len() < 7 {
        return false;
    }
    match period.split_once('Q') {
        Some((y, q)) => {
            let q: u32 = q.parse().unwrap();
            let m: u32 = t[5..7].parse().unwrap();
            t.starts_with(y) && (m - 1) / 3 + 1 == q
        }
        None => t.starts_with(period),
    }
}

fn scope(r: &Row) -> bool {
    r["excluded_reason"].is_empty()
}

/// (numerator, denominator) of a headline indicator in `period`,
/// counted from the per-ticket rows.
fn counts(sla: &[Row], id: &str, period: &str, sat: &Survey) -> (u64, u64) {
    let pick = |when: &dyn Fn(&Row) -> bool, yes: &dyn Fn(&Row) -> bool| {
        let rows: Vec<&Row> = sla.iter().filter(|r| when(r)).collect();
        let n = rows.iter().filter(|r| yes(r)).count() as u64;
        (n, rows.len() as u64)
    };
    match id {
        "resolution_compliance_pct" => pick(
            &|r| {
                scope(r)
                    && in_period(&r["solved_at"], period)
                    && !r["resolution_met"].is_empty()
            },
            &|r| r["resolution_met"] == "true",
        ),
        "response_compliance_pct" => pick(
            &|r| {
                scope(r)
                    && in_period(&r["responded_at"], period)
                    && !r["response_met"].is_empty()
            },
            &|r| r["response_met"] == "true",
        ),
        // A "Sin Solución" answer (outcome `unresolved`) counts in no
        // solved-ticket figure.
        "reopen_rate_pct" => pick(
            &|r| {
                scope(r)
                    && in_period(&r["solved_at"], period)
                    && r["outcome"] != "unresolved"
            },
            &|r| r["reopen_count"] != "0",
        ),
        // Only the answers within the survey's scope (`applies_to`).
        "satisfied_pct" => pick(
            &|r| {
                in_period(&r["survey_answered_at"], period)
                    && !r["survey_score"].is_empty()
                    && sat
                        .prefix
                        .as_ref()
                        .is_none_or(|p| r["category"].starts_with(p.as_str()))
            },
            &|r| r["survey_score"].parse::<f64>().unwrap() >= sat.min,
        ),
        _ => panic!("no count for {id}"),
    }
}

/// The ficha sheet of each headline indicator.
const FICHAS: [(&str, &str); 4] = [
    ("response_compliance_pct", "Ficha atención"),
    ("resolution_compliance_pct", "Ficha solución"),
    ("reopen_rate_pct", "Ficha reapertura"),
    ("satisfied_pct", "Ficha satisfacción"),
];

fn text(d: &Data) -> String {
    match d {
        Data::String(s) => s.clone(),
        Data::Empty => String::new(),
        other => other.to_string(),
    }
}

fn number(d: &Data) -> Option<f64> {
    match d {
        Data::Float(f) => Some(*f),
        Data::Int(i) => Some(*i as f64),
        // A duration (`[h]:mm`): calamine reads it as a date-time.
        Data::DateTime(t) => Some(t.as_f64()),
        _ => None,
    }
}

/// The row of `range` whose column A reads `a` (the first one).
fn row_of<'r>(range: &'r Range<Data>, a: &str) -> &'r [Data] {
    range
        .rows()
        .find(|r| text(&r[0]) == a)
        .unwrap_or_else(|| panic!("no row {a:?}"))
}

/// The rows of the ficha's results table, by period label.
fn table(range: &Range<Data>) -> BTreeMap<String, Vec<Data>> {
    let mut rows = range.rows().skip_while(|r| text(&r[0]) != "Periodo");
    rows.next().expect("results table");
    rows.take_while(|r| !text(&r[0]).is_empty())
        .map(|r| (text(&r[0]), r.to_vec()))
        .collect()
}

/// `[survey] satisfied_min` of a policy file, and its scope's
/// `applies_to.category_prefix` (the only scope key the samples use).
struct Survey {
    min: f64,
    prefix: Option<String>,
}

fn survey_rule(policy: &Path) -> Survey {
    let v: toml::Value =
        toml::from_str(&std::fs::read_to_string(policy).unwrap()).unwrap();
    let m = &v["survey"]["satisfied_min"];
    Survey {
        min: m.as_float().or(m.as_integer().map(|i| i as f64)).unwrap(),
        prefix: v["survey"]
            .get("applies_to")
            .and_then(|a| a.get("category_prefix"))
            .and_then(|p| p.as_str())
            .map(str::to_string),
    }
}

/// The numerator, denominator and result of `id`'s ficha for `period`
/// equal the counts made from `sla.csv`; the result is blank without a
/// denominator.
fn check_period(
    rep: &Report,
    range: &Range<Data>,
    id: &str,
    period: &str,
    sat: &Survey,
) {
    let (n, d) = counts(&rep.sla, id, period, sat);
    let rows = table(range);
    let r = rows
        .get(period)
        .unwrap_or_else(|| panic!("{id}: no row {period}"));
    let what = format!("{} {id} {period}", rep.out.display());
    assert_eq!(number(&r[1]), Some(n as f64), "{what} numerator");
    assert_eq!(number(&r[2]), Some(d as f64), "{what} denominator");
    if d == 0 {
        assert_eq!(r[3], Data::Empty, "{what}: no result over no ticket");
    } else {
        let v = number(&r[3]).expect("result");
        assert!((v - n as f64 / d as f64).abs() < 1e-12, "{what}: {v}");
    }
}

#[test]
fn ficha_counts_equal_counts_from_sla_csv_for_every_sample() {
    for (entity, flag, period, earlier) in SAMPLES {
        let policy = sample_policy(entity);
        let mut rep = report(entity, &policy, flag, period);
        let sat = survey_rule(&policy);
        let names = rep.wb.sheet_names();
        for (id, sheet) in FICHAS {
            // Measured at all: some ticket has a target for it (or a
            // survey answer); otherwise no ficha.
            let measured = match id {
                "resolution_compliance_pct" => rep
                    .sla
                    .iter()
                    .any(|r| !r["resolution_target_s"].is_empty()),
                "response_compliance_pct" => {
                    rep.sla.iter().any(|r| !r["response_target_s"].is_empty())
                }
                "satisfied_pct" => {
                    rep.sla.iter().any(|r| !r["survey_score"].is_empty())
                }
                _ => true,
            };
            let present = names.iter().any(|n| n == sheet);
            assert_eq!(present, measured, "{entity}: {sheet}");
            if !present {
                continue;
            }
            let range = rep.wb.worksheet_range(sheet).unwrap();
            for p in [period, earlier] {
                check_period(&rep, &range, id, p, &sat);
            }
            // 12 months, or 4 quarters.
            let n = if flag == "--quarter" { 4 } else { 12 };
            assert_eq!(table(&range).len(), n, "{entity} {sheet} periods");
            // No goal in the samples: said in words, no semáforo.
            let goal = row_of(&range, "Meta");
            assert_eq!(text(&goal[1]), "sin meta definida", "{entity}");
            assert!(
                table(&range).values().all(|r| r[5] == Data::Empty),
                "{entity} {sheet}: no status without a goal"
            );
        }
    }
}

/// Itagüí sets no resolution target: no resolution ficha.
#[test]
fn itagui_has_no_resolution_ficha() {
    let rep =
        report("itagui", &sample_policy("itagui"), "--quarter", "2026Q3");
    let names = rep.wb.sheet_names();
    assert!(!names.iter().any(|n| n == "Ficha solución"), "{names:?}");
    assert!(names.iter().any(|n| n == "Ficha atención"), "{names:?}");
}

/// The sample's policy without its `[indicators]` table, plus `extra`.
fn policy_with(entity: &str, extra: &str) -> PathBuf {
    let text = std::fs::read_to_string(sample_policy(entity)).unwrap();
    // Every [indicators*] table of the sample goes; `extra` says it all.
    let mut text = without_indicator_tables(&text);
    text.push_str(extra);
    let dir = tempdir(&format!("ficha-policy-{entity}"));
    let p = dir.join("policy.toml");
    std::fs::write(&p, text).unwrap();
    p
}

/// The semáforo's words for a value against a `min` goal with a band,
/// worked out here.
fn expected_status(v: f64, goal: f64, acceptable: f64) -> &'static str {
    if v >= goal {
        "✔ Cumple"
    } else if v >= acceptable {
        "▲ Aceptable"
    } else {
        "✘ No cumple"
    }
}

/// Víctimas with goals: response compliance 95 / acceptable 90 (the
/// sample's values are below both), resolution compliance with a goal
/// and band placed between its own monthly values so that the twelve
/// months show all three states; a goal on the mean resolution time adds
/// its ficha.
#[test]
fn semaforo_follows_goal_and_band() {
    let base = sample_policy("victimas");
    let rep = report("victimas", &base, "--period", "2026-10");
    // 2025-11 ..= 2026-10, as months counted from year 0.
    let months: Vec<String> = (0..12)
        .map(|k| {
            let m = 2025 * 12 + 10 + k;
            format!("{}-{:02}", m / 12, m % 12 + 1)
        })
        .collect();
    assert_eq!(months[0], "2025-11");
    assert_eq!(months[11], "2026-10");
    let value = |id: &str, m: &str| {
        let (n, d) =
            counts(&rep.sla, id, m, &survey_rule(&sample_policy("victimas")));
        (d > 0).then(|| 100.0 * n as f64 / d as f64)
    };
    let mut res: Vec<f64> = months
        .iter()
        .filter_map(|m| value("resolution_compliance_pct", m))
        .collect();
    res.sort_by(f64::total_cmp);
    assert!(res.len() >= 4, "months with data: {res:?}");
    let acceptable = (res[0] + res[1]) / 2.0;
    let k = res.len() / 2;
    let goal = (res[k] + res[k + 1]) / 2.0;
    let policy = policy_with(
        "victimas",
        &format!(
            "\n[indicators.resolution_compliance_pct]\ngoal = {goal}\n\
             acceptable = {acceptable}\n\
             [indicators.response_compliance_pct]\ngoal = 95\n\
             acceptable = 90\n\
             [indicators.resolution_business_hours_mean]\ngoal = 40\n"
        ),
    );
    let mut rep = report("victimas", &policy, "--period", "2026-10");
    let names = rep.wb.sheet_names();
    assert!(names.iter().any(|n| n == "Ficha tiempo solución"));
    let mut seen = std::collections::BTreeSet::new();
    for (id, sheet, g, a) in [
        (
            "resolution_compliance_pct",
            "Ficha solución",
            goal,
            acceptable,
        ),
        ("response_compliance_pct", "Ficha atención", 95.0, 90.0),
    ] {
        let range = rep.wb.worksheet_range(sheet).unwrap();
        let rows = table(&range);
        for m in &months {
            let r = &rows[m];
            let want = value(id, m).map_or("", |v| expected_status(v, g, a));
            assert_eq!(text(&r[5]), want, "{sheet} {m}");
            seen.insert(want);
            // The goal column stores the fraction, as the result.
            assert!((number(&r[4]).unwrap() - g / 100.0).abs() < 1e-12);
        }
        assert!(text(&row_of(&range, "Meta")[1]).starts_with("≥ "));
    }
    for s in ["✔ Cumple", "▲ Aceptable", "✘ No cumple"] {
        assert!(seen.contains(s), "{s} in {seen:?}");
    }
    // "Resumen": goal as a bound, "sin meta definida" without one.
    let sum = rep.wb.worksheet_range("Resumen").unwrap();
    let w = words_of("victimas");
    let name = |id| plazo::indicators::describe(id, &w).0;
    let csat = row_of(&sum, &name("csat_mean"));
    assert_eq!(text(&csat[2]), "sin meta definida");
    assert_eq!(text(&csat[8]), "", "no status without a goal");
    let resp = row_of(&sum, &name("response_compliance_pct"));
    assert_eq!(text(&resp[2]), "≥ 95 %");
    let oct = value("response_compliance_pct", "2026-10").unwrap();
    assert_eq!(text(&resp[8]), expected_status(oct, 95.0, 90.0));
}

/// `indicators.csv`'s `all` rows by indicator id.
fn csv_all(out: &Path) -> BTreeMap<String, Row> {
    read_rows(&out.join("indicators.csv"))
        .into_iter()
        .filter(|r| r["dimension"] == "all")
        .map(|r| (r["indicator"].clone(), r))
        .collect()
}

fn cell_text(d: &Data) -> String {
    match number(d) {
        Some(v) => format!("{v}"),
        None => text(d),
    }
}

/// Resumen: every indicator by name (no internal id column), with the
/// numerator and denominator of `indicators.csv` beside its result; the
/// by-priority sheet: each percentage followed by the priority group's
/// numerator and denominator; Tendencia: the report month's resolution
/// counts equal those made from `sla.csv`.
#[test]
fn resumen_dimension_and_trend_counts_equal_indicators_csv() {
    for (entity, flag, period, _) in SAMPLES {
        let mut rep = report(entity, &sample_policy(entity), flag, period);
        let sat = survey_rule(&sample_policy(entity));
        let ind = csv_all(&rep.out);
        let sum = rep.wb.worksheet_range("Resumen").unwrap();
        let head = row_of(&sum, "Indicador");
        let heads: Vec<String> = head.iter().map(text).collect();
        assert_eq!(heads[4..6], ["Numerador", "Denominador"], "{entity}");
        assert!(!heads.iter().any(|h| h == "Id"), "{entity}: {heads:?}");
        assert!(
            !sum.rows()
                .any(|r| r.iter().any(|c| text(c) == "tickets_opened")),
            "{entity}: no internal id"
        );
        let w = words_of(entity);
        let policy = plazo::Policy::load(&sample_policy(entity)).unwrap();
        for &id in plazo::indicators::IDS {
            let name = plazo::indicators::describe(id, &w).0;
            if !plazo::indicators::applies(&policy, id) {
                // A closing rule the policy does not set: in
                // indicators.csv with no value; the pre-case, "Sin
                // Solución", unnoted-pause and take-target figures of a
                // policy without their keys: counts of 0 or no value.
                // None is on Resumen.
                if id.starts_with("clos") || id == "validation_within_pct" {
                    assert_eq!(ind[id]["value"], "", "{entity} {id}");
                }
                assert!(
                    !sum.rows().any(|r| r.iter().any(|c| text(c) == name)),
                    "{entity}: {id} is not on Resumen"
                );
                continue;
            }
            let r = row_of(&sum, &name);
            let want = &ind[id];
            if plazo::indicators::is_hours(id) {
                // A sum of business hours shows as an Excel duration
                // (days, `[h]:mm`).
                let got = number(&r[4]).map(|d| d * 24.0);
                let csv: Option<f64> = want["numerator"].parse().ok();
                assert!(
                    got.zip(csv).is_none_or(|(a, b)| (a - b).abs() < 1e-6)
                        && got.is_some() == csv.is_some(),
                    "{entity} {id}: {got:?} vs {csv:?}"
                );
            } else {
                assert_eq!(
                    cell_text(&r[4]),
                    want["numerator"],
                    "{entity} {id}"
                );
            }
            assert_eq!(cell_text(&r[5]), want["denominator"], "{entity} {id}");
        }
        by_priority(&mut rep, entity);
        {
            let tr = rep.wb.worksheet_range("Tendencia").unwrap();
            let heads: Vec<String> =
                tr.rows().next().unwrap().iter().map(text).collect();
            let col = |h: &str| heads.iter().position(|x| x == h).unwrap();
            let r = row_of(&tr, period);
            let (n, d) =
                counts(&rep.sla, "resolution_compliance_pct", period, &sat);
            assert_eq!(number(&r[col("Solucionados en ANS")]), Some(n as f64));
            assert_eq!(
                number(&r[col("Solucionados con ANS")]),
                Some(d as f64)
            );
        }
    }
}

/// "Por prioridad": the columns after "% solución dentro del ANS" hold
/// each priority's numerator and denominator from `indicators.csv`.
fn by_priority(rep: &mut Report, entity: &str) {
    let rows: Vec<Row> = read_rows(&rep.out.join("indicators.csv"))
        .into_iter()
        .filter(|r| {
            r["dimension"] == "priority"
                && r["indicator"] == "resolution_compliance_pct"
        })
        .collect();
    let sheet = rep.wb.worksheet_range("Por prioridad").unwrap();
    let heads: Vec<String> =
        sheet.rows().next().unwrap().iter().map(text).collect();
    let w = words_of(entity);
    let name = plazo::indicators::describe("resolution_compliance_pct", &w).0;
    let c = heads.iter().position(|h| *h == name).unwrap();
    assert_eq!(heads[c + 1], format!("{name}: numerador"));
    assert_eq!(heads[c + 2], format!("{name}: denominador"));
    assert!(!rows.is_empty(), "{entity}: priorities");
    for want in rows {
        let g = if want["group"].is_empty() {
            "(sin dato)".to_string()
        } else {
            want["group"].clone()
        };
        let r = row_of(&sheet, &g);
        assert_eq!(cell_text(&r[c + 1]), want["numerator"], "{entity} {g}");
        assert_eq!(cell_text(&r[c + 2]), want["denominator"], "{entity} {g}");
    }
}
