//! The integration tests of the core, the importer and the `sotay` binary, compiled as one binary (the
//! CLI crate's test target, so that `CARGO_BIN_EXE_sotay` is the binary just built).
//!
//! - `checks`: the content checks of headline facts (issue 15), one failing fixture per rule.
//! - `handbook`: the bundled content (inventory coverage, facts checked against the national records).
//! - `loading`: bad and hostile input files.
//! - `search`: the query pipeline over the bundled handbook and the fixtures.
//! - `cli`: the `sotay` binary, including its JSON contracts.
//! - `properties`: property tests of normalization and the whole query pipeline.
//! - `import`: the national-portal importer, end to end on small fixtures.
//! - `config`: the installation's config and the kiosk PIN, through the library and `sotay config`.
//! - `feedback`: the ratings and petitions store: migrations, hostile input, CSV export, purge,
//!   retention, and durability when the writer is killed with SIGKILL.
//! - `forms`: the declaration forms: PDFs read back with pdftotext, refused values, guide links.
//! - `pack`: signed content packs: build, verify, install, rollback, refusals, kill -9 during install.

mod cache;
mod checks;
mod cli;
mod common;
mod config;
mod feedback;
mod forms;
mod handbook;
mod import;
mod loading;
mod pack;
mod properties;
mod search;
mod speech;
