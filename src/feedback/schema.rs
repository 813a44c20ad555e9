//! The feedback database's schema, as an ordered list of migrations.
//!
//! `PRAGMA user_version` holds how many of [`MIGRATIONS`] a database has had. Opening applies the missing
//! ones in order, each in its own `BEGIN IMMEDIATE` transaction together with the new `user_version`, so a
//! crash or a second process opening the same file at the same moment leaves every database at one
//! version or the next, never in between. A database whose version is newer than this program knows is
//! refused before anything in it is changed.
//!
//! Migrations are append-only: a released step is never edited, a change is a new step.

use std::path::Path;

use rusqlite::{Connection, TransactionBehavior};

use crate::error::{Error, Result};

/// The migrations, oldest first; step `i` takes a database from version `i` to `i + 1`.
pub const MIGRATIONS: &[&str] = &[
    // 1: petitions and ratings. Times are UTC ISO-8601 text (`2026-11-28T09:15:02.123Z`), which sorts
    // as it reads. AUTOINCREMENT: an id is never reused, even after a purge, so an export's ids stay unique.
    "CREATE TABLE petitions (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        created_at TEXT NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('kien-nghi', 'phan-anh')),
        name TEXT NOT NULL,
        address TEXT NOT NULL,
        phone TEXT NOT NULL,
        email TEXT,
        procedure_code TEXT,
        summary TEXT NOT NULL,
        exported_at TEXT
    );
    CREATE TABLE ratings (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        created_at TEXT NOT NULL,
        procedure_code TEXT NOT NULL,
        level INTEGER NOT NULL CHECK (level BETWEEN 1 AND 3)
    );",
    // 2: the retention sweep and the per-procedure rating counts read by date and by code.
    "CREATE INDEX petitions_by_created_at ON petitions (created_at);
    CREATE INDEX ratings_by_created_at ON ratings (created_at);
    CREATE INDEX ratings_by_code ON ratings (procedure_code);",
];

/// The schema version this program writes.
pub fn current_version() -> i64 {
    MIGRATIONS.len() as i64
}

/// The `user_version` of a connection.
pub(crate) fn version(conn: &Connection, path: &Path) -> Result<i64> {
    conn.query_row("PRAGMA user_version", [], |r| r.get(0))
        .map_err(|e| db(path, e))
}

/// Refuses a database newer than this program (touching nothing).
pub(crate) fn check_not_newer(conn: &Connection, path: &Path) -> Result<()> {
    not_newer(version(conn, path)?, path)
}

/// Refuses the schema version `found` when it is newer than this program knows.
fn not_newer(found: i64, path: &Path) -> Result<()> {
    if found > current_version() {
        return Err(Error::SchemaTooNew {
            path: path.to_path_buf(),
            found,
            known: current_version(),
        });
    }
    Ok(())
}

/// Applies the missing migrations, each in one transaction with its `user_version`.
pub(crate) fn migrate(conn: &mut Connection, path: &Path) -> Result<()> {
    loop {
        let tx = conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(|e| db(path, e))?;
        // Read again under the write lock: another process may have migrated meanwhile.
        let found = version(&tx, path)?;
        not_newer(found, path)?;
        let Ok(index) = usize::try_from(found) else {
            return Err(Error::Config(format!(
                "{}: schema version {found} is not one sotay writes",
                path.display()
            )));
        };
        let Some(step) = MIGRATIONS.get(index) else {
            return Ok(()); // up to date; the transaction rolls back having changed nothing
        };
        tx.execute_batch(step).map_err(|e| db(path, e))?;
        tx.pragma_update(None, "user_version", found + 1)
            .map_err(|e| db(path, e))?;
        tx.commit().map_err(|e| db(path, e))?;
    }
}

/// Wraps a SQLite error with the database's path.
pub(crate) fn db(path: &Path, source: rusqlite::Error) -> Error {
    Error::Database {
        path: path.to_path_buf(),
        source,
    }
}
