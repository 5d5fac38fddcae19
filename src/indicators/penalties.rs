//! The contract's discounts of a period (docs/CONTRACT.md §5.8): for
//! each `[[penalties]]` entry, whether the indicator's result falls in
//! its band and what that costs; the breached tickets behind them.
//!
//! The result is the period's `all` line after the committee's
//! decisions ([`super::decisions`]): a waived measure is in no
//! denominator and carries no per-breach amount. Amounts are integer
//! cents ([`Money`]); a percentage of the fee is rounded to the cent,
//! half up.

use crate::engine::SlaRow;
use crate::model::measure::Measure;
use crate::policy::{Charge, Money, Policy, breach_measure};

use super::decisions::{Book, verdict};
use super::period::Period;
use super::{Line, Parts};

/// One `[[penalties]]` entry in the period.
#[derive(Clone, Debug, PartialEq)]
pub struct Outcome {
    /// Its position in [`Policy::penalties`].
    pub penalty: usize,
    /// The indicator's result (`None`: no denominator).
    pub value: Option<f64>,
    /// The counts behind it.
    pub parts: Parts,
    /// The result falls in the band (a per-breach amount without a band:
    /// always).
    pub hit: bool,
    /// Breached measures that carry the amount (waived ones not
    /// counted); 0 for a percentage of the fee.
    pub breaches: u64,
    /// What it costs in the period.
    pub amount: Money,
}

/// A breached measure behind a discount: the evidence list.
#[derive(Clone, Debug, PartialEq)]
pub struct Evidence {
    /// The ticket.
    pub ticket: u32,
    /// The measure breached.
    pub measure: Measure,
    /// The committee waived it (no amount).
    pub waived: bool,
    /// Its per-breach amounts (0 when waived or when the indicator's
    /// discount is a percentage of the fee only).
    pub amount: Money,
}

/// The period's discounts.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Discounts {
    /// One per `[[penalties]]` entry, in policy order.
    pub outcomes: Vec<Outcome>,
    /// The breached measures of the indicators with a discount that
    /// applies, in ticket order, response first.
    pub evidence: Vec<Evidence>,
    /// The sum of the amounts.
    pub total: Money,
}

/// The discounts of period `p`: `all` is its `all` line after the
/// decisions of `book`.
pub fn compute(
    policy: &Policy,
    all: &Line,
    rows: &[SlaRow],
    book: &Book,
    p: &Period,
) -> Discounts {
    let penalties = policy.penalties();
    if penalties.is_empty() {
        return Discounts::default();
    }
    let waived = book.waived_in(p);
    let breached = |m: Measure| -> Vec<(u32, bool)> {
        rows.iter()
            .filter(|r| verdict(r, m, p) == Some(false))
            .map(|r| (r.ticket, waived.contains(&(r.ticket, m))))
            .collect()
    };
    let fee = policy.contract().and_then(|c| c.monthly_fee);
    let mut outcomes = Vec::new();
    for (k, pen) in penalties.iter().enumerate() {
        let value = all.get(pen.indicator);
        let open = pen.band == crate::policy::Band::default();
        let hit = open || value.is_some_and(|v| pen.band.contains(v));
        let (breaches, amount) = match pen.charge {
            Charge::FeePct(h) => {
                let f = fee.map_or(0, |f| f.0);
                (
                    0,
                    if hit {
                        (f * i64::from(h) + 5000) / 10_000
                    } else {
                        0
                    },
                )
            }
            Charge::PerBreach(each) => {
                let m = measure_of(pen.indicator);
                let n = m
                    .map_or(0, |m| breached(m).iter().filter(|b| !b.1).count())
                    as u64;
                (n, if hit { each.0 * n as i64 } else { 0 })
            }
        };
        outcomes.push(Outcome {
            penalty: k,
            value,
            parts: all.parts(pen.indicator),
            hit,
            breaches,
            amount: Money(amount),
        });
    }
    let mut evidence = Vec::new();
    for m in Measure::ALL {
        let hit_here = |o: &&Outcome| {
            o.hit && measure_of(penalties[o.penalty].indicator) == Some(m)
        };
        if !outcomes.iter().any(|o| hit_here(&o)) {
            continue;
        }
        let each: i64 = outcomes
            .iter()
            .filter(hit_here)
            .filter_map(|o| match penalties[o.penalty].charge {
                Charge::PerBreach(a) => Some(a.0),
                Charge::FeePct(_) => None,
            })
            .sum();
        for (ticket, w) in breached(m) {
            evidence.push(Evidence {
                ticket,
                measure: m,
                waived: w,
                amount: Money(if w { 0 } else { each }),
            });
        }
    }
    evidence.sort_by_key(|e| (e.ticket, e.measure));
    let total = Money(outcomes.iter().map(|o| o.amount.0).sum());
    Discounts {
        outcomes,
        evidence,
        total,
    }
}

/// The measure a compliance indicator counts.
fn measure_of(indicator: &str) -> Option<Measure> {
    breach_measure(indicator).map(|response| {
        if response {
            Measure::Response
        } else {
            Measure::Resolution
        }
    })
}
