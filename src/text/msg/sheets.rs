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
    TREND_OPENED = ("{Tickets} con apertura", "{Tickets} opened");
    /// "Tendencia" column: tickets solved.
    TREND_SOLVED = ("{Tickets} con {resolution}", "{Tickets} solved");
    /// "Tendencia" column: backlog at the period's end.
    TREND_BACKLOG = (
        "{Tickets} pendientes al cierre",
        "{Tickets} open at the end"
    );
    /// "Tendencia" column: response compliance.
    TREND_RESPONSE_PCT = ("% {response} en ANS", "% {response} in SLA");
    /// "Tendencia" column: resolution compliance.
    TREND_RESOLUTION_PCT = (
        "% {resolution} en ANS",
        "% {resolution} in SLA"
    );
    /// "Tendencia" column: response compliance's numerator.
    TREND_RESPONSE_MET = ("Atendidos en ANS", "Responded within SLA");
    /// "Tendencia" column: response compliance's denominator.
    TREND_RESPONSE_DEN = ("Atendidos con ANS", "Responded with SLA");
    /// "Tendencia" column: resolution compliance's numerator.
    TREND_RESOLUTION_MET = ("Solucionados en ANS", "Solved within SLA");
    /// "Tendencia" column: resolution compliance's denominator.
    TREND_RESOLUTION_DEN = ("Solucionados con ANS", "Solved with SLA");
    /// "Tendencia" column: the resolution compliance goal.
    TREND_TARGET = (
        "Meta % {resolution}",
        "Target % {resolution}"
    );
    /// "Tendencia" chart: compliance against the goal.
    TREND_CHART_COMPLIANCE = (
        "Cumplimiento frente a la meta — {period}",
        "Compliance vs target — {period}"
    );
    /// "Tendencia" chart: opened against solved.
    TREND_CHART_OPENED_SOLVED = (
        "{Tickets} con apertura y con {resolution} — {period}",
        "{Tickets} opened and solved — {period}"
    );
    /// "Tendencia" chart: the backlog.
    TREND_CHART_BACKLOG = (
        "{Tickets} pendientes al cierre — {period}",
        "{Tickets} open at the end — {period}"
    );
    /// "Tendencia" chart: the vertical axis of percentages.
    TREND_PERCENT = same("%");
    /// "Incumplimientos" column: which measure was breached.
    BREACH_MEASURE = ("Medida incumplida", "Breached measure");
    /// "Incumplimientos" column: when the ticket was responded.
    BREACH_RESPONDED = ("Fecha de {response}", "{Response} at");
    /// "Incumplimientos" column: when the ticket was solved.
    BREACH_SOLVED = ("Fecha de {resolution}", "{Resolution} at");
    /// "Incumplimientos" column: resolution business time used.
    BREACH_RESOLUTION_TIME = (
        "Tiempo hábil de {resolution}",
        "{Resolution} business time"
    );
    /// "Incumplimientos" column: resolution time over the target.
    BREACH_OVERRUN = ("Exceso de {resolution}", "{Resolution} overrun");
    /// "Incumplimientos" column: the response target.
    BREACH_RESPONSE_TARGET = ("Meta de {response}", "{Response} target");
    /// "Incumplimientos" column: response business time used.
    BREACH_RESPONSE_TIME = (
        "Tiempo hábil de {response}",
        "{Response} business time"
    );
    /// "Incumplimientos" column: response time over the target.
    BREACH_RESPONSE_OVERRUN = (
        "Exceso de {response}",
        "{Response} overrun"
    );
    /// "Incumplimientos" column: business time paused.
    BREACH_PAUSED_TIME = ("Tiempo en espera", "Paused time");
    /// "Incumplimientos" column: times reopened.
    BREACH_REOPENS = ("Reaperturas", "Reopens");
    /// "Incumplimientos": both measures breached.
    BREACHED_BOTH = ("{resolution} y {response}", "{resolution} and {response}");
    /// "Incumplimientos": the resolution breached.
    BREACHED_RESOLUTION = same("{resolution}");
    /// "Incumplimientos": the response breached.
    BREACHED_RESPONSE = same("{response}");
    /// "Incumplimientos" column: the ticket's state at the cutoff, or
    /// that a measure is past due and unfinished.
    BREACH_STATE = ("Estado al corte", "State at cutoff");
    /// "Incumplimientos", "Estado al corte": unsolved at the cutoff with
    /// the resolution target used up.
    BREACH_OVERDUE_RESOLUTION = (
        "Plazo vencido, {resolution} pendiente",
        "Past due, {resolution} pending"
    );
    /// "Incumplimientos", "Estado al corte": not responded at the cutoff
    /// with the response target used up.
    BREACH_OVERDUE_RESPONSE = (
        "Plazo vencido, {response} pendiente",
        "Past due, {response} pending"
    );
    /// "Incumplimientos" column: when the resolution target is (was) due.
    BREACH_RESOLUTION_DUE = (
        "Vencimiento de {resolution}",
        "{Resolution} due"
    );
    /// "Incumplimientos" column: when the response target is (was) due.
    BREACH_RESPONSE_DUE = ("Vencimiento de {response}", "{Response} due");
    /// "Incumplimientos" column: the failed measure's business time split
    /// by the group that held the ticket ("Nivel 1 Mesa 3:10; Nivel 2
    /// Especialistas 5:40").
    BREACH_BY_GROUP = (
        "Tiempo hábil por {group} (medida incumplida)",
        "Business time by {group} (breached measure)"
    );
    /// "Incumplimientos", "Tiempo por grupo": time held by no known group.
    BREACH_NO_GROUP = ("(sin {group})", "(no {group})");
    /// "En riesgo" column: the canonical state at the cutoff.
    RISK_STATE = ("Estado al corte", "State at cutoff");
    /// "En riesgo" column: breached or at risk.
    RISK_STANDING = ("Situación", "Standing");
    /// "En riesgo" column: the resolution due date.
    RISK_DUE = ("Vence ({resolution})", "Due ({resolution})");
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
    /// "Datos": a measure under 80 % of its target at the cutoff.
    RISK_ON_TRACK = ("a tiempo", "on track");
    /// "Encuestas": the sheet's title.
    SURVEYS_TITLE = ("Encuestas del periodo", "Surveys of the period");
    /// "Encuestas": the policy's `[survey] satisfied_min`.
    SURVEYS_SATISFIED_MIN = (
        "Calificación mínima de satisfacción",
        "Lowest satisfied score"
    );
    /// "Encuestas": which tickets are surveyed.
    SURVEYS_SCOPE = ("Alcance de la encuesta", "Survey scope");
    /// "Encuestas": the top of the survey scale.
    SURVEYS_SCALE = ("escala hasta {max}", "scale up to {max}");
    /// "Encuestas": every ticket is surveyed.
    SURVEYS_SCOPE_ALL = (
        "cada {ticket} con {resolution}",
        "every {ticket} solved"
    );
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
    /// "Datos" column `ticket_id`.
    DATA_TICKET_ID = same("{Ticket}");
    /// "Datos" column `type`.
    DATA_TYPE = ("Tipo", "Type");
    /// "Datos" column `priority`.
    DATA_PRIORITY = ("Prioridad", "Priority");
    /// "Datos" column `category`.
    DATA_CATEGORY = ("Categoría", "Category");
    /// "Datos" column `group`.
    DATA_GROUP = same("{Group}");
    /// "Datos" column `assignee`.
    DATA_ASSIGNEE = same("{Assignee}");
    /// "Datos" column `opened_at`.
    DATA_OPENED_AT = ("Apertura", "Opened");
    /// "Datos" column `responded_at`.
    DATA_RESPONDED_AT = ("Fecha de {response}", "{Response} at");
    /// "Datos" column `solved_at`.
    DATA_SOLVED_AT = ("Fecha de {resolution}", "{Resolution} at");
    /// "Datos" column `closed_at`.
    DATA_CLOSED_AT = ("Cierre", "Closed");
    /// "Datos" column `state`.
    DATA_STATE = ("Estado al corte", "State at cutoff");
    /// "Datos" column `response_business_s`.
    DATA_RESPONSE_TIME = ("Tiempo hábil de {response}", "{Response} business time");
    /// "Datos" column `resolution_business_s`.
    DATA_RESOLUTION_TIME = ("Tiempo hábil de {resolution}", "{Resolution} business time");
    /// "Datos" column `paused_business_s`.
    DATA_PAUSED_TIME = ("Tiempo en espera", "Paused time");
    /// "Datos" column `response_target_s`.
    DATA_RESPONSE_TARGET = ("Meta de {response}", "{Response} target");
    /// "Datos" column `resolution_target_s`.
    DATA_RESOLUTION_TARGET = ("Meta de {resolution}", "{Resolution} target");
    /// "Datos" column `response_met`.
    DATA_RESPONSE_MET = ("{Response} en ANS", "{Response} within SLA");
    /// "Datos" column `resolution_met`.
    DATA_RESOLUTION_MET = ("{Resolution} en ANS", "{Resolution} within SLA");
    /// "Datos" column `resolution_due_at`.
    DATA_RESOLUTION_DUE = ("Vence ({resolution})", "Due ({resolution})");
    /// "Datos" column `reopen_count`.
    DATA_REOPENS = ("Reaperturas", "Reopens");
    /// "Datos" column `survey_score`.
    DATA_SURVEY_SCORE = ("Calificación de la encuesta", "Survey score");
    /// "Datos" column `excluded_reason`.
    DATA_EXCLUDED = ("Motivo de exclusión", "Exclusion reason");
    /// "Datos" column `wall_resolution_s`.
    DATA_WALL_RESOLUTION = ("Tiempo calendario de {resolution}", "{Resolution} calendar time");
    /// "Datos" column `response_due_at`.
    DATA_RESPONSE_DUE = ("Vence ({response})", "Due ({response})");
    /// "Datos" column `response_class`.
    DATA_RESPONSE_CLASS = ("Situación de {response}", "{Response} standing");
    /// "Datos" column `resolution_class`.
    DATA_RESOLUTION_CLASS = ("Situación de {resolution}", "{Resolution} standing");
    /// "Datos" column `at_risk`.
    DATA_AT_RISK = ("Situación al corte", "Standing at cutoff");
    /// "Datos" column `auto_closed`.
    DATA_AUTO_CLOSED = ("Cierre automático", "Auto-closed");
    /// "Datos" column `close_late`.
    DATA_CLOSE_LATE = ("Cierre tardío", "Closed late");
    /// "Datos" column `response_overrun_s`.
    DATA_RESPONSE_OVERRUN = ("Exceso de {response}", "{Response} overrun");
    /// "Datos" column `resolution_overrun_s`.
    DATA_RESOLUTION_OVERRUN = ("Exceso de {resolution}", "{Resolution} overrun");
    /// "Datos" column `solved_before_reopen_business_s`.
    DATA_SOLVED_BEFORE_REOPEN = ("Tiempo hábil antes de la reapertura", "Business time before reopening");
    /// "Datos" column `survey_answered_at`.
    DATA_SURVEY_ANSWERED = ("Encuesta respondida", "Survey answered");
    /// "Datos" column `target_rule`.
    DATA_TARGET_RULE = ("Regla de ANS (#)", "Target rule (#)");
    /// "Datos" column `events`.
    DATA_EVENTS = ("Eventos", "Events");
}
