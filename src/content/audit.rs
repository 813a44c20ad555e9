//! Machine-checked facts: the rules that keep a guide's headline (a channel's time and fee, the
//! checklist, the legal basis) and the glossary's legal statements trustworthy, for the edited guides
//! (`sotay check`, through [`super::validate`]) and for the national records (the importer's to-do
//! list for the content office, which never fails an import).
//!
//! The rules, each a [`Rule`]:
//! - **bare time**: a channel time that is only a number ("1"): the portal's table lost the unit.
//! - **see notes without reason**: a time or fee that only says "xem ghi chú" / "see notes" needs a
//!   `reason`, or the headline tells the clerk nothing.
//! - **time conflict**: the headline time is shorter than a processing time the steps or notes state.
//!   Heuristic, chosen for precision over recall: only durations in working days are compared, and in
//!   the body only the statutory phrasing of a processing time counts — "NN ngày làm việc kể từ (ngày|
//!   khi|thời điểm) (tiếp) nhận (đủ) hồ sơ". Durations for a sub-step ("xác minh trong 3 ngày"),
//!   deadlines before an event ("chậm nhất 03 ngày làm việc trước…"), calendar days ("60 ngày kể từ
//!   ngày sinh") are not processing times and are ignored. A headline may be longer than any stated
//!   time (the sum of the stages, or a case the steps do not spell out), so only a stated time longer
//!   than the longest time in the headline is reported. A bare-number headline counts as that many
//!   working days.
//! - **fee expired / expiring**: a fee whose `valid_until` has passed (error) or passes within
//!   [`EXPIRY_WARNING_DAYS`] days (warning); and a dated rate written into the fee text itself
//!   ("đến hết ngày 31/12/2025") that has passed, or, not passed yet, is not stated as `valid_until`.
//! - **fee mismatch**: one channel shows the portal's bare "Miễn phí" while another channel of the same
//!   procedure names the rule that sets the fee (the fee law, a council resolution, a circular).
//! - **superseded paper**: a checklist item that asks for a paper no longer issued or valid (sổ hộ
//!   khẩu, sổ tạm trú, chứng minh nhân dân…) without `superseded`. A paper named as one alternative
//!   next to a current one ("chứng minh nhân dân, căn cước công dân hoặc hộ chiếu") is evidence the
//!   citizen may have, not a requirement, and is not reported.
//! - **repealed law**: a legal basis that names a repealed text (Luật Cư trú 81/2006, Nghị định
//!   158/2005…) without `superseded`.
//! - **glossary without source**: a glossary entry marked `legal = true` without a `source` naming an
//!   article or a legal text.

use serde::Serialize;

use crate::content::Term;
use crate::guide::{ChannelKind, Guide};

/// A fee ending within this many days is reported as a warning.
pub const EXPIRY_WARNING_DAYS: i64 = 60;

/// Papers that are no longer issued or valid, with why; a checklist item asking for one needs
/// `superseded`.
pub const SUPERSEDED_PAPERS: [(&str, &str); 5] = [
    (
        "sổ hộ khẩu",
        "sổ hộ khẩu không còn giá trị từ 01/01/2023 (khoản 3 Điều 38 Luật Cư trú số 68/2020/QH14)",
    ),
    (
        "sổ tạm trú",
        "sổ tạm trú không còn giá trị từ 01/01/2023 (khoản 3 Điều 38 Luật Cư trú số 68/2020/QH14)",
    ),
    (
        "phiếu báo thay đổi hộ khẩu",
        "mẫu theo Luật Cư trú năm 2006, hết hiệu lực từ 01/7/2021 (Điều 38 Luật Cư trú số 68/2020/QH14)",
    ),
    (
        "chứng minh nhân dân",
        "chứng minh nhân dân hết giá trị sử dụng sau ngày 31/12/2024 (Điều 46 Luật Căn cước số 26/2023/QH15)",
    ),
    (
        "cmnd",
        "chứng minh nhân dân hết giá trị sử dụng sau ngày 31/12/2024 (Điều 46 Luật Căn cước số 26/2023/QH15)",
    ),
];

/// Current papers: a superseded paper named next to one of these is an alternative, not a requirement.
const CURRENT_PAPERS: [&str; 6] = [
    "căn cước",
    "hộ chiếu",
    "giấy tờ về nơi cư trú",
    "thông tin về cư trú",
    "định danh",
    "giấy tờ tùy thân",
];

/// Repealed legal texts (matched on their number) and what replaced them.
pub const REPEALED_LAWS: [(&str, &str); 2] = [
    (
        "81/2006/qh11",
        "Luật Cư trú số 81/2006/QH11 hết hiệu lực từ 01/7/2021, thay bằng Luật Cư trú số 68/2020/QH14 (Điều 38)",
    ),
    (
        "158/2005/nđ-cp",
        "Nghị định số 158/2005/NĐ-CP về đăng ký và quản lý hộ tịch đã được thay bằng Nghị định số 123/2015/NĐ-CP (hiệu lực từ 01/01/2016)",
    ),
];

/// One rule of the checks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Rule {
    /// A time that is a bare number.
    BareTime,
    /// "Xem ghi chú" as a time or fee without a reason.
    SeeNotesWithoutReason,
    /// The headline time is shorter than a processing time in the steps or notes.
    TimeConflict,
    /// A fee whose end date has passed.
    FeeExpired,
    /// A fee whose end date is near.
    FeeExpiring,
    /// A dated rate in the fee text that has passed, or is not stated as `valid_until`.
    DatedFeeText,
    /// One channel says the fee is free while another of the same procedure cites a fee rule.
    FeeMismatch,
    /// A superseded paper asked for without the flag.
    SupersededPaper,
    /// A repealed legal text listed as a basis without the flag.
    RepealedLaw,
    /// A legal-fact glossary entry without a source.
    GlossaryWithoutSource,
}

impl Rule {
    /// Every rule, in report order.
    pub const ALL: [Rule; 10] = [
        Rule::BareTime,
        Rule::SeeNotesWithoutReason,
        Rule::TimeConflict,
        Rule::FeeExpired,
        Rule::FeeExpiring,
        Rule::DatedFeeText,
        Rule::FeeMismatch,
        Rule::SupersededPaper,
        Rule::RepealedLaw,
        Rule::GlossaryWithoutSource,
    ];

    /// A short Vietnamese and English label for reports.
    pub fn label(self) -> &'static str {
        match self {
            Rule::BareTime => "thời hạn chỉ có con số / bare number as a time",
            Rule::SeeNotesWithoutReason => {
                "“xem ghi chú” không có lý do / see-notes without a reason"
            }
            Rule::TimeConflict => {
                "thời hạn khác với trình tự / headline time differs from the steps"
            }
            Rule::FeeExpired => "mức phí đã hết hạn / fee past its end date",
            Rule::FeeExpiring => "mức phí sắp hết hạn / fee ending soon",
            Rule::DatedFeeText => "mức phí có thời hạn ghi trong lời / dated rate in the fee text",
            Rule::FeeMismatch => {
                "“Miễn phí” ở một cách nộp, quy định phí ở cách khác / bare free fee beside a fee rule"
            }
            Rule::SupersededPaper => "giấy tờ không còn dùng / superseded paper asked for",
            Rule::RepealedLaw => "văn bản đã hết hiệu lực / repealed legal basis",
            Rule::GlossaryWithoutSource => {
                "thuật ngữ nêu quy định mà không có nguồn / legal glossary fact without a source"
            }
        }
    }
}

/// How serious a finding is: an error fails `sotay check`, a warning is listed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Severity {
    /// Must be fixed.
    Error,
    /// To look at.
    Warning,
}

/// Where in a guide a finding is, to point at its line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Place {
    /// A key (`time` or `fee`) of the n-th `[[channels]]` table.
    Channel(usize, &'static str),
    /// A line of the file containing this text.
    Text(String),
}

/// One thing a rule found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    /// The rule.
    pub rule: Rule,
    /// Error or warning.
    pub severity: Severity,
    /// Where.
    pub place: Place,
    /// What is wrong and what to do, for a content editor.
    pub message: String,
}

/// Checks one guide. `today` (`YYYY-MM-DD`) turns on the date rules; without it they are skipped, so
/// that loading a handbook never depends on the clock.
pub fn check_guide(g: &Guide, today: Option<&str>) -> Vec<Finding> {
    let mut out = Vec::new();
    let stated = stated_times(g);
    for (i, c) in g.channels.iter().enumerate() {
        let label = channel_label(c.channel);
        if is_bare_number(&c.time) {
            out.push(Finding {
                rule: Rule::BareTime,
                severity: Severity::Error,
                place: Place::Channel(i, "time"),
                message: format!(
                    "{label}: time \"{}\" is a bare number; give its unit (\"{} ngày làm việc\"), from the record's steps",
                    c.time, c.time
                ),
            });
        }
        for (key, value, reason) in [
            ("time", &c.time, &c.time_reason),
            ("fee", &c.fee, &c.fee_reason),
        ] {
            if says_see_notes(value) && reason.is_none() {
                out.push(Finding {
                    rule: Rule::SeeNotesWithoutReason,
                    severity: Severity::Error,
                    place: Place::Channel(i, key),
                    message: format!(
                        "{label}: `{key}` \"{value}\" refers to the notes; write it as {key} = {{ text = \"{value}\", reason = \"…\" }}"
                    ),
                });
            }
        }
        let headline = headline_days(&c.time);
        if let Some(h) = headline
            && let Some((days, text)) = stated
                .iter()
                .filter(|(d, _)| *d > h)
                .max_by_key(|(d, _)| *d)
        {
            out.push(Finding {
                rule: Rule::TimeConflict,
                severity: Severity::Error,
                place: Place::Channel(i, "time"),
                message: format!(
                    "{label}: time \"{}\" but the guide states {days} ngày làm việc (\"{}\"); give the time the steps state, or say both plainly",
                    c.time,
                    excerpt(text, 90)
                ),
            });
        }
        if let Some(today) = today {
            if let Some(until) = &c.fee_valid_until {
                let left = days_between(today, until);
                match left {
                    Some(d) if d < 0 => out.push(Finding {
                        rule: Rule::FeeExpired,
                        severity: Severity::Error,
                        place: Place::Channel(i, "fee"),
                        message: format!(
                            "{label}: fee \"{}\" ended on {} (valid_until); the rate now is \"{}\": update the fee",
                            c.fee,
                            display_date(until),
                            c.fee_then.as_deref().unwrap_or("?")
                        ),
                    }),
                    Some(d) if d <= EXPIRY_WARNING_DAYS => out.push(Finding {
                        rule: Rule::FeeExpiring,
                        severity: Severity::Warning,
                        place: Place::Channel(i, "fee"),
                        message: format!(
                            "{label}: fee \"{}\" ends on {} ({d} day(s) left); then \"{}\"",
                            c.fee,
                            display_date(until),
                            c.fee_then.as_deref().unwrap_or("?")
                        ),
                    }),
                    _ => {}
                }
            }
            for date in end_dates(&c.fee) {
                match days_between(today, &date) {
                    Some(d) if d < 0 => out.push(Finding {
                        rule: Rule::DatedFeeText,
                        severity: Severity::Error,
                        place: Place::Channel(i, "fee"),
                        message: format!(
                            "{label}: the fee text states a rate that ended on {}; give the rate in force",
                            display_date(&date)
                        ),
                    }),
                    Some(_) if c.fee_valid_until.as_deref() != Some(date.as_str()) => {
                        out.push(Finding {
                            rule: Rule::DatedFeeText,
                            severity: Severity::Warning,
                            place: Place::Channel(i, "fee"),
                            message: format!(
                                "{label}: the fee text states a rate ending on {}; write it as fee = {{ text = \"…\", valid_until = {date}, then = \"…\" }} so that its end is checked",
                                display_date(&date)
                            ),
                        });
                    }
                    _ => {}
                }
            }
        }
    }
    if let Some(rule) = g.channels.iter().find(|c| cites_fee_rule(&c.fee)) {
        for (i, c) in g.channels.iter().enumerate() {
            if is_bare_free(&c.fee) {
                out.push(Finding {
                    rule: Rule::FeeMismatch,
                    severity: Severity::Error,
                    place: Place::Channel(i, "fee"),
                    message: format!(
                        "{}: fee \"{}\" while {} says \"{}\"; the fee does not depend on the channel unless the record says so: give the rule, or say plainly what each channel of the record states",
                        channel_label(c.channel),
                        c.fee,
                        channel_label(rule.channel),
                        excerpt(&rule.fee, 80)
                    ),
                });
            }
        }
    }
    for d in g.document_items() {
        if d.superseded.is_some() {
            continue;
        }
        if let Some((paper, why)) = superseded_paper(&d.text) {
            out.push(Finding {
                rule: Rule::SupersededPaper,
                severity: Severity::Error,
                place: Place::Text(d.text.chars().take(60).collect()),
                message: format!(
                    "the checklist asks for \"{paper}\": {why}; mark the item {{superseded = \"…\"}} or name the paper in use"
                ),
            });
        }
    }
    for law in &g.legal_basis {
        if let Some(why) = repealed(law) {
            out.push(Finding {
                rule: Rule::RepealedLaw,
                severity: Severity::Error,
                place: Place::Text(law.chars().take(60).collect()),
                message: format!(
                    "legal basis \"{law}\": {why}; write it as {{ text = \"…\", superseded = \"…\" }}"
                ),
            });
        }
    }
    out
}

/// Checks one glossary entry: a legal fact needs its source.
pub fn check_term(t: &Term) -> Option<Finding> {
    if !t.legal {
        return None;
    }
    let ok = t.source.as_deref().is_some_and(names_legal_text);
    (!ok).then(|| Finding {
        rule: Rule::GlossaryWithoutSource,
        severity: Severity::Error,
        place: Place::Text(format!("\"{}\"", t.term)),
        message: format!(
            "term \"{}\" states a legal fact (legal = true) but has no `source` naming the article and the text (\"Điều …, Luật … số …\")",
            t.term
        ),
    })
}

/// A source names an article or a numbered legal text.
fn names_legal_text(source: &str) -> bool {
    let lower = source.to_lowercase();
    (lower.contains("điều")
        || lower.contains("luật")
        || lower.contains("nghị định")
        || lower.contains("thông tư")
        || lower.contains("nghị quyết"))
        && source.chars().any(|c| c.is_ascii_digit())
}

fn channel_label(kind: ChannelKind) -> &'static str {
    kind.label()
}

/// "Miễn phí", "Miễn phí." — the portal's bare label, with nothing else said.
fn is_bare_free(fee: &str) -> bool {
    let lower = fee.trim().trim_end_matches('.').to_lowercase();
    lower == "miễn phí" || lower == "không" || lower == "0"
}

/// A fee text that names the rule that sets it (the fee law, a council resolution, a circular).
fn cites_fee_rule(fee: &str) -> bool {
    let lower = fee.to_lowercase();
    [
        "luật phí",
        "nghị quyết",
        "hđnd",
        "hội đồng nhân dân",
        "thông tư",
    ]
    .iter()
    .any(|p| lower.contains(p))
}

/// The importer's mark on a time the portal's table gives without a unit ("1 (không ghi đơn vị)").
const NO_UNIT: &str = "(không ghi đơn vị)";

/// "1", "03", "1." — a time without a unit (also as the importer writes it, "1 (không ghi đơn vị)").
pub fn is_bare_number(time: &str) -> bool {
    let t = bare_digits(time);
    !t.is_empty() && t.chars().all(|c| c.is_ascii_digit())
}

/// The text of a time without the importer's no-unit mark and a final full stop.
fn bare_digits(time: &str) -> &str {
    let t = time.trim();
    t.strip_suffix(NO_UNIT)
        .unwrap_or(t)
        .trim()
        .trim_end_matches('.')
}

/// A time or fee that only sends the reader to the notes.
pub fn says_see_notes(value: &str) -> bool {
    let lower = value.trim().to_lowercase();
    [
        "xem ghi chú",
        "xem lưu ý",
        "xem chi tiết",
        "theo ghi chú",
        "see notes",
        "see note",
    ]
    .iter()
    .any(|p| lower.starts_with(p))
}

/// The longest working-day duration a headline time states, a bare number counting as working days.
pub fn headline_days(time: &str) -> Option<u32> {
    if is_bare_number(time) {
        return bare_digits(time).parse().ok();
    }
    working_days(time).into_iter().map(|(d, _)| d).max()
}

/// Every "NN ngày làm việc" in a text, with the byte offset of the number.
pub fn working_days(text: &str) -> Vec<(u32, usize)> {
    const UNIT: &str = "ngày làm việc";
    let lower = text.to_lowercase();
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(at) = lower[from..].find(UNIT) {
        let unit = from + at;
        from = unit + UNIT.len();
        let before = lower[..unit].trim_end();
        if before.len() == lower[..unit].len() {
            continue; // no space between number and unit
        }
        let digits: String = before
            .chars()
            .rev()
            .take_while(char::is_ascii_digit)
            .collect::<Vec<_>>()
            .into_iter()
            .rev()
            .collect();
        if digits.is_empty() || digits.len() > 3 {
            continue;
        }
        let start = before.len() - digits.len();
        // Not part of a date or a number like 1.000 or 2/3.
        if before[..start]
            .chars()
            .next_back()
            .is_some_and(|c| c.is_alphanumeric() || "/.,-".contains(c))
        {
            continue;
        }
        if let Ok(n) = digits.parse() {
            out.push((n, start));
        }
    }
    out
}

/// The processing times the steps and notes state ("trong 03 ngày làm việc kể từ ngày nhận hồ sơ"),
/// with the sentence each comes from.
fn stated_times(g: &Guide) -> Vec<(u32, String)> {
    let mut out = Vec::new();
    for block in g.steps.iter().chain(&g.notes) {
        out.extend(processing_times(&block.text));
    }
    out
}

/// The durations of a text written as a processing time counted from the file's receipt.
pub fn processing_times(text: &str) -> Vec<(u32, String)> {
    const UNIT: &str = "ngày làm việc";
    let lower = text.to_lowercase();
    let mut out = Vec::new();
    for (n, at) in working_days(text) {
        let Some(unit) = lower[at..].find(UNIT) else {
            continue;
        };
        let rest = &lower[at + unit + UNIT.len()..];
        let words: Vec<&str> = rest
            .split(|c: char| c.is_whitespace() || c == ',')
            .filter(|w| !w.is_empty())
            .take(10)
            .collect();
        if counts_from_receipt(&words) {
            out.push((n, text.to_string()));
        }
    }
    out
}

/// "kể từ ngày nhận hồ sơ", "tính từ khi tiếp nhận đủ hồ sơ", "kể từ thời điểm nhận hồ sơ".
fn counts_from_receipt(words: &[&str]) -> bool {
    let mut i = 0;
    let mut next = |options: &[&str]| -> bool {
        for o in options {
            let parts: Vec<&str> = o.split(' ').collect();
            if words.len() >= i + parts.len() && words[i..i + parts.len()] == parts[..] {
                i += parts.len();
                return true;
            }
        }
        false
    };
    if !(next(&["kể từ", "tính từ"])
        && next(&["ngày", "khi", "thời điểm"])
        && next(&["tiếp nhận", "nhận"]))
    {
        return false;
    }
    next(&["đủ"]);
    next(&["hồ sơ"])
}

/// Dates a fee text ends a rate on: "đến hết ngày 31/12/2025", "đến hết 31/12/2026", "đến ngày …".
pub fn end_dates(text: &str) -> Vec<String> {
    let lower = text.to_lowercase();
    let mut out = Vec::new();
    for marker in ["đến hết ngày", "đến hết", "đến ngày"] {
        let mut from = 0;
        while let Some(at) = lower[from..].find(marker) {
            let start = from + at + marker.len();
            from = start;
            if let Some(d) = parse_vn_date(lower[start..].trim_start())
                && !out.contains(&d)
            {
                out.push(d);
            }
        }
    }
    out
}

/// "31/12/2026…" at the start of a text as `2026-12-31`.
fn parse_vn_date(text: &str) -> Option<String> {
    let head: String = text
        .chars()
        .take_while(|c| c.is_ascii_digit() || *c == '/')
        .collect();
    let mut parts = head.split('/');
    let d: u32 = parts.next()?.parse().ok()?;
    let m: u32 = parts.next()?.parse().ok()?;
    let y: i64 = parts.next()?.parse().ok()?;
    ((1..=31).contains(&d) && (1..=12).contains(&m) && (2000..=2999).contains(&y))
        .then(|| format!("{y:04}-{m:02}-{d:02}"))
}

/// The superseded paper an item asks for, unless it is named next to a current alternative.
pub fn superseded_paper(item: &str) -> Option<(&'static str, &'static str)> {
    let lower = item.to_lowercase();
    for clause in lower.split(';') {
        let current = CURRENT_PAPERS.iter().any(|p| clause.contains(p));
        if current {
            continue;
        }
        if let Some(found) = SUPERSEDED_PAPERS.iter().find(|(p, _)| clause.contains(p)) {
            return Some(*found);
        }
    }
    None
}

/// Why a legal text is repealed, if it is a known one.
pub fn repealed(law: &str) -> Option<&'static str> {
    let lower = law.to_lowercase().replace(' ', "");
    REPEALED_LAWS
        .iter()
        .find(|(number, _)| lower.contains(number))
        .map(|(_, why)| *why)
}

/// `YYYY-MM-DD` as `DD/MM/YYYY`.
pub fn display_date(iso: &str) -> String {
    let mut p = iso.split('-');
    match (p.next(), p.next(), p.next()) {
        (Some(y), Some(m), Some(d)) => format!("{d}/{m}/{y}"),
        _ => iso.to_string(),
    }
}

/// Days from `from` to `to` (both `YYYY-MM-DD`), negative when `to` is earlier.
pub fn days_between(from: &str, to: &str) -> Option<i64> {
    Some(day_number(to)? - day_number(from)?)
}

/// Whether a text is a real date `YYYY-MM-DD`.
pub fn is_date(s: &str) -> bool {
    day_number(s).is_some() && s.len() == 10
}

/// Days since 1970-01-01 of a `YYYY-MM-DD` date (the proleptic Gregorian calendar).
fn day_number(s: &str) -> Option<i64> {
    let mut p = s.trim().split('-');
    let y: i64 = p.next()?.parse().ok()?;
    let m: i64 = p.next()?.parse().ok()?;
    let d: i64 = p.next()?.parse().ok()?;
    if p.next().is_some() || !(1..=12).contains(&m) || d < 1 || d > month_days(y, m) {
        return None;
    }
    let y2 = if m <= 2 { y - 1 } else { y };
    let era = y2.div_euclid(400);
    let yoe = y2 - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    Some(era * 146_097 + doe - 719_468)
}

fn month_days(y: i64, m: i64) -> i64 {
    match m {
        2 if (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// The first `max` characters of a text, with an ellipsis when cut.
fn excerpt(text: &str, max: usize) -> String {
    let cut: String = text.chars().take(max).collect();
    if cut.len() < text.len() {
        format!("{cut}…")
    } else {
        cut
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bare_numbers_and_units() {
        assert!(is_bare_number("1"));
        assert!(is_bare_number(" 03 "));
        assert!(is_bare_number("1 (không ghi đơn vị)"));
        assert_eq!(headline_days("3 (không ghi đơn vị)"), Some(3));
        assert!(!is_bare_number("1 ngày làm việc"));
        assert!(!is_bare_number(""));
        assert_eq!(headline_days("1"), Some(1));
        assert_eq!(
            headline_days("3 ngày làm việc theo trình tự; bảng của Cổng ghi 1"),
            Some(3)
        );
        assert_eq!(headline_days("Trong ngày"), None);
    }

    #[test]
    fn only_processing_times_count() {
        let t = "Trong 03 ngày làm việc kể từ ngày nhận hồ sơ, cơ quan cập nhật thay đổi.";
        assert_eq!(processing_times(t).len(), 1);
        assert_eq!(processing_times(t)[0].0, 3);
        assert_eq!(
            processing_times("trong thời hạn 05 ngày làm việc, tính từ khi tiếp nhận đủ hồ sơ")[0]
                .0,
            5
        );
        assert!(processing_times("xác minh trong 3 ngày làm việc.").is_empty());
        assert!(processing_times("Chậm nhất 03 ngày làm việc trước ngày tạm ngừng").is_empty());
        assert!(processing_times("trong 60 ngày kể từ ngày sinh").is_empty());
        assert!(working_days("ngày 31/12/2026 ngày làm việc").is_empty());
    }

    #[test]
    fn dates() {
        assert_eq!(days_between("2026-12-31", "2027-01-02"), Some(2));
        assert_eq!(days_between("2027-01-02", "2026-12-31"), Some(-2));
        assert_eq!(days_between("2024-02-28", "2024-03-01"), Some(2));
        assert!(!is_date("2026-02-30"));
        assert!(is_date("2026-12-31"));
        assert_eq!(
            end_dates("từ 01/01/2025 đến hết ngày 31/12/2025 thu 50%"),
            vec!["2025-12-31".to_string()]
        );
    }

    #[test]
    fn superseded_papers_but_not_alternatives() {
        assert!(superseded_paper("Sổ hộ khẩu (bản chính) của cha, mẹ").is_some());
        assert!(superseded_paper("Phiếu báo thay đổi hộ khẩu, nhân khẩu theo mẫu").is_some());
        assert!(
            superseded_paper(
                "Bản sao giấy tờ: chứng minh nhân dân, căn cước công dân hoặc hộ chiếu"
            )
            .is_none()
        );
        assert!(superseded_paper("Tờ khai thay đổi thông tin cư trú").is_none());
        assert!(repealed("Luật Cư trú số 81/2006/QH11").is_some());
        assert!(repealed("Luật Cư trú số 68/2020/QH14").is_none());
    }
}
