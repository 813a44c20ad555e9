//! Signed content packs: build, verify, install, roll back, and every way a pack must be refused with
//! the installed handbook left exactly as it was — including `kill -9` in the middle of an install.

use std::io::Cursor;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Instant;

use sha2::{Digest, Sha256};
use sotay::pack::{self, Manifest, PublicKey, Source};

use crate::common::{content_dir, fixture, mini_copy};

/// The untrusted comment sotay writes into every signature.
const SIGNATURE_COMMENT: &str = "signature of a sotay content pack";

/// A signing key, a content folder and a data folder, all temporary.
struct Setup {
    dir: tempfile::TempDir,
    key: PathBuf,
    public: PublicKey,
}

impl Setup {
    fn new() -> Setup {
        let dir = tempfile::tempdir().expect("temp dir");
        let key = dir.path().join("office.key");
        let public = pack::keygen(&key, false).expect("keygen");
        Setup { dir, key, public }
    }

    fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    fn data(&self) -> PathBuf {
        self.path("data")
    }

    fn trusted(&self) -> Vec<PublicKey> {
        vec![self.public.clone()]
    }

    /// Builds a pack of `content` at `name`.
    fn build(&self, content: &Path, version: u64, name: &str) -> PathBuf {
        let out = self.path(name);
        pack::build(content, &self.key, version, Some("2026-11-28"), &out).expect("build");
        out
    }

    fn install(&self, file: &Path) -> sotay::Result<pack::InstallReport> {
        pack::install(file, &self.data(), &self.trusted())
    }
}

/// The mini fixture with one guide changed (a note appended).
fn mini_changed() -> tempfile::TempDir {
    let dir = mini_copy();
    let file = dir.path().join("ho-tich/ket-hon.md");
    let mut text = std::fs::read_to_string(&file).expect("read guide");
    text.push_str("- Mang theo bút để ký.\n");
    std::fs::write(&file, text).expect("write guide");
    dir
}

/// What an observer sees of the installation: the pointer file's bytes, the files of `packs/`, and the
/// handbook `load_installed` gives (origin, codes, a hash of every guide).
#[derive(Debug, PartialEq, Eq)]
struct Snapshot {
    state: Option<Vec<u8>>,
    files: Vec<String>,
    loaded: Loaded,
}

#[derive(Debug, Clone, PartialEq, Eq)]
struct Loaded {
    source: Source,
    version: Option<u64>,
    codes: Vec<String>,
    hash: String,
}

fn loaded(data: &Path) -> Loaded {
    let installed = pack::load_installed(data).expect("load_installed never fails on a good build");
    // The embedded handbook (the whole national catalogue) is the same in every snapshot: it is named,
    // not loaded, to keep the kill loops quick.
    if matches!(installed.content, pack::Content::Embedded) {
        return Loaded {
            source: installed.status.source,
            version: None,
            codes: vec!["embedded".to_string()],
            hash: String::new(),
        };
    }
    let (handbook, status) = installed.into_handbook().expect("the handbook loads");
    let mut hasher = Sha256::new();
    hasher.update(serde_json::to_vec(&handbook.guides).expect("guides to JSON"));
    hasher.update(serde_json::to_vec(&handbook.glossary).expect("glossary to JSON"));
    hasher.update(handbook.info.name.as_bytes());
    let mut codes: Vec<String> = handbook.guides.iter().map(|g| g.code.clone()).collect();
    codes.sort();
    Loaded {
        source: status.source,
        version: status.pack.map(|p| p.version),
        codes,
        hash: format!("{:x}", hasher.finalize()),
    }
}

fn snapshot(data: &Path) -> Snapshot {
    let packs = data.join("packs");
    Snapshot {
        state: std::fs::read(packs.join(pack::STATE_FILE)).ok(),
        files: crate::common::files_under(&packs),
        loaded: loaded(data),
    }
}

/// The entries of a pack file, in order.
fn entries(file: &Path) -> Vec<(String, Vec<u8>)> {
    let bytes = std::fs::read(file).expect("read pack");
    let mut archive = tar::Archive::new(Cursor::new(bytes));
    archive
        .entries()
        .expect("entries")
        .map(|e| {
            let mut e = e.expect("entry");
            let path = String::from_utf8(e.path_bytes().to_vec()).expect("UTF-8 path");
            let mut data = Vec::new();
            std::io::Read::read_to_end(&mut e, &mut data).expect("entry data");
            (path, data)
        })
        .collect()
}

/// One archive entry to craft.
struct Raw {
    path: Vec<u8>,
    kind: tar::EntryType,
    data: Vec<u8>,
    /// Size written in the header, when it should lie about the data.
    declared: Option<u64>,
    link: Option<&'static str>,
}

impl Raw {
    fn file(path: &str, data: Vec<u8>) -> Raw {
        Raw {
            path: path.as_bytes().to_vec(),
            kind: tar::EntryType::Regular,
            data,
            declared: None,
            link: None,
        }
    }
}

/// Writes entries with the `tar` crate directly, paths copied raw into the header (so `..` and absolute
/// paths get through), signing `manifest` with `key` and putting it first.
fn craft(key: &Path, manifest: &[u8], comment: &str, rest: Vec<Raw>) -> Vec<u8> {
    let text = std::fs::read_to_string(key).expect("read key");
    let sk = minisign::SecretKeyBox::from_string(&text)
        .and_then(minisign::SecretKeyBox::into_unencrypted_secret_key)
        .expect("secret key");
    let sig = minisign::sign(
        None,
        &sk,
        Cursor::new(manifest),
        Some(comment),
        Some(SIGNATURE_COMMENT),
    )
    .expect("sign")
    .to_string();
    let mut all = vec![
        Raw::file("manifest.toml", manifest.to_vec()),
        Raw::file("manifest.toml.minisig", sig.into_bytes()),
    ];
    all.extend(rest);
    let mut builder = tar::Builder::new(Vec::new());
    for e in all {
        let mut header = tar::Header::new_ustar();
        header.as_old_mut().name[..e.path.len()].copy_from_slice(&e.path);
        header.set_size(e.declared.unwrap_or(e.data.len() as u64));
        header.set_mode(0o644);
        header.set_mtime(0);
        header.set_uid(0);
        header.set_gid(0);
        header.set_entry_type(e.kind);
        if let Some(link) = e.link {
            header.set_link_name(link).expect("link name");
        }
        header.set_cksum();
        if e.declared.is_some() {
            // Only the header: the declared size must be refused before any data is read.
            builder.get_mut().extend_from_slice(header.as_bytes());
        } else {
            builder.append(&header, e.data.as_slice()).expect("append");
        }
    }
    builder.into_inner().expect("finish")
}

/// The signed parts of a real pack, for crafting variants of it.
struct Parts {
    manifest: Vec<u8>,
    comment: String,
    content: Vec<(String, Vec<u8>)>,
}

fn parts(file: &Path) -> Parts {
    let mut all = entries(file).into_iter();
    let (_, manifest) = all.next().expect("manifest");
    let _signature = all.next().expect("signature");
    let comment = Manifest::parse(&manifest)
        .expect("manifest parses")
        .trusted_comment();
    Parts {
        manifest,
        comment,
        content: all.collect(),
    }
}

impl Parts {
    fn raw(&self) -> Vec<Raw> {
        self.content
            .iter()
            .map(|(p, d)| Raw::file(p, d.clone()))
            .collect()
    }
}

fn expect_rejected(setup: &Setup, bytes: &[u8], expected: &str, before: &Snapshot) {
    let file = setup.path("bad.sotaypack");
    std::fs::write(&file, bytes).expect("write bad pack");
    let err = setup
        .install(&file)
        .expect_err(&format!(
            "a pack that should fail with {expected:?} was installed"
        ))
        .to_string();
    assert!(
        err.contains(expected),
        "message {err:?} should contain {expected:?}"
    );
    let verify_err = pack::verify(&file, &setup.trusted()).expect_err("verify must refuse too");
    assert!(
        matches!(verify_err, sotay::Error::PackRejected(_)),
        "{verify_err}"
    );
    assert_eq!(
        &snapshot(&setup.data()),
        before,
        "installation changed by: {expected}"
    );
}

#[test]
fn round_trip_install_upgrade_rollback() {
    let setup = Setup::new();
    let v1 = setup.build(&fixture("mini"), 1, "v1.sotaypack");
    let changed = mini_changed();
    let v2 = setup.build(changed.path(), 2, "v2.sotaypack");

    let info = pack::verify(&v1, &setup.trusted()).expect("v1 verifies");
    assert_eq!(
        (info.version, info.date.as_str(), info.guides),
        (1, "2026-11-28", 2)
    );
    assert_eq!(info.files, 6);

    let status = pack::status(&setup.data()).expect("status");
    assert_eq!(status.source, Source::Embedded);
    assert_eq!(
        status.note.as_deref(),
        Some("Chưa cài gói cập nhật; đang dùng sổ tay đi kèm ứng dụng.")
    );

    let report = setup.install(&v1).expect("install v1");
    assert_eq!(report.installed.version, 1);
    assert_eq!(report.previous, None);
    assert_eq!(report.changes.added, ["1.000894", "1.004746"]);
    let (handbook, status) = pack::load_installed(&setup.data())
        .expect("load")
        .into_handbook()
        .expect("handbook");
    assert_eq!(status.source, Source::Pack);
    assert_eq!(handbook.guides.len(), 2);
    assert_eq!(handbook.info.name, "Sổ tay thử");
    assert_eq!(status.note, None);
    assert_eq!(status.changes, None, "no previous pack to compare with");

    let report = setup.install(&v2).expect("install v2");
    assert_eq!(report.installed.version, 2);
    assert_eq!(report.previous.as_ref().map(|p| p.version), Some(1));
    assert_eq!(report.changes.changed, ["1.000894"]);
    assert!(report.changes.added.is_empty() && report.changes.removed.is_empty());
    let status = pack::status(&setup.data()).expect("status");
    assert_eq!(status.pack.as_ref().map(|p| p.version), Some(2));
    assert_eq!(status.previous.as_ref().map(|p| p.version), Some(1));
    let changes = status.changes.expect("changes against v1");
    assert_eq!(changes.changed, ["1.000894"]);
    let (guide, _) = pack::load_installed(&setup.data())
        .expect("load v2")
        .into_handbook()
        .expect("handbook");
    let notes = &guide.guide("1.000894").expect("guide").notes;
    assert!(
        notes.iter().any(|b| b.text.contains("Mang theo bút")),
        "{notes:?}"
    );

    let report = pack::rollback(&setup.data(), &setup.trusted()).expect("rollback");
    assert_eq!(report.installed.version, 1);
    assert_eq!(report.changes.changed, ["1.000894"]);
    let status = pack::status(&setup.data()).expect("status");
    assert_eq!(status.pack.as_ref().map(|p| p.version), Some(1));
    assert_eq!(status.previous, None);
    let err = pack::rollback(&setup.data(), &setup.trusted()).expect_err("one step only");
    assert!(err.to_string().contains("no previous pack"), "{err}");
    // Only the current slot is left on disk.
    let slots: Vec<String> = std::fs::read_dir(setup.data().join("packs"))
        .expect("packs")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with('v'))
        .collect();
    assert_eq!(slots.len(), 1, "{slots:?}");

    // Forward again after a rollback.
    setup.install(&v2).expect("install v2 again");
    assert_eq!(loaded(&setup.data()).version, Some(2));
}

#[test]
fn packs_in_memory_install_as_files_do() {
    let setup = Setup::new();
    let v1 = setup.build(&fixture("mini"), 1, "v1.sotaypack");
    let changed = mini_changed();
    let v2 = setup.build(changed.path(), 2, "v2.sotaypack");
    setup.install(&v1).expect("install v1");
    let before = snapshot(&setup.data());
    let limit = pack::Limits::default().max_file_bytes();
    let too_big = vec![0u8; usize::try_from(limit + 1).expect("the limit fits in memory")];
    let err = pack::install_bytes(too_big, &setup.data(), &setup.trusted())
        .expect_err("a pack over the size limit was installed");
    assert!(
        matches!(err, sotay::Error::PackRejected(_))
            && err.to_string().contains("larger than any pack can be"),
        "{err}"
    );
    assert_eq!(snapshot(&setup.data()), before);

    let bytes = std::fs::read(&v2).expect("read v2");
    let report = pack::install_bytes(bytes, &setup.data(), &setup.trusted())
        .expect("v2 installs from memory");
    assert_eq!(report.installed.version, 2);
    assert_eq!(snapshot(&setup.data()).loaded.version, Some(2));
}

#[test]
fn refused_packs_leave_the_installation_untouched() {
    let setup = Setup::new();
    let v1 = setup.build(&fixture("mini"), 1, "v1.sotaypack");
    let changed = mini_changed();
    let v2 = setup.build(changed.path(), 2, "v2.sotaypack");
    let v3 = setup.build(changed.path(), 3, "v3.sotaypack");
    setup.install(&v1).expect("install v1");
    setup.install(&v2).expect("install v2");
    let before = snapshot(&setup.data());
    assert_eq!(before.loaded.version, Some(2));

    // Older and same version: intact packs (they verify), refused by the install.
    for (file, version) in [(&v1, 1), (&v2, 2)] {
        pack::verify(file, &setup.trusted()).expect("an intact pack verifies");
        let err = setup.install(file).expect_err("not newer");
        assert!(
            err.to_string().contains(&format!(
                "pack version {version} is not newer than the installed version 2"
            )),
            "{err}"
        );
        assert_eq!(snapshot(&setup.data()), before);
    }

    // One flipped byte: every 97th byte, every byte of the first header, the manifest and its
    // signature (the first three blocks and their data).
    let good = std::fs::read(&v3).expect("read v3");
    let signed_end = {
        let all = entries(&v3);
        let m = all[0].1.len().div_ceil(512) * 512;
        let s = all[1].1.len().div_ceil(512) * 512;
        512 + m + 512 + s
    };
    let mut offsets: Vec<usize> = (0..good.len()).step_by(97).collect();
    offsets.extend(0..signed_end);
    offsets.extend(good.len() - 1024..good.len());
    offsets.sort_unstable();
    offsets.dedup();
    let file = setup.path("flipped.sotaypack");
    for &at in &offsets {
        let mut bad = good.clone();
        bad[at] ^= 1 << (at % 8);
        std::fs::write(&file, &bad).expect("write");
        let err = setup
            .install(&file)
            .expect_err(&format!("flipped byte {at} was accepted"));
        assert!(
            matches!(err, sotay::Error::PackRejected(_)),
            "byte {at}: {err}"
        );
    }
    assert_eq!(snapshot(&setup.data()), before);
    eprintln!(
        "flipped-byte packs refused: {} offsets of {} bytes",
        offsets.len(),
        good.len()
    );

    // Truncated at several lengths, and bytes appended.
    for len in [
        0,
        10,
        511,
        512,
        1024,
        good.len() / 2,
        good.len() - 1024,
        good.len() - 1,
    ] {
        expect_rejected(&setup, &good[..len], "truncated", &before);
    }
    let mut longer = good.clone();
    longer.extend_from_slice(&[0; 512]);
    expect_rejected(&setup, &longer, "pack is damaged", &before);

    // Signed by a key that is not trusted.
    let other = tempfile::tempdir().expect("temp");
    let other_key = other.path().join("other.key");
    pack::keygen(&other_key, false).expect("keygen");
    let foreign = other.path().join("foreign.sotaypack");
    pack::build(changed.path(), &other_key, 3, None, &foreign).expect("build");
    let bytes = std::fs::read(&foreign).expect("read");
    expect_rejected(&setup, &bytes, "which is not a trusted key", &before);
    let err = pack::verify(&v3, &[]).expect_err("no trusted key");
    assert!(err.to_string().contains("no trusted public key"), "{err}");

    let p = parts(&v3);
    // Sanity: an unmodified crafted pack verifies (and has the layout sotay writes, all but the
    // signature, which is randomized), so each case below has exactly one defect.
    let crafted = craft(&setup.key, &p.manifest, &p.comment, p.raw());
    let file = setup.path("crafted.sotaypack");
    std::fs::write(&file, &crafted).expect("write crafted");
    pack::verify(&file, &setup.trusted()).expect("an unmodified crafted pack verifies");
    assert_eq!(crafted.len(), good.len());

    // A file missing from the archive.
    let mut rest = p.raw();
    rest.remove(1);
    let bytes = craft(&setup.key, &p.manifest, &p.comment, rest);
    expect_rejected(
        &setup,
        &bytes,
        "listed in the manifest is missing from the pack",
        &before,
    );

    // An extra file.
    let mut rest = p.raw();
    rest.push(Raw::file("content/zz-extra.md", b"extra".to_vec()));
    let bytes = craft(&setup.key, &p.manifest, &p.comment, rest);
    expect_rejected(
        &setup,
        &bytes,
        "pack entry `content/zz-extra.md` is not listed in the manifest",
        &before,
    );

    // A file twice.
    let mut rest = p.raw();
    let (path, data) = p.content[0].clone();
    rest.insert(1, Raw::file(&path, data));
    let bytes = craft(&setup.key, &p.manifest, &p.comment, rest);
    expect_rejected(
        &setup,
        &bytes,
        &format!("pack entry `{path}` appears twice"),
        &before,
    );

    // Paths that leave the pack.
    let mut rest = p.raw();
    rest.push(Raw::file("content/../evil.md", b"evil".to_vec()));
    let bytes = craft(&setup.key, &p.manifest, &p.comment, rest);
    expect_rejected(
        &setup,
        &bytes,
        "pack entry `content/../evil.md`: path leaves the pack",
        &before,
    );
    let mut rest = p.raw();
    rest.push(Raw::file("/tmp/evil.md", b"evil".to_vec()));
    let bytes = craft(&setup.key, &p.manifest, &p.comment, rest);
    expect_rejected(
        &setup,
        &bytes,
        "pack entry `/tmp/evil.md` is not under content/",
        &before,
    );
    let mut m = Manifest::parse(&p.manifest).expect("manifest");
    m.files[0].path = "../evil.md".into();
    let evil = toml::to_string(&m).expect("toml").into_bytes();
    let bytes = craft(&setup.key, &evil, &p.comment, p.raw());
    expect_rejected(
        &setup,
        &bytes,
        "file `../evil.md`: path leaves the pack",
        &before,
    );

    // Links.
    for (kind, what) in [
        (tar::EntryType::Symlink, "is a symbolic link"),
        (tar::EntryType::Link, "is a hard link"),
    ] {
        let mut rest = p.raw();
        rest.push(Raw {
            link: Some("/etc/passwd"),
            kind,
            ..Raw::file("content/ho-tich/link.md", Vec::new())
        });
        let bytes = craft(&setup.key, &p.manifest, &p.comment, rest);
        expect_rejected(
            &setup,
            &bytes,
            &format!("pack entry `content/ho-tich/link.md` {what}"),
            &before,
        );
    }

    // Entries that declare more than the size limit (refused before their data is looked for): 1 GiB
    // in octal, 40 GiB in the base-256 form tar uses for sizes octal cannot hold.
    for size in [1u64 << 30, 40 << 30] {
        let mut rest = p.raw();
        rest.insert(
            0,
            Raw {
                declared: Some(size),
                ..Raw::file("content/aaa-huge.md", Vec::new())
            },
        );
        let bytes = craft(&setup.key, &p.manifest, &p.comment, rest);
        expect_rejected(
            &setup,
            &bytes,
            &format!(
                "`content/aaa-huge.md` declares {size} bytes; the limit per file is 8388608 bytes"
            ),
            &before,
        );
    }

    // A trusted comment that does not match the manifest, and a manifest altered after signing.
    let bytes = craft(&setup.key, &p.manifest, "sotay pack v9 2026-11-28", p.raw());
    expect_rejected(
        &setup,
        &bytes,
        "trusted comment `sotay pack v9 2026-11-28` does not match",
        &before,
    );
    let mut bytes = good.clone();
    let at = bytes
        .windows(11)
        .position(|w| w == b"version = 3")
        .expect("version line");
    bytes[at + 10] = b'4';
    expect_rejected(&setup, &bytes, "does not verify", &before);

    // Not a pack at all.
    expect_rejected(&setup, b"hello, not a pack", "truncated", &before);
}

#[test]
fn unusable_installs_fall_back_to_the_embedded_handbook() {
    let setup = Setup::new();
    let v1 = setup.build(&fixture("mini"), 1, "v1.sotaypack");
    setup.install(&v1).expect("install");
    let packs = setup.data().join("packs");
    let state = std::fs::read_to_string(packs.join(pack::STATE_FILE)).expect("state");
    let slot = state.split('"').nth(1).expect("current slot").to_string();

    // A content file altered on disk.
    let guide = packs.join(&slot).join("content/ho-tich/ket-hon.md");
    let original = std::fs::read(&guide).expect("read");
    std::fs::write(&guide, b"altered").expect("alter");
    let installed = pack::load_installed(&setup.data()).expect("load");
    assert_eq!(installed.status.source, Source::Embedded);
    let note = installed.status.note.expect("note");
    assert!(
        note.contains("không dùng được") && note.contains("sha256"),
        "{note}"
    );
    assert!(
        matches!(installed.content, pack::Content::Embedded),
        "the embedded handbook"
    );
    std::fs::write(&guide, original).expect("restore");
    assert_eq!(loaded(&setup.data()).source, Source::Pack);

    // The slot gone, and a pointer file that names something else.
    std::fs::rename(packs.join(&slot), packs.join("elsewhere")).expect("move");
    let status = pack::status(&setup.data()).expect("status");
    assert_eq!(status.source, Source::Embedded);
    assert!(status.note.expect("note").contains("manifest.toml"));
    std::fs::write(packs.join(pack::STATE_FILE), "current = \"../../etc\"\n").expect("write");
    let status = pack::status(&setup.data()).expect("status");
    assert!(
        status
            .note
            .expect("note")
            .contains("is not a pack slot name")
    );
    std::fs::write(packs.join(pack::STATE_FILE), "garbage").expect("write");
    assert_eq!(
        pack::status(&setup.data()).expect("status").source,
        Source::Embedded
    );

    // An install still works from there.
    std::fs::remove_file(packs.join(pack::STATE_FILE)).expect("remove");
    let changed = mini_changed();
    let v2 = setup.build(changed.path(), 2, "v2.sotaypack");
    setup.install(&v2).expect("install over a broken state");
    assert_eq!(loaded(&setup.data()).version, Some(2));
    assert!(
        !packs.join("elsewhere").exists(),
        "stray folders are cleaned"
    );
}

#[test]
fn keys_and_build_refusals() {
    let setup = Setup::new();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&setup.key)
            .expect("meta")
            .permissions()
            .mode();
        assert_eq!(mode & 0o777, 0o600);
    }
    let err = pack::keygen(&setup.key, false).expect_err("no overwrite");
    assert!(err.to_string().contains("refusing to overwrite"), "{err}");
    let public = PublicKey::from_file(&pack::pub_path(&setup.key)).expect("read .pub");
    assert_eq!(public.id(), setup.public.id());
    assert_eq!(
        PublicKey::parse(&setup.public.to_base64())
            .expect("base64 line")
            .id(),
        setup.public.id()
    );
    assert!(PublicKey::parse("RWQnot-a-key").is_err());

    // Content that fails `sotay check` is refused with its problems, and no pack is written.
    let broken = mini_copy();
    std::fs::write(
        broken.path().join("ho-tich/ket-hon.md"),
        "+++\ncode = \"x\"\n+++\n",
    )
    .expect("break");
    let out = setup.path("broken.sotaypack");
    match pack::build(broken.path(), &setup.key, 1, None, &out) {
        Err(sotay::Error::Invalid(problems)) => assert!(!problems.is_empty()),
        other => panic!("expected content problems, got {other:?}"),
    }
    assert!(!out.exists());
    let err = pack::build(&fixture("mini"), &setup.key, 0, None, &out).expect_err("version 0");
    assert!(err.to_string().contains("between 1 and 1000000"), "{err}");
    let err = pack::build(&fixture("mini"), &setup.key, 1, Some("2026-02-30"), &out)
        .expect_err("bad date");
    assert!(err.to_string().contains("2026-02-30"), "{err}");
}

#[test]
fn cli_keys_from_the_config_and_exit_codes() {
    let dir = tempfile::tempdir().expect("temp");
    let key = dir.path().join("k");
    let data = dir.path().join("data");
    let run = |args: &[&str]| {
        Command::new(env!("CARGO_BIN_EXE_sotay"))
            .args(args)
            .env_remove("SOTAY_DATA_DIR")
            .output()
            .expect("run sotay")
    };
    let s = |p: &Path| p.to_str().expect("UTF-8 path").to_string();
    let out = run(&["pack", "keygen", "--out", &s(&key)]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let stdout = String::from_utf8_lossy(&out.stdout).into_owned();
    let config_line = stdout
        .lines()
        .find(|l| l.starts_with("packs.trusted_keys"))
        .expect("config line");
    let pack_file = dir.path().join("p.sotaypack");
    let mini = fixture("mini");
    let out = run(&[
        "pack",
        "build",
        &s(&mini),
        "--key",
        &s(&key),
        "--version",
        "5",
        "--out",
        &s(&pack_file),
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );

    // No trusted key anywhere: refused.
    let out = run(&["pack", "verify", &s(&pack_file), "--data", &s(&data)]);
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("no trusted public key"));
    // With --pubkey.
    let out = run(&[
        "pack",
        "verify",
        &s(&pack_file),
        "--data",
        &s(&data),
        "--pubkey",
        &format!("{}.pub", s(&key)),
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(String::from_utf8_lossy(&out.stdout).contains("version 5"));
    // From the installation's config.
    std::fs::create_dir_all(&data).expect("mkdir");
    let keys = config_line.trim_start_matches("packs.trusted_keys = ");
    std::fs::write(
        data.join("config.toml"),
        format!("[packs]\ntrusted_keys = {keys}\n"),
    )
    .expect("config");
    let out = run(&[
        "pack",
        "install",
        &s(&pack_file),
        "--data",
        &s(&data),
        "--json",
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON report");
    assert_eq!(report["installed"]["version"], 5);
    assert_eq!(report["changes"]["added"].as_array().map(Vec::len), Some(2));
    let out = run(&["pack", "status", "--data", &s(&data), "--json"]);
    let status: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON status");
    assert_eq!(status["source"], "pack");
    assert_eq!(status["pack"]["date"], sotay::catalogue::today());
    let out = run(&["pack", "rollback", "--data", &s(&data)]);
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("no previous pack"));
}

/// Kills `sotay pack install` with SIGKILL at random moments over a real-sized pack: afterwards the
/// handbook is exactly the old version or exactly the new one, and the next install or rollback works.
#[test]
fn kill_during_install_leaves_old_or_new() {
    let runs: usize = std::env::var("SOTAY_PACK_KILL_RUNS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(50);
    let setup = Setup::new();
    let old_content = tempfile::tempdir().expect("temp");
    copy_dir_to(&content_dir(), old_content.path());
    let new_content = tempfile::tempdir().expect("temp");
    copy_dir_to(&content_dir(), new_content.path());
    // The packs carry the edited guides only: what is under test is how files are swapped, and
    // checking the whole catalogue at each of the runs would only make every run longer.
    for dir in [old_content.path(), new_content.path()] {
        std::fs::remove_dir_all(dir.join("national")).expect("drop the catalogue");
    }
    change_one_guide(new_content.path());
    let old = setup.build(old_content.path(), 1, "old.sotaypack");
    let new = setup.build(new_content.path(), 2, "new.sotaypack");
    setup.install(&old).expect("install old");
    let old_loaded = loaded(&setup.data());
    let data = setup.data();
    let pubkey = pack::pub_path(&setup.key);
    let spawn = || {
        Command::new(env!("CARGO_BIN_EXE_sotay"))
            .args(["pack", "install"])
            .arg(&new)
            .arg("--data")
            .arg(&data)
            .arg("--pubkey")
            .arg(&pubkey)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("spawn sotay")
    };

    // Measure one full install, then go back.
    let started = Instant::now();
    let status = spawn().wait().expect("wait");
    let duration = started.elapsed();
    assert!(status.success(), "a full install succeeds");
    let new_loaded = loaded(&data);
    assert_eq!(new_loaded.version, Some(2));
    assert_ne!(new_loaded.hash, old_loaded.hash, "the two packs differ");
    assert_eq!(new_loaded.codes, old_loaded.codes);
    pack::rollback(&data, &setup.trusted()).expect("rollback to old");

    let seed: u64 = std::env::var("SOTAY_PACK_KILL_SEED")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(0x5eed_2026);
    let mut rng = seed.max(1); // xorshift never leaves 0
    // A little past the measured duration, so that some runs complete.
    let window = duration.mul_f64(1.1);
    eprintln!("kill test: seed {seed}, install takes {duration:?}, kills spread over {window:?}");
    let (mut olds, mut news) = (0, 0);
    for run in 0..runs {
        let delay = window.mul_f64(next_unit(&mut rng));
        let mut child = spawn();
        std::thread::sleep(delay);
        // SAFETY: kill(2) on the pid of a child we spawned and have not reaped yet.
        unsafe {
            libc::kill(child.id() as libc::pid_t, libc::SIGKILL);
        }
        child.wait().expect("reap");
        let now = loaded(&data);
        if now == old_loaded {
            olds += 1;
        } else if now == new_loaded {
            news += 1;
            pack::rollback(&data, &setup.trusted())
                .unwrap_or_else(|e| panic!("run {run}: rollback after a kill: {e}"));
            assert_eq!(loaded(&data), old_loaded, "run {run}: rolled back");
        } else {
            panic!("run {run} (killed after {delay:?}): neither old nor new: {now:?}");
        }
    }
    eprintln!("kill test: {runs} runs, {olds} left the old version, {news} the new one");
    // And a plain install still works afterwards.
    setup.install(&new).expect("install after the kills");
    assert_eq!(loaded(&data), new_loaded);
    let leftovers: Vec<String> = crate::common::files_under(&data.join("packs"))
        .into_iter()
        .filter(|p| !p.starts_with('v') && p != pack::STATE_FILE && p != ".lock")
        .collect();
    assert!(leftovers.is_empty(), "stale files: {leftovers:?}");
}

/// Appends a note to the first guide whose text ends with a list item.
fn change_one_guide(dir: &Path) {
    for file in crate::common::files_under(dir) {
        if !file.ends_with(".md") || file.ends_with("README.md") {
            continue;
        }
        let path = dir.join(&file);
        let text = std::fs::read_to_string(&path).expect("read");
        if text
            .trim_end()
            .lines()
            .last()
            .is_some_and(|l| l.starts_with("- "))
        {
            std::fs::write(
                &path,
                format!("{}\n- Ghi chú của bản cập nhật thử.\n", text.trim_end()),
            )
            .expect("write");
            return;
        }
    }
    panic!("no guide ends with a list item");
}

/// xorshift64*: a uniform number in [0, 1).
fn next_unit(state: &mut u64) -> f64 {
    *state ^= *state >> 12;
    *state ^= *state << 25;
    *state ^= *state >> 27;
    let x = state.wrapping_mul(0x2545_F491_4F6C_DD1D);
    (x >> 11) as f64 / (1u64 << 53) as f64
}

/// Copies a folder tree.
fn copy_dir_to(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).expect("mkdir");
    for entry in std::fs::read_dir(from).expect("read dir") {
        let entry = entry.expect("entry");
        let target = to.join(entry.file_name());
        if entry.file_type().expect("type").is_dir() {
            copy_dir_to(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).expect("copy");
        }
    }
}

/// Lists the file `path` of a manifest with the size and digest of `data`.
fn list_as(m: &mut Manifest, path: &str, data: &[u8]) {
    let entry = m.files.iter_mut().find(|f| f.path == path).expect("entry");
    entry.size = data.len() as u64;
    entry.sha256 = pack::sha256_hex(data);
}

/// Runs `sotay` with `args` and gives up (killing it) after `limit`: `None` when it had to be killed.
fn sotay_within(
    args: &[&std::ffi::OsStr],
    limit: std::time::Duration,
) -> Option<std::process::Output> {
    let mut child = Command::new(env!("CARGO_BIN_EXE_sotay"))
        .args(args)
        .env_remove("SOTAY_DATA_DIR")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn sotay");
    let started = Instant::now();
    while child.try_wait().expect("try_wait").is_none() {
        if started.elapsed() > limit {
            child.kill().expect("kill");
            child.wait().expect("reap");
            return None;
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    Some(child.wait_with_output().expect("output"))
}

fn mkfifo(path: &Path) {
    let c = std::ffi::CString::new(path.as_os_str().as_encoded_bytes()).expect("path");
    // SAFETY: a valid NUL-terminated path.
    assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o644) }, 0, "mkfifo");
}

/// Defect: with a damaged `packs/state.toml` (`current = "v2-x`), installing a truncated pack was
/// refused, yet both installed pack folders were deleted (the clean-up ran before the checks). A
/// state file that cannot be read is reported and nothing in `packs/` is touched, whatever the pack.
#[test]
fn a_damaged_state_file_is_reported_and_the_installed_packs_kept() {
    let setup = Setup::new();
    let v1 = setup.build(&fixture("mini"), 1, "v1.sotaypack");
    let changed = mini_changed();
    let v2 = setup.build(changed.path(), 2, "v2.sotaypack");
    let v3 = setup.build(changed.path(), 3, "v3.sotaypack");
    setup.install(&v1).expect("install v1");
    setup.install(&v2).expect("install v2");
    let packs = setup.data().join("packs");
    std::fs::write(packs.join(pack::STATE_FILE), "current = \"v2-x\n").expect("damage state");
    let files = crate::common::files_under(&packs);
    let slots = files
        .iter()
        .filter(|f| f.ends_with("manifest.toml"))
        .count();
    assert_eq!(slots, 2, "{files:?}");

    let good = std::fs::read(&v3).expect("read v3");
    let truncated = setup.path("truncated.sotaypack");
    std::fs::write(&truncated, &good[..good.len() / 2]).expect("write");
    for file in [&truncated, &v3] {
        let err = setup.install(file).expect_err("refused").to_string();
        assert_eq!(
            crate::common::files_under(&packs),
            files,
            "{}: the installed packs changed ({err})",
            file.display()
        );
    }
    let err = setup.install(&v3).expect_err("refused").to_string();
    assert!(
        err.contains("state.toml") && err.contains("nothing in") && err.contains("was changed"),
        "{err}"
    );
    let o = sotay_within(
        &[
            "pack".as_ref(),
            "rollback".as_ref(),
            "--data".as_ref(),
            setup.data().as_os_str(),
        ],
        std::time::Duration::from_secs(60),
    )
    .expect("rollback finishes");
    assert!(!o.status.success());
    assert!(String::from_utf8_lossy(&o.stderr).contains("state.toml"));
    assert_eq!(crate::common::files_under(&packs), files);
    // The app meanwhile runs on the embedded handbook, and says why.
    let status = pack::status(&setup.data()).expect("status");
    assert_eq!(status.source, Source::Embedded);
    assert!(status.note.expect("note").contains("state.toml"));
}

/// Defect: `mkfifo f.sotaypack; sotay pack verify f.sotaypack` (and `install`) blocked forever. Only
/// regular files are opened for reading, without waiting: a FIFO (or a device) is refused at once, as
/// a pack, as a key, and in a content folder.
#[test]
fn a_fifo_is_refused_at_once_never_waited_on() {
    let setup = Setup::new();
    let fifo = setup.path("f.sotaypack");
    mkfifo(&fifo);
    let pubkey = pack::pub_path(&setup.key);
    let data = setup.data();
    let limit = std::time::Duration::from_secs(10);
    let run = |args: &[&std::ffi::OsStr]| {
        sotay_within(args, limit).unwrap_or_else(|| panic!("{args:?} hung on a FIFO"))
    };
    for command in ["verify", "install"] {
        let o = run(&[
            "pack".as_ref(),
            command.as_ref(),
            fifo.as_os_str(),
            "--data".as_ref(),
            data.as_os_str(),
            "--pubkey".as_ref(),
            pubkey.as_os_str(),
        ]);
        let err = String::from_utf8_lossy(&o.stderr);
        assert!(!o.status.success());
        assert!(err.contains("FIFO"), "{command}: {err}");
    }
    let key_fifo = setup.path("k.pub");
    mkfifo(&key_fifo);
    let v1 = setup.build(&fixture("mini"), 1, "v1.sotaypack");
    let o = run(&[
        "pack".as_ref(),
        "verify".as_ref(),
        v1.as_os_str(),
        "--pubkey".as_ref(),
        key_fifo.as_os_str(),
    ]);
    assert!(!o.status.success());
    assert!(String::from_utf8_lossy(&o.stderr).contains("FIFO"));
    let o = run(&[
        "pack".as_ref(),
        "verify".as_ref(),
        "/dev/zero".as_ref(),
        "--pubkey".as_ref(),
        pubkey.as_os_str(),
    ]);
    assert!(!o.status.success());
    assert!(String::from_utf8_lossy(&o.stderr).contains("a device"));

    // A FIFO among the guides is a problem of the folder, never read.
    let content = mini_copy();
    mkfifo(&content.path().join("ho-tich/ong-dan.md"));
    let o = run(&["check".as_ref(), content.path().as_os_str()]);
    let out = String::from_utf8_lossy(&o.stdout);
    assert!(!o.status.success());
    assert!(
        out.contains("ho-tich/ong-dan.md: is a FIFO (named pipe), not a regular file"),
        "{out}"
    );
    let out_pack = setup.path("fifo.sotaypack");
    let o = run(&[
        "pack".as_ref(),
        "build".as_ref(),
        content.path().as_os_str(),
        "--key".as_ref(),
        setup.key.as_os_str(),
        "--version".as_ref(),
        "1".as_ref(),
        "--out".as_ref(),
        out_pack.as_os_str(),
    ]);
    assert!(!o.status.success());
    assert!(!out_pack.exists());
}

/// A signed pack with `manifest` as its manifest and the content files of `p` it lists.
fn resigned(setup: &Setup, p: &Parts, manifest: &Manifest) -> Vec<u8> {
    let listed: Vec<String> = manifest
        .files
        .iter()
        .map(|f| format!("content/{}", f.path))
        .collect();
    let rest = p
        .content
        .iter()
        .filter(|(path, _)| listed.contains(path))
        .map(|(path, d)| Raw::file(path, d.clone()))
        .collect();
    let text = toml::to_string(manifest).expect("toml").into_bytes();
    craft(&setup.key, &text, &manifest.trusted_comment(), rest)
}

/// Defect: `pack build --version 18446744073709551615` was accepted, and once installed blocked every
/// later pack; an empty folder passed `check`, signed with `pack build` and installed a handbook of 0
/// guides. Versions stop at `MAX_VERSION`, and a handbook has at least one guide, at every step.
#[test]
fn absurd_versions_and_empty_handbooks_are_refused() {
    let setup = Setup::new();
    let out = setup.path("huge.sotaypack");
    let limit = std::time::Duration::from_secs(60);
    let o = sotay_within(
        &[
            "pack".as_ref(),
            "build".as_ref(),
            fixture("mini").as_os_str(),
            "--key".as_ref(),
            setup.key.as_os_str(),
            "--version".as_ref(),
            "18446744073709551615".as_ref(),
            "--out".as_ref(),
            out.as_os_str(),
        ],
        limit,
    )
    .expect("finishes");
    assert!(!o.status.success(), "an absurd version was built");
    assert!(String::from_utf8_lossy(&o.stderr).contains("between 1 and 1000000"));
    assert!(!out.exists());

    let empty = tempfile::tempdir().expect("tmp");
    let o = sotay_within(&["check".as_ref(), empty.path().as_os_str()], limit).expect("finishes");
    assert!(!o.status.success(), "an empty folder passed check");
    assert!(String::from_utf8_lossy(&o.stdout).contains("no guide"));
    let o = sotay_within(
        &[
            "pack".as_ref(),
            "build".as_ref(),
            empty.path().as_os_str(),
            "--key".as_ref(),
            setup.key.as_os_str(),
            "--version".as_ref(),
            "1".as_ref(),
            "--out".as_ref(),
            out.as_os_str(),
        ],
        limit,
    )
    .expect("finishes");
    assert!(!o.status.success(), "an empty handbook was packed");
    assert!(!out.exists());

    // Signed packs made otherwise are refused by verify and install alike.
    let v1 = setup.build(&fixture("mini"), 1, "v1.sotaypack");
    setup.install(&v1).expect("install v1");
    let before = snapshot(&setup.data());
    let p = parts(&v1);
    let mut m = Manifest::parse(&p.manifest).expect("manifest");
    m.version = u64::MAX;
    expect_rejected(
        &setup,
        &resigned(&setup, &p, &m),
        "version 18446744073709551615 is not between 1 and 1000000",
        &before,
    );
    let mut m = Manifest::parse(&p.manifest).expect("manifest");
    m.version = 2;
    m.files.retain(|f| f.code.is_none());
    m.guide_count = 0;
    expect_rejected(
        &setup,
        &resigned(&setup, &p, &m),
        "the pack holds no guide",
        &before,
    );
}

/// The mini fixture plus `extra` guides of codes 1.100001, 1.100002…
fn mini_plus(extra: usize) -> tempfile::TempDir {
    let dir = mini_copy();
    let text = std::fs::read_to_string(dir.path().join("ho-tich/ket-hon.md")).expect("read");
    for i in 1..=extra {
        let guide = text
            .replace("code = \"1.000894\"", &format!("code = \"1.10000{i}\""))
            .replace(
                "title = \"Đăng ký kết hôn\"",
                &format!("title = \"Thủ tục thêm số {i}\""),
            )
            .replace("choose_when = \"Hai bạn đăng ký kết hôn lần đầu.\"\n", "");
        std::fs::write(dir.path().join(format!("ho-tich/them-{i}.md")), guide).expect("write");
    }
    dir
}

/// A pack that drops more than a fifth of the installed guides is refused unless it says so, in its
/// manifest (`sotay pack build --allow-guide-removal`).
#[test]
fn a_pack_dropping_many_guides_must_say_so() {
    let setup = Setup::new();
    let five = mini_plus(3);
    let v1 = setup.build(five.path(), 1, "v1.sotaypack");
    setup.install(&v1).expect("install v1: 5 guides");
    let before = snapshot(&setup.data());
    // Two guides: 3 of the 5 removed.
    let two = setup.build(&fixture("mini"), 2, "v2.sotaypack");
    let err = setup.install(&two).expect_err("drops 60%").to_string();
    assert!(
        err.contains("removes 3 of the 5 installed guides")
            && err.contains("--allow-guide-removal"),
        "{err}"
    );
    assert_eq!(snapshot(&setup.data()), before);
    // One of five (20%) needs nothing.
    let four = mini_plus(2);
    let v2 = setup.build(four.path(), 2, "v2b.sotaypack");
    setup.install(&v2).expect("drops one of five");
    // Said explicitly: the CLI option writes it into the manifest.
    let out = setup.path("v3.sotaypack");
    let o = Command::new(env!("CARGO_BIN_EXE_sotay"))
        .args(["pack", "build"])
        .arg(fixture("mini"))
        .arg("--key")
        .arg(&setup.key)
        .args(["--version", "3", "--allow-guide-removal", "--out"])
        .arg(&out)
        .output()
        .expect("run");
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let manifest = Manifest::parse(&parts(&out).manifest).expect("manifest");
    assert!(manifest.allow_guide_removal);
    let report = setup.install(&out).expect("allowed explicitly");
    assert_eq!(report.changes.removed, ["1.100001", "1.100002"]);
}

/// Defect: rollback re-activated an older handbook without the checks an install makes. It now
/// verifies the previous pack's signature with the trusted keys, its files and content, and that it is
/// older than the pack in use (a `state.toml` pointing "back" to a newer pack is refused).
#[test]
fn rollback_checks_the_previous_pack_as_an_install_does() {
    let setup = Setup::new();
    let v1 = setup.build(&fixture("mini"), 1, "v1.sotaypack");
    let changed = mini_changed();
    let v2 = setup.build(changed.path(), 2, "v2.sotaypack");
    setup.install(&v1).expect("install v1");
    setup.install(&v2).expect("install v2");
    let data = setup.data();
    let packs = data.join("packs");
    std::fs::write(
        data.join("config.toml"),
        format!(
            "[packs]\ntrusted_keys = [\"{}\"]\n",
            setup.public.to_base64()
        ),
    )
    .expect("config");
    let state_path = packs.join(pack::STATE_FILE);
    let state = std::fs::read_to_string(&state_path).expect("state");
    let names: Vec<&str> = state.split('"').skip(1).step_by(2).collect();
    let (v2_slot, v1_slot) = (names[0].to_string(), names[1].to_string());
    let rollback_cli = || {
        Command::new(env!("CARGO_BIN_EXE_sotay"))
            .args(["pack", "rollback", "--data"])
            .arg(&data)
            .env_remove("SOTAY_DATA_DIR")
            .output()
            .expect("run")
    };

    // "Previous" names a pack newer than the one in use: not a step back.
    let swapped = format!("current = \"{v1_slot}\"\nprevious = \"{v2_slot}\"\n");
    std::fs::write(&state_path, &swapped).expect("swap");
    let o = rollback_cli();
    assert!(!o.status.success(), "rolled forward to v2");
    assert!(String::from_utf8_lossy(&o.stderr).contains("is not older than the pack in use"));
    assert_eq!(
        std::fs::read_to_string(&state_path).expect("state"),
        swapped
    );
    std::fs::write(&state_path, &state).expect("restore");

    // The previous pack altered on disk together with its manifest (so the hashes agree): its
    // signature no longer verifies.
    let guide = packs.join(&v1_slot).join("content/ho-tich/ket-hon.md");
    let original = std::fs::read(&guide).expect("read");
    let manifest_path = packs.join(&v1_slot).join("manifest.toml");
    let manifest_text = std::fs::read_to_string(&manifest_path).expect("manifest");
    let mut altered = original.clone();
    altered.extend_from_slice("- Ghi chú chen vào.\n".as_bytes());
    std::fs::write(&guide, &altered).expect("alter");
    let mut m = Manifest::parse(manifest_text.as_bytes()).expect("parse");
    list_as(&mut m, "ho-tich/ket-hon.md", &altered);
    std::fs::write(&manifest_path, toml::to_string(&m).expect("toml")).expect("rewrite");
    let o = rollback_cli();
    assert!(!o.status.success(), "rolled back to an altered pack");
    assert!(String::from_utf8_lossy(&o.stderr).contains("does not verify"));
    assert_eq!(std::fs::read_to_string(&state_path).expect("state"), state);
    std::fs::write(&guide, &original).expect("restore");
    std::fs::write(&manifest_path, &manifest_text).expect("restore");

    // Not signed by a trusted key (the key was removed from the config).
    std::fs::write(data.join("config.toml"), "").expect("no keys");
    let o = rollback_cli();
    assert!(!o.status.success(), "rolled back without a trusted key");
    assert!(String::from_utf8_lossy(&o.stderr).contains("no trusted public key"));
    // With the key, it goes back.
    let report = pack::rollback(&data, &setup.trusted()).expect("rollback");
    assert_eq!(report.installed.version, 1);
}

/// Defect: a signed 47 KB pack of nested lists made `pack install`, `pack status` and every app start
/// take about 7 s (rendering is quadratic in the nesting). An install refuses it at once, and a slot
/// holding one (as an older sotay installed it) gives the embedded handbook at once, saying why.
#[test]
fn nested_markdown_in_a_pack_is_refused_at_once() {
    let setup = Setup::new();
    let v1 = setup.build(&fixture("mini"), 1, "v1.sotaypack");
    setup.install(&v1).expect("install v1");
    let before = snapshot(&setup.data());
    let guide_path = "ho-tich/ket-hon.md";
    let nest = |text: &[u8]| {
        String::from_utf8(text.to_vec())
            .expect("UTF-8")
            .replace("- Cả hai bạn phải có mặt.", &("- ".repeat(16_000) + "x"))
            .into_bytes()
    };
    let p = parts(&v1);
    let mut m = Manifest::parse(&p.manifest).expect("manifest");
    m.version = 2;
    let mut rest = Vec::new();
    for (path, data) in &p.content {
        let data = if path == &format!("content/{guide_path}") {
            let nested = nest(data);
            list_as(&mut m, guide_path, &nested);
            nested
        } else {
            data.clone()
        };
        rest.push(Raw::file(path, data));
    }
    let text = toml::to_string(&m).expect("toml").into_bytes();
    let bytes = craft(&setup.key, &text, &m.trusted_comment(), rest);
    let file = setup.path("nested.sotaypack");
    std::fs::write(&file, &bytes).expect("write");
    let started = Instant::now();
    let err = setup
        .install(&file)
        .expect_err("a nested pack was installed")
        .to_string();
    eprintln!("nested pack refused in {:?}", started.elapsed());
    assert!(
        err.contains("markdown nested more than 16 levels deep"),
        "{err}"
    );
    assert_eq!(snapshot(&setup.data()), before);

    // The installed slot altered in place, manifest and all.
    let packs = setup.data().join("packs");
    let state = std::fs::read_to_string(packs.join(pack::STATE_FILE)).expect("state");
    let slot = packs.join(state.split('"').nth(1).expect("slot"));
    let guide = slot.join("content").join(guide_path);
    let nested = nest(&std::fs::read(&guide).expect("read"));
    std::fs::write(&guide, &nested).expect("write");
    let mut m = Manifest::parse(&std::fs::read(slot.join("manifest.toml")).expect("read"))
        .expect("manifest");
    list_as(&mut m, guide_path, &nested);
    std::fs::write(
        slot.join("manifest.toml"),
        toml::to_string(&m).expect("toml"),
    )
    .expect("write");
    let started = Instant::now();
    let status = pack::status(&setup.data()).expect("status");
    eprintln!("status over a nested slot in {:?}", started.elapsed());
    assert_eq!(status.source, Source::Embedded);
    assert!(
        status
            .note
            .expect("note")
            .contains("markdown nested more than 16 levels deep")
    );
}
