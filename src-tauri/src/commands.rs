//! The IPC commands. Each normalizes its string inputs ([`sotay::text::normalize`]) and calls the core;
//! errors reach the UI as [`IpcError`].

use std::path::PathBuf;
use std::sync::{Arc, RwLock};

use serde::Serialize;
use sotay::content::{LifeEvent, Locality, Term};
use sotay::pack::{PackStatus, Source};
use sotay::search::{Choice, Facets};
use sotay::text::normalize;
use sotay::userdata::UserData;
use sotay::{ContentInfo, Engine, Guide, Handbook, SearchOptions, SearchResults};
use tauri::State;

use crate::error::IpcError;

/// Most codes one [`entries`] call resolves.
const MAX_ENTRIES: usize = 200;

/// The managed state: the engine over the handbook in use (the installed pack, else the embedded
/// handbook; see [`crate::packs`]) and where it came from, or why it could not be built (every command
/// then answers with that error, so the window can say so instead of the app not starting). An install
/// or a rollback swaps the engine while the app runs: commands hold an `Arc` of the one they started on.
#[derive(Debug)]
pub struct Core(RwLock<Loaded>);

/// The engine in use and its origin.
#[derive(Debug, Clone)]
pub(crate) struct Loaded {
    /// The engine, or the error met building it.
    pub(crate) engine: Result<Arc<Engine>, IpcError>,
    /// Where its handbook comes from (pack version, changes, or why the embedded one is used).
    pub(crate) status: PackStatus,
}

impl Core {
    /// Loads the embedded handbook and indexes it (whatever packs the data folder holds).
    pub fn load() -> Core {
        let engine = Handbook::embedded()
            .and_then(Engine::new)
            .map(Arc::new)
            .map_err(IpcError::from);
        Core::with(Loaded {
            engine,
            status: PackStatus {
                source: Source::Embedded,
                note: None,
                pack: None,
                previous: None,
                changes: None,
            },
        })
    }

    pub(crate) fn with(loaded: Loaded) -> Core {
        Core(RwLock::new(loaded))
    }

    /// The engine in use, or the start-up error.
    pub fn engine(&self) -> Result<Arc<Engine>, IpcError> {
        self.read().engine.clone()
    }

    pub(crate) fn read(&self) -> std::sync::RwLockReadGuard<'_, Loaded> {
        // The lock only guards a swap of two plain fields: a panic cannot leave them half-written.
        self.0.read().unwrap_or_else(|e| e.into_inner())
    }

    pub(crate) fn replace(&self, loaded: Loaded) {
        *self.0.write().unwrap_or_else(|e| e.into_inner()) = loaded;
    }
}

/// The user's data folder (history, favourites), or why it could not be opened (the commands that need
/// it then answer with that error; everything else keeps working).
#[derive(Debug)]
pub struct Store(Result<UserData, IpcError>);

impl Store {
    /// Opens (creating when missing) the data folder `dir`.
    pub fn open(dir: impl Into<PathBuf>) -> Store {
        Store(UserData::open(dir).map_err(IpcError::from))
    }

    /// The user data, or the error met opening it.
    pub fn data(&self) -> Result<&UserData, IpcError> {
        self.0.as_ref().map_err(Clone::clone)
    }
}

/// A guide as the UI lists it (history, favourites, related procedures).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Entry {
    /// National code.
    pub code: String,
    /// Short title.
    pub title: String,
    /// Field (lĩnh vực).
    pub field: String,
}

/// The guides of `codes` that the handbook has, in the same order.
fn to_entries(engine: &Engine, codes: &[String]) -> Vec<Entry> {
    codes
        .iter()
        .filter_map(|c| engine.handbook().guide(c))
        .map(|g| Entry {
            code: g.code.clone(),
            title: g.title.clone(),
            field: g.field.clone(),
        })
        .collect()
}

/// The code of an existing guide, normalized, or `unknown-code`.
fn known_code(engine: &Engine, code: &str) -> Result<String, IpcError> {
    Ok(engine.handbook().require(&normalize(code))?.code.clone())
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

/// Life events, to browse by situation.
#[tauri::command]
pub async fn life_events(core: State<'_, Core>) -> Result<Vec<LifeEvent>, IpcError> {
    Ok(core.engine()?.handbook().life_events.clone())
}

/// The glossary (abbreviations, old terms, technical terms, everyday phrases).
#[tauri::command]
pub async fn glossary(core: State<'_, Core>) -> Result<Vec<Term>, IpcError> {
    Ok(core.engine()?.handbook().glossary.clone())
}

/// The deploying office's contact details, if the handbook has them.
#[tauri::command]
pub async fn locality(core: State<'_, Core>) -> Result<Option<Locality>, IpcError> {
    Ok(core.engine()?.handbook().locality.clone())
}

/// Procedures easily confused with this one, with when to choose each.
#[tauri::command]
pub async fn look_alikes(core: State<'_, Core>, code: String) -> Result<Vec<Choice>, IpcError> {
    let engine = core.engine()?;
    let code = known_code(&engine, &code)?;
    Ok(engine
        .handbook()
        .look_alikes(&code)
        .into_iter()
        .map(|g| Choice {
            code: g.code.clone(),
            title: g.title.clone(),
            choose_when: g.choose_when.clone().unwrap_or_default(),
        })
        .collect())
}

/// Titles of the guides of `codes` (unknown codes are left out), for lists of links.
#[tauri::command]
pub async fn entries(core: State<'_, Core>, codes: Vec<String>) -> Result<Vec<Entry>, IpcError> {
    let codes: Vec<String> = codes
        .iter()
        .take(MAX_ENTRIES)
        .map(|c| normalize(c))
        .collect();
    Ok(to_entries(&*core.engine()?, &codes))
}

/// The guides opened, most recent first.
#[tauri::command]
pub async fn history(
    core: State<'_, Core>,
    store: State<'_, Store>,
) -> Result<Vec<Entry>, IpcError> {
    Ok(to_entries(&*core.engine()?, &store.data()?.history()?))
}

/// Puts a guide at the top of the history; returns the new history.
#[tauri::command]
pub async fn add_history(
    core: State<'_, Core>,
    store: State<'_, Store>,
    code: String,
) -> Result<Vec<Entry>, IpcError> {
    let engine = core.engine()?;
    let code = known_code(&engine, &code)?;
    Ok(to_entries(&engine, &store.data()?.add_to_history(&code)?))
}

/// Empties the history.
#[tauri::command]
pub async fn clear_history(store: State<'_, Store>) -> Result<(), IpcError> {
    Ok(store.data()?.clear_history()?)
}

/// The favourite guides, in the order they were added.
#[tauri::command]
pub async fn favourites(
    core: State<'_, Core>,
    store: State<'_, Store>,
) -> Result<Vec<Entry>, IpcError> {
    Ok(to_entries(&*core.engine()?, &store.data()?.favourites()?))
}

/// Adds a guide to the favourites or removes it; returns the new favourites.
#[tauri::command]
pub async fn toggle_favourite(
    core: State<'_, Core>,
    store: State<'_, Store>,
    code: String,
) -> Result<Vec<Entry>, IpcError> {
    let engine = core.engine()?;
    let code = known_code(&engine, &code)?;
    let data = store.data()?;
    data.toggle_favourite(&code)?;
    Ok(to_entries(&engine, &data.favourites()?))
}
