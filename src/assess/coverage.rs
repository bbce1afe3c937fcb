//! The HIPAA Safe Harbor checklist (45 CFR 164.514(b)(2)): for each of the 18
//! identifier classes, how many were found and removed, how many are still in the
//! output, and which classes casescrub cannot detect in principle, so a privacy
//! officer sees what still needs a person.

use crate::kind::Kind;
use crate::redact::Change;
use crate::resolve::Finding;
use serde::Serialize;

/// How well casescrub can detect a class.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
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

const CLASSES: [(&str, Detection, &str); 18] = [
    ("Names", Detection::Automatic, "names of the person, relatives, employers and household members"),
    ("Geographic subdivisions smaller than a state", Detection::Automatic, "the three-digit ZIP exception is not applied: all ZIP digits go"),
    ("Dates (except year) and ages over 89", Detection::Automatic, ""),
    ("Telephone numbers", Detection::Automatic, ""),
    ("Fax numbers", Detection::Automatic, "a number is a fax number when \"fax\" is written just before it"),
    ("E-mail addresses", Detection::Automatic, ""),
    ("Social Security numbers", Detection::Automatic, ""),
    ("Medical record numbers", Detection::Partial, "found when labelled (MRN, medical record) or listed in the roster"),
    ("Health plan beneficiary numbers", Detection::Partial, "found when labelled (member, plan, policy, Medicare/Medicaid)"),
    ("Account numbers", Detection::Partial, "found when labelled (account, acct) or a valid card number"),
    ("Certificate/license numbers", Detection::Partial, "found when labelled (license, certificate, NPI, DEA)"),
    ("Vehicle identifiers and serial numbers, including license plates", Detection::Partial, "found when labelled (VIN, plate, vehicle)"),
    ("Device identifiers and serial numbers", Detection::Partial, "found when labelled (device, serial, implant)"),
    ("Web URLs", Detection::Automatic, ""),
    ("IP addresses", Detection::Automatic, ""),
    ("Biometric identifiers", Detection::None, "not in text: count is mentions (fingerprint, voiceprint, retina, biometric); check attachments"),
    ("Full-face photographs and comparable images", Detection::None, "not in text: count is mentions (photo, image, picture); check attachments"),
    ("Any other unique identifying number, characteristic or code", Detection::Partial, "claim, case and other labelled numbers; unlabelled codes need a person"),
];

/// The class (1-18) of a finding of `kind` found by `rule`, with `before` the
/// text just before it (labels such as "Fax:" or "MRN"); `None` for kinds outside
/// the 18 (sex, ethnicity, occupation, states, ...).
pub fn class_of(kind: Kind, rule: &str, before: &str) -> Option<u8> {
    let ctx = format!("{} {}", rule, before.to_ascii_lowercase());
    let has = |words: &[&str]| words.iter().any(|w| ctx.contains(w));
    Some(match kind {
        Kind::Person | Kind::Org => 1,
        Kind::Location | Kind::Zip => 2,
        Kind::Date => 3,
        Kind::Age => {
            // Only ages over 89 are among the 18.
            let n: Option<u32> = rule.rsplit(':').next().and_then(|s| s.parse().ok());
            match n {
                Some(n) if n < 90 => return None,
                _ => 3,
            }
        }
        Kind::Phone if has(&["fax"]) => 5,
        Kind::Phone => 4,
        Kind::Email => 6,
        Kind::Ssn => 7,
        Kind::Url => 14,
        Kind::Ip => 15,
        Kind::Id if has(&["mrn", "medical record", "record no", "record #", "chart"]) => 8,
        Kind::Id
            if has(&[
                "member",
                "beneficiary",
                "health plan",
                "medicaid",
                "medicare",
                "subscriber",
                "policy",
                "insurance",
                "group no",
            ]) =>
        {
            9
        }
        Kind::Id if has(&["account", "acct", "card", "financial", "iban", "routing"]) => 10,
        Kind::Id if has(&["licen", "certificate", "npi", "dea", "cert no"]) => 11,
        Kind::Id if has(&["vin", "vehicle", "plate"]) => 12,
        Kind::Id if has(&["device", "serial", "implant", "udi"]) => 13,
        Kind::Id => 18,
        _ => return None,
    })
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
    /// the findings of a scan of `output`.
    pub fn for_file(
        input: &str,
        changes: &[Change],
        output: &str,
        remaining: &[Finding],
    ) -> Coverage {
        let mut cov = Coverage::empty();
        for c in changes {
            let rule = if c.kind == Kind::Age && !age_over_89(&c.original) {
                "age:0"
            } else {
                &c.rule
            };
            if let Some(id) = class_of(c.kind, rule, before(input, c.start)) {
                cov.classes[id as usize - 1].removed += 1;
            }
        }
        for f in remaining {
            let text = f.text(output);
            if f.kind == Kind::Date && permitted_year(text) {
                continue;
            }
            let rule = if f.kind == Kind::Age && !age_over_89(text) {
                "age:0"
            } else {
                &f.rule
            };
            if let Some(id) = class_of(f.kind, rule, before(output, f.start)) {
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
            classes: CLASSES
                .iter()
                .enumerate()
                .map(|(i, (class, detection, note))| ClassCount {
                    id: i as u8 + 1,
                    class,
                    detection: *detection,
                    found: 0,
                    removed: 0,
                    remaining: 0,
                    note,
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
    fn classes_from_kind_rule_and_label() {
        assert_eq!(class_of(Kind::Phone, "phone.nanp", "Fax: "), Some(5));
        assert_eq!(class_of(Kind::Phone, "phone.nanp", "Tel: "), Some(4));
        assert_eq!(class_of(Kind::Id, "id.labelled", "MRN: "), Some(8));
        assert_eq!(class_of(Kind::Id, "case.mrn", ""), Some(8));
        assert_eq!(class_of(Kind::Id, "id.labelled", "Member ID "), Some(9));
        assert_eq!(class_of(Kind::Id, "case.claim-number", "Claim "), Some(18));
        assert_eq!(class_of(Kind::Gender, "gender.pronoun", ""), None);
        assert_eq!(class_of(Kind::Age, "age:0", ""), None);
        assert_eq!(class_of(Kind::Age, "age.year-old", ""), Some(3));
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
        let cov = Coverage::for_file(output, &[], output, &remaining);
        // 1920 is more than 89 years back, and a month with its year is a date
        // element: both still count; 1961 alone does not.
        assert_eq!(cov.classes[2].remaining, 2, "{:?}", cov.classes[2]);
        assert!(cov.needs_review.contains(&3));
    }
}
