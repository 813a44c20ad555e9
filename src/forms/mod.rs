//! The official declaration forms (tờ khai) a citizen fills in: their legal source, their exact text and
//! layout, and their fields, read from `content/forms/*.toml` (format in `content/README.md`).
//!
//! A form is content like a guide: the content office copies its text from the annex of the circular that
//! sets it, and `sotay form check` (part of `sotay check`) refuses a form whose layout names an unknown
//! field, leaves a field out, or lacks its source. Filling ([`values`]), the ID card's QR code ([`qr`]) and
//! the A4 PDF ([`pdf`]) build on this model; what a citizen types is never stored by any of them.

pub mod pdf;
pub mod qr;
pub mod values;

use std::collections::HashSet;

use serde::{Deserialize, Serialize};

use crate::error::Problem;

pub use values::{Values, validate};

/// The kind of a field, which decides how its value is checked and printed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "kebab-case")]
pub enum FieldKind {
    /// Free text on one line.
    Text,
    /// A person's name, written as on the ID card (letters only, each word capitalised).
    Name,
    /// A date that exists, `dd/mm/yyyy`.
    Date,
    /// A year of birth, four digits.
    Year,
    /// The 12-digit personal identification number.
    IdNumber,
    /// A telephone number.
    Phone,
    /// One of the listed `choices`.
    Choice,
    /// A tick box: `yes`, `no` or nothing.
    Tick,
    /// A small count (number of copies).
    Count,
}

/// Which part of the ID card's QR code fills a field.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "kebab-case")]
pub enum QrPart {
    /// The 12-digit personal identification number.
    Id,
    /// The full name.
    Name,
    /// The date of birth.
    Birth,
    /// Sex (Nam / Nữ).
    Sex,
    /// The permanent address.
    Address,
}

/// One field of a form.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[cfg_attr(feature = "ts", ts(rename = "FormField"))]
pub struct Field {
    /// Key of the field (`ho_ten`), used in the layout as `{ho_ten}` and in filled data.
    pub name: String,
    /// How the value is checked.
    #[serde(rename = "type")]
    pub kind: FieldKind,
    /// The label printed on the form, shown above the input.
    pub label: String,
    /// The step of the filling screen the field belongs to.
    pub group: String,
    /// Whether the form is refused without it.
    #[serde(default)]
    pub required: bool,
    /// Longest value accepted, in characters (the kind's default when absent).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional))]
    pub max: Option<usize>,
    /// The values of a `choice` field.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[cfg_attr(feature = "ts", ts(as = "Option<_>", optional))]
    pub choices: Vec<String>,
    /// The part of the ID card's QR code that fills this field.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional))]
    pub qr: Option<QrPart>,
    /// Plain-language help in Vietnamese.
    pub help: String,
    /// The same help in English.
    pub help_en: String,
}

impl Field {
    /// The longest value accepted, in characters.
    pub fn max_chars(&self) -> usize {
        self.max.unwrap_or(match self.kind {
            FieldKind::Text => 200,
            FieldKind::Name => 100,
            FieldKind::Date => 10,
            FieldKind::Year => 4,
            FieldKind::IdNumber => 15,
            FieldKind::Phone => 20,
            FieldKind::Choice | FieldKind::Tick => 20,
            FieldKind::Count => 2,
        })
    }
}

/// How a line of text is set.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[cfg_attr(feature = "ts", ts(rename = "FormStyle"))]
#[serde(rename_all = "kebab-case")]
pub enum Style {
    /// Body text, left-aligned.
    #[default]
    Normal,
    /// Body text in bold.
    Bold,
    /// The national motto's first line: bold capitals, centred.
    Motto,
    /// The motto's second line, bold, centred, underlined.
    MottoSub,
    /// The form's title: large bold capitals, centred.
    Title,
    /// The small italic note in the top corner naming the circular.
    Corner,
    /// The heading of the footnotes.
    NoteHead,
    /// A footnote: small italics.
    Note,
}

/// One piece of a line: words, a field's place, or a tick box of a field's value.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[cfg_attr(feature = "ts", ts(rename = "FormSegment"))]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum Segment {
    /// Printed text (part of the official label).
    Text {
        /// The text.
        text: String,
    },
    /// Where a field's value goes (`{name}`).
    Field {
        /// The field's name.
        name: String,
    },
    /// A tick box, ticked when the field's value is `value` (`{name=value}`).
    Box {
        /// The field's name.
        name: String,
        /// The value that ticks the box.
        value: String,
    },
}

/// A block of the form's layout, in printing order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[cfg_attr(feature = "ts", ts(rename = "FormLine"))]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum Line {
    /// A paragraph of text with field places.
    Text {
        /// How it is set.
        style: Style,
        /// Its pieces.
        segments: Vec<Segment>,
    },
    /// A ruled table with column headers and rows: empty rows, or printed rows (`body`) whose cells
    /// hold labels and field places (the "Bên nữ" / "Bên nam" columns of a marriage form).
    Table {
        /// Column headers.
        headers: Vec<String>,
        /// Relative column widths.
        widths: Vec<u32>,
        /// Number of rows (of `body` when it is given, else empty ones).
        rows: u32,
        /// The printed rows, each one cell per column (its pieces); empty for a table of blank rows.
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        #[cfg_attr(feature = "ts", ts(as = "Option<_>", optional))]
        body: Vec<Vec<Vec<Segment>>>,
    },
    /// Blocks side by side (signature blocks); each cell is lines of segments, centred.
    Cells {
        /// The cells, left to right; each a list of lines.
        cells: Vec<Vec<CellLine>>,
    },
}

/// One line of a cell.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct CellLine {
    /// Bold (`**…**`) or italic (`*…*`) or normal.
    pub style: CellStyle,
    /// Its pieces.
    pub segments: Vec<Segment>,
}

/// The emphasis of a line in a cell.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "kebab-case")]
pub enum CellStyle {
    /// Upright.
    Normal,
    /// Bold.
    Bold,
    /// Italic.
    Italic,
}

/// An official form.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Form {
    /// Key of the form (`ct01`, `khai-sinh`): the file name, used by guides (`{form = "ct01"}`).
    pub id: String,
    /// The official form code when it has one (`CT01`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional))]
    pub code: Option<String>,
    /// Name of the form.
    pub title: String,
    /// The legal source, as the annex names it.
    pub source: String,
    /// The circular's number (`66/2023/TT-BCA`).
    pub circular: String,
    /// The date the form took effect (`YYYY-MM-DD`), when a source confirming it was found.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional))]
    pub effective: Option<String>,
    /// A caveat about the text (a part not printed, a newer circular not yet read).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional))]
    pub note: Option<String>,
    /// Form file names of the national records that mean this form.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[cfg_attr(feature = "ts", ts(as = "Option<_>", optional))]
    pub record_files: Vec<String>,
    /// The fields, in filling order.
    pub fields: Vec<Field>,
    /// The layout, in printing order.
    pub lines: Vec<Line>,
}

impl Form {
    /// The field called `name`.
    pub fn field(&self, name: &str) -> Option<&Field> {
        self.fields.iter().find(|f| f.name == name)
    }

    /// Every printed label of the form, in printing order: each text line, table header and cell
    /// line as one string with its field places left out (what a test expects to read back).
    pub fn labels(&self) -> Vec<Vec<String>> {
        fn text_of(segments: &[Segment]) -> String {
            segments
                .iter()
                .filter_map(|s| match s {
                    Segment::Text { text } => Some(text.as_str()),
                    _ => None,
                })
                .collect::<Vec<_>>()
                .join(" ")
        }
        let mut out = Vec::new();
        for line in &self.lines {
            match line {
                Line::Text { segments, .. } => out.push(vec![text_of(segments)]),
                Line::Table { headers, body, .. } => {
                    out.push(headers.clone());
                    for row in body {
                        out.push(row.iter().map(|c| text_of(c)).collect());
                    }
                }
                Line::Cells { cells } => out.push(
                    cells
                        .iter()
                        .map(|c| {
                            c.iter()
                                .map(|l| text_of(&l.segments))
                                .collect::<Vec<_>>()
                                .join(" ")
                        })
                        .collect(),
                ),
            }
        }
        out
    }
}

/// A form as written in its TOML file.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawForm {
    id: String,
    #[serde(default)]
    code: Option<String>,
    title: String,
    source: String,
    circular: String,
    #[serde(default)]
    effective: Option<toml::value::Datetime>,
    #[serde(default)]
    note: Option<String>,
    #[serde(default)]
    record_files: Vec<String>,
    #[serde(default)]
    field: Vec<Field>,
    #[serde(default)]
    line: Vec<RawLine>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawLine {
    #[serde(default)]
    text: Option<String>,
    #[serde(default)]
    style: Option<Style>,
    #[serde(default)]
    table: Option<Vec<String>>,
    #[serde(default)]
    widths: Option<Vec<u32>>,
    #[serde(default)]
    rows: Option<u32>,
    #[serde(default)]
    body: Option<Vec<Vec<String>>>,
    #[serde(default)]
    cells: Option<Vec<String>>,
}

/// Splits a line's text into printed words and field places: `{name}` is a field, `{name=value}` a
/// tick box. A `{` without its `}` is an error.
pub fn segments(text: &str) -> Result<Vec<Segment>, String> {
    let mut out = Vec::new();
    let mut rest = text;
    while let Some(open) = rest.find('{') {
        let before = &rest[..open];
        if !before.trim().is_empty() {
            out.push(Segment::Text {
                text: before.trim().to_string(),
            });
        }
        let after = &rest[open + 1..];
        let close = after
            .find('}')
            .ok_or_else(|| format!("`{{` without `}}` in \"{text}\""))?;
        let inner = after[..close].trim();
        match inner.split_once('=') {
            Some((name, value)) => out.push(Segment::Box {
                name: name.trim().to_string(),
                value: value.trim().to_string(),
            }),
            None => out.push(Segment::Field {
                name: inner.to_string(),
            }),
        }
        rest = &after[close + 1..];
    }
    if !rest.trim().is_empty() {
        out.push(Segment::Text {
            text: rest.trim().to_string(),
        });
    }
    Ok(out)
}

fn cell_lines(cell: &str) -> Result<Vec<CellLine>, String> {
    cell.split('\n')
        .map(|line| {
            let line = line.trim();
            let (style, body) =
                if let Some(b) = line.strip_prefix("**").and_then(|l| l.strip_suffix("**")) {
                    (CellStyle::Bold, b)
                } else if let Some(b) = line.strip_prefix('*').and_then(|l| l.strip_suffix('*')) {
                    (CellStyle::Italic, b)
                } else {
                    (CellStyle::Normal, line)
                };
            Ok(CellLine {
                style,
                segments: segments(body)?,
            })
        })
        .collect()
}

/// Parses one form file (`forms/ct01.toml`) and checks it; every problem is returned with the file.
pub fn parse_form(path: &str, text: &str) -> Result<Form, Vec<Problem>> {
    let raw: RawForm = toml::from_str(text).map_err(|e| {
        let line = e.span().map_or(0, |s| {
            text[..s.start.min(text.len())].lines().count().max(1)
        });
        vec![Problem::new(path, line, format!("TOML: {}", e.message()))]
    })?;
    let mut problems = Vec::new();
    let mut bad = |message: String| problems.push(Problem::new(path, 0, message));
    let mut lines = Vec::new();
    for (i, l) in raw.line.into_iter().enumerate() {
        let n = i + 1;
        let kinds = [l.text.is_some(), l.table.is_some(), l.cells.is_some()]
            .iter()
            .filter(|k| **k)
            .count();
        if kinds != 1 {
            bad(format!(
                "line {n}: give exactly one of `text`, `table` or `cells`"
            ));
            continue;
        }
        if let Some(text) = l.text {
            match segments(&text) {
                Ok(segments) if !segments.is_empty() => lines.push(Line::Text {
                    style: l.style.unwrap_or_default(),
                    segments,
                }),
                Ok(_) => bad(format!("line {n}: empty `text`")),
                Err(e) => bad(format!("line {n}: {e}")),
            }
        } else if let Some(headers) = l.table {
            let widths = l.widths.unwrap_or_else(|| vec![1; headers.len()]);
            if widths.len() != headers.len() || widths.contains(&0) {
                bad(format!(
                    "line {n}: `widths` needs one positive width per column"
                ));
                continue;
            }
            let mut body = Vec::new();
            if let Some(raw_body) = l.body {
                if l.rows.is_some() || raw_body.is_empty() {
                    bad(format!(
                        "line {n}: give either `rows` (empty rows) or a non-empty `body`"
                    ));
                    continue;
                }
                for (r, row) in raw_body.iter().enumerate() {
                    if row.len() != headers.len() {
                        bad(format!(
                            "line {n}: `body` row {} has {} cells for {} columns",
                            r + 1,
                            row.len(),
                            headers.len()
                        ));
                        continue;
                    }
                    match row.iter().map(|c| segments(c)).collect() {
                        Ok(cells) => body.push(cells),
                        Err(e) => bad(format!("line {n}: {e}")),
                    }
                }
            }
            lines.push(Line::Table {
                rows: if body.is_empty() {
                    l.rows.unwrap_or(3).clamp(1, 20)
                } else {
                    body.len() as u32
                },
                headers,
                widths,
                body,
            });
        } else if let Some(cells) = l.cells {
            let parsed: Result<Vec<_>, _> = cells.iter().map(|c| cell_lines(c)).collect();
            match parsed {
                Ok(cells) if !cells.is_empty() => lines.push(Line::Cells { cells }),
                Ok(_) => bad(format!("line {n}: empty `cells`")),
                Err(e) => bad(format!("line {n}: {e}")),
            }
        }
    }
    let stem = path
        .rsplit('/')
        .next()
        .and_then(|n| n.strip_suffix(".toml"))
        .unwrap_or(path);
    if raw.id != stem {
        bad(format!(
            "`id` is \"{}\" but the file is {path}; name the file after the id",
            raw.id
        ));
    }
    for (key, value) in [
        ("title", &raw.title),
        ("source", &raw.source),
        ("circular", &raw.circular),
    ] {
        if value.trim().is_empty() {
            bad(format!(
                "`{key}` is empty; every form names its legal source"
            ));
        }
    }
    let effective = raw.effective.as_ref().map(ToString::to_string);
    if let Some(e) = &raw.effective
        && (e.date.is_none() || e.time.is_some())
    {
        bad(format!("`effective` must be a date (YYYY-MM-DD), not {e}"));
    }
    let mut names = HashSet::new();
    for f in &raw.field {
        if !names.insert(f.name.as_str()) {
            bad(format!("field `{}` is defined twice", f.name));
        }
        if f.name.is_empty()
            || !f
                .name
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
        {
            bad(format!(
                "field name `{}`: use lowercase ASCII letters, digits and `_`",
                f.name
            ));
        }
        for (key, value) in [
            ("label", &f.label),
            ("group", &f.group),
            ("help", &f.help),
            ("help_en", &f.help_en),
        ] {
            if value.trim().is_empty() {
                bad(format!("field `{}`: `{key}` is empty", f.name));
            }
        }
        if (f.kind == FieldKind::Choice) == f.choices.is_empty() {
            bad(format!(
                "field `{}`: `choices` is for (and required by) `type = \"choice\"`",
                f.name
            ));
        }
    }
    let mut used = HashSet::new();
    let check_segments = |segs: &[Segment], used: &mut HashSet<String>| {
        let mut out = Vec::new();
        for s in segs {
            match s {
                Segment::Text { .. } => {}
                Segment::Field { name } => {
                    match raw.field.iter().find(|f| &f.name == name) {
                        None => out.push(format!("the layout names an unknown field `{{{name}}}`")),
                        Some(f) if f.kind == FieldKind::Tick => out.push(format!(
                            "tick field `{name}` is printed as boxes: write `{{{name}=yes}}`"
                        )),
                        Some(_) => {}
                    }
                    used.insert(name.clone());
                }
                Segment::Box { name, value } => {
                    match raw.field.iter().find(|f| &f.name == name) {
                        None => out.push(format!("the layout names an unknown field `{{{name}}}`")),
                        Some(f) => {
                            let ok = match f.kind {
                                FieldKind::Tick => value == "yes" || value == "no",
                                FieldKind::Choice => f.choices.contains(value),
                                _ => false,
                            };
                            if !ok {
                                out.push(format!(
                                    "box `{{{name}={value}}}`: not a value of that field"
                                ));
                            }
                        }
                    }
                    used.insert(name.clone());
                }
            }
        }
        out
    };
    let mut layout_problems = Vec::new();
    for line in &lines {
        match line {
            Line::Text { segments, .. } => {
                layout_problems.extend(check_segments(segments, &mut used))
            }
            Line::Cells { cells } => {
                for cell in cells {
                    for l in cell {
                        layout_problems.extend(check_segments(&l.segments, &mut used));
                    }
                }
            }
            Line::Table { body, .. } => {
                for cell in body.iter().flatten() {
                    layout_problems.extend(check_segments(cell, &mut used));
                }
            }
        }
    }
    for p in layout_problems {
        bad(p);
    }
    for f in &raw.field {
        if !used.contains(&f.name) {
            bad(format!(
                "field `{}` is not printed: put `{{{}}}` in the layout",
                f.name, f.name
            ));
        }
    }
    if lines.is_empty() {
        bad("the form has no `[[line]]`: copy its text from the annex".to_string());
    }
    if !problems.is_empty() {
        return Err(problems);
    }
    Ok(Form {
        id: raw.id,
        code: raw.code,
        title: raw.title,
        source: raw.source,
        circular: raw.circular,
        effective,
        note: raw.note,
        record_files: raw.record_files,
        fields: raw.field,
        lines,
    })
}

/// The folder a desk saves filled forms in: the user's Documents folder (`$HOME/Documents` when the
/// desktop names none).
pub fn documents_dir() -> Option<std::path::PathBuf> {
    dirs::document_dir().or_else(|| dirs::home_dir().map(|h| h.join("Documents")))
}

/// Checks `input`, renders the filled form and writes it as a new PDF in `dir` (created if missing),
/// never replacing a file; returns its path. Refused values are [`crate::Error::InvalidFields`] and
/// nothing is written.
pub fn save_pdf(
    form: &Form,
    input: &std::collections::BTreeMap<String, String>,
    dir: &std::path::Path,
    stamp: &str,
) -> crate::Result<std::path::PathBuf> {
    let values = validate(form, input).map_err(crate::Error::InvalidFields)?;
    let pdf = pdf::render(form, Some(&values))?;
    std::fs::create_dir_all(dir).map_err(|e| crate::Error::io(dir, e))?;
    for n in 1..1000 {
        let name = if n == 1 {
            format!("to-khai-{}-{stamp}.pdf", form.id)
        } else {
            format!("to-khai-{}-{stamp}-{n}.pdf", form.id)
        };
        let path = dir.join(name);
        match std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&path)
        {
            Ok(mut f) => {
                use std::io::Write;
                f.write_all(&pdf).map_err(|e| crate::Error::io(&path, e))?;
                return Ok(path);
            }
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => continue,
            Err(e) => return Err(crate::Error::io(&path, e)),
        }
    }
    Err(crate::Error::Form(format!(
        "too many forms named to-khai-{}-{stamp} in {}",
        form.id,
        dir.display()
    )))
}

/// Whether a content path is a form file.
pub fn is_form_path(path: &str) -> bool {
    path.strip_prefix("forms/")
        .is_some_and(|name| !name.contains('/') && name.ends_with(".toml"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn segments_split_fields_and_boxes() {
        let s = segments("Kính gửi(1): {kinh_gui} Có {ban_sao=yes}").unwrap_or_default();
        assert_eq!(
            s,
            vec![
                Segment::Text {
                    text: "Kính gửi(1):".into()
                },
                Segment::Field {
                    name: "kinh_gui".into()
                },
                Segment::Text { text: "Có".into() },
                Segment::Box {
                    name: "ban_sao".into(),
                    value: "yes".into()
                },
            ]
        );
        assert!(segments("Họ {ten").is_err());
    }

    #[test]
    fn a_layout_naming_an_unknown_field_is_refused() {
        let text = r#"
id = "x"
title = "T"
source = "S"
circular = "1/2020/TT-BTP"
effective = 2020-01-01
[[field]]
name = "a"
type = "text"
label = "A"
group = "G"
help = "h"
help_en = "h"
[[line]]
text = "A: {b}"
"#;
        let problems = parse_form("forms/x.toml", text).err().unwrap_or_default();
        let all = problems
            .iter()
            .map(|p| p.message.clone())
            .collect::<Vec<_>>()
            .join("\n");
        assert!(all.contains("unknown field `{b}`"), "{all}");
        assert!(all.contains("field `a` is not printed"), "{all}");
    }

    #[test]
    fn a_table_body_holds_field_places_one_cell_per_column() {
        let head = r#"
id = "x"
title = "T"
source = "S"
circular = "1/2020/TT-BTP"
[[field]]
name = "a"
type = "name"
label = "A"
group = "G"
help = "h"
help_en = "h"
[[field]]
name = "b"
type = "name"
label = "B"
group = "G"
help = "h"
help_en = "h"
[[line]]
table = ["Thông tin", "Bên nữ", "Bên nam"]
"#;
        let form = parse_form(
            "forms/x.toml",
            &format!("{head}body = [[\"Họ, chữ đệm, tên\", \"{{a}}\", \"{{b}}\"]]\n"),
        )
        .unwrap_or_else(|p| panic!("{p:?}"));
        assert_eq!(
            form.labels(),
            vec![
                vec!["Thông tin", "Bên nữ", "Bên nam"],
                vec!["Họ, chữ đệm, tên", "", ""],
            ]
        );
        match &form.lines[0] {
            Line::Table { rows, body, .. } => assert_eq!((*rows, body.len()), (1, 1)),
            l => panic!("{l:?}"),
        }
        let bad = parse_form(
            "forms/x.toml",
            &format!("{head}body = [[\"Họ\", \"{{a}}\"]]\n"),
        )
        .err()
        .unwrap_or_default();
        let all = bad.iter().map(|p| p.message.clone()).collect::<Vec<_>>();
        assert!(
            all.iter().any(|m| m.contains("has 2 cells for 3 columns")),
            "{all:?}"
        );
        assert!(
            all.iter().any(|m| m.contains("field `b` is not printed")),
            "{all:?}"
        );
    }

    #[test]
    fn the_bundled_forms_parse() {
        for (path, text) in [
            (
                "forms/ct01.toml",
                include_str!("../../content/forms/ct01.toml"),
            ),
            (
                "forms/khai-sinh.toml",
                include_str!("../../content/forms/khai-sinh.toml"),
            ),
            (
                "forms/ket-hon.toml",
                include_str!("../../content/forms/ket-hon.toml"),
            ),
        ] {
            if let Err(p) = parse_form(path, text) {
                panic!("{path}: {p:?}");
            }
        }
    }
}
