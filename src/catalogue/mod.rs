//! The national catalogue: procedure records as the national portal publishes them (Cổng Dịch vụ công
//! quốc gia, `dichvucong.gov.vn`; see `/work/shared/corpus/README.md` for the keys), converted into
//! guides in the format of `content/README.md`.
//!
//! The conversion lives in the core, not in the importer, because the app itself converts records: the
//! default handbook carries the catalogue as `national/dvcqg-YYYY-MM.jsonl.gz` and a signed pack may
//! carry a newer one, so a desk reads [`catalogue`] whenever it loads a handbook. The `sotay-import`
//! crate writes the same guides into a handbook folder with a report ([`read`], [`convert`], [`link`],
//! [`render`] are its building blocks), so an imported folder and the app's catalogue never differ.
//!
//! The portal's table cells arrive flattened into runs of text; the splitters for channels, documents,
//! legal basis and results recover the rows, and whatever they cannot read is kept as written and
//! flagged in the draft's [`Flags`].

mod channels;
mod clean;
mod documents;
mod dvcqg;
mod fields;
mod legal;
mod render;
mod source;

use std::collections::{BTreeMap, HashMap, HashSet};
use std::ops::ControlFlow;
use std::path::Path;
use std::time::{SystemTime, UNIX_EPOCH};

use serde::Serialize;
use serde_json::{Map, Value};

use crate::error::{Problem, Result};
use crate::guide::{Guide, Level, parse_guide};
use sha2::{Digest, Sha256};

pub use dvcqg::{Draft, Flags, Status};
pub use source::Entry;

/// Calls `each` for every entry of a records file (`.jsonl`, `.jsonl.gz` or a `.json` array), in order,
/// until it returns `Break`. `progress` receives (bytes of the file read, file size).
pub fn read(
    path: &Path,
    each: &mut dyn FnMut(Entry) -> ControlFlow<()>,
    progress: &mut dyn FnMut(u64, u64),
) -> Result<()> {
    source::read(path, each, progress)
}

/// Converts one record into a draft guide, or says why it is not a procedure.
pub fn convert(record: &Map<String, Value>) -> std::result::Result<Draft, SkipReason> {
    dvcqg::convert(record)
}

/// The guide file (TOML front matter and markdown) of a draft. `related` are the codes [`link`] found
/// for it; `record_date` is the month of the data (`YYYY-MM`).
pub fn render(draft: &Draft, related: &[String], record_date: &str) -> Result<String> {
    render::guide(draft, related, record_date)
}

/// Links the drafts of one import to each other: drops a derived alias that is another record's title,
/// then returns, for each draft, the codes of the other drafts its related-procedures cell names.
pub fn link(drafts: &mut [Draft]) -> Vec<Vec<String>> {
    drop_twin_aliases(drafts);
    resolve_related(drafts)
}

/// A record's code as written, on one line, for a report (`None` without one).
pub fn record_code(record: &Map<String, Value>) -> Option<String> {
    record
        .get("ma_thu_tuc")
        .and_then(|v| v.as_str())
        .map(clean::one_line)
}

/// A record's field value as the conversion sees it: NFC, HTML removed, whitespace collapsed to one
/// line (so that a re-crawl that only re-flows whitespace compares equal).
pub fn field_text(value: &Value) -> String {
    match value {
        Value::String(s) => clean::one_line(&clean::prepare(s)),
        Value::Null => String::new(),
        other => other.to_string(),
    }
}

/// The levels a record's "Cấp thực hiện" text names.
pub fn levels_in(text: &str) -> Vec<Level> {
    fields::levels(text).0
}

/// Why a record was not imported.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum SkipReason {
    /// The record has no procedure code.
    MissingCode,
    /// The code is not a national procedure code like `1.000894`.
    InvalidCode,
    /// An earlier record has the same code.
    DuplicateCode,
    /// The line is not a JSON object.
    InvalidRecord,
}

impl SkipReason {
    /// Vietnamese and English label for reports.
    pub fn label(self) -> &'static str {
        match self {
            SkipReason::MissingCode => "thiếu mã thủ tục / missing code",
            SkipReason::InvalidCode => "mã không hợp lệ / invalid code",
            SkipReason::DuplicateCode => "mã trùng / duplicate code",
            SkipReason::InvalidRecord => "bản ghi hỏng / not a JSON record",
        }
    }
}

/// Records skipped for one reason.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Skipped {
    /// The reason.
    pub reason: SkipReason,
    /// How many records.
    pub count: usize,
    /// The first few, as `line N` or `line N: code`.
    pub examples: Vec<String>,
}

/// Examples kept per skip reason.
pub const MAX_EXAMPLES: usize = 10;

/// The month (`YYYY-MM`) a national catalogue file's name carries, as in `dvcqg-2026-06.jsonl.gz`.
pub fn record_month(name: &str) -> Option<String> {
    let base = name.rsplit(['/', '\\']).next().unwrap_or(name);
    let chars: Vec<char> = base.chars().collect();
    (0..chars.len().saturating_sub(6)).find_map(|i| {
        let candidate: String = chars[i..i + 7].iter().collect();
        let bounded = i == 0 || !chars[i - 1].is_ascii_digit();
        let after_ok = chars.get(i + 7).is_none_or(|c| !c.is_ascii_digit());
        (bounded && after_ok && is_record_month(&candidate)).then_some(candidate)
    })
}

/// Counts a skipped record under its reason, keeping the first few examples.
pub fn record_skip(
    skipped: &mut BTreeMap<SkipReason, Skipped>,
    reason: SkipReason,
    example: String,
) {
    let s = skipped.entry(reason).or_insert(Skipped {
        reason,
        count: 0,
        examples: Vec::new(),
    });
    s.count += 1;
    if s.examples.len() < MAX_EXAMPLES {
        s.examples.push(example);
    }
}

/// `YYYY-MM` with a year from 2000 and a real month.
pub fn is_record_month(s: &str) -> bool {
    let Some((y, m)) = s.split_once('-') else {
        return false;
    };
    y.len() == 4
        && y.parse::<u32>().is_ok_and(|y| (2000..=2999).contains(&y))
        && m.len() == 2
        && m.parse::<u8>().is_ok_and(|m| (1..=12).contains(&m))
}

/// What loading a national catalogue file gave.
#[derive(Debug, Clone, Default)]
pub struct Catalogue {
    /// The guides, one per record, as `sotay import` writes and `sotay check` reads them.
    pub guides: Vec<Guide>,
    /// Records that are not procedures (no or invalid code, duplicate, not JSON), by reason.
    pub skipped: Vec<Skipped>,
    /// Problems that make the file unusable (an unreadable file, a converted record that fails to parse).
    pub problems: Vec<Problem>,
    /// The month of the data (`YYYY-MM`).
    pub record_date: String,
    /// Each converted record's code and the SHA-256 (hex) of its JSON with sorted keys: what a pack's
    /// manifest lists, to tell which procedures of a newer crawl changed.
    pub digests: Vec<(String, String)>,
}

/// Converts a national catalogue file of a handbook (`national/dvcqg-YYYY-MM.jsonl.gz`, records as the
/// national portal publishes them) into guides, exactly as `sotay import` would write them: the default
/// handbook is its edited guides plus these.
pub fn catalogue(path: &str, bytes: &[u8]) -> Catalogue {
    let mut out = Catalogue::default();
    let Some(month) = record_month(path) else {
        out.problems.push(Problem::new(
            path,
            0,
            "a catalogue file is named after its data's month, like dvcqg-2026-06.jsonl.gz",
        ));
        return out;
    };
    out.record_date = month;
    let mut skipped: BTreeMap<SkipReason, Skipped> = BTreeMap::new();
    let mut drafts: Vec<dvcqg::Draft> = Vec::new();
    let mut digests: Vec<(String, String)> = Vec::new();
    let mut seen: HashSet<String> = HashSet::new();
    let read = source::read_bytes(path, bytes, &mut |entry| {
        let (reason, example) = match entry {
            source::Entry::Bad(line, why) => {
                (SkipReason::InvalidRecord, format!("line {line}: {why}"))
            }
            source::Entry::Record(line, map) => match dvcqg::convert(&map) {
                Err(reason) => (reason, format!("line {line}")),
                Ok(d) if !seen.insert(d.code.to_lowercase()) => (
                    SkipReason::DuplicateCode,
                    format!("line {line}: {}", d.code),
                ),
                Ok(d) => {
                    let json = serde_json::to_vec(&map).unwrap_or_default();
                    let digest: String = Sha256::digest(&json)
                        .iter()
                        .map(|b| format!("{b:02x}"))
                        .collect();
                    digests.push((d.code.clone(), digest));
                    drafts.push(d);
                    return ControlFlow::Continue(());
                }
            },
        };
        record_skip(&mut skipped, reason, example);
        ControlFlow::Continue(())
    });
    if let Err(e) = read {
        out.problems.push(Problem::new(path, 0, e.to_string()));
        return out;
    }
    out.skipped = skipped.into_values().collect();
    out.digests = digests;
    drop_twin_aliases(&mut drafts);
    let related = resolve_related(&drafts);
    for (d, r) in drafts.iter().zip(&related) {
        let name = format!("{path}#{}", d.code);
        let parsed = render::guide(d, r, &out.record_date)
            .map_err(|e| vec![Problem::new(&name, 0, e.to_string())])
            .and_then(|text| parse_guide(&name, &text));
        match parsed {
            Ok(g) => out.guides.push(g),
            Err(p) => out.problems.extend(p),
        }
    }
    out
}

/// Drops a derived alias that is another record's title: "Đăng ký kết hôn có yếu tố nước ngoài tại khu
/// vực biên giới" must not also be named "Đăng ký kết hôn có yếu tố nước ngoài", which is its twin's title.
fn drop_twin_aliases(drafts: &mut [dvcqg::Draft]) {
    let titles: HashSet<String> = drafts.iter().map(|d| d.title.to_lowercase()).collect();
    for d in drafts.iter_mut() {
        let own = d.title.to_lowercase();
        d.aliases
            .retain(|a| a.to_lowercase() == own || !titles.contains(&a.to_lowercase()));
    }
}

/// For each draft, the codes of other imported guides its related-procedures cell names, by code or by
/// exact title.
fn resolve_related(drafts: &[dvcqg::Draft]) -> Vec<Vec<String>> {
    let codes: HashSet<&str> = drafts.iter().map(|d| d.code.as_str()).collect();
    let mut by_title: HashMap<String, &str> = HashMap::new();
    for d in drafts {
        for t in [&d.official_title, &d.title] {
            by_title.entry(t.to_lowercase()).or_insert(d.code.as_str());
        }
    }
    drafts
        .iter()
        .map(|d| {
            if clean::is_no_info(&d.related_text) {
                return Vec::new();
            }
            let mut out: Vec<String> = Vec::new();
            let found = fields::codes_in(&d.related_text)
                .into_iter()
                .filter(|c| codes.contains(c.as_str()))
                .chain(
                    fields::names_in(&d.related_text)
                        .into_iter()
                        .filter_map(|n| by_title.get(&n.to_lowercase()).map(|c| c.to_string())),
                );
            for c in found {
                if c != d.code && !out.contains(&c) {
                    out.push(c);
                }
            }
            out
        })
        .collect()
}

/// Today's date in Vietnam (UTC+7) from the system clock, as `YYYY-MM-DD`.
pub fn today() -> String {
    let secs = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    let days = (secs + 7 * 3600) / 86_400;
    let (y, m, d) = civil_from_days(i64::try_from(days).unwrap_or(0));
    format!("{y:04}-{m:02}-{d:02}")
}

/// Days since 1970-01-01 to a proleptic Gregorian date (Howard Hinnant's algorithm).
fn civil_from_days(z: i64) -> (i64, u32, u32) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365;
    let y = yoe + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = if m <= 2 { y + 1 } else { y };
    // `d` is 1..=31 and `m` 1..=12 by construction.
    (
        y,
        u32::try_from(m).unwrap_or(1),
        u32::try_from(d).unwrap_or(1),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn civil_dates() {
        assert_eq!(civil_from_days(0), (1970, 1, 1));
        assert_eq!(civil_from_days(20_635), (2026, 7, 1));
        assert_eq!(civil_from_days(11_016), (2000, 2, 29));
        assert_eq!(civil_from_days(-1), (1969, 12, 31));
        let t = today();
        assert_eq!(t.len(), 10);
        assert!(record_month(&format!("dvcqg-{}.jsonl.gz", &t[..7])).is_some());
    }
}

#[cfg(test)]
mod robustness {
    use proptest::prelude::*;

    use super::*;

    /// Text built from the pieces the splitters look for, glued in any order, plus arbitrary text.
    fn flattened() -> impl Strategy<Value = String> {
        let piece = prop_oneof![
            Just(channels::HEADER.to_string()),
            Just(documents::HEADER.to_string()),
            Just(legal::HEADER.to_string()),
            Just("Trực tiếp".to_string()),
            Just("Trực tuyến".to_string()),
            Just("Dịch vụ bưu chính".to_string()),
            Just("Không có thông tin".to_string()),
            Just("Miễn phí".to_string()),
            Just(" Ngày làm việc".to_string()),
            Just("1 bản chính".to_string()),
            Just(",1 bản sao".to_string()),
            Just("0 bản chính".to_string()),
            Just("/2024/NĐ-CP".to_string()),
            Just("/QĐ-TTg".to_string()),
            Just("QH15".to_string()),
            Just("Mã: KQ.G01.000020".to_string()),
            Just("Từ khóa".to_string()),
            Just("Bước 1.".to_string()),
            Just(".docx".to_string()),
            Just("(".to_string()),
            Just(")".to_string()),
            Just("<script>".to_string()),
            Just("<".to_string()),
            Just("\n- ".to_string()),
            Just("* Lưu ý:".to_string()),
            Just("2026".to_string()),
            "[0-9]{1,6}",
            "[A-ZĐa-zđàáảãạăắằẳẵặâấầẩẫậèéẻẽẹêếềểễệ .,;:/()-]{0,12}",
            any::<String>(),
        ];
        prop::collection::vec(piece, 0..24).prop_map(|v| v.concat())
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(300))]

        #[test]
        fn splitters_never_panic(text in flattened()) {
            let _ = channels::build(&channels::parse(&text).rows);
            let _ = documents::parse(&text);
            let _ = legal::parse(&text);
            let _ = fields::results(&text);
            let _ = fields::steps(&text);
            let _ = fields::conditions(&text);
            let _ = fields::applicants(&text);
            let _ = fields::levels(&text);
            let _ = fields::codes_in(&text);
            let _ = fields::names_in(&text);
            let inline = render::inline(&clean::prepare(&text));
            prop_assert!(!inline.contains('\n'));
            prop_assert!(!clean::prepare(&text).to_lowercase().contains("<script"));
        }

    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(100))]

        #[test]
        fn every_record_with_a_valid_code_renders_a_valid_guide(
            fields in prop::collection::vec(flattened(), 12),
        ) {
            let keys = [
                "ten_thu_tuc", "cap_thuc_hien", "linh_vuc", "doi_tuong_thuc_hien", "trinh_tu_thuc_hien",
                "cach_thuc_thuc_hien", "thanh_phan_ho_so", "can_cu_phap_ly", "co_quan_thuc_hien",
                "yeu_cau_dieu_kien", "ket_qua_xu_ly", "raw_text",
            ];
            let mut map = serde_json::Map::new();
            map.insert("ma_thu_tuc".into(), "1.000894".into());
            for (k, v) in keys.iter().zip(fields) {
                map.insert((*k).into(), v.into());
            }
            let draft = dvcqg::convert(&map).expect("a valid code converts");
            let text = render::guide(&draft, &[], "2026-06").expect("renders");
            let parsed = crate::guide::parse_guide("x.md", &crate::text::normalize(&text));
            prop_assert!(parsed.is_ok(), "{:?}\n{}", parsed.err(), text);
        }
    }
}
