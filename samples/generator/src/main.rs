//! `plazo-samples`: seeded sample data for a profile (one of the five
//! entities), as canonical tables plus the entity's own tool format. Same
//! arguments, same bytes.
//!
//! ```sh
//! cargo run -p plazo-samples -- --profile itagui --seed 1 --tickets 3000 --out samples/itagui
//! ```

use std::path::PathBuf;

use chrono::NaiveDate;
use clap::Parser;
use plazo::io::atomic::write as write_atomic;
use plazo::{Error, Policy};
use plazo_samples::{Generator, Profile};

#[derive(Debug, Parser)]
#[command(
    name = "plazo-samples",
    version,
    about = "Seeded sample data for plazo (developers only)"
)]
struct GenerateArgs {
    /// Profile: icetex, upme, itagui, victimas or uspec.
    #[arg(long)]
    profile: String,
    /// Random seed.
    #[arg(long, default_value_t = 1)]
    seed: u64,
    /// Number of generated tickets (plus the hand-made cases 90001 ..).
    #[arg(long, default_value_t = 3000)]
    tickets: usize,
    /// The policy whose labels and targets are used (default:
    /// samples/<profile>/policy.toml).
    #[arg(long)]
    policy: Option<PathBuf>,
    /// First opening date (YYYY-MM-DD).
    #[arg(long, default_value = "2026-01-02")]
    from: String,
    /// Last opening date (YYYY-MM-DD).
    #[arg(long, default_value = "2026-10-31")]
    to: String,
    /// Extra work-update events per ticket (for load tests).
    #[arg(long, default_value_t = 0)]
    updates: usize,
    /// Output folder: tickets.csv, events.csv, surveys.csv.
    #[arg(long)]
    out: PathBuf,
    /// Print nothing but errors.
    #[arg(short, long)]
    quiet: bool,
}

fn main() -> std::process::ExitCode {
    match run(GenerateArgs::parse()) {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("plazo-samples: {e:#}");
            std::process::ExitCode::from(2)
        }
    }
}

fn run(a: GenerateArgs) -> anyhow::Result<()> {
    let profile = Profile::find(&a.profile).ok_or_else(|| {
        Error::input(
            format!(
                "--profile {:?}: perfil desconocido; use uno de {:?}",
                a.profile,
                Profile::names()
            ),
            format!(
                "--profile {:?}: unknown profile; use one of {:?}",
                a.profile,
                Profile::names()
            ),
        )
    })?;
    let path = a.policy.clone().unwrap_or_else(|| {
        PathBuf::from(format!("samples/{}/policy.toml", profile.name))
    });
    let policy = Policy::load(&path)?;
    let date = |s: &str, flag: &str| {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").map_err(|_| {
            Error::input(
                format!("{flag} {s:?}: use una fecha AAAA-MM-DD"),
                format!("{flag} {s:?}: use a YYYY-MM-DD date"),
            )
        })
    };
    let (from, to) = (date(&a.from, "--from")?, date(&a.to, "--to")?);
    let data = Generator::new(profile, &policy, a.seed)
        .period(from, to)
        .updates(a.updates)
        .generate(a.tickets)?;
    std::fs::create_dir_all(&a.out).map_err(|e| Error::io(&a.out, &e))?;
    write_atomic(&a.out.join("tickets.csv"), data.tickets.as_bytes())?;
    write_atomic(&a.out.join("events.csv"), data.events.as_bytes())?;
    write_atomic(&a.out.join("surveys.csv"), data.surveys.as_bytes())?;
    // The same data in the entity's own tool format.
    let tz = policy.tz();
    let tool = match profile.name {
        "itagui" | "uspec" => {
            let (t, e, s) = data.to_glpi_db(tz);
            let d = a.out.join("glpi");
            std::fs::create_dir_all(&d).map_err(|e| Error::io(&d, &e))?;
            write_atomic(&d.join("tickets.tsv"), t.as_bytes())?;
            write_atomic(&d.join("events.tsv"), e.as_bytes())?;
            write_atomic(
                &d.join("busqueda-es_CO.csv"),
                data.to_glpi_search(&policy).as_bytes(),
            )?;
            if profile.name == "uspec" {
                write_atomic(
                    &d.join("encuesta-google-forms.csv"),
                    data.to_google_forms(tz).as_bytes(),
                )?;
            } else {
                write_atomic(&d.join("surveys.tsv"), s.as_bytes())?;
            }
            Some("glpi/")
        }
        "icetex" => {
            let (t, e) = data.to_aranda(tz);
            let d = a.out.join("aranda");
            std::fs::create_dir_all(&d).map_err(|e| Error::io(&d, &e))?;
            write_atomic(&d.join("tickets.csv"), t.as_bytes())?;
            write_atomic(&d.join("events.csv"), e.as_bytes())?;
            Some("aranda/")
        }
        _ => None,
    };
    let _ = tool;
    if !a.quiet {
        eprintln!(
            "plazo-samples: {} tickets ({} eventos, {} encuestas) -> {}",
            data.tickets.lines().count() - 1,
            data.events.lines().count() - 1,
            data.surveys.lines().count() - 1,
            a.out.display()
        );
    }
    Ok(())
}
