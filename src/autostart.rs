//! The kiosk started at login: an XDG autostart entry (`sotay-kiosk.desktop` in
//! `$XDG_CONFIG_HOME/autostart`, else `~/.config/autostart`) that runs `sotay-desktop --kiosk`.
//!
//! It is what `sotay config kiosk --autostart` writes and `--no-autostart` removes, so that turning an
//! installed machine into a kiosk needs no hand-edited file. The entry lives in the user's config
//! folder, not in the package: installing, upgrading or removing the package never changes it, nor the
//! data folder.

use std::path::{Path, PathBuf};

use crate::error::{Error, Result};

/// The file name of the entry inside the autostart folder.
pub const FILE_NAME: &str = "sotay-kiosk.desktop";

/// The program the entry starts (found on `PATH`, where the package installs it).
pub const PROGRAM: &str = "sotay-desktop";

/// The autostart folder: `$XDG_CONFIG_HOME/autostart` when that is an absolute path, else
/// `$HOME/.config/autostart` (the XDG base directory rule, as `dirs::config_dir` applies it).
pub fn dir() -> Result<PathBuf> {
    dirs::config_dir()
        .map(|d| d.join("autostart"))
        .ok_or_else(|| {
            Error::Config(
                "no config folder: neither XDG_CONFIG_HOME nor HOME is set to an absolute path"
                    .into(),
            )
        })
}

/// The whole entry: starts the kiosk, with `--data DIR` when the kiosk uses a data folder other than
/// the default one. A folder whose name would need escaping in an `Exec` line (`"`, `` ` ``, `$`, `\`,
/// `%`, a line break) is refused rather than escaped, so that what runs is plainly what is written.
pub fn entry(data_dir: Option<&Path>) -> Result<String> {
    let mut exec = format!("{PROGRAM} --kiosk");
    if let Some(dir) = data_dir {
        let text = dir.to_str().ok_or_else(|| bad_dir(dir))?;
        if text.is_empty()
            || !dir.is_absolute()
            || text
                .chars()
                .any(|c| matches!(c, '"' | '`' | '$' | '\\' | '%') || c.is_control())
        {
            return Err(bad_dir(dir));
        }
        exec.push_str(&format!(" --data \"{text}\""));
    }
    Ok(format!(
        "[Desktop Entry]\n\
         Type=Application\n\
         Name=Sổ tay thủ tục hành chính — Kiosk\n\
         Name[en]=Administrative procedures handbook — Kiosk\n\
         Comment=Mở sổ tay ở chế độ kiosk khi đăng nhập\n\
         Comment[en]=Start the handbook in kiosk mode at login\n\
         Exec={exec}\n\
         Icon=sotay-desktop\n\
         Terminal=false\n\
         X-GNOME-Autostart-enabled=true\n"
    ))
}

fn bad_dir(dir: &Path) -> Error {
    Error::Config(format!(
        "the data folder {} cannot go in an autostart entry: use an absolute path without \", `, $, \\ or %",
        dir.display()
    ))
}

/// Writes the entry into the autostart folder `dir` (created when missing), atomically, and returns its
/// path. An entry already there is replaced.
pub fn enable(dir: &Path, data_dir: Option<&Path>) -> Result<PathBuf> {
    let text = entry(data_dir)?;
    std::fs::create_dir_all(dir).map_err(|e| Error::io(dir, e))?;
    let path = dir.join(FILE_NAME);
    crate::atomic::write(&path, text.as_bytes(), false)?;
    Ok(path)
}

/// Removes the entry from the autostart folder `dir`; whether there was one.
pub fn disable(dir: &Path) -> Result<bool> {
    let path = dir.join(FILE_NAME);
    match std::fs::remove_file(&path) {
        Ok(()) => {
            crate::atomic::sync_dir(dir);
            Ok(true)
        }
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(false),
        Err(e) => Err(Error::io(path, e)),
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use super::*;

    #[test]
    fn enable_writes_the_entry_and_disable_removes_it() {
        let tmp = tempfile::tempdir().unwrap();
        let dir = tmp.path().join("autostart");
        let path = enable(&dir, None).unwrap();
        assert_eq!(path, dir.join(FILE_NAME));
        let text = std::fs::read_to_string(&path).unwrap();
        assert!(text.starts_with("[Desktop Entry]\n"));
        assert!(text.contains("\nExec=sotay-desktop --kiosk\n"), "{text}");
        assert!(text.contains("\nType=Application\n"));
        // replaced, not appended to
        enable(&dir, Some(Path::new("/srv/sotay data"))).unwrap();
        let text = std::fs::read_to_string(&path).unwrap();
        assert_eq!(text.matches("Exec=").count(), 1);
        assert!(text.contains("\nExec=sotay-desktop --kiosk --data \"/srv/sotay data\"\n"));
        // no temporary file left behind
        assert_eq!(std::fs::read_dir(&dir).unwrap().count(), 1);
        assert!(disable(&dir).unwrap());
        assert!(!path.exists());
        assert!(!disable(&dir).unwrap(), "nothing left to remove");
    }

    #[test]
    fn a_data_folder_that_needs_escaping_is_refused() {
        for bad in [
            "relative/dir",
            "/tmp/a$HOME",
            "/tmp/a\"b",
            "/tmp/100%",
            "/tmp/a\nb",
        ] {
            assert!(entry(Some(Path::new(bad))).is_err(), "{bad:?}");
        }
    }
}
