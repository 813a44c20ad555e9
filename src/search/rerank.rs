//! Second-stage ranking of the leading BM25 candidates.
//!
//! BM25 rewards guides whose long body repeats the query's words, so "Đăng ký kết hôn lưu động" can outscore
//! "Đăng ký kết hôn" for the query "đăng ký kết hôn". People name a procedure by its title or an everyday
//! alias; the re-ranker adds how much of a title (or of the best alias) the query covers, and how much of the
//! query the title and aliases explain, to the BM25 score scaled to the best candidate.

use rustc_hash::FxHashSet as HashSet;

use super::analyze::Analysis;
use super::query::Weights;
use crate::guide::Guide;
use crate::text::{fold, syllables};

/// Folded syllables of a guide's names, prepared once at index time.
#[derive(Debug, Clone)]
pub(super) struct Names {
    title: Vec<String>,
    aliases: Vec<Vec<String>>,
    all: HashSet<String>,
}

impl Names {
    pub(super) fn new(g: &Guide) -> Names {
        let words = |s: &str| syllables(&fold(s));
        let title = words(&g.title);
        let aliases: Vec<Vec<String>> = g.aliases.iter().map(|a| words(a)).collect();
        let mut all: HashSet<String> = title.iter().cloned().collect();
        all.extend(words(&g.official_title));
        all.extend(aliases.iter().flatten().cloned());
        Names {
            title,
            aliases,
            all,
        }
    }
}

/// The folded syllables the query stands for: typed, decoded and expanded.
pub(super) fn query_words(a: &Analysis) -> (Vec<String>, HashSet<String>) {
    let typed: Vec<String> = a.tokens.iter().map(|t| t.folded.clone()).collect();
    let mut all: HashSet<String> = typed.iter().cloned().collect();
    if let Some(d) = &a.decoded {
        all.extend(d.iter().map(|t| t.folded.clone()));
    }
    for e in &a.expansions {
        all.extend(e.phrases.iter().flatten().map(|t| t.folded.clone()));
    }
    (typed, all)
}

/// Share of a name's syllables found in the query.
fn share(name: &[String], query: &HashSet<String>) -> f32 {
    if name.is_empty() {
        return 0.0;
    }
    name.iter().filter(|w| query.contains(*w)).count() as f32 / name.len() as f32
}

/// How completely the query names the guide: the better of title and best alias coverage.
pub(super) fn name_cover(names: &Names, query: &HashSet<String>) -> f32 {
    let alias = names
        .aliases
        .iter()
        .map(|a| share(a, query))
        .fold(0.0, f32::max);
    share(&names.title, query).max(alias)
}

/// The re-ranked score of one candidate.
pub(super) fn score(
    bm25: f32,
    best: f32,
    names: &Names,
    typed: &[String],
    query: &HashSet<String>,
    w: &Weights,
) -> f32 {
    let base = if best > 0.0 { bm25 / best } else { 0.0 };
    let explained = if typed.is_empty() {
        0.0
    } else {
        typed.iter().filter(|t| names.all.contains(*t)).count() as f32 / typed.len() as f32
    };
    base + w.cover * name_cover(names, query) + w.query_cover * explained
}
