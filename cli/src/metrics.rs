//! Relevance evaluation on judged queries.
//!
//! File format (tab-separated, UTF-8): `query<TAB>codes<TAB>style<TAB>kind…`, where `codes` is a
//! comma-separated list of national codes, any of which counts as a correct answer; the third column
//! (optional) names the typing style (accented, plain, telex, abbrev, everyday, typo, lookalike, or short
//! and long for questions people wrote), the fourth (optional) the kind of question (`named`: it names
//! the procedure; `situation`: it describes a life situation), and further columns (a source) are
//! ignored. Lines starting with `#` and blank lines are skipped.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use sotay::search::{Engine, SearchOptions};
use sotay::{Error, Result};

/// One judged query.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) struct Judged {
    /// The query text.
    pub(crate) query: String,
    /// Codes that count as correct.
    pub(crate) expected: Vec<String>,
    /// Typing style, when given.
    pub(crate) style: Option<String>,
    /// Kind of question (named or situation), when given.
    pub(crate) kind: Option<String>,
    /// Line in the file.
    pub(crate) line: usize,
}

/// Parses a judged-query file.
pub(crate) fn parse(file: &str, text: &str) -> Result<Vec<Judged>> {
    let mut out = Vec::new();
    for (i, line) in text.lines().enumerate() {
        if line.trim().is_empty() || line.trim_start().starts_with('#') {
            continue;
        }
        let mut cols = line.split('\t');
        let query = cols.next().unwrap_or_default().trim().to_string();
        let codes = cols.next().unwrap_or_default();
        let expected: Vec<String> = codes
            .split(',')
            .map(|c| c.trim().to_string())
            .filter(|c| !c.is_empty())
            .collect();
        if query.is_empty() || expected.is_empty() {
            return Err(Error::BadInput {
                file: file.to_string(),
                line: i + 1,
                message: "expected `query<TAB>code[,code…]`".to_string(),
            });
        }
        let mut optional = || {
            cols.next()
                .map(|s| s.trim().to_string())
                .filter(|s| !s.is_empty())
        };
        let style = optional();
        let kind = optional();
        out.push(Judged {
            query,
            expected,
            style,
            kind,
            line: i + 1,
        });
    }
    Ok(out)
}

/// The outcome of one query.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) struct QueryOutcome {
    /// The query.
    pub(crate) query: String,
    /// Expected codes.
    pub(crate) expected: Vec<String>,
    /// Typing style.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(crate) style: Option<String>,
    /// The top codes returned (up to 10).
    pub(crate) top: Vec<String>,
    /// 1-based rank of the first correct code in the top 10.
    pub(crate) first_hit_rank: Option<usize>,
}

/// Aggregate metrics over a set of queries.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub(crate) struct Metrics {
    /// Queries evaluated.
    pub(crate) queries: usize,
    /// Share with a correct code first.
    pub recall_at_1: f64,
    /// Share with a correct code in the top 5.
    pub recall_at_5: f64,
    /// Share with a correct code in the top 10.
    pub recall_at_10: f64,
    /// Mean reciprocal rank over the top 10.
    pub mrr_at_10: f64,
    /// Normalized discounted cumulative gain over the top 10 (binary relevance).
    pub ndcg_at_10: f64,
    /// Share of queries with no result at all.
    pub(crate) zero_result_rate: f64,
}

/// The evaluation report.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub(crate) struct Report {
    /// Over every evaluated query.
    #[serde(flatten)]
    pub(crate) overall: Metrics,
    /// Queries skipped because none of their codes has a guide.
    pub(crate) skipped: usize,
    /// Metrics per typing style.
    pub(crate) styles: BTreeMap<String, Metrics>,
    /// Metrics per kind of question (named, situation).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub(crate) kinds: BTreeMap<String, Metrics>,
    /// Per-query outcomes (only with `--per-query`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub(crate) per_query: Vec<QueryOutcome>,
}

#[derive(Default)]
struct Acc {
    n: usize,
    r1: f64,
    r5: f64,
    r10: f64,
    mrr: f64,
    ndcg: f64,
    zero: f64,
}

impl Acc {
    fn add(
        &mut self,
        rank: Option<usize>,
        top: &[String],
        expected: &[String],
        relevant_in_corpus: usize,
        zero: bool,
    ) {
        self.n += 1;
        if let Some(r) = rank {
            self.r1 += f64::from(u8::from(r <= 1));
            self.r5 += f64::from(u8::from(r <= 5));
            self.r10 += 1.0;
            self.mrr += 1.0 / r as f64;
        }
        let dcg: f64 = top
            .iter()
            .enumerate()
            .filter(|(_, c)| expected.contains(c))
            .map(|(i, _)| 1.0 / ((i + 2) as f64).log2())
            .sum();
        let ideal: f64 = (0..relevant_in_corpus.min(10))
            .map(|i| 1.0 / ((i + 2) as f64).log2())
            .sum();
        if ideal > 0.0 {
            self.ndcg += dcg / ideal;
        }
        self.zero += f64::from(u8::from(zero));
    }

    fn metrics(&self) -> Metrics {
        let n = self.n.max(1) as f64;
        Metrics {
            queries: self.n,
            recall_at_1: self.r1 / n,
            recall_at_5: self.r5 / n,
            recall_at_10: self.r10 / n,
            mrr_at_10: self.mrr / n,
            ndcg_at_10: self.ndcg / n,
            zero_result_rate: self.zero / n,
        }
    }
}

/// Runs every judged query against the engine.
pub(crate) fn evaluate(engine: &Engine, judged: &[Judged], per_query: bool) -> Result<Report> {
    let options = SearchOptions {
        limit: 10,
        ..SearchOptions::default()
    };
    evaluate_with(
        judged,
        |code| engine.handbook().guide(code).is_some(),
        |query| {
            Ok(engine
                .search(query, &options)?
                .hits
                .into_iter()
                .map(|h| h.code)
                .collect())
        },
        per_query,
    )
}

/// Runs every judged query against any ranker: `known` tells whether a code is in its collection, `search`
/// returns the top codes (at most 10 are looked at). Used to compare engines on the same judgements.
pub(crate) fn evaluate_with(
    judged: &[Judged],
    known: impl Fn(&str) -> bool,
    mut search: impl FnMut(&str) -> Result<Vec<String>>,
    per_query: bool,
) -> Result<Report> {
    let mut overall = Acc::default();
    let mut styles: BTreeMap<String, Acc> = BTreeMap::new();
    let mut kinds: BTreeMap<String, Acc> = BTreeMap::new();
    let mut skipped = 0;
    let mut outcomes = Vec::new();
    for j in judged {
        let relevant = j.expected.iter().filter(|c| known(c)).count();
        if relevant == 0 {
            skipped += 1;
            continue;
        }
        let mut top = search(&j.query)?;
        top.truncate(10);
        let rank = top
            .iter()
            .position(|c| j.expected.contains(c))
            .map(|p| p + 1);
        let zero = top.is_empty();
        overall.add(rank, &top, &j.expected, relevant, zero);
        for (label, groups) in [(&j.style, &mut styles), (&j.kind, &mut kinds)] {
            if let Some(label) = label {
                groups.entry(label.clone()).or_default().add(
                    rank,
                    &top,
                    &j.expected,
                    relevant,
                    zero,
                );
            }
        }
        if per_query {
            outcomes.push(QueryOutcome {
                query: j.query.clone(),
                expected: j.expected.clone(),
                style: j.style.clone(),
                top,
                first_hit_rank: rank,
            });
        }
    }
    Ok(Report {
        overall: overall.metrics(),
        skipped,
        styles: styles.into_iter().map(|(k, v)| (k, v.metrics())).collect(),
        kinds: kinds.into_iter().map(|(k, v)| (k, v.metrics())).collect(),
        per_query: outcomes,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_comments_codes_and_styles() {
        let j = parse(
            "q.tsv",
            "# c\n\nđăng ký\t1.000894, 1.004746\tplain\textra\n",
        )
        .expect("parse");
        assert_eq!(j.len(), 1);
        assert_eq!(j[0].expected, ["1.000894", "1.004746"]);
        assert_eq!(j[0].style.as_deref(), Some("plain"));
        assert_eq!(j[0].kind.as_deref(), Some("extra"));
        assert_eq!(j[0].line, 3);
    }

    #[test]
    fn missing_codes_is_an_error_with_line() {
        let err = parse("q.tsv", "# c\nchỉ có câu hỏi\n").expect_err("error");
        assert!(err.to_string().starts_with("q.tsv:2:"), "{err}");
    }

    #[test]
    fn metrics_of_ranks() {
        let mut a = Acc::default();
        let exp = vec!["a".to_string()];
        a.add(Some(1), &["a".into()], &exp, 1, false);
        a.add(Some(2), &["b".into(), "a".into()], &exp, 1, false);
        a.add(None, &[], &exp, 1, true);
        let m = a.metrics();
        assert!((m.recall_at_1 - 1.0 / 3.0).abs() < 1e-9);
        assert!((m.mrr_at_10 - 0.5).abs() < 1e-9);
        assert!((m.zero_result_rate - 1.0 / 3.0).abs() < 1e-9);
    }
}
