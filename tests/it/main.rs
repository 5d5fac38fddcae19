//! plazo's integration tests: one binary, a module per area.

mod calendar_known;
mod calendar_props;
mod cli_calendar;
mod glpi_clock;
mod report_cases;
mod sla_cases;
mod sla_props;
mod util;
