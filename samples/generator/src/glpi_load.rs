//! A large GLPI-shaped database load, for measuring how fast plazo reads
//! GLPI's database (`--glpi-db`, issue 14): the rows GLPI 10 would hold for
//! N tickets, as TSV files for `LOAD DATA LOCAL INFILE`
//! (scripts/glpi-load.sh loads them into a MariaDB server).
//!
//! Per ticket, about 20 glpi_logs rows, of which about 4 are status
//! changes (`id_search_option` 12) and the rest the other fields GLPI logs
//! for a ticket (creation, actors, take-into-account delay, last updater,
//! solve and close dates, solutions, follow-ups, tasks, priority and
//! category changes, the survey's answer), with the kinds, values and
//! `user_name` forms of the real GLPI 10.0.5 sample
//! (`../shared/datasets/glpi_10_0_5_sample`). Life cycles: new (1) →
//! assigned (2) at take-into-account → pending (4) and back, zero to two
//! times → solved (5) → reopened (5 → 2) by some requesters and solved
//! again → closed (6) by the requester's approval or by the technician at
//! night. Openings over 2024-2026, most in business hours (Mon-Fri
//! 07:00-12:00 and 13:00-17:00, the sample's "Laboral" calendar; holidays
//! are not modelled); the work in business time. Events after the dump
//! instant are cut, so the last weeks hold open, pending and solved
//! tickets. GLPI's derived fields are computed as GLPI does (the data
//! set's README): `waiting_duration` = business seconds pending and
//! solved-before-reopen, `solve_delay_stat` = business seconds from the
//! opening to the solution minus the waiting, `takeintoaccount_delay_stat`,
//! SLA deadlines from the sample's SLAs.
//!
//! Dates are Bogotá wall-clock values (`YYYY-MM-DD HH:MM:SS`); load them
//! in a session at `time_zone = '-05:00'`. TSV: a header row with the
//! column names, TAB between fields, `\N` for NULL, LF line ends (the
//! values hold no TAB, LF or backslash). Seeded: the same arguments give
//! the same bytes.

use std::io::Write;
use std::path::Path;

use plazo::error::{Error, Result};
use plazo::io::atomic::write as write_atomic;

use crate::Rng;

mod clock;
mod lookups;
mod tickets;

pub use clock::{Clock, days_from_civil, fmt_local};

/// What to generate.
#[derive(Clone, Debug)]
pub struct Load {
    /// Number of tickets.
    pub tickets: u32,
    /// Random seed.
    pub seed: u64,
    /// First opening day, local seconds (see [`Clock`]).
    pub from: i64,
    /// Last opening instant (exclusive), local seconds.
    pub to: i64,
    /// The dump instant: later events are not in the database.
    pub now: i64,
}

/// Row counts of the files written.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Counts {
    /// (file name, rows) in writing order.
    pub files: Vec<(String, u64)>,
}

impl Counts {
    /// The rows of one file.
    pub fn rows(&self, file: &str) -> u64 {
        self.files
            .iter()
            .find(|(f, _)| f == file)
            .map_or(0, |(_, n)| *n)
    }
}

/// A TSV table being written.
pub(crate) struct Tsv {
    pub(crate) buf: Vec<u8>,
    pub(crate) rows: u64,
}

impl Tsv {
    pub(crate) fn new(columns: &[&str]) -> Tsv {
        let mut buf = Vec::with_capacity(1 << 16);
        buf.extend_from_slice(columns.join("\t").as_bytes());
        buf.push(b'\n');
        Tsv { buf, rows: 0 }
    }

    /// One row; `None` is NULL (`\N`).
    pub(crate) fn row(&mut self, fields: &[Option<&str>]) {
        for (i, f) in fields.iter().enumerate() {
            if i > 0 {
                self.buf.push(b'\t');
            }
            match f {
                None => self.buf.extend_from_slice(b"\\N"),
                Some(s) => {
                    debug_assert!(!s.contains(['\t', '\n', '\\']), "{s:?}");
                    self.buf.extend_from_slice(s.as_bytes());
                }
            }
        }
        self.buf.push(b'\n');
        self.rows += 1;
    }

    fn save(self, dir: &Path, name: &str, counts: &mut Counts) -> Result<()> {
        write_atomic(&dir.join(name), &self.buf)?;
        counts.files.push((name.to_string(), self.rows));
        Ok(())
    }
}

/// Writes the load's TSV files into `dir` (created if needed).
///
/// # Errors
///
/// A folder or file that cannot be written; an empty opening range.
pub fn write(load: &Load, dir: &Path) -> Result<Counts> {
    if load.to <= load.from || load.tickets == 0 {
        return Err(Error::input(
            "glpi-load: el rango de aperturas está vacío o no hay tickets",
            "glpi-load: the opening range is empty or there are no tickets",
        ));
    }
    std::fs::create_dir_all(dir).map_err(|e| Error::io(dir, &e))?;
    let mut counts = Counts::default();
    let mut rng = Rng::new(load.seed);
    let out = tickets::generate(load, &mut rng);
    out.tickets.save(dir, "glpi_tickets.tsv", &mut counts)?;
    out.logs.save(dir, "glpi_logs.tsv", &mut counts)?;
    out.surveys
        .save(dir, "glpi_ticketsatisfactions.tsv", &mut counts)?;
    out.actors
        .save(dir, "glpi_tickets_users.tsv", &mut counts)?;
    out.groups
        .save(dir, "glpi_groups_tickets.tsv", &mut counts)?;
    for (name, t) in lookups::tables() {
        t.save(dir, name, &mut counts)?;
    }
    let mut summary = Vec::new();
    for (f, n) in &counts.files {
        let _ = writeln!(summary, "{f}\t{n}");
    }
    write_atomic(&dir.join("counts.txt"), &summary)?;
    Ok(counts)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeMap;

    /// A TSV file as rows of cells (`\N` kept as is).
    fn read(dir: &Path, name: &str) -> (Vec<String>, Vec<Vec<String>>) {
        let text = std::fs::read_to_string(dir.join(name)).unwrap();
        let mut lines = text.lines();
        let header = lines
            .next()
            .unwrap()
            .split('\t')
            .map(str::to_string)
            .collect();
        let rows = lines
            .map(|l| l.split('\t').map(str::to_string).collect())
            .collect();
        (header, rows)
    }

    fn small(seed: u64, dir: &Path) -> Counts {
        // 2026-10-01 .. 2026-12-31, dumped 2026-12-31 18:00.
        let from = days_from_civil(2026, 10, 1) * 86_400;
        let to = days_from_civil(2026, 12, 31) * 86_400;
        let load = Load {
            tickets: 1000,
            seed,
            from,
            to: to + 86_400,
            now: to + 18 * 3600,
        };
        write(&load, dir).unwrap()
    }

    fn tmp(name: &str) -> std::path::PathBuf {
        let d = std::env::temp_dir()
            .join(format!("plazo-glpi-load-{}-{name}", std::process::id()));
        let _ = std::fs::remove_dir_all(&d);
        d
    }

    /// Business seconds between two `YYYY-MM-DD HH:MM:SS` values, second by
    /// second (Mon-Fri 07-12, 13-17): slow and obviously right.
    fn brute_between(a: &str, b: &str) -> i64 {
        let secs = |s: &str| {
            let n = |r: std::ops::Range<usize>| s[r].parse::<i64>().unwrap();
            days_from_civil(n(0..4), n(5..7), n(8..10)) * 86_400
                + n(11..13) * 3600
                + n(14..16) * 60
                + n(17..19)
        };
        (secs(a)..secs(b))
            .filter(|t| {
                let day = t.div_euclid(86_400);
                let s = t.rem_euclid(86_400);
                (day + 3).rem_euclid(7) < 5
                    && ((7 * 3600..12 * 3600).contains(&s)
                        || (13 * 3600..17 * 3600).contains(&s))
            })
            .count() as i64
    }

    #[test]
    fn same_arguments_same_bytes() {
        let (a, b, c) = (tmp("a"), tmp("b"), tmp("c"));
        assert_eq!(small(5, &a), small(5, &b));
        small(6, &c);
        for (f, _) in &small(5, &a).files {
            let (x, y) = (
                std::fs::read(a.join(f)).unwrap(),
                std::fs::read(b.join(f)).unwrap(),
            );
            assert!(x == y, "{f} differs between two runs");
        }
        let t = |d: &Path| std::fs::read(d.join("glpi_logs.tsv")).unwrap();
        assert_ne!(t(&a), t(&c));
        for d in [a, b, c] {
            std::fs::remove_dir_all(d).unwrap();
        }
    }

    #[test]
    fn histories_are_consistent_with_the_tickets() {
        let dir = tmp("h");
        let counts = small(11, &dir);
        let (th, tickets) = read(&dir, "glpi_tickets.tsv");
        assert_eq!(th.len(), 42);
        assert_eq!(tickets.len(), 1000);
        let col = |name: &str| th.iter().position(|h| h == name).unwrap();
        let (lh, logs) = read(&dir, "glpi_logs.tsv");
        assert_eq!(counts.rows("glpi_logs.tsv"), logs.len() as u64);
        let lc = |name: &str| lh.iter().position(|h| h == name).unwrap();
        // Ids follow time, as GLPI inserts them.
        for w in logs.windows(2) {
            assert!(w[0][lc("date_mod")] <= w[1][lc("date_mod")]);
            assert_eq!(
                w[0][0].parse::<u64>().unwrap() + 1,
                w[1][0].parse::<u64>().unwrap()
            );
        }
        // Each ticket's status changes form a chain from 1 to its status.
        let mut chains: BTreeMap<&str, Vec<(&str, &str, &str)>> =
            BTreeMap::new();
        for l in logs.iter().filter(|l| l[lc("id_search_option")] == "12") {
            chains.entry(&l[lc("items_id")]).or_default().push((
                &l[lc("old_value")],
                &l[lc("new_value")],
                &l[lc("date_mod")],
            ));
        }
        let mut status_rows = 0;
        let mut seen = std::collections::BTreeSet::new();
        for t in &tickets {
            let status = &t[col("status")];
            seen.insert(status.clone());
            let chain =
                chains.get(t[0].as_str()).map_or(&[][..], |c| c.as_slice());
            status_rows += chain.len();
            let mut cur = "1";
            for (old, new, _) in chain {
                assert_eq!(*old, cur, "ticket {}", t[0]);
                cur = new;
            }
            assert_eq!(cur, status, "ticket {}", t[0]);
            let has = |c: &str| t[col(c)] != "\\N";
            assert_eq!(
                has("takeintoaccountdate"),
                status != "1",
                "ticket {}",
                t[0]
            );
            assert_eq!(
                has("solvedate"),
                status == "5" || status == "6",
                "ticket {}",
                t[0]
            );
            assert_eq!(has("closedate"), status == "6", "ticket {}", t[0]);
            // GLPI's waiting: business time pending, and solved before a
            // reopen; recounted second by second from the history (for
            // the first 300 tickets: the count is slow).
            if t[0].parse::<u32>().unwrap() > 300 {
                continue;
            }
            let mut waiting = 0;
            for w in chain.windows(2) {
                if w[0].1 == "4" || (w[0].1 == "5" && w[1].1 == "2") {
                    waiting += brute_between(w[0].2, w[1].2);
                }
            }
            assert_eq!(
                t[col("waiting_duration")],
                waiting.to_string(),
                "ticket {}",
                t[0]
            );
            if has("takeintoaccountdate") {
                let tia = brute_between(
                    &t[col("date")],
                    &t[col("takeintoaccountdate")],
                );
                assert_eq!(
                    t[col("takeintoaccount_delay_stat")],
                    tia.to_string()
                );
            }
        }
        // About 20 rows a ticket, about 4 of them status changes; the last
        // weeks leave tickets in every state.
        let per = logs.len() as f64 / 1000.0;
        let per_status = status_rows as f64 / 1000.0;
        assert!((18.0..22.0).contains(&per), "{per} log rows a ticket");
        assert!(
            (3.5..4.5).contains(&per_status),
            "{per_status} status changes a ticket"
        );
        assert_eq!(
            seen.into_iter().collect::<Vec<_>>(),
            ["1", "2", "4", "5", "6"]
        );
        std::fs::remove_dir_all(dir).unwrap();
    }
}
