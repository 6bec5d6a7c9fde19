//! The one error type that crosses the FFI, converted from the core error in one place.

use crate::vocab::EntityKind;

/// One problem found in a data set, located as precisely as the input allows.
#[derive(Debug, Clone, PartialEq, uniffi::Record)]
pub struct ValidationProblem {
    /// The stable rule code, e.g. `duplicate-id`.
    pub rule: String,
    /// A plain-language description of the problem.
    pub message: String,
    /// The file, as given to the loader (or `<string>` for text).
    pub file: Option<String>,
    /// 1-based line.
    pub line: Option<u64>,
    /// 1-based column (in characters).
    pub column: Option<u64>,
    /// Path of the offending value inside the file, e.g. `actions[3].lead[0]`.
    pub path: Option<String>,
    /// Kind of the entity concerned.
    pub kind: Option<EntityKind>,
    /// Id of the entity concerned.
    pub id: Option<String>,
    /// The whole problem on one line: `file:line:col: rule: message (at path)`.
    pub display: String,
}

/// Everything that can go wrong, as seen from Kotlin (`ProtectEuException`) and Swift
/// (`ProtectEuError`). Every variant carries its readable text in `details`.
#[derive(Debug, thiserror::Error, uniffi::Error)]
pub enum ProtectEuError {
    /// The data did not validate; `problems` lists every problem found.
    #[error("{details}")]
    Validation {
        /// The problems, in file and position order.
        problems: Vec<ValidationProblem>,
        /// The whole report as text.
        details: String,
    },
    /// An id was asked for that does not exist.
    #[error("{details}")]
    NotFound {
        /// The kind that was searched.
        kind: EntityKind,
        /// The id that was asked for.
        id: String,
        /// The closest existing id, if one is close enough.
        suggestion: Option<String>,
        /// Readable text, with the suggestion.
        details: String,
    },
    /// A query argument (a date, a period, an enum value) could not be understood.
    #[error("{details}")]
    InvalidArgument {
        /// Readable text: the argument, the value and what would have been accepted.
        details: String,
    },
    /// A file or directory could not be read.
    #[error("{details}")]
    Io {
        /// The path that failed.
        path: String,
        /// Readable text with the operating system's reason.
        details: String,
    },
    /// The data's fingerprint is not the one expected (`expectFingerprint`).
    #[error("{details}")]
    FingerprintMismatch {
        /// The fingerprint asked for.
        expected: String,
        /// The data's own fingerprint (SHA-256 of its canonical JSON, lower-case hex).
        actual: String,
        /// Readable text naming both.
        details: String,
    },
    /// An error of a kind this binding does not know yet (a newer core); the text is kept.
    #[error("{details}")]
    Other {
        /// Readable text.
        details: String,
    },
}

/// The crate's result type.
pub type Result<T, E = ProtectEuError> = std::result::Result<T, E>;

impl From<protecteu::Error> for ProtectEuError {
    fn from(e: protecteu::Error) -> Self {
        let details = e.to_string();
        match e {
            protecteu::Error::Invalid(report) => ProtectEuError::Validation {
                problems: report.problems.iter().map(problem).collect(),
                details,
            },
            protecteu::Error::NotFound {
                kind,
                id,
                suggestion,
            } => ProtectEuError::NotFound {
                kind: kind.into(),
                id,
                suggestion,
                details,
            },
            protecteu::Error::InvalidArgument { .. } => ProtectEuError::InvalidArgument { details },
            protecteu::Error::Io { path, .. } => ProtectEuError::Io { path, details },
            protecteu::Error::FingerprintMismatch { expected, actual } => {
                ProtectEuError::FingerprintMismatch {
                    expected,
                    actual,
                    details,
                }
            }
            _ => ProtectEuError::Other { details },
        }
    }
}

fn problem(p: &protecteu::Problem) -> ValidationProblem {
    ValidationProblem {
        rule: p.code().to_owned(),
        message: p.message.clone(),
        file: p.file.clone(),
        line: p.line.map(|n| n as u64),
        column: p.column.map(|n| n as u64),
        path: p.path.clone(),
        kind: p.kind.map(Into::into),
        id: p.id.clone(),
        display: p.to_string(),
    }
}
