//! Runs that must not pass quietly (docs/ROBUSTNESS.md): the rejected
//! rows first in every summary, `--max-rejects` / `[checks] max_rejects`
//! above its threshold, and a run with nothing left to measure. Each
//! failure is one paragraph: what happened in numbers, what was not
//! written, where the reasons are, what to do.

crate::catalog! {
    /// The first sentence of a summary when rows or cells were rejected.
    REJECTS_FIRST = (
        "{n} filas o celdas rechazadas (ver {path}).",
        "{n} rejected rows or cells (see {path})."
    );
    /// Above `--max-rejects` / `[checks] max_rejects`. `{source}` is
    /// [`FROM_FLAG`] or [`FROM_POLICY`], `{what}` one of the `NOT_WRITTEN_*`.
    MAX_REJECTS_EXCEEDED = (
        "demasiados rechazos: {n} filas o celdas rechazadas de {rows} filas leídas ({pct}), más que el máximo {max} de {source}; {what}. Los motivos, fila por fila, están en {path}: corrija la exportación, o suba el máximo si esas filas pueden quedar fuera",
        "too many rejects: {n} rows or cells rejected of {rows} rows read ({pct}), more than the maximum {max} set by {source}; {what}. The reasons, row by row, are in {path}: fix the export, or raise the maximum if those rows may be left out"
    );
    /// The threshold came from the command line.
    FROM_FLAG = same("--max-rejects");
    /// The threshold came from the policy.
    FROM_POLICY = (
        "[checks] max_rejects en {policy}",
        "[checks] max_rejects in {policy}"
    );
    /// `plazo sla` did not write its table.
    NOT_WRITTEN_SLA = (
        "no se escribió {out}",
        "{out} was not written"
    );
    /// `plazo report` did not write the report.
    NOT_WRITTEN_REPORT = (
        "no se escribió el informe en {out}",
        "the report was not written to {out}"
    );
    /// `plazo ingest` did not write the canonical tables.
    NOT_WRITTEN_INGEST = (
        "no se escribieron las tablas en {out} (solo rejects.csv)",
        "the tables were not written to {out} (only rejects.csv)"
    );
    /// `sla` / `report`: no ticket left to measure. `{reasons}` is empty
    /// or the exclusions by reason in parentheses, after a space;
    /// `{rejected}` is empty or [`NOTHING_REJECTED_PART`].
    NOTHING_TO_MEASURE = (
        "nada que medir: de {rows} filas de tickets leídas se aceptaron {tickets} tickets y ninguno queda por medir ({excluded} excluidos{reasons}){rejected}; {what}. Un resultado vacío no debe archivarse: revise que la exportación sea la del periodo, el corte y las exclusiones de la política",
        "nothing to measure: of {rows} ticket rows read, {tickets} tickets were accepted and none is left to measure ({excluded} excluded{reasons}){rejected}; {what}. An empty result must not be filed: check that the export is the period's, the cutoff and the policy's exclusions"
    );
    /// `sla` / `report`: no ticket accepted at all. `{rejected}` is empty
    /// or [`NOTHING_REJECTED_PART`].
    NOTHING_ACCEPTED = (
        "nada que medir: ningún ticket aceptado de {rows} filas de tickets leídas{rejected}; {what}. Un resultado vacío no debe archivarse: revise las fechas, columnas y codificación de la exportación",
        "nothing to measure: no ticket accepted out of {rows} ticket rows read{rejected}; {what}. An empty result must not be filed: check the export's dates, columns and encoding"
    );
    /// The rejected part of [`NOTHING_TO_MEASURE`].
    NOTHING_REJECTED_PART = (
        "; {n} filas o celdas rechazadas, con su motivo en {path}",
        "; {n} rows or cells rejected, with their reason in {path}"
    );
    /// `ingest`: no ticket accepted; `{rejected}` is empty or
    /// [`NOTHING_REJECTED_PART`].
    NOTHING_INGESTED = (
        "nada que medir: ningún ticket aceptado de {rows} filas leídas{rejected}; {what}. Revise la fuente (--source), el formato de fecha (--date-format), la codificación y las columnas de la exportación",
        "nothing to measure: no ticket accepted out of {rows} rows read{rejected}; {what}. Check the source (--source), the date format (--date-format), the encoding and the export's columns"
    );
    /// `check`: no ticket accepted (one of its problems).
    CHECK_NO_TICKETS = (
        "ningún ticket aceptado de {rows} filas leídas: con estos archivos plazo sla, report e ingest no tendrían nada que medir y saldrían con código 1",
        "no ticket accepted out of {rows} rows read: with these files plazo sla, report and ingest would have nothing to measure and exit with code 1"
    );
}
