//! The IPC commands. Each normalizes its string inputs ([`sotay::text::normalize`]) and calls the core;
//! errors reach the UI as [`IpcError`].

use serde::Serialize;
use sotay::search::Facets;
use sotay::text::normalize;
use sotay::{ContentInfo, Engine, Guide, Handbook, SearchOptions, SearchResults};
use tauri::State;

/// An error as the UI receives it (the rejection value of `invoke`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct IpcError {
    /// What kind of error: `io`, `invalid-content`, `unknown-code`, `index`, `bad-input` or `json`.
    pub code: String,
    /// What went wrong, for the log and the curious.
    pub message: String,
}

impl From<sotay::Error> for IpcError {
    fn from(e: sotay::Error) -> Self {
        let code = match &e {
            sotay::Error::Io { .. } => "io",
            sotay::Error::Invalid(_) => "invalid-content",
            sotay::Error::UnknownCode(_) => "unknown-code",
            sotay::Error::Index(_) => "index",
            sotay::Error::BadInput { .. } => "bad-input",
            sotay::Error::Json(_) => "json",
        };
        IpcError {
            code: code.to_string(),
            message: e.to_string(),
        }
    }
}

/// The managed state: the engine over the embedded handbook, or why it could not be built (every
/// command then answers with that error, so the window can say so instead of the app not starting).
#[derive(Debug)]
pub struct Core(Result<Engine, IpcError>);

impl Core {
    /// Loads the embedded handbook and indexes it.
    pub fn load() -> Core {
        Core(
            Handbook::embedded()
                .and_then(Engine::new)
                .map_err(IpcError::from),
        )
    }

    /// The engine, or the start-up error.
    pub fn engine(&self) -> Result<&Engine, IpcError> {
        self.0.as_ref().map_err(Clone::clone)
    }
}

/// Searches the handbook.
#[tauri::command]
pub async fn search(
    core: State<'_, Core>,
    query: String,
    mut options: SearchOptions,
) -> Result<SearchResults, IpcError> {
    options.filters.field = options.filters.field.as_deref().map(normalize);
    options.filters.event = options.filters.event.as_deref().map(normalize);
    Ok(core.engine()?.search(&normalize(&query), &options)?)
}

/// The guide with this national code.
#[tauri::command]
pub async fn guide(core: State<'_, Core>, code: String) -> Result<Guide, IpcError> {
    Ok(core
        .engine()?
        .handbook()
        .require(&normalize(&code))?
        .clone())
}

/// Facet values with counts.
#[tauri::command]
pub async fn facets(core: State<'_, Core>) -> Result<Facets, IpcError> {
    Ok(core.engine()?.facets())
}

/// What the loaded handbook is (name, version, date…).
#[tauri::command]
pub async fn content_info(core: State<'_, Core>) -> Result<ContentInfo, IpcError> {
    Ok(core.engine()?.handbook().info.clone())
}
