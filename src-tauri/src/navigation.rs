//! Keeps the webview on the app's own pages: any other navigation (a link in a guide, a redirect) is
//! cancelled.

use tauri::plugin::{Builder, TauriPlugin};
use tauri::{Manager, Runtime, Url};

/// A plugin that allows navigation only to the app's own origins (see [`allowed`]).
pub fn guard<R: Runtime>() -> TauriPlugin<R> {
    Builder::new("navigation-guard")
        .on_navigation(|webview, url| {
            let config = webview.config();
            let dev_url = if tauri::is_dev() {
                config.build.dev_url.as_ref()
            } else {
                None
            };
            allowed(url, dev_url)
        })
        .build()
}

/// Whether the webview may load `url`: the bundled UI (`tauri://localhost` on Linux and macOS,
/// `http(s)://tauri.localhost` on Windows) or, in development, the origin of the dev server.
pub fn allowed(url: &Url, dev_url: Option<&Url>) -> bool {
    match (url.scheme(), url.host_str()) {
        ("tauri", Some("localhost")) | ("http" | "https", Some("tauri.localhost")) => true,
        _ => dev_url.is_some_and(|dev| dev.origin() == url.origin()),
    }
}
