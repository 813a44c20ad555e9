//! Bad input files: each gets a clear problem with its place, nothing panics, nothing is lost.

use std::fs;

use unicode_normalization::UnicodeNormalization;

use crate::common::{fixture, mini_copy, problems};

const GUIDE: &str = "ho-tich/ket-hon.md";

fn mini_with(path: &str, text: &[u8]) -> tempfile::TempDir {
    let dir = mini_copy();
    let target = dir.path().join(path);
    fs::create_dir_all(target.parent().expect("parent")).expect("mkdir");
    fs::write(target, text).expect("write");
    dir
}

fn original() -> String {
    fs::read_to_string(fixture("mini").join(GUIDE)).expect("fixture")
}

fn one_problem_containing(dir: &tempfile::TempDir, file: &str, needle: &str) -> String {
    let p = problems(dir.path());
    p.iter()
        .find(|l| l.starts_with(file) && l.contains(needle))
        .unwrap_or_else(|| panic!("no problem with \"{needle}\" in {file}: {p:#?}"))
        .clone()
}

#[test]
fn the_mini_fixture_loads() {
    let h = sotay::Handbook::load_dir(&fixture("mini")).expect("loads");
    assert_eq!(h.guides.len(), 2);
    assert_eq!(h.info.version, 3);
    let g = h.guide("1.000894").expect("guide");
    assert_eq!(g.documents.len(), 2);
    assert_eq!(
        g.documents[0].items[0].text,
        "Tờ khai đăng ký kết hôn theo mẫu"
    );
    assert_eq!(
        g.documents[0].items[0].quantity.as_ref().map(|q| q.count),
        Some(1)
    );
    assert!(
        g.steps[1]
            .html
            .contains("<strong>Giấy chứng nhận kết hôn</strong>")
    );
}

#[test]
fn malformed_front_matter_names_the_line() {
    let bad = original().replace("field = \"Hộ tịch\"", "field = \"Hộ tịch");
    let dir = mini_with(GUIDE, bad.as_bytes());
    let p = one_problem_containing(&dir, GUIDE, "front matter");
    assert!(p.starts_with(&format!("{GUIDE}:6:")), "{p}");
}

#[test]
fn missing_closing_delimiter_is_reported() {
    let bad = original().replacen("+++\n\n## Thành", "\n## Thành", 1);
    let dir = mini_with(GUIDE, bad.as_bytes());
    one_problem_containing(&dir, GUIDE, "no front matter");
}

#[test]
fn all_missing_fields_are_reported_together() {
    let bad = original()
        .lines()
        .filter(|l| {
            !l.starts_with("title =") && !l.starts_with("agency =") && !l.starts_with("updated =")
        })
        .collect::<Vec<_>>()
        .join("\n");
    let dir = mini_with(GUIDE, bad.as_bytes());
    for field in ["`title`", "`agency`", "`updated`"] {
        one_problem_containing(&dir, GUIDE, field);
    }
}

#[test]
fn duplicate_codes_name_both_files() {
    let dir = mini_with("ho-tich/copy.md", original().as_bytes());
    let p = one_problem_containing(&dir, "ho-tich/", "duplicate code 1.000894");
    assert!(p.contains("also used by"), "{p}");
}

#[test]
fn unknown_level_and_district_level_are_reported() {
    let dir = mini_with(
        GUIDE,
        original()
            .replace("levels = [\"xa\"]", "levels = [\"huyen\", \"quan\"]")
            .as_bytes(),
    );
    let p = one_problem_containing(&dir, GUIDE, "district level was abolished");
    assert!(p.starts_with(&format!("{GUIDE}:7:")), "{p}");
    one_problem_containing(&dir, GUIDE, "unknown level \"quan\"");
}

#[test]
fn bad_date_and_empty_checklist_and_unknown_heading_are_reported() {
    let bad = original()
        .replace("updated = 2026-06-30", "updated = \"30/6/2026\"")
        .replace("- Tờ khai đăng ký kết hôn theo mẫu (1 bản chính)\n", "")
        .replace("- Giấy tờ tùy thân có ảnh (1 bản chính)\n", "")
        .replace("## Lưu ý", "## Ghi chú");
    let dir = mini_with(GUIDE, bad.as_bytes());
    let p = problems(dir.path());
    assert!(
        p.iter()
            .any(|l| l.contains("front matter") && l.contains("updated")),
        "{p:#?}"
    );
    let bad = original()
        .replace("- Tờ khai đăng ký kết hôn theo mẫu (1 bản chính)\n", "")
        .replace("- Giấy tờ tùy thân có ảnh (1 bản chính)\n", "")
        .replace("## Lưu ý", "## Ghi chú");
    let dir = mini_with(GUIDE, bad.as_bytes());
    one_problem_containing(&dir, GUIDE, "empty checklist");
    let p = one_problem_containing(&dir, GUIDE, "unknown heading \"## Ghi chú\"");
    assert!(p.starts_with(&format!("{GUIDE}:35:")), "{p}");
}

#[test]
fn nfd_text_is_normalized_on_load() {
    let nfd: String = original().nfd().collect();
    assert_ne!(nfd, original());
    let dir = mini_with(GUIDE, nfd.as_bytes());
    let h = sotay::Handbook::load_dir(dir.path()).expect("NFD guide loads");
    assert_eq!(h.guide("1.000894").expect("guide").title, "Đăng ký kết hôn");
}

#[test]
fn empty_file_is_reported() {
    let dir = mini_with("ho-tich/rong.md", b"");
    one_problem_containing(&dir, "ho-tich/rong.md:1:", "empty file");
}

#[test]
fn non_utf8_file_is_reported_with_its_line() {
    let mut bytes = original().into_bytes();
    let at = bytes.iter().position(|&b| b == b'\n').expect("newline") + 1;
    bytes.splice(at..at, [0xff, 0xfe, b'\n']);
    let dir = mini_with(GUIDE, &bytes);
    let p = one_problem_containing(&dir, GUIDE, "not valid UTF-8");
    assert!(p.starts_with(&format!("{GUIDE}:2:")), "{p}");
}

#[test]
fn script_and_javascript_links_never_reach_the_html() {
    let hostile = original().replace(
        "- Cả hai bạn phải có mặt.",
        "- Cả hai <script>alert('x')</script> bạn [bấm](javascript:alert(1)) <img src=x onerror=alert(1)> <a href=\"javascript:void(0)\">đây</a>\n\n<script>document.cookie</script>\n\n<iframe src=\"https://evil.example\"></iframe>",
    );
    let dir = mini_with(GUIDE, hostile.as_bytes());
    let h = sotay::Handbook::load_dir(dir.path());
    // Raw HTML blocks are reported; the inline ones are stripped from the rendered item.
    let p = match h {
        Err(sotay::Error::Invalid(p)) => p,
        other => panic!("expected problems, got {other:?}"),
    };
    assert!(
        p.iter().any(|x| x.message.contains("unsupported block")),
        "{p:#?}"
    );
    let inline_only = original().replace(
        "- Cả hai bạn phải có mặt.",
        "- Cả hai <script>alert('x')</script> bạn [bấm](javascript:alert(1)) <img src=x onerror=alert(1)> <a href=\"javascript:void(0)\">đây</a>",
    );
    let dir = mini_with(GUIDE, inline_only.as_bytes());
    let h = sotay::Handbook::load_dir(dir.path()).expect("inline HTML is stripped, not an error");
    let note = &h.guide("1.000894").expect("guide").notes[0];
    for bad in ["<script", "javascript:", "onerror", "<img", "<iframe"] {
        assert!(
            !note.html.to_lowercase().contains(bad),
            "{bad} in {}",
            note.html
        );
    }
    assert!(note.html.contains("bấm"), "{}", note.html);
}

#[test]
fn a_one_megabyte_guide_loads_without_trouble() {
    let mut big = original();
    let line =
        "- Một ghi chú rất dài về giấy tờ cần mang theo khi đi làm thủ tục tại bộ phận một cửa.\n";
    while big.len() < 1_100_000 {
        big.push_str(line);
    }
    let dir = mini_with(GUIDE, big.as_bytes());
    let h = sotay::Handbook::load_dir(dir.path()).expect("1 MB guide loads");
    let notes = h.guide("1.000894").expect("guide").notes.len();
    assert!(notes > 9_000, "{notes} notes");
    let engine = sotay::Engine::new(h).expect("indexes");
    let r = engine
        .search("ghi chú rất dài", &sotay::SearchOptions::default())
        .expect("search");
    assert_eq!(r.hits[0].code, "1.000894");
}

#[test]
fn unknown_references_are_reported() {
    let dir = mini_with(
        GUIDE,
        original()
            .replace("related = [\"1.004746\"]", "related = [\"9.999999\"]")
            .replace(
                "life_events = [\"ket-hon\"]",
                "life_events = [\"khong-co\"]",
            )
            .as_bytes(),
    );
    one_problem_containing(&dir, GUIDE, "9.999999, which has no guide");
    one_problem_containing(&dir, GUIDE, "unknown life event \"khong-co\"");
}

#[test]
fn editorial_rules_catch_district_level_and_too_few_aliases() {
    let dir = mini_with(
        GUIDE,
        original()
            .replace(
                "aliases = [\"lấy vợ\", \"lấy chồng\", \"giấy đăng ký kết hôn\"]",
                "aliases = [\"lấy vợ\"]",
            )
            .replace("- Cả hai bạn phải có mặt.", "- Nộp tại UBND cấp huyện.")
            .as_bytes(),
    );
    one_problem_containing(&dir, GUIDE, "at least 3 are required");
    one_problem_containing(&dir, GUIDE, "district level");
}

#[test]
fn bad_data_files_are_reported() {
    let dir = mini_with(
        "glossary.toml",
        b"[[term]]\nterm = \"x\"\nkind = \"sai\"\nmeaning = \"y\"\n",
    );
    one_problem_containing(&dir, "glossary.toml:3:", "unknown variant");
    let dir = mini_with("families.toml", b"[[family]]\nid = \"a\"\nname = \"A\"\nquestion = \"?\"\nmembers = [\"1.000894\", \"8.888888\"]\n");
    one_problem_containing(&dir, "families.toml", "8.888888, which has no guide");
    let dir = mini_with("extra.toml", b"x = 1\n");
    one_problem_containing(&dir, "extra.toml", "unknown data file");
}

#[test]
fn a_missing_folder_is_an_io_error() {
    let err =
        sotay::Handbook::load_dir(std::path::Path::new("/nonexistent/sotay")).expect_err("fails");
    assert!(matches!(err, sotay::Error::Io { .. }), "{err}");
}
