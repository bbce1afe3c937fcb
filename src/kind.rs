//! The kinds of identifying detail casescrub knows about.

use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;

/// What a finding is. Kinds are upper case in pattern files, placeholders and reports.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum Kind {
    /// Calendar dates in any format.
    Date,
    /// Ages of people.
    Age,
    /// US states, DC and territories.
    State,
    /// Cities, counties, streets, countries and other places.
    Location,
    /// ZIP and ZIP+4 codes.
    Zip,
    /// Sex and gender words, gendered pronouns and titles.
    Gender,
    /// Ethnicity and race.
    Ethnicity,
    /// Nationality and citizenship.
    Nationality,
    /// Occupations and job titles.
    Occupation,
    /// Person names.
    Person,
    /// Organisations: employers, insurers, clinics, schools.
    Org,
    /// Telephone and fax numbers.
    Phone,
    /// E-mail addresses.
    Email,
    /// Web addresses.
    Url,
    /// IPv4 and IPv6 addresses.
    Ip,
    /// US Social Security numbers.
    Ssn,
    /// Claim, case, record, member, policy, account and licence numbers.
    Id,
    /// Religion and religious affiliation.
    Religion,
    /// Marital status.
    Marital,
    /// Spoken language of a person.
    Language,
    /// Not an identifier: text that must never be redacted (allow-list rules).
    Allow,
}

impl Kind {
    /// Every kind, in report order.
    pub const ALL: [Kind; 21] = [
        Kind::Date,
        Kind::Age,
        Kind::State,
        Kind::Location,
        Kind::Zip,
        Kind::Gender,
        Kind::Ethnicity,
        Kind::Nationality,
        Kind::Occupation,
        Kind::Person,
        Kind::Org,
        Kind::Phone,
        Kind::Email,
        Kind::Url,
        Kind::Ip,
        Kind::Ssn,
        Kind::Id,
        Kind::Religion,
        Kind::Marital,
        Kind::Language,
        Kind::Allow,
    ];

    /// The upper-case name used in pattern files, placeholders and reports.
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Date => "DATE",
            Kind::Age => "AGE",
            Kind::State => "STATE",
            Kind::Location => "LOCATION",
            Kind::Zip => "ZIP",
            Kind::Gender => "GENDER",
            Kind::Ethnicity => "ETHNICITY",
            Kind::Nationality => "NATIONALITY",
            Kind::Occupation => "OCCUPATION",
            Kind::Person => "PERSON",
            Kind::Org => "ORG",
            Kind::Phone => "PHONE",
            Kind::Email => "EMAIL",
            Kind::Url => "URL",
            Kind::Ip => "IP",
            Kind::Ssn => "SSN",
            Kind::Id => "ID",
            Kind::Religion => "RELIGION",
            Kind::Marital => "MARITAL",
            Kind::Language => "LANGUAGE",
            Kind::Allow => "ALLOW",
        }
    }
}

impl fmt::Display for Kind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Kind {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let upper = s.trim().to_ascii_uppercase();
        Kind::ALL
            .iter()
            .copied()
            .find(|k| k.as_str() == upper)
            .ok_or_else(|| {
                let names: Vec<&str> = Kind::ALL.iter().map(|k| k.as_str()).collect();
                format!("unknown kind `{s}`; expected one of {}", names.join(", "))
            })
    }
}
