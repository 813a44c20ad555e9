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
mod load;
mod validate;

use std::collections::HashMap;
use std::path::Path;

use serde::{Deserialize, Serialize};

pub use data::{Family, LifeEvent, Locality, Manifest, Office, Rules, Term, TermKind};
pub use files::SourceFile;

use crate::error::{Error, Problem, Result};
use crate::guide::Guide;

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

/// A loaded, validated handbook.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Handbook {
    /// Manifest and origin.
    pub info: ContentInfo,
    /// Editorial rules in force.
    pub rules: Rules,
    /// Guides, sorted by file path, their HTML compacted ([`Guide::for_display`] restores it).
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
    ///
    /// The steps are in [`load`]; they run in this order so that problems are found in it, then every
    /// problem of every file is sorted by place and returned together.
    pub fn from_files_at(
        origin: &str,
        files: Vec<SourceFile>,
        today: Option<&str>,
    ) -> Result<Handbook> {
        let mut problems = Vec::new();
        let load::Decoded { texts, catalogues } = load::decode_files(files, &mut problems);
        let mut parsed = load::Parsed::parse(&texts, &mut problems);
        load::check_has_guides(&parsed, &catalogues, &mut problems);
        load::check_version(parsed.manifest.as_ref(), &texts, &mut problems);
        let provenance = load::merge_catalogues(&mut parsed.guides, catalogues);
        parsed.forms.sort_by(|a, b| a.id.cmp(&b.id));
        load::link_forms(&mut parsed.guides, &parsed.forms, &mut problems);
        let rules = parsed
            .manifest
            .as_ref()
            .map(|m| m.rules.clone())
            .unwrap_or_default();
        load::cross_check(&parsed, &rules, &texts, today, &mut problems);
        problems.sort_by(|a, b| (&a.file, a.line).cmp(&(&b.file, b.line)));
        if problems.iter().any(|p| !p.warning) {
            return Err(Error::Invalid(problems));
        }
        Ok(Handbook::assemble(
            origin, parsed, rules, provenance, problems,
        ))
    }

    /// The handbook of content that loaded without an error; `warnings` are the problems left.
    fn assemble(
        origin: &str,
        parsed: load::Parsed,
        rules: Rules,
        provenance: load::Provenance,
        warnings: Vec<Problem>,
    ) -> Handbook {
        let mut guides = parsed.guides;
        guides.iter_mut().for_each(Guide::compact_html);
        let by_code = guides
            .iter()
            .enumerate()
            .map(|(i, g)| (g.code.clone(), i))
            .collect();
        let m = parsed.manifest.unwrap_or_default();
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
            edited: provenance.edited,
            national: provenance.national,
            record_date: provenance.record_date,
        };
        Handbook {
            info,
            rules,
            guides,
            life_events: parsed.life_events,
            families: parsed.families,
            glossary: parsed.glossary,
            locality: parsed.locality,
            forms: parsed.forms,
            by_code,
            warnings,
        }
    }

    /// A handbook made of already parsed guides (for generated or scaled-up collections). Codes must be
    /// unique; a later duplicate replaces nothing and is dropped.
    pub fn from_guides(info: ContentInfo, guides: Vec<Guide>) -> Handbook {
        let mut by_code = HashMap::new();
        let mut kept = Vec::with_capacity(guides.len());
        for mut g in guides {
            if !by_code.contains_key(&g.code) {
                by_code.insert(g.code.clone(), kept.len());
                g.compact_html();
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
