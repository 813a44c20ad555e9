//! An engine saved as one file and opened again without reading the content or building the index.
//!
//! Why: the default handbook holds the whole national catalogue (2,642 procedures). Converting its
//! records, parsing them and indexing them takes seconds, far too long at every start of the app or of a
//! CLI command. A snapshot holds the parsed handbook, the tantivy index files and the engine's own tables
//! (re-ranking names, snippet sources, the "did you mean" vocabulary); opening one takes a small share of
//! that. The index is read back into a tantivy `RamDirectory`, so a read-only data folder works too.
//!
//! Layout (integers little-endian):
//! - `SOTAYSN1` (8 bytes), the key (32 bytes, see [`key`]), the body's length (u64) and CRC-32 (u32);
//! - the body: the MessagePack length (u64) and the MessagePack of [`Meta`]; then the index files: their
//!   number (u32) and, for each, its name's length (u32), name, data's length (u64) and data.
//!
//! A snapshot whose magic, key, length or checksum does not match is never trusted: the caller rebuilds
//! it. MessagePack (with field names) is used because the guide model's optional fields are skipped when
//! empty, which formats without field names cannot read back.

use std::io::Write;
use std::path::PathBuf;
use std::sync::{Arc, Mutex};

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use tantivy::directory::error::{DeleteError, OpenReadError, OpenWriteError};
use tantivy::directory::{
    AntiCallToken, Directory, FileHandle, RamDirectory, TerminatingWrite, WatchCallback,
    WatchHandle, WritePtr,
};

use super::rerank::Names;
use super::snippet::SnippetSource;
use super::suggest::Vocabulary;
use crate::content::{Handbook, SourceFile};
use crate::error::{Error, Result};

/// The first bytes of a snapshot.
const MAGIC: &[u8; 8] = b"SOTAYSN1";
/// Bytes before the body.
const HEADER: usize = 8 + 32 + 8 + 4;

/// The fingerprint of the code that shapes a snapshot (computed by `build.rs`).
pub const ENGINE_BUILD: &str = env!("SOTAY_ENGINE_BUILD");

/// The engine's state apart from the index files.
#[derive(Serialize, Deserialize)]
pub(super) struct Meta {
    pub(super) handbook: Handbook,
    pub(super) vocabulary: Vocabulary,
    pub(super) snippets: Vec<SnippetSource>,
    pub(super) names: Vec<Names>,
}

/// [`Meta`] borrowed from an engine, to write it without copying the handbook.
#[derive(Serialize)]
pub(super) struct MetaRef<'a> {
    pub(super) handbook: &'a Handbook,
    pub(super) vocabulary: &'a Vocabulary,
    pub(super) snippets: &'a [SnippetSource],
    pub(super) names: &'a [Names],
}

/// The key of a handbook's snapshot: SHA-256 of the engine build and of every content file (path and
/// bytes, in path order), so that any change to either gives another key.
pub fn key(files: &[SourceFile]) -> [u8; 32] {
    let mut sorted: Vec<&SourceFile> = files.iter().collect();
    sorted.sort_by(|a, b| a.path.cmp(&b.path));
    let mut h = Sha256::new();
    h.update(ENGINE_BUILD.as_bytes());
    for f in sorted {
        h.update((f.path.len() as u64).to_le_bytes());
        h.update(f.path.as_bytes());
        h.update((f.bytes.len() as u64).to_le_bytes());
        h.update(f.too_large.unwrap_or(0).to_le_bytes());
        h.update(&f.bytes);
    }
    h.finalize().into()
}

/// Writes a snapshot of the engine's state and index.
pub(super) fn encode(key: &[u8; 32], meta: &MetaRef<'_>, index: &RamDirectory) -> Result<Vec<u8>> {
    // The handbook's guides are kept with their plain HTML left out (`Guide::compact_html`), and are
    // written that way.
    let packed = rmp_serde::to_vec_named(meta).map_err(|e| broken(format!("encoding: {e}")))?;
    let files = index_files(index)?;
    let mut body =
        Vec::with_capacity(packed.len() + files.iter().map(|f| f.1.len() + 64).sum::<usize>());
    body.extend_from_slice(&(packed.len() as u64).to_le_bytes());
    body.extend_from_slice(&packed);
    body.extend_from_slice(&u32::try_from(files.len()).unwrap_or(u32::MAX).to_le_bytes());
    for (name, data) in &files {
        body.extend_from_slice(&u32::try_from(name.len()).unwrap_or(u32::MAX).to_le_bytes());
        body.extend_from_slice(name.as_bytes());
        body.extend_from_slice(&(data.len() as u64).to_le_bytes());
        body.extend_from_slice(data);
    }
    let mut out = Vec::with_capacity(HEADER + body.len());
    out.extend_from_slice(MAGIC);
    out.extend_from_slice(key);
    out.extend_from_slice(&(body.len() as u64).to_le_bytes());
    out.extend_from_slice(&crc32fast::hash(&body).to_le_bytes());
    out.extend_from_slice(&body);
    Ok(out)
}

/// Reads a snapshot back: the engine's state and a directory holding its index. `expected` is the key
/// the caller computed for its content (`None` to accept any key, for a snapshot compiled into the
/// binary with the content it was built from).
pub(super) fn decode(bytes: &[u8], expected: Option<&[u8; 32]>) -> Result<(Meta, RamDirectory)> {
    let header = bytes
        .get(..HEADER)
        .ok_or_else(|| broken("shorter than its header"))?;
    if &header[..8] != MAGIC {
        return Err(broken("not a sotay snapshot, or from another version"));
    }
    if let Some(k) = expected
        && header[8..40] != k[..]
    {
        return Err(broken("built from other content or by another build"));
    }
    let len = u64_at(header, 40)?;
    let crc = u32::from_le_bytes(
        header[48..52]
            .try_into()
            .map_err(|_| broken("truncated header"))?,
    );
    let body = &bytes[HEADER..];
    if usize::try_from(len).ok() != Some(body.len()) {
        return Err(broken("truncated or padded"));
    }
    if crc32fast::hash(body) != crc {
        return Err(broken("checksum mismatch"));
    }
    let mut at = 0usize;
    let packed_len = take_len(body, &mut at, 8)?;
    let packed = take(body, &mut at, packed_len)?;
    let mut meta: Meta =
        rmp_serde::from_slice(packed).map_err(|e| broken(format!("decoding: {e}")))?;
    meta.handbook.reindex();
    let count = take_len(body, &mut at, 4)?;
    let dir = RamDirectory::create();
    let mut meta_json = None;
    for _ in 0..count {
        let name_len = take_len(body, &mut at, 4)?;
        let name = std::str::from_utf8(take(body, &mut at, name_len)?)
            .map_err(|_| broken("a file name is not UTF-8"))?
            .to_string();
        let data_len = take_len(body, &mut at, 8)?;
        let data = take(body, &mut at, data_len)?;
        if name == "meta.json" {
            meta_json = Some(data);
            continue;
        }
        dir.atomic_write(std::path::Path::new(&name), data)
            .map_err(|e| broken(format!("{name}: {e}")))?;
    }
    // The index's meta goes in last: only then does the index exist.
    let meta_json = meta_json.ok_or_else(|| broken("no index meta"))?;
    dir.atomic_write(std::path::Path::new("meta.json"), meta_json)
        .map_err(|e| broken(format!("meta.json: {e}")))?;
    if at != body.len() {
        return Err(broken("trailing bytes"));
    }
    Ok((meta, dir))
}

fn u64_at(bytes: &[u8], at: usize) -> Result<u64> {
    let b: [u8; 8] = bytes
        .get(at..at + 8)
        .and_then(|s| s.try_into().ok())
        .ok_or_else(|| broken("truncated"))?;
    Ok(u64::from_le_bytes(b))
}

/// Reads a little-endian length of `width` bytes (4 or 8) at `at`.
fn take_len(body: &[u8], at: &mut usize, width: usize) -> Result<usize> {
    let raw = take(body, at, width)?;
    let value = match width {
        4 => u64::from(u32::from_le_bytes(
            raw.try_into().map_err(|_| broken("truncated"))?,
        )),
        _ => u64::from_le_bytes(raw.try_into().map_err(|_| broken("truncated"))?),
    };
    usize::try_from(value).map_err(|_| broken("a length does not fit"))
}

fn take<'a>(body: &'a [u8], at: &mut usize, n: usize) -> Result<&'a [u8]> {
    let end = at
        .checked_add(n)
        .ok_or_else(|| broken("a length overflows"))?;
    let slice = body.get(*at..end).ok_or_else(|| broken("truncated"))?;
    *at = end;
    Ok(slice)
}

fn broken(why: impl Into<String>) -> Error {
    Error::Snapshot(why.into())
}

/// Every file of an in-RAM index, by name (lock files left out).
fn index_files(index: &RamDirectory) -> Result<Vec<(String, Vec<u8>)>> {
    let collector = Collector::default();
    index
        .persist(&collector)
        .map_err(|e| broken(format!("reading the index: {e}")))?;
    let mut files = collector
        .files
        .lock()
        .map_err(|_| broken("reading the index: a lock was poisoned"))?
        .clone();
    files.retain(|(name, _)| !name.ends_with(".lock"));
    files.sort();
    Ok(files)
}

/// The files a [`Collector`] has received, by name.
type CollectedFiles = Arc<Mutex<Vec<(String, Vec<u8>)>>>;

/// A tantivy directory that only collects what is written to it, to read the files of a `RamDirectory`
/// (which has no public listing) through its `persist`.
#[derive(Debug, Clone, Default)]
struct Collector {
    files: CollectedFiles,
}

/// A file being written into a [`Collector`].
struct CollectedFile {
    name: String,
    data: Vec<u8>,
    files: CollectedFiles,
}

impl Write for CollectedFile {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.data.extend_from_slice(buf);
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

impl TerminatingWrite for CollectedFile {
    fn terminate_ref(&mut self, _: AntiCallToken) -> std::io::Result<()> {
        let data = std::mem::take(&mut self.data);
        self.files
            .lock()
            .map_err(|_| std::io::Error::other("a lock was poisoned"))?
            .push((self.name.clone(), data));
        Ok(())
    }
}

impl Directory for Collector {
    fn get_file_handle(
        &self,
        path: &std::path::Path,
    ) -> std::result::Result<Arc<dyn FileHandle>, OpenReadError> {
        Err(OpenReadError::FileDoesNotExist(path.to_path_buf()))
    }

    fn delete(&self, _: &std::path::Path) -> std::result::Result<(), DeleteError> {
        Ok(())
    }

    fn exists(&self, _: &std::path::Path) -> std::result::Result<bool, OpenReadError> {
        Ok(false)
    }

    fn open_write(&self, path: &std::path::Path) -> std::result::Result<WritePtr, OpenWriteError> {
        Ok(std::io::BufWriter::new(Box::new(CollectedFile {
            name: path.to_string_lossy().into_owned(),
            data: Vec::new(),
            files: Arc::clone(&self.files),
        })))
    }

    fn atomic_read(&self, path: &std::path::Path) -> std::result::Result<Vec<u8>, OpenReadError> {
        Err(OpenReadError::FileDoesNotExist(PathBuf::from(path)))
    }

    fn atomic_write(&self, path: &std::path::Path, data: &[u8]) -> std::io::Result<()> {
        self.files
            .lock()
            .map_err(|_| std::io::Error::other("a lock was poisoned"))?
            .push((path.to_string_lossy().into_owned(), data.to_vec()));
        Ok(())
    }

    fn sync_directory(&self) -> std::io::Result<()> {
        Ok(())
    }

    fn watch(&self, _: WatchCallback) -> tantivy::Result<WatchHandle> {
        Ok(WatchHandle::empty())
    }
}
