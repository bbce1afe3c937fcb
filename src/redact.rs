//! Rewrites a text: every finding is replaced, every other byte is kept.

use crate::grammar;
use crate::kind::Kind;
use crate::matcher::DefaultAction;
use crate::neutral::neutral_form;
use crate::placeholder::Numbering;
use crate::resolve::Finding;
use serde::Serialize;
use std::sync::Arc;

/// One applied change: where it was in the input and what replaced it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Change {
    /// Byte offset into the input (half-open range start).
    pub start: usize,
    /// Byte offset into the input (half-open range end).
    pub end: usize,
    /// 1-based line of `start`.
    pub line: usize,
    /// 1-based column of `start`, in characters.
    pub column: usize,
    /// What was found.
    pub kind: Kind,
    /// The rule that found it.
    pub rule: Arc<str>,
    /// The original text (identifying!).
    pub original: String,
    /// The text written in its place.
    pub replacement: String,
}

/// A redacted text and the changes that produced it.
#[derive(Debug, Clone)]
pub struct Redaction {
    /// The redacted text.
    pub output: String,
    /// Every change, in input order.
    pub changes: Vec<Change>,
}

/// Replaces each finding of `text` (sorted, non-overlapping) and keeps every other byte.
pub fn redact(text: &str, findings: &[Finding], numbering: &mut Numbering) -> Redaction {
    let mut output = String::with_capacity(text.len());
    let mut changes = Vec::with_capacity(findings.len());
    let mut cursor = 0;
    let mut lines = LineIndex::new(text);
    for (i, f) in findings.iter().enumerate() {
        debug_assert!(f.start >= cursor, "findings must be sorted and disjoint");
        let mut end = f.end;
        let mut replacement = replacement_for(text, f, numbering);
        // "She takes" → "They take": the change covers the verb too, unless another
        // finding starts there.
        if f.action == DefaultAction::Neutralize
            && matches!(replacement.as_str(), "they" | "They" | "THEY")
        {
            let next_start = findings.get(i + 1).map_or(text.len(), |n| n.start);
            if let Some((verb_start, verb_end, plural)) = grammar::following_verb(text, f.end) {
                if verb_end <= next_start {
                    replacement.push_str(&text[f.end..verb_start]);
                    replacement.push_str(&plural);
                    end = verb_end;
                }
            }
        }
        output.push_str(&text[cursor..f.start]);
        output.push_str(&replacement);
        cursor = end;
        let (line, column) = lines.position(f.start);
        changes.push(Change {
            start: f.start,
            end,
            line,
            column,
            kind: f.kind,
            rule: f.rule.clone(),
            original: text[f.start..end].to_string(),
            replacement,
        });
    }
    output.push_str(&text[cursor..]);
    Redaction { output, changes }
}

fn replacement_for(text: &str, f: &Finding, numbering: &mut Numbering) -> String {
    let original = f.text(text);
    if f.action == DefaultAction::Neutralize {
        let next_word = text[f.end..]
            .split(|c: char| !c.is_alphanumeric())
            .find(|w| !w.is_empty())
            .map(str::to_lowercase);
        let immediately_next = text[f.end..]
            .trim_start()
            .chars()
            .next()
            .is_some_and(char::is_alphanumeric);
        let next = if immediately_next {
            next_word.as_deref()
        } else {
            None
        };
        if let Some(neutral) = neutral_form(original, next) {
            return neutral;
        }
    }
    numbering.placeholder(f.kind, original)
}

/// Applies `changes` to `input`; the result equals the redacted output exactly.
pub fn apply_changes(input: &str, changes: &[Change]) -> Option<String> {
    let mut out = String::with_capacity(input.len());
    let mut cursor = 0;
    for c in changes {
        if c.start < cursor || c.end > input.len() || input.get(c.start..c.end)? != c.original {
            return None;
        }
        out.push_str(&input[cursor..c.start]);
        out.push_str(&c.replacement);
        cursor = c.end;
    }
    out.push_str(&input[cursor..]);
    Some(out)
}

/// Converts byte offsets to 1-based line and character column, moving forward only.
struct LineIndex<'a> {
    text: &'a str,
    offset: usize,
    line: usize,
    line_start: usize,
}

impl<'a> LineIndex<'a> {
    fn new(text: &'a str) -> Self {
        LineIndex {
            text,
            offset: 0,
            line: 1,
            line_start: 0,
        }
    }

    fn position(&mut self, at: usize) -> (usize, usize) {
        for (i, b) in self.text.as_bytes()[self.offset..at].iter().enumerate() {
            if *b == b'\n' {
                self.line += 1;
                self.line_start = self.offset + i + 1;
            }
        }
        self.offset = at;
        let column = self.text[self.line_start..at].chars().count() + 1;
        (self.line, column)
    }
}
