//! The content checks of issue 15 (`sotay::content::audit`): each rule fails a fixture made from the
//! mini handbook, and the fixed form of the same fixture passes.

use std::fs;

use sotay::Handbook;

use crate::common::{fixture, mini_copy};

const GUIDE: &str = "ho-tich/ket-hon.md";

fn original() -> String {
    fs::read_to_string(fixture("mini").join(GUIDE)).expect("fixture")
}

/// The mini handbook with the guide replaced by `text`.
fn with_guide(text: &str) -> tempfile::TempDir {
    let dir = mini_copy();
    fs::write(dir.path().join(GUIDE), text).expect("write");
    dir
}

/// The problems (errors and warnings) of a folder checked on `today`.
fn checked(dir: &tempfile::TempDir, today: &str) -> (Vec<String>, Vec<String>) {
    match Handbook::check(Some(dir.path()), today) {
        Ok(h) => (
            Vec::new(),
            h.warnings.iter().map(ToString::to_string).collect(),
        ),
        Err(sotay::Error::Invalid(p)) => (
            p.iter()
                .filter(|p| !p.warning)
                .map(ToString::to_string)
                .collect(),
            p.iter()
                .filter(|p| p.warning)
                .map(ToString::to_string)
                .collect(),
        ),
        Err(e) => panic!("unexpected error: {e}"),
    }
}

fn error_with(dir: &tempfile::TempDir, today: &str, needle: &str) -> String {
    let (errors, _) = checked(dir, today);
    errors
        .iter()
        .find(|l| l.contains(needle))
        .unwrap_or_else(|| panic!("no error with \"{needle}\": {errors:#?}"))
        .clone()
}

#[test]
fn the_mini_fixture_passes_the_checks() {
    let dir = mini_copy();
    assert_eq!(checked(&dir, "2026-12-04"), (Vec::new(), Vec::new()));
}

#[test]
fn a_bare_number_as_a_time_is_an_error_with_its_line() {
    let dir = with_guide(&original().replace("time = \"1 ngày làm việc\"", "time = \"1\""));
    let e = error_with(&dir, "2026-12-04", "bare number");
    assert!(e.starts_with(&format!("{GUIDE}:21:")), "{e}");
}

#[test]
fn see_notes_needs_a_reason() {
    let bad = original().replace("fee = \"Miễn lệ phí\"", "fee = \"Xem ghi chú\"");
    let e = error_with(&with_guide(&bad), "2026-12-04", "refers to the notes");
    assert!(e.starts_with(&format!("{GUIDE}:22:")), "{e}");
    let good = original().replace(
        "fee = \"Miễn lệ phí\"",
        "fee = { text = \"Xem ghi chú\", reason = \"Lệ phí khác nhau theo từng trường hợp\" }",
    );
    assert_eq!(
        checked(&with_guide(&good), "2026-12-04").0,
        Vec::<String>::new()
    );
}

#[test]
fn a_headline_time_shorter_than_the_steps_is_an_error_but_sub_steps_are_not() {
    let bad = original().replace(
        "1. Nộp hồ sơ.",
        "1. Trong 03 ngày làm việc kể từ ngày nhận hồ sơ, cán bộ xem xét và trả kết quả.",
    );
    let e = error_with(&with_guide(&bad), "2026-12-04", "states 3 ngày làm việc");
    assert!(e.starts_with(&format!("{GUIDE}:21:")), "{e}");
    // Saying both plainly in the headline passes.
    let plain = bad.replace(
        "time = \"1 ngày làm việc\"",
        "time = \"3 ngày làm việc theo trình tự; bảng của Cổng ghi 1\"",
    );
    assert_eq!(
        checked(&with_guide(&plain), "2026-12-04").0,
        Vec::<String>::new()
    );
    // A verification sub-step or a deadline before an event is not a processing time.
    let sub = original().replace(
        "1. Nộp hồ sơ.",
        "1. Nếu cần, xã nơi bạn thường trú xác minh trong 3 ngày làm việc; nộp chậm nhất 05 ngày làm việc trước ngày cưới.",
    );
    assert_eq!(
        checked(&with_guide(&sub), "2026-12-04").0,
        Vec::<String>::new()
    );
}

#[test]
fn a_fee_past_its_end_date_is_an_error_and_near_it_a_warning() {
    let dated = original().replace(
        "fee = \"Miễn lệ phí\"",
        "fee = { text = \"25.000 đồng\", valid_until = 2026-12-31, then = \"50.000 đồng\" }",
    );
    let dir = with_guide(&dated);
    let e = error_with(&dir, "2027-01-02", "ended on 31/12/2026");
    assert!(e.starts_with(&format!("{GUIDE}:22:")), "{e}");
    let (errors, warnings) = checked(&dir, "2026-12-04");
    assert!(errors.is_empty(), "{errors:#?}");
    assert!(
        warnings.iter().any(|w| w.contains("27 day(s) left")),
        "{warnings:#?}"
    );
    assert_eq!(checked(&dir, "2026-06-30"), (Vec::new(), Vec::new()));
    // Loading for use never depends on the clock.
    assert!(Handbook::load_dir(dir.path()).is_ok());
    // An end date needs the rate after it.
    let half = original().replace(
        "fee = \"Miễn lệ phí\"",
        "fee = { text = \"25.000 đồng\", valid_until = 2026-12-31 }",
    );
    error_with(&with_guide(&half), "2026-06-30", "needs both `valid_until`");
}

#[test]
fn a_dated_rate_in_the_fee_text_is_reported() {
    let bad = original().replace(
        "fee = \"Miễn lệ phí\"",
        "fee = \"50.000 đồng; từ 01/01/2025 đến hết ngày 31/12/2025 nộp trực tuyến thu 50%\"",
    );
    error_with(&with_guide(&bad), "2026-06-30", "ended on 31/12/2025");
}

#[test]
fn a_bare_free_fee_beside_a_fee_rule_is_an_error() {
    let two = original().replace(
        "fee = \"Miễn lệ phí\"\n",
        "fee = \"Miễn phí\"\n\n[[channels]]\nchannel = \"truc-tuyen\"\ntime = \"1 ngày làm việc\"\nfee = \"Theo Nghị quyết của HĐND cấp tỉnh\"\n",
    );
    let e = error_with(
        &with_guide(&two),
        "2026-12-04",
        "does not depend on the channel",
    );
    assert!(e.starts_with(&format!("{GUIDE}:22:")), "{e}");
}

#[test]
fn a_superseded_paper_needs_the_flag_and_then_is_not_required() {
    let bad = original().replace(
        "- Tờ khai đăng ký kết hôn theo mẫu (1 bản chính)",
        "- Tờ khai đăng ký kết hôn theo mẫu (1 bản chính)\n- Sổ hộ khẩu (1 bản chính)",
    );
    let e = error_with(&with_guide(&bad), "2026-12-04", "sổ hộ khẩu");
    assert!(e.starts_with(&format!("{GUIDE}:29:")), "{e}");
    let good = bad.replace(
        "- Sổ hộ khẩu (1 bản chính)",
        "- Sổ hộ khẩu (1 bản chính) {superseded = \"Không còn giá trị từ 01/01/2023\"}",
    );
    let dir = with_guide(&good);
    assert_eq!(checked(&dir, "2026-12-04").0, Vec::<String>::new());
    let h = Handbook::load_dir(dir.path()).expect("loads");
    let g = h.guide("1.000894").expect("guide");
    let item = g
        .document_items()
        .find(|d| d.text.starts_with("Sổ hộ khẩu"))
        .expect("item");
    assert_eq!(item.text, "Sổ hộ khẩu");
    assert_eq!(
        item.superseded.as_deref(),
        Some("Không còn giá trị từ 01/01/2023")
    );
    assert_eq!(item.quantity.as_ref().map(|q| q.count), Some(1));
    assert!(!item.html.contains("superseded"), "{}", item.html);
    assert_eq!(g.current_items().count(), g.document_items().count() - 1);
    // A superseded paper named next to a current alternative is evidence, not a requirement.
    let alt = original().replace(
        "- Giấy tờ tùy thân có ảnh (1 bản chính)",
        "- Giấy tờ có ảnh: chứng minh nhân dân, căn cước công dân hoặc hộ chiếu (1 bản chính)",
    );
    assert_eq!(
        checked(&with_guide(&alt), "2026-12-04").0,
        Vec::<String>::new()
    );
}

#[test]
fn a_repealed_legal_basis_needs_the_flag() {
    let bad = original().replace(
        "legal_basis = [\"Luật Hộ tịch số 60/2014/QH13\"]",
        "legal_basis = [\"Luật Hộ tịch số 60/2014/QH13\", \"Nghị định số 158/2005/NĐ-CP\"]",
    );
    let e = error_with(&with_guide(&bad), "2026-12-04", "158/2005");
    assert!(e.starts_with(&format!("{GUIDE}:12:")), "{e}");
    let good = original().replace(
        "legal_basis = [\"Luật Hộ tịch số 60/2014/QH13\"]",
        "legal_basis = [\"Luật Hộ tịch số 60/2014/QH13\", { text = \"Nghị định số 158/2005/NĐ-CP\", superseded = \"Thay bằng Nghị định số 123/2015/NĐ-CP\" }]",
    );
    let dir = with_guide(&good);
    assert_eq!(checked(&dir, "2026-12-04").0, Vec::<String>::new());
    let h = Handbook::load_dir(dir.path()).expect("loads");
    let g = h.guide("1.000894").expect("guide");
    assert_eq!(
        g.legal_basis,
        vec!["Luật Hộ tịch số 60/2014/QH13".to_string()]
    );
    assert_eq!(g.legal_basis_superseded.len(), 1);
}

#[test]
fn a_legal_glossary_entry_needs_a_source() {
    let dir = mini_copy();
    let path = dir.path().join("glossary.toml");
    let mut text = fs::read_to_string(&path).expect("glossary");
    text.push_str(
        "\n[[term]]\nterm = \"sổ xanh\"\nkind = \"tu-cu\"\nmeaning = \"Hết giá trị từ 01/01/2023.\"\nlegal = true\n",
    );
    fs::write(&path, &text).expect("write");
    let e = error_with(&dir, "2026-12-04", "no `source`");
    assert!(e.starts_with("glossary.toml:"), "{e}");
    fs::write(
        &path,
        format!("{text}source = \"khoản 3 Điều 38, Luật Cư trú số 68/2020/QH14\"\n"),
    )
    .expect("write");
    assert_eq!(checked(&dir, "2026-12-04").0, Vec::<String>::new());
}

#[test]
fn the_handbook_passes_and_its_cancuoc_rate_expires_on_2027_01_02() {
    let content = crate::common::content_dir();
    assert!(Handbook::check(Some(&content), "2026-06-30").is_ok());
    match Handbook::check(Some(&content), "2027-01-02") {
        Err(sotay::Error::Invalid(p)) => {
            let expired: Vec<&sotay::Problem> = p
                .iter()
                .filter(|p| p.message.contains("ended on 31/12/2026"))
                .collect();
            assert!(
                expired
                    .iter()
                    .any(|p| p.file == "can-cuoc/cap-doi-the-can-cuoc.md"),
                "{p:#?}"
            );
            assert!(
                expired
                    .iter()
                    .any(|p| p.file == "can-cuoc/cap-lai-the-can-cuoc.md"),
                "{p:#?}"
            );
        }
        other => panic!("expected the expired rate: {:?}", other.map(|h| h.warnings)),
    }
}
