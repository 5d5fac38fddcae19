//! `[report] people`: technicians, requesters and event authors shown as
//! initials or pseudonyms instead of their names (Colombian Law 1581 of
//! 2012 on personal data; docs/CONTRACT.md §2.7).
//!
//! [`hide`] runs once, right after the tables are loaded: every person
//! value of the dataset — the tickets' `assignee` and `requester`, the
//! extra columns that name people ([`is_person_column`]), the events'
//! `assignee` and `actor` — is replaced by its label, as a new interned
//! string. Every later layer (engine, indicators, workbook, charts, CSV,
//! explain, custom queries) sees only the labels, so no output can leak a
//! name it never receives.
//!
//! - One label per distinct name, shared by every column: the technician
//!   who also opens a ticket is the same label in both roles.
//! - Two different names never share a label: repeated initials ("María
//!   Pérez" and "Mario Pérez" are both "M. P.") take " (2)", " (3)"… in
//!   alphabetical order of the full name; a keyed pseudonym that collides
//!   is lengthened. A label is also never a string the tables already
//!   hold (other than the person's own name), so a label never
//!   coincides with a group, a status or another person's name.
//! - The policy's rules (`[[exclude.rules]] column = "requester"`, a
//!   `where` on a person column) still compare the names the tool
//!   exported: [`Dataset::rule_str`] looks through a label to its name.
//!   Only rule matching does.
//!
//! Pseudonyms: with a key (`PLAZO_PSEUDONYM_KEY`, read by the command
//! line, never printed or written), "Persona 3F9A2C": the first hex
//! digits of HMAC-SHA256(key, name), the same in every run with the same
//! key, and not recomputable from a list of staff names without the key.
//! Without a key, "Persona 01", "Persona 02"… in order of first
//! appearance (tickets in file order: assignee, requester, person extra
//! columns; then events): valid within one report only.

use std::collections::{HashMap, HashSet};

use sha2::{Digest, Sha256};

use crate::error::{Error, Result};
use crate::model::dataset::{Attr, Dataset, Strings};
use crate::policy::People;
use crate::text::fold;
use crate::text::lang::Lang;
use crate::text::msg::people as msg;

/// The shortest key accepted, in bytes.
pub const MIN_KEY_LEN: usize = 16;

/// Hex digits of a keyed pseudonym, before any lengthening.
const CODE_DIGITS: usize = 6;

/// How the names were replaced.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Scheme {
    /// Initials, repeated ones numbered.
    Initials,
    /// HMAC-SHA256 pseudonyms, stable across runs with the same key.
    Keyed,
    /// Pseudonyms numbered per run.
    Numbered,
}

/// What [`hide`] did: the scheme, how many people, and each label's
/// original name (for rule matching only).
#[derive(Clone, Debug)]
pub struct Hidden {
    /// The scheme used.
    pub scheme: Scheme,
    /// Distinct people (distinct non-empty names) replaced.
    pub people: usize,
    /// Label id -> original name id.
    originals: HashMap<u32, u32>,
}

impl Hidden {
    /// The original name id behind label `id`, if `id` is a label.
    pub fn original(&self, id: u32) -> Option<u32> {
        self.originals.get(&id).copied()
    }
}

/// True when an extra tickets column names people: its name, folded and
/// split at every non-alphanumeric character, has one of these words.
/// (The canonical `assignee` and `requester` always do.)
pub fn is_person_column(name: &str) -> bool {
    const WORDS: [&str; 22] = [
        "requester",
        "solicitante",
        "tecnico",
        "technician",
        "especialista",
        "assignee",
        "asignado",
        "caller",
        "author",
        "autor",
        "agent",
        "agente",
        "owner",
        "responsable",
        "funcionario",
        "observer",
        "observador",
        "actor",
        "usuario",
        "user",
        "contacto",
        "contact",
    ];
    fold(name)
        .split(|c: char| !c.is_alphanumeric())
        .any(|w| WORDS.contains(&w))
}

/// Replaces every person value of `ds` as `mode` says (nothing for
/// [`People::Names`]); `key` is the pseudonym key, if any (an empty key
/// is none); pseudonyms are worded in `lang`. Records what it did in
/// [`Dataset::people`].
///
/// # Errors
///
/// A key shorter than [`MIN_KEY_LEN`] bytes with `pseudonyms`.
///
/// # Example
///
/// ```
/// use plazo::model::people::{hide, Scheme};
/// use plazo::model::dataset::{Attr, Dataset, Inputs};
/// use plazo::policy::People;
/// use plazo::text::lang::Lang;
/// let dir = std::env::temp_dir().join("plazo-doc-people");
/// std::fs::create_dir_all(&dir)?;
/// std::fs::write(dir.join("t.csv"), "ticket_id,opened_at,assignee\n1,2026-03-05 08:00,María Pérez\n2,2026-03-05 09:00,Mario Pérez\n")?;
/// std::fs::write(dir.join("e.csv"), "ticket_id,at,status\n")?;
/// let mut ds = Dataset::load(&Inputs::new(dir.join("t.csv"), dir.join("e.csv")), chrono_tz::UTC)?;
/// hide(&mut ds, People::Initials, None, Lang::Es)?;
/// let who = |i: usize| ds.strings.get(ds.tickets[i].attr(Attr::Assignee)).to_string();
/// assert_eq!((who(0).as_str(), who(1).as_str()), ("M. P.", "M. P. (2)"));
/// assert_eq!(ds.people.as_ref().unwrap().scheme, Scheme::Initials);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn hide(
    ds: &mut Dataset,
    mode: People,
    key: Option<&[u8]>,
    lang: Lang,
) -> Result<()> {
    if let Some(labels) = labels(ds, mode, key, lang, &[])? {
        labels.apply(ds, true);
    }
    Ok(())
}

/// The labels [`hide`] gives: each person (a distinct non-empty name, in
/// order of first appearance) and its label.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Labels {
    /// The scheme used.
    pub scheme: Scheme,
    /// The people's name ids, in order of first appearance.
    pub ids: Vec<u32>,
    /// Their labels, in the same order.
    pub labels: Vec<String>,
    /// Name id -> index in `ids` (built once: each window of tickets
    /// looks its people up in it).
    index: HashMap<u32, usize>,
}

/// The labels [`hide`] would give the people of `ds` followed by those
/// of `more` (name ids met after `ds`'s, in order of first appearance:
/// the events' people of a read by windows), without replacing any;
/// `None` for [`People::Names`].
///
/// # Errors
///
/// As [`hide`].
pub fn labels(
    ds: &Dataset,
    mode: People,
    key: Option<&[u8]>,
    lang: Lang,
    more: &[u32],
) -> Result<Option<Labels>> {
    let key = key.filter(|k| !k.is_empty());
    let scheme = match (mode, key) {
        (People::Names, _) => return Ok(None),
        (People::Initials, _) => Scheme::Initials,
        (People::Pseudonyms, Some(k)) if k.len() < MIN_KEY_LEN => {
            return Err(Error::input_msg(
                msg::KEY_TOO_SHORT,
                &[("n", &k.len()), ("min", &MIN_KEY_LEN)],
            ));
        }
        (People::Pseudonyms, Some(_)) => Scheme::Keyed,
        (People::Pseudonyms, None) => Scheme::Numbered,
    };
    let mut ids = people_of(ds, &person_extras(ds));
    let known: HashSet<u32> = ids.iter().copied().collect();
    let mut met = HashSet::new();
    ids.extend(
        more.iter()
            .filter(|&&id| id != 0 && !known.contains(&id) && met.insert(id)),
    );
    let labels = match scheme {
        Scheme::Initials => initials_labels(&ds.strings, &ids),
        Scheme::Keyed => {
            keyed_labels(&ds.strings, &ids, key.unwrap_or_default(), lang)
        }
        Scheme::Numbered => numbered_labels(&ds.strings, &ids, lang),
    };
    let index = ids.iter().enumerate().map(|(i, &id)| (id, i)).collect();
    Ok(Some(Labels {
        scheme,
        ids,
        labels,
        index,
    }))
}

impl Labels {
    /// Replaces the people of `ds`'s tickets (and, with `events`, of its
    /// events) by their labels, interned, and records it in
    /// [`Dataset::people`]. A window of tickets takes only its tickets'
    /// labels: its events' people are not shown by `plazo sla`'s table,
    /// and rules read names through [`Dataset::rule_str`] either way.
    pub fn apply(&self, ds: &mut Dataset, events: bool) {
        let extras = person_extras(ds);
        let met = if events {
            people_of(ds, &extras)
        } else {
            people_of_tickets(ds, &extras)
        };
        let mut to: HashMap<u32, u32> = HashMap::with_capacity(met.len());
        let mut originals = HashMap::with_capacity(met.len());
        for old in met {
            let Some(&i) = self.index.get(&old) else {
                continue;
            };
            let new = ds.strings.intern(&self.labels[i]);
            to.insert(old, new);
            originals.insert(new, old);
        }
        remap(ds, &extras, &to, events);
        ds.people = Some(Hidden {
            scheme: self.scheme,
            people: self.ids.len(),
            originals,
        });
    }
}

/// The positions of the extra columns that name people.
fn person_extras(ds: &Dataset) -> Vec<usize> {
    (0..ds.extra_columns.len())
        .filter(|&x| is_person_column(&ds.extra_columns[x]))
        .collect()
}

/// Every distinct non-empty person value, in order of first appearance:
/// the tickets' (assignee, requester, person extra columns, ticket by
/// ticket), then the events' (assignee, actor).
fn people_of(ds: &Dataset, extras: &[usize]) -> Vec<u32> {
    let mut seen = HashSet::new();
    let mut out = Vec::new();
    let mut add = |id: u32| {
        if id != 0 && seen.insert(id) {
            out.push(id);
        }
    };
    tickets_people(ds, extras, &mut add);
    for e in &ds.events {
        add(e.assignee);
        add(e.actor);
    }
    out
}

/// [`people_of`] the tickets only.
fn people_of_tickets(ds: &Dataset, extras: &[usize]) -> Vec<u32> {
    let mut seen = HashSet::new();
    let mut out = Vec::new();
    tickets_people(ds, extras, &mut |id| {
        if id != 0 && seen.insert(id) {
            out.push(id);
        }
    });
    out
}

/// Calls `add` with each ticket's person values, in order.
fn tickets_people(ds: &Dataset, extras: &[usize], add: &mut impl FnMut(u32)) {
    for (i, t) in ds.tickets.iter().enumerate() {
        add(t.attr(Attr::Assignee));
        add(t.attr(Attr::Requester));
        let cells = ds.extra_of(i);
        for &x in extras {
            add(cells[x]);
        }
    }
}

/// Replaces every person value through `to` (the events' too, with
/// `events`).
fn remap(
    ds: &mut Dataset,
    extras: &[usize],
    to: &HashMap<u32, u32>,
    events: bool,
) {
    let map = |id: &mut u32| {
        if let Some(&n) = to.get(id) {
            *id = n;
        }
    };
    for t in &mut ds.tickets {
        map(&mut t.attrs[Attr::Assignee as usize]);
        map(&mut t.attrs[Attr::Requester as usize]);
    }
    let k = ds.extra_columns.len();
    if k > 0 {
        for cells in ds.extras.chunks_exact_mut(k) {
            for &x in extras {
                map(&mut cells[x]);
            }
        }
    }
    if events {
        for e in &mut ds.events {
            map(&mut e.assignee);
            map(&mut e.actor);
        }
    }
}

/// A name's initials: the first letter of each word, upper case, with a
/// full stop ("María Pérez Gómez" -> "M. P. G."). Spanish particles (de,
/// del, la, las, los, y) and words without a letter are skipped; a name
/// with no letter at all is "N. N.".
pub fn initials(name: &str) -> String {
    const PARTICLES: [&str; 6] = ["de", "del", "la", "las", "los", "y"];
    let mut out = String::new();
    for w in name.split_whitespace() {
        if PARTICLES.contains(&fold(w).as_str()) {
            continue;
        }
        if let Some(c) = w.chars().find(|c| c.is_alphabetic()) {
            if !out.is_empty() {
                out.push(' ');
            }
            out.extend(c.to_uppercase());
            out.push('.');
        }
    }
    if out.is_empty() {
        out.push_str(msg::NO_INITIALS.es);
    }
    out
}

/// Labels that no other string of the tables holds: `base`, then `base
/// (2)`, `base (3)`… skipping any label already given and any string the
/// tables hold other than the person's own name.
struct Unique<'s> {
    strings: &'s Strings,
    given: HashSet<String>,
}

impl Unique<'_> {
    fn free(&self, label: &str, own: u32) -> bool {
        !self.given.contains(label)
            && self.strings.find(label).is_none_or(|id| id == own)
    }

    fn label(&mut self, base: &str, own: u32) -> String {
        let mut k = 1;
        let mut l = base.to_string();
        while !self.free(&l, own) {
            k += 1;
            l = format!("{base} ({k})");
        }
        self.given.insert(l.clone());
        l
    }
}

/// Initials, repeated ones numbered in alphabetical order of the name.
fn initials_labels(s: &Strings, ids: &[u32]) -> Vec<String> {
    let mut order: Vec<usize> = (0..ids.len()).collect();
    let key = |i: usize| {
        let name = s.get(ids[i]);
        (initials(name), fold(name), name.to_string())
    };
    order.sort_by_cached_key(|&i| key(i));
    let mut u = Unique {
        strings: s,
        given: HashSet::new(),
    };
    let mut out = vec![String::new(); ids.len()];
    for i in order {
        out[i] = u.label(&initials(s.get(ids[i])), ids[i]);
    }
    out
}

/// "Persona 01", "Persona 02"… in order of first appearance, the number
/// at least two digits wide, wide enough for the last one.
fn numbered_labels(s: &Strings, ids: &[u32], lang: Lang) -> Vec<String> {
    let width = ids.len().to_string().len().max(2);
    let mut u = Unique {
        strings: s,
        given: HashSet::new(),
    };
    ids.iter()
        .enumerate()
        .map(|(i, &id)| {
            let n = format!("{:0width$}", i + 1);
            u.label(&msg::PSEUDONYM_NUMBERED.fill(lang, &[("n", &n)]), id)
        })
        .collect()
}

/// "Persona 3F9A2C": the first [`CODE_DIGITS`] hex digits of
/// HMAC-SHA256(key, name), upper case. Names whose labels would
/// coincide (with each other or with a string of the tables) take two
/// more digits, together, until they differ.
fn keyed_labels(
    s: &Strings,
    ids: &[u32],
    key: &[u8],
    lang: Lang,
) -> Vec<String> {
    let macs: Vec<String> = ids
        .iter()
        .map(|&id| hex(&hmac_sha256(key, s.get(id).as_bytes())))
        .collect();
    let label = |i: usize, digits: usize| {
        msg::PSEUDONYM_KEYED.fill(lang, &[("code", &&macs[i][..digits])])
    };
    let mut digits = vec![CODE_DIGITS; ids.len()];
    loop {
        let labels: Vec<String> =
            (0..ids.len()).map(|i| label(i, digits[i])).collect();
        let mut count: HashMap<&str, usize> = HashMap::new();
        for l in &labels {
            *count.entry(l.as_str()).or_default() += 1;
        }
        let clash: Vec<usize> = (0..ids.len())
            .filter(|&i| {
                count[labels[i].as_str()] > 1
                    || s.find(&labels[i]).is_some_and(|x| x != ids[i])
            })
            .filter(|&i| digits[i] < macs[i].len())
            .collect();
        if clash.is_empty() {
            return labels;
        }
        for i in clash {
            digits[i] += 2;
        }
    }
}

/// Upper-case hex: pseudonyms print as "3F9A2C".
fn hex(bytes: &[u8]) -> String {
    use std::fmt::Write as _;
    let mut out = String::with_capacity(bytes.len() * 2);
    for b in bytes {
        let _ = write!(out, "{b:02X}");
    }
    out
}

/// HMAC-SHA256 (RFC 2104) of `data` under `key`.
pub fn hmac_sha256(key: &[u8], data: &[u8]) -> [u8; 32] {
    const BLOCK: usize = 64;
    let mut k = [0u8; BLOCK];
    if key.len() > BLOCK {
        k[..32].copy_from_slice(&Sha256::digest(key));
    } else {
        k[..key.len()].copy_from_slice(key);
    }
    let pad = |x: u8| k.map(|b| b ^ x);
    let mut inner = Sha256::new();
    inner.update(pad(0x36));
    inner.update(data);
    let mut outer = Sha256::new();
    outer.update(pad(0x5c));
    outer.update(inner.finalize());
    outer.finalize().into()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hex_of(s: &str) -> Vec<u8> {
        (0..s.len())
            .step_by(2)
            .map(|i| u8::from_str_radix(&s[i..i + 2], 16).unwrap())
            .collect()
    }

    /// RFC 4231 test cases 1, 2 and 6 (a key longer than the block).
    #[test]
    fn hmac_matches_rfc_4231() {
        let cases: [(Vec<u8>, &[u8], &str); 3] = [
            (
                vec![0x0b; 20],
                b"Hi There",
                "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7",
            ),
            (
                b"Jefe".to_vec(),
                b"what do ya want for nothing?",
                "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843",
            ),
            (
                vec![0xaa; 131],
                b"Test Using Larger Than Block-Size Key - Hash Key First",
                "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54",
            ),
        ];
        for (key, data, want) in cases {
            assert_eq!(hmac_sha256(&key, data).to_vec(), hex_of(want));
        }
    }

    #[test]
    fn initials_skip_particles_and_keep_accents() {
        assert_eq!(initials("María Pérez Gómez"), "M. P. G.");
        assert_eq!(initials("  ángela   de la Torre "), "Á. T.");
        assert_eq!(initials("Juan Pérez (5)"), "J. P.");
        assert_eq!(initials("12345"), "N. N.");
    }

    #[test]
    fn person_columns_by_word() {
        assert!(is_person_column("Solicitante"));
        assert!(is_person_column("usuario_final"));
        assert!(is_person_column("Técnico asignado"));
        assert!(!is_person_column("tipo_solucion"));
        assert!(!is_person_column("title"));
        assert!(!is_person_column("usuarios_afectados"));
    }
}
