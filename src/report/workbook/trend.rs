//! "Tendencia": the last 12 periods' counts and compliance (each
//! percentage with its numerator and denominator) beside the resolution
//! goal, with three native Excel charts over that table.

use rust_xlsxwriter::{Chart, ChartType, Worksheet};

use crate::error::Result;
use crate::indicators::Line;
use crate::report::{Context, wording};
use crate::text::Msg;
use crate::text::msg::{report, sheets as m};

use super::cells::{Formats, PrintLayout, Sheet, xerr};

/// What a column after the period shows of its indicator.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Show {
    /// The value.
    Value,
    /// The numerator (tickets counted).
    Num,
    /// The denominator (tickets it is taken over).
    Den,
}

/// The columns after the period: title, indicator, what of it. Each
/// percentage is followed by its numerator and denominator.
const COLUMNS: [(Msg, &str, Show); 9] = [
    (m::TREND_OPENED, "tickets_opened", Show::Value),
    (m::TREND_SOLVED, "tickets_solved", Show::Value),
    (m::TREND_BACKLOG, "backlog_end", Show::Value),
    (
        m::TREND_RESPONSE_PCT,
        "response_compliance_pct",
        Show::Value,
    ),
    (m::TREND_RESPONSE_MET, "response_compliance_pct", Show::Num),
    (m::TREND_RESPONSE_DEN, "response_compliance_pct", Show::Den),
    (
        m::TREND_RESOLUTION_PCT,
        "resolution_compliance_pct",
        Show::Value,
    ),
    (
        m::TREND_RESOLUTION_MET,
        "resolution_compliance_pct",
        Show::Num,
    ),
    (
        m::TREND_RESOLUTION_DEN,
        "resolution_compliance_pct",
        Show::Den,
    ),
];

/// The sheet column of `COLUMNS[k]` (after the period's).
const fn col(k: usize) -> u16 {
    1 + k as u16
}

/// The column of the resolution goal, after [`COLUMNS`].
const GOAL_COL: u16 = col(COLUMNS.len());

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
    heads.extend(COLUMNS.iter().map(|(t, _, _)| w.get(*t)));
    heads.push(super::cells::header(c, m::TREND_TARGET));
    s.headers(0, &heads)?;
    s.widths(&[
        14.0, 11.0, 13.0, 14.0, 14.0, 12.0, 12.0, 14.0, 12.0, 12.0, 14.0,
    ])?;
    let goal = c.policy.goal("resolution_compliance_pct");
    for (k, (p, l)) in c.trend.iter().enumerate() {
        let r = 1 + k as u32;
        s.text(r, 0, &p.label())?;
        let goal = goal.map(|g| g.value);
        s.indicator(r, GOAL_COL, "resolution_compliance_pct", goal)?;
        if !has_data(l) {
            // No ticket opened and nothing solved: no figure to show
            // (a 0 would read as a measured month).
            continue;
        }
        for (j, (_, id, show)) in COLUMNS.iter().enumerate() {
            let parts = l.parts(id);
            match show {
                Show::Value => s.indicator(r, col(j), id, l.get(id))?,
                Show::Num => s.num(r, col(j), parts.num, &f.int)?,
                Show::Den => {
                    s.num(r, col(j), parts.den.map(|d| d as f64), &f.int)?
                }
            }
        }
    }
    let n = c.trend.len() as u32;
    charts(&mut s, name, n)?;
    // The table and the three charts (480 × 288 px, about 15 rows and,
    // from column I, 8 default columns) on one landscape page, or the
    // table when it is wider.
    let last_col = GOAL_COL.max(8 + 7);
    s.print_setup(&PrintLayout::one_page(true, n + 19 + 15, last_col))
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
        &[col(6), col(3), GOAL_COL],
    );
    let percent = m::TREND_PERCENT.get(lang);
    line.y_axis()
        .set_name(percent)
        .set_min(0)
        .set_max(1)
        .set_num_format("0%");
    s.ws.insert_chart(n + 3, 0, &line).map_err(xerr)?;
    let opened_solved = chart(
        ChartType::Column,
        m::TREND_CHART_OPENED_SOLVED,
        &[col(0), col(1)],
    );
    s.ws.insert_chart(n + 3, 8, &opened_solved).map_err(xerr)?;
    let backlog = chart(ChartType::Line, m::TREND_CHART_BACKLOG, &[col(2)]);
    s.ws.insert_chart(n + 19, 0, &backlog).map_err(xerr)?;
    Ok(())
}
