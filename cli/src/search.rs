//! `sotay search [--content DIR] [--limit N] [--json] [--explain] [--prefix] [--field F] [--level L]
//! [--audience A] [--ministry M] [--event E] QUERY...`.

use std::process::ExitCode;

use sotay::guide::Level;
use sotay::{Filters, SearchOptions};

use crate::ContentArg;

#[derive(clap::Args)]
pub(crate) struct Args {
    #[command(flatten)]
    content: ContentArg,
    /// Số kết quả tối đa. / Most results shown.
    #[arg(long, default_value_t = 10)]
    limit: usize,
    /// In kết quả dạng JSON. / Print the results as JSON.
    #[arg(long)]
    json: bool,
    /// Lọc theo lĩnh vực (ví dụ "Hộ tịch"). / Filter by field.
    #[arg(long)]
    field: Option<String>,
    /// Lọc theo cấp: xa, tinh, bo, khac. / Filter by level.
    #[arg(long)]
    level: Option<String>,
    /// Lọc theo sự kiện cuộc sống (ví dụ ket-hon). / Filter by life event id.
    #[arg(long)]
    event: Option<String>,
    /// Lọc theo đối tượng: cong-dan, nuoc-ngoai, to-chuc, luc-luong-vu-trang. / Filter by audience.
    #[arg(long)]
    audience: Option<String>,
    /// Lọc theo bộ, ngành (ví dụ "Bộ Tư pháp"). / Filter by ministry.
    #[arg(long)]
    ministry: Option<String>,
    /// In những gì bộ phân tích hiểu: từ bị bỏ, thuật ngữ, tình huống nhận ra và từ khóa thêm vào. /
    /// Print what the analysis recognised: dropped words, glossary terms, situations and the words
    /// they added.
    #[arg(long)]
    explain: bool,
    /// Từ cuối là tiền tố (như khi đang gõ). / Treat the last word as a prefix (search as you type).
    #[arg(long)]
    prefix: bool,
    /// Câu tìm kiếm. / The query.
    #[arg(required = true, num_args = 1..)]
    query: Vec<String>,
}

pub(crate) fn run(args: &Args) -> anyhow::Result<ExitCode> {
    let level = match args.level.as_deref() {
        Some(l) => Some(Level::from_id(l).ok_or_else(|| {
            anyhow::anyhow!("cấp không hợp lệ / unknown level \"{l}\" (xa, tinh, bo, khac)")
        })?),
        None => None,
    };
    let audience = match args.audience.as_deref() {
        Some(a) => Some(sotay::lang::Audience::from_id(a).ok_or_else(|| {
            anyhow::anyhow!(
                "đối tượng không hợp lệ / unknown audience \"{a}\" (cong-dan, nuoc-ngoai, to-chuc, luc-luong-vu-trang)"
            )
        })?),
        None => None,
    };
    let engine = args.content.engine()?;
    let options = SearchOptions {
        limit: args.limit,
        filters: Filters {
            field: args.field.as_deref().map(sotay::text::normalize),
            level,
            event: args.event.clone(),
            audience,
            ministry: args.ministry.as_deref().map(sotay::text::normalize),
        },
        prefix: args.prefix,
    };
    let query = args.query.join(" ");
    if args.explain {
        explain(&engine.analyze(&query));
    }
    let results = engine.search(&query, &options)?;
    if args.json {
        println!("{}", serde_json::to_string_pretty(&results)?);
        return Ok(ExitCode::SUCCESS);
    }
    if let Some(s) = &results.suggestion {
        println!("Có phải bạn muốn tìm: {s}");
    }
    if results.ambiguous
        && let Some(f) = &results.family
    {
        println!("{} ({})", f.question, f.name);
        for m in &f.members {
            println!("  {}  {} — {}", m.code, m.title, m.choose_when);
        }
        println!();
    }
    if results.hits.is_empty() {
        println!("Không tìm thấy thủ tục phù hợp. / No procedure found.");
    }
    for (i, h) in results.hits.iter().enumerate() {
        println!(
            "{:>2}. {}  {}  [{}]  {:.2}",
            i + 1,
            h.code,
            h.title,
            h.field,
            h.score
        );
        println!("    {}", plain_snippet(&h.snippet));
    }
    println!("({} kết quả, {} µs)", results.total, results.took_us);
    Ok(ExitCode::SUCCESS)
}

/// Prints what the analysis of a query recognised, for `--explain`.
fn explain(a: &sotay::search::Analysis) {
    use sotay::search::analyze::Source;
    println!("Câu đã chuẩn hóa / normalized: {}", a.normalized);
    let kept: Vec<String> = a
        .tokens
        .iter()
        .map(|t| {
            if (t.weight - 1.0).abs() < 1e-6 {
                t.exact.clone()
            } else {
                format!("{}×{:.2}", t.exact, t.weight)
            }
        })
        .collect();
    println!("Từ giữ lại / kept: {}", kept.join(" "));
    if !a.dropped.is_empty() {
        println!("Từ bỏ qua / dropped filler: {}", a.dropped.join(" "));
    }
    if let Some(d) = &a.decoded {
        let words: Vec<&str> = d.iter().map(|t| t.exact.as_str()).collect();
        println!("Giải mã Telex/VNI / decoded: {}", words.join(" "));
    }
    for s in &a.situations {
        println!(
            "Tình huống / situation [{}] {} — từ / words: \"{}\"",
            s.rule,
            s.explain,
            s.words.join("\" + \"")
        );
    }
    for e in &a.expansions {
        let phrases: Vec<String> = e
            .phrases
            .iter()
            .map(|p| {
                p.iter()
                    .map(|t| t.exact.as_str())
                    .collect::<Vec<_>>()
                    .join(" ")
            })
            .collect();
        let source = match e.source {
            Source::Glossary => "thuật ngữ / glossary",
            Source::Situation => "tình huống / situation",
        };
        println!(
            "Thêm / adds ({source} {}, ×{:.2}): {}",
            e.term,
            e.weight,
            phrases.join("; ")
        );
    }
    if let Some(i) = a.intent {
        println!("Hỏi về / asks about: {i:?}");
    }
    if !a.audiences.is_empty() {
        let list: Vec<&str> = a.audiences.iter().map(|x| x.id()).collect();
        println!(
            "Đối tượng nêu trong câu / audiences named: {}",
            list.join(", ")
        );
    }
    if !a.levels.is_empty() {
        let list: Vec<&str> = a.levels.iter().map(|l| l.id()).collect();
        println!("Cấp nêu trong câu / levels named: {}", list.join(", "));
    }
    println!();
}

/// The snippet for a terminal: highlights as `[..]`, the entities the engine's snippets escape with
/// (`src/search/snippet.rs`) decoded.
fn plain_snippet(html: &str) -> String {
    html.replace("<b>", "[")
        .replace("</b>", "]")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&amp;", "&")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::plain_snippet;

    #[test]
    fn decodes_what_the_engine_escapes() {
        assert_eq!(
            plain_snippet("a &lt;script&gt; &amp; &quot;b&quot; &#39;c&#39;  <b>hon</b>"),
            "a <script> & \"b\" 'c' [hon]"
        );
    }
}
