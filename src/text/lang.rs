//! The language of user-facing text.
//!
//! What users read (CLI messages, errors, workbook labels) is Spanish by
//! default, English on request (`--lang en` or `PLAZO_LANG=en`). Code,
//! identifiers and docs are English.
//!
//! The language is passed, never global: the binary reads `--lang` and
//! hands it down; the library takes a [`Lang`] wherever it words text
//! (and [`crate::Error`] carries both languages).
//!
//! # Example
//!
//! ```
//! use plazo::text::lang::Lang;
//!
//! assert_eq!("en".parse::<Lang>().unwrap(), Lang::En);
//! assert_eq!(Lang::Es.pick("día", "day"), "día");
//! ```

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
