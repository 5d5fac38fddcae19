//! Golden outputs of `plazo explain`: the text of chosen tickets, in
//! Spanish and in English, at a fixed cutoff, compared as exact text with
//! `tests/golden/explain/<set>/<ticket>[.detail].<lang>.txt`.
//!
//! The sets: `sla` (the hand-made tickets of `tests/data/sla/`: a pause
//! over a weekend and a holiday, a reopen after a survey, an automatic
//! close, a massive incident, a cancelled ticket, one open at the cutoff,
//! one no rule matches), `features` (`tests/data/explain/`: the clock's
//! start from a column, `[matching] from_events`, `[targets_from_ticket]`,
//! every exclusion, closing notes) and one per entity sample (its hand-made
//! tickets and a few generated ones). Some tickets also with `--detail`.
//!
//! An intended change is re-blessed, with the report's golden files, by
//! `PLAZO_BLESS=1 cargo test --test it golden`.

use std::collections::BTreeMap;

use crate::golden::{blessing, compare_or_bless};
use crate::util::{ok_stdout, plazo, root};

/// The tickets of one input folder explained at one cutoff.
struct Set<'a> {
    /// The folder under `tests/golden/explain/`.
    name: &'a str,
    /// The input folder, relative to the repository root (explain prints
    /// the policy's path as given).
    data: &'a str,
    cutoff: &'a str,
    /// Explained in Spanish.
    es: &'a [&'a str],
    /// Also explained in English.
    en: &'a [&'a str],
    /// Also explained with `--detail`, in both languages.
    detail: &'a [&'a str],
}

/// `plazo [--lang en] explain` of `ticket` in `set`, run from the
/// repository root (Spanish is the default, without `--lang`).
fn explain(set: &Set<'_>, ticket: &str, lang: &str, detail: bool) -> String {
    let mut args: Vec<String> = Vec::new();
    if lang != "es" {
        args.extend(["--lang".into(), lang.into()]);
    }
    args.push("explain".into());
    for f in ["policy.toml", "tickets.csv", "events.csv", "surveys.csv"] {
        let p = format!("{}/{f}", set.data);
        if root().join(&p).exists() {
            args.push(format!("--{}", f.split('.').next().unwrap()));
            args.push(p);
        }
    }
    args.extend(["--cutoff".into(), set.cutoff.into()]);
    args.extend(["--ticket".into(), ticket.into()]);
    if detail {
        args.push("--detail".into());
    }
    let a: Vec<&str> = args.iter().map(String::as_str).collect();
    ok_stdout(&plazo(&root(), &a))
}

/// Explains every ticket of `set` and compares (or blesses) the texts.
fn check(set: &Set<'_>) {
    let mut files = BTreeMap::new();
    let runs = set
        .es
        .iter()
        .map(|t| (t, "es", false))
        .chain(set.en.iter().map(|t| (t, "en", false)))
        .chain(set.detail.iter().map(|t| (t, "es", true)))
        .chain(set.detail.iter().map(|t| (t, "en", true)));
    for (ticket, lang, detail) in runs {
        let kind = if detail { ".detail" } else { "" };
        let text = explain(set, ticket, lang, detail);
        assert!(!text.contains("plazo-it-"), "{ticket} names a temp folder");
        files.insert(format!("{ticket}{kind}.{lang}.txt"), text);
    }
    let golden = root().join("tests/golden/explain").join(set.name);
    let errors = compare_or_bless(&golden, &files, blessing());
    assert!(
        errors.is_empty(),
        "golden explanations of {} differ:\n\n{}",
        set.name,
        errors.join("\n")
    );
}

const SLA: [&str; 9] = ["T1", "T2", "T3", "T4", "T5", "T6", "T7", "T8", "T9"];

#[test]
fn golden_explain_sla_cases() {
    check(&Set {
        name: "sla",
        data: "tests/data/sla",
        cutoff: "2026-08-03 12:00",
        es: &SLA,
        en: &SLA,
        detail: &["T1", "T2"],
    });
}

#[test]
fn golden_explain_features() {
    let all: Vec<String> = (1..=19).map(|k| format!("F{k:02}")).collect();
    let all: Vec<&str> = all.iter().map(String::as_str).collect();
    check(&Set {
        name: "features",
        data: "tests/data/explain",
        cutoff: "2026-03-20 12:00",
        es: &all,
        en: &all,
        detail: &["F06", "F19"],
    });
}

/// The samples at the end of October 2026 (the report goldens' period).
const SAMPLES_CUTOFF: &str = "2026-10-31 23:59:59";

#[test]
fn golden_explain_icetex() {
    check(&Set {
        name: "icetex",
        data: "samples/icetex",
        cutoff: SAMPLES_CUTOFF,
        es: &[
            "IM-90001", "IM-90002", "IM-90003", "IM-90005", "IM-90006",
            "IM-90007", "IM-90008", "IM-9409", "IM-6580", "IM-6581",
        ],
        en: &["IM-9409"],
        detail: &[],
    });
}

#[test]
fn golden_explain_itagui() {
    check(&Set {
        name: "itagui",
        data: "samples/itagui",
        cutoff: SAMPLES_CUTOFF,
        es: &[
            "90001", "90002", "90003", "90005", "90006", "90007", "90008",
            "6580", "6581",
        ],
        en: &[],
        detail: &[],
    });
}

#[test]
fn golden_explain_upme() {
    check(&Set {
        name: "upme",
        data: "samples/upme",
        cutoff: SAMPLES_CUTOFF,
        es: &[
            "UPME-90001",
            "UPME-90002",
            "UPME-90003",
            "UPME-90005",
            "UPME-90006",
            "UPME-9477",
            "UPME-6580",
            "UPME-6581",
            "UPME-9572",
        ],
        en: &["UPME-9572"],
        detail: &[],
    });
}

#[test]
fn golden_explain_uspec() {
    check(&Set {
        name: "uspec",
        data: "samples/uspec",
        cutoff: SAMPLES_CUTOFF,
        es: &["90001", "90002", "90003", "90006", "9559", "6580", "6591"],
        en: &[],
        detail: &[],
    });
}

#[test]
fn golden_explain_victimas() {
    let caso = [
        "UV-90001", "UV-90002", "UV-90003", "UV-90004", "UV-90005",
        "UV-90006", "UV-90007", "UV-90008",
    ];
    let mut es = caso.to_vec();
    es.extend(["UV-9466", "UV-6584", "UV-6580"]);
    check(&Set {
        name: "victimas",
        data: "samples/victimas",
        cutoff: SAMPLES_CUTOFF,
        es: &es,
        en: &caso,
        detail: &[],
    });
}
