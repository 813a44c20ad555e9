//! The export format: one CSV file holding the petitions and the ratings, for the content office.
//!
//! - UTF-8 with a byte-order mark (so that Excel shows Vietnamese correctly), CRLF line ends, RFC 4180
//!   quoting by the `csv` crate (a cell holding a comma, a quote or a line break is quoted).
//! - The header row is always written, even when there is nothing to export: [`HEADER`].
//! - One row per record; `record` tells which kind: `kien-nghi` or `phan-anh` (petitions) or `danh-gia`
//!   (a rating, whose `level` is 1 = Không hài lòng, 2 = Hài lòng, 3 = Rất hài lòng). Cells that do not apply
//!   to a kind are empty.
//! - Spreadsheet-injection defence (OWASP "CSV injection"): a cell starting with `=`, `+`, `-`, `@`, their
//!   full-width (`＝＋－＠`) or small forms, a tab or a carriage return, also after invisible characters
//!   (zero-width space, joiners, direction marks, byte-order mark), gets a leading `'`, so a spreadsheet
//!   shows it as text instead of running it as a formula.
//! - A NUL byte, which cuts a cell short in many programs, is written as U+FFFD (�). Everything else is
//!   written exactly as stored, other control characters included.
//! - After writing, [`read_back`] reads the file from disk and finds which petitions it holds intact:
//!   only those are ever marked as exported or purged.

use std::collections::HashMap;
use std::path::Path;

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
            w.write_record(petition_row(p))?;
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

/// A petition's cells as written.
fn petition_row(p: &Petition) -> [String; 10] {
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
    .map(|cell| neutralize(&cell))
}

/// Characters a spreadsheet takes as the start of a formula: ASCII, full-width and small forms.
const FORMULA_STARTS: [char; 14] = [
    '=', '+', '-', '@', '\t', '\r', '＝', '＋', '－', '＠', '﹦', '﹢', '﹣', '﹫',
];

/// Invisible characters (format controls) that may hide a formula start from a casual look.
fn is_invisible(c: char) -> bool {
    matches!(c,
        '\u{00AD}' | '\u{034F}' | '\u{061C}' | '\u{115F}' | '\u{1160}' | '\u{17B4}' | '\u{17B5}'
        | '\u{180B}'..='\u{180F}' | '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}'
        | '\u{2060}'..='\u{206F}' | '\u{3164}' | '\u{FE00}'..='\u{FE0F}' | '\u{FEFF}' | '\u{FFA0}'
        | '\u{FFF0}'..='\u{FFF8}')
}

/// A cell as written: NUL bytes replaced by U+FFFD, and a leading `'` when a spreadsheet would take it
/// for a formula (its first visible character starts one).
pub fn neutralize(cell: &str) -> String {
    let cell = cell.replace('\0', "\u{FFFD}");
    if cell
        .chars()
        .find(|&c| !is_invisible(c))
        .is_some_and(|c| FORMULA_STARTS.contains(&c))
    {
        format!("'{cell}")
    } else {
        cell
    }
}

/// Reads an export back from disk and returns the ids of the `petitions` it holds exactly as
/// [`render`] writes them. Anything else is an error saying what: a file that is not the CSV written
/// (no BOM, another header, a malformed row), a petition missing or altered, or not `ratings` rating
/// rows.
pub fn read_back(path: &Path, petitions: &[Petition], ratings: usize) -> Result<Vec<i64>, String> {
    let bytes = std::fs::read(path).map_err(|e| format!("cannot read it: {e}"))?;
    let body = bytes
        .strip_prefix("\u{feff}".as_bytes())
        .ok_or("no byte-order mark")?;
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(true)
        .from_reader(body);
    let header = reader.headers().map_err(|e| e.to_string())?;
    if header.iter().ne(HEADER) {
        return Err("the header row differs".into());
    }
    let expected: HashMap<String, &Petition> =
        petitions.iter().map(|p| (p.id.to_string(), p)).collect();
    let mut found = Vec::with_capacity(petitions.len());
    let mut rating_rows = 0;
    for record in reader.records() {
        let record = record.map_err(|e| e.to_string())?;
        if record.get(0) == Some(RATING_RECORD) {
            rating_rows += 1;
            continue;
        }
        let id = record.get(1).unwrap_or_default();
        let Some(p) = expected.get(id) else {
            return Err(format!("an unexpected petition row (id {id:?})"));
        };
        if record.iter().ne(petition_row(p).iter().map(String::as_str)) {
            return Err(format!("petition {id} differs from the database"));
        }
        found.push(p.id);
    }
    if found.len() != petitions.len() {
        return Err(format!(
            "{} petition row(s) where {} were written",
            found.len(),
            petitions.len()
        ));
    }
    let mut unique = found.clone();
    unique.sort_unstable();
    unique.dedup();
    if unique.len() != found.len() {
        return Err("a petition row appears twice".into());
    }
    if rating_rows != ratings {
        return Err(format!(
            "{rating_rows} rating row(s) where {ratings} were written"
        ));
    }
    Ok(found)
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
            ("\u{200B}=1+1", "'\u{200B}=1+1"),
            ("\u{FEFF}\u{2060}+84", "'\u{FEFF}\u{2060}+84"),
            ("＝1+1", "'＝1+1"),
            ("＋84912345678", "'＋84912345678"),
            ("－2", "'－2"),
            ("＠SUM(A1)", "'＠SUM(A1)"),
            ("\u{200B}Nguyễn", "\u{200B}Nguyễn"),
            ("a\0b", "a\u{FFFD}b"),
            ("\0=1", "\u{FFFD}=1"),
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

    #[test]
    fn read_back_finds_exactly_the_petitions_written() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("x.csv");
        let p = |id: i64, summary: &str| Petition {
            id,
            created_at: "2026-11-28T09:00:00.000Z".into(),
            kind: PetitionKind::KienNghi,
            name: "An\0".into(),
            address: "=Huế".into(),
            phone: "0905123456".into(),
            email: None,
            procedure_code: None,
            summary: summary.into(),
            exported_at: None,
        };
        let ps = [p(3, "một, hai"), p(9, "dòng\r\nmới")];
        let r = Rating {
            id: 1,
            created_at: "2026-11-28T09:01:00.000Z".into(),
            procedure_code: "1.001193".into(),
            level: 2,
        };
        let bytes = render(&ps, std::slice::from_ref(&r)).unwrap();
        std::fs::write(&path, &bytes).unwrap();
        assert_eq!(read_back(&path, &ps, 1), Ok(vec![3, 9]));
        // What the file does not hold as written is never counted as exported.
        assert!(read_back(&path, &ps, 2).is_err(), "a rating row missing");
        assert!(read_back(&path, &ps[..1], 1).is_err(), "an unexpected row");
        let altered = String::from_utf8(bytes.clone())
            .unwrap()
            .replace("một", "mot");
        std::fs::write(&path, altered).unwrap();
        assert!(
            read_back(&path, &ps, 1)
                .unwrap_err()
                .contains("petition 3 differs")
        );
        std::fs::write(&path, &bytes[..bytes.len() - 40]).unwrap();
        assert!(read_back(&path, &ps, 1).is_err(), "cut short");
        std::fs::write(&path, &bytes[3..]).unwrap();
        assert_eq!(read_back(&path, &ps, 1), Err("no byte-order mark".into()));
        std::fs::remove_file(&path).unwrap();
        assert!(read_back(&path, &ps, 1).is_err(), "no file");
    }
}
