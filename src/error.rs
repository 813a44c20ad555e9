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
}

impl Problem {
    /// A problem at a line of a file (`line` 0 means the whole file).
    pub fn new(file: impl Into<String>, line: usize, message: impl Into<String>) -> Self {
        Problem {
            file: file.into(),
            line: (line > 0).then_some(line),
            message: message.into(),
        }
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.line {
            Some(line) => write!(f, "{}:{}: {}", self.file, line, self.message),
            None => write!(f, "{}: {}", self.file, self.message),
        }
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
    /// A content pack was refused: damaged or altered, not signed by a trusted key, holding unsafe
    /// entries, too large, or not newer than the installed one. Nothing was installed.
    #[error("pack rejected: {0}")]
    PackRejected(String),
    /// A pack operation could not be done (keys, the installed packs, rollback, a concurrent install).
    #[error("{0}")]
    Pack(String),
}

fn list(problems: &[Problem]) -> String {
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
