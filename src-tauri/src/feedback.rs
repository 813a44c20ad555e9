//! Citizens' ratings and petitions (kiosk mode), kept by the core's [`FeedbackStore`] in the data folder,
//! and their export from the admin screen.
//!
//! The store is opened on first use (a desktop that never rates creates no database), and the
//! retention setting is applied then. Validation is the core's: `check_petition` returns its field
//! errors without storing, `submit_petition` stores or answers `invalid` with the same errors.

use std::path::{Path, PathBuf};
use std::sync::OnceLock;
use std::time::Instant;

use sotay::FieldError;
use sotay::feedback::{
    ExportSummary, FeedbackCounts, FeedbackStore, PetitionInput, RatingInput, validate_petition,
};
use tauri::State;

use crate::admin::AdminGate;
use crate::error::IpcError;

/// The feedback database of the data folder, opened on first use (managed state).
#[derive(Debug)]
pub struct Feedback {
    data_dir: PathBuf,
    retention_days: u32,
    store: OnceLock<Result<FeedbackStore, IpcError>>,
}

impl Feedback {
    /// The feedback of the data folder `data_dir`, to be kept `retention_days` days (0: forever).
    pub fn new(data_dir: &Path, retention_days: u32) -> Feedback {
        Feedback {
            data_dir: data_dir.to_path_buf(),
            retention_days,
            store: OnceLock::new(),
        }
    }

    /// Runs `f` on the store, opening it (and applying the retention) the first time.
    fn with<T>(&self, f: impl FnOnce(&FeedbackStore) -> sotay::Result<T>) -> Result<T, IpcError> {
        let store = self.store.get_or_init(|| {
            let store = FeedbackStore::open(&FeedbackStore::default_path(&self.data_dir))?;
            if self.retention_days > 0 {
                store.apply_retention(self.retention_days)?;
            }
            Ok(store)
        });
        Ok(f(store.as_ref().map_err(Clone::clone)?)?)
    }

    /// Where exports go: `exports/` in the data folder.
    pub fn exports_dir(&self) -> PathBuf {
        self.data_dir.join("exports")
    }
}

/// Stores a rating of a guide (1 = Không hài lòng, 2 = Hài lòng, 3 = Rất hài lòng); returns its id.
#[tauri::command]
pub async fn submit_rating(
    feedback: State<'_, Feedback>,
    rating: RatingInput,
) -> Result<i64, IpcError> {
    feedback.with(|s| s.add_rating(&rating))
}

/// The problems of a petition, field by field (empty when it can be sent); stores nothing.
#[tauri::command]
pub async fn check_petition(petition: PetitionInput) -> Result<Vec<FieldError>, IpcError> {
    Ok(validate_petition(&petition).err().unwrap_or_default())
}

/// Stores a petition once it is valid (committed before the answer); returns its id.
#[tauri::command]
pub async fn submit_petition(
    feedback: State<'_, Feedback>,
    petition: PetitionInput,
) -> Result<i64, IpcError> {
    feedback.with(|s| s.add_petition(&petition))
}

/// How many petitions and ratings are kept (admin only).
#[tauri::command]
pub async fn feedback_counts(
    gate: State<'_, AdminGate>,
    feedback: State<'_, Feedback>,
) -> Result<FeedbackCounts, IpcError> {
    gate.require(Instant::now())?;
    feedback.with(FeedbackStore::counts)
}

/// Exports every petition and rating to `exports/gop-y-<local time>.csv` in the data folder, deleting
/// the exported petitions when `purge` (admin only).
#[tauri::command]
pub async fn export_feedback(
    gate: State<'_, AdminGate>,
    feedback: State<'_, Feedback>,
    purge: bool,
) -> Result<ExportSummary, IpcError> {
    gate.require(Instant::now())?;
    let dir = feedback.exports_dir();
    std::fs::create_dir_all(&dir).map_err(|e| IpcError::from(sotay::Error::io(&dir, e)))?;
    let stamp = jiff::Zoned::now().strftime("%Y%m%d-%H%M%S").to_string();
    let out = export_path(&dir, &stamp);
    feedback.with(|s| s.export_csv(&out, purge))
}

/// A new file in `dir` for an export made at `stamp`: `gop-y-<stamp>.csv`, or `gop-y-<stamp>-2.csv`
/// (-3…) when exports were already made that second.
pub fn export_path(dir: &Path, stamp: &str) -> PathBuf {
    let mut path = dir.join(format!("gop-y-{stamp}.csv"));
    let mut n = 2;
    while path.exists() {
        path = dir.join(format!("gop-y-{stamp}-{n}.csv"));
        n += 1;
    }
    path
}
