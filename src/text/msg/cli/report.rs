//! `plazo report`: the period's arguments and the summary on stderr.

crate::catalog! {
    /// After [`SUMMARY`], when the events were not in the tickets' order
    /// (`{line}` of `{file}` came after its ticket's window).
    EVENTS_READ_WHOLE = (
        "La fila {line} de {file} es de un ticket anterior a los ya evaluados, así que las tablas se leyeron enteras en memoria (una segunda lectura); con los eventos ordenados como los tickets, plazo report los lee por bloques de tickets y guarda solo los de los casos que sus listas muestran.",
        "Row {line} of {file} belongs to a ticket before those already evaluated, so the tables were read whole into memory (a second read); with the events in the tickets' order, plazo report reads them a block of tickets at a time and keeps only those of the cases its lists show."
    );
    /// `--queries` is not a folder.
    QUERIES_NOT_DIR = (
        "--queries {path}: no es una carpeta",
        "--queries {path}: not a folder"
    );
    /// `--from` or `--to` is not a date; `{value}` is quoted.
    BAD_DATE = (
        "{flag} {value}: use una fecha AAAA-MM-DD",
        "{flag} {value}: use a date YYYY-MM-DD"
    );
    /// No period option and no `[report] period` in the policy.
    NO_PERIOD = (
        "indique el periodo: --period 2026-10, --quarter 2026Q3, --from FECHA --to FECHA o --period previous-month (o [report] period = \"month\" en la política)",
        "give the period: --period 2026-10, --quarter 2026Q3, --from DATE --to DATE or --period previous-month (or [report] period = \"month\" in the policy)"
    );
    /// The summary; `{response_pct}` and `{resolution_pct}` are
    /// percentages (`88.8 %`) or `-`; the words are the entity's.
    SUMMARY = (
        "plazo report {policy} {period} (corte {cutoff}): {tickets}: {opened} con apertura, {solved} con {resolution}, {backlog} pendientes al cierre; {response} en ANS {response_pct}, {resolution} en ANS {resolution_pct}; {breaches} incumplimientos, {at_risk} en riesgo al corte; {files} archivos escritos en {out}.",
        "plazo report {policy} {period} (cutoff {cutoff}): {tickets}: {opened} opened, {solved} solved, {backlog} open at the end; {response} within SLA {response_pct}, {resolution} within SLA {resolution_pct}; {breaches} breaches, {at_risk} at risk at the cutoff; {files} files written to {out}."
    );
}
