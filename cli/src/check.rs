//! `sotay check [DIR]`: loads a content folder the way the app would and lists every problem with its
//! `file:line`; the date rules (a fee past or near its end date) run against `--today` or the system
//! date. Warnings are listed and do not fail the check.

use std::path::Path;
use std::process::ExitCode;

use sotay::{Error, Handbook};

pub(crate) fn run(dir: Option<&Path>, today: Option<&str>) -> anyhow::Result<ExitCode> {
    let today = match today {
        Some(t) if sotay::content::audit::is_date(t) => t.to_string(),
        Some(t) => anyhow::bail!("--today \"{t}\" is not a date like 2027-01-02"),
        None => sotay::catalogue::today(),
    };
    match Handbook::check(dir, &today) {
        Ok(h) => {
            println!(
                "OK: {} thủ tục, {} tờ khai, {} sự kiện cuộc sống, {} nhóm dễ nhầm, {} mục thuật ngữ ({}), {} cảnh báo / warning(s) ({today})",
                h.guides.len(),
                h.forms.len(),
                h.life_events.len(),
                h.families.len(),
                h.glossary.len(),
                h.info.origin,
                h.warnings.len(),
            );
            for w in &h.warnings {
                println!("{w}");
            }
            Ok(ExitCode::SUCCESS)
        }
        Err(Error::Invalid(problems)) => {
            for p in &problems {
                println!("{p}");
            }
            let errors = problems.iter().filter(|p| !p.warning).count();
            eprintln!(
                "{errors} lỗi / problem(s), {} cảnh báo / warning(s) ({today})",
                problems.len() - errors
            );
            Ok(ExitCode::FAILURE)
        }
        Err(e) => Err(e.into()),
    }
}
