//! The run log: JSON lines appended to one file, one line per job as it
//! ends and one line for the run at its end (docs/CONTRACT.md §7.5). The
//! file is opened with `O_APPEND` and each line goes out in one write, so
//! two runs appending at once never interleave inside a line.

use std::fs::{File, OpenOptions};
use std::io::Write;
use std::path::{Path, PathBuf};

use plazo::Error;
use serde::Serialize;

/// One input file of a job.
#[derive(Debug, Serialize)]
pub struct Input {
    /// `policy`, `tickets`, `events` or `surveys`.
    pub role: String,
    pub path: String,
    /// Data rows read (0 for the policy).
    pub rows: u64,
    pub sha256: String,
}

/// Accepted rows and rejects of a job.
#[derive(Debug, Default, Serialize)]
pub struct Rows {
    pub tickets: u64,
    pub events: u64,
    pub surveys: u64,
    pub rejects: u64,
}

/// Why a job failed.
#[derive(Debug, Serialize)]
pub struct Failure {
    /// `input` (exit code 2 of `plazo report`) or `failure` (1).
    pub kind: &'static str,
    pub exit_code: u8,
    /// In the run's language.
    pub message: String,
}

/// One job's line.
#[derive(Debug, Serialize)]
pub struct JobRecord {
    /// Always `"job"`.
    pub record: &'static str,
    pub run: String,
    pub job: String,
    /// `ok` or `failed`.
    pub status: &'static str,
    /// Start, UTC (RFC 3339).
    pub started: String,
    pub duration_s: f64,
    /// The period's label, once resolved (None when the job failed
    /// before).
    pub period: Option<String>,
    /// The `plazo report` command line the job ran, one string per
    /// argument.
    pub command: Vec<String>,
    pub out: String,
    pub inputs: Vec<Input>,
    pub rows: Rows,
    pub outputs: Vec<String>,
    /// The workbook (also in `outputs`).
    pub workbook: Option<String>,
    pub error: Option<Failure>,
}

/// The run's line, written last.
#[derive(Debug, Serialize)]
pub struct RunRecord {
    /// Always `"run"`.
    pub record: &'static str,
    pub run: String,
    pub jobs_file: String,
    pub started: String,
    pub duration_s: f64,
    /// `--period`, when given.
    pub period: Option<String>,
    /// Jobs run, in order.
    pub jobs: Vec<String>,
    pub ok: usize,
    /// Names of the failed jobs.
    pub failed: Vec<String>,
    /// Names of the jobs left out (`enabled = false`, `--only`).
    pub skipped: Vec<String>,
    pub exit_code: u8,
}

/// The open run log.
#[derive(Debug)]
pub struct Log {
    file: File,
    path: PathBuf,
}

impl Log {
    /// Opens `path` for appending (created when missing, its folder
    /// too).
    pub fn open(path: &Path) -> plazo::Result<Log> {
        if let Some(dir) = path.parent()
            && !dir.as_os_str().is_empty()
        {
            std::fs::create_dir_all(dir).map_err(|e| Error::io(dir, &e))?;
        }
        let file = OpenOptions::new()
            .append(true)
            .create(true)
            .open(path)
            .map_err(|e| Error::io(path, &e))?;
        Ok(Log {
            file,
            path: path.to_path_buf(),
        })
    }

    /// The log's path.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Appends `record` as one line, in one write.
    pub fn write<T: Serialize>(&mut self, record: &T) -> plazo::Result<()> {
        let mut line = serde_json::to_vec(record)
            .map_err(|e| Error::io(&self.path, &e.into()))?;
        line.push(b'\n');
        self.file
            .write_all(&line)
            .map_err(|e| Error::io(&self.path, &e))
    }
}

/// `2026-11-01T06:15:00Z`.
pub fn utc_now() -> String {
    chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
}
