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
    /// Raw bytes (empty when the file is too large or not a regular file; see `too_large` and `unusable`).
    pub bytes: Vec<u8>,
    /// Size on disk when it exceeded [`MAX_FILE_BYTES`].
    pub too_large: Option<u64>,
    /// Why the entry was not read (a symbolic link, a FIFO, a device…); reported as a problem.
    pub unusable: Option<String>,
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
                unusable: None,
            });
        }
    }
    for sub in dir.dirs() {
        collect_embedded(sub, out);
    }
}

/// Reads every content file under `root`, sorted by path. Symbolic links are not followed, and neither
/// they nor special files (FIFOs, devices, sockets) are read: each is listed with why, so that it is
/// reported rather than silently skipped (a guide that is a link would otherwise vanish from a pack).
/// Hidden entries (`.name`) are skipped.
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
            continue;
        }
        let unusable = |why: String| SourceFile {
            path: rel.clone(),
            bytes: Vec::new(),
            too_large: None,
            unusable: Some(why),
        };
        if kind.is_symlink() {
            out.push(unusable(
                "is a symbolic link; content files and folders must be real ones (copy the file here \
                 instead)"
                    .to_string(),
            ));
            continue;
        }
        if !kind.is_file() {
            out.push(unusable(format!(
                "is {}, not a regular file; remove it",
                crate::regular::kind_of(kind)
            )));
            continue;
        }
        if !is_content(&rel) {
            continue;
        }
        let path = entry.path();
        match crate::regular::read(&path, MAX_FILE_BYTES) {
            Ok(bytes) => out.push(SourceFile {
                path: rel,
                bytes,
                too_large: None,
                unusable: None,
            }),
            Err(crate::regular::ReadError::TooLarge(len)) => out.push(SourceFile {
                path: rel,
                bytes: Vec::new(),
                too_large: Some(len),
                unusable: None,
            }),
            Err(crate::regular::ReadError::NotRegular(what)) => {
                out.push(unusable(format!(
                    "is {what}, not a regular file; remove it"
                )));
            }
            Err(crate::regular::ReadError::Io(e)) => return Err(Error::io(&path, e)),
        }
    }
    Ok(())
}
