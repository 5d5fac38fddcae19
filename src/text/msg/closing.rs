//! The closing rules' messages (`[close]`, docs/CONTRACT.md §3.6): the
//! policy's errors, the four closing indicators, their fichas and the
//! "Cierres" sheet.

crate::catalog! {
    /// `[close] approval_notes` holds an empty text.
    APPROVAL_NOTE_EMPTY = (
        "close.approval_notes: texto vacío; escriba parte de la nota que registra la aprobación del solicitante",
        "close.approval_notes: empty text; write part of the note that records the requester's approval"
    );
    /// `closed_early_pct`: its name.
    CLOSED_EARLY_NAME = ("% cierre anticipado", "% closed early");
    /// `closed_early_pct`: what it measures.
    CLOSED_EARLY_DESC = (
        "De los {tickets} con cierre en el periodo, porcentaje cerrado sin respuesta a la encuesta ni nota de aprobación antes del plazo de cierre automático",
        "Of the {tickets} closed in the period, the share closed with no survey answer nor approval note before the automatic-close delay"
    );
    /// `closed_without_approval_pct`: its name.
    CLOSED_WITHOUT_APPROVAL_NAME = (
        "% cierre sin aprobación",
        "% closed without approval"
    );
    /// `closed_without_approval_pct`: what it measures.
    CLOSED_WITHOUT_APPROVAL_DESC = (
        "De los {tickets} con cierre en el periodo, porcentaje cerrado sin aprobación registrada (respuesta a la encuesta o nota de aprobación) y sin ser el cierre automático al vencer el plazo",
        "Of the {tickets} closed in the period, the share closed with no recorded approval (survey answer or approval note) and not as the automatic close after the delay"
    );
    /// `close_late_pct`: its name.
    CLOSE_LATE_NAME = ("% cierre tardío", "% closed late");
    /// `close_late_pct`: what it measures.
    CLOSE_LATE_DESC = (
        "De los {tickets} con cierre en el periodo, porcentaje cerrado después del plazo de cierre automático",
        "Of the {tickets} closed in the period, the share closed after the automatic-close delay"
    );
    /// `validation_within_pct`: its name.
    VALIDATION_WITHIN_NAME = (
        "% validación a tiempo",
        "% validated on time"
    );
    /// `validation_within_pct`: what it measures.
    VALIDATION_WITHIN_DESC = (
        "De los {tickets} con cierre en el periodo, porcentaje cuya validación (cierre tras la aprobación o cierre automático) llegó dentro del tiempo de validación",
        "Of the {tickets} closed in the period, the share whose validation (the close after approval, or the automatic one) came within the validation time"
    );
    /// Sheet name of the `closed_early_pct` ficha.
    SHEET_CLOSED_EARLY = ("Ficha cierre anticipado", "Card early close");
    /// Sheet name of the `closed_without_approval_pct` ficha.
    SHEET_CLOSED_WITHOUT_APPROVAL = (
        "Ficha cierre sin aprobación",
        "Card close w-o approval"
    );
    /// Sheet name of the `close_late_pct` ficha.
    SHEET_CLOSE_LATE = ("Ficha cierre tardío", "Card late close");
    /// Sheet name of the `validation_within_pct` ficha.
    SHEET_VALIDATION_WITHIN = ("Ficha validación", "Card validation");
    /// Numerator of `closed_early_pct`.
    NUM_CLOSED_EARLY = (
        "{Tickets} con cierre en el periodo antes del plazo, sin encuesta ni nota de aprobación",
        "{Tickets} closed in the period before the delay, with no survey nor approval note"
    );
    /// Numerator of `closed_without_approval_pct`.
    NUM_CLOSED_WITHOUT_APPROVAL = (
        "{Tickets} con cierre en el periodo sin aprobación ni cierre automático",
        "{Tickets} closed in the period with neither approval nor automatic close"
    );
    /// Numerator of `close_late_pct`.
    NUM_CLOSE_LATE = (
        "{Tickets} con cierre en el periodo después del plazo",
        "{Tickets} closed in the period after the delay"
    );
    /// Numerator of `validation_within_pct`.
    NUM_VALIDATION_WITHIN = (
        "{Tickets} con cierre en el periodo dentro del tiempo de validación",
        "{Tickets} closed in the period within the validation time"
    );
    /// Denominator of the closing indicators.
    DEN_CLOSED = (
        "{Tickets} con {resolution} y cierre en el periodo (exclusiones incluidas)",
        "{Tickets} solved and closed in the period (excluded ones included)"
    );
    /// Sheet: the closing rules.
    SHEET_CLOSING = ("Cierres", "Closing");
    /// "Cierres": the title.
    CLOSING_TITLE = (
        "Reglas de cierre: {period}",
        "Closing rules: {period}"
    );
    /// "Cierres": the header of the figures' first column.
    CLOSING_RULE = ("Regla", "Rule");
    /// "Cierres": the header of the allowed limit.
    CLOSING_LIMIT = ("Plazo permitido", "Allowed limit");
    /// "Cierres": the header of the solution-to-close business time.
    CLOSING_TIME = (
        "Tiempo hábil de {resolution} a cierre",
        "Business time from {resolution} to close"
    );
    /// "Cierres": the header of "a survey answer by the close".
    CLOSING_SURVEY = ("Encuesta antes del cierre", "Survey before close");
    /// "Cierres": the header of the close event's note.
    CLOSING_NOTE = ("Nota de cierre", "Close note");
    /// "Cierres": the header of the solution instant.
    CLOSING_SOLVED_AT = ("Fecha de {resolution}", "{Resolution} at");
    /// "Cierres": the header of the close instant.
    CLOSING_CLOSED_AT = ("Fecha de cierre", "Closed at");
    /// "Cierres" list: closed before the automatic-close delay.
    RULE_EARLY = ("Cierre anticipado", "Closed early");
    /// "Cierres" list: closed without the requester's approval.
    RULE_WITHOUT_APPROVAL = ("Cierre sin aprobación", "Closed without approval");
    /// "Cierres" list: closed after the automatic-close delay.
    RULE_LATE = ("Cierre tardío", "Closed late");
    /// "Cierres" list: solved, still not closed at the cutoff, past the
    /// delay.
    RULE_PENDING = (
        "Sin cerrar, plazo vencido al corte",
        "Not closed, delay over at the cutoff"
    );
    /// "Cierres" list: the validation came after its limit.
    RULE_VALIDATION = (
        "Validación fuera de tiempo",
        "Validated late"
    );
    /// "Cierres": nothing to list.
    CLOSING_NONE = (
        "Ningún {ticket} incumple las reglas de cierre en el periodo.",
        "No {ticket} breaks the closing rules in the period."
    );
    /// "Datos" column `closed_early`.
    DATA_CLOSED_EARLY = ("Cierre anticipado", "Closed early");
    /// "Datos" column `closed_without_approval`.
    DATA_CLOSED_WITHOUT_APPROVAL = ("Cierre sin aprobación", "Closed without approval");
    /// "Datos" column `validated_within`.
    DATA_VALIDATED_WITHIN = ("Validación a tiempo", "Validated on time");
    /// "Datos" column `close_business_s`.
    DATA_CLOSE_TIME = (
        "Tiempo hábil de {resolution} a cierre",
        "Business time from {resolution} to close"
    );
    /// "Datos" column `survey_before_close`.
    DATA_SURVEY_BEFORE_CLOSE = ("Encuesta antes del cierre", "Survey before close");
    /// Metodología: the closing rules' label.
    METHOD_CLOSE_RULES = ("Reglas de cierre", "Closing rules");
    /// Metodología: the early and late closes.
    METHOD_EARLY_LATE = (
        "cierre anticipado: antes de {after} sin respuesta a la encuesta ni nota de aprobación; cierre tardío: después de {after}",
        "early close: before {after} with no survey answer nor approval note; late close: after {after}"
    );
    /// Metodología: the approval rule.
    METHOD_APPROVAL = (
        "el cierre requiere aprobación (respuesta a la encuesta o nota de aprobación), salvo el cierre automático al vencer el plazo",
        "a close needs approval (a survey answer or an approval note), except the automatic close after the delay"
    );
    /// Metodología: the validation limit.
    METHOD_VALIDATION = (
        "validación a tiempo: cierre dentro de {limit} desde la fecha de {resolution}",
        "validated on time: closed within {limit} of the {resolution}"
    );
}
