//! Engines cached in the data folder, so that a handbook is converted and indexed once, not at every start.
//!
//! The cache is a folder (`cache/` in the data folder) of snapshots named after their key
//! ([`snapshot::key`]: a hash of the content files and of the engine's build). Opening a handbook reads
//! its files, computes the key and opens the snapshot of that key when there is one; otherwise, or when
//! the snapshot is damaged, it builds the engine and writes the snapshot (atomically: temporary file,
//! fsync, rename) in place of any other. A snapshot is never trusted without its key and checksum
//! matching, and a folder that cannot be written (a read-only data folder, a full disk) only means
//! building in memory: the outcome says so, and the caller tells the user once.

use std::path::{Path, PathBuf};

use super::Engine;
use super::snapshot;
use crate::content::{Handbook, SourceFile};
use crate::error::Result;

/// The prefix and suffix of a snapshot's file name.
const PREFIX: &str = "engine-";
const SUFFIX: &str = ".snapshot";

/// How the engine was obtained.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    /// Opened from the cache.
    Hit,
    /// There was no snapshot: built, and saved.
    Built,
    /// The cached snapshot was for other content or another build: built, and saved in its place.
    Stale,
    /// The snapshot was damaged (the reason is given): built, and saved in its place.
    Corrupt(String),
    /// Built in memory; the snapshot could not be saved (the reason is given).
    Unsaved(String),
    /// No cache folder was given: built in memory.
    Uncached,
}

impl Outcome {
    /// A sentence for the user when the outcome deserves one (a damaged or unsaved snapshot).
    pub fn notice(&self) -> Option<String> {
        match self {
            Outcome::Corrupt(why) => Some(format!(
                "the cached search index was damaged ({why}); it was rebuilt"
            )),
            Outcome::Unsaved(why) => Some(format!(
                "the search index could not be cached ({why}); it was built in memory and will be built again at the next start"
            )),
            _ => None,
        }
    }
}

/// The snapshot file for a key.
fn file_for(dir: &Path, key: &[u8; 32]) -> PathBuf {
    let hex: String = key[..16].iter().map(|b| format!("{b:02x}")).collect();
    dir.join(format!("{PREFIX}{hex}{SUFFIX}"))
}

/// The snapshots in a cache folder.
fn snapshots(dir: &Path) -> Vec<PathBuf> {
    std::fs::read_dir(dir)
        .map(|entries| {
            entries
                .flatten()
                .map(|e| e.path())
                .filter(|p| {
                    p.file_name()
                        .and_then(|n| n.to_str())
                        .is_some_and(|n| n.starts_with(PREFIX) && n.ends_with(SUFFIX))
                })
                .collect()
        })
        .unwrap_or_default()
}

/// Opens the engine of a handbook's files (`origin` names where they come from) through the cache
/// folder `dir`, or builds it in memory when `dir` is `None`. Content problems are errors as when
/// loading the handbook; cache problems never are.
pub fn open(origin: &str, files: Vec<SourceFile>, dir: Option<&Path>) -> Result<(Engine, Outcome)> {
    let Some(dir) = dir else {
        let engine = Engine::new(Handbook::from_files(origin, files)?)?;
        return Ok((engine, Outcome::Uncached));
    };
    let key = snapshot::key(&files);
    let path = file_for(dir, &key);
    let mut outcome = if snapshots(dir).is_empty() {
        Outcome::Built
    } else {
        Outcome::Stale
    };
    if let Ok(bytes) = std::fs::read(&path) {
        match Engine::from_snapshot(&bytes, Some(&key)) {
            Ok(mut engine) => {
                engine.set_origin(origin);
                return Ok((engine, Outcome::Hit));
            }
            Err(e) => outcome = Outcome::Corrupt(e.to_string()),
        }
    }
    let engine = Engine::new(Handbook::from_files(origin, files)?)?;
    if let Err(why) = save(dir, &path, &engine, &key) {
        return Ok((engine, Outcome::Unsaved(why)));
    }
    Ok((engine, outcome))
}

/// Saves an engine already built from `files` (a pack just installed) as their snapshot in `dir`.
pub fn store(dir: &Path, files: &[SourceFile], engine: &Engine) -> std::result::Result<(), String> {
    let key = snapshot::key(files);
    save(dir, &file_for(dir, &key), engine, &key)
}

/// Writes the snapshot and removes the others.
fn save(
    dir: &Path,
    path: &Path,
    engine: &Engine,
    key: &[u8; 32],
) -> std::result::Result<(), String> {
    let bytes = engine.snapshot(key).map_err(|e| e.to_string())?;
    std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    crate::atomic::write(path, &bytes, false).map_err(|e| e.to_string())?;
    for other in snapshots(dir) {
        if other != path {
            let _ = std::fs::remove_file(other);
        }
    }
    Ok(())
}

/// [`open`] for the handbook of a folder, or the embedded one when `root` is `None`.
pub fn open_content(root: Option<&Path>, dir: Option<&Path>) -> Result<(Engine, Outcome)> {
    let (origin, files) = Handbook::files(root)?;
    open(&origin, files, dir)
}

/// The cache folder of a data folder.
pub fn dir_in(data: &Path) -> PathBuf {
    data.join("cache")
}
