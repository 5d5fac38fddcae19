//! The entity's words and plain-Spanish sheets (issue 11): the Víctimas
//! sample calls a ticket "caso" and the technician "especialista"
//! (`[report.labels]`), so no label of its workbook or charts may say
//! "ticket" or "técnico"; Metodología speaks plain Spanish and marks the
//! values the policy lists in `assumed`; "Datos" has Spanish headers;
//! priorities come in severity order; months without data stay blank.
//!
//! Every expected value is taken from the inputs (tickets.csv, the
//! policy) or written out by hand, never from the report's code.

use std::collections::{BTreeMap, BTreeSet};
use std::io::Read as _;
use std::path::{Path, PathBuf};

use calamine::{Data, Reader, Xlsx, open_workbook};

use crate::util::{Evaluated, ok_stdout, plazo, root, tempdir};

/// `plazo report` on samples/victimas for October 2026 with `policy`
/// (the sample's when `None`); returns the output folder.
fn victimas(name: &str, policy: Option<&Path>, extra: &[&str]) -> PathBuf {
    let s = root().join("samples/victimas");
    let dir = tempdir(name);
    let out = dir.join("out");
    let pol = policy.map_or_else(|| s.join("policy.toml"), Path::to_path_buf);
    let mut args: Vec<String> = vec![
        "report".into(),
        "--policy".into(),
        pol.display().to_string(),
    ];
    for f in ["tickets", "events", "surveys"] {
        args.push(format!("--{f}"));
        args.push(s.join(format!("{f}.csv")).display().to_string());
    }
    args.extend(["--period".into(), "2026-10".into()]);
    args.extend(extra.iter().map(|s| s.to_string()));
    args.extend(["--out".into(), out.display().to_string()]);
    let a: Vec<&str> = args.iter().map(String::as_str).collect();
    ok_stdout(&plazo(&dir, &a));
    out
}

/// Every sheet as (name, rows of cells as text).
fn sheets(xlsx: &Path) -> Vec<(String, Vec<Vec<String>>)> {
    let mut wb: Xlsx<_> = open_workbook(xlsx).unwrap();
    let names = wb.sheet_names();
    names
        .into_iter()
        .map(|n| {
            let r = wb.worksheet_range(&n).unwrap();
            let rows = r
                .rows()
                .map(|row| {
                    row.iter()
                        .map(|d| match d {
                            Data::String(s) => s.clone(),
                            Data::Empty => String::new(),
                            d => d.to_string(),
                        })
                        .collect()
                })
                .collect();
            (n, rows)
        })
        .collect()
}

/// Every field of the sample's input tables (ids, titles, names,
/// categories, comments...): cells that carry input data, not labels.
fn input_values() -> BTreeSet<String> {
    let s = root().join("samples/victimas");
    let mut out = BTreeSet::new();
    for f in ["tickets.csv", "events.csv", "surveys.csv"] {
        let mut r = csv::Reader::from_path(s.join(f)).unwrap();
        for rec in r.records() {
            for field in rec.unwrap().iter() {
                out.insert(field.to_string());
            }
        }
    }
    out
}

/// The chart titles of the native Excel charts (`xl/charts/*.xml`).
fn native_chart_texts(xlsx: &Path) -> Vec<String> {
    let bytes = std::fs::read(xlsx).unwrap();
    let mut z = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut out = Vec::new();
    for i in 0..z.len() {
        let mut f = z.by_index(i).unwrap();
        if !f.name().starts_with("xl/charts/chart") {
            continue;
        }
        let mut xml = String::new();
        f.read_to_string(&mut xml).unwrap();
        for part in xml.split("<a:t>").skip(1) {
            out.push(part.split("</a:t>").next().unwrap().to_string());
        }
    }
    out
}

/// Whether `text` has the word `w` (letters around it are not letters).
fn has_word(text: &str, w: &str) -> bool {
    let t = text.to_lowercase();
    let mut from = 0;
    while let Some(k) = t[from..].find(w) {
        let (a, b) = (from + k, from + k + w.len());
        let before = t[..a].chars().next_back();
        let after = t[b..].chars().next();
        let letter = |c: Option<char>| c.is_some_and(char::is_alphabetic);
        if !letter(before) && !letter(after) {
            return true;
        }
        from = b;
    }
    false
}

#[test]
fn caso_and_especialista_replace_ticket_and_tecnico_everywhere() {
    let out = victimas("words-victimas", None, &[]);
    let xlsx = out.join("informe-2026-10.xlsx");
    let inputs = input_values();
    let mut labels = Vec::new();
    for (sheet, rows) in sheets(&xlsx) {
        labels.push(sheet.clone());
        for row in rows {
            for cell in row {
                // Input data, the input files' paths and hashes in
                // Metodología, and the indicators' stable ids
                // (`tickets_opened`, the "Id" column of Resumen).
                let id = cell.contains('_')
                    && cell
                        .chars()
                        .all(|c| c.is_ascii_lowercase() || c == '_');
                if cell.is_empty()
                    || id
                    || inputs.contains(&cell)
                    || cell.split(" · ").all(|p| inputs.contains(p))
                    || cell.contains(".csv")
                    || cell.contains(".toml")
                {
                    continue;
                }
                labels.push(cell);
            }
        }
    }
    labels.extend(native_chart_texts(&xlsx));
    assert!(labels.len() > 300, "{} label cells", labels.len());
    let bad: Vec<&String> = labels
        .iter()
        .filter(|l| {
            let t = l.to_lowercase();
            t.contains("ticket")
                || has_word(&t, "técnico")
                || has_word(&t, "técnicos")
                || l.contains('{')
        })
        .collect();
    assert!(bad.is_empty(), "labels naming tickets/técnicos: {bad:?}");
    // And the entity's words are there: sheet names, the ticket column.
    assert!(labels.iter().any(|l| l == "Por especialista"));
    assert!(labels.iter().any(|l| l == "Por grupo de especialistas"));
    assert!(labels.iter().any(|l| l == "Caso"));
    assert!(labels.iter().any(|l| l == "Casos con apertura"));
    // The native charts carry the period.
    // (Titles and axis names: the three titles are the long ones.)
    let charts: Vec<String> = native_chart_texts(&xlsx)
        .into_iter()
        .filter(|t| t.contains(" — "))
        .collect();
    // Tendencia's three over the last 12 months; one per ficha over
    // the report month.
    let trend = charts
        .iter()
        .filter(|t| t.ends_with("noviembre 2025 – octubre 2026"))
        .count();
    let fichas = charts.iter().filter(|t| t.ends_with(" — octubre 2026"));
    assert_eq!(trend, 3, "{charts:?}");
    assert_eq!(fichas.count(), 4, "{charts:?}");
    assert_eq!(charts.len(), 7, "{charts:?}");
}

#[test]
fn chart_titles_words_period_and_real_top_count() {
    use plazo::model::dataset::Attr;
    use plazo::report::chart_specs;
    let ev = Evaluated::sample("victimas", "2026-10");
    let (ds, period, rows) = (&ev.ds, &ev.period, &ev.rows);
    // Categories of the tickets breached in October, counted from the
    // rows: a measure completed in the period and not met.
    let mut cats = BTreeSet::new();
    for r in rows {
        let res = r.solved_at.get().is_some_and(|t| period.contains(t))
            && r.resolution_met == Some(false);
        let resp = r.responded_at.get().is_some_and(|t| period.contains(t))
            && r.response_met == Some(false);
        if r.excluded.is_none() && (res || resp) {
            let t = &ds.tickets[r.ticket as usize];
            cats.insert(ds.strings.get(t.attr(Attr::Category)).to_string());
        }
    }
    let c = ev.context();
    let specs = chart_specs(&c);
    let titles: BTreeMap<&str, &plazo::report::charts::Chart> =
        specs.iter().map(|(k, v)| (k.as_str(), v)).collect();
    let cat = titles["incumplimientos-por-categoria"];
    assert!(cats.len() > 1 && cats.len() <= 10, "{cats:?}");
    assert_eq!(cat.labels.len(), cats.len());
    assert_eq!(
        cat.title,
        format!(
            "{} categorías con incumplimientos — octubre 2026",
            cats.len()
        )
    );
    assert_eq!(cat.y_desc, "Casos con incumplimiento");
    assert_eq!(
        titles["cumplimiento-por-prioridad"].title,
        "Cumplimiento de solución por prioridad — octubre 2026"
    );
    assert_eq!(
        titles["tendencia"].title,
        "Tendencia del cumplimiento — noviembre 2025 – octubre 2026"
    );
    assert_eq!(titles["distribucion-solucion"].y_desc, "Casos");
    // Priorities: the sample's targets name none and it sets no
    // priority_order, so the usual words give the order.
    assert_eq!(
        titles["cumplimiento-por-prioridad"].labels,
        ["Alta", "Media", "Baja"]
    );
}

#[test]
fn metodologia_speaks_plain_spanish_and_marks_assumptions() {
    let out = victimas("words-method", None, &[]);
    let xlsx = out.join("informe-2026-10.xlsx");
    let all = sheets(&xlsx);
    let (_, m) = all.iter().find(|(n, _)| n == "Metodología").unwrap();
    let value = |key: &str| {
        m.iter()
            .find(|r| r[0] == key)
            .unwrap_or_else(|| panic!("{key} in {m:?}"))
            .clone()
    };
    // samples/victimas/policy.toml: mon..fri 08:00-17:00, holidays "co".
    let hours = value("Horario de atención");
    assert_eq!(
        hours[1],
        "lunes a viernes 08:00–17:00; sin servicio: sábado y domingo"
    );
    assert!(
        value("Festivos")[1]
            .starts_with("Festivos de Colombia (Ley 51 de 1983")
    );
    assert_eq!(value("Corte")[1], "31/10/2026 23:59");
    assert_eq!(
        value("Periodo")[1],
        "octubre 2026 (01/10/2026 – 31/10/2026)"
    );
    assert_eq!(
        value("Zona horaria")[1],
        "hora de Colombia, UTC\u{2212}05:00 (America/Bogota)"
    );
    // The targets as sentences (policy: Incidente 2h / 1bd,
    // Requerimiento 4h / 3bd).
    let rules: Vec<&String> = m
        .iter()
        .filter(|r| r[0].starts_with('#'))
        .map(|r| &r[1])
        .collect();
    assert_eq!(
        rules,
        [
            "Casos con tipo «incidente»: atención en 2 horas hábiles y solución en 1 día hábil.",
            "Casos con tipo «requerimiento»: atención en 4 horas hábiles y solución en 3 días hábiles.",
        ]
    );
    // No tool jargon left: weekday keys, holiday codes, duration codes,
    // RFC 3339 instants, canonical state ids.
    for row in m {
        for cell in row {
            // Paths, hashes and policy keys (`calendar.hours`, the
            // "Clave en la política" column) are not prose.
            let hash = cell.len() == 64
                && cell.chars().all(|c| c.is_ascii_hexdigit());
            if hash
                || cell.contains(".csv")
                || cell.contains(".toml")
                || cell.contains('.') && !cell.contains(' ')
            {
                continue;
            }
            for j in [
                "mon",
                "tue",
                "wed",
                "thu",
                "fri",
                "sat",
                "sun",
                "co",
                "bd",
                "new",
                "open",
                "paused",
                "solved",
                "cancelled",
            ] {
                assert!(!has_word(cell, j), "{j:?} in {cell:?}");
            }
            assert!(!cell.contains("T23:59"), "{cell}");
        }
    }
    // Assumed: the policy lists calendar.hours, calendar.extra_closed_days,
    // states, targets, survey.scale. Each is listed by key, and a note
    // stands beside hours, closures, the survey scale (rows) and the
    // targets' and states' tables (headers): five notes.
    let note = "supuesto (el procedimiento no lo fija)";
    let keys: BTreeSet<&str> = m.iter().map(|r| r[1].as_str()).collect();
    for k in [
        "calendar.hours",
        "calendar.extra_closed_days",
        "states",
        "targets",
        "survey.scale",
    ] {
        assert!(keys.contains(k), "{k}");
    }
    for k in ["close", "exclude", "indicators", "survey.applies_to"] {
        assert!(!keys.contains(k), "{k} is not assumed");
    }
    let notes = m.iter().flatten().filter(|c| *c == note).count();
    assert_eq!(notes, 5);
    assert_eq!(hours[2], note);
    assert_eq!(
        value("Cierre automático").get(2).map_or("", String::as_str),
        ""
    );
    // Where the assumed targets and scale are used.
    let head = |sheet: &str| {
        all.iter().find(|(n, _)| n == sheet).unwrap().1[0].clone()
    };
    for (sheet, col) in [
        ("Incumplimientos", "Meta de solución (valor supuesto)"),
        ("Incumplimientos", "Meta de atención (valor supuesto)"),
        ("En riesgo", "Meta de solución (valor supuesto)"),
        ("Datos", "Meta de solución (valor supuesto)"),
        ("Datos", "Meta de atención (valor supuesto)"),
    ] {
        assert!(head(sheet).iter().any(|h| h == col), "{sheet}: {col}");
    }
    let (_, sv) = all.iter().find(|(n, _)| n == "Encuestas").unwrap();
    assert!(sv.iter().any(
        |r| r[0] == "Calificación mínima de satisfacción (valor supuesto)"
    ));
}

#[test]
fn no_assumption_no_mark() {
    // The same sample with `assumed` emptied: nothing says "supuesto".
    let s = root().join("samples/victimas/policy.toml");
    let text = std::fs::read_to_string(&s).unwrap();
    let start = text.find("\nassumed = [").unwrap();
    let end = start + 1 + text[start + 1..].find('\n').unwrap();
    let text = format!("{}\nassumed = []{}", &text[..start], &text[end..]);
    let dir = tempdir("words-no-assumed-policy");
    let p = dir.join("policy.toml");
    std::fs::write(&p, text).unwrap();
    let out = victimas("words-no-assumed", Some(&p), &[]);
    for (sheet, rows) in sheets(&out.join("informe-2026-10.xlsx")) {
        for c in rows.iter().flatten() {
            assert!(!c.contains("supuest"), "{sheet}: {c}");
        }
    }
}

#[test]
fn datos_headers_in_the_report_language() {
    let out = victimas("words-datos-en", None, &["--lang", "en"]);
    let csv = std::fs::read_to_string(out.join("sla.csv")).unwrap();
    let ids: Vec<&str> = csv.lines().next().unwrap().split(',').collect();
    // 35 columns, the channel and pre-case ones, the closing rules',
    // then `outcome` (issue 18), then the evaluation columns (issue 13),
    // which "Data" does not show.
    let ev = plazo::engine::output::EVALUATION_COLUMNS.len();
    assert_eq!(ids.len(), 46 + ev, "sla.csv keeps its 46 English ids");
    assert_eq!(ids[45], "outcome");
    assert_eq!(ids[0], "ticket_id");
    let all = sheets(&out.join("informe-2026-10.xlsx"));
    let (_, data) = all.iter().find(|(n, _)| n == "Data").unwrap();
    let head = &data[0];
    assert_eq!(head.len(), 46);
    // The entity's words in English too (labels apply in both).
    assert_eq!(
        &head[..7],
        [
            "Caso",
            "Type",
            "Priority",
            "Category",
            "Grupo de especialistas",
            "Especialista",
            "Opened"
        ]
    );
    for h in head {
        assert!(!ids.contains(&h.as_str()), "{h} is a column id");
    }
    // Spanish: the defaults and the labels, no id.
    let out = victimas("words-datos-es", None, &[]);
    let all = sheets(&out.join("informe-2026-10.xlsx"));
    let (_, data) = all.iter().find(|(n, _)| n == "Datos").unwrap();
    let head = &data[0];
    assert_eq!(
        &head[..12],
        [
            "Caso",
            "Tipo",
            "Prioridad",
            "Categoría",
            "Grupo de especialistas",
            "Especialista",
            "Apertura",
            "Fecha de atención",
            "Fecha de solución",
            "Cierre",
            "Estado al corte",
            "Tiempo hábil de atención",
        ]
    );
    for h in head {
        assert!(!ids.contains(&h.as_str()), "{h} is a column id");
    }
    // States in words: the first row's state is one of the Spanish names.
    let spanish = [
        "nuevo", "en curso", "en pausa", "resuelto", "cerrado", "anulado", "",
    ];
    for r in data.iter().skip(1) {
        assert!(spanish.contains(&r[10].as_str()), "{}", r[10]);
    }
}

#[test]
fn priority_order_from_policy_then_by_name() {
    // priority_order names two of the three priorities: those first, in
    // that order, then the rest by name.
    let s = root().join("samples/victimas/policy.toml");
    let text = std::fs::read_to_string(&s).unwrap();
    let text = text.replacen(
        "[report]\n",
        "[report]\npriority_order = [\"baja\", \"MEDIA\"]\n",
        1,
    );
    let dir = tempdir("words-priority-policy");
    let p = dir.join("policy.toml");
    std::fs::write(&p, text).unwrap();
    let out = victimas("words-priority", Some(&p), &[]);
    let all = sheets(&out.join("informe-2026-10.xlsx"));
    let (_, pr) = all.iter().find(|(n, _)| n == "Por prioridad").unwrap();
    let groups: Vec<&str> = pr.iter().skip(1).map(|r| r[0].as_str()).collect();
    assert_eq!(groups, ["Baja", "Media", "Alta", "Total"]);
}

#[test]
fn priority_order_defaults_to_the_targets_order() {
    // Itagüí's [[targets]] name, in this order, "Crítica", "Mayor",
    // "Muy urgente", "Muy alta", "6", "5"; "Alta", "4"; "Media",
    // "Mediana", "3"; "Baja", "Muy baja", "2", "1"
    // (samples/itagui/policy.toml); no priority_order.
    use plazo::Policy;
    use plazo::report::wording::priority_order;
    let p = Policy::load(&root().join("samples/itagui/policy.toml")).unwrap();
    assert!(p.report().priority_order.is_empty());
    assert_eq!(
        priority_order(&p),
        [
            "critica",
            "mayor",
            "muy urgente",
            "muy alta",
            "6",
            "5",
            "alta",
            "4",
            "media",
            "mediana",
            "3",
            "baja",
            "muy baja",
            "2",
            "1"
        ]
    );
}

#[test]
fn trend_months_without_data_are_blank() {
    let out = victimas("words-trend", None, &[]);
    // Opened per month from tickets.csv (opened_at, column 2), solved per
    // month from sla.csv (solved_at, column 9).
    let count = |file: PathBuf, col: usize| {
        let mut n: BTreeMap<String, u64> = BTreeMap::new();
        let text = std::fs::read_to_string(file).unwrap();
        for line in text.lines().skip(1) {
            let v = line.split(',').nth(col).unwrap_or("");
            if v.len() >= 7 {
                *n.entry(v[..7].to_string()).or_default() += 1;
            }
        }
        n
    };
    let opened = count(root().join("samples/victimas/tickets.csv"), 1);
    let solved = count(out.join("sla.csv"), 8);
    let all = sheets(&out.join("informe-2026-10.xlsx"));
    let (_, t) = all.iter().find(|(n, _)| n == "Tendencia").unwrap();
    let mut blank = 0;
    for r in t.iter().skip(1).take(12) {
        let m = &r[0];
        let o = opened.get(m).copied().unwrap_or(0);
        let s = solved.get(m).copied().unwrap_or(0);
        if o == 0 && s == 0 {
            blank += 1;
            assert!(r[1..6].iter().all(String::is_empty), "{m}: {r:?}");
        } else {
            assert_eq!(r[1], o.to_string(), "{m} opened");
        }
    }
    assert!(blank >= 1, "the sample starts within the 12 months");
}
