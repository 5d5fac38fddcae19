//! Arguments and plumbing shared by the commands that read ticket data.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use clap::Args;
use plazo::engine::{Engine, Exclusion, SlaRow, TicketCells};
use plazo::error::ErrorKind;
use plazo::io::formula::FreeText;
use plazo::io::watch::Watch;
use plazo::model::dataset::{Dataset, Inputs};
use plazo::model::{Builder, Ingested};
use plazo::policy::MaxRejects;
use plazo::source::glpi_db::{Db, Filter, TableRead, Target};
use plazo::source::glpi_tables;
use plazo::text::Msg;
use plazo::text::lang::Lang;
use plazo::text::msg::cli as msg;
use plazo::text::msg::cli::quiet;
use plazo::time::Instant;
use plazo::{Error, Policy};

/// `--glpi-db URL [--glpi-entity ID [--no-recursive]]`: GLPI's database
/// instead of files.
#[derive(Clone, Debug, Args)]
pub struct GlpiDbArgs {
    /// GLPI's MySQL/MariaDB database, read-only:
    /// mysql://USER@HOST[:PORT]/DATABASE[?ssl-mode=required]. The
    /// password comes from PLAZO_DB_PASSWORD or ~/.my.cnf ([client]),
    /// never from the URL.
    #[arg(long, value_name = "URL")]
    pub glpi_db: Option<String>,
    /// With --glpi-db: only the tickets of this entity (glpi_entities.id)
    /// and of its sub-entities.
    #[arg(long, value_name = "ID", requires = "glpi_db")]
    pub glpi_entity: Option<u64>,
    /// With --glpi-entity: the entity alone, without its sub-entities.
    #[arg(long, requires = "glpi_entity")]
    pub no_recursive: bool,
}

impl GlpiDbArgs {
    /// The parsed URL and the entity filter, when `--glpi-db` is given.
    pub fn source(&self) -> plazo::Result<Option<DbSource>> {
        let Some(url) = &self.glpi_db else {
            return Ok(None);
        };
        Ok(Some(DbSource {
            target: Target::parse(url)?,
            filter: Filter {
                entity: self.glpi_entity,
                recursive: !self.no_recursive,
                ..Filter::default()
            },
        }))
    }
}

/// `--deadline-rules procedure|glpi`: overrides the policy's
/// `[sla] deadline_rules` (sla, report, reconcile).
#[derive(Debug, Args)]
pub struct DeadlineRulesArg {
    /// Whose rules compute deadlines and verdicts: `procedure` (the
    /// procedure's business-time clock) or `glpi` (as GLPI 10/11 stores
    /// time_to_own / time_to_resolve). Default: the policy's `[sla]
    /// deadline_rules`, else `procedure`.
    #[arg(long, value_name = "procedure|glpi")]
    pub deadline_rules: Option<String>,
}

impl DeadlineRulesArg {
    /// Applies the override to `policy`.
    pub fn apply(&self, policy: &mut Policy) -> plazo::Result<()> {
        if let Some(r) = &self.deadline_rules {
            let rules =
                plazo::policy::DeadlineRules::parse(r, "--deadline-rules")?;
            policy.set_deadline_rules(rules);
        }
        Ok(())
    }
}

/// `--rules-at opened|solved`: overrides the policy's `[sla] rules_at`
/// (sla, report, explain, reconcile; docs/CONTRACT.md §2.8).
#[derive(Debug, Args)]
pub struct RulesAtArg {
    /// With [[versions]] in the policy, which version measures a ticket:
    /// `opened` (the one in force when it was opened) or `solved` (when
    /// it was solved; unsolved, at the cutoff). Default: the policy's
    /// `[sla] rules_at`, else `opened`.
    #[arg(long, value_name = "opened|solved")]
    pub rules_at: Option<String>,
}

impl RulesAtArg {
    /// Applies the override to `policy`.
    pub fn apply(&self, policy: &mut Policy) -> plazo::Result<()> {
        if let Some(r) = &self.rules_at {
            let r = plazo::policy::RulesAt::parse(r, "--rules-at")?;
            policy.set_rules_at(r);
        }
        Ok(())
    }
}

/// `--policy P --tickets T --events E [--surveys S] [--cutoff INSTANT]`,
/// or `--policy P --glpi-db URL`.
#[derive(Debug, Args)]
pub struct DataArgs {
    /// The entity policy (TOML).
    #[arg(long)]
    pub policy: PathBuf,
    #[command(flatten)]
    pub tables: TableArgs,
}

/// The data flags without the policy: `--tickets T --events E [--surveys
/// S] [--cutoff INSTANT] [--strict]` or `--glpi-db URL`. `plazo whatif`
/// reads them once for several policies.
#[derive(Debug, Args)]
pub struct TableArgs {
    /// Canonical tickets table (CSV, or Parquet for a .parquet path).
    #[arg(
        long,
        required_unless_present = "glpi_db",
        conflicts_with = "glpi_db"
    )]
    pub tickets: Option<PathBuf>,
    /// Canonical events table: the status history (CSV or Parquet).
    #[arg(
        long,
        required_unless_present = "glpi_db",
        conflicts_with = "glpi_db"
    )]
    pub events: Option<PathBuf>,
    /// Canonical surveys table (CSV or Parquet).
    #[arg(long, conflicts_with = "glpi_db")]
    pub surveys: Option<PathBuf>,
    #[command(flatten)]
    pub db: GlpiDbArgs,
    /// Measure as of this instant (ISO 8601 or local time in the policy's
    /// zone); events after it are ignored. Default: now.
    #[arg(long)]
    pub cutoff: Option<String>,
    /// Treat rejected input rows as an error (exit 2) instead of a warning.
    #[arg(long)]
    pub strict: bool,
    #[command(flatten)]
    pub rules_at: RulesAtArg,
}

/// The data half of a command's resolved plan: the policy loaded, the
/// cutoff fixed in the policy's zone, every input table checked to be a
/// file. Built before any table is read, so that a usage error (a bad
/// `--cutoff`, a misspelt path) is reported at once, not after a long
/// load.
#[derive(Debug)]
pub struct DataPlan {
    pub policy: Policy,
    /// The policy file, as given.
    pub policy_path: PathBuf,
    /// The tables: files, or GLPI's database.
    pub inputs: DataSource,
    pub cutoff: Instant,
    /// True when `--cutoff` was given (else `cutoff` is the plan's "now").
    pub cutoff_given: bool,
    pub strict: bool,
    /// The input files as they were before reading: checked again before
    /// any output is committed ([`inputs_unchanged`]).
    pub watch: Watch,
}

/// GLPI's database and which of its tickets to read.
#[derive(Clone, Debug)]
pub struct DbSource {
    pub target: Target,
    pub filter: Filter,
}

/// Where the tickets come from.
#[derive(Clone, Debug)]
pub enum DataSource {
    /// Canonical tables (CSV or Parquet).
    Files(Inputs),
    /// GLPI's database (`--glpi-db`).
    Db(DbSource),
    /// Precomputed per-ticket rows (`plazo report --sla-rows`): the
    /// files of the path given, in reading order.
    Rows(Vec<PathBuf>),
}

impl DataSource {
    /// Where the tickets are read from, for messages: the tickets file
    /// or the masked URL.
    pub fn describe(&self) -> String {
        match self {
            DataSource::Files(f) => f.tickets.display().to_string(),
            DataSource::Db(d) => d.target.masked(),
            DataSource::Rows(f) => {
                f.first().map_or(String::new(), |p| p.display().to_string())
            }
        }
    }
}

/// What the data commands work on.
pub struct Loaded {
    /// For `--glpi-db`: each table read, with its rows and hash.
    pub db_reads: Vec<TableRead>,
    pub policy: Policy,
    pub ds: Dataset,
    /// The policy's ticket columns, read once (their rejects moved into
    /// `ds.rejects`).
    pub cells: TicketCells,
    pub cutoff: Instant,
    /// With `--sla-rows`: the rows read and their facts (the engine has
    /// no events to evaluate).
    pub pre: Option<plazo::engine::sla_rows::Read>,
}

/// Checks that `path`, given with `flag`, is an existing file.
pub fn input_file(flag: &str, path: &Path) -> plazo::Result<()> {
    if path.is_file() {
        return Ok(());
    }
    let m = if path.is_dir() {
        msg::INPUT_IS_DIR
    } else {
        msg::INPUT_MISSING
    };
    Err(Error::input_msg(
        m,
        &[("flag", &flag), ("path", &path.display())],
    ))
}

impl DataArgs {
    /// Resolves the arguments: loads the policy, reads `--cutoff` in its
    /// zone (default: now), checks the input files.
    pub fn plan(&self, lang: Lang) -> plazo::Result<DataPlan> {
        self.tables.plan(&self.policy, lang)
    }
}

impl TableArgs {
    /// [`DataArgs::plan`] with the policy file `policy_path`.
    pub fn plan(
        &self,
        policy_path: &Path,
        lang: Lang,
    ) -> plazo::Result<DataPlan> {
        self.plan_rows(policy_path, lang, None)
    }

    /// [`TableArgs::plan`], reading precomputed rows from `rows` (a file
    /// or a folder of parts) instead of the tables when given.
    pub fn plan_rows(
        &self,
        policy_path: &Path,
        lang: Lang,
        rows: Option<&Path>,
    ) -> plazo::Result<DataPlan> {
        input_file("--policy", policy_path)?;
        let mut watch = Watch::default();
        watch.add(policy_path)?;
        let mut policy = Policy::load_in(policy_path, lang)?;
        self.rules_at.apply(&mut policy)?;
        let cutoff = match &self.cutoff {
            Some(c) => {
                Instant::parse(c, policy.tz()).map_err(|e| e.at("--cutoff"))?
            }
            None => Instant::from(chrono::Utc::now()),
        };
        let inputs = match (self.db.source()?, &self.tickets, &self.events) {
            _ if let Some(path) = rows => {
                if !path.exists() {
                    input_file("--sla-rows", path)?;
                }
                let files = plazo::engine::sla_rows::files(path)?;
                for f in &files {
                    watch.add(f)?;
                }
                DataSource::Rows(files)
            }
            (Some(db), _, _) => DataSource::Db(db),
            (None, Some(tickets), Some(events)) => {
                input_file("--tickets", tickets)?;
                input_file("--events", events)?;
                watch.add(tickets)?;
                watch.add(events)?;
                if let Some(s) = &self.surveys {
                    input_file("--surveys", s)?;
                    watch.add(s)?;
                }
                let survey_questions = policy
                    .survey_form()
                    .questions
                    .iter()
                    .map(|(column, _)| column.clone())
                    .collect();
                DataSource::Files(Inputs {
                    tickets: tickets.clone(),
                    events: events.clone(),
                    surveys: self.surveys.clone(),
                    survey_questions,
                })
            }
            // clap requires both files without --glpi-db.
            _ => return Err(Error::input_msg(msg::NEED_TICKETS_EVENTS, &[])),
        };
        Ok(DataPlan {
            policy,
            policy_path: policy_path.to_path_buf(),
            inputs,
            cutoff,
            cutoff_given: self.cutoff.is_some(),
            strict: self.strict,
            watch,
        })
    }
}

impl DataPlan {
    /// Loads the tables and checks them (rejects, with reasons in
    /// `lang`; `--strict`).
    pub fn load(self, lang: Lang) -> anyhow::Result<Loaded> {
        self.load_shard(lang, None)
    }

    /// [`DataPlan::load`], with a shard only the rows of its tickets
    /// (`plazo sla --shard`; files only, GLPI's database is read whole).
    pub fn load_shard(
        self,
        lang: Lang,
        shard: Option<plazo::model::shard::Shard>,
    ) -> anyhow::Result<Loaded> {
        if let DataSource::Rows(files) = &self.inputs {
            let files = files.clone();
            return self.load_rows(files);
        }
        let DataPlan {
            policy,
            inputs,
            cutoff,
            strict,
            ..
        } = self;
        let (mut ds, db_reads) = match (&inputs, shard) {
            (DataSource::Files(files), Some(s)) => (
                Dataset::load_shard(files, policy.tz(), lang, s)?,
                Vec::new(),
            ),
            (DataSource::Files(files), None) => {
                (Dataset::load_in(files, policy.tz(), lang)?, Vec::new())
            }
            (DataSource::Db(db), _) => read_db(db, policy.tz(), lang)?,
            (DataSource::Rows(_), _) => unreachable!("read by load_rows"),
        };
        // Unreadable cells of the policy's ticket columns: the tickets
        // are kept, the cells listed as rejects.
        let mut cells = TicketCells::read(&policy, &ds, lang)?;
        ds.rejects.append(&mut cells.rejects);
        hide_people(&policy, &mut ds, lang)?;
        strict_rejects(strict, &ds)?;
        Ok(Loaded {
            db_reads,
            policy,
            ds,
            cells,
            cutoff,
            pre: None,
        })
    }

    /// Reads precomputed rows (`--sla-rows`): checked against the policy
    /// file's hash and the cutoff. Names are as the rows have them (the
    /// people were already replaced when they were written).
    fn load_rows(self, files: Vec<PathBuf>) -> anyhow::Result<Loaded> {
        let sha =
            plazo::report::InputFile::hash("policy", &self.policy_path, 0)?;
        let expect = plazo::engine::sla_rows::Expect {
            policy: &self.policy,
            policy_sha256: &sha.sha256,
            cutoff: self.cutoff,
        };
        let read = plazo::engine::sla_rows::read(&files, expect)?;
        Ok(Loaded {
            db_reads: Vec::new(),
            policy: self.policy,
            ds: read.ds,
            cells: TicketCells::default(),
            cutoff: self.cutoff,
            pre: Some(read.rows),
        })
    }
}

/// Reads GLPI's database `db` into a dataset, through the same table
/// reader and model builder as GLPI's dumps; returns each table read.
pub fn read_db(
    db: &DbSource,
    tz: chrono_tz::Tz,
    lang: Lang,
) -> plazo::Result<(Dataset, Vec<TableRead>)> {
    let (ingested, reads) = ingest_db(db, tz, lang)?;
    Ok((Dataset::from_ingested(&ingested), reads))
}

/// GLPI's database `db` read into the canonical tables.
pub fn ingest_db(
    db: &DbSource,
    tz: chrono_tz::Tz,
    lang: Lang,
) -> plazo::Result<(Ingested, Vec<TableRead>)> {
    let mut conn = Db::connect(&db.target, tz)?;
    let tables = conn.tables(&db.filter)?;
    let mut b = Builder::new(tz, lang);
    glpi_tables::read_tables(&tables, tz, &mut b)?;
    Ok((b.finish()?, conn.reads))
}

/// `--strict`: fails on the first rejected row or cell of `ds`, if any.
pub fn strict_rejects(strict: bool, ds: &Dataset) -> anyhow::Result<()> {
    if strict && !ds.rejects.is_empty() {
        let r = &ds.rejects[0];
        return Err(Error::input_msg(
            msg::STRICT_REJECTS,
            &[
                ("n", &ds.rejects.len()),
                ("file", &r.file),
                ("line", &r.line),
                ("column", &r.column),
                ("value", &format!("{:?}", r.value)),
                ("reason", &r.reason),
            ],
        )
        .into());
    }
    Ok(())
}

/// The environment variable that holds the pseudonym key
/// (docs/CONTRACT.md §2.7): read here only, never printed or written.
pub const PSEUDONYM_KEY_VAR: &str = "PLAZO_PSEUDONYM_KEY";

/// `[report] people`: replaces the people's names in `ds` once, right
/// after loading and after the policy's ticket columns are read, so that
/// every output of every command sees only the labels
/// ([`plazo::model::people`]). The key is read only for `pseudonyms`.
fn hide_people(
    policy: &Policy,
    ds: &mut Dataset,
    lang: Lang,
) -> plazo::Result<()> {
    let mode = policy.report().people;
    let key = people_key(policy);
    plazo::model::people::hide(ds, mode, key.as_deref(), lang)
}

/// The pseudonym key from the environment, read only for `pseudonyms`.
pub fn people_key(policy: &Policy) -> Option<Vec<u8>> {
    (policy.report().people == plazo::policy::People::Pseudonyms)
        .then(|| std::env::var_os(PSEUDONYM_KEY_VAR))
        .flatten()
        .map(std::ffi::OsString::into_encoded_bytes)
}

impl Loaded {
    /// The engine for these data.
    pub fn engine(&self) -> plazo::Result<Engine<'_>> {
        Engine::with_cells(&self.policy, &self.ds, self.cutoff, &self.cells)
    }
}

/// Stages the rejected rows and cells of `ds` for `path` in `batch` (text
/// cells through `text`), or, when there are none, has the batch remove a
/// `path` left by an earlier run (it would describe other inputs).
pub fn write_rejects(
    ds: &Dataset,
    path: &std::path::Path,
    batch: &mut plazo::io::atomic::Batch,
    text: FreeText,
) -> plazo::Result<()> {
    if ds.rejects.is_empty() {
        batch.remove(path);
        return Ok(());
    }
    let tmp = batch.stage(path, "")?;
    let view = plazo::model::write::rejects_view(&ds.rejects, text);
    let csv = plazo::model::write::Format::Csv;
    plazo::model::write::write_table_as(&tmp, path, &view, csv)
}

/// Fails when an input file changed since the run first looked at it
/// (`plazo::io::watch`): called after the last read, before the outputs
/// are committed, so that a file rewritten during the run gives an error
/// and no output rather than a report of half of each version.
pub fn inputs_unchanged(watch: &Watch) -> plazo::Result<()> {
    test_pause();
    watch.check()
}

/// Test hook (tests/it/faults.rs), inert unless `PLAZO_TEST_PAUSE` is
/// set: creates `$PLAZO_TEST_PAUSE.ready`, then waits (up to a minute)
/// until the file `$PLAZO_TEST_PAUSE` exists, so that a test can change
/// an input at exactly this point of the run.
fn test_pause() {
    let Some(p) = std::env::var_os("PLAZO_TEST_PAUSE").map(PathBuf::from)
    else {
        return;
    };
    let mut ready = p.clone().into_os_string();
    ready.push(".ready");
    let _ = std::fs::write(&ready, b"");
    for _ in 0..6000 {
        if p.exists() {
            return;
        }
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
}

/// A progress bar on stderr labelled `label`, hidden unless stderr is a
/// terminal and `--quiet` is off (cron logs stay clean).
pub fn progress(
    total: u64,
    label: &str,
    quiet: bool,
) -> indicatif::ProgressBar {
    use std::io::IsTerminal;
    if quiet || !std::io::stderr().is_terminal() {
        return indicatif::ProgressBar::hidden();
    }
    let bar = indicatif::ProgressBar::new(total);
    if let Ok(style) = indicatif::ProgressStyle::with_template(
        "{msg} [{bar:30}] {pos}/{len} ({per_sec})",
    ) {
        bar.set_style(style.progress_chars("=> "));
    }
    bar.set_message(label.to_string());
    bar
}

pub use plazo::text::thousands;

/// `--max-rejects N|P%` and `--csv-raw`: the commands that read inputs
/// and write CSV outputs (`sla`, `report`, `ingest`; `plazo run` jobs
/// through `max_rejects` / `csv_raw`). docs/ROBUSTNESS.md.
#[derive(Clone, Debug, Default, Args)]
pub struct GuardArgs {
    /// Fail (exit 1; only the rejects file is written) when more rows or
    /// cells are rejected than N, or than P% of the data rows read (e.g.
    /// 2%). Default: the policy's `[checks] max_rejects`, else no limit.
    #[arg(long, value_name = "N|P%")]
    pub max_rejects: Option<String>,
    /// Write the free-text cells of CSV outputs as they are: no leading
    /// `'` on a cell that starts with =, +, -, @, tab or CR (formula
    /// injection guard, docs/ROBUSTNESS.md).
    #[arg(long)]
    pub csv_raw: bool,
}

/// [`GuardArgs`] resolved against the policy.
#[derive(Clone, Debug, Default)]
pub struct Guards {
    /// The threshold and the policy file it came from (`None`: from
    /// `--max-rejects`).
    pub max: Option<(MaxRejects, Option<PathBuf>)>,
    /// How the free-text cells of CSV outputs are written.
    pub text: FreeText,
}

impl GuardArgs {
    /// `--max-rejects` (checked now, a usage error when malformed), else
    /// the policy's `[checks] max_rejects`.
    pub fn resolve(
        &self,
        policy: Option<(&Policy, &Path)>,
    ) -> plazo::Result<Guards> {
        let max = match (&self.max_rejects, policy) {
            (Some(s), _) => {
                Some((MaxRejects::parse(s, "--max-rejects")?, None))
            }
            (None, Some((p, path))) => {
                p.max_rejects().map(|m| (m, Some(path.to_path_buf())))
            }
            (None, None) => None,
        };
        Ok(Guards {
            max,
            text: FreeText::from_raw(self.csv_raw),
        })
    }
}

/// An error (exit 1) whose text is composed per language by `f`.
pub fn failure_in(f: impl Fn(Lang) -> String) -> Error {
    Error::new(ErrorKind::Failure, f(Lang::Es), f(Lang::En))
}

/// `n` of `of` as a percentage with one decimal (`12,5 %`).
fn share(n: u64, of: u64, lang: Lang) -> String {
    if of == 0 {
        return "-".into();
    }
    let s = format!("{:.1} %", n as f64 * 100.0 / of as f64);
    match lang {
        Lang::Es => s.replace('.', ","),
        _ => s,
    }
}

impl Guards {
    /// Fails (exit 1) when `rejects` of `rows` read is above the
    /// threshold. The message names the counts, the threshold and where
    /// it was set, what was not written (`what`, filled with `out`) and
    /// the rejects file.
    pub fn check_rejects(
        &self,
        rejects: u64,
        rows: u64,
        rejects_path: &Path,
        what: Msg,
        out: &Path,
    ) -> plazo::Result<()> {
        let Some((max, from)) = &self.max else {
            return Ok(());
        };
        if !max.exceeded(rejects, rows) {
            return Ok(());
        }
        Err(failure_in(|lang| {
            let source = match from {
                None => quiet::FROM_FLAG.get(lang).to_string(),
                Some(p) => {
                    quiet::FROM_POLICY.fill(lang, &[("policy", &p.display())])
                }
            };
            quiet::MAX_REJECTS_EXCEEDED.fill(
                lang,
                &[
                    ("n", &thousands(rejects, lang)),
                    ("rows", &thousands(rows, lang)),
                    ("pct", &share(rejects, rows, lang)),
                    ("max", max),
                    ("source", &source),
                    ("what", &what.fill(lang, &[("out", &out.display())])),
                    ("path", &rejects_path.display()),
                ],
            )
        }))
    }
}

/// The summary's first sentence when rows or cells were rejected
/// (`None` when there are none): a summary starts with them, so that a
/// log read in a hurry does not miss them.
pub fn rejects_first(n: u64, path: &Path, lang: Lang) -> Option<String> {
    (n > 0).then(|| {
        quiet::REJECTS_FIRST.fill(
            lang,
            &[("n", &thousands(n, lang)), ("path", &path.display())],
        )
    })
}

impl Loaded {
    /// The data rows read: tickets, events and surveys (rejected rows
    /// included), the denominator of `--max-rejects P%`.
    pub fn rows_read(&self) -> u64 {
        let s = &self.ds.stats;
        let other: u64 = s.other_shard.iter().sum();
        s.ticket_rows + s.event_rows + s.survey_rows - other
    }

    /// `--max-rejects` on the loaded data; on failure the rejects file is
    /// written first, so that the reasons are there to read.
    pub fn check_rejects(
        &self,
        g: &Guards,
        rejects: &Path,
        what: Msg,
        out: &Path,
    ) -> plazo::Result<()> {
        let n = self.ds.rejects.len() as u64;
        let res = g.check_rejects(n, self.rows_read(), rejects, what, out);
        if res.is_err() {
            write_rejects_beside(&self.ds, rejects, g.text)?;
        }
        res
    }

    /// Fails (exit 1) when no ticket is left to measure: none accepted,
    /// or every one excluded. A `no_target` ticket still counts (its
    /// business times are measured; a policy may have no targets at
    /// all); `keep` says which other excluded rows count: `report` keeps
    /// the tickets opened after its cutoff, so that a period before the
    /// data is an empty period, not a failure. The rejects file is
    /// written first.
    pub fn check_measurable(
        &self,
        rows: &[SlaRow],
        keep: impl Fn(&SlaRow) -> bool,
        g: &Guards,
        rejects: &Path,
        what: Msg,
        out: &Path,
    ) -> plazo::Result<()> {
        let mut m = Measured::default();
        for r in rows {
            m.add(r, &self.policy, &keep);
        }
        self.check_measured(&m, g, rejects, what, out)
    }

    /// [`Loaded::check_measurable`] on rows counted as they were
    /// evaluated (`plazo sla` streams its rows and keeps none).
    ///
    /// # Errors
    ///
    /// As [`Loaded::check_measurable`].
    pub fn check_measured(
        &self,
        m: &Measured,
        g: &Guards,
        rejects: &Path,
        what: Msg,
        out: &Path,
    ) -> plazo::Result<()> {
        if m.any {
            return Ok(());
        }
        write_rejects_beside(&self.ds, rejects, g.text)?;
        let n = self.ds.rejects.len() as u64;
        let by_reason = &m.by_reason;
        let tickets = m.tickets;
        Err(failure_in(|lang| {
            let reasons = by_reason
                .values()
                .map(|(e, v, k)| {
                    format!(
                        "{} {}",
                        e.describe_in(self.policy.version_policy(*v), lang),
                        thousands(*k, lang)
                    )
                })
                .collect::<Vec<_>>()
                .join(", ");
            let reasons = if reasons.is_empty() {
                reasons
            } else {
                format!(": {reasons}")
            };
            let rejected = rejected_part(n, rejects, lang);
            let what = what.fill(lang, &[("out", &out.display())]);
            let rows_read = thousands(self.ds.stats.ticket_rows, lang);
            if tickets == 0 {
                return quiet::NOTHING_ACCEPTED.fill(
                    lang,
                    &[
                        ("rows", &rows_read),
                        ("rejected", &rejected),
                        ("what", &what),
                    ],
                );
            }
            quiet::NOTHING_TO_MEASURE.fill(
                lang,
                &[
                    ("rows", &rows_read),
                    ("tickets", &thousands(tickets, lang)),
                    ("excluded", &thousands(tickets, lang)),
                    ("reasons", &reasons),
                    ("rejected", &rejected),
                    ("what", &what),
                ],
            )
        }))
    }
}

/// What a run measured, counted row by row: the tickets evaluated,
/// whether any is measured (not excluded, or excluded only for having
/// no target), and the excluded ones by reason.
#[derive(Debug, Default)]
pub struct Measured {
    tickets: u64,
    any: bool,
    by_reason: BTreeMap<String, (Exclusion, u16, u64)>,
}

impl Measured {
    /// Counts `r`; `keep` says whether an excluded row still counts as
    /// measured (a report keeps some).
    pub fn add(
        &mut self,
        r: &SlaRow,
        policy: &Policy,
        keep: impl Fn(&SlaRow) -> bool,
    ) {
        self.tickets += 1;
        if matches!(r.excluded, None | Some(Exclusion::NoTarget)) || keep(r) {
            self.any = true;
        }
        if let Some(e) = r.excluded {
            let name = e.name(policy.version_policy(r.version));
            match self.by_reason.get_mut(name) {
                Some(n) => n.2 += 1,
                None => {
                    self.by_reason.insert(name.into(), (e, r.version, 1));
                }
            }
        }
    }
}

/// "; 12 rows or cells rejected, with their reason in PATH" (empty when
/// none): a part of the nothing-to-measure messages.
pub fn rejected_part(n: u64, rejects: &Path, lang: Lang) -> String {
    if n == 0 {
        return String::new();
    }
    quiet::NOTHING_REJECTED_PART.fill(
        lang,
        &[("n", &thousands(n, lang)), ("path", &rejects.display())],
    )
}

/// [`write_rejects`] on a failed run: the folder is created first (a
/// report's output folder may not exist yet).
fn write_rejects_beside(
    ds: &Dataset,
    path: &Path,
    text: FreeText,
) -> plazo::Result<()> {
    // `plazo sla --out -` without `--rejects`: none written.
    if path.as_os_str().is_empty() {
        return Ok(());
    }
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir).map_err(|e| Error::io(dir, &e))?;
    }
    let mut batch = plazo::io::atomic::Batch::new(
        path.parent()
            .filter(|d| !d.as_os_str().is_empty())
            .unwrap_or(Path::new(".")),
    );
    write_rejects(ds, path, &mut batch, text)?;
    batch.commit().map(|_| ())
}
