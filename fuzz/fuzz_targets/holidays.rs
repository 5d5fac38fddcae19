//! Holiday rule files (`HolidayRules::from_toml`, as `calendars/co.toml`):
//! any text; rules that load give, for each year, holidays in that year.
#![no_main]
use chrono::Datelike;
use libfuzzer_sys::fuzz_target;
use plazo::calendar::HolidayRules;
use plazo::text::lang::Lang;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    match HolidayRules::from_toml(text, "rules.toml") {
        Ok(r) => {
            let _ = (r.name(), r.code(), r.title(Lang::Es), r.title(Lang::En));
            for year in [1970, 2024, 2025, 2026, 2027, 2100] {
                for h in r.in_year(year) {
                    assert_eq!(h.date.year(), year, "a holiday of {year} outside it: {h:?}");
                    let _ = h.name();
                }
            }
        }
        Err(e) => plazo_fuzz::check_error(&e),
    }
});
