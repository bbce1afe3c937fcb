//! The case roster (`--case FILE`, TOML): the known parties of one case with their
//! roles, and its known numbers, addresses and dates. Unknown fields are errors.
//!
//! ```toml
//! [[party]]
//! name = "Maria J. Lopez"
//! role = "applicant"
//! aliases = ["Mary Lopez"]        # optional
//!
//! [[party]]
//! name = "Acme Roofing Inc."
//! role = "employer"               # employers default to kind ORG, others to PERSON
//!
//! [[number]]
//! value = "05-123456"
//! role = "claim-number"
//!
//! [[address]]
//! value = "1420 Elm Street, Fresno, CA 93721"
//!
//! [[date]]
//! value = "2002-06-18"
//! role = "date-of-injury"
//! ```

use crate::kind::Kind;
use crate::normalize::parse_date;
use serde::Deserialize;
use std::path::Path;

/// Why a roster could not be loaded.
#[derive(Debug, thiserror::Error)]
#[error("case roster {source_name}: {message}")]
pub struct RosterError {
    /// The file.
    pub source_name: String,
    /// What is wrong and where.
    pub message: String,
}

/// A roster file.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Roster {
    /// People and organisations.
    #[serde(default)]
    pub party: Vec<Party>,
    /// Claim, case and record numbers.
    #[serde(default)]
    pub number: Vec<Entry>,
    /// Street addresses.
    #[serde(default)]
    pub address: Vec<Entry>,
    /// Dates of the case (date of injury, date of birth).
    #[serde(default)]
    pub date: Vec<Entry>,
}

/// A person or organisation of the case.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Party {
    /// The full name as usually written ("Maria J. Lopez").
    pub name: String,
    /// What the party is to the case (`applicant`, `employer`, `treating-physician`,
    /// `attorney`, `judge`, `caseworker`, `household-member`, or any other word).
    pub role: String,
    /// `PERSON` (default; `ORG` for employers).
    #[serde(default)]
    pub kind: Option<Kind>,
    /// Other names the party goes by.
    #[serde(default)]
    pub aliases: Vec<String>,
}

impl Party {
    /// The kind of finding the party's names become.
    pub fn kind(&self) -> Kind {
        self.kind.unwrap_or(if self.role == "employer" {
            Kind::Org
        } else {
            Kind::Person
        })
    }
}

/// A number, address or date of the case.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Entry {
    /// As written in the documents (any one form).
    pub value: String,
    /// What it is (`claim-number`, `date-of-injury`, ...). Defaults: `number`,
    /// `address`, `date`.
    #[serde(default)]
    pub role: Option<String>,
}

impl Roster {
    /// Parses roster TOML; `source_name` names the file in errors.
    pub fn from_toml(source_name: &str, text: &str) -> Result<Roster, RosterError> {
        let err = |message: String| RosterError {
            source_name: source_name.to_string(),
            message,
        };
        let roster: Roster = toml::from_str(text).map_err(|e| err(e.to_string()))?;
        roster.check().map_err(err)?;
        Ok(roster)
    }

    /// Reads a roster file.
    pub fn from_file(path: &Path) -> Result<Roster, RosterError> {
        let text = std::fs::read_to_string(path).map_err(|e| RosterError {
            source_name: path.display().to_string(),
            message: e.to_string(),
        })?;
        Self::from_toml(&path.display().to_string(), &text)
    }

    fn check(&self) -> Result<(), String> {
        for (i, p) in self.party.iter().enumerate() {
            if p.name.split_whitespace().next().is_none() {
                return Err(format!("party[{i}]: empty name"));
            }
            check_role(&p.role).map_err(|e| format!("party[{i}] ({}): {e}", p.name))?;
            if matches!(p.kind, Some(k) if k != Kind::Person && k != Kind::Org) {
                return Err(format!(
                    "party[{i}] ({}): kind must be PERSON or ORG",
                    p.name
                ));
            }
        }
        for (what, entries) in [("number", &self.number), ("address", &self.address)] {
            for (i, e) in entries.iter().enumerate() {
                if !e.value.chars().any(char::is_alphanumeric) {
                    return Err(format!("{what}[{i}]: empty value"));
                }
                if let Some(r) = &e.role {
                    check_role(r).map_err(|m| format!("{what}[{i}]: {m}"))?;
                }
            }
        }
        for (i, e) in self.date.iter().enumerate() {
            let d = parse_date(&e.value);
            if !matches!(d, Some(d) if d.year.is_some() && d.month.is_some() && d.day.is_some()) {
                return Err(format!(
                    "date[{i}]: `{}` is not a full date (write it as 2002-06-18)",
                    e.value
                ));
            }
            if let Some(r) = &e.role {
                check_role(r).map_err(|m| format!("date[{i}]: {m}"))?;
            }
        }
        Ok(())
    }

    /// Whether the roster lists nothing.
    pub fn is_empty(&self) -> bool {
        self.party.is_empty()
            && self.number.is_empty()
            && self.address.is_empty()
            && self.date.is_empty()
    }
}

/// Roles are lower-case words joined by hyphens (`treating-physician`).
fn check_role(role: &str) -> Result<(), String> {
    let ok = !role.is_empty()
        && role.split('-').all(|w| {
            !w.is_empty()
                && w.chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit())
        });
    if ok {
        Ok(())
    } else {
        Err(format!(
            "role `{role}` must be lower-case words joined by hyphens (treating-physician)"
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_and_rejects_with_the_field() {
        let r = Roster::from_toml(
            "case.toml",
            "[[party]]\nname = \"Maria Lopez\"\nrole = \"applicant\"\n\
             [[party]]\nname = \"Acme Inc.\"\nrole = \"employer\"\n\
             [[date]]\nvalue = \"June 18, 2002\"\nrole = \"date-of-injury\"\n",
        )
        .unwrap();
        assert_eq!(r.party[1].kind(), Kind::Org);
        assert_eq!(r.party[0].kind(), Kind::Person);
        let e = Roster::from_toml("case.toml", "[[party]]\nnme = \"x\"\nrole = \"a\"").unwrap_err();
        assert!(e.to_string().starts_with("case roster case.toml:"), "{e}");
        assert!(e.to_string().contains("nme"), "{e}");
        let e = Roster::from_toml("c", "[[date]]\nvalue = \"June 2002\"").unwrap_err();
        assert!(e.to_string().contains("not a full date"), "{e}");
        let e = Roster::from_toml("c", "[[party]]\nname = \"A B\"\nrole = \"Treating MD\"")
            .unwrap_err();
        assert!(e.to_string().contains("lower-case"), "{e}");
    }
}
