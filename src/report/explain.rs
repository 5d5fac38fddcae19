//! `plazo explain`, the words: renders an [`Explanation`] (built by
//! [`crate::engine::explain`]) as the text `plazo explain` prints, in a
//! given language. Every word comes from [`crate::text::msg::explain`].
//!
//! The layout: the header lines (ticket and title, policy and cutoff,
//! attributes, opening, the clock's start, the values the target rule was
//! chosen with, the ticket's own targets, the rule applied), a blank
//! line, the timeline as a table aligned in columns (one row per
//! interval, cut at each change of status label, group or assignee; the
//! group and assignee columns when the data name one; and with `--detail` one indented row per working period
//! inside it), a blank line, then the totals, the survey, the two
//! verdicts, the close and the exclusion. Instants are shown in the
//! policy's time zone with an abbreviated weekday (`lun 2026-03-02
//! 08:00:00`, `Mon 2026-03-02 08:00:00`), durations as `h:mm:ss`.

use std::fmt::{Display, Write as _};

use chrono::{Datelike, Weekday};
use chrono_tz::Tz;

use crate::engine::Class;
use crate::engine::explain::{
    AppliedRule, CloseNote, CountsAs, Excluded, ExclusionFacts, Explanation,
    Header, Measure, Outcome, OwnTarget, RuleFact, RuleTarget, Segment,
    Source, Verdict,
};
use crate::model::dataset::Attr;
use crate::text::Msg;
use crate::text::lang::Lang;
use crate::text::msg::explain as m;
use crate::time::{Instant, hms};

/// The text of `x` in `lang`, every line ending in a newline.
pub fn render(x: &Explanation, lang: Lang) -> String {
    let p = parts(x, lang);
    let mut o = String::new();
    for line in &p.header {
        let _ = writeln!(o, "{line}");
    }
    let _ = writeln!(o);
    render_table(&mut o, &p.table);
    let _ = writeln!(o);
    for line in &p.outcome {
        let _ = writeln!(o, "{line}");
    }
    o
}

/// The pieces of [`render`]'s text, before layout: what the printable
/// explanation (`plazo explain --out`, one sheet per ticket) writes cell
/// by cell.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Parts {
    /// The lines above the table.
    pub header: Vec<String>,
    /// The timeline: the column titles, then one row per interval (and
    /// with `--detail` per working period).
    pub table: Vec<Vec<String>>,
    /// The lines below the table: totals, verdicts, close, exclusion.
    pub outcome: Vec<String>,
}

/// The pieces of `x`'s explanation in `lang`.
pub fn parts(x: &Explanation, lang: Lang) -> Parts {
    let w = Words {
        lang,
        tz: x.header.tz,
    };
    let target = x.outcome.resolution.target_s;
    Parts {
        header: w.header(&x.header),
        table: w.table(&x.segments, target),
        outcome: w.outcome(&x.outcome),
    }
}

/// The header lines `plazo explain` prints above the timeline of `x`
/// (ticket, policy and cutoff, attributes, opening, targets, rule).
pub fn header_lines(x: &Explanation, lang: Lang) -> Vec<String> {
    Words {
        lang,
        tz: x.header.tz,
    }
    .header(&x.header)
}

/// The timeline table of `x` as `plazo explain` prints it (without
/// `--detail`): the column headers, then one row per interval, each a
/// list of cells. The breach review page shows the same cells.
pub fn table_rows(x: &Explanation, lang: Lang) -> Vec<Vec<String>> {
    let w = Words {
        lang,
        tz: x.header.tz,
    };
    w.table(&x.segments, x.outcome.resolution.target_s)
}

/// The lines `plazo explain` prints below the timeline of `x`: totals,
/// survey, the two verdicts, the close and the exclusion.
pub fn outcome_lines(x: &Explanation, lang: Lang) -> Vec<String> {
    Words {
        lang,
        tz: x.header.tz,
    }
    .outcome(&x.outcome)
}

/// The language and the time zone every piece is rendered in.
struct Words {
    lang: Lang,
    tz: Tz,
}

impl Words {
    /// A message without values.
    fn get(&self, msg: Msg) -> &'static str {
        msg.get(self.lang)
    }

    /// A message with its values.
    fn fill(&self, msg: Msg, args: &[(&str, &dyn Display)]) -> String {
        msg.fill(self.lang, args)
    }

    /// An instant in the policy's zone, with its abbreviated weekday.
    fn when(&self, t: i64) -> String {
        let z = Instant::from_unix(t).in_zone(self.tz);
        let day = match z.weekday() {
            Weekday::Mon => m::MON,
            Weekday::Tue => m::TUE,
            Weekday::Wed => m::WED,
            Weekday::Thu => m::THU,
            Weekday::Fri => m::FRI,
            Weekday::Sat => m::SAT,
            Weekday::Sun => m::SUN,
        };
        format!("{} {}", self.get(day), z.format("%Y-%m-%d %H:%M:%S"))
    }

    /// An attribute's name (the columns explain does not show by their
    /// column key).
    fn attr(&self, a: Attr) -> &'static str {
        match a {
            Attr::Type => self.get(m::ATTR_TYPE),
            Attr::Priority => self.get(m::ATTR_PRIORITY),
            Attr::Category => self.get(m::ATTR_CATEGORY),
            Attr::Group => self.get(m::ATTR_GROUP),
            Attr::Assignee => self.get(m::ATTR_ASSIGNEE),
            other => other.column(),
        }
    }

    // ------------------------------------------------------------ header

    /// The lines above the table.
    fn header(&self, h: &Header) -> Vec<String> {
        let mut out = vec![match &h.title {
            Some(title) => {
                self.fill(m::TICKET_TITLED, &[("id", &h.id), ("title", title)])
            }
            None => self.fill(m::TICKET, &[("id", &h.id)]),
        }];
        out.push(self.fill(
            m::POLICY,
            &[
                ("name", &h.policy_name),
                ("path", &h.policy_path.display()),
                ("cutoff", &self.when(h.cutoff)),
            ],
        ));
        if let Some(v) = &h.version {
            use crate::text::msg::versions as vm;
            let rule = match v.rules_at {
                crate::policy::RulesAt::Opened => vm::EXPLAIN_BY_OPENED,
                crate::policy::RulesAt::Solved => vm::EXPLAIN_BY_SOLVED,
            };
            let from = v
                .from
                .clone()
                .unwrap_or_else(|| self.fill(vm::BASE_FROM, &[]));
            out.push(self.fill(
                vm::EXPLAIN_VERSION,
                &[
                    ("name", &v.name),
                    ("from", &from),
                    ("rule", &self.fill(rule, &[])),
                ],
            ));
        }
        if !h.attributes.is_empty() {
            let attrs: Vec<String> = h
                .attributes
                .iter()
                .map(|(a, v)| format!("{}: {v}", self.attr(*a)))
                .collect();
            out.push(attrs.join(" · "));
        }
        out.push(self.fill(m::OPENED, &[("at", &self.when(h.opened_at))]));
        if let Some(c) = &h.clock_start {
            out.push(self.fill(
                m::CLOCK_START,
                &[("at", &self.when(c.at)), ("column", &c.column)],
            ));
        }
        for v in &h.matched {
            out.push(self.fill(
                m::MATCHED,
                &[
                    ("field", &self.attr(v.attr)),
                    ("value", &v.value),
                    ("at", &self.when(v.set_at)),
                    ("table", &format!("{:?}", v.table_value)),
                ],
            ));
        }
        if let Some(own) = &h.own_targets {
            out.push(self.fill(
                m::OWN_TARGETS,
                &[
                    ("response", &self.own_target(&own.response)),
                    ("resolution", &self.own_target(&own.resolution)),
                ],
            ));
        }
        out.push(match &h.rule {
            Some(rule) => self.rule(rule),
            None => self.get(m::RULE_NONE).to_string(),
        });
        out
    }

    /// Where one measure's own target comes from, in words.
    fn own_target(&self, t: &OwnTarget) -> String {
        match t {
            OwnTarget::Column { target, column } => self.fill(
                m::OWN_FROM_COLUMN,
                &[("target", target), ("column", column)],
            ),
            OwnTarget::Rule => self.get(m::OWN_RULES).to_string(),
            OwnTarget::NotMeasured => self.get(m::NOT_MEASURED).to_string(),
        }
    }

    /// The line of the rule applied.
    fn rule(&self, rule: &AppliedRule) -> String {
        self.fill(
            m::RULE,
            &[
                ("index", &rule.index),
                ("label", &rule.label),
                ("response", &self.rule_target(rule.response)),
                ("resolution", &self.rule_target(rule.resolution)),
            ],
        )
    }

    /// What one of the rule's targets became, in words.
    fn rule_target(&self, t: RuleTarget) -> String {
        match t {
            RuleTarget::Applied { target, business_s } => self.fill(
                m::RULE_TARGET,
                &[("target", &target), ("business", &hms(business_s))],
            ),
            RuleTarget::Unused(target) => {
                self.fill(m::RULE_UNUSED, &[("target", &target)])
            }
            RuleTarget::NotSet => self.get(m::RULE_NOT_SET).to_string(),
            RuleTarget::NotMeasured => self.get(m::NOT_MEASURED).to_string(),
        }
    }

    // ------------------------------------------------------------- table

    /// The table's rows, headers first; the running resolution total is
    /// shown against `target` (business seconds) when there is one.
    fn table(
        &self,
        segments: &[Segment],
        target: Option<i64>,
    ) -> Vec<Vec<String>> {
        let headers = [
            m::COL_NUMBER,
            m::COL_STATE,
            m::COL_SOURCE,
            m::COL_START,
            m::COL_END,
            m::COL_WALL,
            m::COL_BUSINESS,
            m::COL_COUNTS_AS,
            m::COL_RESOLUTION_SO_FAR,
        ];
        // The holder's columns, after the source label, when the data
        // name one.
        let group = segments.iter().any(|s| !s.group.is_empty());
        let assignee = segments.iter().any(|s| !s.assignee.is_empty());
        let holder = |row: &mut Vec<String>, g: String, a: String| {
            if assignee {
                row.insert(3, a);
            }
            if group {
                row.insert(3, g);
            }
        };
        let mut head = headers.map(|h| self.get(h).to_string()).to_vec();
        holder(
            &mut head,
            self.get(m::COL_GROUP).to_string(),
            self.get(m::COL_ASSIGNEE).to_string(),
        );
        let mut rows = vec![head];
        for (k, s) in segments.iter().enumerate() {
            let mut row = self.segment_row(k + 1, s, target);
            let or = |v: &str, none| match v {
                "" => self.get(none).to_string(),
                v => v.to_string(),
            };
            holder(
                &mut row,
                or(&s.group, m::NO_GROUP),
                or(&s.assignee, m::UNASSIGNED),
            );
            rows.push(row);
            for &(a, b) in &s.working {
                let mut row = vec![
                    String::new(),
                    String::new(),
                    format!("  {}", self.get(m::WORKING)),
                    self.when(a),
                    self.when(b),
                    String::new(),
                    hms(b - a),
                    String::new(),
                    String::new(),
                ];
                holder(&mut row, String::new(), String::new());
                rows.push(row);
            }
        }
        rows
    }

    /// Interval number `n`'s row.
    fn segment_row(
        &self,
        n: usize,
        s: &Segment,
        target: Option<i64>,
    ) -> Vec<String> {
        let source = match &s.source {
            Source::Opening => self.get(m::SOURCE_OPENING).to_string(),
            Source::Label(l) => l.clone(),
        };
        let acc = s.resolution_so_far_s;
        let so_far = match target {
            Some(tg) if tg > 0 => format!(
                "{} ({:.0}%)",
                hms(acc),
                acc as f64 * 100.0 / tg as f64
            ),
            _ => hms(acc),
        };
        vec![
            n.to_string(),
            s.state.label(self.lang).to_string(),
            source,
            self.when(s.start),
            self.when(s.end),
            hms(s.end - s.start),
            hms(s.business_s),
            self.get(counts_as(s.counts_as)).to_string(),
            so_far,
        ]
    }

    // ----------------------------------------------------------- outcome

    /// The lines below the table.
    fn outcome(&self, x: &Outcome) -> Vec<String> {
        let solved_before = if x.solved_before_reopen_s > 0 {
            self.fill(
                m::SOLVED_BEFORE_REOPEN,
                &[("time", &hms(x.solved_before_reopen_s))],
            )
        } else {
            String::new()
        };
        let mut out = vec![self.fill(
            m::TOTALS,
            &[
                ("paused", &hms(x.paused_s)),
                ("solved_before", &solved_before),
                ("reopens", &x.reopen_count),
                ("state", &x.state.map_or("", |s| s.label(self.lang))),
            ],
        )];
        if let Some(s) = x.survey {
            out.push(self.fill(
                m::SURVEY,
                &[("score", &s.score), ("at", &self.when(s.answered_at))],
            ));
        }
        out.push(self.verdict(m::RESPONSE, &x.response));
        out.push(self.verdict(m::RESOLUTION, &x.resolution));
        if let Some(c) = x.closed {
            let note = match close_note(c.note) {
                Some(msg) => format!(" ({})", self.get(msg)),
                None => String::new(),
            };
            out.push(self.fill(
                m::CLOSED,
                &[("at", &self.when(c.at)), ("note", &note)],
            ));
        }
        if let Some(e) = &x.excluded {
            out.push(self.excluded(e));
        }
        out
    }

    /// A measure's line, named `name`.
    fn verdict(&self, name: Msg, x: &Measure) -> String {
        let at = x
            .reached_at
            .map(|a| format!("({})", self.when(a)))
            .unwrap_or_default();
        let due = x
            .due_at
            .map(|d| self.fill(m::DUE, &[("at", &self.when(d))]))
            .unwrap_or_default();
        let (msg, over, class) = match x.verdict {
            Verdict::NoTarget => (m::VERDICT_NO_TARGET, 0, ""),
            Verdict::Met => (m::VERDICT_MET, 0, ""),
            Verdict::Breached { by_s } => (m::VERDICT_BREACHED, by_s, ""),
            Verdict::Unfinished(c) => {
                (m::VERDICT_UNFINISHED, 0, self.get(class_word(c)))
            }
            Verdict::Undecided => (m::VERDICT_UNDECIDED, 0, ""),
            Verdict::Unresolved => {
                (crate::text::msg::outcomes::VERDICT_UNRESOLVED, 0, "")
            }
        };
        self.fill(
            msg,
            &[
                ("name", &self.get(name)),
                ("used", &hms(x.used_s)),
                ("target", &hms(x.target_s.unwrap_or_default())),
                ("at", &at),
                ("over", &hms(over)),
                ("class", &class),
                ("due", &due),
            ],
        )
    }

    /// The exclusion's line: the reason in words and the facts behind it.
    fn excluded(&self, e: &Excluded) -> String {
        let reason = match &e.facts {
            ExclusionFacts::Rule { description, .. } => description.as_str(),
            _ => e.reason.describe(self.lang),
        };
        let why = match &e.facts {
            ExclusionFacts::None => String::new(),
            ExclusionFacts::Massive {
                affected_users,
                limit,
            } => format!(" (affected_users {affected_users} > {limit})"),
            ExclusionFacts::NoTarget {
                type_,
                priority,
                category,
                service,
                group,
            } => {
                let q = |s: &String| format!("{s:?}");
                let values = self.fill(
                    m::NO_TARGET_VALUES,
                    &[
                        ("type", &q(type_)),
                        ("priority", &q(priority)),
                        ("category", &q(category)),
                        ("service", &q(service)),
                        ("group", &q(group)),
                    ],
                );
                format!(" ({values})")
            }
            ExclusionFacts::Rule {
                index,
                reason,
                seen,
                ..
            } => {
                let seen: Vec<String> =
                    seen.iter().map(|f| self.rule_fact(f)).collect();
                format!(
                    " (exclude.rules[{index}] {reason}: {})",
                    seen.join(", ")
                )
            }
        };
        self.fill(m::EXCLUDED, &[("reason", &reason), ("why", &why)])
    }

    /// A value a named exclusion rule looked at, in words.
    fn rule_fact(&self, f: &RuleFact) -> String {
        match f {
            RuleFact::Column { column, value } => {
                format!("{column} = {value:?}")
            }
            RuleFact::LastStatus(label) => self.fill(
                m::RULE_LAST_STATUS,
                &[("label", &format!("{label:?}"))],
            ),
            RuleFact::Opened(at) => {
                self.fill(m::RULE_OPENED, &[("at", &self.when(*at))])
            }
        }
    }
}

/// The words of what an interval counted as.
fn counts_as(c: CountsAs) -> Msg {
    match c {
        CountsAs::ResponseAndResolution => m::COUNTS_RESPONSE_RESOLUTION,
        CountsAs::Resolution => m::COUNTS_RESOLUTION,
        CountsAs::Pause => m::COUNTS_PAUSE,
        CountsAs::AfterSolution => m::COUNTS_AFTER_SOLUTION,
        CountsAs::SolvedBeforeReopen => m::COUNTS_SOLVED_BEFORE_REOPEN,
        CountsAs::Cancelled => m::COUNTS_CANCELLED,
    }
}

/// The words of an unfinished measure's class.
fn class_word(c: Class) -> Msg {
    match c {
        Class::Breached => m::CLASS_BREACHED,
        Class::AtRisk => m::CLASS_AT_RISK,
        Class::OnTrack => m::CLASS_ON_TRACK,
    }
}

/// The words of a close note, if it has any.
fn close_note(n: CloseNote) -> Option<Msg> {
    match n {
        CloseNote::Plain => None,
        CloseNote::AutoByNote => Some(m::CLOSE_BY_NOTE),
        CloseNote::AutoNoSurvey => Some(m::CLOSE_NO_SURVEY),
        CloseNote::Late => Some(m::CLOSE_LATE),
    }
}

/// Writes `rows` (headers first) as columns padded to their widest cell
/// and two spaces apart, a rule of dashes under the headers, trailing
/// spaces trimmed.
fn render_table(o: &mut String, rows: &[Vec<String>]) {
    let n = rows[0].len();
    let widths: Vec<usize> = (0..n)
        .map(|c| rows.iter().map(|r| r[c].chars().count()).max().unwrap_or(0))
        .collect();
    for (k, r) in rows.iter().enumerate() {
        let line: Vec<String> = r
            .iter()
            .enumerate()
            .map(|(c, v)| {
                format!("{v}{}", " ".repeat(widths[c] - v.chars().count()))
            })
            .collect();
        let _ = writeln!(o, "{}", line.join("  ").trim_end());
        if k == 0 {
            let total: usize = widths.iter().sum::<usize>() + 2 * (n - 1);
            let _ = writeln!(o, "{}", "-".repeat(total));
        }
    }
}
