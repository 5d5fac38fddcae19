//! Raw GLPI table dumps (`--source glpi-tables`): glpi_tickets,
//! glpi_logs and glpi_ticketsatisfactions as plain bytes (one input,
//! split at a marker line), ingested, accounted for and evaluated.
#![no_main]
use libfuzzer_sys::fuzz_target;
use plazo::source::Source;
use plazo_fuzz::{check_all, ingest, options, split};

fuzz_target!(|data: &[u8]| {
    let p = split(data, 3);
    let names = ["glpi_tickets.csv", "glpi_logs.csv", "glpi_ticketsatisfactions.csv"];
    let mut inputs: Vec<(&str, &[u8])> = vec![(names[0], p[0])];
    for k in 1..3 {
        if !p[k].is_empty() {
            inputs.push((names[k], p[k]));
        }
    }
    let r = ingest(&options(Source::GlpiTables), &inputs, &[]);
    let files: Vec<(&str, &[u8], Option<u64>)> = inputs.iter().map(|(n, b)| (*n, *b, None)).collect();
    check_all(r, &files);
});
