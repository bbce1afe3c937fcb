//! Reviewer decisions inside any [`Engine`]: each document's findings get the
//! decisions for its file (see [`Decisions::for_file`]) before the wrapped engine
//! rewrites them, so a folder run (with or without a case roster) takes
//! `--decisions` as a single file does.

use super::decisions::{self, Decision, Decisions};
use crate::bulk::Engine;
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

/// An engine with the reviewer's decisions applied to every document.
pub struct Decided<'a> {
    inner: &'a dyn Engine,
    decisions: &'a Decisions,
    state: Mutex<(RunSummary, Vec<bool>)>,
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
            state: Mutex::new((
                RunSummary::default(),
                vec![false; decisions.decisions.len()],
            )),
        }
    }

    /// The summary of everything redacted so far.
    pub fn summary(&self) -> RunSummary {
        let state = self.state.lock().unwrap_or_else(|p| p.into_inner());
        let (summary, matched) = &*state;
        RunSummary {
            unmatched: self
                .decisions
                .decisions
                .iter()
                .zip(matched)
                .filter(|(_, &m)| !m)
                .map(|(d, _)| d.clone())
                .collect(),
            ..summary.clone()
        }
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
        let applicable = self.decisions.for_file(input);
        let applied = decisions::apply(text, findings.to_vec(), &applicable);
        let redaction = self.inner.redact(input, text, &applied.findings, numbering);
        let mut state = self.state.lock().unwrap_or_else(|p| p.into_inner());
        let (summary, matched) = &mut *state;
        summary.files += 1;
        summary.rejected += applied.rejected.len();
        summary.accepted += applied.accepted.len();
        summary.added += applied.added;
        summary.rejected_texts.extend(
            applied
                .rejected
                .iter()
                .map(|f| (f.text(text).to_string(), f.rule.to_string())),
        );
        for d in applicable {
            if !applied.unmatched.contains(d) {
                if let Some(i) = self
                    .decisions
                    .decisions
                    .iter()
                    .position(|x| std::ptr::eq(x, d))
                {
                    matched[i] = true;
                }
            }
        }
        redaction
    }
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
