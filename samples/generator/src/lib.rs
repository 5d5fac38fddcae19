//! A seeded generator of realistic service-desk histories, for samples,
//! tests and benchmarks (`cargo run -p plazo-samples`).
//!
//! It lives outside the `plazo` library: users never need it (the samples
//! it wrote are committed under `samples/`), developers regenerate them
//! with `cargo run -p plazo-samples -- --profile E --out samples/E`.
//!
//! Given a profile (one of the five entities) and its policy, it draws
//! tickets over a period: arrivals mostly in working hours (some at night,
//! on weekends and holidays), response and work times in business time
//! around the policy's targets (some overshoot), pauses with their reason
//! as note, escalations to the next level taken later by its technician,
//! cancellations, massive incidents, surveys with low scores that reopen
//! tickets, and closes by the user or by the auto-close rule, with the
//! tool's note; and each entity's own traits (profiles.rs): Víctimas'
//! precasos, sent surveys with question scores and own ANS, ICETEX's "Sin
//! Solución" and referrals to the Plan Anual de Adquisiciones, Itagüí's
//! desistidas as a GLPI solution type, GLPI's `taken_at`, USPEC's answers
//! from outside the survey scope, UPME's e-mail reception instants. The
//! same (profile, seed,
//! count, period) always gives the same bytes: the random generator is
//! SplitMix64, written here so that no dependency update can change the
//! samples.
//!
//! Output: the canonical tables (`tickets.csv` with the profile's extra
//! columns, `events.csv` with `group`, `assignee` and `note`,
//! `surveys.csv`) using the policy's own status labels.
//!
//! # Example
//!
//! ```
//! use plazo_samples::{Generator, Profile};
//! let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../uspec/policy.toml");
//! let policy = plazo::Policy::load(path.as_ref())?;
//! let g = Generator::new(Profile::find("uspec").unwrap(), &policy, 7);
//! let data = g.generate(50)?;
//! // Header, 50 drawn tickets and USPEC's six hand-made cases: 1, 2, 3
//! // and 6, and the escalations 7 and 8 (it has no cancelled state nor
//! // massive rule, so no case 4 or 5).
//! assert_eq!(data.tickets.lines().count(), 1 + 50 + 6);
//! # Ok::<(), plazo::Error>(())
//! ```

use std::fmt::Write as _;

use chrono::{NaiveDate, Timelike};

use plazo::error::{Error, Result};
use plazo::io::csv::push_field;
use plazo::policy::{Policy, State};
use plazo::time::{BizDuration, Instant, InstantWriter, local_to_instant};

mod cases;
pub mod glpi_load;

/// Deterministic SplitMix64.
#[derive(Clone, Debug)]
pub struct Rng(u64);

impl Rng {
    /// A generator from a seed.
    pub fn new(seed: u64) -> Rng {
        Rng(seed ^ 0x5DEE_CE66_D1CE_4E5B)
    }

    /// The next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform in `[0, 1)`.
    pub fn unit(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64
    }

    /// Uniform in `0..n` (`n > 0`).
    pub fn below(&mut self, n: u64) -> u64 {
        self.next_u64() % n
    }

    /// True with probability `p`.
    pub fn chance(&mut self, p: f64) -> bool {
        self.unit() < p
    }

    /// Exponential with mean `mean`.
    pub fn exp(&mut self, mean: f64) -> f64 {
        -mean * (1.0 - self.unit()).ln()
    }

    /// An index drawn by weights.
    pub fn weighted(&mut self, weights: &[u32]) -> usize {
        let total: u32 = weights.iter().sum();
        let mut x = self.below(total as u64) as u32;
        for (i, w) in weights.iter().enumerate() {
            if x < *w {
                return i;
            }
            x -= w;
        }
        weights.len() - 1
    }
}

mod profiles;
pub use profiles::{CloseNotes, Profile};

/// The generated canonical tables, as CSV text.
#[derive(Clone, Debug, Default)]
pub struct Generated {
    /// `tickets.csv`.
    pub tickets: String,
    /// `events.csv`.
    pub events: String,
    /// `surveys.csv`.
    pub surveys: String,
}

/// Draws tickets for a profile under a policy.
pub struct Generator<'a> {
    profile: &'a Profile,
    policy: &'a Policy,
    seed: u64,
    updates: usize,
    from: NaiveDate,
    to: NaiveDate,
}

impl<'a> Generator<'a> {
    /// A generator for 2026-01-02 .. 2026-10-31 (crossing Easter week and
    /// the new Chiquinquirá holiday).
    pub fn new(profile: &'a Profile, policy: &'a Policy, seed: u64) -> Self {
        Generator {
            profile,
            policy,
            seed,
            updates: 0,
            from: NaiveDate::from_ymd_opt(2026, 1, 2).unwrap(),
            to: NaiveDate::from_ymd_opt(2026, 10, 31).unwrap(),
        }
    }

    /// Sets the period (opening dates, inclusive).
    pub fn period(mut self, from: NaiveDate, to: NaiveDate) -> Self {
        self.from = from;
        self.to = to;
        self
    }

    /// Adds `n` work-update events (same state and group) to every
    /// ticket's work phase: for load tests that need more events per
    /// ticket.
    pub fn updates(mut self, n: usize) -> Self {
        self.updates = n;
        self
    }

    /// Generates `n` tickets.
    ///
    /// # Errors
    ///
    /// The policy lacks a label for a state the generator needs (new,
    /// open, solved, closed), or its calendar has no working time.
    pub fn generate(&self, n: usize) -> Result<Generated> {
        let labels = Labels::of(self.policy)?;
        let mut run = Run::new(self, &labels);
        let opens = run.openings(n);
        let base_id: u64 = 1000 + run.rng.below(9000);
        // The hand-made cases come first in the tables; they draw nothing.
        cases::write(self.profile, self.policy, &labels, &mut run.tables)?;
        for (k, &opened) in opens.iter().enumerate() {
            let id = format!(
                "{}{}",
                self.profile.prefix,
                ticket_number(base_id, k as u64)
            );
            run.ticket(&id, opened);
        }
        Ok(run.tables.out)
    }

    /// Typical response and resolution business seconds for a ticket
    /// (the policy's targets, or defaults when a target is absent).
    fn targets_for(
        &self,
        ty: &str,
        pr: &str,
        cat: &str,
        group: &str,
        opened: i64,
        ans: &str,
    ) -> (f64, f64) {
        use plazo::policy::Field;
        use plazo::text::fold;
        let (ty, pr, cat, grp) = (fold(ty), fold(pr), fold(cat), fold(group));
        let rule = self.policy.targets().iter().find(|r| {
            r.matches(|f| match f {
                Field::Type => ty.as_str(),
                Field::Priority => pr.as_str(),
                Field::Category => cat.as_str(),
                Field::Service => "",
                Field::Group => grp.as_str(),
            })
        });
        let cal = self.policy.calendar();
        let secs = |d: Option<BizDuration>, default: f64| -> f64 {
            match d {
                Some(BizDuration::Seconds(s)) => s as f64,
                Some(BizDuration::Days(n)) => {
                    let o = Instant::from_unix(opened);
                    cal.add_business_days(o, n)
                        .map_or(default, |t| cal.business_between(o, t) as f64)
                }
                None => default,
            }
        };
        // The ticket's own ANS (the tool's per category) wins.
        let own = ans.parse::<BizDuration>().ok();
        match rule {
            Some(r) => (
                secs(r.response, 2.0 * 3600.0),
                secs(own.or(r.resolution), 16.0 * 3600.0),
            ),
            None => (2.0 * 3600.0, secs(own, 16.0 * 3600.0)),
        }
    }
}

/// One run of the generator: the random stream and the tables being
/// written. Every sample depends on the order of the draws: a change of
/// order, or a draw added or skipped, changes every byte after it.
struct Run<'r> {
    g: &'r Generator<'r>,
    labels: &'r Labels,
    rng: Rng,
    tables: Tables,
}

impl<'r> Run<'r> {
    fn new(g: &'r Generator<'r>, labels: &'r Labels) -> Self {
        Run {
            g,
            labels,
            rng: Rng::new(g.seed),
            tables: Tables::new(g.policy.tz(), g.profile),
        }
    }

    /// `n` opening instants, sorted so that ids grow with time as in real
    /// tools: mostly in working hours, some at any hour of any day (at
    /// night, on weekends and holidays).
    fn openings(&mut self, n: usize) -> Vec<i64> {
        let g = self.g;
        let (tz, cal) = (g.policy.tz(), g.policy.calendar());
        let days = (g.to - g.from).num_days().max(0) as u64 + 1;
        let mut opens: Vec<i64> = (0..n)
            .map(|_| {
                let day = g.from
                    + chrono::Duration::days(self.rng.below(days) as i64);
                let start =
                    local_to_instant(tz, day.and_hms_opt(0, 0, 0).unwrap());
                let day_work =
                    cal.between_secs(start.unix(), start.unix() + 86_400);
                if day_work > 0 && self.rng.chance(0.88) {
                    let off = self.rng.below(day_work as u64) as i64;
                    cal.add_business(start, off + 1)
                        .map_or(start.unix(), |t| t.unix())
                } else {
                    start.unix() + self.rng.below(86_400) as i64
                }
            })
            .collect();
        opens.sort_unstable();
        opens
    }

    /// One drawn ticket: its fields, its timeline, then its row (which
    /// carries what the timeline decided: when the case was taken, how
    /// it ended).
    fn ticket(&mut self, id: &str, opened: i64) {
        let p = self.g.profile;
        let ty = self.pick(p.types);
        let priority = self.pick(p.priorities);
        let cats: Vec<(&'static str, u32)> =
            p.categories.iter().map(|c| (c.0, c.1)).collect();
        let category = self.pick(&cats);
        let group = p.groups[0];
        let assignee = self.one_of(p.assignees);
        let channel = self.pick(p.channels);
        let users = self.affected_users();
        let title = self.one_of(p.titles(category));
        let requester = format!("Usuario {}", 1 + self.rng.below(400));
        let ans = p.ans_for(ty, category);
        // An e-mail read some minutes to hours before it was registered.
        let reception = match p.reception {
            Some(ch) if ch == channel && self.rng.chance(0.6) => {
                Some(opened - 60 * (10 + self.rng.below(600) as i64))
            }
            _ => None,
        };
        let mut tk = Ticket {
            id,
            opened,
            ty,
            priority,
            category,
            group,
            assignee,
            requester: &requester,
            channel,
            users,
            title,
            extra: Vec::new(),
        };
        // The targets of the rule that applies, for realistic times.
        let targets = self
            .g
            .targets_for(ty, priority, category, group, opened, ans);
        let end = self.timeline(&tk, targets);
        for col in p.extra_columns() {
            let v = match col {
                "taken_at" => end.taken.map(|t| self.tables.instant(t)),
                "tipo_solucion" => Some(end.solution_type.to_string()),
                "ans_solucion" => Some(ans.to_string()),
                "fecha_recepcion" => reception.map(|t| self.tables.instant(t)),
                _ => None,
            };
            tk.extra.push(v.unwrap_or_default());
        }
        self.tables.ticket(&tk);
    }

    /// A value drawn by its weight.
    fn pick(&mut self, v: &[(&'static str, u32)]) -> &'static str {
        let ws: Vec<u32> = v.iter().map(|x| x.1).collect();
        v[self.rng.weighted(&ws)].0
    }

    /// A value drawn uniformly.
    fn one_of(&mut self, v: &[&'static str]) -> &'static str {
        v[self.rng.below(v.len() as u64) as usize]
    }

    /// 1, or more than the policy's massive-incident threshold for the
    /// profile's share of massive incidents (drawn only when the policy
    /// has that rule).
    fn affected_users(&mut self) -> i64 {
        match self.g.policy.exclusions().massive_affected_users {
            Some(m) if self.rng.chance(self.g.profile.massive_rate) => {
                m + 1 + self.rng.below(40) as i64
            }
            _ => 1,
        }
    }

    /// A ticket's events: new (maybe a precaso first), taken by its
    /// first-level technician (or cancelled, or desisted, and nothing
    /// more), worked (pauses with their notes, escalations and the new
    /// level's take), solved (or answered without a solution), maybe
    /// surveyed and reopened, closed with the tool's note. `targets`: the
    /// typical response and resolution business seconds.
    fn timeline(
        &mut self,
        tk: &Ticket,
        (response, resolution): (f64, f64),
    ) -> End {
        let (p, l) = (self.g.profile, self.labels);
        let mut end = End {
            taken: None,
            solution_type: "",
        };
        let start = match self.precaso(tk) {
            Some(None) => return end,
            Some(Some(registered)) => registered,
            None => {
                self.tables
                    .event(tk.id, tk.opened, &l.new, tk.group, "", "");
                tk.opened
            }
        };
        let slow = self.rng.chance(0.12);
        let wait = self.rng.exp(response * if slow { 1.6 } else { 0.35 });
        let t = self.add(start, wait);
        if self.rng.chance(p.cancel_rate) {
            if p.desist_by_solution_type {
                return self.desisted(tk, t);
            }
            if !l.cancelled.is_empty() {
                let note = "Anulado: la solicitud no procede";
                self.tables.event(
                    tk.id,
                    t,
                    &l.cancelled,
                    tk.group,
                    tk.assignee,
                    note,
                );
                return end;
            }
        }
        self.tables
            .event(tk.id, t, &l.opens[0], tk.group, tk.assignee, "");
        end.taken = Some(t);
        let Some((t, group, who)) = self.work(tk, t, resolution) else {
            return end;
        };
        let (label, note) = match p.unresolved {
            Some((label, rate, note)) if self.rng.chance(rate) => {
                (label, note)
            }
            _ => (l.solved.as_str(), ""),
        };
        self.tables.event(tk.id, t, label, group, who, note);
        if p.desist_by_solution_type {
            end.solution_type = "Solución definitiva";
        }
        let (t, answered) = self.survey(tk, t, group, who, resolution);
        let (close, note) = self.close_at(t, answered);
        self.tables.event(tk.id, close, &l.closed, group, who, note);
        end
    }

    /// Itagüí's "desistida" (PR-RF-09 activity 1, Nota): the request lacks
    /// the minimum data and is archived. GLPI has no such status: the
    /// technician solves it with the solution type "Desistida" and it is
    /// closed.
    fn desisted(&mut self, tk: &Ticket, t: i64) -> End {
        let l = self.labels;
        self.tables
            .event(tk.id, t, &l.opens[0], tk.group, tk.assignee, "");
        let solve = 600.0 + self.rng.exp(1800.0);
        let s = self.add(t, solve);
        let note =
            "Solicitud archivada: no cumple los datos mínimos requeridos";
        self.tables
            .event(tk.id, s, &l.solved, tk.group, tk.assignee, note);
        let close = self.rng.exp(4.0 * 3600.0);
        let c = self.add(s, close);
        self.tables
            .event(tk.id, c, &l.closed, tk.group, tk.assignee, "");
        End {
            taken: Some(t),
            solution_type: "Desistida",
        }
    }

    /// A precaso (Víctimas §3 PRECASO, a case created from an e-mail): the
    /// opening event is "Precaso", then the desk registers it minutes to
    /// hours later, or discards it ("No gestionado"). None: not a precaso;
    /// `Some(None)`: discarded; `Some(Some(t))`: registered at `t`.
    fn precaso(&mut self, tk: &Ticket) -> Option<Option<i64>> {
        let (channel, share, discard) = self.g.profile.precaso?;
        if tk.channel != channel || !self.rng.chance(share) {
            return None;
        }
        let l = self.labels;
        let note = "Precaso creado desde el correo de la mesa";
        self.tables
            .event(tk.id, tk.opened, "Precaso", tk.group, "", note);
        let delay = 60.0 * (5.0 + self.rng.exp(90.0));
        let t = self.add(tk.opened, delay);
        if self.rng.chance(discard) && !l.cancelled.is_empty() {
            let note =
                "Correo sin la información mínima para registrar el caso";
            self.tables.event(
                tk.id,
                t,
                &l.cancelled,
                tk.group,
                tk.assignee,
                note,
            );
            return Some(None);
        }
        self.tables.event(tk.id, t, &l.new, tk.group, "", "");
        Some(Some(t))
    }

    /// The work from `t`, drawn around the resolution target and split by
    /// intermediate events: an optional pause (with its reason as note,
    /// or a referral that never comes back), up to two escalations to the
    /// next level (the escalation names no technician; the new level
    /// takes the case later), and `updates` work updates. The instant it
    /// ends, the group and the technician that hold the ticket; None when
    /// the case left the desk's process.
    fn work<'t>(
        &mut self,
        tk: &Ticket<'t>,
        mut t: i64,
        resolution: f64,
    ) -> Option<(i64, &'static str, &'t str)> {
        let (p, l) = (self.g.profile, self.labels);
        let slow = self.rng.chance(0.15);
        let work = self.rng.exp(resolution * if slow { 1.4 } else { 0.4 });
        let mut levels = 0;
        if p.groups.len() > 1 && self.rng.chance(0.3) {
            levels = 1;
            if p.groups.len() > 2 && self.rng.chance(0.25) {
                levels = 2;
            }
        }
        let pause = self.rng.chance(p.pause_rate) && !l.paused.is_empty();
        let steps = self.g.updates + levels + pause as usize;
        let pause_idx = if pause {
            self.rng.below(steps as u64) as usize
        } else {
            usize::MAX
        };
        let (mut group, mut who, mut level) = (p.groups[0], tk.assignee, 0);
        let piece = work / (steps + 1) as f64;
        for j in 0..steps {
            t = self.add(t, piece);
            if j == pause_idx {
                if let Some((rate, note)) = p.leaves_process {
                    if self.rng.chance(rate) {
                        self.tables
                            .event(tk.id, t, &l.paused, group, who, note);
                        return None;
                    }
                }
                let note = if self.rng.chance(p.pause_without_note) {
                    ""
                } else {
                    self.one_of(p.pause_notes)
                };
                self.tables.event(tk.id, t, &l.paused, group, who, note);
                let paused = self.rng.exp(5.0 * 3600.0);
                t = self.add(t, paused);
                self.tables.event(tk.id, t, &l.opens[0], group, who, "");
            } else if level < levels {
                level += 1;
                group = p.groups[level];
                let label = match p.escalated[level] {
                    "" => l.opens[0].as_str(),
                    s => s,
                };
                let note = format!("Escalado a {group}");
                self.tables.event(tk.id, t, label, group, "", &note);
                let late = self.rng.chance(0.15);
                let take =
                    self.rng.exp(if late { 10.0 } else { 1.5 } * 3600.0);
                t = self.add(t, take);
                who = self.one_of(p.assignees);
                self.tables.event(tk.id, t, label, group, who, "");
            } else {
                self.tables.event(tk.id, t, &l.opens[0], group, who, "");
            }
        }
        Some((self.add(t, piece), group, who))
    }

    /// Maybe a survey answer some hours after the solution at `t` (within
    /// the profile's survey scope, rarely outside it); a low score often
    /// reopens the ticket, solved again later and, where the tool lists
    /// the surveys sent, surveyed again. The instant of the last
    /// solution, and the answer's if it stands.
    fn survey(
        &mut self,
        tk: &Ticket,
        t: i64,
        group: &str,
        who: &str,
        resolution: f64,
    ) -> (i64, Option<i64>) {
        let p = self.g.profile;
        let sent = p.survey_sent.then_some(t);
        let rate = match p.survey_scope {
            Some((prefix, outside)) if !tk.category.starts_with(prefix) => {
                outside
            }
            _ => p.survey_rate,
        };
        if !self.rng.chance(rate) {
            if sent.is_some() {
                self.tables.survey(tk.id, sent, None);
            }
            return (t, None);
        }
        let delay = self.rng.exp(4.0 * 3600.0);
        let at = self.add(t, delay);
        let score =
            [5, 5, 5, 5, 5, 4, 4, 4, 3, 3, 2, 1][self.rng.below(12) as usize];
        let answer = self.answer(score);
        self.tables.survey(tk.id, sent, Some((at, &answer)));
        if score <= 2 && self.rng.chance(0.7) {
            let l = self.labels;
            let reopened = at + 60 * (1 + self.rng.below(30) as i64);
            let note = "El usuario no autorizó el cierre en la encuesta";
            self.tables
                .event(tk.id, reopened, &l.reopened, group, who, note);
            let again = self.rng.exp(resolution * 0.3);
            let solved = self.add(reopened, again);
            self.tables.event(tk.id, solved, &l.solved, group, who, "");
            if !p.survey_sent {
                return (solved, None);
            }
            if self.rng.chance(0.25) {
                let delay = self.rng.exp(4.0 * 3600.0);
                let at = self.add(solved, delay);
                let score = [5, 4, 4, 3][self.rng.below(4) as usize];
                let answer = self.answer(score);
                self.tables.survey(tk.id, Some(solved), Some((at, &answer)));
                return (solved, Some(at));
            }
            self.tables.survey(tk.id, Some(solved), None);
            return (solved, None);
        }
        (t, Some(at))
    }

    /// An answer with overall `score`: each question near it, a comment
    /// from the realistic set for that score.
    fn answer(&mut self, score: u32) -> Answer {
        let p = self.g.profile;
        let questions = p
            .questions
            .iter()
            .map(|_| {
                let d = [-1i64, 0, 0, 0, 1][self.rng.below(5) as usize];
                (score as i64 + d).clamp(1, 5) as u32
            })
            .collect();
        let set = comments_for(score);
        let comment = set[self.rng.below(set.len() as u64) as usize];
        Answer {
            score,
            questions,
            comment,
        }
    }

    /// When the ticket solved at `t` is closed, and the note the tool
    /// writes: soon after an answer that stands (the user's approval),
    /// after the user's validation (USPEC), else often by the policy's
    /// auto-close rule, else by hand.
    fn close_at(
        &mut self,
        t: i64,
        answered: Option<i64>,
    ) -> (i64, &'static str) {
        let (policy, p) = (self.g.policy, self.g.profile);
        match (answered, policy.auto_close_after()) {
            (Some(a), _) => (
                a + 60 * (1 + self.rng.below(120) as i64),
                p.close_notes.user,
            ),
            (None, Some(_)) if self.rng.chance(p.validation_rate) => {
                let later = self.rng.exp(3.0 * 3600.0);
                (self.add(t, later), p.close_notes.user)
            }
            (None, Some(after)) if self.rng.chance(0.7) => {
                // The nightly job closes what expired: 03:00 after.
                let due = policy
                    .calendar()
                    .add(Instant::from_unix(t), after)
                    .map_or(t, |x| x.unix());
                (next_local_0300(due, policy.tz()), p.close_notes.auto)
            }
            _ => {
                let later = self.rng.exp(9.0 * 3600.0);
                (self.add(t, later), "")
            }
        }
    }

    /// `secs` business seconds (at least a minute) after `t`, or plain
    /// seconds when the calendar cannot place them.
    fn add(&self, t: i64, secs: f64) -> i64 {
        self.g
            .policy
            .calendar()
            .add_business(Instant::from_unix(t), secs.max(60.0) as i64)
            .map_or(t + secs as i64, |x| x.unix())
    }
}

/// How a ticket's timeline ended, for its row.
struct End {
    /// When the first technician took it (GLPI's takeintoaccountdate).
    taken: Option<i64>,
    /// GLPI's solution type, where the profile writes it.
    solution_type: &'static str,
}

/// One survey answer.
struct Answer {
    score: u32,
    questions: Vec<u32>,
    comment: &'static str,
}

/// One row of `tickets.csv` (the samples leave the service empty), and
/// the profile's extra columns.
struct Ticket<'t> {
    id: &'t str,
    opened: i64,
    ty: &'t str,
    priority: &'t str,
    category: &'t str,
    group: &'t str,
    assignee: &'t str,
    requester: &'t str,
    channel: &'t str,
    users: i64,
    title: &'t str,
    extra: Vec<String>,
}

/// The canonical tables being written, and the writer of their instants.
struct Tables {
    out: Generated,
    w: InstantWriter,
    /// Whether surveys carry `sent_at`.
    sent: bool,
    /// How many question columns surveys carry.
    questions: usize,
}

impl Tables {
    fn new(tz: chrono_tz::Tz, p: &Profile) -> Tables {
        let mut tickets = String::from(
            "ticket_id,opened_at,type,priority,category,service,group,assignee,requester,channel,affected_users,title",
        );
        for c in p.extra_columns() {
            tickets.push(',');
            tickets.push_str(c);
        }
        tickets.push('\n');
        let mut surveys = String::from("ticket_id,");
        if p.survey_sent {
            surveys.push_str("sent_at,");
        }
        surveys.push_str("answered_at,score,max_score,comment");
        for q in p.questions {
            surveys.push(',');
            surveys.push_str(q);
        }
        surveys.push('\n');
        Tables {
            out: Generated {
                tickets,
                events: String::from(
                    "ticket_id,at,status,group,assignee,note\n",
                ),
                surveys,
            },
            w: InstantWriter::new(tz),
            sent: p.survey_sent,
            questions: p.questions.len(),
        }
    }

    /// An instant as the tables write it.
    fn instant(&mut self, t: i64) -> String {
        let mut s = String::new();
        self.w.write(Instant::from_unix(t), &mut s);
        s
    }

    fn ticket(&mut self, r: &Ticket) {
        let t = &mut self.out.tickets;
        push_field(t, r.id);
        t.push(',');
        self.w.write(Instant::from_unix(r.opened), t);
        for v in [
            r.ty,
            r.priority,
            r.category,
            "",
            r.group,
            r.assignee,
            r.requester,
            r.channel,
        ] {
            t.push(',');
            push_field(t, v);
        }
        let _ = write!(t, ",{},", r.users);
        push_field(t, r.title);
        for v in &r.extra {
            t.push(',');
            push_field(t, v);
        }
        t.push('\n');
    }

    /// A status change: the group and technician holding the ticket after
    /// it (empty: none yet) and the note the tool recorded.
    fn event(
        &mut self,
        id: &str,
        at: i64,
        label: &str,
        group: &str,
        assignee: &str,
        note: &str,
    ) {
        let e = &mut self.out.events;
        push_field(e, id);
        e.push(',');
        self.w.write(Instant::from_unix(at), e);
        for v in [label, group, assignee, note] {
            e.push(',');
            push_field(e, v);
        }
        e.push('\n');
    }

    /// A survey: when it was sent (where the profile lists sent surveys)
    /// and its answer scored over 5, if any.
    fn survey(
        &mut self,
        id: &str,
        sent: Option<i64>,
        answer: Option<(i64, &Answer)>,
    ) {
        let s = &mut self.out.surveys;
        push_field(s, id);
        s.push(',');
        if self.sent {
            if let Some(t) = sent {
                self.w.write(Instant::from_unix(t), s);
            }
            s.push(',');
        }
        match answer {
            Some((at, a)) => {
                self.w.write(Instant::from_unix(at), s);
                let _ = write!(s, ",{},5,", a.score);
                push_field(s, a.comment);
                for q in &a.questions {
                    let _ = write!(s, ",{q}");
                }
            }
            None => {
                s.push_str(",,,");
                // Empty question cells.
                for _ in 0..self.questions {
                    s.push(',');
                }
            }
        }
        s.push('\n');
    }
}

/// The comments users leave with a score: the realistic set, empty
/// often.
fn comments_for(score: u32) -> &'static [&'static str] {
    match score {
        5 => &[
            "Excelente atención",
            "Muy amable el técnico",
            "Rápido y efectivo",
            "",
        ],
        4 => &["Bien, gracias", "Buen servicio", ""],
        3 => &["", "Se demoraron un poco", "Regular"],
        2 => &["Tardaron mucho", "No quedó resuelto", "Tardaron mucho"],
        _ => &["No quedó resuelto", "Tardaron mucho", "Nadie me contactó"],
    }
}

fn next_local_0300(t: i64, tz: chrono_tz::Tz) -> i64 {
    let local = Instant::from_unix(t).in_zone(tz);
    let mut day = local.date_naive();
    if local.hour() >= 3 {
        day = day.succ_opt().unwrap_or(day);
    }
    local_to_instant(tz, day.and_hms_opt(3, 0, 0).unwrap()).unix()
}

/// The labels the generator writes, from the policy's `[states]`.
struct Labels {
    new: String,
    opens: Vec<String>,
    paused: String,
    solved: String,
    closed: String,
    cancelled: String,
    reopened: String,
}

impl Labels {
    fn of(p: &Policy) -> Result<Labels> {
        // Prefer words to codes ("En curso (asignada)" over "2").
        let all = |s: State| -> Vec<String> {
            let v = p.state_labels().get(&s).cloned().unwrap_or_default();
            let words: Vec<String> = v
                .iter()
                .filter(|l| !l.chars().all(|c| c.is_ascii_digit()))
                .cloned()
                .collect();
            if words.is_empty() { v } else { words }
        };
        let first = |s: State| -> Result<String> {
            all(s).first().cloned().ok_or_else(|| {
                Error::input(
                    format!(
                        "{}: [states] no tiene etiquetas para {}",
                        p.path().display(),
                        s.key()
                    ),
                    format!(
                        "{}: [states] has no labels for {}",
                        p.path().display(),
                        s.key()
                    ),
                )
            })
        };
        let opens = all(State::Open);
        let reopened = opens
            .iter()
            .find(|l| plazo::text::fold(l).starts_with("reabiert"))
            .cloned()
            .unwrap_or_else(|| opens.first().cloned().unwrap_or_default());
        let opens: Vec<String> = opens
            .into_iter()
            .filter(|l| !plazo::text::fold(l).starts_with("reabiert"))
            .collect();
        if opens.is_empty() {
            return Err(Error::input(
                format!(
                    "{}: [states] no tiene etiquetas para open",
                    p.path().display()
                ),
                format!(
                    "{}: [states] has no labels for open",
                    p.path().display()
                ),
            ));
        }
        Ok(Labels {
            new: first(State::New)?,
            opens,
            paused: all(State::Paused).first().cloned().unwrap_or_default(),
            solved: first(State::Solved)?,
            closed: first(State::Closed)?,
            cancelled: all(State::Cancelled)
                .first()
                .cloned()
                .unwrap_or_default(),
            reopened,
        })
    }
}

/// Naive local `YYYY-MM-DD HH:MM:SS` of an ISO instant, as SQL clients
/// print server-local datetimes.
fn naive_local(iso: &str, tz: chrono_tz::Tz) -> String {
    Instant::parse(iso, tz)
        .map(|t| t.in_zone(tz).format("%Y-%m-%d %H:%M:%S").to_string())
        .unwrap_or_default()
}

fn rows(text: &str) -> (Vec<String>, Vec<Vec<String>>) {
    let mut r = csv::Reader::from_reader(text.as_bytes());
    let h = r
        .headers()
        .map(|h| h.iter().map(String::from).collect())
        .unwrap_or_default();
    let v = r
        .records()
        .flatten()
        .map(|x| x.iter().map(String::from).collect())
        .collect();
    (h, v)
}

const GLPI_STATUS: [(&str, &str); 6] = [
    ("Nuevo", "1"),
    ("En curso (asignada)", "2"),
    ("En curso (planificada)", "3"),
    ("En espera", "4"),
    ("Resueltas", "5"),
    ("Cerrado", "6"),
];

/// GLPI's status code of a label (the es_CO and es_ES spellings), or the
/// label itself when it is not a GLPI status.
fn glpi_code(label: &str) -> String {
    let f = plazo::text::fold(label);
    GLPI_STATUS
        .iter()
        .find(|(l, _)| {
            plazo::text::fold(l) == f
                || (f == "resuelta" && *l == "Resueltas")
                || (f == "cerrada" && *l == "Cerrado")
                || (f == "nueva" && *l == "Nuevo")
        })
        .map_or(label.to_string(), |(_, c)| c.to_string())
}

impl Generated {
    /// The same tickets as GLPI 10's ticket search exports them in es_CO
    /// (Search -> CSV): UTF-8 BOM, every cell quoted, `;` with a trailing
    /// `;`, `''` for an embedded `"`, dates `Y-m-d H:i` (no seconds),
    /// GLPI's es_CO status and priority names, and only the dates GLPI
    /// keeps on the ticket: opening, last update, solution (the start of
    /// the final solved or closed run) and closing. No status history: a
    /// snapshot as of the last event. `policy` maps the labels to states.
    pub fn to_glpi_search(&self, policy: &Policy) -> String {
        let tz = policy.tz();
        let minute = |iso: &str| {
            let t = naive_local(iso, tz);
            t.get(..16).unwrap_or("").to_string()
        };
        let prio = |p: &str| match plazo::text::fold(p).as_str() {
            "critica" | "muy alta" => "Muy urgente".to_string(),
            "media" => "Mediana".to_string(),
            _ => p.to_string(),
        };
        // Per ticket: (status label, last update, solution, closing).
        struct Snap {
            label: String,
            last: String,
            done_since: Option<String>,
            closed_since: Option<String>,
        }
        let mut snaps: std::collections::HashMap<String, Snap> =
            std::collections::HashMap::new();
        let (_, ev) = rows(&self.events);
        for r in &ev {
            let st = policy.state_of(&r[2]);
            let s = snaps.entry(r[0].clone()).or_insert(Snap {
                label: String::new(),
                last: String::new(),
                done_since: None,
                closed_since: None,
            });
            s.label = r[2].clone();
            s.last = r[1].clone();
            match st {
                Some(State::Solved) | Some(State::Closed) => {
                    s.done_since.get_or_insert_with(|| r[1].clone());
                }
                _ => s.done_since = None,
            }
            if st == Some(State::Closed) {
                s.closed_since.get_or_insert_with(|| r[1].clone());
            } else {
                s.closed_since = None;
            }
        }
        let q = |v: &str| format!("\"{}\"", v.replace('"', "''"));
        let mut out = String::from("\u{feff}");
        let head = [
            "ID",
            "Título",
            "Estado",
            "Última actualización",
            "Fecha de Apertura",
            "Prioridad",
            "Solicitante - Solicitante",
            "Asignado a: - Técnico",
            "Categoría",
            "Fecha de solución",
            "Fecha de cierre",
        ];
        for h in head {
            out.push_str(&q(h));
            out.push(';');
        }
        out.push('\n');
        let (_, tk) = rows(&self.tickets);
        for r in &tk {
            let snap = snaps.get(&r[0]);
            let code = snap.map_or("1".to_string(), |s| glpi_code(&s.label));
            let estado = GLPI_STATUS
                .iter()
                .find(|(_, c)| *c == code)
                .map_or(code.clone(), |(l, _)| l.to_string());
            let cells = [
                r[0].clone(),
                r[11].clone(),
                estado,
                minute(snap.map_or(&r[1], |s| &s.last)),
                minute(&r[1]),
                prio(&r[3]),
                r[8].clone(),
                r[7].clone(),
                r[4].clone(),
                snap.and_then(|s| s.done_since.as_deref())
                    .map(minute)
                    .unwrap_or_default(),
                snap.and_then(|s| s.closed_since.as_deref())
                    .map(minute)
                    .unwrap_or_default(),
            ];
            for c in cells {
                out.push_str(&q(&c));
                out.push(';');
            }
            out.push('\n');
        }
        out
    }

    /// The same data as GLPI's database gives them through
    /// `queries/glpi/{tickets,events,surveys}.sql`, as `mysql --batch`
    /// prints them (TAB-separated, `NULL` for no value, server-local
    /// times): status and priority as GLPI codes, type 1/2, no event at
    /// the opening (GLPI does not log the initial status: the first
    /// change's `old_status` says it).
    pub fn to_glpi_db(&self, tz: chrono_tz::Tz) -> (String, String, String) {
        let code = glpi_code;
        let prio = |p: &str| match plazo::text::fold(p).as_str() {
            "mayor" => "6",
            "muy urgente" | "muy alta" | "critica" => "5",
            "alta" => "4",
            "mediana" | "media" => "3",
            "baja" => "2",
            "muy baja" => "1",
            _ => "3",
        };
        let null = |s: &str| {
            if s.is_empty() {
                "NULL".to_string()
            } else {
                s.replace('\t', " ")
            }
        };
        let (h, tk) = rows(&self.tickets);
        // The attributes queries/glpi/tickets.sql prints that the samples
        // carry: when the case was taken, and the solution type.
        let extra: Vec<(usize, &str)> = [
            ("taken_at", "takeintoaccountdate"),
            ("tipo_solucion", "tipo_solucion"),
        ]
        .iter()
        .filter_map(|(c, name)| {
            h.iter().position(|x| x == c).map(|i| (i, *name))
        })
        .collect();
        let mut t = String::from(
            "ticket_id\topened_at\ttype\tpriority\tcategory\tservice\tgroup\tassignee\trequester\tchannel\taffected_users\ttitle",
        );
        for (_, name) in &extra {
            t.push('\t');
            t.push_str(name);
        }
        t.push('\n');
        for r in &tk {
            let ty = if plazo::text::fold(&r[2]).starts_with("incid") {
                "1"
            } else {
                "2"
            };
            let cells = [
                r[0].clone(),
                naive_local(&r[1], tz),
                ty.to_string(),
                prio(&r[3]).to_string(),
                null(&r[4]),
                "NULL".into(),
                null(&r[6]),
                null(&r[7]),
                null(&r[8]),
                null(&r[9]),
                null(&r[10]),
                null(&r[11]),
            ];
            t.push_str(&cells.join("\t"));
            for (i, name) in &extra {
                let v = if *name == "takeintoaccountdate" {
                    naive_local(&r[*i], tz)
                } else {
                    r[*i].clone()
                };
                t.push('\t');
                t.push_str(&null(&v));
            }
            t.push('\n');
        }
        let (_, ev) = rows(&self.events);
        let mut e =
            String::from("ticket_id\tat\tstatus\told_status\tactor\tlog_id\n");
        let mut prev: Option<(String, String)> = None;
        for (k, r) in ev.iter().enumerate() {
            let c = code(&r[2]);
            let first = prev.as_ref().is_none_or(|p| p.0 != r[0]);
            if !first {
                let old =
                    prev.as_ref().map(|p| p.1.clone()).unwrap_or_default();
                e.push_str(&format!(
                    "{}\t{}\t{c}\t{old}\tglpi\t{}\n",
                    r[0],
                    naive_local(&r[1], tz),
                    k + 1
                ));
            }
            prev = Some((r[0].clone(), c));
        }
        let (_, sv) = rows(&self.surveys);
        let mut s = String::from(
            "ticket_id\tanswered_at\tscore\tmax_score\tcomment\n",
        );
        for r in &sv {
            s.push_str(&format!(
                "{}\t{}\t{}\t{}\t{}\n",
                r[0],
                naive_local(&r[1], tz),
                r[2],
                r[3],
                null(&r[4])
            ));
        }
        (t, e, s)
    }

    /// The same data as Aranda Service Desk's database gives them through
    /// `queries/aranda/{tickets,events}.sql` (server-local times, status
    /// names), saved as CSV by the SQL client.
    pub fn to_aranda(&self, tz: chrono_tz::Tz) -> (String, String) {
        let (h, tk) = rows(&self.tickets);
        let mut t = String::new();
        let cols = &h[..11];
        t.push_str(&cols.join(","));
        t.push_str(",status,final_status\n");
        let (_, ev) = rows(&self.events);
        let mut last: std::collections::HashMap<&str, &str> =
            std::collections::HashMap::new();
        for r in &ev {
            last.insert(&r[0], &r[2]);
        }
        for r in &tk {
            let mut cells: Vec<String> = r[..11].to_vec();
            cells[1] = naive_local(&r[1], tz);
            let st = last.get(r[0].as_str()).copied().unwrap_or("");
            cells.push(st.to_string());
            cells.push(
                if plazo::text::fold(st) == "cerrado" {
                    "0"
                } else {
                    "1"
                }
                .into(),
            );
            let mut line = String::new();
            for (i, c) in cells.iter().enumerate() {
                if i > 0 {
                    line.push(',');
                }
                push_field(&mut line, c);
            }
            t.push_str(&line);
            t.push('\n');
        }
        let mut e =
            String::from("ticket_id,at,status,row_type,field_modified\n");
        for r in &ev {
            let row_type = if r[0].starts_with("IM-") { "1" } else { "4" };
            push_field(&mut e, &r[0]);
            let _ = writeln!(
                e,
                ",{},{},{row_type},STATUS",
                naive_local(&r[1], tz),
                {
                    let mut f = String::new();
                    push_field(&mut f, &r[2]);
                    f
                }
            );
        }
        (t, e)
    }

    /// The survey answers as a Google Forms export (USPEC's "Formulario
    /// Virtual de Satisfacción"): `Marca temporal` as d/m/yyyy H:MM:SS.
    pub fn to_google_forms(&self, tz: chrono_tz::Tz) -> String {
        let (_, sv) = rows(&self.surveys);
        let mut s = String::from(
            "\"Marca temporal\",\"Número del caso/ticket\",\"¿Cómo califica la atención recibida?\",\"Comentarios\"\n",
        );
        for r in &sv {
            let when = Instant::parse(&r[1], tz)
                .map(|t| {
                    t.in_zone(tz).format("%-d/%m/%Y %-H:%M:%S").to_string()
                })
                .unwrap_or_default();
            let mut line = String::new();
            for (i, c) in
                [when.as_str(), &r[0], &r[2], &r[4]].iter().enumerate()
            {
                if i > 0 {
                    line.push(',');
                }
                line.push('"');
                line.push_str(&c.replace('"', "\"\""));
                line.push('"');
            }
            s.push_str(&line);
            s.push('\n');
        }
        s
    }
}

/// The number of the `k`-th generated ticket: `base + k`, skipping
/// 90001 ..= 90099, the hand-made cases' block (`cases.rs`: 90000 + n),
/// so that a large set (from about 81,000 tickets) has no repeated id.
fn ticket_number(base: u64, k: u64) -> u64 {
    let n = base + k;
    if n > 90_000 { n + 99 } else { n }
}

#[cfg(test)]
mod ticket_number_tests {
    use super::ticket_number;

    #[test]
    fn generated_numbers_skip_the_hand_made_block() {
        // Below the block: unchanged (the committed samples keep their ids).
        assert_eq!(ticket_number(1000, 0), 1000);
        assert_eq!(ticket_number(1000, 89_000), 90_000);
        // 90001 ..= 90099 are the cases'; the next generated is 90100.
        assert_eq!(ticket_number(1000, 89_001), 90_100);
        assert_eq!(ticket_number(9999, 1_000_000), 1_010_098);
        let ids: Vec<u64> =
            (0..200_000).map(|k| ticket_number(5000, k)).collect();
        assert!(ids.iter().all(|n| !(90_001..=90_099).contains(n)));
        assert!(ids.windows(2).all(|w| w[0] < w[1]));
    }
}
