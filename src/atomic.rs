//! Writing a whole file so that a crash leaves either the old file or the new one, never half of either.
//!
//! The bytes go to a temporary file in the same folder, which is flushed to disk (fsync) and renamed over
//! the target; the folder is then synced so the rename itself survives a power cut. The config file,
//! the feedback exports and the history and favourites lists are written this way. The steps are also
//! here for the callers that make new files durable one by one (unpacking a content pack, creating the
//! feedback database): [`write_new`], [`create`], [`sync_dir`].

use std::fs;
use std::io::Write;
use std::path::Path;
use std::sync::atomic::{AtomicU64, Ordering};

use crate::error::{Error, Result};

/// Replaces `path` with `bytes` atomically. With `private`, the file is readable by its owner only
/// (Unix mode 0600), from the moment it is created.
pub(crate) fn write(path: &Path, bytes: &[u8], private: bool) -> Result<()> {
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let n = COUNTER.fetch_add(1, Ordering::Relaxed);
    let tmp = dir.join(format!(".{name}.{}.{n}.tmp", std::process::id()));
    let written = create_synced(&tmp, bytes, private).and_then(|()| fs::rename(&tmp, path));
    if let Err(e) = written {
        let _ = fs::remove_file(&tmp);
        return Err(Error::io(path, e));
    }
    sync_dir(dir);
    Ok(())
}

/// Writes a new file `path` (failing if it exists) and flushes it to disk; private when asked.
pub(crate) fn write_new(path: &Path, bytes: &[u8], private: bool) -> Result<()> {
    create_synced(path, bytes, private).map_err(|e| Error::io(path, e))
}

fn create_synced(path: &Path, bytes: &[u8], private: bool) -> std::io::Result<()> {
    let mut file = create(path, private)?;
    file.write_all(bytes)?;
    file.sync_all()
}

/// Creates a new file (failing if it exists), private when asked.
pub(crate) fn create(path: &Path, private: bool) -> std::io::Result<fs::File> {
    let mut options = fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    if private {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    #[cfg(not(unix))]
    let _ = private;
    options.open(path)
}

/// Makes the entries of `dir` (new names, renames) durable. Best effort: not every platform can open a
/// folder.
pub(crate) fn sync_dir(dir: &Path) {
    #[cfg(unix)]
    if let Ok(d) = fs::File::open(dir) {
        let _ = d.sync_all();
    }
    #[cfg(not(unix))]
    let _ = dir;
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use super::*;

    #[test]
    fn replaces_the_file_and_leaves_nothing_else() {
        let tmp = tempfile::tempdir().unwrap();
        let path = tmp.path().join("a.txt");
        write(&path, b"one", false).unwrap();
        write(&path, b"two", true).unwrap();
        assert_eq!(fs::read(&path).unwrap(), b"two");
        let names: Vec<_> = fs::read_dir(tmp.path()).unwrap().collect();
        assert_eq!(names.len(), 1);
    }

    #[cfg(unix)]
    #[test]
    fn private_files_are_owner_only() {
        use std::os::unix::fs::PermissionsExt;
        let tmp = tempfile::tempdir().unwrap();
        let path = tmp.path().join("secret");
        write(&path, b"x", true).unwrap();
        let mode = fs::metadata(&path).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o600);
    }

    #[test]
    fn a_missing_folder_is_an_io_error_naming_the_target() {
        let tmp = tempfile::tempdir().unwrap();
        let path = tmp.path().join("no/such/dir/a.txt");
        match write(&path, b"x", false) {
            Err(Error::Io { path: p, .. }) => assert_eq!(p, path),
            other => panic!("{other:?}"),
        }
    }
}
