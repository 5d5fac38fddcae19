//! `plazo policy`: policy helpers. `plazo policy import-glpi-slas --slas
//! glpi_slas.csv` turns GLPI's SLA definitions into `[[targets]]` rules
//! (printed as TOML) and lists on stderr what plazo expresses differently.

use std::path::PathBuf;

use clap::{Args, Subcommand};
use plazo::source::glpi::{Dump, slas_toml};
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
    #[arg(long)]
    slas: PathBuf,
}

pub fn run(cmd: PolicyCmd, g: &Global) -> anyhow::Result<()> {
    match cmd {
        PolicyCmd::ImportGlpiSlas(a) => {
            let (toml, notes) = slas_toml(&Dump::read(&a.slas)?, g.lang)?;
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
