//! The simpler fields: results, steps, conditions, applicants, levels.

use crate::guide::Level;

use super::clean::{NO_INFO, capitalize, is_no_info, one_line, split_top_level, strip_bullet};
use super::legal::starts_word;

/// The single step written when the record has none.
pub(crate) const NO_STEPS: &str = "Không có thông tin về trình tự thực hiện";

/// Page text that follows the result on the portal ("Từ khóa…", "Chọn cơ quan thực hiện…").
const CHROME: [&str; 4] = [
    "Từ khóa",
    "Chọn cơ quan thực hiện",
    "Hệ thống chỉ hiển thị những cơ quan",
    "Mô tảKhông có thông tin",
];

/// Cuts the page chrome off a field.
pub(crate) fn cut_chrome(text: &str) -> &str {
    let end = CHROME
        .iter()
        .filter_map(|m| text.find(m))
        .min()
        .unwrap_or(text.len());
    &text[..end]
}

/// "Kết quả": result names, each followed by "Mã: KQ.G01.000068", then page chrome.
pub(crate) fn results(text: &str) -> Vec<String> {
    let text = one_line(cut_chrome(&one_line(text)));
    let mut out: Vec<String> = Vec::new();
    let mut push = |name: &str| {
        let name = strip_bullet(name).trim_end_matches([';', ',', ' ']).trim();
        if name.chars().any(char::is_alphanumeric) && !is_no_info(name) {
            let name = capitalize(name);
            if !out.contains(&name) {
                out.push(name);
            }
        }
    };
    let mut rest = text.as_str();
    while let Some(i) = rest.find("Mã:") {
        push(&rest[..i]);
        let after = rest[i + "Mã:".len()..].trim_start();
        let code = code_len(after);
        rest = &after[code..];
    }
    push(rest);
    out
}

/// Length of a result code ("KQ.G01.000068", "VBTT") glued to the next name.
fn code_len(s: &str) -> usize {
    if let Some(tail) = s.strip_prefix("KQ.") {
        // KQ.<letters+digits>.<digits>
        let seg = tail
            .bytes()
            .take_while(|b| b.is_ascii_alphanumeric())
            .count();
        let after = &tail[seg..];
        if let Some(d) = after.strip_prefix('.') {
            let digits = d.bytes().take_while(u8::is_ascii_digit).count();
            return "KQ.".len() + seg + 1 + digits;
        }
        return "KQ.".len() + seg;
    }
    let chars: Vec<(usize, char)> = s.char_indices().collect();
    let mut end = 0;
    for (k, &(i, c)) in chars.iter().enumerate() {
        let ok = c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_');
        if !ok {
            break;
        }
        let next = chars.get(k + 1).map(|&(_, n)| n);
        if k > 0 && c.is_uppercase() && next.is_some_and(|n| n.is_lowercase() && starts_word(c, n))
        {
            break;
        }
        end = i + c.len_utf8();
    }
    end
}

/// True when a line begins a numbered step ("Bước 1:", "a) Bước 2.", "- Bước 3").
fn is_step_start(line: &str) -> bool {
    let l = strip_bullet(line);
    l.strip_prefix("Bước ")
        .or_else(|| l.strip_prefix("bước "))
        .is_some_and(|r| r.starts_with(|c: char| c.is_ascii_digit()))
}

/// Splits a line before every "Bước N" that follows the end of a sentence.
fn split_inline_steps(line: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    for (i, _) in line.match_indices("Bước ") {
        if i == 0 {
            continue;
        }
        let before = line[..i].trim_end();
        let digit_follows = line[i + "Bước ".len()..].starts_with(|c: char| c.is_ascii_digit());
        if digit_follows && before.ends_with(['.', ';', ':']) && i > start {
            out.push(&line[start..i]);
            start = i;
        }
    }
    out.push(&line[start..]);
    out
}

/// "Trình tự thực hiện": one step per "Bước N" with the lines that follow it, or one step per line
/// when the record does not number its steps.
pub(crate) fn steps(text: &str) -> Vec<String> {
    if is_no_info(text) {
        return Vec::new();
    }
    let lines: Vec<&str> = text
        .lines()
        .flat_map(split_inline_steps)
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect();
    let numbered = lines.iter().any(|l| is_step_start(l));
    // Each step with the number of lines gathered into it.
    let mut out: Vec<(String, usize)> = Vec::new();
    for line in lines {
        let clean = strip_bullet(line).trim();
        if clean.is_empty() || !clean.chars().any(char::is_alphanumeric) {
            continue;
        }
        match out.last_mut() {
            Some((step, n)) if numbered && !is_step_start(line) => {
                if !step.ends_with(['.', ':', ';', ',', '!', '?']) {
                    // The first line of a step is its title: "Bước 2: Nộp hồ sơ: …".
                    step.push(if *n == 1 { ':' } else { ';' });
                }
                step.push(' ');
                step.push_str(clean);
                *n += 1;
            }
            _ => out.push((capitalize(clean), 1)),
        }
    }
    out.into_iter().map(|(s, _)| s).collect()
}

/// "Yêu cầu, điều kiện": one item per line; nothing when the record says "Không có thông tin".
pub(crate) fn conditions(text: &str) -> Vec<String> {
    let text = cut_chrome(text);
    if is_no_info(text) {
        return Vec::new();
    }
    text.lines()
        .map(|l| strip_bullet(l).trim())
        .filter(|l| l.chars().any(char::is_alphanumeric) && !is_no_info(l))
        .map(capitalize)
        .collect()
}

/// "Đối tượng thực hiện", split on ", " and ";" outside parentheses.
pub(crate) fn applicants(text: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for part in split_top_level(&one_line(text), &[", ", ";"]) {
        let p = part.trim().trim_end_matches(['.', ',']).trim();
        if !p.is_empty() && !is_no_info(p) && !out.iter().any(|x| x == p) {
            out.push(p.to_string());
        }
    }
    if out.is_empty() {
        out.push(NO_INFO.to_string());
    }
    out
}

/// "Cấp thực hiện"; the second value counts the parts that were not a known level.
pub(crate) fn levels(text: &str) -> (Vec<Level>, usize) {
    let mut out = Vec::new();
    let mut unknown = 0;
    for part in one_line(text).split([',', ';']) {
        let p = part.trim().to_lowercase();
        if p.is_empty() {
            continue;
        }
        let level = match p.as_str() {
            "cấp xã" => Level::Xa,
            "cấp tỉnh" => Level::Tinh,
            "cấp bộ" => Level::Bo,
            "cơ quan khác" => Level::Khac,
            _ => {
                unknown += 1;
                Level::Khac
            }
        };
        if !out.contains(&level) {
            out.push(level);
        }
    }
    if out.is_empty() {
        unknown += 1;
        out.push(Level::Khac);
    }
    (out, unknown)
}

/// Procedure codes written in a text ("1.000894", "1.001193.000.00.00.H35").
pub(crate) fn codes_in(text: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for word in text.split(|c: char| !(c.is_ascii_alphanumeric() || c == '.')) {
        let w = word.trim_matches('.');
        if w.contains('.') && crate::guide::parse::is_valid_code(w) && !out.iter().any(|x| x == w) {
            out.push(w.to_string());
        }
    }
    out
}

/// Procedure names in the portal's related-procedures table ("#Tên thủ tục1Tên A#1Tên thủ tụcTên A").
pub(crate) fn names_in(text: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for part in text.split('#') {
        let p = part.replace("Tên thủ tục", " ");
        let p = p
            .trim()
            .trim_matches(|c: char| c.is_ascii_digit() || c.is_whitespace());
        let p = one_line(p);
        if p.chars().count() >= 8 && !out.contains(&p) {
            out.push(p);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn results_with_codes_and_chrome() {
        assert_eq!(
            results(
                "Công văn thông báo từ chối cấp tài khoản điện tử (NB9)Mã: KQ.G01.000020Công văn trả lời của Cục về việc cấp tài khoản (mẫu NB8).Mã: KQ.G01.000021Từ khóaKhông có thông tinMô tảKhông có thông tinChọn cơ quan thực hiệnTỉnh/ Thành phốBộ ngành-- Chọn Bộ ngành --Đơn vị-- Chọn Cơ sở --Nộp hồ sơ"
            ),
            vec![
                "Công văn thông báo từ chối cấp tài khoản điện tử (NB9)",
                "Công văn trả lời của Cục về việc cấp tài khoản (mẫu NB8)."
            ]
        );
        assert_eq!(
            results("+ Văn bản từ chối (nêu rõ lý do).Mã: VBTTTừ khóaKhông có thông tin"),
            vec!["Văn bản từ chối (nêu rõ lý do)."]
        );
        assert_eq!(results("Giấy phép"), vec!["Giấy phép"]);
        assert_eq!(
            results("Giấy phépMã: KQ.G01.1văn bản khác"),
            vec!["Giấy phép", "Văn bản khác"]
        );
        assert!(results("").is_empty());
        assert!(results("Từ khóaKhông có thông tin").is_empty());
    }

    #[test]
    fn numbered_steps_gather_their_lines() {
        let s = steps(
            "Bước 1: Thụ lý giải quyết khiếu nại\n\nTrong thời hạn 10 ngày làm việc, thủ trưởng phải thụ lý.\nBước 2: Xác minh\n+ Kiểm tra lại quyết định.\n+ Xác minh nội dung. Bước 3. Ra quyết định",
        );
        assert_eq!(
            s,
            vec![
                "Bước 1: Thụ lý giải quyết khiếu nại: Trong thời hạn 10 ngày làm việc, thủ trưởng phải thụ lý.",
                "Bước 2: Xác minh: Kiểm tra lại quyết định. Xác minh nội dung.",
                "Bước 3. Ra quyết định",
            ]
        );
    }

    #[test]
    fn unnumbered_steps_are_lines() {
        assert_eq!(
            steps("- Nộp hồ sơ.\n- Nhận kết quả."),
            vec!["Nộp hồ sơ.", "Nhận kết quả."]
        );
        assert!(steps("Không có thông tin").is_empty());
    }

    #[test]
    fn conditions_applicants_levels() {
        assert!(conditions("Không có thông tin").is_empty());
        assert!(conditions("Không có thông tinTừ khóaKhông có thông tin").is_empty());
        assert_eq!(
            conditions("+ Người khiếu nại phải có năng lực.\n\n+ Chưa có quyết định lần hai."),
            vec![
                "Người khiếu nại phải có năng lực.",
                "Chưa có quyết định lần hai."
            ]
        );
        assert_eq!(
            applicants("Tổ chức (không bao gồm doanh nghiệp, HTX), Công dân Việt Nam"),
            vec![
                "Tổ chức (không bao gồm doanh nghiệp, HTX)",
                "Công dân Việt Nam"
            ]
        );
        assert_eq!(applicants(""), vec![NO_INFO]);
        assert_eq!(
            levels("Cấp bộ, Cấp tỉnh, Cấp xã, Cơ quan khác"),
            (vec![Level::Bo, Level::Tinh, Level::Xa, Level::Khac], 0)
        );
        assert_eq!(levels("Cấp huyện"), (vec![Level::Khac], 1));
        assert_eq!(levels(""), (vec![Level::Khac], 1));
    }

    #[test]
    fn related_codes_and_names() {
        assert_eq!(
            codes_in("Xem 1.000894 và 1.001193.000.00.00.H35; không phải 12.5"),
            vec!["1.000894", "1.001193.000.00.00.H35"]
        );
        assert_eq!(
            names_in(
                "#Tên thủ tục1Thẩm định nhiệm vụ quy hoạch#1Tên thủ tụcThẩm định nhiệm vụ quy hoạch"
            ),
            vec!["Thẩm định nhiệm vụ quy hoạch"]
        );
    }
}
