//! Rebuilds the crate when the embedded handbook (`content/`) changes, and fingerprints the code that
//! shapes a search index.
//!
//! Engine snapshots (`src/search/snapshot.rs`) are cached in the data folder, keyed by the content they
//! were built from and by this fingerprint: a build whose parser, importer, language layer or index
//! differs never opens a snapshot another build wrote. A hash of the sources is used rather than the
//! crate version so that development builds are told apart too.

use std::path::Path;

/// The folders whose code decides what a snapshot holds.
const ENGINE_SOURCES: [&str; 5] = [
    "src/search",
    "src/lang",
    "src/catalogue",
    "src/guide",
    "src/content",
];

fn main() {
    println!("cargo:rerun-if-changed=content");
    let mut files = Vec::new();
    for dir in ENGINE_SOURCES {
        println!("cargo:rerun-if-changed={dir}");
        collect(Path::new(dir), &mut files);
    }
    files.sort();
    // FNV-1a, 64 bits: enough to tell builds apart, and no build dependency.
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for path in &files {
        let bytes = std::fs::read(path).unwrap_or_default();
        for b in path.to_string_lossy().bytes().chain(bytes) {
            hash ^= u64::from(b);
            hash = hash.wrapping_mul(0x0100_0000_01b3);
        }
    }
    println!(
        "cargo:rustc-env=SOTAY_ENGINE_BUILD={hash:016x}-{}",
        std::env::var("CARGO_PKG_VERSION").unwrap_or_default()
    );
}

fn collect(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            collect(&path, out);
        } else {
            out.push(path);
        }
    }
}
