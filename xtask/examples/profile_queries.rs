//! Runs the judged queries many times against the bundled handbook, for profilers:
//! `perf record -g target/release/examples/profile_queries`. It also prints the slowest queries (median
//! of the rounds), which are the ones that set the bench's p99.

#[allow(dead_code)]
#[path = "../../cli/src/metrics.rs"]
mod metrics;

use metrics::parse;
use sotay::{Engine, Handbook, SearchOptions};

/// Passes over the judged queries.
const ROUNDS: usize = 10;
/// How many of the slowest queries to print.
const SLOWEST: usize = 12;

fn main() -> anyhow::Result<()> {
    let path = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "tests/relevance/queries.tsv".to_string());
    let text = std::fs::read_to_string(&path)?;
    let judged = parse(&path, &sotay::text::normalize(&text))?;
    let engine = Engine::new(Handbook::embedded()?)?;
    let options = SearchOptions::default();
    let mut times = vec![Vec::with_capacity(ROUNDS); judged.len()];
    let started = std::time::Instant::now();
    for _ in 0..ROUNDS {
        for (j, t) in judged.iter().zip(times.iter_mut()) {
            let one = std::time::Instant::now();
            engine.search(&j.query, &options)?;
            t.push(one.elapsed().as_secs_f64() * 1e6);
        }
    }
    let n = judged.len() * ROUNDS;
    println!(
        "{n} searches, {:.1} µs each",
        started.elapsed().as_secs_f64() * 1e6 / n as f64
    );
    let mut medians: Vec<(f64, &str)> = times
        .iter_mut()
        .zip(&judged)
        .map(|(t, j)| {
            t.sort_by(f64::total_cmp);
            (t[t.len() / 2], j.query.as_str())
        })
        .collect();
    medians.sort_by(|a, b| b.0.total_cmp(&a.0));
    // Medians per query shrug off the machine's noise better than one pass's percentiles.
    println!(
        "median per query: mean {:.1} µs, p50 {:.1} µs, p99 {:.1} µs",
        medians.iter().map(|m| m.0).sum::<f64>() / medians.len().max(1) as f64,
        medians.get(medians.len() / 2).map_or(0.0, |m| m.0),
        medians.get(medians.len() / 100).map_or(0.0, |m| m.0),
    );
    for (us, query) in medians.iter().take(SLOWEST) {
        println!("{us:>8.0} µs  {query}");
    }
    Ok(())
}
