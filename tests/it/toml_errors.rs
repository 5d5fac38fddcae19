//! A TOML file the TOML reader refuses (a policy, a holiday rule set, a
//! mapping) is reported in the run's language: a sentence that names the
//! file and says what to do, with the reader's own text (English, with
//! line and column) inside it.

use std::path::Path;

use crate::util::{plazo, tempdir};

const ES: &str = "el lector de TOML no aceptó el archivo; corrija lo que \
                  indica (en inglés)";
const EN: &str = "the TOML reader did not accept the file; fix what it says";

/// Runs plazo in Spanish (the default) and with `--lang en`; both must
/// fail with exit code 2. Returns (Spanish stderr, English stderr).
fn refused(dir: &Path, args: &[&str]) -> (String, String) {
    let mut out = Vec::new();
    for lang in [&[][..], &["--lang", "en"][..]] {
        let all: Vec<&str> = lang.iter().chain(args).copied().collect();
        let o = plazo(dir, &all);
        let err = String::from_utf8_lossy(&o.stderr).to_string();
        assert_eq!(o.status.code(), Some(2), "{all:?}: {err}");
        assert!(o.stdout.is_empty(), "{all:?}");
        out.push(err);
    }
    let en = out.pop().unwrap();
    (out.pop().unwrap(), en)
}

/// The stderr of a policy `text` refused by the TOML reader, in Spanish
/// and in English.
fn policy_refused(name: &str, text: &str) -> (String, String) {
    let dir = tempdir(name);
    std::fs::write(dir.join("p.toml"), text).unwrap();
    refused(
        &dir,
        &[
            "calendar", "holidays", "--year", "2026", "--policy", "p.toml",
        ],
    )
}

fn both(file: &str, detail: &str) -> (String, String) {
    (
        format!("plazo: {file}: {ES}: {detail}\n"),
        format!("plazo: {file}: {EN}: {detail}\n"),
    )
}

#[test]
fn a_policy_without_calendar() {
    let got = policy_refused("toml-no-calendar", "name = \"x\"\n");
    let want = both(
        "p.toml",
        "TOML parse error at line 1, column 1\n  |\n1 | name = \"x\"\n  \
         | ^^^^^^^^^^\nmissing field `calendar`",
    );
    assert_eq!(got, want);
}

#[test]
fn a_policy_with_an_unknown_key() {
    let got = policy_refused(
        "toml-unknown-key",
        "name = \"x\"\n[calendar]\nalways = true\n[[targets]]\n\
         prioridad = \"Alta\"\nresponse = \"1h\"\n",
    );
    let want = both(
        "p.toml",
        "TOML parse error at line 5, column 1\n  |\n5 | prioridad = \
         \"Alta\"\n  | ^^^^^^^^^\nunknown field `prioridad`, expected one \
         of `name`, `type`, `priority`, `category`, `service`, `group`, \
         `category_prefix`, `service_prefix`, `where`, `response`, \
         `resolution`, `response_end_of_working_day`, \
         `resolution_end_of_working_day`",
    );
    assert_eq!(got, want);
}

#[test]
fn a_policy_with_a_syntax_error() {
    let got = policy_refused(
        "toml-syntax",
        "name = \"x\"\n[calendar\nalways = true\n",
    );
    let want = both(
        "p.toml",
        "TOML parse error at line 2, column 10\n  |\n2 | [calendar\n  \
         |          ^\ninvalid table header\nexpected `.`, `]`",
    );
    assert_eq!(got, want);
}

#[test]
fn a_holiday_file_and_a_mapping_with_a_syntax_error() {
    let dir = tempdir("toml-holidays-mapping");
    std::fs::write(dir.join("h.toml"), "name = \"X\"\n[[holiday]\n").unwrap();
    let got = refused(
        &dir,
        &[
            "calendar",
            "holidays",
            "--year",
            "2026",
            "--calendar",
            "h.toml",
        ],
    );
    let want = both(
        "./h.toml",
        "TOML parse error at line 2, column 10\n  |\n2 | [[holiday]\n  \
         |          ^\ninvalid table header\nexpected `.`, `]]`",
    );
    assert_eq!(got, want);

    std::fs::write(dir.join("m.toml"), "[tickets\n").unwrap();
    std::fs::write(dir.join("in.csv"), "x\n1\n").unwrap();
    let got = refused(
        &dir,
        &[
            "ingest",
            "--mapping",
            "m.toml",
            "--timezone",
            "America/Bogota",
            "--input",
            "in.csv",
            "--out",
            "out",
        ],
    );
    let want = both(
        "m.toml",
        "TOML parse error at line 1, column 9\n  |\n1 | [tickets\n  \
         |         ^\ninvalid table header\nexpected `.`, `]`",
    );
    assert_eq!(got, want);
    assert!(!dir.join("out").exists());
}
