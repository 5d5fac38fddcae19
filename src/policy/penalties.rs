//! `[contract]` and `[[penalties]]` (docs/CONTRACT.md §5.8): the
//! contract's monthly fee and the discounts its indicators carry, per
//! band of results: a percentage of the monthly fee, or an amount per
//! breached ticket.
//!
//! Money is kept in integer cents ([`Money`]): no float enters a sum.
//! A band is `from` (included) to `to` (excluded); `below = x` is
//! `to = x`. Two bands of the same indicator and kind may not overlap,
//! so each result falls in one band at most.

use serde::Deserialize;

use crate::error::{Error, Result};
use crate::text::lang::Lang;
use crate::text::msg::penalties as msg;

/// An amount of money in cents (hundredths of the currency unit).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord)]
pub struct Money(pub i64);

impl Money {
    /// Reads a TOML amount: an integer, or a number or text with up to
    /// two decimals (`4500000`, `4500000.5`, `"4500000.50"`), positive.
    ///
    /// # Errors
    ///
    /// Anything else, naming `key`.
    pub fn from_toml(key: &str, v: &toml::Value) -> Result<Money> {
        let cents = match v {
            toml::Value::Integer(n) => n.checked_mul(100),
            toml::Value::Float(f) => hundredths(*f),
            toml::Value::String(s) => {
                s.trim().parse::<f64>().ok().and_then(hundredths)
            }
            _ => None,
        };
        cents.filter(|c| *c > 0).map(Money).ok_or_else(|| {
            Error::input_msg(
                msg::BAD_MONEY,
                &[("key", &key), ("value", &v.to_string())],
            )
        })
    }

    /// The amount in words: thousands grouped (`.` in Spanish, `,` in
    /// English), the cents only when there are any, the currency after.
    ///
    /// ```
    /// use plazo::policy::Money;
    /// use plazo::text::lang::Lang;
    /// assert_eq!(Money(123_456_700).text("COP", Lang::Es), "1.234.567 COP");
    /// assert_eq!(Money(123_456_750).text("COP", Lang::En), "1,234,567.50 COP");
    /// assert_eq!(Money(5).text("USD", Lang::Es), "0,05 USD");
    /// ```
    pub fn text(self, currency: &str, lang: Lang) -> String {
        let dec = match lang {
            Lang::Es => ',',
            Lang::En => '.',
        };
        let sign = if self.0 < 0 { "-" } else { "" };
        let abs = self.0.unsigned_abs();
        let grouped = crate::text::thousands(abs / 100, lang);
        let cents = abs % 100;
        let tail = if cents == 0 {
            String::new()
        } else {
            format!("{dec}{cents:02}")
        };
        format!("{sign}{grouped}{tail} {currency}")
    }

    /// The amount in currency units, for a spreadsheet cell (display
    /// only: sums are made in cents).
    pub fn units(self) -> f64 {
        self.0 as f64 / 100.0
    }
}

/// A number with up to two decimals as hundredths; `None` otherwise.
fn hundredths(f: f64) -> Option<i64> {
    let h = (f * 100.0).round();
    ((f * 100.0 - h).abs() < 1e-6 && h.abs() < 9e15).then_some(h as i64)
}

/// `[contract]`.
#[derive(Clone, Debug, PartialEq)]
pub struct Contract {
    /// `monthly_fee`.
    pub monthly_fee: Option<Money>,
    /// `currency` (default `COP`).
    pub currency: String,
}

/// A band of results: `from` included, `to` excluded; either may be
/// open.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Band {
    /// The lowest result in the band.
    pub from: Option<f64>,
    /// The first result above the band.
    pub to: Option<f64>,
}

impl Band {
    /// Whether `v` falls in the band.
    pub fn contains(&self, v: f64) -> bool {
        self.from.is_none_or(|f| v >= f) && self.to.is_none_or(|t| v < t)
    }

    /// Whether two bands share a result.
    fn overlaps(&self, o: &Band) -> bool {
        let lo = match (self.from, o.from) {
            (Some(a), Some(b)) => Some(a.max(b)),
            (a, b) => a.or(b),
        };
        let hi = match (self.to, o.to) {
            (Some(a), Some(b)) => Some(a.min(b)),
            (a, b) => a.or(b),
        };
        match (lo, hi) {
            (Some(l), Some(h)) => l < h,
            _ => true,
        }
    }
}

/// What a penalty costs.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Charge {
    /// A percentage of the monthly fee, in hundredths of a percent
    /// (`2.5` % is 250).
    FeePct(u32),
    /// An amount per breached ticket.
    PerBreach(Money),
}

/// One `[[penalties]]` entry.
#[derive(Clone, Debug, PartialEq)]
pub struct Penalty {
    /// The indicator id.
    pub indicator: &'static str,
    /// The band of results it applies to (open for a per-breach amount
    /// without one: every result).
    pub band: Band,
    /// The cost.
    pub charge: Charge,
}

/// `[contract]` as written.
#[derive(Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawContract {
    monthly_fee: Option<toml::Value>,
    currency: Option<String>,
}

/// One `[[penalties]]` entry as written.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawPenalty {
    indicator: String,
    from: Option<f64>,
    to: Option<f64>,
    below: Option<f64>,
    discount_pct: Option<toml::Value>,
    per_breach: Option<toml::Value>,
}

/// Resolves `[contract]` (absent: `None`).
pub(super) fn contract(raw: Option<RawContract>) -> Result<Option<Contract>> {
    let Some(raw) = raw else { return Ok(None) };
    let monthly_fee = raw
        .monthly_fee
        .as_ref()
        .map(|v| Money::from_toml("[contract] monthly_fee", v))
        .transpose()?;
    let currency = match raw.currency {
        None => "COP".to_string(),
        Some(c) if c.trim().is_empty() => {
            return Err(Error::input_msg(msg::BAD_CURRENCY, &[]));
        }
        Some(c) => c.trim().to_string(),
    };
    Ok(Some(Contract {
        monthly_fee,
        currency,
    }))
}

/// Resolves `[[penalties]]`; `fee`: whether `[contract] monthly_fee` is
/// set.
pub(super) fn resolve(
    raw: Vec<RawPenalty>,
    fee: bool,
) -> Result<Vec<Penalty>> {
    let mut out: Vec<Penalty> = Vec::new();
    for (k, r) in raw.into_iter().enumerate() {
        let n = k + 1;
        let p = one(r, n, fee)?;
        let same_kind = |o: &Penalty| {
            matches!(
                (o.charge, p.charge),
                (Charge::FeePct(_), Charge::FeePct(_))
                    | (Charge::PerBreach(_), Charge::PerBreach(_))
            )
        };
        if let Some(j) = out.iter().position(|o| {
            o.indicator == p.indicator
                && same_kind(o)
                && o.band.overlaps(&p.band)
        }) {
            return Err(Error::input_msg(
                msg::OVERLAP,
                &[("n", &n), ("other", &(j + 1)), ("value", &p.indicator)],
            ));
        }
        out.push(p);
    }
    Ok(out)
}

/// One entry, number `n` (from 1).
fn one(r: RawPenalty, n: usize, fee: bool) -> Result<Penalty> {
    let ids = crate::policy::INDICATOR_IDS;
    let indicator = ids
        .iter()
        .find(|id| **id == r.indicator.trim())
        .copied()
        .ok_or_else(|| {
            Error::input_msg(
                msg::UNKNOWN_INDICATOR,
                &[
                    ("n", &n),
                    ("value", &format!("{:?}", r.indicator)),
                    ("ids", &ids.join(", ")),
                ],
            )
        })?;
    if r.below.is_some() && (r.from.is_some() || r.to.is_some()) {
        return Err(Error::input_msg(msg::BELOW_WITH_RANGE, &[("n", &n)]));
    }
    let band = Band {
        from: r.from,
        to: r.to.or(r.below),
    };
    if let (Some(f), Some(t)) = (band.from, band.to)
        && f >= t
    {
        return Err(Error::input_msg(
            msg::EMPTY_BAND,
            &[("n", &n), ("from", &f), ("to", &t)],
        ));
    }
    let charge = match (&r.discount_pct, &r.per_breach) {
        (Some(v), None) => Charge::FeePct(pct(v, n)?),
        (None, Some(v)) => {
            let key = format!("[[penalties]] n.º {n}, per_breach");
            Charge::PerBreach(Money::from_toml(&key, v)?)
        }
        _ => return Err(Error::input_msg(msg::ONE_CHARGE, &[("n", &n)])),
    };
    match charge {
        Charge::FeePct(_) if band == Band::default() => {
            return Err(Error::input_msg(msg::NO_BAND, &[("n", &n)]));
        }
        Charge::FeePct(_) if !fee => {
            return Err(Error::input_msg(msg::NO_FEE, &[("n", &n)]));
        }
        Charge::PerBreach(_) if breach_measure(indicator).is_none() => {
            return Err(Error::input_msg(
                msg::PER_BREACH_INDICATOR,
                &[("n", &n), ("value", &indicator)],
            ));
        }
        _ => {}
    }
    Ok(Penalty {
        indicator,
        band,
        charge,
    })
}

/// `discount_pct` in hundredths of a percent: above 0, at most 100.
fn pct(v: &toml::Value, n: usize) -> Result<u32> {
    let h = match v {
        toml::Value::Integer(i) => i.checked_mul(100),
        toml::Value::Float(f) => hundredths(*f),
        _ => None,
    };
    h.filter(|h| (1..=10_000).contains(h))
        .map(|h| h as u32)
        .ok_or_else(|| {
            Error::input_msg(
                msg::BAD_PCT,
                &[("n", &n), ("value", &v.to_string())],
            )
        })
}

/// Whether an indicator counts breaches (a compliance percentage):
/// `true` for the response's, `false` for the resolution's.
pub fn breach_measure(indicator: &str) -> Option<bool> {
    match indicator {
        "response_compliance_pct" => Some(true),
        "resolution_compliance_pct" => Some(false),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bands_include_from_and_exclude_to() {
        let b = Band {
            from: Some(85.0),
            to: Some(90.0),
        };
        assert!(b.contains(85.0));
        assert!(b.contains(89.999));
        assert!(!b.contains(90.0));
        assert!(!b.contains(84.99));
        let below = Band {
            from: None,
            to: Some(85.0),
        };
        assert!(!below.overlaps(&b));
        assert!(below.overlaps(&Band {
            from: Some(80.0),
            to: None
        }));
    }

    #[test]
    fn money_is_read_in_cents() {
        let m = |v: toml::Value| Money::from_toml("k", &v).map(|m| m.0);
        assert_eq!(m(toml::Value::Integer(4_500_000)).unwrap(), 450_000_000);
        assert_eq!(m(toml::Value::Float(0.1)).unwrap(), 10);
        assert_eq!(m(toml::Value::String("12.50".into())).unwrap(), 1250);
        assert!(m(toml::Value::Float(1.005)).is_err());
        assert!(m(toml::Value::Integer(0)).is_err());
    }
}
