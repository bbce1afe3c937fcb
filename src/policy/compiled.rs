//! A policy ready to apply ([`CompiledPolicy`]: the parsed file with its compiled
//! allow- and deny-lists), why one could not be loaded, and rule-id validation
//! against the registry. Below the rewriter, which takes it.

use super::lists::Lists;
use super::model::{Action, Policy, Rewrite};
use super::profiles;
use crate::kind::Kind;
use crate::resolve::Finding;
use std::path::Path;
use std::sync::OnceLock;

/// Why a policy could not be loaded.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum PolicyError {
    /// The policy text is invalid.
    #[error("policy {source_name}: {message}")]
    Invalid {
        /// The file (or profile) name.
        source_name: String,
        /// What is wrong and where.
        message: String,
    },
    /// The policy file could not be read.
    #[error("policy {path}: {source}")]
    Io {
        /// The file.
        path: String,
        /// The I/O error.
        #[source]
        source: std::io::Error,
    },
    /// No built-in profile has that name.
    #[error("unknown profile `{0}`; built-in profiles: {list}", list = profiles::names().join(", "))]
    UnknownProfile(String),
}

/// The rule id in `known` closest to `id` (edit distance), to suggest in errors.
pub fn closest<'a>(id: &str, known: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    known
        .into_iter()
        .map(|k| (edit_distance(id, k), k))
        .min()
        .map(|(_, k)| k)
}

/// Levenshtein distance over chars.
fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut prev = row[0];
        row[0] = i + 1;
        for (j, &cb) in b.iter().enumerate() {
            let cur = row[j + 1];
            row[j + 1] = (prev + usize::from(ca != cb)).min(row[j] + 1).min(cur + 1);
            prev = cur;
        }
    }
    row[b.len()]
}

/// A policy ready to apply: the parsed file plus its compiled lists.
#[derive(Debug)]
pub struct CompiledPolicy {
    name: String,
    /// The file (or profile) it came from, for error messages.
    source_name: String,
    policy: Policy,
    lists: Lists,
}

impl CompiledPolicy {
    /// Checks that every rule id the policy names under `[rules]` is in `known`
    /// (sorted); the error names the policy and the closest known id, so a typo
    /// such as `"date.brith"` cannot silently leave a rule at its kind's action.
    pub fn check_rule_ids(&self, known: &[std::sync::Arc<str>]) -> Result<(), PolicyError> {
        for rule in self.policy.rules.keys() {
            if known
                .binary_search_by(|k| (**k).cmp(rule.as_str()))
                .is_err()
            {
                let hint = closest(rule, known.iter().map(|k| &**k))
                    .map(|c| {
                        format!(
                            "; did you mean `{c}`? (`casescrub patterns list` lists every rule id)"
                        )
                    })
                    .unwrap_or_default();
                return Err(PolicyError::Invalid {
                    source_name: self.source_name.clone(),
                    message: format!("[rules] names unknown rule id `{rule}`{hint}"),
                });
            }
        }
        Ok(())
    }

    /// Parses and compiles TOML text; `source_name` is used in error messages.
    pub fn from_toml(source_name: &str, text: &str) -> Result<CompiledPolicy, PolicyError> {
        let invalid = |message| PolicyError::Invalid {
            source_name: source_name.to_string(),
            message,
        };
        let policy = Policy::from_toml(text).map_err(invalid)?;
        let lists = Lists::new(&policy.allow, &policy.deny).map_err(invalid)?;
        Ok(CompiledPolicy {
            name: policy
                .name
                .clone()
                .unwrap_or_else(|| source_name.to_string()),
            source_name: source_name.to_string(),
            policy,
            lists,
        })
    }

    /// Reads a policy file.
    pub fn from_file(path: &Path) -> Result<CompiledPolicy, PolicyError> {
        let shown = path.display().to_string();
        let text = std::fs::read_to_string(path).map_err(|source| PolicyError::Io {
            path: shown.clone(),
            source,
        })?;
        Self::from_toml(&shown, &text)
    }

    /// A built-in profile by name.
    pub fn profile(name: &str) -> Result<CompiledPolicy, PolicyError> {
        let text =
            profiles::source(name).ok_or_else(|| PolicyError::UnknownProfile(name.to_string()))?;
        Self::from_toml(&format!("profile `{name}`"), text)
    }

    /// The default profile (`strict`), compiled once.
    pub fn strict() -> &'static CompiledPolicy {
        static STRICT: OnceLock<CompiledPolicy> = OnceLock::new();
        STRICT.get_or_init(|| Self::profile("strict").expect("the strict profile is valid"))
    }

    /// The same policy with every finding of `kind` rewritten by `rewrite` (a
    /// command-line override, such as `--anchor` turning dates `relative`). Rules
    /// that name a rule id still win.
    pub fn set_kind_rewrite(&mut self, kind: Kind, rewrite: Rewrite) {
        self.policy.kinds.insert(kind, rewrite);
    }

    /// The policy's name (its `name` field, or the file name).
    pub fn name(&self) -> &str {
        &self.name
    }

    /// The parsed policy.
    pub fn policy(&self) -> &Policy {
        &self.policy
    }

    /// The rewrite for a finding.
    pub fn rewrite_for(&self, kind: Kind, rule: &str) -> &Rewrite {
        self.policy.rewrite_for(kind, rule)
    }

    /// Applies the allow and deny lists to the detector's findings.
    pub fn apply_lists(&self, text: &str, findings: Vec<Finding>) -> Vec<Finding> {
        self.lists.apply(text, findings)
    }

    /// Whether any kind or rule uses `action`.
    pub fn uses(&self, action: Action) -> bool {
        self.policy.rewrites().any(|r| r.action == action)
    }

    /// Whether dates may be shifted (by `shift`, or by `surrogate` on dates).
    pub fn shifts_dates(&self) -> bool {
        self.policy
            .rewrites()
            .any(|r| matches!(r.action, Action::Shift | Action::Surrogate))
    }

    /// The largest date shift any rewrite allows (default 365 days).
    pub fn max_shift_days(&self) -> u32 {
        self.policy
            .rewrites()
            .filter(|r| matches!(r.action, Action::Shift | Action::Surrogate))
            .filter_map(|r| r.max_days)
            .min()
            .unwrap_or(365)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_profile_compiles_and_names_itself() {
        for name in profiles::names() {
            let p = CompiledPolicy::profile(name).unwrap();
            assert_eq!(p.name(), name);
            assert!(p.policy().description.is_some(), "{name} has a description");
        }
        assert!(matches!(
            CompiledPolicy::profile("lenient"),
            Err(PolicyError::UnknownProfile(_))
        ));
    }

    #[test]
    fn errors_name_the_source() {
        let err = CompiledPolicy::from_toml("my.toml", "[kinds]\nDATE = 3").unwrap_err();
        assert!(err.to_string().starts_with("policy my.toml:"), "{err}");
    }

    #[test]
    fn the_closest_id_is_suggested() {
        let known = ["date.birth", "date.iso", "person.word-list"];
        assert_eq!(closest("date.brith", known), Some("date.birth"));
        assert_eq!(closest("person.wordlist", known), Some("person.word-list"));
        assert_eq!(edit_distance("kitten", "sitting"), 3);
        assert_eq!(edit_distance("", "abc"), 3);
    }

    #[test]
    fn every_profile_names_only_known_rules() {
        let scrubber = crate::Scrubber::with_default_patterns().unwrap();
        for name in profiles::names() {
            let p = CompiledPolicy::profile(name).unwrap();
            p.check_rule_ids(scrubber.rule_ids()).unwrap();
        }
        let bad = CompiledPolicy::from_toml("x.toml", "[rules]\n\"ssn.dashd\" = \"keep\"").unwrap();
        let err = bad
            .check_rule_ids(scrubber.rule_ids())
            .unwrap_err()
            .to_string();
        assert!(
            err.contains("x.toml") && err.contains("ssn.dashed"),
            "{err}"
        );
    }
}
