//! Which commands each mode may call: Tauri's access control, per mode.
//!
//! The commands are declared once ([`COMMANDS`], from `src/acl_commands.rs`): the build script hands
//! them to `tauri_build`'s app manifest, which makes an `allow-<command>` permission of each, and from
//! then on Tauri refuses any app command that no granted capability allows (before the command runs,
//! whatever its own checks). The permission sets of `permissions/*.toml` group them by who calls them:
//! `common` (both modes), `desk`, `kiosk` (citizens), `kiosk-admin` (the kiosk's admin screen) and
//! `packs` (handbook updates, both modes).
//!
//! Capabilities grant the sets to the main window. `capabilities/common.json` is the only one listed in
//! `tauri.conf.json`, so the only one compiled into the context. The mode's own capability
//! (`capabilities/desk.json` or `capabilities/kiosk.json`, compiled into the binary here) is added by
//! [`grant_mode`] as soon as the app is built ([`crate::build`]), from the same [`AppMode`] the UI is
//! told: a desk cannot reach the kiosk's feedback export or `exit_kiosk`, and a kiosk cannot reach the
//! desk's history, favourites, saved PDFs or print paper. Tauri can add capabilities at run time but
//! not take them away; nothing needs to: the mode is fixed for the life of the process (`exit_kiosk`
//! quits the app, and the next start reads the mode again).
//!
//! The admin PIN stays checked inside the admin commands ([`crate::admin`]): the `kiosk-admin`
//! permission keeps those commands from a desk altogether, the PIN keeps them from a citizen at the
//! kiosk.

use tauri::{Manager, Runtime};

use crate::kiosk::AppMode;

include!("acl_commands.rs");

/// The capability added in desk mode (`capabilities/desk.json`).
pub const DESK_CAPABILITY: &str = include_str!("../capabilities/desk.json");

/// The capability added in kiosk mode (`capabilities/kiosk.json`).
pub const KIOSK_CAPABILITY: &str = include_str!("../capabilities/kiosk.json");

/// The capability of `mode`: the kiosk's or the desk's.
pub fn mode_capability(mode: &AppMode) -> &'static str {
    if mode.kiosk {
        KIOSK_CAPABILITY
    } else {
        DESK_CAPABILITY
    }
}

/// Adds the capability of the app's mode (its managed [`AppMode`]) to the app's access control.
///
/// The app must have been built with the generated context (`tauri::generate_context!()`), which holds
/// the permissions the capability names: Tauri resolves it against them, and panics on a file that
/// does not parse or names an unknown permission (both files are added by the tests, so neither can
/// ship broken). Tauri's mock context has no access control at all, so the tests that use it skip this.
pub fn grant_mode<R: Runtime>(app: &impl Manager<R>) -> tauri::Result<()> {
    let capability = mode_capability(&app.state::<AppMode>());
    app.add_capability(capability)
}
