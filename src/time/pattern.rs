//! A chrono `strftime` pattern compiled once: the items chrono would parse
//! from the pattern text on every value (`StrftimeItems` -> `Vec<Item>`),
//! and, for the usual all-numeric date-time patterns (`%d/%m/%Y %H:%M`,
//! `%Y-%m-%d %H:%M:%S`, `%Y/%m/%d`), a hand-written reader of ASCII text
//! that follows chrono's rules (a number takes 1 to 2 digits, 1 to 4 for
//! `%Y`; whitespace is skipped before a number and at a space in the
//! pattern; the text must end with the pattern). Whenever the fast reader
//! does not read a value exactly (any non-ASCII byte, a sign before the
//! year, a field out of range, a leap second, text left over), chrono
//! reads it with the compiled items: one answer either way (property
//! test `tests/it/ingest_fast.rs`).

use chrono::NaiveTime;
use chrono::format::{Item, Numeric, Parsed, StrftimeItems, parse};
use chrono_tz::Tz;

use crate::time::{Instant, InstantReader, days_from_civil, local_to_instant};

/// One compiled pattern.
#[derive(Clone, Debug)]
pub struct Pattern {
    /// chrono's items; `None` when the pattern itself is invalid (chrono
    /// then reads nothing with it).
    items: Option<Vec<Item<'static>>>,
    /// The pattern has an offset (`%z`, `%:z`).
    offset: bool,
    /// The pattern has an hour (`%H`): no date-only reading.
    hour: bool,
    /// The fast reader's steps, when the pattern allows one.
    fast: Option<Vec<Step>>,
}

/// A step of the fast reader.
#[derive(Clone, Debug)]
enum Step {
    /// Bytes that must follow.
    Lit(Box<[u8]>),
    /// Any whitespace, possibly none.
    Space,
    /// A number of 1 to `width` digits after optional whitespace.
    Num(Field, usize),
}

/// The fields the fast reader knows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Field {
    Year,
    Month,
    Day,
    Hour,
    Minute,
    Second,
}

impl Pattern {
    /// Compiles `p`.
    pub fn new(p: &str) -> Pattern {
        let offset = p.contains("%z") || p.contains("%:z");
        let hour = p.contains("%H");
        let items = StrftimeItems::new(p).parse_to_owned().ok();
        let fast = match &items {
            Some(items) if !offset => fast_steps(items, hour),
            _ => None,
        };
        Pattern {
            items,
            offset,
            hour,
            fast,
        }
    }

    /// Reads `s` (already trimmed) as chrono would with this pattern: an
    /// offset when the pattern has one, else naive local time read in
    /// `clock`'s zone; a date-only pattern gives midnight. No range check.
    pub fn read(&self, s: &str, clock: &mut InstantReader) -> Option<Instant> {
        if let Some(steps) = &self.fast
            && let Some((days, secs)) = read_fast(steps, s.as_bytes())
        {
            return clock.naive(days, secs);
        }
        self.read_chrono(s, clock.tz())
    }

    /// The slow reader: chrono with the compiled items (what
    /// `parse_from_str` does with the pattern text).
    fn read_chrono(&self, s: &str, tz: Tz) -> Option<Instant> {
        let items = self.items.as_ref()?;
        let mut parsed = Parsed::new();
        let ok = parse(&mut parsed, s, items.iter()).is_ok();
        if self.offset {
            return ok
                .then(|| parsed.to_datetime().ok().map(Instant::from))
                .flatten();
        }
        if !ok {
            return None;
        }
        if let Ok(n) = parsed.to_naive_datetime_with_offset(0) {
            return Some(local_to_instant(tz, n));
        }
        if !self.hour
            && let Ok(d) = parsed.to_naive_date()
        {
            return Some(local_to_instant(tz, d.and_time(NaiveTime::MIN)));
        }
        None
    }
}

/// The fast reader's steps for `items`, when every item is a literal, a
/// space or one of the six numeric fields, each at most once, making a
/// full date-time (year, month, day, hour, minute, optional second) or,
/// without `%H`, a date.
fn fast_steps(items: &[Item<'static>], hour: bool) -> Option<Vec<Step>> {
    let mut steps = Vec::new();
    let mut seen: Vec<Field> = Vec::new();
    for it in items {
        let step = match it {
            Item::Literal(l) => Step::Lit(l.as_bytes().into()),
            Item::OwnedLiteral(l) => Step::Lit(l.as_bytes().into()),
            Item::Space(_) | Item::OwnedSpace(_) => Step::Space,
            Item::Numeric(n, _) => {
                let (f, w) = match n {
                    Numeric::Year => (Field::Year, 4),
                    Numeric::Month => (Field::Month, 2),
                    Numeric::Day => (Field::Day, 2),
                    Numeric::Hour => (Field::Hour, 2),
                    Numeric::Minute => (Field::Minute, 2),
                    Numeric::Second => (Field::Second, 2),
                    _ => return None,
                };
                if seen.contains(&f) {
                    return None;
                }
                seen.push(f);
                Step::Num(f, w)
            }
            _ => return None,
        };
        if let Step::Lit(l) = &step
            && !l.is_ascii()
        {
            return None;
        }
        steps.push(step);
    }
    let has = |f| seen.contains(&f);
    let date = has(Field::Year) && has(Field::Month) && has(Field::Day);
    let time = has(Field::Hour) && has(Field::Minute);
    let date_only = !hour && seen.len() == 3;
    (date && (time || date_only)).then_some(steps)
}

/// Whitespace as chrono skips it (`char::is_whitespace`), in ASCII.
fn is_space(b: u8) -> bool {
    matches!(b, b'\t' | b'\n' | 0x0b | 0x0c | b'\r' | b' ')
}

/// Reads `b` with `steps`: (days since 1970-01-01, seconds of the day),
/// or `None` when chrono must decide.
fn read_fast(steps: &[Step], b: &[u8]) -> Option<(i64, i64)> {
    if !b.is_ascii() {
        return None;
    }
    let mut v = [0i64; 6];
    let mut i = 0;
    for step in steps {
        match step {
            Step::Lit(l) => {
                if !b[i..].starts_with(l) {
                    return None;
                }
                i += l.len();
            }
            Step::Space => {
                while i < b.len() && is_space(b[i]) {
                    i += 1;
                }
            }
            Step::Num(f, w) => {
                while i < b.len() && is_space(b[i]) {
                    i += 1;
                }
                let start = i;
                let mut n = 0i64;
                while i < b.len() && i - start < *w && b[i].is_ascii_digit() {
                    n = n * 10 + i64::from(b[i] - b'0');
                    i += 1;
                }
                if i == start {
                    return None;
                }
                v[*f as usize] = n;
            }
        }
    }
    if i != b.len() {
        return None;
    }
    let [y, mo, d, h, mi, s] = v;
    if !(1900..=2200).contains(&y) || !(1..=12).contains(&mo) || d < 1 {
        return None;
    }
    if d > super::days_in_month(y, mo) || h > 23 || mi > 59 || s > 59 {
        return None;
    }
    Some((days_from_civil(y, mo, d), h * 3600 + mi * 60 + s))
}

impl InstantReader {
    /// The instant of the naive local time `secs` into day `days` (since
    /// 1970-01-01) in this reader's zone, as [`local_to_instant`] reads
    /// it.
    pub fn naive(&mut self, days: i64, secs: i64) -> Option<Instant> {
        let naive = days * 86_400 + secs;
        let off = self.offset_on(days, naive).ok()?;
        Some(Instant::from_unix(naive - off))
    }
}
