//! "Metodología": how the figures were computed, in plain words.
//! Version, policy, zone, period, cutoff, working hours, holidays,
//! closures, counting rule, automatic close, survey scale and scope,
//! goals; then the values the policy marks as assumed, the period's
//! holidays, the target rules as sentences, the state labels, the
//! exclusions and the input files with their SHA-256.
//!
//! Every value the policy lists in `assumed` carries, in column C, the
//! note "supuesto (el procedimiento no lo fija)"; the legend under the
//! title says so, and the table "Valores supuestos" lists them all.

use rust_xlsxwriter::Worksheet;

use crate::calendar::CalendarConfig;
use crate::error::Result;
use crate::indicators;
use crate::policy::{
    DeadlineRules, Direction, Field, Repeated, RulesAt, TargetRule,
};
use crate::report::{Context, wording};
use crate::text::Msg;
use crate::text::lang::Lang;
use crate::text::msg::{
    closing as cl, glpi_rules as gr, methodology as m, people as pm, report,
    sheets, survey_report as sr, versions as vm,
};
use crate::text::words::Words;
use crate::time::BizDuration;

use super::cells::{Formats, PrintLayout, Sheet, texts};

/// Each assumable policy value (`policy::ASSUMABLE`) in words.
const ASSUMED_NAMES: [(&str, Msg); 12] = [
    ("calendar.hours", m::ASSUMED_CALENDAR_HOURS),
    ("calendar.extra_closed_days", m::ASSUMED_CLOSED_DAYS),
    ("states", m::ASSUMED_STATES),
    ("targets", m::ASSUMED_TARGETS),
    ("exclude", m::ASSUMED_EXCLUDE),
    ("close", m::ASSUMED_CLOSE),
    ("survey.scale", m::ASSUMED_SURVEY_SCALE),
    ("survey.applies_to", m::ASSUMED_SURVEY_SCOPE),
    ("indicators", m::ASSUMED_INDICATORS),
    ("clock", m::ASSUMED_CLOCK),
    ("matching", m::ASSUMED_MATCHING),
    (
        "escalation",
        crate::text::msg::escalations::ASSUMED_ESCALATION,
    ),
];

/// The weekdays as the policy's `[calendar.hours]` keys, with names.
const DAYS: [(&str, Msg); 7] = [
    ("mon", m::DAY_MON),
    ("tue", m::DAY_TUE),
    ("wed", m::DAY_WED),
    ("thu", m::DAY_THU),
    ("fri", m::DAY_FRI),
    ("sat", m::DAY_SAT),
    ("sun", m::DAY_SUN),
];

/// Writes the sheet.
pub(super) fn write(
    ws: &mut Worksheet,
    f: &Formats,
    c: &Context<'_>,
) -> Result<()> {
    let name = report::SHEET_METHODOLOGY.get(c.lang);
    let mut s = Sheet::named(ws, f, c, name)?;
    s.widths(&[34.0, 80.0, 36.0, 14.0])?;
    s.text_f(0, 0, m::METHOD_TITLE.get(c.lang), &f.title)?;
    let mut r = 2;
    if !c.policy.assumed().is_empty() {
        let legend = m::METHOD_ASSUMED_LEGEND.get(c.lang);
        s.ws.merge_range(1, 0, 1, 2, legend, &f.wrap)
            .map_err(super::cells::xerr)?;
        s.ws.set_row_height(1, 45).map_err(super::cells::xerr)?;
        r = 3;
    }
    let mut l = Lines { s: &mut s, r };
    settings(&mut l)?;
    rules(&mut l)?;
    assumed_values(&mut l)?;
    holidays(&mut l)?;
    target_rules(&mut l)?;
    versions(&mut l)?;
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
        self.marked(key, value, None)
    }

    /// A setting with, in column C, the assumed note when the policy
    /// lists `assumed` (one of `policy::ASSUMABLE`) as an assumption.
    fn marked(
        &mut self,
        key: Msg,
        value: &str,
        assumed: Option<&str>,
    ) -> Result<()> {
        let (f, c) = (self.s.f, self.s.c);
        let key = c.words.get(key);
        self.s.text_f(self.r, 0, &key, &f.bold)?;
        self.s.text_f(self.r, 1, value, &f.wrap)?;
        self.note(assumed)?;
        self.r += 1;
        Ok(())
    }

    /// The assumed note in column C of the current row, when `key` is
    /// assumed.
    fn note(&mut self, key: Option<&str>) -> Result<()> {
        let c = self.s.c;
        if key.is_some_and(|k| c.policy.is_assumed(k)) {
            let note = m::METHOD_ASSUMED_NOTE.get(self.lang());
            self.s.text(self.r, 2, note)?;
        }
        Ok(())
    }

    /// A new table after a blank row: its header, with the assumed note
    /// when `key` is assumed.
    fn table(&mut self, heads: &[String], key: Option<&str>) -> Result<()> {
        self.r += 1;
        self.s.headers(self.r, heads)?;
        let c = self.s.c;
        if key.is_some_and(|k| c.policy.is_assumed(k)) {
            let note = m::METHOD_ASSUMED_NOTE.get(self.lang());
            let f = self.s.f;
            self.s.text_f(self.r, heads.len() as u16, note, &f.header)?;
        }
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

/// Version, policy, zone, period, cutoff, hours, holidays, closures.
fn settings(l: &mut Lines<'_, '_, '_>) -> Result<()> {
    let (c, lang) = (l.s.c, l.lang());
    let (p, tz) = (c.policy, c.policy.tz());
    let zone = m::METHOD_ZONE_VALUE.fill(
        lang,
        &[
            ("zone", &wording::zone(tz, c.cutoff, lang)),
            ("tz", &tz.name()),
        ],
    );
    let cfg = p.calendar_config();
    l.setting(m::METHOD_VERSION, env!("CARGO_PKG_VERSION"))?;
    l.setting(m::METHOD_POLICY, &p.path().display().to_string())?;
    l.setting(m::METHOD_TIME_ZONE, &zone)?;
    l.setting(report::COL_PERIOD, &wording::period_span(c.period, lang))?;
    l.setting(report::COL_CUTOFF, &c.cutoff.local_text(tz))?;
    if c.empty_period {
        let note = c
            .words
            .fill(report::EMPTY_PERIOD, &[("period", &c.period_words())]);
        l.setting(report::EMPTY_PERIOD_LABEL, &note)?;
    }
    decisions_line(l)?;
    l.marked(
        m::METHOD_HOURS,
        &hours_text(lang, cfg),
        Some("calendar.hours"),
    )?;
    l.setting(m::METHOD_HOLIDAY_SETS, &holiday_sets(c))?;
    let closures = if cfg.extra_closed_days.is_empty() {
        m::METHOD_NONE.get(lang).to_string()
    } else {
        cfg.extra_closed_days.join(", ")
    };
    l.marked(
        m::METHOD_CLOSURES,
        &closures,
        Some("calendar.extra_closed_days"),
    )
}

/// The committee's decisions, with `--decisions`: the file and its
/// SHA-256, how many decisions, how many waivers apply in the period,
/// and the dating rule.
fn decisions_line(l: &mut Lines<'_, '_, '_>) -> Result<()> {
    use crate::indicators::decisions::{Standing, row_of};
    use crate::text::msg::decisions as dm;
    let c = l.s.c;
    let Some(d) = &c.decided else {
        return Ok(());
    };
    let file = c.inputs.iter().find(|i| i.role == "decisions");
    let applied = d
        .book
        .list
        .iter()
        .filter(|x| {
            row_of(c.rows, x.ticket).is_some_and(|r| {
                d.book.standing(x, r, c.period) == Standing::Applied
            })
        })
        .count();
    let rule = if d.book.restate {
        dm::METHOD_RESTATED
    } else {
        dm::METHOD_DATED
    };
    let value = c.words.fill(
        dm::METHOD_VALUE,
        &[
            ("file", &file.map_or("-".to_string(), |f| f.name())),
            ("sha", &file.map_or("-", |f| f.sha256.as_str())),
            ("count", &d.book.list.len()),
            ("waived", &applied),
            ("rule", &c.words.get(rule)),
        ],
    );
    l.setting(dm::METHOD_KEY, &value)
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

/// Counting rule, automatic close, survey scale and scope, goals,
/// people and the clock's start.
fn rules(l: &mut Lines<'_, '_, '_>) -> Result<()> {
    let (c, lang) = (l.s.c, l.lang());
    let (p, w) = (c.policy, &c.words);
    l.setting(m::METHOD_COUNTING, &w.get(m::METHOD_COUNTING_RULE))?;
    let deadline_rules = match p.deadline_rules() {
        DeadlineRules::Procedure => gr::METHOD_PROCEDURE,
        DeadlineRules::Glpi => gr::METHOD_GLPI,
    };
    l.setting(gr::METHOD_LABEL, &w.get(deadline_rules))?;
    if p.has_versions() {
        let rule = match p.rules_at() {
            RulesAt::Opened => vm::METHOD_RULES_AT_OPENED,
            RulesAt::Solved => vm::METHOD_RULES_AT_SOLVED,
        };
        l.setting(vm::METHOD_RULES_AT, &w.get(rule))?;
    }
    l.setting(pm::METHOD_PEOPLE, &people_text(c))?;
    let close = match p.auto_close_after() {
        Some(d) => {
            w.fill(m::METHOD_AUTO_CLOSE_TEXT, &[("after", &duration(lang, d))])
        }
        None => m::METHOD_NONE.get(lang).to_string(),
    };
    l.marked(m::METHOD_AUTO_CLOSE, &close, Some("close"))?;
    if p.has_close_rules() {
        l.marked(cl::METHOD_CLOSE_RULES, &close_rules(c), Some("close"))?;
    }
    let sv = p.survey();
    let scale = m::METHOD_SURVEY_SCALE_TEXT
        .fill(lang, &[("max", &sv.scale_max), ("min", &sv.satisfied_min)]);
    l.marked(m::METHOD_SURVEY_SCALE, &scale, Some("survey.scale"))?;
    let scope = p
        .survey_scope()
        .map_or_else(|| w.get(sheets::SURVEYS_SCOPE_ALL), applies_to(w));
    l.marked(m::METHOD_SURVEY_SCOPE, &scope, Some("survey.applies_to"))?;
    let sent = if c.ds.surveys_sent_column {
        sr::BASE_SENT_ROWS
    } else {
        sr::BASE_SENT_RULE
    };
    l.setting(sr::METHOD_SENT, &w.get(sent))?;
    let repeated = match sv.repeated {
        Repeated::First => sr::RULE_FIRST,
        Repeated::Last => sr::RULE_LAST,
        Repeated::Mean => sr::RULE_MEAN,
    };
    l.setting(sr::REPEATED, &w.get(repeated))?;
    l.marked(m::METHOD_GOALS, &goals(c), Some("indicators"))?;
    if let Some(start) = p.clock_start() {
        l.marked(m::METHOD_CLOCK, start, Some("clock"))?;
    }
    Ok(())
}

/// The closing rules the policy sets, in words (docs/INDICATORS.md,
/// "Closing rules").
fn close_rules(c: &Context<'_>) -> String {
    let (p, w, lang) = (c.policy, &c.words, c.lang);
    let mut parts = Vec::new();
    if let Some(d) = p.auto_close_after() {
        let after = duration(lang, d);
        parts.push(w.fill(cl::METHOD_EARLY_LATE, &[("after", &after)]));
    }
    if p.close_rules().requires_approval {
        parts.push(w.get(cl::METHOD_APPROVAL));
    }
    if let Some(d) = p.close_rules().validate_within {
        let limit = duration(lang, d);
        parts.push(w.fill(cl::METHOD_VALIDATION, &[("limit", &limit)]));
    }
    parts.join("; ")
}

/// Every indicator with a goal, by name, with its bound.
fn goals(c: &Context<'_>) -> String {
    let lang = c.lang;
    let all: Vec<String> = indicators::IDS
        .iter()
        .filter_map(|id| c.policy.goal(id).map(|g| (id, g)))
        .map(|(id, g)| {
            let bound = match g.direction {
                Direction::Min => report::AT_LEAST,
                Direction::Max => report::AT_MOST,
            };
            m::METHOD_GOAL.fill(
                lang,
                &[
                    ("name", &indicators::describe(id, &c.words).0),
                    ("bound", &bound.fill(lang, &[("value", &g.value)])),
                ],
            )
        })
        .collect();
    if all.is_empty() {
        m::METHOD_NO_GOALS.get(lang).to_string()
    } else {
        all.join("; ")
    }
}

/// The policy values listed in `assumed`, in words.
fn assumed_values(l: &mut Lines<'_, '_, '_>) -> Result<()> {
    let c = l.s.c;
    if c.policy.assumed().is_empty() {
        return Ok(());
    }
    l.table(&texts(&c.words, &[m::METHOD_ASSUMED, m::METHOD_KEY]), None)?;
    for (key, name) in ASSUMED_NAMES {
        if c.policy.is_assumed(key) {
            l.row(&[&c.words.get(name), key])?;
        }
    }
    Ok(())
}

/// The working hours in words: consecutive days with the same hours
/// together ("lunes a viernes 08:00–17:00"), then the days closed.
fn hours_text(lang: Lang, cfg: &CalendarConfig) -> String {
    if cfg.always {
        return m::METHOD_ALWAYS_OPEN.get(lang).to_string();
    }
    let empty = Default::default();
    let hours = cfg.hours.as_ref().unwrap_or(&empty);
    let of = |d: &str| {
        hours.get(d).map(|v| {
            let v: Vec<String> =
                v.iter().map(|s| s.replace('-', "–")).collect();
            and_list(lang, &v)
        })
    };
    let mut runs: Vec<(usize, usize, Option<String>)> = Vec::new();
    for (k, (d, _)) in DAYS.iter().enumerate() {
        let h = of(d);
        match runs.last_mut() {
            Some(run) if run.2 == h => run.1 = k,
            _ => runs.push((k, k, h)),
        }
    }
    let day_run = |a: usize, b: usize| {
        if a == b {
            DAYS[a].1.get(lang).to_string()
        } else if a + 1 == b {
            let two = [a, b].map(|k| DAYS[k].1.get(lang).to_string());
            and_list(lang, &two)
        } else {
            m::METHOD_DAY_RUN.fill(
                lang,
                &[
                    ("first", &DAYS[a].1.get(lang)),
                    ("last", &DAYS[b].1.get(lang)),
                ],
            )
        }
    };
    let mut open = Vec::new();
    let mut closed = Vec::new();
    for (a, b, h) in &runs {
        match h {
            Some(h) => open.push(
                m::METHOD_DAY_HOURS
                    .fill(lang, &[("days", &day_run(*a, *b)), ("hours", h)]),
            ),
            None => closed.push(day_run(*a, *b)),
        }
    }
    if !closed.is_empty() {
        let days = and_list(lang, &closed);
        open.push(m::METHOD_CLOSED_DAYS.fill(lang, &[("days", &days)]));
    }
    open.join("; ")
}

/// `a, b y c`.
fn and_list(lang: Lang, items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => {
            format!("{}{}{last}", rest.join(", "), m::METHOD_AND.get(lang))
        }
    }
}

/// The holiday sets by their titles ("Festivos de Colombia (Ley 51 de
/// 1983 ...)").
fn holiday_sets(c: &Context<'_>) -> String {
    let lang = c.lang;
    let cal = c.policy.calendar();
    let sets: Vec<String> = cal
        .holiday_sets()
        .iter()
        .map(|h| match h.title(lang) {
            Some(t) => t.to_string(),
            None => m::METHOD_HOLIDAY_SET.fill(lang, &[("name", &h.name())]),
        })
        .collect();
    if sets.is_empty() {
        m::METHOD_NONE.get(lang).to_string()
    } else {
        sets.join("; ")
    }
}

/// The holidays and closures that fall in the period.
fn holidays(l: &mut Lines<'_, '_, '_>) -> Result<()> {
    let (c, lang) = (l.s.c, l.lang());
    let (first, last) = (c.period.first, c.period.last);
    let heads = texts(&c.words, &[m::METHOD_HOLIDAYS, m::METHOD_HOLIDAY_NAME]);
    l.table(&heads, None)?;
    let cal = c.policy.calendar();
    for y in chrono::Datelike::year(&first)..=chrono::Datelike::year(&last) {
        for h in cal.holidays_in_year_in(y, lang) {
            if h.date < first || h.date > last {
                continue;
            }
            l.row(&[&wording::day(h.date), &h.name()])?;
        }
    }
    Ok(())
}

/// A business duration in words: "2 horas hábiles", "1 día hábil".
pub(super) fn duration(lang: Lang, d: BizDuration) -> String {
    let n = |m: Msg, v: i64| m.fill(lang, &[("n", &v)]);
    match d {
        BizDuration::Days(1) => n(m::DUR_DAY, 1),
        BizDuration::Days(k) => n(m::DUR_DAYS, i64::from(k)),
        BizDuration::Seconds(s) if s % 60 != 0 => {
            m::DUR_OTHER.fill(lang, &[("d", &d)])
        }
        BizDuration::Seconds(s) => match (s / 3600, s % 3600 / 60) {
            (1, 0) => n(m::DUR_HOUR, 1),
            (h, 0) => n(m::DUR_HOURS, h),
            (0, mi) => n(m::DUR_MINUTES, mi),
            (h, mi) => m::DUR_HM.fill(lang, &[("h", &h), ("m", &mi)]),
        },
    }
}

/// A rule's match keys in words: `tipo «incidente» y prioridad «alta»`.
fn applies_to(w: &Words) -> impl Fn(&TargetRule) -> String + '_ {
    let lang = w.lang();
    move |t: &TargetRule| {
        let field = |f: Field| {
            w.get(match f {
                Field::Type => m::FIELD_TYPE,
                Field::Priority => m::FIELD_PRIORITY,
                Field::Category => m::FIELD_CATEGORY,
                Field::Service => m::FIELD_SERVICE,
                Field::Group => m::FIELD_GROUP,
            })
        };
        let or = m::METHOD_OR.get(lang);
        let one = |msg: Msg, name: String, vals: &[String]| {
            msg.fill(lang, &[("field", &name), ("values", &vals.join(or))])
        };
        let mut parts = Vec::new();
        for (f, v) in &t.matchers {
            parts.push(one(m::METHOD_MATCH, field(*f), v));
        }
        for (f, v) in &t.prefixes {
            parts.push(one(m::METHOD_MATCH_PREFIX, field(*f), v));
        }
        for (col, v) in &t.columns {
            parts.push(one(m::METHOD_MATCH_COLUMN, col.clone(), v));
        }
        and_list(lang, &parts)
    }
}

/// A target rule as a sentence.
fn rule_sentence(c: &Context<'_>, t: &TargetRule) -> String {
    let (lang, w) = (c.lang, &c.words);
    let measures: Vec<String> =
        [("response", t.response), ("resolution", t.resolution)]
            .into_iter()
            .filter_map(|(name, d)| {
                d.map(|d| {
                    let measure = w.word(name).unwrap_or(name);
                    m::METHOD_MEASURE_IN.fill(
                        lang,
                        &[("measure", &measure), ("time", &duration(lang, d))],
                    )
                })
            })
            .collect();
    let measures = if measures.is_empty() {
        m::METHOD_NO_MEASURE.get(lang).to_string()
    } else {
        and_list(lang, &measures)
    };
    if t.is_catch_all() {
        w.fill(m::METHOD_RULE_ALL, &[("measures", &measures)])
    } else {
        let applies = applies_to(w)(t);
        w.fill(
            m::METHOD_RULE_SENTENCE,
            &[("applies", &applies), ("measures", &measures)],
        )
    }
}

/// The target rules in policy order, then `[targets_from_ticket]`.
fn target_rules(l: &mut Lines<'_, '_, '_>) -> Result<()> {
    let (c, lang) = (l.s.c, l.lang());
    let p = c.policy;
    let heads = texts(&c.words, &[m::METHOD_TARGET_RULE, m::METHOD_RULE_TEXT]);
    l.table(&heads, Some("targets"))?;
    for t in p.targets() {
        let index = m::METHOD_RULE_INDEX.fill(lang, &[("index", &t.index)]);
        l.row(&[&index, &rule_sentence(c, t)])?;
    }
    if let Some(own) = p.targets_from_ticket() {
        let column = |x: &Option<String>| {
            x.as_ref().map_or_else(
                || m::METHOD_NONE.get(lang).to_string(),
                |name| m::METHOD_TARGET_COLUMN.fill(lang, &[("name", name)]),
            )
        };
        let text = c.words.fill(
            m::METHOD_FROM_TICKET_RULE,
            &[
                ("response_col", &column(&own.response)),
                ("resolution_col", &column(&own.resolution)),
            ],
        );
        l.row(&[&c.words.get(m::METHOD_FROM_TICKET), &text])?;
    }
    Ok(())
}

/// With `[[versions]]`: each version (the base first) with the day it
/// holds from, what it changes, its note and source; then the target
/// rules of each version that replaces them.
fn versions(l: &mut Lines<'_, '_, '_>) -> Result<()> {
    let (c, lang) = (l.s.c, l.lang());
    let p = c.policy;
    if !p.has_versions() {
        return Ok(());
    }
    let heads = texts(
        &c.words,
        &[
            vm::COL_VERSION,
            vm::COL_FROM,
            vm::COL_CHANGES,
            vm::COL_NOTE,
            vm::COL_SOURCE,
        ],
    );
    l.table(&heads, None)?;
    l.row(&[p.version_name(), vm::BASE_FROM.get(lang)])?;
    for v in p.versions() {
        let note = v.note.as_deref().unwrap_or("");
        let source = v.source.as_deref().unwrap_or("");
        l.row(&[&v.name, &v.from, &v.changes.join(", "), note, source])?;
    }
    for v in p
        .versions()
        .iter()
        .filter(|v| v.changes.iter().any(|k| k == "targets"))
    {
        let heads = [
            format!("{} · {}", v.name, c.words.get(m::METHOD_TARGET_RULE)),
            c.words.get(m::METHOD_RULE_TEXT),
        ];
        l.table(&heads, None)?;
        for t in v.policy.targets() {
            let index =
                m::METHOD_RULE_INDEX.fill(lang, &[("index", &t.index)]);
            l.row(&[&index, &rule_sentence(c, t)])?;
        }
    }
    Ok(())
}

/// Each state and the tool's labels that map to it.
fn state_labels(l: &mut Lines<'_, '_, '_>) -> Result<()> {
    let (c, lang) = (l.s.c, l.lang());
    let heads = texts(&c.words, &[m::METHOD_STATE, m::METHOD_TOOL_LABELS]);
    l.table(&heads, Some("states"))?;
    for (st, labels) in c.policy.state_labels() {
        l.row(&[st.label(lang), &labels.join(", ")])?;
    }
    let precase = c.policy.precase_labels();
    if !precase.is_empty() {
        let name = crate::text::msg::channel::METHOD_PRECASE.get(lang);
        l.row(&[name, &precase.join(", ")])?;
    }
    Ok(())
}

/// The exclusion settings, then the named rules in the order they are
/// tried (before the reasons above).
fn exclusions(l: &mut Lines<'_, '_, '_>) -> Result<()> {
    let (p, lang) = (l.s.c.policy, l.lang());
    let ex = p.exclusions();
    l.table(
        &[m::METHOD_EXCLUSIONS.get(lang).to_string(), String::new()],
        Some("exclude"),
    )?;
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
    let c = l.s.c;
    let heads = [
        m::METHOD_INPUT_FILE,
        m::METHOD_SHA256,
        m::METHOD_ROWS,
        m::METHOD_ROLE,
    ];
    l.table(&texts(&c.words, &heads), None)?;
    let f = l.s.f;
    for i in &c.inputs {
        let r = l.r;
        l.s.text(r, 0, &i.path.display().to_string())?;
        l.s.text(r, 1, &i.sha256)?;
        l.s.num(r, 2, Some(i.rows as f64), &f.int)?;
        let role = match i.role.as_str() {
            "policy" => c.words.get(m::ROLE_POLICY),
            "tickets" => c.words.get(m::ROLE_TICKETS),
            "events" => c.words.get(m::ROLE_EVENTS),
            "surveys" => c.words.get(m::ROLE_SURVEYS),
            "sla_rows" => c.words.get(m::ROLE_SLA_ROWS),
            "decisions" => c.words.get(crate::text::msg::decisions::ROLE),
            other => other.to_string(),
        };
        l.s.text(r, 3, &role)?;
        l.r += 1;
    }
    Ok(())
}
