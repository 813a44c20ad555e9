//! # sotay-desktop — the desktop shell of Sổ tay thủ tục hành chính
//!
//! One window whose web UI (`ui/`) talks to the core library through Tauri commands ([`commands`]):
//! `search`, `guide`, `facets`, `content_info`, `life_events`, `glossary`, `locality`, `look_alikes`,
//! `entries`, and the user's lists `history`, `add_history`, `clear_history`, `favourites`,
//! `toggle_favourite`. The search engine is built once at start-up from the embedded handbook and kept in
//! managed state; so is the user's data folder ([`Store`]): `SOTAY_DATA_DIR` when set, else the platform's
//! app data dir. Navigation away from the app's own pages is blocked ([`navigation`]).

pub mod commands;
pub mod navigation;

use std::path::PathBuf;

use tauri::Manager;

pub use commands::{Core, Entry, IpcError, Store};

/// The environment variable that overrides the data folder (the end-to-end tests use it).
pub const DATA_DIR_VAR: &str = "SOTAY_DATA_DIR";

/// Builds the search engine and runs the app until its window is closed.
pub fn run() -> tauri::Result<()> {
    let core = Core::load();
    if let Err(e) = core.engine() {
        eprintln!(
            "sotay-desktop: the handbook could not be loaded: {}",
            e.message
        );
    }
    let data_dir = std::env::var_os(DATA_DIR_VAR)
        .filter(|v| !v.is_empty())
        .map(PathBuf::from);
    app(tauri::Builder::default(), core, data_dir).run(tauri::generate_context!())
}

/// Adds the core, the user's data folder, the commands and the navigation guard to a builder (any
/// runtime, so tests can use Tauri's mock runtime). Without `data_dir` the folder is the platform's app
/// data dir, known once the app is set up.
pub fn app<R: tauri::Runtime>(
    builder: tauri::Builder<R>,
    core: Core,
    data_dir: Option<PathBuf>,
) -> tauri::Builder<R> {
    let builder = match data_dir {
        Some(dir) => builder.manage(Store::open(dir)),
        None => builder.setup(|app| {
            let store = match app.path().app_data_dir() {
                Ok(dir) => Store::open(dir),
                Err(e) => Store::unavailable(format!("no app data folder: {e}")),
            };
            if let Err(e) = store.data() {
                eprintln!(
                    "sotay-desktop: history and favourites are off: {}",
                    e.message
                );
            }
            app.manage(store);
            Ok(())
        }),
    };
    builder
        .manage(core)
        .plugin(navigation::guard())
        .invoke_handler(tauri::generate_handler![
            commands::search,
            commands::guide,
            commands::facets,
            commands::content_info,
            commands::life_events,
            commands::glossary,
            commands::locality,
            commands::look_alikes,
            commands::entries,
            commands::history,
            commands::add_history,
            commands::clear_history,
            commands::favourites,
            commands::toggle_favourite,
        ])
}
