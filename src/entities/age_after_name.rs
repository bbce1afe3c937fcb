//! Ages written right after a person's name, the way case files and news copy
//! give them: "Mr. Ivo Brandt, 52, was seen", "her children Sofia (4) and Mateo (7)".
//! The name is what makes the bare number an age, so this runs on the entity
//! pass's PERSON findings; the number alone is reported. A first name from the
//! Census list followed by an age in parentheses ("Sofia (4)") is a person too,
//! found or not.

use super::lists::lists;
use super::span::finding;
use super::tokens::Token;
use crate::kind::Kind;
use crate::resolve::Finding;

/// Rule id of the ages found here.
pub const RULE: &str = "age.after-name";

/// Rule id of a first name found by the age in parentheses after it.
pub const NAME_RULE: &str = "person.with-age";

/// Largest number taken for an age.
const OLDEST: u32 = 119;

/// The ages directly after the PERSON findings in `found` (sorted by start), and
/// after the free first names among `tokens` with the name itself.
pub fn ages(text: &str, found: &[Finding], tokens: &[Token]) -> Vec<Finding> {
    let mut out = Vec::new();
    let l = lists();
    for t in tokens {
        if !t.capitalized
            || t.all_caps
            || t.initial
            || !l.is_first(t.folded)
            || l.is_name_word(t.folded)
            || l.is_stop(t.folded)
            || !text[t.end..].starts_with(" (")
        {
            continue;
        }
        let Some((start, end)) = age_at(text, t.end) else {
            continue;
        };
        // Free: no finding touches the name or the age.
        let from = found.partition_point(|f| f.end <= t.start);
        if found.get(from).is_some_and(|f| f.start < end + 1) {
            continue;
        }
        out.push(finding(t.start, t.end, Kind::Person, NAME_RULE));
        out.push(finding(start, end, Kind::Age, RULE));
    }
    for (i, f) in found.iter().enumerate() {
        if f.kind != Kind::Person {
            continue;
        }
        let Some((start, end)) = age_at(text, f.end) else {
            continue;
        };
        // Something already found there (an identifier, a date) keeps its place.
        let next_start = found.get(i + 1).map_or(usize::MAX, |n| n.start);
        if end <= next_start {
            out.push(finding(start, end, Kind::Age, RULE));
        }
    }
    out
}

/// The byte span of an age written at `at` (just after a name): `, 52,` or ` (4)`.
fn age_at(text: &str, at: usize) -> Option<(usize, usize)> {
    let rest = &text[at..];
    let (open, close): (usize, &[&str]) = if rest.starts_with(", ") {
        (
            2,
            &[
                ",", ";", ")", " and ", " years", " yrs", "-year", " y/o", " yo ",
            ],
        )
    } else if rest.starts_with(" (") {
        (2, PAREN_CLOSE)
    } else if rest.starts_with('(') {
        (1, PAREN_CLOSE)
    } else {
        return None;
    };
    let (len, number) = number_at(&rest[open..])?;
    if number > OLDEST {
        return None;
    }
    let after = &rest[open + len..];
    close
        .iter()
        .any(|c| after.starts_with(c))
        .then_some((at + open, at + open + len))
}

/// What may close an age in parentheses: "(4)", "(5 years)", "(17 months)".
const PAREN_CLOSE: &[&str] = &[")", " years)", " yrs)", " y/o)", " months)", " mos)"];

/// The length and value of a number at the start of `s`: one to three digits
/// not led by a zero ("52"), or an age in words ("sixty-four", "Fifty", "nine").
fn number_at(s: &str) -> Option<(usize, u32)> {
    let digits = s.bytes().take_while(u8::is_ascii_digit).count();
    if digits > 0 {
        if digits > 3 || s.starts_with('0') {
            return None;
        }
        return Some((digits, s[..digits].parse().ok()?));
    }
    let word_len = |s: &str| s.bytes().take_while(u8::is_ascii_alphabetic).count();
    let first = &s[..word_len(s)];
    let lower = first.to_ascii_lowercase();
    if let Some(tens) = TENS.iter().position(|w| *w == lower) {
        let tens = 20 + 10 * tens as u32;
        if let Some(rest) = s[first.len()..].strip_prefix('-') {
            let unit = &rest[..word_len(rest)];
            if let Some(u) = UNITS.iter().position(|w| w.eq_ignore_ascii_case(unit)) {
                return Some((first.len() + 1 + unit.len(), tens + u as u32 + 1));
            }
        }
        return Some((first.len(), tens));
    }
    UNITS
        .iter()
        .chain(TEENS)
        .position(|w| *w == lower)
        .map(|i| (first.len(), i as u32 + 1))
}

/// Number words of ages: one to nine, ten to nineteen, the tens from twenty.
const UNITS: &[&str] = &[
    "one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
];
const TEENS: &[&str] = &[
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
];
const TENS: &[&str] = &[
    "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
];

#[cfg(test)]
mod tests {
    use super::*;

    fn person(text: &str, name: &str) -> Finding {
        let start = text.find(name).unwrap();
        finding(start, start + name.len(), Kind::Person, "test")
    }

    fn found(text: &str, names: &[&str]) -> Vec<String> {
        let people: Vec<Finding> = names.iter().map(|n| person(text, n)).collect();
        let mut arena = String::new();
        let tokens = super::super::tokens::tokenize(text, &mut arena);
        ages(text, &people, &tokens)
            .iter()
            .map(|f| f.text(text).to_string())
            .collect()
    }

    #[test]
    fn age_after_a_name() {
        let text = "Mr. Ivo Brandt, 52, was seen.";
        assert_eq!(found(text, &["Ivo Brandt"]), ["52"]);
        let text = "her children Sofia (4) and Mateo (7) live with her";
        assert_eq!(found(text, &["Sofia", "Mateo"]), ["4", "7"]);
        // Not found as names: the first names are found with their ages.
        assert_eq!(found(text, &[]), ["Sofia", "4", "Mateo", "7"]);
        let text = "Ana Ruiz, 34 years old, and Luis Ruiz, 36; both";
        assert_eq!(found(text, &["Ana Ruiz", "Luis Ruiz"]), ["34", "36"]);
    }

    #[test]
    fn ages_in_words_and_with_a_unit_in_parentheses() {
        let text = "Miss Cuevas Dhillon, sixty-four, was seen";
        assert_eq!(found(text, &["Cuevas Dhillon"]), ["sixty-four"]);
        let text = "seen: Fernando Adeyemi, Forty, also spoke";
        assert_eq!(found(text, &["Fernando Adeyemi"]), ["Forty"]);
        let text = "the minors, Juan Carlos (5 years) and Itzel (17 months), are well";
        assert_eq!(found(text, &["Juan Carlos", "Itzel"]), ["5", "17"]);
        let text = "Ana Ruiz, nineteen, and Luis Ruiz, eleven; both";
        assert_eq!(
            found(text, &["Ana Ruiz", "Luis Ruiz"]),
            ["nineteen", "eleven"]
        );
    }

    #[test]
    fn words_after_a_name_that_are_no_age_are_left() {
        // "one" of a list, a word that starts like a number, a count with a noun.
        assert!(found("Maria Lopez, one of the", &["Maria Lopez"]).is_empty());
        assert!(found("Maria Lopez, tenant, filed", &["Maria Lopez"]).is_empty());
        assert!(found("Maria Lopez (two children)", &["Maria Lopez"]).is_empty());
    }

    #[test]
    fn other_numbers_after_a_name_are_left() {
        // A street number, a year, a count, a large number.
        assert!(found("Maria Lopez, 1840 Calle Sombra", &["Maria Lopez"]).is_empty());
        assert!(found("Maria Lopez, 2019, filed", &["Maria Lopez"]).is_empty());
        assert!(found("Maria Lopez, 3 children", &["Maria Lopez"]).is_empty());
        assert!(found("Maria Lopez, 052, filed", &["Maria Lopez"]).is_empty());
        assert!(found("Maria Lopez (120)", &["Maria Lopez"]).is_empty());
        assert!(found("Maria Lopez 52", &["Maria Lopez"]).is_empty());
        // A first name that is also a word, or a heading in capitals.
        assert!(found("see Will (3) and Section (4)", &[]).is_empty());
        assert!(found("MARIA (4)", &[]).is_empty());
    }
}
