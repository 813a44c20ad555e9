//! `sotay import <source> FILE --out DIR`: the content office's tool to turn a crawl of the national
//! portal into guides, optionally only one level's procedures, and to see what changed since an older
//! crawl before re-reading the guides.

use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::Subcommand;
use indicatif::{ProgressBar, ProgressStyle};
use sotay::guide::Level;
use sotay_import::{
    CrawlDiff, ImportOptions, ImportReport, diff_crawls, field_label, import_dvcqg,
};

/// Input files at least this large get a progress bar.
const PROGRESS_MIN_BYTES: u64 = 1 << 20;

/// Where the records come from.
#[derive(Subcommand)]
pub(crate) enum Source {
    /// Hồ sơ thủ tục của Cổng Dịch vụ công quốc gia (.jsonl, .jsonl.gz hoặc mảng .json). /
    /// National-portal procedure records (.jsonl, .jsonl.gz or a .json array).
    Dvcqg(Args),
}

/// Options of an import.
#[derive(clap::Args)]
pub(crate) struct Args {
    /// Tệp dữ liệu. / The input file.
    file: PathBuf,
    /// Thư mục sổ tay mới (chưa có hoặc rỗng); có thể bỏ khi chỉ so sánh (--changed-since). / The new
    /// handbook folder (must not exist or be empty); may be left out when only comparing (--changed-since).
    #[arg(long, value_name = "DIR", required_unless_present = "changed_since")]
    out: Option<PathBuf>,
    /// Chỉ các thủ tục thực hiện ở cấp này: xa, tinh, bo, khac. / Only the procedures done at this level:
    /// xa, tinh, bo, khac.
    #[arg(long, value_name = "LEVEL", value_parser = parse_level)]
    only_level: Option<Level>,
    /// So với lần thu thập cũ: thủ tục thêm, bỏ, thay đổi (và thay đổi ở mục nào). / Compare with an older
    /// crawl: procedures added, removed and changed (and which fields changed).
    #[arg(long, value_name = "OLD.jsonl.gz")]
    changed_since: Option<PathBuf>,
    /// Chỉ đọc N bản ghi đầu. / Read only the first N records.
    #[arg(long, value_name = "N")]
    limit: Option<usize>,
    /// Tháng của dữ liệu Cổng (YYYY-MM), ghi vào từng thủ tục; mặc định lấy từ tên tệp (dvcqg-2026-06…). /
    /// The month of the portal's data (YYYY-MM), written into every guide; read from the file name
    /// (dvcqg-2026-06…) by default.
    #[arg(long, value_name = "YYYY-MM")]
    record_date: Option<String>,
    /// In báo cáo dạng JSON. / Print the report as JSON.
    #[arg(long)]
    json: bool,
}

fn parse_level(s: &str) -> Result<Level, String> {
    Level::ALL
        .into_iter()
        .find(|l| l.id() == s.trim())
        .ok_or_else(|| format!("\"{s}\" is not a level: xa, tinh, bo or khac"))
}

/// A progress bar on standard error when it is a terminal and the input is large, else a hidden one.
fn progress_bar(size: u64, message: &str) -> ProgressBar {
    if !(std::io::stderr().is_terminal() && size >= PROGRESS_MIN_BYTES) {
        return ProgressBar::hidden();
    }
    let bar = ProgressBar::new(size);
    let style =
        ProgressStyle::with_template("{spinner} {msg} {bar:40} {bytes}/{total_bytes} ({eta})")
            .unwrap_or_else(|_| ProgressStyle::default_bar());
    bar.set_style(style);
    bar.set_message(message.to_string());
    bar
}

fn file_size(path: &Path) -> u64 {
    std::fs::metadata(path).map_or(0, |m| m.len())
}

pub(crate) fn run(source: &Source, today: Option<&str>) -> anyhow::Result<ExitCode> {
    let Source::Dvcqg(args) = source;
    let mut code = ExitCode::SUCCESS;
    if let Some(out) = &args.out {
        let options = ImportOptions {
            limit: args.limit,
            date: None,
            record_date: args.record_date.clone(),
            only_level: args.only_level,
            today: today.map(str::to_string),
        };
        let bar = progress_bar(file_size(&args.file), "đang đọc / reading");
        let report = import_dvcqg(&args.file, out, &options, &mut |done, total| {
            bar.set_length(total);
            bar.set_position(done);
        });
        bar.finish_and_clear();
        let report = report?;
        if args.json && args.changed_since.is_none() {
            println!("{}", serde_json::to_string_pretty(&report)?);
        } else if !args.json {
            print_report(&report);
        }
        if report.written == 0 {
            code = ExitCode::FAILURE;
        }
        if let Some(old) = &args.changed_since {
            let diff = compare(old, &args.file, args.only_level)?;
            if args.json {
                let both = serde_json::json!({ "import": report, "changes": diff });
                println!("{}", serde_json::to_string_pretty(&both)?);
            } else {
                println!();
                print_diff(&diff, old, &args.file);
            }
        }
    } else if let Some(old) = &args.changed_since {
        let diff = compare(old, &args.file, args.only_level)?;
        if args.json {
            println!("{}", serde_json::to_string_pretty(&diff)?);
        } else {
            print_diff(&diff, old, &args.file);
        }
    }
    Ok(code)
}

fn compare(old: &Path, new: &Path, level: Option<Level>) -> anyhow::Result<CrawlDiff> {
    let bar = progress_bar(file_size(old) + file_size(new), "đang so sánh / comparing");
    let diff = diff_crawls(old, new, level, &mut |done, total| {
        bar.set_length(total);
        bar.set_position(done);
    });
    bar.finish_and_clear();
    Ok(diff?)
}

fn print_diff(d: &CrawlDiff, old: &Path, new: &Path) {
    println!(
        "Thay đổi từ / changes since {} → {}",
        old.display(),
        new.display()
    );
    println!(
        "Thủ tục / procedures: {} → {}; không đổi / unchanged: {}",
        d.old_records, d.new_records, d.unchanged
    );
    println!("Thêm mới / added: {}", d.added.len());
    for p in &d.added {
        println!("  + {} {}", p.code, p.title);
    }
    println!("Bị bỏ / removed: {}", d.removed.len());
    for p in &d.removed {
        println!("  - {} {}", p.code, p.title);
    }
    println!("Thay đổi / changed: {}", d.changed.len());
    for c in &d.changed {
        let fields: Vec<&str> = c.fields.iter().map(|f| field_label(f)).collect();
        println!("  ~ {} {}: {}", c.code, c.title, fields.join("; "));
    }
}

fn print_report(r: &ImportReport) {
    println!("Nguồn / source:                 {}", r.source);
    println!("Thư mục / output:               {}", r.output);
    println!("Ngày / date:                    {}", r.date);
    println!("Dữ liệu Cổng / portal data of:  {}", r.record_date);
    println!("Bản ghi đã đọc / records read:  {}", r.records);
    println!("Đã viết / guides written:       {}", r.written);
    println!("Bỏ qua / skipped:               {}", r.skipped_total());
    if r.other_levels > 0 {
        println!("Khác cấp / other levels:        {}", r.other_levels);
    }
    for s in &r.skipped {
        println!("  {:<40} {}", s.reason.label(), s.count);
        for e in s.examples.iter().take(3) {
            println!("      {e}");
        }
    }
    let (u, m) = (&r.unparsed, &r.missing);
    println!("Không đọc được / not parsed        (trong đó trống / of which empty in the record):");
    for (label, n, empty) in [
        ("thành phần hồ sơ / documents", u.documents, m.documents),
        ("cách thức thực hiện / channels", u.channels, m.channels),
        ("căn cứ pháp lý / legal basis", u.legal_basis, m.legal_basis),
        ("trình tự thực hiện / steps", u.steps, m.steps),
        ("cấp thực hiện / levels", u.levels, m.levels),
        ("kết quả / results", u.results, m.results),
    ] {
        println!("  {label:<40} {n:>5}   ({empty})");
    }
    println!(
        "Cắt lại từ trang / sections re-cut from page text: {}",
        r.sections_recovered
    );
    println!(
        "Tệp mẫu đơn tách riêng / form files separated:      {}",
        r.form_files
    );
    println!(
        "Cảnh báo lệ phí HĐND / council-fee warnings:        {}",
        r.council_fee_notes
    );
    println!(
        "Liên kết thủ tục / related links:                   {}",
        r.related_links
    );
    println!(
        "Việc cần làm của phòng nội dung / content checks (bản ghi / records, phát hiện / findings):"
    );
    if r.findings.is_empty() {
        println!("  không có / none");
    }
    for f in &r.findings {
        println!("  {:<70} {:>5} {:>5}", f.label, f.records, f.count);
        for item in f.items.iter().take(5) {
            println!("      {item}");
        }
        if f.items.len() > 5 {
            println!("      … (--json lists all {})", f.items.len());
        }
    }
    if r.written == 0 {
        println!(
            "Không có thủ tục nào được viết; thư mục chưa được tạo. / No guide written; the folder was not created."
        );
    }
}
