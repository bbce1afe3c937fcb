//! The vault: a JSON file (mode 0600) that records, for a run or a whole case
//! folder, which placeholder stands for which value and exactly what every change
//! replaced. Reusing it keeps sequential placeholders (`[PERSON-1]`), the date
//! offset and surrogates the same across every file of a case; `casescrub restore`
//! uses it to put the originals back byte for byte.

use super::key::{hex, Key};
use crate::kind::Kind;
use crate::placeholder::Numbering;
use crate::redact::Redaction;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use std::path::Path;

/// Schema identifier of vault files.
pub const SCHEMA: &str = "casescrub.vault/1";

/// Warning stored in every vault.
pub const SENSITIVE_NOTE: &str = "This vault maps every placeholder back to the original identifying text. Store it like the unredacted files.";

/// One numbered value.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NumberEntry {
    /// The kind.
    pub kind: Kind,
    /// The normalized value (identifying).
    pub value: String,
    /// Its number in `[KIND-n]`.
    pub n: usize,
}

/// One change, located in the redacted output.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct VaultChange {
    /// Byte offset of the replacement in the redacted text.
    pub start: usize,
    /// Byte offset one past the replacement.
    pub end: usize,
    /// What was written.
    pub replacement: String,
    /// What it replaced (identifying).
    pub original: String,
}

/// One redacted document.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct VaultDocument {
    /// The input it came from.
    pub input: String,
    /// SHA-256 of the redacted text, to find the document again.
    pub output_sha256: String,
    /// Every change, in order.
    pub changes: Vec<VaultChange>,
}

/// The vault file.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Vault {
    /// Always [`SCHEMA`].
    pub schema: String,
    /// Says the file holds identifying text.
    pub sensitive: String,
    /// The case's date offset in days, when dates are shifted without a shift key.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub shift_days: Option<i64>,
    /// The case's surrogate seed (hex), when surrogates are drawn without a key file.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub surrogate_seed: Option<String>,
    /// Every numbered value.
    pub numbers: Vec<NumberEntry>,
    /// Every redacted document.
    pub documents: Vec<VaultDocument>,
}

/// Why a vault could not be used.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum VaultError {
    /// The file could not be read.
    #[error("vault {path}: {source}")]
    Io {
        /// The vault file.
        path: String,
        /// The I/O error.
        #[source]
        source: std::io::Error,
    },
    /// The file is not a vault.
    #[error("vault {path}: not a casescrub vault: {message}")]
    Invalid {
        /// The vault file.
        path: String,
        /// What is wrong.
        message: String,
    },
}

impl Default for Vault {
    fn default() -> Self {
        Vault {
            schema: SCHEMA.into(),
            sensitive: SENSITIVE_NOTE.into(),
            shift_days: None,
            surrogate_seed: None,
            numbers: Vec::new(),
            documents: Vec::new(),
        }
    }
}

/// SHA-256 of `text` in hex.
pub fn sha256_hex(text: &str) -> String {
    hex(&Sha256::digest(text.as_bytes()))
}

impl Vault {
    /// Loads `path`, or an empty vault when it does not exist yet.
    pub fn load_or_new(path: &Path) -> Result<Vault, VaultError> {
        match std::fs::read_to_string(path) {
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(Vault::default()),
            Err(source) => Err(VaultError::Io {
                path: path.display().to_string(),
                source,
            }),
            Ok(text) => Self::parse(path, &text),
        }
    }

    /// Loads an existing vault.
    pub fn load(path: &Path) -> Result<Vault, VaultError> {
        let text = std::fs::read_to_string(path).map_err(|source| VaultError::Io {
            path: path.display().to_string(),
            source,
        })?;
        Self::parse(path, &text)
    }

    fn parse(path: &Path, text: &str) -> Result<Vault, VaultError> {
        let invalid = |message: String| VaultError::Invalid {
            path: path.display().to_string(),
            message,
        };
        let vault: Vault = serde_json::from_str(text).map_err(|e| invalid(e.to_string()))?;
        if vault.schema != SCHEMA {
            return Err(invalid(format!(
                "schema `{}`, expected `{SCHEMA}`",
                vault.schema
            )));
        }
        Ok(vault)
    }

    /// The surrogate key kept in the vault, created on first use.
    pub fn surrogate_key(&mut self) -> Result<Key, super::key::KeyError> {
        if let Some(k) = self.surrogate_seed.as_deref().and_then(Key::from_hex) {
            return Ok(k);
        }
        let k = Key::generate()?;
        self.surrogate_seed = Some(k.to_hex());
        Ok(k)
    }

    /// Seeds `numbering` with every number in the vault.
    pub fn seed(&self, numbering: &mut Numbering) {
        for e in &self.numbers {
            numbering.assign(e.kind, &e.value, e.n);
        }
    }

    /// Records a redacted document and the numbering after it. A document with the
    /// same output recorded before is replaced.
    pub fn record(&mut self, input: &str, redaction: &Redaction, numbering: &Numbering) {
        let mut numbers: Vec<NumberEntry> = numbering
            .entries()
            .map(|(kind, value, n)| NumberEntry {
                kind,
                value: value.to_string(),
                n,
            })
            .collect();
        numbers.sort_by_key(|e| (e.kind, e.n));
        self.numbers = numbers;
        let mut delta: isize = 0;
        let changes = redaction
            .changes
            .iter()
            .map(|c| {
                let start = (c.start as isize + delta) as usize;
                delta += c.replacement.len() as isize - (c.end - c.start) as isize;
                VaultChange {
                    start,
                    end: start + c.replacement.len(),
                    replacement: c.replacement.clone(),
                    original: c.original.clone(),
                }
            })
            .collect();
        let doc = VaultDocument {
            input: input.to_string(),
            output_sha256: sha256_hex(&redaction.output),
            changes,
        };
        self.documents
            .retain(|d| d.output_sha256 != doc.output_sha256);
        self.documents.push(doc);
    }

    /// Pretty JSON text.
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).expect("vault serializes")
    }

    /// Puts the originals back into `redacted`.
    ///
    /// When the text is a document recorded in the vault (same SHA-256), every change
    /// is undone at its recorded place: the result is the input byte for byte. Otherwise
    /// (the redacted text was edited), each replacement that stands for exactly one
    /// original is replaced by value wherever it occurs; [`Restored::ambiguous`] counts
    /// the replacements that stand for several originals and were left alone.
    pub fn restore(&self, redacted: &str) -> Restored {
        let hash = sha256_hex(redacted);
        if let Some(doc) = self
            .documents
            .iter()
            .rev()
            .find(|d| d.output_sha256 == hash)
        {
            let mut out = String::with_capacity(redacted.len());
            let mut cursor = 0;
            for c in &doc.changes {
                out.push_str(&redacted[cursor..c.start]);
                out.push_str(&c.original);
                cursor = c.end;
            }
            out.push_str(&redacted[cursor..]);
            return Restored {
                text: out,
                exact: true,
                restored: doc.changes.len(),
                ambiguous: 0,
            };
        }
        // By value: only replacements that look like tokens and map to one original.
        let mut map: std::collections::BTreeMap<&str, std::collections::BTreeSet<&str>> =
            Default::default();
        for d in &self.documents {
            for c in &d.changes {
                if c.replacement.starts_with('[') && c.replacement.ends_with(']') {
                    map.entry(&c.replacement).or_default().insert(&c.original);
                }
            }
        }
        let mut tokens: Vec<(&str, &str)> = Vec::new();
        let mut ambiguous = 0;
        for (token, originals) in &map {
            if originals.len() == 1 {
                tokens.push((token, originals.iter().next().expect("one")));
            } else if redacted.contains(token) {
                ambiguous += 1;
            }
        }
        tokens.sort_by_key(|(t, _)| std::cmp::Reverse(t.len()));
        let mut out = String::with_capacity(redacted.len());
        let mut restored = 0;
        let mut rest = redacted;
        'scan: while !rest.is_empty() {
            if rest.starts_with('[') {
                for (token, original) in &tokens {
                    if let Some(after) = rest.strip_prefix(token) {
                        out.push_str(original);
                        restored += 1;
                        rest = after;
                        continue 'scan;
                    }
                }
            }
            let c = rest.chars().next().expect("non-empty");
            out.push(c);
            rest = &rest[c.len_utf8()..];
        }
        Restored {
            text: out,
            exact: false,
            restored,
            ambiguous,
        }
    }
}

/// The result of [`Vault::restore`].
#[derive(Debug, Clone)]
pub struct Restored {
    /// The restored text.
    pub text: String,
    /// Whether the text was a recorded document, restored byte for byte.
    pub exact: bool,
    /// How many replacements were undone.
    pub restored: usize,
    /// Tokens that stand for several originals and were left in place.
    pub ambiguous: usize,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Scrubber;

    #[test]
    fn round_trip_exact_and_by_value() {
        let scrubber = Scrubber::with_default_patterns().unwrap();
        let input = "Seen 6/18/02 and June 18, 2002; she called (805) 637-3326.";
        let mut numbering = Numbering::default();
        let red = scrubber.redact(input, &mut numbering);
        let mut vault = Vault::default();
        vault.record("a.txt", &red, &numbering);
        let back = vault.restore(&red.output);
        assert!(back.exact);
        assert_eq!(back.text, input);
        // Edited text: tokens with one original come back; [DATE-1] has two forms.
        let edited = format!("Note: {}", red.output);
        let by_value = vault.restore(&edited);
        assert!(!by_value.exact);
        assert!(by_value.text.contains("(805) 637-3326"));
        assert_eq!(by_value.ambiguous, 1);
        // The numbering survives a save and load.
        let json = vault.to_json();
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("v.json");
        std::fs::write(&path, json).unwrap();
        let loaded = Vault::load(&path).unwrap();
        let mut seeded = Numbering::default();
        loaded.seed(&mut seeded);
        assert_eq!(seeded.placeholder(Kind::Phone, "805-637-3326"), "[PHONE-1]");
        assert_eq!(seeded.placeholder(Kind::Phone, "805-111-2222"), "[PHONE-2]");
    }

    #[test]
    fn rejects_other_json() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("v.json");
        std::fs::write(&path, "{\"schema\":\"casescrub.report/1\"}").unwrap();
        let err = Vault::load(&path).unwrap_err().to_string();
        assert!(err.contains("not a casescrub vault"), "{err}");
    }
}
