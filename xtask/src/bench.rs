//! `xtask bench`: index build time, index size, memory and query latency of the tantivy engine against
//! SQLite FTS5 over the same documents, with both engines' relevance on judged queries.
//!
//! Stages: (a) the bundled handbook with the project's judged queries; (b) the national-portal records
//! imported with `sotay import dvcqg` (the importer crate, linked here); (c) (b) scaled up N times with varied codes. This is a benchmark that
//! prints figures; nothing here asserts a timing.

use std::path::{Path, PathBuf};
use std::time::Instant;

use crate::metrics::{Judged, Metrics, evaluate_with, parse};
use anyhow::Context;
use serde::Serialize;
use sotay::content::ContentInfo;
use sotay::{Engine, Guide, Handbook, SearchOptions};

use crate::fts5::Fts5;

/// The project's judged queries, compiled in so the bench runs from any directory.
const JUDGED: &str = include_str!("../../tests/relevance/queries.tsv");
/// Where the shared corpus and development queries sit when run from the repository root.
const SHARED_CORPUS: &str = "../shared/corpus/dvcqg-2026-06.jsonl.gz";
/// The project's own copy of the catalogue, used when the shared corpus is absent.
const OWN_CORPUS: &str = "content/national/dvcqg-2026-06.jsonl.gz";
const SHARED_QUERIES: &str = "../shared/eval/dev-queries.tsv";

#[derive(clap::Args)]
pub(crate) struct Args {
    /// Tệp hồ sơ Cổng DVC quốc gia cho giai đoạn (b), (c). / National-portal records for stages (b) and (c)
    /// [default: ../shared/corpus/dvcqg-2026-06.jsonl.gz when present].
    #[arg(long)]
    corpus: Option<PathBuf>,
    /// Câu hỏi đã chấm cho giai đoạn (b), (c). / Judged queries for stages (b) and (c)
    /// [default: ../shared/eval/dev-queries.tsv when present, else the project's set].
    #[arg(long)]
    queries: Option<PathBuf>,
    /// Hệ số nhân cho giai đoạn (c). / Scale-up factor of stage (c).
    #[arg(long, default_value_t = 10)]
    scale: usize,
    /// Số lượt chạy bộ câu hỏi để đo độ trễ. / Passes over the queries when timing.
    #[arg(long, default_value_t = 5)]
    rounds: usize,
    /// In kết quả dạng JSON. / Print the figures as JSON.
    #[arg(long)]
    json: bool,
}

/// Latency percentiles in microseconds.
#[derive(Serialize, Default, Clone, Copy)]
struct Latency {
    p50_us: f64,
    p95_us: f64,
    p99_us: f64,
    mean_us: f64,
    samples: usize,
}

#[derive(Serialize)]
struct EngineFigures {
    build_ms: f64,
    index_bytes: u64,
    rss_growth_bytes: u64,
    latency: Latency,
    relevance: Metrics,
}

#[derive(Serialize)]
struct Stage {
    name: String,
    documents: usize,
    queries: usize,
    skipped_queries: usize,
    tantivy: EngineFigures,
    fts5: EngineFigures,
    /// FTS5 latency divided by tantivy latency (p50, p99): above 1 means tantivy is faster.
    speedup_p50: f64,
    speedup_p99: f64,
}

#[derive(Serialize)]
struct Report {
    stages: Vec<Stage>,
    peak_rss_bytes: u64,
    notes: Vec<String>,
}

pub(crate) fn run(args: &Args) -> anyhow::Result<()> {
    let mut notes = Vec::new();
    let embedded = Handbook::embedded()?;
    let glossary = embedded.glossary.clone();
    let project_judged = parse(
        "tests/relevance/queries.tsv",
        &sotay::text::normalize(JUDGED),
    )?;

    let mut stages = vec![stage(
        "(a) default handbook (edited guides + national catalogue)",
        embedded,
        &project_judged,
        args.rounds,
        1,
    )?];

    let corpus = args.corpus.clone().or_else(|| {
        [SHARED_CORPUS, OWN_CORPUS]
            .into_iter()
            .find(|p| Path::new(p).exists())
            .map(PathBuf::from)
    });
    match corpus {
        None => notes.push(format!(
            "no corpus: {SHARED_CORPUS} and {OWN_CORPUS} are absent and --corpus was not given; stages (b) and (c) skipped"
        )),
        Some(path) => {
            let judged = match &args.queries {
                Some(q) => read_judged(q)?,
                None if Path::new(SHARED_QUERIES).exists() => read_judged(Path::new(SHARED_QUERIES))?,
                None => {
                    notes.push(format!("{SHARED_QUERIES} is absent: the corpus stages use the project's judged queries"));
                    project_judged.clone()
                }
            };
            let guides = import(&path)?;
            let info = ContentInfo {
                name: "dvcqg".to_string(),
                version: 0,
                date: String::new(),
                source: path.display().to_string(),
                origin: path.display().to_string(),
                guides: 0,
                edited: 0,
                national: 0,
                record_date: None,
            };
            let scaled = scale_up(&guides, args.scale);
            let real = Handbook::from_guides(info.clone(), guides).with_glossary(glossary.clone());
            stages.push(stage("(b) national records", real, &judged, args.rounds, 1)?);
            let big = Handbook::from_guides(info, scaled).with_glossary(glossary);
            let name = format!("(c) national records ×{}", args.scale);
            stages.push(stage(&name, big, &judged, args.rounds, args.scale.max(1))?);
        }
    }
    let report = Report {
        stages,
        peak_rss_bytes: proc_status("VmHWM:"),
        notes,
    };
    if args.json {
        println!("{}", serde_json::to_string_pretty(&report)?);
    } else {
        print(&report);
    }
    Ok(())
}

fn read_judged(path: &Path) -> anyhow::Result<Vec<Judged>> {
    let text =
        std::fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))?;
    Ok(parse(
        &path.display().to_string(),
        &sotay::text::normalize(&text),
    )?)
}

/// Imports national-portal records into a temporary folder and loads them as guides.
fn import(path: &Path) -> anyhow::Result<Vec<Guide>> {
    let dir = tempfile_dir()?;
    let out = dir.join("dvcqg");
    let started = Instant::now();
    sotay_import::import_dvcqg(
        path,
        &out,
        &sotay_import::ImportOptions::default(),
        &mut |_, _| {},
    )?;
    let handbook = Handbook::load_dir(&out)?;
    eprintln!(
        "imported {} guides in {:.1} s",
        handbook.guides.len(),
        started.elapsed().as_secs_f64()
    );
    let guides = handbook.guides;
    let _ = std::fs::remove_dir_all(&dir);
    Ok(guides)
}

fn tempfile_dir() -> anyhow::Result<PathBuf> {
    let dir = std::env::temp_dir().join(format!("sotay-bench-{}", std::process::id()));
    std::fs::create_dir_all(&dir).with_context(|| format!("creating {}", dir.display()))?;
    Ok(dir)
}

/// Copies every guide `factor` times; copies get codes with a `.rN` suffix so they stay unique.
fn scale_up(guides: &[Guide], factor: usize) -> Vec<Guide> {
    let mut out = Vec::with_capacity(guides.len() * factor.max(1));
    out.extend(guides.iter().cloned());
    for round in 1..factor.max(1) {
        for g in guides {
            let mut copy = g.clone();
            copy.code = format!("{}.r{round}", g.code);
            out.push(copy);
        }
    }
    out
}

/// Measures one collection. `copies` is how many copies of each record it holds: relevance then looks
/// `10 × copies` deep and counts a copy of the right procedure as the right procedure.
fn stage(
    name: &str,
    handbook: Handbook,
    judged: &[Judged],
    rounds: usize,
    copies: usize,
) -> anyhow::Result<Stage> {
    eprintln!("{name}: {} documents", handbook.guides.len());
    let documents = handbook.guides.len();
    let guides = handbook.guides.clone();

    let rss0 = proc_status("VmRSS:");
    let started = Instant::now();
    let engine = Engine::new(handbook)?;
    let build_ms = started.elapsed().as_secs_f64() * 1000.0;
    let rss_growth = proc_status("VmRSS:").saturating_sub(rss0);

    let rss1 = proc_status("VmRSS:");
    let started = Instant::now();
    let fts = Fts5::build(&guides)?;
    let fts_build_ms = started.elapsed().as_secs_f64() * 1000.0;
    let fts_growth = proc_status("VmRSS:").saturating_sub(rss1);
    drop(guides);

    let options = SearchOptions::default();
    let deep = SearchOptions {
        limit: 10 * copies,
        ..SearchOptions::default()
    };
    let known = |code: &str| engine.handbook().guide(code).is_some();
    let tantivy_rel = evaluate_with(
        judged,
        known,
        |q| {
            Ok(originals(
                engine.search(q, &deep)?.hits.into_iter().map(|h| h.code),
            ))
        },
        false,
    )?;
    let fts_rel = evaluate_with(
        judged,
        known,
        |q| {
            let codes = fts
                .search(q, 10 * copies)
                .map_err(|e| sotay::Error::BadInput {
                    file: "fts5".into(),
                    line: 0,
                    message: e.to_string(),
                })?;
            Ok(originals(codes.into_iter()))
        },
        false,
    )?;

    let queries: Vec<&str> = judged.iter().map(|j| j.query.as_str()).collect();
    let tantivy_lat = time_queries(&queries, rounds, |q| {
        let _ = engine.search(q, &options);
    });
    let fts_lat = time_queries(&queries, rounds, |q| {
        let _ = fts.search(q, 10);
    });
    Ok(Stage {
        name: name.to_string(),
        documents,
        queries: tantivy_rel.overall.queries,
        skipped_queries: tantivy_rel.skipped,
        speedup_p50: fts_lat.p50_us / tantivy_lat.p50_us.max(1e-9),
        speedup_p99: fts_lat.p99_us / tantivy_lat.p99_us.max(1e-9),
        tantivy: EngineFigures {
            build_ms,
            index_bytes: engine.index_bytes(),
            rss_growth_bytes: rss_growth,
            latency: tantivy_lat,
            relevance: tantivy_rel.overall,
        },
        fts5: EngineFigures {
            build_ms: fts_build_ms,
            index_bytes: fts.bytes()?,
            rss_growth_bytes: fts_growth,
            latency: fts_lat,
            relevance: fts_rel.overall,
        },
    })
}

/// Maps scaled-up copies (`CODE.rN`) back to their original code, keeping the first of each, so that a
/// copy of the right procedure counts as the right procedure.
fn originals(codes: impl Iterator<Item = String>) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for code in codes {
        let original = match code.rsplit_once(".r") {
            Some((head, n)) if !n.is_empty() && n.chars().all(|c| c.is_ascii_digit()) => {
                head.to_string()
            }
            _ => code,
        };
        if !out.contains(&original) {
            out.push(original);
        }
    }
    out
}

/// Runs every query `rounds` times (after one warm-up pass) and returns latency percentiles.
fn time_queries(queries: &[&str], rounds: usize, mut run: impl FnMut(&str)) -> Latency {
    for q in queries {
        run(q);
    }
    let mut samples: Vec<f64> = Vec::with_capacity(queries.len() * rounds);
    for _ in 0..rounds.max(1) {
        for q in queries {
            let started = Instant::now();
            run(q);
            samples.push(started.elapsed().as_secs_f64() * 1e6);
        }
    }
    if samples.is_empty() {
        return Latency::default();
    }
    samples.sort_by(f64::total_cmp);
    let pick = |p: f64| samples[((samples.len() - 1) as f64 * p).round() as usize];
    Latency {
        p50_us: pick(0.50),
        p95_us: pick(0.95),
        p99_us: pick(0.99),
        mean_us: samples.iter().sum::<f64>() / samples.len() as f64,
        samples: samples.len(),
    }
}

/// A `/proc/self/status` figure in bytes (0 where unavailable).
fn proc_status(key: &str) -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines().find(|l| l.starts_with(key)).and_then(|l| {
                l.split_whitespace()
                    .nth(1)
                    .and_then(|kb| kb.parse::<u64>().ok())
            })
        })
        .map_or(0, |kb| kb * 1024)
}

fn mib(bytes: u64) -> String {
    format!("{:.1} MiB", bytes as f64 / 1_048_576.0)
}

fn print(r: &Report) {
    for s in &r.stages {
        println!(
            "== {}: {} documents, {} judged queries ({} skipped)",
            s.name, s.documents, s.queries, s.skipped_queries
        );
        for (engine, f) in [("tantivy", &s.tantivy), ("fts5", &s.fts5)] {
            println!(
                "  {engine:<8} build {:>8.1} ms  index {:>10}  rss +{:>10}  latency p50 {:>8.1} µs  p95 {:>8.1} µs  p99 {:>8.1} µs",
                f.build_ms,
                mib(f.index_bytes),
                mib(f.rss_growth_bytes),
                f.latency.p50_us,
                f.latency.p95_us,
                f.latency.p99_us
            );
            let m = &f.relevance;
            println!(
                "  {engine:<8} R@1 {:.3}  R@5 {:.3}  R@10 {:.3}  MRR@10 {:.3}  nDCG@10 {:.3}  zero {:.3}",
                m.recall_at_1,
                m.recall_at_5,
                m.recall_at_10,
                m.mrr_at_10,
                m.ndcg_at_10,
                m.zero_result_rate
            );
        }
        println!(
            "  tantivy is {:.1}× faster than FTS5 at p50, {:.1}× at p99",
            s.speedup_p50, s.speedup_p99
        );
    }
    println!(
        "peak resident memory of the whole run: {}",
        mib(r.peak_rss_bytes)
    );
    for n in &r.notes {
        println!("note: {n}");
    }
}
