//! The declaration forms end to end: `sotay form render` writes every form blank and filled, and
//! `pdftotext -layout` reads back every official label in printing order and every filled value with
//! its diacritics. Also: the links from guides, and refusals (bad values, unknown forms).

use std::collections::BTreeMap;
use std::path::Path;
use std::process::Command;

use sotay::Handbook;
use sotay::forms::{FieldKind, Form, Line, Segment};

fn sotay(args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_sotay"))
        .args(args)
        .output()
        .unwrap_or_else(|e| panic!("sotay: {e}"));
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn pdftotext(pdf: &Path) -> String {
    let out = Command::new("pdftotext")
        .args(["-layout", "-enc", "UTF-8"])
        .arg(pdf)
        .arg("-")
        .output()
        .unwrap_or_else(|e| panic!("pdftotext (Debian package poppler-utils): {e}"));
    assert!(
        out.status.success(),
        "pdftotext failed on {}",
        pdf.display()
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// Words without dots and ellipses (the blanks), so that "Kính gửi(1):……" reads as "Kính gửi(1):".
fn tokens(text: &str) -> Vec<String> {
    text.split_whitespace()
        .map(|w| w.replace(['.', '…'], ""))
        .filter(|w| !w.is_empty())
        .collect()
}

/// Finds `words` in order in `hay` from `from`; returns the index after the last one.
fn find_in_order(hay: &[String], words: &[String], from: usize) -> Option<usize> {
    let mut i = from;
    for w in words {
        i += hay[i..].iter().position(|h| h == w)? + 1;
    }
    Some(i)
}

/// Every label of the form, in printing order. Blocks set side by side (table headers, signature
/// blocks) are read line by line across the page by `pdftotext -layout`, so each of their cells is
/// checked on its own after the previous block, and the next block after the furthest of them.
fn assert_labels_in_order(form: &Form, text: &str) {
    let hay = tokens(text);
    let mut at = 0;
    for block in form.labels() {
        let mut end = at;
        for cell in &block {
            let words = tokens(cell);
            match find_in_order(&hay, &words, at) {
                Some(e) => end = end.max(e),
                None => panic!(
                    "{}: label \"{cell}\" not found in order after word {at} in:\n{text}",
                    form.id
                ),
            }
        }
        at = end;
    }
}

/// Whether `name` is printed in a table column: a long value wraps there, and `pdftotext -layout`
/// reads its lines across the page, between the other columns' words.
fn in_table(form: &Form, name: &str) -> bool {
    form.lines.iter().any(|l| match l {
        Line::Table { body, .. } => body
            .iter()
            .flatten()
            .flatten()
            .any(|s| matches!(s, Segment::Field { name: n } if n == name)),
        _ => false,
    })
}

fn sample(form: &Form) -> BTreeMap<String, String> {
    let mut names = [
        "Nguyễn Thị Ngọc Ánh",
        "Đặng Văn Hưởng",
        "Trần Thị Thu Hường",
    ]
    .iter()
    .cycle();
    let mut texts = [
        "Ủy ban nhân dân phường Hoàn Kiếm, thành phố Hà Nội",
        "Số 12 ngõ 34 phố Hàng Bạc, phường Hoàn Kiếm",
        "Bệnh viện Phụ sản Hà Nội, số 929 đường La Thành",
        "Đăng ký thường trú vào nhà của bố mẹ",
    ]
    .iter()
    .cycle();
    form.fields
        .iter()
        .map(|f| {
            let v = match f.kind {
                FieldKind::Name => names.next().copied().unwrap_or("Ánh").to_string(),
                FieldKind::Date => "29/02/2024".to_string(),
                FieldKind::Year => "1992".to_string(),
                FieldKind::IdNumber => "001092012345".to_string(),
                FieldKind::Phone => "0912345678".to_string(),
                FieldKind::Choice => f.choices.last().cloned().unwrap_or_default(),
                FieldKind::Tick => "yes".to_string(),
                FieldKind::Count => "2".to_string(),
                FieldKind::Text => {
                    let t = texts.next().copied().unwrap_or("Kinh");
                    t.chars().take(f.max_chars()).collect()
                }
            };
            (f.name.clone(), v)
        })
        .collect()
}

#[test]
fn every_form_renders_blank_and_filled_and_reads_back() {
    let h = Handbook::embedded().unwrap_or_else(|e| panic!("{e}"));
    assert!(h.forms.len() >= 3, "forms: {}", h.forms.len());
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    for form in &h.forms {
        let blank = dir.path().join(format!("{}-blank.pdf", form.id));
        let (code, _, err) = sotay(&[
            "form",
            "render",
            &form.id,
            "--out",
            &blank.to_string_lossy(),
        ]);
        assert_eq!(code, 0, "{err}");
        let text = pdftotext(&blank);
        assert_labels_in_order(form, &text);

        let data = sample(form);
        let json = dir.path().join(format!("{}.json", form.id));
        std::fs::write(&json, serde_json::to_string(&data).unwrap_or_default())
            .unwrap_or_else(|e| panic!("{e}"));
        let filled = dir.path().join(format!("{}-filled.pdf", form.id));
        let (code, _, err) = sotay(&[
            "form",
            "render",
            &form.id,
            "--data",
            &json.to_string_lossy(),
            "--out",
            &filled.to_string_lossy(),
        ]);
        assert_eq!(code, 0, "{}: {err}", form.id);
        let text = pdftotext(&filled);
        assert_labels_in_order(form, &text);
        let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
        let compact: String = text.chars().filter(|c| !c.is_whitespace()).collect();
        for f in &form.fields {
            let v = &data[&f.name];
            match f.kind {
                // Ticks print as a box with a cross, not as text.
                FieldKind::Tick => {}
                // The 12 digits go one per box.
                FieldKind::IdNumber => assert!(compact.contains(v.as_str()), "{}: {v}", form.id),
                // In a column, the words in order (other columns' words may come between).
                _ if in_table(form, &f.name) && !flat.contains(v.as_str()) => assert!(
                    find_in_order(&tokens(&text), &tokens(v), 0).is_some(),
                    "{}: value {v:?} of {} not in:\n{text}",
                    form.id,
                    f.name
                ),
                _ => assert!(
                    flat.contains(v.as_str()),
                    "{}: value {v:?} of {} not in:\n{text}",
                    form.id,
                    f.name
                ),
            }
        }
        for name in ["Nguyễn Thị Ngọc Ánh", "Đặng Văn Hưởng"] {
            if data.values().any(|v| v == name) {
                assert!(
                    flat.contains(name),
                    "{}: {name} lost its diacritics",
                    form.id
                );
            }
        }
    }
}

#[test]
fn a_bad_value_is_refused_with_its_message_and_no_pdf() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let json = dir.path().join("bad.json");
    let long = "x".repeat(5000);
    std::fs::write(
        &json,
        serde_json::json!({
            "ho_ten": "nguyễn văn 3",
            "ngay_sinh": "31/02/1990",
            "so_dinh_danh": "12345",
            "noi_dung": long,
        })
        .to_string(),
    )
    .unwrap_or_else(|e| panic!("{e}"));
    let out = dir.path().join("bad.pdf");
    let (code, _, err) = sotay(&[
        "form",
        "render",
        "ct01",
        "--data",
        &json.to_string_lossy(),
        "--out",
        &out.to_string_lossy(),
    ]);
    assert_eq!(code, 1, "{err}");
    for field in [
        "ho_ten",
        "ngay_sinh",
        "so_dinh_danh",
        "noi_dung",
        "kinh_gui",
        "gioi_tinh",
    ] {
        assert!(
            err.contains(&format!("{field}: ")),
            "{field} not refused:\n{err}"
        );
    }
    assert!(err.contains("5000"), "{err}");
    assert!(!out.exists(), "a PDF was written from refused values");
}

#[test]
fn form_list_and_unknown_forms() {
    let (code, out, _) = sotay(&["form", "list"]);
    assert_eq!(code, 0);
    assert!(
        out.contains("ct01\tCT01\tTờ khai thay đổi thông tin cư trú"),
        "{out}"
    );
    assert!(out.contains("66/2023/TT-BCA"), "{out}");
    let (code, _, err) = sotay(&["form", "render", "ct99", "--out", "/nonexistent/x.pdf"]);
    assert_eq!(code, 1);
    assert!(err.contains("no form \"ct99\""), "{err}");
    let (code, out, _) = sotay(&["form", "check"]);
    assert_eq!(code, 0, "{out}");
}

#[test]
fn guides_link_their_forms_and_unknown_links_are_errors() {
    let h = Handbook::embedded().unwrap_or_else(|e| panic!("{e}"));
    let birth = h.guide("1.001193").unwrap_or_else(|| panic!("birth guide"));
    assert!(
        birth
            .document_items()
            .any(|i| i.form.as_deref() == Some("khai-sinh")),
        "the birth guide links the birth form"
    );
    for code in ["1.000894", "1.000593"] {
        let marriage = h
            .guide(code)
            .unwrap_or_else(|| panic!("marriage guide {code}"));
        assert!(
            marriage
                .document_items()
                .any(|i| i.form.as_deref() == Some("ket-hon")),
            "{code} links the marriage form"
        );
    }
    // An unknown form is an error of `sotay check`, at the guide's file.
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let src = crate::common::content_dir();
    let guide =
        std::fs::read_to_string(src.join("ho-tich/dang-ky-khai-sinh.md")).unwrap_or_default();
    std::fs::create_dir_all(dir.path().join("ho-tich")).unwrap_or_else(|e| panic!("{e}"));
    std::fs::create_dir_all(dir.path().join("forms")).unwrap_or_else(|e| panic!("{e}"));
    std::fs::write(
        dir.path().join("ho-tich/dang-ky-khai-sinh.md"),
        guide.replace("{form = \"khai-sinh\"}", "{form = \"khai-sinh-x\"}"),
    )
    .unwrap_or_else(|e| panic!("{e}"));
    for f in ["life-events.toml", "forms/khai-sinh.toml"] {
        std::fs::copy(src.join(f), dir.path().join(f)).unwrap_or_else(|e| panic!("{f}: {e}"));
    }
    let (code, out, _) = sotay(&["check", &dir.path().to_string_lossy()]);
    assert_eq!(code, 1, "{out}");
    assert!(
        out.contains("names an unknown form \"khai-sinh-x\""),
        "{out}"
    );
}
