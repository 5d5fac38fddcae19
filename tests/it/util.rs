//! Shared helpers: running the binary, finding the shared data sets.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// The repository root.
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// A data set under `../shared/datasets/` (the shared folder beside the
/// repository), or under `$PLAZO_DATASETS` when that is set (a checkout
/// elsewhere, e.g. a git worktree). A missing data set fails the test,
/// with or without `CI`: it is never skipped.
pub fn dataset(rel: &str) -> PathBuf {
    let base = match std::env::var_os("PLAZO_DATASETS") {
        Some(d) => PathBuf::from(d),
        None => root().join("../shared/datasets"),
    };
    let p = base.join(rel);
    assert!(
        p.exists(),
        "data set missing: {}\nthe shared data sets must sit beside the \
         repository, in ../shared/datasets/ (or set PLAZO_DATASETS to \
         their folder)",
        p.display()
    );
    p
}

/// Runs the `plazo` binary with `args` in `dir`.
pub fn plazo(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_plazo"))
        .args(args)
        .current_dir(dir)
        .env_remove("PLAZO_LANG")
        .env_remove("PLAZO_PSEUDONYM_KEY")
        .output()
        .expect("run plazo")
}

/// `--policy DIR/policy.toml --tickets DIR/tickets.csv --events
/// DIR/events.csv`, plus `--surveys DIR/surveys.csv` when that file exists:
/// the data arguments of a sample or fixture folder.
pub fn folder_args(dir: &Path) -> Vec<String> {
    let mut v = Vec::new();
    for (flag, file) in [
        ("--policy", "policy.toml"),
        ("--tickets", "tickets.csv"),
        ("--events", "events.csv"),
        ("--surveys", "surveys.csv"),
    ] {
        let p = dir.join(file);
        if flag != "--surveys" || p.exists() {
            v.push(flag.to_string());
            v.push(p.to_str().unwrap().to_string());
        }
    }
    v
}

/// `COMMAND <folder_args(data)> EXTRA...`: a command's arguments on a
/// sample or fixture folder.
pub fn folder_command(
    command: &str,
    data: &Path,
    extra: &[&str],
) -> Vec<String> {
    let mut args = vec![command.to_string()];
    args.extend(folder_args(data));
    args.extend(extra.iter().map(|s| s.to_string()));
    args
}

/// Runs `plazo COMMAND <folder_args(data)> EXTRA...` in `dir`.
pub fn plazo_on(
    dir: &Path,
    command: &str,
    data: &Path,
    extra: &[&str],
) -> Output {
    let args = folder_command(command, data, extra);
    let a: Vec<&str> = args.iter().map(String::as_str).collect();
    plazo(dir, &a)
}

/// A fresh temporary directory for one test. It is left behind for
/// looking into a failure; the first call of a run removes those of
/// earlier runs (whose process is gone), so that a machine keeps at most
/// the last run's (a full run left about 370 folders, some of 40 MB).
pub fn tempdir(name: &str) -> PathBuf {
    use std::sync::atomic::{AtomicUsize, Ordering};
    static N: AtomicUsize = AtomicUsize::new(0);
    static SWEEP: std::sync::Once = std::sync::Once::new();
    SWEEP.call_once(sweep_earlier_runs);
    let n = N.fetch_add(1, Ordering::Relaxed);
    let d = std::env::temp_dir()
        .join(format!("plazo-it-{}-{n}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}

/// Removes the `plazo-it-PID-*` folders of runs whose process PID is no
/// longer running (Linux: no `/proc/PID`; elsewhere nothing is removed).
fn sweep_earlier_runs() {
    let proc = Path::new("/proc");
    if !proc.join("self").exists() {
        return;
    }
    let Ok(entries) = std::fs::read_dir(std::env::temp_dir()) else {
        return;
    };
    for e in entries.flatten() {
        let name = e.file_name();
        let Some(rest) =
            name.to_str().and_then(|n| n.strip_prefix("plazo-it-"))
        else {
            continue;
        };
        let pid = rest.split('-').next().unwrap_or("");
        if pid.parse::<u32>().is_ok() && !proc.join(pid).exists() {
            let _ = std::fs::remove_dir_all(e.path());
        }
    }
}

/// stdout as text; panics with the command's stderr when it failed.
pub fn ok_stdout(out: &Output) -> String {
    assert!(
        out.status.success(),
        "plazo failed ({:?})\n--- stdout\n{}\n--- stderr\n{}",
        out.status.code(),
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout.clone()).unwrap()
}

/// A Bogotá Mon-Fri policy with two segments a day and Colombian holidays.
pub const BOGOTA_POLICY: &str = r#"
name = "Prueba"
timezone = "America/Bogota"
[calendar]
holidays = ["co"]
[calendar.hours]
mon = ["08:00-12:00", "14:00-17:00"]
tue = ["08:00-12:00", "14:00-17:00"]
wed = ["08:00-12:00", "14:00-17:00"]
thu = ["08:00-12:00", "14:00-17:00"]
fri = ["08:00-12:00", "14:00-17:00"]
"#;

/// A fixture under `tests/data/ingest/`.
pub fn fixture(name: &str) -> String {
    root()
        .join("tests/data/ingest")
        .join(name)
        .display()
        .to_string()
}

/// A CSV file written by plazo, as rows of (column -> value) maps, read
/// with the `csv` crate (not with plazo's reader).
pub fn read_rows(
    path: &Path,
) -> Vec<std::collections::BTreeMap<String, String>> {
    let mut r = csv::Reader::from_path(path).expect("open output");
    let h = r.headers().unwrap().clone();
    r.records()
        .map(|rec| {
            let rec = rec.unwrap();
            h.iter()
                .zip(rec.iter())
                .map(|(a, b)| (a.to_string(), b.to_string()))
                .collect()
        })
        .collect()
}

/// Runs `plazo` and returns (exit code, stdout, stderr).
pub fn run(dir: &Path, args: &[&str]) -> (i32, String, String) {
    let out = plazo(dir, args);
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// `plazo ingest --source glpi-csv --timezone America/Bogota --input
/// INPUT --out OUT EXTRA...` in `dir`: (exit code, stderr).
pub fn glpi_csv(
    dir: &Path,
    input: &str,
    out: &str,
    extra: &[&str],
) -> (i32, String) {
    let mut args = vec![
        "ingest",
        "--source",
        "glpi-csv",
        "--timezone",
        "America/Bogota",
        "--input",
        input,
        "--out",
        out,
    ];
    args.extend_from_slice(extra);
    let (code, _, err) = run(dir, &args);
    (code, err)
}

/// A policy's text without its `[indicators]` tables (the goals and the
/// ficha fields), so that a test can write its own.
pub fn without_indicator_tables(text: &str) -> String {
    assert!(
        text.contains("\n[indicators"),
        "the policy has [indicators]"
    );
    let mut keep = true;
    text.lines()
        .filter(|l| {
            if l.starts_with('[') {
                keep = !l.starts_with("[indicators");
            }
            keep
        })
        .map(|l| format!("{l}\n"))
        .collect()
}

/// A sample evaluated for one month, in memory: what a test needs to
/// build a [`plazo::report::Context`] without running the binary.
pub struct Evaluated {
    pub policy: plazo::Policy,
    pub ds: plazo::model::dataset::Dataset,
    pub period: plazo::report::Period,
    pub cutoff: plazo::time::Instant,
    pub rows: Vec<plazo::engine::SlaRow>,
    pub levels: Vec<(u32, plazo::engine::escalations::Level)>,
    /// Every ticket's business time per group that held it.
    pub group_times: Vec<Vec<plazo::engine::holders::GroupTime>>,
}

impl Evaluated {
    /// `samples/<entity>` (policy, tickets, events, surveys) evaluated
    /// at the last second of `month` (`2026-10`).
    pub fn sample(entity: &str, month: &str) -> Evaluated {
        use plazo::model::dataset::{Dataset, Inputs};
        let s = root().join("samples").join(entity);
        let policy = plazo::Policy::load(&s.join("policy.toml")).unwrap();
        let tz = policy.tz();
        let inputs = Inputs {
            tickets: s.join("tickets.csv"),
            events: s.join("events.csv"),
            surveys: Some(s.join("surveys.csv")),
            survey_questions: policy
                .survey_form()
                .questions
                .iter()
                .map(|q| q.0.clone())
                .collect(),
        };
        let ds = Dataset::load(&inputs, tz).unwrap();
        let period = plazo::report::Period::parse(month, tz).unwrap();
        let cutoff = period.last_second();
        let engine = plazo::engine::Engine::new(&policy, &ds, cutoff).unwrap();
        let rows = engine.evaluate_all();
        let levels = engine.levels_all(&rows);
        let group_times = (0..ds.tickets.len())
            .map(|i| engine.group_times(i))
            .collect();
        drop(engine);
        Evaluated {
            levels,
            group_times,
            policy,
            ds,
            period,
            cutoff,
            rows,
        }
    }

    /// The report context in Spanish, with no input files listed.
    pub fn context(&self) -> plazo::report::Context<'_> {
        plazo::report::Context::new(
            &self.policy,
            &self.ds,
            &self.rows,
            &self.period,
            self.cutoff,
            plazo::text::lang::Lang::Es,
            Vec::new(),
        )
        .with_escalations(self.levels.clone())
        .with_group_times(|i| self.group_times[i].clone())
    }
}

/// Copies the folder `from` with everything under it to `to`.
pub fn copy_tree(from: &std::path::Path, to: &std::path::Path) {
    std::fs::create_dir_all(to).unwrap();
    for e in std::fs::read_dir(from).unwrap() {
        let e = e.unwrap();
        let (src, dst) = (e.path(), to.join(e.file_name()));
        if src.is_dir() {
            copy_tree(&src, &dst);
        } else {
            std::fs::copy(&src, &dst).unwrap();
        }
    }
}

/// The sweep removes an earlier run's folder (a process that has ended)
/// and keeps this run's.
#[test]
fn tempdir_sweeps_the_folders_of_ended_runs_only() {
    let mut child = Command::new("true").spawn().unwrap();
    let dead = child.id();
    child.wait().unwrap();
    let old = std::env::temp_dir().join(format!("plazo-it-{dead}-0-old"));
    std::fs::create_dir_all(old.join("inner")).unwrap();
    let mine = tempdir("sweep-mine");
    sweep_earlier_runs();
    assert!(!old.exists(), "{} was kept", old.display());
    assert!(mine.exists(), "{} was removed", mine.display());
}
