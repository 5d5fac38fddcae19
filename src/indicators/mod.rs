//! The period indicators (docs/CONTRACT.md §5), computed from the
//! per-ticket rows by completion timestamps.
//!
//! Every rule (which ticket counts in which period, the percentile
//! method, the survey response rate's denominator) is written down in
//! `docs/INDICATORS.md`; this module is its implementation. Values are
//! `None` when their denominator is empty (no ticket to average).
//!
//! [`lists`] holds the period's ticket lists (breaches, at risk,
//! exclusions, survey scores and comments) that the report shows beside
//! the figures; [`period`] the periods themselves.

pub mod decisions;
pub mod escalations;
pub mod lists;
pub mod penalties;
pub mod period;
pub mod survey;
pub mod whatif;

use std::collections::HashMap;

use crate::engine::{Exclusion, Pause, SlaRow};
use crate::model::dataset::{Attr, Dataset};
use crate::policy::Policy;
use crate::text::words::Words;
use crate::text::{Msg, msg};

use period::Period;

/// The indicator ids, in output order (docs/CONTRACT.md §5.3); the
/// policy's list, which names them in `[indicators]`.
pub use crate::policy::INDICATOR_IDS as IDS;

/// Number of indicators.
pub const N: usize = IDS.len();

/// The position of an indicator id in [`IDS`].
pub fn index(id: &str) -> Option<usize> {
    IDS.iter().position(|i| *i == id)
}

/// Name and meaning of each indicator, in [`IDS`] order.
const TEXTS: [(Msg, Msg); N] = {
    use crate::text::msg::channel::*;
    use crate::text::msg::closing as cl;
    use crate::text::msg::escalations as ESC;
    use crate::text::msg::indicators::*;
    use crate::text::msg::survey_report;
    [
        (TICKETS_OPENED_NAME, TICKETS_OPENED_DESC),
        (TICKETS_SOLVED_NAME, TICKETS_SOLVED_DESC),
        (TICKETS_CLOSED_NAME, TICKETS_CLOSED_DESC),
        (BACKLOG_END_NAME, BACKLOG_END_DESC),
        (RESPONSE_COMPLIANCE_NAME, RESPONSE_COMPLIANCE_DESC),
        (RESOLUTION_COMPLIANCE_NAME, RESOLUTION_COMPLIANCE_DESC),
        (RESPONSE_HOURS_MEAN_NAME, RESPONSE_HOURS_MEAN_DESC),
        (RESOLUTION_HOURS_MEAN_NAME, RESOLUTION_HOURS_MEAN_DESC),
        (RESOLUTION_HOURS_MEDIAN_NAME, RESOLUTION_HOURS_MEDIAN_DESC),
        (RESOLUTION_HOURS_P90_NAME, RESOLUTION_HOURS_P90_DESC),
        (PAUSED_HOURS_MEAN_NAME, PAUSED_HOURS_MEAN_DESC),
        (REOPEN_RATE_NAME, REOPEN_RATE_DESC),
        (AUTO_CLOSED_NAME, AUTO_CLOSED_DESC),
        (SURVEY_RESPONSE_RATE_NAME, SURVEY_RESPONSE_RATE_DESC),
        (CSAT_MEAN_NAME, CSAT_MEAN_DESC),
        (SATISFIED_NAME, SATISFIED_DESC),
        (EXCLUDED_NAME, EXCLUDED_DESC),
        (NO_TARGET_NAME, NO_TARGET_DESC),
        (PRECASES_NAME, PRECASES_DESC),
        (PRECASES_REGISTERED_NAME, PRECASES_REGISTERED_DESC),
        (PRECASES_DISCARDED_NAME, PRECASES_DISCARDED_DESC),
        (PRECASE_HOURS_MEAN_NAME, PRECASE_HOURS_MEAN_DESC),
        (survey_report::SENT_NAME, survey_report::SENT_DESC),
        (survey_report::ANSWERED_NAME, survey_report::ANSWERED_DESC),
        (survey_report::RATE_NAME, survey_report::RATE_DESC),
        (survey_report::OUT_NAME, survey_report::OUT_DESC),
        (cl::CLOSED_EARLY_NAME, cl::CLOSED_EARLY_DESC),
        (
            cl::CLOSED_WITHOUT_APPROVAL_NAME,
            cl::CLOSED_WITHOUT_APPROVAL_DESC,
        ),
        (cl::CLOSE_LATE_NAME, cl::CLOSE_LATE_DESC),
        (cl::VALIDATION_WITHIN_NAME, cl::VALIDATION_WITHIN_DESC),
        (
            crate::text::msg::outcomes::TICKETS_UNRESOLVED_NAME,
            crate::text::msg::outcomes::TICKETS_UNRESOLVED_DESC,
        ),
        (
            crate::text::msg::outcomes::PAUSES_NAME,
            crate::text::msg::outcomes::PAUSES_DESC,
        ),
        (
            crate::text::msg::outcomes::PAUSES_WITHOUT_NOTE_NAME,
            crate::text::msg::outcomes::PAUSES_WITHOUT_NOTE_DESC,
        ),
        (ESC::ESCALATIONS_NAME, ESC::ESCALATIONS_DESC),
        (ESC::TAKE_COMPLIANCE_NAME, ESC::TAKE_COMPLIANCE_DESC),
        (ESC::TAKE_HOURS_MEAN_NAME, ESC::TAKE_HOURS_MEAN_DESC),
        (ESC::TAKE_HOURS_P90_NAME, ESC::TAKE_HOURS_P90_DESC),
        (ESC::WAITING_NAME, ESC::WAITING_DESC),
    ]
};

/// Name and meaning of an indicator, for people, in the language and
/// with the entity's words of `w` (the catalogue's
/// [`crate::text::msg::indicators`]). An id that is not in [`IDS`] is
/// named `?`, with no meaning.
///
/// ```
/// use plazo::indicators::describe;
/// use plazo::text::{lang::Lang, words::Words};
/// assert_eq!(describe("csat_mean", &Words::defaults(Lang::En)).0, "Mean satisfaction");
/// let w = Words::new(Lang::Es, &[("ticket", "caso")]);
/// assert_eq!(describe("tickets_opened", &w).0, "Casos con apertura");
/// ```
pub fn describe(id: &str, w: &Words) -> (String, String) {
    match index(id) {
        Some(i) => (w.get(TEXTS[i].0), w.get(TEXTS[i].1)),
        None => (
            msg::indicators::UNKNOWN_INDICATOR.get(w.lang()).to_string(),
            String::new(),
        ),
    }
}

/// Whether the workbook shows indicator `id` for `policy` (its rows on
/// "Resumen", its columns on the by-dimension sheets): the pre-case
/// ones only when `[states] precase` names a label, the closing rules'
/// only when the policy sets their `[close]` key (`auto_close_after` for
/// `closed_early_pct` and `close_late_pct`, `requires_approval`,
/// `validate_within`), `tickets_unresolved` only with `[states]
/// unresolved` labels, `pauses_without_note` only with `[checks]
/// paused_requires_note` and `escalation_take_compliance_pct` only with
/// `[escalation] take_within`; every other always. `indicators.csv` has every
/// id whatever the policy.
pub fn applies(policy: &Policy, id: &str) -> bool {
    match id {
        "closed_early_pct" | "close_late_pct" => {
            policy.auto_close_after().is_some()
        }
        "closed_without_approval_pct" => {
            policy.close_rules().requires_approval
        }
        "validation_within_pct" => {
            policy.close_rules().validate_within.is_some()
        }
        "tickets_unresolved" => policy.maps(crate::policy::State::Unresolved),
        "pauses_without_note" => policy.paused_requires_note(),
        "escalation_take_compliance_pct" => policy.take_within().is_some(),
        _ => !id.starts_with("precase") || policy.has_precase(),
    }
}

/// Whether an indicator is a percentage (0..100).
pub fn is_pct(id: &str) -> bool {
    id.ends_with("_pct")
}

/// Whether an indicator is in business hours (a mean, median or
/// percentile of a business duration).
pub fn is_hours(id: &str) -> bool {
    id.contains("_business_hours_")
}

/// Whether an indicator is a count.
pub fn is_count(id: &str) -> bool {
    matches!(
        id,
        "tickets_opened"
            | "tickets_solved"
            | "tickets_closed"
            | "backlog_end"
            | "excluded"
            | "no_target"
            | "precases"
            | "precases_registered"
            | "precases_discarded"
            | "surveys_sent"
            | "surveys_answered"
            | "answers_out_of_scope"
            | "tickets_unresolved"
            | "pauses"
            | "pauses_without_note"
            | "escalations"
            | "escalations_waiting"
    )
}

/// A breakdown of the indicators.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Dim {
    /// Every ticket (group `all`).
    All,
    /// By priority.
    Priority,
    /// By category.
    Category,
    /// By type.
    Type,
    /// By resolver group.
    Group,
    /// By assignee (technician).
    Assignee,
    /// By channel (`canal`: portal, e-mail, phone...).
    Channel,
}

impl Dim {
    /// Every dimension, in output order.
    pub const ALL: [Dim; 7] = [
        Dim::All,
        Dim::Priority,
        Dim::Category,
        Dim::Type,
        Dim::Group,
        Dim::Assignee,
        Dim::Channel,
    ];

    /// The id written in `indicators.csv`.
    pub fn key(self) -> &'static str {
        match self {
            Dim::All => "all",
            Dim::Priority => "priority",
            Dim::Category => "category",
            Dim::Type => "type",
            Dim::Group => "group",
            Dim::Assignee => "assignee",
            Dim::Channel => "channel",
        }
    }

    /// The ticket attribute it groups by.
    pub fn attr(self) -> Option<Attr> {
        match self {
            Dim::All => None,
            Dim::Priority => Some(Attr::Priority),
            Dim::Category => Some(Attr::Category),
            Dim::Type => Some(Attr::Type),
            Dim::Group => Some(Attr::Group),
            Dim::Assignee => Some(Attr::Assignee),
            Dim::Channel => Some(Attr::Channel),
        }
    }
}

/// The counts behind a value: what was added up and over how many
/// tickets (docs/INDICATORS.md, "Numerator and denominator").
///
/// A percentage is `100 × num / den`; a mean `num / den` (`num` the sum
/// of the hours or scores, `den` the tickets averaged); a percentile has
/// `den` only; a count has `num` only (the count itself).
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Parts {
    /// The numerator: tickets counted, or the sum averaged.
    pub num: Option<f64>,
    /// The denominator: the tickets the value is taken over.
    pub den: Option<u64>,
}

impl Parts {
    fn count(n: u64) -> Parts {
        Parts {
            num: Some(n as f64),
            den: None,
        }
    }

    fn ratio(a: u64, n: u64) -> Parts {
        Parts {
            num: Some(a as f64),
            den: Some(n),
        }
    }

    fn sum(s: f64, n: u64) -> Parts {
        Parts {
            num: Some(s),
            den: Some(n),
        }
    }

    fn over(n: u64) -> Parts {
        Parts {
            num: None,
            den: Some(n),
        }
    }
}

/// One line of indicators: a dimension, a group and the values.
#[derive(Clone, Debug, PartialEq)]
pub struct Line {
    /// The breakdown.
    pub dim: Dim,
    /// The group's value (`all` for [`Dim::All`]; may be empty).
    pub group: String,
    /// Values in [`IDS`] order.
    pub values: [Option<f64>; N],
    /// The counts behind each value, in [`IDS`] order.
    pub parts: [Parts; N],
}

impl Line {
    /// The value of indicator `id`.
    pub fn get(&self, id: &str) -> Option<f64> {
        index(id).and_then(|i| self.values[i])
    }

    /// The counts behind indicator `id`.
    pub fn parts(&self, id: &str) -> Parts {
        index(id).map(|i| self.parts[i]).unwrap_or_default()
    }
}

/// Running sums for one group.
#[derive(Clone, Debug, Default)]
struct Acc {
    opened: u64,
    solved: u64,
    closed: u64,
    backlog: u64,
    resp_n: u64,
    resp_met: u64,
    res_n: u64,
    res_met: u64,
    /// Business seconds summed as integers: the figures do not depend on
    /// the order of the rows (a float sum would, in its last digits).
    resp_s: i64,
    resp_h_n: u64,
    res_hours: Vec<f64>,
    paused_s: i64,
    reopened: u64,
    auto_n: u64,
    auto_yes: u64,
    surv_answered: u64,
    surv_expected: u64,
    csat_sum: f64,
    csat_n: u64,
    satisfied: u64,
    excluded: u64,
    no_target: u64,
    precases: u64,
    precases_registered: u64,
    precases_discarded: u64,
    precase_s: i64,
    sent: u64,
    sent_answered: u64,
    out_of_scope: u64,
    /// The closing rules: (yes, known) of `closed_early`,
    /// `closed_without_approval`, `close_late`, `validated_within`.
    close: [(u64, u64); 4],
    unresolved: u64,
}

/// One ticket's surveys sent in the period (rows with `sent_at`) and
/// how many of them were answered by the cutoff; `None` when the surveys
/// table has no `sent_at` (the policy's rule counts instead).
type Sends = Option<(u64, u64)>;

/// Nearest-rank percentile of sorted values: the smallest value such
/// that at least `p` percent of the values are at or below it
/// (`sorted[ceil(p/100 * n) - 1]`).
pub fn nearest_rank(sorted: &[f64], p: f64) -> Option<f64> {
    if sorted.is_empty() {
        return None;
    }
    let rank = ((p / 100.0) * sorted.len() as f64).ceil() as usize;
    Some(sorted[rank.clamp(1, sorted.len()) - 1])
}

fn pct(a: u64, n: u64) -> Option<f64> {
    (n > 0).then(|| 100.0 * a as f64 / n as f64)
}

/// Seconds as hours.
fn hours(s: i64) -> f64 {
    s as f64 / 3600.0
}

fn mean(s: f64, n: u64) -> Option<f64> {
    (n > 0).then(|| s / n as f64)
}

impl Acc {
    fn add(
        &mut self,
        r: &SlaRow,
        opened_at: i64,
        p: &Period,
        sat_min: f64,
        sends: Sends,
    ) {
        if r.excluded == Some(Exclusion::OpenedAfterCutoff) {
            return;
        }
        let inp = |t: Option<i64>| t.is_some_and(|t| p.contains(t));
        let scope = r.excluded.is_none();
        if p.contains(opened_at) {
            self.opened += 1;
            match r.excluded {
                Some(Exclusion::NoTarget) => self.no_target += 1,
                Some(_) => self.excluded += 1,
                None => {}
            }
        }
        // A "Sin Solución" answer stops the clock like a solution but is
        // not one: counted apart, in no solved-ticket figure.
        let given = inp(r.solved_at.get());
        let solved = given && !r.unresolved;
        if solved {
            self.solved += 1;
        }
        if given && r.unresolved {
            self.unresolved += 1;
        }
        if inp(r.closed_at.get()) {
            self.closed += 1;
            if scope && let Some(a) = r.auto_closed {
                self.auto_n += 1;
                self.auto_yes += u64::from(a);
            }
        }
        if r.solved_at.is_some() && inp(r.closed_at.get()) {
            self.add_close(r);
        }
        if opened_at < p.end
            && r.solved_at.get().is_none_or(|s| s >= p.end)
            && r.excluded != Some(Exclusion::Cancelled)
        {
            self.backlog += 1;
        }
        if scope && inp(r.responded_at.get()) {
            self.resp_s += r.response_s;
            self.resp_h_n += 1;
            if let Some(m) = r.response_met {
                self.resp_n += 1;
                self.resp_met += u64::from(m);
            }
        }
        if scope && solved {
            self.res_hours.push(r.resolution_s as f64 / 3600.0);
            self.paused_s += r.paused_s;
            self.reopened += u64::from(r.reopen_count > 0);
            if r.survey_expected {
                let answered = u64::from(r.survey_answered_at.is_some());
                self.surv_expected += 1;
                self.surv_answered += answered;
                if sends.is_none() {
                    self.sent += 1;
                    self.sent_answered += answered;
                }
            }
            if let Some(m) = r.resolution_met {
                self.res_n += 1;
                self.res_met += u64::from(m);
            }
        }
        if let Some((sent, answered)) = sends {
            self.sent += sent;
            self.sent_answered += answered;
        }
        if inp(r.survey_answered_at.get())
            && let Some(s) = r.survey_score
        {
            if !r.survey_expected {
                self.out_of_scope += 1;
                return;
            }
            self.csat_sum += s;
            self.csat_n += 1;
            self.satisfied += u64::from(s >= sat_min);
        }
        // Pre-cases: those begun in the period (exclusions too: a
        // discarded pre-case is `cancelled`), and what became of each by
        // the cutoff.
        if inp(r.precase_at.get()) {
            self.precases += 1;
            self.precases_discarded +=
                u64::from(r.precase_discarded_at.is_some());
            if let Some(s) = r.precase_business_s.get() {
                self.precases_registered += 1;
                self.precase_s += s;
            }
        }
    }

    /// The closing rules of a ticket solved and closed in the period,
    /// excluded ones included (docs/INDICATORS.md, "Closing rules").
    fn add_close(&mut self, r: &SlaRow) {
        let flags = [
            r.closed_early,
            r.closed_without_approval,
            r.close_late,
            r.validated_within,
        ];
        for (acc, f) in self.close.iter_mut().zip(flags) {
            if let Some(f) = f {
                acc.0 += u64::from(f);
                acc.1 += 1;
            }
        }
    }

    fn finish(mut self) -> ([Option<f64>; N], [Parts; N]) {
        self.res_hours.sort_by(f64::total_cmp);
        let n_res = self.res_hours.len() as u64;
        let res_sum: f64 = self.res_hours.iter().sum();
        let parts = [
            Parts::count(self.opened),
            Parts::count(self.solved),
            Parts::count(self.closed),
            Parts::count(self.backlog),
            Parts::ratio(self.resp_met, self.resp_n),
            Parts::ratio(self.res_met, self.res_n),
            Parts::sum(hours(self.resp_s), self.resp_h_n),
            Parts::sum(res_sum, n_res),
            Parts::over(n_res),
            Parts::over(n_res),
            Parts::sum(hours(self.paused_s), n_res),
            Parts::ratio(self.reopened, n_res),
            Parts::ratio(self.auto_yes, self.auto_n),
            Parts::ratio(self.surv_answered, self.surv_expected),
            Parts::sum(self.csat_sum, self.csat_n),
            Parts::ratio(self.satisfied, self.csat_n),
            Parts::count(self.excluded),
            Parts::count(self.no_target),
            Parts::count(self.precases),
            Parts::count(self.precases_registered),
            Parts::count(self.precases_discarded),
            Parts::sum(hours(self.precase_s), self.precases_registered),
            Parts::count(self.sent),
            Parts::count(self.sent_answered),
            Parts::ratio(self.sent_answered, self.sent),
            Parts::count(self.out_of_scope),
            Parts::ratio(self.close[0].0, self.close[0].1),
            Parts::ratio(self.close[1].0, self.close[1].1),
            Parts::ratio(self.close[2].0, self.close[2].1),
            Parts::ratio(self.close[3].0, self.close[3].1),
            Parts::count(self.unresolved),
            Parts::default(),
            Parts::default(),
            // Escalations: filled by [`escalations::fill`].
            Parts::default(),
            Parts::default(),
            Parts::default(),
            Parts::default(),
            Parts::default(),
        ];
        let values = [
            Some(self.opened as f64),
            Some(self.solved as f64),
            Some(self.closed as f64),
            Some(self.backlog as f64),
            pct(self.resp_met, self.resp_n),
            pct(self.res_met, self.res_n),
            mean(hours(self.resp_s), self.resp_h_n),
            mean(res_sum, n_res),
            nearest_rank(&self.res_hours, 50.0),
            nearest_rank(&self.res_hours, 90.0),
            mean(hours(self.paused_s), n_res),
            pct(self.reopened, n_res),
            pct(self.auto_yes, self.auto_n),
            pct(self.surv_answered, self.surv_expected),
            mean(self.csat_sum, self.csat_n),
            pct(self.satisfied, self.csat_n),
            Some(self.excluded as f64),
            Some(self.no_target as f64),
            Some(self.precases as f64),
            Some(self.precases_registered as f64),
            Some(self.precases_discarded as f64),
            mean(hours(self.precase_s), self.precases_registered),
            Some(self.sent as f64),
            Some(self.sent_answered as f64),
            pct(self.sent_answered, self.sent),
            Some(self.out_of_scope as f64),
            pct(self.close[0].0, self.close[0].1),
            pct(self.close[1].0, self.close[1].1),
            pct(self.close[2].0, self.close[2].1),
            pct(self.close[3].0, self.close[3].1),
            Some(self.unresolved as f64),
            // `pauses` and `pauses_without_note` need the events: see
            // [`fill_pauses`].
            None,
            None,
            None,
            None,
            None,
            None,
            None,
        ];
        (values, parts)
    }
}

/// Computes the indicators of `period` for the dimensions `dims`:
/// [`Dim::All`] first when asked, then each dimension's groups sorted by
/// name. Only groups with at least one ticket counted somewhere appear.
///
/// `sat_min` is the policy's `[survey] satisfied_min`; `cutoff` (Unix
/// seconds) the instant by which a survey sent counts as answered.
///
/// # Example
///
/// ```
/// use plazo::indicators::{Dim, compute, period::Period};
/// use plazo::model::dataset::Dataset;
/// let tz: chrono_tz::Tz = "America/Bogota".parse().unwrap();
/// let p = Period::parse("2026-05", tz)?;
/// let lines = compute(&Dataset::default(), &[], &p, 4.0, p.end - 1, &[Dim::All]);
/// assert_eq!(lines[0].get("tickets_opened"), Some(0.0));
/// assert_eq!(lines[0].get("resolution_compliance_pct"), None);
/// # Ok::<(), plazo::Error>(())
/// ```
pub fn compute(
    ds: &Dataset,
    rows: &[SlaRow],
    period: &Period,
    sat_min: f64,
    cutoff: i64,
    dims: &[Dim],
) -> Vec<Line> {
    let mut fold = Fold::new(period, sat_min, cutoff, dims);
    fold.add(ds, rows);
    fold.finish()
}

/// [`compute`] a part of the rows at a time: the running sums of each
/// group, kept by the group's name, so that the rows of one dataset and
/// then of another (the windows of a read, each numbering its tickets
/// from 0) add up to the lines of all of them at once. Each group's sums
/// take the rows in the order given, so the lines equal [`compute`]'s
/// over the rows in that order to the last digit.
#[derive(Clone, Debug)]
pub struct Fold {
    period: Period,
    sat_min: f64,
    cutoff: i64,
    want_all: bool,
    others: Vec<(Dim, Attr)>,
    all: Acc,
    /// Each group's sums, and where they are by dimension and name.
    accs: Vec<Acc>,
    names: HashMap<(Dim, String), usize>,
}

impl Fold {
    /// No row yet, for the lines of `period` by `dims` (as [`compute`]).
    pub fn new(
        period: &Period,
        sat_min: f64,
        cutoff: i64,
        dims: &[Dim],
    ) -> Fold {
        Fold {
            period: *period,
            sat_min,
            cutoff,
            want_all: dims.contains(&Dim::All),
            others: dims
                .iter()
                .filter_map(|d| d.attr().map(|a| (*d, a)))
                .collect(),
            all: Acc::default(),
            accs: Vec::new(),
            names: HashMap::new(),
        }
    }

    /// The period of the lines.
    pub fn period(&self) -> Period {
        self.period
    }

    /// Adds `rows`, whose tickets are `ds`'s.
    pub fn add(&mut self, ds: &Dataset, rows: &[SlaRow]) {
        self.add_if(ds, rows, |_| true);
    }

    /// Adds the rows of `rows` that `keep` takes, in their order: the
    /// lines of [`compute`] over those rows alone.
    pub fn add_if(
        &mut self,
        ds: &Dataset,
        rows: &[SlaRow],
        keep: impl Fn(&SlaRow) -> bool,
    ) {
        let (period, sat_min) = (&self.period, self.sat_min);
        let sends = sends_in(ds, period, self.cutoff);
        let sends_of = |i: usize| sends.as_ref().map(|s| s[i]);
        // The group of a (dimension, string id) of `ds`, found by name
        // once.
        let mut at: HashMap<(Dim, u32), usize> = HashMap::new();
        for r in rows.iter().filter(|r| keep(r)) {
            let t = &ds.tickets[r.ticket as usize];
            let sends = sends_of(r.ticket as usize);
            if self.want_all {
                self.all.add(r, t.opened_at, period, sat_min, sends);
            }
            for &(d, a) in &self.others {
                let k = *at.entry((d, t.attr(a))).or_insert_with(|| {
                    let name = ds.strings.get(t.attr(a)).to_string();
                    let next = self.accs.len();
                    let k = *self.names.entry((d, name)).or_insert(next);
                    if k == next {
                        self.accs.push(Acc::default());
                    }
                    k
                });
                self.accs[k].add(r, t.opened_at, period, sat_min, sends);
            }
        }
    }

    /// The lines: [`Dim::All`] first when asked, then each dimension's
    /// groups by name, those with a ticket counted somewhere.
    pub fn finish(self) -> Vec<Line> {
        let mut out = Vec::new();
        if self.want_all {
            let (values, parts) = self.all.finish();
            out.push(Line {
                dim: Dim::All,
                group: "all".into(),
                values,
                parts,
            });
        }
        let mut accs: Vec<Option<Acc>> =
            self.accs.into_iter().map(Some).collect();
        let mut groups: Vec<((Dim, String), usize)> =
            self.names.into_iter().collect();
        groups.sort();
        for ((dim, group), k) in groups {
            let acc = accs[k].take().expect("each group once");
            let (values, parts) = acc.finish();
            let active = values
                .iter()
                .enumerate()
                .any(|(i, v)| is_count(IDS[i]) && v.is_some_and(|v| v > 0.0));
            if active {
                out.push(Line {
                    dim,
                    group,
                    values,
                    parts,
                });
            }
        }
        out
    }
}

/// Per ticket, the surveys sent in `period` (by the cutoff) and how
/// many of them were answered by the cutoff; `None` when the surveys
/// table has no `sent_at` column.
fn sends_in(
    ds: &Dataset,
    period: &Period,
    cutoff: i64,
) -> Option<Vec<(u64, u64)>> {
    if !ds.surveys_sent_column {
        return None;
    }
    let mut out = vec![(0, 0); ds.tickets.len()];
    for s in &ds.survey_sends {
        if period.contains(s.sent_at) && s.sent_at <= cutoff {
            let e = &mut out[s.ticket as usize];
            e.0 += 1;
            e.1 += u64::from(s.answered_at.is_some_and(|a| a <= cutoff));
        }
    }
    Some(out)
}

/// Fills `pauses` and `pauses_without_note` of `lines` (computed for
/// `period`) from the paused intervals of every ticket
/// ([`crate::engine::all_pauses`]): the pauses that overlap the period,
/// counted in each line whose group is the ticket's. `pauses_without_note`
/// only when the policy requires a note (`requires_note`, `[checks]
/// paused_requires_note`); it stays empty otherwise.
pub fn fill_pauses(
    lines: &mut [Line],
    ds: &Dataset,
    pauses: &[Pause],
    period: &Period,
    requires_note: bool,
) {
    let (Some(ip), Some(iu)) = (index("pauses"), index("pauses_without_note"))
    else {
        return;
    };
    let inp: Vec<&Pause> = pauses
        .iter()
        .filter(|p| p.overlaps(period.start, period.end))
        .collect();
    for l in lines.iter_mut() {
        let (mut n, mut bare) = (0u64, 0u64);
        for p in &inp {
            let t = &ds.tickets[p.ticket as usize];
            let ours = l
                .dim
                .attr()
                .is_none_or(|a| ds.strings.get(t.attr(a)) == l.group);
            if ours {
                n += 1;
                bare += u64::from(p.unnoted);
            }
        }
        l.values[ip] = Some(n as f64);
        l.parts[ip] = Parts::count(n);
        if requires_note {
            l.values[iu] = Some(bare as f64);
            l.parts[iu] = Parts::count(bare);
        }
    }
}

/// Renders lines as `indicators.csv` rows (no header): full precision,
/// empty cells when undefined; `target` and `status` from the policy's
/// goals (docs/INDICATORS.md). The one free-text column, `group`, is
/// written through `text` ([`crate::io::formula`]).
pub fn csv_rows(
    out: &mut String,
    period: &str,
    lines: &[Line],
    policy: &Policy,
    text: crate::io::formula::FreeText,
) {
    use std::fmt::Write as _;
    for l in lines {
        for (i, id) in IDS.iter().enumerate() {
            let goal = policy.goal(id);
            let _ = write!(out, "{period},{},", l.dim.key());
            text.push(out, &l.group);
            let _ = write!(out, ",{id},");
            if let Some(v) = l.values[i] {
                let _ = write!(out, "{v}");
            }
            out.push(',');
            if let Some(n) = l.parts[i].num {
                let _ = write!(out, "{n}");
            }
            out.push(',');
            if let Some(d) = l.parts[i].den {
                let _ = write!(out, "{d}");
            }
            out.push(',');
            if let Some(g) = goal {
                let _ = write!(out, "{}", g.value);
            }
            out.push(',');
            if let (Some(g), Some(v)) = (goal, l.values[i]) {
                out.push_str(g.status(v).key());
            }
            out.push('\n');
        }
    }
}

/// Renders the means of `[survey] questions` as `indicators.csv` rows
/// (no header): dimension `question`, group the question's label,
/// indicator `question_score_mean`, numerator the sum of the scores and
/// denominator the tickets answering it; the goal columns empty. The
/// label is written through `text` ([`crate::io::formula`]).
pub fn question_csv_rows(
    out: &mut String,
    period: &str,
    questions: &[survey::Question],
    text: crate::io::formula::FreeText,
) {
    use std::fmt::Write as _;
    for q in questions {
        let _ = write!(out, "{period},question,");
        text.push(out, &q.label);
        out.push_str(",question_score_mean,");
        if let Some(v) = q.mean() {
            let _ = write!(out, "{v}");
        }
        let _ = writeln!(out, ",{},{},,", q.sum, q.answers);
    }
}

/// The header of `indicators.csv`: the first five columns as before
/// (readers of the old file keep working), then the counts and the goal.
pub const CSV_HEADER: &str = "period,dimension,group,indicator,value,numerator,denominator,target,status\n";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_hour_indicators_are_the_business_hour_figures() {
        let hours: Vec<&str> =
            IDS.iter().copied().filter(|id| is_hours(id)).collect();
        assert_eq!(
            hours,
            [
                "response_business_hours_mean",
                "resolution_business_hours_mean",
                "resolution_business_hours_median",
                "resolution_business_hours_p90",
                "paused_business_hours_mean",
                "precase_to_case_business_hours_mean",
                "escalation_take_business_hours_mean",
                "escalation_take_business_hours_p90",
            ]
        );
        assert!(IDS.iter().all(|id| !(is_hours(id) && is_pct(id))));
    }

    #[test]
    fn nearest_rank_percentiles() {
        let v = [1.0, 2.0, 3.0, 4.0];
        assert_eq!(nearest_rank(&v, 50.0), Some(2.0));
        assert_eq!(nearest_rank(&v, 90.0), Some(4.0));
        assert_eq!(nearest_rank(&[7.0], 90.0), Some(7.0));
        assert_eq!(nearest_rank(&[], 50.0), None);
        let ten: Vec<f64> = (1..=10).map(f64::from).collect();
        assert_eq!(nearest_rank(&ten, 90.0), Some(9.0));
    }
}
