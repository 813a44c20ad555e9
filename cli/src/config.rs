//! `sotay config set-pin|show|trust-key|kiosk [--data DIR]`: the installation's settings in the data
//! folder (the PIN, the trusted pack keys), and
//! the kiosk started at login (an XDG autostart entry, `sotay::autostart`).

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
    /// Đặt mã PIN quản trị (6–12 chữ số), nhập hai lần. / Set the kiosk administrator's PIN (6–12 digits),
    /// typed twice. Wrong attempts counted so far are forgotten.
    SetPin {
        #[command(flatten)]
        data: DataArg,
        /// Đặt mã PIN của quầy (cài và quay về gói cập nhật ở quầy cần mã này). / Set the desk PIN
        /// instead: installing or rolling back a content pack at a desk then needs it.
        #[arg(long)]
        desk: bool,
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
    /// Tin khoá công khai của văn phòng: gói cập nhật ký bằng khoá này được cài. / Trust a pack signing
    /// key: adds the public key of a minisign .pub file (from `sotay pack keygen`) to the config's
    /// `packs.trusted_keys`; content packs signed with it can then be installed (CLI and app).
    TrustKey {
        /// Tệp khoá công khai (.pub). / The public key file (.pub).
        #[arg(value_name = "PUB")]
        pubkey: PathBuf,
        #[command(flatten)]
        data: DataArg,
    },
    /// Bật hoặc tắt kiosk tự mở khi đăng nhập (tệp autostart XDG). / Start the kiosk at login, or stop
    /// doing so: writes or removes $XDG_CONFIG_HOME/autostart/sotay-kiosk.desktop (else
    /// ~/.config/autostart), which runs `sotay-desktop --kiosk`.
    Kiosk {
        /// Tự mở kiosk khi đăng nhập. / Start the kiosk at login.
        #[arg(
            long,
            conflicts_with = "no_autostart",
            required_unless_present = "no_autostart"
        )]
        autostart: bool,
        /// Thôi tự mở kiosk khi đăng nhập. / No longer start the kiosk at login (removes the entry).
        #[arg(long, visible_alias = "remove")]
        no_autostart: bool,
        /// Thư mục dữ liệu kiosk dùng (ghi vào lệnh khởi động; mặc định: thư mục mặc định). / The data
        /// folder the kiosk uses, written into the entry (default: the default data folder).
        #[arg(long, value_name = "DIR")]
        data: Option<PathBuf>,
    },
}

pub(crate) fn run(command: &Command) -> anyhow::Result<ExitCode> {
    match command {
        Command::SetPin {
            data,
            desk,
            pin_stdin,
        } => set_pin(&data.dir()?, *desk, *pin_stdin),
        Command::Show { data } => show(&data.dir()?),
        Command::TrustKey { pubkey, data } => trust_key(&data.dir()?, pubkey),
        Command::Kiosk {
            autostart, data, ..
        } => kiosk(*autostart, data.as_deref()),
    }
}

fn trust_key(dir: &Path, pubkey: &Path) -> anyhow::Result<ExitCode> {
    // Load first: a broken config is reported before anything changes, and other settings are kept.
    let mut config = Config::load(dir)?;
    let key = sotay::pack::PublicKey::from_file(pubkey)?;
    let line = key.to_base64();
    if config.packs.trusted_keys.contains(&line) {
        println!(
            "Khoá {} đã được tin từ trước / key {} was already trusted: {}",
            key.id(),
            key.id(),
            Config::path(dir).display()
        );
        return Ok(ExitCode::SUCCESS);
    }
    config.packs.trusted_keys.push(line);
    config.save(dir)?;
    println!(
        "Đã tin khoá {} / key {} trusted: {}",
        key.id(),
        key.id(),
        Config::path(dir).display()
    );
    Ok(ExitCode::SUCCESS)
}

fn kiosk(autostart: bool, data: Option<&Path>) -> anyhow::Result<ExitCode> {
    let dir = sotay::autostart::dir()?;
    if autostart {
        // The entry names an absolute folder: the session that runs it may start elsewhere.
        let data = match data {
            Some(d) => Some(std::path::absolute(d).context("the data folder")?),
            None => None,
        };
        let path = sotay::autostart::enable(&dir, data.as_deref())?;
        println!(
            "Kiosk sẽ tự mở khi đăng nhập / the kiosk will start at login: {}",
            path.display()
        );
    } else if sotay::autostart::disable(&dir)? {
        println!(
            "Đã tắt tự mở kiosk / the kiosk no longer starts at login: removed {}",
            dir.join(sotay::autostart::FILE_NAME).display()
        );
    } else {
        println!(
            "Kiosk chưa được đặt tự mở / the kiosk was not set to start at login: nothing to remove in {}",
            dir.display()
        );
    }
    Ok(ExitCode::SUCCESS)
}

fn set_pin(dir: &Path, desk: bool, pin_stdin: bool) -> anyhow::Result<ExitCode> {
    // Load first: a broken config is reported before the PIN is asked for, and other settings are kept.
    let mut config = Config::load(dir)?;
    let stdin = std::io::stdin();
    let mut input = stdin.lock();
    let pin = if pin_stdin {
        read_line(&mut input)?
    } else {
        let _quiet = Quiet::new();
        prompt("Mã PIN mới / new PIN (6–12 chữ số / digits): ")?;
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
        bail!("{} / a PIN is 6 to 12 digits; nothing changed", e.message);
    }
    let hash = Some(config::hash_pin(&pin)?);
    if desk {
        config.desk.pin_hash = hash;
    } else {
        config.kiosk.pin_hash = hash;
    }
    config.save(dir)?;
    sotay::lockout::reset(dir)?;
    println!(
        "Đã đặt mã PIN {} / {} PIN set: {}",
        if desk { "quầy" } else { "quản trị" },
        if desk { "desk" } else { "kiosk" },
        Config::path(dir).display()
    );
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
    println!("kiosk.pin = {}", pin_state(k.pin_hash.as_deref()));
    println!("kiosk.idle_seconds = {}", k.idle_seconds);
    println!("kiosk.warning_seconds = {}", k.warning_seconds);
    let sp = &config.speech;
    println!("speech.enabled = {}", sp.enabled);
    println!(
        "speech.region = {:?} (espeak-ng voice {})",
        sp.region,
        sp.region.voice()
    );
    println!("speech.rate = {}", sp.rate);
    println!("speech.volume_db = {}", sp.volume_db);
    println!("speech.device = {}", sp.device);
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
    println!("desk.pin = {}", pin_state(config.desk.pin_hash.as_deref()));
    println!("office.level = {}", config.office.level.id());
    if let Some(left) = sotay::lockout::locked_out(dir, std::time::SystemTime::now())? {
        println!(
            "PIN: locked out for {} s more after wrong attempts (`sotay config set-pin` ends it)",
            left.as_secs()
        );
    }
    Ok(ExitCode::SUCCESS)
}

/// "set", "not set", or a warning when the PIN was set by an older sotay with a cheaper hash.
fn pin_state(hash: Option<&str>) -> &'static str {
    match hash {
        None => "not set",
        Some(h) if config::pin_hash_is_weak(h) => {
            "set, with an older, weaker hash (and maybe only 4 digits): set it again with `sotay config set-pin`"
        }
        Some(_) => "set",
    }
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
