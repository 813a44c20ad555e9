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
use body::{Body, BodyParser};

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
///
/// The steps run in the order of the file, so that its problems are reported in that order: the front
/// matter is found, decoded and its fields checked, then the body is parsed, and the guide is
/// assembled only when no step found a problem. A step after which nothing more can be checked (no
/// front matter, TOML that does not decode, a body too complex to render) ends the parse there.
pub fn parse_guide(file: &str, src: &str) -> Result<Guide, Vec<Problem>> {
    let mut report = Report {
        file,
        problems: Vec::new(),
    };
    let Some(parts) = Parts::split(src, &mut report) else {
        return Err(report.problems);
    };
    let Some(raw) = decode_front_matter(&parts, &mut report) else {
        return Err(report.problems);
    };
    let fields = FieldCheck {
        parts: &parts,
        report: &mut report,
    }
    .check(raw);
    let Some(body) = parse_checked_body(&parts, &mut report) else {
        return Err(report.problems);
    };
    if !report.problems.is_empty() {
        return Err(report.problems);
    }
    Ok(assemble(file, fields, body))
}

/// A guide file cut into its front matter and body, with the file line each starts on: problems are
/// found in one part but reported at the line of the whole file.
struct Parts<'s> {
    fm: &'s str,
    fm_line: usize,
    body: &'s str,
    body_line: usize,
}

impl<'s> Parts<'s> {
    /// Finds the front matter between its `+++` lines; a file without one is reported (telling an
    /// empty file apart, a common slip) and nothing more of it can be checked.
    fn split(src: &'s str, report: &mut Report<'_>) -> Option<Parts<'s>> {
        let Some((fm, fm_offset, body, body_offset)) = split_front_matter(src) else {
            let msg = if src.trim().is_empty() {
                "empty file: a guide starts with a +++ line, its TOML front matter, and a closing +++ line"
            } else {
                "no front matter: the file must start with a +++ line and the TOML block must end with a +++ line"
            };
            report.add(1, msg);
            return None;
        };
        Some(Parts {
            fm,
            fm_line: line_of(src.as_bytes(), fm_offset),
            body,
            body_line: line_of(src.as_bytes(), body_offset),
        })
    }

    /// The file line of `key = …`, or of the opening `+++` when the key is not written (a field set
    /// wrongly elsewhere, such as in an inline table, is still reported somewhere visible).
    fn key_line(&self, key: &str) -> usize {
        key_line(self.fm, key).map_or(self.fm_line.saturating_sub(1), |l| self.fm_line + l)
    }

    /// The line a missing field is reported at: the opening `+++`, where it would be added.
    fn missing_line(&self) -> usize {
        self.fm_line.saturating_sub(1)
    }
}

/// Decodes the front matter's TOML. An error stops the parse, since no field can be checked without
/// it; it is reported at its line with the key of that line, which toml's message leaves out.
fn decode_front_matter(parts: &Parts<'_>, report: &mut Report<'_>) -> Option<FrontMatter> {
    let fm = parts.fm;
    match toml::from_str(fm) {
        Ok(raw) => Some(raw),
        Err(e) => {
            let at = e.span().map(|s| line_of(fm.as_bytes(), s.start));
            let line = at.map_or(parts.fm_line, |l| parts.fm_line + l - 1);
            let key = at
                .and_then(|l| fm.lines().nth(l - 1))
                .and_then(|text| text.split_once('='))
                .map(|(k, _)| format!("`{}`: ", k.trim()))
                .unwrap_or_default();
            report.add(line, format!("front matter: {key}{}", e.message().trim()));
            None
        }
    }
}

/// The front matter's fields once checked and trimmed, ready to become a [`Guide`].
struct Fields {
    code: String,
    title: String,
    official_title: String,
    summary: String,
    field: String,
    agency: String,
    decision: String,
    levels: Vec<Level>,
    applicants: Vec<String>,
    results: Vec<String>,
    legal_basis: Vec<String>,
    legal_basis_superseded: Vec<Superseded>,
    origin: Origin,
    record_date: Option<String>,
    updated: String,
    channels: Vec<Channel>,
    /// Fields no rule applies to, trimmed at assembly.
    extras: Extras,
}

/// The optional front-matter fields that are only trimmed, never checked.
struct Extras {
    aliases: Vec<String>,
    questions: Vec<String>,
    life_events: Vec<String>,
    related: Vec<String>,
    choose_when: Option<String>,
    replaced_by: Option<String>,
    portal_url: Option<String>,
    ministry: Option<String>,
}

/// Checks the decoded front matter field by field, each problem at the line of its key, so that an
/// editor sees every wrong field at once rather than one per run.
struct FieldCheck<'a, 'f> {
    parts: &'a Parts<'a>,
    report: &'a mut Report<'f>,
}

impl FieldCheck<'_, '_> {
    /// Runs every check. Their order is the order problems are reported in, which editors and tests
    /// rely on: keep it when adding one.
    fn check(mut self, raw: FrontMatter) -> Fields {
        let code = self.required("code", raw.code);
        let title = self.required("title", raw.title);
        let official_title = self.required("official_title", raw.official_title);
        let summary = self.required("summary", raw.summary);
        let field = self.required("field", raw.field);
        let agency = self.required("agency", raw.agency);
        let decision = self.required("decision", raw.decision);
        self.code(&code);
        let (legal_texts, legal_basis_superseded) = self.split_legal(raw.legal_basis);
        let raw_levels = self.required_list("levels", raw.levels);
        let applicants = self.required_list("applicants", raw.applicants);
        let results = self.required_list("results", raw.results);
        let legal_basis = self.legal_basis(legal_texts, &legal_basis_superseded);
        let levels = self.levels(&raw_levels);
        let origin = self.origin(raw.origin.as_deref());
        let record_date = self.record_date(origin, raw.record_date);
        let updated = self.updated(raw.updated, origin, record_date.as_deref());
        let channels = self.channels(raw.channels);
        Fields {
            code,
            title,
            official_title,
            summary,
            field,
            agency,
            decision,
            levels,
            applicants,
            results,
            legal_basis,
            legal_basis_superseded,
            origin,
            record_date,
            updated,
            channels,
            extras: Extras {
                aliases: raw.aliases,
                questions: raw.questions,
                life_events: raw.life_events,
                related: raw.related,
                choose_when: raw.choose_when,
                replaced_by: raw.replaced_by,
                portal_url: raw.portal_url,
                ministry: raw.ministry,
            },
        }
    }

    /// A required text, trimmed; a missing or empty one is reported (and left empty, so that the
    /// other checks still run).
    fn required(&mut self, name: &str, value: Option<String>) -> String {
        match value.map(|v| v.trim().to_string()) {
            Some(v) if !v.is_empty() => v,
            Some(_) => {
                self.report
                    .add(self.parts.key_line(name), format!("`{name}` is empty"));
                String::new()
            }
            None => {
                self.report.add(
                    self.parts.missing_line(),
                    format!("missing required field `{name}`"),
                );
                String::new()
            }
        }
    }

    /// A required list, its entries trimmed and empty ones dropped; reported when nothing is left.
    fn required_list(&mut self, name: &str, value: Option<Vec<String>>) -> Vec<String> {
        let list = clean(value.unwrap_or_default());
        if list.is_empty() {
            self.report.add(
                self.parts.key_line(name),
                format!("`{name}` needs at least one entry"),
            );
        }
        list
    }

    /// The code must look like a national one: it is how guides, families and feedback refer to it.
    fn code(&mut self, code: &str) {
        if !code.is_empty() && !is_valid_code(code) {
            self.report.add(
                self.parts.key_line("code"),
                format!("code \"{code}\" is not a national procedure code like 1.000894"),
            );
        }
    }

    /// Splits `legal_basis` into the texts in force and those marked superseded; a mark needs its
    /// reason, which the guide shows next to the struck-out text.
    fn split_legal(
        &mut self,
        raw: Option<Vec<RawLegal>>,
    ) -> (Option<Vec<String>>, Vec<Superseded>) {
        let Some(list) = raw else {
            return (None, Vec::new());
        };
        let mut texts = Vec::new();
        let mut superseded = Vec::new();
        for entry in list {
            match entry {
                RawLegal::Text(t) => texts.push(t),
                RawLegal::Marked(m) => {
                    if m.superseded.trim().is_empty() {
                        self.report.add(
                            self.parts.key_line("legal_basis"),
                            format!("`superseded` of \"{}\" needs a reason", m.text.trim()),
                        );
                    }
                    superseded.push(Superseded {
                        text: m.text.trim().to_string(),
                        reason: m.superseded.trim().to_string(),
                    });
                }
            }
        }
        (Some(texts), superseded)
    }

    /// The texts in force: at least one, and a list of superseded texts alone says which is missing.
    fn legal_basis(
        &mut self,
        texts: Option<Vec<String>>,
        superseded: &[Superseded],
    ) -> Vec<String> {
        if texts.as_ref().is_some_and(Vec::is_empty) && !superseded.is_empty() {
            self.report.add(
                self.parts.key_line("legal_basis"),
                "`legal_basis` lists only superseded texts; name the one in force",
            );
            Vec::new()
        } else {
            self.required_list("legal_basis", texts)
        }
    }

    /// The levels by id, each once; the abolished district level gets its own explanation.
    fn levels(&mut self, raw: &[String]) -> Vec<Level> {
        let mut levels = Vec::new();
        for l in raw {
            match Level::from_id(l) {
                Some(level) if !levels.contains(&level) => levels.push(level),
                Some(_) => {}
                None if l == "huyen" => self.report.add(
                    self.parts.key_line("levels"),
                    "level \"huyen\": the district level was abolished on 1/7/2025; use xa or tinh",
                ),
                None => self.report.add(
                    self.parts.key_line("levels"),
                    format!("unknown level \"{l}\"; expected xa, tinh, bo or khac"),
                ),
            }
        }
        levels
    }

    /// Edited unless said otherwise; an unknown origin is reported and taken as edited.
    fn origin(&mut self, raw: Option<&str>) -> Origin {
        match raw.map(str::trim) {
            None | Some("edited") => Origin::Edited,
            Some("national") => Origin::National,
            Some(other) => {
                self.report.add(
                    self.parts.key_line("origin"),
                    format!("unknown origin \"{other}\"; expected edited or national"),
                );
                Origin::Edited
            }
        }
    }

    /// The month of the crawl a national guide was converted from: the provenance shown to the
    /// citizen, so such a guide must have one.
    fn record_date(&mut self, origin: Origin, raw: Option<String>) -> Option<String> {
        let record_date = raw.map(|d| d.trim().to_string());
        match (&origin, &record_date) {
            (Origin::National, None) => self.report.add(
                self.parts.key_line("origin"),
                "a guide converted from a national record needs `record_date` (YYYY-MM, the crawl's month)",
            ),
            (_, Some(d)) if !is_year_month(d) => self.report.add(
                self.parts.key_line("record_date"),
                format!("`record_date` \"{d}\" must be a month like 2026-06"),
            ),
            _ => {}
        }
        record_date
    }

    /// The date the guide was last checked; a national guide without one is as recent as its record.
    fn updated(
        &mut self,
        raw: Option<toml::value::Datetime>,
        origin: Origin,
        record_date: Option<&str>,
    ) -> String {
        match raw {
            None if origin == Origin::National => record_date.unwrap_or_default().to_string(),
            Some(dt) => date_text(&dt).unwrap_or_else(|| {
                self.report.add(
                    self.parts.key_line("updated"),
                    "`updated` must be a date like 2026-06-30",
                );
                String::new()
            }),
            None => {
                self.report.add(
                    self.parts.missing_line(),
                    "missing required field `updated`",
                );
                String::new()
            }
        }
    }

    /// The `[[channels]]` tables: at least one, each reported at its own `[[channels]]` line.
    fn channels(&mut self, raw: Vec<RawChannel>) -> Vec<Channel> {
        let mut channels = Vec::new();
        if raw.is_empty() {
            self.report.add(
                self.parts.missing_line(),
                "at least one [[channels]] table is needed",
            );
        }
        for (i, c) in raw.into_iter().enumerate() {
            let fm_line = self.parts.fm_line;
            let line = nth_line(self.parts.fm, "[[channels]]", i).map_or(fm_line, |l| fm_line + l);
            if let Some(channel) = self.channel(line, c, &channels) {
                channels.push(channel);
            }
        }
        channels
    }

    /// One channel: a known kind, listed once, with both a time and a fee; `None` for an unknown
    /// kind (its other problems are still reported).
    fn channel(&mut self, line: usize, c: RawChannel, earlier: &[Channel]) -> Option<Channel> {
        let kind = self.channel_kind(line, &c.channel);
        let time = c.time.into_table();
        let fee = c.fee.into_table();
        if time.text.trim().is_empty() || fee.text.trim().is_empty() {
            self.report
                .add(line, "a channel needs both `time` and `fee`");
        }
        if time.valid_until.is_some() || time.then.is_some() {
            self.report.add(
                line,
                "`valid_until` and `then` belong to a fee, not to a time",
            );
        }
        let (valid_until, then) = self.fee_end(line, fee.valid_until.as_ref(), fee.then);
        let kind = kind?;
        if earlier.iter().any(|x| x.channel == kind) {
            self.report
                .add(line, format!("channel \"{}\" is listed twice", c.channel));
        }
        Some(Channel {
            channel: kind,
            time: time.text.trim().to_string(),
            fee: fee.text.trim().to_string(),
            note: non_empty(c.note),
            time_reason: non_empty(time.reason),
            fee_reason: non_empty(fee.reason),
            fee_valid_until: valid_until,
            fee_then: then,
        })
    }

    /// The kind of a channel by its id.
    fn channel_kind(&mut self, line: usize, id: &str) -> Option<ChannelKind> {
        match id {
            "truc-tiep" => Some(ChannelKind::TrucTiep),
            "truc-tuyen" => Some(ChannelKind::TrucTuyen),
            "buu-chinh" => Some(ChannelKind::BuuChinh),
            other => {
                self.report.add(
                    line,
                    format!(
                        "unknown channel \"{other}\"; expected truc-tiep, truc-tuyen or buu-chinh"
                    ),
                );
                None
            }
        }
    }

    /// A fee's end: the last day it applies and the rate after, both or neither, so that the app
    /// never shows an expired fee without the one that replaced it.
    fn fee_end(
        &mut self,
        line: usize,
        valid_until: Option<&toml::value::Datetime>,
        then: Option<String>,
    ) -> (Option<String>, Option<String>) {
        let valid_until = valid_until.map(|dt| {
            date_text(dt).unwrap_or_else(|| {
                self.report
                    .add(line, "`valid_until` must be a date like 2026-12-31");
                String::new()
            })
        });
        let then = non_empty(then);
        if valid_until.is_some() != then.is_some() {
            self.report.add(
                line,
                "a fee with an end date needs both `valid_until` (the last day) and `then` (the rate after)",
            );
        }
        (valid_until, then)
    }
}

/// Bounds the body's nesting and size before rendering it (see the module's doc), then parses it;
/// `None` when it is too complex, which is reported and ends the parse.
fn parse_checked_body(parts: &Parts<'_>, report: &mut Report<'_>) -> Option<Body> {
    if let Some((offset, why)) = too_complex(parts.body) {
        report.add(
            parts.body_line + line_of(parts.body.as_bytes(), offset) - 1,
            why,
        );
        return None;
    }
    Some(BodyParser::new(parts.body, parts.body_line, report).parse())
}

/// Entries trimmed, empty ones dropped.
fn clean(list: Vec<String>) -> Vec<String> {
    list.into_iter()
        .map(|s| s.trim().to_string())
        .filter(|s| !s.is_empty())
        .collect()
}

/// The guide of a file whose every part was checked without a problem (it reports nothing).
fn assemble(file: &str, fields: Fields, body: Body) -> Guide {
    let extras = fields.extras;
    Guide {
        code: fields.code,
        title: fields.title,
        official_title: fields.official_title,
        summary: fields.summary,
        field: fields.field,
        levels: fields.levels,
        agency: fields.agency,
        applicants: fields.applicants,
        decision: fields.decision,
        results: fields.results,
        legal_basis: fields.legal_basis,
        legal_basis_superseded: fields.legal_basis_superseded,
        aliases: clean(extras.aliases),
        questions: clean(extras.questions),
        life_events: clean(extras.life_events),
        related: clean(extras.related),
        choose_when: non_empty(extras.choose_when),
        updated: fields.updated,
        replaced_by: non_empty(extras.replaced_by),
        portal_url: non_empty(extras.portal_url),
        origin: fields.origin,
        record_date: fields.record_date,
        ministry: non_empty(extras.ministry),
        channels: fields.channels,
        documents: body.documents,
        steps: body.steps,
        conditions: body.conditions,
        notes: body.notes,
        source: file.to_string(),
    }
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
