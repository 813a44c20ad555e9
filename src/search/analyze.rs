//! Query understanding: from what a person typed to the words worth searching for.
//!
//! 1. Normalize (NFC, one tone placement) and cut to syllables; overlong input is capped.
//! 2. Find glossary terms (abbreviations, old terms, everyday phrases) and remember their expansions. The
//!    glossary is the language layer's ([`crate::lang`]), extended by the handbook's own.
//! 3. Recognise life situations ("bố tôi vừa mất", "làm mất thẻ căn cước") and add the procedure
//!    vocabulary they stand for ([`crate::lang::situation`]).
//! 4. Drop conversational filler ("cho em hỏi", "ạ", "thủ tục", "ở đâu", "cần gì"…) unless that would
//!    leave nothing, and note what the person asked about (fee, time, place, documents). Function words
//!    ("của", "đã", "năm", "gia đình"…) stay but weigh little, and so do the words a recognised situation
//!    has already read: in a question of three sentences they would otherwise pick the guide that
//!    happens to repeat them.
//! 5. Note the audience (foreigners, organisations, the armed forces) or level the query names, for the
//!    ranking's prior.
//! 6. Offer a Telex/VNI decoding of words typed with the input method off (`ddawng kys` → `đăng ký`) as a
//!    lower-weight alternative, never as a replacement (search-notes item 6).

use crate::content::Term;
use crate::guide::Level;
use crate::lang::{Audience, FirstSyllables, Lexicon, Phrases, Recognised};
use crate::text::{fold, has_diacritics, normalize, syllables};

pub use crate::lang::{Intent, Token};

/// At most this many syllables of a query are used; the rest of a pasted essay is ignored. A long
/// question of four sentences is about 100 syllables.
pub const MAX_SYLLABLES: usize = 128;
/// At most this many characters of a query are examined.
pub const MAX_CHARS: usize = 1200;

/// Where an expansion comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Source {
    /// A glossary term or an abbreviation.
    Glossary,
    /// A recognised situation.
    Situation,
}

/// Words added to a query, and why.
#[derive(Debug, Clone, PartialEq)]
pub struct Expansion {
    /// The glossary term, or the situation rule's id.
    pub term: String,
    /// Each phrase it expands to, as tokens.
    pub phrases: Vec<Vec<Token>>,
    /// Relative weight (1 for the glossary, the rule's weight for a situation).
    pub weight: f32,
    /// Glossary or situation.
    pub source: Source,
}

/// The analysed query.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Analysis {
    /// The normalized query text.
    pub normalized: String,
    /// Syllables kept for matching, in order, each with its weight.
    pub tokens: Vec<Token>,
    /// Filler syllables that were dropped.
    pub dropped: Vec<String>,
    /// Glossary and situation expansions.
    pub expansions: Vec<Expansion>,
    /// The situations recognised.
    pub situations: Vec<Recognised>,
    /// Telex/VNI decoding of the kept tokens, when it differs from what was typed.
    pub decoded: Option<Vec<Token>>,
    /// What the person asked about.
    pub intent: Option<Intent>,
    /// Audiences the query names (none: Vietnamese citizens).
    pub audiences: Vec<Audience>,
    /// Levels the query names.
    pub levels: Vec<Level>,
}

impl Analysis {
    /// True when nothing searchable remains.
    pub fn is_empty(&self) -> bool {
        self.tokens.is_empty() && self.expansions.is_empty()
    }
}

/// How much the words a query holds count, before the index weights them.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct TokenWeights {
    /// A function word ("của", "đã", "gia đình").
    pub function: f32,
    /// A word a recognised situation has read ("bố", "mất" in "bố tôi mất").
    pub trigger: f32,
    /// A word of a sentence that tells the background of a question of several sentences, not the
    /// question itself ("Mẹ tôi mất năm ngoái, sổ đỏ vẫn đứng tên mẹ. … Giờ làm sang tên sổ đỏ thì nộp ở
    /// đâu?"): the situations it describes weigh less too.
    pub context: f32,
}

/// For each syllable of a text (as [`crate::text::syllables`] cuts it), whether it belongs to a
/// sentence that asks: in a text of several sentences, those ending with "?", or the last one when
/// none does. A text of one sentence asks in all of it.
fn asking(text: &str) -> Vec<bool> {
    let mut sentence_of = Vec::new();
    let mut asks: Vec<bool> = vec![false];
    let mut in_word = false;
    let mut words_in_sentence = 0usize;
    for c in text.chars() {
        if c.is_alphanumeric() {
            if !in_word {
                sentence_of.push(asks.len() - 1);
                words_in_sentence += 1;
            }
            in_word = true;
            continue;
        }
        in_word = false;
        if matches!(c, '.' | '?' | '!' | ';' | '\n') && words_in_sentence > 0 {
            if let Some(last) = asks.last_mut() {
                *last = c == '?';
            }
            asks.push(false);
            words_in_sentence = 0;
        }
    }
    if words_in_sentence == 0 && asks.len() > 1 {
        asks.pop();
    }
    let sentences = asks.len();
    if sentences < 2 {
        return vec![true; sentence_of.len()];
    }
    if !asks.iter().any(|&a| a)
        && let Some(last) = asks.last_mut()
    {
        *last = true;
    }
    sentence_of.into_iter().map(|s| asks[s]).collect()
}

/// Glossary terms and abbreviations prepared for matching against queries.
#[derive(Debug, Clone, Default)]
pub struct Expander {
    /// (folded syllables of a term or variant, the term, its expansion phrases as tokens, the
    /// syllables of the term or variant lowercased with their marks)
    entries: Vec<Entry>,
    /// The entries by their first folded syllable.
    first: FirstSyllables,
}

/// One term or variant of the glossary, or one abbreviation: see [`Expander::entries`].
type Entry = (Vec<String>, String, Vec<Vec<Token>>, Vec<String>);

impl Expander {
    /// Prepares every glossary entry that has `expand` words, and every abbreviation of the lexicon
    /// that no glossary entry already covers.
    pub fn new(glossary: &[Term], lexicon: &Lexicon) -> Expander {
        let mut entries = Vec::new();
        for t in glossary.iter().filter(|t| !t.expand.is_empty()) {
            let phrases: Vec<Vec<Token>> =
                t.expand.iter().map(|p| tokens_of(&normalize(p))).collect();
            for form in std::iter::once(&t.term).chain(t.variants.iter()) {
                let pattern = syllables(&fold(&normalize(form)));
                if !pattern.is_empty() {
                    let marked = syllables(&normalize(form).to_lowercase());
                    entries.push((pattern, t.term.clone(), phrases.clone(), marked));
                }
            }
        }
        let mut abbreviations: Vec<(&String, &String)> = lexicon.abbreviations.iter().collect();
        abbreviations.sort();
        for (abbr, full) in abbreviations {
            let pattern = vec![abbr.clone()];
            if !entries.iter().any(|e| e.0 == pattern) {
                // An abbreviation is matched folded ("HĐND", "hdnd"): no marked form to hold to.
                entries.push((
                    pattern,
                    abbr.to_uppercase(),
                    vec![tokens_of(full)],
                    Vec::new(),
                ));
            }
        }
        // Longest patterns first, so "sổ hộ khẩu" wins over "hộ khẩu".
        entries.sort_by_key(|e| std::cmp::Reverse(e.0.len()));
        let first = FirstSyllables::new(
            entries
                .iter()
                .map(|e| e.0.first().map_or("", String::as_str)),
        );
        Expander { entries, first }
    }

    /// Finds glossary terms in a query's tokens; returns the expansions and which positions they
    /// cover. A word typed with marks must have the term's marks ("còn lại" is not "con lai", a
    /// child of mixed parentage); one typed without them matches folded. A term whose every
    /// syllable is a function word where it stands (`function`: "UBND", "ủy ban nhân dân", the
    /// office a question is addressed to) is left to weigh as one.
    fn find(&self, tokens: &[Token], function: &[bool]) -> (Vec<Expansion>, Vec<bool>) {
        let folded: Vec<&str> = tokens.iter().map(|t| t.folded.as_str()).collect();
        let exact: Vec<String> = tokens.iter().map(|t| t.exact.to_lowercase()).collect();
        let fits = |at: usize, marked: &[String]| {
            marked.is_empty()
                || marked.iter().enumerate().all(|(k, m)| {
                    let typed = &exact[at + k];
                    typed == m || typed == folded[at + k]
                })
        };
        let mut covered = vec![false; folded.len()];
        let mut found: Vec<Expansion> = Vec::new();
        let present = crate::lang::Present::of(tokens);
        // Only the patterns whose first syllable the query holds can match.
        let candidates = self.first.candidates(&present);
        for (pattern, term, phrases, marked) in
            candidates.iter().filter_map(|&i| self.entries.get(i))
        {
            let n = pattern.len();
            let first = pattern.first().map_or("", String::as_str);
            for &start in present.positions(first) {
                if folded
                    .get(start..start + n)
                    .is_some_and(|at| at.iter().zip(pattern).all(|(a, b)| *a == b.as_str()))
                    && fits(start, marked)
                    && !covered[start..start + n].iter().any(|&c| c)
                    && !function[start..start + n].iter().all(|&f| f)
                {
                    covered[start..start + n].iter_mut().for_each(|c| *c = true);
                    if !found.iter().any(|e| &e.term == term) {
                        found.push(Expansion {
                            term: term.clone(),
                            phrases: phrases.clone(),
                            weight: 1.0,
                            source: Source::Glossary,
                        });
                    }
                }
            }
        }
        (found, covered)
    }
}

fn tokens_of(text: &str) -> Vec<Token> {
    crate::lang::tokens_of(text)
}

/// Caps the query's length at a character boundary.
fn cap(input: &str) -> &str {
    match input.char_indices().nth(MAX_CHARS) {
        Some((i, _)) => &input[..i],
        None => input,
    }
}

/// Marks the spans of phrases (longest first) that lie outside `protected` and do not overlap each other.
fn mark(tokens: &[Token], phrases: &Phrases, protected: &[bool]) -> Vec<bool> {
    let mut marked = vec![false; tokens.len()];
    let present = crate::lang::Present::of(tokens);
    for p in phrases.candidates(&present) {
        for start in p.find_all_in(tokens, &present) {
            let span = start..start + p.len();
            if !protected[span.clone()].iter().any(|&x| x)
                && !marked[span.clone()].iter().any(|&m| m)
            {
                marked[span].iter_mut().for_each(|m| *m = true);
            }
        }
    }
    marked
}

/// Analyses a query. `named_pair` says whether a pair of folded syllables (`dang_ky`) is common in
/// the names of procedures: a function word typed without marks that forms one with a content word
/// beside it is that content word's partner ("dang ky" is "đăng ký", not "đang ký"), and keeps its
/// weight.
pub fn analyze(
    query: &str,
    lexicon: &Lexicon,
    expander: &Expander,
    weights: TokenWeights,
    named_pair: &dyn Fn(&str) -> bool,
) -> Analysis {
    let normalized = normalize(cap(query))
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    let mut all = tokens_of(&normalized);
    all.truncate(MAX_SYLLABLES);
    let intent = lexicon.intent(&all);
    let audiences = lexicon.audiences_named(&all);
    let levels = lexicon.levels_named(&all);

    let (mut expansions, protected) = expander.find(
        &all,
        &mark(&all, &lexicon.function, &vec![false; all.len()]),
    );
    let situations = lexicon
        .situations
        .recognise(&all, &crate::lang::parts(&normalized));
    // A glossary reading of words a situation rules out ("lấy chồng" in "đã lấy chồng") is dropped
    // with the situation it would repeat.
    // Phrases are compared as folded syllables, cut as expansions are ("nhận cha, mẹ, con" has no comma
    // left in its tokens).
    let folded =
        |phrase: &[Token]| -> Vec<String> { phrase.iter().map(|t| t.folded.clone()).collect() };
    let withheld: Vec<Vec<String>> = lexicon
        .situations
        .withheld(&situations)
        .into_iter()
        .map(|p| folded(&tokens_of(&normalize(p))))
        .collect();
    if !withheld.is_empty() {
        expansions.retain(|e| !e.phrases.iter().all(|p| withheld.contains(&folded(p))));
    }
    let expansions_before_situations = expansions.len();
    for s in &situations {
        expansions.push(Expansion {
            term: s.rule.clone(),
            phrases: s.add.iter().map(|p| tokens_of(&normalize(p))).collect(),
            weight: s.weight,
            source: Source::Situation,
        });
    }

    // Filler phrases, longest first, never inside a glossary term; function words likewise.
    let filler = mark(&all, &lexicon.filler, &protected);
    let function = mark(&all, &lexicon.function, &protected);
    let asks = asking(&normalized);
    let in_context = |p: usize| !asks.get(p).copied().unwrap_or(true);
    for (e, s) in expansions[expansions_before_situations..]
        .iter_mut()
        .zip(&situations)
    {
        if !s.positions.is_empty() && s.positions.iter().all(|&p| in_context(p)) {
            e.weight *= weights.context;
        }
    }
    for s in &situations {
        for &p in &s.positions {
            if let Some(t) = all.get_mut(p) {
                t.weight *= weights.trigger;
            }
        }
    }
    for (p, t) in all.iter_mut().enumerate() {
        if in_context(p) {
            t.weight *= weights.context;
        }
    }
    // Typed without marks, a function word written with marks folds onto content words: "dang" is
    // "đang" (-ing) or "đăng" (register), "ho" is "họ" (they) or "hộ" (household), "ban" is "bạn" or
    // "bán". Beside a content word it is often paired with in procedure names, such a word is the
    // content word. ("cho" and "do" are function words written without marks: typed so, they are
    // what they look like; so are "cho" or "do" without marks in a query typed with them.)
    let unmarked = !has_diacritics(&normalized);
    let spared: Vec<bool> = (0..all.len())
        .map(|p| {
            unmarked
                && function[p]
                && lexicon.is_marked_function(&all[p].folded)
                && [p.checked_sub(1), Some(p + 1)]
                    .into_iter()
                    .flatten()
                    .filter(|&q| q < all.len() && !function[q])
                    .any(|q| {
                        let (a, b) = if q < p { (q, p) } else { (p, q) };
                        named_pair(&format!("{}_{}", all[a].folded, all[b].folded))
                    })
        })
        .collect();
    for ((t, f), spare) in all.iter_mut().zip(&function).zip(spared) {
        if *f && !spare {
            t.weight = t.weight.min(weights.function);
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
        situations,
        decoded,
        intent,
        audiences,
        levels,
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
                    weight: t.weight,
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

    const W: TokenWeights = TokenWeights {
        function: 0.2,
        trigger: 0.5,
        context: 0.6,
    };

    fn lexicon() -> &'static Lexicon {
        Lexicon::builtin().expect("lexicon")
    }

    fn an(query: &str) -> Analysis {
        analyze(query, lexicon(), &expander(), W, &|_| false)
    }

    fn expander() -> Expander {
        Expander::new(
            &[
                Term {
                    term: "hộ khẩu".into(),
                    kind: TermKind::TuCu,
                    meaning: "sổ cũ".into(),
                    variants: vec![],
                    expand: vec!["thường trú".into()],
                    legal: false,
                    source: None,
                },
                Term {
                    term: "KT3".into(),
                    kind: TermKind::TuCu,
                    meaning: "tạm trú".into(),
                    variants: vec!["kt 3".into()],
                    expand: vec!["tạm trú".into()],
                    legal: false,
                    source: None,
                },
                Term {
                    term: "lấy vợ".into(),
                    kind: TermKind::CachNoi,
                    meaning: "kết hôn".into(),
                    variants: vec!["lấy chồng".into()],
                    expand: vec!["đăng ký kết hôn".into()],
                    legal: false,
                    source: None,
                },
                Term {
                    term: "nhận con".into(),
                    kind: TermKind::CachNoi,
                    meaning: "nhận cha, mẹ, con".into(),
                    variants: vec![],
                    expand: vec!["đăng ký nhận cha, mẹ, con".into()],
                    legal: false,
                    source: None,
                },
            ],
            lexicon(),
        )
    }

    fn kept(a: &Analysis) -> Vec<&str> {
        a.tokens.iter().map(|t| t.exact.as_str()).collect()
    }

    #[test]
    fn filler_is_dropped_but_content_words_stay() {
        let a = an("Cho em hỏi thủ tục đăng ký kết hôn cần giấy tờ gì ạ");
        assert_eq!(kept(&a), ["đăng", "ký", "kết", "hôn"]);
        assert_eq!(a.intent, Some(Intent::Documents));
    }

    #[test]
    fn content_words_that_fold_like_filler_stay() {
        let a = an("can cuoc cho tre em");
        assert!(kept(&a).contains(&"can"));
        let a = an("chứng minh nhân dân");
        assert_eq!(kept(&a), ["chứng", "minh", "nhân", "dân"]);
    }

    #[test]
    fn all_filler_keeps_the_query() {
        let a = an("thủ tục");
        assert_eq!(kept(&a), ["thủ", "tục"]);
    }

    #[test]
    fn glossary_terms_expand_without_diacritics_too() {
        let a = an("nhap ho khau cho vo");
        let glossary: Vec<&Expansion> = a
            .expansions
            .iter()
            .filter(|e| e.source == Source::Glossary)
            .collect();
        assert_eq!(glossary.len(), 1);
        assert_eq!(glossary[0].phrases[0][0].exact, "thường");
        let a = an("KT3");
        assert_eq!(a.expansions[0].term, "KT3");
    }

    #[test]
    fn telex_is_an_alternative() {
        let a = an("ddawng kys keets hoon");
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
        let a = an("dang ky ket hon");
        assert!(a.decoded.is_none());
    }

    #[test]
    fn huge_and_odd_input_is_capped() {
        let long = "ký ".repeat(10_000);
        let a = an(&long);
        assert!(a.tokens.len() <= MAX_SYLLABLES);
        let a = an("\" : ( ) * ~ ^ [ ] + -");
        assert!(a.is_empty());
    }

    #[test]
    fn a_term_typed_with_marks_needs_its_own_marks() {
        let terms = |q: &str| -> Vec<String> {
            an(q)
                .expansions
                .into_iter()
                .filter(|e| e.source == Source::Glossary)
                .map(|e| e.term)
                .collect()
        };
        assert_eq!(terms("nhập hộ khẩu cho con"), ["hộ khẩu"]);
        assert_eq!(terms("nhap ho khau cho con"), ["hộ khẩu"]);
        // Other words that fold the same are not the term.
        assert!(terms("họ không hồ khâu được").is_empty());
        // A word typed without marks in a query with marks still matches folded.
        assert_eq!(terms("nhập ho khau cho con"), ["hộ khẩu"]);
        // Abbreviations match however they are typed.
        assert_eq!(terms("KT3 hết hạn"), ["KT3"]);
    }

    #[test]
    fn asking_for_the_conditions_names_no_procedure() {
        let a = an("muốn đăng ký thường trú thì điều kiện là gì");
        let weight = |w: &str| a.tokens.iter().find(|t| t.exact == w).map(|t| t.weight);
        assert!(weight("kiện").is_none_or(|w| w < 0.5), "{a:?}");
        assert!(weight("trú").is_some_and(|w| w > 0.5), "{a:?}");
        // Conditions named as a thing keep their weight.
        let a = an("điều kiện kinh doanh");
        assert!(a.tokens.iter().all(|t| t.weight > 0.5), "{a:?}");
        // Asking the fee likewise: the intent is kept, the words weigh little; a fee named keeps its weight.
        let a = an("làm hộ chiếu lệ phí bao nhiêu");
        assert_eq!(a.intent, Some(Intent::Fee));
        let phi = a.tokens.iter().find(|t| t.exact == "phí").expect("phí");
        assert!(phi.weight < 0.5, "{a:?}");
        let a = an("khai lệ phí trước bạ nhà đất");
        let phi = a.tokens.iter().find(|t| t.exact == "phí").expect("phí");
        assert!(phi.weight > 0.5, "{a:?}");
    }

    #[test]
    fn the_office_named_weighs_as_a_function_word_and_is_not_spelled_out() {
        let a = an("cán bộ UBND phường từ chối chứng thực bằng đại học");
        let ubnd = a.tokens.iter().find(|t| t.folded == "ubnd").expect("ubnd");
        assert!(ubnd.weight < 0.5, "{}", ubnd.weight);
        let terms: Vec<&str> = a.expansions.iter().map(|e| e.term.as_str()).collect();
        assert!(!terms.contains(&"UBND"), "{terms:?}");
        // Other abbreviations are still spelled out.
        let a = an("cấp lại thẻ BHYT");
        assert!(a.expansions.iter().any(|e| e.term == "BHYT"));
    }

    #[test]
    fn a_function_word_typed_without_marks_beside_its_partner_in_names_keeps_its_weight() {
        let names = |pair: &str| ["dang_ky", "ho_kinh", "dat_cho"].contains(&pair);
        let weight = |q: &str, word: &str| {
            analyze(q, lexicon(), &expander(), W, &names)
                .tokens
                .iter()
                .find(|t| t.folded == word)
                .map(|t| t.weight)
                .expect("the word")
        };
        // "dang ky" is "đăng ký", "ho kinh doanh" is "hộ kinh doanh".
        assert_eq!(weight("dang ky ho kinh doanh", "dang"), 1.0);
        assert_eq!(weight("dang ky ho kinh doanh", "ho"), 1.0);
        // Typed with marks, "đang" is the function word; so is "dang" beside no partner.
        assert!(weight("tôi đang ký hợp đồng", "dang") <= W.function);
        assert!(weight("toi dang o tro", "dang") <= W.function);
        // "cho" is a function word written without marks: typed so, it is one.
        assert!(weight("tach thua dat cho con", "cho") <= W.function);
    }

    #[test]
    fn function_words_weigh_little_and_situations_add_vocabulary() {
        let a = an("Bố tôi mất năm ngoái ở quê, gia đình chưa làm giấy tờ gì");
        let weight = |w: &str| {
            a.tokens
                .iter()
                .find(|t| t.exact == w)
                .map(|t| t.weight)
                .expect(w)
        };
        assert!(weight("năm") < 0.5);
        assert!(weight("mất") < 1.0, "a trigger word weighs less");
        // The light verb of a request weighs little: "làm hộ chiếu" asks for the passport.
        let a2 = an("làm hộ chiếu lần đầu");
        let lam = a2.tokens.iter().find(|t| t.exact == "làm").expect("làm");
        assert!(lam.weight < 0.5, "{a2:?}");
        let situation: Vec<&str> = a
            .expansions
            .iter()
            .filter(|e| e.source == Source::Situation)
            .map(|e| e.term.as_str())
            .collect();
        assert_eq!(situation, ["khai-tu"]);
    }

    #[test]
    fn a_glossary_reading_a_situation_rules_out_is_dropped() {
        let reads = |term: &str, query: &str| {
            an(query)
                .expansions
                .iter()
                .any(|e| e.source == Source::Glossary && e.term == term)
        };
        assert!(reads("lấy vợ", "Tôi sắp lấy chồng, làm giấy tờ gì"));
        // A marriage told as past blocks the marriage registration, and its everyday word with it.
        assert!(!reads(
            "lấy vợ",
            "Em gái tôi đã lấy chồng ở Canada, tên vẫn còn trong hộ khẩu. Xóa tên thế nào?"
        ));
        // Phrases with commas compare by their syllables: a registered birth blocks the combined reading
        // of unmarried parents, whose "đăng ký nhận cha, mẹ, con" the glossary may not add back.
        assert!(reads(
            "nhận con",
            "chúng tôi không kết hôn, anh muốn nhận con"
        ));
        assert!(!reads(
            "nhận con",
            "chúng tôi không kết hôn, con gái đã có giấy khai sinh, giờ anh muốn nhận con"
        ));
    }

    #[test]
    fn abbreviations_expand_when_the_glossary_has_no_entry() {
        let a = an("hưởng chế độ TNLĐ");
        assert!(
            a.expansions
                .iter()
                .any(|e| e.phrases.iter().any(|p| p.iter().any(|t| t.exact == "nạn"))),
            "{:?}",
            a.expansions
        );
    }

    #[test]
    fn the_sentence_that_asks_counts_more_than_the_background() {
        assert_eq!(asking("đăng ký khai sinh"), [true, true, true, true]);
        let a = asking("Mẹ tôi mất. Giờ sang tên sổ đỏ thế nào?");
        assert_eq!(
            a,
            [
                false, false, false, true, true, true, true, true, true, true
            ]
        );
        // Without a question mark the last sentence asks.
        assert_eq!(
            asking("Bố tôi mất. Làm giấy gì"),
            [false, false, false, true, true, true]
        );
        let q = an(
            "Mẹ tôi mất năm ngoái, sổ đỏ vẫn đứng tên mẹ. Giờ làm sang tên sổ đỏ thì nộp ở đâu?",
        );
        let death = q
            .expansions
            .iter()
            .find(|e| e.term == "khai-tu")
            .expect("the death is recognised");
        assert!(death.weight < 1.3, "a death in the background weighs less");
    }

    #[test]
    fn audiences_and_levels_are_noted() {
        let a = an("kết hôn với người nước ngoài ở cấp tỉnh");
        assert_eq!(a.audiences, [Audience::Foreign]);
        assert_eq!(a.levels, [Level::Tinh]);
    }
}
