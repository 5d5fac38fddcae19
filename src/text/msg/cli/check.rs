//! `plazo check`: one line per problem on stdout, the verdict.

crate::catalog! {
    /// Rejected rows of one reason, with the first; `{column}` and
    /// `{value}` are quoted.
    REJECTED = (
        "{n} filas rechazadas: {reason} (p. ej. {file}:{line} columna {column} = {value})",
        "{n} rows rejected: {reason} (e.g. {file}:{line} column {column} = {value})"
    );
    /// A status label the policy does not map; `{label}` is quoted.
    UNMAPPED_STATUS = (
        "estado sin mapear: {label} ({count} eventos, p. ej. ticket {example}); agréguelo a [states] en {policy}, en la clave que le corresponda (new, open, paused, solved, closed o cancelled), p. ej. open = [..., {label}]",
        "unmapped status: {label} ({count} events, e.g. ticket {example}); add it to [states] in {policy}, under the key it belongs to (new, open, paused, solved, closed or cancelled), e.g. open = [..., {label}]"
    );
    /// The error when there are problems.
    PROBLEMS = ("{n} problemas encontrados", "{n} problems found");
    /// The verdict when there is none.
    NO_PROBLEMS = ("sin problemas", "no problems");
}
