//! The label lexicon: every spelling of every field label of the pattern
//! library, normalized once into one hash map. The matcher compiles it with the
//! rest of the library; the layout stage looks cells up in it.

use crate::kind::Kind;
use crate::patterns::LabelSpec;
use crate::word_hash::WordHasher;
use std::cell::RefCell;
use std::collections::{HashMap, HashSet};
use std::hash::BuildHasherDefault;
use std::sync::Arc;

/// How a value under a label is bounded (the layout stage's `values` module reads it).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shape {
    /// The default bound of the label's kind.
    Default,
    /// A name-shaped run of words.
    Name,
    /// A name-shaped run with no vocabulary word in it (`RE:` lines, which also
    /// hold titles such as "Independent Medical Review").
    StrictName,
    /// A measurement (`BP`, `SpO2`, `Pain`): the number after the label is
    /// kept whatever rule would take it (`128/76` is no date, no ID).
    Measurement,
    /// One letter, with or without a period (`Mid.: k`, `MIDDLE INITIAL: Y`),
    /// which no name-shaped run keeps; a longer value is a name-shaped run.
    Initial,
    /// An apartment, suite or ward unit: a value with a digit (`4B`, `3 West`)
    /// or one short token (`B`); words alone (`Unit: Emergency Response`, a
    /// department) are no place.
    Unit,
}

/// One compiled label.
#[derive(Debug, Clone)]
pub struct Label {
    /// The label rule's id (`label.dob`).
    pub id: Arc<str>,
    /// What a value under it is ([`Kind::Allow`]: kept).
    pub kind: Kind,
    /// Index of its rule in [`crate::Matcher::rules`].
    pub rule: usize,
    /// How its values are bounded.
    pub shape: Shape,
}

/// Index of a label in a [`Lexicon`].
pub type LabelId = u32;

/// Longest label looked up, in words.
pub const MAX_WORDS: usize = 6;
/// Longest label looked up, in bytes.
pub const MAX_BYTES: usize = 48;

/// Every label spelling, normalized, mapped to its label.
#[derive(Debug, Clone, Default)]
pub struct Lexicon {
    /// Hashed with [`WordHasher`], not SipHash: the keys are the library's own
    /// spellings, and every cell of every line is looked up.
    map: HashMap<String, LabelId, BuildHasherDefault<WordHasher>>,
    /// The first word of every key: a text whose first word is none of these (nor
    /// one of these plus `s`) is no label, so its lookup stops after that word.
    first_words: HashSet<String, BuildHasherDefault<WordHasher>>,
    labels: Vec<Label>,
}

/// Trailing words that only say "number": "Claim #", "Case No.", "Phone number".
const NUMBER_WORDS: &[&str] = &["#", "no", "nos", "number", "num", "nbr", "numbers"];

/// What a label's value is called: "Employer name" is the employer.
const NAME_WORDS: &[&str] = &["name", "names", "full name", "legal name"];

impl Lexicon {
    /// Compiles `labels`; each comes with the index of its rule in the matcher.
    pub fn new<'a>(labels: impl IntoIterator<Item = (&'a LabelSpec, usize)>) -> Self {
        let mut lex = Lexicon::default();
        let mut key = String::new();
        for (spec, rule) in labels {
            let id = lex.labels.len() as LabelId;
            lex.labels.push(Label {
                id: Arc::from(spec.id.as_str()),
                kind: spec.kind,
                rule,
                shape: match spec.shape.as_deref() {
                    Some("name") => Shape::Name,
                    Some("strict-name") => Shape::StrictName,
                    Some("measurement") => Shape::Measurement,
                    Some("initial") => Shape::Initial,
                    Some("unit") => Shape::Unit,
                    _ => Shape::Default,
                },
            });
            for spelling in &spec.spellings {
                if normalize(spelling, &mut key) {
                    lex.map.entry(key.clone()).or_insert(id);
                }
            }
        }
        lex.first_words = lex
            .map
            .keys()
            .map(|k| k.split(' ').next().unwrap_or(k).to_string())
            .collect();
        lex
    }

    /// Whether there is no label.
    pub fn is_empty(&self) -> bool {
        self.labels.is_empty()
    }

    /// The label of an id.
    pub fn label(&self, id: LabelId) -> &Label {
        &self.labels[id as usize]
    }

    /// Every label, in id order.
    pub fn labels(&self) -> &[Label] {
        &self.labels
    }

    /// The label `raw` is a spelling of: as written; without a trailing "#" or
    /// "No."; or a person or place word before a label ("Patient DOB", "Mother's
    /// name", "Employer Phone"), which is that label ("name" keeps the first word's).
    pub fn lookup(&self, raw: &str) -> Option<LabelId> {
        if self.map.is_empty() {
            return None;
        }
        thread_local! {
            // One buffer per thread for the lookup form: a lookup allocates nothing.
            static KEY: RefCell<String> = const { RefCell::new(String::new()) };
        }
        KEY.with(|key| {
            let mut key = key.borrow_mut();
            // Every way `lookup_normalized` can succeed starts with a key's first
            // word ("date of birth", "claim #" less "#", "patient" of "patient
            // dob") or that word plus `s` ("patients name").
            let opens_a_key = |first: &str| {
                self.first_words.contains(first)
                    || first
                        .strip_suffix('s')
                        .is_some_and(|f| self.first_words.contains(f))
            };
            if !normalize_checked(raw, &mut key, opens_a_key) {
                return None;
            }
            self.lookup_normalized(&key, true)
        })
    }

    fn lookup_normalized(&self, key: &str, compose: bool) -> Option<LabelId> {
        if let Some(&id) = self.map.get(key) {
            return Some(id);
        }
        if let Some((head, last)) = key.rsplit_once(' ') {
            if NUMBER_WORDS.contains(&last) {
                if let Some(&id) = self.map.get(head) {
                    return Some(id);
                }
            }
        }
        if !compose {
            return None;
        }
        let (first, rest) = key.split_once(' ')?;
        let head = self
            .map
            .get(first)
            .or_else(|| first.strip_suffix('s').and_then(|f| self.map.get(f)))
            .copied()?;
        if NAME_WORDS.contains(&rest) {
            return Some(head);
        }
        self.lookup_normalized(rest, false)
    }
}

/// Writes the lookup form of a label into `out`: lower case, periods and
/// apostrophes dropped, `#` a word of its own, spaces collapsed, a trailing colon
/// dropped. `false` when the label is too long to be one.
pub fn normalize(raw: &str, out: &mut String) -> bool {
    normalize_checked(raw, out, |_| true)
}

/// [`normalize`], giving up (`false`) as soon as the first word is written and
/// `first_ok` rejects it.
fn normalize_checked(raw: &str, out: &mut String, first_ok: impl Fn(&str) -> bool) -> bool {
    out.clear();
    let raw = raw.trim().trim_end_matches([':', ' ']);
    if raw.len() > MAX_BYTES * 2 {
        return false;
    }
    let mut words = 0;
    let mut space = true;
    for c in raw.chars() {
        match c {
            '.' | '\'' | '’' | '*' => {}
            '#' => {
                if !space {
                    if words == 1 && !first_ok(out) {
                        return false;
                    }
                    out.push(' ');
                }
                out.push('#');
                words += 1;
                space = false;
            }
            c if c.is_whitespace() || c == '_' => {
                if !space {
                    if words == 1 && !first_ok(out) {
                        return false;
                    }
                    out.push(' ');
                    space = true;
                }
            }
            c => {
                if space {
                    words += 1;
                }
                if c.is_ascii() {
                    out.push(c.to_ascii_lowercase());
                } else {
                    out.extend(c.to_lowercase());
                }
                space = false;
            }
        }
        // Past either bound (one trailing space aside) it is no label: stop early.
        if words > MAX_WORDS || out.len() > MAX_BYTES + 1 {
            return false;
        }
    }
    while out.ends_with(' ') {
        out.pop();
    }
    !out.is_empty() && words <= MAX_WORDS && out.len() <= MAX_BYTES
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::patterns::Examples;

    fn spec(id: &str, kind: Kind, spellings: &[&str]) -> LabelSpec {
        LabelSpec {
            id: id.into(),
            kind,
            description: String::new(),
            spellings: spellings.iter().map(|s| s.to_string()).collect(),
            shape: None,
            priority: 56,
            examples: Examples::default(),
            source: String::new(),
        }
    }

    fn lexicon() -> Lexicon {
        let specs = [
            spec("label.person", Kind::Person, &["Name", "Patient", "Mother"]),
            spec("label.dob", Kind::Date, &["DOB", "Date of birth"]),
            spec("label.id", Kind::Id, &["Claim", "ID"]),
            spec("label.org", Kind::Org, &["Employer"]),
            spec("label.phone", Kind::Phone, &["Phone"]),
        ];
        Lexicon::new(specs.iter().zip(0..))
    }

    #[test]
    fn normalizing_drops_case_periods_and_colons() {
        let mut out = String::new();
        assert!(normalize("D.O.B.:", &mut out));
        assert_eq!(out, "dob");
        assert!(normalize("  Claim#  ", &mut out));
        assert_eq!(out, "claim #");
        assert!(normalize("Mother's   Name", &mut out));
        assert_eq!(out, "mothers name");
        assert!(!normalize("one two three four five six seven", &mut out));
    }

    #[test]
    fn lookups_compose() {
        let lex = lexicon();
        let id = |s: &str| lex.lookup(s).map(|i| lex.label(i).id.to_string());
        assert_eq!(id("D.O.B.").as_deref(), Some("label.dob"));
        assert_eq!(id("DATE OF BIRTH").as_deref(), Some("label.dob"));
        assert_eq!(id("Claim #").as_deref(), Some("label.id"));
        assert_eq!(id("Claim No.").as_deref(), Some("label.id"));
        assert_eq!(id("Patient DOB").as_deref(), Some("label.dob"));
        assert_eq!(id("Mother's Name").as_deref(), Some("label.person"));
        assert_eq!(id("Employer Name").as_deref(), Some("label.org"));
        assert_eq!(id("Employer Phone").as_deref(), Some("label.phone"));
        assert_eq!(id("Patient ID").as_deref(), Some("label.id"));
        assert_eq!(id("Diagnosis"), None);
        assert_eq!(id("the patient's name was given"), None);
        assert_eq!(id("Patient Mother Name"), None);
        // The first-word check lets through a plural head and a glued "#".
        assert_eq!(id("Patients Name").as_deref(), Some("label.person"));
        assert_eq!(id("Claim#").as_deref(), Some("label.id"));
        assert_eq!(id("Diagnosis code: ICD"), None);
    }
}
