//! The `sotay` binary: exit codes and the JSON contracts other tools read.

use std::process::Command;

use crate::common::{content_dir, fixture};

fn sotay(args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_sotay"))
        .args(args)
        .current_dir(std::env::temp_dir())
        .output()
        .expect("run sotay");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8(out.stdout).expect("utf-8 stdout"),
        String::from_utf8(out.stderr).expect("utf-8 stderr"),
    )
}

#[test]
fn check_passes_on_content_and_fails_listing_problems() {
    let content = content_dir();
    // The date rules are pinned to a day, so that the test does not change with the calendar.
    let (code, out, _) = sotay(&[
        "check",
        "--today",
        "2026-06-30",
        content.to_str().expect("path"),
    ]);
    assert_eq!(code, 0, "{out}");
    assert!(out.starts_with("OK: "), "{out}");
    // Near the end of the căn cước half rate: still OK, with warnings listed after the summary.
    let (code, out, _) = sotay(&[
        "check",
        "--today",
        "2026-12-04",
        content.to_str().expect("path"),
    ]);
    assert_eq!(code, 0, "{out}");
    assert!(out.starts_with("OK: "), "{out}");
    assert!(
        out.contains("can-cuoc/cap-doi-the-can-cuoc.md:49: cảnh báo / warning:"),
        "{out}"
    );
    // Past it: the expired rate is an error with its file and line.
    let (code, out, _) = sotay(&[
        "check",
        "--today",
        "2027-01-02",
        content.to_str().expect("path"),
    ]);
    assert_eq!(code, 1, "{out}");
    assert!(
        out.contains(
            "can-cuoc/cap-doi-the-can-cuoc.md:49: Trực tiếp: fee \"25.000 đồng/thẻ căn cước"
        ),
        "{out}"
    );
    assert!(out.contains("ended on 31/12/2026"), "{out}");
    let (code, _, err) = sotay(&[
        "check",
        "--today",
        "2027-13-01",
        content.to_str().expect("path"),
    ]);
    assert_eq!(code, 1);
    assert!(err.contains("--today"), "{err}");
    let bad = tempfile::tempdir().expect("tmp");
    std::fs::write(bad.path().join("a.md"), "+++\ncode = \"x\"\n+++\n").expect("write");
    std::fs::write(bad.path().join("b.md"), "").expect("write");
    let (code, out, _) = sotay(&["check", bad.path().to_str().expect("path")]);
    assert_eq!(code, 1);
    assert!(out.contains("a.md:2: code \"x\""), "{out}");
    assert!(out.contains("b.md:1: empty file"), "{out}");
}

#[test]
fn search_json_contract_from_outside_the_repository() {
    let (code, out, err) = sotay(&["search", "--json", "dang", "ky", "ket", "hon"]);
    assert_eq!(code, 0, "{err}");
    let v: serde_json::Value = serde_json::from_str(&out).expect("json");
    assert_eq!(v["query"], "dang ky ket hon");
    assert!(v["total"].as_u64().expect("total") >= 1);
    assert!(v["took_us"].is_u64());
    let hit = &v["hits"][0];
    assert_eq!(hit["code"], "1.000894");
    for key in ["title", "field", "snippet"] {
        assert!(hit[key].is_string(), "{key}");
    }
    assert!(hit["score"].is_f64());
}

#[test]
fn search_accepts_nfd_and_filters() {
    use unicode_normalization::UnicodeNormalization;
    let nfd: String = "đăng ký kết hôn".nfd().collect();
    let (_, out, _) = sotay(&["search", "--json", "--limit", "3", &nfd]);
    let v: serde_json::Value = serde_json::from_str(&out).expect("json");
    assert_eq!(v["hits"][0]["code"], "1.000894");
    assert!(v["hits"].as_array().expect("hits").len() <= 3);
    let (code, _, err) = sotay(&["search", "--level", "huyen", "x"]);
    assert_eq!(code, 1);
    assert!(err.contains("huyen"), "{err}");
}

#[test]
fn show_prints_a_guide_or_fails() {
    let (code, out, _) = sotay(&["show", "1.000894"]);
    assert_eq!(code, 0);
    assert!(
        out.contains("THÀNH PHẦN HỒ SƠ") && out.contains("Miễn lệ phí"),
        "{out}"
    );
    let (code, out, _) = sotay(&["show", "--json", "1.000894"]);
    assert_eq!(code, 0);
    let v: serde_json::Value = serde_json::from_str(&out).expect("json");
    assert_eq!(v["code"], "1.000894");
    assert!(v["documents"][0]["items"][0]["quantity"]["count"].is_u64());
    assert!(
        !out.contains("chưa biên tập"),
        "an edited guide has no label"
    );
    let (code, _, err) = sotay(&["show", "9.999999"]);
    assert_eq!(code, 1);
    assert!(err.contains("9.999999"));
}

#[test]
fn show_labels_a_guide_converted_from_a_national_record() {
    // Maternity pay for a citizen without compulsory insurance: a commune-level record of the
    // catalogue, not one of the edited guides.
    let (code, out, err) = sotay(&["show", "2.000693"]);
    assert_eq!(code, 0, "{err}");
    assert!(
        out.contains("[Theo dữ liệu Cổng Dịch vụ công quốc gia, 06/2026 — chưa biên tập]"),
        "{out}"
    );
    assert!(out.contains("Trang thủ tục: https://"), "{out}");
    let (_, json, _) = sotay(&["show", "--json", "2.000693"]);
    let v: serde_json::Value = serde_json::from_str(&json).expect("json");
    assert_eq!(v["origin"], "national");
    assert_eq!(v["record_date"], "2026-06");
}

#[test]
fn show_reads_another_content_folder() {
    let mini = fixture("mini");
    let (code, out, _) = sotay(&[
        "show",
        "--content",
        mini.to_str().expect("path"),
        "1.004746",
    ]);
    assert_eq!(code, 0);
    assert!(out.contains("ĐĂNG KÝ LẠI KẾT HÔN"), "{out}");
}

#[test]
fn eval_reports_metrics_and_per_query_json() {
    let dir = tempfile::tempdir().expect("tmp");
    let file = dir.path().join("q.tsv");
    std::fs::write(
        &file,
        "# test\ndang ky ket hon\t1.000894\tplain\nkhông có mã này\t9.999999\n",
    )
    .expect("write");
    let (code, out, err) = sotay(&[
        "eval",
        "--json",
        "--per-query",
        file.to_str().expect("path"),
    ]);
    assert_eq!(code, 0, "{err}");
    let v: serde_json::Value = serde_json::from_str(&out).expect("json");
    for key in [
        "recall_at_1",
        "recall_at_5",
        "recall_at_10",
        "mrr_at_10",
        "ndcg_at_10",
        "zero_result_rate",
    ] {
        assert!(v[key].is_f64(), "{key}: {v}");
    }
    assert_eq!(v["skipped"], 1);
    assert_eq!(v["queries"][0]["first_hit_rank"], 1);
    assert_eq!(v["queries"][0]["top"][0], "1.000894");
    let (code, _, err) = sotay(&["eval", file.to_str().expect("path"), "--min-mrr", "1.01"]);
    assert_eq!(code, 1, "the gate fails below the threshold");
    assert!(err.contains("GATE FAILED"));
}
