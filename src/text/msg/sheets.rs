//! The workbook's sheets, one block each: titles, column headers and
//! the values written in words. Words several sheets share (ticket
//! columns, sheet names) are in [`super::report`]; the indicators' names
//! in [`super::indicators`]; the "Metodología" sheet in
//! [`super::methodology`].

crate::catalog! {
    /// "Resumen": the sheet's title.
    SUMMARY_TITLE = (
        "Indicadores de ANS de la mesa de servicios — {entity}",
        "Service desk SLA indicators — {entity}"
    );
    /// "Resumen": the entity's name.
    SUMMARY_ENTITY = ("Entidad", "Entity");
    /// "Resumen": what made the report.
    SUMMARY_GENERATED_WITH = ("Generado con", "Generated with");
    /// "Resumen": plazo's version and the policy file.
    SUMMARY_GENERATED_BY = (
        "plazo {version}; política {policy}",
        "plazo {version}; policy {policy}"
    );
    /// "Resumen": the input files.
    SUMMARY_INPUTS = ("Entradas", "Inputs");
    /// "Resumen": one input file and its data rows.
    SUMMARY_INPUT = ("{file} ({rows} filas)", "{file} ({rows} rows)");
    /// "Resumen" column: the indicator's name.
    SUMMARY_INDICATOR = ("Indicador", "Indicator");
    /// "Resumen" column: what the indicator measures.
    SUMMARY_MEANING = ("Qué mide", "What it measures");
    /// "Resumen" column: the period's value.
    SUMMARY_RESULT = ("Resultado", "Result");
    /// "Resumen" column: the previous period's value.
    SUMMARY_PREVIOUS = ("Periodo anterior", "Previous period");
    /// "Resumen" column: the difference with the previous period.
    SUMMARY_CHANGE = ("Cambio", "Change");
    /// "Resumen" column: whether the goal is met.
    SUMMARY_STATUS = ("Estado", "Status");
    /// "Resumen": the goal is met (the sheet colours cells that begin
    /// with ✔ green).
    SUMMARY_MET = ("✔ Cumple", "✔ Met");
    /// "Resumen": the goal is not met (cells that begin with ✘ red).
    SUMMARY_NOT_MET = ("✘ No cumple", "✘ Not met");
    /// "Resumen": short of the goal, within the acceptable band (cells
    /// that begin with ▲ yellow).
    SUMMARY_ACCEPTABLE = ("▲ Aceptable", "▲ Acceptable");
    /// Sheet: the chart images (formerly a title on "Resumen").
    SUMMARY_CHARTS = ("Gráficos", "Charts");
    /// "Gráficos": the title over the images (the entity is in the
    /// printed footer).
    CHARTS_TITLE = (
        "Gráficos del periodo {period}",
        "Charts of period {period}"
    );
    /// By-dimension sheets: the numerator beside a percentage.
    DIM_NUMERATOR = ("{name}: numerador", "{name}: numerator");
    /// By-dimension sheets: the denominator beside a percentage.
    DIM_DENOMINATOR = ("{name}: denominador", "{name}: denominator");
    /// By-dimension sheets: the all-tickets line under the groups.
    DIM_TOTAL = same("Total");
    /// "Tendencia" column: tickets opened.
    TREND_OPENED = ("Abiertos", "Opened");
    /// "Tendencia" column: tickets solved.
    TREND_SOLVED = ("Solucionados", "Solved");
    /// "Tendencia" column: backlog at the period's end.
    TREND_BACKLOG = ("Pendientes al cierre", "Backlog at end");
    /// "Tendencia" column: response compliance.
    TREND_RESPONSE_PCT = ("% atención en ANS", "% response in SLA");
    /// "Tendencia" column: resolution compliance.
    TREND_RESOLUTION_PCT = ("% solución en ANS", "% resolution in SLA");
    /// "Tendencia" column: response compliance's numerator.
    TREND_RESPONSE_MET = ("Atendidos en ANS", "Responded within SLA");
    /// "Tendencia" column: response compliance's denominator.
    TREND_RESPONSE_DEN = ("Atendidos con ANS", "Responded with SLA");
    /// "Tendencia" column: resolution compliance's numerator.
    TREND_RESOLUTION_MET = ("Solucionados en ANS", "Solved within SLA");
    /// "Tendencia" column: resolution compliance's denominator.
    TREND_RESOLUTION_DEN = ("Solucionados con ANS", "Solved with SLA");
    /// "Tendencia" column: the resolution compliance goal.
    TREND_TARGET = ("Meta % solución", "Target % resolution");
    /// "Tendencia" chart: compliance against the goal.
    TREND_CHART_COMPLIANCE = (
        "Cumplimiento frente a la meta",
        "Compliance vs target"
    );
    /// "Tendencia" chart: opened against solved.
    TREND_CHART_OPENED_SOLVED = (
        "Abiertos frente a solucionados",
        "Opened vs solved"
    );
    /// "Tendencia" chart: the backlog.
    TREND_CHART_BACKLOG = ("Pendientes al cierre", "Backlog at period end");
    /// "Tendencia" chart: the vertical axis of percentages.
    TREND_PERCENT = same("%");
    /// "Incumplimientos" column: which measure was breached.
    BREACH_MEASURE = ("Medida incumplida", "Breached measure");
    /// "Incumplimientos" column: when the ticket was responded.
    BREACH_RESPONDED = ("Respuesta", "Responded");
    /// "Incumplimientos" column: when the ticket was solved.
    BREACH_SOLVED = ("Solución", "Solved");
    /// "Incumplimientos" column: resolution business time used.
    BREACH_RESOLUTION_TIME = (
        "Tiempo hábil de solución",
        "Resolution business time"
    );
    /// "Incumplimientos" column: resolution time over the target.
    BREACH_OVERRUN = ("Exceso", "Overrun");
    /// "Incumplimientos" column: the response target.
    BREACH_RESPONSE_TARGET = ("Meta respuesta", "Response target");
    /// "Incumplimientos" column: response business time used.
    BREACH_RESPONSE_TIME = (
        "Tiempo hábil de respuesta",
        "Response business time"
    );
    /// "Incumplimientos" column: response time over the target.
    BREACH_RESPONSE_OVERRUN = ("Exceso respuesta", "Response overrun");
    /// "Incumplimientos" column: business time paused.
    BREACH_PAUSED_TIME = ("Tiempo en espera", "Paused time");
    /// "Incumplimientos" column: times reopened.
    BREACH_REOPENS = ("Reaperturas", "Reopens");
    /// "Incumplimientos": both measures breached.
    BREACHED_BOTH = ("solución y respuesta", "resolution and response");
    /// "Incumplimientos": the resolution breached.
    BREACHED_RESOLUTION = ("solución", "resolution");
    /// "Incumplimientos": the response breached.
    BREACHED_RESPONSE = ("respuesta", "response");
    /// "En riesgo" column: the canonical state at the cutoff.
    RISK_STATE = ("Estado al corte", "State at cutoff");
    /// "En riesgo" column: breached or at risk.
    RISK_STANDING = ("Situación", "Standing");
    /// "En riesgo" column: the resolution due date.
    RISK_DUE = ("Vence (solución)", "Due (resolution)");
    /// "En riesgo" column: business hours left to the resolution target,
    /// in decimal hours (negative when overdue: Excel shows no negative
    /// time).
    RISK_HOURS_LEFT = (
        "Horas hábiles restantes (decimal)",
        "Business hours left (decimal)"
    );
    /// "En riesgo" column: resolution business time used.
    RISK_TIME_USED = ("Tiempo hábil usado", "Business time used");
    /// "En riesgo": a measure past its target.
    RISK_OVERDUE = ("vencido", "breached");
    /// "En riesgo": a measure with 80 % or more of its target used.
    RISK_AT_RISK = ("en riesgo", "at risk");
    /// "Encuestas": the sheet's title.
    SURVEYS_TITLE = ("Encuestas del periodo", "Surveys of the period");
    /// "Encuestas": the policy's `[survey] satisfied_min`.
    SURVEYS_SATISFIED_MIN = (
        "Mínimo para 'satisfecho'",
        "Satisfied minimum"
    );
    /// "Encuestas": which tickets are surveyed.
    SURVEYS_SCOPE = ("Tickets encuestados", "Tickets surveyed");
    /// "Encuestas": every ticket is surveyed.
    SURVEYS_SCOPE_ALL = ("todos", "all");
    /// "Encuestas": the title over the comments.
    SURVEYS_COMMENTS = ("Comentarios del periodo", "Comments of the period");
    /// "Encuestas" column: when the survey was answered.
    SURVEYS_ANSWERED = ("Respondida", "Answered");
    /// "Encuestas" column: the user's comment.
    SURVEYS_COMMENT = ("Comentario", "Comment");
    /// "Excluidos" column: the exclusion in words.
    EXCLUDED_REASON = ("Motivo", "Reason");
    /// "Excluidos" column: the exclusion's id.
    EXCLUDED_REASON_ID = ("Motivo (id)", "Reason (id)");
    /// "Conciliación GLPI": business time waiting.
    RECON_WAITING = ("Espera", "Waiting");
    /// "Conciliación GLPI": the TTO due date.
    RECON_TTO_DUE = ("Vence TTO", "TTO due");
    /// "Conciliación GLPI": the TTR due date.
    RECON_TTR_DUE = ("Vence TTR", "TTR due");
    /// "Conciliación GLPI": whether TTO was breached.
    RECON_TTO_BREACHED = ("TTO incumplido", "TTO breached");
    /// "Conciliación GLPI": whether TTR was breached.
    RECON_TTR_BREACHED = ("TTR incumplido", "TTR breached");
    /// "Conciliación GLPI" column: plazo's value of a measure.
    RECON_PLAZO = same("{measure} plazo");
    /// "Conciliación GLPI" column: GLPI's value of a measure.
    RECON_GLPI = same("{measure} GLPI");
    /// "Conciliación GLPI" column: why the two differ.
    RECON_REASON = ("{measure}: motivo", "{measure}: reason");
    /// "Conciliación GLPI" column: whether any measure differs.
    RECON_DIFFERS = ("Difiere", "Differs");
    /// "Suspensiones sin nota" column: when the pause began.
    PAUSE_AT = ("Suspendido el", "Paused at");
    /// "Suspensiones sin nota" column: the tool's status label.
    PAUSE_LABEL = ("Etiqueta", "Label");
}
