//! Pre-cases (`[states] precase`, Víctimas §3 PRECASO): a ticket whose
//! first status is a pre-case label started as a pre-case, created
//! automatically (from an e-mail's subject keywords) before the desk
//! registered it. Its next status that is not a pre-case label ends the
//! pre-case: a `cancelled` one discards it ("No gestionado"), any other
//! registers it as a ticket ("Registrado", or straight to work).

use crate::model::dataset::Dataset;
use crate::policy::{Policy, State};
use crate::time::OptSecs;

use super::SlaRow;

/// Per interned string: whether it is a pre-case status label, for the
/// strings `statuses` marks (the events' statuses; false for the
/// others); empty when the policy names none.
pub(super) fn precase_labels(
    policy: &Policy,
    ds: &Dataset,
    statuses: &[bool],
) -> Vec<bool> {
    if !policy.has_precase() {
        return Vec::new();
    }
    // Only the events' statuses are looked up: every other string (a
    // title, a requester) is not folded, once per window of tickets.
    statuses
        .iter()
        .enumerate()
        .map(|(s, &status)| {
            status && policy.is_precase(ds.strings.get(s as u32))
        })
        .collect()
}

/// Fills `row`'s pre-case columns from ticket `i`'s events by `cutoff`:
/// `precase_at` (the first event, when a pre-case label), then
/// `precase_registered_at` with its business seconds or
/// `precase_discarded_at` (the first later event of another label).
pub(super) fn fill(
    policy: &Policy,
    ds: &Dataset,
    labels: &[bool],
    state: impl Fn(u32) -> State,
    i: usize,
    cutoff: i64,
    row: &mut SlaRow,
) {
    if labels.is_empty() {
        return;
    }
    let mut evs = ds.events_of(i).iter().filter(|e| e.at <= cutoff);
    let Some(first) = evs.next() else { return };
    if !labels[first.status as usize] {
        return;
    }
    row.precase_at = OptSecs::some(first.at);
    let Some(end) = evs.find(|e| !labels[e.status as usize]) else {
        return;
    };
    if state(end.status) == State::Cancelled {
        row.precase_discarded_at = OptSecs::some(end.at);
    } else {
        row.precase_registered_at = OptSecs::some(end.at);
        row.precase_business_s =
            OptSecs::some(policy.calendar().between_secs(first.at, end.at));
    }
}
