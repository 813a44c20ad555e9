//! Signed handbook updates in the app: which handbook is in use, installing a pack file the user picked,
//! and going back one step. The core does the work ([`sotay::pack`]); this module loads what it
//! reports into the running [`Core`], so an install or a rollback takes effect without a restart.
//!
//! - `pack_status`: where the handbook comes from (embedded or an installed pack), the pack's version,
//!   date and guide count, what it changed against the previous one, or why the embedded one is used.
//! - `install_pack`: the raw bytes of a `.sotaypack` file (the UI reads the file the user chose with a
//!   plain file input and sends them as the request body). The core verifies them in memory against
//!   the trusted keys of the installation's `config.toml` and installs them, and the engine is rebuilt
//!   from what is now installed.
//! - `rollback_pack`: back to the previous pack, and the engine rebuilt.
//!
//! In kiosk mode both changes need the admin PIN (the same gate as the other admin commands); at a desk
//! they need the desk PIN when `config.toml` sets one (`[desk] pin_hash`), and are open otherwise.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Instant;

use sotay::pack::{InstallReport, Limits, PackStatus};
use tauri::State;
use tauri::ipc::{InvokeBody, Request};

use crate::admin::AdminGate;
use crate::commands::{Core, Loaded};
use crate::error::{ErrorCode, IpcError};

/// The data folder whose `packs/` the app installs into (managed state).
#[derive(Debug, Clone)]
pub struct PackDir(PathBuf);

impl PackDir {
    /// The packs of the data folder `data_dir`.
    pub fn new(data_dir: &Path) -> PackDir {
        PackDir(data_dir.to_path_buf())
    }
}

/// The largest pack file accepted: the largest a pack within the core's limits can be.
pub fn max_pack_bytes() -> u64 {
    Limits::default().max_file_bytes()
}

impl Core {
    /// Starts loading the handbook installed in `data_dir` (else the embedded one, with the note why)
    /// and indexing it, on a thread of its own; commands wait for it.
    pub fn open(data_dir: &Path) -> Core {
        let data_dir = data_dir.to_path_buf();
        Core::building(move || load(&data_dir))
    }

    /// Where the handbook in use comes from.
    pub async fn pack_status(&self) -> Result<PackStatus, IpcError> {
        Ok(self.loaded().await?.status.clone())
    }
}

/// What `load_installed` gives, as an engine: the embedded handbook from the snapshot compiled into
/// the app, an installed pack through the data folder's index cache (indexed at its first use only),
/// ranked for the office level of `config.toml`. When even the embedded handbook cannot be loaded, the
/// error is kept for every command to answer with.
fn load(data_dir: &Path) -> Loaded {
    let cache = sotay::search::cache::dir_in(data_dir);
    let embedded = crate::embedded::snapshot();
    let opened = sotay::pack::load_installed(data_dir)
        .and_then(|installed| installed.into_engine(Some(&cache), embedded.as_deref()));
    match opened {
        Ok((mut engine, status, outcome)) => {
            if let Some(notice) = outcome.notice() {
                eprintln!("sotay-desktop: {notice}");
            }
            if let Ok(config) = sotay::config::Config::load(data_dir) {
                engine.set_office_level(config.office.level);
            }
            Loaded {
                engine: Ok(Arc::new(engine)),
                status,
            }
        }
        Err(e) => Loaded::embedded(Err(IpcError::from(e))),
    }
}

/// Loads what is installed now into `core`, off the async threads (indexing takes a moment).
async fn reload(core: &Core, data_dir: PathBuf) -> Result<(), IpcError> {
    let loaded = tauri::async_runtime::spawn_blocking(move || load(&data_dir))
        .await
        .map_err(|e| IpcError::new(ErrorCode::Pack, format!("loading the handbook failed: {e}")))?;
    core.replace(loaded);
    Ok(())
}

/// Runs `change` (an install or a rollback, named `what`) on the packs of `dir` off the async threads,
/// then puts what is installed now in use.
async fn change_then_reload(
    core: &Core,
    dir: &PackDir,
    what: &str,
    change: impl FnOnce(&Path) -> Result<InstallReport, IpcError> + Send + 'static,
) -> Result<InstallReport, IpcError> {
    let data_dir = dir.0.clone();
    let report = tauri::async_runtime::spawn_blocking(move || change(&data_dir))
        .await
        .map_err(|e| IpcError::new(ErrorCode::Pack, format!("the {what} stopped: {e}")))??;
    reload(core, dir.0.clone()).await?;
    Ok(report)
}

/// In kiosk mode the admin PIN, and at a desk the desk PIN when one is set, must have unlocked the
/// gate.
fn require_admin(gate: &AdminGate) -> Result<(), IpcError> {
    gate.require_if_pin(Instant::now())
}

/// Installs the pack `bytes` into `data_dir` with the installation's trusted keys (blocking).
fn install_bytes(data_dir: &Path, bytes: Vec<u8>) -> Result<InstallReport, IpcError> {
    let trusted = sotay::pack::trusted_keys(data_dir)?;
    if trusted.is_empty() {
        return Err(IpcError::new(
            ErrorCode::PackRejected,
            "pack rejected: no trusted public key is configured (add one to [packs] trusted_keys in \
             config.toml)",
        ));
    }
    Ok(sotay::pack::install_bytes(bytes, data_dir, &trusted)?)
}

/// Where the handbook in use comes from, its version and date, and what it changed.
#[tauri::command]
pub async fn pack_status(core: State<'_, Core>) -> Result<PackStatus, IpcError> {
    core.pack_status().await
}

/// Installs the pack file whose bytes are the request body (behind the PIN, see [`require_admin`]),
/// then uses it.
/// A refused pack (`pack-rejected`, with the core's reason) leaves the handbook in use as it was.
#[tauri::command]
pub async fn install_pack(
    request: Request<'_>,
    core: State<'_, Core>,
    dir: State<'_, PackDir>,
    gate: State<'_, AdminGate>,
) -> Result<InstallReport, IpcError> {
    require_admin(&gate)?;
    let InvokeBody::Raw(bytes) = request.body() else {
        return Err(IpcError::new(
            ErrorCode::BadInput,
            "install_pack takes the pack file's bytes as the request body",
        ));
    };
    // The core refuses it too; checked here before the body is copied.
    if bytes.len() as u64 > max_pack_bytes() {
        return Err(IpcError::new(
            ErrorCode::PackRejected,
            format!(
                "pack rejected: the file is {} bytes, larger than any pack can be ({} bytes)",
                bytes.len(),
                max_pack_bytes()
            ),
        ));
    }
    let bytes = bytes.clone();
    change_then_reload(&core, &dir, "install", move |data_dir| {
        install_bytes(data_dir, bytes)
    })
    .await
}

/// Goes back to the previous pack (behind the PIN, see [`require_admin`]) after checking it as an
/// install would, then uses it.
#[tauri::command]
pub async fn rollback_pack(
    core: State<'_, Core>,
    dir: State<'_, PackDir>,
    gate: State<'_, AdminGate>,
) -> Result<InstallReport, IpcError> {
    require_admin(&gate)?;
    change_then_reload(&core, &dir, "rollback", |data_dir| {
        let trusted = sotay::pack::trusted_keys(data_dir)?;
        Ok(sotay::pack::rollback(data_dir, &trusted)?)
    })
    .await
}
