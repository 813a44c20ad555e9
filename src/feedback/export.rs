//! The export format: one CSV file holding the petitions and the ratings, for the content office.
//!
//! - UTF-8 with a byte-order mark (so that Excel shows Vietnamese correctly), CRLF line ends, RFC 4180
//!   quoting by the `csv` crate (a cell holding a comma, a quote or a line break is quoted).
//! - The header row is always written, even when there is nothing to export: [`HEADER`].
//! - One row per record; `record` tells which kind: `kien-nghi` or `phan-anh` (petitions) or `danh-gia`
//!   (a rating, whose `level` is 1 = Không hài lòng, 2 = Hài lòng, 3 = Rất hài lòng). Cells that do not apply
//!   to a kind are empty.
//! - Spreadsheet-injection defence (OWASP "CSV injection"): a cell starting with `=`, `+`, `-`, `@`, a tab
//!   or a carriage return gets a leading `'`, so a spreadsheet shows it as text instead of running it as
//!   a formula. Everything else is written exactly as stored, control characters included.

use super::{Petition, Rating};

/// The header row.
pub const HEADER: [&str; 10] = [
    "record",
    "id",
    "created_at",
    "procedure_code",
    "level",
    "name",
    "address",
    "phone",
    "email",
    "summary",
];

/// The `record` value of a rating row.
pub const RATING_RECORD: &str = "danh-gia";

/// The whole export file's bytes.
pub fn render(petitions: &[Petition], ratings: &[Rating]) -> std::io::Result<Vec<u8>> {
    let mut out = "\u{feff}".as_bytes().to_vec();
    {
        let mut w = csv::WriterBuilder::new()
            .terminator(csv::Terminator::CRLF)
            .from_writer(&mut out);
        w.write_record(HEADER)?;
        for p in petitions {
            w.write_record(
                [
                    p.kind.as_str().to_string(),
                    p.id.to_string(),
                    p.created_at.clone(),
                    p.procedure_code.clone().unwrap_or_default(),
                    String::new(),
                    p.name.clone(),
                    p.address.clone(),
                    p.phone.clone(),
                    p.email.clone().unwrap_or_default(),
                    p.summary.clone(),
                ]
                .map(|cell| neutralize(&cell)),
            )?;
        }
        for r in ratings {
            w.write_record(
                [
                    RATING_RECORD.to_string(),
                    r.id.to_string(),
                    r.created_at.clone(),
                    r.procedure_code.clone(),
                    r.level.to_string(),
                    String::new(),
                    String::new(),
                    String::new(),
                    String::new(),
                    String::new(),
                ]
                .map(|cell| neutralize(&cell)),
            )?;
        }
        w.flush()?;
    }
    Ok(out)
}

/// A cell as written: with a leading `'` when a spreadsheet would take it for a formula.
pub fn neutralize(cell: &str) -> String {
    if cell.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{cell}")
    } else {
        cell.to_string()
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use super::*;
    use crate::feedback::PetitionKind;

    #[test]
    fn formula_cells_are_neutralized() {
        for (cell, out) in [
            (
                "=HYPERLINK(\"http://x\",\"y\")",
                "'=HYPERLINK(\"http://x\",\"y\")",
            ),
            ("+84912345678", "'+84912345678"),
            ("-2+3", "'-2+3"),
            ("@SUM(A1)", "'@SUM(A1)"),
            ("\tx", "'\tx"),
            ("\rx", "'\rx"),
            ("a=b", "a=b"),
            (" =1", " =1"),
            ("", ""),
            ("Nguyễn", "Nguyễn"),
        ] {
            assert_eq!(neutralize(cell), out, "{cell:?}");
        }
    }

    #[test]
    fn header_bom_and_crlf_even_when_empty() {
        let bytes = render(&[], &[]).unwrap();
        assert_eq!(
            String::from_utf8(bytes).unwrap(),
            "\u{feff}record,id,created_at,procedure_code,level,name,address,phone,email,summary\r\n"
        );
    }

    #[test]
    fn rows_are_quoted_and_kinds_named() {
        let p = Petition {
            id: 7,
            created_at: "2026-11-28T09:00:00.000Z".into(),
            kind: PetitionKind::PhanAnh,
            name: "Trần Thị \"Bé\"".into(),
            address: "Số 1, ngõ 2".into(),
            phone: "+84912345678".into(),
            email: None,
            procedure_code: Some("1.000894".into()),
            summary: "dòng 1\ndòng 2".into(),
            exported_at: None,
        };
        let r = Rating {
            id: 3,
            created_at: "2026-11-28T09:01:00.000Z".into(),
            procedure_code: "1.001193".into(),
            level: 2,
        };
        let text = String::from_utf8(render(&[p], &[r]).unwrap()).unwrap();
        let lines: Vec<&str> = text.split("\r\n").collect();
        assert_eq!(
            lines[1],
            "phan-anh,7,2026-11-28T09:00:00.000Z,1.000894,,\"Trần Thị \"\"Bé\"\"\",\"Số 1, ngõ 2\",'+84912345678,,\"dòng 1\ndòng 2\""
        );
        assert_eq!(
            lines[2],
            "danh-gia,3,2026-11-28T09:01:00.000Z,1.001193,2,,,,,"
        );
        assert_eq!(lines[3], "");
    }
}
