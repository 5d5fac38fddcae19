//! What a rule matches on: the ticket fields ([`Field`]), match keys
//! (`priority = [...]`, `category_prefix = "..."`) shared by
//! `[[targets]]` and `[survey] applies_to`, category trees
//! ([`under_branch`]), and `[matching] from_events`.

use super::raw::{OneOrMany, RawKeys};
use crate::error::{Error, Result};
use crate::text::msg;

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

/// A rule's match keys, resolved: (field, accepted values folded).
#[derive(Default)]
pub(super) struct MatchKeys {
    /// Exact keys (`priority = [...]`).
    pub exact: Vec<(Field, Vec<String>)>,
    /// Tree-branch keys (`category_prefix = "..."`).
    pub prefixes: Vec<(Field, Vec<String>)>,
}

impl MatchKeys {
    /// Checks and folds the keys of the rule named `rule` in errors
    /// (`targets[2]`, `survey.applies_to`): no key may be empty.
    pub fn resolve(rule: &str, keys: RawKeys) -> Result<MatchKeys> {
        let list = [
            (Field::Type, keys.type_, false),
            (Field::Priority, keys.priority, false),
            (Field::Category, keys.category, false),
            (Field::Service, keys.service, false),
            (Field::Group, keys.group, false),
            (Field::Category, keys.category_prefix, true),
            (Field::Service, keys.service_prefix, true),
        ];
        let mut out = MatchKeys::default();
        for (field, v, prefix) in list {
            let Some(v) = v else { continue };
            let vals = v.folded();
            if vals.is_empty() || vals.iter().any(String::is_empty) {
                let key = if prefix {
                    format!("{}_prefix", field.key())
                } else {
                    field.key().to_string()
                };
                return Err(Error::input_msg(
                    msg::policy::MATCH_VALUE_EMPTY,
                    &[("rule", &rule), ("key", &key)],
                ));
            }
            if prefix {
                out.prefixes.push((field, vals));
            } else {
                out.exact.push((field, vals));
            }
        }
        Ok(out)
    }
}

/// `where = { column = value(s) }`: each column's accepted values,
/// folded; an empty list is an error naming `rule`.
pub(super) fn where_columns(
    rule: &str,
    raw: impl IntoIterator<Item = (String, OneOrMany)>,
) -> Result<Vec<(String, Vec<String>)>> {
    let mut columns = Vec::new();
    for (column, v) in raw {
        let vals = v.folded();
        if vals.is_empty() {
            return Err(Error::input_msg(
                msg::policy::TARGET_WHERE_EMPTY,
                &[("rule", &rule), ("column", &column)],
            ));
        }
        columns.push((column, vals));
    }
    Ok(columns)
}

/// `[matching] from_events`: the fields whose value events may set
/// (`priority`, `group`), each once, in the order written.
pub(super) fn from_events(raw: &[String]) -> Result<Vec<Field>> {
    let mut out = Vec::new();
    for f in raw {
        let field = match f.trim() {
            "priority" => Field::Priority,
            "group" => Field::Group,
            other => {
                return Err(Error::input_msg(
                    msg::policy::FROM_EVENTS_UNKNOWN,
                    &[("value", &format!("{other:?}"))],
                ));
            }
        };
        if !out.contains(&field) {
            out.push(field);
        }
    }
    Ok(out)
}
