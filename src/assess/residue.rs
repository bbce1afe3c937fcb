//! The residue list: capitalised words left in a redacted text that are not in the
//! safe vocabulary, for a person to look at. The Safe Harbor counts only cover what
//! the detector found; a missed employer's or relative's name is in this list.
//!
//! A word is listed when it starts with a capital letter, is not inside a
//! placeholder (`[PERSON-1]`), is not in `patterns/words/not-names.txt` (clinical and
//! legal vocabulary, months, titles, function words), and either is a first name,
//! surname, city or country of the embedded lists, or stands mid-sentence (a
//! capitalised word there is a proper noun). All-capital words are listed only when
//! the name and place lists know them (headings are capitalised throughout).
//! One pass over the text: linear in its length.

use crate::entities::lists::{fold, lists};
use serde::Serialize;

/// One word of the residue list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ResidueWord {
    /// The word as written.
    pub word: String,
    /// How many times it occurs.
    pub count: usize,
}

/// Most words listed per file.
pub const LIMIT: usize = 100;

/// The residue of `output`, in order of first occurrence (at most [`LIMIT`]).
pub fn residue(output: &str) -> Vec<ResidueWord> {
    let lists = lists();
    let mut out: Vec<ResidueWord> = Vec::new();
    let mut seen = std::collections::HashMap::new();
    let mut depth = 0usize;
    // Whether the next word starts a sentence (start of text or line, after . ! ? :).
    let mut sentence_start = true;
    let mut chars = output.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        match c {
            '[' => depth += 1,
            ']' => depth = depth.saturating_sub(1),
            '.' | '!' | '?' | ':' | '\n' | ';' => sentence_start = true,
            _ => {}
        }
        if !c.is_alphabetic() {
            continue;
        }
        let start = i;
        let mut end = i + c.len_utf8();
        while let Some(&(j, d)) = chars.peek() {
            if d.is_alphabetic() || d == '\'' || d == '’' || d == '-' {
                end = j + d.len_utf8();
                chars.next();
            } else {
                break;
            }
        }
        let word = output[start..end].trim_end_matches(['\'', '’', '-']);
        let at_start = std::mem::replace(&mut sentence_start, false);
        if depth > 0 || !c.is_uppercase() || word.chars().count() < 2 {
            continue;
        }
        let folded = fold(word);
        if lists.is_stop(&folded) {
            continue;
        }
        let known = lists.is_first(&folded) || lists.is_last(&folded) || lists.is_place(&folded);
        let all_caps = !word.chars().any(char::is_lowercase);
        let listed = if all_caps { known } else { known || !at_start };
        if !listed {
            continue;
        }
        match seen.get(word) {
            Some(&k) => {
                let entry: &mut ResidueWord = &mut out[k];
                entry.count += 1;
            }
            None if out.len() < LIMIT => {
                seen.insert(word.to_string(), out.len());
                out.push(ResidueWord {
                    word: word.to_string(),
                    count: 1,
                });
            }
            None => {}
        }
    }
    out
}

/// Adds `more` into `into` (the run's list), keeping first-occurrence order.
pub fn merge(into: &mut Vec<ResidueWord>, more: &[ResidueWord]) {
    for w in more {
        match into.iter().position(|x| x.word == w.word) {
            Some(i) => into[i].count += w.count,
            None if into.len() < LIMIT => into.push(w.clone()),
            None => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_proper_nouns_left_and_skips_placeholders_and_vocabulary() {
        let out = "[PERSON-1] works for Keystone Claims Group in Fresno.\nThe MRI showed Lopez \
                   was seen in January. Tramadol was given. Price called.";
        let words: Vec<String> = residue(out).into_iter().map(|w| w.word).collect();
        assert!(words.contains(&"Keystone".to_string()), "{words:?}");
        assert!(words.contains(&"Fresno".to_string()), "{words:?}");
        assert!(words.contains(&"Lopez".to_string()), "{words:?}");
        assert!(
            words.contains(&"Price".to_string()),
            "a surname at a sentence start: {words:?}"
        );
        assert!(
            !words
                .iter()
                .any(|w| w == "PERSON" || w == "The" || w == "January"),
            "{words:?}"
        );
    }

    #[test]
    fn counts_repeats_and_merges() {
        let a = residue("Seen by Keystone. Seen by Keystone again.");
        assert_eq!(
            a,
            vec![ResidueWord {
                word: "Keystone".into(),
                count: 2
            }]
        );
        let mut run = a.clone();
        merge(&mut run, &a);
        assert_eq!(run[0].count, 4);
    }
}
