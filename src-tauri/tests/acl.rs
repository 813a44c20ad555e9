//! The capabilities per mode, through Tauri's own access control: the app built as `run` builds it
//! ([`sotay_desktop::build`] with the generated context, so the real command manifest, permission sets
//! and capabilities; Tauri's mock runtime, no window on screen), every declared command invoked in
//! each mode. A desk cannot call the kiosk's commands (its admin screen's least of all), a kiosk cannot
//! call the desk's, and each mode can call every command its UI calls (`ui/src/DeskApp.svelte` and
//! `ui/src/components/`, `ui/src/kiosk/`).
//!
//! Mock-runtime tests that use Tauri's mock context (`tests/ipc.rs`) have no access control: these are
//! the tests of it.

use std::path::Path;

use serde_json::{Value, json};
use sotay::config::Config;
use sotay_desktop::Core;
use sotay_desktop::acl::COMMANDS;
use tauri::test::{INVOKE_KEY, MockRuntime, mock_builder, noop_assets};
use tauri::webview::InvokeRequest;
use tauri::{WebviewWindow, WebviewWindowBuilder};

/// What both modes call (the `common` set).
const COMMON: &[&str] = &[
    "app_mode",
    "search",
    "guide",
    "life_events",
    "glossary",
    "locality",
    "entries",
    "form",
    "manual",
    "admin_unlock",
    "admin_lock",
];

/// Handbook updates, in both modes (the `packs` set): the About panel at a desk, the admin screen of a
/// kiosk.
const PACKS: &[&str] = &["pack_status", "install_pack", "rollback_pack"];

/// What only the desk calls (the `desk` set).
const DESK_ONLY: &[&str] = &[
    "facets",
    "content_info",
    "look_alikes",
    "history",
    "add_history",
    "clear_history",
    "favourites",
    "toggle_favourite",
    "save_form_pdf",
    "set_print_paper",
];

/// What only the kiosk calls for citizens (the `kiosk` set).
const KIOSK_ONLY: &[&str] = &[
    "submit_rating",
    "check_petition",
    "submit_petition",
    "speech_status",
    "speak",
    "speak_guide",
    "speech_stop",
];

/// The kiosk's admin screen (the `kiosk-admin` set).
const KIOSK_ADMIN: &[&str] = &[
    "feedback_counts",
    "export_feedback",
    "set_speech",
    "exit_kiosk",
];

/// Every command a desk may call.
const DESK: &[&[&str]] = &[COMMON, PACKS, DESK_ONLY];

/// Every command a kiosk may call.
const KIOSK: &[&[&str]] = &[COMMON, PACKS, KIOSK_ONLY, KIOSK_ADMIN];

/// The app built as `run` builds it, started on `data_dir` (with `--kiosk` when `kiosk_flag`), and a
/// window labelled `label`.
fn window(data_dir: &Path, kiosk_flag: bool, label: &str) -> WebviewWindow<MockRuntime> {
    let builder = sotay_desktop::app(mock_builder(), Core::load(), data_dir, kiosk_flag);
    // The generated context (command manifest, permissions, the `common` capability) without the
    // embedded UI, which these calls do not need.
    let context = tauri::generate_context!(test = true, assets = noop_assets());
    let app = sotay_desktop::build(builder, context).expect("app");
    WebviewWindowBuilder::new(&app, label, Default::default())
        .build()
        .expect("window")
}

/// Invokes `cmd` from the app's own page. The arguments are deliberately empty: a command that takes
/// some answers an argument error once the ACL has let it through, so none does anything.
fn call(window: &WebviewWindow<MockRuntime>, cmd: &str) -> Result<Value, Value> {
    let request = InvokeRequest {
        cmd: cmd.into(),
        callback: tauri::ipc::CallbackFn(0),
        error: tauri::ipc::CallbackFn(1),
        url: "tauri://localhost".parse().expect("url"),
        body: tauri::ipc::InvokeBody::Json(json!({})),
        headers: Default::default(),
        invoke_key: INVOKE_KEY.to_string(),
    };
    tauri::test::get_ipc_response(window, request).map(|body| body.deserialize().expect("JSON"))
}

/// Whether the answer is Tauri's ACL refusing `cmd` ("<cmd> not allowed…" in debug builds, "Command
/// <cmd> not allowed by ACL" in release ones).
fn refused_by_acl(answer: &Result<Value, Value>, cmd: &str) -> bool {
    matches!(answer, Err(Value::String(m))
        if m.starts_with(&format!("{cmd} not allowed")) || m == &format!("Command {cmd} not allowed by ACL"))
}

/// The start of an answer, for a failure message (a command let through may answer a whole catalogue).
fn short(answer: &Result<Value, Value>) -> String {
    format!("{answer:?}").chars().take(200).collect()
}

/// Checks that in `window` exactly the commands of `allowed` get past the ACL (and reach a registered
/// command), and every other declared command is refused by it.
fn assert_allows_only(window: &WebviewWindow<MockRuntime>, allowed: &[&[&str]], mode: &str) {
    let allowed: Vec<&str> = allowed.iter().flat_map(|set| set.iter().copied()).collect();
    for cmd in COMMANDS {
        let answer = call(window, cmd);
        if allowed.contains(cmd) {
            assert!(
                !refused_by_acl(&answer, cmd),
                "{mode}: {cmd} is refused by the ACL: {}",
                short(&answer)
            );
            assert_ne!(
                answer,
                Err(Value::String(format!("command {cmd} not found"))),
                "{mode}: {cmd} is declared but not registered"
            );
        } else {
            assert!(
                refused_by_acl(&answer, cmd),
                "{mode}: {cmd} is not refused by the ACL: {}",
                short(&answer)
            );
        }
    }
}

#[test]
fn every_declared_command_belongs_to_exactly_one_set() {
    let sets = [COMMON, PACKS, DESK_ONLY, KIOSK_ONLY, KIOSK_ADMIN];
    for cmd in COMMANDS {
        let n = sets.iter().filter(|set| set.contains(cmd)).count();
        assert_eq!(n, 1, "{cmd} is in {n} sets");
    }
    let listed: usize = sets.iter().map(|set| set.len()).sum();
    assert_eq!(listed, COMMANDS.len(), "a set lists an undeclared command");
}

#[test]
fn a_desk_calls_the_desk_commands_and_none_of_the_kiosk() {
    let dir = tempfile::tempdir().expect("temp dir");
    let w = window(dir.path(), false, "main");
    assert_allows_only(&w, DESK, "desk");
    // The kiosk's admin commands in particular: refused before the PIN gate is even asked.
    for cmd in KIOSK_ADMIN {
        assert!(refused_by_acl(&call(&w, cmd), cmd), "desk: {cmd}");
    }
}

#[test]
fn a_kiosk_calls_the_kiosk_commands_and_none_of_the_desk() {
    let dir = tempfile::tempdir().expect("temp dir");
    let w = window(dir.path(), true, "main");
    assert_allows_only(&w, KIOSK, "kiosk (--kiosk)");
}

#[test]
fn a_kiosk_by_its_config_gets_the_kiosk_capability() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut config = Config::default();
    config.kiosk.enabled = true;
    config.save(dir.path()).expect("save config");
    let w = window(dir.path(), false, "main");
    assert_allows_only(&w, KIOSK, "kiosk (config)");
}

#[test]
fn the_kiosk_admin_commands_still_need_the_pin() {
    // The permission is a layer over the PIN gate, not instead of it.
    let dir = tempfile::tempdir().expect("temp dir");
    let w = window(dir.path(), true, "main");
    for cmd in ["feedback_counts", "exit_kiosk"] {
        let e = call(&w, cmd).expect_err(cmd);
        assert_eq!(e["code"], "locked", "{cmd}: {e:?}");
    }
}

#[test]
fn a_window_other_than_main_gets_nothing() {
    let dir = tempfile::tempdir().expect("temp dir");
    for kiosk in [false, true] {
        let w = window(dir.path(), kiosk, "other");
        assert_allows_only(&w, &[], "a window other than main");
    }
}
