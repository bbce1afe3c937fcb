//! The word lists of the entity pass (first names, surnames, places, stop words),
//! embedded from `patterns/words/` and loaded once per process.

use std::collections::HashSet;
use std::hash::BuildHasherDefault;
use std::sync::OnceLock;
use unicode_normalization::char::is_combining_mark;
use unicode_normalization::UnicodeNormalization;

pub use crate::word_hash::WordHasher;

/// A set of folded words. Looked up for every capitalized word of every text, so
/// it hashes with [`WordHasher`] rather than SipHash (the words are our own lists,
/// not attacker-chosen keys).
pub type Set = HashSet<String, BuildHasherDefault<WordHasher>>;

/// Folded word lists.
#[derive(Debug)]
pub struct Lists {
    first: Set,
    last: Set,
    name_words: Set,
    places: Set,
    countries: Set,
    place_words: Set,
    /// Every start of a place of more than one word, up to a space before its
    /// next word (`san`, `san luis` of `san luis obispo`).
    place_prefixes: Set,
    not_names: Set,
    states: Vec<&'static str>,
}

/// Every part of each place in `places` that ends before one of its spaces.
fn prefixes(places: &Set) -> Set {
    let mut out = Set::default();
    for place in places {
        for (at, _) in place.match_indices(' ') {
            out.insert(place[..at].to_string());
        }
    }
    out
}

/// The words of `texts` (one a line, `#` comments), folded.
pub fn load(texts: &[&str]) -> Set {
    texts
        .iter()
        .flat_map(|t| t.lines())
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(fold)
        .collect()
}

/// The embedded lists, loaded on first use.
pub fn lists() -> &'static Lists {
    static LISTS: OnceLock<Lists> = OnceLock::new();
    LISTS.get_or_init(|| {
        let places = load(&[
            include_str!("../../patterns/words/cities.txt"),
            include_str!("../../patterns/words/countries.txt"),
        ]);
        Lists {
            first: load(&[
                include_str!("../../patterns/words/first-names.txt"),
                include_str!("../../patterns/words/first-names-extra.txt"),
            ]),
            last: load(&[
                include_str!("../../patterns/words/surnames.txt"),
                include_str!("../../patterns/words/surnames-extra.txt"),
            ]),
            name_words: load(&[include_str!("../../patterns/words/name-words.txt")]),
            place_prefixes: prefixes(&places),
            places,
            countries: load(&[include_str!("../../patterns/words/countries.txt")]),
            place_words: load(&[
                include_str!("../../patterns/words/place-words.txt"),
                include_str!("../../patterns/words/countries-given.txt"),
            ]),
            not_names: load(&[include_str!("../../patterns/words/not-names.txt")]),
            states: include_str!("../../patterns/words/us-states.txt")
                .lines()
                .map(str::trim)
                .filter(|l| !l.is_empty() && !l.starts_with('#'))
                .collect(),
        }
    })
}

fn has(list: &Set, folded: &str) -> bool {
    list.contains(folded)
}

impl Lists {
    /// A first name (folded form).
    pub fn is_first(&self, folded: &str) -> bool {
        has(&self.first, folded)
    }
    /// A surname (folded form).
    pub fn is_last(&self, folded: &str) -> bool {
        has(&self.last, folded)
    }
    /// A name that is also an ordinary English word (Rose, Will, Price).
    pub fn is_name_word(&self, folded: &str) -> bool {
        has(&self.name_words, folded)
    }
    /// A city or country (folded, tokens joined by one space).
    pub fn is_place(&self, folded: &str) -> bool {
        has(&self.places, folded)
    }
    /// A country (folded, tokens joined by one space): a place even when it is
    /// also a surname (Germany, Portugal).
    pub fn is_country(&self, folded: &str) -> bool {
        has(&self.countries, folded)
    }
    /// Whether some place of the gazetteer starts with `folded` and a space (`san`,
    /// `san luis`): a run of words can only be a place if each shorter part is.
    pub fn is_place_prefix(&self, folded: &str) -> bool {
        has(&self.place_prefixes, folded)
    }
    /// A one-word place that is also an English word (Mobile, Orange) or a
    /// country that is chiefly a given name (Jordan, Kenya).
    pub fn is_place_word(&self, folded: &str) -> bool {
        has(&self.place_words, folded)
    }
    /// Whether `text` starts with a US state name (title or upper case).
    pub fn is_state(&self, text: &str) -> bool {
        self.states.iter().any(|s| {
            text.starts_with(s) && !text[s.len()..].starts_with(|c: char| c.is_alphanumeric())
        })
    }
    /// Capitalized vocabulary that is never a name or place (Hydrocodone, Medial).
    pub fn is_stop(&self, folded: &str) -> bool {
        has(&self.not_names, folded)
    }
}

/// Lower-case, accents removed, curly apostrophe straightened: `Peña` → `pena`.
pub fn fold(word: &str) -> String {
    let mut out = String::with_capacity(word.len());
    fold_into(word, &mut out);
    out
}

/// Appends [`fold`]`(word)` to `out`.
pub fn fold_into(word: &str, out: &mut String) {
    // Plain ASCII (nearly every word) has nothing to decompose or straighten.
    if word.is_ascii() {
        let from = out.len();
        out.push_str(word);
        out[from..].make_ascii_lowercase();
        return;
    }
    out.extend(fold_chars(word));
}

fn fold_chars(word: &str) -> impl Iterator<Item = char> + '_ {
    word.nfd()
        .filter(|c| !is_combining_mark(*c))
        .flat_map(char::to_lowercase)
        .map(|c| match c {
            '’' => '\'',
            'ı' => 'i',
            'ł' => 'l',
            'ø' => 'o',
            'đ' => 'd',
            'ß' => 's',
            other => other,
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folding_and_lookups() {
        assert_eq!(fold("Peña"), "pena");
        assert_eq!(fold("O’Neil"), "o'neil");
        assert_eq!(fold("Yağız"), "yagiz");
        let l = lists();
        assert!(l.is_first("maria") && l.is_last("lopez") && l.is_last(&fold("García")));
        assert!(l.is_name_word("rose") && l.is_name_word("will"));
        assert!(l.is_place("long beach") && l.is_place("philippines"));
        assert!(l.is_place_word("orange"));
        assert!(l.is_stop("hydrocodone") && l.is_stop("spurling") && l.is_stop("medial"));
        assert!(!l.is_stop("lopez"));
    }

    #[test]
    fn lists_are_folded_and_sized() {
        let l = lists();
        for list in [&l.first, &l.last, &l.places, &l.not_names] {
            assert!(list.iter().all(|w| *w == fold(w)));
        }
        assert!(l.last.len() > 20_000 && l.first.len() > 5_000 && l.places.len() > 10_000);
    }

    #[test]
    fn place_prefixes_are_the_starts_of_places_of_several_words() {
        let l = lists();
        assert!(l.is_place("los dos caminos") && l.is_place("los angeles"));
        assert!(l.is_place_prefix("los") && l.is_place_prefix("los dos"));
        assert!(!l.is_place_prefix("los angeles county hall"));
        assert!(!l.is_place_prefix("los dos caminos") && !l.is_place_prefix("lumbar"));
        // Every place of several words: each start before a space is a prefix.
        for place in l.places.iter().filter(|p| p.contains(' ')) {
            for (at, _) in place.match_indices(' ') {
                assert!(l.is_place_prefix(&place[..at]), "{place}");
            }
        }
    }

    #[test]
    fn word_hasher_mixes_8_byte_words_and_the_str_end_marker() {
        use std::hash::{BuildHasher, BuildHasherDefault};
        // The reference: every 8-byte chunk zero-padded, then the 0xff marker.
        fn reference(s: &str) -> u64 {
            let mut h = 0u64;
            for chunk in s.as_bytes().chunks(8).chain([&[0xffu8][..]]) {
                let mut word = [0u8; 8];
                word[..chunk.len()].copy_from_slice(chunk);
                h = (h.rotate_left(5) ^ u64::from_le_bytes(word))
                    .wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
            }
            h
        }
        let build = BuildHasherDefault::<WordHasher>::default();
        for s in [
            "",
            "a",
            "lopez",
            "12345678",
            "san francisco",
            "o'neil-garcía",
        ] {
            assert_eq!(build.hash_one(s), reference(s), "{s:?}");
        }
    }
}
