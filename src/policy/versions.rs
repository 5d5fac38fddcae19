//! Policy versions and `extends` (docs/CONTRACT.md §2.8).
//!
//! `extends = "other.toml"` at the top of a policy file: the file
//! inherits every top-level key of the other (its path taken from the
//! extending file's folder) and replaces the whole tables it defines
//! itself. Chains are followed up to [`MAX_EXTENDS`] links; a file that
//! comes back is a cycle. Both are errors naming the chain.
//!
//! `[[versions]]`: the procedure's later versions, each with `from` (the
//! local day it holds from), `name`, optional `note` and `source`, and
//! the tables it replaces whole (`targets`, `states`, `exclude`, `close`,
//! `matching`) or `[versions.calendar]` keys (`hours`, `always`), merged
//! over the base calendar key by key. Holidays and closed days are never
//! versioned. Each version is resolved up front into a full [`Policy`]
//! (the base's other keys with its replacements), checked like the base.
//! The top-level `version_name` names the base ("base" by default).

use std::path::{Path, PathBuf};
use std::sync::Arc;

use chrono::{Datelike, NaiveDate};
use toml::{Table, Value};

use super::Policy;
use super::raw::RawPolicy;
use crate::error::{Error, Result};
use crate::text::lang::Lang;
use crate::text::msg::versions as m;
use crate::time::local_to_instant;

/// The most `extends` links a chain may have.
pub const MAX_EXTENDS: usize = 8;

/// The tables a version replaces whole.
const REPLACED: [&str; 5] =
    ["targets", "states", "exclude", "close", "matching"];

/// The `[calendar]` keys a version may set.
const CALENDAR_KEYS: [&str; 2] = ["hours", "always"];

/// Which version of the policy measures a ticket (`[sla] rules_at`,
/// `--rules-at`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum RulesAt {
    /// The version in force when the ticket was opened (the default).
    #[default]
    Opened,
    /// The version in force when it was solved; unsolved, at the cutoff.
    Solved,
}

impl RulesAt {
    /// The key as the policy and `--rules-at` write it.
    pub fn key(self) -> &'static str {
        match self {
            RulesAt::Opened => "opened",
            RulesAt::Solved => "solved",
        }
    }

    /// Reads a key; `place` names where it was written in the error.
    ///
    /// # Errors
    ///
    /// Any value but `opened` and `solved`.
    pub fn parse(raw: &str, place: &str) -> Result<RulesAt> {
        match raw.trim() {
            "opened" => Ok(RulesAt::Opened),
            "solved" => Ok(RulesAt::Solved),
            other => Err(Error::input_msg(
                m::RULES_AT_BAD,
                &[("place", &place), ("value", &other)],
            )),
        }
    }
}

/// One `[[versions]]` entry, resolved.
#[derive(Clone, Debug)]
pub struct Version {
    /// `from`, as `YYYY-MM-DD`.
    pub from: String,
    /// The first instant it holds: `from`'s local midnight, Unix seconds.
    pub starts_at: i64,
    /// `name` (the procedure's version, e.g. "PR-RF-09 v06").
    pub name: String,
    /// `note`, when given.
    pub note: Option<String>,
    /// `source` (the amendment, the act), when given.
    pub source: Option<String>,
    /// The keys it changes, in key order (`calendar.hours`, `targets`).
    pub changes: Vec<String>,
    /// The whole policy in force from `from`.
    pub policy: Arc<Policy>,
}

/// A policy file with its `extends` chain followed: the merged top-level
/// table (without `extends`).
pub(super) struct Chain {
    pub table: Table,
    /// Whether any `extends` was followed.
    pub extended: bool,
    /// The file whose `[calendar]` is used (relative holiday files are
    /// taken from its folder).
    pub calendar_file: PathBuf,
}

/// Reads `text` (the file `path`) into its table, following `extends`.
pub(super) fn read_chain(text: &str, path: &Path) -> Result<Chain> {
    let mut seen = vec![path.to_path_buf()];
    chain_from(text, path, &mut seen)
}

fn chain_from(
    text: &str,
    path: &Path,
    seen: &mut Vec<PathBuf>,
) -> Result<Chain> {
    let place = path.display().to_string();
    let mut table: Table =
        toml::from_str(text).map_err(|e| Error::toml(&place, &e))?;
    let Some(parent) = table.remove("extends") else {
        return Ok(Chain {
            table,
            extended: false,
            calendar_file: path.to_path_buf(),
        });
    };
    let Value::String(rel) = parent else {
        return Err(Error::input_msg(
            m::EXTENDS_NOT_TEXT,
            &[("file", &place)],
        ));
    };
    let folder = path.parent().unwrap_or(Path::new("."));
    let next = folder.join(rel.trim());
    let key = |p: &Path| std::fs::canonicalize(p).unwrap_or(p.to_path_buf());
    let chain_text = |seen: &[PathBuf], last: &Path| {
        seen.iter()
            .map(|p| p.display().to_string())
            .chain([last.display().to_string()])
            .collect::<Vec<_>>()
            .join(" -> ")
    };
    if seen.iter().any(|p| key(p) == key(&next)) {
        return Err(Error::input_msg(
            m::EXTENDS_CYCLE,
            &[("chain", &chain_text(seen, &next))],
        ));
    }
    if seen.len() > MAX_EXTENDS {
        return Err(Error::input_msg(
            m::EXTENDS_TOO_DEEP,
            &[("max", &MAX_EXTENDS), ("chain", &chain_text(seen, &next))],
        ));
    }
    let parent_text =
        std::fs::read_to_string(&next).map_err(|e| Error::io(&next, &e))?;
    seen.push(next.clone());
    let mut base = chain_from(&parent_text, &next, seen)?;
    if table.contains_key("calendar") {
        base.calendar_file = path.to_path_buf();
    }
    for (k, v) in table {
        base.table.insert(k, v);
    }
    base.extended = true;
    Ok(base)
}

/// The raw policy of a merged table; `place` names it in errors.
pub(super) fn raw_of(table: &Table, place: &str) -> Result<RawPolicy> {
    Value::Table(table.clone())
        .try_into::<RawPolicy>()
        .map_err(|e| Error::toml(place, &e))
}

/// Resolves the `[[versions]]` of `chain` into full policies, each
/// checked like the base (`path` is the policy file, `base` its
/// resolved base).
pub(super) fn resolve(
    chain: &Chain,
    path: &Path,
    base: &Policy,
    lang: Lang,
) -> Result<Vec<Version>> {
    let Some(list) = chain.table.get("versions") else {
        return Ok(Vec::new());
    };
    let Value::Array(list) = list else {
        return Err(Error::input_msg(m::VERSION_NOT_TABLE, &[("n", &0)]));
    };
    let mut common = chain.table.clone();
    common.remove("versions");
    common.remove("version_name");
    let mut out: Vec<Version> = Vec::with_capacity(list.len());
    for (n, v) in list.iter().enumerate() {
        let Value::Table(entry) = v else {
            return Err(Error::input_msg(m::VERSION_NOT_TABLE, &[("n", &n)]));
        };
        let version = one(n, entry, &common, chain, path, base, lang)?;
        if let Some(prev) = out.last() {
            let args: [(&str, &dyn std::fmt::Display); 4] = [
                ("n", &n),
                ("from", &version.from),
                ("prev", &(n - 1)),
                ("prev_from", &prev.from),
            ];
            if version.starts_at == prev.starts_at {
                return Err(Error::input_msg(m::VERSION_DUPLICATE, &args));
            }
            if version.starts_at < prev.starts_at {
                return Err(Error::input_msg(m::VERSION_UNSORTED, &args));
            }
        }
        out.push(version);
    }
    Ok(out)
}

/// Version `n`: its keys checked, its table merged over `common` and
/// resolved.
fn one(
    n: usize,
    entry: &Table,
    common: &Table,
    chain: &Chain,
    path: &Path,
    base: &Policy,
    lang: Lang,
) -> Result<Version> {
    let text = |key: &str, required: bool| -> Result<Option<String>> {
        match entry.get(key) {
            Some(Value::String(s)) if !s.trim().is_empty() => {
                Ok(Some(s.trim().to_string()))
            }
            None if !required => Ok(None),
            _ => Err(Error::input_msg(
                m::VERSION_TEXT_BAD,
                &[("n", &n), ("key", &key)],
            )),
        }
    };
    let from = from_date(n, entry.get("from"))?;
    let name = text("name", true)?.unwrap_or_default();
    let note = text("note", false)?;
    let source = text("source", false)?;
    let mut table = common.clone();
    let mut changes = Vec::new();
    for (key, value) in entry {
        match key.as_str() {
            "from" | "name" | "note" | "source" => {}
            "calendar" => {
                let Value::Table(cal) = value else {
                    return Err(unknown(n, key));
                };
                let merged = table
                    .entry("calendar")
                    .or_insert_with(|| Value::Table(Table::new()));
                for (ck, cv) in cal {
                    if !CALENDAR_KEYS.contains(&ck.as_str()) {
                        return Err(Error::input_msg(
                            m::VERSION_CALENDAR_KEY,
                            &[("n", &n), ("key", ck)],
                        ));
                    }
                    if let Value::Table(t) = merged {
                        t.insert(ck.clone(), cv.clone());
                    }
                    changes.push(format!("calendar.{ck}"));
                }
            }
            k if REPLACED.contains(&k) => {
                table.insert(key.clone(), value.clone());
                changes.push(key.clone());
            }
            _ => return Err(unknown(n, key)),
        }
    }
    let raw = raw_of(&table, &format!("versions[{n}]"))?;
    let mut policy = Policy::resolve(raw, path, &chain.calendar_file, lang)
        .map_err(|e| e.at(&format!("versions[{n}]")))?;
    policy.version_name.clone_from(&name);
    policy.deadline_rules = base.deadline_rules;
    let starts_at = local_to_instant(
        base.tz,
        from.and_hms_opt(0, 0, 0).expect("midnight exists"),
    );
    Ok(Version {
        from: from.format("%Y-%m-%d").to_string(),
        starts_at: starts_at.unix(),
        name,
        note,
        source,
        changes,
        policy: Arc::new(policy),
    })
}

fn unknown(n: usize, key: &str) -> Error {
    Error::input_msg(m::VERSION_KEY_UNKNOWN, &[("n", &n), ("key", &key)])
}

/// `from`: a `"YYYY-MM-DD"` text or a TOML local date.
fn from_date(n: usize, v: Option<&Value>) -> Result<NaiveDate> {
    let text = match v {
        Some(Value::String(s)) => s.trim().to_string(),
        Some(Value::Datetime(d)) if d.time.is_none() => d.to_string(),
        Some(other) => other.to_string(),
        None => "\"\"".to_string(),
    };
    NaiveDate::parse_from_str(&text, "%Y-%m-%d")
        .ok()
        .filter(|d| (1970..=2099).contains(&d.year()))
        .ok_or_else(|| {
            Error::input_msg(
                m::VERSION_FROM_BAD,
                &[("n", &n), ("value", &format!("{text:?}"))],
            )
        })
}

impl Policy {
    /// `[[versions]]`, sorted by `from` (empty without them).
    pub fn versions(&self) -> &[Version] {
        &self.versions
    }

    /// Whether the policy has `[[versions]]`.
    pub fn has_versions(&self) -> bool {
        !self.versions.is_empty()
    }

    /// The name of this policy's version: the base's `version_name`
    /// ("base" by default), a version's `name`.
    pub fn version_name(&self) -> &str {
        &self.version_name
    }

    /// The version in force at `t` (Unix seconds): 0 for the base, `k`
    /// for `versions()[k - 1]`.
    pub fn version_at(&self, t: i64) -> u16 {
        self.versions
            .iter()
            .take_while(|v| v.starts_at <= t)
            .count() as u16
    }

    /// The policy of version `v` (0: this one).
    pub fn version_policy(&self, v: u16) -> &Policy {
        match v {
            0 => self,
            v => self
                .versions
                .get(usize::from(v) - 1)
                .map_or(self, |x| &x.policy),
        }
    }

    /// The day version `v` holds from (`None` for the base).
    pub fn version_from(&self, v: u16) -> Option<&str> {
        let i = usize::from(v).checked_sub(1)?;
        self.versions.get(i).map(|x| x.from.as_str())
    }

    /// `[sla] rules_at`: which version measures a ticket.
    pub fn rules_at(&self) -> RulesAt {
        self.rules_at
    }

    /// Overrides `[sla] rules_at` (`--rules-at`).
    pub fn set_rules_at(&mut self, r: RulesAt) {
        self.rules_at = r;
    }
}
