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
use crate::time::InstantWriter;

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
    let of = Of {
        policy,
        ds,
        sends,
        levels,
        cutoff,
    };
    range
        .into_par_iter()
        .map_init(
            // A writer per task: its remembered offsets serve many tickets.
            || InstantWriter::new(policy.tz()),
            |w, i| ticket_cells(&of, i, &state, w),
        )
        .collect()
}

/// What every ticket's cells are computed from ([`compute_range`]).
#[derive(Clone, Copy)]
struct Of<'a> {
    policy: &'a Policy,
    ds: &'a Dataset,
    sends: &'a Sends,
    levels: &'a [(u32, Level)],
    cutoff: i64,
}

/// Ticket `i`'s four cells, each item appended in place (no text of its
/// own: a million tickets have millions of pauses and levels).
fn ticket_cells(
    of: &Of<'_>,
    i: usize,
    state: &(impl Fn(u32) -> State + Sync),
    w: &mut InstantWriter,
) -> Cells {
    use std::fmt::Write as _;
    let Of {
        policy,
        ds,
        sends,
        levels,
        cutoff,
    } = *of;
    // Items are never empty: a separator before every one but the first.
    let next = |cell: &mut String| {
        if !cell.is_empty() {
            cell.push(';');
        }
    };
    let mut c = Cells::default();
    for p in super::pauses::pauses_by(policy, ds, i, cutoff, state) {
        let flags = match (p.ongoing, p.unnoted) {
            (true, true) => "ou",
            (true, false) => "o",
            (false, true) => "u",
            (false, false) => "",
        };
        let s = &mut c[0];
        next(s);
        w.write_unix(Some(p.start), s);
        s.push('/');
        w.write_unix(Some(p.end), s);
        s.push('/');
        s.push_str(flags);
    }
    if ds.surveys_sent_column {
        let s = &mut c[1];
        for send in sends.of_ticket(ds, i as u32) {
            next(s);
            w.write_unix(Some(send.sent_at), s);
            s.push('/');
            w.write_unix(send.answered_at, s);
        }
        if s.is_empty() {
            s.push_str("none");
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
            let s = &mut c[2];
            for (k, v) in scores.iter().enumerate() {
                if k > 0 {
                    s.push('/');
                }
                if let Some(v) = v {
                    let _ = write!(s, "{v}");
                }
            }
        }
    }
    let t = i as u32;
    let lo = levels.partition_point(|(k, _)| *k < t);
    let hi = levels.partition_point(|(k, _)| *k <= t);
    for (_, l) in &levels[lo..hi] {
        let s = &mut c[3];
        next(s);
        level_item(s, l, ds, w);
    }
    c
}

/// One level's item of the `escalations` cell:
/// `level/group/from/to/taken/take_s/outcome/held_s/paused_s/ended/target/met`.
fn level_item(s: &mut String, l: &Level, ds: &Dataset, w: &mut InstantWriter) {
    use super::output::int;
    int(s, l.level);
    s.push('/');
    escape_into(s, ds.strings.get(l.group));
    s.push('/');
    w.write_unix(Some(l.from), s);
    s.push('/');
    w.write_unix(Some(l.to), s);
    s.push('/');
    w.write_unix(l.taken_at.get(), s);
    s.push('/');
    int(s, l.take_s);
    s.push('/');
    if let Some(o) = l.outcome {
        s.push_str(o.key());
    }
    for v in [l.held_s, l.paused_s] {
        s.push('/');
        int(s, v);
    }
    s.push('/');
    w.write_unix(l.ended_at.get(), s);
    s.push('/');
    if let Some(v) = l.target_s.get() {
        int(s, v);
    }
    s.push('/');
    if let Some(m) = l.met {
        s.push_str(if m { "true" } else { "false" });
    }
}

/// A group's name in an `escalations` cell.
#[cfg(test)]
fn escape(s: &str) -> String {
    let mut out = String::new();
    escape_into(&mut out, s);
    out
}

/// [`escape`] appended to `out`: `%`, `/` and `;` written `%25`, `%2F`,
/// `%3B`.
fn escape_into(out: &mut String, s: &str) {
    if !s.bytes().any(|b| matches!(b, b'%' | b'/' | b';')) {
        out.push_str(s);
        return;
    }
    for ch in s.chars() {
        match ch {
            '%' => out.push_str("%25"),
            '/' => out.push_str("%2F"),
            ';' => out.push_str("%3B"),
            c => out.push(c),
        }
    }
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

    proptest::proptest! {
        /// The same text as the three replacements it stands for.
        #[test]
        fn escape_is_the_three_replacements(s in "[a-z %/;2FB5é]{0,12}") {
            let want = s
                .replace('%', "%25")
                .replace('/', "%2F")
                .replace(';', "%3B");
            proptest::prop_assert_eq!(escape(&s), want);
        }
    }
}
