//! The desktop app of Sổ tay thủ tục hành chính. A failure to start is one line on standard error (Vietnamese
//! and English, see `sotay_desktop::startup`) and exit status 1, never a backtrace.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

fn main() {
    sotay_desktop::startup::install_panic_hook();
    if let Err(e) = sotay_desktop::run() {
        eprintln!("sotay-desktop: {e}");
        std::process::exit(1);
    }
}
