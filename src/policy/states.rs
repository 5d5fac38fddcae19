//! `[states]`: the canonical ticket states and how the source tool's
//! status labels map to them (docs/CONTRACT.md §2.3).

use std::collections::{BTreeMap, HashMap};

use crate::error::{Error, Result};
use crate::text::lang::Lang;
use crate::text::{fold, msg};

/// A canonical ticket state (docs/CONTRACT.md §2.3, `[states]`).
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord,
)]
pub enum State {
    /// Registered, nobody has taken it yet: the response clock runs.
    #[default]
    New,
    /// Being worked on: the resolution clock runs.
    Open,
    /// Suspended (waiting on the user or a third party): no clock runs.
    Paused,
    /// A solution was given; the ticket may still be reopened.
    Solved,
    /// Closed.
    Closed,
    /// Cancelled, annulled or not handled: excluded from compliance.
    Cancelled,
    /// A documented final answer without a solution ("Sin Solución"):
    /// the clock stops as at a solution and a reopen behaves as from
    /// solved, but the ticket's outcome is `unresolved`: it is neither met
    /// nor breached in resolution compliance (docs/CONTRACT.md §3.2).
    Unresolved,
}

impl State {
    /// Every state, in policy-key order.
    pub const ALL: [State; 7] = [
        State::New,
        State::Open,
        State::Paused,
        State::Solved,
        State::Closed,
        State::Cancelled,
        State::Unresolved,
    ];

    /// The policy key (`new`, `open`, ...): also the name in outputs.
    pub fn key(self) -> &'static str {
        match self {
            State::New => "new",
            State::Open => "open",
            State::Paused => "paused",
            State::Solved => "solved",
            State::Closed => "closed",
            State::Cancelled => "cancelled",
            State::Unresolved => "unresolved",
        }
    }

    /// A Spanish or English label for people.
    pub fn label(self, lang: Lang) -> &'static str {
        use msg::common as m;
        let name = match self {
            State::New => m::STATE_NEW,
            State::Open => m::STATE_OPEN,
            State::Paused => m::STATE_PAUSED,
            State::Solved => m::STATE_SOLVED,
            State::Closed => m::STATE_CLOSED,
            State::Cancelled => m::STATE_CANCELLED,
            State::Unresolved => m::STATE_UNRESOLVED,
        };
        name.get(lang)
    }

    /// Solved, unresolved or closed: the clock has stopped.
    pub fn is_done(self) -> bool {
        matches!(self, State::Solved | State::Unresolved | State::Closed)
    }

    /// New, open or paused: the ticket is still being handled.
    pub fn is_active(self) -> bool {
        matches!(self, State::New | State::Open | State::Paused)
    }

    fn from_key(key: &str) -> Option<State> {
        State::ALL.into_iter().find(|s| s.key() == key)
    }
}

/// The resolved `[states]` table.
pub(super) struct StateMap {
    /// Folded label -> state.
    pub by_label: HashMap<String, State>,
    /// The labels of each state, as written.
    pub labels: BTreeMap<State, Vec<String>>,
    /// `precase`: the labels of a pre-case, as written (also `new`
    /// labels).
    pub precase: Vec<String>,
}

/// The `[states]` key that names the pre-case labels rather than a
/// state: a ticket whose first status is one of them started as a
/// pre-case (Víctimas §3 PRECASO: a case created automatically from an
/// e-mail's subject keywords, registered by the desk later).
pub const PRECASE_KEY: &str = "precase";

impl StateMap {
    /// Checks and indexes `[states]`: every key a canonical state, no
    /// label (after folding) under two states.
    pub fn resolve(raw: &BTreeMap<String, Vec<String>>) -> Result<StateMap> {
        let mut map = StateMap {
            by_label: HashMap::new(),
            labels: BTreeMap::new(),
            precase: Vec::new(),
        };
        for (key, labels) in raw.iter().filter(|(k, _)| *k != PRECASE_KEY) {
            let state = State::from_key(key).ok_or_else(|| {
                Error::input_msg(msg::policy::STATE_UNKNOWN, &[("key", key)])
            })?;
            for label in labels {
                if let Some(prev) = map.by_label.insert(fold(label), state)
                    && prev != state
                {
                    return Err(Error::input_msg(
                        msg::policy::STATE_LABEL_TWICE,
                        &[
                            ("label", &format!("{label:?}")),
                            ("first", &prev.key()),
                            ("second", key),
                        ],
                    ));
                }
                map.labels.entry(state).or_default().push(label.clone());
            }
        }
        for label in raw.get(PRECASE_KEY).into_iter().flatten() {
            if map.by_label.get(&fold(label)) != Some(&State::New) {
                return Err(Error::input_msg(
                    msg::channel::PRECASE_NOT_NEW,
                    &[("label", &format!("{label:?}"))],
                ));
            }
            map.precase.push(label.clone());
        }
        Ok(map)
    }
}
