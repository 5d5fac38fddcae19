//! plazo's one error type.
//!
//! Every error carries its message in Spanish and in English
//! ([`Error::message`] renders it in the language given; `Display`, in
//! Spanish, the users' language) and a [`ErrorKind`] that
//! decides the exit code: input and usage problems exit with 2, every
//! other failure with 1. Messages are lowercase, without a final period,
//! quote the offending value, name the file, line or key, and end with
//! the fix on its own clause.
//!
//! # Example
//!
//! ```
//! use plazo::{Error, text::lang::Lang};
//!
//! let err = Error::input(
//!     "zona horaria desconocida \"America/Bogot\"",
//!     "unknown time zone \"America/Bogot\"",
//! );
//! assert!(err.is_input());
//! assert_eq!(err.exit_code(), 2);
//! assert_eq!(err.message(Lang::En), "unknown time zone \"America/Bogot\"");
//! assert_eq!(err.to_string(), "zona horaria desconocida \"America/Bogot\"");
//! ```

use std::fmt;

use crate::text::{Msg, lang, msg};

/// What went wrong, broadly: decides the exit code.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum ErrorKind {
    /// Bad input: a policy, calendar, CSV value or argument the user can
    /// fix. Exit code 2.
    Input,
    /// Reading or writing a file failed. Exit code 1.
    Io,
    /// Anything else. Exit code 1.
    Failure,
}

/// An error with a Spanish and an English message.
#[derive(Clone)]
pub struct Error {
    inner: Box<Inner>,
}

#[derive(Clone)]
struct Inner {
    kind: ErrorKind,
    es: String,
    en: String,
}

impl Error {
    /// A new error of `kind` with its Spanish and English messages.
    pub fn new(
        kind: ErrorKind,
        es: impl Into<String>,
        en: impl Into<String>,
    ) -> Error {
        Error {
            inner: Box::new(Inner {
                kind,
                es: es.into(),
                en: en.into(),
            }),
        }
    }

    /// Bad input the user can fix (exit code 2).
    pub fn input(es: impl Into<String>, en: impl Into<String>) -> Error {
        Error::new(ErrorKind::Input, es, en)
    }

    /// A failure that is not the input's fault (exit code 1).
    pub fn failure(es: impl Into<String>, en: impl Into<String>) -> Error {
        Error::new(ErrorKind::Failure, es, en)
    }

    /// An error of `kind` from a catalogue message, its placeholders
    /// filled with `args` in both languages.
    pub fn from_msg(
        kind: ErrorKind,
        m: Msg,
        args: &[(&str, &dyn fmt::Display)],
    ) -> Error {
        Error::new(
            kind,
            m.fill(lang::Lang::Es, args),
            m.fill(lang::Lang::En, args),
        )
    }

    /// An error of `kind` from a text composed in both languages.
    pub fn from_text(kind: ErrorKind, t: crate::text::Text) -> Error {
        Error::new(kind, t.es, t.en)
    }

    /// Bad input (exit code 2) from a catalogue message.
    pub fn input_msg(m: Msg, args: &[(&str, &dyn fmt::Display)]) -> Error {
        Error::from_msg(ErrorKind::Input, m, args)
    }

    /// A failure (exit code 1) from a catalogue message.
    pub fn failure_msg(m: Msg, args: &[(&str, &dyn fmt::Display)]) -> Error {
        Error::from_msg(ErrorKind::Failure, m, args)
    }

    /// An I/O error on `path` (exit code 1; 2 when the file is missing,
    /// since a wrong path is a usage error). The operating system's own
    /// text (English whatever the language) is kept in parentheses
    /// inside a sentence that says what to do.
    ///
    /// ```
    /// use plazo::Error;
    /// let os = std::io::Error::from(std::io::ErrorKind::NotFound);
    /// let e = Error::io("datos/tickets.csv".as_ref(), &os);
    /// assert_eq!(e.exit_code(), 2);
    /// assert!(e.message(plazo::text::lang::Lang::Es).starts_with(
    ///     "no existe el archivo o la carpeta datos/tickets.csv: revise la ruta"
    /// ));
    /// ```
    pub fn io(path: &std::path::Path, err: &std::io::Error) -> Error {
        use std::io::ErrorKind as K;
        let (kind, m) = match err.kind() {
            K::NotFound => (ErrorKind::Input, msg::errors::IO_NOT_FOUND),
            K::PermissionDenied => (ErrorKind::Io, msg::errors::IO_DENIED),
            K::StorageFull => (ErrorKind::Io, msg::errors::IO_FULL),
            K::ReadOnlyFilesystem => {
                (ErrorKind::Io, msg::errors::IO_READ_ONLY)
            }
            K::IsADirectory => (ErrorKind::Input, msg::errors::IO_IS_DIR),
            K::FileTooLarge => (ErrorKind::Io, msg::errors::IO_TOO_LARGE),
            K::NotADirectory => (ErrorKind::Io, msg::errors::IO_NOT_A_DIR),
            _ => (ErrorKind::Io, msg::errors::IO_OTHER),
        };
        Error::from_msg(kind, m, &[("path", &path.display()), ("os", err)])
    }

    /// A TOML file (policy, holiday rules, mapping) the TOML reader
    /// refused: bad syntax, a missing or unknown key, a value of the
    /// wrong type. The reader's own text (English, with the line and
    /// column) stays inside a sentence that names `file` and says what to
    /// do. Exit code 2.
    ///
    /// ```
    /// use plazo::{Error, text::lang::Lang};
    /// let bad = toml::from_str::<toml::Table>("a = ").unwrap_err();
    /// let e = Error::toml("policy.toml", &bad);
    /// assert_eq!(e.exit_code(), 2);
    /// let es = e.message(Lang::Es);
    /// assert!(es.starts_with("policy.toml: el lector de TOML no aceptó"));
    /// assert!(es.contains("line 1, column 5"), "{es}");
    /// ```
    pub fn toml(file: &str, err: &toml::de::Error) -> Error {
        let detail = err.to_string();
        Error::input_msg(
            msg::errors::TOML_SYNTAX,
            &[("file", &file), ("detail", &detail.trim_end())],
        )
    }

    /// Prefixes both messages with a context (a file, a key, a line).
    pub fn context(mut self, es: &str, en: &str) -> Error {
        self.inner.es = format!("{es}: {}", self.inner.es);
        self.inner.en = format!("{en}: {}", self.inner.en);
        self
    }

    /// Prefixes both messages with a catalogue message (a place, a step).
    pub fn context_msg(
        self,
        m: Msg,
        args: &[(&str, &dyn fmt::Display)],
    ) -> Error {
        self.context(
            &m.fill(lang::Lang::Es, args),
            &m.fill(lang::Lang::En, args),
        )
    }

    /// Prefixes both messages with the same context (a file name, a key).
    pub fn at(self, place: &str) -> Error {
        self.context(place, place)
    }

    /// What went wrong, broadly.
    pub fn kind(&self) -> ErrorKind {
        self.inner.kind
    }

    /// True for bad input or usage (exit code 2).
    pub fn is_input(&self) -> bool {
        self.inner.kind == ErrorKind::Input
    }

    /// The process exit code for this error: 2 for input, 1 otherwise.
    pub fn exit_code(&self) -> u8 {
        match self.inner.kind {
            ErrorKind::Input => 2,
            _ => 1,
        }
    }

    /// The message in `lang`.
    pub fn message(&self, lang: lang::Lang) -> &str {
        lang.pick(&self.inner.es, &self.inner.en)
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.message(lang::Lang::Es))
    }
}

impl fmt::Debug for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Error({:?}, {:?})", self.inner.kind, self.inner.en)
    }
}

impl std::error::Error for Error {}

/// A `Result` whose error is [`Error`].
pub type Result<T, E = Error> = std::result::Result<T, E>;
