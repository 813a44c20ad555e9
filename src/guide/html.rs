//! The one place guide text becomes HTML: pulldown-cmark renders, ammonia cleans with an allow-list.
//!
//! A guide can never inject script: raw HTML is dropped, only a few inline tags survive, and links keep
//! only `https`, `http`, `mailto` and `tel` URLs (so `javascript:` links lose their target).

use std::collections::HashSet;
use std::sync::OnceLock;

use pulldown_cmark::{Event, Options, Parser};

/// Markdown extensions guides may use.
pub(crate) fn options() -> Options {
    Options::ENABLE_STRIKETHROUGH | Options::ENABLE_TABLES
}

fn cleaner() -> &'static ammonia::Builder<'static> {
    static CLEANER: OnceLock<ammonia::Builder<'static>> = OnceLock::new();
    CLEANER.get_or_init(|| {
        let mut b = ammonia::Builder::empty();
        b.add_tags([
            "p", "br", "strong", "em", "b", "i", "code", "a", "ul", "ol", "li", "del",
        ])
        .add_tag_attributes("a", ["href"])
        .url_schemes(HashSet::from(["https", "http", "mailto", "tel"]))
        .link_rel(Some("noopener noreferrer"))
        .strip_comments(true);
        b
    })
}

/// Renders pulldown-cmark events to sanitized HTML. Raw HTML events are dropped before rendering, and the
/// result is cleaned again by the allow-list, so neither markup nor URLs can carry script.
pub fn render_events<'a>(events: impl IntoIterator<Item = Event<'a>>) -> String {
    let mut raw = String::new();
    let safe = events
        .into_iter()
        .filter(|e| !matches!(e, Event::Html(_) | Event::InlineHtml(_)));
    pulldown_cmark::html::push_html(&mut raw, safe);
    sanitize(&raw)
}

/// Renders a markdown snippet to sanitized HTML.
pub fn render_markdown(markdown: &str) -> String {
    render_events(Parser::new_ext(markdown, options()))
}

/// Cleans arbitrary HTML with the allow-list.
pub fn sanitize(html: &str) -> String {
    cleaner().clean(html).to_string().trim().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn script_and_javascript_links_are_removed() {
        let html = render_markdown(
            "Xem <script>alert(1)</script> [đây](javascript:alert(1)) và <img src=x onerror=alert(1)>",
        );
        assert!(!html.contains("script"), "{html}");
        assert!(!html.contains("javascript"), "{html}");
        assert!(!html.contains("onerror"), "{html}");
        assert!(html.contains("đây"));
    }

    #[test]
    fn safe_links_and_emphasis_survive() {
        let html = render_markdown("**Lưu ý**: xem [Cổng](https://dichvucong.gov.vn)");
        assert!(html.contains("<strong>Lưu ý</strong>"));
        assert!(html.contains("href=\"https://dichvucong.gov.vn\""));
        assert!(html.contains("noopener"));
    }
}
