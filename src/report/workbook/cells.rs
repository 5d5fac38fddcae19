//! What every sheet writes with: the shared cell formats, a [`Sheet`]
//! that writes one kind of value per call (text, number, instant,
//! business duration, yes/no), and the columns that identify a ticket.

use chrono::NaiveDate;
use rust_xlsxwriter::{Format, FormatBorder, Worksheet, XlsxError};

use crate::error::{Error, Result};
use crate::indicators;
use crate::model::dataset::Attr;
use crate::report::Context;
use crate::text::lang::Lang;
use crate::text::words::Words;
use crate::text::{Msg, msg};

/// The cell formats of the workbook, made once.
pub(super) struct Formats {
    /// Sheet titles.
    pub title: Format,
    /// Labels in bold.
    pub bold: Format,
    /// Table headers.
    pub header: Format,
    /// Instants (`yyyy-mm-dd hh:mm`).
    pub date: Format,
    /// Business durations (`[h]:mm`).
    pub dur: Format,
    /// Percentages (one decimal).
    pub pct: Format,
    /// Other numbers (two decimals).
    pub num: Format,
    /// Counts.
    pub int: Format,
    /// Long text, wrapped.
    pub wrap: Format,
}

impl Formats {
    /// The formats.
    pub fn new() -> Self {
        Formats {
            title: Format::new().set_bold().set_font_size(14),
            bold: Format::new().set_bold(),
            header: Format::new()
                .set_bold()
                .set_text_wrap()
                .set_background_color(0xD9E1F2)
                .set_border_bottom(FormatBorder::Thin),
            date: Format::new().set_num_format("yyyy-mm-dd hh:mm"),
            dur: Format::new().set_num_format("[h]:mm"),
            pct: Format::new().set_num_format("0.0"),
            num: Format::new().set_num_format("0.00"),
            int: Format::new().set_num_format("0"),
            wrap: Format::new().set_text_wrap(),
        }
    }

    /// The format of indicator `id`'s values: counts, percentages or
    /// other numbers.
    pub fn value(&self, id: &str) -> &Format {
        if indicators::is_count(id) {
            &self.int
        } else if indicators::is_pct(id) {
            &self.pct
        } else {
            &self.num
        }
    }
}

/// A rust_xlsxwriter failure as plazo's error.
pub(super) fn xerr(e: XlsxError) -> Error {
    Error::failure_msg(msg::report::XLSX_FAILED, &[("detail", &e)])
}

/// An Excel serial date for a Unix instant, in local time of the zone.
fn serial(c: &Context<'_>, t: i64) -> f64 {
    let local = crate::time::Instant::from_unix(t)
        .in_zone(c.policy.tz())
        .naive_local();
    let epoch = NaiveDate::from_ymd_opt(1899, 12, 30)
        .and_then(|d| d.and_hms_opt(0, 0, 0))
        .expect("epoch");
    (local - epoch).num_seconds() as f64 / 86_400.0
}

/// Messages in the report's words, for a row of headers.
pub(super) fn texts(w: &Words, msgs: &[Msg]) -> Vec<String> {
    msgs.iter().map(|m| w.get(*m)).collect()
}

/// One worksheet being written, with the formats and the report.
pub(super) struct Sheet<'w, 'c> {
    /// The worksheet.
    pub ws: &'w mut Worksheet,
    /// The shared formats.
    pub f: &'w Formats,
    /// The report.
    pub c: &'w Context<'c>,
}

impl<'w, 'c> Sheet<'w, 'c> {
    /// The worksheet `ws`, named `name`.
    pub fn named(
        ws: &'w mut Worksheet,
        f: &'w Formats,
        c: &'w Context<'c>,
        name: &str,
    ) -> Result<Self> {
        ws.set_name(name).map_err(xerr)?;
        Ok(Sheet { ws, f, c })
    }

    /// A sheet that lists tickets, as an Excel table: the worksheet
    /// named `name`, the ticket's identification (id, title, `attrs`) and
    /// `columns` as headers with their `widths`, then one row per item of
    /// `list`, written by `row` (on rows 1, 2, ...).
    #[allow(clippy::too_many_arguments)]
    pub fn ticket_list<T>(
        ws: &'w mut Worksheet,
        f: &'w Formats,
        c: &'w Context<'c>,
        name: Msg,
        attrs: &[Attr],
        columns: &[Msg],
        widths: &[f64],
        list: &[T],
        mut row: impl FnMut(&mut Self, u32, &T) -> Result<()>,
    ) -> Result<()> {
        let w = &c.words;
        let mut s = Sheet::named(ws, f, c, &sheet_name(w, name))?;
        let mut heads = ticket_heads(w, attrs);
        heads.extend(columns.iter().map(|m| header(c, *m)));
        s.headers(0, &heads)?;
        s.widths(widths)?;
        for (k, item) in list.iter().enumerate() {
            row(&mut s, 1 + k as u32, item)?;
        }
        s.table(0, list.len() as u32, heads.len() as u16)
    }

    /// The report's language.
    pub fn lang(&self) -> Lang {
        self.c.lang
    }

    /// Text as a string cell (nothing when empty).
    pub fn text(&mut self, r: u32, col: u16, s: &str) -> Result<()> {
        if !s.is_empty() {
            self.ws.write_string(r, col, s).map_err(xerr)?;
        }
        Ok(())
    }

    /// Text with a format (written even when empty).
    pub fn text_f(
        &mut self,
        r: u32,
        col: u16,
        s: &str,
        f: &Format,
    ) -> Result<()> {
        self.ws
            .write_string_with_format(r, col, s, f)
            .map_err(xerr)?;
        Ok(())
    }

    /// A number with a format (nothing when absent or not finite).
    pub fn num(
        &mut self,
        r: u32,
        col: u16,
        v: Option<f64>,
        f: &Format,
    ) -> Result<()> {
        if let Some(v) = v.filter(|v| v.is_finite()) {
            self.ws
                .write_number_with_format(r, col, v, f)
                .map_err(xerr)?;
        }
        Ok(())
    }

    /// An instant (Unix seconds) as a local Excel date.
    pub fn date(&mut self, r: u32, col: u16, t: Option<i64>) -> Result<()> {
        if let Some(t) = t {
            let v = serial(self.c, t);
            self.ws
                .write_number_with_format(r, col, v, &self.f.date)
                .map_err(xerr)?;
        }
        Ok(())
    }

    /// Business seconds as an Excel duration.
    pub fn dur(&mut self, r: u32, col: u16, s: Option<i64>) -> Result<()> {
        if let Some(s) = s {
            let v = s as f64 / 86_400.0;
            self.ws
                .write_number_with_format(r, col, v, &self.f.dur)
                .map_err(xerr)?;
        }
        Ok(())
    }

    /// A flag as `Sí`/`No` (`Yes`/`No`).
    pub fn yes_no(&mut self, r: u32, col: u16, b: Option<bool>) -> Result<()> {
        if let Some(b) = b {
            let m = if b { msg::common::YES } else { msg::common::NO };
            self.ws
                .write_string(r, col, m.get(self.lang()))
                .map_err(xerr)?;
        }
        Ok(())
    }

    /// A row of headers from column 0.
    pub fn headers(
        &mut self,
        r: u32,
        names: &[impl AsRef<str>],
    ) -> Result<()> {
        for (i, n) in names.iter().enumerate() {
            self.ws
                .write_string_with_format(
                    r,
                    i as u16,
                    n.as_ref(),
                    &self.f.header,
                )
                .map_err(xerr)?;
        }
        Ok(())
    }

    /// Autofilter and frozen header over a table at `r0` with `rows` data
    /// rows and `cols` columns.
    pub fn table(&mut self, r0: u32, rows: u32, cols: u16) -> Result<()> {
        self.ws
            .autofilter(r0, 0, r0 + rows.max(1), cols.saturating_sub(1))
            .map_err(xerr)?;
        self.ws.set_freeze_panes(r0 + 1, 0).map_err(xerr)?;
        Ok(())
    }

    /// Column widths from column 0.
    pub fn widths(&mut self, w: &[f64]) -> Result<()> {
        for (i, w) in w.iter().enumerate() {
            self.ws.set_column_width(i as u16, *w).map_err(xerr)?;
        }
        Ok(())
    }

    /// Writes ticket `i`'s id, title and `attrs` from column 0 on (the
    /// columns of [`ticket_heads`]).
    pub fn ticket(
        &mut self,
        row: u32,
        i: usize,
        attrs: &[Attr],
    ) -> Result<()> {
        let c = self.c;
        self.text(row, 0, &c.ds.tickets[i].id)?;
        self.text(row, 1, title_of(c, i))?;
        for (j, a) in attrs.iter().enumerate() {
            self.text(row, 2 + j as u16, attr(c, i, *a))?;
        }
        Ok(())
    }
}

/// The identification of the excluded tickets and of the pauses without
/// a note: type, priority, category.
pub(super) const BRIEF_ATTRS: [Attr; 3] =
    [Attr::Type, Attr::Priority, Attr::Category];

/// The column title of a ticket attribute (`None` for the attributes no
/// sheet shows by name).
pub(super) fn attr_title(a: Attr) -> Option<Msg> {
    use msg::report::*;
    match a {
        Attr::Type => Some(COL_TYPE),
        Attr::Priority => Some(COL_PRIORITY),
        Attr::Category => Some(COL_CATEGORY),
        Attr::Group => Some(COL_GROUP),
        Attr::Assignee => Some(COL_TECHNICIAN),
        _ => None,
    }
}

/// Column titles of a ticket's identification: id, title, then `attrs`
/// (an attribute without a title by its column key).
pub(super) fn ticket_heads(w: &Words, attrs: &[Attr]) -> Vec<String> {
    let mut v = texts(w, &[msg::report::COL_TICKET, msg::report::COL_TITLE]);
    v.extend(attrs.iter().map(|a| {
        attr_title(*a).map_or_else(|| a.column().to_string(), |m| w.get(m))
    }));
    v
}

/// A sheet's name in the report's words, made valid for Excel: at most
/// 31 characters, none of `[]:*?/\` ("Por grupo de especialistas").
pub(super) fn sheet_name(w: &Words, name: Msg) -> String {
    w.get(name)
        .chars()
        .map(|c| if "[]:*?/\\".contains(c) { '-' } else { c })
        .take(31)
        .collect()
}

/// The policy value each column header shows, by message key, for the
/// columns of values the policy may mark as assumed.
const HEADER_VALUES: [(&str, &str); 5] = [
    ("COL_RESOLUTION_TARGET", "targets"),
    ("BREACH_RESPONSE_TARGET", "targets"),
    ("DATA_RESPONSE_TARGET", "targets"),
    ("DATA_RESOLUTION_TARGET", "targets"),
    ("TREND_TARGET", "indicators"),
];

/// A column header in the report's words, marked "valor supuesto" when
/// its column shows a policy value listed in `assumed` (the targets).
pub(super) fn header(c: &Context<'_>, m: Msg) -> String {
    let text = c.words.get(m);
    match HEADER_VALUES.iter().find(|(k, _)| *k == m.key) {
        Some((_, key)) => assumed(c, key, text),
        None => text,
    }
}

/// `text` marked as an assumed value when the policy lists `key` in
/// `assumed`: "Meta de solución (valor supuesto)".
pub(super) fn assumed(c: &Context<'_>, key: &str, text: String) -> String {
    if c.policy.is_assumed(key) {
        msg::report::ASSUMED_HEADER.fill(c.lang, &[("text", &text)])
    } else {
        text
    }
}

/// Ticket `i`'s title (empty when the tickets have no `title` column).
fn title_of<'a>(c: &Context<'a>, i: usize) -> &'a str {
    match c.title_col {
        Some(k) => c.ds.strings.get(c.ds.tickets[i].extra[k]),
        None => "",
    }
}

/// Ticket `i`'s value of attribute `a`.
pub(super) fn attr<'a>(c: &Context<'a>, i: usize, a: Attr) -> &'a str {
    c.ds.strings.get(c.ds.tickets[i].attr(a))
}
