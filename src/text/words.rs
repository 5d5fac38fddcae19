//! The entity's words: what the report calls a ticket, the person
//! assigned, the first response, the resolution, the resolver group and
//! the requester.
//!
//! Messages of the report that name one of these concepts write a
//! placeholder instead of the word: `{ticket}`, `{tickets}`,
//! `{assignee}`, `{assignees}`, `{response}`, `{resolution}`, `{group}`,
//! `{requester}`, `{requesters}`, and the same names capitalised
//! (`{Tickets}`: "Casos") for the start of a label. A [`Words`] value,
//! built once per report from the policy's `[report.labels]` over the
//! language's defaults ([`crate::text::msg::words`]), fills them.
//!
//! Spanish nouns have a gender and the entity's word may have either
//! ("caso", "solicitud"): messages never put an article or an adjective
//! that agrees with the word next to it. They use phrasing that reads
//! right for both: "{Tickets} con apertura", "% de {tickets} con
//! reapertura", "{Tickets} pendientes" (an adjective in -e).
//!
//! ```
//! use plazo::text::{Msg, words::Words, lang::Lang};
//! const OPENED: Msg = Msg::new("OPENED", "{Tickets} con apertura", "{Tickets} opened");
//! let w = Words::new(Lang::Es, &[("ticket", "solicitud")]);
//! assert_eq!(w.get(OPENED), "Solicitudes con apertura");
//! assert_eq!(Words::defaults(Lang::En).get(OPENED), "Tickets opened");
//! ```

use std::fmt::Display;

use super::lang::Lang;
use super::msg::words as m;
use super::{Msg, plural};

/// The concepts a label may rename, by `[report.labels]` key, with
/// their default singular and plural in the catalogue.
const CONCEPTS: [(&str, Msg, Msg); 6] = [
    ("ticket", m::WORD_TICKET, m::WORD_TICKETS),
    ("assignee", m::WORD_ASSIGNEE, m::WORD_ASSIGNEES),
    ("response", m::WORD_RESPONSE, m::WORD_RESPONSES),
    ("resolution", m::WORD_RESOLUTION, m::WORD_RESOLUTIONS),
    ("group", m::WORD_GROUP, m::WORD_GROUPS),
    ("requester", m::WORD_REQUESTER, m::WORD_REQUESTERS),
];

/// The placeholder names [`Words`] fills, lower-case then capitalised.
pub const PLACEHOLDERS: [&str; 24] = [
    "ticket",
    "tickets",
    "assignee",
    "assignees",
    "response",
    "responses",
    "resolution",
    "resolutions",
    "group",
    "groups",
    "requester",
    "requesters",
    "Ticket",
    "Tickets",
    "Assignee",
    "Assignees",
    "Response",
    "Responses",
    "Resolution",
    "Resolutions",
    "Group",
    "Groups",
    "Requester",
    "Requesters",
];

/// The report's words in one language.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Words {
    lang: Lang,
    /// The values of [`PLACEHOLDERS`], in that order.
    values: Vec<String>,
}

impl Words {
    /// The language's defaults ("ticket", "técnico", "atención" ...).
    pub fn defaults(lang: Lang) -> Words {
        Words::new(lang, &[])
    }

    /// The defaults with `labels` (`[report.labels]` key, word) put over
    /// them. A singular given without its plural (`ticket` without
    /// `tickets`) gets the Spanish plural ([`plural`]); a key that names
    /// no concept is ignored (the policy checks its keys).
    pub fn new(lang: Lang, labels: &[(&str, &str)]) -> Words {
        let label = |k: &str| {
            labels
                .iter()
                .find(|(key, v)| *key == k && !v.trim().is_empty())
                .map(|(_, v)| v.trim().to_string())
        };
        let mut lower = Vec::with_capacity(12);
        for (key, one, many) in CONCEPTS {
            let given = label(key);
            let many_key = format!("{key}s");
            let plural_given = label(&many_key);
            let p = plural_given
                .or_else(|| given.as_deref().map(plural))
                .unwrap_or_else(|| many.get(lang).to_string());
            lower.push(given.unwrap_or_else(|| one.get(lang).to_string()));
            lower.push(p);
        }
        let caps: Vec<String> = lower.iter().map(|w| capitalise(w)).collect();
        lower.extend(caps);
        Words {
            lang,
            values: lower,
        }
    }

    /// The language these words are in.
    pub fn lang(&self) -> Lang {
        self.lang
    }

    /// The word for placeholder `name` (`"Tickets"`), if it is one.
    pub fn word(&self, name: &str) -> Option<&str> {
        PLACEHOLDERS
            .iter()
            .position(|p| *p == name)
            .map(|k| self.values[k].as_str())
    }

    /// `m` in this language with the words filled.
    pub fn get(&self, m: Msg) -> String {
        self.fill(m, &[])
    }

    /// `m` in this language with `args` and the words filled (an
    /// argument named like a word wins).
    pub fn fill(&self, m: Msg, args: &[(&str, &dyn Display)]) -> String {
        let mut all: Vec<(&str, &dyn Display)> = args.to_vec();
        for (name, v) in PLACEHOLDERS.iter().zip(&self.values) {
            all.push((name, v as &dyn Display));
        }
        m.fill(self.lang, &all)
    }
}

/// `s` with its first letter in upper case ("técnico" → "Técnico").
pub fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_and_labels() {
        let es = Words::defaults(Lang::Es);
        assert_eq!(es.word("assignee"), Some("técnico"));
        assert_eq!(es.word("Assignees"), Some("Técnicos"));
        assert_eq!(es.word("response"), Some("atención"));
        assert_eq!(
            Words::defaults(Lang::En).word("assignee"),
            Some("technician")
        );
        let w = Words::new(
            Lang::Es,
            &[
                ("ticket", "caso"),
                ("assignee", "especialista"),
                ("groups", "mesas"),
            ],
        );
        assert_eq!(w.word("Tickets"), Some("Casos"));
        assert_eq!(w.word("assignees"), Some("especialistas"));
        assert_eq!(w.word("group"), Some("grupo"));
        assert_eq!(w.word("groups"), Some("mesas"));
        assert_eq!(w.word("nope"), None);
    }

    #[test]
    fn every_placeholder_has_a_value() {
        let w = Words::defaults(Lang::Es);
        assert_eq!(w.values.len(), PLACEHOLDERS.len());
        for (k, p) in PLACEHOLDERS.iter().enumerate().skip(12) {
            assert_eq!(capitalise(PLACEHOLDERS[k - 12]), *p);
        }
    }
}
