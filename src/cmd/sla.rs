//! `plazo sla`: every ticket's figures under a policy, as a table.
//!
//! Reads the canonical tables (CSV or Parquet), replays each ticket's
//! history (in parallel) and writes one row per ticket (docs/CONTRACT.md
//! §4) to `--out` atomically: CSV, or Parquet with typed columns when the
//! path ends in `.parquet`. Prints a one-paragraph summary on stderr: tickets
//! evaluated, excluded by reason, without target, met and breached.
//! Rejected input rows are written beside the output as
//! `<out>.rejects.csv` and counted first in the summary.
//!
//! Runs that must not pass quietly (docs/ROBUSTNESS.md): above
//! `--max-rejects` (or the policy's `[checks] max_rejects`), or with no
//! ticket left to measure (none accepted, or every one excluded), the
//! command exits 1 and writes only the rejects file, so that the reasons
//! can be read; `--out` is neither written nor removed.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use clap::Args;
use plazo::engine::{Class, Exclusion, SlaRow, facts, frame, output};
use plazo::io::atomic::Batch;
use plazo::model::dataset::{Dataset, LoadStats};
use plazo::model::shard::Shard;
use plazo::report::InputFile;
use plazo::text::lang::Lang;
use plazo::text::msg::cli::sla as msg;
use plazo::time::Instant;
use plazo::{Error, Policy};

use super::Global;
use super::common::{
    DataArgs, DataPlan, DataSource, DeadlineRulesArg, GuardArgs, Guards,
    Loaded, Measured, rejects_first, thousands, write_rejects,
};
use plazo::text::msg::cli::quiet::NOT_WRITTEN_SLA;

#[derive(Debug, Args)]
pub struct SlaArgs {
    #[command(flatten)]
    data: DataArgs,
    #[command(flatten)]
    rules: DeadlineRulesArg,
    #[command(flatten)]
    guard: GuardArgs,
    /// Output: FILE.csv, FILE.parquet (typed columns: durations Int64,
    /// verdicts Boolean, instants ISO 8601 text), `-` (CSV on stdout), or
    /// a folder with `--format parquet` (`DIR/period=YYYY-MM/part-K.parquet`).
    #[arg(long)]
    out: PathBuf,
    /// csv or parquet; default: from the extension of --out. With
    /// `--format parquet` and a folder as --out (an existing one, or a
    /// path ending in /), a partitioned dataset, one folder per month of
    /// opened_at.
    #[arg(long, value_name = "csv|parquet")]
    format: Option<String>,
    /// Evaluate only shard K of N (K from 0 to N-1): the tickets whose
    /// FNV-1a 64 hash of the trimmed ticket_id, mod N, is K
    /// (docs/CONTRACT.md §5.11). The other tickets' rows are skipped.
    #[arg(long, value_name = "K/N")]
    shard: Option<String>,
    /// Where the rejected rows go. Default: <out>.rejects.csv beside a
    /// file, DIR/part-K.rejects.csv in a partitioned folder; with `--out
    /// -`, none (they are counted on stderr).
    #[arg(long, value_name = "FILE")]
    rejects: Option<PathBuf>,
}

/// Where the table goes.
#[derive(Debug)]
enum Out {
    /// A CSV or (`true`) Parquet file.
    File(PathBuf, bool),
    /// CSV on stdout (`--out -`).
    Stdout,
    /// A partitioned Parquet dataset in this folder.
    Partitioned(PathBuf),
}

/// Everything `plazo sla` needs, resolved and checked before a table is
/// read.
#[derive(Debug)]
struct Plan {
    data: DataPlan,
    out: Out,
    /// The rejects file; empty with `--out -` and no `--rejects` (none
    /// written).
    rejects: PathBuf,
    shard: Option<Shard>,
    guards: Guards,
    quiet: bool,
}

impl Out {
    /// The output as the messages name it.
    fn path(&self) -> &Path {
        match self {
            Out::File(p, _) | Out::Partitioned(p) => p,
            Out::Stdout => Path::new("-"),
        }
    }
}

/// `--out` and `--format` resolved: a usage error for an unknown format
/// or extension.
fn out_of(out: &Path, format: Option<&str>) -> plazo::Result<Out> {
    let ext = out.extension().and_then(|e| e.to_str()).unwrap_or("");
    let bad = |m| Err(Error::input_msg(m, &[("path", &out.display())]));
    let folder = out.is_dir() || out.to_string_lossy().ends_with('/');
    match format.map(str::to_ascii_lowercase).as_deref() {
        _ if out == Path::new("-") => match format {
            None | Some("csv") => Ok(Out::Stdout),
            _ => bad(msg::STDOUT_CSV),
        },
        Some("parquet") if folder => Ok(Out::Partitioned(out.to_path_buf())),
        Some("parquet") => Ok(Out::File(out.to_path_buf(), true)),
        Some("csv") if !folder => Ok(Out::File(out.to_path_buf(), false)),
        Some(f) if f != "csv" => Err(Error::input_msg(
            msg::BAD_FORMAT,
            &[("value", &format!("{f:?}"))],
        )),
        _ if ext.eq_ignore_ascii_case("parquet") => {
            Ok(Out::File(out.to_path_buf(), true))
        }
        _ if ext.eq_ignore_ascii_case("csv") => {
            Ok(Out::File(out.to_path_buf(), false))
        }
        _ => bad(msg::OUT_FORMAT),
    }
}

impl SlaArgs {
    fn plan(self, g: &Global) -> plazo::Result<Plan> {
        let out = out_of(&self.out, self.format.as_deref())?;
        let shard = self
            .shard
            .as_deref()
            .map(|s| Shard::parse(s, "--shard"))
            .transpose()?;
        let mut data = self.data.plan(g.lang)?;
        if shard.is_some() && matches!(data.inputs, DataSource::Db(_)) {
            return Err(Error::input_msg(msg::SHARD_FILES_ONLY, &[]));
        }
        // Initials ("M. P. (2)") and keyless pseudonyms ("Persona 01")
        // depend on the people a run sees: each shard would name them
        // its own way.
        use plazo::policy::People;
        let keyless = std::env::var_os(super::common::PSEUDONYM_KEY_VAR)
            .is_none_or(|k| k.is_empty());
        let people = data.policy.report().people;
        if shard.is_some()
            && (people == People::Initials
                || (people == People::Pseudonyms && keyless))
        {
            return Err(Error::input_msg(
                msg::SHARD_PEOPLE,
                &[("policy", &data.policy_path.display())],
            ));
        }
        self.rules.apply(&mut data.policy)?;
        let guards = self
            .guard
            .resolve(Some((&data.policy, data.policy_path.as_path())))?;
        let rejects = match (&self.rejects, &out) {
            (Some(r), _) => r.clone(),
            (None, Out::File(p, _)) => p.with_extension("rejects.csv"),
            (None, Out::Stdout) => PathBuf::new(),
            (None, Out::Partitioned(d)) => {
                d.join(format!("{}.rejects.csv", part_name(shard)))
            }
        };
        Ok(Plan {
            data,
            guards,
            rejects,
            out,
            shard,
            quiet: g.quiet,
        })
    }
}

/// What the run writes (the plan once its data is loaded).
struct Written {
    out: Out,
    rejects: PathBuf,
    shard: Option<Shard>,
    quiet: bool,
    /// Why a read by windows of tickets gave way to the whole read, as
    /// the summary says it.
    read_whole: Option<String>,
}

/// `part-00000` for the whole set, `part-0000K` for shard K.
fn part_name(shard: Option<Shard>) -> String {
    format!("part-{:05}", shard.map_or(0, |s| s.index))
}

pub fn run(a: SlaArgs, g: &Global) -> anyhow::Result<()> {
    let Plan {
        data,
        out: target,
        rejects,
        shard,
        guards,
        quiet,
    } = a.plan(g)?;
    let mut plan = Written {
        out: target,
        rejects,
        shard,
        quiet,
        read_whole: None,
    };
    let data = match window_size(&data, &plan) {
        Some(size) => match windowed(data, &plan, &guards, size, g)? {
            Ok(()) => return Ok(()),
            Err((data, why)) => {
                plan.read_whole = why;
                data
            }
        },
        None => data,
    };
    whole(data, &plan, &guards, g)
}

/// `plazo sla` on the tables read whole into memory: every output, and
/// the CSV file when the events cannot be read by windows of tickets.
fn whole(
    data: DataPlan,
    plan: &Written,
    guards: &Guards,
    g: &Global,
) -> anyhow::Result<()> {
    let watch = data.watch.clone();
    let policy_path = data.policy_path.clone();
    let loaded = data.load_shard(g.lang, plan.shard)?;
    let (out, rejects) = (plan.out.path(), &plan.rejects);
    loaded.check_rejects(guards, rejects, NOT_WRITTEN_SLA, out)?;
    let engine = loaded.engine()?;
    let bar = super::common::progress(
        loaded.ds.tickets.len() as u64,
        msg::PROGRESS.get(g.lang),
        plan.quiet,
    );
    let progress = |n: usize| bar.inc(n as u64);
    let mut seen = Seen::new(&loaded.policy, g.lang);
    let measurable = |seen: &Seen<'_>| measurable(&loaded, seen, guards, plan);
    // A CSV file is evaluated and written a block at a time (the rows
    // are never all held); the other outputs are written whole.
    let streamed = matches!(plan.out, Out::File(_, false));
    let rows = if streamed {
        Vec::new()
    } else {
        let rows = engine.evaluate_all_with(progress);
        bar.finish_and_clear();
        seen.add(&rows);
        measurable(&seen)?;
        rows
    };
    let (policy, ds) = (&loaded.policy, &loaded.ds);
    seen.count_unnoted(policy, ds, loaded.cutoff.unix());
    let sha = InputFile::hash("policy", &policy_path, 0)?.sha256;
    let cut = loaded.cutoff.unix();
    let sends = facts::Sends::of(ds);
    // Every ticket's facts, for the outputs written whole (Parquet,
    // partitions, stdout); the CSV file computes them a block at a time.
    let all_facts = if !streamed {
        let levels = engine.levels_all(&rows);
        let n = ds.tickets.len();
        facts::compute_range(policy, ds, &sends, &levels, cut, 0..n)
    } else {
        Vec::new()
    };
    let ctx = output::Evaluated {
        cutoff: loaded.cutoff,
        policy_sha256: &sha,
        facts: &all_facts,
        facts_from: 0,
    };
    let root = batch_root(&plan.out, rejects);
    if let Out::Partitioned(d) = &plan.out {
        std::fs::create_dir_all(d).map_err(|e| Error::io(d, &e))?;
    }
    let mut batch = Batch::new(root);
    match &plan.out {
        Out::File(p, true) => {
            let bytes =
                frame::parquet_bytes_evaluated(p, policy, ds, &rows, &ctx)?;
            batch.write(p, &bytes)?;
        }
        Out::File(p, false) => {
            let tmp = batch.stage(p, "")?;
            let t = Table {
                engine: &engine,
                policy,
                ds,
                cutoff: loaded.cutoff,
                sends: &sends,
                ctx: &ctx,
                text: guards.text,
            };
            write_csv(p, &tmp, policy, |emit| {
                evaluate_blocks(&t, &mut seen, &progress, emit)
            })?;
            bar.finish_and_clear();
            // Nothing to measure: the staged table is dropped unwritten.
            measurable(&seen)?;
        }
        Out::Partitioned(d) => {
            partitions(d, plan.shard, &loaded, &rows, &ctx, &mut batch)?;
        }
        Out::Stdout => {}
    }
    if !rejects.as_os_str().is_empty() {
        write_rejects(ds, rejects, &mut batch, guards.text)?;
    }
    super::common::inputs_unchanged(&watch)?;
    if let Out::Stdout = plan.out {
        let text = output::render_evaluated(
            policy,
            ds,
            &rows,
            guards.text,
            Some(&ctx),
        );
        to_stdout(&text)?;
    }
    batch.commit()?;
    if !plan.quiet {
        let s = summary(&seen, &loaded, plan, g.lang);
        eprintln!("{s}");
    }
    Ok(())
}

/// Fails (exit 1, the rejects written) when the rows counted in `seen`
/// left no ticket to measure.
fn measurable(
    loaded: &Loaded,
    seen: &Seen<'_>,
    guards: &Guards,
    plan: &Written,
) -> plazo::Result<()> {
    let (out, rejects) = (plan.out.path(), &plan.rejects);
    loaded.check_measured(
        &seen.measured,
        guards,
        rejects,
        NOT_WRITTEN_SLA,
        out,
    )
}

/// `text` on standard output (`--out -`).
fn to_stdout(text: &str) -> plazo::Result<()> {
    use std::io::Write as _;
    let mut o = std::io::stdout().lock();
    o.write_all(text.as_bytes())
        .and_then(|()| o.flush())
        .map_err(|e| Error::io(Path::new("-"), &e))
}

/// The folder of the output batch: the table and its rejects appear
/// together.
fn batch_root<'a>(out: &'a Out, rejects: &'a Path) -> &'a Path {
    let parent =
        |p: &'a Path| p.parent().filter(|p| !p.as_os_str().is_empty());
    match out {
        Out::Partitioned(d) => d.as_path(),
        _ => parent(out.path())
            .unwrap_or(parent(rejects).unwrap_or(Path::new("."))),
    }
}

/// What [`evaluate_blocks`] needs: the engine bound to `ds`, and the
/// run's output context.
struct Table<'a> {
    engine: &'a plazo::engine::Engine<'a>,
    policy: &'a Policy,
    ds: &'a plazo::model::dataset::Dataset,
    cutoff: Instant,
    sends: &'a facts::Sends,
    ctx: &'a output::Evaluated<'a>,
    text: plazo::io::formula::FreeText,
}

/// Why the windows stopped before the last one.
enum Halt {
    /// The writing thread stopped.
    Writer(Stopped),
    /// A window's engine did not bind.
    Engine,
}

/// A block's lines, handed to the thread that writes them.
type Emit<'e> = dyn FnMut(Vec<String>) -> Result<(), Stopped> + Send + 'e;

/// The writing thread stopped (on an error it reports itself).
#[derive(Debug)]
struct Stopped;

/// Writes the CSV table to `tmp` (staged for `dest`): the header, then
/// the lines `body` emits, written by a thread of its own while `body`
/// computes the next ones (two groups of lines queued at most).
fn write_csv<R>(
    dest: &Path,
    tmp: &Path,
    policy: &Policy,
    body: impl FnOnce(&mut Emit<'_>) -> Result<R, Stopped>,
) -> plazo::Result<R> {
    write_csv_with(dest, tmp, policy, |emit| Ok(body(emit)))
}

/// [`write_csv`] for a `body` that fails with errors of its own.
fn write_csv_with<R>(
    dest: &Path,
    tmp: &Path,
    policy: &Policy,
    body: impl FnOnce(&mut Emit<'_>) -> plazo::Result<Result<R, Stopped>>,
) -> plazo::Result<R> {
    let io = |e: std::io::Error| Error::io(dest, &e);
    let file = std::fs::File::create(tmp).map_err(io)?;
    let mut f = std::io::BufWriter::with_capacity(1 << 20, file);
    output::write_header(&mut f, policy, true).map_err(io)?;
    let (tx, rx) = std::sync::mpsc::sync_channel::<Vec<String>>(2);
    std::thread::scope(|s| {
        let writer = s.spawn(move || -> std::io::Result<()> {
            use std::io::Write as _;
            for parts in rx {
                for p in &parts {
                    f.write_all(p.as_bytes())?;
                }
            }
            f.flush()
        });
        // A send fails only when the writer stopped on an error: its
        // error, from the join, is the one to report.
        let mut emit = |parts| tx.send(parts).map_err(|_| Stopped);
        let done = body(&mut emit);
        drop(tx);
        let written = writer
            .join()
            .unwrap_or_else(|panic| std::panic::resume_unwind(panic));
        written.map_err(io)?;
        done?.map_err(|Stopped| io(std::io::Error::other("writer stopped")))
    })
}

/// Evaluates the tickets of `t.ds` a block of [`BLOCK`] at a time,
/// counting each block in `seen`, and hands the block's lines to `emit`,
/// in order: neither the rows, the table's text nor every ticket's facts
/// are held.
fn evaluate_blocks<'p>(
    t: &Table<'_>,
    seen: &mut Seen<'p>,
    progress: &(impl Fn(usize) + Sync),
    emit: &mut Emit<'_>,
) -> Result<(), Stopped> {
    let (policy, ds) = (t.policy, t.ds);
    let cut = t.cutoff.unix();
    let lines = output::Rows::new(policy, ds, t.text);
    let n = ds.tickets.len();
    for lo in (0..n).step_by(BLOCK) {
        let rows = t
            .engine
            .evaluate_range_with(lo..n.min(lo + BLOCK), progress);
        seen.add(&rows);
        let block = rows.as_slice();
        let (Some(first), Some(last)) = (block.first(), block.last()) else {
            continue;
        };
        let span = first.ticket as usize..last.ticket as usize + 1;
        let levels = t.engine.levels_all(block);
        let facts =
            facts::compute_range(policy, ds, t.sends, &levels, cut, span);
        let ev = output::Evaluated {
            facts: &facts,
            facts_from: first.ticket,
            ..*t.ctx
        };
        output::render_rows(block, &lines, Some(&ev), &mut *emit)?;
    }
    Ok(())
}

/// Tickets per window when `plazo sla` may read the events a window of
/// tickets at a time ([`windowed`]): a CSV file out and the tables from
/// files ([`super::windowed::size`]).
fn window_size(data: &DataPlan, plan: &Written) -> Option<usize> {
    let files = matches!(data.inputs, DataSource::Files(_));
    if !(files && matches!(plan.out, Out::File(_, false))) {
        return None;
    }
    super::windowed::size()
}

/// `plazo sla` to a CSV file with the events read a window of `size`
/// tickets at a time ([`plazo::model::dataset::Windows`]): each window
/// is evaluated and written as soon as its events are read, and dropped.
/// The outputs, checks and summary are a whole read's. When the events
/// are not in the tickets' order, the events' people change the tickets'
/// labels ([`WindowPeople`]) or a window's engine does not bind (its
/// error is the whole read's to give), nothing is written and the plan
/// comes back, with the summary's sentence saying why, to be read whole.
fn windowed(
    data: DataPlan,
    plan: &Written,
    guards: &Guards,
    size: usize,
    g: &Global,
) -> anyhow::Result<Result<(), (DataPlan, Option<String>)>> {
    use plazo::engine::Engine;
    use plazo::model::dataset::Windowed;
    let (DataSource::Files(files), Out::File(p, false)) =
        (&data.inputs, &plan.out)
    else {
        unreachable!("window_size checks both");
    };
    let (policy, cutoff, lang) = (&data.policy, data.cutoff, g.lang);
    let (windows, mut shared) =
        super::windowed::open(policy, files, lang, plan.shard)?;
    let bar = super::common::progress(
        windows.dataset().tickets.len() as u64,
        msg::PROGRESS.get(lang),
        plan.quiet,
    );
    let progress = |n: usize| bar.inc(n as u64);
    let sha = InputFile::hash("policy", &data.policy_path, 0)?.sha256;
    let ctx = output::Evaluated {
        cutoff,
        policy_sha256: &sha,
        facts: &[],
        facts_from: 0,
    };
    let mut batch = Batch::new(batch_root(&plan.out, &plan.rejects));
    let tmp = batch.stage(p, "")?;
    let mut seen = Seen::new(policy, lang);
    let read = write_csv_with(p, &tmp, policy, |emit| {
        let mut halted = None;
        let read = windows.run(size, |win, lo| {
            let cells = shared.window(win, lo);
            let Ok(engine) = Engine::with_cells(policy, win, cutoff, &cells)
            else {
                halted = Some(Halt::Engine);
                return Err(Error::input("engine", ""));
            };
            let sends = facts::Sends::of(win);
            let t = Table {
                engine: &engine,
                policy,
                ds: win,
                cutoff,
                sends: &sends,
                ctx: &ctx,
                text: guards.text,
            };
            seen.count_unnoted(policy, win, cutoff.unix());
            evaluate_blocks(&t, &mut seen, &progress, emit).map_err(|s| {
                halted = Some(Halt::Writer(s));
                Error::input("writer stopped", "")
            })
        });
        match halted {
            Some(Halt::Writer(s)) => Ok(Err(s)),
            Some(Halt::Engine) => Ok(Ok(None)),
            None => read.map(|r| Ok(Some(r))),
        }
    });
    bar.finish_and_clear();
    let mut ds = match read? {
        Some(Windowed::Done(ds)) => *ds,
        Some(Windowed::OutOfOrder { line }) => {
            let file = files.events.display();
            let why = msg::EVENTS_READ_WHOLE
                .fill(lang, &[("line", &line), ("file", &file)]);
            drop(batch);
            return Ok(Err((data, Some(why))));
        }
        // A window's engine did not bind (a status label the policy does
        // not map): the whole read reports it over every ticket, with
        // each label's count in all the tables.
        None => {
            drop(batch);
            return Ok(Err((data, None)));
        }
    };
    if !shared.people.unchanged(&ds)? {
        drop(batch);
        let why = msg::EVENTS_PEOPLE_WHOLE.get(lang).into();
        return Ok(Err((data, Some(why))));
    }
    ds.rejects.extend(shared.cell_rejects);
    super::common::strict_rejects(data.strict, &ds)?;
    let watch = data.watch.clone();
    // `seen` borrows the plan's policy.
    let loaded = Loaded {
        db_reads: Vec::new(),
        policy: data.policy.clone(),
        ds,
        cells: shared.cells,
        cutoff,
        pre: None,
    };
    let (out, rejects) = (plan.out.path(), &plan.rejects);
    loaded.check_rejects(guards, rejects, NOT_WRITTEN_SLA, out)?;
    measurable(&loaded, &seen, guards, plan)?;
    write_rejects(&loaded.ds, rejects, &mut batch, guards.text)?;
    super::common::inputs_unchanged(&watch)?;
    batch.commit()?;
    if !plan.quiet {
        eprintln!("{}", summary(&seen, &loaded, plan, lang));
    }
    Ok(Ok(()))
}

/// Stages the partitioned dataset: `DIR/period=YYYY-MM/part-K.parquet`
/// for each month (of `opened_at`, in the policy's zone) that has
/// tickets, and the removal of this part in the months that no longer
/// have any (a previous run's).
fn partitions(
    dir: &Path,
    shard: Option<Shard>,
    l: &Loaded,
    rows: &[SlaRow],
    ctx: &output::Evaluated<'_>,
    batch: &mut Batch,
) -> plazo::Result<()> {
    let tz = l.policy.tz();
    let mut by: BTreeMap<String, Vec<SlaRow>> = BTreeMap::new();
    for r in rows {
        let opened = l.ds.tickets[r.ticket as usize].opened_at;
        let month = Instant::from_unix(opened).local_date(tz).format("%Y-%m");
        by.entry(month.to_string()).or_default().push(r.clone());
    }
    let file = format!("{}.parquet", part_name(shard));
    let mut written = Vec::new();
    for (month, part) in &by {
        let sub = dir.join(format!("period={month}"));
        std::fs::create_dir_all(&sub).map_err(|e| Error::io(&sub, &e))?;
        let p = sub.join(&file);
        let bytes =
            frame::parquet_bytes_evaluated(&p, &l.policy, &l.ds, part, ctx)?;
        batch.write(&p, &bytes)?;
        written.push(p);
    }
    let old = std::fs::read_dir(dir).map_err(|e| Error::io(dir, &e))?;
    for e in old.flatten() {
        let p = e.path().join(&file);
        let is_period = e.file_name().to_string_lossy().starts_with("period=");
        if is_period && p.is_file() && !written.contains(&p) {
            batch.remove(&p);
        }
    }
    Ok(())
}

/// What the summary and the nothing-to-measure check need from the
/// rows, counted block by block.
struct Seen<'a> {
    policy: &'a Policy,
    lang: Lang,
    tally: Tally<'a>,
    measured: Measured,
    /// Per policy version (0 = base): whether it measured any ticket, and
    /// which of its target rules any ticket matched.
    rules: Vec<(bool, Vec<bool>)>,
    /// Pauses without a note (`[checks] paused_requires_note`), and the
    /// first ticket with one.
    unnoted: (u64, Option<String>),
}

impl<'a> Seen<'a> {
    fn new(policy: &'a Policy, lang: Lang) -> Seen<'a> {
        let rules = (0..=policy.versions().len() as u16)
            .map(|v| {
                (false, vec![false; policy.version_policy(v).targets().len()])
            })
            .collect();
        Seen {
            policy,
            lang,
            tally: Tally::default(),
            measured: Measured::default(),
            rules,
            unnoted: (0, None),
        }
    }

    /// Counts the pauses without a note of `ds`'s tickets, when the
    /// policy requires a note.
    fn count_unnoted(&mut self, policy: &Policy, ds: &Dataset, cut: i64) {
        if !policy.paused_requires_note() {
            return;
        }
        for i in 0..ds.tickets.len() {
            let k = plazo::engine::unnoted_pauses(policy, ds, i, cut).len();
            if k > 0 && self.unnoted.1.is_none() {
                self.unnoted.1 = Some(ds.tickets[i].id.to_string());
            }
            self.unnoted.0 += k as u64;
        }
    }

    fn add(&mut self, rows: &[SlaRow]) {
        for r in rows {
            self.tally.add_row(r, self.policy, self.lang);
            self.measured.add(r, self.policy, |_| false);
            if let Some((any, used)) = self.rules.get_mut(r.version as usize) {
                *any = true;
                if let Some(u) =
                    r.target_rule.and_then(|i| used.get_mut(i as usize))
                {
                    *u = true;
                }
            }
        }
    }
}

/// The one-paragraph summary, a sentence each: the rejected rows first
/// when there are any, the counts, the events read, and when there are
/// any, the target rules no ticket matched and the pauses without a note.
fn summary(seen: &Seen<'_>, l: &Loaded, plan: &Written, lang: Lang) -> String {
    let n = l.ds.rejects.len() as u64;
    let mut p: Vec<String> = if plan.rejects.as_os_str().is_empty() {
        (n > 0)
            .then(|| {
                msg::REJECTS_NOT_WRITTEN
                    .fill(lang, &[("n", &thousands(n, lang))])
            })
            .into_iter()
            .collect()
    } else {
        rejects_first(n, &plan.rejects, lang).into_iter().collect()
    };
    let out = plan.out.path();
    p.push(seen.tally.sentence(l, out, lang));
    p.push(events(&l.ds.stats, lang));
    p.extend(plan.read_whole.clone());
    p.extend(plan.shard.map(|s| other_shards(s, &l.ds.stats, lang)));
    p.extend(unused_rules(seen, &l.policy, lang));
    p.extend(unnoted_pauses(seen, &l.policy, lang));
    p.join(" ")
}

/// The tickets counted by outcome.
#[derive(Default)]
struct Tally<'a> {
    /// Every ticket evaluated.
    tickets: u64,
    /// Excluded tickets by reason id (two named rules may share a
    /// description): (description, count).
    excluded: BTreeMap<&'a str, (&'a str, u64)>,
    no_target: u64,
    response_met: u64,
    response_breached: u64,
    unanswered: u64,
    resolution_met: u64,
    resolution_breached: u64,
    open: u64,
    /// Open tickets already past their resolution deadline.
    late: u64,
}

impl<'a> Tally<'a> {
    /// Counts a ticket.
    fn add_row(&mut self, r: &SlaRow, policy: &'a Policy, lang: Lang) {
        self.tickets += 1;
        match r.excluded {
            Some(Exclusion::NoTarget) => self.no_target += 1,
            Some(e) => {
                let p = policy.version_policy(r.version);
                self.excluded
                    .entry(e.name(p))
                    .or_insert((e.describe_in(p, lang), 0))
                    .1 += 1;
            }
            None => self.add(r),
        }
    }

    /// Counts a measured (not excluded) ticket.
    fn add(&mut self, r: &SlaRow) {
        match r.response_met {
            Some(true) => self.response_met += 1,
            Some(false) => self.response_breached += 1,
            None if r.response_target_s.is_some() => self.unanswered += 1,
            None => {}
        }
        match (r.resolution_met, r.resolution_class) {
            (Some(true), _) => self.resolution_met += 1,
            (Some(false), _) => self.resolution_breached += 1,
            (None, Some(c)) => {
                self.open += 1;
                if c == Class::Breached {
                    self.late += 1;
                }
            }
            _ => {}
        }
    }

    /// The summary's first sentence.
    fn sentence(&self, l: &Loaded, out: &Path, lang: Lang) -> String {
        let n = |x: u64| thousands(x, lang);
        let excluded: u64 = self.excluded.values().map(|v| v.1).sum();
        let reasons = self
            .excluded
            .values()
            .map(|(desc, k)| format!("{desc} {}", n(*k)))
            .collect::<Vec<_>>()
            .join(", ");
        let reasons = if reasons.is_empty() {
            reasons
        } else {
            format!(" ({reasons})")
        };
        msg::SUMMARY.fill(
            lang,
            &[
                ("policy", &l.policy.name()),
                ("tickets", &n(self.tickets)),
                ("cutoff", &l.cutoff.to_rfc3339(l.policy.tz())),
                ("excluded", &n(excluded)),
                ("reasons", &reasons),
                ("no_target", &n(self.no_target)),
                ("response_met", &n(self.response_met)),
                ("response_breached", &n(self.response_breached)),
                ("unanswered", &n(self.unanswered)),
                ("resolution_met", &n(self.resolution_met)),
                ("resolution_breached", &n(self.resolution_breached)),
                ("open", &n(self.open)),
                ("late", &n(self.late)),
                ("out", &out.display()),
            ],
        )
    }
}

/// The events sentence: read, merged duplicates, before the opening.
fn events(s: &LoadStats, lang: Lang) -> String {
    let unordered = if s.events > 1 && !s.events_in_ticket_order {
        format!(" {}", msg::EVENTS_UNORDERED.get(lang))
    } else {
        String::new()
    };
    msg::SUMMARY_EVENTS.fill(
        lang,
        &[
            ("events", &thousands(s.events, lang)),
            ("duplicates", &thousands(s.duplicate_events, lang)),
            ("before", &thousands(s.events_before_opening, lang)),
        ],
    ) + &unordered
}

/// Rows written (with their facts) to a CSV file at a time: 65,536 rows
/// are about 25 MB of text. Debug builds (the test suite) use blocks of
/// 1,000 so that the samples' goldens cross block boundaries.
const BLOCK: usize = if cfg!(debug_assertions) {
    1000
} else {
    1 << 16
};

/// The shard sentence: which shard, and the rows of the other shards'
/// tickets skipped (neither accepted nor rejected here).
fn other_shards(s: Shard, st: &LoadStats, lang: Lang) -> String {
    let [t, e, v] = st.other_shard;
    msg::SUMMARY_SHARD.fill(
        lang,
        &[
            ("k", &s.index),
            ("n", &s.count),
            ("tickets", &thousands(t, lang)),
            ("events", &thousands(e, lang)),
            ("surveys", &thousands(v, lang)),
        ],
    )
}

/// The target rules no ticket matched, when there are tickets: often a
/// label that differs from the data (the tickets then fall to a later,
/// usually looser, rule). With `[[versions]]`, each version's rules
/// against the tickets it measured (`versions[0].targets[1]`), when it
/// measured any.
fn unused_rules(
    seen: &Seen<'_>,
    policy: &Policy,
    lang: Lang,
) -> Option<String> {
    let mut unused: Vec<String> = Vec::new();
    for (v, (any, used)) in seen.rules.iter().enumerate() {
        let p = policy.version_policy(v as u16);
        let prefix = match v {
            0 => String::new(),
            v => format!("versions[{}].", v - 1),
        };
        unused.extend(
            p.targets()
                .iter()
                .filter(|t| *any && !used[t.index])
                .map(|t| {
                    format!("{prefix}targets[{}] ({})", t.index, t.label)
                }),
        );
    }
    (!unused.is_empty() && seen.tally.tickets > 0).then(|| {
        msg::UNUSED_RULES.fill(lang, &[("rules", &unused.join(", "))])
    })
}

/// The pauses without a note, with the first ticket that has one, when
/// the policy requires a note (`[checks] paused_requires_note`).
fn unnoted_pauses(
    seen: &Seen<'_>,
    policy: &Policy,
    lang: Lang,
) -> Option<String> {
    if !policy.paused_requires_note() {
        return None;
    }
    let (n, example) = &seen.unnoted;
    let example = example
        .as_ref()
        .map(|id| msg::UNNOTED_PAUSES_EXAMPLE.fill(lang, &[("id", id)]))
        .unwrap_or_default();
    Some(
        msg::UNNOTED_PAUSES
            .fill(lang, &[("n", &thousands(*n, lang)), ("example", &example)]),
    )
}
