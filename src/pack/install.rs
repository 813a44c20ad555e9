//! Installed packs in the data folder: atomic install, one-step rollback, and loading what is installed.
//!
//! ```text
//! DATA/packs/
//!   state.toml              current = "v3-9f2c…", previous = "v2-41d0…" (absent after a rollback)
//!   .lock                   held (flock) during an install or a rollback
//!   v3-9f2c…/               one unpacked slot: manifest.toml, manifest.toml.minisig, content/…
//!   v2-41d0…/
//! ```
//!
//! An install first checks everything it can without touching `packs/`: the pack's signature, layout
//! and hashes, its content as `sotay check` would (bounded sizes and nesting, at least one guide), its
//! index, then, under the lock, that `state.toml` can be read, that the version is higher than the
//! installed one and that it does not remove more than [`MAX_REMOVED_SHARE`] of the installed guides
//! without saying so. Only then does it write a complete new slot under a `.staging-…` name, fsync
//! it, read it back against the manifest, rename it to its slot name, and replace `state.toml`
//! (temporary file, fsync, rename, fsync of the folder). That last rename is the switch: a crash at any
//! moment leaves `state.toml` naming either the old slot or the new one, both complete. Anything else
//! in `packs/` (stale staging folders, temporary files, slots neither current nor previous) is removed
//! once the install is known to go ahead, and again at its end.
//!
//! A `state.toml` that cannot be read or understood names slots that may still be the only copy of
//! the handbook in use: it is reported (fix or remove it) and nothing in `packs/` is touched. A
//! rollback follows the same rules: the previous slot's signature (trusted keys), files and content
//! are checked again, and it must be older than the pack in use, before `state.toml` changes.

use std::fs;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::{
    CONTENT, Changes, Limits, MANIFEST, MAX_REMOVED_SHARE, Manifest, PackInfo, PublicKey,
    SIGNATURE, fsutil, read_pack, read_pack_file, source_files,
};
use crate::atomic;
use crate::content::{Handbook, SourceFile};
use crate::error::{Error, Result};
use crate::pack::manifest::rejected;
use crate::regular::ReadError;
use crate::search::Engine;
use crate::search::cache;

/// The pointer file naming the current (and previous) slot, inside `DATA/packs/`.
pub const STATE_FILE: &str = "state.toml";
/// The folder of installed packs inside the data folder.
const PACKS_DIR: &str = "packs";
/// The lock file.
const LOCK_FILE: &str = ".lock";
/// Note shown when no pack is installed.
const NOTE_NONE: &str = "Chưa cài gói cập nhật; đang dùng sổ tay đi kèm ứng dụng.";

/// The pointer file's contents.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct State {
    current: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    previous: Option<String>,
}

/// The outcome of an install or a rollback.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct InstallReport {
    /// The pack now in use.
    pub installed: PackInfo,
    /// The pack in use before.
    pub previous: Option<PackInfo>,
    /// Guides added, changed and removed from the previous pack to the one now in use (against an empty
    /// handbook when nothing was installed before).
    pub changes: Changes,
}

/// Where the handbook in use comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[cfg_attr(feature = "ts", ts(rename = "HandbookSource"))]
#[serde(rename_all = "kebab-case")]
pub enum Source {
    /// The handbook compiled into the application.
    Embedded,
    /// An installed pack.
    Pack,
}

/// What the app shows about the handbook in use (serializable, without the handbook itself).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct PackStatus {
    /// Where the handbook comes from.
    pub source: Source,
    /// Why the embedded handbook is in use (Vietnamese, for the user), when it is.
    pub note: Option<String>,
    /// The installed pack in use.
    pub pack: Option<PackInfo>,
    /// The pack a rollback would return to.
    pub previous: Option<PackInfo>,
    /// What the pack in use changed against the previous one (`None` when there is no previous one).
    pub changes: Option<Changes>,
}

impl PackStatus {
    /// The embedded handbook is in use; `note` says why, when there is something to say.
    pub fn embedded(note: Option<String>) -> PackStatus {
        PackStatus {
            source: Source::Embedded,
            note,
            pack: None,
            previous: None,
            changes: None,
        }
    }
}

/// The handbook to use and where it came from, not yet loaded: loading the national catalogue and
/// indexing it is the slow part, which [`Installed::into_engine`] does through the index cache.
#[derive(Debug)]
pub struct Installed {
    /// The installed pack's checked files, or the embedded handbook.
    pub content: Content,
    /// Its origin, version and the changes, for display.
    pub status: PackStatus,
}

/// What an [`Installed`] handbook is made of.
#[derive(Debug)]
pub enum Content {
    /// The handbook compiled into the program.
    Embedded,
    /// An installed pack: its content files, each checked against its manifest.
    Pack {
        /// Where the files are (for messages).
        origin: String,
        /// The content files.
        files: Vec<SourceFile>,
        /// The slot's manifest.
        manifest: Manifest,
    },
}

impl Installed {
    /// Loads the handbook. A pack whose content does not load (or not to the guides its manifest
    /// lists) gives the embedded handbook, and the status says why.
    pub fn into_handbook(self) -> Result<(Handbook, PackStatus)> {
        let Installed { content, status } = self;
        match content {
            Content::Embedded => Ok((Handbook::embedded()?, status)),
            Content::Pack {
                origin,
                files,
                manifest,
            } => match Handbook::from_files(&origin, files)
                .and_then(|h| check_guides(&h, &manifest).map(|()| h))
            {
                Ok(h) => Ok((h, status)),
                Err(e) => Ok((
                    Handbook::embedded()?,
                    PackStatus::embedded(Some(unusable(&e))),
                )),
            },
        }
    }

    /// The engine of the handbook, through the index cache folder `cache` (the data folder's `cache/`,
    /// see [`crate::search::cache`]): a pack is indexed once, at its first use, not at every start. The
    /// embedded handbook comes from `embedded`, an engine snapshot compiled into the program with it,
    /// when one is given. Falls back to the embedded handbook as [`Installed::into_handbook`] does.
    pub fn into_engine(
        self,
        cache: Option<&Path>,
        embedded: Option<&[u8]>,
    ) -> Result<(Engine, PackStatus, cache::Outcome)> {
        let open_embedded = |status: PackStatus| -> Result<(Engine, PackStatus, cache::Outcome)> {
            if let Some(bytes) = embedded
                && let Ok(engine) = Engine::from_snapshot(bytes, None)
            {
                return Ok((engine, status, cache::Outcome::Hit));
            }
            let (engine, outcome) = cache::open_content(None, cache)?;
            Ok((engine, status, outcome))
        };
        let Installed { content, status } = self;
        match content {
            Content::Embedded => open_embedded(status),
            Content::Pack {
                origin,
                files,
                manifest,
            } => match cache::open(&origin, files, cache).and_then(|(engine, outcome)| {
                check_guides(engine.handbook(), &manifest).map(|()| (engine, outcome))
            }) {
                Ok((engine, outcome)) => Ok((engine, status, outcome)),
                Err(e) => open_embedded(PackStatus::embedded(Some(unusable(&e)))),
            },
        }
    }
}

/// Installs a pack file into `data_dir` after checking it against `trusted`; see the module docs.
pub fn install(file: &Path, data_dir: &Path, trusted: &[PublicKey]) -> Result<InstallReport> {
    install_bytes(read_pack_file(file, &Limits::default())?, data_dir, trusted)
}

/// Installs a pack held in memory (the app receives the file's bytes), as [`install`] does a file;
/// `bytes` are dropped once checked and unpacked into memory.
pub fn install_bytes(
    bytes: Vec<u8>,
    data_dir: &Path,
    trusted: &[PublicKey],
) -> Result<InstallReport> {
    let limit = Limits::default().max_file_bytes();
    if bytes.len() as u64 > limit {
        return Err(rejected(format!(
            "the pack is {} bytes, larger than any pack can be ({limit} bytes)",
            bytes.len()
        )));
    }
    // Everything about the pack itself first, in memory: signature, layout, hashes, then the content
    // as `sotay check` sees it and its index. Nothing in the data folder is touched yet.
    let pack = read_pack(&bytes, trusted, &Limits::default())?;
    drop(bytes);
    let sources = source_files(pack.files.clone());
    let handbook =
        Handbook::from_files(&format!("pack v{}", pack.manifest.version), sources.clone())
            .map_err(|e| rejected(format!("its content does not pass `sotay check`: {e}")))?;
    check_guides(&handbook, &pack.manifest)?;
    let engine = Engine::new(handbook)?;

    let packs = data_dir.join(PACKS_DIR);
    fs::create_dir_all(&packs).map_err(|e| Error::io(&packs, e))?;
    let _lock = lock(&packs)?;
    let state = read_state(&packs).map_err(|e| state_unusable(&packs, &e))?;
    // The current slot's manifest is enough here: its files are checked when it is loaded or rolled
    // back to, and a slot whose manifest cannot be read is not kept as the previous one. Its version
    // then comes from its name, so that a damaged slot cannot let an older pack in.
    let current = state
        .as_ref()
        .map(|s| (s.current.clone(), load_manifest(&packs, &s.current).ok()));
    let installed_version = current.as_ref().and_then(|(name, manifest)| {
        manifest
            .as_ref()
            .map(|m| m.version)
            .or_else(|| slot_version(name))
    });
    if let Some(installed) = installed_version
        && pack.manifest.version <= installed
    {
        return Err(rejected(format!(
            "pack version {} is not newer than the installed version {installed}; only `pack rollback` goes back",
            pack.manifest.version
        )));
    }
    if let Some((_, Some(installed))) = &current {
        check_removals(installed, &pack.manifest)?;
    }

    // The install goes ahead: only now is `packs/` changed.
    clean(&packs, state.as_ref());
    let staging = packs.join(format!(".staging-{}", fsutil::random_suffix()));
    let unpacked = unpack(&staging, &pack).and_then(|()| check_staged(&staging, &pack.manifest));
    if let Err(e) = unpacked {
        let _ = fs::remove_dir_all(&staging);
        return Err(e);
    }
    let slot_name = format!("v{}-{}", pack.manifest.version, fsutil::random_suffix());
    let slot_dir = packs.join(&slot_name);
    fs::rename(&staging, &slot_dir).map_err(|e| Error::io(&slot_dir, e))?;
    atomic::sync_dir(&packs);

    let previous = current.and_then(|(name, manifest)| manifest.map(|m| (name, m)));
    let new_state = State {
        current: slot_name,
        previous: previous.as_ref().map(|(name, _)| name.clone()),
    };
    write_state(&packs, &new_state)?;
    clean(&packs, Some(&new_state));
    // The new handbook's index goes into the cache now, so the next start opens it at once. A cache
    // that cannot be written only means indexing at that start.
    let _ = cache::store(&cache::dir_in(data_dir), &sources, &engine);

    let previous = previous.map(|(_, manifest)| manifest);
    Ok(InstallReport {
        installed: PackInfo::of(&pack.manifest),
        changes: Changes::between(previous.as_ref(), &pack.manifest),
        previous: previous.as_ref().map(PackInfo::of),
    })
}

/// Refuses a pack that removes more than [`MAX_REMOVED_SHARE`] of the installed guides, unless its
/// manifest allows it.
fn check_removals(installed: &Manifest, pack: &Manifest) -> Result<()> {
    let changes = Changes::between(Some(installed), pack);
    let removed = changes.removed_codes(pack);
    let before = installed.guide_count.max(1);
    if removed as f64 > MAX_REMOVED_SHARE * before as f64 && !pack.allow_guide_removal {
        return Err(rejected(format!(
            "pack version {} removes {removed} of the {before} installed guides (more than {:.0}%); if \
             that is intended, build it with `sotay pack build --allow-guide-removal`",
            pack.version,
            MAX_REMOVED_SHARE * 100.0
        )));
    }
    Ok(())
}

/// Goes back to the previous pack (one step: afterwards there is no previous pack). The previous
/// slot is checked as an install checks a pack: signed by one of `trusted`, every file intact, the
/// content valid, and older than the pack in use. A `state.toml` that cannot be read is reported and
/// left as it is.
pub fn rollback(data_dir: &Path, trusted: &[PublicKey]) -> Result<InstallReport> {
    let packs = data_dir.join(PACKS_DIR);
    if !packs.join(STATE_FILE).exists() {
        return Err(Error::Pack(
            "no pack is installed; there is nothing to roll back".into(),
        ));
    }
    let _lock = lock(&packs)?;
    let state = read_state(&packs)
        .map_err(|e| state_unusable(&packs, &e))?
        .ok_or_else(|| Error::Pack("no pack is installed; there is nothing to roll back".into()))?;
    let Some(previous) = state.previous.clone() else {
        return Err(Error::Pack(
            "there is no previous pack to roll back to (rollback goes back one step only)".into(),
        ));
    };
    // Signed, every file intact, the content loading to the guides its manifest lists.
    let target = load_slot(&packs, &previous)
        .and_then(|(manifest, origin, files)| {
            check_signed(&packs, &previous, &manifest, trusted)?;
            let handbook = Handbook::from_files(&origin, files)?;
            check_guides(&handbook, &manifest)?;
            Ok(manifest)
        })
        .map_err(|e| Error::Pack(format!("the previous pack cannot be used: {e}")))?;
    let current = load_manifest(&packs, &state.current).ok();
    let in_use = current
        .as_ref()
        .map(|m| m.version)
        .or_else(|| slot_version(&state.current));
    if in_use.is_none_or(|v| target.version >= v) {
        return Err(Error::Pack(format!(
            "the previous pack (version {}) is not older than the pack in use ({}); {STATE_FILE} was \
             left as it is",
            target.version,
            in_use.map_or_else(|| "unknown".to_string(), |v| v.to_string())
        )));
    }
    let new_state = State {
        current: previous,
        previous: None,
    };
    write_state(&packs, &new_state)?;
    clean(&packs, Some(&new_state));
    Ok(InstallReport {
        installed: PackInfo::of(&target),
        changes: Changes::between(current.as_ref(), &target),
        previous: current.as_ref().map(PackInfo::of),
    })
}

/// Checks an installed slot's signature against `trusted`, as an install checks a pack's, and that its
/// name carries its version.
fn check_signed(
    packs: &Path,
    name: &str,
    manifest: &Manifest,
    trusted: &[PublicKey],
) -> Result<()> {
    let dir = packs.join(name);
    let manifest_bytes = read_slot_file(&dir.join(MANIFEST))?;
    let signature = read_slot_file(&dir.join(SIGNATURE))?;
    let signed = super::keys::verify_signature(&manifest_bytes, &signature, trusted)?;
    if signed.trusted_comment != manifest.trusted_comment() {
        return Err(rejected(format!(
            "the signature's trusted comment `{}` does not match the manifest (`{}`)",
            signed.trusted_comment,
            manifest.trusted_comment()
        )));
    }
    if slot_version(name) != Some(manifest.version) {
        return Err(rejected(format!(
            "the folder {name} does not hold version {}",
            manifest.version
        )));
    }
    Ok(())
}

/// The error for a `state.toml` that cannot be used: it is left exactly as it is.
fn state_unusable(packs: &Path, e: &Error) -> Error {
    Error::Pack(format!(
        "{e}. {} cannot be used, so nothing in {} was changed (the installed packs are kept): fix \
         the file or remove it, then try again",
        packs.join(STATE_FILE).display(),
        packs.display()
    ))
}

/// The handbook to use: the installed pack when there is a usable one, else the embedded handbook with a
/// note saying why. Fails only when even the embedded handbook cannot be loaded.
pub fn load_installed(data_dir: &Path) -> Result<Installed> {
    let packs = data_dir.join(PACKS_DIR);
    let mut attempt = 0;
    loop {
        attempt += 1;
        let failure = match read_state(&packs) {
            Ok(None) => NOTE_NONE.to_string(),
            Err(e) => unusable(&e),
            Ok(Some(state)) => match load_slot(&packs, &state.current) {
                Ok((manifest, origin, files)) => {
                    return Ok(from_slot(&packs, &state, manifest, origin, files));
                }
                // An install or rollback may have switched slots while this one was read: look again.
                Err(_) if attempt < 3 && read_state(&packs).ok().flatten() != Some(state) => {
                    continue;
                }
                Err(e) => unusable(&e),
            },
        };
        return Ok(Installed {
            content: Content::Embedded,
            status: PackStatus::embedded(Some(failure)),
        });
    }
}

/// What [`load_installed`] would report, the installed pack's content checked as loading it would
/// (without building its index or keeping it).
pub fn status(data_dir: &Path) -> Result<PackStatus> {
    let installed = load_installed(data_dir)?;
    match installed.content {
        Content::Embedded => Ok(installed.status),
        Content::Pack {
            origin,
            files,
            manifest,
        } => Ok(
            match Handbook::from_files(&origin, files).and_then(|h| check_guides(&h, &manifest)) {
                Ok(()) => installed.status,
                Err(e) => PackStatus::embedded(Some(unusable(&e))),
            },
        ),
    }
}

fn unusable(e: &Error) -> String {
    format!("Gói cập nhật đã cài không dùng được nên đang dùng sổ tay đi kèm ứng dụng. Lý do: {e}")
}

fn from_slot(
    packs: &Path,
    state: &State,
    manifest: Manifest,
    origin: String,
    files: Vec<SourceFile>,
) -> Installed {
    let previous = state
        .previous
        .as_deref()
        .and_then(|name| load_manifest(packs, name).ok());
    Installed {
        status: PackStatus {
            source: Source::Pack,
            note: None,
            pack: Some(PackInfo::of(&manifest)),
            changes: previous
                .as_ref()
                .map(|p| Changes::between(Some(p), &manifest)),
            previous: previous.as_ref().map(PackInfo::of),
        },
        content: Content::Pack {
            origin,
            files,
            manifest,
        },
    }
}

/// How long an install or rollback waits for another one to finish before giving up.
const LOCK_WAIT: std::time::Duration = std::time::Duration::from_secs(10);

/// Takes the install lock, waiting up to [`LOCK_WAIT`] while another install or rollback holds it. (A
/// short wait also covers a process that is being spawned elsewhere in this program: between its fork
/// and exec it briefly shares our open lock file.)
fn lock(packs: &Path) -> Result<fs::File> {
    let path = packs.join(LOCK_FILE);
    let file = fs::OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(&path)
        .map_err(|e| Error::io(&path, e))?;
    let started = std::time::Instant::now();
    loop {
        match file.try_lock() {
            Ok(()) => return Ok(file),
            Err(fs::TryLockError::WouldBlock) if started.elapsed() < LOCK_WAIT => {
                std::thread::sleep(std::time::Duration::from_millis(20));
            }
            Err(fs::TryLockError::WouldBlock) => {
                return Err(Error::Pack(
                    "another pack install or rollback is in progress".into(),
                ));
            }
            Err(fs::TryLockError::Error(e)) => return Err(Error::io(&path, e)),
        }
    }
}

/// `Ok(None)` when nothing was ever installed.
fn read_state(packs: &Path) -> Result<Option<State>> {
    let path = packs.join(STATE_FILE);
    let text = match crate::regular::read_to_string(&path, MAX_SLOT_TEXT) {
        Ok(t) => t,
        Err(ReadError::Io(e)) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(ReadError::Io(e)) => return Err(Error::io(&path, e)),
        Err(e) => return Err(Error::Pack(format!("{}: {e}", path.display()))),
    };
    let state: State = toml::from_str(&text)
        .map_err(|e| Error::Pack(format!("{}: {}", path.display(), e.message())))?;
    for name in std::iter::once(&state.current).chain(&state.previous) {
        if !is_slot_name(name) {
            return Err(Error::Pack(format!(
                "{}: `{name}` is not a pack slot name",
                path.display()
            )));
        }
    }
    Ok(Some(state))
}

fn write_state(packs: &Path, state: &State) -> Result<()> {
    let text = toml::to_string(state)
        .map_err(|e| Error::Pack(format!("cannot write {STATE_FILE}: {e}")))?;
    crate::atomic::write(&packs.join(STATE_FILE), text.as_bytes(), false)
}

/// The version in a slot name (`v3-9f2c…` → 3).
fn slot_version(name: &str) -> Option<u64> {
    name.strip_prefix('v')?.split_once('-')?.0.parse().ok()
}

/// `v<digits>-<hex>`: the only names `state.toml` may point at.
fn is_slot_name(name: &str) -> bool {
    let Some((version, suffix)) = name.strip_prefix('v').and_then(|r| r.split_once('-')) else {
        return false;
    };
    !version.is_empty()
        && version.bytes().all(|b| b.is_ascii_digit())
        && !suffix.is_empty()
        && suffix.bytes().all(|b| b.is_ascii_hexdigit())
}

/// Removes everything in `packs/` but the state, the lock and the slots the state names.
fn clean(packs: &Path, state: Option<&State>) {
    let Ok(entries) = fs::read_dir(packs) else {
        return;
    };
    let mut removed = false;
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        let keep = name == STATE_FILE
            || name == LOCK_FILE
            || state.is_some_and(|s| s.current == name || s.previous.as_deref() == Some(&name));
        if keep {
            continue;
        }
        let path = entry.path();
        let _ = if entry.file_type().is_ok_and(|t| t.is_dir()) {
            fs::remove_dir_all(&path)
        } else {
            fs::remove_file(&path)
        };
        removed = true;
    }
    if removed {
        atomic::sync_dir(packs);
    }
}

/// Writes a verified pack into a new staging folder, every file and folder flushed to disk.
fn unpack(staging: &Path, pack: &super::VerifiedPack) -> Result<()> {
    fs::create_dir(staging).map_err(|e| Error::io(staging, e))?;
    let content = staging.join(CONTENT.trim_end_matches('/'));
    fs::create_dir(&content).map_err(|e| Error::io(&content, e))?;
    let mut dirs: Vec<PathBuf> = vec![staging.to_path_buf(), content.clone()];
    for (rel, data) in &pack.files {
        let path = content.join(rel);
        if let Some(parent) = path.parent()
            && !dirs.iter().any(|d| d == parent)
        {
            fs::create_dir_all(parent).map_err(|e| Error::io(parent, e))?;
            let mut p = parent;
            while p != content && !dirs.iter().any(|d| d == p) {
                dirs.push(p.to_path_buf());
                p = p.parent().unwrap_or(&content);
            }
        }
        atomic::write_new(&path, data, false)?;
    }
    atomic::write_new(&staging.join(MANIFEST), &pack.manifest_bytes, false)?;
    atomic::write_new(&staging.join(SIGNATURE), &pack.signature, false)?;
    // Deepest folders first, so each parent is synced after its children's entries.
    dirs.sort_by_key(|d| std::cmp::Reverse(d.components().count()));
    for d in &dirs {
        atomic::sync_dir(d);
    }
    Ok(())
}

/// Proves an unpacked slot holds what was checked in memory: every file read back from disk matches
/// the manifest.
fn check_staged(dir: &Path, manifest: &Manifest) -> Result<()> {
    let content = dir.join(CONTENT.trim_end_matches('/'));
    for f in &manifest.files {
        let path = content.join(&f.path);
        if !f.matches(&read_slot_file(&path)?) {
            return Err(Error::Pack(format!(
                "{}: not written as it is in the pack",
                path.display()
            )));
        }
    }
    Ok(())
}

fn check_guides(handbook: &Handbook, manifest: &Manifest) -> Result<()> {
    let listed = manifest.expected_guides();
    let mut loaded: Vec<(String, String)> = handbook
        .guides
        .iter()
        .map(|g| (g.source.clone(), g.code.clone()))
        .collect();
    loaded.sort_unstable();
    if listed != loaded {
        return Err(rejected(
            "the guides in the content do not match the guide codes listed in the manifest",
        ));
    }
    Ok(())
}

/// The largest `state.toml` or manifest read (a manifest lists at most 20,000 files).
const MAX_SLOT_TEXT: u64 = 8 * 1024 * 1024;

/// Reads a file of an installed slot: a regular file only, within the limit of a pack's files.
fn read_slot_file(path: &Path) -> Result<Vec<u8>> {
    crate::regular::read(path, Limits::default().max_file).map_err(|e| match e {
        ReadError::Io(e) => Error::io(path, e),
        other => Error::Pack(format!("{}: {other}", path.display())),
    })
}

fn load_manifest(packs: &Path, name: &str) -> Result<Manifest> {
    Manifest::parse(&read_slot_file(&packs.join(name).join(MANIFEST))?)
}

/// Reads a slot's files, checking each against the slot's manifest (size and sha256) and reading
/// exactly the listed files: a half-written or altered slot is an error, never a mix. Returns the
/// manifest, the content folder's name and the files; their content is loaded later.
fn load_slot(packs: &Path, name: &str) -> Result<(Manifest, String, Vec<SourceFile>)> {
    let dir = packs.join(name);
    let manifest = load_manifest(packs, name)?;
    let content = dir.join(CONTENT.trim_end_matches('/'));
    let mut files = Vec::with_capacity(manifest.files.len());
    for f in &manifest.files {
        let path = content.join(&f.path);
        let bytes = read_slot_file(&path)?;
        if !f.matches(&bytes) {
            return Err(Error::Pack(format!(
                "{}: does not match its sha256 in the installed manifest",
                path.display()
            )));
        }
        files.push((f.path.clone(), bytes));
    }
    Ok((manifest, content.display().to_string(), source_files(files)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slot_names() {
        assert!(is_slot_name("v3-0123abcd"));
        assert!(is_slot_name("v12-ff"));
        assert_eq!(slot_version("v12-ff"), Some(12));
        assert_eq!(slot_version("v-ff"), None);
        for bad in [
            "",
            "v-ab",
            "v3-",
            "3-ab",
            "v3-../x",
            "v3-ab/..",
            ".staging-ab",
            "v3ab",
        ] {
            assert!(!is_slot_name(bad), "{bad}");
        }
    }
}
