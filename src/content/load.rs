//! The steps of [`Handbook::from_files_at`](super::Handbook::from_files_at): files sorted by kind and
//! decoded, texts parsed, the national catalogue merged after the edited guides, forms linked, and the
//! whole cross-checked.
//!
//! Every step adds its problems to one list, in the order the steps run; the caller sorts that list by
//! file and line (a stable sort), so two problems at the same place keep the order found here.

use std::collections::{HashMap, HashSet};

use super::data::{self, Family, LifeEvent, Locality, Manifest, Term};
use super::files::{self, SourceFile};
use super::{MAX_CONTENT_VERSION, MAX_GUIDE_BYTES, MAX_LINE_BYTES, Rules, validate};
use crate::catalogue::Catalogue;
use crate::error::Problem;
use crate::guide::parse::{key_line, line_of};
use crate::guide::{Guide, parse_guide};
use crate::text::normalize;

/// The content files once read: the normalized text of each guide, form and data file, by path, and
/// the converted national catalogues.
pub(super) struct Decoded {
    pub(super) texts: Vec<(String, String)>,
    pub(super) catalogues: Vec<Catalogue>,
}

/// Sorts the files by kind and decodes them; a file that cannot be used (unreadable, too large, out of
/// bounds, not UTF-8) is reported and left out, so that the rest is still checked.
pub(super) fn decode_files(files: Vec<SourceFile>, problems: &mut Vec<Problem>) -> Decoded {
    let mut out = Decoded {
        texts: Vec::new(),
        catalogues: Vec::new(),
    };
    for f in files {
        if let Some(why) = &f.unusable {
            problems.push(Problem::new(&f.path, 0, why.clone()));
            continue;
        }
        // A catalogue is compressed and read record by record: the size bounds of a text do not apply.
        if files::is_catalogue(&f.path) && f.too_large.is_none() {
            let c = crate::catalogue::catalogue(&f.path, &f.bytes);
            problems.extend(c.problems.iter().cloned());
            out.catalogues.push(c);
            continue;
        }
        if let Some(text) = decode_text(&f, problems) {
            out.texts.push((f.path, text));
        }
    }
    out
}

/// The normalized text of a guide, form or data file, once its size, bounds and encoding are checked.
fn decode_text(f: &SourceFile, problems: &mut Vec<Problem>) -> Option<String> {
    if let Some(size) = f.too_large {
        problems.push(Problem::new(
            &f.path,
            0,
            format!(
                "file is {size} bytes; the limit is {} bytes",
                files::MAX_FILE_BYTES
            ),
        ));
        return None;
    }
    if let Some(p) = bounds_problem(&f.path, &f.bytes) {
        problems.push(p);
        return None;
    }
    match std::str::from_utf8(&f.bytes) {
        Ok(s) => Some(normalize(s)),
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
            None
        }
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

/// What the decoded texts hold once parsed, before the catalogue joins them and the cross-checks.
#[derive(Default)]
pub(super) struct Parsed {
    /// The edited guides that parsed, in file order.
    pub(super) guides: Vec<Guide>,
    /// Guide files met, whether they parsed or not (a folder whose guides all fail is not empty).
    pub(super) guide_files: usize,
    pub(super) manifest: Option<Manifest>,
    pub(super) life_events: Vec<LifeEvent>,
    pub(super) families: Vec<Family>,
    pub(super) glossary: Vec<Term>,
    pub(super) locality: Option<Locality>,
    pub(super) forms: Vec<crate::forms::Form>,
}

impl Parsed {
    /// Parses every text by its kind (guide, form or data file), in order.
    pub(super) fn parse(texts: &[(String, String)], problems: &mut Vec<Problem>) -> Parsed {
        let mut out = Parsed::default();
        for (path, text) in texts {
            out.add(path, text, problems);
        }
        out
    }

    /// One text: a guide by its `.md` extension, a form by its folder, else a data file by its name.
    fn add(&mut self, path: &str, text: &str, problems: &mut Vec<Problem>) {
        if path.ends_with(".md") {
            self.guide_files += 1;
            match parse_guide(path, text) {
                Ok(g) => self.guides.push(g),
                Err(p) => problems.extend(p),
            }
            return;
        }
        if crate::forms::is_form_path(path) {
            match crate::forms::parse_form(path, text) {
                Ok(f) => self.forms.push(f),
                Err(p) => problems.extend(p),
            }
            return;
        }
        self.data_file(path, text, problems);
    }

    /// A data file, known by its name; any other name is reported, since a misspelt one would
    /// otherwise be ignored without a word.
    fn data_file(&mut self, path: &str, text: &str, problems: &mut Vec<Problem>) {
        match path {
            "handbook.toml" => self.manifest = parse_toml(path, text, problems),
            "life-events.toml" => {
                self.life_events = parse_toml::<data::LifeEventsFile>(path, text, problems)
                    .map_or_else(Vec::new, |f| f.event);
            }
            "families.toml" => {
                self.families = parse_toml::<data::FamiliesFile>(path, text, problems)
                    .map_or_else(Vec::new, |f| f.family);
            }
            "glossary.toml" => {
                self.glossary = parse_toml::<data::GlossaryFile>(path, text, problems)
                    .map_or_else(Vec::new, |f| f.term);
            }
            "locality.toml" => self.locality = parse_toml(path, text, problems),
            _ => problems.push(Problem::new(
                path,
                0,
                "unknown data file; expected handbook.toml, life-events.toml, families.toml, glossary.toml or locality.toml",
            )),
        }
    }
}

/// A data file's TOML, or `None` with the problem at its line.
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

/// A folder without a single guide (and no broken one either) is most likely the wrong folder: said
/// once, rather than loading an empty handbook.
pub(super) fn check_has_guides(
    parsed: &Parsed,
    catalogues: &[Catalogue],
    problems: &mut Vec<Problem>,
) {
    if parsed.guide_files == 0
        && catalogues.is_empty()
        && !problems.iter().any(|p| p.file.ends_with(".md"))
    {
        problems.push(Problem::new(
            ".",
            0,
            "no guide: a handbook needs at least one guide file (*.md); is this the right folder?",
        ));
    }
}

/// The content version counts releases and is compared with a pack's: bounded like a pack's, at the
/// line of `version` in `handbook.toml`.
pub(super) fn check_version(
    manifest: Option<&Manifest>,
    texts: &[(String, String)],
    problems: &mut Vec<Problem>,
) {
    if let Some(m) = manifest
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
}

/// How many guides are edited and how many come from the national catalogue, and its month.
pub(super) struct Provenance {
    pub(super) edited: usize,
    pub(super) national: usize,
    pub(super) record_date: Option<String>,
}

/// Adds the catalogues' records after the edited guides, but those an edited guide replaces (and any
/// repeated across files): an edited guide is the better text of the same procedure.
pub(super) fn merge_catalogues(guides: &mut Vec<Guide>, catalogues: Vec<Catalogue>) -> Provenance {
    let edited = guides.len();
    let mut record_date = None;
    let mut taken: HashSet<String> = guides.iter().map(|g| g.code.clone()).collect();
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
    Provenance {
        edited,
        national: guides.len() - edited,
        record_date,
    }
}

/// Checks that every checklist item's `{form = "…"}` names a form of the handbook (an unknown one is an
/// error at the guide's file), and links the items of national records whose form file
/// (`(mẫu: MuCT01….doc)`) a form lists in `record_files`.
pub(super) fn link_forms(
    guides: &mut [Guide],
    forms: &[crate::forms::Form],
    problems: &mut Vec<Problem>,
) {
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

/// The checks across files ([`validate`]): references between guides, life events, families and the
/// glossary, the editorial rules, and the date rules when `today` is given.
pub(super) fn cross_check(
    parsed: &Parsed,
    rules: &Rules,
    texts: &[(String, String)],
    today: Option<&str>,
    problems: &mut Vec<Problem>,
) {
    let sources: HashMap<&str, &str> = texts
        .iter()
        .map(|(p, t)| (p.as_str(), t.as_str()))
        .collect();
    validate::check(
        &validate::Content {
            guides: &parsed.guides,
            life_events: &parsed.life_events,
            families: &parsed.families,
            glossary: &parsed.glossary,
            rules,
            has_events_file: texts.iter().any(|(p, _)| p == "life-events.toml"),
            sources: &sources,
            today,
            builtin_glossary: crate::lang::Lexicon::builtin()
                .map(|l| l.glossary.as_slice())
                .unwrap_or_default(),
        },
        problems,
    );
}
