//! What changed between two crawls of the national portal.
//!
//! The content office re-crawls the portal every few months and must know which procedures to
//! re-read before publishing: the ones that appeared, the ones that disappeared and, for the ones
//! that changed, which parts of the record changed (a new fee, another legal basis…). Records are
//! matched by their national code; their fields are compared after the same text hygiene the importer
//! applies (NFC, HTML removed, whitespace collapsed), so a re-crawl that only re-flows whitespace is not
//! a change.

use std::collections::{BTreeMap, HashSet};
use std::ops::ControlFlow;
use std::path::Path;

use serde::Serialize;
use serde_json::{Map, Value};

use sotay::Result;
use sotay::guide::Level;
use sotay::guide::parse::is_valid_code;

use sotay::catalogue::{self, Entry};

/// The page text, which repeats every other field: listed only when nothing else changed.
const PAGE_TEXT: &str = "raw_text";

/// Keys that say nothing about the procedure (the crawler's bookkeeping).
const IGNORED: [&str; 1] = ["formality_id"];

/// A procedure present in only one of the crawls.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Procedure {
    /// The national code.
    pub code: String,
    /// The portal's title.
    pub title: String,
}

/// A procedure whose record differs between the crawls.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Changed {
    /// The national code.
    pub code: String,
    /// The title in the newer crawl.
    pub title: String,
    /// The record keys that differ (`can_cu_phap_ly`, `cach_thuc_thuc_hien`…), in key order.
    pub fields: Vec<String>,
}

/// The differences between an older and a newer crawl.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct CrawlDiff {
    /// Procedures compared in the older crawl.
    pub old_records: usize,
    /// Procedures compared in the newer crawl.
    pub new_records: usize,
    /// In the newer crawl only.
    pub added: Vec<Procedure>,
    /// In the older crawl only.
    pub removed: Vec<Procedure>,
    /// In both, with different records.
    pub changed: Vec<Changed>,
    /// In both, with the same record.
    pub unchanged: usize,
}

/// The Vietnamese label of a record key, for reports ("can_cu_phap_ly" → "Căn cứ pháp lý").
pub fn field_label(key: &str) -> &str {
    match key {
        "ten_thu_tuc" => "Tên thủ tục",
        "so_quyet_dinh" => "Số quyết định",
        "cap_thuc_hien" => "Cấp thực hiện",
        "loai_thu_tuc" => "Loại thủ tục",
        "linh_vuc" => "Lĩnh vực",
        "doi_tuong_thuc_hien" => "Đối tượng thực hiện",
        "co_quan_thuc_hien" => "Cơ quan thực hiện",
        "co_quan_co_tham_quyen" => "Cơ quan có thẩm quyền",
        "co_quan_duoc_uy_quyen" => "Cơ quan được ủy quyền",
        "co_quan_phoi_hop" => "Cơ quan phối hợp",
        "dia_chi_tiep_nhan" => "Địa chỉ tiếp nhận",
        "thu_tuc_lien_quan" => "Thủ tục liên quan",
        "trinh_tu_thuc_hien" => "Trình tự thực hiện",
        "cach_thuc_thuc_hien" => "Cách thức thực hiện (thời hạn, phí, lệ phí)",
        "thanh_phan_ho_so" => "Thành phần hồ sơ",
        "yeu_cau_dieu_kien" => "Yêu cầu, điều kiện",
        "can_cu_phap_ly" => "Căn cứ pháp lý",
        "ket_qua_xu_ly" => "Kết quả",
        "detail_url" => "Địa chỉ trang Cổng",
        "bo" => "Bộ",
        PAGE_TEXT => "Nội dung trang",
        other => other,
    }
}

/// A record reduced to what is compared: its fields as normalized text.
struct Record {
    title: String,
    levels: Vec<Level>,
    fields: BTreeMap<String, String>,
}

/// The procedures of one crawl by code (the first record of a code wins, as in an import). Records
/// without a valid code are left out.
fn load(path: &Path, progress: &mut dyn FnMut(u64, u64)) -> Result<BTreeMap<String, Record>> {
    let mut out = BTreeMap::new();
    catalogue::read(
        path,
        &mut |entry| {
            if let Entry::Record(_, map) = entry
                && let Some((code, record)) = reduce(&map)
            {
                out.entry(code).or_insert(record);
            }
            ControlFlow::Continue(())
        },
        progress,
    )?;
    Ok(out)
}

fn reduce(map: &Map<String, Value>) -> Option<(String, Record)> {
    let code = map.get("ma_thu_tuc").map(catalogue::field_text)?;
    if !is_valid_code(&code) {
        return None;
    }
    let fields: BTreeMap<String, String> = map
        .iter()
        .filter(|(k, _)| k.as_str() != "ma_thu_tuc" && !IGNORED.contains(&k.as_str()))
        .map(|(k, v)| (k.clone(), catalogue::field_text(v)))
        .collect();
    let title = fields.get("ten_thu_tuc").cloned().unwrap_or_default();
    let levels = catalogue::levels_in(fields.get("cap_thuc_hien").map_or("", String::as_str));
    Some((
        code,
        Record {
            title,
            levels,
            fields,
        },
    ))
}

/// The keys whose values differ (a key missing on one side counts as empty there).
fn changed_fields(old: &Record, new: &Record) -> Vec<String> {
    let mut keys: Vec<&String> = old.fields.keys().chain(new.fields.keys()).collect();
    keys.sort();
    keys.dedup();
    let value = |r: &Record, k: &str| r.fields.get(k).cloned().unwrap_or_default();
    let differ: Vec<String> = keys
        .into_iter()
        .filter(|k| value(old, k) != value(new, k))
        .cloned()
        .collect();
    let without_page: Vec<String> = differ
        .iter()
        .filter(|k| k.as_str() != PAGE_TEXT)
        .cloned()
        .collect();
    if without_page.is_empty() {
        differ
    } else {
        without_page
    }
}

/// Compares the crawl `old` with the crawl `new` (each `.jsonl`, `.jsonl.gz` or a `.json` array).
/// With `level`, only procedures done at that level (in either crawl) are compared. `progress` is called
/// with (bytes read, total bytes) over both files.
pub fn diff_crawls(
    old: &Path,
    new: &Path,
    level: Option<Level>,
    progress: &mut dyn FnMut(u64, u64),
) -> Result<CrawlDiff> {
    let size = |p: &Path| std::fs::metadata(p).map_or(0, |m| m.len());
    let (old_size, new_size) = (size(old), size(new));
    let total = old_size + new_size;
    let mut old_map = load(old, &mut |done, _| progress(done, total))?;
    let mut new_map = load(new, &mut |done, _| progress(old_size + done, total))?;
    if let Some(level) = level {
        let at_level = |code: &String, map: &BTreeMap<String, Record>| {
            map.get(code).is_some_and(|r| r.levels.contains(&level))
        };
        let keep: HashSet<String> = old_map
            .keys()
            .chain(new_map.keys())
            .filter(|c| at_level(c, &old_map) || at_level(c, &new_map))
            .cloned()
            .collect();
        old_map.retain(|c, _| keep.contains(c));
        new_map.retain(|c, _| keep.contains(c));
    }
    let mut diff = CrawlDiff {
        old_records: old_map.len(),
        new_records: new_map.len(),
        ..CrawlDiff::default()
    };
    for (code, new_record) in &new_map {
        match old_map.get(code) {
            None => diff.added.push(Procedure {
                code: code.clone(),
                title: new_record.title.clone(),
            }),
            Some(old_record) => {
                let fields = changed_fields(old_record, new_record);
                if fields.is_empty() {
                    diff.unchanged += 1;
                } else {
                    diff.changed.push(Changed {
                        code: code.clone(),
                        title: new_record.title.clone(),
                        fields,
                    });
                }
            }
        }
    }
    for (code, old_record) in &old_map {
        if !new_map.contains_key(code) {
            diff.removed.push(Procedure {
                code: code.clone(),
                title: old_record.title.clone(),
            });
        }
    }
    Ok(diff)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn record(pairs: &[(&str, &str)]) -> Record {
        let map: Map<String, Value> = pairs
            .iter()
            .map(|(k, v)| ((*k).to_string(), Value::String((*v).to_string())))
            .collect();
        reduce(&map).expect("a valid code").1
    }

    #[test]
    fn whitespace_and_html_are_not_changes() {
        let a = record(&[
            ("ma_thu_tuc", "1.000894"),
            ("can_cu_phap_ly", "Luật Hộ tịch 60/2014/QH13"),
            ("raw_text", "a"),
        ]);
        let b = record(&[
            ("ma_thu_tuc", "1.000894"),
            ("can_cu_phap_ly", "Luật  Hộ tịch\n<b>60/2014/QH13</b>"),
            ("raw_text", "a"),
        ]);
        assert!(changed_fields(&a, &b).is_empty());
    }

    #[test]
    fn the_page_text_is_listed_only_alone() {
        let a = record(&[
            ("ma_thu_tuc", "1.000894"),
            ("cach_thuc_thuc_hien", "Trực tiếp5 Ngày làm việcMiễn phí"),
            ("raw_text", "x Trực tiếp5 Ngày làm việcMiễn phí"),
            ("formality_id", "1"),
        ]);
        let b = record(&[
            ("ma_thu_tuc", "1.000894"),
            ("cach_thuc_thuc_hien", "Trực tiếp3 Ngày làm việcMiễn phí"),
            ("raw_text", "x Trực tiếp3 Ngày làm việcMiễn phí"),
            ("formality_id", "2"),
        ]);
        assert_eq!(changed_fields(&a, &b), vec!["cach_thuc_thuc_hien"]);
        let c = record(&[
            ("ma_thu_tuc", "1.000894"),
            ("cach_thuc_thuc_hien", "Trực tiếp5 Ngày làm việcMiễn phí"),
            ("raw_text", "y"),
        ]);
        assert_eq!(changed_fields(&a, &c), vec![PAGE_TEXT]);
        // A key new in one crawl is a change when it has text.
        let d = record(&[
            ("ma_thu_tuc", "1.000894"),
            ("cach_thuc_thuc_hien", "Trực tiếp5 Ngày làm việcMiễn phí"),
            ("raw_text", "x Trực tiếp5 Ngày làm việcMiễn phí"),
            ("dia_chi_tiep_nhan", "Số 1 phố X"),
        ]);
        assert_eq!(changed_fields(&a, &d), vec!["dia_chi_tiep_nhan"]);
        assert_eq!(field_label("can_cu_phap_ly"), "Căn cứ pháp lý");
    }

    #[test]
    fn records_without_a_valid_code_are_not_compared() {
        let map: Map<String, Value> = [("ma_thu_tuc".to_string(), Value::from("abc"))]
            .into_iter()
            .collect();
        assert!(reduce(&map).is_none());
        assert!(reduce(&Map::new()).is_none());
    }
}
