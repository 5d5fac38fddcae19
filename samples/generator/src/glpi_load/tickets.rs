//! Ticket life cycles and the rows GLPI writes for them.

use super::clock::{Clock, fmt_local};
use super::lookups::{
    CATEGORIES, ENTITIES, GLPI_USER, GROUPS, REQ0, REQS, TECH0, TECHS,
    log_login, log_name,
};
use super::{Load, Tsv};
use crate::Rng;

const HOUR: i64 = 3600;

/// The tables written from the tickets.
pub(crate) struct Out {
    pub(crate) tickets: Tsv,
    pub(crate) logs: Tsv,
    pub(crate) surveys: Tsv,
    pub(crate) actors: Tsv,
    pub(crate) groups: Tsv,
}

/// What a glpi_logs row records.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    Create,
    Requester,
    Assignee,
    Group,
    Status,
    TakeIntoAccount,
    LastUpdater,
    SolveDate,
    CloseDate,
    Solution,
    Followup,
    Task,
    Priority,
    Urgency,
    Category,
    Satisfaction,
    SatComment,
}

/// One glpi_logs row, compact (rendered once sorted).
#[derive(Clone, Copy, Debug)]
struct Log {
    at: i64,
    ticket: u32,
    seq: u16,
    kind: Kind,
    actor: u32,
    old: i64,
    new: i64,
}

/// A step of a ticket's life (status changes).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Step {
    Take,
    Pend,
    Resume,
    Solve,
    Reopen,
    Close,
}

/// The drawn facts of one ticket.
struct Ticket {
    id: u32,
    entity: u32,
    open: i64,
    requester: u32,
    tech: u32,
    group: u32,
    category: u32,
    urgency: i64,
    impact: i64,
    ty: u32,
    channel: u32,
    title: usize,
    deleted: bool,
    /// (TTO, TTR) SLA ids, 0 for none.
    sla: (u32, u32),
}

const TITLES: [&str; 12] = [
    "Impresora no imprime",
    "VPN no conecta",
    "Correo no sincroniza",
    "Equipo lento",
    "Restablecer contraseña",
    "Sin acceso al ERP",
    "Instalar software",
    "Pantalla sin señal",
    "Red inalámbrica intermitente",
    "Error al generar reporte",
    "Solicitud de usuario nuevo",
    "Teléfono IP sin tono",
];
const COMMENTS: [&str; 5] = [
    "Buen servicio, gracias.",
    "Tardaron mucho en atender.",
    "Excelente atención.",
    "El problema volvió a presentarse.",
    "Solución rápida y clara.",
];

/// The sorted opening instants: most in business hours.
fn openings(load: &Load, rng: &mut Rng) -> Vec<i64> {
    let span = (load.to - load.from) as u64;
    let mut v: Vec<i64> = (0..load.tickets)
        .map(|_| {
            let t = load.from + rng.below(span) as i64;
            if rng.chance(0.88) && !Clock::open(t) {
                // Moved to a business instant: that day's or the next.
                Clock::add(
                    t - t.rem_euclid(86_400),
                    rng.below(9 * 3600) as i64,
                )
            } else {
                t
            }
        })
        .filter(|t| *t < load.to)
        .collect();
    while v.len() < load.tickets as usize {
        v.push(load.from + rng.below(span) as i64);
    }
    v.sort_unstable();
    v
}

fn draw(id: u32, open: i64, rng: &mut Rng) -> Ticket {
    let urgency = 1 + rng.weighted(&[5, 25, 40, 25, 5]) as i64;
    let impact = 1 + rng.weighted(&[5, 25, 40, 25, 5]) as i64;
    let high = urgency + impact >= 8;
    let sla = match rng.weighted(&[40, 15, 20, 15, 10]) {
        0 => (0, 0),
        1 => (1, 3),
        2 => (1, 4),
        3 => (2, 4),
        _ => (2, 5),
    };
    Ticket {
        id,
        entity: ENTITIES[rng.weighted(&[5, 15, 15, 20, 15, 10, 10, 10])].0,
        open,
        requester: REQ0 + rng.below(REQS as u64) as u32,
        tech: TECH0 + rng.below(TECHS as u64) as u32,
        group: 1 + rng.below(GROUPS.len() as u64) as u32,
        category: rng.weighted(&[3, 20, 20, 15, 10, 12, 10, 10]) as u32,
        urgency,
        impact,
        ty: if rng.chance(0.85) { 1 } else { 2 },
        channel: 1 + rng.weighted(&[45, 30, 15, 5, 3, 2]) as u32,
        title: rng.below(TITLES.len() as u64) as usize,
        deleted: rng.chance(0.003),
        sla: if high && sla.0 == 2 { (1, sla.1) } else { sla },
    }
}

/// A ticket's status steps (not yet cut at the dump instant).
fn life(open: i64, rng: &mut Rng) -> Vec<(i64, Step)> {
    let mut v = Vec::with_capacity(10);
    // Business days are 9 h. A few tickets wait days to be taken, and some
    // pauses last days (the backlog a real desk has).
    let take = if rng.chance(0.03) {
        10.0 * 9.0 * 3600.0
    } else {
        40.0 * 60.0
    };
    let mut t = Clock::add(open, (60.0 + rng.exp(take)) as i64);
    v.push((t, Step::Take));
    let pauses = rng.weighted(&[70, 22, 8]);
    for _ in 0..pauses {
        t = Clock::add(t, (600.0 + rng.exp(3.0 * 3600.0)) as i64);
        v.push((t, Step::Pend));
        let pause = if rng.chance(0.15) {
            5.0 * 9.0 * 3600.0
        } else {
            6.0 * 3600.0
        };
        t = Clock::add(t, (1800.0 + rng.exp(pause)) as i64);
        v.push((t, Step::Resume));
    }
    t = Clock::add(t, (900.0 + rng.exp(8.0 * 3600.0)) as i64);
    v.push((t, Step::Solve));
    if rng.chance(0.13) {
        t += (3600.0 + rng.exp(20.0 * 3600.0)) as i64;
        v.push((t, Step::Reopen));
        t = Clock::add(t, (900.0 + rng.exp(4.0 * 3600.0)) as i64);
        v.push((t, Step::Solve));
    }
    if rng.chance(0.6) {
        // The requester approves the solution.
        t += (600.0 + rng.exp(10.0 * 3600.0)) as i64;
    } else {
        // The technician closes it at night, days later.
        let day = t.div_euclid(86_400) + 1 + rng.below(5) as i64;
        t = day * 86_400 + 3 * HOUR + rng.below(3600) as i64;
    }
    v.push((t, Step::Close));
    v
}

/// What the replay of the steps up to the dump instant establishes.
#[derive(Default)]
struct State {
    status: i64,
    taken: Option<i64>,
    solved: Option<i64>,
    closed: Option<i64>,
    begin_waiting: Option<i64>,
    /// Business seconds pending, and solved before a reopen.
    waiting: i64,
    /// Wall-clock seconds pending (day-based SLAs count those).
    waiting_wall: i64,
    last: i64,
    last_actor: u32,
}

/// Where a ticket's glpi_logs rows go, numbered in the order written.
struct Sink<'a> {
    logs: &'a mut Vec<Log>,
    ticket: u32,
    seq: u16,
}

impl Sink<'_> {
    fn log(&mut self, at: i64, kind: Kind, actor: u32, old: i64, new: i64) {
        self.logs.push(Log {
            at,
            ticket: self.ticket,
            seq: self.seq,
            kind,
            actor,
            old,
            new,
        });
        self.seq += 1;
    }
}

/// Replays the steps up to `now`, logging each with its companions.
fn replay(
    tk: &Ticket,
    steps: &[(i64, Step)],
    now: i64,
    sink: &mut Sink,
) -> State {
    let mut s = State {
        status: 1,
        last: tk.open,
        last_actor: GLPI_USER,
        ..State::default()
    };
    let mut pend_start = 0;
    for &(at, step) in steps.iter().filter(|(at, _)| *at <= now) {
        let (new, actor) = match step {
            Step::Take | Step::Resume => (2, tk.tech),
            Step::Pend => (4, tk.tech),
            Step::Solve => (5, tk.tech),
            Step::Reopen => (2, tk.requester),
            Step::Close => (
                6,
                if at.rem_euclid(86_400) < 5 * HOUR {
                    tk.tech
                } else {
                    tk.requester
                },
            ),
        };
        match step {
            Step::Take => {
                s.taken = Some(at);
                sink.log(at, Kind::Assignee, tk.tech, 0, tk.tech as i64);
                let secs = Clock::between(tk.open, at);
                sink.log(at, Kind::TakeIntoAccount, tk.tech, 0, secs);
            }
            Step::Pend => {
                pend_start = at;
                s.begin_waiting = Some(at);
                sink.log(at, Kind::Followup, tk.tech, 0, 0);
            }
            Step::Resume => {
                s.waiting += Clock::between(pend_start, at);
                s.waiting_wall += at - pend_start;
                sink.log(at, Kind::Followup, tk.requester, 0, 0);
            }
            Step::Solve => {
                s.solved = Some(at);
                s.begin_waiting = Some(at);
                sink.log(at, Kind::Solution, tk.tech, 0, 0);
                sink.log(at, Kind::SolveDate, tk.tech, 0, at);
            }
            Step::Reopen => {
                let solved = s.solved.take().unwrap_or(at);
                s.waiting += Clock::between(solved, at);
                sink.log(at, Kind::Followup, tk.requester, 0, 0);
                sink.log(at, Kind::SolveDate, tk.requester, solved, 0);
            }
            Step::Close => {
                s.closed = Some(at);
                sink.log(at, Kind::CloseDate, actor, 0, at);
            }
        }
        sink.log(at, Kind::Status, actor, s.status, new);
        if actor != s.last_actor {
            sink.log(
                at,
                Kind::LastUpdater,
                actor,
                s.last_actor as i64,
                actor as i64,
            );
        }
        s.status = new;
        s.last = at;
        s.last_actor = actor;
    }
    s
}

/// Rows that do not change the status: follow-ups, tasks, priority,
/// urgency and category changes, the assigned group; between the
/// take-into-account and the last step before `now`.
fn extras(tk: &Ticket, s: &State, rng: &mut Rng, sink: &mut Sink) {
    let Some(from) = s.taken else { return };
    let span = (s.last - from).max(1) as u64;
    let at = |rng: &mut Rng| from + rng.below(span) as i64;
    for _ in 0..rng.below(8) {
        let who = if rng.chance(0.7) {
            tk.tech
        } else {
            tk.requester
        };
        sink.log(at(rng), Kind::Followup, who, 0, 0);
    }
    if rng.chance(0.5) {
        for _ in 0..1 + rng.below(3) {
            sink.log(at(rng), Kind::Task, tk.tech, 0, 0);
        }
    }
    if rng.chance(0.4) {
        sink.log(from, Kind::Group, tk.tech, 0, tk.group as i64);
    }
    if rng.chance(0.15) {
        let p = priority(tk.urgency, tk.impact);
        sink.log(at(rng), Kind::Priority, tk.tech, (p - 1).max(1), p);
    }
    if rng.chance(0.10) {
        sink.log(
            at(rng),
            Kind::Urgency,
            tk.tech,
            (tk.urgency % 5) + 1,
            tk.urgency,
        );
    }
    if rng.chance(0.10) && tk.category > 0 {
        let old = 1 + (tk.category as i64 % CATEGORIES.len() as i64);
        sink.log(at(rng), Kind::Category, tk.tech, old, tk.category as i64);
    }
}

/// GLPI's default priority matrix, approximately: the rounded mean.
fn priority(urgency: i64, impact: i64) -> i64 {
    ((urgency + impact + 1) / 2).clamp(1, 5)
}

/// The SLA deadlines (time_to_own, time_to_resolve) and the SLA waiting.
fn deadlines(tk: &Ticket, s: &State) -> (Option<i64>, Option<i64>, i64) {
    let tto = match tk.sla.0 {
        1 => Some(Clock::add(tk.open, HOUR)),
        2 => Some(Clock::add(tk.open, 4 * HOUR)),
        _ => None,
    };
    // Hour-based SLAs move by the business waiting; day-based ones by the
    // wall-clock waiting (the data set's README).
    let (ttr, sla_wait) = match tk.sla.1 {
        3 => (Some(Clock::add(tk.open, 8 * HOUR + s.waiting)), s.waiting),
        4 => (
            Some(Clock::add(tk.open + s.waiting_wall, 18 * HOUR)),
            s.waiting_wall,
        ),
        5 => (
            Some(Clock::end_of_day(Clock::add(
                tk.open + s.waiting_wall,
                27 * HOUR,
            ))),
            s.waiting_wall,
        ),
        _ => (None, 0),
    };
    (tto, ttr, sla_wait)
}

/// Generates every ticket and its rows.
pub(crate) fn generate(load: &Load, rng: &mut Rng) -> Out {
    let mut out = Out {
        tickets: Tsv::new(&TICKET_COLUMNS),
        logs: Tsv::new(&[
            "id",
            "itemtype",
            "items_id",
            "itemtype_link",
            "linked_action",
            "user_name",
            "date_mod",
            "id_search_option",
            "old_value",
            "new_value",
        ]),
        surveys: Tsv::new(&[
            "id",
            "tickets_id",
            "type",
            "date_begin",
            "date_answered",
            "satisfaction",
            "comment",
        ]),
        actors: Tsv::new(&[
            "id",
            "tickets_id",
            "users_id",
            "type",
            "use_notification",
            "alternative_email",
        ]),
        groups: Tsv::new(&["id", "tickets_id", "groups_id", "type"]),
    };
    let mut logs: Vec<Log> = Vec::with_capacity(load.tickets as usize * 21);
    for (i, open) in openings(load, rng).into_iter().enumerate() {
        let tk = draw(i as u32 + 1, open, rng);
        let steps = life(open, rng);
        let mut sink = Sink {
            logs: &mut logs,
            ticket: tk.id,
            seq: 0,
        };
        sink.log(open, Kind::Create, GLPI_USER, 0, 0);
        sink.log(open, Kind::Requester, GLPI_USER, 0, tk.requester as i64);
        let s = replay(&tk, &steps, load.now, &mut sink);
        extras(&tk, &s, rng, &mut sink);
        survey(&tk, &s, load.now, rng, &mut sink, &mut out.surveys);
        actors(&tk, &s, rng, &mut out);
        ticket_row(&tk, &s, &mut out.tickets);
    }
    logs.sort_unstable_by_key(|l| (l.at, l.ticket, l.seq));
    for (i, l) in logs.iter().enumerate() {
        log_row(i as u64 + 1, l, &mut out.logs);
    }
    out
}

/// The survey of a closed ticket (80 % of them: the root entity's rate),
/// answered by about half of the requesters.
fn survey(
    tk: &Ticket,
    s: &State,
    now: i64,
    rng: &mut Rng,
    sink: &mut Sink,
    t: &mut Tsv,
) {
    let Some(closed) = s.closed else { return };
    if !rng.chance(0.8) {
        return;
    }
    let answered = closed + (1800.0 + rng.exp(2.0 * 86_400.0)) as i64;
    let answered = (rng.chance(0.55) && answered <= now).then_some(answered);
    let score = 1 + rng.weighted(&[5, 7, 15, 35, 38]) as i64;
    let comment = rng
        .chance(0.6)
        .then(|| rng.below(COMMENTS.len() as u64) as usize);
    let id = (t.rows + 1).to_string();
    let (date, sat, text) = match answered {
        Some(at) => {
            sink.log(at, Kind::Satisfaction, tk.requester, 0, score);
            if let Some(c) = comment {
                sink.log(at, Kind::SatComment, tk.requester, 0, c as i64);
            }
            (
                Some(fmt_local(at)),
                Some(score.to_string()),
                Some(comment.map_or("", |c| COMMENTS[c])),
            )
        }
        None => (None, None, None),
    };
    t.row(&[
        Some(&id),
        Some(&tk.id.to_string()),
        Some("1"),
        Some(&fmt_local(closed)),
        date.as_deref(),
        sat.as_deref(),
        text,
    ]);
}

/// glpi_tickets_users (requester, technician once taken, sometimes an
/// observer) and glpi_groups_tickets (the assigned group).
fn actors(tk: &Ticket, s: &State, rng: &mut Rng, out: &mut Out) {
    let mut add = |user: u32, ty: &str| {
        let id = (out.actors.rows + 1).to_string();
        out.actors.row(&[
            Some(&id),
            Some(&tk.id.to_string()),
            Some(&user.to_string()),
            Some(ty),
            Some("1"),
            Some(""),
        ]);
    };
    add(tk.requester, "1");
    if s.taken.is_some() {
        add(tk.tech, "2");
        let id = (out.groups.rows + 1).to_string();
        out.groups.row(&[
            Some(&id),
            Some(&tk.id.to_string()),
            Some(&tk.group.to_string()),
            Some("2"),
        ]);
    }
    if rng.chance(0.05) {
        let other = TECH0 + (tk.tech - TECH0 + 1) % TECHS;
        add(other, "3");
    }
}

/// The 42 columns of GLPI 10.0.5's glpi_tickets, in order.
pub const TICKET_COLUMNS: [&str; 42] = [
    "id",
    "entities_id",
    "name",
    "date",
    "closedate",
    "solvedate",
    "takeintoaccountdate",
    "date_mod",
    "users_id_lastupdater",
    "status",
    "users_id_recipient",
    "requesttypes_id",
    "content",
    "urgency",
    "impact",
    "priority",
    "itilcategories_id",
    "type",
    "global_validation",
    "slas_id_ttr",
    "slas_id_tto",
    "slalevels_id_ttr",
    "time_to_resolve",
    "time_to_own",
    "begin_waiting_date",
    "sla_waiting_duration",
    "ola_waiting_duration",
    "olas_id_tto",
    "olas_id_ttr",
    "olalevels_id_ttr",
    "ola_ttr_begin_date",
    "internal_time_to_resolve",
    "internal_time_to_own",
    "waiting_duration",
    "close_delay_stat",
    "solve_delay_stat",
    "takeintoaccount_delay_stat",
    "actiontime",
    "is_deleted",
    "locations_id",
    "validation_percent",
    "date_creation",
];

fn ticket_row(tk: &Ticket, s: &State, t: &mut Tsv) {
    let (tto, ttr, sla_wait) = deadlines(tk, s);
    let d = |x: Option<i64>| x.map(fmt_local);
    let n = |x: i64| Some(x.to_string());
    let stat = |end: Option<i64>| {
        end.map_or(0, |e| Clock::between(tk.open, e) - s.waiting)
    };
    let title = TITLES[tk.title];
    let content = format!(
        "&#60;p&#62;{title}. Usuario reporta el inconveniente desde su puesto de trabajo.&#60;/p&#62;"
    );
    let cells: [Option<String>; 42] = [
        n(tk.id as i64),
        n(tk.entity as i64),
        Some(title.to_string()),
        d(Some(tk.open)),
        d(s.closed),
        d(s.solved),
        d(s.taken),
        d(Some(s.last)),
        n(s.last_actor as i64),
        n(s.status),
        n(GLPI_USER as i64),
        n(tk.channel as i64),
        Some(content),
        n(tk.urgency),
        n(tk.impact),
        n(priority(tk.urgency, tk.impact)),
        n(tk.category as i64),
        n(tk.ty as i64),
        n(1),
        n(tk.sla.1 as i64),
        n(tk.sla.0 as i64),
        n(0),
        d(ttr),
        d(tto),
        d(s.begin_waiting),
        n(sla_wait),
        n(0),
        n(0),
        n(0),
        n(0),
        None,
        None,
        None,
        n(s.waiting),
        n(stat(s.closed)),
        n(stat(s.solved)),
        n(s.taken.map_or(0, |t| Clock::between(tk.open, t))),
        n(if s.solved.is_some() {
            900 * (1 + (tk.id as i64 % 8))
        } else {
            0
        }),
        n(tk.deleted as i64),
        n(0),
        n(0),
        d(Some(tk.open)),
    ];
    let refs: Vec<Option<&str>> = cells.iter().map(|c| c.as_deref()).collect();
    t.row(&refs);
}

fn log_row(id: u64, l: &Log, t: &mut Tsv) {
    let num = |x: i64| x.to_string();
    let date = |x: i64| if x == 0 { String::new() } else { fmt_local(x) };
    // (itemtype_link, linked_action, id_search_option, old, new), as the
    // GLPI 10.0.5 sample writes them.
    let (link, action, option, old, new) = match l.kind {
        Kind::Create => ("0", 20, 0, String::new(), String::new()),
        Kind::Requester => {
            ("User", 15, 4, String::new(), log_name(l.new as u32))
        }
        Kind::Assignee => {
            ("User", 15, 5, String::new(), log_name(l.new as u32))
        }
        Kind::Group => (
            "Group",
            15,
            8,
            String::new(),
            format!("{} ({})", GROUPS[l.new as usize - 1], l.new),
        ),
        Kind::Status => ("", 0, 12, num(l.old), num(l.new)),
        Kind::TakeIntoAccount => ("", 0, 150, num(l.old), num(l.new)),
        Kind::LastUpdater => {
            ("", 0, 64, log_login(l.old as u32), log_login(l.new as u32))
        }
        Kind::SolveDate => ("", 0, 17, date(l.old), date(l.new)),
        Kind::CloseDate => ("", 0, 16, date(l.old), date(l.new)),
        Kind::Solution => {
            ("ITILSolution", 17, 0, String::new(), format!("{id} ({id})"))
        }
        Kind::Followup => {
            ("ITILFollowup", 17, 0, String::new(), id.to_string())
        }
        Kind::Task => ("TicketTask", 17, 0, String::new(), id.to_string()),
        Kind::Priority => ("", 0, 3, num(l.old), num(l.new)),
        Kind::Urgency => ("", 0, 10, num(l.old), num(l.new)),
        Kind::Category => (
            "",
            0,
            7,
            format!("{} ({})", CATEGORIES[l.old as usize - 1], l.old),
            format!("{} ({})", CATEGORIES[l.new as usize - 1], l.new),
        ),
        Kind::Satisfaction => ("", 0, 62, String::new(), num(l.new)),
        Kind::SatComment => (
            "",
            0,
            63,
            String::new(),
            COMMENTS[l.new as usize].to_string(),
        ),
    };
    t.row(&[
        Some(&id.to_string()),
        Some("Ticket"),
        Some(&l.ticket.to_string()),
        Some(link),
        Some(&action.to_string()),
        Some(&log_name(l.actor)),
        Some(&fmt_local(l.at)),
        Some(&option.to_string()),
        Some(&old),
        Some(&new),
    ]);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entities_and_categories_are_in_range() {
        let mut rng = Rng::new(3);
        for i in 0..2000 {
            let tk = draw(i, 0, &mut rng);
            assert!(ENTITIES.iter().any(|e| e.0 == tk.entity));
            assert!((tk.category as usize) <= CATEGORIES.len());
            assert!((1..=6).contains(&tk.channel));
        }
    }
}
