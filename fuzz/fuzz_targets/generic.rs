//! `--source generic`: a mapping file (TOML) and an event log it
//! describes, as plain bytes (one input, split at a marker line). A
//! mapping that loads is used; the log is ingested, accounted for and
//! evaluated.
#![no_main]
use libfuzzer_sys::fuzz_target;
use plazo::source::Source;
use plazo::source::mapping::Mapping;
use plazo_fuzz::{check_all, check_error, csv_rows, ingest, options, split};

fuzz_target!(|data: &[u8]| {
    let p = split(data, 2);
    let Ok(text) = std::str::from_utf8(p[0]) else { return };
    let m = match Mapping::from_toml(text, "mapping.toml") {
        Ok(m) => m,
        Err(e) => return check_error(&e),
    };
    let sep = match m.separator() {
        Ok(s) => s,
        Err(e) => return check_error(&e),
    };
    let mut opts = options(Source::Generic);
    opts.mapping = Some(m);
    let name = "log.csv";
    let rows = csv_rows(name, p[1], sep);
    let r = ingest(&opts, &[(name, p[1])], &[]);
    check_all(r, &[(name, p[1], rows)]);
});
