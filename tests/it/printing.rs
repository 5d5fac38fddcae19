//! Printing (issue 11): the entity samples' workbooks, converted to PDF
//! by LibreOffice as a quality officer's printer would see them, page by
//! page. Every page's header names its sheet (`&A`), so the pages are
//! counted per sheet from the PDF's text (poppler's `pdftotext`).
//!
//! Needs `soffice` (Debian: libreoffice-calc-nogui) and `pdftotext`
//! (poppler-utils); `.ci/run` installs them. Without them the test fails
//! and says what to install: it is not skipped.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;

use calamine::{Data, Reader, Xlsx, open_workbook};

use crate::util::{ok_stdout, plazo, root, tempdir};

/// The entity samples and their periods, as in `golden.rs`.
const SAMPLES: [(&str, &str, &str); 5] = [
    ("victimas", "--period", "2026-10"),
    ("icetex", "--period", "2026-10"),
    ("itagui", "--quarter", "2026Q3"),
    ("upme", "--period", "2026-10"),
    ("uspec", "--period", "2026-10"),
];

/// The sheets that list rows under a header on row 1 (by-dimension
/// sheets and ticket lists, Spanish and English): each must print one
/// page wide, its header on every page.
const LISTS: [&str; 26] = [
    "Por prioridad",
    "Por tipo",
    "Por categoría",
    "Por grupo",
    "Por técnico",
    "Por canal",
    "Incumplimientos",
    "En riesgo",
    "Excluidos",
    "Datos",
    "Conciliación GLPI",
    "Suspensiones",
    "By priority",
    "By type",
    "By category",
    "By group",
    "By technician",
    "By channel",
    "Breaches",
    "At risk",
    "Excluded",
    "Data",
    "GLPI reconciliation",
    "Pauses",
    // Tables without a header of their own are not in this list.
    "Datos (2)",
    "Data (2)",
];

/// The program `name`, or a failure that says how to install it.
fn require(name: &str, package: &str) {
    let found = Command::new(name).arg("--version").output().is_ok();
    assert!(
        found,
        "`{name}` is not installed: the printing test converts the sample \
         workbooks to PDF with it. Install it (Debian: `apt-get install -y \
         --no-install-recommends {package}`, as .ci/run does) and run the \
         test again."
    );
}

/// `plazo report` on sample `entity` into `out`; the workbook's path.
fn report(entity: &str, period: [&str; 2], lang: &str, out: &Path) -> PathBuf {
    let d = format!("samples/{entity}");
    let mut args: Vec<String> =
        ["-q", "--lang", lang, "report"].map(String::from).to_vec();
    for f in ["policy", "tickets", "events", "surveys"] {
        let ext = if f == "policy" { "toml" } else { "csv" };
        args.extend([format!("--{f}"), format!("{d}/{f}.{ext}")]);
    }
    args.extend(period.map(String::from));
    args.extend(["--out".into(), out.display().to_string()]);
    let a: Vec<&str> = args.iter().map(String::as_str).collect();
    ok_stdout(&plazo(&root(), &a));
    let xlsx: Vec<PathBuf> = std::fs::read_dir(out)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "xlsx"))
        .collect();
    assert_eq!(xlsx.len(), 1, "one workbook in {}", out.display());
    xlsx[0].clone()
}

/// Converts `files` to PDF in `dir` with one LibreOffice run, in a
/// private profile (parallel runs do not share a lock).
fn to_pdf(files: &[PathBuf], dir: &Path) {
    let profile = dir.join("lo-profile");
    let mut cmd = Command::new("soffice");
    cmd.arg(format!(
        "-env:UserInstallation=file://{}",
        profile.display()
    ))
    .args(["--headless", "--convert-to", "pdf", "--outdir"])
    .arg(dir)
    .args(files);
    let out = cmd.output().expect("soffice runs");
    assert!(
        out.status.success(),
        "soffice failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// The text of each page of `pdf`.
fn pages(pdf: &Path) -> Vec<String> {
    let out = Command::new("pdftotext")
        .args(["-enc", "UTF-8"])
        .arg(pdf)
        .arg("-")
        .output()
        .expect("pdftotext runs");
    assert!(out.status.success(), "pdftotext {}", pdf.display());
    let text = String::from_utf8(out.stdout).unwrap();
    let mut v: Vec<String> = text.split('\u{c}').map(String::from).collect();
    // The text ends with a form feed: nothing after the last page.
    if v.last().is_some_and(|p| p.trim().is_empty()) {
        v.pop();
    }
    v
}

/// Whether every word of `title` is a word of `page`: a header title
/// wrapped over lines comes out of `pdftotext` interleaved with its
/// neighbours' lines, word by word.
fn shows(page: &str, title: &str) -> bool {
    let words: std::collections::HashSet<&str> =
        page.split_whitespace().collect();
    title.split_whitespace().all(|w| words.contains(w))
}

/// One workbook's printout: its sheets (names, and the first and last
/// title of row 1), its pages, and which pages each sheet printed.
struct Printout {
    name: String,
    sheets: Vec<(String, String, String)>,
    pages: Vec<String>,
    by_sheet: BTreeMap<String, Vec<usize>>,
}

impl Printout {
    fn read(xlsx: &Path, pdf: &Path) -> Printout {
        let mut wb: Xlsx<_> = open_workbook(xlsx).unwrap();
        let sheets: Vec<(String, String, String)> = wb
            .sheet_names()
            .into_iter()
            .map(|n| {
                let range = wb.worksheet_range(&n).unwrap();
                let row1: Vec<String> = range
                    .rows()
                    .next()
                    .map(|r| {
                        r.iter()
                            .filter_map(|c| match c {
                                Data::String(s) => Some(s.clone()),
                                _ => None,
                            })
                            .collect()
                    })
                    .unwrap_or_default();
                let first = row1.first().cloned().unwrap_or_default();
                let last = row1.last().cloned().unwrap_or_default();
                (n, first, last)
            })
            .collect();
        let pages = pages(pdf);
        let mut by_sheet: BTreeMap<String, Vec<usize>> = BTreeMap::new();
        for (k, p) in pages.iter().enumerate() {
            let head = p.lines().map(str::trim).find(|l| !l.is_empty());
            let head = head.unwrap_or("");
            assert!(
                sheets.iter().any(|(n, _, _)| n == head),
                "{}: page {} has no sheet name in its header: {:?}",
                pdf.display(),
                k + 1,
                &p[..p.len().min(200)]
            );
            by_sheet.entry(head.to_string()).or_default().push(k);
        }
        Printout {
            name: xlsx.display().to_string(),
            sheets,
            pages,
            by_sheet,
        }
    }

    fn count(&self, sheet: &str) -> usize {
        self.by_sheet.get(sheet).map_or(0, Vec::len)
    }

    /// The per-sheet page counts, in workbook order, for messages.
    fn summary(&self) -> String {
        self.sheets
            .iter()
            .map(|(n, _, _)| format!("{n}={}", self.count(n)))
            .collect::<Vec<_>>()
            .join(", ")
    }

    /// The checks every workbook passes; `page_word`: "Página"/"Page".
    fn check(&self, summary: &str, charts: &str, page_word: &str) {
        let (n, all) = (self.pages.len(), self.summary());
        assert_eq!(self.count(summary), 1, "{}: {all}", self.name);
        // Five chart images, two to a page.
        assert_eq!(self.count(charts), 3, "{}: {all}", self.name);
        for (k, p) in self.pages.iter().enumerate() {
            assert!(!p.contains("###"), "{} page {}: ###", self.name, k + 1);
            let of = match page_word {
                "Página" => format!("Página {} de {n}", k + 1),
                _ => format!("Page {} of {n}", k + 1),
            };
            assert!(
                p.contains(&of),
                "{} page {}: no {of:?}",
                self.name,
                k + 1
            );
        }
        let fichas = self
            .sheets
            .iter()
            .filter(|(n, _, _)| {
                n.starts_with("Ficha") || n.starts_with("Card")
            })
            .count();
        assert!(fichas >= 2, "{}: fichas: {all}", self.name);
        for (sheet, first, last) in &self.sheets {
            assert!(
                self.count(sheet) >= 1,
                "{}: {sheet} not printed",
                self.name
            );
            // Each indicator ficha is filed as one signed page.
            if sheet.starts_with("Ficha") || sheet.starts_with("Card") {
                assert_eq!(self.count(sheet), 1, "{}: {all}", self.name);
            }
            if !LISTS.contains(&sheet.as_str()) {
                continue;
            }
            // One page wide: the header's first and last titles on every
            // page (a page of overflow columns would lack the first).
            for &k in &self.by_sheet[sheet] {
                for t in [first, last] {
                    assert!(
                        shows(&self.pages[k], t),
                        "{} {sheet} page {}: no column {t:?}",
                        self.name,
                        k + 1
                    );
                }
            }
        }
    }
}

#[test]
fn sample_workbooks_print_as_filed() {
    require("soffice", "libreoffice-calc-nogui");
    require("pdftotext", "poppler-utils");
    let dir = tempdir("printing");
    let mut xlsx = Vec::new();
    for (entity, flag, period) in SAMPLES {
        let out = dir.join(entity);
        xlsx.push(report(entity, [flag, period], "es", &out));
    }
    let en = dir.join("victimas-en");
    xlsx.push(report("victimas", ["--period", "2026-10"], "en", &en));
    // Distinct file names for one conversion run.
    let named: Vec<PathBuf> = xlsx
        .iter()
        .zip(SAMPLES.iter().map(|s| s.0).chain(["victimas-en"]))
        .map(|(p, e)| {
            let to = dir.join(format!("{e}.xlsx"));
            std::fs::copy(p, &to).unwrap();
            to
        })
        .collect();
    to_pdf(&named, &dir);
    for (k, x) in named.iter().enumerate() {
        let p = Printout::read(x, &x.with_extension("pdf"));
        let en = k == SAMPLES.len();
        if en {
            p.check("Summary", "Charts", "Page");
        } else {
            p.check("Resumen", "Gráficos", "Página");
        }
        eprintln!("{}: {} pages: {}", p.name, p.pages.len(), p.summary());
    }
    // Víctimas, 2026-10: 364 pages before issue 11, 42 with the sheets
    // issue 18 added (docs/PRINTING.md).
    let v = Printout::read(&named[0], &named[0].with_extension("pdf"));
    assert!(
        v.pages.len() <= 45,
        "{} pages: {}",
        v.pages.len(),
        v.summary()
    );
}
