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
}
