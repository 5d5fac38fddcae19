//! No function in the library, the binary or the sample generator is
//! over 120 lines (issue 12): a long function is split into steps named
//! for what they do. The count runs from the `fn` line to its closing
//! brace; string literals, character literals and `//` comments are
//! skipped when braces are matched.

use std::path::{Path, PathBuf};

use crate::util::root;

/// The longest a function may be, in lines.
const MAX_LINES: usize = 120;

/// A line without its string and character literals and its `//`
/// comment (enough to match braces in this code base).
fn code_of(line: &str) -> String {
    let mut out = String::with_capacity(line.len());
    let mut chars = line.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '"' => {
                while let Some(d) = chars.next() {
                    match d {
                        '\\' => {
                            chars.next();
                        }
                        '"' => break,
                        _ => {}
                    }
                }
            }
            '\'' => {
                // A char literal ('{', '\n') or a lifetime ('a).
                let rest: String = chars.clone().take(3).collect();
                if rest.starts_with('\\') || rest.chars().nth(1) == Some('\'')
                {
                    for d in chars.by_ref() {
                        if d == '\'' {
                            break;
                        }
                    }
                }
            }
            '/' if chars.peek() == Some(&'/') => break,
            _ => out.push(c),
        }
    }
    out
}

/// Whether a line starts a function item (`pub(crate) const fn x(`...).
fn starts_fn(line: &str) -> bool {
    let mut t = line.trim_start();
    for prefix in [
        "pub(crate) ",
        "pub(super) ",
        "pub ",
        "const ",
        "async ",
        "unsafe ",
        "extern \"C\" ",
    ] {
        t = t.strip_prefix(prefix).unwrap_or(t);
    }
    t.starts_with("fn ")
}

/// `(lines, first line, name)` of every function of `text`.
fn functions(text: &str) -> Vec<(usize, usize, String)> {
    let lines: Vec<&str> = text.lines().collect();
    let mut out = Vec::new();
    for (i, l) in lines.iter().enumerate() {
        if !starts_fn(l) {
            continue;
        }
        let name: String = l
            .split("fn ")
            .nth(1)
            .unwrap_or("")
            .chars()
            .take_while(|c| c.is_alphanumeric() || *c == '_')
            .collect();
        let mut depth = 0i32;
        let mut opened = false;
        for (j, l) in lines.iter().enumerate().skip(i) {
            let code = code_of(l);
            for c in code.chars() {
                match c {
                    '{' => {
                        depth += 1;
                        opened = true;
                    }
                    '}' => depth -= 1,
                    _ => {}
                }
            }
            if !opened && code.contains(';') {
                break; // a declaration without a body
            }
            if opened && depth == 0 {
                out.push((j - i + 1, i + 1, name.clone()));
                break;
            }
        }
    }
    out
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    entries.sort();
    for p in entries {
        if p.is_dir() {
            rust_files(&p, out);
        } else if p.extension().is_some_and(|e| e == "rs") {
            out.push(p);
        }
    }
}

#[test]
fn no_function_is_over_120_lines() {
    let mut files = Vec::new();
    for dir in ["src", "samples/generator/src"] {
        rust_files(&root().join(dir), &mut files);
    }
    assert!(files.len() > 50, "read {} files", files.len());
    let mut long = Vec::new();
    for f in &files {
        let text = std::fs::read_to_string(f).unwrap();
        for (n, line, name) in functions(&text) {
            if n > MAX_LINES {
                let rel = f.strip_prefix(root()).unwrap_or(f);
                long.push(format!(
                    "{}:{line}: fn {name}: {n} lines",
                    rel.display()
                ));
            }
        }
    }
    assert!(
        long.is_empty(),
        "functions over {MAX_LINES} lines (split them into named steps):\n{}",
        long.join("\n")
    );
}

#[test]
fn the_count_sees_a_long_function_and_skips_braces_in_text() {
    let body = "    let x = 1;\n".repeat(121);
    let text = format!(
        "/// {{ in a comment\npub(crate) fn long() {{\n{body}}}\n\
         fn short(c: char) -> bool {{\n    c == '{{' || \"}}\".contains(c) // }}\n}}\n\
         fn decl();\n"
    );
    let found = functions(&text);
    assert_eq!(
        found,
        [(123, 2, "long".to_string()), (3, 125, "short".to_string())]
    );
}
