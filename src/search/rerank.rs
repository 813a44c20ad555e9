//! Second-stage ranking of the leading BM25 candidates.
//!
//! BM25 rewards guides whose long body repeats the query's words, so "Đăng ký kết hôn lưu động" can outscore
//! "Đăng ký kết hôn" for the query "đăng ký kết hôn". People name a procedure by its title or an everyday
//! alias; the re-ranker adds how much of a title (or of the best alias) the query covers, and how much of the
//! query the title and aliases explain, to the BM25 score scaled to the best candidate.
//!
//! Then a prior: the national catalogue holds the same procedure at commune, province and central level,
//! and near-twins for foreigners, organisations or the armed forces. When a query names no level and no
//! audience, a commune desk's citizen means the commune-level procedure for Vietnamese citizens; the
//! prior adds a small bonus for the office's level, for the audience the query names (citizens when it
//! names none) and for guides an editor has checked. It is small on purpose: it decides between guides
//! that are otherwise close, and never lifts a guide the query does not name.

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

use super::analyze::{Analysis, Source};
use super::query::Weights;
use crate::guide::{Guide, Level, Origin};
use crate::lang::{Audience, Lexicon, audiences_of};
use crate::text::{fold, syllables};

/// A token weighs at least this much to count as a content word of the query in name coverage.
const CONTENT_WEIGHT: f32 = 0.5;

/// What the re-ranker knows of a guide, prepared once at index time.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub(super) struct Names {
    title: Words,
    aliases: Vec<Words>,
    /// Every syllable of the title, the official title and the aliases, sorted, each once.
    all: Words,
    levels: Vec<Level>,
    audiences: Vec<Audience>,
    edited: bool,
    /// The words a query would ask for the title's changes by ([`CHANGES`], folded); empty for a
    /// procedure that starts something.
    changes: Vec<Words>,
}

/// How a procedure's title says it replaces or ends something already issued, and the word by which
/// a query asks for that: a re-issue ("cấp lại", "đăng ký lại": "lại"), an exchange ("cấp đổi":
/// "đổi"), a loss ("mất"), an extension ("gia hạn": "hạn"), a restoration, a withdrawal. Titles are
/// matched with their marks ("lại" of "cấp lại", not the "lái" of "giấy phép lái xe"). Changes that
/// people describe in words of their own ("thay đổi" asked as "chuyển cửa hàng", a correction asked
/// as "ghi sai") are left out: their absence from a query says nothing.
const CHANGES: &[(&str, &str)] = &[
    ("cấp lại", "lại"),
    ("đăng ký lại", "lại"),
    ("cấp đổi", "đổi"),
    ("mất", "mất"),
    ("gia hạn", "hạn"),
    ("khôi phục", "khôi phục"),
    ("thu hồi", "thu hồi"),
    ("hủy", "hủy"),
];

/// Syllables at the start of a title that say what the procedure does ("Cấp lại …", "Trình báo mất
/// …", "Gia hạn …"); a change named further on is a detail of a long title ("Giao đất, cho thuê đất, …
/// không đấu giá …"), not what it does.
const CHANGE_AT: usize = 4;

/// The query words (folded) by which a query would ask for each change a title names.
fn changes(title: &str) -> Vec<Words> {
    let mut exact = syllables(&title.to_lowercase());
    exact.truncate(CHANGE_AT);
    CHANGES
        .iter()
        .filter(|(c, _)| {
            let c: Vec<&str> = c.split(' ').collect();
            exact
                .windows(c.len())
                .any(|w| w.iter().zip(&c).all(|(a, b)| a == b))
        })
        .map(|(_, asked)| Words::new(syllables(&fold(asked))))
        .collect()
}

/// Folded syllables joined by single spaces. One string per name instead of one per syllable: the
/// catalogue's names hold some 150,000 syllables, and a `String` each cost about 8 MB of the app's
/// memory. Syllables never hold a space, so splitting gives them back.
#[derive(Debug, Clone, Default, serde::Serialize, serde::Deserialize)]
#[serde(transparent)]
struct Words(String);

impl Words {
    fn new<S: AsRef<str>>(words: impl IntoIterator<Item = S>) -> Words {
        let mut joined = String::new();
        for w in words {
            if !joined.is_empty() {
                joined.push(' ');
            }
            joined.push_str(w.as_ref());
        }
        joined.shrink_to_fit();
        Words(joined)
    }

    fn iter(&self) -> impl Iterator<Item = &str> {
        self.0.split(' ').filter(|w| !w.is_empty())
    }
}

impl Names {
    pub(super) fn new(g: &Guide, lexicon: &Lexicon) -> Names {
        let words = |s: &str| syllables(&fold(s));
        let title = words(&g.title);
        let mut aliases: Vec<Vec<String>> = g.aliases.iter().map(|a| words(a)).collect();
        // A title with abbreviations is also named by their spelled-out form.
        if let Some(spelled) = lexicon.spell_out(&g.title) {
            aliases.push(words(&spelled));
        }
        let mut all: HashSet<String> = title.iter().cloned().collect();
        all.extend(words(&g.official_title));
        if let Some(spelled) = lexicon.spell_out(&g.official_title) {
            all.extend(words(&spelled));
        }
        all.extend(aliases.iter().flatten().cloned());
        let mut all: Vec<String> = all.into_iter().collect();
        all.sort();
        Names {
            title: Words::new(&title),
            aliases: aliases.iter().map(Words::new).collect(),
            all: Words::new(&all),
            levels: g.levels.clone(),
            audiences: audiences_of(&g.title, &g.official_title, &g.applicants),
            edited: g.origin == Origin::Edited,
            changes: changes(&g.title),
        }
    }

    /// Who the procedure is for.
    pub(super) fn audiences(&self) -> &[Audience] {
        &self.audiences
    }
}

/// The words of a query, for name coverage.
pub(super) struct QueryWords {
    /// Each typed syllable (folded) with the sum of its weights (a word typed twice counts twice).
    typed: HashMap<String, f32>,
    /// The sum of every typed syllable's weight.
    typed_total: f32,
    /// Every content word the query stands for: typed, decoded and expanded by the glossary.
    all: HashSet<String>,
    /// The words recognised situations add.
    situation: HashSet<String>,
    /// The word being typed (folded), when searching as you type: a name word it starts counts.
    prefix: Option<String>,
}

impl QueryWords {
    fn has(&self, word: &str) -> bool {
        self.all.contains(word) || self.prefix.as_deref().is_some_and(|p| word.starts_with(p))
    }

    fn has_with_situation(&self, word: &str) -> bool {
        self.has(word) || self.situation.contains(word)
    }
}

/// The folded syllables the query stands for: typed, decoded and expanded; with `prefix`, the last
/// typed word is also a prefix.
pub(super) fn query_words(a: &Analysis, prefix: bool) -> QueryWords {
    let mut typed: HashMap<String, f32> = HashMap::default();
    for t in &a.tokens {
        *typed.entry(t.folded.clone()).or_default() += t.weight;
    }
    let typed_total = a.tokens.iter().map(|t| t.weight).sum();
    let mut all: HashSet<String> = a
        .tokens
        .iter()
        .filter(|t| t.weight >= CONTENT_WEIGHT)
        .map(|t| t.folded.clone())
        .collect();
    if let Some(d) = &a.decoded {
        all.extend(
            d.iter()
                .filter(|t| t.weight >= CONTENT_WEIGHT)
                .map(|t| t.folded.clone()),
        );
    }
    let mut situation = HashSet::default();
    for e in &a.expansions {
        let words = e.phrases.iter().flatten().map(|t| t.folded.clone());
        match e.source {
            Source::Glossary => all.extend(words),
            Source::Situation => situation.extend(words),
        }
    }
    let prefix = a
        .tokens
        .last()
        .filter(|t| prefix && t.folded.chars().count() >= 2)
        .map(|t| t.folded.clone());
    QueryWords {
        typed,
        typed_total,
        all,
        situation,
        prefix,
    }
}

/// Share of a name's syllables the query has (`has`).
fn share(name: &Words, has: &dyn Fn(&str) -> bool) -> f32 {
    let (mut len, mut found) = (0usize, 0usize);
    for w in name.iter() {
        len += 1;
        found += usize::from(has(w));
    }
    if len == 0 {
        return 0.0;
    }
    found as f32 / len as f32
}

/// How completely a set of query words names the guide: the better of title and best alias coverage.
fn cover_by(names: &Names, has: &dyn Fn(&str) -> bool) -> f32 {
    let alias = names
        .aliases
        .iter()
        .map(|a| share(a, has))
        .fold(0.0, f32::max);
    share(&names.title, has).max(alias)
}

/// How completely the query names the guide. What a person typed (and the glossary's reading of it)
/// counts fully; with the vocabulary of recognised situations it counts by `situation` (a reading of
/// what was said must not outweigh what was said).
pub(super) fn name_cover(names: &Names, query: &QueryWords, situation: f32) -> f32 {
    let typed = cover_by(names, &|w| query.has(w));
    if query.situation.is_empty() {
        return typed;
    }
    typed.max(situation * cover_by(names, &|w| query.has_with_situation(w)))
}

/// Where the query points: the level and audiences it names, or the office's level and citizens.
#[derive(Debug, Clone)]
pub(super) struct Target {
    levels: Vec<Level>,
    audiences: Vec<Audience>,
}

impl Target {
    pub(super) fn new(a: &Analysis, office: Level) -> Target {
        Target {
            levels: if a.levels.is_empty() {
                vec![office]
            } else {
                a.levels.clone()
            },
            audiences: if a.audiences.is_empty() {
                vec![Audience::Citizen]
            } else {
                a.audiences.clone()
            },
        }
    }
}

/// The prior of a guide: level, audience, edited, and a change the query does not ask for.
fn prior(names: &Names, query: &QueryWords, target: &Target, w: &Weights) -> f32 {
    // A title that replaces or changes something ("Cấp lại thẻ căn cước", "Trình báo mất hộ chiếu")
    // answers a query that names none of its changes only if nothing else does: "làm hộ chiếu cho
    // con" asks for the passport itself.
    let unasked = !names.changes.is_empty()
        && !names
            .changes
            .iter()
            .any(|c| c.iter().all(|s| query.has_with_situation(s)));
    let level = names.levels.iter().any(|l| target.levels.contains(l));
    // A guide fits the audience when it serves one the query means, and, when the query means
    // citizens only, carries no mark of another audience (a foreign-element or armed-forces twin).
    let audience = if target.audiences == [Audience::Citizen] {
        names.audiences == [Audience::Citizen]
    } else {
        names.audiences.iter().any(|a| target.audiences.contains(a))
    };
    w.level * f32::from(u8::from(level))
        + w.audience * f32::from(u8::from(audience))
        + w.edited * f32::from(u8::from(names.edited))
        - w.change * f32::from(u8::from(unasked))
}

/// The re-ranked score of one candidate, whose [`name_cover`] is `cover`.
pub(super) fn score(
    bm25: f32,
    best: f32,
    names: &Names,
    cover: f32,
    query: &QueryWords,
    target: &Target,
    w: &Weights,
) -> f32 {
    let base = if best > 0.0 { bm25 / best } else { 0.0 };
    // The share of the typed weight that the names explain. The names' syllables are distinct, so
    // one pass over them, looking each up among the typed words, counts every typed word once.
    let explained = if query.typed_total > 0.0 {
        names
            .all
            .iter()
            .filter_map(|word| query.typed.get(word))
            .sum::<f32>()
            / query.typed_total
    } else {
        0.0
    };
    base + w.cover * cover + w.query_cover * explained + prior(names, query, target, w)
}
