//! `sotay-import`: turns the national portal's procedure records into a handbook folder, and tells what
//! changed between two crawls. Only the `sotay` CLI links it; the desktop app does not.
//!
//! [`import_dvcqg`] reads records crawled from the national portal (Cổng Dịch vụ công quốc gia,
//! `dichvucong.gov.vn`; see `/work/shared/corpus/README.md` for the keys) and writes one guide per record,
//! in the format of `content/README.md`, plus a `handbook.toml` whose editorial rules are all off
//! (imported guides have no everyday names or life events). The conversion of a record is the core's
//! ([`sotay::catalogue`]), the same the app applies to the catalogue it ships, so an imported folder and
//! the app's catalogue never differ; this crate adds the report of what could not be read, the content
//! checks' findings, and the writing.
//!
//! Everything is written into a staging folder next to the output, which is renamed into place only
//! when every file is written, so an interrupted import never leaves half a handbook.

mod diff;

use std::collections::{BTreeMap, HashSet};
use std::ops::ControlFlow;
use std::path::{Path, PathBuf};
use std::time::{SystemTime, UNIX_EPOCH};

use serde::Serialize;

use sotay::catalogue::{
    self, Draft, Entry, MAX_EXAMPLES, SkipReason, Skipped, Status, is_record_month, record_month,
    record_skip, today,
};
use sotay::content::Rules;
use sotay::guide::parse_guide;
use sotay::{Error, Result};

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
    pub only_level: Option<sotay::guide::Level>,
    /// Today (`YYYY-MM-DD`) for the date rules of the content checks; today's date when unset.
    pub today: Option<String>,
}

/// What one rule of the content checks ([`sotay::content::audit`]) found in the records: the content
/// office's to-do list. Findings never stop an import.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RuleFindings {
    /// The rule.
    pub rule: sotay::content::audit::Rule,
    /// Its label.
    pub label: String,
    /// How many findings (a record may have several, one per channel).
    pub count: usize,
    /// How many records have at least one.
    pub records: usize,
    /// Every finding, as `code: message`.
    pub items: Vec<String>,
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

    let mut drafts: Vec<Draft> = Vec::new();
    let mut seen: HashSet<String> = HashSet::new();
    let mut records = 0usize;
    let limit = options.limit.unwrap_or(usize::MAX);
    catalogue::read(
        input,
        &mut |entry| {
            if records >= limit {
                return ControlFlow::Break(());
            }
            records += 1;
            match entry {
                Entry::Bad(line, why) => {
                    skip(SkipReason::InvalidRecord, format!("line {line}: {why}"));
                }
                Entry::Record(line, map) => match catalogue::convert(&map) {
                    Err(reason) => {
                        let code = catalogue::record_code(&map)
                            .map(|c| format!(": {c}"))
                            .unwrap_or_default();
                        skip(reason, format!("line {line}{code}"));
                    }
                    // File names must not collide on case-insensitive file systems either.
                    Ok(d) if !seen.insert(d.code().to_lowercase()) => {
                        skip(
                            SkipReason::DuplicateCode,
                            format!("line {line}: {}", d.code()),
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
        drafts.retain(|d| d.levels().contains(&level));
        report.other_levels = before - drafts.len();
    }

    if drafts.is_empty() {
        return Ok(report);
    }
    let related = catalogue::link(&mut drafts);
    for (d, r) in drafts.iter().zip(&related) {
        let f = d.flags();
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
            if status == Status::Ok {
                continue;
            }
            *count += 1;
            if status == Status::Missing {
                *missing += 1;
            } else if examples.len() < MAX_EXAMPLES {
                examples.push(d.code().to_string());
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
    let mut findings: BTreeMap<sotay::content::audit::Rule, RuleFindings> = BTreeMap::new();
    for (d, r) in drafts.iter().zip(&related) {
        let text = catalogue::render(d, r, &record_date)?;
        audit_record(d.code(), &text, &today, &mut findings);
        files.push((
            Path::new(d.field_slug()).join(format!("{}.md", d.code())),
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
    findings: &mut BTreeMap<sotay::content::audit::Rule, RuleFindings>,
) {
    let Ok(g) = parse_guide(code, text) else {
        return;
    };
    let mut seen = HashSet::new();
    for f in sotay::content::audit::check_guide(&g, Some(today)) {
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates() {
        assert!(parse_date(&today()).is_ok());
        assert!(parse_date("2026-06-30").is_ok());
        assert!(parse_date("2026-13-01").is_err());
        assert!(parse_date("2026-06-30T10:00:00").is_err());
        assert!(parse_date("hôm nay").is_err());
    }
}
