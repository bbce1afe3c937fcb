//! Population-scale name lexicons and the safe vocabulary: sorted, folded word
//! lists embedded as text. Membership is looked up in a hash index of line
//! offsets into that text, built on first use (no string is copied).

use super::lists::WordHasher;
use std::hash::Hasher;
use std::sync::OnceLock;

/// A sorted list of folded words, one a line, after `#` comment lines.
#[derive(Debug)]
pub struct SortedWords {
    body: &'static str,
    /// The entries and their hash index, found and built on first use.
    index: OnceLock<Index>,
}

/// The entries' part of a [`SortedWords`] text and its hash index.
#[derive(Debug)]
struct Index {
    /// The text after the leading comment lines (found once, not per lookup).
    entries: &'static [u8],
    /// Open-addressing table of entry offsets (plus one; 0 is an empty slot),
    /// a power of two at most half full.
    slots: Vec<u32>,
}

impl SortedWords {
    /// The list in `text` (comment lines first, then the sorted entries).
    pub const fn new(text: &'static str) -> Self {
        SortedWords {
            body: text,
            index: OnceLock::new(),
        }
    }

    /// The entries' part of the text (after the leading comment lines).
    fn entries(&self) -> &'static str {
        let mut rest = self.body;
        while rest.starts_with('#') {
            rest = rest.find('\n').map_or("", |p| &rest[p + 1..]);
        }
        rest
    }

    /// Whether `folded` is an entry (a whole line of the entries).
    ///
    /// Hashing replaced a binary search over the text: each of its ~18 probes
    /// touched another part of a list of a megabyte, once per capitalized word.
    pub fn contains(&self, folded: &str) -> bool {
        let want = folded.as_bytes();
        if want.is_empty() || want.contains(&b'\n') {
            return false;
        }
        let Index { entries, slots } = self.index.get_or_init(|| {
            let entries = self.entries().as_bytes();
            Index {
                entries,
                slots: build_index(entries),
            }
        });
        let mask = slots.len() - 1;
        let mut slot = home(want, slots.len());
        loop {
            match slots[slot] {
                0 => return false,
                at => {
                    if is_line_at(entries, at as usize - 1, want) {
                        return true;
                    }
                }
            }
            slot = (slot + 1) & mask;
        }
    }

    /// Every entry, in order.
    pub fn iter(&self) -> impl Iterator<Item = &'static str> {
        self.entries().lines()
    }
}

/// The first slot for `bytes` in a table of `size` slots (a power of two): the
/// hash's top bits (a multiply-rotate hash mixes its low bits poorly).
fn home(bytes: &[u8], size: usize) -> usize {
    let mut h = WordHasher::default();
    h.write(bytes);
    (h.finish() >> (64 - size.trailing_zeros())) as usize
}

/// The line of `text` that starts at `start`, without its newline.
fn line_at(text: &[u8], start: usize) -> &[u8] {
    let rest = &text[start..];
    let len = rest.iter().position(|&b| b == b'\n').unwrap_or(rest.len());
    &rest[..len]
}

/// Whether the line of `text` that starts at `start` is `want` (which holds no
/// newline): the same as `line_at(text, start) == want`, without finding the
/// line's end first.
fn is_line_at(text: &[u8], start: usize, want: &[u8]) -> bool {
    let end = start + want.len();
    text.get(start..end) == Some(want) && text.get(end).is_none_or(|&b| b == b'\n')
}

/// The hash index of every non-empty line of `text`.
fn build_index(text: &[u8]) -> Vec<u32> {
    let lines = text.iter().filter(|&&b| b == b'\n').count() + 1;
    let size = (lines * 2).next_power_of_two().max(2);
    let mask = size - 1;
    let mut index = vec![0u32; size];
    let mut start = 0;
    while start < text.len() {
        let line = line_at(text, start);
        if !line.is_empty() {
            let mut slot = home(line, size);
            loop {
                match index[slot] {
                    0 => {
                        index[slot] = (start + 1) as u32;
                        break;
                    }
                    at if line_at(text, at as usize - 1) == line => break,
                    _ => slot = (slot + 1) & mask,
                }
            }
        }
        start += line.len() + 1;
    }
    index
}

/// First names: the SSA national baby-name files, 1880-2020.
pub static FIRST_NAMES: SortedWords =
    SortedWords::new(include_str!("../../patterns/words/lexicon-first-names.txt"));
/// Surnames: the 2010 U.S. Census surnames of 100+ people.
pub static SURNAMES: SortedWords =
    SortedWords::new(include_str!("../../patterns/words/lexicon-surnames.txt"));
/// First names and surnames of the communities case files come from.
pub static COMMUNITY_NAMES: SortedWords =
    SortedWords::new(include_str!("../../patterns/words/community-names.txt"));
/// Clinical, drug, program and administrative terms (hand-written).
pub static SAFE_TERMS: SortedWords =
    SortedWords::new(include_str!("../../patterns/words/safe-terms.txt"));
/// Common English words (see `patterns/words/README.md`).
pub static SAFE_WORDS: SortedWords =
    SortedWords::new(include_str!("../../patterns/words/safe-words.txt"));

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn binary_search_finds_every_entry_and_nothing_else() {
        let list = SortedWords::new("# head\n# more\nalpha\nbeta\ngamma\n");
        for w in ["alpha", "beta", "gamma"] {
            assert!(list.contains(w), "{w}");
        }
        for w in ["", "alph", "alphaa", "b", "delta", "zeta", "# head", "a\nb"] {
            assert!(!list.contains(w), "{w:?}");
        }
        // Every entry of the real lists is found (the lists are sorted bytewise).
        for list in [
            &FIRST_NAMES,
            &SURNAMES,
            &SAFE_WORDS,
            &COMMUNITY_NAMES,
            &SAFE_TERMS,
        ] {
            let mut n = 0;
            for w in list.iter() {
                assert!(list.contains(w), "{w}");
                n += 1;
            }
            assert!(n > 50, "{n}");
        }
    }

    #[test]
    fn a_line_is_matched_whole_without_finding_its_end_first() {
        let text = b"alpha\nbeta\nbetamax\ngam";
        for (start, want) in [(0, "alpha"), (6, "beta"), (11, "betamax"), (19, "gam")] {
            assert!(is_line_at(text, start, want.as_bytes()), "{want}");
            assert_eq!(line_at(text, start), want.as_bytes());
        }
        for (start, want) in [
            (0, "alph"),
            (6, "bet"),
            (6, "betam"),
            (11, "beta"),
            (19, "ga"),
        ] {
            assert!(!is_line_at(text, start, want.as_bytes()), "{want}");
            assert_ne!(line_at(text, start), want.as_bytes());
        }
        assert!(!is_line_at(text, 19, b"gamma"), "past the end of the text");
    }

    #[test]
    fn lexicons_hold_names_of_the_communities_and_safe_words() {
        for w in [
            "itzel", "mateo", "sione", "mele", "tobias", "nguyen", "xiong", "vang",
        ] {
            assert!(FIRST_NAMES.contains(w) || SURNAMES.contains(w), "{w}");
        }
        for w in ["kaur", "singh", "petrosyan", "harlow", "okoro", "alvarez"] {
            assert!(SURNAMES.contains(w), "{w}");
        }
        for w in [
            "tuilagi",
            "fifita",
            "sarkissian",
            "dhaliwal",
            "xitlali",
            "ngozi",
        ] {
            assert!(COMMUNITY_NAMES.contains(w), "{w}");
        }
        for w in ["therapy", "patient", "lumbar", "will", "rose", "price"] {
            assert!(SAFE_WORDS.contains(w), "{w}");
        }
        for w in ["john", "maria", "harlow", "alvarez"] {
            assert!(!SAFE_WORDS.contains(w), "{w}");
        }
    }
}
