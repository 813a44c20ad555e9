//! Importers that turn other sources into a handbook folder.
//!
//! [`import_dvcqg`] reads procedure records crawled from the national portal (Cổng Dịch vụ công quốc
//! gia, `dichvucong.gov.vn`; see `/work/shared/corpus/README.md` for the keys) and writes one guide per
//! record, in the format of `content/README.md`, plus a `handbook.toml` whose editorial rules are all off
//! (imported guides have no everyday names or life events). The portal's table cells arrive flattened
//! into runs of text; the splitters for channels, documents, legal basis and results recover the rows,
//! and whatever they cannot read is kept as written and counted in the [`ImportReport`].
//!
//! Everything is written into a staging folder next to the output, which is renamed into place only
//! when every file is written, so an interrupted import never leaves half a handbook.

mod channels;
mod clean;
mod diff;
mod documents;
mod dvcqg;
mod fields;
mod legal;
mod render;
mod source;

use std::collections::{BTreeMap, HashMap, HashSet};
use std::ops::ControlFlow;
use std::path::{Path, PathBuf};
use std::time::{SystemTime, UNIX_EPOCH};

use serde::Serialize;

use crate::content::Rules;
use crate::error::{Error, Problem, Result};
use crate::guide::{Guide, parse_guide};
use sha2::{Digest, Sha256};

pub use diff::{Changed, CrawlDiff, Procedure, diff_crawls, field_label};

/// Name of the imported handbook.
pub const DVCQG_NAME: &str = "Cơ sở dữ liệu TTHC quốc gia (nhập tự động)";

/// How an import runs.
#[derive(Debug, Clone, Default)]
pub struct ImportOptions {
    /// Read at most this many records.
    pub limit: Option<usize>,
    /// The date of the handbook written, in its manifest (`YYYY-MM-DD`); today when unset.
    pub date: Option<String>,
    /// The month of the national portal's data (`YYYY-MM`), written into every guide as its
    /// `record_date`; read from a file name like `dvcqg-2026-06.jsonl.gz` when unset, else the month of
    /// `date`.
    pub record_date: Option<String>,
    /// Write only the procedures done at this level (`sotay import … --only-level xa`).
    pub only_level: Option<crate::guide::Level>,
    /// Today (`YYYY-MM-DD`) for the date rules of the content checks; today's date when unset.
    pub today: Option<String>,
}

/// What one rule of the content checks ([`crate::content::audit`]) found in the records: the content
/// office's to-do list. Findings never stop an import.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RuleFindings {
    /// The rule.
    pub rule: crate::content::audit::Rule,
    /// Its label.
    pub label: String,
    /// How many findings (a record may have several, one per channel).
    pub count: usize,
    /// How many records have at least one.
    pub records: usize,
    /// Every finding, as `code: message`.
    pub items: Vec<String>,
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

/// Per field, the number of guides where the record's text could not be parsed (or was empty) and was
/// kept as written or replaced by a "Không có thông tin" placeholder.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct FieldCounts {
    /// Documents checklist ("Thành phần hồ sơ").
    pub documents: usize,
    /// Channels with time and fee ("Cách thức thực hiện").
    pub channels: usize,
    /// Legal basis ("Căn cứ pháp lý").
    pub legal_basis: usize,
    /// Steps ("Trình tự thực hiện").
    pub steps: usize,
    /// Levels ("Cấp thực hiện").
    pub levels: usize,
    /// Results ("Kết quả").
    pub results: usize,
}

/// Per field, the first codes of guides whose text could not be parsed, to look at.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct FieldExamples {
    /// Documents checklist.
    pub documents: Vec<String>,
    /// Channels.
    pub channels: Vec<String>,
    /// Legal basis.
    pub legal_basis: Vec<String>,
    /// Steps.
    pub steps: Vec<String>,
    /// Levels.
    pub levels: Vec<String>,
    /// Results.
    pub results: Vec<String>,
}

/// What an import did.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct ImportReport {
    /// The input file name.
    pub source: String,
    /// The output folder.
    pub output: String,
    /// The date of the handbook written.
    pub date: String,
    /// The month of the national portal's data, written into every guide.
    pub record_date: String,
    /// Records read (including the skipped ones).
    pub records: usize,
    /// Guides written.
    pub written: usize,
    /// Records not imported, by reason.
    pub skipped: Vec<Skipped>,
    /// Procedures left out because they are not done at the level asked for (`--only-level`).
    pub other_levels: usize,
    /// Fields that could not be parsed, counted per guide; empty fields ("Không có thông tin", written
    /// as such or as a placeholder) included.
    pub unparsed: FieldCounts,
    /// The part of `unparsed` where the record's field was simply empty or "Không có thông tin".
    pub missing: FieldCounts,
    /// The first few codes of guides whose field had text that could not be parsed (not just empty).
    pub unparsed_examples: FieldExamples,
    /// Guides whose sections were re-cut from the page text because the crawler's fields were shifted.
    pub sections_recovered: usize,
    /// Document rows whose form file name was separated from the document name.
    pub form_files: usize,
    /// Guides with a channel marked "Miễn phí" whose text says the provincial council sets the fee
    /// (a warning is added to the channel's note).
    pub council_fee_notes: usize,
    /// `related` links resolved between imported guides.
    pub related_links: usize,
    /// The content checks applied to the records, per rule that found something.
    pub findings: Vec<RuleFindings>,
}

impl ImportReport {
    /// Total records skipped.
    pub fn skipped_total(&self) -> usize {
        self.skipped.iter().map(|s| s.count).sum()
    }

    /// Records skipped for one reason.
    pub fn skipped_for(&self, reason: SkipReason) -> usize {
        self.skipped
            .iter()
            .filter(|s| s.reason == reason)
            .map(|s| s.count)
            .sum()
    }
}

/// Examples kept per skip reason.
const MAX_EXAMPLES: usize = 10;

/// `handbook.toml` of an import.
#[derive(Serialize)]
struct ManifestOut<'a> {
    name: &'a str,
    version: u64,
    date: toml::value::Datetime,
    source: &'a str,
    rules: Rules,
}

/// Imports national-portal records from `input` (`.jsonl`, `.jsonl.gz` or a `.json` array) into the
/// new handbook folder `out`, which must not exist or be empty. `progress` is called with (bytes of the
/// input read, input size). When no record can be imported, nothing is written and the report says so.
pub fn import_dvcqg(
    input: &Path,
    out: &Path,
    options: &ImportOptions,
    progress: &mut dyn FnMut(u64, u64),
) -> Result<ImportReport> {
    let date_text = match &options.date {
        Some(d) => d.clone(),
        None => today(),
    };
    let date = parse_date(&date_text)?;
    let record_date = match &options.record_date {
        Some(m) => m.clone(),
        None => record_month(&input.to_string_lossy())
            .unwrap_or_else(|| date_text.chars().take(7).collect()),
    };
    if !is_record_month(&record_date) {
        return Err(Error::BadInput {
            file: input.display().to_string(),
            line: 0,
            message: format!("record date \"{record_date}\" is not a month like 2026-06"),
        });
    }
    ensure_empty(out)?;

    let mut report = ImportReport {
        source: input.file_name().map_or_else(
            || input.display().to_string(),
            |n| n.to_string_lossy().into_owned(),
        ),
        output: out.display().to_string(),
        date: date_text,
        record_date: record_date.clone(),
        ..ImportReport::default()
    };
    let mut skipped: BTreeMap<SkipReason, Skipped> = BTreeMap::new();
    let mut skip = |reason: SkipReason, example: String| record_skip(&mut skipped, reason, example);

    let mut drafts: Vec<dvcqg::Draft> = Vec::new();
    let mut seen: HashSet<String> = HashSet::new();
    let mut records = 0usize;
    let limit = options.limit.unwrap_or(usize::MAX);
    source::read(
        input,
        &mut |entry| {
            if records >= limit {
                return ControlFlow::Break(());
            }
            records += 1;
            match entry {
                source::Entry::Bad(line, why) => {
                    skip(SkipReason::InvalidRecord, format!("line {line}: {why}"));
                }
                source::Entry::Record(line, map) => match dvcqg::convert(&map) {
                    Err(reason) => {
                        let code = map
                            .get("ma_thu_tuc")
                            .and_then(|v| v.as_str())
                            .map(|c| format!(": {}", clean::one_line(c)))
                            .unwrap_or_default();
                        skip(reason, format!("line {line}{code}"));
                    }
                    // File names must not collide on case-insensitive file systems either.
                    Ok(d) if !seen.insert(d.code.to_lowercase()) => {
                        skip(
                            SkipReason::DuplicateCode,
                            format!("line {line}: {}", d.code),
                        );
                    }
                    Ok(d) => drafts.push(d),
                },
            }
            ControlFlow::Continue(())
        },
        progress,
    )?;
    report.records = records;
    report.skipped = skipped.into_values().collect();
    if let Some(level) = options.only_level {
        let before = drafts.len();
        drafts.retain(|d| d.levels.contains(&level));
        report.other_levels = before - drafts.len();
    }

    if drafts.is_empty() {
        return Ok(report);
    }
    drop_twin_aliases(&mut drafts);
    let related = resolve_related(&drafts);
    for (d, r) in drafts.iter().zip(&related) {
        let f = &d.flags;
        let u = &mut report.unparsed;
        let x = &mut report.unparsed_examples;
        let m = &mut report.missing;
        for (status, count, missing, examples) in [
            (
                f.documents,
                &mut u.documents,
                &mut m.documents,
                &mut x.documents,
            ),
            (
                f.channels,
                &mut u.channels,
                &mut m.channels,
                &mut x.channels,
            ),
            (
                f.legal_basis,
                &mut u.legal_basis,
                &mut m.legal_basis,
                &mut x.legal_basis,
            ),
            (f.steps, &mut u.steps, &mut m.steps, &mut x.steps),
            (f.levels, &mut u.levels, &mut m.levels, &mut x.levels),
            (f.results, &mut u.results, &mut m.results, &mut x.results),
        ] {
            if status == dvcqg::Status::Ok {
                continue;
            }
            *count += 1;
            if status == dvcqg::Status::Missing {
                *missing += 1;
            } else if examples.len() < MAX_EXAMPLES {
                examples.push(d.code.clone());
            }
        }
        report.sections_recovered += usize::from(f.recovered);
        report.form_files += f.templates;
        report.council_fee_notes += usize::from(f.council_fee);
        report.related_links += r.len();
    }

    let manifest = ManifestOut {
        name: DVCQG_NAME,
        version: 1,
        date,
        source: &report.source,
        rules: Rules {
            min_aliases: 0,
            min_questions: 0,
            require_life_events: false,
            plain_language: false,
        },
    };
    let manifest = toml::to_string(&manifest).map_err(|e| Error::BadInput {
        file: "handbook.toml".to_string(),
        line: 0,
        message: format!("cannot be written as TOML: {e}"),
    })?;
    let mut files: Vec<(PathBuf, String)> = vec![(PathBuf::from("handbook.toml"), manifest)];
    let today = options.today.clone().unwrap_or_else(today);
    let mut findings: BTreeMap<crate::content::audit::Rule, RuleFindings> = BTreeMap::new();
    for (d, r) in drafts.iter().zip(&related) {
        let text = render::guide(d, r, &record_date)?;
        audit_record(&d.code, &text, &today, &mut findings);
        files.push((
            Path::new(&d.field_slug).join(format!("{}.md", d.code)),
            text,
        ));
    }
    write_staged(out, &files)?;
    report.written = drafts.len();
    report.findings = findings.into_values().collect();
    Ok(report)
}

/// Applies the content checks to one rendered record, counting what they find under each rule.
fn audit_record(
    code: &str,
    text: &str,
    today: &str,
    findings: &mut BTreeMap<crate::content::audit::Rule, RuleFindings>,
) {
    let Ok(g) = parse_guide(code, text) else {
        return;
    };
    let mut seen = HashSet::new();
    for f in crate::content::audit::check_guide(&g, Some(today)) {
        let entry = findings.entry(f.rule).or_insert_with(|| RuleFindings {
            rule: f.rule,
            label: f.rule.label().to_string(),
            count: 0,
            records: 0,
            items: Vec::new(),
        });
        entry.count += 1;
        if seen.insert(f.rule) {
            entry.records += 1;
        }
        entry.items.push(format!("{code}: {}", f.message));
    }
}

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
fn record_skip(skipped: &mut BTreeMap<SkipReason, Skipped>, reason: SkipReason, example: String) {
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
fn is_record_month(s: &str) -> bool {
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

/// Refuses an output that exists and is not an empty folder.
fn ensure_empty(out: &Path) -> Result<()> {
    match std::fs::metadata(out) {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(()),
        Err(e) => Err(Error::io(out, e)),
        Ok(meta) => {
            let empty = meta.is_dir()
                && std::fs::read_dir(out)
                    .map_err(|e| Error::io(out, e))?
                    .next()
                    .is_none();
            if empty { Ok(()) } else { Err(not_empty(out)) }
        }
    }
}

fn not_empty(out: &Path) -> Error {
    Error::io(
        out,
        std::io::Error::new(
            std::io::ErrorKind::AlreadyExists,
            "the output folder already exists and is not empty; import into a new or empty folder",
        ),
    )
}

/// Writes every file into a staging folder next to `out`, then renames it to `out`. On any failure the
/// staging folder is removed and `out` is left as it was.
fn write_staged(out: &Path, files: &[(PathBuf, String)]) -> Result<()> {
    let parent = match out.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    std::fs::create_dir_all(&parent).map_err(|e| Error::io(&parent, e))?;
    let name = out
        .file_name()
        .map_or_else(|| "import".into(), |n| n.to_string_lossy().into_owned());
    let nanos = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.subsec_nanos());
    let staging = parent.join(format!(
        ".{name}.sotay-import-{}-{nanos}",
        std::process::id()
    ));
    std::fs::create_dir(&staging).map_err(|e| Error::io(&staging, e))?;

    let result = (|| {
        for (rel, text) in files {
            let path = staging.join(rel);
            if let Some(dir) = path.parent() {
                std::fs::create_dir_all(dir).map_err(|e| Error::io(dir, e))?;
            }
            std::fs::write(&path, text).map_err(|e| Error::io(&path, e))?;
        }
        ensure_empty(out)?;
        if out.exists() {
            std::fs::remove_dir(out).map_err(|_| not_empty(out))?;
        }
        std::fs::rename(&staging, out).map_err(|e| Error::io(out, e))
    })();
    if result.is_err() {
        // Best effort: the error being returned matters more than a failed clean-up.
        let _ = std::fs::remove_dir_all(&staging);
    }
    result
}

fn parse_date(text: &str) -> Result<toml::value::Datetime> {
    let bad = || Error::BadInput {
        file: "date".to_string(),
        line: 0,
        message: format!("\"{text}\" is not a date like 2026-06-30"),
    };
    let dt: toml::value::Datetime = text.trim().parse().map_err(|_| bad())?;
    if dt.date.is_some() && dt.time.is_none() && dt.offset.is_none() {
        Ok(dt)
    } else {
        Err(bad())
    }
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
        assert!(parse_date(&t).is_ok());
        assert!(parse_date("2026-13-01").is_err());
        assert!(parse_date("hôm nay").is_err());
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
