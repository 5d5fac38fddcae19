//! `plazo calendar ...` from the command line: outputs and exit codes.

use crate::util::{BOGOTA_POLICY, ok_stdout, plazo, tempdir};

#[test]
fn holidays_csv_2026() {
    let dir = tempdir("holidays-csv");
    let out = plazo(
        &dir,
        &["calendar", "holidays", "--year", "2026", "--format", "csv"],
    );
    let text = ok_stdout(&out);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines[0], "date,name");
    assert_eq!(lines.len(), 1 + 19);
    assert!(
        lines.contains(
            &"2026-07-13,Nuestra Señora del Rosario de Chiquinquirá"
        )
    );
    let out = plazo(
        &dir,
        &["calendar", "holidays", "--year", "2025", "--format", "csv"],
    );
    assert!(ok_stdout(&out).contains(
        "2025-06-30,San Pedro y San Pablo / Sagrado Corazón de Jesús\n"
    ));
}

#[test]
fn between_and_add() {
    let dir = tempdir("between");
    std::fs::write(dir.join("p.toml"), BOGOTA_POLICY).unwrap();
    let out = plazo(
        &dir,
        &[
            "calendar",
            "between",
            "--policy",
            "p.toml",
            "2025-06-27 16:30",
            "2025-07-01T09:15:00-05:00",
        ],
    );
    assert_eq!(ok_stdout(&out), "6300\t1:45:00\n");
    let out = plazo(
        &dir,
        &[
            "calendar",
            "add",
            "--policy",
            "p.toml",
            "2025-06-27 16:30",
            "90m",
        ],
    );
    // 30 min on Friday, Monday 30 June closed, 60 min on Tuesday from 08:00.
    assert_eq!(ok_stdout(&out), "2025-07-01T09:00:00-05:00\n");
    let out = plazo(
        &dir,
        &[
            "calendar",
            "add",
            "--policy",
            "p.toml",
            "2025-06-27 16:30",
            "1bd",
        ],
    );
    assert_eq!(ok_stdout(&out), "2025-07-01T16:30:00-05:00\n");
}

#[test]
fn between_pairs_keeps_rows_in_order() {
    let dir = tempdir("pairs");
    std::fs::write(dir.join("p.toml"), BOGOTA_POLICY).unwrap();
    std::fs::write(
        dir.join("pairs.csv"),
        "start,end\n2025-06-27 16:30,2025-07-01 09:15\n2026-03-09 08:00,2026-03-09 08:00\n\
         2026-03-10 09:00,2026-03-09 08:00\n2026-03-09 11:00,2026-03-09 15:00\n",
    )
    .unwrap();
    let out = plazo(
        &dir,
        &[
            "calendar",
            "between",
            "--policy",
            "p.toml",
            "--pairs",
            "pairs.csv",
        ],
    );
    assert_eq!(
        ok_stdout(&out),
        "start,end,business_seconds\n2025-06-27 16:30,2025-07-01 09:15,6300\n\
         2026-03-09 08:00,2026-03-09 08:00,0\n2026-03-10 09:00,2026-03-09 08:00,0\n\
         2026-03-09 11:00,2026-03-09 15:00,7200\n"
    );
}

#[test]
fn bad_input_exits_2_naming_the_value() {
    let dir = tempdir("bad");
    std::fs::write(dir.join("p.toml"), BOGOTA_POLICY).unwrap();
    // Unparseable instant in a pairs file: file, line and column named.
    std::fs::write(dir.join("pairs.csv"), "start,end\n2026-03-09 08:00,2026-03-09 09:00\n2026-03-09 08:00,09/03/2026\n").unwrap();
    let out = plazo(
        &dir,
        &[
            "--lang",
            "en",
            "calendar",
            "between",
            "--policy",
            "p.toml",
            "--pairs",
            "pairs.csv",
        ],
    );
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("pairs.csv:3: column end"), "{err}");
    assert!(err.contains("\"09/03/2026\""), "{err}");

    let cases: &[(&str, &str)] = &[
        ("America/Bogot", "unknown time zone \"America/Bogot\""),
        ("25:00", "segment \"25:00-26:00\""),
        ("overlap", "overlap"),
    ];
    for (case, want) in cases {
        let policy = match *case {
            "America/Bogot" => {
                BOGOTA_POLICY.replace("America/Bogota", "America/Bogot")
            }
            "25:00" => BOGOTA_POLICY.replace(
                "\"08:00-12:00\", \"14:00-17:00\"]\ntue",
                "\"25:00-26:00\"]\ntue",
            ),
            _ => BOGOTA_POLICY.replace(
                "\"08:00-12:00\", \"14:00-17:00\"]\ntue",
                "\"08:00-12:00\", \"11:00-17:00\"]\ntue",
            ),
        };
        std::fs::write(dir.join("bad.toml"), policy).unwrap();
        let out = plazo(
            &dir,
            &[
                "--lang",
                "en",
                "calendar",
                "add",
                "--policy",
                "bad.toml",
                "2026-03-09 08:00",
                "1h",
            ],
        );
        assert_eq!(out.status.code(), Some(2), "{case}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.starts_with("plazo: bad.toml: "), "{err}");
        assert!(err.contains(want), "{case}: {err}");
    }
    // Unparseable instant on the command line, in Spanish by default.
    let out = plazo(
        &dir,
        &["calendar", "between", "--policy", "p.toml", "ayer", "hoy"],
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&out.stderr)
            .contains("instante ilegible \"ayer\"")
    );
    // A missing policy file is a usage error too.
    let out = plazo(
        &dir,
        &[
            "calendar",
            "add",
            "--policy",
            "nope.toml",
            "2026-03-09",
            "1h",
        ],
    );
    assert_eq!(out.status.code(), Some(2));
    // Bad usage (clap).
    let out = plazo(&dir, &["calendar", "add"]);
    assert_eq!(out.status.code(), Some(2));
}

/// The README's first quick-start command, run as written (in a scratch
/// folder holding the samples), produces the report the README promises.
#[test]
fn readme_quick_start_is_true() {
    let readme =
        std::fs::read_to_string(crate::util::root().join("README.md"))
            .unwrap();
    let qs = &readme[readme.find("## Quick start").unwrap()..];
    let block = &qs[qs.find("```sh\n").unwrap() + 6..];
    let first = block.lines().next().unwrap();
    let args = first
        .strip_prefix("cargo run -- ")
        .expect("first command is cargo run");
    let argv: Vec<&str> = args.split(' ').collect();
    let dir = crate::util::tempdir("quick-start");
    std::os::unix::fs::symlink(
        crate::util::root().join("samples"),
        dir.join("samples"),
    )
    .unwrap();
    let out = crate::util::plazo(&dir, &argv);
    ok_stdout(&out);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("2026-10"), "{err}");
    for f in [
        "informe/informe-2026-10.xlsx",
        "informe/indicators.csv",
        "informe/sla.csv",
        "informe/charts/tendencia.png",
    ] {
        assert!(dir.join(f).is_file(), "{f} missing");
    }
    assert!(readme.contains("informe-2026-10.xlsx"));
    // The per-ticket table is plazo sla's (3,000 drawn tickets, the
    // eight hand-made UV-90001 .. UV-90008, header).
    let sla = std::fs::read_to_string(dir.join("informe/sla.csv")).unwrap();
    assert_eq!(sla.lines().count(), 3009);
}

/// `calendar add` backwards and to the end of the working day on the
/// Itagüí calendar (Mon-Fri 07:00-12:00 and 13:00-17:00, Colombian
/// holidays; Monday 2026-07-13 is a holiday), values counted by hand.
#[test]
fn add_backwards_and_end_of_working_day() {
    let dir = tempdir("add-backwards");
    let policy = crate::util::root().join("samples/itagui/policy.toml");
    let policy = policy.display().to_string();
    let add = |args: &[&str]| {
        let mut all = vec!["calendar", "add", "--policy", &policy];
        all.extend_from_slice(args);
        ok_stdout(&plazo(&dir, &all))
    };
    // Tuesday 08:00 - 3h: 1h on Tuesday (07-08), Monday closed, 2h of
    // Friday afternoon (15-17).
    assert_eq!(
        add(&["2026-07-14 08:00", "-3h"]),
        "2026-07-10T15:00:00-05:00\n"
    );
    // One second before Tuesday's opening is Friday's close minus 1 s.
    assert_eq!(
        add(&["2026-07-14 07:00", "-1s"]),
        "2026-07-10T16:59:59-05:00\n"
    );
    // -90m from 13:30 crosses the lunch gap: 30 min after 13:00, 60 before 12:00.
    assert_eq!(
        add(&["2026-07-14 13:30", "-90m"]),
        "2026-07-14T11:00:00-05:00\n"
    );
    // 7 working days back from Tuesday 14 July: Fri 10, Thu 9, Wed 8,
    // Tue 7, Mon 6, Fri 3, Thu 2.
    assert_eq!(
        add(&["2026-07-14 10:30", "-7bd"]),
        "2026-07-02T10:30:00-05:00\n"
    );
    assert_eq!(
        add(&["--end-of-working-day", "2026-07-14 10:30", "-7bd"]),
        "2026-07-02T17:00:00-05:00\n"
    );
    // 3 working days from Thursday 9 July (Monday 13 closed): Wednesday 15.
    assert_eq!(
        add(&["2026-07-09 10:30", "3bd", "--end-of-working-day"]),
        "2026-07-15T17:00:00-05:00\n"
    );
    // After the close: that same day's close (GLPI's rule, by date).
    assert_eq!(
        add(&["2026-07-15 19:00", "0m", "--end-of-working-day"]),
        "2026-07-15T17:00:00-05:00\n"
    );
    // On a closed day: the next working day's close forwards (Tuesday,
    // Monday being a holiday), the previous one's backwards (Friday).
    assert_eq!(
        add(&["2026-07-11 10:00", "0m", "--end-of-working-day"]),
        "2026-07-14T17:00:00-05:00\n"
    );
    assert_eq!(
        add(&["2026-07-11 10:00", "-0m", "--end-of-working-day"]),
        "2026-07-10T17:00:00-05:00\n"
    );
    // Garbage stays an input error, quoting the text, in Spanish by default.
    for bad in ["--3h", "-3x", "-"] {
        let out = plazo(
            &dir,
            &[
                "calendar",
                "add",
                "--policy",
                &policy,
                "2026-07-14 08:00",
                bad,
            ],
        );
        assert_eq!(out.status.code(), Some(2), "{bad}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(
            err.contains(&format!("duración ilegible \"{bad}\"")),
            "{err}"
        );
        assert!(err.contains("(-3h, -7bd)"), "{err}");
    }
}
