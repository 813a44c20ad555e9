//! Full-text search over a handbook: an in-RAM tantivy index (search-notes item 7) and the query pipeline.
//!
//! ```no_run
//! # fn main() -> sotay::Result<()> {
//! let engine = sotay::Engine::new(sotay::Handbook::embedded()?)?;
//! let results = engine.search("dang ky ket hon", &sotay::SearchOptions::default())?;
//! println!("{}", results.hits[0].title);
//! # Ok(()) }
//! ```

pub mod analyze;
pub mod cache;
mod engine;
mod query;
mod rerank;
pub mod schema;
mod score;
pub mod snapshot;
mod snippet;
mod suggest;

pub use analyze::{Analysis, Intent, analyze};
pub use engine::{Engine, FacetCount, Facets, MAX_LIMIT};
pub use query::Weights;

use serde::{Deserialize, Serialize};

use crate::guide::Level;

/// Facet filters; every one set must match.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Filters {
    /// Field (lĩnh vực), as written in guides.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional))]
    pub field: Option<String>,
    /// Level.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional))]
    pub level: Option<Level>,
    /// Life event id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional))]
    pub event: Option<String>,
    /// Audience.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional))]
    pub audience: Option<crate::lang::Audience>,
    /// Ministry, as the catalogue names it ("Bộ Tư pháp").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional))]
    pub ministry: Option<String>,
}

/// How to search.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct SearchOptions {
    /// Most hits returned.
    pub limit: usize,
    /// Facet filters.
    #[serde(default)]
    #[cfg_attr(feature = "ts", ts(as = "Option<_>", optional))]
    pub filters: Filters,
    /// Treat the last word as a prefix (search as you type).
    #[serde(default)]
    #[cfg_attr(feature = "ts", ts(as = "Option<_>", optional))]
    pub prefix: bool,
}

impl Default for SearchOptions {
    fn default() -> Self {
        SearchOptions {
            limit: 10,
            filters: Filters::default(),
            prefix: false,
        }
    }
}

/// One result.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Hit {
    /// National code.
    pub code: String,
    /// Short title.
    pub title: String,
    /// Field (lĩnh vực).
    pub field: String,
    /// Relevance score (higher is better; comparable within one result list only).
    pub score: f32,
    /// A passage of the guide with matched words in `<b>`, HTML-escaped otherwise.
    pub snippet: String,
}

/// A member of a look-alike family, as offered by the "which one do you mean?" chooser.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Choice {
    /// National code.
    pub code: String,
    /// Short title.
    pub title: String,
    /// When to choose it.
    pub choose_when: String,
}

/// The look-alike family the leading results belong to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct FamilyChoice {
    /// Family id.
    pub id: String,
    /// Family name.
    pub name: String,
    /// The chooser's question.
    pub question: String,
    /// Its members.
    pub members: Vec<Choice>,
}

/// The answer to a query. The CLI's `--json` output is this object; its first five keys are a contract.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct SearchResults {
    /// The query as normalized.
    pub query: String,
    /// How many guides matched in all.
    pub total: usize,
    /// Time spent searching, in microseconds.
    pub took_us: u64,
    /// The best hits, best first.
    pub hits: Vec<Hit>,
    /// True when the leading hits are look-alikes with close scores: ask which one is meant.
    pub ambiguous: bool,
    /// The family to choose from when `ambiguous`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional))]
    pub family: Option<FamilyChoice>,
    /// "Did you mean": a corrected query with diacritics, for zero or weak results.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional))]
    pub suggestion: Option<String>,
    /// What the query asked about (fee, time, place, documents), if it said.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional))]
    pub intent: Option<Intent>,
}
