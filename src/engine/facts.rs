//! What the report takes from the events and surveys besides each
//! ticket's [`SlaRow`]: its pauses, surveys sent, question scores and
//! escalation levels, written as four text columns at the end of the
//! per-ticket table (docs/CONTRACT.md §4 and §5.11) so that `plazo
//! report --sla-rows` computes the same indicators without the events.
//!
//! Each cell is a list of items separated by `;`, each item's fields by
//! `/`; instants are ISO 8601 with the zone's offset, as everywhere:
//!
//! - `pauses`: `start/end/flags`, `flags` holding `o` when still paused
//!   at the cutoff and `u` when the pause has no note;
//! - `survey_sends`: `sent_at/answered_at` (the answer empty when none);
//!   `none` when the surveys table has a `sent_at` column but no row for
//!   the ticket; empty when it has no such column;
//! - `question_scores`: the score of each `[survey] questions` entry that
//!   counts at the cutoff (the policy's `repeated` rule), in order,
//!   empty when unanswered; empty without questions;
//! - `escalations`: one item per level: `level/group/from/to/taken_at/
//!   take_business_s/outcome/held_business_s/paused_business_s/ended_at/
//!   take_target_s/take_met` (`%`, `/` and `;` in a group's name written
//!   `%25`, `%2F`, `%3B`).

use crate::model::dataset::Dataset;
use crate::policy::{Policy, State};
use crate::time::{Instant, InstantWriter};

use super::SlaRow;
use super::escalations::Level;

/// The fact columns, after [`super::output::EVALUATION_COLUMNS`].
pub const COLUMNS: &[&str] =
    &["pauses", "survey_sends", "question_scores", "escalations"];

/// One ticket's four cells.
pub type Cells = [String; 4];

/// The cells of every ticket of `ds` (by index), from the events and
/// surveys at `cutoff` and the escalation `levels` of `rows`
/// ([`super::Engine::levels_all`]).
pub fn compute(
    policy: &Policy,
    ds: &Dataset,
    levels: &[(u32, Level)],
    cutoff: i64,
) -> Vec<Cells> {
    let sends = Sends::of(ds);
    compute_range(policy, ds, &sends, levels, cutoff, 0..ds.tickets.len())
}

/// The surveys sent, ticket by ticket: indices into
/// [`Dataset::survey_sends`] ordered by ticket (file order within one).
pub struct Sends(Vec<u32>);

impl Sends {
    /// Orders `ds`'s surveys sent by ticket.
    pub fn of(ds: &Dataset) -> Sends {
        let mut order: Vec<u32> = (0..ds.survey_sends.len() as u32).collect();
        order.sort_by_key(|&k| ds.survey_sends[k as usize].ticket);
        Sends(order)
    }

    /// Ticket `i`'s, in file order.
    fn of_ticket<'a>(
        &'a self,
        ds: &'a Dataset,
        i: u32,
    ) -> impl Iterator<Item = &'a crate::model::dataset::SurveySend> {
        let t = |k: &u32| ds.survey_sends[*k as usize].ticket;
        let lo = self.0.partition_point(|k| t(k) < i);
        let hi = self.0.partition_point(|k| t(k) <= i);
        self.0[lo..hi].iter().map(|k| &ds.survey_sends[*k as usize])
    }
}

/// [`compute`] for the tickets at `range` only (element `k` is ticket
/// `range.start + k`), in parallel: `levels` must hold those tickets'
/// levels, in ticket order (what [`super::Engine::levels_all`] gives for
/// their rows), and `sends` be [`Sends::of`] `ds`.
pub fn compute_range(
    policy: &Policy,
    ds: &Dataset,
    sends: &Sends,
    levels: &[(u32, Level)],
    cutoff: i64,
    range: std::ops::Range<usize>,
) -> Vec<Cells> {
    use rayon::prelude::*;
    let states = super::pauses::status_states(policy, ds, range.clone());
    let state = |status: u32| states[&status];
    range
        .into_par_iter()
        .map(|i| ticket_cells(policy, ds, sends, levels, cutoff, i, &state))
        .collect()
}

/// Ticket `i`'s four cells.
fn ticket_cells(
    policy: &Policy,
    ds: &Dataset,
    sends: &Sends,
    levels: &[(u32, Level)],
    cutoff: i64,
    i: usize,
    state: &(impl Fn(u32) -> State + Sync),
) -> Cells {
    let tz = policy.tz();
    // One writer for the ticket: its zone offset looked up once an hour.
    let w = std::cell::RefCell::new(InstantWriter::new(tz));
    let iso = |t: i64| {
        let mut s = String::with_capacity(25);
        w.borrow_mut().write(Instant::from_unix(t), &mut s);
        s
    };
    let opt = |t: Option<i64>| t.map(iso).unwrap_or_default();
    let mut c = Cells::default();
    let push = |cell: &mut String, item: String| {
        if !cell.is_empty() {
            cell.push(';');
        }
        cell.push_str(&item);
    };
    for p in super::pauses::pauses_by(policy, ds, i, cutoff, state) {
        let flags = match (p.ongoing, p.unnoted) {
            (true, true) => "ou",
            (true, false) => "o",
            (false, true) => "u",
            (false, false) => "",
        };
        let item = format!("{}/{}/{flags}", iso(p.start), iso(p.end));
        push(&mut c[0], item);
    }
    if ds.surveys_sent_column {
        for s in sends.of_ticket(ds, i as u32) {
            let item = format!("{}/{}", iso(s.sent_at), opt(s.answered_at));
            push(&mut c[1], item);
        }
        if c[1].is_empty() {
            c[1] = "none".into();
        }
    }
    let rule = policy.survey().repeated;
    let n = policy.survey_form().questions.len();
    if n > 0 {
        let answers = ds.surveys_of(i);
        let scores: Vec<Option<f64>> = (0..n)
            .map(|k| {
                let s = answers.iter().filter(|a| a.answered_at <= cutoff);
                let s = s.filter_map(|a| {
                    a.questions
                        .get(k)
                        .copied()
                        .flatten()
                        .map(|v| (a.answered_at, v))
                });
                rule.pick(s).map(|(_, v)| v)
            })
            .collect();
        if scores.iter().any(Option::is_some) {
            c[2] = scores
                .iter()
                .map(|v| v.map(|v| v.to_string()).unwrap_or_default())
                .collect::<Vec<_>>()
                .join("/");
        }
    }
    let t = i as u32;
    let lo = levels.partition_point(|(k, _)| *k < t);
    let hi = levels.partition_point(|(k, _)| *k <= t);
    for (_, l) in &levels[lo..hi] {
        let group = escape(ds.strings.get(l.group));
        let num =
            |v: Option<i64>| v.map(|v| v.to_string()).unwrap_or_default();
        let item = [
            l.level.to_string(),
            group,
            iso(l.from),
            iso(l.to),
            opt(l.taken_at),
            l.take_s.to_string(),
            l.outcome.map(|o| o.key().to_string()).unwrap_or_default(),
            l.held_s.to_string(),
            l.paused_s.to_string(),
            opt(l.ended_at),
            num(l.target_s),
            l.met.map(|m| m.to_string()).unwrap_or_default(),
        ]
        .join("/");
        push(&mut c[3], item);
    }
    c
}

/// A group's name in an `escalations` cell.
fn escape(s: &str) -> String {
    s.replace('%', "%25")
        .replace('/', "%2F")
        .replace(';', "%3B")
}

/// A group's name as the `escalations` cell writes it, read back (`%25`,
/// `%2F`, `%3B` to `%`, `/`, `;`).
pub fn unescape(s: &str) -> String {
    s.replace("%3B", ";")
        .replace("%2F", "/")
        .replace("%25", "%")
}

/// The rows' cells in row order, for the writers: `facts[r.ticket -
/// from]` (`from`: the ticket of `facts[0]`), or empty cells when
/// `facts` does not cover the ticket.
pub fn of<'a>(facts: &'a [Cells], from: u32, r: &SlaRow) -> Option<&'a Cells> {
    r.ticket
        .checked_sub(from)
        .and_then(|k| facts.get(k as usize))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn group_names_survive_the_cell() {
        let name = "Nivel 2 / Redes; 100% (sede)";
        assert_eq!(escape(name), "Nivel 2 %2F Redes%3B 100%25 (sede)");
        assert_eq!(unescape(&escape(name)), name);
    }
}
