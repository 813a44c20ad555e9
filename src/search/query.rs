//! Builds the clauses of a search from an [`Analysis`]: weighted terms (scored by `score.rs`), and fuzzy
//! and regex queries. Raw user text never reaches tantivy's query grammar (search-notes item 8): every
//! clause is a term, fuzzy or regex query over normalized tokens.

use rustc_hash::FxHashMap as HashMap;
use tantivy::Term;
use tantivy::query::{
    BooleanQuery, BoostQuery, FuzzyTermQuery, Occur, Query, RegexQuery, TermQuery,
};
use tantivy::schema::{Field, IndexRecordOption};

use super::Filters;
use super::analyze::{Analysis, Source, Token, TokenWeights};
use super::schema::{Fields, Views};
use super::score::Scoring;

/// Per-field and per-source weights. The defaults were tuned on the tuning sets
/// (`tests/relevance/queries.tsv` and the development set) with `sotay eval` and `xtask/examples/tune.rs`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Weights {
    /// Title: diacritics kept, folded, bigram.
    pub title: [f32; 3],
    /// Aliases: diacritics kept, folded, bigram.
    pub alias: [f32; 3],
    /// Example questions: diacritics kept, folded, bigram.
    pub questions: [f32; 3],
    /// Body: diacritics kept, folded, bigram.
    pub body: [f32; 3],
    /// Factor for glossary expansions.
    pub expansion: f32,
    /// Factor for the vocabulary of a recognised situation (times the rule's own weight).
    pub situation: f32,
    /// Weight of a function word of the query ("của", "đã", "gia đình").
    pub function: f32,
    /// Factor for a word a recognised situation has read ("bố", "mất").
    pub trigger: f32,
    /// Factor for the words of a background sentence in a question of several sentences.
    pub context: f32,
    /// Factor for the Telex/VNI decoding.
    pub decoded: f32,
    /// Factor for the prefix of the last word (search as you type).
    pub prefix: f32,
    /// Factor for fuzzy matches (second pass only).
    pub fuzzy: f32,
    /// Re-ranking: bonus for the share of a title's (or an alias's) syllables the query contains.
    pub cover: f32,
    /// Re-ranking: bonus for the share of the query's syllables found in the title or aliases.
    pub query_cover: f32,
    /// Re-ranking: how much a name covered only with the words of a recognised situation counts,
    /// against one covered by what was typed.
    pub situation_cover: f32,
    /// Prior: bonus for a procedure done at the office's level (or the level the query names).
    pub level: f32,
    /// Prior: bonus for a procedure for the audience the query names (Vietnamese citizens when none).
    pub audience: f32,
    /// Prior: bonus for an edited guide over a record converted without editing.
    pub edited: f32,
    /// Prior: penalty for a procedure that changes or replaces something (cấp lại, cấp đổi, trình báo
    /// mất, gia hạn…) when the query names no such change.
    pub change: f32,
}

impl Weights {
    /// The token weights the analysis applies.
    pub fn tokens(&self) -> TokenWeights {
        TokenWeights {
            function: self.function,
            trigger: self.trigger,
            context: self.context,
        }
    }
}

impl Default for Weights {
    fn default() -> Self {
        // Chosen by `xtask/examples/tune.rs` (coordinate descent on the tuning sets over the default handbook
        // and the national catalogue alone); the held-out set was not read.
        Weights {
            title: [1.5, 1.5, 3.0],
            alias: [0.375, 0.375, 0.75],
            questions: [2.0, 2.0, 4.0],
            body: [1.2, 1.2, 2.4],
            expansion: 1.69,
            situation: 1.0,
            function: 0.1,
            trigger: 0.75,
            context: 0.6,
            decoded: 0.8,
            prefix: 0.5,
            fuzzy: 0.4,
            cover: 0.225,
            query_cover: 0.6,
            situation_cover: 1.0,
            level: 0.225,
            audience: 0.1125,
            edited: 0.05,
            change: 0.25,
        }
    }
}

/// The clauses of one query. A term asked for twice (a word of the query that an expansion repeats,
/// a word without marks whose exact and folded forms are the same) becomes one clause whose boost is
/// the sum: BM25 is linear in the boost, so the score is the same, and the union has fewer postings
/// to walk (a quarter of the clauses of a typical query are repeats).
#[derive(Default)]
struct Clauses {
    /// Index of each term's clause in `terms`.
    seen: HashMap<Term, usize>,
    terms: Vec<(Term, f32)>,
    /// Fuzzy and regex clauses, kept as they are.
    other: Vec<Box<dyn Query>>,
}

impl Clauses {
    fn term(&mut self, field: Field, text: &str, boost: f32) {
        let term = Term::from_field_text(field, text);
        match self.seen.get(&term) {
            Some(&i) => self.terms[i].1 += boost,
            None => {
                self.seen.insert(term.clone(), self.terms.len());
                self.terms.push((term, boost));
            }
        }
    }

    fn other(&mut self, query: Box<dyn Query>) {
        self.other.push(query);
    }

    fn into_scoring(self) -> Option<Scoring> {
        let scoring = Scoring {
            terms: self.terms,
            other: self.other,
        };
        (!scoring.is_empty()).then_some(scoring)
    }
}

/// Clauses for one run of tokens: each syllable against the exact and folded views, each adjacent pair
/// against the bigram view, for title, aliases, questions and body. A syllable counts by its weight; a
/// pair by the heavier of its two ("cấp lại" keeps its weight though "lại" alone says little).
fn phrase_clauses(fields: &Fields, w: &Weights, tokens: &[Token], factor: f32, out: &mut Clauses) {
    let views: [(&Views, &[f32; 3]); 4] = [
        (&fields.title, &w.title),
        (&fields.alias, &w.alias),
        (&fields.questions, &w.questions),
        (&fields.body, &w.body),
    ];
    for t in tokens {
        let f = factor * t.weight;
        for (v, weights) in views {
            out.term(v.exact, &t.exact, weights[0] * f);
            out.term(v.fold, &t.folded, weights[1] * f);
        }
    }
    for pair in tokens.windows(2) {
        let bigram = format!("{}_{}", pair[0].folded, pair[1].folded);
        let f = factor * pair[0].weight.max(pair[1].weight);
        for (v, weights) in views {
            out.term(v.bigram, &bigram, weights[2] * f);
        }
    }
}

/// What the main query is made of.
pub(super) struct Plan<'a> {
    pub(super) analysis: &'a Analysis,
    pub(super) prefix: bool,
    pub(super) fuzzy: bool,
    /// Which of the analysis's tokens the fuzzy pass may fuzz (a bigram when either of its words may);
    /// `None`: all of them.
    pub(super) fuzzy_at: Option<&'a [bool]>,
}

/// Builds the scoring clauses (without filters); `None` when there is nothing to search for.
pub(super) fn build(fields: &Fields, w: &Weights, plan: &Plan<'_>) -> Option<Scoring> {
    let a = plan.analysis;
    let mut clauses = Clauses::default();
    phrase_clauses(fields, w, &a.tokens, 1.0, &mut clauses);
    for e in &a.expansions {
        let factor = match e.source {
            Source::Glossary => w.expansion,
            Source::Situation => w.situation,
        } * e.weight;
        for phrase in &e.phrases {
            phrase_clauses(fields, w, phrase, factor, &mut clauses);
        }
    }
    if let Some(decoded) = &a.decoded {
        phrase_clauses(fields, w, decoded, w.decoded, &mut clauses);
    }
    for t in &a.tokens {
        if crate::guide::parse::is_valid_code(&t.exact) {
            clauses.term(fields.code, &t.exact, 20.0);
        }
    }
    if plan.prefix
        && let Some(last) = a.tokens.last()
        && last.folded.chars().count() >= 2
        && last.folded.chars().all(char::is_alphanumeric)
    {
        // A word being typed with its marks ("vắ") is matched with them: folded, "va" would also
        // start "van", "vào", "vay"….
        let marked = crate::text::has_diacritics(&last.exact);
        for (v, weights) in [(&fields.title, &w.title), (&fields.alias, &w.alias)] {
            let (field, stem, weight) = if marked {
                (v.exact, &last.exact, weights[0])
            } else {
                (v.fold, &last.folded, weights[1])
            };
            if let Ok(q) = RegexQuery::from_pattern(&format!("{stem}.*"), field) {
                clauses.other(Box::new(BoostQuery::new(Box::new(q), weight * w.prefix)));
            }
        }
    }
    if plan.fuzzy {
        fuzzy_clauses(fields, w, a, plan.fuzzy_at, &mut clauses);
    }
    // Whole-code queries like "1.000894" are split by the syllable cutter; catch them on the raw text.
    let raw = a.normalized.trim();
    if crate::guide::parse::is_valid_code(raw) {
        clauses.term(fields.code, raw, 20.0);
    }
    clauses.into_scoring()
}

/// Second pass for typos: fuzzy folded syllables of 5+ letters (2 edits from 9), and fuzzy folded bigrams,
/// which correct a typo inside a known two-syllable word (search-notes item 5).
fn fuzzy_clauses(
    fields: &Fields,
    w: &Weights,
    a: &Analysis,
    only: Option<&[bool]>,
    out: &mut Clauses,
) {
    let fuzzy = |field: Field, text: &str, distance: u8, boost: f32| -> Box<dyn Query> {
        let q = FuzzyTermQuery::new(Term::from_field_text(field, text), distance, true);
        Box::new(BoostQuery::new(Box::new(q), boost))
    };
    // Keystrokes typed with the input method off are fuzzed as decoded: "chuwngs" is two edits from
    // nothing useful, "chứng" one edit from what was meant.
    let tokens = a.decoded.as_ref().unwrap_or(&a.tokens);
    let may = |i: usize| only.is_none_or(|o| o.get(i).copied().unwrap_or(true));
    for (i, t) in tokens.iter().enumerate() {
        let n = t.folded.chars().count();
        if n >= 5 && may(i) {
            let d = if n >= 9 { 2 } else { 1 };
            for (v, weights) in [(&fields.title, &w.title), (&fields.alias, &w.alias)] {
                out.other(fuzzy(v.fold, &t.folded, d, weights[1] * w.fuzzy));
            }
        }
    }
    for (i, pair) in tokens.windows(2).enumerate() {
        let bigram = format!("{}_{}", pair[0].folded, pair[1].folded);
        if bigram.chars().count() >= 6 && (may(i) || may(i + 1)) {
            for (v, weights) in [
                (&fields.title, &w.title),
                (&fields.alias, &w.alias),
                (&fields.body, &w.body),
            ] {
                out.other(fuzzy(v.bigram, &bigram, 1, weights[2] * w.fuzzy * 2.0));
            }
        }
    }
}

/// The filters' terms; a guide must hold every one.
pub(super) fn filter_terms(fields: &Fields, filters: &Filters) -> Vec<Term> {
    let mut terms = Vec::new();
    if let Some(f) = &filters.field {
        terms.push(Term::from_field_text(fields.field, f.trim()));
    }
    if let Some(l) = filters.level {
        terms.push(Term::from_field_text(fields.level, l.id()));
    }
    if let Some(e) = &filters.event {
        terms.push(Term::from_field_text(fields.event, e.trim()));
    }
    if let Some(a) = filters.audience {
        terms.push(Term::from_field_text(fields.audience, a.id()));
    }
    if let Some(m) = &filters.ministry {
        terms.push(Term::from_field_text(fields.ministry, m.trim()));
    }
    terms
}

/// Wraps a query with the filters as required clauses (for browsing by filters alone).
pub(super) fn with_filters(
    fields: &Fields,
    query: Box<dyn Query>,
    filters: &Filters,
) -> Box<dyn Query> {
    let mut must: Vec<(Occur, Box<dyn Query>)> = (filter_terms(fields, filters).into_iter())
        .map(|t| -> (Occur, Box<dyn Query>) {
            (
                Occur::Must,
                Box::new(TermQuery::new(t, IndexRecordOption::Basic)),
            )
        })
        .collect();
    if must.is_empty() {
        return query;
    }
    must.push((Occur::Must, query));
    Box::new(BooleanQuery::new(must))
}
