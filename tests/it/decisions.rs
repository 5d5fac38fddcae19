//! The committee's decisions (`--decisions`, `--restate`, issue 16 part
//! 3): a waiver takes one measure of one ticket out of that measure's
//! compliance indicator and nothing else; the dating rule; accepted and
//! disputed decisions change no figure; the reader's errors; the
//! "Decisiones" sheet, the breach sheet's column and Metodología; the
//! `plazo run` keys. Expected counts are taken from `sla.csv` (or the
//! per-ticket rows) with the filters of docs/CONTRACT.md §5.2 written
//! here again, not from the indicator code.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use calamine::{Data, Reader, Xlsx, open_workbook};
use plazo::indicators::decisions::Book;
use plazo::io::csv::CsvInput;
use plazo::io::encoding::Encoding;
use plazo::model::decisions::{Decision, read_from};

use crate::util::{
    Evaluated, folder_command, plazo, read_rows, root, run, tempdir,
};

type Row = BTreeMap<String, String>;

/// (met, counted) of a measure (`response` / `resolution`) in `month`
/// (`2026-10`) from `sla.csv` rows: tickets with no exclusion whose
/// measure finished in the month with a verdict; a "Sin solución"
/// answer is no solution. `keep` filters the tickets further.
fn counts(
    rows: &[Row],
    measure: &str,
    month: &str,
    keep: impl Fn(&Row) -> bool,
) -> (u64, u64) {
    let at = if measure == "response" {
        "responded_at"
    } else {
        "solved_at"
    };
    let met = format!("{measure}_met");
    let sel: Vec<&Row> = rows
        .iter()
        .filter(|r| {
            r["excluded_reason"].is_empty()
                && r[at].starts_with(month)
                && (measure == "response" || r["outcome"] != "unresolved")
                && (r[&met] == "true" || r[&met] == "false")
                && keep(r)
        })
        .collect();
    let n_met = sel.iter().filter(|r| r[&met] == "true").count();
    (n_met as u64, sel.len() as u64)
}

/// The `indicators.csv` row (numerator, denominator) of `indicator` for
/// a dimension and group.
fn parts(rows: &[Row], dim: &str, group: &str, indicator: &str) -> (u64, u64) {
    let r = rows
        .iter()
        .find(|r| {
            r["dimension"] == dim
                && r["group"] == group
                && r["indicator"] == indicator
        })
        .unwrap_or_else(|| panic!("no {dim}/{group}/{indicator}"));
    (
        r["numerator"].parse::<f64>().unwrap() as u64,
        r["denominator"].parse().unwrap(),
    )
}

/// `plazo report` on the Víctimas sample for October 2026 with `extra`
/// arguments; the output folder.
fn report(name: &str, extra: &[&str]) -> PathBuf {
    let dir = tempdir(name);
    let out = dir.join("out");
    let mut e = vec!["--period", "2026-10", "--out", out.to_str().unwrap()];
    e.extend_from_slice(extra);
    let args = folder_command("report", &root().join("samples/victimas"), &e);
    let a: Vec<&str> = args.iter().map(String::as_str).collect();
    let o = plazo(&dir, &a);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    out
}

/// A decisions file in `dir` with `rows` under the header.
fn decisions_file(dir: &Path, rows: &str) -> PathBuf {
    let p = dir.join("decisions.csv");
    std::fs::write(
        &p,
        format!("ticket,measure,decision,reason,who,date\n{rows}"),
    )
    .unwrap();
    p
}

/// Decisions read from `text` against the sample's tickets.
fn read(ev: &Evaluated, text: &str) -> plazo::Result<Vec<Decision>> {
    let input = CsvInput::from_bytes(
        "decisiones.csv",
        text.as_bytes().to_vec(),
        Encoding::Auto,
        None,
    )?;
    read_from(input, &ev.ds)
}

/// UV-9287 (Alta; opened Fri 2 Oct 00:17, responded 16:15 and solved
/// 16:41 the same day, both past their targets): its resolution waived
/// leaves the resolution indicator with one ticket less in the
/// denominator, the same numerator; its response, breached too, stays.
#[test]
fn waiving_one_measure_changes_only_its_indicator() {
    let base = report("dec-base", &[]);
    let sla = read_rows(&base.join("sla.csv"));
    let t = sla.iter().find(|r| r["ticket_id"] == "UV-9287").unwrap();
    assert_eq!(
        (t["response_met"].as_str(), t["resolution_met"].as_str()),
        ("false", "false")
    );
    assert_eq!(t["priority"], "Alta");
    let all = |_: &Row| true;
    let alta = |r: &Row| r["priority"] == "Alta";
    let (res_met, res_n) = counts(&sla, "resolution", "2026-10", all);
    let (resp_met, resp_n) = counts(&sla, "response", "2026-10", all);
    let (alta_met, alta_n) = counts(&sla, "resolution", "2026-10", alta);
    // The sample's own figures, as README states them: 204/271, 229/269.
    assert_eq!((res_met, res_n, resp_met, resp_n), (204, 271, 229, 269));

    let dir = tempdir("dec-one");
    let file = decisions_file(
        &dir,
        "UV-9287,resolution,waived,Falla externa,Comité,2026-10-20\n",
    );
    let out = report("dec-one-run", &["--decisions", file.to_str().unwrap()]);
    let ind = read_rows(&out.join("indicators.csv"));
    assert_eq!(
        parts(&ind, "all", "all", "resolution_compliance_pct"),
        (res_met, res_n - 1)
    );
    assert_eq!(
        parts(&ind, "all", "all", "response_compliance_pct"),
        (resp_met, resp_n)
    );
    assert_eq!(
        parts(&ind, "priority", "Alta", "resolution_compliance_pct"),
        (alta_met, alta_n - 1)
    );
    // Nothing else moves: every other row of indicators.csv is as before.
    let before = read_rows(&base.join("indicators.csv"));
    let changed: Vec<String> = before
        .iter()
        .zip(&ind)
        .filter(|(a, b)| a != b)
        .map(|(a, _)| {
            format!("{}/{}/{}", a["dimension"], a["group"], a["indicator"])
        })
        .collect();
    let group = &t["group"];
    let who = &t["assignee"];
    let cat = &t["category"];
    let ty = &t["type"];
    let channel = &t["channel"];
    let mut expected: Vec<String> = [
        "all/all".to_string(),
        "priority/Alta".to_string(),
        format!("category/{cat}"),
        format!("type/{ty}"),
        format!("group/{group}"),
        format!("assignee/{who}"),
        format!("channel/{channel}"),
    ]
    .iter()
    .map(|g| format!("{g}/resolution_compliance_pct"))
    .collect();
    expected.sort();
    let mut changed = changed;
    changed.sort();
    assert_eq!(changed, expected);
    // The per-ticket table is not touched.
    assert_eq!(
        std::fs::read(base.join("sla.csv")).unwrap(),
        std::fs::read(out.join("sla.csv")).unwrap()
    );
}

/// The dating rule. UV-8884's resolution (solved 2 September, breached)
/// waived on 15 October: the October report's September figures
/// (previous period and trend) keep it; with `--restate` they drop it.
/// UV-9262's (solved 7 October, breached) waived on 5 November: the
/// October figure keeps it unless `--restate`.
#[test]
fn dating_rule_and_restate() {
    let ev = Evaluated::sample("victimas", "2026-10");
    let text = "ticket,measure,decision,reason,who,date\n\
                UV-8884,resolution,waived,Repuesto,Comité,2026-10-15\n\
                UV-9262,solución,exonerado,Repuesto,Comité,05/11/2026\n";
    let list = read(&ev, text).unwrap();
    // September and October from the per-ticket rows, by hand.
    let sla: Vec<Row> = ev
        .rows
        .iter()
        .map(|r| {
            let t = &ev.ds.tickets[r.ticket as usize];
            let local = |x: Option<i64>| {
                x.map_or(String::new(), |x| {
                    plazo::time::Instant::from_unix(x)
                        .to_rfc3339(ev.policy.tz())
                })
            };
            let met =
                |m: Option<bool>| m.map_or(String::new(), |m| m.to_string());
            [
                ("ticket_id", t.id.to_string()),
                (
                    "excluded_reason",
                    r.excluded.map_or(String::new(), |_| "x".into()),
                ),
                ("responded_at", local(r.responded_at.get())),
                ("solved_at", local(r.solved_at.get())),
                (
                    "outcome",
                    if r.unresolved {
                        "unresolved".into()
                    } else {
                        String::new()
                    },
                ),
                ("response_met", met(r.response_met)),
                ("resolution_met", met(r.resolution_met)),
            ]
            .into_iter()
            .map(|(k, v)| (k.to_string(), v))
            .collect()
        })
        .collect();
    let sep = counts(&sla, "resolution", "2026-09", |_| true);
    let oct = counts(&sla, "resolution", "2026-10", |_| true);
    assert_eq!((sep, oct), ((237, 314), (204, 271)));
    let pair = |l: &plazo::report::Line| {
        let p = l.parts("resolution_compliance_pct");
        (p.num.unwrap() as u64, p.den.unwrap())
    };
    let sep_of = |c: &plazo::report::Context<'_>| {
        let (p, l) = c
            .trend
            .iter()
            .find(|(p, _)| p.label() == "2026-09")
            .unwrap();
        assert_eq!(p.label(), c.period.previous().label());
        (pair(&c.previous[0]), pair(l))
    };

    let dated = ev.context().with_decisions(Book {
        list: list.clone(),
        restate: false,
    });
    assert_eq!(sep_of(&dated), (sep, sep));
    assert_eq!(pair(&dated.lines[0]), oct);
    let oct_trend =
        |c: &plazo::report::Context<'_>| pair(&c.trend.last().unwrap().1);
    assert_eq!(oct_trend(&dated), oct);

    let restated = ev.context().with_decisions(Book {
        list,
        restate: true,
    });
    let sep1 = (sep.0, sep.1 - 1);
    assert_eq!(sep_of(&restated), (sep1, sep1));
    assert_eq!(pair(&restated.lines[0]), (oct.0, oct.1 - 1));
    assert_eq!(oct_trend(&restated), (oct.0, oct.1 - 1));
}

/// Accepted and disputed decisions are listed but change no figure: every
/// line of every dimension, the previous period and the trend are as
/// without them.
#[test]
fn accepted_and_disputed_change_nothing() {
    let ev = Evaluated::sample("victimas", "2026-10");
    let text = "ticket,measure,decision,reason,who,date\n\
                UV-9302,resolution,accepted,Demora reconocida,Comité,2026-10-20\n\
                UV-9310,resolution,en disputa,Espera no registrada,Comité,2026-10-28\n\
                UV-9294,atención,Aceptada,Fuera de canal,Comité,2026-10-01\n";
    let list = read(&ev, text).unwrap();
    assert_eq!(list.len(), 3);
    let plain = ev.context();
    let decided = ev.context().with_decisions(Book {
        list,
        restate: true,
    });
    assert_eq!(plain.lines, decided.lines);
    assert_eq!(plain.previous, decided.previous);
    let trend = |c: &plazo::report::Context<'_>| {
        c.trend.iter().map(|t| t.1.clone()).collect::<Vec<_>>()
    };
    assert_eq!(trend(&plain), trend(&decided));
}

/// Every reader error names the file, line, column and value.
#[test]
fn reader_errors_are_pinned() {
    let ev = Evaluated::sample("victimas", "2026-10");
    let head = "ticket,measure,decision,reason,who,date\n";
    let ok = "UV-9287,resolution,waived,Falla,Comité,2026-10-20\n";
    let cases = [
        (
            format!("{head}{ok}UV-0000,resolution,waived,x,y,2026-10-20\n"),
            "decisiones.csv, línea 3, columna ticket: \"UV-0000\" no está en la tabla de tickets; corrija el identificador o quite la fila",
        ),
        (
            format!("{head}UV-9287,reapertura,waived,x,y,2026-10-20\n"),
            "decisiones.csv, línea 2, columna measure: \"reapertura\" no es una medida; escriba response (o atencion) o resolution (o solucion)",
        ),
        (
            format!("{head}UV-9287,resolution,perdonado,x,y,2026-10-20\n"),
            "decisiones.csv, línea 2, columna decision: \"perdonado\" no es una decisión; escriba accepted (aceptado), disputed (en disputa) o waived (exonerado)",
        ),
        (
            format!("{head}UV-9287,resolution,waived,x,y,2026-13-01\n"),
            "decisiones.csv, línea 2, columna date: \"2026-13-01\" no es una fecha; escriba AAAA-MM-DD (2026-11-04) o DD/MM/AAAA (04/11/2026)",
        ),
        (
            format!("{head}UV-9287,resolution,waived,,y,2026-10-01\n"),
            "decisiones.csv, línea 2, columna reason: vacía; escriba el motivo de la decisión y quién la tomó",
        ),
        (
            format!("{head}{ok}UV-9287,solucion,accepted,x,y,2026-10-21\n"),
            "decisiones.csv, línea 3: UV-9287 ya tiene una decisión sobre resolution en la línea 2; deje una sola",
        ),
        (
            "caso,medida,motivo,quien,fecha\n".to_string(),
            "decisiones.csv: falta la columna decision; el archivo de decisiones lleva las columnas ticket, measure, decision, reason, who, date (o en español caso, medida, decision, motivo, quien, fecha)",
        ),
    ];
    for (text, want) in cases {
        let e = read(&ev, &text).unwrap_err();
        assert_eq!(e.message(plazo::text::lang::Lang::Es), want, "{text}");
        assert_eq!(e.exit_code(), 2);
    }
    // Spanish headers and words, day-first dates.
    let es = "Caso;Medida;Decisión;Motivo;Quién;Fecha\nUV-9287;Solución;Exonerado;Falla;Comité;20/10/2026\n";
    let d = read(&ev, es).unwrap();
    assert_eq!(
        d[0].date,
        chrono::NaiveDate::from_ymd_opt(2026, 10, 20).unwrap()
    );
    assert_eq!(d[0].ticket_id, "UV-9287");
}

/// From the command line: an unknown ticket is exit 2 with the message,
/// in English with `--lang en`; a missing file is named before any table
/// is read.
#[test]
fn command_line_errors() {
    let dir = tempdir("dec-cli");
    let file =
        decisions_file(&dir, "UV-0000,resolution,waived,x,y,2026-10-20\n");
    let data = root().join("samples/victimas");
    let mut args = folder_command(
        "report",
        &data,
        &["--period", "2026-10", "--out", "out"],
    );
    args.extend(["--decisions".to_string(), file.display().to_string()]);
    args.insert(0, "en".into());
    args.insert(0, "--lang".into());
    let a: Vec<&str> = args.iter().map(String::as_str).collect();
    let (code, _, err) = run(&dir, &a);
    assert_eq!(code, 2, "{err}");
    let want = format!(
        "{}, line 2, column ticket: \"UV-0000\" is not in the tickets table; correct the id or remove the row",
        file.display()
    );
    assert!(err.contains(&want), "{err}");
    assert!(!dir.join("out/informe-2026-10.xlsx").exists());
    let (code, _, err) = run(
        &dir,
        &[
            "report",
            "--policy",
            "p.toml",
            "--tickets",
            "t.csv",
            "--events",
            "e.csv",
            "--period",
            "2026-10",
            "--decisions",
            "nada.csv",
            "--out",
            "out",
        ],
    );
    assert_eq!(code, 2);
    assert!(
        err.contains("--decisions nada.csv: no existe o no es un archivo"),
        "{err}"
    );
}

/// A cell as text.
fn text(d: &Data) -> String {
    match d {
        Data::String(s) => s.clone(),
        Data::Empty => String::new(),
        other => other.to_string(),
    }
}

/// The sample's decisions file (samples/victimas/supervision): the
/// "Decisiones" sheet lists each decision with whether it applies in
/// October and why, and its effect worked out from the counts; the
/// breach sheet carries the decisions; Metodología names the file with
/// its SHA-256.
#[test]
fn the_sample_decisions_in_the_workbook() {
    use sha2::{Digest, Sha256};
    let file = root().join("samples/victimas/supervision/decisions.csv");
    let out = report("dec-sample", &["--decisions", file.to_str().unwrap()]);
    let ind = read_rows(&out.join("indicators.csv"));
    // UV-9287's resolution and UV-9294's response (both October
    // breaches) waived on 20 October; UV-9262's dated 5 November is not
    // applied to October.
    assert_eq!(
        parts(&ind, "all", "all", "resolution_compliance_pct"),
        (204, 270)
    );
    assert_eq!(
        parts(&ind, "all", "all", "response_compliance_pct"),
        (229, 268)
    );

    let mut wb: Xlsx<_> =
        open_workbook(out.join("informe-2026-10.xlsx")).unwrap();
    let sheet = wb.worksheet_range("Decisiones").unwrap();
    let rows: Vec<Vec<String>> =
        sheet.rows().map(|r| r.iter().map(text).collect()).collect();
    let find = |id: &str| {
        rows.iter()
            .find(|r| r[0] == id)
            .unwrap_or_else(|| panic!("{id}: {rows:?}"))
    };
    let heads = rows.iter().find(|r| r[0] == "Caso").unwrap();
    let at = |n: &str| {
        heads
            .iter()
            .position(|h| h == n)
            .unwrap_or_else(|| panic!("{n}: {heads:?}"))
    };
    let (applied, why, counts) = (
        at("Aplicada en el periodo"),
        at("Por qué"),
        at("Numerador/denominador"),
    );
    let r = find("UV-9287");
    assert_eq!(
        (r[applied].as_str(), r[counts].as_str()),
        ("Sí", "204/271 → 204/270")
    );
    assert_eq!(r[at("Decisión")], "Exonerado");
    let r = find("UV-9294");
    assert_eq!(
        (r[applied].as_str(), r[counts].as_str()),
        ("Sí", "229/269 → 229/268")
    );
    let r = find("UV-9262");
    assert_eq!(r[applied], "No");
    assert!(
        r[why].starts_with(
            "Fechada el 05/11/2026, después del último día del periodo"
        ),
        "{}",
        r[why]
    );
    assert_eq!(r[counts], "204/271 → 204/271");
    let r = find("UV-9302");
    assert_eq!(
        (r[applied].as_str(), r[why].as_str()),
        (
            "No",
            "Aceptado: el incumplimiento cuenta; ninguna cifra cambia"
        )
    );
    let r = find("UV-9310");
    assert_eq!(r[at("Decisión")], "En disputa (pendiente)");
    // The totals: both waivers together.
    let totals: Vec<&Vec<String>> = rows
        .iter()
        .filter(|r| r[0] == "Todas las decisiones")
        .collect();
    assert_eq!(totals.len(), 2);
    assert_eq!(totals[0][counts], "229/269 → 229/268");
    assert_eq!(totals[1][counts], "204/271 → 204/270");

    let br = wb.worksheet_range("Incumplimientos").unwrap();
    let brows: Vec<Vec<String>> =
        br.rows().map(|r| r.iter().map(text).collect()).collect();
    let col = brows[0].iter().position(|h| h == "Decisión").unwrap();
    let r = brows.iter().find(|r| r[0] == "UV-9287").unwrap();
    assert_eq!(r[col], "Exonerado (Solución, 20/10/2026)");

    let sha: String = Sha256::digest(std::fs::read(&file).unwrap())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    let me = wb.worksheet_range("Metodología").unwrap();
    let line = me
        .rows()
        .find(|r| text(&r[0]) == "Decisiones del comité")
        .map(|r| text(&r[1]))
        .unwrap();
    assert_eq!(
        line,
        format!(
            "decisions.csv (SHA-256 {sha}): 5 decisiones, 2 exoneraciones aplicadas en el periodo; cada una desde el periodo de su fecha"
        )
    );
    assert!(
        me.rows()
            .any(|r| text(&r[1]) == sha && text(&r[3]) == "decisiones")
    );
}

/// `decisions` and `restate` in a `plazo run` job: the same figures as
/// `plazo report --decisions ... --restate`.
#[test]
fn jobs_keys() {
    let dir = tempdir("dec-jobs");
    let s = root().join("samples/victimas");
    let p = |f: &str| s.join(f).display().to_string();
    let file = decisions_file(
        &dir,
        "UV-8884,resolution,waived,Repuesto,Comité,2026-10-15\n",
    );
    let jobs = format!(
        "[[job]]\nname = \"victimas\"\npolicy = \"{}\"\ntickets = \"{}\"\nevents = \"{}\"\n\
         surveys = \"{}\"\nperiod = \"2026-10\"\ndecisions = \"{}\"\nrestate = true\nout = \"out\"\n",
        p("policy.toml"),
        p("tickets.csv"),
        p("events.csv"),
        p("surveys.csv"),
        file.display()
    );
    std::fs::write(dir.join("jobs.toml"), jobs).unwrap();
    let (code, _, err) = run(&dir, &["run", "jobs.toml"]);
    assert_eq!(code, 0, "{err}");
    // The October report has no September line in indicators.csv: the
    // restated September is in the trend sheet. UV-8884 waived, restated:
    // September's resolution loses it (237/314 by hand -> 237/313).
    let mut wb: Xlsx<_> =
        open_workbook(dir.join("out/informe-2026-10.xlsx")).unwrap();
    let me = wb.worksheet_range("Metodología").unwrap();
    assert!(me.rows().any(|r| {
        text(&r[1]).ends_with("con --restate, en todos los periodos")
    }));
    let ev = Evaluated::sample("victimas", "2026-10");
    let list = read(&ev, &std::fs::read_to_string(&file).unwrap()).unwrap();
    let c = ev.context().with_decisions(Book {
        list,
        restate: true,
    });
    let p = c.previous[0].parts("resolution_compliance_pct");
    assert_eq!((p.num, p.den), (Some(237.0), Some(313)));
    // A bad value of the key is refused before anything runs.
    std::fs::write(dir.join("bad.toml"), "[[job]]\nname = \"x\"\npolicy = \"p\"\nout = \"o\"\nrestate = \"yes\"\n").unwrap();
    let (code, _, _) = run(&dir, &["run", "bad.toml"]);
    assert_eq!(code, 2);
}
