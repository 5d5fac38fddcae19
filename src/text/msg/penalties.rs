//! The contract's penalty bands (`[contract]`, `[[penalties]]`,
//! docs/CONTRACT.md §5.8): the policy's errors and the "Descuentos"
//! sheet.

crate::catalog! {
    /// Neither or both of `discount_pct` and `per_breach`.
    ONE_CHARGE = (
        "[[penalties]] n.º {n}: escriba discount_pct (porcentaje de la cuota mensual) o per_breach (valor por ticket incumplido), uno de los dos",
        "[[penalties]] no. {n}: write discount_pct (a percentage of the monthly fee) or per_breach (an amount per breached ticket), one of the two"
    );
    /// An indicator id that is not known.
    UNKNOWN_INDICATOR = (
        "[[penalties]] n.º {n}, indicator: {value} no es un indicador; use uno de: {ids}",
        "[[penalties]] no. {n}, indicator: {value} is not an indicator; use one of: {ids}"
    );
    /// `per_breach` on an indicator that has no breaches.
    PER_BREACH_INDICATOR = (
        "[[penalties]] n.º {n}: per_breach solo aplica a response_compliance_pct y resolution_compliance_pct (un valor por ticket incumplido), no a {value}",
        "[[penalties]] no. {n}: per_breach applies only to response_compliance_pct and resolution_compliance_pct (an amount per breached ticket), not to {value}"
    );
    /// `discount_pct` without a band.
    NO_BAND = (
        "[[penalties]] n.º {n}: discount_pct necesita la franja del resultado: from y/o to, o below",
        "[[penalties]] no. {n}: discount_pct needs the band of results: from and/or to, or below"
    );
    /// `below` with `from` or `to`.
    BELOW_WITH_RANGE = (
        "[[penalties]] n.º {n}: below no se combina con from ni con to; below = 85 es lo mismo que to = 85",
        "[[penalties]] no. {n}: below does not combine with from or to; below = 85 is the same as to = 85"
    );
    /// `from` not below `to`.
    EMPTY_BAND = (
        "[[penalties]] n.º {n}: from ({from}) debe ser menor que to ({to})",
        "[[penalties]] no. {n}: from ({from}) must be less than to ({to})"
    );
    /// Two bands of one indicator that overlap.
    OVERLAP = (
        "[[penalties]] n.º {n}: su franja se cruza con la de la n.º {other}, del mismo indicador {value}; cada resultado debe caer en una sola franja",
        "[[penalties]] no. {n}: its band overlaps that of no. {other}, of the same indicator {value}; each result must fall in one band only"
    );
    /// `discount_pct` without a monthly fee.
    NO_FEE = (
        "[[penalties]] n.º {n}: discount_pct necesita [contract] monthly_fee, la cuota mensual del contrato",
        "[[penalties]] no. {n}: discount_pct needs [contract] monthly_fee, the contract's monthly fee"
    );
    /// An amount that is not money.
    BAD_MONEY = (
        "{key}: {value} no es un valor en dinero; escriba un número positivo con hasta dos decimales (4500000 o 4500000.50)",
        "{key}: {value} is not an amount of money; write a positive number with up to two decimals (4500000 or 4500000.50)"
    );
    /// A percentage out of range.
    BAD_PCT = (
        "[[penalties]] n.º {n}, discount_pct: {value} debe ser mayor que 0 y como mucho 100, con hasta dos decimales",
        "[[penalties]] no. {n}, discount_pct: {value} must be above 0 and at most 100, with up to two decimals"
    );
    /// An empty currency.
    BAD_CURRENCY = (
        "[contract] currency: vacía; escriba el código de la moneda (COP)",
        "[contract] currency: empty; write the currency's code (COP)"
    );
    /// Sheet name.
    SHEET = ("Descuentos", "Discounts");
    /// Sheet title.
    TITLE = (
        "Descuentos del contrato — {period}",
        "Contract discounts — {period}"
    );
    /// The monthly fee line.
    FEE = (
        "Cuota mensual: {fee}",
        "Monthly fee: {fee}"
    );
    /// No monthly fee.
    FEE_NONE = (
        "Cuota mensual: no definida ([contract] monthly_fee)",
        "Monthly fee: not set ([contract] monthly_fee)"
    );
    /// Total line.
    TOTAL = (
        "Descuento total del periodo: {total}",
        "Total discount of the period: {total}"
    );
    /// The first table's headers.
    COL_INDICATOR = ("Indicador", "Indicator");
    /// See [`COL_INDICATOR`].
    COL_RESULT = ("Resultado", "Result");
    /// See [`COL_INDICATOR`].
    COL_NUM = ("Numerador", "Numerator");
    /// See [`COL_INDICATOR`].
    COL_DEN = ("Denominador", "Denominator");
    /// See [`COL_INDICATOR`].
    COL_BAND = ("Franja", "Band");
    /// See [`COL_INDICATOR`].
    COL_APPLIES = ("Aplica", "Applies");
    /// See [`COL_INDICATOR`].
    COL_RULE = ("Consecuencia", "Consequence");
    /// See [`COL_INDICATOR`].
    COL_BREACHES = ("{Tickets} incumplidos", "Breached {tickets}");
    /// See [`COL_INDICATOR`].
    COL_AMOUNT = ("Descuento ({currency})", "Discount ({currency})");
    /// A band in words.
    BAND_FROM_TO = ("de {from} a menos de {to}", "from {from} to below {to}");
    /// See [`BAND_FROM_TO`].
    BAND_FROM = ("{from} o más", "{from} or more");
    /// See [`BAND_FROM_TO`].
    BAND_BELOW = ("menos de {to}", "below {to}");
    /// See [`BAND_FROM_TO`].
    BAND_ANY = ("cualquier resultado", "any result");
    /// A charge in words.
    RULE_PCT = (
        "{pct} % de la cuota mensual",
        "{pct} % of the monthly fee"
    );
    /// See [`RULE_PCT`].
    RULE_PER_BREACH = (
        "{amount} por {ticket} incumplido",
        "{amount} per breached {ticket}"
    );
    /// The evidence table's title.
    EVIDENCE = (
        "Evidencia: {tickets} incumplidos de los indicadores con descuento",
        "Evidence: breached {tickets} of the indicators with a discount"
    );
    /// The evidence table's headers.
    COL_MEASURE = ("Medida", "Measure");
    /// See [`COL_MEASURE`].
    COL_DUE = ("Vencimiento", "Due");
    /// See [`COL_MEASURE`].
    COL_FINISHED = ("Terminó", "Finished");
    /// See [`COL_MEASURE`].
    COL_TARGET = ("Meta", "Target");
    /// See [`COL_MEASURE`].
    COL_TIME = ("Tiempo hábil", "Business time");
    /// See [`COL_MEASURE`].
    COL_OVERRUN = ("Exceso", "Overrun");
    /// See [`COL_MEASURE`].
    COL_DECISION = ("Decisión", "Decision");
    /// See [`COL_MEASURE`].
    COL_TICKET_AMOUNT = ("Valor ({currency})", "Amount ({currency})");
    /// No breach behind any discount.
    EVIDENCE_NONE = (
        "Ningún {ticket} incumplido en los indicadores con descuento.",
        "No breached {ticket} in the indicators with a discount."
    );
}
