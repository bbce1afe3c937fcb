//! Dataset mode: JSON Lines and CSV redacted record by record, with memory bounded by
//! the longest record (JSON Lines: a few records per core, read ahead and detected
//! in parallel) plus the numbering's distinct values (none with keyed pseudonyms).
//! This is the mode Spark's `RDD.pipe` and Hadoop Streaming call.

mod ahead;
pub mod csv;
pub mod jsonl;

use crate::engine::Engine;
use crate::kind::Kind;
use crate::redact::Change;
use crate::Numbering;
use serde::Serialize;
use std::collections::BTreeMap;

/// One finding in a record: the report's finding plus where in the record it is.
#[derive(Debug, Clone, Serialize)]
pub struct FieldFinding {
    /// The JSONL field or CSV column.
    pub field: String,
    /// JSON pointer to the string inside the record (`/notes/0/text`); offsets are
    /// bytes into that string.
    pub pointer: String,
    /// The change (same schema as the report's findings).
    #[serde(flatten)]
    pub change: Change,
}

/// Totals for a stream.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Stats {
    /// Records read (excluding the CSV header and blank JSONL lines).
    pub records: u64,
    /// Records with at least one change.
    pub changed: u64,
    /// Findings per kind.
    pub counts: BTreeMap<Kind, usize>,
    /// Records passed through because a named field or column was missing (only
    /// with `allow_missing`; otherwise such a record is an error).
    pub missing: u64,
    /// CSV records with more fields than the header whose extra fields were
    /// redacted as text (only with [`csv::Extra::Redact`]).
    pub extra: u64,
}

/// Redacts one string value, appending its findings; returns the redacted text, or
/// `None` when nothing changed.
#[allow(clippy::too_many_arguments)]
pub(crate) fn redact_value(
    engine: &dyn Engine,
    numbering: &mut Numbering,
    source: &str,
    text: &str,
    field: &str,
    pointer: &str,
    findings: &mut Vec<FieldFinding>,
    stats: &mut Stats,
) -> Option<String> {
    let found = engine.detect(text);
    if found.is_empty() {
        return None;
    }
    let redaction = engine.redact(source, text, &found, numbering);
    for change in redaction.changes {
        *stats.counts.entry(change.kind).or_insert(0) += 1;
        findings.push(FieldFinding {
            field: field.to_string(),
            pointer: pointer.to_string(),
            change,
        });
    }
    Some(redaction.output)
}
