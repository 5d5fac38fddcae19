//! `plazo ingest --mapping`: the three real event logs through the sample
//! mappings, checked against figures computed from the raw files with an
//! independent reader, and the Rabobank shape (sentinels, decimal comma).

use std::collections::{BTreeSet, HashMap};
use std::io::Read;
use std::path::Path;

use plazo::Policy;

use crate::util::{dataset, fixture, read_rows, root, run, tempdir};

/// Raw lines of a data set (a zip's single CSV is unzipped by `unzip`'s
/// library-free twin: the `zip` crate, not plazo's reader).
fn raw_text(path: &Path) -> String {
    let bytes = std::fs::read(path).unwrap();
    if path.extension().is_some_and(|e| e == "zip") {
        let mut z = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
        let name = z
            .file_names()
            .find(|n| n.ends_with(".csv") && !n.starts_with("__MACOSX"))
            .unwrap()
            .to_string();
        let mut s = String::new();
        z.by_name(&name).unwrap().read_to_string(&mut s).unwrap();
        return s;
    }
    String::from_utf8(bytes).unwrap()
}

/// The first field of every data line, for files whose first column is
/// never quoted and that have no multi-line cells (true of all three).
fn first_fields(text: &str) -> Vec<&str> {
    text.lines()
        .skip(1)
        .filter(|l| !l.trim().is_empty())
        .map(|l| l.split(',').next().unwrap().trim_start_matches('\u{feff}'))
        .collect()
}

/// Duplicate events by the rule of docs/INGEST.md, counted with the `csv`
/// crate and chrono (not plazo's reader): rows keyed by (ticket, instant,
/// status), put in time order per ticket (a stable sort: file order among
/// equal instants); a row equal to the one just before it is a merged
/// duplicate. `at` turns a date cell into seconds; rows whose status is in
/// `junk` are rejects, not events.
fn adjacent_duplicates(
    text: &str,
    (id, at, status): (&str, &str, &str),
    parse: fn(&str) -> i64,
    junk: &[&str],
) -> usize {
    let mut r = csv::Reader::from_reader(text.as_bytes());
    let h = r.headers().unwrap().clone();
    let col = |n: &str| {
        h.iter()
            .position(|x| x.trim_start_matches('\u{feff}') == n)
            .unwrap()
    };
    let (i, a, s) = (col(id), col(at), col(status));
    let mut keys: Vec<(String, i64, String)> = r
        .records()
        .map(|x| x.unwrap())
        .filter(|x| !junk.contains(&&x[s]))
        .map(|x| (x[i].to_string(), parse(&x[a]), x[s].to_string()))
        .collect();
    keys.sort_by(|x, y| (&x.0, x.1).cmp(&(&y.0, y.1)));
    keys.windows(2).filter(|w| w[0] == w[1]).count()
}

/// Seconds of a naive wall-clock time read with `fmt` (as UTC: only
/// order and equality matter here).
fn naive(v: &str, fmt: &str) -> i64 {
    chrono::NaiveDateTime::parse_from_str(v, fmt)
        .unwrap_or_else(|e| panic!("{v:?}: {e}"))
        .and_utc()
        .timestamp()
}

fn ingest_sample(
    name: &str,
    data: &Path,
    tag: &str,
) -> (std::path::PathBuf, String) {
    let dir = tempdir(&format!("{name}-{tag}"));
    let s = root().join("samples").join(name);
    let (code, _, err) = run(
        &dir,
        &[
            "ingest",
            "--lang",
            "en",
            "--mapping",
            &s.join("mapping.toml").display().to_string(),
            "--policy",
            &s.join("policy.toml").display().to_string(),
            "--input",
            &data.display().to_string(),
            "--out",
            "out",
        ],
    );
    assert_eq!(code, 0, "{err}");
    (dir.join("out"), err)
}

/// Reopen counts as `plazo sla` derives them: the canonical tables of
/// `out` through the SLA engine (docs/CONTRACT.md §3), by ticket id.
fn reopens(out: &std::path::Path, p: &Policy) -> HashMap<String, u32> {
    let inputs = plazo::model::dataset::Inputs::new(
        out.join("tickets.csv"),
        out.join("events.csv"),
    );
    let ds = plazo::model::dataset::Dataset::load(&inputs, p.tz()).unwrap();
    assert!(ds.rejects.is_empty());
    let cutoff = plazo::time::Instant::parse("2030-01-01", p.tz()).unwrap();
    let engine = plazo::engine::Engine::new(p, &ds, cutoff).unwrap();
    engine
        .evaluate_all()
        .into_iter()
        .map(|r| {
            (ds.tickets[r.ticket as usize].id.to_string(), r.reopen_count)
        })
        .collect()
}

#[test]
fn uci_servicenow_log_comes_in_whole() {
    let zip = dataset("uci_incident_event_log.csv.zip");
    let text = raw_text(&zip);
    let ids = first_fields(&text);
    assert_eq!(ids.len(), 141_712);
    let distinct: BTreeSet<&str> = ids.iter().copied().collect();
    assert_eq!(distinct.len(), 24_918);
    // The junk state: a line whose second field is -100.
    let junk = text
        .lines()
        .filter(|l| l.split(',').nth(1) == Some("-100"))
        .count();
    assert_eq!(junk, 5);

    let (out, err) = ingest_sample("servicenow-uci", &zip, "whole");
    let t = read_rows(&out.join("tickets.csv"));
    assert_eq!(t.len(), 24_918);
    let got: BTreeSet<&str> =
        t.iter().map(|r| r["ticket_id"].as_str()).collect();
    assert_eq!(got, distinct);
    let rj = read_rows(&out.join("rejects.csv"));
    assert_eq!(rj.len(), 5);
    assert!(rj.iter().all(|r| r["value"] == "-100"));
    let ev = read_rows(&out.join("events.csv"));
    // Merged duplicates counted from the raw file (snapshots repeating
    // the previous state at the same minute); 6,532 is also the figure
    // docs/INGEST.md gives, first found by a Python csv pass with the
    // same rule.
    let merged = adjacent_duplicates(
        &text,
        ("number", "sys_updated_at", "incident_state"),
        |v| naive(v, "%d/%m/%Y %H:%M"),
        &["-100"],
    );
    assert_eq!(merged, 6_532);
    assert_eq!(ev.len(), 141_712 - 5 - merged);
    assert!(
        err.contains(
            "141712 rows read, 135175 accepted, 5 rejected, 6532 duplicates merged"
        ),
        "{err}"
    );

    // Reopen agreement with the log's own reopen_count (its maximum over
    // the incident's rows, read from the raw file by column position 4).
    let mut logged: HashMap<&str, u32> = HashMap::new();
    for l in text.lines().skip(1) {
        let f: Vec<&str> = l.split(',').collect();
        let v = logged.entry(f[0]).or_insert(0);
        *v = (*v).max(f[4].parse().unwrap());
    }
    let policy =
        Policy::load(&root().join("samples/servicenow-uci/policy.toml"))
            .unwrap();
    let ours = reopens(&out, &policy);
    let agree = logged
        .iter()
        .filter(|(id, n)| ours.get(**id).copied().unwrap_or(0) == **n)
        .count();
    let share = agree as f64 / logged.len() as f64;
    eprintln!(
        "UCI reopen agreement: {agree}/{} = {share:.6}",
        logged.len()
    );
    assert!(share >= 0.99, "{agree}/{}", logged.len());
    // The one disagreement documented in docs/INGEST.md.
    assert_eq!(logged.len() - agree, 1);
    assert_eq!(ours["INC0000137"], 1);
    assert_eq!(logged["INC0000137"], 0);
}

#[test]
fn helpdesk_and_volvo_logs() {
    type Parse = fn(&str) -> i64;
    // The last two figures: merged duplicates, counted from the raw file
    // by `adjacent_duplicates` and, first, by a Python csv pass with the
    // same rule (127 and 0: the Volvo log has no repeated event).
    let helpdesk: Parse = |v| naive(v, "%Y/%m/%d %H:%M:%S");
    let volvo: Parse = |v| {
        chrono::DateTime::parse_from_rfc3339(v)
            .unwrap_or_else(|e| panic!("{v:?}: {e}"))
            .timestamp()
    };
    for (name, file, rows, cases, key, parse, dups) in [
        (
            "helpdesk-it",
            "helpdesk_italian_sw_company.csv",
            21_348,
            4_580,
            ("Case ID", "Complete Timestamp", "Activity"),
            helpdesk,
            127,
        ),
        (
            "bpi2013-volvo",
            "bpi2013_volvo_incidents_ibm.zip",
            65_533,
            7_554,
            ("SR Number", "Change Date+Time", "Sub Status"),
            volvo,
            0,
        ),
    ] {
        let data = dataset(file);
        let text = raw_text(&data);
        let ids = first_fields(&text);
        assert_eq!(ids.len(), rows, "{name}");
        let distinct: BTreeSet<&str> = ids.iter().copied().collect();
        assert_eq!(distinct.len(), cases, "{name}");
        // Exact duplicate events that the ingest merges: identical
        // (id, at, status) neighbours in each ticket's timeline.
        let merged = adjacent_duplicates(&text, key, parse, &[]);
        assert_eq!(merged, dups, "{name}");
        let (out, err) = ingest_sample(name, &data, "logs");
        let t = read_rows(&out.join("tickets.csv"));
        assert_eq!(t.len(), cases, "{name}");
        let ev = read_rows(&out.join("events.csv"));
        let rj = read_rows(&out.join("rejects.csv"));
        assert!(rj.is_empty(), "{name}: {rj:?}");
        assert_eq!(ev.len(), rows - merged, "{name}");
        assert!(
            err.contains(&format!(
                "{rows} rows read, {} accepted, 0 rejected, {merged} duplicates merged",
                rows - merged
            )),
            "{err}"
        );
        // Each ticket opens at its first event.
        let mut first: HashMap<&str, &str> = HashMap::new();
        for e in &ev {
            first
                .entry(e["ticket_id"].as_str())
                .or_insert(e["at"].as_str());
        }
        for r in &t {
            assert_eq!(
                first[r["ticket_id"].as_str()],
                r["opened_at"],
                "{name}"
            );
        }
        // And the SLA engine evaluates every case under the sample's
        // policy (every status label mapped, nothing rejected).
        let policy = Policy::load(
            &root().join("samples").join(name).join("policy.toml"),
        )
        .unwrap();
        let counts = reopens(&out, &policy);
        assert_eq!(counts.len(), cases, "{name}");
    }
}

#[test]
fn helpdesk_duplicates_are_identical_lines() {
    let data = dataset("helpdesk_italian_sw_company.csv");
    // Independent count: lines whose (case, activity, timestamp) equals
    // that of the previous line of the same case... counted over the whole
    // file as repeats of the same key adjacent in time order.
    let text = raw_text(&data);
    let mut keys: Vec<(String, String, String)> = text
        .lines()
        .skip(1)
        .filter(|l| !l.is_empty())
        .map(|l| {
            let f: Vec<&str> = l.split(',').collect();
            (f[0].to_string(), f[3].to_string(), f[1].to_string())
        })
        .collect();
    keys.sort();
    let total = keys.len();
    keys.dedup();
    let dups = total - keys.len();
    let (out, _) = ingest_sample("helpdesk-it", &data, "dups");
    let ev = read_rows(&out.join("events.csv"));
    assert_eq!(ev.len(), total - dups);
}

#[test]
fn rabobank_shape_sentinels_and_decimal_comma() {
    let data =
        dataset("bpi2014_rabobank_sample/Detail_Incident_first20rows.csv");
    let dir = tempdir("rabobank");
    let (code, _, err) = run(
        &dir,
        &[
            "ingest",
            "--mapping",
            &fixture("rabobank_mapping.toml"),
            "--timezone",
            "Europe/Amsterdam",
            "--input",
            &data.display().to_string(),
            "--out",
            "out",
        ],
    );
    assert_eq!(code, 0, "{err}");
    let t = read_rows(&dir.join("out/tickets.csv"));
    let im4 = t.iter().find(|r| r["ticket_id"] == "IM0000004").unwrap();
    // "3871,691111" in the file.
    assert_eq!(im4["Handle Time (Hours)"], "3871.691111");
    assert_eq!(im4["opened_at"], "2012-02-05T13:32:57+01:00");
}
