//! `plazo explain`: one ticket's timeline as a table a coordinator can
//! show a contractor when a breach is disputed.
//!
//! Each interval of the timeline with its canonical state, the source
//! label that began it, start, end, wall and business duration, what it
//! counted as, and the running resolution total against the target; then
//! the deadlines and the verdict with its reason. Spanish by default.

use std::fmt::Write as _;

use chrono::Datelike;

use crate::engine::{Class, Engine, Exclusion, SlaRow, Span};
use crate::model::dataset::{Attr, Dataset};
use crate::policy::State;
use crate::text::lang::{Lang, current};
use crate::time::{BizDuration, Instant, hms};

/// Renders the explanation of ticket `i` under `engine`. With `detail`,
/// each interval also lists the working periods that counted inside it.
pub fn explain(
    engine: &Engine<'_>,
    policy: &crate::Policy,
    ds: &Dataset,
    i: usize,
    detail: bool,
) -> (SlaRow, String) {
    let lang = current();
    let tz = policy.tz();
    let cal = policy.calendar();
    let t = &ds.tickets[i];
    let evs = ds.events_of(i);
    let mut spans: Vec<Span> = Vec::new();
    let row = engine.evaluate_ticket_traced(i, |s| spans.push(s));

    let tr = |es: &'static str, en: &'static str| lang.pick(es, en);
    let when = |t: i64| local(Instant::from_unix(t), tz, lang);
    let mut o = String::new();
    let title = ds
        .extra_columns
        .iter()
        .position(|c| c == "title" || c == "titulo" || c == "título")
        .map(|k| ds.strings.get(t.extra[k]).to_string())
        .unwrap_or_default();
    let _ = writeln!(
        o,
        "{} {}{}",
        tr("Ticket", "Ticket"),
        t.id,
        if title.is_empty() {
            String::new()
        } else {
            format!(" — {title}")
        }
    );
    let _ = writeln!(
        o,
        "{}: {} ({}) · {}: {}",
        tr("Política", "Policy"),
        policy.name(),
        policy.path().display(),
        tr("corte", "cutoff"),
        when(engine.cutoff())
    );
    let attrs: Vec<String> = [
        (Attr::Type, tr("tipo", "type")),
        (Attr::Priority, tr("prioridad", "priority")),
        (Attr::Category, tr("categoría", "category")),
        (Attr::Group, tr("grupo", "group")),
        (Attr::Assignee, tr("técnico", "assignee")),
    ]
    .iter()
    .filter(|(a, _)| !ds.strings.get(t.attr(*a)).is_empty())
    .map(|(a, n)| format!("{n}: {}", ds.strings.get(t.attr(*a))))
    .collect();
    if !attrs.is_empty() {
        let _ = writeln!(o, "{}", attrs.join(" · "));
    }
    let _ = writeln!(o, "{}: {}", tr("Abierto", "Opened"), when(t.opened_at));
    let start = engine.clock_start_of(i);
    if let (Some(col), true) = (policy.clock_start(), start != t.opened_at) {
        let _ = writeln!(
            o,
            "{}: {} ({col}, [clock] start)",
            tr("Los relojes empiezan", "The clocks start"),
            when(start),
        );
    }
    // The value the target rule was chosen with: the tickets table's, or
    // with `[matching] from_events` the last one an event set.
    use crate::policy::Field;
    let set_by = |f: Field| {
        crate::engine::match_event(policy, ds, i, engine.cutoff(), f)
    };
    let matched = |a: Attr, f: Field| {
        set_by(f).map_or(t.attr(a), |e| crate::engine::event_value(e, f))
    };
    // Values the target rule was chosen with, when events changed them.
    for &f in policy.match_from_events() {
        let (attr, name) = match f {
            Field::Priority => (Attr::Priority, tr("prioridad", "priority")),
            _ => (Attr::Group, tr("grupo", "group")),
        };
        let val = matched(attr, f);
        if let Some(e) = set_by(f).filter(|_| val != t.attr(attr)) {
            let _ = writeln!(
                o,
                "{}: {name} = {} ({} {}; {} {:?})",
                tr("Para elegir el ANS", "For the target rule"),
                ds.strings.get(val),
                tr("fijada por el evento del", "set by the event of"),
                when(e.at),
                tr("en la tabla de tickets", "in the tickets table"),
                ds.strings.get(t.attr(attr)),
            );
        }
    }
    let own = engine.ticket_targets(i);
    let rule = engine.rule_of(i).map(|r| &policy.targets()[r]);
    if let (Some(spec), true) =
        (policy.targets_from_ticket(), own != [None, None])
    {
        // For a measure the ticket does not carry: its rule's, if any.
        let d = |d: Option<BizDuration>,
                 col: &Option<String>,
                 from_rule: Option<BizDuration>| match (d, col)
        {
            (Some(d), Some(c)) => format!("{d} ({c})"),
            _ if from_rule.is_some() => {
                tr("el de la regla", "the rule's").to_string()
            }
            _ => tr("no se mide", "not measured").to_string(),
        };
        let _ = writeln!(
            o,
            "{}: {} {}, {} {}",
            tr(
                "ANS propio del ticket (prevalece sobre la regla)",
                "The ticket's own target (wins over the rule)"
            ),
            tr("respuesta", "response"),
            d(own[0], &spec.response, rule.and_then(|r| r.response)),
            tr("solución", "resolution"),
            d(own[1], &spec.resolution, rule.and_then(|r| r.resolution)),
        );
    }
    match rule {
        Some(rule) => {
            let d = |d: Option<BizDuration>, s: Option<i64>, mine: bool| match (
                d, s,
            ) {
                (Some(d), _) if mine => format!(
                    "{d} ({})",
                    tr(
                        "no se usa: vale el del ticket",
                        "unused: the ticket's applies"
                    )
                ),
                (Some(d), Some(s)) => {
                    format!("{d} ({} {})", hms(s), tr("hábiles", "business"))
                }
                (None, _) if mine => tr(
                    "no lo fija: vale el del ticket",
                    "not set: the ticket's applies",
                )
                .to_string(),
                _ => tr("no se mide", "not measured").to_string(),
            };
            let _ = writeln!(
                o,
                "{}: targets[{}] ({}): {} {}, {} {}",
                tr("ANS aplicado", "Target rule"),
                rule.index,
                rule.label,
                tr("respuesta", "response"),
                d(rule.response, row.response_target_s, own[0].is_some()),
                tr("solución", "resolution"),
                d(rule.resolution, row.resolution_target_s, own[1].is_some()),
            );
        }
        None => {
            let _ = writeln!(
                o,
                "{}",
                tr(
                    "ANS aplicado: ninguno (ninguna regla de [[targets]] coincide)",
                    "Target rule: none (no [[targets]] rule matches)"
                )
            );
        }
    }
    let _ = writeln!(o);

    // The table.
    let headers = [
        "#",
        tr("estado", "state"),
        tr("etiqueta origen", "source label"),
        tr("inicio", "start"),
        tr("fin", "end"),
        tr("duración", "wall"),
        tr("hábil", "business"),
        tr("cuenta como", "counts as"),
        tr("solución acum.", "resolution so far"),
    ];
    let mut table: Vec<Vec<String>> =
        vec![headers.iter().map(|s| s.to_string()).collect()];
    let mut acc = 0i64;
    let mut responded = false;
    for (k, s) in spans.iter().enumerate() {
        let label = match s.event {
            None => tr("(apertura)", "(opening)").to_string(),
            Some(e) => ds.strings.get(evs[e].status).to_string(),
        };
        let final_run = row.solved_at.is_some_and(|sa| s.start >= sa);
        let counts = match s.state {
            State::New | State::Open => {
                acc += s.business_s;
                if !responded && s.state == State::New {
                    tr("respuesta + solución", "response + resolution")
                } else {
                    tr("solución", "resolution")
                }
            }
            State::Paused => tr("pausa (no cuenta)", "pause (not counted)"),
            State::Solved | State::Closed if final_run => {
                tr("después de la solución", "after the solution")
            }
            State::Solved | State::Closed => tr(
                "resuelto antes de reabrir (no cuenta)",
                "solved before a reopen (not counted)",
            ),
            State::Cancelled => {
                tr("anulado (no cuenta)", "cancelled (not counted)")
            }
        };
        if s.state != State::New {
            responded = true;
        }
        table.push(vec![
            (k + 1).to_string(),
            s.state.label(lang).to_string(),
            label,
            when(s.start),
            when(s.end),
            hms(s.end - s.start),
            hms(s.business_s),
            counts.to_string(),
            match row.resolution_target_s {
                Some(tg) if tg > 0 => format!(
                    "{} ({:.0}%)",
                    hms(acc),
                    acc as f64 * 100.0 / tg as f64
                ),
                _ => hms(acc),
            },
        ]);
        if detail {
            for (a, b) in cal.working_intervals(
                Instant::from_unix(s.start),
                Instant::from_unix(s.end),
            ) {
                table.push(vec![
                    String::new(),
                    String::new(),
                    format!("  {}", tr("hábil", "working")),
                    when(a.unix()),
                    when(b.unix()),
                    String::new(),
                    hms(b.unix() - a.unix()),
                    String::new(),
                    String::new(),
                ]);
            }
        }
    }
    render_table(&mut o, &table);
    let _ = writeln!(o);

    // Totals and verdicts.
    let _ = writeln!(
        o,
        "{}: {} {} · {}: {} · {}: {}",
        tr("Tiempo hábil en pausa", "Business time paused"),
        hms(row.paused_s),
        if row.solved_before_reopen_s > 0 {
            format!(
                "({} {})",
                tr(
                    "más resuelto antes de reabrir",
                    "plus solved before a reopen"
                ),
                hms(row.solved_before_reopen_s)
            )
        } else {
            String::new()
        },
        tr("reaperturas", "reopens"),
        row.reopen_count,
        tr("estado al corte", "state at cutoff"),
        row.state.map_or("", |s| s.label(lang)),
    );
    if let Some(s) = row.survey_score {
        let _ = writeln!(
            o,
            "{}: {s} ({})",
            tr("Encuesta", "Survey"),
            when(row.survey_answered_at.unwrap_or_default())
        );
    }
    let verdict = |name: &str,
                   used: i64,
                   target: Option<i64>,
                   met: Option<bool>,
                   class: Option<Class>,
                   at: Option<i64>,
                   due: Option<i64>|
     -> String {
        let Some(tg) = target else {
            return format!(
                "{name}: {} {} ({})",
                hms(used),
                tr("hábiles", "business"),
                tr("sin objetivo", "no target")
            );
        };
        let due_s = due
            .map(|d| format!("; {} {}", tr("vence", "due"), when(d)))
            .unwrap_or_default();
        match (met, class) {
            (Some(true), _) => format!(
                "{name}: {} {} {} {} → {}{}",
                hms(used),
                tr("hábiles, dentro de", "business, within"),
                hms(tg),
                at.map(|a| format!("({})", when(a))).unwrap_or_default(),
                tr("CUMPLE", "MET"),
                due_s
            ),
            (Some(false), _) => format!(
                "{name}: {} {} {} {} → {} {} {}{}",
                hms(used),
                tr("hábiles, objetivo", "business, target"),
                hms(tg),
                at.map(|a| format!("({})", when(a))).unwrap_or_default(),
                tr("INCUMPLE por", "BREACHED by"),
                hms(used - tg),
                tr("hábiles", "business"),
                due_s
            ),
            (None, Some(c)) => format!(
                "{name}: {} {} {} {} → {}{}",
                hms(used),
                tr(
                    "hábiles al corte, objetivo",
                    "business at the cutoff, target"
                ),
                hms(tg),
                tr("(sin terminar)", "(unfinished)"),
                match c {
                    Class::Breached => tr("VENCIDO", "BREACHED"),
                    Class::AtRisk =>
                        tr("EN RIESGO (≥ 80 %)", "AT RISK (≥ 80%)"),
                    Class::OnTrack => tr("A TIEMPO", "ON TRACK"),
                },
                due_s
            ),
            _ => format!("{name}: {}", hms(used)),
        }
    };
    let _ = writeln!(
        o,
        "{}",
        verdict(
            tr("Respuesta", "Response"),
            row.response_s,
            row.response_target_s,
            row.response_met,
            row.response_class,
            row.responded_at,
            row.response_due_at
        )
    );
    let _ = writeln!(
        o,
        "{}",
        verdict(
            tr("Solución", "Resolution"),
            row.resolution_s,
            row.resolution_target_s,
            row.resolution_met,
            row.resolution_class,
            row.solved_at,
            row.resolution_due_at
        )
    );
    if let Some(c) = row.closed_at {
        let by_note = !policy.auto_close_notes().is_empty();
        let extra = match (row.auto_closed, row.close_late) {
            (Some(true), _) if by_note => format!(
                " ({})",
                tr(
                    "cierre automático: la nota del cierre lo dice",
                    "automatic close: the closing note says so"
                )
            ),
            (Some(true), _) => format!(
                " ({})",
                tr(
                    "cierre automático sin respuesta a la encuesta",
                    "auto-closed without a survey answer"
                )
            ),
            (_, Some(true)) => format!(
                " ({})",
                tr(
                    "cerrado después del plazo de cierre",
                    "closed after the closing deadline"
                )
            ),
            _ => String::new(),
        };
        let _ = writeln!(o, "{}: {}{extra}", tr("Cerrado", "Closed"), when(c));
    }
    if let Some(x) = row.excluded {
        let why = match x {
            Exclusion::Massive => format!(
                " (affected_users {} > {})",
                t.affected_users.unwrap_or_default(),
                policy
                    .exclusions()
                    .massive_affected_users
                    .unwrap_or_default()
            ),
            Exclusion::NoTarget => format!(
                " ({}: type={:?}, priority={:?}, category={:?}, service={:?}, group={:?})",
                tr("valores del ticket", "ticket values"),
                ds.strings.get(t.attr(Attr::Type)),
                ds.strings.get(matched(Attr::Priority, Field::Priority)),
                ds.strings.get(t.attr(Attr::Category)),
                ds.strings.get(t.attr(Attr::Service)),
                ds.strings.get(matched(Attr::Group, Field::Group)),
            ),
            Exclusion::Rule(k) => {
                let r = &policy.exclusions().rules[usize::from(k)];
                let mut seen = Vec::new();
                if let Some((column, _)) = &r.column {
                    let v = ds
                        .column(column)
                        .map_or("", |c| ds.strings.get(c.of(t)));
                    seen.push(format!("{column} = {v:?}"));
                }
                if r.final_status.is_some() {
                    let last = evs
                        .iter()
                        .rev()
                        .find(|e| e.at <= engine.cutoff())
                        .map_or("", |e| ds.strings.get(e.status));
                    seen.push(format!(
                        "{} {last:?}",
                        tr("último estado", "last status")
                    ));
                }
                if r.opened_between.is_some() {
                    seen.push(format!(
                        "{} {}",
                        tr("abierto", "opened"),
                        when(t.opened_at)
                    ));
                }
                format!(
                    " (exclude.rules[{k}] {}: {})",
                    r.reason,
                    seen.join(", ")
                )
            }
            _ => String::new(),
        };
        let _ = writeln!(
            o,
            "{}: {}{why} — {}",
            tr("EXCLUIDO", "EXCLUDED"),
            x.describe_in(policy, lang),
            tr("no cuenta en el cumplimiento", "left out of compliance"),
        );
    }
    (row, o)
}

fn local(t: Instant, tz: chrono_tz::Tz, lang: Lang) -> String {
    let z = t.in_zone(tz);
    let wd = match (z.weekday(), lang) {
        (chrono::Weekday::Mon, Lang::Es) => "lun",
        (chrono::Weekday::Tue, Lang::Es) => "mar",
        (chrono::Weekday::Wed, Lang::Es) => "mié",
        (chrono::Weekday::Thu, Lang::Es) => "jue",
        (chrono::Weekday::Fri, Lang::Es) => "vie",
        (chrono::Weekday::Sat, Lang::Es) => "sáb",
        (chrono::Weekday::Sun, Lang::Es) => "dom",
        (d, _) => {
            return format!(
                "{} {}",
                &format!("{d:?}")[..3],
                z.format("%Y-%m-%d %H:%M:%S")
            );
        }
    };
    format!("{wd} {}", z.format("%Y-%m-%d %H:%M:%S"))
}

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
