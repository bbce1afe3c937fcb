//! Family firms: a name, `&` or `and`, and a family word (`Sons`, `Daughters`,
//! `Brothers`), perhaps a trade word after it (`Produce`): one ORG over the whole
//! run in any case ("Rio Bravo Roofing & Sons", "boateng and daughters produce",
//! "DHILLON & SONS"), absorbing the person and place findings inside it. Runs do
//! not join across `&` in general (court text has "Smith & Jones" pairs of people),
//! so the family word is the cue here.

use super::tokens::Token;
use super::vocab::vocab;
use crate::kind::Kind;
use crate::resolve::Finding;

/// Rule id of a family firm.
pub const RULE: &str = "org.family-firm";

/// Words that make `X & <word>` a family firm.
const FAMILY: &[&str] = &[
    "sons",
    "son",
    "daughters",
    "daughter",
    "brothers",
    "bros",
    "sisters",
];

/// Most words of the name before the `&`.
const MOST: usize = 4;

/// How the family word is written, which says how the name before it is: the
/// name's words are written the same way ("Maria and son" is no firm).
#[derive(Clone, Copy, PartialEq, Eq)]
enum Case {
    /// `Sons`: capitalised words.
    Title,
    /// `sons`: lower-case words up to a clause word.
    Lower,
    /// `SONS`: words in capitals up to a clause word.
    Upper,
}

impl Case {
    fn of(written: &str, t: &Token) -> Case {
        if t.all_caps {
            Case::Upper
        } else if written[t.start..].starts_with(char::is_uppercase) {
            Case::Title
        } else {
            Case::Lower
        }
    }
}

/// The family firms of `text` as ORG findings; the findings they cover are
/// removed from `found` (PERSON, ORG and the soft kinds only: a firm never eats a
/// date or an ID). `written` is the text as written (`text` may be its truecased
/// view).
pub fn family_firms(text: &str, written: &str, tokens: &[Token], found: &mut Vec<Finding>) {
    let mut firms: Vec<(usize, usize)> = Vec::new();
    for (k, t) in tokens.iter().enumerate() {
        if !FAMILY.contains(&t.folded) {
            continue;
        }
        if let Some(span) = firm_at(text, written, tokens, found, k) {
            if firms.last().is_none_or(|p| p.1 <= span.0) {
                firms.push(span);
            }
        }
    }
    if firms.is_empty() {
        return;
    }
    found.retain(|f| {
        !firms
            .iter()
            .any(|&(s, e)| f.start < e && f.end > s && absorbable(f.kind))
    });
    found.extend(
        firms
            .into_iter()
            .map(|(s, e)| super::finding(s, e, Kind::Org, RULE)),
    );
    found.sort_by_key(|f| f.start);
}

fn absorbable(kind: Kind) -> bool {
    kind == Kind::Person || kind == Kind::Org || super::soft(kind)
}

/// The firm whose family word is token `k`, as a byte span.
fn firm_at(
    text: &str,
    written: &str,
    tokens: &[Token],
    found: &[Finding],
    k: usize,
) -> Option<(usize, usize)> {
    let gap = |a: usize| &text[tokens[a].end..tokens[a + 1].start];
    // The joiner: "X & Sons", "X&Sons" or "X and Sons".
    let last = match k.checked_sub(1)? {
        j if matches!(gap(j), " & " | "&" | " &amp; ") => j,
        // "Maria and son": only a plural family word after "and".
        j if tokens[j].folded == "and" && gap(j) == " " && tokens[k].folded.ends_with('s') => {
            j.checked_sub(1).filter(|&i| gap(i) == " ")?
        }
        _ => return None,
    };
    let case = Case::of(written, &tokens[k]);
    let mut first = None;
    let mut i = last;
    loop {
        if !name_word(written, &tokens[i], case) || covered_hard(found, &tokens[i]) {
            break;
        }
        first = Some(i);
        if i == 0 || last - i + 1 >= MOST || gap(i - 1) != " " {
            break;
        }
        i -= 1;
    }
    let first = first?;
    // Where case says nothing, a name a dictionary lacks or a trade word
    // ("roofing") makes it a firm ("cows and sons" is none).
    let l = super::lists::lists();
    let named = (first..=last).any(|q| {
        let w = tokens[q].folded;
        !super::position::is_safe(l, w) || vocab().org_suffix.contains(w)
    });
    if case != Case::Title && !named {
        return None;
    }
    // A trade word after the family word ("and daughters produce").
    let mut end = k;
    if let Some(n) = tokens.get(k + 1) {
        if gap(k) == " " && vocab().org_suffix.contains(n.folded) && !covered_hard(found, n) {
            end = k + 1;
        }
    }
    let (mut start, mut stop) = (tokens[first].start, tokens[end].end);
    // A finding the firm cuts into grows it, if it is one the firm may absorb.
    let (a, b) = (start, stop);
    for f in found.iter().filter(|f| f.start < b && f.end > a) {
        if !absorbable(f.kind) || f.start < start && f.end > stop {
            return None;
        }
        if f.end <= stop {
            start = start.min(f.start);
        } else {
            stop = stop.max(f.end);
        }
    }
    // A lead word the absorbed finding began with is left out ("defendant").
    let mut q = tokens.partition_point(|t| t.start < start);
    while q < first && !name_word(written, &tokens[q], Case::of(written, &tokens[q])) {
        q += 1;
        start = tokens[q].start;
    }
    Some((start, stop))
}

/// A word that may stand in the name before the `&`: not a clause word, a lead
/// word (defendant, employer, at) or a cue; capitalised when the family word is.
fn name_word(written: &str, t: &Token, case: Case) -> bool {
    let v = vocab();
    let w = t.folded;
    if v.clause_words.contains(w)
        || v.org_lead.contains(w)
        || v.title_cues.contains(w)
        || v.role_cues.contains(w)
        || v.kinship.contains(w)
        || FAMILY.contains(&w)
        || t.initial
    {
        return false;
    }
    Case::of(written, t) == case || case == Case::Upper && t.folded.chars().count() == 1
}

/// Whether the token is covered by a finding a firm may not absorb (a date, an ID).
fn covered_hard(found: &[Finding], t: &Token) -> bool {
    let k = found.partition_point(|f| f.end <= t.start);
    found
        .get(k)
        .is_some_and(|f| f.start < t.end && !absorbable(f.kind))
}

#[cfg(test)]
mod tests {
    fn orgs(text: &str) -> Vec<String> {
        crate::entities::extend(text, Vec::new())
            .iter()
            .filter(|f| f.kind == crate::kind::Kind::Org)
            .map(|f| text[f.start..f.end].to_string())
            .collect()
    }

    #[test]
    fn family_firms_are_one_organisation_in_any_case() {
        for (text, firm) in [
            (
                "She was employed by Rio Bravo Roofing & Sons who paid her.",
                "Rio Bravo Roofing & Sons",
            ),
            (
                "Defendant Velásquez & Sons was insured.",
                "Velásquez & Sons",
            ),
            (
                "the bill was sent.\ndefendant high desert roofing & sons was insured by them.",
                "high desert roofing & sons",
            ),
            (
                "defendant boateng and daughters produce was insured by them.",
                "boateng and daughters produce",
            ),
            (
                "EMPLOYED BY GREEN ACRES ROOFING & SONS WHO",
                "GREEN ACRES ROOFING & SONS",
            ),
            ("v.\nDHILLON & SONS,\n    defendants.", "DHILLON & SONS"),
        ] {
            assert!(
                orgs(text).iter().any(|o| o == firm),
                "{text:?}: {:?}",
                orgs(text)
            );
        }
    }

    #[test]
    fn sons_and_daughters_of_people_are_no_firm() {
        for text in [
            "She lives with her husband and sons in a trailer.",
            "Her daughters & sons visit weekly.",
            "Mr. Lopez and his sons attended.",
            "The patient and daughter were present.",
            "Maria and son were seen; Maria & son left.",
            "she keeps cows and sons at home.",
            "Smith & Jones represented the parties.",
        ] {
            assert!(orgs(text).is_empty(), "{text:?}: {:?}", orgs(text));
        }
    }
}
