//! Highlighted snippets: a short stretch of a guide's text with the query's words in `<b>`.
//!
//! Each guide's snippet source (the start of its body) is split into folded syllables once, when the
//! engine is built, so answering a query only compares the query's folded words with those syllables:
//! no tokenizing and no index look-ups per hit. The shown text keeps its diacritics; matching ignores
//! them, like the search itself.

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

use crate::text::fold_into;

/// Most characters of context shown before the first highlighted word.
const LEAD_IN_CHARS: usize = 40;

/// The start of a guide's text, split into syllables for highlighting. A snapshot keeps only the text:
/// splitting it again is cheaper than storing every syllable's offsets.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
#[serde(from = "String", into = "String")]
pub(super) struct SnippetSource {
    text: String,
    /// The folded forms of all syllables, one after the other.
    folded: String,
    syllables: Vec<Syllable>,
}

/// One syllable of a snippet source: byte range in its text, char offsets of its start and end, byte range
/// of its folded form in the source's `folded`. Offsets are `u32` and the folded forms share one string
/// because the catalogue has some 300,000 such syllables: a `String` and four `usize` each cost about
/// 25 MB of the app's memory, this layout about 7.
#[derive(Debug, Clone, Copy)]
struct Syllable {
    start: u32,
    end: u32,
    char_start: u32,
    char_end: u32,
    folded_start: u32,
    folded_end: u32,
}

/// Longest snippet source kept, in bytes (a source is the start of a guide's text, a few hundred
/// characters; the cap keeps every offset within `u32`).
const MAX_SOURCE_BYTES: usize = 1 << 20;

impl From<String> for SnippetSource {
    fn from(text: String) -> Self {
        SnippetSource::new(text)
    }
}

impl From<SnippetSource> for String {
    fn from(s: SnippetSource) -> Self {
        s.text
    }
}

/// The words a snippet highlights: folded syllables, and optionally a folded prefix (the word being
/// typed, in search-as-you-type).
#[derive(Debug, Default)]
pub(super) struct Highlight<'a> {
    /// Folded syllables to highlight.
    words: HashSet<&'a str>,
    /// A folded prefix: syllables starting with it are highlighted too.
    prefix: Option<&'a str>,
    /// Which (length, first letter) shapes the words have, one bit each: most syllables of a text
    /// have none of them and are passed over without hashing (ten snippets of a hundred syllables
    /// each are cut per search).
    shapes: [u64; 4],
}

/// A syllable's bit in [`Highlight::shapes`]: its length (up to 7) and the low bits of its first byte.
fn shape(folded: &str) -> usize {
    let first = folded.as_bytes().first().copied().unwrap_or(0);
    (folded.len().min(7) << 5) | usize::from(first & 31)
}

impl<'a> Highlight<'a> {
    /// Highlights these folded syllables, and those starting with `prefix`.
    pub(super) fn new(words: impl IntoIterator<Item = &'a str>, prefix: Option<&'a str>) -> Self {
        let words: HashSet<&str> = words.into_iter().collect();
        let mut shapes = [0u64; 4];
        for w in &words {
            let s = shape(w);
            shapes[s / 64] |= 1 << (s % 64);
        }
        Highlight {
            words,
            prefix,
            shapes,
        }
    }

    fn matches(&self, folded: &str) -> bool {
        let s = shape(folded);
        (self.shapes[s / 64] >> (s % 64) & 1 == 1 && self.words.contains(folded))
            || self.prefix.is_some_and(|p| folded.starts_with(p))
    }
}

impl SnippetSource {
    /// Splits `text` into syllables.
    pub(super) fn new(mut text: String) -> SnippetSource {
        if text.len() > MAX_SOURCE_BYTES {
            let mut cut = MAX_SOURCE_BYTES;
            while !text.is_char_boundary(cut) {
                cut -= 1;
            }
            text.truncate(cut);
        }
        // Every offset is below MAX_SOURCE_BYTES (the folded form of a syllable is never longer than
        // the syllable), so the conversions never saturate.
        let at = |n: usize| u32::try_from(n).unwrap_or(u32::MAX);
        let mut syllables = Vec::new();
        let mut folded = String::with_capacity(text.len());
        let mut start = None;
        let mut char_start = 0;
        let mut chars = 0;
        let mut push = |s: usize, e: usize, cs: usize, ce: usize, text: &str| {
            let folded_start = folded.len();
            fold_into(&text[s..e], &mut folded);
            syllables.push(Syllable {
                start: at(s),
                end: at(e),
                char_start: at(cs),
                char_end: at(ce),
                folded_start: at(folded_start),
                folded_end: at(folded.len()),
            });
        };
        for (i, c) in text.char_indices() {
            match (start, c.is_alphanumeric()) {
                (None, true) => {
                    start = Some(i);
                    char_start = chars;
                }
                (Some(s), false) => {
                    push(s, i, char_start, chars, &text);
                    start = None;
                }
                _ => {}
            }
            chars += 1;
        }
        if let Some(s) = start {
            push(s, text.len(), char_start, chars, &text);
        }
        folded.shrink_to_fit();
        syllables.shrink_to_fit();
        SnippetSource {
            text,
            folded,
            syllables,
        }
    }

    /// The folded form of syllable `i`.
    fn folded(&self, i: usize) -> &str {
        let s = self.syllables[i];
        self.folded
            .get(s.folded_start as usize..s.folded_end as usize)
            .unwrap_or_default()
    }

    /// At most `max_chars` characters of the text around the best stretch of highlighted words, as
    /// HTML (escaped text, matches in `<b>`); `None` when no word matches.
    pub(super) fn render(&self, highlight: &Highlight<'_>, max_chars: usize) -> Option<String> {
        let hits: Vec<usize> = (0..self.syllables.len())
            .filter(|&i| highlight.matches(self.folded(i)))
            .collect();
        let (first, _, last_end) = self.best_window(&hits, max_chars)?;
        // Start at the beginning of the text when the whole stretch still fits from there: it reads better.
        // Otherwise lead in with a few words before the first match, as room allows.
        let from = if last_end <= max_chars {
            0
        } else {
            let first_start = self.syllables[first].char_start as usize;
            let room = max_chars.saturating_sub(last_end - first_start);
            let earliest = first_start.saturating_sub(room.min(LEAD_IN_CHARS));
            (0..first)
                .rev()
                .take_while(|&i| self.syllables[i].char_start as usize >= earliest)
                .last()
                .unwrap_or(first)
        };
        let start_char = if from == 0 {
            0
        } else {
            self.syllables[from].char_start as usize
        };
        let limit = start_char + max_chars;
        let mut html = String::with_capacity(max_chars * 2);
        let mut at = if from == 0 {
            0
        } else {
            self.syllables[from].start as usize
        };
        for (i, s) in self
            .syllables
            .iter()
            .enumerate()
            .skip(from)
            .take_while(|(_, s)| s.char_end as usize <= limit)
        {
            let (start, end) = (s.start as usize, s.end as usize);
            escape_into(&self.text[at..start], &mut html);
            let word = &self.text[start..end];
            if highlight.matches(self.folded(i)) {
                html.push_str("<b>");
                escape_into(word, &mut html);
                html.push_str("</b>");
            } else {
                escape_into(word, &mut html);
            }
            at = end;
        }
        Some(html)
    }

    /// The window of `max_chars` that starts at a matching syllable (an index into `hits`, the
    /// matching syllables in order) and holds the most distinct matched words; the earliest among
    /// equals. Returns its first syllable, its count of distinct words and the end of its last match
    /// (a char offset).
    fn best_window(&self, hits: &[usize], max_chars: usize) -> Option<(usize, usize, usize)> {
        // Windows slide: each starts and ends no earlier than the one before, so one pass with a
        // count per word finds them all (a body full of matches made the window-by-window count
        // quadratic).
        let mut best: Option<(usize, usize, usize)> = None;
        let mut counts: HashMap<&str, u32> = HashMap::default();
        let mut end = 0;
        for (n, &first) in hits.iter().enumerate() {
            if n > 0 && end >= n {
                let left = self.folded(hits[n - 1]);
                if let Some(c) = counts.get_mut(left) {
                    *c -= 1;
                    if *c == 0 {
                        counts.remove(left);
                    }
                }
            }
            end = end.max(n);
            let limit = self.syllables[first].char_start as usize + max_chars;
            while end < hits.len() && self.syllables[hits[end]].char_end as usize <= limit {
                *counts.entry(self.folded(hits[end])).or_default() += 1;
                end += 1;
            }
            let last = if end > n { hits[end - 1] } else { first };
            let last_end = self.syllables[last].char_end as usize;
            if best.is_none_or(|(_, count, _)| counts.len() > count) {
                best = Some((first, counts.len(), last_end));
            }
        }
        best
    }
}

/// Escapes text for HTML.
pub(super) fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    escape_into(text, &mut out);
    out
}

fn escape_into(text: &str, out: &mut String) {
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The window search as first written: every window counted on its own.
    fn best_window_by_counting(
        s: &SnippetSource,
        hits: &[usize],
        max_chars: usize,
    ) -> Option<(usize, usize, usize)> {
        let mut best: Option<(usize, usize, usize)> = None;
        for (n, &first) in hits.iter().enumerate() {
            let limit = s.syllables[first].char_start as usize + max_chars;
            let mut distinct: HashSet<&str> = HashSet::default();
            let mut last_end = s.syllables[first].char_end as usize;
            for &h in &hits[n..] {
                if s.syllables[h].char_end as usize > limit {
                    break;
                }
                distinct.insert(s.folded(h));
                last_end = s.syllables[h].char_end as usize;
            }
            if best.is_none_or(|(_, count, _)| distinct.len() > count) {
                best = Some((first, distinct.len(), last_end));
            }
        }
        best
    }

    proptest::proptest! {
        #[test]
        fn sliding_window_matches_counting_each_window(
            words in proptest::collection::vec(0usize..8, 0..60),
            matched in proptest::collection::vec(proptest::bool::ANY, 8),
            max_chars in 1usize..60,
        ) {
            const VOCAB: [&str; 8] = ["đăng", "ký", "kết", "hôn", "khai", "sinh", "chứng", "thực"];
            let text = words.iter().map(|&w| VOCAB[w]).collect::<Vec<_>>().join(" ");
            let s = SnippetSource::new(text);
            let wanted: Vec<&str> = (0..8).filter(|&i| matched[i]).map(|i| VOCAB[i]).collect();
            let folded: Vec<String> = wanted.iter().map(|w| crate::text::fold(w)).collect();
            let h = highlight(&folded.iter().map(String::as_str).collect::<Vec<_>>(), None);
            let hits: Vec<usize> =
                (0..s.syllables.len()).filter(|&i| h.matches(s.folded(i))).collect();
            proptest::prop_assert_eq!(
                s.best_window(&hits, max_chars),
                best_window_by_counting(&s, &hits, max_chars)
            );
        }
    }

    proptest::proptest! {
        /// The shape bits only skip hashing: a syllable is highlighted exactly when it is one of the
        /// words or starts with the prefix.
        #[test]
        fn highlighting_is_membership_or_prefix(
            words in proptest::collection::vec("[a-dđ]{0,9}", 0..12),
            probe in "[a-dđ]{0,9}",
            prefix in proptest::option::of("[a-d]{1,3}"),
        ) {
            let h = highlight(&words.iter().map(String::as_str).collect::<Vec<_>>(), prefix.as_deref());
            let expected = words.contains(&probe)
                || prefix.as_deref().is_some_and(|p| probe.starts_with(p));
            proptest::prop_assert_eq!(h.matches(&probe), expected);
        }
    }

    fn highlight<'a>(words: &[&'a str], prefix: Option<&'a str>) -> Highlight<'a> {
        Highlight::new(words.iter().copied(), prefix)
    }

    #[test]
    fn marks_folded_matches_keeping_diacritics() {
        let s = SnippetSource::new("Đăng ký kết hôn tại UBND cấp xã.".to_string());
        assert_eq!(
            s.render(&highlight(&["ket", "hon"], None), 180)
                .expect("a match"),
            "Đăng ký <b>kết</b> <b>hôn</b> tại UBND cấp xã"
        );
        assert_eq!(s.render(&highlight(&["khai"], None), 180), None);
    }

    #[test]
    fn prefix_highlights_the_word_being_typed() {
        let s = SnippetSource::new("Cấp bản sao trích lục".to_string());
        assert_eq!(
            s.render(&highlight(&[], Some("tri")), 180)
                .expect("a match"),
            "Cấp bản sao <b>trích</b> lục"
        );
    }

    #[test]
    fn picks_the_stretch_with_most_distinct_words() {
        let filler = "xa ".repeat(100);
        let text = format!("hon {filler}ket hon nhan {filler}");
        let s = SnippetSource::new(text);
        let html = s
            .render(&highlight(&["ket", "hon", "nhan"], None), 40)
            .expect("a match");
        assert!(html.contains("<b>ket</b> <b>hon</b> <b>nhan</b>"), "{html}");
        let text = html.replace("<b>", "").replace("</b>", "");
        assert!(text.chars().count() <= 40, "{text}");
        assert!(
            text.starts_with("xa "),
            "a lead-in before the first match: {text}"
        );
    }

    #[test]
    fn escapes_html() {
        let s = SnippetSource::new("a <script> & \"b\" 'c' hon".to_string());
        let html = s.render(&highlight(&["hon"], None), 180).expect("a match");
        assert_eq!(
            html,
            "a &lt;script&gt; &amp; &quot;b&quot; &#39;c&#39; <b>hon</b>"
        );
        assert_eq!(escape("<&>"), "&lt;&amp;&gt;");
    }
}
