//! Re-identification risk after redaction: the quasi-identifiers left in a
//! document and simple, documented rules that flag combinations rare enough to
//! single a person out. Not a statistical model: each flag names the rule and the
//! combination that triggered it.
//!
//! Quasi-identifier classes (what a scan of the redacted text still finds):
//! `exact-age` (an age as a number, not a band), `age-over-89`, `sex` (gendered
//! words, and a title such as "Mrs." kept before a placeholder),
//! `state`, `small-geography` (city, county, street, ZIP, even `941XX`),
//! `occupation`, `ethnicity` (and nationality), `other-demographic` (religion,
//! marital status, language), `full-date` (day, month and year), `rare-diagnosis`
//! (a term of the `--rare` list).
//!
//! Rules (a document is flagged when any holds):
//! - `age-over-89`: an age of 90 or more is left.
//! - `rare-diagnosis`: a rare diagnosis with any of exact-age, sex, state or
//!   small-geography.
//! - `small-geography`: small-geography with two or more of exact-age, sex,
//!   occupation, ethnicity, full-date.
//! - `age-sex-occupation-state`: exact-age, sex, occupation and state together.
//! - `full-date`: a full date with exact-age or small-geography.
//! - `many-quasi-identifiers`: five or more classes left.

use crate::kind::Kind;
use crate::resolve::Finding;
use regex::Regex;
use serde::Serialize;
use std::collections::BTreeMap;
use std::sync::OnceLock;

/// Classes of quasi-identifier, in report order.
pub const CLASSES: [&str; 10] = [
    "exact-age",
    "age-over-89",
    "sex",
    "state",
    "small-geography",
    "occupation",
    "ethnicity",
    "other-demographic",
    "full-date",
    "rare-diagnosis",
];

/// One class left in a document.
#[derive(Debug, Clone, Serialize)]
pub struct Left {
    /// The class.
    pub class: &'static str,
    /// How many mentions.
    pub count: usize,
    /// The distinct values (identifying: the report is sensitive).
    pub values: Vec<String>,
}

/// A rule that fired and the classes that made it fire.
#[derive(Debug, Clone, Serialize)]
pub struct Trigger {
    /// The rule's name (see the module documentation and the README).
    pub rule: &'static str,
    /// The quasi-identifier classes that triggered it.
    pub combination: Vec<&'static str>,
}

/// The risk section of one file.
#[derive(Debug, Clone, Serialize)]
pub struct Risk {
    /// Whether any rule fired.
    pub flagged: bool,
    /// Quasi-identifiers left, by class.
    pub quasi_identifiers: Vec<Left>,
    /// The rules that fired.
    pub triggers: Vec<Trigger>,
}

/// The risk section of a run: the flagged files.
#[derive(Debug, Clone, Serialize)]
pub struct RunRisk {
    /// How many files were assessed.
    pub files: usize,
    /// The flagged files and their triggers.
    pub flagged: Vec<FlaggedFile>,
}

/// A flagged file.
#[derive(Debug, Clone, Serialize)]
pub struct FlaggedFile {
    /// The input path.
    pub input: String,
    /// What triggered the flag.
    pub triggers: Vec<Trigger>,
}

/// A list of rare diagnoses (one term a line; `#` comments), matched as whole
/// words in any case.
#[derive(Debug, Clone, Default)]
pub struct RareList {
    terms: Vec<String>,
}

impl RareList {
    /// Parses the list text.
    pub fn parse(text: &str) -> RareList {
        RareList {
            terms: text
                .lines()
                .map(|l| l.split('#').next().unwrap_or("").trim().to_lowercase())
                .filter(|l| !l.is_empty())
                .collect(),
        }
    }

    fn find(&self, text: &str) -> Vec<String> {
        let lower = text.to_lowercase();
        let mut out = Vec::new();
        for t in &self.terms {
            let hit = lower
                .match_indices(t.as_str())
                .any(|(i, _)| crate::detect::is_word_edge(&lower, i, i + t.len()));
            if hit {
                out.push(t.clone());
            }
        }
        out
    }
}

/// The class of a finding left in the output, if it is a quasi-identifier.
fn class_of(kind: Kind, text: &str) -> Option<&'static str> {
    Some(match kind {
        Kind::Age => {
            let nums: Vec<u32> = text
                .split(|c: char| !c.is_ascii_digit())
                .filter_map(|s| s.parse().ok())
                .collect();
            match nums.as_slice() {
                [n] if *n >= 90 => "age-over-89",
                [_] if !text.contains("or older") => "exact-age",
                _ => return None,
            }
        }
        Kind::Gender => "sex",
        Kind::State => "state",
        Kind::Location | Kind::Zip => "small-geography",
        Kind::Occupation => "occupation",
        Kind::Ethnicity | Kind::Nationality => "ethnicity",
        Kind::Religion | Kind::Marital | Kind::Language => "other-demographic",
        Kind::Date => {
            let d = crate::normalize::parse_date(text)?;
            if d.year.is_some() && d.month.is_some() && d.day.is_some() {
                "full-date"
            } else {
                return None;
            }
        }
        _ => return None,
    })
}

/// Gendered titles kept before a placeholder ("Mrs. [APPLICANT]"): the detector
/// reads a title only before a name, but the title alone still tells the sex.
fn titles_before_placeholders(output: &str) -> Vec<&str> {
    static TITLE: OnceLock<Regex> = OnceLock::new();
    let re = TITLE.get_or_init(|| {
        Regex::new(r"\b(?P<t>(?:Mr|Mrs|Ms|Miss|MR|MRS|MS|MISS)\.?)[ \t]*\[")
            .expect("title regex is valid")
    });
    re.captures_iter(output)
        .filter_map(|c| c.name("t"))
        .map(|m| m.as_str())
        .collect()
}

impl Risk {
    /// Assesses a redacted `output` from `remaining`, the findings of a scan of it,
    /// and the rare-diagnosis list.
    pub fn assess(output: &str, remaining: &[Finding], rare: &RareList) -> Risk {
        let mut left: BTreeMap<&'static str, (usize, Vec<String>)> = BTreeMap::new();
        for f in remaining {
            let text = f.text(output);
            // Placeholders written by casescrub are not identifiers.
            if text.starts_with('[') {
                continue;
            }
            if let Some(class) = class_of(f.kind, text) {
                let e = left.entry(class).or_default();
                e.0 += 1;
                let v = text.to_string();
                if !e.1.contains(&v) {
                    e.1.push(v);
                }
            }
        }
        for title in titles_before_placeholders(output) {
            let e = left.entry("sex").or_default();
            e.0 += 1;
            if !e.1.iter().any(|v| v == title) {
                e.1.push(title.to_string());
            }
        }
        let terms = rare.find(output);
        if !terms.is_empty() {
            left.insert("rare-diagnosis", (terms.len(), terms));
        }
        let has = |c: &str| left.contains_key(c);
        let present = |cs: &[&'static str]| -> Vec<&'static str> {
            cs.iter().copied().filter(|c| has(c)).collect()
        };
        let mut triggers = Vec::new();
        if has("age-over-89") {
            triggers.push(Trigger {
                rule: "age-over-89",
                combination: vec!["age-over-89"],
            });
        }
        if has("rare-diagnosis") {
            let with = present(&["exact-age", "sex", "state", "small-geography"]);
            if !with.is_empty() {
                triggers.push(Trigger {
                    rule: "rare-diagnosis",
                    combination: [vec!["rare-diagnosis"], with].concat(),
                });
            }
        }
        if has("small-geography") {
            let with = present(&["exact-age", "sex", "occupation", "ethnicity", "full-date"]);
            if with.len() >= 2 {
                triggers.push(Trigger {
                    rule: "small-geography",
                    combination: [vec!["small-geography"], with].concat(),
                });
            }
        }
        let aso = ["exact-age", "sex", "occupation", "state"];
        if aso.iter().all(|c| has(c)) {
            triggers.push(Trigger {
                rule: "age-sex-occupation-state",
                combination: aso.to_vec(),
            });
        }
        if has("full-date") {
            let with = present(&["exact-age", "small-geography"]);
            if !with.is_empty() {
                triggers.push(Trigger {
                    rule: "full-date",
                    combination: [vec!["full-date"], with].concat(),
                });
            }
        }
        if left.len() >= 5 {
            triggers.push(Trigger {
                rule: "many-quasi-identifiers",
                combination: CLASSES.iter().copied().filter(|c| has(c)).collect(),
            });
        }
        Risk {
            flagged: !triggers.is_empty(),
            quasi_identifiers: CLASSES
                .iter()
                .filter_map(|c| {
                    left.get(c).map(|(count, values)| Left {
                        class: c,
                        count: *count,
                        values: values.clone(),
                    })
                })
                .collect(),
            triggers,
        }
    }
}

impl RunRisk {
    /// The run section from each file's risk.
    pub fn new<'a>(files: impl IntoIterator<Item = (&'a str, &'a Risk)>) -> RunRisk {
        let mut n = 0;
        let mut flagged = Vec::new();
        for (input, risk) in files {
            n += 1;
            if risk.flagged {
                flagged.push(FlaggedFile {
                    input: input.to_string(),
                    triggers: risk.triggers.clone(),
                });
            }
        }
        RunRisk { files: n, flagged }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn risk(text: &str, rare: &str) -> Risk {
        let scrubber = crate::Scrubber::with_default_patterns().unwrap();
        let found = scrubber.detect(text);
        Risk::assess(text, &found, &RareList::parse(rare))
    }

    #[test]
    fn flags_rare_combinations_and_names_them() {
        let r = risk(
            "A 54-year-old female roofer from Fresno County was seen.",
            "",
        );
        assert!(r.flagged, "{r:?}");
        let t = r
            .triggers
            .iter()
            .find(|t| t.rule == "small-geography")
            .unwrap();
        assert!(t.combination.contains(&"exact-age"), "{t:?}");
        assert!(t.combination.contains(&"sex"), "{t:?}");

        let r = risk(
            "The patient has Erdheim-Chester disease; she is improving.",
            "erdheim-chester disease\n",
        );
        assert_eq!(r.triggers[0].rule, "rare-diagnosis", "{r:?}");
        assert_eq!(r.triggers[0].combination, vec!["rare-diagnosis", "sex"]);

        let r = risk("A 93-year-old patient.", "");
        assert_eq!(r.triggers[0].rule, "age-over-89");

        // A title kept before a placeholder still tells the sex.
        let r = risk(
            "Dear Mrs. [APPLICANT]: Ms. [PERSON-2] and Mx. [PERSON-3] called.",
            "",
        );
        assert_eq!(r.quasi_identifiers[0].class, "sex", "{r:?}");
        assert_eq!(r.quasi_identifiers[0].count, 2);
        assert_eq!(r.quasi_identifiers[0].values, vec!["Mrs.", "Ms."]);

        let r = risk("The [PERSON-1] was seen on [DATE-1]; pain 5/10.", "");
        assert!(!r.flagged, "{r:?}");
        assert!(r.quasi_identifiers.is_empty());
    }
}
