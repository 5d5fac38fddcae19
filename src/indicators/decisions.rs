//! What the committee's decisions do to the figures (docs/CONTRACT.md
//! §5.7).
//!
//! A waiver takes one measure of one ticket out of that measure's
//! compliance indicator (`response_compliance_pct` or
//! `resolution_compliance_pct`): one less in the denominator, and one
//! less in the numerator when the measure had met its target. Nothing
//! else changes: the ticket's other measure, its times, volumes and
//! lists stay as they are. Accepted and disputed decisions change no
//! figure; the report lists them.
//!
//! The dating rule: a decision applies to a period whose last day is on
//! or after the decision's date, so a report already filed keeps its
//! figures when it is run again; with `--restate` ([`Book::restate`])
//! it applies to every period, the trend's included.

use std::collections::HashSet;

use crate::engine::SlaRow;
use crate::model::dataset::Dataset;
use crate::model::decisions::{Decision, Ruling};
use crate::model::measure::Measure;

use super::period::Period;
use super::{Line, index};

/// The decisions of a report and whether they restate the periods
/// before their dates.
#[derive(Clone, Debug, Default)]
pub struct Book {
    /// The decisions, in file order.
    pub list: Vec<Decision>,
    /// `--restate`: every decision applies to every period.
    pub restate: bool,
}

/// How a decision stands in one period.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Standing {
    /// A waiver that takes its measure out of the period's indicator.
    Applied,
    /// Accepted: the breach counts; listed only.
    Accepted,
    /// Disputed: pending; listed only.
    Disputed,
    /// A waiver dated after the period's last day (without `--restate`).
    Later,
    /// A waiver whose measure has its verdict in another period: it
    /// finished at this instant (Unix seconds).
    Outside(i64),
    /// A waiver whose measure has no verdict (unfinished, no target,
    /// excluded ticket).
    NoVerdict,
}

impl Book {
    /// Whether decision `d` reaches period `p` by its date: the period's
    /// last day is on or after it, or `--restate`.
    pub fn dated_in(&self, d: &Decision, p: &Period) -> bool {
        self.restate || d.date <= p.last
    }

    /// How decision `d` (on the ticket of row `r`) stands in `p`.
    pub fn standing(&self, d: &Decision, r: &SlaRow, p: &Period) -> Standing {
        match d.ruling {
            Ruling::Accepted => return Standing::Accepted,
            Ruling::Disputed => return Standing::Disputed,
            Ruling::Waived => {}
        }
        if !self.dated_in(d, p) {
            return Standing::Later;
        }
        if verdict(r, d.measure, p).is_some() {
            return Standing::Applied;
        }
        let (at, met) = r.measure(d.measure);
        match at {
            Some(t)
                if r.excluded.is_none() && met.is_some() && !p.contains(t) =>
            {
                Standing::Outside(t)
            }
            _ => Standing::NoVerdict,
        }
    }

    /// The (ticket, measure) pairs waived in period `p`.
    pub fn waived_in(&self, p: &Period) -> HashSet<(u32, Measure)> {
        self.list
            .iter()
            .filter(|d| d.ruling == Ruling::Waived && self.dated_in(d, p))
            .map(|d| (d.ticket, d.measure))
            .collect()
    }
}

/// The verdict of measure `m` of row `r` in period `p`, when it counts
/// there in the compliance indicator: met (`true`) or breached. `None`
/// for an excluded ticket, a measure with no target, or one that did
/// not finish in `p` (a "Sin solución" answer is no solution).
pub fn verdict(r: &SlaRow, m: Measure, p: &Period) -> Option<bool> {
    if r.excluded.is_some() {
        return None;
    }
    let inp = |t: Option<i64>| t.is_some_and(|t| p.contains(t));
    match m {
        Measure::Response => {
            inp(r.responded_at.get()).then_some(r.response_met)?
        }
        Measure::Resolution => (inp(r.solved_at.get()) && !r.unresolved)
            .then_some(r.resolution_met)?,
    }
}

/// The row of ticket `t`: found at once when `rows` are every ticket's
/// in ticket order, by halves when they are some tickets' in ticket
/// order (a report's rows read by windows), and row by row in any other
/// order.
pub fn row_of(rows: &[SlaRow], t: u32) -> Option<&SlaRow> {
    rows.get(t as usize)
        .filter(|r| r.ticket == t)
        .or_else(|| {
            let k = rows.partition_point(|r| r.ticket < t);
            rows.get(k).filter(|r| r.ticket == t)
        })
        .or_else(|| rows.iter().find(|r| r.ticket == t))
}

/// Takes one measure with verdict `met` out of its indicator on line
/// `l`.
pub fn take_out(l: &mut Line, m: Measure, met: bool) {
    let Some(i) = index(m.indicator()) else {
        return;
    };
    let parts = &mut l.parts[i];
    let den = parts.den.unwrap_or(0).saturating_sub(1);
    let num = parts.num.unwrap_or(0.0) - if met { 1.0 } else { 0.0 };
    parts.den = Some(den);
    parts.num = Some(num);
    l.values[i] = (den > 0).then(|| 100.0 * num / den as f64);
}

/// Applies the waivers of `book` that reach period `p` to `lines`
/// (computed for `p`): each waived measure with a verdict in `p` is
/// taken out of every line whose group is its ticket's.
pub fn apply(
    lines: &mut [Line],
    ds: &Dataset,
    rows: &[SlaRow],
    book: &Book,
    p: &Period,
) {
    for d in &book.list {
        if d.ruling != Ruling::Waived || !book.dated_in(d, p) {
            continue;
        }
        let Some(met) =
            row_of(rows, d.ticket).and_then(|r| verdict(r, d.measure, p))
        else {
            continue;
        };
        let t = &ds.tickets[d.ticket as usize];
        for l in lines.iter_mut() {
            let ours = l
                .dim
                .attr()
                .is_none_or(|a| ds.strings.get(t.attr(a)) == l.group);
            if ours {
                take_out(l, d.measure, met);
            }
        }
    }
}
