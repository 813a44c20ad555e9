//! Small file-system helpers for crash-safe unpacking: new files flushed to disk, folder fsync, random
//! names. (Whole-file atomic replacement is `crate::atomic`.)

use std::fs;
use std::io::Write;
use std::path::Path;

use crate::error::{Error, Result};

/// Eight random bytes as 16 hex digits, for slot, staging and temporary names.
pub(crate) fn random_suffix() -> String {
    let mut bytes = [0u8; 8];
    if getrandom::fill(&mut bytes).is_err() {
        // No entropy source: fall back to something unique enough for a file name.
        let nanos = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_nanos());
        bytes = (nanos as u64 ^ u64::from(std::process::id()).rotate_left(32)).to_le_bytes();
    }
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// Writes a new file and flushes it to disk.
pub(crate) fn write_synced(path: &Path, bytes: &[u8]) -> Result<()> {
    fs::File::create_new(path)
        .and_then(|mut f| {
            f.write_all(bytes)?;
            f.sync_all()
        })
        .map_err(|e| Error::io(path, e))
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
