//! "Sin Solución" as its own outcome, the exclusion of cases that leave
//! the desk process, and the "Suspensiones" sheet (issue 18): the
//! indicators `tickets_unresolved`, `pauses`, `pauses_without_note`,
//! their fichas and the sheets "Sin solución" and "Suspensiones".

crate::catalog! {
    /// `tickets_unresolved`: its name.
    TICKETS_UNRESOLVED_NAME = ("{Tickets} sin solución", "Unresolved {tickets}");
    /// `tickets_unresolved`: what it measures.
    TICKETS_UNRESOLVED_DESC = (
        "{Tickets} con respuesta final «sin solución» en el periodo, fuera del cumplimiento de {resolution}",
        "{Tickets} given a final answer without a solution in the period, left out of {resolution} compliance"
    );
    /// `pauses`: its name.
    PAUSES_NAME = ("Suspensiones", "Pauses");
    /// `pauses`: what it measures.
    PAUSES_DESC = (
        "Intervalos en pausa que se traslapan con el periodo, hasta el corte",
        "Paused intervals that overlap the period, up to the cutoff"
    );
    /// `pauses_without_note`: its name.
    PAUSES_WITHOUT_NOTE_NAME = ("Suspensiones sin nota", "Pauses without a note");
    /// `pauses_without_note`: what it measures.
    PAUSES_WITHOUT_NOTE_DESC = (
        "Suspensiones del periodo cuyo evento no tiene nota con la razón (la política exige nota)",
        "Pauses of the period whose event has no note with the reason (the policy requires one)"
    );
    /// Sheet name of the `tickets_unresolved` ficha.
    SHEET_TICKETS_UNRESOLVED = ("Ficha sin solución", "Card unresolved");
    /// Sheet name of the `pauses` ficha.
    SHEET_PAUSES = ("Ficha suspensiones", "Card pauses");
    /// Sheet name of the `pauses_without_note` ficha.
    SHEET_PAUSES_WITHOUT_NOTE = ("Ficha suspensiones sin nota", "Card pauses no note");
    /// Numerator of `tickets_unresolved`.
    NUM_TICKETS_UNRESOLVED = (
        "{Tickets} con «sin solución» en el periodo",
        "{Tickets} answered without a solution in the period"
    );
    /// Numerator of `pauses`.
    NUM_PAUSES = (
        "Intervalos en pausa que se traslapan con el periodo",
        "Paused intervals overlapping the period"
    );
    /// Numerator of `pauses_without_note`.
    NUM_PAUSES_WITHOUT_NOTE = (
        "Suspensiones del periodo sin nota",
        "Pauses of the period without a note"
    );

    /// The "Sin solución" sheet's name.
    SHEET_UNRESOLVED = ("Sin solución", "Unresolved");
    /// "Sin solución" column: when the final answer was given.
    UNRESOLVED_AT = ("Fecha de respuesta", "Answered at");
    /// "Sin solución" column: the tool's status label of that answer.
    UNRESOLVED_LABEL = ("Etiqueta", "Label");
    /// "Sin solución" column: the note of that event (why no solution).
    UNRESOLVED_NOTE = ("Razón", "Reason");

    /// The "Suspensiones" sheet's name.
    SHEET_PAUSES_LIST = ("Suspensiones", "Pauses");
    /// "Suspensiones" column: when the pause began.
    PAUSE_FROM = ("Desde", "From");
    /// "Suspensiones" column: when it ended.
    PAUSE_TO = ("Hasta", "To");
    /// "Suspensiones": the pause still runs at the cutoff.
    PAUSE_ONGOING = ("en curso", "ongoing");
    /// "Suspensiones" column: the tool's status label that began it.
    PAUSE_STATE = ("Estado", "State");
    /// "Suspensiones" column: business duration.
    PAUSE_BUSINESS = ("Duración hábil", "Business duration");
    /// "Suspensiones" column: wall-clock duration.
    PAUSE_WALL = ("Duración calendario", "Wall-clock duration");
    /// "Suspensiones" column: the event's note.
    PAUSE_REASON = ("Razón (nota)", "Reason (note)");
    /// "Suspensiones" column: `[checks] paused_requires_note`.
    PAUSE_NOTE_REQUIRED = ("Nota exigida", "Note required");
    /// "Suspensiones" column: the event has a note.
    PAUSE_HAS_NOTE = ("Con nota", "Has a note");
    /// "Suspensiones": the totals block's title.
    PAUSE_TOTALS = ("Totales", "Totals");
    /// "Suspensiones" total: the pauses listed.
    PAUSE_TOTAL_PAUSES = ("Suspensiones", "Pauses");
    /// "Suspensiones" total: the distinct tickets.
    PAUSE_TOTAL_TICKETS = ("{Tickets} con suspensión", "{Tickets} paused");
    /// "Suspensiones" total: business hours paused.
    PAUSE_TOTAL_HOURS = ("Tiempo hábil en pausa", "Business time paused");
    /// "Suspensiones" total: pauses without a note.
    PAUSE_TOTAL_UNNOTED = ("Suspensiones sin nota", "Pauses without a note");
    /// "Suspensiones": the reasons summary's title.
    PAUSE_REASONS = ("Suspensiones por razón", "Pauses by reason");
    /// "Suspensiones": the reasons summary's count column.
    PAUSE_REASON_COUNT = ("Cantidad", "Count");
    /// An exclusion rule's `note` condition, in words.
    EXCLUDE_DESCRIBE_NOTE = (
        "alguna nota contiene {values}",
        "some note contains {values}"
    );
    /// An exclusion rule's `any_status` condition, in words.
    EXCLUDE_DESCRIBE_ANY_STATUS = (
        "pasó por el estado {values}",
        "went through status {values}"
    );
    /// `plazo explain`: the resolution of a ticket whose final answer
    /// was "Sin Solución".
    VERDICT_UNRESOLVED = (
        "{name}: {used} hábiles {at} → SIN SOLUCIÓN: fuera del cumplimiento",
        "{name}: {used} business {at} → UNRESOLVED: left out of compliance"
    );
    /// "Datos" column `outcome`.
    DATA_OUTCOME = ("Resultado", "Outcome");
    /// "Datos": outcome `pending` (still new, open or paused).
    OUTCOME_PENDING = ("pendiente", "pending");
    /// "Suspensiones": the reason of pauses without a note.
    PAUSE_NO_REASON = ("(sin nota)", "(no note)");
}
