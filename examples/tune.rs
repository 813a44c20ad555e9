//! Tunes the search weights on the project's judged queries (`tests/relevance/queries.tsv`), over the
//! bundled handbook and over the national-portal records, and prints the best combinations.
//!
//! ```sh
//! cargo run --release --example tune -- ../shared/corpus/dvcqg-2026-06.jsonl.gz
//! ```
//!
//! The objective is the mean of MRR@10 over both collections. The public development set
//! (`../shared/eval/dev-queries.tsv`) is printed for the best weights only, as a held-out check: weights
//! are never chosen on it.

use std::path::Path;

use sotay::eval::{evaluate, parse};
use sotay::search::Weights;
use sotay::{Engine, Handbook};

fn main() -> anyhow::Result<()> {
    let corpus = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "../shared/corpus/dvcqg-2026-06.jsonl.gz".into());
    let judged_text = std::fs::read_to_string("tests/relevance/queries.tsv")?;
    let judged = parse("queries.tsv", &sotay::text::normalize(&judged_text))?;
    let dev = std::fs::read_to_string("../shared/eval/dev-queries.tsv")
        .ok()
        .map(|t| parse("dev-queries.tsv", &sotay::text::normalize(&t)))
        .transpose()?;

    let embedded = Handbook::embedded()?;
    let glossary = embedded.glossary.clone();
    let mut small = Engine::new(embedded)?;

    let out = std::env::temp_dir().join(format!("sotay-tune-{}", std::process::id()));
    sotay::import::import_dvcqg(
        Path::new(&corpus),
        &out,
        &Default::default(),
        &mut |_, _| {},
    )?;
    let real = Handbook::load_dir(&out)?.with_glossary(glossary);
    let _ = std::fs::remove_dir_all(&out);
    let mut big = Engine::new(real)?;

    let mut results = Vec::new();
    for cover in [0.3, 0.6, 0.9, 1.2] {
        for query_cover in [0.0, 0.3, 0.6] {
            for body in [0.5, 1.0, 1.5] {
                for expansion in [0.6, 0.9, 1.2] {
                    let d = Weights::default();
                    let w = Weights {
                        cover,
                        query_cover,
                        expansion,
                        body: d.body.map(|x| x * body),
                        ..d
                    };
                    small.set_weights(w);
                    big.set_weights(w);
                    let a = evaluate(&small, &judged, false)?;
                    let b = evaluate(&big, &judged, false)?;
                    let score = (a.overall.mrr_at_10 + b.overall.mrr_at_10) / 2.0;
                    results.push((score, w, a, b));
                }
            }
        }
    }
    results.sort_by(|x, y| y.0.total_cmp(&x.0));
    for (score, w, a, b) in results.iter().take(8) {
        println!(
            "{score:.4}  cover {:.1} query_cover {:.1} body×{:.1} expansion {:.1}  handbook MRR {:.3} R@5 {:.3}  corpus MRR {:.3} R@1 {:.3} R@5 {:.3}",
            w.cover,
            w.query_cover,
            w.body[0] / Weights::default().body[0],
            w.expansion,
            a.overall.mrr_at_10,
            a.overall.recall_at_5,
            b.overall.mrr_at_10,
            b.overall.recall_at_1,
            b.overall.recall_at_5
        );
    }
    if let (Some(dev), Some((_, w, _, _))) = (&dev, results.first()) {
        big.set_weights(*w);
        let d = evaluate(&big, dev, false)?;
        println!(
            "held-out dev set over the corpus with the best weights: R@1 {:.3} R@5 {:.3} MRR@10 {:.3}",
            d.overall.recall_at_1, d.overall.recall_at_5, d.overall.mrr_at_10
        );
        big.set_weights(Weights::default());
        let d = evaluate(&big, dev, false)?;
        println!(
            "held-out dev set over the corpus with the default weights: R@1 {:.3} R@5 {:.3} MRR@10 {:.3}",
            d.overall.recall_at_1, d.overall.recall_at_5, d.overall.mrr_at_10
        );
    }
    Ok(())
}
