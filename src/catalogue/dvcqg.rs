//! One record of the national portal (Cổng Dịch vụ công quốc gia) turned into a guide draft.
//!
//! The crawler cut the page into fields at the first occurrence of each label, so a record whose steps
//! mention "Thành phần hồ sơ" has its sections shifted. The page text (`raw_text`) is complete, and its
//! labels come in a fixed order, so the long sections are re-cut from it when its labels are found.

use serde_json::{Map, Value};

use crate::guide::Level;
use crate::guide::parse::is_valid_code;
use crate::text::fold;

use super::SkipReason;
use super::channels::{self, Out as ChannelOut};
use super::clean::{NO_INFO, capitalize, is_no_info, one_line, prepare};
use super::documents::{self, Group, Item};
use super::fields;
use super::legal;

/// A guide before it is written: what [`super::convert`] read from one record.
#[derive(Debug, Clone)]
pub struct Draft {
    pub(crate) code: String,
    pub(crate) title: String,
    pub(crate) official_title: String,
    /// Shorter names derived from the title for matching (the action without its qualifier).
    pub(crate) aliases: Vec<String>,
    /// The ministry whose part of the catalogue lists it.
    pub(crate) ministry: Option<String>,
    pub(crate) summary: String,
    pub(crate) field: String,
    pub(crate) field_slug: String,
    pub(crate) levels: Vec<Level>,
    pub(crate) agency: String,
    pub(crate) applicants: Vec<String>,
    pub(crate) decision: String,
    pub(crate) results: Vec<String>,
    pub(crate) legal_basis: Vec<String>,
    /// The related-procedures cell, resolved against the whole import later.
    pub(crate) related_text: String,
    pub(crate) portal_url: Option<String>,
    pub(crate) channels: Vec<ChannelOut>,
    pub(crate) documents: Vec<Group>,
    pub(crate) steps: Vec<String>,
    pub(crate) conditions: Vec<String>,
    pub(crate) notes: Vec<String>,
    pub(crate) flags: Flags,
}

impl Draft {
    /// The national code.
    pub fn code(&self) -> &str {
        &self.code
    }

    /// The levels the procedure is done at.
    pub fn levels(&self) -> &[Level] {
        &self.levels
    }

    /// The folder of its field (`ho-tich`), where an import writes it.
    pub fn field_slug(&self) -> &str {
        &self.field_slug
    }

    /// What could not be read in the record.
    pub fn flags(&self) -> &Flags {
        &self.flags
    }
}

/// How well a field was read.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Status {
    /// Parsed.
    #[default]
    Ok,
    /// Empty or "Không có thông tin" in the record: a placeholder was written.
    Missing,
    /// Text that could not be parsed, kept as written (or replaced by a placeholder).
    Unparsed,
}

/// What could not be read in a record.
#[derive(Debug, Clone, Default)]
pub struct Flags {
    /// The documents checklist ("Thành phần hồ sơ").
    pub documents: Status,
    /// The channels with time and fee ("Cách thức thực hiện").
    pub channels: Status,
    /// The legal basis ("Căn cứ pháp lý").
    pub legal_basis: Status,
    /// The steps ("Trình tự thực hiện").
    pub steps: Status,
    /// The levels ("Cấp thực hiện").
    pub levels: Status,
    /// The results ("Kết quả").
    pub results: Status,
    /// Sections were re-cut from the page text and differ from the crawler's fields.
    pub recovered: bool,
    /// Form file names separated from document names.
    pub templates: usize,
    /// Channels whose "Miễn phí" contradicts a fee set by the provincial council.
    pub council_fee: bool,
}

/// Parentheticals longer than this are lists of cases ("(Công trình không theo tuyến/Theo tuyến trong đô
/// thị/…)") that the official title keeps and the short title leaves out.
const LONG_ASIDE_CHARS: usize = 40;

/// Words that start a qualifier after the action ("Cấp giấy phép xây dựng mới *đối với* công trình …").
const QUALIFIERS: [&str; 4] = [
    " đối với ",
    " trong trường hợp ",
    " trong các trường hợp ",
    " tại ",
];

/// The short title of a record and the names derived from it for matching. The portal's title keeps
/// "Thủ tục", where the procedure is done ("(thực hiện tại cấp tỉnh)") and long lists of cases; they
/// dilute a title match and the official title still has them. When a qualifier follows the action,
/// the action alone becomes an alias, so that twins differing only by the qualifier are both found and
/// the ranking's level and audience prior decides between them.
pub(crate) fn short_title(official: &str) -> (String, Vec<String>) {
    let mut t = official.trim().to_string();
    for prefix in ["Thủ tục ", "thủ tục ", "TTHC "] {
        if let Some(rest) = t.strip_prefix(prefix) {
            t = rest.trim().to_string();
        }
    }
    // Drop the level asides and the long lists of cases.
    let mut out = String::with_capacity(t.len());
    let mut rest = t.as_str();
    while let Some(open) = rest.find('(') {
        let Some(close) = rest[open..].find(')').map(|c| open + c) else {
            break;
        };
        let inside = &rest[open + 1..close];
        let lower = inside.to_lowercase();
        let level_aside = lower.starts_with("thực hiện tại")
            || lower.starts_with("thực hiện ở")
            || lower.starts_with("cấp ")
            || lower == "cấp tw";
        out.push_str(&rest[..open]);
        if !(level_aside || inside.chars().count() > LONG_ASIDE_CHARS) {
            out.push_str(&rest[open..=close]);
        }
        rest = &rest[close + 1..];
    }
    out.push_str(rest);
    let title = capitalize(&out.split_whitespace().collect::<Vec<_>>().join(" "));
    let title = title.trim_end_matches(['.', ';', ',']).trim().to_string();
    if title.is_empty() {
        return (official.trim().to_string(), Vec::new());
    }
    let aliases = QUALIFIERS
        .iter()
        .filter_map(|q| title.find(q))
        .min()
        .map(|cut| title[..cut].trim().to_string())
        .filter(|head| head.split_whitespace().count() >= 3 && *head != title)
        .into_iter()
        .collect();
    (title, aliases)
}

/// The ministry named by the crawl's folder key (`bo`).
fn ministry(folder: &str) -> Option<String> {
    let name = match folder.trim() {
        "" => return None,
        "bo-tu-phap" => "Bộ Tư pháp",
        "bo-cong-an" => "Bộ Công an",
        "bo-xay-dung" => "Bộ Xây dựng",
        "bo-tai-chinh" => "Bộ Tài chính",
        "bo-nong-nghiep-mt" => "Bộ Nông nghiệp và Môi trường",
        "ngan-hang-nha-nuoc" => "Ngân hàng Nhà nước Việt Nam",
        "toa-an-nhan-dan" => "Tòa án nhân dân tối cao",
        other => other,
    };
    Some(name.to_string())
}

/// A record of the crawl, read field by field.
struct Record<'a>(&'a Map<String, Value>);

impl Record<'_> {
    /// A value as written ("" when absent; numbers as written): for keys that are not prose, such as
    /// the folder key and the URL, which the HTML clean-up must not touch.
    fn raw(&self, key: &str) -> String {
        match self.0.get(key) {
            Some(Value::String(s)) => s.clone(),
            Some(Value::Number(n)) => n.to_string(),
            _ => String::new(),
        }
    }

    /// A value as prose: NFC, HTML removed, the portal's whitespace tidied ([`prepare`]), because every
    /// text field arrives with the page's markup and line breaks.
    fn text(&self, key: &str) -> String {
        prepare(&self.raw(key))
    }
}

/// The long sections of a record.
#[derive(Debug, Default, PartialEq, Eq)]
struct Sections {
    steps: String,
    channels: String,
    documents: String,
    legal: String,
    agency: String,
    conditions: String,
    results: Option<String>,
}

impl Sections {
    /// The sections as the crawler cut them into fields: the fallback when the page text cannot be cut.
    fn from_fields(record: &Record<'_>) -> Self {
        Sections {
            steps: record.text("trinh_tu_thuc_hien"),
            channels: record.text("cach_thuc_thuc_hien"),
            documents: record.text("thanh_phan_ho_so"),
            legal: record.text("can_cu_phap_ly"),
            agency: record.text("co_quan_thuc_hien"),
            conditions: record.text("yeu_cau_dieu_kien"),
            results: Some(record.text("ket_qua_xu_ly")),
        }
    }

    /// True when both cuts read the same, whitespace aside. The conditions and results are compared
    /// without the page chrome that follows them on the page (and is not part of the crawler's field),
    /// so that only a real shift counts as a recovery.
    fn same_as(&self, other: &Sections) -> bool {
        let chrome =
            |s: &Option<String>| fields::cut_chrome(s.as_deref().unwrap_or("")).to_string();
        same(&self.steps, &other.steps)
            && same(&self.channels, &other.channels)
            && same(&self.documents, &other.documents)
            && same(&self.legal, &other.legal)
            && same(&self.agency, &other.agency)
            && same(
                fields::cut_chrome(&self.conditions),
                fields::cut_chrome(&other.conditions),
            )
            && same(&chrome(&self.results), &chrome(&other.results))
    }
}

/// Labels of the page text, in page order.
const STEPS: &str = "Trình Tự Thực Hiện";
const CHANNELS: &str = "Cách Thức Thực Hiện";
const DOCUMENTS: &str = "Thành phần hồ sơ";
const LEGAL: &str = "Căn cứ pháp lý";
const AGENCY: &str = "Cơ quan thực hiện";
const CONDITIONS: &str = "Yêu cầu, điều kiện thực hiện";
const RESULTS: &str = "Kết quả xử lý";

/// Cuts the page text at its labels; `None` when a label is missing or out of order.
fn sections_from_page(raw: &str) -> Option<Sections> {
    let find = |label: &str, from: usize| raw.get(from..)?.find(label).map(|i| from + i);
    let a = find(STEPS, 0)?;
    let b = find(CHANNELS, a + STEPS.len())?;
    let c = find(DOCUMENTS, b + CHANNELS.len())?;
    let d = find(LEGAL, c + DOCUMENTS.len())?;
    let e = find(AGENCY, d + LEGAL.len())?;
    let f = find(CONDITIONS, e + AGENCY.len())?;
    let g = find(RESULTS, f + CONDITIONS.len());
    let cut = |from: usize, to: usize| raw.get(from..to).unwrap_or("").trim().to_string();
    Some(Sections {
        steps: cut(a + STEPS.len(), b),
        channels: cut(b + CHANNELS.len(), c),
        documents: cut(c + DOCUMENTS.len(), d),
        legal: cut(d + LEGAL.len(), e),
        agency: cut(e + AGENCY.len(), f),
        conditions: cut(f + CONDITIONS.len(), g.unwrap_or(raw.len())),
        results: g.map(|g| cut(g + RESULTS.len(), raw.len())),
    })
}

/// True when two texts differ only in whitespace: the crawler and the page text break lines
/// differently, which is no shift.
fn same(a: &str, b: &str) -> bool {
    let squash = |s: &str| s.chars().filter(|c| !c.is_whitespace()).collect::<String>();
    squash(a) == squash(b)
}

/// The long sections to read, and whether they were re-cut from the page text and differ from the
/// crawler's fields. The page text is preferred because its labels come in a fixed order, while the
/// crawler cut at the first occurrence of each label; a page without a results label keeps the
/// crawler's results.
fn sections(record: &Record<'_>) -> (Sections, bool) {
    let from_fields = Sections::from_fields(record);
    match sections_from_page(&record.text("raw_text")) {
        Some(mut page) => {
            if page.results.is_none() {
                page.results.clone_from(&from_fields.results);
            }
            let recovered = !page.same_as(&from_fields);
            (page, recovered)
        }
        None => (from_fields, false),
    }
}

/// The record's national code, or why the record is not a procedure: the code names the guide's file
/// and links guides together, so a record without a valid one cannot be imported.
fn code(record: &Record<'_>) -> Result<String, SkipReason> {
    let code = one_line(&record.text("ma_thu_tuc"));
    if code.is_empty() {
        Err(SkipReason::MissingCode)
    } else if !is_valid_code(&code) {
        Err(SkipReason::InvalidCode)
    } else {
        Ok(code)
    }
}

/// The official title, the short title and its aliases. A record without a title still gets one built
/// from its code, so that the guide has a heading to be listed under.
fn titles(record: &Record<'_>, code: &str) -> (String, String, Vec<String>) {
    let official = match one_line(&record.text("ten_thu_tuc")) {
        t if t.is_empty() => format!("Thủ tục {code}"),
        t => t,
    };
    let (title, aliases) = short_title(&official);
    (official, title, aliases)
}

/// The field ("Lĩnh vực"); records without one are grouped under "Chưa phân loại" so that every guide
/// has a folder.
fn field(record: &Record<'_>) -> String {
    match one_line(&record.text("linh_vuc")) {
        f if is_no_info(&f) => "Chưa phân loại".to_string(),
        f => f,
    }
}

/// The levels ("Cấp thực hiện") and how well they were read: a name that is no known level is
/// reported rather than guessed, since the level filters the app's search.
fn levels(text: &str) -> (Vec<Level>, Status) {
    let (levels, unknown) = fields::levels(text);
    let status = if is_no_info(text) {
        Status::Missing
    } else if unknown > 0 {
        Status::Unparsed
    } else {
        Status::Ok
    };
    (levels, status)
}

/// The agency: the one the page text names under its label, else the crawler's agency field, else the
/// competent authority, because a shifted record may have an empty cell where another still names it.
fn agency(record: &Record<'_>, from_sections: &str) -> String {
    [
        from_sections.to_string(),
        record.text("co_quan_thuc_hien"),
        record.text("co_quan_co_tham_quyen"),
    ]
    .into_iter()
    .map(|a| one_line(&a))
    .find(|a| !is_no_info(a))
    .unwrap_or_else(|| NO_INFO.to_string())
}

/// The number of the decision that published the procedure, or the placeholder, so that the guide's
/// source line always has a value.
fn decision(record: &Record<'_>) -> String {
    match one_line(&record.text("so_quyet_dinh")) {
        d if is_no_info(&d) => NO_INFO.to_string(),
        d => d,
    }
}

/// The portal page of the record, kept only when it is a plain web address: the app opens it as a
/// link, and a malformed one would be a broken link.
fn portal_url(record: &Record<'_>) -> Option<String> {
    Some(one_line(&record.raw("detail_url")))
        .filter(|u| u.starts_with("https://") || u.starts_with("http://"))
        .filter(|u| !u.contains(char::is_whitespace))
}

/// The results ("Kết quả"); the placeholder when none is read, because a guide always says what one
/// receives.
fn results(text: &str) -> (Vec<String>, Status) {
    let mut results = fields::results(text);
    if results.is_empty() {
        results.push(NO_INFO.to_string());
        return (results, Status::Missing);
    }
    (results, Status::Ok)
}

/// The legal basis ("Căn cứ pháp lý"), one entry per document; the placeholder when none is read.
/// Text that is no document is kept as written and flagged, so that nothing the record cites is lost.
fn legal_basis(text: &str) -> (Vec<String>, Status) {
    let legal = legal::parse(text);
    if legal.entries.is_empty() {
        return (vec![NO_INFO.to_string()], Status::Missing);
    }
    let status = if legal.unparsed {
        Status::Unparsed
    } else {
        Status::Ok
    };
    (legal.entries, status)
}

/// The channels with time and fee ("Cách thức thực hiện"). Text that belongs to no row is not
/// dropped: it becomes the note of the first channel, or of a placeholder channel when no row is read.
fn channels(text: &str) -> (Vec<ChannelOut>, Status) {
    let parsed = channels::parse(text);
    let mut channels = channels::build(&parsed.rows);
    let status = channels_status(&channels, &parsed.leftover);
    if channels.is_empty() {
        channels.push(placeholder_channel(&parsed.leftover));
    } else if !parsed.leftover.is_empty()
        && let Some(first) = channels.first_mut()
    {
        first.note = Some(match first.note.take() {
            Some(n) => format!("{} {n}", parsed.leftover),
            None => parsed.leftover.clone(),
        });
    }
    (channels, status)
}

/// How well the channels were read: missing when the record says nothing, unparsed when some text
/// belongs to no row (it is kept, but someone should look).
fn channels_status(channels: &[ChannelOut], leftover: &str) -> Status {
    if channels.is_empty() && is_no_info(leftover) {
        Status::Missing
    } else if channels.is_empty() || !leftover.is_empty() {
        Status::Unparsed
    } else {
        Status::Ok
    }
}

/// The channel written when no row is read: in person, time and fee unknown, with the unread text as
/// its note, because a guide always says how to submit.
fn placeholder_channel(leftover: &str) -> ChannelOut {
    ChannelOut {
        kind: crate::guide::ChannelKind::TrucTiep,
        time: NO_INFO.to_string(),
        fee: NO_INFO.to_string(),
        note: (!is_no_info(leftover)).then(|| leftover.to_string()),
        council_fee: false,
    }
}

/// The documents checklist read from a record.
struct Checklist {
    /// The groups of documents, or one group with the placeholder.
    groups: Vec<Group>,
    /// What goes to "## Lưu ý".
    notes: Vec<String>,
    /// Rows whose form file name was separated from the document name.
    templates: usize,
    /// How well it was read.
    status: Status,
}

/// The documents checklist ("Thành phần hồ sơ"); one placeholder group when no document is read,
/// because a guide always has a checklist to tick.
fn documents(text: &str) -> Checklist {
    let docs = documents::parse(text);
    let status = if docs.item_count() == 0 && is_no_info(text) {
        Status::Missing
    } else if docs.unparsed || docs.item_count() == 0 {
        Status::Unparsed
    } else {
        Status::Ok
    };
    let groups = if docs.item_count() == 0 {
        vec![Group {
            heading: "Giấy tờ phải nộp".to_string(),
            items: vec![Item {
                text: documents::PLACEHOLDER.to_string(),
                quantity: None,
            }],
        }]
    } else {
        docs.groups
    };
    Checklist {
        groups,
        notes: docs.notes,
        templates: docs.templates,
        status,
    }
}

/// The steps ("Trình tự thực hiện"); a placeholder step when none is read, because a guide always has
/// a procedure to follow.
fn steps(text: &str) -> (Vec<String>, Status) {
    let mut steps = fields::steps(text);
    if !steps.is_empty() {
        return (steps, Status::Ok);
    }
    steps.push(fields::NO_STEPS.to_string());
    let status = if is_no_info(text) {
        Status::Missing
    } else {
        Status::Unparsed
    };
    (steps, status)
}

/// The long sections read, with how well each was read (the levels' status is the header's).
struct Body {
    /// The results, or the placeholder.
    results: Vec<String>,
    /// One entry per legal document, or the placeholder.
    legal_basis: Vec<String>,
    /// The channels, or the placeholder channel.
    channels: Vec<ChannelOut>,
    /// The documents checklist and its notes.
    documents: Checklist,
    /// The steps, or the placeholder step.
    steps: Vec<String>,
    /// The conditions ("Yêu cầu, điều kiện"); none when the record has none, and the guide then has no
    /// such section.
    conditions: Vec<String>,
    /// How well each section was read.
    flags: Flags,
}

/// Reads the long sections, each by its own splitter, and gathers their flags in one place so that the
/// report can count them.
fn body(sections: &Sections, recovered: bool) -> Body {
    let (results, results_status) = results(sections.results.as_deref().unwrap_or(""));
    let (legal_basis, legal_status) = legal_basis(&sections.legal);
    let (channels, channels_status) = channels(&sections.channels);
    let documents = documents(&sections.documents);
    let (steps, steps_status) = steps(&sections.steps);
    let flags = Flags {
        documents: documents.status,
        channels: channels_status,
        legal_basis: legal_status,
        steps: steps_status,
        levels: Status::Ok,
        results: results_status,
        recovered,
        templates: documents.templates,
        council_fee: channels.iter().any(|c| c.council_fee),
    };
    Body {
        results,
        legal_basis,
        channels,
        documents,
        steps,
        conditions: fields::conditions(&sections.conditions),
        flags,
    }
}

/// Converts one record, or says why it is skipped.
pub(crate) fn convert(record: &Map<String, Value>) -> Result<Draft, SkipReason> {
    let record = Record(record);
    let code = code(&record)?;
    let (sections, recovered) = sections(&record);
    let mut body = body(&sections, recovered);
    let (official_title, title, aliases) = titles(&record, &code);
    let field = field(&record);
    let (levels, levels_status) = levels(&record.text("cap_thuc_hien"));
    body.flags.levels = levels_status;
    let agency = agency(&record, &sections.agency);
    Ok(Draft {
        field_slug: slug(&field),
        summary: summary(&title, &agency, &body.results),
        code,
        title,
        official_title,
        aliases,
        ministry: ministry(&record.raw("bo")),
        field,
        levels,
        agency,
        applicants: fields::applicants(&record.text("doi_tuong_thuc_hien")),
        decision: decision(&record),
        results: body.results,
        legal_basis: body.legal_basis,
        related_text: record.text("thu_tuc_lien_quan"),
        portal_url: portal_url(&record),
        channels: body.channels,
        documents: body.documents.groups,
        steps: body.steps,
        conditions: body.conditions,
        notes: body.documents.notes,
        flags: body.flags,
    })
}

/// A one-sentence summary in our words: the procedure, where it is done, what one receives.
fn summary(title: &str, agency: &str, results: &[String]) -> String {
    let mut s = title.trim_end_matches('.').to_string();
    let known_agency = !is_no_info(agency);
    if known_agency {
        s.push_str(&format!(": thực hiện tại {agency}"));
    }
    if let Some(r) = results.first().filter(|r| !is_no_info(r)) {
        let r = r.trim_end_matches(['.', ';', ' ']);
        s.push_str(if known_agency {
            "; kết quả: "
        } else {
            ": kết quả: "
        });
        s.push_str(r);
    }
    s.push('.');
    s
}

/// Folder name for a field: folded, lowercase, words joined by `-`.
pub(crate) fn slug(field: &str) -> String {
    let folded = fold(field);
    let mut out = String::new();
    for c in folded.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c);
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
        if out.len() >= 60 {
            break;
        }
    }
    let out = out.trim_end_matches('-').to_string();
    if out.is_empty() {
        "khac".to_string()
    } else {
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn page_sections_in_order() {
        let s = sections_from_page(
            "TênTrình Tự Thực Hiện Bước 1. Lập hồ sơ theo mục Thành phần hồ sơ.\nCách Thức Thực HiệnHình thức nộpThành phần hồ sơ--Tên giấy tờCăn cứ pháp lýKhông có thông tinCơ quan thực hiệnBộ XYêu cầu, điều kiện thực hiệnKhông có thông tinKết quả xử lýGiấy phépMã: KQ.G01.1",
        )
        .expect("sections");
        assert_eq!(s.steps, "Bước 1. Lập hồ sơ theo mục Thành phần hồ sơ.");
        assert_eq!(s.channels, "Hình thức nộp");
        assert_eq!(s.documents, "--Tên giấy tờ");
        assert_eq!(s.agency, "Bộ X");
        assert_eq!(s.results.as_deref(), Some("Giấy phépMã: KQ.G01.1"));
        assert!(sections_from_page("no labels").is_none());
    }

    #[test]
    fn slugs() {
        assert_eq!(slug("Hộ tịch"), "ho-tich");
        assert_eq!(slug("Khiếu nại, tố cáo"), "khieu-nai-to-cao");
        assert_eq!(slug("***"), "khac");
    }

    #[test]
    fn summaries() {
        assert_eq!(
            summary(
                "Đăng ký kết hôn",
                "Ủy ban nhân dân cấp xã",
                &["Giấy chứng nhận kết hôn.".into()]
            ),
            "Đăng ký kết hôn: thực hiện tại Ủy ban nhân dân cấp xã; kết quả: Giấy chứng nhận kết hôn."
        );
        assert_eq!(summary("X", NO_INFO, &[NO_INFO.into()]), "X.");
    }
}
