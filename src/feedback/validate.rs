//! Checking what a citizen typed into the petition form, with a Vietnamese message per field.
//!
//! Text is NFC-normalized and trimmed and otherwise kept exactly as typed: the content office must read
//! what the citizen wrote, so emoji, markup, quotes and even control characters (NUL included) pass
//! through in the name, the address and the summary. They are shown escaped and exported quoted; only the
//! phone number and the email address, which have a fixed shape, refuse them.
//!
//! Phone numbers follow the Vietnamese numbering plan, after removing spaces, dots, dashes and
//! parentheses: a mobile number `0[35789]` + 8 digits, a landline `02` + 9 digits, or either in the
//! international form `+84`/`84` without the leading 0. Short numbers (hotlines like `1022`, `1900…`) do not
//! reach a person who can be called back, so they are refused. The number is stored in that compact form.

use unicode_normalization::UnicodeNormalization;

use super::{PetitionInput, RatingInput};
use crate::error::FieldError;
use crate::guide::parse::is_valid_code;

/// Longest name, in characters.
pub const NAME_MAX: usize = 200;
/// Longest address, in characters.
pub const ADDRESS_MAX: usize = 500;
/// Longest email address, in characters (RFC 5321's path limit).
pub const EMAIL_MAX: usize = 254;
/// Shortest and longest summary, in characters.
pub const SUMMARY_CHARS: std::ops::RangeInclusive<usize> = 10..=10_000;

/// Checks a petition; returns it normalized (NFC, trimmed, compact phone, empty optional fields as
/// `None`) or every refused field with its message, in the form's order.
pub fn validate_petition(p: &PetitionInput) -> Result<PetitionInput, Vec<FieldError>> {
    let mut errors = Vec::new();
    let mut refuse = |field: &str, message: String| errors.push(FieldError::new(field, message));

    let name = clean(&p.name);
    if name.is_empty() {
        refuse("name", "Vui lòng nhập họ và tên.".into());
    } else if name.chars().count() > NAME_MAX {
        refuse(
            "name",
            format!("Họ và tên không được dài quá {NAME_MAX} ký tự."),
        );
    }

    let address = clean(&p.address);
    if address.is_empty() {
        refuse("address", "Vui lòng nhập địa chỉ.".into());
    } else if address.chars().count() > ADDRESS_MAX {
        refuse(
            "address",
            format!("Địa chỉ không được dài quá {ADDRESS_MAX} ký tự."),
        );
    }

    let phone = compact_phone(&clean(&p.phone));
    if phone.is_empty() {
        refuse("phone", "Vui lòng nhập số điện thoại.".into());
    } else if !is_vietnamese_phone(&phone) {
        refuse(
            "phone",
            "Số điện thoại không đúng. Nhập số di động 10 chữ số (ví dụ 0912 345 678) \
             hoặc số cố định có mã vùng (ví dụ 024 3825 3535)."
                .into(),
        );
    }

    let email = p.email.as_deref().map(clean).filter(|e| !e.is_empty());
    if let Some(e) = &email {
        if e.chars().count() > EMAIL_MAX {
            refuse(
                "email",
                format!("Email không được dài quá {EMAIL_MAX} ký tự."),
            );
        } else if !is_email(e) {
            refuse(
                "email",
                "Email không đúng định dạng (ví dụ: ten@example.com). Có thể để trống.".into(),
            );
        }
    }

    let procedure_code = p
        .procedure_code
        .as_deref()
        .map(clean)
        .filter(|c| !c.is_empty());
    if let Some(c) = &procedure_code
        && !is_valid_code(c)
    {
        refuse(
            "procedure_code",
            "Mã thủ tục không đúng định dạng (ví dụ: 1.000894).".into(),
        );
    }

    let summary = clean(&p.summary);
    let len = summary.chars().count();
    if summary.is_empty() {
        refuse("summary", "Vui lòng nhập nội dung tóm tắt.".into());
    } else if len < *SUMMARY_CHARS.start() {
        refuse(
            "summary",
            format!(
                "Nội dung tóm tắt cần ít nhất {} ký tự.",
                SUMMARY_CHARS.start()
            ),
        );
    } else if len > *SUMMARY_CHARS.end() {
        refuse(
            "summary",
            "Nội dung tóm tắt không được dài quá 10.000 ký tự.".into(),
        );
    }

    if !errors.is_empty() {
        return Err(errors);
    }
    Ok(PetitionInput {
        kind: p.kind,
        name,
        address,
        phone,
        email,
        procedure_code,
        summary,
    })
}

/// Checks a rating; returns it normalized or the refused fields.
pub fn validate_rating(r: &RatingInput) -> Result<RatingInput, Vec<FieldError>> {
    let mut errors = Vec::new();
    let code = clean(&r.code);
    if !is_valid_code(&code) {
        errors.push(FieldError::new(
            "code",
            "Mã thủ tục không đúng định dạng (ví dụ: 1.000894).",
        ));
    }
    if !(1..=3).contains(&r.level) {
        errors.push(FieldError::new(
            "level",
            "Mức đánh giá phải là 1 (Không hài lòng), 2 (Hài lòng) hoặc 3 (Rất hài lòng).",
        ));
    }
    if errors.is_empty() {
        Ok(RatingInput {
            code,
            level: r.level,
        })
    } else {
        Err(errors)
    }
}

/// NFC, then surrounding whitespace removed; nothing else changes.
fn clean(s: &str) -> String {
    s.nfc().collect::<String>().trim().to_string()
}

/// The phone number without the separators people type.
fn compact_phone(s: &str) -> String {
    s.chars()
        .filter(|c| !matches!(c, ' ' | '.' | '-' | '(' | ')' | '\u{a0}'))
        .collect()
}

/// Whether a compact number is a Vietnamese mobile or landline number.
pub fn is_vietnamese_phone(compact: &str) -> bool {
    let national = if let Some(rest) = compact.strip_prefix("+84") {
        rest
    } else if let Some(rest) = compact.strip_prefix("84").filter(|r| r.len() >= 9) {
        rest
    } else if let Some(rest) = compact.strip_prefix('0') {
        rest
    } else {
        return false;
    };
    if !national.bytes().all(|b| b.is_ascii_digit()) {
        return false;
    }
    match national.as_bytes().first() {
        Some(b'3' | b'5' | b'7' | b'8' | b'9') => national.len() == 9,
        Some(b'2') => national.len() == 10,
        _ => false,
    }
}

/// A simple shape check: `local@domain.tld`, no spaces or control characters, one `@`.
fn is_email(e: &str) -> bool {
    if e.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return false;
    }
    let Some((local, domain)) = e.split_once('@') else {
        return false;
    };
    !local.is_empty()
        && !domain.contains('@')
        && domain.contains('.')
        && domain
            .split('.')
            .all(|label| !label.is_empty() && !label.starts_with('-') && !label.ends_with('-'))
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use super::*;
    use crate::feedback::PetitionKind;

    fn petition() -> PetitionInput {
        PetitionInput {
            kind: PetitionKind::KienNghi,
            name: "Nguyễn Văn An".into(),
            address: "12 Lý Thường Kiệt, phường Hàng Bài".into(),
            phone: "0912 345 678".into(),
            email: None,
            procedure_code: Some("1.000894".into()),
            summary: "Đề nghị niêm yết rõ lệ phí đăng ký kết hôn.".into(),
        }
    }

    fn errors_of(p: &PetitionInput) -> Vec<(String, String)> {
        validate_petition(p)
            .unwrap_err()
            .into_iter()
            .map(|e| (e.field, e.message))
            .collect()
    }

    #[test]
    fn accepts_a_good_petition_and_normalizes_it() {
        let mut p = petition();
        p.name = "  Nguye\u{0302}\u{0303}n Văn An \n".into();
        p.email = Some("  ".into());
        p.procedure_code = Some(" 1.000894 ".into());
        let v = validate_petition(&p).unwrap();
        assert_eq!(v.name, "Nguyễn Văn An");
        assert_eq!(v.phone, "0912345678");
        assert_eq!(v.email, None);
        assert_eq!(v.procedure_code.as_deref(), Some("1.000894"));
    }

    #[test]
    fn phone_formats() {
        for ok in [
            "0912345678",
            "0312 345 678",
            "058.123.4567",
            "070-123-4567",
            "(083) 123 4567",
            "0987654321",
            "+84912345678",
            "+84 91 234 5678",
            "84912345678",
            "024 3825 3535",
            "(0236) 382 1234",
            "+84 24 3825 3535",
            "84 24 3825 3535",
        ] {
            assert!(is_vietnamese_phone(&compact_phone(ok)), "{ok}");
        }
        for bad in [
            "",
            "113",
            "1022",
            "19001234",
            "1800 1234",
            "0112345678",
            "0412345678",
            "0612345678",
            "091234567",
            "09123456789",
            "024 3825 353",
            "+8412345678",
            "+84 012 345 678",
            "849123456789",
            "0912\u{0}345678",
            "0912a45678",
            "+1 202 555 0100",
        ] {
            assert!(!is_vietnamese_phone(&compact_phone(bad)), "{bad}");
        }
    }

    #[test]
    fn each_field_has_its_message() {
        let empty = PetitionInput {
            kind: PetitionKind::PhanAnh,
            name: " ".into(),
            address: "".into(),
            phone: "".into(),
            email: None,
            procedure_code: None,
            summary: "\t".into(),
        };
        assert_eq!(
            errors_of(&empty),
            [
                ("name".into(), "Vui lòng nhập họ và tên.".into()),
                ("address".into(), "Vui lòng nhập địa chỉ.".into()),
                ("phone".into(), "Vui lòng nhập số điện thoại.".into()),
                ("summary".into(), "Vui lòng nhập nội dung tóm tắt.".into()),
            ]
        );

        let mut p = petition();
        p.name = "a".repeat(NAME_MAX + 1);
        p.address = "b".repeat(ADDRESS_MAX + 1);
        p.phone = "1900 1234".into();
        p.email = Some("an@".into());
        p.procedure_code = Some("kết hôn".into());
        p.summary = "ngắn".into();
        let errors = errors_of(&p);
        let fields: Vec<&str> = errors.iter().map(|(f, _)| f.as_str()).collect();
        assert_eq!(
            fields,
            [
                "name",
                "address",
                "phone",
                "email",
                "procedure_code",
                "summary"
            ]
        );
        assert_eq!(errors[0].1, "Họ và tên không được dài quá 200 ký tự.");
        assert_eq!(errors[1].1, "Địa chỉ không được dài quá 500 ký tự.");
        assert!(errors[2].1.starts_with("Số điện thoại không đúng."));
        assert!(errors[3].1.starts_with("Email không đúng định dạng"));
        assert_eq!(
            errors[4].1,
            "Mã thủ tục không đúng định dạng (ví dụ: 1.000894)."
        );
        assert_eq!(errors[5].1, "Nội dung tóm tắt cần ít nhất 10 ký tự.");

        p = petition();
        p.summary = "x".repeat(10_001);
        p.email = Some(format!("{}@example.com", "a".repeat(250)));
        let errors = errors_of(&p);
        assert_eq!(
            errors,
            [
                ("email".into(), "Email không được dài quá 254 ký tự.".into()),
                (
                    "summary".into(),
                    "Nội dung tóm tắt không được dài quá 10.000 ký tự.".into()
                ),
            ]
        );
    }

    #[test]
    fn limits_count_characters_not_bytes() {
        let mut p = petition();
        p.name = "Đ".repeat(NAME_MAX);
        p.address = "ề".repeat(ADDRESS_MAX);
        p.summary = "😀".repeat(10_000);
        let v = validate_petition(&p).unwrap();
        assert_eq!(v.summary.chars().count(), 10_000);
        p.summary = "😀".repeat(9);
        assert_eq!(errors_of(&p)[0].0, "summary");
    }

    #[test]
    fn hostile_text_passes_verbatim_where_free_text_is_allowed() {
        let mut p = petition();
        p.name = "Robert'); DROP TABLE petitions;--".into();
        p.address = "<script>alert(1)</script>\u{0}".into();
        p.summary = "=HYPERLINK(\"http://x\")\u{0} 😀 \"quoted\"\r\nline".into();
        let v = validate_petition(&p).unwrap();
        assert_eq!(v.name, p.name);
        assert_eq!(v.address, p.address);
        assert_eq!(v.summary, p.summary);
    }

    #[test]
    fn emails() {
        for ok in ["an@example.com", "a.b+c@mail.gov.vn", "Nguyễn@ví-dụ.vn"] {
            assert!(is_email(ok), "{ok}");
        }
        for bad in [
            "an",
            "@example.com",
            "an@",
            "an@example",
            "an@@example.com",
            "a n@example.com",
            "an@example..com",
            "an@-example.com",
            "an@example.com\u{0}",
        ] {
            assert!(!is_email(bad), "{bad}");
        }
    }

    #[test]
    fn ratings() {
        let ok = validate_rating(&RatingInput {
            code: " 1.000894 ".into(),
            level: 3,
        })
        .unwrap();
        assert_eq!(ok.code, "1.000894");
        let errors = validate_rating(&RatingInput {
            code: "x".into(),
            level: 0,
        })
        .unwrap_err();
        assert_eq!(errors.len(), 2);
        assert_eq!(errors[0].field, "code");
        assert_eq!(errors[1].field, "level");
        assert!(
            validate_rating(&RatingInput {
                code: "1.000894".into(),
                level: 4
            })
            .is_err()
        );
    }
}
