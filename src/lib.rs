//! # sotay — Sổ tay thủ tục hành chính
//!
//! The core of an offline handbook of Vietnamese administrative procedures. It loads procedure guides
//! (markdown with TOML front matter, see `content/README.md`), validates them, indexes them with tantivy
//! in RAM and searches them the way citizens type: without diacritics, in raw Telex, with old terms and
//! everyday words.
//!
//! The crate knows nothing of the desktop shell or of a command line: the `sotay` binary (`cli/`), the
//! importer (`import/`) and the Tauri app (`src-tauri/`) are thin layers over it.
//!
//! - [`text`]: NFC normalization, tone placement, folding.
//! - [`guide`]: the guide model, parser and HTML sanitizer.
//! - [`content`]: a whole handbook (guides, life events, families, glossary, locality), embedded or from
//!   a folder.
//! - [`lang`]: the language layer: glossary, everyday words and the situation lexicon, compiled in.
//! - [`search`]: the index and the query pipeline.
//! - [`catalogue`]: the national catalogue's records (as the national portal publishes them) converted
//!   into guides; the `sotay-import` crate writes them into a handbook folder.
//! - [`pack`]: signed content packs: build, verify, install atomically, roll back.
//! - [`userdata`]: the user's history and favourites, kept as JSON files written atomically.
//! - [`autostart`]: the XDG autostart entry that starts the kiosk at login.
//! - [`config`]: the installation's settings (`config.toml` in the data folder) and the kiosk PIN.
//! - [`manual`]: the user manual ("Hướng dẫn"), compiled in, in sections of sanitized HTML.
//! - [`lockout`]: wrong admin PINs counted in the data folder, with escalating lock-outs.
//! - [`feedback`]: citizens' ratings and petitions in SQLite, and their CSV export.
//! - [`speech`]: Vietnamese text made speakable, the spoken text of a guide, and espeak-ng run as a
//!   separate program.
//! - [`forms`]: the official declaration forms: their text and fields, checking typed values, the ID
//!   card's QR code, and the A4 PDF.

mod atomic;
pub mod autostart;
pub mod catalogue;
pub mod config;
pub mod content;
pub mod error;
pub mod feedback;
pub mod forms;
pub mod guide;
pub mod lang;
pub mod lockout;
pub mod manual;
pub mod pack;
mod regular;
pub mod search;
pub mod speech;
pub mod text;
pub mod userdata;

pub use content::{ContentInfo, Handbook};
pub use error::{Error, FieldError, Problem, Result};
pub use guide::Guide;
pub use search::{Engine, Filters, Hit, SearchOptions, SearchResults};
