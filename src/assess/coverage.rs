//! The HIPAA Safe Harbor checklist (45 CFR 164.514(b)(2)): for each of the 18
//! identifier classes, how many were found and removed, how many are still in the
//! output, and which classes casescrub cannot detect in principle, so a privacy
//! officer sees what still needs a person.

use crate::kind::Kind;
use crate::patterns::HipaaClasses;
use crate::redact::Change;
use crate::resolve::Finding;
use serde::{Deserialize, Serialize};
use std::sync::OnceLock;

/// How well casescrub can detect a class.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Detection {
    /// Found by patterns (misses remain possible; see the eval figures).
    Automatic,
    /// Found only when labelled or in a known format.
    Partial,
    /// Not in text at all (images, biometrics): only mentions are counted.
    None,
}

/// One of the 18 classes.
#[derive(Debug, Clone, Serialize)]
pub struct ClassCount {
    /// 1 to 18, as numbered in the rule (A to R).
    pub id: u8,
    /// The class.
    pub class: &'static str,
    /// How casescrub detects it.
    pub detection: Detection,
    /// Findings of the class in the input (removed + remaining).
    pub found: usize,
    /// Findings replaced in the output.
    pub removed: usize,
    /// Findings still in the output (kept by the policy, or not removable by it).
    pub remaining: usize,
    /// What a reviewer must check by hand.
    #[serde(skip_serializing_if = "str::is_empty")]
    pub note: &'static str,
}

/// What every count of the checklist is of, said on the page and in the report.
pub const BASIS: &str = "counts are of what casescrub detected: an identifier it did not \
    detect is counted nowhere, so 0 remaining does not mean none remain; check the residue \
    list (capitalised words left that are not in the safe vocabulary)";

/// The checklist for one file or a whole run.
#[derive(Debug, Clone, Serialize)]
pub struct Coverage {
    /// The standard the checklist follows.
    pub standard: &'static str,
    /// What the counts are of: the detector's own findings, so an identifier it
    /// missed is counted nowhere (see `residue`).
    pub basis: &'static str,
    /// Capitalised words left in the output that are not in the safe vocabulary:
    /// look at these (a missed name is here, not in the counts).
    pub residue: Vec<super::residue::ResidueWord>,
    /// Classes with something remaining or needing a person (ids).
    pub needs_review: Vec<u8>,
    /// The 18 classes, in order.
    pub classes: Vec<ClassCount>,
}

/// One class of `safe-harbor.toml`: its name, how it is detected, and which
/// findings are in it.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Class {
    name: String,
    detection: Detection,
    #[serde(default)]
    note: String,
    /// Kinds of finding in the class unless a label or the rule says otherwise.
    #[serde(default)]
    kinds: Vec<Kind>,
    /// Kinds of finding a label in `labels` moves into the class.
    #[serde(default)]
    label_kinds: Vec<Kind>,
    /// Words of a label just before a finding (lower case) that name the class.
    #[serde(default)]
    labels: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Table {
    class: Vec<Class>,
}

/// The 18 classes, in order, read once from `safe-harbor.toml`.
fn classes() -> &'static [Class] {
    static CLASSES: OnceLock<Vec<Class>> = OnceLock::new();
    CLASSES.get_or_init(|| {
        let table: Table =
            toml::from_str(include_str!("safe-harbor.toml")).expect("safe-harbor.toml parses");
        assert_eq!(
            table.class.len(),
            18,
            "safe-harbor.toml holds the 18 classes"
        );
        table.class
    })
}

/// The class (1-18) of a finding of `kind`. `declared` is the `hipaa` class its
/// rule names, if any; `label` the text just before it ("Fax:", "MRN"), with the
/// rule id in front when the library does not declare it (a roster's
/// `case.mrn`). The first class in order that the declaration or a label word
/// names wins, then the class of the kind; `None` for kinds outside the 18 (sex,
/// ethnicity, occupation, states, ...). Ages are not looked at here: only ages
/// over 89 count, which the caller checks.
pub fn class_of(kind: Kind, declared: Option<u8>, label: &str) -> Option<u8> {
    let label = label.to_ascii_lowercase();
    let id = |i: usize| i as u8 + 1;
    let table = classes();
    table
        .iter()
        .enumerate()
        .find(|(i, c)| {
            declared == Some(id(*i))
                || (c.label_kinds.contains(&kind) && c.labels.iter().any(|w| label.contains(w)))
        })
        .or_else(|| {
            table
                .iter()
                .enumerate()
                .find(|(_, c)| c.kinds.contains(&kind))
        })
        .map(|(i, _)| id(i))
}

/// The class of one finding: `rule` made it, `before` is the text just before it.
fn class_of_finding(
    rules: &HipaaClasses,
    kind: Kind,
    rule: &str,
    before: &str,
    age_over_89: bool,
) -> Option<u8> {
    if kind == Kind::Age && !age_over_89 {
        return None;
    }
    match rules.get(rule) {
        Some(declared) => class_of(kind, *declared, before),
        None => class_of(kind, None, &format!("{rule} {before}")),
    }
}

/// The 30 bytes before `start` (on a character boundary).
fn before(text: &str, start: usize) -> &str {
    let mut from = start.saturating_sub(30);
    while !text.is_char_boundary(from) {
        from += 1;
    }
    &text[from..start]
}

/// Whether an age finding is over 89 (its digits).
fn age_over_89(text: &str) -> bool {
    let digits: String = text.chars().filter(char::is_ascii_digit).collect();
    digits.parse::<u32>().is_ok_and(|n| n >= 90)
}

/// Whether a date left in the output is a year alone that Safe Harbor permits (at
/// most 89 years back): what `year-only` writes, not an identifier left over.
fn permitted_year(text: &str) -> bool {
    let digits = text.trim();
    let year = match crate::normalize::parse_date(text) {
        Some(d) if d.month.is_none() && d.day.is_none() => d.year,
        None if digits.len() == 4 && digits.bytes().all(|b| b.is_ascii_digit()) => {
            digits.parse().ok()
        }
        _ => None,
    };
    year.is_some_and(|y: i32| crate::policy::rewrite::current_year() - y <= 89)
}

/// Counts mentions of images and biometrics (which cannot be in text themselves).
fn mentions(text: &str) -> (usize, usize) {
    let lower = text.to_ascii_lowercase();
    let count = |words: &[&str]| -> usize {
        words
            .iter()
            .map(|w| {
                lower
                    .match_indices(w)
                    .filter(|(i, _)| crate::detect::is_word_edge(&lower, *i, *i + w.len()))
                    .count()
            })
            .sum()
    };
    (
        count(&[
            "fingerprint",
            "fingerprints",
            "voiceprint",
            "retina scan",
            "iris scan",
            "biometric",
            "biometrics",
        ]),
        count(&[
            "photo",
            "photos",
            "photograph",
            "photographs",
            "picture",
            "pictures",
            "image attached",
            "images attached",
        ]),
    )
}

impl Coverage {
    /// The checklist for one file: `changes` applied to `input`, and `remaining`,
    /// the findings of a scan of `output`; `rules` holds the class each rule of the
    /// library declares ([`crate::Scrubber::hipaa_classes`]).
    pub fn for_file(
        input: &str,
        changes: &[Change],
        output: &str,
        remaining: &[Finding],
        rules: &HipaaClasses,
    ) -> Coverage {
        let mut cov = Coverage::empty();
        for c in changes {
            let over_89 = age_over_89(&c.original);
            let before = before(input, c.start);
            if let Some(id) = class_of_finding(rules, c.kind, &c.rule, before, over_89) {
                cov.classes[id as usize - 1].removed += 1;
            }
        }
        for f in remaining {
            let text = f.text(output);
            if f.kind == Kind::Date && permitted_year(text) {
                continue;
            }
            let over_89 = age_over_89(text);
            let before = before(output, f.start);
            if let Some(id) = class_of_finding(rules, f.kind, &f.rule, before, over_89) {
                cov.classes[id as usize - 1].remaining += 1;
            }
        }
        cov.residue = super::residue::residue(output);
        let (bio, photo) = mentions(input);
        cov.classes[15].remaining += bio;
        cov.classes[16].remaining += photo;
        cov.finish();
        cov
    }

    /// A checklist with every count zero.
    pub fn empty() -> Coverage {
        Coverage {
            standard: "HIPAA Safe Harbor, 45 CFR 164.514(b)(2)(i)",
            basis: BASIS,
            residue: Vec::new(),
            needs_review: Vec::new(),
            classes: classes()
                .iter()
                .enumerate()
                .map(|(i, c)| ClassCount {
                    id: i as u8 + 1,
                    class: &c.name,
                    detection: c.detection,
                    found: 0,
                    removed: 0,
                    remaining: 0,
                    note: &c.note,
                })
                .collect(),
        }
    }

    /// Adds another file's counts (for the run total).
    pub fn add(&mut self, other: &Coverage) {
        for (a, b) in self.classes.iter_mut().zip(&other.classes) {
            a.removed += b.removed;
            a.remaining += b.remaining;
        }
        super::residue::merge(&mut self.residue, &other.residue);
        self.finish();
    }

    /// Recomputes `found` and `needs_review`: a class with anything remaining, and
    /// the classes casescrub cannot detect at all.
    fn finish(&mut self) {
        for c in &mut self.classes {
            c.found = c.removed + c.remaining;
        }
        self.needs_review = self
            .classes
            .iter()
            .filter(|c| c.remaining > 0 || c.detection == Detection::None)
            .map(|c| c.id)
            .collect();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classes_from_kind_declaration_and_label() {
        // The kind's class; a label word moves a finding; the rule's own class.
        assert_eq!(class_of(Kind::Phone, None, "Fax: "), Some(5));
        assert_eq!(class_of(Kind::Phone, None, "Tel: "), Some(4));
        assert_eq!(class_of(Kind::Id, None, "MRN: "), Some(8));
        assert_eq!(class_of(Kind::Id, None, "Member ID "), Some(9));
        assert_eq!(class_of(Kind::Id, None, "Claim "), Some(18));
        assert_eq!(class_of(Kind::Id, Some(10), "Claim "), Some(10));
        // An earlier class named by the label wins over the declaration, a later one not.
        assert_eq!(class_of(Kind::Id, Some(10), "MRN "), Some(8));
        assert_eq!(class_of(Kind::Id, Some(10), "License "), Some(10));
        // A label word counts only for the kinds it may move.
        assert_eq!(class_of(Kind::Date, None, "Fax sent "), Some(3));
        assert_eq!(class_of(Kind::Person, None, "Member "), Some(1));
        assert_eq!(class_of(Kind::Gender, None, ""), None);
        assert_eq!(class_of(Kind::Age, None, ""), Some(3));
    }

    #[test]
    fn the_rules_of_the_library_name_their_class() {
        let scrubber = crate::Scrubber::with_default_patterns().unwrap();
        let rules = scrubber.hipaa_classes();
        let of = |kind, rule: &str, before: &str| class_of_finding(rules, kind, rule, before, true);
        // Card numbers are account numbers by their rule, without a label.
        assert_eq!(of(Kind::Id, "id.card-number", ""), Some(10));
        assert_eq!(of(Kind::Id, "id.labelled", "MRN: "), Some(8));
        // A roster's identifier is read by its label (the id the roster made).
        assert_eq!(of(Kind::Id, "case.mrn", ""), Some(8));
        assert_eq!(of(Kind::Id, "case.claim-number", "Claim "), Some(18));
        assert_eq!(
            class_of_finding(rules, Kind::Age, "age.yo", "", false),
            None
        );
        assert_eq!(of(Kind::Age, "age.year-old", ""), Some(3));
    }

    #[test]
    fn a_recent_year_left_alone_is_not_a_remaining_date() {
        // What the safe-harbor profile writes for "born March 7, 1961": the year.
        let scrubber = crate::Scrubber::with_default_patterns().unwrap();
        let output = "Born 1961; father born 1920; seen June 2002.";
        let remaining = scrubber.detect(output);
        assert_eq!(
            remaining.iter().filter(|f| f.kind == Kind::Date).count(),
            3,
            "{remaining:?}"
        );
        let cov = Coverage::for_file(output, &[], output, &remaining, scrubber.hipaa_classes());
        // 1920 is more than 89 years back, and a month with its year is a date
        // element: both still count; 1961 alone does not.
        assert_eq!(cov.classes[2].remaining, 2, "{:?}", cov.classes[2]);
        assert!(cov.needs_review.contains(&3));
    }
}
