//! Population-scale name lexicons and the safe vocabulary: sorted, folded word
//! lists embedded as text and searched in place by binary search, so loading
//! them costs nothing at start-up (no set is built).

/// A sorted list of folded words, one a line, after `#` comment lines.
#[derive(Debug, Clone, Copy)]
pub struct SortedWords {
    body: &'static str,
}

impl SortedWords {
    /// The list in `text` (comment lines first, then the sorted entries).
    pub const fn new(text: &'static str) -> Self {
        SortedWords { body: text }
    }

    /// The entries' part of the text (after the leading comment lines).
    fn entries(&self) -> &'static str {
        let mut rest = self.body;
        while rest.starts_with('#') {
            rest = rest.find('\n').map_or("", |p| &rest[p + 1..]);
        }
        rest
    }

    /// Whether `folded` is an entry.
    pub fn contains(&self, folded: &str) -> bool {
        let text = self.entries().as_bytes();
        let want = folded.as_bytes();
        if want.is_empty() || want.contains(&b'\n') {
            return false;
        }
        let (mut lo, mut hi) = (0usize, text.len());
        while lo < hi {
            let mid = lo + (hi - lo) / 2;
            // The line holding `mid`.
            let start = text[lo..mid]
                .iter()
                .rposition(|&b| b == b'\n')
                .map_or(lo, |p| lo + p + 1);
            let end = text[mid..hi]
                .iter()
                .position(|&b| b == b'\n')
                .map_or(hi, |p| mid + p);
            match text[start..end].cmp(want) {
                std::cmp::Ordering::Equal => return true,
                std::cmp::Ordering::Less => lo = end + 1,
                std::cmp::Ordering::Greater => hi = start,
            }
        }
        false
    }

    /// Every entry, in order.
    pub fn iter(&self) -> impl Iterator<Item = &'static str> {
        self.entries().lines()
    }
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
