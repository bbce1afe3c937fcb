//! Allow-list and deny-list entries of a policy: words or regexes that are never
//! (allow) or always (deny) redacted, applied to the detector's findings.

use super::model::{AllowList, DenyList};
use crate::detect::is_word_edge;
use crate::kind::Kind;
use crate::matcher::DefaultAction;
use crate::resolve::Finding;
use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use regex::Regex;
use std::sync::Arc;

/// The rule id reported for deny-list findings.
pub const DENY_RULE: &str = crate::rule_ids::POLICY_DENY;

/// Words (whole-word, case-insensitive) and regexes compiled for searching. A regex
/// with a group named `v` reports only that group.
#[derive(Debug, Default)]
struct Spans {
    words: Option<AhoCorasick>,
    regexes: Vec<Regex>,
}

impl Spans {
    fn new(words: &[String], regexes: &[String], what: &str) -> Result<Spans, String> {
        let words: Vec<&str> = words
            .iter()
            .map(|w| w.trim())
            .filter(|w| !w.is_empty())
            .collect();
        let ac = if words.is_empty() {
            None
        } else {
            Some(
                AhoCorasickBuilder::new()
                    .ascii_case_insensitive(true)
                    .match_kind(MatchKind::Standard)
                    .build(&words)
                    .map_err(|e| format!("{what}.words: {e}"))?,
            )
        };
        let regexes = regexes
            .iter()
            .map(|r| Regex::new(r).map_err(|e| format!("{what}.regex `{r}`: {e}")))
            .collect::<Result<_, _>>()?;
        Ok(Spans { words: ac, regexes })
    }

    fn is_empty(&self) -> bool {
        self.words.is_none() && self.regexes.is_empty()
    }

    fn find(&self, text: &str, out: &mut Vec<(usize, usize)>) {
        if let Some(ac) = &self.words {
            for m in ac.find_overlapping_iter(text) {
                let (s, e) = (m.start(), m.end());
                if text.is_char_boundary(s) && text.is_char_boundary(e) && is_word_edge(text, s, e)
                {
                    out.push((s, e));
                }
            }
        }
        for re in &self.regexes {
            // A group named `v` marks the part to report; the rest is context.
            let has_v = re.capture_names().flatten().any(|n| n == "v");
            for caps in re.captures_iter(text) {
                let m = if has_v { caps.name("v") } else { caps.get(0) };
                if let Some(m) = m.filter(|m| m.start() < m.end()) {
                    out.push((m.start(), m.end()));
                }
            }
        }
    }
}

/// A policy's allow and deny lists, compiled.
#[derive(Debug, Default)]
pub struct Lists {
    allow: Spans,
    deny: Vec<(Kind, Spans)>,
}

impl Lists {
    /// Compiles the lists; errors name the entry.
    pub fn new(allow: &AllowList, deny: &[DenyList]) -> Result<Lists, String> {
        Ok(Lists {
            allow: Spans::new(&allow.words, &allow.regex, "allow")?,
            deny: deny
                .iter()
                .enumerate()
                .map(|(i, d)| {
                    Ok((
                        d.kind,
                        Spans::new(&d.words, &d.regex, &format!("deny[{i}]"))?,
                    ))
                })
                .collect::<Result<_, String>>()?,
        })
    }

    /// Applies the lists to `findings` (sorted, disjoint): a finding that lies inside
    /// an allow-list match is dropped; every deny-list match becomes a finding of its
    /// kind, and absorbs any finding it overlaps (the union is redacted, so nothing
    /// the detector found is left half-covered). Deny wins over allow.
    pub fn apply(&self, text: &str, findings: Vec<Finding>) -> Vec<Finding> {
        let mut findings = findings;
        if !self.allow.is_empty() {
            let mut allowed = Vec::new();
            self.allow.find(text, &mut allowed);
            findings.retain(|f| !allowed.iter().any(|&(s, e)| s <= f.start && f.end <= e));
        }
        let mut denied: Vec<(usize, usize, Kind)> = Vec::new();
        for (kind, spans) in &self.deny {
            let mut found = Vec::new();
            spans.find(text, &mut found);
            denied.extend(found.into_iter().map(|(s, e)| (s, e, *kind)));
        }
        if denied.is_empty() {
            return findings;
        }
        // Sweep over findings and deny spans by start, merging overlapping groups.
        enum Item {
            Found(Finding),
            Deny(usize, usize, Kind),
        }
        let mut items: Vec<Item> = findings
            .into_iter()
            .map(Item::Found)
            .chain(denied.into_iter().map(|(s, e, k)| Item::Deny(s, e, k)))
            .collect();
        let span = |i: &Item| match i {
            Item::Found(f) => (f.start, f.end),
            Item::Deny(s, e, _) => (*s, *e),
        };
        items.sort_by_key(|i| {
            let (s, e) = span(i);
            (s, std::cmp::Reverse(e))
        });
        let mut out: Vec<Finding> = Vec::new();
        let mut group: Option<(usize, usize, Option<Kind>, Option<Finding>)> = None;
        let close =
            |g: (usize, usize, Option<Kind>, Option<Finding>), out: &mut Vec<Finding>| match g {
                (s, e, Some(kind), _) => out.push(Finding {
                    start: s,
                    end: e,
                    kind,
                    rule: Arc::from(DENY_RULE),
                    action: DefaultAction::Placeholder,
                    key: None,
                }),
                (_, _, None, Some(f)) => out.push(f),
                _ => {}
            };
        for item in items {
            let (s, e) = span(&item);
            match &mut group {
                Some((_, ge, kind, only)) if s < *ge => {
                    *ge = (*ge).max(e);
                    if let Item::Deny(_, _, k) = item {
                        kind.get_or_insert(k);
                    }
                    *only = None;
                }
                _ => {
                    if let Some(g) = group.take() {
                        close(g, &mut out);
                    }
                    group = Some(match item {
                        Item::Found(f) => (s, e, None, Some(f)),
                        Item::Deny(_, _, k) => (s, e, Some(k), None),
                    });
                }
            }
        }
        if let Some(g) = group {
            close(g, &mut out);
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn finding(start: usize, end: usize, kind: Kind) -> Finding {
        Finding {
            start,
            end,
            kind,
            rule: Arc::from("test"),
            action: DefaultAction::Placeholder,
            key: None,
        }
    }

    #[test]
    fn allow_drops_findings_inside_and_deny_adds_and_absorbs() {
        let text = "Acme Plan paid Jane Roe of Oakdale on 5/1/20.";
        let lists = Lists::new(
            &AllowList {
                words: vec!["acme plan".into()],
                regex: vec![],
            },
            &[DenyList {
                kind: Kind::Person,
                words: vec!["Roe".into()],
                regex: vec![r"\bOak\w+".into()],
            }],
        )
        .unwrap();
        let found = vec![
            finding(0, 4, Kind::Org),      // "Acme": inside the allow-listed phrase
            finding(15, 19, Kind::Person), // "Jane": touches no deny span
            finding(38, 44, Kind::Date),
        ];
        let out = lists.apply(text, found);
        let got: Vec<(&str, Kind, &str)> = out
            .iter()
            .map(|f| (&text[f.start..f.end], f.kind, &*f.rule))
            .collect();
        assert_eq!(
            got,
            vec![
                ("Jane", Kind::Person, "test"),
                ("Roe", Kind::Person, DENY_RULE),
                ("Oakdale", Kind::Person, DENY_RULE),
                ("5/1/20", Kind::Date, "test"),
            ]
        );
    }

    #[test]
    fn deny_span_absorbs_an_overlapping_finding() {
        let text = "see Jane Roe-Smith today";
        let lists = Lists::new(
            &AllowList::default(),
            &[DenyList {
                kind: Kind::Person,
                words: vec!["Jane Roe".into()],
                regex: vec![],
            }],
        )
        .unwrap();
        let out = lists.apply(text, vec![finding(9, 18, Kind::Person)]);
        assert_eq!(out.len(), 1);
        assert_eq!(&text[out[0].start..out[0].end], "Jane Roe-Smith");
    }

    #[test]
    fn bad_regex_names_the_entry() {
        let err = Lists::new(
            &AllowList {
                words: vec![],
                regex: vec!["(".into()],
            },
            &[],
        )
        .unwrap_err();
        assert!(err.starts_with("allow.regex `(`"), "{err}");
    }
}
