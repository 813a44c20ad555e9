//! Wrong admin PINs, counted in the data folder so that neither a restart nor `kill -9` forgets them.
//!
//! Kept in memory, five wrong PINs locked the admin screen for a minute, but killing the app and
//! starting it again (well under a second) reset the count, and the lock-out never grew: with a short
//! PIN, guessing was a matter of minutes. Here every attempt is recorded in `pin-attempts.toml`
//! (written atomically, owner-only) *before* the slow Argon2 check, so an attempt cut short by a kill
//! still counts. [`MAX_FAILURES`] wrong PINs in a row lock the gate for [`FIRST_LOCKOUT`], each further
//! lock-out twice as long as the last, up to [`MAX_LOCKOUT`]; a right PIN starts the count again.
//! During a lock-out no PIN is checked at all.
//!
//! The times are wall-clock seconds (they must survive a restart) and are passed in, so the rules are
//! tested without waiting. A clock set back cannot stretch a lock-out past [`MAX_LOCKOUT`]. A record
//! that cannot be understood counts as [`MAX_FAILURES`] failures (the next attempt is locked out); one
//! that cannot be written refuses the attempt.
//!
//! ```toml
//! failures = 2          # wrong PINs since the last right one or lock-out
//! lockouts = 1          # lock-outs since the last right PIN
//! locked_until = 1764400000   # Unix seconds, while locked out
//! ```

use std::path::Path;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use serde::{Deserialize, Serialize};

use crate::config::verify_pin;
use crate::error::{Error, Result};
use crate::regular::ReadError;

/// The record's file name in the data folder.
pub const ATTEMPTS_FILE: &str = "pin-attempts.toml";
/// Wrong PINs in a row that lock the gate.
pub const MAX_FAILURES: u32 = 5;
/// The first lock-out; each further one lasts twice as long as the last.
pub const FIRST_LOCKOUT: Duration = Duration::from_secs(60);
/// The longest lock-out.
pub const MAX_LOCKOUT: Duration = Duration::from_secs(60 * 60);

/// The outcome of one attempt.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Attempt {
    /// The PIN is right; the count starts again.
    Right,
    /// The PIN is wrong (or none is set); `locked_for` when this attempt started a lock-out.
    Wrong {
        /// The lock-out this attempt started, if it did.
        locked_for: Option<Duration>,
    },
    /// Locked out: the PIN was not checked.
    LockedOut {
        /// How long the lock-out still lasts.
        remaining: Duration,
    },
}

/// The file's contents.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
struct Record {
    failures: u32,
    lockouts: u32,
    #[serde(skip_serializing_if = "Option::is_none")]
    locked_until: Option<u64>,
}

/// How long the lock-out after `earlier` previous ones lasts: 1, 2, 4… minutes, at most an hour.
pub fn lockout_length(earlier: u32) -> Duration {
    FIRST_LOCKOUT
        .saturating_mul(1u32 << earlier.min(16))
        .min(MAX_LOCKOUT)
}

/// Checks `pin` against `hash` (`None`: no PIN is set, nothing is right) at `now`, counting the attempt
/// in `data_dir` first; see the module docs. An error (the record cannot be written) means the attempt
/// was refused unchecked.
pub fn check_pin(
    data_dir: &Path,
    hash: Option<&str>,
    pin: &str,
    now: SystemTime,
) -> Result<Attempt> {
    let path = data_dir.join(ATTEMPTS_FILE);
    let now = unix_seconds(now);
    let mut record = load(&path)?;
    if let Some(until) = record.locked_until {
        let until = until.min(now.saturating_add(MAX_LOCKOUT.as_secs()));
        if now < until {
            return Ok(Attempt::LockedOut {
                remaining: Duration::from_secs(until - now),
            });
        }
        record.locked_until = None;
    }
    if record.failures >= MAX_FAILURES {
        // The last attempt was killed before it could lock the gate: lock it now.
        let remaining = lock(&mut record, now);
        save(&path, &record)?;
        return Ok(Attempt::LockedOut { remaining });
    }
    // Counted before the slow check, so that killing the app during it does not un-count it.
    record.failures += 1;
    save(&path, &record)?;
    if hash.is_some_and(|h| verify_pin(h, pin)) {
        save(&path, &Record::default())?;
        return Ok(Attempt::Right);
    }
    if record.failures < MAX_FAILURES {
        return Ok(Attempt::Wrong { locked_for: None });
    }
    let locked_for = lock(&mut record, now);
    save(&path, &record)?;
    Ok(Attempt::Wrong {
        locked_for: Some(locked_for),
    })
}

/// The lock-out in force at `now`, if any (nothing is written).
pub fn locked_out(data_dir: &Path, now: SystemTime) -> Result<Option<Duration>> {
    let now = unix_seconds(now);
    let record = load(&data_dir.join(ATTEMPTS_FILE))?;
    Ok(record
        .locked_until
        .map(|until| until.min(now.saturating_add(MAX_LOCKOUT.as_secs())))
        .filter(|&until| now < until)
        .map(|until| Duration::from_secs(until - now)))
}

/// Forgets the wrong attempts (a new PIN was set by someone at the machine).
pub fn reset(data_dir: &Path) -> Result<()> {
    let path = data_dir.join(ATTEMPTS_FILE);
    match std::fs::remove_file(&path) {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(()),
        Err(e) => Err(Error::io(&path, e)),
    }
}

/// Starts a lock-out at `now`; returns its length.
fn lock(record: &mut Record, now: u64) -> Duration {
    let length = lockout_length(record.lockouts);
    record.locked_until = Some(now.saturating_add(length.as_secs()));
    record.lockouts = record.lockouts.saturating_add(1);
    record.failures = 0;
    length
}

fn unix_seconds(t: SystemTime) -> u64 {
    t.duration_since(UNIX_EPOCH).map_or(0, |d| d.as_secs())
}

fn load(path: &Path) -> Result<Record> {
    match crate::regular::read_to_string(path, 4096) {
        Ok(text) => Ok(toml::from_str(&text).unwrap_or(Record {
            // Not understood: as many failures as lock the gate at the next attempt.
            failures: MAX_FAILURES,
            ..Record::default()
        })),
        Err(ReadError::Io(e)) if e.kind() == std::io::ErrorKind::NotFound => Ok(Record::default()),
        Err(ReadError::Io(e)) if e.kind() == std::io::ErrorKind::InvalidData => Ok(Record {
            failures: MAX_FAILURES,
            ..Record::default()
        }),
        Err(ReadError::Io(e)) => Err(Error::io(path, e)),
        Err(e) => Err(Error::Config(format!(
            "{}: {e}; remove it to count PIN attempts again",
            path.display()
        ))),
    }
}

fn save(path: &Path, record: &Record) -> Result<()> {
    let text = toml::to_string(record)
        .map_err(|e| Error::Config(format!("cannot write {}: {e}", path.display())))?;
    crate::atomic::write(path, text.as_bytes(), true)
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use super::*;

    /// A hash of 482916 with the least costs, so that the many checks below are quick.
    fn pin_hash() -> String {
        use argon2::password_hash::PasswordHasher;
        let params = argon2::Params::new(8, 1, 1, None).unwrap();
        argon2::Argon2::new(argon2::Algorithm::Argon2id, argon2::Version::V0x13, params)
            .hash_password(b"482916")
            .unwrap()
            .to_string()
    }

    #[test]
    fn five_wrong_lock_out_and_each_lockout_is_longer() {
        let dir = tempfile::tempdir().unwrap();
        let hash = pin_hash();
        let h = Some(hash.as_str());
        let t0 = UNIX_EPOCH + Duration::from_secs(1_800_000_000);
        let mut t = t0;
        let mut lengths = Vec::new();
        for round in 0..8 {
            for i in 1..MAX_FAILURES {
                assert_eq!(
                    check_pin(dir.path(), h, "000000", t).unwrap(),
                    Attempt::Wrong { locked_for: None },
                    "round {round}, attempt {i}"
                );
            }
            let Attempt::Wrong {
                locked_for: Some(length),
            } = check_pin(dir.path(), h, "000000", t).unwrap()
            else {
                panic!("round {round}: the fifth wrong PIN locks");
            };
            lengths.push(length.as_secs());
            // Locked: even the right PIN is not checked.
            let just_before = t + length - Duration::from_secs(1);
            assert_eq!(
                check_pin(dir.path(), h, "482916", just_before).unwrap(),
                Attempt::LockedOut {
                    remaining: Duration::from_secs(1)
                }
            );
            assert_eq!(
                locked_out(dir.path(), just_before).unwrap(),
                Some(Duration::from_secs(1))
            );
            t += length;
        }
        assert_eq!(lengths, [60, 120, 240, 480, 960, 1920, 3600, 3600]);
        // The right PIN opens after the lock-out, and starts everything again.
        assert_eq!(
            check_pin(dir.path(), h, "482916", t).unwrap(),
            Attempt::Right
        );
        for _ in 1..MAX_FAILURES {
            check_pin(dir.path(), h, "000000", t).unwrap();
        }
        assert_eq!(
            check_pin(dir.path(), h, "000000", t).unwrap(),
            Attempt::Wrong {
                locked_for: Some(FIRST_LOCKOUT)
            }
        );
    }

    #[test]
    fn a_right_pin_resets_the_count_and_no_pin_opens_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let hash = pin_hash();
        let t = SystemTime::now();
        for _ in 1..MAX_FAILURES {
            check_pin(dir.path(), Some(&hash), "111111", t).unwrap();
        }
        assert_eq!(
            check_pin(dir.path(), Some(&hash), "482916", t).unwrap(),
            Attempt::Right
        );
        for _ in 1..MAX_FAILURES {
            check_pin(dir.path(), Some(&hash), "111111", t).unwrap();
        }
        assert_eq!(
            check_pin(dir.path(), Some(&hash), "482916", t).unwrap(),
            Attempt::Right,
            "not locked out"
        );
        let empty = tempfile::tempdir().unwrap();
        assert_eq!(
            check_pin(empty.path(), None, "482916", t).unwrap(),
            Attempt::Wrong { locked_for: None }
        );
    }

    #[test]
    fn an_attempt_cut_short_still_counts_and_damage_locks() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(ATTEMPTS_FILE);
        let t = UNIX_EPOCH + Duration::from_secs(1_800_000_000);
        // As a kill during the fifth check leaves it: counted, not yet locked.
        std::fs::write(&path, "failures = 5\nlockouts = 0\n").unwrap();
        assert_eq!(
            check_pin(dir.path(), None, "482916", t).unwrap(),
            Attempt::LockedOut {
                remaining: FIRST_LOCKOUT
            }
        );
        std::fs::write(&path, "garbage").unwrap();
        assert!(matches!(
            check_pin(dir.path(), None, "482916", t).unwrap(),
            Attempt::LockedOut { .. }
        ));
        // A clock set back a year does not lock out for a year.
        std::fs::write(
            &path,
            "failures = 0\nlockouts = 1\nlocked_until = 1831536000\n",
        )
        .unwrap();
        assert_eq!(locked_out(dir.path(), t).unwrap(), Some(MAX_LOCKOUT));
        reset(dir.path()).unwrap();
        assert_eq!(locked_out(dir.path(), t).unwrap(), None);
        reset(dir.path()).unwrap();
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            check_pin(dir.path(), None, "1", t).unwrap();
            let mode = std::fs::metadata(&path).unwrap().permissions().mode();
            assert_eq!(mode & 0o777, 0o600);
        }
    }
}
