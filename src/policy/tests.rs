//! Whole-policy checks: errors name the key and the fix, match keys,
//! the sample policies.

use super::*;
use crate::text::lang::Lang;

const BASE: &str = "name = \"x\"\n[calendar]\nalways = true\n";

fn err(extra: &str) -> String {
    let text = format!("{BASE}{extra}");
    Policy::from_toml(&text, "p.toml".as_ref())
        .unwrap_err()
        .message(Lang::En)
        .to_string()
}

#[test]
fn errors_name_the_key_and_the_fix() {
    let e = err("[states]\npending = [\"x\"]\n");
    assert!(
        e.starts_with("p.toml: states.pending: unknown canonical state"),
        "{e}"
    );
    let e = err("[states]\nopen = [\"En curso\"]\npaused = [\"en CURSO\"]\n");
    assert!(
        e.contains(
            "label \"en CURSO\" is in states.open and in states.paused"
        ),
        "{e}"
    );
    let e = err("[[targets]]\nresponse = \"5hh\"\n");
    assert!(
        e.contains("targets[0].response: unreadable duration \"5hh\""),
        "{e}"
    );
    let e = err(
        "[[targets]]\nresponse = \"1h\"\n[[targets]]\npriority = \"Alta\"\nresponse = \"2h\"\n",
    );
    assert!(
        e.contains("targets[1]: can never match because targets[0]"),
        "{e}"
    );
    let e = err("[[targets]]\npriority = \"Alta\"\n");
    assert!(e.contains("targets[0]: no target"), "{e}");
    let e = err("[[targets]]\npriority = \"\"\nresponse = \"1h\"\n");
    assert!(e.contains("targets[0].priority: empty value"), "{e}");
    let e = err("[close]\nauto_close_after = \"3 days\"\n");
    assert!(e.contains("close.auto_close_after"), "{e}");
    let e = err("[calender]\n");
    assert!(e.contains("unknown field `calender`"), "{e}");
    let e = err("[[targets]]\nprioridad = \"Alta\"\nresponse = \"1h\"\n");
    assert!(e.contains("unknown field `prioridad`"), "{e}");
}

#[test]
fn the_extensions_errors_name_the_key_and_the_fix() {
    // (policy text, what the message says).
    let r = "[[exclude.rules]]\n";
    let cases: Vec<(String, &str)> = vec![
        (
            format!("{r}reason = \"No gestionado\"\nfinal_status = \"x\"\n"),
            "exclude.rules[0].reason: \"No gestionado\" is not an id",
        ),
        (
            format!("{r}reason = \"massive\"\nfinal_status = \"x\"\n"),
            "\"massive\" is already used",
        ),
        (
            format!("{r}reason = \"a\"\ncolumn = \"c\"\n"),
            "column and values go together",
        ),
        (
            format!("{r}reason = \"a\"\ndescription = \"x\"\n"),
            "exclude.rules[0]: no condition",
        ),
        (
            format!(
                "{r}reason = \"a\"\nopened_between = [\"2026-01-02 14:00\", \"2026-01-02 08:00\"]\n"
            ),
            "opened_between: write two instants",
        ),
        (
            format!("{r}reason = \"a\"\nopened_between = [\"2026-01-02\"]\n"),
            "exclude.rules[0].opened_between",
        ),
        (
            format!("{r}reason = \"a\"\nfinal_status = []\n"),
            "exclude.rules[0]: empty column or value",
        ),
        (
            (0..33)
                .map(|k| {
                    format!("{r}reason = \"r{k}\"\nfinal_status = \"x\"\n")
                })
                .collect(),
            "exclude.rules: 33 rules; the most is 32",
        ),
        (
            "[targets_from_ticket]\nnumbers = \"minutes\"\n".into(),
            "targets_from_ticket: give response",
        ),
        (
            "[targets_from_ticket]\nresolution = \"a\"\nnumbers = \"days\"\n"
                .into(),
            "unknown variant `days`",
        ),
        (
            "[survey]\napplies_to = {}\n".into(),
            "survey.applies_to: no keys",
        ),
        (
            "[matching]\nfrom_events = [\"category\"]\n".into(),
            "matching.from_events: \"category\" is not an events column",
        ),
        (
            "[survey]\napplies_to = { categoria = \"x\" }\n".into(),
            "unknown field `categoria`",
        ),
        (
            "[[targets]]\ncategory_prefix = \"\"\nresponse = \"1h\"\n".into(),
            "targets[0].category_prefix: empty value",
        ),
    ];
    for (text, want) in &cases {
        let e = err(text);
        assert!(e.contains(want), "{want:?} not in {e:?}");
    }
}

#[test]
fn a_ticket_target_cell_reads_with_its_unit() {
    let t = TicketTargets {
        response: None,
        resolution: Some("a".into()),
        numbers: None,
    };
    let e = t.parse("90").unwrap_err().message(Lang::En).to_string();
    assert!(e.contains("set targets_from_ticket.numbers"), "{e}");
    assert_eq!(t.parse("1h30m").unwrap(), BizDuration::Seconds(5400));
    let t = TicketTargets {
        numbers: Some(NumberUnit::Hours),
        ..t
    };
    assert_eq!(t.parse("4.0").unwrap(), BizDuration::Seconds(4 * 3600));
    let e = t.parse("99999999999999999").unwrap_err();
    assert!(e.message(Lang::En).contains("out of range"));
    assert!(t.parse("4.5").is_err());
}

#[test]
fn list_valued_match_keys() {
    let text = format!(
        "{BASE}[[targets]]\npriority = [\"Muy alta\", \"5\"]\nresponse = \"1h\"\n"
    );
    let p = Policy::from_toml(&text, "p.toml".as_ref()).unwrap();
    let r = &p.targets()[0];
    assert!(r.matches(|_| "muy alta"));
    assert!(r.matches(|_| "5"));
    assert!(!r.matches(|_| "alta"));
}

#[test]
fn category_prefix_matches_a_branch_of_the_tree() {
    // The rule needs both keys: type exact, category under the branch.
    let text = format!(
        "{BASE}[[targets]]\ntype = \"Requerimiento\"\n\
         category_prefix = \"Hardware > Alistamiento\"\n\
         resolution = \"24h\"\n[[targets]]\nresponse = \"1h\"\n"
    );
    let p = Policy::from_toml(&text, "p.toml".as_ref()).unwrap();
    let r = &p.targets()[0];
    let with = |cat: &'static str| {
        move |f: Field| match f {
            Field::Type => "requerimiento",
            Field::Category => cat,
            _ => "",
        }
    };
    assert!(r.matches(with("hardware > alistamiento")));
    assert!(r.matches(with("hardware > alistamiento > portatiles")));
    assert!(!r.matches(with("hardware > alistamientos")));
    assert!(!r.matches(with("hardware")));
    assert!(!r.matches(|_| "hardware > alistamiento"));
    assert_eq!(
        r.describe(),
        "type = requerimiento; category_prefix = hardware > alistamiento"
    );
    // A rule with only a prefix key is not a catch-all.
    assert!(!r.is_catch_all() && p.targets()[1].is_catch_all());
}

#[test]
fn the_five_sample_policies_load() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("samples");
    for e in ["icetex", "upme", "itagui", "victimas", "uspec"] {
        let p = Policy::load(&root.join(e).join("policy.toml"))
            .unwrap_or_else(|err| panic!("{e}: {}", err.message(Lang::En)));
        assert!(!p.targets().is_empty(), "{e}");
        assert!(p.state_of("zzz-unknown").is_none());
    }
}
