//! plazo's integration tests: one binary, a module per area.

mod calendar_known;
mod calendar_props;
mod cli_calendar;
mod cli_lang;
mod exclusion_props;
mod function_size;
mod explain_golden;
mod glpi_clock;
mod glpi_reconcile;
mod golden;
mod ingest_cli;
mod ingest_db;
mod ingest_generic;
mod ingest_glpi_csv;
mod ingest_glpi_tables;
mod layers;
mod model_paths;
mod plans;
mod printing;
mod report_cases;
mod samples;
mod sla_cases;
mod sla_files;
mod sla_props;
mod toml_errors;
mod util;
