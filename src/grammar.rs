//! Verb agreement after a neutralized subject pronoun: "She takes" becomes
//! "They take", not "They takes".

/// Adverbs that may sit between the pronoun and its verb ("she also reports").
const ADVERBS: &[&str] = &[
    "also",
    "still",
    "now",
    "then",
    "never",
    "always",
    "often",
    "usually",
    "currently",
    "recently",
    "only",
    "reportedly",
    "further",
    "again",
    "subsequently",
    "previously",
    "later",
    "already",
    "really",
    "frequently",
    "occasionally",
    "sometimes",
    "generally",
    "clearly",
    "consistently",
    "initially",
    "finally",
    "last",
    "first",
];

/// The plural form of a third-person singular verb, or `None` when `word` is not one.
pub fn plural_verb(word: &str) -> Option<String> {
    let irregular = match word {
        "is" => Some("are"),
        "was" => Some("were"),
        "has" => Some("have"),
        "does" => Some("do"),
        "doesn't" | "doesn’t" => Some("don't"),
        "isn't" | "isn’t" => Some("aren't"),
        "wasn't" | "wasn’t" => Some("weren't"),
        "hasn't" | "hasn’t" => Some("haven't"),
        "goes" => Some("go"),
        _ => None,
    };
    if let Some(v) = irregular {
        return Some(v.to_string());
    }
    if word.len() < 3 || !word.bytes().all(|b| b.is_ascii_lowercase()) || !word.ends_with('s') {
        return None;
    }
    if word.ends_with("ss") || word.ends_with("us") || word.ends_with("is") {
        return None;
    }
    let stem = &word[..word.len() - 1];
    if let Some(base) = word.strip_suffix("ies") {
        return Some(if word.len() <= 4 {
            format!("{base}ie")
        } else {
            format!("{base}y")
        });
    }
    for sibilant in ["sses", "shes", "ches", "xes", "zzes", "oes"] {
        if word.ends_with(sibilant) {
            return Some(word[..word.len() - 2].to_string());
        }
    }
    Some(stem.to_string())
}

/// Finds the verb after a subject pronoun ending at `after` in `text`: returns the
/// byte range of the verb and its plural form. Only spaces, tabs and line breaks and at most one
/// adverb may come between them.
pub fn following_verb(text: &str, after: usize) -> Option<(usize, usize, String)> {
    let mut pos = after;
    for _ in 0..2 {
        let rest = &text[pos..];
        // Spaces, or a line break inside a paragraph ("She \n\ntries" in text
        // extracted from a PDF): the verb still belongs to the pronoun.
        let gap = rest.len() - rest.trim_start_matches([' ', '\t', '\n', '\r']).len();
        if gap == 0 {
            return None;
        }
        let start = pos + gap;
        let word_len = text[start..]
            .find(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '’'))
            .unwrap_or(text.len() - start);
        if word_len == 0 {
            return None;
        }
        let word = &text[start..start + word_len];
        if ADVERBS.contains(&word) {
            pos = start + word_len;
            continue;
        }
        return plural_verb(word).map(|v| (start, start + word_len, v));
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plural_forms() {
        assert_eq!(plural_verb("takes").unwrap(), "take");
        assert_eq!(plural_verb("tries").unwrap(), "try");
        assert_eq!(plural_verb("lies").unwrap(), "lie");
        assert_eq!(plural_verb("misses").unwrap(), "miss");
        assert_eq!(plural_verb("reaches").unwrap(), "reach");
        assert_eq!(plural_verb("is").unwrap(), "are");
        assert_eq!(plural_verb("was").unwrap(), "were");
        assert_eq!(plural_verb("had"), None);
        assert_eq!(plural_verb("will"), None);
        assert_eq!(plural_verb("Takes"), None);
    }

    #[test]
    fn finds_verb_after_adverb() {
        let text = "She also reports pain";
        assert_eq!(following_verb(text, 3), Some((9, 16, "report".into())));
        assert_eq!(following_verb("She, reports", 3), None);
        assert_eq!(following_verb("She had", 3), None);
        assert_eq!(
            following_verb("She \n\ntries", 3),
            Some((6, 11, "try".into()))
        );
    }
}
