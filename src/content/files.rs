//! Where content comes from: a folder on disk, or the copy of `content/` compiled into the binary.

use std::path::Path;

use include_dir::{Dir, include_dir};

use crate::error::{Error, Result};

/// The repository's `content/` folder, embedded at compile time.
static EMBEDDED: Dir<'static> = include_dir!("$CARGO_MANIFEST_DIR/content");

/// Largest content file accepted; a bigger one is reported rather than read into memory.
pub const MAX_FILE_BYTES: u64 = 8 * 1024 * 1024;

/// The folder of a handbook that holds the national catalogue (`national/dvcqg-YYYY-MM.jsonl.gz`).
pub const CATALOGUE_DIR: &str = "national";

/// One content file, not yet decoded.
#[derive(Debug, Clone)]
pub struct SourceFile {
    /// Path relative to the content root, with `/` separators.
    pub path: String,
    /// Raw bytes (empty when the file is too large; see `too_large`).
    pub bytes: Vec<u8>,
    /// Size on disk when it exceeded [`MAX_FILE_BYTES`].
    pub too_large: Option<u64>,
}

/// Whether a relative path is content (a guide, a data file or the national catalogue) rather than
/// documentation.
fn is_content(path: &str) -> bool {
    let name = path.rsplit('/').next().unwrap_or(path);
    !name.starts_with('.')
        && !name.eq_ignore_ascii_case("README.md")
        && (name.ends_with(".md") || name.ends_with(".toml") || is_catalogue(path))
}

/// Whether a relative path is a national catalogue file.
pub fn is_catalogue(path: &str) -> bool {
    path.strip_prefix(CATALOGUE_DIR)
        .and_then(|rest| rest.strip_prefix('/'))
        .is_some_and(|name| !name.contains('/') && name.ends_with(".jsonl.gz"))
}

/// The embedded handbook's files.
pub fn embedded_files() -> Vec<SourceFile> {
    let mut out = Vec::new();
    collect_embedded(&EMBEDDED, &mut out);
    out.sort_by(|a, b| a.path.cmp(&b.path));
    out
}

fn collect_embedded(dir: &Dir<'static>, out: &mut Vec<SourceFile>) {
    for file in dir.files() {
        let path = file.path().to_string_lossy().replace('\\', "/");
        if is_content(&path) {
            out.push(SourceFile {
                path,
                bytes: file.contents().to_vec(),
                too_large: None,
            });
        }
    }
    for sub in dir.dirs() {
        collect_embedded(sub, out);
    }
}

/// Reads every content file under `root`, sorted by path. Symbolic links are not followed.
pub fn dir_files(root: &Path) -> Result<Vec<SourceFile>> {
    let meta = std::fs::metadata(root).map_err(|e| Error::io(root, e))?;
    if !meta.is_dir() {
        return Err(Error::io(
            root,
            std::io::Error::new(std::io::ErrorKind::NotADirectory, "not a content folder"),
        ));
    }
    let mut out = Vec::new();
    walk(root, "", &mut out)?;
    out.sort_by(|a, b| a.path.cmp(&b.path));
    Ok(out)
}

fn walk(dir: &Path, prefix: &str, out: &mut Vec<SourceFile>) -> Result<()> {
    let entries = std::fs::read_dir(dir).map_err(|e| Error::io(dir, e))?;
    for entry in entries {
        let entry = entry.map_err(|e| Error::io(dir, e))?;
        let name = entry.file_name().to_string_lossy().into_owned();
        if name.starts_with('.') {
            continue;
        }
        let rel = if prefix.is_empty() {
            name.clone()
        } else {
            format!("{prefix}/{name}")
        };
        let kind = entry.file_type().map_err(|e| Error::io(entry.path(), e))?;
        if kind.is_dir() {
            walk(&entry.path(), &rel, out)?;
        } else if kind.is_file() && is_content(&rel) {
            let path = entry.path();
            let len = entry.metadata().map_err(|e| Error::io(&path, e))?.len();
            if len > MAX_FILE_BYTES {
                out.push(SourceFile {
                    path: rel,
                    bytes: Vec::new(),
                    too_large: Some(len),
                });
                continue;
            }
            let bytes = std::fs::read(&path).map_err(|e| Error::io(&path, e))?;
            out.push(SourceFile {
                path: rel,
                bytes,
                too_large: None,
            });
        }
    }
    Ok(())
}
