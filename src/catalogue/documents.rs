//! "Thành phần hồ sơ": the documents checklist.
//!
//! The portal's table is flattened: an optional group title ("* Giấy tờ phải nộp:", "--" for none),
//! the header `Tên giấy tờMẫu đơn, tờ khaiSố lượng`, then per row the document name, the file name of
//! its form when there is one (`Mau NA20-BCA.docx`), and the quantity cell (`1 bản chính`,
//! `0 bản chính,1 bản sao`) glued to the next row. Several groups follow each other the same way.
//! Text without that header is read line by line instead: `* …:` starts a group, `- ` an item.

use super::clean::{capitalize, is_no_info, one_line, strip_bullet};

/// The flattened header row.
pub(crate) const HEADER: &str = "Tên giấy tờMẫu đơn, tờ khaiSố lượng";

/// The single item written when the record lists no document.
pub(crate) const PLACEHOLDER: &str = "Không có thông tin về thành phần hồ sơ";

/// Extensions of form files attached to a row, longest first.
const EXTENSIONS: [&str; 8] = [
    ".docx", ".doc", ".pdf", ".xlsx", ".xls", ".odt", ".rar", ".zip",
];

/// A document group ready to be written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Group {
    /// The level-3 heading ("Giấy tờ phải nộp", "Trường hợp …").
    pub(crate) heading: String,
    pub(crate) items: Vec<Item>,
}

/// One document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Item {
    pub(crate) text: String,
    /// The quantity in our words ("1 bản chính", "1 bản chính hoặc bản sao").
    pub(crate) quantity: Option<String>,
}

/// The parsed checklist.
#[derive(Debug, Default)]
pub(crate) struct Parsed {
    pub(crate) groups: Vec<Group>,
    /// Rows with quantity 0, "Lưu ý" groups and text after the last row: they go to "## Lưu ý".
    pub(crate) notes: Vec<String>,
    /// True when some text could not be read as documents with quantities.
    pub(crate) unparsed: bool,
    /// Rows whose form file name was separated from the document name.
    pub(crate) templates: usize,
}

impl Parsed {
    /// Number of documents.
    pub(crate) fn item_count(&self) -> usize {
        self.groups.iter().map(|g| g.items.len()).sum()
    }
}

/// A quantity cell found in the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Cell {
    start: usize,
    end: usize,
    originals: u32,
    copies: Option<u32>,
}

impl Cell {
    fn is_zero(&self) -> bool {
        self.originals == 0 && self.copies.unwrap_or(0) == 0
    }

    /// "(1 bản chính)", "(1 bản chính hoặc bản sao)", "(2 bản sao)".
    fn words(&self) -> Option<String> {
        match (self.originals, self.copies.unwrap_or(0)) {
            (0, 0) => None,
            (n, 0) => Some(format!("{n} bản chính")),
            (0, m) => Some(format!("{m} bản sao")),
            (n, m) if n == m => Some(format!("{n} bản chính hoặc bản sao")),
            (n, m) => Some(format!("{n} bản chính hoặc {m} bản sao")),
        }
    }
}

/// Parses the documents field.
pub(crate) fn parse(text: &str) -> Parsed {
    if is_no_info(text) {
        return Parsed::default();
    }
    if text.contains(HEADER) {
        parse_table(text)
    } else {
        parse_lines(text)
    }
}

/// Whether a row's own text gives a quantity ("Tờ khai hải quan: 02 bản chính;").
fn states_quantity(text: &str) -> bool {
    text.match_indices(" bản")
        .any(|(i, _)| text[..i].ends_with(|c: char| c.is_ascii_digit()))
}

fn parse_table(text: &str) -> Parsed {
    let mut out = Parsed::default();
    // Rows with quantity 0: notes, unless they turn out to be the only rows.
    let mut zero_rows: Vec<String> = Vec::new();
    let parts: Vec<&str> = text.split(HEADER).collect();
    let mut title = parts.first().copied().unwrap_or("").to_string();
    let last = parts.len().saturating_sub(1);
    for (i, part) in parts.iter().enumerate().skip(1) {
        let cells = find_cells(part);
        let mut group = Vec::new();
        let mut prev = 0;
        for cell in &cells {
            let raw = &part[prev..cell.start];
            prev = cell.end;
            let (text, template) = clean_item(raw);
            if text.is_empty() {
                continue;
            }
            out.templates += usize::from(template);
            if cell.is_zero() && states_quantity(&text) {
                // The portal puts 0 when the quantity is written in the row itself.
                group.push(Item {
                    text,
                    quantity: None,
                });
            } else if cell.is_zero() {
                zero_rows.push(text);
            } else {
                group.push(Item {
                    text,
                    quantity: cell.words(),
                });
            }
        }
        let tail = &part[prev..];
        let next_title = if i < last {
            tail.to_string()
        } else {
            // A title with no table after it: a remark about the whole checklist.
            let (text, template) = clean_item(tail);
            if !text.is_empty() {
                out.templates += usize::from(template);
                out.notes.push(text);
            }
            String::new()
        };
        add_group(&mut out, &title, group);
        title = next_title;
    }
    if out.item_count() == 0 && !zero_rows.is_empty() {
        // Every row says 0: they are what the record lists, so they stay documents.
        let items = zero_rows
            .drain(..)
            .map(|text| Item {
                text,
                quantity: None,
            })
            .collect();
        add_group(&mut out, "", items);
    }
    out.notes.extend(zero_rows);
    out
}

/// Adds a group under the heading its title calls for; "Lưu ý" groups become notes.
fn add_group(out: &mut Parsed, title: &str, items: Vec<Item>) {
    let heading = match heading_for(title) {
        Heading::Notes(intro) => {
            out.notes.extend(intro);
            out.notes
                .extend(items.into_iter().map(|i| match i.quantity {
                    Some(q) => format!("{} ({q})", i.text),
                    None => i.text,
                }));
            return;
        }
        Heading::Group(h) => h,
    };
    if items.is_empty() {
        return;
    }
    match out.groups.last_mut() {
        Some(g) if g.heading == heading => g.items.extend(items),
        _ => out.groups.push(Group { heading, items }),
    }
}

enum Heading {
    Group(String),
    Notes(Option<String>),
}

/// The heading for a group title. The handbook allows "Giấy tờ phải nộp…", "Giấy tờ phải xuất trình…"
/// and "Trường hợp…"; other titles are kept after "Giấy tờ phải nộp: ".
fn heading_for(title: &str) -> Heading {
    let t = one_line(title);
    let core = strip_bullet(t.trim_start_matches(['(', '-', ' ']))
        .trim()
        .trim_end_matches([':', ' ', ';', '.'])
        .trim();
    let core = if core.ends_with(')') && core.matches(')').count() > core.matches('(').count() {
        core[..core.len() - 1].trim()
    } else {
        core
    };
    let lower = core.to_lowercase();
    const GENERIC: [&str; 6] = [
        "",
        "thành phần hồ sơ",
        "thành phần hồ sơ gồm",
        "thành phần hồ sơ bao gồm",
        "hồ sơ gồm",
        "hồ sơ bao gồm",
    ];
    if GENERIC.contains(&lower.as_str()) {
        return Heading::Group("Giấy tờ phải nộp".to_string());
    }
    if lower.starts_with("lưu ý") {
        let rest = skip_chars(core, "lưu ý".chars().count())
            .trim_start_matches([':', ' '])
            .trim();
        return Heading::Notes((!rest.is_empty()).then(|| capitalize(rest)));
    }
    for (prefix, keep) in [
        ("giấy tờ phải nộp", true),
        ("các giấy tờ phải nộp", false),
        ("giấy tờ phải xuất trình", true),
        ("các giấy tờ phải xuất trình", false),
        ("trường hợp", true),
    ] {
        if lower.starts_with(prefix) {
            let text = if keep {
                core
            } else {
                skip_chars(core, "các ".chars().count())
            };
            return Heading::Group(capitalize(text));
        }
    }
    if lower.starts_with("xuất trình") {
        return Heading::Group(format!("Giấy tờ phải xuất trình: {core}"));
    }
    // "Đối với trường hợp 1, …", "Đối với cấp mới" read as cases.
    if lower.starts_with("đối với ") {
        let rest = skip_chars(core, "đối với ".chars().count());
        let rest_lower = rest.to_lowercase();
        let rest = if rest_lower.starts_with("trường hợp") {
            skip_chars(rest, "trường hợp".chars().count()).trim_start()
        } else {
            rest
        };
        return Heading::Group(format!("Trường hợp {rest}").trim().to_string());
    }
    Heading::Group(format!("Giấy tờ phải nộp: {core}"))
}

/// `s` without its first `n` characters.
fn skip_chars(s: &str, n: usize) -> &str {
    s.char_indices().nth(n).map_or("", |(i, _)| &s[i..])
}

/// Finds the quantity cells: a single digit, " bản chính", optionally ",N bản sao", glued to what
/// follows (the next row starts right after the cell, or the text ends). A quantity inside a sentence
/// ("nộp 01 bản chính; …", "(01 bản chính)") is followed by a space or punctuation and is not a cell.
fn find_cells(part: &str) -> Vec<Cell> {
    const WORD: &str = " bản chính";
    let mut cells = Vec::new();
    for (at, _) in part.match_indices(WORD) {
        // `to_digit(10)` accepts only ASCII digits, so the digit is one byte long.
        let Some(originals) = part[..at].chars().next_back().and_then(|c| c.to_digit(10)) else {
            continue;
        };
        let digit_at = at - 1;
        if cells.last().is_some_and(|c: &Cell| digit_at < c.end) {
            continue;
        }
        let mut end = at + WORD.len();
        let mut copies = None;
        let after = &part[end..];
        if let Some(rest) = after.strip_prefix(',') {
            let rest_trim = rest.trim_start_matches(' ');
            let n = rest_trim.bytes().take_while(u8::is_ascii_digit).count();
            if n > 0
                && let Some(tail) = rest_trim[n..].strip_prefix(" bản sao")
                && let Ok(m) = rest_trim[..n].parse::<u32>()
            {
                copies = Some(m);
                end = part.len() - tail.len();
            }
        }
        if !ends_cell(&part[end..]) {
            continue;
        }
        cells.push(Cell {
            start: digit_at,
            end,
            originals,
            copies,
        });
    }
    cells
}

/// Whether a quantity is followed by the end or by the next row.
fn ends_cell(after: &str) -> bool {
    let mut chars = after.chars();
    let Some(first) = chars.next() else {
        return true;
    };
    if first.is_whitespace() {
        let rest = after.trim_start();
        let gap = &after[..after.len() - rest.len()];
        return rest.is_empty() || gap.contains(['\t', '\n']);
    }
    if first == ',' {
        return chars.next().is_some_and(char::is_uppercase);
    }
    !matches!(first, ';' | '.' | ':' | ')' | ']' | '}' | '/' | '?' | '!')
}

/// Cleans one row's name: whitespace, bullets, trailing separators, and the form file name moved to
/// "(mẫu: …)". Returns the text and whether a form file was found.
fn clean_item(raw: &str) -> (String, bool) {
    let text = one_line(raw);
    let text = strip_bullet(&text).trim_end_matches([';', ',', ' ']).trim();
    if text.is_empty() || text.chars().all(|c| !c.is_alphanumeric()) {
        return (String::new(), false);
    }
    match split_template(text) {
        Some((name, files)) => (format!("{name} (mẫu: {})", files.join(", ")), true),
        None => (text.to_string(), false),
    }
}

/// Byte offset just past the first form-file extension, and where it starts.
fn first_extension(text: &str) -> Option<(usize, usize)> {
    let lower = text.to_ascii_lowercase();
    let mut best: Option<(usize, usize)> = None;
    for ext in EXTENSIONS {
        for (i, _) in lower.match_indices(ext) {
            let end = i + ext.len();
            // ASCII lowercasing keeps offsets; look at the original to tell "docxMau" from "document".
            let next = text[end..].chars().next();
            if next.is_some_and(|c| c.is_ascii_lowercase()) {
                continue;
            }
            if best.is_none_or(|(s, _)| i < s) {
                best = Some((i, end));
            }
            break;
        }
    }
    best
}

/// Separates "Tên giấy tờ (NA20).Mau NA20-BCA.docx" into the name and the file names. The file name
/// starts at the first glued boundary (".M", "nM", ")M", "CPMẫu") in the 80 characters before the
/// extension; when there is none the text is left whole.
fn split_template(text: &str) -> Option<(String, Vec<String>)> {
    let (ext_start, _) = first_extension(text)?;
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let ext_char = chars.iter().position(|(i, _)| *i == ext_start)?;
    let window = ext_char.saturating_sub(120).max(1);
    let mut start = None;
    for k in window..ext_char {
        let (_, c) = chars[k];
        let (_, p) = chars[k - 1];
        let before_p = if k >= 2 { chars[k - 2].1 } else { ' ' };
        let glued = if c.is_uppercase() {
            let word_follows = chars.get(k + 1).is_some_and(|(_, n)| n.is_lowercase());
            matches!(p, '.' | ';' | ':' | ')')
                || p.is_lowercase()
                || (p.is_ascii_digit() && word_follows)
                || (p.is_uppercase()
                    && chars.get(k + 1).is_some_and(|(_, n)| n.is_lowercase())
                    && before_p.is_uppercase())
        } else if c.is_ascii_digit() && p.is_lowercase() {
            // "theo mẫu quy định1.1. Don de nghi.docx", "cá nhân7-Mẫu NA6.doc", "theo Mẫu247-N-CP.docx".
            let digits = text[chars[k].0..]
                .bytes()
                .take_while(u8::is_ascii_digit)
                .count();
            let after = &text[chars[k].0 + digits..];
            after.starts_with('-')
                || (after.starts_with('.')
                    && after[1..].starts_with(|c: char| c.is_ascii_digit() || c == ' '))
        } else if c.is_alphanumeric() {
            // "…đường sắt.2.1. To trinh.docx", "(mẫu HH3)76-Mẫu HH3.doc", "trắng.mau so 12.doc"; not "1.000".
            matches!(p, '.' | ';' | ')')
                && (before_p.is_alphabetic() || before_p == ')' || p == ')')
        } else {
            false
        };
        if glued {
            start = Some(chars[k].0);
            break;
        }
    }
    // A file name glued to a document number: "Thông tư số 80/2021/TT-BTC01-LP.docx",
    // "…/NĐ-CPmẫu đơn.docx", "…/TT-BNNMT..mẫu 22d sửa.docx".
    let window_start = chars[window].0;
    let after_number = super::legal::numbers(&text[..ext_start])
        .into_iter()
        .map(|n| n.end)
        .filter(|&end| end >= window_start && end < ext_start)
        .find_map(|end| {
            let rest = &text[end..];
            let dots = rest.bytes().take_while(|b| *b == b'.').count();
            rest[dots..]
                .starts_with(char::is_alphanumeric)
                .then_some(end + dots)
        });
    let start = match (start, after_number) {
        (Some(a), Some(b)) => a.min(b),
        (a, b) => a.or(b)?,
    };
    let name = text[..start]
        .trim()
        .trim_end_matches([';', ',', ':'])
        .trim();
    if name.chars().filter(|c| c.is_alphabetic()).count() < 3 {
        return None;
    }
    let mut files = Vec::new();
    let mut rest = &text[start..];
    while let Some((_, end)) = first_extension(rest) {
        let file = rest[..end].trim();
        if !file.is_empty() {
            files.push(file.to_string());
        }
        rest = &rest[end..];
    }
    let rest = rest.trim();
    if !rest.is_empty() {
        files.push(rest.to_string());
    }
    Some((name.to_string(), files))
}

/// Line-based fallback: "* Group:" lines, "- item (1 bản chính)" lines.
fn parse_lines(text: &str) -> Parsed {
    let mut out = Parsed {
        unparsed: true,
        ..Parsed::default()
    };
    let mut title = String::new();
    let mut items: Vec<Item> = Vec::new();
    for line in text.lines().map(str::trim).filter(|l| !l.is_empty()) {
        let is_title = line.starts_with('*') && line.trim_end().ends_with(':');
        if is_title {
            add_group(&mut out, &title, std::mem::take(&mut items));
            title = line.to_string();
            continue;
        }
        let (body, cell) = trailing_quantity(line);
        let (text, template) = clean_item(body);
        if text.is_empty() || is_no_info(&text) {
            continue;
        }
        out.templates += usize::from(template);
        match cell {
            Some(c) if c.is_zero() => out.notes.push(text),
            Some(c) => {
                out.unparsed = false;
                items.push(Item {
                    text,
                    quantity: c.words(),
                });
            }
            None => items.push(Item {
                text,
                quantity: None,
            }),
        }
    }
    add_group(&mut out, &title, items);
    out
}

/// A quantity at the end of a line, with or without parentheses: "Tờ khai 1 bản chính",
/// "Tờ khai (1 bản chính,1 bản sao)".
fn trailing_quantity(line: &str) -> (&str, Option<Cell>) {
    let core = line.trim_end_matches(['.', ';', ' ']);
    let (inner, paren) = match core.strip_suffix(')') {
        Some(s) => match s.rfind('(') {
            Some(open) => (&s[open + 1..], Some(open)),
            None => (core, None),
        },
        None => (core, None),
    };
    let mut cells = find_cells(inner);
    if cells.is_empty() {
        // "N bản sao" alone.
        if let Some(head) = inner.strip_suffix(" bản sao") {
            let n = head.bytes().rev().take_while(u8::is_ascii_digit).count();
            if let Ok(copies) = head[head.len() - n..].parse::<u32>() {
                cells.push(Cell {
                    start: head.len() - n,
                    end: inner.len(),
                    originals: 0,
                    copies: Some(copies),
                });
            }
        }
    }
    match cells.last() {
        Some(c) if c.end == inner.len() && (paren.is_none() || c.start == 0) => {
            let body = match paren {
                Some(open) => &line[..open],
                None => &inner[..c.start],
            };
            (body, Some(*c))
        }
        _ => (line, None),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn item(text: &str, q: Option<&str>) -> Item {
        Item {
            text: text.to_string(),
            quantity: q.map(str::to_string),
        }
    }

    #[test]
    fn table_rows_with_quantities_and_forms() {
        let p = parse(
            "--Tên giấy tờMẫu đơn, tờ khaiSố lượngVăn bản đề nghị hủy tài khoản điện tử (NA20).Mau NA20-BCA.docx1 bản chínhẢnh chụp hiện trạng cây xanh0 bản chính,1 bản saoGiấy khám sức khỏe1 bản chính,1 bản saoSố lượng hồ sơ: 01 (một) bộ.0 bản chính",
        );
        assert!(!p.unparsed);
        assert_eq!(p.groups.len(), 1);
        assert_eq!(p.groups[0].heading, "Giấy tờ phải nộp");
        assert_eq!(
            p.groups[0].items,
            vec![
                item(
                    "Văn bản đề nghị hủy tài khoản điện tử (NA20). (mẫu: Mau NA20-BCA.docx)",
                    Some("1 bản chính")
                ),
                item("Ảnh chụp hiện trạng cây xanh", Some("1 bản sao")),
                item("Giấy khám sức khỏe", Some("1 bản chính hoặc bản sao")),
            ]
        );
        assert_eq!(p.notes, vec!["Số lượng hồ sơ: 01 (một) bộ."]);
        assert_eq!(p.templates, 1);
    }

    #[test]
    fn quantities_inside_sentences_are_not_cells() {
        let p = parse(
            "--Tên giấy tờMẫu đơn, tờ khaiSố lượngHợp đồng bảo đảm (01 bản chính hoặc 01 bản sao có chứng thực)1 bản chínhHàng hóa phải có giấy phép: 01 bản chính; trường hợp khác nộp bản sao1 bản chính",
        );
        let items = &p.groups[0].items;
        assert_eq!(items.len(), 2, "{items:?}");
        assert_eq!(
            items[1].text,
            "Hàng hóa phải có giấy phép: 01 bản chính; trường hợp khác nộp bản sao"
        );
    }

    #[test]
    fn glued_years_and_form_numbers_keep_their_digits() {
        let p = parse(
            "--Tên giấy tờMẫu đơn, tờ khaiSố lượngBáo cáo theo Nghị định số 70/2024/NĐ-CP ngày 25/6/20241 bản chínhĐơn theo Mẫu số 181 bản chính,1 bản sao",
        );
        let items = &p.groups[0].items;
        assert_eq!(
            items[0].text,
            "Báo cáo theo Nghị định số 70/2024/NĐ-CP ngày 25/6/2024"
        );
        assert_eq!(items[1].text, "Đơn theo Mẫu số 18");
        assert_eq!(
            items[1].quantity.as_deref(),
            Some("1 bản chính hoặc bản sao")
        );
    }

    #[test]
    fn several_groups_and_a_notes_group() {
        let p = parse(
            "* Giấy tờ phải nộp:Tên giấy tờMẫu đơn, tờ khaiSố lượngTờ khai1 bản chính* Giấy tờ phải xuất trình:Tên giấy tờMẫu đơn, tờ khaiSố lượngHộ chiếu1 bản chínha) Trường hợp ủy quyền:Tên giấy tờMẫu đơn, tờ khaiSố lượngVăn bản ủy quyền1 bản chính* Lưu ý: mang theo bản chính để đối chiếuTên giấy tờMẫu đơn, tờ khaiSố lượngẢnh 4x61 bản chínhHồ sơ năng lựcTên giấy tờMẫu đơn, tờ khaiSố lượngBáo cáo2 bản chínhĐối với trường hợp 2, hồ sơ bao gồm:Tên giấy tờMẫu đơn, tờ khaiSố lượngĐơn1 bản chính",
        );
        let headings: Vec<&str> = p.groups.iter().map(|g| g.heading.as_str()).collect();
        assert_eq!(
            headings,
            vec![
                "Giấy tờ phải nộp",
                "Giấy tờ phải xuất trình",
                "Trường hợp ủy quyền",
                "Giấy tờ phải nộp: Hồ sơ năng lực",
                "Trường hợp 2, hồ sơ bao gồm"
            ]
        );
        assert_eq!(
            p.notes,
            vec!["Mang theo bản chính để đối chiếu", "Ảnh 4x6 (1 bản chính)"]
        );
        assert_eq!(
            p.groups[3].items[0].quantity.as_deref(),
            Some("2 bản chính")
        );
    }

    #[test]
    fn zero_rows_stating_their_quantity_or_alone_stay_documents() {
        let p = parse(
            "--Tên giấy tờMẫu đơn, tờ khaiSố lượnga) Tờ khai hải quan: 02 bản chính;0 bản chínhb) Văn bản xác nhận: 01 bản chụp.0 bản chínhHồ sơ nộp một lần.0 bản chính",
        );
        assert_eq!(
            p.groups[0].items,
            vec![
                item("Tờ khai hải quan: 02 bản chính", None),
                item("Văn bản xác nhận: 01 bản chụp.", None),
            ]
        );
        assert_eq!(p.notes, vec!["Hồ sơ nộp một lần."]);
        let p = parse(
            "--Tên giấy tờMẫu đơn, tờ khaiSố lượngDo Ủy ban nhân dân cấp tỉnh quy định0 bản chính",
        );
        assert_eq!(
            p.groups[0].items,
            vec![item("Do Ủy ban nhân dân cấp tỉnh quy định", None)]
        );
        assert!(p.notes.is_empty());
    }

    #[test]
    fn line_format_fallback() {
        let p = parse(
            "* Giấy tờ phải nộp:\n- Tờ khai theo mẫu (1 bản chính)\n- Giấy tờ chứng minh 1 bản chính,1 bản sao\n- Bản chụp hộ chiếu (2 bản sao)\n- Giấy tờ khác 0 bản sao\n* Giấy tờ phải xuất trình:\n- Căn cước",
        );
        assert!(!p.unparsed);
        assert_eq!(p.groups.len(), 2);
        assert_eq!(
            p.groups[0].items,
            vec![
                item("Tờ khai theo mẫu", Some("1 bản chính")),
                item("Giấy tờ chứng minh", Some("1 bản chính hoặc bản sao")),
                item("Bản chụp hộ chiếu", Some("2 bản sao")),
            ]
        );
        assert_eq!(p.notes, vec!["Giấy tờ khác"]);
        assert_eq!(p.groups[1].items, vec![item("Căn cước", None)]);
    }

    #[test]
    fn empty_and_unreadable_text() {
        assert_eq!(parse("--").item_count(), 0);
        assert_eq!(parse("Không có thông tin").item_count(), 0);
        let p = parse("KQ.G04.000398");
        assert!(p.unparsed);
        assert_eq!(p.item_count(), 1);
    }

    #[test]
    fn form_files_after_punctuation() {
        let (text, found) =
            clean_item("Tờ trình điều chỉnh kế hoạch bảo trì.2.1. To trinh ke hoach bao tri.docx");
        assert!(found);
        assert_eq!(
            text,
            "Tờ trình điều chỉnh kế hoạch bảo trì. (mẫu: 2.1. To trinh ke hoach bao tri.docx)"
        );
        let (text, _) = clean_item(
            "Danh sách thuyền viên theo mẫu;MauDanhsachthuyenvien.docxMauDanhsachhanhkhach.docx",
        );
        assert_eq!(
            text,
            "Danh sách thuyền viên theo mẫu (mẫu: MauDanhsachthuyenvien.docx, MauDanhsachhanhkhach.docx)"
        );
        let (text, _) =
            clean_item("Đơn đăng ký theo Phụ lục 1B kèm theo Thông tư 12/2022/TT-NHNN.docx");
        assert!(!text.contains("(mẫu: B"), "{text}");
        let (text, _) = clean_item("Biên bản giám định (mẫu BB2)78-Mẫu BB2-Biên bản.doc");
        assert_eq!(
            text,
            "Biên bản giám định (mẫu BB2) (mẫu: 78-Mẫu BB2-Biên bản.doc)"
        );
    }

    #[test]
    fn form_files_glued_to_a_number_or_a_document_number() {
        // Rows of the June 2026 crawl (1.008325, 1.004685 and others).
        let (text, found) = clean_item(
            "Đơn đề nghị cấp giấy phép kết nối của chủ đầu tư theo mẫu quy định1.1. Don de nghi ket noi ray.docx",
        );
        assert!(found);
        assert_eq!(
            text,
            "Đơn đề nghị cấp giấy phép kết nối của chủ đầu tư theo mẫu quy định (mẫu: 1.1. Don de nghi ket noi ray.docx)"
        );
        let (text, _) = clean_item(
            "Tờ khai lệ phí theo mẫu số 01/LP tại Phụ lục II ban hành kèm theo Thông tư số 80/2021/TT-BTC01-LP.docx",
        );
        assert_eq!(
            text,
            "Tờ khai lệ phí theo mẫu số 01/LP tại Phụ lục II ban hành kèm theo Thông tư số 80/2021/TT-BTC (mẫu: 01-LP.docx)"
        );
        let (text, _) = clean_item(
            "Tờ khai đề nghị cấp giấy thông hành biên giới (mẫu TK6 ban hành theo Thông tư số 42/2011/TT-BCA, ngày 29/6/2011 của Bộ Công an), có xác nhận của cơ quan quản lý trực tiếp18-Mẫu TK8.doc",
        );
        assert!(
            text.ends_with("quản lý trực tiếp (mẫu: 18-Mẫu TK8.doc)"),
            "{text}"
        );
        let (text, _) = clean_item(
            "Trường hợp cơ sở đang hoạt động: mẫu quy định tại Mẫu số 22d Phụ lục kèm theo Thông tư số 09/2026/TT-BNNMT..mẫu 22d sửa.docx",
        );
        assert!(
            text.ends_with("09/2026/TT-BNNMT.. (mẫu: mẫu 22d sửa.docx)"),
            "{text}"
        );
        // A document number right before the extension is not a file name.
        let (text, found) = clean_item("Đơn theo Thông tư 12/2022/TT-NHNN.docx");
        assert!(!found, "{text}");
    }

    #[test]
    fn form_files_without_a_boundary_stay_in_the_text() {
        let (text, found) =
            clean_item("Đơn đề nghị cấp lại chứng chỉ đường bộvăn bản đề nghị.docx");
        assert!(!found);
        assert!(text.ends_with(".docx"));
        let (text, found) = clean_item(
            "Đơn đề nghị cấp giấy phép theo Mẫu số 01 của Nghị định số 258/2025/NĐ-CPMẫu số 01.docx",
        );
        assert!(found);
        assert_eq!(
            text,
            "Đơn đề nghị cấp giấy phép theo Mẫu số 01 của Nghị định số 258/2025/NĐ-CP (mẫu: Mẫu số 01.docx)"
        );
    }
}
