//! Precomputed per-ticket rows read back (`plazo report --sla-rows`,
//! docs/CONTRACT.md §5.11): the tables `plazo sla` writes (CSV or
//! Parquet, one file or a folder of parts, e.g. one per shard or a
//! partitioned dataset) turned into the dataset and rows the report
//! would have computed, without the events.
//!
//! The tickets get their id, `opened_at` and the attributes the table
//! carries (type, priority, category, group, assignee, channel); every
//! [`SlaRow`] field is read from its column. The rows must come from the
//! same policy file (`policy_sha256`) and cutoff (`cutoff`) as the
//! report; a ticket may appear in one part only.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use crate::error::{Error, Result};
use crate::io::csv::Record;
use crate::io::input::Input;
use crate::model::dataset::{Attr, Dataset, Rows, Ticket};
use crate::policy::{Policy, State};
use crate::text::msg::engine as msg;
use crate::time::{Instant, InstantReader, OptSecs};

use super::escalations::{Level, Outcome};
use super::facts::{self, unescape};
use super::output::{COLUMNS, EVALUATION_COLUMNS, VERSION_COLUMN};
use super::{Class, Exclusion, Pause, SlaRow};
use crate::model::dataset::{Survey, SurveySend};

/// The files of `path`: the file itself, or every `*.csv` and
/// `*.parquet` under the folder (recursively, sorted by path), without
/// rejects files (`*rejects.csv`) and hidden files (a run's temporary
/// files).
///
/// # Errors
///
/// An unreadable folder, or a folder without such files.
pub fn files(path: &Path) -> Result<Vec<PathBuf>> {
    if !path.is_dir() {
        return Ok(vec![path.to_path_buf()]);
    }
    let mut out = Vec::new();
    let mut todo = vec![path.to_path_buf()];
    while let Some(dir) = todo.pop() {
        let entries =
            std::fs::read_dir(&dir).map_err(|e| Error::io(&dir, &e))?;
        for e in entries {
            let p = e.map_err(|e| Error::io(&dir, &e))?.path();
            let name = p.file_name().map_or(String::new(), |n| {
                n.to_string_lossy().to_ascii_lowercase()
            });
            if name.starts_with('.') {
                continue;
            }
            if p.is_dir() {
                todo.push(p);
            } else if (name.ends_with(".csv")
                && !name.ends_with("rejects.csv"))
                || name.ends_with(".parquet")
            {
                out.push(p);
            }
        }
    }
    out.sort();
    if out.is_empty() {
        return Err(Error::input_msg(
            msg::SLA_ROWS_NONE,
            &[("path", &path.display())],
        ));
    }
    Ok(out)
}

/// What the rows must have been evaluated with.
#[derive(Clone, Copy, Debug)]
pub struct Expect<'a> {
    /// The report's policy.
    pub policy: &'a Policy,
    /// SHA-256 of its file, lowercase hex.
    pub policy_sha256: &'a str,
    /// The report's cutoff.
    pub cutoff: Instant,
}

/// Precomputed rows, ready for the report.
#[derive(Debug, Default)]
pub struct Precomputed {
    /// The tickets, their surveys sent and question scores (no events).
    pub ds: Dataset,
    /// The rows and their facts.
    pub rows: Read,
}

/// The per-ticket rows read and what their fact cells say
/// ([`super::facts`]).
#[derive(Debug, Default)]
pub struct Read {
    /// One row per ticket, in file then row order.
    pub rows: Vec<SlaRow>,
    /// Each ticket's fact cells as read (written back unchanged).
    pub facts: Vec<facts::Cells>,
    /// The pauses (no event index: 0; no business time: 0).
    pub pauses: Vec<Pause>,
    /// The escalation levels.
    pub levels: Vec<(u32, Level)>,
    /// Each file read and its data rows.
    pub files: Vec<(PathBuf, u64)>,
}

/// Reads the rows of `files` ([`files`]).
///
/// # Errors
///
/// An unreadable file, a missing column, an unreadable cell (naming the
/// file, line, column and value), rows of another policy file or cutoff,
/// or a ticket in two places (naming both).
pub fn read(paths: &[PathBuf], ex: Expect<'_>) -> Result<Precomputed> {
    let mut out = Precomputed::default();
    let mut seen: HashMap<String, (usize, u64)> = HashMap::new();
    let mut clock = InstantReader::new(ex.policy.tz());
    for (k, path) in paths.iter().enumerate() {
        let mut table = Table::open(path)?;
        let mut rec = Record::new();
        let before = out.rows.rows.len();
        while let Some(line) = table.next(&mut rec)? {
            let cell = Cells {
                rec: &rec,
                cols: &table.cols,
                file: path,
                line,
            };
            let id = cell.text("ticket_id");
            if let Some((f, l)) = seen.get(&id) {
                return Err(Error::input_msg(
                    msg::SLA_ROWS_DUPLICATE,
                    &[
                        ("id", &id),
                        ("first", &paths[*f].display()),
                        ("first_line", l),
                        ("second", &path.display()),
                        ("second_line", &line),
                    ],
                ));
            }
            seen.insert(id.clone(), (k, line));
            cell.check(ex, &mut clock)?;
            let i = out.ds.tickets.len() as u32;
            let ticket = cell.ticket(id, &mut out.ds, &mut clock)?;
            out.ds.tickets.push(ticket);
            out.ds.by_id.insert(&out.ds.tickets, i);
            let row = cell.row(i, ex.policy, &mut clock)?;
            cell.facts(&row, &mut out, &mut clock)?;
            out.rows.rows.push(row);
        }
        let n = (out.rows.rows.len() - before) as u64;
        out.rows.files.push((path.clone(), n));
    }
    let n = out.ds.tickets.len();
    out.ds.offsets = vec![0; n + 1];
    let mut offsets = vec![0u32; n + 1];
    for s in &out.ds.surveys {
        offsets[s.ticket as usize + 1] += 1;
    }
    for i in 0..n {
        offsets[i + 1] += offsets[i];
    }
    out.ds.survey_offsets = offsets;
    out.ds.stats.ticket_rows = n as u64;
    out.ds.stats.tickets = n as u64;
    out.ds.tickets_file = paths
        .first()
        .map_or(String::new(), |p| p.display().to_string());
    Ok(out)
}

/// A fact cell's items (`;`), each split into its fields (`/`).
fn items(c: &str) -> Vec<Vec<&str>> {
    c.split(';')
        .filter(|s| !s.is_empty())
        .map(|s| s.split('/').collect())
        .collect()
}

/// One file's rows: CSV records or Parquet columns as text.
struct Table {
    cols: HashMap<String, usize>,
    rows: Rows,
}

impl Table {
    fn open(path: &Path) -> Result<Table> {
        let (headers, rows) = Rows::open(Input::File(path))?;
        let cols: HashMap<String, usize> = headers
            .iter()
            .enumerate()
            .map(|(i, h)| (h.trim().to_string(), i))
            .collect();
        let missing = COLUMNS
            .iter()
            .chain(EVALUATION_COLUMNS)
            .find(|c| !cols.contains_key(**c));
        if let Some(c) = missing {
            return Err(Error::input_msg(
                msg::SLA_ROWS_COLUMN,
                &[("file", &path.display()), ("column", c)],
            ));
        }
        Ok(Table { cols, rows })
    }

    /// The next record and its line (the header is line 1).
    fn next(&mut self, rec: &mut Record) -> Result<Option<u64>> {
        self.rows.next(rec)
    }
}

/// One row's cells, by column name.
struct Cells<'a> {
    rec: &'a Record,
    cols: &'a HashMap<String, usize>,
    file: &'a Path,
    line: u64,
}

impl Cells<'_> {
    /// The trimmed cell (empty when the column is absent).
    fn get(&self, col: &str) -> &str {
        self.cols
            .get(col)
            .and_then(|&i| self.rec.get(i))
            .unwrap_or("")
            .trim()
    }

    /// A free-text cell, without the leading `'` the CSV formula guard
    /// adds before `=`, `+`, `-`, `@`, a tab or a carriage return.
    fn text(&self, col: &str) -> String {
        let v = self.get(col);
        match v.strip_prefix('\'') {
            Some(r) if r.starts_with(['=', '+', '-', '@', '\t', '\r']) => {
                r.to_string()
            }
            _ => v.to_string(),
        }
    }

    fn bad(&self, col: &str, expected: &str) -> Error {
        Error::input_msg(
            msg::SLA_ROWS_CELL,
            &[
                ("file", &self.file.display()),
                ("line", &self.line),
                ("column", &col),
                ("value", &format!("{:?}", self.get(col))),
                ("expected", &expected),
            ],
        )
    }

    fn instant(
        &self,
        col: &str,
        clock: &mut InstantReader,
    ) -> Result<Option<i64>> {
        match self.get(col) {
            "" => Ok(None),
            v => clock
                .read(v)
                .map(|t| Some(t.unix()))
                .map_err(|_| self.bad(col, "ISO 8601")),
        }
    }

    fn int(&self, col: &str) -> Result<Option<i64>> {
        match self.get(col) {
            "" => Ok(None),
            v => v.parse().map(Some).map_err(|_| self.bad(col, "0, 1, 2...")),
        }
    }

    /// [`Self::int`] for a field held as [`OptSecs`], which cannot hold
    /// `i64::MIN`: that value is refused as a bad cell.
    fn secs(&self, col: &str) -> Result<OptSecs> {
        match self.int(col)? {
            Some(i64::MIN) => Err(self.bad(col, "0, 1, 2...")),
            v => Ok(v.into()),
        }
    }

    fn int0(&self, col: &str) -> Result<i64> {
        Ok(self.int(col)?.unwrap_or(0))
    }

    fn float(&self, col: &str) -> Result<Option<f64>> {
        match self.get(col) {
            "" => Ok(None),
            v => v.parse().map(Some).map_err(|_| self.bad(col, "3.5")),
        }
    }

    fn flag(&self, col: &str) -> Result<Option<bool>> {
        match self.get(col) {
            "" => Ok(None),
            "true" => Ok(Some(true)),
            "false" => Ok(Some(false)),
            _ => Err(self.bad(col, "true, false")),
        }
    }

    fn class(&self, col: &str) -> Result<Option<Class>> {
        [Class::Breached, Class::AtRisk, Class::OnTrack]
            .into_iter()
            .find(|c| c.key() == self.get(col))
            .map(Some)
            .or_else(|| self.get(col).is_empty().then_some(None))
            .ok_or_else(|| self.bad(col, "breached, at_risk, on_track"))
    }

    /// The policy file and cutoff the row was evaluated with are the
    /// report's.
    fn check(&self, ex: Expect<'_>, clock: &mut InstantReader) -> Result<()> {
        let sha = self.get("policy_sha256");
        if sha != ex.policy_sha256 {
            return Err(Error::input_msg(
                msg::SLA_ROWS_POLICY,
                &[
                    ("file", &self.file.display()),
                    ("line", &self.line),
                    ("found", &sha),
                    ("expected", &ex.policy_sha256),
                ],
            ));
        }
        let cutoff = self.instant("cutoff", clock)?;
        if cutoff != Some(ex.cutoff.unix()) {
            let tz = ex.policy.tz();
            return Err(Error::input_msg(
                msg::SLA_ROWS_CUTOFF,
                &[
                    ("file", &self.file.display()),
                    ("line", &self.line),
                    ("found", &self.get("cutoff")),
                    ("expected", &ex.cutoff.to_rfc3339(tz)),
                ],
            ));
        }
        Ok(())
    }

    /// The ticket: id, opening and the attributes the table carries.
    fn ticket(
        &self,
        id: String,
        ds: &mut Dataset,
        clock: &mut InstantReader,
    ) -> Result<Ticket> {
        let opened_at = self
            .instant("opened_at", clock)?
            .ok_or_else(|| self.bad("opened_at", "ISO 8601"))?;
        let mut attrs = [ds.strings.intern(""); 8];
        for a in [
            Attr::Type,
            Attr::Priority,
            Attr::Category,
            Attr::Group,
            Attr::Assignee,
            Attr::Channel,
        ] {
            attrs[a as usize] = ds.strings.intern(&self.text(a.column()));
        }
        Ok(Ticket {
            id: id.into(),
            opened_at,
            attrs,
            affected_users: None,
            line: self.line as u32,
        })
    }

    /// The version that measured the row: its `policy_version` name.
    fn version(&self, policy: &Policy) -> Result<u16> {
        if !policy.has_versions() {
            return Ok(0);
        }
        let name = self.text(VERSION_COLUMN);
        (0..=policy.versions().len() as u16)
            .find(|&v| policy.version_policy(v).version_name() == name)
            .ok_or_else(|| self.bad(VERSION_COLUMN, "a version of the policy"))
    }

    /// `excluded_reason` read back under the version's policy.
    fn excluded(&self, p: &Policy) -> Result<Option<Exclusion>> {
        let v = self.get("excluded_reason");
        if v.is_empty() {
            return Ok(None);
        }
        let builtin = [
            Exclusion::Cancelled,
            Exclusion::Massive,
            Exclusion::ExcludedType,
            Exclusion::ExcludedCategory,
            Exclusion::NoTarget,
            Exclusion::OpenedAfterCutoff,
        ];
        let named =
            (0..p.exclusions().rules.len() as u16).map(Exclusion::Rule);
        builtin
            .into_iter()
            .chain(named)
            .find(|e| e.name(p) == v)
            .map(Some)
            .ok_or_else(|| {
                self.bad("excluded_reason", "an exclusion of the policy")
            })
    }

    /// The fact cells of `row` ([`super::facts`]), kept as read and
    /// decoded into `out`.
    fn facts(
        &self,
        row: &SlaRow,
        out: &mut Precomputed,
        clock: &mut InstantReader,
    ) -> Result<()> {
        let names = &EVALUATION_COLUMNS[3..];
        let cells: facts::Cells =
            std::array::from_fn(|k| self.get(names[k]).to_string());
        let i = row.ticket;
        let mut at = |col: &str, v: &str| -> Result<Option<i64>> {
            match v {
                "" => Ok(None),
                v => clock
                    .read(v)
                    .map(|t| Some(t.unix()))
                    .map_err(|_| self.bad(col, "ISO 8601")),
            }
        };
        for f in items(&cells[0]) {
            let [start, end, flags] = f[..] else {
                return Err(self.bad(names[0], "start/end/flags"));
            };
            out.rows.pauses.push(Pause {
                ticket: i,
                event: 0,
                start: at(names[0], start)?.unwrap_or(0),
                end: at(names[0], end)?.unwrap_or(0),
                ongoing: flags.contains('o'),
                business_s: 0,
                unnoted: flags.contains('u'),
            });
        }
        if !cells[1].is_empty() {
            out.ds.surveys_sent_column = true;
        }
        for f in items(&cells[1]).into_iter().filter(|f| f[..] != ["none"]) {
            let [sent, answered] = f[..] else {
                return Err(self.bad(names[1], "sent_at/answered_at"));
            };
            out.ds.survey_sends.push(SurveySend {
                ticket: i,
                sent_at: at(names[1], sent)?.unwrap_or(0),
                answered_at: at(names[1], answered)?,
            });
        }
        if !cells[2].is_empty() {
            let questions = cells[2]
                .split('/')
                .map(|v| match v {
                    "" => Ok(None),
                    v => v
                        .parse()
                        .map(Some)
                        .map_err(|_| self.bad(names[2], "3.5")),
                })
                .collect::<Result<Vec<Option<f64>>>>()?;
            let comment = out.ds.strings.intern("");
            out.ds.surveys.push(Survey {
                ticket: i,
                answered_at: row.survey_answered_at.get().unwrap_or(i64::MIN),
                score: row.survey_score.unwrap_or(0.0),
                max_score: None,
                comment,
                sent_at: None,
                questions: questions.into(),
            });
        }
        for f in items(&cells[3]) {
            let level = self.level(&f, &mut out.ds, &mut at)?;
            out.rows.levels.push((i, level));
        }
        out.rows.facts.push(cells);
        Ok(())
    }

    /// One item of an `escalations` cell ([`super::facts`]).
    fn level(
        &self,
        f: &[&str],
        ds: &mut Dataset,
        at: &mut impl FnMut(&str, &str) -> Result<Option<i64>>,
    ) -> Result<Level> {
        let names = &EVALUATION_COLUMNS[3..];
        let bad = || self.bad(names[3], "level/group/from/...");
        let [
            lv,
            g,
            from,
            to,
            taken,
            take,
            outcome,
            held,
            paused,
            ended,
            target,
            met,
        ] = f[..]
        else {
            return Err(bad());
        };
        let num = |v: &str| v.parse::<i64>().map_err(|_| bad());
        // An optional number held as OptSecs: i64::MIN is not one.
        let opt_num = |v: &str| match v {
            "" => Ok(OptSecs::NONE),
            v => num(v)
                .ok()
                .filter(|&n| n != i64::MIN)
                .map(OptSecs::some)
                .ok_or_else(bad),
        };
        let outcome = match outcome {
            "" => None,
            k => Some(
                [Outcome::Taken, Outcome::Waiting, Outcome::NotTaken]
                    .into_iter()
                    .find(|o| o.key() == k)
                    .ok_or_else(bad)?,
            ),
        };
        let met = match met {
            "" => None,
            "true" => Some(true),
            "false" => Some(false),
            _ => return Err(bad()),
        };
        let group = ds.strings.intern(&unescape(g));
        let level = Level {
            level: lv.parse().map_err(|_| bad())?,
            group,
            from: at(names[3], from)?.unwrap_or(0),
            to: at(names[3], to)?.unwrap_or(0),
            taken_at: at(names[3], taken)?.into(),
            take_s: num(take)?,
            outcome,
            held_s: num(held)?,
            paused_s: num(paused)?,
            ended_at: at(names[3], ended)?.into(),
            target_s: opt_num(target)?,
            met,
        };
        Ok(level)
    }

    /// The [`SlaRow`] of ticket `i`.
    fn row(
        &self,
        i: u32,
        policy: &Policy,
        clock: &mut InstantReader,
    ) -> Result<SlaRow> {
        let version = self.version(policy)?;
        let p = policy.version_policy(version);
        let state = match self.get("state") {
            "" => None,
            k => Some(
                State::ALL.into_iter().find(|s| s.key() == k).ok_or_else(
                    || self.bad("state", "new, open, paused..."),
                )?,
            ),
        };
        let target_rule = match self.int("target_rule")? {
            Some(v) => Some(
                u32::try_from(v)
                    .map_err(|_| self.bad("target_rule", "0, 1, 2..."))?,
            ),
            None => None,
        };
        let expected = self.flag("survey_expected")?;
        Ok(SlaRow {
            ticket: i,
            responded_at: self.instant("responded_at", clock)?.into(),
            solved_at: self.instant("solved_at", clock)?.into(),
            closed_at: self.instant("closed_at", clock)?.into(),
            state,
            response_s: self.int0("response_business_s")?,
            resolution_s: self.int0("resolution_business_s")?,
            paused_s: self.int0("paused_business_s")?,
            solved_before_reopen_s: self
                .int0("solved_before_reopen_business_s")?,
            response_target_s: self.secs("response_target_s")?,
            resolution_target_s: self.secs("resolution_target_s")?,
            response_met: self.flag("response_met")?,
            resolution_met: self.flag("resolution_met")?,
            response_due_at: self.instant("response_due_at", clock)?.into(),
            resolution_due_at: self
                .instant("resolution_due_at", clock)?
                .into(),
            response_class: self.class("response_class")?,
            resolution_class: self.class("resolution_class")?,
            reopen_count: self.int0("reopen_count")? as u32,
            survey_score: self.float("survey_score")?,
            survey_answered_at: self
                .instant("survey_answered_at", clock)?
                .into(),
            excluded: self.excluded(p)?,
            auto_closed: self.flag("auto_closed")?,
            close_late: self.flag("close_late")?,
            wall_resolution_s: self.int0("wall_resolution_s")?,
            response_overrun_s: self.secs("response_overrun_s")?,
            resolution_overrun_s: self.secs("resolution_overrun_s")?,
            target_rule,
            events: self.int0("events")? as u32,
            survey_expected: expected.unwrap_or(true),
            precase_at: self.instant("precase_at", clock)?.into(),
            precase_registered_at: self
                .instant("precase_registered_at", clock)?
                .into(),
            precase_discarded_at: self
                .instant("precase_discarded_at", clock)?
                .into(),
            precase_business_s: self.secs("precase_business_s")?,
            survey_before_close: self.flag("survey_before_close")?,
            close_business_s: self.secs("close_business_s")?,
            closed_early: self.flag("closed_early")?,
            closed_without_approval: self.flag("closed_without_approval")?,
            validated_within: self.flag("validated_within")?,
            unresolved: self.get("outcome") == "unresolved",
            version,
        })
    }
}

/// A `sla.csv` this run wrote, to be read back a range of rows at a
/// time: the report's "Datos" sheets when the rows were written a
/// window of tickets at a time and not held (docs/SCALING.md). Row `k`
/// is ticket `k`'s.
#[derive(Clone, Debug)]
pub struct Staged {
    /// The file (staged, not yet in place).
    pub path: PathBuf,
    /// Its data rows.
    pub rows: usize,
    /// (row, byte offset) where some rows begin, by row, the first the
    /// first data row's: a range is read from the last mark at or before
    /// its start.
    pub marks: Vec<(usize, u64)>,
}

impl Staged {
    /// Gives `each` the rows `range` in order, read under `policy`.
    ///
    /// # Errors
    ///
    /// An unreadable file or cell (the file is this run's: a fault of
    /// the disk), or the first error of `each`.
    pub fn read(
        &self,
        range: std::ops::Range<usize>,
        policy: &Policy,
        mut each: impl FnMut(&SlaRow) -> Result<()>,
    ) -> Result<()> {
        use std::io::{Seek, SeekFrom};
        let io = |e: std::io::Error| Error::io(&self.path, &e);
        if range.is_empty() {
            return Ok(());
        }
        let table = Table::open(&self.path)?;
        drop(table.rows);
        let k = self.marks.partition_point(|m| m.0 <= range.start);
        let (mut row, at) = *self.marks[..k]
            .last()
            .expect("a mark at or before every row: the first data row's");
        let mut file = std::fs::File::open(&self.path).map_err(io)?;
        file.seek(SeekFrom::Start(at)).map_err(io)?;
        let mut r = csv::ReaderBuilder::new()
            .has_headers(false)
            .buffer_capacity(1 << 20)
            .from_reader(file);
        let mut rec = Record::new();
        let mut clock = InstantReader::new(policy.tz());
        while row < range.end {
            let read = r.read_record(&mut rec).map_err(|e| {
                Error::io(&self.path, &std::io::Error::other(e))
            })?;
            if !read {
                break;
            }
            if row >= range.start {
                let cell = Cells {
                    rec: &rec,
                    cols: &table.cols,
                    file: &self.path,
                    line: row as u64 + 2,
                };
                each(&cell.row(row as u32, policy, &mut clock)?)?;
            }
            row += 1;
        }
        Ok(())
    }
}
