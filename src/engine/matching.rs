//! Which target rule each ticket takes, and which attribute exclusions
//! and survey scope apply to it: decided once per distinct combination
//! of the values the rules look at.

use std::collections::HashMap;

use crate::error::Result;
use crate::model::dataset::{Attr, Dataset, Event};
use crate::policy::{Field, Policy};
use crate::text::fold;

use super::Exclusion;
use super::columns::extra_column;

/// Per ticket: the target rule, the type/category exclusion, whether it
/// is in the survey's scope; and the folded text of every label looked
/// at (reused by the named exclusion rules).
pub(super) struct Matched {
    pub rule: Vec<Option<u16>>,
    pub attr_excl: Vec<Option<Exclusion>>,
    pub surveyed: Vec<bool>,
    pub folded: HashMap<u32, String>,
}

/// What one combination of values decides.
type Decision = (Option<u16>, Option<Exclusion>, bool);

/// Matches every ticket of `ds` against the policy's rules, with the
/// values in force at `cutoff` (`[matching] from_events`).
///
/// # Errors
///
/// A `where` key naming a column the tickets table lacks.
pub(super) fn match_rules(
    policy: &Policy,
    ds: &Dataset,
    cutoff: i64,
) -> Result<Matched> {
    let (cols, col_idx) = where_columns(policy, ds)?;
    let mut memo: HashMap<Vec<u32>, Decision> = HashMap::new();
    let n = ds.tickets.len();
    let mut m = Matched {
        rule: Vec::with_capacity(n),
        attr_excl: Vec::with_capacity(n),
        surveyed: Vec::with_capacity(n),
        folded: HashMap::new(),
    };
    let mut key: Vec<u32> = Vec::with_capacity(5 + cols.len());
    for (i, t) in ds.tickets.iter().enumerate() {
        key.clear();
        key.extend([
            t.attr(Attr::Type),
            t.attr(Attr::Priority),
            t.attr(Attr::Category),
            t.attr(Attr::Service),
            t.attr(Attr::Group),
        ]);
        key.extend(col_idx.iter().map(|&x| ds.extra_of(i)[x]));
        for (slot, f) in [(1, Field::Priority), (4, Field::Group)] {
            if let Some(e) = match_event(policy, ds, i, cutoff, f) {
                key[slot] = event_value(e, f);
            }
        }
        let (r, x, sv) = match memo.get(&key) {
            Some(&d) => d,
            None => {
                let d = decide(policy, ds, &key, &cols, &mut m.folded);
                memo.insert(key.clone(), d);
                d
            }
        };
        m.rule.push(r);
        m.attr_excl.push(x);
        m.surveyed.push(sv);
    }
    Ok(m)
}

/// The columns named in `where` keys, and their places among the tickets
/// table's extra columns.
fn where_columns(
    policy: &Policy,
    ds: &Dataset,
) -> Result<(Vec<String>, Vec<usize>)> {
    let mut cols: Vec<String> = Vec::new();
    for r in policy.targets() {
        for (c, _) in &r.columns {
            if !cols.contains(c) {
                cols.push(c.clone());
            }
        }
    }
    let mut col_idx = Vec::with_capacity(cols.len());
    for c in &cols {
        let key = format!("[[targets]] where.{c}");
        col_idx.push(extra_column(policy, ds, &key, c)?);
    }
    Ok((cols, col_idx))
}

/// Decides one combination of values: `key` holds type, priority,
/// category, service and group, then the `where` columns' values.
fn decide(
    policy: &Policy,
    ds: &Dataset,
    key: &[u32],
    cols: &[String],
    folded: &mut HashMap<u32, String>,
) -> Decision {
    for &id in key {
        folded.entry(id).or_insert_with(|| fold(ds.rule_str(id)));
    }
    let folded = &*folded;
    let get = |f: Field| -> &str {
        let k = match f {
            Field::Type => key[0],
            Field::Priority => key[1],
            Field::Category => key[2],
            Field::Service => key[3],
            Field::Group => key[4],
        };
        folded[&k].as_str()
    };
    let col = |c: &str| -> &str {
        cols.iter()
            .position(|x| x == c)
            .map_or("", |j| folded[&key[5 + j]].as_str())
    };
    let r = policy
        .targets()
        .iter()
        .position(|rule| rule.matches_with(get, col))
        .map(|i| i as u16);
    let ex = policy.exclusions();
    let x = if ex.types.iter().any(|v| v == get(Field::Type)) {
        Some(Exclusion::ExcludedType)
    } else if ex.categories.iter().any(|v| v == get(Field::Category)) {
        Some(Exclusion::ExcludedCategory)
    } else {
        None
    };
    let sv = policy.survey_scope().is_none_or(|s| s.matches(get));
    (r, x, sv)
}

/// With `[matching] from_events` naming `field` (`priority` or `group`):
/// the last event of ticket `i` at or before `cutoff` that set a value
/// for it, whose value then chooses the target rule instead of the
/// tickets table's. `None` when the policy does not name the field or no
/// event set it.
pub fn match_event<'d>(
    policy: &Policy,
    ds: &'d Dataset,
    i: usize,
    cutoff: i64,
    field: Field,
) -> Option<&'d Event> {
    if !policy.match_from_events().contains(&field) {
        return None;
    }
    ds.events_of(i)
        .iter()
        .rev()
        .find(|e| e.at <= cutoff && event_value(e, field) != 0)
}

/// An event's interned value of `field`: its `priority` change for
/// [`Field::Priority`], its `group` otherwise.
pub fn event_value(e: &Event, field: Field) -> u32 {
    match field {
        Field::Priority => e.priority,
        _ => e.group,
    }
}
