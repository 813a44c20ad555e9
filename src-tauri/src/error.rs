//! The error the UI receives: the rejection value of `invoke`, `{ code, message, fields? }`.

use serde::Serialize;

/// An error as the UI receives it (the rejection value of `invoke`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct IpcError {
    /// What kind of error: `io`, `invalid-content`, `unknown-code`, `index`, `bad-input`, `json`,
    /// `invalid` (a petition failed validation: see `fields`), `locked` (an admin command without the
    /// PIN), `locked-out` (too many wrong PINs), `database`, `config`, `pack-rejected` (a content pack was
    /// refused: damaged, altered, unsigned, not newer…) or `pack` (a pack operation could not be done).
    pub code: String,
    /// What went wrong, for the log and the curious.
    pub message: String,
    /// For `invalid`: what is wrong with each field, to show under it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub fields: Option<Vec<FieldError>>,
}

pub use sotay::FieldError;

impl IpcError {
    /// An error with this code and message (and no field list).
    pub fn new(code: &str, message: impl Into<String>) -> IpcError {
        IpcError {
            code: code.to_string(),
            message: message.into(),
            fields: None,
        }
    }
}

impl From<sotay::Error> for IpcError {
    fn from(e: sotay::Error) -> Self {
        let code = match &e {
            sotay::Error::Io { .. } => "io",
            sotay::Error::Invalid(_) => "invalid-content",
            sotay::Error::UnknownCode(_) => "unknown-code",
            sotay::Error::Index(_) | sotay::Error::Snapshot(_) => "index",
            sotay::Error::BadInput { .. } => "bad-input",
            sotay::Error::Json(_) => "json",
            sotay::Error::InvalidFields(fields) => {
                return IpcError {
                    code: "invalid".to_string(),
                    message: e.to_string(),
                    fields: Some(fields.clone()),
                };
            }
            sotay::Error::Database { .. }
            | sotay::Error::SchemaTooNew { .. }
            | sotay::Error::Feedback(_) => "database",
            sotay::Error::Config(_) => "config",
            sotay::Error::PackRejected(_) => "pack-rejected",
            sotay::Error::Pack(_) => "pack",
            sotay::Error::Speech(_) => "speech",
            sotay::Error::Form(_) => "form",
        };
        IpcError::new(code, e.to_string())
    }
}
