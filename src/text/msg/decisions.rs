//! The committee's decisions (`--decisions`, docs/CONTRACT.md §5.7): the
//! reader's errors, the "Decisiones" sheet, the breach sheet's
//! "Decisión" column and the Metodología line.

crate::catalog! {
    /// `--decisions` names no file.
    NOT_FILE = (
        "--decisions {path}: no existe o no es un archivo; indique el CSV de decisiones del comité (ticket, measure, decision, reason, who, date)",
        "--decisions {path}: missing or not a file; give the committee's decisions CSV (ticket, measure, decision, reason, who, date)"
    );
    /// The decisions file lacks a column.
    MISSING_COLUMN = (
        "{file}: falta la columna {column}; el archivo de decisiones lleva las columnas ticket, measure, decision, reason, who, date (o en español caso, medida, decision, motivo, quien, fecha)",
        "{file}: column {column} is missing; the decisions file has the columns ticket, measure, decision, reason, who, date (or in Spanish caso, medida, decision, motivo, quien, fecha)"
    );
    /// A row that cannot be read (wrong number of fields, encoding).
    BAD_ROW = (
        "{file}, línea {line}: {detail}; corrija la fila",
        "{file}, line {line}: {detail}; fix the row"
    );
    /// A ticket id that is not in the tickets table.
    UNKNOWN_TICKET = (
        "{file}, línea {line}, columna {column}: {value} no está en la tabla de tickets; corrija el identificador o quite la fila",
        "{file}, line {line}, column {column}: {value} is not in the tickets table; correct the id or remove the row"
    );
    /// A measure that is neither response nor resolution.
    BAD_MEASURE = (
        "{file}, línea {line}, columna {column}: {value} no es una medida; escriba response (o atencion) o resolution (o solucion)",
        "{file}, line {line}, column {column}: {value} is not a measure; write response (or atencion) or resolution (or solucion)"
    );
    /// A decision word that is not known.
    BAD_DECISION = (
        "{file}, línea {line}, columna {column}: {value} no es una decisión; escriba accepted (aceptado), disputed (en disputa) o waived (exonerado)",
        "{file}, line {line}, column {column}: {value} is not a decision; write accepted (aceptado), disputed (en disputa) or waived (exonerado)"
    );
    /// A date that cannot be read.
    BAD_DATE = (
        "{file}, línea {line}, columna {column}: {value} no es una fecha; escriba AAAA-MM-DD (2026-11-04) o DD/MM/AAAA (04/11/2026)",
        "{file}, line {line}, column {column}: {value} is not a date; write YYYY-MM-DD (2026-11-04) or DD/MM/YYYY (04/11/2026)"
    );
    /// An empty reason or who.
    EMPTY_VALUE = (
        "{file}, línea {line}, columna {column}: vacía; escriba el motivo de la decisión y quién la tomó",
        "{file}, line {line}, column {column}: empty; write the decision's reason and who took it"
    );
    /// Two decisions on the same ticket and measure.
    DUPLICATE = (
        "{file}, línea {line}: {id} ya tiene una decisión sobre {what} en la línea {first}; deje una sola",
        "{file}, line {line}: {id} already has a decision on {what} at line {first}; keep only one"
    );
    /// The measure words.
    MEASURE_RESPONSE = same("{Response}");
    /// See [`MEASURE_RESPONSE`].
    MEASURE_RESOLUTION = same("{Resolution}");
    /// Decision `accepted`.
    ACCEPTED = ("Aceptado", "Accepted");
    /// Decision `disputed`.
    DISPUTED = ("En disputa (pendiente)", "Disputed (pending)");
    /// Decision `waived`.
    WAIVED = ("Exonerado", "Waived");
    /// Sheet name.
    SHEET = ("Decisiones", "Decisions");
    /// Sheet title.
    TITLE = (
        "Decisiones del comité — {period}",
        "Committee decisions — {period}"
    );
    /// The dating rule, under the title.
    RULE_DATED = (
        "Una exoneración saca esa medida de ese {ticket} del denominador (y del numerador) de su indicador, nada más; se aplica a los periodos cuyo último día es igual o posterior a la fecha de la decisión: los periodos anteriores conservan sus cifras.",
        "A waiver takes that measure of that {ticket} out of its indicator's denominator (and numerator), nothing else; it applies to the periods whose last day is on or after the decision's date: earlier periods keep their figures."
    );
    /// The rule with `--restate`.
    RULE_RESTATED = (
        "Una exoneración saca esa medida de ese {ticket} del denominador (y del numerador) de su indicador, nada más; con --restate se aplica a todos los periodos, también a los anteriores a su fecha (Tendencia incluida).",
        "A waiver takes that measure of that {ticket} out of its indicator's denominator (and numerator), nothing else; with --restate it applies to every period, also those before its date (Trend included)."
    );
    /// Column headers.
    COL_MEASURE = ("Medida", "Measure");
    /// See [`COL_MEASURE`].
    COL_DECISION = ("Decisión", "Decision");
    /// See [`COL_MEASURE`].
    COL_REASON = ("Motivo", "Reason");
    /// See [`COL_MEASURE`].
    COL_WHO = ("Quién", "Who");
    /// See [`COL_MEASURE`].
    COL_DATE = ("Fecha", "Date");
    /// See [`COL_MEASURE`].
    COL_APPLIED = ("Aplicada en el periodo", "Applied in the period");
    /// See [`COL_MEASURE`].
    COL_WHY = ("Por qué", "Why");
    /// See [`COL_MEASURE`].
    COL_INDICATOR = ("Indicador", "Indicator");
    /// See [`COL_MEASURE`].
    COL_BEFORE = ("Antes", "Before");
    /// See [`COL_MEASURE`].
    COL_AFTER = ("Después", "After");
    /// See [`COL_MEASURE`].
    COL_COUNTS = ("Numerador/denominador", "Numerator/denominator");
    /// Why: a waiver applied.
    WHY_APPLIED = (
        "Exonerada: la medida sale del indicador",
        "Waived: the measure leaves the indicator"
    );
    /// Why: accepted.
    WHY_ACCEPTED = (
        "Aceptado: el incumplimiento cuenta; ninguna cifra cambia",
        "Accepted: the breach counts; no figure changes"
    );
    /// Why: disputed.
    WHY_DISPUTED = (
        "En disputa: pendiente de resolver; ninguna cifra cambia",
        "Disputed: pending; no figure changes"
    );
    /// Why: dated after the period.
    WHY_LATER = (
        "Fechada el {date}, después del último día del periodo; se aplica desde el periodo de su fecha (o a todos con --restate)",
        "Dated {date}, after the period's last day; it applies from the period of its date (or to every period with --restate)"
    );
    /// Why: the measure counts in another period.
    WHY_OUTSIDE = (
        "La medida no cuenta en este periodo (terminó el {date})",
        "The measure does not count in this period (it finished on {date})"
    );
    /// Why: the measure has no verdict (unfinished, no target, excluded).
    WHY_NO_VERDICT = (
        "La medida no tiene veredicto en este periodo (sin terminar, sin meta o excluida)",
        "The measure has no verdict in this period (unfinished, no target or excluded)"
    );
    /// The totals line of the effect table.
    TOTAL = ("Todas las decisiones", "Every decision");
    /// No decision in the file.
    NONE = ("El archivo no tiene decisiones.", "The file has no decision.");
    /// The breach sheet's column.
    BREACH_COLUMN = ("Decisión", "Decision");
    /// The breach sheet's cell: decision words and measure.
    BREACH_CELL = same("{decision} ({what}, {date})");
    /// Metodología: the setting's name.
    METHOD_KEY = ("Decisiones del comité", "Committee decisions");
    /// Metodología: the setting's value.
    METHOD_VALUE = (
        "{file} (SHA-256 {sha}): {count} decisiones, {waived} exoneraciones aplicadas en el periodo; {rule}",
        "{file} (SHA-256 {sha}): {count} decisions, {waived} waivers applied in the period; {rule}"
    );
    /// Metodología: the dating rule, short.
    METHOD_DATED = (
        "cada una desde el periodo de su fecha",
        "each from the period of its date"
    );
    /// Metodología: `--restate`, short.
    METHOD_RESTATED = (
        "con --restate, en todos los periodos",
        "with --restate, in every period"
    );
    /// Metodología: the input file's role.
    ROLE = ("decisiones", "decisions");
}
