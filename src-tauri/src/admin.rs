//! The admin gate: the PIN check (argon2, in the core) and what the shell remembers about it.
//!
//! A right PIN unlocks the admin commands for [`UNLOCKED_FOR`] after the last admin action, or until
//! `admin_lock`. [`MAX_FAILURES`] wrong PINs in a row lock the gate out for [`LOCKOUT`]: during it every
//! attempt is refused without being checked. The times are passed in, so the rules are tested without
//! waiting.

use std::sync::Mutex;
use std::time::{Duration, Instant};

use tauri::State;

use crate::error::IpcError;

/// How long the admin screen stays unlocked after the last admin action.
pub const UNLOCKED_FOR: Duration = Duration::from_secs(5 * 60);
/// Wrong PINs in a row that trigger a lock-out.
pub const MAX_FAILURES: u32 = 5;
/// How long a lock-out lasts.
pub const LOCKOUT: Duration = Duration::from_secs(60);

/// The PIN hash of the installation and the unlock state (managed state of the app).
#[derive(Debug)]
pub struct AdminGate {
    pin_hash: Option<String>,
    state: Mutex<GateState>,
}

#[derive(Debug, Default)]
struct GateState {
    /// Unlocked until this instant.
    unlocked_until: Option<Instant>,
    /// Wrong PINs since the last right one or the last lock-out.
    failures: u32,
    /// Locked out until this instant.
    locked_out_until: Option<Instant>,
}

impl AdminGate {
    /// A locked gate for the PIN with this hash (`None`: no PIN is set, nothing unlocks it).
    pub fn new(pin_hash: Option<String>) -> AdminGate {
        AdminGate {
            pin_hash,
            state: Mutex::new(GateState::default()),
        }
    }

    /// Whether a PIN is set at all.
    pub fn pin_set(&self) -> bool {
        self.pin_hash.is_some()
    }

    fn state(&self) -> std::sync::MutexGuard<'_, GateState> {
        // A panic while holding the lock leaves a consistent state (plain fields), so go on with it.
        self.state.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Checks `pin` at `now`: `Ok(true)` unlocks, `Ok(false)` is a wrong PIN (counted), and a lock-out
    /// answers `locked-out` without checking. The lock is held during the (slow) argon2 check, so
    /// attempts are checked one at a time.
    pub fn unlock(&self, pin: &str, now: Instant) -> Result<bool, IpcError> {
        let mut st = self.state();
        if let Some(until) = st.locked_out_until {
            if now < until {
                let left = until - now;
                let secs = left.as_secs() + u64::from(left.subsec_nanos() > 0); // rounded up
                return Err(IpcError::new(
                    "locked-out",
                    format!("Nhập sai mã PIN quá nhiều lần. Vui lòng thử lại sau {secs} giây."),
                ));
            }
            st.locked_out_until = None;
        }
        let right = self
            .pin_hash
            .as_deref()
            .is_some_and(|hash| sotay::config::verify_pin(hash, pin));
        if right {
            st.failures = 0;
            st.unlocked_until = Some(now + UNLOCKED_FOR);
        } else {
            st.unlocked_until = None;
            st.failures += 1;
            if st.failures >= MAX_FAILURES {
                st.failures = 0;
                st.locked_out_until = Some(now + LOCKOUT);
            }
        }
        Ok(right)
    }

    /// Succeeds when the gate is unlocked at `now` (and keeps it unlocked for [`UNLOCKED_FOR`] more);
    /// otherwise answers `locked`.
    pub fn require(&self, now: Instant) -> Result<(), IpcError> {
        let mut st = self.state();
        match st.unlocked_until {
            Some(until) if now < until => {
                st.unlocked_until = Some(now + UNLOCKED_FOR);
                Ok(())
            }
            _ => {
                st.unlocked_until = None;
                Err(IpcError::new(
                    "locked",
                    "Cần nhập mã PIN quản trị trước khi làm việc này.",
                ))
            }
        }
    }

    /// Locks the gate now.
    pub fn lock(&self) {
        self.state().unlocked_until = None;
    }
}

/// Checks the admin PIN: `true` unlocks the admin commands (see [`AdminGate::unlock`]).
#[tauri::command]
pub async fn admin_unlock(gate: State<'_, AdminGate>, pin: String) -> Result<bool, IpcError> {
    gate.unlock(&pin, Instant::now())
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

    fn gate() -> AdminGate {
        AdminGate::new(Some(sotay::config::hash_pin("1234").expect("hash")))
    }

    #[test]
    fn unlocked_for_five_minutes_after_the_last_admin_action() {
        let g = gate();
        let t0 = Instant::now();
        assert_eq!(g.require(t0).map_err(|e| e.code), Err("locked".to_string()));
        assert_eq!(g.unlock("1234", t0), Ok(true));
        assert!(g.require(t0 + Duration::from_secs(200)).is_ok());
        // The action at 200 s keeps it open until 500 s.
        assert!(g.require(t0 + Duration::from_secs(499)).is_ok());
        let late = t0 + Duration::from_secs(499) + UNLOCKED_FOR;
        assert_eq!(
            g.require(late).map_err(|e| e.code),
            Err("locked".to_string())
        );
        // Expired stays expired.
        assert!(g.require(late + Duration::from_secs(1)).is_err());
    }

    #[test]
    fn a_wrong_pin_locks_and_five_lock_out_for_a_minute() {
        let g = gate();
        let t0 = Instant::now();
        assert_eq!(g.unlock("1234", t0), Ok(true));
        assert_eq!(g.unlock("4321", t0), Ok(false));
        assert!(g.require(t0).is_err(), "a wrong PIN locks an unlocked gate");
        for _ in 1..MAX_FAILURES {
            assert_eq!(g.unlock("4321", t0), Ok(false));
        }
        let e = g
            .unlock("1234", t0 + Duration::from_secs(59))
            .expect_err("locked out");
        assert_eq!(e.code, "locked-out");
        assert!(e.message.contains("1 giây"), "{}", e.message);
        assert_eq!(g.unlock("1234", t0 + LOCKOUT), Ok(true));
    }

    #[test]
    fn a_right_pin_resets_the_count_of_wrong_ones() {
        let g = gate();
        let t0 = Instant::now();
        for _ in 1..MAX_FAILURES {
            assert_eq!(g.unlock("0000", t0), Ok(false));
        }
        assert_eq!(g.unlock("1234", t0), Ok(true));
        for _ in 1..MAX_FAILURES {
            assert_eq!(g.unlock("0000", t0), Ok(false));
        }
        assert_eq!(g.unlock("1234", t0), Ok(true), "not locked out");
    }

    #[test]
    fn no_pin_set_means_nothing_unlocks() {
        let g = AdminGate::new(None);
        assert!(!g.pin_set());
        assert_eq!(g.unlock("", Instant::now()), Ok(false));
        assert_eq!(g.unlock("1234", Instant::now()), Ok(false));
    }
}
