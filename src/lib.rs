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

pub mod assess;
pub mod bulk;
pub mod case;
pub mod chunked;
pub mod detect;
pub mod diff;
pub mod encoding;
pub mod entities;
pub mod error;
pub mod fold;
pub mod grammar;
pub mod invariants;
pub mod io;
pub mod kind;
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
mod rule_regex;
mod scanner;
pub mod selftest;
pub mod settle;
pub mod stream;
pub mod validate;

pub use error::{Error, Result};
pub use kind::Kind;
pub use matcher::Matcher;
pub use patterns::Library;
pub use placeholder::Numbering;
pub use redact::{Change, Redaction};
pub use resolve::Finding;

/// A compiled pattern library ready to scan and redact text.
#[derive(Debug)]
pub struct Scrubber {
    matcher: Matcher,
}

impl Scrubber {
    /// Compiles `library`.
    pub fn new(library: &Library) -> Result<Self> {
        Ok(Scrubber {
            matcher: Matcher::new(library)?,
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
            })
        })
    }

    /// Compiles the embedded default library.
    pub fn with_default_patterns() -> Result<Self> {
        Self::new(&Library::embedded()?)
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

    /// Pattern rules, then the document-level entity pass, on already folded text.
    fn detect_folded(&self, text: &str, known: &mut entities::KnownNames) -> Vec<Finding> {
        let candidates = self.matcher.candidates(text);
        let ids: Vec<detect::Candidate> = candidates
            .iter()
            .filter(|c| matches!(c.kind, Kind::Id | Kind::Person))
            .copied()
            .collect();
        let mut found = resolve::resolve_with(&self.matcher, candidates, true);
        self.keep_cut_ids(text, &ids, &mut found);
        let mut found = entities::extend_known(text, found, known);
        found.retain(|f| f.kind != Kind::Allow);
        self.add_glued(text, &mut found);
        found
    }

    /// An identifier or a name that lost its tail to a higher-priority finding
    /// ("W1C-2019-44881/02/2019": the date `02/2019` wins; "MARGARET Ms. Delgado":
    /// the title wins) keeps the part before it, which would otherwise be left in
    /// the output (and found by a second pass). `candidates` are the ID and PERSON
    /// candidates.
    fn keep_cut_ids(&self, text: &str, candidates: &[detect::Candidate], found: &mut Vec<Finding>) {
        let mut extra = Vec::new();
        for c in candidates {
            let overlapping = || found.iter().filter(|f| f.start < c.end && f.end > c.start);
            if overlapping().any(|f| f.start <= c.start) {
                continue; // the same span was taken, or its head is covered
            }
            let Some(cut) = overlapping().map(|f| f.start).min() else {
                continue;
            };
            let head = text[c.start..cut].trim_end_matches(|ch: char| !ch.is_alphanumeric());
            let alnum = head.chars().filter(|ch| ch.is_alphanumeric()).count();
            let keeps = match c.kind {
                Kind::Id => alnum >= 4 && head.chars().any(|ch| ch.is_ascii_digit()),
                // A name cut before a title ("MARGARET OYELARAN Ms."): its words.
                _ => alnum >= 2 && head.starts_with(|ch: char| ch.is_uppercase()),
            };
            if keeps {
                extra.push(Finding {
                    start: c.start,
                    end: c.start + head.len(),
                    kind: c.kind,
                    rule: self.matcher.rules()[c.rule].id.clone(),
                    action: self.matcher.rules()[c.rule].action,
                    key: None,
                });
            }
        }
        merge_disjoint(found, extra);
    }

    /// A finding glued to what follows it ("SAN FRANCISCO1-31-23": the entity pass
    /// splits words where letters meet digits, the pattern rules do not; a name
    /// before ".example.org") leaves the rest of that token starting a new word
    /// once it is replaced. What a second pass over the output would find there is
    /// found here, so nothing is left behind and redacting the output again finds
    /// nothing new (found by fuzzing).
    fn add_glued(&self, text: &str, found: &mut Vec<resolve::Finding>) {
        let mut extra = Vec::new();
        // Glued to what precedes it ("7/2Janet").
        for f in found
            .iter()
            .filter(|f| glues(text[..f.start].chars().rev()))
        {
            // The glued token (at most 256 bytes of it) and 48 bytes of context
            // before it, as a second pass would see them once the finding is
            // replaced; only what ends inside the token counts.
            let before = &text[..f.start];
            let from = detect::ceil_char(before, before.len().saturating_sub(256));
            let token = before[from..]
                .rfind(char::is_whitespace)
                .map_or(from, |i| from + i + 1);
            let from = detect::ceil_char(before, token.saturating_sub(48).max(from));
            let window = &before[from..];
            for mut g in self.detect_folded(window, &mut entities::KnownNames::default()) {
                if from + g.end > token {
                    g.start += from;
                    g.end += from;
                    extra.push(g);
                }
            }
        }
        // Glued to what follows it.
        for f in found.iter().filter(|f| glues(text[f.end..].chars())) {
            // The rest of the line (at most 128 bytes), as a second pass would see
            // it once the finding is replaced; only what starts inside the glued
            // token counts ("Whit4410 Sycamore Avenue").
            let rest = &text[f.end..];
            let window = &rest[..detect::floor_char(rest, rest.len().min(128))];
            let window = &window[..window.find(['\n', '\r']).unwrap_or(window.len())];
            let token_end = window.find(char::is_whitespace).unwrap_or(window.len());
            for mut g in self.detect_folded(window, &mut entities::KnownNames::default()) {
                if g.start >= token_end {
                    break;
                }
                g.start += f.end;
                g.end += f.end;
                extra.push(g);
            }
        }
        merge_disjoint(found, extra);
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

/// Whether the characters beside a finding (walking away from it) continue its
/// token: a letter or digit, or `.-_@/` followed by one.
fn glues(mut beside: impl Iterator<Item = char>) -> bool {
    match beside.next() {
        Some(c) if c.is_alphanumeric() => true,
        Some('.' | '-' | '_' | '@' | '/') => beside.next().is_some_and(char::is_alphanumeric),
        _ => false,
    }
}

/// Adds `extra` to the sorted, disjoint `found`; where two overlap, the one that
/// starts first (then the longer) stays.
fn merge_disjoint(found: &mut Vec<Finding>, extra: Vec<Finding>) {
    if extra.is_empty() {
        return;
    }
    found.extend(extra);
    found.sort_by(|a, b| a.start.cmp(&b.start).then(b.end.cmp(&a.end)));
    let mut kept: Vec<Finding> = Vec::with_capacity(found.len());
    for f in found.drain(..) {
        if kept.last().is_none_or(|p| p.end <= f.start) {
            kept.push(f);
        }
    }
    *found = kept;
}
