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

use crate::error::{Error, Result};
use crate::io::csv::{CsvInput, Row};
use crate::io::input::Input;
use crate::model::builder::{Builder, EventExtra, Origin};
use crate::source::Options;
use crate::source::generic::clean_id;
use crate::text::fold;
use crate::text::msg::source as msg;
use crate::time::Instant;
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
pub fn read<'a>(
    opts: &Options,
    path: impl Into<Input<'a>>,
    b: &mut Builder,
) -> Result<()> {
    let path = path.into();
    let mut input = path.csv(opts.encoding, None)?;
    let keys = column_keys(&input.header);
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
    let fmts = date_formats(opts, path, &input, &keys)?;
    let file = b.begin_file(&input.name, "tickets", input.encoding.name());
    let export = Export {
        header: input.header.clone(),
        keys,
        id_col,
        open_col,
        glpi10: input.trailing_sep,
        fmts,
        file,
    };
    let mut seen: HashMap<String, Vec<String>> = HashMap::new();
    let mut derived = 0u64;
    while let Some(row) = input.next_row()? {
        if b.start_row(file, &row) {
            derived += export.row(b, row, &mut seen);
        }
    }
    b.note(
        msg::GLPI_EXPORT_DERIVED_EVENTS,
        &[("file", &input.name), ("count", &derived)],
    );
    Ok(())
}

/// Each column's key: its canonical column or attribute, or, for an
/// unknown header or a repeated key (es_CO's two "Tiempo de solución"),
/// the header text (with a suffix `_2`, `_3`... when repeated).
fn column_keys(header: &[String]) -> Vec<String> {
    let mut keys: Vec<String> = Vec::new();
    for h in header {
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
    keys
}

/// A format per date column: `--date-format`, or detected on a first
/// pass over `path`.
fn date_formats(
    opts: &Options,
    path: Input<'_>,
    input: &CsvInput,
    keys: &[String],
) -> Result<HashMap<usize, DateFormat>> {
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
            let vals =
                path.csv(opts.encoding, None)?.column_values(&date_cols)?;
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
    Ok(fmts)
}

/// What reading one export's rows needs.
struct Export {
    header: Vec<String>,
    keys: Vec<String>,
    id_col: usize,
    open_col: usize,
    /// GLPI 10.x: `''` stands for an embedded `"`.
    glpi10: bool,
    /// The format of each date column.
    fmts: HashMap<usize, DateFormat>,
    /// The builder's index of the file.
    file: u32,
}

/// A ticket's column values and its instants by key.
type Values<'k> = (Vec<(&'k str, String)>, HashMap<&'k str, Instant>);

impl Export {
    /// One row (counted as read): a ticket with its events derived from
    /// its dates, a merged or rejected repeat, or a reject. `seen` holds
    /// the rows kept, by ticket id. Returns the events derived.
    fn row(
        &self,
        b: &mut Builder,
        row: Row,
        seen: &mut HashMap<String, Vec<String>>,
    ) -> u64 {
        let (file, line) = (self.file, row.line);
        let id = clean_id(&row.fields[self.id_col]);
        if id.is_empty() {
            b.reject_missing_id(file, line, &self.header[self.id_col], "");
            return 0;
        }
        if let Some(prev) = seen.get(&id) {
            if *prev == row.fields {
                b.merged(file);
            } else {
                let column = &self.header[self.id_col];
                let reason = msg::REPEATED_TICKET_DIFFERENT;
                b.reject(file, line, column, &id, reason, &[]);
            }
            return 0;
        }
        let Some((vals, instants)) = self.values(b, &row) else {
            return 0;
        };
        let opened = instants["opened_at"];
        b.upsert_ticket(
            &id,
            Some(opened),
            &vals,
            false,
            Origin::row(file, line),
        );
        let mut derived = 0;
        for (k, code) in
            [("opened_at", "1"), ("solvedate", "5"), ("closedate", "6")]
        {
            if let Some(&t) = instants.get(k) {
                let extra = EventExtra::default();
                b.event(&id, t, code, extra, Origin::synthesized(line));
                derived += 1;
            }
        }
        seen.insert(id, row.fields);
        b.accept(file);
        derived
    }

    /// The row's values (cells trimmed, `<br>` written as `; `, dates as
    /// ISO 8601 with offset) and instants; `None` after rejecting a
    /// missing opening or an unreadable date.
    fn values(&self, b: &mut Builder, row: &Row) -> Option<Values<'_>> {
        let tz = b.tz();
        let mut vals: Vec<(&str, String)> = Vec::new();
        let mut instants: HashMap<&str, Instant> = HashMap::new();
        for (c, raw) in row.fields.iter().enumerate() {
            if c == self.id_col {
                continue;
            }
            let mut v = raw.trim().replace("<br>", "; ");
            if self.glpi10 {
                v = v.replace("''", "\"");
            }
            if let Some(f) = self.fmts.get(&c) {
                if v.is_empty() {
                    if c == self.open_col {
                        let (file, line) = (self.file, row.line);
                        let reason = msg::MISSING_OPENING_DATE;
                        b.reject(file, line, &self.header[c], "", reason, &[]);
                        return None;
                    }
                } else {
                    let Some(t) = f.parse(&v, tz) else {
                        let column = &self.header[c];
                        b.reject_date(self.file, row.line, column, raw, f);
                        return None;
                    };
                    instants.insert(self.keys[c].as_str(), t);
                    v = t.to_rfc3339(tz);
                }
            }
            if c != self.open_col {
                vals.push((self.keys[c].as_str(), v));
            }
        }
        Some((vals, instants))
    }
}
