//! Policy versions and `extends` (issue 16, docs/CONTRACT.md §2.8): the
//! policy's errors, the `rules_at` choice, `plazo explain`'s version
//! line, the Metodología rows and the "Por versión de la política"
//! sheet.

crate::catalog! {
    /// `extends` is not a text.
    EXTENDS_NOT_TEXT = (
        "{file}: extends debe ser un texto con la ruta de otra política, p. ej. extends = \"../policy.toml\"",
        "{file}: extends must be a text with the path of another policy, e.g. extends = \"../policy.toml\""
    );
    /// `extends` comes back to a file already in the chain.
    EXTENDS_CYCLE = (
        "extends forma un ciclo: {chain}; quite extends de uno de esos archivos",
        "extends forms a cycle: {chain}; remove extends from one of those files"
    );
    /// `extends` chained too deep.
    EXTENDS_TOO_DEEP = (
        "extends encadena más de {max} archivos: {chain}; copie en el archivo las tablas de una política intermedia en vez de extenderla",
        "extends chains more than {max} files: {chain}; copy an intermediate policy's tables into the file instead of extending it"
    );
    /// A `[[versions]]` entry that is not a table.
    VERSION_NOT_TABLE = (
        "versions[{n}]: debe ser una tabla [[versions]] con from, name y las tablas que cambian",
        "versions[{n}]: must be a [[versions]] table with from, name and the tables that change"
    );
    /// A key a version may not change.
    VERSION_KEY_UNKNOWN = (
        "versions[{n}].{key}: una versión no puede cambiar esta clave; una versión tiene from, name, note, source y reemplaza targets, states, exclude, close, matching o calendar.hours (lo demás lo fija la política base)",
        "versions[{n}].{key}: a version cannot change this key; a version has from, name, note, source and replaces targets, states, exclude, close, matching or calendar.hours (the base policy fixes the rest)"
    );
    /// A version changes holidays or closed days.
    VERSION_CALENDAR_KEY = (
        "versions[{n}].calendar.{key}: los festivos y los días de cierre no se versionan (rigen por su propia fecha); una versión solo cambia calendar.hours o calendar.always",
        "versions[{n}].calendar.{key}: holidays and closed days are not versioned (each holds on its own date); a version only changes calendar.hours or calendar.always"
    );
    /// `from` missing or not a date.
    VERSION_FROM_BAD = (
        "versions[{n}].from = {value}: no es una fecha AAAA-MM-DD; escriba el día desde el que rige la versión, p. ej. from = \"2026-10-16\"",
        "versions[{n}].from = {value}: not a YYYY-MM-DD date; write the day the version holds from, e.g. from = \"2026-10-16\""
    );
    /// A text key (`name`, `note`, `source`) missing or not a text.
    VERSION_TEXT_BAD = (
        "versions[{n}].{key}: falta o no es un texto; escriba p. ej. {key} = \"PR-RF-09 v06\"",
        "versions[{n}].{key}: missing or not a text; write e.g. {key} = \"PR-RF-09 v06\""
    );
    /// Two versions from the same day.
    VERSION_DUPLICATE = (
        "versions[{n}].from = \"{from}\": versions[{prev}] rige desde el mismo día; deje una sola versión por fecha",
        "versions[{n}].from = \"{from}\": versions[{prev}] holds from the same day; keep one version per date"
    );
    /// Versions out of date order.
    VERSION_UNSORTED = (
        "versions[{n}].from = \"{from}\" es anterior a versions[{prev}].from = \"{prev_from}\"; ordene las versiones por fecha",
        "versions[{n}].from = \"{from}\" is before versions[{prev}].from = \"{prev_from}\"; sort the versions by date"
    );
    /// Policy or CLI error: an unknown `rules_at`.
    RULES_AT_BAD = (
        "{place} = \"{value}\" no es válido: use \"opened\" (la versión vigente al abrir el ticket) o \"solved\" (la vigente al resolverlo; sin resolver, la vigente al corte)",
        "{place} = \"{value}\" is not valid: use \"opened\" (the version in force when the ticket was opened) or \"solved\" (the one in force when it was solved; unsolved, at the cutoff)"
    );
    /// The label of the base version in the version lists.
    BASE_FROM = ("(desde el inicio)", "(from the start)");
    /// Methodology: the label of the rules_at line.
    METHOD_RULES_AT = ("Versión aplicada", "Version applied");
    /// Methodology: rules_at = opened.
    METHOD_RULES_AT_OPENED = (
        "Cada {ticket} se mide con la versión de la política vigente el día en que se abrió (rules_at = \"opened\"); los festivos rigen por su fecha en todas las versiones",
        "Each {ticket} is measured under the policy version in force on the day it was opened (rules_at = \"opened\"); holidays hold by their date in every version"
    );
    /// Methodology: rules_at = solved.
    METHOD_RULES_AT_SOLVED = (
        "Cada {ticket} se mide con la versión de la política vigente cuando se resolvió; sin {resolution} al corte, con la vigente al corte (rules_at = \"solved\"); los festivos rigen por su fecha en todas las versiones",
        "Each {ticket} is measured under the policy version in force when it was solved; unsolved at the cutoff, under the one in force at the cutoff (rules_at = \"solved\"); holidays hold by their date in every version"
    );
    /// Methodology and sheet: column "from".
    COL_FROM = ("Rige desde", "In force from");
    /// Methodology, sheet and Datos: column "version".
    COL_VERSION = ("Versión", "Version");
    /// Methodology: column "what changes".
    COL_CHANGES = ("Cambia", "Changes");
    /// Methodology: column "note".
    COL_NOTE = ("Nota", "Note");
    /// Methodology: column "source".
    COL_SOURCE = ("Fuente", "Source");
    /// The sheet splitting the indicators by version.
    SHEET_BY_VERSION = ("Por versión de la política", "By policy version");
    /// `plazo explain`: the version line.
    EXPLAIN_VERSION = (
        "Versión de la política: {name} (rige desde {from}; {rule})",
        "Policy version: {name} (in force from {from}; {rule})"
    );
    /// `plazo explain`: the choice by opening.
    EXPLAIN_BY_OPENED = (
        "vigente al abrir el ticket",
        "in force when the ticket was opened"
    );
    /// `plazo explain`: the choice by solving.
    EXPLAIN_BY_SOLVED = (
        "vigente al resolver el ticket, o al corte si no está resuelto",
        "in force when the ticket was solved, or at the cutoff if unsolved"
    );
}
