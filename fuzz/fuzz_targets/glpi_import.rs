//! The GLPI calendar and SLA import (`plazo calendar import-glpi`,
//! `plazo policy import-glpi-slas`): glpi_calendars,
//! glpi_calendarsegments, glpi_holidays, glpi_calendars_holidays and
//! glpi_slas dumps as plain bytes (one input, split at marker lines).
//! What is written reads back as TOML.
#![no_main]
use libfuzzer_sys::fuzz_target;
use plazo::io::input::Input;
use plazo::source::glpi::{Dump, calendar_toml, slas_toml};
use plazo::text::lang::Lang;
use plazo_fuzz::{check_error, split};

fn dump(name: &str, bytes: &[u8]) -> Option<Dump> {
    Dump::read(Input::Bytes { name, bytes }).map_err(|e| check_error(&e)).ok()
}

fuzz_target!(|data: &[u8]| {
    let p = split(data, 5);
    let names = ["glpi_calendars.csv", "glpi_calendarsegments.csv", "glpi_holidays.csv", "glpi_calendars_holidays.csv", "glpi_slas.csv"];
    let d: Vec<Option<Dump>> = names.iter().zip(&p).map(|(n, b)| dump(n, b)).collect();
    if let (Some(c), Some(s), Some(h), Some(l)) = (&d[0], &d[1], &d[2], &d[3]) {
        let id = (0..c.len()).find_map(|i| c.get(i, "id")).unwrap_or("1").to_string();
        match calendar_toml(c, s, h, l, &id, 2025..=2027) {
            Ok(out) => {
                if let Err(e) = toml::from_str::<toml::Table>(&out) {
                    panic!("written calendar does not read back: {e}\n{out}");
                }
            }
            Err(e) => check_error(&e),
        }
    }
    if let Some(slas) = &d[4] {
        for lang in [Lang::Es, Lang::En] {
            match slas_toml(slas, lang) {
                Ok((out, _notes)) => {
                    if let Err(e) = toml::from_str::<toml::Table>(&out) {
                        panic!("written rules do not read back: {e}\n{out}");
                    }
                }
                Err(e) => check_error(&e),
            }
        }
    }
});
