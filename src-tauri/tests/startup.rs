//! Failures at start, through the built `sotay-desktop`: no display, a display that cannot be opened,
//! a data folder that cannot be written, a broken config. Each must be one line in Vietnamese and English
//! on standard error and exit status 1 — never a panic with a backtrace.

use std::path::Path;
use std::process::Command;

/// Runs the app with `args`, without any display, data folder or backtrace setting inherited, plus
/// `env`; its exit code and standard error.
fn start(args: &[&str], env: &[(&str, &str)]) -> (Option<i32>, String) {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_sotay-desktop"));
    cmd.args(args)
        .env_remove("DISPLAY")
        .env_remove("WAYLAND_DISPLAY")
        .env_remove("SOTAY_DATA_DIR")
        // were a panic to happen, the default hook would print its backtrace with this
        .env("RUST_BACKTRACE", "1");
    for (k, v) in env {
        cmd.env(k, v);
    }
    let out = cmd.output().expect("run sotay-desktop");
    (
        out.status.code(),
        String::from_utf8(out.stderr).expect("utf-8"),
    )
}

/// One line, both languages, no trace of a panic.
fn assert_one_clear_line(stderr: &str, vietnamese: &str, english: &str) {
    let lines: Vec<&str> = stderr.lines().collect();
    assert_eq!(lines.len(), 1, "one line: {stderr}");
    let line = lines[0];
    assert!(line.starts_with("sotay-desktop: "), "{line}");
    assert!(
        line.contains(vietnamese),
        "Vietnamese {vietnamese:?}: {line}"
    );
    assert!(line.contains(english), "English {english:?}: {line}");
    for word in ["panicked", "backtrace", "RUST_BACKTRACE", "thread 'main'"] {
        assert!(!stderr.contains(word), "{word:?} in {stderr}");
    }
}

#[test]
fn without_a_display_it_says_so_and_exits_1() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let data = tmp.path().to_str().expect("path");
    for env in [&[][..], &[("DISPLAY", ""), ("WAYLAND_DISPLAY", "")][..]] {
        for args in [&["--data", data][..], &["--kiosk", "--data", data][..]] {
            let (code, stderr) = start(args, env);
            assert_eq!(code, Some(1), "{stderr}");
            assert_one_clear_line(&stderr, "không có màn hình", "no display");
        }
    }
    assert_eq!(
        std::fs::read_dir(tmp.path()).expect("read").count(),
        0,
        "nothing written before the display is known"
    );
}

#[test]
fn a_display_that_cannot_be_opened_is_one_line_too() {
    // An X display number with no server behind it (skipped in the unlikely case one listens there).
    if Path::new("/tmp/.X11-unix/X987").exists() {
        return;
    }
    let tmp = tempfile::tempdir().expect("tempdir");
    let (code, stderr) = start(
        &["--data", tmp.path().to_str().expect("path")],
        &[("DISPLAY", ":987")],
    );
    assert_eq!(code, Some(1), "{stderr}");
    assert_one_clear_line(
        &stderr,
        "không mở được màn hình :987",
        "cannot open the display :987",
    );
}

#[test]
fn a_data_folder_that_cannot_be_written_is_one_line() {
    let tmp = tempfile::tempdir().expect("tempdir");
    // A folder below a plain file cannot be created, whoever runs the test (root too).
    let file = tmp.path().join("a-file");
    std::fs::write(&file, b"").expect("write");
    let dir = file.join("data");
    let (code, stderr) = start(
        &["--data", dir.to_str().expect("path")],
        &[("DISPLAY", ":987")],
    );
    assert_eq!(code, Some(1), "{stderr}");
    assert_one_clear_line(
        &stderr,
        "không ghi được vào thư mục dữ liệu",
        "cannot write to the data folder",
    );
    assert!(stderr.contains(&dir.display().to_string()), "{stderr}");
}

#[test]
fn a_broken_config_is_one_line_naming_the_file_and_line() {
    let tmp = tempfile::tempdir().expect("tempdir");
    std::fs::write(tmp.path().join("config.toml"), "[kiosk]\nenabled = 3\n").expect("write");
    let (code, stderr) = start(
        &["--kiosk", "--data", tmp.path().to_str().expect("path")],
        &[("DISPLAY", ":987")],
    );
    assert_eq!(code, Some(1), "{stderr}");
    assert_one_clear_line(&stderr, "tệp cấu hình", "is not valid");
    assert!(stderr.contains("config.toml:2"), "{stderr}");
}
