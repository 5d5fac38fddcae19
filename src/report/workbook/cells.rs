//! What every sheet writes with: the shared cell formats and the column
//! widths that show them whole, a [`Sheet`] that writes one kind of value
//! per call (text, number, instant, business duration, yes/no, an
//! indicator), how a sheet prints ([`PrintLayout`], docs/PRINTING.md),
//! and the columns that identify a ticket.

use chrono::NaiveDate;
use rust_xlsxwriter::{Format, FormatBorder, Worksheet, XlsxError};

use crate::error::{Error, Result};
use crate::indicators;
use crate::model::dataset::Attr;
use crate::report::Context;
use crate::text::lang::Lang;
use crate::text::words::Words;
use crate::text::{Msg, msg};

/// Instants: day, month, year, then the time (the Colombian order).
const DATE_FORMAT: &str = "dd/mm/yyyy hh:mm";
/// Business durations: hours past 24, then minutes (`1234:05`).
const DUR_FORMAT: &str = "[h]:mm";
/// Percentages, stored as fractions (0.843 shows `84.3%`).
const PCT_FORMAT: &str = "0.0%";

/// The width, in characters of the default font, of a column that shows
/// `widest` (a value as its format renders it) whole: its length plus two
/// characters of padding, so that no printer font shows `###`.
pub(super) const fn fits(widest: &str) -> f64 {
    fits_len(widest.len())
}

/// [`fits`] for a value `n` characters long.
pub(super) const fn fits_len(n: usize) -> f64 {
    n as f64 + 2.0
}

/// A column of instants ([`DATE_FORMAT`], always 16 characters).
pub(super) const DATE_W: f64 = fits("31/12/2026 23:59");
/// A column of business durations, up to 99 999 hours (11 years).
pub(super) const DUR_W: f64 = fits("99999:59");
/// A column of `Sí`/`No`, counts or scores.
pub(super) const SHORT_W: f64 = fits("100.0%");
/// `widths` widened where needed so that each header of `heads` wraps
/// between words, never inside one: at least its longest word and one
/// character of padding (a printed "Reapertu" would lose a title).
pub(super) fn fit_titles(
    widths: &[f64],
    heads: &[impl AsRef<str>],
) -> Vec<f64> {
    heads
        .iter()
        .enumerate()
        .map(|(i, h)| {
            let word =
                h.as_ref().split_whitespace().map(|w| w.chars().count());
            let need = word.max().unwrap_or(0) as f64 + 1.0;
            widths.get(i).copied().unwrap_or(8.43).max(need)
        })
        .collect()
}

/// Points per line of a wrapped bold header title.
const HEADER_LINE_PT: f64 = 15.0;

/// The lines `text` takes when wrapped between words in a column of
/// `width` characters (one character of padding; a word longer than
/// the column takes one line of its own, as Excel breaks it).
pub(super) fn wrapped_lines(text: &str, width: f64) -> usize {
    let room = (width - 1.0).max(1.0) as usize;
    let mut lines = 0;
    let mut used = 0;
    for word in text.split_whitespace() {
        let n = word.chars().count();
        if used == 0 {
            lines += 1;
            used = n;
        } else if used + 1 + n <= room {
            used += 1 + n;
        } else {
            lines += 1;
            used = n;
        }
    }
    lines.max(1)
}

/// The widths of a ticket's identification: id, title, then type,
/// priority, category, group, technician (as many as the sheet shows).
pub(super) const ID_W: f64 = 12.0;
/// See [`ID_W`].
pub(super) const TITLE_W: f64 = 36.0;

/// The cell formats of the workbook, made once.
pub(super) struct Formats {
    /// Sheet titles.
    pub title: Format,
    /// Labels in bold.
    pub bold: Format,
    /// Table headers.
    pub header: Format,
    /// Instants (`dd/mm/yyyy hh:mm`).
    pub date: Format,
    /// Business durations (`[h]:mm`; the value is days).
    pub dur: Format,
    /// Percentages (`0.0%`; the value is a fraction).
    pub pct: Format,
    /// Other numbers (two decimals).
    pub num: Format,
    /// Counts.
    pub int: Format,
    /// Long text, wrapped.
    pub wrap: Format,
    /// A change between periods, signed: percentage points, numbers,
    /// counts.
    pct_change: Format,
    num_change: Format,
    int_change: Format,
    /// A change of a duration: its magnitude, the sign written by the
    /// format (Excel shows no negative time: `####`).
    dur_up: Format,
    dur_down: Format,
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
            date: Format::new().set_num_format(DATE_FORMAT),
            dur: Format::new().set_num_format(DUR_FORMAT),
            pct: Format::new().set_num_format(PCT_FORMAT),
            num: Format::new().set_num_format("0.00"),
            int: Format::new().set_num_format("0"),
            wrap: Format::new().set_text_wrap(),
            pct_change: Format::new().set_num_format("+0.0%;-0.0%;0.0%"),
            num_change: Format::new().set_num_format("+0.00;-0.00;0.00"),
            int_change: Format::new().set_num_format("+0;-0;0"),
            dur_up: Format::new().set_num_format("+[h]:mm"),
            dur_down: Format::new().set_num_format("-[h]:mm"),
        }
    }

    /// Indicator `id`'s value `v` (as `indicators.csv` has it) as a cell:
    /// the number to store and its format. Percentages (0..100) become
    /// fractions shown `0.0%`, business hours Excel durations (days)
    /// shown `[h]:mm`; counts and other numbers stay as they are.
    pub fn indicator(&self, id: &str, v: f64) -> (f64, &Format) {
        if indicators::is_count(id) {
            (v, &self.int)
        } else if indicators::is_pct(id) {
            (v / 100.0, &self.pct)
        } else if indicators::is_hours(id) {
            (v / 24.0, &self.dur)
        } else {
            (v, &self.num)
        }
    }

    /// A change `d` of indicator `id` between periods as a cell, signed
    /// like `+2.5%`, `-0:45`. A duration's change is stored as its
    /// magnitude with the sign in the format: Excel cannot show a
    /// negative time.
    pub fn change(&self, id: &str, d: f64) -> (f64, &Format) {
        let (v, f) = self.indicator(id, d);
        if std::ptr::eq(f, &self.dur) {
            let f = if d < 0.0 {
                &self.dur_down
            } else {
                &self.dur_up
            };
            (v.abs(), f)
        } else if std::ptr::eq(f, &self.pct) {
            (v, &self.pct_change)
        } else if std::ptr::eq(f, &self.int) {
            (v, &self.int_change)
        } else {
            (v, &self.num_change)
        }
    }
}

/// US Letter ("Carta"), the paper of Colombian public offices
/// (rust_xlsxwriter's paper index 1; 9 would be A4).
const PAPER_LETTER: u8 = 1;

/// How a sheet fits the paper.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Fit {
    /// The whole print area on one page, scaled down as needed.
    OnePage,
    /// Every column on one page width; as many pages down as the rows
    /// need.
    PageWidth,
    /// A fixed scale in percent; pages break at the layout's `breaks`.
    Scale(u16),
}

/// How a sheet prints: orientation, fit, the rows repeated at the top of
/// every page, the printed range and manual page breaks. Every sheet
/// calls [`Sheet::print_setup`] with one; the paper (Letter), margins,
/// header (the sheet's name) and footer (entity, period, "Página X de
/// Y") are the same for all (docs/PRINTING.md).
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) struct PrintLayout {
    /// Landscape (wide tables) or portrait.
    pub landscape: bool,
    /// How the print area fits the paper.
    pub fit: Fit,
    /// First and last row printed at the top of every page.
    pub repeat_rows: Option<(u32, u32)>,
    /// The print area from A1: its last row and last column.
    pub last: (u32, u16),
    /// Rows that begin a page (only with [`Fit::Scale`]).
    pub breaks: Vec<u32>,
}

impl PrintLayout {
    /// A sheet that prints on one page: rows `0..=last_row`, columns
    /// `0..=last_col`.
    pub fn one_page(landscape: bool, last_row: u32, last_col: u16) -> Self {
        PrintLayout {
            landscape,
            fit: Fit::OnePage,
            repeat_rows: None,
            last: (last_row, last_col),
            breaks: Vec::new(),
        }
    }

    /// A table from row 0 whose header ends on `header_row`: one page
    /// wide, the header on every page, rows `0..=last_row` and columns
    /// `0..=last_col` printed.
    pub fn list(
        landscape: bool,
        header_row: u32,
        last_row: u32,
        last_col: u16,
    ) -> Self {
        PrintLayout {
            landscape,
            fit: Fit::PageWidth,
            repeat_rows: Some((0, header_row)),
            last: (last_row.max(header_row), last_col),
            breaks: Vec::new(),
        }
    }
}

/// `s` as literal text of a header or footer: `&` doubled (a lone `&`
/// starts a control code), at most `max` characters.
fn header_text(s: &str, max: usize) -> String {
    let mut t: String = s.chars().take(max).collect();
    if s.chars().count() > max {
        t.pop();
        t.push('…');
    }
    t.replace('&', "&&")
}

/// The printed header: the sheet's name (`&A`), bold, on the left.
pub(super) fn print_header() -> String {
    "&L&\"-,Bold\"&A".to_string()
}

/// The printed footer: entity and period on the left, "Página X de Y"
/// (`&P`, `&N`) on the right, in the report's language.
pub(super) fn print_footer(c: &Context<'_>) -> String {
    footer_of(c.lang, c.policy.name(), &c.period.label())
}

/// The printed footer of a sheet of `entity` for `period` (a label, or
/// words such as "corte 31/10/2026 23:59") in `lang`.
pub(super) fn footer_of(lang: Lang, entity: &str, period: &str) -> String {
    let left = msg::report::PRINT_FOOTER.fill(
        lang,
        &[
            ("entity", &header_text(entity, 90)),
            ("period", &header_text(period, 30)),
        ],
    );
    let page = msg::report::PRINT_PAGE
        .fill(lang, &[("page", &"&P"), ("pages", &"&N")]);
    format!("&L{left}&R{page}")
}

/// How `ws` prints (see [`Sheet::print_setup`]), with the printed
/// footer `footer` ([`print_footer`], [`footer_of`]).
pub(super) fn print_setup(
    ws: &mut Worksheet,
    p: &PrintLayout,
    footer: &str,
) -> Result<()> {
    ws.set_paper_size(PAPER_LETTER);
    if p.landscape {
        ws.set_landscape();
    } else {
        ws.set_portrait();
    }
    // Inches: left, right, top, bottom, header, footer.
    ws.set_margins(0.5, 0.5, 0.75, 0.75, 0.3, 0.3);
    match p.fit {
        Fit::OnePage => {
            ws.set_print_fit_to_pages(1, 1);
            ws.set_print_center_horizontally(true);
        }
        Fit::PageWidth => {
            ws.set_print_fit_to_pages(1, 0);
        }
        Fit::Scale(pct) => {
            ws.set_print_scale(pct);
            ws.set_page_breaks(&p.breaks).map_err(xerr)?;
        }
    }
    if let Some((a, b)) = p.repeat_rows {
        ws.set_repeat_rows(a, b).map_err(xerr)?;
    }
    ws.set_print_area(0, 0, p.last.0, p.last.1).map_err(xerr)?;
    ws.set_header(print_header());
    ws.set_footer(footer);
    Ok(())
}

/// A rust_xlsxwriter failure as plazo's error.
pub(super) fn xerr(e: XlsxError) -> Error {
    Error::failure_msg(msg::report::XLSX_FAILED, &[("detail", &e)])
}

/// Seconds as Excel's days (a duration's value).
fn days(s: i64) -> f64 {
    s as f64 / 86_400.0
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

    /// The report's language.
    pub fn lang(&self) -> Lang {
        self.c.lang
    }

    /// Sets how the sheet prints: Letter paper, `p`'s orientation, fit,
    /// repeated rows, print area and page breaks, the margins, and the
    /// header and footer of every sheet ([`print_header`],
    /// [`print_footer`]).
    pub fn print_setup(&mut self, p: &PrintLayout) -> Result<()> {
        print_setup(self.ws, p, &print_footer(self.c))
    }

    /// Indicator `id`'s value `v` ([`Formats::indicator`]; nothing when
    /// absent).
    pub fn indicator(
        &mut self,
        r: u32,
        col: u16,
        id: &str,
        v: Option<f64>,
    ) -> Result<()> {
        let f = self.f;
        match v.filter(|v| v.is_finite()) {
            Some(v) => {
                let (x, fmt) = f.indicator(id, v);
                self.num(r, col, Some(x), fmt)
            }
            None => Ok(()),
        }
    }

    /// The change `d` of indicator `id` ([`Formats::change`]).
    pub fn change(
        &mut self,
        r: u32,
        col: u16,
        id: &str,
        d: Option<f64>,
    ) -> Result<()> {
        let f = self.f;
        match d.filter(|v| v.is_finite()) {
            Some(d) => {
                let (x, fmt) = f.change(id, d);
                self.num(r, col, Some(x), fmt)
            }
            None => Ok(()),
        }
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
        let (c, f) = (self.c, self.f);
        self.num(r, col, t.map(|t| serial(c, t)), &f.date)
    }

    /// A number without a format of its own: the cell takes its
    /// column's ([`Sheet::column_formats`]). Nothing when absent or not
    /// finite.
    pub fn bare(&mut self, r: u32, col: u16, v: Option<f64>) -> Result<()> {
        if let Some(v) = v.filter(|v| v.is_finite()) {
            self.ws.write_number(r, col, v).map_err(xerr)?;
        }
        Ok(())
    }

    /// An instant as an Excel serial date without a format of its own
    /// (its column's: [`Sheet::column_formats`]).
    pub fn bare_date(
        &mut self,
        r: u32,
        col: u16,
        t: Option<i64>,
    ) -> Result<()> {
        let c = self.c;
        self.bare(r, col, t.map(|t| serial(c, t)))
    }

    /// Business seconds as an Excel duration without a format of its own
    /// (its column's: [`Sheet::column_formats`]).
    pub fn bare_dur(
        &mut self,
        r: u32,
        col: u16,
        s: Option<i64>,
    ) -> Result<()> {
        self.bare(r, col, s.map(days))
    }

    /// Sets each column's format (`None`: none). A cell written without
    /// a format then takes its column's: rust_xlsxwriter looks a cell's
    /// format up by hashing the whole [`Format`] at every cell written
    /// with one, a quarter of the time of a million-row sheet.
    pub fn column_formats(
        &mut self,
        formats: &[Option<&Format>],
    ) -> Result<()> {
        for (i, f) in formats.iter().enumerate() {
            if let Some(f) = f {
                self.ws.set_column_format(i as u16, f).map_err(xerr)?;
            }
        }
        Ok(())
    }

    /// Business seconds as an Excel duration.
    pub fn dur(&mut self, r: u32, col: u16, s: Option<i64>) -> Result<()> {
        let f = self.f;
        self.num(r, col, s.map(days), &f.dur)
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

    /// Row `r`'s height for the wrapped header titles `names` in columns
    /// of `widths`: as many lines as the tallest title needs. A printer
    /// does not grow a row by itself, and a cut title loses its first
    /// words ("Meta de solución (valor supuesto)" printed as "(valor
    /// supuesto)").
    pub fn header_height(
        &mut self,
        r: u32,
        widths: &[f64],
        names: &[impl AsRef<str>],
    ) -> Result<()> {
        let lines = names
            .iter()
            .zip(widths)
            .map(|(n, w)| wrapped_lines(n.as_ref(), *w))
            .max()
            .unwrap_or(1);
        self.ws
            .set_row_height(r, HEADER_LINE_PT * lines as f64)
            .map_err(xerr)?;
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
        Some(k) => c.ds.strings.get(c.ds.extra_of(i)[k]),
        None => "",
    }
}

/// Ticket `i`'s value of attribute `a`.
pub(super) fn attr<'a>(c: &Context<'a>, i: usize, a: Attr) -> &'a str {
    c.ds.strings.get(c.ds.tickets[i].attr(a))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn header_titles_wrap_between_words() {
        // 12 characters of room: "Meta de" / "solución" / "(valor" /
        // "supuesto)", counted by hand.
        assert_eq!(
            wrapped_lines("Meta de solución (valor supuesto)", 13.0),
            4
        );
        assert_eq!(
            wrapped_lines("Meta de solución (valor supuesto)", 40.0),
            1
        );
        assert_eq!(wrapped_lines("Caso", 12.0), 1);
        assert_eq!(wrapped_lines("", 12.0), 1);
        // A word longer than the column takes its own line.
        assert_eq!(wrapped_lines("a automáticamente b", 8.0), 3);
    }

    #[test]
    fn indicators_are_stored_in_spreadsheet_units() {
        let f = Formats::new();
        let (v, fmt) = f.indicator("resolution_compliance_pct", 84.5);
        assert!((v - 0.845).abs() < 1e-12 && std::ptr::eq(fmt, &f.pct));
        // 11.05 business hours: 11 h 3 min, 0.4604166... of a day.
        let (v, fmt) = f.indicator("resolution_business_hours_mean", 11.05);
        assert!((v * 24.0 * 60.0 - 663.0).abs() < 1e-9);
        assert!(std::ptr::eq(fmt, &f.dur));
        let (v, fmt) = f.indicator("tickets_opened", 300.0);
        assert!(v == 300.0 && std::ptr::eq(fmt, &f.int));
        let (v, fmt) = f.indicator("csat_mean", 3.67);
        assert!(v == 3.67 && std::ptr::eq(fmt, &f.num));
    }

    #[test]
    fn a_negative_duration_change_keeps_its_sign_in_the_format() {
        let f = Formats::new();
        // -2.05 h: stored 2 h 3 min, shown with a minus sign.
        let (v, fmt) = f.change("resolution_business_hours_p90", -2.05);
        assert!((v * 24.0 * 60.0 - 123.0).abs() < 1e-9);
        assert!(std::ptr::eq(fmt, &f.dur_down));
        let (v, fmt) = f.change("paused_business_hours_mean", 0.5);
        assert!(
            (v - 0.5 / 24.0).abs() < 1e-12 && std::ptr::eq(fmt, &f.dur_up)
        );
        let (v, fmt) = f.change("reopen_rate_pct", -3.8);
        assert!((v + 0.038).abs() < 1e-12 && std::ptr::eq(fmt, &f.pct_change));
        let (v, fmt) = f.change("backlog_end", -25.0);
        assert!(v == -25.0 && std::ptr::eq(fmt, &f.int_change));
    }

    #[test]
    fn widths_fit_rendered_values_and_title_words() {
        // "31/12/2026 23:59" is 16 characters; two of padding.
        assert_eq!(DATE_W, 18.0);
        assert_eq!(DUR_W, 10.0);
        // "Reaperturas" (11) needs 12 over a width of 8; "Ticket" fits 12.
        let w = fit_titles(&[12.0, 8.0], &["Ticket", "Reaperturas"]);
        assert_eq!(w, [12.0, 12.0]);
        // A column past the given widths starts from Excel's default.
        assert_eq!(fit_titles(&[], &["Sí"]), [8.43]);
    }

    #[test]
    fn header_text_escapes_ampersands_and_shortens() {
        assert_eq!(
            header_text("Ciencia & Tecnología", 90),
            "Ciencia && Tecnología"
        );
        assert_eq!(header_text("abcdef", 4), "abc…");
        assert_eq!(header_text("abcd", 4), "abcd");
    }
}
