//! Signed content packs: how the content office ships handbook updates to desks and kiosks offline.
//!
//! A pack (`.sotaypack`) is one file: a plain ustar archive (see [`archive`](self)) holding, in order,
//! `manifest.toml` (version, date, guide count, size and sha256 of every content file, and of every
//! record of a national catalogue file; see [`Manifest`]),
//! `manifest.toml.minisig` (a minisign signature of the manifest whose trusted comment is
//! `sotay pack v<version> <date>`), then `content/<path>` for every content file, sorted.
//!
//! - [`keygen`] makes a minisign key pair; [`build`] validates a content folder like `sotay check` and
//!   writes a signed pack; [`verify`] checks one against trusted public keys.
//! - [`install`] verifies a pack, unpacks it into a staging folder, loads it and builds its index there,
//!   then switches to it with one atomic rename, and caches its index in the data folder; [`rollback`]
//!   goes back one step; [`load_installed`] gives the handbook to use (the installed pack, or the
//!   embedded handbook and why), which [`Installed::into_engine`] opens through the index cache.
//!
//! Everything a pack says is checked before a byte of it reaches the data folder: one flipped byte
//! anywhere in the file is rejected, and so are links, unsafe paths, files missing from the archive or
//! not in the manifest, and archives that would expand past [`Limits`].
//!
//! How an application uses it (the trusted keys come from the installation's `config.toml`):
//!
//! ```
//! # fn main() -> sotay::Result<()> {
//! # let tmp = std::env::temp_dir().join(format!("sotay-pack-doc-{}", std::process::id()));
//! # let content = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/mini");
//! # let data = tmp.join("data");
//! # let key = tmp.join("office.key");
//! # std::fs::create_dir_all(&tmp).unwrap();
//! use sotay::pack;
//!
//! // The content office, once: a key pair; then for each release, a signed pack.
//! let public = pack::keygen(&key, false)?;
//! pack::build(&content, &key, 1, None, &tmp.join("v1.sotaypack"))?;
//!
//! // A desk or kiosk: install it, then load whatever is installed (or the embedded handbook).
//! let report = pack::install(&tmp.join("v1.sotaypack"), &data, &[public])?;
//! assert_eq!(report.installed.version, 1);
//! let installed = pack::load_installed(&data)?;
//! assert_eq!(installed.status.source, pack::Source::Pack);
//! let (engine, _status, _cache) = installed.into_engine(Some(&data.join("cache")), None)?;
//! # let _ = engine;
//! # std::fs::remove_dir_all(&tmp).ok();
//! # Ok(()) }
//! ```

mod archive;
mod diff;
mod fsutil;
mod install;
mod keys;
mod manifest;

use std::collections::HashSet;
use std::path::Path;

use serde::Serialize;

pub use archive::Limits;
pub use diff::Changes;
pub use install::{
    Content, InstallReport, Installed, PackStatus, STATE_FILE, Source, install, install_bytes,
    load_installed, rollback, status,
};
pub use keys::{PublicKey, keygen, pub_path, trusted_keys};
pub use manifest::{
    FORMAT, FileEntry, MAX_REMOVED_SHARE, MAX_VERSION, Manifest, RecordEntry, check_path, is_date,
    sha256_hex,
};

use crate::content::Handbook;
use crate::content::files::{self, SourceFile};
use crate::error::{Error, Result};
use crate::regular::ReadError;
use archive::Entry;
use manifest::rejected;

/// The usual extension of a pack file.
pub const EXTENSION: &str = "sotaypack";
/// Name of the manifest entry.
const MANIFEST: &str = "manifest.toml";
/// Name of the signature entry.
const SIGNATURE: &str = "manifest.toml.minisig";
/// Prefix of every content entry.
const CONTENT: &str = "content/";

/// What a pack holds, for display.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct PackInfo {
    /// Pack version.
    pub version: u64,
    /// Pack date, `YYYY-MM-DD`.
    pub date: String,
    /// Number of guides.
    pub guides: usize,
    /// Number of content files.
    pub files: usize,
    /// Display name of the handbook.
    pub name: String,
}

impl PackInfo {
    fn of(m: &Manifest) -> PackInfo {
        PackInfo {
            version: m.version,
            date: m.date.clone(),
            guides: m.guide_count,
            files: m.files.len(),
            name: m.name.clone(),
        }
    }
}

/// A pack whose signature, hashes and layout have all been checked.
#[derive(Debug)]
pub(crate) struct VerifiedPack {
    pub(crate) manifest: Manifest,
    pub(crate) manifest_bytes: Vec<u8>,
    pub(crate) signature: Vec<u8>,
    /// Content files (path relative to the content folder, bytes), in manifest order.
    pub(crate) files: Vec<(String, Vec<u8>)>,
}

/// What [`build_with`] may write into a pack besides its content.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct BuildOptions {
    /// Mark the pack as allowed to remove more than [`MAX_REMOVED_SHARE`] of the installed guides.
    pub allow_guide_removal: bool,
}

/// Builds a signed pack of `content_dir` at `out` (written atomically). The content must pass the same
/// validation as `sotay check` ([`Error::Invalid`] lists the problems otherwise). `date` defaults to
/// today; `version` must be between 1 and [`MAX_VERSION`].
pub fn build(
    content_dir: &Path,
    secret_key: &Path,
    version: u64,
    date: Option<&str>,
    out: &Path,
) -> Result<PackInfo> {
    build_with(
        content_dir,
        secret_key,
        version,
        date,
        out,
        BuildOptions::default(),
    )
}

/// [`build`], with the [`BuildOptions`] given.
pub fn build_with(
    content_dir: &Path,
    secret_key: &Path,
    version: u64,
    date: Option<&str>,
    out: &Path,
    options: BuildOptions,
) -> Result<PackInfo> {
    if !(1..=MAX_VERSION).contains(&version) {
        return Err(Error::Pack(format!(
            "the pack version must be between 1 and {MAX_VERSION} (each pack must be higher than the \
             installed one, so an absurd version would block every later pack)"
        )));
    }
    let date = date.map_or_else(crate::catalogue::today, str::to_string);
    if !is_date(&date) {
        return Err(Error::Pack(format!("date `{date}` is not like 2026-11-28")));
    }
    let key = keys::SecretKey::from_file(secret_key)?;
    let sources = files::dir_files(content_dir)?;
    let handbook = Handbook::from_files(&content_dir.display().to_string(), sources.clone())?;
    // The catalogue is one file but thousands of procedures: each record is listed with its digest,
    // so that a pack's changes can be told procedure by procedure.
    let mut records: Vec<manifest::RecordEntry> = sources
        .iter()
        .filter(|f| files::is_catalogue(&f.path))
        .flat_map(|f| {
            crate::catalogue::catalogue(&f.path, &f.bytes)
                .digests
                .into_iter()
                .map(|(code, sha256)| manifest::RecordEntry {
                    code,
                    file: f.path.clone(),
                    sha256,
                })
                .collect::<Vec<_>>()
        })
        .collect();
    records.sort_by(|a, b| a.code.cmp(&b.code));
    records.dedup_by(|a, b| a.code == b.code);
    let manifest = Manifest {
        format: manifest::FORMAT,
        name: handbook.info.name.clone(),
        version,
        date,
        guide_count: handbook.guides.len(),
        allow_guide_removal: options.allow_guide_removal,
        files: sources
            .iter()
            .map(|f| FileEntry {
                path: f.path.clone(),
                size: f.bytes.len() as u64,
                sha256: sha256_hex(&f.bytes),
                code: handbook
                    .guides
                    .iter()
                    .find(|g| g.source == f.path)
                    .map(|g| g.code.clone()),
            })
            .collect(),
        records,
    };
    let manifest_bytes = manifest.to_bytes()?;
    let signature = key.sign(&manifest_bytes, &manifest.trusted_comment())?;
    let mut entries = vec![
        Entry {
            path: MANIFEST.into(),
            data: manifest_bytes,
        },
        Entry {
            path: SIGNATURE.into(),
            data: signature.into_bytes(),
        },
    ];
    entries.extend(sources.into_iter().map(|f| Entry {
        path: format!("{CONTENT}{}", f.path),
        data: f.bytes,
    }));
    let bytes = archive::write(&entries)?;
    // Read it back as an installer would, so a pack that could not be installed is never written.
    read_pack(&bytes, key.public().as_slice(), &Limits::default())?;
    crate::atomic::write(out, &bytes, false)?;
    Ok(PackInfo::of(&manifest))
}

/// Checks a pack file: intact, within [`Limits`], and signed by one of `trusted`.
pub fn verify(file: &Path, trusted: &[PublicKey]) -> Result<PackInfo> {
    let bytes = read_pack_file(file, &Limits::default())?;
    let pack = read_pack(&bytes, trusted, &Limits::default())?;
    Ok(PackInfo::of(&pack.manifest))
}

/// Reads a pack file into memory: a regular file only (a FIFO or a device is refused at once, never
/// waited on), refused before reading when larger than the limits allow.
fn read_pack_file(file: &Path, limits: &Limits) -> Result<Vec<u8>> {
    let max = limits.max_file_bytes();
    crate::regular::read(file, max).map_err(|e| match e {
        ReadError::Io(e) => Error::io(file, e),
        ReadError::NotRegular(what) => rejected(format!(
            "{} is {what}, not a pack file; nothing was read",
            file.display()
        )),
        ReadError::TooLarge(len) => rejected(format!(
            "{} is {len} bytes, larger than any pack can be ({max} bytes)",
            file.display()
        )),
    })
}

/// Checks a pack in memory: layout, signature, then every content file against the manifest.
pub(crate) fn read_pack(
    bytes: &[u8],
    trusted: &[PublicKey],
    limits: &Limits,
) -> Result<VerifiedPack> {
    let mut entries = archive::read(bytes, limits)?.into_iter();
    let (Some(manifest_entry), Some(signature_entry)) = (entries.next(), entries.next()) else {
        return Err(rejected(
            "pack must start with manifest.toml and manifest.toml.minisig",
        ));
    };
    if manifest_entry.path != MANIFEST || signature_entry.path != SIGNATURE {
        return Err(rejected(format!(
            "pack must start with manifest.toml and manifest.toml.minisig, not `{}` and `{}`",
            manifest_entry.path, signature_entry.path
        )));
    }
    let signed = keys::verify_signature(&manifest_entry.data, &signature_entry.data, trusted)?;
    let manifest = Manifest::parse(&manifest_entry.data)?;
    if signed.trusted_comment != manifest.trusted_comment() {
        return Err(rejected(format!(
            "the signature's trusted comment `{}` does not match the manifest (`{}`)",
            signed.trusted_comment,
            manifest.trusted_comment()
        )));
    }

    let mut files = Vec::with_capacity(manifest.files.len());
    for entry in entries {
        let Some(rel) = entry.path.strip_prefix(CONTENT) else {
            return Err(rejected(format!(
                "pack entry `{}` is not under content/",
                entry.path
            )));
        };
        check_path(rel).map_err(|why| rejected(format!("pack entry `{}`: {why}", entry.path)))?;
        files.push((rel.to_string(), entry.data));
    }
    let in_archive: HashSet<&str> = files.iter().map(|(p, _)| p.as_str()).collect();
    let listed: HashSet<&str> = manifest.files.iter().map(|f| f.path.as_str()).collect();
    if let Some(f) = manifest
        .files
        .iter()
        .find(|f| !in_archive.contains(f.path.as_str()))
    {
        return Err(rejected(format!(
            "file `{CONTENT}{}` listed in the manifest is missing from the pack",
            f.path
        )));
    }
    if let Some((path, _)) = files.iter().find(|(p, _)| !listed.contains(p.as_str())) {
        return Err(rejected(format!(
            "pack entry `{CONTENT}{path}` is not listed in the manifest"
        )));
    }
    for (f, (path, data)) in manifest.files.iter().zip(&files) {
        if f.path != *path {
            return Err(rejected(format!(
                "pack entry `{CONTENT}{path}` is out of order (expected `{CONTENT}{}`)",
                f.path
            )));
        }
        if !f.matches(data) {
            return Err(rejected(format!(
                "pack entry `{CONTENT}{path}` does not match its sha256 in the manifest (damaged or altered)"
            )));
        }
    }
    Ok(VerifiedPack {
        manifest,
        manifest_bytes: manifest_entry.data,
        signature: signature_entry.data,
        files,
    })
}

/// A pack's content files as the handbook loader takes them.
pub(crate) fn source_files(files: Vec<(String, Vec<u8>)>) -> Vec<SourceFile> {
    files
        .into_iter()
        .map(|(path, bytes)| SourceFile {
            path,
            bytes,
            too_large: None,
            unusable: None,
        })
        .collect()
}
