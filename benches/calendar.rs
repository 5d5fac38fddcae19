//! Calendar throughput: `business_between` on random pairs up to a year
//! apart (Bogotá, Mon-Fri 07-12 and 13-17, Colombian holidays), one core.
//!
//! Run: `cargo bench --bench calendar`. Criterion reports elements/s
//! (one element = one `business_between` evaluation).

use criterion::{
    Criterion, Throughput, black_box, criterion_group, criterion_main,
};
use plazo::calendar::{Calendar, CalendarSpec, HolidayRules};
use plazo::time::Instant;
use plazo_samples::Rng;

fn calendar() -> Calendar {
    let tz: chrono_tz::Tz = "America/Bogota".parse().unwrap();
    Calendar::new(
        CalendarSpec::new(tz)
            .weekdays(&["07:00-12:00", "13:00-17:00"])
            .unwrap()
            .holidays(HolidayRules::builtin("co").unwrap()),
    )
}

fn pairs(n: usize, max_span: u64) -> Vec<(Instant, Instant)> {
    let mut rng = Rng::new(42);
    let lo = 1_735_689_600u64; // 2025-01-01T00:00:00Z
    let range = 2 * 365 * 86_400u64;
    (0..n)
        .map(|_| {
            let a = lo + rng.next_u64() % range;
            let b = a + rng.next_u64() % max_span;
            (Instant::from_unix(a as i64), Instant::from_unix(b as i64))
        })
        .collect()
}

fn bench(c: &mut Criterion) {
    let cal = calendar();
    let n = 1 << 16;
    let mut g = c.benchmark_group("calendar");
    g.throughput(Throughput::Elements(n as u64));
    for (name, span) in [
        ("business_between/year", 365 * 86_400),
        ("business_between/week", 7 * 86_400),
    ] {
        let ps = pairs(n, span);
        // Build the year tables outside the measurement.
        let warm: i64 =
            ps.iter().map(|&(a, b)| cal.business_between(a, b)).sum();
        black_box(warm);
        g.bench_function(name, |bch| {
            bch.iter(|| {
                let mut sum = 0i64;
                for &(a, b) in &ps {
                    sum += cal.business_between(black_box(a), black_box(b));
                }
                sum
            })
        });
    }
    let ps = pairs(n, 365 * 86_400);
    g.bench_function("add_business/8h", |bch| {
        bch.iter(|| {
            let mut last = 0i64;
            for &(a, _) in &ps {
                last ^=
                    cal.add_business(black_box(a), 8 * 3600).unwrap().unix();
            }
            last
        })
    });
    g.bench_function("add_business_days/3bd", |bch| {
        bch.iter(|| {
            let mut last = 0i64;
            for &(a, _) in &ps {
                last ^= cal.add_business_days(black_box(a), 3).unwrap().unix();
            }
            last
        })
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
