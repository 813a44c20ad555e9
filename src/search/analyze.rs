//! Query understanding: from what a person typed to the words worth searching for.
//!
//! 1. Normalize (NFC, one tone placement) and cut to syllables; overlong input is capped.
//! 2. Find glossary terms (abbreviations, old terms, everyday phrases) and remember their expansions: the
//!    expansions are content data (`glossary.toml`), not code.
//! 3. Drop conversational filler ("cho em hỏi", "ạ", "thủ tục", "ở đâu", "cần gì"…) unless that would leave
//!    nothing, and note what the person asked about (fee, time, place, documents).
//! 4. Offer a Telex/VNI decoding of words typed with the input method off (`ddawng kys` → `đăng ký`) as a
//!    lower-weight alternative, never as a replacement (search-notes item 6).

use crate::content::Term;
use crate::text::{fold, has_diacritics, normalize, syllables};

/// At most this many syllables of a query are used; the rest of a pasted essay is ignored.
pub const MAX_SYLLABLES: usize = 32;
/// At most this many characters of a query are examined.
pub const MAX_CHARS: usize = 512;

/// What part of a procedure the person asked about, if the query says.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Intent {
    /// "phí bao nhiêu", "lệ phí".
    Fee,
    /// "mất bao lâu", "mấy ngày".
    Time,
    /// "ở đâu", "nộp ở đâu".
    Place,
    /// "cần giấy tờ gì", "hồ sơ gồm".
    Documents,
}

/// One syllable of the query.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    /// Lowercased, diacritics as typed.
    pub exact: String,
    /// Without diacritics.
    pub folded: String,
}

/// A glossary term found in the query, and what it expands to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Expansion {
    /// The glossary term.
    pub term: String,
    /// Each phrase it expands to, as tokens.
    pub phrases: Vec<Vec<Token>>,
}

/// The analysed query.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Analysis {
    /// The normalized query text.
    pub normalized: String,
    /// Syllables kept for matching, in order.
    pub tokens: Vec<Token>,
    /// Filler syllables that were dropped.
    pub dropped: Vec<String>,
    /// Glossary expansions.
    pub expansions: Vec<Expansion>,
    /// Telex/VNI decoding of the kept tokens, when it differs from what was typed.
    pub decoded: Option<Vec<Token>>,
    /// What the person asked about.
    pub intent: Option<Intent>,
}

impl Analysis {
    /// True when nothing searchable remains.
    pub fn is_empty(&self) -> bool {
        self.tokens.is_empty() && self.expansions.is_empty()
    }
}

/// Conversational filler. A typed syllable matches a filler word exactly when it carries diacritics and
/// by its folded form when it does not; each phrase is dropped only as a whole. Single syllables that fold
/// onto content words ("căn", "di chúc", "thẻ", "chứng minh") are deliberately absent.
const FILLER: &[&str] = &[
    "cho em hỏi",
    "cho tôi hỏi",
    "cho mình hỏi",
    "cho cháu hỏi",
    "cho hỏi",
    "xin hỏi",
    "em muốn hỏi",
    "tôi muốn hỏi",
    "cần những giấy tờ gì",
    "cần giấy tờ gì",
    "cần những gì",
    "cần mang gì",
    "cần làm gì",
    "cần gì",
    "giấy tờ gì",
    "hồ sơ gồm",
    "như thế nào",
    "làm thế nào",
    "làm sao để",
    "làm sao",
    "thế nào",
    "ra sao",
    "nộp ở đâu",
    "ở đâu",
    "bao nhiêu tiền",
    "bao nhiêu",
    "bao lâu",
    "mấy ngày",
    "có được không",
    "được không",
    "thủ tục",
    "hướng dẫn",
    "quy trình",
    "tôi muốn",
    "em muốn",
    "mình muốn",
    "muốn",
    "tôi",
    "em",
    "ạ",
    "à",
    "nhé",
    "vậy",
    "nhỉ",
    "gì",
    "phải",
    "thì",
    "là",
    "không",
    "nào",
];

/// Phrases (folded) that tell what the person wants to know.
const INTENTS: &[(&str, Intent)] = &[
    ("le phi", Intent::Fee),
    ("bao nhieu tien", Intent::Fee),
    ("phi bao nhieu", Intent::Fee),
    ("mat bao lau", Intent::Time),
    ("bao lau", Intent::Time),
    ("may ngay", Intent::Time),
    ("o dau", Intent::Place),
    ("giay to gi", Intent::Documents),
    ("can gi", Intent::Documents),
    ("can mang gi", Intent::Documents),
    ("ho so gom", Intent::Documents),
];

/// Glossary terms prepared for matching against queries.
#[derive(Debug, Clone, Default)]
pub struct Expander {
    /// (folded syllables of a term or variant, the term, its expansion phrases as tokens)
    entries: Vec<(Vec<String>, String, Vec<Vec<Token>>)>,
}

impl Expander {
    /// Prepares every glossary entry that has `expand` words.
    pub fn new(glossary: &[Term]) -> Expander {
        let mut entries = Vec::new();
        for t in glossary.iter().filter(|t| !t.expand.is_empty()) {
            let phrases: Vec<Vec<Token>> =
                t.expand.iter().map(|p| tokens_of(&normalize(p))).collect();
            for form in std::iter::once(&t.term).chain(t.variants.iter()) {
                let pattern = syllables(&fold(&normalize(form)));
                if !pattern.is_empty() {
                    entries.push((pattern, t.term.clone(), phrases.clone()));
                }
            }
        }
        // Longest patterns first, so "sổ hộ khẩu" wins over "hộ khẩu".
        entries.sort_by_key(|e| std::cmp::Reverse(e.0.len()));
        Expander { entries }
    }

    /// Finds glossary terms in folded syllables; returns the expansions and which positions they cover.
    fn find(&self, folded: &[String]) -> (Vec<Expansion>, Vec<bool>) {
        let mut covered = vec![false; folded.len()];
        let mut found: Vec<Expansion> = Vec::new();
        for (pattern, term, phrases) in &self.entries {
            let n = pattern.len();
            if n > folded.len() {
                continue;
            }
            for start in 0..=folded.len() - n {
                if folded[start..start + n] == pattern[..]
                    && !covered[start..start + n].iter().any(|&c| c)
                {
                    covered[start..start + n].iter_mut().for_each(|c| *c = true);
                    if !found.iter().any(|e| &e.term == term) {
                        found.push(Expansion {
                            term: term.clone(),
                            phrases: phrases.clone(),
                        });
                    }
                }
            }
        }
        (found, covered)
    }
}

fn tokens_of(text: &str) -> Vec<Token> {
    syllables(text)
        .into_iter()
        .map(|exact| Token {
            folded: fold(&exact),
            exact,
        })
        .collect()
}

/// Caps the query's length at a character boundary.
fn cap(input: &str) -> &str {
    match input.char_indices().nth(MAX_CHARS) {
        Some((i, _)) => &input[..i],
        None => input,
    }
}

/// Analyses a query.
pub fn analyze(query: &str, expander: &Expander) -> Analysis {
    let normalized = normalize(cap(query))
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    let mut all = tokens_of(&normalized);
    all.truncate(MAX_SYLLABLES);
    let folded: Vec<String> = all.iter().map(|t| t.folded.clone()).collect();
    let joined = format!(" {} ", folded.join(" "));
    let intent = INTENTS
        .iter()
        .find(|(p, _)| joined.contains(&format!(" {p} ")))
        .map(|&(_, i)| i);

    let (expansions, protected) = expander.find(&folded);

    // Mark filler phrases, longest first, never inside a glossary term.
    let mut filler = vec![false; all.len()];
    for phrase in FILLER {
        let pattern: Vec<&str> = phrase.split(' ').collect();
        let n = pattern.len();
        if n > all.len() {
            continue;
        }
        for start in 0..=all.len() - n {
            let span = start..start + n;
            if all[span.clone()]
                .iter()
                .zip(&pattern)
                .all(|(t, w)| is_word(t, w))
                && !protected[span.clone()].iter().any(|&p| p)
                && !filler[span.clone()].iter().any(|&f| f)
            {
                filler[span].iter_mut().for_each(|f| *f = true);
            }
        }
    }
    let keeps_something = filler.iter().any(|f| !f) || !expansions.is_empty();
    let mut tokens = Vec::new();
    let mut dropped = Vec::new();
    for (t, is_filler) in all.into_iter().zip(filler) {
        if is_filler && keeps_something {
            dropped.push(t.exact);
        } else {
            tokens.push(t);
        }
    }

    let decoded = decode_typing(&tokens);
    Analysis {
        normalized,
        tokens,
        dropped,
        expansions,
        decoded,
        intent,
    }
}

/// Whether a typed syllable is this (accented) word: exactly when typed with marks, by folding otherwise.
fn is_word(token: &Token, word: &str) -> bool {
    if has_diacritics(&token.exact) {
        token.exact == word
    } else {
        token.folded == fold(word)
    }
}

/// Decodes Telex or VNI keystrokes typed with the input method off. Only words without diacritics that
/// change under decoding are rewritten; `None` when nothing changes.
fn decode_typing(tokens: &[Token]) -> Option<Vec<Token>> {
    let mut changed = false;
    let out: Vec<Token> = tokens
        .iter()
        .map(|t| {
            if has_diacritics(&t.exact) || !t.exact.chars().all(|c| c.is_ascii_alphanumeric()) {
                return t.clone();
            }
            let definition = if t.exact.chars().any(|c| c.is_ascii_digit())
                && t.exact.chars().any(|c| c.is_ascii_alphabetic())
            {
                &vi::VNI
            } else {
                &vi::TELEX
            };
            let mut decoded = String::new();
            let _ = vi::methods::transform_buffer(definition, t.exact.chars(), &mut decoded);
            let decoded = normalize(&decoded).to_lowercase();
            if decoded != t.exact
                && has_diacritics(&decoded)
                && decoded.chars().all(char::is_alphabetic)
            {
                changed = true;
                Token {
                    folded: fold(&decoded),
                    exact: decoded,
                }
            } else {
                t.clone()
            }
        })
        .collect();
    changed.then_some(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::TermKind;

    fn expander() -> Expander {
        Expander::new(&[
            Term {
                term: "hộ khẩu".into(),
                kind: TermKind::TuCu,
                meaning: "sổ cũ".into(),
                variants: vec![],
                expand: vec!["thường trú".into()],
            },
            Term {
                term: "KT3".into(),
                kind: TermKind::TuCu,
                meaning: "tạm trú".into(),
                variants: vec!["kt 3".into()],
                expand: vec!["tạm trú".into()],
            },
        ])
    }

    fn kept(a: &Analysis) -> Vec<&str> {
        a.tokens.iter().map(|t| t.exact.as_str()).collect()
    }

    #[test]
    fn filler_is_dropped_but_content_words_stay() {
        let a = analyze(
            "Cho em hỏi thủ tục đăng ký kết hôn cần giấy tờ gì ạ",
            &expander(),
        );
        assert_eq!(kept(&a), ["đăng", "ký", "kết", "hôn"]);
        assert_eq!(a.intent, Some(Intent::Documents));
    }

    #[test]
    fn content_words_that_fold_like_filler_stay() {
        let a = analyze("can cuoc cho tre em", &expander());
        assert!(kept(&a).contains(&"can"));
        let a = analyze("chứng minh nhân dân", &expander());
        assert_eq!(kept(&a), ["chứng", "minh", "nhân", "dân"]);
    }

    #[test]
    fn all_filler_keeps_the_query() {
        let a = analyze("thủ tục", &expander());
        assert_eq!(kept(&a), ["thủ", "tục"]);
    }

    #[test]
    fn glossary_terms_expand_without_diacritics_too() {
        let a = analyze("nhap ho khau cho vo", &expander());
        assert_eq!(a.expansions.len(), 1);
        assert_eq!(a.expansions[0].phrases[0][0].exact, "thường");
        let a = analyze("KT3", &expander());
        assert_eq!(a.expansions[0].term, "KT3");
    }

    #[test]
    fn telex_is_an_alternative() {
        let a = analyze("ddawng kys keets hoon", &expander());
        let decoded: Vec<String> = a
            .decoded
            .clone()
            .expect("decoded")
            .into_iter()
            .map(|t| t.exact)
            .collect();
        assert_eq!(decoded, ["đăng", "ký", "kết", "hôn"]);
        assert_eq!(kept(&a), ["ddawng", "kys", "keets", "hoon"]);
    }

    #[test]
    fn plain_words_are_not_decoded_needlessly() {
        let a = analyze("dang ky ket hon", &expander());
        assert!(a.decoded.is_none());
    }

    #[test]
    fn huge_and_odd_input_is_capped() {
        let long = "ký ".repeat(10_000);
        let a = analyze(&long, &expander());
        assert!(a.tokens.len() <= MAX_SYLLABLES);
        let a = analyze("\" : ( ) * ~ ^ [ ] + -", &expander());
        assert!(a.is_empty());
    }
}
