//! `plazo sla`: the output check, the progress bar and the summary on
//! stderr (one paragraph: a sentence each).

crate::catalog! {
    /// `--out` is neither a .csv nor a .parquet file.
    OUT_FORMAT = (
        "--out {path}: use un archivo .csv o .parquet",
        "--out {path}: use a .csv or .parquet file"
    );
    /// `--out -` with a format other than CSV.
    STDOUT_CSV = (
        "--out -: la salida estándar solo admite CSV; quite --format o use --format csv",
        "--out -: standard output takes CSV only; drop --format or use --format csv"
    );
    /// `--shard` with `--glpi-db`.
    SHARD_FILES_ONLY = (
        "--shard reparte las tablas leídas de archivos; con --glpi-db lea la base completa (sin --shard)",
        "--shard splits tables read from files; with --glpi-db read the whole database (without --shard)"
    );
    /// `--shard` with `[report] people` initials, or pseudonyms without
    /// the key.
    SHARD_PEOPLE = (
        "--shard: {policy} reemplaza los nombres de las personas ([report] people) y cada fragmento los numeraría a su manera; use people = \"pseudonyms\" con la clave PLAZO_PSEUDONYM_KEY (la misma en todos los fragmentos) o people = \"names\"",
        "--shard: {policy} replaces people's names ([report] people) and each shard would number them its own way; use people = \"pseudonyms\" with the key PLAZO_PSEUDONYM_KEY (the same in every shard) or people = \"names\""
    );
    /// `--format` is neither csv nor parquet.
    BAD_FORMAT = (
        "--format {value}: use csv o parquet",
        "--format {value}: use csv or parquet"
    );
    /// With `--out -` and no `--rejects`: the rejected rows are only
    /// counted.
    REJECTS_NOT_WRITTEN = (
        "{n} filas o celdas rechazadas (no escritas: use --rejects ARCHIVO para verlas).",
        "{n} rejected rows or cells (not written: use --rejects FILE to see them)."
    );
    /// With `--shard`: the rows of the other shards' tickets, skipped.
    SUMMARY_SHARD = (
        "Fragmento {k}/{n}: omitidos {tickets} tickets de otros fragmentos, con {events} eventos y {surveys} filas de encuestas.",
        "Shard {k}/{n}: skipped {tickets} tickets of other shards, with {events} events and {surveys} survey rows."
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
    /// After [`EVENTS_UNORDERED`], when the read by windows of tickets
    /// stopped at an event of an earlier ticket and read the tables whole
    /// instead.
    EVENTS_READ_WHOLE = (
        "La fila {line} de {file} es de un ticket anterior a los ya evaluados, así que las tablas se leyeron enteras en memoria (una segunda lectura); con los eventos ordenados como los tickets, plazo sla los lee por bloques de tickets y su memoria no crece con los eventos.",
        "Row {line} of {file} belongs to a ticket before those already evaluated, so the tables were read whole into memory (a second read); with the events in the tickets' order, plazo sla reads them a block of tickets at a time and its memory does not grow with the events."
    );
    /// After [`SUMMARY_EVENTS`], when people who appear only in the
    /// events changed a label `[report] people` gives the tickets' people
    /// (the tables were then read whole).
    EVENTS_PEOPLE_WHOLE = (
        "Personas que solo aparecen en los eventos cambiaron las etiquetas de [report] people de los tickets, así que las tablas se leyeron enteras en memoria (una segunda lectura).",
        "People who appear only in the events changed the labels [report] people gives the tickets' people, so the tables were read whole into memory (a second read)."
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
