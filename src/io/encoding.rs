//! Text encodings of exported files: UTF-8 (with or without BOM) and
//! Windows-1252 (CSV saved by Excel or by tools running on Windows).
//!
//! `auto` looks at the first bytes: a UTF-8 BOM or valid UTF-8 means
//! UTF-8, anything else Windows-1252. What was chosen is reported in the
//! summary. Fields are decoded one by one, so a file detected as UTF-8 with
//! an invalid byte further down rejects that row (naming the flag to set)
//! instead of guessing.
//!
//! # Example
//!
//! ```
//! use plazo::io::encoding::Encoding;
//! let enc = Encoding::Auto.resolve(b"caf\xe9;1\n");
//! assert_eq!(enc, Encoding::Windows1252);
//! assert_eq!(enc.decode(b"caf\xe9").unwrap(), "café");
//! assert_eq!(Encoding::Auto.resolve("café".as_bytes()), Encoding::Utf8);
//! ```

use std::borrow::Cow;

/// The encoding of an input file.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
#[non_exhaustive]
pub enum Encoding {
    /// Detect from the first bytes (the default).
    #[default]
    Auto,
    /// UTF-8, with or without a byte order mark.
    Utf8,
    /// Windows-1252 (a superset of Latin-1 for printable text).
    Windows1252,
}

/// The UTF-8 byte order mark.
pub const BOM: &[u8] = b"\xef\xbb\xbf";

impl Encoding {
    /// The concrete encoding for a file starting with `head` (`self` when
    /// it is not [`Encoding::Auto`]).
    pub fn resolve(self, head: &[u8]) -> Encoding {
        if self != Encoding::Auto {
            return self;
        }
        if head.starts_with(BOM) {
            return Encoding::Utf8;
        }
        match std::str::from_utf8(head) {
            Ok(_) => Encoding::Utf8,
            // A multi-byte sequence cut by the end of the sample is fine.
            Err(e) if e.error_len().is_none() => Encoding::Utf8,
            Err(_) => Encoding::Windows1252,
        }
    }

    /// Decodes one field; `None` when the bytes are not valid in this
    /// encoding (only possible for UTF-8).
    pub fn decode(self, bytes: &[u8]) -> Option<Cow<'_, str>> {
        match self {
            Encoding::Windows1252 => {
                let (s, _) = encoding_rs::WINDOWS_1252
                    .decode_without_bom_handling(bytes);
                Some(s)
            }
            _ => std::str::from_utf8(bytes).ok().map(Cow::Borrowed),
        }
    }

    /// The name used in flags and summaries.
    pub fn name(self) -> &'static str {
        match self {
            Encoding::Auto => "auto",
            Encoding::Utf8 => "utf-8",
            Encoding::Windows1252 => "windows-1252",
        }
    }
}

impl std::str::FromStr for Encoding {
    type Err = String;

    fn from_str(s: &str) -> Result<Encoding, String> {
        match s.trim().to_ascii_lowercase().as_str() {
            "auto" => Ok(Encoding::Auto),
            "utf-8" | "utf8" => Ok(Encoding::Utf8),
            "windows-1252" | "cp1252" | "latin1" | "latin-1" => {
                Ok(Encoding::Windows1252)
            }
            o => Err(format!(
                "unknown encoding {o:?}: use auto, utf-8 or windows-1252"
            )),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::Encoding;

    #[test]
    fn detects_and_decodes() {
        assert_eq!(Encoding::Auto.resolve(b"\xef\xbb\xbfa;b"), Encoding::Utf8);
        // "ñ" cut in half at the end of the sample is still UTF-8.
        assert_eq!(Encoding::Auto.resolve(b"a\xc3"), Encoding::Utf8);
        assert_eq!(Encoding::Auto.resolve(b"a\xf1o"), Encoding::Windows1252);
        // 0x80 is the euro sign in Windows-1252.
        assert_eq!(Encoding::Windows1252.decode(b"\x80").unwrap(), "€");
        assert!(Encoding::Utf8.decode(b"\xf1").is_none());
    }
}
