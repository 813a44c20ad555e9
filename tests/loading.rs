//! Bad input files: each gets a clear problem with its place, nothing panics, nothing is lost.

use std::fs;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

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

/// The line of the mini guide's last note, which the tests below replace.
const NOTE: &str = "- Cả hai bạn phải có mặt.";

fn note_line() -> usize {
    original()
        .lines()
        .position(|l| l == NOTE)
        .expect("note line")
        + 1
}

/// `sotay check DIR`, killed after `limit`: its exit status and output, or `None` when it had to be
/// killed.
fn check_within(dir: &Path, limit: Duration) -> Option<(bool, String)> {
    let mut child = Command::new(env!("CARGO_BIN_EXE_sotay"))
        .arg("check")
        .arg(dir)
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("spawn sotay check");
    let started = Instant::now();
    while child.try_wait().expect("try_wait").is_none() {
        if started.elapsed() > limit {
            child.kill().expect("kill");
            child.wait().expect("reap");
            return None;
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    let out = child.wait_with_output().expect("output");
    Some((
        out.status.success(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
    ))
}

/// Defect: a guide with `"- " * 32000 + "x"` took 43 s to `check` (and 100,000 levels over 20 s, in
/// `check`, `search`, a pack install and every app start): rendering and sanitizing are quadratic in
/// the nesting. The nesting is bounded before anything is rendered, and so are line lengths.
#[test]
fn deeply_nested_markdown_is_refused_before_rendering() {
    let line = note_line();
    let nested = "markdown nested more than 16 levels deep";
    let indented: String = (0..1000)
        .map(|i| format!("{}- x\n", "  ".repeat(i)))
        .collect();
    for (what, markdown, line, expected) in [
        // The attack as found: one line, 64,001 bytes; refused for its length.
        (
            "list, 32,000 levels",
            "- ".repeat(32_000) + "x",
            line,
            "the line is 64001 bytes long",
        ),
        (
            "list, 100,000 levels",
            "- ".repeat(100_000) + "x",
            line,
            "the line is 200001 bytes long",
        ),
        // Within the line bound, refused for the nesting, at the line where it gets too deep.
        ("list", "- ".repeat(10_000) + "x", line, nested),
        ("ordered list", "1. ".repeat(8_000) + "x", line, nested),
        ("quote", "> ".repeat(16_000) + "x", line, nested),
        // A list and its item per level: 17 deep at the ninth level.
        ("indented lists", indented, line + 8, nested),
    ] {
        let dir = mini_with(GUIDE, original().replace(NOTE, &markdown).as_bytes());
        let started = Instant::now();
        let (ok, out) = check_within(dir.path(), Duration::from_secs(20))
            .unwrap_or_else(|| panic!("{what}: `sotay check` still running after 20 s"));
        eprintln!("{what}: `sotay check` answered in {:?}", started.elapsed());
        assert!(!ok, "{what}: passed");
        let p = format!("{GUIDE}:{line}: {expected}");
        assert!(out.contains(&p), "{what}: no {p:?} in {out}");
    }
}

/// So does the number of elements: each rendered block costs a fixed time, and 1 MB of one-line
/// lists took 1.7 s. The 20,001st element is reported with its line.
#[test]
fn too_many_markdown_elements_are_refused_before_rendering() {
    let line = note_line();
    let many = "- x\n".repeat(25_000);
    let dir = mini_with(GUIDE, original().replace(NOTE, &many).as_bytes());
    let p = one_problem_containing(&dir, GUIDE, "more than 20000 markdown elements");
    // At the item that goes past the bound: in the notes, after the guide's own few dozen elements.
    let at: usize = p
        .split(':')
        .nth(1)
        .and_then(|n| n.parse().ok())
        .expect("a line");
    assert!((line + 19_900..line + 20_000).contains(&at), "{p}");
}

/// Lines and guides have bounds too, each reported with its place.
#[test]
fn overlong_lines_and_files_are_reported_with_their_place() {
    let line = note_line();
    let long = format!("- {}", "dài ".repeat(10_000));
    let dir = mini_with(GUIDE, original().replace(NOTE, &long).as_bytes());
    one_problem_containing(
        &dir,
        &format!("{GUIDE}:{line}:"),
        "the line is 50002 bytes long; at most 32768 bytes are allowed",
    );
    let mut big = original();
    while big.len() <= sotay::content::MAX_GUIDE_BYTES {
        big.push_str("- Một ghi chú về giấy tờ cần mang theo khi đến bộ phận một cửa.\n");
    }
    let dir = mini_with(GUIDE, big.as_bytes());
    one_problem_containing(&dir, GUIDE, "a guide may be at most 2097152 bytes");
}

/// Defect: a guide that is a symbolic link was silently skipped (`check` counted 61 guides for 62
/// files), and so were special files. Each is reported.
#[test]
fn links_and_special_files_are_reported_not_skipped() {
    let dir = mini_copy();
    let elsewhere = tempfile::tempdir().expect("tmp");
    let target = elsewhere.path().join("khai-sinh.md");
    fs::write(&target, original().replace("1.000894", "1.001193")).expect("write");
    std::os::unix::fs::symlink(&target, dir.path().join("ho-tich/khai-sinh.md")).expect("link");
    std::os::unix::fs::symlink(elsewhere.path(), dir.path().join("them")).expect("folder link");
    let fifo = dir.path().join("ho-tich/ong.md");
    let c = std::ffi::CString::new(fifo.as_os_str().as_encoded_bytes()).expect("path");
    // SAFETY: a valid NUL-terminated path.
    assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o644) }, 0);
    one_problem_containing(&dir, "ho-tich/khai-sinh.md", "is a symbolic link");
    one_problem_containing(&dir, "them", "is a symbolic link");
    one_problem_containing(
        &dir,
        "ho-tich/ong.md",
        "is a FIFO (named pipe), not a regular file",
    );
}

/// Defect: an empty folder passed `check` (and could be signed and installed as a handbook of no
/// guide).
#[test]
fn an_empty_folder_is_not_a_handbook() {
    let dir = tempfile::tempdir().expect("tmp");
    let p = problems(dir.path());
    assert!(p.iter().any(|l| l.contains("no guide")), "{p:#?}");
    fs::write(
        dir.path().join("handbook.toml"),
        "name = \"x\"\nversion = 1\ndate = 2026-01-01\nsource = \"y\"\n",
    )
    .expect("write");
    let p = problems(dir.path());
    assert!(p.iter().any(|l| l.contains("no guide")), "{p:#?}");
}

/// Defect: without `life-events.toml`, the guides' `life_events` were not checked at all.
#[test]
fn life_events_are_checked_even_without_their_file() {
    let dir = mini_copy();
    fs::remove_file(dir.path().join("life-events.toml")).expect("remove");
    let p = one_problem_containing(&dir, GUIDE, "unknown life event \"ket-hon\"");
    assert!(p.contains("no life-events.toml"), "{p}");
}

/// Defect: NUL bytes before a heading were reported as a misleading "missing section". They are
/// reported as what they are, with their line.
#[test]
fn nul_bytes_are_reported_as_such() {
    let bad = original().replace("## Thành phần hồ sơ", "\0\0## Thành phần hồ sơ");
    let line = original()
        .lines()
        .position(|l| l == "## Thành phần hồ sơ")
        .expect("heading")
        + 1;
    let dir = mini_with(GUIDE, bad.as_bytes());
    let p = problems(dir.path());
    let mine: Vec<&String> = p.iter().filter(|l| l.starts_with(GUIDE)).collect();
    assert_eq!(mine.len(), 1, "{p:#?}");
    assert!(
        mine[0].starts_with(&format!("{GUIDE}:{line}: NUL byte")),
        "{p:#?}"
    );
}

/// The content's version is a release count, not any number.
#[test]
fn an_absurd_content_version_is_reported() {
    let text = fs::read_to_string(fixture("mini").join("handbook.toml")).expect("read");
    let dir = mini_with(
        "handbook.toml",
        text.replace("version = 3", "version = 9223372036854775807")
            .as_bytes(),
    );
    one_problem_containing(&dir, "handbook.toml:2:", "larger than 1000000");
}
