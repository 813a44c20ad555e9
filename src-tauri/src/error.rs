//! The error the UI receives: the rejection value of `invoke`, `{ code, message, fields? }`.

use serde::Serialize;

/// What kind of error a command failed with. The UI tells errors apart by this code, so it is an enum
/// (and a union type in the generated TypeScript): a code the UI compares with and the shell no longer
/// sends is a type error in the UI, not a silent branch that never runs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "kebab-case")]
pub enum ErrorCode {
    /// A file could not be read or written.
    Io,
    /// The handbook's content is invalid.
    InvalidContent,
    /// No guide has this code.
    UnknownCode,
    /// The search index failed (or is not ready).
    Index,
    /// An argument could not be used (a pack too large, a bad value).
    BadInput,
    /// JSON could not be read or written.
    Json,
    /// A petition or a form failed validation: see `fields`.
    Invalid,
    /// An admin command without the PIN.
    Locked,
    /// Too many wrong PINs: locked for a while.
    LockedOut,
    /// The feedback store failed.
    Database,
    /// The installation's config could not be read or written.
    Config,
    /// A content pack was refused (damaged, altered, unsigned, not newer…).
    PackRejected,
    /// A pack operation could not be done.
    Pack,
    /// Speech output failed.
    Speech,
    /// A form could not be rendered.
    Form,
    /// No form has this id.
    UnknownForm,
    /// Refused in kiosk mode (a desk-only command).
    Kiosk,
    /// The call itself failed before reaching a command (set by the UI's IPC module, never by the
    /// shell).
    Ipc,
}

impl ErrorCode {
    /// The code as the UI receives it (`"locked-out"`); a test keeps it equal to the serialized form.
    pub fn as_str(self) -> &'static str {
        match self {
            ErrorCode::Io => "io",
            ErrorCode::InvalidContent => "invalid-content",
            ErrorCode::UnknownCode => "unknown-code",
            ErrorCode::Index => "index",
            ErrorCode::BadInput => "bad-input",
            ErrorCode::Json => "json",
            ErrorCode::Invalid => "invalid",
            ErrorCode::Locked => "locked",
            ErrorCode::LockedOut => "locked-out",
            ErrorCode::Database => "database",
            ErrorCode::Config => "config",
            ErrorCode::PackRejected => "pack-rejected",
            ErrorCode::Pack => "pack",
            ErrorCode::Speech => "speech",
            ErrorCode::Form => "form",
            ErrorCode::UnknownForm => "unknown-form",
            ErrorCode::Kiosk => "kiosk",
            ErrorCode::Ipc => "ipc",
        }
    }
}

impl PartialEq<&str> for ErrorCode {
    /// Compares with the code as the UI sees it.
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

/// An error as the UI receives it (the rejection value of `invoke`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct IpcError {
    /// What kind of error.
    pub code: ErrorCode,
    /// What went wrong, for the log and the curious.
    pub message: String,
    /// For `invalid`: what is wrong with each field, to show under it.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional))]
    pub fields: Option<Vec<FieldError>>,
}

pub use sotay::FieldError;

impl IpcError {
    /// An error with this code and message (and no field list).
    pub fn new(code: ErrorCode, message: impl Into<String>) -> IpcError {
        IpcError {
            code,
            message: message.into(),
            fields: None,
        }
    }
}

impl From<sotay::Error> for IpcError {
    fn from(e: sotay::Error) -> Self {
        let code = match &e {
            sotay::Error::Io { .. } => ErrorCode::Io,
            sotay::Error::Invalid(_) => ErrorCode::InvalidContent,
            sotay::Error::UnknownCode(_) => ErrorCode::UnknownCode,
            sotay::Error::Index(_) | sotay::Error::Snapshot(_) => ErrorCode::Index,
            sotay::Error::BadInput { .. } => ErrorCode::BadInput,
            sotay::Error::Json(_) => ErrorCode::Json,
            sotay::Error::InvalidFields(fields) => {
                return IpcError {
                    code: ErrorCode::Invalid,
                    message: e.to_string(),
                    fields: Some(fields.clone()),
                };
            }
            sotay::Error::Database { .. }
            | sotay::Error::SchemaTooNew { .. }
            | sotay::Error::Feedback(_) => ErrorCode::Database,
            sotay::Error::Config(_) => ErrorCode::Config,
            sotay::Error::PackRejected(_) => ErrorCode::PackRejected,
            sotay::Error::Pack(_) => ErrorCode::Pack,
            sotay::Error::Speech(_) => ErrorCode::Speech,
            sotay::Error::Form(_) => ErrorCode::Form,
        };
        IpcError::new(code, e.to_string())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_read_as_they_are_serialized() {
        let all = [
            ErrorCode::Io,
            ErrorCode::InvalidContent,
            ErrorCode::UnknownCode,
            ErrorCode::Index,
            ErrorCode::BadInput,
            ErrorCode::Json,
            ErrorCode::Invalid,
            ErrorCode::Locked,
            ErrorCode::LockedOut,
            ErrorCode::Database,
            ErrorCode::Config,
            ErrorCode::PackRejected,
            ErrorCode::Pack,
            ErrorCode::Speech,
            ErrorCode::Form,
            ErrorCode::UnknownForm,
            ErrorCode::Kiosk,
            ErrorCode::Ipc,
        ];
        for code in all {
            let json = serde_json::to_value(code).expect("serializes");
            assert_eq!(json.as_str(), Some(code.as_str()));
        }
    }
}
