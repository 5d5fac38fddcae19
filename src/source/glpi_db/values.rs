//! Cells as the server sends them (binary protocol) turned into what a
//! dump of the table holds: instants for date-time columns, text for the
//! rest; and the hash of the cells as read.

use chrono::{NaiveDate, NaiveDateTime};
use chrono_tz::Tz;
use mysql::Value;
use sha2::{Digest, Sha256};

use crate::time::{Instant, local_to_instant};

/// A date-time query parameter.
pub(super) fn date_value(n: NaiveDateTime) -> Value {
    use chrono::{Datelike, Timelike};
    Value::Date(
        n.year() as u16,
        n.month() as u8,
        n.day() as u8,
        n.hour() as u8,
        n.minute() as u8,
        n.second() as u8,
        n.nanosecond() / 1000,
    )
}

/// How a column's values are kept.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Kind {
    /// `TIMESTAMP`, read in a UTC session: an instant.
    Utc,
    /// `DATETIME`: GLPI's local wall-clock time, read in the policy's zone.
    Local,
    /// Everything else, as text.
    Text,
}

impl Kind {
    pub(super) fn of(data_type: &str, typed: bool) -> Kind {
        match data_type {
            "timestamp" if typed => Kind::Utc,
            "datetime" if typed => Kind::Local,
            _ => Kind::Text,
        }
    }

    pub(super) fn is_instant(self) -> bool {
        self != Kind::Text
    }
}

/// A date-time value as an instant: `Ok(None)` for NULL and the zero
/// date, `None` (an error) for anything else that is not a date.
pub(super) fn instant(
    v: &Value,
    kind: Kind,
    tz: Tz,
) -> Option<Option<Instant>> {
    let naive = match v {
        Value::NULL => return Some(None),
        Value::Date(0, 0, 0, ..) => return Some(None),
        Value::Date(y, mo, d, h, mi, s, us) => NaiveDate::from_ymd_opt(
            i32::from(*y),
            u32::from(*mo),
            u32::from(*d),
        )?
        .and_hms_micro_opt(
            u32::from(*h),
            u32::from(*mi),
            u32::from(*s),
            *us,
        )?,
        Value::Bytes(b) => {
            let s = std::str::from_utf8(b).ok()?;
            if s.starts_with("0000-00-00") {
                return Some(None);
            }
            NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M:%S%.f").ok()?
        }
        _ => return None,
    };
    Some(Some(match kind {
        Kind::Utc => Instant::from(naive.and_utc()),
        _ => local_to_instant(tz, naive),
    }))
}

/// A value as the text a dump of the table holds.
pub(super) fn text(v: Value) -> Option<String> {
    match v {
        Value::NULL => None,
        Value::Bytes(b) => {
            let s = match String::from_utf8(b) {
                Ok(s) => s,
                Err(e) => String::from_utf8_lossy(e.as_bytes()).into_owned(),
            };
            let t = s.trim();
            if t.is_empty() {
                None
            } else if t.len() == s.len() {
                Some(s)
            } else {
                Some(t.to_string())
            }
        }
        Value::Int(i) => Some(i.to_string()),
        Value::UInt(u) => Some(u.to_string()),
        Value::Float(f) => Some(f.to_string()),
        Value::Double(d) => Some(d.to_string()),
        Value::Date(y, mo, d, h, mi, s, _) => {
            Some(if (h, mi, s) == (0, 0, 0) {
                format!("{y:04}-{mo:02}-{d:02}")
            } else {
                format!("{y:04}-{mo:02}-{d:02} {h:02}:{mi:02}:{s:02}")
            })
        }
        Value::Time(neg, days, h, mi, s, _) => {
            let h = u32::from(h) + days * 24;
            Some(format!(
                "{}{h:02}:{mi:02}:{s:02}",
                if neg { "-" } else { "" }
            ))
        }
    }
}

/// Feeds a cell to the table's hash: its bytes (numbers and dates in a
/// fixed binary form), then a unit separator.
pub(super) fn hash_cell(h: &mut Sha256, v: &Value) {
    match v {
        Value::NULL => h.update([0]),
        Value::Bytes(b) => h.update(b),
        Value::Int(i) => h.update(i.to_le_bytes()),
        Value::UInt(u) => h.update(u.to_le_bytes()),
        Value::Float(f) => h.update(f.to_le_bytes()),
        Value::Double(d) => h.update(d.to_le_bytes()),
        Value::Date(y, mo, d, hh, mi, s, us) => {
            h.update(y.to_le_bytes());
            h.update([*mo, *d, *hh, *mi, *s]);
            h.update(us.to_le_bytes());
        }
        Value::Time(neg, days, hh, mi, s, us) => {
            h.update([u8::from(*neg)]);
            h.update(days.to_le_bytes());
            h.update([*hh, *mi, *s]);
            h.update(us.to_le_bytes());
        }
    }
    h.update([0x1f]);
}
