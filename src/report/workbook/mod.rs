//! The XLSX workbook (`informe-<period>.xlsx`), written with
//! rust_xlsxwriter: which sheets, in which order, and the document's
//! properties. Each sheet has its own module, fed the finished figures
//! and lists of the [`Context`]; the cell formats and writers they share
//! are in `cells`.
//!
//! The indicator fichas (`ficha`, one sheet each) come right after
//! "Resumen", before the by-dimension sheets: the summary and the fichas
//! are what the quality officer prints, signs and files, so they lead
//! the workbook; the analytic sheets follow.
//!
//! Conventions: every cell that comes from user data (ids, titles,
//! comments, categories) is written with `write_string`, so that a title
//! such as `=HYPERLINK(...)` stays text; instants are Excel dates in the
//! policy's zone (`dd/mm/yyyy hh:mm`), business durations Excel
//! durations (`[h]:mm`, hour indicators too), percentages fractions
//! shown `0.0%`, booleans `Sí`/`No`. Every sheet sets how it prints
//! (`cells::PrintLayout`, docs/PRINTING.md). Every label comes from the
//! catalogue ([`crate::text::msg::report`], [`crate::text::msg::sheets`],
//! [`crate::text::msg::ficha`], [`crate::text::msg::methodology`]) in the
//! report's language. The
//! creation date in the document properties is the period's start, not
//! the clock, so the same inputs give the same bytes.

mod at_risk;
mod breaches;
mod by_dimension;
mod by_version;
mod chart_images;
mod cells;
mod closing;
mod data;
mod decisions;
mod escalations;
mod excluded;
mod ficha;
mod methodology;
mod parts;
mod penalties;
mod query;
mod reconciliation;
mod summary;
mod surveys;
mod trend;
mod suspensions;
mod unresolved;
mod explain_print;
mod whatif_flips;
mod whatif_indicators;

pub use explain_print::write as write_explain;

use std::path::Path;

use chrono::Datelike;
use rust_xlsxwriter::{DocProperties, ExcelDateTime, Workbook, XlsxError};

use crate::error::{Error, Result};
use crate::policy::State;
use crate::text::words::Words;
use crate::text::{Msg, msg::report as m};

use super::{Context, Dim, Query};

// The breach review page shows goals, values and the semáforo in the
// workbook's words.
use cells::{Formats, xerr};
pub(crate) use ficha::with_unit;
pub(crate) use summary::{goal_text, status_text};

pub use parts::{EXCEL_MAX_ROWS, RowLimit};

/// The fourteen fixed sheets, in workbook order ("Datos" may run over
/// several sheets; the indicator fichas follow "Resumen"; "Por canal"
/// follows "Por técnico" when the tickets have a channel; the
/// reconciliation, "Suspensiones", "Sin solución" and custom query
/// sheets follow "Metodología" when present).
const SHEETS: [Msg; 14] = [
    m::SHEET_SUMMARY,
    crate::text::msg::sheets::SUMMARY_CHARTS,
    m::SHEET_BY_PRIORITY,
    m::SHEET_BY_TYPE,
    m::SHEET_BY_CATEGORY,
    m::SHEET_BY_GROUP,
    m::SHEET_BY_TECHNICIAN,
    m::SHEET_TREND,
    m::SHEET_BREACHES,
    m::SHEET_AT_RISK,
    m::SHEET_SURVEYS,
    m::SHEET_EXCLUDED,
    m::SHEET_DATA,
    m::SHEET_METHODOLOGY,
];

/// The by-dimension sheets: their dimension and name.
const BY_DIMENSION: [(Dim, Msg); 6] = [
    (Dim::Priority, m::SHEET_BY_PRIORITY),
    (Dim::Type, m::SHEET_BY_TYPE),
    (Dim::Category, m::SHEET_BY_CATEGORY),
    (Dim::Group, m::SHEET_BY_GROUP),
    (Dim::Assignee, m::SHEET_BY_TECHNICIAN),
    (Dim::Channel, crate::text::msg::channel::SHEET_BY_CHANNEL),
];

/// The sheet names, in the report's language and words.
pub fn sheet_names(w: &Words) -> [String; 14] {
    SHEETS.map(|s| cells::sheet_name(w, s))
}

/// The workbooks' zip compression level ([`write`] says why).
const COMPRESSION: u8 = 2;

/// Builds the workbook for `path` into `staged`, its temporary file in
/// the output batch (renamed when the batch commits). `charts`: the PNG
/// images shown on the "Gráficos" sheet; `queries`: the custom query
/// sheets, last.
///
/// # Errors
///
/// A failure naming the workbook when rust_xlsxwriter fails, or when
/// the temporary files of its large sheets cannot be written (a full
/// temporary folder: rust_xlsxwriter panics then, and that panic is
/// turned into this error, see `spill_guard`).
pub fn write(
    c: &Context<'_>,
    charts: &[(String, Vec<u8>)],
    queries: &[Query],
    path: &Path,
    staged: &Path,
) -> Result<()> {
    spill_guard(path, || {
        let mut wb = build(c, charts, queries)?;
        // Level 2 (zlib-rs's fast deflate, no lazy matches): on the 1M
        // set's report (docs/PERFORMANCE.md) 24.3-24.5 s against 27.1-
        // 29.9 s at level 3 (what Excel 365 writes; itself a third faster
        // than the default 6), for a file 8.7% larger; level 1 was no
        // faster and 44% larger.
        wb.set_zip_compression_level(COMPRESSION);
        wb.save(staged).map_err(|e| save_error(path, e))
    })
}

/// A failed save, naming the workbook: the operating system's error
/// (disk full, read-only) when one is behind it, directly or inside the
/// zip writer's error.
fn save_error(path: &Path, e: XlsxError) -> Error {
    if let XlsxError::IoError(io) = &e {
        return Error::io(path, io);
    }
    let mut cause = std::error::Error::source(&e);
    while let Some(c) = cause {
        if let Some(io) = c.downcast_ref::<std::io::Error>() {
            return Error::io(path, io);
        }
        cause = c.source();
    }
    xerr(e)
}

/// The workbook's sheets, in order.
fn build(
    c: &Context<'_>,
    charts: &[(String, Vec<u8>)],
    queries: &[Query],
) -> Result<Workbook> {
    let f = Formats::new();
    let mut wb = Workbook::new();
    wb.set_properties(&properties(c)?);
    summary::write(wb.add_worksheet(), &f, c)?;
    for id in ficha::ids(c) {
        ficha::write(wb.add_worksheet(), &f, c, id)?;
    }
    chart_images::write(wb.add_worksheet(), &f, c, charts)?;
    for (dim, name) in BY_DIMENSION {
        if !by_dimension::shown(c, dim) {
            continue;
        }
        let name = cells::sheet_name(&c.words, name);
        by_dimension::write(wb.add_worksheet(), &f, c, &name, dim)?;
    }
    if by_version::shown(c) {
        by_version::write(wb.add_worksheet(), &f, c)?;
    }
    trend::write(wb.add_worksheet(), &f, c)?;
    breaches::write(&mut wb, &f, c)?;
    if let Some(d) = &c.decided {
        decisions::write(&mut wb, &f, c, d)?;
    }
    if !c.policy.penalties().is_empty() {
        penalties::write(&mut wb, &f, c)?;
    }
    at_risk::write(&mut wb, &f, c)?;
    surveys::write(&mut wb, &f, c)?;
    if let Some(cases) = &c.lists.closing {
        closing::write(&mut wb, &f, c, cases)?;
    }
    excluded::write(&mut wb, &f, c)?;
    data_sheets(&mut wb, &f, c)?;
    methodology::write(wb.add_worksheet(), &f, c)?;
    if let Some(recon) = &c.reconciliation {
        reconciliation::write(&mut wb, &f, c, recon)?;
    }
    if c.policy.maps(State::Paused) {
        suspensions::write(&mut wb, &f, c)?;
    }
    if c.policy.maps(State::Unresolved) {
        unresolved::write(&mut wb, &f, c)?;
    }
    if escalations::applies(c) {
        escalations::write(&mut wb, &f, c)?;
    }
    for q in queries {
        query::write(&mut wb, &f, c, q)?;
    }
    Ok(wb)
}

thread_local! {
    /// True while this thread runs [`spill_guard`]'s closure.
    static GUARDED: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Runs `f`, turning a panic inside it into an error naming `path`.
/// rust_xlsxwriter streams the large sheets ("Datos") through temporary
/// files in the system's temporary folder (`constant_memory`) and panics
/// (`expect`) when a write to them fails: a full `TMPDIR` or a `ulimit
/// -f` would otherwise end plazo with a crash. The panic's default
/// message is silenced for this thread while `f` runs (other threads
/// report theirs as usual); the error says what to do. Those temporary
/// files have no name on disk: nothing is left behind.
fn spill_guard(path: &Path, f: impl FnOnce() -> Result<()>) -> Result<()> {
    static HOOK: std::sync::Once = std::sync::Once::new();
    HOOK.call_once(|| {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            if !GUARDED.with(std::cell::Cell::get) {
                previous(info);
            }
        }));
    });
    GUARDED.with(|g| g.set(true));
    let r = std::panic::catch_unwind(std::panic::AssertUnwindSafe(f));
    GUARDED.with(|g| g.set(false));
    r.unwrap_or_else(|payload| {
        let detail = payload
            .downcast_ref::<String>()
            .map(String::as_str)
            .or_else(|| payload.downcast_ref::<&str>().copied())
            .unwrap_or("?")
            .to_string();
        Err(Error::failure_msg(
            m::XLSX_SPILL,
            &[
                ("path", &path.display()),
                ("tmp", &std::env::temp_dir().display()),
                ("detail", &detail),
            ],
        ))
    })
}

/// Title, author, company and creation date (the period's first day).
fn properties(c: &Context<'_>) -> Result<DocProperties> {
    let start = c.period.first;
    let created = ExcelDateTime::from_ymd(
        u16::try_from(start.year()).unwrap_or(2000),
        start.month() as u8,
        start.day() as u8,
    )
    .map_err(xerr)?;
    let title = m::DOC_TITLE.fill(
        c.lang,
        &[("entity", &c.policy.name()), ("period", &c.period.label())],
    );
    Ok(DocProperties::new()
        .set_title(title)
        .set_author("plazo")
        .set_company(c.policy.name())
        .set_creation_datetime(&created))
}

/// The per-ticket table over as many "Datos" sheets as the row limit
/// needs ("Datos", "Datos (2)", ...: [`parts::plan`]; one, empty, when
/// there is no row), each streamed in constant memory. Past a million
/// tickets the parts are filled on all cores (each streams its XML to
/// its own temporary file) and added in order.
fn data_sheets(wb: &mut Workbook, f: &Formats, c: &Context<'_>) -> Result<()> {
    use rayon::prelude::*;
    let base = m::SHEET_DATA.get(c.lang);
    let n = c.data_rows();
    let plan = parts::plan(n, 0, 0, c.row_limit);
    let sheets = plan
        .iter()
        .map(|_| wb.new_worksheet_with_constant_memory().map_err(xerr))
        .collect::<Result<Vec<_>>>()?;
    if plan.len() > 1 {
        // A constant-memory sheet gives each format its number in the
        // workbook's table the first time it meets it, and two threads
        // meeting a new format at once can give it two numbers
        // (rust_xlsxwriter 0.102 adds it after a failed look-up without
        // looking again): dates then shown as durations, and workbooks
        // that differ run to run. The sheets' formats are met first here,
        // on one thread, in the first part's order, by a part of no rows
        // that is not added: the parts then only look them up.
        let mut first =
            wb.new_worksheet_with_constant_memory().map_err(xerr)?;
        let name = parts::part_name(base, 1);
        let note = parts::note(c, base, plan.len(), 1, n);
        data::write(&mut first, f, c, (&name, Some(&note)), 0, |_| Ok(()))?;
    }
    let filled = sheets
        .into_par_iter()
        .zip(plan.par_iter())
        .enumerate()
        .map(|(k, (mut ws, range))| {
            let name = parts::part_name(base, k + 1);
            let note = (plan.len() > 1)
                .then(|| parts::note(c, base, plan.len(), k + 1, n));
            let rows = range.len() as u32;
            let fill = |each: &mut dyn FnMut(
                &crate::engine::SlaRow,
            ) -> Result<()>| {
                match &c.data {
                    Some(d) => d.read(range.clone(), c.policy, each),
                    None => c.rows[range.clone()].iter().try_for_each(each),
                }
            };
            let note = note.as_deref();
            data::write(&mut ws, f, c, (&name, note), rows, fill)?;
            Ok(ws)
        })
        .collect::<Vec<Result<_>>>();
    for ws in filled {
        wb.push_worksheet(ws?);
    }
    Ok(())
}

/// `plazo whatif`'s workbook: for each comparison the sheets
/// "Indicadores A vs B" and "Cambios A vs B" (names shortened to Excel's
/// 31 characters: [`comparison_sheet`]), staged for `path` in `batch`.
///
/// # Errors
///
/// As [`write()`].
pub fn write_whatif(
    comps: &[crate::report::whatif::Comparison<'_, '_>],
    path: &Path,
    batch: &mut crate::io::atomic::Batch,
) -> Result<()> {
    use crate::text::msg::whatif as wm;
    let staged = batch.stage(path, "")?;
    let f = Formats::new();
    let mut wb = Workbook::new();
    if let Some(c) = comps.first() {
        wb.set_properties(&properties(c.a)?);
    }
    for c in comps {
        let lang = c.a.lang;
        let (a, b) = (&c.label_a, &c.label_b);
        let name = comparison_sheet(wm::SHEET_INDICATORS.get(lang), a, b);
        whatif_indicators::write(wb.add_worksheet(), &f, c, &name)?;
        let name = comparison_sheet(wm::SHEET_FLIPS.get(lang), a, b);
        whatif_flips::write(&mut wb, &f, c, &name)?;
    }
    wb.set_zip_compression_level(COMPRESSION);
    wb.save(&staged).map_err(|e| save_error(path, e))
}

/// The sheet name `pattern` (with `{a}` and `{b}`) filled with the
/// labels `a` and `b`, valid for Excel: `[]:*?/\` replaced by `-`, and
/// when longer than 31 characters each label cut to its share of the
/// room left, ending in `…` ("Cambios policy vs requerimien…").
pub fn comparison_sheet(pattern: &str, a: &str, b: &str) -> String {
    let clean = |s: &str| -> String {
        s.chars()
            .map(|c| if "[]:*?/\\".contains(c) { '-' } else { c })
            .collect()
    };
    let (a, b) = (clean(a), clean(b));
    let fill = |a: &str, b: &str| pattern.replace("{a}", a).replace("{b}", b);
    let full = fill(&a, &b);
    if full.chars().count() <= 31 {
        return full;
    }
    let room = 31usize.saturating_sub(fill("", "").chars().count());
    let (na, nb) = (a.chars().count(), b.chars().count());
    // The shorter label keeps what it can of half the room; the other
    // takes the rest.
    let keep_a = na.min(room / 2).max(room.saturating_sub(nb));
    let keep_b = room.saturating_sub(keep_a.min(na));
    let cut = |s: &str, n: usize| -> String {
        if s.chars().count() <= n {
            return s.to_string();
        }
        let mut t: String = s.chars().take(n.saturating_sub(1)).collect();
        t.push('…');
        t
    };
    fill(&cut(&a, keep_a), &cut(&b, keep_b))
}
