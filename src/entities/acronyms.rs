//! Acronyms an organisation defines: `Federal Trade Commission (FTC)` makes the
//! `FTC` in parentheses and every later `FTC` of the text the same organisation,
//! with the same placeholder as the full name.

use super::span::finding;
use super::tokens::Token;
use crate::kind::Kind;
use crate::normalize::value_key;
use crate::resolve::Finding;
use std::sync::Arc;

/// Rule id of an acronym defined by an organisation's full name.
const RULE: &str = "org.acronym";

/// Most letters of an acronym.
const MOST: usize = 8;

/// The acronym in parentheses right after `end` (`" (FTC)"`): two to eight
/// capital letters (an `&` may sit inside: `AT&T`), as its byte span.
fn defined_after(text: &str, end: usize) -> Option<(usize, usize)> {
    let rest = text[end..].strip_prefix(" (")?;
    let close = rest.find(')')?;
    let inner = &rest[..close];
    let letters = inner.bytes().filter(u8::is_ascii_uppercase).count();
    let ok =
        (2..=MOST).contains(&letters) && inner.bytes().all(|b| b.is_ascii_uppercase() || b == b'&');
    let start = end + 2;
    ok.then_some((start, start + close))
}

/// Whether `acronym` is spelled by the first letters of the capitalised words of
/// `name` (the connectors `of`, `and`, `the`, `for` may be skipped or counted).
fn spells(name: &str, acronym: &str) -> bool {
    let want: Vec<u8> = acronym.bytes().filter(u8::is_ascii_uppercase).collect();
    let words: Vec<&str> = name
        .split(|c: char| c.is_whitespace() || c == '-')
        .filter(|w| !w.is_empty())
        .collect();
    let first = |w: &str| w.bytes().next().map(|b| b.to_ascii_uppercase());
    let capitalised: Vec<u8> = words
        .iter()
        .filter(|w| w.starts_with(|c: char| c.is_uppercase()))
        .filter_map(|w| first(w))
        .collect();
    let all: Vec<u8> = words.iter().filter_map(|w| first(w)).collect();
    capitalised == want || all == want
}

/// The acronyms the ORG findings of `found` (sorted) define, and their later
/// mentions (whole words in capitals no finding covers), as ORG findings keyed
/// to the full name; the full name gets the same key.
pub fn acronyms(text: &str, tokens: &[Token], found: &mut Vec<Finding>) {
    let mut defined: Vec<(String, Arc<str>, usize)> = Vec::new();
    let mut added = Vec::new();
    for f in found.iter_mut().filter(|f| f.kind == Kind::Org) {
        let Some((a, b)) = defined_after(text, f.end) else {
            continue;
        };
        let acronym = &text[a..b];
        if !spells(f.text(text), acronym) {
            continue;
        }
        let key: Arc<str> = match &f.key {
            Some(k) => k.clone(),
            None => Arc::from(value_key(Kind::Org, &crate::fold::fold_str(f.text(text)))),
        };
        f.key = Some(key.clone());
        let mut mention = finding(a, b, Kind::Org, RULE);
        mention.key = Some(key.clone());
        added.push(mention);
        defined.push((acronym.to_string(), key, b));
    }
    if defined.is_empty() {
        return;
    }
    // Later mentions: a token in capitals spelling a defined acronym, after its
    // definition, that no finding covers.
    let mut j = 0;
    for t in tokens {
        if !t.all_caps {
            continue;
        }
        let word = &text[t.start..t.end];
        let Some((_, key, _)) = defined
            .iter()
            .find(|(acronym, _, from)| acronym == word && t.start >= *from)
        else {
            continue;
        };
        while j < found.len() && found[j].end <= t.start {
            j += 1;
        }
        if found[j..]
            .iter()
            .take_while(|f| f.start < t.end)
            .any(|f| f.end > t.start)
        {
            continue;
        }
        let mut mention = finding(t.start, t.end, Kind::Org, RULE);
        mention.key = Some(key.clone());
        added.push(mention);
    }
    found.extend(added);
    found.sort_by_key(|f| f.start);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_acronym_is_spelled_by_the_capitalised_words() {
        assert!(spells("Federal Trade Commission", "FTC"));
        assert!(spells("Department of Social Services", "DSS"));
        assert!(spells("Department of Social Services", "DOSS"));
        assert!(!spells("Federal Trade Commission", "FBI"));
        assert_eq!(defined_after("X (FTC) later", 1), Some((3, 6)));
        assert_eq!(defined_after("X (the FTC)", 1), None);
        assert_eq!(defined_after("X (F)", 1), None);
    }
}
