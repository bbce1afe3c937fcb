//! The policy file format (TOML): which action rewrites each kind (or rule) and
//! which words are never or always redacted. Unknown fields are errors, so a typo
//! in a policy never silently weakens it.

use crate::kind::Kind;
use serde::de::{self, Deserializer, MapAccess, Visitor};
use serde::Deserialize;
use std::collections::BTreeMap;
use std::fmt;

/// How one finding is rewritten.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Action {
    /// `[KIND-n]`, numbered by first appearance (the default).
    Placeholder,
    /// Keep the last four digits, every other letter or digit becomes `X`.
    Last4,
    /// Initials of a name: `Maria J. Lopez` → `M.J.L.`.
    Initials,
    /// A same-length block of one character, or a fixed string (`with`).
    Mask,
    /// Delete the text (and one adjacent space).
    Remove,
    /// Leave the text as it is.
    Keep,
    /// Dates: the year only (`6/18/02` → `2002`).
    YearOnly,
    /// Dates: moved by one offset per document, case or subject, format kept.
    Shift,
    /// Ages to bands (`54` → `50-54`, over 89 → `90 or older`); dates to the year;
    /// ZIP codes to their first three digits.
    Generalize,
    /// Gendered words to neutral ones (`she` → `they`, `female` → `person`).
    Neutralize,
    /// Keyed token, `[PERSON-7F3A2C0B]`: HMAC-SHA-256 of the value under `--key-file`.
    Pseudonym,
    /// A realistic fake value of the same kind, the same for every occurrence.
    Surrogate,
    /// Dates: the distance from the case's anchor date (`[DOI+1522d]`).
    Relative,
}

impl Action {
    /// Every action, in documentation order.
    pub const ALL: [Action; 13] = [
        Action::Placeholder,
        Action::Last4,
        Action::Initials,
        Action::Mask,
        Action::Remove,
        Action::Keep,
        Action::YearOnly,
        Action::Shift,
        Action::Generalize,
        Action::Neutralize,
        Action::Pseudonym,
        Action::Surrogate,
        Action::Relative,
    ];

    /// The name used in policy files.
    pub fn as_str(self) -> &'static str {
        match self {
            Action::Placeholder => "placeholder",
            Action::Last4 => "last4",
            Action::Initials => "initials",
            Action::Mask => "mask",
            Action::Remove => "remove",
            Action::Keep => "keep",
            Action::YearOnly => "year-only",
            Action::Shift => "shift",
            Action::Generalize => "generalize",
            Action::Neutralize => "neutralize",
            Action::Pseudonym => "pseudonym",
            Action::Surrogate => "surrogate",
            Action::Relative => "relative",
        }
    }

    fn parse(name: &str) -> Option<Action> {
        Action::ALL.into_iter().find(|a| a.as_str() == name)
    }
}

impl fmt::Display for Action {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// An action and its options. In TOML either a bare name (`"last4"`) or a table
/// (`{ action = "mask", char = "#" }`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rewrite {
    /// What to do.
    pub action: Action,
    /// `mask`: the character repeated over the value (default `█`).
    pub mask_char: Option<char>,
    /// `mask`: a fixed string written instead of the value.
    pub with: Option<String>,
    /// `generalize`: width of an age band in years (default 5; 1 keeps ages up to 89).
    pub band: Option<u32>,
    /// `neutralize`: whether sex words (female, man) become neutral too (default true);
    /// when false they get a placeholder.
    pub sex_words: Option<bool>,
    /// `shift`/`surrogate` of dates: largest offset in days (default 365).
    pub max_days: Option<u32>,
    /// `pseudonym`: hex digits of the token (default 8, 6 to 64).
    pub length: Option<usize>,
    /// `year-only`/`generalize` of dates: a year more than this many years before
    /// the current one gets a placeholder (Safe Harbor: years that reveal an age
    /// over 89).
    pub max_years_ago: Option<u32>,
    /// `relative`: how a distance is written (`days`, the default, or `ymd`).
    pub unit: Option<super::relative::Unit>,
}

impl Rewrite {
    /// A rewrite with no options.
    pub fn new(action: Action) -> Self {
        Rewrite {
            action,
            mask_char: None,
            with: None,
            band: None,
            sex_words: None,
            max_days: None,
            length: None,
            max_years_ago: None,
            unit: None,
        }
    }

    /// Checks that every option belongs to the action and is in range.
    pub fn check(&self) -> Result<(), String> {
        let a = self.action;
        let only = |set: bool, option: &str, allowed: &[Action]| -> Result<(), String> {
            if set && !allowed.contains(&a) {
                let names: Vec<&str> = allowed.iter().map(|x| x.as_str()).collect();
                return Err(format!(
                    "option `{option}` applies to {} only, not `{a}`",
                    names.join("/")
                ));
            }
            Ok(())
        };
        only(self.mask_char.is_some(), "char", &[Action::Mask])?;
        only(self.with.is_some(), "with", &[Action::Mask])?;
        only(self.band.is_some(), "band", &[Action::Generalize])?;
        only(self.sex_words.is_some(), "sex_words", &[Action::Neutralize])?;
        only(
            self.max_days.is_some(),
            "max_days",
            &[Action::Shift, Action::Surrogate],
        )?;
        only(self.length.is_some(), "length", &[Action::Pseudonym])?;
        only(
            self.max_years_ago.is_some(),
            "max_years_ago",
            &[Action::YearOnly, Action::Generalize],
        )?;
        only(self.unit.is_some(), "unit", &[Action::Relative])?;
        if self.mask_char.is_some() && self.with.is_some() {
            return Err("`char` and `with` cannot both be set".into());
        }
        if let Some(b) = self.band {
            if !(1..=50).contains(&b) {
                return Err(format!("`band = {b}` must be between 1 and 50"));
            }
        }
        if let Some(d) = self.max_days {
            if !(1..=3650).contains(&d) {
                return Err(format!("`max_days = {d}` must be between 1 and 3650"));
            }
        }
        if let Some(n) = self.length {
            if !(6..=64).contains(&n) {
                return Err(format!("`length = {n}` must be between 6 and 64"));
            }
        }
        Ok(())
    }
}

impl<'de> Deserialize<'de> for Rewrite {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct RewriteVisitor;

        /// The table form.
        #[derive(Deserialize)]
        #[serde(deny_unknown_fields)]
        struct Table {
            action: Action,
            #[serde(rename = "char")]
            mask_char: Option<char>,
            with: Option<String>,
            band: Option<u32>,
            sex_words: Option<bool>,
            max_days: Option<u32>,
            length: Option<usize>,
            max_years_ago: Option<u32>,
            unit: Option<super::relative::Unit>,
        }

        impl<'de> Visitor<'de> for RewriteVisitor {
            type Value = Rewrite;

            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("an action name or a table with `action = \"...\"`")
            }

            fn visit_str<E: de::Error>(self, v: &str) -> Result<Rewrite, E> {
                Action::parse(v).map(Rewrite::new).ok_or_else(|| {
                    let names: Vec<&str> = Action::ALL.iter().map(|a| a.as_str()).collect();
                    E::custom(format!(
                        "unknown action `{v}`, expected one of {}",
                        names.join(", ")
                    ))
                })
            }

            fn visit_map<M: MapAccess<'de>>(self, map: M) -> Result<Rewrite, M::Error> {
                let t = Table::deserialize(de::value::MapAccessDeserializer::new(map))?;
                let r = Rewrite {
                    action: t.action,
                    mask_char: t.mask_char,
                    with: t.with,
                    band: t.band,
                    sex_words: t.sex_words,
                    max_days: t.max_days,
                    length: t.length,
                    max_years_ago: t.max_years_ago,
                    unit: t.unit,
                };
                r.check().map_err(<M::Error as de::Error>::custom)?;
                Ok(r)
            }
        }

        deserializer.deserialize_any(RewriteVisitor)
    }
}

fn default_rewrite() -> Rewrite {
    Rewrite::new(Action::Placeholder)
}

/// Words and regexes that are never redacted.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AllowList {
    /// Whole words or phrases, compared case-insensitively.
    #[serde(default)]
    pub words: Vec<String>,
    /// Regular expressions (Rust `regex` syntax).
    #[serde(default)]
    pub regex: Vec<String>,
}

/// Words and regexes that are always redacted, as findings of `kind`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DenyList {
    /// The kind the matches are reported as (and rewritten by).
    pub kind: Kind,
    /// Whole words or phrases, compared case-insensitively.
    #[serde(default)]
    pub words: Vec<String>,
    /// Regular expressions (Rust `regex` syntax).
    #[serde(default)]
    pub regex: Vec<String>,
}

/// A policy file.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Policy {
    /// Short name shown in reports.
    #[serde(default)]
    pub name: Option<String>,
    /// What the policy is for.
    #[serde(default)]
    pub description: Option<String>,
    /// The action for kinds not listed in `kinds` (default `placeholder`).
    #[serde(default = "default_rewrite")]
    pub default: Rewrite,
    /// Action per kind.
    #[serde(default)]
    pub kinds: BTreeMap<Kind, Rewrite>,
    /// Action per rule id; wins over `kinds`.
    #[serde(default)]
    pub rules: BTreeMap<String, Rewrite>,
    /// Never redacted.
    #[serde(default)]
    pub allow: AllowList,
    /// Always redacted.
    #[serde(default)]
    pub deny: Vec<DenyList>,
}

impl Policy {
    /// Parses a policy from TOML text; errors say what is wrong and where.
    pub fn from_toml(text: &str) -> Result<Policy, String> {
        let policy: Policy = toml::from_str(text).map_err(|e| e.to_string())?;
        policy.check()?;
        Ok(policy)
    }

    fn check(&self) -> Result<(), String> {
        self.default.check().map_err(|e| format!("default: {e}"))?;
        for (kind, rw) in &self.kinds {
            if *kind == Kind::Allow {
                return Err("kinds: ALLOW is not a kind of identifier".into());
            }
            rw.check().map_err(|e| format!("kinds.{kind}: {e}"))?;
        }
        for (rule, rw) in &self.rules {
            rw.check().map_err(|e| format!("rules.\"{rule}\": {e}"))?;
        }
        for (i, d) in self.deny.iter().enumerate() {
            if d.kind == Kind::Allow {
                return Err(format!("deny[{i}]: kind ALLOW cannot be redacted"));
            }
        }
        Ok(())
    }

    /// The rewrite for a finding of `kind` found by rule `rule`.
    pub fn rewrite_for(&self, kind: Kind, rule: &str) -> &Rewrite {
        self.rules
            .get(rule)
            .or_else(|| self.kinds.get(&kind))
            .unwrap_or(&self.default)
    }

    /// Every rewrite the policy can apply.
    pub fn rewrites(&self) -> impl Iterator<Item = &Rewrite> {
        std::iter::once(&self.default)
            .chain(self.kinds.values())
            .chain(self.rules.values())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_names_and_tables() {
        let p = Policy::from_toml(
            r##"
            default = "placeholder"
            [kinds]
            DATE = "shift"
            AGE = { action = "generalize", band = 10 }
            ID = { action = "mask", char = "#" }
            [rules]
            "ssn.dashed" = "last4"
            [allow]
            words = ["MTUS"]
            [[deny]]
            kind = "PERSON"
            words = ["Jane Roe"]
            "##,
        )
        .unwrap();
        assert_eq!(p.rewrite_for(Kind::Date, "date.iso").action, Action::Shift);
        assert_eq!(p.rewrite_for(Kind::Age, "x").band, Some(10));
        assert_eq!(p.rewrite_for(Kind::Ssn, "ssn.dashed").action, Action::Last4);
        assert_eq!(
            p.rewrite_for(Kind::Ssn, "ssn.labelled").action,
            Action::Placeholder
        );
        assert_eq!(p.deny[0].kind, Kind::Person);
    }

    #[test]
    fn rejects_unknown_fields_actions_and_misplaced_options() {
        assert!(Policy::from_toml("defualt = \"keep\"")
            .unwrap_err()
            .contains("defualt"));
        assert!(Policy::from_toml("[kinds]\nDATE = \"blur\"")
            .unwrap_err()
            .contains("unknown action `blur`"));
        assert!(Policy::from_toml("[kinds]\nFOO = \"keep\"")
            .unwrap_err()
            .contains("FOO"));
        assert!(
            Policy::from_toml("[kinds]\nAGE = { action = \"keep\", band = 5 }")
                .unwrap_err()
                .contains("`band` applies to generalize only")
        );
        assert!(
            Policy::from_toml("[kinds]\nAGE = { action = \"generalize\", bnad = 5 }")
                .unwrap_err()
                .contains("bnad")
        );
        assert!(
            Policy::from_toml("[kinds]\nPERSON = { action = \"pseudonym\", length = 2 }")
                .unwrap_err()
                .contains("between 6 and 64")
        );
    }
}
