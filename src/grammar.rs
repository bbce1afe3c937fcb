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
    if let Some(contraction) = contracted_verb(text, after) {
        return Some(contraction);
    }
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

/// Participles after which a contracted "'s" is "has" ("she's been" → "they've
/// been"); after anything else it is "is" ("she's a nurse" → "they're a nurse").
const PARTICIPLES: &[&str] = &[
    "been",
    "had",
    "got",
    "gotten",
    "gone",
    "done",
    "seen",
    "made",
    "taken",
    "given",
    "become",
    "left",
    "lost",
    "felt",
    "kept",
    "told",
    "said",
    "gained",
    "worked",
    "returned",
    "received",
    "reported",
    "attended",
    "completed",
    "undergone",
    "started",
    "stopped",
    "tried",
];

/// The contracted verb right after the pronoun ("She's", "he’s"): its range and
/// the plural ("'re" or "'ve", with the same apostrophe).
fn contracted_verb(text: &str, after: usize) -> Option<(usize, usize, String)> {
    let rest = &text[after..];
    let mark = ['\'', '’'].into_iter().find(|&m| rest.starts_with(m))?;
    let end = after + mark.len_utf8();
    let s = text[end..]
        .chars()
        .next()
        .filter(|&c| c == 's' || c == 'S')?;
    let end = end + 1;
    if text[end..].starts_with(char::is_alphanumeric) {
        return None;
    }
    // Adjectives in -ed take "is" ("she's tired", "she's married"): only listed
    // participles take "has".
    let has =
        crate::neutral::next_word(text, end).is_some_and(|w| PARTICIPLES.contains(&w.as_str()));
    let verb = if has { "ve" } else { "re" };
    let verb = if s == 'S' {
        verb.to_uppercase()
    } else {
        verb.to_string()
    };
    Some((after, end, format!("{mark}{verb}")))
}

/// Joins the verbs of one subject: "and", "or", "but".
const COORDINATORS: &[&str] = &["and", "or", "but"];

/// Words that end the pronoun's clause when met between its verbs: a new subject
/// ("and she feels" gets its own rewrite) or a subordinate clause with its own verb.
/// ("it", "you", "there" are often objects; as a subject their verb ends the chain
/// anyway: "said it hurts", a word ending in "s" after a word that is not a verb.)
const CLAUSE_BREAKS: &[&str] = &[
    "he", "she", "they", "i", "we", "who", "whom", "whose", "which", "that", "because", "when",
    "whenever", "while", "if", "although", "though", "since", "until", "unless", "whereas",
    "where", "so", "than", "whether", "what",
];

/// Words that may come before a plural noun without making it a verb ("the
/// letters", "her medications"): after anything else, a word ending in "s" starts
/// a new subject's verb ("the doctor walks"), and the clause is no longer the pronoun's.
const NOUN_LEADS: &[&str] = &[
    "the", "a", "an", "this", "these", "those", "his", "her", "their", "its", "my", "your", "our",
    "some", "any", "no", "all", "both", "many", "several", "few", "two", "three", "of", "for",
    "with", "to", "in", "on", "at", "from", "about", "by", "into",
];

/// Words after a candidate verb that show it is one ("and needs a wheelchair",
/// "and feels better"): determiners, object pronouns and complements a plural noun
/// would not take ("that" is not one: "falls that began in May").
const VERB_COMPLEMENTS: &[&str] = &[
    "a", "an", "the", "this", "these", "those", "his", "her", "their", "its", "my", "your", "our",
    "some", "any", "no", "him", "them", "it", "me", "us", "you", "well", "better", "worse", "fine",
    "daily",
];

/// How many words may lie between two coordinated verbs ("received the letter
/// from the clinic and feels"); further on, the clause is given up.
const MAX_GAP_WORDS: usize = 16;

/// One word or punctuation mark of a clause, with its byte range.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Token<'a> {
    Word(&'a str, usize, usize),
    Comma,
    /// Anything else (".", ";", "(", a blank line, the end): the clause ends.
    Stop,
}

/// The next token of `text` at or after `pos`, and where the one after starts.
fn next_token(text: &str, pos: usize) -> (Token<'_>, usize) {
    let rest = &text[pos..];
    let trimmed = rest.trim_start_matches([' ', '\t', '\n', '\r']);
    let gap = &rest[..rest.len() - trimmed.len()];
    if gap.matches('\n').count() > 1 || (gap.matches('\r').count() > 1 && !gap.contains('\n')) {
        return (Token::Stop, text.len());
    }
    let start = pos + gap.len();
    let len = text[start..]
        .find(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '’' || c == '-'))
        .unwrap_or(text.len() - start);
    if len > 0 {
        return (
            Token::Word(&text[start..start + len], start, start + len),
            start + len,
        );
    }
    if text[start..].starts_with(',') {
        return (Token::Comma, start + 1);
    }
    (Token::Stop, text.len())
}

/// Words ending in "s" that are never a third-person verb ("and perhaps", "and its").
const NOT_VERBS: &[&str] = &[
    "its",
    "hers",
    "ours",
    "yours",
    "theirs",
    "perhaps",
    "towards",
    "besides",
    "afterwards",
    "nowadays",
    "backwards",
    "forwards",
    "upwards",
    "downwards",
    "always",
    "sometimes",
    "nevertheless",
    "regardless",
    "yes",
    "thus",
];

/// The verbs coordinated with a subject pronoun's own verb ("She received the
/// letter and feels better": "feels"), each as its byte range and plural form.
/// `after` is where the pronoun ends; nothing ending past `limit` is returned.
///
/// The pronoun's first word (after at most two adverbs) is its verb or auxiliary;
/// after it the clause is read word by word. A word after "and", "or", "but" or a
/// comma in a verb list (and at most one adverb) is taken as a coordinated verb only
/// on evidence that it is a verb, because many such words are also plural nouns
/// ("dizziness and falls", "pain and needs assessment"): making a noun agree changes
/// the meaning, while leaving a verb as it was only leaves a grammar slip. The evidence:
/// - an adverb between ("and still feels", "and then goes"), or
/// - it follows the previous verb directly ("walks and drives", "walks, drives or swims"), or
/// - it is an auxiliary or "goes" ("and is", "and has", "and does"), or
/// - the next word is a determiner, an object pronoun or a complement ("and needs a
///   wheelchair", "and feels better").
///
/// Anything else ends the chain: a word after the coordinator that has no plural
/// form (a new subject, "and the doctor feels", "and she feels"; a past tense, which
/// needs no change), a clause word ("who", "because", "he"), a word ending in "s"
/// after a noun ("says the doctor walks": a new subject's verb), a capitalised word
/// or a number (it may be an identifier the detector missed, and the change would
/// copy it while reporting its span as changed), punctuation other than a comma, a
/// blank line, or more than [`MAX_GAP_WORDS`] words between two verbs.
pub fn coordinated_verbs(text: &str, after: usize, limit: usize) -> Vec<(usize, usize, String)> {
    let mut verbs = Vec::new();
    let Some(mut pos) = pronoun_verb_end(text, after) else {
        return verbs;
    };
    // The word before the current position, and whether it is a verb of the pronoun.
    let mut prev: &str = "";
    let mut prev_is_verb = true;
    let mut gap_words = 0;
    loop {
        let (token, next) = next_token(text, pos);
        let after_coordinator = match token {
            Token::Comma => match next_token(text, next) {
                // ", and feels": one coordinator, after an object too.
                (Token::Word(w, _, _), after_and) if COORDINATORS.contains(&w) => after_and,
                // "walks, drives": a bare comma only in a list of verbs.
                _ if prev_is_verb => next,
                _ => return verbs,
            },
            Token::Word(w, _, _) if COORDINATORS.contains(&w) => next,
            Token::Word(w, _, _) => {
                gap_words += 1;
                let new_subject =
                    plural_verb(w).is_some() && !prev_is_verb && !NOUN_LEADS.contains(&prev);
                // A capitalised word or a number may be an identifier the detector
                // missed: a change never copies one (it would count as redacted).
                let may_identify = w.chars().any(|c| c.is_uppercase() || c.is_numeric());
                if gap_words > MAX_GAP_WORDS
                    || may_identify
                    || CLAUSE_BREAKS.contains(&w.to_lowercase().as_str())
                    || new_subject
                {
                    return verbs;
                }
                prev = w;
                prev_is_verb = false;
                pos = next;
                continue;
            }
            Token::Stop => return verbs,
        };
        let Some((word, start, end, next, adverb)) = candidate_verb(text, after_coordinator) else {
            return verbs;
        };
        let Some(plural) = plural_verb(word).filter(|_| !NOT_VERBS.contains(&word)) else {
            return verbs;
        };
        let auxiliary =
            !word.ends_with('s') || matches!(word, "is" | "was" | "has" | "does" | "goes");
        let complement = matches!(next_token(text, next).0,
            Token::Word(w, _, _) if VERB_COMPLEMENTS.contains(&w));
        if !(adverb || prev_is_verb || auxiliary || complement) || end > limit {
            return verbs;
        }
        verbs.push((start, end, plural));
        prev = word;
        prev_is_verb = true;
        gap_words = 0;
        pos = next;
    }
}

/// Where the pronoun's own verb (its first word after at most two adverbs) ends,
/// or `None` when no lower-case word follows ("She, however,", "She and her husband").
fn pronoun_verb_end(text: &str, after: usize) -> Option<usize> {
    let mut pos = after;
    for _ in 0..3 {
        let (Token::Word(w, _, _), next) = next_token(text, pos) else {
            return None;
        };
        pos = next;
        if ADVERBS.contains(&w) {
            continue;
        }
        let lower = w.chars().all(|c| !c.is_uppercase());
        let joins = COORDINATORS.contains(&w) || CLAUSE_BREAKS.contains(&w);
        return (lower && !joins).then_some(pos);
    }
    None
}

/// The word after a coordinator, past at most one adverb: the word, its range,
/// where the next token starts, and whether an adverb came first.
fn candidate_verb(text: &str, mut at: usize) -> Option<(&str, usize, usize, usize, bool)> {
    let mut adverb = false;
    loop {
        let (Token::Word(w, start, end), next) = next_token(text, at) else {
            return None;
        };
        if ADVERBS.contains(&w) && !adverb {
            adverb = true;
            at = next;
            continue;
        }
        return Some((w, start, end, next, adverb));
    }
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
    fn a_contracted_verb_agrees_as_is_or_has() {
        fn plural(t: &str) -> Option<(&str, String)> {
            following_verb(t, 3).map(|(s, e, v)| (&t[s..e], v))
        }
        assert_eq!(plural("She's a nurse"), Some(("'s", "'re".into())));
        assert_eq!(plural("She’s tired"), Some(("’s", "’re".into())));
        assert_eq!(plural("She's been off work"), Some(("'s", "'ve".into())));
        assert_eq!(plural("She's had surgery"), Some(("'s", "'ve".into())));
        assert_eq!(plural("She'sa"), None);
        assert_eq!(plural("She'll go"), None);
        assert_eq!(plural("SHE'S BEEN SEEN"), Some(("'S", "'VE".into())));
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

    /// The text with every coordinated verb of the pronoun at the start made plural.
    fn agree(text: &str) -> String {
        let pronoun_end = text.find(|c: char| !c.is_alphabetic()).unwrap();
        let mut out = String::new();
        let mut cursor = 0;
        for (start, end, plural) in coordinated_verbs(text, pronoun_end, text.len()) {
            out.push_str(&text[cursor..start]);
            out.push_str(&plural);
            cursor = end;
        }
        out.push_str(&text[cursor..]);
        out
    }

    #[test]
    fn coordinated_verbs_agree() {
        for (text, want) in [
            (
                "She received the letter and feels better",
                "She received the letter and feel better",
            ),
            ("He walks and drives daily.", "He walks and drive daily."),
            ("She tries but fails.", "She tries but fail."),
            ("He walks or drives.", "He walks or drive."),
            ("She walks, drives and swims.", "She walks, drive and swim."),
            (
                "She walks, drives, and swims.",
                "She walks, drive, and swim.",
            ),
            (
                "She received it and still feels tired.",
                "She received it and still feel tired.",
            ),
            (
                "He left work and then goes home.",
                "He left work and then go home.",
            ),
            (
                "She was seen and is improving.",
                "She was seen and are improving.",
            ),
            (
                "She has pain and needs a cane.",
                "She has pain and need a cane.",
            ),
            (
                "She took the letters and feels better",
                "She took the letters and feel better",
            ),
            (
                "She received the letter, and feels better",
                "She received the letter, and feel better",
            ),
            ("She also walks and drives.", "She also walks and drive."),
        ] {
            assert_eq!(agree(text), want, "{text}");
        }
    }

    #[test]
    fn coordinated_verbs_stop_without_evidence() {
        for text in [
            // A new subject: its own pronoun gets its own rewrite, a noun keeps its verb.
            "They received it and she feels better",
            "She received it and the doctor feels better",
            "He says he walks and drives daily",
            "She says the doctor walks and drives daily",
            // Nouns after "and": a plural noun must not be made singular.
            "She has dizziness and falls risk.",
            "She has dizziness and falls.",
            "She reports pain and needs assessment.",
            "She has a history of dizziness and falls that began in May.",
            // Past tense needs nothing, and ends the chain.
            "She walked and received and feels better",
            // Clause words, punctuation, blank lines.
            "She left because the pain returns and worsens",
            "She said it hurts and drives daily",
            "She left. Walks and drives",
            "She walks home\n\nand drives",
            "She walks home; and drives",
            "She walks and perhaps drives",
            "She and her husband walk and drives",
            "She, however, walks and drives",
            "She met Janet Ruiz and feels better",
            "She took 2 tablets and feels better",
        ] {
            assert_eq!(agree(text), text, "{text}");
        }
    }

    #[test]
    fn coordinated_verbs_stop_at_the_limit() {
        let text = "He walks and drives and swims";
        let verbs = coordinated_verbs(text, 2, 19);
        assert_eq!(verbs, vec![(13, 19, "drive".to_string())]);
    }
}
