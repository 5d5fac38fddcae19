//! Event notes: pauses begun without one (`[checks]
//! paused_requires_note`), and closes an automatic note marks
//! (`[close] auto_close_notes`) or an approval note legitimates
//! (`[close] approval_notes`).

use crate::model::dataset::{Dataset, Event};
use crate::policy::{Policy, State};
use crate::text::fold;

/// The events of ticket `i`, by `cutoff` (Unix seconds), that begin a
/// pause (the state becomes `paused` from another one) with an empty
/// `note`: the list behind `[checks] paused_requires_note`.
///
/// ```
/// use plazo::Policy;
/// use plazo::model::dataset::{Dataset, Inputs};
/// let dir = std::env::temp_dir().join("plazo-doc-unnoted");
/// std::fs::create_dir_all(&dir)?;
/// std::fs::write(dir.join("t.csv"), "ticket_id,opened_at\n1,2026-03-02 08:00\n")?;
/// std::fs::write(dir.join("e.csv"), "ticket_id,at,status,note\n\
///     1,2026-03-02 09:00,Suspendido,\n1,2026-03-02 10:00,En proceso,\n\
///     1,2026-03-02 11:00,Suspendido,Esperando al proveedor\n")?;
/// let policy = Policy::from_toml(r#"
///     name = "x"
///     [calendar]
///     always = true
///     [states]
///     open = ["En proceso"]
///     paused = ["Suspendido"]
/// "#, "p.toml".as_ref())?;
/// let ds = Dataset::load(&Inputs::new(dir.join("t.csv"), dir.join("e.csv")), policy.tz())?;
/// let cutoff = plazo::time::Instant::parse("2026-03-31 00:00", policy.tz())?.unix();
/// let bare = plazo::engine::unnoted_pauses(&policy, &ds, 0, cutoff);
/// assert_eq!(bare.len(), 1); // 09:00; the 11:00 pause has its reason
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn unnoted_pauses<'d>(
    policy: &Policy,
    ds: &'d Dataset,
    i: usize,
    cutoff: i64,
) -> Vec<&'d Event> {
    let mut prev = State::New;
    let mut out = Vec::new();
    for e in ds.events_of(i) {
        if e.at > cutoff {
            break;
        }
        let st = policy
            .state_of(ds.strings.get(e.status))
            .unwrap_or(State::Open);
        if st == State::Paused
            && prev != State::Paused
            && ds.strings.get(e.note).trim().is_empty()
        {
            out.push(e);
        }
        prev = st;
    }
    out
}

/// Per interned string, whether it is an event note holding one of the
/// folded fragments `notes` (`[close] auto_close_notes`, `approval_notes`);
/// empty without fragments.
pub(super) fn note_flags(notes: &[String], ds: &Dataset) -> Vec<bool> {
    if notes.is_empty() {
        return Vec::new();
    }
    let mut auto_note = vec![false; ds.strings.len()];
    let mut done = vec![false; ds.strings.len()];
    for e in &ds.events {
        let n = e.note as usize;
        if !done[n] {
            done[n] = true;
            let text = fold(ds.strings.get(e.note));
            auto_note[n] = notes.iter().any(|f| text.contains(f.as_str()));
        }
    }
    auto_note
}
