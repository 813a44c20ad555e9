//! Text hygiene for imported records: NFC, raw HTML removed, whitespace collapsed.

use crate::text::normalize;

/// What the portal writes when a cell is empty.
pub(crate) const NO_INFO: &str = "Không có thông tin";

/// Normalizes a record string: NFC (via [`normalize`]), `\r` dropped, raw HTML tags removed, each line
/// trimmed. Line breaks are kept for the splitters that work line by line.
pub(crate) fn prepare(input: &str) -> String {
    let text = strip_html(&normalize(&input.replace("\r\n", "\n")));
    text.lines()
        .map(|l| l.split_whitespace().collect::<Vec<_>>().join(" "))
        .collect::<Vec<_>>()
        .join("\n")
        .trim()
        .to_string()
}

/// Collapses all whitespace, line breaks included, to single spaces.
pub(crate) fn one_line(input: &str) -> String {
    input.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// True for an empty cell or the portal's "Không có thông tin".
pub(crate) fn is_no_info(input: &str) -> bool {
    let t = input.trim().trim_end_matches('.').trim();
    t.is_empty() || t.eq_ignore_ascii_case(NO_INFO) || t.chars().all(|c| c == '-')
}

/// Removes raw HTML: tags (`<b>`, `</p>`, `<img …>`), comments, and the content of `script` and `style`
/// elements. A `<` that does not open a tag is kept, but one that could be read as the start of a tag
/// is followed by a space, so no output can contain `<script` or similar.
pub(crate) fn strip_html(input: &str) -> String {
    let mut out = String::with_capacity(input.len());
    let mut rest = input;
    while let Some(i) = rest.find('<') {
        out.push_str(&rest[..i]);
        let after = &rest[i..];
        if let Some(body) = after.strip_prefix("<!--") {
            rest = body.find("-->").map_or("", |e| &body[e + 3..]);
            continue;
        }
        let looks_like_tag = after[1..]
            .chars()
            .next()
            .is_some_and(|c| c.is_ascii_alphabetic() || matches!(c, '/' | '!' | '?'));
        let close = after.find('>').filter(|&e| !after[1..e].contains('<'));
        match (looks_like_tag, close) {
            (true, Some(end)) => {
                let name: String = after[1..end]
                    .trim_start_matches('/')
                    .chars()
                    .take_while(char::is_ascii_alphanumeric)
                    .collect::<String>()
                    .to_ascii_lowercase();
                rest = &after[end + 1..];
                let opening = !after[1..].starts_with('/');
                if opening && (name == "script" || name == "style") {
                    rest = skip_element(rest, &name);
                }
                out.push(' ');
            }
            (true, None) => {
                out.push_str("< ");
                rest = &after[1..];
            }
            (false, _) => {
                out.push('<');
                rest = &after[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// Skips to just after `</name …>`, or to the end.
fn skip_element<'a>(rest: &'a str, name: &str) -> &'a str {
    let lower = rest.to_ascii_lowercase();
    let needle = format!("</{name}");
    match lower.find(&needle) {
        // ASCII lowercasing keeps byte offsets, so the index is valid in `rest`.
        Some(i) => rest[i..].find('>').map_or("", |e| &rest[i + e + 1..]),
        None => "",
    }
}

/// Removes leading list markers and enumerators: `- `, `+ `, `* `, `•`, `a) `, `1. `, `I. `.
pub(crate) fn strip_bullet(input: &str) -> &str {
    let mut s = input.trim_start();
    loop {
        let before = s;
        s = s
            .trim_start_matches(['-', '+', '*', '•', '−', '–', '·', '\u{f0b7}'])
            .trim_start();
        if let Some(rest) = strip_enumerator(s) {
            s = rest.trim_start();
        }
        if s.len() == before.len() {
            return s;
        }
    }
}

/// `a) `, `1) `, `1. `, `a.1) `, `II. ` at the start (followed by a space).
fn strip_enumerator(s: &str) -> Option<&str> {
    let head: String = s.chars().take(8).collect();
    let end = head.find([')', '.'])?;
    let label = &head[..end];
    let ok = !label.is_empty()
        && label.len() <= 5
        && (label.chars().all(|c| c.is_ascii_digit() || c == '.')
            || label.chars().all(|c| matches!(c, 'I' | 'V' | 'X'))
            || (label.len() <= 3
                && label
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '.')
                && label.starts_with(|c: char| c.is_ascii_lowercase())));
    let rest = &s[end + 1..];
    (ok && rest.starts_with(' ')).then_some(rest)
}

/// Uppercases the first letter.
pub(crate) fn capitalize(input: &str) -> String {
    let mut chars = input.chars();
    match chars.next() {
        Some(c) => c.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// Splits on a separator only outside parentheses.
pub(crate) fn split_top_level<'a>(input: &'a str, separators: &[&str]) -> Vec<&'a str> {
    let mut out = Vec::new();
    let mut depth = 0i32;
    let mut start = 0;
    let mut i = 0;
    while i < input.len() {
        let rest = &input[i..];
        let Some(c) = rest.chars().next() else { break };
        match c {
            '(' | '[' => depth += 1,
            ')' | ']' => depth = (depth - 1).max(0),
            _ => {}
        }
        if depth == 0
            && let Some(sep) = separators.iter().find(|s| rest.starts_with(**s))
        {
            out.push(&input[start..i]);
            i += sep.len();
            start = i;
            continue;
        }
        i += c.len_utf8();
    }
    out.push(&input[start..]);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn html_is_stripped_and_script_content_dropped() {
        let s =
            strip_html("Tờ khai <b>mẫu</b><script>alert(1)</script> số 1 <img src=x onerror=y>");
        assert!(!s.contains('<'), "{s}");
        assert!(!s.contains("alert"), "{s}");
        assert!(s.contains("mẫu"));
        assert_eq!(one_line(&strip_html("a < b và c<d")), "a < b và c< d");
        assert_eq!(strip_html("x <script"), "x < script");
        assert_eq!(strip_html("x<!-- c -->y"), "xy");
    }

    #[test]
    fn bullets_and_enumerators() {
        assert_eq!(strip_bullet("- Tờ khai"), "Tờ khai");
        assert_eq!(strip_bullet("+ a) Tờ khai"), "Tờ khai");
        assert_eq!(strip_bullet("1. Văn bản"), "Văn bản");
        assert_eq!(strip_bullet("II. Hồ sơ"), "Hồ sơ");
        assert_eq!(strip_bullet("1.000 đồng"), "1.000 đồng");
        assert_eq!(strip_bullet("Bước 1"), "Bước 1");
    }

    #[test]
    fn top_level_split_respects_parentheses() {
        assert_eq!(
            split_top_level(
                "Tổ chức (không bao gồm doanh nghiệp, HTX), Công dân Việt Nam",
                &[", ", ";"]
            ),
            vec![
                "Tổ chức (không bao gồm doanh nghiệp, HTX)",
                "Công dân Việt Nam"
            ]
        );
    }

    #[test]
    fn no_info() {
        assert!(is_no_info(" Không có thông tin. "));
        assert!(is_no_info("--"));
        assert!(!is_no_info("Có"));
    }
}
