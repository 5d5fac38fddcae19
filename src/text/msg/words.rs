//! The default words of the report ([`crate::text::words::Words`]),
//! which `[report.labels]` replaces with the entity's own: what a
//! ticket, the person assigned, the first response, the resolution, the
//! resolver group and the requester are called. One term per concept:
//! the first response is "atención" in every Spanish sheet, chart and
//! message (the word of the Itagüí, USPEC and Víctimas procedures).

crate::catalog! {
    /// One ticket.
    WORD_TICKET = same("ticket");
    /// Several tickets.
    WORD_TICKETS = same("tickets");
    /// The person assigned.
    WORD_ASSIGNEE = ("técnico", "technician");
    /// Several of them.
    WORD_ASSIGNEES = ("técnicos", "technicians");
    /// The first response (time to own).
    WORD_RESPONSE = ("atención", "response");
    /// Several first responses.
    WORD_RESPONSES = ("atenciones", "responses");
    /// The resolution (time to solve).
    WORD_RESOLUTION = ("solución", "resolution");
    /// Several resolutions.
    WORD_RESOLUTIONS = ("soluciones", "resolutions");
    /// The resolver group.
    WORD_GROUP = ("grupo", "group");
    /// Several resolver groups.
    WORD_GROUPS = ("grupos", "groups");
    /// The person who asked.
    WORD_REQUESTER = ("solicitante", "requester");
    /// Several of them.
    WORD_REQUESTERS = ("solicitantes", "requesters");
}
