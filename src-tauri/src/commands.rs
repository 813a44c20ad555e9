//! The IPC commands. Each normalizes its string inputs ([`sotay::text::normalize`]) and calls the core;
//! errors reach the UI as [`IpcError`].

use std::path::PathBuf;
use std::sync::{Arc, Mutex};

use serde::Serialize;
use sotay::content::{LifeEvent, Locality, Term};
use sotay::guide::Level;
use sotay::pack::PackStatus;
use sotay::search::{Choice, Facets};
use sotay::text::normalize;
use sotay::userdata::UserData;
use sotay::{ContentInfo, Engine, Guide, Handbook, SearchOptions, SearchResults};
use tauri::State;
use tokio::sync::watch;

use crate::error::{ErrorCode, IpcError};

/// Most codes one [`entries`] call resolves.
const MAX_ENTRIES: usize = 200;

/// The managed state: the engine over the handbook in use (the installed pack, else the embedded
/// handbook; see [`crate::packs`]) and where it came from, or why it could not be built (every command
/// then answers with that error, so the window can say so instead of the app not starting).
///
/// At start-up the handbook is indexed on a thread of its own while the window and its web view start
/// ([`Core::open`]); a command that comes before it is ready waits for it. An install or a rollback
/// swaps the engine while the app runs: commands hold an `Arc` of the one they started on.
#[derive(Debug)]
pub struct Core(Arc<watch::Sender<Option<Arc<Loaded>>>>);

/// The engine in use and its origin.
#[derive(Debug, Clone)]
pub(crate) struct Loaded {
    /// The engine, or the error met building it.
    pub(crate) engine: Result<Arc<Engine>, IpcError>,
    /// Where its handbook comes from (pack version, changes, or why the embedded one is used).
    pub(crate) status: PackStatus,
}

impl Loaded {
    /// The embedded handbook's status, with this engine (or error).
    pub(crate) fn embedded(engine: Result<Arc<Engine>, IpcError>) -> Loaded {
        Loaded {
            engine,
            status: PackStatus::embedded(None),
        }
    }
}

impl Core {
    /// Opens the embedded handbook now, from the snapshot compiled into the app (whatever packs the data
    /// folder holds).
    pub fn load() -> Core {
        let engine = match crate::embedded::snapshot() {
            Some(bytes) => Engine::from_snapshot(&bytes, None),
            None => Handbook::embedded().and_then(Engine::new),
        }
        .map(Arc::new)
        .map_err(IpcError::from);
        Core::ready(Loaded::embedded(engine))
    }

    /// A core with this handbook in use.
    pub(crate) fn ready(loaded: Loaded) -> Core {
        Core(Arc::new(watch::Sender::new(Some(Arc::new(loaded)))))
    }

    /// A core whose handbook `build` makes on a thread of its own; commands wait until it is there.
    /// A panic while building becomes the error every command answers with.
    pub(crate) fn building(build: impl FnOnce() -> Loaded + Send + 'static) -> Core {
        let core = Core(Arc::new(watch::Sender::new(None)));
        let sender = Arc::clone(&core.0);
        let work = move || {
            let loaded = std::panic::catch_unwind(std::panic::AssertUnwindSafe(build))
                .unwrap_or_else(|_| {
                    Loaded::embedded(Err(IpcError::new(
                        ErrorCode::Index,
                        "building the search index failed unexpectedly",
                    )))
                });
            if let Err(e) = &loaded.engine {
                eprintln!(
                    "sotay-desktop: the handbook could not be loaded: {}",
                    e.message
                );
            }
            // An install finished meanwhile has put a newer handbook in place: keep that one.
            sender.send_if_modified(|slot| {
                let empty = slot.is_none();
                if empty {
                    *slot = Some(Arc::new(loaded));
                }
                empty
            });
        };
        // Without a thread (the system refused one), the work is done here and now.
        let job = Arc::new(Mutex::new(Some(work)));
        let on_thread = Arc::clone(&job);
        let spawned = std::thread::Builder::new()
            .name("sotay-index".into())
            .spawn(move || run_once(&on_thread));
        if spawned.is_err() {
            run_once(&job);
        }
        core
    }

    /// The handbook in use, once it is loaded.
    pub(crate) async fn loaded(&self) -> Result<Arc<Loaded>, IpcError> {
        let mut rx = self.0.subscribe();
        let slot = rx
            .wait_for(Option::is_some)
            .await
            .ok()
            .and_then(|s| s.clone());
        slot.ok_or_else(|| IpcError::new(ErrorCode::Index, "the handbook is not loaded"))
    }

    /// The engine in use, or the error met building it (waits for the start-up indexing).
    pub async fn engine(&self) -> Result<Arc<Engine>, IpcError> {
        self.loaded().await?.engine.clone()
    }

    /// Puts another handbook in use.
    pub(crate) fn replace(&self, loaded: Loaded) {
        self.0.send_replace(Some(Arc::new(loaded)));
    }
}

/// Runs the job in `slot` unless it has run already.
fn run_once<F: FnOnce()>(slot: &Mutex<Option<F>>) {
    let job = slot.lock().unwrap_or_else(|e| e.into_inner()).take();
    if let Some(job) = job {
        job();
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
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
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
    options.filters.ministry = options.filters.ministry.as_deref().map(normalize);
    Ok(core.engine().await?.search(&normalize(&query), &options)?)
}

/// The guide with this national code.
#[tauri::command]
pub async fn guide(core: State<'_, Core>, code: String) -> Result<Guide, IpcError> {
    Ok(core
        .engine()
        .await?
        .handbook()
        .require(&normalize(&code))?
        .for_display())
}

/// Facet values with counts, within a level when one is given (the desk's scope).
#[tauri::command]
pub async fn facets(core: State<'_, Core>, level: Option<Level>) -> Result<Facets, IpcError> {
    Ok(core.engine().await?.facets_within(level))
}

/// What the loaded handbook is (name, version, date…).
#[tauri::command]
pub async fn content_info(core: State<'_, Core>) -> Result<ContentInfo, IpcError> {
    Ok(core.engine().await?.handbook().info.clone())
}

/// The user manual ("Hướng dẫn") in the UI's language (`en`, else Vietnamese): sections of sanitized
/// HTML from the core, which compiles it in.
#[tauri::command]
pub fn manual(lang: String) -> Vec<sotay::manual::Section> {
    sotay::manual::sections(&lang)
}

/// Life events, to browse by situation.
#[tauri::command]
pub async fn life_events(core: State<'_, Core>) -> Result<Vec<LifeEvent>, IpcError> {
    Ok(core.engine().await?.handbook().life_events.clone())
}

/// The glossary (abbreviations, old terms, technical terms, everyday phrases).
#[tauri::command]
pub async fn glossary(core: State<'_, Core>) -> Result<Vec<Term>, IpcError> {
    Ok(core.engine().await?.glossary().to_vec())
}

/// The deploying office's contact details, if the handbook has them.
#[tauri::command]
pub async fn locality(core: State<'_, Core>) -> Result<Option<Locality>, IpcError> {
    Ok(core.engine().await?.handbook().locality.clone())
}

/// Procedures easily confused with this one, with when to choose each.
#[tauri::command]
pub async fn look_alikes(core: State<'_, Core>, code: String) -> Result<Vec<Choice>, IpcError> {
    let engine = core.engine().await?;
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
    Ok(to_entries(&*core.engine().await?, &codes))
}

/// The guides opened, most recent first.
#[tauri::command]
pub async fn history(
    core: State<'_, Core>,
    store: State<'_, Store>,
) -> Result<Vec<Entry>, IpcError> {
    Ok(to_entries(
        &*core.engine().await?,
        &store.data()?.history()?,
    ))
}

/// Puts a guide at the top of the history; returns the new history.
#[tauri::command]
pub async fn add_history(
    core: State<'_, Core>,
    store: State<'_, Store>,
    code: String,
) -> Result<Vec<Entry>, IpcError> {
    let engine = core.engine().await?;
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
    Ok(to_entries(
        &*core.engine().await?,
        &store.data()?.favourites()?,
    ))
}

/// Adds a guide to the favourites or removes it; returns the new favourites.
#[tauri::command]
pub async fn toggle_favourite(
    core: State<'_, Core>,
    store: State<'_, Store>,
    code: String,
) -> Result<Vec<Entry>, IpcError> {
    let engine = core.engine().await?;
    let code = known_code(&engine, &code)?;
    let data = store.data()?;
    data.toggle_favourite(&code)?;
    Ok(to_entries(&engine, &data.favourites()?))
}

#[cfg(test)]
mod tests {
    use std::sync::mpsc;
    use std::time::Duration;

    use tauri::async_runtime::block_on;

    use super::*;

    fn embedded() -> Loaded {
        let bytes = crate::embedded::snapshot().expect("the embedded snapshot");
        let engine = Engine::from_snapshot(&bytes, None);
        Loaded::embedded(engine.map(Arc::new).map_err(IpcError::from))
    }

    #[test]
    fn commands_wait_for_the_start_up_indexing() {
        let (go, wait) = mpsc::channel::<()>();
        let core = Core::building(move || {
            wait.recv().ok();
            embedded()
        });
        std::thread::sleep(Duration::from_millis(50));
        assert!(
            core.0.borrow().is_none(),
            "the engine was there before it was built"
        );
        // A command asked now waits until the building thread is let go and finishes.
        std::thread::spawn(move || {
            std::thread::sleep(Duration::from_millis(100));
            go.send(()).ok();
        });
        let engine = block_on(core.engine()).expect("the engine once built");
        assert!(engine.handbook().guide("1.000894").is_some());
    }

    #[test]
    fn a_failed_build_is_every_command_s_answer() {
        let core = Core::building(|| panic!("index writer exploded"));
        let error = block_on(core.engine()).expect_err("a panic while building is an error");
        assert_eq!(error.code, "index");
        let core =
            Core::building(|| Loaded::embedded(Err(IpcError::new(ErrorCode::Io, "disk gone"))));
        assert_eq!(
            block_on(core.engine())
                .expect_err("a failed load is an error")
                .message,
            "disk gone"
        );
    }

    #[test]
    fn a_handbook_installed_while_starting_is_not_overwritten() {
        let (go, wait) = mpsc::channel::<()>();
        let core = Core::building(move || {
            wait.recv().ok();
            Loaded::embedded(Err(IpcError::new(ErrorCode::Io, "the old one")))
        });
        core.replace(embedded());
        go.send(()).expect("the building thread waits");
        // Give the start-up thread time to finish; it must leave the newer handbook in place.
        std::thread::sleep(Duration::from_millis(200));
        assert!(block_on(core.engine()).is_ok());
    }
}
