//! Named exclusion rules (`[[exclude.rules]]`): the engine's bitmasks
//! against a slow reference that tries each rule in file order and checks
//! its conditions literally, on random rules, tickets and events.

use plazo::Policy;
use plazo::engine::{Engine, Exclusion};
use plazo::model::dataset::{Dataset, Inputs};
use plazo::time::Instant;
use proptest::prelude::*;

use crate::util::tempdir;

const LABELS: [&str; 3] = ["En curso", "Resuelto", "En espera"];
const PRIORITIES: [&str; 2] = ["Alta", "Baja"];

#[derive(Clone, Debug)]
struct Rule {
    priority: Option<usize>,
    final_status: Option<usize>,
    /// Window [from, to) in minutes after 2026-03-02 00:00.
    window: Option<(i64, i64)>,
}

fn rule() -> impl Strategy<Value = Rule> {
    (
        proptest::option::of(0..2usize),
        proptest::option::of(0..3usize),
        proptest::option::of((0..600i64, 1..300i64)),
    )
        .prop_filter("a rule needs a condition", |(p, f, w)| {
            p.is_some() || f.is_some() || w.is_some()
        })
        .prop_map(|(priority, final_status, w)| Rule {
            priority,
            final_status,
            window: w.map(|(a, len)| (a, a + len)),
        })
}

/// (priority, opened minute, events as (minute, label)).
type Ticket = (usize, i64, Vec<(i64, usize)>);

fn ticket() -> impl Strategy<Value = Ticket> {
    (
        0..2usize,
        0..600i64,
        proptest::collection::vec((0..900i64, 0..3usize), 0..4),
    )
}

const T0: &str = "2026-03-02 00:00";

fn at(min: i64) -> String {
    let t0 =
        chrono::NaiveDateTime::parse_from_str(T0, "%Y-%m-%d %H:%M").unwrap();
    (t0 + chrono::Duration::minutes(min))
        .format("%Y-%m-%d %H:%M")
        .to_string()
}

/// The first rule whose conditions all hold, read literally; none for a
/// ticket opened after the cutoff (it did not exist yet).
fn reference(rules: &[Rule], t: &Ticket, cutoff: i64) -> Option<usize> {
    if t.1 > cutoff {
        return None;
    }
    // Events in time order, ties in file order; the last one by the
    // cutoff gives the final label.
    let mut evs: Vec<(i64, usize)> = t.2.clone();
    evs.sort_by_key(|e| e.0);
    let last = evs.iter().rfind(|e| e.0 <= cutoff).map(|e| e.1);
    rules.iter().position(|r| {
        r.priority.is_none_or(|p| p == t.0)
            && r.final_status.is_none_or(|f| last == Some(f))
            && r.window.is_none_or(|(a, b)| t.1 >= a && t.1 < b)
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn engine_matches_rule_by_rule_reference(
        rules in proptest::collection::vec(rule(), 1..5),
        tickets in proptest::collection::vec(ticket(), 1..8),
        cutoff in 300..900i64,
    ) {
        let mut toml = String::from(
            "name = \"x\"\n[calendar]\nalways = true\n[states]\n\
             open = [\"En curso\"]\nsolved = [\"Resuelto\"]\n\
             paused = [\"En espera\"]\n",
        );
        for (k, r) in rules.iter().enumerate() {
            toml.push_str(&format!("[[exclude.rules]]\nreason = \"r{k}\"\n"));
            if let Some(p) = r.priority {
                toml.push_str(&format!(
                    "column = \"priority\"\nvalues = \"{}\"\n",
                    PRIORITIES[p].to_uppercase()
                ));
            }
            if let Some(f) = r.final_status {
                toml.push_str(&format!("final_status = \"{}\"\n", LABELS[f]));
            }
            if let Some((a, b)) = r.window {
                toml.push_str(&format!(
                    "opened_between = [\"{}\", \"{}\"]\n",
                    at(a),
                    at(b)
                ));
            }
        }
        let policy = Policy::from_toml(&toml, "p.toml".as_ref()).unwrap();
        let dir = tempdir("exclusion-props");
        let mut tk = String::from("ticket_id,opened_at,priority\n");
        let mut ev = String::from("ticket_id,at,status\n");
        for (i, t) in tickets.iter().enumerate() {
            tk.push_str(&format!("t{i},{},{}\n", at(t.1), PRIORITIES[t.0]));
            for e in &t.2 {
                ev.push_str(&format!("t{i},{},{}\n", at(e.0), LABELS[e.1]));
            }
        }
        std::fs::write(dir.join("t.csv"), tk).unwrap();
        std::fs::write(dir.join("e.csv"), ev).unwrap();
        let ds = Dataset::load(
            &Inputs::new(dir.join("t.csv"), dir.join("e.csv")),
            policy.tz(),
        )
        .unwrap();
        let cut = Instant::parse(&at(cutoff), policy.tz()).unwrap();
        let engine = Engine::new(&policy, &ds, cut).unwrap();
        for (i, t) in tickets.iter().enumerate() {
            // Exact duplicate events are merged on load; they change no
            // final label, so the reference can keep them.
            let want = reference(&rules, t, cutoff).map(|k| Exclusion::Rule(k as u16));
            prop_assert_eq!(engine.rule_exclusion(i), want, "ticket t{}", i);
            if want.is_some() {
                prop_assert_eq!(engine.evaluate(i).excluded, want);
            }
        }
    }
}
