//! `sotay eval FILE.tsv [--content DIR] [--json] [--per-query] [--min-…]`.

use std::path::PathBuf;
use std::process::ExitCode;

use crate::metrics::{Metrics, Report, evaluate, parse};
use anyhow::Context;

use crate::ContentArg;

#[derive(clap::Args)]
pub(crate) struct Args {
    #[command(flatten)]
    content: ContentArg,
    /// Tệp câu hỏi (query<TAB>codes). / Judged query file (query<TAB>codes).
    file: PathBuf,
    /// In báo cáo dạng JSON. / Print the report as JSON.
    #[arg(long)]
    json: bool,
    /// Kèm kết quả từng câu. / Include every query's outcome.
    #[arg(long)]
    per_query: bool,
    /// Ngưỡng R@5 tối thiểu (thoát 1 nếu thấp hơn). / Fail (exit 1) below this R@5.
    #[arg(long)]
    min_r5: Option<f64>,
    /// Ngưỡng MRR@10 tối thiểu. / Fail (exit 1) below this MRR@10.
    #[arg(long)]
    min_mrr: Option<f64>,
    /// Mức giảm MRR tối đa của mỗi kiểu gõ so với kiểu có dấu (0.05 = 5%). / Fail when a typing style loses
    /// more than this share of MRR against the accented style.
    #[arg(long)]
    max_style_loss: Option<f64>,
}

pub(crate) fn run(args: &Args) -> anyhow::Result<ExitCode> {
    let text = std::fs::read_to_string(&args.file)
        .with_context(|| format!("reading {}", args.file.display()))?;
    let judged = parse(
        &args.file.display().to_string(),
        &sotay::text::normalize(&text),
    )?;
    let engine = args.content.engine()?;
    let report = evaluate(&engine, &judged, args.per_query)?;
    if args.json {
        let mut value = serde_json::to_value(&report)?;
        if let Some(obj) = value.as_object_mut()
            && let Some(q) = obj.remove("per_query")
        {
            obj.insert("queries".to_string(), q);
        }
        println!("{}", serde_json::to_string_pretty(&value)?);
    } else {
        print_report(&report, args.per_query);
    }
    let failures = gate(&report, args);
    for f in &failures {
        eprintln!("GATE FAILED: {f}");
    }
    Ok(if failures.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    })
}

fn gate(r: &Report, args: &Args) -> Vec<String> {
    let mut out = Vec::new();
    let m = &r.overall;
    if let Some(min) = args.min_r5
        && m.recall_at_5 < min
    {
        out.push(format!("R@5 {:.3} < {min}", m.recall_at_5));
    }
    if let Some(min) = args.min_mrr
        && m.mrr_at_10 < min
    {
        out.push(format!("MRR@10 {:.3} < {min}", m.mrr_at_10));
    }
    if let Some(max) = args.max_style_loss
        && let Some(base) = r.styles.get("accented")
    {
        for style in ["plain", "telex", "abbrev", "typo"] {
            if let Some(s) = r.styles.get(style) {
                let loss = (base.mrr_at_10 - s.mrr_at_10) / base.mrr_at_10.max(1e-9);
                if loss > max {
                    out.push(format!(
                        "style {style} loses {:.1}% MRR against accented ({:.3} vs {:.3})",
                        loss * 100.0,
                        s.mrr_at_10,
                        base.mrr_at_10
                    ));
                }
            }
        }
    }
    out
}

fn line(name: &str, m: &Metrics) {
    println!(
        "{name:<15} n={:<4} R@1={:.3} R@5={:.3} R@10={:.3} MRR@10={:.3} nDCG@10={:.3} zero={:.3}",
        m.queries,
        m.recall_at_1,
        m.recall_at_5,
        m.recall_at_10,
        m.mrr_at_10,
        m.ndcg_at_10,
        m.zero_result_rate
    );
}

fn print_report(r: &Report, per_query: bool) {
    if per_query {
        for q in &r.per_query {
            let rank = q.first_hit_rank.map_or("-".to_string(), |r| r.to_string());
            println!(
                "{rank:>2}  {}  → {} (expected {})",
                q.query,
                q.top.first().map_or("", String::as_str),
                q.expected.join(",")
            );
        }
        println!();
    }
    line("overall", &r.overall);
    for (style, m) in &r.styles {
        line(style, m);
    }
    for (kind, m) in &r.kinds {
        line(&format!("kind:{kind}"), m);
    }
    println!("skipped (no guide for any expected code): {}", r.skipped);
}
