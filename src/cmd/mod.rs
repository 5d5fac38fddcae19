//! Subcommands: one module each, dispatched from one `match`.

pub mod calendar;
pub mod check;
pub mod common;
pub mod explain;
pub mod ingest;
pub mod policy;
pub mod reconcile;
pub mod report;
pub mod run;
pub mod sla;
pub mod whatif;
mod windowed;
mod report_windows;

use clap::{Args, Parser, Subcommand};
use plazo::text::lang::Lang;

/// plazo: cumplimiento de ANS en tiempo hábil a partir del historial de
/// los tickets de una mesa de servicios.
///
/// SLA compliance in business time from service-desk ticket histories.
#[derive(Debug, Parser)]
#[command(name = "plazo", version, about, long_about = None)]
#[command(after_help = "Exit codes: 0 ok, 1 failure, 2 bad usage or input.")]
pub struct Cli {
    #[command(flatten)]
    pub global: Global,
    #[command(subcommand)]
    pub command: Command,
}

/// Options common to every command.
#[derive(Debug, Args)]
pub struct Global {
    /// Language of messages and reports: es (default) or en. Also
    /// PLAZO_LANG.
    #[arg(long, global = true, env = "PLAZO_LANG", default_value = "es")]
    pub lang: Lang,
    /// Print nothing on stderr but errors.
    #[arg(long, short, global = true)]
    pub quiet: bool,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Business-time calendar: holidays, business time between instants,
    /// deadlines.
    #[command(subcommand)]
    Calendar(calendar::CalendarCmd),
    /// Every ticket's SLA figures under a policy, as a CSV or Parquet
    /// table.
    Sla(sla::SlaArgs),
    /// One ticket's timeline, interval by interval, with the verdict.
    Explain(explain::ExplainArgs),
    /// plazo's figures beside GLPI's own SLA fields, ticket by ticket.
    Reconcile(reconcile::ReconcileArgs),
    /// Policy helpers: import GLPI's SLA definitions.
    #[command(subcommand)]
    Policy(policy::PolicyCmd),
    /// Read service-desk exports into canonical tables (tickets, events,
    /// surveys, rejects).
    Ingest(ingest::IngestArgs),
    /// Validate inputs against a policy; print every problem at once.
    Check(check::CheckArgs),
    /// The period's indicator report: XLSX workbook, indicators.csv,
    /// sla.csv and charts.
    Report(report::ReportArgs),
    /// What if: the period's indicators and verdicts under two or more
    /// policies, side by side (XLSX and CSV).
    Whatif(whatif::WhatifArgs),
    /// Many reports from one jobs file (one [[job]] per entity), for
    /// cron: continues past a failed job, logs each as a JSON line.
    Run(run::RunArgs),
}

pub fn run(cli: Cli) -> anyhow::Result<()> {
    match cli.command {
        Command::Calendar(c) => calendar::run(c, &cli.global),
        Command::Sla(a) => sla::run(a, &cli.global),
        Command::Explain(a) => explain::run(a, &cli.global),
        Command::Reconcile(a) => reconcile::run(a, &cli.global),
        Command::Policy(c) => policy::run(c, &cli.global),
        Command::Ingest(a) => ingest::run(a, &cli.global),
        Command::Check(a) => check::run(a, &cli.global),
        Command::Report(a) => report::run(a, &cli.global),
        Command::Whatif(a) => whatif::run(a, &cli.global),
        Command::Run(a) => run::run(a, &cli.global),
    }
}

#[cfg(test)]
mod tests {
    use clap::CommandFactory;

    #[test]
    fn cli_definition_is_consistent() {
        super::Cli::command().debug_assert();
    }

    #[test]
    fn every_argument_has_help() {
        fn walk(cmd: &clap::Command) {
            for arg in cmd.get_arguments() {
                let id = arg.get_id().as_str();
                if id == "help" || id == "version" {
                    continue;
                }
                assert!(
                    arg.get_help().is_some(),
                    "{} --{id} has no help",
                    cmd.get_name()
                );
            }
            for sub in cmd.get_subcommands() {
                assert!(
                    sub.get_about().is_some(),
                    "{} has no about",
                    sub.get_name()
                );
                walk(sub);
            }
        }
        walk(&super::Cli::command());
    }
}
