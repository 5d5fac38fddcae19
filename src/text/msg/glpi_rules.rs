//! Deadline rules (issue 17): `[sla] deadline_rules`, `--deadline-rules`,
//! the Metodología line that says which rules applied, and the two
//! verdicts side by side in `plazo reconcile`.

crate::catalog! {
    /// Policy or CLI error: an unknown deadline rules key.
    DEADLINE_RULES_UNKNOWN = (
        "{place} = \"{value}\" no es válido: use \"procedure\" (reglas del procedimiento: el plazo es tiempo hábil en nuevo/en curso) o \"glpi\" (reglas de GLPI: vencimientos y veredictos como los calcula GLPI)",
        "{place} = \"{value}\" is not valid: use \"procedure\" (the procedure's rules: the target is business time in new/open) or \"glpi\" (GLPI's rules: deadlines and verdicts as GLPI computes them)"
    );
    /// Methodology: the label of the deadline rules line.
    METHOD_LABEL = ("Reglas de vencimiento", "Deadline rules");
    /// Methodology: procedure rules applied.
    METHOD_PROCEDURE = (
        "Del procedimiento: el plazo es tiempo hábil en estado nuevo o en curso; las pausas anteriores al vencimiento lo corren; un plazo en días hábiles vence en la misma posición del reloj hábil",
        "The procedure's: the target is business time in the new or open state; pauses before the deadline move it; a target in business days falls due at the same position of the business clock"
    );
    /// Methodology: GLPI rules applied.
    METHOD_GLPI = (
        "De GLPI (deadline_rules = \"glpi\"): los ANS en días conservan la hora de apertura y, con fin de jornada, vencen al cierre de ese día hábil; al salir de En espera el vencimiento se corre por la espera (en días: segundos de reloj; en horas: segundos hábiles), también la posterior al vencimiento; un vencimiento al cierre de una franja se fija al inicio de la siguiente; incumplido si se resolvió después del vencimiento",
        "GLPI's (deadline_rules = \"glpi\"): day-based SLAs keep the opening's time of day and, with end of working day, fall due at the close of that working day; on leaving Pending the deadline moves by the waiting time (day SLAs: wall-clock seconds; hour SLAs: business seconds), also waiting after the deadline; a deadline at a period's close is set to the next period's start; breached when solved after the deadline"
    );
}
