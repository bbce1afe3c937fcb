//! Verification: is a redacted file exactly the original with the reported findings
//! applied, and does a rescan of it find anything still identifying?

use crate::kind::Kind;
use crate::Scrubber;
use serde::Deserialize;
use std::path::Path;

/// A finding as read back from a `casescrub.report/1` file.
#[derive(Debug, Clone, Deserialize)]
pub struct ReportedChange {
    /// Byte offset into the original (start, inclusive).
    pub start: usize,
    /// Byte offset into the original (end, exclusive).
    pub end: usize,
    /// What was found.
    pub kind: Kind,
    /// The rule that found it.
    pub rule: String,
    /// The original text.
    pub original: String,
    /// The text written in its place.
    pub replacement: String,
}

/// One file entry of a report, as read back.
#[derive(Debug, Clone, Deserialize)]
pub struct ReportedFile {
    /// Input path as written by `redact`.
    pub input: String,
    /// Output path as written by `redact` (may be `-` or absent).
    #[serde(default)]
    pub output: Option<String>,
    /// The applied changes, in input order.
    pub findings: Vec<ReportedChange>,
}

/// A report file, as read back (unknown fields are ignored, so later additions to
/// the schema still load).
#[derive(Debug, Clone, Deserialize)]
pub struct ReportIn {
    /// Must start with `casescrub.report/`.
    pub schema: String,
    /// One entry per file.
    pub files: Vec<ReportedFile>,
}

impl ReportIn {
    /// Parses report JSON; `name` is used in errors.
    pub fn parse(json: &str, name: &Path) -> Result<Self, String> {
        let report: ReportIn = serde_json::from_str(json)
            .map_err(|e| format!("{}: not a casescrub report: {e}", name.display()))?;
        if !report.schema.starts_with("casescrub.report/") {
            return Err(format!(
                "{}: schema is `{}`, expected casescrub.report/1",
                name.display(),
                report.schema
            ));
        }
        Ok(report)
    }
}

/// A 1-based line and character column.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Position {
    /// 1-based line.
    pub line: usize,
    /// 1-based column, in characters.
    pub column: usize,
}

impl Position {
    /// The position of byte `offset` in `text`.
    pub fn of(text: &str, offset: usize) -> Self {
        let offset = crate::detect::floor_char(text, offset.min(text.len()));
        let before = &text[..offset];
        let line = before.bytes().filter(|&b| b == b'\n').count() + 1;
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        Position {
            line,
            column: text[line_start..offset].chars().count() + 1,
        }
    }
}

impl std::fmt::Display for Position {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}:{}", self.line, self.column)
    }
}

/// Why the redacted file does not match the report.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Mismatch {
    /// A reported finding does not fit the original (wrong offsets or text).
    BadFinding {
        /// Index of the finding in the report.
        index: usize,
        /// Where the finding claims to be, in the original.
        at: Position,
        /// What is wrong.
        reason: String,
    },
    /// The redacted file differs from the original with the findings applied.
    Differs {
        /// First differing position in the redacted file.
        at: Position,
        /// The corresponding position in the original.
        original_at: Position,
        /// What the difference is: a changed byte outside any finding, or a finding
        /// whose replacement is not there.
        reason: String,
        /// A short excerpt of what was expected there.
        expected: String,
        /// A short excerpt of what is there.
        found: String,
    },
}

/// Identifying text still present in the redacted file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Residue {
    /// Where, in the redacted file.
    pub at: Position,
    /// Byte offset in the redacted file.
    pub start: usize,
    /// What it is.
    pub kind: Kind,
    /// The rule that found it.
    pub rule: String,
    /// The text.
    pub text: String,
}

/// The verdict for one file.
#[derive(Debug, Clone, Default)]
pub struct Verdict {
    /// How many reported findings were checked.
    pub findings: usize,
    /// The first mismatch, if any.
    pub mismatch: Option<Mismatch>,
    /// Everything the rescan found.
    pub residue: Vec<Residue>,
}

impl Verdict {
    /// Exit code convention: 0 clean, 4 mismatch (takes precedence), 3 residue.
    pub fn code(&self) -> i32 {
        if self.mismatch.is_some() {
            4
        } else if !self.residue.is_empty() {
            3
        } else {
            0
        }
    }
}

/// Checks `redacted` against `original` with `changes` applied, and rescans
/// `redacted` with `scrubber`.
pub fn verify(
    scrubber: &Scrubber,
    original: &str,
    redacted: &str,
    changes: &[ReportedChange],
) -> Verdict {
    let mut verdict = Verdict {
        findings: changes.len(),
        ..Verdict::default()
    };
    // Rebuild the expected text, remembering where each replacement landed.
    let mut expected = String::with_capacity(original.len());
    // (expected start, expected end, original start, change index)
    let mut placed: Vec<(usize, usize, usize, usize)> = Vec::with_capacity(changes.len());
    let mut cursor = 0;
    let mut bad = None;
    for (i, c) in changes.iter().enumerate() {
        let problem = if c.start < cursor {
            Some("overlaps or precedes the previous finding".to_string())
        } else if c.end < c.start || c.end > original.len() {
            Some(format!(
                "offsets {}..{} are outside the original ({} bytes)",
                c.start,
                c.end,
                original.len()
            ))
        } else {
            match original.get(c.start..c.end) {
                None => Some("offsets are not on character boundaries".to_string()),
                Some(t) if t != c.original => Some(format!(
                    "the original has {:?} there, the report says {:?}",
                    excerpt(t),
                    excerpt(&c.original)
                )),
                Some(_) => None,
            }
        };
        if let Some(reason) = problem {
            bad = Some(Mismatch::BadFinding {
                index: i,
                at: Position::of(original, c.start),
                reason,
            });
            break;
        }
        expected.push_str(&original[cursor..c.start]);
        let at = expected.len();
        expected.push_str(&c.replacement);
        placed.push((at, expected.len(), c.start, i));
        cursor = c.end;
    }
    if bad.is_some() {
        verdict.mismatch = bad;
    } else {
        expected.push_str(&original[cursor..]);
        verdict.mismatch = first_difference(original, &expected, redacted, &placed, changes);
    }
    let aligned = verdict.mismatch.is_none();
    let inside_replacement = |start: usize, end: usize| {
        aligned && {
            let i = placed.partition_point(|p| p.1 <= start);
            placed.get(i).is_some_and(|p| p.0 <= start && end <= p.1)
        }
    };
    // 1. Rescan the redacted text. Spans inside a replacement the report put there are
    //    not residue when the file matches (a placeholder is not an identifier).
    for f in scrubber.detect(redacted) {
        if !inside_replacement(f.start, f.end) {
            verdict.residue.push(Residue {
                at: Position::of(redacted, f.start),
                start: f.start,
                kind: f.kind,
                rule: f.rule.to_string(),
                text: f.text(redacted).to_string(),
            });
        }
    }
    if aligned {
        // 2. Identifiers the library finds in the original that no reported change
        //    covers: still there verbatim, even if the rewrite around them hides their
        //    context from the rescan.
        for f in scrubber.detect(original) {
            let i = changes.partition_point(|c| c.end <= f.start);
            if changes.get(i).is_some_and(|c| c.start < f.end) {
                continue;
            }
            let mapped = map_offset(&placed, changes, f.start);
            push_residue(
                &mut verdict.residue,
                redacted,
                mapped,
                f.kind,
                &f.rule,
                f.text(original),
            );
        }
        // 3. The original value of every reported finding, anywhere else in the output.
        //    Text the allow-list keeps on purpose ("STATE OF CALIFORNIA") is skipped.
        let allowed: Vec<(usize, usize)> = crate::resolve::resolve_with(
            scrubber.matcher(),
            scrubber.matcher().candidates(redacted),
            true,
        )
        .into_iter()
        .filter(|f| f.kind == Kind::Allow)
        .map(|f| (f.start, f.end))
        .collect();
        let skip = |start: usize, end: usize| {
            inside_replacement(start, end) || allowed.iter().any(|&(s, e)| s < end && start < e)
        };
        known_values(redacted, changes, &skip, &mut verdict.residue);
    }
    verdict
        .residue
        .sort_by(|a, b| a.start.cmp(&b.start).then(a.rule.cmp(&b.rule)));
    verdict
}

/// The offset in the expected (= redacted) text of original offset `at`, which lies
/// outside every change.
fn map_offset(
    placed: &[(usize, usize, usize, usize)],
    changes: &[ReportedChange],
    at: usize,
) -> usize {
    let i = changes.partition_point(|c| c.end <= at);
    match i.checked_sub(1) {
        Some(j) => placed[j].1 + (at - changes[j].end),
        None => at,
    }
}

/// Adds a residue unless the same span is already listed.
fn push_residue(
    residue: &mut Vec<Residue>,
    redacted: &str,
    start: usize,
    kind: Kind,
    rule: &str,
    text: &str,
) {
    if residue.iter().any(|r| r.start == start && r.text == text) {
        return;
    }
    residue.push(Residue {
        at: Position::of(redacted, start),
        start,
        kind,
        rule: rule.to_string(),
        text: text.to_string(),
    });
}

/// Rule id reported for a known value found again in the output.
pub const KNOWN_VALUE_RULE: &str = crate::rule_ids::VERIFY_KNOWN_VALUE;

/// Finds the original value of each reported placeholder finding (3+ characters,
/// whole words) elsewhere in the redacted text.
fn known_values(
    redacted: &str,
    changes: &[ReportedChange],
    inside_replacement: &dyn Fn(usize, usize) -> bool,
    residue: &mut Vec<Residue>,
) {
    let mut values: Vec<(&str, Kind)> = Vec::new();
    for c in changes {
        // Neutralized words (pronouns, titles) are ordinary words, not identifiers.
        if c.kind == Kind::Gender || c.original.chars().count() < 3 {
            continue;
        }
        if !values.iter().any(|(v, _)| *v == c.original) {
            values.push((&c.original, c.kind));
        }
    }
    if values.is_empty() {
        return;
    }
    let Ok(ac) = aho_corasick::AhoCorasick::builder()
        .match_kind(aho_corasick::MatchKind::LeftmostLongest)
        .build(values.iter().map(|(v, _)| v))
    else {
        return;
    };
    for m in ac.find_iter(redacted) {
        let (start, end) = (m.start(), m.end());
        if !crate::detect::is_word_edge(redacted, start, end) || inside_replacement(start, end) {
            continue;
        }
        let (value, kind) = values[m.pattern().as_usize()];
        push_residue(residue, redacted, start, kind, KNOWN_VALUE_RULE, value);
    }
}

fn first_difference(
    original: &str,
    expected: &str,
    redacted: &str,
    placed: &[(usize, usize, usize, usize)],
    changes: &[ReportedChange],
) -> Option<Mismatch> {
    let (e, r) = (expected.as_bytes(), redacted.as_bytes());
    let common = e.iter().zip(r).take_while(|(a, b)| a == b).count();
    if common == e.len() && common == r.len() {
        return None;
    }
    let at = crate::detect::floor_char(redacted, common.min(redacted.len()));
    // Map the expected offset back to the original.
    let i = placed.partition_point(|p| p.1 <= at);
    let (original_offset, reason) = match placed.get(i) {
        Some(&(s, _, o, ci)) if s <= at => {
            let c = &changes[ci];
            (
                o,
                format!(
                    "the finding {} {} {:?} should read {:?} here",
                    c.kind,
                    c.rule,
                    excerpt(&c.original),
                    c.replacement
                ),
            )
        }
        _ => {
            // Between replacements: same distance from the previous one in both.
            let (prev_expected_end, prev_original_end) = match i.checked_sub(1) {
                Some(j) => (placed[j].1, changes[placed[j].3].end),
                None => (0, 0),
            };
            let o = prev_original_end + (at - prev_expected_end);
            let reason = if at >= redacted.len() {
                "the redacted file ends early".to_string()
            } else if at >= expected.len() {
                "the redacted file has extra text at the end".to_string()
            } else {
                "text changed outside any reported finding".to_string()
            };
            (o, reason)
        }
    };
    let snippet = |s: &str| {
        let lo = crate::detect::floor_char(s, at.min(s.len()));
        let hi = crate::detect::ceil_char(s, (at + 24).min(s.len()));
        excerpt(&s[lo..hi])
    };
    Some(Mismatch::Differs {
        at: Position::of(redacted, at),
        original_at: Position::of(original, original_offset.min(original.len())),
        reason,
        expected: snippet(expected),
        found: snippet(redacted),
    })
}

/// At most 40 characters of `s`, with an ellipsis when cut.
fn excerpt(s: &str) -> String {
    if s.chars().count() <= 40 {
        s.to_string()
    } else {
        let mut t: String = s.chars().take(39).collect();
        t.push('…');
        t
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Numbering;

    fn setup(text: &str) -> (Scrubber, String, Vec<ReportedChange>) {
        let scrubber = Scrubber::with_default_patterns().unwrap();
        let r = scrubber.redact(text, &mut Numbering::default());
        let changes = r
            .changes
            .iter()
            .map(|c| ReportedChange {
                start: c.start,
                end: c.end,
                kind: c.kind,
                rule: c.rule.to_string(),
                original: c.original.clone(),
                replacement: c.replacement.clone(),
            })
            .collect();
        (scrubber, r.output, changes)
    }

    const TEXT: &str = "Seen on 6/18/02.\nPain 5/10.\nCall (805) 637-3326 today.\n";

    #[test]
    fn clean_redaction_passes() {
        let (s, out, changes) = setup(TEXT);
        let v = verify(&s, TEXT, &out, &changes);
        assert_eq!(v.code(), 0, "{v:?}");
    }

    #[test]
    fn byte_changed_outside_a_finding_is_caught_with_its_line() {
        let (s, out, changes) = setup(TEXT);
        let edited = out.replace("Pain 5/10", "Pain 6/10");
        let v = verify(&s, TEXT, &edited, &changes);
        assert_eq!(v.code(), 4);
        match v.mismatch.unwrap() {
            Mismatch::Differs {
                at,
                original_at,
                reason,
                ..
            } => {
                assert_eq!(at, Position { line: 2, column: 6 });
                assert_eq!(original_at, Position { line: 2, column: 6 });
                assert!(reason.contains("outside"), "{reason}");
            }
            m => panic!("{m:?}"),
        }
    }

    #[test]
    fn missing_finding_is_caught() {
        let (s, out, changes) = setup(TEXT);
        let undone = out.replace("[DATE-1]", "6/18/02");
        let v = verify(&s, TEXT, &undone, &changes);
        assert_eq!(v.code(), 4);
        match v.mismatch.unwrap() {
            Mismatch::Differs { at, reason, .. } => {
                assert_eq!(at.line, 1);
                assert!(reason.contains("date."), "{reason}");
            }
            m => panic!("{m:?}"),
        }
        // The rescan also sees the date.
        assert!(v.residue.iter().any(|r| r.kind == Kind::Date));
    }

    #[test]
    fn residue_is_found_when_the_report_left_it() {
        let (s, _, mut changes) = setup(TEXT);
        changes.retain(|c| c.kind != Kind::Phone);
        let mut out = String::new();
        let mut cursor = 0;
        for c in &changes {
            out.push_str(&TEXT[cursor..c.start]);
            out.push_str(&c.replacement);
            cursor = c.end;
        }
        out.push_str(&TEXT[cursor..]);
        let v = verify(&s, TEXT, &out, &changes);
        assert_eq!(v.code(), 3, "{v:?}");
        assert_eq!(v.residue[0].kind, Kind::Phone);
        assert_eq!(v.residue[0].at.line, 3);
    }

    #[test]
    fn value_redacted_in_one_place_but_left_in_another_is_residue() {
        let scrubber = Scrubber::with_default_patterns().unwrap();
        let text = "Quorvak called. Quorvak again.";
        let changes = vec![ReportedChange {
            start: 0,
            end: 7,
            kind: Kind::Person,
            rule: "test.rule".into(),
            original: "Quorvak".into(),
            replacement: "[PERSON-1]".into(),
        }];
        let out = "[PERSON-1] called. Quorvak again.";
        let v = verify(&scrubber, text, out, &changes);
        assert_eq!(v.code(), 3, "{v:?}");
        let r = &v.residue[0];
        assert_eq!(
            (r.rule.as_str(), r.text.as_str()),
            (KNOWN_VALUE_RULE, "Quorvak")
        );
        assert_eq!(
            r.at,
            Position {
                line: 1,
                column: 20
            }
        );
    }

    #[test]
    fn finding_that_does_not_fit_the_original_is_a_mismatch() {
        let (s, out, mut changes) = setup(TEXT);
        changes[0].original = "7/18/02".into();
        let v = verify(&s, TEXT, &out, &changes);
        assert!(matches!(v.mismatch, Some(Mismatch::BadFinding { .. })));
    }
}
