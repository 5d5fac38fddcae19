//! The per-ticket table (docs/CONTRACT.md §4): CSV, written atomically.
//!
//! Columns, in this order: the 22 of docs/CONTRACT.md §4, then plazo's
//! extensions.
//! Instants are ISO 8601 with the policy zone's offset, durations whole
//! seconds, booleans `true`/`false`, unknown values empty.

use crate::io::formula::FreeText;
use crate::model::dataset::{Attr, Dataset};
use crate::policy::Policy;
use crate::time::{Instant, InstantWriter};

use super::SlaRow;

/// The column names, in output order.
pub const COLUMNS: &[&str] = &[
    "ticket_id",
    "type",
    "priority",
    "category",
    "group",
    "assignee",
    "opened_at",
    "responded_at",
    "solved_at",
    "closed_at",
    "state",
    "response_business_s",
    "resolution_business_s",
    "paused_business_s",
    "response_target_s",
    "resolution_target_s",
    "response_met",
    "resolution_met",
    "resolution_due_at",
    "reopen_count",
    "survey_score",
    "excluded_reason",
    // Extensions.
    "wall_resolution_s",
    "response_due_at",
    "response_class",
    "resolution_class",
    "at_risk",
    "auto_closed",
    "close_late",
    "response_overrun_s",
    "resolution_overrun_s",
    "solved_before_reopen_business_s",
    "survey_answered_at",
    "target_rule",
    "events",
    "channel",
    "precase_at",
    "precase_registered_at",
    "precase_discarded_at",
    "precase_business_s",
    "closed_early",
    "closed_without_approval",
    "validated_within",
    "close_business_s",
    "survey_before_close",
    "outcome",
];

/// The column added last, only when the policy has `[[versions]]`: the
/// name of the version that measured the ticket (docs/CONTRACT.md §2.8).
pub const VERSION_COLUMN: &str = "policy_version";

/// The columns `plazo sla` and `plazo report` add after all others
/// (after [`VERSION_COLUMN`] when there is one), so that the table can
/// be read back as precomputed rows (`plazo report --sla-rows`,
/// docs/CONTRACT.md §5.11): whether the ticket is in the survey's scope,
/// the cutoff it was evaluated at, the SHA-256 of the policy file, then
/// the facts the indicators take from the events and surveys
/// ([`super::facts`]).
pub const EVALUATION_COLUMNS: &[&str] = &[
    "survey_expected",
    "cutoff",
    "policy_sha256",
    "pauses",
    "survey_sends",
    "question_scores",
    "escalations",
];

/// How the rows were evaluated: the values of [`EVALUATION_COLUMNS`]
/// shared by every row.
#[derive(Clone, Copy, Debug)]
pub struct Evaluated<'a> {
    /// The cutoff.
    pub cutoff: Instant,
    /// SHA-256 of the policy file, lowercase hex.
    pub policy_sha256: &'a str,
    /// Each ticket's fact cells, by ticket index from `facts_from`
    /// ([`super::facts`]); empty cells for a ticket it does not cover.
    pub facts: &'a [super::facts::Cells],
    /// The ticket index of `facts[0]` (0 when `facts` covers every
    /// ticket; a block's first when written a block at a time).
    pub facts_from: u32,
}

/// Renders the rows as CSV text (header included), without
/// [`EVALUATION_COLUMNS`]: [`render_evaluated`] with `None`.
pub fn render(
    policy: &Policy,
    ds: &Dataset,
    rows: &[SlaRow],
    text: FreeText,
) -> String {
    render_evaluated(policy, ds, rows, text, None)
}

/// Renders the rows as CSV text (header included), then, with `ev`,
/// [`EVALUATION_COLUMNS`]. The free-text
/// columns (`ticket_id`, `type`, `priority`, `category`, `group`,
/// `assignee`, `channel`) are written through `text`
/// ([`crate::io::formula`]); every other column is a number, an instant,
/// a boolean or a fixed key.
pub fn render_evaluated(
    policy: &Policy,
    ds: &Dataset,
    rows: &[SlaRow],
    text: FreeText,
    ev: Option<&Evaluated<'_>>,
) -> String {
    let mut out = String::with_capacity(rows.len() * 260 + 512);
    header(&mut out, policy, ev.is_some());
    let mut w = Rows::new(policy, ds, text);
    for r in rows {
        w.push(&mut out, r, ev);
    }
    out
}

/// [`render_evaluated`] into `out`, a block of rows at a time: the text
/// of the whole table is never held (a million rows are about 320 MB of
/// CSV). Call [`write_header`] first, then this for each block of rows,
/// in order (`ev`'s facts cover the block's tickets).
///
/// The lines are rendered on all cores, [`WRITE_CHUNK`] rows a task and
/// at most [`WRITE_GROUP`] tasks' text held at once, then written in
/// order: the same bytes as one thread's.
///
/// # Errors
///
/// The writer's.
pub fn write_rows(
    out: &mut impl std::io::Write,
    rows: &[SlaRow],
    w: &Rows<'_>,
    ev: Option<&Evaluated<'_>>,
) -> std::io::Result<()> {
    render_rows(rows, w, ev, |parts| {
        parts.iter().try_for_each(|p| out.write_all(p.as_bytes()))
    })
}

/// [`write_rows`]' text without the writing: `emit` gets the lines of
/// [`WRITE_GROUP`] tasks at a time, in order (each task's lines in one
/// string), to write or to hand to a thread that writes.
///
/// # Errors
///
/// The first of `emit`'s, which stops the rendering.
pub fn render_rows<E>(
    rows: &[SlaRow],
    w: &Rows<'_>,
    ev: Option<&Evaluated<'_>>,
    mut emit: impl FnMut(Vec<String>) -> Result<(), E>,
) -> Result<(), E> {
    use rayon::prelude::*;
    for group in rows.chunks(WRITE_CHUNK * WRITE_GROUP) {
        let parts: Vec<String> = group
            .par_chunks(WRITE_CHUNK)
            .map(|chunk| {
                let mut lines = w.fresh();
                let mut s = String::with_capacity(chunk.len() * 512);
                for r in chunk {
                    lines.push(&mut s, r, ev);
                }
                s
            })
            .collect();
        emit(parts)?;
    }
    Ok(())
}

/// Rows a task of [`write_rows`] renders.
pub const WRITE_CHUNK: usize = 4096;

/// Tasks of [`write_rows`] whose text is held before it is written
/// (about 10 MB of CSV with the evaluation columns).
pub const WRITE_GROUP: usize = 4;

/// The header line of [`render_evaluated`] into `out`.
///
/// # Errors
///
/// The writer's.
pub fn write_header(
    out: &mut impl std::io::Write,
    policy: &Policy,
    evaluated: bool,
) -> std::io::Result<()> {
    let mut s = String::new();
    header(&mut s, policy, evaluated);
    out.write_all(s.as_bytes())
}

/// Renders rows of one run as CSV lines: what every line needs (the
/// policy, the dataset, the free-text rule and an instant writer), kept
/// between blocks.
pub struct Rows<'a> {
    policy: &'a Policy,
    ds: &'a Dataset,
    text: FreeText,
    w: InstantWriter,
    /// The cutoff as text, once an evaluated row needed it.
    cutoff: Option<String>,
}

impl<'a> Rows<'a> {
    /// A renderer for rows of `ds` under `policy`.
    pub fn new(
        policy: &'a Policy,
        ds: &'a Dataset,
        text: FreeText,
    ) -> Rows<'a> {
        Rows {
            policy,
            ds,
            text,
            w: InstantWriter::new(policy.tz()),
            cutoff: None,
        }
    }

    /// A renderer for the same run, with empty caches (one per thread).
    pub fn fresh(&self) -> Rows<'a> {
        Rows::new(self.policy, self.ds, self.text)
    }

    /// Appends `r`'s line (with its newline) to `out`; with `ev`, its
    /// [`EVALUATION_COLUMNS`] too.
    pub fn push(
        &mut self,
        out: &mut String,
        r: &SlaRow,
        ev: Option<&Evaluated<'_>>,
    ) {
        use std::fmt::Write as _;
        let (policy, ds, text) = (self.policy, self.ds, self.text);
        let w = &mut self.w;
        let t = &ds.tickets[r.ticket as usize];
        text.push(out, &t.id);
        for a in [
            Attr::Type,
            Attr::Priority,
            Attr::Category,
            Attr::Group,
            Attr::Assignee,
        ] {
            out.push(',');
            text.push(out, ds.strings.get(t.attr(a)));
        }
        out.push(',');
        w.write_unix(Some(t.opened_at), out);
        for v in [r.responded_at, r.solved_at, r.closed_at] {
            out.push(',');
            w.write_unix(v.get(), out);
        }
        out.push(',');
        if r.excluded != Some(super::Exclusion::OpenedAfterCutoff) {
            out.push_str(r.state.map_or("", |s| s.key()));
        }
        for v in [r.response_s, r.resolution_s, r.paused_s] {
            out.push(',');
            int(out, v);
        }
        opt_ints(
            out,
            &[r.response_target_s.get(), r.resolution_target_s.get()],
        );
        bools(out, &[r.response_met, r.resolution_met]);
        out.push(',');
        w.write_unix(r.resolution_due_at.get(), out);
        out.push(',');
        int(out, r.reopen_count);
        out.push(',');
        if let Some(s) = r.survey_score {
            let _ = write!(out, "{s}");
        }
        out.push(',');
        let p = policy.version_policy(r.version);
        out.push_str(r.excluded.map_or("", |e| e.name(p)));
        // Extensions.
        out.push(',');
        int(out, r.wall_resolution_s);
        out.push(',');
        w.write_unix(r.response_due_at.get(), out);
        for c in [r.response_class, r.resolution_class, worst(r)] {
            out.push(',');
            out.push_str(c.map_or("", |c| c.key()));
        }
        bools(out, &[r.auto_closed, r.close_late]);
        opt_ints(
            out,
            &[r.response_overrun_s.get(), r.resolution_overrun_s.get()],
        );
        out.push(',');
        int(out, r.solved_before_reopen_s);
        out.push(',');
        w.write_unix(r.survey_answered_at.get(), out);
        out.push(',');
        if let Some(i) = r.target_rule {
            int(out, i);
        }
        out.push(',');
        int(out, r.events);
        out.push(',');
        text.push(out, ds.strings.get(t.attr(Attr::Channel)));
        for v in [
            r.precase_at,
            r.precase_registered_at,
            r.precase_discarded_at,
        ] {
            out.push(',');
            w.write_unix(v.get(), out);
        }
        out.push(',');
        if let Some(v) = r.precase_business_s.get() {
            int(out, v);
        }
        bools(
            out,
            &[
                r.closed_early,
                r.closed_without_approval,
                r.validated_within,
            ],
        );
        opt_ints(out, &[r.close_business_s.get()]);
        bools(out, &[r.survey_before_close]);
        out.push(',');
        out.push_str(r.outcome());
        let cutoff = ev.map(|e| {
            &*self
                .cutoff
                .get_or_insert_with(|| e.cutoff.to_rfc3339(policy.tz()))
        });
        tail(out, policy, r, text, ev.zip(cutoff.map(String::as_str)));
    }
}

/// Appends integer `v` in decimal.
pub(super) fn int(out: &mut String, v: impl itoa::Integer) {
    out.push_str(itoa::Buffer::new().format(v));
}

/// A row's last columns and its line end: [`VERSION_COLUMN`] when the
/// policy has versions, then with `ev` (and its cutoff as text)
/// [`EVALUATION_COLUMNS`].
fn tail(
    out: &mut String,
    policy: &Policy,
    r: &SlaRow,
    text: FreeText,
    ev: Option<(&Evaluated<'_>, &str)>,
) {
    if policy.has_versions() {
        out.push(',');
        text.push(out, policy.version_policy(r.version).version_name());
    }
    if let Some((ev, cutoff)) = ev {
        let e = if r.survey_expected { "true" } else { "false" };
        for c in [e, cutoff, ev.policy_sha256] {
            out.push(',');
            out.push_str(c);
        }
        let none = super::facts::Cells::default();
        for c in super::facts::of(ev.facts, ev.facts_from, r).unwrap_or(&none)
        {
            out.push(',');
            crate::io::csv::push_field(out, c);
        }
    }
    out.push('\n');
}

/// The header line: [`COLUMNS`], then [`VERSION_COLUMN`] when the policy
/// has versions, then with `evaluated` [`EVALUATION_COLUMNS`].
fn header(out: &mut String, policy: &Policy, evaluated: bool) {
    out.push_str(&COLUMNS.join(","));
    if policy.has_versions() {
        out.push(',');
        out.push_str(VERSION_COLUMN);
    }
    for c in EVALUATION_COLUMNS.iter().filter(|_| evaluated) {
        out.push(',');
        out.push_str(c);
    }
    out.push('\n');
}

/// `,true`, `,false` or `,` for each flag.
/// Each of `values` after a comma, empty when `None`.
fn opt_ints(out: &mut String, values: &[Option<i64>]) {
    for v in values {
        out.push(',');
        if let Some(v) = v {
            int(out, *v);
        }
    }
}

fn bools(out: &mut String, flags: &[Option<bool>]) {
    for v in flags {
        out.push(',');
        if let Some(v) = v {
            out.push_str(if *v { "true" } else { "false" });
        }
    }
}

/// The worse class of a ticket's unfinished measures.
pub fn worst(r: &SlaRow) -> Option<super::Class> {
    match (r.response_class, r.resolution_class) {
        (Some(a), Some(b)) => Some(a.min(b)),
        (a, b) => a.or(b),
    }
}
