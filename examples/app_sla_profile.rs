//! Evaluates the Víctimas sample many times on one thread: a steady
//! workload for profilers (`valgrind --tool=callgrind`, `perf`), whose
//! instruction counts do not depend on what else the machine is doing.
//!
//! Run: `cargo run --release --example app_sla_profile -- 20`

use plazo::Policy;
use plazo::engine::Engine;
use plazo::model::dataset::{Dataset, Inputs};
use plazo::time::Instant;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let rounds: usize =
        std::env::args().nth(1).map_or(Ok(20), |s| s.parse())?;
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("samples/victimas");
    let policy = Policy::load(&dir.join("policy.toml"))?;
    let inputs = Inputs {
        tickets: dir.join("tickets.csv"),
        events: dir.join("events.csv"),
        surveys: Some(dir.join("surveys.csv")),
        survey_questions: Vec::new(),
    };
    let ds = Dataset::load(&inputs, policy.tz())?;
    let cutoff = Instant::parse("2026-10-31 23:59:59", policy.tz())?;
    let engine = Engine::new(&policy, &ds, cutoff)?;
    let start = std::time::Instant::now();
    let mut sum = 0i64;
    for _ in 0..rounds {
        for i in 0..ds.tickets.len() {
            sum += engine.evaluate(i).resolution_s;
        }
    }
    let n = rounds * ds.tickets.len();
    let secs = start.elapsed().as_secs_f64();
    println!(
        "{n} evaluations in {secs:.3} s: {:.0} tickets/s on one thread (checksum {sum})",
        n as f64 / secs
    );
    // All cores, through Engine::evaluate_all (rayon).
    let start = std::time::Instant::now();
    let mut rows = 0;
    for _ in 0..rounds {
        rows += engine.evaluate_all().len();
    }
    let secs = start.elapsed().as_secs_f64();
    println!(
        "{rows} evaluations in {secs:.3} s: {:.0} tickets/s on {} threads",
        rows as f64 / secs,
        rayon::current_num_threads()
    );
    Ok(())
}
