//! The canonical state of every status label the events use, checked
//! once when the engine is bound to a dataset.

use std::collections::BTreeMap;

use crate::error::{Error, ErrorKind, Result};
use crate::model::dataset::Dataset;
use crate::policy::{Policy, State};
use crate::text::{Text, msg};

/// An unknown status label, for the error that lists them all.
#[derive(Debug)]
struct Unknown {
    count: u64,
    example: u32,
}

/// Per interned string: its canonical state when it is used as a status
/// (`None` otherwise), and whether it is used as a status at all.
///
/// # Errors
///
/// An input error listing every status label the policy does not map,
/// with its count, an example ticket, and the `[states]` key to add it
/// to.
pub(super) fn state_table(
    policy: &Policy,
    ds: &Dataset,
) -> Result<(Vec<Option<State>>, Vec<bool>)> {
    let mut state_of: Vec<Option<State>> = vec![None; ds.strings.len()];
    let mut seen = vec![false; ds.strings.len()];
    let mut unknown: BTreeMap<String, Unknown> = BTreeMap::new();
    for (i, _) in ds.tickets.iter().enumerate() {
        for e in ds.events_of(i) {
            let s = e.status as usize;
            if !seen[s] {
                seen[s] = true;
                state_of[s] = policy.state_of(ds.strings.get(e.status));
            }
            if state_of[s].is_none() {
                let u = unknown
                    .entry(ds.strings.get(e.status).to_string())
                    .or_insert(Unknown {
                        count: 0,
                        example: i as u32,
                    });
                u.count += 1;
            }
        }
    }
    if !unknown.is_empty() {
        return Err(unknown_labels(policy, ds, &unknown));
    }
    Ok((state_of, seen))
}

fn unknown_labels(
    policy: &Policy,
    ds: &Dataset,
    unknown: &BTreeMap<String, Unknown>,
) -> Error {
    let mut text = Text::from_msg(
        msg::engine::UNKNOWN_LABELS,
        &[("policy", &policy.path().display()), ("n", &unknown.len())],
    );
    for (label, u) in unknown {
        let id = &ds.tickets[u.example as usize].id;
        text.push(
            msg::engine::UNKNOWN_LABEL,
            &[
                ("label", &format!("{label:?}")),
                ("count", &u.count),
                ("id", id),
            ],
        );
    }
    let first = unknown.keys().next().cloned().unwrap_or_default();
    text.push(
        msg::engine::UNKNOWN_LABELS_FIX,
        &[("first", &format!("{first:?}"))],
    );
    Error::from_text(ErrorKind::Input, text)
}
