//! The library's one error type.

use std::fmt;
use std::path::PathBuf;

/// A problem found in a content file, with the place it was found.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Problem {
    /// The file, relative to the content root (for example `ho-tich/dang-ky-ket-hon.md`).
    pub file: String,
    /// The 1-based line, when the problem has one.
    pub line: Option<usize>,
    /// What is wrong, in words a content editor understands.
    pub message: String,
    /// A warning is listed by `sotay check` but does not make the content invalid.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub warning: bool,
}

impl Problem {
    /// A problem at a line of a file (`line` 0 means the whole file).
    pub fn new(file: impl Into<String>, line: usize, message: impl Into<String>) -> Self {
        Problem {
            file: file.into(),
            line: (line > 0).then_some(line),
            message: message.into(),
            warning: false,
        }
    }

    /// A warning at a line of a file: listed, but the content stays valid.
    pub fn warning(file: impl Into<String>, line: usize, message: impl Into<String>) -> Self {
        Problem {
            warning: true,
            ..Problem::new(file, line, message)
        }
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let tag = if self.warning {
            "cảnh báo / warning: "
        } else {
            ""
        };
        match self.line {
            Some(line) => write!(f, "{}:{}: {tag}{}", self.file, line, self.message),
            None => write!(f, "{}: {tag}{}", self.file, self.message),
        }
    }
}

/// A value a person typed that was refused, named by its field, with a message to show next to it.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct FieldError {
    /// The field, as the snake_case key of the input (`phone`, `summary`, `pin`…).
    pub field: String,
    /// What is wrong, in Vietnamese, for the person who typed it.
    pub message: String,
}

impl FieldError {
    /// A refusal of `field` with `message`.
    pub fn new(field: impl Into<String>, message: impl Into<String>) -> Self {
        FieldError {
            field: field.into(),
            message: message.into(),
        }
    }
}

impl fmt::Display for FieldError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.field, self.message)
    }
}

/// Everything that can go wrong in the library.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// A file or folder could not be read or written.
    #[error("{}: {source}", path.display())]
    Io {
        /// The path that failed.
        path: PathBuf,
        /// The underlying error.
        #[source]
        source: std::io::Error,
    },
    /// The content failed validation; every problem found is listed.
    #[error("{} problem(s) in the content:\n{}", .0.len(), list(.0))]
    Invalid(Vec<Problem>),
    /// No guide has this national code.
    #[error("no procedure with code {0}")]
    UnknownCode(String),
    /// The search index could not be built or queried.
    #[error("search index: {0}")]
    Index(#[from] tantivy::TantivyError),
    /// An input file (evaluation set, import source) is malformed.
    #[error("{file}:{line}: {message}")]
    BadInput {
        /// The file.
        file: String,
        /// The 1-based line (0 when unknown).
        line: usize,
        /// What is wrong.
        message: String,
    },
    /// JSON could not be read or written.
    #[error("JSON: {0}")]
    Json(#[from] serde_json::Error),
    /// An engine snapshot is damaged, or was made from other content or by another build.
    #[error("engine snapshot: {0}")]
    Snapshot(String),
    /// A content pack was refused: damaged or altered, not signed by a trusted key, holding unsafe
    /// entries, too large, or not newer than the installed one. Nothing was installed.
    #[error("pack rejected: {0}")]
    PackRejected(String),
    /// A pack operation could not be done (keys, the installed packs, rollback, a concurrent install).
    #[error("{0}")]
    Pack(String),
    /// Input typed by a person (a petition, a rating, a PIN) was refused; every refused field is listed.
    #[error("{}", list(.0))]
    InvalidFields(Vec<FieldError>),
    /// A SQLite database could not be opened, read or written.
    #[error("{}: {source}", path.display())]
    Database {
        /// The database file.
        path: PathBuf,
        /// The underlying error.
        #[source]
        source: rusqlite::Error,
    },
    /// A database was written by a newer sotay than this one; it is left untouched.
    #[error(
        "{}: schema version {found} is newer than this program knows ({known}); use a newer sotay",
        path.display()
    )]
    SchemaTooNew {
        /// The database file.
        path: PathBuf,
        /// The version found in the file.
        found: i64,
        /// The newest version this program knows.
        known: i64,
    },
    /// The installation's settings cannot be used (no data folder, a PIN that cannot be hashed).
    #[error("{0}")]
    Config(String),
    /// A feedback operation was refused or only partly done (no database at the path given, an export
    /// that would overwrite the database, an export written whose petitions could not be marked); the
    /// message says what exists now and what to do.
    #[error("{0}")]
    Feedback(String),
    /// Speech output could not run (espeak-ng or the audio player missing or failing); the message says
    /// which program and why.
    #[error("{0}")]
    Speech(String),
    /// A declaration form could not be found or rendered.
    #[error("form: {0}")]
    Form(String),
}

fn list<T: fmt::Display>(problems: &[T]) -> String {
    problems
        .iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join("\n")
}

impl Error {
    /// Wraps an I/O error with the path it concerns.
    pub fn io(path: impl Into<PathBuf>, source: std::io::Error) -> Self {
        Error::Io {
            path: path.into(),
            source,
        }
    }
}

/// The library's result type.
pub type Result<T, E = Error> = std::result::Result<T, E>;
