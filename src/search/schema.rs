//! The tantivy schema and analyzers for Vietnamese guides.
//!
//! Three views of each text part (title, aliases, body), per search-notes items 1–4:
//! - `exact`: syllables lowercased, diacritics kept, so a user who typed the marks is rewarded;
//! - `fold`: the same with every diacritic removed (`đăng`→`dang`), for people who type without marks;
//! - `bigram`: folded syllable pairs (`dang_ky`), precomputed by [`crate::text::folded_bigrams`], which
//!   recover multi-syllable words without a word segmenter.
//!
//! Text reaches tantivy already NFC-normalized with one tone placement ([`crate::text::normalize`]).

use tantivy::Index;
use tantivy::schema::{
    FAST, Field, IndexRecordOption, STRING, Schema, TextFieldIndexing, TextOptions,
};
use tantivy::tokenizer::{
    AsciiFoldingFilter, LowerCaser, RemoveLongFilter, SimpleTokenizer, TextAnalyzer,
    WhitespaceTokenizer,
};

/// Analyzer name: syllables, lowercased, diacritics kept.
pub const EXACT: &str = "vi_exact";
/// Analyzer name: syllables, lowercased, diacritics removed.
pub const FOLD: &str = "vi_fold";
/// Analyzer name: whitespace-separated precomputed tokens (bigrams).
pub const WORDS: &str = "vi_words";

/// Name of the fast field holding each guide's position in the handbook.
pub const ORD: &str = "ord";

/// The three views of one text part.
#[derive(Debug, Clone, Copy)]
pub struct Views {
    /// Diacritics kept.
    pub exact: Field,
    /// Diacritics removed.
    pub fold: Field,
    /// Folded syllable bigrams.
    pub bigram: Field,
}

impl Views {
    /// The three fields, in the order exact, fold, bigram.
    pub fn all(&self) -> [Field; 3] {
        [self.exact, self.fold, self.bigram]
    }
}

/// Every field of the index.
#[derive(Debug, Clone, Copy)]
pub struct Fields {
    /// National code (for queries that are a code).
    pub code: Field,
    /// Short and official titles.
    pub title: Views,
    /// Everyday names.
    pub alias: Views,
    /// Summary, documents, steps, conditions, notes, results.
    pub body: Views,
    /// Field (lĩnh vực) id, for filtering.
    pub field: Field,
    /// Level ids, for filtering.
    pub level: Field,
    /// Life event ids, for filtering.
    pub event: Field,
    /// The guide's position in the handbook (a fast field: hits map to guides without loading documents).
    pub ord: Field,
}

fn text(tokenizer: &str) -> TextOptions {
    TextOptions::default().set_indexing_options(
        TextFieldIndexing::default()
            .set_tokenizer(tokenizer)
            .set_index_option(IndexRecordOption::WithFreqs),
    )
}

/// Builds the schema.
pub fn schema() -> (Schema, Fields) {
    let mut b = Schema::builder();
    let mut views = |name: &str| Views {
        exact: b.add_text_field(&format!("{name}_exact"), text(EXACT)),
        fold: b.add_text_field(&format!("{name}_fold"), text(FOLD)),
        bigram: b.add_text_field(&format!("{name}_bigram"), text(WORDS)),
    };
    let title = views("title");
    let alias = views("alias");
    let body = views("body");
    let fields = Fields {
        code: b.add_text_field("code", STRING),
        title,
        alias,
        body,
        field: b.add_text_field("field", STRING),
        level: b.add_text_field("level", STRING),
        event: b.add_text_field("event", STRING),
        ord: b.add_u64_field(ORD, FAST),
    };
    (b.build(), fields)
}

/// Registers the analyzers on an index.
pub fn register(index: &Index) {
    let m = index.tokenizers();
    m.register(
        EXACT,
        TextAnalyzer::builder(SimpleTokenizer::default())
            .filter(RemoveLongFilter::limit(48))
            .filter(LowerCaser)
            .build(),
    );
    m.register(
        FOLD,
        TextAnalyzer::builder(SimpleTokenizer::default())
            .filter(RemoveLongFilter::limit(48))
            .filter(LowerCaser)
            .filter(AsciiFoldingFilter)
            .build(),
    );
    m.register(
        WORDS,
        TextAnalyzer::builder(WhitespaceTokenizer::default())
            .filter(RemoveLongFilter::limit(100))
            .build(),
    );
}
