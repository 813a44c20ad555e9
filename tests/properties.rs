//! Property tests: normalization is stable, no input makes the query pipeline fail or panic, and no
//! guide of up to 1 MB, however its markdown nests, takes long to check.

use proptest::prelude::*;
use sotay::SearchOptions;
use sotay::text::{fold, normalize};

use crate::common::{engine, fixture};

/// Text mixing Vietnamese letters, combining marks, query syntax, controls and anything else.
fn messy_text() -> impl Strategy<Value = String> {
    let pieces = prop_oneof![
        Just("đăng ký".to_string()),
        Just("ddawng kys".to_string()),
        Just("\u{0301}\u{0323}".to_string()),
        Just("\" : ( ) * ~ ^ [ ] + -".to_string()),
        Just("\u{0}\u{1b}[31m".to_string()),
        Just("hộ khẩu KT3 CCCD".to_string()),
        "\\PC{0,12}",
        any::<String>(),
    ];
    prop::collection::vec(pieces, 0..8).prop_map(|v| v.join(" "))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn normalize_is_idempotent(s in "\\PC{0,40}") {
        let once = normalize(&s);
        prop_assert_eq!(normalize(&once), once.clone());
        prop_assert_eq!(fold(&fold(&once)), fold(&once));
    }

    #[test]
    fn any_query_gives_results_without_error(q in messy_text(), prefix in any::<bool>(), limit in 0usize..50) {
        let options = SearchOptions { limit, prefix, ..SearchOptions::default() };
        let r = engine().search(&q, &options).expect("search never fails on user input");
        prop_assert!(r.hits.len() <= limit.max(1));
        prop_assert!(r.total >= r.hits.len());
        for h in &r.hits {
            prop_assert!(!h.snippet.contains("<script"));
            prop_assert!(engine().handbook().guide(&h.code).is_some());
        }
    }
}

/// Markdown nesting every way the renderer knows: a short unit of list markers, quotes, emphasis,
/// links, code and indentation, repeated on one line or over lines (indented deeper each time), up to
/// about 1 MB.
fn nested_markdown() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("- "),
        Just("* "),
        Just("1. "),
        Just("> "),
        Just("**"),
        Just("*"),
        Just("_"),
        Just("~~"),
        Just("["),
        Just("]("),
        Just(")"),
        Just("`"),
        Just("<b>"),
        Just("x "),
        Just("\\"),
        Just("| "),
    ];
    (
        prop::collection::vec(piece, 1..6),
        1usize..=200_000,
        0usize..3,
    )
        .prop_map(|(unit, repeat, shape)| {
            let unit = unit.concat();
            let fit = |n: usize, each: usize| n.min(1_000_000 / each.max(1));
            match shape {
                // One line: `- - - - … x`.
                0 => unit.repeat(fit(repeat, unit.len())) + "x",
                // One unit a line, each indented two more spaces than the last.
                1 => {
                    let n = fit(repeat, unit.len() + 4).min(1_000);
                    (0..n)
                        .map(|i| format!("{}{unit}x\n", "  ".repeat(i)))
                        .collect()
                }
                // The same line many times (broad rather than deep).
                _ => {
                    let line = unit.repeat(fit(repeat, unit.len()).min(64)) + "x\n";
                    line.repeat(1_000_000 / line.len())
                }
            }
        })
}

/// Checks a handbook whose one guide's last note is `markdown` (any outcome) and returns how long it
/// took. The guide is at most about 1 MB.
#[test]
fn nested_markdown_checks_in_bounded_time() {
    use proptest::test_runner::{Config, TestRunner};
    use sotay::content::SourceFile;
    use std::time::{Duration, Instant};

    let root = fixture("mini");
    let mut files: Vec<SourceFile> = Vec::new();
    for path in [
        "handbook.toml",
        "life-events.toml",
        "families.toml",
        "glossary.toml",
        "ho-tich/ket-hon.md",
        "ho-tich/dang-ky-lai-ket-hon.md",
    ] {
        files.push(SourceFile {
            path: path.to_string(),
            bytes: std::fs::read(root.join(path)).expect("fixture"),
            too_large: None,
            unusable: None,
        });
    }
    let guide = String::from_utf8(files[4].bytes.clone()).expect("UTF-8");
    let mut runner = TestRunner::new(Config {
        cases: 48,
        ..Config::default()
    });
    let times: std::cell::RefCell<Vec<(Duration, usize, bool, String)>> = Default::default();
    runner
        .run(&nested_markdown(), |markdown| {
            let mut all = files.clone();
            all[4].bytes = guide
                .replace("- Cả hai bạn phải có mặt.", &markdown)
                .into_bytes();
            let size = all[4].bytes.len();
            let started = Instant::now();
            let loaded = sotay::Handbook::from_files("nested", all).is_ok();
            let shape: String = markdown.chars().take(24).collect();
            times
                .borrow_mut()
                .push((started.elapsed(), size, loaded, shape));
            Ok(())
        })
        .expect("every case finishes");
    let mut times = times.into_inner();
    times.sort();
    let (slowest, size, loaded, shape) = times.last().cloned().unwrap_or_default();
    let total: Duration = times.iter().map(|t| t.0).sum();
    eprintln!(
        "nested markdown: {} guides of up to {} bytes checked; slowest {slowest:?} ({size} bytes, {}, \
         starting {shape:?}), median {:?}, total {total:?}",
        times.len(),
        times.iter().map(|t| t.1).max().unwrap_or(0),
        if loaded { "accepted" } else { "refused" },
        times.get(times.len() / 2).map(|t| t.0).unwrap_or_default(),
    );
}
