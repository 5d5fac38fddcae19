//! The monthly/quarterly indicator report (`plazo report`).
//!
//! From the per-ticket rows of [`crate::engine`] computed at one cutoff
//! (by default the period's last second), [`write()`] produces in one
//! folder:
//!
//! - `informe-<period>.xlsx`: the workbook ([`workbook`]);
//! - `indicators.csv`: docs/CONTRACT.md §5.3, long format
//!   `period,dimension,group,indicator,value` ([`indicators`]);
//! - `sla.csv`: the per-ticket table ([`crate::engine::output::render`]);
//! - `escalations.csv`: one row per ticket and level, when the events
//!   name groups ([`crate::engine::escalations::render`]);
//! - `charts/*.png` and `charts/*.svg` (which charts: [`chart_specs()`];
//!   drawing them: [`charts`]).
//!
//! Every file is written atomically (a temporary file, then a rename),
//! all of them together ([`crate::io::atomic::Batch`]: a killed run
//! leaves the previous report or the new one, never a mix), and carries
//! no clock time, so the same inputs give identical bytes.
//! The figures and ticket lists are computed once, in [`Context::new`];
//! the files only show them. The rules behind each number are in
//! `docs/INDICATORS.md`; every label is in the message catalogue
//! ([`crate::text::msg`]), in the context's language.
//!
//! [`explain`] renders one ticket's explanation (`plazo explain`) as
//! text.

mod chart_specs;
pub mod charts;
pub mod explain;
pub mod html;
pub mod queries;
pub mod whatif;
pub mod wording;
pub mod workbook;

use std::collections::HashMap;
use std::io::Read;
use std::path::{Path, PathBuf};

use rayon::prelude::*;
use sha2::{Digest, Sha256};

use crate::engine::SlaRow;
use crate::engine::escalations::Level;
use crate::engine::explain::Explanation;
use crate::engine::holders::GroupTime;
use crate::engine::output;
use crate::engine::reconcile::{self, reconcile};
use crate::error::{Error, Result};
use crate::indicators::escalations as esc_indicators;
use crate::io::atomic::Batch;
use crate::io::formula::FreeText;
use crate::model::dataset::Dataset;
use crate::policy::Policy;
use crate::text::lang::Lang;
use crate::text::words::Words;
use crate::time::Instant;

use crate::indicators;
use crate::indicators::decisions::{self as decisions, Book};
use crate::indicators::lists::Lists;
use crate::indicators::penalties::{self as penalties, Discounts};
pub use crate::indicators::period::Period;
pub use crate::indicators::{Dim, Line};
pub use chart_specs::chart_specs;
pub use queries::Query;

/// The periods of the trend (sheet "Tendencia", chart, survey trend).
pub const TREND_PERIODS: usize = 12;

/// The earliest instant a report for `period` looks at: the start of its
/// trend (the previous period is inside it). Tickets solved, closed and
/// untouched before it cannot change any figure of the report; the
/// database reader leaves them on the server.
pub fn window_start(period: &Period) -> Option<Instant> {
    period
        .trend(TREND_PERIODS)
        .first()
        .map(|p| Instant::from_unix(p.start))
}

/// An input file as the "Metodología" sheet lists it.
#[derive(Clone, Debug)]
pub struct InputFile {
    /// `policy`, `tickets`, `events` or `surveys`.
    pub role: String,
    /// The path as given.
    pub path: PathBuf,
    /// SHA-256 of the bytes, lowercase hex.
    pub sha256: String,
    /// Data rows read (0 for the policy).
    pub rows: u64,
}

impl InputFile {
    /// Hashes `path`.
    ///
    /// # Errors
    ///
    /// An I/O error naming the path.
    pub fn hash(role: &str, path: &Path, rows: u64) -> Result<InputFile> {
        let mut f =
            std::fs::File::open(path).map_err(|e| Error::io(path, &e))?;
        let mut h = Sha256::new();
        let mut buf = vec![0u8; 1 << 16];
        loop {
            let n = f.read(&mut buf).map_err(|e| Error::io(path, &e))?;
            if n == 0 {
                break;
            }
            h.update(&buf[..n]);
        }
        let sha256 = h
            .finalize()
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect::<String>();
        Ok(InputFile {
            role: role.to_string(),
            path: path.to_path_buf(),
            sha256,
            rows,
        })
    }

    /// The file name (without folders).
    pub fn name(&self) -> String {
        self.path
            .file_name()
            .map_or_else(String::new, |n| n.to_string_lossy().to_string())
    }
}

/// Everything a report is made of, computed once.
pub struct Context<'a> {
    /// Each ticket's fact cells for `sla.csv` ([`crate::engine::facts`]);
    /// empty: none written.
    pub facts: Vec<crate::engine::facts::Cells>,
    /// `sla.csv` and `escalations.csv` were written and staged by the
    /// caller ([`Context::with_tables_written`]); `Some(true)` when
    /// `escalations.csv` was (some ticket has levels).
    pub tables_written: Option<bool>,
    /// The policy.
    pub policy: &'a Policy,
    /// The tables.
    pub ds: &'a Dataset,
    /// The per-ticket rows at `cutoff`: every ticket's, or, when the
    /// figures were added up a window of tickets at a time
    /// ([`Context::folded`]), those of the tickets the period's lists
    /// and sheets can show, in ticket order.
    pub rows: &'a [SlaRow],
    /// Every ticket's row in the `sla.csv` this run staged, when `rows`
    /// are not all of them ([`Context::folded`]): the "Datos" sheets
    /// read them back from there.
    pub data: Option<crate::engine::sla_rows::Staged>,
    /// The escalation figures were added up with the others
    /// ([`Context::folded`]): [`Context::with_escalations`] only sets the
    /// levels the sheet lists; `Some(true)` when some ticket was
    /// escalated (the "Escalamientos" sheet is written).
    pub escalations_folded: Option<bool>,
    /// The period's line of each policy version's tickets (0: the base),
    /// added up with the others ([`Context::folded`]); `None`: computed
    /// from `rows`, which are then every ticket's.
    pub version_lines: Option<Vec<Line>>,
    /// The report period.
    pub period: &'a Period,
    /// The cutoff of `rows`.
    pub cutoff: Instant,
    /// Language of the workbook and charts.
    pub lang: Lang,
    /// The entity's words in `lang` (`[report.labels]` over the
    /// language's defaults).
    pub words: Words,
    /// The input files, hashed.
    pub inputs: Vec<InputFile>,
    /// The period's indicators, every dimension (`lines[0]` is `all`).
    pub lines: Vec<Line>,
    /// The previous period's `all` line.
    pub previous: Vec<Line>,
    /// The last 12 periods (oldest first) with their `all` line.
    pub trend: Vec<(Period, Line)>,
    /// Position of the `title` extra column, when the tickets have one.
    pub title_col: Option<usize>,
    /// The period's ticket lists: breaches, at risk, excluded, survey
    /// scores and comments, pauses without a note.
    pub lists: Lists<'a>,
    /// plazo's figures beside GLPI's own SLA fields, when the tickets
    /// carry them (`--source glpi-tables`: a `solve_delay_stat` column).
    pub reconciliation: Option<Vec<reconcile::Row>>,
    /// Every ticket's escalation levels as (ticket, level), when the
    /// caller gave them ([`Context::with_escalations`]); empty when the
    /// events name no group.
    pub levels: Vec<(u32, Level)>,
    /// How the free-text cells of the CSV outputs are written
    /// ([`crate::io::formula`]; guarded unless [`Context::with_csv_text`]
    /// says otherwise).
    pub csv_text: FreeText,
    /// No ticket was opened, solved or closed in the period, nor pending
    /// during it ([`empty_period`]): "Resumen" and "Metodología" say so.
    pub empty_period: bool,
    /// The counted business time per group that held each ticket of the
    /// breach list (by ticket index), when the caller gave it
    /// ([`Context::with_group_times`]); empty otherwise.
    pub group_times: HashMap<u32, Vec<GroupTime>>,
    /// The timelines of the breach review page's tickets (by ticket
    /// index), when the caller asked for the page
    /// ([`Context::with_html`]); `None`: no page.
    pub timelines: Option<HashMap<u32, Explanation>>,
    /// The committee's decisions, when given
    /// ([`Context::with_decisions`]): the "Decisiones" sheet and the
    /// breach sheet's "Decisión" column.
    pub decided: Option<Decided>,
    /// The contract's discounts of the period (`[[penalties]]`; empty
    /// without): the "Descuentos" sheet.
    pub discounts: Discounts,
    /// The most rows a sheet of the workbook may have (Excel's, unless
    /// [`Context::with_row_limit`] sets a smaller one): a longer list
    /// continues on numbered sheets (docs/CONTRACT.md §5.10).
    pub row_limit: workbook::RowLimit,
}

/// The committee's decisions applied to a report.
#[derive(Clone, Debug)]
pub struct Decided {
    /// The decisions and the dating rule.
    pub book: Book,
    /// The period's `all` line before any decision: each decision's
    /// effect is shown against it.
    pub before: Line,
}

/// True when no ticket of `rows` touches `period`: none opened in it,
/// solved or closed in it or later, or still pending (unsolved and not
/// cancelled) when it began. Tickets opened after the cutoff do not
/// exist yet.
pub fn empty_period(ds: &Dataset, rows: &[SlaRow], period: &Period) -> bool {
    use crate::engine::Exclusion;
    !rows.iter().any(|r| {
        let opened = ds.tickets[r.ticket as usize].opened_at;
        let later = |t: Option<i64>| t.is_some_and(|t| t >= period.start);
        let pending =
            r.solved_at.is_none() && r.excluded != Some(Exclusion::Cancelled);
        r.excluded != Some(Exclusion::OpenedAfterCutoff)
            && opened < period.end
            && (opened >= period.start
                || later(r.solved_at.get())
                || later(r.closed_at.get())
                || pending)
    })
}

/// The figures of a report: the period's lines, the previous
/// period's, the trend's, and whether no ticket touched the period.
struct Figures {
    lines: Vec<Line>,
    previous: Vec<Line>,
    trend: Vec<(Period, Line)>,
    empty_period: bool,
}

/// What [`Context::folded`] is given besides the rows kept: the figures
/// added up, and every row in the staged `sla.csv`.
#[derive(Clone, Debug)]
pub struct Folded {
    /// The figures, added up window by window.
    pub folds: Folds,
    /// Every ticket's row.
    pub data: crate::engine::sla_rows::Staged,
}

/// What a report adds up from every ticket's row, a part of the rows at
/// a time ([`Context::folded`]): the lines of the period (by every
/// dimension), of the previous period and of the trend's periods
/// ([`indicators::Fold`]), their escalation figures
/// ([`esc_indicators::Fold`]), and whether some ticket touched the
/// period ([`empty_period`]). The rows' order is kept: given in ticket
/// order, the figures equal a whole read's to the last digit.
#[derive(Clone, Debug)]
pub struct Folds {
    lines: indicators::Fold,
    previous: indicators::Fold,
    trend: Vec<(Period, indicators::Fold)>,
    empty: bool,
    /// The escalation figures of the period, the previous one and the
    /// trend's periods, in that order ([`esc_indicators::Fold`]).
    escalations: Vec<esc_indicators::Fold>,
    /// Some ticket was escalated (a level past 0, in scope or not).
    escalated: bool,
    /// The period's figures of each policy version's tickets (0: the
    /// base; "Por versión de la política"); empty without `[[versions]]`.
    versions: Vec<indicators::Fold>,
}

impl Folds {
    /// No row yet, for the report of `period` at `cutoff`.
    pub fn new(policy: &Policy, period: &Period, cutoff: Instant) -> Folds {
        let sat = policy.survey().satisfied_min;
        let cut = cutoff.unix();
        let fold = |p: &Period, dims: &[Dim]| {
            indicators::Fold::new(p, sat, cut, dims)
        };
        let trend = period.trend(TREND_PERIODS);
        let escalations = [*period, period.previous()]
            .iter()
            .chain(&trend)
            .map(esc_indicators::Fold::new)
            .collect();
        Folds {
            lines: fold(period, &Dim::ALL),
            previous: fold(&period.previous(), &[Dim::All]),
            trend: trend
                .into_iter()
                .map(|p| (p, fold(&p, &[Dim::All])))
                .collect(),
            empty: true,
            escalations,
            escalated: false,
            versions: match policy.has_versions() {
                true => (0..=policy.versions().len())
                    .map(|_| fold(period, &[Dim::All]))
                    .collect(),
                false => Vec::new(),
            },
        }
    }

    /// Adds the rows of every ticket of `ds` (`rows`, in ticket order)
    /// and all their levels (`levels`,
    /// [`crate::engine::Engine::levels_all`]); each fold on its own core.
    pub fn add(
        &mut self,
        ds: &Dataset,
        rows: &[SlaRow],
        levels: &[(u32, Level)],
    ) {
        let period = self.lines.period();
        self.empty &= empty_period(ds, rows, &period);
        self.escalated |= levels.iter().any(|(_, l)| l.level > 0);
        let in_scope = |t| esc_indicators::in_scope(rows, t);
        let folds: Vec<&mut indicators::Fold> =
            [&mut self.lines, &mut self.previous]
                .into_iter()
                .chain(self.trend.iter_mut().map(|(_, f)| f))
                .collect();
        let escalations = &mut self.escalations;
        let versions = &mut self.versions;
        rayon::join(
            || {
                folds.into_par_iter().for_each(|f| f.add(ds, rows));
                versions.par_iter_mut().enumerate().for_each(|(v, f)| {
                    f.add_if(ds, rows, |r| usize::from(r.version) == v)
                });
            },
            || {
                escalations
                    .par_iter_mut()
                    .for_each(|f| f.add(ds, in_scope, levels))
            },
        );
    }
}

impl<'a> Context<'a> {
    /// Computes the indicators of `period`, the previous period and the
    /// 12-period trend, the period's ticket lists and, for GLPI tables,
    /// the reconciliation with GLPI's own figures.
    pub fn new(
        policy: &'a Policy,
        ds: &'a Dataset,
        rows: &'a [SlaRow],
        period: &'a Period,
        cutoff: Instant,
        lang: Lang,
        inputs: Vec<InputFile>,
    ) -> Context<'a> {
        let pauses = crate::engine::all_pauses(policy, ds, cutoff.unix());
        Context::with_read_pauses(
            policy, ds, rows, period, cutoff, lang, inputs, &pauses,
        )
    }

    /// [`Context::new`] with every ticket's pauses already read
    /// ([`crate::engine::all_pauses`] of the whole events table, by
    /// ticket then time): `plazo report` reading the events a window of
    /// tickets at a time keeps only the events of the tickets the
    /// period's lists can show, not every pause's.
    #[allow(clippy::too_many_arguments)]
    pub fn with_read_pauses(
        policy: &'a Policy,
        ds: &'a Dataset,
        rows: &'a [SlaRow],
        period: &'a Period,
        cutoff: Instant,
        lang: Lang,
        inputs: Vec<InputFile>,
        pauses: &[crate::engine::Pause],
    ) -> Context<'a> {
        let sat = policy.survey().satisfied_min;
        let cut = cutoff.unix();
        let noted = policy.paused_requires_note();
        let lines_of = |p: &Period, dims: &[Dim]| {
            let mut l = indicators::compute(ds, rows, p, sat, cut, dims);
            indicators::fill_pauses(&mut l, ds, pauses, p, noted);
            l
        };
        // The period's lines, the previous period's, the trend's and the
        // lists are independent passes over the rows: on all cores.
        let trend_of = |p: Period| {
            let l = lines_of(&p, &[Dim::All]);
            (p, l.into_iter().next().expect("all line"))
        };
        let ((lines, (previous, trend)), lists) = rayon::join(
            || {
                rayon::join(
                    || lines_of(period, &Dim::ALL),
                    || {
                        rayon::join(
                            || lines_of(&period.previous(), &[Dim::All]),
                            || {
                                period
                                    .trend(TREND_PERIODS)
                                    .into_par_iter()
                                    .map(trend_of)
                                    .collect()
                            },
                        )
                    },
                )
            },
            || Lists::new(policy, ds, rows, period, cut, pauses),
        );
        let figures = Figures {
            lines,
            previous,
            trend,
            empty_period: empty_period(ds, rows, period),
        };
        Context::from_figures(
            (policy, ds, rows, period),
            cutoff,
            lang,
            inputs,
            figures,
            lists,
        )
    }

    /// [`Context::with_read_pauses`] with the figures of every ticket
    /// already added up (`folded`'s folds, a window of tickets at a time)
    /// and `rows` only the rows of the tickets the period's lists and
    /// sheets show (in ticket order); `folded`'s data is the `sla.csv`
    /// holding every ticket's row, which the "Datos" sheets read back. The tickets kept
    /// must be at least those of every list: those touched since the
    /// period began or not yet closed, any ticket with a class at the
    /// cutoff, a survey answered since the period began, or an
    /// escalation taken since then or waiting at the cutoff
    /// (docs/SCALING.md); the levels given to
    /// [`Context::with_escalations`] then those of such tickets only (the
    /// escalation figures are in `folded`), and, for
    /// [`Context::with_decisions`], every ticket the decisions name (a
    /// waiver may be dated in any trend period). Each `[[versions]]`'s
    /// figures are in `folded` too; GLPI's reconciliation reads every
    /// row: a caller keeps all of them then.
    #[allow(clippy::too_many_arguments)]
    pub fn folded(
        policy: &'a Policy,
        ds: &'a Dataset,
        rows: &'a [SlaRow],
        period: &'a Period,
        cutoff: Instant,
        lang: Lang,
        inputs: Vec<InputFile>,
        pauses: &[crate::engine::Pause],
        folded: Folded,
    ) -> Context<'a> {
        let Folded { folds, data } = folded;
        let (escalated, versions) = (folds.escalated, folds.versions);
        let mut escalations = folds.escalations.into_iter();
        let noted = policy.paused_requires_note();
        let cut = cutoff.unix();
        let lines_of = |fold: indicators::Fold, p: &Period| {
            let mut l = fold.finish();
            indicators::fill_pauses(&mut l, ds, pauses, p, noted);
            l
        };
        let prev = period.previous();
        let trend = folds
            .trend
            .into_iter()
            .map(|(p, f)| {
                let l = lines_of(f, &p);
                (p, l.into_iter().next().expect("all line"))
            })
            .collect();
        let figures = Figures {
            lines: lines_of(folds.lines, period),
            previous: lines_of(folds.previous, &prev),
            trend,
            empty_period: folds.empty,
        };
        let lists = Lists::new(policy, ds, rows, period, cut, pauses);
        let mut c = Context::from_figures(
            (policy, ds, rows, period),
            cutoff,
            lang,
            inputs,
            figures,
            lists,
        );
        c.data = Some(data);
        c.escalations_folded = Some(escalated);
        c.version_lines = (!versions.is_empty()).then(|| {
            versions
                .into_iter()
                .map(|f| f.finish().into_iter().next().expect("all line"))
                .collect()
        });
        // The period's, the previous one's, each trend period's, as
        // [`Context::with_escalations`] fills them.
        let mut next = || escalations.next().expect("a fold a period");
        next().fill(&mut c.lines);
        next().fill(&mut c.previous);
        for (_, line) in &mut c.trend {
            let mut one = vec![line.clone()];
            next().fill(&mut one);
            *line = one.swap_remove(0);
        }
        c
    }

    /// The context of `figures` and `lists`, computed from `rows`.
    fn from_figures(
        (policy, ds, rows, period): (
            &'a Policy,
            &'a Dataset,
            &'a [SlaRow],
            &'a Period,
        ),
        cutoff: Instant,
        lang: Lang,
        inputs: Vec<InputFile>,
        figures: Figures,
        lists: Lists<'a>,
    ) -> Context<'a> {
        let title_col = ds.extra_columns.iter().position(|c| c == "title");
        let reconciliation = ds
            .extra_columns
            .iter()
            .any(|x| x == "solve_delay_stat")
            .then(|| reconcile(policy, ds, rows, None));
        Context {
            facts: Vec::new(),
            tables_written: None,
            policy,
            ds,
            rows,
            data: None,
            escalations_folded: None,
            version_lines: None,
            period,
            cutoff,
            lang,
            words: policy.report().labels.words(lang),
            inputs,
            lines: figures.lines,
            previous: figures.previous,
            trend: figures.trend,
            title_col,
            lists,
            reconciliation,
            levels: Vec::new(),
            csv_text: FreeText::Guarded,
            empty_period: figures.empty_period,
            group_times: HashMap::new(),
            decided: None,
            discounts: Discounts::default(),
            timelines: None,
            row_limit: workbook::RowLimit::EXCEL,
        }
        .with_discounts()
    }

    /// The number of per-ticket rows: "Datos"' lines.
    pub fn data_rows(&self) -> usize {
        self.data.as_ref().map_or(self.rows.len(), |d| d.rows)
    }

    /// Applies the committee's decisions (`--decisions`, `--restate`) to
    /// the period's lines, the previous period's and the trend's, each
    /// under the dating rule ([`decisions`]), and computes the discounts
    /// again on the decided figures.
    pub fn with_decisions(mut self, book: Book) -> Self {
        let (ds, rows) = (self.ds, self.rows);
        let before = self.lines[0].clone();
        decisions::apply(&mut self.lines, ds, rows, &book, self.period);
        let prev = self.period.previous();
        decisions::apply(&mut self.previous, ds, rows, &book, &prev);
        for (p, line) in &mut self.trend {
            decisions::apply(std::slice::from_mut(line), ds, rows, &book, p);
        }
        self.decided = Some(Decided { book, before });
        self.with_discounts()
    }

    /// The discounts of the period on the current figures.
    fn with_discounts(mut self) -> Self {
        let empty = Book::default();
        let book = self.decided.as_ref().map_or(&empty, |d| &d.book);
        self.discounts = penalties::compute(
            self.policy,
            &self.lines[0],
            self.rows,
            book,
            self.period,
        );
        self
    }

    /// Sets the most rows a sheet of the workbook may have
    /// (`--sheet-row-limit`, a testing knob: docs/CONTRACT.md §5.10).
    pub fn with_row_limit(mut self, limit: workbook::RowLimit) -> Self {
        self.row_limit = limit;
        self
    }

    /// Says that `sla.csv` (with its facts) and, when `escalations`,
    /// `escalations.csv` were already written and staged in the batch
    /// [`stage`] will be given (by [`write_sla_rows`] and
    /// [`crate::engine::escalations::write_rows`], a window of tickets at
    /// a time): [`stage`] lists them and writes them no more. The levels
    /// given to [`Context::with_escalations`] may then be those of the
    /// escalated tickets only, all the sheet reads.
    pub fn with_tables_written(mut self, escalations: bool) -> Self {
        self.tables_written = Some(escalations);
        self
    }

    /// Sets the fact cells `sla.csv` carries ([`crate::engine::facts`]).
    pub fn with_facts(
        mut self,
        facts: Vec<crate::engine::facts::Cells>,
    ) -> Self {
        self.facts = facts;
        self
    }

    /// Counts `pauses` (read from precomputed rows, `plazo report
    /// --sla-rows`, docs/CONTRACT.md §5.11) in the `pauses` and
    /// `pauses_without_note` indicators of the period, the previous one
    /// and the trend, as [`Context::new`] counts the events' pauses.
    pub fn with_pauses(mut self, pauses: &[crate::engine::Pause]) -> Self {
        let (ds, noted) = (self.ds, self.policy.paused_requires_note());
        indicators::fill_pauses(
            &mut self.lines,
            ds,
            pauses,
            self.period,
            noted,
        );
        let prev = self.period.previous();
        indicators::fill_pauses(&mut self.previous, ds, pauses, &prev, noted);
        for (p, line) in &mut self.trend {
            let one = std::slice::from_mut(line);
            indicators::fill_pauses(one, ds, pauses, p, noted);
        }
        self.with_discounts()
    }

    /// Sets how the free-text cells of the CSV outputs are written
    /// (`--csv-raw`: [`FreeText::Raw`]).
    pub fn with_csv_text(mut self, text: FreeText) -> Self {
        self.csv_text = text;
        self
    }

    /// Adds, for each ticket of the breach list, the business time each
    /// group held it (`times`: [`crate::engine::Engine::group_times`]
    /// under the same rows): the breach sheet's "Tiempo por grupo".
    pub fn with_group_times(
        mut self,
        times: impl Fn(usize) -> Vec<GroupTime>,
    ) -> Self {
        self.group_times = self
            .lists
            .breaches
            .iter()
            .map(|b| (b.row.ticket, times(b.row.ticket as usize)))
            .collect();
        self
    }

    /// Asks for the breach review page (`informe-<period>.html`,
    /// [`html`]) with the timelines of its tickets, each explained by
    /// `explain` ([`crate::engine::explain::explain`] under the same
    /// rows, without detail).
    pub fn with_html(
        mut self,
        explain: impl Fn(usize) -> Explanation,
    ) -> Self {
        self.timelines = Some(html::timelines(&self, explain));
        self
    }

    /// Adds the tickets' escalation levels
    /// ([`crate::engine::Engine::levels_all`] under the same rows) and
    /// their indicators to the period's lines, the previous period's and
    /// the trend's: the "Escalamientos" sheet and `escalations.csv` show
    /// them.
    pub fn with_escalations(mut self, levels: Vec<(u32, Level)>) -> Self {
        if self.escalations_folded.is_some() {
            self.levels = levels;
            return self.with_discounts();
        }
        let (ds, rows, period) = (self.ds, self.rows, self.period);
        // Read by windows, `levels` are the escalated tickets' only;
        // `escalations.csv` was written when any ticket has levels.
        let named = self.tables_written;
        let scope = (|t| esc_indicators::in_scope(rows, t), named);
        let prev = period.previous();
        let at = &levels;
        // Each period's figures are a pass over the levels: on all cores.
        let (lines, previous) = (&mut self.lines, &mut self.previous);
        let trend = &mut self.trend;
        rayon::join(
            || esc_indicators::fill(lines, ds, scope, at, period),
            || {
                rayon::join(
                    || esc_indicators::fill(previous, ds, scope, at, &prev),
                    || {
                        trend.par_iter_mut().for_each(|(p, line)| {
                            let mut one = vec![line.clone()];
                            esc_indicators::fill(&mut one, ds, scope, at, p);
                            *line = one.swap_remove(0);
                        });
                    },
                )
            },
        );
        self.levels = levels;
        // A discount may be on an escalation figure.
        self.with_discounts()
    }
}

impl Context<'_> {
    /// The period's lines of dimension `dim` in reading order
    /// (priorities by severity: [`wording::dim_lines`]).
    pub fn dim_lines(&self, dim: Dim) -> Vec<&Line> {
        wording::dim_lines(self.policy, &self.lines, dim)
    }

    /// The report period in words (`octubre 2026`).
    pub fn period_words(&self) -> String {
        wording::period(self.period, self.lang)
    }
}

/// What [`write()`] produced.
#[derive(Clone, Debug)]
pub struct Written {
    /// The workbook.
    pub workbook: PathBuf,
    /// Every file written, workbook included.
    pub files: Vec<PathBuf>,
    /// Tickets in the "Incumplimientos" sheet with a measure finished over
    /// its target in the period (the overdue unfinished ones listed there
    /// too are counted in `at_risk`).
    pub breaches: usize,
    /// Tickets in the "En riesgo" sheet.
    pub at_risk: usize,
    /// Custom query sheets added.
    pub queries: usize,
    /// The breach review page, when asked for.
    pub html: Option<PathBuf>,
}

/// Writes the report into `out` (created when missing): workbook,
/// `indicators.csv`, `sla.csv` and `charts/`. `queries`: a folder of
/// custom `*.sql` indicators, each added as a sheet. The files appear
/// together ([`crate::io::atomic::Batch`]).
///
/// # Errors
///
/// An I/O error naming the file that could not be written; an input
/// error naming a query file that Polars rejects.
pub fn write(
    c: &Context<'_>,
    out: &Path,
    queries: Option<&Path>,
) -> Result<Written> {
    std::fs::create_dir_all(out).map_err(|e| Error::io(out, &e))?;
    let mut batch = Batch::new(out);
    let w = stage(c, out, queries, &mut batch)?;
    batch.commit()?;
    Ok(w)
}

/// Stages the report's files into `batch` (see [`write()`]); nothing
/// appears in `out` until the caller commits the batch, with whatever
/// else belongs to the run (`plazo report` adds its rejects file).
///
/// # Errors
///
/// As [`write()`].
pub fn stage(
    c: &Context<'_>,
    out: &Path,
    queries: Option<&Path>,
    batch: &mut Batch,
) -> Result<Written> {
    let chart_dir = out.join("charts");
    std::fs::create_dir_all(&chart_dir)
        .map_err(|e| Error::io(&chart_dir, &e))?;
    // Queries first: a bad query fails before anything is written.
    let qs = match queries {
        Some(d) => queries::run(c, d)?,
        None => Vec::new(),
    };
    let mut files = Vec::new();
    let mut csv = String::from(indicators::CSV_HEADER);
    let text = c.csv_text;
    indicators::csv_rows(
        &mut csv,
        &c.period.label(),
        &c.lines,
        c.policy,
        text,
    );
    indicators::question_csv_rows(
        &mut csv,
        &c.period.label(),
        &c.lists.survey.questions,
        text,
    );
    let p = out.join("indicators.csv");
    batch.write(&p, csv.as_bytes())?;
    files.push(p);
    let sla = out.join("sla.csv");
    let written = c.tables_written;
    let sla_tmp = match written {
        Some(_) => None,
        None => Some(batch.stage(&sla, "")?),
    };
    files.push(sla.clone());
    let escalations = written
        .unwrap_or(!c.levels.is_empty())
        .then(|| out.join("escalations.csv"));
    files.extend(escalations.clone());
    let esc_tmp = match (&escalations, written) {
        (Some(p), None) => Some(batch.stage(p, "")?),
        _ => None,
    };
    let (pngs, svgs) = stage_charts(c, &chart_dir, batch, &mut files)?;
    let wb_name = format!("informe-{}.xlsx", c.period.label());
    let wb = out.join(&wb_name);
    let wb_tmp = batch.stage(&wb, "")?;
    // The workbook (one thread: rust_xlsxwriter writes and compresses
    // its sheets in turn) while the CSV files are written beside it, on
    // the other cores: the workbook is the longer, it keeps a core.
    let others = rayon::current_num_threads().saturating_sub(1).max(1);
    let pool = rayon::ThreadPoolBuilder::new().num_threads(others).build();
    let (csvs, book) = std::thread::scope(|s| {
        let book = s.spawn(|| workbook::write(c, &pngs, &qs, &wb, &wb_tmp));
        let write_csvs = || {
            let sla = match &sla_tmp {
                Some(tmp) => write_sla(&sla, tmp, c, text),
                None => Ok(()),
            };
            sla.and_then(|()| match (&escalations, &esc_tmp) {
                (Some(p), Some(tmp)) => {
                    let io = |e: std::io::Error| Error::io(p, &e);
                    let file = std::fs::File::create(tmp).map_err(io)?;
                    let mut f = std::io::BufWriter::new(file);
                    crate::engine::escalations::write(
                        &mut f, c.policy, c.ds, &c.levels, text,
                    )
                    .and_then(|()| std::io::Write::flush(&mut f))
                    .map_err(io)
                }
                _ => Ok(()),
            })
        };
        let csvs = match &pool {
            Ok(pool) => pool.install(write_csvs),
            // No thread for a pool of its own: on the global one.
            Err(_) => write_csvs(),
        };
        let book = book
            .join()
            .unwrap_or_else(|panic| std::panic::resume_unwind(panic));
        (csvs, book)
    });
    csvs?;
    book?;
    files.insert(0, wb.clone());
    let page = match &c.timelines {
        Some(t) => {
            let p = out.join(html::file_name(&c.period.label()));
            let text = html::render(c, t, &svgs, &wb_name);
            batch.write(&p, text.as_bytes())?;
            files.insert(1, p.clone());
            Some(p)
        }
        None => None,
    };
    Ok(Written {
        html: page,
        workbook: wb,
        files,
        breaches: c.lists.breaches.iter().filter(|b| b.finished()).count(),
        at_risk: c.lists.at_risk.len(),
        queries: qs.len(),
    })
}

/// Each chart of the report as PNG and SVG in `dir`, staged in `batch`
/// and listed in `files`; returns each chart's PNG bytes (for the
/// workbook) and SVG text (for the breach review page), by file stem.
#[allow(clippy::type_complexity)]
fn stage_charts(
    c: &Context<'_>,
    dir: &Path,
    batch: &mut Batch,
    files: &mut Vec<PathBuf>,
) -> Result<(Vec<(String, Vec<u8>)>, Vec<(String, String)>)> {
    let mut pngs = Vec::new();
    let mut svgs = Vec::new();
    for (stem, chart) in chart_specs(c) {
        let png = dir.join(format!("{stem}.png"));
        pngs.push((stem.clone(), charts::png(&chart, &png, batch)?));
        files.push(png);
        let svg = dir.join(format!("{stem}.svg"));
        let text = charts::svg(&chart, &svg)?;
        batch.write(&svg, text.as_bytes())?;
        files.push(svg);
        svgs.push((stem, text));
    }
    Ok((pngs, svgs))
}

/// `sla.csv` into its staged file `tmp`, streamed a block of rows at a time
/// ([`output::write_rows`]): the table's text is never held whole. With
/// the evaluation columns when the policy file is known (its hash is the
/// first input's), as `plazo sla` writes them: the facts read with
/// precomputed rows, or else each block's, computed as it is written
/// (every ticket's fact cells are never all held).
fn write_sla(
    dest: &Path,
    tmp: &Path,
    c: &Context<'_>,
    text: FreeText,
) -> Result<()> {
    let ev = c.inputs.iter().find(|i| i.role == "policy").map(|i| {
        output::Evaluated {
            cutoff: c.cutoff,
            policy_sha256: &i.sha256,
            facts: &c.facts,
            facts_from: 0,
        }
    });
    let io = |e: std::io::Error| Error::io(dest, &e);
    let file = std::fs::File::create(tmp).map_err(io)?;
    let mut f = std::io::BufWriter::with_capacity(1 << 20, file);
    output::write_header(&mut f, c.policy, ev.is_some()).map_err(io)?;
    let Some(ev) = ev.filter(|_| c.facts.is_empty()) else {
        let rows = output::Rows::new(c.policy, c.ds, text);
        output::write_rows(&mut f, c.rows, &rows, ev.as_ref()).map_err(io)?;
        return std::io::Write::flush(&mut f).map_err(io);
    };
    write_sla_rows(&mut f, c.policy, c.ds, c.rows, &c.levels, &ev, text)
        .map_err(io)?;
    std::io::Write::flush(&mut f).map_err(io)
}

/// Writes `rows` (tickets of `ds`, in order) as `sla.csv`'s lines with
/// their evaluation columns (`ev`, whose facts are ignored): each block
/// of rows's fact cells are computed from `ds`'s events and `levels`
/// (every level of those tickets, by ticket) as it is written.
/// `plazo report` writes its table with it, whole or a window of tickets
/// at a time.
///
/// # Errors
///
/// The writer's.
pub fn write_sla_rows(
    f: &mut impl std::io::Write,
    policy: &Policy,
    ds: &Dataset,
    rows: &[SlaRow],
    levels: &[(u32, Level)],
    ev: &output::Evaluated<'_>,
    text: FreeText,
) -> std::io::Result<()> {
    let lines = output::Rows::new(policy, ds, text);
    let sends = crate::engine::facts::Sends::of(ds);
    let cut = ev.cutoff.unix();
    for block in rows.chunks(SLA_BLOCK) {
        let (Some(first), Some(last)) = (block.first(), block.last()) else {
            continue;
        };
        let (lo, hi) = (first.ticket, last.ticket);
        let from = levels.partition_point(|(t, _)| *t < lo);
        let to = levels.partition_point(|(t, _)| *t <= hi);
        let span = lo as usize..hi as usize + 1;
        let facts = crate::engine::facts::compute_range(
            policy,
            ds,
            &sends,
            &levels[from..to],
            cut,
            span,
        );
        let ev = output::Evaluated {
            facts: &facts,
            facts_from: lo,
            ..*ev
        };
        output::write_rows(f, block, &lines, Some(&ev))?;
    }
    Ok(())
}

/// Rows of `sla.csv` written (with their facts) at a time: 65,536 rows
/// are about 25 MB of text. Debug builds (the test suite) use blocks of
/// 1,000 so that the samples' goldens cross block boundaries.
const SLA_BLOCK: usize = if cfg!(debug_assertions) {
    1000
} else {
    1 << 16
};
