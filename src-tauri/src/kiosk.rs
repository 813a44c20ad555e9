//! Kiosk mode: the command line, the mode the UI asks for, the locked-down window, and refusing to
//! close it until an admin lets it.
//!
//! The kiosk window is fullscreen (and sized to the screen, for X sessions without a window manager),
//! without decorations, not minimizable or maximizable, and without devtools. A request to
//! close the window (Alt+F4, the window manager) is refused unless `exit_kiosk` granted it; so is a
//! request to close the page (WebDriver, `window.close()`), which on Linux goes to the WebKitGTK view
//! instead (`lock_down_webview`), where the context menu is refused too and printing skips the print
//! dialog. The UI blocks the context menu and the browser shortcuts itself, and the navigation guard
//! ([`crate::navigation`]) keeps the webview on the app.

use std::ffi::OsString;
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};

use serde::Serialize;
use sotay::config::KioskConfig;
use tauri::{Manager, Runtime, State, WebviewWindowBuilder, Window, WindowEvent};

use crate::admin::AdminGate;
use crate::error::IpcError;

/// What the command line asked for (`sotay-desktop [--kiosk] [--data DIR]`).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Args {
    /// `--kiosk`: start in kiosk mode whatever the config says.
    pub kiosk: bool,
    /// `--data DIR` (or `--data=DIR`): the data folder, before `SOTAY_DATA_DIR` and the platform's.
    pub data: Option<PathBuf>,
    /// Arguments not understood (reported on stderr, otherwise ignored).
    pub unknown: Vec<OsString>,
}

impl Args {
    /// Parses the arguments after the program name.
    pub fn parse(args: impl IntoIterator<Item = OsString>) -> Args {
        let mut out = Args::default();
        let mut args = args.into_iter();
        while let Some(arg) = args.next() {
            match arg.to_str() {
                Some("--kiosk") => out.kiosk = true,
                Some("--data") => match args.next() {
                    Some(dir) => out.data = Some(dir.into()),
                    None => out.unknown.push(arg),
                },
                Some(s) if s.starts_with("--data=") => out.data = Some(s["--data=".len()..].into()),
                _ => out.unknown.push(arg),
            }
        }
        out
    }
}

/// The mode the UI runs in (answer of `app_mode`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct AppMode {
    /// Kiosk mode (`--kiosk`, or `[kiosk] enabled = true` in the config).
    pub kiosk: bool,
    /// Seconds without input before the idle warning ends in a reset.
    pub idle_seconds: u32,
    /// Length of the countdown shown before the reset.
    pub warning_seconds: u32,
    /// Whether the PIN of the mode is set: the kiosk's in kiosk mode (without one the admin screen
    /// cannot be opened), the desk's at a desk.
    pub pin_set: bool,
}

impl AppMode {
    /// The mode for the command line's `--kiosk` flag and the installation's kiosk settings.
    pub fn new(kiosk_flag: bool, config: &KioskConfig) -> AppMode {
        AppMode {
            kiosk: kiosk_flag || config.enabled,
            idle_seconds: config.idle_seconds,
            warning_seconds: config.warning_seconds,
            pin_set: config.pin_hash.is_some(),
        }
    }
}

/// Whether the kiosk window may close (set by `exit_kiosk`).
#[derive(Debug, Default)]
pub struct ExitGrant(AtomicBool);

impl ExitGrant {
    /// Lets the windows close from now on.
    pub fn grant(&self) {
        self.0.store(true, Ordering::SeqCst);
    }

    /// Whether closing was granted.
    pub fn granted(&self) -> bool {
        self.0.load(Ordering::SeqCst)
    }
}

/// The window event handler of kiosk mode: a close request is refused unless an admin granted it.
pub fn guard_close<R: Runtime>(window: &Window<R>, event: &WindowEvent) {
    if let WindowEvent::CloseRequested { api, .. } = event {
        let mode = window.state::<AppMode>();
        let granted = window.state::<ExitGrant>();
        if mode.kiosk && !granted.granted() {
            api.prevent_close();
        }
    }
}

/// Creates the main window from its configuration (`tauri.conf.json`, where it is not created at
/// start-up), locked down in kiosk mode; at a desk its printing uses the print view's paper
/// ([`crate::printing`]).
pub fn create_main_window<R: Runtime>(
    app: &tauri::AppHandle<R>,
    mode: &AppMode,
) -> tauri::Result<()> {
    let config = app
        .config()
        .app
        .windows
        .iter()
        .find(|w| w.label == "main")
        .cloned()
        .unwrap_or_default();
    let mut builder = WebviewWindowBuilder::from_config(app, &config)?;
    if mode.kiosk {
        builder = builder
            .fullscreen(true)
            .decorations(false)
            // Not `resizable(false)`: on GTK that makes the first size a minimum, so the window could
            // not follow a screen turned to portrait (1080×1920) nor be sized so by the e2e tests.
            // Nobody can resize it by hand: there is no decoration, and it is fullscreen.
            .minimizable(false)
            .maximizable(false)
            .closable(false)
            .skip_taskbar(true)
            .focused(true)
            .devtools(false);
        // Without a window manager (a bare X session, as kiosks often run) "fullscreen" is only a hint
        // nobody acts on: cover the screen by position and size as well.
        if let Some(screen) = app.primary_monitor()? {
            let size = screen.size().to_logical::<f64>(screen.scale_factor());
            let origin = screen.position().to_logical::<f64>(screen.scale_factor());
            builder = builder
                .position(origin.x, origin.y)
                .inner_size(size.width, size.height);
        }
        #[cfg(target_os = "linux")]
        {
            builder = builder.on_page_load(|window, _| {
                if let Err(e) = window.with_webview(|webview| lock_down_webview(&webview.inner())) {
                    eprintln!("sotay-desktop: the kiosk view could not be locked down: {e}");
                }
            });
        }
    }
    let window = builder.build()?;
    #[cfg(target_os = "linux")]
    if !mode.kiosk {
        use tauri::Manager;
        let chosen = app.state::<crate::printing::PrintPaper>().inner().clone();
        if let Err(e) = window.with_webview(move |webview| {
            crate::printing::use_chosen_paper(&webview.inner(), chosen)
        }) {
            eprintln!("sotay-desktop: printing will use the print dialog's own paper: {e}");
        }
    }
    #[cfg(not(target_os = "linux"))]
    let _ = window;
    Ok(())
}

/// Locks down the WebKitGTK view of the kiosk window, at every page load: the page cannot be closed,
/// has no context menu (the UI refuses it too) or developer tools, and prints without the print dialog.
///
/// A request to close the page itself (WebDriver's "close window", `window.close()`) does not go
/// through the window's close request: WebKit emits the view's `close` signal, on which wry destroys
/// the view, leaving an empty window. Taking the handlers of that signal away makes it do nothing.
///
/// `window.print()` (the receipt) goes straight to the default printer: the print dialog would let a
/// citizen browse the file system ("Print to File") and is no place for a touch screen.
///
/// Each run first removes every handler of the signals it handles, so running it again changes nothing.
#[cfg(target_os = "linux")]
fn lock_down_webview(view: &webkit2gtk::WebView) {
    use webkit2gtk::{PrintOperationExt, SettingsExt, WebViewExt};

    for signal in ["close", "context-menu", "print"] {
        disconnect_all(view, signal);
    }
    // Returning true means "handled": no menu (with its Reload and Inspect Element) is shown.
    view.connect_context_menu(|_, _, _, _| true);
    view.connect_print(|_, operation| {
        operation.connect_failed(|_, e| eprintln!("sotay-desktop: printing failed: {e}"));
        operation.print();
        true
    });
    if let Some(settings) = WebViewExt::settings(view) {
        settings.set_enable_developer_extras(false);
    }
}

/// Disconnects every handler of `signal` on `view`. (glib-rs has no safe call for this, and C's
/// `g_signal_handlers_disconnect_matched` ignores a match by signal id alone: find them one by one.)
#[cfg(target_os = "linux")]
fn disconnect_all(view: &webkit2gtk::WebView, signal: &str) {
    use webkit2gtk::glib::gobject_ffi;
    use webkit2gtk::glib::object::ObjectType;
    use webkit2gtk::glib::subclass::signal::SignalId;
    use webkit2gtk::glib::translate::IntoGlib;
    use webkit2gtk::glib::types::StaticType;

    let Some(id) = SignalId::lookup(signal, webkit2gtk::WebView::static_type()) else {
        return;
    };
    let instance = view.as_ptr().cast();
    loop {
        // SAFETY: `instance` is a live WebKitWebView (`view` is borrowed for the call) and `id` one
        // of its signals; matching by signal id only, the null closure, func and data are not read.
        let handler = unsafe {
            gobject_ffi::g_signal_handler_find(
                instance,
                gobject_ffi::G_SIGNAL_MATCH_ID,
                id.into_glib(),
                0,
                std::ptr::null_mut(),
                std::ptr::null_mut(),
                std::ptr::null_mut(),
            )
        };
        if handler == 0 {
            break;
        }
        // SAFETY: as above; `handler` was just found connected on `instance`.
        unsafe { gobject_ffi::g_signal_handler_disconnect(instance, handler) };
    }
}

/// The mode the UI runs in and its idle settings; `pin_set` is read from the config now, so a PIN set
/// while the app runs is seen.
#[tauri::command]
pub async fn app_mode(
    mode: State<'_, AppMode>,
    gate: State<'_, AdminGate>,
) -> Result<AppMode, IpcError> {
    Ok(AppMode {
        pin_set: gate.pin_set(),
        ..mode.inner().clone()
    })
}

/// Leaves kiosk mode (admin only): lets the windows close and quits the app.
#[tauri::command]
pub async fn exit_kiosk<R: Runtime>(
    app: tauri::AppHandle<R>,
    gate: State<'_, AdminGate>,
    grant: State<'_, ExitGrant>,
) -> Result<(), IpcError> {
    gate.require(std::time::Instant::now())?;
    grant.grant();
    app.exit(0);
    Ok(())
}
