//! The QR code of the chip ID card (căn cước công dân / căn cước), as a USB scanner types it: seven
//! fields separated by `|` — ID number, old ID number, full name, date of birth `ddmmyyyy`, sex,
//! address, date of issue `ddmmyyyy`.
//!
//! A code that is damaged or of another kind is refused whole, with a message, so that it fills nothing:
//! half a name or an address cut short would be worse than an empty field. Written by hand: it is a
//! split on `|` and a few checks, no QR decoding (the scanner does that).

use serde::{Deserialize, Serialize};

use super::values::parse_date;
use super::{Form, QrPart, Values};
use crate::text::normalize;

/// What the ID card's QR code says.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CardData {
    /// The 12-digit personal identification number.
    pub id: String,
    /// The old 9-digit ID number, when the card has one.
    pub old_id: Option<String>,
    /// Full name as printed.
    pub name: String,
    /// Date of birth, `dd/mm/yyyy`.
    pub birth: String,
    /// Nam / Nữ.
    pub sex: String,
    /// Address (nơi thường trú).
    pub address: String,
    /// Date of issue, `dd/mm/yyyy`.
    pub issued: String,
}

/// The message for a code that is not an ID card's, or is damaged.
pub const UNREADABLE: &str = "Mã QR không đọc được hoặc không phải mã trên thẻ căn cước. Không mục nào được điền; hãy quét lại hoặc gõ tay.";

/// Whether typed text looks like a scanned ID card code (to tell a scan from typing in a field).
pub fn looks_like_card(text: &str) -> bool {
    text.matches('|').count() >= 5 && text.trim_start().starts_with(|c: char| c.is_ascii_digit())
}

fn date(s: &str) -> Option<String> {
    (s.len() == 8)
        .then(|| parse_date(s))
        .flatten()
        .map(|(d, m, y)| format!("{d:02}/{m:02}/{y:04}"))
}

/// Parses the text of an ID card's QR code.
pub fn parse_card(text: &str) -> Result<CardData, String> {
    let text = normalize(text.trim());
    let mut parts: Vec<&str> = text.split('|').map(str::trim).collect();
    // Some scanners add a trailing separator.
    if parts.len() == 8 && parts[7].is_empty() {
        parts.pop();
    }
    let [id, old_id, name, birth, sex, address, issued] = parts.as_slice() else {
        return Err(UNREADABLE.to_string());
    };
    let id_ok = id.len() == 12 && id.chars().all(|c| c.is_ascii_digit());
    let old_ok = old_id.is_empty()
        || ((old_id.len() == 9 || old_id.len() == 12)
            && old_id.chars().all(|c| c.is_ascii_digit()));
    let name_ok = !name.is_empty() && name.chars().all(|c| c.is_alphabetic() || c == ' ');
    let sex = match *sex {
        "Nam" | "NAM" => "Nam",
        "Nữ" | "NỮ" => "Nữ",
        _ => "",
    };
    let (Some(birth), Some(issued)) = (date(birth), date(issued)) else {
        return Err(UNREADABLE.to_string());
    };
    if !id_ok || !old_ok || !name_ok || sex.is_empty() || address.is_empty() {
        return Err(UNREADABLE.to_string());
    }
    Ok(CardData {
        id: id.to_string(),
        old_id: (!old_id.is_empty()).then(|| old_id.to_string()),
        name: name.split_whitespace().collect::<Vec<_>>().join(" "),
        birth,
        sex: sex.to_string(),
        address: address.to_string(),
        issued,
    })
}

/// The values a card fills in `form`: each field with a `qr` part gets that part.
pub fn fill(form: &Form, card: &CardData) -> Values {
    form.fields
        .iter()
        .filter_map(|f| {
            let v = match f.qr? {
                QrPart::Id => &card.id,
                QrPart::Name => &card.name,
                QrPart::Birth => &card.birth,
                QrPart::Sex => &card.sex,
                QrPart::Address => &card.address,
            };
            Some((f.name.clone(), v.clone()))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    const GOOD: &str = "001089012345|123456789|Đặng Văn Hưởng|05091989|Nam|Số 1 phố Huế, Hai Bà Trưng, Hà Nội|01022021";

    #[test]
    fn a_card_code_is_read() {
        let c = parse_card(GOOD).ok();
        let c = c.as_ref();
        assert_eq!(c.map(|c| c.name.as_str()), Some("Đặng Văn Hưởng"));
        assert_eq!(c.map(|c| c.birth.as_str()), Some("05/09/1989"));
        assert_eq!(c.map(|c| c.issued.as_str()), Some("01/02/2021"));
        assert_eq!(c.and_then(|c| c.old_id.clone()), Some("123456789".into()));
        assert!(looks_like_card(GOOD));
        assert!(parse_card(&format!("{GOOD}|")).is_ok());
        assert!(parse_card(&GOOD.replace("123456789", "")).is_ok());
    }

    #[test]
    fn damaged_or_foreign_codes_are_refused() {
        for bad in [
            "",
            "https://example.org/abc",
            "001089012345|123456789|Đặng Văn Hưởng|05091989|Nam|Hà Nội",
            "00108901234|123456789|Đặng Văn Hưởng|05091989|Nam|Hà Nội|01022021",
            "001089012345|123456789|Đặng Văn Hưởng|31021989|Nam|Hà Nội|01022021",
            "001089012345|123456789|Đặng Văn Hưởng|05091989|X|Hà Nội|01022021",
            "001089012345|123456789|Đặng V@n|05091989|Nam|Hà Nội|01022021",
            "001089012345|123456789|Đặng Văn Hưởng|05091989|Nam||01022021",
        ] {
            assert_eq!(parse_card(bad), Err(UNREADABLE.to_string()), "{bad}");
        }
    }
}
