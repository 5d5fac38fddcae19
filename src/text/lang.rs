//! The language of user-facing text.
//!
//! What users read (CLI messages, errors, workbook labels) is Spanish by
//! default, English on request (`--lang en` or `PLAZO_LANG=en`). Code,
//! identifiers and docs are English.
//!
//! The language is process-wide: the binary sets it once, before any
//! work, and [`crate::Error`]'s `Display` renders in it.
//!
//! # Example
//!
//! ```
//! use plazo::text::lang::{self, Lang};
//!
//! assert_eq!("en".parse::<Lang>().unwrap(), Lang::En);
//! assert_eq!(Lang::Es.pick("día", "day"), "día");
//! lang::set(Lang::En);
//! assert_eq!(lang::current(), Lang::En);
//! # lang::set(Lang::Es);
//! ```

use std::sync::atomic::{AtomicU8, Ordering};

/// A language for user-facing text.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Lang {
    /// Spanish: the users' language, and the default.
    #[default]
    Es,
    /// English.
    En,
}

impl Lang {
    /// Returns `es` or `en` according to `self`.
    pub fn pick<'a>(self, es: &'a str, en: &'a str) -> &'a str {
        match self {
            Lang::Es => es,
            Lang::En => en,
        }
    }

    /// The ISO 639-1 code: `es` or `en`.
    pub fn code(self) -> &'static str {
        self.pick("es", "en")
    }
}

impl std::str::FromStr for Lang {
    type Err = String;

    fn from_str(s: &str) -> Result<Lang, String> {
        match s.trim().to_ascii_lowercase().as_str() {
            "es" | "es-co" | "es_co" | "spa" | "spanish" | "español" => {
                Ok(Lang::Es)
            }
            "en" | "en-us" | "en_us" | "eng" | "english" => Ok(Lang::En),
            other => Err(format!("unknown language {other:?}: use es or en")),
        }
    }
}

static CURRENT: AtomicU8 = AtomicU8::new(0);

/// Sets the process-wide language of user-facing text.
pub fn set(lang: Lang) {
    CURRENT.store(
        match lang {
            Lang::Es => 0,
            Lang::En => 1,
        },
        Ordering::Relaxed,
    );
}

/// The process-wide language of user-facing text (Spanish unless [`set`]).
pub fn current() -> Lang {
    match CURRENT.load(Ordering::Relaxed) {
        1 => Lang::En,
        _ => Lang::Es,
    }
}

/// Picks the Spanish or English text according to [`current`].
pub fn tr<'a>(es: &'a str, en: &'a str) -> &'a str {
    current().pick(es, en)
}
