//! The report's five charts: which data each one shows, with its
//! titles in the report's language ([`crate::text::msg::charts`]).
//! Drawing them is [`super::charts`]' job.
//!
//! The file stems (`cumplimiento-por-prioridad`, ...) are the output's
//! file names: Spanish whatever the language, like `informe-*.xlsx`.

use std::collections::BTreeMap;

use crate::indicators::Line;
use crate::model::dataset::Attr;
use crate::text::Msg;
use crate::text::msg::charts::*;
use crate::text::msg::report::{
    AT_LEAST, COL_ANSWERS, COL_CATEGORY, COL_PERIOD, COL_PRIORITY, COL_SCORE,
};

use super::charts::{Body, Chart};
use super::{Context, Dim, wording};

/// The most categories the breaches chart shows.
const TOP_CATEGORIES: usize = 10;

/// Upper bound of a percentage axis (room for the labels over 100 %).
const PCT_TOP: f64 = 110.0;

/// Lower edges of the resolution-time bins, in business hours.
const HOUR_EDGES: [f64; 9] = [0.0, 1.0, 2.0, 4.0, 8.0, 16.0, 24.0, 40.0, 80.0];

/// The report's charts, by file stem, in the order the summary sheet
/// shows them.
pub fn chart_specs(c: &Context<'_>) -> Vec<(String, Chart)> {
    vec![
        (
            "cumplimiento-por-prioridad".into(),
            compliance_by_priority(c),
        ),
        ("tendencia".into(), trend(c)),
        (
            "incumplimientos-por-categoria".into(),
            breaches_by_category(c),
        ),
        ("distribucion-solucion".into(), resolution_time(c)),
        ("encuestas".into(), survey_scores(c)),
    ]
}

/// A chart title in the report's words with `period` filled.
fn title(c: &Context<'_>, m: Msg, period: &str) -> String {
    c.words.fill(m, &[("period", &period)])
}

/// The goal of indicator `id` as a red line with its legend.
fn target(c: &Context<'_>, id: &str) -> Option<(f64, String)> {
    c.policy
        .goal(id)
        .map(|g| (g.value, CHART_TARGET.fill(c.lang, &[("goal", &g.value)])))
}

/// A bar chart titled `title` without a goal line or fixed top.
fn bars(
    c: &Context<'_>,
    title: String,
    [x_desc, y_desc]: [Msg; 2],
    labels: Vec<String>,
    values: Vec<f64>,
) -> Chart {
    Chart {
        title,
        x_desc: c.words.get(x_desc),
        y_desc: c.words.get(y_desc),
        labels,
        body: Body::Bars {
            values,
            decimals: 0,
        },
        target: None,
        y_max: None,
    }
}

/// Compliance by priority: resolution, or response where the policy
/// sets no resolution target at all (Itagüí's procedure has none).
fn compliance_by_priority(c: &Context<'_>) -> Chart {
    let p = c.policy;
    let resolution_measured =
        p.targets().iter().any(|r| r.resolution.is_some())
            || p.targets_from_ticket()
                .is_some_and(|t| t.resolution.is_some());
    let (id, title) = if resolution_measured {
        ("resolution_compliance_pct", CHART_RESOLUTION_BY_PRIORITY)
    } else {
        ("response_compliance_pct", CHART_RESPONSE_BY_PRIORITY)
    };
    let pri: Vec<&Line> = c
        .dim_lines(Dim::Priority)
        .into_iter()
        .filter(|x| x.get(id).is_some())
        .collect();
    Chart {
        title: self::title(c, title, &c.period_words()),
        x_desc: c.words.get(COL_PRIORITY),
        y_desc: c.words.get(CHART_PCT_WITHIN_SLA),
        labels: pri.iter().map(|x| x.group.clone()).collect(),
        body: Body::Bars {
            values: pri.iter().map(|x| x.get(id).unwrap_or(0.0)).collect(),
            decimals: 1,
        },
        target: target(c, id),
        y_max: Some(PCT_TOP),
    }
}

/// Resolution and response compliance over the last 12 periods.
fn trend(c: &Context<'_>) -> Chart {
    let series = |id: &str| -> Vec<Option<f64>> {
        c.trend.iter().map(|(_, x)| x.get(id)).collect()
    };
    let periods: Vec<&super::Period> =
        c.trend.iter().map(|(p, _)| p).collect();
    let span = wording::periods_span(&periods, c.lang);
    Chart {
        title: title(c, CHART_TREND, &span),
        x_desc: c.words.get(COL_PERIOD),
        y_desc: c.words.get(CHART_PCT_WITHIN_SLA),
        labels: c.trend.iter().map(|(p, _)| p.label()).collect(),
        body: Body::Lines(vec![
            (
                c.words.get(CHART_SERIES_RESOLUTION),
                series("resolution_compliance_pct"),
            ),
            (
                c.words.get(CHART_SERIES_RESPONSE),
                series("response_compliance_pct"),
            ),
        ]),
        target: target(c, "resolution_compliance_pct"),
        y_max: Some(PCT_TOP),
    }
}

/// Breached tickets by category, the 10 largest (ties by name); the
/// title says how many bars there are, and of how many categories when
/// some were left out.
fn breaches_by_category(c: &Context<'_>) -> Chart {
    let mut by_cat: BTreeMap<&str, u64> = BTreeMap::new();
    // The breaches counted in the period, as the summary counts them
    // (not the overdue unfinished ones the sheet also lists).
    for b in c.lists.breaches.iter().filter(|b| b.finished()) {
        let t = &c.ds.tickets[b.row.ticket as usize];
        *by_cat
            .entry(c.ds.strings.get(t.attr(Attr::Category)))
            .or_default() += 1;
    }
    let mut cats: Vec<(&str, u64)> = by_cat.into_iter().collect();
    cats.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    let total = cats.len();
    cats.truncate(TOP_CATEGORIES);
    let n = cats.len();
    let msg = match n {
        0 => CHART_BREACHES_NONE,
        1 => CHART_BREACHES_ONE_CATEGORY,
        _ if total > n => CHART_BREACHES_TOP_CATEGORIES,
        _ => CHART_BREACHES_BY_CATEGORY,
    };
    let title = c.words.fill(
        msg,
        &[("n", &n), ("total", &total), ("period", &c.period_words())],
    );
    bars(
        c,
        title,
        [COL_CATEGORY, CHART_BREACHED_TICKETS],
        cats.iter().map(|x| x.0.to_string()).collect(),
        cats.iter().map(|x| x.1 as f64).collect(),
    )
}

/// Resolution business hours of the tickets solved in the period (in
/// scope), in [`HOUR_EDGES`] bins.
fn resolution_time(c: &Context<'_>) -> Chart {
    let mut bins = [0u64; HOUR_EDGES.len()];
    for r in c.rows {
        if r.excluded.is_none()
            && r.solved_at.get().is_some_and(|t| c.period.contains(t))
        {
            let h = r.resolution_s as f64 / 3600.0;
            let k = HOUR_EDGES.iter().rposition(|e| h >= *e).unwrap_or(0);
            bins[k] += 1;
        }
    }
    let labels = HOUR_EDGES
        .iter()
        .enumerate()
        .map(|(k, e)| match HOUR_EDGES.get(k + 1) {
            Some(n) => CHART_BIN.fill(c.lang, &[("from", e), ("to", n)]),
            None => AT_LEAST.fill(c.lang, &[("value", e)]),
        })
        .collect();
    bars(
        c,
        title(c, CHART_RESOLUTION_TIME, &c.period_words()),
        [CHART_BUSINESS_HOURS, CHART_TICKETS],
        labels,
        bins.iter().map(|v| *v as f64).collect(),
    )
}

/// The survey scores of the period and how many answers gave each.
fn survey_scores(c: &Context<'_>) -> Chart {
    let dist = &c.lists.scores;
    bars(
        c,
        title(c, CHART_SURVEY_SCORES, &c.period_words()),
        [COL_SCORE, COL_ANSWERS],
        dist.iter().map(|(s, _)| format!("{s}")).collect(),
        dist.iter().map(|(_, n)| *n as f64).collect(),
    )
}
