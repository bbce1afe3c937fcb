//! `casescrub case init`: proposes a roster from the documents of one case for a
//! person to confirm. Numbers and dates come from their labels ("Claim No.",
//! "Date of Injury", "DOB"); names are the detector's, with the role the words
//! before them give (most frequent role wins), shorter forms ("Lopez") folded into
//! the full name they belong to; names with no role are proposed commented out.

use super::roles::role_from_context;
use crate::kind::Kind;
use crate::normalize::value_key;
use crate::Scrubber;
use std::collections::BTreeMap;

/// Labels before a number or date, and the role they give it.
const LABELS: &[(&str, &str)] = &[
    ("date of injury", "date-of-injury"),
    ("doi", "date-of-injury"),
    ("injury date", "date-of-injury"),
    ("date of birth", "date-of-birth"),
    ("dob", "date-of-birth"),
    ("d.o.b", "date-of-birth"),
    ("birth date", "date-of-birth"),
    ("claim", "claim-number"),
    ("wcab", "case-number"),
    ("adj", "case-number"),
    ("case", "case-number"),
    ("docket", "case-number"),
    ("mrn", "mrn"),
    ("medical record", "mrn"),
    ("member", "member-id"),
    ("policy", "policy-number"),
];

/// The role a label just before `start` (same line, 30 bytes) gives a value.
fn labelled(text: &str, start: usize) -> Option<&'static str> {
    let line_start = text[..start].rfind('\n').map_or(0, |i| i + 1);
    let mut from = start.saturating_sub(30).max(line_start);
    while !text.is_char_boundary(from) {
        from += 1;
    }
    let before = text[from..start].to_ascii_lowercase();
    LABELS
        .iter()
        .filter_map(|(label, role)| before.rfind(label).map(|i| (i + label.len(), *role)))
        .max_by_key(|(end, _)| *end)
        .map(|(_, role)| role)
}

#[derive(Default)]
struct Seen {
    written: BTreeMap<String, usize>,
    roles: BTreeMap<&'static str, usize>,
    count: usize,
}

impl Seen {
    fn add(&mut self, written: &str, role: Option<&'static str>) {
        *self.written.entry(written.to_string()).or_insert(0) += 1;
        if let Some(r) = role {
            *self.roles.entry(r).or_insert(0) += 1;
        }
        self.count += 1;
    }

    /// The fullest written form (most words, then most frequent).
    fn form(&self) -> &str {
        self.written
            .iter()
            .max_by_key(|(w, n)| (w.split_whitespace().count(), !w.contains(','), **n))
            .map_or("", |(w, _)| w)
    }

    /// The longest form of a number (most letters and digits), then the most frequent.
    fn number_form(&self) -> &str {
        self.written
            .iter()
            .max_by_key(|(w, n)| (w.chars().filter(|c| c.is_alphanumeric()).count(), **n))
            .map_or("", |(w, _)| w)
    }

    /// The fullest form of a name, in first-last order, upper case made title case:
    /// "LOPEZ, MARIA J" → "Maria J Lopez".
    fn name_form(&self) -> String {
        let form = self.form();
        let ordered = match form.split_once(',') {
            Some((last, first)) => format!("{} {}", first.trim(), last.trim()),
            None => form.to_string(),
        };
        if ordered.chars().any(char::is_lowercase) {
            return ordered;
        }
        ordered
            .split(' ')
            .map(|w| {
                let mut c = w.chars();
                c.next()
                    .map(|f| f.to_string() + &c.as_str().to_lowercase())
                    .unwrap_or_default()
            })
            .collect::<Vec<_>>()
            .join(" ")
    }

    fn role(&self) -> Option<&'static str> {
        self.roles.iter().max_by_key(|(_, n)| **n).map(|(r, _)| *r)
    }
}

fn quoted(s: &str) -> String {
    toml::Value::String(s.to_string()).to_string()
}

/// "LOPEZ" and "MARIA J" of "LOPEZ, MARIA J." are one name.
fn join_comma_names(text: &str, findings: Vec<crate::Finding>) -> Vec<crate::Finding> {
    let mut out: Vec<crate::Finding> = Vec::with_capacity(findings.len());
    for f in findings {
        if let Some(last) = out.last_mut() {
            if last.kind == Kind::Person
                && f.kind == Kind::Person
                && text[last.end..f.start] == *", "
                && !text[last.start..last.end].contains(',')
            {
                last.end = f.end;
                continue;
            }
        }
        out.push(f);
    }
    out
}

/// Moves everything `from` saw into `into`.
fn merge(into: &mut Seen, from: Seen) {
    into.count += from.count;
    for (w, n) in from.written {
        *into.written.entry(w).or_insert(0) += n;
    }
    for (r, n) in from.roles {
        *into.roles.entry(r).or_insert(0) += n;
    }
}

/// Credentials and suffixes that are not part of a name.
const CREDENTIALS: &[&str] = &[
    "md", "m.d", "do", "phd", "esq", "rn", "np", "dc", "jr", "sr",
];

/// The words of a name key in "first ... last" order ("lopez, maria" → maria lopez).
fn name_words(key: &str) -> Vec<String> {
    let (a, b) = key.split_once(',').unwrap_or(("", key));
    b.split_whitespace()
        .chain(a.split_whitespace())
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()).to_string())
        .filter(|w| !w.is_empty() && !CREDENTIALS.contains(&w.as_str()))
        .collect()
}

/// Folds the forms of one person together: "LOPEZ, MARIA J" into "maria j lopez",
/// and a one-word name into the most frequent full name it is the first or last
/// word of ("Lopez", "Priya"). One-letter names are dropped.
fn fold_names(names: &mut BTreeMap<String, Seen>) {
    let old = std::mem::take(names);
    for (key, seen) in old {
        let words = name_words(&key);
        if words.iter().map(|w| w.len()).sum::<usize>() < 2 {
            continue;
        }
        merge(names.entry(words.join(" ")).or_default(), seen);
    }
    let singles: Vec<String> = names.keys().filter(|k| !k.contains(' ')).cloned().collect();
    for single in singles {
        let target = names
            .iter()
            .filter(|(k, _)| k.contains(' '))
            .filter(|(k, _)| {
                let w: Vec<&str> = k.split(' ').collect();
                w.first() == Some(&single.as_str()) || w.last() == Some(&single.as_str())
            })
            .max_by_key(|(k, s)| (s.count, k.len()))
            .map(|(k, _)| k.clone());
        if let Some(t) = target {
            if let Some(s) = names.remove(&single) {
                merge(names.get_mut(&t).expect("present"), s);
            }
        }
    }
    // "maria lopez" into "maria j lopez": same first and last word.
    let keys: Vec<String> = names.keys().cloned().collect();
    for k in &keys {
        let w: Vec<&str> = k.split(' ').collect();
        let longer = keys.iter().find(|o| {
            let ow: Vec<&str> = o.split(' ').collect();
            ow.len() > w.len() && ow.first() == w.first() && ow.last() == w.last()
        });
        if let (Some(l), true) = (longer, w.len() > 1) {
            if let Some(s) = names.remove(k) {
                if let Some(t) = names.get_mut(l) {
                    merge(t, s);
                }
            }
        }
    }
}

/// Folds a number into a longer one whose characters start or end with it
/// ("123456" into "05123456").
fn fold_numbers(numbers: &mut BTreeMap<String, Seen>) {
    let keys: Vec<String> = numbers.keys().cloned().collect();
    for k in &keys {
        let longer = keys
            .iter()
            .filter(|o| o.len() > k.len() && (o.ends_with(k.as_str()) || o.starts_with(k.as_str())))
            .max_by_key(|o| o.len());
        if let Some(l) = longer {
            if let Some(s) = numbers.remove(k) {
                if let Some(t) = numbers.get_mut(l) {
                    merge(t, s);
                }
            }
        }
    }
}

/// Folds organisations by their name without "Inc.", "LLC", ...
fn fold_orgs(orgs: BTreeMap<String, Seen>) -> BTreeMap<String, Seen> {
    let mut out: BTreeMap<String, Seen> = BTreeMap::new();
    for (key, seen) in orgs {
        let short = match super::variants::org(&key).last() {
            Some(super::variants::Variant::AnyCase(s)) => s.to_lowercase(),
            _ => key,
        };
        merge(out.entry(short).or_default(), seen);
    }
    out
}

/// A proposed roster (TOML text) for `docs` (name, text).
pub fn propose(scrubber: &Scrubber, docs: &[(String, String)]) -> String {
    let mut names: BTreeMap<String, Seen> = BTreeMap::new();
    let mut orgs: BTreeMap<String, Seen> = BTreeMap::new();
    let mut numbers: BTreeMap<String, Seen> = BTreeMap::new();
    let mut dates: BTreeMap<String, Seen> = BTreeMap::new();
    let mut addresses: BTreeMap<String, Seen> = BTreeMap::new();
    for (_, text) in docs {
        for f in join_comma_names(text, scrubber.detect(text)) {
            let written = f.text(text).trim_end_matches("'s");
            let key = value_key(f.kind, written);
            match f.kind {
                Kind::Person => names
                    .entry(key)
                    .or_default()
                    .add(written, role_from_context(text, f.start)),
                Kind::Org => orgs
                    .entry(key)
                    .or_default()
                    .add(written, role_from_context(text, f.start)),
                Kind::Id => numbers
                    .entry(key)
                    .or_default()
                    .add(written, labelled(text, f.start)),
                Kind::Date => {
                    if let Some(role @ ("date-of-injury" | "date-of-birth")) =
                        labelled(text, f.start)
                    {
                        dates.entry(key).or_default().add(written, Some(role));
                    }
                }
                Kind::Location if &*f.rule == "address.street" => {
                    addresses.entry(key).or_default().add(written, None)
                }
                _ => {}
            }
        }
    }
    fold_names(&mut names);
    fold_numbers(&mut numbers);
    let orgs = fold_orgs(orgs);
    let mut out = format!(
        "# Case roster proposed by `casescrub case init` from {} document(s).\n\
         # Check every entry before use: correct names and roles, delete what is not\n\
         # part of this case, uncomment the names that are. This file holds identifying\n\
         # text: store it like the case files.\n",
        docs.len()
    );
    let mut by_count: Vec<(&String, &Seen)> = names.iter().collect();
    by_count.sort_by_key(|(k, s)| (std::cmp::Reverse(s.count), (*k).clone()));
    for (_, seen) in by_count.iter().filter(|(_, s)| s.role().is_some()) {
        out.push_str(&format!(
            "\n[[party]]   # seen {} time(s)\nname = {}\nrole = {}\n",
            seen.count,
            quoted(&seen.name_form()),
            quoted(seen.role().unwrap_or_default())
        ));
    }
    for (_, seen) in orgs.iter().filter(|(_, s)| s.role() == Some("employer")) {
        out.push_str(&format!(
            "\n[[party]]   # seen {} time(s)\nname = {}\nrole = \"employer\"\nkind = \"ORG\"\n",
            seen.count,
            quoted(seen.form())
        ));
    }
    let unknown: Vec<&(&String, &Seen)> = by_count
        .iter()
        .filter(|(_, s)| s.role().is_none())
        .collect();
    if !unknown.is_empty() {
        out.push_str("\n# Names found with no role in context (most frequent first):\n");
        for (_, seen) in unknown.iter().take(20) {
            out.push_str(&format!(
                "# [[party]]   # seen {} time(s)\n# name = {}\n# role = \"?\"\n",
                seen.count,
                quoted(&seen.name_form())
            ));
        }
    }
    for seen in numbers.values() {
        out.push_str(&format!(
            "\n[[number]]   # seen {} time(s)\nvalue = {}\nrole = {}\n",
            seen.count,
            quoted(seen.number_form()),
            quoted(seen.role().unwrap_or("number"))
        ));
    }
    for seen in addresses.values() {
        out.push_str(&format!(
            "\n[[address]]   # seen {} time(s)\nvalue = {}\n",
            seen.count,
            quoted(seen.form())
        ));
    }
    for (key, seen) in &dates {
        if key.contains('?') {
            continue;
        }
        out.push_str(&format!(
            "\n[[date]]   # seen {} time(s) as {}\nvalue = {}\nrole = {}\n",
            seen.count,
            quoted(seen.form()),
            quoted(key),
            quoted(seen.role().unwrap_or("date"))
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_and_roles() {
        let t = "Claim No.: 05-123456\nDate of Injury: 6/18/02";
        assert_eq!(labelled(t, t.find("05-").unwrap()), Some("claim-number"));
        assert_eq!(labelled(t, t.find("6/18").unwrap()), Some("date-of-injury"));
        let scrubber = Scrubber::with_default_patterns().unwrap();
        let doc = "Applicant: Maria Lopez\nClaim No.: 05-123456\nDate of Injury: 6/18/02\n\
                   Ms. Lopez was seen.\nPrimary treating physician: Dr. Alan Smith, M.D.\n";
        let roster = propose(&scrubber, &[("a.txt".into(), doc.into())]);
        let parsed = super::super::Roster::from_toml("proposal", &roster)
            .unwrap_or_else(|e| panic!("{e}\n{roster}"));
        assert!(
            roster.contains("name = \"Maria Lopez\"\nrole = \"applicant\""),
            "{roster}"
        );
        assert!(roster.contains("role = \"treating-physician\""), "{roster}");
        assert!(roster.contains("role = \"claim-number\""), "{roster}");
        assert!(
            roster.contains("value = \"2002-06-18\"\nrole = \"date-of-injury\""),
            "{roster}"
        );
        assert!(!parsed.party.is_empty());
    }
}
