//! The data folder's index cache (`sotay::search::cache`): a hit opens the same engine, changed content
//! is a stale snapshot rebuilt, a damaged file is detected and rebuilt (never trusted), a folder that
//! cannot be written means building in memory and saying so once, and installing a pack replaces the
//! cached snapshot.

use std::path::{Path, PathBuf};
use std::process::Command;

use sotay::pack;
use sotay::search::cache::{self, Outcome};

use crate::common::{codes, fixture, mini_copy};

/// The snapshot files in a cache folder.
fn snapshots(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .map(|entries| entries.flatten().map(|e| e.path()).collect())
        .unwrap_or_default();
    files.retain(|p| p.extension().is_some_and(|e| e == "snapshot"));
    files.sort();
    files
}

#[test]
fn a_second_open_is_a_hit_with_the_same_results() {
    let content = mini_copy();
    let tmp = tempfile::tempdir().expect("tmp");
    let dir = tmp.path().join("cache");
    let (built, outcome) = cache::open_content(Some(content.path()), Some(&dir)).expect("open");
    assert_eq!(outcome, Outcome::Built);
    assert_eq!(snapshots(&dir).len(), 1);
    let (hit, outcome) = cache::open_content(Some(content.path()), Some(&dir)).expect("reopen");
    assert_eq!(outcome, Outcome::Hit);
    assert_eq!(outcome.notice(), None);
    for q in ["đăng ký kết hôn", "ket hon", "khai sinh"] {
        assert_eq!(codes(&hit, q), codes(&built, q), "{q}");
    }
    assert_eq!(hit.handbook().guides, built.handbook().guides);
    assert_eq!(hit.handbook().info.origin, built.handbook().info.origin);
}

#[test]
fn changed_content_makes_the_snapshot_stale_and_replaces_it() {
    let content = mini_copy();
    let tmp = tempfile::tempdir().expect("tmp");
    let dir = tmp.path().join("cache");
    cache::open_content(Some(content.path()), Some(&dir)).expect("open");
    let before = snapshots(&dir);

    // A guide gains an alias: the engine must find it by that alias, so the old snapshot cannot do.
    let guide = content.path().join("ho-tich/ket-hon.md");
    let text = std::fs::read_to_string(&guide).expect("read");
    let changed = text.replacen("aliases = [", "aliases = [\"thủ tục ngựa vằn\", ", 1);
    assert_ne!(changed, text, "the fixture guide has aliases");
    std::fs::write(&guide, changed).expect("write");

    let (engine, outcome) = cache::open_content(Some(content.path()), Some(&dir)).expect("reopen");
    assert_eq!(outcome, Outcome::Stale);
    assert!(
        !codes(&engine, "ngựa vằn").is_empty(),
        "the new alias is indexed"
    );
    let after = snapshots(&dir);
    assert_eq!(after.len(), 1, "the stale snapshot is removed");
    assert_ne!(after, before);
    let (_, outcome) = cache::open_content(Some(content.path()), Some(&dir)).expect("again");
    assert_eq!(outcome, Outcome::Hit);
}

#[test]
fn a_damaged_snapshot_is_detected_and_rebuilt() {
    let content = mini_copy();
    let tmp = tempfile::tempdir().expect("tmp");
    let dir = tmp.path().join("cache");
    let (built, _) = cache::open_content(Some(content.path()), Some(&dir)).expect("open");
    let file = snapshots(&dir).pop().expect("a snapshot");
    let good = std::fs::read(&file).expect("read");

    let flipped = {
        let mut b = good.clone();
        let mid = b.len() / 2;
        b[mid] ^= 0x40;
        b
    };
    let damages: [(&str, Vec<u8>); 4] = [
        ("one bit flipped", flipped),
        ("truncated", good[..good.len() / 3].to_vec()),
        ("empty", Vec::new()),
        (
            "another format",
            b"SQLite format 3\0 not a snapshot at all".to_vec(),
        ),
    ];
    for (what, bytes) in damages {
        std::fs::write(&file, &bytes).expect("damage");
        let (engine, outcome) =
            cache::open_content(Some(content.path()), Some(&dir)).expect("open");
        assert!(
            matches!(outcome, Outcome::Corrupt(_)),
            "{what}: {outcome:?}"
        );
        assert!(
            outcome.notice().is_some_and(|n| n.contains("rebuilt")),
            "{what}"
        );
        assert_eq!(
            codes(&engine, "kết hôn"),
            codes(&built, "kết hôn"),
            "{what}"
        );
        let (_, outcome) = cache::open_content(Some(content.path()), Some(&dir)).expect("reopen");
        assert_eq!(
            outcome,
            Outcome::Hit,
            "{what}: a sound snapshot was written in its place"
        );
    }
}

#[test]
fn a_cache_that_cannot_be_written_builds_in_memory_and_says_so_once() {
    let content = mini_copy();
    let tmp = tempfile::tempdir().expect("tmp");
    // The cache folder's place is taken by a file: nothing can be written there (this holds for root
    // too, unlike permissions).
    let data = tmp.path().join("data");
    std::fs::create_dir_all(&data).expect("data");
    std::fs::write(cache::dir_in(&data), b"not a folder").expect("file");
    let (engine, outcome) =
        cache::open_content(Some(content.path()), Some(&cache::dir_in(&data))).expect("open");
    assert!(matches!(outcome, Outcome::Unsaved(_)), "{outcome:?}");
    assert!(!codes(&engine, "kết hôn").is_empty());

    // The CLI searches all the same and says it once, on stderr.
    let out = Command::new(env!("CARGO_BIN_EXE_sotay"))
        .args(["search", "--content"])
        .arg(content.path())
        .arg("--data")
        .arg(&data)
        .arg("kết hôn")
        .output()
        .expect("run sotay");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    assert!(String::from_utf8_lossy(&out.stdout).contains("1.000894"));
    assert_eq!(
        stderr.matches("could not be cached").count(),
        1,
        "said once: {stderr}"
    );
}

#[test]
fn installing_a_pack_replaces_the_cached_snapshot() {
    let tmp = tempfile::tempdir().expect("tmp");
    let key = tmp.path().join("office.key");
    let public = pack::keygen(&key, false).expect("keygen");
    let data = tmp.path().join("data");
    let dir = cache::dir_in(&data);
    let build = |content: &Path, version: u64| {
        let out = tmp.path().join(format!("v{version}.sotaypack"));
        pack::build(content, &key, version, Some("2026-11-28"), &out).expect("build");
        out
    };
    let v1 = build(&fixture("mini"), 1);
    let changed = mini_copy();
    let first = changed.path().join("ho-tich/ket-hon.md");
    let text = std::fs::read_to_string(&first).expect("read");
    std::fs::write(
        &first,
        text.replacen("aliases = [", "aliases = [\"thủ tục ngựa vằn\", ", 1),
    )
    .expect("write");
    let v2 = build(changed.path(), 2);

    pack::install(&v1, &data, std::slice::from_ref(&public)).expect("install v1");
    let after_v1 = snapshots(&dir);
    assert_eq!(after_v1.len(), 1, "the install indexed the pack once");
    let (engine, _, outcome) = pack::load_installed(&data)
        .expect("load")
        .into_engine(Some(&dir), None)
        .expect("engine");
    assert_eq!(
        outcome,
        Outcome::Hit,
        "the first start after an install opens its snapshot"
    );
    assert!(codes(&engine, "ngựa vằn").is_empty());

    pack::install(&v2, &data, std::slice::from_ref(&public)).expect("install v2");
    let after_v2 = snapshots(&dir);
    assert_eq!(after_v2.len(), 1, "one snapshot, the new pack's");
    assert_ne!(after_v2, after_v1);
    let (engine, _, outcome) = pack::load_installed(&data)
        .expect("load")
        .into_engine(Some(&dir), None)
        .expect("engine");
    assert_eq!(outcome, Outcome::Hit);
    assert!(
        !codes(&engine, "ngựa vằn").is_empty(),
        "v2's content, not v1's"
    );

    pack::rollback(&data, std::slice::from_ref(&public)).expect("rollback");
    let (engine, _, outcome) = pack::load_installed(&data)
        .expect("load")
        .into_engine(Some(&dir), None)
        .expect("engine");
    assert_eq!(outcome, Outcome::Stale, "rolled back: v1 is indexed again");
    assert!(codes(&engine, "ngựa vằn").is_empty());
}
