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
