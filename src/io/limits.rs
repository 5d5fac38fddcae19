//! Limits on what one row of a table may hold, checked while the bytes
//! stream in, before the CSV reader stores them: a row longer than
//! [`Limits::row_bytes`] (16 MiB) or with more than
//! [`Limits::columns`] fields (16 384, Excel's widest sheet) stops the
//! read with an error naming the line and the column, so that a quote
//! left open (the rest of the file read as one cell) or a file that is
//! not a table never fills the memory.
//!
//! [`Guard`] also makes line numbers exact after an old-Mac line ending:
//! a lone CR outside quotes (not followed by LF) is read as LF, which the
//! CSV reader counts as a new line (it ends a row at a lone CR but does
//! not count the line). A CR inside a quoted cell is kept.
//!
//! ```
//! use std::io::Read;
//! use plazo::io::limits::{Guard, Limits};
//! let text = &b"a,b\r1,\"x\ry\"\n"[..];
//! let mut out = String::new();
//! Guard::new(text, b',', Limits::DEFAULT).read_to_string(&mut out)?;
//! assert_eq!(out, "a,b\n1,\"x\ry\"\n");
//! # Ok::<(), std::io::Error>(())
//! ```

use std::io::Read;

/// How much one row may hold.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Limits {
    /// Bytes in one row, separators and quotes included.
    pub row_bytes: usize,
    /// Fields in one row.
    pub columns: usize,
}

impl Limits {
    /// 16 MiB a row (GLPI's longest text column is MySQL `LONGTEXT`,
    /// but what users paste stays far below) and 16 384 fields (the
    /// widest sheet Excel opens).
    pub const DEFAULT: Limits = Limits {
        row_bytes: 16 << 20,
        columns: 16_384,
    };
}

/// Which limit a row broke, where: carried inside the `io::Error` the
/// [`Guard`] returns, for the reader to word.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Overflow {
    /// The line where the row starts (header = 1).
    pub line: u64,
    /// The field (1-based) being read when the limit was passed.
    pub column: usize,
    /// True for the column limit, false for the size limit.
    pub columns: bool,
    /// The limit passed.
    pub limits: Limits,
}

impl std::fmt::Display for Overflow {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "line {}: row over the limit", self.line)
    }
}

impl std::error::Error for Overflow {}

impl Overflow {
    /// The overflow inside `e`, if it is one.
    pub fn of(e: &std::io::Error) -> Option<Overflow> {
        e.get_ref()?.downcast_ref::<Overflow>().copied()
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum State {
    FieldStart,
    Unquoted,
    Quoted,
    /// A quote inside a quoted field: closes it, or starts `""`.
    QuoteInQuoted,
}

/// Streams `inner` through unchanged (but for a lone CR, read as LF),
/// following the CSV quoting of separator `sep` to know where each row
/// starts, and fails with an [`Overflow`] when a row passes its limits.
pub struct Guard<R> {
    inner: R,
    sep: u8,
    limits: Limits,
    state: State,
    /// Lines seen so far (LF and lone CR outside quotes, LF inside).
    line: u64,
    /// The line the current row starts on.
    row_line: u64,
    row_bytes: usize,
    column: usize,
    /// A byte read ahead to tell CR LF from a lone CR.
    carry: Option<u8>,
    /// The bytes that may end a field or a row outside quotes: the
    /// separator, `"`, CR, LF.
    special: [bool; 256],
    failed: Option<Overflow>,
}

impl<R: Read> Guard<R> {
    /// Wraps `inner`, a table separated by `sep`.
    pub fn new(inner: R, sep: u8, limits: Limits) -> Guard<R> {
        let mut special = [false; 256];
        for b in [sep, b'"', b'\r', b'\n'] {
            special[usize::from(b)] = true;
        }
        Guard {
            special,
            inner,
            sep,
            limits,
            state: State::FieldStart,
            line: 1,
            row_line: 1,
            row_bytes: 0,
            column: 1,
            carry: None,
            failed: None,
        }
    }

    fn read_inner(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        loop {
            match self.inner.read(buf) {
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
                r => return r,
            }
        }
    }

    fn end_row(&mut self) {
        self.line += 1;
        self.row_line = self.line;
        self.row_bytes = 0;
        self.column = 1;
        self.state = State::FieldStart;
    }

    /// Follows byte `b`, whose next byte is `next` (`None` at the end of
    /// what is known); returns it, or LF for a lone CR outside quotes.
    fn step(&mut self, b: u8, next: Option<u8>) -> u8 {
        use State::*;
        let quoted = self.state == Quoted;
        if b == b'\n' {
            if quoted {
                self.line += 1;
            } else {
                self.end_row();
            }
            return b;
        }
        if b == b'\r' && !quoted {
            if next == Some(b'\n') {
                return b; // CR LF: the row ends at the LF
            }
            self.end_row();
            return b'\n';
        }
        self.state = match (self.state, b) {
            (FieldStart, b'"') => Quoted,
            (Quoted, b'"') => QuoteInQuoted,
            (Quoted, _) => Quoted,
            (QuoteInQuoted, b'"') => Quoted,
            (FieldStart | Unquoted | QuoteInQuoted, c) if c == self.sep => {
                self.column += 1;
                FieldStart
            }
            _ => Unquoted,
        };
        b
    }

    /// Outside quotes, follows the separators and plain bytes of `rest`
    /// up to its first quote, CR or LF at once (a vectorised count
    /// instead of a step per separator); returns how many bytes it
    /// followed, or `None` (nothing followed) when there are none or
    /// when they would pass a limit, for [`Guard::step`] to find exactly
    /// where.
    fn plain_run(&mut self, rest: &[u8]) -> Option<usize> {
        let end =
            memchr::memchr3(b'"', b'\r', b'\n', rest).unwrap_or(rest.len());
        let run = &rest[..end];
        let last = *run.last()?;
        let seps = run.iter().filter(|&&b| b == self.sep).count();
        if self.row_bytes + end > self.limits.row_bytes
            || self.column + seps > self.limits.columns
        {
            return None;
        }
        self.row_bytes += end;
        self.column += seps;
        self.state = if last == self.sep {
            State::FieldStart
        } else {
            State::Unquoted
        };
        Some(end)
    }

    fn check(&mut self) -> std::io::Result<()> {
        let columns = self.column > self.limits.columns;
        if columns || self.row_bytes > self.limits.row_bytes {
            let o = Overflow {
                line: self.row_line,
                column: self.column,
                columns,
                limits: self.limits,
            };
            self.failed = Some(o);
            return Err(std::io::Error::other(o));
        }
        Ok(())
    }
}

impl<R: Read> Read for Guard<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        if let Some(o) = self.failed {
            return Err(std::io::Error::other(o));
        }
        if buf.is_empty() {
            return Ok(0);
        }
        let mut n = 0;
        if let Some(c) = self.carry.take() {
            buf[0] = c;
            n = 1;
        }
        if n < buf.len() {
            n += self.read_inner(&mut buf[n..])?;
        }
        if n == 0 {
            return Ok(0);
        }
        let mut i = 0;
        while i < n {
            // Bytes that change nothing (text inside a field) at once.
            let start = i;
            if matches!(self.state, State::FieldStart | State::Unquoted)
                && let Some(end) = self.plain_run(&buf[i..n])
            {
                // Separators and plain bytes up to the next quote or line
                // end, counted at once.
                i += end;
                continue;
            }
            if self.state == State::Quoted {
                let rest = &buf[i..n];
                i += memchr::memchr2(b'"', b'\n', rest).unwrap_or(rest.len());
            } else {
                let special = &self.special;
                i += buf[i..n]
                    .iter()
                    .position(|&b| special[usize::from(b)])
                    .unwrap_or(n - i);
                if i > start {
                    self.state = State::Unquoted;
                }
            }
            if i > start {
                self.row_bytes += i - start;
                if self.row_bytes > self.limits.row_bytes
                    && let Err(e) = self.check()
                {
                    // Hand out the rows before this one first: the error
                    // comes with the next read.
                    return if start > 0 { Ok(start) } else { Err(e) };
                }
                continue;
            }
            let next = if buf[i] != b'\r' {
                None
            } else if i + 1 < n {
                Some(buf[i + 1])
            } else if self.state != State::Quoted {
                // Read one byte ahead to tell CR LF from a lone CR.
                let mut one = [0u8; 1];
                let got = self.read_inner(&mut one)? == 1;
                self.carry = got.then_some(one[0]);
                self.carry
            } else {
                None
            };
            self.row_bytes += 1;
            buf[i] = self.step(buf[i], next);
            if (self.row_bytes > self.limits.row_bytes
                || self.column > self.limits.columns)
                && let Err(e) = self.check()
            {
                return if i > 0 { Ok(i) } else { Err(e) };
            }
            i += 1;
        }
        Ok(n)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn through(text: &[u8], limits: Limits) -> std::io::Result<Vec<u8>> {
        let mut out = Vec::new();
        Guard::new(text, b';', limits).read_to_end(&mut out)?;
        Ok(out)
    }

    #[test]
    fn lone_cr_outside_quotes_becomes_lf() {
        let out = through(b"a;b\r1;\"x\ry\"\r\n2;z\r", Limits::DEFAULT);
        assert_eq!(out.unwrap(), b"a;b\n1;\"x\ry\"\r\n2;z\n");
    }

    #[test]
    fn a_long_row_or_a_wide_one_stops_the_read() {
        let small = Limits {
            row_bytes: 10,
            columns: 3,
        };
        // Line 2 has a quote left open: the row runs on to the end.
        let e = through(b"a;b\n1;\"open\n2;x\n3;y\n", small).unwrap_err();
        let o = Overflow::of(&e).unwrap();
        assert_eq!((o.line, o.column, o.columns), (2, 2, false));
        // A quoted field with "" and a newline is one cell: no overflow.
        assert!(through(b"a;b\n1;\"x\"\"\ny\"\n", small).is_ok());
        let e = through(b"a;b\n1;2;3;4\n", small).unwrap_err();
        let o = Overflow::of(&e).unwrap();
        assert_eq!((o.line, o.column, o.columns), (2, 4, true));
    }

    /// The output, or the overflow, of `text` read through a guard in
    /// chunks of at most `k` bytes.
    fn chunked(text: &[u8], k: usize, l: Limits) -> Result<Vec<u8>, Overflow> {
        let mut out = Vec::new();
        Guard::new(Chunks(text, k), b';', l)
            .read_to_end(&mut out)
            .map(|_| out)
            .map_err(|e| Overflow::of(&e).unwrap())
    }

    proptest::proptest! {
        /// Runs of plain bytes and separators followed at once (whole
        /// reads) give the same output and the same overflow (line,
        /// column, which limit) as one byte a read, where each byte is
        /// followed alone, whatever the limits.
        #[test]
        fn runs_at_once_are_byte_by_byte(
            text in proptest::collection::vec(
                proptest::sample::select(vec![b'a', b';', b'"', b'\r', b'\n']),
                0..60,
            ),
            row_bytes in 1usize..24,
            columns in 1usize..7,
        ) {
            let l = Limits { row_bytes, columns };
            proptest::prop_assert_eq!(
                chunked(&text, 1 << 16, l),
                chunked(&text, 1, l)
            );
        }
    }

    /// A reader that hands out at most `k` bytes a call.
    struct Chunks<'a>(&'a [u8], usize);

    impl Read for Chunks<'_> {
        fn read(&mut self, out: &mut [u8]) -> std::io::Result<usize> {
            let n = self.0.len().min(self.1).min(out.len());
            out[..n].copy_from_slice(&self.0[..n]);
            self.0 = &self.0[n..];
            Ok(n)
        }
    }

    fn records(text: &[u8]) -> Vec<Vec<Vec<u8>>> {
        let mut r = csv::ReaderBuilder::new()
            .delimiter(b';')
            .has_headers(false)
            .flexible(true)
            .from_reader(text);
        r.byte_records()
            .map(|r| r.unwrap().iter().map(<[u8]>::to_vec).collect())
            .collect()
    }

    #[test]
    fn the_csv_reader_sees_the_same_rows_whatever_the_chunks() {
        // Every text of up to 5 bytes over {a ; " CR LF}, fed in chunks
        // of 1 to 3 bytes (a CR at a chunk's end): the CSV reader gets
        // the same rows as from the text itself (a lone CR outside quotes
        // ends a row either way), and the same output for every chunk size.
        let alphabet = [b'a', b';', b'"', b'\r', b'\n'];
        let mut count = 0;
        for len in 0..=5u32 {
            for code in 0..5usize.pow(len) {
                let text: Vec<u8> = (0..len)
                    .map(|k| alphabet[code / 5usize.pow(k) % 5])
                    .collect();
                let want = records(&text);
                let mut first: Option<Vec<u8>> = None;
                for k in 1..=3 {
                    let mut out = Vec::new();
                    Guard::new(Chunks(&text, k), b';', Limits::DEFAULT)
                        .read_to_end(&mut out)
                        .unwrap();
                    assert_eq!(records(&out), want, "{text:?} k={k}");
                    let f = first.get_or_insert_with(|| out.clone());
                    assert_eq!(*f, out, "{text:?} k={k}");
                }
                count += 1;
            }
        }
        assert_eq!(count, (5usize.pow(6) - 1) / 4);
    }
}
