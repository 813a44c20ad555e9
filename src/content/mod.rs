//! A handbook: every guide of a content folder plus its data files, loaded and validated as a whole.
//!
//! Before any file is parsed its size, its line lengths and its bytes are bounded ([`MAX_GUIDE_BYTES`],
//! [`MAX_LINE_BYTES`], no NUL byte), and a guide's markdown nesting and number of elements are bounded
//! before it is rendered (see [`crate::guide::parse`]): the markdown renderer and the HTML sanitizer
//! take time growing with the square of the nesting, so one hostile guide could otherwise stall
//! `sotay check`, a pack install or the app's start for minutes. Each bound breached is a problem with
//! its `file:line`.

pub mod audit;
pub mod data;
pub mod files;
mod validate;

use std::collections::HashMap;
use std::path::Path;

use serde::{Deserialize, Serialize};

pub use data::{Family, LifeEvent, Locality, Manifest, Office, Rules, Term, TermKind};
pub use files::SourceFile;

use crate::error::{Error, Problem, Result};
use crate::guide::parse::{key_line, line_of};
use crate::guide::{Guide, parse_guide};
use crate::text::normalize;

/// Largest guide file, in bytes (a long guide is a few tens of kilobytes).
pub const MAX_GUIDE_BYTES: usize = 2 * 1024 * 1024;
/// Longest line of a content file, in bytes (the longest paragraph of the national records is about 12 KB).
pub const MAX_LINE_BYTES: usize = 32 * 1024;
/// Highest content version in `handbook.toml` (the same ceiling as a pack's version).
pub const MAX_CONTENT_VERSION: u64 = 1_000_000;

/// What the "about" panel says of the loaded handbook.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct ContentInfo {
    /// Display name.
    pub name: String,
    /// Content version (0 when the folder has no manifest).
    pub version: u64,
    /// Date of the version.
    pub date: String,
    /// Where the facts come from.
    pub source: String,
    /// Where it was loaded from: `embedded` or a folder path.
    pub origin: String,
    /// Number of guides.
    pub guides: usize,
    /// Of which edited by the content office.
    #[serde(default)]
    pub edited: usize,
    /// Of which converted from the national catalogue without editing.
    #[serde(default)]
    pub national: usize,
    /// The month of the national catalogue's data (`YYYY-MM`), when the handbook has one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional))]
    pub record_date: Option<String>,
}

/// Checks that every checklist item's `{form = "…"}` names a form of the handbook (an unknown one is an
/// error at the guide's file), and links the items of national records whose form file
/// (`(mẫu: MuCT01….doc)`) a form lists in `record_files`.
fn link_forms(guides: &mut [Guide], forms: &[crate::forms::Form], problems: &mut Vec<Problem>) {
    for g in guides.iter_mut() {
        for group in &mut g.documents {
            for item in &mut group.items {
                match &item.form {
                    Some(id) => {
                        if !forms.iter().any(|f| &f.id == id) {
                            let known: Vec<&str> = forms.iter().map(|f| f.id.as_str()).collect();
                            problems.push(Problem::new(
                                &g.source,
                                0,
                                format!(
                                    "checklist item \"{}\" names an unknown form \"{id}\" (forms: {})",
                                    item.text,
                                    if known.is_empty() { "none".to_string() } else { known.join(", ") }
                                ),
                            ));
                        }
                    }
                    None => {
                        item.form = forms
                            .iter()
                            .find(|f| {
                                f.record_files
                                    .iter()
                                    .any(|file| item.text.contains(&format!("mẫu: {file}")))
                            })
                            .map(|f| f.id.clone());
                    }
                }
            }
        }
    }
}

/// A loaded, validated handbook.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Handbook {
    /// Manifest and origin.
    pub info: ContentInfo,
    /// Editorial rules in force.
    pub rules: Rules,
    /// Guides, sorted by file path.
    pub guides: Vec<Guide>,
    /// Life events.
    pub life_events: Vec<LifeEvent>,
    /// Look-alike families.
    pub families: Vec<Family>,
    /// Glossary.
    pub glossary: Vec<Term>,
    /// The deploying office, if the content has one.
    pub locality: Option<Locality>,
    /// The official declaration forms (`forms/*.toml`), sorted by id.
    #[serde(default)]
    pub forms: Vec<crate::forms::Form>,
    /// Position of each code in `guides` (rebuilt after a snapshot is read).
    #[serde(skip)]
    by_code: HashMap<String, usize>,
    /// Warnings found while loading: listed by `sotay check`, not a reason to refuse the content.
    #[serde(skip)]
    pub warnings: Vec<Problem>,
}

impl Handbook {
    /// The handbook compiled into the binary (the repository's `content/`).
    pub fn embedded() -> Result<Handbook> {
        Handbook::from_files("embedded", files::embedded_files())
    }

    /// The form with this id.
    pub fn form(&self, id: &str) -> Option<&crate::forms::Form> {
        self.forms.iter().find(|f| f.id == id)
    }

    /// Loads a content folder.
    pub fn load_dir(root: &Path) -> Result<Handbook> {
        Handbook::from_files(&root.display().to_string(), files::dir_files(root)?)
    }

    /// The files of a folder when given, else of the embedded handbook, and the origin to name them by.
    pub fn files(root: Option<&Path>) -> Result<(String, Vec<SourceFile>)> {
        Ok(match root {
            Some(dir) => (dir.display().to_string(), files::dir_files(dir)?),
            None => ("embedded".to_string(), files::embedded_files()),
        })
    }

    /// Loads a folder when given, else the embedded handbook.
    pub fn load(root: Option<&Path>) -> Result<Handbook> {
        match root {
            Some(dir) => Handbook::load_dir(dir),
            None => Handbook::embedded(),
        }
    }

    /// Loads a folder (or the embedded handbook) the way `sotay check` judges it: the date rules of
    /// [`audit`] run against `today` (`YYYY-MM-DD`), so an expired fee is an error and one ending
    /// soon a warning (in [`Handbook::warnings`]). Loading for use never depends on the clock.
    pub fn check(root: Option<&Path>, today: &str) -> Result<Handbook> {
        let (origin, files) = Handbook::files(root)?;
        Handbook::from_files_at(&origin, files, Some(today))
    }

    /// Parses and validates a set of files; every problem in every file is reported together. The
    /// national catalogue (`national/*.jsonl.gz`) is converted record by record; an edited guide
    /// replaces the record of the same code.
    pub fn from_files(origin: &str, files: Vec<SourceFile>) -> Result<Handbook> {
        Handbook::from_files_at(origin, files, None)
    }

    /// [`Handbook::from_files`], with the date rules checked against `today` when given.
    pub fn from_files_at(
        origin: &str,
        files: Vec<SourceFile>,
        today: Option<&str>,
    ) -> Result<Handbook> {
        let mut problems = Vec::new();
        let mut texts: Vec<(String, String)> = Vec::new();
        let mut catalogues: Vec<crate::catalogue::Catalogue> = Vec::new();
        for f in files {
            if let Some(why) = &f.unusable {
                problems.push(Problem::new(&f.path, 0, why.clone()));
                continue;
            }
            if files::is_catalogue(&f.path) && f.too_large.is_none() {
                let c = crate::catalogue::catalogue(&f.path, &f.bytes);
                problems.extend(c.problems.iter().cloned());
                catalogues.push(c);
                continue;
            }
            if let Some(size) = f.too_large {
                problems.push(Problem::new(
                    &f.path,
                    0,
                    format!(
                        "file is {size} bytes; the limit is {} bytes",
                        files::MAX_FILE_BYTES
                    ),
                ));
                continue;
            }
            if let Some(p) = bounds_problem(&f.path, &f.bytes) {
                problems.push(p);
                continue;
            }
            match std::str::from_utf8(&f.bytes) {
                Ok(s) => texts.push((f.path, normalize(s))),
                Err(e) => {
                    let line = line_of(&f.bytes, e.valid_up_to());
                    problems.push(Problem::new(
                        &f.path,
                        line,
                        format!(
                            "not valid UTF-8 (byte {}); save the file as UTF-8",
                            e.valid_up_to()
                        ),
                    ));
                }
            }
        }

        let mut guides = Vec::new();
        let mut manifest: Option<Manifest> = None;
        let mut life_events = Vec::new();
        let mut families = Vec::new();
        let mut glossary = Vec::new();
        let mut locality = None;
        let mut forms: Vec<crate::forms::Form> = Vec::new();
        let mut guide_files = 0usize;
        for (path, text) in &texts {
            if path.ends_with(".md") {
                guide_files += 1;
                match parse_guide(path, text) {
                    Ok(g) => guides.push(g),
                    Err(p) => problems.extend(p),
                }
                continue;
            }
            if crate::forms::is_form_path(path) {
                match crate::forms::parse_form(path, text) {
                    Ok(f) => forms.push(f),
                    Err(p) => problems.extend(p),
                }
                continue;
            }
            match path.as_str() {
                "handbook.toml" => manifest = parse_toml(path, text, &mut problems),
                "life-events.toml" => {
                    life_events = parse_toml::<data::LifeEventsFile>(path, text, &mut problems)
                        .map_or_else(Vec::new, |f| f.event);
                }
                "families.toml" => {
                    families = parse_toml::<data::FamiliesFile>(path, text, &mut problems)
                        .map_or_else(Vec::new, |f| f.family);
                }
                "glossary.toml" => {
                    glossary = parse_toml::<data::GlossaryFile>(path, text, &mut problems)
                        .map_or_else(Vec::new, |f| f.term);
                }
                "locality.toml" => locality = parse_toml(path, text, &mut problems),
                _ => problems.push(Problem::new(
                    path,
                    0,
                    "unknown data file; expected handbook.toml, life-events.toml, families.toml, glossary.toml or locality.toml",
                )),
            }
        }

        if guide_files == 0
            && catalogues.is_empty()
            && !problems.iter().any(|p| p.file.ends_with(".md"))
        {
            problems.push(Problem::new(
                ".",
                0,
                "no guide: a handbook needs at least one guide file (*.md); is this the right folder?",
            ));
        }
        if let Some(m) = &manifest
            && m.version > MAX_CONTENT_VERSION
        {
            let file = "handbook.toml";
            let line = texts
                .iter()
                .find(|(p, _)| p == file)
                .and_then(|(_, t)| key_line(t, "version"))
                .map_or(0, |l| l + 1);
            problems.push(Problem::new(
                file,
                line,
                format!(
                    "version {} is larger than {MAX_CONTENT_VERSION}; versions count releases",
                    m.version
                ),
            ));
        }
        // The catalogue's records, but those an edited guide replaces (and any repeated across files).
        let edited = guides.len();
        let mut record_date = None;
        {
            let mut taken: std::collections::HashSet<String> =
                guides.iter().map(|g| g.code.clone()).collect();
            for c in catalogues {
                record_date = record_date.or(Some(c.record_date));
                for g in c.guides {
                    if taken.insert(g.code.clone()) {
                        guides.push(g);
                    } else if let Some(edited) = guides[..edited]
                        .iter_mut()
                        .find(|e| e.code == g.code && e.ministry.is_none())
                    {
                        // An edited guide keeps the record's place in the catalogue.
                        edited.ministry = g.ministry;
                    }
                }
            }
        }
        let national = guides.len() - edited;
        forms.sort_by(|a, b| a.id.cmp(&b.id));
        link_forms(&mut guides, &forms, &mut problems);

        let rules = manifest
            .as_ref()
            .map(|m| m.rules.clone())
            .unwrap_or_default();
        let sources: HashMap<&str, &str> = texts
            .iter()
            .map(|(p, t)| (p.as_str(), t.as_str()))
            .collect();
        validate::check(
            &validate::Content {
                guides: &guides,
                life_events: &life_events,
                families: &families,
                glossary: &glossary,
                rules: &rules,
                has_events_file: texts.iter().any(|(p, _)| p == "life-events.toml"),
                sources: &sources,
                today,
                builtin_glossary: crate::lang::Lexicon::builtin()
                    .map(|l| l.glossary.as_slice())
                    .unwrap_or_default(),
            },
            &mut problems,
        );
        problems.sort_by(|a, b| (&a.file, a.line).cmp(&(&b.file, b.line)));
        if problems.iter().any(|p| !p.warning) {
            return Err(Error::Invalid(problems));
        }
        let warnings = problems;

        let by_code = guides
            .iter()
            .enumerate()
            .map(|(i, g)| (g.code.clone(), i))
            .collect();
        let m = manifest.unwrap_or_default();
        let info = ContentInfo {
            name: if m.name.is_empty() {
                "Sổ tay thủ tục hành chính".to_string()
            } else {
                m.name
            },
            version: m.version,
            date: m.date,
            source: m.source,
            origin: origin.to_string(),
            guides: guides.len(),
            edited,
            national,
            record_date,
        };
        Ok(Handbook {
            info,
            rules,
            guides,
            life_events,
            families,
            glossary,
            locality,
            forms,
            by_code,
            warnings,
        })
    }

    /// A handbook made of already parsed guides (for generated or scaled-up collections). Codes must be
    /// unique; a later duplicate replaces nothing and is dropped.
    pub fn from_guides(info: ContentInfo, guides: Vec<Guide>) -> Handbook {
        let mut by_code = HashMap::new();
        let mut kept = Vec::with_capacity(guides.len());
        for g in guides {
            if !by_code.contains_key(&g.code) {
                by_code.insert(g.code.clone(), kept.len());
                kept.push(g);
            }
        }
        let national = kept
            .iter()
            .filter(|g| g.origin == crate::guide::Origin::National)
            .count();
        Handbook {
            info: ContentInfo {
                guides: kept.len(),
                edited: kept.len() - national,
                national,
                ..info
            },
            rules: Rules::default(),
            guides: kept,
            life_events: Vec::new(),
            families: Vec::new(),
            glossary: Vec::new(),
            locality: None,
            forms: Vec::new(),
            by_code,
            warnings: Vec::new(),
        }
    }

    /// Rebuilds the code lookup (after the handbook was read back from a snapshot).
    pub(crate) fn reindex(&mut self) {
        self.by_code = self
            .guides
            .iter()
            .enumerate()
            .map(|(i, g)| (g.code.clone(), i))
            .collect();
    }

    /// The same handbook with another glossary (query expansion data).
    pub fn with_glossary(mut self, glossary: Vec<Term>) -> Handbook {
        self.glossary = glossary;
        self
    }

    /// The guide with this national code.
    pub fn guide(&self, code: &str) -> Option<&Guide> {
        self.by_code.get(code.trim()).map(|&i| &self.guides[i])
    }

    /// The position of a guide in [`Handbook::guides`].
    pub fn position(&self, code: &str) -> Option<usize> {
        self.by_code.get(code.trim()).copied()
    }

    /// The guide with this code, or [`Error::UnknownCode`].
    pub fn require(&self, code: &str) -> Result<&Guide> {
        self.guide(code)
            .ok_or_else(|| Error::UnknownCode(code.to_string()))
    }

    /// The families a procedure belongs to.
    pub fn families_of(&self, code: &str) -> Vec<&Family> {
        self.families
            .iter()
            .filter(|f| f.members.iter().any(|m| m == code))
            .collect()
    }

    /// Procedures easily confused with this one: the other members of its families.
    pub fn look_alikes(&self, code: &str) -> Vec<&Guide> {
        let mut out: Vec<&Guide> = Vec::new();
        for family in self.families_of(code) {
            for m in &family.members {
                if m != code
                    && let Some(g) = self.guide(m)
                    && !out.iter().any(|x| x.code == g.code)
                {
                    out.push(g);
                }
            }
        }
        out
    }
}

/// The first bound a content file breaks before it is decoded: a guide too large, a line too long, a
/// NUL byte (a damaged file: it would otherwise show up as a misleading "missing section").
fn bounds_problem(path: &str, bytes: &[u8]) -> Option<Problem> {
    if path.ends_with(".md") && bytes.len() > MAX_GUIDE_BYTES {
        return Some(Problem::new(
            path,
            0,
            format!(
                "the guide is {} bytes; a guide may be at most {MAX_GUIDE_BYTES} bytes (split it)",
                bytes.len()
            ),
        ));
    }
    if let Some(at) = bytes.iter().position(|&b| b == 0) {
        return Some(Problem::new(
            path,
            line_of(bytes, at),
            format!(
                "NUL byte at byte {at}: the file is damaged or not plain text; save it again as UTF-8 text"
            ),
        ));
    }
    for (i, line) in bytes.split(|&b| b == b'\n').enumerate() {
        if line.len() > MAX_LINE_BYTES {
            return Some(Problem::new(
                path,
                i + 1,
                format!(
                    "the line is {} bytes long; at most {MAX_LINE_BYTES} bytes are allowed (break it up)",
                    line.len()
                ),
            ));
        }
    }
    None
}

fn parse_toml<T: serde::de::DeserializeOwned>(
    path: &str,
    text: &str,
    problems: &mut Vec<Problem>,
) -> Option<T> {
    match toml::from_str(text) {
        Ok(v) => Some(v),
        Err(e) => {
            let line = e.span().map_or(0, |s| line_of(text.as_bytes(), s.start));
            problems.push(Problem::new(path, line, e.message().to_string()));
            None
        }
    }
}
