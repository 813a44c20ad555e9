//! Checking what a person typed into a form, field by field, with a message under each refused field.
//!
//! Values are NFC-normalized and trimmed; nothing is shortened: a value longer than its field's limit
//! (a 5,000-character paste) is refused with a message, never cut. The same rules run in the UI
//! (`ui/src/lib/formfill.ts`) as the person types; this is the check of record for the PDF and the CLI.
//! Values live only in memory: this module never logs nor writes them.

use std::collections::BTreeMap;

use crate::error::FieldError;
use crate::text::normalize;

use super::{Field, FieldKind, Form};

/// The checked values of a form, by field name (absent or empty = left blank).
pub type Values = BTreeMap<String, String>;

/// The most characters any field accepts, whatever its `max`.
pub const HARD_MAX_CHARS: usize = 1000;

/// Checks `input` against `form`: every value is normalized, every refusal listed with its field.
pub fn validate(form: &Form, input: &BTreeMap<String, String>) -> Result<Values, Vec<FieldError>> {
    let mut errors = Vec::new();
    let mut out = Values::new();
    for name in input.keys() {
        if form.field(name).is_none() {
            errors.push(FieldError::new(
                name.clone(),
                format!("Tờ khai này không có mục “{name}”."),
            ));
        }
    }
    for field in &form.fields {
        let raw = input.get(&field.name).map_or("", String::as_str);
        match check(field, raw) {
            Ok(v) if v.is_empty() => {}
            Ok(v) => {
                out.insert(field.name.clone(), v);
            }
            Err(message) => errors.push(FieldError::new(field.name.clone(), message)),
        }
    }
    if errors.is_empty() {
        Ok(out)
    } else {
        Err(errors)
    }
}

/// Checks one value; returns it normalized (empty when left blank and allowed) or the message to show.
pub fn check(field: &Field, raw: &str) -> Result<String, String> {
    let chars = raw.chars().count();
    let max = field.max_chars().min(HARD_MAX_CHARS);
    if chars > max {
        return Err(format!(
            "Quá dài: mục này nhận tối đa {max} ký tự, bạn đã nhập {chars}. Không có gì bị cắt bớt; hãy viết ngắn lại."
        ));
    }
    if raw.chars().any(|c| c.is_control()) {
        return Err("Có ký tự điều khiển (xuống dòng, tab…); hãy viết trên một dòng.".into());
    }
    let value = normalize(raw)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    if value.is_empty() {
        return if field.required {
            Err("Mục này bắt buộc.".into())
        } else {
            Ok(String::new())
        };
    }
    match field.kind {
        FieldKind::Text => Ok(value),
        FieldKind::Name => check_name(&value).map(|()| value),
        FieldKind::Date => parse_date(&value)
            .map(|(d, m, y)| format!("{d:02}/{m:02}/{y:04}"))
            .ok_or_else(|| {
                "Ngày không có thật hoặc sai cách viết; viết ngày/tháng/năm, ví dụ 05/09/1990."
                    .to_string()
            }),
        FieldKind::Year => match value.parse::<u32>() {
            Ok(y) if value.len() == 4 && (1900..=2100).contains(&y) => Ok(value),
            _ => Err("Năm viết bằng bốn chữ số, ví dụ 1990.".into()),
        },
        FieldKind::IdNumber => {
            let digits: String = value.chars().filter(|c| !c.is_whitespace()).collect();
            if digits.len() == 12 && digits.chars().all(|c| c.is_ascii_digit()) {
                Ok(digits)
            } else {
                Err("Số định danh cá nhân gồm đúng 12 chữ số (in trên thẻ căn cước).".into())
            }
        }
        FieldKind::Phone => {
            let compact: String = value
                .chars()
                .filter(|c| !c.is_whitespace() && *c != '.' && *c != '-')
                .collect();
            let digits = compact.strip_prefix('+').unwrap_or(&compact);
            if (9..=15).contains(&digits.len()) && digits.chars().all(|c| c.is_ascii_digit()) {
                Ok(compact)
            } else {
                Err("Số điện thoại chỉ gồm chữ số, ví dụ 0912345678.".into())
            }
        }
        FieldKind::Choice => field
            .choices
            .iter()
            .find(|c| c.to_lowercase() == value.to_lowercase())
            .cloned()
            .ok_or_else(|| format!("Chọn một trong: {}.", field.choices.join(", "))),
        FieldKind::Tick => match value.as_str() {
            "yes" | "no" => Ok(value),
            _ => Err("Chọn Có hoặc Không.".into()),
        },
        FieldKind::Count => match value.parse::<u32>() {
            Ok(n) if (1..=99).contains(&n) && value.len() <= 2 => Ok(n.to_string()),
            _ => Err("Ghi số lượng từ 1 đến 99.".into()),
        },
    }
}

/// A name as the ID card writes it: letters only, every word starting with a capital letter.
fn check_name(value: &str) -> Result<(), String> {
    if value.chars().any(|c| !(c.is_alphabetic() || c == ' ')) {
        return Err(
            "Họ tên chỉ gồm chữ cái, viết đủ dấu như trên thẻ căn cước (không có số hay ký hiệu)."
                .into(),
        );
    }
    for word in value.split(' ') {
        let mut chars = word.chars();
        let first_upper = chars.next().is_some_and(char::is_uppercase);
        let rest: String = chars.collect();
        let rest_ok = rest.chars().all(char::is_lowercase) || rest.chars().all(char::is_uppercase);
        if !first_upper || !rest_ok {
            return Err(format!(
                "Viết hoa chữ cái đầu mỗi tiếng như trên thẻ căn cước (“{word}”), ví dụ Nguyễn Thị Ngọc Ánh."
            ));
        }
    }
    Ok(())
}

/// Parses `d/m/yyyy` (also with `-` or `.`, or `ddmmyyyy`) into a date that exists.
pub fn parse_date(value: &str) -> Option<(u32, u32, u32)> {
    let parts: Vec<&str> = if value.len() == 8 && value.chars().all(|c| c.is_ascii_digit()) {
        vec![&value[0..2], &value[2..4], &value[4..8]]
    } else {
        value.split(['/', '-', '.']).map(str::trim).collect()
    };
    let [d, m, y] = parts.as_slice() else {
        return None;
    };
    if y.len() != 4 || d.is_empty() || d.len() > 2 || m.is_empty() || m.len() > 2 {
        return None;
    }
    let (d, m, y): (u32, u32, u32) = (d.parse().ok()?, m.parse().ok()?, y.parse().ok()?);
    if !(1900..=2100).contains(&y) || !(1..=12).contains(&m) {
        return None;
    }
    let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    let days = match m {
        2 if leap => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    };
    (1..=days).contains(&d).then_some((d, m, y))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn field(kind: FieldKind, required: bool) -> Field {
        Field {
            name: "f".into(),
            kind,
            label: "F".into(),
            group: "G".into(),
            required,
            max: None,
            choices: vec!["Nam".into(), "Nữ".into()],
            qr: None,
            help: "h".into(),
            help_en: "h".into(),
        }
    }

    #[test]
    fn dates_must_exist() {
        let f = field(FieldKind::Date, true);
        assert_eq!(check(&f, "5/9/1990"), Ok("05/09/1990".into()));
        assert_eq!(check(&f, "29/02/2024"), Ok("29/02/2024".into()));
        for bad in [
            "29/02/2023",
            "31/04/2020",
            "00/01/2000",
            "12/13/2000",
            "1/1/90",
            "hôm qua",
        ] {
            assert!(check(&f, bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn id_numbers_have_twelve_digits() {
        let f = field(FieldKind::IdNumber, true);
        assert_eq!(check(&f, "001 089 012 345"), Ok("001089012345".into()));
        for bad in ["00108901234", "0010890123456", "00108901234a", "123456789"] {
            assert!(check(&f, bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn names_are_written_as_on_the_id_card() {
        let f = field(FieldKind::Name, true);
        assert_eq!(
            check(&f, "  Nguyễn  Thị Ngọc Ánh "),
            Ok("Nguyễn Thị Ngọc Ánh".into())
        );
        assert!(check(&f, "ĐẶNG VĂN HƯỞNG").is_ok());
        for bad in ["nguyễn văn a", "Nguyễn Văn 2", "Nguyễn-Văn", "NguyỄn Văn"] {
            assert!(check(&f, bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn decomposed_input_is_normalized() {
        let f = field(FieldKind::Name, true);
        // "Ánh" typed as A + combining acute: stored precomposed.
        let v = check(&f, "A\u{301}nh").unwrap_or_default();
        assert_eq!(v, "Ánh");
    }

    #[test]
    fn a_long_paste_is_refused_not_cut() {
        let f = field(FieldKind::Text, false);
        let paste = "a".repeat(5000);
        let err = check(&f, &paste).err().unwrap_or_default();
        assert!(err.contains("5000"), "{err}");
        assert!(err.contains("tối đa 200"), "{err}");
    }

    #[test]
    fn required_choice_and_tick() {
        assert!(check(&field(FieldKind::Text, true), "  ").is_err());
        assert_eq!(
            check(&field(FieldKind::Text, false), "  "),
            Ok(String::new())
        );
        assert_eq!(
            check(&field(FieldKind::Choice, true), "nữ"),
            Ok("Nữ".into())
        );
        assert!(check(&field(FieldKind::Choice, true), "Khác").is_err());
        assert!(check(&field(FieldKind::Tick, false), "maybe").is_err());
        assert!(check(&field(FieldKind::Count, false), "0").is_err());
        assert!(check(&field(FieldKind::Year, false), "90").is_err());
        assert!(check(&field(FieldKind::Text, false), "a\nb").is_err());
    }
}
