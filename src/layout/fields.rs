//! Fields on one line: `Label: value`, `Label ..... value`, `Label | value`,
//! `Label<TAB>value`, `LABEL value` in a header block, several on one line.
//!
//! A label counts only at a field position: the start of a cell (the line start
//! after indentation and a bullet, or after a `|`, a tab or two spaces), followed
//! by a colon, a dot leader, or a separator before its value cell; or, in a
//! header block, a label at the start of the line and one space.

use super::lines::{bullet_len, Cell};
use crate::label_lexicon::{LabelId, Lexicon, Shape, MAX_BYTES, MAX_WORDS};

/// A label and the raw text of its value (before the kind's bound is applied).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RawField {
    /// The label.
    pub label: LabelId,
    /// Byte span of the label text.
    pub label_span: (usize, usize),
    /// Byte span of the value text, up to the separator or the next label.
    pub value: (usize, usize),
}

/// Words that continue a phrase rather than start a value ("STATE OF ...").
const CONNECTORS: &[&str] = &["of", "and", "the", "or", "for", "in", "on", "at", "to"];

/// The fields of one line, given its cells. `header_form` allows `LABEL value`
/// with one space (an all-caps label, or any label in a block of field lines).
pub fn line_fields(
    text: &str,
    cells: &[Cell],
    lex: &Lexicon,
    block: bool,
    out: &mut Vec<RawField>,
) {
    let mut k = 0;
    while k < cells.len() {
        let c = cells[k];
        let mut start = c.start;
        if k == 0 {
            start += bullet_len(&text[c.start..c.end]);
        }
        if start >= c.end {
            k += 1;
            continue;
        }
        // `Name / Age / Sex: Ana Ruiz / 34 / F`: one label per part.
        if composite(text, start, c.end, lex, out) {
            k += 1;
            continue;
        }
        // `Label: value` or `Label ..... value` inside the cell.
        if let Some((label, label_span, value_start)) = labelled(text, start, c.end, lex) {
            let mut value = (value_start, c.end);
            if value.0 >= value.1 {
                // `Name:` then the value in the next cell.
                if let Some(next) = cells.get(k + 1).filter(|n| !starts_field(text, n, lex)) {
                    value = (next.start, next.end);
                    k += 1;
                }
            }
            segment(text, label, label_span, value, lex, out);
            k += 1;
            continue;
        }
        // A cell that is a label, its value in the next cell.
        if let Some(label) = whole_label(text, start, c.end, lex) {
            // Without a colon, a name needs a capital: "| Son | asthma |" is
            // no field.
            let kind = lex.label(label).kind;
            let person = kind == crate::kind::Kind::Person;
            if let Some(next) = cells.get(k + 1).filter(|n| {
                n.start < n.end
                    && (!starts_field(text, n, lex)
                        || takes_word_values(kind) && last_bare_label(text, cells, k + 1, lex))
                    && (!person || text[n.start..n.end].contains(char::is_uppercase))
            }) {
                segment(
                    text,
                    label,
                    (start, c.end),
                    (next.start, next.end),
                    lex,
                    out,
                );
                k += 2;
                continue;
            }
            k += 1;
            continue;
        }
        // `Label,value`: a row of a two-column CSV (`Field,Value` over it).
        if let Some((label, label_span, value)) = csv_field(text, start, c.end, lex) {
            segment(text, label, label_span, value, lex, out);
            k += 1;
            continue;
        }
        // `LABEL value` at the start of a header-block line.
        if k == 0 {
            if let Some((label, label_span, value_start)) =
                header_form(text, start, c.end, lex, block)
            {
                segment(text, label, label_span, (value_start, c.end), lex, out);
            }
        }
        k += 1;
    }
}

/// A line that is only a label and its colon or dot leader (`Patient Name:`),
/// its value on the next line: the label and its span.
pub fn dangling(text: &str, cells: &[Cell], lex: &Lexicon) -> Option<(LabelId, (usize, usize))> {
    let [c] = cells else { return None };
    // Only a cell that ends in a separator can be a label alone (a byte check
    // before the label is looked up).
    let last = *text.as_bytes()[c.start..c.end].last()?;
    if !matches!(last, b':' | b'.' | b'=' | b'-' | b'_' | 0xA6) {
        return None;
    }
    let start = c.start + bullet_len(&text[c.start..c.end]);
    let (label, span, value_start) = labelled(text, start, c.end, lex)?;
    (value_start >= c.end).then_some((label, span))
}

/// `Label,value` in `text[start..end]`: a whole label before the first comma
/// and a value right after it, with no space between (prose puts one after a
/// comma: "Patient, who was seen"). A quoted value is read to its closing quote
/// (`Address,"88 Elm St, Lodi"`), any other value to the next comma with no
/// space after it.
#[allow(clippy::type_complexity)]
fn csv_field(
    text: &str,
    start: usize,
    end: usize,
    lex: &Lexicon,
) -> Option<(LabelId, (usize, usize), (usize, usize))> {
    let cell = &text[start..end];
    let window = &cell.as_bytes()[..(MAX_BYTES * 2).min(cell.len())];
    let comma = window.iter().position(|&b| b == b',')?;
    let after = *cell.as_bytes().get(comma + 1)?;
    if matches!(after, b' ' | b'\t' | b',') {
        return None;
    }
    let label = whole_label(text, start, start + comma, lex)?;
    let mut value = (start + comma + 1, end);
    if after == b'"' {
        let inner = value.0 + 1;
        let close = text[inner..end].find('"').map_or(end, |i| inner + i);
        value = (inner, close);
    } else if let Some(i) = text.as_bytes()[value.0..end]
        .windows(2)
        .position(|w| w[0] == b',' && !matches!(w[1], b' ' | b'\t'))
    {
        // The next cell of the row (`Mother,Ana Ruiz,34,F`).
        value.1 = value.0 + i;
    }
    Some((label, (start, start + comma), value))
}

/// Whether cell `i` is a bare label (no colon, no dot leader) with no cell after
/// it: a label with nothing to label, so the value of the label cell before it
/// (`Marital status<TAB>Married`, `| Marital status | Domestic partner |`).
fn last_bare_label(text: &str, cells: &[Cell], i: usize, lex: &Lexicon) -> bool {
    let c = &cells[i];
    cells[i + 1..]
        .iter()
        .all(|n| text[n.start..n.end].trim().is_empty())
        && labelled(text, c.start, c.end, lex).is_none()
}

/// Kinds whose values are words that may also be labels (`Married`, `Caregiver`,
/// `Student`, `Domestic partner`); no header row pairs such a label with another.
pub(super) fn takes_word_values(kind: crate::kind::Kind) -> bool {
    use crate::kind::Kind;
    matches!(
        kind,
        Kind::Marital
            | Kind::Occupation
            | Kind::Ethnicity
            | Kind::Nationality
            | Kind::Religion
            | Kind::Language
    )
}

/// Whether a cell starts with a label (so it is no value of the cell before).
fn starts_field(text: &str, c: &Cell, lex: &Lexicon) -> bool {
    labelled(text, c.start, c.end, lex).is_some()
        || whole_label(text, c.start, c.end, lex).is_some()
}

/// The label of `text[start..end]` when the whole of it is one.
fn whole_label(text: &str, start: usize, end: usize, lex: &Lexicon) -> Option<LabelId> {
    let t = &text[start..end];
    if t.len() > MAX_BYTES * 2 || t.contains(':') || !t.starts_with(|c: char| c.is_alphabetic()) {
        return None;
    }
    lex.lookup(t)
}

/// `Label:` or `Label .....` at `start`: the label, its span and where the value
/// begins.
fn labelled(
    text: &str,
    start: usize,
    end: usize,
    lex: &Lexicon,
) -> Option<(LabelId, (usize, usize), usize)> {
    let cell = &text[start..end];
    if !cell.starts_with(|c: char| c.is_alphabetic()) {
        return None;
    }
    let window = &cell[..floor(cell, (MAX_BYTES * 2).min(cell.len()))];
    let colon = window.find(':');
    let dots = dot_leader(window);
    let (label_end, mut value_start) = match (colon, dots) {
        (Some(c), Some(d)) if d < c => (d, d),
        (Some(c), _) => (c, c + 1),
        (None, Some(d)) => (d, d),
        // `Label - value`, `Label = value`, `label=value`.
        (None, None) => dash(window)?,
    };
    // Skip a dot leader and the colon after it.
    let rest = &cell[value_start..];
    value_start += rest.len()
        - rest
            .trim_start_matches(['.', '…', ' ', ':', '\t', '_'])
            .len();
    let label_text = cell[..label_end].trim_end();
    if label_text.is_empty() || label_text.split_whitespace().count() > MAX_WORDS {
        return None;
    }
    let label = lex
        .lookup(label_text)
        .or_else(|| qualified(label_text, lex))?;
    Some((
        label,
        (start, start + label_text.len()),
        start + value_start,
    ))
}

/// Where a label ends and its value starts at ` - `, ` – `, ` — ` or `=`
/// (the first one): `Claimant - Ana Ruiz`, `mrn = 0048`, `sex=F`. A dash needs
/// a space on each side ("Follow-up", "X-ray" are words).
fn dash(window: &str) -> Option<(usize, usize)> {
    // A byte search: `–` and `—` start with 0xE2.
    let b = window.as_bytes();
    let (i, c) = (0..b.len())
        .filter(|&i| matches!(b[i], b'-' | b'=' | 0xE2) && window.is_char_boundary(i))
        .map(|i| (i, window[i..].chars().next().unwrap_or(' ')))
        .find(|&(_, c)| matches!(c, '-' | '=' | '–' | '—'))?;
    let after = i + c.len_utf8();
    let spaced = window[..i].ends_with(' ') && window[after..].starts_with(' ');
    (c == '=' || spaced).then_some((i, after))
}

/// The label of `Label (qualifier)`: `Name (Last, First, MI)`, `DOB
/// (MM/DD/YYYY)`, `Phone (H)`, `SSN (last 4)`. The qualifier is part of the
/// label text, so nothing in it is redacted.
fn qualified(label_text: &str, lex: &Lexicon) -> Option<LabelId> {
    let head = label_text.strip_suffix(')')?;
    let open = head.rfind('(')?;
    let head = head[..open].trim_end();
    (!head.is_empty()).then(|| lex.lookup(head)).flatten()
}

/// Most parts of a composite label (`Name / Age / Sex:`).
const MAX_PARTS: usize = 6;

/// `A / B / C: x / y / z` at `start`, every part of the label a label of the
/// lexicon: records one field per part, the i-th part of the value under the
/// i-th label, when the value has as many `/`-separated parts; else the whole
/// value under the first label. Whether it was one.
fn composite(text: &str, start: usize, end: usize, lex: &Lexicon, out: &mut Vec<RawField>) -> bool {
    let cell = &text[start..end];
    let window = &cell[..floor(cell, (MAX_BYTES * 2).min(cell.len()))];
    let Some(colon) = window.find(':') else {
        return false;
    };
    let label_text = &cell[..colon];
    if !label_text.contains('/') || lex.lookup(label_text.trim_end()).is_some() {
        return false;
    }
    let mut labels: Vec<(LabelId, (usize, usize))> = Vec::new();
    let mut at = 0;
    for part in label_text.split('/') {
        let lead = part.len() - part.trim_start().len();
        let t = part.trim();
        let Some(label) = (!t.is_empty()).then(|| lex.lookup(t)).flatten() else {
            return false;
        };
        let s = start + at + lead;
        labels.push((label, (s, s + t.len())));
        at += part.len() + 1;
    }
    if labels.len() < 2 || labels.len() > MAX_PARTS {
        return false;
    }
    let value_start = start + colon + 1;
    let value = &text[value_start..end];
    let parts: Vec<&str> = value.split('/').collect();
    if parts.len() != labels.len() {
        let (label, span) = labels[0];
        out.push(RawField {
            label,
            label_span: span,
            value: (value_start, end),
        });
        return true;
    }
    let mut at = value_start;
    for (part, (label, span)) in parts.iter().zip(labels) {
        out.push(RawField {
            label,
            label_span: span,
            value: (at, at + part.len()),
        });
        at += part.len() + 1;
    }
    true
}

/// `LABEL value` with one space, in a block of field lines: the longest label
/// of one to four words at `start`, then a value that does not start with a connector ("STATE OF CALIFORNIA").
fn header_form(
    text: &str,
    start: usize,
    end: usize,
    lex: &Lexicon,
    block: bool,
) -> Option<(LabelId, (usize, usize), usize)> {
    let cell = &text[start..end];
    let mut best = None;
    let mut word_end = 0;
    for _ in 0..4 {
        let rest = &cell[word_end..];
        let skip = rest.len() - rest.trim_start_matches(' ').len();
        let len = rest[skip..].find(' ').unwrap_or(rest.len() - skip);
        if len == 0 {
            break;
        }
        word_end += skip + len;
        if word_end >= cell.len() {
            break;
        }
        let label_text = &cell[..word_end];
        // Outside a block only a label in capitals starts a field.
        if !block && !all_caps(label_text) {
            break;
        }
        if let Some(label) = lex.lookup(label_text) {
            best = Some((label, word_end));
        }
    }
    let (label, label_end) = best?;
    let value = cell[label_end..].trim_start();
    let first = value.split(' ').next().unwrap_or("").to_lowercase();
    if value.is_empty()
        || CONNECTORS.contains(&first.as_str())
        || value.starts_with([',', '.', '-', '\'', '’', '(', '&'])
    {
        return None;
    }
    let label_words = cell[..label_end].split_whitespace().count();
    if !block && !first_line_value(value, lex.label(label).kind, label_words) {
        return None;
    }
    Some((label, (start, start + label_end), end - value.len()))
}

/// Whether `s` has two or more letters and no lower-case one.
fn all_caps(s: &str) -> bool {
    s.chars().filter(|c| c.is_alphabetic()).nth(1).is_some() && !s.contains(char::is_lowercase)
}

/// Whether the value of `LABEL value` on a line no field came before is
/// plainly one (the line may be a heading, "CLAIMANT INFORMATION"): a name of
/// two to four words in capitals, none of them vocabulary (`CLAIMANT TERESA
/// MORALES`; one word after a label of two, `LAST NAME VOSKUIJLEN`), or a
/// number for a kind that needs one (`CLAIM 2291-88431`).
fn first_line_value(value: &str, kind: crate::kind::Kind, label_words: usize) -> bool {
    use crate::kind::Kind;
    let words: Vec<&str> = value.split_whitespace().take(5).collect();
    let fewest = if label_words >= 2 { 1 } else { 2 };
    match kind {
        Kind::Person => {
            let lists = crate::entities::lists::lists();
            (fewest..=4).contains(&words.len())
                && words.iter().all(|w| {
                    let bare = w.trim_end_matches([',', '.']);
                    all_caps(bare)
                        && bare
                            .chars()
                            .all(|c| c.is_alphabetic() || matches!(c, '-' | '\'' | '’' | '.'))
                        && !lists.is_stop(&crate::entities::lists::fold(bare))
                })
        }
        Kind::Id | Kind::Date | Kind::Phone | Kind::Ssn => words
            .first()
            .is_some_and(|w| w.contains(|c: char| c.is_ascii_digit())),
        _ => false,
    }
}

/// Splits `value` at the labels inside it ("Maria Lopez DOB: 1/2/80 Sex: F")
/// and records each field; a value that itself starts with a label
/// ("RE: Claimant: X", "RE: Claimant Teresa Morales") is that label's.
fn segment(
    text: &str,
    mut label: LabelId,
    mut label_span: (usize, usize),
    value: (usize, usize),
    lex: &Lexicon,
    out: &mut Vec<RawField>,
) {
    let (mut start, end) = value;
    for _ in 0..64 {
        if start >= end {
            return;
        }
        if let Some((next, next_span, next_value)) = labelled(text, start, end, lex) {
            // The value is another label: this one is empty.
            (label, label_span, start) = (next, next_span, next_value);
            continue;
        }
        if lex.label(label).shape == Shape::StrictName {
            if let Some((next, next_span, next_value)) = header_form(text, start, end, lex, true) {
                (label, label_span, start) = (next, next_span, next_value);
                continue;
            }
        }
        match next_label(text, start, end, lex) {
            Some((at, next)) => {
                out.push(RawField {
                    label,
                    label_span,
                    value: (start, start + text[start..at].trim_end().len()),
                });
                let Some((next, next_span, next_value)) = next else {
                    return;
                };
                (label, label_span, start) = (next, next_span, next_value);
            }
            None => {
                out.push(RawField {
                    label,
                    label_span,
                    value: (start, end),
                });
                return;
            }
        }
    }
}

/// The first `Label:` (or `label=`) inside `text[start..end]` after its first
/// word: where it starts, and the label, its span and where its value starts. A capitalized
/// word and a colon that is no known label ("Time:") ends the value too.
#[allow(clippy::type_complexity)]
fn next_label(
    text: &str,
    start: usize,
    end: usize,
    lex: &Lexicon,
) -> Option<(usize, Option<(LabelId, (usize, usize), usize)>)> {
    let value = &text[start..end];
    let mut from = 0;
    while let Some(i) = value.as_bytes()[from..]
        .iter()
        .position(|&b| b == b':' || b == b'=')
    {
        let colon = from + i;
        from = colon + 1;
        let before = value[..colon].trim_end();
        if value.as_bytes()[colon] == b'=' {
            // `sex=F, zip=95814`: a label right before `=` (or one space
            // away), after a comma, a semicolon or a space.
            if colon - before.len() > 1 {
                continue;
            }
        } else if before.len() != colon
            || value[colon + 1..].starts_with(|c: char| !c.is_whitespace())
        {
            continue; // "10:30", "http://"
        }
        // Up to MAX_WORDS words before the colon; the longest label wins.
        let mut best = None;
        let mut first_word = None;
        let mut cut = before.len();
        for _ in 0..MAX_WORDS {
            let Some(space) = before[..cut].rfind([' ', ',', ';']) else {
                break;
            };
            cut = space;
            let at = space + 1;
            let label_text = &before[at..];
            if label_text.is_empty() || !label_text.starts_with(|c: char| c.is_alphabetic()) {
                continue;
            }
            first_word.get_or_insert(at);
            if let Some(label) = lex.lookup(label_text) {
                best = Some((at, label));
            }
        }
        let rest = &value[colon + 1..];
        let value_start = colon + 1 + (rest.len() - rest.trim_start().len());
        if let Some((at, label)) = best {
            return Some((
                start + at,
                Some((
                    label,
                    (start + at, start + before.len()),
                    start + value_start,
                )),
            ));
        }
        // Only a colon: `x = Y` is no field of its own.
        if let Some(at) = first_word.filter(|&at| {
            value.as_bytes()[colon] == b':' && before[at..].starts_with(|c: char| c.is_uppercase())
        }) {
            return Some((start + at, None));
        }
    }
    None
}

/// Where a dot leader starts: the first `...`, else the first `…`, else the first
/// `. . `. Searched byte by byte (each cell of each line is looked at, and a
/// substring searcher costs more to set up than these short windows take to scan).
fn dot_leader(window: &str) -> Option<usize> {
    let b = window.as_bytes();
    let has_dot = b.contains(&b'.');
    has_dot
        .then(|| b.windows(3).position(|w| w == b"..."))
        .flatten()
        .or_else(|| window.find('…'))
        .or_else(|| {
            has_dot
                .then(|| b.windows(4).position(|w| w == b". . "))
                .flatten()
        })
}

fn floor(s: &str, mut i: usize) -> usize {
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::kind::Kind;
    use crate::layout::lines::cells;
    use crate::patterns::{Examples, LabelSpec};

    fn lex() -> Lexicon {
        let spec = |id: &str, kind, spellings: &[&str], shape: Option<&str>| LabelSpec {
            id: id.into(),
            kind,
            description: String::new(),
            spellings: spellings.iter().map(|s| s.to_string()).collect(),
            shape: shape.map(str::to_string),
            priority: 56,
            examples: Examples::default(),
            source: String::new(),
        };
        let specs = [
            spec(
                "label.person",
                Kind::Person,
                &["Last", "First", "M.I.", "Name", "Claimant", "Patient"],
                None,
            ),
            spec("label.dob", Kind::Date, &["DOB"], None),
            spec("label.sex", Kind::Gender, &["Sex"], None),
            spec("label.state", Kind::State, &["State"], None),
            spec("label.id", Kind::Id, &["Claim"], None),
            spec("label.re", Kind::Person, &["RE"], Some("strict-name")),
        ];
        Lexicon::new(specs.iter().zip(0..))
    }

    fn run(line: &str, block: bool) -> Vec<(String, String)> {
        let lex = lex();
        let mut cs = Vec::new();
        cells(line, 0, &mut cs);
        let mut out = Vec::new();
        line_fields(line, &cs, &lex, block, &mut out);
        out.iter()
            .map(|f| {
                (
                    line[f.label_span.0..f.label_span.1].to_string(),
                    line[f.value.0..f.value.1].to_string(),
                )
            })
            .collect()
    }

    fn pairs(p: &[(&str, &str)]) -> Vec<(String, String)> {
        p.iter()
            .map(|(a, b)| (a.to_string(), b.to_string()))
            .collect()
    }

    #[test]
    fn dot_leaders_are_found_in_the_order_of_their_forms() {
        // The reference: three substring searches, in this order.
        let reference = |w: &str| {
            w.find("...")
                .or_else(|| w.find('…'))
                .or_else(|| w.find(". . "))
        };
        for w in [
            "Name ..... Ana",
            "Name … Ana ... x",
            "Name … Ana",
            "Name . . . Ana",
            "Name . . Ana",
            "Dr. Ana. Lee",
            "..",
            "",
        ] {
            assert_eq!(dot_leader(w), reference(w), "{w:?}");
        }
        assert_eq!(dot_leader("Name … Ana ... x"), Some(13));
        assert_eq!(dot_leader("Dr. Ana. Lee"), None);
    }

    #[test]
    fn colon_fields_on_one_line() {
        assert_eq!(
            run("Last: MORALES | First: TERESA | M.I.: L", false),
            pairs(&[("Last", "MORALES"), ("First", "TERESA"), ("M.I.", "L")])
        );
        assert_eq!(
            run("Name: Maria Lopez DOB: 1/2/80 Sex: F", false),
            pairs(&[("Name", "Maria Lopez"), ("DOB", "1/2/80"), ("Sex", "F")])
        );
        assert_eq!(
            run("- Claim #: 05-123456", false),
            pairs(&[("Claim #", "05-123456")])
        );
    }

    #[test]
    fn separator_fields() {
        assert_eq!(
            run("Last | MORALES | First | TERESA", false),
            pairs(&[("Last", "MORALES"), ("First", "TERESA")])
        );
        assert_eq!(
            run("DOB\t01/02/1980", false),
            pairs(&[("DOB", "01/02/1980")])
        );
        assert_eq!(run("Name:\tAnn Lee", false), pairs(&[("Name", "Ann Lee")]));
        assert_eq!(
            run("Name ........ Ann Lee", false),
            pairs(&[("Name", "Ann Lee")])
        );
        assert_eq!(
            run("DOB.......: 1/2/80", false),
            pairs(&[("DOB", "1/2/80")])
        );
    }

    #[test]
    fn dash_and_equals_fields() {
        assert_eq!(
            run("Claimant - Teresa Morales", false),
            pairs(&[("Claimant", "Teresa Morales")])
        );
        assert_eq!(run("DOB = 1/2/80", false), pairs(&[("DOB", "1/2/80")]));
        assert_eq!(run("sex=F", false), pairs(&[("sex", "F")]));
        assert_eq!(
            run("Name – Ana Ruiz", false),
            pairs(&[("Name", "Ana Ruiz")])
        );
        // A hyphen inside a word is no separator; prose before a dash is no label.
        assert_eq!(run("Name-brand drugs were given", false), vec![]);
        assert_eq!(
            run("Follow up in two weeks - patient agrees", false),
            vec![]
        );
    }

    #[test]
    fn header_block_forms() {
        assert_eq!(
            run("CLAIMANT TERESA MORALES", true),
            pairs(&[("CLAIMANT", "TERESA MORALES")])
        );
        assert_eq!(run("COUNTY SOCIAL SERVICES", false), vec![]);
        // A line of capitals starts a block when its value is plainly one.
        assert_eq!(
            run("CLAIMANT TERESA MORALES", false),
            pairs(&[("CLAIMANT", "TERESA MORALES")])
        );
        assert_eq!(
            run("CLAIM 2291-88431", false),
            pairs(&[("CLAIM", "2291-88431")])
        );
        assert_eq!(run("CLAIMANT INFORMATION", false), vec![]);
        assert_eq!(run("CLAIM FORM", false), vec![]);
        assert_eq!(run("STATE OF CALIFORNIA", false), vec![]);
        assert_eq!(run("Claimant Teresa Morales", false), vec![]);
        assert_eq!(run("DOB 01/02/1980", true), pairs(&[("DOB", "01/02/1980")]));
        assert_eq!(
            run("RE: Claimant Teresa Morales", false),
            pairs(&[("Claimant", "Teresa Morales")])
        );
        assert_eq!(
            run("RE:  Claimant: Teresa Morales", false),
            pairs(&[("Claimant", "Teresa Morales")])
        );
    }

    #[test]
    fn key_value_lists_and_csv_rows() {
        assert_eq!(
            run("Name=Ana Ruiz, DOB=1/2/80, Sex=F", false),
            pairs(&[("Name", "Ana Ruiz,"), ("DOB", "1/2/80,"), ("Sex", "F")])
        );
        assert_eq!(run("Name,Ana Ruiz", false), pairs(&[("Name", "Ana Ruiz")]));
        assert_eq!(
            run("Name,\"Ruiz, Ana\"", false),
            pairs(&[("Name", "Ruiz, Ana")])
        );
        // Prose puts a space after a comma: no field.
        assert_eq!(run("Patient, who was seen", false), vec![]);
        // `x = Y` is no label of its own.
        assert_eq!(
            run("Claim: 4471 x = Y", false),
            pairs(&[("Claim", "4471 x = Y")])
        );
    }

    #[test]
    fn prose_makes_no_field() {
        for line in [
            "the patient's name was given",
            "Case management notes",
            "State of California",
            "Age-appropriate behavior",
            "The claimant's attorney: see file",
            "Patient reports: pain",
        ] {
            assert_eq!(run(line, false), vec![], "{line}");
        }
    }
}
