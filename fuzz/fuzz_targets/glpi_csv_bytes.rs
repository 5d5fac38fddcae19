//! GLPI's ticket search export (`--source glpi-csv`) as plain bytes:
//! encodings, quoting, separators, GLPI 10's trailing separator.
#![no_main]
use libfuzzer_sys::fuzz_target;
use plazo::source::Source;
use plazo_fuzz::{check_all, csv_rows, ingest, options};

fuzz_target!(|bytes: &[u8]| {
    let name = "busqueda.csv";
    let rows = csv_rows(name, bytes, None);
    let r = ingest(&options(Source::GlpiCsv), &[(name, bytes)], &[]);
    check_all(r, &[(name, bytes, rows)]);
});
