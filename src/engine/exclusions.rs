//! Named exclusion rules (`[[exclude.rules]]`) resolved against a
//! dataset as bitmasks, so that a ticket's rule is two ANDs away.

use std::collections::HashMap;

use crate::error::Result;
use crate::model::dataset::{Column, Dataset};
use crate::policy::Policy;
use crate::text::fold;

use super::columns::no_column;

/// Named-rule bitmasks: per ticket, the rules whose column and opening
/// conditions hold; per status label, the rules whose final-status
/// condition holds (or that have none); the last entry is for a ticket
/// with no event by the cutoff.
type RuleMasks = (Vec<u32>, Vec<u32>);

/// Resolves the policy's `[[exclude.rules]]` against the dataset (`seen`
/// marks the labels used as statuses). A ticket is excluded by the first
/// rule set in both its mask and its last label's mask.
pub(super) fn exclusion_rules(
    policy: &Policy,
    ds: &Dataset,
    seen: &[bool],
    folded: &mut HashMap<u32, String>,
    cutoff: i64,
) -> Result<RuleMasks> {
    let rules = &policy.exclusions().rules;
    if rules.is_empty() {
        return Ok((Vec::new(), Vec::new()));
    }
    // Labels: one mask each, plus "no event yet" at the end.
    let free: u32 = rules
        .iter()
        .enumerate()
        .filter(|(_, r)| r.final_status.is_none())
        .fold(0, |m, (k, _)| m | 1 << k);
    let mut status_mask = vec![free; ds.strings.len() + 1];
    for (id, _) in seen.iter().enumerate().filter(|(_, s)| **s) {
        let label = fold(ds.strings.get(id as u32));
        for (k, r) in rules.iter().enumerate() {
            if r.final_status.as_ref().is_some_and(|v| v.contains(&label)) {
                status_mask[id] |= 1 << k;
            }
        }
    }
    // Columns: where each rule's value is.
    let mut cols: Vec<Option<(Column, &Vec<String>)>> = Vec::new();
    for (k, r) in rules.iter().enumerate() {
        let Some((column, values)) = &r.column else {
            cols.push(None);
            continue;
        };
        let key = format!("exclude.rules[{k}].column");
        let src = ds
            .column(column)
            .ok_or_else(|| no_column(policy, ds, &key, column, true))?;
        cols.push(Some((src, values)));
    }
    let history = history_masks(policy, ds);
    let mut ticket_mask = Vec::with_capacity(ds.tickets.len());
    for (i, t) in ds.tickets.iter().enumerate() {
        let mut m = 0u32;
        for (k, r) in rules.iter().enumerate() {
            let col_ok = match &cols[k] {
                None => true,
                Some((src, values)) => {
                    let id = src.of(ds, i);
                    let v = folded
                        .entry(id)
                        .or_insert_with(|| fold(ds.rule_str(id)));
                    values.contains(v)
                }
            };
            let open_ok = r
                .opened_between
                .is_none_or(|(a, b)| t.opened_at >= a && t.opened_at < b);
            if col_ok && open_ok {
                m |= 1 << k;
            }
        }
        if let Some(h) = &history {
            m &= h.ok(ds, i, cutoff);
        }
        ticket_mask.push(m);
    }
    Ok((ticket_mask, status_mask))
}

/// The `note` and `any_status` conditions, per interned string: the
/// rules whose note text it contains, the rules whose labels it is.
struct History {
    /// Rules with a `note` condition.
    need_note: u32,
    /// Rules with an `any_status` condition.
    need_status: u32,
    /// Per interned string: rules whose `note` texts it contains.
    note: Vec<u32>,
    /// Per interned string: rules whose `any_status` labels it is.
    status: Vec<u32>,
}

impl History {
    /// The rules whose history conditions ticket `i` meets by `cutoff`
    /// (every bit set for rules without them).
    fn ok(&self, ds: &Dataset, i: usize, cutoff: i64) -> u32 {
        let (mut note, mut status) = (0u32, 0u32);
        for e in ds.events_of(i).iter().take_while(|e| e.at <= cutoff) {
            note |= self.note[e.note as usize];
            status |= self.status[e.status as usize];
        }
        (!self.need_note | note) & (!self.need_status | status)
    }
}

/// [`History`] of the rules, `None` when no rule has a history
/// condition.
fn history_masks(policy: &Policy, ds: &Dataset) -> Option<History> {
    let rules = &policy.exclusions().rules;
    let bits = |f: &dyn Fn(&crate::policy::ExclusionRule) -> bool| {
        rules
            .iter()
            .enumerate()
            .filter(|(_, r)| f(r))
            .fold(0u32, |m, (k, _)| m | 1 << k)
    };
    let need_note = bits(&|r| r.note.is_some());
    let need_status = bits(&|r| r.any_status.is_some());
    if need_note == 0 && need_status == 0 {
        return None;
    }
    let n = ds.strings.len();
    let mut h = History {
        need_note,
        need_status,
        note: vec![0; n],
        status: vec![0; n],
    };
    for id in 0..n {
        let text = fold(ds.strings.get(id as u32));
        for (k, r) in rules.iter().enumerate() {
            if r.note.as_ref().is_some_and(|v| {
                !text.is_empty() && v.iter().any(|x| text.contains(x.as_str()))
            }) {
                h.note[id] |= 1 << k;
            }
            if r.any_status.as_ref().is_some_and(|v| v.contains(&text)) {
                h.status[id] |= 1 << k;
            }
        }
    }
    Some(h)
}
