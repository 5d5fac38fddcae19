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
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use crate::error::{Error, Result};

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

/// A bar chart: one bar per label, its value written on it, an optional
/// horizontal target line.
#[derive(Clone, Debug)]
pub struct Bars {
    /// Chart title.
    pub title: String,
    /// Horizontal axis label.
    pub x_desc: String,
    /// Vertical axis label.
    pub y_desc: String,
    /// One label per bar.
    pub labels: Vec<String>,
    /// One value per bar.
    pub values: Vec<f64>,
    /// A target drawn as a red line, with its legend text.
    pub target: Option<(f64, String)>,
    /// Fixed top of the vertical axis (100 for percentages).
    pub y_max: Option<f64>,
    /// Decimals of the values written on the bars.
    pub decimals: usize,
}

/// A line chart over periods: several series and an optional target.
#[derive(Clone, Debug)]
pub struct Lines {
    /// Chart title.
    pub title: String,
    /// Vertical axis label.
    pub y_desc: String,
    /// One label per period.
    pub labels: Vec<String>,
    /// Named series, one value per period (`None`: no data).
    pub series: Vec<(String, Vec<Option<f64>>)>,
    /// A target drawn as a red line, with its legend text.
    pub target: Option<(f64, String)>,
    /// Fixed top of the vertical axis.
    pub y_max: Option<f64>,
}

/// A chart to draw.
#[derive(Clone, Debug)]
pub enum Chart {
    /// Bars.
    Bars(Bars),
    /// Lines.
    Lines(Lines),
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

fn fmt_value(v: f64, decimals: usize) -> String {
    format!("{v:.decimals$}")
}

fn draw_bars<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    b: &Bars,
) -> DrawResult<DB> {
    root.fill(&WHITE)?;
    let n = b.labels.len().max(1);
    let top = b.y_max.unwrap_or_else(|| {
        let m = b
            .values
            .iter()
            .copied()
            .chain(b.target.as_ref().map(|t| t.0))
            .fold(0.0, f64::max);
        if m <= 0.0 { 1.0 } else { m * 1.15 }
    });
    let mut chart = ChartBuilder::on(root)
        .caption(&b.title, (FAMILY, 24))
        .margin(16)
        .x_label_area_size(60)
        .y_label_area_size(70)
        .build_cartesian_2d((0..n - 1).into_segmented(), 0.0..top)?;
    let labels = &b.labels;
    chart
        .configure_mesh()
        .disable_x_mesh()
        .light_line_style(RGBColor(245, 245, 245))
        .x_desc(b.x_desc.as_str())
        .y_desc(b.y_desc.as_str())
        .x_labels(n)
        .x_label_formatter(&|v| match v {
            SegmentValue::CenterOf(i) => {
                let s = labels.get(*i).cloned().unwrap_or_default();
                if s.chars().count() > 16 {
                    let mut t: String = s.chars().take(15).collect();
                    t.push('…');
                    t
                } else {
                    s
                }
            }
            _ => String::new(),
        })
        .label_style((FAMILY, 14))
        .axis_desc_style((FAMILY, 16))
        .draw()?;
    // Rectangles in order (plotters' Histogram goes through a HashMap,
    // whose order changes the SVG's bytes from run to run).
    chart.draw_series(b.values.iter().enumerate().map(|(i, v)| {
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
    chart.draw_series(b.values.iter().enumerate().map(|(i, v)| {
        Text::new(
            fmt_value(*v, b.decimals),
            (SegmentValue::CenterOf(i), *v),
            style.clone(),
        )
    }))?;
    if let Some((t, name)) = &b.target {
        chart
            .draw_series(LineSeries::new(
                [(SegmentValue::Exact(0), *t), (SegmentValue::Last, *t)],
                RED.stroke_width(2),
            ))?
            .label(name.as_str())
            .legend(|(x, y)| {
                PathElement::new([(x, y), (x + 20, y)], RED.stroke_width(2))
            });
        chart
            .configure_series_labels()
            .position(SeriesLabelPosition::UpperRight)
            .label_font((FAMILY, 14))
            .background_style(WHITE.mix(0.8))
            .border_style(BLACK)
            .draw()?;
    }
    root.present()
}

fn draw_lines<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    l: &Lines,
) -> DrawResult<DB> {
    root.fill(&WHITE)?;
    let n = l.labels.len().max(1);
    let top = l.y_max.unwrap_or_else(|| {
        let m = l
            .series
            .iter()
            .flat_map(|s| s.1.iter().flatten().copied())
            .chain(l.target.as_ref().map(|t| t.0))
            .fold(0.0, f64::max);
        if m <= 0.0 { 1.0 } else { m * 1.15 }
    });
    let mut chart = ChartBuilder::on(root)
        .caption(&l.title, (FAMILY, 24))
        .margin(16)
        .x_label_area_size(60)
        .y_label_area_size(70)
        .build_cartesian_2d((0..n - 1).into_segmented(), 0.0..top)?;
    let labels = &l.labels;
    chart
        .configure_mesh()
        .disable_x_mesh()
        .light_line_style(RGBColor(245, 245, 245))
        .y_desc(l.y_desc.as_str())
        .x_labels(n)
        .x_label_formatter(&|v| match v {
            SegmentValue::CenterOf(i) => {
                labels.get(*i).cloned().unwrap_or_default()
            }
            _ => String::new(),
        })
        .label_style((FAMILY, 13))
        .axis_desc_style((FAMILY, 16))
        .draw()?;
    for (k, (name, vals)) in l.series.iter().enumerate() {
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
    if let Some((t, name)) = &l.target {
        chart
            .draw_series(LineSeries::new(
                [(SegmentValue::Exact(0), *t), (SegmentValue::Last, *t)],
                RED.stroke_width(2),
            ))?
            .label(name.as_str())
            .legend(|(x, y)| {
                PathElement::new([(x, y), (x + 20, y)], RED.stroke_width(2))
            });
    }
    chart
        .configure_series_labels()
        .position(SeriesLabelPosition::LowerRight)
        .label_font((FAMILY, 14))
        .background_style(WHITE.mix(0.8))
        .border_style(BLACK)
        .draw()?;
    root.present()
}

fn draw<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    c: &Chart,
) -> DrawResult<DB> {
    match c {
        Chart::Bars(b) => draw_bars(root, b),
        Chart::Lines(l) => draw_lines(root, l),
    }
}

fn chart_error(path: &Path, e: impl std::fmt::Display) -> Error {
    Error::failure(
        format!("no se pudo dibujar {}: {e}", path.display()),
        format!("could not draw {}: {e}", path.display()),
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

/// Draws `chart` as a PNG file at `path`, atomically (a temporary file
/// beside it, then a rename); returns the PNG's bytes.
///
/// # Errors
///
/// A failure naming `path` when drawing or writing fails.
pub fn png(chart: &Chart, path: &Path) -> Result<Vec<u8>> {
    register_font();
    let dir = path.parent().unwrap_or(Path::new("."));
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().to_string())
        .unwrap_or_default();
    // The extension tells the encoder the format: keep `.png` last.
    let tmp = dir.join(format!(".{name}.{}.tmp.png", std::process::id()));
    let res = (|| {
        let root = BitMapBackend::new(&tmp, (W, H)).into_drawing_area();
        draw(&root, chart).map_err(|e| chart_error(path, e))?;
        drop(root);
        let bytes = std::fs::read(&tmp).map_err(|e| Error::io(&tmp, &e))?;
        std::fs::rename(&tmp, path).map_err(|e| Error::io(path, &e))?;
        Ok(bytes)
    })();
    if res.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    res
}
