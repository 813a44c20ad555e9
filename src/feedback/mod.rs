//! Citizens' ratings and petitions ("Nụ cười công sở"), kept safely in one SQLite file.
//!
//! - [`FeedbackStore`] owns the file (`feedback.sqlite3` in the data folder by default): WAL journal,
//!   `synchronous=FULL`, foreign keys on, a busy timeout so the app and the CLI can share it, and the
//!   schema migrations of [`schema`]. The file is created readable by its owner only, and only by
//!   [`FeedbackStore::open`]: [`FeedbackStore::open_existing`] and [`FeedbackStore::open_read_only`]
//!   refuse a path where there is no database (a mistyped path must not become a new, empty one), and
//!   the read-only store never writes nor waits for a writer (it works in a read-only folder).
//! - [`FeedbackStore::add_petition`] and [`FeedbackStore::add_rating`] return only after the row is
//!   committed: their `Ok` is the acknowledgement shown to the citizen, and it survives the process being
//!   killed at any moment after it (the durability test does exactly that).
//! - Input is checked first ([`validate_petition`], Vietnamese messages per field); what passes is stored
//!   as typed after NFC and trimming, through bound parameters only, so markup, quotes, emoji and NUL
//!   bytes come back exactly as they went in.
//! - [`FeedbackStore::export_csv`] writes one CSV of petitions and ratings (format in [`export`]), never
//!   over the database or its `-wal`/`-shm`/`-journal` files, reads it back, and then marks (and with
//!   `purge` deletes) exactly the petitions found intact in the finished file.
//! - [`FeedbackStore::apply_retention`] deletes what is older than the configured number of days, but
//!   never a petition that was not exported.
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
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
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
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(deny_unknown_fields)]
pub struct RatingInput {
    /// The national code of the procedure rated.
    pub code: String,
    /// 1 = Không hài lòng, 2 = Hài lòng, 3 = Rất hài lòng.
    #[cfg_attr(feature = "ts", ts(type = "1 | 2 | 3"))]
    pub level: u8,
}

/// A petition as the form (or `sotay feedback add`) sends it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
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
    #[cfg_attr(feature = "ts", ts(optional = nullable))]
    pub email: Option<String>,
    /// The national code of the procedure concerned, if any.
    #[serde(default)]
    #[cfg_attr(feature = "ts", ts(optional = nullable))]
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
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
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
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
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
    /// Opened with [`FeedbackStore::open_read_only`]: nothing is ever written.
    read_only: bool,
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
        FeedbackStore::open_file(path)
    }

    /// Opens the database at `path` for reading and writing, as [`FeedbackStore::open`] does, but only
    /// when it exists: a missing file is [`Error::Feedback`] and nothing is created.
    pub fn open_existing(path: &Path) -> Result<FeedbackStore> {
        require_database(path)?;
        FeedbackStore::open_file(path)
    }

    /// Opens the existing database at `path` read-only: no migration, no write, no write lock, so it
    /// works in a folder the user cannot write and never waits for the app or another writer (WAL
    /// readers see the last committed state). A missing file is [`Error::Feedback`]. Writing through
    /// this store fails; [`FeedbackStore::export_csv`] writes the file but marks nothing.
    pub fn open_read_only(path: &Path) -> Result<FeedbackStore> {
        require_database(path)?;
        let conn = read_only_connection(path)?;
        let version = schema::version(&conn, path)?;
        schema::check_not_newer(&conn, path)?;
        if version < 1 {
            return Err(Error::Feedback(format!(
                "{}: not a sotay feedback database yet (schema version {version}); nothing was changed",
                path.display()
            )));
        }
        Ok(FeedbackStore {
            path: path.to_path_buf(),
            conn: Mutex::new(conn),
            read_only: true,
        })
    }

    /// Opens an existing (possibly empty) file read-write and brings its schema up to date.
    fn open_file(path: &Path) -> Result<FeedbackStore> {
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
            read_only: false,
        })
    }

    /// Whether the store was opened with [`FeedbackStore::open_read_only`].
    pub fn is_read_only(&self) -> bool {
        self.read_only
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

    /// Deletes ratings, and petitions already exported, created more than `days` days ago; `0` keeps
    /// everything. A petition never exported is never deleted here, however old: it is in no file yet.
    /// Returns how many rows were deleted.
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
        for (table, only) in [
            ("petitions", " AND exported_at IS NOT NULL"),
            ("ratings", ""),
        ] {
            deleted += tx
                .execute(
                    &format!(
                        "DELETE FROM {table}
                         WHERE created_at < strftime('%Y-%m-%dT%H:%M:%fZ', 'now', ?1){only}"
                    ),
                    [&modifier],
                )
                .map_err(|e| db(&self.path, e))?;
        }
        tx.commit().map_err(|e| db(&self.path, e))?;
        Ok(deleted)
    }

    /// Writes every stored petition and rating to `out` as CSV (see [`export`]; the header row is
    /// always written), atomically and readable by its owner only, then reads the file back. Only the
    /// petitions found intact in the finished file are then marked as exported (first export only) and,
    /// with `purge`, deleted, in one transaction: a petition added meanwhile, or one that did not read
    /// back, stays. Ratings are not personal and stay (retention removes them).
    ///
    /// Refused before anything is written: an `out` that is the database itself or one of its
    /// `-wal`, `-shm` or `-journal` files (links resolved), and `purge` on a read-only store. The
    /// rows are read from one consistent snapshot without the write lock, so the export never waits for
    /// (nor holds up) the app. A read-only store writes the file and marks nothing. When the file was
    /// written but the database could not be updated (a full disk), the error says so: the file exists,
    /// and nothing was marked or purged.
    pub fn export_csv(&self, out: &Path, purge: bool) -> Result<ExportSummary> {
        refuse_database_target(&self.path, out)?;
        if purge && self.read_only {
            return Err(Error::Feedback(format!(
                "{}: opened read-only, so nothing can be purged; nothing was written",
                self.path.display()
            )));
        }
        let (petitions, ratings) = {
            let mut conn = self.lock();
            // One read transaction: petitions and ratings from the same committed state.
            let tx = conn.transaction().map_err(|e| db(&self.path, e))?;
            let petitions = read_petitions(&tx, &self.path)?;
            let ratings = read_ratings(&tx, &self.path)?;
            tx.finish().map_err(|e| db(&self.path, e))?;
            (petitions, ratings)
        };
        let bytes = export::render(&petitions, &ratings).map_err(|e| Error::io(out, e))?;
        crate::atomic::write(out, &bytes, true).map_err(|e| {
            Error::Feedback(format!(
                "the export was not written ({e}); the database was not changed"
            ))
        })?;
        let verified = export::read_back(out, &petitions, ratings.len()).map_err(|why| {
            Error::Feedback(format!(
                "{}: the export did not read back as written ({why}); nothing was marked or purged",
                out.display()
            ))
        })?;
        let summary = ExportSummary {
            path: out.display().to_string(),
            petitions: petitions.len(),
            ratings: ratings.len(),
            purged: 0,
        };
        if self.read_only {
            return Ok(summary);
        }
        let purged = self.mark_exported(&verified, purge).map_err(|e| {
            Error::Feedback(format!(
                "{} was written ({} petition(s), {} rating(s)), but the database could not be updated: \
                 {e}. Nothing was marked as exported or purged: the next export includes them again.",
                out.display(),
                petitions.len(),
                ratings.len()
            ))
        })?;
        Ok(ExportSummary { purged, ..summary })
    }

    /// Marks the petitions `ids` as exported (when not yet) and, with `purge`, deletes them; one
    /// transaction. Returns how many were deleted.
    fn mark_exported(&self, ids: &[i64], purge: bool) -> Result<usize> {
        let mut conn = self.lock();
        let tx = conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(|e| db(&self.path, e))?;
        let mut purged = 0;
        {
            let mut mark = tx
                .prepare(&format!(
                    "UPDATE petitions SET exported_at = {NOW} WHERE id = ?1 AND exported_at IS NULL"
                ))
                .map_err(|e| db(&self.path, e))?;
            let mut delete = tx
                .prepare("DELETE FROM petitions WHERE id = ?1")
                .map_err(|e| db(&self.path, e))?;
            for id in ids {
                mark.execute([id]).map_err(|e| db(&self.path, e))?;
                if purge {
                    purged += delete.execute([id]).map_err(|e| db(&self.path, e))?;
                }
            }
        }
        tx.commit().map_err(|e| db(&self.path, e))?;
        Ok(purged)
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

/// Refuses a path where there is no database file, creating nothing.
fn require_database(path: &Path) -> Result<()> {
    match fs::metadata(path) {
        Ok(m) if m.is_file() => Ok(()),
        Ok(_) => Err(Error::Feedback(format!(
            "{}: not a database file; give the feedback database (feedback.sqlite3) with --db, or \
             its data folder with --data",
            path.display()
        ))),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Err(Error::Feedback(format!(
            "{}: no feedback database here, and none was created; check the path given with --db or \
             --data (nothing has been collected on this machine yet if it is right)",
            path.display()
        ))),
        Err(e) => Err(Error::io(path, e)),
    }
}

/// A read-only connection. In a folder the user cannot write, SQLite cannot create the `-shm` file
/// a WAL database needs; when no `-wal` file exists either (the last writer closed cleanly, so every
/// commit is in the main file) the file is read as immutable instead.
fn read_only_connection(path: &Path) -> Result<Connection> {
    use rusqlite::OpenFlags;
    let flags = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    let conn = Connection::open_with_flags(path, flags).map_err(|e| db(path, e))?;
    conn.busy_timeout(BUSY_TIMEOUT).map_err(|e| db(path, e))?;
    let probe = conn.query_row("SELECT count(*) FROM sqlite_master", [], |r| {
        r.get::<_, i64>(0)
    });
    let Err(e) = probe else {
        return Ok(conn);
    };
    let cannot_open = matches!(
        e.sqlite_error_code(),
        Some(rusqlite::ErrorCode::CannotOpen | rusqlite::ErrorCode::ReadOnly)
    );
    let mut wal = path.as_os_str().to_owned();
    wal.push("-wal");
    if !cannot_open || Path::new(&wal).exists() {
        return Err(db(path, e));
    }
    drop(conn);
    let uri = immutable_uri(path)?;
    let conn = Connection::open_with_flags(&uri, flags | OpenFlags::SQLITE_OPEN_URI)
        .map_err(|e| db(path, e))?;
    Ok(conn)
}

/// `file:<absolute path>?immutable=1`, percent-encoding what a URI path cannot hold.
fn immutable_uri(path: &Path) -> Result<String> {
    let absolute = std::path::absolute(path).map_err(|e| Error::io(path, e))?;
    let mut uri = String::from("file:");
    for b in absolute.as_os_str().as_encoded_bytes() {
        if b.is_ascii_alphanumeric() || b"/-._~".contains(b) {
            uri.push(char::from(*b));
        } else {
            uri.push_str(&format!("%{b:02X}"));
        }
    }
    uri.push_str("?immutable=1");
    Ok(uri)
}

/// Refuses an export target that is the database or one of the files SQLite keeps next to it, by name
/// (links and `..` resolved, so a path through a linked folder is caught) and by identity (a hard link).
fn refuse_database_target(database: &Path, out: &Path) -> Result<()> {
    let refuse = || {
        Err(Error::Feedback(format!(
            "{}: this is the feedback database or one of its own files; refusing to write the export \
             there (nothing was written or deleted). Choose another file, e.g. gop-y.csv",
            out.display()
        )))
    };
    let mut protected: Vec<PathBuf> = Vec::new();
    for base in [
        std::path::absolute(database).ok(),
        fs::canonicalize(database).ok(),
    ]
    .into_iter()
    .flatten()
    {
        for suffix in ["", "-wal", "-shm", "-journal"] {
            let mut name = base.as_os_str().to_owned();
            name.push(suffix);
            protected.push(PathBuf::from(name));
        }
    }
    let target = resolve(out);
    if protected.iter().any(|p| Some(p) == target.as_ref()) {
        return refuse();
    }
    #[cfg(unix)]
    if let Ok(meta) = fs::metadata(out) {
        use std::os::unix::fs::MetadataExt;
        let same = |p: &PathBuf| {
            fs::metadata(p).is_ok_and(|m| m.dev() == meta.dev() && m.ino() == meta.ino())
        };
        if protected.iter().any(same) {
            return refuse();
        }
    }
    Ok(())
}

/// The absolute path `path` stands for: links (also a dangling last one) and `..` resolved as far as
/// the file system allows; `None` when even its folder cannot be resolved.
fn resolve(path: &Path) -> Option<PathBuf> {
    if let Ok(p) = fs::canonicalize(path) {
        return Some(p);
    }
    let mut path = std::path::absolute(path).ok()?;
    // A link to a file that does not exist yet: follow it by hand (a few steps, never forever).
    for _ in 0..16 {
        let Ok(target) = fs::read_link(&path) else {
            break;
        };
        path = match path.parent() {
            Some(parent) => parent.join(target),
            None => target,
        };
    }
    let name = path.file_name()?.to_owned();
    let parent = path.parent()?;
    Some(fs::canonicalize(parent).ok()?.join(name))
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
