//! Vietnamese text made speakable: what espeak-ng would misread is written out in words first.
//!
//! espeak-ng's Vietnamese voices read plain syllables well, but not the written conventions of a
//! procedure guide: "50.000 đ" (it says the letter "đ"), "05 ngày làm việc", "01/7/2024", "Nghị định số
//! 123/2015/NĐ-CP" (a string of letters and slashes), "CCCD", "CT01", "0905 123 456" (read as one huge
//! number). [`speakable`] rewrites those, left to right, and leaves every other word as it is:
//! - numbers in words, the northern way ("nghìn", "linh") or the southern way ("ngàn", "lẻ") by the voice's
//!   region ([`Region`]); "1.500.000" is one number (dots group thousands), "1,5" a decimal ("phẩy");
//! - money: a number followed by "đ", "đồng", "VNĐ", "VND" or "₫" ends in "đồng"; "đồng/lần" is "đồng một lần";
//! - dates `d/m/yyyy` (also with `-` or `.`) as "ngày … tháng … năm …" ("tháng tư" for April);
//! - document numbers `n/yyyy/CODE` as "số … năm …" and the code's parts by name ("NĐ-CP" → "nghị định
//!   chính phủ", "QH15" → "quốc hội khóa mười lăm", "TT-BCA" → "thông tư bộ công an"), letters otherwise;
//! - abbreviations from the language layer (`src/lang/words.toml`: CCCD, UBND, BHXH…, and the glossary's
//!   abbreviations whose meaning names them: "HĐND" → "hội đồng nhân dân");
//! - codes mixing letters and digits ("CT01", "TK1-TS") letter by letter and digit by digit, and
//!   procedure codes ("1.000894") digit by digit;
//! - phone numbers (10–11 digits from 0 or +84) digit by digit in their groups; percentages; times
//!   ("7h30"); ranges ("5-7").
//!
//! Written here rather than taken from a library: no crate on crates.io reads Vietnamese numbers as a
//! maintained, focused library (the two found, `n2words` and `num2words2-core`, are new 0.1 ports of a
//! many-language converter, one pulling in big-integer arithmetic), and npm's `read-vn-number` is
//! deprecated and would run in the web view, not where the text is synthesised. Number reading is the
//! small part (a few dozen lines); recognising money, dates, document numbers and codes in a guide's text,
//! which no library does, is the rest.

use std::collections::HashMap;
use std::sync::OnceLock;

use regex::{Captures, Regex};
use serde::{Deserialize, Serialize};

use crate::content::TermKind;
use crate::lang::Lexicon;
use crate::text::{fold, normalize};

/// The region of a Vietnamese voice: espeak-ng's voice, and how numbers are read.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "lowercase")]
pub enum Region {
    /// Northern (Hà Nội): espeak-ng `vi`; "nghìn", "linh".
    #[default]
    Northern,
    /// Central (Huế): espeak-ng `vi-vn-x-central`; numbers as in the north.
    Central,
    /// Southern (Sài Gòn): espeak-ng `vi-vn-x-south`; "ngàn", "lẻ".
    Southern,
}

impl Region {
    /// The espeak-ng voice of the region.
    pub fn voice(self) -> &'static str {
        match self {
            Region::Northern => "vi",
            Region::Central => "vi-vn-x-central",
            Region::Southern => "vi-vn-x-south",
        }
    }

    fn thousand(self) -> &'static str {
        match self {
            Region::Southern => "ngàn",
            _ => "nghìn",
        }
    }

    fn odd(self) -> &'static str {
        match self {
            Region::Southern => "lẻ",
            _ => "linh",
        }
    }
}

const DIGITS: [&str; 10] = [
    "không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín",
];

fn digit(d: u64) -> &'static str {
    DIGITS.get(d as usize).copied().unwrap_or("")
}

/// Three digits (`n` < 1000) in words; `full` reads the hundreds even when zero ("không trăm linh năm"),
/// as a group after a larger one.
fn group(n: u64, full: bool, region: Region, out: &mut Vec<&'static str>) {
    let (h, t, u) = (n / 100, n / 10 % 10, n % 10);
    if h > 0 || full {
        out.extend([digit(h), "trăm"]);
    }
    match t {
        0 if u == 0 => {}
        0 if h > 0 || full => out.extend([region.odd(), digit(u)]),
        0 => out.push(digit(u)),
        1 => {
            out.push("mười");
            match u {
                0 => {}
                5 => out.push("lăm"),
                _ => out.push(digit(u)),
            }
        }
        _ => {
            out.extend([digit(t), "mươi"]);
            match u {
                0 => {}
                1 => out.push("mốt"),
                5 => out.push("lăm"),
                _ => out.push(digit(u)),
            }
        }
    }
}

/// A whole number in words: 50000 → "năm mươi nghìn", 2015 → "hai nghìn không trăm mười lăm",
/// 105 → "một trăm linh năm" (southern "lẻ", "ngàn").
pub fn number_words(n: u64, region: Region) -> String {
    let mut out = Vec::new();
    number_into(n, region, &mut out);
    out.join(" ")
}

fn number_into(n: u64, region: Region, out: &mut Vec<&'static str>) {
    const BILLION: u64 = 1_000_000_000;
    if n == 0 {
        out.push("không");
        return;
    }
    let start = out.len();
    if n >= BILLION {
        number_into(n / BILLION, region, out);
        out.push("tỷ");
    }
    let rest = n % BILLION;
    for (value, scale) in [
        (rest / 1_000_000, Some("triệu")),
        (rest / 1000 % 1000, Some(region.thousand())),
        (rest % 1000, None),
    ] {
        if value > 0 {
            let full = out.len() > start;
            group(value, full, region, out);
            if let Some(s) = scale {
                out.push(s);
            }
        }
    }
}

/// Digits one by one ("0905" → "không chín không năm").
fn digits_words(s: &str) -> String {
    s.chars()
        .filter_map(|c| c.to_digit(10))
        .map(|d| digit(u64::from(d)))
        .collect::<Vec<_>>()
        .join(" ")
}

/// A plain digit string: a number, or digit by digit when it is an identifier (a leading zero with
/// three digits or more, or more than twelve digits).
fn integer_words(s: &str, region: Region) -> String {
    let long = s.len() > 12;
    let zero_led = s.len() > 2 && s.starts_with('0');
    match s.parse::<u64>() {
        Ok(n) if !long && !zero_led => number_words(n, region),
        _ => digits_words(s),
    }
}

/// A month in words ("tháng tư", not "tháng bốn").
fn month_words(m: u64, region: Region) -> String {
    if m == 4 {
        "tư".to_string()
    } else {
        number_words(m, region)
    }
}

/// Vietnamese names of letters, as read in codes ("CT01" → "xê tê không một").
fn letter_name(c: char) -> Option<&'static str> {
    Some(match c.to_lowercase().next()? {
        'a' => "a",
        'b' => "bê",
        'c' => "xê",
        'd' => "dê",
        'đ' => "đê",
        'e' => "e",
        'f' => "ép",
        'g' => "giê",
        'h' => "hát",
        'i' => "i",
        'j' => "gi",
        'k' => "ca",
        'l' => "e lờ",
        'm' => "em mờ",
        'n' => "en nờ",
        'o' => "o",
        'p' => "pê",
        'q' => "quy",
        'r' => "e rờ",
        's' => "ét sì",
        't' => "tê",
        'u' => "u",
        'v' => "vê",
        'w' => "vê kép",
        'x' => "ích xì",
        'y' => "i dài",
        'z' => "dét",
        _ => return None,
    })
}

/// A code letter by letter and digit by digit ("CT01" → "xê tê không một"); other characters are dropped.
fn spell(code: &str) -> String {
    let mut out: Vec<&str> = Vec::new();
    for c in code.chars() {
        if let Some(d) = c.to_digit(10) {
            out.push(digit(u64::from(d)));
        } else if let Some(name) = letter_name(c) {
            out.push(name);
        }
    }
    out.join(" ")
}

/// The parts of document symbols read by name: the kind of document and the body that issued it.
const DOCUMENT_PARTS: &[(&str, &str)] = &[
    ("NĐ", "nghị định"),
    ("TT", "thông tư"),
    ("TTLT", "thông tư liên tịch"),
    ("QĐ", "quyết định"),
    ("NQ", "nghị quyết"),
    ("CT", "chỉ thị"),
    ("CP", "chính phủ"),
    ("TTg", "thủ tướng"),
    ("QH", "quốc hội"),
    ("UBTVQH", "ủy ban thường vụ quốc hội"),
    ("BCA", "bộ công an"),
    ("BTP", "bộ tư pháp"),
    ("BTC", "bộ tài chính"),
    ("BYT", "bộ y tế"),
    ("BNV", "bộ nội vụ"),
    ("BXD", "bộ xây dựng"),
    ("BQP", "bộ quốc phòng"),
    ("BNG", "bộ ngoại giao"),
    ("BCT", "bộ công thương"),
    ("BLĐTBXH", "bộ lao động, thương binh và xã hội"),
    ("BTNMT", "bộ tài nguyên và môi trường"),
    ("BNNMT", "bộ nông nghiệp và môi trường"),
    ("BNNPTNT", "bộ nông nghiệp và phát triển nông thôn"),
    ("BGDĐT", "bộ giáo dục và đào tạo"),
    ("BGTVT", "bộ giao thông vận tải"),
    ("BKHĐT", "bộ kế hoạch và đầu tư"),
    ("BTTTT", "bộ thông tin và truyền thông"),
    ("BVHTTDL", "bộ văn hóa, thể thao và du lịch"),
    ("BKHCN", "bộ khoa học và công nghệ"),
    ("NHNN", "ngân hàng nhà nước"),
    ("BHXH", "bảo hiểm xã hội"),
    ("UBND", "ủy ban nhân dân"),
    ("HĐND", "hội đồng nhân dân"),
];

/// One part of a document symbol ("NĐ", "CP", "QH15", "BCA") in words.
fn document_part(part: &str, region: Region) -> String {
    if let Some((_, words)) = DOCUMENT_PARTS.iter().find(|(p, _)| *p == part) {
        return (*words).to_string();
    }
    let letters = part.trim_end_matches(|c: char| c.is_ascii_digit());
    let number = &part[letters.len()..];
    if letters == "QH" && !number.is_empty() {
        return format!("quốc hội khóa {}", integer_words(number, region));
    }
    abbreviations()
        .get(&fold(part))
        .cloned()
        .unwrap_or_else(|| spell(part))
}

/// A document symbol ("NĐ-CP", "QĐ-TTg") in words.
fn document_symbol(symbol: &str, region: Region) -> String {
    symbol
        .split('-')
        .filter(|p| !p.is_empty())
        .map(|p| document_part(p, region))
        .collect::<Vec<_>>()
        .join(" ")
}

/// Abbreviations spelled out (folded key → words): `words.toml`'s list, and the glossary's abbreviations
/// whose meaning starts by naming them ("HĐND": "Hội đồng nhân dân: …").
fn abbreviations() -> &'static HashMap<String, String> {
    static MAP: OnceLock<HashMap<String, String>> = OnceLock::new();
    MAP.get_or_init(|| {
        let mut map = HashMap::new();
        let Ok(lexicon) = Lexicon::builtin() else {
            return map;
        };
        for term in &lexicon.glossary {
            if !matches!(term.kind, TermKind::VietTat | TermKind::TuCu) {
                continue;
            }
            let Some((name, _)) = term.meaning.split_once(':') else {
                continue;
            };
            let name = name.trim();
            if !name.is_empty() && name.split_whitespace().count() <= 6 {
                map.insert(fold(&term.term), name.to_lowercase());
            }
        }
        for (key, full) in &lexicon.abbreviations {
            map.insert(fold(key), full.clone());
        }
        map
    })
}

/// Whether a word is written as an abbreviation: two letters or more, all capitals.
fn is_caps(word: &str) -> bool {
    let letters: Vec<char> = word.chars().filter(|c| c.is_alphabetic()).collect();
    letters.len() >= 2 && letters.iter().all(|c| c.is_uppercase())
}

/// Whether a word has a vowel (a word to read, not letters to spell).
fn has_vowel(word: &str) -> bool {
    fold(word)
        .chars()
        .any(|c| matches!(c, 'a' | 'e' | 'i' | 'o' | 'u' | 'y'))
}

/// A word (letters, maybe digits and hyphens): an abbreviation spelled out, a code spelled, a heading in
/// capitals read as words, anything else unchanged.
fn word(w: &str, region: Region) -> String {
    if let Some(full) = abbreviations().get(&fold(w)).filter(|_| is_caps(w)) {
        return full.clone();
    }
    let has_digit = w.chars().any(|c| c.is_ascii_digit());
    let has_letter = w.chars().any(char::is_alphabetic);
    if w.contains('-')
        && w.split('-')
            .all(|p| !p.is_empty() && (is_caps(p) || p.chars().all(|c| c.is_ascii_digit())))
    {
        // "NĐ-CP", "TK1-TS": a symbol of parts.
        return w
            .split('-')
            .map(
                |p| match abbreviations().get(&fold(p)).filter(|_| is_caps(p)) {
                    Some(full) => full.clone(),
                    None if DOCUMENT_PARTS.iter().any(|(k, _)| *k == p) => document_part(p, region),
                    None => spell(p),
                },
            )
            .collect::<Vec<_>>()
            .join(" ");
    }
    if has_digit && has_letter {
        return spell(w);
    }
    if is_caps(w) {
        // A heading in capitals ("HỒ SƠ", "TRANG") is words; "UBT", "CT" are letters.
        let marked = w
            .chars()
            .any(|c| c.is_alphabetic() && !c.is_ascii() && c != 'Đ');
        if marked || (has_vowel(w) && w.chars().count() > 3) {
            return w.to_lowercase();
        }
        return spell(w);
    }
    w.to_string()
}

/// The patterns, tried left to right; the first that matches at a place wins.
fn pattern() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        let alternatives = [
            // document numbers: 123/2015/NĐ-CP, 26/2023/QH15, 01/2024/TT-BCA
            r"(?P<doc>(?P<dn>\d+)/(?P<dy>\d{4})/(?P<ds>\p{Lu}[\p{L}\d]*(?:-[\p{L}\d]+)*))",
            // dates: 1/7/2024, 01-07-2024, 01.07.2024
            r"(?P<date>(?P<d>\d{1,2})(?P<sep>[/.-])(?P<m>\d{1,2})[/.-](?P<y>\d{4}))\b",
            // phone numbers: 0905 123 456, 024.3823.4567, +84 905 123 456, 1900 1234
            r"(?P<phone>(?:\+84[ .]?|0)\d{2,3}(?:[ .]?\d{3,4}){2}|1[89]00[ .]?\d{4}(?:[ .]?\d{2})?)\b",
            // times: 7h30, 14h, 7:30
            r"(?P<time>(?P<th>\d{1,2})(?:h(?P<tm>\d{2})?|:(?P<tm2>\d{2})))\b",
            // ranges: 5-7, 15 – 20
            r"(?P<range>(?P<r1>\d+)\s*[-–]\s*(?P<r2>\d+))\b",
            // numbers, with a unit of money or a percent sign: 50.000 đ, 1,5 triệu, 10%, 50.000đ/lần
            r"(?P<num>\d+(?:[.,]\d+)*)(?:(?P<pct>\s*%)|\s*(?P<money>(?:đồng|VNĐ|VND|vnđ|đ)\b|₫)(?:/(?P<per>\p{L}+))?)?",
            // words, maybe with digits and hyphens: CCCD, CT01, TK1-TS, NĐ-CP
            r"(?P<word>[\p{L}\d]+(?:-[\p{L}\d]+)*)",
        ];
        #[allow(clippy::expect_used)]
        Regex::new(&alternatives.join("|")).expect("the speech patterns compile")
    })
}

/// A number token ("50.000", "1,5", "05", "1.000894") in words.
fn number_token(s: &str, region: Region) -> String {
    let thousands = {
        let mut groups = s.split('.');
        groups.next().is_some_and(|g| (1..=3).contains(&g.len()))
            && s.contains('.')
            && groups.all(|g| g.len() == 3)
    };
    if thousands {
        return integer_words(&s.replace('.', ""), region);
    }
    if let Some((whole, frac)) = s.split_once(',')
        && !frac.contains([',', '.'])
    {
        let frac_words = if frac.starts_with('0') {
            digits_words(frac)
        } else {
            integer_words(frac, region)
        };
        return format!("{} phẩy {}", integer_words(whole, region), frac_words);
    }
    if s.contains(['.', ',']) {
        // A procedure code or version ("1.000894"): digit by digit, "chấm" for the dots.
        return s
            .split(['.', ','])
            .map(digits_words)
            .collect::<Vec<_>>()
            .join(" chấm ");
    }
    // "05 ngày": a two-digit number with a leading zero is the number.
    integer_words(s, region)
}

fn replace(c: &Captures<'_>, text: &str, region: Region) -> String {
    let get = |name: &str| c.name(name).map_or("", |m| m.as_str());
    let num = |name: &str| get(name).parse::<u64>().unwrap_or(0);
    if c.name("doc").is_some() {
        return format!(
            "{} năm {}, {}",
            integer_words(get("dn"), region),
            number_words(num("dy"), region),
            document_symbol(get("ds"), region)
        );
    }
    if c.name("date").is_some() {
        let (d, m) = (num("d"), num("m"));
        if (1..=31).contains(&d) && (1..=12).contains(&m) {
            let start = c.get(0).map_or(0, |m| m.start());
            let before = text[..start].trim_end();
            let said = fold(before.rsplit(char::is_whitespace).next().unwrap_or(""));
            let lead = if said == "ngay" { "" } else { "ngày " };
            return format!(
                "{lead}{} tháng {} năm {}",
                number_words(d, region),
                month_words(m, region),
                number_words(num("y"), region)
            );
        }
        return get("date")
            .split(['/', '.', '-'])
            .map(|p| integer_words(p, region))
            .collect::<Vec<_>>()
            .join(" trên ");
    }
    if let Some(p) = c.name("phone") {
        let groups: Vec<String> = p
            .as_str()
            .replace("+84", "+84 ")
            .split([' ', '.'])
            .filter(|g| !g.is_empty())
            .map(|g| {
                if g == "+84" {
                    "cộng tám bốn".to_string()
                } else {
                    digits_words(g)
                }
            })
            .collect();
        return groups.join(", ");
    }
    if c.name("time").is_some() {
        let h = num("th");
        let m = c
            .name("tm")
            .or_else(|| c.name("tm2"))
            .map(|m| m.as_str().parse::<u64>().unwrap_or(0));
        if h <= 24 && m.is_none_or(|m| m < 60) {
            return match m {
                Some(m) if m > 0 => format!(
                    "{} giờ {}",
                    number_words(h, region),
                    number_words(m, region)
                ),
                _ => format!("{} giờ", number_words(h, region)),
            };
        }
        return c.get(0).map_or(String::new(), |m| m.as_str().to_string());
    }
    if c.name("range").is_some() {
        return format!(
            "{} đến {}",
            integer_words(get("r1"), region),
            integer_words(get("r2"), region)
        );
    }
    if let Some(n) = c.name("num") {
        let mut out = number_token(n.as_str(), region);
        if c.name("pct").is_some() {
            out.push_str(" phần trăm");
        } else if c.name("money").is_some() {
            out.push_str(" đồng");
            if let Some(per) = c.name("per") {
                out.push_str(" một ");
                out.push_str(per.as_str());
            }
        }
        return out;
    }
    word(get("word"), region)
}

/// `text` as espeak-ng should hear it (NFC, numbers, money, dates, document numbers, abbreviations and
/// codes in words, spaces collapsed). See the module comment.
pub fn speakable(text: &str, region: Region) -> String {
    let text = normalize(text);
    let out = pattern().replace_all(&text, |c: &Captures<'_>| replace(c, &text, region));
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    /// (written, spoken by the northern voice)
    const TABLE: &[(&str, &str)] = &[
        // numbers
        ("0", "không"),
        ("5", "năm"),
        ("10", "mười"),
        ("15", "mười lăm"),
        ("21", "hai mươi mốt"),
        ("25", "hai mươi lăm"),
        ("44", "bốn mươi bốn"),
        ("100", "một trăm"),
        ("105", "một trăm linh năm"),
        ("110", "một trăm mười"),
        ("999", "chín trăm chín mươi chín"),
        ("1000", "một nghìn"),
        ("2015", "hai nghìn không trăm mười lăm"),
        ("2024", "hai nghìn không trăm hai mươi bốn"),
        ("1.500.000", "một triệu năm trăm nghìn"),
        ("1.000.005", "một triệu không trăm linh năm"),
        ("2.000.000.000", "hai tỷ"),
        ("1,5 triệu đồng", "một phẩy năm triệu đồng"),
        ("0,05", "không phẩy không năm"),
        // money
        ("50.000 đ", "năm mươi nghìn đồng"),
        ("50.000 đồng", "năm mươi nghìn đồng"),
        ("50.000đ", "năm mươi nghìn đồng"),
        ("Lệ phí: 100.000 VNĐ", "Lệ phí: một trăm nghìn đồng"),
        ("25.000 VND", "hai mươi lăm nghìn đồng"),
        ("8.000 ₫", "tám nghìn đồng"),
        ("2.000 đồng/bản", "hai nghìn đồng một bản"),
        ("50.000đ/lần", "năm mươi nghìn đồng một lần"),
        ("5 đơn", "năm đơn"),
        ("Miễn lệ phí", "Miễn lệ phí"),
        // working days, counts, percentages, ranges, times
        ("05 ngày làm việc", "năm ngày làm việc"),
        ("trong 03 ngày", "trong ba ngày"),
        ("01 bản chính", "một bản chính"),
        ("10%", "mười phần trăm"),
        ("giảm 50 %", "giảm năm mươi phần trăm"),
        ("5-7 ngày", "năm đến bảy ngày"),
        ("15 – 20 ngày", "mười lăm đến hai mươi ngày"),
        ("từ 7h30 đến 11h", "từ bảy giờ ba mươi đến mười một giờ"),
        ("13:30", "mười ba giờ ba mươi"),
        ("Bước 5: nộp hồ sơ", "Bước năm: nộp hồ sơ"),
        // dates
        (
            "01/7/2024",
            "ngày một tháng bảy năm hai nghìn không trăm hai mươi bốn",
        ),
        (
            "từ ngày 01/4/2025",
            "từ ngày một tháng tư năm hai nghìn không trăm hai mươi lăm",
        ),
        (
            "31-12-2024",
            "ngày ba mươi mốt tháng mười hai năm hai nghìn không trăm hai mươi bốn",
        ),
        (
            "15.10.2023",
            "ngày mười lăm tháng mười năm hai nghìn không trăm hai mươi ba",
        ),
        // document numbers
        (
            "Nghị định số 123/2015/NĐ-CP",
            "Nghị định số một trăm hai mươi ba năm hai nghìn không trăm mười lăm, nghị định chính phủ",
        ),
        (
            "Luật Căn cước số 26/2023/QH15",
            "Luật Căn cước số hai mươi sáu năm hai nghìn không trăm hai mươi ba, quốc hội khóa mười lăm",
        ),
        (
            "Thông tư số 53/2025/TT-BCA",
            "Thông tư số năm mươi ba năm hai nghìn không trăm hai mươi lăm, thông tư bộ công an",
        ),
        (
            "Quyết định 01/2024/QĐ-TTg",
            "Quyết định một năm hai nghìn không trăm hai mươi bốn, quyết định thủ tướng",
        ),
        (
            "Nghị quyết 12/2021/NQ-HĐND",
            "Nghị quyết mười hai năm hai nghìn không trăm hai mươi mốt, nghị quyết hội đồng nhân dân",
        ),
        ("theo NĐ-CP", "theo nghị định chính phủ"),
        // abbreviations
        ("CCCD", "căn cước công dân"),
        ("Thẻ CCCD gắn chip", "Thẻ căn cước công dân gắn chip"),
        ("UBND xã", "ủy ban nhân dân xã"),
        ("sổ BHXH", "sổ bảo hiểm xã hội"),
        ("HĐND cấp tỉnh", "hội đồng nhân dân cấp tỉnh"),
        ("CMND", "chứng minh nhân dân"),
        // codes
        ("Mẫu CT01", "Mẫu xê tê không một"),
        ("tờ khai TK1-TS", "tờ khai tê ca một tê ét sì"),
        ("mã 1.000894", "mã một chấm không không không tám chín bốn"),
        (
            "số 012345678901",
            "số không một hai ba bốn năm sáu bảy tám chín không một",
        ),
        ("VNeID", "VNeID"),
        ("HỒ SƠ GỒM", "hồ sơ gồm"),
        // phone numbers
        (
            "0905 123 456",
            "không chín không năm, một hai ba, bốn năm sáu",
        ),
        (
            "024.3823.4567",
            "không hai bốn, ba tám hai ba, bốn năm sáu bảy",
        ),
        (
            "+84 905 123 456",
            "cộng tám bốn, chín không năm, một hai ba, bốn năm sáu",
        ),
        ("1900 1234", "một chín không không, một hai ba bốn"),
        // plain text, spaces, NFC
        ("Giấy  khai sinh\n(bản sao)", "Giấy khai sinh (bản sao)"),
        ("Ho\u{0323}\u{0302} ti\u{0323}ch", "Hộ tịch"),
    ];

    #[test]
    fn the_table() {
        assert!(TABLE.len() >= 50, "{} cases", TABLE.len());
        let mut wrong = Vec::new();
        for (written, spoken) in TABLE {
            let got = speakable(written, Region::Northern);
            if got != *spoken {
                wrong.push(format!("{written:?}\n   want {spoken:?}\n    got {got:?}"));
            }
        }
        assert!(
            wrong.is_empty(),
            "{} wrong:\n{}",
            wrong.len(),
            wrong.join("\n")
        );
    }

    #[test]
    fn the_south_says_ngan_and_le() {
        assert_eq!(
            speakable("105.000 đ", Region::Southern),
            "một trăm lẻ năm ngàn đồng"
        );
        assert_eq!(
            speakable("105.000 đ", Region::Central),
            "một trăm linh năm nghìn đồng"
        );
        assert_eq!(Region::Southern.voice(), "vi-vn-x-south");
    }

    #[test]
    fn hostile_input_stays_text() {
        for s in [
            "",
            "////",
            "99999999999999999999999 đ",
            "1.2.3.4.5",
            "--help",
            "\u{0}\u{7}",
            "99/99/9999",
            "25:99",
            &"9".repeat(5000),
        ] {
            let out = speakable(s, Region::Northern);
            assert!(!out.contains('\u{0}') || s.contains('\u{0}'));
            assert!(out.len() < s.len() * 40 + 16, "{s:?} → {out:?}");
        }
        assert_eq!(
            speakable("99/99/9999", Region::Northern),
            "chín mươi chín trên chín mươi chín trên chín nghìn chín trăm chín mươi chín"
        );
        assert_eq!(speakable("--help", Region::Northern), "--help");
        assert_eq!(
            speakable("99999999999999999999999 đ", Region::Northern),
            format!("{} đồng", digits_words(&"9".repeat(23)))
        );
    }
}
