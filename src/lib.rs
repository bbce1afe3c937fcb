//! casescrub: de-identify case files.
//!
//! Data flows one way: [`patterns`] (load rules) → [`matcher`] (compile once) →
//! [`detect`] (candidates) → [`resolve`] (overlaps, allow-list) → [`placeholder`]
//! (stable numbering) → [`redact`] (rewrite) → [`report`] / [`diff`].
//!
//! ```
//! use casescrub::{Numbering, Scrubber};
//! let scrubber = Scrubber::with_default_patterns().unwrap();
//! let mut numbering = Numbering::default();
//! let out = scrubber.redact("Seen on 6/18/02; she returns June 18, 2002.", &mut numbering);
//! assert_eq!(out.output, "Seen on [DATE-1]; they return [DATE-1].");
//! ```

// The library never prints and never exits: messages and failures go back to the
// caller as values (the binary prints them and picks the exit code).
#![deny(clippy::print_stdout, clippy::print_stderr, clippy::exit)]

pub mod assess;
pub mod bulk;
pub mod case;
pub mod chunked;
pub mod detect;
pub mod diff;
pub mod encoding;
pub mod engine;
pub mod entities;
pub mod error;
pub mod fold;
pub mod grammar;
pub mod invariants;
pub mod io;
pub mod kind;
pub mod label_lexicon;
pub mod layout;
pub mod matcher;
pub mod neutral;
pub mod normalize;
pub mod patterns;
pub mod placeholder;
pub mod policy;
pub mod redact;
pub mod report;
pub mod resolve;
pub mod review;
pub mod rule_ids;
mod rule_regex;
mod scanner;
pub mod selftest;
pub mod settle;
pub mod stream;
pub mod truecase;
pub mod validate;
pub mod walk;
pub mod word_hash;

pub use error::{Error, Result};
pub use kind::Kind;
pub use matcher::Matcher;
pub use patterns::Library;
pub use placeholder::Numbering;
pub use redact::{Change, Redaction};
pub use resolve::Finding;

use std::sync::Arc;

/// Ids of findings that policies and review decisions add, beside the library's.
pub const NON_LIBRARY_RULES: &[&str] = rule_ids::ALL;

/// The Safe Harbor class each rule id declares: the library's, and the ids of
/// findings made outside it, which leave the class to their kind (`policy.deny`
/// is no health-plan number for holding the word "policy").
fn hipaa_classes(library: &Library) -> patterns::HipaaClasses {
    let mut classes = library.hipaa_classes();
    for &id in NON_LIBRARY_RULES {
        classes.entry(Arc::from(id)).or_insert(None);
    }
    classes
}

fn rule_ids(library: &Library) -> Vec<Arc<str>> {
    let mut ids: Vec<Arc<str>> = library
        .rules()
        .map(|r| Arc::from(r.id.as_str()))
        .chain(library.labels().map(|l| Arc::from(l.id.as_str())))
        .chain(NON_LIBRARY_RULES.iter().map(|&id| Arc::from(id)))
        .collect();
    ids.sort_unstable();
    ids.dedup();
    ids
}

/// A compiled pattern library ready to scan and redact text.
#[derive(Debug)]
pub struct Scrubber {
    matcher: Matcher,
    /// Every rule id the library declares, compiled or made by a stage (sorted).
    rule_ids: Vec<Arc<str>>,
    /// The Safe Harbor class each id of `rule_ids` declares.
    hipaa: patterns::HipaaClasses,
}

impl Scrubber {
    /// Compiles `library`.
    pub fn new(library: &Library) -> Result<Self> {
        Ok(Scrubber {
            matcher: Matcher::new(library)?,
            rule_ids: rule_ids(library),
            hipaa: hipaa_classes(library),
        })
    }

    /// Compiles `library` with up to `threads` threads (start-up of runs that are
    /// given several cores); the result is the same as [`Scrubber::new`].
    pub fn with_threads(library: &Library, threads: usize) -> Result<Self> {
        if threads < 2 {
            return Self::new(library);
        }
        std::thread::scope(|scope| {
            // The entity pass's word lists load on first use; load them meanwhile.
            scope.spawn(|| {
                entities::lists::lists();
            });
            Ok(Scrubber {
                matcher: Matcher::new_parallel(library)?,
                rule_ids: rule_ids(library),
                hipaa: hipaa_classes(library),
            })
        })
    }

    /// Compiles the embedded default library.
    pub fn with_default_patterns() -> Result<Self> {
        Self::new(&Library::embedded()?)
    }

    /// Every rule id that a finding of this scrubber can carry, sorted: the
    /// library's rules (compiled ones and those a stage makes) and the ids of
    /// findings added by policies and review decisions.
    pub fn rule_ids(&self) -> &[Arc<str>] {
        &self.rule_ids
    }

    /// The Safe Harbor class (`hipaa`) each rule id of [`Scrubber::rule_ids`]
    /// declares, for the coverage checklist.
    pub fn hipaa_classes(&self) -> &patterns::HipaaClasses {
        &self.hipaa
    }

    /// The compiled matcher.
    pub fn matcher(&self) -> &Matcher {
        &self.matcher
    }

    /// Every finding in `text`: sorted, non-overlapping, on UTF-8 boundaries.
    ///
    /// Matching runs on a [folded](fold) copy when the text has look-alike, zero-width
    /// or compatibility characters; spans are mapped back to the original bytes.
    pub fn detect(&self, text: &str) -> Vec<Finding> {
        self.detect_known(text, &mut entities::KnownNames::default())
    }

    /// Like [`Scrubber::detect`], also linking bare mentions of the full names in
    /// `known` (found in earlier windows of a stream) and adding this text's full
    /// names to it.
    ///
    /// The set is [settled](settle): what a second pass over the redacted text
    /// would find is included, so redacting an output again changes nothing.
    pub fn detect_known(&self, text: &str, known: &mut entities::KnownNames) -> Vec<Finding> {
        let found = self.detect_once(text, known);
        settle::settle(text, found, |output| {
            self.detect_once(output, &mut entities::KnownNames::default())
        })
    }

    /// One pass of [`Scrubber::detect_known`], not settled.
    fn detect_once(&self, text: &str, known: &mut entities::KnownNames) -> Vec<Finding> {
        let Some(folded) = fold::Folded::new(text) else {
            return self.detect_folded(text, known);
        };
        let found = self.detect_folded(folded.text(), known);
        let mut out: Vec<Finding> = Vec::with_capacity(found.len());
        for mut f in found {
            let (start, end) = folded.span(f.start, f.end);
            // Two findings inside one folded character (a ligature) map to the same
            // original bytes: the later one keeps only what is left.
            let start = start.max(out.last().map_or(0, |p| p.end));
            if start < end {
                (f.start, f.end) = (start, end);
                out.push(f);
            }
        }
        out
    }

    /// Pattern rules, then the layout stage (field values under their labels),
    /// then the document-level entity pass, on already folded text.
    fn detect_folded(&self, text: &str, known: &mut entities::KnownNames) -> Vec<Finding> {
        // Lower-case lines are read in their truecased view (same bytes but case).
        let view = truecase::view(text);
        let written = text;
        let text = view.as_deref().unwrap_or(text);
        let candidates = self.matcher.candidates(text);
        let found = resolve::resolve_with(&self.matcher, candidates, true);
        let layout = layout::read(text, self.matcher.lexicon());
        let found = layout::apply::apply(
            text,
            &layout,
            self.matcher.lexicon(),
            self.matcher.rules(),
            found,
        );
        let mut found = entities::extend_known(text, written, found, known);
        found.retain(|f| f.kind != Kind::Allow);
        found
    }

    /// Redacts `text`, numbering placeholders with `numbering` (share it across the
    /// documents of a run to keep placeholders stable).
    pub fn redact(&self, text: &str, numbering: &mut Numbering) -> Redaction {
        let findings = self.detect(text);
        redact::redact(text, &findings, numbering)
    }

    /// Redacts `text` under `policy`: its allow and deny lists, then its action for
    /// each finding. Share `numbering` across the documents of a case.
    pub fn redact_with_policy(
        &self,
        text: &str,
        policy: &policy::CompiledPolicy,
        secrets: &policy::Secrets,
        numbering: &mut Numbering,
    ) -> Redaction {
        let findings = policy.apply_lists(text, self.detect(text));
        let mut rewriter = policy::Rewriter::new(policy, secrets, numbering);
        redact::redact_with(text, &findings, &mut rewriter)
    }
}
