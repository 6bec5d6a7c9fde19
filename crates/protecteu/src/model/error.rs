//! The crate's error type.

use crate::model::problem::ValidationReport;
use crate::model::EntityKind;

/// Everything that can go wrong when loading or querying the model.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// A file or directory could not be read.
    #[error("cannot read {path}: {source}")]
    Io {
        /// The path that failed.
        path: String,
        /// The underlying error.
        #[source]
        source: std::io::Error,
    },
    /// The data did not validate; the report lists every problem found.
    #[error("{0}")]
    Invalid(ValidationReport),
    /// An id was asked for that does not exist.
    #[error("unknown {kind} '{id}'{}", hint(suggestion))]
    NotFound {
        /// The kind that was searched.
        kind: EntityKind,
        /// The id that was asked for.
        id: String,
        /// The closest existing id, if one is close enough.
        suggestion: Option<String>,
    },
    /// A query argument could not be understood.
    #[error("invalid {name} '{value}': expected {expected}")]
    InvalidArgument {
        /// The argument's name.
        name: String,
        /// The value given.
        value: String,
        /// What would have been accepted.
        expected: String,
    },
    /// An export could not be written (a file, or the SQLite database being built).
    #[error("cannot write {path}: {details}")]
    Write {
        /// The file being written (`<memory>` for a database built in memory).
        path: String,
        /// What went wrong.
        details: String,
    },
    /// The data is not the data a program pinned with
    /// [`Strategy::expect_fingerprint`](crate::Strategy::expect_fingerprint).
    #[error("data fingerprint mismatch: expected {expected}, the data loaded is {actual}")]
    FingerprintMismatch {
        /// The fingerprint the program expects.
        expected: String,
        /// The fingerprint of the data loaded.
        actual: String,
    },
}

fn hint(suggestion: &Option<String>) -> String {
    match suggestion {
        Some(s) => format!("; did you mean '{s}'?"),
        None => String::new(),
    }
}

/// The crate's result type.
pub type Result<T, E = Error> = std::result::Result<T, E>;
