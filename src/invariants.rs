//! The invariants every redaction keeps, as a checker shared by the fuzz targets
//! (`fuzz/`), the property tests and the corpus replay test.
//!
//! For any text: findings are non-empty, sorted, disjoint and on UTF-8 boundaries;
//! applying the changes to the input reproduces the output exactly; no change
//! leaves its original text in place; redacting the output again finds nothing.

use crate::redact::apply_changes;
use crate::{Numbering, Scrubber};

/// Checks every invariant on `text`; the error says which one broke and where.
pub fn check(scrubber: &Scrubber, text: &str) -> Result<(), String> {
    let findings = scrubber.detect(text);
    let mut last_end = 0;
    for f in &findings {
        if f.start >= f.end {
            return Err(format!("empty finding {f:?}"));
        }
        if f.start < last_end {
            return Err(format!("findings overlap or are unsorted at {f:?}"));
        }
        if !text.is_char_boundary(f.start) || !text.is_char_boundary(f.end) {
            return Err(format!("finding {f:?} splits a character"));
        }
        last_end = f.end;
    }
    let redaction = scrubber.redact(text, &mut Numbering::default());
    if redaction.changes.len() != findings.len() {
        return Err(format!(
            "{} findings but {} changes",
            findings.len(),
            redaction.changes.len()
        ));
    }
    match apply_changes(text, &redaction.changes) {
        Some(applied) if applied == redaction.output => {}
        Some(_) => return Err("applying the report does not give the output".into()),
        None => return Err("the report's changes do not fit the input".into()),
    }
    if let Some(c) = redaction
        .changes
        .iter()
        .find(|c| c.replacement == c.original)
    {
        return Err(format!("change left its original text in place: {c:?}"));
    }
    let again = scrubber.redact(&redaction.output, &mut Numbering::default());
    if !again.changes.is_empty() {
        return Err(format!(
            "redacting the output again finds more: {:?}",
            again.changes
        ));
    }
    Ok(())
}
