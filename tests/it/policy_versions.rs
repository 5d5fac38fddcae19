//! Policy versions and `extends` (issue 16, docs/CONTRACT.md §2.8):
//! which version measures a ticket (at its opening, or with `rules_at =
//! "solved"` at its solution or the cutoff), a version's calendar hours,
//! holidays that stay law-dated, the `extends` chain and its errors, the
//! errors of a version's keys, the Víctimas sample with two versions and
//! the `policy_version` column that only a versioned policy adds.
//!
//! Hand-made cases use the calendar of tests/data/sla/policy.toml (Bogotá,
//! Mon-Fri 07-12 and 13-17, 9 h a day, Colombian holidays); every
//! expected value is worked out in the comments. Wednesday 15 July 2026
//! is a working day; Monday 20 July is a holiday (Independence Day).

use std::collections::HashMap;
use std::path::Path;

use calamine::{Data, Reader, Xlsx, open_workbook};

use crate::util::{ok_stdout, plazo, root, tempdir};

/// The base of every hand-made policy: tests/data/sla/policy.toml up to
/// its first `[[targets]]` (name, zone, calendar, states).
fn head() -> String {
    let base =
        std::fs::read_to_string(root().join("tests/data/sla/policy.toml"))
            .unwrap();
    base.split("[[targets]]").next().unwrap().to_string()
}

/// A hand-made case: `policy.toml` (the head, then `rest`), tickets and
/// events in a fresh folder.
fn case(
    tag: &str,
    rest: &str,
    tickets: &str,
    events: &str,
) -> std::path::PathBuf {
    let dir = tempdir(tag);
    // Top-level keys (`version_name`) go before the first table.
    let (top, rest) = rest.split_once("[[targets]]").unwrap();
    let head = head().replacen("[calendar]", &format!("{top}\n[calendar]"), 1);
    std::fs::write(
        dir.join("policy.toml"),
        format!("{head}[[targets]]{rest}"),
    )
    .unwrap();
    std::fs::write(
        dir.join("tickets.csv"),
        format!("ticket_id,opened_at,type,priority\n{tickets}"),
    )
    .unwrap();
    std::fs::write(
        dir.join("events.csv"),
        format!("ticket_id,at,status\n{events}"),
    )
    .unwrap();
    dir
}

/// `plazo sla` in `dir` at `cutoff` with `extra` arguments: the header
/// and each row as column -> value.
fn sla(
    dir: &Path,
    cutoff: &str,
    extra: &[&str],
) -> (Vec<String>, Vec<HashMap<String, String>>) {
    let mut args = vec![
        "sla",
        "--policy",
        "policy.toml",
        "--tickets",
        "tickets.csv",
        "--events",
        "events.csv",
        "--cutoff",
        cutoff,
        "--out",
        "sla.csv",
    ];
    args.extend_from_slice(extra);
    ok_stdout(&plazo(dir, &args));
    read_csv(&dir.join("sla.csv"))
}

fn read_csv(path: &Path) -> (Vec<String>, Vec<HashMap<String, String>>) {
    let mut rdr = csv::Reader::from_path(path).unwrap();
    let h: Vec<String> =
        rdr.headers().unwrap().iter().map(String::from).collect();
    let rows = rdr
        .records()
        .map(|r| {
            let r = r.unwrap();
            h.iter().cloned().zip(r.iter().map(String::from)).collect()
        })
        .collect();
    (h, rows)
}

/// The values of `cols` of ticket `id`.
fn cells(
    rows: &[HashMap<String, String>],
    id: &str,
    cols: &[&str],
) -> Vec<String> {
    let r = rows.iter().find(|r| r["ticket_id"] == id).unwrap();
    cols.iter().map(|c| r[*c].clone()).collect()
}

/// One catch-all rule for the base (response 2h, resolution `res`), one
/// version "v2" from 2026-07-15 (response 1h, resolution `res2`).
fn two_versions(res: &str, res2: &str, extra: &str) -> String {
    format!(
        "{extra}\n[[targets]]\nresponse = \"2h\"\nresolution = \"{res}\"\n\n\
         [[versions]]\nfrom = \"2026-07-15\"\nname = \"v2\"\n\n\
         [[versions.targets]]\nresponse = \"1h\"\nresolution = \"{res2}\"\n"
    )
}

/// A ticket opened one second before `from` is measured under the base
/// (2h), one opened at `from` (local midnight) under the version (1h).
/// Both are taken Wednesday 15 July 08:30: the clock counts from 07:00,
/// 1 h 30 min = 5400 s: met against 2h, not met against 1h.
#[test]
fn version_chosen_at_the_boundary() {
    let dir = case(
        "versions-boundary",
        &two_versions("8h", "8h", "version_name = \"v1\""),
        "A,2026-07-14 23:59:59,Incidente,Alta\n\
         B,2026-07-15 00:00:00,Incidente,Alta\n",
        "A,2026-07-15 08:30,En curso\n\
         B,2026-07-15 08:30,En curso\n",
    );
    let (h, rows) = sla(&dir, "2026-07-15 12:00", &[]);
    // A version's states must map every label the events use: the error
    // names the version.
    let text = std::fs::read_to_string(dir.join("policy.toml")).unwrap();
    let bad = format!("{text}\n[versions.states]\nnew = [\"Nuevo\"]\n");
    std::fs::write(dir.join("bad.toml"), bad).unwrap();
    let o = plazo(
        &dir,
        &[
            "sla",
            "--policy",
            "bad.toml",
            "--tickets",
            "tickets.csv",
            "--events",
            "events.csv",
            "--out",
            "bad.csv",
        ],
    );
    assert_eq!(o.status.code(), Some(2));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.starts_with("plazo: versions[0]: "), "{err}");
    assert!(err.contains("En curso"), "{err}");
    // The last column before the evaluation ones (docs/CONTRACT.md §4).
    let ev = plazo::engine::output::EVALUATION_COLUMNS;
    assert_eq!(h[h.len() - ev.len() - 1], "policy_version");
    let cols = [
        "response_business_s",
        "response_target_s",
        "response_met",
        "policy_version",
    ];
    assert_eq!(cells(&rows, "A", &cols), ["5400", "7200", "true", "v1"]);
    assert_eq!(cells(&rows, "B", &cols), ["5400", "3600", "false", "v2"]);
    // Parquet has the same last column.
    let args = [
        "sla",
        "--policy",
        "policy.toml",
        "--tickets",
        "tickets.csv",
        "--events",
        "events.csv",
        "--cutoff",
        "2026-07-15 12:00",
        "--out",
        "sla.parquet",
    ];
    ok_stdout(&plazo(&dir, &args));
    let t = plazo::model::write::read_parquet_table(&dir.join("sla.parquet"))
        .unwrap();
    let at = t.columns.len() - ev.len() - 1;
    assert_eq!(t.columns[at], "policy_version");
    let last: Vec<&str> = t.rows.iter().map(|r| r[at].as_str()).collect();
    assert_eq!(last, ["v1", "v2"]);
}

/// `rules_at`: C opened Tuesday 14 July 08:00 (base), solved Wednesday
/// 15 July 10:00 (v2): resolution Tue 08-12 + 13-17 (8 h) + Wed 07-10
/// (3 h) = 11 h = 39600 s; base target 12h met, v2 target 10h not met.
/// D opened at the same time, never solved: with "solved", the version
/// in force at the cutoff (v2). E opened and solved Friday 10 July:
/// the base under both.
#[test]
fn rules_at_solved_against_opened() {
    let dir = case(
        "versions-rules-at",
        &two_versions("12h", "10h", ""),
        "C,2026-07-14 08:00,Incidente,Alta\n\
         D,2026-07-14 08:00,Incidente,Alta\n\
         E,2026-07-10 08:00,Incidente,Alta\n",
        "C,2026-07-14 08:30,En curso\n\
         C,2026-07-15 10:00,Resuelto\n\
         D,2026-07-14 08:30,En curso\n\
         E,2026-07-10 08:30,En curso\n\
         E,2026-07-10 10:00,Resuelto\n",
    );
    let cols = [
        "resolution_business_s",
        "resolution_target_s",
        "resolution_met",
        "policy_version",
    ];
    let (_, opened) = sla(&dir, "2026-07-16 12:00", &[]);
    assert_eq!(
        cells(&opened, "C", &cols),
        ["39600", "43200", "true", "base"]
    );
    assert_eq!(cells(&opened, "D", &cols[1..]), ["43200", "", "base"]);
    let (_, solved) = sla(&dir, "2026-07-16 12:00", &["--rules-at", "solved"]);
    assert_eq!(
        cells(&solved, "C", &cols),
        ["39600", "36000", "false", "v2"]
    );
    assert_eq!(cells(&solved, "D", &cols[1..]), ["36000", "", "v2"]);
    // E: Fri 08:00-10:00 = 2 h, under the base either way.
    for rows in [&opened, &solved] {
        assert_eq!(cells(rows, "E", &cols), ["7200", "43200", "true", "base"]);
    }
    // The policy's own key gives what the flag gives.
    let text = std::fs::read_to_string(dir.join("policy.toml")).unwrap();
    let text = text.replacen(
        "[calendar]",
        "[sla]\nrules_at = \"solved\"\n\n[calendar]",
        1,
    );
    std::fs::write(dir.join("policy.toml"), text).unwrap();
    let (_, by_key) = sla(&dir, "2026-07-16 12:00", &[]);
    assert_eq!(
        cells(&by_key, "C", &cols),
        ["39600", "36000", "false", "v2"]
    );
    // A bad value names the flag and the choices (exit 2).
    let o = plazo(
        &dir,
        &[
            "sla",
            "--policy",
            "policy.toml",
            "--tickets",
            "tickets.csv",
            "--events",
            "events.csv",
            "--rules-at",
            "closed",
            "--out",
            "x.csv",
        ],
    );
    assert_eq!(o.status.code(), Some(2));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        err.contains(
            "--rules-at = \"closed\" no es válido: use \"opened\" (la \
             versión vigente al abrir el ticket) o \"solved\" (la vigente \
             al resolverlo; sin resolver, la vigente al corte)"
        ),
        "{err}"
    );
}

/// A version that changes `[calendar] hours` (Mon-Fri 08-17, no lunch
/// break) keeps the base's holidays. F (base) opened Tuesday 14 July
/// 11:00, solved 14:00: 11-12 + 13-14 = 2 h. G (v2) the same hours on
/// Wednesday 15 July: 11:00-14:00 straight = 3 h. H (v2) opened Friday
/// 17 July 16:00, solved Tuesday 21 July 09:00: Fri 16-17 (1 h), Monday
/// 20 July a holiday (0), Tue 08-09 (1 h) = 2 h; 11 h if the holiday
/// were dropped.
#[test]
fn calendar_hours_versioned_holidays_not() {
    let hours = ["mon", "tue", "wed", "thu", "fri"]
        .map(|d| format!("{d} = [\"08:00-17:00\"]\n"))
        .concat();
    let rest = format!(
        "[[targets]]\nresponse = \"2h\"\nresolution = \"8h\"\n\n\
         [[versions]]\nfrom = \"2026-07-15\"\nname = \"jornada continua\"\n\n\
         [versions.calendar.hours]\n{hours}"
    );
    let dir = case(
        "versions-hours",
        &rest,
        "F,2026-07-14 11:00,Incidente,Alta\n\
         G,2026-07-15 11:00,Incidente,Alta\n\
         H,2026-07-17 16:00,Incidente,Alta\n",
        "F,2026-07-14 14:00,Resuelto\n\
         G,2026-07-15 14:00,Resuelto\n\
         H,2026-07-21 09:00,Resuelto\n",
    );
    let (_, rows) = sla(&dir, "2026-07-31 12:00", &[]);
    let cols = ["resolution_business_s", "policy_version"];
    assert_eq!(cells(&rows, "F", &cols), ["7200", "base"]);
    assert_eq!(cells(&rows, "G", &cols), ["10800", "jornada continua"]);
    assert_eq!(cells(&rows, "H", &cols), ["7200", "jornada continua"]);
    // Holidays cannot be versioned: the error names the key.
    let bad = rest.replace(
        "[versions.calendar.hours]",
        "[versions.calendar]\nholidays = []\n\n[versions.calendar.hours]",
    );
    let err = policy_error(&format!("{}{bad}", head()));
    assert_eq!(
        err,
        "p.toml: versions[0].calendar.holidays: los festivos y los días de \
         cierre no se versionan (rigen por su propia fecha); una versión \
         solo cambia calendar.hours o calendar.always"
    );
}

/// The Spanish text of the error loading `text` as `p.toml`.
fn policy_error(text: &str) -> String {
    plazo::Policy::from_toml(text, Path::new("p.toml"))
        .unwrap_err()
        .to_string()
}

/// A key a version may not change, two versions of one day, versions out
/// of order, a bad `from`: each error names the entry and the key.
#[test]
fn version_key_errors() {
    let base = format!(
        "{}[[targets]]\nresponse = \"2h\"\nresolution = \"8h\"\n",
        head()
    );
    let v = |from: &str, name: &str| {
        format!("\n[[versions]]\nfrom = \"{from}\"\nname = \"{name}\"\n")
    };
    let err = policy_error(&format!(
        "{base}{}[versions.survey]\nsatisfied_min = 3\n",
        v("2026-07-15", "v2")
    ));
    assert_eq!(
        err,
        "p.toml: versions[0].survey: una versión no puede cambiar esta \
         clave; una versión tiene from, name, note, source y reemplaza \
         targets, states, exclude, close, matching o calendar.hours (lo \
         demás lo fija la política base)"
    );
    let err = policy_error(&format!(
        "{base}{}{}",
        v("2026-07-15", "v2"),
        v("2026-07-15", "v3")
    ));
    assert_eq!(
        err,
        "p.toml: versions[1].from = \"2026-07-15\": versions[0] rige desde \
         el mismo día; deje una sola versión por fecha"
    );
    let err = policy_error(&format!(
        "{base}{}{}",
        v("2026-07-15", "v2"),
        v("2026-07-01", "v3")
    ));
    assert_eq!(
        err,
        "p.toml: versions[1].from = \"2026-07-01\" es anterior a \
         versions[0].from = \"2026-07-15\"; ordene las versiones por fecha"
    );
    let err = policy_error(&format!("{base}{}", v("15/07/2026", "v2")));
    assert_eq!(
        err,
        "p.toml: versions[0].from = \"15/07/2026\": no es una fecha \
         AAAA-MM-DD; escriba el día desde el que rige la versión, p. ej. \
         from = \"2026-10-16\""
    );
    // A version's table is checked like the base's: an unknown state.
    let err = policy_error(&format!(
        "{base}{}[versions.states]\nsolvd = [\"Resuelto\"]\n",
        v("2026-07-15", "v2")
    ));
    assert!(
        err.starts_with("p.toml: versions[0]: states.solvd: "),
        "{err}"
    );
    // A misspelt key inside a version's table: the TOML reader's words,
    // after the entry.
    let err = policy_error(&format!(
        "{base}{}[[versions.targets]]\nrespnse = \"1h\"\n",
        v("2026-07-15", "v2")
    ));
    assert!(
        err.starts_with("p.toml: versions[0]: el lector de TOML no aceptó"),
        "{err}"
    );
    assert!(err.contains("unknown field `respnse`"), "{err}");
    // Without versions nothing is versioned.
    let p = plazo::Policy::from_toml(&base, Path::new("p.toml")).unwrap();
    assert!(!p.has_versions());
    assert_eq!(p.version_name(), "base");
}

/// `extends`: a three-file chain (a -> b -> c) takes each top-level
/// table from the nearest file that defines it; a cycle and a chain of
/// nine links are errors naming the chain; eight links are fine.
#[test]
fn extends_chain_cycle_and_depth() {
    let dir = tempdir("versions-extends");
    let full = format!(
        "{}[[targets]]\nresponse = \"2h\"\nresolution = \"8h\"\n",
        head()
    );
    std::fs::create_dir_all(dir.join("sub")).unwrap();
    std::fs::write(dir.join("c.toml"), &full).unwrap();
    // b sits in sub/: its path to c is relative to its own folder.
    std::fs::write(
        dir.join("sub/b.toml"),
        "extends = \"../c.toml\"\nname = \"Mesa B\"\n",
    )
    .unwrap();
    std::fs::write(
        dir.join("a.toml"),
        "extends = \"sub/b.toml\"\n[[targets]]\nresponse = \"3h\"\n",
    )
    .unwrap();
    let a = plazo::Policy::load(&dir.join("a.toml")).unwrap();
    assert_eq!(a.name(), "Mesa B");
    assert_eq!(a.targets().len(), 1);
    assert_eq!(
        a.targets()[0].response,
        Some(plazo::time::BizDuration::Seconds(3 * 3600))
    );
    assert_eq!(a.targets()[0].resolution, None);
    // The calendar comes from c: 9 business hours on a Wednesday.
    let tz = a.tz();
    let at = |s: &str| plazo::time::Instant::parse(s, tz).unwrap();
    let day = a
        .calendar()
        .business_between(at("2026-07-15 00:00"), at("2026-07-16 00:00"));
    assert_eq!(day, 9 * 3600);

    // A cycle: x -> y -> x.
    std::fs::write(dir.join("x.toml"), "extends = \"y.toml\"\n").unwrap();
    std::fs::write(dir.join("y.toml"), "extends = \"x.toml\"\n").unwrap();
    let d = dir.display();
    let err = plazo::Policy::load(&dir.join("x.toml")).unwrap_err();
    assert_eq!(
        err.to_string(),
        format!(
            "extends forma un ciclo: {d}/x.toml -> {d}/y.toml -> {d}/x.toml; \
             quite extends de uno de esos archivos"
        )
    );

    // f0 -> f1 -> ... -> f9 (full): nine links, one too many; from f1,
    // eight links load.
    std::fs::write(dir.join("f9.toml"), &full).unwrap();
    for k in 0..9 {
        std::fs::write(
            dir.join(format!("f{k}.toml")),
            format!("extends = \"f{}.toml\"\n", k + 1),
        )
        .unwrap();
    }
    assert!(plazo::Policy::load(&dir.join("f1.toml")).is_ok());
    let err = plazo::Policy::load(&dir.join("f0.toml")).unwrap_err();
    let chain = (0..10)
        .map(|k| format!("{d}/f{k}.toml"))
        .collect::<Vec<_>>()
        .join(" -> ");
    assert_eq!(
        err.to_string(),
        format!(
            "extends encadena más de 8 archivos: {chain}; copie en el \
             archivo las tablas de una política intermedia en vez de \
             extenderla"
        )
    );
    let _ = std::fs::remove_dir_all(&dir);
}

fn text(c: &Data) -> String {
    match c {
        Data::String(s) => s.clone(),
        Data::Float(f) => f.to_string(),
        Data::Int(i) => i.to_string(),
        _ => String::new(),
    }
}

fn num(c: &Data) -> f64 {
    match c {
        Data::Float(f) => *f,
        Data::Int(i) => *i as f64,
        other => panic!("not a number: {other:?}"),
    }
}

/// The October report of the Víctimas sample under its policy (`base/`)
/// and under `supervision/versions.toml` (`versions/`; Otrosí 1 from 16
/// October 2026: Incidente attention 1h instead of 2h), with both
/// `sla.csv` read; run once for the tests below.
struct Sample {
    dir: std::path::PathBuf,
    base_h: Vec<String>,
    base: Vec<HashMap<String, String>>,
    ver_h: Vec<String>,
    ver: Vec<HashMap<String, String>>,
}

const BASE_NAME: &str = "Procedimiento de mesa de servicios (base)";

fn sample() -> &'static Sample {
    static S: std::sync::OnceLock<Sample> = std::sync::OnceLock::new();
    S.get_or_init(|| {
        let s = root().join("samples/victimas");
        let dir = tempdir("versions-sample");
        let data = |f: &str| s.join(f).to_str().unwrap().to_string();
        let run = |policy: &str, out: &str| {
            let o = plazo(
                &dir,
                &[
                    "report",
                    "--policy",
                    &data(policy),
                    "--tickets",
                    &data("tickets.csv"),
                    "--events",
                    &data("events.csv"),
                    "--surveys",
                    &data("surveys.csv"),
                    "--period",
                    "2026-10",
                    "--out",
                    out,
                ],
            );
            ok_stdout(&o);
            read_csv(&dir.join(out).join("sla.csv"))
        };
        let (base_h, base) = run("policy.toml", "base");
        let (ver_h, ver) = run("supervision/versions.toml", "versions");
        Sample {
            dir,
            base_h,
            base,
            ver_h,
            ver,
        }
    })
}

/// The rows of version `version` responded in October, not excluded,
/// with a response verdict, zipped with the same tickets' base rows.
fn responded<'a>(
    s: &'a Sample,
    version: &'a str,
) -> impl Iterator<Item = (&'a HashMap<String, String>, &'a HashMap<String, String>)>
{
    s.ver.iter().zip(&s.base).filter(move |(v, _)| {
        v["policy_version"] == version
            && v["responded_at"].starts_with("2026-10")
            && v["excluded_reason"].is_empty()
            && !v["response_met"].is_empty()
    })
}

/// (met, counted) of `response_met` in `rows`.
fn met_of<'a>(
    rows: impl Iterator<Item = &'a HashMap<String, String>>,
) -> (usize, usize) {
    rows.fold((0, 0), |(m, n), r| {
        (m + usize::from(r["response_met"] == "true"), n + 1)
    })
}

/// `sla.csv`: the column last and only with versions; the version by
/// opening date; the tickets opened before 16 October have exactly the
/// base policy's row; per-version counts of October add up to the
/// month's 302; UV-9432 by hand.
#[test]
fn sample_rows_by_version() {
    let s = sample();
    assert!(!s.base_h.iter().any(|c| c == "policy_version"));
    // policy_version comes last but for the evaluation columns.
    let ev = plazo::engine::output::EVALUATION_COLUMNS.len();
    let (vn, bn) = (s.ver_h.len() - ev, s.base_h.len() - ev);
    assert_eq!(s.ver_h[..vn - 1], s.base_h[..bn]);
    assert_eq!(s.ver_h[vn..], s.base_h[bn..]);
    assert_eq!(s.ver_h[vn - 1], "policy_version");
    let from = "2026-10-16T00:00:00-05:00";
    // Opening instants have one format and offset: text order is time
    // order.
    let mut counted = [0, 0];
    for (b, v) in s.base.iter().zip(&s.ver) {
        let before = v["opened_at"].as_str() < from;
        let want = if before { BASE_NAME } else { "Otrosí 1" };
        assert_eq!(v["policy_version"], want, "{}", v["ticket_id"]);
        if before {
            // The same row but for the version and the policy file's
            // hash (another file).
            let (mut v, mut b) = (v.clone(), b.clone());
            v.remove("policy_version");
            assert_ne!(v.remove("policy_sha256"), b.remove("policy_sha256"));
            assert_eq!(v, b);
        }
        if v["opened_at"].starts_with("2026-10") {
            counted[usize::from(!before)] += 1;
        }
    }
    // October: 151 opened from the 1st to the 15th, 151 from the 16th.
    assert_eq!(counted, [151, 151]);
    // UV-9432: opened Friday 16 October 12:53:15, taken 14:19:19:
    // 1:26:04 = 5164 s, met against 2h, not against Otrosí 1's 1h.
    let cols = ["response_business_s", "response_target_s", "response_met"];
    assert_eq!(cells(&s.base, "UV-9432", &cols), ["5164", "7200", "true"]);
    assert_eq!(cells(&s.ver, "UV-9432", &cols), ["5164", "3600", "false"]);
    // Attention per version: 122 of 146 and 87 of 123; the same 123
    // Otrosí tickets under the base's 2h: 107 met.
    assert_eq!(met_of(responded(s, BASE_NAME).map(|p| p.0)), (122, 146));
    assert_eq!(met_of(responded(s, "Otrosí 1").map(|p| p.0)), (87, 123));
    assert_eq!(met_of(responded(s, "Otrosí 1").map(|p| p.1)), (107, 123));
}

/// "Por versión de la política": one row per version and the total;
/// opened and attention counts match those counted from `sla.csv`.
#[test]
fn sample_sheet_by_version() {
    let s = sample();
    let mut wb: Xlsx<_> =
        open_workbook(s.dir.join("versions/informe-2026-10.xlsx")).unwrap();
    let sh = wb.worksheet_range("Por versión de la política").unwrap();
    let rows: Vec<&[Data]> = sh.rows().collect();
    assert_eq!(rows.len(), 4);
    let heads: Vec<String> = rows[0].iter().map(text).collect();
    let col = |h: &str| {
        heads
            .iter()
            .position(|x| x == h)
            .unwrap_or_else(|| panic!("{h}: {heads:?}"))
    };
    let opened = col("Casos con apertura");
    assert_eq!(text(&rows[1][0]), BASE_NAME);
    assert_eq!(text(&rows[1][1]), "(desde el inicio)");
    assert_eq!(text(&rows[2][0]), "Otrosí 1");
    assert_eq!(text(&rows[2][1]), "2026-10-16");
    assert_eq!(text(&rows[3][0]), "Total");
    assert_eq!(num(&rows[1][opened]), 151.0);
    assert_eq!(num(&rows[2][opened]), 151.0);
    assert_eq!(num(&rows[3][opened]), 302.0);
    // Numerator and denominator follow each percentage.
    let pct = col("% atención dentro del ANS");
    for (row, version) in [(1, BASE_NAME), (2, "Otrosí 1")] {
        let (m, n) = met_of(responded(s, version).map(|p| p.0));
        assert_eq!(num(&rows[row][pct + 1]), m as f64, "{version}");
        assert_eq!(num(&rows[row][pct + 2]), n as f64, "{version}");
    }
    // The total row is the sum of the two: 122 + 87 of 146 + 123.
    assert_eq!(num(&rows[3][pct + 1]), 209.0);
    assert_eq!(num(&rows[3][pct + 2]), 269.0);
    // The base workbook has no such sheet.
    let wb: Xlsx<_> =
        open_workbook(s.dir.join("base/informe-2026-10.xlsx")).unwrap();
    assert!(!wb.sheet_names().iter().any(|n| n.contains("versión")));
}

/// Datos ends with "Versión"; Metodología says how the version is
/// chosen and lists the versions with their note.
#[test]
fn sample_datos_and_methodology() {
    let s = sample();
    let mut wb: Xlsx<_> =
        open_workbook(s.dir.join("versions/informe-2026-10.xlsx")).unwrap();
    let d = wb.worksheet_range("Datos").unwrap();
    let drows: Vec<&[Data]> = d.rows().collect();
    assert_eq!(text(drows[0].last().unwrap()), "Versión");
    let r = drows.iter().find(|r| text(&r[0]) == "UV-9432").unwrap();
    assert_eq!(text(r.last().unwrap()), "Otrosí 1");
    let r = drows.iter().find(|r| text(&r[0]) == "UV-90001").unwrap();
    assert_eq!(text(r.last().unwrap()), BASE_NAME);
    let m = wb.worksheet_range("Metodología").unwrap();
    let rows: Vec<Vec<String>> =
        m.rows().map(|r| r.iter().map(text).collect()).collect();
    let find = |first: &str| rows.iter().find(|r| r[0] == first).unwrap();
    assert!(find("Versión aplicada")[1].starts_with(
        "Cada caso se mide con la versión de la política vigente el día \
         en que se abrió (rules_at = \"opened\")"
    ));
    assert_eq!(find(BASE_NAME)[1], "(desde el inicio)");
    assert_eq!(
        find("Otrosí 1")[..5],
        [
            "Otrosí 1",
            "2026-10-16",
            "targets",
            "Atención de Incidente en 1 hora hábil (antes 2)",
            "Ejemplo: otrosí al contrato de mesa de servicios",
        ]
    );
}

/// `plazo explain` says which version measured the ticket and why.
#[test]
fn explain_names_the_version() {
    let s = root().join("samples/victimas");
    let data = |f: &str| s.join(f).to_str().unwrap().to_string();
    let o = plazo(
        &s,
        &[
            "explain",
            "--policy",
            &data("supervision/versions.toml"),
            "--tickets",
            &data("tickets.csv"),
            "--events",
            &data("events.csv"),
            "--period",
            "2026-10",
            "--ticket",
            "UV-9432",
        ],
    );
    let out = ok_stdout(&o);
    assert!(
        out.contains(
            "Versión de la política: Otrosí 1 (rige desde 2026-10-16; \
             vigente al abrir el ticket)"
        ),
        "{out}"
    );
}
