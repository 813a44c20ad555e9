//! The pack file's container: a plain ustar archive, written deterministically and read strictly.
//!
//! The writer always produces the same bytes for the same entries: 512-byte ustar headers with mode
//! 0644, uid/gid 0, mtime 0, no user or group names, data padded with zeros to 512 bytes, and the two
//! zero blocks that end an archive. The reader accepts nothing else: it parses the headers itself (no
//! extensions, no links, no directories), checks every declared size against the limits *before* looking
//! at the data, and finally writes the entries again and requires the result to equal the input, byte for
//! byte. So a flipped bit in a header field it does not otherwise use, in padding or in the trailer, or
//! bytes appended after the end, are all rejected.

use std::collections::HashSet;

use crate::error::Result;
use crate::pack::manifest::{check_path, rejected};
use crate::pack::{CONTENT, MANIFEST, SIGNATURE};

/// Size of a tar block.
const BLOCK: usize = 512;

/// One regular file of an archive.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Entry {
    /// Path inside the archive, `/`-separated.
    pub(crate) path: String,
    /// The file's bytes.
    pub(crate) data: Vec<u8>,
}

/// How much a pack may hold; checked against declared sizes before any data is read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// Largest total size of all entries, in bytes.
    pub max_total: u64,
    /// Largest single entry, in bytes.
    pub max_file: u64,
    /// Most entries.
    pub max_entries: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_total: 64 * 1024 * 1024,
            max_file: 8 * 1024 * 1024,
            max_entries: 20_000,
        }
    }
}

impl Limits {
    /// The largest pack file these limits allow (data plus a header and padding per entry, plus the end).
    pub fn max_file_bytes(&self) -> u64 {
        let per_entry = 2 * BLOCK as u64;
        self.max_total + (self.max_entries as u64 + 2) * per_entry + 2 * BLOCK as u64
    }
}

/// Writes entries, in the order given, as a deterministic ustar archive.
pub(crate) fn write(entries: &[Entry]) -> Result<Vec<u8>> {
    let mut builder = tar::Builder::new(Vec::new());
    for e in entries {
        let mut header = tar::Header::new_ustar();
        header
            .set_path(&e.path)
            .map_err(|err| rejected(format!("pack entry `{}`: {err}", e.path)))?;
        header.set_size(e.data.len() as u64);
        header.set_mode(0o644);
        header.set_uid(0);
        header.set_gid(0);
        header.set_mtime(0);
        header.set_entry_type(tar::EntryType::Regular);
        header.set_cksum();
        builder
            .append(&header, e.data.as_slice())
            .map_err(|err| rejected(format!("pack entry `{}`: {err}", e.path)))?;
    }
    builder
        .into_inner()
        .map_err(|err| rejected(format!("cannot finish the archive: {err}")))
}

/// Reads an archive written by [`write`], rejecting anything else with a message naming the entry.
pub(crate) fn read(bytes: &[u8], limits: &Limits) -> Result<Vec<Entry>> {
    let mut entries: Vec<Entry> = Vec::new();
    let mut seen: HashSet<String> = HashSet::new();
    let mut total: u64 = 0;
    let mut pos = 0usize;
    loop {
        let Some(header) = bytes.get(pos..pos + BLOCK) else {
            return Err(rejected(format!(
                "pack is truncated: it ends at byte {} inside an entry header or before the end marker",
                bytes.len()
            )));
        };
        if header.iter().all(|&b| b == 0) {
            break;
        }
        let number = entries.len() + 1;
        if entries.len() >= limits.max_entries {
            return Err(rejected(format!(
                "pack has more than {} entries",
                limits.max_entries
            )));
        }
        let expected = octal(&header[148..156]);
        let actual: u64 = header
            .iter()
            .enumerate()
            .map(|(i, &b)| {
                if (148..156).contains(&i) {
                    32
                } else {
                    u64::from(b)
                }
            })
            .sum();
        if expected != Some(actual) {
            return Err(rejected(format!(
                "pack entry #{number} (byte {pos}): damaged header (checksum does not match)"
            )));
        }
        let path = entry_path(header).ok_or_else(|| {
            rejected(format!(
                "pack entry #{number} (byte {pos}): name is not valid UTF-8"
            ))
        })?;
        let what = match header[156] {
            b'0' | 0 => None,
            b'1' => Some("is a hard link"),
            b'2' => Some("is a symbolic link"),
            b'3' | b'4' => Some("is a device file"),
            b'5' => Some("is a directory"),
            b'6' => Some("is a FIFO"),
            b'x' | b'g' => Some("is a pax extended header"),
            b'L' | b'K' => Some("is a GNU long-name entry"),
            _ => Some("has an unsupported entry type"),
        };
        if let Some(what) = what {
            return Err(rejected(format!(
                "pack entry `{path}` {what}; only regular files are allowed"
            )));
        }
        check_entry_path(&path)?;
        let size = size_field(&header[124..136]).ok_or_else(|| {
            rejected(format!(
                "pack entry `{path}`: size field is not an octal number"
            ))
        })?;
        if size > limits.max_file {
            return Err(rejected(format!(
                "pack entry `{path}` declares {size} bytes; the limit per file is {} bytes",
                limits.max_file
            )));
        }
        total += size;
        if total > limits.max_total {
            return Err(rejected(format!(
                "pack expands past the size limit of {} bytes (at entry `{path}`)",
                limits.max_total
            )));
        }
        let start = pos + BLOCK;
        // `size` is at most `max_file`, which fits in memory; the conversion cannot fail on 64-bit.
        let len = usize::try_from(size).map_err(|_| rejected("pack entry too large"))?;
        let Some(data) = bytes.get(start..start + len) else {
            return Err(rejected(format!(
                "pack is truncated: entry `{path}` needs {size} bytes but the file ends at byte {}",
                bytes.len()
            )));
        };
        if !seen.insert(path.clone()) {
            return Err(rejected(format!("pack entry `{path}` appears twice")));
        }
        entries.push(Entry {
            path,
            data: data.to_vec(),
        });
        pos = start + len.div_ceil(BLOCK) * BLOCK;
    }
    let canonical = write(&entries)?;
    if canonical.len() > bytes.len() && canonical.starts_with(bytes) {
        return Err(rejected(format!(
            "pack is truncated: it ends at byte {} before its end marker",
            bytes.len()
        )));
    }
    if canonical != bytes {
        let at = canonical
            .iter()
            .zip(bytes)
            .position(|(a, b)| a != b)
            .unwrap_or(canonical.len().min(bytes.len()));
        return Err(rejected(format!(
            "pack is damaged: byte {at} differs from the layout sotay writes (header, padding or end)"
        )));
    }
    Ok(entries)
}

/// An entry must be one of the two signed files at the top, or a safe path under `content/`.
fn check_entry_path(path: &str) -> Result<()> {
    if path == MANIFEST || path == SIGNATURE {
        return Ok(());
    }
    let Some(rel) = path.strip_prefix(CONTENT) else {
        return Err(rejected(format!(
            "pack entry `{path}` is not under content/"
        )));
    };
    check_path(rel).map_err(|why| rejected(format!("pack entry `{path}`: {why}")))
}

/// The entry's path: the ustar prefix and name, each up to its first NUL.
fn entry_path(header: &[u8]) -> Option<String> {
    let field = |r: std::ops::Range<usize>| {
        let f = &header[r];
        let end = f.iter().position(|&b| b == 0).unwrap_or(f.len());
        std::str::from_utf8(&f[..end]).ok()
    };
    let name = field(0..100)?;
    let prefix = field(345..500)?;
    Some(if prefix.is_empty() {
        name.to_string()
    } else {
        format!("{prefix}/{name}")
    })
}

/// The size field: octal, or GNU base-256 (high bit set) for sizes too large for octal, so that a huge
/// declared size is reported as such.
fn size_field(field: &[u8]) -> Option<u64> {
    if field[0] & 0x80 == 0 {
        return octal(field);
    }
    let mut value: u64 = u64::from(field[0] & 0x7f);
    for &b in &field[1..] {
        value = value.checked_mul(256)?.checked_add(u64::from(b))?;
    }
    Some(value)
}

/// An octal number field (digits, optionally surrounded by spaces and ended by NUL), or `None`.
fn octal(field: &[u8]) -> Option<u64> {
    let end = field.iter().position(|&b| b == 0).unwrap_or(field.len());
    let text = std::str::from_utf8(&field[..end]).ok()?.trim_matches(' ');
    if text.is_empty() || !text.bytes().all(|b| (b'0'..=b'7').contains(&b)) {
        return None;
    }
    u64::from_str_radix(text, 8).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> Vec<Entry> {
        vec![
            Entry {
                path: "manifest.toml".into(),
                data: b"format = 1\n".to_vec(),
            },
            Entry {
                path: "content/ho-tich/khai-sinh.md".into(),
                data: vec![b'x'; 700],
            },
            Entry {
                path: "content/zz.toml".into(),
                data: Vec::new(),
            },
        ]
    }

    #[test]
    fn round_trip_is_exact_and_deterministic() {
        let bytes = write(&sample()).expect("writes");
        assert_eq!(bytes.len() % BLOCK, 0);
        assert_eq!(write(&sample()).expect("writes"), bytes);
        assert_eq!(read(&bytes, &Limits::default()).expect("reads"), sample());
    }

    #[test]
    fn long_paths_use_the_prefix() {
        let path = format!("content/{}/{}.md", "a".repeat(90), "b".repeat(60));
        let entries = vec![Entry {
            path: path.clone(),
            data: b"x".to_vec(),
        }];
        let bytes = write(&entries).expect("writes");
        assert_eq!(
            read(&bytes, &Limits::default()).expect("reads")[0].path,
            path
        );
    }

    #[test]
    fn every_single_byte_change_is_rejected() {
        let bytes = write(&sample()).expect("writes");
        for i in 0..bytes.len() {
            let mut bad = bytes.clone();
            bad[i] ^= 0x01;
            // Data bytes are the hash's business; everything else must fail here.
            let in_data = (512..512 + 11).contains(&i) || (1536..1536 + 700).contains(&i);
            let result = read(&bad, &Limits::default());
            assert_eq!(result.is_ok(), in_data, "byte {i}");
        }
        let mut longer = bytes.clone();
        longer.extend_from_slice(&[0; 512]);
        assert!(read(&longer, &Limits::default()).is_err(), "appended zeros");
        for cut in [0, 100, 512, 1000, bytes.len() - 1024, bytes.len() - 1] {
            assert!(
                read(&bytes[..cut], &Limits::default()).is_err(),
                "cut at {cut}"
            );
        }
    }

    #[test]
    fn limits_are_checked_on_declared_sizes() {
        let bytes = write(&sample()).expect("writes");
        let tight = Limits {
            max_total: 100_000,
            max_file: 500,
            max_entries: 10,
        };
        let err = read(&bytes, &tight)
            .expect_err("file too large")
            .to_string();
        assert!(
            err.contains("`content/ho-tich/khai-sinh.md` declares 700 bytes"),
            "{err}"
        );
        let tight = Limits {
            max_total: 705,
            ..Limits::default()
        };
        let err = read(&bytes, &tight)
            .expect_err("total too large")
            .to_string();
        assert!(err.contains("expands past the size limit"), "{err}");
        let tight = Limits {
            max_entries: 2,
            ..Limits::default()
        };
        let err = read(&bytes, &tight).expect_err("too many").to_string();
        assert!(err.contains("more than 2 entries"), "{err}");
    }

    #[test]
    fn octal_fields() {
        assert_eq!(octal(b"0000644\0"), Some(420));
        assert_eq!(octal(b" 17 \0"), Some(15));
        assert_eq!(octal(b"\0\0\0"), None);
        assert_eq!(octal(b"0009\0"), None);
        assert_eq!(octal(&[0x80, 0, 0, 0, 0, 0, 0, 1]), None);
        assert_eq!(size_field(&[0x80, 0, 0, 0, 0, 0, 1, 0]), Some(256));
        assert_eq!(size_field(&[0xff; 12]), None);
    }
}
