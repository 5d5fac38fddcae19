//! Hostile file contents (issue 15): GLPI table dumps in Windows-1252,
//! gzipped or zipped, with dates that cannot be read; rows over the size
//! and column limits; files of only a header; a BOM in the middle; mixed
//! line endings; NUL bytes; Excel's UTF-16 "Unicode text"; a broken
//! table given back to plazo; an unreadable holiday date. Each test writes
//! its own small files; every figure is counted by hand from them.

use std::io::Write;
use std::path::{Path, PathBuf};

use plazo::io::csv::{CsvInput, Records};
use plazo::io::encoding::Encoding;
use plazo::io::limits::Limits;
use plazo::model::Ingested;
use plazo::source::{Options, Source};
use plazo::text::lang::Lang;

use crate::util::{run, tempdir};

/// `text` in Windows-1252 (every character of it is in Latin-1).
fn cp1252(text: &str) -> Vec<u8> {
    text.chars()
        .map(|c| u8::try_from(u32::from(c)).expect("a Latin-1 character"))
        .collect()
}

fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut gz = flate2::write::GzEncoder::new(
        Vec::new(),
        flate2::Compression::default(),
    );
    gz.write_all(bytes).unwrap();
    gz.finish().unwrap()
}

fn zip_one(name: &str, bytes: &[u8]) -> Vec<u8> {
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let o = zip::write::SimpleFileOptions::default();
    zip.start_file(name, o).unwrap();
    zip.write_all(bytes).unwrap();
    zip.finish().unwrap().into_inner()
}

fn ingest_tables(inputs: Vec<PathBuf>) -> Ingested {
    plazo::source::run(&Options {
        source: Source::GlpiTables,
        inputs,
        surveys: vec![],
        mapping: None,
        tz: "America/Bogota".parse().unwrap(),
        encoding: Encoding::Auto,
        date_format: None,
        status_pattern: None,
        lang: Lang::Es,
    })
    .unwrap()
}

/// glpi_tickets in Windows-1252 (a dump saved on Windows): the columns
/// plazo reads, in the order of GLPI 10.0.5's table. Line 2 is a good
/// ticket (its `closedate` is MySQL's zero date: no date); line 3 has
/// no opening date; line 4 an opening Excel rewrote;
/// line 5 an unreadable solution date; line 6 is deleted.
const TICKETS: &str = "\"id\",\"entities_id\",\"name\",\"date\",\"closedate\",\"solvedate\",\"takeintoaccountdate\",\"status\",\"requesttypes_id\",\"urgency\",\"impact\",\"priority\",\"itilcategories_id\",\"type\",\"is_deleted\"
\"1\",\"0\",\"Impresora de Martínez\",\"2026-01-02 11:22:21\",\"0000-00-00 00:00:00\",\"2026-01-09 09:49:40\",\"2026-01-02 11:28:47\",\"5\",\"1\",\"3\",\"3\",\"3\",\"0\",\"1\",\"0\"
\"2\",\"0\",\"Sin apertura\",,,,,\"1\",\"1\",\"3\",\"3\",\"3\",\"0\",\"1\",\"0\"
\"3\",\"0\",\"Fecha de Excel\",\"2/01/2026 11:22\",,,,\"1\",\"1\",\"3\",\"3\",\"3\",\"0\",\"1\",\"0\"
\"4\",\"0\",\"Solución ilegible\",\"2026-01-05 08:00:00\",,\"mañana\",,\"5\",\"1\",\"3\",\"3\",\"3\",\"0\",\"1\",\"0\"
\"5\",\"0\",\"Borrado\",\"2026-01-05 08:00:00\",,,,\"1\",\"1\",\"3\",\"3\",\"3\",\"0\",\"1\",\"1\"
";

/// glpi_logs_ticket in UTF-8: a status change of ticket 1 (line 2), one
/// with an unreadable date (line 3), one of rejected ticket 3 (line 4).
const LOGS: &str = "\"id\",\"itemtype\",\"items_id\",\"itemtype_link\",\"linked_action\",\"user_name\",\"date_mod\",\"id_search_option\",\"old_value\",\"new_value\"
\"10\",\"Ticket\",\"1\",\"0\",\"0\",\"Núñez Ana (5)\",\"2026-01-02 11:30:00\",\"12\",\"1\",\"2\"
\"11\",\"Ticket\",\"1\",\"0\",\"0\",\"Núñez Ana (5)\",\"ayer\",\"12\",\"2\",\"5\"
\"12\",\"Ticket\",\"3\",\"0\",\"0\",\"glpi (2)\",\"2026-01-03 08:00:00\",\"12\",\"1\",\"2\"
";

/// glpi_ticketsatisfactions (gzipped): an answer (line 2), an answer
/// with an unreadable date (line 3), an unanswered survey (line 4).
const SURVEYS: &str = "\"id\",\"tickets_id\",\"type\",\"date_begin\",\"date_answered\",\"satisfaction\",\"comment\"
\"1\",\"1\",\"1\",\"2026-01-09 09:49:40\",\"2026-01-10 10:00:00\",\"5\",\"Excelente atención\"
\"2\",\"1\",\"1\",\"2026-01-09 09:49:40\",\"10/10/2026 99:99\",\"4\",
\"3\",\"4\",\"1\",\"2026-01-09 09:49:40\",,,
";

/// The dumps above in `dir`, each in its own encoding and wrapping:
/// glpi_users (Windows-1252) zipped, glpi_tickets_users plain.
fn write_dumps(dir: &Path) -> Vec<PathBuf> {
    let users = "\"id\",\"name\",\"realname\",\"firstname\"\n\"5\",\"jmartinez\",\"Martínez\",\"José\"\n";
    let links = "\"id\",\"tickets_id\",\"users_id\",\"type\"\n\"1\",\"1\",\"5\",\"2\"\n";
    let files: [(&str, Vec<u8>); 5] = [
        ("glpi_tickets.csv", cp1252(TICKETS)),
        ("glpi_logs_ticket.csv", LOGS.as_bytes().to_vec()),
        ("glpi_ticketsatisfactions.csv.gz", gzip(SURVEYS.as_bytes())),
        ("glpi_users.zip", zip_one("glpi_users.csv", &cp1252(users))),
        ("glpi_tickets_users.csv", links.as_bytes().to_vec()),
    ];
    files
        .into_iter()
        .map(|(name, bytes)| {
            let p = dir.join(name);
            std::fs::write(&p, bytes).unwrap();
            p
        })
        .collect()
}

#[test]
fn glpi_tables_decode_windows_1252_and_reject_bad_dates_row_by_row() {
    let dir = tempdir("hostile-glpi-tables");
    let out = ingest_tables(write_dumps(&dir));
    let stats: Vec<(&str, &str, u64, u64, u64, u64)> = out
        .files
        .iter()
        .map(|f| {
            let n = (f.name.as_str(), f.encoding.as_str());
            (n.0, n.1, f.read, f.accepted, f.rejected, f.merged)
        })
        .collect();
    assert_eq!(
        stats,
        [
            ("glpi_tickets.csv", "windows-1252", 5, 1, 4, 0),
            ("glpi_logs_ticket.csv", "utf-8", 3, 1, 2, 0),
            // The unanswered survey of rejected ticket 4 is read and
            // accepted as no answer, as any unanswered survey.
            ("glpi_ticketsatisfactions.csv.gz", "utf-8", 3, 2, 1, 0),
            ("glpi_tickets_users.csv", "utf-8", 1, 1, 0, 0),
            ("glpi_users.zip", "windows-1252", 1, 1, 0, 0),
        ]
    );
    let rejects: Vec<(&str, u64, &str, &str)> = out
        .rejects
        .iter()
        .map(|r| {
            (r.file.as_str(), r.line, r.column.as_str(), r.value.as_str())
        })
        .collect();
    assert_eq!(
        rejects,
        [
            ("glpi_tickets.csv", 3, "date", ""),
            ("glpi_tickets.csv", 4, "date", "2/01/2026 11:22"),
            ("glpi_tickets.csv", 5, "solvedate", "mañana"),
            ("glpi_tickets.csv", 6, "is_deleted", "1"),
            ("glpi_logs_ticket.csv", 3, "date_mod", "ayer"),
            ("glpi_logs_ticket.csv", 4, "items_id", "3"),
            (
                "glpi_ticketsatisfactions.csv.gz",
                3,
                "date_answered",
                "10/10/2026 99:99"
            ),
        ]
    );
    assert_eq!(out.rejects[0].reason, "falta la fecha de apertura");
    assert_eq!(
        out.rejects[1].reason,
        "fecha ilegible: GLPI escribe AAAA-MM-DD HH:MM:SS (2026-01-02 11:22:21); corrija la celda o vuelva a exportar la tabla sin abrirla en Excel (que cambia el formato de las fechas)"
    );
    assert_eq!(
        out.rejects[5].reason,
        "cambio de estado de un ticket que no está en glpi_tickets (o borrado, o rechazado)"
    );
    // The one ticket kept, its Windows-1252 letters decoded.
    assert_eq!(out.tickets.len(), 1);
    let col = |n: &str| {
        let i = out.ticket_columns.iter().position(|c| c == n).unwrap();
        &*out.tickets[0].values[i - 2]
    };
    assert_eq!(col("title"), "Impresora de Martínez");
    assert_eq!(col("assignee"), "Martínez José");
    // Its derived initial status and its one readable change, whose
    // actor comes from the UTF-8 dump.
    let ev: Vec<(&str, &str, &str)> = out
        .events
        .iter()
        .map(|e| (&*e.ticket_id, &*e.status, &*e.extra[3]))
        .collect();
    assert_eq!(ev, [("1", "1", ""), ("1", "2", "Núñez Ana (5)")]);
    assert_eq!(out.surveys.len(), 1);
    assert_eq!(out.surveys[0].comment, "Excelente atención");
}

/// The same dumps through `plazo ingest`: exit 0, the rejects written
/// with their file, line, column and value.
#[test]
fn glpi_tables_cli_writes_the_rejects_and_goes_on() {
    let dir = tempdir("hostile-glpi-tables-cli");
    let files = write_dumps(&dir);
    let mut args = vec![
        "ingest",
        "--source",
        "glpi-tables",
        "--timezone",
        "America/Bogota",
        "--out",
        "out",
        "--input",
    ];
    let names: Vec<String> =
        files.iter().map(|f| f.display().to_string()).collect();
    args.extend(names.iter().map(String::as_str));
    let (code, _, err) = run(&dir, &args);
    assert_eq!(code, 0, "{err}");
    assert!(err.contains("glpi_tickets.csv (glpi_tickets, windows-1252): 5 filas leídas, 1 aceptadas, 4 rechazadas, 0 duplicadas fusionadas"), "{err}");
    let rejects =
        std::fs::read_to_string(dir.join("out/rejects.csv")).unwrap();
    assert!(
        rejects.contains("glpi_tickets.csv,5,solvedate,mañana,"),
        "{rejects}"
    );
    assert_eq!(rejects.lines().count(), 1 + 7);
}

/// `n` bytes of `x`.
fn xs(n: usize) -> Vec<u8> {
    vec![b'x'; n]
}

/// All rows of an export read through the common reader.
fn rows_of(input: &mut CsvInput) -> Vec<plazo::io::csv::Row> {
    let mut rows = Vec::new();
    while let Some(r) = input.next_row().unwrap() {
        rows.push(r);
    }
    rows
}

#[test]
fn a_row_over_the_size_limit_is_an_error_naming_line_and_column() {
    // A quote left open on line 3: the rest of the file is one cell.
    let mut text = b"ID;T\xc3\xadtulo\n1;ok\n2;\"abierta\n".to_vec();
    text.extend(xs(200));
    let small = Limits {
        row_bytes: 100,
        columns: 10,
    };
    let mut input =
        CsvInput::from_bytes_limited("x.csv", text, Encoding::Auto, small)
            .unwrap();
    assert_eq!(input.next_row().unwrap().unwrap().fields, ["1", "ok"]);
    let e = input.next_row().unwrap_err();
    assert_eq!(
        e.message(Lang::En),
        "x.csv:3: the row passes the limit of 100 bytes (column 2 (Título)); this is nearly always a quote (\") that opens a field and is never closed, so the rest of the file reads as one cell: fix that line or export again"
    );
    assert_eq!(e.exit_code(), 2);
    assert_eq!(Limits::DEFAULT.row_bytes, 16 << 20);
}

/// A genuine 100 MB field through `plazo ingest`: stopped at the 16 MiB
/// limit with the line and column, exit 2.
#[test]
fn a_100_mb_field_stops_ingest_at_the_limit() {
    let dir = tempdir("hostile-100mb");
    let path = dir.join("export.csv");
    {
        let mut f =
            std::io::BufWriter::new(std::fs::File::create(&path).unwrap());
        f.write_all(b"ID;Fecha de Apertura;Estado\n1;2026-01-02 08:00;\"")
            .unwrap();
        let chunk = xs(1 << 20);
        for _ in 0..100 {
            f.write_all(&chunk).unwrap();
        }
        f.write_all(b"\"\n").unwrap();
    }
    let (code, _, err) = run(
        &dir,
        &[
            "--lang",
            "en",
            "ingest",
            "--source",
            "glpi-csv",
            "--timezone",
            "America/Bogota",
            "--input",
            "export.csv",
            "--out",
            "out",
        ],
    );
    std::fs::remove_file(&path).unwrap();
    assert_eq!(code, 2, "{err}");
    assert!(
        err.contains("export.csv:2: the row passes the limit of 16 MiB (column 3 (Estado)); this is nearly always a quote"),
        "{err}"
    );
    assert!(!dir.join("out/tickets.csv").exists());
}

#[test]
fn a_line_of_a_million_columns_is_an_error() {
    let mut text = b"a,b\n".to_vec();
    text.extend(b",".repeat(1_000_000));
    text.push(b'\n');
    let mut input =
        CsvInput::from_bytes("w.csv", text, Encoding::Auto, None).unwrap();
    let e = input.next_row().unwrap_err();
    assert_eq!(
        e.message(Lang::Es),
        "w.csv:2: la fila tiene más de 16384 columnas (el máximo de Excel), separadas por \",\"; revise que el archivo sea una tabla y que su separador sea ese, o páselo en el mapeo ([input] separator)"
    );
    assert_eq!(e.exit_code(), 2);
}

#[test]
fn a_file_of_only_a_header_says_0_rows() {
    let dir = tempdir("hostile-header-only");
    std::fs::write(dir.join("solo.csv"), "ID;Fecha de Apertura;Estado\r\n")
        .unwrap();
    let (code, _, err) = run(
        &dir,
        &[
            "ingest",
            "--source",
            "glpi-csv",
            "--timezone",
            "America/Bogota",
            "--input",
            "solo.csv",
            "--out",
            "out",
        ],
    );
    // Nothing to measure: exit 1 (docs/ROBUSTNESS.md, "Runs that must
    // not pass quietly"), after the file's own line says why.
    assert_eq!(code, 1, "{err}");
    assert!(
        err.contains(
            "plazo: nada que medir: ningún ticket aceptado de 0 filas leídas"
        ),
        "{err}"
    );
    let lines: Vec<&str> = err.lines().take(2).collect();
    assert_eq!(
        lines,
        [
            "solo.csv (tickets, utf-8): 0 filas leídas, 0 aceptadas, 0 rechazadas, 0 duplicadas fusionadas",
            "solo.csv: 0 filas de datos: no trae ningún registro; revise el filtro o el periodo con que se exportó o consultó",
        ]
    );
}

#[test]
fn a_bom_in_the_middle_rejects_the_repeated_header_and_reads_on() {
    // Two UTF-8 exports joined with `copy /b a.csv+b.csv`: the second
    // one's BOM and header land on line 3.
    let text =
        b"\xef\xbb\xbfID;Estado\n1;Nuevo\n\xef\xbb\xbfID;Estado\n2;Cerrado\n";
    let mut input =
        CsvInput::from_bytes("j.csv", text.to_vec(), Encoding::Auto, None)
            .unwrap();
    let rows = rows_of(&mut input);
    let got: Vec<(u64, Vec<String>, Option<&str>)> = rows
        .iter()
        .map(|r| {
            let p = r.problem.as_ref().map(|p| p.0.as_str());
            (r.line, r.fields.clone(), p)
        })
        .collect();
    let v = |a: &str, b: &str| vec![a.to_string(), b.to_string()];
    assert_eq!(
        got,
        [
            (2, v("1", "Nuevo"), None),
            (
                3,
                v("ID", "Estado"),
                Some(
                    "la fila repite el encabezado: ¿dos exportaciones unidas en un archivo? Las filas siguientes se leen"
                )
            ),
            (4, v("2", "Cerrado"), None),
        ]
    );
}

#[test]
fn mixed_line_endings_keep_rows_and_line_numbers() {
    // CRLF, LF, a lone CR (old Mac), a CR inside a quoted cell, CRLF.
    let text = b"ID;Estado\r\n1;a\n2;b\r3;\"c\rd\"\r\n4;e";
    let mut input =
        CsvInput::from_bytes("m.csv", text.to_vec(), Encoding::Auto, None)
            .unwrap();
    let got: Vec<(u64, Vec<String>)> = rows_of(&mut input)
        .into_iter()
        .map(|r| (r.line, r.fields))
        .collect();
    let v = |a: &str, b: &str| vec![a.to_string(), b.to_string()];
    assert_eq!(
        got,
        [
            (2, v("1", "a")),
            (3, v("2", "b")),
            (4, v("3", "c\rd")),
            (5, v("4", "e")),
        ]
    );
    // The same in a table dump (read whole, CRLF kept inside cells).
    let dir = tempdir("hostile-endings");
    let p = dir.join("glpi_tickets.csv");
    std::fs::write(&p, text).unwrap();
    let mut records = Records::dump(&p).unwrap();
    let mut r = plazo::io::csv::Record::new();
    let mut lines = Vec::new();
    while let Some(line) = records.next(&mut r).unwrap() {
        lines.push((line, r.get(1).unwrap().to_string()));
    }
    let want: Vec<(u64, String)> = [(2, "a"), (3, "b"), (4, "c\rd"), (5, "e")]
        .map(|(l, s)| (l, s.to_string()))
        .to_vec();
    assert_eq!(lines, want);
}

#[test]
fn nul_bytes_reject_the_row_of_an_export_and_stop_a_dump() {
    let text = b"ID;Estado\n1;Nuevo\n2;Cer\0rado\n3;Cerrado\n";
    let mut input =
        CsvInput::from_bytes("n.csv", text.to_vec(), Encoding::Auto, None)
            .unwrap();
    let problems: Vec<(u64, Option<String>)> = rows_of(&mut input)
        .into_iter()
        .map(|r| (r.line, r.problem.map(|p| p.1)))
        .collect();
    let nul = "the row holds NUL bytes: the file is damaged or mixes in another encoding; export it again";
    assert_eq!(problems, [(2, None), (3, Some(nul.to_string())), (4, None)]);
    let dir = tempdir("hostile-nul");
    let p = dir.join("glpi_logs.csv");
    std::fs::write(&p, text).unwrap();
    let e = Records::dump(&p).err().unwrap();
    assert_eq!(
        e.message(Lang::En),
        format!(
            "{}:3: the line holds NUL bytes: the file is damaged or is not text; export the table again",
            p.display()
        )
    );
}

/// `text` as Excel's "Unicode text": UTF-16LE with its byte order mark.
fn utf16le(text: &str) -> Vec<u8> {
    let mut out = vec![0xff, 0xfe];
    for u in text.encode_utf16() {
        out.extend_from_slice(&u.to_le_bytes());
    }
    out
}

#[test]
fn an_excel_unicode_text_export_is_read() {
    // GLPI's search export saved by Excel as "Unicode text": tab
    // separated, CRLF, UTF-16LE with a BOM.
    let text = "ID\tTítulo\tEstado\tFecha de Apertura\r\n7\tImpresora de Martínez\tNuevo\t2026-01-02 08:00\r\n";
    let mut input =
        CsvInput::from_bytes("u.txt", utf16le(text), Encoding::Auto, None)
            .unwrap();
    assert_eq!(input.encoding, Encoding::Utf16Le);
    assert_eq!(input.separator, b'\t');
    assert_eq!(
        input.header,
        ["ID", "Título", "Estado", "Fecha de Apertura"]
    );
    let rows = rows_of(&mut input);
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0].line, 2);
    assert_eq!(
        rows[0].fields,
        ["7", "Impresora de Martínez", "Nuevo", "2026-01-02 08:00"]
    );
    // Through `plazo ingest`, the summary names the encoding.
    let dir = tempdir("hostile-utf16");
    std::fs::write(dir.join("u.txt"), utf16le(text)).unwrap();
    let (code, _, err) = run(
        &dir,
        &[
            "ingest",
            "--source",
            "glpi-csv",
            "--timezone",
            "America/Bogota",
            "--input",
            "u.txt",
            "--out",
            "out",
        ],
    );
    assert_eq!(code, 0, "{err}");
    assert!(
        err.starts_with("u.txt (tickets, utf-16le): 1 filas leídas, 1 aceptadas, 0 rechazadas"),
        "{err}"
    );
    let tickets =
        std::fs::read_to_string(dir.join("out/tickets.csv")).unwrap();
    assert!(tickets.contains("Impresora de Martínez"), "{tickets}");
}

#[test]
fn a_broken_table_given_back_is_an_input_error_with_the_fix() {
    let dir = tempdir("hostile-table");
    let csv = dir.join("tickets.csv");
    std::fs::write(&csv, "ticket_id,opened_at\n1,2026-01-02\n2\n").unwrap();
    let e = plazo::model::write::csv_to_parquet(&csv, &dir.join("t.parquet"))
        .unwrap_err();
    assert_eq!(
        e.message(Lang::Es),
        format!(
            "{}:3: tabla ilegible: se esperaban 2 campos y hay 1; una tabla de plazo tiene una fila de encabezados y en cada fila los mismos campos, separados por comas: corrija esa línea (comillas o comas de más o de menos) o vuelva a generar la tabla con plazo ingest",
            csv.display()
        )
    );
    assert_eq!(e.exit_code(), 2);
}

#[test]
fn an_unreadable_holiday_date_shows_the_value_not_its_option() {
    let dir = tempdir("hostile-holiday");
    let w = |name: &str, text: &str| {
        let p = dir.join(name);
        std::fs::write(&p, text).unwrap();
        plazo::source::glpi::Dump::read(&p).unwrap()
    };
    let cals = w("glpi_calendars.csv", "\"id\",\"name\"\n\"2\",\"Laboral\"\n");
    let segs = w(
        "glpi_calendarsegments.csv",
        "\"id\",\"calendars_id\",\"day\",\"begin\",\"end\"\n\"1\",\"2\",\"1\",\"08:00:00\",\"17:00:00\"\n",
    );
    let links = w(
        "glpi_calendars_holidays.csv",
        "\"id\",\"calendars_id\",\"holidays_id\"\n\"1\",\"2\",\"1\"\n\"2\",\"2\",\"2\"\n",
    );
    let import = |holidays: &str| {
        let h = w("glpi_holidays.csv", holidays);
        plazo::source::glpi::calendar_toml(
            &cals,
            &segs,
            &h,
            &links,
            "2",
            2026..=2026,
        )
        .unwrap_err()
    };
    let head = "\"id\",\"name\",\"begin_date\",\"end_date\",\"is_perpetual\"\n\"1\",\"Año Nuevo\",\"2026-01-01\",\"2026-01-01\",\"1\"\n";
    let e = import(&format!(
        "{head}\"2\",\"Reyes\",\"2026-02-30\",\"2026-01-12\",\"0\"\n"
    ));
    let file = dir.join("glpi_holidays.csv").display().to_string();
    assert_eq!(
        e.message(Lang::En),
        format!(
            "{file}:3: begin_date is not a date: \"2026-02-30\"; GLPI writes it YYYY-MM-DD (2026-12-25): fix the cell or export glpi_holidays again"
        )
    );
    assert_eq!(e.exit_code(), 2);
    let e = import(&format!("{head}\"2\",\"Reyes\",\"2026-01-12\",,\"0\"\n"));
    assert_eq!(
        e.message(Lang::Es),
        format!(
            "{file}:3: end_date no es una fecha: (celda vacía); GLPI la escribe AAAA-MM-DD (2026-12-25): corrija la celda o vuelva a exportar glpi_holidays"
        )
    );
}

#[test]
fn utf16_canonical_tables_and_dumps_are_read_and_declared_encodings_checked() {
    let dir = tempdir("hostile-utf16-tables");
    // A canonical table saved by Excel as "Unicode text".
    let t = dir.join("tickets.txt");
    let text =
        "ticket_id\topened_at\ttitle\r\n7\t2026-01-02 08:00\tMartínez\r\n";
    std::fs::write(&t, utf16le(text)).unwrap();
    let mut records = Records::canonical(&t).unwrap();
    assert_eq!(records.headers(), ["ticket_id", "opened_at", "title"]);
    let mut r = plazo::io::csv::Record::new();
    assert_eq!(records.next(&mut r).unwrap(), Some(2));
    assert_eq!(&r[2], "Martínez");
    // A table dump in UTF-16.
    let d = dir.join("glpi_users.csv");
    std::fs::write(&d, utf16le("id,realname\n5,Martínez\n")).unwrap();
    let dump = plazo::source::glpi::Dump::read(&d).unwrap();
    assert_eq!(dump.encoding, Encoding::Utf16Le);
    assert_eq!(dump.get(0, "realname"), Some("Martínez"));
    // A Windows-1252 dump declared UTF-8 (`--encoding utf-8`): the line
    // of the first byte that is not, instead of a guess.
    let files = write_dumps(&dir);
    let e = plazo::source::glpi::Tables::load_as(&files, Encoding::Utf8)
        .unwrap_err();
    assert_eq!(
        e.message(Lang::En),
        format!(
            "{}:2: the file is UTF-8 but this line has a byte that is not; fix that line or save the file as \"CSV UTF-8\"",
            files[0].display()
        )
    );
    // A NUL byte in a canonical table: an error naming its line.
    let c = dir.join("events.csv");
    std::fs::write(
        &c,
        "ticket_id,at,status\n7,2026-01-02 08:00,1\n7,2026-01-02 09:00,\0\n",
    )
    .unwrap();
    let mut records = Records::canonical(&c).unwrap();
    assert_eq!(records.next(&mut r).unwrap(), Some(2));
    let e = records.next(&mut r).unwrap_err();
    assert_eq!(
        e.message(Lang::Es),
        format!(
            "{}:3: la línea tiene bytes NUL: el archivo está dañado o no es texto; vuelva a exportar la tabla",
            c.display()
        )
    );
}
