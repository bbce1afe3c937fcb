//! The shape of one label rule in a pattern file (`[[label]]` tables, see
//! `patterns/labels.toml`): the spellings of a field label and the kind of the
//! value that follows it.

use super::spec::Examples;
use crate::kind::Kind;
use serde::{Deserialize, Serialize};

/// One label rule: every spelling of a field label ("DOB", "D.O.B.", "Date of
/// birth") and the kind of the values written under it.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LabelSpec {
    /// Stable identifier, `label.name` (e.g. `label.dob`).
    pub id: String,
    /// What a value under the label is; `ALLOW` for labels whose values are kept
    /// (they still end the value before them and name table columns).
    pub kind: Kind,
    /// One sentence on what the label marks.
    pub description: String,
    /// The spellings, matched case-insensitively after normalizing (periods,
    /// apostrophes and repeated spaces dropped, `#` set apart).
    pub spellings: Vec<String>,
    /// How a value under the label is bounded: `name` (a name-shaped run),
    /// `strict-name` (a name-shaped run with no vocabulary word, for `RE:`),
    /// `measurement` (an `ALLOW` label whose value, a number such as `128/76`,
    /// no rule may redact), `initial` (one letter, a middle initial; else a
    /// name-shaped run), or the default for the kind.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub shape: Option<String>,
    /// Overlap priority of the findings this label makes (default 56).
    #[serde(default = "default_priority")]
    pub priority: i32,
    /// Strings the label must and must not turn into a finding; they run as tests.
    pub examples: Examples,
    /// The file the label came from (filled in by the loader).
    #[serde(skip)]
    pub source: String,
}

fn default_priority() -> i32 {
    56
}

impl LabelSpec {
    /// Checks the label is well formed; the message says what to fix.
    pub fn check(&self) -> Result<(), String> {
        if self.id.trim().is_empty() {
            return Err("`id` is empty".into());
        }
        if self.spellings.iter().all(|s| s.trim().is_empty()) {
            return Err("no `spellings`".into());
        }
        if self.examples.must_match.is_empty() {
            return Err(
                "no `examples.match`: every label must carry at least one string it matches".into(),
            );
        }
        match self.shape.as_deref() {
            None | Some("name") | Some("strict-name") | Some("initial") | Some("unit") => Ok(()),
            Some("measurement") if self.kind == Kind::Allow => Ok(()),
            Some("measurement") => {
                Err("shape `measurement` is for labels of kind `ALLOW` only".into())
            }
            Some(other) => Err(format!(
                "unknown shape `{other}`; expected `name`, `strict-name`, `initial`, `unit` or `measurement`"
            )),
        }
    }
}
