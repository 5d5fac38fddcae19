//! The `ca_sdm` source's query outputs (`queries/ca_sdm/*.sql` saved as CSV or
//! TSV): a tickets table and an events table as plain bytes (one input,
//! split at a marker line), ingested, accounted for and evaluated.
#![no_main]
use libfuzzer_sys::fuzz_target;
use plazo::source::Source;
use plazo_fuzz::{check_all, csv_rows, ingest, options, split};

fuzz_target!(|data: &[u8]| {
    let p = split(data, 2);
    let inputs: Vec<(&str, &[u8])> = vec![("tickets.csv", p[0]), ("events.csv", p[1])];
    let files: Vec<(&str, &[u8], Option<u64>)> =
        inputs.iter().map(|(n, b)| (*n, *b, csv_rows(n, b, None))).collect();
    let r = ingest(&options(Source::CaSdm), &inputs, &[]);
    check_all(r, &files);
});
