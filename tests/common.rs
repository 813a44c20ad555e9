//! Helpers shared by the integration tests.

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use sotay::{Engine, Handbook};

/// The repository's root. These tests are the CLI crate's test target (`cli/Cargo.toml`), so the
/// manifest folder is `cli/`.
pub(crate) fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("cli/ has a parent")
        .to_path_buf()
}

/// A fixture folder under `tests/fixtures`.
pub(crate) fn fixture(name: &str) -> PathBuf {
    repo().join("tests/fixtures").join(name)
}

/// The repository's content folder.
pub(crate) fn content_dir() -> PathBuf {
    repo().join("content")
}

/// The embedded handbook's engine, built once for all tests.
pub(crate) fn engine() -> &'static Engine {
    static ENGINE: OnceLock<Engine> = OnceLock::new();
    ENGINE.get_or_init(|| {
        Engine::new(Handbook::embedded().expect("embedded handbook loads")).expect("index builds")
    })
}

/// The codes an engine finds for a query, best first.
pub(crate) fn codes(engine: &Engine, query: &str) -> Vec<String> {
    engine
        .search(query, &sotay::SearchOptions::default())
        .expect("search")
        .hits
        .into_iter()
        .map(|h| h.code)
        .collect()
}

/// Copies the mini fixture into a temporary folder, so a test can add or break files.
pub(crate) fn mini_copy() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    copy_dir(&fixture("mini"), dir.path());
    dir
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).expect("mkdir");
    for entry in std::fs::read_dir(from).expect("read fixture") {
        let entry = entry.expect("entry");
        let target = to.join(entry.file_name());
        if entry.file_type().expect("type").is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).expect("copy");
        }
    }
}

/// Problems of a content folder that must fail to load, as `file:line: message` lines.
pub(crate) fn problems(dir: &Path) -> Vec<String> {
    match Handbook::load_dir(dir) {
        Ok(_) => panic!("{} should not load", dir.display()),
        Err(sotay::Error::Invalid(p)) => p.iter().map(ToString::to_string).collect(),
        Err(e) => panic!("unexpected error: {e}"),
    }
}

/// A national-portal import fixture under `tests/fixtures/dvcqg`.
pub(crate) fn dvcqg_fixture(name: &str) -> PathBuf {
    fixture("dvcqg").join(name)
}

/// Every file under a folder, as sorted paths relative to it with `/` separators.
pub(crate) fn files_under(dir: &Path) -> Vec<String> {
    fn walk(root: &Path, dir: &Path, out: &mut Vec<String>) {
        for entry in std::fs::read_dir(dir).expect("read dir") {
            let path = entry.expect("entry").path();
            if path.is_dir() {
                walk(root, &path, out);
            } else {
                let rel = path.strip_prefix(root).expect("relative");
                out.push(rel.to_string_lossy().replace('\\', "/"));
            }
        }
    }
    let mut out = Vec::new();
    walk(dir, dir, &mut out);
    out.sort();
    out
}

/// Writes a gzip-compressed copy of `src` to `dst`.
pub(crate) fn gzip_to(src: &Path, dst: &Path) {
    use std::io::Write;
    let bytes = std::fs::read(src).expect("read source");
    let file = std::fs::File::create(dst).expect("create gz");
    let mut gz = flate2::write::GzEncoder::new(file, flate2::Compression::default());
    gz.write_all(&bytes).expect("compress");
    gz.finish().expect("finish gz");
}
