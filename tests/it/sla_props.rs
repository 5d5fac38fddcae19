//! The SLA engine against a slow reference that walks each ticket's
//! timeline minute by minute (docs/CONTRACT.md §3 read literally), on
//! random timelines. Timestamps are whole minutes and the calendars'
//! segments too, so each minute is wholly one state and wholly working or
//! not: the walk is exact.

use plazo::Policy;
use plazo::engine::{Class, Engine, TicketInput};
use plazo::policy::State;
use proptest::prelude::*;

const POLICIES: [&str; 2] = [
    r#"
name = "Bogotá"
[calendar]
holidays = ["co"]
[calendar.hours]
mon = ["07:00-12:00", "13:00-17:00"]
tue = ["07:00-12:00", "13:00-17:00"]
wed = ["07:00-12:00", "13:00-17:00"]
thu = ["07:00-12:00", "13:00-17:00"]
fri = ["07:00-12:00", "13:00-16:00"]
sat = ["08:00-12:30"]
"#,
    r#"
name = "24x7 Madrid"
timezone = "Europe/Madrid"
[calendar]
always = true
"#,
];

struct Reference {
    response_s: i64,
    responded_at: Option<i64>,
    resolution_s: i64,
    paused_s: i64,
    solved_at: Option<i64>,
    reopen: u32,
    due: i64,
    state: State,
}

fn reference(
    p: &Policy,
    o: i64,
    events: &[(i64, State)],
    cutoff: i64,
    target: i64,
) -> Reference {
    let cal = p.calendar();
    // The events that count: up to the cutoff, clamped to the opening.
    let evs: Vec<(i64, State)> = events
        .iter()
        .filter(|e| e.0 <= cutoff)
        .map(|&(t, s)| (t.max(o), s))
        .collect();
    let state_at =
        |t: i64| evs.iter().rfind(|e| e.0 <= t).map_or(State::New, |e| e.1);
    let state = state_at(cutoff);
    let responded_at = evs.iter().find(|e| e.1 != State::New).map(|e| e.0);
    // solved_at: the start of the final run of solved/closed events.
    let solved_at = if state.is_done() {
        let mut j = evs.len();
        while j > 0 && evs[j - 1].1.is_done() {
            j -= 1;
        }
        Some(evs[j].0)
    } else {
        None
    };
    let mut reopen = 0;
    let mut prev = State::New;
    for e in &evs {
        if prev.is_done() && e.1.is_active() {
            reopen += 1;
        }
        prev = e.1;
    }
    let end = solved_at.unwrap_or(cutoff);
    let (mut res, mut paused, mut resp) = (0, 0, 0);
    let resp_end = responded_at.unwrap_or(cutoff);
    let mut due = None;
    let mut m = o;
    while m < end || due.is_none() {
        let working = cal.between_secs(m, m + 60);
        if m < end {
            match state_at(m) {
                State::New | State::Open => res += working,
                State::Paused => paused += working,
                _ => {}
            }
        } else {
            res += working; // the clock runs on after the end
        }
        if m < resp_end {
            resp += working;
        }
        if due.is_none() && res >= target {
            // Reached during this minute: at its end, or at o for 0.
            due = Some(if target == 0 { o } else { m + 60 });
        }
        m += 60;
    }
    // `res` ran past `end` while looking for the due date: recount.
    let mut res_at_end = 0;
    let mut m = o;
    while m < end {
        if matches!(state_at(m), State::New | State::Open) {
            res_at_end += cal.between_secs(m, m + 60);
        }
        m += 60;
    }
    Reference {
        response_s: resp,
        responded_at,
        resolution_s: res_at_end,
        paused_s: paused,
        solved_at,
        reopen,
        due: due.unwrap(),
        state,
    }
}

fn state_strategy() -> impl Strategy<Value = State> {
    prop_oneof![
        1 => Just(State::New),
        3 => Just(State::Open),
        2 => Just(State::Paused),
        2 => Just(State::Solved),
        1 => Just(State::Closed),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

    #[test]
    fn engine_matches_minute_walk(
        which in 0usize..2,
        // 2026-01-01 .. 2026-12-01, whole minutes.
        o_min in 29_453_760i64..29_934_720,
        steps in prop::collection::vec((-60i64..4 * 1440, state_strategy()), 0..8),
        cutoff_after in 0i64..12 * 1440,
        resp_min in 0i64..600,
        res_min in 0i64..2400,
    ) {
        let text = format!(
            "{}\n[[targets]]\nresponse = \"{resp_min}m\"\nresolution = \"{res_min}m\"\n",
            POLICIES[which]
        );
        let p = Policy::from_toml(&text, "p.toml".as_ref()).unwrap();
        let o = o_min * 60;
        // Events at increasing minutes (the first may precede the opening).
        let mut t = o;
        let mut events = Vec::new();
        for (k, (gap, st)) in steps.iter().enumerate() {
            t = if k == 0 { o + gap * 60 } else { t + (gap.abs() + 1) * 60 };
            events.push((t, *st));
        }
        let cutoff = o + cutoff_after * 60;
        let row = Engine::evaluate_one(&p, &TicketInput::new(o, &events), Some(0), cutoff);
        let r = reference(&p, o, &events, cutoff, res_min * 60);
        prop_assert_eq!(row.state, Some(r.state));
        prop_assert_eq!(row.responded_at, r.responded_at);
        prop_assert_eq!(row.response_s, r.response_s);
        prop_assert_eq!(row.solved_at, r.solved_at);
        prop_assert_eq!(row.resolution_s, r.resolution_s);
        prop_assert_eq!(row.paused_s, r.paused_s);
        prop_assert_eq!(row.reopen_count, r.reopen);
        prop_assert_eq!(row.resolution_due_at, Some(r.due));
        let target = res_min * 60;
        match r.solved_at {
            Some(_) => prop_assert_eq!(row.resolution_met, Some(r.resolution_s <= target)),
            None => {
                prop_assert_eq!(row.resolution_met, None);
                let want = if r.resolution_s > target {
                    Class::Breached
                } else if r.resolution_s * 5 >= target * 4 {
                    Class::AtRisk
                } else {
                    Class::OnTrack
                };
                prop_assert_eq!(row.resolution_class, Some(want));
            }
        }
        let rt = resp_min * 60;
        if r.responded_at.is_some() {
            prop_assert_eq!(row.response_met, Some(r.response_s <= rt));
        }
    }
}
