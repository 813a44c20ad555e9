//! The baseline most offline apps use: SQLite FTS5 (`unicode61 remove_diacritics 2`, bm25), over the same
//! documents and the same queries as the tantivy engine, for the benchmark (`xtask bench`).

use anyhow::Context;
use rusqlite::{Connection, params};
use sotay::Guide;
use sotay::text::{fold, normalize, syllables};

/// An in-memory FTS5 index of guides.
pub(crate) struct Fts5 {
    db: Connection,
}

impl Fts5 {
    /// Builds the index: code (not indexed), title, aliases, body.
    pub(crate) fn build(guides: &[Guide]) -> anyhow::Result<Fts5> {
        let mut db = Connection::open_in_memory()?;
        db.execute_batch(
            "CREATE VIRTUAL TABLE docs USING fts5(code UNINDEXED, title, aliases, body, \
             tokenize = 'unicode61 remove_diacritics 2');",
        )
        .context("this SQLite has no FTS5")?;
        let tx = db.transaction()?;
        {
            let mut insert = tx
                .prepare("INSERT INTO docs (code, title, aliases, body) VALUES (?1, ?2, ?3, ?4)")?;
            for g in guides {
                let title = format!("{}\n{}", g.title, g.official_title);
                insert.execute(params![g.code, title, g.aliases.join("\n"), g.body_text()])?;
            }
        }
        tx.commit()?;
        Ok(Fts5 { db })
    }

    /// Bytes of the database pages.
    pub(crate) fn bytes(&self) -> anyhow::Result<u64> {
        let pages: i64 = self.db.query_row("PRAGMA page_count", [], |r| r.get(0))?;
        let size: i64 = self.db.query_row("PRAGMA page_size", [], |r| r.get(0))?;
        Ok(u64::try_from(pages * size).unwrap_or(0))
    }

    /// The top codes for a query: its folded syllables OR-ed (each quoted, so no user text reaches the
    /// FTS5 grammar), ranked by bm25 with the title weighted ×3 and aliases ×2.
    pub(crate) fn search(&self, query: &str, limit: usize) -> anyhow::Result<Vec<String>> {
        let words = syllables(&fold(&normalize(query)));
        if words.is_empty() {
            return Ok(Vec::new());
        }
        let expr = words
            .iter()
            .map(|w| format!("\"{w}\""))
            .collect::<Vec<_>>()
            .join(" OR ");
        let mut stmt = self.db.prepare_cached(
            "SELECT code FROM docs WHERE docs MATCH ?1 ORDER BY bm25(docs, 0.0, 3.0, 2.0, 1.0) LIMIT ?2",
        )?;
        let limit = i64::try_from(limit).unwrap_or(10);
        let codes = stmt
            .query_map(params![expr, limit], |r| r.get::<_, String>(0))?
            .collect::<Result<Vec<_>, _>>()?;
        Ok(codes)
    }
}
