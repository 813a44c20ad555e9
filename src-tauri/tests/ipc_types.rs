//! The IPC contract's TypeScript side is generated from the Rust types the commands take and return,
//! never written by hand: this test renders every such type (and every type they contain) with ts-rs
//! into one file and compares it with `ui/src/lib/ipc.gen.ts`, which the UI imports its types from.
//!
//! A change to a Rust type that is not regenerated fails here (and so `make test`); so does a hand
//! edit of the generated file, such as an error code deleted from `ErrorCode`. `make ipc-types` (this
//! test with `SOTAY_WRITE_IPC_TYPES=1`) rewrites the file.
//!
//! Runs only with the `ts` feature (`cargo test -p sotay-desktop --features ts --test ipc_types`):
//! ts-rs is never part of a normal build.
#![cfg(feature = "ts")]

use std::any::TypeId;
use std::collections::{BTreeMap, HashSet};
use std::path::Path;

use ts_rs::{Config, TS, TypeVisitor};

/// The generated file, relative to this crate.
const GENERATED: &str = "../ui/src/lib/ipc.gen.ts";

/// The file's first lines.
const HEADER: &str = "\
// Generated from the Rust types of the IPC contract by ts-rs (src-tauri/tests/ipc_types.rs).
// Do not edit: change the Rust type, then run `make ipc-types`. `make test` fails when this file is stale.
/* eslint-disable */
";

/// Every exportable type reached, by TypeScript name, with its declaration.
struct Collect {
    cfg: Config,
    decls: BTreeMap<String, String>,
    seen: HashSet<TypeId>,
}

impl TypeVisitor for Collect {
    fn visit<T: TS + 'static + ?Sized>(&mut self) {
        // Wrappers forward their dependencies to the wrapped type's, so a recursive type
        // (`Changes` holds a `Box<Changes>`) would be walked forever without this.
        if !self.seen.insert(TypeId::of::<T>()) {
            return;
        }
        // Primitives, `Vec`, `Option`… have no file of their own and nothing to declare.
        if T::output_path().is_none() {
            T::visit_dependencies(self);
            T::visit_generics(self);
            return;
        }
        let name = T::ident(&self.cfg);
        if self.decls.contains_key(&name) {
            return;
        }
        let mut decl = String::new();
        if let Some(docs) = T::docs() {
            decl.push_str(&docs);
        }
        decl.push_str("export ");
        decl.push_str(&T::decl(&self.cfg));
        self.decls.insert(name, decl);
        T::visit_dependencies(self);
    }
}

/// The contract rendered: the types of every command's arguments, results, events and errors.
fn render() -> String {
    // 64-bit integers (ids, microseconds, byte counts) stay far below 2^53: numbers, not bigints.
    let mut c = Collect {
        cfg: Config::new().with_large_int("number"),
        decls: BTreeMap::new(),
        seen: HashSet::new(),
    };
    c.visit::<sotay::SearchOptions>();
    c.visit::<sotay::SearchResults>();
    c.visit::<sotay::Guide>();
    c.visit::<sotay::guide::Level>();
    c.visit::<sotay::search::Facets>();
    c.visit::<sotay::ContentInfo>();
    c.visit::<sotay::manual::Section>();
    c.visit::<sotay::content::LifeEvent>();
    c.visit::<sotay::content::Term>();
    c.visit::<sotay::content::Locality>();
    c.visit::<sotay::search::Choice>();
    c.visit::<sotay::feedback::RatingInput>();
    c.visit::<sotay::feedback::PetitionInput>();
    c.visit::<sotay::FieldError>();
    c.visit::<sotay::feedback::FeedbackCounts>();
    c.visit::<sotay::feedback::ExportSummary>();
    c.visit::<sotay::pack::PackStatus>();
    c.visit::<sotay::pack::InstallReport>();
    c.visit::<sotay::speech::SpeechEvent>();
    c.visit::<sotay::forms::Form>();
    c.visit::<sotay_desktop::Entry>();
    c.visit::<sotay_desktop::AppMode>();
    c.visit::<sotay_desktop::printing::Paper>();
    c.visit::<sotay_desktop::speech::SpeechInfo>();
    c.visit::<sotay_desktop::speech::VoiceSettings>();
    c.visit::<sotay_desktop::IpcError>();
    c.visit::<sotay_desktop::ErrorCode>();
    let mut out = String::from(HEADER);
    for decl in c.decls.values() {
        out.push('\n');
        out.push_str(decl);
        out.push('\n');
    }
    out
}

#[test]
fn the_generated_typescript_is_up_to_date() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(GENERATED);
    let fresh = render();
    if std::env::var_os("SOTAY_WRITE_IPC_TYPES").is_some() {
        std::fs::write(&path, &fresh).expect("write the generated types");
        return;
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        committed == fresh,
        "{} is stale or was edited by hand: run `make ipc-types` and commit it",
        path.display()
    );
}
