//! `plazo report`: the period's indicator report, as a folder.
//!
//! Reads the canonical tables, evaluates every ticket at the cutoff (by
//! default the period's last second in the policy's zone) and writes into
//! `--out`: `informe-<period>.xlsx`, `indicators.csv`, `sla.csv` and
//! `charts/*.png|svg`, each atomically. `--period previous-month` or
//! `previous-quarter` picks the last complete period before the cutoff
//! (default: now), for cron. Prints a one-paragraph summary on stderr,
//! the rejected rows first.
//!
//! Runs that must not pass quietly (docs/ROBUSTNESS.md): above
//! `--max-rejects` (or the policy's `[checks] max_rejects`), or with no
//! ticket to measure (none accepted, or every one excluded by a rule),
//! it exits 1 and writes only `rejects.csv`. A period no ticket touched
//! is not an error: the report says so ("Resumen", "Metodología", the
//! summary) and exits 0.

use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use clap::Args;
use plazo::Error;
use plazo::io::atomic::{Batch, Folders};
use plazo::report::workbook::RowLimit;
use plazo::report::{self, Context, InputFile, Period, Written};
use plazo::text::msg::cli::report as msg;
use plazo::time::Instant;

use super::Global;
use super::common::{
    DataArgs, DataPlan, DataSource, DeadlineRulesArg, GuardArgs, Guards,
    Loaded, rejects_first, thousands,
};
use plazo::engine::Exclusion;
use plazo::text::msg::cli::quiet::NOT_WRITTEN_REPORT;

#[derive(Debug, Args)]
#[command(mut_arg("tickets", |a| a.required_unless_present("sla_rows")))]
#[command(mut_arg("events", |a| a.required_unless_present("sla_rows")))]
pub struct ReportArgs {
    #[command(flatten)]
    data: DataArgs,
    /// Precomputed per-ticket rows instead of --tickets/--events: the
    /// output of `plazo sla` (CSV or Parquet), one file or a folder of
    /// parts (every *.csv and *.parquet under it), at the report's
    /// cutoff and with the same policy (docs/CONTRACT.md §5.11).
    #[arg(
        long,
        value_name = "PATH",
        conflicts_with_all = ["tickets", "events", "surveys", "glpi_db", "html", "queries"]
    )]
    sla_rows: Option<PathBuf>,
    #[command(flatten)]
    rules: DeadlineRulesArg,
    #[command(flatten)]
    guard: GuardArgs,
    #[command(flatten)]
    period: PeriodArgs,
    /// Folder of custom indicators (*.sql, Polars SQL), one sheet each.
    #[arg(long)]
    queries: Option<PathBuf>,
    /// The committee's decisions on breaches (CSV: ticket, measure,
    /// decision, reason, who, date): waivers leave the figures from the
    /// period of their date on.
    #[arg(long)]
    decisions: Option<PathBuf>,
    /// Apply the decisions to every period, also those before their
    /// dates (the trend included).
    #[arg(long, requires = "decisions")]
    restate: bool,
    /// Also write the breach review page, informe-<period>.html: one
    /// self-contained file (indicators, charts, the breach list with
    /// each ticket's timeline), docs/CONTRACT.md §5.9.
    #[arg(long)]
    html: bool,
    /// Testing knob (docs/CONTRACT.md §5.10): the most rows a workbook
    /// sheet may have, note and header included (default Excel's
    /// 1048576); longer lists continue on numbered sheets.
    #[arg(long, hide = true, value_name = "ROWS")]
    sheet_row_limit: Option<String>,
    /// Output folder (created when missing).
    #[arg(long)]
    out: PathBuf,
}

/// `--period | --quarter | --from --to`: the report's period (also
/// `plazo whatif`'s).
#[derive(Debug, Args)]
pub struct PeriodArgs {
    /// Month (2026-10), or previous-month / previous-quarter (picked from
    /// the cutoff, default now). Without any period option: the last
    /// complete period of the policy's `[report] period`.
    #[arg(long, conflicts_with_all = ["quarter", "from"])]
    period: Option<String>,
    /// Quarter (2026Q3).
    #[arg(long, conflicts_with = "from")]
    quarter: Option<String>,
    /// First day of a custom period (YYYY-MM-DD); needs --to.
    #[arg(long, requires = "to")]
    from: Option<String>,
    /// Last day (included) of a custom period (YYYY-MM-DD).
    #[arg(long, requires = "from")]
    to: Option<String>,
}

fn date(flag: &str, s: &str) -> plazo::Result<NaiveDate> {
    NaiveDate::parse_from_str(s.trim(), "%Y-%m-%d").map_err(|_| {
        Error::input_msg(
            msg::BAD_DATE,
            &[("flag", &flag), ("value", &format!("{s:?}"))],
        )
    })
}

/// Everything `plazo report` needs, resolved and checked before a table
/// is read: the period, the cutoff (by default the period's last second),
/// the queries folder, the output folder.
#[derive(Debug)]
struct Plan {
    data: DataPlan,
    period: Period,
    queries: Option<PathBuf>,
    /// `--decisions` and `--restate`.
    decisions: Option<(PathBuf, bool)>,
    out: PathBuf,
    guards: Guards,
    quiet: bool,
    html: bool,
    row_limit: RowLimit,
}

impl ReportArgs {
    fn plan(self, g: &Global) -> plazo::Result<Plan> {
        if let Some(q) = &self.queries
            && !q.is_dir()
        {
            return Err(Error::input_msg(
                msg::QUERIES_NOT_DIR,
                &[("path", &q.display())],
            ));
        }
        if let Some(d) = &self.decisions
            && !d.is_file()
        {
            return Err(Error::input_msg(
                plazo::text::msg::decisions::NOT_FILE,
                &[("path", &d.display())],
            ));
        }
        let row_limit = row_limit(self.sheet_row_limit.as_deref())?;
        let mut data = self.data.tables.plan_rows(
            &self.data.policy,
            g.lang,
            self.sla_rows.as_deref(),
        )?;
        self.rules.apply(&mut data.policy)?;
        let guards = self
            .guard
            .resolve(Some((&data.policy, data.policy_path.as_path())))?;
        let period = self.period.resolve(&data.policy, data.cutoff)?;
        if !data.cutoff_given {
            data.cutoff = period.last_second();
        }
        if let DataSource::Db(db) = &mut data.inputs {
            // Only the tickets that can affect the report: opened by the
            // cutoff, and open or touched since the trend's first period
            // (custom queries may look anywhere: they get every ticket).
            db.filter.opened_until = Some(data.cutoff);
            if self.queries.is_none() {
                db.filter.active_since = report::window_start(&period);
            }
        }
        Ok(Plan {
            data,
            period,
            queries: self.queries,
            decisions: self.decisions.map(|d| (d, self.restate)),
            out: self.out,
            guards,
            quiet: g.quiet,
            html: self.html,
            row_limit,
        })
    }
}

/// `--sheet-row-limit` (also `plazo whatif`'s): Excel's limit when not
/// given.
pub(super) fn row_limit(given: Option<&str>) -> plazo::Result<RowLimit> {
    let Some(text) = given else {
        return Ok(RowLimit::EXCEL);
    };
    text.trim()
        .parse()
        .ok()
        .and_then(RowLimit::new)
        .ok_or_else(|| {
            Error::input_msg(
                plazo::text::msg::long_lists::BAD_ROW_LIMIT,
                &[
                    ("value", &format!("{text:?}")),
                    ("min", &RowLimit::MIN),
                    ("max", &plazo::report::workbook::EXCEL_MAX_ROWS),
                ],
            )
        })
}

impl PeriodArgs {
    /// The period: given, or picked from `now_or_cutoff` (the cutoff, or
    /// now when none was given).
    pub fn resolve(
        &self,
        policy: &plazo::Policy,
        now_or_cutoff: Instant,
    ) -> plazo::Result<Period> {
        use plazo::policy::ReportPeriod;
        let tz = policy.tz();
        Ok(match (&self.period, &self.quarter, &self.from, &self.to) {
            (Some(p), _, _, _) if p == "previous-month" => {
                Period::previous_complete(now_or_cutoff, false, tz)
            }
            (Some(p), _, _, _) if p == "previous-quarter" => {
                Period::previous_complete(now_or_cutoff, true, tz)
            }
            (Some(p), _, _, _) => {
                Period::parse(p, tz).map_err(|e| e.at("--period"))?
            }
            (_, Some(q), _, _) => {
                Period::parse(q, tz).map_err(|e| e.at("--quarter"))?
            }
            (_, _, Some(a), Some(b)) => {
                Period::range(date("--from", a)?, date("--to", b)?, tz)?
            }
            _ if policy.report_period().is_some() => {
                Period::previous_complete(
                    now_or_cutoff,
                    policy.report_period() == Some(ReportPeriod::Quarter),
                    tz,
                )
            }
            _ => {
                return Err(Error::input_msg(msg::NO_PERIOD, &[]));
            }
        })
    }
}

/// What one `plazo report` did: the period, the inputs with their row
/// counts and hashes, the rejects and every file written. `plazo run`
/// records it in its run log.
#[derive(Debug)]
pub struct Outcome {
    /// The period's label (`2026-10`, `2026Q3`, `2026-01-01_2026-06-30`).
    pub period: String,
    /// Policy, tickets, events and surveys: path, data rows, SHA-256.
    pub inputs: Vec<InputFile>,
    /// Accepted tickets, events and survey rows.
    pub tickets: u64,
    /// See `tickets`.
    pub events: u64,
    /// See `tickets`.
    pub surveys: u64,
    /// Rejected rows and cells (listed in `rejects`).
    pub rejects: u64,
    /// Every file written, workbook first; `rejects.csv` last when any.
    pub files: Vec<PathBuf>,
    /// The workbook.
    pub workbook: PathBuf,
}

/// The precomputed rows (`--sla-rows`), their levels and fact cells,
/// moved out of `loaded` for the report (a copy of each was a third of
/// the memory at 1M tickets); its pauses and files stay.
fn take_precomputed(
    loaded: &mut Loaded,
) -> Option<plazo::engine::sla_rows::Read> {
    use std::mem::take;
    let p = loaded.pre.as_mut()?;
    Some(plazo::engine::sla_rows::Read {
        rows: take(&mut p.rows),
        levels: take(&mut p.levels),
        facts: take(&mut p.facts),
        pauses: Vec::new(),
        files: Vec::new(),
    })
}

pub fn run(a: ReportArgs, g: &Global) -> anyhow::Result<()> {
    execute(a, g).map(|_| ())
}

/// `plazo report` itself: writes the report and, unless `--quiet`, the
/// summary; returns what it did.
pub fn execute(a: ReportArgs, g: &Global) -> anyhow::Result<Outcome> {
    let Plan {
        data,
        period,
        queries,
        decisions,
        out,
        guards,
        quiet,
        html,
        row_limit,
    } = a.plan(g)?;
    let (policy_path, files) = (data.policy_path.clone(), data.inputs.clone());
    let watch = data.watch.clone();
    // The folders this run makes go again if it fails (declared first,
    // dropped last: after the staged files).
    let (mut made, input) =
        read(data, &period, &guards, (&out, &queries, &decisions), g)?;
    let Input {
        mut loaded,
        windowed,
        batch,
        read_whole,
    } = input;
    // Rejected rows and unreadable cells, beside the report (as `plazo
    // sla` writes them beside its table), so nothing is dropped silently.
    let rejects = out.join("rejects.csv");
    loaded.check_rejects(&guards, &rejects, NOT_WRITTEN_REPORT, &out)?;
    let pre = take_precomputed(&mut loaded);
    let engine = loaded.engine()?;
    let (rows, pre, windowed, folded) = match (pre, windowed) {
        (Some(p), _) => (p.rows, Some((p.levels, p.facts)), None, None),
        (None, Some(w)) => {
            let folded = Some((w.folded, w.measured));
            let kept = Some((w.levels, w.pauses, w.escalations));
            (w.rows, None, kept, folded)
        }
        (None, None) => (engine.evaluate_all(), None, None, None),
    };
    // A ticket opened after the cutoff may still make an empty period.
    let later = |r: &plazo::engine::SlaRow| {
        r.excluded == Some(Exclusion::OpenedAfterCutoff)
    };
    let (what, g_) = (NOT_WRITTEN_REPORT, &guards);
    match &folded {
        Some((_, m)) => loaded.check_measured(m, g_, &rejects, what, &out)?,
        None => {
            loaded.check_measurable(&rows, later, g_, &rejects, what, &out)?
        }
    }
    let mut inputs = input_files(&policy_path, &files, &loaded)?;
    let book = read_decisions(decisions, &loaded.ds, &mut inputs)?;
    let (p, ds) = (&loaded.policy, &loaded.ds);
    // Every ticket's pauses: the windows kept them; else from the events.
    let read_pauses = match &windowed {
        Some((_, pauses, _)) => std::borrow::Cow::Borrowed(&pauses[..]),
        None => plazo::engine::all_pauses(p, ds, loaded.cutoff.unix()).into(),
    };
    let folded = folded.and_then(|f| f.0);
    let on = (&loaded, &rows[..], &period);
    let ctx = figures(on, g.lang, inputs.clone(), &read_pauses, folded)
        .with_csv_text(guards.text)
        .with_row_limit(row_limit);
    // Precomputed rows bring their pauses and levels; without events
    // there are no group times (docs/CONTRACT.md §5.11).
    let pauses = loaded.pre.as_ref().map_or(&[][..], |p| &p.pauses[..]);
    let ctx = match (pre, windowed) {
        (Some((levels, facts)), _) => ctx
            .with_pauses(pauses)
            .with_escalations(levels)
            .with_facts(facts),
        // Read by windows: sla.csv is written, with its facts; the
        // events of the tickets the lists show are kept.
        (None, Some((levels, _, escalations))) => ctx
            .with_tables_written(escalations)
            .with_escalations(levels)
            .with_group_times(|i| engine.group_times(i)),
        // The facts are computed a block at a time as sla.csv is
        // written (report::write_sla).
        (None, None) => ctx
            .with_escalations(engine.levels_all(&rows))
            .with_group_times(|i| engine.group_times(i)),
    };
    let ctx = book.into_iter().fold(ctx, Context::with_decisions);
    let ctx = if html {
        let (p, ds) = (&loaded.policy, &loaded.ds);
        ctx.with_html(|i| {
            plazo::engine::explain::explain(&engine, p, ds, i, false)
        })
    } else {
        ctx
    };
    let mut batch = match batch {
        Some(b) => b,
        None => {
            made = Folders::create(&out)?;
            Batch::new(&out)
        }
    };
    let w = report::stage(&ctx, &out, queries.as_deref(), &mut batch)?;
    super::common::write_rejects(
        &loaded.ds,
        &rejects,
        &mut batch,
        guards.text,
    )?;
    // Every file appears at once, and only if no input changed meanwhile.
    super::common::inputs_unchanged(&watch)?;
    batch.commit()?;
    made.keep();
    if !quiet {
        let n = loaded.ds.rejects.len() as u64;
        let first = rejects_first(n, &rejects, g.lang);
        eprintln!("{}", full_summary(first, &ctx, &w, &out, read_whole));
    }
    Ok(outcome(&period, inputs, &loaded.ds, w, rejects))
}

/// The report's figures and lists on `loaded`'s tables and `rows` for
/// `period`, with every ticket's `pauses`: added up window by window
/// (`folded`; `rows` are then the listed tickets'), or from every row.
fn figures<'a>(
    (loaded, rows, period): (
        &'a Loaded,
        &'a [plazo::engine::SlaRow],
        &'a Period,
    ),
    lang: plazo::text::lang::Lang,
    inputs: Vec<InputFile>,
    pauses: &[plazo::engine::Pause],
    folded: Option<plazo::report::Folded>,
) -> Context<'a> {
    let (p, ds, cutoff) = (&loaded.policy, &loaded.ds, loaded.cutoff);
    match folded {
        // "Datos" reads every row back from sla.csv.
        Some(f) => Context::folded(
            p, ds, rows, period, cutoff, lang, inputs, pauses, f,
        ),
        None => Context::with_read_pauses(
            p, ds, rows, period, cutoff, lang, inputs, pauses,
        ),
    }
}

/// What the run did, for `plazo run`'s log: `w`'s files, and `rejects`
/// when any row was rejected.
fn outcome(
    period: &Period,
    inputs: Vec<InputFile>,
    ds: &plazo::model::Dataset,
    w: Written,
    rejects: PathBuf,
) -> Outcome {
    let s = &ds.stats;
    let mut written = w.files;
    if !ds.rejects.is_empty() {
        written.push(rejects);
    }
    Outcome {
        period: period.label(),
        inputs,
        tickets: s.tickets,
        events: s.events,
        surveys: s.surveys,
        rejects: ds.rejects.len() as u64,
        files: written,
        workbook: w.workbook,
    }
}

/// The summary paragraph: the rejects' sentence when any, the report's,
/// the empty period's when no ticket touched it, and why the tables were
/// read whole when they could have been read by windows.
fn full_summary(
    rejects: Option<String>,
    ctx: &Context<'_>,
    w: &Written,
    out: &Path,
    read_whole: Option<String>,
) -> String {
    let line: Vec<String> = rejects
        .into_iter()
        .chain([summary(ctx, w, out)])
        .chain(ctx.empty_period.then(|| {
            ctx.words.fill(
                plazo::text::msg::report::EMPTY_PERIOD,
                &[("period", &ctx.period_words())],
            )
        }))
        .chain(read_whole)
        .collect();
    line.join(" ")
}

/// The tables of a report, read.
struct Input {
    loaded: Loaded,
    /// Read by windows: every ticket's rows, levels and pauses.
    windowed: Option<super::report_windows::Read>,
    /// Read by windows: the batch where `sla.csv` and `escalations.csv`
    /// are already staged.
    batch: Option<Batch>,
    /// Why tables that could be read by windows were read whole (the
    /// summary's last sentence).
    read_whole: Option<String>,
}

/// The tables, read whole or, when they can be, a window of tickets at
/// a time ([`super::report_windows`]).
fn read(
    data: DataPlan,
    period: &Period,
    guards: &Guards,
    (out, queries, decisions): (
        &Path,
        &Option<PathBuf>,
        &Option<(PathBuf, bool)>,
    ),
    g: &Global,
) -> anyhow::Result<(Folders, Input)> {
    let (queries, decisions) = (queries.is_some(), decisions.as_ref());
    let decisions = decisions.map(|d| d.0.as_path());
    use super::report_windows::{self as windows, Outcome};
    let whole = |data: DataPlan, read_whole| -> anyhow::Result<_> {
        let loaded = data.load(g.lang)?;
        let input = Input {
            loaded,
            windowed: None,
            batch: None,
            read_whole,
        };
        Ok((Folders::default(), input))
    };
    let Some(size) = windows::size(&data, queries) else {
        return whole(data, None);
    };
    let made = Folders::create(out)?;
    let mut batch = Batch::new(out);
    let to = (out, &mut batch);
    let how = (size, decisions);
    let read = windows::read(data, how, period, guards.text, to, g.lang);
    match read {
        Ok(Outcome::Read(loaded, r)) => Ok((
            made,
            Input {
                loaded: *loaded,
                windowed: Some(*r),
                batch: Some(batch),
                read_whole: None,
            },
        )),
        other => {
            // Nothing written: the folders go if this run made them.
            drop(batch);
            drop(made);
            match other? {
                Outcome::Whole(d, why) => whole(*d, why),
                Outcome::Read(..) => unreachable!("matched above"),
            }
        }
    }
}

/// The committee's decisions file (`--decisions`), when given, read
/// against the tickets and listed with the inputs (Metodología, the run
/// log).
fn read_decisions(
    given: Option<(PathBuf, bool)>,
    ds: &plazo::model::Dataset,
    inputs: &mut Vec<InputFile>,
) -> plazo::Result<Option<plazo::indicators::decisions::Book>> {
    let Some((path, restate)) = given else {
        return Ok(None);
    };
    let list = plazo::model::decisions::read(&path, ds)?;
    inputs.push(InputFile::hash("decisions", &path, list.len() as u64)?);
    Ok(Some(plazo::indicators::decisions::Book { list, restate }))
}

/// The input files as the workbook lists them: the policy, then the
/// tables read (path, data rows and SHA-256), or each database table
/// read with the masked address.
fn input_files(
    policy_path: &Path,
    files: &DataSource,
    loaded: &Loaded,
) -> plazo::Result<Vec<InputFile>> {
    let s = &loaded.ds.stats;
    let mut inputs = vec![InputFile::hash("policy", policy_path, 0)?];
    match files {
        DataSource::Files(files) => {
            inputs.push(InputFile::hash(
                "tickets",
                &files.tickets,
                s.ticket_rows,
            )?);
            inputs.push(InputFile::hash(
                "events",
                &files.events,
                s.event_rows,
            )?);
            if let Some(sv) = &files.surveys {
                inputs.push(InputFile::hash("surveys", sv, s.survey_rows)?);
            }
        }
        DataSource::Rows(_) => {
            let read = loaded.pre.iter().flat_map(|p| &p.files);
            for (f, n) in read {
                inputs.push(InputFile::hash("sla_rows", f, *n)?);
            }
        }
        DataSource::Db(db) => {
            for r in &loaded.db_reads {
                inputs.push(InputFile {
                    role: r.table.clone(),
                    path: PathBuf::from(db.target.masked()),
                    sha256: r.sha256.clone(),
                    rows: r.rows,
                });
            }
        }
    }
    Ok(inputs)
}

/// The one-line summary: the period's main figures and what was written,
/// in the report's language.
fn summary(c: &Context<'_>, w: &Written, out: &Path) -> String {
    let all = &c.lines[0];
    let pct = |id: &str| {
        all.get(id)
            .map_or_else(|| "-".to_string(), |v| format!("{v:.1} %"))
    };
    let n = |x: u64| thousands(x, c.lang);
    let count = |id: &str| n(all.get(id).unwrap_or(0.0) as u64);
    c.words.fill(
        msg::SUMMARY,
        &[
            ("policy", &c.policy.name()),
            ("period", &c.period.label()),
            ("cutoff", &c.cutoff.local_text(c.policy.tz())),
            ("opened", &count("tickets_opened")),
            ("solved", &count("tickets_solved")),
            ("backlog", &count("backlog_end")),
            ("response_pct", &pct("response_compliance_pct")),
            ("resolution_pct", &pct("resolution_compliance_pct")),
            ("breaches", &n(w.breaches as u64)),
            ("at_risk", &n(w.at_risk as u64)),
            ("files", &n(w.files.len() as u64)),
            ("out", &out.display()),
        ],
    )
}
