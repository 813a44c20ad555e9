//! The search engine's language layer: what it knows of how Vietnamese people talk about procedures.
//!
//! It ships inside the binary (data files next to this module, compiled in with `include_str!`) so that
//! it applies to every handbook alike: the embedded one, a `--content` folder, an imported corpus, an
//! installed pack. A handbook may *extend* it with its own `glossary.toml`; it can never drop it. Before
//! this layer existed the knowledge lived in the content folder, and an imported handbook searched
//! without any of it fell below a plain BM25.
//!
//! The data, documented in `src/lang/README.md`:
//! - `glossary.toml`: abbreviations, old terms, technical terms and everyday phrases, with their current
//!   meaning (the app explains them) and the search words they stand for;
//! - `words.toml`: conversational filler, function words, the follow-up questions (fee, time, place,
//!   documents), the words that name an audience or a level, and abbreviations spelled out;
//! - `situations.toml`: word classes (kinship nouns, event verbs, paper nouns, negation…) and the rules
//!   that turn a sentence about a life situation into procedure vocabulary ([`situation`]).
//!
//! Matching is by syllable. A phrase typed with diacritics must match them exactly; typed without, it
//! matches by its folded form, except the words a data file marks as `marked`: unmarked, they are other
//! common words ("cô" folds onto "có", "dì" onto "đi").

pub mod situation;

use std::collections::HashMap;
use std::sync::OnceLock;

use serde::{Deserialize, Serialize};

use crate::content::Term;
#[cfg(test)]
use crate::content::TermKind;
use crate::error::{Error, Problem, Result};
use crate::guide::Level;
use crate::text::{fold, has_diacritics, normalize, same_but_hoi_nga, syllables};

pub use situation::{Recognised, Situations};

/// The built-in glossary.
pub(crate) const GLOSSARY: &str = include_str!("glossary.toml");
/// The name the built-in glossary's problems are reported under.
pub(crate) const GLOSSARY_FILE: &str = "src/lang/glossary.toml";
/// Filler, function words, intents, audiences, levels, abbreviations.
const WORDS: &str = include_str!("words.toml");
/// The situation lexicon.
const SITUATIONS: &str = include_str!("situations.toml");

/// One syllable of a query.
#[derive(Debug, Clone, PartialEq)]
pub struct Token {
    /// Lowercased, diacritics as typed.
    pub exact: String,
    /// Without diacritics.
    pub folded: String,
    /// How much this syllable counts (1 for a content word, less for function words and for the words a
    /// recognised situation has already read).
    pub weight: f32,
}

/// The folded syllables of a query and where each occurs, for skipping the lexicon's phrases that
/// cannot occur in it and trying the others only where their first syllable stands (see
/// [`Phrase::find_all_in`]).
pub struct Present<'a>(rustc_hash::FxHashMap<&'a str, Vec<usize>>);

impl<'a> Present<'a> {
    /// The positions of each of `tokens`' folded syllables.
    pub fn of(tokens: &'a [Token]) -> Present<'a> {
        let mut at: rustc_hash::FxHashMap<&'a str, Vec<usize>> = Default::default();
        for (i, t) in tokens.iter().enumerate() {
            at.entry(t.folded.as_str()).or_default().push(i);
        }
        Present(at)
    }

    /// Where a folded syllable occurs, in order.
    pub fn positions(&self, folded: &str) -> &[usize] {
        self.0.get(folded).map_or(&[], Vec::as_slice)
    }

    /// The distinct folded syllables, in no particular order.
    pub fn iter(&self) -> impl Iterator<Item = &'a str> + '_ {
        self.0.keys().copied()
    }
}

/// A list of phrases (or patterns) indexed by their first folded syllable. Searching a query visits
/// only the entries that may start in it: one lookup per distinct syllable of the query (tens)
/// instead of one per entry of the list (the glossary and the situation lexicon hold about a thousand
/// each, and that check was a tenth of a search's time).
#[derive(Debug, Clone, Default)]
pub struct FirstSyllables(rustc_hash::FxHashMap<String, Vec<usize>>);

impl FirstSyllables {
    /// Indexes a list given each entry's first folded syllable, in list order.
    pub fn new<'s>(firsts: impl IntoIterator<Item = &'s str>) -> FirstSyllables {
        let mut map: rustc_hash::FxHashMap<String, Vec<usize>> = Default::default();
        for (i, first) in firsts.into_iter().enumerate() {
            map.entry(first.to_string()).or_default().push(i);
        }
        FirstSyllables(map)
    }

    /// The positions in the list of the entries whose first syllable occurs, in list order (an entry
    /// has one first syllable and `present` holds each syllable once, so none comes twice).
    pub fn candidates(&self, present: &Present<'_>) -> Vec<usize> {
        let mut out: Vec<usize> = present
            .iter()
            .filter_map(|s| self.0.get(s))
            .flatten()
            .copied()
            .collect();
        out.sort_unstable();
        out
    }
}

/// Phrases with their [`FirstSyllables`] index. It reads as the slice of its phrases.
#[derive(Debug, Clone, Default)]
pub struct Phrases {
    list: Vec<Phrase>,
    first: FirstSyllables,
}

impl Phrases {
    /// Indexes `list`, keeping its order.
    pub fn new(list: Vec<Phrase>) -> Phrases {
        let first = FirstSyllables::new(list.iter().map(Phrase::first));
        Phrases { list, first }
    }

    /// The phrases that may occur in a query with these syllables (their first syllable does), in
    /// list order.
    pub fn candidates<'p>(&'p self, present: &Present<'_>) -> impl Iterator<Item = &'p Phrase> {
        self.first
            .candidates(present)
            .into_iter()
            .filter_map(|i| self.list.get(i))
    }
}

impl std::ops::Deref for Phrases {
    type Target = [Phrase];

    fn deref(&self) -> &[Phrase] {
        &self.list
    }
}

impl Token {
    /// A syllable of full weight.
    pub fn new(exact: &str) -> Token {
        Token {
            folded: fold(exact),
            exact: exact.to_string(),
            weight: 1.0,
        }
    }
}

/// For each syllable of a text (as [`syllables`] cuts it), the index of its sentence (cut at `. ? ! ;`
/// and line breaks) and of its clause (cut at commas, colons and dashes too). A full stop or comma inside
/// a number ("7.000m2", "4.600.000 đồng", "1,5 triệu") or an abbreviation ("TP.HCM") cuts nothing: only one
/// followed by something other than a letter or digit does (a comma between digits never does).
pub fn parts(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let (mut sentence, mut clause) = (0usize, 0usize);
    let mut in_word = false;
    let mut words = 0usize;
    let mut previous = ' ';
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        let before = std::mem::replace(&mut previous, c);
        if c.is_alphanumeric() {
            if !in_word {
                out.push((sentence, clause));
                words += 1;
            }
            in_word = true;
            continue;
        }
        in_word = false;
        if words == 0 {
            continue;
        }
        let next = chars.peek().copied().unwrap_or(' ');
        match c {
            '.' if next.is_alphanumeric() => {}
            ',' if before.is_numeric() && next.is_numeric() => {}
            '.' | '?' | '!' | ';' | '\n' => {
                sentence += 1;
                clause += 1;
                words = 0;
            }
            ',' | ':' | '–' | '—' | '(' | ')' => {
                clause += 1;
                words = 0;
            }
            _ => {}
        }
    }
    out
}

/// The syllables of a (normalized) text as tokens of full weight.
pub fn tokens_of(text: &str) -> Vec<Token> {
    syllables(text).iter().map(|s| Token::new(s)).collect()
}

/// What part of a procedure the person asked about, if the query says.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
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

/// Who a procedure is for, beyond Vietnamese citizens. Serialized as its [`Audience::id`], the value the
/// audience facet gives, so that a facet value can be sent back as a filter.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub enum Audience {
    /// Vietnamese citizens (the default audience of a commune desk).
    #[serde(rename = "cong-dan")]
    Citizen,
    /// Foreigners, Vietnamese living abroad, a foreign element.
    #[serde(rename = "nuoc-ngoai")]
    Foreign,
    /// Organisations and enterprises.
    #[serde(rename = "to-chuc")]
    Organisation,
    /// The armed forces, police, veterans and people with merit (special regimes).
    #[serde(rename = "luc-luong-vu-trang")]
    Armed,
}

impl Audience {
    /// Every audience, in display order.
    pub const ALL: [Audience; 4] = [
        Audience::Citizen,
        Audience::Foreign,
        Audience::Organisation,
        Audience::Armed,
    ];

    /// The identifier used in filters.
    pub fn id(self) -> &'static str {
        match self {
            Audience::Citizen => "cong-dan",
            Audience::Foreign => "nuoc-ngoai",
            Audience::Organisation => "to-chuc",
            Audience::Armed => "luc-luong-vu-trang",
        }
    }

    /// The Vietnamese label.
    pub fn label(self) -> &'static str {
        match self {
            Audience::Citizen => "Công dân",
            Audience::Foreign => "Yếu tố nước ngoài",
            Audience::Organisation => "Tổ chức, doanh nghiệp",
            Audience::Armed => "Lực lượng vũ trang, người có công",
        }
    }

    /// Parses an identifier.
    pub fn from_id(id: &str) -> Option<Audience> {
        Audience::ALL.into_iter().find(|a| a.id() == id)
    }
}

/// A phrase of one or more syllables, ready to be matched against tokens.
#[derive(Debug, Clone, PartialEq)]
pub struct Phrase {
    /// The phrase as written.
    pub text: String,
    exact: Vec<String>,
    folded: Vec<String>,
    /// Matches only syllables typed with their diacritics.
    marked_only: bool,
}

impl Phrase {
    /// Prepares a phrase; `None` when it has no syllable.
    pub fn new(text: &str, marked_only: bool) -> Option<Phrase> {
        let text = normalize(text);
        let exact = syllables(&text);
        if exact.is_empty() {
            return None;
        }
        let folded = exact.iter().map(|s| fold(s)).collect();
        Some(Phrase {
            text,
            exact,
            folded,
            marked_only,
        })
    }

    /// Number of syllables.
    pub fn len(&self) -> usize {
        self.exact.len()
    }

    /// Its first folded syllable.
    pub fn first(&self) -> &str {
        self.folded.first().map_or("", String::as_str)
    }

    /// Always false: a phrase has at least one syllable.
    pub fn is_empty(&self) -> bool {
        self.exact.is_empty()
    }

    /// Whether the phrase occurs in `tokens` starting at `at`.
    pub fn matches_at(&self, tokens: &[Token], at: usize) -> bool {
        let Some(window) = tokens.get(at..at + self.len()) else {
            return false;
        };
        window
            .iter()
            .zip(self.exact.iter().zip(&self.folded))
            .all(|(t, (exact, folded))| {
                // The folded forms must agree whatever the marks (both are `fold` of the exact forms), so
                // that cheap comparison goes first: this runs for every phrase of the lexicon at every
                // position of a query, and looking at the marks costs a Unicode table lookup per letter.
                t.folded == *folded
                    && if has_diacritics(&t.exact) {
                        // In a phrase of several syllables, the others make a hỏi/ngã slip harmless ("sổ
                        // đõ" is "sổ đỏ"); a single syllable keeps its exact tone ("nữa" is not "nửa").
                        t.exact == *exact || (self.len() > 1 && same_but_hoi_nga(&t.exact, exact))
                    } else {
                        // A syllable marked in the phrase needs its marks when the phrase says so.
                        !(self.marked_only && has_diacritics(exact))
                    }
            })
    }

    /// Every start position where the phrase occurs, given where the tokens' folded syllables stand:
    /// only the positions of its first syllable are tried (the lexicon's lists hold thousands of
    /// phrases, a query tens of syllables).
    pub fn find_all_in<'a>(
        &'a self,
        tokens: &'a [Token],
        present: &'a Present<'_>,
    ) -> impl Iterator<Item = usize> + 'a {
        present
            .positions(self.first())
            .iter()
            .copied()
            .filter(move |&i| self.matches_at(tokens, i))
    }
}

/// Prepares a list of phrases, dropping empty ones.
fn phrases(list: &[String], marked_only: bool) -> Vec<Phrase> {
    list.iter()
        .filter_map(|p| Phrase::new(p, marked_only))
        .collect()
}

/// `words.toml` as written.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct WordsFile {
    filler: Vec<String>,
    function: Vec<String>,
    intents: IntentsFile,
    audiences: AudiencesFile,
    levels: LevelsFile,
    abbreviations: std::collections::BTreeMap<String, String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct IntentsFile {
    fee: Vec<String>,
    time: Vec<String>,
    place: Vec<String>,
    documents: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct AudiencesFile {
    foreign: Vec<String>,
    organisation: Vec<String>,
    armed: Vec<String>,
    not: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct LevelsFile {
    xa: Vec<String>,
    tinh: Vec<String>,
    bo: Vec<String>,
    /// Words that hold a level's word and name no level ("cán bộ", "sở hữu", "bảo hiểm xã hội").
    #[serde(default)]
    not: Vec<String>,
}

#[derive(Deserialize)]
struct GlossaryFile {
    term: Vec<Term>,
}

/// The built-in language data, parsed.
#[derive(Debug)]
pub struct Lexicon {
    /// Glossary entries (abbreviations, old terms, technical terms, everyday phrases).
    pub glossary: Vec<Term>,
    /// Conversational filler, longest first.
    pub filler: Phrases,
    /// Function words, longest first.
    pub function: Phrases,
    /// The folded syllables of the function words and the filler: everyday words, never typos.
    everyday: std::collections::HashSet<String>,
    /// The folded forms of one-syllable function words written with marks ("dang" of "đang") that no
    /// function word written without marks shares ("cho", "do"): typed without marks, they may be a
    /// content word ("đăng").
    marked_function: std::collections::HashSet<String>,
    /// Follow-up phrases and what they ask.
    pub intents: Vec<(Phrase, Intent)>,
    /// Words naming an audience.
    pub audiences: Vec<(Phrase, Audience)>,
    /// Phrases in which an audience word names nobody ("bảo hiểm xã hội", "cơ quan nào").
    pub audiences_not: Vec<Phrase>,
    /// Words naming a level, or (`None`) holding a level's word without naming one, longest first.
    pub levels: Vec<(Phrase, Option<Level>)>,
    /// Abbreviations (folded, e.g. `bhxh`) and their spelled-out form.
    pub abbreviations: HashMap<String, String>,
    /// The situation lexicon.
    pub situations: Situations,
}

static BUILTIN: OnceLock<std::result::Result<Lexicon, Vec<Problem>>> = OnceLock::new();

impl Lexicon {
    /// The lexicon compiled into the binary. Its files are checked by the tests; should one still be
    /// unreadable, every search reports it instead of running without it.
    pub fn builtin() -> Result<&'static Lexicon> {
        BUILTIN
            .get_or_init(Lexicon::parse)
            .as_ref()
            .map_err(|p| Error::Invalid(p.clone()))
    }

    fn parse() -> std::result::Result<Lexicon, Vec<Problem>> {
        let mut problems = Vec::new();
        let toml_problem = |file: &str, text: &str, e: toml::de::Error| {
            let line = e.span().map_or(0, |s| {
                crate::guide::parse::line_of(text.as_bytes(), s.start)
            });
            Problem::new(file, line, e.message().to_string())
        };
        let glossary = match toml::from_str::<GlossaryFile>(GLOSSARY) {
            Ok(g) => g.term,
            Err(e) => {
                problems.push(toml_problem("src/lang/glossary.toml", GLOSSARY, e));
                Vec::new()
            }
        };
        let words = match toml::from_str::<WordsFile>(WORDS) {
            Ok(w) => Some(w),
            Err(e) => {
                problems.push(toml_problem("src/lang/words.toml", WORDS, e));
                None
            }
        };
        let situations = match Situations::parse(SITUATIONS) {
            Ok(s) => Some(s),
            Err(p) => {
                problems.extend(p);
                None
            }
        };
        let (Some(words), Some(situations)) = (words, situations) else {
            return Err(problems);
        };
        if !problems.is_empty() {
            return Err(problems);
        }
        let mut filler = phrases(&words.filler, false);
        filler.sort_by_key(|p| std::cmp::Reverse(p.len()));
        let tagged = |lists: Vec<(Vec<String>, Intent)>| -> Vec<(Phrase, Intent)> {
            let mut out: Vec<(Phrase, Intent)> = lists
                .into_iter()
                .flat_map(|(l, i)| phrases(&l, false).into_iter().map(move |p| (p, i)))
                .collect();
            out.sort_by_key(|(p, _)| std::cmp::Reverse(p.len()));
            out
        };
        let intents = tagged(vec![
            (words.intents.fee, Intent::Fee),
            (words.intents.time, Intent::Time),
            (words.intents.place, Intent::Place),
            (words.intents.documents, Intent::Documents),
        ]);
        let audiences_not = phrases(&words.audiences.not, false);
        let mut audiences: Vec<(Phrase, Audience)> = Vec::new();
        for (list, a) in [
            (words.audiences.foreign, Audience::Foreign),
            (words.audiences.organisation, Audience::Organisation),
            (words.audiences.armed, Audience::Armed),
        ] {
            // A word of one syllable names an audience only as written: unmarked, "quỹ" and "hội" are
            // "quy" (of "quy trình") and "hoi" (typed for "hỏi", to ask), which name nobody.
            audiences.extend(
                list.iter()
                    .filter_map(|p| Phrase::new(p, syllables(p).len() == 1))
                    .map(|p| (p, a)),
            );
        }
        let mut levels: Vec<(Phrase, Option<Level>)> = Vec::new();
        for (list, l) in [
            (words.levels.xa, Some(Level::Xa)),
            (words.levels.tinh, Some(Level::Tinh)),
            (words.levels.bo, Some(Level::Bo)),
            (words.levels.not, None),
        ] {
            levels.extend(phrases(&list, true).into_iter().map(|p| (p, l)));
        }
        levels.sort_by_key(|(p, _)| std::cmp::Reverse(p.len()));
        let abbreviations = words
            .abbreviations
            .into_iter()
            .map(|(a, full)| (fold(&normalize(&a)), normalize(&full)))
            .collect();
        let mut function = phrases(&words.function, false);
        // Longest first, like the filler: "đi du lịch" is marked whole before its "đi" alone.
        function.sort_by_key(|p| std::cmp::Reverse(p.len()));
        let everyday = function
            .iter()
            .chain(&filler)
            .flat_map(|p| p.folded.iter().cloned())
            .collect();
        let single = || function.iter().filter(|p| p.len() == 1);
        let unmarked: std::collections::HashSet<&str> = single()
            .filter(|p| !has_diacritics(&p.text))
            .map(|p| p.folded[0].as_str())
            .collect();
        let marked_function = single()
            .filter(|p| has_diacritics(&p.text) && !unmarked.contains(p.folded[0].as_str()))
            .map(|p| p.folded[0].clone())
            .collect();
        Ok(Lexicon {
            glossary,
            filler: Phrases::new(filler),
            function: Phrases::new(function),
            everyday,
            marked_function,
            intents,
            audiences,
            audiences_not,
            levels,
            abbreviations,
            situations,
        })
    }

    /// The glossary a handbook searches with: the built-in one, extended by the handbook's own entries.
    /// An entry of the handbook with the same term replaces the built-in meaning and variants but keeps
    /// the built-in search words (a handbook can add to the language layer, never remove from it).
    pub fn glossary_with(&self, own: &[Term]) -> Vec<Term> {
        let key = |t: &Term| fold(&normalize(&t.term));
        let mut out: Vec<Term> = self.glossary.clone();
        let mut at: HashMap<String, usize> =
            out.iter().enumerate().map(|(i, t)| (key(t), i)).collect();
        for t in own {
            match at.get(&key(t)) {
                Some(&i) => {
                    let base = &mut out[i];
                    let mut expand = base.expand.clone();
                    for e in &t.expand {
                        if !expand.contains(e) {
                            expand.push(e.clone());
                        }
                    }
                    *base = Term {
                        expand,
                        ..t.clone()
                    };
                }
                None => {
                    at.insert(key(t), out.len());
                    out.push(t.clone());
                }
            }
        }
        out
    }

    /// A text with every abbreviation the lexicon knows spelled out, or `None` when it has none
    /// ("Cấp lại sổ BHXH" → "Cấp lại sổ bảo hiểm xã hội").
    pub fn spell_out(&self, text: &str) -> Option<String> {
        let mut out = String::with_capacity(text.len() + 32);
        let mut changed = false;
        let mut word = String::new();
        let flush = |word: &mut String, out: &mut String, changed: &mut bool| {
            if word.is_empty() {
                return;
            }
            // Abbreviations are written in capitals: "BHXH", "TNLĐ"; a lowercase word is a word.
            let is_caps = word
                .chars()
                .filter(|c| c.is_alphabetic())
                .all(char::is_uppercase)
                && word.chars().count() >= 2;
            match self.abbreviations.get(&fold(word)) {
                Some(full) if is_caps => {
                    out.push_str(full);
                    *changed = true;
                }
                _ => out.push_str(word),
            }
            word.clear();
        };
        for c in text.chars() {
            if c.is_alphanumeric() {
                word.push(c);
            } else {
                flush(&mut word, &mut out, &mut changed);
                out.push(c);
            }
        }
        flush(&mut word, &mut out, &mut changed);
        changed.then_some(out)
    }

    /// Whether a token is a function word (alone; function phrases of several syllables are matched by
    /// [`Lexicon::function_spans`]).
    pub fn function_spans(&self, tokens: &[Token]) -> Vec<bool> {
        let mut out = vec![false; tokens.len()];
        let present = Present::of(tokens);
        for p in self.function.candidates(&present) {
            for at in p.find_all_in(tokens, &present) {
                out[at..at + p.len()].iter_mut().for_each(|f| *f = true);
            }
        }
        out
    }

    /// The first intent phrase in the tokens.
    pub fn intent(&self, tokens: &[Token]) -> Option<Intent> {
        let present = Present::of(tokens);
        self.intents
            .iter()
            .find(|(p, _)| p.find_all_in(tokens, &present).next().is_some())
            .map(|&(_, i)| i)
    }

    /// Whether a folded syllable belongs to the lexicon's everyday words (function words, filler):
    /// "did you mean" never corrects one, although the catalogue holds far more common neighbours
    /// ("giờ" is not a typo of "giá").
    pub fn is_everyday(&self, folded: &str) -> bool {
        self.everyday.contains(folded)
    }

    /// Whether a folded syllable is the unmarked form of a one-syllable function word written with
    /// marks ("dang" of "đang"), and of none written without ("cho", "do").
    pub fn is_marked_function(&self, folded: &str) -> bool {
        self.marked_function.contains(folded)
    }

    /// The audiences a query names.
    pub fn audiences_named(&self, tokens: &[Token]) -> Vec<Audience> {
        let mut out: Vec<Audience> = Vec::new();
        let present = Present::of(tokens);
        // Syllables inside a phrase where an audience word names nobody: the "hội" of "bảo hiểm xã
        // hội", the "cơ quan" of "nộp ở cơ quan nào", the "công ty" of "tôi làm việc ở công ty".
        let mut not = vec![false; tokens.len()];
        for p in &self.audiences_not {
            for at in p.find_all_in(tokens, &present) {
                not[at..at + p.len()].iter_mut().for_each(|n| *n = true);
            }
        }
        for (p, a) in &self.audiences {
            if !out.contains(a)
                && p.find_all_in(tokens, &present)
                    .any(|at| !not[at..at + p.len()].iter().any(|&n| n))
            {
                out.push(*a);
            }
        }
        out
    }

    /// The levels a query names.
    pub fn levels_named(&self, tokens: &[Token]) -> Vec<Level> {
        let mut out: Vec<Level> = Vec::new();
        let mut covered = vec![false; tokens.len()];
        let present = Present::of(tokens);
        for (p, l) in &self.levels {
            for at in p.find_all_in(tokens, &present) {
                if covered[at..at + p.len()].iter().any(|&c| c) {
                    continue;
                }
                covered[at..at + p.len()].iter_mut().for_each(|c| *c = true);
                if let Some(l) = l
                    && !out.contains(l)
                {
                    out.push(*l);
                }
            }
        }
        out
    }
}

/// The audiences of a guide, read from its applicants and its names: a guide for Vietnamese citizens
/// has [`Audience::Citizen`]; variants for a foreign element, organisations or the armed forces carry
/// those marks too (its title says so even when its applicants list citizens). `first_step` is the
/// guide's first step, which often says who hands the file in: the police's own health-insurance cards
/// ("Cấp lại thẻ bảo hiểm y tế" of the Ministry of Public Security) are asked for by "sĩ quan, hạ sĩ
/// quan, chiến sĩ … Công an nhân dân" for their families, a twin the title does not mark.
pub fn audiences_of(
    title: &str,
    official_title: &str,
    applicants: &[String],
    first_step: &str,
) -> Vec<Audience> {
    // Whole words with their marks: titles are official text, and "có yếu tố" must not read as "cơ yếu".
    let words_of = |s: &str| format!(" {} ", syllables(&normalize(s)).join(" "));
    let names = words_of(&format!("{title} {official_title}"));
    let applicants = words_of(&applicants.join(", "));
    let has = |text: &str, words: &[&str]| words.iter().any(|w| text.contains(&format!(" {w} ")));
    let mut out = Vec::new();
    let citizen = has(
        &applicants,
        &["công dân", "cá nhân", "hộ gia đình", "người dân"],
    ) || applicants.trim().is_empty();
    if citizen {
        out.push(Audience::Citizen);
    }
    if has(&names, &["nước ngoài", "xuất cảnh", "nhập cảnh"])
        || (!citizen && has(&applicants, &["nước ngoài"]))
    {
        out.push(Audience::Foreign);
    }
    if has(
        &names,
        &[
            "doanh nghiệp",
            "tổ chức",
            "hợp tác xã",
            "công ty",
            "nhà đầu tư",
            "dự án",
        ],
    ) || (!citizen && has(&applicants, &["tổ chức", "doanh nghiệp", "hợp tác xã"]))
    {
        out.push(Audience::Organisation);
    }
    if has(
        &names,
        &[
            "quân đội",
            "quân nhân",
            "công an nhân dân",
            "quốc phòng",
            "sĩ quan",
            "lực lượng vũ trang",
            "cơ yếu",
            "thương binh",
            "bệnh binh",
            "liệt sĩ",
            "liệt sỹ",
            "người có công",
            "cựu chiến binh",
            "dân quân",
        ],
    ) || has(
        &words_of(first_step),
        &["hạ sĩ quan", "công an nhân dân", "quân đội nhân dân"],
    ) {
        out.push(Audience::Armed);
    }
    if out.is_empty() {
        out.push(Audience::Organisation);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn toks(s: &str) -> Vec<Token> {
        tokens_of(&normalize(s))
    }

    /// Sentences and clauses: cut at their punctuation, not at the full stops and commas of numbers and
    /// abbreviations.
    #[test]
    fn parts_cut_sentences_not_numbers() {
        let text = "Mảnh đất 7.000m2 ở TP.HCM, giá 1,5 tỷ. Tôi hỏi: làm sao? Xong";
        assert_eq!(syllables(text).len(), parts(text).len());
        let sentences: Vec<usize> = parts(text).iter().map(|p| p.0).collect();
        let clauses: Vec<usize> = parts(text).iter().map(|p| p.1).collect();
        // mảnh đất 7 000m2 ở tp hcm | giá 1 5 tỷ || tôi hỏi | làm sao || xong
        assert_eq!(sentences, [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2]);
        assert_eq!(clauses, [0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 3, 3, 4]);
        // A full stop before a space or at the end still ends its sentence, a comma after a word its clause.
        assert_eq!(parts("Một. Hai,ba."), [(0, 0), (1, 1), (1, 2)]);
    }

    #[test]
    fn the_builtin_lexicon_parses() {
        let l = Lexicon::builtin().expect("lexicon");
        assert!(l.glossary.len() > 100);
        assert!(!l.filler.is_empty() && !l.function.is_empty());
        assert!(l.abbreviations.contains_key("bhxh"));
    }

    /// The explicit rule for glossary legal facts: an entry whose meaning names a date (d/m/yyyy) states
    /// when something took or loses effect, so it is marked `legal` and, being legal, names its source.
    #[test]
    fn glossary_entries_with_dates_are_legal_facts_with_a_source() {
        let l = Lexicon::builtin().expect("lexicon");
        let dated = |m: &str| {
            m.split(|c: char| !c.is_ascii_digit() && c != '/').any(|w| {
                let p: Vec<&str> = w.split('/').collect();
                p.len() == 3
                    && (1..=2).contains(&p[0].len())
                    && (1..=2).contains(&p[1].len())
                    && p[2].len() == 4
            })
        };
        for t in &l.glossary {
            if dated(&t.meaning) {
                assert!(
                    t.legal,
                    "\"{}\" names a date but is not marked legal",
                    t.term
                );
            }
            assert!(
                crate::content::audit::check_term(t).is_none(),
                "\"{}\" is legal without a source",
                t.term
            );
        }
        assert!(l.glossary.iter().filter(|t| t.legal).count() >= 10);
    }

    #[test]
    fn phrases_match_accented_exactly_and_plain_by_folding() {
        let p = Phrase::new("mất", false).expect("phrase");
        assert!(p.matches_at(&toks("mất"), 0));
        assert!(p.matches_at(&toks("mat"), 0));
        assert!(!p.matches_at(&toks("mặt"), 0));
        let marked = Phrase::new("cô", true).expect("phrase");
        assert!(marked.matches_at(&toks("cô"), 0));
        assert!(!marked.matches_at(&toks("co"), 0));
    }

    #[test]
    fn one_syllable_audience_words_need_their_marks() {
        let l = Lexicon::builtin().expect("lexicon");
        let named = |q: &str| l.audiences_named(&toks(q));
        // "quy trình" is not a fund ("quỹ"), "hoi" is not an association ("hội").
        assert!(named("quy trình cấp đổi sổ đỏ").is_empty());
        assert!(named("cho hoi thu tuc cap doi so do").is_empty());
        assert_eq!(
            named("thành lập quỹ từ thiện"),
            vec![Audience::Organisation]
        );
        // Words of several syllables still name an audience typed without marks.
        assert_eq!(named("cong ty cua toi"), vec![Audience::Organisation]);
        assert_eq!(
            named("ket hon voi nguoi nuoc ngoai"),
            vec![Audience::Foreign]
        );
    }

    #[test]
    fn abbreviations_are_spelled_out_in_capitals_only() {
        let l = Lexicon::builtin().expect("lexicon");
        assert_eq!(
            l.spell_out("Cấp lại sổ BHXH, thẻ BHYT").as_deref(),
            Some("Cấp lại sổ bảo hiểm xã hội, thẻ bảo hiểm y tế")
        );
        assert_eq!(l.spell_out("Đăng ký khai sinh"), None);
        assert_eq!(
            l.spell_out("chế độ TNLĐ, BNN").as_deref(),
            Some("chế độ tai nạn lao động, bệnh nghề nghiệp")
        );
    }

    #[test]
    fn a_handbook_extends_the_glossary_but_cannot_drop_search_words() {
        let l = Lexicon::builtin().expect("lexicon");
        let own = vec![
            Term {
                term: "CCCD".into(),
                kind: TermKind::VietTat,
                meaning: "Nghĩa riêng của sổ tay.".into(),
                variants: vec![],
                expand: vec![],
                legal: false,
                source: None,
            },
            Term {
                term: "sổ xanh".into(),
                kind: TermKind::CachNoi,
                meaning: "Cách gọi ở địa phương.".into(),
                variants: vec![],
                expand: vec!["thường trú".into()],
                legal: false,
                source: None,
            },
        ];
        let merged = l.glossary_with(&own);
        assert_eq!(merged.len(), l.glossary.len() + 1);
        let cccd = merged.iter().find(|t| t.term == "CCCD").expect("CCCD");
        assert_eq!(cccd.meaning, "Nghĩa riêng của sổ tay.");
        assert!(!cccd.expand.is_empty(), "built-in search words kept");
        assert!(merged.iter().any(|t| t.term == "sổ xanh"));
    }

    #[test]
    fn audiences_and_levels_named_in_a_query() {
        let l = Lexicon::builtin().expect("lexicon");
        assert_eq!(
            l.audiences_named(&toks("kết hôn với người nước ngoài")),
            [Audience::Foreign]
        );
        assert!(
            l.audiences_named(&toks("đăng ký khai sinh cho con"))
                .is_empty()
        );
        assert_eq!(l.levels_named(&toks("nộp ở ủy ban xã")), [Level::Xa]);
        // Without marks "xa" is also "xa" (far): levels count only when typed with them.
        assert!(l.levels_named(&toks("di lam xa")).is_empty());
        // A level's word inside other words names no level: an official, ownership, social insurance.
        assert!(
            l.levels_named(&toks("cán bộ từ chối chứng thực"))
                .is_empty()
        );
        assert!(l.levels_named(&toks("quyền sở hữu nhà ở")).is_empty());
        assert!(l.levels_named(&toks("đóng bảo hiểm xã hội")).is_empty());
        assert_eq!(l.levels_named(&toks("cán bộ ở sở tư pháp")), [Level::Tinh]);
        // The ministry a letter is addressed to names no level; one that does the procedure does.
        assert!(
            l.levels_named(&toks("Mong Bộ Công an hướng dẫn thủ tục cai nghiện"))
                .is_empty()
        );
        assert_eq!(
            l.levels_named(&toks("hộ chiếu do bộ công an cấp")),
            [Level::Bo]
        );
    }

    #[test]
    fn function_words_written_with_marks_are_known_by_their_unmarked_form() {
        let l = Lexicon::builtin().expect("lexicon");
        for w in ["dang", "ho", "ban"] {
            assert!(l.is_marked_function(w), "{w}");
        }
        // Written without marks ("cho", "do"), or not a function word at all ("ky").
        for w in ["cho", "do", "ky"] {
            assert!(!l.is_marked_function(w), "{w}");
        }
    }

    #[test]
    fn a_citizen_speaking_of_insurance_offices_or_employers_names_no_organisation() {
        let l = Lexicon::builtin().expect("lexicon");
        for q in [
            "rút bảo hiểm xã hội một lần",
            "rut bao hiem xa hoi mot lan",
            "nộp hồ sơ ở cơ quan nào",
            "tôi làm việc ở công ty được 5 năm",
            "công ty tôi chưa trả sổ bhxh",
            "sinh con 6 tháng mà chưa được công ty giải quyết tiền thai sản",
        ] {
            assert!(l.audiences_named(&toks(q)).is_empty(), "{q}");
        }
        // The same words still name an organisation where it is the applicant.
        for q in ["đăng ký thành lập công ty", "hội từ thiện xin giấy phép"] {
            assert_eq!(l.audiences_named(&toks(q)), [Audience::Organisation], "{q}");
        }
    }

    #[test]
    fn audiences_of_guides() {
        let citizens = vec!["Công dân Việt Nam".to_string()];
        assert_eq!(
            audiences_of("Đăng ký khai tử", "Thủ tục đăng ký khai tử", &citizens, ""),
            [Audience::Citizen]
        );
        assert_eq!(
            audiences_of(
                "Đăng ký kết hôn có yếu tố nước ngoài",
                "Thủ tục đăng ký kết hôn có yếu tố nước ngoài",
                &citizens,
                ""
            ),
            [Audience::Citizen, Audience::Foreign]
        );
        let firms = vec!["Doanh nghiệp".to_string(), "Hợp tác xã".to_string()];
        assert_eq!(
            audiences_of("Cấp giấy phép", "Cấp giấy phép", &firms, ""),
            [Audience::Organisation]
        );
        assert!(
            audiences_of(
                "Xét hưởng trợ cấp một lần đối với quân nhân",
                "",
                &citizens,
                ""
            )
            .contains(&Audience::Armed)
        );
        assert!(
            audiences_of("Xét công nhận liệt sỹ", "", &citizens, "").contains(&Audience::Armed)
        );
        // A twin whose title says nothing: its first step says who hands the file in.
        let police = "Bước 1: Sĩ quan, hạ sĩ quan, chiến sĩ nghĩa vụ, học viên Công an nhân dân đại \
                      diện cho thân nhân lập danh sách đề nghị cấp lại thẻ bảo hiểm y tế.";
        assert_eq!(
            audiences_of("Cấp lại thẻ bảo hiểm y tế", "", &citizens, police),
            [Audience::Citizen, Audience::Armed]
        );
        let residence = "Bước 1: Công dân nộp hồ sơ tại Công an cấp xã nơi cư trú.";
        assert_eq!(
            audiences_of("Đăng ký thường trú", "", &citizens, residence),
            [Audience::Citizen]
        );
        // An emulation title is not the armed forces.
        assert_eq!(
            audiences_of(
                "Đề nghị xét tặng danh hiệu Chiến sĩ thi đua cơ sở",
                "",
                &citizens,
                "Bước 1: Đơn vị lập hồ sơ đề nghị danh hiệu chiến sĩ thi đua."
            ),
            [Audience::Citizen]
        );
    }

    proptest::proptest! {
        /// The index by first syllable finds what trying every phrase at every position finds, in the
        /// same order: phrases in list order, each at its positions in order.
        #[test]
        fn the_first_syllable_index_finds_what_a_full_scan_finds(
            query in proptest::collection::vec(0usize..6, 0..14),
            list in proptest::collection::vec(proptest::collection::vec(0usize..6, 1..4), 0..12),
            marks in proptest::collection::vec(proptest::bool::ANY, 12),
        ) {
            // Pairs written with and without marks, so that marked-only phrases and tones count too.
            const WORDS: [&str; 6] = ["con", "còn", "mất", "mat", "giấy", "tờ"];
            let say = |ids: &[usize]| ids.iter().map(|&i| WORDS[i]).collect::<Vec<_>>().join(" ");
            let tokens = toks(&say(&query));
            let phrases = Phrases::new(
                list.iter()
                    .zip(&marks)
                    .filter_map(|(p, &marked)| Phrase::new(&say(p), marked))
                    .collect(),
            );
            let present = Present::of(&tokens);
            let indexed: Vec<(String, usize)> = phrases
                .candidates(&present)
                .flat_map(|p| p.find_all_in(&tokens, &present).map(|at| (p.text.clone(), at)))
                .collect();
            let scanned: Vec<(String, usize)> = phrases
                .iter()
                .flat_map(|p| {
                    (0..tokens.len())
                        .filter(|&at| p.matches_at(&tokens, at))
                        .map(|at| (p.text.clone(), at))
                })
                .collect();
            proptest::prop_assert_eq!(indexed, scanned);
        }
    }
}
