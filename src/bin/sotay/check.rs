//! `sotay check [DIR]`.

use std::path::Path;
use std::process::ExitCode;

use sotay::{Error, Handbook};

pub(crate) fn run(dir: Option<&Path>) -> anyhow::Result<ExitCode> {
    match Handbook::load(dir) {
        Ok(h) => {
            println!(
                "OK: {} thủ tục, {} sự kiện cuộc sống, {} nhóm dễ nhầm, {} mục thuật ngữ ({})",
                h.guides.len(),
                h.life_events.len(),
                h.families.len(),
                h.glossary.len(),
                h.info.origin
            );
            Ok(ExitCode::SUCCESS)
        }
        Err(Error::Invalid(problems)) => {
            for p in &problems {
                println!("{p}");
            }
            eprintln!("{} lỗi / problem(s)", problems.len());
            Ok(ExitCode::FAILURE)
        }
        Err(e) => Err(e.into()),
    }
}
