//! Inputs the fuzz targets (`fuzz/`, docs/ROBUSTNESS.md "Fuzzing") found
//! crashing, hanging or exhausting memory, inlined as bytes, each with
//! what plazo must do with it instead. One test per finding.

use plazo::io::input::Input;
use plazo::source::glpi::{Dump, calendar_toml, slas_toml};
use plazo::text::lang::Lang;

fn dump(name: &str, text: &str) -> Dump {
    Dump::read(Input::Bytes {
        name,
        bytes: text.as_bytes(),
    })
    .unwrap()
}

/// glpi_import: an SLA name with a quote (`TTO "urgente"`) or a line
/// break was written between quotes as it stood, so `plazo policy
/// import-glpi-slas` printed rules that are not TOML (or, with a crafted
/// name, rules other than GLPI's). Names and ids are now TOML strings.
#[test]
fn sla_names_with_quotes_and_line_breaks_stay_toml_strings() {
    let slas = dump(
        "glpi_slas.csv",
        "\"id\",\"name\",\"type\",\"number_time\",\"definition_time\",\"slms_id\"\n\
         \"1\",\"TTO \"\"urgente\"\"\",\"1\",\"1\",\"hour\",\"1\"\n\
         \"2\",\"TTR\nresponse = \"\"0m\"\"\",\"0\",\"2\",\"day\",\"1\"\n\
         \"3\",\"a\\b\",\"0\",\"30\",\"minute\",\"2\"\n",
    );
    let (out, _) = slas_toml(&slas, Lang::Es).unwrap();
    let doc: toml::Table =
        toml::from_str(&out).unwrap_or_else(|e| panic!("{e}\n{out}"));
    let targets = doc["targets"].as_array().unwrap();
    // One TTO x TTR pair in SLM 1, then each SLA alone: 1 + 1 + 2.
    let names: Vec<&str> = targets
        .iter()
        .map(|t| t["name"].as_str().unwrap())
        .collect();
    assert_eq!(
        names,
        [
            "TTO \"urgente\" + TTR\nresponse = \"0m\"",
            "TTO \"urgente\"",
            "TTR\nresponse = \"0m\"",
            "a\\b"
        ]
    );
    // The name did not add a key: the pair keeps GLPI's 1 h and 2 days.
    assert_eq!(targets[0]["response"].as_str(), Some("1h"));
    assert_eq!(targets[0]["resolution"].as_str(), Some("2bd"));
    assert_eq!(targets[3]["where"]["slas_id_ttr"].as_str(), Some("3"));
}

/// glpi_import: a holiday name with a line break (a multi-line cell)
/// ended the comment after its date and spilled into the table, so
/// `plazo calendar import-glpi` printed a calendar that is not TOML.
#[test]
fn holiday_names_with_line_breaks_stay_in_their_comment() {
    let cals = dump("glpi_calendars.csv", "id,name\n2,Laboral\n");
    let segs = dump(
        "glpi_calendarsegments.csv",
        "id,calendars_id,day,begin,end\n1,2,1,07:00:00,12:00:00\n",
    );
    let hols = dump(
        "glpi_holidays.csv",
        "id,name,begin_date,end_date,is_perpetual\n\
         1,\"Año Nuevo\nmon = [\"\"00:00-24:00\"\"]\",2026-01-01,2026-01-01,0\n",
    );
    let links = dump(
        "glpi_calendars_holidays.csv",
        "id,calendars_id,holidays_id\n1,2,1\n",
    );
    let out =
        calendar_toml(&cals, &segs, &hols, &links, "2", 2026..=2026).unwrap();
    let doc: toml::Table =
        toml::from_str(&out).unwrap_or_else(|e| panic!("{e}\n{out}"));
    let cal = &doc["calendar"];
    assert_eq!(cal["extra_closed_days"].as_array().unwrap().len(), 1);
    assert_eq!(cal["extra_closed_days"][0].as_str(), Some("2026-01-01"));
    // Only Monday's real segment: the name added no hours.
    let hours = cal["hours"].as_table().unwrap();
    assert_eq!(hours.keys().collect::<Vec<_>>(), ["mon"]);
    assert_eq!(hours["mon"][0].as_str(), Some("07:00-12:00"));
    assert!(
        out.contains("# Año Nuevo mon = [\"00:00-24:00\"]\n"),
        "{out}"
    );
}

/// time: the fast reader of the canonical tables (`InstantReader`) and
/// `Instant::parse` (CLI, policy, sources' ISO columns) disagreed: the
/// reader took `-0500`, a `T` without seconds before an offset and a
/// decimal comma that the parser refused, and took offsets of 99 hours.
/// The same text now reads the same everywhere; offsets beyond 23:59 are
/// refused by both.
#[test]
fn instant_reader_and_parser_agree() {
    use plazo::time::{Instant, InstantReader};
    let tz: chrono_tz::Tz = "America/Bogota".parse().unwrap();
    // 2026-04-30 15:00:00 UTC = 10:00 in Bogotá (UTC-5, no DST).
    let t = 1_777_561_200;
    let same = [
        ("2026-04-30T10:00-05:00", t),
        ("2026-04-30T10:00:00-0500", t),
        ("2026-04-30 10:00:00,25", t),
        ("2026-04-30 10:00+00:00", t - 5 * 3600),
        ("2026-04-30T15:00Z", t),
        ("2026-04-30 10:00", t),
    ];
    for (text, want) in same {
        let mut r = InstantReader::new(tz);
        assert_eq!(
            r.read(text).map(Instant::unix).ok(),
            Some(want),
            "reader: {text}"
        );
        assert_eq!(
            Instant::parse(text, tz).map(Instant::unix).ok(),
            Some(want),
            "parse: {text}"
        );
    }
    for text in [
        "2026-04-30 10:00+99:99",
        "2026-04-30T10:00:00+24:00",
        "2026-04-30 10:00-05:60",
    ] {
        let mut r = InstantReader::new(tz);
        assert!(r.read(text).is_err(), "reader took {text}");
        assert!(Instant::parse(text, tz).is_err(), "parse took {text}");
    }
}

/// glpi_tables (the input kept in fuzz/open until this fix): a ticket
/// opened in 1822 (a typo in a hand-edited dump) made the evaluation walk
/// two centuries of calendar, 5.5 s for one ticket. A date outside
/// 1970..2099 is now a reject naming its line, column and value, in the
/// dumps, the canonical tables and on the command line.
#[test]
fn a_date_two_centuries_back_is_a_reject_not_a_slow_ticket() {
    use crate::util::{plazo, tempdir};
    let dir = tempdir("fuzz-1822");
    std::fs::write(
        dir.join("glpi_tickets.csv"),
        "\"id\",\"name\",\"date\",\"solvedate\",\"status\"\n\
         \"1\",\"Impresora\",\"1822-01-02 09:00:00\",\"2026-01-02 15:30:00\",\"5\"\n\
         \"2\",\"Equipo\",\"2026-01-03 08:10:00\",,\"2\"\n",
    )
    .unwrap();
    let o = plazo(
        &dir,
        &[
            "ingest",
            "--source",
            "glpi-tables",
            "--timezone",
            "America/Bogota",
            "--out",
            "out",
            "--input",
            "glpi_tickets.csv",
        ],
    );
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(o.status.success(), "{err}");
    assert!(
        err.contains("2 filas leídas, 1 aceptadas, 1 rechazadas"),
        "{err}"
    );
    let rejects =
        std::fs::read_to_string(dir.join("out/rejects.csv")).unwrap();
    assert!(
        rejects.contains(
            "glpi_tickets.csv,2,date,1822-01-02 09:00:00,\
             fecha fuera del rango admitido (1970 a 2099): revise el año"
        ),
        "{rejects}"
    );
    // The canonical tables: the same reject from the loader.
    std::fs::write(
        dir.join("tickets.csv"),
        "ticket_id,opened_at\nA,2026-01-05 08:00\nB,2150-01-05 08:00\n",
    )
    .unwrap();
    std::fs::write(dir.join("events.csv"), "ticket_id,at,status\n").unwrap();
    std::fs::write(
        dir.join("p.toml"),
        "name = \"t\"\ntimezone = \"America/Bogota\"\n[calendar]\nholidays = [\"co\"]\n\
         [calendar.hours]\nmon = [\"08:00-17:00\"]\n\
         [states]\nnew = [\"Nuevo\"]\nopen = [\"En curso\"]\n\
         solved = [\"Resuelto\"]\nclosed = [\"Cerrado\"]\n",
    )
    .unwrap();
    let o = plazo(
        &dir,
        &[
            "--lang",
            "en",
            "sla",
            "--policy",
            "p.toml",
            "--tickets",
            "tickets.csv",
            "--events",
            "events.csv",
            "--cutoff",
            "2026-02-01 00:00",
            "--out",
            "sla.csv",
        ],
    );
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(o.status.success(), "{err}");
    let rejects =
        std::fs::read_to_string(dir.join("sla.rejects.csv")).unwrap();
    assert!(
        rejects.contains(
            "tickets.csv,3,opened_at,2150-01-05 08:00,\
             date outside the accepted range (1970 to 2099): check the year"
        ),
        "{rejects}"
    );
    // On the command line, an error naming the text.
    let tz: chrono_tz::Tz = "America/Bogota".parse().unwrap();
    let e = plazo::time::Instant::parse("1822-01-02 09:00", tz)
        .unwrap_err()
        .to_string();
    assert!(e.contains("(1970 a 2099): \"1822-01-02 09:00\""), "{e}");
    assert!(plazo::time::Instant::parse("1970-01-01 00:00Z", tz).is_ok());
    assert!(plazo::time::Instant::parse("2099-12-31 23:59:59Z", tz).is_ok());
    assert!(plazo::time::Instant::parse("2100-01-01 00:00Z", tz).is_err());
}
