//! The breach review page (`plazo report --html`):
//! `informe-<period>.html`, one self-contained file for a coordinator
//! (docs/CONTRACT.md §5.9). It shows what the workbook already holds,
//! computed once in [`Context`]: the indicators with their goals and
//! semáforo, the report's charts as inline SVG ([`super::charts::svg`]),
//! and the list of breached and at-risk tickets ([`lists`]), filterable
//! and sortable, each with its timeline as `plazo explain` shows it
//! ([`timeline`]), opened in place.
//!
//! No network: the style sheet and the script (`assets/html/page.css`,
//! `assets/html/page.js`, vanilla JavaScript) are embedded, there are
//! no fonts, images or links to fetch, and every text from the data is
//! escaped ([`escape`]). Timelines are `<details>` elements, so they
//! open with scripts off too; the print style hides the controls.
//!
//! Size: the page embeds at most [`MAX_ROWS`] tickets with their
//! timelines; when the list is longer it says how many were left out
//! and where they are (the workbook's "Incumplimientos" and "En riesgo"
//! sheets, `sla.csv`). docs/PERFORMANCE.md has the sizes measured.

pub mod escape;
pub mod lists;
pub mod timeline;

use std::collections::HashMap;
use std::fmt::Write as _;

use crate::engine::explain::Explanation;
use crate::report::{Context, wording};
use crate::text::lang::Lang;
use crate::text::msg::{html as m, report as r};

use escape::text;
pub use lists::{Entry, entries};

/// The most tickets (rows with their timelines) one page embeds.
pub const MAX_ROWS: usize = 1000;

/// The page's style sheet.
const CSS: &str = include_str!("../../../assets/html/page.css");

/// The page's script.
const JS: &str = include_str!("../../../assets/html/page.js");

/// The page's file name for the period labelled `label`.
pub fn file_name(label: &str) -> String {
    format!("informe-{label}.html")
}

/// The timelines the page shows: those of the first [`MAX_ROWS`]
/// tickets of the list, each explained by `explain` (ticket index to
/// its explanation, at the rows' cutoff).
pub fn timelines(
    c: &Context<'_>,
    explain: impl Fn(usize) -> Explanation,
) -> HashMap<u32, Explanation> {
    entries(c)
        .iter()
        .take(MAX_ROWS)
        .map(|e| (e.row.ticket, explain(e.row.ticket as usize)))
        .collect()
}

/// The page. `charts`: the report's charts as SVG text, by file stem;
/// `workbook`: the workbook's file name.
pub fn render(
    c: &Context<'_>,
    timelines: &HashMap<u32, Explanation>,
    charts: &[(String, String)],
    workbook: &str,
) -> String {
    render_limited(c, timelines, charts, workbook, MAX_ROWS)
}

/// [`render()`] embedding at most `max` tickets of the list (the page
/// uses [`MAX_ROWS`]; tests use fewer).
pub fn render_limited(
    c: &Context<'_>,
    timelines: &HashMap<u32, Explanation>,
    charts: &[(String, String)],
    workbook: &str,
    max: usize,
) -> String {
    let mut o = String::with_capacity(64 * 1024);
    head(&mut o, c, workbook);
    o.push_str("<section id=\"indicators\">");
    let _ = write!(o, "<h2>{}</h2>", text(&c.words.get(m::H_INDICATORS)));
    lists::indicators(&mut o, c);
    o.push_str("</section>\n<section id=\"charts\">");
    let _ = write!(
        o,
        "<h2>{}</h2><div class=\"charts\">",
        text(&c.words.get(m::H_CHARTS))
    );
    for (stem, svg) in charts {
        let _ = writeln!(
            o,
            "<figure id=\"chart-{stem}\">{}</figure>",
            inline_svg(svg)
        );
    }
    o.push_str("</div></section>\n");
    list(&mut o, c, timelines, workbook, max);
    foot(&mut o, c);
    o
}

/// The document's head, the style sheet and the page's heading.
fn head(o: &mut String, c: &Context<'_>, workbook: &str) {
    let lang = c.lang;
    let period = c.period_words();
    let title = c.words.fill(m::PAGE_TITLE, &[("period", &period)]);
    let heading = c.words.fill(
        m::PAGE_HEADING,
        &[("entity", &c.policy.name()), ("period", &period)],
    );
    let code = match lang {
        Lang::Es => "es",
        Lang::En => "en",
    };
    let _ = write!(
        o,
        "<!DOCTYPE html>\n<html lang=\"{code}\"><head><meta charset=\"utf-8\">\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
         <title>{}</title><style>\n{CSS}</style></head>\n<body>\n<header><h1>{}</h1>",
        text(&title),
        text(&heading)
    );
    let cutoff = wording::instant_in_zone(c.policy.tz(), c.cutoff, lang);
    let _ = writeln!(
        o,
        "<p class=\"meta\"><b>{}</b> {} · <b>{}</b> {}</p></header>",
        text(r::COL_PERIOD.get(lang)),
        text(&wording::period_span(c.period, lang)),
        text(r::COL_CUTOFF.get(lang)),
        text(&cutoff),
    );
    let intro = c.words.fill(m::PAGE_INTRO, &[("workbook", &workbook)]);
    let _ = writeln!(o, "<p class=\"intro noprint\">{}</p>", text(&intro));
    if c.empty_period {
        let note = c
            .words
            .fill(r::EMPTY_PERIOD, &[("period", &c.period_words())]);
        let _ = writeln!(o, "<p class=\"empty\">{}</p>", text(&note));
    }
}

/// The list section: its heading, help, the note on rows left out, and
/// the list (or the line saying it is empty).
fn list(
    o: &mut String,
    c: &Context<'_>,
    timelines: &HashMap<u32, Explanation>,
    workbook: &str,
    max: usize,
) {
    let w = &c.words;
    let all = entries(c);
    let _ = write!(
        o,
        "<section id=\"list\"><h2>{}</h2>",
        text(&w.get(m::H_LIST))
    );
    if all.is_empty() {
        let _ = writeln!(
            o,
            "<p id=\"count\">{}</p></section>",
            text(&w.get(m::LIST_EMPTY))
        );
        return;
    }
    let _ = writeln!(
        o,
        "<p class=\"help noprint\">{}</p>",
        text(&w.get(m::LIST_HELP))
    );
    let shown = all.len().min(max);
    if all.len() > shown {
        let note = w.fill(
            m::LEFT_OUT,
            &[
                ("shown", &shown),
                ("total", &all.len()),
                ("left", &(all.len() - shown)),
                ("breaches", &w.get(r::SHEET_BREACHES)),
                ("at_risk", &w.get(r::SHEET_AT_RISK)),
                ("workbook", &workbook),
            ],
        );
        let _ = writeln!(o, "<p id=\"left-out\">{}</p>", text(&note));
    }
    lists::tickets(o, c, &all[..shown], timelines);
    o.push_str("</section>\n");
}

/// The footer and the script.
fn foot(o: &mut String, c: &Context<'_>) {
    let lang = c.lang;
    let cutoff = wording::instant_in_zone(c.policy.tz(), c.cutoff, lang);
    let line = c.words.fill(
        m::FOOTER,
        &[
            ("version", &env!("CARGO_PKG_VERSION")),
            ("policy", &c.policy.name()),
            ("cutoff", &cutoff),
        ],
    );
    let _ = write!(
        o,
        "<footer>{}</footer>\n<script>\n{JS}</script>\n</body></html>\n",
        text(&line)
    );
}

/// A chart's SVG document as an inline element: without the XML
/// namespace attribute (HTML does not need it, and the page names no
/// address at all).
fn inline_svg(svg: &str) -> String {
    svg.replacen(" xmlns=\"http://www.w3.org/2000/svg\"", "", 1)
        .replacen("<svg ", "<svg role=\"img\" ", 1)
}
