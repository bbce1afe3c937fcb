//! The cue and shape vocabularies of the entity pass (organisation heads, kinship
//! words, place and employer cues ...), embedded from `patterns/words/` as one
//! sorted list a file and loaded once per process.

use super::lists::{load, Set};
use std::sync::OnceLock;

/// A list of cue phrases, each split into its words ("lives in" → ["lives", "in"]).
pub type Phrases = Vec<Vec<&'static str>>;

/// The cue and shape word lists, every entry folded (lower case, no accents).
#[derive(Debug)]
pub struct Vocab {
    /// Last words that make a run an organisation (`patterns/words/org-suffixes.txt`);
    /// two-word entries ("insurance exchange") are in `org_suffix_pairs`.
    pub org_suffix: Set,
    /// The two-word heads of `org-suffixes.txt`, and (in `org_suffix_pair_ends`)
    /// their last words.
    pub org_suffix_pairs: Set,
    /// The last words of the two-word heads ("exchange", "storage").
    pub org_suffix_pair_ends: Set,
    /// Heads that close an organisation in text of any case (`org-heads-caseless.txt`).
    pub org_heads_caseless: Set,
    /// Phrases before an organisation in any case (`org-cues.txt`).
    pub org_cues: Phrases,
    /// Phrases before an organisation that counts only with a head
    /// (`org-cues-headed.txt`).
    pub org_cues_headed: Phrases,
    /// Function words that end a run where case says nothing (`clause-words.txt`).
    pub clause_words: Set,
    /// First words that make a run an organisation (`org-prefixes.txt`).
    pub org_prefix: Set,
    /// Words that do not make an organisation distinctive (`org-generic.txt`).
    pub org_generic: Set,
    /// Words dropped from the front of an organisation (`org-lead.txt`).
    pub org_lead: Set,
    /// Relatives and companions (`kinship.txt`).
    pub kinship: Set,
    /// Words before a place (`place-cues.txt`).
    pub place_cues: Set,
    /// Phrases before a place of residence (`residence-cues.txt`).
    pub residence_cues: Phrases,
    /// Phrases before an employer (`employer-cues.txt`).
    pub employer_cues: Phrases,
    /// Words that never start a place after a residence cue (`not-residence.txt`).
    pub not_residence: Set,
    /// Words after a clinical eponym (`eponym-next.txt`).
    pub eponym_next: Set,
    /// Particles inside a person's name (`name-particles.txt`).
    pub particles: Set,
    /// Titles before a name (`title-cues.txt`).
    pub title_cues: Set,
    /// Roles and relatives before a name (`role-cues.txt`).
    pub role_cues: Set,
    /// Phrases before a name in prose (`name-cues.txt`: my name is, calls me).
    pub name_cues: Phrases,
}

fn phrases(text: &'static str) -> Phrases {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(|l| l.split_whitespace().collect())
        .collect()
}

/// The embedded cue lists, loaded on first use.
pub fn vocab() -> &'static Vocab {
    static VOCAB: OnceLock<Vocab> = OnceLock::new();
    VOCAB.get_or_init(|| {
        let heads = load(&[include_str!("../../patterns/words/org-suffixes.txt")]);
        let (org_suffix_pairs, org_suffix): (Set, Set) =
            heads.into_iter().partition(|h| h.contains(' '));
        let org_suffix_pair_ends = org_suffix_pairs
            .iter()
            .filter_map(|p| p.rsplit(' ').next().map(str::to_string))
            .collect();
        Vocab {
            org_suffix,
            org_suffix_pairs,
            org_suffix_pair_ends,
            org_heads_caseless: load(&[include_str!(
                "../../patterns/words/org-heads-caseless.txt"
            )]),
            org_cues: phrases(include_str!("../../patterns/words/org-cues.txt")),
            org_cues_headed: phrases(include_str!("../../patterns/words/org-cues-headed.txt")),
            clause_words: load(&[include_str!("../../patterns/words/clause-words.txt")]),
            org_prefix: load(&[include_str!("../../patterns/words/org-prefixes.txt")]),
            org_generic: load(&[include_str!("../../patterns/words/org-generic.txt")]),
            org_lead: load(&[include_str!("../../patterns/words/org-lead.txt")]),
            kinship: load(&[include_str!("../../patterns/words/kinship.txt")]),
            place_cues: load(&[include_str!("../../patterns/words/place-cues.txt")]),
            residence_cues: phrases(include_str!("../../patterns/words/residence-cues.txt")),
            employer_cues: phrases(include_str!("../../patterns/words/employer-cues.txt")),
            not_residence: load(&[include_str!("../../patterns/words/not-residence.txt")]),
            eponym_next: load(&[include_str!("../../patterns/words/eponym-next.txt")]),
            particles: load(&[include_str!("../../patterns/words/name-particles.txt")]),
            title_cues: load(&[include_str!("../../patterns/words/title-cues.txt")]),
            role_cues: load(&[include_str!("../../patterns/words/role-cues.txt")]),
            name_cues: phrases(include_str!("../../patterns/words/name-cues.txt")),
        }
    })
}

/// The hand-written and generated lists that must stay canonical: one entry a
/// line, sorted by folded form, no two entries with one folded form.
#[cfg(test)]
pub(crate) const CANONICAL_LISTS: &[(&str, &str)] = &[
    (
        "org-suffixes.txt",
        include_str!("../../patterns/words/org-suffixes.txt"),
    ),
    (
        "org-prefixes.txt",
        include_str!("../../patterns/words/org-prefixes.txt"),
    ),
    (
        "org-generic.txt",
        include_str!("../../patterns/words/org-generic.txt"),
    ),
    (
        "org-lead.txt",
        include_str!("../../patterns/words/org-lead.txt"),
    ),
    (
        "org-heads-caseless.txt",
        include_str!("../../patterns/words/org-heads-caseless.txt"),
    ),
    (
        "org-cues.txt",
        include_str!("../../patterns/words/org-cues.txt"),
    ),
    (
        "org-cues-headed.txt",
        include_str!("../../patterns/words/org-cues-headed.txt"),
    ),
    (
        "clause-words.txt",
        include_str!("../../patterns/words/clause-words.txt"),
    ),
    (
        "kinship.txt",
        include_str!("../../patterns/words/kinship.txt"),
    ),
    (
        "place-cues.txt",
        include_str!("../../patterns/words/place-cues.txt"),
    ),
    (
        "residence-cues.txt",
        include_str!("../../patterns/words/residence-cues.txt"),
    ),
    (
        "employer-cues.txt",
        include_str!("../../patterns/words/employer-cues.txt"),
    ),
    (
        "not-residence.txt",
        include_str!("../../patterns/words/not-residence.txt"),
    ),
    (
        "eponym-next.txt",
        include_str!("../../patterns/words/eponym-next.txt"),
    ),
    (
        "name-particles.txt",
        include_str!("../../patterns/words/name-particles.txt"),
    ),
    (
        "title-cues.txt",
        include_str!("../../patterns/words/title-cues.txt"),
    ),
    (
        "role-cues.txt",
        include_str!("../../patterns/words/role-cues.txt"),
    ),
    (
        "name-cues.txt",
        include_str!("../../patterns/words/name-cues.txt"),
    ),
    (
        "community-names.txt",
        include_str!("../../patterns/words/community-names.txt"),
    ),
    (
        "safe-terms.txt",
        include_str!("../../patterns/words/safe-terms.txt"),
    ),
    (
        "safe-words.txt",
        include_str!("../../patterns/words/safe-words.txt"),
    ),
    (
        "lexicon-first-names.txt",
        include_str!("../../patterns/words/lexicon-first-names.txt"),
    ),
    (
        "lexicon-surnames.txt",
        include_str!("../../patterns/words/lexicon-surnames.txt"),
    ),
    (
        "not-names.txt",
        include_str!("../../patterns/words/not-names.txt"),
    ),
    (
        "first-names-extra.txt",
        include_str!("../../patterns/words/first-names-extra.txt"),
    ),
    (
        "surnames-extra.txt",
        include_str!("../../patterns/words/surnames-extra.txt"),
    ),
    (
        "first-names.txt",
        include_str!("../../patterns/words/first-names.txt"),
    ),
    (
        "surnames.txt",
        include_str!("../../patterns/words/surnames.txt"),
    ),
];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::entities::lists::fold;

    /// Like a spelling dictionary's verify test: every list is sorted, free of
    /// duplicates and written canonically, so a diff of a list is a diff of words.
    #[test]
    fn word_lists_are_sorted_deduplicated_and_canonical() {
        for (name, text) in CANONICAL_LISTS {
            let mut previous: Option<String> = None;
            for (n, line) in text.lines().enumerate() {
                if line.starts_with('#') {
                    assert!(
                        previous.is_none(),
                        "{name}:{}: comment after the entries",
                        n + 1
                    );
                    continue;
                }
                assert!(!line.is_empty(), "{name}:{}: empty line", n + 1);
                assert_eq!(
                    line,
                    line.trim(),
                    "{name}:{}: spaces around {line:?}",
                    n + 1
                );
                assert!(
                    !line.contains("  "),
                    "{name}:{}: double space in {line:?}",
                    n + 1
                );
                let folded = fold(line);
                if let Some(p) = &previous {
                    assert!(
                        *p < folded,
                        "{name}:{}: {line:?} is out of order or repeated after {p:?}",
                        n + 1
                    );
                }
                previous = Some(folded);
            }
            assert!(previous.is_some(), "{name} has no entries");
        }
    }

    #[test]
    fn cue_lists_are_lower_case_and_loaded() {
        let v = vocab();
        for (name, text) in &CANONICAL_LISTS[..22] {
            for line in text.lines().filter(|l| !l.starts_with('#')) {
                assert_eq!(line, fold(line), "{name}: {line:?} is not folded");
            }
        }
        assert!(v.org_suffix.contains("llc") && v.kinship.contains("wife"));
        assert!(v.residence_cues.contains(&vec!["lives", "in"]));
        assert!(v.employer_cues.contains(&vec!["employed", "by"]));
        assert!(v.eponym_next.contains("sign") && v.particles.contains("van"));
        assert!(v.name_cues.contains(&vec!["my", "name", "is"]));
    }
}
