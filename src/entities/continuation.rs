//! List continuations: a single capitalized word listed beside a found name
//! (`her children, Itzel (4) and Mateo (2)`, `Matheus, Janet, Nicholas and Kevin`)
//! is a name too, unless it is safe vocabulary that no name lexicon holds.

use super::lists::Lists;
use super::position::{in_lexicon, is_safe};
use super::tokens::Token;
use crate::kind::Kind;
use crate::resolve::Finding;

/// Separators between the items of a list, after an optional `(4)`.
const SEPARATORS: &[&str] = &[", ", " and ", ", and ", " & ", " or ", ", or "];

/// Whether `gap` (the text between two words) separates two list items.
fn separates(gap: &str) -> bool {
    let gap = match gap.strip_prefix(" (") {
        Some(rest) => match rest.find(')') {
            Some(p) if p > 0 && rest[..p].chars().all(|c| c.is_ascii_digit()) => &rest[p + 1..],
            _ => return false,
        },
        None => gap,
    };
    SEPARATORS.contains(&gap)
}

/// The new PERSON findings continuing the lists around the PERSON findings of
/// `found` (sorted, non-overlapping). `covered[i]`: token `i` is in a finding.
pub fn continuations(
    text: &str,
    tokens: &[Token],
    found: &[Finding],
    covered: &[bool],
    l: &Lists,
) -> Vec<Finding> {
    let mut person = vec![false; tokens.len()];
    let mut j = 0;
    for (i, t) in tokens.iter().enumerate() {
        while j < found.len() && found[j].end <= t.start {
            j += 1;
        }
        person[i] = found
            .get(j)
            .is_some_and(|f| f.kind == Kind::Person && f.start <= t.start && t.end <= f.end);
    }
    let item = |k: usize, person: &[bool]| {
        let t = &tokens[k];
        // Not in capitals: a credential (Ana Ruiz, MSW) or an acronym.
        t.capitalized
            && !t.all_caps
            && !t.initial
            && !covered[k]
            && !person[k]
            && !l.is_stop(t.folded)
            && (!is_safe(l, t.folded) || in_lexicon(l, t.folded))
            // A single word: no capitalized word joined to it by a space.
            && !(k > 0 && tokens[k - 1].capitalized && &text[tokens[k - 1].end..t.start] == " ")
            && !(k + 1 < tokens.len()
                && tokens[k + 1].capitalized
                && &text[t.end..tokens[k + 1].start] == " ")
    };
    let mut out = Vec::new();
    // Rightwards, then leftwards, each pass carrying on from what it added.
    // The next item after token `a` (skipping a lower-case "and" / "or" token).
    let conj = |k: usize| !tokens[k].capitalized && matches!(tokens[k].folded, "and" | "or");
    for i in 0..tokens.len() {
        if !person[i] || i + 1 >= tokens.len() {
            continue;
        }
        let k = if conj(i + 1) { i + 2 } else { i + 1 };
        if k < tokens.len() && separates(&text[tokens[i].end..tokens[k].start]) && item(k, &person)
        {
            person[k] = true;
            out.push(k);
        }
    }
    for i in (1..tokens.len()).rev() {
        if !person[i] {
            continue;
        }
        let Some(k) = (if conj(i - 1) {
            i.checked_sub(2)
        } else {
            Some(i - 1)
        }) else {
            continue;
        };
        if separates(&text[tokens[k].end..tokens[i].start]) && item(k, &person) {
            person[k] = true;
            out.push(k);
        }
    }
    out.sort_unstable();
    out.into_iter()
        .map(|k| Finding {
            start: tokens[k].start,
            end: tokens[k].end,
            kind: Kind::Person,
            rule: std::sync::Arc::from("person.list-continuation"),
            action: crate::matcher::DefaultAction::Placeholder,
            key: None,
        })
        .collect()
}
