//! "Gráficos": the report's chart images (the PNGs of `charts/`), one
//! under the other, one to a row, two to a printed page. They used to sit under the
//! indicator table of "Resumen"; there they made its one printed page
//! too small to read (docs/PRINTING.md).

use rust_xlsxwriter::{Image, Worksheet};

use crate::error::Result;
use crate::report::Context;
use crate::text::msg::sheets as m;

use super::cells::{Fit, Formats, PrintLayout, Sheet, xerr};

/// The images' scale: 960 × 540 px charts become 672 × 378 px (7 in
/// wide at 96 dpi), inside a portrait Letter page's 7.5 in.
const SCALE: f64 = 0.7;

/// The width of column A, which holds the images: 97 characters of
/// 7 px and 5 px of padding make 684 px, a little more than an image.
const IMAGE_COL_W: f64 = 97.0;

/// The height of an image's row, in points: the image's 283.5 pt and a
/// gap. A row never splits over two pages, so neither does its image;
/// two rows and the title fit the 684 pt inside the margins.
const IMAGE_ROW_PT: f64 = 300.0;

/// Writes the sheet with `charts` (name, PNG bytes).
pub(super) fn write(
    ws: &mut Worksheet,
    f: &Formats,
    c: &Context<'_>,
    charts: &[(String, Vec<u8>)],
) -> Result<()> {
    let lang = c.lang;
    let mut s = Sheet::named(ws, f, c, m::SUMMARY_CHARTS.get(lang))?;
    s.widths(&[IMAGE_COL_W])?;
    let title = m::CHARTS_TITLE.fill(lang, &[("period", &c.period.label())]);
    s.text_f(0, 0, &title, &f.title)?;
    for (k, (_, png)) in charts.iter().enumerate() {
        let row = 1 + k as u32;
        s.ws.set_row_height(row, IMAGE_ROW_PT).map_err(xerr)?;
        let img = Image::new_from_buffer(png)
            .map_err(xerr)?
            .set_scale_width(SCALE)
            .set_scale_height(SCALE);
        s.ws.insert_image(row, 0, &img).map_err(xerr)?;
    }
    s.print_setup(&PrintLayout {
        landscape: false,
        fit: Fit::Scale(100),
        repeat_rows: None,
        last: (charts.len() as u32, 0),
        breaks: Vec::new(),
    })
}
