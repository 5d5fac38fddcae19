//! Reconciliation with GLPI's own SLA fields, ticket by ticket.
//!
//! For each ticket, plazo's figure beside GLPI's: response
//! (`takeintoaccount_delay_stat`), resolution (`solve_delay_stat`), waiting
//! (`waiting_duration` against plazo's paused time plus time solved before
//! a reopen, which GLPI also counts as waiting), the TTO and TTR deadlines
//! (`time_to_own`, `time_to_resolve`) and the breach verdicts. Each
//! difference is explained by a documented rule ([`Reason`]) or marked
//! `unexplained`.

use std::collections::BTreeMap;

use crate::calendar::Calendar;
use crate::engine::SlaRow;
use crate::model::dataset::Dataset;
use crate::policy::Policy;
use crate::time::{BizDuration, Instant};

pub use super::glpi_rules::glpi_day_deadline;

/// A documented rule that explains a difference with GLPI.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Reason {
    /// GLPI stores an hour deadline that ends exactly at the day's last
    /// close as the next working day's first opening (17:00 -> 07:00);
    /// no business time lies between the two.
    NextPeriodStart,
    /// Day-based SLA: GLPI adds pending time as wall-clock seconds
    /// (`sla_waiting_duration`), nights and weekends included.
    DaySlaWallClockPending,
    /// Day-based SLA with `end_of_working_day`: GLPI moves the deadline to
    /// the end of that working day.
    EndOfWorkingDay,
    /// Day-based SLA: GLPI keeps the opening's wall-clock time N working
    /// days later; plazo keeps the working-clock position (they differ
    /// when a ticket is opened outside working hours or at lunch).
    DaySlaTimeOfDay,
    /// Hour-based SLA: GLPI adds every pending second to TTR, also pauses
    /// after the deadline had passed; plazo counts only the pauses before
    /// the deadline.
    PauseAfterDeadline,
    /// A ticket taken into account with no working time since its
    /// opening: GLPI stores `takeintoaccount_delay_stat` as at least 1 s
    /// (`Ticket::computeTakeIntoAccountDelayStat`, `max(1, ...)`; GLPI
    /// issue #11109), plazo 0 s.
    TakeIntoAccountMinimum,
    /// The verdict differs because the deadline differs for a reason above.
    DeadlineDiffers,
    /// No documented rule explains it.
    Unexplained,
}

impl Reason {
    /// The stable id written in outputs.
    pub fn key(self) -> &'static str {
        match self {
            Reason::NextPeriodStart => "glpi_next_period_start",
            Reason::DaySlaWallClockPending => "glpi_day_sla_wallclock_pending",
            Reason::EndOfWorkingDay => "glpi_end_of_working_day",
            Reason::DaySlaTimeOfDay => "glpi_day_sla_time_of_day",
            Reason::PauseAfterDeadline => "glpi_pause_after_deadline",
            Reason::TakeIntoAccountMinimum => "glpi_take_into_account_minimum",
            Reason::DeadlineDiffers => "deadline_differs",
            Reason::Unexplained => "unexplained",
        }
    }
}

/// One compared column of one ticket.
#[derive(Clone, Debug, PartialEq)]
pub struct Cmp {
    /// plazo's value (seconds, Unix seconds or 0/1), if any.
    pub plazo: Option<i64>,
    /// GLPI's value, if any.
    pub glpi: Option<i64>,
    /// Why they differ (`None` when equal or not comparable).
    pub reason: Option<Reason>,
}

impl Cmp {
    /// Both present and different.
    pub fn differs(&self) -> bool {
        matches!((self.plazo, self.glpi), (Some(a), Some(b)) if a != b)
    }
    /// Both present and equal.
    pub fn agrees(&self) -> bool {
        matches!((self.plazo, self.glpi), (Some(a), Some(b)) if a == b)
    }
}

/// The compared columns, in output order.
pub const COLUMNS: [&str; 7] = [
    "response",
    "resolution",
    "waiting",
    "tto_deadline",
    "ttr_deadline",
    "tto_breached",
    "ttr_breached",
];

/// One ticket's reconciliation.
#[derive(Clone, Debug)]
pub struct Row {
    /// The ticket id.
    pub ticket_id: String,
    /// One comparison per [`COLUMNS`] entry.
    pub cols: [Cmp; 7],
}

impl Row {
    /// True when any column differs.
    pub fn differs(&self) -> bool {
        self.cols.iter().any(Cmp::differs)
    }
}

/// GLPI's SLA definitions by id: (number_time, definition_time,
/// end_of_working_day).
type GlpiSlas = BTreeMap<String, (i64, String, bool)>;

fn glpi_slas(slas: Option<&crate::source::glpi::Dump>) -> GlpiSlas {
    let mut out = GlpiSlas::new();
    let Some(d) = slas else { return out };
    for i in 0..d.len() {
        if let Some(id) = d.get(i, "id") {
            out.insert(
                id.to_string(),
                (
                    d.get(i, "number_time")
                        .and_then(|x| x.parse().ok())
                        .unwrap_or(0),
                    d.get(i, "definition_time").unwrap_or("").to_string(),
                    d.get(i, "end_of_working_day") == Some("1"),
                ),
            );
        }
    }
    out
}

/// The GLPI columns of the tickets table that reconciliation reads.
const GLPI_FIELDS: [&str; 10] = [
    "takeintoaccount_delay_stat",
    "solve_delay_stat",
    "waiting_duration",
    "sla_waiting_duration",
    "time_to_own",
    "time_to_resolve",
    "takeintoaccountdate",
    "solvedate",
    "slas_id_ttr",
    "slas_id_tto",
];

/// One ticket's GLPI fields, read from its extra columns.
struct Glpi<'a> {
    taken: Option<i64>,
    solved: Option<i64>,
    delay_taken: Option<i64>,
    delay_solved: Option<i64>,
    waiting: Option<i64>,
    sla_waiting: Option<i64>,
    tto: Option<i64>,
    ttr: Option<i64>,
    sla_ttr: Option<&'a str>,
    sla_tto: Option<&'a str>,
}

impl<'a> Glpi<'a> {
    fn read(
        ds: &'a Dataset,
        i: usize,
        idx: &[Option<usize>; 10],
        tz: chrono_tz::Tz,
    ) -> Glpi<'a> {
        let get = |k: usize| -> Option<&'a str> {
            idx[k]
                .map(|k| ds.strings.get(ds.extra_of(i)[k]))
                .filter(|v| !v.is_empty())
        };
        let num = |k: usize| get(k).and_then(|v| v.parse::<i64>().ok());
        let inst = |k: usize| {
            get(k)
                .and_then(|v| Instant::parse(v, tz).ok())
                .map(Instant::unix)
        };
        Glpi {
            delay_taken: num(0),
            delay_solved: num(1),
            waiting: num(2),
            sla_waiting: num(3),
            tto: inst(4),
            ttr: inst(5),
            taken: inst(6),
            solved: inst(7),
            sla_ttr: get(8),
            sla_tto: get(9),
        }
    }
}

/// plazo's figure beside GLPI's, column by column, reasons not yet
/// given.
fn compare(r: &SlaRow, g: &Glpi<'_>) -> [Cmp; 7] {
    let cmp = |plazo, glpi| Cmp {
        plazo,
        glpi,
        reason: None,
    };
    let breached = |at: Option<i64>, due: Option<i64>| match (at, due) {
        (Some(a), Some(d)) => Some((a > d) as i64),
        _ => None,
    };
    [
        cmp(
            r.responded_at.get().map(|_| r.response_s),
            g.taken.and(g.delay_taken),
        ),
        cmp(
            r.solved_at.get().map(|_| r.resolution_s),
            g.solved.and(g.delay_solved),
        ),
        cmp(
            r.solved_at
                .get()
                .map(|_| r.paused_s + r.solved_before_reopen_s),
            g.solved.and(g.waiting),
        ),
        cmp(r.response_due_at.get(), g.tto),
        cmp(r.resolution_due_at.get(), g.ttr),
        cmp(
            r.response_met.map(|m| (!m) as i64),
            breached(g.taken, g.tto),
        ),
        cmp(
            r.resolution_met.map(|m| (!m) as i64),
            breached(g.solved, g.ttr),
        ),
    ]
}

/// The rule under which GLPI's day-based deadline equals `same`'s
/// target: end of working day, wall-clock pending time, or the opening's
/// time of day; `Unexplained` when it does not.
fn day_rule(
    eod: bool,
    sla_waiting_s: i64,
    same: impl Fn(bool) -> bool,
) -> Reason {
    if !same(eod) {
        return Reason::Unexplained;
    }
    if eod {
        Reason::EndOfWorkingDay
    } else if sla_waiting_s > 0 {
        Reason::DaySlaWallClockPending
    } else {
        Reason::DaySlaTimeOfDay
    }
}

/// Why plazo's TTR deadline `p` differs from GLPI's `g`.
fn ttr_reason(
    cal: &Calendar,
    t: &crate::model::dataset::Ticket,
    target: Option<BizDuration>,
    glpi_sla: Option<&(i64, String, bool)>,
    waiting_s: i64,
    sla_waiting_s: i64,
    same: &dyn Fn(i64) -> bool,
) -> Reason {
    let day = |n: i64, eod: bool| {
        same(glpi_day_deadline(cal, t.opened_at, n, sla_waiting_s, eod))
    };
    match (glpi_sla, target) {
        (Some((n, def, eod)), _) if def == "day" => {
            day_rule(*eod, sla_waiting_s, |e| day(*n, e))
        }
        (_, Some(BizDuration::Seconds(s)))
            if cal
                .add_business(Instant::from_unix(t.opened_at), s + waiting_s)
                .is_ok_and(|d| same(d.unix())) =>
        {
            Reason::PauseAfterDeadline
        }
        // Without glpi_slas: the policy's `Nbd` target, with and without
        // end-of-working-day.
        (None, Some(BizDuration::Days(n))) => {
            if day(n as i64, true) {
                Reason::EndOfWorkingDay
            } else {
                day_rule(false, sla_waiting_s, |e| day(n as i64, e))
            }
        }
        _ => Reason::Unexplained,
    }
}

/// Why plazo's TTO deadline differs from GLPI's: only the day rules
/// apply (waiting never moves `time_to_own`).
fn tto_reason(
    cal: &Calendar,
    t: &crate::model::dataset::Ticket,
    target: Option<BizDuration>,
    glpi_sla: Option<&(i64, String, bool)>,
    same: &dyn Fn(i64) -> bool,
) -> Reason {
    let day = |n: i64, eod: bool| {
        same(glpi_day_deadline(cal, t.opened_at, n, 0, eod))
    };
    match (glpi_sla, target) {
        (Some((n, def, eod)), _) if def == "day" => {
            day_rule(*eod, 0, |e| day(*n, e))
        }
        (None, Some(BizDuration::Days(n))) if day(n as i64, true) => {
            Reason::EndOfWorkingDay
        }
        (None, Some(BizDuration::Days(n))) => {
            day_rule(false, 0, |e| day(n as i64, e))
        }
        _ => Reason::Unexplained,
    }
}

/// Reconciles every ticket. `rows` are plazo's figures (in dataset
/// order); the GLPI fields are read from the tickets' extra columns.
pub fn reconcile(
    policy: &Policy,
    ds: &Dataset,
    rows: &[SlaRow],
    slas: Option<&crate::source::glpi::Dump>,
) -> Vec<Row> {
    let glpi_slas = glpi_slas(slas);
    let cal = policy.calendar();
    let tz = policy.tz();
    let idx = GLPI_FIELDS
        .map(|name| ds.extra_columns.iter().position(|c| c == name));
    let mut out = Vec::with_capacity(rows.len());
    for r in rows {
        let t = &ds.tickets[r.ticket as usize];
        let g = Glpi::read(ds, r.ticket as usize, &idx, tz);
        let mut cols = compare(r, &g);
        // Deadlines: GLPI's value reproduced by GLPI's own rule.
        let waiting_s = g.waiting.unwrap_or(0);
        let sla_waiting_s = g.sla_waiting.unwrap_or(waiting_s);
        let glpi_sla = g.sla_ttr.and_then(|id| glpi_slas.get(id));
        let rules = policy.version_policy(r.version).targets();
        let rule = r.target_rule.and_then(|i| rules.get(i as usize));
        for k in [3, 4] {
            if !cols[k].differs() {
                continue;
            }
            let (p, gv) = (cols[k].plazo.unwrap(), cols[k].glpi.unwrap());
            let next_start = |x: i64| {
                cal.next_working_instant(Instant::from_unix(x))
                    .map_or(x, Instant::unix)
            };
            let same = |x: i64| x == gv || (next_start(x) == gv && x < gv);
            cols[k].reason = Some(if same(p) {
                Reason::NextPeriodStart
            } else if k == 3 {
                let sla = g.sla_tto.and_then(|id| glpi_slas.get(id));
                let target = rule.and_then(|x| x.response);
                tto_reason(cal, t, target, sla, &same)
            } else {
                let target = rule.and_then(|x| x.resolution);
                ttr_reason(
                    cal,
                    t,
                    target,
                    glpi_sla,
                    waiting_s,
                    sla_waiting_s,
                    &same,
                )
            });
        }
        // Verdicts follow the deadlines.
        for (k, d) in [(5, 3), (6, 4)] {
            if cols[k].differs() {
                cols[k].reason = Some(match cols[d].reason {
                    Some(Reason::Unexplained) | None => Reason::Unexplained,
                    Some(_) => Reason::DeadlineDiffers,
                });
            }
        }
        for (k, c) in cols.iter_mut().take(3).enumerate() {
            if c.differs() {
                let minimum =
                    k == 0 && c.plazo == Some(0) && c.glpi == Some(1);
                c.reason = Some(if minimum {
                    Reason::TakeIntoAccountMinimum
                } else {
                    Reason::Unexplained
                });
            }
        }
        out.push(Row {
            ticket_id: t.id.to_string(),
            cols,
        });
    }
    out
}

/// One ticket's verdicts under both deadline rules, side by side, and
/// the documented rule that makes them differ.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Verdicts {
    /// (TTO, TTR) breached under the procedure's rules (1 breached, 0
    /// met, `None` unjudged).
    pub procedure: [Option<i64>; 2],
    /// (TTO, TTR) breached under GLPI's rules.
    pub glpi: [Option<i64>; 2],
    /// When they differ: the rule that moves the deadline (the reason
    /// the procedure's deadline differs from GLPI's).
    pub rule: Option<Reason>,
}

/// The verdicts of `procedure` and `glpi` rows (both in dataset order,
/// from the same dataset), with the rule of each difference taken from
/// `recon`, the reconciliation of the procedure's rows.
pub fn side_by_side(
    procedure: &[SlaRow],
    glpi: &[SlaRow],
    recon: &[Row],
) -> Vec<Verdicts> {
    let breached = |r: &SlaRow| {
        [
            r.response_met.map(|m| (!m) as i64),
            r.resolution_met.map(|m| (!m) as i64),
        ]
    };
    procedure
        .iter()
        .zip(glpi)
        .zip(recon)
        .map(|((p, g), row)| {
            let (p, g) = (breached(p), breached(g));
            let rule = [1, 0].into_iter().find_map(|k| {
                (p[k] != g[k]).then(|| {
                    row.cols[3 + k].reason.unwrap_or(Reason::Unexplained)
                })
            });
            Verdicts {
                procedure: p,
                glpi: g,
                rule,
            }
        })
        .collect()
}
