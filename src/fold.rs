//! Folds look-alike characters before matching, so `123‐45‐6789` (U+2010 hyphens),
//! `June 18,\u{a0}2002` (a non-breaking space) or `J\u{200b}ohn` (a zero-width space)
//! are caught like their plain forms.
//!
//! [`Folded::new`] builds a matching copy of the text — NFKC per character, zero-width
//! and format characters removed, dashes, slashes and spaces made ASCII, combining
//! marks composed — plus a sparse map of the places where the copy differs. Spans
//! found on the copy are mapped back to the original bytes with [`Folded::span`], so
//! the output keeps every byte outside a finding. Text with nothing to fold (all
//! plain ASCII, the common case) costs one `is_ascii` scan and no copy.

use std::borrow::Cow;
use unicode_normalization::char::{canonical_combining_class, compose};
use unicode_normalization::{is_nfkc_quick, IsNormalized, UnicodeNormalization};

/// One place where the folded copy differs from the original: folded bytes
/// `folded.0..folded.1` stand for original bytes `original.0..original.1`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Edit {
    folded: (usize, usize),
    original: (usize, usize),
}

/// A folded copy of a text and the map back to the original.
#[derive(Debug, Clone)]
pub struct Folded {
    text: String,
    edits: Vec<Edit>,
}

/// The last character written to the copy, when it may still combine with a mark.
#[derive(Clone, Copy)]
struct Last {
    ch: char,
    folded: usize,
    original: usize,
}

impl Folded {
    /// Folds `original`; `None` when folding would change nothing.
    pub fn new(original: &str) -> Option<Folded> {
        if original.is_ascii() {
            return None;
        }
        let first = first_change(original)?;
        let mut text = String::with_capacity(original.len());
        text.push_str(&original[..first]);
        let mut edits: Vec<Edit> = Vec::new();
        let mut last = original[..first].chars().next_back().map(|ch| Last {
            ch,
            folded: first - ch.len_utf8(),
            original: first - ch.len_utf8(),
        });
        for (i, c) in original[first..].char_indices() {
            let i = i + first;
            let end = i + c.len_utf8();
            if c.is_ascii() {
                last = Some(Last {
                    ch: c,
                    folded: text.len(),
                    original: i,
                });
                text.push(c);
                continue;
            }
            if let Some(l) = last.filter(|_| canonical_combining_class(c) != 0) {
                if let Some(composed) = compose(l.ch, c) {
                    text.truncate(l.folded);
                    text.push(composed);
                    push_edit(
                        &mut edits,
                        Edit {
                            folded: (l.folded, text.len()),
                            original: (l.original, end),
                        },
                    );
                    last = Some(Last { ch: composed, ..l });
                    continue;
                }
            }
            match fold_char(c) {
                None => {
                    last = Some(Last {
                        ch: c,
                        folded: text.len(),
                        original: i,
                    });
                    text.push(c);
                }
                Some(replacement) => {
                    let start = text.len();
                    text.push_str(&replacement);
                    push_edit(
                        &mut edits,
                        Edit {
                            folded: (start, text.len()),
                            original: (i, end),
                        },
                    );
                    last = None;
                }
            }
        }
        Some(Folded { text, edits })
    }

    /// The folded copy, to match on.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// The original byte span of folded span `start..end`: the smallest span of whole
    /// original characters that produced it (a span touching part of a folded
    /// character covers all of that character's source).
    pub fn span(&self, start: usize, end: usize) -> (usize, usize) {
        (
            self.map_start(start),
            self.map_end(end).max(self.map_start(start)),
        )
    }

    fn map_start(&self, p: usize) -> usize {
        let idx = self.edits.partition_point(|e| e.folded.0 <= p);
        match idx.checked_sub(1).map(|i| self.edits[i]) {
            None => p,
            Some(e) if e.folded.1 > p => e.original.0,
            Some(e) => p - e.folded.1 + e.original.1,
        }
    }

    fn map_end(&self, p: usize) -> usize {
        let idx = self.edits.partition_point(|e| e.folded.0 < p);
        match idx.checked_sub(1).map(|i| self.edits[i]) {
            None => p,
            Some(e) if e.folded.1 >= p => e.original.1,
            Some(e) => p - e.folded.1 + e.original.1,
        }
    }
}

/// Records `edit`, merging it with earlier edits it overlaps (a composed character
/// that replaces the last written one).
fn push_edit(edits: &mut Vec<Edit>, mut edit: Edit) {
    while let Some(last) = edits.last() {
        if last.folded.1 > edit.folded.0 || last.original.1 > edit.original.0 {
            edit.folded.0 = edit.folded.0.min(last.folded.0);
            edit.original.0 = edit.original.0.min(last.original.0);
            edits.pop();
        } else {
            break;
        }
    }
    edits.push(edit);
}

/// Byte offset of the first character folding would change, if any.
fn first_change(text: &str) -> Option<usize> {
    let mut prev: Option<char> = None;
    for (i, c) in text.char_indices() {
        if !c.is_ascii() {
            if canonical_combining_class(c) != 0 {
                if let Some(p) = prev {
                    if compose(p, c).is_some() {
                        return Some(i - p.len_utf8());
                    }
                }
            }
            if fold_char(c).is_some() {
                return Some(i);
            }
        }
        prev = Some(c);
    }
    None
}

/// What `c` becomes in the folded copy; `None` keeps it as it is.
fn fold_char(c: char) -> Option<Cow<'static, str>> {
    if c.is_ascii() {
        return None;
    }
    if let Some(ascii) = ascii_look_alike(c) {
        return Some(Cow::Borrowed(ascii));
    }
    if is_nfkc_quick(std::iter::once(c)) == IsNormalized::Yes {
        return None;
    }
    let nfkc: String = std::iter::once(c).nfkc().collect();
    if nfkc.chars().eq(std::iter::once(c)) {
        return None;
    }
    // NFKC may produce look-alikes of its own (½ → 1⁄2 with a fraction slash).
    let folded: String = nfkc
        .chars()
        .map(|d| match ascii_look_alike(d) {
            Some(a) => Cow::Borrowed(a),
            None => Cow::Owned(d.to_string()),
        })
        .collect();
    Some(Cow::Owned(folded))
}

/// Zero-width and format characters (removed) and dash, slash and space look-alikes
/// (made ASCII).
fn ascii_look_alike(c: char) -> Option<&'static str> {
    Some(match c {
        // Soft hyphen, combining grapheme joiner, Mongolian vowel separator, zero-width
        // space/joiners, direction marks and embeddings, word joiner and invisible
        // operators, isolates, BOM / zero-width no-break space, variation selectors, tags.
        '\u{ad}'
        | '\u{34f}'
        | '\u{61c}'
        | '\u{180e}'
        | '\u{200b}'..='\u{200f}'
        | '\u{202a}'..='\u{202e}'
        | '\u{2060}'..='\u{2064}'
        | '\u{2066}'..='\u{206f}'
        | '\u{feff}'
        | '\u{fe00}'..='\u{fe0f}'
        | '\u{e0001}'..='\u{e007f}' => "",
        // Hyphens and dashes, minus signs.
        '\u{2010}'..='\u{2015}'
        | '\u{2043}'
        | '\u{2212}'
        | '\u{2e3a}'
        | '\u{2e3b}'
        | '\u{fe58}'
        | '\u{fe63}'
        | '\u{ff0d}' => "-",
        // Fraction, division and fullwidth slashes.
        '\u{2044}' | '\u{2215}' | '\u{2571}' | '\u{29f8}' | '\u{ff0f}' => "/",
        // No-break, figure, narrow, ideographic and other fixed-width spaces.
        '\u{a0}' | '\u{2000}'..='\u{200a}' | '\u{202f}' | '\u{205f}' | '\u{3000}' => " ",
        _ => return None,
    })
}

/// `text` folded for comparing values (placeholder numbering); borrowed when unchanged.
pub fn fold_str(text: &str) -> Cow<'_, str> {
    match Folded::new(text) {
        Some(f) => Cow::Owned(f.text),
        None => Cow::Borrowed(text),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fold(s: &str) -> String {
        fold_str(s).into_owned()
    }

    #[test]
    fn plain_text_is_not_copied() {
        assert!(Folded::new("plain ASCII 123-45-6789").is_none());
        assert!(Folded::new("José Núñez, café").is_none());
    }

    #[test]
    fn folds_look_alikes() {
        assert_eq!(fold("123\u{2010}45\u{2011}6789"), "123-45-6789");
        assert_eq!(fold("June\u{a0}18,\u{202f}2002"), "June 18, 2002");
        assert_eq!(fold("J\u{200b}o\u{200d}hn"), "John");
        assert_eq!(fold("６/１８/０２"), "6/18/02");
        assert_eq!(fold("6\u{2215}18\u{2044}02"), "6/18/02");
        assert_eq!(fold("½"), "1/2");
        assert_eq!(fold("Jose\u{301}"), "José");
        assert_eq!(fold("\u{feff}text"), "text");
    }

    #[test]
    fn spans_map_back_to_whole_original_characters() {
        let original = "SSN 123\u{2010}45\u{2010}6789 and J\u{200b}ohn.";
        let f = Folded::new(original).unwrap();
        let ssn = f.text().find("123-45-6789").unwrap();
        let (s, e) = f.span(ssn, ssn + 11);
        assert_eq!(&original[s..e], "123\u{2010}45\u{2010}6789");
        let john = f.text().find("John").unwrap();
        let (s, e) = f.span(john, john + 4);
        assert_eq!(&original[s..e], "J\u{200b}ohn");
        // A span ending right before a removed character leaves it out.
        let (s, e) = f.span(john, john + 1);
        assert_eq!(&original[s..e], "J");
        let (s, e) = f.span(john + 1, john + 4);
        assert_eq!(&original[s..e], "ohn");
    }

    #[test]
    fn composed_marks_map_to_both_characters() {
        let original = "Jose\u{301} Nun\u{303}ez";
        let f = Folded::new(original).unwrap();
        assert_eq!(f.text(), "José Nuñez");
        let (s, e) = f.span(0, "José".len());
        assert_eq!(&original[s..e], "Jose\u{301}");
        let n = f.text().find("Nuñez").unwrap();
        let (s, e) = f.span(n, f.text().len());
        assert_eq!(&original[s..e], "Nun\u{303}ez");
    }

    #[test]
    fn every_span_maps_onto_char_boundaries_in_order() {
        let original = "a\u{200b}\u{2010}b ﬁ½\u{a0}e\u{301}\u{323}x\u{feff}";
        let f = Folded::new(original).unwrap();
        let bounds: Vec<usize> = (0..=f.text().len())
            .filter(|&i| f.text().is_char_boundary(i))
            .collect();
        for &a in &bounds {
            for &b in bounds.iter().filter(|&&b| b >= a) {
                let (s, e) = f.span(a, b);
                assert!(s <= e && e <= original.len(), "{a}..{b} -> {s}..{e}");
                assert!(original.is_char_boundary(s) && original.is_char_boundary(e));
                if a < b {
                    assert!(s < e, "non-empty span {a}..{b} mapped to empty");
                }
            }
        }
    }
}
