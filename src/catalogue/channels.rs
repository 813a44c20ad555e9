//! "Cách thức thực hiện": the portal's table of channels, flattened into one run of text.
//!
//! The cells run together: `Hình thức nộpThời gianPhí, lệ phíMô tả` (the header), then per row the
//! channel (`Trực tiếp`, `Trực tuyến`, `Dịch vụ bưu chính`), the time (`5 Ngày làm việc`, a bare
//! number, `Không có thông tin` or, rarely, free text), the fee (`Miễn phí`, `Không có thông tin`,
//! `50,000 VNĐ`), optional fee details in parentheses, and a free description. Channel names also occur
//! inside descriptions ("Trực tuyến: nộp hồ sơ…"), so a row starts only where a channel name is followed
//! by something that reads as a time and then a fee.

use crate::guide::ChannelKind;

use super::clean::{NO_INFO, one_line};

/// The flattened header row.
pub(crate) const HEADER: &str = "Hình thức nộpThời gianPhí, lệ phíMô tả";

const LABELS: [(&str, ChannelKind); 3] = [
    ("Trực tiếp", ChannelKind::TrucTiep),
    ("Trực tuyến", ChannelKind::TrucTuyen),
    ("Dịch vụ bưu chính", ChannelKind::BuuChinh),
];

/// Time units as the portal writes them, longest first.
const UNITS: [&str; 8] = [
    "Ngày làm việc",
    "Giờ làm việc",
    "Ngày",
    "Giờ",
    "Tháng",
    "Năm",
    "Tuần",
    "Phút",
];

const CURRENCIES: [&str; 7] = ["Việt Nam Đồng", "VNĐ", "VND", "Đồng", "đồng", "USD", "EUR"];

/// Longest free-text time accepted (in characters), e.g. "Không phải trả kết quả cho người nộp thuế".
const MAX_FREE_TIME: usize = 200;

/// One row of the table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Row {
    pub(crate) kind: ChannelKind,
    /// The time cell as written.
    pub(crate) time: Time,
    /// The fee cell ("Miễn phí", "50,000 VNĐ").
    pub(crate) fee: String,
    /// The parenthesized fee details, without the parentheses.
    pub(crate) fee_detail: Option<String>,
    /// The description cell.
    pub(crate) description: String,
}

/// The time cell.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Time {
    /// "Không có thông tin".
    NoInfo,
    /// A number with its unit ("5", "Ngày làm việc").
    Unit(String, String),
    /// A number without a unit.
    Bare(String),
    /// Anything else, as written.
    Text(String),
}

/// A parsed channel table.
#[derive(Debug, Default)]
pub(crate) struct Parsed {
    pub(crate) rows: Vec<Row>,
    /// Text that belongs to no row (before the first one, or everything when no row was found).
    pub(crate) leftover: String,
}

/// A channel ready to be written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Out {
    pub(crate) kind: ChannelKind,
    pub(crate) time: String,
    pub(crate) fee: String,
    pub(crate) note: Option<String>,
    /// True when the portal says "Miễn phí" but the text says the provincial council sets the fee.
    pub(crate) council_fee: bool,
}

/// Splits the flattened table into rows.
pub(crate) fn parse(text: &str) -> Parsed {
    let text = one_line(text);
    let body = text.strip_prefix(HEADER).unwrap_or(&text);
    let mut starts: Vec<(usize, Head)> = Vec::new();
    let mut positions: Vec<usize> = LABELS
        .iter()
        .flat_map(|(label, _)| body.match_indices(label).map(|(i, _)| i))
        .collect();
    positions.sort_unstable();
    positions.dedup();
    for pos in positions {
        // A row cannot start inside the head of the previous one.
        if starts.last().is_some_and(|(s, h)| pos < s + h.len) {
            continue;
        }
        if let Some(head) = row_head(&body[pos..]) {
            starts.push((pos, head));
        }
    }
    let leftover = starts
        .first()
        .map_or(body, |(s, _)| &body[..*s])
        .trim()
        .to_string();
    let mut rows = Vec::new();
    for (i, (start, head)) in starts.iter().enumerate() {
        let end = starts.get(i + 1).map_or(body.len(), |(s, _)| *s);
        let cell = &body[start + head.len..end];
        let (detail, description) = split_detail(cell);
        rows.push(Row {
            kind: head.kind,
            time: head.time.clone(),
            fee: head.fee.clone(),
            fee_detail: detail,
            description: description.trim().to_string(),
        });
    }
    Parsed { rows, leftover }
}

#[derive(Debug, Clone)]
struct Head {
    kind: ChannelKind,
    time: Time,
    fee: String,
    /// Bytes from the start of the channel name to the end of the fee.
    len: usize,
}

/// Reads "channel + time + fee" at the start of `s`.
fn row_head(s: &str) -> Option<Head> {
    let (label, kind) = LABELS.iter().find(|(l, _)| s.starts_with(l))?;
    let rest = &s[label.len()..];
    if let Some((time, after_time)) = strict_time(rest)
        && let Some((fee, after_fee)) = fee_token(after_time)
    {
        return Some(Head {
            kind: *kind,
            time,
            fee,
            len: s.len() - after_fee.len(),
        });
    }
    // A bare number glued to an amount ("Trực tuyến120,000 VNĐ"): the time is the shortest prefix that
    // leaves an amount not starting with 0 ("1" and "20,000 VNĐ").
    let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
    for k in 1..digits {
        if rest[k..].starts_with('0') {
            continue;
        }
        if let Some((fee, after_fee)) = fee_token(&rest[k..]) {
            return Some(Head {
                kind: *kind,
                time: Time::Bare(rest[..k].to_string()),
                fee,
                len: s.len() - after_fee.len(),
            });
        }
    }
    // Free-text time: it must start right after the name with a capital letter ("Trực tuyến: …" and
    // "Trực tiếp tại …" are descriptions), and may not run into another channel name.
    if !rest.starts_with(char::is_uppercase) {
        return None;
    }
    for (count, (j, _)) in rest.char_indices().enumerate().skip(1) {
        if count > MAX_FREE_TIME {
            break;
        }
        let tail = &rest[j..];
        if LABELS.iter().any(|(l, _)| tail.starts_with(l)) {
            return None;
        }
        if let Some((fee, after_fee)) = fee_token(tail) {
            let time = rest[..j].trim();
            if time.is_empty() {
                return None;
            }
            return Some(Head {
                kind: *kind,
                time: Time::Text(time.to_string()),
                fee,
                len: s.len() - after_fee.len(),
            });
        }
    }
    None
}

/// "Không có thông tin", or a number with an optional unit.
fn strict_time(s: &str) -> Option<(Time, &str)> {
    if let Some(rest) = s.strip_prefix(NO_INFO) {
        return Some((Time::NoInfo, rest));
    }
    let digits = number_len(s);
    if digits == 0 {
        return None;
    }
    let number = &s[..digits];
    let rest = &s[digits..];
    for unit in UNITS {
        if let Some(after) = rest.strip_prefix(' ').and_then(|r| r.strip_prefix(unit)) {
            return Some((Time::Unit(number.to_string(), unit.to_string()), after));
        }
    }
    Some((Time::Bare(number.to_string()), rest))
}

/// Length of a number like `5`, `0.5`, `1,5` at the start.
fn number_len(s: &str) -> usize {
    let int = s.bytes().take_while(u8::is_ascii_digit).count();
    if int == 0 {
        return 0;
    }
    let b = s.as_bytes();
    if matches!(b.get(int), Some(b'.' | b',')) {
        let frac = s[int + 1..].bytes().take_while(u8::is_ascii_digit).count();
        if frac > 0 && frac < 3 {
            return int + 1 + frac;
        }
    }
    int
}

/// "Miễn phí", "Không có thông tin", or an amount with its currency.
fn fee_token(s: &str) -> Option<(String, &str)> {
    for word in ["Miễn phí", "Miễn lệ phí", NO_INFO] {
        if let Some(rest) = s.strip_prefix(word) {
            return Some((word.to_string(), rest));
        }
    }
    let amount = s
        .bytes()
        .take_while(|b| b.is_ascii_digit() || *b == b'.' || *b == b',')
        .count();
    if amount == 0 || !s.starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    let after = &s[amount..];
    let spaced = after.strip_prefix(' ').unwrap_or(after);
    CURRENCIES.iter().find_map(|cur| {
        spaced
            .strip_prefix(cur)
            .map(|rest| (format!("{} {cur}", &s[..amount]), rest))
    })
}

/// Splits a cell that starts with "(fee details)" into the details and the description. Unbalanced
/// parentheses (the portal has some) extend the details to the last closing one.
fn split_detail(cell: &str) -> (Option<String>, &str) {
    let cell = cell.trim_start();
    if !cell.starts_with('(') || starts_with_enumerator(cell) {
        return (None, cell);
    }
    let mut depth = 0i32;
    let mut close = None;
    for (i, c) in cell.char_indices() {
        match c {
            '(' => depth += 1,
            ')' => {
                depth -= 1;
                if depth == 0 {
                    close = Some(i);
                    break;
                }
            }
            _ => {}
        }
    }
    let close = close.or_else(|| cell.rfind(')'));
    let (inner, rest) = match close {
        Some(i) => (&cell[1..i], &cell[i + 1..]),
        None => (&cell[1..], ""),
    };
    let inner = inner.trim();
    let detail = (!inner.is_empty()).then(|| inner.to_string());
    (detail, rest)
}

/// Whether a cell opens with a case number rather than fee details: "(1) Trường hợp…", "(a) Đối với…".
fn starts_with_enumerator(cell: &str) -> bool {
    let Some(close) = cell.find(')') else {
        return false;
    };
    let label = &cell[1..close];
    let short = !label.is_empty()
        && label.len() <= 3
        && (label.bytes().all(|b| b.is_ascii_digit())
            || (label.chars().count() == 1 && label.chars().all(|c| c.is_ascii_lowercase()))
            || label
                .chars()
                .all(|c| matches!(c, 'i' | 'v' | 'x' | 'I' | 'V' | 'X')));
    short
        && cell[close + 1..]
            .trim_start()
            .starts_with(char::is_alphabetic)
}

/// Writes the time: "5 ngày làm việc"; a bare number takes its unit from the description when it says
/// so, else says that the record gives none.
pub(crate) fn time_text(row: &Row) -> String {
    match &row.time {
        Time::NoInfo => NO_INFO.to_string(),
        Time::Unit(n, unit) => format!("{n} {}", unit.to_lowercase()),
        Time::Text(t) => t.clone(),
        Time::Bare(n) => {
            let context = format!(
                "{} {}",
                row.fee_detail.as_deref().unwrap_or(""),
                row.description
            )
            .to_lowercase();
            let n_trim = n.trim_start_matches('0');
            let mentions = |unit: &str| {
                [n.as_str(), n_trim]
                    .iter()
                    .filter(|v| !v.is_empty())
                    .any(|v| {
                        // "05 ngày" counts for 5, "15 ngày" does not.
                        context.match_indices(&format!("{v} {unit}")).any(|(i, _)| {
                            let before = context[..i].trim_end_matches('0');
                            !before.ends_with(|c: char| c.is_ascii_digit())
                        })
                    })
            };
            if mentions("ngày làm việc") {
                format!("{n} ngày làm việc")
            } else if mentions("giờ") {
                format!("{n} giờ")
            } else if mentions("ngày") {
                format!("{n} ngày")
            } else if context.contains("ngày làm việc") {
                format!("{n} ngày làm việc")
            } else {
                format!("{n} (không ghi đơn vị)")
            }
        }
    }
}

/// Turns rows into at most one channel per kind (in the order in person, online, post); a repeated row
/// goes into the note of the first one.
pub(crate) fn build(rows: &[Row]) -> Vec<Out> {
    let mut out: Vec<Out> = Vec::new();
    let mut seen: Vec<(ChannelKind, String, String, String)> = Vec::new();
    for row in rows {
        let time = time_text(row);
        let fee = match &row.fee_detail {
            Some(d) => format!("{} ({d})", row.fee),
            None => row.fee.clone(),
        };
        let key = (row.kind, time.clone(), fee.clone(), row.description.clone());
        if seen.contains(&key) {
            continue;
        }
        seen.push(key);
        let council = row.fee.starts_with("Miễn") && {
            let l = format!(
                "{} {}",
                row.fee_detail.as_deref().unwrap_or(""),
                row.description
            )
            .to_lowercase();
            l.contains("hội đồng nhân dân") || l.contains("hđnd")
        };
        let description = (!row.description.is_empty()).then(|| row.description.clone());
        match out.iter_mut().find(|c| c.kind == row.kind) {
            Some(first) => {
                let mut extra = format!("Trường hợp khác: thời hạn {time}; phí, lệ phí: {fee}");
                if let Some(d) = &description {
                    extra.push_str(&format!(" ({d})"));
                }
                extra.push('.');
                first.note = Some(match first.note.take() {
                    Some(n) => format!("{n} {extra}"),
                    None => extra,
                });
                first.council_fee |= council;
            }
            None => out.push(Out {
                kind: row.kind,
                time,
                fee,
                note: description,
                council_fee: council,
            }),
        }
    }
    for c in &mut out {
        if c.council_fee {
            let warn = "Cổng Dịch vụ công ghi \"Miễn phí\" nhưng phần mô tả nêu mức thu do Hội đồng nhân dân cấp tỉnh quy định; hãy hỏi nơi nộp hồ sơ.";
            c.note = Some(match c.note.take() {
                Some(n) => format!("{warn} {n}"),
                None => warn.to_string(),
            });
        }
    }
    out.sort_by_key(|c| LABELS.iter().position(|(_, k)| *k == c.kind));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rows(s: &str) -> Vec<Row> {
        let p = parse(s);
        assert!(p.leftover.is_empty(), "leftover: {}", p.leftover);
        p.rows
    }

    #[test]
    fn three_rows_with_units_and_descriptions() {
        let r = rows(
            "Hình thức nộpThời gianPhí, lệ phíMô tảTrực tuyến3 Ngày làm việcMiễn phínộp hồ sơ trực tuyến qua Cổng dịch vụ công quốc gia.Dịch vụ bưu chính3 Ngày làm việcMiễn phínộp qua bưu chính.Trực tiếp3 Ngày làm việcMiễn phínộp hồ sơ trực tiếp tại trụ sở.",
        );
        assert_eq!(r.len(), 3);
        assert_eq!(r[0].kind, ChannelKind::TrucTuyen);
        assert_eq!(r[0].time, Time::Unit("3".into(), "Ngày làm việc".into()));
        assert_eq!(r[0].fee, "Miễn phí");
        assert_eq!(
            r[0].description,
            "nộp hồ sơ trực tuyến qua Cổng dịch vụ công quốc gia."
        );
        let out = build(&r);
        assert_eq!(out[0].kind, ChannelKind::TrucTiep);
        assert_eq!(out[0].time, "3 ngày làm việc");
    }

    #[test]
    fn a_numbered_case_is_a_description_not_fee_details() {
        // 1.014237 (June 2026 crawl)
        let p = parse(
            "Hình thức nộpThời gianPhí, lệ phíMô tảTrực tiếp14 Ngày làm việcKhông có thông tin(1) Trường hợp thay đổi tên tổ chức, cá nhân thăm dò khoáng sản:\n*Cách thực hiện: Nộp hồ sơ về Bộ phận Tiếp nhận và Trả kết quả.Dịch vụ bưu chính14 Ngày làm việcKhông có thông tin(50.000 đồng/hồ sơ) gửi qua bưu điện",
        );
        assert_eq!(p.rows.len(), 2);
        assert_eq!(p.rows[0].fee, NO_INFO);
        assert_eq!(p.rows[0].fee_detail, None);
        assert!(
            p.rows[0]
                .description
                .starts_with("(1) Trường hợp thay đổi tên")
        );
        assert_eq!(p.rows[1].fee_detail.as_deref(), Some("50.000 đồng/hồ sơ"));
    }

    #[test]
    fn channel_names_inside_descriptions_do_not_start_rows() {
        let r = rows(
            "Hình thức nộpThời gianPhí, lệ phíMô tảTrực tuyến7 Ngày làm việc2,000,000 VNĐ(* Theo Thông tư 25/2022/TT-BTC: 02 triệu đồng/lần cấp.)Trực tuyến tại Cổng Dịch vụ công quốc gia.Trực tiếp7 Ngày làm việc1,000,000 VNĐ(lệ phí)Trực tiếp tại Bộ phận Một cửa",
        );
        assert_eq!(r.len(), 2);
        assert_eq!(r[0].fee, "2,000,000 VNĐ");
        assert_eq!(
            r[0].fee_detail.as_deref(),
            Some("* Theo Thông tư 25/2022/TT-BTC: 02 triệu đồng/lần cấp.")
        );
        assert_eq!(
            r[0].description,
            "Trực tuyến tại Cổng Dịch vụ công quốc gia."
        );
        assert_eq!(r[1].description, "Trực tiếp tại Bộ phận Một cửa");
        let out = build(&r);
        assert_eq!(out[0].fee, "1,000,000 VNĐ (lệ phí)");
    }

    #[test]
    fn bare_numbers_take_the_unit_from_the_description() {
        let r = rows(
            "Hình thức nộpThời gianPhí, lệ phíMô tảTrực tuyến5Miễn phíTrong thời hạn 05 ngày làm việc kể từ ngày nhận hồ sơ.Trực tiếp2Miễn phí",
        );
        let out = build(&r);
        assert_eq!(out[0].kind, ChannelKind::TrucTiep);
        assert_eq!(out[0].time, "2 (không ghi đơn vị)");
        assert_eq!(out[1].time, "5 ngày làm việc");
    }

    #[test]
    fn free_text_times_and_no_info() {
        let r = rows(
            "Hình thức nộpThời gianPhí, lệ phíMô tảTrực tuyếnKhông phải trả kết quả cho người nộp thuếMiễn phíQua Cổng dịch vụ công quốc giaTrực tiếpKhôngKhông có thông tinTại Trung tâm phục vụ hành chính côngDịch vụ bưu chínhKhông có thông tinKhông có thông tin",
        );
        assert_eq!(r.len(), 3);
        assert_eq!(
            r[0].time,
            Time::Text("Không phải trả kết quả cho người nộp thuế".into())
        );
        assert_eq!(r[1].time, Time::Text("Không".into()));
        assert_eq!(r[1].fee, NO_INFO);
        assert_eq!(r[2].time, Time::NoInfo);
        assert_eq!(r[2].fee, NO_INFO);
    }

    #[test]
    fn unbalanced_fee_details_end_at_the_last_parenthesis() {
        let r = rows(
            "Hình thức nộpThời gianPhí, lệ phíMô tảDịch vụ bưu chính15 Ngày15,000,000 VNĐ(đồng (Miễn phí từ ngày 07/4/2026 theo Thông tư 40/2026/TT-BTC)15 ngày kể từ ngày nhận hồ sơ",
        );
        assert_eq!(
            r[0].fee_detail.as_deref(),
            Some("đồng (Miễn phí từ ngày 07/4/2026 theo Thông tư 40/2026/TT-BTC")
        );
        assert_eq!(r[0].description, "15 ngày kể từ ngày nhận hồ sơ");
        assert_eq!(time_text(&r[0]), "15 ngày");
    }

    #[test]
    fn duplicate_rows_merge_into_a_note_and_council_fees_are_flagged() {
        let r = rows(
            "Hình thức nộpThời gianPhí, lệ phíMô tảTrực tiếp5 Ngày làm việcMiễn phí(Mức thu do Hội đồng nhân dân cấp tỉnh quy định)Trực tiếp10 Ngày làm việcMiễn phíTrường hợp phải xác minh",
        );
        let out = build(&r);
        assert_eq!(out.len(), 1);
        let note = out[0].note.as_deref().expect("note");
        assert!(out[0].council_fee);
        assert!(
            note.contains("Hội đồng nhân dân cấp tỉnh quy định; hãy hỏi"),
            "{note}"
        );
        assert!(
            note.contains("Trường hợp khác: thời hạn 10 ngày làm việc; phí, lệ phí: Miễn phí (Trường hợp phải xác minh)."),
            "{note}"
        );
    }

    #[test]
    fn a_time_glued_to_an_amount_is_split() {
        let r = rows(
            "Hình thức nộpThời gianPhí, lệ phíMô tảTrực tuyến120,000 VNĐ(Theo Thông tư 172/2010/TT-BTC)Trực tiếp1200 VNĐ",
        );
        assert_eq!(r[0].time, Time::Bare("1".into()));
        assert_eq!(r[0].fee, "20,000 VNĐ");
        assert_eq!(r[1].fee, "200 VNĐ");
    }

    #[test]
    fn text_without_rows_is_leftover() {
        let p = parse("Hình thức nộpThời gianPhí, lệ phíMô tảnộp tại cơ quan thuế");
        assert!(p.rows.is_empty());
        assert_eq!(p.leftover, "nộp tại cơ quan thuế");
        assert!(parse("").rows.is_empty());
    }
}
