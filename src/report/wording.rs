//! The report's values in words: periods ("octubre 2026"), instants
//! ("31/10/2026 23:59"), the policy's zone ("hora de Colombia,
//! UTC−05:00"), and the groups of a dimension in the order people read
//! them (priorities by severity).

use chrono::{Datelike, NaiveDate};
use chrono_tz::Tz;

use crate::indicators::period::{Kind, Period};
use crate::indicators::{Dim, Line};
use crate::policy::Policy;
use crate::text::lang::Lang;
use crate::text::msg::report as m;
use crate::text::{Msg, fold};
use crate::time::Instant;

/// The months' names, January first.
const MONTHS: [Msg; 12] = [
    m::MONTH_1,
    m::MONTH_2,
    m::MONTH_3,
    m::MONTH_4,
    m::MONTH_5,
    m::MONTH_6,
    m::MONTH_7,
    m::MONTH_8,
    m::MONTH_9,
    m::MONTH_10,
    m::MONTH_11,
    m::MONTH_12,
];

/// A day as Colombian documents write it: `31/10/2026`.
pub fn day(d: NaiveDate) -> String {
    d.format("%d/%m/%Y").to_string()
}

/// A period in words: `octubre 2026`, `trimestre 3 de 2026`,
/// `01/10/2026 – 15/10/2026`.
pub fn period(p: &Period, lang: Lang) -> String {
    let year = p.first.year();
    match p.kind {
        Kind::Month => m::PERIOD_MONTH.fill(
            lang,
            &[
                ("month", &MONTHS[p.first.month0() as usize].get(lang)),
                ("year", &year),
            ],
        ),
        Kind::Quarter => m::PERIOD_QUARTER.fill(
            lang,
            &[("quarter", &(p.first.month0() / 3 + 1)), ("year", &year)],
        ),
        Kind::Range => m::PERIOD_RANGE
            .fill(lang, &[("first", &day(p.first)), ("last", &day(p.last))]),
    }
}

/// The period with its first and last day:
/// `octubre 2026 (01/10/2026 – 31/10/2026)`.
pub fn period_span(p: &Period, lang: Lang) -> String {
    m::PERIOD_SPAN.fill(
        lang,
        &[
            ("label", &period(p, lang)),
            ("first", &day(p.first)),
            ("last", &day(p.last)),
        ],
    )
}

/// The span of several periods, oldest first: `noviembre 2025 –
/// octubre 2026`.
pub fn periods_span(ps: &[&Period], lang: Lang) -> String {
    match (ps.first(), ps.last()) {
        (Some(a), Some(b)) if a != b => m::PERIOD_RANGE.fill(
            lang,
            &[("first", &period(a, lang)), ("last", &period(b, lang))],
        ),
        (Some(a), _) => period(a, lang),
        _ => String::new(),
    }
}

/// The zone in words at instant `t`: `hora de Colombia, UTC−05:00`.
pub fn zone(tz: Tz, t: Instant, lang: Lang) -> String {
    let name = match tz.name() {
        "America/Bogota" => m::ZONE_COLOMBIA.get(lang).to_string(),
        other => other.to_string(),
    };
    m::ZONE_TEXT.fill(lang, &[("zone", &name), ("offset", &t.offset_text(tz))])
}

/// An instant with its zone: `31/10/2026 23:59 (hora de Colombia,
/// UTC−05:00)`.
pub fn instant_in_zone(tz: Tz, t: Instant, lang: Lang) -> String {
    m::INSTANT_IN_ZONE.fill(
        lang,
        &[("when", &t.local_text(tz)), ("zone", &zone(tz, t, lang))],
    )
}

/// Priority words most tools use, from most to least severe (folded):
/// the order when neither `[report] priority_order` nor the
/// `[[targets]]` rules name priorities.
const USUAL_PRIORITIES: [&str; 12] = [
    "muy alta",
    "critica",
    "urgente",
    "alta",
    "media",
    "mediana",
    "normal",
    "baja",
    "muy baja",
    "planificada",
    "high",
    "low",
];

/// The priorities from most to least severe, folded: `[report]
/// priority_order`, or else the order in which they first appear in
/// the `[[targets]]` rules, or else the usual words
/// ("Alta", "Media", "Baja").
pub fn priority_order(p: &Policy) -> Vec<String> {
    let given = &p.report().priority_order;
    let mut all: Vec<String> = given.iter().map(|v| fold(v)).collect();
    if all.is_empty() {
        for t in p.targets() {
            for (f, vals) in &t.matchers {
                if *f == crate::policy::Field::Priority {
                    all.extend(vals.iter().map(|v| fold(v)));
                }
            }
        }
    }
    if all.is_empty() {
        all.extend(USUAL_PRIORITIES.iter().map(|v| v.to_string()));
    }
    let mut out: Vec<String> = Vec::new();
    for v in all {
        if !out.contains(&v) {
            out.push(v);
        }
    }
    out
}

/// The lines of dimension `dim` in reading order: priorities by
/// severity ([`priority_order`]; those not listed after, by name, the
/// empty group last), every other dimension by name as computed.
pub fn dim_lines<'l>(
    p: &Policy,
    lines: &'l [Line],
    dim: Dim,
) -> Vec<&'l Line> {
    let mut v: Vec<&Line> = lines.iter().filter(|l| l.dim == dim).collect();
    if dim == Dim::Priority {
        let order = priority_order(p);
        let rank = |g: &str| {
            let f = fold(g);
            let k = order.iter().position(|o| *o == f);
            (g.is_empty(), k.unwrap_or(usize::MAX))
        };
        // Stable: groups of equal rank keep their order by name.
        v.sort_by_key(|l| rank(&l.group));
    }
    v
}
