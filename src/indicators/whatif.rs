//! What-if between two policies (`plazo whatif`): the same tickets
//! measured under policy A and policy B, compared. Pure functions over
//! finished results: [`compare`] pairs the indicator lines of A and B
//! (same dimension and group) and takes the difference of each value;
//! [`flips`] joins the per-ticket rows by ticket id and lists, measure
//! by measure, the tickets whose verdict differs (met under A and
//! breached under B, the reverse, and a ticket counted under one and
//! excluded or without verdict under the other), for the measures that
//! count in the period (docs/CONTRACT.md §5.6).

use std::collections::HashMap;

use crate::engine::{Exclusion, SlaRow};
use crate::model::dataset::Dataset;
use crate::model::measure::Measure;

use super::period::Period;
use super::{Dim, IDS, Line};

/// One indicator of one line under both policies.
#[derive(Clone, Debug, PartialEq)]
pub struct Diff {
    /// The breakdown.
    pub dim: Dim,
    /// The group (`all` for [`Dim::All`]).
    pub group: String,
    /// The indicator id ([`IDS`]).
    pub id: &'static str,
    /// The value under A (`None`: undefined, or no such line under A).
    pub a: Option<f64>,
    /// The value under B.
    pub b: Option<f64>,
}

impl Diff {
    /// `b − a`, when both are defined.
    pub fn difference(&self) -> Option<f64> {
        Some(self.b? - self.a?)
    }
}

/// The indicators of `a` and `b` paired by dimension and group: every
/// line of `a` in its order, then the lines only `b` has; for each, every
/// indicator of [`IDS`].
pub fn compare(a: &[Line], b: &[Line]) -> Vec<Diff> {
    let key = |l: &Line| (l.dim, l.group.clone());
    let in_b: HashMap<(Dim, String), &Line> =
        b.iter().map(|l| (key(l), l)).collect();
    let in_a: HashMap<(Dim, String), &Line> =
        a.iter().map(|l| (key(l), l)).collect();
    let pairs = a
        .iter()
        .map(|l| (l, Some(l), in_b.get(&key(l)).copied()))
        .chain(
            b.iter()
                .filter(|l| !in_a.contains_key(&key(l)))
                .map(|l| (l, None, Some(l))),
        );
    let mut out = Vec::new();
    for (l, la, lb) in pairs {
        for (i, id) in IDS.iter().enumerate() {
            out.push(Diff {
                dim: l.dim,
                group: l.group.clone(),
                id,
                a: la.and_then(|x| x.values[i]),
                b: lb.and_then(|x| x.values[i]),
            });
        }
    }
    out
}

/// A measure's standing under one policy.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Verdict {
    /// Within the target.
    Met,
    /// Over the target.
    Breached,
    /// Left out of compliance (any reason but `no_target`).
    Excluded(Exclusion),
    /// Counted, but no verdict: no target, or unfinished at the cutoff.
    None,
}

impl Verdict {
    /// The measure `m` of row `r`.
    pub fn of(r: &SlaRow, m: Measure) -> Verdict {
        if let Some(e) = r.excluded.filter(|e| *e != Exclusion::NoTarget) {
            return Verdict::Excluded(e);
        }
        match r.measure(m).1 {
            Some(true) => Verdict::Met,
            Some(false) => Verdict::Breached,
            None => Verdict::None,
        }
    }

    /// The key written in `whatif-flips.csv`: `met`, `breached`,
    /// `excluded`, `none`.
    pub fn key(self) -> &'static str {
        match self {
            Verdict::Met => "met",
            Verdict::Breached => "breached",
            Verdict::Excluded(_) => "excluded",
            Verdict::None => "none",
        }
    }
}

/// One ticket's measure under one policy.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Side {
    /// The ticket's index in that policy's dataset.
    pub ticket: u32,
    /// The verdict.
    pub verdict: Verdict,
    /// Business seconds counted (to the completion, or the cutoff).
    pub business_s: i64,
    /// The target in business seconds.
    pub target_s: Option<i64>,
}

impl Side {
    fn of(r: &SlaRow, m: Measure) -> Side {
        let (business_s, target_s) = match m {
            Measure::Response => (r.response_s, r.response_target_s),
            Measure::Resolution => (r.resolution_s, r.resolution_target_s),
        };
        Side {
            ticket: r.ticket,
            verdict: Verdict::of(r, m),
            business_s,
            target_s: target_s.get(),
        }
    }
}

/// What kind of change a flip is, in output order.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Change {
    /// Met under A, breached under B.
    ToBreached,
    /// Breached under A, met under B.
    ToMet,
    /// Any other change: counted under one, excluded or without verdict
    /// under the other.
    Other,
}

/// A ticket whose verdict on one measure differs between A and B.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Flip {
    /// The measure.
    pub measure: Measure,
    /// Under A.
    pub a: Side,
    /// Under B.
    pub b: Side,
}

impl Flip {
    /// The kind of change.
    pub fn change(&self) -> Change {
        match (self.a.verdict, self.b.verdict) {
            (Verdict::Met, Verdict::Breached) => Change::ToBreached,
            (Verdict::Breached, Verdict::Met) => Change::ToMet,
            _ => Change::Other,
        }
    }
}

/// One policy's results: its dataset and per-ticket rows.
#[derive(Clone, Copy)]
pub struct Results<'a> {
    /// The tables as loaded under the policy.
    pub ds: &'a Dataset,
    /// Every ticket's row at the cutoff.
    pub rows: &'a [SlaRow],
}

/// The tickets whose verdict differs between `a` and `b`, joined by
/// ticket id, for each measure that completes in `period` under either
/// policy; met-to-breached first, then breached-to-met, then the other
/// changes, each in A's ticket order, response before resolution.
pub fn flips(a: Results<'_>, b: Results<'_>, period: &Period) -> Vec<Flip> {
    let b_rows: HashMap<&str, &SlaRow> = b
        .rows
        .iter()
        .map(|r| (b.ds.tickets[r.ticket as usize].id.as_str(), r))
        .collect();
    let in_period = |r: &SlaRow, m: Measure| {
        r.measure(m).0.is_some_and(|t| period.contains(t))
    };
    let mut out = Vec::new();
    for ra in a.rows {
        let id = a.ds.tickets[ra.ticket as usize].id.as_str();
        let Some(rb) = b_rows.get(id) else {
            continue;
        };
        for m in Measure::ALL {
            if !(in_period(ra, m) || in_period(rb, m)) {
                continue;
            }
            let (sa, sb) = (Side::of(ra, m), Side::of(rb, m));
            if sa.verdict != sb.verdict {
                out.push(Flip {
                    measure: m,
                    a: sa,
                    b: sb,
                });
            }
        }
    }
    out.sort_by_key(|f| f.change());
    out
}

/// How many flips of each kind: (to breached, to met, other).
pub fn counts(flips: &[Flip]) -> (usize, usize, usize) {
    let n = |c: Change| flips.iter().filter(|f| f.change() == c).count();
    (n(Change::ToBreached), n(Change::ToMet), n(Change::Other))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::dataset::Ticket;
    use crate::time::OptSecs;

    fn ds(ids: &[&str]) -> Dataset {
        let mut ds = Dataset::default();
        for id in ids {
            ds.tickets.push(Ticket {
                id: (*id).into(),
                opened_at: 0,
                attrs: [0; 8],
                affected_users: None,
                line: 2,
            });
        }
        ds
    }

    /// Ticket `t` solved at `at` with verdict `met` (and exclusion `e`).
    fn row(
        t: u32,
        at: i64,
        met: Option<bool>,
        e: Option<Exclusion>,
    ) -> SlaRow {
        SlaRow {
            ticket: t,
            solved_at: OptSecs::some(at),
            resolution_met: met,
            resolution_s: 100 + i64::from(t),
            resolution_target_s: OptSecs::some(50),
            excluded: e,
            ..SlaRow::default()
        }
    }

    /// By hand: T1 met -> breached, T2 breached -> met, T3 met ->
    /// excluded (massive), T4 flips outside the period (not listed), T5
    /// unchanged; B's tickets in another order, joined by id.
    #[test]
    fn flips_by_kind_joined_by_id_within_the_period() {
        let tz: chrono_tz::Tz = "America/Bogota".parse().unwrap();
        let p = Period::parse("2026-10", tz).unwrap();
        let (inside, before) = (p.start + 3600, p.start - 3600);
        let a_ds = ds(&["T1", "T2", "T3", "T4", "T5"]);
        let b_ds = ds(&["T5", "T4", "T3", "T2", "T1"]);
        let a_rows = [
            row(0, inside, Some(true), None),
            row(1, inside, Some(false), None),
            row(2, inside, Some(true), None),
            row(3, before, Some(true), None),
            row(4, inside, Some(true), None),
        ];
        let b_rows = [
            row(0, inside, Some(true), None),
            row(1, before, Some(false), None),
            row(2, inside, None, Some(Exclusion::Massive)),
            row(3, inside, Some(true), None),
            row(4, inside, Some(false), None),
        ];
        let f = flips(
            Results {
                ds: &a_ds,
                rows: &a_rows,
            },
            Results {
                ds: &b_ds,
                rows: &b_rows,
            },
            &p,
        );
        let got: Vec<(&str, Change, u32)> = f
            .iter()
            .map(|x| {
                let id = a_ds.tickets[x.a.ticket as usize].id.as_str();
                (id, x.change(), x.b.ticket)
            })
            .collect();
        assert_eq!(
            got,
            [
                ("T1", Change::ToBreached, 4),
                ("T2", Change::ToMet, 3),
                ("T3", Change::Other, 2),
            ]
        );
        assert!(f.iter().all(|x| x.measure == Measure::Resolution));
        assert_eq!(f[2].b.verdict, Verdict::Excluded(Exclusion::Massive));
        assert_eq!(counts(&f), (1, 1, 1));
    }
}
