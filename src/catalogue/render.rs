//! Writes a draft in the guide format: TOML front matter from the `toml` serializer, then a markdown body
//! whose text is escaped so that record text can never become markup.

use serde::Serialize;

use crate::error::{Error, Result};
use crate::guide::ChannelKind;

use super::clean::one_line;
use super::dvcqg::Draft;

#[derive(Serialize)]
struct Front<'a> {
    code: &'a str,
    title: String,
    official_title: String,
    summary: String,
    field: String,
    levels: Vec<&'static str>,
    agency: String,
    applicants: Vec<String>,
    decision: String,
    results: Vec<String>,
    legal_basis: Vec<String>,
    aliases: Vec<String>,
    life_events: Vec<String>,
    related: &'a [String],
    #[serde(skip_serializing_if = "Option::is_none")]
    portal_url: Option<&'a str>,
    origin: &'static str,
    record_date: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    ministry: Option<&'a str>,
    channels: Vec<FrontChannel>,
}

#[derive(Serialize)]
struct FrontChannel {
    channel: &'static str,
    time: String,
    fee: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    note: Option<String>,
}

fn channel_id(kind: ChannelKind) -> &'static str {
    match kind {
        ChannelKind::TrucTiep => "truc-tiep",
        ChannelKind::TrucTuyen => "truc-tuyen",
        ChannelKind::BuuChinh => "buu-chinh",
    }
}

fn lines(v: &[String]) -> Vec<String> {
    v.iter().map(|s| one_line(s)).collect()
}

/// The whole guide file: a record converted without editing (`origin = "national"`), dated by the
/// month of the portal's data it comes from.
pub(crate) fn guide(draft: &Draft, related: &[String], record_date: &str) -> Result<String> {
    let front = Front {
        code: &draft.code,
        title: one_line(&draft.title),
        official_title: one_line(&draft.official_title),
        summary: one_line(&draft.summary),
        field: one_line(&draft.field),
        levels: draft.levels.iter().map(|l| l.id()).collect(),
        agency: one_line(&draft.agency),
        applicants: lines(&draft.applicants),
        decision: one_line(&draft.decision),
        results: lines(&draft.results),
        legal_basis: lines(&draft.legal_basis),
        aliases: lines(&draft.aliases),
        life_events: Vec::new(),
        related,
        portal_url: draft.portal_url.as_deref(),
        origin: "national",
        record_date,
        ministry: draft.ministry.as_deref(),
        channels: draft
            .channels
            .iter()
            .map(|c| FrontChannel {
                channel: channel_id(c.kind),
                time: one_line(&c.time),
                fee: one_line(&c.fee),
                note: c.note.as_deref().map(one_line).filter(|n| !n.is_empty()),
            })
            .collect(),
    };
    let toml = toml::to_string(&front).map_err(|e| Error::BadInput {
        file: format!("{}/{}.md", draft.field_slug, draft.code),
        line: 0,
        message: format!("front matter cannot be written as TOML: {e}"),
    })?;

    let mut body = String::from("\n## Thành phần hồ sơ\n");
    for group in &draft.documents {
        body.push_str(&format!("\n### {}\n", inline(&group.heading)));
        for item in &group.items {
            body.push_str("- ");
            body.push_str(&inline(&item.text));
            if let Some(q) = &item.quantity {
                body.push_str(&format!(" ({q})"));
            }
            body.push('\n');
        }
    }
    body.push_str("\n## Trình tự thực hiện\n\n");
    for (i, step) in draft.steps.iter().enumerate() {
        body.push_str(&format!("{}. {}\n", i + 1, inline(step)));
    }
    for (heading, items) in [
        ("Yêu cầu, điều kiện", &draft.conditions),
        ("Lưu ý", &draft.notes),
    ] {
        if items.is_empty() {
            continue;
        }
        body.push_str(&format!("\n## {heading}\n\n"));
        for item in items {
            body.push_str(&format!("- {}\n", inline(item)));
        }
    }
    Ok(format!("+++\n{toml}+++\n{body}"))
}

/// One line of record text made inert for markdown: every character that could start emphasis, code,
/// links, HTML, tables, strikethrough or headings is backslash-escaped, and so is a line start that
/// would read as a list item or a block.
pub(crate) fn inline(text: &str) -> String {
    let text = one_line(text);
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if matches!(
            c,
            '\\' | '*' | '_' | '`' | '[' | ']' | '<' | '>' | '&' | '~' | '|' | '#'
        ) {
            out.push('\\');
        }
        out.push(c);
    }
    if out.starts_with(['-', '+', '=']) {
        out.insert(0, '\\');
    }
    let digits = out.bytes().take_while(u8::is_ascii_digit).count();
    if digits > 0
        && digits <= 9
        && out[digits..].starts_with(['.', ')'])
        && out[digits + 1..]
            .chars()
            .next()
            .is_none_or(char::is_whitespace)
    {
        out.insert(digits, '\\');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_is_escaped() {
        assert_eq!(inline("# Tiêu đề"), "\\# Tiêu đề");
        assert_eq!(inline("- mục"), "\\- mục");
        assert_eq!(inline("1. bước"), "1\\. bước");
        assert_eq!(inline("2) bước"), "2\\) bước");
        assert_eq!(inline("1.000 đồng"), "1.000 đồng");
        assert_eq!(
            inline("a | b *c* <x> [l](u) & `k`"),
            "a \\| b \\*c\\* \\<x\\> \\[l\\](u) \\& \\`k\\`"
        );
        assert_eq!(inline("> trích\ndòng hai"), "\\> trích dòng hai");
    }
}
