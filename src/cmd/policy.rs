//! `plazo policy`: policy helpers. `plazo policy import-glpi-slas --slas
//! glpi_slas.csv` turns GLPI's SLA definitions into `[[targets]]` rules
//! (printed as TOML) and lists on stderr what plazo expresses differently.

use std::path::PathBuf;

use clap::{Args, Subcommand};
use plazo::source::glpi::{Dump, slas_toml};
use plazo::source::glpi_db::{Db, Target};
use plazo::text::msg::cli as msg;

use super::Global;

#[derive(Debug, Subcommand)]
pub enum PolicyCmd {
    /// Turn glpi_slas into [[targets]] rules (printed as TOML).
    ImportGlpiSlas(ImportSlasArgs),
}

#[derive(Debug, Args)]
pub struct ImportSlasArgs {
    /// glpi_slas dump.
    #[arg(
        long,
        required_unless_present = "glpi_db",
        conflicts_with = "glpi_db"
    )]
    slas: Option<PathBuf>,
    /// GLPI's database (instead of the dump):
    /// mysql://USER@HOST[:PORT]/DATABASE; password from PLAZO_DB_PASSWORD
    /// or ~/.my.cnf.
    #[arg(long, value_name = "URL")]
    glpi_db: Option<String>,
}

pub fn run(cmd: PolicyCmd, g: &Global) -> anyhow::Result<()> {
    match cmd {
        PolicyCmd::ImportGlpiSlas(a) => {
            let slas = match (&a.glpi_db, &a.slas) {
                (Some(url), _) => {
                    Db::connect(&Target::parse(url)?, chrono_tz::UTC)?
                        .table("glpi_slas")?
                }
                (None, Some(p)) => Dump::read(p)?,
                (None, None) => Dump::read(std::path::Path::new(""))?,
            };
            let (toml, notes) = slas_toml(&slas, g.lang)?;
            print!("{toml}");
            if !g.quiet {
                eprintln!("{}", msg::GLPI_SLA_NOTES.get(g.lang));
                for n in notes {
                    eprintln!("  - {n}");
                }
            }
            Ok(())
        }
    }
}
