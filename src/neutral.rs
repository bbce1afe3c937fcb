//! Gender-neutral replacements for gendered pronouns and titles, keeping the
//! capitalization of the original.

/// The neutral form of a gendered word, or `None` when the word has none.
/// `next_word` (the word that follows, lower-cased) decides whether "her" is
/// possessive ("her pain" → "their pain") or an object ("told her" → "told them").
pub fn neutral_form(word: &str, next_word: Option<&str>) -> Option<String> {
    let lower = word.to_lowercase();
    let base = match lower.trim_end_matches('.') {
        "she" | "he" => "they",
        "him" => "them",
        "her" => {
            if next_word.is_some_and(starts_noun_phrase) {
                "their"
            } else {
                "them"
            }
        }
        "his" => {
            if next_word.is_some_and(starts_noun_phrase) {
                "their"
            } else {
                "theirs"
            }
        }
        "hers" => "theirs",
        "herself" | "himself" => "themself",
        "mr" | "mrs" | "ms" | "miss" => "Mx",
        _ => return None,
    };
    let mut out = match_case(word, base);
    if word.ends_with('.') && base == "Mx" {
        out.push('.');
    }
    Some(out)
}

/// The word after `end` (lower case) when it follows directly after spaces.
pub fn next_word(text: &str, end: usize) -> Option<String> {
    let rest = &text[end..];
    let immediately = rest
        .trim_start()
        .chars()
        .next()
        .is_some_and(char::is_alphanumeric);
    if !immediately {
        return None;
    }
    rest.split(|c: char| !c.is_alphanumeric())
        .find(|w| !w.is_empty())
        .map(str::to_lowercase)
}

/// Whether a following word makes "her"/"his" a possessive determiner.
fn starts_noun_phrase(next: &str) -> bool {
    const NOT_NOUN: &[&str] = &[
        "and",
        "or",
        "but",
        "to",
        "for",
        "with",
        "at",
        "in",
        "on",
        "of",
        "by",
        "from",
        "that",
        "as",
        "if",
        "when",
        "was",
        "is",
        "has",
        "had",
        "about",
        "into",
        "because",
        "so",
        "than",
        "after",
        "before",
        "since",
        "until",
        "while",
        "who",
        "which",
        "the",
        "a",
        "an",
        "this",
        "not",
        "also",
        "again",
        "today",
        "yesterday",
        "there",
        "here",
        "up",
        "down",
        "out",
        "off",
        "back",
        "over",
    ];
    next.chars().next().is_some_and(char::is_alphabetic) && !NOT_NOUN.contains(&next)
}

/// Gives `base` the capitalization of `original` (all caps, initial cap, or lower).
fn match_case(original: &str, base: &str) -> String {
    let letters: Vec<char> = original.chars().filter(|c| c.is_alphabetic()).collect();
    if letters.len() > 1 && letters.iter().all(|c| c.is_uppercase()) {
        base.to_uppercase()
    } else if letters.first().is_some_and(|c| c.is_uppercase()) {
        let mut chars = base.chars();
        chars
            .next()
            .map(|f| f.to_uppercase().chain(chars).collect())
            .unwrap_or_default()
    } else {
        base.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::neutral_form;

    #[test]
    fn pronouns_keep_case() {
        assert_eq!(neutral_form("She", Some("tries")).unwrap(), "They");
        assert_eq!(neutral_form("HE", None).unwrap(), "THEY");
        assert_eq!(neutral_form("her", Some("pain")).unwrap(), "their");
        assert_eq!(neutral_form("her", Some("and")).unwrap(), "them");
        assert_eq!(neutral_form("herself", None).unwrap(), "themself");
        assert_eq!(neutral_form("Mrs.", None).unwrap(), "Mx.");
        assert_eq!(neutral_form("Ms", None).unwrap(), "Mx");
        assert!(neutral_form("female", None).is_none());
    }
}
