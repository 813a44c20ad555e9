//! `sotay form list | check | render`: the official declaration forms of a handbook, for the content
//! office and the tests. `render` writes the A4 PDF, blank or filled from a JSON object of field values
//! (checked first; a refused value is listed with its message and nothing is written).

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::Context;
use clap::Subcommand;
use sotay::{Error, Handbook};

#[derive(Subcommand)]
pub(crate) enum Command {
    /// Liệt kê các tờ khai và căn cứ pháp lý. / List the forms with their legal source.
    List {
        /// Thư mục nội dung (mặc định: sổ tay đóng gói). / Content folder (default: the embedded one).
        #[arg(long, value_name = "DIR")]
        content: Option<PathBuf>,
    },
    /// Kiểm tra các tờ khai (cũng chạy trong `sotay check`). / Check the forms (also part of `sotay check`).
    Check {
        /// Thư mục nội dung. / Content folder (default: the embedded one).
        dir: Option<PathBuf>,
    },
    /// Xuất tờ khai ra PDF khổ A4, để trống hoặc đã điền. / Render a form as an A4 PDF, blank or filled.
    Render {
        /// Mã tờ khai (`sotay form list`). / The form's id (see `sotay form list`).
        code: String,
        /// Tệp JSON các giá trị đã điền: {"ho_ten": "…"}. / JSON object of field values.
        #[arg(long, value_name = "FILE.json")]
        data: Option<PathBuf>,
        /// Tệp PDF ghi ra. / The PDF file to write.
        #[arg(long, value_name = "FILE.pdf")]
        out: PathBuf,
        /// Thư mục nội dung. / Content folder (default: the embedded one).
        #[arg(long, value_name = "DIR")]
        content: Option<PathBuf>,
    },
}

pub(crate) fn run(command: &Command) -> anyhow::Result<ExitCode> {
    match command {
        Command::List { content } => {
            let h = Handbook::load(content.as_deref())?;
            for f in &h.forms {
                println!(
                    "{}\t{}\t{}\t{}{}",
                    f.id,
                    f.code.as_deref().unwrap_or("-"),
                    f.title,
                    f.source,
                    f.effective
                        .as_deref()
                        .map(|e| format!(" (hiệu lực {e})"))
                        .unwrap_or_default()
                );
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Check { dir } => match Handbook::load(dir.as_deref()) {
            Ok(h) => {
                println!("OK: {} tờ khai / form(s)", h.forms.len());
                Ok(ExitCode::SUCCESS)
            }
            Err(Error::Invalid(problems)) => {
                let mut n = 0;
                for p in problems
                    .iter()
                    .filter(|p| is_form_problem(&p.file, &p.message))
                {
                    println!("{p}");
                    n += 1;
                }
                if n == 0 {
                    eprintln!(
                        "the content has {} other problem(s): run `sotay check`",
                        problems.len()
                    );
                }
                Ok(ExitCode::FAILURE)
            }
            Err(e) => Err(e.into()),
        },
        Command::Render {
            code,
            data,
            out,
            content,
        } => render(code, data.as_deref(), out, content.as_deref()),
    }
}

fn is_form_problem(file: &str, message: &str) -> bool {
    sotay::forms::is_form_path(file) || message.contains("unknown form")
}

fn render(
    code: &str,
    data: Option<&Path>,
    out: &Path,
    content: Option<&Path>,
) -> anyhow::Result<ExitCode> {
    let h = Handbook::load(content)?;
    let Some(form) = h.form(code) else {
        let known: Vec<&str> = h.forms.iter().map(|f| f.id.as_str()).collect();
        anyhow::bail!("no form \"{code}\"; forms: {}", known.join(", "));
    };
    let values = match data {
        Some(path) => {
            let text = std::fs::read_to_string(path)
                .with_context(|| format!("cannot read {}", path.display()))?;
            let input: BTreeMap<String, String> =
                serde_json::from_str(&text).with_context(|| {
                    format!("{}: expected a JSON object of text values", path.display())
                })?;
            match sotay::forms::validate(form, &input) {
                Ok(v) => Some(v),
                Err(errors) => {
                    for e in &errors {
                        eprintln!("{}: {e}", path.display());
                    }
                    return Ok(ExitCode::FAILURE);
                }
            }
        }
        None => None,
    };
    let pdf = sotay::forms::pdf::render(form, values.as_ref())?;
    std::fs::write(out, pdf).with_context(|| format!("cannot write {}", out.display()))?;
    println!("{}", out.display());
    Ok(ExitCode::SUCCESS)
}
