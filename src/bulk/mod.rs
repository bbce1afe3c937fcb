//! Folder mode: redact every file of a tree into a mirrored tree, in parallel, with a
//! manifest line per file and deterministic placeholders whatever the thread count.
//!
//! Files are processed in sorted path order for numbering: workers detect findings in
//! parallel, a sequencer assigns placeholder numbers strictly in path order, and
//! workers then write the outputs in parallel. The result is byte-identical for any
//! `threads`, and memory stays bounded by a small window of files in flight.

pub mod atomic;
pub mod hash;
pub mod manifest;
pub mod paths;
pub mod run;

/// The per-text engine moved to [`crate::engine`] (it sits below every mode); kept
/// here so existing paths still work.
pub use crate::engine::{Engine, PolicyEngine};
pub use manifest::{ManifestEntry, Status};
pub use run::{run, Options, Progress, Summary, Target};
