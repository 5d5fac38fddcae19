//! The indicator fichas ("Ficha atención", "Ficha solución", ...): one
//! sheet per indicator, laid out as the indicator sheet a Colombian
//! public entity files and signs (Itagüí's FO-DE-15 "Ficha de
//! Indicadores", the Víctimas monthly reports), printed on one Letter
//! page, portrait.
//!
//! Top to bottom: a header block (entity, document code and version,
//! period, name, objective, type, formula with its numerator and
//! denominator in words, unit, frequency, source, owner, goal, bands,
//! baseline); the results of the last 12 months (4 quarters; a range of
//! days alone) with numerator, denominator, result, goal and a semáforo
//! cell; a native chart of the results with the goal as a line; two
//! empty boxes for the analysis and the improvement actions; the
//! sign-off block (Elaboró, Revisó, Aprobó).
//!
//! Which indicators get one ([`ids`]): the four headline ones (response
//! and resolution compliance, satisfaction, reopen rate) unless the
//! entity does not measure them at all, and every indicator the policy
//! gives a goal. Every figure is the [`Line`] of [`Context::trend`]: the
//! same numbers as "Tendencia" and `indicators.csv`.

use rust_xlsxwriter::{
    Chart, ChartLegendPosition, ChartType, Format, FormatAlign, FormatBorder,
    Worksheet,
};

use crate::error::Result;
use crate::indicators::period::Kind as PeriodKind;
use crate::indicators::{self, IDS, Line};
use crate::policy::{Direction, Goal, Kind};
use crate::report::{Context, Period, wording};
use crate::text::lang::Lang;
use crate::text::msg::{
    channel as pc, closing as cl, escalations as esc, ficha as m, report,
    sheets, survey_report as sr,
};
use crate::text::words::Words;
use crate::text::{Msg, lang};

use super::cells::{Formats, PrintLayout, Sheet, xerr};
use super::summary::{status_colours_at, status_text};

/// The indicators that get a ficha whenever the entity measures them.
const HEADLINE: [&str; 4] = [
    "response_compliance_pct",
    "resolution_compliance_pct",
    "satisfied_pct",
    "reopen_rate_pct",
];

use crate::text::msg::outcomes as o;

/// Per indicator, in [`IDS`] order: the sheet's name, what the
/// numerator and the denominator count (`None`: not applicable).
const TEXTS: [(Msg, Option<Msg>, Option<Msg>); indicators::N] = [
    (m::SHEET_TICKETS_OPENED, Some(m::NUM_TICKETS_OPENED), None),
    (m::SHEET_TICKETS_SOLVED, Some(m::NUM_TICKETS_SOLVED), None),
    (m::SHEET_TICKETS_CLOSED, Some(m::NUM_TICKETS_CLOSED), None),
    (m::SHEET_BACKLOG_END, Some(m::NUM_BACKLOG_END), None),
    (
        m::SHEET_RESPONSE_COMPLIANCE,
        Some(m::NUM_RESPONSE_COMPLIANCE),
        Some(m::DEN_RESPONSE_COMPLIANCE),
    ),
    (
        m::SHEET_RESOLUTION_COMPLIANCE,
        Some(m::NUM_RESOLUTION_COMPLIANCE),
        Some(m::DEN_RESOLUTION_COMPLIANCE),
    ),
    (
        m::SHEET_RESPONSE_HOURS_MEAN,
        Some(m::NUM_RESPONSE_HOURS),
        Some(m::DEN_RESPONDED),
    ),
    (
        m::SHEET_RESOLUTION_HOURS_MEAN,
        Some(m::NUM_RESOLUTION_HOURS),
        Some(m::DEN_SOLVED),
    ),
    (m::SHEET_RESOLUTION_HOURS_MEDIAN, None, Some(m::DEN_SOLVED)),
    (m::SHEET_RESOLUTION_HOURS_P90, None, Some(m::DEN_SOLVED)),
    (
        m::SHEET_PAUSED_HOURS_MEAN,
        Some(m::NUM_PAUSED_HOURS),
        Some(m::DEN_SOLVED),
    ),
    (
        m::SHEET_REOPEN_RATE,
        Some(m::NUM_REOPEN_RATE),
        Some(m::DEN_SOLVED),
    ),
    (
        m::SHEET_AUTO_CLOSED,
        Some(m::NUM_AUTO_CLOSED),
        Some(m::DEN_AUTO_CLOSED),
    ),
    (
        m::SHEET_SURVEY_RESPONSE_RATE,
        Some(m::NUM_SURVEY_RESPONSE),
        Some(m::DEN_SURVEY_RESPONSE),
    ),
    (m::SHEET_CSAT_MEAN, Some(m::NUM_CSAT), Some(m::DEN_ANSWERS)),
    (
        m::SHEET_SATISFIED,
        Some(m::NUM_SATISFIED),
        Some(m::DEN_ANSWERS),
    ),
    (m::SHEET_EXCLUDED, Some(m::NUM_EXCLUDED), None),
    (m::SHEET_NO_TARGET, Some(m::NUM_NO_TARGET), None),
    (pc::SHEET_PRECASES, Some(pc::NUM_PRECASES), None),
    (
        pc::SHEET_PRECASES_REGISTERED,
        Some(pc::NUM_PRECASES_REGISTERED),
        None,
    ),
    (
        pc::SHEET_PRECASES_DISCARDED,
        Some(pc::NUM_PRECASES_DISCARDED),
        None,
    ),
    (
        pc::SHEET_PRECASE_HOURS,
        Some(pc::NUM_PRECASE_HOURS),
        Some(pc::DEN_PRECASE_HOURS),
    ),
    (sr::SHEET_SENT, Some(sr::NUM_SENT), None),
    (sr::SHEET_ANSWERED, Some(sr::NUM_ANSWERED), None),
    (sr::SHEET_RATE, Some(sr::NUM_ANSWERED), Some(sr::DEN_SENT)),
    (sr::SHEET_OUT, Some(sr::NUM_OUT), None),
    (
        cl::SHEET_CLOSED_EARLY,
        Some(cl::NUM_CLOSED_EARLY),
        Some(cl::DEN_CLOSED),
    ),
    (
        cl::SHEET_CLOSED_WITHOUT_APPROVAL,
        Some(cl::NUM_CLOSED_WITHOUT_APPROVAL),
        Some(cl::DEN_CLOSED),
    ),
    (
        cl::SHEET_CLOSE_LATE,
        Some(cl::NUM_CLOSE_LATE),
        Some(cl::DEN_CLOSED),
    ),
    (
        cl::SHEET_VALIDATION_WITHIN,
        Some(cl::NUM_VALIDATION_WITHIN),
        Some(cl::DEN_CLOSED),
    ),
    (
        o::SHEET_TICKETS_UNRESOLVED,
        Some(o::NUM_TICKETS_UNRESOLVED),
        None,
    ),
    (o::SHEET_PAUSES, Some(o::NUM_PAUSES), None),
    (
        o::SHEET_PAUSES_WITHOUT_NOTE,
        Some(o::NUM_PAUSES_WITHOUT_NOTE),
        None,
    ),
    (esc::FICHA_ESCALATIONS, Some(esc::NUM_ESCALATIONS), None),
    (
        esc::FICHA_TAKE_COMPLIANCE,
        Some(esc::NUM_TAKE_COMPLIANCE),
        Some(esc::DEN_TAKE_COMPLIANCE),
    ),
    (
        esc::FICHA_TAKE_HOURS_MEAN,
        Some(esc::NUM_TAKE_HOURS),
        Some(esc::DEN_TAKEN),
    ),
    (esc::FICHA_TAKE_HOURS_P90, None, Some(esc::DEN_TAKEN)),
    (esc::FICHA_WAITING, Some(esc::NUM_WAITING), None),
];

/// Column widths A..F (characters): labels, then five value columns.
const WIDTHS: [f64; 6] = [26.0, 14.0, 14.0, 14.0, 13.0, 17.0];

/// Characters a merged B:F cell holds on one line, and a B:C one.
const WIDE_CHARS: usize = 70;
const NARROW_CHARS: usize = 27;

/// Rows reserved for the chart (at 15 points, 20 pixels each).
const CHART_ROWS: u32 = 16;

/// Rows of the analysis and action boxes.
const BOX_ROWS: u32 = 6;

/// The indicators that get a ficha, in [`IDS`] order: each headline
/// indicator the entity measures, and every indicator with a goal.
pub(super) fn ids(c: &Context<'_>) -> Vec<&'static str> {
    IDS.iter()
        .copied()
        .filter(|id| {
            c.policy.goal(id).is_some()
                || (HEADLINE.contains(id) && measured(c, id))
        })
        .collect()
}

/// Whether the entity measures indicator `id` at all: a response
/// (resolution) target in some `[[targets]]` rule or a
/// `[targets_from_ticket]` column for it; any survey answer for the
/// satisfaction. Itagüí, for one, sets no resolution target.
fn measured(c: &Context<'_>, id: &str) -> bool {
    let p = c.policy;
    let from = p.targets_from_ticket();
    match id {
        "response_compliance_pct" => {
            p.targets().iter().any(|r| r.response.is_some())
                || from.is_some_and(|t| t.response.is_some())
        }
        "resolution_compliance_pct" => {
            p.targets().iter().any(|r| r.resolution.is_some())
                || from.is_some_and(|t| t.resolution.is_some())
        }
        "satisfied_pct" | "csat_mean" | "survey_response_rate_pct" => {
            !c.ds.surveys.is_empty()
        }
        _ => true,
    }
}

/// The sheet name of indicator `id`'s ficha.
pub(super) fn sheet_name(id: &str, w: &Words) -> String {
    indicators::index(id)
        .map_or(String::new(), |i| super::cells::sheet_name(w, TEXTS[i].0))
}

/// The ficha's own cell formats: bordered labels, values and boxes.
struct Look {
    title: Format,
    label: Format,
    value: Format,
    header: Format,
    text: Format,
    int: Format,
    dec: Format,
    pct: Format,
    area: Format,
}

impl Look {
    fn new() -> Look {
        let cell = Format::new()
            .set_border(FormatBorder::Thin)
            .set_align(FormatAlign::VerticalCenter);
        let label = cell
            .clone()
            .set_bold()
            .set_text_wrap()
            .set_background_color(0xD9E1F2);
        Look {
            title: cell
                .clone()
                .set_bold()
                .set_font_size(14)
                .set_text_wrap()
                .set_align(FormatAlign::Center),
            header: label.clone().set_align(FormatAlign::Center),
            label,
            value: cell.clone().set_text_wrap().set_align(FormatAlign::Left),
            text: cell.clone().set_align(FormatAlign::Center),
            int: cell.clone().set_num_format("0"),
            dec: cell.clone().set_num_format("0.00"),
            pct: cell.clone().set_num_format("0.0%"),
            area: cell
                .set_text_wrap()
                .set_align(FormatAlign::Left)
                .set_align(FormatAlign::Top),
        }
    }
}

/// What one ficha shows of its indicator, in words.
struct Card {
    id: &'static str,
    name: String,
    goal: Option<Goal>,
}

/// Writes indicator `id`'s ficha on `ws`.
pub(super) fn write(
    ws: &mut Worksheet,
    f: &Formats,
    c: &Context<'_>,
    id: &'static str,
) -> Result<()> {
    let lang = c.lang;
    let name = sheet_name(id, &c.words);
    let name = name.as_str();
    let mut s = Sheet::named(ws, f, c, name)?;
    let spec = c.policy.indicator(id);
    let card = Card {
        id,
        name: spec
            .and_then(|s| s.name.clone())
            .unwrap_or_else(|| indicators::describe(id, &c.words).0),
        goal: c.policy.goal(id),
    };
    let look = Look::new();
    for (i, w) in WIDTHS.iter().enumerate() {
        s.ws.set_column_width(i as u16, *w).map_err(xerr)?;
    }
    let title = m::TITLE.fill(lang, &[("name", &card.name)]);
    s.ws.merge_range(0, 0, 0, 5, &title, &look.title)
        .map_err(xerr)?;
    s.ws.set_row_height(0, 24).map_err(xerr)?;
    let row = header(s.ws, &look, c, &card)?;
    let (first, last) = results(s.ws, &look, c, &card, row + 1)?;
    chart(s.ws, c, &card, name, (first, last))?;
    let row = boxes(s.ws, &look, lang, last + CHART_ROWS + 2)?;
    let last = signoff(s.ws, &look, c, row + 1)?;
    s.print_setup(&PrintLayout::one_page(false, last, WIDTHS.len() as u16 - 1))
}

/// The header block from row 1; returns the next free row.
fn header(
    ws: &mut Worksheet,
    look: &Look,
    c: &Context<'_>,
    card: &Card,
) -> Result<u32> {
    let (lang, id) = (c.lang, card.id);
    let spec = c.policy.indicator(id);
    let text = |f: fn(&crate::policy::IndicatorSpec) -> Option<&String>| {
        spec.and_then(f).cloned().unwrap_or_default()
    };
    let rep = c.policy.report();
    let period = wording::period_span(c.period, lang);
    let (num, den) = numerator_denominator(c, id);
    let kind = spec.and_then(|s| s.kind).unwrap_or(Kind::natural(id));
    let frequency = spec
        .and_then(|s| s.frequency.clone())
        .unwrap_or_else(|| default_frequency(c.period).get(lang).into());
    let baseline = spec
        .and_then(|s| s.baseline)
        .map_or(String::new(), |b| with_unit(id, b, lang));
    let mut r = 1;
    let mut put = |label: Msg, value: &str| -> Result<()> {
        field(ws, look, r, label.get(lang), value)?;
        r += 1;
        Ok(())
    };
    put(m::L_ENTITY, c.policy.name())?;
    pair(
        ws,
        look,
        r,
        (
            m::L_DOCUMENT.get(lang),
            rep.document.as_deref().unwrap_or(""),
        ),
        (m::L_VERSION.get(lang), rep.version.as_deref().unwrap_or("")),
    )?;
    r += 1;
    let mut put = |label: Msg, value: &str| -> Result<()> {
        field(ws, look, r, label.get(lang), value)?;
        r += 1;
        Ok(())
    };
    put(m::L_PERIOD, &period)?;
    put(m::L_NAME, &card.name)?;
    put(
        m::L_OBJECTIVE,
        &objective(c, id, text(|s| s.objective.as_ref())),
    )?;
    put(m::L_KIND, kind_name(kind).get(lang))?;
    put(m::L_FORMULA, &formula(c, id, &num, &den))?;
    put(m::L_NUMERATOR, &num)?;
    put(m::L_DENOMINATOR, &den)?;
    put(m::L_UNIT, &unit(c, id))?;
    put(m::L_FREQUENCY, &frequency)?;
    put(m::L_SOURCE, &source(c, text(|s| s.source.as_ref())))?;
    put(m::L_OWNER, &text(|s| s.owner.as_ref()))?;
    let goal = match card.goal {
        Some(g) => bound(g.direction, g.value, id, lang),
        None => report::NO_GOAL.get(lang).to_string(),
    };
    put(m::L_GOAL, &goal)?;
    put(m::L_BANDS, &bands(card.goal, id, lang))?;
    put(m::L_BASELINE, &baseline)?;
    Ok(r)
}

/// A label in column A and its value merged over B:F, the row as tall
/// as the wrapped value needs.
fn field(
    ws: &mut Worksheet,
    look: &Look,
    r: u32,
    label: &str,
    value: &str,
) -> Result<()> {
    ws.write_string_with_format(r, 0, label, &look.label)
        .map_err(xerr)?;
    ws.merge_range(r, 1, r, 5, value, &look.value)
        .map_err(xerr)?;
    let lines = value.chars().count().div_ceil(WIDE_CHARS).max(1);
    let lines = lines.max(label.chars().count().div_ceil(26));
    if lines > 1 {
        ws.set_row_height(r, 15.0 * lines as f64).map_err(xerr)?;
    }
    Ok(())
}

/// Two labelled values on row `r`: A and B:C, D and E:F.
fn pair(
    ws: &mut Worksheet,
    look: &Look,
    r: u32,
    (l1, v1): (&str, &str),
    (l2, v2): (&str, &str),
) -> Result<()> {
    ws.write_string_with_format(r, 0, l1, &look.label)
        .map_err(xerr)?;
    ws.merge_range(r, 1, r, 2, v1, &look.value).map_err(xerr)?;
    ws.write_string_with_format(r, 3, l2, &look.label)
        .map_err(xerr)?;
    ws.merge_range(r, 4, r, 5, v2, &look.value).map_err(xerr)?;
    let lines = v1.chars().count().max(v2.chars().count());
    let lines = lines.div_ceil(NARROW_CHARS).max(1);
    if lines > 1 {
        ws.set_row_height(r, 15.0 * lines as f64).map_err(xerr)?;
    }
    Ok(())
}

/// What the numerator and the denominator of `id` count, in words
/// ("No aplica" for the side a count or a percentile lacks).
fn numerator_denominator(c: &Context<'_>, id: &str) -> (String, String) {
    let lang = c.lang;
    let min = number(c.policy.survey().satisfied_min, lang);
    let words = |m: Option<Msg>| {
        c.words
            .fill(m.unwrap_or(m::NOT_APPLICABLE), &[("min", &min)])
    };
    let (_, num, den) = indicators::index(id)
        .map_or((m::NOT_APPLICABLE, None, None), |i| TEXTS[i]);
    (words(num), words(den))
}

/// The formula in words, from the numerator's and denominator's.
fn formula(c: &Context<'_>, id: &str, num: &str, den: &str) -> String {
    let lang = c.lang;
    let (num, den) = (lower_first(num), lower_first(den));
    if indicators::is_pct(id) {
        m::FORMULA_PCT.fill(lang, &[("num", &num), ("den", &den)])
    } else if indicators::is_count(id) {
        m::FORMULA_COUNT.fill(lang, &[("num", &num)])
    } else if let Some(p) = percentile(id) {
        m::FORMULA_PERCENTILE.fill(lang, &[("p", &p), ("den", &den)])
    } else {
        m::FORMULA_MEAN.fill(lang, &[("num", &num), ("den", &den)])
    }
}

/// 50 or 90 for the median and p90 indicators.
fn percentile(id: &str) -> Option<u32> {
    match id {
        "resolution_business_hours_median" => Some(50),
        "resolution_business_hours_p90" => Some(90),
        _ => None,
    }
}

/// `text` with its first letter in lower case ("Tickets ..." inside a
/// sentence).
fn lower_first(text: &str) -> String {
    let mut ch = text.chars();
    match ch.next() {
        Some(first) => first.to_lowercase().chain(ch).collect(),
        None => String::new(),
    }
}

/// The unit of `id`'s values.
fn unit(c: &Context<'_>, id: &str) -> String {
    let lang = c.lang;
    if indicators::is_pct(id) {
        m::UNIT_PCT.get(lang).into()
    } else if indicators::is_count(id) {
        c.words.get(m::UNIT_TICKETS)
    } else if id == "csat_mean" {
        let max = number(c.policy.survey().scale_max, lang);
        m::UNIT_POINTS.fill(lang, &[("max", &max)])
    } else {
        m::UNIT_HOURS.get(lang).into()
    }
}

/// The policy's objective, or a default one.
fn objective(c: &Context<'_>, id: &str, given: String) -> String {
    if !given.is_empty() {
        return given;
    }
    let lang = c.lang;
    let msg = match id {
        "response_compliance_pct" => m::OBJECTIVE_RESPONSE,
        "resolution_compliance_pct" => m::OBJECTIVE_RESOLUTION,
        "satisfied_pct" => m::OBJECTIVE_SATISFIED,
        "reopen_rate_pct" => m::OBJECTIVE_REOPEN,
        _ => {
            let meaning = lower_first(&indicators::describe(id, &c.words).1);
            return m::OBJECTIVE_OTHER.fill(lang, &[("meaning", &meaning)]);
        }
    };
    c.words.get(msg)
}

/// The type's name.
fn kind_name(kind: Kind) -> Msg {
    match kind {
        Kind::Efficacy => m::KIND_EFFICACY,
        Kind::Efficiency => m::KIND_EFFICIENCY,
        Kind::Effectiveness => m::KIND_EFFECTIVENESS,
    }
}

/// "Mensual", "Trimestral" or "Por rango de fechas", by the period.
fn default_frequency(p: &Period) -> Msg {
    match p.kind {
        PeriodKind::Month => m::FREQ_MONTH,
        PeriodKind::Quarter => m::FREQ_QUARTER,
        PeriodKind::Range => m::FREQ_RANGE,
    }
}

/// The policy's source (the tool, the module), then the data files
/// processed and their rows.
fn source(c: &Context<'_>, given: String) -> String {
    let lang = c.lang;
    let files = c
        .inputs
        .iter()
        .filter(|i| i.role != "policy")
        .map(|i| {
            sheets::SUMMARY_INPUT
                .fill(lang, &[("file", &i.name()), ("rows", &i.rows)])
        })
        .collect::<Vec<_>>()
        .join("; ");
    let version = env!("CARGO_PKG_VERSION");
    if given.is_empty() {
        m::SOURCE_FILES.fill(lang, &[("version", &version), ("files", &files)])
    } else {
        m::SOURCE_WITH_FILES.fill(
            lang,
            &[("source", &given), ("version", &version), ("files", &files)],
        )
    }
}

/// A number as people write it: no trailing zeros, at most two
/// decimals, a decimal comma in Spanish (`92,5`).
fn number(v: f64, lang: Lang) -> String {
    let s = format!("{:.2}", v);
    let s = s.trim_end_matches('0').trim_end_matches('.').to_string();
    match lang {
        lang::Lang::Es => s.replace('.', ","),
        lang::Lang::En => s,
    }
}

/// A value with its unit ("95 %", "8 h hábiles", "4,2").
pub(crate) fn with_unit(id: &str, v: f64, lang: Lang) -> String {
    let n = number(v, lang);
    let msg = if indicators::is_pct(id) {
        m::SUFFIX_PCT
    } else if id.contains("_hours_") {
        m::SUFFIX_HOURS
    } else {
        m::SUFFIX_NONE
    };
    msg.fill(lang, &[("value", &n)])
}

/// "≥ 95 %" for a `min` goal, "≤ 5 %" for a `max` one.
pub(super) fn bound(d: Direction, v: f64, id: &str, lang: Lang) -> String {
    let b = match d {
        Direction::Min => report::AT_LEAST,
        Direction::Max => report::AT_MOST,
    };
    b.fill(lang, &[("value", &with_unit(id, v, lang))])
}

/// The semáforo's ranges in words: cumple, aceptable (when the goal has
/// a band), no cumple; "sin meta definida" without a goal.
fn bands(goal: Option<Goal>, id: &str, lang: Lang) -> String {
    let Some(g) = goal else {
        return report::NO_GOAL.get(lang).to_string();
    };
    let u = |v: f64| with_unit(id, v, lang);
    let met = bound(g.direction, g.value, id, lang);
    let edge = g.acceptable.unwrap_or(g.value);
    let not_met = match g.direction {
        Direction::Min => m::BELOW,
        Direction::Max => m::ABOVE,
    }
    .fill(lang, &[("value", &u(edge))]);
    match g.acceptable {
        Some(a) => {
            let acceptable = match g.direction {
                Direction::Min => m::BETWEEN_MIN
                    .fill(lang, &[("low", &u(a)), ("high", &u(g.value))]),
                Direction::Max => m::BETWEEN_MAX
                    .fill(lang, &[("low", &u(g.value)), ("high", &u(a))]),
            };
            m::BANDS_THREE.fill(
                lang,
                &[
                    ("met", &met),
                    ("acceptable", &acceptable),
                    ("not_met", &not_met),
                ],
            )
        }
        None => {
            m::BANDS_TWO.fill(lang, &[("met", &met), ("not_met", &not_met)])
        }
    }
}

/// The periods the table shows, oldest first: the last 12 months, the
/// last 4 quarters, or a range of days alone.
fn periods<'c>(c: &'c Context<'_>) -> &'c [(Period, Line)] {
    let n = match c.period.kind {
        PeriodKind::Month => 12,
        PeriodKind::Quarter => 4,
        PeriodKind::Range => 1,
    };
    &c.trend[c.trend.len().saturating_sub(n)..]
}

/// The results table from row `r0` (its title, headers, one row per
/// period); returns the first and last data rows.
fn results(
    ws: &mut Worksheet,
    look: &Look,
    c: &Context<'_>,
    card: &Card,
    r0: u32,
) -> Result<(u32, u32)> {
    let (lang, id) = (c.lang, card.id);
    ws.merge_range(r0, 0, r0, 5, m::SERIES_TITLE.get(lang), &look.header)
        .map_err(xerr)?;
    let heads = [
        report::COL_PERIOD,
        m::L_NUMERATOR,
        m::L_DENOMINATOR,
        sheets::SUMMARY_RESULT,
        m::L_GOAL,
        m::T_STATUS,
    ];
    for (k, h) in heads.iter().enumerate() {
        ws.write_string_with_format(
            r0 + 1,
            k as u16,
            h.get(lang),
            &look.header,
        )
        .map_err(xerr)?;
    }
    let i = indicators::index(id).unwrap_or(0);
    let (vf, nf) = value_formats(look, id);
    // A percentage is stored as a fraction, shown as `0.0%`.
    let scale = if indicators::is_pct(id) { 0.01 } else { 1.0 };
    let first = r0 + 2;
    let list = periods(c);
    for (k, (p, l)) in list.iter().enumerate() {
        let r = first + k as u32;
        let parts = l.parts[i];
        ws.write_string_with_format(r, 0, p.label(), &look.text)
            .map_err(xerr)?;
        cell(ws, r, 1, parts.num, nf)?;
        cell(ws, r, 2, parts.den.map(|d| d as f64), &look.int)?;
        cell(ws, r, 3, l.values[i].map(|v| v * scale), vf)?;
        cell(ws, r, 4, card.goal.map(|g| g.value * scale), vf)?;
        let status = card.goal.zip(l.values[i]).map(|(g, v)| g.status(v));
        let text = status.map_or("", |s| status_text(s).get(lang));
        ws.write_string_with_format(r, 5, text, &look.text)
            .map_err(xerr)?;
    }
    let last = first + list.len().max(1) as u32 - 1;
    status_colours_at(ws, lang, (first, 5), (last, 5))?;
    Ok((first, last))
}

/// The formats of `id`'s result (and goal) and of its numerator.
fn value_formats<'l>(look: &'l Look, id: &str) -> (&'l Format, &'l Format) {
    if indicators::is_pct(id) {
        (&look.pct, &look.int)
    } else if indicators::is_count(id) {
        (&look.int, &look.int)
    } else {
        (&look.dec, &look.dec)
    }
}

/// A bordered number cell; blank (still bordered) when there is none.
fn cell(
    ws: &mut Worksheet,
    r: u32,
    col: u16,
    v: Option<f64>,
    f: &Format,
) -> Result<()> {
    match v.filter(|v| v.is_finite()) {
        Some(v) => ws.write_number_with_format(r, col, v, f),
        None => ws.write_blank(r, col, f),
    }
    .map_err(xerr)?;
    Ok(())
}

/// The results as columns, the goal as a line, under the table (rows
/// `first..=last` of sheet `name`), titled with the indicator and the
/// period.
fn chart(
    ws: &mut Worksheet,
    c: &Context<'_>,
    card: &Card,
    name: &str,
    (first, last): (u32, u32),
) -> Result<()> {
    let lang = c.lang;
    let title = m::CHART_TITLE.fill(
        lang,
        &[
            ("name", &card.name),
            ("period", &wording::period(c.period, lang)),
        ],
    );
    let mut ch = Chart::new(ChartType::Column);
    ch.title().set_name(&title);
    ch.add_series()
        .set_categories((name, first, 0, last, 0))
        .set_values((name, first, 3, last, 3))
        .set_name((name, first - 1, 3));
    if card.goal.is_some() {
        let mut goal = Chart::new(ChartType::Line);
        goal.add_series()
            .set_categories((name, first, 0, last, 0))
            .set_values((name, first, 4, last, 4))
            .set_name((name, first - 1, 4));
        ch.combine(&goal);
    }
    if indicators::is_pct(card.id) {
        ch.y_axis().set_num_format("0%").set_min(0).set_max(1);
    } else {
        ch.y_axis().set_min(0);
    }
    ch.legend().set_position(ChartLegendPosition::Bottom);
    ch.set_width(690).set_height(CHART_ROWS * 20 - 10);
    ws.insert_chart_with_offset(last + 2, 0, &ch, 0, 0)
        .map_err(xerr)?;
    Ok(())
}

/// The analysis and improvement-action boxes from row `r0`, each a
/// title and a tall empty bordered area; returns the next free row.
fn boxes(ws: &mut Worksheet, look: &Look, lang: Lang, r0: u32) -> Result<u32> {
    let mut r = r0;
    for title in [m::ANALYSIS, m::ACTIONS] {
        ws.merge_range(r, 0, r, 5, title.get(lang), &look.header)
            .map_err(xerr)?;
        ws.merge_range(r + 1, 0, r + BOX_ROWS, 5, "", &look.area)
            .map_err(xerr)?;
        r += BOX_ROWS + 2;
    }
    Ok(r)
}

/// The sign-off block from row `r0`: Elaboró, Revisó, Aprobó with the
/// policy's names (blank when unset) and blank signature and date cells;
/// returns its last row.
fn signoff(
    ws: &mut Worksheet,
    look: &Look,
    c: &Context<'_>,
    r0: u32,
) -> Result<u32> {
    let lang = c.lang;
    let so = &c.policy.report().signoff;
    ws.merge_range(r0, 0, r0, 5, m::SIGNOFF.get(lang), &look.header)
        .map_err(xerr)?;
    let h = r0 + 1;
    ws.write_blank(h, 0, &look.header).map_err(xerr)?;
    ws.merge_range(h, 1, h, 2, m::SIGNOFF_NAME.get(lang), &look.header)
        .map_err(xerr)?;
    ws.merge_range(h, 3, h, 4, m::SIGNOFF_SIGNATURE.get(lang), &look.header)
        .map_err(xerr)?;
    ws.write_string_with_format(h, 5, m::SIGNOFF_DATE.get(lang), &look.header)
        .map_err(xerr)?;
    let rows = [
        (m::PREPARED_BY, &so.prepared_by),
        (m::REVIEWED_BY, &so.reviewed_by),
        (m::APPROVED_BY, &so.approved_by),
    ];
    for (k, (role, who)) in rows.iter().enumerate() {
        let r = h + 1 + k as u32;
        ws.write_string_with_format(r, 0, role.get(lang), &look.label)
            .map_err(xerr)?;
        let who = who.as_deref().unwrap_or("");
        ws.merge_range(r, 1, r, 2, who, &look.value).map_err(xerr)?;
        ws.merge_range(r, 3, r, 4, "", &look.value).map_err(xerr)?;
        ws.write_blank(r, 5, &look.value).map_err(xerr)?;
        ws.set_row_height(r, 36).map_err(xerr)?;
    }
    Ok(h + rows.len() as u32)
}
