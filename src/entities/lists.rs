//! The word lists of the entity pass (first names, surnames, places, stop words),
//! embedded from `patterns/words/` and loaded once per process.

use std::sync::OnceLock;
use unicode_normalization::char::is_combining_mark;
use unicode_normalization::UnicodeNormalization;

/// Sorted, folded word lists.
#[derive(Debug)]
pub struct Lists {
    first: Vec<String>,
    last: Vec<String>,
    name_words: Vec<String>,
    places: Vec<String>,
    place_words: Vec<String>,
    not_names: Vec<String>,
    states: Vec<&'static str>,
}

fn load(texts: &[&str]) -> Vec<String> {
    let mut words: Vec<String> = texts
        .iter()
        .flat_map(|t| t.lines())
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(fold)
        .collect();
    words.sort_unstable();
    words.dedup();
    words
}

/// The embedded lists, loaded on first use.
pub fn lists() -> &'static Lists {
    static LISTS: OnceLock<Lists> = OnceLock::new();
    LISTS.get_or_init(|| Lists {
        first: load(&[
            include_str!("../../patterns/words/first-names.txt"),
            include_str!("../../patterns/words/first-names-extra.txt"),
        ]),
        last: load(&[
            include_str!("../../patterns/words/surnames.txt"),
            include_str!("../../patterns/words/surnames-extra.txt"),
        ]),
        name_words: load(&[include_str!("../../patterns/words/name-words.txt")]),
        places: load(&[
            include_str!("../../patterns/words/cities.txt"),
            include_str!("../../patterns/words/countries.txt"),
        ]),
        place_words: load(&[include_str!("../../patterns/words/place-words.txt")]),
        not_names: load(&[include_str!("../../patterns/words/not-names.txt")]),
        states: include_str!("../../patterns/words/us-states.txt")
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
            .collect(),
    })
}

fn has(list: &[String], folded: &str) -> bool {
    list.binary_search_by(|w| w.as_str().cmp(folded)).is_ok()
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
    /// A one-word place that is also an English word (Mobile, Orange).
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
    // Plain ASCII (nearly every word) has nothing to decompose or straighten.
    if word.is_ascii() {
        return word.to_ascii_lowercase();
    }
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
        .collect()
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
    fn lists_are_sorted_and_sized() {
        let l = lists();
        for list in [&l.first, &l.last, &l.places, &l.not_names] {
            assert!(list.windows(2).all(|w| w[0] < w[1]));
        }
        assert!(l.last.len() > 20_000 && l.first.len() > 5_000 && l.places.len() > 10_000);
    }
}
