//! `sotay pack …`: make signing keys, build and verify signed content packs, install them into a data
//! folder, roll back, and show what is installed.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::Context;
use clap::Subcommand;
use sotay::Error;
use sotay::pack::{self, InstallReport, PackInfo, PublicKey, Source};

use crate::config::DataArg;

#[derive(Subcommand)]
pub(crate) enum Command {
    /// Tạo cặp khoá ký gói (minisign). / Make a signing key pair: PATH (secret, 0600) and PATH.pub.
    Keygen {
        /// Tệp khoá bí mật. / Where to write the secret key.
        #[arg(long, value_name = "PATH")]
        out: PathBuf,
        /// Ghi đè khoá đã có. / Replace existing key files.
        #[arg(long)]
        force: bool,
    },
    /// Đóng gói thư mục nội dung đã kiểm tra và ký. / Build a signed pack from a content folder.
    Build {
        /// Thư mục nội dung. / The content folder (must pass `sotay check`).
        content_dir: PathBuf,
        /// Khoá bí mật. / The secret key file.
        #[arg(long, value_name = "SECRET")]
        key: PathBuf,
        /// Số phiên bản gói (phải tăng dần). / Pack version (each release must be higher).
        #[arg(long, value_name = "N")]
        version: u64,
        /// Ngày của gói (mặc định: hôm nay). / Pack date, YYYY-MM-DD (default: today).
        #[arg(long, value_name = "YYYY-MM-DD")]
        date: Option<String>,
        /// Tệp gói cần ghi. / The pack file to write.
        #[arg(long, value_name = "FILE")]
        out: PathBuf,
        /// Cho phép gói bỏ nhiều thủ tục đang cài (quá 20%). / Let the pack remove more than 20% of
        /// the installed guides (otherwise an install refuses it).
        #[arg(long)]
        allow_guide_removal: bool,
    },
    /// Kiểm tra gói còn nguyên vẹn và được ký bằng khoá tin cậy. / Verify a pack against trusted keys.
    Verify {
        /// Tệp gói. / The pack file.
        file: PathBuf,
        #[command(flatten)]
        keys: KeyArgs,
    },
    /// Cài gói vào thư mục dữ liệu. / Install a pack into the data folder.
    Install {
        /// Tệp gói. / The pack file.
        file: PathBuf,
        #[command(flatten)]
        keys: KeyArgs,
        /// In kết quả dạng JSON. / Print the report as JSON.
        #[arg(long)]
        json: bool,
    },
    /// Quay về gói trước đó (một bước). / Go back to the previous pack (one step); its signature is
    /// checked again against the trusted keys.
    Rollback {
        #[command(flatten)]
        keys: KeyArgs,
        /// In kết quả dạng JSON. / Print the report as JSON.
        #[arg(long)]
        json: bool,
    },
    /// Cho biết sổ tay đang dùng. / Show which handbook is in use and what changed.
    Status {
        #[command(flatten)]
        data: DataArg,
        /// In dạng JSON. / Print as JSON.
        #[arg(long)]
        json: bool,
    },
}

/// Where the trusted keys come from.
#[derive(clap::Args)]
pub(crate) struct KeyArgs {
    /// Khoá công khai tin cậy (lặp lại được). / A trusted public key file (repeatable); added to the
    /// config's `packs.trusted_keys`.
    #[arg(long = "pubkey", value_name = "PUB")]
    pubkeys: Vec<PathBuf>,
    #[command(flatten)]
    data: DataArg,
}

impl KeyArgs {
    /// The `--pubkey` files plus the installation's configured keys.
    fn trusted(&self, data_dir: &Path) -> anyhow::Result<Vec<PublicKey>> {
        let mut keys = pack::trusted_keys(data_dir)?;
        for path in &self.pubkeys {
            keys.push(PublicKey::from_file(path)?);
        }
        Ok(keys)
    }
}

pub(crate) fn run(command: &Command) -> anyhow::Result<ExitCode> {
    match command {
        Command::Keygen { out, force } => {
            let key = pack::keygen(out, *force)?;
            println!("Khoá bí mật / secret key: {}", out.display());
            println!(
                "Khoá công khai / public key: {} (id {})",
                pack::pub_path(out).display(),
                key.id()
            );
            println!("packs.trusted_keys = [\"{}\"]", key.to_base64());
            Ok(ExitCode::SUCCESS)
        }
        Command::Build {
            content_dir,
            key,
            version,
            date,
            out,
            allow_guide_removal,
        } => match pack::build_with(
            content_dir,
            key,
            *version,
            date.as_deref(),
            out,
            pack::BuildOptions {
                allow_guide_removal: *allow_guide_removal,
            },
        ) {
            Ok(info) => {
                println!("{}: {}", out.display(), describe(&info));
                Ok(ExitCode::SUCCESS)
            }
            Err(Error::Invalid(problems)) => {
                for p in &problems {
                    println!("{p}");
                }
                eprintln!(
                    "{} lỗi; không tạo gói / problem(s); no pack written",
                    problems.len()
                );
                Ok(ExitCode::FAILURE)
            }
            Err(e) => Err(e.into()),
        },
        Command::Verify { file, keys } => {
            let data = keys.data.dir()?;
            let info = pack::verify(file, &keys.trusted(&data)?)?;
            println!("OK: {}", describe(&info));
            Ok(ExitCode::SUCCESS)
        }
        Command::Install { file, keys, json } => {
            let data = keys.data.dir()?;
            let trusted = keys.trusted(&data)?;
            let report = pack::install(file, &data, &trusted)
                .with_context(|| format!("cannot install {}", file.display()))?;
            print_report("Đã cài / installed", &report, *json)?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Rollback { keys, json } => {
            let data = keys.data.dir()?;
            let report = pack::rollback(&data, &keys.trusted(&data)?)?;
            print_report("Đã quay về / rolled back to", &report, *json)?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Status { data, json } => {
            let data = data.dir()?;
            let status = pack::status(&data)?;
            if *json {
                println!("{}", serde_json::to_string_pretty(&status)?);
                return Ok(ExitCode::SUCCESS);
            }
            match (status.source, &status.pack) {
                (Source::Pack, Some(info)) => {
                    println!("Gói đang dùng / pack in use: {}", describe(info))
                }
                _ => println!("Sổ tay đi kèm ứng dụng / embedded handbook"),
            }
            if let Some(note) = &status.note {
                println!("{note}");
            }
            if let Some(prev) = &status.previous {
                println!("Có thể quay về / rollback available to: {}", describe(prev));
            }
            if let Some(changes) = &status.changes {
                print_changes(changes);
            }
            Ok(ExitCode::SUCCESS)
        }
    }
}

fn describe(info: &PackInfo) -> String {
    format!(
        "phiên bản / version {}, ngày / date {}, {} thủ tục / guides, {} tệp / files",
        info.version, info.date, info.guides, info.files
    )
}

fn print_report(what: &str, report: &InstallReport, json: bool) -> anyhow::Result<()> {
    if json {
        println!("{}", serde_json::to_string_pretty(report)?);
        return Ok(());
    }
    println!("{what}: {}", describe(&report.installed));
    if let Some(prev) = &report.previous {
        println!("Trước đó / before: {}", describe(prev));
    }
    print_changes(&report.changes);
    Ok(())
}

fn print_changes(changes: &pack::Changes) {
    for (label, codes) in [
        ("Thêm / added", &changes.added),
        ("Sửa / changed", &changes.changed),
        ("Bỏ / removed", &changes.removed),
    ] {
        println!("{label} ({}): {}", codes.len(), codes.join(", "));
    }
}
