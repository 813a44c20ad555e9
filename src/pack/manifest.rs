//! The pack manifest (`manifest.toml`): what a pack holds, and the checks on the paths it names.
//!
//! ```toml
//! format = 1
//! name = "Sổ tay thủ tục hành chính cấp xã"
//! version = 3
//! date = "2026-11-28"
//! guide_count = 61
//! allow_guide_removal = true   # optional: this pack may drop many installed guides (see below)
//!
//! [[files]]
//! path = "ho-tich/dang-ky-khai-sinh.md"
//! size = 5120
//! sha256 = "9f86d0…"
//! code = "1.001193"        # only for guide files
//! ```
//!
//! The manifest is the signed part of a pack: every other byte of the pack is tied to it, either through
//! a file's size and sha256 or through the archive layout, which the reader requires to be exactly the one
//! sotay writes. Paths are relative to the content folder and use `/`.
//!
//! The version is between 1 and [`MAX_VERSION`]: an install must raise it, so one absurd version (a
//! typo, `18446744073709551615`) would block every later pack. A pack that would remove more than
//! [`MAX_REMOVED_SHARE`] of the installed pack's guides is refused unless its manifest says
//! `allow_guide_removal = true` (`sotay pack build --allow-guide-removal`).

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use crate::error::{Error, Result};

/// The manifest format this version reads and writes.
pub const FORMAT: u32 = 1;

/// The highest pack version: one a year for ages, yet far from the end of the numbers, so a typo
/// cannot block every later pack for good.
pub const MAX_VERSION: u64 = 1_000_000;

/// The share of the installed guides a pack may remove without saying so (`allow_guide_removal`).
pub const MAX_REMOVED_SHARE: f64 = 0.2;

/// The parsed manifest.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Manifest {
    /// Always [`FORMAT`].
    pub format: u32,
    /// Display name of the handbook.
    pub name: String,
    /// Pack version; an install must increase it.
    pub version: u64,
    /// Date of the pack, `YYYY-MM-DD`.
    pub date: String,
    /// Number of guides in the content.
    pub guide_count: usize,
    /// The pack may remove more than [`MAX_REMOVED_SHARE`] of the installed guides (absent: false).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub allow_guide_removal: bool,
    /// Every content file, sorted by path.
    pub files: Vec<FileEntry>,
    /// The procedures of the national catalogue files, one per record, sorted by code: what a pack
    /// diff compares for the catalogue, which is one file but thousands of procedures.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub records: Vec<RecordEntry>,
}

/// One procedure of a national catalogue file of a pack.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RecordEntry {
    /// Its national code.
    pub code: String,
    /// The catalogue file that holds it.
    pub file: String,
    /// SHA-256 of the record (its JSON with sorted keys), lowercase hex.
    pub sha256: String,
}

impl RecordEntry {
    /// The name its guide is loaded under (`national/dvcqg-2026-06.jsonl.gz#1.000656`).
    pub fn source(&self) -> String {
        format!("{}#{}", self.file, self.code)
    }
}

/// One content file of a pack.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FileEntry {
    /// Path relative to the content folder.
    pub path: String,
    /// Size in bytes.
    pub size: u64,
    /// SHA-256 of the bytes, lowercase hex.
    pub sha256: String,
    /// The national code of the guide this file holds (guide files only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub code: Option<String>,
}

impl FileEntry {
    /// Whether `data` is this file: its size and its SHA-256.
    pub fn matches(&self, data: &[u8]) -> bool {
        data.len() as u64 == self.size && sha256_hex(data) == self.sha256
    }
}

impl Manifest {
    /// Parses and checks a manifest: format, date, sorted unique safe paths, well-formed hashes.
    pub fn parse(bytes: &[u8]) -> Result<Manifest> {
        let text =
            std::str::from_utf8(bytes).map_err(|_| rejected("manifest.toml is not valid UTF-8"))?;
        let m: Manifest = toml::from_str(text)
            .map_err(|e| rejected(format!("manifest.toml: {}", e.message())))?;
        m.check()?;
        Ok(m)
    }

    /// The manifest as written into a pack (TOML, deterministic for a given manifest).
    pub fn to_bytes(&self) -> Result<Vec<u8>> {
        self.check()?;
        toml::to_string(self)
            .map(String::into_bytes)
            .map_err(|e| Error::Pack(format!("cannot write the manifest: {e}")))
    }

    /// The trusted comment a pack's signature must carry, binding version and date.
    pub fn trusted_comment(&self) -> String {
        format!("sotay pack v{} {}", self.version, self.date)
    }

    /// Total size of the content files.
    pub fn total_size(&self) -> u64 {
        self.files.iter().map(|f| f.size).sum()
    }

    fn check(&self) -> Result<()> {
        if self.format != FORMAT {
            return Err(rejected(format!(
                "manifest.toml: format {} is not supported (this sotay reads format {FORMAT})",
                self.format
            )));
        }
        if !is_date(&self.date) {
            return Err(rejected(format!(
                "manifest.toml: date `{}` is not like 2026-11-28",
                self.date
            )));
        }
        if !(1..=MAX_VERSION).contains(&self.version) {
            return Err(rejected(format!(
                "manifest.toml: version {} is not between 1 and {MAX_VERSION}",
                self.version
            )));
        }
        if self.guide_count == 0 {
            return Err(rejected("manifest.toml: the pack holds no guide"));
        }
        for (i, f) in self.files.iter().enumerate() {
            check_path(&f.path)
                .map_err(|why| rejected(format!("manifest.toml: file `{}`: {why}", f.path)))?;
            if !is_sha256(&f.sha256) {
                return Err(rejected(format!(
                    "manifest.toml: file `{}`: sha256 is not 64 lowercase hex digits",
                    f.path
                )));
            }
            if i > 0 && self.files[i - 1].path >= f.path {
                return Err(rejected(format!(
                    "manifest.toml: file `{}` is out of order or listed twice",
                    f.path
                )));
            }
        }
        for (i, r) in self.records.iter().enumerate() {
            if !self.files.iter().any(|f| f.path == r.file) || !is_sha256(&r.sha256) {
                return Err(rejected(format!(
                    "manifest.toml: record {} names a file the pack does not hold, or has a bad sha256",
                    r.code
                )));
            }
            if i > 0 && self.records[i - 1].code >= r.code {
                return Err(rejected(format!(
                    "manifest.toml: record {} is out of order or listed twice",
                    r.code
                )));
            }
        }
        let guides = self.guide_codes().len();
        if guides != self.guide_count {
            return Err(rejected(format!(
                "manifest.toml: guide_count is {} but the files and records carry {guides} guide codes",
                self.guide_count
            )));
        }
        Ok(())
    }

    /// Every guide code the pack holds: its guide files' and its catalogue records' (an edited guide
    /// replacing its record counts once).
    pub fn guide_codes(&self) -> std::collections::BTreeSet<&str> {
        self.files
            .iter()
            .filter_map(|f| f.code.as_deref())
            .chain(self.records.iter().map(|r| r.code.as_str()))
            .collect()
    }

    /// The (source, code) pairs of the guides the content must load to: each guide file, and each
    /// record that no guide file replaces.
    pub fn expected_guides(&self) -> Vec<(String, String)> {
        let edited: std::collections::BTreeSet<&str> = self
            .files
            .iter()
            .filter_map(|f| f.code.as_deref())
            .collect();
        let mut out: Vec<(String, String)> = self
            .files
            .iter()
            .filter_map(|f| f.code.as_ref().map(|c| (f.path.clone(), c.clone())))
            .chain(
                self.records
                    .iter()
                    .filter(|r| !edited.contains(r.code.as_str()))
                    .map(|r| (r.source(), r.code.clone())),
            )
            .collect();
        out.sort_unstable();
        out
    }
}

/// Why a relative content path is unsafe, or `Ok` when it is a plain path below the content folder:
/// not empty, not absolute, no `..` or `.` or empty component, no `\`, NUL or other control character.
pub fn check_path(path: &str) -> std::result::Result<(), &'static str> {
    if path.is_empty() {
        return Err("empty path");
    }
    if path.starts_with('/') {
        return Err("absolute path");
    }
    if path.contains('\\') {
        return Err("path contains a backslash");
    }
    if path.chars().any(char::is_control) {
        return Err("path contains a control character");
    }
    for part in path.split('/') {
        match part {
            "" => return Err("path has an empty component"),
            ".." => return Err("path leaves the pack"),
            "." => return Err("path has a `.` component"),
            _ => {}
        }
    }
    Ok(())
}

/// SHA-256 as lowercase hex.
pub fn sha256_hex(bytes: &[u8]) -> String {
    let digest = Sha256::digest(bytes);
    let mut out = String::with_capacity(64);
    for b in digest {
        out.push(char::from(HEX[usize::from(b >> 4)]));
        out.push(char::from(HEX[usize::from(b & 15)]));
    }
    out
}

const HEX: &[u8; 16] = b"0123456789abcdef";

fn is_sha256(s: &str) -> bool {
    s.len() == 64 && s.bytes().all(|b| HEX.contains(&b))
}

/// Whether `s` is a calendar date written `YYYY-MM-DD`.
pub fn is_date(s: &str) -> bool {
    let b = s.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return false;
    }
    let num = |r: std::ops::Range<usize>| -> Option<u32> {
        let part = &s[r];
        part.bytes()
            .all(|c| c.is_ascii_digit())
            .then(|| part.parse().ok())
            .flatten()
    };
    let (Some(y), Some(m), Some(d)) = (num(0..4), num(5..7), num(8..10)) else {
        return false;
    };
    let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    let days = match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return false,
    };
    y >= 1970 && (1..=days).contains(&d)
}

pub(crate) fn rejected(message: impl Into<String>) -> Error {
    Error::PackRejected(message.into())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> Manifest {
        Manifest {
            format: FORMAT,
            name: "Sổ tay".into(),
            version: 2,
            date: "2026-11-28".into(),
            guide_count: 1,
            allow_guide_removal: false,
            files: vec![
                FileEntry {
                    path: "handbook.toml".into(),
                    size: 3,
                    sha256: sha256_hex(b"abc"),
                    code: None,
                },
                FileEntry {
                    path: "ho-tich/khai-sinh.md".into(),
                    size: 0,
                    sha256: sha256_hex(b""),
                    code: Some("1.001193".into()),
                },
            ],
            records: Vec::new(),
        }
    }

    #[test]
    fn safe_and_unsafe_paths() {
        for ok in [
            "a.md",
            "ho-tich/dang-ky.md",
            "a/b/c.toml",
            "tên có dấu.md",
            "..a/b",
        ] {
            assert_eq!(check_path(ok), Ok(()), "{ok}");
        }
        let bad = [
            ("", "empty path"),
            ("/etc/passwd", "absolute path"),
            ("../x.md", "path leaves the pack"),
            ("a/../../x.md", "path leaves the pack"),
            ("a/..", "path leaves the pack"),
            ("a\\b.md", "path contains a backslash"),
            ("a\0b.md", "path contains a control character"),
            ("a\nb.md", "path contains a control character"),
            ("a//b.md", "path has an empty component"),
            ("a/", "path has an empty component"),
            ("./a.md", "path has a `.` component"),
        ];
        for (path, why) in bad {
            assert_eq!(check_path(path), Err(why), "{path:?}");
        }
    }

    #[test]
    fn manifest_round_trips() {
        let m = sample();
        let bytes = m.to_bytes().expect("writes");
        assert_eq!(Manifest::parse(&bytes).expect("parses"), m);
        assert_eq!(m.to_bytes().expect("writes again"), bytes, "deterministic");
        assert_eq!(m.trusted_comment(), "sotay pack v2 2026-11-28");
        assert_eq!(m.total_size(), 3);
    }

    #[test]
    fn manifest_problems_are_named() {
        type Breaker = Box<dyn Fn(&mut Manifest)>;
        let cases: Vec<(Breaker, &str)> = vec![
            (Box::new(|m| m.format = 2), "format 2 is not supported"),
            (
                Box::new(|m| m.date = "28/11/2026".into()),
                "date `28/11/2026`",
            ),
            (
                Box::new(|m| m.date = "2026-02-30".into()),
                "date `2026-02-30`",
            ),
            (
                Box::new(|m| m.files[1].path = "../x.md".into()),
                "`../x.md`: path leaves the pack",
            ),
            (
                Box::new(|m| m.files[0].sha256 = "ABC".into()),
                "sha256 is not 64",
            ),
            (Box::new(|m| m.files.swap(0, 1)), "out of order"),
            (
                Box::new(|m| m.files[1].path = "handbook.toml".into()),
                "listed twice",
            ),
            (Box::new(|m| m.guide_count = 5), "guide_count is 5"),
            (
                Box::new(|m| m.version = u64::MAX),
                "version 18446744073709551615 is not between 1 and 1000000",
            ),
            (Box::new(|m| m.version = 0), "version 0 is not between"),
            (
                Box::new(|m| {
                    m.files[1].code = None;
                    m.guide_count = 0;
                }),
                "the pack holds no guide",
            ),
        ];
        for (break_it, expected) in cases {
            let mut m = sample();
            break_it(&mut m);
            let text = toml::to_string(&m).expect("serializes");
            let err = Manifest::parse(text.as_bytes())
                .expect_err(expected)
                .to_string();
            assert!(
                err.contains(expected),
                "{err:?} should contain {expected:?}"
            );
        }
        let err = Manifest::parse(b"format = 1\nextra = 2\n").expect_err("unknown key");
        assert!(err.to_string().contains("manifest.toml"), "{err}");
        let err = Manifest::parse(b"\xff").expect_err("not UTF-8");
        assert!(err.to_string().contains("UTF-8"), "{err}");
    }

    #[test]
    fn dates() {
        assert!(is_date("2024-02-29"));
        assert!(!is_date("2023-02-29"));
        assert!(!is_date("2026-13-01"));
        assert!(!is_date("2026-1-01"));
        assert!(!is_date("+026-01-01"));
    }

    #[test]
    fn sha256_of_known_input() {
        assert_eq!(
            sha256_hex(b"abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
    }
}
