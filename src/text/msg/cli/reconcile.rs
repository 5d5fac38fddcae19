//! `plazo reconcile`: the summary on stderr.

crate::catalog! {
    /// The summary; `{agree}` lists `column agreed/compared`, `{reasons}`
    /// `reason count` (or [`NO_DIFFERENCES`]).
    SUMMARY = (
        "plazo reconcile: {tickets} tickets ({events} eventos de estado, {surveys} encuestas respondidas); coinciden: {agree}; diferencias por regla: {reasons}.",
        "plazo reconcile: {tickets} tickets ({events} status events, {surveys} surveys answered); agree: {agree}; differences by rule: {reasons}."
    );
    /// No difference had a documented reason.
    NO_DIFFERENCES = ("ninguna", "none");
    /// The verdicts under both rules; `{rules}` the rules of plazo's
    /// columns, `{differ}` `rule count` of the tickets whose verdicts
    /// differ (or [`NO_DIFFERENCES`]).
    VERDICTS = (
        "veredictos de plazo con reglas {rules}; incumplidos TTR: procedimiento {proc_ttr}, GLPI {glpi_ttr}; TTO: procedimiento {proc_tto}, GLPI {glpi_tto}; tickets con veredictos distintos, por regla: {differ}.",
        "plazo's verdicts under {rules} rules; TTR breached: procedure {proc_ttr}, GLPI {glpi_ttr}; TTO: procedure {proc_tto}, GLPI {glpi_tto}; tickets whose verdicts differ, by rule: {differ}."
    );
}
