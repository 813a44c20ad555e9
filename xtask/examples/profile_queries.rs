//! Runs the judged queries many times against the bundled handbook, for profilers:
//! `perf record -g target/release/examples/profile_queries`.

#[allow(dead_code)]
#[path = "../../cli/src/metrics.rs"]
mod metrics;

use metrics::parse;
use sotay::{Engine, Handbook, SearchOptions};

fn main() -> anyhow::Result<()> {
    let text = std::fs::read_to_string("tests/relevance/queries.tsv")?;
    let judged = parse("queries.tsv", &sotay::text::normalize(&text))?;
    let engine = Engine::new(Handbook::embedded()?)?;
    let options = SearchOptions::default();
    let started = std::time::Instant::now();
    let mut n = 0;
    for _ in 0..10 {
        for j in &judged {
            engine.search(&j.query, &options)?;
            n += 1;
        }
    }
    println!(
        "{n} searches, {:.1} µs each",
        started.elapsed().as_secs_f64() * 1e6 / f64::from(n)
    );
    Ok(())
}
