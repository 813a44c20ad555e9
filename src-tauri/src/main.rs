//! The desktop app of Sổ tay thủ tục hành chính.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

fn main() {
    if let Err(e) = sotay_desktop::run() {
        eprintln!("sotay-desktop: {e}");
        std::process::exit(1);
    }
}
