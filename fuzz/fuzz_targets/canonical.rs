//! The canonical tables (`tickets`, `events`, `surveys`: what `plazo
//! ingest` writes, or the same columns saved by a spreadsheet), loaded by
//! `Dataset::load_inputs`: structured rows with hostile cells. Every row
//! is loaded or rejected once, rejects name a line of their file, and the
//! evaluation of what loads is sane.
#![no_main]
use arbitrary::Arbitrary;
use libfuzzer_sys::fuzz_target;
use plazo::io::input::Input;
use plazo::model::dataset::Dataset;
use plazo::text::lang::Lang;
use plazo_fuzz::{TZ, Table, check_error, check_eval, lines_in};

#[derive(Arbitrary, Debug)]
struct Case {
    tickets: Table,
    events: Table,
    surveys: Option<Table>,
}

const TICKETS: [&str; 6] = ["ticket_id", "opened_at", "priority", "group", "affected_users", "title"];
const EVENTS: [&str; 5] = ["ticket_id", "at", "status", "group", "note"];
const SURVEYS: [&str; 5] = ["ticket_id", "answered_at", "score", "max_score", "comment"];

/// Data rows of a canonical table, counted without plazo: CSV records
/// after the header, blank lines skipped.
fn records(bytes: &[u8], sep: u8) -> u64 {
    let mut r = csv::ReaderBuilder::new().delimiter(sep).flexible(true).from_reader(bytes);
    r.byte_records().filter(|x| x.as_ref().is_ok_and(|x| !x.is_empty())).count() as u64
}

fuzz_target!(|c: Case| {
    let t = c.tickets.render(&TICKETS);
    let e = c.events.render(&EVENTS);
    let s = c.surveys.as_ref().map(|s| s.render(&SURVEYS));
    let r = Dataset::load_inputs(
        [Input::Bytes { name: "tickets.csv", bytes: &t }, Input::Bytes { name: "events.csv", bytes: &e }],
        s.as_deref().map(|bytes| Input::Bytes { name: "surveys.csv", bytes }),
        &[],
        TZ,
        Lang::En,
    );
    let ds = match r {
        Ok(ds) => ds,
        Err(err) => return check_error(&err),
    };
    for r in &ds.rejects {
        let bytes: &[u8] = match r.file.as_str() {
            "tickets.csv" => &t,
            "events.csv" => &e,
            "surveys.csv" => s.as_deref().unwrap(),
            other => panic!("reject names no input: {other:?} {r:?}"),
        };
        assert!(r.line >= 2 && r.line <= lines_in(bytes), "reject line outside the file: {r:?}");
    }
    let st = &ds.stats;
    let rejected = |f: &str| ds.rejects.iter().filter(|r| r.file == f).map(|r| (r.file.clone(), r.line)).collect::<std::collections::BTreeSet<_>>().len() as u64;
    let sep = |t: &Table| [b',', b';', b'\t', b'|'][usize::from(t.sep % 4)];
    if !c.tickets.bom {
        assert_eq!(st.ticket_rows, records(&t, sep(&c.tickets)), "ticket rows read");
    }
    assert_eq!(st.ticket_rows, st.tickets + rejected("tickets.csv"), "ticket rows: read != loaded + rejected");
    assert_eq!(
        st.event_rows,
        st.events + st.duplicate_events + rejected("events.csv"),
        "event rows: read != loaded + merged + rejected"
    );
    check_eval(&ds);
});
