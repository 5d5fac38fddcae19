//! The jobs file: TOML read into a list of jobs, each the exact `plazo
//! report` command line it stands for. Every key is checked before any
//! job runs (docs/CONTRACT.md §7.5): an unknown key, a value of the wrong
//! type, a missing key, two jobs with one name or one output folder are
//! errors (exit 2) that name the file, the job and the key.

use std::ffi::OsString;
use std::path::{Component, Path, PathBuf};

use plazo::Error;
use plazo::source::glpi_db::{Target, masked_password};
use plazo::text::Msg;
use plazo::text::lang::Lang;
use plazo::text::msg::cli::run as msg;
use toml::{Table, Value};

/// The keys of a `[[job]]`, in the order the docs list them.
pub const JOB_KEYS: [&str; 25] = [
    "name",
    "enabled",
    "policy",
    "tickets",
    "events",
    "surveys",
    "glpi_db",
    "glpi_entity",
    "recursive",
    "period",
    "quarter",
    "from",
    "to",
    "cutoff",
    "queries",
    "decisions",
    "restate",
    "strict",
    "max_rejects",
    "csv_raw",
    "html",
    "sheet_row_limit",
    "lang",
    "out",
    "description",
];

/// Keys that name one job and so cannot be shared in `[defaults]`.
const NOT_DEFAULTS: [&str; 3] = ["name", "out", "description"];

/// One job, resolved: its name and the command line it stands for.
#[derive(Debug, Clone)]
pub struct Job {
    /// `name`.
    pub name: String,
    /// `enabled` (default true).
    pub enabled: bool,
    /// The output folder, resolved.
    pub out: PathBuf,
    /// `plazo --lang L report ...`: the program name first.
    pub argv: Vec<OsString>,
}

/// The jobs file, resolved.
#[derive(Debug)]
pub struct JobsFile {
    /// The file as given.
    pub path: PathBuf,
    /// `log`, resolved (None: not set in the file).
    pub log: Option<PathBuf>,
    /// Every job, in file order.
    pub jobs: Vec<Job>,
}

/// Where a key is: the job's name (or its number) for messages.
struct At<'a> {
    file: &'a Path,
    job: String,
}

impl At<'_> {
    fn err(&self, m: Msg, args: &[(&str, &dyn std::fmt::Display)]) -> Error {
        let file = self.file.display();
        let mut all: Vec<(&str, &dyn std::fmt::Display)> =
            vec![("file", &file), ("job", &self.job)];
        all.extend_from_slice(args);
        Error::input_msg(m, &all)
    }

    fn bad(&self, key: &str, what: Msg) -> Error {
        // The expected type in both languages: rendered per side.
        Error::new(
            plazo::error::ErrorKind::Input,
            msg::BAD_VALUE.fill(
                Lang::Es,
                &[
                    ("file", &self.file.display()),
                    ("job", &self.job),
                    ("key", &key),
                    ("what", &what.get(Lang::Es)),
                ],
            ),
            msg::BAD_VALUE.fill(
                Lang::En,
                &[
                    ("file", &self.file.display()),
                    ("job", &self.job),
                    ("key", &key),
                    ("what", &what.get(Lang::En)),
                ],
            ),
        )
    }
}

/// A job's keys after `[defaults]` are merged in and the types checked.
#[derive(Debug, Default, Clone)]
struct Keys {
    name: String,
    enabled: bool,
    text: std::collections::BTreeMap<&'static str, String>,
    flags: std::collections::BTreeMap<&'static str, bool>,
    entity: Option<i64>,
}

/// Reads and checks `path`. `period` (from the command line) replaces
/// every job's period keys.
pub fn read(
    path: &Path,
    period: Option<&str>,
    lang: Lang,
) -> plazo::Result<JobsFile> {
    let text =
        std::fs::read_to_string(path).map_err(|e| Error::io(path, &e))?;
    from_text(&text, path, period, lang)
}

/// [`read`] on the file's text; `path` names it and is the base of its
/// relative paths.
pub fn from_text(
    text: &str,
    path: &Path,
    period: Option<&str>,
    lang: Lang,
) -> plazo::Result<JobsFile> {
    let table: Table = text
        .parse()
        .map_err(|e| Error::toml(&path.display().to_string(), &e))?;
    let base = folder_of(path)?;
    let top = At {
        file: path,
        job: String::new(),
    };
    let mut log = None;
    let mut defaults = Table::new();
    let mut raw_jobs = Vec::new();
    for (key, value) in &table {
        match (key.as_str(), value) {
            ("log", Value::String(s)) => log = Some(resolve(&base, s)),
            ("log", _) => return Err(top.bad("log", msg::TYPE_TEXT)),
            ("defaults", Value::Table(t)) => defaults = t.clone(),
            ("job", Value::Array(a)) => raw_jobs = a.clone(),
            ("defaults" | "job", _) => {
                return Err(top.bad(key, msg::TYPE_TABLE));
            }
            _ => {
                return Err(Error::input_msg(
                    msg::UNKNOWN_TOP_KEY,
                    &[("file", &path.display()), ("key", &format!("{key:?}"))],
                ));
            }
        }
    }
    let defaults_at = At {
        file: path,
        job: "[defaults]".into(),
    };
    check_keys(&defaults, &defaults_at)?;
    if let Some(k) = NOT_DEFAULTS.iter().find(|k| defaults.contains_key(**k)) {
        return Err(defaults_at.err(msg::NOT_A_DEFAULT, &[("key", k)]));
    }
    if raw_jobs.is_empty() {
        return Err(Error::input_msg(
            msg::NO_JOBS,
            &[("file", &path.display())],
        ));
    }
    let mut jobs = Vec::new();
    for (i, raw) in raw_jobs.iter().enumerate() {
        let at = At {
            file: path,
            job: job_label(raw, i),
        };
        let Value::Table(t) = raw else {
            return Err(at.bad("[[job]]", msg::TYPE_TABLE));
        };
        check_keys(t, &at)?;
        let mut merged = defaults.clone();
        // A job's own period replaces the default one, whatever its kind.
        const PERIOD: [&str; 4] = ["period", "quarter", "from", "to"];
        if PERIOD.iter().any(|k| t.contains_key(*k)) {
            merged.retain(|k, _| !PERIOD.contains(&k));
        }
        merged.extend(t.clone());
        let keys = typed(&merged, &at)?;
        jobs.push(build(&keys, &at, &base, period, lang)?);
    }
    check_unique(path, &jobs)?;
    Ok(JobsFile {
        path: path.to_path_buf(),
        log,
        jobs,
    })
}

/// The jobs file's folder, absolute (the base of relative paths).
fn folder_of(path: &Path) -> plazo::Result<PathBuf> {
    let abs = std::path::absolute(path).map_err(|e| Error::io(path, &e))?;
    Ok(abs.parent().map(Path::to_path_buf).unwrap_or_default())
}

/// `p` from the jobs file's folder, `..` and `.` folded away.
pub fn resolve(base: &Path, p: &str) -> PathBuf {
    let mut out = PathBuf::new();
    for c in base.join(p).components() {
        match c {
            Component::ParentDir => {
                out.pop();
            }
            Component::CurDir => {}
            c => out.push(c),
        }
    }
    out
}

/// `"victimas"` (the job's name) or `[[job]] n.º 3` for messages.
fn job_label(raw: &Value, i: usize) -> String {
    match raw.get("name").and_then(Value::as_str) {
        Some(n) if !n.trim().is_empty() => format!("{n:?}"),
        _ => format!("[[job]] #{}", i + 1),
    }
}

fn check_keys(t: &Table, at: &At<'_>) -> plazo::Result<()> {
    match t.keys().find(|k| !JOB_KEYS.contains(&k.as_str())) {
        None => Ok(()),
        Some(k) => Err(at.err(
            msg::UNKNOWN_KEY,
            &[("key", &format!("{k:?}")), ("keys", &JOB_KEYS.join(", "))],
        )),
    }
}

/// Checks each value's type.
fn typed(t: &Table, at: &At<'_>) -> plazo::Result<Keys> {
    let mut k = Keys {
        enabled: true,
        ..Keys::default()
    };
    for key in JOB_KEYS {
        let Some(v) = t.get(key) else { continue };
        match key {
            "enabled" | "recursive" | "strict" | "csv_raw" | "restate"
            | "html" => {
                let b =
                    v.as_bool().ok_or_else(|| at.bad(key, msg::TYPE_BOOL))?;
                if key == "enabled" {
                    k.enabled = b;
                } else {
                    k.flags.insert(key, b);
                }
            }
            "max_rejects" => {
                // `12` or `"2%"`, checked as `--max-rejects` would be.
                let s = match v {
                    Value::Integer(n) => n.to_string(),
                    Value::String(s) => s.clone(),
                    _ => String::new(),
                };
                let place = format!("{}: {}", at.file.display(), at.job);
                plazo::policy::MaxRejects::parse(&s, "max_rejects")
                    .map_err(|e| e.at(&place))?;
                k.text.insert(key, s.trim().to_string());
            }
            "sheet_row_limit" => {
                // A testing knob (docs/CONTRACT.md §5.10): passed on as
                // `--sheet-row-limit`, which checks it.
                let s = match v {
                    Value::Integer(n) => n.to_string(),
                    Value::String(s) => s.clone(),
                    _ => return Err(at.bad(key, msg::TYPE_TEXT)),
                };
                k.text.insert(key, s);
            }
            "glpi_entity" => {
                let n = match v {
                    Value::Integer(n) => Some(*n),
                    Value::String(s) => s.trim().parse().ok(),
                    _ => None,
                };
                k.entity = Some(
                    n.filter(|n| *n >= 0)
                        .ok_or_else(|| at.bad(key, msg::TYPE_ENTITY))?,
                );
            }
            _ => {
                let s = v
                    .as_str()
                    .filter(|s| !s.trim().is_empty())
                    .ok_or_else(|| at.bad(key, msg::TYPE_TEXT))?;
                if key == "lang" && s.parse::<Lang>().is_err() {
                    return Err(at.bad(key, msg::TYPE_LANG));
                }
                k.text.insert(key, s.trim().to_string());
            }
        }
    }
    for key in ["name", "policy", "out"] {
        if !k.text.contains_key(key) {
            return Err(at.err(msg::MISSING_KEY, &[("key", &key)]));
        }
    }
    k.name = k.text["name"].clone();
    Ok(k)
}

/// The job's `plazo report` command line.
fn build(
    k: &Keys,
    at: &At<'_>,
    base: &Path,
    period: Option<&str>,
    lang: Lang,
) -> plazo::Result<Job> {
    check_source(k, at)?;
    let t = |key: &str| k.text.get(key).map(String::as_str);
    let periods = ["period", "quarter", "from"]
        .iter()
        .filter(|p| t(p).is_some())
        .count();
    if periods > 1 {
        return Err(at.err(msg::PERIOD_KEYS, &[]));
    }
    if t("from").is_some() != t("to").is_some() {
        return Err(at.err(msg::FROM_TO, &[]));
    }
    let lang = t("lang").map_or(lang, |l| l.parse().unwrap_or(lang));
    let path = |key: &str| resolve(base, &k.text[key]).into_os_string();
    let mut args: Vec<(&str, OsString)> = Vec::new();
    for key in ["policy", "tickets", "events"] {
        if k.text.contains_key(key) {
            args.push((key, path(key)));
        }
    }
    if let Some(url) = t("glpi_db") {
        args.push(("glpi-db", url.into()));
    }
    if let Some(n) = k.entity {
        args.push(("glpi-entity", n.to_string().into()));
    }
    if k.text.contains_key("surveys") {
        args.push(("surveys", path("surveys")));
    }
    if let Some(c) = t("cutoff") {
        args.push(("cutoff", c.into()));
    }
    match period {
        Some(p) => args.push(("period", p.into())),
        None => {
            for key in ["period", "quarter", "from", "to"] {
                if let Some(v) = t(key) {
                    args.push((key, v.into()));
                }
            }
        }
    }
    if k.text.contains_key("queries") {
        args.push(("queries", path("queries")));
    }
    if k.text.contains_key("decisions") {
        args.push(("decisions", path("decisions")));
    }
    let mut argv: Vec<OsString> =
        vec!["plazo".into(), "--lang".into(), lang.code().into()];
    argv.push("report".into());
    for (flag, v) in args {
        argv.push(format!("--{flag}").into());
        argv.push(v);
    }
    if k.flags.get("recursive") == Some(&false) {
        argv.push("--no-recursive".into());
    }
    if k.flags.get("strict") == Some(&true) {
        argv.push("--strict".into());
    }
    if let Some(m) = t("max_rejects") {
        argv.push("--max-rejects".into());
        argv.push(m.into());
    }
    if k.flags.get("csv_raw") == Some(&true) {
        argv.push("--csv-raw".into());
    }
    if k.flags.get("restate") == Some(&true) {
        argv.push("--restate".into());
    }
    if k.flags.get("html") == Some(&true) {
        argv.push("--html".into());
    }
    if let Some(n) = t("sheet_row_limit") {
        argv.push("--sheet-row-limit".into());
        argv.push(n.into());
    }
    argv.push("--out".into());
    argv.push(path("out"));
    Ok(Job {
        name: k.name.clone(),
        enabled: k.enabled,
        out: resolve(base, &k.text["out"]),
        argv,
    })
}

/// Files (tickets and events) or GLPI's database, one of the two; the
/// GLPI keys only with the database; never a password in the file.
fn check_source(k: &Keys, at: &At<'_>) -> plazo::Result<()> {
    let files =
        k.text.contains_key("tickets") || k.text.contains_key("events");
    let both_files =
        k.text.contains_key("tickets") && k.text.contains_key("events");
    let db = k.text.get("glpi_db");
    if files == db.is_some() || (files && !both_files) {
        return Err(at.err(msg::ONE_SOURCE, &[]));
    }
    if db.is_none() {
        for (key, given) in [
            ("glpi_entity", k.entity.is_some()),
            ("recursive", k.flags.contains_key("recursive")),
        ] {
            if given {
                return Err(at.err(msg::GLPI_KEY_WITHOUT_DB, &[("key", &key)]));
            }
        }
    }
    if let Some(url) = db {
        if let Some(masked) = masked_password(url) {
            return Err(at.err(msg::PASSWORD_IN_URL, &[("url", &masked)]));
        }
        // The whole URL, checked before any job runs.
        let place = format!("{}: {}", at.file.display(), at.job);
        Target::parse(url).map_err(|e| e.at(&place))?;
    }
    Ok(())
}

/// No two jobs with one name or one output folder.
fn check_unique(path: &Path, jobs: &[Job]) -> plazo::Result<()> {
    for (i, a) in jobs.iter().enumerate() {
        for b in &jobs[..i] {
            if a.name == b.name {
                return Err(Error::input_msg(
                    msg::DUPLICATE_NAME,
                    &[
                        ("file", &path.display()),
                        ("name", &format!("{:?}", a.name)),
                    ],
                ));
            }
            if a.out == b.out {
                return Err(Error::input_msg(
                    msg::DUPLICATE_OUT,
                    &[
                        ("file", &path.display()),
                        ("a", &format!("{:?}", b.name)),
                        ("b", &format!("{:?}", a.name)),
                        ("out", &a.out.display()),
                    ],
                ));
            }
        }
    }
    Ok(())
}

/// The command line as one shell-quoted line (for the log and
/// `--dry-run`).
pub fn shell_line(argv: &[OsString]) -> String {
    argv.iter()
        .map(|a| {
            let s = a.to_string_lossy();
            let plain = !s.is_empty()
                && s.chars().all(|c| {
                    c.is_ascii_alphanumeric() || "-_./:=@,+%".contains(c)
                });
            if plain {
                s.into_owned()
            } else {
                format!("'{}'", s.replace('\'', r"'\''"))
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use plazo::text::lang::Lang;

    use super::from_text;

    const FILE: &str = "/srv/plazo/jobs.toml";

    fn argv(text: &str) -> Vec<String> {
        let f = from_text(text, Path::new(FILE), None, Lang::Es).unwrap();
        f.jobs[0]
            .argv
            .iter()
            .map(|a| a.to_str().unwrap().to_string())
            .collect()
    }

    fn error(text: &str) -> String {
        from_text(text, Path::new(FILE), None, Lang::Es)
            .unwrap_err()
            .message(Lang::En)
            .to_string()
    }

    #[test]
    fn html_true_asks_for_the_breach_review_page() {
        let job = |html: &str| {
            format!(
                "[[job]]\nname = \"v\"\npolicy = \"p.toml\"\n\
                 tickets = \"t.csv\"\nevents = \"e.csv\"\n\
                 period = \"2026-10\"\nhtml = {html}\nout = \"o\"\n"
            )
        };
        let a = argv(&job("true"));
        assert_eq!(a[a.len() - 3..], ["--html", "--out", "/srv/plazo/o"]);
        assert!(!argv(&job("false")).contains(&"--html".to_string()));
        assert_eq!(
            error(&job("\"yes\"")),
            "/srv/plazo/jobs.toml: \"v\": html must be true or false"
        );
    }

    #[test]
    fn a_glpi_job_is_the_report_command_with_the_database_flags() {
        let a = argv(
            r#"
            [[job]]
            name = "itagui"
            policy = "itagui/policy.toml"
            glpi_db = "mysql://plazo_ro@db.example/glpi?ssl-mode=required"
            glpi_entity = 3
            recursive = false
            period = "previous-quarter"
            out = "informes/itagui"
            "#,
        );
        assert_eq!(
            a,
            [
                "plazo",
                "--lang",
                "es",
                "report",
                "--policy",
                "/srv/plazo/itagui/policy.toml",
                "--glpi-db",
                "mysql://plazo_ro@db.example/glpi?ssl-mode=required",
                "--glpi-entity",
                "3",
                "--period",
                "previous-quarter",
                "--no-recursive",
                "--out",
                "/srv/plazo/informes/itagui",
            ]
        );
        // Sub-entities are the default: no flag.
        let a = argv(
            r#"
            [[job]]
            name = "x"
            policy = "p.toml"
            glpi_db = "mysql://plazo_ro@db/glpi"
            glpi_entity = "0"
            out = "o"
            "#,
        );
        assert!(!a.contains(&"--no-recursive".to_string()), "{a:?}");
        assert!(a.windows(2).any(|w| w == ["--glpi-entity", "0"]), "{a:?}");
    }

    #[test]
    fn a_password_in_the_url_is_refused_and_never_repeated() {
        let e = error(
            r#"
            [[job]]
            name = "itagui"
            policy = "p.toml"
            glpi_db = "mysql://plazo_ro:s3cr3t@db.example:3306/glpi"
            out = "o"
            "#,
        );
        assert!(!e.contains("s3cr3t"), "{e}");
        assert!(
            e.contains("mysql://plazo_ro:***@db.example:3306/glpi"),
            "{e}"
        );
        assert!(e.contains("PLAZO_DB_PASSWORD"), "{e}");
    }

    #[test]
    fn sources_and_glpi_keys_must_agree() {
        let job = |extra: &str| {
            format!(
                "[[job]]\nname = \"a\"\npolicy = \"p.toml\"\nout = \"o\"\n{extra}"
            )
        };
        let one = "give the data as tickets and events (files) or as glpi_db";
        assert!(error(&job("")).contains(one));
        assert!(error(&job("tickets = \"t.csv\"")).contains(one));
        assert!(
            error(&job(
                "tickets = \"t.csv\"\nevents = \"e.csv\"\nglpi_db = \"mysql://h/g\""
            ))
            .contains(one)
        );
        assert!(
            error(&job(
                "tickets = \"t.csv\"\nevents = \"e.csv\"\nglpi_entity = 3"
            ))
            .contains("glpi_entity only goes with glpi_db")
        );
        assert!(
            error(&job("glpi_db = \"mysql://h/g\"\nglpi_entity = -1"))
                .contains("glpi_entity must be GLPI's entity number")
        );
    }

    #[test]
    fn defaults_are_merged_and_a_job_period_replaces_the_default_one() {
        let f = from_text(
            r#"
            [defaults]
            period = "2026-10"
            cutoff = "2026-10-31 23:59:59"
            lang = "en"
            [[job]]
            name = "a"
            policy = "p.toml"
            tickets = "../data/t.csv"
            events = "./e.csv"
            quarter = "2026Q3"
            out = "a"
            [[job]]
            name = "b"
            policy = "p.toml"
            tickets = "t.csv"
            events = "e.csv"
            strict = true
            out = "b"
            "#,
            Path::new(FILE),
            None,
            Lang::Es,
        )
        .unwrap();
        let line = |i: usize| super::shell_line(&f.jobs[i].argv);
        assert_eq!(
            line(0),
            "plazo --lang en report --policy /srv/plazo/p.toml --tickets \
             /srv/data/t.csv --events /srv/plazo/e.csv --cutoff \
             '2026-10-31 23:59:59' --quarter 2026Q3 --out /srv/plazo/a"
        );
        assert_eq!(
            line(1),
            "plazo --lang en report --policy /srv/plazo/p.toml --tickets \
             /srv/plazo/t.csv --events /srv/plazo/e.csv --cutoff \
             '2026-10-31 23:59:59' --period 2026-10 --strict --out \
             /srv/plazo/b"
        );
        assert!(f.log.is_none());
    }

    /// The README's example jobs file is valid as written (its GLPI job
    /// included: checked here without `plazo report`'s parser, which
    /// learns `--glpi-db` in the lead's branch of issue 14).
    #[test]
    fn the_readme_example_is_a_valid_jobs_file() {
        let readme = include_str!("../../../README.md");
        let section = &readme[readme.find("### `plazo run`").unwrap()..];
        let block = &section[section.find("```toml\n").unwrap() + 8..];
        let text = &block[..block.find("```").unwrap()];
        let f = from_text(text, Path::new(FILE), None, Lang::Es).unwrap();
        let lines: Vec<String> =
            f.jobs.iter().map(|j| super::shell_line(&j.argv)).collect();
        assert_eq!(lines.len(), 2);
        assert!(lines[0].ends_with(
            "--surveys /srv/plazo/exports/victimas/surveys.csv --period \
             previous-month --out /srv/plazo/informes/victimas"
        ));
        assert!(lines[1].contains(
            "--glpi-db mysql://plazo_ro@glpi.itagui.gov.co/glpi \
             --glpi-entity 3 --period previous-quarter --out"
        ));
        assert_eq!(
            f.log.as_deref(),
            Some(Path::new("/srv/plazo/informes/plazo-run.jsonl"))
        );
    }
}
