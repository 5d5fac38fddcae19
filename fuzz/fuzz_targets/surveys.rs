//! Survey files (Google Forms export, GLPI satisfactions, canonical):
//! an optional mapping (TOML) and the survey table as plain bytes (one
//! input, split at a marker line), read after a fixed tickets table;
//! every answer row is accounted for and the evaluation is sane.
#![no_main]
use libfuzzer_sys::fuzz_target;
use plazo::source::Source;
use plazo::source::mapping::Mapping;
use plazo_fuzz::{check_all, check_error, csv_rows, ingest, options, split};

const TICKETS: &[u8] = b"ticket_id,opened_at,priority,status\n\
90001,2026-07-09 09:00:00,Alta,6\n\
90002,2026-03-02 08:00:00,Media,5\n\
90003,2026-04-01 10:00:00,Baja,2\n";

fuzz_target!(|data: &[u8]| {
    let p = split(data, 2);
    let mut opts = options(Source::GlpiDb);
    let mut sep = None;
    if !p[0].is_empty() {
        let Ok(text) = std::str::from_utf8(p[0]) else { return };
        match Mapping::from_toml(text, "mapping.toml").and_then(|m| Ok((m.separator()?, m))) {
            Ok((s, m)) => {
                sep = s;
                opts.mapping = Some(m);
            }
            Err(e) => return check_error(&e),
        }
    }
    let name = "surveys.csv";
    let rows = csv_rows(name, p[1], sep);
    let r = ingest(&opts, &[("tickets.csv", TICKETS)], &[(name, p[1])]);
    check_all(r, &[("tickets.csv", TICKETS, Some(3)), (name, p[1], rows)]);
});
