//! Counsel lines of a court opinion: `Law Offices of A and B for Plaintiff and
//! Respondent.`, `A, B for Defendant.` Every name of the list before `for <party>`
//! is a person, in any case: the position says so, not the capitals, so
//! `CHER M. KHACHATRYAN` after `AND` and `fue s. stinnett` after a comma are found
//! where the run classifier saw only words. A part that is only vocabulary
//! (`Deputy Attorney General`) or holds a clause word (`Office of the Public
//! Defender`) is left alone.

use super::lists::{fold, lists};
use super::position::is_safe;
use super::vocab::vocab;
use crate::kind::Kind;
use crate::resolve::Finding;

/// Rule id of a name in a counsel line.
pub const RULE: &str = "person.counsel-line";

/// The parties counsel appear for.
const PARTIES: &[&str] = &[
    "plaintiff",
    "plaintiffs",
    "defendant",
    "defendants",
    "petitioner",
    "petitioners",
    "respondent",
    "respondents",
    "appellant",
    "appellants",
    "appellee",
    "appellees",
    "applicant",
    "claimant",
];

/// Words before the names, dropped (`Law Offices of`).
const LEADS: &[&str] = &[
    "law offices of ",
    "law office of ",
    "offices of ",
    "office of ",
    "attorneys ",
    "attorney ",
    "counsel ",
];

/// Most words in one name of the list.
const MOST: usize = 5;

/// The names of the counsel lines of `text`, as PERSON findings added to
/// `found`; findings of a person or a soft kind inside a name are replaced by it,
/// and a name that overlaps any other finding is left out.
pub fn counsel_lines(text: &str, found: &mut Vec<Finding>) {
    let mut names: Vec<(usize, usize)> = Vec::new();
    let mut at = 0;
    for line in text.split_inclusive('\n') {
        let start = at;
        at += line.len();
        if line.len() < 12 || !line.contains(['f', 'F']) {
            continue;
        }
        if let Some(end) = party_cut(line) {
            list_names(&line[..end], start, &mut names);
        }
    }
    if names.is_empty() {
        return;
    }
    let absorbable = |k: Kind| k == Kind::Person || super::soft(k);
    // A finding across two names ("Morales, Fue" read as `Last, First`) gives way
    // to them; a name that overlaps a finding of another kind is left out.
    names.retain(|&(s, e)| {
        found
            .iter()
            .filter(|f| f.start < e && f.end > s)
            .all(|f| absorbable(f.kind))
    });
    found.retain(|f| !(absorbable(f.kind) && names.iter().any(|&(s, e)| f.start < e && f.end > s)));
    found.extend(
        names
            .into_iter()
            .map(|(s, e)| super::finding(s, e, Kind::Person, RULE)),
    );
    found.sort_by_key(|f| f.start);
}

/// Where ` for <party>` starts in `line`, if the line is a counsel line.
fn party_cut(line: &str) -> Option<usize> {
    let lower = line.to_lowercase();
    if lower.len() != line.len() {
        return None;
    }
    let mut from = 0;
    while let Some(p) = lower[from..].find(" for ") {
        let cut = from + p;
        let rest = &lower[cut + 5..];
        let word: &str = rest.split([' ', ',', '.', '\n', '\r']).next().unwrap_or("");
        // Only party words after it: "for plaintiff and respondent."
        let only_parties = rest
            .split(|c: char| !c.is_alphabetic() && c != '-')
            .filter(|w| !w.is_empty())
            .all(|w| {
                PARTIES.contains(&w)
                    || matches!(
                        w,
                        "and" | "cross-complainant" | "real" | "party" | "in" | "interest"
                    )
            });
        if PARTIES.contains(&word) && only_parties {
            return Some(lower[..cut].trim_end_matches([',', ' ']).len());
        }
        from = cut + 5;
    }
    None
}

/// The names of `list` (a line up to ` for <party>`, at byte `base` of the
/// text): parts between `, ` and ` and `, each a name or nothing.
fn list_names(list: &str, base: usize, out: &mut Vec<(usize, usize)>) {
    let lower = list.to_lowercase();
    let mut start = list.len() - list.trim_start().len();
    for lead in LEADS {
        if lower[start..].starts_with(lead) {
            start += lead.len();
            break;
        }
    }
    let mut pieces: Vec<(usize, usize)> = Vec::new();
    let mut s = start;
    let mut i = start;
    while i < list.len() {
        let sep = if lower[i..].starts_with(", and ") {
            6
        } else if lower[i..].starts_with(" and ") || lower[i..].starts_with(" & ") {
            if lower[i..].starts_with(" & ") {
                3
            } else {
                5
            }
        } else if lower[i..].starts_with(", ") {
            2
        } else {
            0
        };
        if sep > 0 {
            pieces.push((s, i));
            i += sep;
            s = i;
        } else {
            i += lower[i..].chars().next().map_or(1, char::len_utf8);
        }
    }
    pieces.push((s, list.len()));
    // Every part must be a name or vocabulary; a part that is neither (a
    // sentence) means this is no counsel line.
    let mut names = Vec::new();
    for (a, b) in pieces {
        match part(&list[a..b]) {
            Part::Name => names.push((base + a, base + b)),
            Part::Words => {}
            Part::Other => return,
        }
    }
    out.extend(names);
}

/// What one part of a counsel list is.
enum Part {
    /// A person's name.
    Name,
    /// Only vocabulary (a title, an office): kept.
    Words,
    /// Anything else: the line is no counsel list.
    Other,
}

fn part(piece: &str) -> Part {
    let l = lists();
    let v = vocab();
    let words: Vec<&str> = piece.split(' ').collect();
    if words.is_empty() || words.len() > MOST || words.iter().any(|w| w.is_empty()) {
        return Part::Other;
    }
    let (mut named, mut vocabulary, mut last_named) = (false, 0usize, false);
    for w in &words {
        let initial = {
            let mut c = w.chars();
            matches!((c.next(), c.next(), c.next()), (Some(a), Some('.'), None) if a.is_alphabetic())
        };
        if initial {
            continue;
        }
        if !w
            .chars()
            .all(|c| c.is_alphabetic() || matches!(c, '\'' | '’' | '-'))
        {
            return Part::Other;
        }
        let f = fold(w);
        if v.particles.contains(f.as_str()) {
            continue;
        }
        if v.clause_words.contains(f.as_str()) {
            return Part::Words;
        }
        let name = !is_safe(l, &f) || super::position::in_lexicon(l, &f) && !l.is_stop(&f);
        named |= name;
        vocabulary += usize::from(!name);
        last_named = name;
    }
    // "Smith testified": a part ending in a word is a sentence ("Pa Nhia
    // Macapagal" may hold one word inside).
    if named && (vocabulary > 1 || vocabulary == 1 && !last_named) {
        return Part::Other;
    }
    if named {
        Part::Name
    } else {
        Part::Words
    }
}

#[cfg(test)]
mod tests {
    fn people(text: &str) -> Vec<String> {
        let mut found = Vec::new();
        super::counsel_lines(text, &mut found);
        found
            .iter()
            .map(|f| text[f.start..f.end].to_string())
            .collect()
    }

    #[test]
    fn every_name_of_a_counsel_line_is_a_person() {
        assert_eq!(
            people("LAW OFFICES OF PA NHIA MACAPAGAL AND CHER M. KHACHATRYAN FOR PLAINTIFF AND RESPONDENT.\n"),
            ["PA NHIA MACAPAGAL", "CHER M. KHACHATRYAN"]
        );
        assert_eq!(
            people("billy ray morales, fue s. stinnett for plaintiff and respondent.\n"),
            ["billy ray morales", "fue s. stinnett"]
        );
        assert_eq!(
            people("Sheng De la Cruz, Yaw L. Flores for Plaintiff and Respondent."),
            ["Sheng De la Cruz", "Yaw L. Flores"]
        );
        assert_eq!(
            people("Bill Price, Deputy Attorney General, for Defendant and Appellant."),
            ["Bill Price"]
        );
    }

    #[test]
    fn other_lines_with_for_a_party_are_left_alone() {
        for text in [
            "Office of the Public Defender for Defendant and Appellant.",
            "Judgment for plaintiff is affirmed.",
            "The court found for defendant on every count.",
            "No appearance for Respondent.",
            "Deputy Attorney General for Respondent.",
            "Maria Lopez testified for plaintiff.",
            "Smith appeared for defendant at the hearing.",
        ] {
            assert!(people(text).is_empty(), "{text:?}: {:?}", people(text));
        }
    }
}
