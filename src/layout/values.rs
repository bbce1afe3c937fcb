//! Bounds of a field value: which part of the text after a label is the value of
//! that label's kind, and which values say nothing (`N/A`, `unknown`, `—`).
//!
//! A value ends at the field separator, the end of the line or the next label
//! (the caller cuts there). Inside that, prose is cut off at the first sign of a
//! sentence ("(", ";", " - ", a lower-case function word, a pronoun), and each
//! kind keeps at most a few words: a name is a name-shaped run, an age its number.

use crate::kind::Kind;
use crate::label_lexicon::Shape;

/// Values that say nothing, compared lower case without a final period.
const NOTHING: &[&str] = &[
    "n/a",
    "na",
    "n.a",
    "none",
    "none known",
    "nil",
    "null",
    "unknown",
    "unk",
    "not known",
    "not applicable",
    "not available",
    "not provided",
    "not given",
    "not stated",
    "not listed",
    "not reported",
    "none reported",
    "see above",
    "see below",
    "see attached",
    "same",
    "same as above",
    "as above",
    "blank",
    "pending",
    "tbd",
    "yes",
    "no",
    "y",
    "n",
    "self",
    "declined",
    "refused",
    "redacted",
    "[redacted]",
    "withheld",
    "other",
    "various",
    "multiple",
    "homeless",
    "unhoused",
    "unemployed",
    "not employed",
    "self-employed",
    "self employed",
    "retired",
    "disabled",
    "none listed",
    "no employer",
    "not working",
    "mx",
];

/// Lower-case words that only prose has: a value stops before them.
const FUNCTION: &[&str] = &[
    "the", "a", "an", "is", "was", "were", "are", "be", "been", "being", "to", "for", "with",
    "who", "whom", "which", "that", "this", "these", "those", "has", "had", "have", "per", "as",
    "on", "at", "by", "from", "in", "into", "but", "not", "will", "would", "could", "should",
    "may", "can", "did", "does", "do", "when", "where", "while", "if", "because", "since", "after",
    "before", "reports", "reported", "states", "stated", "said",
];

/// Pronouns, in any case, end a value too.
const PRONOUNS: &[&str] = &[
    "she", "he", "they", "his", "her", "their", "it", "its", "him", "them", "we", "i",
];

/// Titles before a name, left out of it.
const TITLES: &[&str] = &[
    "dr", "dr.", "mr", "mr.", "mrs", "mrs.", "ms", "ms.", "mx", "mx.", "miss", "prof", "prof.",
    "hon", "hon.", "sr", "sr.", "sra", "sra.",
];

/// Credentials after a name ("ANNA K. BERG, RRT"): the name ends before them.
pub const CREDENTIALS: &[&str] = &[
    "md", "m.d.", "do", "d.o.", "rn", "r.n.", "np", "lvn", "lpn", "rrt", "crt", "pa", "pa-c",
    "phd", "ph.d.", "psyd", "psy.d.", "lcsw", "msw", "lmft", "mft", "lpc", "bsn", "msn", "dnp",
    "facs", "faaos", "dc", "d.c.", "pt", "dpt", "ot", "otr", "otr/l", "esq", "esq.", "jr", "jr.",
    "sr", "ii", "iii", "iv", "cpa", "cfe", "ccm", "crc", "qme", "ame", "mph", "mba", "ma", "ms",
    "bs", "ba", "dds", "dmd", "od", "pharmd", "rph", "cna", "ma-c", "lac", "l.ac.", "cns", "aprn",
];

/// Suffixes that are part of a name ("Pedro Perez Sr"), unless a comma sets
/// them apart like a credential.
const SUFFIXES: &[&str] = &["jr", "sr", "ii", "iii", "iv"];

/// Words of time, place and manner that follow a name in a sentence ("Seen by
/// Maria Lopez today", "Met with Ana Ruiz again") and are part of no name.
const AFTER_NAME: &[&str] = &[
    "today",
    "yesterday",
    "tomorrow",
    "tonight",
    "now",
    "again",
    "also",
    "here",
    "there",
    "too",
    "alone",
    "then",
    "when",
    "while",
    "who",
    "via",
    "regarding",
    "twice",
    "once",
    "briefly",
];

/// Name particles that may sit inside a name in lower case.
const PARTICLES: &[&str] = &[
    "de", "del", "la", "las", "los", "van", "von", "der", "den", "da", "di", "du", "le", "bin",
    "ibn", "al", "el", "y", "st", "st.",
];

/// Whether `value` (trimmed) says nothing: blank, a nothing word, dashes,
/// underscores, or only placeholders (`[PERSON-1]`) and punctuation.
pub fn says_nothing(value: &str) -> bool {
    let v = value.trim().trim_end_matches('.').trim();
    if v.is_empty() || !v.chars().any(char::is_alphanumeric) {
        return true;
    }
    let lower = v.to_lowercase();
    if NOTHING.contains(&lower.as_str()) {
        return true;
    }
    only_placeholders(v)
}

/// Whether `s` holds nothing but placeholders, spaces and punctuation.
fn only_placeholders(s: &str) -> bool {
    let mut rest = s;
    loop {
        rest = rest.trim_start_matches(|c: char| !c.is_alphanumeric() && c != '[');
        if rest.is_empty() {
            return true;
        }
        match placeholder_len(rest) {
            Some(n) => rest = &rest[n..],
            None => return false,
        }
    }
}

/// Length of a placeholder (`[PERSON-1]`, `[APPLICANT]`) at the start of `s`.
pub fn placeholder_len(s: &str) -> Option<usize> {
    let inner = s.strip_prefix('[')?;
    let close = inner.find(']')?;
    let body = &inner[..close];
    (!body.is_empty()
        && body.starts_with(|c: char| c.is_ascii_uppercase())
        && body
            .chars()
            .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '-'))
    .then_some(close + 2)
}

/// One whitespace-separated word of a value.
#[derive(Debug, Clone, Copy)]
struct Word<'a> {
    start: usize,
    end: usize,
    text: &'a str,
}

fn words(text: &str, start: usize, end: usize) -> Vec<Word<'_>> {
    let mut out = Vec::new();
    let mut i = start;
    for piece in text[start..end].split([' ', '\t']) {
        if !piece.is_empty() {
            out.push(Word {
                start: i,
                end: i + piece.len(),
                text: piece,
            });
        }
        i += piece.len() + 1;
    }
    out
}

/// The span of the value of kind `kind` in `text[start..end]` (the text after a
/// label, up to the separator or the next label), or `None` when it says nothing.
pub fn bound(
    text: &str,
    start: usize,
    end: usize,
    kind: Kind,
    shape: Shape,
) -> Option<(usize, usize)> {
    if kind == Kind::Allow {
        return None;
    }
    // A lone letter is an initial here even when it also says "yes" or "no" (Y, N).
    if shape == Shape::Initial {
        if let Some(span) = lone_letter(&words(text, start, end)) {
            return Some(span);
        }
    }
    if says_nothing(&text[start..end]) {
        return None;
    }
    let cut = prose_cut(text, start, end, kind);
    let prose = text[cut..end].chars().any(char::is_alphanumeric);
    let end = cut;
    let all = words(text, start, end);
    if all.is_empty() {
        return None;
    }
    let (s, e) = match (kind, shape) {
        (_, Shape::Name | Shape::StrictName | Shape::Initial) | (Kind::Person, _) => name_run(
            text,
            &all,
            kind == Kind::Org,
            shape == Shape::StrictName,
            prose,
        )?,
        (Kind::Org, _) => org_run(&all)?,
        (Kind::Age, _) => age(&all),
        (Kind::Email, _) => (all[0].start, all[0].end),
        (Kind::Gender, _) => first_words(&all, 2),
        (Kind::Date, _) => date_run(&all)?,
        (Kind::Phone | Kind::Ssn | Kind::Id | Kind::Zip, _) => first_words(&all, 5),
        (Kind::Location, _) => first_words(&all, 12),
        _ => first_words(&all, 5),
    };
    let (s, e) = trim_value(text, s, e);
    let v = &text[s..e];
    let shaped = match kind {
        _ if shape == Shape::Unit => {
            v.contains(|c: char| c.is_ascii_digit())
                || (v.len() <= 3 && v.chars().all(char::is_alphanumeric))
        }
        Kind::Id | Kind::Ssn | Kind::Phone | Kind::Zip => v.contains(|c: char| c.is_ascii_digit()),
        Kind::Date => v.contains(|c: char| c.is_ascii_digit()) || has_month(v),
        _ => true,
    };
    (s < e && shaped && !says_nothing(v)).then_some((s, e))
}

/// The span of a value that says nothing (`N/A`, `NONE`, `declined`, `None
/// reported`), up to where prose starts: nothing in it is an identifier, so no
/// rule may redact it. `None` when the value says something, or has no letter
/// or digit at all (a blank or a dash needs no keeping).
pub fn nothing_span(text: &str, start: usize, end: usize, kind: Kind) -> Option<(usize, usize)> {
    if kind == Kind::Allow {
        return None;
    }
    let cut = prose_cut(text, start, end, kind);
    let (s, e) = trim_value(text, start, cut);
    let v = &text[s..e];
    (s < e && v.chars().any(char::is_alphanumeric) && says_nothing(v)).then_some((s, e))
}

/// A form's tick box at the start of `s`: its length and whether it is ticked
/// (`[X]`, `(x)`, `[✓]`, `☒`, `☑`; `[ ]`, `( )`, `☐`, `□` are not).
fn tick_box(s: &str) -> Option<(usize, bool)> {
    let b = s.as_bytes();
    match *b.first()? {
        open @ (b'[' | b'(') => {
            let close = if open == b'[' { ']' } else { ')' };
            let inner = &s[1..];
            let mut chars = inner.char_indices();
            let (_, c) = chars.next()?;
            let (i, after) = chars.next()?;
            if after != close {
                // `[ ]` written with no space: `[]`.
                return (c == close).then_some((2, false));
            }
            let ticked = matches!(c, 'X' | 'x' | '✓' | '✔' | '*' | '/');
            (ticked || c == ' ' || c == '_').then_some((1 + i + 1, ticked))
        }
        0xE2 => {
            let c = s.chars().next()?;
            match c {
                '☒' | '☑' | '■' | '✓' | '✔' => Some((c.len_utf8(), true)),
                '☐' | '□' => Some((c.len_utf8(), false)),
                _ => None,
            }
        }
        _ => None,
    }
}

/// The ticked options of a value written with tick boxes (`[ ] Male [X]
/// Female`, `M [x]`, `(X) Spanish ( ) English`), pushed to `out`: the text
/// after each ticked box up to the next box when the value opens with a box,
/// else the text before it back to the box before. Whether the value holds a box at all (then an
/// option left unticked says nothing, and `out` may stay empty).
pub fn ticked_options(text: &str, start: usize, end: usize, out: &mut Vec<(usize, usize)>) -> bool {
    let v = &text[start..end];
    // A byte check first: most values hold no box.
    if !v.bytes().any(|b| matches!(b, b'[' | b'(' | 0xE2)) {
        return false;
    }
    // (start, end, ticked) of every box.
    let mut boxes: Vec<(usize, usize, bool)> = Vec::new();
    let mut i = 0;
    while i < v.len() {
        if v.is_char_boundary(i) {
            if let Some((len, ticked)) = tick_box(&v[i..]) {
                boxes.push((i, i + len, ticked));
                i += len;
                continue;
            }
        }
        i += 1;
    }
    if boxes.is_empty() {
        return false;
    }
    let trimmed = |s: usize, e: usize| {
        let t = &v[s..e];
        let lead = t.len() - t.trim_start().len();
        let t = t.trim();
        (start + s + lead, start + s + lead + t.len())
    };
    // A value that opens with a box writes each option after its box
    // (`[X] Male [ ] Female`); else each before it (`M [x] F [ ]`).
    let leading = v.len() - v.trim_start().len() == boxes[0].0;
    for (k, &(s, e, ticked)) in boxes.iter().enumerate() {
        if !ticked {
            continue;
        }
        let option = if leading {
            trimmed(e, boxes.get(k + 1).map_or(v.len(), |b| b.0))
        } else {
            trimmed(k.checked_sub(1).map_or(0, |p| boxes[p].1), s)
        };
        if option.0 < option.1 {
            out.push(option);
        }
    }
    true
}

/// The number a measurement label gives (`128/76`, `98%`, `6/10`, `98.6`):
/// the first word of the value, without trailing punctuation, if it holds a
/// digit.
pub fn measurement_span(text: &str, start: usize, end: usize) -> Option<(usize, usize)> {
    let value = &text[start..end];
    let lead = value.len() - value.trim_start().len();
    let rest = &value[lead..];
    let word = rest.split(char::is_whitespace).next().unwrap_or("");
    let word = word.trim_end_matches([',', ';', '.', ':', ')']);
    let s = start + lead;
    (word.contains(|c: char| c.is_ascii_digit())).then_some((s, s + word.len()))
}

/// Where prose starts in `text[start..end]`: at "(", ";", " - ", a function
/// word or a pronoun (the value ends before it).
fn prose_cut(text: &str, start: usize, end: usize, kind: Kind) -> usize {
    let value = &text[start..end];
    let mut cut = value.len();
    for (i, c) in value.char_indices() {
        let hit = match c {
            '(' => i > 0 && kind != Kind::Phone,
            ';' | '{' => true,
            '[' => placeholder_len(&value[i..]).is_none(),
            '-' | '–' | '—' => {
                value[..i].ends_with(' ') && value[i + c.len_utf8()..].starts_with(' ')
            }
            _ => false,
        };
        if hit {
            cut = i;
            break;
        }
    }
    for w in words(text, start, start + cut) {
        let bare = w.text.trim_end_matches([',', '.', ':']);
        let lower = bare.to_lowercase();
        let lower_case = bare.starts_with(|c: char| c.is_lowercase());
        if (lower_case && FUNCTION.contains(&lower.as_str())) || PRONOUNS.contains(&lower.as_str())
        {
            cut = w.start - start;
            break;
        }
    }
    start + cut
}

/// Whether `v` names a month ("June", "Sept.").
fn has_month(v: &str) -> bool {
    v.split(|c: char| !c.is_alphabetic())
        .any(|w| crate::validate::month_from_name(w).is_some())
}

/// A date: the leading words that hold a digit or name a month ("June 18,
/// 2002", "03/14/1986"), at most five.
fn date_run(all: &[Word]) -> Option<(usize, usize)> {
    let mut end = None;
    for w in all.iter().take(5) {
        let t = w.text.trim_end_matches([',', '.']);
        if !(t.contains(|c: char| c.is_ascii_digit())
            || crate::validate::month_from_name(t).is_some())
        {
            break;
        }
        end = Some(w.end);
    }
    end.map(|e| (all[0].start, e))
}

fn first_words(all: &[Word], n: usize) -> (usize, usize) {
    let last = &all[all.len().min(n) - 1];
    (all[0].start, last.end)
}

/// An age: the leading number and its unit ("7", "46 years", "18 mos"), or a
/// short value written in words.
fn age(all: &[Word]) -> (usize, usize) {
    let first = &all[0];
    // A placeholder stands where the number stood: what follows it in the word
    // ("[AGE-1]°F", from "0°F") is the unit the number left, as on the first pass.
    if let Some(n) = placeholder_len(first.text) {
        return (first.start, first.start + n);
    }
    if first.text.starts_with(|c: char| c.is_ascii_digit()) {
        let digits = first
            .text
            .find(|c: char| !c.is_ascii_digit() && c != '.')
            .unwrap_or(first.text.len());
        let unit = all.get(1).filter(|w| {
            let l = w.text.trim_end_matches([',', '.']).to_lowercase();
            matches!(
                l.as_str(),
                "y" | "yo"
                    | "yr"
                    | "yrs"
                    | "year"
                    | "years"
                    | "mo"
                    | "mos"
                    | "month"
                    | "months"
                    | "wk"
                    | "wks"
                    | "week"
                    | "weeks"
                    | "d"
                    | "days"
                    | "y/o"
            )
        });
        return match unit {
            Some(u) if digits == first.text.len() => (first.start, u.end),
            _ => (first.start, first.start + digits.max(1)),
        };
    }
    first_words(all, 3)
}

/// A value that is one letter, with or without a period, and nothing after it
/// but punctuation: the span of the letter.
fn lone_letter(all: &[Word]) -> Option<(usize, usize)> {
    let first = all.first()?;
    let mut chars = first.text.chars();
    let letter = chars.next().filter(|c| c.is_alphabetic())?;
    let rest = chars.as_str();
    let alone = all.len() == 1
        || all[1..]
            .iter()
            .all(|w| !w.text.contains(char::is_alphanumeric));
    (alone && matches!(rest, "" | "." | "," | ";"))
        .then_some((first.start, first.start + letter.len_utf8()))
}

fn is_initial(w: &str) -> bool {
    let mut chars = w.chars();
    matches!(
        (chars.next(), chars.next(), chars.next()),
        (Some(c), None, None) | (Some(c), Some('.'), None) if c.is_uppercase()
    )
}

fn is_capitalized_word(w: &str) -> bool {
    w.starts_with(|c: char| c.is_uppercase())
        && w.chars()
            .all(|c| c.is_alphabetic() || matches!(c, '-' | '\'' | '’' | '.'))
}

/// A name-shaped run from the first word: capitalized words, initials,
/// particles and placeholders, commas between them ("MORALES, TERESA L."); at
/// most six words. A short value in lower case is taken whole ("teresa morales").
fn name_run(
    text: &str,
    all: &[Word],
    org: bool,
    strict: bool,
    prose: bool,
) -> Option<(usize, usize)> {
    let mut from = 0;
    while from + 1 < all.len() && TITLES.contains(&all[from].text.to_lowercase().as_str()) {
        from += 1;
    }
    let all = &all[from..];
    let lists = crate::entities::lists::lists();
    let plain = |w: &str| w.trim_end_matches([',', '.']).to_string();
    // Before prose ("seen on 6/18"), lower-case words are no name.
    let short_alpha = !prose
        && all.len() <= 4
        && all.iter().all(|w| {
            let p = plain(w.text);
            !p.is_empty()
                && p.chars()
                    .all(|c| c.is_alphabetic() || matches!(c, '-' | '\'' | '’' | '.'))
                && (!CREDENTIALS.contains(&p.to_lowercase().as_str())
                    || SUFFIXES.contains(&p.to_lowercase().as_str()))
        });
    // A credential ends the name; a suffix does too after a comma ("Ruiz, Jr").
    let credential_here = |i: usize, lower: &str| {
        CREDENTIALS.contains(&lower)
            && (!SUFFIXES.contains(&lower) || all[i - 1].text.ends_with(','))
    };
    let max = if org { 10 } else { 6 };
    let mut end = None;
    let mut taken = 0;
    let mut capital_taken = false;
    #[allow(clippy::explicit_counter_loop)]
    for (i, w) in all.iter().enumerate() {
        let bare = w.text.trim_end_matches(',');
        let p = plain(w.text);
        let lower = p.to_lowercase();
        let ok = placeholder_len(bare) == Some(bare.len())
            || is_initial(bare)
            || (short_alpha && !lower.is_empty())
            || (is_capitalized_word(bare) && !(i > 0 && credential_here(i, &lower)))
            || (i > 0
                && PARTICLES.contains(&lower.as_str())
                && all.get(i + 1).is_some_and(|n| is_capitalized_word(n.text)));
        // A word of time or manner in lower case after a name written with
        // capitals ends it ("Maria J. Lopez today"), even in a short value taken
        // whole; a value written in lower case is read whole ("teresa morales").
        let lower_word = bare.starts_with(|c: char| c.is_lowercase());
        if !ok
            || taken >= max
            || (!org && capital_taken && lower_word && AFTER_NAME.contains(&lower.as_str()))
        {
            break;
        }
        // After a comma only a surname-first name goes on ("MORALES, TERESA"):
        // "Robert Wong, Western Claims" ends at the comma.
        // Nor after a placeholder: "[PERSON-1], Social Worker III" is a title.
        if i > 0
            && all[i - 1].text.ends_with(',')
            && (CREDENTIALS.contains(&lower.as_str())
                || taken != 1
                || placeholder_len(all[i - 1].text.trim_end_matches(',')).is_some())
        {
            break;
        }
        if strict && lists.is_stop(&crate::entities::lists::fold(&p)) {
            return None;
        }
        taken += 1;
        capital_taken |= bare.starts_with(|c: char| c.is_uppercase());
        end = Some(w.start + bare.len());
        // A period after a word (not an initial) ends the sentence and the name.
        if w.text.ends_with(';') || (bare.ends_with('.') && !is_initial(bare) && bare.len() > 4) {
            break;
        }
    }
    let end = end?;
    let start = all[0].start;
    if !org
        && matches!(
            all[0].text,
            "The" | "THE" | "A" | "An" | "AN" | "Our" | "OUR"
        )
        && all.len() > 1
    {
        return None;
    }
    let span = &text[start..end];
    // Words that are only vocabulary ("Intake Worker") are no name.
    let any_name = span
        .split([' ', ','])
        .map(|w| w.trim_matches('.'))
        .filter(|w| !w.is_empty())
        .any(|w| placeholder_len(w).is_some() || !lists.is_stop(&crate::entities::lists::fold(w)));
    any_name.then_some((start, end))
}

/// An organisation: a short value whole, a longer one's leading capitalized run.
fn org_run(all: &[Word]) -> Option<(usize, usize)> {
    if all.len() <= 6 {
        return Some(first_words(all, 6));
    }
    let mut end = None;
    for (i, w) in all.iter().take(10).enumerate() {
        let t = w.text.trim_end_matches(',');
        let ok = t.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit())
            || matches!(t, "&" | "of" | "and" | "the" | "for" | "at" | "de")
            || placeholder_len(t).is_some();
        if !ok || i >= 10 {
            break;
        }
        end = Some(w.end);
    }
    end.map(|e| (all[0].start, e))
}

/// `start..end` without spaces and trailing punctuation (a period stays after an
/// initial or an abbreviation such as "Inc.").
fn trim_value(text: &str, start: usize, end: usize) -> (usize, usize) {
    let v = &text[start..end];
    let lead = v.len() - v.trim_start_matches([' ', '\t', ':', ',', '.', '-']).len();
    let mut t = v[lead..].trim_end_matches([' ', '\t', ',', ';', ':']);
    if t.ends_with('.') {
        let word = t.rsplit(' ').next().unwrap_or(t);
        let keep = is_initial(word)
            || word.len() <= 5
                && word[..word.len() - 1].chars().any(|c| c.is_alphabetic())
                && word.chars().filter(|&c| c == '.').count() >= 1
                && word.starts_with(|c: char| c.is_uppercase());
        if !keep {
            t = t.trim_end_matches('.');
        }
    }
    (start + lead, start + lead + t.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn b(value: &str, kind: Kind) -> Option<&str> {
        bound(value, 0, value.len(), kind, Shape::Default).map(|(s, e)| &value[s..e])
    }

    #[test]
    fn a_name_value_ends_before_everyday_words_in_lower_case() {
        assert_eq!(
            b("Maria J. Lopez today.", Kind::Person),
            Some("Maria J. Lopez")
        );
        assert_eq!(b("teresa morales", Kind::Person), Some("teresa morales"));
    }

    #[test]
    fn an_age_placeholder_keeps_the_unit_after_it_as_the_number_did() {
        assert_eq!(b("0°F", Kind::Age), Some("0"));
        assert_eq!(b("[AGE-1]°F", Kind::Age), None);
        assert_eq!(b("[AGE-1] years", Kind::Age), None);
    }

    #[test]
    fn nothing_values_are_kept() {
        for v in [
            "N/A",
            "none",
            "Unknown",
            "—",
            "-",
            "see above",
            "Same",
            "not applicable",
            "",
            "  ",
            "[PERSON-1]",
            "[PERSON-1], [PERSON-2]",
            "____",
        ] {
            assert!(says_nothing(v), "{v:?}");
            assert_eq!(b(v, Kind::Person), None, "{v:?}");
        }
        assert!(!says_nothing("Teresa"));
    }

    #[test]
    fn names_are_name_shaped_runs() {
        assert_eq!(b("MORALES", Kind::Person), Some("MORALES"));
        assert_eq!(b("L", Kind::Person), Some("L"));
        assert_eq!(b("teresa morales", Kind::Person), Some("teresa morales"));
        assert_eq!(
            b("Morales, Teresa L.", Kind::Person),
            Some("Morales, Teresa L.")
        );
        assert_eq!(b("Dr. Anna Berg", Kind::Person), Some("Anna Berg"));
        assert_eq!(
            b("Robert Wong, Western Claims Services", Kind::Person),
            Some("Robert Wong")
        );
        assert_eq!(b("ANNA K. BERG, RRT", Kind::Person), Some("ANNA K. BERG"));
        assert_eq!(
            b("Semisi Duong Sr.", Kind::Person),
            Some("Semisi Duong Sr.")
        );
        assert_eq!(b("pedro hundal sr", Kind::Person), Some("pedro hundal sr"));
        assert_eq!(b("Juan Ruiz III, MD", Kind::Person), Some("Juan Ruiz III"));
        assert_eq!(b("Maria Lopez (mother)", Kind::Person), Some("Maria Lopez"));
        assert_eq!(
            b(
                "Maria Lopez was interviewed at the home on Tuesday",
                Kind::Person
            ),
            Some("Maria Lopez")
        );
        assert_eq!(b("declined to give her name", Kind::Person), None);
        assert_eq!(b("seen on 6/18/02 at the clinic.", Kind::Person), None);
        assert_eq!(b("Juan de la Cruz", Kind::Person), Some("Juan de la Cruz"));
        assert_eq!(b("[PERSON-1], RN", Kind::Person), None);
        assert_eq!(b("[PERSON-1], Social Worker III", Kind::Person), None);
        assert_eq!(
            b("[PERSON-1] Q. Lopez", Kind::Person),
            Some("[PERSON-1] Q. Lopez")
        );
    }

    #[test]
    fn strict_names_refuse_vocabulary() {
        fn s(v: &str) -> Option<&str> {
            bound(v, 0, v.len(), Kind::Person, Shape::StrictName).map(|(a, e)| &v[a..e])
        }
        assert_eq!(s("Teresa Morales"), Some("Teresa Morales"));
        assert_eq!(s("Independent Medical Review"), None);
    }

    #[test]
    fn ticked_boxes_give_their_options() {
        fn t(v: &str) -> (bool, Vec<&str>) {
            let mut out = Vec::new();
            let boxed = ticked_options(v, 0, v.len(), &mut out);
            (boxed, out.iter().map(|&(s, e)| &v[s..e]).collect())
        }
        assert_eq!(t("[X] Male [ ] Female"), (true, vec!["Male"]));
        assert_eq!(t("( ) Male (x) Female ( ) Other"), (true, vec!["Female"]));
        assert_eq!(t("M [x] F [ ]"), (true, vec!["M"]));
        assert_eq!(t("☐ English ☒ Tigrinya"), (true, vec!["Tigrinya"]));
        assert_eq!(t("[ ] Male [ ] Female"), (true, vec![]));
        assert_eq!(t("Ana Ruiz (mother)"), (false, vec![]));
        assert_eq!(t("Phone (H)"), (false, vec![]));
        assert_eq!(t("Ana Ruiz"), (false, vec![]));
    }

    #[test]
    fn a_unit_needs_a_digit_or_a_short_token() {
        fn u(v: &str) -> Option<&str> {
            bound(v, 0, v.len(), Kind::Location, Shape::Unit).map(|(s, e)| &v[s..e])
        }
        assert_eq!(u("4 West"), Some("4 West"));
        assert_eq!(u("B"), Some("B"));
        assert_eq!(u("Emergency Response"), None);
    }

    #[test]
    fn other_kinds_have_short_bounds() {
        assert_eq!(b("7", Kind::Age), Some("7"));
        assert_eq!(b("46 years old", Kind::Age), Some("46 years"));
        assert_eq!(b("7yo", Kind::Age), Some("7"));
        assert_eq!(b("F", Kind::Gender), Some("F"));
        assert_eq!(b("01/02/1980.", Kind::Date), Some("01/02/1980"));
        assert_eq!(
            b("June 18, 2002 per mother", Kind::Date),
            Some("June 18, 2002")
        );
        assert_eq!(
            b("1427 Elm Street, Apt. 4B, Fresno, CA 93721", Kind::Location),
            Some("1427 Elm Street, Apt. 4B, Fresno, CA 93721")
        );
        assert_eq!(
            b("Sunrise Bakery Inc.", Kind::Org),
            Some("Sunrise Bakery Inc.")
        );
        assert_eq!(
            b("ann@example.org (work)", Kind::Email),
            Some("ann@example.org")
        );
        assert_eq!(
            b("Spanish; interpreter used", Kind::Language),
            Some("Spanish")
        );
        assert_eq!(
            b("WC 2539384-2010 - open", Kind::Id),
            Some("WC 2539384-2010")
        );
    }
}
