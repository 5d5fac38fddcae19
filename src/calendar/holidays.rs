//! Holiday rule sets: public holidays as data.
//!
//! A rule set is a TOML file (`calendars/co.toml` is Colombia's) with one
//! `[[holiday]]` table per rule. Each rule yields at most one date a year:
//! a fixed month-day, an offset from Western Easter Sunday, the n-th
//! weekday of a month, or a list of one-off dates; then optionally moved
//! (Colombia's Ley 51 de 1983 moves many feasts to the following Monday).
//! The schema is documented in `calendars/README.md`.
//!
//! Built-in sets are compiled into the binary from `calendars/`, so a
//! cron job needs no data files; a policy may also name a `.toml` path.
//!
//! # Example
//!
//! ```
//! use plazo::calendar::HolidayRules;
//! use chrono::NaiveDate;
//!
//! let co = HolidayRules::builtin("co").unwrap();
//! let days = co.in_year(2026);
//! assert_eq!(days.len(), 19);
//! let chiquinquira = NaiveDate::from_ymd_opt(2026, 7, 13).unwrap();
//! assert!(days.iter().any(|h| h.date == chiquinquira));
//! ```

use std::collections::BTreeMap;
use std::path::Path;

use chrono::{Datelike, Duration, NaiveDate, Weekday};
use serde::Deserialize;

use crate::error::{Error, Result};
use crate::text::lang::Lang;
use crate::text::msg;

/// The built-in rule sets: (code, TOML text).
const BUILTIN: &[(&str, &str)] =
    &[("co", include_str!("../../calendars/co.toml"))];

/// One closed date with the names of the feasts that fall on it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Holiday {
    /// The local calendar date.
    pub date: NaiveDate,
    /// The feasts on that date (usually one; 2025-06-30 has two in
    /// Colombia), in rule-file order.
    pub names: Vec<String>,
}

impl Holiday {
    /// The names joined with ` / `.
    pub fn name(&self) -> String {
        self.names.join(" / ")
    }
}

/// A loaded set of holiday rules (one country or region).
#[derive(Clone, Debug)]
pub struct HolidayRules {
    name: String,
    code: String,
    /// How reports name the set, Spanish and English (`title`,
    /// `title_en`).
    title: (Option<String>, Option<String>),
    rules: Vec<Rule>,
}

#[derive(Clone, Debug)]
struct Rule {
    name: String,
    when: When,
    shift: Move,
    from: Option<i32>,
    until: Option<i32>,
}

#[derive(Clone, Debug)]
enum When {
    Fixed {
        month: u32,
        day: u32,
    },
    Easter(i64),
    Nth {
        month: u32,
        weekday: Weekday,
        nth: i32,
    },
    Dates(Vec<NaiveDate>),
}

/// How a rule's date moves when it falls on certain weekdays.
#[derive(Clone, Copy, Debug, Default, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
enum Move {
    /// Never moved.
    #[default]
    None,
    /// Moved to the following Monday unless it is a Monday (Colombia,
    /// Ley 51 de 1983).
    NextMonday,
    /// Moved to Monday when it falls on a Sunday.
    SundayToMonday,
    /// Moved to Monday when it falls on a Saturday or a Sunday.
    WeekendToMonday,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct FileSpec {
    name: String,
    code: Option<String>,
    title: Option<String>,
    title_en: Option<String>,
    #[serde(default)]
    holiday: Vec<RuleSpec>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RuleSpec {
    name: String,
    date: Option<String>,
    easter: Option<i64>,
    month: Option<u32>,
    weekday: Option<String>,
    nth: Option<i32>,
    dates: Option<Vec<String>>,
    #[serde(default, rename = "move")]
    shift: Move,
    from: Option<i32>,
    until: Option<i32>,
    #[allow(dead_code)]
    source: Option<String>,
}

impl HolidayRules {
    /// The codes of the rule sets compiled into plazo (`co`, ...).
    pub fn builtin_codes() -> impl Iterator<Item = &'static str> {
        BUILTIN.iter().map(|(c, _)| *c)
    }

    /// A rule set compiled into plazo from `calendars/<code>.toml`.
    ///
    /// # Errors
    ///
    /// An input error listing the known codes when `code` is unknown.
    pub fn builtin(code: &str) -> Result<HolidayRules> {
        let wanted = code.trim().to_ascii_lowercase();
        match BUILTIN.iter().find(|(c, _)| *c == wanted) {
            Some((c, text)) => {
                HolidayRules::from_toml(text, &format!("calendars/{c}.toml"))
            }
            None => {
                let known: Vec<_> = HolidayRules::builtin_codes().collect();
                Err(Error::input_msg(
                    msg::calendar::HOLIDAY_SET_UNKNOWN,
                    &[
                        ("code", &format!("{code:?}")),
                        ("known", &format!("{known:?}")),
                    ],
                ))
            }
        }
    }

    /// Loads a rule set: a built-in code, or a `.toml` path (relative
    /// paths are taken from `base`, the policy file's folder).
    ///
    /// # Errors
    ///
    /// Unknown code, unreadable file, or a rule error naming the rule.
    pub fn resolve(name: &str, base: &Path) -> Result<HolidayRules> {
        if name.ends_with(".toml") || name.contains('/') {
            let path = base.join(name);
            let text = std::fs::read_to_string(&path)
                .map_err(|e| Error::io(&path, &e))?;
            HolidayRules::from_toml(&text, &path.display().to_string())
        } else {
            HolidayRules::builtin(name)
        }
    }

    /// Parses a rule set from TOML text; `origin` names it in errors.
    ///
    /// # Errors
    ///
    /// TOML syntax errors (with line and column), and rule errors naming
    /// the rule: no or several date kinds, `date` not `MM-DD`, an
    /// unknown weekday, `nth` out of range.
    pub fn from_toml(text: &str, origin: &str) -> Result<HolidayRules> {
        let spec: FileSpec =
            toml::from_str(text).map_err(|e| Error::toml(origin, &e))?;
        let mut rules = Vec::with_capacity(spec.holiday.len());
        for (i, r) in spec.holiday.into_iter().enumerate() {
            let place = format!("{origin}: holiday[{i}] {:?}", r.name);
            rules.push(Rule::from_spec(r).map_err(|e| e.at(&place))?);
        }
        let code = spec.code.unwrap_or_else(|| spec.name.to_lowercase());
        Ok(HolidayRules {
            name: spec.name,
            code,
            title: (spec.title, spec.title_en),
            rules,
        })
    }

    /// The set's display name (`Colombia`).
    pub fn name(&self) -> &str {
        &self.name
    }

    /// How reports name the set in `lang` (the file's `title` or
    /// `title_en`), when the file says.
    pub fn title(&self, lang: Lang) -> Option<&str> {
        let (es, en) = &self.title;
        match lang {
            Lang::Es => es.as_deref(),
            _ => en.as_deref(),
        }
    }

    /// The set's code (`co`).
    pub fn code(&self) -> &str {
        &self.code
    }

    /// The closed dates of `year`, sorted, one entry per date.
    pub fn in_year(&self, year: i32) -> Vec<Holiday> {
        let mut by_date: BTreeMap<NaiveDate, Vec<String>> = BTreeMap::new();
        for rule in &self.rules {
            for d in rule.dates_in(year) {
                by_date.entry(d).or_default().push(rule.name.clone());
            }
        }
        by_date
            .into_iter()
            .map(|(date, names)| Holiday { date, names })
            .collect()
    }
}

impl Rule {
    fn from_spec(r: RuleSpec) -> Result<Rule> {
        let kinds = [
            r.date.is_some(),
            r.easter.is_some(),
            r.nth.is_some() || r.weekday.is_some(),
            r.dates.is_some(),
        ];
        if kinds.iter().filter(|k| **k).count() != 1 {
            return Err(Error::input_msg(
                msg::calendar::HOLIDAY_ONE_KIND,
                &[],
            ));
        }
        let when = if let Some(md) = &r.date {
            let bad = || {
                Error::input_msg(
                    msg::calendar::HOLIDAY_DATE_NOT_MONTH_DAY,
                    &[("value", &format!("{md:?}"))],
                )
            };
            let (m, d) = md.split_once('-').ok_or_else(bad)?;
            let (month, day): (u32, u32) =
                (m.parse().map_err(|_| bad())?, d.parse().map_err(|_| bad())?);
            // 2024 is a leap year: 02-29 is accepted (it only occurs then).
            NaiveDate::from_ymd_opt(2024, month, day).ok_or_else(bad)?;
            When::Fixed { month, day }
        } else if let Some(off) = r.easter {
            When::Easter(off)
        } else if let Some(list) = &r.dates {
            let mut v = Vec::with_capacity(list.len());
            for s in list {
                v.push(NaiveDate::parse_from_str(s, "%Y-%m-%d").map_err(
                    |_| {
                        Error::input_msg(
                            msg::calendar::HOLIDAY_DATE_NOT_YMD,
                            &[("value", &format!("{s:?}"))],
                        )
                    },
                )?);
            }
            When::Dates(v)
        } else {
            let month = r.month.filter(|m| (1..=12).contains(m));
            let weekday = r.weekday.as_deref().and_then(parse_weekday);
            let nth = r.nth.filter(|n| matches!(n, 1..=5 | -1));
            match (month, weekday, nth) {
                (Some(month), Some(weekday), Some(nth)) => When::Nth {
                    month,
                    weekday,
                    nth,
                },
                _ => {
                    return Err(Error::input_msg(
                        msg::calendar::HOLIDAY_WEEKDAY_RULE,
                        &[],
                    ));
                }
            }
        };
        Ok(Rule {
            name: r.name,
            when,
            shift: r.shift,
            from: r.from,
            until: r.until,
        })
    }

    fn dates_in(&self, year: i32) -> Vec<NaiveDate> {
        if self.from.is_some_and(|f| year < f)
            || self.until.is_some_and(|u| year > u)
        {
            return vec![];
        }
        let base: Vec<NaiveDate> = match &self.when {
            When::Fixed { month, day } => {
                NaiveDate::from_ymd_opt(year, *month, *day)
                    .into_iter()
                    .collect()
            }
            When::Easter(off) => {
                vec![easter_sunday(year) + Duration::days(*off)]
            }
            When::Nth {
                month,
                weekday,
                nth,
            } => nth_weekday(year, *month, *weekday, *nth)
                .into_iter()
                .collect(),
            When::Dates(list) => {
                list.iter().copied().filter(|d| d.year() == year).collect()
            }
        };
        base.into_iter().map(|d| self.shift.apply(d)).collect()
    }
}

impl Move {
    fn apply(self, d: NaiveDate) -> NaiveDate {
        let wd = d.weekday();
        let to_monday = |d: NaiveDate| {
            d + Duration::days((7 - wd.num_days_from_monday() as i64) % 7)
        };
        match (self, wd) {
            (Move::None, _) => d,
            (Move::NextMonday, _) => to_monday(d),
            (Move::SundayToMonday, Weekday::Sun) => to_monday(d),
            (Move::WeekendToMonday, Weekday::Sat | Weekday::Sun) => {
                to_monday(d)
            }
            _ => d,
        }
    }
}

/// Parses `mon`..`sun` (also full English names and Spanish `lun`..`dom`).
pub(crate) fn parse_weekday(s: &str) -> Option<Weekday> {
    let s = s.trim().to_lowercase();
    Some(match s.as_str() {
        "mon" | "monday" | "lun" | "lunes" => Weekday::Mon,
        "tue" | "tuesday" | "mar" | "martes" => Weekday::Tue,
        "wed" | "wednesday" | "mie" | "mié" | "miércoles" | "miercoles" => {
            Weekday::Wed
        }
        "thu" | "thursday" | "jue" | "jueves" => Weekday::Thu,
        "fri" | "friday" | "vie" | "viernes" => Weekday::Fri,
        "sat" | "saturday" | "sab" | "sáb" | "sábado" | "sabado" => {
            Weekday::Sat
        }
        "sun" | "sunday" | "dom" | "domingo" => Weekday::Sun,
        _ => return None,
    })
}

fn nth_weekday(
    year: i32,
    month: u32,
    weekday: Weekday,
    nth: i32,
) -> Option<NaiveDate> {
    if nth > 0 {
        NaiveDate::from_weekday_of_month_opt(year, month, weekday, nth as u8)
    } else {
        let next = if month == 12 {
            NaiveDate::from_ymd_opt(year + 1, 1, 1)?
        } else {
            NaiveDate::from_ymd_opt(year, month + 1, 1)?
        };
        let mut d = next - Duration::days(1);
        while d.weekday() != weekday {
            d -= Duration::days(1);
        }
        Some(d)
    }
}

/// Western (Gregorian) Easter Sunday of `year`: the anonymous Gregorian
/// algorithm (Meeus/Jones/Butcher).
///
/// # Example
///
/// ```
/// use plazo::calendar::easter_sunday;
/// assert_eq!(easter_sunday(2026).to_string(), "2026-04-05");
/// assert_eq!(easter_sunday(2025).to_string(), "2025-04-20");
/// ```
pub fn easter_sunday(year: i32) -> NaiveDate {
    let a = year % 19;
    let b = year / 100;
    let c = year % 100;
    let d = b / 4;
    let e = b % 4;
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15) % 30;
    let i = c / 4;
    let k = c % 4;
    let l = (32 + 2 * e + 2 * i - h - k) % 7;
    let m = (a + 11 * h + 22 * l) / 451;
    let month = (h + l - 7 * m + 114) / 31;
    let day = (h + l - 7 * m + 114) % 31 + 1;
    NaiveDate::from_ymd_opt(year, month as u32, day as u32)
        .expect("Easter is always a valid date")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn easter_known_dates() {
        // Published Easter Sundays (e.g. the US Naval Observatory table).
        for (y, m, d) in [
            (1983, 4, 3),
            (2000, 4, 23),
            (2008, 3, 23),
            (2011, 4, 24),
            (2019, 4, 21),
            (2024, 3, 31),
            (2025, 4, 20),
            (2026, 4, 5),
            (2027, 3, 28),
            (2038, 4, 25),
        ] {
            assert_eq!(
                easter_sunday(y),
                NaiveDate::from_ymd_opt(y, m, d).unwrap(),
                "{y}"
            );
        }
    }

    #[test]
    fn moves() {
        let d = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();
        // 2026-08-15 is a Saturday, 2026-06-29 a Monday, 2026-11-01 a Sunday.
        assert_eq!(Move::NextMonday.apply(d("2026-08-15")), d("2026-08-17"));
        assert_eq!(Move::NextMonday.apply(d("2026-06-29")), d("2026-06-29"));
        assert_eq!(Move::NextMonday.apply(d("2026-11-11")), d("2026-11-16"));
        assert_eq!(
            Move::SundayToMonday.apply(d("2026-11-01")),
            d("2026-11-02")
        );
        assert_eq!(
            Move::SundayToMonday.apply(d("2026-08-15")),
            d("2026-08-15")
        );
        assert_eq!(
            Move::WeekendToMonday.apply(d("2026-08-15")),
            d("2026-08-17")
        );
    }

    #[test]
    fn nth_weekday_rules() {
        // US Thanksgiving: 4th Thursday of November; Memorial Day: last Monday of May.
        assert_eq!(
            nth_weekday(2026, 11, Weekday::Thu, 4).unwrap().to_string(),
            "2026-11-26"
        );
        assert_eq!(
            nth_weekday(2026, 5, Weekday::Mon, -1).unwrap().to_string(),
            "2026-05-25"
        );
        assert_eq!(
            nth_weekday(2026, 12, Weekday::Thu, -1).unwrap().to_string(),
            "2026-12-31"
        );
    }

    #[test]
    fn rule_errors_name_the_rule() {
        let text =
            "name = \"X\"\n[[holiday]]\nname = \"Bad\"\ndate = \"13-01\"\n";
        let err = HolidayRules::from_toml(text, "x.toml").unwrap_err();
        let msg = err.message(crate::text::lang::Lang::En);
        assert!(msg.contains("x.toml: holiday[0] \"Bad\""), "{msg}");
        assert!(msg.contains("\"13-01\""), "{msg}");
        let text = "name = \"X\"\n[[holiday]]\nname = \"Two\"\ndate = \"01-01\"\neaster = 1\n";
        assert!(HolidayRules::from_toml(text, "x.toml").is_err());
        let text = "name = \"X\"\n[[holiday]]\nname = \"T\"\ndate = \"01-01\"\nmove = \"sideways\"\n";
        assert!(HolidayRules::from_toml(text, "x.toml").is_err());
    }
}
