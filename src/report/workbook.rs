//! The XLSX workbook (`informe-<period>.xlsx`), written with
//! rust_xlsxwriter.
//!
//! Conventions: every cell that comes from user data (ids, titles,
//! comments, categories) is written with `write_string`, so that a title
//! such as `=HYPERLINK(...)` stays text; instants are Excel dates in the
//! policy's zone (`yyyy-mm-dd hh:mm`), business durations Excel
//! durations (`[h]:mm`), booleans `Sí`/`No`. The creation date in the
//! document properties is the period's start, not the clock, so the
//! same inputs give the same bytes.

use std::path::Path;

use chrono::NaiveDate;
use rust_xlsxwriter::{
    Chart, ChartType, ConditionalFormatText, ConditionalFormatTextRule,
    DocProperties, ExcelDateTime, Format, FormatBorder, Image, Workbook,
    Worksheet, XlsxError,
};

use crate::engine::output::{COLUMNS, worst};
use crate::engine::{Class, Exclusion, SlaRow};
use crate::error::{Error, Result};
use crate::model::dataset::Attr;
use crate::text::lang::Lang;

use super::{Context, Query};
use crate::indicators::{self, Dim, Goal, IDS, Line};

/// Excel's last row index (rows 0..=1_048_575).
pub const EXCEL_MAX_ROWS: u32 = 1_048_576;

/// Data rows per "Datos" sheet (one row for the header).
pub const DATA_ROWS_PER_SHEET: usize = EXCEL_MAX_ROWS as usize - 1;

struct Formats {
    title: Format,
    bold: Format,
    header: Format,
    date: Format,
    dur: Format,
    pct: Format,
    num: Format,
    int: Format,
    wrap: Format,
}

impl Formats {
    fn new() -> Self {
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
}

fn xerr(e: XlsxError) -> Error {
    Error::failure(
        format!("error al escribir el libro XLSX: {e}"),
        format!("error writing the XLSX workbook: {e}"),
    )
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

struct Sheet<'w, 'c> {
    ws: &'w mut Worksheet,
    f: &'w Formats,
    c: &'w Context<'c>,
}

impl<'w, 'c> Sheet<'w, 'c> {
    /// The worksheet `ws`, named `name`.
    fn named(
        ws: &'w mut Worksheet,
        f: &'w Formats,
        c: &'w Context<'c>,
        name: &str,
    ) -> Result<Self> {
        ws.set_name(name).map_err(xerr)?;
        Ok(Sheet { ws, f, c })
    }

    fn text(&mut self, r: u32, col: u16, s: &str) -> Result<()> {
        if !s.is_empty() {
            self.ws.write_string(r, col, s).map_err(xerr)?;
        }
        Ok(())
    }
    fn text_f(&mut self, r: u32, col: u16, s: &str, f: &Format) -> Result<()> {
        self.ws
            .write_string_with_format(r, col, s, f)
            .map_err(xerr)?;
        Ok(())
    }
    fn num(
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
    fn date(&mut self, r: u32, col: u16, t: Option<i64>) -> Result<()> {
        if let Some(t) = t {
            let v = serial(self.c, t);
            self.ws
                .write_number_with_format(r, col, v, &self.f.date)
                .map_err(xerr)?;
        }
        Ok(())
    }
    fn dur(&mut self, r: u32, col: u16, s: Option<i64>) -> Result<()> {
        if let Some(s) = s {
            let v = s as f64 / 86_400.0;
            self.ws
                .write_number_with_format(r, col, v, &self.f.dur)
                .map_err(xerr)?;
        }
        Ok(())
    }
    fn yes_no(&mut self, r: u32, col: u16, b: Option<bool>) -> Result<()> {
        if let Some(b) = b {
            let s = if b {
                self.c.lang.pick("Sí", "Yes")
            } else {
                "No"
            };
            self.ws.write_string(r, col, s).map_err(xerr)?;
        }
        Ok(())
    }
    fn headers(&mut self, r: u32, names: &[&str]) -> Result<()> {
        for (i, n) in names.iter().enumerate() {
            self.ws
                .write_string_with_format(r, i as u16, *n, &self.f.header)
                .map_err(xerr)?;
        }
        Ok(())
    }
    /// Autofilter and frozen header over a table at `r0` with `rows` data
    /// rows and `cols` columns.
    fn table(&mut self, r0: u32, rows: u32, cols: u16) -> Result<()> {
        self.ws
            .autofilter(r0, 0, r0 + rows.max(1), cols.saturating_sub(1))
            .map_err(xerr)?;
        self.ws.set_freeze_panes(r0 + 1, 0).map_err(xerr)?;
        Ok(())
    }
    fn widths(&mut self, w: &[f64]) -> Result<()> {
        for (i, w) in w.iter().enumerate() {
            self.ws.set_column_width(i as u16, *w).map_err(xerr)?;
        }
        Ok(())
    }
}

fn value_format<'f>(f: &'f Formats, id: &str) -> &'f Format {
    if indicators::is_count(id) {
        &f.int
    } else if indicators::is_pct(id) {
        &f.pct
    } else {
        &f.num
    }
}

fn tr(c: &Context<'_>, es: &'static str, en: &'static str) -> &'static str {
    c.lang.pick(es, en)
}

/// The sheet names, in the report's language.
pub fn sheet_names(lang: Lang) -> [&'static str; 12] {
    [
        lang.pick("Resumen", "Summary"),
        lang.pick("Por prioridad", "By priority"),
        lang.pick("Por categoría", "By category"),
        lang.pick("Por grupo", "By group"),
        lang.pick("Por técnico", "By technician"),
        lang.pick("Tendencia", "Trend"),
        lang.pick("Incumplimientos", "Breaches"),
        lang.pick("En riesgo", "At risk"),
        lang.pick("Encuestas", "Surveys"),
        lang.pick("Excluidos", "Excluded"),
        lang.pick("Datos", "Data"),
        lang.pick("Metodología", "Methodology"),
    ]
}

/// Builds and saves the workbook at `path` (atomically: a temporary file
/// beside it, then a rename).
///
/// # Errors
///
/// A failure naming the workbook when rust_xlsxwriter fails.
pub fn write(
    c: &Context<'_>,
    charts: &[(String, Vec<u8>)],
    queries: &[Query],
    path: &Path,
) -> Result<()> {
    let f = Formats::new();
    let names = sheet_names(c.lang);
    let mut wb = Workbook::new();
    let start = c.period.first;
    let created = ExcelDateTime::from_ymd(
        u16::try_from(chrono::Datelike::year(&start)).unwrap_or(2000),
        chrono::Datelike::month(&start) as u8,
        chrono::Datelike::day(&start) as u8,
    )
    .map_err(xerr)?;
    let props = DocProperties::new()
        .set_title(format!(
            "{} {} {}",
            tr(c, "Indicadores ANS", "SLA indicators"),
            c.policy.name(),
            c.period.label()
        ))
        .set_author("plazo")
        .set_company(c.policy.name())
        .set_creation_datetime(&created);
    wb.set_properties(&props);

    summary(wb.add_worksheet(), &f, c, names[0], charts)?;
    for (k, dim) in [Dim::Priority, Dim::Category, Dim::Group, Dim::Assignee]
        .iter()
        .enumerate()
    {
        by_dim(wb.add_worksheet(), &f, c, names[1 + k], *dim)?;
    }
    trend(wb.add_worksheet(), &f, c, names[5])?;
    breaches(wb.add_worksheet(), &f, c, names[6])?;
    at_risk(wb.add_worksheet(), &f, c, names[7])?;
    surveys(wb.add_worksheet(), &f, c, names[8])?;
    excluded(wb.add_worksheet(), &f, c, names[9])?;
    let chunks = c.rows.len().div_ceil(DATA_ROWS_PER_SHEET).max(1);
    for k in 0..chunks {
        let name = if k == 0 {
            names[10].to_string()
        } else {
            format!("{} {}", names[10], k + 1)
        };
        let lo = k * DATA_ROWS_PER_SHEET;
        let hi = ((k + 1) * DATA_ROWS_PER_SHEET).min(c.rows.len());
        let ws = wb.add_worksheet_with_constant_memory().map_err(xerr)?;
        data(ws, &f, c, &name, &c.rows[lo.min(hi)..hi])?;
    }
    methodology(wb.add_worksheet(), &f, c, names[11])?;
    if c.ds.extra_columns.iter().any(|x| x == "solve_delay_stat") {
        glpi_reconciliation(wb.add_worksheet(), &f, c)?;
    }
    if c.policy.paused_requires_note() {
        unnoted_pauses(wb.add_worksheet(), &f, c)?;
    }
    for q in queries {
        query_sheet(wb.add_worksheet(), &f, c, q)?;
    }
    let staged = crate::io::atomic::Staged::new(path, "")?;
    wb.save(staged.path()).map_err(xerr)?;
    staged.commit()
}

fn summary(
    ws: &mut Worksheet,
    f: &Formats,
    c: &Context<'_>,
    name: &str,
    charts: &[(String, Vec<u8>)],
) -> Result<()> {
    let mut s = Sheet::named(ws, f, c, name)?;
    s.widths(&[38.0, 30.0, 60.0, 10.0, 12.0, 14.0, 10.0, 14.0])?;
    let title = format!(
        "{} — {}",
        tr(
            c,
            "Indicadores de ANS de la mesa de servicios",
            "Service desk SLA indicators"
        ),
        c.policy.name()
    );
    s.text_f(0, 0, &title, &f.title)?;
    let tz = c.policy.tz();
    let header: [(&str, String); 5] = [
        (tr(c, "Entidad", "Entity"), c.policy.name().to_string()),
        (
            tr(c, "Periodo", "Period"),
            format!(
                "{} ({} – {})",
                c.period.label(),
                c.period.first,
                c.period.last
            ),
        ),
        (tr(c, "Corte", "Cutoff"), c.cutoff.to_rfc3339(tz)),
        (
            tr(c, "Generado con", "Generated with"),
            format!(
                "plazo {}; {} {}",
                env!("CARGO_PKG_VERSION"),
                tr(c, "política", "policy"),
                c.policy.path().display()
            ),
        ),
        (
            tr(c, "Entradas", "Inputs"),
            c.inputs
                .iter()
                .map(|i| {
                    format!(
                        "{} ({} {})",
                        i.name(),
                        i.rows,
                        tr(c, "filas", "rows")
                    )
                })
                .collect::<Vec<_>>()
                .join("; "),
        ),
    ];
    for (i, (k, v)) in header.iter().enumerate() {
        s.text_f(1 + i as u32, 0, k, &f.bold)?;
        s.text(1 + i as u32, 1, v)?;
    }
    let r0 = 7u32;
    s.headers(
        r0,
        &[
            tr(c, "Indicador", "Indicator"),
            "Id",
            tr(c, "Qué mide", "What it measures"),
            tr(c, "Meta", "Target"),
            tr(c, "Resultado", "Result"),
            tr(c, "Periodo anterior", "Previous period"),
            tr(c, "Cambio", "Change"),
            tr(c, "Estado", "Status"),
        ],
    )?;
    let cur = &c.lines[0];
    let prev = &c.previous[0];
    let goals = c.policy.indicator_goals();
    let (met, not_met) = (
        tr(c, "✔ Cumple", "✔ Met"),
        tr(c, "✘ No cumple", "✘ Not met"),
    );
    for (i, id) in IDS.iter().enumerate() {
        let r = r0 + 1 + i as u32;
        let (n, d) = indicators::describe(id, c.lang);
        let vf = value_format(f, id);
        s.text(r, 0, n)?;
        s.text(r, 1, id)?;
        s.text_f(r, 2, d, &f.wrap)?;
        let goal = Goal::of(id, goals);
        if let Some(g) = goal {
            let sign = if matches!(g, Goal::Min(_)) {
                "≥ "
            } else {
                "≤ "
            };
            s.text(r, 3, &format!("{sign}{}", g.value()))?;
        }
        let (v, p) = (cur.values[i], prev.values[i]);
        s.num(r, 4, v, vf)?;
        s.num(r, 5, p, vf)?;
        s.num(r, 6, v.zip(p).map(|(a, b)| a - b), vf)?;
        if let (Some(g), Some(v)) = (goal, v) {
            s.text(r, 7, if g.met(v) { met } else { not_met })?;
        }
    }
    let last = r0 + IDS.len() as u32;
    let green = Format::new()
        .set_font_color(0x006100)
        .set_background_color(0xC6EFCE);
    let red = Format::new()
        .set_font_color(0x9C0006)
        .set_background_color(0xFFC7CE);
    let cf_ok = ConditionalFormatText::new()
        .set_rule(ConditionalFormatTextRule::BeginsWith("✔".into()))
        .set_format(green);
    let cf_bad = ConditionalFormatText::new()
        .set_rule(ConditionalFormatTextRule::BeginsWith("✘".into()))
        .set_format(red);
    s.ws.add_conditional_format(r0 + 1, 7, last, 7, &cf_ok)
        .map_err(xerr)?;
    s.ws.add_conditional_format(r0 + 1, 7, last, 7, &cf_bad)
        .map_err(xerr)?;
    // The charts, two per row, under the table.
    let mut row = last + 2;
    s.text_f(row, 0, tr(c, "Gráficos", "Charts"), &f.title)?;
    row += 1;
    for (k, (_, png)) in charts.iter().enumerate() {
        let img = Image::new_from_buffer(png)
            .map_err(xerr)?
            .set_scale_width(0.5)
            .set_scale_height(0.5);
        let (r, col) =
            (row + (k / 2) as u32 * 15, if k % 2 == 0 { 0 } else { 2 });
        s.ws.insert_image(r, col, &img).map_err(xerr)?;
    }
    Ok(())
}

fn by_dim(
    ws: &mut Worksheet,
    f: &Formats,
    c: &Context<'_>,
    name: &str,
    dim: Dim,
) -> Result<()> {
    let mut s = Sheet::named(ws, f, c, name)?;
    let mut heads = vec![match dim {
        Dim::Priority => tr(c, "Prioridad", "Priority"),
        Dim::Category => tr(c, "Categoría", "Category"),
        Dim::Group => tr(c, "Grupo", "Group"),
        Dim::Assignee => tr(c, "Técnico", "Technician"),
        Dim::Type => tr(c, "Tipo", "Type"),
        Dim::All => "",
    }];
    heads.extend(IDS.iter().map(|id| indicators::describe(id, c.lang).0));
    s.headers(0, &heads)?;
    s.ws.set_row_height(0, 45).map_err(xerr)?;
    s.ws.set_column_width(0, 28).map_err(xerr)?;
    for i in 1..=IDS.len() as u16 {
        s.ws.set_column_width(i, 13).map_err(xerr)?;
    }
    let lines: Vec<&Line> = c.lines.iter().filter(|l| l.dim == dim).collect();
    let none = tr(c, "(sin dato)", "(none)");
    for (k, l) in lines.iter().enumerate() {
        let r = 1 + k as u32;
        s.text(r, 0, if l.group.is_empty() { none } else { &l.group })?;
        for (i, id) in IDS.iter().enumerate() {
            s.num(r, 1 + i as u16, l.values[i], value_format(f, id))?;
        }
    }
    let r = 1 + lines.len() as u32;
    s.text_f(r, 0, "Total", &f.bold)?;
    for (i, id) in IDS.iter().enumerate() {
        s.num(r, 1 + i as u16, c.lines[0].values[i], value_format(f, id))?;
    }
    s.table(0, lines.len() as u32, 1 + IDS.len() as u16)?;
    Ok(())
}

fn trend(
    ws: &mut Worksheet,
    f: &Formats,
    c: &Context<'_>,
    name: &str,
) -> Result<()> {
    let mut s = Sheet::named(ws, f, c, name)?;
    let cols: [(&str, &str); 6] = [
        (tr(c, "Periodo", "Period"), ""),
        (tr(c, "Abiertos", "Opened"), "tickets_opened"),
        (tr(c, "Solucionados", "Solved"), "tickets_solved"),
        (
            tr(c, "Pendientes al cierre", "Backlog at end"),
            "backlog_end",
        ),
        (
            tr(c, "% atención en ANS", "% response in SLA"),
            "response_compliance_pct",
        ),
        (
            tr(c, "% solución en ANS", "% resolution in SLA"),
            "resolution_compliance_pct",
        ),
    ];
    let mut heads: Vec<&str> = cols.iter().map(|c| c.0).collect();
    heads.push(tr(c, "Meta % solución", "Target % resolution"));
    s.headers(0, &heads)?;
    s.widths(&[14.0, 11.0, 13.0, 14.0, 14.0, 14.0, 14.0])?;
    let goal =
        Goal::of("resolution_compliance_pct", c.policy.indicator_goals());
    for (k, (p, l)) in c.trend.iter().enumerate() {
        let r = 1 + k as u32;
        s.text(r, 0, &p.label())?;
        for (j, (_, id)) in cols.iter().enumerate().skip(1) {
            s.num(r, j as u16, l.get(id), value_format(f, id))?;
        }
        s.num(r, 6, goal.map(Goal::value), &f.pct)?;
    }
    let n = c.trend.len() as u32;
    let cats = (name, 1, 0, n, 0);
    let mut line = Chart::new(ChartType::Line);
    line.title().set_name(tr(
        c,
        "Cumplimiento frente a la meta",
        "Compliance vs target",
    ));
    for col in [5u16, 4, 6] {
        line.add_series()
            .set_categories(cats)
            .set_values((name, 1, col, n, col))
            .set_name((name, 0, col));
    }
    line.y_axis().set_name("%").set_min(0).set_max(100);
    s.ws.insert_chart(n + 3, 0, &line).map_err(xerr)?;
    let mut cols_chart = Chart::new(ChartType::Column);
    cols_chart.title().set_name(tr(
        c,
        "Abiertos frente a solucionados",
        "Opened vs solved",
    ));
    for col in [1u16, 2] {
        cols_chart
            .add_series()
            .set_categories(cats)
            .set_values((name, 1, col, n, col))
            .set_name((name, 0, col));
    }
    s.ws.insert_chart(n + 3, 8, &cols_chart).map_err(xerr)?;
    let mut backlog = Chart::new(ChartType::Line);
    backlog.title().set_name(tr(
        c,
        "Pendientes al cierre",
        "Backlog at period end",
    ));
    backlog
        .add_series()
        .set_categories(cats)
        .set_values((name, 1, 3, n, 3))
        .set_name((name, 0, 3));
    s.ws.insert_chart(n + 19, 0, &backlog).map_err(xerr)?;
    Ok(())
}

const BREACH_ATTRS: [Attr; 5] = [
    Attr::Type,
    Attr::Priority,
    Attr::Category,
    Attr::Group,
    Attr::Assignee,
];
const RISK_ATTRS: [Attr; 4] =
    [Attr::Priority, Attr::Category, Attr::Group, Attr::Assignee];
const EXCL_ATTRS: [Attr; 3] = [Attr::Type, Attr::Priority, Attr::Category];

/// Column titles of a ticket's identification: id, title, then `attrs`.
fn ticket_heads(c: &Context<'_>, attrs: &[Attr]) -> Vec<&'static str> {
    let mut v = vec!["Ticket", tr(c, "Título", "Title")];
    v.extend(attrs.iter().map(|a| match a {
        Attr::Type => tr(c, "Tipo", "Type"),
        Attr::Priority => tr(c, "Prioridad", "Priority"),
        Attr::Category => tr(c, "Categoría", "Category"),
        Attr::Group => tr(c, "Grupo", "Group"),
        Attr::Assignee => tr(c, "Técnico", "Technician"),
        other => other.column(),
    }));
    v
}

impl Sheet<'_, '_> {
    /// Writes ticket `i`'s id, title and `attrs` from column 0 on.
    fn ticket(&mut self, row: u32, i: usize, attrs: &[Attr]) -> Result<()> {
        let c = self.c;
        self.text(row, 0, &c.ds.tickets[i].id)?;
        self.text(row, 1, title_of(c, i))?;
        for (j, a) in attrs.iter().enumerate() {
            self.text(row, 2 + j as u16, attr(c, i, *a))?;
        }
        Ok(())
    }
}

fn title_of<'a>(c: &Context<'a>, i: usize) -> &'a str {
    match c.title_col {
        Some(k) => c.ds.strings.get(c.ds.tickets[i].extra[k]),
        None => "",
    }
}

fn attr<'a>(c: &Context<'a>, i: usize, a: Attr) -> &'a str {
    c.ds.strings.get(c.ds.tickets[i].attr(a))
}

/// Breached tickets of the period: resolution breached and solved in the
/// period, or response breached and responded in the period; sorted by
/// the larger overrun, longest first (then by id).
pub fn breached_rows<'r>(
    c: &Context<'_>,
    rows: &'r [SlaRow],
) -> Vec<&'r SlaRow> {
    let inp = |t: Option<i64>| t.is_some_and(|t| c.period.contains(t));
    let mut v: Vec<&SlaRow> = rows
        .iter()
        .filter(|r| r.excluded.is_none())
        .filter(|r| {
            (r.resolution_met == Some(false) && inp(r.solved_at))
                || (r.response_met == Some(false) && inp(r.responded_at))
        })
        .collect();
    let over = |r: &SlaRow| {
        r.resolution_overrun_s
            .unwrap_or(0)
            .max(r.response_overrun_s.unwrap_or(0))
    };
    v.sort_by(|a, b| {
        over(b).cmp(&over(a)).then_with(|| {
            c.ds.tickets[a.ticket as usize]
                .id
                .cmp(&c.ds.tickets[b.ticket as usize].id)
        })
    });
    v
}

fn breaches(
    ws: &mut Worksheet,
    f: &Formats,
    c: &Context<'_>,
    name: &str,
) -> Result<()> {
    let mut s = Sheet::named(ws, f, c, name)?;
    let mut heads = ticket_heads(c, &BREACH_ATTRS);
    heads.extend([
        tr(c, "Medida incumplida", "Breached measure"),
        tr(c, "Apertura", "Opened"),
        tr(c, "Respuesta", "Responded"),
        tr(c, "Solución", "Solved"),
        tr(c, "Meta solución", "Resolution target"),
        tr(c, "Tiempo hábil de solución", "Resolution business time"),
        tr(c, "Exceso", "Overrun"),
        tr(c, "Meta respuesta", "Response target"),
        tr(c, "Tiempo hábil de respuesta", "Response business time"),
        tr(c, "Exceso respuesta", "Response overrun"),
        tr(c, "Tiempo en espera", "Paused time"),
        tr(c, "Reaperturas", "Reopens"),
    ]);
    s.headers(0, &heads)?;
    s.widths(&[
        12.0, 36.0, 14.0, 11.0, 16.0, 14.0, 14.0, 18.0, 16.0, 16.0, 16.0,
    ])?;
    let inp = |t: Option<i64>| t.is_some_and(|t| c.period.contains(t));
    let list = breached_rows(c, c.rows);
    for (k, r) in list.iter().enumerate() {
        let row = 1 + k as u32;
        let i = r.ticket as usize;
        s.ticket(row, i, &BREACH_ATTRS)?;
        let res = r.resolution_met == Some(false) && inp(r.solved_at);
        let resp = r.response_met == Some(false) && inp(r.responded_at);
        let what = match (res, resp) {
            (true, true) => {
                tr(c, "solución y respuesta", "resolution and response")
            }
            (true, false) => tr(c, "solución", "resolution"),
            _ => tr(c, "respuesta", "response"),
        };
        s.text(row, 7, what)?;
        s.date(row, 8, Some(c.ds.tickets[i].opened_at))?;
        s.date(row, 9, r.responded_at)?;
        s.date(row, 10, r.solved_at)?;
        s.dur(row, 11, r.resolution_target_s)?;
        s.dur(row, 12, Some(r.resolution_s))?;
        s.dur(row, 13, r.resolution_overrun_s.filter(|v| *v > 0))?;
        s.dur(row, 14, r.response_target_s)?;
        s.dur(row, 15, Some(r.response_s))?;
        s.dur(row, 16, r.response_overrun_s.filter(|v| *v > 0))?;
        s.dur(row, 17, Some(r.paused_s))?;
        s.num(row, 18, Some(f64::from(r.reopen_count)), &f.int)?;
    }
    s.table(0, list.len() as u32, heads.len() as u16)?;
    Ok(())
}

/// Tickets open at the cutoff whose worse unfinished measure is breached
/// or at risk, by remaining business time (most overdue first).
pub fn at_risk_rows(rows: &[SlaRow]) -> Vec<&SlaRow> {
    let remaining = |r: &SlaRow| {
        let res = r
            .resolution_target_s
            .filter(|_| r.resolution_class.is_some());
        let resp = r.response_target_s.filter(|_| r.response_class.is_some());
        [
            res.map(|t| t - r.resolution_s),
            resp.map(|t| t - r.response_s),
        ]
        .into_iter()
        .flatten()
        .min()
        .unwrap_or(i64::MAX)
    };
    let mut v: Vec<&SlaRow> = rows
        .iter()
        .filter(|r| r.excluded.is_none())
        .filter(|r| matches!(worst(r), Some(Class::Breached | Class::AtRisk)))
        .collect();
    v.sort_by_key(|r| (remaining(r), r.ticket));
    v
}

fn at_risk(
    ws: &mut Worksheet,
    f: &Formats,
    c: &Context<'_>,
    name: &str,
) -> Result<()> {
    let mut s = Sheet::named(ws, f, c, name)?;
    let mut heads = ticket_heads(c, &RISK_ATTRS);
    heads.extend([
        tr(c, "Apertura", "Opened"),
        tr(c, "Estado al corte", "State at cutoff"),
        tr(c, "Situación", "Standing"),
        tr(c, "Vence (solución)", "Due (resolution)"),
        tr(c, "Horas hábiles restantes", "Business hours left"),
        tr(c, "Tiempo hábil usado", "Business time used"),
        tr(c, "Meta solución", "Resolution target"),
    ]);
    s.headers(0, &heads)?;
    s.widths(&[
        12.0, 36.0, 11.0, 16.0, 14.0, 14.0, 16.0, 14.0, 14.0, 16.0, 14.0,
    ])?;
    let list = at_risk_rows(c.rows);
    for (k, r) in list.iter().enumerate() {
        let row = 1 + k as u32;
        let i = r.ticket as usize;
        s.ticket(row, i, &RISK_ATTRS)?;
        s.date(row, 6, Some(c.ds.tickets[i].opened_at))?;
        s.text(row, 7, r.state.map_or("", |st| st.label(c.lang)))?;
        let cls = match worst(r) {
            Some(Class::Breached) => tr(c, "vencido", "breached"),
            _ => tr(c, "en riesgo", "at risk"),
        };
        s.text(row, 8, cls)?;
        s.date(row, 9, r.resolution_due_at)?;
        let left = r
            .resolution_target_s
            .map(|t| (t - r.resolution_s) as f64 / 3600.0);
        s.num(row, 10, left, &f.num)?;
        s.dur(row, 11, Some(r.resolution_s))?;
        s.dur(row, 12, r.resolution_target_s)?;
    }
    s.table(0, list.len() as u32, heads.len() as u16)?;
    Ok(())
}

fn surveys(
    ws: &mut Worksheet,
    f: &Formats,
    c: &Context<'_>,
    name: &str,
) -> Result<()> {
    let mut s = Sheet::named(ws, f, c, name)?;
    s.widths(&[34.0, 20.0, 10.0, 60.0])?;
    let l = &c.lines[0];
    s.text_f(
        0,
        0,
        tr(c, "Encuestas del periodo", "Surveys of the period"),
        &f.title,
    )?;
    let rows: [(&str, &str); 3] = [
        (
            tr(c, "% respuesta a encuestas", "% survey response"),
            "survey_response_rate_pct",
        ),
        (
            tr(c, "Satisfacción promedio", "Mean satisfaction"),
            "csat_mean",
        ),
        (
            tr(c, "% usuarios satisfechos", "% satisfied"),
            "satisfied_pct",
        ),
    ];
    for (k, (n, id)) in rows.iter().enumerate() {
        s.text(1 + k as u32, 0, n)?;
        s.num(1 + k as u32, 1, l.get(id), value_format(f, id))?;
    }
    let sr = c.policy.survey();
    s.text(4, 0, tr(c, "Mínimo para 'satisfecho'", "Satisfied minimum"))?;
    s.num(4, 1, Some(sr.satisfied_min), &f.num)?;
    s.text(5, 0, tr(c, "Tickets encuestados", "Tickets surveyed"))?;
    let scope = c.policy.survey_scope().map(|r| r.describe());
    s.text(5, 1, scope.as_deref().unwrap_or(tr(c, "todos", "all")))?;
    s.headers(
        6,
        &[
            tr(c, "Calificación", "Score"),
            tr(c, "Respuestas", "Answers"),
        ],
    )?;
    let dist = score_distribution(c);
    for (k, (score, n)) in dist.iter().enumerate() {
        s.num(7 + k as u32, 0, Some(*score), &f.num)?;
        s.num(7 + k as u32, 1, Some(*n as f64), &f.int)?;
    }
    let r0 = 9 + dist.len() as u32;
    s.text_f(
        r0 - 1,
        0,
        tr(c, "Comentarios del periodo", "Comments of the period"),
        &f.bold,
    )?;
    s.headers(
        r0,
        &[
            "Ticket",
            tr(c, "Respondida", "Answered"),
            tr(c, "Calificación", "Score"),
            tr(c, "Comentario", "Comment"),
        ],
    )?;
    let mut k = 0u32;
    for sv in &c.ds.surveys {
        let cm = c.ds.strings.get(sv.comment);
        if cm.is_empty()
            || !c.period.contains(sv.answered_at)
            || sv.answered_at > c.cutoff.unix()
        {
            continue;
        }
        k += 1;
        s.text(r0 + k, 0, &c.ds.tickets[sv.ticket as usize].id)?;
        s.date(r0 + k, 1, Some(sv.answered_at))?;
        s.num(r0 + k, 2, Some(sv.score), &f.num)?;
        s.text_f(r0 + k, 3, cm, &f.wrap)?;
    }
    Ok(())
}

/// The scores of the surveys counted in the period (each ticket's last
/// answer, answered in the period), with their counts, by score.
pub fn score_distribution(c: &Context<'_>) -> Vec<(f64, u64)> {
    let mut m: std::collections::BTreeMap<i64, (f64, u64)> =
        Default::default();
    for r in c.rows {
        if let (Some(s), Some(t)) = (r.survey_score, r.survey_answered_at)
            && c.period.contains(t)
            && r.excluded != Some(Exclusion::OpenedAfterCutoff)
        {
            let e = m.entry((s * 1000.0).round() as i64).or_insert((s, 0));
            e.1 += 1;
        }
    }
    m.into_values().collect()
}

/// "Conciliación GLPI": plazo's figures beside GLPI's own SLA fields
/// (present when the tickets come from `--source glpi-tables`), with the
/// documented reason of each difference (`plazo::reconcile`).
fn glpi_reconciliation(
    ws: &mut Worksheet,
    f: &Formats,
    c: &Context<'_>,
) -> Result<()> {
    use crate::engine::reconcile::{COLUMNS, reconcile};
    let name = tr(c, "Conciliación GLPI", "GLPI reconciliation");
    let mut s = Sheet::named(ws, f, c, name)?;
    let recon = reconcile(c.policy, c.ds, c.rows, None);
    let labels: [(&str, &str); 7] = [
        ("Respuesta", "Response"),
        ("Solución", "Resolution"),
        ("Espera", "Waiting"),
        ("Vence TTO", "TTO due"),
        ("Vence TTR", "TTR due"),
        ("TTO incumplido", "TTO breached"),
        ("TTR incumplido", "TTR breached"),
    ];
    let mut heads: Vec<String> = vec![tr(c, "Ticket", "Ticket").to_string()];
    for (es, en) in labels {
        let l = c.lang.pick(es, en);
        heads.push(format!("{l} plazo"));
        heads.push(format!("{l} GLPI"));
        heads.push(format!("{l}: {}", tr(c, "motivo", "reason")));
    }
    heads.push(tr(c, "Difiere", "Differs").to_string());
    let refs: Vec<&str> = heads.iter().map(String::as_str).collect();
    s.headers(0, &refs)?;
    s.widths(&[10.0])?;
    for (k, r) in recon.iter().enumerate() {
        let row = k as u32 + 1;
        s.text(row, 0, &r.ticket_id)?;
        for (j, cmp) in r.cols.iter().enumerate() {
            let col = 1 + 3 * j as u16;
            match j {
                0..=2 => {
                    s.dur(row, col, cmp.plazo)?;
                    s.dur(row, col + 1, cmp.glpi)?;
                }
                3 | 4 => {
                    s.date(row, col, cmp.plazo)?;
                    s.date(row, col + 1, cmp.glpi)?;
                }
                _ => {
                    s.yes_no(row, col, cmp.plazo.map(|v| v == 1))?;
                    s.yes_no(row, col + 1, cmp.glpi.map(|v| v == 1))?;
                }
            }
            s.text(row, col + 2, cmp.reason.map_or("", |x| x.key()))?;
        }
        s.yes_no(row, 1 + 3 * COLUMNS.len() as u16, Some(r.differs()))?;
    }
    s.table(0, recon.len() as u32, heads.len() as u16)?;
    Ok(())
}

/// "Suspensiones sin nota": the pauses begun in the period (by the cutoff)
/// whose event has no note, with `[checks] paused_requires_note`.
fn unnoted_pauses(
    ws: &mut Worksheet,
    f: &Formats,
    c: &Context<'_>,
) -> Result<()> {
    let name = tr(c, "Suspensiones sin nota", "Pauses without a note");
    let mut s = Sheet::named(ws, f, c, name)?;
    let mut heads = ticket_heads(c, &EXCL_ATTRS);
    heads.extend([
        tr(c, "Suspendido el", "Paused at"),
        tr(c, "Etiqueta", "Label"),
        tr(c, "Grupo", "Group"),
        tr(c, "Técnico", "Technician"),
    ]);
    s.headers(0, &heads)?;
    s.widths(&[12.0, 36.0, 14.0, 11.0, 16.0, 16.0, 18.0, 22.0, 22.0])?;
    let mut k = 0u32;
    for i in 0..c.ds.tickets.len() {
        for e in
            crate::engine::unnoted_pauses(c.policy, c.ds, i, c.cutoff.unix())
        {
            if !c.period.contains(e.at) {
                continue;
            }
            k += 1;
            s.ticket(k, i, &EXCL_ATTRS)?;
            s.date(k, 5, Some(e.at))?;
            s.text(k, 6, c.ds.strings.get(e.status))?;
            s.text(k, 7, c.ds.strings.get(e.group))?;
            s.text(k, 8, c.ds.strings.get(e.assignee))?;
        }
    }
    s.table(0, k, heads.len() as u16)?;
    Ok(())
}

fn excluded(
    ws: &mut Worksheet,
    f: &Formats,
    c: &Context<'_>,
    name: &str,
) -> Result<()> {
    let mut s = Sheet::named(ws, f, c, name)?;
    let mut heads = ticket_heads(c, &EXCL_ATTRS);
    heads.extend([
        tr(c, "Apertura", "Opened"),
        tr(c, "Motivo", "Reason"),
        tr(c, "Motivo (id)", "Reason (id)"),
    ]);
    s.headers(0, &heads)?;
    s.widths(&[12.0, 36.0, 14.0, 11.0, 16.0, 16.0, 26.0, 18.0])?;
    let mut k = 0u32;
    for r in c.rows {
        let Some(e) = r.excluded else { continue };
        let i = r.ticket as usize;
        if e == Exclusion::OpenedAfterCutoff
            || !c.period.contains(c.ds.tickets[i].opened_at)
        {
            continue;
        }
        k += 1;
        s.ticket(k, i, &EXCL_ATTRS)?;
        s.date(k, 5, Some(c.ds.tickets[i].opened_at))?;
        s.text(k, 6, e.describe_in(c.policy, c.lang))?;
        s.text(k, 7, e.name(c.policy))?;
    }
    s.table(0, k, heads.len() as u16)?;
    Ok(())
}

fn data(
    ws: &mut Worksheet,
    f: &Formats,
    c: &Context<'_>,
    name: &str,
    rows: &[SlaRow],
) -> Result<()> {
    let mut s = Sheet::named(ws, f, c, name)?;
    s.headers(0, COLUMNS)?;
    for (k, r) in rows.iter().enumerate() {
        let row = 1 + k as u32;
        let i = r.ticket as usize;
        let t = &c.ds.tickets[i];
        s.text(row, 0, &t.id)?;
        for (j, a) in [
            Attr::Type,
            Attr::Priority,
            Attr::Category,
            Attr::Group,
            Attr::Assignee,
        ]
        .into_iter()
        .enumerate()
        {
            s.text(row, 1 + j as u16, attr(c, i, a))?;
        }
        s.date(row, 6, Some(t.opened_at))?;
        s.date(row, 7, r.responded_at)?;
        s.date(row, 8, r.solved_at)?;
        s.date(row, 9, r.closed_at)?;
        if r.excluded != Some(Exclusion::OpenedAfterCutoff) {
            s.text(row, 10, r.state.map_or("", |st| st.key()))?;
        }
        s.dur(row, 11, Some(r.response_s))?;
        s.dur(row, 12, Some(r.resolution_s))?;
        s.dur(row, 13, Some(r.paused_s))?;
        s.dur(row, 14, r.response_target_s)?;
        s.dur(row, 15, r.resolution_target_s)?;
        s.yes_no(row, 16, r.response_met)?;
        s.yes_no(row, 17, r.resolution_met)?;
        s.date(row, 18, r.resolution_due_at)?;
        s.num(row, 19, Some(f64::from(r.reopen_count)), &f.int)?;
        s.num(row, 20, r.survey_score, &f.num)?;
        s.text(row, 21, r.excluded.map_or("", |e| e.name(c.policy)))?;
        s.dur(row, 22, Some(r.wall_resolution_s))?;
        s.date(row, 23, r.response_due_at)?;
        for (j, cl) in [r.response_class, r.resolution_class, worst(r)]
            .into_iter()
            .enumerate()
        {
            s.text(row, 24 + j as u16, cl.map_or("", |x| x.key()))?;
        }
        s.yes_no(row, 27, r.auto_closed)?;
        s.yes_no(row, 28, r.close_late)?;
        s.dur(row, 29, r.response_overrun_s)?;
        s.dur(row, 30, r.resolution_overrun_s)?;
        s.dur(row, 31, Some(r.solved_before_reopen_s))?;
        s.date(row, 32, r.survey_answered_at)?;
        s.num(row, 33, r.target_rule.map(|v| v as f64), &f.int)?;
        s.num(row, 34, Some(f64::from(r.events)), &f.int)?;
    }
    s.table(0, rows.len() as u32, COLUMNS.len() as u16)?;
    Ok(())
}

fn methodology(
    ws: &mut Worksheet,
    f: &Formats,
    c: &Context<'_>,
    name: &str,
) -> Result<()> {
    let mut s = Sheet::named(ws, f, c, name)?;
    s.widths(&[34.0, 70.0, 18.0, 14.0])?;
    s.text_f(
        0,
        0,
        tr(
            c,
            "Cómo se calcularon las cifras",
            "How the figures were computed",
        ),
        &f.title,
    )?;
    let mut r = 2u32;
    let mut kv = |s: &mut Sheet, k: &str, v: &str| -> Result<()> {
        s.text_f(r, 0, k, &f.bold)?;
        s.text_f(r, 1, v, &f.wrap)?;
        r += 1;
        Ok(())
    };
    let p = c.policy;
    let cfg = p.calendar_config();
    kv(
        &mut s,
        tr(c, "Versión de plazo", "plazo version"),
        env!("CARGO_PKG_VERSION"),
    )?;
    kv(
        &mut s,
        tr(c, "Política", "Policy"),
        &p.path().display().to_string(),
    )?;
    kv(&mut s, tr(c, "Zona horaria", "Time zone"), p.tz().name())?;
    kv(
        &mut s,
        tr(c, "Periodo", "Period"),
        &format!(
            "{} ({} – {})",
            c.period.label(),
            c.period.first,
            c.period.last
        ),
    )?;
    kv(
        &mut s,
        tr(c, "Corte", "Cutoff"),
        &c.cutoff.to_rfc3339(p.tz()),
    )?;
    kv(
        &mut s,
        tr(c, "Calendario", "Calendar"),
        &calendar_text(c, cfg),
    )?;
    kv(
        &mut s,
        tr(c, "Regla de conteo", "Counting rule"),
        tr(
            c,
            "Cada medida cuenta en el periodo en que se completa: atención por la fecha de respuesta, solución por la fecha de solución, encuestas por la fecha de respuesta, abiertos por la fecha de apertura, pendientes al final del periodo. Mediana y percentil 90 por rango más cercano. Ver docs/INDICATORS.md.",
            "Each measure counts in the period in which it completes: response by responded_at, resolution by solved_at, surveys by answered_at, opened by opened_at, backlog at the period's end. Median and p90 by nearest rank. See docs/INDICATORS.md.",
        ),
    )?;
    r += 1;
    s.headers(
        r,
        &[
            tr(
                c,
                "Festivos y cierres del periodo",
                "Holidays and closures in the period",
            ),
            tr(c, "Nombre", "Name"),
        ],
    )?;
    r += 1;
    for y in chrono::Datelike::year(&c.period.first)
        ..=chrono::Datelike::year(&c.period.last)
    {
        for h in p.calendar().holidays_in_year(y) {
            if h.date < c.period.first || h.date > c.period.last {
                continue;
            }
            s.text(r, 0, &h.date.to_string())?;
            s.text(r, 1, &h.name())?;
            r += 1;
        }
    }
    r += 1;
    s.headers(
        r,
        &[
            tr(c, "Regla de ANS", "Target rule"),
            tr(c, "Aplica a", "Applies to"),
            tr(c, "Respuesta", "Response"),
            tr(c, "Solución", "Resolution"),
        ],
    )?;
    r += 1;
    for t in p.targets() {
        s.text(r, 0, &format!("#{}", t.index))?;
        s.text(r, 1, &t.describe())?;
        s.text(r, 2, &t.response.map(|d| d.to_string()).unwrap_or_default())?;
        s.text(
            r,
            3,
            &t.resolution.map(|d| d.to_string()).unwrap_or_default(),
        )?;
        r += 1;
    }
    if let Some(own) = p.targets_from_ticket() {
        let col = |x: &Option<String>| {
            x.as_ref()
                .map(|name| format!("{} {name}", tr(c, "columna", "column")))
                .unwrap_or_default()
        };
        s.text(r, 0, tr(c, "Del ticket", "From the ticket"))?;
        s.text(
            r,
            1,
            tr(
                c,
                "ANS propio de cada ticket; prevalece sobre la regla",
                "each ticket's own target; wins over the rule",
            ),
        )?;
        s.text(r, 2, &col(&own.response))?;
        s.text(r, 3, &col(&own.resolution))?;
        r += 1;
    }
    r += 1;
    s.headers(
        r,
        &[
            tr(c, "Estado canónico", "Canonical state"),
            tr(c, "Etiquetas de la herramienta", "Tool labels"),
        ],
    )?;
    r += 1;
    for (st, labels) in p.state_labels() {
        s.text(r, 0, st.key())?;
        s.text(r, 1, &labels.join(", "))?;
        r += 1;
    }
    r += 1;
    let ex = p.exclusions();
    s.headers(r, &[tr(c, "Exclusiones", "Exclusions"), ""])?;
    r += 1;
    let rows = [
        (
            tr(
                c,
                "Masivo: más usuarios afectados que",
                "Massive: more affected users than",
            ),
            ex.massive_affected_users
                .map(|v| v.to_string())
                .unwrap_or_default(),
        ),
        (
            tr(c, "Tipos excluidos", "Excluded types"),
            ex.types.join(", "),
        ),
        (
            tr(c, "Categorías excluidas", "Excluded categories"),
            ex.categories.join(", "),
        ),
        (
            tr(c, "Estado anulado", "Cancelled state"),
            tr(c, "siempre excluido", "always excluded").to_string(),
        ),
    ];
    for (k, v) in rows {
        s.text(r, 0, k)?;
        s.text(r, 1, &v)?;
        r += 1;
    }
    // Named rules, in the order they are tried (before the reasons above).
    for rule in &ex.rules {
        let test = rule.describe(p.tz(), c.lang);
        s.text(r, 0, &format!("{} ({})", rule.description, rule.reason))?;
        s.text(r, 1, &test)?;
        r += 1;
    }
    r += 1;
    s.headers(
        r,
        &[
            tr(c, "Archivo de entrada", "Input file"),
            "SHA-256",
            tr(c, "Filas", "Rows"),
            tr(c, "Papel", "Role"),
        ],
    )?;
    r += 1;
    for i in &c.inputs {
        s.text(r, 0, &i.path.display().to_string())?;
        s.text(r, 1, &i.sha256)?;
        s.num(r, 2, Some(i.rows as f64), &f.int)?;
        s.text(r, 3, &i.role)?;
        r += 1;
    }
    Ok(())
}

fn query_sheet(
    ws: &mut Worksheet,
    f: &Formats,
    c: &Context<'_>,
    q: &Query,
) -> Result<()> {
    let mut s = Sheet::named(ws, f, c, &q.sheet)?;
    s.headers(0, &q.columns.iter().map(String::as_str).collect::<Vec<_>>())?;
    for (k, row) in q.rows.iter().enumerate() {
        for (j, v) in row.iter().enumerate() {
            let (r, col) = (1 + k as u32, j as u16);
            match v {
                super::queries::Value::Null => {}
                super::queries::Value::Bool(b) => {
                    s.yes_no(r, col, Some(*b))?
                }
                super::queries::Value::Num(x) => {
                    s.num(r, col, Some(*x), &f.num)?
                }
                super::queries::Value::Text(t) => s.text(r, col, t)?,
            }
        }
    }
    s.table(0, q.rows.len() as u32, q.columns.len() as u16)?;
    Ok(())
}

/// The calendar in words: working hours per weekday, holiday sets,
/// entity closures.
fn calendar_text(
    c: &Context<'_>,
    cfg: &crate::calendar::CalendarConfig,
) -> String {
    if cfg.always {
        return tr(c, "24x7, sin festivos", "24x7, no holidays").to_string();
    }
    let days = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];
    let hours = cfg
        .hours
        .iter()
        .flat_map(|h| {
            days.iter().filter_map(|d| {
                h.get(*d).map(|v| format!("{d} {}", v.join(", ")))
            })
        })
        .collect::<Vec<_>>()
        .join("; ");
    format!(
        "{}: {hours}. {}: {}. {}: {}.",
        tr(c, "Horario", "Hours"),
        tr(c, "Festivos", "Holidays"),
        cfg.holidays.join(", "),
        tr(c, "Cierres de la entidad", "Entity closures"),
        if cfg.extra_closed_days.is_empty() {
            "-".to_string()
        } else {
            cfg.extra_closed_days.join(", ")
        }
    )
}
