//! The escalation indicators (docs/INDICATORS.md "Escalations"): per
//! period, from each ticket's levels ([`crate::engine::escalations`]).
//!
//! An escalation counts in `escalations` in the period it was made
//! (`from`); its take counts in the take time and compliance of the
//! period it was taken (`taken_at`), as a response counts in the period
//! of `responded_at`; `escalations_waiting` counts the escalations whose
//! wait had not ended at the period's end (or the cutoff). Only tickets
//! in the SLA's scope count (no exclusion), as for every compliance
//! figure.
//!
//! The ticket dimensions (priority, category, type) group escalations by
//! their ticket; dimension `group` groups them by the group escalated
//! to (the level's owner), so "Por grupo" reads each group's own time to
//! take what was escalated to it. Dimension `assignee` has none (each
//! level has its own technician).

use std::collections::BTreeMap;

use crate::engine::SlaRow;
use crate::engine::escalations::{Level, Outcome};
use crate::model::dataset::Dataset;

use super::period::Period;
use super::{Dim, IDS, Line, N, Parts, index, mean, nearest_rank, pct};

/// Running sums of one group's escalations.
#[derive(Clone, Debug, Default)]
struct Acc {
    made: u64,
    take_h: Vec<f64>,
    judged: u64,
    met: u64,
    waiting: u64,
}

impl Acc {
    fn add(&mut self, l: &Level, p: &Period) {
        if p.contains(l.from) {
            self.made += 1;
        }
        if l.outcome == Some(Outcome::Taken)
            && l.taken_at.get().is_some_and(|t| p.contains(t))
        {
            self.take_h.push(l.take_s as f64 / 3600.0);
            if let Some(m) = l.met {
                self.judged += 1;
                self.met += u64::from(m);
            }
        }
        if l.waiting_at(p.end) {
            self.waiting += 1;
        }
    }

    /// (id, value, parts) of the five indicators.
    fn finish(mut self) -> [(&'static str, Option<f64>, Parts); 5] {
        self.take_h.sort_by(f64::total_cmp);
        let n = self.take_h.len() as u64;
        // An empty sum is 0, not Rust's -0.0.
        let sum: f64 = self.take_h.iter().sum::<f64>() + 0.0;
        [
            (
                "escalations",
                Some(self.made as f64),
                Parts::count(self.made),
            ),
            (
                "escalation_take_compliance_pct",
                pct(self.met, self.judged),
                Parts::ratio(self.met, self.judged),
            ),
            (
                "escalation_take_business_hours_mean",
                mean(sum, n),
                Parts::sum(sum, n),
            ),
            (
                "escalation_take_business_hours_p90",
                nearest_rank(&self.take_h, 90.0),
                Parts::over(n),
            ),
            (
                "escalations_waiting",
                Some(self.waiting as f64),
                Parts::count(self.waiting),
            ),
        ]
    }

    fn active(&self) -> bool {
        self.made > 0 || !self.take_h.is_empty() || self.waiting > 0
    }
}

/// Writes the escalation indicators of `period` into `lines` (as
/// [`super::compute`] made them): every line of a ticket dimension gets
/// its tickets' escalations; dimension `group` lines get the escalations
/// to their group, and a line is added (in name order) for a group that
/// only received escalations. `levels` are (ticket, level) pairs
/// ([`crate::engine::Engine::levels_all`]); with none (the events name no
/// group) the indicators stay empty: the data cannot measure them.
/// `in_scope` says whether a ticket's escalations count (its row is not
/// excluded: [`in_scope`]). `named` says whether the events name a group
/// (some ticket has levels), when `levels` may be only some tickets'
/// (those of the escalated tickets, a report read by windows); `None`:
/// whether `levels` has any.
pub fn fill(
    lines: &mut Vec<Line>,
    ds: &Dataset,
    (in_scope, named): (impl Fn(u32) -> bool, Option<bool>),
    levels: &[(u32, Level)],
    period: &Period,
) {
    let mut fold = Fold::new(period);
    fold.add(ds, in_scope, levels);
    if let Some(n) = named {
        fold.named = n;
    }
    fold.fill(lines);
}

/// [`fill`] a part of the levels at a time: each group's running sums,
/// by dimension and name, so that the levels of one dataset and then of
/// another (the windows of a read, each numbering its tickets from 0)
/// add up to [`fill`]'s over all of them. Every sum is a count but the
/// take times, which are sorted before they are added: the figures do
/// not depend on the order of the parts.
#[derive(Clone, Debug)]
pub struct Fold {
    period: Period,
    by: BTreeMap<(Dim, String), Acc>,
    /// Some ticket has levels: the events name a group.
    named: bool,
}

impl Fold {
    /// No level yet, for the figures of `period`.
    pub fn new(period: &Period) -> Fold {
        Fold {
            period: *period,
            by: BTreeMap::new(),
            named: false,
        }
    }

    /// Adds `levels`, whose tickets are `ds`'s; `in_scope` as [`fill`]'s.
    pub fn add(
        &mut self,
        ds: &Dataset,
        in_scope: impl Fn(u32) -> bool,
        levels: &[(u32, Level)],
    ) {
        self.named |= !levels.is_empty();
        let (by, period) = (&mut self.by, &self.period);
        for (t, l) in levels {
            let ticket = &ds.tickets[*t as usize];
            if l.level == 0 || !in_scope(*t) {
                continue;
            }
            let mut add = |d: Dim, g: &str| {
                by.entry((d, g.to_string())).or_default().add(l, period);
            };
            add(Dim::All, "all");
            for d in [Dim::Priority, Dim::Category, Dim::Type] {
                let a = d.attr().expect("a ticket dimension");
                add(d, ds.strings.get(ticket.attr(a)));
            }
            add(Dim::Group, ds.strings.get(l.group));
        }
    }

    /// Writes the figures into `lines`, as [`fill`].
    pub fn fill(self, lines: &mut Vec<Line>) {
        if !self.named {
            return;
        }
        let mut by = self.by;
        let mut empty = Vec::new();
        for line in lines.iter_mut() {
            if line.dim == Dim::Assignee {
                continue;
            }
            let acc = by
                .remove(&(line.dim, line.group.clone()))
                .unwrap_or_default();
            set(line, acc);
        }
        for ((d, g), acc) in by {
            if d == Dim::Group && acc.active() {
                let mut line = Line {
                    dim: d,
                    group: g,
                    values: [None; N],
                    parts: [Parts::default(); N],
                };
                set(&mut line, acc);
                empty.push(line);
            }
        }
        if !empty.is_empty() {
            lines.extend(empty);
            // The order of [`super::compute`]: `all`, then by dimension
            // and name.
            lines.sort_by(|a, b| (a.dim, &a.group).cmp(&(b.dim, &b.group)));
        }
    }
}

/// Whether ticket `t`'s escalations count: its row (among `rows`) is
/// not excluded.
pub fn in_scope(rows: &[SlaRow], t: u32) -> bool {
    super::decisions::row_of(rows, t).is_some_and(|r| r.excluded.is_none())
}

/// Writes an accumulator's five values into a line.
fn set(line: &mut Line, acc: Acc) {
    for (id, v, p) in acc.finish() {
        let i = index(id).expect("an escalation id");
        line.values[i] = v;
        line.parts[i] = p;
    }
}

/// The ids this module fills, in [`IDS`] order.
pub fn ids() -> impl Iterator<Item = &'static str> {
    IDS.iter().copied().filter(|id| id.contains("escalation"))
}
