//! Stable placeholder numbering: the same value gets the same placeholder
//! everywhere in a run, numbered by first appearance per kind.

use crate::kind::Kind;
use crate::normalize::value_key;
use std::collections::HashMap;

/// The default placeholder template.
pub const DEFAULT_TEMPLATE: &str = "[{kind}-{n}]";

/// Numbering state shared by every document of one run.
#[derive(Debug, Clone)]
pub struct Numbering {
    template: String,
    /// Per kind, value key → number (nested so a lookup needs no owned key).
    numbers: HashMap<Kind, HashMap<String, usize>>,
    next: HashMap<Kind, usize>,
}

impl Default for Numbering {
    fn default() -> Self {
        Self::new(DEFAULT_TEMPLATE)
    }
}

impl Numbering {
    /// Numbering with a template: `{kind}` becomes the kind name, `{n}` the number.
    pub fn new(template: &str) -> Self {
        Numbering {
            template: template.to_string(),
            numbers: HashMap::new(),
            next: HashMap::new(),
        }
    }

    /// The placeholder for `text` of `kind`, allocating the next number on first sight.
    pub fn placeholder(&mut self, kind: Kind, text: &str) -> String {
        let n = self.number(kind, &value_key(kind, &crate::fold::fold_str(text)));
        self.render(kind, n)
    }

    fn render(&self, kind: Kind, n: usize) -> String {
        if self.template == DEFAULT_TEMPLATE {
            // `format!("[{kind}-{n}]")` written by hand: it runs for every finding
            // of every document, twice (settling redacts too).
            let kind = kind.as_str();
            let mut digits = [0u8; 20];
            let mut at = digits.len();
            let mut rest = n;
            loop {
                at -= 1;
                digits[at] = b'0' + (rest % 10) as u8;
                rest /= 10;
                if rest == 0 {
                    break;
                }
            }
            let digits = std::str::from_utf8(&digits[at..]).unwrap_or_default();
            let mut out = String::with_capacity(kind.len() + digits.len() + 3);
            out.push('[');
            out.push_str(kind);
            out.push('-');
            out.push_str(digits);
            out.push(']');
            return out;
        }
        self.template
            .replace("{kind}", kind.as_str())
            .replace("{n}", &n.to_string())
    }

    /// The placeholder for an already-normalized value key (a person's mentions
    /// share the key of their full name).
    pub fn placeholder_for_key(&mut self, kind: Kind, key: &str) -> String {
        let n = self.number(kind, key);
        self.render(kind, n)
    }

    /// The number for an already-normalized value key.
    pub fn number(&mut self, kind: Kind, key: &str) -> usize {
        if let Some(&n) = self.numbers.get(&kind).and_then(|m| m.get(key)) {
            return n;
        }
        let next = self.next.entry(kind).or_insert(0);
        *next += 1;
        self.numbers
            .entry(kind)
            .or_default()
            .insert(key.to_string(), *next);
        *next
    }

    /// Gives `key` of `kind` the number `n` (a vault restoring an earlier run);
    /// later values are numbered after the highest number seen.
    pub fn assign(&mut self, kind: Kind, key: &str, n: usize) {
        self.numbers
            .entry(kind)
            .or_default()
            .insert(key.to_string(), n);
        let next = self.next.entry(kind).or_insert(0);
        *next = (*next).max(n);
    }

    /// Every numbered value: kind, normalized value, number.
    pub fn entries(&self) -> impl Iterator<Item = (Kind, &str, usize)> {
        self.numbers
            .iter()
            .flat_map(|(k, m)| m.iter().map(move |(v, n)| (*k, v.as_str(), *n)))
    }
}

/// Checks a user template: it must contain `{n}` so distinct values stay distinct.
pub fn check_template(template: &str) -> Result<(), String> {
    if template.contains("{n}") {
        Ok(())
    } else {
        Err(format!(
            "placeholder template `{template}` has no `{{n}}`: distinct values would be merged"
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_count_per_kind_and_repeat_per_value() {
        let mut n = Numbering::default();
        assert_eq!(n.placeholder(Kind::Date, "6/18/02"), "[DATE-1]");
        assert_eq!(n.placeholder(Kind::Person, "Lopez"), "[PERSON-1]");
        assert_eq!(n.placeholder(Kind::Date, "7/1/03"), "[DATE-2]");
        // Every spelling of one date is one value.
        assert_eq!(n.placeholder(Kind::Date, "June 18, 2002"), "[DATE-1]");
        assert_eq!(n.placeholder(Kind::Person, "LOPEZ"), "[PERSON-1]");
    }

    #[test]
    fn default_placeholders_are_written_as_the_template_says() {
        let n = Numbering::default();
        for number in [0, 1, 9, 10, 99, 100, 12345, usize::MAX] {
            for kind in [Kind::Date, Kind::Person, Kind::Location] {
                assert_eq!(
                    n.render(kind, number),
                    format!("[{}-{number}]", kind.as_str())
                );
            }
        }
    }

    #[test]
    fn templates_and_assigned_numbers() {
        let mut n = Numbering::new("<{kind}:{n}>");
        n.assign(Kind::Person, "ruiz", 7);
        assert_eq!(n.placeholder_for_key(Kind::Person, "ruiz"), "<PERSON:7>");
        assert_eq!(n.placeholder_for_key(Kind::Person, "lopez"), "<PERSON:8>");
        assert!(check_template("[{kind}-{n}]").is_ok());
        assert!(check_template("[{kind}]").is_err());
    }

    #[test]
    fn a_number_once_given_stays_and_entries_list_every_value() {
        let mut n = Numbering::default();
        assert_eq!(n.number(Kind::Person, "lopez"), 1);
        assert_eq!(n.number(Kind::Person, "ruiz"), 2);
        assert_eq!(n.number(Kind::Person, "lopez"), 1);
        assert_eq!(n.number(Kind::Date, "2002-06-18"), 1);
        let mut entries: Vec<_> = n.entries().collect();
        entries.sort();
        let mut expected = vec![
            (Kind::Person, "lopez", 1),
            (Kind::Person, "ruiz", 2),
            (Kind::Date, "2002-06-18", 1),
        ];
        expected.sort();
        assert_eq!(entries, expected);
    }

    #[test]
    fn a_template_needs_the_number() {
        assert!(check_template("{kind}#{n}").is_ok());
        // The number alone keeps values apart; without it they would merge.
        assert!(check_template("[REDACTED-{n}]").is_ok());
        assert!(check_template("[{kind}]").is_err());
        assert!(check_template("").is_err());
    }

    #[test]
    fn spellings_of_one_value_share_a_number_and_kinds_count_apart() {
        let mut n = Numbering::default();
        let first = n.placeholder(Kind::Person, "Maria Lopez");
        assert_eq!(first, "[PERSON-1]");
        // Folded look-alikes (a no-break space) are the same value.
        assert_eq!(n.placeholder(Kind::Person, "Maria\u{a0}Lopez"), first);
        assert_eq!(n.placeholder(Kind::Person, "Ana Ruiz"), "[PERSON-2]");
        // The same text under another kind starts that kind's own count.
        assert_eq!(n.placeholder(Kind::Org, "Maria Lopez"), "[ORG-1]");
        assert_eq!(n.entries().count(), 3);
    }

    #[test]
    fn the_hand_written_default_matches_the_template_rendering() {
        let mut fast = Numbering::default();
        let mut slow = Numbering::new("[{kind}-{n}] ");
        for i in 0..1_005 {
            let key = format!("value {i}");
            let a = fast.placeholder_for_key(Kind::Id, &key);
            let b = slow.placeholder_for_key(Kind::Id, &key);
            assert_eq!(format!("{a} "), b);
        }
        assert_eq!(
            fast.placeholder_for_key(Kind::Id, "value 1004"),
            "[ID-1005]"
        );
        // Numbers assigned by a vault are kept; new values go after the highest.
        let mut n = Numbering::default();
        n.assign(Kind::Date, "2002-06-18", 7);
        assert_eq!(n.placeholder_for_key(Kind::Date, "2002-06-18"), "[DATE-7]");
        assert_eq!(n.placeholder_for_key(Kind::Date, "2003-01-01"), "[DATE-8]");
    }
}
