//! # sotay-desktop — the desktop shell of Sổ tay thủ tục hành chính
//!
//! One window whose web UI (`ui/`) talks to the core library through Tauri commands:
//! - the handbook ([`commands`]): `search`, `guide`, `facets`, `content_info`, `life_events`,
//!   `glossary`, `locality`, `look_alikes`, `entries`, the user manual `manual`, and the user's lists `history`, `add_history`,
//!   `clear_history`, `favourites`, `toggle_favourite`;
//! - kiosk mode ([`kiosk`]): `app_mode`, `exit_kiosk`;
//! - citizens' feedback ([`feedback`]): `submit_rating`, `check_petition`, `submit_petition`, and for the
//!   admin `feedback_counts`, `export_feedback`;
//! - the admin PIN ([`admin`]): `admin_unlock`, `admin_lock` (the kiosk's PIN in kiosk mode, the
//!   optional desk PIN at a desk; read from the config at each attempt, wrong ones counted on disk);
//! - signed handbook updates ([`packs`]): `pack_status`, and (behind the PIN in kiosk mode, and at a
//!   desk when a desk PIN is set) `install_pack`, `rollback_pack`;
//! - speech output ([`speech`]): `speech_status`, `speak`, `speak_guide`, `speech_stop`, and for the
//!   admin `set_speech` (espeak-ng and aplay run as programs by the core).
//!
//! `sotay-desktop [--kiosk] [--data DIR]`. The data folder is `--data`, else `SOTAY_DATA_DIR`, else the
//! platform's app data dir (`sotay::config::data_dir`); it holds `config.toml` (kiosk mode, PIN hash,
//! idle times, retention, trusted pack keys), the history and favourites ([`Store`]), the feedback database
//! and the installed packs. The search engine is built at start-up from the installed pack (else the
//! embedded handbook), on its own thread while the window starts, and kept in managed state; installing
//! or rolling back a pack rebuilds it.
//!
//! Navigation away from the app's own pages is blocked ([`navigation`]). The print view's paper (A4/A5)
//! reaches the print dialog through [`printing`] (`set_print_paper`). Official forms ([`forms`]): `form`,
//! and at a desk `save_form_pdf`.
//!
//! ## Which mode may call what ([`acl`])
//!
//! Each command is declared once for Tauri's access control (`src/acl_commands.rs`, the build script's
//! app manifest), so Tauri refuses any command no granted capability allows. The main window gets the
//! `common` capability (`capabilities/common.json`: reading the handbook, the PIN gate) in both modes,
//! and its mode's at start-up ([`acl::grant_mode`]): at a desk `capabilities/desk.json` (history,
//! favourites, facets, saved PDFs, print paper, handbook updates), in kiosk mode
//! `capabilities/kiosk.json` (ratings, petitions, speech, handbook updates, and the admin screen's
//! `kiosk-admin` set: feedback counts and export, voice settings, `exit_kiosk`). A desk cannot call the
//! kiosk's commands nor a kiosk the desk's; the admin commands still check the PIN themselves.

pub mod acl;
pub mod admin;
pub mod commands;
pub mod embedded;
pub mod error;
pub mod feedback;
pub mod forms;
pub mod kiosk;
pub mod navigation;
pub mod packs;
pub mod printing;
pub mod speech;
pub mod startup;

use std::path::Path;

use sotay::config::Config;
use tauri::Manager;

pub use commands::{Core, Entry, Store};
pub use error::{ErrorCode, IpcError};
pub use kiosk::{AppMode, Args};
pub use startup::StartupError;

/// The environment variable that overrides the data folder (the end-to-end tests use it).
pub const DATA_DIR_VAR: &str = "SOTAY_DATA_DIR";

/// Reads the command line, checks what the window needs ([`startup`]: a display, GTK, a writable data
/// folder, a valid config), builds the search engine and runs the app until it quits.
pub fn run() -> Result<(), StartupError> {
    let args = Args::parse(std::env::args_os().skip(1));
    for a in &args.unknown {
        eprintln!(
            "sotay-desktop: ignoring the argument {a:?} (usage: sotay-desktop [--kiosk] [--data DIR])"
        );
    }
    startup::check_display(|name| std::env::var_os(name))?;
    let data_dir = startup::data_dir(args.data.as_deref())?;
    startup::check_writable(&data_dir)?;
    startup::check_config(&data_dir)?;
    #[cfg(target_os = "linux")]
    startup::init_gtk()?;
    // Indexed on its own thread while the window and its web view start.
    let core = Core::open(&data_dir);
    let builder = app(tauri::Builder::default(), core, &data_dir, args.kiosk).setup(|app| {
        let mode = app.state::<AppMode>().inner().clone();
        kiosk::create_main_window(app.handle(), &mode)?;
        Ok(())
    });
    build(builder, tauri::generate_context!())?.run(|_, _| {});
    Ok(())
}

/// Builds the app of [`app`] with `context` (the generated one, `tauri::generate_context!()`) and
/// grants its main window the capability of its mode ([`acl::grant_mode`]) before any window exists.
pub fn build<R: tauri::Runtime>(
    builder: tauri::Builder<R>,
    context: tauri::Context<R>,
) -> tauri::Result<tauri::App<R>> {
    let app = builder.build(context)?;
    acl::grant_mode(&app)?;
    Ok(app)
}

/// Adds the core, the data folder's config and stores, the commands, the kiosk close guard and the
/// navigation guard to a builder (any runtime, so tests can use Tauri's mock runtime). `kiosk_flag` is
/// the command line's `--kiosk`. The main window is left to the caller ([`kiosk::create_main_window`]).
pub fn app<R: tauri::Runtime>(
    builder: tauri::Builder<R>,
    core: Core,
    data_dir: &Path,
    kiosk_flag: bool,
) -> tauri::Builder<R> {
    let config = Config::load(data_dir).unwrap_or_else(|e| {
        // `run` refuses a damaged config before this; should it break between that check and here,
        // the defaults keep the app up, and `--kiosk` still locks it down.
        eprintln!("sotay-desktop: the config is not usable, using the defaults: {e}");
        Config::default()
    });
    let store = Store::open(data_dir);
    if let Err(e) = store.data() {
        eprintln!(
            "sotay-desktop: history and favourites are off: {}",
            e.message
        );
    }
    builder
        .manage(core)
        .manage(store)
        .manage(AppMode::new(kiosk_flag, &config.kiosk))
        .manage(admin::AdminGate::new(
            data_dir,
            kiosk_flag || config.kiosk.enabled,
        ))
        .manage(kiosk::ExitGrant::default())
        .manage(packs::PackDir::new(data_dir))
        .manage(printing::PrintPaper::default())
        .manage(speech::Speech::new(&config.speech, data_dir))
        .manage(feedback::Feedback::new(
            data_dir,
            config.feedback.retention_days,
        ))
        .on_window_event(kiosk::guard_close)
        .plugin(navigation::guard())
        // Every one is also declared in `acl_commands.rs` and granted by a permission set, else the ACL
        // refuses it.
        .invoke_handler(tauri::generate_handler![
            commands::search,
            commands::guide,
            commands::facets,
            commands::content_info,
            commands::manual,
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
            kiosk::app_mode,
            kiosk::exit_kiosk,
            feedback::submit_rating,
            feedback::check_petition,
            feedback::submit_petition,
            feedback::feedback_counts,
            feedback::export_feedback,
            admin::admin_unlock,
            admin::admin_lock,
            packs::pack_status,
            packs::install_pack,
            packs::rollback_pack,
            printing::set_print_paper,
            speech::speech_status,
            speech::speak,
            speech::speak_guide,
            speech::speech_stop,
            speech::set_speech,
            forms::form,
            forms::save_form_pdf,
        ])
}
