//! "Căn cứ pháp lý": legal documents, flattened as `Tên văn bản pháp lýMã văn bản` followed by
//! name + number pairs with nothing in between:
//! `Luật Nhà ở số 27/2023/QH1527/2023/QH15Nghị định98/2024/NĐ-CP`.
//!
//! A number that ends a row is glued to the next row (or ends the text), while a number inside a name
//! is followed by a space or punctuation ("… số 126/2020/NĐ-CP ngày …"). The splitter therefore finds
//! document numbers (`27/2023/QH15`, `163/QĐ-BTP`, `08/2026`), keeps those directly followed by a
//! letter, a digit or the end, and cuts the text after each of them.

use super::clean::{is_no_info, one_line};

/// The flattened header row.
pub(crate) const HEADER: &str = "Tên văn bản pháp lýMã văn bản";

/// Words that start the name of a legal document.
const DOC_TYPES: [&str; 15] = [
    "Luật",
    "Bộ luật",
    "Nghị định",
    "Thông tư liên tịch",
    "Thông tư",
    "Quyết định",
    "Nghị quyết",
    "Pháp lệnh",
    "Lệnh",
    "Chỉ thị",
    "Văn bản hợp nhất",
    "Hiến pháp",
    "Công văn",
    "Thông báo",
    "Điều ước",
];

/// The legal basis of a record.
#[derive(Debug, Default, PartialEq, Eq)]
pub(crate) struct Parsed {
    /// One line per legal document, as written into the guide ([`LegalDoc::entry`]).
    pub(crate) entries: Vec<String>,
    /// The same documents, structured.
    pub(crate) docs: Vec<LegalDoc>,
    /// True when some text did not end with a document number and was kept as written.
    pub(crate) unparsed: bool,
}

/// One legal document of a record's legal basis.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct LegalDoc {
    /// Its number (số hiệu): `27/2023/QH15`, `163/QĐ-BTP`; `None` for text kept as written.
    pub(crate) number: Option<String>,
    /// The name as the record writes it, without the number when the number was only glued to it.
    pub(crate) title: String,
    /// The date of issue when the name gives one ("ngày 26/01/2026", "ngày 12 tháng 5 năm 2023").
    pub(crate) date: Option<String>,
    /// The issuing body when the name gives one ("của Chính phủ" → `Chính phủ`).
    pub(crate) issuer: Option<String>,
    /// The line written into the guide.
    pub(crate) entry: String,
}

impl LegalDoc {
    fn new(title: &str, number: Option<&str>, entry: String) -> Self {
        LegalDoc {
            number: number.map(str::to_string),
            title: title.to_string(),
            date: date_in(title),
            issuer: issuer_in(title),
            entry,
        }
    }
}

/// A document number at `[start, end)`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Num {
    pub(crate) start: usize,
    pub(crate) end: usize,
}

/// Splits the field into one entry per legal document.
pub(crate) fn parse(text: &str) -> Parsed {
    let text = one_line(text);
    let body = text.strip_prefix(HEADER).unwrap_or(&text).trim();
    if is_no_info(body) {
        return Parsed::default();
    }
    let mut out = Parsed::default();
    let mut piece_start = 0;
    for num in numbers(body) {
        let after = body[num.end..].chars().next();
        let only_punctuation_left = body[num.end..]
            .chars()
            .all(|c| !c.is_alphanumeric() && !matches!(c, '(' | ')'));
        // A number glued to the end of a name ("ngoại thương05/2017/QH14 Luật…") is the number cell of
        // that row even when a space follows it.
        let mut back = body[..num.start].chars().rev();
        let glued_before = match back.next() {
            Some(c) if c.is_alphabetic() => true,
            // "…ngày 31/3/2026;96/2026/NĐ-CP Thông tư…"
            Some(';' | '.') => back.next().is_some_and(char::is_alphanumeric),
            _ => false,
        };
        if after.is_some_and(|c| !c.is_alphanumeric()) && !only_punctuation_left && !glued_before {
            continue;
        }
        add_piece(
            &mut out.docs,
            &body[piece_start..num.start],
            &body[num.start..num.end],
        );
        piece_start = num.end;
    }
    let rest = body[piece_start..].trim();
    if rest.chars().any(char::is_alphanumeric) {
        out.unparsed = true;
        out.docs.push(LegalDoc::new(rest, None, rest.to_string()));
    }
    let mut seen = Vec::new();
    out.docs.retain(|d| {
        let fresh = !seen.contains(&d.entry);
        seen.push(d.entry.clone());
        fresh
    });
    out.entries = out.docs.iter().map(|d| d.entry.clone()).collect();
    out
}

/// Turns "name" + "number" into one entry; a number alone repeats the previous name's number.
fn add_piece(entries: &mut Vec<LegalDoc>, name_raw: &str, num: &str) {
    let glued = name_raw
        .chars()
        .next_back()
        .is_some_and(|c| !c.is_whitespace());
    let name = name_raw.trim().trim_end_matches([';', ',', ':']).trim_end();
    if name.is_empty() || !name.chars().any(char::is_alphabetic) {
        match entries.last_mut() {
            Some(prev) if prev.entry.contains(num) => {}
            _ => entries.push(LegalDoc::new("", Some(num), num.to_string())),
        }
        return;
    }
    let doc = if let Some((left, right)) = camel_split(name) {
        if left.is_empty() || right.to_lowercase().starts_with(&left.to_lowercase()) {
            LegalDoc::new(right, Some(num), format!("{right} {num}"))
        } else {
            LegalDoc::new(left, Some(num), format!("{left} ({right} {num})"))
        }
    } else if !glued || ends_with_doc_type(name) {
        LegalDoc::new(name, Some(num), format!("{name} {num}"))
    } else if name.contains(num) {
        LegalDoc::new(name, Some(num), name.to_string())
    } else {
        LegalDoc::new(name, Some(num), format!("{name} ({num})"))
    };
    entries.push(doc);
}

/// "ngày 26/01/2026" or "ngày 12 tháng 5 năm 2023" in a name.
fn date_in(title: &str) -> Option<String> {
    // Offsets of the title itself: lowercasing could change them.
    let starts = ["ngày ", "Ngày ", "NGÀY "]
        .iter()
        .flat_map(|w| title.match_indices(*w).map(|(i, m)| i + m.len()));
    for after_at in starts {
        let after = &title[after_at..];
        let words: Vec<&str> = after.split_whitespace().take(5).collect();
        let numeric = words
            .first()
            .map(|w| w.trim_end_matches([',', ';', '.', ')']));
        if let Some(d) = numeric {
            let parts: Vec<&str> = d.split('/').collect();
            if parts.len() == 3
                && parts
                    .iter()
                    .all(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()))
                && parts[2].len() == 4
            {
                return Some(d.to_string());
            }
        }
        let is_num = |w: Option<&&str>| {
            w.is_some_and(|w| {
                let w = w.trim_end_matches([',', ';', '.', ')']);
                !w.is_empty() && w.bytes().all(|b| b.is_ascii_digit())
            })
        };
        let word_is = |k: usize, want: &str| words.get(k).is_some_and(|w| w.to_lowercase() == want);
        if words.len() == 5
            && is_num(words.first())
            && word_is(1, "tháng")
            && is_num(words.get(2))
            && word_is(3, "năm")
            && is_num(words.get(4))
        {
            let year = words[4].trim_end_matches([',', ';', '.', ')']);
            return Some(format!("{} tháng {} năm {year}", words[0], words[2]));
        }
    }
    None
}

/// Bodies that issue legal documents, as names write them after "của".
const ISSUERS: [&str; 8] = [
    "Thủ tướng Chính phủ",
    "Chính phủ",
    "Quốc hội",
    "Ủy ban Thường vụ Quốc hội",
    "Chủ tịch nước",
    "Thống đốc Ngân hàng Nhà nước Việt Nam",
    "Ngân hàng Nhà nước Việt Nam",
    "Hội đồng Thẩm phán Tòa án nhân dân tối cao",
];

/// The issuer named by "của …" in a name: one of [`ISSUERS`], or "Bộ trưởng Bộ …" / "Bộ …" up to the
/// next comma, colon or lowercase function word.
fn issuer_in(title: &str) -> Option<String> {
    for (i, _) in title.match_indices("của ") {
        let after = &title[i + "của ".len()..];
        if let Some(known) = ISSUERS.iter().find(|k| after.starts_with(**k)) {
            return Some((*known).to_string());
        }
        if after.starts_with("Bộ ") {
            let mut end = after.len();
            for stop in [
                ",",
                ":",
                ";",
                ".",
                "(",
                " quy định",
                " hướng dẫn",
                " về ",
                " sửa đổi",
                " ban hành",
            ] {
                if let Some(j) = after.find(stop) {
                    end = end.min(j);
                }
            }
            let name = after[..end].trim();
            if name.split_whitespace().count() >= 2 {
                return Some(name.to_string());
            }
        }
    }
    None
}

/// Whether a name ends with a document type or "số" ("Nghị định", "Luật số").
fn ends_with_doc_type(name: &str) -> bool {
    name.ends_with(" số") || name == "số" || DOC_TYPES.iter().any(|t| name.ends_with(t))
}

/// Splits "…môi trườngLuật số" at the last glued boundary before a document type.
fn camel_split(name: &str) -> Option<(&str, &str)> {
    let mut best = None;
    let mut prev: Option<char> = None;
    for (i, c) in name.char_indices() {
        if let Some(p) = prev
            && (p.is_lowercase() || matches!(p, ')' | '.' | ';'))
            && c.is_uppercase()
            && DOC_TYPES.iter().any(|t| name[i..].starts_with(t))
        {
            best = Some(i);
        }
        prev = Some(c);
    }
    let i = best?;
    Some((name[..i].trim(), name[i..].trim()))
}

/// Every document number in the text, left to right, not overlapping.
pub(crate) fn numbers(s: &str) -> Vec<Num> {
    let b = s.as_bytes();
    let mut out: Vec<Num> = Vec::new();
    let mut i = 0;
    while i < b.len() {
        let last_end = out.last().map_or(0, |n| n.end);
        let run_start = b[i].is_ascii_digit()
            && (i == 0 || !b[i - 1].is_ascii_digit() || i == last_end)
            && i >= last_end;
        if !run_start {
            i += 1;
            continue;
        }
        let run_len = digit_run(&s[i..]);
        let mut run_end = i + run_len;
        // "08.a/2010/TT-BTP", "09b/2013/TT-BTP"
        let letter = match (b.get(run_end), b.get(run_end + 1), b.get(run_end + 2)) {
            (Some(b'.'), Some(l), Some(b'/')) if l.is_ascii_lowercase() => 2,
            (Some(l), Some(b'/'), _) if l.is_ascii_lowercase() => 1,
            _ => 0,
        };
        run_end += letter;
        if b.get(run_end) != Some(&b'/') {
            i = run_end.max(i + 1);
            continue;
        }
        let run = &s[i..run_end - letter];
        let after_slash = i > 0 && b[i - 1] == b'/';
        // "ngày 15/5/2026.55/2026/TT-BTC": a date's year, a dot, then a number.
        if after_slash
            && run.len() > 5
            && run.as_bytes()[4] == b'.'
            && run[..4].bytes().all(|c| c.is_ascii_digit())
        {
            i += 5;
            continue;
        }
        let year_glued =
            run.len() > 4 && (run.starts_with("19") || run.starts_with("20")) && !run.contains('.');
        if after_slash && !year_glued {
            // The middle or end of a date ("26/01/2026").
            i = run_end;
            continue;
        }
        let start = if year_glued {
            i + 4
        } else if run.len() > 4 && !run.contains('.') {
            run_end - 3
        } else {
            i
        };
        let after = run_end + 1;
        let year = s[after..].bytes().take_while(u8::is_ascii_digit).count();
        let end = if year == 4 {
            let y_end = after + 4;
            if b.get(y_end) == Some(&b'/') {
                match suffix_len(&s[y_end + 1..]) {
                    0 => y_end,
                    n => y_end + 1 + n,
                }
            } else {
                y_end
            }
        } else if year == 0 {
            match suffix_len(&s[after..]) {
                0 => {
                    i = run_end;
                    continue;
                }
                n => after + n,
            }
        } else {
            i = run_end;
            continue;
        };
        out.push(Num { start, end });
        i = end;
    }
    out
}

/// Digits with inner dots ("66.7").
fn digit_run(s: &str) -> usize {
    let b = s.as_bytes();
    let mut n = 0;
    while n < b.len() {
        let inner_dot = b[n] == b'.' && n > 0 && b.get(n + 1).is_some_and(u8::is_ascii_digit);
        if !(b[n].is_ascii_digit() || inner_dot) {
            break;
        }
        n += 1;
    }
    n
}

/// Capital letters, Vietnamese ones included (`UBTƯMTTQVN`).
fn is_suffix_letter(c: char) -> bool {
    c.is_uppercase()
}

/// Whether a capital followed by a small letter can begin a Vietnamese word ("Lu", "Ng", "An"), so
/// that in `TT-BCALuật` the `L` belongs to the next name while in `TT-BTCsửa` the `C` does not.
pub(crate) fn starts_word(capital: char, small: char) -> bool {
    let base = |c: char| {
        crate::text::fold(&c.to_string())
            .chars()
            .next()
            .unwrap_or(c)
    };
    let (u, l) = (base(capital), base(small));
    let vowel = |c: char| matches!(c, 'a' | 'e' | 'i' | 'o' | 'u' | 'y');
    if vowel(l) {
        return true;
    }
    if vowel(u) {
        return matches!(l, 'c' | 'm' | 'n' | 'p' | 't');
    }
    matches!(
        (u, l),
        ('c' | 'k' | 'n' | 'p' | 't', 'h') | ('g', 'h') | ('n', 'g') | ('t', 'r')
    )
}

/// Issuer codes of document numbers (the segments of `NĐ-CP`, `TT-BTC`, `TTLT-BTC-BTP`…), to tell
/// where a code ends when an all-capitals title is glued to it (`NĐ-CPQUY ĐỊNH…`).
const CODES: [&str; 49] = [
    "CP",
    "NĐ",
    "TT",
    "TTLT",
    "NQ",
    "NQLT",
    "QĐ",
    "PL",
    "L",
    "CT",
    "CTN",
    "VBHN",
    "BTC",
    "BCA",
    "BTP",
    "NHNN",
    "BNNMT",
    "BGTVT",
    "BNNPTNT",
    "BXD",
    "BTNMT",
    "BHXH",
    "BLĐTBXH",
    "BKHĐT",
    "BQP",
    "BYT",
    "BKHCN",
    "BNV",
    "BNG",
    "BCT",
    "BTTTT",
    "BVHTTDL",
    "BGDĐT",
    "BTNN",
    "UBND",
    "HĐND",
    "UBTƯMTTQVN",
    "TANDTC",
    "VKSNDTC",
    "VPQH",
    "KTNN",
    "HĐTP",
    "UBTVQH",
    "TTCP",
    "BNNPTNN",
    "UBDT",
    "BKH",
    "BTM",
    "BLĐTB",
];

/// When the capitals `seg[..end]` are an issuer code with a Vietnamese word glued after it (`CPQUY`,
/// `BTCQUY`, `CPBAN`, `CPSỬA`) and that word is followed by a space or the end, where the code ends;
/// otherwise `end`.
fn known_code_before_word(seg: &str, end: usize) -> usize {
    let run = &seg[..end];
    let after_ok = seg[end..]
        .chars()
        .next()
        .is_none_or(|c| c.is_whitespace() || matches!(c, ',' | '.' | ';' | ':'));
    // The capitals of the last segment only ("NĐ-" was consumed already).
    if !after_ok || CODES.contains(&run) {
        return end;
    }
    CODES
        .iter()
        .filter(|code| {
            run.strip_prefix(**code)
                .is_some_and(|word| word.chars().count() >= 2 && is_syllable(word))
        })
        .map(|code| code.len())
        .max()
        .unwrap_or(end)
}

/// Whether capitals read as one Vietnamese syllable ("QUY", "BAN", "SỬA", "THÔNG", "NGHỊ").
fn is_syllable(word: &str) -> bool {
    let w = crate::text::fold(&word.to_lowercase());
    if !w.bytes().all(|b| b.is_ascii_lowercase()) {
        return false;
    }
    const INITIALS: [&str; 27] = [
        "ngh", "ng", "nh", "ch", "gh", "gi", "kh", "ph", "qu", "th", "tr", "b", "c", "d", "g", "h",
        "k", "l", "m", "n", "p", "r", "s", "t", "v", "x", "",
    ];
    const FINALS: [&str; 9] = ["ng", "nh", "ch", "c", "m", "n", "p", "t", ""];
    let vowel = |b: u8| matches!(b, b'a' | b'e' | b'i' | b'o' | b'u' | b'y');
    INITIALS
        .iter()
        .filter_map(|i| w.strip_prefix(i))
        .any(|rest| {
            let v = rest.bytes().take_while(|b| vowel(*b)).count();
            (1..=3).contains(&v) && FINALS.iter().any(|f| &rest[v..] == *f)
        })
}

/// Length of a number's issuer suffix (`NĐ-CP`, `QĐ-TTg`, `QH15`, `TTLT-BTC-BTP`). Segments are capital
/// letters joined by hyphens; a capital followed by a small letter starts the next name and is left
/// out (`TT-BCALuật` → `TT-BCA`); only `QH` segments take two digits (`QH1527/2023` → `QH15`).
fn suffix_len(s: &str) -> usize {
    let mut consumed = 0;
    let mut pos = 0;
    loop {
        let seg = &s[pos..];
        let letters: Vec<(usize, char)> = seg
            .char_indices()
            .take_while(|(_, c)| is_suffix_letter(*c))
            .collect();
        let Some(&(last_i, last_c)) = letters.last() else {
            break;
        };
        let mut end = last_i + last_c.len_utf8();
        let next = seg[end..].chars().next();
        if let Some(n) = next.filter(|c| c.is_lowercase()) {
            let run = &seg[..end];
            let after_g = seg[end..].chars().nth(1);
            if run.ends_with("TT") && n == 'g' && !after_g.is_some_and(char::is_lowercase) {
                end += 1;
            } else if starts_word(last_c, n) {
                end = last_i;
            }
        }
        if end == 0 {
            break;
        }
        end = known_code_before_word(seg, end);
        if seg[..end].ends_with("QH") {
            let digits = seg[end..].bytes().take_while(u8::is_ascii_digit).count();
            if digits >= 2 {
                end += 2;
            }
        }
        pos += end;
        consumed = pos;
        // Segments are joined by "-" (sometimes "/" or "- ").
        let rest = &s[pos..];
        let Some(r) = rest.strip_prefix(['-', '/', '_']) else {
            break;
        };
        let spaced = r.strip_prefix(' ').unwrap_or(r);
        if !spaced.starts_with(is_suffix_letter) {
            break;
        }
        pos += rest.len() - spaced.len();
    }
    consumed
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entries(s: &str) -> Vec<String> {
        let p = parse(s);
        assert!(!p.unparsed, "{p:?}");
        p.entries
    }

    #[test]
    fn names_glued_to_numbers() {
        assert_eq!(
            entries(
                "Tên văn bản pháp lýMã văn bảnHướng dẫn xử lý khiếu nại trong công an nhân dân68/2013/TT-BCALuật Khiếu nại  năm 201102/2011/QH13Quy định quy trình giải quyết khiếu nại11/2015/TT-BCANghị định 05/2012/NĐ-CP05/2012/NĐ-CP"
            ),
            vec![
                "Hướng dẫn xử lý khiếu nại trong công an nhân dân (68/2013/TT-BCA)",
                "Luật Khiếu nại năm 2011 (02/2011/QH13)",
                "Quy định quy trình giải quyết khiếu nại (11/2015/TT-BCA)",
                "Nghị định 05/2012/NĐ-CP",
            ]
        );
    }

    #[test]
    fn qh_suffixes_take_two_digits() {
        assert_eq!(
            entries(
                "Tên văn bản pháp lýMã văn bảnLuật 51/2019/QH1451/2019/QH14Luật Nhà ở số 27/2023/QH1527/2023/QH15Nghị định98/2024/NĐ-CP"
            ),
            vec![
                "Luật 51/2019/QH14",
                "Luật Nhà ở số 27/2023/QH15",
                "Nghị định 98/2024/NĐ-CP"
            ]
        );
    }

    #[test]
    fn numbers_inside_names_do_not_split() {
        assert_eq!(
            entries(
                "Tên văn bản pháp lýMã văn bảnThông tư số 101/2020/TT-BTC ngày 23/11/2020 của Bộ Tài chính quy định mức thu101/2020/TT-BTCQuyết định 163/QĐ-BTP163/QĐ-BTPQuyết định của Thủ tướng 12/2024/QĐ-TTg12/2024/QĐ-TTg"
            ),
            vec![
                "Thông tư số 101/2020/TT-BTC ngày 23/11/2020 của Bộ Tài chính quy định mức thu",
                "Quyết định 163/QĐ-BTP",
                "Quyết định của Thủ tướng 12/2024/QĐ-TTg",
            ]
        );
    }

    #[test]
    fn number_columns_with_a_document_type() {
        assert_eq!(
            entries(
                "Tên văn bản pháp lýMã văn bảnLuật sửa đổi 15 luật trong lĩnh vực nông nghiệp và môi trườngLuật số 146/2025/QH15Thông tư02/2026/TT-BNNMTLuậtLuật 18/2017/QH14Thông tư số 08/2026/TT-BNNMT ngày 26/01/202608/2026"
            ),
            vec![
                "Luật sửa đổi 15 luật trong lĩnh vực nông nghiệp và môi trường (Luật số 146/2025/QH15)",
                "Thông tư 02/2026/TT-BNNMT",
                "Luật 18/2017/QH14",
                "Thông tư số 08/2026/TT-BNNMT ngày 26/01/2026",
            ]
        );
    }

    #[test]
    fn long_issuers_and_lowercase_followers() {
        assert_eq!(
            entries(
                "Thông tư liên tịch 02/2014/TTLT-TANDTC-VKSNDTC-BTP-BTC02/2014/TTLT-TANDTC-VKSNDTC-BTP-BTCsửa đổi hướng dẫn phương pháp rà soátThông tư số 02/2022/TT-BLĐTBXH"
            ),
            vec![
                "Thông tư liên tịch 02/2014/TTLT-TANDTC-VKSNDTC-BTP-BTC",
                "sửa đổi hướng dẫn phương pháp rà soát (Thông tư số 02/2022/TT-BLĐTBXH)",
            ]
        );
    }

    #[test]
    fn odd_separators_and_trailing_punctuation() {
        assert_eq!(
            entries(
                "Luật Đất đai ngày 18/01/2024;31/2024/QH15Thông tư 31/2025/TT_BCA31/2025/TT_BCAQuy định về quản lý phân bónNghị định 84/2019/NĐ-CP."
            ),
            vec![
                "Luật Đất đai ngày 18/01/2024 (31/2024/QH15)",
                "Thông tư 31/2025/TT_BCA",
                "Quy định về quản lý phân bón (Nghị định 84/2019/NĐ-CP)",
            ]
        );
    }

    #[test]
    fn text_without_a_final_number_is_kept_and_flagged() {
        let p =
            parse("Tên văn bản pháp lýMã văn bảnNghị định 44/2016/NĐ-CP44/2016/NĐ-CPLuật Thú y");
        assert!(p.unparsed);
        assert_eq!(p.entries, vec!["Nghị định 44/2016/NĐ-CP", "Luật Thú y"]);
        assert_eq!(parse("Không có thông tin"), Parsed::default());
        assert_eq!(parse(""), Parsed::default());
    }

    // Real cells of the national records (June 2026 crawl), code in the test name's comment.
    fn docs(s: &str) -> Vec<LegalDoc> {
        let p = parse(s);
        assert!(!p.unparsed, "{p:?}");
        p.docs
    }

    #[test]
    fn capital_titles_glued_to_an_issuer_code() {
        // 3.000521: the example of issue 12.
        let d = docs(
            "Tên văn bản pháp lýMã văn bảnNghị định số 184/2025/NĐ-CP của Chính phủ: Quy định phân định thẩm quyền khi tổ chức chính quyền địa phương 02 cấp và sửa đổi, bổ sung một số điều của các Nghị định của Chính phủ trong lĩnh vực an ninh, trật tự184/2025/NĐ-CPLuật Phòng, chống ma túy số 73/2021/QH1473/2021/QH14QUY ĐỊNH CHI TIẾT MỘT SỐ ĐIỀU CỦA LUẬT PHÒNG, CHỐNG MA TÚY, LUẬT XỬ LÝ VI PHẠM HÀNH CHÍNH VỀ CAI NGHIỆN MA TÚY VÀ QUẢN LÝ SAU CAI NGHIỆN MA TÚY116/2021/NĐ-CP",
        );
        let numbers: Vec<Option<&str>> = d.iter().map(|d| d.number.as_deref()).collect();
        assert_eq!(
            numbers,
            vec![
                Some("184/2025/NĐ-CP"),
                Some("73/2021/QH14"),
                Some("116/2021/NĐ-CP")
            ]
        );
        assert_eq!(d[0].issuer.as_deref(), Some("Chính phủ"));
        assert_eq!(d[1].entry, "Luật Phòng, chống ma túy số 73/2021/QH14");
        assert_eq!(
            d[2].entry,
            "QUY ĐỊNH CHI TIẾT MỘT SỐ ĐIỀU CỦA LUẬT PHÒNG, CHỐNG MA TÚY, LUẬT XỬ LÝ VI PHẠM HÀNH CHÍNH VỀ CAI NGHIỆN MA TÚY VÀ QUẢN LÝ SAU CAI NGHIỆN MA TÚY (116/2021/NĐ-CP)"
        );
        // 1.014903
        let d = docs(
            "Tên văn bản pháp lýMã văn bảnLuật 49/2019/QH1449/2019/QH14Quyết định số 52/2025/QĐ-TTg ngày 30/12/2025 của Thủ tướng Chính phủ quy định về đối tượng, thẩm quyền, trình tự, thủ tục cấp tem “AB” để xuất cảnh sang Cộng hòa Cuba, Cộng hòa dân chủ nhân dân Lào và Cộng hòa nhân dân Trung Hoa.52/2025/QĐ-TTgQUY ĐỊNH MỨC THU, CHẾ ĐỘ THU, NỘP, QUẢN LÝ VÀ SỬ DỤNG PHÍ, LỆ PHÍ TRONG LĨNH VỰC XUẤT CẢNH, NHẬP CẢNH, QUÁ CẢNH, CƯ TRÚ TẠI VIỆT NAM25/2021/TT-BTCQUY ĐỊNH MỨC THU, CHẾ ĐỘ THU, NỘP, QUẢN LÝ VÀ SỬ DỤNG PHÍ, LỆ PHÍ TRONG LĨNH VỰC XUẤT CẢNH, NHẬP CẢNH, QUÁ CẢNH, CƯ TRÚ TẠI VIỆT NAM25/2021/TT-BTC",
        );
        assert_eq!(d.len(), 3, "{d:#?}");
        assert_eq!(d[1].date.as_deref(), Some("30/12/2025"));
        assert_eq!(d[1].issuer.as_deref(), Some("Thủ tướng Chính phủ"));
        assert_eq!(d[2].number.as_deref(), Some("25/2021/TT-BTC"));
        assert!(
            d[2].entry.starts_with("QUY ĐỊNH MỨC THU")
                && d[2].entry.ends_with("VIỆT NAM (25/2021/TT-BTC)")
        );
        assert_eq!(suffix_len("NĐ-CPQUY ĐỊNH"), "NĐ-CP".len());
        assert_eq!(suffix_len("TT-BCAQUY ĐỊNH"), "TT-BCA".len());
        assert_eq!(suffix_len("NĐ-CPBAN HÀNH"), "NĐ-CP".len());
        assert_eq!(suffix_len("TT-BCA QUY"), "TT-BCA".len());
        assert_eq!(suffix_len("TT-BCA"), "TT-BCA".len());
    }

    #[test]
    fn numbers_glued_after_a_name_or_a_date_end_a_row() {
        // 1.009736
        let d = docs(
            "Tên văn bản pháp lýMã văn bảnđịnh số 96/2026/NĐ-CP ngày 31/3/2026;96/2026/NĐ-CP Thông tư số 55/2026/TT-BTC ngày 15/5/2026.55/2026/TT-BTCLuật Đầu tư số 143/2025/QH15 ngày 11/12/2025;143/2025/QH15",
        );
        let entries: Vec<&str> = d.iter().map(|d| d.entry.as_str()).collect();
        assert_eq!(
            entries,
            vec![
                "định số 96/2026/NĐ-CP ngày 31/3/2026",
                "Thông tư số 55/2026/TT-BTC ngày 15/5/2026.",
                "Luật Đầu tư số 143/2025/QH15 ngày 11/12/2025",
            ]
        );
        assert_eq!(d[2].date.as_deref(), Some("11/12/2025"));
        // 1.007929: "ngoại thương05/2017/QH14 Luật Trồng trọt…"
        let d = docs(
            "Tên văn bản pháp lýMã văn bảnsửa đổi, bổ sung một số điều của các Nghị định trong lĩnh vực trồng trọt và bảo vệ thực vậtNghị định số 33/2026/NĐ-CPLuật quản lý ngoại thương05/2017/QH14 Luật Trồng trọt Luật số 31/2018/QH14Quy định chi tiết một số điều của Luật Quản lý Ngoại thương69/2018/NĐ-CP",
        );
        let numbers: Vec<&str> = d.iter().filter_map(|d| d.number.as_deref()).collect();
        assert_eq!(
            numbers,
            vec![
                "33/2026/NĐ-CP",
                "05/2017/QH14",
                "31/2018/QH14",
                "69/2018/NĐ-CP"
            ]
        );
        assert_eq!(d[1].entry, "Luật quản lý ngoại thương (05/2017/QH14)");
    }

    #[test]
    fn numbers_with_a_dot() {
        // 1.008325
        let d = docs(
            "Nghị quyết số 66.16/2026/NQ-CP của Chính phủ ngày 07/04/2026 về việc Cắt giảm, đơn giản hóa thủ tục hành chính,quy định liên quan đến hoạt động sản xuất, kinh doanh66.16/2026/NQ-CPsửa đổi một số điều của Thông tư 19/2021/TT-BTC ngày 18/3/2021 của Bộ trưởng Bộ Tài chính hướng dẫn giao dịch điện tử trong lĩnh vực thuế46/2024/TT-BTC",
        );
        assert_eq!(d.len(), 2, "{d:#?}");
        assert_eq!(d[0].number.as_deref(), Some("66.16/2026/NQ-CP"));
        assert_eq!(d[0].date.as_deref(), Some("07/04/2026"));
        assert!(
            d[0].entry
                .starts_with("Nghị quyết số 66.16/2026/NQ-CP của Chính phủ")
        );
        assert_eq!(d[1].number.as_deref(), Some("46/2024/TT-BTC"));
    }

    #[test]
    fn numbers_with_a_letter() {
        // 2.000986
        let d = docs(
            "Thông tư 08.a/2010/TT-BTP08.a/2010/TT-BTPThông tư 09b/2013/TT-BTP09b/2013/TT-BTPNghị định 158/2005/NĐ-CP158/2005/NĐ-CPLuật Cư trú 202068/2020/QH14",
        );
        let entries: Vec<&str> = d.iter().map(|d| d.entry.as_str()).collect();
        assert_eq!(
            entries,
            vec![
                "Thông tư 08.a/2010/TT-BTP",
                "Thông tư 09b/2013/TT-BTP",
                "Nghị định 158/2005/NĐ-CP",
                "Luật Cư trú 2020 (68/2020/QH14)",
            ]
        );
    }

    #[test]
    fn dates_and_issuers_in_names() {
        assert_eq!(
            date_in("Nghị định số 22/2023/NĐ-CP ngày 12 tháng 5 năm 2023 của Chính phủ"),
            Some("12 tháng 5 năm 2023".to_string())
        );
        assert_eq!(
            date_in("Thông tư ngày 26/01/2026."),
            Some("26/01/2026".to_string())
        );
        assert_eq!(date_in("trong ngày làm việc"), None);
        assert_eq!(
            issuer_in(
                "Thông tư 04/2026/TT-BNNMT của Bộ trưởng Bộ Nông nghiệp và Môi trường ban hành"
            ),
            Some("Bộ trưởng Bộ Nông nghiệp và Môi trường".to_string())
        );
        assert_eq!(
            issuer_in(
                "Thông tư số 101/2020/TT-BTC ngày 23/11/2020 của Bộ Tài chính quy định mức thu"
            ),
            Some("Bộ Tài chính".to_string())
        );
        assert_eq!(issuer_in("Luật Hộ tịch"), None);
    }

    #[test]
    fn suffixes() {
        assert_eq!(suffix_len("TT-BCALuật"), "TT-BCA".len());
        assert_eq!(suffix_len("NĐ-CPNghị"), "NĐ-CP".len());
        assert_eq!(suffix_len("QĐ-TTgQuyết"), "QĐ-TTg".len());
        assert_eq!(suffix_len("QH1527/2023"), "QH15".len());
        assert_eq!(suffix_len("UBTVQH14"), "UBTVQH14".len());
        assert_eq!(suffix_len("BTCsửa"), "BTC".len());
        assert_eq!(suffix_len("BCAhướng"), "BCA".len());
        assert_eq!(suffix_len("BTCUy ban"), "BTC".len());
        assert_eq!(suffix_len("TTLT- BQP-BTC21/2008"), "TTLT- BQP-BTC".len());
        assert_eq!(suffix_len("TTLT/BQP-BTC"), "TTLT/BQP-BTC".len());
        assert_eq!(suffix_len("NĐ-CP- Hướng"), "NĐ-CP".len());
        assert_eq!(suffix_len("NQLT-CP-UBTƯMTTQVN"), "NQLT-CP-UBTƯMTTQVN".len());
        assert_eq!(suffix_len("ngày"), 0);
        assert_eq!(suffix_len(""), 0);
    }
}
