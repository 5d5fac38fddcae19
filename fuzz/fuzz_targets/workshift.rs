//! The workshift import (`plazo calendar import-workshift`): any text;
//! what it writes is a `[calendar]` table that reads back as TOML and as
//! a calendar configuration.
#![no_main]
use libfuzzer_sys::fuzz_target;
use plazo::calendar::CalendarConfig;

#[derive(serde::Deserialize)]
struct Doc {
    calendar: CalendarConfig,
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    match plazo::source::workshift::to_toml(text) {
        Ok(out) => {
            let doc: Doc = toml::from_str(&out)
                .unwrap_or_else(|e| panic!("written table does not read back: {e}\n{out}"));
            let _ = plazo::calendar::CalendarSpec::from_config(
                plazo_fuzz::TZ,
                &doc.calendar,
                "/nonexistent".as_ref(),
            )
            .map_err(|e| plazo_fuzz::check_error(&e));
        }
        Err(e) => plazo_fuzz::check_error(&e),
    }
});
