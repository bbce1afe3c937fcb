//! Resolves overlapping candidates into non-overlapping findings and drops
//! allow-listed text.

use crate::detect::Candidate;
use crate::kind::Kind;
use crate::matcher::{DefaultAction, Matcher};
use serde::Serialize;
use std::collections::BTreeMap;
use std::sync::Arc;

/// An identifying detail found in a text: a byte span plus what found it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Finding {
    /// Byte offset of the first byte (on a UTF-8 boundary).
    pub start: usize,
    /// Byte offset one past the last byte (on a UTF-8 boundary).
    pub end: usize,
    /// What was found.
    pub kind: Kind,
    /// The id of the rule that found it.
    pub rule: Arc<str>,
    /// Default rewrite of the rule.
    #[serde(skip)]
    pub action: DefaultAction,
    /// Numbering key that joins mentions of one value ("Ms. Lopez" and "Maria
    /// Lopez"); `None` numbers by the normalized text.
    #[serde(skip)]
    pub key: Option<Arc<str>>,
}

impl Finding {
    /// The text of the finding in `text`.
    pub fn text<'a>(&self, text: &'a str) -> &'a str {
        &text[self.start..self.end]
    }
}

/// Drops every allow-list candidate that a finding candidate starts inside and runs
/// past: "§ 1659 Oak Avenue" is an address, not a section number with words after
/// it, and "§ 459-46-6616" an SSN. An allow span still wins over what it contains.
fn drop_allow_cut_short(candidates: &mut Vec<Candidate>) {
    if !candidates.iter().any(|c| c.kind == Kind::Allow) {
        return;
    }
    let mut by_start: Vec<(usize, usize)> = candidates
        .iter()
        .filter(|c| c.kind != Kind::Allow)
        .map(|c| (c.start, c.end))
        .collect();
    by_start.sort_unstable();
    candidates.retain(|a| {
        if a.kind != Kind::Allow {
            return true;
        }
        let from = by_start.partition_point(|&(start, _)| start < a.start);
        !by_start[from..]
            .iter()
            .take_while(|&&(start, _)| start < a.end)
            .any(|&(_, end)| end > a.end)
    });
}

/// Picks non-overlapping findings from `candidates`: higher priority first, then the
/// longer span, then the earlier one. Allow-list candidates win like any other and
/// are then removed, so the text they cover is never redacted.
pub fn resolve(matcher: &Matcher, candidates: Vec<Candidate>) -> Vec<Finding> {
    resolve_with(matcher, candidates, false)
}

/// Like [`resolve`]; with `keep_allow`, allow-list spans are returned too (kind
/// [`Kind::Allow`]), which is how their examples are tested.
pub fn resolve_with(
    matcher: &Matcher,
    mut candidates: Vec<Candidate>,
    keep_allow: bool,
) -> Vec<Finding> {
    let rules = matcher.rules();
    drop_allow_cut_short(&mut candidates);
    candidates.sort_by(|a, b| {
        let (ra, rb) = (&rules[a.rule], &rules[b.rule]);
        rb.priority
            .cmp(&ra.priority)
            .then((b.end - b.start).cmp(&(a.end - a.start)))
            .then(a.start.cmp(&b.start))
            .then(a.rule.cmp(&b.rule))
    });
    // Accepted spans keyed by start; value is (end, candidate).
    let mut taken: BTreeMap<usize, (usize, Candidate)> = BTreeMap::new();
    for c in candidates {
        let overlaps_before = taken
            .range(..c.end)
            .next_back()
            .is_some_and(|(_, (end, _))| *end > c.start);
        if !overlaps_before {
            taken.insert(c.start, (c.end, c));
        }
    }
    taken
        .into_values()
        .filter_map(|(_, c)| {
            let rule = &rules[c.rule];
            (keep_allow || c.kind != Kind::Allow).then(|| Finding {
                start: c.start,
                end: c.end,
                kind: c.kind,
                rule: rule.id.clone(),
                action: if c.kind == Kind::Gender {
                    DefaultAction::Neutralize
                } else {
                    rule.action
                },
                key: None,
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Three rules of different priorities and an allow-list rule.
    fn matcher() -> Matcher {
        let toml = r#"
[[rule]]
id = "t.high"
kind = "PHONE"
description = "High priority."
regex = '''high'''
priority = 70
examples = { match = ["high"] }

[[rule]]
id = "t.low"
kind = "ID"
description = "Low priority."
regex = '''low'''
priority = 30
examples = { match = ["low"] }

[[rule]]
id = "t.low-too"
kind = "DATE"
description = "Low priority as well."
regex = '''same'''
priority = 30
examples = { match = ["same"] }

[[rule]]
id = "t.allow"
kind = "ALLOW"
description = "Allowed text."
regex = '''keep'''
priority = 100
examples = { match = ["keep"] }
"#;
        let mut library = crate::patterns::Library::default();
        library
            .add_file("test.toml", toml, false, &|_| None)
            .unwrap();
        Matcher::new(&library).unwrap()
    }

    fn rule(m: &Matcher, id: &str) -> usize {
        m.rules().iter().position(|r| &*r.id == id).unwrap()
    }

    fn cand(m: &Matcher, id: &str, start: usize, end: usize) -> Candidate {
        let rule = rule(m, id);
        Candidate {
            start,
            end,
            rule,
            kind: m.rules()[rule].kind,
        }
    }

    fn ids(findings: &[Finding]) -> Vec<(usize, usize, &str)> {
        findings
            .iter()
            .map(|f| (f.start, f.end, &*f.rule))
            .collect()
    }

    #[test]
    fn higher_priority_wins_an_overlap_even_when_shorter() {
        let m = matcher();
        let found = resolve(&m, vec![cand(&m, "t.low", 0, 10), cand(&m, "t.high", 4, 6)]);
        assert_eq!(ids(&found), [(4, 6, "t.high")]);
    }

    #[test]
    fn at_equal_priority_the_longer_span_then_the_earlier_one_wins() {
        let m = matcher();
        let longer = resolve(
            &m,
            vec![cand(&m, "t.low", 0, 4), cand(&m, "t.low-too", 2, 9)],
        );
        assert_eq!(ids(&longer), [(2, 9, "t.low-too")]);
        let earlier = resolve(
            &m,
            vec![cand(&m, "t.low-too", 3, 7), cand(&m, "t.low", 1, 5)],
        );
        assert_eq!(ids(&earlier), [(1, 5, "t.low")]);
    }

    #[test]
    fn findings_come_out_sorted_and_disjoint() {
        let m = matcher();
        let found = resolve(
            &m,
            vec![
                cand(&m, "t.low", 20, 25),
                cand(&m, "t.high", 0, 3),
                cand(&m, "t.low-too", 2, 8),
                cand(&m, "t.low", 10, 12),
            ],
        );
        assert_eq!(
            ids(&found),
            [(0, 3, "t.high"), (10, 12, "t.low"), (20, 25, "t.low")]
        );
        assert_eq!(found[0].kind, Kind::Phone);
    }

    #[test]
    fn an_allow_span_wins_and_is_dropped_unless_kept() {
        let m = matcher();
        let cands = || vec![cand(&m, "t.allow", 0, 8), cand(&m, "t.high", 2, 6)];
        assert!(
            resolve(&m, cands()).is_empty(),
            "the text it covers is kept"
        );
        let kept = resolve_with(&m, cands(), true);
        assert_eq!(ids(&kept), [(0, 8, "t.allow")]);
        assert_eq!(kept[0].kind, Kind::Allow);
    }

    #[test]
    fn an_allow_span_that_a_finding_runs_past_is_dropped() {
        let m = matcher();
        // "§ 1659 Oak Avenue": the finding starts inside the allow span and goes on
        // after it, so the allow span was cut short and does not count.
        let found = resolve(
            &m,
            vec![cand(&m, "t.allow", 0, 6), cand(&m, "t.low", 2, 17)],
        );
        assert_eq!(ids(&found), [(2, 17, "t.low")]);
    }

    #[test]
    fn the_outcome_does_not_depend_on_the_order_of_the_candidates() {
        let m = matcher();
        let all = vec![
            cand(&m, "t.low", 0, 6),
            cand(&m, "t.high", 5, 9),
            cand(&m, "t.low", 9, 12),
            cand(&m, "t.low-too", 11, 15),
            cand(&m, "t.low-too", 20, 24),
            cand(&m, "t.low", 20, 24),
        ];
        let owned = |found: Vec<Finding>| -> Vec<(usize, usize, String)> {
            ids(&found)
                .into_iter()
                .map(|(s, e, r)| (s, e, r.to_string()))
                .collect()
        };
        // Same span, same priority: the rule that comes first in the matcher wins.
        let tie = if rule(&m, "t.low") < rule(&m, "t.low-too") {
            "t.low"
        } else {
            "t.low-too"
        };
        let expected = vec![
            (5, 9, "t.high".to_string()),
            (11, 15, "t.low-too".to_string()),
            (20, 24, tie.to_string()),
        ];
        assert_eq!(owned(resolve(&m, all.clone())), expected);
        let mut reversed = all.clone();
        reversed.reverse();
        let mut rotated = all;
        rotated.rotate_left(2);
        for order in [reversed, rotated] {
            assert_eq!(owned(resolve(&m, order)), expected);
        }
    }

    #[test]
    fn spans_that_touch_do_not_overlap() {
        let m = matcher();
        let found = resolve(
            &m,
            vec![
                cand(&m, "t.low", 4, 8),
                cand(&m, "t.high", 0, 4),
                cand(&m, "t.low-too", 8, 9),
            ],
        );
        assert_eq!(
            ids(&found),
            [(0, 4, "t.high"), (4, 8, "t.low"), (8, 9, "t.low-too")]
        );
    }

    #[test]
    fn a_gender_finding_is_neutralized_whatever_its_rule_says() {
        let m = matcher();
        let mut c = cand(&m, "t.low", 0, 3);
        c.kind = Kind::Gender;
        let found = resolve(&m, vec![c, cand(&m, "t.high", 4, 8)]);
        assert_eq!(found[0].kind, Kind::Gender);
        assert_eq!(found[0].action, DefaultAction::Neutralize);
        assert_eq!(found[1].action, m.rules()[rule(&m, "t.high")].action);
        assert!(
            found.iter().all(|f| f.key.is_none()),
            "keys come later, from entities"
        );
    }
}
