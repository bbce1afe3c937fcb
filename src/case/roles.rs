//! Role placeholders (`--placeholders roles`): `[APPLICANT]`, `[TREATING-PHYSICIAN-2]`,
//! `[DATE-OF-INJURY]`, learned from the roster or, for names the roster does not
//! list, from the words just before the name ("Reviewer: Dr. Alan Weiss").
//!
//! Numbering: a role the roster gives to one entry is written without a number
//! (`[APPLICANT]`); a role it gives to several is numbered in roster order
//! (`[TREATING-PHYSICIAN-1]`, `-2`). A name learned from context is numbered after
//! the roster's entries of that role (`[REVIEWER-1]`, or `[TREATING-PHYSICIAN-3]`
//! after two listed ones), in order of first appearance across the run. A name
//! with no role keeps `[PERSON-n]`.

use crate::kind::Kind;
use crate::normalize::value_key;
use std::collections::HashMap;

/// Role cues: words just before a name, and the role they give it.
const CUES: &[(&str, &str)] = &[
    ("primary treating physician", "treating-physician"),
    ("treating physician", "treating-physician"),
    ("treating doctor", "treating-physician"),
    ("attending physician", "treating-physician"),
    ("ptp", "treating-physician"),
    ("physician reviewer", "reviewer"),
    ("peer reviewer", "reviewer"),
    ("reviewing physician", "reviewer"),
    ("reviewer", "reviewer"),
    ("qualified medical evaluator", "evaluator"),
    ("qme", "evaluator"),
    ("ame", "evaluator"),
    ("applicant", "applicant"),
    ("claimant", "applicant"),
    ("injured worker", "applicant"),
    ("employee", "applicant"),
    ("patient", "applicant"),
    ("provider", "treating-physician"),
    ("employer", "employer"),
    ("attorney", "attorney"),
    ("counsel", "attorney"),
    ("judge", "judge"),
    ("wcj", "judge"),
    ("alj", "judge"),
    ("caseworker", "caseworker"),
    ("case worker", "caseworker"),
    ("case manager", "caseworker"),
    ("social worker", "caseworker"),
    ("claims adjuster", "adjuster"),
    ("adjuster", "adjuster"),
    ("claims examiner", "adjuster"),
    ("household member", "household-member"),
    ("mother", "household-member"),
    ("father", "household-member"),
    ("spouse", "household-member"),
    ("wife", "household-member"),
    ("husband", "household-member"),
    ("daughter", "household-member"),
    ("son", "household-member"),
];

/// Words allowed between a cue and the name: "Reviewer: Dr. Alan Weiss".
const BETWEEN: &[&str] = &[
    "dr", "mr", "mrs", "ms", "mx", "hon", "the", "is", "was", "by", "name",
];

/// The placeholder label of a role: `treating-physician` → `TREATING-PHYSICIAN`.
pub fn label(role: &str, number: Option<usize>) -> String {
    match number {
        Some(n) => format!("{}-{n}", role.to_ascii_uppercase()),
        None => role.to_ascii_uppercase(),
    }
}

/// The role the words just before `start` give the name there (at most three short
/// words, such as "Dr.", in between).
pub fn role_from_context(text: &str, start: usize) -> Option<&'static str> {
    let mut from = start.saturating_sub(60);
    while !text.is_char_boundary(from) {
        from += 1;
    }
    let before = text[from..start].to_ascii_lowercase();
    let mut best: Option<(usize, &'static str)> = None;
    for (cue, role) in CUES {
        let mut search = 0;
        while let Some(i) = before[search..].find(cue) {
            let at = search + i;
            let end = at + cue.len();
            search = at + 1;
            let edge_before = before[..at]
                .chars()
                .next_back()
                .is_none_or(|c| !c.is_alphanumeric());
            let edge_after = before[end..]
                .chars()
                .next()
                .is_none_or(|c| !c.is_alphanumeric());
            if !(edge_before && edge_after) {
                continue;
            }
            let gap: Vec<&str> = before[end..]
                .split(|c: char| !c.is_alphanumeric())
                .filter(|w| !w.is_empty())
                .collect();
            if gap.len() <= 3 && gap.iter().all(|w| BETWEEN.contains(w)) {
                // The cue nearest the name wins; at one end, the longer cue.
                if best.is_none_or(|(e, _)| end > e) {
                    best = Some((end, role));
                }
            }
        }
    }
    best.map(|(_, role)| role)
}

/// Roles learned from context across a run, in order of first appearance.
#[derive(Debug, Default)]
pub struct Learned {
    labels: HashMap<String, String>,
    counts: HashMap<String, usize>,
}

impl Learned {
    /// Starts the count of each role after the roster's entries of that role.
    pub fn new(roster_counts: HashMap<String, usize>) -> Self {
        Learned {
            labels: HashMap::new(),
            counts: roster_counts,
        }
    }

    /// The label of a name: known already, or learned now from its context.
    pub fn label_for(&mut self, text: &str, start: usize, name: &str) -> Option<String> {
        let key = value_key(Kind::Person, name);
        if let Some(l) = self.labels.get(&key) {
            return Some(l.clone());
        }
        // "Weiss" after "Alan Weiss" was learned: the same person.
        let last = key.rsplit(' ').next().unwrap_or(&key).to_string();
        if let Some(l) = self.labels.get(&last) {
            return Some(l.clone());
        }
        let role = role_from_context(text, start)?;
        let n = self.counts.entry(role.to_string()).or_insert(0);
        *n += 1;
        let l = label(role, Some(*n));
        self.labels.insert(key.clone(), l.clone());
        if last != key {
            self.labels.entry(last).or_insert_with(|| l.clone());
        }
        Some(l)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cues_just_before_the_name() {
        let t = "Reviewer: Dr. Alan Weiss saw the file.";
        assert_eq!(
            role_from_context(t, t.find("Alan").unwrap()),
            Some("reviewer")
        );
        let t = "The primary treating physician Dr. Ray Cole";
        assert_eq!(
            role_from_context(t, t.find("Ray").unwrap()),
            Some("treating-physician")
        );
        let t = "The reviewer read the notes of Ray Cole";
        assert_eq!(role_from_context(t, t.find("Ray").unwrap()), None);
        let t = "Sonny Cole";
        assert_eq!(role_from_context(t, t.find("Cole").unwrap()), None);
    }

    #[test]
    fn learned_labels_are_stable_and_numbered_after_the_roster() {
        let mut l = Learned::new(HashMap::from([("treating-physician".to_string(), 1)]));
        let t = "Treating physician: Dr. Ray Cole. Cole wrote.";
        assert_eq!(
            l.label_for(t, t.find("Ray").unwrap(), "Ray Cole")
                .as_deref(),
            Some("TREATING-PHYSICIAN-2")
        );
        assert_eq!(
            l.label_for(t, t.rfind("Cole").unwrap(), "Cole").as_deref(),
            Some("TREATING-PHYSICIAN-2")
        );
        assert_eq!(l.label_for("Tom Hale", 0, "Tom Hale"), None);
    }
}
