//! `sotay config set-pin|show [--data DIR]`: the installation's settings in the data folder.

use std::io::{BufRead, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context, bail};
use sotay::config::{self, Config};

/// The data folder option shared by the commands that use the installation's files.
#[derive(clap::Args, Clone)]
pub(crate) struct DataArg {
    /// Thư mục dữ liệu (mặc định: $SOTAY_DATA_DIR, hoặc thư mục dữ liệu của ứng dụng). / Data folder
    /// (default: $SOTAY_DATA_DIR, else the app's platform data folder).
    #[arg(long, value_name = "DIR")]
    pub(crate) data: Option<PathBuf>,
}

impl DataArg {
    /// The data folder this run uses.
    pub(crate) fn dir(&self) -> anyhow::Result<PathBuf> {
        Ok(config::data_dir(self.data.as_deref())?)
    }
}

#[derive(clap::Subcommand)]
pub(crate) enum Command {
    /// Đặt mã PIN quản trị (4–12 chữ số), nhập hai lần. / Set the kiosk administrator's PIN (4–12 digits),
    /// typed twice.
    SetPin {
        #[command(flatten)]
        data: DataArg,
        /// Đọc mã PIN từ một dòng của đầu vào chuẩn, không hỏi lại (cho script). / Read the PIN from one
        /// line of standard input, without confirmation (for scripts).
        #[arg(long)]
        pin_stdin: bool,
    },
    /// Xem cấu hình (không in mã PIN). / Show the config (never the PIN hash).
    Show {
        #[command(flatten)]
        data: DataArg,
    },
}

pub(crate) fn run(command: &Command) -> anyhow::Result<ExitCode> {
    match command {
        Command::SetPin { data, pin_stdin } => set_pin(&data.dir()?, *pin_stdin),
        Command::Show { data } => show(&data.dir()?),
    }
}

fn set_pin(dir: &Path, pin_stdin: bool) -> anyhow::Result<ExitCode> {
    // Load first: a broken config is reported before the PIN is asked for, and other settings are kept.
    let mut config = Config::load(dir)?;
    let stdin = std::io::stdin();
    let mut input = stdin.lock();
    let pin = if pin_stdin {
        read_line(&mut input)?
    } else {
        let _quiet = Quiet::new();
        prompt("Mã PIN mới / new PIN (4–12 chữ số / digits): ")?;
        let first = read_line(&mut input)?;
        prompt("\nNhập lại / again: ")?;
        let second = read_line(&mut input)?;
        eprintln!();
        if first != second {
            bail!("hai lần nhập không khớp / the two PINs differ; nothing changed");
        }
        first
    };
    if let Some(e) = config::pin_error(&pin) {
        bail!("{} / a PIN is 4 to 12 digits; nothing changed", e.message);
    }
    config.kiosk.pin_hash = Some(config::hash_pin(&pin)?);
    config.save(dir)?;
    println!("Đã đặt mã PIN / PIN set: {}", Config::path(dir).display());
    Ok(ExitCode::SUCCESS)
}

fn show(dir: &Path) -> anyhow::Result<ExitCode> {
    let path = Config::path(dir);
    let config = Config::load(dir)?;
    println!("data_dir = {}", dir.display());
    println!(
        "config_file = {}{}",
        path.display(),
        if path.exists() {
            ""
        } else {
            " (not present: defaults)"
        }
    );
    let k = &config.kiosk;
    println!("kiosk.enabled = {}", k.enabled);
    println!(
        "kiosk.pin = {}",
        if k.pin_hash.is_some() {
            "set"
        } else {
            "not set"
        }
    );
    println!("kiosk.idle_seconds = {}", k.idle_seconds);
    println!("kiosk.warning_seconds = {}", k.warning_seconds);
    println!(
        "feedback.retention_days = {}{}",
        config.feedback.retention_days,
        if config.feedback.retention_days == 0 {
            " (keep forever)"
        } else {
            ""
        }
    );
    println!("packs.trusted_keys = {}", config.packs.trusted_keys.len());
    for key in &config.packs.trusted_keys {
        println!("  {key}");
    }
    Ok(ExitCode::SUCCESS)
}

fn prompt(text: &str) -> anyhow::Result<()> {
    let mut err = std::io::stderr();
    err.write_all(text.as_bytes())?;
    err.flush()?;
    Ok(())
}

/// One line of input without its line end; end of input before any line is an error.
fn read_line(input: &mut impl BufRead) -> anyhow::Result<String> {
    let mut line = String::new();
    let n = input.read_line(&mut line).context("reading the PIN")?;
    if n == 0 {
        bail!("no PIN on standard input; nothing changed");
    }
    Ok(line.trim_end_matches(['\n', '\r']).trim().to_string())
}

/// Turns terminal echo off while the PIN is typed, when standard input is a terminal; restores it on drop.
struct Quiet {
    #[cfg(unix)]
    saved: Option<libc::termios>,
}

impl Quiet {
    fn new() -> Quiet {
        #[cfg(unix)]
        {
            // SAFETY: termios is plain data; tcgetattr fills it or fails, and we only use it on success.
            unsafe {
                let mut t: libc::termios = std::mem::zeroed();
                if libc::isatty(0) == 1 && libc::tcgetattr(0, &mut t) == 0 {
                    let saved = t;
                    t.c_lflag &= !libc::ECHO;
                    if libc::tcsetattr(0, libc::TCSANOW, &t) == 0 {
                        return Quiet { saved: Some(saved) };
                    }
                }
            }
            Quiet { saved: None }
        }
        #[cfg(not(unix))]
        Quiet {}
    }
}

impl Drop for Quiet {
    fn drop(&mut self) {
        #[cfg(unix)]
        if let Some(saved) = &self.saved {
            // SAFETY: restores the settings read by tcgetattr on the same descriptor.
            unsafe {
                libc::tcsetattr(0, libc::TCSANOW, saved);
            }
        }
    }
}
