//! How people (technicians, requesters, event authors) are shown:
//! `[report] people` (docs/CONTRACT.md §2.7).

crate::catalog! {
    /// A keyed pseudonym: `code` is hexadecimal, from HMAC-SHA256.
    PSEUDONYM_KEYED = ("Persona {code}", "Person {code}");
    /// A per-run pseudonym: `n` is the order of first appearance.
    PSEUDONYM_NUMBERED = ("Persona {n}", "Person {n}");
    /// A name without a single letter: its initials.
    NO_INITIALS = same("N. N.");
    /// `PLAZO_PSEUDONYM_KEY` too short to resist guessing.
    KEY_TOO_SHORT = (
        "la clave de seudónimos PLAZO_PSEUDONYM_KEY tiene {n} caracteres; use al menos {min} (por ejemplo, la salida de `openssl rand -hex 16`) y guárdela fuera del informe: con la misma clave, cada persona recibe el mismo seudónimo mes a mes",
        "the pseudonym key PLAZO_PSEUDONYM_KEY has {n} characters; use at least {min} (e.g. the output of `openssl rand -hex 16`) and keep it out of the report: with the same key, each person gets the same pseudonym month after month"
    );
    /// Metodología: the setting's name.
    METHOD_PEOPLE = (
        "Personas ({assignees} y {requesters})",
        "People ({assignees} and {requesters})"
    );
    /// Metodología: `people = "names"`.
    METHOD_PEOPLE_NAMES = (
        "Nombres tal como los exporta la herramienta ([report] people = \"names\"). Son datos personales (Ley 1581 de 2012): verifique la autorización antes de publicar este informe.",
        "Names as the tool exports them ([report] people = \"names\"). They are personal data (Colombian Law 1581 of 2012): check the authorisation before publishing this report."
    );
    /// Metodología: `people = "initials"`.
    METHOD_PEOPLE_INITIALS = (
        "Iniciales ([report] people = \"initials\"), {n} personas. Iniciales repetidas se distinguen con (2), (3)… en orden alfabético del nombre completo; la numeración puede cambiar de un informe a otro. Textos libres (títulos, notas, comentarios) no se modifican.",
        "Initials ([report] people = \"initials\"), {n} people. Repeated initials are told apart with (2), (3)… in alphabetical order of the full name; the numbering may change from one report to the next. Free text (titles, notes, comments) is not changed."
    );
    /// Metodología: `people = "pseudonyms"` with a key.
    METHOD_PEOPLE_KEYED = (
        "Seudónimos con clave ([report] people = \"pseudonyms\", HMAC-SHA256 con la clave PLAZO_PSEUDONYM_KEY), {n} personas. Con la misma clave, cada persona recibe el mismo seudónimo en todos los informes, que así se pueden comparar mes a mes; sin la clave, el seudónimo no revela el nombre. Textos libres (títulos, notas, comentarios) no se modifican.",
        "Keyed pseudonyms ([report] people = \"pseudonyms\", HMAC-SHA256 with the key PLAZO_PSEUDONYM_KEY), {n} people. With the same key, each person gets the same pseudonym in every report, so reports compare month to month; without the key, a pseudonym does not reveal the name. Free text (titles, notes, comments) is not changed."
    );
    /// Metodología: `people = "pseudonyms"` without a key.
    METHOD_PEOPLE_NUMBERED = (
        "Seudónimos numerados ([report] people = \"pseudonyms\", sin clave PLAZO_PSEUDONYM_KEY), {n} personas, en orden de primera aparición en los datos. Los números valen solo dentro de este informe: no son comparables entre informes. Textos libres (títulos, notas, comentarios) no se modifican.",
        "Numbered pseudonyms ([report] people = \"pseudonyms\", no PLAZO_PSEUDONYM_KEY key), {n} people, in order of first appearance in the data. The numbers hold within this report only: they are not comparable across reports. Free text (titles, notes, comments) is not changed."
    );
}
