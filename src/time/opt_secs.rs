//! [`OptSecs`]: an optional count of seconds (a Unix instant or a
//! duration) in 8 bytes, for the tables held one row per ticket.
//!
//! `Option<i64>` takes 16 bytes: `i64` has no spare bit pattern for
//! `None`, so the tag takes a word of its own. A ticket's row
//! ([`crate::engine::SlaRow`]) has 15 such fields; at ten million
//! tickets their tags alone are 1.2 GB (docs/SCALING.md). `OptSecs`
//! spends `i64::MIN` on `None` instead, a value no instant or duration
//! reaches: it is 292 billion years before 1970, and every instant is
//! read through chrono's dates, which end at year −262,144.

use std::fmt;

/// An optional number of seconds stored in 8 bytes: `i64::MIN` is
/// `None`. Read it with [`OptSecs::get`]; make one from an
/// `Option<i64>` with `From`. Ordered as `Option<i64>` is: `None`
/// first, then the values in order.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct OptSecs(i64);

impl OptSecs {
    /// No value.
    pub const NONE: OptSecs = OptSecs(i64::MIN);

    /// `Some(s)`. `s` must not be `i64::MIN`, which stands for `None`
    /// (it is taken as `i64::MIN + 1`, one second later, in release
    /// builds; a debug build panics).
    pub const fn some(s: i64) -> OptSecs {
        debug_assert!(s != i64::MIN, "OptSecs cannot hold i64::MIN");
        if s == i64::MIN {
            OptSecs(i64::MIN + 1)
        } else {
            OptSecs(s)
        }
    }

    /// The value, as an `Option`.
    #[inline]
    pub const fn get(self) -> Option<i64> {
        if self.0 == i64::MIN {
            None
        } else {
            Some(self.0)
        }
    }

    /// Whether there is a value.
    #[inline]
    pub const fn is_some(self) -> bool {
        self.0 != i64::MIN
    }

    /// Whether there is none.
    #[inline]
    pub const fn is_none(self) -> bool {
        self.0 == i64::MIN
    }
}

impl Default for OptSecs {
    /// [`OptSecs::NONE`], as `Option`'s default is `None`.
    fn default() -> OptSecs {
        OptSecs::NONE
    }
}

impl From<Option<i64>> for OptSecs {
    fn from(o: Option<i64>) -> OptSecs {
        o.map_or(OptSecs::NONE, OptSecs::some)
    }
}

impl From<OptSecs> for Option<i64> {
    fn from(o: OptSecs) -> Option<i64> {
        o.get()
    }
}

impl PartialEq<Option<i64>> for OptSecs {
    fn eq(&self, other: &Option<i64>) -> bool {
        self.get() == *other
    }
}

impl fmt::Debug for OptSecs {
    /// As the `Option<i64>` it stands for: `Some(3600)`, `None`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.get().fmt(f)
    }
}

const _: () = assert!(std::mem::size_of::<OptSecs>() == 8);

#[cfg(test)]
mod tests {
    use super::OptSecs;

    #[test]
    fn it_round_trips_every_option_but_the_sentinel() {
        for v in [None, Some(0), Some(-1), Some(1), Some(i64::MAX)] {
            let o = OptSecs::from(v);
            assert_eq!(o.get(), v);
            assert_eq!(o.is_some(), v.is_some());
            assert_eq!(o.is_none(), v.is_none());
            assert_eq!(o, v);
        }
        assert_eq!(
            OptSecs::from(Some(i64::MIN + 1)).get(),
            Some(i64::MIN + 1)
        );
        assert_eq!(OptSecs::default().get(), None);
    }

    #[test]
    fn it_orders_as_the_option_it_stands_for() {
        let vs = [
            None,
            Some(i64::MIN + 1),
            Some(-5),
            Some(0),
            Some(7),
            Some(i64::MAX),
        ];
        for a in vs {
            for b in vs {
                let (x, y) = (OptSecs::from(a), OptSecs::from(b));
                assert_eq!(x.cmp(&y), a.cmp(&b), "{a:?} against {b:?}");
            }
        }
    }

    #[test]
    fn it_prints_as_the_option_it_stands_for() {
        assert_eq!(format!("{:?}", OptSecs::some(90)), "Some(90)");
        assert_eq!(format!("{:?}", OptSecs::NONE), "None");
    }

    #[test]
    #[should_panic(expected = "cannot hold i64::MIN")]
    #[cfg(debug_assertions)]
    fn the_sentinel_is_refused_in_debug_builds() {
        let _ = OptSecs::some(i64::MIN);
    }
}
