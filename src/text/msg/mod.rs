//! The message catalogue: every user-facing text of plazo, Spanish and
//! English side by side, one file per area. Code names a message by its
//! constant (`msg::report::SHEET_BREACHES`) and renders it in the
//! language it was given ([`crate::text::Msg::fill`]); nothing reads a
//! process-wide language.
//!
//! The test below renders every message in both languages and fails on
//! an empty side, an untranslated one (the same text in both, unless
//! declared `same`), or placeholders that differ between the sides.

pub mod calendar;
pub mod channel;
pub mod charts;
pub mod cli;
pub mod closing;
pub mod common;
pub mod csv;
pub mod db;
pub mod decisions;
pub mod engine;
pub mod errors;
pub mod escalations;
pub mod explain;
pub mod ficha;
pub mod glpi_rules;
pub mod html;
pub mod indicators;
pub mod long_lists;
pub mod methodology;
pub mod model;
pub mod outcomes;
pub mod penalties;
pub mod people;
pub mod policy;
pub mod report;
pub mod sheets;
pub mod source;
pub mod survey_report;
pub mod time;
pub mod versions;
pub mod whatif;
pub mod words;

use super::Msg;

/// Every message of the catalogue, area by area.
pub fn all() -> impl Iterator<Item = Msg> {
    [
        calendar::ALL,
        channel::ALL,
        charts::ALL,
        cli::ALL,
        cli::calendar::ALL,
        cli::check::ALL,
        cli::quiet::ALL,
        cli::reconcile::ALL,
        cli::report::ALL,
        cli::run::ALL,
        cli::sla::ALL,
        closing::ALL,
        common::ALL,
        csv::ALL,
        db::ALL,
        decisions::ALL,
        engine::ALL,
        errors::ALL,
        escalations::ALL,
        explain::ALL,
        ficha::ALL,
        glpi_rules::ALL,
        html::ALL,
        indicators::ALL,
        long_lists::ALL,
        methodology::ALL,
        model::ALL,
        outcomes::ALL,
        penalties::ALL,
        people::ALL,
        policy::ALL,
        report::ALL,
        sheets::ALL,
        source::ALL,
        survey_report::ALL,
        time::ALL,
        versions::ALL,
        whatif::ALL,
        words::ALL,
    ]
    .into_iter()
    .flatten()
    .copied()
}

#[cfg(test)]
mod tests {
    use std::collections::HashSet;

    use super::all;
    use crate::text::words::PLACEHOLDERS;
    use crate::text::{Msg, lang::Lang};

    #[test]
    fn every_message_renders_in_both_languages() {
        let mut keys = HashSet::new();
        let mut problems = Vec::new();
        for m in all() {
            keys.insert(m.key);
            for lang in [Lang::Es, Lang::En] {
                let args: Vec<(&str, &dyn std::fmt::Display)> =
                    Msg::placeholders(m.get(lang))
                        .into_iter()
                        .map(|p| (p, &"x" as &dyn std::fmt::Display))
                        .collect();
                let text = m.fill(lang, &args);
                if text.trim().is_empty() {
                    problems.push(format!("{} ({lang:?}): empty", m.key));
                }
            }
            if m.es == m.en && !m.same {
                problems.push(format!(
                    "{}: untranslated ({:?} in both; declare it `same` if \
                     the word really is the same)",
                    m.key, m.es
                ));
            }
            // The entity's words (`{tickets}`, `{Response}`...) are filled
            // from `Words` whatever the message, so each language may
            // phrase with them as it needs ("{Tickets} con {resolution}",
            // "{Tickets} solved"); every other value must be in both.
            let values = |t: &'static str| {
                Msg::placeholders(t)
                    .into_iter()
                    .filter(|p| !PLACEHOLDERS.contains(p))
                    .collect::<Vec<_>>()
            };
            let (mut es, mut en) = (values(m.es), values(m.en));
            es.sort_unstable();
            en.sort_unstable();
            if es != en {
                problems.push(format!(
                    "{}: placeholders differ: es {es:?}, en {en:?}",
                    m.key
                ));
            }
        }
        assert!(problems.is_empty(), "{}", problems.join("\n"));
        assert!(keys.len() > 1);
    }

    #[test]
    fn fill_replaces_named_values_and_escapes() {
        let m =
            Msg::new("T", "{a} y {b} {{literal}}", "{a} and {b} {{literal}}");
        assert_eq!(
            m.fill(Lang::Es, &[("a", &1), ("b", &"dos")]),
            "1 y dos {literal}"
        );
        assert_eq!(m.fill(Lang::En, &[("a", &1)]), "1 and {b} {literal}");
        assert_eq!(Msg::placeholders(m.es), ["a", "b"]);
    }
}
