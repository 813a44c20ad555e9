//! # sotay-desktop — the desktop shell of Sổ tay thủ tục hành chính
//!
//! One window whose web UI (`ui/`) talks to the core library through four Tauri commands
//! ([`commands`]): `search`, `guide`, `facets` and `content_info`. The search engine is built once at
//! start-up from the embedded handbook and kept in managed state. Navigation away from the app's own
//! pages is blocked ([`navigation`]).

pub mod commands;
pub mod navigation;

pub use commands::{Core, IpcError};

/// Builds the search engine and runs the app until its window is closed.
pub fn run() -> tauri::Result<()> {
    let core = Core::load();
    if let Err(e) = core.engine() {
        eprintln!(
            "sotay-desktop: the handbook could not be loaded: {}",
            e.message
        );
    }
    app(tauri::Builder::default(), core).run(tauri::generate_context!())
}

/// Adds the core, the commands and the navigation guard to a builder (any runtime, so tests can use
/// Tauri's mock runtime).
pub fn app<R: tauri::Runtime>(builder: tauri::Builder<R>, core: Core) -> tauri::Builder<R> {
    builder
        .manage(core)
        .plugin(navigation::guard())
        .invoke_handler(tauri::generate_handler![
            commands::search,
            commands::guide,
            commands::facets,
            commands::content_info,
        ])
}
