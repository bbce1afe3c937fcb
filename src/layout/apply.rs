//! Merges field values into the pattern findings: the whole value is covered,
//! and a more specific finding inside it keeps its own kind.
//!
//! For a value of kind K, the findings inside it of another kind (a DATE in a
//! name field's value? no: a ZIP in an address, a title "Mr." before a name)
//! stay as they are; findings of kind K, allow-list spans and, for a name or an
//! organisation, the softer kinds a name may look like (a place, a state, an
//! occupation) give way; every other part of the value that holds a letter or a
//! digit becomes a finding of kind K with the label's rule id. Findings inside a
//! label go: labels stay as they were.

use super::{Field, Layout, Lexicon};
use crate::kind::Kind;
use crate::matcher::{CompiledRule, DefaultAction};
use crate::resolve::Finding;

/// Whether a finding of kind `inner` inside a value of kind `value` gives way
/// to it: allow-list spans always; in a name or an organisation, the kinds a
/// name word may look like (a place, a state, an occupation).
fn gives_way(value: Kind, inner: Kind) -> bool {
    if inner == Kind::Allow {
        return true;
    }
    matches!(value, Kind::Person | Kind::Org)
        && matches!(
            inner,
            Kind::Location
                | Kind::State
                | Kind::Occupation
                | Kind::Nationality
                | Kind::Ethnicity
                | Kind::Religion
                | Kind::Language
        )
}

/// `found` (sorted, disjoint, allow-list spans included) with every field value
/// of `layout` covered and its quiet spans kept as they are; sorted and
/// disjoint again.
pub fn apply(
    text: &str,
    layout: &Layout,
    lex: &Lexicon,
    rules: &[CompiledRule],
    found: Vec<Finding>,
) -> Vec<Finding> {
    let found = keep_quiet(&layout.quiet, found);
    let fields = &layout.fields;
    if fields.is_empty() {
        return found;
    }
    apply_fields(text, fields, lex, rules, found)
}

/// `found` without the findings that lie inside a quiet span (a table's header
/// cell, a value that says nothing), and with an allow-list span over each
/// quiet span no finding overlaps, so the later passes leave it too.
fn keep_quiet(quiet: &[(usize, usize)], found: Vec<Finding>) -> Vec<Finding> {
    if quiet.is_empty() {
        return found;
    }
    let inside = |f: &Finding| {
        f.kind != Kind::Allow && {
            let i = quiet.partition_point(|&(s, _)| s <= f.start);
            quiet[..i]
                .iter()
                .rev()
                .any(|&(s, e)| s <= f.start && f.end <= e)
        }
    };
    let out: Vec<Finding> = found.into_iter().filter(|f| !inside(f)).collect();
    let mut added = Vec::new();
    for &(s, e) in quiet {
        let from = out.partition_point(|f| f.end <= s);
        if out.get(from).is_none_or(|f| f.start >= e) {
            added.push(Finding {
                start: s,
                end: e,
                kind: Kind::Allow,
                rule: QUIET_RULE.into(),
                action: DefaultAction::Placeholder,
                key: None,
            });
        }
    }
    if added.is_empty() {
        return out;
    }
    with_added(out, added)
}

/// `found` (sorted, disjoint) and `added` as one sorted, disjoint list: where
/// two overlap, the one that starts first (or is longer) stays.
fn with_added(mut found: Vec<Finding>, added: Vec<Finding>) -> Vec<Finding> {
    found.extend(added);
    found.sort_by(|a, b| a.start.cmp(&b.start).then(b.end.cmp(&a.end)));
    let mut out: Vec<Finding> = Vec::with_capacity(found.len());
    for f in found {
        if out.last().is_none_or(|p| p.end <= f.start) {
            out.push(f);
        }
    }
    out
}

/// The rule id of the allow-list spans over quiet spans (never reported: allow
/// spans are dropped before findings leave the detector).
const QUIET_RULE: &str = "layout.quiet";

/// `found` with every field value of `fields` covered.
fn apply_fields(
    text: &str,
    fields: &[Field],
    lex: &Lexicon,
    rules: &[CompiledRule],
    mut found: Vec<Finding>,
) -> Vec<Finding> {
    // Labels stay as they were: nothing inside a label span is redacted.
    let mut gone = vec![false; found.len()];
    let mut spans: Vec<(usize, usize)> = fields.iter().map(|f| f.label_span).collect();
    spans.sort_unstable();
    spans.dedup();
    for &(s, e) in &spans {
        let from = found.partition_point(|f| f.end <= s);
        for (i, f) in found.iter().enumerate().skip(from) {
            if f.start >= e {
                break;
            }
            if f.start >= s && f.end <= e && f.kind != Kind::Allow {
                gone[i] = true;
            }
        }
    }
    let mut added = Vec::new();
    for field in fields {
        let (vs, ve) = (field.start, field.end);
        let kind = field.kind;
        let from = found.partition_point(|f| f.end <= vs);
        let mut cursor = vs;
        // (start, end, finding before it, finding after it)
        let mut parts: Vec<(usize, usize, Option<usize>, Option<usize>)> = Vec::new();
        let mut before: Option<usize> = None;
        for i in from..found.len() {
            let f = &found[i];
            if f.start >= ve {
                break;
            }
            if gone[i] {
                continue;
            }
            if f.start >= vs && f.end <= ve && gives_way(kind, f.kind) {
                gone[i] = true;
                continue;
            }
            if f.start > cursor {
                parts.push((cursor, f.start, before, Some(i)));
            }
            cursor = cursor.max(f.end);
            before = Some(i);
        }
        if cursor < ve {
            parts.push((cursor, ve, before, None));
        }
        // A value of a fixed shape that a pattern rule has found is that rule's:
        // "DOB 6/18/02, seen" is the date, not ", seen" as well.
        let fixed = matches!(
            kind,
            Kind::Date | Kind::Phone | Kind::Ssn | Kind::Id | Kind::Zip | Kind::Email | Kind::Age
        );
        if fixed
            && found[from..]
                .iter()
                .take_while(|f| f.start < ve)
                .any(|f| f.kind == kind && f.end > vs)
        {
            parts.clear();
        }
        let label = lex.label(field.label);
        let rule = &rules[label.rule];
        for (s, e, prev, next) in parts {
            let (s, e) = trim(text, s, e, prev.is_some(), next.is_some());
            let (s, e) = if s >= e && label.shape == super::Shape::Initial {
                lone_initial(text, field.start, field.end)
            } else {
                (s, e)
            };
            if s >= e {
                continue;
            }
            // A part next to a finding of the same kind, with only spaces
            // between, joins it ("Maria" found, "Q. Lopez" not).
            let joins = |i: usize, a: usize, b: usize| {
                found[i].kind == kind && text[a..b].chars().all(char::is_whitespace)
            };
            if let Some(i) = prev.filter(|&i| found[i].end <= s && joins(i, found[i].end, s)) {
                found[i].end = e;
                continue;
            }
            if let Some(i) = next.filter(|&i| e <= found[i].start && joins(i, e, found[i].start)) {
                found[i].start = s;
                continue;
            }
            added.push(Finding {
                start: s,
                end: e,
                kind,
                rule: rule.id.clone(),
                action: if kind == Kind::Gender {
                    DefaultAction::Neutralize
                } else {
                    DefaultAction::Placeholder
                },
                key: None,
            });
        }
    }
    let mut flags = gone.into_iter();
    found.retain(|_| !flags.next().unwrap_or(false));
    if added.is_empty() {
        return found;
    }
    with_added(found, added)
}

/// `s..e` without spaces, and without punctuation where it meets another
/// finding; empty unless it holds a letter or a digit and says something.
fn trim(text: &str, s: usize, e: usize, cut_start: bool, cut_end: bool) -> (usize, usize) {
    let piece = &text[s..e];
    let rest = piece.trim_start_matches(|c: char| {
        c.is_whitespace() || (cut_start && !c.is_alphanumeric() && c != '[')
    });
    let a = s + piece.len() - rest.len();
    let kept = rest
        .trim_end_matches(|c: char| {
            c.is_whitespace() || (cut_end && !c.is_alphanumeric() && c != '.' && c != ']')
        })
        .len();
    let b = a + kept;
    let v = &text[a..b];
    if !v.chars().any(char::is_alphanumeric) || super::values::says_nothing(v) {
        return (0, 0);
    }
    (a, b)
}

/// The one letter a middle-initial value holds (`Y`, which also says "yes"),
/// or an empty span.
fn lone_initial(text: &str, s: usize, e: usize) -> (usize, usize) {
    let v = text[s..e].trim();
    let mut chars = v.chars();
    match (chars.next(), chars.as_str().trim_end_matches('.')) {
        (Some(c), "") if c.is_alphabetic() => {
            let a = s + text[s..e].find(c).unwrap_or(0);
            (a, a + c.len_utf8())
        }
        _ => (0, 0),
    }
}
