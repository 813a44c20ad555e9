//! `sotay import <source> FILE --out DIR`.

use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::Subcommand;
use indicatif::{ProgressBar, ProgressStyle};
use sotay::import::{ImportOptions, ImportReport, import_dvcqg};

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
    /// Thư mục sổ tay mới (chưa có hoặc rỗng). / The new handbook folder (must not exist or be empty).
    #[arg(long, value_name = "DIR")]
    out: PathBuf,
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

pub(crate) fn run(source: &Source) -> anyhow::Result<ExitCode> {
    let Source::Dvcqg(args) = source;
    let options = ImportOptions {
        limit: args.limit,
        date: None,
        record_date: args.record_date.clone(),
    };
    let size = std::fs::metadata(&args.file).map_or(0, |m| m.len());
    let bar = if std::io::stderr().is_terminal() && size >= PROGRESS_MIN_BYTES {
        let bar = ProgressBar::new(size);
        let style = ProgressStyle::with_template(
            "{spinner} đang đọc / reading {bar:40} {bytes}/{total_bytes} ({eta})",
        )
        .unwrap_or_else(|_| ProgressStyle::default_bar());
        bar.set_style(style);
        bar
    } else {
        ProgressBar::hidden()
    };
    let report = import_dvcqg(&args.file, &args.out, &options, &mut |done, total| {
        bar.set_length(total);
        bar.set_position(done);
    });
    bar.finish_and_clear();
    let report = report?;
    if args.json {
        println!("{}", serde_json::to_string_pretty(&report)?);
    } else {
        print_report(&report);
    }
    Ok(if report.written > 0 {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    })
}

fn print_report(r: &ImportReport) {
    println!("Nguồn / source:                 {}", r.source);
    println!("Thư mục / output:               {}", r.output);
    println!("Ngày / date:                    {}", r.date);
    println!("Dữ liệu Cổng / portal data of:  {}", r.record_date);
    println!("Bản ghi đã đọc / records read:  {}", r.records);
    println!("Đã viết / guides written:       {}", r.written);
    println!("Bỏ qua / skipped:               {}", r.skipped_total());
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
    if r.written == 0 {
        println!(
            "Không có thủ tục nào được viết; thư mục chưa được tạo. / No guide written; the folder was not created."
        );
    }
}
