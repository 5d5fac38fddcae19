//! The monthly survey report (issue 18): surveys sent and answered, the
//! response rate over sent, satisfaction within the survey scope, the
//! repeated-answer rule, per-question means and comment groups, on small
//! hand-built tables whose figures are worked out in the comments; and
//! a check on the Víctimas sample that recounts the figures from its
//! raw surveys.csv and plazo's sla.csv with the csv crate.
//!
//! Every fixture: October 2026 in Bogotá, Mon-Fri 08:00-17:00; each
//! ticket opened Monday 2026-10-05 08:00 and solved Tuesday 2026-10-06
//! 10:00 unless said otherwise.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use plazo::model::dataset::{Dataset, Inputs};
use plazo::text::lang::Lang;

use crate::util::{ok_stdout, plazo, read_rows, root, tempdir};

const POLICY: &str = r#"
name = "Encuestas de prueba"
timezone = "America/Bogota"
[calendar.hours]
mon = ["08:00-17:00"]
tue = ["08:00-17:00"]
wed = ["08:00-17:00"]
thu = ["08:00-17:00"]
fri = ["08:00-17:00"]
[states]
new = ["Nuevo"]
open = ["En curso"]
solved = ["Resuelto"]
closed = ["Cerrado"]
[[targets]]
response = "4h"
resolution = "2bd"
[survey]
satisfied_min = 4
scale_max = 5
"#;

/// Tickets `ids` (category Plataformas unless listed in `printing`),
/// opened 2026-10-05 08:00 and solved 2026-10-06 10:00; `T7` instead
/// opened 2026-09-28 and solved 2026-09-30 (September).
fn tables(dir: &Path, ids: &[&str], printing: &[&str]) {
    let mut t = String::from("ticket_id,opened_at,type,priority,category\n");
    let mut e = String::from("ticket_id,at,status\n");
    for id in ids {
        let cat = if printing.contains(id) {
            "Impresión"
        } else {
            "Plataformas"
        };
        let (open, solve) = if *id == "T7" {
            ("2026-09-28 08:00", "2026-09-30 10:00")
        } else {
            ("2026-10-05 08:00", "2026-10-06 10:00")
        };
        t.push_str(&format!("{id},{open},Incidente,Media,{cat}\n"));
        e.push_str(&format!("{id},{open},Nuevo\n{id},{solve},Resuelto\n"));
    }
    std::fs::write(dir.join("tickets.csv"), t).unwrap();
    std::fs::write(dir.join("events.csv"), e).unwrap();
}

/// A fixture folder: the policy (POLICY then `extra`), the tables of
/// [`tables`] and `surveys` as surveys.csv.
fn fixture(name: &str, extra: &str, ids: &[&str], surveys: &str) -> PathBuf {
    let dir = tempdir(name);
    std::fs::write(dir.join("policy.toml"), format!("{POLICY}{extra}"))
        .unwrap();
    tables(&dir, ids, &["T6"]);
    std::fs::write(dir.join("surveys.csv"), surveys).unwrap();
    dir
}

/// `plazo report` for October 2026 on a fixture folder: indicators.csv
/// as (dimension, group, indicator) -> (value, numerator, denominator).
fn report(dir: &Path) -> BTreeMap<(String, String, String), [String; 3]> {
    let out = dir.join("out");
    let arg = |f: &str| dir.join(f).to_str().unwrap().to_string();
    let args = [
        "report".to_string(),
        "--policy".into(),
        arg("policy.toml"),
        "--tickets".into(),
        arg("tickets.csv"),
        "--events".into(),
        arg("events.csv"),
        "--surveys".into(),
        arg("surveys.csv"),
        "--period".into(),
        "2026-10".into(),
        "--out".into(),
        out.to_str().unwrap().to_string(),
    ];
    let a: Vec<&str> = args.iter().map(String::as_str).collect();
    ok_stdout(&plazo(dir, &a));
    read_rows(&out.join("indicators.csv"))
        .into_iter()
        .map(|r| {
            let k = (
                r["dimension"].clone(),
                r["group"].clone(),
                r["indicator"].clone(),
            );
            (
                k,
                [
                    r["value"].clone(),
                    r["numerator"].clone(),
                    r["denominator"].clone(),
                ],
            )
        })
        .collect()
}

/// The `all` value of `id`, as a number.
fn all(
    ind: &BTreeMap<(String, String, String), [String; 3]>,
    id: &str,
) -> f64 {
    let k = ("all".to_string(), "all".to_string(), id.to_string());
    ind[&k][0]
        .parse()
        .unwrap_or_else(|_| panic!("{id}: {:?}", ind[&k]))
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() < 1e-9
}

#[test]
fn the_response_rate_is_over_the_surveys_sent() {
    // Five surveys sent in October (T1..T5, with sent_at), three of them
    // answered (T1 5, T2 4, T3 2): 3 / 5 = 60 %. T7's survey was sent on
    // 30 September: not sent in October, though its answer (3, on 2
    // October) counts in October's satisfaction: (5 + 4 + 2 + 3) / 4 =
    // 3.5, satisfied (>= 4) 2 / 4 = 50 %.
    let surveys = "\
ticket_id,sent_at,answered_at,score,comment
T1,2026-10-06 10:00,2026-10-07 09:00,5,
T2,2026-10-06 10:00,2026-10-07 09:00,4,
T3,2026-10-06 10:00,2026-10-08 09:00,2,
T4,2026-10-06 10:00,,,
T5,2026-10-06 10:00,,,
T7,2026-09-30 10:00,2026-10-02 09:00,3,
";
    let ids = ["T1", "T2", "T3", "T4", "T5", "T7"];
    let ind = report(&fixture("survey-rate", "", &ids, surveys));
    assert_eq!(all(&ind, "surveys_sent"), 5.0);
    assert_eq!(all(&ind, "surveys_answered"), 3.0);
    assert!(close(all(&ind, "survey_sent_answered_pct"), 60.0));
    assert!(close(all(&ind, "csat_mean"), 3.5));
    assert!(close(all(&ind, "satisfied_pct"), 50.0));
    assert_eq!(all(&ind, "answers_out_of_scope"), 0.0);
}

#[test]
fn satisfaction_counts_only_answers_within_the_scope() {
    // Scope: category Plataformas. T1..T5 are in it, T6 (Impresión) is
    // not. Answers: T1 5, T2 4, T3 2 and T6 1. Within scope: (5 + 4 + 2)
    // / 3 = 3.667 (with T6 it would be 12 / 4 = 3); satisfied 2 / 3. One
    // answer out of scope, shown apart. No sent_at column: the surveys
    // sent are the policy's rule, the 5 tickets in scope solved in
    // October, 3 answered: 60 %, the same as survey_response_rate_pct.
    let scope = "applies_to = { category = [\"Plataformas\"] }\n";
    let surveys = "\
ticket_id,answered_at,score,comment
T1,2026-10-07 09:00,5,
T2,2026-10-07 09:00,4,
T3,2026-10-08 09:00,2,
T6,2026-10-08 09:00,1,No sirvió la impresora
";
    let ids = ["T1", "T2", "T3", "T4", "T5", "T6"];
    let ind = report(&fixture("survey-scope", scope, &ids, surveys));
    assert!(close(all(&ind, "csat_mean"), 11.0 / 3.0));
    assert!(close(all(&ind, "satisfied_pct"), 200.0 / 3.0));
    assert_eq!(all(&ind, "answers_out_of_scope"), 1.0);
    assert_eq!(all(&ind, "surveys_sent"), 5.0);
    assert_eq!(all(&ind, "surveys_answered"), 3.0);
    assert!(close(all(&ind, "survey_sent_answered_pct"), 60.0));
    assert!(close(all(&ind, "survey_response_rate_pct"), 60.0));
}

#[test]
fn the_repeated_rule_picks_first_last_or_mean() {
    // T1 answered twice: 2 on 7 October, 5 on 20 October; T2 once: 4.
    // One score per ticket, two tickets:
    //   first: (2 + 4) / 2 = 3
    //   last:  (5 + 4) / 2 = 4.5 (the default)
    //   mean:  ((2 + 5) / 2 + 4) / 2 = 3.75
    let surveys = "\
ticket_id,answered_at,score
T1,2026-10-07 09:00,2
T1,2026-10-20 09:00,5
T2,2026-10-07 09:00,4
";
    for (rule, want) in
        [("", 4.5), ("first", 3.0), ("last", 4.5), ("mean", 3.75)]
    {
        let extra = if rule.is_empty() {
            String::new()
        } else {
            format!("repeated = \"{rule}\"\n")
        };
        let name = format!("survey-repeated-{rule}");
        let ind = report(&fixture(&name, &extra, &["T1", "T2"], surveys));
        assert!(close(all(&ind, "csat_mean"), want), "{rule}");
        let k = ("all".into(), "all".into(), "csat_mean".to_string());
        assert_eq!(ind[&k][2], "2", "{rule}: one score per ticket");
    }
}

#[test]
fn a_wrong_repeated_rule_is_an_error_naming_the_key() {
    let extra = "repeated = \"median\"\n";
    let dir = fixture("survey-repeated-bad", extra, &["T1"], "");
    let e = plazo::Policy::load(&dir.join("policy.toml")).unwrap_err();
    let text = e.to_string();
    assert!(text.contains("survey.repeated"), "{text}");
    assert!(text.contains("median"), "{text}");
}

/// The questions policy of the per-question tests.
const QUESTIONS: &str =
    "questions = { q_a = \"Oportunidad\", q_b = \"Amabilidad\" }\n";

#[test]
fn each_question_has_its_mean_over_its_answers() {
    // q_a: T1 5, T2 3, T3 4 -> 12 / 3 = 4. q_b: T1 4, T2 empty, T3 2 ->
    // 6 / 2 = 3 over 2 answers. T6 is out of scope when the scope is
    // Plataformas: its 1 and 1 do not count.
    let scope = "applies_to = { category = [\"Plataformas\"] }\n";
    let surveys = "\
ticket_id,answered_at,score,q_a,q_b
T1,2026-10-07 09:00,5,5,4
T2,2026-10-07 09:00,4,3,
T3,2026-10-08 09:00,3,\"4,0\",2
T6,2026-10-08 09:00,1,1,1
";
    let extra = format!("{scope}{QUESTIONS}");
    let ids = ["T1", "T2", "T3", "T6"];
    let ind = report(&fixture("survey-questions", &extra, &ids, surveys));
    let q = |label: &str| {
        let k = (
            "question".into(),
            label.into(),
            "question_score_mean".into(),
        );
        ind[&k].clone()
    };
    assert_eq!(q("Oportunidad"), ["4".to_string(), "12".into(), "3".into()]);
    assert_eq!(q("Amabilidad"), ["3".to_string(), "6".into(), "2".into()]);
}

#[test]
fn an_unreadable_question_score_is_a_reject_and_a_missing_column_an_error() {
    // Line 3's q_b is words: the row is rejected, naming the file, line,
    // column and value; the other row is kept.
    let surveys = "\
ticket_id,answered_at,score,q_a,q_b
T1,2026-10-07 09:00,5,5,4
T2,2026-10-07 09:00,4,3,muy bien
";
    let dir =
        fixture("survey-question-bad", QUESTIONS, &["T1", "T2"], surveys);
    let mut inputs =
        Inputs::new(dir.join("tickets.csv"), dir.join("events.csv"));
    inputs.surveys = Some(dir.join("surveys.csv"));
    inputs.survey_questions = vec!["q_a".into(), "q_b".into()];
    let tz: chrono_tz::Tz = "America/Bogota".parse().unwrap();
    let ds = Dataset::load(&inputs, tz).unwrap();
    assert_eq!(ds.surveys.len(), 1);
    assert_eq!(ds.surveys[0].questions[..], [Some(5.0), Some(4.0)]);
    assert_eq!(ds.rejects.len(), 1);
    let r = &ds.rejects[0];
    assert!(r.file.ends_with("surveys.csv"), "{}", r.file);
    assert_eq!((r.line, r.column.as_str()), (3, "q_b"));
    assert_eq!(r.value, "muy bien");
    inputs.survey_questions.push("q_c".into());
    let e = Dataset::load_in(&inputs, tz, Lang::En).unwrap_err();
    let text = e.to_string();
    assert!(
        text.contains("q_c") && text.contains("surveys.csv"),
        "{text}"
    );
}

/// The October survey report of a fixture folder, through the library.
fn survey_tables(dir: &Path) -> plazo::indicators::survey::SurveyReport {
    let policy = plazo::Policy::load(&dir.join("policy.toml")).unwrap();
    let mut inputs =
        Inputs::new(dir.join("tickets.csv"), dir.join("events.csv"));
    inputs.surveys = Some(dir.join("surveys.csv"));
    let ds = Dataset::load(&inputs, policy.tz()).unwrap();
    let period = plazo::report::Period::parse("2026-10", policy.tz()).unwrap();
    let cutoff = period.last_second();
    let rows = plazo::engine::Engine::new(&policy, &ds, cutoff)
        .unwrap()
        .evaluate_all();
    plazo::indicators::survey::report(
        &policy,
        &ds,
        &rows,
        &period,
        cutoff.unix(),
    )
}

/// (label, count) of each group; "Otros" as `None`.
fn counts(
    r: &plazo::indicators::survey::SurveyReport,
) -> Vec<(Option<String>, u64)> {
    r.groups
        .iter()
        .map(|g| (g.label.clone(), g.count))
        .collect()
}

/// Comments of the grouping tests: T6 is out of scope (Impresión).
const COMMENTS: &str = "\
ticket_id,answered_at,score,comment
T1,2026-10-07 09:00,2,Tardaron mucho
T2,2026-10-07 09:00,2,tardaron MUCHO
T3,2026-10-08 09:00,1,No quedó resuelto
T4,2026-10-08 09:00,5,Excelente atención
T5,2026-10-08 09:00,5,
T6,2026-10-08 09:00,1,Tardaron
";

#[test]
fn comments_are_grouped_by_keywords_with_the_rest_in_otros() {
    // Keywords, accent- and case-insensitive: "tardaron" matches T1 and
    // T2 (Demora: 2), "no quedo resuelto" T3 (No resuelto: 1); T4 has no
    // keyword (Otros: 1); T5 has no comment; T6 is out of scope.
    let extra = "applies_to = { category = [\"Plataformas\"] }\n\
[survey.comment_groups]\n\
\"Demora\" = [\"tardaron\", \"demora\"]\n\
\"No resuelto\" = [\"NO QUEDÓ RESUELTO\"]\n";
    let ids = ["T1", "T2", "T3", "T4", "T5", "T6"];
    let dir = fixture("survey-groups", extra, &ids, COMMENTS);
    let r = survey_tables(&dir);
    assert_eq!(
        counts(&r),
        vec![
            (Some("Demora".to_string()), 2),
            (Some("No resuelto".to_string()), 1),
            (None, 1),
        ]
    );
    assert_eq!(r.groups[0].examples, ["Tardaron mucho", "tardaron MUCHO"]);
}

#[test]
fn without_groups_comments_are_grouped_by_their_folded_text() {
    // "Tardaron mucho" and "tardaron MUCHO" fold to the same text: one
    // group of 2, shown with its first wording; then the others, 1 each,
    // by label. T6 (out of scope) is left out.
    let extra = "applies_to = { category = [\"Plataformas\"] }\n";
    let ids = ["T1", "T2", "T3", "T4", "T5", "T6"];
    let dir = fixture("survey-groups-text", extra, &ids, COMMENTS);
    let r = survey_tables(&dir);
    assert_eq!(
        counts(&r),
        vec![
            (Some("Tardaron mucho".to_string()), 2),
            (Some("Excelente atención".to_string()), 1),
            (Some("No quedó resuelto".to_string()), 1),
        ]
    );
}

/// An instant of the sample's tables (RFC 3339) as Unix seconds.
fn unix(s: &str) -> i64 {
    chrono::DateTime::parse_from_rfc3339(s.trim())
        .unwrap_or_else(|e| panic!("{s:?}: {e}"))
        .timestamp()
}

#[test]
fn victimas_survey_figures_recounted_from_the_raw_tables() {
    // October 2026 in Bogotá: [2026-10-01 05:00Z, 2026-11-01 05:00Z).
    let (start, end) = (
        unix("2026-10-01T00:00:00-05:00"),
        unix("2026-11-01T00:00:00-05:00"),
    );
    let inp = |t: i64| (start..end).contains(&t);
    let s = root().join("samples/victimas");
    let policy = plazo::Policy::load(&s.join("policy.toml")).unwrap();
    assert!(policy.survey_scope().is_none(), "recount assumes no scope");
    let dir = tempdir("survey-victimas");
    for f in ["policy.toml", "tickets.csv", "events.csv", "surveys.csv"] {
        std::fs::copy(s.join(f), dir.join(f)).unwrap();
    }
    let ind = report(&dir);
    let sla = read_rows(&dir.join("out/sla.csv"));
    let raw = read_rows(&s.join("surveys.csv"));
    let known: BTreeMap<&str, &BTreeMap<String, String>> =
        sla.iter().map(|r| (r["ticket_id"].as_str(), r)).collect();
    let has_sent = raw.first().is_some_and(|r| r.contains_key("sent_at"));
    // Surveys sent and answered: the sent_at rows of October when the
    // table has the column, else the tickets solved in October and not
    // excluded, answered when sla.csv has their answer.
    let (sent, answered) = if has_sent {
        let sent: Vec<_> = raw
            .iter()
            .filter(|r| known.contains_key(r["ticket_id"].as_str()))
            .filter(|r| !r["sent_at"].is_empty() && inp(unix(&r["sent_at"])))
            .collect();
        let answered = sent.iter().filter(|r| {
            !r["answered_at"].is_empty() && unix(&r["answered_at"]) < end
        });
        (sent.len(), answered.count())
    } else {
        let solved: Vec<_> = sla
            .iter()
            .filter(|r| {
                !r["solved_at"].is_empty() && inp(unix(&r["solved_at"]))
            })
            .filter(|r| r["excluded_reason"].is_empty())
            .collect();
        let answered = solved
            .iter()
            .filter(|r| !r["survey_answered_at"].is_empty());
        (solved.len(), answered.count())
    };
    assert!(sent > 0, "the sample sends surveys in October");
    assert_eq!(all(&ind, "surveys_sent"), sent as f64);
    assert_eq!(all(&ind, "surveys_answered"), answered as f64);
    let rate = 100.0 * answered as f64 / sent as f64;
    assert!(close(all(&ind, "survey_sent_answered_pct"), rate));
    // Satisfaction: per ticket, its answers by the cutoff, the one the
    // policy's rule picks; counted when that answer is in October.
    let mut per: BTreeMap<&str, Vec<(i64, f64)>> = BTreeMap::new();
    for r in &raw {
        if r["answered_at"].is_empty()
            || !known.contains_key(r["ticket_id"].as_str())
        {
            continue;
        }
        let at = unix(&r["answered_at"]);
        let score: f64 = r["score"].replace(',', ".").parse().unwrap();
        if at < end {
            per.entry(r["ticket_id"].as_str())
                .or_default()
                .push((at, score));
        }
    }
    let rule = policy.survey().repeated;
    let (mut sum, mut n, mut sat) = (0.0, 0u32, 0u32);
    for answers in per.values_mut() {
        answers.sort_by_key(|a| a.0);
        let (at, score) = match rule {
            plazo::policy::Repeated::First => answers[0],
            plazo::policy::Repeated::Last => *answers.last().unwrap(),
            plazo::policy::Repeated::Mean => {
                let m = answers.iter().map(|a| a.1).sum::<f64>()
                    / answers.len() as f64;
                (answers.last().unwrap().0, m)
            }
        };
        if inp(at) {
            sum += score;
            n += 1;
            sat += u32::from(score >= policy.survey().satisfied_min);
        }
    }
    assert!(n > 0, "the sample has answers in October");
    assert!(close(all(&ind, "csat_mean"), sum / f64::from(n)));
    assert!(close(
        all(&ind, "satisfied_pct"),
        100.0 * f64::from(sat) / f64::from(n)
    ));
    assert_eq!(all(&ind, "answers_out_of_scope"), 0.0);
}

#[test]
fn uspec_satisfaction_leaves_out_answers_outside_the_survey_scope() {
    // USPEC sends its form only for platform cases (`applies_to = {
    // category_prefix = "Plataformas" }`). Recount from the raw tables:
    // each ticket's last answer by the cutoff, in October; within scope
    // when its category starts with "Plataformas" (sla.csv's category);
    // satisfaction over those, the others counted apart.
    let (start, end) = (
        unix("2026-10-01T00:00:00-05:00"),
        unix("2026-11-01T00:00:00-05:00"),
    );
    let s = root().join("samples/uspec");
    let policy = plazo::Policy::load(&s.join("policy.toml")).unwrap();
    let scope = policy.survey_scope().expect("USPEC has a survey scope");
    assert!(
        scope.describe().contains("plataformas"),
        "{}",
        scope.describe()
    );
    assert_eq!(policy.survey().repeated, plazo::policy::Repeated::Last);
    let dir = tempdir("survey-uspec");
    for f in ["policy.toml", "tickets.csv", "events.csv", "surveys.csv"] {
        std::fs::copy(s.join(f), dir.join(f)).unwrap();
    }
    let ind = report(&dir);
    let sla = read_rows(&dir.join("out/sla.csv"));
    let category: BTreeMap<&str, &str> = sla
        .iter()
        .map(|r| (r["ticket_id"].as_str(), r["category"].as_str()))
        .collect();
    let mut last: BTreeMap<&str, (i64, f64)> = BTreeMap::new();
    for r in read_rows(&s.join("surveys.csv")).iter() {
        let id = r["ticket_id"].as_str();
        if r["answered_at"].is_empty() || !category.contains_key(id) {
            continue;
        }
        let at = unix(&r["answered_at"]);
        let score: f64 = r["score"].replace(',', ".").parse().unwrap();
        let id = *category.get_key_value(id).unwrap().0;
        if at < end && last.get(id).is_none_or(|l| l.0 <= at) {
            last.insert(id, (at, score));
        }
    }
    let (mut sum, mut n, mut out) = (0.0, 0u32, 0u32);
    for (id, (at, score)) in &last {
        if !(start..end).contains(at) {
            continue;
        }
        if category[id].starts_with("Plataformas") {
            sum += score;
            n += 1;
        } else {
            out += 1;
        }
    }
    assert!(n > 0, "USPEC has answers within scope in October");
    assert!(close(all(&ind, "csat_mean"), sum / f64::from(n)));
    assert_eq!(all(&ind, "answers_out_of_scope"), f64::from(out));
}
