//! Tunes the query-time search weights on the TUNING sets only: `tests/relevance/queries.tsv`,
//! `tests/relevance/situations.tsv`, `tests/relevance/real-tuning.tsv` and, when present, the public
//! development set
//! `../shared/eval/dev-queries.tsv`, each over the default handbook (edited guides and national
//! catalogue) and over the national catalogue alone. The held-out set (`tests/relevance/heldout.tsv`) is
//! never read here.
//!
//! ```sh
//! cargo run --release -p xtask --example tune            # coordinate descent from the current defaults
//! cargo run --release -p xtask --example tune -- questions edited   # … keeping these weights as they are
//! ```
//!
//! Weights named on the command line are not moved: the example questions and the edited guides' bonus
//! serve the bundled handbook, whose held-out targets are stricter than what the tuning sets' mean sees.
//!
//! The objective is the mean MRR@10 over the eight (handbook, set) pairs, with a penalty when the default
//! handbook's R@5 on `queries.tsv` falls below the gate of `make test` (0.98). Each weight in turn is
//! scaled by a few factors and the best kept, for two rounds; the best weights are printed as Rust.

use std::path::Path;

use sotay::Engine;
#[allow(dead_code)]
#[path = "../../cli/src/metrics.rs"]
mod metrics;

use metrics::{Judged, Report, evaluate, parse};
use sotay::search::Weights;

/// The gate of `make test` on `queries.tsv` over the default handbook.
const GATE_R5: f64 = 0.98;

fn read(path: &str) -> anyhow::Result<Option<Vec<Judged>>> {
    match std::fs::read_to_string(path) {
        Ok(text) => Ok(Some(parse(path, &sotay::text::normalize(&text))?)),
        Err(_) => Ok(None),
    }
}

/// The engine of the embedded handbook, whole or only its catalogue, through a cache under `target/`.
fn engine(national_only: bool) -> anyhow::Result<Engine> {
    let (origin, mut files) = sotay::Handbook::files(None)?;
    if national_only {
        files.retain(|f| sotay::content::files::is_catalogue(&f.path));
    }
    let cache = Path::new("target/tune-cache");
    Ok(sotay::search::cache::open(&origin, files, Some(cache))?.0)
}

struct Bench {
    engines: Vec<(&'static str, Engine)>,
    sets: Vec<(&'static str, Vec<Judged>)>,
}

impl Bench {
    /// The objective and the reports, (engine, set) pairs in order.
    fn score(&mut self, w: Weights) -> anyhow::Result<(f64, Vec<Report>)> {
        let mut reports = Vec::new();
        let mut total = 0.0;
        let mut penalty = 0.0;
        for (ei, (_, e)) in self.engines.iter_mut().enumerate() {
            e.set_weights(w);
            for (si, (_, set)) in self.sets.iter().enumerate() {
                let r = evaluate(e, set, false)?;
                total += r.overall.mrr_at_10;
                if ei == 0 && si == 0 && r.overall.recall_at_5 < GATE_R5 {
                    penalty += (GATE_R5 - r.overall.recall_at_5) * 10.0;
                }
                reports.push(r);
            }
        }
        Ok((total / reports.len() as f64 - penalty, reports))
    }

    fn print(&self, score: f64, reports: &[Report]) {
        let mut line = format!("{score:.4} ");
        let mut i = 0;
        for (en, _) in &self.engines {
            for (sn, _) in &self.sets {
                let m = &reports[i].overall;
                line.push_str(&format!(
                    " {en}/{sn} R@5 {:.3} MRR {:.3}",
                    m.recall_at_5, m.mrr_at_10
                ));
                i += 1;
            }
        }
        println!("{line}");
    }
}

/// The tunable weights, by name.
fn get(w: &Weights, name: &str) -> f32 {
    match name {
        "cover" => w.cover,
        "query_cover" => w.query_cover,
        "situation_cover" => w.situation_cover,
        "expansion" => w.expansion,
        "situation" => w.situation,
        "function" => w.function,
        "trigger" => w.trigger,
        "context" => w.context,
        "level" => w.level,
        "audience" => w.audience,
        "edited" => w.edited,
        "change" => w.change,
        "questions" => w.questions[0],
        "body" => w.body[0],
        "alias" => w.alias[0],
        _ => 0.0,
    }
}

fn set(w: &mut Weights, name: &str, v: f32) {
    match name {
        "cover" => w.cover = v,
        "query_cover" => w.query_cover = v,
        "situation_cover" => w.situation_cover = v,
        "expansion" => w.expansion = v,
        "situation" => w.situation = v,
        "function" => w.function = v,
        "trigger" => w.trigger = v,
        "context" => w.context = v,
        "level" => w.level = v,
        "audience" => w.audience = v,
        "edited" => w.edited = v,
        "change" => w.change = v,
        "questions" => w.questions = [v, v, 2.0 * v],
        "body" => w.body = [v, v, 2.0 * v],
        "alias" => w.alias = [v, v, 2.0 * v],
        _ => {}
    }
}

const NAMES: [&str; 15] = [
    "cover",
    "query_cover",
    "situation_cover",
    "expansion",
    "situation",
    "function",
    "trigger",
    "context",
    "level",
    "audience",
    "edited",
    "change",
    "questions",
    "body",
    "alias",
];

fn main() -> anyhow::Result<()> {
    let mut sets = Vec::new();
    for (name, path) in [
        ("queries", "tests/relevance/queries.tsv"),
        ("situations", "tests/relevance/situations.tsv"),
        ("real", "tests/relevance/real-tuning.tsv"),
        ("dev", "../shared/eval/dev-queries.tsv"),
    ] {
        match read(path)? {
            Some(j) => sets.push((name, j)),
            None => eprintln!("{path} is absent: not used"),
        }
    }
    let mut bench = Bench {
        engines: vec![("all", engine(false)?), ("national", engine(true)?)],
        sets,
    };
    let fixed: Vec<String> = std::env::args().skip(1).collect();
    if let Some(unknown) = fixed.iter().find(|f| !NAMES.contains(&f.as_str())) {
        anyhow::bail!("unknown weight {unknown:?}; weights: {}", NAMES.join(", "));
    }
    let mut best = Weights::default();
    let (mut best_score, reports) = bench.score(best)?;
    print!("defaults: ");
    bench.print(best_score, &reports);
    for round in 0..2 {
        for name in NAMES.into_iter().filter(|n| !fixed.iter().any(|f| f == n)) {
            let base = get(&best, name);
            for factor in [0.0, 0.5, 0.75, 1.25, 1.5, 2.0] {
                let mut w = best;
                let v = if base == 0.0 {
                    factor * 0.2
                } else {
                    base * factor
                };
                set(&mut w, name, v);
                let (score, reports) = bench.score(w)?;
                if score > best_score + 1e-4 {
                    best_score = score;
                    best = w;
                    print!("round {round} {name} = {v:.3}: ");
                    bench.print(score, &reports);
                }
            }
        }
    }
    println!("\nbest: {best:#?}");
    Ok(())
}
