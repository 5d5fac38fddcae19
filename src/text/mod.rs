//! Loose text matching for labels: trimmed, case- and accent-insensitive.
//!
//! Status labels, priorities and categories come from tools in several
//! locales and releases (`Resueltas`, `resuelta `, `EN CURSO (ASIGNADA)`):
//! they are compared after [`fold`].
//!
//! # Example
//!
//! ```
//! use plazo::text::fold;
//! assert_eq!(fold("  En Curso (Asignada) "), "en curso (asignada)");
//! assert_eq!(fold("Crítica"), fold("CRITICA"));
//! assert_eq!(fold("Día de la Raza"), "dia de la raza");
//! ```

pub mod catalog;
pub mod lang;
pub mod msg;
pub mod words;

pub use catalog::{Msg, Text};

/// `1234567` -> `1.234.567` (es) or `1,234,567` (en): counts in messages
/// and amounts of money ([`crate::policy::Money::text`]).
///
/// ```
/// use plazo::text::{lang::Lang, thousands};
/// assert_eq!(thousands(1_234_567, Lang::Es), "1.234.567");
/// assert_eq!(thousands(999, Lang::En), "999");
/// ```
pub fn thousands(n: u64, lang: lang::Lang) -> String {
    let s = n.to_string();
    let sep = msg::cli::THOUSANDS_SEPARATOR.get(lang);
    let mut out = String::new();
    for (i, c) in s.chars().enumerate() {
        if i > 0 && (s.len() - i).is_multiple_of(3) {
            out.push_str(sep);
        }
        out.push(c);
    }
    out
}

/// The Spanish plural of a noun: `s` after a vowel, `es` after the
/// consonants Spanish words end in (l, r, n, d, j, s, x, y, z; z turns
/// to c: "luz" → "luces"), `s` after any other, as loanwords take it
/// ("ticket" → "tickets", RAE), the written accent of a last syllable in
/// -án, -én, -ín, -ón, -ún dropped ("petición" → "peticiones"), applied
/// to the first word of a phrase ("caso de uso" → "casos de uso").
///
/// ```
/// use plazo::text::plural;
/// assert_eq!(plural("caso"), "casos");
/// assert_eq!(plural("solicitud"), "solicitudes");
/// assert_eq!(plural("petición"), "peticiones");
/// assert_eq!(plural("grupo de especialistas"), "grupos de especialistas");
/// assert_eq!(plural("ticket"), "tickets");
/// assert_eq!(plural("luz"), "luces");
/// ```
pub fn plural(noun: &str) -> String {
    let (head, tail) =
        noun.split_once(' ').map_or((noun, ""), |(h, t)| (h, t));
    let last = head
        .chars()
        .last()
        .map(|c| c.to_lowercase().next().unwrap_or(c));
    let mut out = match last {
        Some(c) if "aeiouáéíóú".contains(c) => format!("{head}s"),
        Some('z') => format!("{}ces", &head[..head.len() - 1]),
        Some(c) if "lrndjsxy".contains(c) => {
            let mut cs: Vec<char> = head.chars().collect();
            let n = cs.len();
            if n >= 2 && matches!(c, 'n' | 's') {
                let plain = |c: char| match c {
                    'á' => Some('a'),
                    'é' => Some('e'),
                    'í' => Some('i'),
                    'ó' => Some('o'),
                    'ú' => Some('u'),
                    _ => None,
                };
                if let Some(p) = plain(cs[n - 2]) {
                    cs[n - 2] = p;
                }
            }
            format!("{}es", cs.into_iter().collect::<String>())
        }
        _ => format!("{head}s"),
    };
    if !tail.is_empty() {
        out.push(' ');
        out.push_str(tail);
    }
    out
}

/// `s.trim()`, answered without decoding characters when both ends are
/// printable ASCII (white space, as `char::is_whitespace` has it, is
/// either ASCII at or below a space or not ASCII at all): most cells of
/// an export, trimmed on every read.
pub fn trim(s: &str) -> &str {
    let printable = |b: u8| b > b' ' && b < 0x80;
    match s.as_bytes() {
        [] => s,
        [f, .., l] | [f @ l] if printable(*f) && printable(*l) => s,
        _ => s.trim(),
    }
}

/// Trims, lowercases and strips Latin diacritics (á -> a, ñ -> n, ç -> c),
/// and folds inner runs of white space to one space.
///
/// A hand-written table (Latin-1 and Latin Extended-A letters seen in
/// Spanish, Portuguese, French and Italian labels) rather than a Unicode
/// normalisation dependency: labels are short and the set is closed.
pub fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut space = false;
    for c in s.trim().chars() {
        if c.is_ascii() {
            // Most labels and notes: no case table, no accents.
            if matches!(c, ' ' | '\t' | '\n' | '\x0b' | '\x0c' | '\r') {
                space = true;
                continue;
            }
            if space && !out.is_empty() {
                out.push(' ');
            }
            space = false;
            out.push(c.to_ascii_lowercase());
            continue;
        }
        if c.is_whitespace() {
            space = true;
            continue;
        }
        if space && !out.is_empty() {
            out.push(' ');
        }
        space = false;
        for l in c.to_lowercase() {
            out.push(base_letter(l));
        }
    }
    out
}

fn base_letter(c: char) -> char {
    match c {
        'á' | 'à' | 'â' | 'ä' | 'ã' | 'å' | 'ā' => 'a',
        'é' | 'è' | 'ê' | 'ë' | 'ē' | 'ė' | 'ę' => 'e',
        'í' | 'ì' | 'î' | 'ï' | 'ī' => 'i',
        'ó' | 'ò' | 'ô' | 'ö' | 'õ' | 'ø' | 'ō' => 'o',
        'ú' | 'ù' | 'û' | 'ü' | 'ū' => 'u',
        'ñ' => 'n',
        'ç' => 'c',
        'ý' | 'ÿ' => 'y',
        c => c,
    }
}

#[cfg(test)]
mod tests {
    use super::fold;

    proptest::proptest! {
        /// The fast path answers as `str::trim` on any text, including
        /// ASCII and Unicode white space and control characters at
        /// either end.
        #[test]
        fn trim_is_str_trim(
            s in "[ \t\r\n\u{0b}\u{0c}\u{1f}\u{7f}\u{a0}\u{2003}\u{3000}\u{85}a-zñ,\"]{0,12}"
        ) {
            proptest::prop_assert_eq!(super::trim(&s), s.trim());
        }
    }

    /// `fold` as first written: every character through Unicode's
    /// white space, lowercase mapping and [`super::base_letter`].
    fn fold_slow(s: &str) -> String {
        let mut out = String::new();
        let mut space = false;
        for c in s.trim().chars() {
            if c.is_whitespace() {
                space = true;
                continue;
            }
            if space && !out.is_empty() {
                out.push(' ');
            }
            space = false;
            out.extend(c.to_lowercase().map(super::base_letter));
        }
        out
    }

    proptest::proptest! {
        /// The ASCII path answers as the character-by-character one, on
        /// every ASCII character (controls and white space included)
        /// mixed with accented, non-Latin and Unicode-space text.
        #[test]
        fn fold_ascii_path_is_the_slow_one(
            s in "[\\x00-\\x7fÁÉÑñçİẞ\u{a0}\u{2003}\u{85}Ωж]{0,16}"
        ) {
            proptest::prop_assert_eq!(fold(&s), fold_slow(&s));
        }
    }

    #[test]
    fn trim_by_hand() {
        for (s, want) in [
            ("", ""),
            ("a", "a"),
            (" a", "a"),
            ("a\t", "a"),
            ("\u{a0}ñ\u{3000}", "ñ"),
            ("ñ", "ñ"),
            ("x y", "x y"),
            ("\u{7f}a", "\u{7f}a"),
        ] {
            assert_eq!(super::trim(s), want, "{s:?}");
        }
    }

    #[test]
    fn folds() {
        assert_eq!(fold("Resueltas"), "resueltas");
        assert_eq!(fold("\u{a0}Suspendido\t"), "suspendido");
        assert_eq!(fold("Señor  Ñandú"), "senor nandu");
        assert_eq!(fold("ÉLÈVE"), "eleve");
        assert_eq!(fold(""), "");
    }
}
