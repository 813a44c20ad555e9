//! Vietnamese text normalization shared by guides, queries and the index.
//!
//! Every piece of text that crosses a boundary (a file, a query, an IPC call) goes through [`normalize`]:
//! Unicode NFC, the Icelandic `Ð` mapped to the Vietnamese `Đ` (they look the same and some keyboards emit
//! it), control characters replaced by spaces, and one canonical tone placement ([`canonical_tones`]).
//! [`fold`] then gives the form without diacritics that people type on a phone or a kiosk.
//!
//! Search only ever sees syllables ([`syllables`]): runs of letters and digits. Folding keeps byte offsets
//! within a syllable only in tantivy's own filter; here it is used on queries and bigram fields, where
//! offsets do not matter.

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::{compose, decompose_canonical};

/// The five combining tone marks of Vietnamese (huyền, sắc, ngã, hỏi, nặng).
const TONE_MARKS: [char; 5] = ['\u{0300}', '\u{0301}', '\u{0303}', '\u{0309}', '\u{0323}'];

/// Normalizes text at a boundary: NFC, `Ð`→`Đ`, controls to spaces, canonical tone placement.
pub fn normalize(input: &str) -> String {
    let cleaned: String = input
        .chars()
        .map(|c| match c {
            '\u{00D0}' => 'Đ',
            '\u{00F0}' => 'đ',
            '\n' | '\t' => c,
            c if c.is_control() => ' ',
            c => c,
        })
        .nfc()
        .collect();
    canonical_tones(&cleaned)
}

/// Rewrites "new style" tone placement on open syllables to the traditional one used by the national
/// records: `hoà`→`hòa`, `thuỷ`→`thủy`, `hoè`→`hòe`. Syllables with a final consonant (`hoàng`,
/// `thuyền`) and `qu`+`y` (`quý`) are the same in both styles and are left alone. Input must be NFC.
pub fn canonical_tones(input: &str) -> String {
    let mut out = String::with_capacity(input.len());
    let mut word = String::new();
    for c in input.chars() {
        if c.is_alphabetic() {
            word.push(c);
        } else {
            flush_word(&mut word, &mut out);
            out.push(c);
        }
    }
    flush_word(&mut word, &mut out);
    out
}

fn flush_word(word: &mut String, out: &mut String) {
    if !word.is_empty() {
        out.push_str(&retone_word(word));
        word.clear();
    }
}

/// Splits a precomposed character into (toneless base, tone mark).
fn split_tone(c: char) -> (char, Option<char>) {
    let mut base = Vec::with_capacity(3);
    let mut tone = None;
    decompose_canonical(c, |d| {
        if TONE_MARKS.contains(&d) {
            tone = Some(d);
        } else {
            base.push(d);
        }
    });
    let mut iter = base.into_iter();
    let first = iter.next().unwrap_or(c);
    let composed = iter.fold(first, |acc, m| compose(acc, m).unwrap_or(acc));
    (composed, tone)
}

fn with_tone(base: char, tone: char) -> char {
    compose(base, tone).unwrap_or(base)
}

fn retone_word(word: &str) -> String {
    let chars: Vec<char> = word.chars().collect();
    let n = chars.len();
    // Only the last two letters of an open syllable matter: "oa", "oe", "uy" with the tone on the second.
    if n < 2 {
        return word.to_string();
    }
    let (b1, t1) = split_tone(chars[n - 2]);
    let (b2, t2) = split_tone(chars[n - 1]);
    let (Some(tone), None) = (t2, t1) else {
        return word.to_string();
    };
    let pair = (b1.to_lowercase().next(), b2.to_lowercase().next());
    let movable = matches!(pair, (Some('o'), Some('a' | 'e')) | (Some('u'), Some('y')));
    // "qu" is a consonant: in "quý", "quà" the tone stays where it is.
    let after_q = n >= 3 && matches!(chars[n - 3], 'q' | 'Q');
    if !movable || after_q {
        return word.to_string();
    }
    let mut out: String = chars[..n - 2].iter().collect();
    out.push(with_tone(b1, tone));
    out.push(b2);
    out
}

/// Lowercases and removes every diacritic: tones, breve, circumflex, horn, and `đ`→`d`.
/// `"Đăng ký kết hôn"` becomes `"dang ky ket hon"`. Input should be normalized first.
pub fn fold(input: &str) -> String {
    let mut out = String::with_capacity(input.len());
    fold_into(input, &mut out);
    out
}

/// [`fold`], appending to `out` (no allocation when `out` has room): the indexer folds every syllable
/// of every guide, so this is on the hot path.
pub fn fold_into(input: &str, out: &mut String) {
    for c in input.chars() {
        if c.is_ascii() {
            out.push(c.to_ascii_lowercase());
        } else {
            for c in c.to_lowercase() {
                out.push(fold_char(c));
            }
        }
    }
}

/// The base letter of a lowercase non-ASCII letter, when it is a Latin letter with diacritics.
fn fold_char(c: char) -> char {
    if c == 'đ' {
        return 'd';
    }
    let mut base = None;
    decompose_canonical(c, |d| {
        if base.is_none() {
            base = Some(d);
        }
    });
    match base {
        Some(b) if b.is_ascii() => b,
        _ => c,
    }
}

/// Splits text into syllables: maximal runs of letters and digits, lowercased.
pub fn syllables(input: &str) -> Vec<String> {
    syllable_slices(input).map(str::to_lowercase).collect()
}

/// The syllables of a text as slices of it (maximal runs of letters and digits), case kept.
pub fn syllable_slices(input: &str) -> impl Iterator<Item = &str> {
    input
        .split(|c: char| !c.is_alphanumeric())
        .filter(|s| !s.is_empty())
}

/// Folded syllable bigrams joined by `_` (`"đăng ký kết hôn"` → `dang_ky ky_ket ket_hon`), the
/// cheap substitute for a Vietnamese word segmenter (see search-notes item 4).
pub fn folded_bigrams(input: &str) -> Vec<String> {
    let folded = fold(input);
    let syl: Vec<&str> = syllable_slices(&folded).collect();
    syl.windows(2)
        .map(|w| format!("{}_{}", w[0], w[1]))
        .collect()
}

/// True when the text contains at least one letter with a Vietnamese diacritic (or `đ`).
pub fn has_diacritics(input: &str) -> bool {
    // Most syllables a search compares are plain ASCII: one fast pass settles them.
    !input.is_ascii() && input.chars().any(|c| c.is_alphabetic() && !c.is_ascii())
}

/// True when two syllables are written alike except that one has the hỏi tone (a hook above, as in "sổ")
/// where the other has the ngã tone (a tilde, as in "sỗ"). The two tones sound the same in the southern and
/// central dialects, so people who speak them confuse them in writing more than any other marks ("sổ đõ",
/// "bảo hiễm", "sữa nhà"): the lexicon forgives exactly this confusion in its multi-syllable phrases.
pub fn same_but_hoi_nga(a: &str, b: &str) -> bool {
    /// Combining hook above (hỏi) and combining tilde (ngã): in Vietnamese the tilde marks only the tone.
    const HOI: char = '\u{309}';
    const NGA: char = '\u{303}';
    let merge = |c: char| if c == NGA { HOI } else { c };
    let mut left = a.nfd().map(merge);
    let mut right = b.nfd().map(merge);
    loop {
        match (left.next(), right.next()) {
            (None, None) => return true,
            (Some(x), Some(y)) if x == y => {}
            _ => return false,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hoi_and_nga_are_confused_but_no_other_marks() {
        assert!(same_but_hoi_nga("đõ", "đỏ"));
        assert!(same_but_hoi_nga("hiễm", "hiểm"));
        assert!(same_but_hoi_nga("sữa", "sửa"));
        assert!(same_but_hoi_nga("sổ", "sổ"));
        // Other tones, other vowels and other lengths stay different.
        assert!(!same_but_hoi_nga("đó", "đỏ"));
        assert!(!same_but_hoi_nga("mất", "mật"));
        assert!(!same_but_hoi_nga("sửa", "sưa"));
        assert!(!same_but_hoi_nga("sỗ", "số"));
        assert!(!same_but_hoi_nga("sổ", "sổng"));
    }

    #[test]
    fn nfd_input_becomes_nfc() {
        let nfd: String = "đăng ký kết hôn".nfd().collect();
        assert_ne!(nfd, "đăng ký kết hôn");
        assert_eq!(normalize(&nfd), "đăng ký kết hôn");
    }

    #[test]
    fn new_style_tones_move_to_traditional_place() {
        assert_eq!(normalize("hoà giải"), "hòa giải");
        assert_eq!(normalize("Thuỷ lợi"), "Thủy lợi");
        assert_eq!(normalize("hoè"), "hòe");
        assert_eq!(normalize("huỷ việc kết hôn"), "hủy việc kết hôn");
    }

    #[test]
    fn closed_syllables_and_qu_are_untouched() {
        assert_eq!(normalize("hoàng thuyền quý quà"), "hoàng thuyền quý quà");
        assert_eq!(normalize("hòa thủy"), "hòa thủy");
    }

    #[test]
    fn eth_maps_to_dong_and_controls_to_space() {
        assert_eq!(normalize("\u{00D0}ăng\u{0007}ký"), "Đăng ký");
    }

    #[test]
    fn folding_removes_all_marks() {
        assert_eq!(fold("Đăng ký kết hôn"), "dang ky ket hon");
        assert_eq!(fold("Ủy ban nhân dân cấp xã"), "uy ban nhan dan cap xa");
        assert_eq!(fold("ƯỚC MƠ"), "uoc mo");
    }

    #[test]
    fn bigrams_are_folded_pairs() {
        assert_eq!(
            folded_bigrams("Đăng ký kết hôn"),
            vec!["dang_ky", "ky_ket", "ket_hon"]
        );
        assert!(folded_bigrams("một").is_empty());
    }
}
