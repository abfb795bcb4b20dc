//! Escaping of page content for every output context the presenters write into: HTML text and
//! attributes, XML 1.0 (which also forbids most control characters), terminals (no escape
//! sequences from the page), Markdown text, code spans, fences and table cells, and URI
//! references for SARIF.
//!
//! Everything that comes from a page (snippets, selectors, messages quoting names, titles, URLs)
//! and everything in a report given back to us (the JS `formatReport` takes a report object) is
//! untrusted: each writer here appends to an output buffer so presenters never build
//! intermediate strings per character.

/// Whether `c` is a control character no text output should carry (everything but tab, line
/// feed and carriage return): C0, DEL and C1.
fn forbidden_control(c: char) -> bool {
    c.is_control() && !matches!(c, '\t' | '\n' | '\r')
}

/// Append `s` escaped for HTML text or a quoted attribute value. Control characters (parse
/// errors in HTML; NUL would become U+FFFD anyway) become U+FFFD.
pub(crate) fn html(out: &mut String, s: &str) {
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c if forbidden_control(c) => out.push('\u{FFFD}'),
            c => out.push(c),
        }
    }
}

/// Whether XML 1.0 allows `c` at all (its `Char` production).
fn xml_char(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r' | '\u{20}'..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}' | '\u{10000}'..)
}

/// Append `s` escaped for XML 1.0 text or a quoted attribute value. Characters XML 1.0 forbids
/// (NUL and the other C0 controls except tab, newline and carriage return; U+FFFE, U+FFFF)
/// become U+FFFD: a document holding them is not well-formed. In attributes, tab, newline and
/// carriage return are written as character references so attribute normalisation keeps them.
pub(crate) fn xml(out: &mut String, s: &str, attribute: bool) {
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\t' if attribute => out.push_str("&#9;"),
            '\n' if attribute => out.push_str("&#10;"),
            '\r' if attribute => out.push_str("&#13;"),
            c if !xml_char(c) => out.push('\u{FFFD}'),
            c => out.push(c),
        }
    }
}

/// Append `s` for a terminal on one line: control characters (ESC starts colour and cursor
/// sequences, so a page could repaint the terminal) are shown as `\xNN`; line breaks and tabs
/// become spaces.
pub(crate) fn terminal(out: &mut String, s: &str) {
    for c in s.chars() {
        match c {
            '\n' | '\r' | '\t' => out.push(' '),
            c if c.is_control() => {
                out.push_str(&format!("\\x{:02x}", c as u32));
            }
            c => out.push(c),
        }
    }
}

/// Append `s` as Markdown inline text: every character that can start Markdown or HTML syntax is
/// backslash-escaped (CommonMark allows it before any ASCII punctuation), so page text can't open
/// a link, an image, an HTML tag, emphasis or a table cell. Line breaks become spaces so the text
/// can't start a new block.
pub(crate) fn markdown(out: &mut String, s: &str) {
    for c in s.chars() {
        match c {
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '#' | '!' | '|' | '~' | '&' => {
                out.push('\\');
                out.push(c);
            }
            '\n' | '\r' | '\t' => out.push(' '),
            c if forbidden_control(c) => out.push('\u{FFFD}'),
            c => out.push(c),
        }
    }
}

/// Length of the longest run of `tick` in `s`.
fn longest_run(s: &str, tick: char) -> usize {
    let (mut best, mut run) = (0, 0);
    for c in s.chars() {
        if c == tick {
            run += 1;
            best = best.max(run);
        } else {
            run = 0;
        }
    }
    best
}

/// Append `s` as a Markdown code span: the backtick fence is longer than any backtick run inside,
/// padded with a space on each side (which CommonMark strips) when `s` starts or ends with a
/// backtick (it would join the fence) or a space (it would be stripped). Line breaks become spaces. With `in_table`, `|` is escaped: GFM splits table cells on
/// it even inside code spans, and removes the backslash there.
pub(crate) fn markdown_code(out: &mut String, s: &str, in_table: bool) {
    let fence = "`".repeat(longest_run(s, '`') + 1);
    let pad = s.is_empty() || s.starts_with(['`', ' ']) || s.ends_with(['`', ' ']);
    out.push_str(&fence);
    if pad {
        out.push(' ');
    }
    for c in s.chars() {
        match c {
            '\n' | '\r' | '\t' => out.push(' '),
            '|' if in_table => out.push_str("\\|"),
            c if forbidden_control(c) => out.push('\u{FFFD}'),
            c => out.push(c),
        }
    }
    if pad {
        out.push(' ');
    }
    out.push_str(&fence);
}

/// Append `s` as a fenced Markdown code block with info string `lang`: the fence is at least
/// three backticks and longer than any backtick run in `s`, so no line of `s` can close it.
pub(crate) fn markdown_fenced(out: &mut String, s: &str, lang: &str) {
    let fence = "`".repeat((longest_run(s, '`') + 1).max(3));
    out.push_str(&fence);
    out.push_str(lang);
    out.push('\n');
    for c in s.chars() {
        match c {
            '\r' => {}
            c if forbidden_control(c) => out.push('\u{FFFD}'),
            c => out.push(c),
        }
    }
    if !s.ends_with('\n') {
        out.push('\n');
    }
    out.push_str(&fence);
    out.push('\n');
}

/// A page's path or URL as a URI reference for SARIF's `artifactLocation.uri`: backslashes become
/// forward slashes, a leading `./` is dropped, and characters a URI can't hold (spaces, `%` that
/// doesn't start an escape, non-ASCII, controls...) are percent-encoded as UTF-8. `?` and `#` are
/// kept only for absolute URLs (`scheme://`), where they are the query and fragment; in a file path
/// they are part of the name.
pub(crate) fn uri_reference(s: &str) -> String {
    let is_url = s.find("://").is_some_and(|i| {
        i > 0 && s[..i].chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'))
    });
    let path = if is_url { s.to_string() } else { s.replace('\\', "/") };
    let mut path = path.as_str();
    while let Some(rest) = path.strip_prefix("./") {
        path = rest;
    }
    let bytes = path.as_bytes();
    let mut out = String::with_capacity(path.len() + 8);
    for (i, &b) in bytes.iter().enumerate() {
        let keep = b.is_ascii_alphanumeric()
            || matches!(b, b'-' | b'.' | b'_' | b'~' | b'/' | b'!' | b'$' | b'&' | b'\'' | b'(' | b')'
                | b'*' | b'+' | b',' | b';' | b'=' | b':' | b'@')
            || (is_url && matches!(b, b'?' | b'#'))
            || (b == b'%'
                && bytes.get(i + 1).is_some_and(u8::is_ascii_hexdigit)
                && bytes.get(i + 2).is_some_and(u8::is_ascii_hexdigit));
        if keep {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn with(f: impl Fn(&mut String)) -> String {
        let mut s = String::new();
        f(&mut s);
        s
    }

    #[test]
    fn html_escapes_markup_and_quotes() {
        let s = with(|o| html(o, "<img src=x onerror=\"alert('1')\">&\0"));
        assert_eq!(s, "&lt;img src=x onerror=&quot;alert(&#39;1&#39;)&quot;&gt;&amp;\u{FFFD}");
    }

    #[test]
    fn xml_replaces_forbidden_characters() {
        let s = with(|o| xml(o, "a\0b\u{1}c\td]]>\u{FFFE}", false));
        assert_eq!(s, "a\u{FFFD}b\u{FFFD}c\td]]&gt;\u{FFFD}");
        let s = with(|o| xml(o, "a\nb'", true));
        assert_eq!(s, "a&#10;b&apos;");
    }

    #[test]
    fn terminal_shows_escape_sequences_as_text() {
        let s = with(|o| terminal(o, "a\u{1b}[31mred\nb"));
        assert_eq!(s, "a\\x1b[31mred b");
    }

    #[test]
    fn markdown_text_cannot_open_syntax() {
        let s = with(|o| markdown(o, "<b>[x](javascript:y) | *z*"));
        assert_eq!(s, "\\<b\\>\\[x\\](javascript:y) \\| \\*z\\*");
    }

    #[test]
    fn markdown_fences_outgrow_backtick_runs() {
        let s = with(|o| markdown_code(o, "a``b", false));
        assert_eq!(s, "```a``b```");
        let s = with(|o| markdown_code(o, "`a", false));
        assert_eq!(s, "`` `a ``");
        let s = with(|o| markdown_fenced(o, "x\n`````\ny", "html"));
        assert!(s.starts_with("``````html\n") && s.ends_with("\n``````\n"), "{s}");
        let s = with(|o| markdown_code(o, "a|b", true));
        assert_eq!(s, "`a\\|b`");
    }

    #[test]
    fn uri_references_are_relative_and_encoded() {
        assert_eq!(uri_reference(".\\pages\\my page#1.html"), "pages/my%20page%231.html");
        assert_eq!(uri_reference("https://example.com/a b?q=1#x"), "https://example.com/a%20b?q=1#x");
        assert_eq!(uri_reference("d/é.html"), "d/%C3%A9.html");
        assert_eq!(uri_reference("100%25.html"), "100%25.html");
        assert_eq!(uri_reference("100%.html"), "100%25.html");
    }
}
