//! Golden outputs (issue 12, point 7): for each entity sample, `plazo
//! report` for one fixed period is compared, as text, with the files under
//! `tests/golden/<entity>/`: `indicators.csv`, `sla.csv`, `workbook.txt`
//! (sheet order, defined names) and `sheets/NN-<slug>.txt` (every sheet:
//! cells with their type, value as stored in the XML and number format;
//! column widths, merges, panes, filters, conditional formats, charts,
//! images and how it prints: paper, orientation, fit, margins, print
//! area, repeated rows, page breaks, header and footer).
//!
//! An intended change is re-blessed with
//! `PLAZO_BLESS=1 cargo test --test it golden`, which writes the actual
//! files instead of comparing; the change is then reviewed as a text diff.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::fmt::Write as _;
use std::io::Read as _;
use std::path::{Path, PathBuf};

use quick_xml::XmlVersion;
use quick_xml::events::Event;

use crate::util::{dataset, ok_stdout, plazo, root, tempdir};

/// The variable that switches from comparing to writing.
const BLESS_VAR: &str = "PLAZO_BLESS";
const BLESS_HINT: &str = "PLAZO_BLESS=1 cargo test --test it golden";

pub(crate) fn blessing() -> bool {
    std::env::var(BLESS_VAR).is_ok_and(|v| v == "1")
}

// ---------------------------------------------------------------- tests

/// `plazo report` on `samples/<entity>/` (paths relative to the
/// repository root, as the Metodología sheet prints them) with `period`.
fn sample(entity: &str, period: &[&str]) {
    let out = tempdir(&format!("golden-{entity}"));
    let d = format!("samples/{entity}");
    let mut args = vec!["-q".to_string(), "report".to_string()];
    for f in ["policy.toml", "tickets.csv", "events.csv", "surveys.csv"] {
        args.push(format!("--{}", f.split('.').next().unwrap()));
        args.push(format!("{d}/{f}"));
    }
    args.extend(period.iter().map(|s| s.to_string()));
    args.extend(["--out".into(), out.display().to_string()]);
    let a: Vec<&str> = args.iter().map(String::as_str).collect();
    ok_stdout(&plazo(&root(), &a));
    check(entity, &out);
}

#[test]
fn icetex() {
    sample("icetex", &["--period", "2026-10"]);
}

#[test]
fn upme() {
    sample("upme", &["--period", "2026-10"]);
}

#[test]
fn itagui() {
    // `[report] period = "quarter"`: the last complete quarter.
    sample("itagui", &["--quarter", "2026Q3"]);
}

#[test]
fn victimas() {
    sample("victimas", &["--period", "2026-10"]);
}

#[test]
fn uspec() {
    sample("uspec", &["--period", "2026-10"]);
}

/// Real GLPI 10.0.5 tables, ingested, then reported for 2026Q1 at the
/// dump's cutoff: the only report with a "Conciliación GLPI" sheet.
#[test]
fn glpi_real() {
    let g = dataset("glpi_10_0_5_sample");
    let dir = tempdir("golden-glpi-real");
    let policy = "samples/glpi-real/policy.toml";
    let mut args: Vec<String> = [
        "-q",
        "ingest",
        "--source",
        "glpi-tables",
        "--policy",
        &root().join(policy).display().to_string(),
        "--out",
        "in",
        "--input",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    for t in [
        "glpi_tickets.csv",
        "glpi_logs_ticket.csv",
        "glpi_ticketsatisfactions.csv",
        "glpi_tickets_users.csv",
        "glpi_itilcategories.csv",
    ] {
        args.push(g.join(t).display().to_string());
    }
    let a: Vec<&str> = args.iter().map(String::as_str).collect();
    ok_stdout(&plazo(&dir, &a));
    // Relative paths from the temp folder, as the Metodología sheet
    // prints them: the policy is copied under its repository path.
    let pol = dir.join(policy);
    std::fs::create_dir_all(pol.parent().unwrap()).unwrap();
    std::fs::copy(root().join(policy), &pol).unwrap();
    ok_stdout(&plazo(
        &dir,
        &[
            "-q",
            "report",
            "--policy",
            policy,
            "--tickets",
            "in/tickets.csv",
            "--events",
            "in/events.csv",
            "--surveys",
            "in/surveys.csv",
            "--quarter",
            "2026Q1",
            "--cutoff",
            "2026-11-21 00:00",
            "--out",
            "out",
        ],
    ));
    let out = dir.join("out");
    check("glpi-real", &out);
}

/// The comparison itself: a changed line, a missing file and a stale
/// file each fail with the file's name and the bless command.
#[test]
fn golden_compare_fails_on_changed_missing_and_stale_files() {
    let g = tempdir("golden-self");
    let files: BTreeMap<String, String> = [
        ("a.txt".to_string(), "1\n2\n3\n4\n5\n6\n7\n8\n".to_string()),
        ("sheets/01-x.txt".to_string(), "x\n".to_string()),
    ]
    .into();
    assert!(compare_or_bless(&g, &files, true).is_empty());
    assert!(compare_or_bless(&g, &files, false).is_empty());

    std::fs::write(g.join("a.txt"), "1\n2\n3\n4\nfive\n6\n7\n8\n").unwrap();
    let e = compare_or_bless(&g, &files, false).join("\n");
    assert!(e.contains("a.txt"), "{e}");
    assert!(e.contains("-five\n+5\n"), "{e}");
    assert!(e.contains(" 4\n") && e.contains(" 6\n"), "{e}");

    std::fs::remove_file(g.join("sheets/01-x.txt")).unwrap();
    std::fs::write(g.join("sheets/02-old.txt"), "old\n").unwrap();
    let e = compare_or_bless(&g, &files, false).join("\n");
    assert!(e.contains("missing golden file") && e.contains("01-x.txt"));
    assert!(e.contains("stale golden file") && e.contains("02-old.txt"));
    assert!(e.contains(BLESS_HINT), "{e}");

    assert!(compare_or_bless(&g, &files, true).is_empty());
    assert!(!g.join("sheets/02-old.txt").exists());
    assert!(compare_or_bless(&g, &files, false).is_empty());
    assert_eq!(diff("a\nb\n", "a\nb\n"), "");
}

// ------------------------------------------------------- compare / bless

/// Compares `out` (a report folder) with `tests/golden/<entity>/`, or
/// writes it there under `PLAZO_BLESS=1`.
fn check(entity: &str, out: &Path) {
    let mut files = BTreeMap::new();
    for f in ["indicators.csv", "sla.csv"] {
        let text = std::fs::read_to_string(out.join(f))
            .unwrap_or_else(|e| panic!("{f}: {e}"));
        files.insert(f.to_string(), text);
    }
    let xlsx: Vec<PathBuf> = std::fs::read_dir(out)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "xlsx"))
        .collect();
    assert_eq!(xlsx.len(), 1, "one workbook in {}", out.display());
    files.extend(dump_workbook(&std::fs::read(&xlsx[0]).unwrap()));
    // No temp folder (`util::tempdir`) may leak into what is compared:
    // the Metodología sheet prints paths as given.
    // Nor the checkout's own path.
    let here = root().display().to_string();
    for (name, text) in &files {
        assert!(!text.contains("plazo-it-"), "{name} names a temp folder");
        assert!(!text.contains(&here), "{name} names {here}");
    }
    let golden = root().join("tests/golden").join(entity);
    let errors = compare_or_bless(&golden, &files, blessing());
    assert!(
        errors.is_empty(),
        "golden outputs of {entity} differ:\n\n{}",
        errors.join("\n")
    );
}

/// Every file of `dir` (recursively), as paths relative to it.
fn list(dir: &Path) -> BTreeSet<String> {
    fn walk(base: &Path, d: &Path, acc: &mut BTreeSet<String>) {
        let Ok(rd) = std::fs::read_dir(d) else {
            return;
        };
        for e in rd {
            let p = e.unwrap().path();
            if p.is_dir() {
                walk(base, &p, acc);
            } else {
                let rel = p.strip_prefix(base).unwrap();
                acc.insert(rel.to_string_lossy().replace('\\', "/"));
            }
        }
    }
    let mut acc = BTreeSet::new();
    walk(dir, dir, &mut acc);
    acc
}

/// With `bless`, makes `golden` hold exactly `files`; otherwise returns
/// one message per missing, stale or differing file.
pub(crate) fn compare_or_bless(
    golden: &Path,
    files: &BTreeMap<String, String>,
    bless: bool,
) -> Vec<String> {
    let present = list(golden);
    let mut errors = Vec::new();
    let shown =
        |p: &Path| p.strip_prefix(root()).unwrap_or(p).display().to_string();
    for stale in present.iter().filter(|f| !files.contains_key(*f)) {
        let p = golden.join(stale);
        if bless {
            std::fs::remove_file(&p).unwrap();
        } else {
            errors.push(format!(
                "stale golden file {} (the report no longer makes it); \
                 re-bless with: {BLESS_HINT}\n",
                shown(&p)
            ));
        }
    }
    for (name, actual) in files {
        let p = golden.join(name);
        if bless {
            std::fs::create_dir_all(p.parent().unwrap()).unwrap();
            std::fs::write(&p, actual).unwrap();
            continue;
        }
        match std::fs::read_to_string(&p) {
            Err(e) => errors.push(format!(
                "missing golden file {} ({e}); write it with: {BLESS_HINT}\n",
                shown(&p)
            )),
            Ok(expected) if expected != *actual => errors.push(format!(
                "{} differs (- golden, + actual); if the change is \
                 intended, re-bless with: {BLESS_HINT}\n{}",
                shown(&p),
                diff(&expected, actual)
            )),
            Ok(_) => {}
        }
    }
    errors
}

/// A one-hunk unified-style diff: the lines between the common prefix
/// and the common suffix, with three lines of context, at most 12 lines
/// a side.
fn diff(expected: &str, actual: &str) -> String {
    const CONTEXT: usize = 3;
    const MAX: usize = 12;
    let a: Vec<&str> = expected.split_inclusive('\n').collect();
    let b: Vec<&str> = actual.split_inclusive('\n').collect();
    let pre = a.iter().zip(&b).take_while(|(x, y)| x == y).count();
    let suf = a[pre..]
        .iter()
        .rev()
        .zip(b[pre..].iter().rev())
        .take_while(|(x, y)| x == y)
        .count();
    if pre == a.len() && pre == b.len() {
        return String::new();
    }
    let (a_mid, b_mid) = (&a[pre..a.len() - suf], &b[pre..b.len() - suf]);
    let from = pre.saturating_sub(CONTEXT);
    let mut s = format!(
        "@@ -{},{} +{},{} @@\n",
        pre + 1,
        a_mid.len(),
        pre + 1,
        b_mid.len()
    );
    let line = |s: &mut String, mark: char, l: &str| {
        s.push(mark);
        s.push_str(l.strip_suffix('\n').unwrap_or(l));
        s.push('\n');
    };
    for l in &a[from..pre] {
        line(&mut s, ' ', l);
    }
    for (mark, mid) in [('-', a_mid), ('+', b_mid)] {
        for l in mid.iter().take(MAX) {
            line(&mut s, mark, l);
        }
        if mid.len() > MAX {
            let _ = writeln!(s, "{mark}... {} more lines", mid.len() - MAX);
        }
    }
    let end = a.len() - suf;
    for l in a[end..].iter().take(CONTEXT) {
        line(&mut s, ' ', l);
    }
    if !expected.ends_with('\n') || !actual.ends_with('\n') {
        s.push_str("\\ (one side has no newline at the end)\n");
    }
    s
}

// ------------------------------------------------------------- the dump

/// A parsed XML element: local name, attributes (qualified names), child
/// elements and its own text (entities resolved).
#[derive(Debug, Default)]
struct Node {
    name: String,
    attrs: Vec<(String, String)>,
    children: Vec<Node>,
    text: String,
}

impl Node {
    fn attr(&self, k: &str) -> Option<&str> {
        self.attrs
            .iter()
            .find(|(n, _)| n == k)
            .map(|(_, v)| v.as_str())
    }
    fn child(&self, name: &str) -> Option<&Node> {
        self.children.iter().find(|c| c.name == name)
    }
    fn all<'a>(&'a self, name: &'a str) -> impl Iterator<Item = &'a Node> {
        self.children.iter().filter(move |c| c.name == name)
    }
    /// The first descendant (depth first, self included) named `name`.
    fn find(&self, name: &str) -> Option<&Node> {
        if self.name == name {
            return Some(self);
        }
        self.children.iter().find_map(|c| c.find(name))
    }
    /// The text of every descendant `name` element, concatenated.
    fn texts(&self, name: &str) -> String {
        let mut s = String::new();
        self.walk(&mut |n| {
            if n.name == name {
                s.push_str(&n.text);
            }
        });
        s
    }
    fn walk(&self, f: &mut dyn FnMut(&Node)) {
        f(self);
        for c in &self.children {
            c.walk(f);
        }
    }
}

fn local(q: &str) -> String {
    q.rsplit(':').next().unwrap().to_string()
}

/// Parses an XML document into its root element.
fn parse(xml: &str) -> Node {
    let mut r = quick_xml::Reader::from_str(xml);
    let mut stack = vec![Node::default()];
    let open = |e: &quick_xml::events::BytesStart<'_>| Node {
        name: local(e.name().as_ref()),
        attrs: e
            .attributes()
            .map(|a| {
                let a = a.expect("attribute");
                (
                    a.key.as_ref().to_string(),
                    a.normalized_value(XmlVersion::Implicit1_0)
                        .expect("attribute value")
                        .into_owned(),
                )
            })
            .collect(),
        ..Node::default()
    };
    loop {
        match r.read_event().expect("well-formed XML") {
            Event::Start(e) => stack.push(open(&e)),
            Event::Empty(e) => {
                let n = open(&e);
                stack.last_mut().unwrap().children.push(n);
            }
            Event::End(_) => {
                let n = stack.pop().unwrap();
                stack.last_mut().unwrap().children.push(n);
            }
            Event::Text(t) => {
                stack.last_mut().unwrap().text.push_str(&t.xml10_content())
            }
            Event::CData(t) => {
                stack.last_mut().unwrap().text.push_str(&t.xml10_content())
            }
            Event::GeneralRef(g) => {
                let c = match g.resolve_char_ref().expect("char ref") {
                    Some(c) => c.to_string(),
                    None => {
                        let name = g.xml10_content();
                        quick_xml::escape::resolve_predefined_entity(&name)
                            .unwrap_or_else(|| panic!("entity &{name};"))
                            .to_string()
                    }
                };
                stack.last_mut().unwrap().text.push_str(&c);
            }
            Event::Eof => break,
            _ => {}
        }
    }
    let mut top = stack.pop().unwrap();
    assert!(stack.is_empty(), "unbalanced XML");
    top.children.pop().expect("a root element")
}

/// The parts of an xlsx, by name.
struct Package(HashMap<String, Vec<u8>>);

impl Package {
    fn open(bytes: &[u8]) -> Package {
        let mut z = zip::ZipArchive::new(std::io::Cursor::new(bytes))
            .expect("the workbook is a zip");
        let mut parts = HashMap::new();
        for i in 0..z.len() {
            let mut f = z.by_index(i).unwrap();
            let mut v = Vec::new();
            f.read_to_end(&mut v).unwrap();
            parts.insert(f.name().to_string(), v);
        }
        Package(parts)
    }
    fn xml(&self, name: &str) -> Option<Node> {
        let b = self.0.get(name)?;
        Some(parse(std::str::from_utf8(b).expect("UTF-8 XML")))
    }
    /// A part's relationships: id -> (type's last segment, target part).
    fn rels(&self, part: &str) -> HashMap<String, (String, String)> {
        let (dir, file) = part.rsplit_once('/').unwrap_or(("", part));
        let Some(x) = self.xml(&format!("{dir}/_rels/{file}.rels")) else {
            return HashMap::new();
        };
        x.all("Relationship")
            .map(|r| {
                let ty = r.attr("Type").unwrap_or("");
                (
                    r.attr("Id").unwrap().to_string(),
                    (
                        ty.rsplit('/').next().unwrap().to_string(),
                        resolve(dir, r.attr("Target").unwrap()),
                    ),
                )
            })
            .collect()
    }
}

/// `target` relative to the folder `dir` of the package (or absolute).
fn resolve(dir: &str, target: &str) -> String {
    if let Some(abs) = target.strip_prefix('/') {
        return abs.to_string();
    }
    let mut parts: Vec<&str> =
        dir.split('/').filter(|s| !s.is_empty()).collect();
    for seg in target.split('/') {
        match seg {
            ".." => {
                parts.pop();
            }
            "." | "" => {}
            s => parts.push(s),
        }
    }
    parts.join("/")
}

/// The format code of a built-in number format id (ECMA-376 18.8.30).
fn builtin_format(id: u32) -> Option<&'static str> {
    Some(match id {
        0 => "General",
        1 => "0",
        2 => "0.00",
        3 => "#,##0",
        4 => "#,##0.00",
        9 => "0%",
        10 => "0.00%",
        11 => "0.00E+00",
        12 => "# ?/?",
        13 => "# ??/??",
        14 => "mm-dd-yy",
        15 => "d-mmm-yy",
        16 => "d-mmm",
        17 => "mmm-yy",
        18 => "h:mm AM/PM",
        19 => "h:mm:ss AM/PM",
        20 => "h:mm",
        21 => "h:mm:ss",
        22 => "m/d/yy h:mm",
        37 => "#,##0 ;(#,##0)",
        38 => "#,##0 ;[Red](#,##0)",
        39 => "#,##0.00;(#,##0.00)",
        40 => "#,##0.00;[Red](#,##0.00)",
        45 => "mm:ss",
        46 => "[h]:mm:ss",
        47 => "mmss.0",
        48 => "##0.0E+0",
        49 => "@",
        _ => return None,
    })
}

/// Text on one line: backslash, tab, CR and LF escaped.
fn esc(s: &str) -> String {
    let mut o = String::with_capacity(s.len());
    for ch in s.chars() {
        match ch {
            '\\' => o.push_str("\\\\"),
            '\t' => o.push_str("\\t"),
            '\n' => o.push_str("\\n"),
            '\r' => o.push_str("\\r"),
            c => o.push(c),
        }
    }
    o
}

/// A file-name slug: lowercase ASCII letters and digits, `-` elsewhere.
fn slug(name: &str) -> String {
    let mut s = String::new();
    for ch in name.to_lowercase().chars() {
        let c = match ch {
            'á' | 'à' | 'ä' | 'â' => 'a',
            'é' | 'è' | 'ë' | 'ê' => 'e',
            'í' | 'ì' | 'ï' | 'î' => 'i',
            'ó' | 'ò' | 'ö' | 'ô' => 'o',
            'ú' | 'ù' | 'ü' | 'û' => 'u',
            'ñ' => 'n',
            c if c.is_ascii_alphanumeric() => c,
            _ => '-',
        };
        if c != '-' || !s.ends_with('-') {
            s.push(c);
        }
    }
    s.trim_matches('-').to_string()
}

/// Column letters of a 1-based column number.
fn col_name(mut n: u32) -> String {
    let mut s = Vec::new();
    while n > 0 {
        s.push(b'A' + ((n - 1) % 26) as u8);
        n = (n - 1) / 26;
    }
    s.reverse();
    String::from_utf8(s).unwrap()
}

/// Rich or plain text of a `<si>` / `<is>` element (phonetic runs left
/// out).
fn string_item(n: &Node) -> String {
    let mut s = String::new();
    for c in &n.children {
        match c.name.as_str() {
            "t" => s.push_str(&c.text),
            "r" => s.push_str(&c.texts("t")),
            _ => {}
        }
    }
    s
}

/// `workbook.txt` and one `sheets/NN-<slug>.txt` per sheet.
fn dump_workbook(bytes: &[u8]) -> BTreeMap<String, String> {
    let pkg = Package::open(bytes);
    let wb = pkg.xml("xl/workbook.xml").expect("xl/workbook.xml");
    let wb_rels = pkg.rels("xl/workbook.xml");
    let shared: Vec<String> = pkg
        .xml("xl/sharedStrings.xml")
        .map(|x| x.all("si").map(string_item).collect())
        .unwrap_or_default();
    let styles = pkg.xml("xl/styles.xml").expect("xl/styles.xml");
    let custom: HashMap<u32, String> = styles
        .child("numFmts")
        .map(|n| {
            n.all("numFmt")
                .map(|f| {
                    (
                        f.attr("numFmtId").unwrap().parse().unwrap(),
                        f.attr("formatCode").unwrap().to_string(),
                    )
                })
                .collect()
        })
        .unwrap_or_default();
    let xf_formats: Vec<String> = styles
        .child("cellXfs")
        .map(|n| {
            n.all("xf")
                .map(|xf| {
                    let id: u32 =
                        xf.attr("numFmtId").unwrap_or("0").parse().unwrap();
                    custom.get(&id).cloned().unwrap_or_else(|| {
                        builtin_format(id)
                            .map_or_else(|| format!("numFmt#{id}"), Into::into)
                    })
                })
                .collect()
        })
        .unwrap_or_default();
    let ctx = Ctx {
        pkg: &pkg,
        shared,
        xf_formats,
    };

    let mut files = BTreeMap::new();
    let mut index = String::from("# sheets, in workbook order\n");
    let sheets = wb.child("sheets").expect("<sheets>");
    for (k, sh) in sheets.all("sheet").enumerate() {
        let name = sh.attr("name").unwrap();
        let file = format!("sheets/{:02}-{}.txt", k + 1, slug(name));
        let state = sh.attr("state").unwrap_or("visible");
        let _ = writeln!(index, "{}\t{}\t{state}", esc(name), file);
        let rid = sh.attr("r:id").expect("sheet r:id");
        let part = &wb_rels[rid].1;
        let mut text = format!("# sheet {}: {}\n", k + 1, esc(name));
        ctx.sheet(part, &print_names(&wb, k), &mut text);
        files.insert(file, text);
    }
    if let Some(dn) = wb.child("definedNames") {
        index.push_str("# defined names\n");
        for d in dn.all("definedName") {
            let _ = writeln!(
                index,
                "{}\t{}\t{}",
                d.attr("name").unwrap_or(""),
                d.attr("localSheetId").unwrap_or("-"),
                esc(&d.text)
            );
        }
    }
    files.insert("workbook.txt".to_string(), index);
    files
}

/// Sheet `k`'s print area and repeated rows (its `_xlnm.Print_Area` and
/// `_xlnm.Print_Titles` defined names), as `(kind, range)`.
fn print_names(wb: &Node, k: usize) -> Vec<(&'static str, String)> {
    let Some(dn) = wb.child("definedNames") else {
        return Vec::new();
    };
    let local = k.to_string();
    dn.all("definedName")
        .filter(|d| d.attr("localSheetId") == Some(local.as_str()))
        .filter_map(|d| {
            let kind = match d.attr("name")? {
                "_xlnm.Print_Area" => "area",
                "_xlnm.Print_Titles" => "repeat",
                _ => return None,
            };
            Some((kind, esc(&d.text)))
        })
        .collect()
}

/// How the sheet `part` prints, one `print` line each: paper and
/// orientation, fit or scale, centring, margins, print area, repeated
/// rows, manual page breaks, header and footer (docs/PRINTING.md).
fn print_setup(
    pkg: &Package,
    part: &str,
    names: &[(&str, String)],
    out: &mut String,
) {
    let ws = pkg.xml(part).unwrap_or_else(|| panic!("{part}"));
    let a = |n: &Node, k: &str| n.attr(k).unwrap_or("-").to_string();
    if let Some(p) = ws.child("pageSetup") {
        let fit = ws.find("pageSetUpPr").and_then(|p| p.attr("fitToPage"));
        let scale = if fit == Some("1") {
            format!(
                "fit={}x{}",
                p.attr("fitToWidth").unwrap_or("1"),
                p.attr("fitToHeight").unwrap_or("1")
            )
        } else {
            format!("scale={}", p.attr("scale").unwrap_or("100"))
        };
        let _ = writeln!(
            out,
            "print\tpaper={} {} {scale}",
            a(p, "paperSize"),
            p.attr("orientation").unwrap_or("portrait"),
        );
    }
    if let Some(o) = ws.child("printOptions") {
        let _ = writeln!(
            out,
            "print\tcentered horizontally={} vertically={}",
            a(o, "horizontalCentered"),
            a(o, "verticalCentered")
        );
    }
    if let Some(m) = ws.child("pageMargins") {
        let keys = ["left", "right", "top", "bottom", "header", "footer"];
        let v: Vec<String> =
            keys.iter().map(|k| format!("{k}={}", a(m, k))).collect();
        let _ = writeln!(out, "print\tmargins {}", v.join(" "));
    }
    for (kind, range) in names {
        let _ = writeln!(out, "print\t{kind}\t{range}");
    }
    if let Some(b) = ws.child("rowBreaks") {
        let rows: Vec<String> = b.all("brk").map(|x| a(x, "id")).collect();
        let _ = writeln!(out, "print\tbreaks\t{}", rows.join(","));
    }
    if let Some(hf) = ws.child("headerFooter") {
        for k in ["oddHeader", "oddFooter"] {
            if let Some(t) = hf.child(k) {
                let _ = writeln!(out, "print\t{k}\t{}", esc(&t.text));
            }
        }
    }
}

/// Sheets with at least this many non-empty cells (the per-ticket
/// "Datos" table) are dumped in table form, one line per row, which is
/// about a third of the size and diffs like `sla.csv`.
const TABLE_FORM_CELLS: usize = 10_000;

/// One non-empty cell, rendered.
struct Cell {
    addr: String,
    /// `s` string, `n` number, `b` boolean, `e` error, `d` date, `f`
    /// formula.
    ty: &'static str,
    value: String,
    fmt: String,
}

/// (row, column), both 1-based, of an `A1` reference.
fn split_addr(a: &str) -> (u32, u32) {
    let k = a.find(|c: char| c.is_ascii_digit()).expect("row number");
    let col = a[..k]
        .bytes()
        .fold(0, |n, b| n * 26 + u32::from(b - b'A' + 1));
    (a[k..].parse().unwrap(), col)
}

/// Table form: each column's most common format once (`format COL
/// FMT`), then `ROW \t CELL \t CELL ...` from column A, a cell being
/// `TYPE:VALUE`, or `TYPE[FORMAT]:VALUE` where its format is not the
/// column's; an empty field is an empty cell.
fn table_form(cells: &[Cell], out: &mut String) {
    let _ = writeln!(
        out,
        "# table form: one line per row, from column A; a cell is \
         TYPE:VALUE, TYPE[FORMAT]:VALUE when its format is not its \
         column's below"
    );
    let mut counts: BTreeMap<u32, HashMap<&str, usize>> = BTreeMap::new();
    for c in cells {
        let (_, col) = split_addr(&c.addr);
        *counts.entry(col).or_default().entry(&c.fmt).or_default() += 1;
    }
    let col_fmt: BTreeMap<u32, &str> = counts
        .iter()
        .map(|(col, m)| {
            // Most common; ties broken by the format text, for stability.
            let best = m
                .iter()
                .max_by(|a, b| a.1.cmp(b.1).then(b.0.cmp(a.0)))
                .map(|(f, _)| *f)
                .unwrap();
            (*col, best)
        })
        .collect();
    for (col, f) in &col_fmt {
        let _ = writeln!(out, "format\t{}\t{f}", col_name(*col));
    }
    let mut cur: Option<u32> = None;
    let mut next_col = 1;
    for c in cells {
        let (row, col) = split_addr(&c.addr);
        if cur != Some(row) {
            if cur.is_some() {
                out.push('\n');
            }
            let _ = write!(out, "{row}");
            cur = Some(row);
            next_col = 1;
        }
        while next_col < col {
            out.push('\t');
            next_col += 1;
        }
        out.push('\t');
        next_col += 1;
        let value = c.value.replace('\t', "\\t");
        if c.fmt == col_fmt[&col] {
            let _ = write!(out, "{}:{value}", c.ty);
        } else {
            let _ = write!(out, "{}[{}]:{value}", c.ty, c.fmt);
        }
    }
    if cur.is_some() {
        out.push('\n');
    }
}

struct Ctx<'p> {
    pkg: &'p Package,
    shared: Vec<String>,
    xf_formats: Vec<String>,
}

impl Ctx<'_> {
    fn format(&self, c: &Node) -> &str {
        let s: usize = c.attr("s").unwrap_or("0").parse().unwrap();
        self.xf_formats.get(s).map_or("General", String::as_str)
    }

    /// One sheet: its layout lines (`names`: its print area and repeated
    /// rows), then one line per non-empty cell.
    fn sheet(&self, part: &str, names: &[(&str, String)], out: &mut String) {
        let ws = self.pkg.xml(part).unwrap_or_else(|| panic!("{part}"));
        if let Some(d) = ws.child("dimension") {
            let _ = writeln!(out, "dimension\t{}", d.attr("ref").unwrap());
        }
        if let Some(p) = ws.find("pane") {
            let _ = writeln!(
                out,
                "pane\t{}\t{}\tx={} y={}",
                p.attr("state").unwrap_or("split"),
                p.attr("topLeftCell").unwrap_or("-"),
                p.attr("xSplit").unwrap_or("0"),
                p.attr("ySplit").unwrap_or("0")
            );
        }
        if let Some(tab) = ws.find("tabColor") {
            let _ = writeln!(out, "tab\t{}", tab.attr("rgb").unwrap_or("-"));
        }
        for col in ws.child("cols").iter().flat_map(|c| c.all("col")) {
            let n = |k: &str| col.attr(k).unwrap().parse::<u32>().unwrap();
            // A column's own format (the one its cells written without
            // one take), when it has one.
            let style = col.attr("style").map_or(String::new(), |s| {
                let s: usize = s.parse().unwrap();
                format!("\tformat={}", self.xf_formats[s])
            });
            let _ = writeln!(
                out,
                "col\t{}:{}\twidth={}{}{style}",
                col_name(n("min")),
                col_name(n("max")),
                col.attr("width").unwrap_or("-"),
                if col.attr("hidden") == Some("1") {
                    "\thidden"
                } else {
                    ""
                }
            );
        }
        if let Some(a) = ws.child("autoFilter") {
            let _ = writeln!(out, "autofilter\t{}", a.attr("ref").unwrap());
        }
        for m in ws
            .child("mergeCells")
            .iter()
            .flat_map(|m| m.all("mergeCell"))
        {
            let _ = writeln!(out, "merge\t{}", m.attr("ref").unwrap());
        }
        for cf in ws.all("conditionalFormatting") {
            for rule in cf.all("cfRule") {
                let formulas: Vec<String> =
                    rule.all("formula").map(|f| esc(&f.text)).collect();
                let _ = writeln!(
                    out,
                    "cf\t{}\t{}\t{}\t{}\tdxf={}",
                    cf.attr("sqref").unwrap_or(""),
                    rule.attr("type").unwrap_or(""),
                    rule.attr("operator").unwrap_or("-"),
                    formulas.join(" ; "),
                    rule.attr("dxfId").unwrap_or("-")
                );
            }
        }
        let rels = self.pkg.rels(part);
        for d in ws.all("drawing") {
            let (_, target) = &rels[d.attr("r:id").unwrap()];
            self.drawing(target, out);
        }
        print_setup(self.pkg, part, names, out);
        let data = ws.child("sheetData").expect("<sheetData>");
        for row in data.all("row") {
            if row.attr("customHeight") == Some("1") {
                let _ = writeln!(
                    out,
                    "row\t{}\theight={}",
                    row.attr("r").unwrap(),
                    row.attr("ht").unwrap()
                );
            }
        }
        let cells: Vec<Cell> = data
            .all("row")
            .flat_map(|row| row.all("c"))
            .filter_map(|c| self.cell(c))
            .collect();
        if cells.len() < TABLE_FORM_CELLS {
            for c in &cells {
                let _ = writeln!(
                    out,
                    "{}\t{}\t{}\t{}",
                    c.addr, c.ty, c.value, c.fmt
                );
            }
        } else {
            table_form(&cells, out);
        }
    }

    /// A non-empty cell; blank (style-only) cells are `None`. A formula's
    /// value is `FORMULA \t CACHED-TYPE:CACHED-VALUE`.
    fn cell(&self, c: &Node) -> Option<Cell> {
        let addr = c.attr("r").expect("cell reference").to_string();
        let t = c.attr("t").unwrap_or("n");
        let v = c.child("v").map(|v| v.text.as_str());
        let fmt = self.format(c).to_string();
        if let Some(f) = c.child("f") {
            let value =
                format!("{}\t{t}:{}", esc(&f.text), esc(v.unwrap_or("")));
            return Some(Cell {
                addr,
                ty: "f",
                value,
                fmt,
            });
        }
        let (ty, val) = match t {
            "s" => {
                let i: usize = v.expect("<v>").parse().unwrap();
                ("s", self.shared[i].clone())
            }
            "inlineStr" => ("s", c.child("is").map(string_item).unwrap()),
            "str" => ("s", v.unwrap_or("").to_string()),
            "b" => ("b", v.unwrap_or("").to_string()),
            "e" => ("e", v.unwrap_or("").to_string()),
            "d" => ("d", v.unwrap_or("").to_string()),
            _ => ("n", v?.to_string()),
        };
        Some(Cell {
            addr,
            ty,
            value: esc(&val),
            fmt,
        })
    }

    /// The charts and images of a drawing part, by anchor.
    fn drawing(&self, part: &str, out: &mut String) {
        let Some(d) = self.pkg.xml(part) else {
            return;
        };
        let rels = self.pkg.rels(part);
        for anchor in &d.children {
            let at = anchor
                .child("from")
                .map(|f| {
                    let n = |k: &str| {
                        f.child(k)
                            .map_or(0, |x| x.text.parse::<u32>().unwrap())
                    };
                    format!("{}{}", col_name(n("col") + 1), n("row") + 1)
                })
                .unwrap_or_else(|| "-".into());
            if let Some(ch) = anchor.find("chart") {
                let (_, target) = &rels[ch.attr("r:id").unwrap()];
                self.chart(&at, target, out);
            } else if let Some(blip) = anchor.find("blip") {
                let (_, target) = &rels[blip.attr("r:embed").unwrap()];
                let bytes = &self.pkg.0[target];
                let size = if bytes.starts_with(b"\x89PNG") && bytes.len() > 24
                {
                    let be = |i: usize| {
                        u32::from_be_bytes(bytes[i..i + 4].try_into().unwrap())
                    };
                    format!("{}x{} px", be(16), be(20))
                } else {
                    "-".into()
                };
                let name = anchor
                    .find("cNvPr")
                    .and_then(|n| n.attr("descr"))
                    .or_else(|| {
                        anchor.find("cNvPr").and_then(|n| n.attr("name"))
                    });
                let _ = writeln!(
                    out,
                    "image\t{at}\t{}\t{size}",
                    esc(name.unwrap_or("-"))
                );
            }
        }
    }

    /// A chart: type, title, axis titles and each series' references.
    fn chart(&self, at: &str, part: &str, out: &mut String) {
        let x = self.pkg.xml(part).unwrap_or_else(|| panic!("{part}"));
        let chart = x.child("chart").expect("<c:chart>");
        let title = |n: &Node| {
            n.child("title")
                .map_or_else(|| "-".into(), |t| esc(&t.texts("t")))
        };
        let plot = chart.child("plotArea").expect("<c:plotArea>");
        let _ = writeln!(out, "chart\t{at}\ttitle={}", title(chart));
        for kind in plot.children.iter().filter(|c| c.name.ends_with("Chart"))
        {
            for ser in kind.all("ser") {
                let r = |k: &str| {
                    ser.child(k).map_or_else(
                        || "-".to_string(),
                        |n| {
                            let f = n.texts("f");
                            if f.is_empty() {
                                esc(&n.texts("v"))
                            } else {
                                esc(&f)
                            }
                        },
                    )
                };
                let _ = writeln!(
                    out,
                    "chart\t{at}\t{}\tseries name={} cat={} val={}",
                    kind.name,
                    r("tx"),
                    r("cat"),
                    r("val")
                );
            }
        }
        for ax in plot.children.iter().filter(|c| c.name.ends_with("Ax")) {
            let _ =
                writeln!(out, "chart\t{at}\t{}\ttitle={}", ax.name, title(ax));
        }
    }
}
