//! Reviewer decisions (`casescrub.decisions/1`): accept or reject a finding, or add a
//! span the rules missed. `redact --decisions` and `review --decisions` apply them, so
//! a reviewer's corrections are reused when the same file is processed again.
//!
//! ```json
//! {"schema": "casescrub.decisions/1",
//!  "decisions": [
//!    {"file": "note.txt", "action": "reject", "start": 120, "end": 124, "text": "Mark", "rule": "person.given"},
//!    {"action": "reject", "text": "Jordan"},
//!    {"file": "note.txt", "action": "add", "text": "Smithville", "kind": "LOCATION"},
//!    {"action": "accept", "start": 10, "end": 17, "text": "6/18/02"}]}
//! ```
//!
//! A decision with `start`/`end` applies to the finding at exactly those bytes (when
//! `text`, if given, is still there); without them it applies to every finding with
//! that `text` (and `rule`, if given). `add` with only `text` adds every whole-word
//! occurrence. `file` limits a decision to one file (matched by path or file name).

use crate::detect::is_word_edge;
use crate::kind::Kind;
use crate::matcher::DefaultAction;
use crate::resolve::Finding;
use serde::{Deserialize, Serialize};
use std::path::Path;

/// Schema identifier of a decisions file.
pub const SCHEMA: &str = "casescrub.decisions/1";

/// Rule id given to spans a reviewer added.
pub const ADDED_RULE: &str = crate::rule_ids::REVIEW_ADDED;

/// What a reviewer decided.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Action {
    /// The finding is right.
    Accept,
    /// The finding is not an identifier: keep the text.
    Reject,
    /// Redact a span no rule found.
    Add,
}

/// One decision.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Decision {
    /// The file it applies to (path or file name); all files when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub file: Option<String>,
    /// Accept, reject or add.
    pub action: Action,
    /// Byte offset of the span.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub start: Option<usize>,
    /// End byte offset of the span.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub end: Option<usize>,
    /// The text of the span.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
    /// The rule of the finding (accept/reject).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rule: Option<String>,
    /// The kind (required for `add`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<Kind>,
}

/// A decisions file.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Decisions {
    /// Always [`SCHEMA`].
    pub schema: String,
    /// The decisions, applied in order.
    pub decisions: Vec<Decision>,
}

impl Decisions {
    /// Parses and checks a decisions file; errors name the file and the decision.
    pub fn parse(json: &str, name: &Path) -> Result<Self, String> {
        let d: Decisions = serde_json::from_str(json)
            .map_err(|e| format!("{}: not a decisions file: {e}", name.display()))?;
        if d.schema != SCHEMA {
            return Err(format!(
                "{}: schema is `{}`, expected {SCHEMA}",
                name.display(),
                d.schema
            ));
        }
        for (i, x) in d.decisions.iter().enumerate() {
            let problem = match (x.action, x.start, x.end, &x.text, x.kind) {
                (_, Some(s), Some(e), _, _) if s >= e => Some("start must be before end"),
                (_, Some(_), None, _, _) | (_, None, Some(_), _, _) => {
                    Some("give both start and end, or neither")
                }
                (_, None, None, None, _) => Some("give start/end or text"),
                (_, None, None, Some(t), _) if t.is_empty() => Some("text is empty"),
                (Action::Add, _, _, _, None) => Some("`add` needs a kind"),
                (Action::Add, _, _, _, Some(Kind::Allow)) => Some("`add` cannot use ALLOW"),
                _ => None,
            };
            if let Some(p) = problem {
                return Err(format!("{}: decision #{}: {p}", name.display(), i + 1));
            }
        }
        Ok(d)
    }

    /// The decisions that apply to the file at `path`.
    pub fn for_file(&self, path: &str) -> Vec<&Decision> {
        let file_name = Path::new(path).file_name();
        self.decisions
            .iter()
            .filter(|d| match &d.file {
                None => true,
                Some(f) => f == path || Path::new(f).file_name() == file_name,
            })
            .collect()
    }
}

/// Findings after the decisions, and what they did.
#[derive(Debug, Clone, Default)]
pub struct Applied {
    /// The findings to redact (sorted, non-overlapping).
    pub findings: Vec<Finding>,
    /// Findings rejected by a reviewer (kept as text).
    pub rejected: Vec<Finding>,
    /// Findings a reviewer accepted (still in `findings`).
    pub accepted: Vec<Finding>,
    /// How many spans were added.
    pub added: usize,
    /// Decisions that matched nothing in this text.
    pub unmatched: Vec<Decision>,
}

/// Applies `decisions` to the `findings` of `text`.
pub fn apply(text: &str, findings: Vec<Finding>, decisions: &[&Decision]) -> Applied {
    let mut out = Applied {
        findings,
        ..Applied::default()
    };
    for d in decisions {
        let hit = match d.action {
            Action::Reject | Action::Accept => {
                let matches = |f: &Finding| {
                    let span_ok = match (d.start, d.end) {
                        (Some(s), Some(e)) => f.start == s && f.end == e,
                        _ => true,
                    };
                    span_ok
                        && d.text.as_deref().is_none_or(|t| f.text(text) == t)
                        && d.rule.as_deref().is_none_or(|r| *f.rule == *r)
                };
                if d.action == Action::Reject {
                    let before = out.findings.len();
                    let (gone, kept): (Vec<Finding>, Vec<Finding>) =
                        out.findings.drain(..).partition(|f| matches(f));
                    out.findings = kept;
                    out.rejected.extend(gone);
                    out.findings.len() < before
                } else {
                    let found: Vec<Finding> = out
                        .findings
                        .iter()
                        .filter(|f| matches(f))
                        .cloned()
                        .collect();
                    let any = !found.is_empty();
                    out.accepted.extend(found);
                    any
                }
            }
            Action::Add => {
                let kind = d.kind.unwrap_or(Kind::Person);
                let spans: Vec<(usize, usize)> = match (d.start, d.end) {
                    (Some(s), Some(e)) => {
                        let fits = text
                            .get(s..e)
                            .is_some_and(|t| d.text.as_deref().is_none_or(|want| want == t));
                        if fits {
                            vec![(s, e)]
                        } else {
                            Vec::new()
                        }
                    }
                    _ => {
                        let needle = d.text.as_deref().unwrap_or_default();
                        text.match_indices(needle)
                            .map(|(i, m)| (i, i + m.len()))
                            .filter(|&(s, e)| is_word_edge(text, s, e))
                            .collect()
                    }
                };
                for &(s, e) in &spans {
                    add(&mut out.findings, s, e, kind);
                }
                out.added += spans.len();
                !spans.is_empty()
            }
        };
        if !hit {
            out.unmatched.push((*d).clone());
        }
    }
    out.rejected.sort_by_key(|f| f.start);
    out
}

/// Inserts a reviewer span; findings it overlaps give way (the reviewer wins).
fn add(findings: &mut Vec<Finding>, start: usize, end: usize, kind: Kind) {
    findings.retain(|f| f.end <= start || f.start >= end);
    let at = findings.partition_point(|f| f.start < start);
    findings.insert(
        at,
        Finding {
            start,
            end,
            kind,
            rule: ADDED_RULE.into(),
            action: DefaultAction::Placeholder,
            key: None,
        },
    );
}

/// Allow-list rules (TOML for `--patterns DIR`) for rejected findings that a rule
/// matched: one rule per distinct rejected text.
pub fn allow_list_suggestions(rejected: &[(String, String)]) -> String {
    let mut seen = std::collections::BTreeMap::<&str, Vec<&str>>::new();
    for (text, rule) in rejected {
        if rule == ADDED_RULE {
            continue;
        }
        let rules = seen.entry(text.as_str()).or_default();
        if !rules.contains(&rule.as_str()) {
            rules.push(rule);
        }
    }
    let mut out = String::new();
    for (i, (text, rules)) in seen.iter().enumerate() {
        let words = serde_json::to_string(text).expect("string serializes");
        out.push_str(&format!(
            "[[rule]]\nid = \"allow.reviewed-{}\"\nkind = \"ALLOW\"\n\
             description = \"Rejected by a reviewer (was found by {}).\"\n\
             words = [{words}]\ncase_insensitive = false\npriority = 100\n\
             examples = {{ match = [{words}] }}\n\n",
            i + 1,
            rules.join(", ")
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Scrubber;

    fn decisions(json: &str) -> Decisions {
        Decisions::parse(json, Path::new("d.json")).unwrap()
    }

    const TEXT: &str = "Seen on 6/18/02 in Smithville. Again 6/18/02.";

    #[test]
    fn reject_add_and_accept() {
        let s = Scrubber::with_default_patterns().unwrap();
        let found = s.detect(TEXT);
        let first = found.iter().find(|f| f.text(TEXT) == "6/18/02").unwrap();
        let d = decisions(&format!(
            r#"{{"schema":"casescrub.decisions/1","decisions":[
              {{"action":"reject","start":{},"end":{},"text":"6/18/02"}},
              {{"action":"add","text":"Smithville","kind":"LOCATION"}},
              {{"action":"accept","text":"nowhere"}}]}}"#,
            first.start, first.end
        ));
        let applied = apply(TEXT, found.clone(), &d.for_file("x.txt"));
        assert_eq!(applied.rejected.len(), 1);
        assert_eq!(applied.added, 1);
        assert_eq!(applied.unmatched.len(), 1);
        let texts: Vec<&str> = applied.findings.iter().map(|f| f.text(TEXT)).collect();
        assert_eq!(texts, ["Smithville", "6/18/02"]);
        assert_eq!(applied.findings[1].start, TEXT.rfind("6/18/02").unwrap());
    }

    #[test]
    fn bad_decisions_are_refused_with_their_number() {
        let e = Decisions::parse(
            r#"{"schema":"casescrub.decisions/1","decisions":[{"action":"add","text":"x"}]}"#,
            Path::new("d.json"),
        )
        .unwrap_err();
        assert!(e.contains("decision #1") && e.contains("kind"), "{e}");
    }

    #[test]
    fn suggestions_are_loadable_allow_rules() {
        let toml = allow_list_suggestions(&[("Jordan".into(), "person.given".into())]);
        assert!(toml.contains("kind = \"ALLOW\""));
        assert!(toml.contains("words = [\"Jordan\"]"));
    }
}
