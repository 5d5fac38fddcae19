//! Escaping for the breach review page: every text that comes from the
//! data (titles, categories, names, labels) or from the catalogue goes
//! through [`text`] before it becomes markup, so a title such as
//! `<script>alert("x")</script>` shows as those characters.

/// `s` safe as HTML text and as a double- or single-quoted attribute
/// value: `&`, `<`, `>`, `"` and `'` as character references.
pub fn text(s: &str) -> String {
    let mut o = String::with_capacity(s.len() + 8);
    for ch in s.chars() {
        match ch {
            '&' => o.push_str("&amp;"),
            '<' => o.push_str("&lt;"),
            '>' => o.push_str("&gt;"),
            '"' => o.push_str("&quot;"),
            '\'' => o.push_str("&#39;"),
            c => o.push(c),
        }
    }
    o
}

/// `s` folded for the page's text search: lower case, escaped for an
/// attribute.
pub fn search_key(parts: &[&str]) -> String {
    text(&parts.join(" ").to_lowercase())
}

#[cfg(test)]
mod tests {
    use super::text;

    #[test]
    fn markup_characters_become_references() {
        assert_eq!(
            text(r#"<script>alert("x")</script> & 'q'"#),
            "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;q&#39;"
        );
        assert_eq!(text("Aplicativos misionales"), "Aplicativos misionales");
    }
}
