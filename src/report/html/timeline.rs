//! One ticket's timeline on the page, as `plazo explain` shows it
//! ([`crate::report::explain`]: the same header lines, table cells and
//! verdicts), inside a `<details>` that opens in place; above the table
//! an inline SVG bar of the business time counted and paused, with the
//! resolution target as a line. The interval in which the resolution
//! total passed the target is marked ("meta agotada aquí").

use std::fmt::Write as _;

use crate::engine::explain::{CountsAs, Explanation, Segment};
use crate::report::Context;
use crate::report::explain::{header_lines, outcome_lines, table_rows};
use crate::text::msg::html as m;
use crate::time::hms;

use super::escape::text;

/// The bar's width and height in pixels.
const BAR: (f64, f64) = (720.0, 22.0);

/// Writes ticket `id`'s `<details>` with the explanation `x`.
pub fn details(o: &mut String, c: &Context<'_>, id: &str, x: &Explanation) {
    let summary = c.words.fill(m::TIMELINE, &[("id", &id)]);
    let _ = write!(
        o,
        "<details class=\"timeline\" data-ticket=\"{}\"><summary>{}</summary>",
        text(id),
        text(&summary)
    );
    bar(o, c, x);
    // The ticket and the policy are the row and the page's footer.
    o.push_str("<ul class=\"head\">");
    for line in header_lines(x, c.lang).iter().skip(2) {
        let _ = write!(o, "<li>{}</li>", text(line));
    }
    o.push_str("</ul>");
    table(o, c, x);
    o.push_str("<ul class=\"outcome\">");
    for line in outcome_lines(x, c.lang) {
        let _ = write!(o, "<li>{}</li>", text(&line));
    }
    o.push_str("</ul></details>");
}

/// The class of an interval's row: counted, paused or not counted.
fn class(s: &Segment) -> &'static str {
    match s.counts_as {
        CountsAs::ResponseAndResolution | CountsAs::Resolution => "c",
        CountsAs::Pause => "p",
        _ => "x",
    }
}

/// The index of the interval in which the resolution total passed
/// `target`: the first whose running total is over it.
pub fn ran_out(segments: &[Segment], target: Option<i64>) -> Option<usize> {
    let t = target?;
    segments.iter().position(|s| s.resolution_so_far_s > t)
}

/// The table: explain's headers and cells, one row per interval.
fn table(o: &mut String, c: &Context<'_>, x: &Explanation) {
    let rows = table_rows(x, c.lang);
    let out = ran_out(&x.segments, x.outcome.resolution.target_s);
    let mark = text(&c.words.get(m::RAN_OUT));
    o.push_str("<table class=\"steps\"><thead><tr>");
    for h in &rows[0] {
        let _ = write!(o, "<th>{}</th>", text(h));
    }
    o.push_str("</tr></thead><tbody>");
    for (k, (cells, seg)) in rows[1..].iter().zip(&x.segments).enumerate() {
        let here = out == Some(k);
        let extra = if here { " out" } else { "" };
        let _ = write!(o, "<tr class=\"{}{extra}\">", class(seg));
        for (j, cell) in cells.iter().enumerate() {
            // The mark shows after the running total (CSS `::after`),
            // outside the cell's text.
            if here && j + 1 == cells.len() {
                let _ =
                    write!(o, "<td data-mark=\"{mark}\">{}</td>", text(cell));
            } else {
                let _ = write!(o, "<td>{}</td>", text(cell));
            }
        }
        o.push_str("</tr>");
    }
    o.push_str("</tbody></table>");
}

/// The SVG bar: each interval before the solution as wide as its
/// business time, counted time blue (red past the target), paused time
/// grey, and the target as a vertical line.
fn bar(o: &mut String, c: &Context<'_>, x: &Explanation) {
    let live: Vec<&Segment> =
        x.segments.iter().filter(|s| class(s) != "x").collect();
    let total: i64 = live.iter().map(|s| s.business_s).sum();
    let target = x.outcome.resolution.target_s.filter(|t| *t > 0);
    let span = total.max(target.unwrap_or(0));
    if span == 0 {
        return;
    }
    let (w, h) = BAR;
    let scale = w / span as f64;
    let _ = write!(
        o,
        "<svg class=\"bar\" role=\"img\" width=\"{w}\" height=\"{}\" \
         viewBox=\"0 0 {w} {}\">",
        h + 16.0,
        h + 16.0
    );
    let (mut at, mut counted) = (0i64, 0i64);
    for s in live {
        let pieces = split(s, counted, target);
        for (len, fill) in pieces {
            let _ = write!(
                o,
                "<rect x=\"{:.1}\" y=\"0\" width=\"{:.1}\" height=\"{h}\" \
                 fill=\"{fill}\"/>",
                at as f64 * scale,
                len as f64 * scale
            );
            at += len;
        }
        if class(s) == "c" {
            counted += s.business_s;
        }
    }
    if let Some(t) = target {
        let tx = (t.min(span) as f64 * scale).min(w - 1.0);
        let label = c.words.fill(m::LEGEND_TARGET, &[("target", &hms(t))]);
        let anchor = if tx > w / 2.0 { "end" } else { "start" };
        let _ = write!(
            o,
            "<line x1=\"{tx:.1}\" y1=\"0\" x2=\"{tx:.1}\" y2=\"{}\" \
             stroke=\"#222\" stroke-width=\"2\"/><text x=\"{tx:.1}\" \
             y=\"{}\" font-size=\"11\" text-anchor=\"{anchor}\">{}</text>",
            h + 4.0,
            h + 14.0,
            text(&label)
        );
    }
    o.push_str("</svg>");
    legend(o, c);
}

/// Interval `s`'s pieces of the bar as (business seconds, colour), with
/// `counted` seconds counted before it: paused grey; counted blue up
/// to the target and red past it.
fn split(s: &Segment, counted: i64, target: Option<i64>) -> Vec<(i64, &str)> {
    const BLUE: &str = "#2c6fbb";
    const RED: &str = "#c0392b";
    const GREY: &str = "#b8b8b8";
    if class(s) == "p" {
        return vec![(s.business_s, GREY)];
    }
    let Some(t) = target else {
        return vec![(s.business_s, BLUE)];
    };
    let within = (t - counted).clamp(0, s.business_s);
    [(within, BLUE), (s.business_s - within, RED)]
        .into_iter()
        .filter(|(n, _)| *n > 0)
        .collect()
}

/// The bar's legend.
fn legend(o: &mut String, c: &Context<'_>) {
    let _ = write!(
        o,
        "<p class=\"legend\"><span class=\"k c\"></span>{} \
         <span class=\"k o\"></span>{} <span class=\"k p\"></span>{}</p>",
        text(&c.words.get(m::LEGEND_COUNTED)),
        text(&c.words.get(m::LEGEND_OVER)),
        text(&c.words.get(m::LEGEND_PAUSED)),
    );
}
