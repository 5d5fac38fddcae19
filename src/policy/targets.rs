//! `[[targets]]`: the ordered target rules. The first rule whose match
//! keys all accept a ticket gives its response and resolution targets; a
//! rule with no match key (a catch-all) must come last.

use super::matching::{Field, MatchKeys, under_branch, where_columns};
use super::raw::{RawKeys, RawTarget};
use crate::error::{Error, Result};
use crate::text::lang::Lang;
use crate::text::msg;
use crate::time::BizDuration;

/// One `[[targets]]` rule: match keys, then the targets.
#[derive(Clone, Debug)]
pub struct TargetRule {
    /// 0-based position in the file (`targets[i]` in messages).
    pub index: usize,
    /// (field, accepted values folded with [`crate::text::fold`]); all
    /// must match.
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
    /// `response_end_of_working_day`: with `deadline_rules = "glpi"`, a
    /// `Nbd` response deadline moves to the close of that working day
    /// (GLPI's `end_of_working_day`).
    pub response_eod: bool,
    /// `resolution_end_of_working_day`: the same for the resolution.
    pub resolution_eod: bool,
}

impl TargetRule {
    /// A rule with match keys and no target (`[survey] applies_to`).
    pub(super) fn keys_only(keys: MatchKeys) -> TargetRule {
        TargetRule {
            index: 0,
            matchers: keys.exact,
            prefixes: keys.prefixes,
            columns: Vec::new(),
            response: None,
            resolution: None,
            label: String::new(),
            response_eod: false,
            resolution_eod: false,
        }
    }

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

/// Checks and converts the `[[targets]]` entries, in order; `lang` words
/// the label of an unnamed catch-all rule.
pub(super) fn resolve(
    raw: Vec<RawTarget>,
    lang: Lang,
) -> Result<Vec<TargetRule>> {
    let mut targets: Vec<TargetRule> = Vec::with_capacity(raw.len());
    for (i, t) in raw.into_iter().enumerate() {
        let rule = format!("targets[{i}]");
        if let Some(c) = targets.iter().find(|r| r.is_catch_all()) {
            return Err(Error::input_msg(
                msg::policy::TARGET_UNREACHABLE,
                &[("rule", &rule), ("catch_all", &c.index)],
            ));
        }
        targets.push(target_rule(i, &rule, t, lang)?);
    }
    Ok(targets)
}

/// One `[[targets]]` entry, `rule` naming it in errors.
fn target_rule(
    index: usize,
    rule: &str,
    t: RawTarget,
    lang: Lang,
) -> Result<TargetRule> {
    let RawTarget {
        name,
        type_,
        priority,
        category,
        service,
        group,
        category_prefix,
        service_prefix,
        where_,
        response,
        resolution,
        response_end_of_working_day,
        resolution_end_of_working_day,
    } = t;
    let keys = RawKeys {
        type_,
        priority,
        category,
        service,
        group,
        category_prefix,
        service_prefix,
    };
    let keys = MatchKeys::resolve(rule, keys)?;
    let columns = where_columns(rule, where_)?;
    let target = |key: &str, text: Option<String>| {
        text.map(|s| duration(&format!("{rule}.{key}"), &s))
            .transpose()
    };
    let response = target("response", response)?;
    let resolution = target("resolution", resolution)?;
    if response.is_none() && resolution.is_none() {
        return Err(Error::input_msg(
            msg::policy::TARGET_NONE,
            &[("rule", &rule)],
        ));
    }
    let mut out = TargetRule {
        index,
        columns,
        response,
        resolution,
        response_eod: response_end_of_working_day,
        resolution_eod: resolution_end_of_working_day,
        ..TargetRule::keys_only(keys)
    };
    out.label = name.unwrap_or_else(|| {
        if out.is_catch_all() {
            msg::policy::TARGET_CATCH_ALL_LABEL.get(lang).to_string()
        } else {
            out.describe()
        }
    });
    Ok(out)
}

/// A business duration read from the policy key `key`.
pub(super) fn duration(key: &str, text: &str) -> Result<BizDuration> {
    text.parse::<BizDuration>().map_err(|e| e.at(key))
}
