//! Citizens' ratings and petitions ("Nụ cười công sở"), kept safely in one SQLite file.
//!
//! - [`FeedbackStore`] owns the file (`feedback.sqlite3` in the data folder by default): WAL journal,
//!   `synchronous=FULL`, foreign keys on, a busy timeout so the app and the CLI can share it, and the
//!   schema migrations of [`schema`]. The file is created readable by its owner only.
//! - [`FeedbackStore::add_petition`] and [`FeedbackStore::add_rating`] return only after the row is
//!   committed: their `Ok` is the acknowledgement shown to the citizen, and it survives the process being
//!   killed at any moment after it (the durability test does exactly that).
//! - Input is checked first ([`validate_petition`], Vietnamese messages per field); what passes is stored
//!   as typed after NFC and trimming, through bound parameters only, so markup, quotes, emoji and NUL
//!   bytes come back exactly as they went in.
//! - [`FeedbackStore::export_csv`] writes one CSV of petitions and ratings (format in [`export`]) and,
//!   with `purge`, deletes the exported petitions once the file is safely on disk.
//! - [`FeedbackStore::apply_retention`] deletes what is older than the configured number of days.
//!
//! ```
//! # fn main() -> sotay::Result<()> {
//! use sotay::feedback::{FeedbackStore, PetitionInput, PetitionKind, RatingInput};
//! let dir = tempfile::tempdir().map_err(|e| sotay::Error::io("tmp", e))?;
//! let store = FeedbackStore::open(&FeedbackStore::default_path(dir.path()))?;
//! store.add_rating(&RatingInput { code: "1.000894".into(), level: 3 })?;
//! let id = store.add_petition(&PetitionInput {
//!     kind: PetitionKind::KienNghi,
//!     name: "Nguyễn Văn An".into(),
//!     address: "12 Lý Thường Kiệt, Hoàn Kiếm, Hà Nội".into(),
//!     phone: "0912 345 678".into(),
//!     email: None,
//!     procedure_code: Some("1.000894".into()),
//!     summary: "Đề nghị niêm yết rõ lệ phí tại bộ phận một cửa.".into(),
//! })?;
//! assert_eq!(store.petitions()?[0].id, id);
//! let summary = store.export_csv(&dir.path().join("gop-y.csv"), true)?;
//! assert_eq!((summary.petitions, summary.ratings, summary.purged), (1, 1, 1));
//! # Ok(()) }
//! ```

pub mod export;
pub mod schema;
pub mod validate;

use std::fs;
use std::path::{Path, PathBuf};
use std::sync::{Mutex, MutexGuard, PoisonError};
use std::time::Duration;

use rusqlite::{Connection, Row, TransactionBehavior, params};
use serde::{Deserialize, Serialize};

pub use crate::error::FieldError;
use crate::error::{Error, Result};
pub use validate::{validate_petition, validate_rating};

use schema::db;

/// The database's file name in the data folder.
pub const DB_FILE: &str = "feedback.sqlite3";

/// How long a write waits for another process holding the database (the app while the CLI exports).
const BUSY_TIMEOUT: Duration = Duration::from_secs(10);

/// SQLite's current time as stored: UTC ISO-8601 with milliseconds, e.g. `2026-11-28T09:15:02.123Z`.
const NOW: &str = "strftime('%Y-%m-%dT%H:%M:%fZ', 'now')";

/// The two kinds of petition.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum PetitionKind {
    /// Kiến nghị: a proposal to change something.
    KienNghi,
    /// Phản ánh: a report of something that went wrong.
    PhanAnh,
}

impl PetitionKind {
    /// The stored and exported name: `kien-nghi` or `phan-anh`.
    pub fn as_str(self) -> &'static str {
        match self {
            PetitionKind::KienNghi => "kien-nghi",
            PetitionKind::PhanAnh => "phan-anh",
        }
    }

    /// The Vietnamese label.
    pub fn label(self) -> &'static str {
        match self {
            PetitionKind::KienNghi => "Kiến nghị",
            PetitionKind::PhanAnh => "Phản ánh",
        }
    }

    fn parse(s: &str) -> Option<PetitionKind> {
        match s {
            "kien-nghi" => Some(PetitionKind::KienNghi),
            "phan-anh" => Some(PetitionKind::PhanAnh),
            _ => None,
        }
    }
}

/// A rating as the UI sends it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RatingInput {
    /// The national code of the procedure rated.
    pub code: String,
    /// 1 = Không hài lòng, 2 = Hài lòng, 3 = Rất hài lòng.
    pub level: u8,
}

/// A petition as the form (or `sotay feedback add`) sends it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PetitionInput {
    /// Kiến nghị or phản ánh.
    pub kind: PetitionKind,
    /// The sender's full name.
    pub name: String,
    /// The sender's address.
    pub address: String,
    /// The sender's phone number (Vietnamese formats).
    pub phone: String,
    /// The sender's email address, optional.
    #[serde(default)]
    pub email: Option<String>,
    /// The national code of the procedure concerned, if any.
    #[serde(default)]
    pub procedure_code: Option<String>,
    /// What the petition is about.
    pub summary: String,
}

/// A stored petition.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Petition {
    /// Its id, never reused.
    pub id: i64,
    /// When it was committed (UTC ISO-8601).
    pub created_at: String,
    /// Kiến nghị or phản ánh.
    pub kind: PetitionKind,
    /// The sender's full name.
    pub name: String,
    /// The sender's address.
    pub address: String,
    /// The phone number, without separators.
    pub phone: String,
    /// The email address, if given.
    pub email: Option<String>,
    /// The procedure concerned, if given.
    pub procedure_code: Option<String>,
    /// What the petition is about.
    pub summary: String,
    /// When it was first exported, if it was.
    pub exported_at: Option<String>,
}

/// A stored rating.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Rating {
    /// Its id, never reused.
    pub id: i64,
    /// When it was committed (UTC ISO-8601).
    pub created_at: String,
    /// The procedure rated.
    pub procedure_code: String,
    /// 1 = Không hài lòng, 2 = Hài lòng, 3 = Rất hài lòng.
    pub level: u8,
}

/// What an export wrote.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ExportSummary {
    /// The file written.
    pub path: String,
    /// Petitions in the file.
    pub petitions: usize,
    /// Ratings in the file.
    pub ratings: usize,
    /// Petitions deleted from the database after the export (0 without purge).
    pub purged: usize,
}

/// How much the database holds, for the admin screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct FeedbackCounts {
    /// Petitions stored.
    pub petitions: usize,
    /// Of those, petitions never exported.
    pub petitions_not_exported: usize,
    /// Ratings stored.
    pub ratings: usize,
}

/// The feedback database. Safe to share between threads (one connection behind a lock); several
/// processes may open the same file.
#[derive(Debug)]
pub struct FeedbackStore {
    path: PathBuf,
    conn: Mutex<Connection>,
}

impl FeedbackStore {
    /// The default database of a data folder: `data_dir/feedback.sqlite3`.
    pub fn default_path(data_dir: &Path) -> PathBuf {
        data_dir.join(DB_FILE)
    }

    /// Opens the database at `path`, creating it (and its folder) when missing, and brings its schema up
    /// to date. A database from a newer sotay is [`Error::SchemaTooNew`] and is left untouched.
    pub fn open(path: &Path) -> Result<FeedbackStore> {
        if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
            fs::create_dir_all(parent).map_err(|e| Error::io(parent, e))?;
        }
        create_private(path)?;
        let mut conn = Connection::open(path).map_err(|e| db(path, e))?;
        conn.busy_timeout(BUSY_TIMEOUT).map_err(|e| db(path, e))?;
        schema::check_not_newer(&conn, path)?;
        let mode: String = conn
            .query_row("PRAGMA journal_mode = WAL", [], |r| r.get(0))
            .map_err(|e| db(path, e))?;
        if !mode.eq_ignore_ascii_case("wal") {
            return Err(Error::Config(format!(
                "{}: cannot use the WAL journal (got {mode})",
                path.display()
            )));
        }
        conn.pragma_update(None, "synchronous", "FULL")
            .map_err(|e| db(path, e))?;
        conn.pragma_update(None, "foreign_keys", "ON")
            .map_err(|e| db(path, e))?;
        schema::migrate(&mut conn, path)?;
        Ok(FeedbackStore {
            path: path.to_path_buf(),
            conn: Mutex::new(conn),
        })
    }

    /// The database file.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Stores a rating; returns its id once committed. A bad code or level is [`Error::InvalidFields`].
    pub fn add_rating(&self, r: &RatingInput) -> Result<i64> {
        let r = validate_rating(r).map_err(Error::InvalidFields)?;
        let conn = self.lock();
        conn.execute(
            &format!(
                "INSERT INTO ratings (created_at, procedure_code, level) VALUES ({NOW}, ?1, ?2)"
            ),
            params![r.code, r.level],
        )
        .map_err(|e| db(&self.path, e))?;
        Ok(conn.last_insert_rowid())
    }

    /// Checks and stores a petition; returns its id once committed. Refused fields are
    /// [`Error::InvalidFields`], and nothing is stored.
    pub fn add_petition(&self, p: &PetitionInput) -> Result<i64> {
        let p = validate_petition(p).map_err(Error::InvalidFields)?;
        let conn = self.lock();
        conn.execute(
            &format!(
                "INSERT INTO petitions
                    (created_at, kind, name, address, phone, email, procedure_code, summary)
                 VALUES ({NOW}, ?1, ?2, ?3, ?4, ?5, ?6, ?7)"
            ),
            params![
                p.kind.as_str(),
                p.name,
                p.address,
                p.phone,
                p.email,
                p.procedure_code,
                p.summary
            ],
        )
        .map_err(|e| db(&self.path, e))?;
        Ok(conn.last_insert_rowid())
    }

    /// Every stored petition, oldest first.
    pub fn petitions(&self) -> Result<Vec<Petition>> {
        read_petitions(&self.lock(), &self.path)
    }

    /// Every stored rating, oldest first.
    pub fn ratings(&self) -> Result<Vec<Rating>> {
        read_ratings(&self.lock(), &self.path)
    }

    /// How many petitions and ratings are stored.
    pub fn counts(&self) -> Result<FeedbackCounts> {
        let conn = self.lock();
        let count = |sql: &str| -> Result<usize> {
            conn.query_row(sql, [], |r| r.get::<_, i64>(0))
                .map(|n| usize::try_from(n).unwrap_or(0))
                .map_err(|e| db(&self.path, e))
        };
        Ok(FeedbackCounts {
            petitions: count("SELECT count(*) FROM petitions")?,
            petitions_not_exported: count(
                "SELECT count(*) FROM petitions WHERE exported_at IS NULL",
            )?,
            ratings: count("SELECT count(*) FROM ratings")?,
        })
    }

    /// Deletes petitions and ratings created more than `days` days ago; `0` keeps everything. Returns how
    /// many rows were deleted.
    pub fn apply_retention(&self, days: u32) -> Result<usize> {
        if days == 0 {
            return Ok(0);
        }
        let mut conn = self.lock();
        let tx = conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(|e| db(&self.path, e))?;
        let modifier = format!("-{days} days");
        let mut deleted = 0;
        for table in ["petitions", "ratings"] {
            deleted += tx
                .execute(
                    &format!(
                        "DELETE FROM {table} WHERE created_at < strftime('%Y-%m-%dT%H:%M:%fZ', 'now', ?1)"
                    ),
                    [&modifier],
                )
                .map_err(|e| db(&self.path, e))?;
        }
        tx.commit().map_err(|e| db(&self.path, e))?;
        Ok(deleted)
    }

    /// Writes every stored petition and rating to `out` as CSV (see [`export`]; the header row is
    /// always written), atomically. The database is locked for writing meanwhile, so the file holds
    /// exactly what is marked as exported. Exported petitions get their `exported_at` (first export
    /// only); with `purge` they are then deleted, in the same transaction, after the file is on disk.
    /// Ratings are not personal and stay (retention removes them).
    pub fn export_csv(&self, out: &Path, purge: bool) -> Result<ExportSummary> {
        let mut conn = self.lock();
        let tx = conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(|e| db(&self.path, e))?;
        let petitions = read_petitions(&tx, &self.path)?;
        let ratings = read_ratings(&tx, &self.path)?;
        let bytes = export::render(&petitions, &ratings).map_err(|e| Error::io(out, e))?;
        crate::atomic::write(out, &bytes, true)?;
        let last = petitions.last().map_or(0, |p| p.id);
        tx.execute(
            &format!(
                "UPDATE petitions SET exported_at = {NOW} WHERE id <= ?1 AND exported_at IS NULL"
            ),
            [last],
        )
        .map_err(|e| db(&self.path, e))?;
        let purged = if purge {
            tx.execute("DELETE FROM petitions WHERE id <= ?1", [last])
                .map_err(|e| db(&self.path, e))?
        } else {
            0
        };
        tx.commit().map_err(|e| db(&self.path, e))?;
        Ok(ExportSummary {
            path: out.display().to_string(),
            petitions: petitions.len(),
            ratings: ratings.len(),
            purged,
        })
    }

    /// The connection (a panic elsewhere while holding it leaves nothing half-done: SQLite rolls back).
    fn lock(&self) -> MutexGuard<'_, Connection> {
        self.conn.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// The schema version of the open database.
    pub fn schema_version(&self) -> Result<i64> {
        schema::version(&self.lock(), &self.path)
    }
}

/// Creates the database file readable by its owner only when it does not exist yet (SQLite gives its
/// `-wal` and `-shm` files the same permissions).
fn create_private(path: &Path) -> Result<()> {
    match crate::atomic::create(path, true) {
        Ok(_) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => Ok(()),
        Err(e) => Err(Error::io(path, e)),
    }
}

fn read_petitions(conn: &Connection, path: &Path) -> Result<Vec<Petition>> {
    let mut stmt = conn
        .prepare(
            "SELECT id, created_at, kind, name, address, phone, email, procedure_code, summary,
                    exported_at
             FROM petitions ORDER BY id",
        )
        .map_err(|e| db(path, e))?;
    let rows = stmt.query_map([], petition_of).map_err(|e| db(path, e))?;
    rows.collect::<rusqlite::Result<Vec<_>>>()
        .map_err(|e| db(path, e))
}

fn petition_of(r: &Row<'_>) -> rusqlite::Result<Petition> {
    let kind: String = r.get(2)?;
    let kind = PetitionKind::parse(&kind).ok_or_else(|| {
        rusqlite::Error::FromSqlConversionFailure(
            2,
            rusqlite::types::Type::Text,
            format!("unknown petition kind {kind:?}").into(),
        )
    })?;
    Ok(Petition {
        id: r.get(0)?,
        created_at: r.get(1)?,
        kind,
        name: r.get(3)?,
        address: r.get(4)?,
        phone: r.get(5)?,
        email: r.get(6)?,
        procedure_code: r.get(7)?,
        summary: r.get(8)?,
        exported_at: r.get(9)?,
    })
}

fn read_ratings(conn: &Connection, path: &Path) -> Result<Vec<Rating>> {
    let mut stmt = conn
        .prepare("SELECT id, created_at, procedure_code, level FROM ratings ORDER BY id")
        .map_err(|e| db(path, e))?;
    let rows = stmt
        .query_map([], |r| {
            Ok(Rating {
                id: r.get(0)?,
                created_at: r.get(1)?,
                procedure_code: r.get(2)?,
                level: r.get(3)?,
            })
        })
        .map_err(|e| db(path, e))?;
    rows.collect::<rusqlite::Result<Vec<_>>>()
        .map_err(|e| db(path, e))
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use super::*;

    #[test]
    fn inputs_have_the_ipc_json_shape() {
        let p: PetitionInput = serde_json::from_str(
            r#"{"kind": "phan-anh", "name": "An", "address": "Huế", "phone": "0905123456",
                "summary": "Nội dung phản ánh"}"#,
        )
        .unwrap();
        assert_eq!(p.kind, PetitionKind::PhanAnh);
        assert_eq!((p.email, p.procedure_code), (None, None));
        let json = serde_json::to_value(PetitionKind::KienNghi).unwrap();
        assert_eq!(json, "kien-nghi");
        assert_eq!(PetitionKind::KienNghi.label(), "Kiến nghị");
        for kind in [PetitionKind::KienNghi, PetitionKind::PhanAnh] {
            assert_eq!(PetitionKind::parse(kind.as_str()), Some(kind));
        }
        // A misspelt key is an error, not a silently empty field.
        assert!(
            serde_json::from_str::<PetitionInput>(
                r#"{"kind": "kien-nghi", "name": "An", "address": "Huế", "phone": "0905123456",
                    "sumary": "x"}"#
            )
            .is_err()
        );
        let r: RatingInput = serde_json::from_str(r#"{"code": "1.000894", "level": 2}"#).unwrap();
        assert_eq!(r.level, 2);
        assert!(
            serde_json::from_str::<RatingInput>(r#"{"code": "1.000894", "level": 300}"#).is_err()
        );
        let e = serde_json::to_value(FieldError::new("phone", "Sai")).unwrap();
        assert_eq!(e, serde_json::json!({"field": "phone", "message": "Sai"}));
    }

    #[test]
    fn the_database_file_is_private() {
        let dir = tempfile::tempdir().unwrap();
        let store = FeedbackStore::open(&dir.path().join("a/b/feedback.sqlite3")).unwrap();
        assert_eq!(store.schema_version().unwrap(), schema::current_version());
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = fs::metadata(store.path()).unwrap().permissions().mode();
            assert_eq!(mode & 0o777, 0o600);
        }
        let mode: String = store
            .lock()
            .query_row("PRAGMA journal_mode", [], |r| r.get(0))
            .unwrap();
        assert_eq!(mode, "wal");
        let sync: i64 = store
            .lock()
            .query_row("PRAGMA synchronous", [], |r| r.get(0))
            .unwrap();
        assert_eq!(sync, 2, "FULL");
    }
}
