//! The one error type: only input that can't be checked at all is an error. Everything else
//! (parse errors, limits, missing stylesheets) is recorded in the report.

use std::fmt;

/// Why a check could not run.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Error {
    /// A file could not be read.
    ReadFailed {
        /// The path as given.
        path: String,
        /// The operating system's reason.
        reason: String,
    },
    /// The input is larger than `Options::max_bytes`.
    TooLarge {
        /// Size of the input in bytes.
        bytes: usize,
        /// The limit in bytes.
        limit: usize,
    },
    /// The options could not be understood.
    BadOptions(String),
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::ReadFailed { path, reason } => write!(f, "cannot read {path}: {reason}"),
            Error::TooLarge { bytes, limit } => write!(
                f,
                "document is {:.1} MB, over the {:.1} MB limit (raise `maxBytes` to check it anyway)",
                *bytes as f64 / 1_048_576.0,
                *limit as f64 / 1_048_576.0
            ),
            Error::BadOptions(m) => write!(f, "invalid options: {m}"),
        }
    }
}

impl std::error::Error for Error {}
