//! The national-portal importer end to end: fixtures in every input format, the report, the guides it
//! writes (they must pass `sotay check`), hostile text, and an output folder that already has files.

use std::path::Path;
use std::process::Command;

use sotay::catalogue::SkipReason;
use sotay::guide::{ChannelKind, CopyForm, GroupKind, Level};
use sotay::{Guide, Handbook};
use sotay_import::{DVCQG_NAME, ImportOptions, ImportReport, import_dvcqg};

use crate::common::{dvcqg_fixture, files_under, gzip_to};

fn options() -> ImportOptions {
    ImportOptions {
        limit: None,
        date: Some("2026-06-30".to_string()),
        record_date: None,
        only_level: None,
        today: Some("2026-06-30".to_string()),
    }
}

fn import(input: &Path, out: &Path) -> ImportReport {
    import_dvcqg(input, out, &options(), &mut |_, _| {}).expect("import")
}

fn guide<'a>(h: &'a Handbook, code: &str) -> &'a Guide {
    h.guide(code).unwrap_or_else(|| panic!("guide {code}"))
}

#[test]
fn jsonl_import_passes_the_checker_with_the_expected_report() {
    let tmp = tempfile::tempdir().expect("tmp");
    let out = tmp.path().join("out");
    let report = import(&dvcqg_fixture("records.jsonl"), &out);

    assert_eq!(report.source, "records.jsonl");
    assert_eq!(report.date, "2026-06-30");
    assert_eq!(report.records, 6);
    assert_eq!(report.written, 4);
    assert_eq!(report.skipped_total(), 2);
    assert_eq!(report.skipped_for(SkipReason::MissingCode), 1);
    assert_eq!(report.skipped_for(SkipReason::DuplicateCode), 1);
    let dup = report
        .skipped
        .iter()
        .find(|s| s.reason == SkipReason::DuplicateCode)
        .expect("duplicate group");
    assert_eq!(dup.examples, vec!["line 5: 1.000236"]);
    // 1.000232 has no legal basis; 2.000717 ends with "Luật Thú y", which has no number.
    assert_eq!(report.unparsed.legal_basis, 2);
    assert_eq!(report.missing.legal_basis, 1);
    assert_eq!(report.unparsed.levels, 1, "Cấp huyện is not a level");
    assert_eq!(report.unparsed.results, 1);
    assert_eq!(report.unparsed.channels, 0);
    assert_eq!(report.unparsed.documents, 0);
    assert_eq!(report.unparsed.steps, 0);
    assert_eq!(report.sections_recovered, 1);
    assert_eq!(report.council_fee_notes, 1);
    assert_eq!(report.related_links, 2);

    // `sotay check` passes on the output.
    let h = Handbook::load_dir(&out).expect("the imported folder loads");
    assert_eq!(h.guides.len(), 4);
    assert_eq!(h.info.name, DVCQG_NAME);
    assert_eq!(h.info.version, 1);
    assert_eq!(h.info.date, "2026-06-30");
    assert_eq!(h.info.source, "records.jsonl");
    assert_eq!(h.rules.min_aliases, 0);
    assert!(!h.rules.require_life_events && !h.rules.plain_language);
    assert_eq!(
        files_under(&out),
        vec![
            "chi-tra-cac-che-do-bhxh/2.000717.md",
            "handbook.toml",
            "ho-tich/1.000894.md",
            "quan-ly-xuat-nhap-canh/1.000232.md",
            "quan-ly-xuat-nhap-canh/1.000236.md",
        ]
    );

    let g = guide(&h, "1.000236");
    assert_eq!(g.title, "Đăng ký tài khoản điện tử");
    assert_eq!(g.official_title, "Thủ tục đăng ký tài khoản điện tử");
    assert_eq!(g.levels, vec![Level::Bo]);
    assert_eq!(g.decision, "5568/QĐ-BCA");
    // A converted record is dated by the month of the portal's data, not by the day of the import.
    assert_eq!(g.updated, "2026-06");
    assert_eq!(g.origin, sotay::guide::Origin::National);
    assert_eq!(g.record_date.as_deref(), Some("2026-06"));
    assert!(g.aliases.is_empty() && g.life_events.is_empty() && g.choose_when.is_none());
    assert_eq!(
        g.applicants,
        vec!["Doanh nghiệp", "Tổ chức (không bao gồm doanh nghiệp, HTX)"]
    );
    assert_eq!(
        g.legal_basis,
        vec![
            "Luật 51/2019/QH14",
            "Quy định mẫu giấy tờ liên quan đến việc nhập cảnh, xuất cảnh, cư trú của người nước ngoài tại Việt Nam (04/2015/TT-BCA)",
            "Thông tư số 22/2023/TT-BCA",
        ]
    );
    assert_eq!(
        g.results,
        vec![
            "Công văn thông báo từ chối cấp tài khoản điện tử (NB9)",
            "Công văn trả lời về việc cấp tài khoản điện tử (mẫu NB8)",
        ]
    );
    assert!(g.summary.contains("Cục quản lý xuất nhập cảnh"));
    assert_eq!(
        g.portal_url.as_deref(),
        Some("https://dichvucong.gov.vn/thu-tuc-hanh-chinh/019d2bf7-4fc6-7310-90f6-dae0b70468ee")
    );
    // Channels: one per kind, in person first, with the time's unit in lower case.
    let kinds: Vec<ChannelKind> = g.channels.iter().map(|c| c.channel).collect();
    assert_eq!(
        kinds,
        vec![
            ChannelKind::TrucTiep,
            ChannelKind::TrucTuyen,
            ChannelKind::BuuChinh
        ]
    );
    let online = &g.channels[1];
    assert_eq!(online.time, "3 ngày làm việc");
    assert_eq!(online.fee, "Miễn phí");
    assert_eq!(
        online.note.as_deref(),
        Some("nộp hồ sơ trực tuyến qua Cổng dịch vụ công quốc gia.")
    );
    // Documents: quantities parsed, the form file separated, the 0-quantity row moved to the notes.
    let docs: Vec<_> = g.document_items().collect();
    assert_eq!(docs.len(), 2);
    assert_eq!(
        docs[0].text,
        "Văn bản đề nghị cấp tài khoản điện tử (NA19). (mẫu: Mau NA19-BCA.docx)"
    );
    let q = docs[0].quantity.as_ref().expect("quantity");
    assert_eq!((q.count, q.form), (1, CopyForm::Original));
    let q = docs[1].quantity.as_ref().expect("quantity");
    assert_eq!((q.count, q.form), (1, CopyForm::Either));
    assert_eq!(q.label, "bản chính hoặc bản sao");
    assert_eq!(g.notes[0].text, "Số lượng hồ sơ: 01 (một) bộ.");
    assert_eq!(g.steps.len(), 3);
    assert_eq!(
        g.steps[1].text,
        "Bước 2: Nộp hồ sơ: Trường hợp trực tiếp nộp hồ sơ: Nếu hồ sơ đầy đủ thì tiếp nhận, in giấy biên nhận."
    );
    assert_eq!(g.conditions.len(), 1);
}

#[test]
fn shifted_fields_are_recut_from_the_page_text() {
    let tmp = tempfile::tempdir().expect("tmp");
    let out = tmp.path().join("out");
    import(&dvcqg_fixture("records.jsonl"), &out);
    let h = Handbook::load_dir(&out).expect("loads");
    let g = guide(&h, "2.000717");
    // The crawler's steps field stops at "theo quy định tại mục"; the page text has all three steps.
    assert_eq!(g.steps.len(), 3);
    assert!(g.steps[0].text.ends_with("tại mục Thành phần hồ sơ."));
    let docs: Vec<&str> = g.document_items().map(|d| d.text.as_str()).collect();
    assert_eq!(
        docs,
        vec![
            "Giấy đề nghị nhận chế độ (mẫu số 3-CBH) có xác nhận của chính quyền địa phương",
            "Báo cáo theo Nghị định số 70/2024/NĐ-CP ngày 25/6/2024",
        ]
    );
    assert_eq!(g.documents[0].kind, GroupKind::Submit);
    // Channels: a bare number takes its unit from the description; a repeated row goes to the note; a
    // time glued to an amount is split; the council fee is flagged.
    let direct = &g.channels[0];
    assert_eq!(direct.channel, ChannelKind::TrucTiep);
    assert_eq!(direct.time, "2 ngày làm việc");
    let note = direct.note.as_deref().expect("note");
    assert!(
        note.starts_with("Cổng Dịch vụ công ghi \"Miễn phí\""),
        "{note}"
    );
    assert!(
        note.contains("Trường hợp khác: thời hạn 5 (không ghi đơn vị)"),
        "{note}"
    );
    let online = &g.channels[1];
    assert_eq!(online.time, "1 (không ghi đơn vị)");
    assert_eq!(online.fee, "20,000 VNĐ (20.000 đồng/hồ sơ)");
    assert_eq!(
        g.legal_basis,
        vec![
            "LUẬT Bảo hiểm xã hội (58/2014/QH13)",
            "Luật Khiếu nại năm 2011 (02/2011/QH13)",
            "Nghị định 98/2024/NĐ-CP",
            "Luật Thú y",
        ]
    );
    assert_eq!(g.levels, vec![Level::Bo, Level::Tinh, Level::Khac]);
    // Related: by code and by exact title, only within the import.
    assert_eq!(guide(&h, "1.000894").related, vec!["1.000236", "2.000717"]);
}

#[test]
fn hostile_text_is_inert() {
    let tmp = tempfile::tempdir().expect("tmp");
    let out = tmp.path().join("out");
    import(&dvcqg_fixture("records.jsonl"), &out);
    for rel in files_under(&out) {
        let text = std::fs::read_to_string(out.join(&rel)).expect("read");
        assert!(
            !text.to_lowercase().contains("<script"),
            "{rel} contains a script tag"
        );
        assert!(!text.contains("javascript:"), "{rel}");
        assert!(!text.contains("onerror"), "{rel}");
    }
    let h = Handbook::load_dir(&out).expect("loads");
    let g = guide(&h, "1.000232");
    assert_eq!(g.title, "Hủy tài khoản điện tử");
    assert!(g.portal_url.is_none(), "a javascript: URL is dropped");
    assert_eq!(
        g.steps.iter().map(|s| s.text.as_str()).collect::<Vec<_>>(),
        vec!["Nộp hồ sơ", "Nhận kết quả"]
    );
    // Markdown in the record stays text: no heading, table, quote or link appears.
    let g = guide(&h, "1.000894");
    let steps: Vec<&str> = g.steps.iter().map(|s| s.text.as_str()).collect();
    assert_eq!(
        steps,
        vec![
            "# Nộp hồ sơ",
            "Bước này có số",
            "| a | b |",
            "> trích dẫn",
            "[liên kết](https://x.invalid) và *nhấn mạnh* & `mã`",
        ]
    );
    // As shown: the text escaped, no link or emphasis. The handbook itself keeps no copy of that HTML.
    assert_eq!(g.steps[4].html, "");
    assert_eq!(
        g.for_display().steps[4].html,
        "[liên kết](https://x.invalid) và *nhấn mạnh* &amp; `mã`"
    );
    // The line-based checklist: groups, quantities, a 0-quantity row as a note.
    let groups: Vec<(&str, usize)> = g
        .documents
        .iter()
        .map(|d| (d.title.as_str(), d.items.len()))
        .collect();
    assert_eq!(
        groups,
        vec![("Giấy tờ phải nộp", 1), ("Giấy tờ phải xuất trình", 1)]
    );
    assert_eq!(g.documents[1].items[0].text, "# Căn cước");
    assert_eq!(g.notes[0].text, "Giấy tờ | khác");
    assert_eq!(g.channels[0].fee, "Miễn lệ phí");
    assert_eq!(g.results, vec!["Không có thông tin"]);
}

#[test]
fn json_array_and_gzip_give_the_same_guides() {
    let tmp = tempfile::tempdir().expect("tmp");
    let from_jsonl = tmp.path().join("a");
    let from_json = tmp.path().join("b");
    let from_gz = tmp.path().join("c");
    let gz = tmp.path().join("records.jsonl.gz");
    gzip_to(&dvcqg_fixture("records.jsonl"), &gz);

    let r1 = import(&dvcqg_fixture("records.jsonl"), &from_jsonl);
    let r2 = import(&dvcqg_fixture("records.json"), &from_json);
    let r3 = import(&gz, &from_gz);
    for r in [&r2, &r3] {
        assert_eq!(r.records, r1.records);
        assert_eq!(r.written, r1.written);
        assert_eq!(r.unparsed, r1.unparsed);
    }
    let files = files_under(&from_jsonl);
    assert_eq!(files_under(&from_json), files);
    assert_eq!(files_under(&from_gz), files);
    for rel in files.iter().filter(|f| f.ends_with(".md")) {
        let a = std::fs::read_to_string(from_jsonl.join(rel)).expect("a");
        assert_eq!(
            std::fs::read_to_string(from_json.join(rel)).expect("b"),
            a,
            "{rel}"
        );
        assert_eq!(
            std::fs::read_to_string(from_gz.join(rel)).expect("c"),
            a,
            "{rel}"
        );
    }
}

#[test]
fn an_output_folder_with_files_is_left_untouched() {
    let tmp = tempfile::tempdir().expect("tmp");
    let out = tmp.path().join("out");
    std::fs::create_dir(&out).expect("mkdir");
    std::fs::write(out.join("notes.txt"), "mine").expect("write");
    let err = import_dvcqg(
        &dvcqg_fixture("records.jsonl"),
        &out,
        &options(),
        &mut |_, _| {},
    )
    .expect_err("must refuse");
    assert!(err.to_string().contains("not empty"), "{err}");
    assert_eq!(files_under(&out), vec!["notes.txt"]);
    assert_eq!(
        std::fs::read_to_string(out.join("notes.txt")).expect("read"),
        "mine"
    );
    // No staging folder is left behind, and an empty folder is accepted.
    assert_eq!(
        std::fs::read_dir(tmp.path()).expect("ls").count(),
        1,
        "only `out` remains"
    );
    let empty = tmp.path().join("empty");
    std::fs::create_dir(&empty).expect("mkdir");
    assert_eq!(import(&dvcqg_fixture("records.jsonl"), &empty).written, 4);
    assert_eq!(std::fs::read_dir(tmp.path()).expect("ls").count(), 2);
}

#[test]
fn bad_lines_are_skipped_and_limit_stops_reading() {
    let tmp = tempfile::tempdir().expect("tmp");
    let input = tmp.path().join("in.jsonl");
    let good = std::fs::read_to_string(dvcqg_fixture("records.jsonl")).expect("fixture");
    let first = good.lines().next().expect("a line");
    std::fs::write(
        &input,
        format!("{first}\n\nnot json\n[1, 2]\n{{\"ma_thu_tuc\": \"abc\"}}\n"),
    )
    .expect("write");
    let report = import(&input, &tmp.path().join("out"));
    assert_eq!(report.records, 4, "the blank line is not a record");
    assert_eq!(report.written, 1);
    assert_eq!(report.skipped_for(SkipReason::InvalidRecord), 2);
    assert_eq!(report.skipped_for(SkipReason::InvalidCode), 1);

    let limited = import_dvcqg(
        &dvcqg_fixture("records.jsonl"),
        &tmp.path().join("limited"),
        &ImportOptions {
            limit: Some(2),
            ..options()
        },
        &mut |_, _| {},
    )
    .expect("import");
    assert_eq!((limited.records, limited.written), (2, 2));

    // Nothing importable: no folder is created.
    let none = tmp.path().join("none");
    std::fs::write(&input, "not json\n").expect("write");
    let report = import(&input, &none);
    assert_eq!(report.written, 0);
    assert!(!none.exists());
}

#[test]
fn cli_imports_and_check_passes() {
    let tmp = tempfile::tempdir().expect("tmp");
    let out = tmp.path().join("out");
    let sotay = |args: &[&str]| {
        Command::new(env!("CARGO_BIN_EXE_sotay"))
            .args(args)
            .output()
            .expect("run sotay")
    };
    let fixture = dvcqg_fixture("records.jsonl");
    let run = sotay(&[
        "import",
        "dvcqg",
        fixture.to_str().expect("path"),
        "--out",
        out.to_str().expect("path"),
        "--json",
    ]);
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    let v: serde_json::Value = serde_json::from_slice(&run.stdout).expect("json report");
    assert_eq!(v["written"], 4);
    assert_eq!(v["records"], 6);
    assert_eq!(v["skipped"][0]["reason"], "missing-code");

    let check = sotay(&["check", out.to_str().expect("path")]);
    assert!(check.status.success());
    assert!(String::from_utf8_lossy(&check.stdout).starts_with("OK: 4 thủ tục"));

    // Human-readable report, and failure when the folder has files.
    let again = sotay(&[
        "import",
        "dvcqg",
        fixture.to_str().expect("path"),
        "--out",
        out.to_str().expect("path"),
    ]);
    assert_eq!(again.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&again.stderr).contains("not empty"));
    let text_out = tmp.path().join("text");
    let run = sotay(&[
        "import",
        "dvcqg",
        fixture.to_str().expect("path"),
        "--out",
        text_out.to_str().expect("path"),
        "--limit",
        "1",
    ]);
    assert!(run.status.success());
    let stdout = String::from_utf8_lossy(&run.stdout);
    assert!(
        stdout.contains("Đã viết / guides written:       1"),
        "{stdout}"
    );
}

/// `sotay search --content DIR` over what `sotay import` wrote understands everyday words and
/// situations as the bundled handbook does: the language layer is the engine's, not the folder's
/// (the import writes no glossary, and none is copied in).
#[test]
fn an_imported_catalogue_understands_everyday_words() {
    let tmp = tempfile::tempdir().expect("tmp");
    let out = tmp.path().join("out");
    let catalogue = crate::common::repo().join("content/national/dvcqg-2026-06.jsonl.gz");
    let report = import(&catalogue, &out);
    assert!(report.written > 2600, "{} written", report.written);
    assert!(
        !out.join("glossary.toml").exists(),
        "the import writes no glossary"
    );
    let data = tmp.path().join("data");
    let search = |args: &[&str]| -> String {
        let output = Command::new(env!("CARGO_BIN_EXE_sotay"))
            .arg("search")
            .arg("--content")
            .arg(&out)
            .arg("--data")
            .arg(&data)
            .args(args)
            .output()
            .expect("run sotay");
        assert!(
            output.status.success(),
            "{}",
            String::from_utf8_lossy(&output.stderr)
        );
        String::from_utf8(output.stdout).expect("utf-8")
    };
    for (query, code) in [
        // A situation in everyday words: kinship + an event verb.
        ("bố tôi vừa mất", "1.000656"),
        ("sắp lấy vợ thì cần giấy tờ gì", "1.000894"),
        // An old term the glossary maps to the current one.
        ("làm lại chứng minh nhân dân", "1.014064"),
    ] {
        let json: serde_json::Value =
            serde_json::from_str(&search(&["--json", "--limit", "3", query])).expect("json");
        let codes: Vec<&str> = json["hits"]
            .as_array()
            .expect("hits")
            .iter()
            .filter_map(|h| h["code"].as_str())
            .collect();
        assert!(codes.contains(&code), "{query}: {codes:?}");
    }
    let explained = search(&["--explain", "bố tôi vừa mất"]);
    assert!(explained.contains("khai-tu"), "{explained}");
}

#[test]
fn real_records_with_glued_cells_read_cleanly() {
    // tests/fixtures/dvcqg/glued.jsonl: five records of the June 2026 crawl, unchanged.
    let tmp = tempfile::tempdir().expect("tmp");
    let out = tmp.path().join("out");
    let report = import(&dvcqg_fixture("glued.jsonl"), &out);
    assert_eq!(report.written, 5);
    let h = Handbook::load_dir(&out).expect("loads");

    // The example of issue 12: two documents were glued into one line.
    let g = guide(&h, "3.000521");
    assert_eq!(g.legal_basis.len(), 3, "{:#?}", g.legal_basis);
    // The name already gives its number: it is not repeated.
    assert!(g.legal_basis[0].starts_with("Nghị định số 184/2025/NĐ-CP của Chính phủ: Quy định"));
    assert!(g.legal_basis[0].ends_with("trong lĩnh vực an ninh, trật tự"));
    assert_eq!(g.legal_basis[1], "Luật Phòng, chống ma túy số 73/2021/QH14");
    assert!(g.legal_basis[2].ends_with("SAU CAI NGHIỆN MA TÚY (116/2021/NĐ-CP)"));

    let g = guide(&h, "1.009736");
    assert!(
        g.legal_basis
            .iter()
            .all(|e| !e.contains(";96/") && !e.contains("TT-BTCLuật")),
        "{:#?}",
        g.legal_basis
    );
    let g = guide(&h, "2.000986");
    assert!(
        g.legal_basis
            .contains(&"Thông tư 08.a/2010/TT-BTP".to_string())
    );
    assert!(
        g.legal_basis
            .contains(&"Thông tư 09b/2013/TT-BTP".to_string())
    );
    let g = guide(&h, "1.008325");
    assert!(g.legal_basis[0].starts_with("Nghị quyết số 66.16/2026/NQ-CP"));
    assert!(g.document_items().any(|d| {
        d.text
            .ends_with("Thông tư số 80/2021/TT-BTC (mẫu: 01-LP.docx)")
    }));

    // "(1) Trường hợp…" starts the description; it is not the fee's details.
    let g = guide(&h, "1.014237");
    assert_eq!(g.channels[0].fee, "Không có thông tin");
    assert!(
        g.channels[0]
            .note
            .as_deref()
            .is_some_and(|n| n.starts_with("(1) Trường hợp")),
        "{:?}",
        g.channels[0].note
    );
}

#[test]
fn crawls_are_compared_by_code_and_field() {
    use sotay_import::diff_crawls;
    let old = dvcqg_fixture("crawl-2026-03.jsonl");
    let new = dvcqg_fixture("crawl-2026-06.jsonl");
    let d = diff_crawls(&old, &new, None, &mut |_, _| {}).expect("diff");
    assert_eq!((d.old_records, d.new_records), (4, 4));
    let codes =
        |v: &[sotay_import::Procedure]| v.iter().map(|p| p.code.clone()).collect::<Vec<_>>();
    assert_eq!(codes(&d.added), vec!["1.000232"]);
    assert_eq!(codes(&d.removed), vec!["1.000253"]);
    assert_eq!(d.changed.len(), 1);
    assert_eq!(d.changed[0].code, "1.003133");
    assert_eq!(d.changed[0].fields, vec!["cach_thuc_thuc_hien"]);
    assert_eq!(d.unchanged, 2, "re-flowed whitespace is not a change");

    // Only the commune level: 1.000232 and 1.000178 are ministry-level procedures.
    let d = diff_crawls(&old, &new, Some(Level::Xa), &mut |_, _| {}).expect("diff");
    assert_eq!((d.old_records, d.new_records), (3, 2));
    assert!(d.added.is_empty());
    assert_eq!(codes(&d.removed), vec!["1.000253"]);
    assert_eq!(d.changed.len(), 1);
    assert_eq!(d.unchanged, 1);
}

#[test]
fn only_level_keeps_that_levels_procedures() {
    let tmp = tempfile::tempdir().expect("tmp");
    let out = tmp.path().join("out");
    let report = import_dvcqg(
        &dvcqg_fixture("crawl-2026-03.jsonl"),
        &out,
        &ImportOptions {
            only_level: Some(Level::Xa),
            ..options()
        },
        &mut |_, _| {},
    )
    .expect("import");
    assert_eq!(
        (report.records, report.written, report.other_levels),
        (4, 3, 1)
    );
    let h = Handbook::load_dir(&out).expect("loads");
    assert!(h.guides.iter().all(|g| g.levels.contains(&Level::Xa)));
    assert!(h.guide("1.000178").is_none());
}

#[test]
fn updated_is_the_records_month_not_the_import_day() {
    // Through `sotay import` (the import day is 2026-06-30 in `options()`)…
    let tmp = tempfile::tempdir().expect("tmp");
    let out = tmp.path().join("out");
    let report = import(&dvcqg_fixture("crawl-2026-03.jsonl"), &out);
    assert_eq!(report.record_date, "2026-03");
    let h = Handbook::load_dir(&out).expect("loads");
    for g in &h.guides {
        assert_eq!(g.updated, "2026-03", "{}", g.code);
        assert_eq!(g.record_date.as_deref(), Some("2026-03"));
    }
    // …and through the catalogue the app converts at load, whatever today is.
    let bytes = std::fs::read(dvcqg_fixture("crawl-2026-03.jsonl")).expect("fixture");
    let c = sotay::catalogue::catalogue("national/dvcqg-2026-03.jsonl", &bytes);
    assert!(c.problems.is_empty(), "{:?}", c.problems);
    assert_eq!(c.guides.len(), 4);
    let today = sotay::catalogue::today();
    for g in &c.guides {
        assert_eq!(g.updated, "2026-03");
        assert_ne!(g.updated, today);
    }
}

#[test]
fn cli_reports_changes_since_an_older_crawl() {
    let sotay = |args: &[&str]| {
        Command::new(env!("CARGO_BIN_EXE_sotay"))
            .args(args)
            .output()
            .expect("run sotay")
    };
    let old = dvcqg_fixture("crawl-2026-03.jsonl");
    let new = dvcqg_fixture("crawl-2026-06.jsonl");
    let (old, new) = (old.to_str().expect("path"), new.to_str().expect("path"));
    let run = sotay(&["import", "dvcqg", new, "--changed-since", old]);
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    let stdout = String::from_utf8_lossy(&run.stdout);
    assert!(stdout.contains("  + 1.000232 "), "{stdout}");
    assert!(stdout.contains("  - 1.000253 "), "{stdout}");
    assert!(
        stdout.contains("1.003133")
            && stdout.contains("Cách thức thực hiện (thời hạn, phí, lệ phí)"),
        "{stdout}"
    );
    let run = sotay(&[
        "import",
        "dvcqg",
        new,
        "--changed-since",
        old,
        "--only-level",
        "xa",
        "--json",
    ]);
    assert!(run.status.success());
    let v: serde_json::Value = serde_json::from_slice(&run.stdout).expect("json");
    assert_eq!(v["added"].as_array().map(Vec::len), Some(0));
    assert_eq!(v["changed"][0]["fields"][0], "cach_thuc_thuc_hien");

    // Import and compare in one run; a wrong level is refused.
    let tmp = tempfile::tempdir().expect("tmp");
    let out = tmp.path().join("out");
    let out = out.to_str().expect("path");
    let run = sotay(&[
        "import",
        "dvcqg",
        new,
        "--out",
        out,
        "--only-level",
        "bo",
        "--changed-since",
        old,
        "--json",
    ]);
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    let v: serde_json::Value = serde_json::from_slice(&run.stdout).expect("json");
    assert_eq!(v["import"]["written"], 2);
    assert_eq!(v["import"]["other_levels"], 2);
    assert_eq!(v["changes"]["added"][0]["code"], "1.000232");
    let bad = sotay(&[
        "import",
        "dvcqg",
        new,
        "--out",
        "x",
        "--only-level",
        "huyen",
    ]);
    assert!(!bad.status.success());
    let missing = sotay(&["import", "dvcqg", new]);
    assert!(
        !missing.status.success(),
        "--out or --changed-since is needed"
    );
}
