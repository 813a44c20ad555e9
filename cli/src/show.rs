//! `sotay show CODE [--content DIR] [--json]`.

use std::process::ExitCode;

use sotay::guide::{GroupKind, Guide};

use crate::ContentArg;

#[derive(clap::Args)]
pub(crate) struct Args {
    #[command(flatten)]
    content: ContentArg,
    /// In mô hình dạng JSON. / Print the parsed model as JSON.
    #[arg(long)]
    json: bool,
    /// Mã thủ tục, ví dụ 1.000894. / National code.
    code: String,
}

pub(crate) fn run(args: &Args) -> anyhow::Result<ExitCode> {
    let handbook = sotay::Handbook::load(args.content.content.as_deref())?;
    let Some(g) = handbook.guide(&args.code) else {
        eprintln!(
            "Không có thủ tục mã {} / no procedure with code {}",
            args.code, args.code
        );
        return Ok(ExitCode::FAILURE);
    };
    if args.json {
        println!("{}", serde_json::to_string_pretty(&g.for_display())?);
    } else {
        print_guide(g, &handbook);
    }
    Ok(ExitCode::SUCCESS)
}

fn print_guide(g: &Guide, handbook: &sotay::Handbook) {
    println!("{} ({})", g.title.to_uppercase(), g.code);
    println!("{}", g.official_title);
    if let Some(label) = g.provenance() {
        println!("[{label}]");
        if let Some(url) = &g.portal_url {
            println!("Trang thủ tục: {url}");
        }
    }
    println!();
    println!("{}", g.summary);
    if !g.aliases.is_empty() {
        println!("Còn gọi là: {}", g.aliases.join("; "));
    }
    println!();
    println!("Lĩnh vực: {}", g.field);
    let levels: Vec<&str> = g.levels.iter().map(|l| l.label()).collect();
    println!("Cấp thực hiện: {}", levels.join(", "));
    println!("Cơ quan: {}", g.agency);
    println!("Kết quả: {}", g.results.join("; "));
    println!();
    println!("THỜI HẠN VÀ LỆ PHÍ");
    for c in &g.channels {
        println!("  {:<11} {} — {}", c.channel.label(), c.time, c.fee);
        if let Some(n) = &c.note {
            println!("              {n}");
        }
    }
    println!();
    println!("THÀNH PHẦN HỒ SƠ");
    for group in &g.documents {
        let mark = match group.kind {
            GroupKind::Submit | GroupKind::Case => "☐",
            GroupKind::Show => "◇",
        };
        println!("  {}", group.title);
        for d in &group.items {
            let q = d
                .quantity
                .as_ref()
                .map(|q| format!(" ({} {})", q.count, q.label))
                .unwrap_or_default();
            println!("    {mark} {}{q}", d.text);
        }
    }
    println!();
    println!("TRÌNH TỰ THỰC HIỆN");
    for (i, s) in g.steps.iter().enumerate() {
        println!("  {}. {}", i + 1, s.text);
    }
    for (title, blocks) in [("YÊU CẦU, ĐIỀU KIỆN", &g.conditions), ("LƯU Ý", &g.notes)] {
        if !blocks.is_empty() {
            println!();
            println!("{title}");
            for b in blocks.iter() {
                println!("  • {}", b.text);
            }
        }
    }
    println!();
    println!("Căn cứ pháp lý: {}", g.legal_basis.join("; "));
    println!(
        "Quyết định công bố: {} · Cập nhật: {}",
        g.decision, g.updated
    );
    let alikes = handbook.look_alikes(&g.code);
    if !alikes.is_empty() {
        println!();
        println!("Dễ nhầm với:");
        for a in alikes {
            println!(
                "  {} {} — {}",
                a.code,
                a.title,
                a.choose_when.as_deref().unwrap_or("")
            );
        }
    }
}
