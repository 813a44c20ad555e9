//! What changed between two packs, by guide code: computed from their manifests alone.

use std::collections::{BTreeMap, BTreeSet};

use serde::Serialize;

use crate::pack::manifest::Manifest;

/// Guides added, changed and removed from one pack to the next (national codes, sorted): the edited
/// guides, and apart the procedures of the national catalogue.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Changes {
    /// Edited guides only in the new pack.
    pub added: Vec<String>,
    /// Edited guides in both whose file differs (by sha256 or path).
    pub changed: Vec<String>,
    /// Edited guides only in the old pack.
    pub removed: Vec<String>,
    /// The national catalogue's procedures added, changed (their record differs) and removed, when
    /// either pack carries a catalogue.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional))]
    pub catalogue: Option<Box<Changes>>,
}

impl Changes {
    /// The changes from `old` (none: an empty handbook) to `new`.
    pub fn between(old: Option<&Manifest>, new: &Manifest) -> Changes {
        let catalogue = (old.is_some_and(|o| !o.records.is_empty()) || !new.records.is_empty())
            .then(|| {
                Box::new(Changes::of(
                    old.map(records).unwrap_or_default(),
                    records(new),
                ))
            });
        Changes {
            catalogue,
            ..Changes::of(old.map(guides).unwrap_or_default(), guides(new))
        }
    }

    fn of(
        old: BTreeMap<String, BTreeSet<(String, String)>>,
        new: BTreeMap<String, BTreeSet<(String, String)>>,
    ) -> Changes {
        let mut changes = Changes::default();
        for (code, files) in &new {
            match old.get(code) {
                None => changes.added.push(code.clone()),
                Some(before) if before != files => changes.changed.push(code.clone()),
                Some(_) => {}
            }
        }
        changes.removed = old
            .keys()
            .filter(|code| !new.contains_key(*code))
            .cloned()
            .collect();
        changes
    }

    /// Whether nothing changed.
    pub fn is_empty(&self) -> bool {
        self.added.is_empty()
            && self.changed.is_empty()
            && self.removed.is_empty()
            && self.catalogue.as_ref().is_none_or(|c| c.is_empty())
    }

    /// Procedures removed in all, edited guides and catalogue records alike (a code that moves from
    /// the catalogue to an edited guide is not removed).
    pub fn removed_codes(&self, new: &Manifest) -> usize {
        let kept = new.guide_codes();
        self.removed
            .iter()
            .chain(self.catalogue.iter().flat_map(|c| c.removed.iter()))
            .filter(|c| !kept.contains(c.as_str()))
            .collect::<BTreeSet<_>>()
            .len()
    }
}

/// Record code → its (file, sha256).
fn records(m: &Manifest) -> BTreeMap<String, BTreeSet<(String, String)>> {
    let mut out: BTreeMap<String, BTreeSet<(String, String)>> = BTreeMap::new();
    for r in &m.records {
        out.entry(r.code.clone())
            .or_default()
            .insert((String::new(), r.sha256.clone()));
    }
    out
}

/// Guide code → the (path, sha256) of its files.
fn guides(m: &Manifest) -> BTreeMap<String, BTreeSet<(String, String)>> {
    let mut out: BTreeMap<String, BTreeSet<(String, String)>> = BTreeMap::new();
    for f in &m.files {
        if let Some(code) = &f.code {
            out.entry(code.clone())
                .or_default()
                .insert((f.path.clone(), f.sha256.clone()));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pack::manifest::{FORMAT, FileEntry};

    fn manifest(files: &[(&str, &str, &str)]) -> Manifest {
        Manifest {
            format: FORMAT,
            name: String::new(),
            version: 1,
            date: "2026-11-28".into(),
            guide_count: files.len(),
            allow_guide_removal: false,
            files: files
                .iter()
                .map(|(path, code, hash)| FileEntry {
                    path: (*path).into(),
                    size: 1,
                    sha256: hash.repeat(64),
                    code: Some((*code).into()),
                })
                .collect(),
            records: Vec::new(),
        }
    }

    #[test]
    fn added_changed_removed() {
        let old = manifest(&[("a.md", "1", "a"), ("b.md", "2", "b"), ("c.md", "3", "c")]);
        let new = manifest(&[("a.md", "1", "a"), ("b.md", "2", "f"), ("d.md", "4", "d")]);
        let c = Changes::between(Some(&old), &new);
        assert_eq!(c.added, ["4"]);
        assert_eq!(c.changed, ["2"]);
        assert_eq!(c.removed, ["3"]);
        assert!(!c.is_empty());
        assert!(Changes::between(Some(&new), &new).is_empty());
        assert_eq!(Changes::between(None, &new).added, ["1", "2", "4"]);
    }
}
