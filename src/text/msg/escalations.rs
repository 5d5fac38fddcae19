//! Escalations per level (issue 18): the policy's `[escalation]` and
//! `[clock] response_at`, the "Escalamientos" sheet, its indicators and
//! the escalations table.

crate::catalog! {
    /// Policy error: `[clock] response_at` names no known instant.
    RESPONSE_AT_UNKNOWN = (
        "[clock] response_at = \"{value}\" no es válido: use \"first_change\" (primer cambio de estado) o \"taken\" (instante en que un técnico tomó el caso, taken_at)",
        "[clock] response_at = \"{value}\" is not valid: use \"first_change\" (first status change) or \"taken\" (the instant a technician took the case, taken_at)"
    );
    /// Reject reason: a `taken_at` cell that is no instant.
    UNREADABLE_TAKEN_AT = (
        "taken_at no es una fecha y hora legible: la atención se toma del primer cambio de estado",
        "taken_at is not a readable date and time: the response is the first status change"
    );
    /// Methodology: the `[escalation]` assumption.
    ASSUMED_ESCALATION = (
        "Meta de toma de {tickets} en cada nivel de escalamiento",
        "Target for each escalation level to take the {tickets}"
    );
    /// `escalations`: name.
    ESCALATIONS_NAME = ("Escalamientos", "Escalations");
    /// `escalations`: what it measures.
    ESCALATIONS_DESC = (
        "Escalamientos hechos en el periodo: cambios de {group} de {tickets} en el alcance del ANS",
        "Escalations made in the period: changes of {group} of {tickets} within the SLA's scope"
    );
    /// `escalation_take_compliance_pct`: name.
    TAKE_COMPLIANCE_NAME = (
        "% de tomas tras escalamiento dentro de la meta",
        "% of takes after escalation within target"
    );
    /// `escalation_take_compliance_pct`: what it measures.
    TAKE_COMPLIANCE_DESC = (
        "Escalamientos tomados en el periodo por el nuevo nivel dentro de la meta de toma, sobre los tomados con meta",
        "Escalations taken in the period by the new level within the take target, over those taken with a target"
    );
    /// `escalation_take_business_hours_mean`: name.
    TAKE_HOURS_MEAN_NAME = (
        "Tiempo medio de toma tras escalamiento (h hábiles)",
        "Mean time to take after escalation (business h)"
    );
    /// `escalation_take_business_hours_mean`: what it measures.
    TAKE_HOURS_MEAN_DESC = (
        "Horas hábiles con el reloj corriendo desde el escalamiento hasta que un {assignee} del nuevo nivel toma {ticket}, media de las tomas del periodo",
        "Business hours with the clock running from the escalation until an {assignee} of the new level takes the {ticket}, mean of the period's takes"
    );
    /// `escalation_take_business_hours_p90`: name.
    TAKE_HOURS_P90_NAME = (
        "Percentil 90 de toma tras escalamiento (h hábiles)",
        "90th percentile of take after escalation (business h)"
    );
    /// `escalation_take_business_hours_p90`: what it measures.
    TAKE_HOURS_P90_DESC = (
        "Percentil 90 (rango más cercano) de las horas hábiles de toma de las tomas del periodo",
        "90th percentile (nearest rank) of the business hours to take of the period's takes"
    );
    /// `escalations_waiting`: name.
    WAITING_NAME = ("Escalamientos sin tomar", "Escalations not taken");
    /// `escalations_waiting`: what it measures.
    WAITING_DESC = (
        "Escalamientos que al cierre del periodo ningún {assignee} del nuevo nivel había tomado",
        "Escalations no {assignee} of the new level had taken at the end of the period"
    );
    /// Ficha sheet of `escalations`.
    FICHA_ESCALATIONS = ("Ficha escalamientos", "Card escalations");
    /// Ficha sheet of `escalation_take_compliance_pct`.
    FICHA_TAKE_COMPLIANCE = ("Ficha toma tras escalamiento", "Card take compliance");
    /// Ficha sheet of `escalation_take_business_hours_mean`.
    FICHA_TAKE_HOURS_MEAN = ("Ficha tiempo de toma", "Card take time");
    /// Ficha sheet of `escalation_take_business_hours_p90`.
    FICHA_TAKE_HOURS_P90 = ("Ficha P90 de toma", "Card take P90");
    /// Ficha sheet of `escalations_waiting`.
    FICHA_WAITING = ("Ficha escalamientos sin tomar", "Card escalations waiting");
    /// Numerator of `escalations`.
    NUM_ESCALATIONS = (
        "Escalamientos (cambios de {group}) hechos en el periodo",
        "Escalations (changes of {group}) made in the period"
    );
    /// Numerator of `escalation_take_compliance_pct`.
    NUM_TAKE_COMPLIANCE = (
        "Escalamientos tomados en el periodo dentro de la meta de toma",
        "Escalations taken in the period within the take target"
    );
    /// Denominator of `escalation_take_compliance_pct`.
    DEN_TAKE_COMPLIANCE = (
        "Escalamientos tomados en el periodo con meta de toma",
        "Escalations taken in the period with a take target"
    );
    /// Numerator of the take time.
    NUM_TAKE_HOURS = (
        "Suma de las horas hábiles de toma",
        "Sum of the business hours to take"
    );
    /// Denominator of the take time.
    DEN_TAKEN = (
        "Escalamientos tomados en el periodo",
        "Escalations taken in the period"
    );
    /// Numerator of `escalations_waiting`.
    NUM_WAITING = (
        "Escalamientos sin tomar al cierre del periodo",
        "Escalations not taken at the end of the period"
    );
    /// Sheet name.
    SHEET_ESCALATIONS = ("Escalamientos", "Escalations");
    /// Sheet title.
    TITLE = (
        "Escalamientos: tiempo de toma por nivel — {period}",
        "Escalations: time to take per level — {period}"
    );
    /// The take target: none.
    TARGET_NONE = (
        "Meta de toma: la política no fija una; el tiempo de toma de cada nivel se mide sin veredicto",
        "Take target: the policy sets none; each level's time to take is measured without a verdict"
    );
    /// The take target: the ticket's response target.
    TARGET_RESPONSE = (
        "Meta de toma: cada nivel debe tomar cada {ticket} dentro del tiempo de {response} de su prioridad",
        "Take target: each level must take each {ticket} within its priority's {response} time"
    );
    /// The take target: a fixed duration.
    TARGET_FIXED = (
        "Meta de toma: cada nivel debe tomar cada {ticket} dentro de {target} hábiles",
        "Take target: each level must take each {ticket} within {target} of business time"
    );
    /// Row of every group.
    ALL_GROUPS = ("Todos", "All");
    /// Column: escalations received in the period.
    COL_RECEIVED = ("Escalamientos recibidos", "Escalations received");
    /// Column: escalations taken in the period.
    COL_TAKEN = ("Tomados en el periodo", "Taken in the period");
    /// Column: mean take time.
    COL_TAKE_MEAN = ("Toma media (h hábiles)", "Mean take (business h)");
    /// Column: p90 take time.
    COL_TAKE_P90 = ("Toma P90 (h hábiles)", "Take P90 (business h)");
    /// Column: taken within the target.
    COL_WITHIN = ("% dentro de la meta", "% within target");
    /// Column: still waiting at the end of the period.
    COL_WAITING = ("Sin tomar al cierre", "Not taken at the end");
    /// Title of the list.
    LIST_TITLE = (
        "Escalamientos tomados fuera de la meta en el periodo o sin tomar al corte",
        "Escalations taken over target in the period or not taken at the cutoff"
    );
    /// The list is empty.
    LIST_NONE = (
        "Ningún escalamiento tomado fuera de la meta ni sin tomar",
        "No escalation taken over target or not taken"
    );
    /// Column: the group the case was escalated from.
    COL_FROM_GROUP = ("{Group} de origen", "From {group}");
    /// Column: the group the case was escalated to.
    COL_TO_GROUP = ("{Group} de destino", "To {group}");
    /// Column: the escalation instant.
    COL_ESCALATED_AT = ("Escalado el", "Escalated at");
    /// Column: the take instant.
    COL_TAKEN_AT = ("Tomado el", "Taken at");
    /// Column: the take time.
    COL_TAKE_TIME = ("Tiempo de toma", "Time to take");
    /// Column: the take target.
    COL_TAKE_TARGET = ("Meta de toma", "Take target");
    /// Column: the situation.
    COL_SITUATION = ("Situación", "Situation");
    /// Situation: taken over the target.
    SITUATION_LATE = ("Tomado fuera de la meta", "Taken over target");
    /// Situation: not taken at the cutoff.
    SITUATION_WAITING = ("Sin tomar al corte", "Not taken at the cutoff");
}
