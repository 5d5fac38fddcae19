//! GLPI's ticket search export (Search -> export CSV), 10.x and 11.x.
//!
//! Headers are recognised in es_CO, es_ES, English and French (accents and
//! case ignored); unknown columns are kept as attributes under their
//! header. Quirks (../shared/reference/SOURCES.md): UTF-8 BOM, `;`, a
//! trailing `;` on every line and `''` for an embedded `"` (10.x; 11.x
//! writes standard CSV), `<br>` joining multi-valued cells (written as
//! `; `), multi-line quoted cells, dates without seconds in the user's
//! format (`Y-m-d`, `d-m-Y` or `m-d-Y`, detected per column; an ambiguous
//! column is an error), ids with non-breaking-space thousands separators.
//!
//! The export has no status history: status events are derived from the
//! dates it has, with GLPI's status codes: opening -> `1`, solution
//! (`Fecha de solución`) -> `5`, closing (`Fecha de cierre`) -> `6`. The
//! summary says so.
//!
//! # Example
//!
//! ```
//! use plazo::source::glpi_csv::column_key;
//! assert_eq!(column_key("Fecha de Apertura"), Some("opened_at"));
//! assert_eq!(column_key("Asignado a: - Técnico"), Some("assignee"));
//! assert_eq!(column_key("Date d'ouverture"), Some("opened_at"));
//! ```

use std::collections::HashMap;
use std::path::Path;

use crate::error::{Error, Result};
use crate::io::csv::CsvInput;
use crate::model::builder::{Builder, EventExtra, Origin};
use crate::source::Options;
use crate::source::generic::clean_id;
use crate::text::fold;
use crate::text::msg::source as msg;
use crate::time::dates::DateFormat;

/// Header (folded) -> canonical column or attribute name.
const HEADERS: &[(&str, &[&str])] = &[
    ("ticket_id", &["id"]),
    ("title", &["titulo", "title", "titre"]),
    ("status", &["estado", "status", "statut"]),
    (
        "last_update",
        &[
            "ultima actualizacion",
            "last update",
            "derniere modification",
        ],
    ),
    (
        "opened_at",
        &["fecha de apertura", "opening date", "date d'ouverture"],
    ),
    ("priority", &["prioridad", "priority", "priorite"]),
    (
        "requester",
        &[
            "solicitante - solicitante",
            "requester - requester",
            "demandeur - demandeur",
        ],
    ),
    (
        "assignee",
        &[
            "asignado a: - tecnico",
            "asignado a - tecnico",
            "assigned to - technician",
            "attribue a - technicien",
        ],
    ),
    (
        "group",
        &[
            "asignado a: - grupo",
            "asignado a - grupo",
            "assigned to - group",
            "attribue a - groupe",
        ],
    ),
    ("category", &["categoria", "category", "categorie"]),
    ("type", &["tipo", "type"]),
    (
        "channel",
        &[
            "origen de la solicitud",
            "request source",
            "source de la demande",
        ],
    ),
    (
        "solvedate",
        &["fecha de solucion", "resolution date", "date de resolution"],
    ),
    (
        "closedate",
        &["fecha de cierre", "closing date", "date de cloture"],
    ),
    (
        "time_to_resolve",
        &[
            "tiempo de solucion",
            "time to resolve",
            "temps de resolution",
        ],
    ),
    (
        "time_to_own",
        &[
            "tiempo para aduenarse",
            "time to own",
            "temps de prise en charge",
        ],
    ),
    (
        "time_to_resolve_exceeded",
        &[
            "se supero el tiempo de resolucion",
            "time to resolve exceeded",
            "temps de resolution depasse",
        ],
    ),
    ("entity", &["entidad", "entity", "entite"]),
];

/// Columns holding dates (converted to ISO 8601 with offset).
const DATE_KEYS: [&str; 6] = [
    "opened_at",
    "last_update",
    "solvedate",
    "closedate",
    "time_to_resolve",
    "time_to_own",
];

/// The canonical column or attribute a GLPI export header stands for.
pub fn column_key(header: &str) -> Option<&'static str> {
    let f = fold(header);
    HEADERS
        .iter()
        .find(|(_, names)| names.contains(&f.as_str()))
        .map(|(k, _)| *k)
}

/// Reads one GLPI search export into `b`.
///
/// # Errors
///
/// No `ID` or opening-date column, an undeterminable date format, or an
/// unreadable file.
pub fn read(opts: &Options, path: &Path, b: &mut Builder) -> Result<()> {
    let mut input = CsvInput::open(path, opts.encoding, None)?;
    // Column -> key; a repeated key (es_CO's two "Tiempo de solución")
    // keeps its header text with a suffix.
    let mut keys: Vec<String> = Vec::new();
    for h in &input.header {
        let k = match column_key(h) {
            Some(k) if !keys.iter().any(|x| x == k) => k.to_string(),
            _ => {
                let mut k = h.clone();
                let mut n = 1;
                while keys.contains(&k) {
                    n += 1;
                    k = format!("{h}_{n}");
                }
                k
            }
        };
        keys.push(k);
    }
    let pos = |k: &str| keys.iter().position(|x| x == k);
    let missing = |what: &str| {
        Error::input_msg(
            msg::NOT_A_GLPI_EXPORT,
            &[
                ("file", &input.name),
                ("column", &what),
                ("have", &input.header.join("\", \"")),
            ],
        )
    };
    let id_col = pos("ticket_id").ok_or_else(|| missing("ID"))?;
    let open_col = pos("opened_at")
        .ok_or_else(|| missing("\"Fecha de Apertura\" / \"Opening date\""))?;
    let glpi10 = input.trailing_sep;
    // Date columns: a format per column (given, or detected).
    let date_cols: Vec<usize> = (0..keys.len())
        .filter(|&c| DATE_KEYS.contains(&keys[c].as_str()))
        .collect();
    let mut fmts: HashMap<usize, DateFormat> = HashMap::new();
    match &opts.date_format {
        Some(f) => {
            for &c in &date_cols {
                fmts.insert(c, f.clone());
            }
        }
        None => {
            let vals = CsvInput::open(path, opts.encoding, None)?
                .column_values(&date_cols)?;
            for (k, &c) in date_cols.iter().enumerate() {
                let f = DateFormat::detect(
                    &input.header[c],
                    vals[k].iter().map(String::as_str),
                )
                .map_err(|e| e.at(&input.name))?;
                fmts.insert(c, f);
            }
        }
    }
    let tz = b.tz();
    let file = b.begin_file(&input.name, "tickets", input.encoding.name());
    let mut rows_seen: HashMap<String, Vec<String>> = HashMap::new();
    let mut derived = 0u64;
    'rows: while let Some(row) = input.next_row()? {
        if !b.start_row(file, &row) {
            continue;
        }
        let line = row.line;
        let id = clean_id(&row.fields[id_col]);
        if id.is_empty() {
            b.reject_missing_id(file, line, &input.header[id_col], "");
            continue;
        }
        if let Some(prev) = rows_seen.get(&id) {
            if *prev == row.fields {
                b.merged(file);
            } else {
                b.reject(
                    file,
                    line,
                    &input.header[id_col],
                    &id,
                    msg::REPEATED_TICKET_DIFFERENT,
                    &[],
                );
            }
            continue;
        }
        let mut vals: Vec<(&str, String)> = Vec::new();
        let mut instants: HashMap<&str, crate::time::Instant> = HashMap::new();
        for (c, raw) in row.fields.iter().enumerate() {
            if c == id_col {
                continue;
            }
            let mut v = raw.trim().replace("<br>", "; ");
            if glpi10 {
                v = v.replace("''", "\"");
            }
            if let Some(f) = fmts.get(&c) {
                if v.is_empty() {
                    if c == open_col {
                        b.reject(
                            file,
                            line,
                            &input.header[c],
                            "",
                            msg::MISSING_OPENING_DATE,
                            &[],
                        );
                        continue 'rows;
                    }
                } else {
                    match f.parse(&v, tz) {
                        Some(t) => {
                            instants.insert(keys[c].as_str(), t);
                            v = t.to_rfc3339(tz);
                        }
                        None => {
                            b.reject_date(
                                file,
                                line,
                                &input.header[c],
                                raw,
                                f,
                            );
                            continue 'rows;
                        }
                    }
                }
            }
            if c != open_col {
                vals.push((keys[c].as_str(), v));
            }
        }
        let opened = instants["opened_at"];
        b.upsert_ticket(
            &id,
            Some(opened),
            &vals,
            false,
            Origin::row(file, line),
        );
        for (k, code) in
            [("opened_at", "1"), ("solvedate", "5"), ("closedate", "6")]
        {
            if let Some(&t) = instants.get(k) {
                b.event(
                    &id,
                    t,
                    code,
                    EventExtra::default(),
                    Origin::synthesized(line),
                );
                derived += 1;
            }
        }
        rows_seen.insert(id, row.fields);
        b.accept(file);
    }
    b.note(
        msg::GLPI_EXPORT_DERIVED_EVENTS,
        &[("file", &input.name), ("count", &derived)],
    );
    Ok(())
}
