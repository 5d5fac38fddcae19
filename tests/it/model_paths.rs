//! One model, two ways in: the dataset the engine reads, built in memory
//! from the model builder (`Dataset::from_ingested`, what `plazo
//! reconcile` uses), equals the one loaded from the canonical tables
//! `plazo ingest` writes (`Dataset::load`, the reference path): same SLA
//! table to the byte, same rejects, same counts.

use plazo::Policy;
use plazo::engine::{Engine, output};
use plazo::model::write::Format;
use plazo::model::{Dataset, Inputs};
use plazo::source::{self, Encoding, Options, Source};
use plazo::time::Instant;

use crate::util::{dataset, root, tempdir};

fn both_ways(
    name: &str,
    policy: &str,
    source: Source,
    inputs: Vec<std::path::PathBuf>,
    surveys: Vec<std::path::PathBuf>,
) {
    let policy = Policy::load(&root().join(policy)).unwrap();
    let ing = source::run(&Options {
        source,
        inputs,
        surveys,
        mapping: None,
        tz: policy.tz(),
        encoding: Encoding::Auto,
        date_format: None,
        status_pattern: None,
        lang: plazo::text::lang::Lang::Es,
    })
    .unwrap();
    let dir = tempdir(&format!("model-paths-{name}"));
    ing.write(&dir, Format::Csv, plazo::io::formula::FreeText::Guarded)
        .unwrap();
    let surveys = dir.join("surveys.csv");
    let loaded = Dataset::load(
        &Inputs {
            tickets: dir.join("tickets.csv"),
            events: dir.join("events.csv"),
            surveys: surveys.exists().then_some(surveys),
            survey_questions: policy
                .survey_form()
                .questions
                .iter()
                .map(|q| q.0.clone())
                .collect(),
        },
        policy.tz(),
    )
    .unwrap();
    let direct = Dataset::from_ingested(&ing);
    let cutoff = Instant::parse("2026-11-21 00:00", policy.tz()).unwrap();
    let sla = |ds: &Dataset| {
        let rows = Engine::new(&policy, ds, cutoff).unwrap().evaluate_all();
        output::render(
            &policy,
            ds,
            &rows,
            plazo::io::formula::FreeText::Guarded,
        )
    };
    assert!(
        direct.tickets.len() > 50,
        "{name}: {} tickets",
        direct.tickets.len()
    );
    assert_eq!(direct.tickets.len(), loaded.tickets.len(), "{name}");
    assert_eq!(direct.events.len(), loaded.events.len(), "{name}");
    assert_eq!(direct.surveys.len(), loaded.surveys.len(), "{name}");
    assert_eq!(direct.extra_columns, loaded.extra_columns, "{name}");
    // The loader saw no rejects in what the builder wrote; the builder's
    // own rejects travel with the in-memory dataset.
    assert!(loaded.rejects.is_empty(), "{name}: {:?}", loaded.rejects);
    assert_eq!(direct.rejects, ing.rejects, "{name}");
    let (fa, fb) = (rows(&direct), rows(&loaded));
    for (x, y) in fa.iter().zip(&fb) {
        assert_eq!(x, y, "{name}: the two paths differ");
    }
    let (a, b) = (sla(&direct), sla(&loaded));
    assert!(a.lines().count() > 50);
    assert!(a == b, "{name}: the two paths give different SLA tables");
}

/// Every ticket, event and answer as text: what the engine can read of a
/// dataset. Lines are left out: on the two paths they name different
/// files (the export's own line in memory, the written table's line when
/// loaded back).
fn rows(ds: &Dataset) -> Vec<String> {
    let s = |id: u32| ds.strings.get(id).to_string();
    let mut out = Vec::new();
    for (i, t) in ds.tickets.iter().enumerate() {
        let attrs: Vec<String> = t.attrs.iter().map(|&a| s(a)).collect();
        let extra: Vec<String> =
            ds.extra_of(i).iter().map(|&a| s(a)).collect();
        out.push(format!(
            "ticket {} {} {:?} {attrs:?} {extra:?}",
            t.id, t.opened_at, t.affected_users
        ));
        for e in ds.events_of(i) {
            out.push(format!(
                "  event {} {} [{}|{}|{}|{}|{}]",
                { e.at },
                s(e.status),
                s(e.group),
                s(e.assignee),
                s(e.priority),
                s(e.actor),
                s(e.note),
            ));
        }
        for a in ds.surveys_of(i) {
            out.push(format!(
                "  survey {} {} {:?} {}",
                a.answered_at,
                a.score,
                a.max_score,
                s(a.comment)
            ));
        }
    }
    out
}

#[test]
fn glpi_tables_in_memory_equal_the_written_tables() {
    let g = dataset("glpi_10_0_5_sample");
    let files = [
        "glpi_tickets.csv",
        "glpi_logs_ticket.csv",
        "glpi_ticketsatisfactions.csv",
        "glpi_tickets_users.csv",
        "glpi_slas.csv",
        "glpi_itilcategories.csv",
    ]
    .map(|f| g.join(f))
    .to_vec();
    both_ways(
        "glpi-real",
        "samples/glpi-real/policy.toml",
        Source::GlpiTables,
        files,
        vec![],
    );
}

#[test]
fn glpi_db_and_aranda_in_memory_equal_the_written_tables() {
    let s = |e: &str, f: &str| root().join("samples").join(e).join(f);
    both_ways(
        "itagui",
        "samples/itagui/policy.toml",
        Source::GlpiDb,
        vec![
            s("itagui", "glpi/tickets.tsv"),
            s("itagui", "glpi/events.tsv"),
        ],
        vec![s("itagui", "glpi/surveys.tsv")],
    );
    both_ways(
        "icetex",
        "samples/icetex/policy.toml",
        Source::Aranda,
        vec![
            s("icetex", "aranda/tickets.csv"),
            s("icetex", "aranda/events.csv"),
        ],
        vec![],
    );
}

/// The loader merges only an event equal to the one just before it
/// (docs/INGEST.md "Duplicate events"): a same-instant `Resuelto,
/// Reabierto, Resuelto` keeps its three events; a repeated last one is
/// merged.
#[test]
fn the_loader_merges_only_adjacent_duplicates() {
    let dir = tempdir("model-dedup");
    std::fs::write(
        dir.join("t.csv"),
        "ticket_id,opened_at\n7,2026-03-05 08:00\n",
    )
    .unwrap();
    std::fs::write(
        dir.join("e.csv"),
        "ticket_id,at,status\n\
         7,2026-03-05 08:00,Abierto\n\
         7,2026-03-05 10:00,Resuelto\n\
         7,2026-03-05 10:00,Reabierto\n\
         7,2026-03-05 10:00,Resuelto\n\
         7,2026-03-05 10:00,Resuelto\n",
    )
    .unwrap();
    let tz = "America/Bogota".parse().unwrap();
    let ds =
        Dataset::load(&Inputs::new(dir.join("t.csv"), dir.join("e.csv")), tz)
            .unwrap();
    let labels: Vec<&str> = ds
        .events_of(0)
        .iter()
        .map(|e| ds.strings.get(e.status))
        .collect();
    assert_eq!(labels, ["Abierto", "Resuelto", "Reabierto", "Resuelto"]);
    assert_eq!(ds.stats.duplicate_events, 1);
    let lines: Vec<u32> = ds.events_of(0).iter().map(|e| e.line).collect();
    assert_eq!(lines, [2, 3, 4, 5]);
}
