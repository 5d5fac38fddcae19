//! `plazo sla`: the output check, the progress bar and the summary on
//! stderr (one paragraph: a sentence each).

crate::catalog! {
    /// `--out` is neither a .csv nor a .parquet file.
    OUT_FORMAT = (
        "--out {path}: use un archivo .csv o .parquet",
        "--out {path}: use a .csv or .parquet file"
    );
    /// The progress bar's label.
    PROGRESS = ("evaluando tickets", "evaluating tickets");
    /// The summary's first sentence: the counts. `{reasons}` is empty or
    /// the exclusions by reason in parentheses, after a space.
    SUMMARY = (
        "plazo sla {policy}: {tickets} tickets evaluados (corte {cutoff}); {excluded} excluidos{reasons}; {no_target} sin ANS aplicable (no_target); respuesta: {response_met} cumplen, {response_breached} incumplen, {unanswered} sin responder; solución: {resolution_met} cumplen, {resolution_breached} incumplen, {open} abiertos ({late} ya vencidos); escrito en {out}.",
        "plazo sla {policy}: {tickets} tickets evaluated (cutoff {cutoff}); {excluded} excluded{reasons}; {no_target} without a target (no_target); response: {response_met} met, {response_breached} breached, {unanswered} unanswered; resolution: {resolution_met} met, {resolution_breached} breached, {open} open ({late} already breached); written to {out}."
    );
    /// The summary's events sentence.
    SUMMARY_EVENTS = (
        "{events} eventos leídos, {duplicates} duplicados fusionados, {before} anteriores a la apertura (tomados en la apertura).",
        "{events} events read, {duplicates} duplicates merged, {before} before opening (taken at opening)."
    );
    /// After [`SUMMARY_EVENTS`], when the events table did not list each
    /// ticket's events together in the tickets table's order.
    EVENTS_UNORDERED = (
        "Los eventos no venían agrupados por ticket en el orden de la tabla de tickets: se ordenaron en memoria, con una copia más de los eventos (agrupados, se leen sin moverlos).",
        "The events were not grouped by ticket in the tickets table's order: they were sorted in memory, with one more copy of the events (grouped, they are read where they are)."
    );
    /// Target rules no ticket matched (`targets[i] (label)`, joined).
    UNUSED_RULES = (
        "Reglas de ANS sin ningún ticket: {rules}; revise que sus valores coincidan con los de los datos.",
        "Target rules no ticket matched: {rules}; check that their values match the data's."
    );
    /// Pauses without a note; `{example}` is empty or
    /// [`UNNOTED_PAUSES_EXAMPLE`].
    UNNOTED_PAUSES = (
        "{n} suspensiones sin nota ([checks] paused_requires_note){example}.",
        "{n} pauses without a note ([checks] paused_requires_note){example}."
    );
    /// The first ticket with a pause without a note.
    UNNOTED_PAUSES_EXAMPLE = (", p. ej. ticket {id}", ", e.g. ticket {id}");
}
