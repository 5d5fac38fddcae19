//! GLPI's ticket search export (`--source glpi-csv`): structured rows
//! under the es_CO header with hostile cells, then ingested, accounted
//! for and evaluated.
#![no_main]
use libfuzzer_sys::fuzz_target;
use plazo::source::Source;
use plazo_fuzz::{Table, check_all, csv_rows, ingest, options};

const HEADER: [&str; 11] = [
    "ID", "Título", "Estado", "Última actualización", "Fecha de Apertura", "Prioridad",
    "Solicitante - Solicitante", "Asignado a: - Técnico", "Categoría", "Fecha de solución",
    "Fecha de cierre",
];

fuzz_target!(|t: Table| {
    let bytes = t.render(&HEADER);
    let name = "busqueda.csv";
    let rows = csv_rows(name, &bytes, None);
    let r = ingest(&options(Source::GlpiCsv), &[(name, &bytes)], &[]);
    check_all(r, &[(name, &bytes, rows)]);
});
