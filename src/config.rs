//! The installation's settings: `config.toml` in the data folder, and the kiosk administrator's PIN.
//!
//! The data folder is `--data DIR` when given, else the `SOTAY_DATA_DIR` environment variable when set and
//! non-empty, else the platform's app data folder for the identifier `vn.sotay.desktop` (on Linux
//! `$XDG_DATA_HOME/vn.sotay.desktop` or `~/.local/share/vn.sotay.desktop`): the same folder the desktop app
//! gets from Tauri, so the CLI and the app share one config, one feedback database and one set of packs.
//!
//! ```toml
//! [kiosk]
//! enabled = false          # start in kiosk mode even without --kiosk
//! pin_hash = "$argon2id$v=19$m=98304,t=4,p=1$…"   # absent: no PIN set, the admin screen stays locked
//! idle_seconds = 90        # idle reset, 15..=3600
//! warning_seconds = 20     # countdown before the reset, 20..=120 and less than idle_seconds
//! [speech]
//! enabled = false          # speech on when a citizen starts (one tap turns it on or off)
//! region = "northern"      # the Vietnamese voice: northern, central or southern
//! rate = 150               # words per minute, 80..=260 (110 is the admin screen's "slow")
//! volume_db = 0            # dB from espeak-ng's default loudness, -24..=6
//! device = "default"       # the ALSA device aplay plays on (a headset jack, or "null" for silence)
//! [feedback]
//! retention_days = 365     # petitions and ratings older than this are deleted (0 = keep forever)
//! [packs]
//! trusted_keys = ["RWQ…"]  # minisign public keys allowed to sign content packs
//! [desk]
//! pin_hash = "$argon2id$…"  # optional: at a desk, installing or rolling back a pack needs this PIN
//! ```
//!
//! Every key is optional (a missing file is all defaults); unknown keys and out-of-range values are refused
//! with the file and line. A PIN is 6 to 12 digits and only ever stored as an argon2id PHC string
//! ([`hash_pin`]), at a cost of about 0.4 s per check ([`PIN_M_COST`], [`PIN_T_COST`]): a million PINs
//! then take days of one core rather than minutes. The config is written atomically and readable by
//! its owner only. Wrong PINs are counted in the data folder ([`crate::lockout`]).

use std::fs;
use std::io::ErrorKind;
use std::path::{Path, PathBuf};

use argon2::password_hash::phc::PasswordHash;
use argon2::password_hash::{PasswordHasher, PasswordVerifier};
use argon2::{Algorithm, Argon2, Params, Version};
use serde::{Deserialize, Deserializer, Serialize};

use crate::error::{Error, FieldError, Result};
use crate::guide::parse::line_of;
use crate::regular::ReadError;

/// The environment variable that overrides the data folder.
pub const DATA_DIR_VAR: &str = "SOTAY_DATA_DIR";
/// The desktop app's identifier: the name of its folder under the platform's data folder.
pub const APP_IDENTIFIER: &str = "vn.sotay.desktop";
/// The config file's name in the data folder.
pub const CONFIG_FILE: &str = "config.toml";

/// Shortest and longest PIN, in digits.
pub const PIN_DIGITS: std::ops::RangeInclusive<usize> = 6..=12;
/// Argon2id memory per PIN hash, in KiB (96 MiB).
pub const PIN_M_COST: u32 = 96 * 1024;
/// Argon2id passes per PIN hash. With [`PIN_M_COST`], 0.37–0.44 s per check (median 0.40 s) in a release
/// build on the 2-core build machine; 3 passes gave 0.24–0.29 s, too close to the 0.25 s floor.
pub const PIN_T_COST: u32 = 4;
/// Argon2id lanes per PIN hash.
pub const PIN_P_COST: u32 = 1;
/// The largest config file read (a few hundred bytes in practice).
const MAX_CONFIG_BYTES: u64 = 1024 * 1024;
/// Accepted idle reset delays, in seconds.
pub const IDLE_SECONDS: std::ops::RangeInclusive<u32> = 15..=3600;
/// Accepted countdown lengths before an idle reset, in seconds: at least 20 (WCAG 2.2 §2.2.1 gives a
/// person at least 20 seconds to ask for more time).
pub const WARNING_SECONDS: std::ops::RangeInclusive<u32> = 20..=120;

/// The data folder: `explicit` when given, else `SOTAY_DATA_DIR` when set and non-empty, else the
/// platform's app data folder joined with [`APP_IDENTIFIER`]. The folder is not created here.
pub fn data_dir(explicit: Option<&Path>) -> Result<PathBuf> {
    if let Some(dir) = explicit {
        return Ok(dir.to_path_buf());
    }
    if let Some(dir) = std::env::var_os(DATA_DIR_VAR).filter(|v| !v.is_empty()) {
        return Ok(PathBuf::from(dir));
    }
    dirs::data_dir()
        .map(|d| d.join(APP_IDENTIFIER))
        .ok_or_else(|| {
            Error::Config(format!(
                "no data folder: this platform has no user data folder; set {DATA_DIR_VAR} or pass --data DIR"
            ))
        })
}

/// The whole config file.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Config {
    /// `[kiosk]`: the self-help terminal mode.
    pub kiosk: KioskConfig,
    /// `[feedback]`: ratings and petitions.
    pub feedback: FeedbackConfig,
    /// `[packs]`: signed content packs.
    pub packs: PacksConfig,
    /// `[desk]`: the desk (not kiosk) installation.
    pub desk: DeskConfig,
    /// `[office]`: the office the installation serves.
    pub office: OfficeConfig,
    /// `[speech]`: the kiosk's speech output.
    pub speech: SpeechConfig,
}

/// `[speech]`: the kiosk's speech output (espeak-ng, [`crate::speech`]).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[cfg_attr(feature = "ts", ts(rename = "SpeechSettings"))]
#[serde(default, deny_unknown_fields)]
pub struct SpeechConfig {
    /// Speech on when a citizen starts (each citizen can turn it on or off with one tap).
    pub enabled: bool,
    /// The region of the Vietnamese voice.
    pub region: crate::speech::Region,
    /// Words per minute ([`crate::speech::RATE_WPM`]).
    #[serde(deserialize_with = "de_rate")]
    pub rate: u32,
    /// Volume in dB from espeak-ng's default ([`crate::speech::VOLUME_DB`]).
    #[serde(deserialize_with = "de_volume")]
    pub volume_db: i32,
    /// The ALSA device the player plays on.
    pub device: String,
}

impl Default for SpeechConfig {
    fn default() -> Self {
        let voice = crate::speech::Voice::default();
        SpeechConfig {
            enabled: false,
            region: voice.region,
            rate: voice.rate,
            volume_db: voice.volume_db,
            device: "default".to_string(),
        }
    }
}

impl SpeechConfig {
    /// The voice these settings speak with.
    pub fn voice(&self) -> crate::speech::Voice {
        crate::speech::Voice {
            region: self.region,
            rate: self.rate,
            volume_db: self.volume_db,
        }
    }
}

/// `[office]`: the office the installation serves.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct OfficeConfig {
    /// The level of government the office works at (`xa`, `tinh`, `bo`, `khac`): its procedures rank
    /// first when a query names no level, and the desk's search starts scoped to it.
    pub level: crate::guide::Level,
}

impl Default for OfficeConfig {
    fn default() -> Self {
        OfficeConfig {
            level: crate::guide::Level::Xa,
        }
    }
}

/// `[desk]`: the desk (not kiosk) installation.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct DeskConfig {
    /// The desk PIN as an argon2id PHC string; when set, installing or rolling back a content pack at a
    /// desk needs it. `None`: those stay open at a desk.
    #[serde(
        skip_serializing_if = "Option::is_none",
        deserialize_with = "de_pin_hash"
    )]
    pub pin_hash: Option<String>,
}

/// `[kiosk]`: the self-help terminal mode.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct KioskConfig {
    /// Start in kiosk mode even without `--kiosk`.
    pub enabled: bool,
    /// The administrator's PIN as an argon2id PHC string; `None` when no PIN was set (then the admin
    /// screen cannot be opened and kiosk mode cannot be left from the app).
    #[serde(
        skip_serializing_if = "Option::is_none",
        deserialize_with = "de_pin_hash"
    )]
    pub pin_hash: Option<String>,
    /// Seconds without input before the screen is reset ([`IDLE_SECONDS`]).
    #[serde(deserialize_with = "de_idle")]
    pub idle_seconds: u32,
    /// Length of the visible countdown before the reset ([`WARNING_SECONDS`], less than `idle_seconds`).
    #[serde(deserialize_with = "de_warning")]
    pub warning_seconds: u32,
}

impl Default for KioskConfig {
    fn default() -> Self {
        KioskConfig {
            enabled: false,
            pin_hash: None,
            idle_seconds: 90,
            warning_seconds: 20,
        }
    }
}

impl KioskConfig {
    /// Whether `pin` is the administrator's PIN; always false when no PIN is set.
    pub fn check_pin(&self, pin: &str) -> bool {
        self.pin_hash.as_deref().is_some_and(|h| verify_pin(h, pin))
    }
}

/// `[feedback]`: ratings and petitions.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct FeedbackConfig {
    /// Petitions and ratings older than this many days are deleted; 0 keeps them forever.
    pub retention_days: u32,
}

impl Default for FeedbackConfig {
    fn default() -> Self {
        FeedbackConfig {
            retention_days: 365,
        }
    }
}

/// `[packs]`: signed content packs.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct PacksConfig {
    /// Minisign public keys (the base64 line of a `.pub` file) whose packs may be installed.
    pub trusted_keys: Vec<String>,
}

impl Config {
    /// The config file of a data folder.
    pub fn path(data_dir: &Path) -> PathBuf {
        data_dir.join(CONFIG_FILE)
    }

    /// Reads the config of `data_dir`. A missing file gives the defaults; a malformed one, an unknown key
    /// or a value out of range is [`Error::BadInput`] naming the file and line.
    pub fn load(data_dir: &Path) -> Result<Config> {
        let path = Config::path(data_dir);
        let file = path.display().to_string();
        // A regular file only: a FIFO in its place must not hang the app at start.
        let text = match crate::regular::read_to_string(&path, MAX_CONFIG_BYTES) {
            Ok(t) => t,
            Err(ReadError::Io(e)) if e.kind() == ErrorKind::NotFound => {
                return Ok(Config::default());
            }
            Err(ReadError::Io(e)) if e.kind() == ErrorKind::InvalidData => {
                return Err(bad(file, 0, "not UTF-8 text"));
            }
            Err(ReadError::Io(e)) => return Err(Error::io(&path, e)),
            Err(e) => return Err(bad(file, 0, e.to_string())),
        };
        // Editors on Windows may put a byte-order mark first; TOML does not allow one.
        let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
        let config: Config = toml::from_str(text).map_err(|e| {
            let line = e.span().map_or(0, |s| line_of(text.as_bytes(), s.start));
            bad(file.clone(), line, e.message().trim_end())
        })?;
        if config.kiosk.warning_seconds >= config.kiosk.idle_seconds {
            let line = key_line(text, "warning_seconds");
            return Err(bad(
                file,
                line,
                format!(
                    "warning_seconds ({}) must be less than idle_seconds ({})",
                    config.kiosk.warning_seconds, config.kiosk.idle_seconds
                ),
            ));
        }
        Ok(config)
    }

    /// Writes the config into `data_dir` (created when missing) atomically: a temporary file, fsync,
    /// rename. The file is readable by its owner only, since it holds the PIN hash.
    pub fn save(&self, data_dir: &Path) -> Result<()> {
        fs::create_dir_all(data_dir).map_err(|e| Error::io(data_dir, e))?;
        let body = toml::to_string_pretty(self)
            .map_err(|e| Error::Config(format!("cannot write the config: {e}")))?;
        let text = format!(
            "# sotay installation config (written by sotay; see the README, \"Kiosk and feedback\").\n\n{body}"
        );
        crate::atomic::write(&Config::path(data_dir), text.as_bytes(), true)
    }
}

/// Hashes a PIN for the config: argon2id ([`PIN_M_COST`], [`PIN_T_COST`], [`PIN_P_COST`]) with a fresh
/// random salt, as a PHC string. A PIN that is not 6–12 ASCII digits is refused as
/// [`Error::InvalidFields`] on the field `pin`.
pub fn hash_pin(pin: &str) -> Result<String> {
    if let Some(e) = pin_error(pin) {
        return Err(Error::InvalidFields(vec![e]));
    }
    let params = Params::new(PIN_M_COST, PIN_T_COST, PIN_P_COST, None)
        .map_err(|e| Error::Config(format!("cannot hash the PIN: {e}")))?;
    Argon2::new(Algorithm::Argon2id, Version::V0x13, params)
        .hash_password(pin.as_bytes())
        .map(|h| h.to_string())
        .map_err(|e| Error::Config(format!("cannot hash the PIN: {e}")))
}

/// Whether `pin` matches `hash` (a PHC string from [`hash_pin`], checked with the costs it names);
/// false for a malformed hash.
pub fn verify_pin(hash: &str, pin: &str) -> bool {
    PasswordHash::new(hash).is_ok_and(|h| {
        Argon2::default()
            .verify_password(pin.as_bytes(), &h)
            .is_ok()
    })
}

/// Whether a stored PIN hash is cheaper than [`hash_pin`] makes them now (set by an older sotay, whose
/// PINs could be 4 digits): the PIN should be set again.
pub fn pin_hash_is_weak(hash: &str) -> bool {
    PasswordHash::new(hash)
        .ok()
        .and_then(|h| Params::try_from(&h).ok())
        .is_none_or(|p| p.m_cost() < PIN_M_COST || p.t_cost() < PIN_T_COST)
}

/// Why `pin` cannot be a PIN, if it cannot.
pub fn pin_error(pin: &str) -> Option<FieldError> {
    let ok = PIN_DIGITS.contains(&pin.len()) && pin.bytes().all(|b| b.is_ascii_digit());
    (!ok).then(|| {
        FieldError::new(
            "pin",
            format!(
                "Mã PIN phải gồm từ {} đến {} chữ số.",
                PIN_DIGITS.start(),
                PIN_DIGITS.end()
            ),
        )
    })
}

fn bad(file: String, line: usize, message: impl Into<String>) -> Error {
    Error::BadInput {
        file,
        line,
        message: message.into(),
    }
}

/// The 1-based line where `key` is set, or 0.
fn key_line(text: &str, key: &str) -> usize {
    text.lines()
        .position(|l| {
            l.trim_start()
                .strip_prefix(key)
                .is_some_and(|rest| rest.trim_start().starts_with('='))
        })
        .map_or(0, |i| i + 1)
}

fn de_in_range<'de, D: Deserializer<'de>>(
    d: D,
    range: std::ops::RangeInclusive<u32>,
) -> std::result::Result<u32, D::Error> {
    let v = u32::deserialize(d)?;
    if range.contains(&v) {
        Ok(v)
    } else {
        Err(serde::de::Error::custom(format!(
            "{v} is out of range: {}..={}",
            range.start(),
            range.end()
        )))
    }
}

fn de_idle<'de, D: Deserializer<'de>>(d: D) -> std::result::Result<u32, D::Error> {
    de_in_range(d, IDLE_SECONDS)
}

fn de_rate<'de, D: Deserializer<'de>>(d: D) -> std::result::Result<u32, D::Error> {
    de_in_range(d, crate::speech::RATE_WPM)
}

fn de_volume<'de, D: Deserializer<'de>>(d: D) -> std::result::Result<i32, D::Error> {
    let v = i32::deserialize(d)?;
    let range = crate::speech::VOLUME_DB;
    if range.contains(&v) {
        Ok(v)
    } else {
        Err(serde::de::Error::custom(format!(
            "{v} is out of range: {}..={} (dB)",
            range.start(),
            range.end()
        )))
    }
}

fn de_warning<'de, D: Deserializer<'de>>(d: D) -> std::result::Result<u32, D::Error> {
    let v = u32::deserialize(d)?;
    if v < *WARNING_SECONDS.start() {
        return Err(serde::de::Error::custom(format!(
            "warning_seconds = {v} is too short: a person needs at least {} seconds to notice the \
             warning and ask for more time (WCAG 2.2 §2.2.1); use {}..={}",
            WARNING_SECONDS.start(),
            WARNING_SECONDS.start(),
            WARNING_SECONDS.end()
        )));
    }
    de_in_range_u32(v, WARNING_SECONDS)
}

fn de_in_range_u32<E: serde::de::Error>(
    v: u32,
    range: std::ops::RangeInclusive<u32>,
) -> std::result::Result<u32, E> {
    if range.contains(&v) {
        Ok(v)
    } else {
        Err(E::custom(format!(
            "{v} is out of range: {}..={}",
            range.start(),
            range.end()
        )))
    }
}

fn de_pin_hash<'de, D: Deserializer<'de>>(d: D) -> std::result::Result<Option<String>, D::Error> {
    let s = String::deserialize(d)?;
    match PasswordHash::new(&s) {
        Ok(h) if h.algorithm.as_str() == "argon2id" => Ok(Some(s)),
        _ => Err(serde::de::Error::custom(
            "pin_hash is not an argon2id PHC string; set the PIN with `sotay config set-pin`",
        )),
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use super::*;

    fn write_config(text: &str) -> tempfile::TempDir {
        let dir = tempfile::tempdir().unwrap();
        fs::write(Config::path(dir.path()), text).unwrap();
        dir
    }

    fn load_error(text: &str) -> (usize, String) {
        let dir = write_config(text);
        match Config::load(dir.path()) {
            Err(Error::BadInput {
                file,
                line,
                message,
            }) => {
                assert!(file.ends_with(CONFIG_FILE), "{file}");
                (line, message)
            }
            other => panic!("{text:?}: {other:?}"),
        }
    }

    #[test]
    fn a_missing_file_is_the_defaults() {
        let dir = tempfile::tempdir().unwrap();
        let c = Config::load(dir.path()).unwrap();
        assert_eq!(c, Config::default());
        assert!(!c.kiosk.enabled);
        assert_eq!(c.kiosk.pin_hash, None);
        assert_eq!((c.kiosk.idle_seconds, c.kiosk.warning_seconds), (90, 20));
        assert_eq!(c.feedback.retention_days, 365);
        assert!(c.packs.trusted_keys.is_empty());
        assert!(!c.kiosk.check_pin("123456"), "no PIN set: nothing opens");
        assert_eq!(c.desk.pin_hash, None);
    }

    #[test]
    fn partial_files_keep_the_other_defaults() {
        let dir = write_config(
            "\u{feff}[kiosk]\nenabled = true\n\n[packs]\ntrusted_keys = [\"RWQabc\"]\n",
        );
        let c = Config::load(dir.path()).unwrap();
        assert!(c.kiosk.enabled);
        assert_eq!(c.kiosk.idle_seconds, 90);
        assert_eq!(c.feedback.retention_days, 365);
        assert_eq!(c.packs.trusted_keys, ["RWQabc"]);
    }

    #[test]
    fn malformed_files_name_the_line() {
        let (line, msg) = load_error("[kiosk]\nenabled = yes\n");
        assert_eq!(line, 2, "{msg}");
        let (line, msg) = load_error("[kiosk]\nenabled = true\nidle_secs = 90\n");
        assert_eq!(line, 3);
        assert!(msg.contains("idle_secs"), "{msg}");
        let (line, msg) = load_error("[feedback]\n\n[kiosks]\n");
        assert_eq!(line, 3);
        assert!(msg.contains("kiosks"), "{msg}");
        let (line, msg) = load_error("[kiosk]\nidle_seconds = 5\n");
        assert_eq!(line, 2);
        assert!(msg.contains("15..=3600"), "{msg}");
        let (line, msg) = load_error("[kiosk]\nwarning_seconds = 0\n");
        assert_eq!(line, 2);
        assert!(msg.contains("20..=120"), "{msg}");
        let (line, msg) = load_error("[kiosk]\nwarning_seconds = 121\n");
        assert_eq!(line, 2);
        assert!(msg.contains("20..=120"), "{msg}");
        let (line, msg) = load_error("[kiosk]\nidle_seconds = 30\nwarning_seconds = 30\n");
        assert_eq!(line, 3);
        assert!(msg.contains("less than idle_seconds"), "{msg}");
        let (line, msg) = load_error("[kiosk]\npin_hash = \"1234\"\n");
        assert_eq!(line, 2);
        assert!(msg.contains("set-pin"), "{msg}");
        let (line, _) = load_error("[feedback]\nretention_days = -1\n");
        assert_eq!(line, 2);
        let (line, _) = load_error("[kiosk\n");
        assert_eq!(line, 1);
    }

    #[test]
    fn a_warning_under_twenty_seconds_is_refused_with_the_reason() {
        for short in [1, 5, 19] {
            let (line, msg) = load_error(&format!(
                "[kiosk]\nidle_seconds = 60\nwarning_seconds = {short}\n"
            ));
            assert_eq!(line, 3, "{msg}");
            assert!(msg.contains("too short"), "{msg}");
            assert!(msg.contains("at least 20 seconds"), "{msg}");
        }
        let dir = write_config("[kiosk]\nidle_seconds = 21\nwarning_seconds = 20\n");
        let c = Config::load(dir.path()).unwrap();
        assert_eq!((c.kiosk.idle_seconds, c.kiosk.warning_seconds), (21, 20));
        // 20 s of warning needs a longer idle time.
        let (line, msg) = load_error("[kiosk]\nidle_seconds = 20\nwarning_seconds = 20\n");
        assert_eq!(line, 3);
        assert!(msg.contains("less than idle_seconds"), "{msg}");
    }

    #[test]
    fn speech_settings_load_and_refuse_out_of_range() {
        let dir = write_config(
            "[speech]\nenabled = true\nregion = \"southern\"\nrate = 110\nvolume_db = -18\ndevice = \"null\"\n",
        );
        let c = Config::load(dir.path()).unwrap();
        assert!(c.speech.enabled);
        assert_eq!(c.speech.region, crate::speech::Region::Southern);
        assert_eq!((c.speech.rate, c.speech.volume_db), (110, -18));
        assert_eq!(c.speech.device, "null");
        assert_eq!(Config::default().speech.device, "default");
        assert!(!Config::default().speech.enabled);
        let (line, msg) = load_error("[speech]\nrate = 30\n");
        assert_eq!(line, 2);
        assert!(msg.contains("80..=260"), "{msg}");
        let (line, msg) = load_error("[speech]\n\nvolume_db = 12\n");
        assert_eq!(line, 3);
        assert!(msg.contains("-24..=6"), "{msg}");
        let (line, msg) = load_error("[speech]\nregion = \"western\"\n");
        assert_eq!(line, 2);
        assert!(msg.contains("northern"), "{msg}");
    }

    #[cfg(unix)]
    #[test]
    fn a_fifo_in_place_of_the_config_is_refused_at_once() {
        let dir = tempfile::tempdir().unwrap();
        let path = Config::path(dir.path());
        let c = std::ffi::CString::new(path.as_os_str().as_encoded_bytes()).unwrap();
        // SAFETY: a valid NUL-terminated path.
        assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o600) }, 0);
        match Config::load(dir.path()) {
            Err(Error::BadInput { message, .. }) => assert!(message.contains("FIFO"), "{message}"),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn non_utf8_is_a_bad_file() {
        let dir = tempfile::tempdir().unwrap();
        fs::write(Config::path(dir.path()), b"\xff\xfe[kiosk]").unwrap();
        assert!(matches!(
            Config::load(dir.path()),
            Err(Error::BadInput { line: 0, .. })
        ));
    }

    #[test]
    fn pin_hash_round_trip() {
        let hash = hash_pin("246813").unwrap();
        assert!(
            hash.starts_with("$argon2id$v=19$m=98304,t=4,p=1$"),
            "{hash}"
        );
        assert!(!hash.contains("246813"));
        assert!(!pin_hash_is_weak(&hash));
        assert!(verify_pin(&hash, "246813"));
        assert!(!verify_pin(&hash, "246814"));
        assert!(!verify_pin(&hash, ""));
        assert!(!verify_pin("not a hash", "246813"));
        // A fresh salt each time.
        assert_ne!(hash, hash_pin("246813").unwrap());
        // A hash made with the old default costs still verifies, and is reported as weak.
        let old = Argon2::default()
            .hash_password(b"2468")
            .unwrap()
            .to_string();
        assert!(old.contains("m=19456,t=2"), "{old}");
        assert!(verify_pin(&old, "2468"));
        assert!(pin_hash_is_weak(&old));
        assert!(pin_hash_is_weak("not a hash"));
    }

    #[test]
    fn pin_rule_is_six_to_twelve_digits() {
        for ok in ["000000", "123456789012"] {
            assert!(pin_error(ok).is_none(), "{ok}");
        }
        for bad in [
            "",
            "123",
            "1234",
            "12345",
            "1234567890123",
            "12a456",
            "１２３４５６",
            " 123456",
            "123 456",
        ] {
            let e = pin_error(bad).unwrap();
            assert_eq!(e.field, "pin");
            assert_eq!(e.message, "Mã PIN phải gồm từ 6 đến 12 chữ số.");
            assert!(matches!(hash_pin(bad), Err(Error::InvalidFields(f)) if f == vec![e]));
        }
    }

    #[test]
    fn save_then_load_and_check_pin() {
        let tmp = tempfile::tempdir().unwrap();
        let dir = tmp.path().join("new/data");
        let mut c = Config::default();
        c.kiosk.enabled = true;
        c.kiosk.pin_hash = Some(hash_pin("135790").unwrap());
        c.desk.pin_hash = Some(hash_pin("802468").unwrap());
        c.kiosk.idle_seconds = 120;
        c.feedback.retention_days = 0;
        c.packs.trusted_keys = vec!["RWQkey1".into(), "RWQkey2".into()];
        c.save(&dir).unwrap();
        let back = Config::load(&dir).unwrap();
        assert_eq!(back, c);
        assert!(back.kiosk.check_pin("135790"));
        assert!(!back.kiosk.check_pin("097531"));
        assert!(
            back.desk
                .pin_hash
                .as_deref()
                .is_some_and(|h| verify_pin(h, "802468"))
        );
        let names: Vec<String> = fs::read_dir(&dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        assert_eq!(names, [CONFIG_FILE], "no temporary file left");
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = fs::metadata(Config::path(&dir))
                .unwrap()
                .permissions()
                .mode();
            assert_eq!(mode & 0o777, 0o600);
        }
    }

    #[test]
    fn data_dir_prefers_the_explicit_folder() {
        let explicit = Path::new("/some/where");
        assert_eq!(data_dir(Some(explicit)).unwrap(), explicit);
        // Without one it is the variable or the platform folder; either way it ends somewhere absolute.
        let d = data_dir(None).unwrap();
        assert!(
            d.is_absolute() || std::env::var_os(DATA_DIR_VAR).is_some(),
            "{d:?}"
        );
    }

    #[test]
    fn key_lines() {
        let text = "[kiosk]\n  warning_seconds=3\nwarning_seconds_x = 1\n";
        assert_eq!(key_line(text, "warning_seconds"), 2);
        assert_eq!(key_line(text, "idle_seconds"), 0);
        assert_eq!(line_of(text.as_bytes(), 0), 1);
        assert_eq!(line_of(text.as_bytes(), 8), 2);
        assert_eq!(line_of(text.as_bytes(), 10_000), 4);
    }
}
