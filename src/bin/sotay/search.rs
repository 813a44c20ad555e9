//! `sotay search [--content DIR] [--limit N] [--json] [--field F] [--level L] [--event E] QUERY...`.

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
    let engine = args.content.engine()?;
    let options = SearchOptions {
        limit: args.limit,
        filters: Filters {
            field: args.field.as_deref().map(sotay::text::normalize),
            level,
            event: args.event.clone(),
        },
        prefix: false,
    };
    let results = engine.search(&args.query.join(" "), &options)?;
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
