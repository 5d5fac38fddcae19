//! "Metodología": how the figures were computed. Version, policy, time
//! zone, period, cutoff, calendar and counting rule; then the period's
//! holidays, the target rules, the state labels, the exclusions and the
//! input files with their SHA-256, one table each.

use rust_xlsxwriter::Worksheet;

use crate::calendar::CalendarConfig;
use crate::error::Result;
use crate::report::Context;
use crate::text::Msg;
use crate::text::lang::Lang;
use crate::text::msg::{methodology as m, people as pm, report};
use crate::time::BizDuration;

use super::cells::{Formats, PrintLayout, Sheet, texts};

/// Writes the sheet.
pub(super) fn write(
    ws: &mut Worksheet,
    f: &Formats,
    c: &Context<'_>,
) -> Result<()> {
    let name = report::SHEET_METHODOLOGY.get(c.lang);
    let mut s = Sheet::named(ws, f, c, name)?;
    s.widths(&[34.0, 70.0, 18.0, 14.0])?;
    s.text_f(0, 0, m::METHOD_TITLE.get(c.lang), &f.title)?;
    let mut l = Lines { s: &mut s, r: 2 };
    settings(&mut l)?;
    holidays(&mut l)?;
    target_rules(&mut l)?;
    state_labels(&mut l)?;
    exclusions(&mut l)?;
    input_files(&mut l)?;
    let last = l.r.saturating_sub(1);
    s.print_setup(&PrintLayout {
        repeat_rows: None,
        ..PrintLayout::list(false, 0, last, 3)
    })
}

/// The sheet written top down: `r` is the next free row.
struct Lines<'a, 'w, 'c> {
    s: &'a mut Sheet<'w, 'c>,
    r: u32,
}

impl Lines<'_, '_, '_> {
    /// The report's language.
    fn lang(&self) -> Lang {
        self.s.lang()
    }

    /// A setting: its name in bold, its value wrapped.
    fn setting(&mut self, key: Msg, value: &str) -> Result<()> {
        let f = self.s.f;
        self.s.text_f(self.r, 0, key.get(self.lang()), &f.bold)?;
        self.s.text_f(self.r, 1, value, &f.wrap)?;
        self.r += 1;
        Ok(())
    }

    /// A new table after a blank row: its header.
    fn table(&mut self, heads: &[&str]) -> Result<()> {
        self.r += 1;
        self.s.headers(self.r, heads)?;
        self.r += 1;
        Ok(())
    }

    /// A row of text cells (empty ones left blank).
    fn row(&mut self, cells: &[&str]) -> Result<()> {
        for (col, v) in cells.iter().enumerate() {
            self.s.text(self.r, col as u16, v)?;
        }
        self.r += 1;
        Ok(())
    }
}

/// Version, policy, zone, period, cutoff, calendar, counting rule.
fn settings(l: &mut Lines<'_, '_, '_>) -> Result<()> {
    let (c, lang) = (l.s.c, l.lang());
    let p = c.policy;
    let period = report::PERIOD_SPAN.fill(
        lang,
        &[
            ("label", &c.period.label()),
            ("first", &c.period.first),
            ("last", &c.period.last),
        ],
    );
    l.setting(m::METHOD_VERSION, env!("CARGO_PKG_VERSION"))?;
    l.setting(m::METHOD_POLICY, &p.path().display().to_string())?;
    l.setting(m::METHOD_TIME_ZONE, p.tz().name())?;
    l.setting(report::COL_PERIOD, &period)?;
    l.setting(report::COL_CUTOFF, &c.cutoff.to_rfc3339(p.tz()))?;
    l.setting(
        m::METHOD_CALENDAR,
        &calendar_text(lang, p.calendar_config()),
    )?;
    l.setting(m::METHOD_COUNTING, m::METHOD_COUNTING_RULE.get(lang))?;
    l.setting(pm::METHOD_PEOPLE, &people_text(c))
}

/// How people are shown (`[report] people`), and how many were replaced.
fn people_text(c: &Context<'_>) -> String {
    use crate::model::people::Scheme;
    let Some(h) = &c.ds.people else {
        return pm::METHOD_PEOPLE_NAMES.get(c.lang).to_string();
    };
    let m = match h.scheme {
        Scheme::Initials => pm::METHOD_PEOPLE_INITIALS,
        Scheme::Keyed => pm::METHOD_PEOPLE_KEYED,
        Scheme::Numbered => pm::METHOD_PEOPLE_NUMBERED,
    };
    m.fill(c.lang, &[("n", &h.people)])
}

/// The calendar in words: working hours per weekday, holiday sets,
/// entity closures.
fn calendar_text(lang: Lang, cfg: &CalendarConfig) -> String {
    if cfg.always {
        return m::METHOD_ALWAYS_OPEN.get(lang).to_string();
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
    let closures = if cfg.extra_closed_days.is_empty() {
        m::METHOD_NO_CLOSURES.get(lang).to_string()
    } else {
        cfg.extra_closed_days.join(", ")
    };
    m::METHOD_CALENDAR_TEXT.fill(
        lang,
        &[
            ("hours", &hours),
            ("holidays", &cfg.holidays.join(", ")),
            ("closures", &closures),
        ],
    )
}

/// The holidays and closures that fall in the period.
fn holidays(l: &mut Lines<'_, '_, '_>) -> Result<()> {
    let (c, lang) = (l.s.c, l.lang());
    let (first, last) = (c.period.first, c.period.last);
    l.table(&texts(lang, &[m::METHOD_HOLIDAYS, m::METHOD_HOLIDAY_NAME]))?;
    let cal = c.policy.calendar();
    for y in chrono::Datelike::year(&first)..=chrono::Datelike::year(&last) {
        for h in cal.holidays_in_year_in(y, lang) {
            if h.date < first || h.date > last {
                continue;
            }
            l.row(&[&h.date.to_string(), &h.name()])?;
        }
    }
    Ok(())
}

/// The target rules in policy order, then `[targets_from_ticket]`.
fn target_rules(l: &mut Lines<'_, '_, '_>) -> Result<()> {
    let (p, lang) = (l.s.c.policy, l.lang());
    let heads = [
        m::METHOD_TARGET_RULE,
        m::METHOD_APPLIES_TO,
        report::COL_RESPONSE,
        report::COL_RESOLUTION,
    ];
    l.table(&texts(lang, &heads))?;
    let text =
        |d: Option<BizDuration>| d.map(|d| d.to_string()).unwrap_or_default();
    for t in p.targets() {
        let index = m::METHOD_RULE_INDEX.fill(lang, &[("index", &t.index)]);
        l.row(&[
            &index,
            &t.describe(),
            &text(t.response),
            &text(t.resolution),
        ])?;
    }
    if let Some(own) = p.targets_from_ticket() {
        let column = |x: &Option<String>| {
            x.as_ref()
                .map(|name| {
                    m::METHOD_TARGET_COLUMN.fill(lang, &[("name", name)])
                })
                .unwrap_or_default()
        };
        l.row(&[
            m::METHOD_FROM_TICKET.get(lang),
            m::METHOD_FROM_TICKET_RULE.get(lang),
            &column(&own.response),
            &column(&own.resolution),
        ])?;
    }
    Ok(())
}

/// Each canonical state and the tool's labels that map to it.
fn state_labels(l: &mut Lines<'_, '_, '_>) -> Result<()> {
    let (p, lang) = (l.s.c.policy, l.lang());
    l.table(&texts(lang, &[m::METHOD_STATE, m::METHOD_TOOL_LABELS]))?;
    for (st, labels) in p.state_labels() {
        l.row(&[st.key(), &labels.join(", ")])?;
    }
    Ok(())
}

/// The exclusion settings, then the named rules in the order they are
/// tried (before the reasons above).
fn exclusions(l: &mut Lines<'_, '_, '_>) -> Result<()> {
    let (p, lang) = (l.s.c.policy, l.lang());
    let ex = p.exclusions();
    l.table(&[m::METHOD_EXCLUSIONS.get(lang), ""])?;
    let massive = ex
        .massive_affected_users
        .map(|v| v.to_string())
        .unwrap_or_default();
    let settings: [(Msg, String); 4] = [
        (m::METHOD_MASSIVE, massive),
        (m::METHOD_EXCLUDED_TYPES, ex.types.join(", ")),
        (m::METHOD_EXCLUDED_CATEGORIES, ex.categories.join(", ")),
        (
            m::METHOD_CANCELLED,
            m::METHOD_ALWAYS_EXCLUDED.get(lang).to_string(),
        ),
    ];
    for (k, v) in settings {
        l.row(&[k.get(lang), &v])?;
    }
    for rule in &ex.rules {
        let name = m::METHOD_NAMED_RULE.fill(
            lang,
            &[("description", &rule.description), ("reason", &rule.reason)],
        );
        l.row(&[&name, &rule.describe(p.tz(), lang)])?;
    }
    Ok(())
}

/// The input files: path, SHA-256, data rows and role.
fn input_files(l: &mut Lines<'_, '_, '_>) -> Result<()> {
    let (c, lang) = (l.s.c, l.lang());
    let heads = [
        m::METHOD_INPUT_FILE,
        m::METHOD_SHA256,
        m::METHOD_ROWS,
        m::METHOD_ROLE,
    ];
    l.table(&texts(lang, &heads))?;
    let f = l.s.f;
    for i in &c.inputs {
        let r = l.r;
        l.s.text(r, 0, &i.path.display().to_string())?;
        l.s.text(r, 1, &i.sha256)?;
        l.s.num(r, 2, Some(i.rows as f64), &f.int)?;
        l.s.text(r, 3, &i.role)?;
        l.r += 1;
    }
    Ok(())
}
