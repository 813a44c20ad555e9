//! The user manual ("Hướng dẫn"): `docs/manual.md` (Vietnamese) and `docs/manual.en.md` (English), compiled
//! in so the app shows it offline (F1 at the desk, the kiosk's admin screen), and rendered through the
//! guides' one sanitized markdown path ([`crate::guide::html::render_markdown`]). That path keeps no
//! headings, so the manual is cut at its `### ` lines into sections: a plain-text title and the body's
//! HTML. The README's user section carries the same two texts (a test checks they agree).

use serde::Serialize;

/// The Vietnamese manual, as written.
pub const VI: &str = include_str!("../docs/manual.md");

/// The English manual, as written.
pub const EN: &str = include_str!("../docs/manual.en.md");

/// One section of the manual.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[cfg_attr(feature = "ts", ts(rename = "ManualSection"))]
pub struct Section {
    /// The heading, plain text.
    pub title: String,
    /// The body, sanitized HTML.
    pub html: String,
}

/// The manual's markdown in `lang` (`en`, else Vietnamese).
pub fn markdown(lang: &str) -> &'static str {
    if lang == "en" { EN } else { VI }
}

/// The manual in `lang`, cut into sections at its `### ` headings (text before the first heading, if
/// any, is a section without a title).
pub fn sections(lang: &str) -> Vec<Section> {
    let mut out = Vec::new();
    let mut title = String::new();
    let mut body = String::new();
    let mut flush = |title: &mut String, body: &mut String| {
        if !title.is_empty() || !body.trim().is_empty() {
            out.push(Section {
                title: std::mem::take(title),
                html: crate::guide::html::render_markdown(body),
            });
        }
        body.clear();
    };
    for line in markdown(lang).lines() {
        if let Some(heading) = line.strip_prefix("### ") {
            flush(&mut title, &mut body);
            title = heading.trim().to_string();
        } else {
            body.push_str(line);
            body.push('\n');
        }
    }
    flush(&mut title, &mut body);
    out
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use super::*;

    #[test]
    fn both_manuals_have_the_same_sections_for_clerks_and_administrators() {
        let vi = sections("vi");
        let en = sections("en");
        assert_eq!(vi.len(), 3);
        assert_eq!(vi.len(), en.len());
        assert!(vi.iter().all(|s| !s.title.is_empty() && !s.html.is_empty()));
        assert_eq!(vi[0].title, "Tra cứu ở quầy một cửa");
        assert_eq!(vi[2].title, "Quản trị");
        for s in vi.iter().chain(&en) {
            assert!(!s.html.contains("###"), "{}", s.title);
        }
        // the three kiosk steps are a list, in both languages
        for s in [&vi[2], &en[2]] {
            assert_eq!(s.html.matches("<li>").count(), 3, "{}", s.html);
            assert!(
                s.html
                    .contains("<code>sotay config kiosk --autostart</code>")
            );
        }
    }

    #[test]
    fn the_vietnamese_manual_is_normalized_text() {
        // NFC and the traditional tone placement the handbook uses ("khóa", not "khoá")
        assert_eq!(crate::text::normalize(VI), VI);
    }

    /// The README's user section carries both manuals word for word, between its markers.
    #[test]
    fn the_readme_carries_the_same_text() {
        let readme =
            std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).unwrap();
        for (lang, text) in [("vi", VI), ("en", EN)] {
            let start = format!("<!-- manual:{lang} -->\n");
            let end = format!("<!-- /manual:{lang} -->");
            let from = readme.find(&start).unwrap() + start.len();
            let to = from + readme[from..].find(&end).unwrap();
            assert_eq!(
                &readme[from..to],
                text,
                "README.md's {lang} manual differs from docs/"
            );
        }
    }

    #[test]
    fn markup_in_the_manual_cannot_pass_the_sanitizer() {
        let html = crate::guide::html::render_markdown("<script>x()</script> [a](javascript:x())");
        assert!(
            !html.contains("<script") && !html.contains("javascript:"),
            "{html}"
        );
    }
}
