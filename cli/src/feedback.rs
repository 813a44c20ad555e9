//! `sotay feedback export|add|stats`: the citizens' ratings and petitions database.

use std::io::{BufRead, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context;
use sotay::Error;
use sotay::config::Config;
use sotay::feedback::{FeedbackStore, PetitionInput};

use crate::config::DataArg;

/// Which database: `--db PATH`, else `feedback.sqlite3` in the data folder.
#[derive(clap::Args, Clone)]
pub(crate) struct DbArg {
    /// Tệp cơ sở dữ liệu góp ý. / The feedback database file.
    #[arg(long, value_name = "PATH", conflicts_with = "data")]
    db: Option<PathBuf>,
    #[command(flatten)]
    data: DataArg,
}

impl DbArg {
    /// The database file this run uses.
    fn path(&self) -> anyhow::Result<PathBuf> {
        Ok(match &self.db {
            Some(p) => p.clone(),
            None => FeedbackStore::default_path(&self.data.dir()?),
        })
    }

    /// The database, created when missing (for adding petitions).
    fn open(&self) -> anyhow::Result<FeedbackStore> {
        Ok(FeedbackStore::open(&self.path()?)?)
    }

    /// The existing database, to change it: a missing one is an error, never a new empty one.
    fn open_existing(&self) -> anyhow::Result<FeedbackStore> {
        Ok(FeedbackStore::open_existing(&self.path()?)?)
    }

    /// The existing database, read-only: no write lock, works in a read-only folder.
    fn open_read_only(&self) -> anyhow::Result<FeedbackStore> {
        Ok(FeedbackStore::open_read_only(&self.path()?)?)
    }
}

#[derive(clap::Subcommand)]
pub(crate) enum Command {
    /// Xuất kiến nghị, phản ánh và đánh giá ra tệp CSV (luôn có dòng tiêu đề). / Export petitions and
    /// ratings to CSV (the header row is always written). Without --purge the database is only read;
    /// with --purge the retention setting is applied first.
    Export {
        #[command(flatten)]
        db: DbArg,
        /// Tệp CSV cần ghi. / The CSV file to write.
        #[arg(long, value_name = "FILE.csv")]
        out: PathBuf,
        /// Xoá các kiến nghị, phản ánh đã xuất. / Delete the exported petitions once the file is written
        /// and read back.
        #[arg(long)]
        purge: bool,
    },
    /// Nhập kiến nghị, phản ánh dạng JSON, mỗi dòng một bản (ví dụ từ phiếu giấy); in `ok <id>` sau khi
    /// lưu. / Add petitions given as JSON lines on standard input; prints `ok <id>` after each commit or
    /// `invalid <line>: <messages>`.
    Add {
        #[command(flatten)]
        db: DbArg,
    },
    /// Số kiến nghị, phản ánh và đánh giá đang lưu. / How many petitions and ratings are stored.
    Stats {
        #[command(flatten)]
        db: DbArg,
        /// In dạng JSON. / Print JSON.
        #[arg(long)]
        json: bool,
    },
}

pub(crate) fn run(command: &Command) -> anyhow::Result<ExitCode> {
    match command {
        Command::Export { db, out, purge } => export(db, out, *purge),
        Command::Add { db } => add(db),
        Command::Stats { db, json } => stats(db, *json),
    }
}

fn export(db: &DbArg, out: &std::path::Path, purge: bool) -> anyhow::Result<ExitCode> {
    let store = if purge {
        // The retention setting is the installation's (the data folder's config), whichever database
        // is used. It never deletes a petition that was not exported.
        let config = Config::load(&db.data.dir()?)?;
        let store = db.open_existing()?;
        let expired = store.apply_retention(config.feedback.retention_days)?;
        if expired > 0 {
            eprintln!(
                "Đã xoá {expired} bản quá {} ngày / deleted {expired} record(s) older than {} days",
                config.feedback.retention_days, config.feedback.retention_days
            );
        }
        store
    } else {
        db.open_read_only()?
    };
    let s = store.export_csv(out, purge)?;
    println!(
        "{}: {} kiến nghị/phản ánh, {} đánh giá / {} petition(s), {} rating(s); đã xoá / purged: {}",
        s.path, s.petitions, s.ratings, s.petitions, s.ratings, s.purged
    );
    Ok(ExitCode::SUCCESS)
}

fn add(db: &DbArg) -> anyhow::Result<ExitCode> {
    let store = db.open()?;
    let stdin = std::io::stdin();
    let mut stdout = std::io::stdout().lock();
    let (mut added, mut refused) = (0usize, 0usize);
    for (i, line) in stdin.lock().lines().enumerate() {
        let line = line?;
        if line.trim().is_empty() {
            continue;
        }
        let n = i + 1;
        match add_line(&store, &line).with_context(|| format!("line {n}"))? {
            Line::Stored(id) => {
                added += 1;
                writeln!(stdout, "ok {id}")?;
            }
            Line::Refused(why) => {
                refused += 1;
                writeln!(stdout, "invalid {n}: {why}")?;
            }
        }
        stdout.flush()?;
    }
    eprintln!("{added} đã lưu / stored, {refused} bị từ chối / refused");
    Ok(if refused == 0 {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    })
}

/// What became of one input line.
enum Line {
    /// Committed with this id.
    Stored(i64),
    /// Not JSON of a petition, or refused by validation: why.
    Refused(String),
}

/// Stores one JSON line; a database failure (not the line's fault) is an error that stops the run.
fn add_line(store: &FeedbackStore, line: &str) -> anyhow::Result<Line> {
    let p = match serde_json::from_str::<PetitionInput>(line) {
        Ok(p) => p,
        Err(e) => return Ok(Line::Refused(format!("JSON: {e}"))),
    };
    match store.add_petition(&p) {
        Ok(id) => Ok(Line::Stored(id)),
        Err(Error::InvalidFields(fields)) => Ok(Line::Refused(
            fields
                .iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
                .join("; "),
        )),
        Err(e) => Err(e.into()),
    }
}

fn stats(db: &DbArg, json: bool) -> anyhow::Result<ExitCode> {
    let store = db.open_read_only()?;
    let counts = store.counts()?;
    if json {
        println!("{}", serde_json::to_string_pretty(&counts)?);
        return Ok(ExitCode::SUCCESS);
    }
    let mut levels = [0usize; 3];
    for r in store.ratings()? {
        if let Some(n) = levels.get_mut(usize::from(r.level).wrapping_sub(1)) {
            *n += 1;
        }
    }
    println!("database = {}", store.path().display());
    println!(
        "petitions = {} (not exported: {})",
        counts.petitions, counts.petitions_not_exported
    );
    println!(
        "ratings = {} (Không hài lòng: {}, Hài lòng: {}, Rất hài lòng: {})",
        counts.ratings, levels[0], levels[1], levels[2]
    );
    Ok(ExitCode::SUCCESS)
}
