//! Generates the Tauri context (config, capabilities, icons) for the desktop shell, and the engine
//! snapshot of the embedded handbook.
//!
//! The embedded handbook holds the whole national catalogue: converting its 2,642 records and indexing
//! them takes seconds, which the first start of a fresh installation must not spend (the search field
//! is usable at once, and the first results must follow within a second and a half). So the snapshot
//! (`sotay::search::snapshot`: the parsed handbook, the index and the engine's tables) is made here, from
//! the same `sotay` crate the app links, gzip-compressed into `OUT_DIR`, and compiled into the binary.
//! The build script reruns whenever that crate (and so its embedded `content/`) changes.

use std::error::Error;
use std::io::Write;
use std::path::PathBuf;

fn main() -> Result<(), Box<dyn Error>> {
    tauri_build::build();
    println!("cargo:rerun-if-changed=build.rs");
    let (origin, files) = sotay::Handbook::files(None)?;
    let key = sotay::search::snapshot::key(&files);
    let engine = sotay::Engine::new(sotay::Handbook::from_files(&origin, files)?)?;
    let bytes = engine.snapshot(&key)?;
    let out = PathBuf::from(std::env::var("OUT_DIR")?).join("embedded.snapshot.gz");
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::new(6));
    gz.write_all(&bytes)?;
    std::fs::write(out, gz.finish()?)?;
    Ok(())
}
