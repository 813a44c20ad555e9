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
    pub(crate) entries: Vec<String>,
    /// True when some text did not end with a document number and was kept as written.
    pub(crate) unparsed: bool,
}

/// A document number at `[start, end)`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Num {
    start: usize,
    end: usize,
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
        if after.is_some_and(|c| !c.is_alphanumeric()) && !only_punctuation_left {
            continue;
        }
        add_piece(
            &mut out.entries,
            &body[piece_start..num.start],
            &body[num.start..num.end],
        );
        piece_start = num.end;
    }
    let rest = body[piece_start..].trim();
    if rest.chars().any(char::is_alphanumeric) {
        out.unparsed = true;
        out.entries.push(rest.to_string());
    }
    let mut seen = Vec::new();
    out.entries.retain(|e| {
        let fresh = !seen.contains(e);
        seen.push(e.clone());
        fresh
    });
    out
}

/// Turns "name" + "number" into one entry; a number alone repeats the previous name's number.
fn add_piece(entries: &mut Vec<String>, name_raw: &str, num: &str) {
    let glued = name_raw
        .chars()
        .next_back()
        .is_some_and(|c| !c.is_whitespace());
    let name = name_raw.trim().trim_end_matches([';', ',', ':']).trim_end();
    if name.is_empty() || !name.chars().any(char::is_alphabetic) {
        match entries.last_mut() {
            Some(prev) if prev.contains(num) => {}
            _ => entries.push(num.to_string()),
        }
        return;
    }
    let entry = if let Some((left, right)) = camel_split(name) {
        if left.is_empty() || right.to_lowercase().starts_with(&left.to_lowercase()) {
            format!("{right} {num}")
        } else {
            format!("{left} ({right} {num})")
        }
    } else if !glued || ends_with_doc_type(name) {
        format!("{name} {num}")
    } else if name.contains(num) {
        name.to_string()
    } else {
        format!("{name} ({num})")
    };
    entries.push(entry);
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
fn numbers(s: &str) -> Vec<Num> {
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
        let run_end = i + run_len;
        if b.get(run_end) != Some(&b'/') {
            i = run_end.max(i + 1);
            continue;
        }
        let run = &s[i..run_end];
        let year_glued =
            run.len() > 4 && (run.starts_with("19") || run.starts_with("20")) && !run.contains('.');
        let after_slash = i > 0 && b[i - 1] == b'/';
        if after_slash && !year_glued {
            // The middle or end of a date ("26/01/2026").
            i = run_end;
            continue;
        }
        let start = if year_glued {
            i + 4
        } else if run.len() > 4 {
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
