//! `plazo run jobs.toml`: many reports, one cron line.
//!
//! The jobs file lists one `[[job]]` per report (an entity's policy, its
//! data, its output folder, its period). Each job is the exact `plazo
//! report` command line it stands for: built from the job's keys, parsed
//! by the same command-line definition and run in-process. The whole
//! file is read, checked and every job's command line parsed before the
//! first job starts; a bad file runs nothing (exit 2). Then each job runs
//! in turn, holding its output folder's lock; a failed job is logged and
//! the next one runs. One line per job on stderr, one JSON line per job
//! and one for the run in the run log; exit 1 when any job failed.

mod jobs;
mod lock;
mod log;

use std::path::{Path, PathBuf};
use std::time::Instant;

use clap::{Args, Parser};
use plazo::Error;
use plazo::text::lang::Lang;
use plazo::text::msg::cli::run as msg;

use super::common::thousands;
use super::report::{self, Outcome, ReportArgs};
use super::{Cli, Command, Global};
use jobs::{Job, JobsFile};
use log::{Failure, Input, JobRecord, Log, Rows, RunRecord};

#[derive(Debug, Args)]
pub struct RunArgs {
    /// The jobs file (TOML): one [[job]] table per report; paths in it
    /// are relative to its folder (docs/CONTRACT.md §7.5).
    pub jobs: PathBuf,
    /// The period of every job, replacing the jobs file's period,
    /// quarter, from and to: 2026-10, 2026Q3, previous-month or
    /// previous-quarter.
    #[arg(long)]
    pub period: Option<String>,
    /// Run only the job of this name (repeatable), even when it has
    /// `enabled = false`.
    #[arg(long, value_name = "NAME")]
    pub only: Vec<String>,
    /// The run log (JSON lines, appended). Default: the jobs file's
    /// `log` key, else plazo-run.jsonl beside the jobs file.
    #[arg(long)]
    pub log: Option<PathBuf>,
    /// Print each job's `plazo report` command line on stdout and run
    /// nothing.
    #[arg(long)]
    pub dry_run: bool,
}

/// The run, resolved before any job starts.
#[derive(Debug)]
struct Plan {
    file: JobsFile,
    /// The jobs to run, in file order.
    run: Vec<Job>,
    /// The jobs left out: (name, disabled by `enabled = false`).
    skipped: Vec<(String, bool)>,
    log: PathBuf,
}

impl RunArgs {
    fn plan(&self, g: &Global) -> plazo::Result<Plan> {
        let file = jobs::read(&self.jobs, self.period.as_deref(), g.lang)?;
        let names = || {
            file.jobs
                .iter()
                .map(|j| j.name.as_str())
                .collect::<Vec<_>>()
                .join(", ")
        };
        if let Some(n) = self
            .only
            .iter()
            .find(|n| !file.jobs.iter().any(|j| &j.name == *n))
        {
            return Err(Error::input_msg(
                msg::UNKNOWN_ONLY,
                &[
                    ("name", &format!("{n:?}")),
                    ("file", &self.jobs.display()),
                    ("names", &names()),
                ],
            ));
        }
        let (mut run, mut skipped) = (Vec::new(), Vec::new());
        for j in &file.jobs {
            let chosen = if self.only.is_empty() {
                j.enabled
            } else {
                self.only.contains(&j.name)
            };
            if chosen {
                parse(j, &file.path)?;
                run.push(j.clone());
            } else {
                skipped.push((j.name.clone(), self.only.is_empty()));
            }
        }
        let log = match (&self.log, &file.log) {
            (Some(l), _) => l.clone(),
            (None, Some(l)) => l.clone(),
            (None, None) => jobs::resolve(
                std::path::absolute(&self.jobs)
                    .map_err(|e| Error::io(&self.jobs, &e))?
                    .parent()
                    .unwrap_or(Path::new("")),
                "plazo-run.jsonl",
            ),
        };
        Ok(Plan {
            file,
            run,
            skipped,
            log,
        })
    }
}

/// The job's command line, parsed by `plazo`'s own definition: the
/// report's arguments and options (`--quiet` added: `plazo run` prints
/// its own line per job).
fn parse(job: &Job, file: &Path) -> plazo::Result<(ReportArgs, Global)> {
    match Cli::try_parse_from(&job.argv) {
        Ok(Cli {
            command: Command::Report(a),
            mut global,
        }) => {
            global.quiet = true;
            Ok((a, global))
        }
        Ok(_) => unreachable!("the job's command line is a report"),
        Err(e) => {
            let text = e.render().to_string();
            let first = text.lines().next().unwrap_or_default();
            Err(Error::input_msg(
                msg::BAD_COMMAND,
                &[
                    ("file", &file.display()),
                    ("job", &format!("{:?}", job.name)),
                    ("command", &jobs::shell_line(&job.argv)),
                    ("error", &first.trim_start_matches("error: ")),
                ],
            ))
        }
    }
}

pub fn run(a: RunArgs, g: &Global) -> anyhow::Result<()> {
    let plan = a.plan(g)?;
    if a.dry_run {
        for j in &plan.run {
            println!("{}", jobs::shell_line(&j.argv));
        }
        return Ok(());
    }
    let mut log = Log::open(&plan.log)?;
    let (t0, started) = (Instant::now(), log::utc_now());
    let run_id = format!("{started}-{}", std::process::id());
    if !g.quiet {
        for (name, _) in plan.skipped.iter().filter(|(_, off)| *off) {
            eprintln!("{}", msg::JOB_DISABLED.fill(g.lang, &[("job", name)]));
        }
    }
    let mut failed = Vec::new();
    let mut log_error = None;
    for job in &plan.run {
        let rec = run_job(job, &plan.file.path, &run_id, g);
        if rec.error.is_some() {
            failed.push(job.name.clone());
        }
        if let Err(e) = log.write(&rec)
            && log_error.is_none()
        {
            eprintln!("plazo: {}", e.message(g.lang));
            log_error = Some(e);
        }
    }
    let exit_code = u8::from(!failed.is_empty() || log_error.is_some());
    let record = RunRecord {
        record: "run",
        run: run_id,
        jobs_file: plan.file.path.display().to_string(),
        started,
        duration_s: seconds(t0),
        period: a.period.clone(),
        jobs: plan.run.iter().map(|j| j.name.clone()).collect(),
        ok: plan.run.len() - failed.len(),
        failed: failed.clone(),
        skipped: plan.skipped.iter().map(|(n, _)| n.clone()).collect(),
        exit_code,
    };
    if log_error.is_none() {
        log.write(&record)?;
    }
    end(&plan, &record, log.path(), g, log_error)
}

/// The run's last word: the summary line, or the error (exit 1) naming
/// the failed jobs.
fn end(
    plan: &Plan,
    r: &RunRecord,
    log: &Path,
    g: &Global,
    log_error: Option<Error>,
) -> anyhow::Result<()> {
    if !r.failed.is_empty() {
        return Err(Error::failure_msg(
            msg::RUN_FAILED,
            &[
                ("failed", &r.failed.len()),
                ("total", &r.jobs.len()),
                ("names", &r.failed.join(", ")),
                ("log", &log.display()),
            ],
        )
        .into());
    }
    if let Some(e) = log_error {
        return Err(e.into());
    }
    if !g.quiet {
        eprintln!(
            "{}",
            msg::RUN_OK.fill(
                g.lang,
                &[
                    ("file", &plan.file.path.display()),
                    ("ok", &r.ok),
                    ("total", &r.jobs.len()),
                    ("secs", &decimal(r.duration_s, g.lang)),
                    ("log", &log.display()),
                ],
            )
        );
    }
    Ok(())
}

/// Runs one job under its folder's lock; never fails: the error goes
/// into the record.
fn run_job(job: &Job, file: &Path, run_id: &str, g: &Global) -> JobRecord {
    let (t0, started) = (Instant::now(), log::utc_now());
    let result =
        lock::take(&job.out)
            .map_err(anyhow::Error::from)
            .and_then(|lock| {
                let (args, global) = parse(job, file)?;
                let done =
                    std::panic::catch_unwind(std::panic::AssertUnwindSafe(
                        || report::execute(args, &global),
                    ))
                    .unwrap_or_else(|p| Err(panicked(p.as_ref()).into()));
                drop(lock);
                done
            });
    let mut rec = JobRecord {
        record: "job",
        run: run_id.to_string(),
        job: job.name.clone(),
        status: "ok",
        started,
        duration_s: 0.0,
        period: None,
        command: job
            .argv
            .iter()
            .map(|a| a.to_string_lossy().into_owned())
            .collect(),
        out: job.out.display().to_string(),
        inputs: Vec::new(),
        rows: Rows::default(),
        outputs: Vec::new(),
        workbook: None,
        error: None,
    };
    match result {
        Ok(o) => fill(&mut rec, o),
        Err(e) => {
            rec.status = "failed";
            let code = crate::exit_code(&e);
            rec.error = Some(Failure {
                kind: if code == 2 { "input" } else { "failure" },
                exit_code: code,
                message: crate::message(&e, g.lang),
            });
        }
    }
    rec.duration_s = seconds(t0);
    eprint_job(&rec, g);
    rec
}

/// What the report did, into the job's record.
fn fill(rec: &mut JobRecord, o: Outcome) {
    rec.period = Some(o.period);
    rec.inputs = o
        .inputs
        .into_iter()
        .map(|i| Input {
            role: i.role,
            path: i.path.display().to_string(),
            rows: i.rows,
            sha256: i.sha256,
        })
        .collect();
    rec.rows = Rows {
        tickets: o.tickets,
        events: o.events,
        surveys: o.surveys,
        rejects: o.rejects,
    };
    rec.workbook = Some(o.workbook.display().to_string());
    rec.outputs = o.files.iter().map(|f| f.display().to_string()).collect();
}

/// A job's line on stderr: `✓` unless `--quiet`, `✗` always.
fn eprint_job(rec: &JobRecord, g: &Global) {
    let secs = decimal(rec.duration_s, g.lang);
    if let Some(e) = &rec.error {
        eprintln!(
            "{}",
            msg::JOB_FAILED.fill(
                g.lang,
                &[("job", &rec.job), ("error", &e.message), ("secs", &secs)],
            )
        );
        return;
    }
    if g.quiet {
        return;
    }
    let rejects = if rec.rows.rejects > 0 {
        msg::JOB_REJECTS
            .fill(g.lang, &[("n", &thousands(rec.rows.rejects, g.lang))])
    } else {
        String::new()
    };
    let line = msg::JOB_OK.fill(
        g.lang,
        &[
            ("job", &rec.job),
            ("rejects", &rejects),
            ("period", &rec.period.as_deref().unwrap_or("-")),
            ("n_tickets", &thousands(rec.rows.tickets, g.lang)),
            ("files", &rec.outputs.len()),
            ("out", &rec.out),
            ("secs", &secs),
        ],
    );
    eprintln!("{line}");
}

/// A panic inside a job (a bug) as an error, so that the next job runs.
fn panicked(p: &(dyn std::any::Any + Send)) -> Error {
    let what = p
        .downcast_ref::<&str>()
        .map(|s| s.to_string())
        .or_else(|| p.downcast_ref::<String>().cloned())
        .unwrap_or_default();
    Error::failure_msg(msg::PANICKED, &[("what", &what)])
}

fn seconds(t0: Instant) -> f64 {
    (t0.elapsed().as_secs_f64() * 1000.0).round() / 1000.0
}

/// `1.2` / `1,2` with one decimal.
fn decimal(x: f64, lang: Lang) -> String {
    let s = format!("{x:.1}");
    match lang {
        Lang::Es => s.replace('.', ","),
        _ => s,
    }
}
