//! Validating ingested tables against a policy (`plazo check`).
//!
//! Lists every status label the policy's `[states]` does not map, with its
//! count and an example ticket, so that all problems are seen at once.
//!
//! # Example
//!
//! ```
//! use plazo::model::{Builder, Origin};
//! use plazo::source::check::unknown_statuses;
//! use plazo::Policy;
//! let policy = Policy::from_toml(r#"
//!     name = "x"
//!     timezone = "America/Bogota"
//!     [calendar]
//!     always = true
//!     [states]
//!     new = ["Nuevo"]
//! "#, "p.toml".as_ref())?;
//! let tz = policy.tz();
//! let mut b = Builder::new(tz, plazo::text::lang::Lang::Es);
//! let f = b.begin_file("e.csv", "events", "utf-8");
//! let t = plazo::time::Instant::from_unix(0);
//! for (id, st) in [("1", "Nuevo"), ("1", "Raro"), ("2", "Raro")] {
//!     b.read(f);
//!     b.upsert_ticket(id, Some(t), plazo::model::builder::NO_VALUES, false, Origin::row(f, 2));
//!     b.event(id, t, st, Default::default(), Origin::row(f, 2));
//!     b.accept(f);
//! }
//! let u = unknown_statuses(&b.finish()?, &policy);
//! assert_eq!((u[0].label.as_str(), u[0].count, u[0].example.as_str()), ("Raro", 2, "1"));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use std::collections::HashMap;

use crate::Policy;
use crate::model::builder::Ingested;

/// A status label the policy does not map.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UnknownLabel {
    /// The label as written in the data.
    pub label: String,
    /// How many events carry it.
    pub count: u64,
    /// One ticket that has it.
    pub example: String,
}

/// Every unmapped status label, most frequent first.
pub fn unknown_statuses(ing: &Ingested, policy: &Policy) -> Vec<UnknownLabel> {
    let mut map: HashMap<&str, (u64, &str)> = HashMap::new();
    for e in &ing.events {
        if policy.state_of(&e.status).is_none() {
            let v = map.entry(&e.status).or_insert((0, &e.ticket_id));
            v.0 += 1;
        }
    }
    let mut out: Vec<UnknownLabel> = map
        .into_iter()
        .map(|(l, (n, t))| UnknownLabel {
            label: l.to_string(),
            count: n,
            example: t.to_string(),
        })
        .collect();
    out.sort_by(|a, b| b.count.cmp(&a.count).then(a.label.cmp(&b.label)));
    out
}
