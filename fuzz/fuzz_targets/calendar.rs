//! The `[calendar]` table (TOML text, then `CalendarSpec::from_config`)
//! and the business clock it gives: counted time lies within the wall
//! time, adding then counting gives back what was added, counting
//! backwards likewise, positions subtract to the time between.
#![no_main]
use arbitrary::Arbitrary;
use libfuzzer_sys::fuzz_target;
use plazo::calendar::{Calendar, CalendarConfig, CalendarSpec};
use plazo::time::Instant;

#[derive(Arbitrary, Debug)]
struct Case {
    config: String,
    dst_zone: bool,
    probes: Vec<(u32, u32, u32)>,
}

/// 2025-01-01T00:00:00Z: probes fall in 2025..2029.
const BASE: i64 = 1_735_689_600;

fuzz_target!(|c: Case| {
    let Ok(cfg) = toml::from_str::<CalendarConfig>(&c.config) else { return };
    let tz = if c.dst_zone { chrono_tz::Europe::Madrid } else { plazo_fuzz::TZ };
    let spec = match CalendarSpec::from_config(tz, &cfg, "/nonexistent/plazo-fuzz".as_ref()) {
        Ok(s) => s,
        Err(e) => return plazo_fuzz::check_error(&e),
    };
    let cal = Calendar::new(spec);
    for &(x, y, s) in c.probes.iter().take(16) {
        let a = Instant::from_unix(BASE + i64::from(x % (4 * 366 * 86_400)));
        let b = Instant::from_unix(a.unix() + i64::from(y % (40 * 86_400)));
        let between = cal.business_between(a, b);
        assert!(
            (0..=b.unix() - a.unix()).contains(&between),
            "business time {between} outside 0..={}",
            b.unix() - a.unix()
        );
        assert_eq!(cal.business_position(b) - cal.business_position(a), between, "positions");
        let worked: i64 = cal.working_intervals(a, b).iter().map(|(p, q)| q.unix() - p.unix()).sum();
        assert_eq!(worked, between, "working intervals");
        let secs = i64::from(s % (10 * 86_400));
        match cal.add_business(a, secs) {
            Ok(t) => {
                assert!(t >= a, "add went backwards");
                assert_eq!(cal.business_between(a, t), secs, "add then count");
            }
            Err(e) => plazo_fuzz::check_error(&e),
        }
        match cal.sub_business(b, secs) {
            Ok(t) => {
                assert!(t <= b, "sub went forwards");
                assert_eq!(cal.business_between(t, b), secs, "sub then count");
            }
            Err(e) => plazo_fuzz::check_error(&e),
        }
        match cal.next_working_instant(a) {
            Ok(n) => {
                assert!(n >= a, "next working instant before");
                assert_eq!(cal.business_between(a, n), 0, "work skipped");
            }
            Err(e) => plazo_fuzz::check_error(&e),
        }
        if let Ok(t) = cal.add_business_days(a, s % 30) {
            assert!(t >= a, "business days went backwards");
        }
    }
});
