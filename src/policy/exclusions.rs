//! `[exclude]`: tickets left out of compliance, each with a reason — the
//! built-in ones (massive incidents, excluded types and categories) and
//! the named `[[exclude.rules]]`.

use chrono_tz::Tz;

use super::raw::{OneOrMany, RawExclude, RawExcludeRule};
use crate::error::{Error, Result};
use crate::text::lang::Lang;
use crate::text::{fold, msg};
use crate::time::Instant;

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
///     [[exclude.rules]]
///     reason = "adquisiciones"
///     note = "Plan Anual de Adquisiciones"
///     any_status = "Suspendido"
/// "#, "p.toml".as_ref())?;
/// let r = &p.exclusions().rules;
/// assert_eq!(r[0].reason, "desistida");
/// assert_eq!(r[0].column, Some(("tipo_solucion".into(), vec!["desistida".into()])));
/// let (from, to) = r[1].opened_between.unwrap();
/// assert_eq!(to - from, 6 * 3600);
/// assert_eq!(r[2].final_status, Some(vec!["no gestionado".to_string()]));
/// assert_eq!(r[2].description, "no_gestionado"); // defaults to the reason
/// assert_eq!(r[3].note, Some(vec!["plan anual de adquisiciones".to_string()]));
/// assert_eq!(r[3].any_status, Some(vec!["suspendido".to_string()]));
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
    /// `note`: some event of the ticket up to the cutoff has a note whose
    /// folded text contains one of these (folded) texts, e.g. a case sent
    /// to the "Plan Anual de Adquisiciones".
    pub note: Option<Vec<String>>,
    /// `any_status`: the ticket entered one of these source labels
    /// (folded) at some event up to the cutoff.
    pub any_status: Option<Vec<String>>,
}

impl ExclusionRule {
    /// The conditions in words: `category = conectividad; opened in
    /// [2026-01-02T08:00:00-05:00, 2026-01-02T14:00:00-05:00)`.
    pub fn describe(&self, tz: Tz, lang: Lang) -> String {
        let mut parts = Vec::new();
        if let Some((c, v)) = &self.column {
            parts.push(format!("{c} = {}", v.join(" | ")));
        }
        if let Some(v) = &self.final_status {
            parts.push(
                msg::policy::EXCLUDE_DESCRIBE_FINAL_STATUS
                    .fill(lang, &[("values", &v.join(" | "))]),
            );
        }
        if let Some(v) = &self.any_status {
            parts.push(
                msg::outcomes::EXCLUDE_DESCRIBE_ANY_STATUS
                    .fill(lang, &[("values", &v.join(" | "))]),
            );
        }
        if let Some(v) = &self.note {
            parts.push(
                msg::outcomes::EXCLUDE_DESCRIBE_NOTE
                    .fill(lang, &[("values", &v.join(" | "))]),
            );
        }
        if let Some((a, b)) = self.opened_between {
            let at = |t: i64| Instant::from_unix(t).to_rfc3339(tz);
            parts.push(
                msg::policy::EXCLUDE_DESCRIBE_OPENED
                    .fill(lang, &[("from", &at(a)), ("to", &at(b))]),
            );
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

impl Exclusions {
    /// Folds the excluded types and categories and checks the named
    /// rules (their instants read in `tz`).
    pub(super) fn resolve(raw: RawExclude, tz: Tz) -> Result<Exclusions> {
        Ok(Exclusions {
            massive_affected_users: raw.massive_affected_users,
            types: raw.types.iter().map(|s| fold(s)).collect(),
            categories: raw.categories.iter().map(|s| fold(s)).collect(),
            rules: exclusion_rules(raw.rules, tz)?,
        })
    }
}

/// Checks and converts the `[[exclude.rules]]` entries.
fn exclusion_rules(
    raw: Vec<RawExcludeRule>,
    tz: Tz,
) -> Result<Vec<ExclusionRule>> {
    if raw.len() > MAX_EXCLUSION_RULES {
        return Err(Error::input_msg(
            msg::policy::EXCLUDE_TOO_MANY,
            &[("count", &raw.len()), ("max", &MAX_EXCLUSION_RULES)],
        ));
    }
    let mut out: Vec<ExclusionRule> = Vec::with_capacity(raw.len());
    for (i, r) in raw.into_iter().enumerate() {
        let rule = format!("exclude.rules[{i}]");
        let reason = reason(&rule, &r.reason, &out)?;
        let column = column_condition(&rule, r.column, r.values)?;
        let final_status = folded_list(&rule, r.final_status)?;
        let note = folded_list(&rule, r.note)?;
        let any_status = folded_list(&rule, r.any_status)?;
        let opened_between = window(&rule, r.opened_between, tz)?;
        if column.is_none()
            && final_status.is_none()
            && opened_between.is_none()
            && note.is_none()
            && any_status.is_none()
        {
            return Err(Error::input_msg(
                msg::policy::EXCLUDE_NO_CONDITION,
                &[("rule", &rule)],
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
            note,
            any_status,
        });
    }
    Ok(out)
}

/// The rule's reason: an id (`[a-z0-9_]+`) that neither plazo nor an
/// earlier rule (`taken`) uses.
fn reason(rule: &str, raw: &str, taken: &[ExclusionRule]) -> Result<String> {
    let reason = raw.trim().to_string();
    let is_id = !reason.is_empty()
        && reason
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_');
    let problem = if !is_id {
        msg::policy::EXCLUDE_REASON_NOT_ID
    } else if BUILTIN_REASONS.contains(&reason.as_str())
        || taken.iter().any(|o| o.reason == reason)
    {
        msg::policy::EXCLUDE_REASON_USED
    } else {
        return Ok(reason);
    };
    Err(Error::input_msg(
        problem,
        &[("rule", &rule), ("reason", &format!("{reason:?}"))],
    ))
}

fn empty_condition(rule: &str) -> Error {
    Error::input_msg(msg::policy::EXCLUDE_EMPTY, &[("rule", &rule)])
}

/// `column` + `values`: both or neither, none empty.
fn column_condition(
    rule: &str,
    column: Option<String>,
    values: Option<OneOrMany>,
) -> Result<Option<(String, Vec<String>)>> {
    match (column, values) {
        (Some(c), Some(v)) => {
            let (c, v) = (c.trim().to_string(), v.folded());
            if c.is_empty() || v.is_empty() || v.iter().any(String::is_empty) {
                return Err(empty_condition(rule));
            }
            Ok(Some((c, v)))
        }
        (None, None) => Ok(None),
        _ => Err(Error::input_msg(
            msg::policy::EXCLUDE_COLUMN_WITHOUT_VALUES,
            &[("rule", &rule)],
        )),
    }
}

/// `final_status`, `any_status`, `note`: folded texts, none empty.
fn folded_list(
    rule: &str,
    raw: Option<OneOrMany>,
) -> Result<Option<Vec<String>>> {
    match raw.map(OneOrMany::folded) {
        Some(v) if v.is_empty() || v.iter().any(String::is_empty) => {
            Err(empty_condition(rule))
        }
        v => Ok(v),
    }
}

/// `opened_between = [from, to]`: two instants read in `tz`, the second
/// later, as Unix seconds.
fn window(
    rule: &str,
    raw: Option<Vec<String>>,
    tz: Tz,
) -> Result<Option<(i64, i64)>> {
    let Some(v) = raw else { return Ok(None) };
    let bad =
        || Error::input_msg(msg::policy::EXCLUDE_WINDOW, &[("rule", &rule)]);
    let [a, b] = v.as_slice() else {
        return Err(bad());
    };
    let at = |t: &str| {
        Instant::parse(t, tz)
            .map(Instant::unix)
            .map_err(|e| e.at(&format!("{rule}.opened_between")))
    };
    let (a, b) = (at(a)?, at(b)?);
    if b <= a {
        return Err(bad());
    }
    Ok(Some((a, b)))
}
