//! Shards: which share of the tickets one `plazo sla --shard K/N` run
//! evaluates (docs/CONTRACT.md §5.11).
//!
//! A ticket belongs to shard `fnv1a64(id) mod N`, where `id` is its
//! `ticket_id` trimmed, as UTF-8 bytes, and FNV-1a 64 is the standard
//! function (offset basis `0xcbf29ce484222325`, prime `0x100000001b3`,
//! wrapping multiplication). Shards are numbered from 0, as an engine
//! numbers its partitions. The function depends on nothing else (not the
//! platform, the version, the thread count or the file order), so that
//! an engine can partition the events with the same rule.

use crate::error::{Error, Result};
use crate::text::msg::model as msg;

/// One share of the tickets: shard `index` of `count`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Shard {
    /// 0-based: `0..count`.
    pub index: u64,
    /// How many shards the tickets are split into (at least 1).
    pub count: u64,
}

/// FNV-1a 64 of `bytes`.
///
/// ```
/// use plazo::model::shard::fnv1a64;
/// assert_eq!(fnv1a64(b""), 0xcbf29ce484222325);
/// assert_eq!(fnv1a64(b"a"), 0xaf63dc4c8601ec8c);
/// ```
pub fn fnv1a64(bytes: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in bytes {
        h ^= u64::from(*b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h
}

impl Shard {
    /// Reads `K/N` (`flag` names the option in the error): `N` at least
    /// 1, `K` in `0..N`.
    ///
    /// # Errors
    ///
    /// An input error (exit 2) naming the flag and the value.
    pub fn parse(text: &str, flag: &str) -> Result<Shard> {
        let parsed = text.trim().split_once('/').and_then(|(k, n)| {
            Some((
                k.trim().parse::<u64>().ok()?,
                n.trim().parse::<u64>().ok()?,
            ))
        });
        match parsed {
            Some((index, count)) if count >= 1 && index < count => {
                Ok(Shard { index, count })
            }
            _ => Err(Error::input_msg(
                msg::BAD_SHARD,
                &[("flag", &flag), ("value", &format!("{text:?}"))],
            )),
        }
    }

    /// The shard (`0..count`) of the ticket `id` (trimmed first).
    pub fn of(id: &str, count: u64) -> u64 {
        fnv1a64(id.trim().as_bytes()) % count.max(1)
    }

    /// True when the ticket `id` belongs to this shard.
    pub fn keeps(&self, id: &str) -> bool {
        Shard::of(id, self.count) == self.index
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parse_accepts_0_based_and_rejects_the_rest() {
        assert_eq!(
            Shard::parse("2/7", "--shard").unwrap(),
            Shard { index: 2, count: 7 }
        );
        for bad in ["7/7", "1/0", "x/2", "3", "-1/2", ""] {
            assert!(Shard::parse(bad, "--shard").is_err(), "{bad}");
        }
    }
}
