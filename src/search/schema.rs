//! The tantivy schema and analyzers for Vietnamese guides.
//!
//! Three views of each text part (title, aliases, example questions, body), per search-notes items 1–4:
//! - `exact`: syllables lowercased, diacritics kept, so a user who typed the marks is rewarded;
//! - `fold`: the same with every diacritic removed (`đăng`→`dang`), for people who type without marks;
//! - `bigram`: folded syllable pairs (`dang_ky`), made by [`BigramTokenizer`], which recover
//!   multi-syllable words without a word segmenter.
//!
//! Text reaches tantivy already NFC-normalized with one tone placement ([`crate::text::normalize`]).

use tantivy::Index;
use tantivy::schema::{
    FAST, Field, IndexRecordOption, STRING, Schema, TextFieldIndexing, TextOptions,
};
use tantivy::tokenizer::{
    AsciiFoldingFilter, LowerCaser, RemoveLongFilter, SimpleTokenizer, TextAnalyzer, Token,
    TokenStream, Tokenizer,
};

use crate::text::fold_into;

/// Analyzer name: syllables, lowercased, diacritics kept.
pub const EXACT: &str = "vi_exact";
/// Analyzer name: syllables, lowercased, diacritics removed.
pub const FOLD: &str = "vi_fold";
/// Analyzer name: folded syllable bigrams computed from the text itself ([`BigramTokenizer`]).
pub const BIGRAMS: &str = "vi_bigrams";

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
    /// Example questions (how people ask for the procedure).
    pub questions: Views,
    /// Summary, documents, steps, conditions, notes, results.
    pub body: Views,
    /// Field (lĩnh vực) id, for filtering.
    pub field: Field,
    /// Level ids, for filtering.
    pub level: Field,
    /// Life event ids, for filtering.
    pub event: Field,
    /// Audience ids (`cong-dan`, `nuoc-ngoai`…), for filtering.
    pub audience: Field,
    /// The ministry whose catalogue lists the procedure, for filtering.
    pub ministry: Field,
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
        bigram: b.add_text_field(&format!("{name}_bigram"), text(BIGRAMS)),
    };
    let title = views("title");
    let alias = views("alias");
    let questions = views("questions");
    let body = views("body");
    let fields = Fields {
        code: b.add_text_field("code", STRING),
        title,
        alias,
        questions,
        body,
        field: b.add_text_field("field", STRING),
        level: b.add_text_field("level", STRING),
        event: b.add_text_field("event", STRING),
        audience: b.add_text_field("audience", STRING),
        ministry: b.add_text_field("ministry", STRING),
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
    m.register(BIGRAMS, TextAnalyzer::from(BigramTokenizer::default()));
}

/// Longest bigram token kept, in bytes (longer ones are noise such as pasted identifiers).
const MAX_BIGRAM_BYTES: usize = 100;

/// Emits the folded syllable bigrams of a text (`Đăng ký kết hôn` → `dang_ky`, `ky_ket`, `ket_hon`),
/// the same tokens as [`crate::text::folded_bigrams`] applied line by line: pairs never span a line
/// break. Computing them inside the tokenizer lets tantivy's indexing threads do the work instead of
/// the thread that feeds them documents.
#[derive(Debug, Clone, Default)]
pub struct BigramTokenizer {
    token: Token,
}

/// The token stream of [`BigramTokenizer`].
#[derive(Debug)]
pub struct BigramStream<'a> {
    text: &'a str,
    /// Byte offset where the search for the next syllable starts.
    cursor: usize,
    /// The previous syllable, folded, and where it started; empty at the start of a line.
    previous: String,
    previous_start: usize,
    current: String,
    token: &'a mut Token,
}

impl Tokenizer for BigramTokenizer {
    type TokenStream<'a> = BigramStream<'a>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> BigramStream<'a> {
        self.token.reset();
        self.token.position = usize::MAX;
        BigramStream {
            text,
            cursor: 0,
            previous: String::new(),
            previous_start: 0,
            current: String::new(),
            token: &mut self.token,
        }
    }
}

impl BigramStream<'_> {
    /// The next syllable's byte range, noting whether a line break came before it.
    fn next_syllable(&mut self) -> Option<(usize, usize, bool)> {
        let rest = &self.text[self.cursor..];
        let mut line_break = false;
        let mut start = None;
        for (i, c) in rest.char_indices() {
            match start {
                None if c.is_alphanumeric() => start = Some(i),
                None => line_break |= c == '\n',
                Some(s) if !c.is_alphanumeric() => {
                    self.cursor += i;
                    return Some((self.cursor - (i - s), self.cursor, line_break));
                }
                Some(_) => {}
            }
        }
        let s = start?;
        let begin = self.cursor + s;
        self.cursor = self.text.len();
        Some((begin, self.cursor, line_break))
    }
}

impl TokenStream for BigramStream<'_> {
    fn advance(&mut self) -> bool {
        while let Some((start, end, line_break)) = self.next_syllable() {
            if line_break {
                self.previous.clear();
            }
            self.current.clear();
            fold_into(&self.text[start..end], &mut self.current);
            let paired = !self.previous.is_empty()
                && self.previous.len() + 1 + self.current.len() < MAX_BIGRAM_BYTES;
            if paired {
                let t = &mut *self.token;
                t.text.clear();
                t.text.push_str(&self.previous);
                t.text.push('_');
                t.text.push_str(&self.current);
                t.offset_from = self.previous_start;
                t.offset_to = end;
                t.position = t.position.wrapping_add(1);
            }
            std::mem::swap(&mut self.previous, &mut self.current);
            self.previous_start = start;
            if paired {
                return true;
            }
        }
        false
    }

    fn token(&self) -> &Token {
        self.token
    }

    fn token_mut(&mut self) -> &mut Token {
        self.token
    }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;
    use crate::text::folded_bigrams;

    fn tokens(text: &str) -> Vec<String> {
        let mut tokenizer = BigramTokenizer::default();
        let mut stream = tokenizer.token_stream(text);
        let mut out = Vec::new();
        while stream.advance() {
            out.push(stream.token().text.clone());
        }
        out
    }

    /// What the tokenizer must produce: the bigrams of each line, long ones dropped.
    fn expected(text: &str) -> Vec<String> {
        text.lines()
            .flat_map(folded_bigrams)
            .filter(|b| b.len() < MAX_BIGRAM_BYTES)
            .collect()
    }

    #[test]
    fn pairs_folded_syllables_within_lines() {
        assert_eq!(
            tokens("Đăng ký kết hôn\nCấp lại, giấy khai sinh"),
            [
                "dang_ky",
                "ky_ket",
                "ket_hon",
                "cap_lai",
                "lai_giay",
                "giay_khai",
                "khai_sinh"
            ]
        );
        assert!(tokens("").is_empty());
        assert!(tokens("một").is_empty());
        assert!(tokens(" ,\n\n ").is_empty());
    }

    #[test]
    fn offsets_span_both_syllables() {
        let text = "hộ  tịch";
        let mut tokenizer = BigramTokenizer::default();
        let mut stream = tokenizer.token_stream(text);
        assert!(stream.advance());
        let t = stream.token();
        assert_eq!(&text[t.offset_from..t.offset_to], "hộ  tịch");
        assert_eq!(t.position, 0);
        assert!(!stream.advance());
    }

    proptest! {
        #[test]
        fn same_tokens_as_folded_bigrams_by_line(
            text in "([a-zA-Z0-9đĐăâêôơưáàảãạếềểễệốồổỗộớờởỡợ]{0,60}[ ,.\\n\\r\\t/()-]{0,3}){0,12}"
        ) {
            prop_assert_eq!(tokens(&text), expected(&text));
        }
    }
}
