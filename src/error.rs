//! The library's error type: every error names what failed and what to do next.

use std::path::PathBuf;

/// Errors from loading patterns, reading input or writing output.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// A pattern file could not be parsed or contains an invalid rule.
    #[error("pattern file {file}: {message}")]
    Pattern {
        /// The file (or embedded file name) holding the rule.
        file: String,
        /// What is wrong, and where.
        message: String,
    },
    /// A file could not be read or written.
    #[error("{path}: {source}")]
    Io {
        /// The file involved.
        path: PathBuf,
        /// The underlying I/O error.
        #[source]
        source: std::io::Error,
    },
    /// Input is not valid UTF-8 text.
    #[error("{path}: not valid UTF-8 (first bad byte at offset {offset}); name its encoding with --encoding (e.g. windows-1252) or convert it to UTF-8")]
    NotUtf8 {
        /// The file involved.
        path: PathBuf,
        /// Byte offset of the first invalid byte.
        offset: usize,
    },
    /// Input is not valid in the encoding it was read with.
    #[error("{path}: not valid {encoding} (first bad byte at offset {offset})")]
    Undecodable {
        /// The file involved.
        path: PathBuf,
        /// The encoding's name.
        encoding: &'static str,
        /// Byte offset of the first invalid byte.
        offset: usize,
    },
    /// Output text has a character the output encoding cannot represent.
    #[error("{path}: {character:?} cannot be written in {encoding}; use --output-encoding utf-8")]
    Unencodable {
        /// The file being written.
        path: PathBuf,
        /// The encoding's name.
        encoding: &'static str,
        /// The first character that has no encoding.
        character: char,
    },
    /// Input looks binary (contains NUL bytes).
    #[error(
        "{path}: looks like a binary file (NUL byte at offset {offset}); casescrub only reads text"
    )]
    Binary {
        /// The file involved.
        path: PathBuf,
        /// Byte offset of the first NUL byte.
        offset: usize,
    },
}

/// Result alias for casescrub's library.
pub type Result<T, E = Error> = std::result::Result<T, E>;
