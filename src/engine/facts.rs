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
use crate::policy::Policy;
use crate::time::Instant;

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
    let tz = policy.tz();
    let iso = |t: i64| Instant::from_unix(t).to_rfc3339(tz);
    let opt = |t: Option<i64>| t.map(iso).unwrap_or_default();
    let mut out: Vec<Cells> = vec![Cells::default(); ds.tickets.len()];
    let push = |cell: &mut String, item: String| {
        if !cell.is_empty() {
            cell.push(';');
        }
        cell.push_str(&item);
    };
    for p in super::all_pauses(policy, ds, cutoff) {
        let flags = match (p.ongoing, p.unnoted) {
            (true, true) => "ou",
            (true, false) => "o",
            (false, true) => "u",
            (false, false) => "",
        };
        let item = format!("{}/{}/{flags}", iso(p.start), iso(p.end));
        push(&mut out[p.ticket as usize][0], item);
    }
    if ds.surveys_sent_column {
        for s in &ds.survey_sends {
            let item = format!("{}/{}", iso(s.sent_at), opt(s.answered_at));
            push(&mut out[s.ticket as usize][1], item);
        }
        for c in &mut out {
            if c[1].is_empty() {
                c[1] = "none".into();
            }
        }
    }
    let rule = policy.survey().repeated;
    let n = policy.survey_form().questions.len();
    for (i, c) in out.iter_mut().enumerate().filter(|_| n > 0) {
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
    for (t, l) in levels {
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
        push(&mut out[*t as usize][3], item);
    }
    out
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

/// The rows' cells in row order, for the writers: `facts[r.ticket]`, or
/// empty cells when `facts` does not cover the ticket.
pub fn of<'a>(facts: &'a [Cells], r: &SlaRow) -> Option<&'a Cells> {
    facts.get(r.ticket as usize)
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
