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
    self, Draft, Entry, Flags, MAX_EXAMPLES, SkipReason, Skipped, Status, is_record_month,
    record_month, record_skip, today,
};
use sotay::content::Rules;
use sotay::guide::{Level, parse_guide};
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

/// One value per field of a record the report follows, in the order of the report's JSON.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct PerField<T> {
    /// Documents checklist ("Thành phần hồ sơ").
    pub documents: T,
    /// Channels with time and fee ("Cách thức thực hiện").
    pub channels: T,
    /// Legal basis ("Căn cứ pháp lý").
    pub legal_basis: T,
    /// Steps ("Trình tự thực hiện").
    pub steps: T,
    /// Levels ("Cấp thực hiện").
    pub levels: T,
    /// Results ("Kết quả").
    pub results: T,
}

/// Per field, the number of guides where the record's text could not be parsed (or was empty) and was
/// kept as written or replaced by a "Không có thông tin" placeholder.
pub type FieldCounts = PerField<usize>;

/// Per field, the first codes of guides whose text could not be parsed, to look at.
pub type FieldExamples = PerField<Vec<String>>;

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
    /// The handbook's name ([`DVCQG_NAME`]).
    name: &'a str,
    /// The handbook's version: an import is always a first version.
    version: u64,
    /// The handbook's date.
    date: toml::value::Datetime,
    /// The input file name, to tell which crawl the guides came from.
    source: &'a str,
    /// The editorial rules, all off for imported guides.
    rules: Rules,
}

/// A section of a record whose reading the report counts, in the order of the report's JSON.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Section {
    /// The documents checklist ("Thành phần hồ sơ").
    Documents,
    /// The channels with time and fee ("Cách thức thực hiện").
    Channels,
    /// The legal basis ("Căn cứ pháp lý").
    LegalBasis,
    /// The steps ("Trình tự thực hiện").
    Steps,
    /// The levels ("Cấp thực hiện").
    Levels,
    /// The results ("Kết quả").
    Results,
}

impl Section {
    /// Every section, in the order the report lists them.
    const ALL: [Section; 6] = [
        Section::Documents,
        Section::Channels,
        Section::LegalBasis,
        Section::Steps,
        Section::Levels,
        Section::Results,
    ];

    /// How well this section of a draft was read, from the core's flags.
    fn status(self, flags: &Flags) -> Status {
        match self {
            Section::Documents => flags.documents,
            Section::Channels => flags.channels,
            Section::LegalBasis => flags.legal_basis,
            Section::Steps => flags.steps,
            Section::Levels => flags.levels,
            Section::Results => flags.results,
        }
    }
}

impl<T> PerField<T> {
    /// The value of one section, to tally into.
    fn get_mut(&mut self, section: Section) -> &mut T {
        match section {
            Section::Documents => &mut self.documents,
            Section::Channels => &mut self.channels,
            Section::LegalBasis => &mut self.legal_basis,
            Section::Steps => &mut self.steps,
            Section::Levels => &mut self.levels,
            Section::Results => &mut self.results,
        }
    }
}

impl ImportReport {
    /// The report of an import of `input` into `out` before anything is read: its source, output and
    /// dates are known up front, so an import that finds no record still says what it was asked.
    fn started(input: &Path, out: &Path, dates: &Dates) -> Self {
        ImportReport {
            source: input.file_name().map_or_else(
                || input.display().to_string(),
                |n| n.to_string_lossy().into_owned(),
            ),
            output: out.display().to_string(),
            date: dates.text.clone(),
            record_date: dates.record_date.clone(),
            ..ImportReport::default()
        }
    }

    /// Counts what could not be read in one guide, and what the conversion did to it, so that the
    /// content office knows how much to re-read.
    fn tally(&mut self, draft: &Draft, related: &[String]) {
        let flags = draft.flags();
        for section in Section::ALL {
            self.tally_section(section, section.status(flags), draft.code());
        }
        self.sections_recovered += usize::from(flags.recovered);
        self.form_files += flags.templates;
        self.council_fee_notes += usize::from(flags.council_fee);
        self.related_links += related.len();
    }

    /// Counts one section of a guide. Every section not read counts as unparsed (the total); an empty
    /// one also counts as missing, and one with unreadable text gives its code as an example, because
    /// only that text is worth looking at.
    fn tally_section(&mut self, section: Section, status: Status, code: &str) {
        if status == Status::Ok {
            return;
        }
        *self.unparsed.get_mut(section) += 1;
        if status == Status::Missing {
            *self.missing.get_mut(section) += 1;
            return;
        }
        let examples = self.unparsed_examples.get_mut(section);
        if examples.len() < MAX_EXAMPLES {
            examples.push(code.to_string());
        }
    }
}

/// The dates an import writes.
struct Dates {
    /// The handbook's date as given (`YYYY-MM-DD`), for the report.
    text: String,
    /// The same date, for the manifest.
    date: toml::value::Datetime,
    /// The month of the portal's data (`YYYY-MM`), written into every guide.
    record_date: String,
}

impl Dates {
    /// The handbook's date (today when unset) and the month of the data (as given, else from the file
    /// name, else the date's month). Both are checked before anything is read, so that a typo costs no
    /// reading of a large file.
    fn resolve(input: &Path, options: &ImportOptions) -> Result<Self> {
        let text = options.date.clone().unwrap_or_else(today);
        let date = parse_date(&text)?;
        let record_date = match &options.record_date {
            Some(m) => m.clone(),
            None => record_month(&input.to_string_lossy())
                .unwrap_or_else(|| text.chars().take(7).collect()),
        };
        if !is_record_month(&record_date) {
            return Err(Error::BadInput {
                file: input.display().to_string(),
                line: 0,
                message: format!("record date \"{record_date}\" is not a month like 2026-06"),
            });
        }
        Ok(Dates {
            text,
            date,
            record_date,
        })
    }
}

/// The records read: the drafts to write and the records skipped.
#[derive(Default)]
struct Reading {
    /// The drafts, in input order.
    drafts: Vec<Draft>,
    /// The lowercased codes of `drafts`: file names must not collide on case-insensitive file systems
    /// either, so codes differing only by case are duplicates.
    seen: HashSet<String>,
    /// Records read, including the skipped ones.
    records: usize,
    /// Records skipped, by reason.
    skipped: BTreeMap<SkipReason, Skipped>,
}

impl Reading {
    /// Converts one entry of the input, keeping its draft or counting why it is skipped.
    fn take(&mut self, entry: Entry) {
        match entry {
            Entry::Bad(line, why) => {
                self.skip(SkipReason::InvalidRecord, format!("line {line}: {why}"))
            }
            Entry::Record(line, map) => match catalogue::convert(&map) {
                Err(reason) => {
                    let code = catalogue::record_code(&map)
                        .map(|c| format!(": {c}"))
                        .unwrap_or_default();
                    self.skip(reason, format!("line {line}{code}"));
                }
                Ok(draft) => self.keep(line, draft),
            },
        }
    }

    /// Keeps a draft unless an earlier one has its code (whatever the case): the first wins, as the
    /// app's catalogue does.
    fn keep(&mut self, line: usize, draft: Draft) {
        if self.seen.insert(draft.code().to_lowercase()) {
            self.drafts.push(draft);
        } else {
            let example = format!("line {line}: {}", draft.code());
            self.skip(SkipReason::DuplicateCode, example);
        }
    }

    /// Counts a skipped record under its reason.
    fn skip(&mut self, reason: SkipReason, example: String) {
        record_skip(&mut self.skipped, reason, example);
    }
}

/// Reads and converts the records of `input`, at most `limit` of them (the skipped ones count too).
fn read_drafts(
    input: &Path,
    limit: Option<usize>,
    progress: &mut dyn FnMut(u64, u64),
) -> Result<Reading> {
    let mut reading = Reading::default();
    let limit = limit.unwrap_or(usize::MAX);
    catalogue::read(
        input,
        &mut |entry| {
            if reading.records >= limit {
                return ControlFlow::Break(());
            }
            reading.records += 1;
            reading.take(entry);
            ControlFlow::Continue(())
        },
        progress,
    )?;
    Ok(reading)
}

/// Keeps only the drafts done at `level`, when one is asked for (`--only-level`), and returns how many
/// were left out, for the report.
fn keep_level(drafts: &mut Vec<Draft>, level: Option<Level>) -> usize {
    let Some(level) = level else {
        return 0;
    };
    let before = drafts.len();
    drafts.retain(|d| d.levels().contains(&level));
    before - drafts.len()
}

/// The `handbook.toml` of an import. Its editorial rules are all off because imported guides have no
/// everyday names, questions or life events, and the records' wording is the portal's.
fn manifest(date: toml::value::Datetime, source: &str) -> Result<String> {
    let manifest = ManifestOut {
        name: DVCQG_NAME,
        version: 1,
        date,
        source,
        rules: Rules {
            min_aliases: 0,
            min_questions: 0,
            require_life_events: false,
            plain_language: false,
        },
    };
    toml::to_string(&manifest).map_err(|e| Error::BadInput {
        file: "handbook.toml".to_string(),
        line: 0,
        message: format!("cannot be written as TOML: {e}"),
    })
}

/// A file an import writes: its path in the handbook folder and its text.
type FileOut = (PathBuf, String);

/// The guide files of the drafts, and what the content checks found in them
/// as of `today`, per rule. The checks read the rendered text, so they see exactly what is written.
fn render_all(
    drafts: &[Draft],
    related: &[Vec<String>],
    record_date: &str,
    today: &str,
) -> Result<(Vec<FileOut>, Vec<RuleFindings>)> {
    let mut files = Vec::with_capacity(drafts.len());
    let mut findings: BTreeMap<sotay::content::audit::Rule, RuleFindings> = BTreeMap::new();
    for (d, r) in drafts.iter().zip(related) {
        let text = catalogue::render(d, r, record_date)?;
        audit_record(d.code(), &text, today, &mut findings);
        files.push((
            Path::new(d.field_slug()).join(format!("{}.md", d.code())),
            text,
        ));
    }
    Ok((files, findings.into_values().collect()))
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
    let dates = Dates::resolve(input, options)?;
    ensure_empty(out)?;
    let mut report = ImportReport::started(input, out, &dates);
    let Reading {
        mut drafts,
        records,
        skipped,
        ..
    } = read_drafts(input, options.limit, progress)?;
    report.records = records;
    report.skipped = skipped.into_values().collect();
    report.other_levels = keep_level(&mut drafts, options.only_level);
    if drafts.is_empty() {
        return Ok(report);
    }
    let related = catalogue::link(&mut drafts);
    for (d, r) in drafts.iter().zip(&related) {
        report.tally(d, r);
    }
    let mut files = vec![(
        PathBuf::from("handbook.toml"),
        manifest(dates.date, &report.source)?,
    )];
    let audit_day = options.today.clone().unwrap_or_else(today);
    let (guides, findings) = render_all(&drafts, &related, &dates.record_date, &audit_day)?;
    files.extend(guides);
    write_staged(out, &files)?;
    report.written = drafts.len();
    report.findings = findings;
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

/// The error for an output folder that is in use: an import never mixes its guides with other files.
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
fn write_staged(out: &Path, files: &[FileOut]) -> Result<()> {
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

/// The handbook's date (`YYYY-MM-DD`, nothing more), as the manifest's TOML date.
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
