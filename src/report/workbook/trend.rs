//! "Tendencia": the last 12 periods' counts and compliance beside the
//! resolution goal, with three native Excel charts over that table.

use rust_xlsxwriter::{Chart, ChartType, Worksheet};

use crate::error::Result;
use crate::indicators::Line;
use crate::report::{Context, wording};
use crate::text::Msg;
use crate::text::msg::{report, sheets as m};

use super::cells::{Formats, Sheet, xerr};

/// The columns after the period, each with the indicator it shows.
const COLUMNS: [(Msg, &str); 5] = [
    (m::TREND_OPENED, "tickets_opened"),
    (m::TREND_SOLVED, "tickets_solved"),
    (m::TREND_BACKLOG, "backlog_end"),
    (m::TREND_RESPONSE_PCT, "response_compliance_pct"),
    (m::TREND_RESOLUTION_PCT, "resolution_compliance_pct"),
];

/// The column of the resolution goal, after [`COLUMNS`].
const GOAL_COL: u16 = 6;

/// Writes the sheet.
pub(super) fn write(
    ws: &mut Worksheet,
    f: &Formats,
    c: &Context<'_>,
) -> Result<()> {
    let (lang, w) = (c.lang, &c.words);
    let name = report::SHEET_TREND.get(lang);
    let mut s = Sheet::named(ws, f, c, name)?;
    let mut heads = vec![w.get(report::COL_PERIOD)];
    heads.extend(COLUMNS.iter().map(|(t, _)| w.get(*t)));
    heads.push(super::cells::header(c, m::TREND_TARGET));
    s.headers(0, &heads)?;
    s.widths(&[14.0, 11.0, 13.0, 14.0, 14.0, 14.0, 14.0])?;
    let goal = c.policy.goal("resolution_compliance_pct");
    for (k, (p, l)) in c.trend.iter().enumerate() {
        let r = 1 + k as u32;
        s.text(r, 0, &p.label())?;
        s.num(r, GOAL_COL, goal.map(|g| g.value), &f.pct)?;
        if !has_data(l) {
            // No ticket opened and nothing solved: no figure to show
            // (a 0 would read as a measured month).
            continue;
        }
        for (j, (_, id)) in COLUMNS.iter().enumerate() {
            s.num(r, 1 + j as u16, l.get(id), f.value(id))?;
        }
    }
    charts(&mut s, name, c.trend.len() as u32)
}

/// Whether a period had any activity: a ticket opened or solved.
pub(crate) fn has_data(l: &Line) -> bool {
    ["tickets_opened", "tickets_solved"]
        .iter()
        .any(|id| l.get(id).is_some_and(|v| v > 0.0))
}

/// The charts under the table of `n` periods on sheet `name`:
/// compliance against the goal, opened against solved, the backlog.
fn charts(s: &mut Sheet<'_, '_>, name: &str, n: u32) -> Result<()> {
    let (c, lang) = (s.c, s.lang());
    let months: Vec<&crate::report::Period> =
        c.trend.iter().map(|(p, _)| p).collect();
    let span = wording::periods_span(&months, lang);
    let chart = |kind: ChartType, title: Msg, cols: &[u16]| {
        let mut ch = Chart::new(kind);
        ch.title()
            .set_name(c.words.fill(title, &[("period", &span)]).as_str());
        for &col in cols {
            ch.add_series()
                .set_categories((name, 1, 0, n, 0))
                .set_values((name, 1, col, n, col))
                .set_name((name, 0, col));
        }
        ch
    };
    let mut line = chart(
        ChartType::Line,
        m::TREND_CHART_COMPLIANCE,
        &[5, 4, GOAL_COL],
    );
    let percent = m::TREND_PERCENT.get(lang);
    line.y_axis().set_name(percent).set_min(0).set_max(100);
    s.ws.insert_chart(n + 3, 0, &line).map_err(xerr)?;
    let opened_solved =
        chart(ChartType::Column, m::TREND_CHART_OPENED_SOLVED, &[1, 2]);
    s.ws.insert_chart(n + 3, 8, &opened_solved).map_err(xerr)?;
    let backlog = chart(ChartType::Line, m::TREND_CHART_BACKLOG, &[3]);
    s.ws.insert_chart(n + 19, 0, &backlog).map_err(xerr)?;
    Ok(())
}
