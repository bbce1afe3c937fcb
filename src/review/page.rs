//! The review page of a run, built file by file: each file redacted as `redact`
//! would (decisions applied on top of the engine's findings), its marks (accepted,
//! added, pending) and rejected findings, the coverage and risk sections when
//! asked, and the tally of what the decisions did. The caller reads the files and
//! writes the page; nothing here prints.

use super::decided::{redact_decided, RunSummary, Tally};
use super::decisions::{self, Applied, Decisions};
use super::html::{self, Mark, ReviewFile};
use super::safety::{FileSafety, Safety};
use super::verify::Position;
use crate::assess::Assess;
use crate::engine::Engine;
use crate::placeholder::Numbering;
use crate::redact::{Change, Redaction};
use crate::report::FileReport;

/// A review page being built, one file at a time.
pub struct PageBuilder<'a> {
    engine: &'a dyn Engine,
    decisions: Option<&'a Decisions>,
    assess: Option<Assess>,
    files: Vec<ReviewFile>,
    assessed: Vec<FileReport>,
    tally: Option<Tally>,
}

/// The finished page and what to tell the user about it.
#[derive(Debug)]
pub struct Page {
    /// The self-contained HTML page (it holds original identifying text).
    pub html: String,
    /// Files on the page.
    pub files: usize,
    /// Findings over every file.
    pub findings: usize,
    /// With `--risk`: files flagged and files assessed.
    pub risk: Option<(usize, usize)>,
    /// With decisions: what they did over the run.
    pub decisions: Option<RunSummary>,
}

impl std::fmt::Debug for PageBuilder<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("PageBuilder")
            .field("files", &self.files.len())
            .finish_non_exhaustive()
    }
}

impl<'a> PageBuilder<'a> {
    /// A page redacting with `engine`, applying `decisions` and adding the
    /// sections `assess` asks for.
    pub fn new(
        engine: &'a dyn Engine,
        decisions: Option<&'a Decisions>,
        assess: Option<Assess>,
    ) -> Self {
        PageBuilder {
            engine,
            decisions,
            assess,
            files: Vec::new(),
            assessed: Vec::new(),
            tally: decisions.map(Tally::new),
        }
    }

    /// Redacts one file (`name` as the decisions and the page name it) and adds it.
    pub fn add(&mut self, name: String, text: String, numbering: &mut Numbering) {
        let (redaction, applied) =
            redact_decided(self.engine, &text, numbering, self.decisions, &name);
        if let Some(assess) = &self.assess {
            let remaining = self.engine.detect(&redaction.output);
            let mut entry = FileReport::new(name.clone(), None, Vec::new());
            assess.fill(
                &mut entry,
                &text,
                &redaction.changes,
                &redaction.output,
                &remaining,
            );
            self.assessed.push(entry);
        }
        let (marks, rejected) = match &applied {
            None => (Vec::new(), Vec::new()),
            Some(a) => (marks(&redaction, a), rejected(&text, a)),
        };
        if let (Some(a), Some(t), Some(d)) = (&applied, &mut self.tally, self.decisions) {
            t.record(d, &name, &text, a);
        }
        self.files.push(ReviewFile {
            name,
            original: text,
            marks,
            changes: redaction.changes,
            rejected,
        });
    }

    /// Renders the page with its safety sections.
    pub fn finish(self) -> Page {
        let safety = self.assess.map(|assess| {
            let (coverage, risk) = assess.totals(&self.assessed);
            Safety {
                files: self
                    .assessed
                    .into_iter()
                    .map(|f| FileSafety {
                        coverage: f.coverage,
                        risk: f.risk,
                    })
                    .collect(),
                coverage,
                risk,
            }
        });
        let title = match self.files.as_slice() {
            [one] => one.name.clone(),
            many => format!("{} files", many.len()),
        };
        let html = html::render_with(&self.files, &title, safety.as_ref());
        Page {
            html,
            files: self.files.len(),
            findings: self.files.iter().map(|f| f.changes.len()).sum(),
            risk: safety
                .as_ref()
                .and_then(|s| s.risk.as_ref())
                .map(|r| (r.flagged.len(), r.files)),
            decisions: match (&self.tally, self.decisions) {
                (Some(t), Some(d)) => Some(t.summary(d)),
                _ => None,
            },
        }
    }
}

/// Per change: added by a decision, accepted by one, or pending.
fn marks(redaction: &Redaction, applied: &Applied) -> Vec<Mark> {
    redaction
        .changes
        .iter()
        .map(|c| {
            if &*c.rule == decisions::ADDED_RULE {
                Mark::Add
            } else if applied.accepted.iter().any(|f| f.start == c.start) {
                Mark::Accept
            } else {
                Mark::Pending
            }
        })
        .collect()
}

/// The rejected findings as changes that keep their text.
fn rejected(text: &str, applied: &Applied) -> Vec<Change> {
    applied
        .rejected
        .iter()
        .map(|f| {
            let at = Position::of(text, f.start);
            Change {
                start: f.start,
                end: f.end,
                line: at.line,
                column: at.column,
                kind: f.kind,
                rule: f.rule.clone(),
                original: f.text(text).to_string(),
                replacement: f.text(text).to_string(),
            }
        })
        .collect()
}
