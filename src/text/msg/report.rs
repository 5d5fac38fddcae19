//! The report's files: the workbook's sheet names and document title,
//! the column titles that several sheets (and charts) share, and the
//! errors of writing the workbook and the charts and of running custom
//! queries.

crate::catalog! {
    /// Sheet: the period's indicators against their goals.
    SHEET_SUMMARY = ("Resumen", "Summary");
    /// Sheet: the indicators by priority.
    SHEET_BY_PRIORITY = ("Por prioridad", "By priority");
    /// Sheet: the indicators by category.
    SHEET_BY_CATEGORY = ("Por categoría", "By category");
    /// Sheet: the indicators by ticket type (incidente, requerimiento...).
    SHEET_BY_TYPE = ("Por tipo", "By type");
    /// Sheet: the indicators by resolver group.
    SHEET_BY_GROUP = ("Por {group}", "By {group}");
    /// Sheet: the indicators by technician.
    SHEET_BY_TECHNICIAN = ("Por {assignee}", "By {assignee}");
    /// Sheet: the last 12 periods.
    SHEET_TREND = ("Tendencia", "Trend");
    /// Sheet: the tickets that breached a target in the period.
    SHEET_BREACHES = ("Incumplimientos", "Breaches");
    /// Sheet: open tickets breached or at risk at the cutoff.
    SHEET_AT_RISK = ("En riesgo", "At risk");
    /// Sheet: survey figures, scores and comments.
    SHEET_SURVEYS = ("Encuestas", "Surveys");
    /// Sheet: tickets excluded from the targets.
    SHEET_EXCLUDED = ("Excluidos", "Excluded");
    /// Sheet: the per-ticket table.
    SHEET_DATA = ("Datos", "Data");
    /// Sheet: how the figures were computed.
    SHEET_METHODOLOGY = ("Metodología", "Methodology");
    /// Sheet: plazo's figures beside GLPI's own SLA fields.
    SHEET_RECONCILIATION = ("Conciliación GLPI", "GLPI reconciliation");
    /// The workbook's title in its document properties.
    DOC_TITLE = (
        "Indicadores ANS {entity} {period}",
        "SLA indicators {entity} {period}"
    );
    /// Column: the ticket's id.
    COL_TICKET = same("{Ticket}");
    /// Column: the ticket's title.
    COL_TITLE = ("Título", "Title");
    /// Column: the ticket's type.
    COL_TYPE = ("Tipo", "Type");
    /// Column: the ticket's priority.
    COL_PRIORITY = ("Prioridad", "Priority");
    /// Column: the ticket's category.
    COL_CATEGORY = ("Categoría", "Category");
    /// Column: the resolver group.
    COL_GROUP = same("{Group}");
    /// Column: the technician (assignee).
    COL_TECHNICIAN = same("{Assignee}");
    /// Column or label: the report period.
    COL_PERIOD = ("Periodo", "Period");
    /// Label: the cutoff instant.
    COL_CUTOFF = ("Corte", "Cutoff");
    /// Column: when the ticket was opened.
    COL_OPENED = ("Apertura", "Opened");
    /// Column: the response measure (time to first response).
    COL_RESPONSE = same("{Response}");
    /// Column: the resolution measure (time to solution).
    COL_RESOLUTION = same("{Resolution}");
    /// Column: the resolution target.
    COL_RESOLUTION_TARGET = (
        "Meta de {resolution}",
        "{Resolution} target"
    );
    /// Column: an indicator's goal.
    COL_TARGET = ("Meta", "Target");
    /// Column or axis: a survey score.
    COL_SCORE = ("Calificación", "Score");
    /// Column or axis: a number of survey answers.
    COL_ANSWERS = ("Respuestas", "Answers");
    /// The group of tickets whose attribute is empty.
    NO_VALUE = ("(sin dato)", "(none)");
    /// A period with its first and last day.
    PERIOD_SPAN = same("{label} ({first} – {last})");
    /// A lower bound: a minimum goal, the last bin of a histogram.
    AT_LEAST = same("≥ {value}");
    /// A column header or label whose value the policy marks as assumed
    /// (`assumed`): the procedure does not set it.
    ASSUMED_HEADER = (
        "{text} (valor supuesto)",
        "{text} (assumed value)"
    );
    /// An instant with the zone it is read in (the cutoff).
    INSTANT_IN_ZONE = same("{when} ({zone})");
    /// The policy's zone in words, with its UTC offset.
    ZONE_TEXT = (
        "hora de {zone}, UTC{offset}",
        "{zone} time, UTC{offset}"
    );
    /// The zone America/Bogota by its country.
    ZONE_COLOMBIA = same("Colombia");
    /// A month period in words.
    PERIOD_MONTH = same("{month} {year}");
    /// A quarter period in words.
    PERIOD_QUARTER = (
        "trimestre {quarter} de {year}",
        "Q{quarter} {year}"
    );
    /// A range of days or of periods.
    PERIOD_RANGE = same("{first} – {last}");
    /// January.
    MONTH_1 = ("enero", "January");
    /// February.
    MONTH_2 = ("febrero", "February");
    /// March.
    MONTH_3 = ("marzo", "March");
    /// April.
    MONTH_4 = ("abril", "April");
    /// May.
    MONTH_5 = ("mayo", "May");
    /// June.
    MONTH_6 = ("junio", "June");
    /// July.
    MONTH_7 = ("julio", "July");
    /// August.
    MONTH_8 = ("agosto", "August");
    /// September.
    MONTH_9 = ("septiembre", "September");
    /// October.
    MONTH_10 = ("octubre", "October");
    /// November.
    MONTH_11 = ("noviembre", "November");
    /// December.
    MONTH_12 = ("diciembre", "December");
    /// An upper bound: a maximum goal.
    AT_MOST = same("≤ {value}");
    /// Printed footer, left: the entity and the report period.
    PRINT_FOOTER = (
        "{entity} — periodo {period}",
        "{entity} — period {period}"
    );
    /// Printed footer, right: the page number and the page count.
    PRINT_PAGE = ("Página {page} de {pages}", "Page {page} of {pages}");
    /// An indicator without a goal in the policy (the goal column of
    /// "Resumen", the fichas).
    NO_GOAL = ("sin meta definida", "no goal defined");
    /// Column: the numerator behind a figure.
    COL_NUMERATOR = ("Numerador", "Numerator");
    /// Column: the denominator behind a figure.
    COL_DENOMINATOR = ("Denominador", "Denominator");
    /// rust_xlsxwriter could not write the temporary files of the large
    /// sheets (in the system's temporary folder); its own text follows.
    XLSX_SPILL = (
        "no se pudo escribir el libro {path}: falló la escritura de sus archivos temporales en {tmp} (la carpeta temporal, variable TMPDIR: ¿disco lleno o límite `ulimit -f`?); libere espacio, amplíe el límite o apunte TMPDIR a otra carpeta; no quedó ningún archivo a medias ({detail})",
        "could not write the workbook {path}: writing its temporary files in {tmp} failed (the temporary folder, TMPDIR: a full disk or a `ulimit -f` limit?); free some space, raise the limit or point TMPDIR elsewhere; no partial file was left ({detail})"
    );
    /// rust_xlsxwriter failed; its own text follows.
    XLSX_FAILED = (
        "error al escribir el libro XLSX: {detail}",
        "error writing the XLSX workbook: {detail}"
    );
    /// plotters failed to draw a chart; its own text follows.
    CHART_FAILED = (
        "no se pudo dibujar {path}: {detail}",
        "could not draw {path}: {detail}"
    );
    /// Polars refused a custom query; its own text follows.
    QUERY_FAILED = (
        "consulta {file}: {detail} (corrija el SQL; las tablas y columnas están en queries/indicators/README.md)",
        "query {file}: {detail} (fix the SQL; tables and columns are listed in queries/indicators/README.md)"
    );
    /// The `--queries` folder cannot be listed.
    QUERY_DIR_UNREADABLE = (
        "--queries {dir}: no se puede leer la carpeta: {detail}",
        "--queries {dir}: cannot read the folder: {detail}"
    );
    /// A period no ticket touched (opened, solved or closed in it, or
    /// pending during it): the note of "Resumen", "Metodología" and the
    /// `plazo report` summary. `{period}` is the period in words.
    EMPTY_PERIOD = (
        "Periodo sin {tickets}: ninguna apertura, solución ni cierre en {period}, y ningún pendiente de antes; los indicadores quedan sin valor. Revise que la exportación cubra el periodo.",
        "Period without {tickets}: no opening, resolution or closing in {period}, and nothing pending from before; the indicators have no value. Check that the export covers the period."
    );
    /// The "Metodología" label of [`EMPTY_PERIOD`].
    EMPTY_PERIOD_LABEL = ("Periodo vacío", "Empty period");
}
