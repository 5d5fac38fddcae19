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
    let mut ticket_mask = Vec::with_capacity(ds.tickets.len());
    for t in &ds.tickets {
        let mut m = 0u32;
        for (k, r) in rules.iter().enumerate() {
            let col_ok = match &cols[k] {
                None => true,
                Some((src, values)) => {
                    let id = src.of(t);
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
        ticket_mask.push(m);
    }
    Ok((ticket_mask, status_mask))
}
