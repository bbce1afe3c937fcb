//! Case-aware redaction: a roster of the case's parties, numbers, addresses and
//! dates, always redacted in every written variant ([`roster`], [`variants`]);
//! role placeholders ([`roles`]); and the engine that runs them with a policy.
//!
//! ```
//! use casescrub::case::{Case, CaseEngine, Roster};
//! use casescrub::Engine;
//! use casescrub::policy::{CompiledPolicy, Secrets};
//! use casescrub::{Numbering, Scrubber};
//! let roster = Roster::from_toml("case.toml", r#"
//!     [[party]]
//!     name = "Maria Lopez"
//!     role = "applicant"
//!     [[number]]
//!     value = "05-123456"
//!     role = "claim-number"
//! "#).unwrap();
//! let case = Case::new(&roster).unwrap();
//! let scrubber = Scrubber::with_default_patterns().unwrap();
//! let secrets = Secrets::default();
//! let engine = CaseEngine::new(&scrubber, CompiledPolicy::strict(), &secrets, &case, true);
//! let text = "LOPEZ, MARIA (claim 05 123456): Lopez's pain; file 123456.";
//! let found = engine.detect(text);
//! let out = engine.redact("-", text, &found, &mut Numbering::default());
//! assert_eq!(out.output, "[APPLICANT] (claim [CLAIM-NUMBER]): [APPLICANT]'s pain; file [CLAIM-NUMBER].");
//! ```

pub mod init;
pub mod roles;
pub mod roster;
pub mod variants;

pub use roster::{Roster, RosterError};

use crate::detect::is_word_edge;
use crate::engine::Engine;
use crate::kind::Kind;
use crate::matcher::DefaultAction;
use crate::normalize::{parse_date, value_key};
use crate::placeholder::Numbering;
use crate::policy::vault::Vault;
use crate::policy::{Action, CompiledPolicy, Rewriter, Secrets};
use crate::redact::{redact_with, Redaction, Replacement, Replacer};
use crate::resolve::Finding;
use crate::Scrubber;
use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use regex::Regex;
use roles::Learned;
use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use variants::Variant;

/// One thing the roster lists, with its placeholder label and rule id.
#[derive(Debug, Clone)]
pub struct Entity {
    /// The kind its findings are reported as.
    pub kind: Kind,
    /// Its role (`applicant`, `claim-number`).
    pub role: String,
    /// Its role placeholder label (`APPLICANT`, `TREATING-PHYSICIAN-2`).
    pub label: String,
    /// The rule id of its findings (`case.applicant`, `case.treating-physician-2`).
    pub rule: Arc<str>,
    /// The value as listed (numbered placeholders are keyed by it, so every variant
    /// shares one).
    pub canonical: String,
    /// The calendar date key, for dates.
    pub date_key: Option<String>,
}

/// One roster entry before compiling: kind, role, value, variants, date key.
type Listed = (Kind, String, String, Vec<Variant>, Option<String>);

/// A compiled roster: its entities and the matchers for all their variants.
#[derive(Debug)]
pub struct Case {
    entities: Vec<Entity>,
    by_rule: HashMap<Arc<str>, usize>,
    any_case: Option<(AhoCorasick, Vec<usize>)>,
    exact: Option<(AhoCorasick, Vec<(usize, bool)>)>,
    regexes: Vec<(Regex, usize)>,
    roster_counts: HashMap<String, usize>,
}

impl Case {
    /// Compiles `roster`: every variant of every entry into the matchers.
    pub fn new(roster: &Roster) -> Result<Case, RosterError> {
        let mut listed: Vec<Listed> = Vec::new();
        for p in &roster.party {
            let kind = p.kind();
            let mut vs = Vec::new();
            for name in std::iter::once(&p.name).chain(&p.aliases) {
                let more = if kind == Kind::Org {
                    variants::org(name)
                } else {
                    variants::person(name)
                };
                for v in more {
                    if !vs.contains(&v) {
                        vs.push(v);
                    }
                }
            }
            listed.push((kind, p.role.clone(), p.name.clone(), vs, None));
        }
        for n in &roster.number {
            let role = n.role.clone().unwrap_or_else(|| "number".into());
            let kind = if role == "ssn" { Kind::Ssn } else { Kind::Id };
            listed.push((
                kind,
                role,
                n.value.clone(),
                variants::number(&n.value),
                None,
            ));
        }
        for a in &roster.address {
            let role = a.role.clone().unwrap_or_else(|| "address".into());
            listed.push((
                Kind::Location,
                role,
                a.value.clone(),
                variants::address(&a.value),
                None,
            ));
        }
        for d in &roster.date {
            let role = d.role.clone().unwrap_or_else(|| "date".into());
            let parsed = parse_date(&d.value).expect("checked by the roster");
            listed.push((
                Kind::Date,
                role,
                d.value.clone(),
                variants::date(parsed),
                Some(value_key(Kind::Date, &d.value)),
            ));
        }
        let mut roster_counts: HashMap<String, usize> = HashMap::new();
        for (_, role, ..) in &listed {
            *roster_counts.entry(role.clone()).or_insert(0) += 1;
        }
        let mut seen: HashMap<String, usize> = HashMap::new();
        let mut entities = Vec::new();
        let mut any_pats: Vec<String> = Vec::new();
        let mut any_ids = Vec::new();
        let mut exact_pats: Vec<String> = Vec::new();
        let mut exact_ids = Vec::new();
        let mut regexes = Vec::new();
        for (i, (kind, role, canonical, vs, date_key)) in listed.into_iter().enumerate() {
            let number = (roster_counts[&role] > 1).then(|| {
                let n = seen.entry(role.clone()).or_insert(0);
                *n += 1;
                *n
            });
            let label = roles::label(&role, number);
            let rule: Arc<str> = Arc::from(format!("case.{}", label.to_ascii_lowercase()));
            for v in vs {
                match v {
                    Variant::AnyCase(s) => {
                        any_pats.push(s);
                        any_ids.push(i);
                    }
                    Variant::ExactCase(s) => {
                        exact_pats.push(s);
                        exact_ids.push((i, false));
                    }
                    Variant::Initials(s) => {
                        exact_pats.push(s);
                        exact_ids.push((i, true));
                    }
                    Variant::Regex(r) => {
                        let re = Regex::new(&r).map_err(|e| RosterError {
                            source_name: "roster".into(),
                            message: format!("{canonical}: {e}"),
                        })?;
                        regexes.push((re, i));
                    }
                }
            }
            entities.push(Entity {
                kind,
                role,
                label,
                rule,
                canonical,
                date_key,
            });
        }
        let build = |pats: &[String], insensitive: bool| {
            AhoCorasickBuilder::new()
                .ascii_case_insensitive(insensitive)
                .match_kind(MatchKind::Standard)
                .build(pats)
                .map_err(|e| RosterError {
                    source_name: "roster".into(),
                    message: e.to_string(),
                })
        };
        let any_case = if any_pats.is_empty() {
            None
        } else {
            Some((build(&any_pats, true)?, any_ids))
        };
        let exact = if exact_pats.is_empty() {
            None
        } else {
            Some((build(&exact_pats, false)?, exact_ids))
        };
        let by_rule = entities
            .iter()
            .enumerate()
            .map(|(i, e)| (e.rule.clone(), i))
            .collect();
        Ok(Case {
            entities,
            by_rule,
            any_case,
            exact,
            regexes,
            roster_counts,
        })
    }

    /// Every entity, in roster order (parties, numbers, addresses, dates).
    pub fn entities(&self) -> &[Entity] {
        &self.entities
    }

    /// The entity a finding stands for, when a roster rule found it.
    pub fn entity(&self, finding: &Finding) -> Option<&Entity> {
        self.by_rule.get(&finding.rule).map(|&i| &self.entities[i])
    }

    /// How many roster entries have each role.
    pub fn roster_counts(&self) -> &HashMap<String, usize> {
        &self.roster_counts
    }

    /// Roster matches in `text`: (start, end, entity), sorted and disjoint.
    pub fn find(&self, text: &str) -> Vec<(usize, usize, usize)> {
        let mut spans: Vec<(usize, usize, usize, bool)> = Vec::new();
        let edge = |s: usize, e: usize| {
            text.is_char_boundary(s) && text.is_char_boundary(e) && is_word_edge(text, s, e)
        };
        if let Some((ac, ids)) = &self.any_case {
            for m in ac.find_overlapping_iter(text) {
                if edge(m.start(), m.end()) {
                    spans.push((m.start(), m.end(), ids[m.pattern().as_usize()], false));
                }
            }
        }
        if let Some((ac, ids)) = &self.exact {
            for m in ac.find_overlapping_iter(text) {
                if edge(m.start(), m.end()) {
                    let (id, initials) = ids[m.pattern().as_usize()];
                    spans.push((m.start(), m.end(), id, initials));
                }
            }
        }
        for (re, id) in &self.regexes {
            for m in re.find_iter(text) {
                if edge(m.start(), m.end()) {
                    spans.push((m.start(), m.end(), *id, false));
                }
            }
        }
        // Initials count only where the party is named another way, and not
        // after a number ("5 ML").
        let named: Vec<usize> = spans.iter().filter(|s| !s.3).map(|s| s.2).collect();
        spans.retain(|&(s, _, id, initials)| {
            !initials
                || (named.contains(&id)
                    && !text[..s]
                        .trim_end()
                        .chars()
                        .next_back()
                        .is_some_and(|c| c.is_ascii_digit()))
        });
        spans.sort_by_key(|&(s, e, ..)| (s, std::cmp::Reverse(e)));
        let mut out: Vec<(usize, usize, usize)> = Vec::new();
        for (s, e, id, _) in spans {
            match out.last_mut() {
                // "Priya" and "Natarajan" split over two lines are one mention.
                Some((_, pe, pid)) if *pid == id && s >= *pe && text[*pe..s].trim().is_empty() => {
                    *pe = e
                }
                Some(&mut (_, pe, _)) if s < pe => {}
                _ => out.push((s, e, id)),
            }
        }
        out
    }

    /// Merges roster matches into the detector's `findings`: a detected date equal
    /// to a roster date becomes that entry, and a roster match absorbs every
    /// finding it overlaps (the union is redacted as the roster entry).
    pub fn apply(&self, text: &str, findings: Vec<Finding>) -> Vec<Finding> {
        let finding = |s: usize, e: usize, id: usize| Finding {
            start: s,
            end: e,
            kind: self.entities[id].kind,
            rule: self.entities[id].rule.clone(),
            action: DefaultAction::Placeholder,
            key: None,
        };
        let dates: Vec<(usize, &str)> = self
            .entities
            .iter()
            .enumerate()
            .filter_map(|(i, e)| e.date_key.as_deref().map(|k| (i, k)))
            .collect();
        let mut items: Vec<(Finding, bool)> = findings
            .into_iter()
            .map(|f| {
                if f.kind == Kind::Date && !dates.is_empty() {
                    let key = value_key(Kind::Date, f.text(text));
                    if let Some((id, _)) = dates.iter().find(|(_, k)| *k == key) {
                        return (finding(f.start, f.end, *id), true);
                    }
                }
                (f, false)
            })
            .collect();
        items.extend(
            self.find(text)
                .into_iter()
                .map(|(s, e, id)| (finding(s, e, id), true)),
        );
        items.sort_by_key(|(f, roster)| (f.start, std::cmp::Reverse(f.end), !roster));
        let mut out: Vec<(Finding, bool)> = Vec::new();
        for (f, roster) in items {
            match out.last_mut() {
                Some((last, last_roster)) if f.start < last.end => {
                    let end = last.end.max(f.end);
                    if roster && !*last_roster {
                        *last = Finding {
                            start: last.start,
                            end,
                            ..f
                        };
                        *last_roster = true;
                    } else {
                        last.end = end;
                    }
                }
                _ => out.push((f, roster)),
            }
        }
        out.into_iter().map(|(f, _)| f).collect()
    }
}

/// Detection and rewriting with a roster (and, with `roles`, role placeholders),
/// under a policy; plugs into folder mode like [`crate::engine::PolicyEngine`].
#[derive(Debug)]
pub struct CaseEngine<'a> {
    scrubber: &'a Scrubber,
    policy: &'a CompiledPolicy,
    secrets: &'a Secrets,
    case: &'a Case,
    roles: bool,
    learned: Mutex<Learned>,
    vault: Option<Mutex<&'a mut Vault>>,
}

impl<'a> CaseEngine<'a> {
    /// An engine; `roles` turns on role placeholders.
    pub fn new(
        scrubber: &'a Scrubber,
        policy: &'a CompiledPolicy,
        secrets: &'a Secrets,
        case: &'a Case,
        roles: bool,
    ) -> Self {
        CaseEngine {
            scrubber,
            policy,
            secrets,
            case,
            roles,
            learned: Mutex::new(Learned::new(case.roster_counts().clone())),
            vault: None,
        }
    }

    /// Records each redacted document in `vault`, in order.
    pub fn with_vault(mut self, vault: Option<&'a mut Vault>) -> Self {
        self.vault = vault.map(Mutex::new);
        self
    }
}

impl Engine for CaseEngine<'_> {
    fn detect(&self, text: &str) -> Vec<Finding> {
        let found = self.policy.apply_lists(text, self.scrubber.detect(text));
        self.case.apply(text, found)
    }

    fn redact(
        &self,
        input: &str,
        text: &str,
        findings: &[Finding],
        numbering: &mut Numbering,
    ) -> Redaction {
        let mut learned = self.learned.lock().unwrap_or_else(|p| p.into_inner());
        let mut rewriter = CaseRewriter {
            case: self.case,
            roles: self.roles,
            policy: self.policy,
            learned: &mut learned,
            inner: Rewriter::new(self.policy, self.secrets, numbering),
        };
        let redaction = redact_with(text, findings, &mut rewriter);
        if let Some(vault) = &self.vault {
            vault
                .lock()
                .unwrap_or_else(|p| p.into_inner())
                .record(input, &redaction, numbering);
        }
        redaction
    }
}

/// The policy's rewriter, with roster entries always redacted (one placeholder for
/// every variant) and, with `roles`, role placeholders.
struct CaseRewriter<'a, 'b> {
    case: &'a Case,
    roles: bool,
    policy: &'a CompiledPolicy,
    learned: &'b mut Learned,
    inner: Rewriter<'b>,
}

impl CaseRewriter<'_, '_> {
    fn numbered(&mut self, kind: Kind, value: &str) -> Replacement {
        Replacement::new(self.inner.numbering().placeholder(kind, value))
    }
}

impl Replacer for CaseRewriter<'_, '_> {
    fn replace(&mut self, text: &str, f: &Finding) -> Option<Replacement> {
        let rewrite = self.policy.rewrite_for(f.kind, &f.rule);
        if let Some(e) = self.case.entity(f) {
            if e.kind == Kind::Date && rewrite.action == Action::Relative {
                if let Some(r) = self.inner.replace(text, f) {
                    return Some(r);
                }
            }
            if self.roles {
                return Some(Replacement::new(format!("[{}]", e.label)));
            }
            let (kind, canonical) = (e.kind, e.canonical.clone());
            return Some(match rewrite.action {
                Action::Placeholder | Action::Keep => self.numbered(kind, &canonical),
                _ => match self.inner.replace(text, f) {
                    Some(r) if !r.text.is_empty() || r.remove => r,
                    _ => self.numbered(kind, &canonical),
                },
            });
        }
        if self.roles && f.kind == Kind::Person && rewrite.action == Action::Placeholder {
            if let Some(label) = self.learned.label_for(text, f.start, f.text(text)) {
                return Some(Replacement::new(format!("[{label}]")));
            }
        }
        self.inner.replace(text, f)
    }
}
