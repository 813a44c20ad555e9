//! `xtask`: what packaging needs from the sources but the programs do not — the man pages and shell
//! completions of `sotay`, generated from its clap definition so they never drift from `--help`, and the
//! extra files of the `.deb` (the CLI, the kiosk desktop entry, the licence, the changelog).
//!
//! `cargo run -p xtask -- package-files --sotay BIN --out DIR` fills `DIR/root/` with those files laid
//! out as installed (`usr/bin/sotay`, `usr/share/man/man1/*.1.gz`, completions, `usr/share/doc/sotay/`,
//! the kiosk entry) and writes `DIR/tauri.deb.json`, the configuration that `tauri build --config` merges
//! in to map each of them into the package (`bundle.linux.deb.files`). The generators (`clap_mangen`,
//! `clap_complete`) live here only: neither the CLI nor the desktop app links them.
//!
//! `cargo run --release -p xtask -- bench` (from the repository root) is the developer-only benchmark:
//! index build time, index size, memory and query latency of the tantivy engine against SQLite FTS5
//! over the same documents, with both engines' relevance ([`bench`]). It is not part of the shipped CLI.
//!
//! The CLI's own modules are compiled in through `#[path]`, as its `main.rs` declares them.

#[allow(dead_code, unreachable_pub, missing_docs)]
#[path = "../../cli/src/main.rs"]
mod sotay_cli;

mod bench;
mod fts5;

// What the CLI's modules (and the benchmark) reach through `crate::`, at this crate's root as at the
// CLI's.
use sotay_cli::{ContentArg, config, metrics};

use std::collections::BTreeMap;
use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::{Context, bail};
use clap::{CommandFactory, Parser};

/// Development tasks of sotay.
#[derive(Parser)]
#[command(name = "xtask")]
enum Task {
    /// Lays out the package's extra files and the Tauri configuration that maps them into the `.deb`.
    PackageFiles {
        /// The `sotay` binary to ship.
        #[arg(long, value_name = "BIN")]
        sotay: PathBuf,
        /// The folder to fill (emptied first).
        #[arg(long, value_name = "DIR")]
        out: PathBuf,
    },
    /// Benchmarks speed, memory and relevance against SQLite FTS5 (run from the repository root).
    Bench(bench::Args),
}

/// Where Debian packages keep their licence and changelog (the package is named `sotay`).
const SHARE_DOC: &str = "usr/share/doc/sotay";

fn main() -> anyhow::Result<()> {
    match Task::parse() {
        Task::PackageFiles { sotay, out } => package_files(&sotay, &out),
        Task::Bench(args) => bench::run(&args),
    }
}

fn package_files(sotay: &Path, out: &Path) -> anyhow::Result<()> {
    if !sotay.is_file() {
        bail!("{} is not a file: build the CLI first", sotay.display());
    }
    let repo = Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .context("the repository")?
        .to_path_buf();
    if out.exists() {
        fs::remove_dir_all(out).with_context(|| format!("empty {}", out.display()))?;
    }
    let root = out.join("root");
    let mut files = Vec::new();

    let bin = root.join("usr/bin/sotay");
    copy(sotay, &bin)?;
    files.push(bin);

    files.extend(man_pages(&root.join("usr/share/man/man1"))?);
    files.extend(completions(&root)?);

    let doc = root.join(SHARE_DOC);
    let copyright = doc.join("copyright");
    write(&copyright, copyright_text().as_bytes())?;
    files.push(copyright);
    let changelog = doc.join("changelog.gz");
    let text = fs::read_to_string(repo.join("CHANGELOG.md")).context("CHANGELOG.md")?;
    write(&changelog, &gzip(text.as_bytes())?)?;
    files.push(changelog);

    let kiosk = root.join("usr/share/applications/sotay-kiosk.desktop");
    copy(
        &repo.join("src-tauri/packaging/sotay-kiosk.desktop"),
        &kiosk,
    )?;
    files.push(kiosk);

    // tauri.conf.json's relative paths are relative to src-tauri/: absolute ones here, so the staging
    // folder can be anywhere (under CARGO_TARGET_DIR).
    let root = std::path::absolute(&root)?;
    let mut map = BTreeMap::new();
    for f in &files {
        let f = std::path::absolute(f)?;
        let inside = f.strip_prefix(&root).context("a file outside the root")?;
        map.insert(
            format!("/{}", inside.display()),
            f.to_str().context("a non-UTF-8 path")?.to_string(),
        );
    }
    let config = serde_json::json!({ "bundle": { "linux": { "deb": { "files": map } } } });
    let config_path = out.join("tauri.deb.json");
    write(
        &config_path,
        serde_json::to_string_pretty(&config)?.as_bytes(),
    )?;
    println!(
        "{} files staged in {}; tauri build --config {}",
        map.len(),
        root.display(),
        config_path.display()
    );
    Ok(())
}

/// `sotay.1` and one page per subcommand (`sotay-config-set-pin.1`, …), gzip-compressed as Debian
/// installs man pages.
fn man_pages(dir: &Path) -> anyhow::Result<Vec<PathBuf>> {
    let mut out = Vec::new();
    // Built once from the root, so each subcommand carries its full name ("sotay-config-set-pin").
    let mut cmd = sotay_cli::Cli::command().disable_help_subcommand(true);
    cmd.build();
    page(cmd, dir, &mut out)?;
    Ok(out)
}

fn page(cmd: clap::Command, dir: &Path, out: &mut Vec<PathBuf>) -> anyhow::Result<()> {
    for sub in cmd.get_subcommands().filter(|s| !s.is_hide_set()) {
        page(sub.clone(), dir, out)?;
    }
    let name = cmd
        .get_display_name()
        .unwrap_or_else(|| cmd.get_name())
        .to_string();
    let mut roff = Vec::new();
    clap_mangen::Man::new(cmd)
        .title(name.to_uppercase())
        .section("1")
        .source(format!("sotay {}", env!("CARGO_PKG_VERSION")))
        .manual("Sổ tay thủ tục hành chính")
        .render(&mut roff)?;
    let path = dir.join(format!("{name}.1.gz"));
    write(&path, &gzip(&roff)?)?;
    out.push(path);
    Ok(())
}

/// Bash, zsh and fish completions, where each shell looks for a package's completions.
fn completions(root: &Path) -> anyhow::Result<Vec<PathBuf>> {
    use clap_complete::Shell;
    let mut out = Vec::new();
    for (shell, path) in [
        (Shell::Bash, "usr/share/bash-completion/completions/sotay"),
        (Shell::Zsh, "usr/share/zsh/vendor-completions/_sotay"),
        (
            Shell::Fish,
            "usr/share/fish/vendor_completions.d/sotay.fish",
        ),
    ] {
        let mut text = Vec::new();
        clap_complete::generate(shell, &mut sotay_cli::Cli::command(), "sotay", &mut text);
        let path = root.join(path);
        write(&path, &text)?;
        out.push(path);
    }
    Ok(out)
}

/// The licence the workspace declares (`license = "MIT"` in Cargo.toml), in Debian's copyright format.
fn copyright_text() -> String {
    format!(
        "Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/\n\
         Upstream-Name: sotay\n\
         Comment: the licence is the one the project's Cargo.toml declares (license = \"{}\");\n \
         the repository names no copyright holder.\n\
         \n\
         Files: *\n\
         Copyright: the sotay contributors\n\
         License: MIT\n \
         Permission is hereby granted, free of charge, to any person obtaining a copy\n \
         of this software and associated documentation files (the \"Software\"), to deal\n \
         in the Software without restriction, including without limitation the rights\n \
         to use, copy, modify, merge, publish, distribute, sublicense, and/or sell\n \
         copies of the Software, and to permit persons to whom the Software is\n \
         furnished to do so, subject to the following conditions:\n \
         .\n \
         The above copyright notice and this permission notice shall be included in all\n \
         copies or substantial portions of the Software.\n \
         .\n \
         THE SOFTWARE IS PROVIDED \"AS IS\", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR\n \
         IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY,\n \
         FITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE\n \
         AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER\n \
         LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM,\n \
         OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN THE\n \
         SOFTWARE.\n",
        env!("CARGO_PKG_LICENSE")
    )
}

fn gzip(bytes: &[u8]) -> anyhow::Result<Vec<u8>> {
    let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    enc.write_all(bytes)?;
    Ok(enc.finish()?)
}

fn write(path: &Path, bytes: &[u8]) -> anyhow::Result<()> {
    if let Some(dir) = path.parent() {
        fs::create_dir_all(dir).with_context(|| format!("create {}", dir.display()))?;
    }
    fs::write(path, bytes).with_context(|| format!("write {}", path.display()))
}

fn copy(from: &Path, to: &Path) -> anyhow::Result<()> {
    if let Some(dir) = to.parent() {
        fs::create_dir_all(dir).with_context(|| format!("create {}", dir.display()))?;
    }
    fs::copy(from, to).with_context(|| format!("copy {} to {}", from.display(), to.display()))?;
    Ok(())
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use super::*;

    #[test]
    fn every_subcommand_gets_a_man_page() {
        let tmp = tempfile::tempdir().unwrap();
        let pages = man_pages(tmp.path()).unwrap();
        let names: Vec<String> = pages
            .iter()
            .map(|p| p.file_name().unwrap().to_string_lossy().into_owned())
            .collect();
        for name in [
            "sotay.1.gz",
            "sotay-config.1.gz",
            "sotay-config-set-pin.1.gz",
            "sotay-config-kiosk.1.gz",
            "sotay-pack-install.1.gz",
            "sotay-check.1.gz",
        ] {
            assert!(names.iter().any(|n| n == name), "{name} in {names:?}");
        }
        let mut text = String::new();
        std::io::Read::read_to_string(
            &mut flate2::read::GzDecoder::new(
                &fs::read(tmp.path().join("sotay-config-kiosk.1.gz")).unwrap()[..],
            ),
            &mut text,
        )
        .unwrap();
        assert!(text.contains(".TH SOTAY-CONFIG-KIOSK 1"), "{text}");
        assert!(text.contains("autostart"), "{text}");
    }

    #[test]
    fn completions_know_the_subcommands() {
        let tmp = tempfile::tempdir().unwrap();
        let files = completions(tmp.path()).unwrap();
        assert_eq!(files.len(), 3);
        for f in files {
            let text = fs::read_to_string(&f).unwrap();
            assert!(text.contains("set-pin"), "{}", f.display());
        }
    }
}
