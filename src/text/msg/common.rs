//! Words shared by several areas: yes/no, units, the names of the
//! canonical states.

crate::catalog! {
    /// A true flag in a table cell.
    YES = ("Sí", "Yes");
    /// A false flag in a table cell.
    NO = same("No");
}
