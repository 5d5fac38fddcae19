//! The channel dimension ("Por canal") and the pre-case figures
//! (`[states] precase`, Víctimas §3 PRECASO): sheet and column titles,
//! the four pre-case indicators' names, meanings and ficha texts, the
//! per-ticket columns and the policy's errors.

crate::catalog! {
    /// Sheet: the indicators by channel (portal, e-mail, phone...).
    SHEET_BY_CHANNEL = ("Por canal", "By channel");
    /// Column: the ticket's channel.
    COL_CHANNEL = ("Canal", "Channel");

    /// `precases`: its name.
    PRECASES_NAME = ("Precasos", "Pre-cases");
    /// `precases`: what it measures.
    PRECASES_DESC = (
        "{Tickets} que empezaron como precaso (creados automáticamente, p. ej. desde un correo) en el periodo",
        "{Tickets} that started as a pre-case (created automatically, e.g. from an e-mail) in the period"
    );
    /// `precases_registered`: its name.
    PRECASES_REGISTERED_NAME = ("Precasos registrados", "Pre-cases registered");
    /// `precases_registered`: what it measures.
    PRECASES_REGISTERED_DESC = (
        "Precasos del periodo que la mesa registró como {ticket} al corte",
        "Pre-cases of the period the desk registered as a {ticket} by the cutoff"
    );
    /// `precases_discarded`: its name.
    PRECASES_DISCARDED_NAME = ("Precasos descartados", "Pre-cases discarded");
    /// `precases_discarded`: what it measures.
    PRECASES_DISCARDED_DESC = (
        "Precasos del periodo descartados sin registrarse (anulados o no gestionados) al corte",
        "Pre-cases of the period discarded without being registered (cancelled or not handled) by the cutoff"
    );
    /// `precase_to_case_business_hours_mean`: its name.
    PRECASE_HOURS_MEAN_NAME = (
        "Horas hábiles de precaso a registro (promedio)",
        "Pre-case to registration business hours (mean)"
    );
    /// `precase_to_case_business_hours_mean`: what it measures.
    PRECASE_HOURS_MEAN_DESC = (
        "Tiempo hábil promedio desde la creación del precaso hasta su registro como {ticket}, de los precasos registrados",
        "Mean business time from the pre-case's creation to its registration as a {ticket}, over the pre-cases registered"
    );

    /// Ficha sheet of `precases`.
    SHEET_PRECASES = ("Ficha precasos", "Card pre-cases");
    /// Ficha sheet of `precases_registered`.
    SHEET_PRECASES_REGISTERED = ("Ficha precasos registrados", "Card pre-cases registered");
    /// Ficha sheet of `precases_discarded`.
    SHEET_PRECASES_DISCARDED = ("Ficha precasos descartados", "Card pre-cases discarded");
    /// Ficha sheet of `precase_to_case_business_hours_mean`.
    SHEET_PRECASE_HOURS = ("Ficha precaso a registro", "Card pre-case to case");
    /// Numerator of `precases`.
    NUM_PRECASES = (
        "{Tickets} cuyo primer estado es un precaso, con el precaso en el periodo",
        "{Tickets} whose first state is a pre-case, with the pre-case in the period"
    );
    /// Numerator of `precases_registered`.
    NUM_PRECASES_REGISTERED = (
        "Precasos del periodo con un estado posterior de {ticket} registrado (nuevo, en curso, en espera, con {resolution} o cerrado) al corte",
        "Pre-cases of the period with a later registered {ticket} state (new, open, paused, solved or closed) by the cutoff"
    );
    /// Numerator of `precases_discarded`.
    NUM_PRECASES_DISCARDED = (
        "Precasos del periodo cuyo estado siguiente, al corte, es uno de anulación (states.cancelled: no gestionado, anulado)",
        "Pre-cases of the period whose next state, by the cutoff, is a cancelling one (states.cancelled: not handled, annulled)"
    );
    /// Numerator of `precase_to_case_business_hours_mean`.
    NUM_PRECASE_HOURS = (
        "Suma de las horas hábiles de precaso a registro",
        "Sum of the business hours from pre-case to registration"
    );
    /// Denominator of `precase_to_case_business_hours_mean`.
    DEN_PRECASE_HOURS = (
        "Precasos del periodo registrados al corte",
        "Pre-cases of the period registered by the cutoff"
    );

    /// "Datos" column: the ticket's channel.
    DATA_CHANNEL = ("Canal", "Channel");
    /// "Datos" column: when the ticket started as a pre-case.
    DATA_PRECASE_AT = ("Precaso", "Pre-case");
    /// "Datos" column: when the pre-case was registered as a ticket.
    DATA_PRECASE_REGISTERED_AT = ("Registro del precaso", "Pre-case registered");
    /// "Datos" column: when the pre-case was discarded.
    DATA_PRECASE_DISCARDED_AT = ("Precaso descartado", "Pre-case discarded");
    /// "Datos" column: business time from pre-case to registration.
    DATA_PRECASE_TIME = ("Tiempo hábil de precaso a registro", "Pre-case business time");

    /// "Metodología", the states table: the pre-case labels' row.
    METHOD_PRECASE = (
        "precaso (primer estado; cuenta en Precasos)",
        "pre-case (first state; counted in Pre-cases)"
    );

    /// Policy error: a `[states] precase` label that `new` does not list.
    PRECASE_NOT_NEW = (
        "states.precase: la etiqueta {label} no está en states.new; un precaso espera a la mesa: agréguela también a states.new",
        "states.precase: label {label} is not in states.new; a pre-case waits for the desk: add it to states.new too"
    );
}
