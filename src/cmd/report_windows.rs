//! `plazo report` with the events read a window of tickets at a time
//! ([`plazo::model::dataset::Windows`], as `plazo sla` reads them):
//! each window is evaluated, its `sla.csv` and `escalations.csv` lines
//! written (with their facts), its figures added up
//! ([`plazo::report::Folds`]), and its rows, events and levels dropped
//! but those the workbook reads. Memory then holds the rows of the
//! tickets the period's lists show, not every row, event or level
//! (docs/SCALING.md, "`plazo report` by windows"); "Datos" reads every
//! row back from the staged `sla.csv`.
//!
//! The lists that read events (Suspensiones' notes, Sin solución's
//! answers, Cierres' close notes, Incumplimientos' time per group, the
//! breach review page's timelines) show tickets of the period or still
//! unfinished at the cutoff; [`keeps_events`] keeps, for every ticket
//! touched since the period began or not yet closed, all its events, so
//! each list reads what a whole read gives it, and [`keeps_row`] the
//! rows (and escalation levels) every list reads. The indicators count
//! the pauses of 13 periods: every ticket's pauses are kept (40 bytes
//! each), not their events; the escalation figures are added up with
//! the others, and with `[[versions]]` each version's figures too; the
//! rows of the tickets the committee's decisions name are kept too.
//! With GLPI's reconciliation every row, and every escalated ticket's
//! levels, are kept ([`keeps_all_rows`]): the figures are then computed
//! from them, as a whole read's. tests/it/report_windows.rs compares
//! every output file with a whole read's.

use std::path::{Path, PathBuf};

use plazo::Error;
use plazo::engine::escalations::Level;
use plazo::engine::sla_rows::Staged;
use plazo::engine::{Engine, Pause, SlaRow, output};
use plazo::io::atomic::Batch;
use plazo::io::formula::FreeText;
use plazo::model::dataset::{Dataset, Event, Windowed};
use plazo::report::{InputFile, Period};
use plazo::text::lang::Lang;
use plazo::text::msg::cli::report as msg;

use super::common::{DataPlan, DataSource, Loaded};

/// What a read by windows gives the report besides the tables: the rows
/// kept, levels and pauses (`sla.csv` is written).
pub(super) struct Read {
    /// Every ticket's row, or, with `folded`, the rows of the tickets
    /// [`keeps_row`] keeps.
    pub rows: Vec<SlaRow>,
    /// The figures added up window by window and the staged `sla.csv`
    /// holding every row, when the rows kept are not all of them.
    pub folded: Option<plazo::report::Folded>,
    /// Every row counted for the nothing-to-measure check.
    pub measured: super::common::Measured,
    /// The levels of the escalated tickets (those with a level past 0),
    /// every one the "Escalamientos" sheet and its indicators read.
    pub levels: Vec<(u32, Level)>,
    pub pauses: Vec<Pause>,
    /// `escalations.csv` was written: some ticket has levels.
    pub escalations: bool,
}

/// `escalations.csv`, staged and begun at the first window with levels.
struct Escalations {
    dest: PathBuf,
    file: Option<std::io::BufWriter<std::fs::File>>,
}

impl Escalations {
    fn new(out: &Path) -> Escalations {
        Escalations {
            dest: out.join("escalations.csv"),
            file: None,
        }
    }

    /// Writes a window's `levels` (of `win`'s tickets).
    fn write(
        &mut self,
        batch: &mut Batch,
        policy: &plazo::Policy,
        win: &Dataset,
        levels: &[(u32, Level)],
        text: FreeText,
    ) -> plazo::Result<()> {
        use plazo::engine::escalations as esc;
        if levels.is_empty() {
            return Ok(());
        }
        let io = |e: std::io::Error| Error::io(&self.dest, &e);
        let f = match &mut self.file {
            Some(f) => f,
            None => {
                let tmp = batch.stage(&self.dest, "")?;
                let file = std::fs::File::create(tmp).map_err(io)?;
                let mut f = std::io::BufWriter::with_capacity(1 << 20, file);
                esc::write_header(&mut f).map_err(io)?;
                self.file.insert(f)
            }
        };
        esc::write_rows(f, policy, win, levels, text).map_err(io)
    }

    /// Flushes the table; whether it was written.
    fn finish(self) -> plazo::Result<bool> {
        let Some(mut f) = self.file else {
            return Ok(false);
        };
        let io = |e: std::io::Error| Error::io(&self.dest, &e);
        std::io::Write::flush(&mut f).map_err(io)?;
        Ok(true)
    }
}

/// How a read by windows ended.
pub(super) enum Outcome {
    /// The tables (the events of the tickets [`keeps_events`] keeps,
    /// every other table whole) and what the windows computed.
    Read(Box<Loaded>, Box<Read>),
    /// The tables must be read whole: the events are not in the tickets'
    /// order, the events' people change the tickets' labels, or a
    /// window's engine did not bind (the whole read gives its error);
    /// with the summary's sentence saying why, but for the engine.
    Whole(Box<DataPlan>, Option<String>),
}

/// Tickets per window when `plazo report` may read the events a window
/// at a time: tables from files and no `--queries` (custom queries see
/// the whole events table); as `plazo sla`'s ([`super::windowed::size`]).
pub(super) fn size(data: &DataPlan, queries: bool) -> Option<usize> {
    if queries || !matches!(data.inputs, DataSource::Files(_)) {
        return None;
    }
    super::windowed::size()
}

/// Whether ticket `row`'s events (`events`, sorted by time) are kept
/// for the lists of a period starting at `from`: any of its events or
/// instants at or after `from`, or not closed at the cutoff. A ticket
/// left out was finished, closed and untouched before the period: no
/// list shows it.
pub(super) fn keeps_events(
    row: &SlaRow,
    opened_at: i64,
    events: &[Event],
    from: i64,
) -> bool {
    let late = |t: Option<i64>| t.is_some_and(|t| t >= from);
    // Closed implies solved: an unsolved ticket is not closed.
    row.closed_at.is_none()
        || opened_at >= from
        || late(events.last().map(|e| e.at))
        || late(row.responded_at.get())
        || late(row.solved_at.get())
        || late(row.closed_at.get())
        || late(row.survey_answered_at.get())
}

/// Whether ticket `j` of window `win` keeps its row and levels when the
/// figures are added up window by window
/// ([`plazo::report::Context::folded`]): its events are kept
/// ([`keeps_events`]), it has a class at the cutoff (the at-risk list,
/// the overdue breaches), a survey answered since the period began (the
/// comments' scope), or an escalation (among its `levels`) taken since
/// then or waiting at the cutoff ("Escalamientos"' list). Every list of
/// the period shows only such tickets.
fn keeps_row(
    win: &Dataset,
    (j, row): (usize, &SlaRow),
    levels: &[(u32, Level)],
    from: i64,
) -> bool {
    use plazo::engine::escalations::Outcome;
    let t = &win.tickets[j];
    let listed = |l: &Level| {
        l.level > 0
            && (l.outcome == Some(Outcome::Waiting)
                || l.taken_at.get().is_some_and(|at| at >= from))
    };
    row.response_class.is_some()
        || row.resolution_class.is_some()
        || keeps_events(row, t.opened_at, win.events_of(j), from)
        || win.surveys_of(j).iter().any(|s| s.answered_at >= from)
        || levels.iter().any(|(_, l)| listed(l))
}

/// Whether a read by windows keeps every ticket's row: with GLPI's
/// reconciliation (every row against GLPI's own figures, read from the
/// rows). Otherwise the figures are added up window by window.
fn keeps_all_rows(ds: &Dataset) -> bool {
    ds.extra_columns.iter().any(|c| c == "solve_delay_stat")
}

/// The tickets of `ds` the committee's decisions (`--decisions`, read
/// from `path`) name, sorted, whose rows are kept: a waiver may be
/// dated in any period of the trend. Empty without decisions; `None`
/// when the file cannot be read: every row is kept then, and the
/// report's own read of the file says why it fails.
fn decided(path: Option<&Path>, ds: &Dataset) -> Option<Vec<u32>> {
    let Some(path) = path else {
        return Some(Vec::new());
    };
    let list = plazo::model::decisions::read(path, ds).ok()?;
    let mut t: Vec<u32> = list.iter().map(|d| d.ticket).collect();
    t.sort_unstable();
    t.dedup();
    Some(t)
}

/// A ticket opened after the cutoff: still counts for an empty period
/// (the report's nothing-to-measure check keeps it).
fn opened_after_cutoff(r: &SlaRow) -> bool {
    r.excluded == Some(plazo::engine::Exclusion::OpenedAfterCutoff)
}

/// What the windows add up, ticket by ticket from 0 (`offsets` as
/// [`Dataset::offsets`]: one more than the tickets, from 0).
#[derive(Default)]
struct Kept {
    /// Every ticket's row, or those [`keeps_row`] keeps.
    rows: Vec<SlaRow>,
    /// The figures added up, unless every row is kept.
    folds: Option<plazo::report::Folds>,
    /// Every row counted.
    measured: super::common::Measured,
    /// Where each window's rows begin in `sla.csv`: (row, byte).
    marks: Vec<(usize, u64)>,
    /// The tickets the decisions name, sorted: their rows are kept.
    decided: Vec<u32>,
    levels: Vec<(u32, Level)>,
    pauses: Vec<Pause>,
    events: Vec<Event>,
    offsets: Vec<u32>,
}

impl Kept {
    /// Room for `n` tickets' event offsets, and their rows unless the
    /// figures are added up (`folds`), taken once.
    fn with_tickets(n: usize, folds: Option<plazo::report::Folds>) -> Kept {
        let mut offsets = Vec::with_capacity(n + 1);
        offsets.push(0);
        Kept {
            rows: Vec::with_capacity(if folds.is_none() { n } else { 0 }),
            folds,
            offsets,
            ..Kept::default()
        }
    }

    /// What the read gives the report (`sla.csv` staged at `staged`,
    /// `escalations.csv` written when `escalations`), and the events
    /// kept with their offsets.
    fn finish(
        self,
        staged: std::path::PathBuf,
        escalations: bool,
    ) -> (Read, Vec<Event>, Vec<u32>) {
        let n = self.offsets.len() - 1;
        let folded = self.folds.map(|folds| plazo::report::Folded {
            folds,
            data: Staged {
                path: staged,
                rows: n,
                marks: self.marks,
            },
        });
        let read = Read {
            rows: self.rows,
            folded,
            measured: self.measured,
            levels: self.levels,
            pauses: self.pauses,
            escalations,
        };
        (read, self.events, self.offsets)
    }

    /// Adds window `win` (its first ticket is `lo`): its rows and the
    /// levels of its escalated tickets (those [`keeps_row`] keeps,
    /// unless all), its pauses, and the events [`keeps_events`] keeps.
    fn add(
        &mut self,
        (policy, from): (&plazo::Policy, i64),
        win: &Dataset,
        lo: usize,
        rows: Vec<SlaRow>,
        levels: Vec<(u32, Level)>,
        pauses: Vec<Pause>,
    ) {
        for r in &rows {
            self.measured.add(r, policy, opened_after_cutoff);
        }
        if let Some(folds) = &mut self.folds {
            folds.add(win, &rows, &levels);
        }
        let shift = lo as u32;
        // Where each kept ticket's events start among the kept ones.
        let mut start = vec![u32::MAX; rows.len()];
        for (j, r) in rows.iter().enumerate() {
            let ev = win.events_of(j);
            if keeps_events(r, win.tickets[j].opened_at, ev, from) {
                start[j] = self.events.len() as u32;
                self.events.extend_from_slice(ev);
            }
            self.offsets.push(self.events.len() as u32);
        }
        self.pauses.extend(pauses.into_iter().map(|p| {
            let j = p.ticket as usize;
            let event = match start[j] {
                u32::MAX => u32::MAX,
                s => s + (p.event - win.offsets[j]),
            };
            Pause {
                ticket: p.ticket + shift,
                event,
                ..p
            }
        }));
        // Which rows stay (all, unless the figures are added up), and
        // the levels of the escalated tickets among them: a ticket's
        // levels are together.
        let all = self.folds.is_none();
        let mut runs = levels.chunk_by(|a, b| a.0 == b.0).peekable();
        for (j, r) in rows.into_iter().enumerate() {
            let mut own: &[(u32, Level)] = &[];
            while let Some(run) = runs.next_if(|run| run[0].0 as usize <= j) {
                if run[0].0 as usize == j {
                    own = run;
                }
            }
            let named =
                || self.decided.binary_search(&(r.ticket + shift)).is_ok();
            if !all && !keeps_row(win, (j, &r), own, from) && !named() {
                continue;
            }
            if own.iter().any(|(_, l)| l.level > 0) {
                self.levels.extend(own.iter().map(|&(t, l)| (t + shift, l)));
            }
            self.rows.push(SlaRow {
                ticket: r.ticket + shift,
                ..r
            });
        }
    }
}

/// Reads `data`'s tables a window of `size` tickets at a time, writing
/// `sla.csv` and `escalations.csv` into `out`, staged in `batch`, as
/// [`plazo::report`] writes them from a whole read (`escalations.csv`
/// only when some ticket has levels).
///
/// # Errors
///
/// As a whole read ([`DataPlan::load`]); an I/O error naming the table.
pub(super) fn read(
    data: DataPlan,
    (size, decisions): (usize, Option<&Path>),
    period: &Period,
    text: FreeText,
    (out, batch): (&Path, &mut Batch),
    lang: Lang,
) -> anyhow::Result<Outcome> {
    let DataSource::Files(files) = &data.inputs else {
        unreachable!("size checks the tables are files");
    };
    let (policy, cutoff) = (&data.policy, data.cutoff);
    let (windows, mut shared) =
        super::windowed::open(policy, files, lang, None)?;
    let sha = InputFile::hash("policy", &data.policy_path, 0)?.sha256;
    let ev = output::Evaluated {
        cutoff,
        policy_sha256: &sha,
        facts: &[],
        facts_from: 0,
    };
    let dest = out.join("sla.csv");
    let io = |e: std::io::Error| Error::io(&dest, &e);
    let staged = batch.stage(&dest, "")?;
    let file = std::fs::File::create(&staged).map_err(io)?;
    let mut f = std::io::BufWriter::with_capacity(1 << 20, file);
    output::write_header(&mut f, policy, true).map_err(io)?;
    let mut esc = Escalations::new(out);
    let base = windows.dataset();
    let decided = decided(decisions, base);
    let folds = (!keeps_all_rows(base) && decided.is_some())
        .then(|| plazo::report::Folds::new(policy, period, cutoff));
    let mut kept = Kept::with_tickets(base.tickets.len(), folds);
    kept.decided = decided.unwrap_or_default();
    let mut unbound = false;
    let read = windows.run(size, |win, lo| {
        let at = std::io::Seek::stream_position(&mut f).map_err(io)?;
        kept.marks.push((lo, at));
        let cells = shared.window(win, lo);
        let Ok(engine) = Engine::with_cells(policy, win, cutoff, &cells)
        else {
            unbound = true;
            return Err(Error::input("engine", ""));
        };
        let rows = engine.evaluate_all();
        let levels = engine.levels_all(&rows);
        plazo::report::write_sla_rows(
            &mut f, policy, win, &rows, &levels, &ev, text,
        )
        .map_err(io)?;
        esc.write(batch, policy, win, &levels, text)?;
        let pauses = plazo::engine::all_pauses(policy, win, cutoff.unix());
        let how = (policy, period.start);
        kept.add(how, win, lo, rows, levels, pauses);
        Ok(())
    });
    let mut ds = match read {
        _ if unbound => return Ok(Outcome::Whole(Box::new(data), None)),
        Ok(Windowed::Done(ds)) => *ds,
        Ok(Windowed::OutOfOrder { line }) => {
            let file = files.events.display();
            let why = msg::EVENTS_READ_WHOLE
                .fill(lang, &[("line", &line), ("file", &file)]);
            return Ok(Outcome::Whole(Box::new(data), Some(why)));
        }
        Err(e) => return Err(e.into()),
    };
    std::io::Write::flush(&mut f).map_err(io)?;
    let escalations = esc.finish()?;
    let Ok(labels) = shared.people.all(&ds)? else {
        let why = plazo::text::msg::cli::sla::EVENTS_PEOPLE_WHOLE.get(lang);
        return Ok(Outcome::Whole(Box::new(data), Some(why.into())));
    };
    let (read, events, offsets) = kept.finish(staged, escalations);
    ds.events = events;
    ds.offsets = offsets;
    if let Some(l) = labels {
        l.apply(&mut ds, true);
    }
    ds.rejects.extend(shared.cell_rejects);
    super::common::strict_rejects(data.strict, &ds)?;
    let loaded = Loaded {
        db_reads: Vec::new(),
        policy: data.policy,
        ds,
        cells: shared.cells,
        cutoff,
        pre: None,
    };
    Ok(Outcome::Read(Box::new(loaded), Box::new(read)))
}
