//! Words of a text and runs of capitalized words, with byte offsets.

/// One word; its folded form lives in the arena given to [`tokenize`].
#[derive(Debug, Clone)]
pub struct Token<'a> {
    /// Byte offset of the first byte.
    pub start: usize,
    /// Byte offset past the last byte (a possessive `'s` is left out).
    pub end: usize,
    /// Folded form (see [`super::lists::fold`]).
    pub folded: &'a str,
    /// Starts with an upper-case letter.
    pub capitalized: bool,
    /// Every letter upper case (and more than one letter).
    pub all_caps: bool,
    /// A single capital letter followed by a period (`R.`): the period is in the span.
    pub initial: bool,
}

/// Lower-case words that may sit inside a name, a place or an organisation.
pub const CONNECTORS: &[&str] = &[
    "of", "and", "the", "de", "del", "la", "las", "los", "van", "von", "der", "den", "da", "di",
    "du", "le", "al", "el", "bin", "y",
];

/// Connectors recognised in upper-case text too (COUNTY OF FRESNO).
pub const CAPS_CONNECTORS: &[&str] = &["of", "and", "the"];

impl Token<'_> {
    /// Whether this word is a connector rather than a name word.
    pub fn is_connector(&self) -> bool {
        if self.capitalized {
            self.all_caps && CAPS_CONNECTORS.contains(&self.folded)
        } else {
            CONNECTORS.contains(&self.folded)
        }
    }
}

/// Every word of `text`: letters with inner apostrophes and hyphens (O'Neil,
/// García-López); `St.`-style abbreviations and initials keep their period.
/// `arena` (cleared first) receives every folded form, so no word allocates.
pub fn tokenize<'a>(text: &str, arena: &'a mut String) -> Vec<Token<'a>> {
    arena.clear();
    // Folded forms are appended to the arena first and borrowed from it after.
    let mut words: Vec<(Token<'static>, usize, usize)> = Vec::new();
    let bytes = text.as_bytes();
    let mut at = 0;
    // Bytes are read one by one; only a byte of a multi-byte character is decoded
    // (the text is nearly all ASCII, and `char_indices` decoded every character).
    while at < bytes.len() {
        let (c, len) = char_at(text, at);
        if !c.is_alphabetic() {
            at += len;
            continue;
        }
        let start = at;
        let mut end = start + len;
        let mut ascii = len == 1;
        while let Some(&b) = bytes.get(end) {
            let (d, d_len) = char_at(text, end);
            if d.is_alphabetic() {
                ascii &= b.is_ascii();
                end += d_len;
            } else if matches!(d, '\'' | '’' | '-')
                && end + d_len < bytes.len()
                && char_at(text, end + d_len).0.is_alphabetic()
            {
                // The mark joins the letters around it (O'Neil, García-López).
                ascii &= b.is_ascii();
                end += d_len;
            } else {
                break;
            }
        }
        at = end;
        let mut word = &text[start..end];
        // Possessive: Smith's → Smith.
        for suffix in ["'s", "’s", "'S", "’S"] {
            if let Some(stem) = word.strip_suffix(suffix) {
                if !stem.is_empty() {
                    word = stem;
                }
            }
        }
        let mut end = start + word.len();
        let capitalized = c.is_uppercase();
        let (letters, all_caps) = if ascii {
            let w = word.as_bytes();
            let letters = w.iter().filter(|b| b.is_ascii_alphabetic()).count();
            (
                letters,
                letters > 1 && !w.iter().any(u8::is_ascii_lowercase),
            )
        } else {
            let letters = word.chars().filter(|c| c.is_alphabetic()).count();
            (
                letters,
                letters > 1 && !word.chars().any(char::is_lowercase),
            )
        };
        let next_is_period = bytes.get(end) == Some(&b'.');
        let initial = letters == 1 && capitalized && next_is_period;
        let abbrev = matches!(word, "St" | "Mt" | "Ft" | "Ste") && next_is_period;
        if initial || abbrev {
            end += 1;
        }
        let from = arena.len();
        super::lists::fold_into(word, arena);
        words.push((
            Token {
                start,
                end,
                folded: "",
                capitalized,
                all_caps,
                initial,
            },
            from,
            arena.len(),
        ));
    }
    let arena: &'a str = arena;
    words
        .into_iter()
        .map(|(t, from, to)| Token {
            folded: &arena[from..to],
            ..t
        })
        .collect()
}

/// The character that starts at byte `at` of `text` (a character boundary, before
/// the end) and its length in bytes; an ASCII byte is not decoded.
fn char_at(text: &str, at: usize) -> (char, usize) {
    let b = text.as_bytes()[at];
    if b.is_ascii() {
        return (char::from(b), 1);
    }
    let c = text[at..]
        .chars()
        .next()
        .unwrap_or(char::REPLACEMENT_CHARACTER);
    (c, c.len_utf8())
}

/// Groups token indices into runs: capitalized words separated only by spaces or
/// tabs, with lower-case connectors (of, de, van) allowed between two of them.
pub fn runs(text: &str, tokens: &[Token]) -> Vec<Vec<usize>> {
    let mut out: Vec<Vec<usize>> = Vec::new();
    let mut current: Vec<usize> = Vec::new();
    let mut pending: Vec<usize> = Vec::new();
    for (i, t) in tokens.iter().enumerate() {
        let joined = pending.last().or(current.last()).is_some_and(|&p| {
            let gap = &text[tokens[p].end..t.start];
            gap_is_space(gap) || t.capitalized && joins_organisation(gap, t.folded)
        });
        let connector = t.is_connector();
        if !joined {
            if !current.is_empty() {
                out.push(std::mem::take(&mut current));
            }
            pending.clear();
        }
        if connector && !current.is_empty() {
            pending.push(i);
        } else if t.capitalized {
            current.append(&mut pending);
            current.push(i);
        } else {
            if !current.is_empty() {
                out.push(std::mem::take(&mut current));
            }
            pending.clear();
        }
    }
    if !current.is_empty() {
        out.push(current);
    }
    out
}

/// ", Inc.": an incorporation word after a comma stays in the run (Pajaro
/// Administrators, Inc.). An ampersand does not join runs: in court judgments
/// "X & Sons" joined cost more person findings than it gained (measured).
fn joins_organisation(gap: &str, next: &str) -> bool {
    gap == ", "
        && matches!(
            next,
            "inc" | "llc" | "ltd" | "llp" | "lp" | "plc" | "corp" | "co"
        )
}

fn gap_is_space(gap: &str) -> bool {
    !gap.is_empty() && gap.chars().all(|c| c == ' ' || c == '\t')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<&str> {
        tokenize(text, &mut String::new())
            .iter()
            .map(|t| &text[t.start..t.end])
            .collect()
    }

    #[test]
    fn tokens_keep_inner_marks_and_drop_possessives() {
        assert_eq!(words("Dr. O'Neil's note"), ["Dr", "O'Neil", "note"]);
        assert_eq!(
            words("García-López, Manuel R. Singh"),
            ["García-López", "Manuel", "R.", "Singh"]
        );
        assert_eq!(words("St. Anthony"), ["St.", "Anthony"]);
    }

    #[test]
    fn runs_join_capitalized_words_and_connectors() {
        let text = "at First Baptist Church of the Valley. Maria Lopez\nCOUNTY OF FRESNO";
        let mut arena = String::new();
        let tokens = tokenize(text, &mut arena);
        let got: Vec<String> = runs(text, &tokens)
            .iter()
            .map(|r| text[tokens[r[0]].start..tokens[*r.last().unwrap()].end].to_string())
            .collect();
        assert_eq!(
            got,
            [
                "First Baptist Church of the Valley",
                "Maria Lopez",
                "COUNTY OF FRESNO"
            ]
        );
    }
}
