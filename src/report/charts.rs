//! The report's charts as PNG and SVG, drawn with plotters.
//!
//! Text is drawn with DejaVu Sans embedded in the binary
//! (`assets/fonts/`, Bitstream Vera licence) and registered with
//! plotters' `ab_glyph` backend before the first drawing, so that charts
//! render the same on a fresh machine without system fonts. Neither
//! format carries a timestamp: the same data give the same bytes.

use std::path::Path;
use std::sync::Once;

use plotters::coord::Shift;
use plotters::coord::ranged1d::SegmentedCoord;
use plotters::coord::types::{RangedCoordf64, RangedCoordusize};
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use crate::error::{Error, Result};
use crate::text::msg;

/// DejaVu Sans (Bitstream Vera licence, see `assets/fonts/`).
static FONT: &[u8] = include_bytes!("../../assets/fonts/DejaVuSans.ttf");

/// The family name the charts ask for.
const FAMILY: &str = "sans-serif";

const W: u32 = 960;
const H: u32 = 540;

fn register_font() {
    static ONCE: Once = Once::new();
    ONCE.call_once(|| {
        for style in [FontStyle::Normal, FontStyle::Bold] {
            // The font is a known-good file compiled in; failing to read
            // it is a build defect.
            plotters::style::register_font(FAMILY, style, FONT)
                .unwrap_or_else(|_| panic!("embedded font is invalid"));
        }
    });
}

/// What a chart shows over its labels.
#[derive(Clone, Debug)]
pub enum Body {
    /// One bar per label, its value written on it with `decimals`.
    Bars {
        /// One value per label.
        values: Vec<f64>,
        /// Decimals of the values written on the bars.
        decimals: usize,
    },
    /// Named series, one value per label (`None`: no data), as lines.
    Lines(Vec<(String, Vec<Option<f64>>)>),
}

/// A chart: categories along the horizontal axis, an optional target
/// drawn as a red horizontal line.
#[derive(Clone, Debug)]
pub struct Chart {
    /// Chart title.
    pub title: String,
    /// Horizontal axis label.
    pub x_desc: String,
    /// Vertical axis label.
    pub y_desc: String,
    /// One label per category.
    pub labels: Vec<String>,
    /// Bars or lines.
    pub body: Body,
    /// A target drawn as a red line, with its legend text.
    pub target: Option<(f64, String)>,
    /// Fixed top of the vertical axis (e.g. 110 for percentages).
    pub y_max: Option<f64>,
}

type DrawResult<DB> = std::result::Result<
    (),
    DrawingAreaErrorKind<<DB as DrawingBackend>::ErrorType>,
>;

const PALETTE: [RGBColor; 3] = [
    RGBColor(31, 119, 180),
    RGBColor(44, 160, 44),
    RGBColor(255, 127, 14),
];

/// A label cut to 16 characters.
fn short(s: &str) -> String {
    if s.chars().count() > 16 {
        let mut t: String = s.chars().take(15).collect();
        t.push('…');
        t
    } else {
        s.to_string()
    }
}

impl Chart {
    /// The top of the vertical axis: `y_max`, or 15% over the largest
    /// value or target.
    fn top(&self) -> f64 {
        if let Some(m) = self.y_max {
            return m;
        }
        let values: Vec<f64> = match &self.body {
            Body::Bars { values, .. } => values.clone(),
            Body::Lines(series) => series
                .iter()
                .flat_map(|s| s.1.iter().flatten().copied())
                .collect(),
        };
        let m = values
            .into_iter()
            .chain(self.target.as_ref().map(|t| t.0))
            .fold(0.0, f64::max);
        if m <= 0.0 { 1.0 } else { m * 1.15 }
    }
}

/// The plotting area of a chart: one segment per label along the
/// horizontal axis, numbers up the vertical one.
type Plot<'a, DB> = ChartContext<
    'a,
    DB,
    Cartesian2d<SegmentedCoord<RangedCoordusize>, RangedCoordf64>,
>;

/// Draws `c` on `root`: the frame and axes, the bars or lines, the
/// target line, and a legend when there are lines or a target.
fn draw<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    c: &Chart,
) -> DrawResult<DB> {
    root.fill(&WHITE)?;
    let n = c.labels.len().max(1);
    let mut chart = ChartBuilder::on(root)
        .caption(&c.title, (FAMILY, 24))
        .margin(16)
        .x_label_area_size(60)
        .y_label_area_size(70)
        .build_cartesian_2d((0..n - 1).into_segmented(), 0.0..c.top())?;
    let labels = &c.labels;
    chart
        .configure_mesh()
        .disable_x_mesh()
        .light_line_style(RGBColor(245, 245, 245))
        .x_desc(c.x_desc.as_str())
        .y_desc(c.y_desc.as_str())
        .x_labels(n)
        .x_label_formatter(&|v| match v {
            SegmentValue::CenterOf(i) => {
                labels.get(*i).map(|s| short(s)).unwrap_or_default()
            }
            _ => String::new(),
        })
        .label_style((FAMILY, 14))
        .axis_desc_style((FAMILY, 16))
        .draw()?;
    let mut legend = false;
    match &c.body {
        Body::Bars { values, decimals } => {
            draw_bars(&mut chart, values, *decimals)?
        }
        Body::Lines(series) => {
            legend = true;
            draw_lines(&mut chart, series)?;
        }
    }
    if let Some((t, name)) = &c.target {
        legend = true;
        draw_target(&mut chart, *t, name)?;
    }
    if legend {
        chart
            .configure_series_labels()
            .position(SeriesLabelPosition::LowerRight)
            .label_font((FAMILY, 14))
            .background_style(WHITE.mix(0.8))
            .border_style(BLACK)
            .draw()?;
    }
    root.present()
}

/// One bar per value, the value written on it with `decimals`.
fn draw_bars<DB: DrawingBackend>(
    chart: &mut Plot<'_, DB>,
    values: &[f64],
    decimals: usize,
) -> DrawResult<DB> {
    // Rectangles in order (plotters' Histogram goes through a
    // HashMap, whose order changes the SVG's bytes between runs).
    chart.draw_series(values.iter().enumerate().map(|(i, v)| {
        let mut r = Rectangle::new(
            [
                (SegmentValue::Exact(i), 0.0),
                (SegmentValue::Exact(i + 1), *v),
            ],
            PALETTE[0].filled(),
        );
        r.set_margin(0, 0, 12, 12);
        r
    }))?;
    let style = TextStyle::from((FAMILY, 15).into_font())
        .pos(Pos::new(HPos::Center, VPos::Bottom));
    chart.draw_series(values.iter().enumerate().map(|(i, v)| {
        Text::new(
            format!("{v:.decimals$}"),
            (SegmentValue::CenterOf(i), *v),
            style.clone(),
        )
    }))?;
    Ok(())
}

/// Each named series as a line with dots, in the palette's colours,
/// with its legend entry.
fn draw_lines<DB: DrawingBackend>(
    chart: &mut Plot<'_, DB>,
    series: &[(String, Vec<Option<f64>>)],
) -> DrawResult<DB> {
    for (k, (name, vals)) in series.iter().enumerate() {
        let color = PALETTE[k % PALETTE.len()];
        let pts: Vec<(SegmentValue<usize>, f64)> = vals
            .iter()
            .enumerate()
            .filter_map(|(i, v)| v.map(|v| (SegmentValue::CenterOf(i), v)))
            .collect();
        chart
            .draw_series(LineSeries::new(
                pts.iter().cloned(),
                color.stroke_width(3),
            ))?
            .label(name.as_str())
            .legend(move |(x, y)| {
                PathElement::new([(x, y), (x + 20, y)], color.stroke_width(3))
            });
        chart.draw_series(
            pts.iter()
                .map(|p| Circle::new(p.clone(), 4, color.filled())),
        )?;
    }
    Ok(())
}

/// The target `t` as a red line across the chart, with its legend
/// entry `name`.
fn draw_target<DB: DrawingBackend>(
    chart: &mut Plot<'_, DB>,
    t: f64,
    name: &str,
) -> DrawResult<DB> {
    chart
        .draw_series(LineSeries::new(
            [(SegmentValue::Exact(0), t), (SegmentValue::Last, t)],
            RED.stroke_width(2),
        ))?
        .label(name)
        .legend(|(x, y)| {
            PathElement::new([(x, y), (x + 20, y)], RED.stroke_width(2))
        });
    Ok(())
}

/// A drawing failure on `path`, quoting plotters' message.
fn chart_error(path: &Path, e: impl std::fmt::Display) -> Error {
    Error::failure_msg(
        msg::report::CHART_FAILED,
        &[("path", &path.display()), ("detail", &e)],
    )
}

/// Draws `chart` as SVG text.
///
/// # Errors
///
/// A failure naming `name` when plotters cannot draw it.
pub fn svg(chart: &Chart, name: &Path) -> Result<String> {
    register_font();
    let mut s = String::new();
    {
        let root = SVGBackend::with_string(&mut s, (W, H)).into_drawing_area();
        draw(&root, chart).map_err(|e| chart_error(name, e))?;
    }
    Ok(s)
}

/// Draws `chart` as a PNG file at `path`, staged in `batch` (a
/// temporary file beside it, renamed when the batch commits); returns
/// the PNG's bytes. The picture is drawn and encoded in memory (as
/// plotters' file backend encodes it: `image`'s PNG encoder, default
/// settings), then written by the batch: a full disk or a read-only
/// folder is reported as any other file's (docs/ROBUSTNESS.md).
///
/// # Errors
///
/// A failure naming `path` when drawing fails; an I/O error naming it
/// when writing fails.
pub fn png(
    chart: &Chart,
    path: &Path,
    batch: &mut crate::io::atomic::Batch,
) -> Result<Vec<u8>> {
    use image::ImageEncoder as _;
    register_font();
    let mut pixels = vec![0u8; W as usize * H as usize * 3];
    {
        let root = BitMapBackend::with_buffer(&mut pixels, (W, H))
            .into_drawing_area();
        draw(&root, chart).map_err(|e| chart_error(path, e))?;
    }
    let mut png = Vec::new();
    image::codecs::png::PngEncoder::new(&mut png)
        .write_image(&pixels, W, H, image::ColorType::Rgb8)
        .map_err(|e| chart_error(path, e))?;
    batch.write(path, &png)?;
    Ok(png)
}
