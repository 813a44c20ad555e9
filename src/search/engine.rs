//! The search engine: builds the in-RAM index of a handbook and answers queries.

use std::collections::BTreeMap;
use std::time::Instant;

use serde::{Deserialize, Serialize};
use tantivy::collector::{Count, TopDocs};
use tantivy::columnar::Column;
use tantivy::directory::RamDirectory;
use tantivy::query::AllQuery;
use tantivy::{DocAddress, Index, IndexReader, IndexSettings, ReloadPolicy, Searcher, doc};

use super::analyze::{Analysis, Expander, Token, analyze};
use super::query::{self, Plan, Weights};
use super::rerank::{self, Names, Target};
use super::schema::{self, Fields};
use super::score;
use super::snapshot;
use super::snippet::{Highlight, SnippetSource, escape};
use super::suggest::Vocabulary;
use super::{Choice, FamilyChoice, Filters, Hit, SearchOptions, SearchResults};
use crate::content::{Handbook, Term};
use crate::error::Result;
use crate::guide::{Guide, Level};
use crate::lang::{Audience, Lexicon};

/// Longest snippet, in characters.
const SNIPPET_CHARS: usize = 180;
/// Most hits a single query may ask for.
pub const MAX_LIMIT: usize = 1000;
/// Characters of each body that feed the suggestion vocabulary.
const VOCABULARY_BODY_CHARS: usize = 4000;
/// Characters of each body that snippets are cut from.
const SNIPPET_SOURCE_CHARS: usize = 500;
/// How many BM25 candidates the re-ranker looks at.
const RERANK_DEPTH: usize = 40;
/// A pair of syllables in at least this many titles is a pair procedures are named by (see
/// [`analyze`]: a function word typed without marks beside its partner keeps its weight).
const NAMED_PAIR_TITLES: u64 = 3;
/// A hit's score, as a share of the first, above which look-alikes are "close".
const AMBIGUITY_RATIO: f32 = 0.8;
/// How many leading hits are looked at for look-alikes.
const AMBIGUITY_DEPTH: usize = 4;
/// Fuzzy matching for unknown words runs on queries of at most this many content words: in a long
/// question an unknown word is a name or a place, not a typo.
const FUZZY_MAX_WORDS: usize = 6;
/// "Did you mean" looks at queries of at most this many content words (or any query with no result).
const SUGGEST_MAX_WORDS: usize = 8;

/// A value of a facet and how many guides have it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct FacetCount {
    /// The value (field name, level id, or life event id).
    pub value: String,
    /// The label to show.
    pub label: String,
    /// Number of guides.
    pub count: usize,
}

/// Every facet of the handbook with counts, for filter menus and browsing.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Facets {
    /// Fields (lĩnh vực).
    pub fields: Vec<FacetCount>,
    /// Levels.
    pub levels: Vec<FacetCount>,
    /// Life events.
    pub events: Vec<FacetCount>,
    /// Audiences (citizens, foreign element, organisations, armed forces).
    #[serde(default)]
    pub audiences: Vec<FacetCount>,
    /// Ministries whose catalogue lists the procedures.
    #[serde(default)]
    pub ministries: Vec<FacetCount>,
    /// The level of the office the app serves (`config.toml`): the desk's default scope. Always a
    /// [`Level`]'s id.
    #[serde(default)]
    #[cfg_attr(feature = "ts", ts(as = "Level"))]
    pub office: String,
}

/// A handbook and its search index.
pub struct Engine {
    handbook: Handbook,
    reader: IndexReader,
    /// The index's files (kept to write snapshots).
    ram: RamDirectory,
    fields: Fields,
    lexicon: &'static Lexicon,
    /// The built-in glossary extended by the handbook's own.
    glossary: Vec<Term>,
    expander: Expander,
    /// The level of the office the app serves: its procedures rank first when a query names no level.
    office: Level,
    vocabulary: Vocabulary,
    weights: Weights,
    /// Folded names per guide, in handbook order, for re-ranking.
    names: Vec<Names>,
    /// The start of each guide's body text, in handbook order, split for snippets.
    snippets: Vec<SnippetSource>,
}

impl std::fmt::Debug for Engine {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Engine")
            .field("guides", &self.handbook.guides.len())
            .finish()
    }
}

impl Engine {
    /// Indexes a handbook in RAM with the default weights.
    pub fn new(handbook: Handbook) -> Result<Engine> {
        Engine::with_weights(handbook, Weights::default())
    }

    /// Indexes a handbook in RAM with the given weights (used to tune them).
    pub fn with_weights(handbook: Handbook, weights: Weights) -> Result<Engine> {
        let lexicon = Lexicon::builtin()?;
        let (schema, fields) = schema::schema();
        let ram = RamDirectory::create();
        let index = Index::create(ram.clone(), schema, IndexSettings::default())?;
        schema::register(&index);
        let heap = (50_000_000 + handbook.guides.len() * 20_000).min(400_000_000);
        let threads = std::thread::available_parallelism().map_or(1, |n| n.get().min(4));
        let mut writer = index.writer_with_num_threads(threads, heap * threads)?;
        let mut vocabulary = Vocabulary::default();
        let mut snippets = Vec::with_capacity(handbook.guides.len());
        // The names the re-ranker reads; their audiences are also the audience facet.
        let names: Vec<Names> = handbook
            .guides
            .iter()
            .map(|g| Names::new(g, lexicon))
            .collect();
        for ((ord, g), names) in handbook.guides.iter().enumerate().zip(&names) {
            let mut titles = format!("{}\n{}", g.title, g.official_title);
            // Titles of the national records abbreviate ("sổ BHXH", "chế độ TNLĐ"): index them spelled
            // out too, so that the words people use find them.
            for t in [&g.title, &g.official_title] {
                if let Some(spelled) = lexicon.spell_out(t) {
                    titles.push('\n');
                    titles.push_str(&spelled);
                }
            }
            let aliases = g.aliases.join("\n");
            let questions = g.questions.join("\n");
            let body = g.body_text();
            let mut d = doc!(
                fields.code => g.code.as_str(),
                fields.title.exact => titles.as_str(),
                fields.title.fold => titles.as_str(),
                fields.title.bigram => titles.as_str(),
                fields.alias.exact => aliases.as_str(),
                fields.alias.fold => aliases.as_str(),
                fields.alias.bigram => aliases.as_str(),
                fields.questions.exact => questions.as_str(),
                fields.questions.fold => questions.as_str(),
                fields.questions.bigram => questions.as_str(),
                fields.body.exact => body.as_str(),
                fields.body.fold => body.as_str(),
                fields.body.bigram => body.as_str(),
                fields.field => g.field.as_str(),
            );
            d.add_u64(fields.ord, ord as u64);
            for l in &g.levels {
                d.add_text(fields.level, l.id());
            }
            for e in &g.life_events {
                d.add_text(fields.event, e);
            }
            for a in names.audiences() {
                d.add_text(fields.audience, a.id());
            }
            if let Some(m) = &g.ministry {
                d.add_text(fields.ministry, m);
            }
            writer.add_document(d)?;
            // The vocabulary restores diacritics in suggestions: names and the start of the body suffice.
            let head = prefix_chars(&body, VOCABULARY_BODY_CHARS);
            for text in [titles.as_str(), aliases.as_str(), head] {
                vocabulary.add(text);
            }
            snippets.push(SnippetSource::new(
                prefix_chars(&body, SNIPPET_SOURCE_CHARS).to_string(),
            ));
        }
        // The language layer's words are known words too: a citizen's "Đài Loan" or "tía" is not a
        // typo to correct into a word of some procedure's name.
        for word in lexicon.situations.words() {
            vocabulary.add(word);
        }
        for term in lexicon.glossary_with(&handbook.glossary) {
            vocabulary.add(&term.term);
            for v in &term.variants {
                vocabulary.add(v);
            }
        }
        writer.commit()?;
        // One segment per indexing thread: every clause of a query costs a dictionary lookup and a
        // scorer per segment, so searches over one merged segment take a fifth less time, for about
        // 0.3 s more on a build that happens once per content (the snapshot cache keeps it).
        let segments = index.searchable_segment_ids()?;
        if segments.len() > 1 {
            writer.merge(&segments).wait()?;
        }
        writer.wait_merging_threads()?;
        let meta = snapshot::Meta {
            handbook,
            vocabulary,
            snippets,
            names,
        };
        Engine::assemble(meta, ram, weights)
    }

    /// Opens an engine from a snapshot ([`Engine::snapshot`]). `key`, when given, must be the key the
    /// snapshot was written with ([`snapshot::key`] of the content it was built from).
    pub fn from_snapshot(bytes: &[u8], key: Option<&[u8; 32]>) -> Result<Engine> {
        let (meta, ram) = snapshot::decode(bytes, key)?;
        Engine::assemble(meta, ram, Weights::default())
    }

    /// The engine saved as one file, under `key` (see [`snapshot`]).
    pub fn snapshot(&self, key: &[u8; 32]) -> Result<Vec<u8>> {
        let meta = snapshot::MetaRef {
            handbook: &self.handbook,
            vocabulary: &self.vocabulary,
            snippets: &self.snippets,
            names: &self.names,
        };
        snapshot::encode(key, &meta, &self.ram)
    }

    /// An engine over an index that exists, and the state built with it.
    fn assemble(meta: snapshot::Meta, ram: RamDirectory, weights: Weights) -> Result<Engine> {
        let lexicon = Lexicon::builtin()?;
        let (_, fields) = schema::schema();
        let index = Index::open(ram.clone())?;
        schema::register(&index);
        let reader = index
            .reader_builder()
            .reload_policy(ReloadPolicy::Manual)
            .try_into()?;
        let snapshot::Meta {
            handbook,
            vocabulary,
            snippets,
            names,
        } = meta;
        if names.len() != handbook.guides.len() || snippets.len() != handbook.guides.len() {
            return Err(crate::Error::Snapshot(
                "its tables do not match its guides".to_string(),
            ));
        }
        let glossary = lexicon.glossary_with(&handbook.glossary);
        let expander = Expander::new(&glossary, lexicon);
        Ok(Engine {
            names,
            snippets,
            handbook,
            reader,
            ram,
            fields,
            lexicon,
            glossary,
            expander,
            office: Level::Xa,
            vocabulary,
            weights,
        })
    }

    /// Names where the handbook was loaded from (a snapshot keeps the name it was built under).
    pub(crate) fn set_origin(&mut self, origin: &str) {
        self.handbook.info.origin = origin.to_string();
    }

    /// Changes the query-time weights (the index does not depend on them).
    pub fn set_weights(&mut self, weights: Weights) {
        self.weights = weights;
    }

    /// Sets the level of the office the app serves (`config.toml`): its procedures rank first when a
    /// query names no level. The commune level by default.
    pub fn set_office_level(&mut self, level: Level) {
        self.office = level;
    }

    /// The glossary in force: the language layer's, extended by the handbook's own entries.
    pub fn glossary(&self) -> &[Term] {
        &self.glossary
    }

    /// Bytes the index occupies (all segments, all fields).
    pub fn index_bytes(&self) -> u64 {
        self.reader
            .searcher()
            .space_usage()
            .map_or(0, |u| u.total().get_bytes())
    }

    /// The handbook searched.
    pub fn handbook(&self) -> &Handbook {
        &self.handbook
    }

    /// Analyses a query without searching (for tools and tests, and `sotay search --explain`).
    pub fn analyze(&self, query: &str) -> Analysis {
        let searcher = self.reader.searcher();
        let named_pair = |pair: &str| {
            let term = tantivy::Term::from_field_text(self.fields.title.bigram, pair);
            searcher.doc_freq(&term).unwrap_or(0) >= NAMED_PAIR_TITLES
        };
        analyze(
            query,
            self.lexicon,
            &self.expander,
            self.weights.tokens(),
            &named_pair,
        )
    }

    /// Searches. Any text is a valid query: odd input gives empty or best-effort results, never an error;
    /// errors only come from the index itself.
    pub fn search(&self, query: &str, options: &SearchOptions) -> Result<SearchResults> {
        let started = Instant::now();
        let limit = options.limit.clamp(1, MAX_LIMIT);
        let analysis = self.analyze(query);
        let searcher = self.reader.searcher();
        let mut results = SearchResults {
            query: analysis.normalized.clone(),
            total: 0,
            took_us: 0,
            hits: Vec::new(),
            ambiguous: false,
            family: None,
            suggestion: None,
            intent: analysis.intent,
        };

        if analysis.is_empty() {
            if has_filters(&options.filters) {
                self.browse(&searcher, &options.filters, limit, &mut results)?;
            }
            results.took_us = elapsed_us(started);
            return Ok(results);
        }

        // A word typed with the input method off is known when its decoding is ("chuwngs" is "chứng").
        let unknown_at: Vec<bool> = (analysis.tokens.iter().enumerate())
            .map(|(i, t)| {
                !self.knows(&searcher, &t.folded)
                    && analysis
                        .decoded
                        .as_ref()
                        .and_then(|d| d.get(i))
                        .is_none_or(|d| d.folded == t.folded || !self.knows(&searcher, &d.folded))
            })
            .collect();
        let unknown = unknown_at.contains(&true);
        let content_words = analysis.tokens.iter().filter(|t| t.weight >= 0.5).count();

        // A short query with a misspelt word is searched as corrected ("dang ky khia sinh" as "đăng ký
        // khai sinh"): in a catalogue of thousands, a fuzzy match of the typo also reaches the word's
        // near neighbours in other names. Not while typing (the last word is unfinished, not wrong),
        // nor for Telex or VNI input, which the analysis has already decoded.
        let known = |w: &str| self.lexicon.is_everyday(w) || self.knows(&searcher, w);
        let corrected = (unknown
            && !options.prefix
            && analysis.decoded.is_none()
            && content_words <= SUGGEST_MAX_WORDS)
            .then(|| self.vocabulary.corrected(&analysis.tokens, &known))
            .flatten()
            .map(|s| self.analyze(&s))
            .filter(|a| !a.is_empty());
        let mut used = corrected.as_ref().unwrap_or(&analysis);
        let mut plan = Plan {
            analysis: used,
            prefix: options.prefix,
            fuzzy: corrected.is_none() && unknown && content_words <= FUZZY_MAX_WORDS,
            // Only the unknown words are fuzzed: a known word is not a typo, and its fuzzy neighbours in
            // a big catalogue cost time (the longest clause lists) and add noise.
            fuzzy_at: Some(&unknown_at),
        };
        let depth = limit.max(RERANK_DEPTH);
        let (mut total, mut top, mut searched) =
            self.run(&searcher, &plan, &options.filters, depth)?;
        if total == 0 && corrected.is_some() {
            // The correction found nothing: back to what was typed.
            used = &analysis;
            plan.analysis = used;
            plan.fuzzy = unknown && content_words <= FUZZY_MAX_WORDS;
            (total, top, searched) = self.run(&searcher, &plan, &options.filters, depth)?;
        }
        if total == 0 && !plan.fuzzy {
            // Nothing at all: every word may be the typo.
            plan.fuzzy = true;
            plan.fuzzy_at = None;
            (total, top, searched) = self.run(&searcher, &plan, &options.filters, depth)?;
        }
        results.total = total;

        if searched {
            let mut ranked = self.rerank(&searcher, used, options.prefix, top)?;
            ranked.truncate(limit);
            // A query that names the leading guide completely, when the next one it does not, is precise.
            let precise = matches!(ranked.as_slice(), [a, b, ..] if a.2 >= 1.0 && b.2 < 1.0);
            let highlight = highlight(used, options.prefix);
            for (score, i, _) in ranked {
                let g = &self.handbook.guides[i];
                let snippet = self.snippets[i]
                    .render(&highlight, SNIPPET_CHARS)
                    .unwrap_or_else(|| escape(&g.summary));
                results.hits.push(hit(g, score, snippet));
            }
            if !precise {
                self.mark_ambiguity(&mut results);
            }
        }
        // "Did you mean" is for what a person types into a box, not for a question of three sentences,
        // whose unknown words are names and places: rewriting it word by word gives nonsense ("con gái
        // năm nay" → "còn gái năm ngày"), which costs the clerk's trust for nothing.
        if results.hits.is_empty() || content_words <= SUGGEST_MAX_WORDS {
            let everyday = |w: &str| self.lexicon.is_everyday(w);
            // Keys typed with the input method off ("ddawng kys"): their decoding is offered (with
            // a word still unknown corrected) when it reads as typing, not as a typo: at least two
            // words decoded (or the only one), none of them a word as typed ("photo" is not "phôt"),
            // and one of them known once decoded.
            let decoded = analysis.decoded.as_ref().filter(|decoded| {
                let changed: Vec<(&Token, &Token)> = (decoded.iter().zip(&analysis.tokens))
                    .filter(|(d, t)| d.exact != t.exact)
                    .collect();
                (changed.len() >= 2 || changed.len() == analysis.tokens.len())
                    && changed.iter().all(|(_, t)| !known(&t.folded))
                    && changed.iter().any(|(d, _)| known(&d.folded))
            });
            results.suggestion = match decoded {
                Some(decoded) => self
                    .vocabulary
                    .suggest(decoded, false, true, &everyday)
                    .or_else(|| {
                        Some(
                            (decoded.iter().map(|t| t.exact.as_str()))
                                .collect::<Vec<_>>()
                                .join(" "),
                        )
                    }),
                None => self.vocabulary.suggest(
                    &analysis.tokens,
                    results.hits.is_empty(),
                    true,
                    &everyday,
                ),
            };
        }
        results.took_us = elapsed_us(started);
        Ok(results)
    }

    /// Runs one plan; returns the total, the top documents and whether the plan had anything to search.
    fn run(
        &self,
        searcher: &Searcher,
        plan: &Plan<'_>,
        filters: &Filters,
        limit: usize,
    ) -> Result<Candidates> {
        let Some(scoring) = query::build(&self.fields, &self.weights, plan) else {
            return Ok((0, Vec::new(), false));
        };
        let filters = query::filter_terms(&self.fields, filters);
        let (total, top) = score::top(searcher, &scoring, &filters, limit)?;
        Ok((total, top, true))
    }

    /// Re-ranks BM25 candidates by how well the query names them; returns (score, guide index, name
    /// cover), best first.
    fn rerank(
        &self,
        searcher: &Searcher,
        analysis: &Analysis,
        prefix: bool,
        top: Vec<(f32, DocAddress)>,
    ) -> Result<Vec<(f32, usize, f32)>> {
        let best = top.first().map_or(0.0, |t| t.0);
        let words = rerank::query_words(analysis, prefix);
        let target = Target::new(analysis, self.office);
        let ords = self.ord_columns(searcher)?;
        let mut ranked = Vec::with_capacity(top.len());
        for (bm25, addr) in top {
            if let Some(i) = index_of(&ords, addr) {
                let cover =
                    rerank::name_cover(&self.names[i], &words, self.weights.situation_cover);
                let s = rerank::score(
                    bm25,
                    best,
                    &self.names[i],
                    cover,
                    &words,
                    &target,
                    &self.weights,
                );
                ranked.push((s, i, cover));
            }
        }
        // Equal scores (twin records at several levels often have them) keep the handbook's order:
        // the index's own order of documents depends on how its build threads shared them out, so
        // without this the same query could list tied guides differently after each rebuild.
        ranked.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
        Ok(ranked)
    }

    /// The `ord` fast-field column of every segment.
    fn ord_columns(&self, searcher: &Searcher) -> Result<Vec<Column<u64>>> {
        Ok(searcher
            .segment_readers()
            .iter()
            .map(|r| r.fast_fields().u64(schema::ORD))
            .collect::<tantivy::Result<Vec<_>>>()?)
    }

    /// Whether a folded syllable occurs in any guide (its body view holds every text part).
    fn knows(&self, searcher: &Searcher, folded: &str) -> bool {
        let term = tantivy::Term::from_field_text(self.fields.body.fold, folded);
        let in_names = |f: tantivy::schema::Field| {
            searcher
                .doc_freq(&tantivy::Term::from_field_text(f, folded))
                .unwrap_or(0)
                > 0
        };
        searcher.doc_freq(&term).unwrap_or(0) > 0
            || in_names(self.fields.title.fold)
            || in_names(self.fields.alias.fold)
    }

    /// Lists every guide matching the filters, by title (an empty query with filters set).
    fn browse(
        &self,
        searcher: &Searcher,
        filters: &Filters,
        limit: usize,
        results: &mut SearchResults,
    ) -> Result<()> {
        let q = query::with_filters(&self.fields, Box::new(AllQuery), filters);
        let (top, total) = searcher.search(
            &*q,
            &(TopDocs::with_limit(MAX_LIMIT).order_by_score(), Count),
        )?;
        let ords = self.ord_columns(searcher)?;
        let mut guides: Vec<&Guide> = top
            .into_iter()
            .filter_map(|(_, addr)| index_of(&ords, addr))
            .map(|i| &self.handbook.guides[i])
            .collect();
        guides.sort_by_cached_key(|g| crate::text::fold(&g.title));
        results.total = total;
        results.hits = guides
            .into_iter()
            .take(limit)
            .map(|g| hit(g, 0.0, escape(&g.summary)))
            .collect();
        Ok(())
    }

    /// Sets `ambiguous` when two look-alikes (members of one family) are among the leading hits with
    /// scores close to the best. In a catalogue of thousands a third procedure can sit between two
    /// look-alikes, so the leading few are looked at, not only the first two.
    fn mark_ambiguity(&self, results: &mut SearchResults) {
        let Some(best) = results.hits.first().map(|h| h.score) else {
            return;
        };
        let close: Vec<&str> = results
            .hits
            .iter()
            .take(AMBIGUITY_DEPTH)
            .filter(|h| h.score >= best * AMBIGUITY_RATIO)
            .map(|h| h.code.as_str())
            .collect();
        let shared = close.iter().enumerate().find_map(|(i, code)| {
            self.handbook.families_of(code).into_iter().find(|f| {
                close[i + 1..]
                    .iter()
                    .any(|c| f.members.iter().any(|m| m == c))
            })
        });
        if let Some(f) = shared {
            results.ambiguous = true;
            results.family = Some(FamilyChoice {
                id: f.id.clone(),
                name: f.name.clone(),
                question: f.question.clone(),
                members: f
                    .members
                    .iter()
                    .filter_map(|c| self.handbook.guide(c))
                    .map(|g| Choice {
                        code: g.code.clone(),
                        title: g.title.clone(),
                        choose_when: g.choose_when.clone().unwrap_or_default(),
                    })
                    .collect(),
            });
        }
    }

    /// Facet values with counts.
    pub fn facets(&self) -> Facets {
        self.facets_within(None)
    }

    /// Facet values with counts within one level (the desk's scope): fields, life events, audiences and
    /// ministries count only the guides at `level`; the levels count every guide (they are the scope's
    /// choices). `None` counts every guide.
    pub fn facets_within(&self, level: Option<Level>) -> Facets {
        let all = &self.handbook.guides;
        let within = |i: usize| level.is_none_or(|l| all[i].levels.contains(&l));
        let guides: Vec<&Guide> = (0..all.len())
            .filter(|&i| within(i))
            .map(|i| &all[i])
            .collect();
        let mut fields: BTreeMap<&str, usize> = BTreeMap::new();
        for g in &guides {
            *fields.entry(g.field.as_str()).or_insert(0) += 1;
        }
        let levels = Level::ALL
            .into_iter()
            .map(|l| FacetCount {
                value: l.id().to_string(),
                label: l.label().to_string(),
                count: all.iter().filter(|g| g.levels.contains(&l)).count(),
            })
            .filter(|f| f.count > 0)
            .collect();
        let events = self
            .handbook
            .life_events
            .iter()
            .map(|e| FacetCount {
                value: e.id.clone(),
                label: e.name.clone(),
                count: guides
                    .iter()
                    .filter(|g| g.life_events.contains(&e.id))
                    .count(),
            })
            .collect();
        let audiences = Audience::ALL
            .into_iter()
            .map(|a| FacetCount {
                value: a.id().to_string(),
                label: a.label().to_string(),
                count: self
                    .names
                    .iter()
                    .enumerate()
                    .filter(|(i, n)| within(*i) && n.audiences().contains(&a))
                    .count(),
            })
            .filter(|f| f.count > 0)
            .collect();
        let mut ministries: BTreeMap<&str, usize> = BTreeMap::new();
        for g in &guides {
            if let Some(m) = &g.ministry {
                *ministries.entry(m.as_str()).or_insert(0) += 1;
            }
        }
        let counts = |map: BTreeMap<&str, usize>| -> Vec<FacetCount> {
            map.into_iter()
                .map(|(f, count)| FacetCount {
                    value: f.to_string(),
                    label: f.to_string(),
                    count,
                })
                .collect()
        };
        Facets {
            fields: counts(fields),
            levels,
            events,
            audiences,
            ministries: counts(ministries),
            office: self.office.id().to_string(),
        }
    }
}

/// What one search plan found: the total, the top documents with their BM25 scores, and whether the plan
/// had anything to search.
type Candidates = (usize, Vec<(f32, DocAddress)>, bool);

/// The handbook position of a hit, from the `ord` fast field.
fn index_of(ords: &[Column<u64>], addr: DocAddress) -> Option<usize> {
    let column = ords.get(addr.segment_ord as usize)?;
    column
        .first(addr.doc_id)
        .and_then(|o| usize::try_from(o).ok())
}

/// The first `max` characters of a text.
fn prefix_chars(text: &str, max: usize) -> &str {
    match text.char_indices().nth(max) {
        Some((i, _)) => &text[..i],
        None => text,
    }
}

fn has_filters(f: &Filters) -> bool {
    f.field.is_some()
        || f.level.is_some()
        || f.event.is_some()
        || f.audience.is_some()
        || f.ministry.is_some()
}

fn hit(g: &Guide, score: f32, snippet: String) -> Hit {
    Hit {
        code: g.code.clone(),
        title: g.title.clone(),
        field: g.field.clone(),
        score,
        snippet,
    }
}

fn elapsed_us(started: Instant) -> u64 {
    u64::try_from(started.elapsed().as_micros()).unwrap_or(u64::MAX)
}

/// The words a query highlights in snippets: every folded word it searches for (typed, decoded from
/// Telex/VNI, or from a glossary expansion), and the last typed word as a prefix when searching as you type.
fn highlight(analysis: &Analysis, prefix: bool) -> Highlight<'_> {
    let typed = analysis.tokens.iter();
    let decoded = analysis.decoded.iter().flatten();
    let expanded = analysis
        .expansions
        .iter()
        .flat_map(|e| e.phrases.iter().flatten());
    Highlight::new(
        typed
            .chain(decoded)
            .chain(expanded)
            .map(|t| t.folded.as_str()),
        analysis
            .tokens
            .last()
            .filter(|_| prefix)
            .map(|t| t.folded.as_str()),
    )
}
