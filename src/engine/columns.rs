//! The tickets columns a policy names (`where`, `[targets_from_ticket]`,
//! `[clock] start`, exclusion rules): found by name, their cells read
//! once, unreadable cells turned into rejects.

use std::collections::HashMap;

use crate::error::{Error, ErrorKind, Result};
use crate::model::dataset::{Dataset, Reject, Ticket};
use crate::policy::Policy;
use crate::text::lang::Lang;
use crate::text::msg;
use crate::time::BizDuration;

/// The input error for policy key `key` naming a tickets column `col`
/// the table lacks; `canonical` adds that the canonical attributes work
/// too (where the key accepts them).
pub(super) fn no_column(
    policy: &Policy,
    ds: &Dataset,
    key: &str,
    col: &str,
    canonical: bool,
) -> Error {
    let (policy, extra) =
        (policy.path().display(), ds.extra_columns.join(", "));
    let col = format!("{col:?}");
    let render = |lang: Lang| {
        let more = if canonical {
            msg::engine::NO_COLUMN_CANONICAL.get(lang)
        } else {
            ""
        };
        msg::engine::NO_COLUMN.fill(
            lang,
            &[
                ("policy", &policy),
                ("key", &key),
                ("col", &col),
                ("extra", &extra),
                ("more", &more),
            ],
        )
    };
    Error::new(ErrorKind::Input, render(Lang::Es), render(Lang::En))
}

/// The extra column of the tickets table named by policy key `key`.
pub(super) fn extra_column(
    policy: &Policy,
    ds: &Dataset,
    key: &str,
    col: &str,
) -> Result<usize> {
    ds.extra_columns
        .iter()
        .position(|c| c == col)
        .ok_or_else(|| no_column(policy, ds, key, col, false))
}

/// The cells of the policy's ticket columns (`[targets_from_ticket]`,
/// `[clock] start`), read once: each ticket's own targets and clock
/// start, and the cells that cannot be read as rejects (file, line,
/// column, value, reason in the language given). Such a ticket is kept:
/// its rule's target applies, its clock starts at `opened_at`. `plazo
/// sla` and `plazo report` write the rejects beside the other rejected
/// rows (and `--strict` stops on them), then hand the cells to
/// [`super::Engine::with_cells`].
#[derive(Clone, Debug, Default)]
pub struct TicketCells {
    /// Each ticket's own (response, resolution) targets, as an index into
    /// `target_values` (a table holds few distinct cells: 4 bytes a
    /// ticket, not 32); empty without `[targets_from_ticket]`.
    pub(super) targets: Vec<u32>,
    /// The distinct (response, resolution) targets of `targets`.
    pub(super) target_values: Vec<OwnTargets>,
    /// Each ticket's clock start; empty without `[clock] start`.
    pub(super) clock_start: Vec<i64>,
    /// Each ticket's `taken_at`; empty unless `[clock] response_at =
    /// "taken"` and the tickets table has the column.
    pub(super) taken_at: Vec<Option<i64>>,
    /// The unreadable cells.
    pub rejects: Vec<Reject>,
}

impl TicketCells {
    /// Reads the policy's ticket columns of `ds`; reject reasons in
    /// `lang`.
    ///
    /// # Errors
    ///
    /// A named column the tickets table lacks (an input error naming the
    /// policy key).
    pub fn read(
        policy: &Policy,
        ds: &Dataset,
        lang: Lang,
    ) -> Result<TicketCells> {
        let (targets, target_values, mut rejects) =
            read_ticket_targets(policy, ds, lang)?;
        let (clock_start, more) = read_clock_starts(policy, ds, lang)?;
        rejects.extend(more);
        let (taken_at, more) = read_taken_at(policy, ds, lang);
        rejects.extend(more);
        Ok(TicketCells {
            targets,
            target_values,
            clock_start,
            taken_at,
            rejects,
        })
    }

    /// The cells of tickets `range` only, numbered from 0 (for a window
    /// of the tickets, [`crate::model::dataset::Windows`]); no rejects.
    pub fn window(&self, range: std::ops::Range<usize>) -> TicketCells {
        fn part<T: Clone>(v: &[T], r: &std::ops::Range<usize>) -> Vec<T> {
            v.get(r.clone()).map_or_else(Vec::new, <[T]>::to_vec)
        }
        TicketCells {
            targets: part(&self.targets, &range),
            target_values: self.target_values.clone(),
            clock_start: part(&self.clock_start, &range),
            taken_at: part(&self.taken_at, &range),
            rejects: Vec::new(),
        }
    }
}

/// A reject for an unreadable cell of ticket `t`'s column `col`.
fn cell_reject(
    ds: &Dataset,
    t: &Ticket,
    col: &str,
    value: &str,
    reason: String,
) -> Reject {
    Reject {
        file: ds.tickets_file.clone(),
        line: u64::from(t.line),
        column: col.to_string(),
        value: value.to_string(),
        reason,
    }
}

/// Each ticket's clock start from `[clock] start` (an empty vector
/// without it; `opened_at` where the cell is empty or unreadable), and
/// the unreadable cells.
fn read_clock_starts(
    policy: &Policy,
    ds: &Dataset,
    lang: Lang,
) -> Result<(Vec<i64>, Vec<Reject>)> {
    let Some(col) = policy.clock_start() else {
        return Ok((Vec::new(), Vec::new()));
    };
    let x = extra_column(policy, ds, "clock.start", col)?;
    let mut clock = crate::time::InstantReader::new(policy.tz());
    let mut starts = Vec::with_capacity(ds.tickets.len());
    let mut rejects = Vec::new();
    for (i, t) in ds.tickets.iter().enumerate() {
        let cell = ds.strings.get(ds.extra_of(i)[x]).trim();
        let start = if cell.is_empty() {
            t.opened_at
        } else {
            match clock.read(cell) {
                Ok(at) => at.unix(),
                Err(_) => {
                    let why = msg::engine::UNREADABLE_CLOCK_START.get(lang);
                    rejects.push(cell_reject(ds, t, col, cell, why.into()));
                    t.opened_at
                }
            }
        };
        starts.push(start);
    }
    Ok((starts, rejects))
}

/// Each ticket's `taken_at` (the canonical optional tickets column,
/// GLPI's `takeintoaccountdate`) when `[clock] response_at = "taken"`:
/// an empty vector otherwise or when the table has no such column;
/// `None` where the cell is empty or unreadable (a reject).
fn read_taken_at(
    policy: &Policy,
    ds: &Dataset,
    lang: Lang,
) -> (Vec<Option<i64>>, Vec<Reject>) {
    let col = "taken_at";
    let x = ds.extra_columns.iter().position(|c| c == col);
    let (crate::policy::ResponseAt::Taken, Some(x)) =
        (policy.response_at(), x)
    else {
        return (Vec::new(), Vec::new());
    };
    let mut clock = crate::time::InstantReader::new(policy.tz());
    let mut rejects = Vec::new();
    let taken = ds
        .tickets
        .iter()
        .enumerate()
        .map(|(i, t)| {
            let cell = ds.strings.get(ds.extra_of(i)[x]).trim();
            if cell.is_empty() {
                return None;
            }
            let at = clock.read(cell).ok().map(|at| at.unix());
            if at.is_none() {
                let why = msg::escalations::UNREADABLE_TAKEN_AT.get(lang);
                rejects.push(cell_reject(ds, t, col, cell, why.into()));
            }
            at
        })
        .collect();
    (taken, rejects)
}

/// A ticket's own (response, resolution) targets.
pub(super) type OwnTargets = [Option<BizDuration>; 2];

/// Each ticket's targets from the `[targets_from_ticket]` columns, as
/// indices into the distinct values (both empty when the policy has
/// none), and the unreadable cells (left empty). Each distinct cell is
/// read once.
fn read_ticket_targets(
    policy: &Policy,
    ds: &Dataset,
    lang: Lang,
) -> Result<(Vec<u32>, Vec<OwnTargets>, Vec<Reject>)> {
    let Some(spec) = policy.targets_from_ticket() else {
        return Ok((Vec::new(), Vec::new(), Vec::new()));
    };
    let mut srcs: [Option<(&str, usize)>; 2] = [None, None];
    for (k, col) in [&spec.response, &spec.resolution].into_iter().enumerate()
    {
        let Some(col) = col else { continue };
        let key = ["response", "resolution"][k];
        let key = format!("targets_from_ticket.{key}");
        let x = extra_column(policy, ds, &key, col)?;
        srcs[k] = Some((col.as_str(), x));
    }
    let mut memo: HashMap<
        u32,
        std::result::Result<Option<BizDuration>, String>,
    > = HashMap::new();
    let mut out = Vec::with_capacity(ds.tickets.len());
    let mut values: Vec<OwnTargets> = Vec::new();
    let mut index: crate::model::dataset::FastMap<OwnTargets, u32> =
        Default::default();
    let mut rejects = Vec::new();
    for (i, t) in ds.tickets.iter().enumerate() {
        let mut tg = [None, None];
        for (k, src) in srcs.iter().enumerate() {
            let Some((col, x)) = *src else { continue };
            let id = ds.extra_of(i)[x];
            let v = memo.entry(id).or_insert_with(|| {
                let cell = ds.strings.get(id);
                if cell.trim().is_empty() {
                    return Ok(None);
                }
                spec.parse(cell)
                    .map(Some)
                    .map_err(|e| e.message(lang).to_string())
            });
            let same_as_first = k == 1 && srcs[0].is_some_and(|s| s.1 == x);
            match v {
                Ok(d) => tg[k] = *d,
                Err(_) if same_as_first => {} // one reject per cell
                Err(why) => rejects.push(cell_reject(
                    ds,
                    t,
                    col,
                    ds.strings.get(id),
                    msg::engine::OWN_TARGET_FALLBACK
                        .fill(lang, &[("why", why)]),
                )),
            }
        }
        let k = *index.entry(tg).or_insert_with(|| {
            values.push(tg);
            values.len() as u32 - 1
        });
        out.push(k);
    }
    Ok((out, values, rejects))
}
