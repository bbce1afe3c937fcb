//! Rewrites a text: every finding is replaced, every other byte is kept.

use crate::grammar;
use crate::kind::Kind;
use crate::neutral::{neutral_form, next_word};
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

/// What one finding becomes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Replacement {
    /// The text written in place of the finding.
    pub text: String,
    /// A neutral subject pronoun ("they"): the verb after it is made to agree.
    pub neutral: bool,
    /// The finding is deleted: one adjacent space goes with it.
    pub remove: bool,
}

impl Replacement {
    /// A plain replacement.
    pub fn new(text: String) -> Self {
        Replacement {
            text,
            neutral: false,
            remove: false,
        }
    }

    /// Deletes the finding (and one adjacent space).
    pub fn removal() -> Self {
        Replacement {
            text: String::new(),
            neutral: false,
            remove: true,
        }
    }
}

/// Decides what each finding becomes; `None` keeps it unchanged (and unreported).
pub trait Replacer {
    /// The replacement for `finding` in `text`.
    fn replace(&mut self, text: &str, finding: &Finding) -> Option<Replacement>;
}

/// The default rewrite, with no policy: every finding becomes a numbered
/// placeholder (mentions of one person share the key of the full name), and a
/// gendered pronoun or title its neutral form ("She takes" → "They take", "Mrs." →
/// "Mx."). It is what the `strict` profile does (a test in `policy` holds the two
/// equal), without the policy layer, so settling and the plain redaction path do
/// not depend on policies.
#[derive(Debug)]
pub struct Placeholders<'a> {
    numbering: &'a mut Numbering,
}

impl<'a> Placeholders<'a> {
    /// Numbers placeholders with `numbering`.
    pub fn new(numbering: &'a mut Numbering) -> Self {
        Placeholders { numbering }
    }
}

impl Replacer for Placeholders<'_> {
    fn replace(&mut self, text: &str, f: &Finding) -> Option<Replacement> {
        let original = f.text(text);
        if f.kind == Kind::Gender {
            if let Some(n) = neutral_form(original, next_word(text, f.end).as_deref()) {
                if n == original {
                    return None;
                }
                return Some(Replacement {
                    neutral: true,
                    ..Replacement::new(n)
                });
            }
        }
        Some(Replacement::new(match &f.key {
            Some(key) => self.numbering.placeholder_for_key(f.kind, key),
            None => self.numbering.placeholder(f.kind, original),
        }))
    }
}

/// Replaces each finding of `text` (sorted, non-overlapping) with the default
/// rewrite ([`Placeholders`]) and keeps every other byte.
pub fn redact(text: &str, findings: &[Finding], numbering: &mut Numbering) -> Redaction {
    redact_with(text, findings, &mut Placeholders::new(numbering))
}

/// Replaces each finding of `text` (sorted, non-overlapping) as `replacer` decides
/// and keeps every other byte.
pub fn redact_with(text: &str, findings: &[Finding], replacer: &mut dyn Replacer) -> Redaction {
    redact_range(text, findings, replacer, 0, text.len())
}

/// Like [`redact_with`] for the part of `text` from `from` on (the output starts
/// there), with no change reaching before `from` or, for the last finding, past
/// `limit`. Used to redact a window of a longer text ([`crate::stream`]); line and
/// column are counted from the start of `text`.
pub fn redact_range(
    text: &str,
    findings: &[Finding],
    replacer: &mut dyn Replacer,
    from: usize,
    limit: usize,
) -> Redaction {
    let mut output = String::with_capacity(text.len() - from);
    let mut changes = Vec::with_capacity(findings.len());
    let mut cursor = from;
    let mut lines = LineIndex::new(text);
    for (i, f) in findings.iter().enumerate() {
        debug_assert!(f.start >= cursor, "findings must be sorted and disjoint");
        let Some(rep) = replacer.replace(text, f) else {
            continue;
        };
        let mut start = f.start;
        let mut end = f.end;
        let mut replacement = rep.text;
        let next_start = findings.get(i + 1).map_or(limit, |n| n.start);
        // "She takes" → "They take", "She received it and feels" → "They received it
        // and feel": the change covers the verbs too, and the words between are
        // copied, unless another finding starts before a verb.
        if rep.neutral && matches!(replacement.as_str(), "they" | "They" | "THEY") {
            let first = grammar::following_verb(text, f.end);
            let coordinated = grammar::coordinated_verbs(text, f.end, next_start);
            for (verb_start, verb_end, plural) in first.into_iter().chain(coordinated) {
                if verb_end > next_start {
                    break;
                }
                replacement.push_str(&text[end..verb_start]);
                replacement.push_str(&plural);
                end = verb_end;
            }
        }
        if rep.remove {
            // "on 6/18/02 the" → "on the"; "dated 6/18/02." → "dated.".
            let before = text[..start].chars().next_back();
            let after = text[end..].chars().next();
            let space_before = before.is_none_or(|c| c == ' ' || c == '\n');
            if after == Some(' ') && space_before && end < next_start {
                end += 1;
            } else if before == Some(' ')
                && start > cursor
                && after.is_none_or(|c| !c.is_alphanumeric())
            {
                start -= 1;
            }
        }
        output.push_str(&text[cursor..start]);
        output.push_str(&replacement);
        cursor = end;
        let (line, column) = lines.position(start);
        changes.push(Change {
            start,
            end,
            line,
            column,
            kind: f.kind,
            rule: f.rule.clone(),
            original: text[start..end].to_string(),
            replacement,
        });
    }
    output.push_str(&text[cursor..]);
    Redaction { output, changes }
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
/// A line ends at `\n`, at `\r\n`, or at a lone `\r`.
struct LineIndex<'a> {
    text: &'a str,
    offset: usize,
    line: usize,
    /// Characters between the start of the line and `offset`.
    column: usize,
}

impl<'a> LineIndex<'a> {
    fn new(text: &'a str) -> Self {
        LineIndex {
            text,
            offset: 0,
            line: 1,
            column: 0,
        }
    }

    /// Line and column of `at`; counts only the bytes since the last call, so a
    /// 50 MB line with many findings stays linear.
    fn position(&mut self, at: usize) -> (usize, usize) {
        let bytes = self.text.as_bytes();
        for i in self.offset..at {
            match bytes[i] {
                b'\n' => (self.line, self.column) = (self.line + 1, 0),
                b'\r' if bytes.get(i + 1) != Some(&b'\n') => {
                    (self.line, self.column) = (self.line + 1, 0)
                }
                b if b & 0xC0 != 0x80 => self.column += 1,
                _ => {}
            }
        }
        self.offset = at;
        (self.line, self.column + 1)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn finding(text: &str, value: &str, kind: Kind) -> Finding {
        let start = text.find(value).expect("value in text");
        Finding {
            start,
            end: start + value.len(),
            kind,
            rule: Arc::from("test.rule"),
            action: crate::matcher::DefaultAction::Placeholder,
            key: None,
        }
    }

    #[test]
    fn the_same_value_gets_the_same_placeholder() {
        let text = "Lopez met Ruiz; Lopez left.";
        let mut found = vec![
            finding(text, "Lopez", Kind::Person),
            finding(text, "Ruiz", Kind::Person),
        ];
        let second = text.rfind("Lopez").unwrap();
        found.push(Finding {
            start: second,
            end: second + 5,
            ..found[0].clone()
        });
        let red = redact(text, &found, &mut Numbering::default());
        assert_eq!(red.output, "[PERSON-1] met [PERSON-2]; [PERSON-1] left.");
        assert_eq!(red.changes.len(), 3);
        assert_eq!(
            apply_changes(text, &red.changes).as_deref(),
            Some(&*red.output)
        );
    }

    #[test]
    fn a_pronoun_becomes_neutral_and_its_verb_agrees() {
        let text = "She takes Norco.";
        let red = redact(
            text,
            &[finding(text, "She", Kind::Gender)],
            &mut Numbering::default(),
        );
        assert_eq!(red.output, "They take Norco.");
        // The change covers the verb, so the report still reproduces the output.
        assert_eq!(red.changes[0].original, "She takes");
        assert_eq!(
            apply_changes(text, &red.changes).as_deref(),
            Some(&*red.output)
        );
    }

    #[test]
    fn mentions_sharing_a_key_share_a_placeholder() {
        let text = "Maria Lopez; Ms. Lopez.";
        let mut full = finding(text, "Maria Lopez", Kind::Person);
        full.key = Some(Arc::from("lopez maria"));
        let at = text.rfind("Lopez").unwrap();
        let bare = Finding {
            start: at,
            end: at + 5,
            ..full.clone()
        };
        let red = redact(text, &[full, bare], &mut Numbering::default());
        assert_eq!(red.output, "[PERSON-1]; Ms. [PERSON-1].");
    }

    #[test]
    fn line_and_column_count_characters_across_line_ends() {
        let text = "a\r\nbé\rc 6/18/02";
        let red = redact(
            text,
            &[finding(text, "6/18/02", Kind::Date)],
            &mut Numbering::default(),
        );
        assert_eq!((red.changes[0].line, red.changes[0].column), (3, 3));
    }

    #[test]
    fn changes_that_do_not_match_the_input_are_refused() {
        let text = "on 6/18/02";
        let mut red = redact(
            text,
            &[finding(text, "6/18/02", Kind::Date)],
            &mut Numbering::default(),
        );
        red.changes[0].original = "6/18/03".into();
        assert_eq!(apply_changes(text, &red.changes), None);
    }

    /// Deletes every finding, or keeps those of one kind unchanged.
    struct Remove(Option<Kind>);

    impl Replacer for Remove {
        fn replace(&mut self, _: &str, f: &Finding) -> Option<Replacement> {
            (Some(f.kind) != self.0).then(Replacement::removal)
        }
    }

    #[test]
    fn a_removal_takes_one_adjacent_space_with_it() {
        let text = "seen on 6/18/02 the clinic, dated 7/1/03.";
        let found = [
            finding(text, "6/18/02", Kind::Date),
            finding(text, "7/1/03", Kind::Date),
        ];
        let r = redact_with(text, &found, &mut Remove(None));
        assert_eq!(r.output, "seen on the clinic, dated.");
        assert_eq!(apply_changes(text, &r.changes).as_deref(), Some(&*r.output));
    }

    #[test]
    fn a_finding_the_replacer_keeps_is_neither_changed_nor_reported() {
        let text = "Ms. Lopez on 6/18/02";
        let found = [
            finding(text, "Lopez", Kind::Person),
            finding(text, "6/18/02", Kind::Date),
        ];
        let r = redact_with(text, &found, &mut Remove(Some(Kind::Person)));
        assert_eq!(r.output, "Ms. Lopez on");
        assert_eq!(r.changes.len(), 1);
        assert_eq!(r.changes[0].kind, Kind::Date);
    }

    #[test]
    fn a_range_redacts_from_its_start_and_counts_lines_from_the_text() {
        let text = "a 6/18/02\nb 7/1/03 c";
        let found = [finding(text, "7/1/03", Kind::Date)];
        let mut numbering = Numbering::default();
        let from = text.find('\n').unwrap() + 1;
        let r = redact_range(
            text,
            &found,
            &mut Placeholders::new(&mut numbering),
            from,
            text.len(),
        );
        assert_eq!(r.output, "b [DATE-1] c");
        assert_eq!((r.changes[0].line, r.changes[0].column), (2, 3));
    }

    #[test]
    fn the_text_between_findings_is_copied_byte_for_byte() {
        let text = "Née: José Núñez\r\n\tDOB 6/18/02 — «ok»";
        let found = vec![
            finding(text, "José Núñez", Kind::Person),
            finding(text, "6/18/02", Kind::Date),
        ];
        let red = redact(text, &found, &mut Numbering::default());
        assert_eq!(red.output, "Née: [PERSON-1]\r\n\tDOB [DATE-1] — «ok»");
        assert_eq!(red.changes.len(), 2);
        let c = &red.changes[1];
        assert_eq!(
            (c.original.as_str(), c.replacement.as_str()),
            ("6/18/02", "[DATE-1]")
        );
        assert_eq!(
            (c.line, c.column),
            (2, 6),
            "line and column of the original"
        );
        assert_eq!(&*c.rule, "test.rule");
        assert_eq!(
            apply_changes(text, &red.changes).as_deref(),
            Some(&*red.output)
        );
    }

    #[test]
    fn no_findings_give_the_input_back_with_no_changes() {
        for text in ["", "nothing here", "line\n\nline\n"] {
            let red = redact(text, &[], &mut Numbering::default());
            assert_eq!(red.output, text);
            assert!(red.changes.is_empty());
            assert_eq!(apply_changes(text, &[]).as_deref(), Some(text));
        }
    }
}
