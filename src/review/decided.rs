//! Reviewer decisions inside any [`Engine`]: each document's findings get the
//! decisions for its file (see [`Decisions::for_file`]) before the wrapped engine
//! rewrites them, so a folder run (with or without a case roster) takes
//! `--decisions` as a single file does.

use super::decisions::{self, Applied, Decision, Decisions};
use crate::engine::Engine;
use crate::placeholder::Numbering;
use crate::redact::Redaction;
use crate::resolve::Finding;
use std::sync::Mutex;

/// What the decisions did over a run.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RunSummary {
    /// Documents redacted.
    pub files: usize,
    /// Findings rejected (kept as written).
    pub rejected: usize,
    /// Findings accepted.
    pub accepted: usize,
    /// Spans added.
    pub added: usize,
    /// Decisions that matched nothing in any file they apply to (in file order).
    pub unmatched: Vec<Decision>,
    /// Text and rule of every rejected finding, for allow-list suggestions.
    pub rejected_texts: Vec<(String, String)>,
}

/// Adds up what the decisions did, file by file.
#[derive(Debug, Clone)]
pub struct Tally {
    summary: RunSummary,
    /// Per decision: whether it matched in some file.
    matched: Vec<bool>,
}

impl Tally {
    /// A tally for `decisions`, nothing recorded yet.
    pub fn new(decisions: &Decisions) -> Self {
        Tally {
            summary: RunSummary::default(),
            matched: vec![false; decisions.decisions.len()],
        }
    }

    /// Records what the decisions for `input` did to its `text`.
    pub fn record(&mut self, decisions: &Decisions, input: &str, text: &str, applied: &Applied) {
        let s = &mut self.summary;
        s.files += 1;
        s.rejected += applied.rejected.len();
        s.accepted += applied.accepted.len();
        s.added += applied.added;
        s.rejected_texts.extend(
            applied
                .rejected
                .iter()
                .map(|f| (f.text(text).to_string(), f.rule.to_string())),
        );
        for d in decisions.for_file(input) {
            if applied.unmatched.contains(d) {
                continue;
            }
            if let Some(i) = decisions.decisions.iter().position(|x| std::ptr::eq(x, d)) {
                self.matched[i] = true;
            }
        }
    }

    /// The summary so far: a decision is unmatched when it matched in no file.
    pub fn summary(&self, decisions: &Decisions) -> RunSummary {
        RunSummary {
            unmatched: decisions
                .decisions
                .iter()
                .zip(&self.matched)
                .filter(|(_, &m)| !m)
                .map(|(d, _)| d.clone())
                .collect(),
            ..self.summary.clone()
        }
    }
}

/// An engine with the reviewer's decisions applied to every document.
pub struct Decided<'a> {
    inner: &'a dyn Engine,
    decisions: &'a Decisions,
    tally: Mutex<Tally>,
}

impl std::fmt::Debug for Decided<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Decided")
            .field("decisions", &self.decisions.decisions.len())
            .finish_non_exhaustive()
    }
}

impl<'a> Decided<'a> {
    /// Wraps `inner`.
    pub fn new(inner: &'a dyn Engine, decisions: &'a Decisions) -> Self {
        Decided {
            inner,
            decisions,
            tally: Mutex::new(Tally::new(decisions)),
        }
    }

    /// The summary of everything redacted so far.
    pub fn summary(&self) -> RunSummary {
        self.tally
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .summary(self.decisions)
    }
}

impl Engine for Decided<'_> {
    fn detect(&self, text: &str) -> Vec<Finding> {
        self.inner.detect(text)
    }

    fn redact(
        &self,
        input: &str,
        text: &str,
        findings: &[Finding],
        numbering: &mut Numbering,
    ) -> Redaction {
        let applied = decisions::apply(text, findings.to_vec(), &self.decisions.for_file(input));
        let redaction = self.inner.redact(input, text, &applied.findings, numbering);
        self.tally.lock().unwrap_or_else(|p| p.into_inner()).record(
            self.decisions,
            input,
            text,
            &applied,
        );
        redaction
    }
}

/// Detects with `engine`, applies the reviewer's decisions (if any) on top of its
/// findings, and rewrites with it. The same for the plain policy engine and the case
/// engine: a decision is about a span, whichever rule or roster entry found it.
pub fn redact_decided(
    engine: &dyn Engine,
    text: &str,
    numbering: &mut Numbering,
    decisions: Option<&Decisions>,
    name: &str,
) -> (Redaction, Option<Applied>) {
    let findings = engine.detect(text);
    let Some(decisions) = decisions else {
        return (engine.redact(name, text, &findings, numbering), None);
    };
    let applied = decisions::apply(text, findings, &decisions.for_file(name));
    let redaction = engine.redact(name, text, &applied.findings, numbering);
    (redaction, Some(applied))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::Path;

    #[test]
    fn decisions_follow_their_file_and_unmatched_means_in_every_file() {
        let scrubber = crate::Scrubber::with_default_patterns().unwrap();
        let d = Decisions::parse(
            r#"{"schema":"casescrub.decisions/1","decisions":[
              {"file":"a.txt","action":"reject","text":"6/18/02"},
              {"action":"add","text":"Smithville","kind":"LOCATION"},
              {"file":"c.txt","action":"reject","text":"6/18/02"}]}"#,
            Path::new("d.json"),
        )
        .unwrap();
        let engine = Decided::new(&scrubber, &d);
        let mut numbering = Numbering::default();
        let text = "Seen on 6/18/02.";
        let a = engine.redact("in/a.txt", text, &engine.detect(text), &mut numbering);
        assert_eq!(a.output, text, "the reject applies to a.txt");
        let b = engine.redact("in/b.txt", text, &engine.detect(text), &mut numbering);
        assert_eq!(b.output, "Seen on [DATE-1].", "but not to b.txt");
        let more = "Back to Smithville.";
        let c = engine.redact("in/d.txt", more, &engine.detect(more), &mut numbering);
        assert_eq!(c.output, "Back to [LOCATION-1].");
        let s = engine.summary();
        assert_eq!((s.files, s.rejected, s.added), (3, 1, 1));
        // The add matched in one file of three; the c.txt reject applied to no file.
        assert_eq!(s.unmatched, vec![d.decisions[2].clone()]);
        assert_eq!(s.rejected_texts[0].0, "6/18/02");
    }
}
