//! `plazo run jobs.toml` (issue 14): the shipped samples/jobs.toml gives
//! the same indicators.csv as `plazo report` run by hand; a failed job
//! does not stop the others and the run log counts what was read; a bad
//! jobs file runs nothing; a locked output folder fails its job at once;
//! `--period` replaces every job's period.
//!
//! Most tests run on the hand-made tickets of tests/data/sla/ (a report
//! of them takes a fraction of a second); only the first runs the five
//! samples.

use std::path::{Path, PathBuf};

use serde_json::Value;

use crate::util::{folder_command, plazo, root, run, tempdir};

/// Data rows of a CSV file, counted with the `csv` crate (not plazo's
/// reader).
fn data_rows(path: &Path) -> u64 {
    csv::Reader::from_path(path).unwrap().records().count() as u64
}

/// The run log's lines, parsed.
fn log_lines(path: &Path) -> Vec<Value> {
    std::fs::read_to_string(path)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

/// The job line named `name`.
fn job<'a>(log: &'a [Value], name: &str) -> &'a Value {
    log.iter()
        .find(|v| v["record"] == "job" && v["job"] == name)
        .unwrap_or_else(|| panic!("no line for {name}: {log:?}"))
}

/// The files under `dir`, relative, sorted.
fn files(dir: &Path) -> Vec<String> {
    fn walk(base: &Path, d: &Path, out: &mut Vec<String>) {
        for e in std::fs::read_dir(d).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                walk(base, &p, out);
            } else {
                out.push(
                    p.strip_prefix(base).unwrap().to_str().unwrap().into(),
                );
            }
        }
    }
    let mut v = Vec::new();
    walk(dir, dir, &mut v);
    v.sort();
    v
}

/// A `[[job]]` on the fixtures of tests/data/sla with `extra` keys.
fn fixture_job(name: &str, extra: &str) -> String {
    let d = root().join("tests/data/sla");
    let p = |f: &str| d.join(f).display().to_string();
    format!(
        "[[job]]\nname = \"{name}\"\npolicy = \"{}\"\ntickets = \"{}\"\n\
         events = \"{}\"\nsurveys = \"{}\"\nout = \"out/{name}\"\n{extra}\n",
        p("policy.toml"),
        p("tickets.csv"),
        p("events.csv"),
        p("surveys.csv"),
    )
}

/// Writes `dir/jobs.toml`: `[defaults]` with the fixtures' period and
/// cutoff, then `jobs`.
fn jobs_file(dir: &Path, jobs: &[String]) -> PathBuf {
    let mut text = String::from(
        "[defaults]\nperiod = \"2026-07\"\ncutoff = \"2026-08-03 12:00\"\n\n",
    );
    for j in jobs {
        text.push_str(j);
    }
    let path = dir.join("jobs.toml");
    std::fs::write(&path, text).unwrap();
    path
}

#[test]
fn the_sample_jobs_give_the_reports_of_plazo_report() {
    // samples/jobs.toml as shipped, beside links to the sample folders,
    // so that its `../informes` lands in the test's folder.
    let dir = tempdir("run-samples");
    let samples = dir.join("samples");
    std::fs::create_dir(&samples).unwrap();
    std::fs::copy(root().join("samples/jobs.toml"), samples.join("jobs.toml"))
        .unwrap();
    let entities = ["icetex", "itagui", "upme", "uspec", "victimas"];
    for e in entities {
        std::os::unix::fs::symlink(
            root().join("samples").join(e),
            samples.join(e),
        )
        .unwrap();
    }
    let (code, _, err) = run(&dir, &["run", "samples/jobs.toml"]);
    assert_eq!(code, 0, "{err}");
    let log = log_lines(&dir.join("informes/plazo-run.jsonl"));
    assert_eq!(log.len(), 6, "five jobs and the run: {log:?}");
    assert_eq!(log[5]["record"], "run");
    assert_eq!(log[5]["ok"], 5);
    for e in entities {
        // The samples' READMEs give these commands.
        let period = if e == "itagui" {
            ["--quarter", "2026Q3"]
        } else {
            ["--period", "2026-10"]
        };
        let by_hand = dir.join("by-hand").join(e);
        let mut extra = vec!["--cutoff", "2026-10-31 23:59:59"];
        extra.extend(period);
        extra.extend(["--out", by_hand.to_str().unwrap()]);
        let args =
            folder_command("report", &root().join("samples").join(e), &extra);
        let a: Vec<&str> = args.iter().map(String::as_str).collect();
        let o = plazo(&dir, &a);
        assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
        let out = dir.join("informes").join(e);
        assert_eq!(
            std::fs::read(out.join("indicators.csv")).unwrap(),
            std::fs::read(by_hand.join("indicators.csv")).unwrap(),
            "{e}: indicators.csv differs from plazo report's"
        );
        // The same files, the lock apart (not an output).
        let mut got = files(&out);
        got.retain(|f| f != ".plazo.lock");
        assert_eq!(got, files(&by_hand), "{e}");
        let line = job(&log, e);
        assert_eq!(line["status"], "ok", "{line}");
        assert_eq!(line["outputs"].as_array().unwrap().len(), got.len());
        for input in line["inputs"].as_array().unwrap() {
            let role = input["role"].as_str().unwrap();
            if role != "policy" {
                let file =
                    root().join("samples").join(e).join(format!("{role}.csv"));
                assert_eq!(input["rows"], data_rows(&file), "{e} {role}");
            }
        }
        assert!(
            err.contains(&format!("✓ {e}: ")),
            "no line for {e} in {err}"
        );
    }
}

#[test]
fn a_failed_job_does_not_stop_the_others() {
    let dir = tempdir("run-failed");
    let jobs = jobs_file(
        &dir,
        &[
            fixture_job("a", ""),
            fixture_job("b", "").replace("tickets.csv", "no-such-tickets.csv"),
            fixture_job("c", ""),
        ],
    );
    let (code, _, err) =
        run(&dir, &["--quiet", "run", jobs.to_str().unwrap()]);
    assert_eq!(code, 1, "{err}");
    // --quiet: no line for the good jobs; the failure and the end are
    // errors, shown.
    assert!(!err.contains("✓"), "{err}");
    assert!(err.contains("✗ b: --tickets "), "{err}");
    assert!(
        err.contains("no-such-tickets.csv: no existe el archivo"),
        "{err}"
    );
    assert!(err.contains("1 de 3 trabajos fallaron (b)"), "{err}");
    assert!(dir.join("out/a/indicators.csv").is_file());
    assert!(dir.join("out/c/indicators.csv").is_file());
    assert!(!dir.join("out/b/indicators.csv").exists());

    let log = log_lines(&dir.join("plazo-run.jsonl"));
    assert_eq!(log.len(), 4, "{log:?}");
    let b = job(&log, "b");
    assert_eq!(b["status"], "failed");
    assert_eq!(b["error"]["kind"], "input");
    assert_eq!(b["error"]["exit_code"], 2);
    assert!(
        b["error"]["message"]
            .as_str()
            .unwrap()
            .contains("--tickets")
    );
    assert_eq!(b["outputs"].as_array().unwrap().len(), 0);
    let fixtures = root().join("tests/data/sla");
    for name in ["a", "c"] {
        let j = job(&log, name);
        assert_eq!(j["status"], "ok");
        assert!(j["error"].is_null());
        assert_eq!(j["period"], "2026-07");
        let inputs = j["inputs"].as_array().unwrap();
        let roles: Vec<&str> =
            inputs.iter().map(|i| i["role"].as_str().unwrap()).collect();
        assert_eq!(roles, ["policy", "tickets", "events", "surveys"]);
        // 9 tickets, 27 events, 2 survey rows (wc -l minus the header).
        for (i, want) in [(1, 9), (2, 27), (3, 2)] {
            let file = fixtures.join(format!("{}.csv", roles[i]));
            assert_eq!(data_rows(&file), want);
            assert_eq!(inputs[i]["rows"], want, "{name} {}", roles[i]);
        }
        // Every output listed exists, inside the job's folder.
        let out = dir.join("out").join(name);
        for f in j["outputs"].as_array().unwrap() {
            let f = Path::new(f.as_str().unwrap());
            assert!(f.starts_with(&out) && f.is_file(), "{f:?}");
        }
        assert_eq!(
            j["outputs"].as_array().unwrap().len(),
            files(&out).len() - 1,
            "every file but the lock"
        );
    }
    let end = &log[3];
    assert_eq!(end["record"], "run");
    assert_eq!(end["ok"], 2);
    assert_eq!(end["failed"], serde_json::json!(["b"]));
    assert_eq!(end["exit_code"], 1);
}

#[test]
fn a_bad_jobs_file_runs_nothing() {
    let cases: [(&str, Vec<String>, &str); 4] = [
        (
            "unknown key",
            vec![
                fixture_job("a", ""),
                fixture_job("b", "perido = \"2026-06\""),
            ],
            "\"b\": unknown key \"perido\"; the keys are: name, enabled,",
        ),
        (
            "same out",
            vec![
                fixture_job("a", ""),
                fixture_job("b", "").replace("out/b", "out/x/../a"),
            ],
            "the jobs \"a\" and \"b\" write into the same folder",
        ),
        (
            "same name",
            vec![
                fixture_job("a", ""),
                fixture_job("a", "").replace("out/a", "out/b"),
            ],
            "two jobs are named \"a\"",
        ),
        (
            "missing key",
            vec![
                fixture_job("a", ""),
                fixture_job("b", "").replace("policy =", "# policy ="),
            ],
            "\"b\": the key policy is missing",
        ),
    ];
    for (what, jobs, needle) in cases {
        let dir = tempdir("run-bad");
        let path = jobs_file(&dir, &jobs);
        let (code, _, err) =
            run(&dir, &["--lang", "en", "run", path.to_str().unwrap()]);
        assert_eq!(code, 2, "{what}: {err}");
        assert!(err.contains(needle), "{what}: {needle:?} not in {err}");
        assert!(!dir.join("out").exists(), "{what}: a job ran");
        assert!(!dir.join("plazo-run.jsonl").exists(), "{what}: log written");
    }
    let dir = tempdir("run-only");
    let path = jobs_file(&dir, &[fixture_job("a", "")]);
    let (code, _, err) = run(
        &dir,
        &["--lang", "en", "run", path.to_str().unwrap(), "--only", "z"],
    );
    assert_eq!(code, 2);
    assert!(err.contains("--only \"z\": no job has that name"), "{err}");
    assert!(err.contains("the jobs are: a"), "{err}");
    assert!(!dir.join("out").exists());
}

#[test]
fn a_locked_output_folder_fails_its_job_at_once() {
    let dir = tempdir("run-lock");
    let path = jobs_file(&dir, &[fixture_job("a", ""), fixture_job("c", "")]);
    // Another run holds a's folder: the same kind of lock, taken here.
    let held = dir.join("out/a");
    std::fs::create_dir_all(&held).unwrap();
    let lock = held.join(".plazo.lock");
    std::fs::write(&lock, format!("{}\n", std::process::id())).unwrap();
    let f = std::fs::OpenOptions::new().write(true).open(&lock).unwrap();
    f.lock().unwrap();
    let (code, _, err) =
        run(&dir, &["--lang", "en", "run", path.to_str().unwrap()]);
    drop(f);
    assert_eq!(code, 1, "{err}");
    let want = format!(
        "✗ a: the folder {} is in use by another plazo run (pid {}, lock {})",
        held.display(),
        std::process::id(),
        lock.display()
    );
    assert!(err.contains(&want), "{want:?} not in {err}");
    assert!(!held.join("indicators.csv").exists());
    assert!(dir.join("out/c/indicators.csv").is_file());
    let log = log_lines(&dir.join("plazo-run.jsonl"));
    assert_eq!(job(&log, "a")["error"]["kind"], "failure");
    assert_eq!(job(&log, "a")["error"]["exit_code"], 1);
    // Released: the next run takes it and writes its own pid.
    let (code, _, err) = run(
        &dir,
        &["run", path.to_str().unwrap(), "--only", "a", "--quiet"],
    );
    assert_eq!(code, 0, "{err}");
    assert!(held.join("indicators.csv").is_file());
    let pid: u32 = std::fs::read_to_string(&lock)
        .unwrap()
        .trim()
        .parse()
        .unwrap();
    assert_ne!(pid, std::process::id());
}

#[test]
fn the_command_line_period_replaces_every_jobs_period() {
    let dir = tempdir("run-period");
    let path = jobs_file(
        &dir,
        &[
            fixture_job("a", ""),
            fixture_job("q", "quarter = \"2026Q3\""),
            fixture_job("z", "enabled = false"),
        ],
    );
    let p = path.to_str().unwrap();
    let (code, dry, _) =
        run(&dir, &["run", p, "--period", "2026-06", "--dry-run"]);
    assert_eq!(code, 0);
    let lines: Vec<&str> = dry.lines().collect();
    assert_eq!(lines.len(), 2, "z is disabled: {dry}");
    for l in &lines {
        assert!(l.contains(" --period 2026-06 --out "), "{l}");
        assert!(!l.contains("--quarter"), "{l}");
    }
    assert!(!dir.join("out").exists(), "--dry-run runs nothing");

    let (code, _, err) =
        run(&dir, &["--lang", "en", "run", p, "--period", "2026-06"]);
    assert_eq!(code, 0, "{err}");
    for name in ["a", "q"] {
        let out = dir.join("out").join(name);
        assert!(out.join("informe-2026-06.xlsx").is_file(), "{name}");
        let rows = crate::util::read_rows(&out.join("indicators.csv"));
        assert!(!rows.is_empty());
        assert!(rows.iter().all(|r| r["period"] == "2026-06"), "{name}");
        // 9 tickets and 3 rejects in the fixture (the rejects first);
        // files counted in the folder.
        let n = files(&out).len() - 1;
        assert!(
            err.contains(&format!(
                "✓ {name}: 3 rejected rows or cells (see rejects.csv); \
                 2026-06, 9 tickets, {n} files in {}, ",
                out.display()
            )),
            "{name}: {err}"
        );
    }
    assert!(!dir.join("out/z").exists());
    let log = log_lines(&dir.join("plazo-run.jsonl"));
    let end = log.last().unwrap();
    assert_eq!(end["period"], "2026-06");
    assert_eq!(end["skipped"], serde_json::json!(["z"]));
    assert_eq!(end["jobs"], serde_json::json!(["a", "q"]));
    assert!(err.contains("- z: disabled (enabled = false)"), "{err}");
    assert!(err.contains("2 of 2 jobs done"), "{err}");
}
