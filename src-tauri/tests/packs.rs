//! Signed handbook updates through the shell's commands (mock runtime, no window): install → status →
//! rollback with the engine swapped while the app runs, a refused pack leaving everything as it was,
//! and kiosk mode refusing both changes until the admin PIN unlocks them.

use std::fs;
use std::path::{Path, PathBuf};

use serde_json::{Value, json};
use sotay::config::{Config, hash_pin};
use sotay_desktop::Core;
use tauri::ipc::InvokeBody;
use tauri::test::{INVOKE_KEY, MockRuntime, mock_builder, mock_context, noop_assets};
use tauri::webview::InvokeRequest;
use tauri::{WebviewWindow, WebviewWindowBuilder};

/// The guide whose title the second pack changes.
const MARRIAGE: &str = "1.000894";
const NEW_TITLE: &str = "Đăng ký kết hôn tại nhà văn hóa thôn";

/// Two packs of the test handbook signed by a key the data folder's config trusts: v1 as it is, v2 with
/// the marriage guide retitled; and a pack signed by a key nobody trusts.
struct Packs {
    _tmp: tempfile::TempDir,
    data: PathBuf,
    v1: Vec<u8>,
    v2: Vec<u8>,
    untrusted: Vec<u8>,
}

fn mini() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/fixtures/mini")
}

fn copy_dir(from: &Path, to: &Path) {
    fs::create_dir_all(to).expect("mkdir");
    for entry in fs::read_dir(from).expect("read_dir") {
        let entry = entry.expect("entry");
        let target = to.join(entry.file_name());
        if entry.file_type().expect("type").is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            fs::copy(entry.path(), &target).expect("copy");
        }
    }
}

/// Builds the packs; `pin` sets an admin PIN in the config too.
fn packs(pin: Option<&str>) -> Packs {
    let tmp = tempfile::tempdir().expect("temp dir");
    let root = tmp.path();
    let key = root.join("office.key");
    let public = sotay::pack::keygen(&key, false).expect("keygen");
    let other_key = root.join("other.key");
    sotay::pack::keygen(&other_key, false).expect("keygen");

    let v2_content = root.join("content-v2");
    copy_dir(&mini(), &v2_content);
    let guide = v2_content.join("ho-tich/ket-hon.md");
    let text = fs::read_to_string(&guide).expect("guide");
    let retitled = text.replacen(
        "title = \"Đăng ký kết hôn\"",
        &format!("title = \"{NEW_TITLE}\""),
        1,
    );
    assert_ne!(text, retitled, "the fixture's title line changed");
    fs::write(&guide, retitled).expect("write guide");

    let build = |content: &Path, key: &Path, version: u64, name: &str| {
        let out = root.join(name);
        sotay::pack::build(content, key, version, Some("2026-11-28"), &out).expect("pack build");
        fs::read(out).expect("read pack")
    };
    let v1 = build(&mini(), &key, 1, "v1.sotaypack");
    let v2 = build(&v2_content, &key, 2, "v2.sotaypack");
    let untrusted = build(&v2_content, &other_key, 3, "other.sotaypack");

    let data = root.join("data");
    fs::create_dir_all(&data).expect("data dir");
    let mut config = Config::default();
    config.packs.trusted_keys = vec![public.to_base64()];
    if let Some(pin) = pin {
        config.kiosk.pin_hash = Some(hash_pin(pin).expect("hash"));
    }
    config.save(&data).expect("config");
    Packs {
        _tmp: tmp,
        data,
        v1,
        v2,
        untrusted,
    }
}

/// A window of the app started on `data_dir` as `run` starts it (the installed handbook loaded).
fn window(data_dir: &Path, kiosk: bool) -> WebviewWindow<MockRuntime> {
    let app = sotay_desktop::app(mock_builder(), Core::open(data_dir), data_dir, kiosk)
        .build(mock_context(noop_assets()))
        .expect("app");
    WebviewWindowBuilder::new(&app, "main", Default::default())
        .build()
        .expect("window")
}

fn invoke(w: &WebviewWindow<MockRuntime>, cmd: &str, body: InvokeBody) -> Result<Value, Value> {
    let request = InvokeRequest {
        cmd: cmd.into(),
        callback: tauri::ipc::CallbackFn(0),
        error: tauri::ipc::CallbackFn(1),
        url: "tauri://localhost".parse().expect("url"),
        body,
        headers: Default::default(),
        invoke_key: INVOKE_KEY.to_string(),
    };
    tauri::test::get_ipc_response(w, request).map(|body| body.deserialize().expect("JSON"))
}

fn call(w: &WebviewWindow<MockRuntime>, cmd: &str, args: Value) -> Result<Value, Value> {
    invoke(w, cmd, InvokeBody::Json(args))
}

fn install(w: &WebviewWindow<MockRuntime>, bytes: &[u8]) -> Result<Value, Value> {
    invoke(w, "install_pack", InvokeBody::Raw(bytes.to_vec()))
}

fn status(w: &WebviewWindow<MockRuntime>) -> Value {
    call(w, "pack_status", json!({})).expect("pack_status")
}

/// The title of the marriage guide in the handbook in use.
fn marriage_title(w: &WebviewWindow<MockRuntime>) -> String {
    let g = call(w, "guide", json!({ "code": MARRIAGE })).expect("guide");
    g["title"].as_str().expect("title").to_string()
}

/// The codes of the hits for `query`.
fn search(w: &WebviewWindow<MockRuntime>, query: &str) -> Vec<String> {
    let r = call(
        w,
        "search",
        json!({ "query": query, "options": { "limit": 5 } }),
    )
    .expect("search");
    r["hits"]
        .as_array()
        .expect("hits")
        .iter()
        .map(|h| h["code"].as_str().expect("code").to_string())
        .collect()
}

#[test]
fn install_status_and_rollback_swap_the_handbook_without_a_restart() {
    let p = packs(None);
    let w = window(&p.data, false);
    let s = status(&w);
    assert_eq!(s["source"], "embedded");
    assert_eq!(
        s["note"],
        "Chưa cài gói cập nhật; đang dùng sổ tay đi kèm ứng dụng."
    );
    let embedded_guides = call(&w, "content_info", json!({})).expect("info")["guides"].clone();
    assert!(embedded_guides.as_u64().expect("count") > 2);

    let r = install(&w, &p.v1).expect("install v1");
    assert_eq!(r["installed"]["version"], 1);
    assert_eq!(r["installed"]["guides"], 2);
    assert_eq!(r["previous"], Value::Null);
    // The engine in use is the pack's now: two guides.
    assert_eq!(
        call(&w, "content_info", json!({})).expect("info")["guides"],
        2
    );
    assert_eq!(marriage_title(&w), "Đăng ký kết hôn");

    let r = install(&w, &p.v2).expect("install v2");
    assert_eq!(r["installed"]["version"], 2);
    assert_eq!(r["previous"]["version"], 1);
    assert_eq!(r["changes"]["changed"], json!([MARRIAGE]));
    assert_eq!(r["changes"]["added"], json!([]));
    assert_eq!(r["changes"]["removed"], json!([]));
    assert_eq!(marriage_title(&w), NEW_TITLE);
    assert_eq!(
        search(&w, "nha van hoa thon").first().map(String::as_str),
        Some(MARRIAGE)
    );

    let s = status(&w);
    assert_eq!(s["source"], "pack");
    assert_eq!(s["note"], Value::Null);
    assert_eq!(s["pack"]["version"], 2);
    assert_eq!(s["pack"]["date"], "2026-11-28");
    assert_eq!(s["pack"]["guides"], 2);
    assert_eq!(s["previous"]["version"], 1);
    assert_eq!(s["changes"]["changed"], json!([MARRIAGE]));

    // A restart finds the same pack.
    drop(w);
    let w = window(&p.data, false);
    assert_eq!(status(&w)["pack"]["version"], 2);
    assert_eq!(marriage_title(&w), NEW_TITLE);

    let r = call(&w, "rollback_pack", json!({})).expect("rollback");
    assert_eq!(r["installed"]["version"], 1);
    assert_eq!(r["previous"]["version"], 2);
    assert_eq!(marriage_title(&w), "Đăng ký kết hôn");
    let s = status(&w);
    assert_eq!(s["pack"]["version"], 1);
    assert_eq!(s["previous"], Value::Null);
    assert_eq!(s["changes"], Value::Null);

    // One step only.
    let e = call(&w, "rollback_pack", json!({})).expect_err("nothing to go back to");
    assert_eq!(e["code"], "pack");
    assert_eq!(status(&w)["pack"]["version"], 1);
}

#[test]
fn a_refused_pack_leaves_the_handbook_in_use_unchanged() {
    let p = packs(None);
    let w = window(&p.data, false);
    install(&w, &p.v1).expect("install v1");
    let before = status(&w);

    let mut flipped = p.v2.clone();
    let last = flipped.len() - 1;
    // A byte inside the retitled guide's text (the archive ends with zero blocks: flip one well inside).
    let at = flipped
        .windows(NEW_TITLE.len())
        .position(|win| win == NEW_TITLE.as_bytes())
        .expect("title in the archive");
    flipped[at] ^= 0x20;
    assert!(at < last);
    let truncated = &p.v2[..p.v2.len() / 2];
    for (what, bytes) in [
        ("flipped byte", flipped.as_slice()),
        ("truncated", truncated),
        ("untrusted key", p.untrusted.as_slice()),
        ("same version again", p.v1.as_slice()),
    ] {
        let e = install(&w, bytes).expect_err(what);
        assert_eq!(e["code"], "pack-rejected", "{what}: {e}");
        assert!(
            e["message"].as_str().is_some_and(|m| !m.is_empty()),
            "{what}: {e}"
        );
        assert_eq!(status(&w), before, "{what}");
        assert_eq!(marriage_title(&w), "Đăng ký kết hôn", "{what}");
    }
    // Not the pack bytes at all: JSON arguments.
    let e = call(&w, "install_pack", json!({ "bytes": [1, 2, 3] })).expect_err("JSON body");
    assert_eq!(e["code"], "bad-input");
    // No temporary pack file is left in the data folder.
    let left: Vec<_> = fs::read_dir(&p.data)
        .expect("data dir")
        .filter_map(Result::ok)
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".sotaypack"))
        .collect();
    assert!(left.is_empty(), "{left:?}");
}

#[test]
fn without_trusted_keys_nothing_installs() {
    let p = packs(None);
    Config::default()
        .save(&p.data)
        .expect("config without keys");
    let w = window(&p.data, false);
    let e = install(&w, &p.v1).expect_err("no trusted key");
    assert_eq!(e["code"], "pack-rejected");
    assert!(
        e["message"]
            .as_str()
            .expect("message")
            .contains("trusted_keys"),
        "{e}"
    );
    assert_eq!(status(&w)["source"], "embedded");
}

#[test]
fn kiosk_mode_refuses_install_and_rollback_until_the_pin_unlocks_them() {
    let p = packs(Some("246813"));
    let w = window(&p.data, true);
    assert_eq!(install(&w, &p.v1).expect_err("locked")["code"], "locked");
    assert_eq!(
        call(&w, "rollback_pack", json!({})).expect_err("locked")["code"],
        "locked"
    );
    // The status is for everyone (nothing changes).
    assert_eq!(status(&w)["source"], "embedded");

    assert_eq!(
        call(&w, "admin_unlock", json!({ "pin": "246813" })).expect("unlock"),
        true
    );
    install(&w, &p.v1).expect("install v1");
    install(&w, &p.v2).expect("install v2");
    assert_eq!(
        call(&w, "rollback_pack", json!({})).expect("rollback")["installed"]["version"],
        1
    );
    call(&w, "admin_lock", json!({})).expect("lock");
    assert_eq!(
        install(&w, &p.v2).expect_err("locked again")["code"],
        "locked"
    );
    assert_eq!(status(&w)["pack"]["version"], 1);
}

/// Defect: at a desk, `install_pack` and `rollback_pack` needed no PIN at all. When the config sets a
/// desk PIN (`[desk] pin_hash`), both need it, as the kiosk's admin commands need the kiosk's.
#[test]
fn at_a_desk_install_and_rollback_need_the_desk_pin_when_one_is_set() {
    let p = packs(None);
    let mut config = Config::load(&p.data).expect("config");
    config.desk.pin_hash = Some(hash_pin("602214").expect("hash"));
    config.save(&p.data).expect("save");
    let w = window(&p.data, false);
    assert_eq!(install(&w, &p.v1).expect_err("locked")["code"], "locked");
    assert_eq!(status(&w)["source"], "embedded");
    assert_eq!(
        call(&w, "admin_unlock", json!({ "pin": "000000" })).expect("answer"),
        false
    );
    assert_eq!(
        call(&w, "admin_unlock", json!({ "pin": "602214" })).expect("unlock"),
        true
    );
    install(&w, &p.v1).expect("install v1");
    install(&w, &p.v2).expect("install v2");
    call(&w, "admin_lock", json!({})).expect("lock");
    assert_eq!(
        call(&w, "rollback_pack", json!({})).expect_err("locked")["code"],
        "locked"
    );
    assert_eq!(status(&w)["pack"]["version"], 2);
    call(&w, "admin_unlock", json!({ "pin": "602214" })).expect("unlock");
    assert_eq!(
        call(&w, "rollback_pack", json!({})).expect("rollback")["installed"]["version"],
        1
    );
}
