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
