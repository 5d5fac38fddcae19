//! The command line speaks one language at a time: each command is run
//! in Spanish (the default) and with `--lang en`, and each run's stderr
//! holds its own language's phrases and none of the other's. Errors keep
//! their one-line `plazo: ` format in both languages.

use std::path::Path;

use crate::util::{BOGOTA_POLICY, folder_command, root, run, tempdir};

/// Runs `args` without `--lang` and with `--lang en`: (code, stderr) of
/// each.
fn both(dir: &Path, args: &[&str]) -> ((i32, String), (i32, String)) {
    let (es_code, _, es) = run(dir, args);
    let mut en_args = vec!["--lang", "en"];
    en_args.extend_from_slice(args);
    let (en_code, _, en) = run(dir, &en_args);
    ((es_code, es), (en_code, en))
}

/// Each phrase appears in its own language's text and not in the other.
fn apart(es: &str, en: &str, es_phrases: &[&str], en_phrases: &[&str]) {
    for p in es_phrases {
        assert!(es.contains(p), "Spanish run lacks {p:?}:\n{es}");
        assert!(!en.contains(p), "English run says {p:?}:\n{en}");
    }
    for p in en_phrases {
        assert!(en.contains(p), "English run lacks {p:?}:\n{en}");
        assert!(!es.contains(p), "Spanish run says {p:?}:\n{es}");
    }
}

/// `plazo sla` on the hand-made tickets (with a surveys file and `--out`
/// in `dir`), then with rejected rows under `--strict`.
#[test]
fn sla_summary_and_strict_error() {
    let dir = tempdir("cli-lang-sla");
    let data = root().join("tests/data/sla");
    let args = folder_command(
        "sla",
        &data,
        &["--cutoff", "2026-08-03 12:00", "--out", "o.csv"],
    );
    let a: Vec<&str> = args.iter().map(String::as_str).collect();
    let ((es_code, es), (en_code, en)) = both(&dir, &a);
    assert_eq!((es_code, en_code), (0, 0), "{es}\n{en}");
    // The summary starts with the rejects (3: tests/data/sla's events
    // lines 27 and 28 and surveys line 3).
    assert!(es.starts_with("3 filas o celdas rechazadas (ver "), "{es}");
    assert!(en.starts_with("3 rejected rows or cells (see "), "{en}");
    apart(
        &es,
        &en,
        &[
            "tickets evaluados (corte ",
            " excluidos (anulado 1, incidente masivo 1)",
            "sin ANS aplicable (no_target)",
            "respuesta: 6 cumplen, 0 incumplen, 0 sin responder",
            "abiertos (0 ya vencidos); escrito en o.csv.",
            "eventos leídos, 1 duplicados fusionados",
            "3 filas o celdas rechazadas (ver o.rejects.csv). plazo sla ",
        ],
        &[
            "tickets evaluated (cutoff ",
            " excluded (cancelled 1, massive incident 1)",
            "without a target (no_target)",
            "response: 6 met, 0 breached, 0 unanswered",
            "open (0 already breached); written to o.csv.",
            "events read, 1 duplicates merged",
            "3 rejected rows or cells (see o.rejects.csv). plazo sla ",
        ],
    );

    let mut strict = a.clone();
    strict.push("--strict");
    let ((es_code, es), (en_code, en)) = both(&dir, &strict);
    assert_eq!((es_code, en_code), (2, 2), "{es}\n{en}");
    assert!(es.starts_with("plazo: 3 fila(s) rechazada(s); la primera: "));
    assert!(en.starts_with("plazo: 3 rejected row(s); the first: "));
    apart(
        &es,
        &en,
        &["quite --strict para continuar"],
        &["drop --strict to go on"],
    );
}

/// Thousands are grouped with the language's separator.
#[test]
fn sla_summary_groups_thousands_by_language() {
    let dir = tempdir("cli-lang-thousands");
    let data = root().join("samples/itagui");
    let args = folder_command(
        "sla",
        &data,
        &["--cutoff", "2026-10-31 23:59", "--out", "o.csv"],
    );
    let a: Vec<&str> = args.iter().map(String::as_str).collect();
    let ((_, es), (_, en)) = both(&dir, &a);
    apart(
        &es,
        &en,
        &["3.007 tickets evaluados", "16.009 eventos leídos"],
        &["3,007 tickets evaluated", "16,009 events read"],
    );
}

/// `plazo report`'s summary and its rejected-rows line.
#[test]
fn report_summary() {
    let dir = tempdir("cli-lang-report");
    let data = root().join("tests/data/sla");
    let args = folder_command(
        "report",
        &data,
        &["--period", "2026-07", "--out", "informe"],
    );
    let a: Vec<&str> = args.iter().map(String::as_str).collect();
    let ((es_code, es), (en_code, en)) = both(&dir, &a);
    assert_eq!((es_code, en_code), (0, 0), "{es}\n{en}");
    apart(
        &es,
        &en,
        &[
            "(corte 31/07/2026 23:59)",
            "pendientes al cierre; atención en ANS",
            "en riesgo al corte",
            "archivos escritos en informe.",
            "3 filas o celdas rechazadas (ver informe/rejects.csv). plazo report ",
        ],
        &[
            "(cutoff 31/07/2026 23:59)",
            "open at the end; response within SLA",
            "at risk at the cutoff",
            "files written to informe.",
            "3 rejected rows or cells (see informe/rejects.csv). plazo report ",
        ],
    );
}

/// Usage errors of the command layer and input errors of the library:
/// one line each, `plazo: ` then the message in the chosen language.
#[test]
fn errors_are_one_line_in_the_chosen_language() {
    let dir = tempdir("cli-lang-errors");
    let data = root().join("tests/data/sla");
    let tickets = data.join("tickets.csv");
    let events = data.join("events.csv");
    let (t, e) = (tickets.to_str().unwrap(), events.to_str().unwrap());
    std::fs::write(dir.join("p.toml"), BOGOTA_POLICY).unwrap();
    std::fs::write(
        dir.join("tz.toml"),
        BOGOTA_POLICY.replace("America/Bogota", "America/Bogot"),
    )
    .unwrap();

    let missing = ["sla", "--policy", "p.toml", "--tickets", "nope.csv"];
    let mut args = missing.to_vec();
    args.extend(["--events", e, "--out", "o.csv"]);
    let ((es_code, es), (en_code, en)) = both(&dir, &args);
    assert_eq!((es_code, en_code), (2, 2));
    assert_eq!(
        es,
        "plazo: --tickets nope.csv: no existe el archivo; revise la ruta\n"
    );
    assert_eq!(
        en,
        "plazo: --tickets nope.csv: no such file; check the path\n"
    );

    let args = [
        "sla",
        "--policy",
        "tz.toml",
        "--tickets",
        t,
        "--events",
        e,
        "--out",
        "o.csv",
    ];
    let ((es_code, es), (en_code, en)) = both(&dir, &args);
    assert_eq!((es_code, en_code), (2, 2));
    assert_eq!(
        es,
        "plazo: tz.toml: timezone: zona horaria desconocida \
         \"America/Bogot\": use un nombre IANA como \"America/Bogota\"\n"
    );
    assert_eq!(
        en,
        "plazo: tz.toml: timezone: unknown time zone \"America/Bogot\": \
         use an IANA name such as \"America/Bogota\"\n"
    );

    let args = [
        "report",
        "--policy",
        "p.toml",
        "--tickets",
        t,
        "--events",
        e,
        "--out",
        "informe",
    ];
    let ((_, es), (_, en)) = both(&dir, &args);
    apart(&es, &en, &["indique el periodo"], &["give the period"]);
}
