//! `[report] people` (issue 11): technicians, requesters and event
//! authors appear as initials or pseudonyms in every output.
//!
//! The data are the UPME sample's tables, with people added where the
//! sample has none: each event carries an `assignee` and an `actor`, and
//! the tickets an extra `usuario_reporta` column. The names are then read
//! back from those input files with the `csv` crate, not with plazo.

use std::collections::{BTreeMap, BTreeSet};
use std::io::Read as _;
use std::path::{Path, PathBuf};

use crate::util::{read_rows, root, tempdir};

/// Staff who appear only in the events (never as a ticket's assignee).
const EVENT_PEOPLE: [&str; 3] =
    ["Yolanda Quiceno", "Hernán Arboleda", "Gloria Zuluaga"];

/// The sample's policy with `people = "<mode>"` in `[report]`.
fn policy_with(people: &str) -> String {
    let text =
        std::fs::read_to_string(root().join("samples/upme/policy.toml"))
            .unwrap();
    let mut out = String::new();
    let mut has_report = false;
    for line in text.lines() {
        if line.trim_start().starts_with("people =") {
            continue;
        }
        out.push_str(line);
        out.push('\n');
        if line.trim() == "[report]" {
            has_report = true;
            out.push_str(&format!("people = \"{people}\"\n"));
        }
    }
    if !has_report {
        out.push_str(&format!("\n[report]\npeople = \"{people}\"\n"));
    }
    out
}

/// The fixture folder: the UPME tables with people added, and a policy
/// with `people`.
fn fixture(name: &str, people: &str) -> PathBuf {
    let d = tempdir(name);
    let src = root().join("samples/upme");
    // Tickets: an extra person column (the requester's colleague who
    // reported it: the next ticket's requester).
    let t = std::fs::read_to_string(src.join("tickets.csv")).unwrap();
    let lines: Vec<&str> = t.lines().collect();
    let requesters: Vec<String> = read_csv(&src.join("tickets.csv"))
        .iter()
        .map(|r| r["requester"].clone())
        .collect();
    let mut tk = format!("{},usuario_reporta\n", lines[0]);
    for (i, l) in lines[1..].iter().enumerate() {
        let other = &requesters[(i + 1) % requesters.len()];
        tk.push_str(&format!("{l},{other}\n"));
    }
    std::fs::write(d.join("tickets.csv"), tk).unwrap();
    // Events: the ticket's assignee, and an actor taken in turn from
    // people who appear nowhere else.
    let assignee: BTreeMap<String, String> =
        read_csv(&src.join("tickets.csv"))
            .into_iter()
            .map(|r| (r["ticket_id"].clone(), r["assignee"].clone()))
            .collect();
    let e = std::fs::read_to_string(src.join("events.csv")).unwrap();
    let mut ev = String::new();
    for (i, l) in e.lines().enumerate() {
        if i == 0 {
            ev.push_str(&format!("{l},assignee,actor\n"));
            continue;
        }
        let id = l.split(',').next().unwrap();
        let who = assignee.get(id).map_or("", String::as_str);
        let actor = EVENT_PEOPLE[i % EVENT_PEOPLE.len()];
        ev.push_str(&format!("{l},{who},{actor}\n"));
    }
    std::fs::write(d.join("events.csv"), ev).unwrap();
    std::fs::copy(src.join("surveys.csv"), d.join("surveys.csv")).unwrap();
    std::fs::write(d.join("policy.toml"), policy_with(people)).unwrap();
    d
}

/// A CSV file as rows of (column -> value), read with the `csv` crate.
fn read_csv(path: &Path) -> Vec<BTreeMap<String, String>> {
    read_rows(path)
}

/// Every person named in the fixture's input tables: tickets' assignee,
/// requester and `usuario_reporta`, events' assignee and actor.
fn input_names(d: &Path) -> BTreeSet<String> {
    let mut names = BTreeSet::new();
    for r in read_csv(&d.join("tickets.csv")) {
        for c in ["assignee", "requester", "usuario_reporta"] {
            names.insert(r[c].trim().to_string());
        }
    }
    for r in read_csv(&d.join("events.csv")) {
        for c in ["assignee", "actor"] {
            names.insert(r[c].trim().to_string());
        }
    }
    names.remove("");
    names
}

/// Runs plazo with the data arguments of folder `d`, the pseudonym key
/// `key` (or none), then `args`: (exit code, stdout, stderr).
fn plazo_in(
    d: &Path,
    key: Option<&str>,
    command: &str,
    args: &[&str],
) -> (i32, String, String) {
    let mut a: Vec<String> = vec!["-q".into(), command.into()];
    for (flag, f) in [
        ("--policy", "policy.toml"),
        ("--tickets", "tickets.csv"),
        ("--events", "events.csv"),
        ("--surveys", "surveys.csv"),
    ] {
        a.push(flag.into());
        a.push(d.join(f).display().to_string());
    }
    a.extend(args.iter().map(|s| s.to_string()));
    let mut cmd = std::process::Command::new(env!("CARGO_BIN_EXE_plazo"));
    cmd.args(&a)
        .current_dir(d)
        .env_remove("PLAZO_LANG")
        .env_remove("PLAZO_PSEUDONYM_KEY");
    if let Some(k) = key {
        cmd.env("PLAZO_PSEUDONYM_KEY", k);
    }
    let out = cmd.output().expect("run plazo");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// `plazo report` into `d/<out>`; panics on failure.
fn report(d: &Path, key: Option<&str>, period: &str, out: &str) -> PathBuf {
    report_with(d, key, period, out, &[])
}

/// [`report`] with more arguments.
fn report_with(
    d: &Path,
    key: Option<&str>,
    period: &str,
    out: &str,
    more: &[&str],
) -> PathBuf {
    let o = d.join(out);
    let o_s = o.display().to_string();
    let mut args = vec!["--period", period, "--out", &o_s];
    args.extend(more);
    let (code, _, err) = plazo_in(d, key, "report", &args);
    assert_eq!(code, 0, "{err}");
    o
}

/// Two custom queries that list people: the events' authors and
/// assignees, the tickets' requesters and extra person column.
fn people_queries(d: &Path) -> String {
    let q = d.join("queries");
    std::fs::create_dir_all(&q).unwrap();
    std::fs::write(
        q.join("autores.sql"),
        "SELECT actor, assignee, COUNT(*) AS n FROM events \
         GROUP BY actor, assignee ORDER BY actor, assignee\n",
    )
    .unwrap();
    std::fs::write(
        q.join("solicitantes.sql"),
        "SELECT requester, usuario_reporta, COUNT(*) AS n FROM tickets \
         GROUP BY requester, usuario_reporta ORDER BY n DESC, requester\n",
    )
    .unwrap();
    q.display().to_string()
}

/// Every output file under `dir` as text: each part of an `.xlsx`
/// (sharedStrings, sheets, drawings, charts...), every other file as
/// (lossy) UTF-8. (name, text) pairs.
fn output_texts(dir: &Path) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                stack.push(p);
                continue;
            }
            let bytes = std::fs::read(&p).unwrap();
            let name = p.display().to_string();
            if name.ends_with(".xlsx") {
                let mut z =
                    zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
                for i in 0..z.len() {
                    let mut f = z.by_index(i).unwrap();
                    let mut b = Vec::new();
                    f.read_to_end(&mut b).unwrap();
                    let part = format!("{name}!{}", f.name());
                    out.push((part, String::from_utf8_lossy(&b).into_owned()));
                }
            } else {
                out.push((name, String::from_utf8_lossy(&bytes).into_owned()));
            }
        }
    }
    out
}

/// The names of `names` found in `texts`: (name, where).
fn leaks(
    names: &BTreeSet<String>,
    texts: &[(String, String)],
) -> Vec<(String, String)> {
    let mut found = Vec::new();
    for n in names {
        for (place, text) in texts {
            if text.contains(n.as_str()) {
                found.push((n.clone(), place.clone()));
            }
        }
    }
    found
}

/// With `pseudonyms`, no name of the input appears in any file `plazo
/// report` writes (every part of the workbook, indicators.csv, sla.csv,
/// the charts), in `plazo sla`'s table nor in `plazo explain`'s text;
/// with `names`, the same check finds them (the check can see a name).
#[test]
fn pseudonyms_leave_no_name_in_any_output() {
    let d = fixture("people-pseudo", "pseudonyms");
    let names = input_names(&d);
    // 3 assignees, 3 event actors, and the requesters.
    assert!(names.len() > 6, "{names:?}");
    for p in EVENT_PEOPLE {
        assert!(names.contains(p));
    }
    let q = people_queries(&d);
    let out = report_with(&d, None, "2026-10", "out", &["--queries", &q]);
    let mut texts = output_texts(&out);
    let files: BTreeSet<String> = texts
        .iter()
        .map(|(n, _)| n.split('!').next().unwrap().to_string())
        .collect();
    assert!(files.iter().any(|f| f.ends_with("indicators.csv")));
    assert!(files.iter().any(|f| f.ends_with("sla.csv")));
    assert!(files.iter().any(|f| f.ends_with(".svg")), "{files:?}");
    assert!(
        texts
            .iter()
            .any(|(n, _)| n.ends_with("xl/sharedStrings.xml"))
    );
    let sla = d.join("sla.csv");
    let (code, _, err) =
        plazo_in(&d, None, "sla", &["--out", &sla.display().to_string()]);
    assert_eq!(code, 0, "{err}");
    texts.push(("plazo sla".into(), std::fs::read_to_string(&sla).unwrap()));
    // explain: one ticket per assignee, with the timeline's detail.
    let mut per_assignee: BTreeMap<String, String> = BTreeMap::new();
    for r in read_csv(&d.join("tickets.csv")) {
        per_assignee
            .entry(r["assignee"].clone())
            .or_insert(r["ticket_id"].clone());
    }
    for id in per_assignee.values() {
        let (code, text, err) =
            plazo_in(&d, None, "explain", &["--ticket", id, "--detail"]);
        assert_eq!(code, 0, "{err}");
        assert!(text.contains("Persona "), "{text}");
        texts.push((format!("plazo explain {id}"), text));
    }
    assert_eq!(leaks(&names, &texts), vec![]);
    // The same outputs under `names` do show them: the check is real.
    let dn = fixture("people-names-visible", "names");
    let qn = people_queries(&dn);
    let outn = report_with(&dn, None, "2026-10", "out", &["--queries", &qn]);
    let shown = leaks(&names, &output_texts(&outn));
    for a in per_assignee.keys().map(String::as_str).chain(EVENT_PEOPLE) {
        assert!(shown.iter().any(|(n, _)| n == a), "{a} not shown");
    }
    // Every name shows somewhere under `names` (the queries list the
    // requesters and the extra column): the leak check covers them all.
    let seen: BTreeSet<&String> = shown.iter().map(|(n, _)| n).collect();
    assert_eq!(seen.len(), names.len());
}

/// Distinct pseudonyms: one per distinct name, across every column (the
/// tickets' assignee, requester and extra person column; the events'
/// assignee and actor), checked on `plazo sla`'s assignee column and in
/// Metodología's count; and the same name always gets the same one.
#[test]
fn one_pseudonym_per_name() {
    let d = fixture("people-count", "pseudonyms");
    let names = input_names(&d);
    let sla = d.join("sla.csv");
    let (code, _, err) =
        plazo_in(&d, None, "sla", &["--out", &sla.display().to_string()]);
    assert_eq!(code, 0, "{err}");
    let input = read_csv(&d.join("tickets.csv"));
    let output = read_csv(&sla);
    assert_eq!(input.len(), output.len());
    let mut to: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for (i, o) in input.iter().zip(&output) {
        assert_eq!(i["ticket_id"], o["ticket_id"]);
        to.entry(i["assignee"].clone())
            .or_default()
            .insert(o["assignee"].clone());
    }
    // A function (one label per name) and one-to-one (3 names, 3 labels).
    assert_eq!(to.len(), 3);
    assert!(to.values().all(|l| l.len() == 1), "{to:?}");
    let labels: BTreeSet<&String> = to.values().flatten().collect();
    assert_eq!(labels.len(), 3);
    // No key: "Persona NN" in order of first appearance; the first
    // ticket's assignee is the first person met.
    // The number is as wide as the count (at least two digits).
    let first = &input[0]["assignee"];
    let w = names.len().to_string().len().max(2);
    assert_eq!(
        to[first].iter().next().unwrap(),
        &format!("Persona {:0w$}", 1)
    );
    // Metodología counts every distinct name of every person column.
    let out = report(&d, None, "2026-10", "out");
    let texts = output_texts(&out);
    let want = format!("{} personas", names.len());
    assert!(
        texts.iter().any(|(_, t)| t.contains(&want)),
        "Metodología should say {want:?}"
    );
}

/// The pseudonym of a name with a key: "Persona " and the first six hex
/// digits (upper case) of HMAC-SHA256(key, name).
fn keyed(key: &str, name: &str) -> String {
    let mac =
        plazo::model::people::hmac_sha256(key.as_bytes(), name.as_bytes());
    let hex: String = mac.iter().map(|b| format!("{b:02X}")).collect();
    format!("Persona {}", &hex[..6])
}

/// Name -> pseudonym from a report's sla.csv beside the input tickets.
fn assignee_labels(d: &Path, out: &Path) -> BTreeMap<String, String> {
    let name: BTreeMap<String, String> = read_csv(&d.join("tickets.csv"))
        .into_iter()
        .map(|r| (r["ticket_id"].clone(), r["assignee"].clone()))
        .collect();
    read_csv(&out.join("sla.csv"))
        .into_iter()
        .map(|r| (name[&r["ticket_id"]].clone(), r["assignee"].clone()))
        .collect()
}

/// The same key gives the same pseudonyms in two runs on different
/// periods (October and September) and on different data (September's
/// run reads only the tickets opened before October, as a monthly
/// export would); another key gives others; the key is nowhere in the
/// outputs.
#[test]
fn same_key_same_pseudonyms_across_runs() {
    const KEY: &str = "clave-de-prueba-0123456789";
    let d = fixture("people-keyed", "pseudonyms");
    let oct = report(&d, Some(KEY), "2026-10", "oct");
    // September from a smaller export: the tickets opened by September.
    let d9 = fixture("people-keyed-sep", "pseudonyms");
    let t = std::fs::read_to_string(d9.join("tickets.csv")).unwrap();
    let kept: String = t
        .lines()
        .enumerate()
        .filter(|(i, l)| *i == 0 || l.split(',').nth(1).unwrap() < "2026-10")
        .map(|(_, l)| format!("{l}\n"))
        .collect();
    assert!(kept.lines().count() < t.lines().count());
    std::fs::write(d9.join("tickets.csv"), kept).unwrap();
    let sep = report(&d9, Some(KEY), "2026-09", "sep");
    let a = assignee_labels(&d, &oct);
    let b = assignee_labels(&d9, &sep);
    assert_eq!(a.len(), 3);
    for (name, label) in &a {
        assert_eq!(label, &keyed(KEY, name), "{name}");
        assert_eq!(b.get(name), Some(label), "{name}");
    }
    let other = report(&d, Some("otra-clave-9876543210"), "2026-10", "other");
    let c = assignee_labels(&d, &other);
    assert!(a.keys().all(|n| c[n] != a[n]), "{a:?} {c:?}");
    let texts = output_texts(&oct);
    assert!(texts.iter().all(|(_, t)| !t.contains(KEY)));
    assert!(
        texts
            .iter()
            .any(|(_, t)| t.contains("Seudónimos con clave"))
    );
}

/// A key too short to resist guessing is refused (exit 2), naming the
/// variable, without printing the key.
#[test]
fn short_key_is_refused() {
    let d = fixture("people-short-key", "pseudonyms");
    let (code, _, err) = plazo_in(
        &d,
        Some("corta"),
        "sla",
        &["--out", &d.join("s.csv").display().to_string()],
    );
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("PLAZO_PSEUDONYM_KEY"), "{err}");
    assert!(err.contains("5 caracteres"), "{err}");
    assert!(!err.contains("corta"), "{err}");
}

/// Initials that collide stay apart: "María Pérez" and "Mario Pérez"
/// are "M. P." and "M. P. (2)" (alphabetical order of the full name),
/// each with their own tickets in the by-technician figures.
#[test]
fn repeated_initials_are_numbered() {
    let d = tempdir("people-initials");
    std::fs::write(
        d.join("tickets.csv"),
        "ticket_id,opened_at,priority,assignee,requester\n\
         T1,2026-10-05 08:00,Alta,Mario Pérez,Ana Gómez\n\
         T2,2026-10-05 09:00,Alta,María Pérez,Ana Gómez\n\
         T3,2026-10-06 09:00,Alta,María Pérez,Andrés Galvis\n\
         T4,2026-10-06 10:00,Alta,Mario Pérez,Mario Pérez\n\
         T5,2026-10-07 10:00,Alta,María Pérez,Ana Gómez\n",
    )
    .unwrap();
    let mut ev = String::from("ticket_id,at,status\n");
    for t in 1..=5 {
        let day = [5, 5, 6, 6, 7][t - 1];
        for (at, status) in [("10:30", "Nuevo"), ("11:00", "Resuelto")] {
            ev.push_str(&format!("T{t},2026-10-{day:02} {at},{status}\n"));
        }
    }
    std::fs::write(d.join("events.csv"), ev).unwrap();
    std::fs::write(d.join("surveys.csv"), "ticket_id,answered_at,score\n")
        .unwrap();
    let policy =
        std::fs::read_to_string(root().join("tests/data/sla/policy.toml"))
            .unwrap();
    std::fs::write(
        d.join("policy.toml"),
        format!("{policy}\n[report]\npeople = \"initials\"\n"),
    )
    .unwrap();
    let out = report(&d, None, "2026-10", "out");
    let sla: BTreeMap<String, String> = read_csv(&out.join("sla.csv"))
        .into_iter()
        .map(|r| (r["ticket_id"].clone(), r["assignee"].clone()))
        .collect();
    let want = [
        ("T1", "M. P. (2)"),
        ("T2", "M. P."),
        ("T3", "M. P."),
        ("T4", "M. P. (2)"),
        ("T5", "M. P."),
    ];
    for (t, l) in want {
        assert_eq!(sla[t], l, "{t}");
    }
    // indicators.csv: two assignee groups, María 3 tickets, Mario 2.
    let ind = read_csv(&out.join("indicators.csv"));
    let opened = |g: &str| {
        ind.iter()
            .find(|r| {
                r["dimension"] == "assignee"
                    && r["group"] == g
                    && r["indicator"] == "tickets_opened"
            })
            .map(|r| r["value"].clone())
    };
    assert_eq!(opened("M. P.").as_deref(), Some("3"));
    assert_eq!(opened("M. P. (2)").as_deref(), Some("2"));
    // The requesters: "Ana Gómez" and "Andrés Galvis" are both "A. G.";
    // Mario Pérez as requester is the same label as Mario the assignee.
    let names: BTreeSet<String> =
        ["María Pérez", "Mario Pérez", "Ana Gómez", "Andrés Galvis"]
            .map(String::from)
            .into();
    assert_eq!(leaks(&names, &output_texts(&out)), vec![]);
}

/// An exclusion rule on the requester column still compares the name
/// the tool exported: with pseudonyms, the same tickets are excluded as
/// with names.
#[test]
fn rules_still_match_exported_names() {
    let probe = read_csv(&root().join("samples/upme/tickets.csv"));
    let who = probe[10]["requester"].clone();
    let rule = format!(
        "[[exclude.rules]]\nreason = \"prueba\"\ncolumn = \"requester\"\nvalues = [\"{who}\"]\n"
    );
    let excluded = |people: &str| -> BTreeSet<String> {
        let d = fixture(&format!("people-rule-{people}"), people);
        let p = std::fs::read_to_string(d.join("policy.toml")).unwrap();
        std::fs::write(d.join("policy.toml"), format!("{p}\n{rule}")).unwrap();
        let sla = d.join("sla.csv");
        let (code, _, err) = plazo_in(
            &d,
            None,
            "sla",
            &[
                "--cutoff",
                "2026-11-01",
                "--out",
                &sla.display().to_string(),
            ],
        );
        assert_eq!(code, 0, "{err}");
        read_csv(&sla)
            .into_iter()
            .filter(|r| r["excluded_reason"] == "prueba")
            .map(|r| r["ticket_id"].clone())
            .collect()
    };
    let want: BTreeSet<String> = probe
        .iter()
        .filter(|r| r["requester"] == who)
        .map(|r| r["ticket_id"].clone())
        .collect();
    assert!(!want.is_empty());
    assert_eq!(excluded("pseudonyms"), want);
    assert_eq!(excluded("names"), want);
}

/// `people = "names"` written out is the default: the same bytes in
/// indicators.csv and sla.csv as a policy that does not say it (the
/// goldens cover the samples, which say it or not).
#[test]
fn names_is_the_default() {
    let d = fixture("people-names", "names");
    let a = report(&d, None, "2026-10", "a");
    let p = std::fs::read_to_string(d.join("policy.toml")).unwrap();
    let without: String = p
        .lines()
        .filter(|l| !l.starts_with("people ="))
        .map(|l| format!("{l}\n"))
        .collect();
    assert_ne!(without, p);
    std::fs::write(d.join("policy.toml"), without).unwrap();
    let b = report(&d, None, "2026-10", "b");
    let x = std::fs::read(a.join("indicators.csv")).unwrap();
    let y = std::fs::read(b.join("indicators.csv")).unwrap();
    assert!(x == y, "indicators.csv differs");
    // sla.csv: the same but for the policy file's hash (another file).
    let rows = |d: &std::path::Path| {
        let mut r = crate::util::read_rows(&d.join("sla.csv"));
        let sha: Vec<String> = r
            .iter_mut()
            .map(|r| r.remove("policy_sha256").unwrap())
            .collect();
        (r, sha)
    };
    let ((x, xs), (y, ys)) = (rows(&a), rows(&b));
    assert!(x == y, "sla.csv differs");
    assert_ne!(xs[0], ys[0]);
}
