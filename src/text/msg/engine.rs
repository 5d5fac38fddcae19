//! The SLA engine's messages: policy keys that name missing columns,
//! unreadable ticket cells, unmapped status labels, exclusion reasons.

crate::catalog! {
    /// `--sla-rows` names a folder without tables.
    SLA_ROWS_NONE = (
        "--sla-rows {path}: la carpeta no tiene archivos .csv ni .parquet; indique la salida de plazo sla (un archivo o la carpeta de sus partes)",
        "--sla-rows {path}: the folder has no .csv or .parquet file; give the output of plazo sla (one file or the folder of its parts)"
    );
    /// A table read as precomputed rows lacks a column.
    SLA_ROWS_COLUMN = (
        "{file}: falta la columna {column}: no es una tabla de plazo sla de esta versión; vuelva a generarla con plazo sla",
        "{file}: column {column} is missing: not a plazo sla table of this version; write it again with plazo sla"
    );
    /// A cell of a precomputed row cannot be read.
    SLA_ROWS_CELL = (
        "{file}, línea {line}, columna {column}: valor {value} ilegible (se espera {expected}); la tabla debe ser la que escribió plazo sla, sin editar",
        "{file}, line {line}, column {column}: unreadable value {value} (expected {expected}); the table must be the one plazo sla wrote, unedited"
    );
    /// A ticket appears in two precomputed rows.
    SLA_ROWS_DUPLICATE = (
        "el ticket {id} está en {first} (línea {first_line}) y en {second} (línea {second_line}): cada ticket debe estar en una sola parte; quite las partes de otra corrida o use el mismo N en todos los --shard",
        "ticket {id} is in {first} (line {first_line}) and in {second} (line {second_line}): each ticket must be in one part only; remove the parts of another run or use the same N in every --shard"
    );
    /// Precomputed rows of another policy file.
    SLA_ROWS_POLICY = (
        "{file}, línea {line}: las filas se calcularon con otra política (policy_sha256 {found}; la de --policy es {expected}); pase a plazo report la misma política que a plazo sla, o vuelva a correr plazo sla",
        "{file}, line {line}: the rows were computed with another policy (policy_sha256 {found}; --policy's is {expected}); give plazo report the same policy as plazo sla, or run plazo sla again"
    );
    /// Precomputed rows of another cutoff.
    SLA_ROWS_CUTOFF = (
        "{file}, línea {line}: las filas se calcularon al corte {found} y el informe usa {expected}; corra plazo sla con --cutoff {expected} o pase ese --cutoff a plazo report",
        "{file}, line {line}: the rows were computed at cutoff {found} and the report uses {expected}; run plazo sla with --cutoff {expected} or give that --cutoff to plazo report"
    );
    /// A policy key names a tickets column the table lacks.
    NO_COLUMN = (
        "{policy}: {key}: la tabla de tickets no tiene la columna {col} (columnas adicionales: {extra}{more}); agréguela a la exportación o corrija el nombre",
        "{policy}: {key}: the tickets table has no column {col} (extra columns: {extra}{more}); add it to the export or fix the name"
    );
    /// [`NO_COLUMN`]'s `{more}` where the canonical attributes work too.
    NO_COLUMN_CANONICAL = (
        "; también sirven type, priority, category, service, group, assignee, requester y channel",
        "; type, priority, category, service, group, assignee, requester and channel work too"
    );
    /// A `[clock] start` cell is not a date.
    UNREADABLE_CLOCK_START = (
        "fecha ilegible: use ISO 8601 (2026-03-05 14:22[:10][-05:00]); el reloj empieza en opened_at",
        "unreadable date: use ISO 8601 (2026-03-05 14:22[:10][-05:00]); the clock starts at opened_at"
    );
    /// A `[targets_from_ticket]` cell is unreadable: what happens then.
    OWN_TARGET_FALLBACK = (
        "{why} (el ticket se mide con el objetivo de su regla)",
        "{why} (the ticket is measured with its rule's target)"
    );
    /// Head of the unmapped status labels error.
    UNKNOWN_LABELS = (
        "{policy}: {n} etiqueta(s) de estado sin mapear en [states]:",
        "{policy}: {n} status label(s) not mapped in [states]:"
    );
    /// One unmapped label, its count and an example.
    UNKNOWN_LABEL = (
        "\n  {label}: {count} eventos, p. ej. ticket {id}",
        "\n  {label}: {count} events, e.g. ticket {id}"
    );
    /// How to map the unmapped labels.
    UNKNOWN_LABELS_FIX = (
        "\nagréguelas a la clave de su estado en [states], p. ej. paused = [..., {first}] (new, open, paused, solved, closed o cancelled)",
        "\nadd them to their state's key in [states], e.g. paused = [..., {first}] (new, open, paused, solved, closed or cancelled)"
    );
    /// Exclusion reason: cancelled.
    EXCL_CANCELLED = ("anulado", "cancelled");
    /// Exclusion reason: a massive incident.
    EXCL_MASSIVE = ("incidente masivo", "massive incident");
    /// Exclusion reason: an excluded type.
    EXCL_TYPE = ("tipo excluido", "excluded type");
    /// Exclusion reason: an excluded category.
    EXCL_CATEGORY = ("categoría excluida", "excluded category");
    /// Exclusion reason: no target rule.
    EXCL_NO_TARGET = ("sin ANS aplicable", "no target rule matches");
    /// Exclusion reason: opened after the cutoff.
    EXCL_AFTER_CUTOFF = ("abierto después del corte", "opened after the cutoff");
    /// Exclusion reason: a named rule (without its own description).
    EXCL_RULE = ("regla de exclusión", "exclusion rule");
    /// Writing a Parquet file failed.
    PARQUET_WRITE = (
        "no se pudo escribir {path}: {detail}",
        "could not write {path}: {detail}"
    );
}
