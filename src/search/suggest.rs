//! "Did you mean": corrections from the index's own vocabulary, with diacritics restored.
//!
//! The vocabulary is every syllable of titles, aliases and body, keyed by its folded form; for each folded
//! form it remembers the most frequent accented spelling, and for each folded pair the most frequent
//! accented pair, so `dang ky khia sinh` becomes `đăng ký khai sinh` rather than `đang kỳ khải sinh`.

use rustc_hash::FxHashMap as HashMap;

use super::analyze::Token;
use crate::text::{fold, has_diacritics, syllable_slices};

/// A known word may still be a typo of one seen at least this many times as often.
const COMMONER: u32 = 10;
/// ...but only when it is itself this rare in the handbook: "khia" (of "khía cạnh", 4 times in the
/// catalogue) is a typo of "khai"; "trai", "mẹ" or "chia", seen hundreds of times, are words.
const RARE_KNOWN: u32 = 10;

/// Syllable statistics of a handbook.
#[derive(Debug, Default, Clone, serde::Serialize, serde::Deserialize)]
pub(super) struct Vocabulary {
    /// Folded syllable → (occurrences, best accented form and its count).
    words: HashMap<String, (u32, String, u32)>,
    /// Folded pair "a b" → best accented pair and its count.
    pairs: HashMap<String, (String, u32)>,
    /// Accented form counts, to pick the best one per folded form (needed only while adding text, so
    /// not kept in snapshots).
    #[serde(skip)]
    forms: HashMap<String, u32>,
    #[serde(skip)]
    pair_forms: HashMap<String, u32>,
    /// Every letter of the folded words, for generating one-edit variants (derived on first use).
    #[serde(skip)]
    alphabet: std::sync::OnceLock<Vec<char>>,
}

impl Vocabulary {
    /// Adds a text (already normalized).
    pub(super) fn add(&mut self, text: &str) {
        self.alphabet = std::sync::OnceLock::new();
        // Each syllable is lowercased and folded once; the maps clone a key only when it is new.
        let syl: Vec<(String, String)> = syllable_slices(text)
            .map(|s| {
                let exact = s.to_lowercase();
                let folded = fold(&exact);
                (exact, folded)
            })
            .collect();
        for (exact, folded) in &syl {
            let c = bump(&mut self.forms, exact);
            match self.words.get_mut(folded) {
                Some(entry) => {
                    entry.0 += 1;
                    if c > entry.2 {
                        entry.1.clone_from(exact);
                        entry.2 = c;
                    }
                }
                None => {
                    self.words.insert(folded.clone(), (1, exact.clone(), c));
                }
            }
        }
        let mut exact = String::new();
        let mut key = String::new();
        for w in syl.windows(2) {
            exact.clear();
            exact.push_str(&w[0].0);
            exact.push(' ');
            exact.push_str(&w[1].0);
            key.clear();
            key.push_str(&w[0].1);
            key.push(' ');
            key.push_str(&w[1].1);
            let c = bump(&mut self.pair_forms, &exact);
            match self.pairs.get_mut(&key) {
                Some(entry) if c > entry.1 => {
                    entry.0.clone_from(&exact);
                    entry.1 = c;
                }
                Some(_) => {}
                None => {
                    self.pairs.insert(key.clone(), (exact.clone(), c));
                }
            }
        }
    }

    /// The closest known syllable to an unknown one, preferring ones that form a known pair with a
    /// neighbour, then frequent ones.
    fn correct(&self, word: &str, prev: Option<&str>, next: Option<&str>) -> Option<String> {
        let n = word.chars().count();
        if n < 2 || word.chars().any(|c| c.is_ascii_digit()) {
            return None;
        }
        let max = if n >= 7 { 2 } else { 1 };
        // The best candidate is the nearest one, so when some word is one edit away only those words
        // compete: they are found by generating the few hundred one-edit variants of `word` instead of
        // measuring the distance to every word of the vocabulary (tens of thousands in the catalogue;
        // this ran for every rare word of every query). Only a long word with no neighbour at one edit
        // needs the whole vocabulary.
        let near = self.one_edit(word);
        if !near.is_empty() {
            return self.best_of(near.into_iter(), word, max, prev, next);
        }
        if max < 2 {
            return None;
        }
        self.best_of(self.words.keys().map(String::as_str), word, max, prev, next)
    }

    /// The best of `pool` within `max` edits of `word`: nearest first, then one that forms a known pair
    /// with a neighbour, then the most frequent, then the first in alphabetical order.
    fn best_of<'a>(
        &self,
        pool: impl Iterator<Item = &'a str>,
        word: &str,
        max: usize,
        prev: Option<&str>,
        next: Option<&str>,
    ) -> Option<String> {
        let mut best: Option<(usize, bool, u32, u32, &str)> = None;
        let mut letters: Vec<char> = word.chars().collect();
        letters.sort_unstable();
        for cand in pool {
            if cand == word {
                continue;
            }
            let d = distance(word, cand, max);
            if d > max {
                continue;
            }
            let count = self.words.get(cand).map_or(0, |w| w.0);
            // How often the candidate is seen beside the neighbours: "gia hna" is "gia hạn" (a
            // frequent pair), not "gia nhà", although "nhà" is the commoner word.
            let paired = |key: String| self.pairs.get(&key).map_or(0, |p| p.1);
            let beside = prev.map_or(0, |p| paired(format!("{p} {cand}")))
                + next.map_or(0, |x| paired(format!("{cand} {x}")));
            // The same letters in another order (a swap: "cah", "tor", "hco") keep everything that
            // was typed, so they beat a changed or lost letter at the same distance.
            let mut same: Vec<char> = cand.chars().collect();
            same.sort_unstable();
            let key = (
                d,
                same != letters,
                u32::MAX - beside,
                u32::MAX - count,
                cand,
            );
            if best.is_none_or(|b| key < b) {
                best = Some(key);
            }
        }
        best.map(|b| b.4.to_string())
    }

    /// The vocabulary words one edit away from `word` (optimal string alignment: one insertion,
    /// deletion, substitution or swap of neighbours), each once.
    fn one_edit(&self, word: &str) -> Vec<&str> {
        let alphabet = self.alphabet.get_or_init(|| {
            let mut letters: Vec<char> = self.words.keys().flat_map(|w| w.chars()).collect();
            letters.sort_unstable();
            letters.dedup();
            letters
        });
        let chars: Vec<char> = word.chars().collect();
        let mut found: Vec<&str> = Vec::new();
        let mut text = String::with_capacity(word.len() + 4);
        let mut look = |variant: &[char]| {
            text.clear();
            text.extend(variant);
            if text != word
                && let Some((known, _)) = self.words.get_key_value(text.as_str())
            {
                found.push(known.as_str());
            }
        };
        let mut variant: Vec<char> = Vec::with_capacity(chars.len() + 1);
        for i in 0..chars.len() {
            // Deletion of the i-th letter.
            variant.clear();
            variant.extend(&chars[..i]);
            variant.extend(&chars[i + 1..]);
            look(&variant);
            // Swap of the i-th letter and the next.
            if i + 1 < chars.len() {
                variant.clear();
                variant.extend(&chars);
                variant.swap(i, i + 1);
                look(&variant);
            }
            // Substitution of the i-th letter.
            variant.clear();
            variant.extend(&chars);
            for &c in alphabet {
                if c != chars[i] {
                    variant[i] = c;
                    look(&variant);
                }
            }
        }
        // Insertion before the i-th letter (or at the end).
        for i in 0..=chars.len() {
            for &c in alphabet {
                variant.clear();
                variant.extend(&chars[..i]);
                variant.push(c);
                variant.extend(&chars[i..]);
                look(&variant);
            }
        }
        found.sort_unstable();
        found.dedup();
        found
    }

    /// A correction of a known word seen `count` times: one that forms a known pair with a neighbour
    /// and is far more common, or `None`.
    fn correct_paired(
        &self,
        word: &str,
        count: u32,
        prev: Option<&str>,
        next: Option<&str>,
    ) -> Option<String> {
        let c = self.correct(word, prev, next)?;
        let pair = |a: &str, b: &str| self.pairs.contains_key(&format!("{a} {b}"));
        let commoner = self
            .words
            .get(&c)
            .is_some_and(|(n, _, _)| *n >= count.saturating_mul(COMMONER));
        (commoner && (prev.is_some_and(|p| pair(p, &c)) || next.is_some_and(|n| pair(&c, n))))
            .then_some(c)
    }

    /// A corrected query with diacritics, when some word is unknown or `always`; `None` when it would
    /// say nothing new. With `rare_too`, a known word far rarer than a correction that pairs with a
    /// neighbour is corrected as well (for "did you mean", not for searching the correction).
    /// Words for which `keep` says true are never corrected (the engine passes the words its index
    /// knows, when it searches the correction).
    pub(super) fn suggest(
        &self,
        tokens: &[Token],
        always: bool,
        rare_too: bool,
        keep: &dyn Fn(&str) -> bool,
    ) -> Option<String> {
        if tokens.is_empty() {
            return None;
        }
        let (folded, changed) = self.corrections(tokens, rare_too, keep);
        if !changed && !always {
            return None;
        }
        self.restore(tokens, &folded)
    }

    /// The query to search instead of a misspelt one: the words as typed, the unknown ones replaced
    /// by their correction (without diacritics, so that the query keeps its typing style and the
    /// words typed without marks still match every accented form). `None` when nothing is corrected.
    pub(super) fn corrected(
        &self,
        tokens: &[Token],
        keep: &dyn Fn(&str) -> bool,
    ) -> Option<String> {
        let (folded, changed) = self.corrections(tokens, false, keep);
        changed.then(|| {
            tokens
                .iter()
                .zip(&folded)
                .map(|(t, f)| {
                    if &t.folded == f {
                        t.exact.as_str()
                    } else {
                        f.as_str()
                    }
                })
                .collect::<Vec<_>>()
                .join(" ")
        })
    }

    /// The folded words with corrections applied, and whether any was.
    fn corrections(
        &self,
        tokens: &[Token],
        rare_too: bool,
        keep: &dyn Fn(&str) -> bool,
    ) -> (Vec<String>, bool) {
        let mut folded: Vec<String> = tokens.iter().map(|t| t.folded.clone()).collect();
        let mut changed = false;
        // Someone typing with the marks on means the known words they type: a rare catalogue word
        // written in full ("mẹ", "xấu", "tầng") is not a typo of a commoner one ("đề", "mẫu", "hàng").
        let marked = tokens.iter().any(|t| has_diacritics(&t.exact));
        for i in 0..folded.len() {
            let prev = i.checked_sub(1).map(|j| folded[j].clone());
            let next = folded.get(i + 1).cloned();
            if keep(&folded[i]) {
                continue;
            }
            let known = match self.words.get(&folded[i]) {
                None => None,
                Some(_) if !rare_too || marked => continue,
                Some((count, _, _)) if *count >= RARE_KNOWN => continue,
                // In a big catalogue a typo is often some rarer real word ("khia" of "khía cạnh"): it
                // is corrected too when neither neighbour forms a known pair with it and a far more
                // common correction does.
                Some((count, _, _)) => {
                    let pair = |a: &str, b: &str| self.pairs.contains_key(&format!("{a} {b}"));
                    let alone = !prev.as_deref().is_some_and(|p| pair(p, &folded[i]))
                        && !next.as_deref().is_some_and(|n| pair(&folded[i], n));
                    if !alone || (prev.is_none() && next.is_none()) {
                        continue;
                    }
                    Some(*count)
                }
            };
            let corrected = match known {
                Some(count) => {
                    self.correct_paired(&folded[i], count, prev.as_deref(), next.as_deref())
                }
                None => self.correct(&folded[i], prev.as_deref(), next.as_deref()),
            };
            // An unknown word typed with its marks is replaced only by a word one edit away *with* the
            // marks (a slipped tone or letter: "hông" → "hôn", "dưng" → "dựng"), not by any word whose
            // folded form is near: "chuột" is not "chuỗi", nor "chíp" "chấp".
            let corrected = corrected.filter(|c| {
                !has_diacritics(&tokens[i].exact)
                    || self
                        .words
                        .get(c)
                        .is_some_and(|w| distance(&tokens[i].exact.to_lowercase(), &w.1, 1) <= 1)
            });
            if let Some(c) = corrected {
                folded[i] = c;
                changed = true;
            }
        }
        (folded, changed)
    }

    /// The corrected words with diacritics restored; `None` when that is what was typed.
    fn restore(&self, tokens: &[Token], folded: &[String]) -> Option<String> {
        // Restore diacritics: from the accented pair with the previous word when known, else the syllable.
        let mut out: Vec<String> = Vec::with_capacity(folded.len());
        for i in 0..folded.len() {
            let typed = &tokens[i];
            if typed.folded == folded[i] && crate::text::has_diacritics(&typed.exact) {
                out.push(typed.exact.clone());
                continue;
            }
            let from_pair = (i > 0)
                .then(|| self.pairs.get(&format!("{} {}", folded[i - 1], folded[i])))
                .flatten()
                .and_then(|(exact, _)| exact.split(' ').nth(1).map(str::to_string))
                .or_else(|| {
                    folded
                        .get(i + 1)
                        .and_then(|next| self.pairs.get(&format!("{} {}", folded[i], next)))
                        .and_then(|(exact, _)| exact.split(' ').next().map(str::to_string))
                });
            let word = from_pair
                .or_else(|| self.words.get(&folded[i]).map(|w| w.1.clone()))
                .unwrap_or_else(|| typed.exact.clone());
            out.push(word);
        }
        let suggestion = out.join(" ");
        let typed = tokens
            .iter()
            .map(|t| t.exact.as_str())
            .collect::<Vec<_>>()
            .join(" ");
        (suggestion != typed).then_some(suggestion)
    }
}

/// Damerau–Levenshtein distance (optimal string alignment), giving up above `max`. It runs once per
/// vocabulary word for every unknown query word, so it works on bytes when both words are ASCII (folded
/// words nearly always are) and keeps three rolling rows instead of a matrix.
fn distance(a: &str, b: &str, max: usize) -> usize {
    if a.is_ascii() && b.is_ascii() {
        osa(a.as_bytes(), b.as_bytes(), max)
    } else {
        let a: Vec<char> = a.chars().collect();
        let b: Vec<char> = b.chars().collect();
        osa(&a, &b, max)
    }
}

fn osa<T: PartialEq>(a: &[T], b: &[T], max: usize) -> usize {
    let (n, m) = (a.len(), b.len());
    if n.abs_diff(m) > max {
        return max + 1;
    }
    let mut before: Vec<usize> = vec![0; m + 1];
    let mut previous: Vec<usize> = (0..=m).collect();
    let mut current: Vec<usize> = vec![0; m + 1];
    for i in 1..=n {
        current[0] = i;
        let mut row_min = i;
        for j in 1..=m {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut d = (previous[j] + 1)
                .min(current[j - 1] + 1)
                .min(previous[j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                d = d.min(before[j - 2] + 1);
            }
            current[j] = d;
            row_min = row_min.min(d);
        }
        if row_min > max {
            return max + 1;
        }
        std::mem::swap(&mut before, &mut previous);
        std::mem::swap(&mut previous, &mut current);
    }
    previous[m]
}

/// Counts one more occurrence of `key`; returns the new count.
fn bump(counts: &mut HashMap<String, u32>, key: &str) -> u32 {
    match counts.get_mut(key) {
        Some(c) => {
            *c += 1;
            *c
        }
        None => {
            counts.insert(key.to_string(), 1);
            1
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::syllables;

    use proptest::prelude::*;

    /// The textbook matrix form, to check the rolling-row one against.
    fn osa_matrix(a: &str, b: &str) -> usize {
        let a: Vec<char> = a.chars().collect();
        let b: Vec<char> = b.chars().collect();
        let mut d = vec![vec![0usize; b.len() + 1]; a.len() + 1];
        for (i, row) in d.iter_mut().enumerate() {
            row[0] = i;
        }
        for (j, cell) in d[0].iter_mut().enumerate() {
            *cell = j;
        }
        for i in 1..=a.len() {
            for j in 1..=b.len() {
                let cost = usize::from(a[i - 1] != b[j - 1]);
                d[i][j] = (d[i - 1][j] + 1)
                    .min(d[i][j - 1] + 1)
                    .min(d[i - 1][j - 1] + cost);
                if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                    d[i][j] = d[i][j].min(d[i - 2][j - 2] + 1);
                }
            }
        }
        d[a.len()][b.len()]
    }

    proptest! {
        #[test]
        fn distance_matches_the_matrix_form(a in "[abcđ]{0,9}", b in "[abcđ]{0,9}", max in 0usize..4) {
            prop_assert_eq!(distance(&a, &b, max).min(max + 1), osa_matrix(&a, &b).min(max + 1));
        }

        /// Looking only at the one-edit variants finds what measuring every word finds.
        #[test]
        fn correction_matches_a_scan_of_every_word(
            words in proptest::collection::vec("[abđ]{1,8}", 1..40),
            word in "[abđx]{2,8}",
            prev in proptest::option::of("[ab]{1,3}"),
        ) {
            let mut v = Vocabulary::default();
            v.add(&words.join(" "));
            let n = word.chars().count();
            let max = if n >= 7 { 2 } else { 1 };
            let scan = v.best_of(v.words.keys().map(String::as_str), &word, max, prev.as_deref(), None);
            prop_assert_eq!(v.correct(&word, prev.as_deref(), None), scan);
        }

        /// The generated variants are exactly the words at distance 1.
        #[test]
        fn one_edit_finds_exactly_the_words_at_distance_one(
            words in proptest::collection::vec("[abđ]{1,5}", 1..60),
            word in "[abđx]{1,5}",
        ) {
            let mut v = Vocabulary::default();
            v.add(&words.join(" "));
            let mut scan: Vec<&str> = v
                .words
                .keys()
                .map(String::as_str)
                .filter(|w| osa_matrix(w, &word) == 1)
                .collect();
            scan.sort_unstable();
            prop_assert_eq!(v.one_edit(&word), scan);
        }
    }

    fn tokens(s: &str) -> Vec<Token> {
        syllables(s).iter().map(|e| Token::new(e)).collect()
    }

    /// The "did you mean" of a query as the engine asks for it when results were found: only when
    /// something is corrected, known words too, nothing kept by the caller.
    fn suggested(v: &Vocabulary, query: &str) -> Option<String> {
        v.suggest(&tokens(query), false, true, &|_| false)
    }

    #[test]
    fn corrects_a_transposition_and_restores_marks() {
        let mut v = Vocabulary::default();
        v.add("Đăng ký khai sinh cho con. Đăng ký kết hôn. Đang xử lý.");
        assert_eq!(
            suggested(&v, "dang ky khia sinh").as_deref(),
            Some("đăng ký khai sinh")
        );
    }

    #[test]
    fn no_suggestion_when_everything_is_known() {
        let mut v = Vocabulary::default();
        v.add("Đăng ký kết hôn");
        assert_eq!(suggested(&v, "đăng ký kết hôn"), None);
        assert_eq!(
            v.suggest(&tokens("dang ky ket hon"), true, true, &|_| false)
                .as_deref(),
            Some("đăng ký kết hôn")
        );
    }

    #[test]
    fn a_swap_beats_a_changed_letter_at_the_same_distance() {
        let mut v = Vocabulary::default();
        // "cấp" is the commoner word and pairs with "nhận" too; "cah" holds the letters of "cha".
        v.add("nhận cấp. nhận cấp. nhận cấp. cấp cho. Đăng ký nhận cha cho con.");
        assert_eq!(
            suggested(&v, "nhan cah cho con").as_deref(),
            Some("nhận cha cho con")
        );
    }

    #[test]
    fn a_frequent_pair_with_a_neighbour_beats_a_commoner_word() {
        let mut v = Vocabulary::default();
        // "nhà" is commoner, but "gia hạn" is the pair; both are one swap from "hna".
        v.add("nhà ở. nhà ở. nhà ở. nhà ở. gia hạn tạm trú. gia hạn giấy phép. gia đình.");
        assert_eq!(
            suggested(&v, "gia hna tam tru").as_deref(),
            Some("gia hạn tạm trú")
        );
    }

    #[test]
    fn words_typed_with_marks_are_not_swapped_for_commoner_ones() {
        let mut v = Vocabulary::default();
        // "mẹ" is known but rare, "đề" common and paired with "cho": typed with the marks on,
        // "mẹ" is meant.
        v.add(&"cho đề nghị. ".repeat(30));
        v.add("cha mẹ");
        assert_eq!(suggested(&v, "khai tử cho mẹ"), None);
        // A word without marks of its own ("trai") in a query typed with marks is meant too, although
        // "tài" is far commoner and pairs with "cho".
        v.add(&"cho tài sản. ".repeat(30));
        v.add("giám hộ. trai");
        assert_eq!(suggested(&v, "giám hộ cho trai"), None);
        assert_eq!(
            suggested(&v, "giam ho cho trai").as_deref(),
            Some("giám hộ cho tài")
        );
        // An unknown word with marks is corrected only by a word one edit away with its marks:
        // "hông" → "hôn" (a slipped letter), never "chuột" → "chuỗi".
        v.add("kết hôn. chuỗi cung ứng. chuỗi.");
        assert_eq!(suggested(&v, "kết hông").as_deref(), Some("kết hôn"));
        assert_eq!(suggested(&v, "chuột cắn"), None);
    }

    #[test]
    fn a_known_word_is_a_typo_only_when_rare() {
        let mut v = Vocabulary::default();
        v.add(&"đăng ký khai sinh. ".repeat(200));
        v.add("khía cạnh");
        assert_eq!(
            suggested(&v, "dang ky khia sinh").as_deref(),
            Some("đăng ký khai sinh")
        );
        // Seen as often as RARE_KNOWN times, "khia" is a word of its own.
        v.add(&"khía cạnh. ".repeat(10));
        assert_eq!(suggested(&v, "dang ky khia sinh"), None);
    }

    #[test]
    fn distances() {
        assert_eq!(distance("khia", "khai", 2), 1);
        assert_eq!(distance("abc", "abc", 2), 0);
        assert_eq!(distance("a", "abcd", 1), 2);
    }
}
