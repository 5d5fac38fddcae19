//! The policy file: one TOML file per entity (docs/CONTRACT.md §2).
//!
//! A policy fixes the calendar, how the source tool's status labels map to
//! canonical states, the ordered target rules, exclusions, the auto-close
//! expectation, the survey scale and the indicator goals. Every error
//! names the key and the fix; unknown keys are errors, so a typo such as
//! `[calender]` or `resolucion = "4h"` is caught instead of ignored.
//!
//! # Example
//!
//! ```
//! use plazo::Policy;
//! use plazo::policy::State;
//! let p = Policy::from_toml(r#"
//!     name = "Mesa"
//!     timezone = "America/Bogota"
//!     [calendar]
//!     always = true
//!     [states]
//!     new = ["Nuevo", "1"]
//!     open = ["En curso (asignada)", "2"]
//!     paused = ["En espera"]
//!     solved = ["Resueltas"]
//!     closed = ["Cerrado"]
//!     [[targets]]
//!     priority = "Crítica"
//!     response = "1h"
//!     resolution = "4h"
//!     [[targets]]
//!     response = "18h"
//!     resolution = "3bd"
//! "#, "p.toml".as_ref())?;
//! assert_eq!(p.state_of(" EN ESPERA "), Some(State::Paused));
//! assert_eq!(p.state_of("Borrado"), None);
//! assert_eq!(p.targets().len(), 2);
//! # Ok::<(), plazo::Error>(())
//! ```

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};

use chrono_tz::Tz;
use serde::Deserialize;

use crate::calendar::{Calendar, CalendarConfig, CalendarSpec};
use crate::error::{Error, Result};
use crate::text::fold;
use crate::time::BizDuration;

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
}

impl State {
    /// Every state, in policy-key order.
    pub const ALL: [State; 6] = [
        State::New,
        State::Open,
        State::Paused,
        State::Solved,
        State::Closed,
        State::Cancelled,
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
        }
    }

    /// A Spanish or English label for people.
    pub fn label(self, lang: crate::text::lang::Lang) -> &'static str {
        let (es, en) = match self {
            State::New => ("nuevo", "new"),
            State::Open => ("en curso", "open"),
            State::Paused => ("en pausa", "paused"),
            State::Solved => ("resuelto", "solved"),
            State::Closed => ("cerrado", "closed"),
            State::Cancelled => ("anulado", "cancelled"),
        };
        lang.pick(es, en)
    }

    /// Solved or closed.
    pub fn is_done(self) -> bool {
        matches!(self, State::Solved | State::Closed)
    }

    /// New, open or paused: the ticket is still being handled.
    pub fn is_active(self) -> bool {
        matches!(self, State::New | State::Open | State::Paused)
    }

    fn from_key(key: &str) -> Option<State> {
        State::ALL.into_iter().find(|s| s.key() == key)
    }
}

/// A ticket attribute that target rules and exclusions match on.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Field {
    /// `type` (Incidente, Requerimiento...).
    Type,
    /// `priority`.
    Priority,
    /// `category`.
    Category,
    /// `service`.
    Service,
    /// `group`.
    Group,
}

impl Field {
    /// Every field, in canonical column order.
    pub const ALL: [Field; 5] = [
        Field::Type,
        Field::Priority,
        Field::Category,
        Field::Service,
        Field::Group,
    ];

    /// The column / key name.
    pub fn key(self) -> &'static str {
        match self {
            Field::Type => "type",
            Field::Priority => "priority",
            Field::Category => "category",
            Field::Service => "service",
            Field::Group => "group",
        }
    }
}

/// One `[[targets]]` rule: match keys, then the targets.
#[derive(Clone, Debug)]
pub struct TargetRule {
    /// 0-based position in the file (`targets[i]` in messages).
    pub index: usize,
    /// (field, accepted values folded with [`fold`]); all must match.
    pub matchers: Vec<(Field, Vec<String>)>,
    /// `category_prefix` / `service_prefix`: (field, accepted branches,
    /// folded); the value must be a branch or lie under one in a tree
    /// written with `>` (see [`under_branch`]); all must match.
    pub prefixes: Vec<(Field, Vec<String>)>,
    /// `where = { column = value(s) }`: any other column of the tickets
    /// table (e.g. GLPI's `slas_id_ttr`), folded; all must match.
    pub columns: Vec<(String, Vec<String>)>,
    /// The response target, if measured.
    pub response: Option<BizDuration>,
    /// The resolution target, if measured.
    pub resolution: Option<BizDuration>,
    /// A label for reports (`name = "..."` or the match keys).
    pub label: String,
}

impl TargetRule {
    /// True when every match key accepts the ticket's value (`get` returns
    /// the ticket's folded value of a field).
    pub fn matches<'a>(&self, get: impl Fn(Field) -> &'a str) -> bool {
        self.matches_with(get, |_| "")
    }

    /// [`TargetRule::matches`], with `col` giving the ticket's folded value
    /// of any other column named in `where`.
    pub fn matches_with<'a, 'b>(
        &self,
        get: impl Fn(Field) -> &'a str,
        col: impl Fn(&str) -> &'b str,
    ) -> bool {
        self.matchers
            .iter()
            .all(|(f, vals)| vals.iter().any(|v| v == get(*f)))
            && self
                .prefixes
                .iter()
                .all(|(f, vals)| vals.iter().any(|v| under_branch(get(*f), v)))
            && self
                .columns
                .iter()
                .all(|(c, vals)| vals.iter().any(|v| v == col(c)))
    }

    /// The match keys in words, as the policy writes them (folded values):
    /// `priority = alta | critica; category_prefix = hardware; where.x =
    /// 3`; empty for a catch-all rule.
    pub fn describe(&self) -> String {
        let keys = self
            .matchers
            .iter()
            .map(|(f, v)| format!("{} = {}", f.key(), v.join(" | ")));
        let pre = self
            .prefixes
            .iter()
            .map(|(f, v)| format!("{}_prefix = {}", f.key(), v.join(" | ")));
        let cols = self
            .columns
            .iter()
            .map(|(c, v)| format!("where.{c} = {}", v.join(" | ")));
        keys.chain(pre).chain(cols).collect::<Vec<_>>().join("; ")
    }

    /// True when the rule has no match key (it matches every ticket).
    pub fn is_catch_all(&self) -> bool {
        self.matchers.is_empty()
            && self.prefixes.is_empty()
            && self.columns.is_empty()
    }
}

/// True when `value` is the tree node `branch` or lies under it, in a
/// category tree written with `>` between levels (GLPI's complete names:
/// `Hardware > Alistamiento > Portátiles`). Both are folded text; spaces
/// around `>` do not matter. A longer sibling name is not under it.
///
/// ```
/// use plazo::policy::under_branch;
/// assert!(under_branch("hardware > alistamiento", "hardware"));
/// assert!(under_branch("hardware>alistamiento>portatiles", "hardware > alistamiento"));
/// assert!(under_branch("hardware", "hardware"));
/// assert!(!under_branch("hardware y redes", "hardware"));
/// assert!(!under_branch("software > hardware", "hardware"));
/// ```
pub fn under_branch(value: &str, branch: &str) -> bool {
    let norm = |s: &str| -> String {
        s.split('>').map(str::trim).collect::<Vec<_>>().join(">")
    };
    let (v, b) = (norm(value), norm(branch));
    v == b || v.strip_prefix(&b).is_some_and(|rest| rest.starts_with('>'))
}

/// `[exclude]`: tickets left out of compliance, with a reason.
#[derive(Clone, Debug, Default)]
pub struct Exclusions {
    /// `affected_users` above this -> `massive`.
    pub massive_affected_users: Option<i64>,
    /// Folded types -> `excluded_type`.
    pub types: Vec<String>,
    /// Folded categories -> `excluded_category`.
    pub categories: Vec<String>,
    /// `[[exclude.rules]]`: named exclusions, in file order. They come
    /// before every built-in reason (a named rule is the more specific).
    pub rules: Vec<ExclusionRule>,
}

/// One `[[exclude.rules]]` entry: a named reason and the conditions
/// that pick its tickets (all that are given must hold; at least one).
///
/// ```
/// use plazo::Policy;
/// let p = Policy::from_toml(r#"
///     name = "x"
///     [calendar]
///     always = true
///     [[exclude.rules]]
///     reason = "desistida"
///     description = "Archivada por desistimiento (PR-RF-09, actividad 1)"
///     column = "tipo_solucion"
///     values = ["Desistida"]
///     [[exclude.rules]]
///     reason = "caida_isp"
///     opened_between = ["2026-01-02 08:00", "2026-01-02 14:00"]
///     column = "category"
///     values = "Conectividad"
///     [[exclude.rules]]
///     reason = "no_gestionado"
///     final_status = "No gestionado"
/// "#, "p.toml".as_ref())?;
/// let r = &p.exclusions().rules;
/// assert_eq!(r[0].reason, "desistida");
/// assert_eq!(r[0].column, Some(("tipo_solucion".into(), vec!["desistida".into()])));
/// let (from, to) = r[1].opened_between.unwrap();
/// assert_eq!(to - from, 6 * 3600);
/// assert_eq!(r[2].final_status, Some(vec!["no gestionado".to_string()]));
/// assert_eq!(r[2].description, "no_gestionado"); // defaults to the reason
/// # Ok::<(), plazo::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq)]
pub struct ExclusionRule {
    /// The id written to `excluded_reason` (`[a-z0-9_]`, not a built-in
    /// reason).
    pub reason: String,
    /// Words for people (summaries, the "Excluidos" sheet); the reason
    /// when not given.
    pub description: String,
    /// `column` + `values`: a tickets column (canonical or extra) whose
    /// folded value is one of the folded values.
    pub column: Option<(String, Vec<String>)>,
    /// `final_status`: the source label of the ticket's last event at the
    /// cutoff (before mapping to a state), folded, is one of these.
    pub final_status: Option<Vec<String>>,
    /// `opened_between = [from, to]`: opened at or after `from` and
    /// before `to` (Unix seconds; an outage window).
    pub opened_between: Option<(i64, i64)>,
}

impl ExclusionRule {
    /// The conditions in words: `category = conectividad; opened in
    /// [2026-01-02T08:00:00-05:00, 2026-01-02T14:00:00-05:00)`.
    pub fn describe(&self, tz: Tz, lang: crate::text::lang::Lang) -> String {
        let mut parts = Vec::new();
        if let Some((c, v)) = &self.column {
            parts.push(format!("{c} = {}", v.join(" | ")));
        }
        if let Some(v) = &self.final_status {
            parts.push(format!(
                "{} = {}",
                lang.pick("último estado", "last status"),
                v.join(" | ")
            ));
        }
        if let Some((a, b)) = self.opened_between {
            let at =
                |t: i64| crate::time::Instant::from_unix(t).to_rfc3339(tz);
            parts.push(format!(
                "{} [{}, {})",
                lang.pick("abierto en", "opened in"),
                at(a),
                at(b)
            ));
        }
        parts.join("; ")
    }
}

/// At most this many `[[exclude.rules]]` (each ticket keeps one bit per
/// rule).
pub const MAX_EXCLUSION_RULES: usize = 32;

/// The reasons plazo writes itself; a named rule cannot reuse them.
pub const BUILTIN_REASONS: [&str; 6] = [
    "cancelled",
    "massive",
    "excluded_type",
    "excluded_category",
    "no_target",
    "opened_after_cutoff",
];

/// `[survey]`: the satisfaction scale.
#[derive(Clone, Copy, Debug)]
pub struct SurveyRules {
    /// A score >= this counts as satisfied.
    pub satisfied_min: f64,
    /// The top of the scale (for display and checks), default 5.
    pub scale_max: f64,
}

/// A loaded entity policy.
#[derive(Clone, Debug)]
pub struct Policy {
    name: String,
    tz: Tz,
    calendar: Calendar,
    path: PathBuf,
    calendar_config: CalendarConfig,
    states: HashMap<String, State>,
    state_labels: BTreeMap<State, Vec<String>>,
    targets: Vec<TargetRule>,
    exclude: Exclusions,
    auto_close_after: Option<BizDuration>,
    auto_close_notes: Vec<String>,
    survey: SurveyRules,
    indicators: BTreeMap<String, f64>,
    from_ticket: Option<TicketTargets>,
    report_period: Option<ReportPeriod>,
    survey_scope: Option<TargetRule>,
    paused_requires_note: bool,
    match_from_events: Vec<Field>,
    clock_start: Option<String>,
}

/// `[report] period`: the entity's usual report period, used by `plazo
/// report` when no period is given (the last complete one before the
/// cutoff), so that one cron line serves every entity.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ReportPeriod {
    /// Calendar months (Víctimas' monthly survey report).
    Month,
    /// Calendar quarters (Itagüí's quarterly FO-DE-15).
    Quarter,
}

#[derive(Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawClock {
    start: Option<String>,
}

#[derive(Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawMatching {
    #[serde(default)]
    from_events: Vec<String>,
}

#[derive(Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawChecks {
    #[serde(default)]
    paused_requires_note: bool,
}

#[derive(Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawReport {
    period: Option<ReportPeriod>,
}

/// `[targets_from_ticket]`: tickets columns that carry each ticket's own
/// targets (the tool's ANS per case: Aranda's service SLA, an "ANS"
/// field the desk fills in). A non-empty cell wins over the
/// `[[targets]]` rule for that measure; an empty one leaves the rule's.
///
/// ```
/// use plazo::Policy;
/// use plazo::policy::NumberUnit;
/// use plazo::time::BizDuration;
/// let p = Policy::from_toml(r#"
///     name = "x"
///     [calendar]
///     always = true
///     [targets_from_ticket]
///     resolution = "ans_solucion"
///     numbers = "minutes"
/// "#, "p.toml".as_ref())?;
/// let t = p.targets_from_ticket().unwrap();
/// assert_eq!(t.resolution.as_deref(), Some("ans_solucion"));
/// assert_eq!(t.parse("90")?, BizDuration::Seconds(5400));
/// assert_eq!(t.parse("2bd")?, BizDuration::Days(2));
/// assert_eq!(t.numbers, Some(NumberUnit::Minutes));
/// # Ok::<(), plazo::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq)]
pub struct TicketTargets {
    /// The column holding the response target, if any.
    pub response: Option<String>,
    /// The column holding the resolution target, if any.
    pub resolution: Option<String>,
    /// How a bare number reads; `None`: a bare number is an error (write
    /// `90m`, `4h` or `2bd`, or set `numbers`).
    pub numbers: Option<NumberUnit>,
}

/// The unit of a bare number in a target column.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum NumberUnit {
    /// Business seconds.
    Seconds,
    /// Business minutes (Aranda's and GLPI's usual unit).
    Minutes,
    /// Business hours.
    Hours,
}

impl TicketTargets {
    /// Reads one cell: a duration (`90m`, `4h`, `1h30m`, `2bd`) or, with
    /// `numbers` set, a whole number in that unit.
    ///
    /// # Errors
    ///
    /// An input error quoting the cell and saying what to write.
    pub fn parse(&self, cell: &str) -> Result<BizDuration> {
        let c = cell.trim();
        // A bare number; `90.0` too (a Parquet float column).
        let whole = c.strip_suffix(".0").unwrap_or(c);
        if !whole.is_empty() && whole.chars().all(|ch| ch.is_ascii_digit()) {
            let range = || {
                Error::input(
                    format!("número fuera de rango: {c:?}"),
                    format!("number out of range: {c:?}"),
                )
            };
            let n: i64 = whole.parse().map_err(|_| range())?;
            let mult = match self.numbers {
                Some(NumberUnit::Seconds) => 1,
                Some(NumberUnit::Minutes) => 60,
                Some(NumberUnit::Hours) => 3600,
                None => {
                    return Err(Error::input(
                        format!(
                            "número sin unidad {c:?}: escriba 90m, 4h o 2bd, \
                             o indique targets_from_ticket.numbers = \
                             \"minutes\" (o \"hours\", \"seconds\") en la \
                             política"
                        ),
                        format!(
                            "number without a unit {c:?}: write 90m, 4h or \
                             2bd, or set targets_from_ticket.numbers = \
                             \"minutes\" (or \"hours\", \"seconds\") in \
                             the policy"
                        ),
                    ));
                }
            };
            return n
                .checked_mul(mult)
                .map(BizDuration::Seconds)
                .ok_or_else(range);
        }
        c.parse::<BizDuration>()
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawTicketTargets {
    response: Option<String>,
    resolution: Option<String>,
    numbers: Option<NumberUnit>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawPolicy {
    name: String,
    #[serde(default = "default_tz")]
    timezone: String,
    calendar: CalendarConfig,
    #[serde(default)]
    states: BTreeMap<String, Vec<String>>,
    #[serde(default)]
    targets: Vec<RawTarget>,
    #[serde(default)]
    exclude: RawExclude,
    #[serde(default)]
    close: RawClose,
    #[serde(default)]
    survey: RawSurvey,
    #[serde(default)]
    indicators: BTreeMap<String, f64>,
    targets_from_ticket: Option<RawTicketTargets>,
    #[serde(default)]
    report: RawReport,
    #[serde(default)]
    checks: RawChecks,
    #[serde(default)]
    matching: RawMatching,
    #[serde(default)]
    clock: RawClock,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawTarget {
    name: Option<String>,
    #[serde(rename = "type")]
    type_: Option<OneOrMany>,
    priority: Option<OneOrMany>,
    category: Option<OneOrMany>,
    service: Option<OneOrMany>,
    group: Option<OneOrMany>,
    category_prefix: Option<OneOrMany>,
    service_prefix: Option<OneOrMany>,
    #[serde(default, rename = "where")]
    where_: BTreeMap<String, OneOrMany>,
    response: Option<String>,
    resolution: Option<String>,
}

/// A match key: one value or a list of accepted values.
#[derive(Deserialize)]
#[serde(untagged)]
enum OneOrMany {
    One(String),
    Many(Vec<String>),
}

#[derive(Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawExclude {
    massive_affected_users: Option<i64>,
    #[serde(default)]
    types: Vec<String>,
    #[serde(default)]
    categories: Vec<String>,
    #[serde(default)]
    rules: Vec<RawExcludeRule>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawExcludeRule {
    reason: String,
    description: Option<String>,
    column: Option<String>,
    values: Option<OneOrMany>,
    final_status: Option<OneOrMany>,
    opened_between: Option<Vec<String>>,
}

fn many(v: OneOrMany) -> Vec<String> {
    match v {
        OneOrMany::One(s) => vec![fold(&s)],
        OneOrMany::Many(v) => v.iter().map(|s| fold(s)).collect(),
    }
}

/// Exact keys and tree-branch (`*_prefix`) keys of a rule, folded; `key`
/// names the rule in errors.
type MatchKeys = (Vec<(Field, Vec<String>)>, Vec<(Field, Vec<String>)>);

fn match_keys(
    key: &str,
    keys: [(Field, Option<OneOrMany>, bool); 7],
) -> Result<MatchKeys> {
    let mut matchers = Vec::new();
    let mut prefixes = Vec::new();
    for (field, v, prefix) in keys {
        let Some(v) = v else { continue };
        let vals = many(v);
        let name = if prefix {
            format!("{}_prefix", field.key())
        } else {
            field.key().to_string()
        };
        if vals.is_empty() || vals.iter().any(String::is_empty) {
            return Err(Error::input(
                format!(
                    "{key}.{name}: valor vacío; escriba el valor tal como lo \
                     exporta la herramienta o quite la clave"
                ),
                format!(
                    "{key}.{name}: empty value; write the value as the tool \
                     exports it or remove the key"
                ),
            ));
        }
        if prefix {
            prefixes.push((field, vals));
        } else {
            matchers.push((field, vals));
        }
    }
    Ok((matchers, prefixes))
}

/// Checks and converts the `[[exclude.rules]]` entries.
fn exclusion_rules(
    raw: Vec<RawExcludeRule>,
    tz: Tz,
) -> Result<Vec<ExclusionRule>> {
    if raw.len() > MAX_EXCLUSION_RULES {
        return Err(Error::input(
            format!(
                "exclude.rules: {} reglas; el máximo es {MAX_EXCLUSION_RULES}",
                raw.len()
            ),
            format!(
                "exclude.rules: {} rules; the most is {MAX_EXCLUSION_RULES}",
                raw.len()
            ),
        ));
    }
    let mut out: Vec<ExclusionRule> = Vec::with_capacity(raw.len());
    for (i, r) in raw.into_iter().enumerate() {
        let key = format!("exclude.rules[{i}]");
        let reason = r.reason.trim().to_string();
        let ok = !reason.is_empty()
            && reason.chars().all(|c| {
                c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_'
            });
        if !ok {
            return Err(Error::input(
                format!(
                    "{key}.reason: {reason:?} no sirve como identificador; use \
                     minúsculas, cifras y _ (p. ej. \"desistida\") y ponga el \
                     texto para personas en description"
                ),
                format!(
                    "{key}.reason: {reason:?} is not an id; use lowercase \
                     letters, digits and _ (e.g. \"desistida\") and put the \
                     text for people in description"
                ),
            ));
        }
        if BUILTIN_REASONS.contains(&reason.as_str())
            || out.iter().any(|o| o.reason == reason)
        {
            return Err(Error::input(
                format!(
                    "{key}.reason: {reason:?} ya está en uso (por plazo o por \
                     otra regla); elija otro nombre"
                ),
                format!(
                    "{key}.reason: {reason:?} is already used (by plazo or \
                     another rule); choose another name"
                ),
            ));
        }
        let empty_err = || {
            Error::input(
                format!(
                    "{key}: columna o valor vacío; escriba al menos un valor"
                ),
                format!(
                    "{key}: empty column or value; write at least one value"
                ),
            )
        };
        let column = match (r.column, r.values) {
            (Some(c), Some(v)) => {
                let (c, v) = (c.trim().to_string(), many(v));
                if c.is_empty()
                    || v.is_empty()
                    || v.iter().any(String::is_empty)
                {
                    return Err(empty_err());
                }
                Some((c, v))
            }
            (None, None) => None,
            _ => {
                return Err(Error::input(
                    format!(
                        "{key}: column y values van juntos (column = \
                         \"tipo_solucion\", values = [\"Desistida\"])"
                    ),
                    format!(
                        "{key}: column and values go together (column = \
                         \"tipo_solucion\", values = [\"Desistida\"])"
                    ),
                ));
            }
        };
        let final_status = match r.final_status.map(many) {
            Some(v) if v.is_empty() || v.iter().any(String::is_empty) => {
                return Err(empty_err());
            }
            v => v,
        };
        let opened_between = match r.opened_between {
            None => None,
            Some(v) => {
                let bad = || {
                    Error::input(
                        format!(
                            "{key}.opened_between: escriba dos instantes \
                             [desde, hasta), el segundo posterior, p. ej. \
                             [\"2026-01-02 08:00\", \"2026-01-02 14:00\"]"
                        ),
                        format!(
                            "{key}.opened_between: write two instants [from, \
                             to), the second later, e.g. [\"2026-01-02 \
                             08:00\", \"2026-01-02 14:00\"]"
                        ),
                    )
                };
                let [a, b] = v.as_slice() else {
                    return Err(bad());
                };
                let at = |t: &str| {
                    crate::time::Instant::parse(t, tz)
                        .map(|i| i.unix())
                        .map_err(|e| e.at(&format!("{key}.opened_between")))
                };
                let (a, b) = (at(a)?, at(b)?);
                if b <= a {
                    return Err(bad());
                }
                Some((a, b))
            }
        };
        if column.is_none()
            && final_status.is_none()
            && opened_between.is_none()
        {
            return Err(Error::input(
                format!(
                    "{key}: sin condición; indique column = \"...\" con \
                     values = [...], final_status = [...] y/o opened_between \
                     = [desde, hasta]"
                ),
                format!(
                    "{key}: no condition; give column = \"...\" with values \
                     = [...], final_status = [...] and/or opened_between = \
                     [from, to]"
                ),
            ));
        }
        out.push(ExclusionRule {
            description: r
                .description
                .map(|d| d.trim().to_string())
                .filter(|d| !d.is_empty())
                .unwrap_or_else(|| reason.clone()),
            reason,
            column,
            final_status,
            opened_between,
        });
    }
    Ok(out)
}

#[derive(Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawClose {
    auto_close_after: Option<String>,
    #[serde(default)]
    auto_close_notes: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawSurvey {
    #[serde(default = "default_satisfied")]
    satisfied_min: f64,
    #[serde(default = "default_scale")]
    scale_max: f64,
    applies_to: Option<RawKeys>,
}

/// Match keys alone (`[survey] applies_to`).
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawKeys {
    #[serde(rename = "type")]
    type_: Option<OneOrMany>,
    priority: Option<OneOrMany>,
    category: Option<OneOrMany>,
    service: Option<OneOrMany>,
    group: Option<OneOrMany>,
    category_prefix: Option<OneOrMany>,
    service_prefix: Option<OneOrMany>,
}

impl Default for RawSurvey {
    fn default() -> RawSurvey {
        RawSurvey {
            satisfied_min: 4.0,
            scale_max: 5.0,
            applies_to: None,
        }
    }
}

fn default_tz() -> String {
    "America/Bogota".to_string()
}
fn default_satisfied() -> f64 {
    4.0
}
fn default_scale() -> f64 {
    5.0
}

/// Parses an IANA time zone name, with an error that says how to fix it.
///
/// # Errors
///
/// An input error quoting the name.
///
/// # Example
///
/// ```
/// assert!(plazo::policy::parse_tz("America/Bogota").is_ok());
/// assert!(plazo::policy::parse_tz("America/Bogot").is_err());
/// ```
pub fn parse_tz(name: &str) -> Result<Tz> {
    name.trim().parse::<Tz>().map_err(|_| {
        Error::input(
            format!(
                "zona horaria desconocida {name:?}: use un nombre IANA como \
                 \"America/Bogota\""
            ),
            format!(
                "unknown time zone {name:?}: use an IANA name such as \
                 \"America/Bogota\""
            ),
        )
    })
}

fn duration(key: &str, text: &str) -> Result<BizDuration> {
    text.parse::<BizDuration>().map_err(|e| e.at(key))
}

impl Policy {
    /// Reads and checks a policy file.
    ///
    /// # Errors
    ///
    /// The file cannot be read, or any error of [`Policy::from_toml`],
    /// prefixed with the file's path.
    pub fn load(path: &Path) -> Result<Policy> {
        let text =
            std::fs::read_to_string(path).map_err(|e| Error::io(path, &e))?;
        Policy::from_toml(&text, path)
    }

    /// Parses a policy from TOML text; `path` names it in errors and
    /// anchors relative holiday file paths.
    ///
    /// # Errors
    ///
    /// Input errors prefixed with the path and naming the key: TOML syntax
    /// or unknown keys (with line and column), an unknown time zone, every
    /// calendar error of [`CalendarSpec::from_config`], an unknown state
    /// key, a label mapped to two states, an unreadable duration (`5hh`),
    /// a target rule with no target, an empty match value, and a rule that
    /// can never match because an earlier rule matches every ticket.
    pub fn from_toml(text: &str, path: &Path) -> Result<Policy> {
        let place = path.display().to_string();
        Policy::parse(text, path).map_err(|e| e.at(&place))
    }

    fn parse(text: &str, path: &Path) -> Result<Policy> {
        let raw: RawPolicy = toml::from_str(text).map_err(|e| {
            let m = e.to_string();
            Error::input(m.trim_end().to_string(), m.trim_end().to_string())
        })?;
        let tz = parse_tz(&raw.timezone).map_err(|e| e.at("timezone"))?;
        let base = path.parent().unwrap_or(Path::new("."));
        let spec = CalendarSpec::from_config(tz, &raw.calendar, base)?;

        let mut states = HashMap::new();
        let mut state_labels: BTreeMap<State, Vec<String>> = BTreeMap::new();
        for (key, labels) in &raw.states {
            let state = State::from_key(key).ok_or_else(|| {
                Error::input(
                    format!(
                        "states.{key}: estado canónico desconocido; use new, \
                         open, paused, solved, closed o cancelled"
                    ),
                    format!(
                        "states.{key}: unknown canonical state; use new, \
                         open, paused, solved, closed or cancelled"
                    ),
                )
            })?;
            for label in labels {
                let f = fold(label);
                if let Some(prev) = states.insert(f, state)
                    && prev != state
                {
                    return Err(Error::input(
                        format!(
                            "states: la etiqueta {label:?} está en \
                             states.{} y en states.{key}; déjela en uno solo",
                            prev.key()
                        ),
                        format!(
                            "states: label {label:?} is in states.{} and in \
                             states.{key}; keep it in one only",
                            prev.key()
                        ),
                    ));
                }
                state_labels.entry(state).or_default().push(label.clone());
            }
        }

        let mut targets = Vec::with_capacity(raw.targets.len());
        let mut catch_all: Option<usize> = None;
        for (i, t) in raw.targets.into_iter().enumerate() {
            let key = format!("targets[{i}]");
            if let Some(c) = catch_all {
                return Err(Error::input(
                    format!(
                        "{key}: nunca se aplica porque targets[{c}] no tiene \
                         claves de coincidencia y se aplica a todo ticket; \
                         ponga la regla general al final"
                    ),
                    format!(
                        "{key}: can never match because targets[{c}] has no \
                         match keys and matches every ticket; put the \
                         catch-all rule last"
                    ),
                ));
            }
            let (matchers, prefixes) = match_keys(
                &key,
                [
                    (Field::Type, t.type_, false),
                    (Field::Priority, t.priority, false),
                    (Field::Category, t.category, false),
                    (Field::Service, t.service, false),
                    (Field::Group, t.group, false),
                    (Field::Category, t.category_prefix, true),
                    (Field::Service, t.service_prefix, true),
                ],
            )?;
            let mut columns = Vec::new();
            for (col, v) in t.where_ {
                let vals = many(v);
                if vals.is_empty() {
                    return Err(Error::input(
                        format!(
                            "{key}.where.{col}: lista vacía; escriba al menos un valor"
                        ),
                        format!(
                            "{key}.where.{col}: empty list; write at least one value"
                        ),
                    ));
                }
                columns.push((col, vals));
            }
            let response = t
                .response
                .as_deref()
                .map(|s| duration(&format!("{key}.response"), s))
                .transpose()?;
            let resolution = t
                .resolution
                .as_deref()
                .map(|s| duration(&format!("{key}.resolution"), s))
                .transpose()?;
            if response.is_none() && resolution.is_none() {
                return Err(Error::input(
                    format!(
                        "{key}: sin objetivo; agregue response = \"...\" y/o \
                         resolution = \"...\""
                    ),
                    format!(
                        "{key}: no target; add response = \"...\" and/or \
                         resolution = \"...\""
                    ),
                ));
            }
            let mut rule = TargetRule {
                index: i,
                matchers,
                prefixes,
                columns,
                response,
                resolution,
                label: String::new(),
            };
            if rule.is_catch_all() {
                catch_all = Some(i);
            }
            rule.label = t.name.unwrap_or_else(|| {
                if rule.is_catch_all() {
                    crate::text::lang::tr("todos", "all").to_string()
                } else {
                    rule.describe()
                }
            });
            targets.push(rule);
        }

        let auto_close_after = raw
            .close
            .auto_close_after
            .as_deref()
            .map(|s| duration("close.auto_close_after", s))
            .transpose()?;
        if raw.survey.satisfied_min > raw.survey.scale_max {
            return Err(Error::input(
                "survey.satisfied_min es mayor que survey.scale_max",
                "survey.satisfied_min is above survey.scale_max",
            ));
        }
        Ok(Policy {
            name: raw.name,
            tz,
            calendar: Calendar::new(spec),
            path: path.to_path_buf(),
            calendar_config: raw.calendar,
            states,
            state_labels,
            targets,
            exclude: Exclusions {
                massive_affected_users: raw.exclude.massive_affected_users,
                types: raw.exclude.types.iter().map(|s| fold(s)).collect(),
                categories: raw
                    .exclude
                    .categories
                    .iter()
                    .map(|s| fold(s))
                    .collect(),
                rules: exclusion_rules(raw.exclude.rules, tz)?,
            },
            auto_close_after,
            auto_close_notes: {
                let v: Vec<String> = raw
                    .close
                    .auto_close_notes
                    .iter()
                    .map(|s| fold(s))
                    .collect();
                if v.iter().any(String::is_empty) {
                    return Err(Error::input(
                        "close.auto_close_notes: texto vacío; escriba parte de \
                         la nota que deja el cierre automático",
                        "close.auto_close_notes: empty text; write part of the \
                         note the automatic close leaves",
                    ));
                }
                v
            },
            survey: SurveyRules {
                satisfied_min: raw.survey.satisfied_min,
                scale_max: raw.survey.scale_max,
            },
            indicators: raw.indicators,
            report_period: raw.report.period,
            paused_requires_note: raw.checks.paused_requires_note,
            clock_start: raw
                .clock
                .start
                .map(|c| c.trim().to_string())
                .filter(|c| !c.is_empty()),
            match_from_events: {
                let mut v = Vec::new();
                for f in &raw.matching.from_events {
                    let field = match f.trim() {
                        "priority" => Field::Priority,
                        "group" => Field::Group,
                        other => {
                            return Err(Error::input(
                                format!(
                                    "matching.from_events: {other:?} no está \
                                     en los eventos; use \"priority\" y/o \
                                     \"group\""
                                ),
                                format!(
                                    "matching.from_events: {other:?} is not \
                                     an events column; use \"priority\" \
                                     and/or \"group\""
                                ),
                            ));
                        }
                    };
                    if !v.contains(&field) {
                        v.push(field);
                    }
                }
                v
            },
            survey_scope: match raw.survey.applies_to {
                None => None,
                Some(k) => {
                    let (matchers, prefixes) = match_keys(
                        "survey.applies_to",
                        [
                            (Field::Type, k.type_, false),
                            (Field::Priority, k.priority, false),
                            (Field::Category, k.category, false),
                            (Field::Service, k.service, false),
                            (Field::Group, k.group, false),
                            (Field::Category, k.category_prefix, true),
                            (Field::Service, k.service_prefix, true),
                        ],
                    )?;
                    let mut r = TargetRule {
                        index: 0,
                        matchers,
                        prefixes,
                        columns: Vec::new(),
                        response: None,
                        resolution: None,
                        label: String::new(),
                    };
                    if r.is_catch_all() {
                        return Err(Error::input(
                            "survey.applies_to: sin claves; indique p. ej. \
                             category = [\"Ofimática\"] o quite la clave",
                            "survey.applies_to: no keys; give e.g. category = \
                             [\"Ofimática\"] or remove the key",
                        ));
                    }
                    r.label = r.describe();
                    Some(r)
                }
            },
            from_ticket: match raw.targets_from_ticket {
                None => None,
                Some(t) => {
                    let col = |c: Option<String>| {
                        c.map(|c| c.trim().to_string())
                            .filter(|c| !c.is_empty())
                    };
                    let (response, resolution) =
                        (col(t.response), col(t.resolution));
                    if response.is_none() && resolution.is_none() {
                        return Err(Error::input(
                            "targets_from_ticket: indique response = \
                             \"columna\" y/o resolution = \"columna\"",
                            "targets_from_ticket: give response = \"column\" \
                             and/or resolution = \"column\"",
                        ));
                    }
                    Some(TicketTargets {
                        response,
                        resolution,
                        numbers: t.numbers,
                    })
                }
            },
        })
    }

    /// The entity's name.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// The policy's time zone: naive timestamps are read in it.
    pub fn tz(&self) -> Tz {
        self.tz
    }

    /// The business-time calendar.
    pub fn calendar(&self) -> &Calendar {
        &self.calendar
    }

    /// The file the policy was read from.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The `[calendar]` table as written.
    pub fn calendar_config(&self) -> &CalendarConfig {
        &self.calendar_config
    }

    /// The canonical state of a source status label (trimmed, case- and
    /// accent-insensitive), or `None` when the policy does not map it.
    pub fn state_of(&self, label: &str) -> Option<State> {
        self.states.get(&fold(label)).copied()
    }

    /// The labels mapped to each state, as written.
    pub fn state_labels(&self) -> &BTreeMap<State, Vec<String>> {
        &self.state_labels
    }

    /// The ordered target rules.
    pub fn targets(&self) -> &[TargetRule] {
        &self.targets
    }

    /// The exclusion rules.
    pub fn exclusions(&self) -> &Exclusions {
        &self.exclude
    }

    /// `[close] auto_close_notes`: folded fragments of the note the
    /// tool's automatic close leaves on the closing event (ICETEX: "Por
    /// tiempo excedido de los 3 días"). When given, `auto_closed` is read
    /// from the closing event's note instead of being inferred from the
    /// timing and the survey.
    pub fn auto_close_notes(&self) -> &[String] {
        &self.auto_close_notes
    }

    /// `[close] auto_close_after`.
    pub fn auto_close_after(&self) -> Option<BizDuration> {
        self.auto_close_after
    }

    /// `[survey] applies_to`: which tickets are sent a survey, as match
    /// keys (the same as `[[targets]]`'; the rule has no targets). `None`:
    /// every ticket. It sets the denominator of
    /// `survey_response_rate_pct`.
    pub fn survey_scope(&self) -> Option<&TargetRule> {
        self.survey_scope.as_ref()
    }

    /// `[survey]`.
    pub fn survey(&self) -> SurveyRules {
        self.survey
    }

    /// `[checks] paused_requires_note`: a pause must carry a note with its
    /// reason (Víctimas §3 "Suspendido": "se deberá crear una nota con la
    /// razón de suspensión"); the pauses without one are listed.
    pub fn paused_requires_note(&self) -> bool {
        self.paused_requires_note
    }

    /// `[matching] from_events`: the fields (`priority`, `group`) whose
    /// value for choosing the target rule is the last one an event set by
    /// the cutoff (a reclassified priority, an escalated group) rather
    /// than the tickets table's; the table's when no event sets it.
    pub fn match_from_events(&self) -> &[Field] {
        &self.match_from_events
    }

    /// `[clock] start`: a tickets column whose instant, when given, starts
    /// the response and resolution clocks instead of `opened_at` (USPEC
    /// §6: attention time runs from the request's reception, e.g. the
    /// e-mail's date, not from its registration in the tool).
    pub fn clock_start(&self) -> Option<&str> {
        self.clock_start.as_deref()
    }

    /// `[report] period`, when the policy sets it.
    pub fn report_period(&self) -> Option<ReportPeriod> {
        self.report_period
    }

    /// `[targets_from_ticket]`, when the policy has it.
    pub fn targets_from_ticket(&self) -> Option<&TicketTargets> {
        self.from_ticket.as_ref()
    }

    /// `[indicators]`: goals per indicator (e.g.
    /// `resolution_compliance_min = 90`).
    pub fn indicator_goals(&self) -> &BTreeMap<String, f64> {
        &self.indicators
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::lang::Lang;

    const BASE: &str = "name = \"x\"\n[calendar]\nalways = true\n";

    fn err(extra: &str) -> String {
        let text = format!("{BASE}{extra}");
        Policy::from_toml(&text, "p.toml".as_ref())
            .unwrap_err()
            .message(Lang::En)
            .to_string()
    }

    #[test]
    fn errors_name_the_key_and_the_fix() {
        let e = err("[states]\npending = [\"x\"]\n");
        assert!(
            e.starts_with("p.toml: states.pending: unknown canonical state"),
            "{e}"
        );
        let e =
            err("[states]\nopen = [\"En curso\"]\npaused = [\"en CURSO\"]\n");
        assert!(
            e.contains(
                "label \"en CURSO\" is in states.open and in states.paused"
            ),
            "{e}"
        );
        let e = err("[[targets]]\nresponse = \"5hh\"\n");
        assert!(
            e.contains("targets[0].response: unreadable duration \"5hh\""),
            "{e}"
        );
        let e = err(
            "[[targets]]\nresponse = \"1h\"\n[[targets]]\npriority = \"Alta\"\nresponse = \"2h\"\n",
        );
        assert!(
            e.contains("targets[1]: can never match because targets[0]"),
            "{e}"
        );
        let e = err("[[targets]]\npriority = \"Alta\"\n");
        assert!(e.contains("targets[0]: no target"), "{e}");
        let e = err("[[targets]]\npriority = \"\"\nresponse = \"1h\"\n");
        assert!(e.contains("targets[0].priority: empty value"), "{e}");
        let e = err("[close]\nauto_close_after = \"3 days\"\n");
        assert!(e.contains("close.auto_close_after"), "{e}");
        let e = err("[calender]\n");
        assert!(e.contains("unknown field `calender`"), "{e}");
        let e = err("[[targets]]\nprioridad = \"Alta\"\nresponse = \"1h\"\n");
        assert!(e.contains("unknown field `prioridad`"), "{e}");
        // The extensions' errors: (policy text, what the message says).
        let r = "[[exclude.rules]]\n";
        let cases: Vec<(String, &str)> = vec![
            (format!("{r}reason = \"No gestionado\"\nfinal_status = \"x\"\n"),
             "exclude.rules[0].reason: \"No gestionado\" is not an id"),
            (format!("{r}reason = \"massive\"\nfinal_status = \"x\"\n"),
             "\"massive\" is already used"),
            (format!("{r}reason = \"a\"\ncolumn = \"c\"\n"),
             "column and values go together"),
            (format!("{r}reason = \"a\"\ndescription = \"x\"\n"),
             "exclude.rules[0]: no condition"),
            (format!("{r}reason = \"a\"\nopened_between = [\"2026-01-02 14:00\", \"2026-01-02 08:00\"]\n"),
             "opened_between: write two instants"),
            (format!("{r}reason = \"a\"\nopened_between = [\"2026-01-02\"]\n"),
             "exclude.rules[0].opened_between"),
            (format!("{r}reason = \"a\"\nfinal_status = []\n"),
             "exclude.rules[0]: empty column or value"),
            ((0..33).map(|k| format!("{r}reason = \"r{k}\"\nfinal_status = \"x\"\n")).collect(),
             "exclude.rules: 33 rules; the most is 32"),
            ("[targets_from_ticket]\nnumbers = \"minutes\"\n".into(),
             "targets_from_ticket: give response"),
            ("[targets_from_ticket]\nresolution = \"a\"\nnumbers = \"days\"\n".into(),
             "unknown variant `days`"),
            ("[survey]\napplies_to = {}\n".into(), "survey.applies_to: no keys"),
            ("[matching]\nfrom_events = [\"category\"]\n".into(),
             "matching.from_events: \"category\" is not an events column"),
            ("[survey]\napplies_to = { categoria = \"x\" }\n".into(),
             "unknown field `categoria`"),
            ("[[targets]]\ncategory_prefix = \"\"\nresponse = \"1h\"\n".into(),
             "targets[0].category_prefix: empty value"),
        ];
        for (text, want) in &cases {
            let e = err(text);
            assert!(e.contains(want), "{want:?} not in {e:?}");
        }
        let t = TicketTargets {
            response: None,
            resolution: Some("a".into()),
            numbers: None,
        };
        let e = t.parse("90").unwrap_err().message(Lang::En).to_string();
        assert!(e.contains("set targets_from_ticket.numbers"), "{e}");
        assert_eq!(t.parse("1h30m").unwrap(), BizDuration::Seconds(5400));
        let t = TicketTargets {
            numbers: Some(NumberUnit::Hours),
            ..t
        };
        assert_eq!(t.parse("4.0").unwrap(), BizDuration::Seconds(4 * 3600));
        let e = t.parse("99999999999999999").unwrap_err();
        assert!(e.message(Lang::En).contains("out of range"));
        assert!(t.parse("4.5").is_err());
    }

    #[test]
    fn list_valued_match_keys() {
        let text = format!(
            "{BASE}[[targets]]\npriority = [\"Muy alta\", \"5\"]\nresponse = \"1h\"\n"
        );
        let p = Policy::from_toml(&text, "p.toml".as_ref()).unwrap();
        let r = &p.targets()[0];
        assert!(r.matches(|_| "muy alta"));
        assert!(r.matches(|_| "5"));
        assert!(!r.matches(|_| "alta"));
    }

    #[test]
    fn category_prefix_matches_a_branch_of_the_tree() {
        // The rule needs both keys: type exact, category under the branch.
        let text = format!(
            "{BASE}[[targets]]\ntype = \"Requerimiento\"\n\
             category_prefix = \"Hardware > Alistamiento\"\n\
             resolution = \"24h\"\n[[targets]]\nresponse = \"1h\"\n"
        );
        let p = Policy::from_toml(&text, "p.toml".as_ref()).unwrap();
        let r = &p.targets()[0];
        let with = |cat: &'static str| {
            move |f: Field| match f {
                Field::Type => "requerimiento",
                Field::Category => cat,
                _ => "",
            }
        };
        assert!(r.matches(with("hardware > alistamiento")));
        assert!(r.matches(with("hardware > alistamiento > portatiles")));
        assert!(!r.matches(with("hardware > alistamientos")));
        assert!(!r.matches(with("hardware")));
        assert!(!r.matches(|_| "hardware > alistamiento"));
        assert_eq!(
            r.describe(),
            "type = requerimiento; category_prefix = hardware > alistamiento"
        );
        // A rule with only a prefix key is not a catch-all.
        assert!(!r.is_catch_all() && p.targets()[1].is_catch_all());
    }

    #[test]
    fn the_five_sample_policies_load() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("samples");
        for e in ["icetex", "upme", "itagui", "victimas", "uspec"] {
            let p = Policy::load(&root.join(e).join("policy.toml"))
                .unwrap_or_else(|err| {
                    panic!("{e}: {}", err.message(Lang::En))
                });
            assert!(!p.targets().is_empty(), "{e}");
            assert!(p.state_of("zzz-unknown").is_none());
        }
    }
}
