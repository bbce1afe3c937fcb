//! What every part of the entity pass shares: the document a classifier reads
//! ([`Ctx`]), the span it finds ([`Span`]), the finding a span becomes
//! ([`finding`]) and where a sentence starts. A leaf, so the classifiers
//! (`classify`, `position`, `cued`, `age_after_name`) and `mod.rs` import it and
//! not each other.

use super::tokens::Token;
use crate::kind::Kind;
use crate::matcher::DefaultAction;
use crate::resolve::Finding;
use std::sync::Arc;

/// A span found by the entity pass.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Span {
    /// Byte offset of the first byte.
    pub start: usize,
    /// Byte offset past the last byte.
    pub end: usize,
    /// What it is.
    pub kind: Kind,
    /// Rule id for the report.
    pub rule: &'static str,
}

/// Everything the run classifier needs about the document.
pub struct Ctx<'a> {
    /// The whole text.
    pub text: &'a str,
    /// Every word of the text.
    pub tokens: &'a [Token<'a>],
    /// Per token: covered by an earlier finding (`Some(soft)`: soft findings may be
    /// replaced by an organisation).
    pub cover: &'a [Option<bool>],
    /// Per token: its line is written in capitals (`caps_lines` of the positional pass).
    pub caps: &'a [bool],
}

/// The entity pass's finding of `kind` over `start..end`, made by `rule`.
pub(super) fn finding(start: usize, end: usize, kind: Kind, rule: &'static str) -> Finding {
    Finding {
        start,
        end,
        kind,
        rule: Arc::from(rule),
        action: DefaultAction::Placeholder,
        key: None,
    }
}

/// Whether the word at `start` begins a sentence or a line.
pub(super) fn sentence_start(text: &str, start: usize) -> bool {
    text[..start]
        .trim_end_matches([' ', '\t'])
        .chars()
        .next_back()
        .is_none_or(|c| matches!(c, '.' | '!' | '?' | ':' | '\n' | '\r' | '"' | '“'))
}
