//! The shape of one rule in a pattern file.

use crate::kind::Kind;
use serde::{Deserialize, Serialize};

/// One detection rule, as written in a `patterns/*.toml` file.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RuleSpec {
    /// Stable identifier, `family.name` (e.g. `date.mdy-slash`).
    pub id: String,
    /// What the rule finds.
    pub kind: Kind,
    /// One sentence on what the rule matches and why.
    pub description: String,
    /// A regular expression (Rust `regex` syntax). A capture group named `v`, when
    /// present, is the reported span; the rest of the match is context.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub regex: Option<String>,
    /// A word list, matched as whole words with Aho-Corasick.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub words: Vec<String>,
    /// A word-list file (one entry per line, `#` comments), relative to the pattern
    /// folder, or a list of such files whose entries are taken together.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub words_file: Option<WordFiles>,
    /// Match case-insensitively (word lists default to true, regexes to false).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub case_insensitive: Option<bool>,
    /// Words that must, or must not, appear near a match. `require` looks at `side`;
    /// `forbid` always looks at both sides.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub context: Option<Context>,
    /// A check that a match must pass, by name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub validator: Option<Validator>,
    /// Higher wins when two findings overlap (default 50; allow-list rules use 100).
    #[serde(default = "default_priority")]
    pub priority: i32,
    /// Default rewrite: `placeholder` (the default) or `neutralize` (gendered words).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub action: Option<String>,
    /// The stage that makes this rule's findings when it is not a regex or word
    /// list: `entity` (the document-level entity pass, `src/entities`). Such a rule
    /// is declared here so that listings, policies and `explain` know it; its
    /// examples run through the whole detector.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub stage: Option<Stage>,
    /// The HIPAA Safe Harbor class (1-18, 45 CFR 164.514(b)(2)(i)) of this rule's
    /// findings when it is not its kind's (`src/assess/safe-harbor.toml` gives each
    /// kind's class and the label words that move a finding).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hipaa: Option<u8>,
    /// Lifecycle: `stable` (the default), `preview` or `deprecated`.
    #[serde(default, skip_serializing_if = "Status::is_stable")]
    pub status: Status,
    /// Strings the rule must and must not match; they run as tests.
    pub examples: Examples,
    /// The file the rule came from (filled in by the loader).
    #[serde(skip)]
    pub source: String,
    /// 1-based line of the rule's `id` in that file (0 when unknown; filled in by the loader).
    #[serde(skip)]
    pub line: usize,
    /// The words of `words` or of the loaded `words_file` (filled in by the loader).
    #[serde(skip)]
    pub loaded_words: Vec<String>,
}

/// The `words_file` of a rule: one path or several.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(untagged)]
pub enum WordFiles {
    /// One word-list file.
    One(String),
    /// Several word-list files, matched as one list.
    Many(Vec<String>),
}

impl WordFiles {
    /// Every path, in order.
    pub fn paths(&self) -> Vec<&str> {
        match self {
            WordFiles::One(path) => vec![path.as_str()],
            WordFiles::Many(paths) => paths.iter().map(String::as_str).collect(),
        }
    }
}

fn default_priority() -> i32 {
    50
}

/// Nearby words that decide whether a match counts.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Context {
    /// At least one of these words or phrases must appear in the window (case-insensitive).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub require: Vec<String>,
    /// None of these may appear in the window (case-insensitive).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub forbid: Vec<String>,
    /// Bytes to look at on each side of the match (default 40).
    #[serde(default = "default_window")]
    pub window: usize,
    /// Which side to look at: `before`, `after` or `both` (default).
    #[serde(default = "default_side")]
    pub side: String,
    /// A position: a regex that must match the text just before the match, ending
    /// where it starts (within `window` bytes; any letter case), as `of ` before
    /// `Zapotec origin` or `speaks (?:only )?` before a language.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub before: Option<String>,
    /// A regex that must match the text just after the match, starting where it
    /// ends (within `window` bytes; any letter case), as ` origin` or `-speaking`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub after: Option<String>,
}

fn default_window() -> usize {
    40
}

fn default_side() -> String {
    "both".to_string()
}

/// A detection stage that makes findings by code rather than by a rule's own
/// regex or word list.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Stage {
    /// The document-level entity pass: names, organisations and places found from
    /// capitalised runs, word lists and cues (`src/entities`).
    Entity,
}

impl Stage {
    /// The stage's name as written in pattern files.
    pub fn as_str(self) -> &'static str {
        match self {
            Stage::Entity => "entity",
        }
    }
}

/// Where a rule is in its life.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Status {
    /// In use and kept compatible.
    #[default]
    Stable,
    /// New; its id or behaviour may still change.
    Preview,
    /// Kept for old policies; will be removed.
    Deprecated,
}

impl Status {
    fn is_stable(&self) -> bool {
        *self == Status::Stable
    }
}

/// Checks a match must pass to count.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Validator {
    /// A real calendar date (named groups `m`, `d`, `y`, or a month name in `mon`).
    Date,
    /// US SSN area/group/serial rules (no 000, 666, 9xx area; no 00 group; no 0000 serial).
    Ssn,
    /// The Luhn checksum (card numbers, NPI with prefix).
    Luhn,
    /// A North American phone number: 10 digits (after an optional 1 or 001), the
    /// area code not starting with 0 or 1.
    Phone,
    /// Any phone number, national or international: 7 to 15 digits (before an
    /// extension), for values a label or a `+` country code marks as phones.
    PhoneAny,
    /// An IPv4 address with every octet at most 255.
    Ipv4,
    /// An age between 0 and 125.
    Age,
    /// An identifier: at least four letters or digits, at least one digit.
    Id,
}

/// Strings that prove a rule: each `match` string must produce a finding covering
/// the text between `«` and `»` (or the whole string when there are no markers);
/// each `no_match` string must produce no finding.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Examples {
    /// Strings the rule must match.
    #[serde(default, rename = "match")]
    pub must_match: Vec<String>,
    /// Strings the rule must not match.
    #[serde(default)]
    pub no_match: Vec<String>,
}

impl RuleSpec {
    /// Checks the rule is well formed; the message says what to fix.
    pub fn check(&self) -> Result<(), String> {
        if self.id.trim().is_empty() {
            return Err("`id` is empty".into());
        }
        if let Some(class) = self.hipaa.filter(|c| !(1..=18).contains(c)) {
            return Err(format!(
                "`hipaa = {class}`: a Safe Harbor class is a number from 1 to 18"
            ));
        }
        let sources = self.regex.is_some() as u8
            + (!self.words.is_empty()) as u8
            + self.words_file.is_some() as u8;
        if self.stage.is_some() {
            if sources != 0 || self.context.is_some() || self.validator.is_some() {
                return Err(
                    "a rule with a `stage` is made by that stage: give no `regex`, `words`, `words_file`, `context` or `validator`"
                        .into(),
                );
            }
        } else if sources != 1 {
            return Err("give exactly one of `regex`, `words` or `words_file`".into());
        }
        for file in self.words_file.iter().flat_map(WordFiles::paths) {
            let path = std::path::Path::new(file);
            if path.is_absolute()
                || path.components().any(|c| {
                    matches!(
                        c,
                        std::path::Component::ParentDir | std::path::Component::Prefix(_)
                    )
                })
            {
                return Err(format!(
                    "`words_file = \"{file}\"` must be a path inside the pattern folder"
                ));
            }
        }
        if self.examples.must_match.is_empty() {
            return Err(
                "no `examples.match`: every rule must carry at least one string it matches".into(),
            );
        }
        match self.action.as_deref() {
            None | Some("placeholder") | Some("neutralize") => {}
            Some(other) => {
                return Err(format!(
                    "unknown action `{other}`; expected `placeholder` or `neutralize`"
                ))
            }
        }
        if let Some(ctx) = &self.context {
            if !matches!(ctx.side.as_str(), "before" | "after" | "both") {
                return Err(format!(
                    "context side `{}` must be `before`, `after` or `both`",
                    ctx.side
                ));
            }
            for (name, source) in [("before", &ctx.before), ("after", &ctx.after)] {
                if let Some(source) = source {
                    regex::Regex::new(source)
                        .map_err(|e| format!("context `{name}` is no valid regex: {e}"))?;
                }
            }
        }
        Ok(())
    }

    /// Where the rule is, for error messages: "line 12: rule `date.mdy`".
    pub fn location(&self) -> String {
        if self.line > 0 {
            format!("line {}: rule `{}`", self.line, self.id)
        } else {
            format!("rule `{}`", self.id)
        }
    }

    /// Whether matching ignores case.
    pub fn ignores_case(&self) -> bool {
        self.case_insensitive.unwrap_or(self.regex.is_none())
    }

    /// Whether the rule has an engine of its own (a regex or a word list) that the
    /// matcher compiles; rules made by a [`Stage`] have none.
    pub fn is_compiled(&self) -> bool {
        self.stage.is_none()
    }

    /// Whether the rule is a regex rule (as opposed to a word list).
    pub fn is_regex(&self) -> bool {
        self.regex.is_some()
    }

    /// Which engine makes this rule's findings: its stage (`entity`), else `regex`
    /// or `words` (what `patterns list` shows).
    pub fn engine(&self) -> &'static str {
        match self.stage {
            Some(stage) => stage.as_str(),
            None if self.is_regex() => "regex",
            None => "words",
        }
    }
}
