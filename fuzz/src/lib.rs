//! What every fuzz target checks, beyond "does not panic".
//!
//! - An error is the user's to fix (`Input`) or a file problem (`Io`),
//!   never an internal `Failure` (which is how plazo reports a broken
//!   invariant such as counts that do not add up), and it has a message
//!   in both languages.
//! - After an ingest: every row read is accepted, rejected or merged
//!   exactly once (per file, and the rows read equal the rows the CSV
//!   layer yields for the same bytes); every reject names its file and a
//!   line that exists in it.
//! - After an evaluation: no negative business time, no solve, response
//!   or close before the opening, business time never longer than the
//!   wall-clock time it lies in.

use std::sync::OnceLock;

use chrono_tz::Tz;
use plazo::engine::Engine;
use plazo::error::ErrorKind;
use plazo::io::encoding::Encoding;
use plazo::io::input::Input;
use plazo::model::builder::Ingested;
use plazo::model::dataset::Dataset;
use plazo::source::{Options, Source};
use plazo::text::lang::Lang;
use plazo::time::Instant;
use plazo::{Error, Policy};

/// The zone every target reads naive times in.
pub const TZ: Tz = chrono_tz::America::Bogota;

/// The marker that splits one fuzz input into several files.
pub const SPLIT: &[u8] = b"\n--8<--\n";

/// Splits `data` into exactly `n` parts at [`SPLIT`] (missing parts are
/// empty; the last part keeps any further markers).
pub fn split(data: &[u8], n: usize) -> Vec<&[u8]> {
    let mut out = Vec::with_capacity(n);
    let mut rest = data;
    while out.len() + 1 < n {
        match rest.windows(SPLIT.len()).position(|w| w == SPLIT) {
            Some(i) => {
                out.push(&rest[..i]);
                rest = &rest[i + SPLIT.len()..];
            }
            None => {
                out.push(rest);
                rest = &[];
            }
        }
    }
    out.push(rest);
    out
}

/// Ingest options for `source` (inputs are given as bytes instead).
pub fn options(source: Source) -> Options {
    Options {
        source,
        inputs: Vec::new(),
        surveys: Vec::new(),
        mapping: None,
        tz: TZ,
        encoding: Encoding::Auto,
        date_format: None,
        status_pattern: None,
        lang: Lang::En,
    }
}

/// An error must be the user's (input) or the file system's, never an
/// internal failure, and must say something in both languages.
pub fn check_error(e: &Error) {
    assert!(
        e.kind() != ErrorKind::Failure,
        "internal failure on hostile input: {e}"
    );
    assert!(!e.message(Lang::Es).trim().is_empty(), "empty Spanish message");
    assert!(!e.message(Lang::En).trim().is_empty(), "empty English message");
}

/// Checks `r` (an error, or an ingest's tables) as the module says.
/// `files` are the inputs as given, with the number of data rows the
/// CSV layer yields for each (`None`: not counted independently).
pub fn check_ingest(
    r: &Result<Ingested, Error>,
    files: &[(&str, &[u8], Option<u64>)],
) {
    let ing = match r {
        Err(e) => return check_error(e),
        Ok(ing) => ing,
    };
    for f in &ing.files {
        assert_eq!(
            f.read,
            f.accepted + f.rejected + f.merged,
            "rows read != accepted + rejected + merged in {}",
            f.name
        );
    }
    for (name, bytes, rows) in files {
        let read: u64 = ing
            .files
            .iter()
            .filter(|f| f.name == *name)
            .map(|f| f.read)
            .sum();
        if let Some(rows) = rows {
            assert_eq!(read, *rows, "rows read from {name}");
        }
        let _ = bytes;
    }
    for r in &ing.rejects {
        let (_, bytes, _) = files
            .iter()
            .find(|(n, _, _)| *n == r.file)
            .unwrap_or_else(|| panic!("reject names no input: {r:?}"));
        let lines = lines_in(bytes);
        assert!(
            r.line >= 2 && r.line <= lines,
            "reject line {} outside the data lines 2..={lines} of {}: {r:?}",
            r.line,
            r.file
        );
        assert!(!r.reason.trim().is_empty(), "reject without a reason: {r:?}");
    }
}

/// The number of physical lines of `bytes` (a last line without an end
/// counts; CR, LF and CRLF each end a line).
pub fn lines_in(bytes: &[u8]) -> u64 {
    let mut n = 1;
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'\n' => n += 1,
            b'\r' => {
                n += 1;
                if bytes.get(i + 1) == Some(&b'\n') {
                    i += 1;
                }
            }
            _ => {}
        }
        i += 1;
    }
    n
}

/// The rows [`Input::csv`] yields for `bytes` (what an ingest must
/// account for), or `None` when the table cannot be opened.
pub fn csv_rows(name: &str, bytes: &[u8], sep: Option<u8>) -> Option<u64> {
    let mut input =
        Input::Bytes { name, bytes }.csv(Encoding::Auto, sep).ok()?;
    let mut n = 0;
    while let Ok(Some(_)) = input.next_row() {
        n += 1;
    }
    Some(n)
}

/// The policy targets evaluate with: Itagüí's sample (GLPI labels and
/// codes, Colombian holidays, pauses, reopenings, surveys).
pub fn policy() -> &'static Policy {
    static P: OnceLock<Policy> = OnceLock::new();
    P.get_or_init(|| {
        // Its one exclusion rule reads an extra column (`tipo_solucion`)
        // that fuzzed tables rarely have; `priority` is always there.
        let text = include_str!("../../samples/itagui/policy.toml")
            .replace("column = \"tipo_solucion\"", "column = \"priority\"");
        Policy::from_toml(&text, "samples/itagui/policy.toml".as_ref())
        .expect("sample policy")
    })
}

/// The cutoff evaluations use.
pub fn cutoff() -> Instant {
    Instant::parse("2026-11-30 23:59", TZ).expect("cutoff")
}

/// Evaluates `ds` with [`policy`] and checks every ticket's row.
pub fn check_eval(ds: &Dataset) {
    let engine = match Engine::new(policy(), ds, cutoff()) {
        Ok(e) => e,
        Err(e) => return check_error(&e),
    };
    let cut = cutoff().unix();
    for i in 0..ds.tickets.len() {
        let row = engine.evaluate(i);
        let opened = ds.tickets[i].opened_at;
        assert!(row.response_s >= 0, "negative response time: {row:?}");
        assert!(row.resolution_s >= 0, "negative resolution time: {row:?}");
        assert!(row.paused_s >= 0, "negative paused time: {row:?}");
        if opened > cut {
            continue;
        }
        for (what, at) in [
            ("solve", row.solved_at.get()),
            ("response", row.responded_at.get()),
            ("close", row.closed_at.get()),
        ] {
            if let Some(at) = at {
                assert!(
                    at >= opened,
                    "{what} at {at} before the opening {opened}: {row:?}"
                );
            }
        }
        if let Some(s) = row.solved_at.get() {
            let wall = s - opened;
            assert!(
                row.resolution_s <= wall,
                "resolution {}s longer than the {wall}s between opening and solve",
                row.resolution_s
            );
        }
    }
}

/// Ingested tables, checked, then evaluated and checked.
pub fn check_all(
    r: Result<Ingested, Error>,
    files: &[(&str, &[u8], Option<u64>)],
) {
    check_ingest(&r, files);
    if let Ok(ing) = r {
        check_eval(&Dataset::from_ingested(&ing));
    }
}

/// The ingest of `source` over `inputs` (bytes), surveys included.
pub fn ingest(
    opts: &Options,
    inputs: &[(&str, &[u8])],
    surveys: &[(&str, &[u8])],
) -> Result<Ingested, Error> {
    use plazo::model::builder::Builder;
    use plazo::source::{db, generic, glpi_csv};
    let mut b = Builder::new(opts.tz, opts.lang);
    let ins: Vec<Input<'_>> = inputs
        .iter()
        .map(|(name, bytes)| Input::Bytes { name, bytes })
        .collect();
    match opts.source {
        Source::GlpiCsv => {
            for &i in &ins {
                glpi_csv::read(opts, i, &mut b)?;
            }
        }
        Source::Generic => {
            let m = opts.mapping.as_ref().expect("generic needs a mapping");
            for &i in &ins {
                generic::read(opts, m, i, &mut b)?;
            }
        }
        Source::GlpiTables => {
            let t = plazo::source::glpi::Tables::load_inputs(&ins)?;
            plazo::source::glpi_tables::read_tables(&t, opts.tz, &mut b)?;
        }
        _ => db::read_inputs(opts, &ins, &mut b)?,
    }
    for (name, bytes) in surveys {
        plazo::source::surveys::read(opts, Input::Bytes { name, bytes }, &mut b)?;
    }
    b.finish()
}

/// One cell of a structured table: mostly of the shape the column
/// expects (an id, a date, a status), sometimes anything.
#[derive(arbitrary::Arbitrary, Debug, Clone)]
pub enum Cell {
    /// A ticket id from a small set (so rows meet).
    Id(u8),
    /// A date: minutes after 2026-01-01 00:00 local.
    When(u32),
    /// A status label or code the sample policy knows (or not).
    Status(u8),
    /// A number.
    Number(i32),
    /// Any text.
    Text(String),
    /// Nothing.
    Empty,
}

/// A table of structured cells and how it is written.
#[derive(arbitrary::Arbitrary, Debug, Clone)]
pub struct Table {
    /// Separator choice (`,` `;` TAB `|`).
    pub sep: u8,
    /// Date style (ISO with offset, naive ISO, d/m/Y, m/d/Y, epoch, ...).
    pub style: u8,
    /// CRLF line ends.
    pub crlf: bool,
    /// A UTF-8 BOM first.
    pub bom: bool,
    /// Rows; cells beyond the header are written too (a ragged row).
    pub rows: Vec<Vec<Cell>>,
}

const STATUSES: [&str; 14] = [
    "Nuevo", "En curso (asignada)", "En curso (planificada)", "En espera",
    "Resueltas", "Cerrado", "1", "2", "3", "4", "5", "6", "Reabierto", "",
];

impl Table {
    fn sep(&self) -> u8 {
        [b',', b';', b'\t', b'|'][usize::from(self.sep % 4)]
    }

    /// The cell as text.
    pub fn cell(&self, c: &Cell) -> String {
        match c {
            Cell::Id(n) => format!("{}", 90000 + u32::from(n % 16)),
            Cell::When(m) => {
                let t = chrono::NaiveDate::from_ymd_opt(2026, 1, 1)
                    .unwrap()
                    .and_hms_opt(0, 0, 0)
                    .unwrap()
                    + chrono::Duration::minutes(i64::from(m % (2 * 366 * 1440)));
                let f = match self.style % 6 {
                    0 => "%Y-%m-%dT%H:%M:%S-05:00",
                    1 => "%Y-%m-%d %H:%M:%S",
                    2 => "%Y-%m-%d %H:%M",
                    3 => "%d/%m/%Y %H:%M",
                    4 => "%m/%d/%Y %I:%M %p",
                    _ => return (t.and_utc().timestamp() + 5 * 3600).to_string(),
                };
                t.format(f).to_string()
            }
            Cell::Status(s) => STATUSES[usize::from(s % 14)].to_string(),
            Cell::Number(n) => n.to_string(),
            Cell::Text(s) => s.clone(),
            Cell::Empty => String::new(),
        }
    }

    /// The table written under `header`, each cell quoted when needed.
    pub fn render(&self, header: &[&str]) -> Vec<u8> {
        let sep = self.sep() as char;
        let end = if self.crlf { "\r\n" } else { "\n" };
        let mut out = String::new();
        if self.bom {
            out.push('\u{feff}');
        }
        out.push_str(&header.join(&sep.to_string()));
        out.push_str(end);
        for row in self.rows.iter().take(64) {
            let cells: Vec<String> = row
                .iter()
                .map(|c| {
                    let v = self.cell(c);
                    if v.contains([sep, '"', '\n', '\r']) {
                        format!("\"{}\"", v.replace('"', "\"\""))
                    } else {
                        v
                    }
                })
                .collect();
            out.push_str(&cells.join(&sep.to_string()));
            out.push_str(end);
        }
        out.into_bytes()
    }
}
