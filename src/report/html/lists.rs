//! The page's two tables: the indicators with their goals and
//! semáforo, and the list of breached and at-risk tickets with its
//! filters. Each ticket of the list is one `<tbody>`: its row, then a
//! row holding its timeline in a `<details>` ([`super::timeline`]), so
//! sorting and filtering move or hide the pair together and the
//! timeline opens in place even with scripts off.

use std::collections::{BTreeSet, HashMap};
use std::fmt::Write as _;

use crate::engine::explain::Explanation;
use crate::engine::{Class, SlaRow};
use crate::indicators::lists::Breach;
use crate::indicators::{self, IDS};
use crate::model::dataset::Attr;
use crate::policy::Status;
use crate::report::Context;
use crate::report::workbook::{goal_text, status_text, with_unit};
use crate::text::Msg;
use crate::text::msg::{html as m, report as r, sheets as s};
use crate::time::hms;

use super::escape::{search_key, text};

/// One ticket of the list: breached in the period (or overdue at the
/// cutoff), or open and at risk.
#[derive(Clone, Copy, Debug)]
pub struct Entry<'r> {
    /// The ticket's row.
    pub row: &'r SlaRow,
    /// Its breach, when it is on the breach list.
    pub breach: Option<Breach<'r>>,
}

/// The list's tickets: the breach list in its order (longest overrun
/// first), then the at-risk tickets not already on it (least time left
/// first).
pub fn entries<'r>(c: &Context<'r>) -> Vec<Entry<'r>> {
    let breached: BTreeSet<u32> =
        c.lists.breaches.iter().map(|b| b.row.ticket).collect();
    let breaches = c.lists.breaches.iter().map(|b| Entry {
        row: b.row,
        breach: Some(*b),
    });
    let at_risk = c
        .lists
        .at_risk
        .iter()
        .filter(|r| !breached.contains(&r.ticket))
        .map(|r| Entry {
            row: r,
            breach: None,
        });
    breaches.chain(at_risk).collect()
}

/// The filters' attributes, in the order the list shows them.
pub const FILTERS: [Attr; 4] =
    [Attr::Priority, Attr::Category, Attr::Group, Attr::Assignee];

/// The filter attribute's key in the markup (`data-priority`).
pub fn key(a: Attr) -> &'static str {
    match a {
        Attr::Priority => "priority",
        Attr::Category => "category",
        Attr::Group => "group",
        _ => "assignee",
    }
}

/// The column title of a filter attribute.
fn attr_title(a: Attr) -> Msg {
    match a {
        Attr::Priority => r::COL_PRIORITY,
        Attr::Category => r::COL_CATEGORY,
        Attr::Group => r::COL_GROUP,
        _ => r::COL_TECHNICIAN,
    }
}

/// The indicator table: name, goal, result with its numerator and
/// denominator, and the semáforo.
pub fn indicators(o: &mut String, c: &Context<'_>) {
    let w = &c.words;
    let heads = [
        s::SUMMARY_INDICATOR,
        r::COL_TARGET,
        s::SUMMARY_RESULT,
        r::COL_NUMERATOR,
        r::COL_DENOMINATOR,
        s::SUMMARY_STATUS,
    ];
    o.push_str("<table class=\"ind\"><thead><tr>");
    for h in heads {
        let _ = write!(o, "<th>{}</th>", text(&w.get(h)));
    }
    o.push_str("</tr></thead><tbody>\n");
    for (i, id) in IDS.iter().enumerate() {
        if !indicators::applies(c.policy, id) {
            continue;
        }
        indicator_row(o, c, i, id);
    }
    o.push_str("</tbody></table>\n");
}

/// Indicator `i` (`id`) as one row.
fn indicator_row(o: &mut String, c: &Context<'_>, i: usize, id: &str) {
    let lang = c.lang;
    let (name, meaning) = indicators::describe(id, &c.words);
    let goal = c.policy.goal(id);
    let value = c.lines[0].values[i];
    let parts = c.lines[0].parts[i];
    let num = |v: Option<f64>| {
        v.map_or(String::new(), |v| {
            let v = (v * 100.0).round() / 100.0;
            with_unit("", v, lang)
        })
    };
    let (status, class) = match (goal, value) {
        (Some(g), Some(v)) => {
            let st = g.status(v);
            (status_text(st).get(lang), status_class(st))
        }
        _ => ("", "none"),
    };
    let _ = writeln!(
        o,
        "<tr data-id=\"{id}\"><td title=\"{}\">{}</td><td>{}</td>\
         <td class=\"n\">{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td>\
         <td class=\"st {class}\">{}</td></tr>",
        text(&meaning),
        text(&name),
        text(&goal_text(goal, id, lang)),
        text(&value.map_or("-".into(), |v| with_unit(id, v, lang))),
        text(&num(parts.num)),
        text(&parts.den.map_or(String::new(), |d| d.to_string())),
        text(status),
    );
}

/// The CSS class of a semáforo state.
fn status_class(st: Status) -> &'static str {
    match st {
        Status::Met => "met",
        Status::Acceptable => "acceptable",
        Status::NotMet => "notmet",
    }
}

/// The list's column titles, with the sort key of each (`num:` sorts
/// by the number in that `data-` attribute, otherwise by the cell's
/// text).
const COLUMNS: [(Msg, &str); 12] = [
    (r::COL_TICKET, ""),
    (r::COL_TITLE, ""),
    (m::FILTER_KIND, ""),
    (r::COL_PRIORITY, "num:rank"),
    (r::COL_CATEGORY, ""),
    (r::COL_GROUP, ""),
    (r::COL_TECHNICIAN, ""),
    (s::BREACH_MEASURE, ""),
    (s::BREACH_STATE, ""),
    (s::BREACH_RESOLUTION_DUE, "num:due"),
    (m::COL_OVERRUN, "num:over"),
    (m::COL_LEFT, "num:left"),
];

/// The filters, the count and the list of `list` (the first entries,
/// with their timelines); `total` is the whole list's length.
pub fn tickets(
    o: &mut String,
    c: &Context<'_>,
    list: &[Entry<'_>],
    timelines: &HashMap<u32, Explanation>,
) {
    filters(o, c, list);
    let n = list.len();
    let count = c
        .words
        .fill(m::COUNT, &[("shown", &"\u{1}"), ("total", &n)]);
    let count = text(&count)
        .replace('\u{1}', &format!("<output id=\"shown\">{n}</output>"));
    let _ = writeln!(o, "<p id=\"count\">{count}</p>");
    o.push_str("<table id=\"tickets\"><thead><tr>");
    for (k, (h, sort)) in COLUMNS.iter().enumerate() {
        let _ = write!(
            o,
            "<th data-col=\"{k}\" data-sort=\"{sort}\" tabindex=\"0\">{}</th>",
            text(&c.words.get(*h))
        );
    }
    o.push_str("</tr></thead>\n");
    let ranks = priority_ranks(c);
    for e in list {
        ticket(o, c, e, &ranks, timelines.get(&e.row.ticket));
    }
    o.push_str("</table>\n");
}

/// Each priority's place in severity order (the sort key of the
/// priority column).
fn priority_ranks(c: &Context<'_>) -> HashMap<String, usize> {
    crate::report::wording::priority_order(c.policy)
        .into_iter()
        .enumerate()
        .map(|(k, p)| (p, k))
        .collect()
}

/// The filter controls: kind, the four attributes (their values in the
/// list, sorted), the search box and the clear button.
fn filters(o: &mut String, c: &Context<'_>, list: &[Entry<'_>]) {
    let w = &c.words;
    let any = text(&w.get(m::FILTER_ANY));
    o.push_str("<form id=\"filters\" class=\"noprint\">\n");
    let kinds = [w.get(m::KIND_BREACH), w.get(m::KIND_AT_RISK)];
    select(o, &w.get(m::FILTER_KIND), "kind", &any, kinds.iter());
    for a in FILTERS {
        let values: BTreeSet<&str> =
            list.iter().map(|e| value(c, e.row, a)).collect();
        select(o, &w.get(attr_title(a)), key(a), &any, values.iter());
    }
    let _ = writeln!(
        o,
        "<label>{} <input type=\"search\" id=\"q\" placeholder=\"{}\"></label>\
         <button type=\"button\" id=\"clear\">{}</button>\n</form>",
        text(&w.get(m::SEARCH)),
        text(&w.get(m::SEARCH_HINT)),
        text(&w.get(m::CLEAR)),
    );
}

/// One `<select>` named `key` with the option "any" and `values`.
fn select<S: AsRef<str>>(
    o: &mut String,
    label: &str,
    key: &str,
    any: &str,
    values: impl Iterator<Item = S>,
) {
    let _ = write!(
        o,
        "<label>{} <select data-filter=\"{key}\"><option value=\"\">{any}</option>",
        text(label)
    );
    for v in values {
        let v = text(v.as_ref());
        let _ = write!(o, "<option value=\"{v}\">{v}</option>");
    }
    o.push_str("</select></label>\n");
}

/// Row `r`'s value of attribute `a`.
fn value<'a>(c: &Context<'a>, r: &SlaRow, a: Attr) -> &'a str {
    c.ds.strings.get(c.ds.tickets[r.ticket as usize].attr(a))
}

/// The ticket's title ("" when the tickets have no title column).
fn title<'a>(c: &Context<'a>, r: &SlaRow) -> &'a str {
    c.title_col.map_or("", |k| {
        c.ds.strings.get(c.ds.extra_of(r.ticket as usize)[k])
    })
}

/// One ticket: its `<tbody>` with the row and the timeline.
fn ticket(
    o: &mut String,
    c: &Context<'_>,
    e: &Entry<'_>,
    ranks: &HashMap<String, usize>,
    timeline: Option<&Explanation>,
) {
    let row = e.row;
    let id = &c.ds.tickets[row.ticket as usize].id;
    let kind = c.words.get(match e.breach {
        Some(_) => m::KIND_BREACH,
        None => m::KIND_AT_RISK,
    });
    let prio = value(c, row, Attr::Priority);
    let (measure, state) = (measure(c, e), state(c, e));
    let over = row
        .resolution_overrun_s
        .get()
        .unwrap_or(0)
        .max(row.response_overrun_s.get().unwrap_or(0))
        .max(0);
    let left = time_left(row);
    let due = row.resolution_due_at;
    let mut attrs = format!(
        "data-kind=\"{}\" data-rank=\"{}\" data-over=\"{over}\" \
         data-left=\"{}\" data-due=\"{}\"",
        text(&kind),
        ranks.get(prio).copied().unwrap_or(usize::MAX / 2),
        left.unwrap_or(i64::MAX / 2),
        due.get().unwrap_or(i64::MAX / 2),
    );
    for a in FILTERS {
        let _ =
            write!(attrs, " data-{}=\"{}\"", key(a), text(value(c, row, a)));
    }
    let q = search_key(&[
        id,
        title(c, row),
        prio,
        value(c, row, Attr::Category),
        value(c, row, Attr::Group),
        value(c, row, Attr::Assignee),
        &measure,
        &state,
        &kind,
    ]);
    let _ = write!(
        o,
        "<tbody class=\"t\" {attrs} data-q=\"{q}\"><tr class=\"r\">"
    );
    let due_text = due.get().map_or(String::new(), |d| {
        crate::time::Instant::from_unix(d)
            .in_zone(c.policy.tz())
            .format("%Y-%m-%d %H:%M")
            .to_string()
    });
    let cells: [String; 12] = [
        id.to_string(),
        title(c, row).to_string(),
        kind,
        prio.to_string(),
        value(c, row, Attr::Category).to_string(),
        value(c, row, Attr::Group).to_string(),
        value(c, row, Attr::Assignee).to_string(),
        measure,
        state,
        due_text,
        if over > 0 { hms(over) } else { String::new() },
        left.map_or(String::new(), signed_hms),
    ];
    for cell in &cells {
        let _ = write!(o, "<td>{}</td>", text(cell));
    }
    o.push_str("</tr>\n");
    let _ = write!(o, "<tr class=\"tl\"><td colspan=\"{}\">", COLUMNS.len());
    if let Some(x) = timeline {
        super::timeline::details(o, c, id, x);
    }
    o.push_str("</td></tr></tbody>\n");
}

/// `h:mm:ss`, with a minus sign when negative.
fn signed_hms(s: i64) -> String {
    if s < 0 {
        format!("-{}", hms(-s))
    } else {
        hms(s)
    }
}

/// The business time left before the earlier unfinished target
/// (negative: past due), for tickets still running.
fn time_left(r: &SlaRow) -> Option<i64> {
    let res = r
        .resolution_target_s
        .get()
        .filter(|_| r.resolution_class.is_some())
        .map(|t| t - r.resolution_s);
    let resp = r
        .response_target_s
        .get()
        .filter(|_| r.response_class.is_some())
        .map(|t| t - r.response_s);
    [res, resp].into_iter().flatten().min()
}

/// The measure breached (or, for a ticket at risk, the measures at risk
/// or past due), in the entity's words.
fn measure(c: &Context<'_>, e: &Entry<'_>) -> String {
    let risky =
        |k: Option<Class>| matches!(k, Some(Class::Breached | Class::AtRisk));
    let (res, resp) = match &e.breach {
        Some(b) => (b.resolution_failed(), b.response_failed()),
        None => (risky(e.row.resolution_class), risky(e.row.response_class)),
    };
    c.words.get(match (res, resp) {
        (true, true) => s::BREACHED_BOTH,
        (true, false) => s::BREACHED_RESOLUTION,
        _ => s::BREACHED_RESPONSE,
    })
}

/// The state at the cutoff, or that a measure is past due and
/// unfinished (as the "Incumplimientos" sheet says it).
fn state(c: &Context<'_>, e: &Entry<'_>) -> String {
    let r = e.row;
    if r.resolution_class == Some(Class::Breached) {
        c.words.get(s::BREACH_OVERDUE_RESOLUTION)
    } else if r.response_class == Some(Class::Breached) {
        c.words.get(s::BREACH_OVERDUE_RESPONSE)
    } else {
        r.state
            .map_or(String::new(), |st| st.label(c.lang).to_string())
    }
}
