//! The shell's commands end to end through Tauri's IPC layer (mock runtime, no window): argument names,
//! JSON shapes, NFC normalization at the boundary, errors as `IpcError`, and the user's lists kept in
//! the data folder across restarts.

use std::path::Path;

use serde_json::{Value, json};
use sotay_desktop::{Core, IpcError};
use tauri::test::{INVOKE_KEY, MockRuntime, mock_builder, mock_context, noop_assets};
use tauri::webview::InvokeRequest;
use tauri::{WebviewWindow, WebviewWindowBuilder};

/// A window over a fresh data folder (deleted when the returned guard is dropped).
fn window() -> (tempfile::TempDir, WebviewWindow<MockRuntime>) {
    let dir = tempfile::tempdir().expect("temp dir");
    let w = window_at(dir.path());
    (dir, w)
}

fn window_at(data_dir: &Path) -> WebviewWindow<MockRuntime> {
    let app = sotay_desktop::app(mock_builder(), Core::load(), Some(data_dir.to_path_buf()))
        .build(mock_context(noop_assets()))
        .expect("app");
    WebviewWindowBuilder::new(&app, "main", Default::default())
        .build()
        .expect("window")
}

fn codes(list: &Value) -> Vec<&str> {
    list.as_array()
        .expect("array")
        .iter()
        .map(|e| e["code"].as_str().expect("code"))
        .collect()
}

fn call(window: &WebviewWindow<MockRuntime>, cmd: &str, args: Value) -> Result<Value, Value> {
    let request = InvokeRequest {
        cmd: cmd.into(),
        callback: tauri::ipc::CallbackFn(0),
        error: tauri::ipc::CallbackFn(1),
        url: "tauri://localhost".parse().expect("url"),
        body: tauri::ipc::InvokeBody::Json(args),
        headers: Default::default(),
        invoke_key: INVOKE_KEY.to_string(),
    };
    tauri::test::get_ipc_response(window, request).map(|body| body.deserialize().expect("JSON"))
}

#[test]
fn search_takes_the_ui_arguments_and_normalizes_the_query() {
    let (_dir, w) = window();
    // "kết hôn" typed with combining marks (NFD), as some keyboards send it.
    let query = "ke\u{0302}\u{0301}t ho\u{0302}n";
    let r = call(
        &w,
        "search",
        json!({ "query": query, "options": { "limit": 5, "prefix": true } }),
    )
    .expect("search");
    assert_eq!(r["query"], "kết hôn");
    let hits = r["hits"].as_array().expect("hits");
    assert!(!hits.is_empty() && hits.len() <= 5);
    assert!(hits.iter().any(|h| h["code"] == "1.000894"), "{hits:?}");
    for key in ["total", "took_us", "ambiguous"] {
        assert!(r.get(key).is_some(), "missing {key}");
    }

    let filtered = call(
        &w,
        "search",
        json!({ "query": "", "options": { "limit": 100, "filters": { "field": "Ho\u{0302}\u{0323} ti\u{0323}ch" } } }),
    )
    .expect("browse");
    let hits = filtered["hits"].as_array().expect("hits");
    assert!(!hits.is_empty());
    assert!(hits.iter().all(|h| h["field"] == "Hộ tịch"), "{hits:?}");
}

#[test]
fn guide_returns_the_whole_guide_or_an_ipc_error() {
    let (_dir, w) = window();
    let g = call(&w, "guide", json!({ "code": " 1.000894 " })).expect("guide");
    assert_eq!(g["title"], "Đăng ký kết hôn");
    assert!(g["documents"].as_array().is_some_and(|d| !d.is_empty()));
    assert!(g["channels"][0]["channel"].is_string());

    let e = call(&w, "guide", json!({ "code": "9.999999" })).expect_err("unknown code");
    assert_eq!(e["code"], "unknown-code");
    assert!(
        e["message"]
            .as_str()
            .is_some_and(|m| m.contains("9.999999"))
    );
}

#[test]
fn facets_and_content_info() {
    let (_dir, w) = window();
    let info = call(&w, "content_info", json!({})).expect("content_info");
    assert_eq!(info["origin"], "embedded");
    assert!(info["guides"].as_u64().is_some_and(|n| n > 0));
    assert!(info["name"].as_str().is_some_and(|n| !n.is_empty()));

    let f = call(&w, "facets", json!({})).expect("facets");
    for key in ["fields", "levels", "events"] {
        assert!(f[key].as_array().is_some_and(|a| !a.is_empty()), "{key}");
    }
}

#[test]
fn ipc_error_codes() {
    let e = IpcError::from(sotay::Error::UnknownCode("1".into()));
    assert_eq!(e.code, "unknown-code");
    let e = IpcError::from(sotay::Error::Invalid(vec![sotay::Problem::new(
        "a.md", 3, "bad",
    )]));
    assert_eq!(e.code, "invalid-content");
    assert!(e.message.contains("a.md:3: bad"));
    let json = serde_json::to_value(&e).expect("JSON");
    assert_eq!(json.as_object().map(|o| o.len()), Some(2));
}

#[test]
fn navigation_is_kept_on_the_app() {
    use sotay_desktop::navigation::allowed;
    let url = |s: &str| s.parse::<tauri::Url>().expect("url");
    let dev = url("http://localhost:5173");
    assert!(allowed(&url("tauri://localhost/"), None));
    assert!(allowed(&url("tauri://localhost/index.html#x"), None));
    assert!(allowed(&url("http://tauri.localhost/"), None));
    assert!(allowed(&url("https://tauri.localhost/"), None));
    assert!(!allowed(&url("https://dichvucong.gov.vn/"), None));
    assert!(!allowed(&url("http://localhost:5173/"), None));
    assert!(allowed(
        &url("http://localhost:5173/src/App.svelte"),
        Some(&dev)
    ));
    assert!(!allowed(&url("http://localhost:5174/"), Some(&dev)));
    assert!(!allowed(&url("tauri://evil.example/"), Some(&dev)));
    assert!(!allowed(&url("file:///etc/passwd"), Some(&dev)));
    assert!(!allowed(&url("data:text/html,hi"), Some(&dev)));
}

#[test]
fn handbook_data_for_browsing_and_explaining() {
    let (_dir, w) = window();
    let events = call(&w, "life_events", json!({})).expect("life_events");
    let ket_hon = events
        .as_array()
        .and_then(|a| a.iter().find(|e| e["id"] == "ket-hon"))
        .expect("the ket-hon event");
    assert!(ket_hon["name"].is_string() && ket_hon["description"].is_string());

    let terms = call(&w, "glossary", json!({})).expect("glossary");
    let cccd = terms
        .as_array()
        .and_then(|a| a.iter().find(|t| t["term"] == "CCCD"))
        .expect("CCCD");
    assert_eq!(cccd["kind"], "viet-tat");
    assert!(cccd["meaning"].as_str().is_some_and(|m| !m.is_empty()));

    let place = call(&w, "locality", json!({})).expect("locality");
    assert_eq!(place["sample"], true);
    for key in ["name", "address", "phone", "hours"] {
        assert!(place["office"][key].is_string(), "office.{key}");
    }

    let alikes = call(&w, "look_alikes", json!({ "code": "1.000894" })).expect("look_alikes");
    let alikes = alikes.as_array().expect("array");
    assert!(!alikes.is_empty());
    assert!(alikes.iter().all(|c| c["code"] != "1.000894"
        && c["title"].is_string()
        && c["choose_when"].as_str().is_some_and(|s| !s.is_empty())));
    let e = call(&w, "look_alikes", json!({ "code": "0.0" })).expect_err("unknown");
    assert_eq!(e["code"], "unknown-code");

    let entries = call(
        &w,
        "entries",
        json!({ "codes": ["1.000656", "9.999999", " 1.000894"] }),
    )
    .expect("entries");
    assert_eq!(codes(&entries), ["1.000656", "1.000894"]);
    assert_eq!(entries[1]["title"], "Đăng ký kết hôn");
    assert_eq!(entries[1]["field"], "Hộ tịch");
}

#[test]
fn history_and_favourites_survive_a_restart() {
    let dir = tempfile::tempdir().expect("temp dir");
    {
        let w = window_at(dir.path());
        assert_eq!(call(&w, "history", json!({})).expect("history"), json!([]));
        call(&w, "add_history", json!({ "code": "1.000894" })).expect("add");
        call(&w, "add_history", json!({ "code": "1.000656" })).expect("add");
        let h = call(&w, "add_history", json!({ "code": " 1.000894" })).expect("add");
        assert_eq!(codes(&h), ["1.000894", "1.000656"]);
        assert_eq!(h[0]["title"], "Đăng ký kết hôn");
        let e = call(&w, "add_history", json!({ "code": "9.999999" })).expect_err("unknown");
        assert_eq!(e["code"], "unknown-code");

        let f = call(&w, "toggle_favourite", json!({ "code": "1.000656" })).expect("fav");
        assert_eq!(codes(&f), ["1.000656"]);
        call(&w, "toggle_favourite", json!({ "code": "1.000894" })).expect("fav");
        let f = call(&w, "toggle_favourite", json!({ "code": "1.000656" })).expect("unfav");
        assert_eq!(codes(&f), ["1.000894"]);
    }
    let w = window_at(dir.path());
    let h = call(&w, "history", json!({})).expect("history");
    assert_eq!(codes(&h), ["1.000894", "1.000656"]);
    let f = call(&w, "favourites", json!({})).expect("favourites");
    assert_eq!(codes(&f), ["1.000894"]);
    call(&w, "clear_history", json!({})).expect("clear");
    assert_eq!(call(&w, "history", json!({})).expect("history"), json!([]));
    assert!(dir.path().join("history.json").is_file());
}

#[test]
fn a_damaged_history_file_starts_empty_and_is_kept_aside() {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(dir.path().join("history.json"), "{ not json").expect("write");
    let w = window_at(dir.path());
    assert_eq!(call(&w, "history", json!({})).expect("history"), json!([]));
    assert!(dir.path().join("history.json.bad").is_file());
    let h = call(&w, "add_history", json!({ "code": "1.000894" })).expect("add");
    assert_eq!(codes(&h), ["1.000894"]);
}

#[test]
fn an_unusable_data_folder_only_turns_the_lists_off() {
    let dir = tempfile::tempdir().expect("temp dir");
    let file = dir.path().join("a-file");
    std::fs::write(&file, "x").expect("write");
    let w = window_at(&file);
    let e = call(&w, "history", json!({})).expect_err("no folder");
    assert_eq!(e["code"], "io");
    assert!(call(&w, "guide", json!({ "code": "1.000894" })).is_ok());
}
