//! The library's layers: each top-level module of `src/` uses only the
//! modules listed before it in `src/lib.rs`.
//!
//! The order is written once, as the `pub mod` lines of `src/lib.rs`
//! (bottom layer first). This test reads it, then every `crate::NAME`
//! path (and every `super::` path that climbs to the crate root) in the
//! code of `src/` outside `cmd/` and `main.rs`, and fails on any use of a
//! module listed later. Comments and doc examples are not code: they are
//! skipped. There is no exception list.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use crate::util::root;

/// The `pub mod` names of lib.rs, in order.
fn layer_order(lib_rs: &str) -> Vec<String> {
    lib_rs
        .lines()
        .filter_map(|l| l.trim().strip_prefix("pub mod "))
        .filter_map(|l| l.strip_suffix(';'))
        .map(str::to_string)
        .collect()
}

/// Re-exports at the crate root (`pub use policy::Policy;`): name ->
/// module.
fn root_reexports(lib_rs: &str) -> HashMap<String, String> {
    let mut out = HashMap::new();
    for l in lib_rs.lines() {
        let Some(rest) = l.trim().strip_prefix("pub use ") else {
            continue;
        };
        let rest = rest.trim_end_matches(';');
        let Some((module, names)) = rest.split_once("::") else {
            continue;
        };
        let names = names.trim_start_matches('{').trim_end_matches('}');
        for n in names.split(',') {
            out.insert(n.trim().to_string(), module.to_string());
        }
    }
    out
}

/// Code lines of a Rust file: `//` comments (doc comments included, so
/// doc examples too) removed.
fn code_lines(text: &str) -> impl Iterator<Item = (usize, &str)> {
    text.lines().enumerate().filter_map(|(i, l)| {
        let code = match l.find("//") {
            // A `//` inside a string literal ("http://") is rare in this
            // code base; such a line keeps its text up to the marker,
            // which can only hide a use, not invent one.
            Some(k) => &l[..k],
            None => l,
        };
        (!code.trim().is_empty()).then_some((i + 1, code))
    })
}

/// The module path of a file under src/: `engine/explain.rs` ->
/// [engine, explain]; `engine/mod.rs` -> [engine].
fn module_path(rel: &Path) -> Vec<String> {
    let mut parts: Vec<String> = rel
        .iter()
        .map(|p| p.to_string_lossy().trim_end_matches(".rs").to_string())
        .collect();
    if parts.last().is_some_and(|p| p == "mod") {
        parts.pop();
    }
    parts
}

/// The top-level modules a file's code names, with line numbers.
fn uses(
    rel: &Path,
    text: &str,
    reexports: &HashMap<String, String>,
) -> Vec<(usize, String)> {
    let here = module_path(rel);
    let mut out = Vec::new();
    for (line, code) in code_lines(text) {
        // `crate::NAME`.
        for (k, _) in code.match_indices("crate::") {
            let before = code[..k].chars().next_back();
            if before.is_some_and(|c| c.is_alphanumeric() || c == '_') {
                continue; // `plazo_crate::` and the like
            }
            let name: String = code[k + 7..]
                .chars()
                .take_while(|c| c.is_alphanumeric() || *c == '_')
                .collect();
            out.push((line, name));
        }
        // `super::super::NAME` climbing to the root.
        for (k, _) in code.match_indices("super::") {
            if code[..k].ends_with("super::") {
                continue; // counted from the first `super::`
            }
            let mut rest = &code[k..];
            let mut depth = here.len();
            while let Some(r) = rest.strip_prefix("super::") {
                rest = r;
                depth = depth.saturating_sub(1);
            }
            if depth == 0 {
                let name: String = rest
                    .chars()
                    .take_while(|c| c.is_alphanumeric() || *c == '_')
                    .collect();
                // Inside an inline `mod tests` the file's own items sit
                // one level lower: only a name that is a layer counts.
                out.push((line, format!("super::{name}")));
            }
        }
    }
    out.into_iter()
        .filter(|(_, n)| !n.is_empty() && n != "super::")
        .map(|(l, n)| (l, reexports.get(&n).cloned().unwrap_or(n)))
        .collect()
}

/// Every use of a higher layer, as `file:line: a uses b`.
fn violations(lib_rs: &str, files: &[(PathBuf, String)]) -> Vec<String> {
    let order = layer_order(lib_rs);
    let rank: HashMap<&str, usize> = order
        .iter()
        .enumerate()
        .map(|(i, m)| (m.as_str(), i))
        .collect();
    let mut reexports = root_reexports(lib_rs);
    reexports.extend(exported_macros(files));
    let mut out = Vec::new();
    for (rel, text) in files {
        let Some(top) = module_path(rel).first().cloned() else {
            continue;
        };
        let Some(&mine) = rank.get(top.as_str()) else {
            out.push(format!(
                "src/{}: module `{top}` is not listed in src/lib.rs",
                rel.display()
            ));
            continue;
        };
        for (line, used) in uses(rel, text, &reexports) {
            let (used, via_super) = match used.strip_prefix("super::") {
                Some(u) => (u.to_string(), true),
                None => (used, false),
            };
            match rank.get(used.as_str()) {
                Some(&r) if r > mine => out.push(format!(
                    "src/{}:{line}: `{top}` uses `{used}`, a layer above it",
                    rel.display()
                )),
                Some(_) => {}
                None if via_super => {}
                None => out.push(format!(
                    "src/{}:{line}: `crate::{used}` is not a module of \
                     src/lib.rs",
                    rel.display()
                )),
            }
        }
    }
    out
}

/// `#[macro_export]` macros sit at the crate root (`crate::catalog!`)
/// but belong to the module that defines them: name -> top module.
fn exported_macros(files: &[(PathBuf, String)]) -> HashMap<String, String> {
    let mut out = HashMap::new();
    for (rel, text) in files {
        let Some(top) = module_path(rel).first().cloned() else {
            continue;
        };
        let mut exported = false;
        for (_, code) in code_lines(text) {
            let code = code.trim();
            if code == "#[macro_export]" {
                exported = true;
            } else if let Some(rest) = code.strip_prefix("macro_rules! ") {
                if exported {
                    let name: String = rest
                        .chars()
                        .take_while(|c| c.is_alphanumeric() || *c == '_')
                        .collect();
                    out.insert(name, top.clone());
                }
                exported = false;
            } else if !code.starts_with("#[") {
                exported = false;
            }
        }
    }
    out
}

fn library_files(src: &Path) -> Vec<(PathBuf, String)> {
    fn walk(dir: &Path, src: &Path, out: &mut Vec<(PathBuf, String)>) {
        let mut entries: Vec<_> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().path())
            .collect();
        entries.sort();
        for p in entries {
            let rel = p.strip_prefix(src).unwrap().to_path_buf();
            if p.is_dir() {
                if rel != Path::new("cmd") {
                    walk(&p, src, out);
                }
            } else if p.extension().is_some_and(|e| e == "rs")
                && rel != Path::new("lib.rs")
                && rel != Path::new("main.rs")
            {
                out.push((rel, std::fs::read_to_string(&p).unwrap()));
            }
        }
    }
    let mut out = Vec::new();
    walk(src, src, &mut out);
    out
}

#[test]
fn every_module_uses_only_layers_below_it() {
    let src = root().join("src");
    let lib_rs = std::fs::read_to_string(src.join("lib.rs")).unwrap();
    let order = layer_order(&lib_rs);
    assert_eq!(
        order,
        [
            "text",
            "error",
            "io",
            "time",
            "calendar",
            "policy",
            "model",
            "source",
            "timeline",
            "engine",
            "indicators",
            "report"
        ],
        "src/lib.rs lists the layers bottom up"
    );
    let files = library_files(&src);
    assert!(files.len() > 30, "read {} files", files.len());
    let v = violations(&lib_rs, &files);
    assert!(v.is_empty(), "layer violations:\n{}", v.join("\n"));
}

#[test]
fn the_check_finds_a_planted_violation() {
    let lib_rs = "pub mod text;\npub mod time;\npub mod engine;\n\
                  pub use engine::Engine;\n";
    let file = |p: &str, t: &str| (PathBuf::from(p), t.to_string());
    let files = [
        file("text/mod.rs", "use crate::time::Instant;\n"),
        file("time/mod.rs", "// crate::engine in a comment\nfn f() {}\n"),
        file("time/zone.rs", "use super::super::engine::x;\n"),
        file(
            "engine/mod.rs",
            "use crate::time::Instant;\nuse crate::Engine;\n",
        ),
        file("time/more.rs", "fn g() -> crate::Engine { todo!() }\n"),
        file("text/more.rs", "mod tests { use super::super::fold; }\n"),
        file("stray.rs", "fn h() {}\n"),
        file(
            "engine/mac.rs",
            "#[macro_export]\n#[doc(hidden)]\nmacro_rules! table { () => {} }\n",
        ),
        file("text/uses.rs", "crate::table! {}\n"),
        file("engine/uses.rs", "crate::table! {}\n"),
    ];
    assert_eq!(
        violations(lib_rs, &files),
        [
            "src/text/mod.rs:1: `text` uses `time`, a layer above it",
            "src/time/zone.rs:1: `time` uses `engine`, a layer above it",
            "src/time/more.rs:1: `time` uses `engine`, a layer above it",
            "src/stray.rs: module `stray` is not listed in src/lib.rs",
            "src/text/uses.rs:1: `text` uses `engine`, a layer above it",
        ]
    );
}

/// The module graph as text: each layer with the layers it uses and its
/// modules. docs/ARCHITECTURE.md holds it between two markers; this
/// keeps the document true (re-bless with `PLAZO_BLESS=1`).
fn module_graph(lib_rs: &str, files: &[(PathBuf, String)]) -> String {
    let order = layer_order(lib_rs);
    let mut reexports = root_reexports(lib_rs);
    reexports.extend(exported_macros(files));
    let mut out = String::new();
    for layer in order.iter().rev() {
        let mut used: Vec<&str> = Vec::new();
        let mut modules: Vec<String> = Vec::new();
        for (rel, text) in files {
            let path = module_path(rel);
            if path.first() != Some(layer) {
                continue;
            }
            if path.len() > 1 {
                modules.push(path[1..].join("::"));
            }
            for (_, u) in uses(rel, text, &reexports) {
                let u = u.trim_start_matches("super::");
                if let Some(o) = order.iter().find(|o| *o == u)
                    && o != layer
                    && !used.contains(&o.as_str())
                {
                    used.push(o.as_str());
                }
            }
        }
        modules.sort();
        used.sort_by_key(|u| {
            std::cmp::Reverse(order.iter().position(|o| o == u))
        });
        out.push_str(&format!(
            "{layer:<11} -> {}\n",
            if used.is_empty() {
                "(nothing)".to_string()
            } else {
                used.join(", ")
            }
        ));
        if !modules.is_empty() {
            out.push_str(&format!("{:<11}    [{}]\n", "", modules.join(", ")));
        }
    }
    out
}

#[test]
fn architecture_doc_shows_the_module_graph() {
    const START: &str =
        "<!-- module-graph: written by tests/it/layers.rs -->\n```text\n";
    const END: &str = "```\n<!-- /module-graph -->";
    let src = root().join("src");
    let lib_rs = std::fs::read_to_string(src.join("lib.rs")).unwrap();
    let graph = module_graph(&lib_rs, &library_files(&src));
    let doc_path = root().join("docs/ARCHITECTURE.md");
    let doc = std::fs::read_to_string(&doc_path).unwrap();
    let (a, b) = (
        doc.find(START)
            .expect("docs/ARCHITECTURE.md has the start marker"),
        doc.find(END)
            .expect("docs/ARCHITECTURE.md has the end marker"),
    );
    let now = &doc[a + START.len()..b];
    if now != graph {
        if crate::golden::blessing() {
            let new =
                format!("{}{graph}{}", &doc[..a + START.len()], &doc[b..]);
            std::fs::write(&doc_path, new).unwrap();
        } else {
            panic!(
                "docs/ARCHITECTURE.md's module graph is stale; re-bless with \
                 PLAZO_BLESS=1 cargo test --test it layers\nnow:\n{graph}"
            );
        }
    }
}
