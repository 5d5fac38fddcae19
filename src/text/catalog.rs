//! The message catalogue's mechanism: a [`Msg`] holds one user-facing
//! text in Spanish and in English side by side; [`catalog!`](crate::catalog!) declares a
//! block of them and the list the completeness test walks.
//!
//! Messages live in [`crate::text::msg`], one file per area (CLI, errors,
//! explain, report...). A message with values names them as `{name}`
//! placeholders, filled by [`Msg::fill`]; the Spanish and the English
//! side must name the same placeholders (tested for every message), the
//! entity's words (`{tickets}`, [`crate::text::words`]) apart: each
//! language uses them as its phrasing needs.
//!
//! # Example
//!
//! ```
//! use plazo::text::{Msg, lang::Lang};
//!
//! const NO_FILE: Msg = Msg::new(
//!     "NO_FILE",
//!     "no existe el archivo {path}: revise la ruta",
//!     "no such file {path}: check the path",
//! );
//! assert_eq!(
//!     NO_FILE.fill(Lang::Es, &[("path", &"a.csv")]),
//!     "no existe el archivo a.csv: revise la ruta"
//! );
//! assert_eq!(NO_FILE.get(Lang::En), "no such file {path}: check the path");
//! ```

use std::fmt::{Display, Write as _};

use super::lang::Lang;

/// One user-facing text in both languages.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Msg {
    /// The constant's name, for tests and diagnostics.
    pub key: &'static str,
    /// The Spanish text.
    pub es: &'static str,
    /// The English text.
    pub en: &'static str,
    /// The word is the same in both languages ("Ticket", "SLA"): the
    /// catalogue test then does not take `es == en` for a missing
    /// translation.
    pub same: bool,
}

impl Msg {
    /// A message; `key` is its constant's name.
    pub const fn new(
        key: &'static str,
        es: &'static str,
        en: &'static str,
    ) -> Msg {
        Msg {
            key,
            es,
            en,
            same: false,
        }
    }

    /// A message written the same in both languages.
    pub const fn same(key: &'static str, text: &'static str) -> Msg {
        Msg {
            key,
            es: text,
            en: text,
            same: true,
        }
    }

    /// The text in `lang`, placeholders unfilled.
    pub fn get(self, lang: Lang) -> &'static str {
        lang.pick(self.es, self.en)
    }

    /// The text in `lang` with each `{name}` replaced by its value in
    /// `args`. `{{` and `}}` stand for literal braces. A placeholder
    /// missing from `args` is left as it is (the catalogue test makes
    /// that a bug caught before release).
    pub fn fill(self, lang: Lang, args: &[(&str, &dyn Display)]) -> String {
        let text = self.get(lang);
        let mut out = String::with_capacity(text.len() + 16);
        let mut rest = text;
        while let Some(k) = rest.find(['{', '}']) {
            out.push_str(&rest[..k]);
            let tail = &rest[k..];
            if let Some(r) = tail.strip_prefix("{{") {
                out.push('{');
                rest = r;
            } else if let Some(r) = tail.strip_prefix("}}") {
                out.push('}');
                rest = r;
            } else if let (true, Some(end)) =
                (tail.starts_with('{'), tail.find('}'))
            {
                let name = &tail[1..end];
                match args.iter().find(|(n, _)| *n == name) {
                    Some((_, v)) => {
                        let _ = write!(out, "{v}");
                    }
                    None => out.push_str(&tail[..=end]),
                }
                rest = &tail[end + 1..];
            } else {
                out.push_str(&tail[..1]);
                rest = &tail[1..];
            }
        }
        out.push_str(rest);
        out
    }

    /// The `{name}` placeholders of one side, in order of appearance
    /// (`{{` / `}}` escapes skipped).
    pub fn placeholders(text: &str) -> Vec<&str> {
        let mut out = Vec::new();
        let mut rest = text;
        while let Some(k) = rest.find(['{', '}']) {
            let tail = &rest[k..];
            if tail.starts_with("{{") || tail.starts_with("}}") {
                rest = &tail[2..];
            } else if let (true, Some(end)) =
                (tail.starts_with('{'), tail.find('}'))
            {
                out.push(&tail[1..end]);
                rest = &tail[end + 1..];
            } else {
                rest = &tail[1..];
            }
        }
        out
    }
}

/// An owned text in both languages, composed from catalogue messages
/// (an error that lists several items, a reject's reason).
///
/// ```
/// use plazo::text::{Msg, Text, lang::Lang};
/// const HEAD: Msg = Msg::new("HEAD", "{n} etiquetas:", "{n} labels:");
/// const ITEM: Msg = Msg::new("ITEM", "\n  {label}", "\n  {label}");
/// let mut t = Text::from_msg(HEAD, &[("n", &2)]);
/// t.push(ITEM, &[("label", &"Suspendido")]);
/// assert_eq!(t.get(Lang::En), "2 labels:\n  Suspendido");
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub struct Text {
    /// The Spanish text.
    pub es: String,
    /// The English text.
    pub en: String,
}

impl Text {
    /// A message filled in both languages.
    pub fn from_msg(m: Msg, args: &[(&str, &dyn Display)]) -> Text {
        Text {
            es: m.fill(Lang::Es, args),
            en: m.fill(Lang::En, args),
        }
    }

    /// Appends a message filled in both languages.
    pub fn push(&mut self, m: Msg, args: &[(&str, &dyn Display)]) {
        self.es.push_str(&m.fill(Lang::Es, args));
        self.en.push_str(&m.fill(Lang::En, args));
    }

    /// Appends text that is the same in both languages (a value, a name).
    pub fn push_str(&mut self, s: &str) {
        self.es.push_str(s);
        self.en.push_str(s);
    }

    /// The text in `lang`.
    pub fn get(&self, lang: Lang) -> &str {
        lang.pick(&self.es, &self.en)
    }
}

/// Declares messages as constants and `ALL`, the list of them:
///
/// ```
/// mod report {
///     plazo::catalog! {
///         /// The sheet of breached tickets.
///         SHEET_BREACHES = ("Incumplimientos", "Breaches");
///         /// The same word in both languages: say so with `same`.
///         TICKET = same("Ticket");
///     }
/// }
/// assert_eq!(report::ALL.len(), 2);
/// assert_eq!(report::SHEET_BREACHES.key, "SHEET_BREACHES");
/// assert!(report::TICKET.same);
/// ```
#[macro_export]
#[doc(hidden)]
macro_rules! catalog {
    ($($(#[$doc:meta])* $name:ident = $($same:ident)? ($($text:expr),+ $(,)?);)*) => {
        $(
            $(#[$doc])*
            pub const $name: $crate::text::Msg =
                $crate::catalog!(@msg $name $($same)? ($($text),+));
        )*
        /// Every message of this block (for the catalogue test).
        pub const ALL: &[$crate::text::Msg] = &[$($name),*];
    };
    (@msg $name:ident same ($text:expr)) => {
        $crate::text::Msg::same(stringify!($name), $text)
    };
    (@msg $name:ident ($es:expr, $en:expr)) => {
        $crate::text::Msg::new(stringify!($name), $es, $en)
    };
}
