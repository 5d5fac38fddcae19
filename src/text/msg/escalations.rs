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
}
