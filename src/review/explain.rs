//! Explains detection at one place in a text: every rule that matched there, which
//! one won the overlap and why, and which were rejected by a validator, by context
//! words or by the allow-list.
//!
//! The explanation replays detection rule by rule around the place (anchored runs of
//! each rule's own regex, and the word-list automata), judges every match with the
//! same validator and context checks detection uses, and then compares with what the
//! real one-pass detection and overlap resolution produced.

use crate::detect::{contains_word, context_allows, floor_char, rule_may_start, Candidate};
use crate::kind::Kind;
use crate::matcher::{CompiledRule, Matcher};
use crate::resolve;
use crate::validate::{self, Groups};
use std::fmt;
use std::sync::Arc;

/// Why a rule's match was dropped before overlap resolution.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Rejection {
    /// The rule's validator said no (`date`, `ssn`, `luhn`, ...).
    Validator(String),
    /// A forbidden context word was near.
    ContextForbid(String),
    /// None of the required context words was near.
    ContextRequire {
        /// The words the rule looks for.
        words: Vec<String>,
        /// How many bytes it looks at.
        window: usize,
        /// `before`, `after` or `both`.
        side: String,
    },
    /// The match starts inside a word.
    InsideWord,
    /// The reported group is empty.
    Empty,
}

/// What became of one rule's match.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    /// It is a finding: it won every overlap.
    Won,
    /// An allow-list rule won: the text is kept on purpose.
    AllowListWon,
    /// Dropped because an allow-list rule covers the same text.
    AllowListed {
        /// The allow-list rule.
        by: Arc<str>,
    },
    /// Lost an overlap with another finding.
    Lost {
        /// The rule that won.
        winner: Arc<str>,
        /// Why it won: priority, then length, then position.
        why: String,
    },
    /// Never a candidate: detection's single pass took another rule's match starting
    /// at or before this one (leftmost-first, by priority) and moved past it.
    Shadowed {
        /// The rule whose match was taken.
        by: Arc<str>,
    },
    /// Dropped by the rule's own checks.
    Rejected(Rejection),
}

/// One match of one rule near the place being explained.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Considered {
    /// Byte span of the match (the reported group).
    pub start: usize,
    /// End of the span.
    pub end: usize,
    /// The matched text.
    pub text: String,
    /// Rule id.
    pub rule: Arc<str>,
    /// Kind the match would have.
    pub kind: Kind,
    /// The rule's priority.
    pub priority: i32,
    /// What happened to it.
    pub outcome: Outcome,
}

/// Everything detection did around `start..end`.
#[derive(Debug, Clone)]
pub struct Explanation {
    /// The place explained (byte span; at least one character).
    pub start: usize,
    /// End of the place.
    pub end: usize,
    /// Every rule match overlapping the place, winners first.
    pub considered: Vec<Considered>,
}

impl fmt::Display for Rejection {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Rejection::Validator(v) => write!(f, "rejected by the `{v}` validator"),
            Rejection::ContextForbid(w) => {
                write!(f, "suppressed by context: forbidden word {w:?} nearby")
            }
            Rejection::ContextRequire {
                words,
                window,
                side,
            } => write!(
                f,
                "suppressed by context: none of {words:?} within {window} bytes ({side})"
            ),
            Rejection::InsideWord => write!(f, "rejected: starts inside a word"),
            Rejection::Empty => write!(f, "rejected: empty match"),
        }
    }
}

impl fmt::Display for Outcome {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Outcome::Won => write!(f, "WON: this is the finding"),
            Outcome::AllowListWon => write!(f, "WON (allow-list): the text is kept as is"),
            Outcome::AllowListed { by } => write!(f, "suppressed by the allow-list rule {by}"),
            Outcome::Lost { winner, why } => write!(f, "lost the overlap to {winner}: {why}"),
            Outcome::Shadowed { by } => write!(
                f,
                "not tried: the single pass took {by}'s match here first (leftmost, by priority)"
            ),
            Outcome::Rejected(r) => write!(f, "{r}"),
        }
    }
}

/// The position and the cue behind an organisation or place finding of the entity
/// pass (rule `rule`, bytes `start..end` of `text`): which head closed or opened
/// the name, which cue phrase stood before it. `None` for other rules.
pub fn entity_position(text: &str, rule: &str, start: usize, end: usize) -> Option<String> {
    use crate::entities::lists::fold;
    use crate::entities::vocab::vocab;
    let v = vocab();
    let words = |s: &str| -> Vec<String> {
        s.split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '&'))
            .filter(|w| !w.is_empty())
            .map(fold)
            .collect()
    };
    let name = words(&text[start..end]);
    let before = words(&text[floor_char(text, start.saturating_sub(80))..start]);
    let last = name.last().cloned().unwrap_or_default();
    let first = name.first().cloned().unwrap_or_default();
    // The longest cue phrase of `lists` that ends the text before the finding.
    let cue_of = |lists: &[&crate::entities::vocab::Phrases]| -> Option<String> {
        lists
            .iter()
            .flat_map(|l| l.iter())
            .filter(|cue| before.ends_with(&cue.iter().map(|w| w.to_string()).collect::<Vec<_>>()))
            .max_by_key(|cue| cue.len())
            .map(|cue| cue.join(" "))
    };
    let prev = before.last().cloned().unwrap_or_default();
    let said = match rule {
        "org.suffix" => format!("a run of name words closed by the organisation head `{last}`"),
        "org.prefix" => format!("a run of name words opened by the organisation head `{first}`"),
        "org.after-employer-cue" | "org.after-cue-caseless" => {
            match cue_of(&[&v.employer_cues, &v.org_cues]) {
                Some(cue) => format!("the words after the organisation cue `{cue}`"),
                None => format!("the words after `as a ... {prev}` (an employer position)"),
            }
        }
        "org.head-caseless" => {
            format!("a run after the preposition `{prev}` closed by the organisation head `{last}`")
        }
        "place.after-residence-cue" | "place.after-cue-caseless" => {
            match cue_of(&[&v.residence_cues]) {
                Some(cue) => format!("a place after the residence cue `{cue}`"),
                None if prev == "in" && before.len() >= 2 && before[before.len() - 2] == "born" => {
                    "a place after the birth cue `born in`".to_string()
                }
                None => format!("a region after a comma and the place before it (cue `{prev}`)"),
            }
        }
        "place.after-address" => "a town right after a street address".to_string(),
        "place.address-city" => {
            "the town of the city line after a street line (next line, or after `,` or `in`)"
                .to_string()
        }
        "state.address-line" => "the state of the city line after a street line".to_string(),
        "zip.address-line" => "the ZIP code of the city line after a street line".to_string(),
        "address.unit-line" => "a unit on the line after a street line".to_string(),
        "place.before-region" => {
            format!("a town after the place cue `{prev}` and before a state or region")
        }
        "place.county" => "a county name (`X county`, `county of X`)".to_string(),
        "place.gazetteer" => format!("a gazetteer place (word before: `{prev}`)"),
        _ => return None,
    };
    Some(format!("{said} (rule {rule})"))
}

/// How far before the place a match may start and still be found.
const LOOKBACK: usize = 256;

/// Explains detection over `start..end` of `text` (widened to one character if empty).
pub fn explain(matcher: &Matcher, text: &str, start: usize, end: usize) -> Explanation {
    let start = floor_char(text, start.min(text.len()));
    let end = crate::detect::ceil_char(text, end.max(start + 1).min(text.len())).max(start);
    let mut raw: Vec<(Candidate, Option<Rejection>)> = Vec::new();
    regex_matches(matcher, text, start, end, &mut raw);
    word_matches(matcher, text, start, end, &mut raw);
    raw.sort_by_key(|(c, _)| (c.start, c.end, c.rule));
    raw.dedup_by_key(|(c, _)| (c.start, c.end, c.rule, c.kind));

    // What detection really did.
    let real = matcher.candidates(text);
    let resolved = resolve::resolve_with(matcher, real.clone(), true);
    let rules = matcher.rules();
    let mut considered: Vec<Considered> = raw
        .into_iter()
        .map(|(c, rejection)| {
            let rule = &rules[c.rule];
            let outcome = match rejection {
                Some(r) => Outcome::Rejected(r),
                None => outcome(matcher, &c, &real, &resolved),
            };
            Considered {
                start: c.start,
                end: c.end,
                text: text[c.start..c.end].to_string(),
                rule: rule.id.clone(),
                kind: c.kind,
                priority: rule.priority,
                outcome,
            }
        })
        .collect();
    let rank = |o: &Outcome| match o {
        Outcome::Won | Outcome::AllowListWon => 0,
        Outcome::Lost { .. } | Outcome::AllowListed { .. } => 1,
        Outcome::Shadowed { .. } => 2,
        Outcome::Rejected(_) => 3,
    };
    considered.sort_by(|a, b| {
        rank(&a.outcome)
            .cmp(&rank(&b.outcome))
            .then(b.priority.cmp(&a.priority))
            .then(a.start.cmp(&b.start))
    });
    Explanation {
        start,
        end,
        considered,
    }
}

fn outcome(
    matcher: &Matcher,
    c: &Candidate,
    real: &[Candidate],
    resolved: &[resolve::Finding],
) -> Outcome {
    let rules = matcher.rules();
    let same = |f: &resolve::Finding| {
        f.start == c.start && f.end == c.end && f.kind == c.kind && *f.rule == *rules[c.rule].id
    };
    if resolved.iter().any(same) {
        return if c.kind == Kind::Allow {
            Outcome::AllowListWon
        } else {
            Outcome::Won
        };
    }
    if real.contains(c) {
        let Some(winner) = resolved.iter().find(|f| f.start < c.end && c.start < f.end) else {
            return Outcome::Lost {
                winner: "(none)".into(),
                why: "dropped by overlap resolution".into(),
            };
        };
        if winner.kind == Kind::Allow {
            return Outcome::AllowListed {
                by: winner.rule.clone(),
            };
        }
        let wp = rules
            .iter()
            .find(|r| *r.id == *winner.rule)
            .map_or(0, |r| r.priority);
        let mine = &rules[c.rule];
        let why = if wp != mine.priority {
            format!("priority {wp} beats {}", mine.priority)
        } else if winner.end - winner.start != c.end - c.start {
            format!(
                "same priority {wp}; the longer span wins ({} > {} bytes)",
                winner.end - winner.start,
                c.end - c.start
            )
        } else {
            "same priority and length; the earlier span (then the earlier rule) wins".into()
        };
        return Outcome::Lost {
            winner: winner.rule.clone(),
            why,
        };
    }
    // The single pass did not produce it: find the match it took instead.
    let by = real
        .iter()
        .filter(|r| r.start <= c.start && r.end > c.start && rules[r.rule].id != rules[c.rule].id)
        .max_by_key(|r| r.end)
        .or_else(|| real.iter().find(|r| r.start < c.end && c.start < r.end))
        .map_or_else(
            || Arc::from("an earlier match"),
            |r| rules[r.rule].id.clone(),
        );
    Outcome::Shadowed { by }
}

/// Every match of every regex rule that overlaps `start..end`, judged.
fn regex_matches(
    m: &Matcher,
    text: &str,
    start: usize,
    end: usize,
    out: &mut Vec<(Candidate, Option<Rejection>)>,
) {
    let lo = floor_char(text, start.saturating_sub(LOOKBACK));
    for (pid, re) in m.single.iter().enumerate() {
        let mut caps = re.create_captures();
        let mut cache = re.create_cache();
        let mut pos = lo;
        while pos < end && pos <= text.len() {
            if text.is_char_boundary(pos) {
                re.captures_at(&mut cache, text, pos, None, &mut caps);
                if let Some(whole) = caps.get_match() {
                    if whole.start() < end && whole.end() > start {
                        judge_regex(m, text, pid, &caps, start, end, out);
                    }
                }
            }
            pos += 1;
        }
    }
}

fn judge_regex(
    m: &Matcher,
    text: &str,
    pid: usize,
    caps: &regex_automata::util::captures::Captures,
    start: usize,
    end: usize,
    out: &mut Vec<(Candidate, Option<Rejection>)>,
) {
    let Some(whole) = caps.get_match() else {
        return;
    };
    let rule_index = m.regex_rules[pid];
    let rule = &m.rules[rule_index];
    let span = caps
        .get_group_by_name("v")
        .or_else(|| caps.get_group_by_name("v2"))
        .unwrap_or(whole.span());
    let groups = &m.regex_kind_groups[pid];
    let mut spans: Vec<(usize, usize, Kind)> = if groups.is_empty() {
        vec![(span.start, span.end, rule.kind)]
    } else {
        groups
            .iter()
            .filter_map(|&(g, kind)| caps.get_group(g).map(|s| (s.start, s.end, kind)))
            .collect()
    };
    spans.retain(|&(s, e, _)| s < end && e > start && s <= e);
    let rejection = if span.start >= span.end {
        Some(Rejection::Empty)
    } else if let Some(v) = rule.validator.filter(|&v| {
        let group = |name: &str| {
            caps.get_group_by_name(name)
                .or_else(|| caps.get_group_by_name(&format!("{name}2")))
                .map(|s| &text[s.start..s.end])
        };
        let g = Groups {
            month: group("m"),
            month_name: group("mon"),
            day: group("d"),
            year: group("y"),
        };
        !validate::check(v, &text[span.start..span.end], &g)
    }) {
        Some(Rejection::Validator(validator_name(v)))
    } else if !context_allows(rule, text, span.start, span.end) {
        Some(context_reason(rule, text, span.start, span.end))
    } else if !rule_may_start(rule, text, whole.start()) {
        Some(Rejection::InsideWord)
    } else {
        None
    };
    for (s, e, kind) in spans {
        out.push((
            Candidate {
                start: s,
                end: e,
                rule: rule_index,
                kind,
            },
            rejection.clone(),
        ));
    }
}

/// Every word-list match overlapping `start..end`, judged.
fn word_matches(
    m: &Matcher,
    text: &str,
    start: usize,
    end: usize,
    out: &mut Vec<(Candidate, Option<Rejection>)>,
) {
    let lo = floor_char(text, start.saturating_sub(LOOKBACK));
    let hi = crate::detect::ceil_char(text, (end + LOOKBACK).min(text.len()));
    for automaton in [&m.words_folded, &m.words_exact].into_iter().flatten() {
        for hit in automaton.ac.find_overlapping_iter(&text[lo..hi]) {
            let (s, e) = (lo + hit.start(), lo + hit.end());
            if s >= end || e <= start || !text.is_char_boundary(s) || !text.is_char_boundary(e) {
                continue;
            }
            for &rule_index in &automaton.rules_of_pattern[hit.pattern().as_usize()] {
                let rule = &m.rules[rule_index];
                let rejection = if !crate::detect::is_word_edge(text, s, e) {
                    Some(Rejection::InsideWord)
                } else if let Some(v) = rule
                    .validator
                    .filter(|&v| !validate::check(v, &text[s..e], &Groups::default()))
                {
                    Some(Rejection::Validator(validator_name(v)))
                } else if !context_allows(rule, text, s, e) {
                    Some(context_reason(rule, text, s, e))
                } else {
                    None
                };
                out.push((
                    Candidate {
                        start: s,
                        end: e,
                        rule: rule_index,
                        kind: rule.kind,
                    },
                    rejection,
                ));
            }
        }
    }
}

fn validator_name(v: crate::patterns::Validator) -> String {
    serde_json::to_value(v)
        .ok()
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_else(|| format!("{v:?}").to_lowercase())
}

/// Why `context_allows` said no (call only when it did).
fn context_reason(rule: &CompiledRule, text: &str, start: usize, end: usize) -> Rejection {
    let Some(ctx) = &rule.context else {
        return Rejection::Empty;
    };
    let lo = floor_char(text, start.saturating_sub(ctx.window));
    let hi = crate::detect::ceil_char(text, (end + ctx.window).min(text.len()));
    let both = format!("{} {}", &text[lo..start], &text[end..hi]).to_lowercase();
    if let Some(w) = ctx.forbid.iter().find(|w| contains_word(&both, w)) {
        return Rejection::ContextForbid(w.clone());
    }
    Rejection::ContextRequire {
        words: ctx.require.clone(),
        window: ctx.window,
        side: ctx.side.clone(),
    }
}

/// How the detector came to a finding: a rule match that won at the same span, or a
/// pass that works on the whole document.
pub fn finding_origin(
    matcher: &Matcher,
    text: &str,
    rule: &str,
    considered: &[Considered],
    f: &resolve::Finding,
) -> String {
    let won = considered.iter().any(|c| {
        &*c.rule == rule && c.start == f.start && c.end == f.end && c.outcome == Outcome::Won
    });
    if won {
        return "redacted: this rule's match won every overlap".into();
    }
    if let Some(why) = layout_position(matcher.lexicon(), text, f.start, f.end) {
        return format!("redacted: {why}");
    }
    if let Some(why) = entity_position(text, rule, f.start, f.end) {
        return format!("redacted: {why}");
    }
    let pass = match rule.split('.').nth(1).unwrap_or("") {
        "same-document" => "a mention of a name found elsewhere in this document (the document-level name pass links it)",
        _ if rule.starts_with("case.") || rule.starts_with("roster.") => "an entity of the --case roster",
        _ => "found by a document-level pass (names and organisations in context, propagated mentions, settling) rather than by one rule match",
    };
    format!("redacted: {pass}")
}

/// The label behind a finding of the layout stage at `start..end`: the field's
/// label, the table column's header, the closing above a signer or the role line
/// under a caption party, with its line. `None` when no field value holds it.
pub fn layout_position(
    lex: &crate::layout::Lexicon,
    text: &str,
    start: usize,
    end: usize,
) -> Option<String> {
    use crate::layout::Container;
    let fields = crate::layout::fields(text, lex);
    let field = fields
        .iter()
        .find(|v| v.start <= start && end <= v.end && start < end)?;
    let (ls, le) = field.label_span;
    let label = text.get(ls..le)?.trim();
    let rule = &lex.label(field.label).id;
    let line = field.line;
    Some(match field.container {
        Container::Field => {
            format!("the value of the field labelled {label:?} (line {line}; label rule {rule})")
        }
        Container::Table => format!(
            "a cell of the table column {label:?} (header on line {line}; label rule {rule})"
        ),
        Container::Signature => {
            format!("the signer under the closing {label:?} (line {line})")
        }
        Container::Caption => {
            format!("a party of the court caption above the role line {label:?} (line {line})")
        }
    })
}

/// Byte offset of a 1-based `LINE:COL` (column in characters).
pub fn offset_of(text: &str, at: &str) -> Option<usize> {
    let (line, col) = at.split_once(':')?;
    let (line, col): (usize, usize) = (line.trim().parse().ok()?, col.trim().parse().ok()?);
    let start = if line == 1 {
        0
    } else {
        text.match_indices('\n').nth(line.checked_sub(2)?)?.0 + 1
    };
    let rest = &text[start..];
    let line_text = &rest[..rest.find('\n').unwrap_or(rest.len())];
    let (i, _) = line_text.char_indices().nth(col.checked_sub(1)?)?;
    Some(start + i)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Scrubber;

    fn explain_text(text: &str, needle: &str) -> Explanation {
        let s = Scrubber::with_default_patterns().unwrap();
        let at = text.find(needle).unwrap();
        explain(s.matcher(), text, at, at + needle.len())
    }

    #[test]
    fn entity_findings_name_their_position_and_cue() {
        let text = "the claims administrator, harvest moon insurance exchange, submitted.";
        let at = text.find("harvest").unwrap();
        let why = entity_position(text, "org.after-cue-caseless", at, at + 31).unwrap();
        assert!(why.contains("`claims administrator`"), "{why}");
        let text = "born in can tho, chiapas";
        let why = entity_position(text, "place.after-cue-caseless", 8, 15).unwrap();
        assert!(why.contains("`born in`"), "{why}");
        let text = "at Central Valley Cannery";
        let why = entity_position(text, "org.suffix", 3, 25).unwrap();
        assert!(why.contains("head `cannery`"), "{why}");
        assert!(entity_position(text, "date.iso", 3, 25).is_none());
    }

    #[test]
    fn the_winner_is_the_finding() {
        let e = explain_text("Seen on 6/18/02 today.", "6/18/02");
        let first = &e.considered[0];
        assert_eq!(first.outcome, Outcome::Won);
        assert_eq!(first.kind, Kind::Date);
        assert_eq!(first.text, "6/18/02");
    }

    #[test]
    fn pain_scores_are_allow_listed_or_rejected() {
        let e = explain_text("Pain is 5/10 today.", "5/10");
        assert!(
            e.considered
                .iter()
                .all(|c| c.kind == Kind::Allow || c.outcome != Outcome::Won),
            "{e:?}"
        );
        assert!(!e.considered.is_empty());
    }
}
