//! Lines written wholly in lower case carry no case: `call mr. ogunleye`, `lives at
//! 4484 mesquite drive in porterville, ca 93257`, `dx per youa c. hovhannisyan, d.o.`.
//! The patterns and the entity pass read capitals as the sign of a name, a place, a
//! title or a state code, so on such lines they would see nothing. Detection reads a
//! *truecased view* instead: the same text with the case those words have in ordinary
//! writing — names and places of the lexicons that are not safe vocabulary, titles and
//! the name after them, street names before a street type, state codes before a ZIP,
//! initials and credentials next to a name.
//!
//! The view has exactly the bytes of the original except for the case of some
//! letters (a letter is changed only when its other case has the same UTF-8 length),
//! so every span found on it is a span of the original and needs no map back.
//! Lines with any capital letter are left alone: there case still says something.

use crate::entities::lists::{fold, lists, Lists, WordHasher};
use crate::entities::{in_lexicon, is_safe, vocab::vocab};
use std::collections::HashSet;
use std::hash::BuildHasherDefault;
use std::sync::OnceLock;

/// A set of the view's own short word lists, hashed with [`WordHasher`] (looked up
/// for every word of every lower-case line; SipHash cost more than the lookups).
type WordSet<T> = HashSet<T, BuildHasherDefault<WordHasher>>;

/// The truecased view of `text`, or `None` when no line of it is written wholly in
/// lower case or nothing on those lines changes.
pub fn view(text: &str) -> Option<String> {
    if !text.bytes().any(|b| b.is_ascii_lowercase()) {
        return None;
    }
    let mut bytes: Option<Vec<u8>> = None;
    let mut line_start = 0;
    for line in text.split_inclusive('\n') {
        if is_lower_line(line) {
            let words = words(line, line_start);
            let edits = plan(text, &words);
            if !edits.is_empty() {
                let out = bytes.get_or_insert_with(|| text.as_bytes().to_vec());
                for edit in edits {
                    apply(text, out, edit);
                }
            }
        }
        line_start += line.len();
    }
    bytes.and_then(|b| String::from_utf8(b).ok())
}

/// Whether `line` is written in lower case: some letters, none of them capitals.
fn is_lower_line(line: &str) -> bool {
    let mut letters = 0;
    for c in line.chars() {
        if c.is_uppercase() {
            return false;
        }
        if c.is_alphabetic() {
            letters += 1;
        }
    }
    letters >= 2
}

/// One word or number of a line: letters and digits with inner apostrophes and
/// hyphens, with byte offsets into the whole text.
#[derive(Debug, Clone)]
struct Word {
    start: usize,
    end: usize,
    folded: String,
    alpha: bool,
    digits: bool,
}

fn words(line: &str, offset: usize) -> Vec<Word> {
    let mut out = Vec::new();
    let mut chars = line.char_indices().peekable();
    while let Some((start, c)) = chars.next() {
        if !c.is_alphanumeric() {
            continue;
        }
        let mut end = start + c.len_utf8();
        let mut last = c;
        while let Some(&(i, d)) = chars.peek() {
            // Apostrophes and hyphens join letters (o'donnell, tuilagi-mason),
            // not numbers (2014-may).
            let inner = matches!(d, '\'' | '’' | '-')
                && last.is_alphabetic()
                && line[i + d.len_utf8()..]
                    .chars()
                    .next()
                    .is_some_and(char::is_alphabetic);
            if d.is_alphanumeric() || inner {
                end = i + d.len_utf8();
                last = d;
                chars.next();
            } else {
                break;
            }
        }
        let s = &line[start..end];
        out.push(Word {
            start: offset + start,
            end: offset + end,
            folded: fold(s),
            alpha: s.chars().all(|c| !c.is_numeric()),
            digits: s.chars().all(|c| c.is_ascii_digit()),
        });
    }
    out
}

/// The text between word `i` and the next one (empty after the last word).
fn gap<'t>(text: &'t str, words: &[Word], i: usize) -> &'t str {
    &text[words[i].end..words.get(i + 1).map_or(words[i].end, |w| w.start)]
}

/// How one word changes in the view.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Edit {
    /// First letter (and the letter after a hyphen) in capitals: `Tuilagi-Mason`.
    Title(usize, usize),
    /// Every letter in capitals: `CA`, `RN`, `2B`.
    Upper(usize, usize),
}

/// The edits of one lower-case line.
fn plan(text: &str, words: &[Word]) -> Vec<Edit> {
    let l = lists();
    let sets = sets();
    let mut edits = Vec::new();
    let mut named = vec![false; words.len()];
    let gap = |i: usize| gap(text, words, i);
    let mut i = 0;
    while i < words.len() {
        let w = &words[i];
        let next = words.get(i + 1);
        // A place of the gazetteer, up to three words (san joaquin, can tho).
        if let Some(n) = place_run(l, text, words, i) {
            for (k, named_k) in named.iter_mut().enumerate().skip(i).take(n) {
                if !sets.connectors.contains(words[k].folded.as_str()) || k == i {
                    edits.push(Edit::Title(words[k].start, words[k].end));
                }
                *named_k = true;
            }
            i += n;
            continue;
        }
        // A month or weekday in a date: may 22, 2014; twenty-sixth of march;
        // thursday, february 7 (not `may return`, `march in`).
        if calendar_word(text, words, i) {
            edits.push(Edit::Title(w.start, w.end));
            i += 1;
            continue;
        }
        // A title, and the name after it: mr. ogunleye, ms. der bedrossian.
        if vocab().title_cues.contains(w.folded.as_str())
            && next.is_some_and(|n| n.alpha)
            && (w.folded != "miss" || next.is_some_and(|n| !is_safe(l, &n.folded)))
            && gap(i)
                .trim_start_matches('.')
                .chars()
                .all(|c| c == ' ' || c == '\t')
        {
            edits.push(Edit::Title(w.start, w.end));
            let mut k = i + 1;
            let mut taken = 0;
            while k < words.len() && taken < 3 && words[k].alpha {
                let f = words[k].folded.as_str();
                let particle = sets.connectors.contains(f)
                    && words.get(k + 1).is_some_and(|n| !is_safe(l, &n.folded));
                let name = taken == 0 || !is_safe(l, f);
                if particle {
                    k += 1;
                    continue;
                }
                if !name || taken > 0 && gap(k - 1).trim() != "" && gap(k - 1).trim() != "." {
                    break;
                }
                edits.push(Edit::Title(words[k].start, words[k].end));
                named[k] = true;
                taken += 1;
                if gap(k).trim() != "" {
                    break;
                }
                k += 1;
            }
            i = k.max(i + 1);
            continue;
        }
        // A street: number, up to three words, a street type (4484 mesquite drive).
        if w.digits && w.end - w.start <= 6 {
            if let Some(n) = street_run(text, words, i, sets) {
                for word in &words[i + 1..=i + n] {
                    if word.alpha && !sets.connectors.contains(word.folded.as_str()) {
                        let one_letter = word.end - word.start == 1;
                        edits.push(
                            if one_letter || sets.directions.contains(word.folded.as_str()) {
                                Edit::Upper(word.start, word.end)
                            } else {
                                Edit::Title(word.start, word.end)
                            },
                        );
                    }
                }
                i += n + 1;
                continue;
            }
        }
        // A street type first (via hawthorne 2383, calle sombra).
        if sets.street_first.contains(w.folded.as_str())
            && next.is_some_and(|n| n.alpha && !is_safe(l, &n.folded) || in_lexicon(l, &n.folded))
        {
            edits.push(Edit::Title(w.start, w.end));
            let mut k = i + 1;
            while k < words.len() && k <= i + 3 && words[k].alpha && gap(k - 1).trim().is_empty() {
                if !sets.connectors.contains(words[k].folded.as_str()) {
                    edits.push(Edit::Title(words[k].start, words[k].end));
                }
                k += 1;
            }
            i = k;
            continue;
        }
        // A unit after an address: apt 2b, ste 17, lot 20.
        if sets.units.contains(w.folded.as_str())
            && next.is_some_and(|n| n.folded.starts_with(|c: char| c.is_ascii_digit()))
            && i > 0
            && words[i - 1].end + 3 > w.start
        {
            edits.push(Edit::Title(w.start, w.end));
            edits.push(Edit::Upper(words[i + 1].start, words[i + 1].end));
            i += 2;
            continue;
        }
        // A state code before a ZIP code (ca 94860), a state abbreviation (calif.).
        if w.end - w.start == 2
            && sets.state_codes.contains(w.folded.as_str())
            && next.is_some_and(|n| n.digits && n.end - n.start == 5)
        {
            edits.push(Edit::Upper(w.start, w.end));
            i += 1;
            continue;
        }
        if sets.state_abbrevs.contains(w.folded.as_str()) && gap(i).starts_with('.') {
            edits.push(Edit::Title(w.start, w.end));
            i += 1;
            continue;
        }
        // A code of letters and at least four digits (adj9985508, m23568516): in
        // capitals, as identifiers are written.
        if !w.alpha
            && w.folded.starts_with(|c: char| c.is_ascii_alphabetic())
            && w.folded.bytes().filter(u8::is_ascii_digit).count() >= 4
        {
            edits.push(Edit::Upper(w.start, w.end));
            i += 1;
            continue;
        }
        i += 1;
    }
    names_by_company(text, words, &mut named, &mut edits);
    // Initials and credentials next to a name: youa c. hovhannisyan, tapia, cna.
    for (i, w) in words.iter().enumerate() {
        let len = w.end - w.start;
        let named_near = |k: Option<usize>| k.and_then(|k| named.get(k)).copied().unwrap_or(false);
        if len == 1
            && w.alpha
            && gap(i).starts_with('.')
            && (named_near(Some(i + 1)) || i > 0 && named_near(Some(i - 1)))
        {
            edits.push(Edit::Upper(w.start, w.end));
        }
        let before = i.checked_sub(1);
        if sets.credentials.contains(w.folded.as_str())
            && before.is_some_and(|b| named[b] && matches!(gap(b).trim(), "," | ""))
        {
            edits.push(Edit::Upper(w.start, w.end));
        }
    }
    edits
}

/// Names of the lexicons that are not words (ogunleye, maricela, dhaliwal), where
/// something besides the lexicon says a person is named — in lower case nothing
/// else does: another such name or an initial beside it (`maricela dhaliwal`,
/// `c. sissoko`, `dhaliwal, fernando`), a role or cue word before it (`per`,
/// `interpreter`, `wife`), a credential after it (`tapia, cna`). A lone lexicon
/// word (`maximus federal services`, `rel to client`, `on ra`) stays as written.
fn names_by_company(text: &str, words: &[Word], named: &mut [bool], edits: &mut Vec<Edit>) {
    let l = lists();
    let sets = sets();
    let gap = |i: usize| gap(text, words, i);
    let abbreviation = |f: &str| sets.abbreviations.contains(f);
    let candidate: Vec<bool> = words
        .iter()
        .map(|w| {
            let f = w.folded.as_str();
            w.alpha
                && w.end - w.start >= 2
                && !sets.credentials.contains(f)
                && in_lexicon(l, f)
                && !is_safe(l, f)
                && (!f.contains('-') || f.split('-').all(|p| !is_safe(l, p)))
        })
        .collect();
    let initial =
        |k: usize| words[k].alpha && words[k].end - words[k].start == 1 && gap(k).starts_with('.');
    for i in 0..words.len() {
        if !candidate[i] || named[i] {
            continue;
        }
        let joined = |a: usize| matches!(gap(a), " " | ", " | ".  " | ". ");
        // A clinical abbreviation that is also a name (ana, al, ed) needs a
        // stronger neighbour than another such word.
        let strong = |k: usize| candidate[k] && !abbreviation(&words[k].folded) || named[k];
        let prev = i.checked_sub(1);
        let beside = prev.is_some_and(|p| joined(p) && (strong(p) || initial(p)))
            || words
                .get(i + 1)
                .is_some_and(|_| joined(i) && !gap(i).starts_with('.') && strong(i + 1));
        // A role before a name (interpreter, wife, sw), not a label (`rn: mae x4`);
        // a cue word, also as a label (`nombre: maricela`).
        let cue = !abbreviation(&words[i].folded)
            && prev.is_some_and(|p| {
                let f = words[p].folded.as_str();
                let between = gap(p);
                vocab().role_cues.contains(f) && matches!(between, " " | ". ")
                    || sets.name_cues.contains(f)
                        && between.trim_start_matches([':', '.']).trim().is_empty()
            });
        let credential = words.get(i + 1).is_some_and(|n| {
            sets.credentials.contains(n.folded.as_str()) && matches!(gap(i).trim(), "," | "")
        });
        if !abbreviation(&words[i].folded) || beside || cue || credential {
            edits.push(Edit::Title(words[i].start, words[i].end));
            named[i] = true;
        }
    }
}

const MONTHS: &[&str] = &[
    "january",
    "jan",
    "february",
    "feb",
    "march",
    "mar",
    "april",
    "apr",
    "may",
    "june",
    "jun",
    "july",
    "jul",
    "august",
    "aug",
    "september",
    "sept",
    "sep",
    "october",
    "oct",
    "november",
    "nov",
    "december",
    "dec",
];
const WEEKDAYS: &[&str] = &[
    "monday",
    "mon",
    "tuesday",
    "tues",
    "tue",
    "wednesday",
    "wed",
    "thursday",
    "thurs",
    "thu",
    "friday",
    "fri",
    "saturday",
    "sat",
    "sunday",
    "sun",
];
const ORDINALS: &[&str] = &[
    "first",
    "second",
    "third",
    "fourth",
    "fifth",
    "sixth",
    "seventh",
    "eighth",
    "ninth",
    "tenth",
    "eleventh",
    "twelfth",
    "thirteenth",
    "fourteenth",
    "fifteenth",
    "sixteenth",
    "seventeenth",
    "eighteenth",
    "nineteenth",
    "twentieth",
    "thirtieth",
];

/// Whether `folded` is a day of the month: 18, 18th, fifth, twenty-fourth.
fn is_day(folded: &str) -> bool {
    let digits = folded.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    let suffix = &folded[digits.len()..];
    let numeric = !digits.is_empty()
        && digits.len() <= 2
        && digits.bytes().all(|b| b.is_ascii_digit())
        && matches!(suffix, "" | "st" | "nd" | "rd" | "th");
    let last = folded.rsplit('-').next().unwrap_or(folded);
    numeric || ORDINALS.contains(&last)
}

/// Whether word `i` is a month or weekday of a date: a month
/// before a day or a year (`may 22`, `dec 2019`) or after `DAY of`; a weekday
/// before a month, a day or `the`.
fn calendar_word(text: &str, words: &[Word], i: usize) -> bool {
    let w = &words[i];
    let f = w.folded.as_str();
    let next = words.get(i + 1);
    let spaced = next.is_some()
        && gap(text, words, i)
            .chars()
            .all(|c| matches!(c, ' ' | '\t' | '.' | ','));
    let year = |n: &Word| n.digits && n.end - n.start == 4;
    if MONTHS.contains(&f) {
        let before_day = spaced && next.is_some_and(|n| is_day(&n.folded) || year(n));
        let after_of = i >= 2 && words[i - 1].folded == "of" && is_day(&words[i - 2].folded);
        return before_day || after_of;
    }
    WEEKDAYS.contains(&f)
        && spaced
        && next.is_some_and(|n| {
            MONTHS.contains(&n.folded.as_str()) || is_day(&n.folded) || n.folded == "the"
        })
}

/// Words of a gazetteer place starting at `i` (longest first, two or three words,
/// or one word that is no safe word), or `None`.
fn place_run(l: &Lists, text: &str, words: &[Word], i: usize) -> Option<usize> {
    if !words[i].alpha {
        return None;
    }
    for n in [3, 2] {
        if i + n > words.len()
            || (i..i + n - 1).any(|k| gap(text, words, k) != " " || !words[k + 1].alpha)
        {
            continue;
        }
        let joined = words[i..i + n]
            .iter()
            .map(|w| w.folded.as_str())
            .collect::<Vec<_>>()
            .join(" ");
        if l.is_place(&joined) || sets().states.contains(joined.as_str()) {
            return Some(n);
        }
    }
    let one = words[i].folded.as_str();
    // A state's name is always a place (the stop list holds them as "never a name").
    let state = sets().states.contains(one);
    let place = l.is_place(one) && !is_safe(l, one) && !l.is_place_word(one);
    ((state || place) && words[i].end - words[i].start >= 3).then_some(1)
}

/// How many words after the number at `i` make a street (name words and the street
/// type, a direction first), or `None`.
fn street_run(text: &str, words: &[Word], i: usize, sets: &Sets) -> Option<usize> {
    // Only spaces (and a direction's period) between the words of a street.
    let spaced = |k: usize| {
        gap(text, words, k)
            .trim_start_matches('.')
            .chars()
            .all(|c| c == ' ' || c == '\t')
    };
    let mut k = i + 1;
    if words
        .get(k)
        .is_some_and(|w| sets.directions.contains(w.folded.as_str()))
    {
        k += 1;
    }
    let first = k;
    while k < words.len() && k < first + 4 {
        let w = &words[k];
        if !w.alpha || sets.function_words.contains(w.folded.as_str()) || !spaced(k - 1) {
            return None;
        }
        if k > first && sets.street_types.contains(w.folded.as_str()) {
            return Some(k - i);
        }
        k += 1;
    }
    None
}

fn apply(text: &str, out: &mut [u8], edit: Edit) {
    let (start, end, all) = match edit {
        Edit::Title(s, e) => (s, e, false),
        Edit::Upper(s, e) => (s, e, true),
    };
    let mut first = true;
    for (i, c) in text[start..end].char_indices() {
        let at = start + i;
        if all || first {
            set_upper(out, at, c);
        }
        first = matches!(c, '-');
    }
}

/// Writes the capital of `c` at `at` when it has one of the same length.
fn set_upper(out: &mut [u8], at: usize, c: char) {
    let mut up = c.to_uppercase();
    let (Some(u), None) = (up.next(), up.next()) else {
        return;
    };
    if u.len_utf8() == c.len_utf8() {
        u.encode_utf8(&mut out[at..at + c.len_utf8()]);
    }
}

/// The small closed vocabularies of the view.
struct Sets {
    connectors: WordSet<&'static str>,
    street_types: WordSet<&'static str>,
    street_first: WordSet<&'static str>,
    directions: WordSet<&'static str>,
    units: WordSet<&'static str>,
    state_codes: WordSet<&'static str>,
    state_abbrevs: WordSet<&'static str>,
    states: WordSet<String>,
    credentials: WordSet<&'static str>,
    name_cues: WordSet<&'static str>,
    function_words: WordSet<&'static str>,
    abbreviations: WordSet<&'static str>,
}

fn sets() -> &'static Sets {
    static SETS: OnceLock<Sets> = OnceLock::new();
    SETS.get_or_init(|| {
        let set = |words: &[&'static str]| words.iter().copied().collect::<WordSet<_>>();
        Sets {
            connectors: set(&[
                "de", "del", "la", "las", "los", "van", "von", "der", "den", "da", "di", "du",
                "le", "el", "y",
            ]),
            street_types: set(&[
                "street",
                "st",
                "avenue",
                "ave",
                "road",
                "rd",
                "drive",
                "dr",
                "boulevard",
                "blvd",
                "lane",
                "ln",
                "way",
                "court",
                "ct",
                "place",
                "pl",
                "circle",
                "cir",
                "parkway",
                "pkwy",
                "highway",
                "hwy",
                "terrace",
                "ter",
                "trail",
                "trl",
                "square",
                "sq",
                "loop",
                "alley",
                "plaza",
                "row",
                "path",
                "pike",
            ]),
            street_first: set(&[
                "calle",
                "avenida",
                "avda",
                "camino",
                "via",
                "vía",
                "paseo",
                "rua",
                "carrera",
                "calzada",
                "privada",
                "cerrada",
                "callejón",
                "alameda",
                "carretera",
            ]),
            directions: set(&[
                "n", "s", "e", "w", "ne", "nw", "se", "sw", "north", "south", "east", "west",
            ]),
            units: set(&[
                "apt",
                "apartment",
                "ste",
                "suite",
                "unit",
                "lot",
                "space",
                "spc",
                "bldg",
                "rm",
                "room",
            ]),
            state_codes: set(&[
                "ak", "al", "ar", "az", "ca", "co", "ct", "dc", "de", "fl", "ga", "gu", "hi", "ia",
                "id", "il", "in", "ks", "ky", "la", "ma", "md", "me", "mi", "mn", "mo", "ms", "mt",
                "nc", "nd", "ne", "nh", "nj", "nm", "nv", "ny", "oh", "ok", "or", "pa", "pr", "ri",
                "sc", "sd", "tn", "tx", "ut", "va", "vi", "vt", "wa", "wi", "wv", "wy",
            ]),
            state_abbrevs: set(&[
                "calif", "ariz", "colo", "conn", "fla", "mich", "minn", "nev", "okla", "tenn",
                "tex", "wash",
            ]),
            states: include_str!("../patterns/words/us-states.txt")
                .lines()
                .map(str::trim)
                .filter(|s| !s.is_empty() && !s.starts_with('#'))
                .map(fold)
                .collect(),
            credentials: set(&[
                "rn", "lvn", "lpn", "cna", "rt", "rrt", "md", "do", "np", "pa", "pt", "ot", "lcsw",
                "msw", "phd", "crna", "dds", "dc", "aprn", "fnp", "dpt", "psyd", "esq",
            ]),
            abbreviations: include_str!("../patterns/words/clinical-abbreviations.txt")
                .lines()
                .chain(include_str!("../patterns/words/nursing-abbreviations.txt").lines())
                .filter(|l| !l.is_empty() && !l.starts_with('#'))
                .collect(),
            function_words: set(&[
                "the", "a", "an", "of", "to", "in", "at", "for", "on", "with", "and", "or", "by",
                "from",
            ]),
            name_cues: set(&[
                "per", "by", "attn", "cc", "dear", "signed", "nombre", "name",
            ]),
        }
    })
}

#[cfg(test)]
mod tests {
    use super::view;

    fn v(text: &str) -> String {
        view(text).unwrap_or_else(|| text.to_string())
    }

    #[test]
    fn names_titles_and_places_get_their_case() {
        assert_eq!(v("call mr. ogunleye at home"), "call Mr. Ogunleye at home");
        assert_eq!(
            v("he lives at 4484 mesquite drive in porterville, ca 93257."),
            "he lives at 4484 Mesquite Drive in Porterville, CA 93257."
        );
        assert_eq!(
            v("dx per youa c. hovhannisyan, do"),
            "dx per Youa C. Hovhannisyan, DO"
        );
        assert_eq!(v("born in can tho, vietnam"), "born in Can Tho, Vietnam");
        assert_eq!(v("via hawthorne 2383"), "Via Hawthorne 2383");
        assert_eq!(v("apt 2b"), "apt 2b");
        assert_eq!(
            v("case no. adj9985508, mrn m23568516 at 0705h"),
            "case no. ADJ9985508, mrn M23568516 at 0705h"
        );
        assert_eq!(
            v("spo2 97% on ra, t10 tender, a&ox3"),
            "spo2 97% on ra, t10 tender, a&ox3"
        );
        assert_eq!(
            v("the patient lives in california."),
            "the patient lives in California."
        );
        assert_eq!(
            v("on may 22, 2014-may 28, 2014"),
            "on May 22, 2014-May 28, 2014"
        );
        assert_eq!(
            v("the twenty-sixth of march, 2017"),
            "the twenty-sixth of March, 2017"
        );
        assert_eq!(
            v("on thursday, february 7, 2013"),
            "on Thursday, February 7, 2013"
        );
        assert_eq!(
            v("follow up on friday the seventh"),
            "follow up on Friday the seventh"
        );
        assert_eq!(v("e. tapia, cna"), "E. Tapia, CNA");
        assert_eq!(v("nombre: maricela dhaliwal"), "nombre: Maricela Dhaliwal");
        assert_eq!(v("12/26/19 0705h md: mae x4"), "12/26/19 0705h md: mae x4");
        assert_eq!(v("2/6/23 1130 rn: mae x4"), "2/6/23 1130 rn: mae x4");
        assert_eq!(v("nombre\trel to client"), "nombre\trel to client");
        assert_eq!(
            v("interpreter ogunleye present"),
            "interpreter Ogunleye present"
        );
    }

    #[test]
    fn words_and_clinical_shorthand_stay() {
        for line in [
            "vss. ngt to lcs. pain 6/10 at rest. mae x4. spo2 97% on ra.",
            "name | rel to client | yrs",
            "positive at 30 seconds. the trial court found",
            "swan-ganz catheter in place",
            "pt will rest and miss work; may return in march.",
            "the patient is in pain and lives in fear",
            "pt on unit, d/c home w/ partner. a&ox3.",
        ] {
            assert_eq!(v(line), line);
        }
    }

    #[test]
    fn lines_with_capitals_and_other_scripts_are_untouched() {
        assert!(view("Call mr. ogunleye").is_none());
        assert!(view("PAIN 6/10").is_none());
        let mixed = "ms. ñuñez\nΣ";
        assert_eq!(v(mixed).len(), mixed.len());
    }
}
