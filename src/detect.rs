//! Finds candidate findings: one pass of the combined regex and one pass of each
//! word-list automaton over the text, with validators and context checks.

use crate::matcher::{CompiledRule, Matcher, Scratch, WordAutomaton};
use crate::validate::{self, Groups};
use regex_automata::util::captures::Captures;
use regex_automata::Input;

/// A match of one rule, before overlaps are resolved.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Candidate {
    /// Byte offset of the first byte.
    pub start: usize,
    /// Byte offset one past the last byte.
    pub end: usize,
    /// Index into [`Matcher::rules`].
    pub rule: usize,
    /// What was found (the rule's kind, or the kind of its `k_KIND` group).
    pub kind: crate::kind::Kind,
}

impl Matcher {
    /// Every candidate in `text`, unsorted and possibly overlapping.
    pub fn candidates(&self, text: &str) -> Vec<Candidate> {
        let mut out = Vec::new();
        self.regex_candidates(text, &mut out);
        for automaton in [&self.words_folded, &self.words_exact]
            .into_iter()
            .flatten()
        {
            self.word_candidates(automaton, text, &mut out);
        }
        out
    }

    fn regex_candidates(&self, text: &str, out: &mut Vec<Candidate>) {
        if self.regex_sources.is_empty() {
            return;
        }
        let mut scratch = self.scratch.get();
        let Scratch { scan, rules, caps } = &mut *scratch;
        let mut pos = 0;
        while pos <= text.len() {
            // The combined regex finds where and which rule (lazy DFAs only); the
            // rule's own regex, anchored there, reads its capture groups.
            let found = match (&self.scanner, scan.as_mut()) {
                (Some(scanner), Some(cache)) => scanner.find(cache, text, pos).ok(),
                _ => None,
            };
            let found = found.unwrap_or_else(|| {
                self.fallback()
                    .search(&Input::new(text).range(pos..))
                    .map(|m| (m.start(), m.pattern().as_usize(), m.end()))
            });
            let Some((start, first, first_end)) = found else {
                break;
            };
            let mut accepted = None;
            // If the rule rejects the match, another may match at the same place: try
            // the rules listed after it, anchored here.
            for pid in first..self.single.len() {
                let end = match (&self.scanner, scan.as_mut()) {
                    // The search that found the match knows where it ends.
                    (Some(_), Some(_)) if pid == first => Some(first_end),
                    (Some(scanner), Some(cache)) => match scanner.end_at(cache, text, start, pid) {
                        Ok(None) => continue,
                        Ok(end) => end,
                        Err(_) => None,
                    },
                    _ => None,
                };
                let caps = &mut caps[pid];
                self.single[pid].captures_at(&mut rules[pid], text, start, end, caps);
                if caps.is_match() {
                    accepted = self.accept_regex(text, pid, caps);
                    if accepted.is_some() {
                        break;
                    }
                }
            }
            match accepted {
                Some((found, match_end)) => {
                    out.extend(found);
                    pos = if match_end > start {
                        match_end
                    } else {
                        next_char(text, start)
                    };
                }
                None => pos = next_char(text, start),
            }
        }
    }

    /// Checks the regex match in `caps`; returns its candidates and the whole match end.
    fn accept_regex(
        &self,
        text: &str,
        pid: usize,
        caps: &Captures,
    ) -> Option<(Vec<Candidate>, usize)> {
        let m = caps.get_match()?;
        let rule_index = self.regex_rules[pid];
        let rule = &self.rules[rule_index];
        let span = caps
            .get_group_by_name("v")
            .or_else(|| caps.get_group_by_name("v2"))
            .unwrap_or(m.span());
        if span.start >= span.end {
            return None;
        }
        let value = &text[span.start..span.end];
        if let Some(validator) = rule.validator {
            // A rule with alternatives may name the second set `m2`, `d2`, ...
            let group = |name: &str| {
                caps.get_group_by_name(name)
                    .or_else(|| caps.get_group_by_name(&format!("{name}2")))
                    .map(|s| &text[s.start..s.end])
            };
            let groups = Groups {
                month: group("m"),
                month_name: group("mon"),
                day: group("d"),
                year: group("y"),
            };
            if !validate::check(validator, value, &groups) {
                return None;
            }
        }
        if !context_allows(rule, text, span.start, span.end) {
            return None;
        }
        let groups = &self.regex_kind_groups[pid];
        let found: Vec<Candidate> = if groups.is_empty() {
            vec![Candidate {
                start: span.start,
                end: span.end,
                rule: rule_index,
                kind: rule.kind,
            }]
        } else {
            groups
                .iter()
                .filter_map(|&(group, kind)| {
                    let s = caps.get_group(group)?;
                    (s.start < s.end).then_some(Candidate {
                        start: s.start,
                        end: s.end,
                        rule: rule_index,
                        kind,
                    })
                })
                .collect()
        };
        // The match must not start inside a word (patterns may begin with `(` or `+`).
        if found.is_empty() || !rule_may_start(rule, text, m.start()) {
            return None;
        }
        // Scanning resumes inside this match, not after it, so overlapping matches
        // are candidates too and resolution picks the best: trailing context ("46
        // years of age") may start the next identifier ("age 17", found by
        // fuzzing); a label's match ("patient 3985") may hide a better one at its
        // value ("3985 Pine Road"); a short date ("10 Nov") may hide a longer one
        // starting inside it ("Nov. 21, 2026").
        let first = found.iter().map(|c| c.start).min().unwrap_or(m.start());
        let resume = if first > m.start() {
            first
        } else {
            next_char(text, m.start())
        };
        Some((found, resume))
    }

    fn word_candidates(&self, automaton: &WordAutomaton, text: &str, out: &mut Vec<Candidate>) {
        for m in automaton.ac.find_overlapping_iter(text) {
            let (start, end) = (m.start(), m.end());
            if !text.is_char_boundary(start)
                || !text.is_char_boundary(end)
                || !is_word_edge(text, start, end)
            {
                continue;
            }
            for &rule_index in &automaton.rules_of_pattern[m.pattern().as_usize()] {
                let rule = &self.rules[rule_index];
                let value = &text[start..end];
                if let Some(validator) = rule.validator {
                    if !validate::check(validator, value, &Groups::default()) {
                        continue;
                    }
                }
                if context_allows(rule, text, start, end) {
                    out.push(Candidate {
                        start,
                        end,
                        rule: rule_index,
                        kind: rule.kind,
                    });
                }
            }
        }
    }
}

/// Whether `text[start..end]` is a whole word: no letter or digit touches either side.
pub fn is_word_edge(text: &str, start: usize, end: usize) -> bool {
    let before = text[..start].chars().next_back();
    let after = text[end..].chars().next();
    let first = text[start..end].chars().next();
    let last = text[start..end].chars().next_back();
    let joins = |outside: Option<char>, inside: Option<char>| match (outside, inside) {
        (Some(o), Some(i)) => o.is_alphanumeric() && i.is_alphanumeric(),
        _ => false,
    };
    !joins(before, first) && !joins(after, last)
}

/// Whether a match at `start` does not begin in the middle of a word.
pub(crate) fn starts_word(text: &str, start: usize) -> bool {
    let before = text[..start].chars().next_back();
    let first = text[start..].chars().next();
    !matches!((before, first), (Some(b), Some(f)) if b.is_alphanumeric() && f.is_alphanumeric())
}

/// Whether `rule` may match at `start`: not inside a word, and an allow-list rule
/// not at a digit inside a number either ("31/10" in "12/31/10" is no pain score:
/// scanning restarts inside matches, and an allow span there would hide the date).
pub(crate) fn rule_may_start(rule: &CompiledRule, text: &str, start: usize) -> bool {
    if !starts_word(text, start) {
        return false;
    }
    if rule.kind != crate::kind::Kind::Allow {
        return true;
    }
    let mut before = text[..start].chars().rev();
    let inside_number = matches!(before.next(), Some('/' | '.'))
        && before.next().is_some_and(|c| c.is_ascii_digit())
        && text[start..].starts_with(|c: char| c.is_ascii_digit());
    !inside_number
}

fn next_char(text: &str, at: usize) -> usize {
    text[at..]
        .chars()
        .next()
        .map_or(text.len() + 1, |c| at + c.len_utf8())
}

/// Applies a rule's context words to a match at `start..end`.
pub(crate) fn context_allows(rule: &CompiledRule, text: &str, start: usize, end: usize) -> bool {
    let Some(ctx) = &rule.context else {
        return true;
    };
    let lo = floor_char(text, start.saturating_sub(ctx.window));
    let hi = ceil_char(text, (end + ctx.window).min(text.len()));
    // A word cut by the window's edge is left out ("ON" of "PERSON" is no "on"),
    // and so are placeholders ("[DATE-1]" is no date word): the context of a value
    // must read the same before and after redaction.
    let (lo, hi) = (
        whole_word_start(text, lo, start),
        whole_word_end(text, hi, end),
    );
    let before = without_placeholders(&text[lo..start]);
    let after = without_placeholders(&text[end..hi]);
    let (before, after) = (before.as_ref(), after.as_ref());
    if let Some(position) = &rule.position {
        if !position.allows(before, after) {
            return false;
        }
    }
    let window = match ctx.side.as_str() {
        "before" => before.to_lowercase(),
        "after" => after.to_lowercase(),
        _ => format!("{before} {after}").to_lowercase(),
    };
    if !ctx.forbid.is_empty() {
        let both = format!("{before} {after}").to_lowercase();
        if ctx.forbid.iter().any(|w| contains_word(&both, w)) {
            return false;
        }
    }
    ctx.require.is_empty() || ctx.require.iter().any(|w| contains_word(&window, w))
}

/// Whether byte `i` of `text` falls between two letters or digits of one word.
fn splits_word(text: &str, i: usize) -> bool {
    text[..i]
        .chars()
        .next_back()
        .is_some_and(char::is_alphanumeric)
        && text[i..].chars().next().is_some_and(char::is_alphanumeric)
}

/// `lo`, moved forward past a word that starts before it (not past `limit`).
fn whole_word_start(text: &str, mut lo: usize, limit: usize) -> usize {
    while lo < limit && splits_word(text, lo) {
        lo = next_char(text, lo);
    }
    lo
}

/// `hi`, moved back before a word that goes on after it (not before `limit`).
fn whole_word_end(text: &str, mut hi: usize, limit: usize) -> usize {
    while hi > limit && splits_word(text, hi) {
        hi = floor_char(text, hi - 1);
    }
    hi
}

/// `text` without placeholders of the default shapes (`[DATE-1]`, `[APPLICANT]`,
/// `[TREATING-PHYSICIAN-2]`).
fn without_placeholders(text: &str) -> std::borrow::Cow<'_, str> {
    if !text.contains('[') {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(open) = rest.find('[') {
        out.push_str(&rest[..open]);
        let tail = &rest[open..];
        let close = tail.find(']').filter(|&c| {
            let inner = &tail[1..c];
            inner.starts_with(|ch: char| ch.is_ascii_uppercase())
                && inner
                    .chars()
                    .all(|ch| ch.is_ascii_uppercase() || ch.is_ascii_digit() || ch == '-')
        });
        match close {
            Some(c) => {
                out.push(' ');
                rest = &tail[c + 1..];
            }
            None => {
                out.push('[');
                rest = &tail[1..];
            }
        }
    }
    out.push_str(rest);
    std::borrow::Cow::Owned(out)
}

/// Whether `haystack` holds `needle` as a whole word or phrase.
pub(crate) fn contains_word(haystack: &str, needle: &str) -> bool {
    let mut from = 0;
    while let Some(i) = haystack[from..].find(needle) {
        let start = from + i;
        let end = start + needle.len();
        let edge_ok = |c: Option<char>, n: Option<char>| match (c, n) {
            (Some(c), Some(n)) => !(c.is_alphanumeric() && n.is_alphanumeric()),
            _ => true,
        };
        if edge_ok(haystack[..start].chars().next_back(), needle.chars().next())
            && edge_ok(haystack[end..].chars().next(), needle.chars().next_back())
        {
            return true;
        }
        from = start + needle.chars().next().map_or(1, char::len_utf8);
    }
    false
}

/// Largest char boundary at or below `i`.
pub fn floor_char(text: &str, mut i: usize) -> usize {
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// Smallest char boundary at or above `i`.
pub fn ceil_char(text: &str, mut i: usize) -> usize {
    while i < text.len() && !text.is_char_boundary(i) {
        i += 1;
    }
    i
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn whole_words() {
        assert!(contains_word("dated on", "on"));
        assert!(!contains_word("month", "on"));
        assert!(is_word_edge("a she b", 2, 5));
        assert!(!is_word_edge("ashe", 1, 4));
        assert!(is_word_edge("José", 0, 5));
    }

    /// A matcher of the rules in `toml` alone (a pattern file's text).
    fn matcher(toml: &str) -> Matcher {
        let mut library = crate::patterns::Library::default();
        library
            .add_file("test.toml", toml, false, &|_| None)
            .unwrap();
        Matcher::new(&library).unwrap()
    }

    const RULES: &str = r#"
[[rule]]
id = "t.code"
kind = "ID"
description = "A code after a cue word."
regex = '''\bX-[0-9]{3}\b'''
priority = 50
context = { require = ["code"], forbid = ["not"], window = 12, side = "before" }
examples = { match = ["code «X-123»"], no_match = ["X-123"] }

[[rule]]
id = "t.town"
kind = "LOCATION"
description = "Two town names."
words = ["Smithville", "Oak Hill"]
priority = 40
examples = { match = ["Smithville"], no_match = ["Smith"] }
"#;

    fn spans(m: &Matcher, text: &str) -> Vec<(String, &'static str)> {
        let mut found: Vec<_> = m
            .candidates(text)
            .into_iter()
            .map(|c| (c.start, text[c.start..c.end].to_string(), c.kind.as_str()))
            .collect();
        found.sort();
        found.into_iter().map(|(_, t, k)| (t, k)).collect()
    }

    #[test]
    fn candidates_come_from_regexes_and_word_lists_in_one_pass() {
        let m = matcher(RULES);
        assert_eq!(
            spans(&m, "code X-123 from Smithville and Oak Hill"),
            [
                ("X-123".to_string(), "ID"),
                ("Smithville".to_string(), "LOCATION"),
                ("Oak Hill".to_string(), "LOCATION")
            ]
        );
        // A word-list entry inside a longer word is no candidate.
        assert!(spans(&m, "Smithvilles").is_empty());
    }

    #[test]
    fn context_words_are_required_before_and_forbidden_on_either_side() {
        let m = matcher(RULES);
        let rule = &m.rules()[m.rules().iter().position(|r| &*r.id == "t.code").unwrap()];
        let at = |text: &str| {
            let start = text.find("X-123").unwrap();
            context_allows(rule, text, start, start + 5)
        };
        assert!(at("the code X-123"));
        assert!(!at("X-123 code"), "the cue must come before");
        assert!(!at("the zip X-123"), "no cue word");
        assert!(!at("code not X-123"), "a forbidden word vetoes");
        // A word cut by the window's edge does not count: "barcode" is no "code".
        assert!(!at("barcode sent X-123"));
        // A placeholder is no context word, so the context reads the same after a
        // first redaction.
        assert!(at("code [D-1] X-123"));
        assert!(!at("[CODE-1] X-123"));
    }

    #[test]
    fn placeholders_are_blanked_out_of_context() {
        assert_eq!(without_placeholders("on [DATE-1] at"), "on   at");
        assert_eq!(
            without_placeholders("[TREATING-PHYSICIAN-2] and [x]"),
            "  and [x]"
        );
        assert_eq!(without_placeholders("no brackets"), "no brackets");
    }

    #[test]
    fn char_boundaries_round_to_whole_characters() {
        let text = "aé b";
        assert_eq!(floor_char(text, 2), 1);
        assert_eq!(ceil_char(text, 2), 3);
        assert_eq!(ceil_char(text, 9), 9);
    }
}
