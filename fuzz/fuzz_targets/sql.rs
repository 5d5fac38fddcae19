//! The custom-indicator SQL entry point (`report::queries::Tables::query`,
//! what `plazo report --queries DIR` runs for each file): any query text
//! over a small report's four tables. A query that runs gives rows as
//! wide as its columns; one that fails is an input error naming the file.
#![no_main]
use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use plazo::engine::Engine;
use plazo::io::input::Input;
use plazo::model::dataset::Dataset;
use plazo::report::queries::Tables;
use plazo::report::{Context, Period};
use plazo::text::lang::Lang;
use plazo_fuzz::{TZ, check_error, cutoff, policy};

const TICKETS: &[u8] = b"ticket_id,opened_at,priority,group,title\n\
90001,2026-07-09T09:00:00-05:00,Alta,Mesa N1,Pausa\n\
90002,2026-07-02T08:00:00-05:00,Media,Mesa N2,\"=1+1\"\n\
90003,2026-07-30T10:00:00-05:00,Baja,Mesa N1,Sin cerrar\n";
const EVENTS: &[u8] = b"ticket_id,at,status,group,note\n\
90001,2026-07-09T09:00:00-05:00,Nuevo,Mesa N1,\n\
90001,2026-07-09T09:30:00-05:00,En curso (asignada),Mesa N1,\n\
90001,2026-07-09T16:00:00-05:00,En espera,Mesa N1,espera\n\
90001,2026-07-14T10:00:00-05:00,En curso (asignada),Mesa N1,\n\
90001,2026-07-14T11:30:00-05:00,Resueltas,Mesa N1,\n\
90002,2026-07-02T08:00:00-05:00,Nuevo,Mesa N2,\n\
90002,2026-07-02T08:20:00-05:00,Resueltas,Mesa N2,\n\
90002,2026-07-03T09:00:00-05:00,Cerrado,Mesa N2,\n\
90003,2026-07-30T10:00:00-05:00,Nuevo,Mesa N1,\n";

fn tables() -> &'static Tables {
    static T: OnceLock<Tables> = OnceLock::new();
    T.get_or_init(|| {
        let ds: &'static Dataset = Box::leak(Box::new(
            Dataset::load_inputs(
                [
                    Input::Bytes { name: "tickets.csv", bytes: TICKETS },
                    Input::Bytes { name: "events.csv", bytes: EVENTS },
                ],
                None,
                &[],
                TZ,
                Lang::Es,
            )
            .expect("dataset"),
        ));
        let engine = Engine::new(policy(), ds, cutoff()).expect("engine");
        let rows: &'static [_] = Box::leak(engine.evaluate_all().into_boxed_slice());
        let period: &'static Period = Box::leak(Box::new(Period::month(2026, 7, TZ).unwrap()));
        let c = Context::new(policy(), ds, rows, period, cutoff(), Lang::Es, Vec::new());
        Tables::new(&c).expect("tables")
    })
}

fuzz_target!(|data: &[u8]| {
    let Ok(sql) = std::str::from_utf8(data) else { return };
    match tables().query("consulta.sql".into(), sql) {
        Ok(q) => {
            assert_eq!(q.sheet, "consulta");
            for r in &q.rows {
                assert_eq!(r.len(), q.columns.len(), "a row as wide as the columns");
            }
        }
        Err(e) => check_error(&e),
    }
});
