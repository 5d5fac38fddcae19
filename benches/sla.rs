//! Per-ticket evaluation throughput, excluding I/O: the Víctimas profile
//! (pauses, reopens, business-day targets) generated in memory, loaded
//! once, then `Engine::evaluate_all` (rayon, all cores), the same on a
//! one-thread pool, and a sequential loop that stores nothing (one core).
//!
//! Run: `cargo bench --bench sla`.

use criterion::{
    Criterion, Throughput, black_box, criterion_group, criterion_main,
};
use plazo::Policy;
use plazo::engine::Engine;
use plazo::model::dataset::{Dataset, Inputs};
use plazo::time::Instant;
use plazo_samples::{Generator, Profile};

fn bench(c: &mut Criterion) {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let policy =
        Policy::load(&root.join("samples/victimas/policy.toml")).unwrap();
    let n = 200_000;
    let data = Generator::new(Profile::find("victimas").unwrap(), &policy, 42)
        .generate(n)
        .unwrap();
    let dir = std::env::temp_dir().join("plazo-bench-sla");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("t.csv"), &data.tickets).unwrap();
    std::fs::write(dir.join("e.csv"), &data.events).unwrap();
    std::fs::write(dir.join("s.csv"), &data.surveys).unwrap();
    let inputs = Inputs {
        tickets: dir.join("t.csv"),
        events: dir.join("e.csv"),
        surveys: Some(dir.join("s.csv")),
        survey_questions: Vec::new(),
    };
    let ds = Dataset::load(&inputs, policy.tz()).unwrap();
    let cutoff = Instant::parse("2026-10-31 23:59:59", policy.tz()).unwrap();
    let engine = Engine::new(&policy, &ds, cutoff).unwrap();
    black_box(engine.evaluate_all()); // warm the calendar's year tables
    let mut g = c.benchmark_group("sla");
    g.throughput(Throughput::Elements(ds.tickets.len() as u64));
    g.sample_size(20);
    g.bench_function("evaluate_all/parallel", |b| {
        b.iter(|| engine.evaluate_all())
    });
    // The same work on a one-thread pool: rows stored as in a real run, so
    // parallel / one_thread is the speed-up of the second core.
    let one = rayon::ThreadPoolBuilder::new()
        .num_threads(1)
        .build()
        .unwrap();
    g.bench_function("evaluate_all/one_thread", |b| {
        b.iter(|| one.install(|| engine.evaluate_all()))
    });
    // Row by row, nothing stored; `black_box` keeps the compiler from
    // dropping the columns no one reads.
    g.bench_function("evaluate/one_core", |b| {
        b.iter(|| {
            let mut x = 0i64;
            for i in 0..ds.tickets.len() {
                x += black_box(engine.evaluate(i)).resolution_s;
            }
            x
        })
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
