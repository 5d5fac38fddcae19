//! The monthly survey report (issue 18, Víctimas: "Mensualmente se debe
//! generar el informe de encuestas medición de la satisfacción"): the
//! survey indicators' names, the `[survey]` keys' errors, and the
//! "Encuestas" sheet's labels.

crate::catalog! {
    /// `surveys_sent`: its name.
    SENT_NAME = ("Encuestas enviadas", "Surveys sent");
    /// `surveys_sent`: what it measures.
    SENT_DESC = (
        "Encuestas enviadas en el periodo: filas de la tabla de encuestas con sent_at en el periodo o, si la tabla no trae sent_at, {tickets} del alcance de la encuesta con {resolution} en el periodo",
        "Surveys sent in the period: surveys rows with sent_at in the period or, when the table has no sent_at, {tickets} within the survey scope solved in the period"
    );
    /// `surveys_answered`: its name.
    ANSWERED_NAME = ("Encuestas respondidas", "Surveys answered");
    /// `surveys_answered`: what it measures.
    ANSWERED_DESC = (
        "De las encuestas enviadas en el periodo, las respondidas a la fecha de corte",
        "Of the surveys sent in the period, those answered by the cutoff"
    );
    /// `survey_sent_answered_pct`: its name.
    RATE_NAME = (
        "% respuesta sobre encuestas enviadas",
        "% response over surveys sent"
    );
    /// `survey_sent_answered_pct`: what it measures.
    RATE_DESC = (
        "Encuestas respondidas sobre encuestas enviadas en el periodo",
        "Surveys answered over surveys sent in the period"
    );
    /// `answers_out_of_scope`: its name.
    OUT_NAME = (
        "Respuestas fuera del alcance",
        "Answers out of scope"
    );
    /// `answers_out_of_scope`: what it measures.
    OUT_DESC = (
        "{Tickets} con encuesta respondida en el periodo fuera del alcance de la encuesta ([survey] applies_to); no cuentan en la satisfacción",
        "{Tickets} with a survey answered in the period outside the survey scope ([survey] applies_to); not counted in satisfaction"
    );
    /// `[survey] repeated` with an unknown value.
    REPEATED_UNKNOWN = (
        "survey.repeated: {value} no es una regla; use \"last\" (última respuesta), \"first\" (primera) o \"mean\" (promedio)",
        "survey.repeated: {value} is not a rule; use \"last\", \"first\" or \"mean\""
    );
    /// `[survey] questions` with an empty column or label.
    QUESTION_EMPTY = (
        "survey.questions: la columna {column} no tiene nombre o etiqueta; escriba columna = \"Pregunta\"",
        "survey.questions: column {column} has no name or label; write column = \"Question\""
    );
    /// `[survey.comment_groups]` with no keywords.
    COMMENT_GROUP_EMPTY = (
        "survey.comment_groups: el grupo {group} no tiene palabras clave; escriba grupo = [\"palabra\", ...]",
        "survey.comment_groups: group {group} has no keywords; write group = [\"word\", ...]"
    );
    /// "Encuestas": the sheet's title.
    TITLE = (
        "Informe de encuestas de medición de la satisfacción — {period}",
        "Satisfaction survey report — {period}"
    );
    /// "Encuestas": the column of the base of each figure.
    COL_BASE = ("Base del cálculo", "Basis");
    /// "Encuestas": the goal column.
    COL_GOAL = ("Meta", "Goal");
    /// Base of `surveys_sent` when the table has `sent_at`.
    BASE_SENT_ROWS = (
        "filas de la tabla de encuestas con sent_at en el periodo",
        "surveys rows with sent_at in the period"
    );
    /// Base of `surveys_sent` without `sent_at`: the policy's rule.
    BASE_SENT_RULE = (
        "regla de la política (la tabla no trae sent_at): {tickets} del alcance con {resolution} en el periodo",
        "the policy's rule (the table has no sent_at): {tickets} within scope solved in the period"
    );
    /// Base of `surveys_answered`.
    BASE_ANSWERED = (
        "de las enviadas en el periodo, respondidas al corte",
        "of those sent in the period, answered by the cutoff"
    );
    /// Base of `survey_sent_answered_pct`.
    BASE_RATE = (
        "encuestas respondidas ÷ encuestas enviadas (las dos filas anteriores)",
        "surveys answered ÷ surveys sent (the two rows above)"
    );
    /// Base of `survey_response_rate_pct`.
    BASE_SOLVED_RATE = (
        "{tickets} del alcance con {resolution} en el periodo, sin exclusiones del ANS",
        "{tickets} within scope solved in the period, SLA exclusions left out"
    );
    /// Base of `csat_mean` and `satisfied_pct`.
    BASE_CSAT = (
        "una calificación por {ticket} del alcance, respondida en el periodo ({rule})",
        "one score per {ticket} within scope, answered in the period ({rule})"
    );
    /// Base of `answers_out_of_scope`.
    BASE_OUT = (
        "{tickets} fuera del alcance con respuesta en el periodo; no cuentan en la satisfacción",
        "{tickets} outside the scope answered in the period; not counted in satisfaction"
    );
    /// `[survey] repeated = "last"` in words.
    RULE_LAST = (
        "si respondió varias veces, cuenta la última respuesta",
        "when answered several times, the last answer counts"
    );
    /// `[survey] repeated = "first"` in words.
    RULE_FIRST = (
        "si respondió varias veces, cuenta la primera respuesta",
        "when answered several times, the first answer counts"
    );
    /// `[survey] repeated = "mean"` in words.
    RULE_MEAN = (
        "si respondió varias veces, cuenta el promedio de sus respuestas",
        "when answered several times, the mean of the answers counts"
    );
    /// "Encuestas": the row of the repeated-answer rule.
    REPEATED = (
        "Varias respuestas por {ticket}",
        "Several answers per {ticket}"
    );
    /// "Metodología": what counts as a survey sent.
    METHOD_SENT = (
        "Encuestas enviadas (base de la tasa de respuesta)",
        "Surveys sent (the response rate's basis)"
    );
    /// "Encuestas": the 12-month trend's title.
    TREND = ("Tendencia de los últimos 12 periodos", "Trend of the last 12 periods");
    /// "Encuestas": the trend's period column.
    COL_PERIOD = ("Periodo", "Period");
    /// "Encuestas": the per-question table's title.
    QUESTIONS = (
        "Resultados por pregunta (misma base que la satisfacción)",
        "Results per question (same basis as satisfaction)"
    );
    /// "Encuestas": no `[survey] questions`.
    NO_QUESTIONS = (
        "La encuesta tiene una sola calificación (la política no declara [survey] questions)",
        "The survey has one score only (the policy declares no [survey] questions)"
    );
    /// "Encuestas" column: a question's label.
    COL_QUESTION = ("Pregunta", "Question");
    /// "Encuestas" column: the surveys table's column of a question.
    COL_COLUMN = ("Columna", "Column");
    /// "Encuestas" column: a mean score.
    COL_MEAN = ("Promedio", "Mean");
    /// "Encuestas": the score distribution's title.
    DISTRIBUTION = (
        "Distribución de calificaciones (misma base que la satisfacción)",
        "Score distribution (same basis as satisfaction)"
    );
    /// "Encuestas": the comment groups' title.
    GROUPS = ("Comentarios agrupados", "Comments grouped");
    /// The grouping rule with `[survey.comment_groups]`.
    GROUPS_BY_KEYWORDS = (
        "Regla: cada comentario del alcance va al primer grupo (en orden alfabético) con una de sus palabras clave, sin distinguir tildes ni mayúsculas; los demás van a \"Otros\"",
        "Rule: each comment within scope goes to the first group (alphabetically) with one of its keywords, ignoring accents and case; the rest go to \"Otros\""
    );
    /// The grouping rule without groups.
    GROUPS_BY_TEXT = (
        "Regla: comentarios del alcance agrupados por su texto exacto, sin distinguir tildes ni mayúsculas (la política no declara [survey.comment_groups])",
        "Rule: comments within scope grouped by their exact text, ignoring accents and case (the policy declares no [survey.comment_groups])"
    );
    /// The group of comments with no keyword.
    OTHERS = ("Otros", "Others");
    /// "Encuestas" column: a comment group.
    COL_GROUP = ("Grupo", "Group");
    /// "Encuestas" column: the comments of a group.
    COL_COMMENTS = ("Comentarios", "Comments");
    /// "Encuestas" column: examples of a group.
    COL_EXAMPLES = ("Ejemplos", "Examples");
    /// "Encuestas" column: whether an answer is within the survey scope.
    COL_IN_SCOPE = ("En el alcance", "In scope");
    /// Sheet name of the `surveys_sent` ficha.
    SHEET_SENT = ("Ficha encuestas enviadas", "Card surveys sent");
    /// Sheet name of the `surveys_answered` ficha.
    SHEET_ANSWERED = ("Ficha encuestas respondidas", "Card surveys answered");
    /// Sheet name of the `survey_sent_answered_pct` ficha.
    SHEET_RATE = ("Ficha respuesta sobre enviadas", "Card response over sent");
    /// Sheet name of the `answers_out_of_scope` ficha.
    SHEET_OUT = ("Ficha respuestas fuera alcance", "Card answers out of scope");
    /// Numerator of `surveys_sent`.
    NUM_SENT = (
        "Encuestas enviadas en el periodo (filas con sent_at o, sin esa columna, {tickets} del alcance con {resolution})",
        "Surveys sent in the period (rows with sent_at or, without that column, {tickets} within scope solved)"
    );
    /// Numerator of `surveys_answered` and `survey_sent_answered_pct`.
    NUM_ANSWERED = (
        "Encuestas enviadas en el periodo y respondidas al corte",
        "Surveys sent in the period and answered by the cutoff"
    );
    /// Denominator of `survey_sent_answered_pct`.
    DEN_SENT = (
        "Encuestas enviadas en el periodo",
        "Surveys sent in the period"
    );
    /// Numerator of `answers_out_of_scope`.
    NUM_OUT = (
        "{Tickets} fuera del alcance de la encuesta con respuesta en el periodo",
        "{Tickets} outside the survey scope answered in the period"
    );
}
