//! The admin gate: the PIN check (argon2, in the core), the count of wrong PINs (in the data folder,
//! by the core's [`sotay::lockout`]) and how long a right PIN keeps the gate open.
//!
//! The PIN is the kiosk's (`[kiosk] pin_hash`) in kiosk mode and the desk's (`[desk] pin_hash`, optional)
//! at a desk, read from `config.toml` at every attempt: a PIN changed with `sotay config set-pin`
//! takes effect at once, without a restart. A right PIN unlocks the admin commands for
//! [`UNLOCKED_FOR`] after the last admin action, or until `admin_lock`. Wrong PINs are counted on disk
//! before each check, so a restart or `kill -9` does not reset them: five in a row lock the gate for a
//! minute, then two, four… up to an hour, and during a lock-out no PIN is checked. The times are
//! passed in, so the rules are tested without waiting.

use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::time::{Duration, Instant, SystemTime};

use sotay::config::Config;
use sotay::lockout::{self, Attempt};
use tauri::State;

use crate::error::{ErrorCode, IpcError};

/// How long the admin screen stays unlocked after the last admin action.
pub const UNLOCKED_FOR: Duration = Duration::from_secs(5 * 60);

/// The data folder, which PIN guards the gate, and until when it is unlocked (managed state).
#[derive(Debug)]
pub struct AdminGate {
    data_dir: PathBuf,
    kiosk: bool,
    /// Unlocked until this instant. Also held during a check, so attempts are checked one at a time.
    unlocked_until: Mutex<Option<Instant>>,
}

impl AdminGate {
    /// A locked gate for the PIN of `data_dir`'s config: the kiosk's PIN when `kiosk`, else the
    /// desk's.
    pub fn new(data_dir: &Path, kiosk: bool) -> AdminGate {
        AdminGate {
            data_dir: data_dir.to_path_buf(),
            kiosk,
            unlocked_until: Mutex::new(None),
        }
    }

    /// The PIN hash in force, read from the config now (`None`: no PIN is set). A config that cannot
    /// be read is an error: nothing is unlocked by a guess about it.
    fn pin_hash(&self) -> Result<Option<String>, IpcError> {
        let config = Config::load(&self.data_dir)?;
        Ok(if self.kiosk {
            config.kiosk.pin_hash
        } else {
            config.desk.pin_hash
        })
    }

    /// Whether a PIN is set now (a config that cannot be read counts as set: the gate stays shut).
    pub fn pin_set(&self) -> bool {
        self.pin_hash().map_or(true, |h| h.is_some())
    }

    fn state(&self) -> std::sync::MutexGuard<'_, Option<Instant>> {
        // A panic while holding the lock leaves a consistent state (one field), so go on with it.
        self.unlocked_until
            .lock()
            .unwrap_or_else(|e| e.into_inner())
    }

    /// Checks `pin` at `now` (`wall`: the same moment by the clock, for the count on disk): `Ok(true)`
    /// unlocks, `Ok(false)` is a wrong PIN (counted), and a lock-out answers `locked-out` without
    /// checking.
    pub fn unlock(&self, pin: &str, now: Instant, wall: SystemTime) -> Result<bool, IpcError> {
        let mut unlocked = self.state();
        let hash = self.pin_hash()?;
        match lockout::check_pin(&self.data_dir, hash.as_deref(), pin, wall)? {
            Attempt::Right => {
                *unlocked = Some(now + UNLOCKED_FOR);
                Ok(true)
            }
            Attempt::Wrong { .. } => {
                *unlocked = None;
                Ok(false)
            }
            Attempt::LockedOut { remaining } => {
                *unlocked = None;
                Err(locked_out(remaining))
            }
        }
    }

    /// Succeeds when the gate is unlocked at `now` (and keeps it unlocked for [`UNLOCKED_FOR`] more);
    /// otherwise answers `locked`.
    pub fn require(&self, now: Instant) -> Result<(), IpcError> {
        let mut unlocked = self.state();
        match *unlocked {
            Some(until) if now < until => {
                *unlocked = Some(now + UNLOCKED_FOR);
                Ok(())
            }
            _ => {
                *unlocked = None;
                Err(IpcError::new(
                    ErrorCode::Locked,
                    "Cần nhập mã PIN quản trị trước khi làm việc này.",
                ))
            }
        }
    }

    /// At a desk, succeeds when no desk PIN is set, else as [`AdminGate::require`]; in kiosk mode,
    /// as [`AdminGate::require`]. (Installing and rolling back packs.)
    pub fn require_if_pin(&self, now: Instant) -> Result<(), IpcError> {
        if self.kiosk || self.pin_hash()?.is_some() {
            self.require(now)
        } else {
            Ok(())
        }
    }

    /// Locks the gate now.
    pub fn lock(&self) {
        *self.state() = None;
    }
}

/// The answer during a lock-out: how long it still lasts, in seconds or (past two minutes) minutes.
fn locked_out(remaining: Duration) -> IpcError {
    let secs = remaining.as_secs() + u64::from(remaining.subsec_nanos() > 0); // rounded up
    let wait = if secs > 120 {
        format!("{} phút", secs.div_ceil(60))
    } else {
        format!("{secs} giây")
    };
    IpcError::new(
        ErrorCode::LockedOut,
        format!("Nhập sai mã PIN quá nhiều lần. Vui lòng thử lại sau {wait}."),
    )
}

/// Checks the admin PIN: `true` unlocks the admin commands (see [`AdminGate::unlock`]).
#[tauri::command]
pub async fn admin_unlock(gate: State<'_, AdminGate>, pin: String) -> Result<bool, IpcError> {
    gate.unlock(&pin, Instant::now(), SystemTime::now())
}

/// Locks the admin commands again (leaving the admin screen, idle reset).
#[tauri::command]
pub async fn admin_lock(gate: State<'_, AdminGate>) -> Result<(), IpcError> {
    gate.lock();
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    const PIN: &str = "482916";

    /// A data folder whose config has `PIN` as the kiosk's PIN (and, with `desk`, as the desk's).
    fn data(desk: bool) -> tempfile::TempDir {
        let dir = tempfile::tempdir().expect("temp dir");
        let mut config = Config::default();
        let hash = sotay::config::hash_pin(PIN).expect("hash");
        config.kiosk.pin_hash = Some(hash.clone());
        if desk {
            config.desk.pin_hash = Some(hash);
        }
        config.save(dir.path()).expect("save");
        dir
    }

    #[test]
    fn unlocked_for_five_minutes_after_the_last_admin_action() {
        let dir = data(false);
        let g = AdminGate::new(dir.path(), true);
        let t0 = Instant::now();
        let wall = SystemTime::now();
        assert_eq!(g.require(t0).map_err(|e| e.code), Err(ErrorCode::Locked));
        assert_eq!(g.unlock(PIN, t0, wall), Ok(true));
        assert!(g.require(t0 + Duration::from_secs(200)).is_ok());
        // The action at 200 s keeps it open until 500 s.
        assert!(g.require(t0 + Duration::from_secs(499)).is_ok());
        let late = t0 + Duration::from_secs(499) + UNLOCKED_FOR;
        assert_eq!(g.require(late).map_err(|e| e.code), Err(ErrorCode::Locked));
        // Expired stays expired.
        assert!(g.require(late + Duration::from_secs(1)).is_err());
    }

    #[test]
    fn five_wrong_pins_lock_out_across_a_restart_and_longer_each_time() {
        let dir = data(false);
        let g = AdminGate::new(dir.path(), true);
        let t0 = Instant::now();
        let wall = SystemTime::now();
        assert_eq!(g.unlock(PIN, t0, wall), Ok(true));
        assert_eq!(g.unlock("000000", t0, wall), Ok(false));
        assert!(g.require(t0).is_err(), "a wrong PIN locks an unlocked gate");
        for _ in 1..lockout::MAX_FAILURES {
            assert_eq!(g.unlock("000000", t0, wall), Ok(false));
        }
        // A restart (a new gate on the same data folder) is still locked out.
        drop(g);
        let g = AdminGate::new(dir.path(), true);
        let e = g
            .unlock(PIN, t0, wall + Duration::from_secs(59))
            .expect_err("locked out");
        assert_eq!(e.code, "locked-out");
        assert!(e.message.contains("1 giây"), "{}", e.message);
        let after = wall + lockout::FIRST_LOCKOUT;
        // The next five wrong ones lock for twice as long.
        for _ in 0..lockout::MAX_FAILURES {
            assert_eq!(g.unlock("000000", t0, after), Ok(false));
        }
        let e = g.unlock(PIN, t0, after).expect_err("locked out again");
        assert!(e.message.contains("120 giây"), "{}", e.message);
        assert_eq!(
            g.unlock(PIN, t0, after + 2 * lockout::FIRST_LOCKOUT),
            Ok(true)
        );
    }

    #[test]
    fn the_pin_is_read_again_at_each_attempt() {
        let dir = data(false);
        let g = AdminGate::new(dir.path(), true);
        let (t0, wall) = (Instant::now(), SystemTime::now());
        assert_eq!(g.unlock(PIN, t0, wall), Ok(true));
        let mut config = Config::load(dir.path()).expect("load");
        config.kiosk.pin_hash = Some(sotay::config::hash_pin("135790").expect("hash"));
        config.save(dir.path()).expect("save");
        assert_eq!(g.unlock(PIN, t0, wall), Ok(false), "the old PIN");
        assert_eq!(g.unlock("135790", t0, wall), Ok(true), "the new PIN");
        config.kiosk.pin_hash = None;
        config.save(dir.path()).expect("save");
        assert!(!g.pin_set());
        assert_eq!(g.unlock("135790", t0, wall), Ok(false));
    }

    #[test]
    fn at_a_desk_the_desk_pin_guards_only_when_set() {
        let dir = data(false);
        let g = AdminGate::new(dir.path(), false);
        let (t0, wall) = (Instant::now(), SystemTime::now());
        assert!(!g.pin_set(), "the kiosk PIN is not the desk's");
        assert!(g.require_if_pin(t0).is_ok());
        assert_eq!(g.unlock(PIN, t0, wall), Ok(false));
        let dir = data(true);
        let g = AdminGate::new(dir.path(), false);
        assert_eq!(
            g.require_if_pin(t0).map_err(|e| e.code),
            Err(ErrorCode::Locked)
        );
        assert_eq!(g.unlock(PIN, t0, wall), Ok(true));
        assert!(g.require_if_pin(t0).is_ok());
    }

    #[test]
    fn no_pin_set_means_nothing_unlocks() {
        let dir = tempfile::tempdir().expect("temp dir");
        let g = AdminGate::new(dir.path(), true);
        assert!(!g.pin_set());
        let (t0, wall) = (Instant::now(), SystemTime::now());
        assert_eq!(g.unlock("", t0, wall), Ok(false));
        assert_eq!(g.unlock(PIN, t0, wall), Ok(false));
    }
}
