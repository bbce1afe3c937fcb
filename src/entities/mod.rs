//! The document-level entity pass: after the pattern rules, runs of capitalized
//! words are classified as organisations, places and person names with word lists
//! and context, and every later mention of a confidently found name is redacted
//! with the same placeholder ("Maria Lopez", "Ms. Lopez", "Lopez" → one person).

mod acronyms;
mod address;
mod age_after_name;
mod classify;
mod contact_rows;
mod continuation;
mod counsel;
mod cued;
mod family_firm;
mod grouping;
pub mod lexicon;
pub mod lists;
mod position;
pub use position::{in_lexicon, is_safe};
mod span;
mod tokens;
pub mod vocab;

use crate::kind::Kind;
use crate::resolve::Finding;
use classify::{Ctx, Span};
use lists::lists;
use span::{finding, sentence_start};
use std::collections::HashMap;
use std::sync::Arc;
use tokens::Token;

/// Rule id of the middle-initial label: its one letter is an initial even when it
/// is also a word ("Y", "A").
const MIDDLE_INITIAL: &str = "label.middle-initial";

/// Kinds an organisation may swallow when it covers them entirely
/// ("St. Anthony Catholic Church" is one ORG, not a RELIGION inside one).
fn soft(kind: Kind) -> bool {
    matches!(
        kind,
        Kind::Religion
            | Kind::Nationality
            | Kind::Ethnicity
            | Kind::Location
            | Kind::Language
            | Kind::State
    )
}

/// Full names (their folded words) found in the earlier windows of a stream, so a
/// bare later mention ("Lopez" after "Maria Lopez") is linked and redacted in a
/// later window as it would be in the whole text.
#[derive(Debug, Default, Clone)]
pub struct KnownNames {
    names: Vec<Vec<String>>,
    seen: std::collections::HashSet<String>,
}

impl KnownNames {
    /// How many full names are known.
    pub fn len(&self) -> usize {
        self.names.len()
    }

    /// Whether no name is known yet.
    pub fn is_empty(&self) -> bool {
        self.names.is_empty()
    }

    fn add(&mut self, words: &[&Token]) {
        let key = join_folded(words);
        if self.seen.insert(key) {
            self.names
                .push(words.iter().map(|t| t.folded.to_string()).collect());
        }
    }
}

/// Adds the entity findings to `found` (sorted, non-overlapping, allow-list spans
/// included) and returns every finding sorted, allow-list spans still included.
pub fn extend(text: &str, found: Vec<Finding>) -> Vec<Finding> {
    extend_known(text, text, found, &mut KnownNames::default())
}

/// Like [`extend`], also linking mentions of the full names in `known`, and adding
/// this text's full names to it. `written` is the text as written when `text` is
/// its truecased view (same bytes but the case of some letters): which lines carry
/// no case is read from it.
pub fn extend_known(
    text: &str,
    written: &str,
    mut found: Vec<Finding>,
    known: &mut KnownNames,
) -> Vec<Finding> {
    let l = lists();
    let mut arena = String::new();
    // Drop pattern-rule names that are only vocabulary: "Adjuster Phone".
    found.retain(|f| {
        f.kind != Kind::Person
            || &*f.rule == MIDDLE_INITIAL
            || tokens::tokenize(f.text(text), &mut arena)
                .iter()
                .any(|t| !l.is_stop(t.folded))
    });
    // A name in capitals ends before the clause after it: "MS. LOPEZ WORKS FOR".
    for f in found.iter_mut().filter(|f| f.kind == Kind::Person) {
        f.end = caps_name_end(text, f, l, &mut arena);
    }
    // "County of Residence", "City of Origin": a form label, not a place (the
    // words after "of" are all safe vocabulary and none is a place).
    found.retain(|f| &*f.rule != ADMIN_OF || !label_of(text, f, l, &mut arena));
    address::complete(text, &mut found);
    let tokens = tokens::tokenize(text, &mut arena);
    let cover = cover_of(&tokens, &found);
    let caps = position::caps_lines(text, &tokens);
    let ctx = Ctx {
        text,
        tokens: &tokens,
        cover: &cover,
        caps: &caps,
    };
    // Where case says nothing, names by cue rather than by capitals; the runs of
    // capitalised words are classified around what the cues found.
    let mut spans: Vec<Span> = Vec::new();
    let mut taken: Vec<bool> = cover.iter().map(Option::is_some).collect();
    cued::cued_spans(&ctx, written, l, &found, &mut taken, &mut spans);
    let cover_cued: Vec<Option<bool>>;
    let ctx = if spans.is_empty() {
        ctx
    } else {
        cover_cued = cover
            .iter()
            .zip(&taken)
            .map(|(c, t)| if *t { c.or(Some(false)) } else { None })
            .collect();
        Ctx {
            cover: &cover_cued,
            ..ctx
        }
    };
    for run in tokens::runs(text, &tokens) {
        classify::classify(&ctx, &run, &mut spans);
    }
    // Organisations and places absorb the soft findings they overlap (a place
    // holds one only when it is of two words or more: Czech Republic). `found` is sorted and
    // non-overlapping, so the findings an organisation overlaps are one slice of it.
    let mut absorbed = vec![false; found.len()];
    for s in spans
        .iter_mut()
        .filter(|s| matches!(s.kind, Kind::Org | Kind::Location))
    {
        let (start, end) = (s.start, s.end);
        let from = found.partition_point(|f| f.end <= start);
        let to = found.partition_point(|f| f.start < end).max(from);
        for (f, gone) in found[from..to].iter().zip(&mut absorbed[from..to]) {
            if !*gone && soft(f.kind) && f.start < end && f.end > start {
                s.start = s.start.min(f.start);
                s.end = s.end.max(f.end);
                *gone = true;
            }
        }
    }
    let mut gone = absorbed.into_iter();
    found.retain(|_| !gone.next().unwrap_or(false));
    found.extend(
        spans
            .into_iter()
            .map(|s| finding(s.start, with_period(text, &s), s.kind, s.rule)),
    );
    found.sort_by_key(|f| f.start);
    family_firm::family_firms(text, written, &tokens, &mut found);
    counsel::counsel_lines(text, &mut found);
    contact_rows::contact_rows(text, &mut found);
    acronyms::acronyms(text, &tokens, &mut found);
    let covered: Vec<bool> = cover_of(&tokens, &found)
        .iter()
        .map(Option::is_some)
        .collect();
    let listed = continuation::continuations(text, &tokens, &found, &covered, l);
    if !listed.is_empty() {
        found.extend(listed);
        found.sort_by_key(|f| f.start);
    }
    // Before propagation (a name before a credential is linked to its other
    // mentions) and after it (a propagated name before one drops its code).
    credentials_after_names(text, &mut found);
    propagate(text, &tokens, &caps, &mut found, known);
    found.sort_by_key(|f| f.start);
    let ages = age_after_name::ages(text, &found, &tokens);
    found.extend(ages);
    credentials_after_names(text, &mut found);
    without_overlaps(found)
}

/// The end of the PERSON finding `f` written wholly in capitals, less the
/// words at its end that are safe vocabulary and neither a 1990 Census first
/// name nor a common name that is also a word (Baker, Lane), or function words
/// (LOPEZ WORKS FOR → LOPEZ, PRICE TODAY → PRICE); an organisation's head
/// ends no clause (VALLE VERDE POULTRY stays whole).
fn caps_name_end(text: &str, f: &Finding, l: &lists::Lists, arena: &mut String) -> usize {
    let written = f.text(text);
    if written.chars().any(char::is_lowercase) || !written.contains(' ') {
        return f.end;
    }
    let v = vocab::vocab();
    let words = tokens::tokenize(written, arena);
    let mut keep = words.len();
    while keep > 1 {
        let t = &words[keep - 1];
        // An organisation's head stays (VALLE VERDE POULTRY is left whole).
        let head = v.org_suffix.contains(t.folded) || v.org_heads_caseless.contains(t.folded);
        let clause = v.clause_words.contains(t.folded)
            || !head
                && position::is_safe(l, t.folded)
                && !l.is_first(t.folded)
                && !l.is_name_word(t.folded);
        if !clause || t.initial {
            break;
        }
        keep -= 1;
    }
    if keep == words.len() || keep == 0 {
        f.end
    } else {
        f.start + words[keep - 1].end
    }
}

/// Rule id of the named administrative area (`County of Kern`).
const ADMIN_OF: &str = "place.admin-of";

/// Rule id of a city and state code without a ZIP (`Fresno, CA`).
const CITY_STATE: &str = "address.city-state";

/// Whether the area `f` names is vocabulary: every word after its "of" is safe
/// and none is a place ("County of Residence", not "County of Orange").
fn label_of(text: &str, f: &Finding, l: &lists::Lists, arena: &mut String) -> bool {
    let written = f.text(text);
    let Some(at) = written.find(" of ").or_else(|| written.find(" OF ")) else {
        return false;
    };
    let words = tokens::tokenize(&written[at + 4..], arena);
    !words.is_empty()
        && words
            .iter()
            .all(|t| position::is_safe(l, t.folded) && !l.is_place(t.folded))
}

/// Rule id of a name before a credential (`Janet Kim, MD`).
const BEFORE_CREDENTIAL: &str = "person.before-credential";

/// Whether a state code is also a credential (MD, PA, DC, MS, MA, ND).
fn credential_code(code: &str) -> bool {
    matches!(code, "MD" | "PA" | "DC" | "MS" | "MA" | "ND")
}

/// Whether the "city" of a city and state code is a person's name: a first
/// name, then a surname, no place of the gazetteer (`Robert Lane`, not `Glen
/// Burnie`).
fn city_is_name(written: &str, l: &lists::Lists) -> bool {
    let words: Vec<String> = written.split_whitespace().map(lists::fold).collect();
    match words.as_slice() {
        [first, .., last] => {
            l.is_first(first)
                && l.is_last(last)
                && !l.is_place(&words.join(" "))
                && !l.is_place(last)
        }
        _ => false,
    }
}

/// State codes that are also credentials, after a person's name and a comma
/// ("Robert Lane, PA"): the code is the credential, not the state of an
/// address, so its STATE finding is dropped; a "city" of a first name and a
/// surname before one is that person.
fn credentials_after_names(text: &str, found: &mut Vec<Finding>) {
    let l = lists();
    found.sort_by_key(|f| f.start);
    let mut person_ends: std::collections::HashSet<usize> = std::collections::HashSet::new();
    for i in 0..found.len() {
        let f = &found[i];
        if f.kind == Kind::Person {
            person_ends.insert(f.end);
            continue;
        }
        let city = f.kind == Kind::Location
            && &*f.rule == CITY_STATE
            && found.get(i + 1).is_some_and(|s| {
                s.kind == Kind::State && s.start == f.end + 2 && credential_code(s.text(text))
            })
            && city_is_name(f.text(text), l);
        if city {
            let f = &mut found[i];
            f.kind = Kind::Person;
            f.rule = Arc::from(BEFORE_CREDENTIAL);
            person_ends.insert(f.end);
        }
    }
    if person_ends.is_empty() {
        return;
    }
    found.retain(|f| {
        let credential =
            f.kind == Kind::State && &*f.rule == CITY_STATE && credential_code(f.text(text));
        !(credential
            && f.start >= 2
            && text.get(f.start - 2..f.start) == Some(", ")
            && person_ends.contains(&(f.start - 2)))
    });
}

/// The end of an organisation closed by an abbreviated head, with its period
/// (`Fernandez Inc.`, `Acme Co.`); the end of any other span as it is.
fn with_period(text: &str, s: &Span) -> usize {
    let abbreviated = s.kind == Kind::Org
        && text[s.end..].starts_with('.')
        && text[s.start..s.end].rsplit(' ').next().is_some_and(|w| {
            matches!(
                w.to_ascii_lowercase().as_str(),
                "inc" | "co" | "corp" | "ltd" | "bros" | "assn" | "intl"
            )
        });
    s.end + usize::from(abbreviated)
}

/// Sorted by start; a finding that overlaps an earlier one is dropped (the
/// pattern rules resolve their own overlaps; this guards the merge).
fn without_overlaps(mut found: Vec<Finding>) -> Vec<Finding> {
    found.sort_by(|a, b| a.start.cmp(&b.start).then(b.end.cmp(&a.end)));
    let mut out: Vec<Finding> = Vec::with_capacity(found.len());
    for f in found {
        if out.last().is_none_or(|p| p.end <= f.start) {
            out.push(f);
        }
    }
    out
}

/// Per token: `None` when free, `Some(true)` when covered by a soft finding,
/// `Some(false)` when covered by any other finding (allow-list spans included).
fn cover_of(tokens: &[Token], found: &[Finding]) -> Vec<Option<bool>> {
    let mut j = 0;
    tokens
        .iter()
        .map(|t| {
            while j < found.len() && found[j].end <= t.start {
                j += 1;
            }
            found[j..]
                .iter()
                .take_while(|f| f.start < t.end)
                .find(|f| f.end > t.start)
                .map(|f| soft(f.kind))
        })
        .collect()
}

/// The words of a name that identify it: capitalized, not initials, not vocabulary.
fn name_words<'t, 'a>(text: &str, f: &Finding, tokens: &'t [Token<'a>]) -> Vec<&'t Token<'a>> {
    let l = lists();
    let _ = text;
    tokens[tokens_in(tokens, f.start, f.end)]
        .iter()
        .filter(|t| t.capitalized && !t.initial && !l.is_stop(t.folded))
        .collect()
}

/// Gives every PERSON finding a key that joins mentions of one person, then redacts
/// every other capitalized mention of a found name's words.
fn propagate(
    text: &str,
    tokens: &[Token],
    caps: &[bool],
    found: &mut Vec<Finding>,
    known: &mut KnownNames,
) {
    let l = lists();
    snap_to_words(tokens, found);
    // Full names: their key and which full names each word belongs to; where each
    // word is first mentioned, alone or in a full name. Names known from earlier
    // windows count as mentioned in full before this text.
    let mut owners: HashMap<String, Vec<String>> = HashMap::new();
    let mut first_alone: HashMap<String, usize> = HashMap::new();
    let mut first_full: HashMap<String, usize> = HashMap::new();
    for words in &known.names {
        let key = words.join(" ");
        for w in words {
            first_full.insert(w.clone(), 0);
            let owners = owners.entry(w.clone()).or_default();
            if !owners.contains(&key) {
                owners.push(key.clone());
            }
        }
    }
    for f in found.iter().filter(|f| f.kind == Kind::Person) {
        let words = name_words(text, f, tokens);
        let key = join_folded(&words);
        for t in &words {
            let firsts = if words.len() >= 2 {
                &mut first_full
            } else {
                &mut first_alone
            };
            firsts.entry(t.folded.to_string()).or_insert(f.start);
            let owners = owners.entry(t.folded.to_string()).or_default();
            if words.len() >= 2 && !owners.contains(&key) {
                owners.push(key.clone());
            }
        }
        if words.len() >= 2 {
            known.add(&words);
        }
    }
    // A lone word joins the one full name it belongs to, unless it was mentioned
    // alone before that name appeared (then it may be someone else: "Ms. Price" ...
    // "her daughter, Hope Price").
    let canon = grouping::canonical_keys(&owners);
    let canonical = |key: String| canon.get(&key).cloned().unwrap_or(key);
    for keys in owners.values_mut() {
        let mut joined: Vec<String> = Vec::with_capacity(keys.len());
        for k in keys.drain(..) {
            let k = canonical(k);
            if !joined.contains(&k) {
                joined.push(k);
            }
        }
        *keys = joined;
    }
    let key_of = |word: &str| -> String {
        match owners.get(word).map(Vec::as_slice) {
            Some([only])
                if first_alone
                    .get(word)
                    .is_none_or(|a| first_full.get(word).is_some_and(|f| f < a)) =>
            {
                only.clone()
            }
            _ => word.to_string(),
        }
    };
    // Other mentions of the same words, "Price, June" continuations and names after
    // a title on the next line ("Dr.\n\nWilson"). Name words that are also English
    // words (Walker, Rose) count only mid-sentence or before a possessive.
    let cover = cover_of(tokens, found);
    let person_ends: std::collections::HashSet<usize> = found
        .iter()
        .filter(|f| f.kind == Kind::Person)
        .map(|f| f.end)
        .collect();
    let mut added = Vec::new();
    for (i, t) in tokens.iter().enumerate() {
        if cover[i].is_some() || !t.capitalized || t.initial || t.folded.chars().count() < 2 {
            continue;
        }
        let after_person =
            i > 0 && cover[i - 1] == Some(false) && person_ends.contains(&tokens[i - 1].end);
        let continuation = after_person
            && l.is_first(t.folded)
            && text[tokens[i - 1].end..t.start].trim() == ","
            && text[t.end..]
                .trim_start_matches([' ', '\t', '.'])
                .starts_with(['\n', '\r']);
        let possessive = text[t.end..].starts_with(['\'', '’']);
        // "ROE, MARY" after "Mary Roe": a word and a comma before another word
        // of the same full name.
        let paired = text[t.end..].starts_with(", ")
            && tokens.get(i + 1).is_some_and(|n| {
                n.capitalized
                    && owners.get(n.folded).is_some_and(|theirs| {
                        owners
                            .get(t.folded)
                            .is_some_and(|mine| mine.iter().any(|k| theirs.contains(k)))
                    })
            });
        let wordlike = l.is_name_word(t.folded) || position::is_safe(l, t.folded);
        // In a line written in capitals case says nothing: a name that is also
        // a word (PAIN ROSE TO 8/10) counts only beside another word of a name.
        let beside = || {
            let name = |k: usize| {
                tokens.get(k).is_some_and(|n| {
                    owners.contains_key(n.folded)
                        && !l.is_name_word(n.folded)
                        && !position::is_safe(l, n.folded)
                })
            };
            i > 0 && text[tokens[i - 1].end..t.start] == *" " && name(i - 1)
                || tokens
                    .get(i + 1)
                    .is_some_and(|n| text[t.end..n.start] == *" ")
                    && name(i + 1)
        };
        let plain = if caps[i] {
            beside()
        } else {
            !sentence_start(text, t.start)
        };
        let known = owners.contains_key(t.folded)
            && !l.is_stop(t.folded)
            && (!wordlike || plain || possessive || paired);
        let titled = i > 0
            && !l.is_stop(t.folded)
            && matches!(tokens[i - 1].folded, "dr" | "mr" | "mrs" | "ms" | "mx")
            && text[tokens[i - 1].end..t.start].starts_with('.')
            && text[tokens[i - 1].end + 1..t.start]
                .chars()
                .all(char::is_whitespace);
        if known || continuation || titled {
            added.push(finding(
                t.start,
                t.end,
                Kind::Person,
                "person.same-document",
            ));
        }
    }
    found.extend(added);
    found.sort_by_key(|f| f.start);
    // Keys, before names grow to the left.
    for f in found.iter_mut().filter(|f| f.kind == Kind::Person) {
        let words = name_words(text, f, tokens);
        let key = match words.as_slice() {
            [] => continue,
            [one] => key_of(one.folded),
            many => canonical(join_folded(many)),
        };
        f.key = Some(Arc::from(key.as_str()));
    }
    // An initial or a first name just before a name belongs to it: "M. Gonzalez",
    // "June Price" (not "in June Price"); so do initials written together
    // ("L.R. Perez", "Y.D. MONDRAGÓN").
    let cover = cover_of(tokens, found);
    for f in found.iter_mut().filter(|f| f.kind == Kind::Person) {
        let mut i = tokens.partition_point(|t| t.start < f.start);
        if tokens.get(i).is_none_or(|t| t.start != f.start) {
            continue;
        }
        while i > 0
            && cover[i - 1].is_none()
            && tokens[i - 1].initial
            && matches!(&text[tokens[i - 1].end..f.start], "" | " ")
        {
            i -= 1;
            f.start = tokens[i].start;
        }
        if i == 0 || cover[i - 1].is_some() || tokens[i - 1].end + 1 != f.start {
            continue;
        }
        let prev = &tokens[i - 1];
        let date_word = i >= 2
            && matches!(
                tokens[i - 2].folded,
                "in" | "on"
                    | "since"
                    | "of"
                    | "until"
                    | "by"
                    | "during"
                    | "from"
                    | "to"
                    | "through"
                    | "before"
                    | "after"
                    | "last"
                    | "next"
                    | "early"
                    | "late"
                    | "mid"
            );
        if prev.initial
            || prev.capitalized && !prev.all_caps && l.is_first(prev.folded) && !date_word
        {
            f.start = prev.start;
        }
    }
}

/// PERSON findings that end or start inside a word grow to the whole word
/// ("Rose Martinez" of "Rose Martinez-O'Neil").
fn snap_to_words(tokens: &[Token], found: &mut [Finding]) {
    for f in found.iter_mut().filter(|f| f.kind == Kind::Person) {
        let range = tokens_in(tokens, f.start, f.end);
        if let Some(t) = tokens[range.clone()].last().filter(|t| f.end < t.end) {
            f.end = t.end;
        }
        if let Some(t) = tokens[range].first().filter(|t| t.start < f.start) {
            f.start = t.start;
        }
    }
}

/// The indices of the tokens that overlap `start..end` (tokens are sorted).
fn tokens_in(tokens: &[Token], start: usize, end: usize) -> std::ops::Range<usize> {
    let from = tokens.partition_point(|t| t.end <= start);
    let to = tokens.partition_point(|t| t.start < end);
    from..to.max(from)
}

fn join_folded(words: &[&Token]) -> String {
    words.iter().map(|t| t.folded).collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests;
