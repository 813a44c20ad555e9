//! `sotay`: the command-line face of the handbook — check content, search, show a guide, evaluate relevance,
//! import national-portal records, manage the installation's config and the citizens' feedback, build
//! and install signed content packs.
//!
//! The CLI is its own crate (`sotay-cli`, binary `sotay`) so that clap, anyhow and indicatif stay out of
//! the core library and the desktop app. `xtask` compiles this file and its modules too, to generate the
//! man pages and shell completions from [`Cli`] and to run the developer-only benchmark with the same
//! content options: what it reaches through `crate::` is `pub(crate)` for that reason.

mod check;
pub(crate) mod config;
mod eval;
mod feedback;
mod form;
mod import;
pub(crate) mod metrics;
mod pack;
mod search;
mod show;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

/// Sổ tay thủ tục hành chính — tra cứu thủ tục hành chính ngoại tuyến.
/// Offline handbook of Vietnamese administrative procedures.
#[derive(Parser)]
#[command(name = "sotay", version, about, long_about = None)]
pub(crate) struct Cli {
    #[command(subcommand)]
    command: Command,
    /// Ngày hôm nay cho các quy tắc về thời hạn (mặc định: ngày của máy). / Today's date for the rules
    /// that depend on it, such as a fee's end date (default: the system date).
    #[arg(long, global = true, value_name = "YYYY-MM-DD")]
    today: Option<String>,
}

#[derive(Subcommand)]
enum Command {
    /// Kiểm tra nội dung sổ tay; liệt kê mọi lỗi kèm tệp:dòng. / Validate a content folder and list every problem.
    Check {
        /// Thư mục nội dung (mặc định: sổ tay đóng gói sẵn). / Content folder (default: the embedded handbook).
        dir: Option<PathBuf>,
    },
    /// Tìm thủ tục. / Search procedures.
    Search(search::Args),
    /// Xem một thủ tục theo mã. / Show one guide by its national code.
    Show(show::Args),
    /// Đo độ chính xác tìm kiếm trên tệp câu hỏi đã chấm. / Measure relevance on a judged query file.
    Eval(eval::Args),
    /// Nhập dữ liệu từ nguồn khác thành thư mục sổ tay. / Import another source into a handbook folder.
    #[command(subcommand)]
    Import(import::Source),
    /// Cấu hình của máy: mã PIN quản trị, chế độ kiosk… / The installation's config: kiosk PIN and settings.
    #[command(subcommand)]
    Config(config::Command),
    /// Đánh giá, kiến nghị và phản ánh của người dân. / Citizens' ratings and petitions.
    #[command(subcommand)]
    Feedback(feedback::Command),
    /// Gói cập nhật có chữ ký: tạo khoá, đóng gói, kiểm tra, cài, quay về. / Signed content packs: keys,
    /// build, verify, install, rollback, status.
    #[command(subcommand)]
    Pack(pack::Command),
    /// Tờ khai theo mẫu: liệt kê, kiểm tra, xuất PDF. / Official declaration forms: list, check, render
    /// as PDF.
    #[command(subcommand)]
    Form(form::Command),
}

/// Options shared by commands that read a handbook.
#[derive(clap::Args, Clone)]
pub(crate) struct ContentArg {
    /// Thư mục nội dung (mặc định: sổ tay đóng gói sẵn). / Content folder (default: the embedded handbook).
    #[arg(long, value_name = "DIR")]
    content: Option<PathBuf>,
    /// Phần của sổ tay: all (mặc định), edited (chỉ thủ tục đã biên tập), national (chỉ danh mục quốc
    /// gia). / Which part of the handbook: all (default), edited (the edited guides only) or national
    /// (the national catalogue only, as imported).
    #[arg(long, value_enum, default_value_t = Scope::All)]
    scope: Scope,
    /// Không dùng bộ nhớ đệm chỉ mục trong thư mục dữ liệu. / Do not use the index cache of the data
    /// folder (build in memory).
    #[arg(long)]
    no_cache: bool,
    #[command(flatten)]
    data: config::DataArg,
}

/// A part of a handbook.
#[derive(clap::ValueEnum, Clone, Copy, PartialEq, Eq)]
enum Scope {
    /// Everything: the edited guides and the national catalogue.
    All,
    /// The edited guides and the data files, without the catalogue.
    Edited,
    /// The national catalogue alone, as `sotay import` would give it.
    National,
}

impl ContentArg {
    /// The engine of the chosen handbook, through the data folder's index cache. A cache that cannot
    /// be used is said once on standard error and never stops the command.
    fn engine(&self) -> anyhow::Result<sotay::Engine> {
        let (origin, mut files) = sotay::Handbook::files(self.content.as_deref())?;
        match self.scope {
            Scope::All => {}
            Scope::Edited => files.retain(|f| !sotay::content::files::is_catalogue(&f.path)),
            Scope::National => files.retain(|f| sotay::content::files::is_catalogue(&f.path)),
        }
        let cache = if self.no_cache {
            None
        } else {
            self.data
                .dir()
                .ok()
                .map(|d| sotay::search::cache::dir_in(&d))
        };
        let (engine, outcome) = sotay::search::cache::open(&origin, files, cache.as_deref())?;
        if let Some(notice) = outcome.notice() {
            eprintln!("sotay: {notice}");
        }
        Ok(engine)
    }
}

fn main() -> ExitCode {
    restore_sigpipe();
    let cli = Cli::parse();
    let outcome = match cli.command {
        Command::Check { dir } => check::run(dir.as_deref(), cli.today.as_deref()),
        Command::Search(args) => search::run(&args),
        Command::Show(args) => show::run(&args),
        Command::Eval(args) => eval::run(&args),
        Command::Import(source) => import::run(&source, cli.today.as_deref()),
        Command::Config(command) => config::run(&command),
        Command::Feedback(command) => feedback::run(&command),
        Command::Pack(command) => pack::run(&command),
        Command::Form(command) => form::run(&command),
    };
    match outcome {
        Ok(code) => code,
        Err(e) => {
            eprintln!("sotay: {}", message(&e));
            ExitCode::FAILURE
        }
    }
}

/// One line for a failure: the contexts added here, then the library's error, whose message already
/// holds its cause (printing the cause again would say "database is locked: database is locked").
fn message(e: &anyhow::Error) -> String {
    let mut out = String::new();
    for cause in e.chain() {
        let text = cause.to_string();
        if out.contains(&text) {
            break;
        }
        if !out.is_empty() {
            out.push_str(": ");
        }
        out.push_str(&text);
        if cause.downcast_ref::<sotay::Error>().is_some() {
            break;
        }
    }
    out
}

/// Lets `sotay … | head` end quietly: the default SIGPIPE action instead of a panic on a closed pipe.
fn restore_sigpipe() {
    #[cfg(unix)]
    // SAFETY: called first thing in main, before any thread exists; SIG_DFL is always a valid action.
    unsafe {
        libc::signal(libc::SIGPIPE, libc::SIG_DFL);
    }
}
