//! Checks that span files: unique codes, references that resolve, and the editorial rules of the manifest.

use std::collections::{HashMap, HashSet};

use super::audit::{self, Finding, Place, Severity};
use super::data::{Family, LifeEvent, Rules, Term, TermKind};
use crate::error::Problem;
use crate::guide::parse::{is_valid_code, key_line};
use crate::guide::{Guide, Origin};

/// Words that betray an unfinished guide.
const PLACEHOLDERS: [&str; 6] = [
    "todo",
    "xxx",
    "lorem ipsum",
    "đang cập nhật",
    "tbd",
    "fixme",
];

/// Everything the cross-file checks look at.
pub(super) struct Content<'a> {
    pub(super) guides: &'a [Guide],
    pub(super) life_events: &'a [LifeEvent],
    pub(super) families: &'a [Family],
    pub(super) glossary: &'a [Term],
    pub(super) rules: &'a Rules,
    pub(super) has_events_file: bool,
    /// Normalized text of every file, to point problems at the right line.
    pub(super) sources: &'a HashMap<&'a str, &'a str>,
    /// Today (`YYYY-MM-DD`) for the date rules of [`audit`]; `None` skips them.
    pub(super) today: Option<&'a str>,
    /// The built-in glossary, checked with the handbook's own (its line numbers come from its text).
    pub(super) builtin_glossary: &'a [Term],
}

impl Content<'_> {
    /// Line of `key = …` in a file (1 when not found).
    fn line(&self, file: &str, key: &str) -> usize {
        self.sources
            .get(file)
            .and_then(|text| key_line(text, key))
            .map_or(1, |i| i + 1)
    }

    /// The line a finding points at (0 when not found).
    fn place_line(&self, file: &str, place: &Place) -> usize {
        let Some(text) = self.sources.get(file) else {
            return 0;
        };
        match place {
            Place::Channel(n, key) => {
                let Some(start) = text
                    .lines()
                    .enumerate()
                    .filter(|(_, l)| l.trim() == "[[channels]]")
                    .nth(*n)
                    .map(|(i, _)| i)
                else {
                    return 0;
                };
                let rest: String = text
                    .lines()
                    .skip(start)
                    .take_while(|l| l.trim() != "+++")
                    .collect::<Vec<_>>()
                    .join("\n");
                key_line(&rest, key).map_or(start + 1, |i| start + i + 1)
            }
            Place::Text(needle) => {
                let short: String = needle.chars().take(30).collect();
                self.find(file, &short)
            }
        }
    }

    /// A finding as a problem of a file.
    fn problem(&self, file: &str, f: &Finding) -> Problem {
        let line = self.place_line(file, &f.place);
        match f.severity {
            Severity::Error => Problem::new(file, line, f.message.clone()),
            Severity::Warning => Problem::warning(file, line, f.message.clone()),
        }
    }

    /// Line of the first occurrence of `needle` in a file (0 when not found).
    fn find(&self, file: &str, needle: &str) -> usize {
        self.sources
            .get(file)
            .and_then(|text| {
                text.lines()
                    .position(|l| l.to_lowercase().contains(&needle.to_lowercase()))
            })
            .map_or(0, |i| i + 1)
    }
}

/// Runs every cross-file check, appending to `problems`.
pub(super) fn check(c: &Content<'_>, problems: &mut Vec<Problem>) {
    let mut first: HashMap<&str, &str> = HashMap::new();
    for g in c.guides {
        if let Some(other) = first.insert(&g.code, &g.source) {
            problems.push(Problem::new(
                &g.source,
                c.line(&g.source, "code"),
                format!("duplicate code {}: also used by {other}", g.code),
            ));
            first.insert(&g.code, other);
        }
    }
    let codes: HashSet<&str> = c.guides.iter().map(|g| g.code.as_str()).collect();
    let events: HashSet<&str> = c.life_events.iter().map(|e| e.id.as_str()).collect();

    for g in c.guides {
        check_guide(c, g, &codes, &events, problems);
    }
    check_events(c, problems);
    check_families(c, &codes, problems);
    check_glossary(c, problems);
}

fn check_guide(
    c: &Content<'_>,
    g: &Guide,
    codes: &HashSet<&str>,
    events: &HashSet<&str>,
    problems: &mut Vec<Problem>,
) {
    let file = g.source.as_str();
    for r in &g.related {
        if r == &g.code {
            problems.push(Problem::new(
                file,
                c.line(file, "related"),
                "`related` lists the guide itself",
            ));
        } else if !codes.contains(r.as_str()) {
            problems.push(Problem::new(
                file,
                c.line(file, "related"),
                format!("`related` names {r}, which has no guide"),
            ));
        }
    }
    if let Some(r) = &g.replaced_by
        && !is_valid_code(r)
    {
        problems.push(Problem::new(
            file,
            c.line(file, "replaced_by"),
            format!("`replaced_by` \"{r}\" is not a procedure code"),
        ));
    }
    for e in &g.life_events {
        if !events.contains(e.as_str()) {
            let hint = if c.has_events_file {
                "see life-events.toml"
            } else {
                "the content has no life-events.toml to define it"
            };
            problems.push(Problem::new(
                file,
                c.line(file, "life_events"),
                format!("unknown life event \"{e}\"; {hint}"),
            ));
        }
    }
    // A record converted without editing answers to the data, not to the editorial rules (the
    // importer lists its findings for the content office instead).
    if g.origin == Origin::National {
        return;
    }
    for f in audit::check_guide(g, c.today) {
        problems.push(c.problem(file, &f));
    }
    if c.rules.require_life_events && g.life_events.is_empty() {
        problems.push(Problem::new(
            file,
            c.line(file, "life_events"),
            "the guide belongs to no life event",
        ));
    }
    if g.aliases.len() < c.rules.min_aliases {
        problems.push(Problem::new(
            file,
            c.line(file, "aliases"),
            format!(
                "{} everyday name(s) in `aliases`; at least {} are required",
                g.aliases.len(),
                c.rules.min_aliases
            ),
        ));
    }
    if g.questions.len() < c.rules.min_questions {
        problems.push(Problem::new(
            file,
            c.line(file, "questions"),
            format!(
                "{} example question(s) in `questions`; at least {} are required",
                g.questions.len(),
                c.rules.min_questions
            ),
        ));
    }
    let mut seen = HashSet::new();
    for q in &g.questions {
        if !seen.insert(q.to_lowercase()) {
            problems.push(Problem::new(
                file,
                c.line(file, "questions"),
                format!("question \"{q}\" is listed twice"),
            ));
        }
    }
    let mut seen = HashSet::new();
    for a in &g.aliases {
        if !seen.insert(a.to_lowercase()) {
            problems.push(Problem::new(
                file,
                c.line(file, "aliases"),
                format!("alias \"{a}\" is listed twice"),
            ));
        }
    }
    if c.rules.plain_language
        && let Some(text) = c.sources.get(file)
    {
        let lower = text.to_lowercase();
        if lower.contains("cấp huyện")
            || lower.contains("ubnd huyện")
            || lower.contains("ủy ban nhân dân huyện")
        {
            problems.push(Problem::new(
                file,
                c.find(file, "huyện"),
                "names the district level, abolished on 1/7/2025; say cấp xã or cấp tỉnh",
            ));
        }
        let words: String = lower
            .chars()
            .map(|ch| if ch.is_alphanumeric() { ch } else { ' ' })
            .collect();
        let words = format!(
            " {} ",
            words.split_whitespace().collect::<Vec<_>>().join(" ")
        );
        for p in PLACEHOLDERS {
            if words.contains(&format!(" {p} ")) {
                problems.push(Problem::new(
                    file,
                    c.find(file, p),
                    format!("placeholder text \"{p}\""),
                ));
            }
        }
    }
}

fn check_events(c: &Content<'_>, problems: &mut Vec<Problem>) {
    let file = "life-events.toml";
    let mut ids = HashSet::new();
    for e in c.life_events {
        if !ids.insert(e.id.as_str()) {
            problems.push(Problem::new(
                file,
                c.find(file, &e.id),
                format!("life event \"{}\" defined twice", e.id),
            ));
        }
        if e.name.trim().is_empty() || e.description.trim().is_empty() {
            problems.push(Problem::new(
                file,
                c.find(file, &e.id),
                format!("life event \"{}\" needs a name and a description", e.id),
            ));
        }
        if c.rules.require_life_events && !c.guides.iter().any(|g| g.life_events.contains(&e.id)) {
            problems.push(Problem::new(
                file,
                c.find(file, &e.id),
                format!("life event \"{}\" has no guide", e.id),
            ));
        }
    }
}

fn check_families(c: &Content<'_>, codes: &HashSet<&str>, problems: &mut Vec<Problem>) {
    let file = "families.toml";
    let mut ids = HashSet::new();
    for f in c.families {
        let line = c.find(file, &format!("\"{}\"", f.id));
        if !ids.insert(f.id.as_str()) {
            problems.push(Problem::new(
                file,
                line,
                format!("family \"{}\" defined twice", f.id),
            ));
        }
        if f.members.len() < 2 {
            problems.push(Problem::new(
                file,
                line,
                format!("family \"{}\" needs at least two members", f.id),
            ));
        }
        for m in &f.members {
            if !codes.contains(m.as_str()) {
                problems.push(Problem::new(
                    file,
                    line,
                    format!("family \"{}\" names {m}, which has no guide", f.id),
                ));
            } else if let Some(g) = c.guides.iter().find(|g| &g.code == m)
                && g.choose_when.is_none()
            {
                problems.push(Problem::new(
                    &g.source,
                    0,
                    format!(
                        "member of family \"{}\" but has no `choose_when` line",
                        f.id
                    ),
                ));
            }
        }
    }
}

fn check_glossary(c: &Content<'_>, problems: &mut Vec<Problem>) {
    let file = "glossary.toml";
    for t in c.builtin_glossary {
        if let Some(f) = audit::check_term(t) {
            let line = crate::lang::GLOSSARY
                .lines()
                .position(|l| l.contains(&format!("\"{}\"", t.term)))
                .map_or(0, |i| i + 1);
            problems.push(Problem::new(crate::lang::GLOSSARY_FILE, line, f.message));
        }
    }
    let mut seen = HashSet::new();
    for t in c.glossary {
        if let Some(f) = audit::check_term(t) {
            problems.push(c.problem(file, &f));
        }
        let line = c.find(file, &format!("\"{}\"", t.term));
        if t.term.trim().is_empty() {
            problems.push(Problem::new(
                file,
                line,
                "a glossary entry has an empty `term`",
            ));
            continue;
        }
        if !seen.insert(t.term.to_lowercase()) {
            problems.push(Problem::new(
                file,
                line,
                format!("term \"{}\" defined twice", t.term),
            ));
        }
        if t.meaning.trim().is_empty() {
            problems.push(Problem::new(
                file,
                line,
                format!("term \"{}\" has no meaning", t.term),
            ));
        }
        if t.kind == TermKind::CachNoi && t.expand.is_empty() {
            problems.push(Problem::new(
                file,
                line,
                format!(
                    "everyday phrase \"{}\" needs `expand` words, or it does nothing",
                    t.term
                ),
            ));
        }
    }
}
