//! Turns one guide file (TOML front matter + markdown body) into a [`Guide`], reporting every problem
//! found with its line instead of stopping at the first.
//!
//! The body's nesting (lists, quotes, emphasis… inside one another) and its number of elements are
//! measured first, by a parse that renders nothing, and a body nested deeper than [`MAX_NESTING`] or
//! holding more than [`MAX_ELEMENTS`] elements is refused before it is rendered: rendering and
//! sanitizing take time growing with the square of the nesting (a line of `- - - … x` 32,000 deep
//! took 43 s), and a fixed time per rendered block (60,000 one-line lists of 1 MB took 1.7 s).

mod body;

use pulldown_cmark::{Event, Parser};
use serde::Deserialize;

use super::html::options;
use super::model::{Channel, ChannelKind, CopyForm, Guide, Level, Origin, Quantity, Superseded};
use crate::error::Problem;
use body::BodyParser;

/// The body's level-2 headings, in the order they must appear.
pub const SECTION_HEADINGS: [&str; 4] = [
    "Thành phần hồ sơ",
    "Trình tự thực hiện",
    "Yêu cầu, điều kiện",
    "Lưu ý",
];

/// Deepest nesting of markdown elements accepted in a guide's body (a list item inside a list item,
/// with bold text and a link, is 6 deep; the deepest guide of the national records is 2).
pub const MAX_NESTING: usize = 16;
/// Most markdown elements (list items, paragraphs, emphasis, links…) in a guide's body. The bundled
/// guides have at most about 70, the 2,642 national records at most 276; a 1 MB list of notes has
/// about 10,500.
pub const MAX_ELEMENTS: usize = 20_000;

/// Front matter as written; every field optional so that all missing ones are reported together.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct FrontMatter {
    code: Option<String>,
    title: Option<String>,
    official_title: Option<String>,
    summary: Option<String>,
    field: Option<String>,
    levels: Option<Vec<String>>,
    agency: Option<String>,
    applicants: Option<Vec<String>>,
    decision: Option<String>,
    results: Option<Vec<String>>,
    legal_basis: Option<Vec<RawLegal>>,
    #[serde(default)]
    aliases: Vec<String>,
    #[serde(default)]
    questions: Vec<String>,
    #[serde(default)]
    life_events: Vec<String>,
    #[serde(default)]
    related: Vec<String>,
    choose_when: Option<String>,
    updated: Option<toml::value::Datetime>,
    replaced_by: Option<String>,
    portal_url: Option<String>,
    origin: Option<String>,
    record_date: Option<String>,
    ministry: Option<String>,
    #[serde(default)]
    channels: Vec<RawChannel>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawChannel {
    channel: String,
    time: RawValue,
    fee: RawValue,
    note: Option<String>,
}

/// A channel's `time` or `fee`: the text alone, or a table that adds why it says "xem ghi chú"
/// (`reason`) and, for a fee, the last day it applies and the rate after (`valid_until`, `then`).
#[derive(Deserialize)]
#[serde(untagged)]
enum RawValue {
    Text(String),
    Table(RawValueTable),
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawValueTable {
    text: String,
    reason: Option<String>,
    valid_until: Option<toml::value::Datetime>,
    then: Option<String>,
}

impl RawValue {
    fn into_table(self) -> RawValueTable {
        match self {
            RawValue::Text(text) => RawValueTable {
                text,
                reason: None,
                valid_until: None,
                then: None,
            },
            RawValue::Table(t) => t,
        }
    }
}

/// An entry of `legal_basis`: the text, or a table marking it `superseded` with the reason.
#[derive(Deserialize)]
#[serde(untagged)]
enum RawLegal {
    Text(String),
    Marked(RawLegalTable),
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawLegalTable {
    text: String,
    superseded: String,
}

/// A TOML date as `YYYY-MM-DD`, or `None` for a date-time or a time.
fn date_text(dt: &toml::value::Datetime) -> Option<String> {
    match (dt.date, dt.time) {
        (Some(d), None) => Some(format!("{:04}-{:02}-{:02}", d.year, d.month, d.day)),
        _ => None,
    }
}

/// Trimmed, `None` when empty.
fn non_empty(s: Option<String>) -> Option<String> {
    s.map(|s| s.trim().to_string()).filter(|s| !s.is_empty())
}

/// Collects problems for one file.
struct Report<'a> {
    file: &'a str,
    problems: Vec<Problem>,
}

impl Report<'_> {
    fn add(&mut self, line: usize, message: impl Into<String>) {
        self.problems.push(Problem::new(self.file, line, message));
    }
}

/// 1-based line of a byte offset (text need not be valid UTF-8).
pub(crate) fn line_of(text: &[u8], offset: usize) -> usize {
    let end = offset.min(text.len());
    text[..end].iter().filter(|&&b| b == b'\n').count() + 1
}

/// Parses one normalized guide file. `file` is the name used in problems.
pub fn parse_guide(file: &str, src: &str) -> Result<Guide, Vec<Problem>> {
    let mut report = Report {
        file,
        problems: Vec::new(),
    };
    let Some((fm, fm_offset, body, body_offset)) = split_front_matter(src) else {
        let msg = if src.trim().is_empty() {
            "empty file: a guide starts with a +++ line, its TOML front matter, and a closing +++ line"
        } else {
            "no front matter: the file must start with a +++ line and the TOML block must end with a +++ line"
        };
        report.add(1, msg);
        return Err(report.problems);
    };
    let fm_line = line_of(src.as_bytes(), fm_offset);
    let body_line = line_of(src.as_bytes(), body_offset);
    let key_line = |key: &str| key_line(fm, key).map_or(fm_line.saturating_sub(1), |l| fm_line + l);

    let raw: FrontMatter = match toml::from_str(fm) {
        Ok(raw) => raw,
        Err(e) => {
            let at = e.span().map(|s| line_of(fm.as_bytes(), s.start));
            let line = at.map_or(fm_line, |l| fm_line + l - 1);
            // Name the key of the offending line, which toml's message leaves out.
            let key = at
                .and_then(|l| fm.lines().nth(l - 1))
                .and_then(|text| text.split_once('='))
                .map(|(k, _)| format!("`{}`: ", k.trim()))
                .unwrap_or_default();
            report.add(line, format!("front matter: {key}{}", e.message().trim()));
            return Err(report.problems);
        }
    };

    let mut required = |name: &str, value: Option<String>| -> String {
        match value.map(|v| v.trim().to_string()) {
            Some(v) if !v.is_empty() => v,
            Some(_) => {
                report.add(key_line(name), format!("`{name}` is empty"));
                String::new()
            }
            None => {
                report.add(
                    fm_line.saturating_sub(1),
                    format!("missing required field `{name}`"),
                );
                String::new()
            }
        }
    };
    let code = required("code", raw.code);
    let title = required("title", raw.title);
    let official_title = required("official_title", raw.official_title);
    let summary = required("summary", raw.summary);
    let field = required("field", raw.field);
    let agency = required("agency", raw.agency);
    let decision = required("decision", raw.decision);

    if !code.is_empty() && !is_valid_code(&code) {
        report.add(
            key_line("code"),
            format!("code \"{code}\" is not a national procedure code like 1.000894"),
        );
    }

    let mut legal_basis_superseded = Vec::new();
    let raw_legal = raw.legal_basis.map(|list| {
        let mut texts = Vec::new();
        for entry in list {
            match entry {
                RawLegal::Text(t) => texts.push(t),
                RawLegal::Marked(m) => {
                    if m.superseded.trim().is_empty() {
                        report.add(
                            key_line("legal_basis"),
                            format!("`superseded` of \"{}\" needs a reason", m.text.trim()),
                        );
                    }
                    legal_basis_superseded.push(Superseded {
                        text: m.text.trim().to_string(),
                        reason: m.superseded.trim().to_string(),
                    });
                }
            }
        }
        texts
    });
    let mut required_list = |name: &str, value: Option<Vec<String>>| -> Vec<String> {
        let list: Vec<String> = value
            .unwrap_or_default()
            .into_iter()
            .map(|s| s.trim().to_string())
            .filter(|s| !s.is_empty())
            .collect();
        if list.is_empty() {
            report.add(key_line(name), format!("`{name}` needs at least one entry"));
        }
        list
    };
    let raw_levels = required_list("levels", raw.levels);
    let applicants = required_list("applicants", raw.applicants);
    let results = required_list("results", raw.results);
    let legal_basis =
        if raw_legal.as_ref().is_some_and(Vec::is_empty) && !legal_basis_superseded.is_empty() {
            report.add(
                key_line("legal_basis"),
                "`legal_basis` lists only superseded texts; name the one in force",
            );
            Vec::new()
        } else {
            required_list("legal_basis", raw_legal)
        };

    let mut levels = Vec::new();
    for l in &raw_levels {
        match Level::from_id(l) {
            Some(level) if !levels.contains(&level) => levels.push(level),
            Some(_) => {}
            None if l == "huyen" => report.add(
                key_line("levels"),
                "level \"huyen\": the district level was abolished on 1/7/2025; use xa or tinh",
            ),
            None => report.add(
                key_line("levels"),
                format!("unknown level \"{l}\"; expected xa, tinh, bo or khac"),
            ),
        }
    }

    let origin = match raw.origin.as_deref().map(str::trim) {
        None | Some("edited") => Origin::Edited,
        Some("national") => Origin::National,
        Some(other) => {
            report.add(
                key_line("origin"),
                format!("unknown origin \"{other}\"; expected edited or national"),
            );
            Origin::Edited
        }
    };
    let record_date = raw.record_date.map(|d| d.trim().to_string());
    match (&origin, &record_date) {
        (Origin::National, None) => report.add(
            key_line("origin"),
            "a guide converted from a national record needs `record_date` (YYYY-MM, the crawl's month)",
        ),
        (_, Some(d)) if !is_year_month(d) => report.add(
            key_line("record_date"),
            format!("`record_date` \"{d}\" must be a month like 2026-06"),
        ),
        _ => {}
    }
    let updated = match raw.updated {
        None if origin == Origin::National => record_date.clone().unwrap_or_default(),
        Some(dt) => match (dt.date, dt.time) {
            (Some(d), None) => format!("{:04}-{:02}-{:02}", d.year, d.month, d.day),
            _ => {
                report.add(
                    key_line("updated"),
                    "`updated` must be a date like 2026-06-30",
                );
                String::new()
            }
        },
        None => {
            report.add(
                fm_line.saturating_sub(1),
                "missing required field `updated`",
            );
            String::new()
        }
    };

    let mut channels = Vec::new();
    if raw.channels.is_empty() {
        report.add(
            fm_line.saturating_sub(1),
            "at least one [[channels]] table is needed",
        );
    }
    for (i, c) in raw.channels.into_iter().enumerate() {
        let line = nth_line(fm, "[[channels]]", i).map_or(fm_line, |l| fm_line + l);
        let kind = match c.channel.as_str() {
            "truc-tiep" => Some(ChannelKind::TrucTiep),
            "truc-tuyen" => Some(ChannelKind::TrucTuyen),
            "buu-chinh" => Some(ChannelKind::BuuChinh),
            other => {
                report.add(
                    line,
                    format!(
                        "unknown channel \"{other}\"; expected truc-tiep, truc-tuyen or buu-chinh"
                    ),
                );
                None
            }
        };
        let time = c.time.into_table();
        let fee = c.fee.into_table();
        if time.text.trim().is_empty() || fee.text.trim().is_empty() {
            report.add(line, "a channel needs both `time` and `fee`");
        }
        if time.valid_until.is_some() || time.then.is_some() {
            report.add(
                line,
                "`valid_until` and `then` belong to a fee, not to a time",
            );
        }
        let valid_until = fee.valid_until.as_ref().map(|dt| match date_text(dt) {
            Some(d) => d,
            None => {
                report.add(line, "`valid_until` must be a date like 2026-12-31");
                String::new()
            }
        });
        let then = non_empty(fee.then);
        if valid_until.is_some() != then.is_some() {
            report.add(
                line,
                "a fee with an end date needs both `valid_until` (the last day) and `then` (the rate after)",
            );
        }
        if let Some(kind) = kind {
            if channels.iter().any(|x: &Channel| x.channel == kind) {
                report.add(line, format!("channel \"{}\" is listed twice", c.channel));
            }
            channels.push(Channel {
                channel: kind,
                time: time.text.trim().to_string(),
                fee: fee.text.trim().to_string(),
                note: non_empty(c.note),
                time_reason: non_empty(time.reason),
                fee_reason: non_empty(fee.reason),
                fee_valid_until: valid_until,
                fee_then: then,
            });
        }
    }

    if let Some((offset, why)) = too_complex(body) {
        report.add(body_line + line_of(body.as_bytes(), offset) - 1, why);
        return Err(report.problems);
    }
    let body = BodyParser::new(body, body_line, &mut report).parse();

    if !report.problems.is_empty() {
        return Err(report.problems);
    }
    let clean = |v: Vec<String>| -> Vec<String> {
        v.into_iter()
            .map(|s| s.trim().to_string())
            .filter(|s| !s.is_empty())
            .collect()
    };
    Ok(Guide {
        code,
        title,
        official_title,
        summary,
        field,
        levels,
        agency,
        applicants,
        decision,
        results,
        legal_basis,
        legal_basis_superseded,
        aliases: clean(raw.aliases),
        questions: clean(raw.questions),
        life_events: clean(raw.life_events),
        related: clean(raw.related),
        choose_when: raw
            .choose_when
            .map(|s| s.trim().to_string())
            .filter(|s| !s.is_empty()),
        updated,
        replaced_by: raw
            .replaced_by
            .map(|s| s.trim().to_string())
            .filter(|s| !s.is_empty()),
        portal_url: raw
            .portal_url
            .map(|s| s.trim().to_string())
            .filter(|s| !s.is_empty()),
        origin,
        record_date,
        ministry: raw
            .ministry
            .map(|s| s.trim().to_string())
            .filter(|s| !s.is_empty()),
        channels,
        documents: body.documents,
        steps: body.steps,
        conditions: body.conditions,
        notes: body.notes,
        source: file.to_string(),
    })
}

/// `YYYY-MM` with a plausible month.
fn is_year_month(s: &str) -> bool {
    let Some((y, m)) = s.split_once('-') else {
        return false;
    };
    y.len() == 4
        && y.chars().all(|c| c.is_ascii_digit())
        && m.len() == 2
        && m.parse::<u8>().is_ok_and(|m| (1..=12).contains(&m))
}

/// Where `body` first nests deeper than [`MAX_NESTING`] or has more than [`MAX_ELEMENTS`] elements,
/// and the problem to report, found by parsing alone (linear in the body's size); `None` when it does
/// neither.
pub(crate) fn too_complex(body: &str) -> Option<(usize, String)> {
    let (mut depth, mut elements) = (0usize, 0usize);
    for (event, range) in Parser::new_ext(body, options()).into_offset_iter() {
        match event {
            Event::Start(_) => {
                depth += 1;
                elements += 1;
                if depth > MAX_NESTING {
                    return Some((
                        range.start,
                        format!(
                            "markdown nested more than {MAX_NESTING} levels deep (lists, quotes or \
                             emphasis inside one another); flatten it"
                        ),
                    ));
                }
                if elements > MAX_ELEMENTS {
                    return Some((
                        range.start,
                        format!(
                            "more than {MAX_ELEMENTS} markdown elements (list items, paragraphs, \
                             emphasis…) from here on; split the guide"
                        ),
                    ));
                }
            }
            Event::End(_) => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    None
}

/// A national code: digits and dots, optionally with a province suffix (`1.001193.000.00.00.H35`).
pub fn is_valid_code(code: &str) -> bool {
    let mut parts = code.split('.');
    let head_ok = parts
        .next()
        .is_some_and(|p| !p.is_empty() && p.chars().all(|c| c.is_ascii_digit()));
    let second_ok = parts
        .next()
        .is_some_and(|p| p.len() >= 3 && p.chars().all(|c| c.is_ascii_digit()));
    head_ok
        && second_ok
        && parts.all(|p| !p.is_empty() && p.chars().all(|c| c.is_ascii_alphanumeric()))
}

/// Splits `+++\n<toml>\n+++\n<body>`; returns (front matter, its offset, body, its offset).
fn split_front_matter(src: &str) -> Option<(&str, usize, &str, usize)> {
    let start = src
        .strip_prefix('\u{feff}')
        .map_or(0, |_| '\u{feff}'.len_utf8());
    let rest = &src[start..];
    let first_end = rest.find('\n')?;
    if rest[..first_end].trim_end() != "+++" {
        return None;
    }
    let fm_offset = start + first_end + 1;
    let mut offset = fm_offset;
    for line in src[fm_offset..].split_inclusive('\n') {
        if line.trim_end() == "+++" {
            let body_offset = offset + line.len();
            return Some((
                &src[fm_offset..offset],
                fm_offset,
                &src[body_offset..],
                body_offset,
            ));
        }
        offset += line.len();
    }
    None
}

/// 0-based line of a text where `key = …` is set.
pub(crate) fn key_line(fm: &str, key: &str) -> Option<usize> {
    fm.lines().position(|l| {
        l.trim_start()
            .strip_prefix(key)
            .is_some_and(|r| r.trim_start().starts_with('='))
    })
}

fn nth_line(fm: &str, needle: &str, n: usize) -> Option<usize> {
    fm.lines()
        .enumerate()
        .filter(|(_, l)| l.trim() == needle)
        .nth(n)
        .map(|(i, _)| i)
}

/// Splits "Tờ khai (1 bản chính)" into ("Tờ khai", quantity).
pub fn split_quantity(text: &str) -> Option<(&str, Quantity)> {
    let trimmed = text.trim_end();
    let inner_end = trimmed.strip_suffix(')')?;
    let open = inner_end.rfind('(')?;
    let inner = inner_end[open + 1..].trim();
    let (count, label) = inner.split_once(char::is_whitespace)?;
    let count: u32 = count.parse().ok()?;
    let label = label.trim();
    let lower = label.to_lowercase();
    if !lower.starts_with("bản") {
        return None;
    }
    let form = if lower.contains("hoặc") {
        CopyForm::Either
    } else if lower.contains("sao") || lower.contains("chụp") {
        CopyForm::Copy
    } else {
        CopyForm::Original
    };
    Some((
        inner_end[..open].trim_end(),
        Quantity {
            count,
            form,
            label: label.to_string(),
        },
    ))
}

/// Splits `Sổ hộ khẩu (1 bản chính) {superseded = "lý do"}` into the item and the reason.
pub fn split_superseded(text: &str) -> Option<(&str, &str)> {
    split_marker(text, "superseded")
}

/// Splits `text {key = "value"}` into the text and the value.
pub fn split_marker<'a>(text: &'a str, key: &str) -> Option<(&'a str, &'a str)> {
    let inner = text.trim_end().strip_suffix('}')?;
    let open = inner.rfind('{')?;
    let body = inner[open + 1..].trim();
    let value = body.strip_prefix(key)?.trim_start().strip_prefix('=')?;
    let value = value.trim();
    let reason = value
        .strip_prefix('"')
        .and_then(|v| v.strip_suffix('"'))
        .or_else(|| {
            value
                .strip_prefix('\u{201c}')
                .and_then(|v| v.strip_suffix('\u{201d}'))
        })?;
    Some((inner[..open].trim_end(), reason.trim()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quantity_forms() {
        let (rest, q) = split_quantity("Tờ khai (theo mẫu) (1 bản chính)").expect("quantity");
        assert_eq!(rest, "Tờ khai (theo mẫu)");
        assert_eq!((q.count, q.form), (1, CopyForm::Original));
        let (_, q) = split_quantity("Giấy tờ (2 bản sao có chứng thực)").expect("quantity");
        assert_eq!((q.count, q.form), (2, CopyForm::Copy));
        let (_, q) = split_quantity("X (1 bản chính hoặc bản sao)").expect("quantity");
        assert_eq!(q.form, CopyForm::Either);
        assert!(split_quantity("Tờ khai (theo mẫu)").is_none());
    }

    #[test]
    fn codes() {
        assert!(is_valid_code("1.000894"));
        assert!(is_valid_code("1.001193.000.00.00.H35"));
        assert!(!is_valid_code("1000894"));
        assert!(!is_valid_code("1.0a"));
        assert!(!is_valid_code(""));
    }
}
