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
    let mut chars = text.char_indices().peekable();
    while let Some((start, c)) = chars.next() {
        if !c.is_alphabetic() {
            continue;
        }
        let mut end = start + c.len_utf8();
        while let Some(&(i, d)) = chars.peek() {
            if d.is_alphabetic() {
                end = i + d.len_utf8();
                chars.next();
            } else if matches!(d, '\'' | '’' | '-')
                && text[i + d.len_utf8()..]
                    .chars()
                    .next()
                    .is_some_and(char::is_alphabetic)
            {
                chars.next();
            } else {
                break;
            }
        }
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
        let letters = word.chars().filter(|c| c.is_alphabetic()).count();
        let all_caps = letters > 1 && !word.chars().any(char::is_lowercase);
        let next = text[end..].chars().next();
        let initial = letters == 1 && capitalized && next == Some('.');
        let abbrev = matches!(word, "St" | "Mt" | "Ft" | "Ste") && next == Some('.');
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
