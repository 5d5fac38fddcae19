//! Text encodings of exported files: UTF-8 (with or without BOM),
//! Windows-1252 (CSV saved by Excel or by tools running on Windows) and
//! UTF-16 (Excel's "Unicode text", tab separated).
//!
//! `auto` looks at the first bytes: a UTF-16 byte order mark (or text
//! whose every other byte is NUL) means UTF-16; a UTF-8 BOM or valid
//! UTF-8 means UTF-8; anything else Windows-1252. What was chosen is
//! reported in the summary. UTF-16 is turned into UTF-8 as it is read
//! ([`Utf16Reader`]), so the CSV reader only ever splits UTF-8 or
//! Windows-1252 bytes. Fields are decoded one by one, so a file detected as UTF-8 with
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
    /// UTF-16 little-endian: Excel's "Unicode text" (read through
    /// [`Utf16Reader`]).
    Utf16Le,
    /// UTF-16 big-endian (read through [`Utf16Reader`]).
    Utf16Be,
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
        if let Some(utf16) = utf16(head) {
            return utf16;
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

    /// True for UTF-16 (either byte order).
    pub fn is_utf16(self) -> bool {
        matches!(self, Encoding::Utf16Le | Encoding::Utf16Be)
    }

    /// Decodes one field; `None` when the bytes are not valid in this
    /// encoding (only possible for UTF-8). UTF-16 text has been turned
    /// into UTF-8 by [`Utf16Reader`] before it was split into fields,
    /// so its fields are decoded as UTF-8.
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
            Encoding::Utf16Le => "utf-16le",
            Encoding::Utf16Be => "utf-16be",
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
            "utf-16" | "utf16" | "utf-16le" | "utf16le" => {
                Ok(Encoding::Utf16Le)
            }
            "utf-16be" | "utf16be" => Ok(Encoding::Utf16Be),
            o => Err(format!(
                "unknown encoding {o:?}: use auto, utf-8, windows-1252 or utf-16"
            )),
        }
    }
}

/// UTF-16 recognised from the first bytes: a byte order mark, or (no
/// mark) text whose first pairs of bytes are nearly all a letter and a
/// NUL (`a\0b\0`: little-endian) or a NUL and a letter (big-endian).
fn utf16(head: &[u8]) -> Option<Encoding> {
    if head.starts_with(b"\xff\xfe") {
        return Some(Encoding::Utf16Le);
    }
    if head.starts_with(b"\xfe\xff") {
        return Some(Encoding::Utf16Be);
    }
    let pairs: Vec<&[u8]> = head.chunks_exact(2).take(512).collect();
    if pairs.len() < 2 {
        return None;
    }
    let share = |f: fn(&[u8]) -> bool| {
        pairs.iter().filter(|p| f(p)).count() * 10 >= pairs.len() * 9
    };
    if share(|p| p[0] != 0 && p[1] == 0) {
        Some(Encoding::Utf16Le)
    } else if share(|p| p[0] == 0 && p[1] != 0) {
        Some(Encoding::Utf16Be)
    } else {
        None
    }
}

/// Reads UTF-16 text (`inner`) as UTF-8, chunk by chunk: a byte order
/// mark is dropped, an unpaired surrogate becomes U+FFFD. Memory stays
/// at two buffers whatever the file's size.
pub struct Utf16Reader<R> {
    inner: R,
    decoder: encoding_rs::Decoder,
    input: Box<[u8]>,
    out: Vec<u8>,
    pos: usize,
    done: bool,
}

impl<R: std::io::Read> Utf16Reader<R> {
    /// Wraps `inner`, in UTF-16 of the byte order `encoding` says (any
    /// other encoding reads as little-endian).
    pub fn new(inner: R, encoding: Encoding) -> Utf16Reader<R> {
        let e = if encoding == Encoding::Utf16Be {
            encoding_rs::UTF_16BE
        } else {
            encoding_rs::UTF_16LE
        };
        Utf16Reader {
            inner,
            decoder: e.new_decoder_with_bom_removal(),
            input: vec![0; 1 << 16].into_boxed_slice(),
            out: Vec::new(),
            pos: 0,
            done: false,
        }
    }
}

impl<R: std::io::Read> std::io::Read for Utf16Reader<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        while self.pos == self.out.len() {
            if self.done {
                return Ok(0);
            }
            let n = loop {
                match self.inner.read(&mut self.input) {
                    Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
                    r => break r?,
                }
            };
            let last = n == 0;
            let room =
                self.decoder.max_utf8_buffer_length(n).unwrap_or(n * 3 + 16);
            self.out.clear();
            self.out.resize(room, 0);
            let (_, _, written, _) = self.decoder.decode_to_utf8(
                &self.input[..n],
                &mut self.out,
                last,
            );
            self.out.truncate(written);
            self.pos = 0;
            self.done = last;
        }
        let n = buf.len().min(self.out.len() - self.pos);
        buf[..n].copy_from_slice(&self.out[self.pos..self.pos + n]);
        self.pos += n;
        Ok(n)
    }
}

#[cfg(test)]
mod tests {
    use super::{Encoding, Utf16Reader};

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

    /// A reader that hands out one byte a call.
    struct OneByte<'a>(&'a [u8]);

    impl std::io::Read for OneByte<'_> {
        fn read(&mut self, out: &mut [u8]) -> std::io::Result<usize> {
            let n = self.0.len().min(1).min(out.len());
            out[..n].copy_from_slice(&self.0[..n]);
            self.0 = &self.0[n..];
            Ok(n)
        }
    }

    #[test]
    fn detects_and_reads_utf16() {
        use std::io::Read;
        // "Martínez\tñ\r\n" in UTF-16LE with its BOM, as Excel writes it.
        let text = "Martínez\tñ\r\n";
        let mut le = vec![0xff, 0xfe];
        let mut be = Vec::new();
        for u in text.encode_utf16() {
            le.extend_from_slice(&u.to_le_bytes());
            be.extend_from_slice(&u.to_be_bytes());
        }
        assert_eq!(Encoding::Auto.resolve(&le), Encoding::Utf16Le);
        // Without a mark: 9 of the 11 pairs are a letter and a NUL.
        assert_eq!(Encoding::Auto.resolve(&le[2..]), Encoding::Utf16Le);
        assert_eq!(Encoding::Auto.resolve(&be), Encoding::Utf16Be);
        // Plain ASCII is not UTF-16.
        assert_eq!(Encoding::Auto.resolve(b"id;name\n"), Encoding::Utf8);
        for (bytes, enc) in [(le, Encoding::Utf16Le), (be, Encoding::Utf16Be)]
        {
            // Fed one byte at a time: every character cut between reads.
            let mut r = Utf16Reader::new(OneByte(&bytes), enc);
            let mut out = Vec::new();
            let mut b = [0u8; 1];
            while r.read(&mut b).unwrap() == 1 {
                out.push(b[0]);
            }
            assert_eq!(String::from_utf8(out).unwrap(), text);
        }
    }
}
