//! `plazo calendar import-workshift`: a plazo `[calendar]` table from a
//! CA SDM workshift text (holiday lines become `extra_closed_days`).

use std::io::Write;
use std::path::PathBuf;

use clap::Args;
use plazo::Error;

#[derive(Debug, Args)]
pub struct ImportWorkshiftArgs {
    /// The workshift text file (`Mon - Fri { 8:00 am - 5:00 pm }`,
    /// holiday lines `mm/dd/yyyy`).
    file: PathBuf,
}

pub fn run(a: ImportWorkshiftArgs) -> anyhow::Result<()> {
    let text = std::fs::read_to_string(&a.file)
        .map_err(|e| Error::io(&a.file, &e))?;
    let toml = plazo::source::workshift::to_toml(&text)
        .map_err(|e| e.at(&a.file.display().to_string()))?;
    write!(std::io::stdout(), "{toml}")?;
    Ok(())
}
