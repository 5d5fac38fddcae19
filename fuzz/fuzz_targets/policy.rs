//! The resolved policy (`Policy::from_toml_in`): every rule checked; a
//! policy that resolves is usable: its calendar counts forward.
#![no_main]
use libfuzzer_sys::fuzz_target;
use plazo::Policy;
use plazo::text::lang::Lang;
use plazo::time::Instant;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    // A folder with nothing in it: holiday files named by the policy
    // are not found (an input error), never read from the repository.
    let path = std::path::Path::new("/nonexistent/plazo-fuzz/policy.toml");
    match Policy::from_toml_in(text, path, Lang::En) {
        Ok(p) => {
            let cal = p.calendar();
            let a = Instant::from_unix(1_767_225_600); // 2026-01-01
            let b = Instant::from_unix(1_769_904_000); // 2026-02-01
            let s = cal.business_between(a, b);
            assert!(s >= 0 && s <= b.unix() - a.unix(), "business time {s} outside 0..={}", b.unix() - a.unix());
            let _ = p.report_period();
            let _ = p.survey();
            let _ = p.deadline_rules();
        }
        Err(e) => plazo_fuzz::check_error(&e),
    }
});
