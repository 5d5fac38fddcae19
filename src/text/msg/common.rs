//! Words shared by several areas: yes/no, units, the names of the
//! canonical states.

crate::catalog! {
    /// A true flag in a table cell.
    YES = ("Sí", "Yes");
    /// A false flag in a table cell.
    NO = same("No");
    /// The canonical state `new`, for people.
    STATE_NEW = ("nuevo", "new");
    /// The canonical state `open`, for people.
    STATE_OPEN = ("en curso", "open");
    /// The canonical state `paused`, for people.
    STATE_PAUSED = ("en pausa", "paused");
    /// The canonical state `solved`, for people.
    STATE_SOLVED = ("resuelto", "solved");
    /// The canonical state `closed`, for people.
    STATE_CLOSED = ("cerrado", "closed");
    /// The canonical state `cancelled`, for people.
    STATE_CANCELLED = ("anulado", "cancelled");
    /// The canonical state `unresolved` ("Sin Solución"), for people.
    STATE_UNRESOLVED = ("sin solución", "unresolved");
}
