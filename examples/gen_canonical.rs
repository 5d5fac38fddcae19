//! Writes synthetic canonical tables (`tickets.csv`, `events.csv`,
//! `surveys.csv`) for load tests of `plazo sla` and `plazo report`.
//!
//! ```sh
//! cargo run --release --example gen_canonical -- 1000000 /tmp/big
//! plazo report --policy tests/data/sla/policy.toml \
//!   --tickets /tmp/big/tickets.csv --events /tmp/big/events.csv \
//!   --surveys /tmp/big/surveys.csv --period 2026-06 --out /tmp/big/report
//! ```
//!
//! Status labels are those of `tests/data/sla/policy.toml`. Tickets are
//! opened uniformly over 2025-07..2026-06 (Bogotá time, -05:00); each
//! gets a response, sometimes a pause, a solution, usually a closing,
//! and one in three a survey. Deterministic (SplitMix64, seed 42).

use std::io::{BufWriter, Write};

struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}

fn ts(unix: i64) -> String {
    // Local Bogotá time (UTC-5, no DST) as naive text.
    let t = unix - 5 * 3600;
    let days = t.div_euclid(86_400);
    let secs = t.rem_euclid(86_400);
    let date = chrono::NaiveDate::from_ymd_opt(1970, 1, 1).unwrap()
        + chrono::Duration::days(days);
    format!(
        "{date} {:02}:{:02}:{:02}",
        secs / 3600,
        secs / 60 % 60,
        secs % 60
    )
}

fn main() -> std::io::Result<()> {
    let args: Vec<String> = std::env::args().collect();
    let n: u64 = args.get(1).and_then(|s| s.parse().ok()).unwrap_or(10_000);
    let dir =
        std::path::PathBuf::from(args.get(2).map_or("gen", String::as_str));
    std::fs::create_dir_all(&dir)?;
    let mut t =
        BufWriter::new(std::fs::File::create(dir.join("tickets.csv"))?);
    let mut e = BufWriter::new(std::fs::File::create(dir.join("events.csv"))?);
    let mut s =
        BufWriter::new(std::fs::File::create(dir.join("surveys.csv"))?);
    writeln!(
        t,
        "ticket_id,opened_at,type,priority,category,service,group,assignee,requester,channel,affected_users,title"
    )?;
    writeln!(e, "ticket_id,at,status")?;
    writeln!(s, "ticket_id,answered_at,score,comment")?;
    let mut r = Rng(42);
    let start = 1_751_346_000i64; // 2025-07-01 00:00 -05:00
    let span: i64 = 365 * 86_400;
    let types = ["Incidente", "Requerimiento"];
    let pris = ["Alta", "Media", "Baja", "Urgente"];
    let cats = [
        "Red",
        "Software",
        "Accesos",
        "Impresoras",
        "Correo",
        "Hardware",
        "Telefonía",
        "Sistemas de información",
        "Seguridad",
        "Bases de datos",
        "Otros",
        "Portal",
    ];
    let groups = ["Mesa N1", "Mesa N2", "Infraestructura", "Desarrollo"];
    let techs = [
        "Ana", "Juan", "Luis", "Eva", "Marta", "Pedro", "Sofía", "Carlos",
    ];
    let chans = ["portal", "correo", "teléfono"];
    for i in 0..n {
        let opened = start + r.below(span as u64) as i64;
        let pick = |r: &mut Rng, v: &[&'static str]| {
            v[r.below(v.len() as u64) as usize]
        };
        let users = if r.below(200) == 0 { "20" } else { "1" };
        writeln!(
            t,
            "T{i},{},{},{},{},,{},{},U{},{},{users},Ticket {i}",
            ts(opened),
            pick(&mut r, &types),
            pick(&mut r, &pris),
            pick(&mut r, &cats),
            pick(&mut r, &groups),
            pick(&mut r, &techs),
            r.below(5000),
            pick(&mut r, &chans),
        )?;
        if r.below(100) == 0 {
            writeln!(e, "T{i},{},Anulado", ts(opened + 600))?;
            continue;
        }
        let mut at = opened + 60 + r.below(4 * 3600) as i64;
        writeln!(e, "T{i},{},En curso", ts(at))?;
        if r.below(5) == 0 {
            at += r.below(8 * 3600) as i64;
            writeln!(e, "T{i},{},En espera", ts(at))?;
            at += r.below(48 * 3600) as i64;
            writeln!(e, "T{i},{},En curso", ts(at))?;
        }
        at += 600 + r.below(72 * 3600) as i64;
        if at > start + span {
            continue; // still open
        }
        writeln!(e, "T{i},{},Resuelto", ts(at))?;
        if r.below(20) == 0 {
            at += r.below(24 * 3600) as i64;
            writeln!(e, "T{i},{},Reabierto", ts(at))?;
            at += r.below(24 * 3600) as i64;
            writeln!(e, "T{i},{},Resuelto", ts(at))?;
        }
        if r.below(3) == 0 {
            let score = 1 + r.below(5);
            let comment = if score <= 2 { "Demoró mucho" } else { "" };
            writeln!(s, "T{i},{},{score},{comment}", ts(at + 3600))?;
        }
        if r.below(10) < 8 {
            writeln!(e, "T{i},{},Cerrado", ts(at + 3 * 86_400))?;
        }
    }
    t.flush()?;
    e.flush()?;
    s.flush()
}
