//! The user's own data, kept across restarts: the history of opened guides and the favourites.
//!
//! Both live in a data folder (the desktop app's platform data dir, or `SOTAY_DATA_DIR` when set) as
//! small JSON files, `history.json` and `favourites.json`, each `{"version": 1, "codes": ["1.000894", …]}`.
//!
//! - Codes are stored NFC-normalized and trimmed, without duplicates; the history is most recent first and
//!   keeps at most [`HISTORY_LIMIT`] codes, the favourites at most [`FAVOURITES_LIMIT`] in the order they
//!   were added.
//! - Every write is atomic: a temporary file in the same folder is written, flushed to disk (fsync) and
//!   renamed over the old one, so a crash leaves the old list or the new one, never half of either.
//! - A file that cannot be understood (not UTF-8, not the expected JSON, too large) is not fatal: it is
//!   renamed to `<name>.bad` for whoever wants to look at it, and the list starts empty.
//!
//! Codes are not checked against a handbook here: the caller (the desktop shell) does that, and shows
//! only the codes its handbook knows.
//!
//! ```
//! # fn main() -> sotay::Result<()> {
//! # let dir = std::env::temp_dir().join(format!("sotay-doc-{}", std::process::id()));
//! let data = sotay::userdata::UserData::open(&dir)?;
//! data.add_to_history("1.000894")?;
//! assert_eq!(data.history()?, ["1.000894"]);
//! assert!(data.toggle_favourite("1.000894")?);
//! # std::fs::remove_dir_all(&dir).ok();
//! # Ok(()) }
//! ```

use std::fs;
use std::io::ErrorKind;
use std::path::{Path, PathBuf};
use std::sync::{Mutex, PoisonError};

use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};
use crate::regular::ReadError;
use crate::text::normalize;

/// Most codes the history keeps (the oldest are dropped).
pub const HISTORY_LIMIT: usize = 50;
/// Most favourites kept (adding one more drops the oldest).
pub const FAVOURITES_LIMIT: usize = 500;
/// Longest accepted code, in characters (national codes are like `1.000894`).
const MAX_CODE_CHARS: usize = 64;
/// A list file larger than this is treated as damaged.
const MAX_FILE_BYTES: u64 = 1 << 20;
/// The version written in the files.
const VERSION: u32 = 1;

/// File name of the history.
pub const HISTORY_FILE: &str = "history.json";
/// File name of the favourites.
pub const FAVOURITES_FILE: &str = "favourites.json";

/// The data folder and the lists in it. Safe to share between threads: every read-modify-write of a
/// list holds a lock, so two calls never lose each other's change.
#[derive(Debug)]
pub struct UserData {
    dir: PathBuf,
    lock: Mutex<()>,
}

/// The JSON shape of both files.
#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct CodeList {
    version: u32,
    codes: Vec<String>,
}

impl UserData {
    /// Uses `dir` as the data folder, creating it (and its parents) when missing.
    pub fn open(dir: impl Into<PathBuf>) -> Result<UserData> {
        let dir = dir.into();
        fs::create_dir_all(&dir).map_err(|e| Error::io(&dir, e))?;
        Ok(UserData {
            dir,
            lock: Mutex::new(()),
        })
    }

    /// The data folder.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// Codes of the guides opened, most recent first.
    pub fn history(&self) -> Result<Vec<String>> {
        let _guard = self.lock.lock().unwrap_or_else(PoisonError::into_inner);
        self.read(HISTORY_FILE, HISTORY_LIMIT)
    }

    /// Puts `code` at the top of the history (moving it there if it was already in it) and returns the
    /// new history. An empty or overlong code is [`Error::UnknownCode`].
    pub fn add_to_history(&self, code: &str) -> Result<Vec<String>> {
        let code = clean_code(code)?;
        let _guard = self.lock.lock().unwrap_or_else(PoisonError::into_inner);
        let mut codes = self.read(HISTORY_FILE, HISTORY_LIMIT)?;
        codes.retain(|c| *c != code);
        codes.insert(0, code);
        codes.truncate(HISTORY_LIMIT);
        self.write(HISTORY_FILE, &codes)?;
        Ok(codes)
    }

    /// Empties the history.
    pub fn clear_history(&self) -> Result<()> {
        let _guard = self.lock.lock().unwrap_or_else(PoisonError::into_inner);
        self.write(HISTORY_FILE, &[])
    }

    /// Codes of the favourite guides, in the order they were added.
    pub fn favourites(&self) -> Result<Vec<String>> {
        let _guard = self.lock.lock().unwrap_or_else(PoisonError::into_inner);
        self.read(FAVOURITES_FILE, FAVOURITES_LIMIT)
    }

    /// Whether `code` is a favourite.
    pub fn is_favourite(&self, code: &str) -> Result<bool> {
        let code = clean_code(code)?;
        Ok(self.favourites()?.contains(&code))
    }

    /// Adds `code` to the favourites or removes it; returns whether it is a favourite now.
    pub fn toggle_favourite(&self, code: &str) -> Result<bool> {
        let code = clean_code(code)?;
        let _guard = self.lock.lock().unwrap_or_else(PoisonError::into_inner);
        let mut codes = self.read(FAVOURITES_FILE, FAVOURITES_LIMIT)?;
        let now = if let Some(i) = codes.iter().position(|c| *c == code) {
            codes.remove(i);
            false
        } else {
            codes.push(code);
            if codes.len() > FAVOURITES_LIMIT {
                codes.remove(0);
            }
            true
        };
        self.write(FAVOURITES_FILE, &codes)?;
        Ok(now)
    }

    /// Reads a list; a missing file is an empty list, a damaged one is set aside (see the module docs).
    fn read(&self, name: &str, limit: usize) -> Result<Vec<String>> {
        let path = self.dir.join(name);
        // A regular file only (a FIFO must not hang the app); too large or not a file is damaged.
        let bytes = match crate::regular::read(&path, MAX_FILE_BYTES) {
            Ok(bytes) => Some(bytes),
            Err(ReadError::Io(e)) if e.kind() == ErrorKind::NotFound => return Ok(Vec::new()),
            Err(ReadError::Io(e)) => return Err(Error::io(&path, e)),
            Err(ReadError::TooLarge(_) | ReadError::NotRegular(_)) => None,
        };
        let parsed = bytes
            .and_then(|bytes| serde_json::from_slice::<CodeList>(&bytes).ok())
            .filter(|list| list.version == VERSION);
        let Some(list) = parsed else {
            let bad = self.dir.join(format!("{name}.bad"));
            fs::rename(&path, &bad).map_err(|e| Error::io(&path, e))?;
            return Ok(Vec::new());
        };
        let mut codes: Vec<String> = Vec::with_capacity(list.codes.len().min(limit));
        for code in list.codes {
            if let Ok(code) = clean_code(&code)
                && !codes.contains(&code)
            {
                codes.push(code);
            }
        }
        codes.truncate(limit);
        Ok(codes)
    }

    /// Replaces a list atomically: temporary file, fsync, rename, then fsync of the folder.
    fn write(&self, name: &str, codes: &[String]) -> Result<()> {
        let list = CodeList {
            version: VERSION,
            codes: codes.to_vec(),
        };
        let mut json = serde_json::to_vec_pretty(&list)?;
        json.push(b'\n');
        crate::atomic::write(&self.dir.join(name), &json, false)
    }
}

/// A code as stored: NFC, trimmed, non-empty, short and without control characters.
fn clean_code(code: &str) -> Result<String> {
    let code = normalize(code).trim().to_string();
    if code.is_empty()
        || code.chars().count() > MAX_CODE_CHARS
        || code.chars().any(char::is_control)
    {
        return Err(Error::UnknownCode(code));
    }
    Ok(code)
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use super::*;

    fn data() -> (tempfile::TempDir, UserData) {
        let dir = tempfile::tempdir().unwrap();
        let data = UserData::open(dir.path().join("nested/data")).unwrap();
        (dir, data)
    }

    fn files(dir: &Path) -> Vec<String> {
        let mut names: Vec<String> = fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        names
    }

    #[test]
    fn starts_empty_and_creates_the_folder() {
        let (_tmp, data) = data();
        assert!(data.dir().is_dir());
        assert!(data.history().unwrap().is_empty());
        assert!(data.favourites().unwrap().is_empty());
        assert!(files(data.dir()).is_empty(), "reading writes nothing");
    }

    #[test]
    fn history_is_most_recent_first_without_duplicates() {
        let (_tmp, data) = data();
        data.add_to_history("1.000894").unwrap();
        data.add_to_history("1.001193").unwrap();
        let h = data.add_to_history(" 1.000894 ").unwrap();
        assert_eq!(h, ["1.000894", "1.001193"]);
        assert_eq!(data.history().unwrap(), h);
        data.clear_history().unwrap();
        assert!(data.history().unwrap().is_empty());
    }

    #[test]
    fn history_is_bounded() {
        let (_tmp, data) = data();
        for i in 0..HISTORY_LIMIT + 7 {
            data.add_to_history(&format!("1.{i:06}")).unwrap();
        }
        let h = data.history().unwrap();
        assert_eq!(h.len(), HISTORY_LIMIT);
        assert_eq!(h[0], format!("1.{:06}", HISTORY_LIMIT + 6));
        assert_eq!(h[HISTORY_LIMIT - 1], "1.000007");
    }

    #[test]
    fn codes_are_stored_nfc_and_bad_codes_refused() {
        let (_tmp, data) = data();
        // "mã" with a combining tilde (NFD) is stored precomposed.
        data.add_to_history("ma\u{0303}").unwrap();
        assert_eq!(data.history().unwrap(), ["m\u{00E3}"]);
        let text = fs::read_to_string(data.dir().join(HISTORY_FILE)).unwrap();
        assert!(text.contains("m\u{00E3}") && !text.contains('\u{0303}'));
        for bad in ["", "   ", &"9".repeat(MAX_CODE_CHARS + 1)] {
            assert!(matches!(
                data.add_to_history(bad),
                Err(Error::UnknownCode(_))
            ));
            assert!(matches!(
                data.toggle_favourite(bad),
                Err(Error::UnknownCode(_))
            ));
        }
        assert_eq!(data.history().unwrap().len(), 1);
    }

    #[test]
    fn favourites_toggle_and_persist() {
        let (_tmp, data) = data();
        assert!(data.toggle_favourite("1.000894").unwrap());
        assert!(data.toggle_favourite("1.001193").unwrap());
        assert!(data.is_favourite("1.000894").unwrap());
        assert!(!data.toggle_favourite("1.000894").unwrap());
        assert!(!data.is_favourite("1.000894").unwrap());
        assert!(data.toggle_favourite("1.000894").unwrap());
        let again = UserData::open(data.dir()).unwrap();
        assert_eq!(again.favourites().unwrap(), ["1.001193", "1.000894"]);
    }

    #[test]
    fn lists_survive_a_restart_and_leave_no_temporary_files() {
        let (_tmp, data) = data();
        data.add_to_history("1.000894").unwrap();
        data.toggle_favourite("1.000656").unwrap();
        let dir = data.dir().to_path_buf();
        drop(data);
        let data = UserData::open(&dir).unwrap();
        assert_eq!(data.history().unwrap(), ["1.000894"]);
        assert_eq!(data.favourites().unwrap(), ["1.000656"]);
        assert_eq!(files(&dir), [FAVOURITES_FILE, HISTORY_FILE]);
        let json: serde_json::Value =
            serde_json::from_str(&fs::read_to_string(dir.join(HISTORY_FILE)).unwrap()).unwrap();
        assert_eq!(
            json,
            serde_json::json!({"version": 1, "codes": ["1.000894"]})
        );
    }

    #[test]
    fn a_damaged_file_is_set_aside_and_the_list_starts_empty() {
        let damaged: [&[u8]; 5] = [
            b"{\"version\": 1, \"codes\": [\"1.0",
            b"\xff\xfe not UTF-8",
            b"[\"1.000894\"]",
            b"{\"version\": 99, \"codes\": []}",
            b"{\"version\": 1, \"codes\": [1, 2]}",
        ];
        for bytes in damaged {
            let (_tmp, data) = data();
            let path = data.dir().join(HISTORY_FILE);
            fs::write(&path, bytes).unwrap();
            assert!(data.history().unwrap().is_empty(), "{bytes:?}");
            assert_eq!(
                fs::read(data.dir().join("history.json.bad")).unwrap(),
                bytes
            );
            assert!(!path.exists());
            assert_eq!(data.add_to_history("1.000894").unwrap(), ["1.000894"]);
            assert_eq!(data.history().unwrap(), ["1.000894"]);
        }
    }

    #[test]
    fn an_oversized_file_is_damaged_and_duplicates_on_disk_are_dropped() {
        let (_tmp, data) = data();
        let path = data.dir().join(FAVOURITES_FILE);
        fs::write(&path, vec![b' '; (MAX_FILE_BYTES + 1) as usize]).unwrap();
        assert!(data.favourites().unwrap().is_empty());
        assert!(data.dir().join("favourites.json.bad").exists());
        fs::write(
            &path,
            r#"{"version": 1, "codes": ["1.000894", " 1.000894", "", "2.000806"]}"#,
        )
        .unwrap();
        assert_eq!(data.favourites().unwrap(), ["1.000894", "2.000806"]);
    }

    #[test]
    fn unusable_folders_are_io_errors() {
        let tmp = tempfile::tempdir().unwrap();
        let file = tmp.path().join("not-a-folder");
        fs::write(&file, "x").unwrap();
        assert!(matches!(UserData::open(&file), Err(Error::Io { .. })));
        assert!(matches!(
            UserData::open(file.join("below")),
            Err(Error::Io { .. })
        ));
    }

    #[test]
    fn concurrent_additions_are_all_kept() {
        let (_tmp, data) = data();
        std::thread::scope(|s| {
            for t in 0..4 {
                let data = &data;
                s.spawn(move || {
                    for i in 0..5 {
                        data.add_to_history(&format!("{t}.{i:06}")).unwrap();
                    }
                });
            }
        });
        assert_eq!(data.history().unwrap().len(), 20);
    }
}
