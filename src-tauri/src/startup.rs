//! What must hold before the window can open — a display, GTK, a writable data folder, a readable
//! config — checked first, so that each failure is one clear line in Vietnamese and English and a
//! non-zero exit instead of a panic and a Rust backtrace (what GTK's "Failed to initialize gtk backend"
//! inside Tauri gave when the app was started from a service or over SSH).
//!
//! A panic that still happens later is also reported in one line ([`install_panic_hook`]): an officer
//! reading a kiosk's journal needs the sentence, not the backtrace.

use std::ffi::OsString;
use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

use sotay::config::Config;

/// Why the app cannot start. Each message is one line: Vietnamese, then English.
#[derive(Debug, thiserror::Error)]
pub enum StartupError {
    /// Neither `DISPLAY` nor `WAYLAND_DISPLAY` is set: there is no screen to open a window on.
    #[error(
        "không có màn hình để mở cửa sổ (chưa đặt DISPLAY hay WAYLAND_DISPLAY): hãy chạy trong phiên đồ hoạ / \
         no display to open a window on (neither DISPLAY nor WAYLAND_DISPLAY is set): run it in a graphical session"
    )]
    NoDisplay,
    /// GTK could not be initialised (the display named is not reachable, or not usable).
    #[error(
        "không mở được màn hình {display}: hãy kiểm tra phiên đồ hoạ / \
         cannot open the display {display}: check the graphical session ({cause})"
    )]
    Gtk {
        /// The display the environment names.
        display: String,
        /// GTK's own words.
        cause: String,
    },
    /// No data folder could be found (no platform data folder and none given).
    #[error(
        "không xác định được thư mục dữ liệu: hãy đặt SOTAY_DATA_DIR hoặc dùng --data DIR / \
         no data folder: set SOTAY_DATA_DIR or pass --data DIR ({cause})"
    )]
    NoDataDir {
        /// The library's words.
        cause: String,
    },
    /// The data folder cannot be created or written to.
    #[error(
        "không ghi được vào thư mục dữ liệu {dir}: hãy kiểm tra quyền ghi hoặc dùng --data DIR / \
         cannot write to the data folder {dir}: check its permissions or pass --data DIR ({cause})",
        dir = .dir.display()
    )]
    DataDirNotWritable {
        /// The data folder.
        dir: PathBuf,
        /// The system's words.
        cause: String,
    },
    /// The config file cannot be read or is not valid.
    #[error(
        "tệp cấu hình {file} bị lỗi, hãy sửa hoặc xóa nó (`sotay config show` cho biết chi tiết) / \
         the config file {file} is not valid: fix or remove it (`sotay config show` says more) ({cause})",
        file = .file.display()
    )]
    Config {
        /// The config file.
        file: PathBuf,
        /// The library's words (file and line).
        cause: String,
    },
    /// Tauri failed while starting or running the window.
    #[error("ứng dụng dừng vì lỗi / the app stopped on an error: {0}")]
    Run(#[from] tauri::Error),
}

/// Whether the environment names a display: `DISPLAY` (X11) or `WAYLAND_DISPLAY`, not empty. `var` reads
/// the environment (a parameter so tests need not change the process's environment).
pub fn check_display(var: impl Fn(&str) -> Option<OsString>) -> Result<(), StartupError> {
    let set = |name: &str| var(name).is_some_and(|v| !v.is_empty());
    if set("DISPLAY") || set("WAYLAND_DISPLAY") {
        Ok(())
    } else {
        Err(StartupError::NoDisplay)
    }
}

/// Initialises GTK before Tauri does, so that a display that is named but cannot be opened is an
/// error here rather than a panic inside Tauri (GTK's init is idempotent: Tauri's own call then
/// returns at once).
#[cfg(target_os = "linux")]
pub fn init_gtk() -> Result<(), StartupError> {
    gtk::init().map_err(|e| StartupError::Gtk {
        display: std::env::var("WAYLAND_DISPLAY")
            .ok()
            .filter(|v| !v.is_empty())
            .or_else(|| std::env::var("DISPLAY").ok())
            .unwrap_or_default(),
        cause: e.to_string(),
    })
}

/// The data folder for `--data` (else `SOTAY_DATA_DIR`, else the platform's).
pub fn data_dir(explicit: Option<&Path>) -> Result<PathBuf, StartupError> {
    sotay::config::data_dir(explicit).map_err(|e| StartupError::NoDataDir {
        cause: e.to_string(),
    })
}

/// Creates the data folder when it is missing and checks that a file can be written in it (then
/// removes that file): the history, the feedback and the packs all live there.
pub fn check_writable(dir: &Path) -> Result<(), StartupError> {
    let fail = |e: std::io::Error| StartupError::DataDirNotWritable {
        dir: dir.to_path_buf(),
        cause: e.to_string(),
    };
    fs::create_dir_all(dir).map_err(fail)?;
    let probe = dir.join(format!(".sotay-write-test.{}", std::process::id()));
    let written = fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(&probe)
        .and_then(|mut f| f.write_all(b"ok"));
    let removed = fs::remove_file(&probe);
    written.map_err(fail)?;
    removed.map_err(fail)
}

/// Reads the config of `dir`: a config that is there but not valid stops the start, because running on
/// the defaults would silently drop the kiosk PIN and the trusted pack keys.
pub fn check_config(dir: &Path) -> Result<Config, StartupError> {
    Config::load(dir).map_err(|e| StartupError::Config {
        file: Config::path(dir),
        cause: e.to_string(),
    })
}

/// Replaces the default panic report (message, location and a backtrace hint) with one line in both
/// languages: a panic still ends the app, but says what happened plainly.
pub fn install_panic_hook() {
    std::panic::set_hook(Box::new(|info| {
        let payload = info
            .payload()
            .downcast_ref::<&str>()
            .map(|s| (*s).to_string())
            .or_else(|| info.payload().downcast_ref::<String>().cloned())
            .unwrap_or_default();
        let place = info
            .location()
            .map(|l| format!(" ({}:{})", l.file(), l.line()))
            .unwrap_or_default();
        eprintln!(
            "sotay-desktop: ứng dụng gặp lỗi không lường trước và phải dừng / the app met an unexpected \
             error and stopped: {}{place}",
            payload.replace('\n', " ")
        );
    }));
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use super::*;

    fn env(pairs: &'static [(&'static str, &'static str)]) -> impl Fn(&str) -> Option<OsString> {
        move |name| {
            pairs
                .iter()
                .find(|(k, _)| *k == name)
                .map(|(_, v)| OsString::from(v))
        }
    }

    #[test]
    fn a_display_is_needed() {
        assert!(check_display(env(&[("DISPLAY", ":0")])).is_ok());
        assert!(check_display(env(&[("WAYLAND_DISPLAY", "wayland-0")])).is_ok());
        let err = check_display(env(&[("DISPLAY", ""), ("HOME", "/root")])).unwrap_err();
        assert!(matches!(err, StartupError::NoDisplay));
        let line = err.to_string();
        assert!(!line.contains('\n'), "{line}");
        assert!(
            line.contains("màn hình") && line.contains("no display"),
            "{line}"
        );
    }

    #[test]
    fn the_data_folder_is_created_and_probed() {
        let tmp = tempfile::tempdir().unwrap();
        let dir = tmp.path().join("a/b");
        check_writable(&dir).unwrap();
        assert!(dir.is_dir());
        assert_eq!(
            fs::read_dir(&dir).unwrap().count(),
            0,
            "the probe is removed"
        );
    }

    #[cfg(unix)]
    #[test]
    fn an_unwritable_data_folder_is_one_clear_line() {
        use std::os::unix::fs::PermissionsExt;
        let tmp = tempfile::tempdir().unwrap();
        let dir = tmp.path().join("ro");
        fs::create_dir(&dir).unwrap();
        fs::set_permissions(&dir, fs::Permissions::from_mode(0o555)).unwrap();
        // root writes anywhere: nothing to check then
        if fs::write(dir.join("x"), b"").is_ok() {
            return;
        }
        let line = check_writable(&dir).unwrap_err().to_string();
        assert!(!line.contains('\n'), "{line}");
        assert!(
            line.contains("không ghi được") && line.contains("cannot write"),
            "{line}"
        );
        assert!(line.contains(&dir.display().to_string()), "{line}");
    }

    #[test]
    fn a_broken_config_stops_the_start_with_its_file_named() {
        let tmp = tempfile::tempdir().unwrap();
        assert!(check_config(tmp.path()).is_ok(), "no config file: defaults");
        fs::write(tmp.path().join("config.toml"), "[kiosk]\nenabled = 3\n").unwrap();
        let line = check_config(tmp.path()).unwrap_err().to_string();
        assert!(!line.contains('\n'), "{line}");
        assert!(
            line.contains("config.toml") && line.contains("not valid"),
            "{line}"
        );
    }
}
