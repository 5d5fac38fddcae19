//! The policy file as written (`policy::read_raw`): any text.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    if let Err(e) = plazo::policy::read_raw(text, "policy.toml") {
        plazo_fuzz::check_error(&e);
    }
});
