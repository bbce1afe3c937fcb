//! The pattern library: rule definitions loaded from TOML files.
//!
//! The default library (the `patterns/` folder of the repository) is embedded in
//! the binary at compile time; user folders add rules or override them by id.

mod embedded;
mod label;
mod spec;

pub use label::LabelSpec;
pub use spec::{Context, Examples, RuleSpec, Stage, Status, Validator, WordFiles};

use crate::error::{Error, Result};
use std::collections::BTreeMap;
use std::path::Path;

/// The HIPAA Safe Harbor class each rule id of a library declares (its `hipaa`
/// field), `None` for a rule that leaves it to its kind; ids not here (a case
/// roster's) are read as labels by the coverage checklist.
pub type HipaaClasses = BTreeMap<std::sync::Arc<str>, Option<u8>>;

/// One pattern file: a list of rules.
#[derive(Debug, serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct PatternFile {
    /// Named regex fragments, usable in this file's and later files' rules as `{{NAME}}`.
    #[serde(default)]
    fragments: BTreeMap<String, String>,
    #[serde(default, rename = "rule")]
    rules: Vec<RuleSpec>,
    /// Field labels of the layout stage (see [`crate::layout`]).
    #[serde(default, rename = "label")]
    labels: Vec<LabelSpec>,
}

/// Only the position of each rule's `id`, to name the line in errors.
#[derive(serde::Deserialize)]
struct RuleLines {
    #[serde(default, rename = "rule")]
    rules: Vec<RuleLine>,
}

#[derive(serde::Deserialize)]
struct RuleLine {
    id: Option<toml::Spanned<String>>,
}

/// 1-based line of each rule's `id` in `text` (0 when unknown).
fn rule_lines(text: &str) -> Vec<usize> {
    let Ok(lines) = toml::from_str::<RuleLines>(text) else {
        return Vec::new();
    };
    lines
        .rules
        .iter()
        .map(|r| {
            r.id.as_ref().map_or(0, |id| {
                1 + text.as_bytes()[..id.span().start.min(text.len())]
                    .iter()
                    .filter(|&&b| b == b'\n')
                    .count()
            })
        })
        .collect()
}

/// A set of rules keyed by id, with the file each rule came from.
#[derive(Debug, Clone, Default)]
pub struct Library {
    rules: BTreeMap<String, RuleSpec>,
    labels: BTreeMap<String, LabelSpec>,
    fragments: BTreeMap<String, String>,
}

impl Library {
    /// The default library embedded in the binary.
    pub fn embedded() -> Result<Self> {
        let mut lib = Library::default();
        let word_file = |name: &str| {
            embedded::FILES
                .iter()
                .find(|(n, _)| *n == name)
                .map(|(_, text)| text.to_string())
        };
        for (name, text) in embedded::FILES.iter().filter(|(n, _)| n.ends_with(".toml")) {
            lib.add_file(name, text, false, &word_file)?;
        }
        Ok(lib)
    }

    /// Parses one pattern file and adds its rules. With `allow_override`, a rule whose
    /// id already exists replaces it; otherwise a duplicate id is an error.
    ///
    /// `word_file` resolves a rule's `words_file` (a path relative to the pattern folder)
    /// to its contents.
    pub fn add_file(
        &mut self,
        name: &str,
        text: &str,
        allow_override: bool,
        word_file: &dyn Fn(&str) -> Option<String>,
    ) -> Result<()> {
        let file: PatternFile = toml::from_str(text).map_err(|e| Error::Pattern {
            file: name.to_string(),
            message: e.to_string(),
        })?;
        for (key, value) in file.fragments {
            let value = self.expand(name, &value, word_file)?;
            self.fragments.insert(key, value);
        }
        for mut label in file.labels {
            label.source = name.to_string();
            label.check().map_err(|message| Error::Pattern {
                file: name.to_string(),
                message: format!("label `{}`: {message}", label.id),
            })?;
            if self.rules.contains_key(&label.id)
                || (!allow_override && self.labels.contains_key(&label.id))
            {
                return Err(Error::Pattern {
                    file: name.to_string(),
                    message: format!("label `{}`: duplicate id", label.id),
                });
            }
            self.labels.insert(label.id.clone(), label);
        }
        let lines = rule_lines(text);
        let mut seen = std::collections::HashMap::new();
        for (index, mut rule) in file.rules.into_iter().enumerate() {
            rule.source = name.to_string();
            rule.line = lines.get(index).copied().unwrap_or(0);
            if let Some(regex) = &rule.regex {
                rule.regex = Some(self.expand(name, regex, word_file).map_err(|e| match e {
                    Error::Pattern { file, message } => Error::Pattern {
                        file,
                        message: format!("{}: {message}", rule.location()),
                    },
                    other => other,
                })?);
            }
            if let Some(ctx) = rule.context.as_mut() {
                for position in [&mut ctx.before, &mut ctx.after].into_iter().flatten() {
                    *position = self.expand(name, position, word_file)?;
                }
            }
            rule.check().map_err(|message| Error::Pattern {
                file: name.to_string(),
                message: format!("{}: {message}", rule.location()),
            })?;
            if let Some(files) = &rule.words_file {
                let mut words = Vec::new();
                for words_file in files.paths() {
                    let contents = word_file(words_file).ok_or_else(|| Error::Pattern {
                        file: name.to_string(),
                        message: format!(
                            "{}: word list `{words_file}` not found next to the pattern file",
                            rule.location()
                        ),
                    })?;
                    words.extend(parse_word_list(&contents));
                }
                rule.loaded_words = words;
            } else {
                rule.loaded_words = rule.words.clone();
            }
            if let Some(first) = seen.insert(rule.id.clone(), rule.line) {
                return Err(Error::Pattern {
                    file: name.to_string(),
                    message: format!(
                        "{}: duplicate id (already used at line {first} of this file)",
                        rule.location()
                    ),
                });
            }
            if !allow_override {
                if let Some(previous) = self.rules.get(&rule.id) {
                    return Err(Error::Pattern {
                        file: name.to_string(),
                        message: format!(
                            "{}: duplicate id (already defined in {} line {})",
                            rule.location(),
                            previous.source,
                            previous.line
                        ),
                    });
                }
            }
            self.rules.insert(rule.id.clone(), rule);
        }
        Ok(())
    }

    /// Replaces each `{{NAME}}` in `regex` with the fragment of that name, and each
    /// `{{words:FILE}}` with the entries of word list `FILE` (a path relative to the
    /// pattern folder) as one non-capturing alternation, longest entry first.
    fn expand(
        &self,
        file: &str,
        regex: &str,
        word_file: &dyn Fn(&str) -> Option<String>,
    ) -> Result<String> {
        let mut out = String::with_capacity(regex.len());
        let mut rest = regex;
        while let Some(open) = rest.find("{{") {
            out.push_str(&rest[..open]);
            let after = &rest[open + 2..];
            let close = after.find("}}").ok_or_else(|| Error::Pattern {
                file: file.to_string(),
                message: "`{{` without a closing `}}`".into(),
            })?;
            let key = &after[..close];
            if let Some(list) = key.strip_prefix("words:") {
                let contents = word_file(list).ok_or_else(|| Error::Pattern {
                    file: file.to_string(),
                    message: format!(
                        "fragment `{{{{words:{list}}}}}`: word list `{list}` not found next to the pattern file"
                    ),
                })?;
                out.push_str(&word_alternation(&parse_word_list(&contents)));
                rest = &after[close + 2..];
                continue;
            }
            let fragment = self.fragments.get(key).ok_or_else(|| Error::Pattern {
                file: file.to_string(),
                message: format!(
                    "unknown fragment `{{{{{key}}}}}`; define it under [fragments] in this or an earlier file"
                ),
            })?;
            out.push_str(fragment);
            rest = &after[close + 2..];
        }
        out.push_str(rest);
        Ok(out)
    }

    /// Adds every `*.toml` file of `dir` (sorted by name); rules override by id.
    pub fn add_dir(&mut self, dir: &Path) -> Result<()> {
        for path in crate::walk::toml_files(dir)? {
            let text = std::fs::read_to_string(&path).map_err(|source| Error::Io {
                path: path.clone(),
                source,
            })?;
            let word_file = |rel: &str| std::fs::read_to_string(dir.join(rel)).ok();
            self.add_file(&path.display().to_string(), &text, true, &word_file)?;
        }
        Ok(())
    }

    /// Every rule, sorted by id.
    pub fn rules(&self) -> impl Iterator<Item = &RuleSpec> {
        self.rules.values()
    }

    /// Every field label of the layout stage, sorted by id.
    pub fn labels(&self) -> impl Iterator<Item = &LabelSpec> {
        self.labels.values()
    }

    /// The Safe Harbor class every rule and label declares (labels leave it to
    /// their kind).
    pub fn hipaa_classes(&self) -> HipaaClasses {
        let rules = self.rules().map(|r| (r.id.as_str(), r.hipaa));
        let labels = self.labels().map(|l| (l.id.as_str(), None));
        rules.chain(labels).map(|(id, c)| (id.into(), c)).collect()
    }

    /// The rule with this id, if any.
    pub fn get(&self, id: &str) -> Option<&RuleSpec> {
        self.rules.get(id)
    }

    /// Number of rules.
    pub fn len(&self) -> usize {
        self.rules.len()
    }

    /// Whether the library holds no rule.
    pub fn is_empty(&self) -> bool {
        self.rules.is_empty()
    }
}

/// Parses a word-list file: one entry per line, blank lines and `#` comments ignored.
/// `words` as a regex alternation `(?:a|b|…)`: each entry escaped, longest first so
/// that a longer entry wins over its prefix ("Haitian Creole" over "Haitian"), a space
/// inside an entry standing for any run of blanks and hyphens ("Sign Language",
/// "Sign-Language"), and each entry bounded as a whole word on both sides by itself.
///
/// The bounds are ASCII word boundaries (the fast engines need them): an entry that
/// begins or ends with a letter outside ASCII or a mark ("Otomí", "K'iche'") gets a
/// non-boundary there instead, which holds exactly when the neighbouring character is
/// no ASCII letter or digit either. So a rule must not put `\b` right beside the
/// fragment.
fn word_alternation(words: &[String]) -> String {
    let mut sorted: Vec<&String> = words.iter().collect();
    sorted.sort_by(|a, b| b.len().cmp(&a.len()).then_with(|| a.cmp(b)));
    sorted.dedup();
    let bound = |c: Option<char>| match c {
        Some(c) if c.is_ascii_alphanumeric() || c == '_' => r"(?-u:\b)",
        _ => r"(?-u:\B)",
    };
    let alternatives: Vec<String> = sorted
        .iter()
        .map(|w| {
            let body = w
                .split(' ')
                .map(regex_syntax::escape)
                .collect::<Vec<_>>()
                .join(r"[ \t-]+");
            format!(
                "{}{body}{}",
                bound(w.chars().next()),
                bound(w.chars().next_back())
            )
        })
        .collect();
    format!("(?:{})", alternatives.join("|"))
}

fn parse_word_list(text: &str) -> Vec<String> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(str::to_string)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_fragment_expands_to_an_alternation_longest_first() {
        let words = vec!["Creole".to_string(), "Haitian Creole".to_string()];
        let alternation = word_alternation(&words);
        let re = regex::Regex::new(&format!("^{alternation}$")).unwrap();
        assert!(re.is_match("Haitian-Creole"));
        assert!(re.is_match("Haitian  Creole"));
        let found = |words: &[&str], text: &str| {
            let words: Vec<String> = words.iter().map(|w| w.to_string()).collect();
            regex::Regex::new(&format!("(?i){}", word_alternation(&words)))
                .unwrap()
                .find(text)
                .map(|m| m.as_str().to_string())
        };
        assert_eq!(found(&["Otomí"], "PT SPEAKS OTOMÍ"), Some("OTOMÍ".into()));
        assert_eq!(found(&["Otomí"], "speaks otomí."), Some("otomí".into()));
        assert_eq!(
            found(&["K'iche", "K'iche'"], "speaks K'iche' at"),
            Some("K'iche'".into())
        );
        assert_eq!(found(&["Mam"], "Mammoth"), None);
    }

    #[test]
    fn a_safe_harbor_class_outside_1_to_18_is_an_error() {
        let rule = |class: u8| {
            format!(
                "[[rule]]\nid = \"id.x\"\nkind = \"ID\"\nhipaa = {class}\ndescription = \"x\"\n\
                 regex = 'X[0-9]+'\nexamples = {{ match = [\"X12\"] }}\n"
            )
        };
        let none = |_: &str| None;
        let mut lib = Library::default();
        lib.add_file("ok.toml", &rule(10), false, &none).unwrap();
        assert_eq!(lib.hipaa_classes().get("id.x"), Some(&Some(10)));
        let err = Library::default()
            .add_file("bad.toml", &rule(19), false, &none)
            .unwrap_err()
            .to_string();
        assert!(err.contains("bad.toml") && err.contains("1 to 18"), "{err}");
    }

    #[test]
    fn words_fragment_reads_the_word_list_file() {
        let lib = Library::default();
        let files = |name: &str| (name == "words/l.txt").then(|| "# c\nK'iche'\nMam\n".to_string());
        let out = lib
            .expand("x.toml", "a {{words:words/l.txt}} b", &files)
            .unwrap();
        assert_eq!(out, r"a (?:(?-u:\b)K'iche'(?-u:\B)|(?-u:\b)Mam(?-u:\b)) b");
        let missing = lib.expand("x.toml", "{{words:words/none.txt}}", &files);
        assert!(missing.unwrap_err().to_string().contains("not found"));
    }
}
