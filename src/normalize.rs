//! Normalized values: two findings with the same normalized value are the same
//! identifier and share a placeholder (`6/18/02` and `June 18, 2002` are one date).

use crate::kind::Kind;
use crate::validate::{expand_year, month_from_name, ordinal_day};

/// A calendar date at the precision it was written with.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct PartialDate {
    /// Four-digit year, when written.
    pub year: Option<i32>,
    /// Month 1-12, when written.
    pub month: Option<u32>,
    /// Day of month, when written.
    pub day: Option<u32>,
}

/// The key that decides whether two findings of `kind` are the same value.
pub fn value_key(kind: Kind, text: &str) -> String {
    match kind {
        Kind::Date => match parse_date(text) {
            Some(d) => date_key(&d),
            None => fold_words(text),
        },
        Kind::Phone => {
            let main = text.to_ascii_lowercase();
            let (number, ext) = match main.find(|c: char| c.is_ascii_alphabetic()) {
                Some(i) => (&main[..i], &main[i..]),
                None => (main.as_str(), ""),
            };
            let mut digits: String = number.chars().filter(char::is_ascii_digit).collect();
            if digits.len() == 11 && digits.starts_with('1') {
                digits.remove(0);
            }
            let ext: String = ext.chars().filter(char::is_ascii_digit).collect();
            if ext.is_empty() {
                digits
            } else {
                format!("{digits}x{ext}")
            }
        }
        Kind::Ssn | Kind::Id | Kind::Zip | Kind::Ip => text
            .chars()
            .filter(|c| c.is_alphanumeric() || *c == ':')
            .flat_map(char::to_uppercase)
            .collect(),
        Kind::Person => {
            let t = text
                .trim_end_matches("'s")
                .trim_end_matches("\u{2019}s")
                .replace('.', "");
            fold_words(&t)
        }
        Kind::State => {
            let folded = fold_words(text);
            state_name(&folded).map_or(folded, str::to_string)
        }
        _ => fold_words(text),
    }
}

/// `YYYY-MM-DD` of a parsed date, `????` and `??` for the parts it lacks (one
/// string written in place, not one per part).
fn date_key(d: &PartialDate) -> String {
    use std::fmt::Write;
    let mut out = String::with_capacity(10);
    let _ = match d.year {
        Some(y) => write!(out, "{y:04}-"),
        None => write!(out, "????-"),
    };
    let _ = match d.month {
        Some(m) => write!(out, "{m:02}-"),
        None => write!(out, "??-"),
    };
    let _ = match d.day {
        Some(x) => write!(out, "{x:02}"),
        None => write!(out, "??"),
    };
    out
}

/// US postal codes and the lower-case names they stand for.
const STATE_CODES: &[(&str, &str)] = &[
    ("al", "alabama"),
    ("ak", "alaska"),
    ("az", "arizona"),
    ("ar", "arkansas"),
    ("ca", "california"),
    ("co", "colorado"),
    ("ct", "connecticut"),
    ("de", "delaware"),
    ("dc", "district of columbia"),
    ("fl", "florida"),
    ("ga", "georgia"),
    ("hi", "hawaii"),
    ("id", "idaho"),
    ("il", "illinois"),
    ("in", "indiana"),
    ("ia", "iowa"),
    ("ks", "kansas"),
    ("ky", "kentucky"),
    ("la", "louisiana"),
    ("me", "maine"),
    ("md", "maryland"),
    ("ma", "massachusetts"),
    ("mi", "michigan"),
    ("mn", "minnesota"),
    ("ms", "mississippi"),
    ("mo", "missouri"),
    ("mt", "montana"),
    ("ne", "nebraska"),
    ("nv", "nevada"),
    ("nh", "new hampshire"),
    ("nj", "new jersey"),
    ("nm", "new mexico"),
    ("ny", "new york"),
    ("nc", "north carolina"),
    ("nd", "north dakota"),
    ("oh", "ohio"),
    ("ok", "oklahoma"),
    ("or", "oregon"),
    ("pa", "pennsylvania"),
    ("ri", "rhode island"),
    ("sc", "south carolina"),
    ("sd", "south dakota"),
    ("tn", "tennessee"),
    ("tx", "texas"),
    ("ut", "utah"),
    ("vt", "vermont"),
    ("va", "virginia"),
    ("wa", "washington"),
    ("wv", "west virginia"),
    ("wi", "wisconsin"),
    ("wy", "wyoming"),
    ("pr", "puerto rico"),
    ("gu", "guam"),
    ("vi", "virgin islands"),
    ("as", "american samoa"),
    ("mp", "northern mariana islands"),
];

/// The state name for a lower-case postal code.
fn state_name(code: &str) -> Option<&'static str> {
    STATE_CODES
        .iter()
        .find(|(c, _)| *c == code)
        .map(|(_, n)| *n)
}

/// Lower case with runs of whitespace collapsed to one space.
fn fold_words(text: &str) -> String {
    if text.is_ascii() {
        return fold_ascii_words(text);
    }
    text.split_whitespace()
        .map(str::to_lowercase)
        .collect::<Vec<_>>()
        .join(" ")
}

/// [`fold_words`] of an ASCII text, in one string: no `String` per word and no
/// Unicode case tables (ASCII lower-cases byte by byte).
fn fold_ascii_words(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    // `str::split_whitespace` splits at the vertical tab too, unlike
    // `split_ascii_whitespace`: split where it does.
    for word in text.split(char::is_whitespace).filter(|w| !w.is_empty()) {
        if !out.is_empty() {
            out.push(' ');
        }
        let from = out.len();
        out.push_str(word);
        out[from..].make_ascii_lowercase();
    }
    out
}

/// Parses a date in any of the detector's forms; `None` when it is not a date.
pub fn parse_date(text: &str) -> Option<PartialDate> {
    let tokens = tokenize(text);
    let month_name = tokens.iter().find_map(|t| match t {
        Token::Word(w) => month_from_name(w),
        _ => None,
    });
    let numbers: Vec<&str> = tokens
        .iter()
        .filter_map(|t| match t {
            Token::Number(n) => Some(*n),
            _ => None,
        })
        .collect();
    let ordinal = ordinal_in(&tokens);
    if let Some(month) = month_name {
        let mut day = ordinal;
        let mut year = None;
        for n in numbers {
            let digits = n.trim_start_matches(APOSTROPHES);
            if digits.len() == 4 || n.starts_with(APOSTROPHES) {
                year = expand_year(n);
            } else if day.is_none() {
                day = digits.parse().ok().filter(|d| (1..=31).contains(d));
            } else if year.is_none() {
                year = expand_year(digits); // 18-JUN-02
            }
        }
        return Some(PartialDate {
            year,
            month: Some(month),
            day,
        });
    }
    let num = |s: &str| s.parse::<u32>().ok();
    if numbers.is_empty() {
        // A weekday and an ordinal word: "Friday the twelfth".
        return ordinal.map(|day| PartialDate {
            year: None,
            month: None,
            day: Some(day),
        });
    }
    match numbers.as_slice() {
        // A year alone: "in 2006", "in '92".
        [y] if y.len() == 4 || y.starts_with(APOSTROPHES) => Some(PartialDate {
            year: expand_year(y),
            month: None,
            day: None,
        }),
        // A day alone: "Friday the 12th".
        [d] => num(d)
            .filter(|d| (1..=31).contains(d))
            .map(|d| PartialDate {
                year: None,
                month: None,
                day: Some(d),
            }),
        // A time may follow (2002-06-18T10:30).
        [y, m, d, ..] if y.len() == 4 => Some(PartialDate {
            year: expand_year(y),
            month: num(m),
            day: num(d),
        }),
        // Day first where the first number cannot be a month (18/06/2002).
        [d, m, y] if num(d).is_some_and(|d| d > 12) => Some(PartialDate {
            year: expand_year(y),
            month: num(m),
            day: num(d),
        }),
        [m, d, y] => Some(PartialDate {
            year: expand_year(y),
            month: num(m),
            day: num(d),
        }),
        // Month and year; a two-digit year that cannot be a day: 8/87.
        [m, y] if y.len() == 4 || num(y).is_some_and(|y| y > 31) => Some(PartialDate {
            year: expand_year(y),
            month: num(m),
            day: None,
        }),
        [m, d] => Some(PartialDate {
            year: None,
            month: num(m),
            day: num(d),
        }),
        _ => None,
    }
}

/// The marks before a two-digit year: '92, ’92.
const APOSTROPHES: [char; 2] = ['\'', '’'];

/// The day named by an ordinal word among `tokens` ("fifth", "twenty" "fourth").
fn ordinal_in(tokens: &[Token<'_>]) -> Option<u32> {
    let words: Vec<&str> = tokens
        .iter()
        .filter_map(|t| match t {
            Token::Word(w) => Some(*w),
            _ => None,
        })
        .collect();
    for (i, w) in words.iter().enumerate() {
        let lower = w.to_ascii_lowercase();
        if lower == "twenty" || lower == "thirty" {
            if let Some(day) = words
                .get(i + 1)
                .and_then(|next| ordinal_day(&format!("{lower}-{next}")))
            {
                return Some(day);
            }
        }
        if let Some(day) = ordinal_day(w) {
            return Some(day);
        }
    }
    None
}

enum Token<'a> {
    Word(&'a str),
    Number(&'a str),
}

fn tokenize(text: &str) -> Vec<Token<'_>> {
    let mut out = Vec::new();
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        let curly = bytes[i..].starts_with("’".as_bytes())
            && bytes.get(i + 3).is_some_and(u8::is_ascii_digit);
        if b.is_ascii_digit()
            || curly
            || (b == b'\'' && bytes.get(i + 1).is_some_and(u8::is_ascii_digit))
        {
            let start = i;
            i += if curly { 3 } else { 1 };
            while i < bytes.len() && bytes[i].is_ascii_digit() {
                i += 1;
            }
            // Skip ordinal suffixes: 18th, 1st, 2nd, 3rd; other letters are a word
            // of their own (the month of 03JUN2019).
            let number = &text[start..i];
            let mut j = i;
            while j < bytes.len() && bytes[j].is_ascii_alphabetic() {
                j += 1;
            }
            let suffix = text[i..j].to_ascii_lowercase();
            if j == i || matches!(suffix.as_str(), "st" | "nd" | "rd" | "th") {
                i = j;
            }
            out.push(Token::Number(number));
        } else if b.is_ascii_alphabetic() {
            let start = i;
            while i < bytes.len() && (bytes[i].is_ascii_alphabetic() || bytes[i] == b'.') {
                i += 1;
            }
            out.push(Token::Word(&text[start..i]));
        } else {
            i += 1;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ascii_words_fold_as_the_unicode_path_does() {
        let unicode = |t: &str| {
            t.split_whitespace()
                .map(str::to_lowercase)
                .collect::<Vec<_>>()
                .join(" ")
        };
        for t in [
            "",
            "  ",
            "Maria  LOPEZ",
            " a\tb\nc\x0bd\x0ce\rf ",
            "O'Neil-Smith, Jr.",
            "12/31/2010",
        ] {
            assert_eq!(fold_ascii_words(t), unicode(t), "{t:?}");
            assert_eq!(fold_words(t), unicode(t), "{t:?}");
        }
        assert_eq!(fold_words("ÁNGEL  Núñez"), "ángel núñez");
    }

    #[test]
    fn date_keys_mark_missing_parts() {
        let d = |year, month, day| PartialDate { year, month, day };
        assert_eq!(date_key(&d(Some(2002), Some(6), Some(18))), "2002-06-18");
        assert_eq!(date_key(&d(None, Some(6), None)), "????-06-??");
        assert_eq!(date_key(&d(Some(87), None, Some(3))), "0087-??-03");
    }

    #[test]
    fn same_date_in_different_forms() {
        let key = |s| value_key(Kind::Date, s);
        assert_eq!(key("6/18/02"), "2002-06-18");
        assert_eq!(key("06-18-2002"), "2002-06-18");
        assert_eq!(key("June 18, 2002"), "2002-06-18");
        assert_eq!(key("Jun. 18th, 2002"), "2002-06-18");
        assert_eq!(key("18 June 2002"), "2002-06-18");
        assert_eq!(key("the 18th of June"), "????-06-18");
        assert_eq!(key("2002-06-18"), "2002-06-18");
        assert_eq!(key("Monday, June 18, 2002"), "2002-06-18");
        assert_eq!(key("June 2002"), "2002-06-??");
        assert_eq!(key("6/2002"), "2002-06-??");
        assert_eq!(key("11/26/13"), key("11-26-13"));
        assert_eq!(key("18/06/2002"), "2002-06-18");
        assert_eq!(key("18.06.2002"), "2002-06-18");
        assert_eq!(key("18-JUN-02"), "2002-06-18");
        assert_eq!(key("Jun-18-2002"), "2002-06-18");
        assert_eq!(key("2002-06-18T10:30"), "2002-06-18");
    }

    #[test]
    fn a_month_written_between_day_and_year_is_read() {
        assert_eq!(
            value_key(Kind::Date, "03JUN2019"),
            value_key(Kind::Date, "June 3, 2019")
        );
        assert_eq!(
            value_key(Kind::Date, "3Jun19"),
            value_key(Kind::Date, "6/3/19")
        );
        assert_eq!(
            value_key(Kind::Date, "18th June"),
            value_key(Kind::Date, "June 18")
        );
    }

    #[test]
    fn every_spelling_of_one_date_is_one_value() {
        let key = |s| value_key(Kind::Date, s);
        let april_fifth = [
            "April fifth, 2018",
            "4/5/18",
            "04/05/2018",
            "April 5, 2018",
            "5 April 2018",
            "the fifth of April, 2018",
            "April the 5th, 2018",
            "APRIL FIFTH, 2018",
            "5-Apr-18",
            "5 Apr 18",
            "Thursday, April 5, 2018",
            "2018-04-05",
        ];
        for spelling in april_fifth {
            assert_eq!(key(spelling), "2018-04-05", "{spelling}");
        }
        assert_eq!(key("March twenty-fourth, 2019"), "2019-03-24");
        assert_eq!(key("the thirty-first of October"), "????-10-31");
        assert_eq!(key("Friday the twelfth"), "????-??-12");
        assert_eq!(key("Friday, the 12th"), "????-??-12");
        assert_eq!(key("8/87"), "1987-08-??");
        assert_eq!(key("Aug 1987"), "1987-08-??");
        assert_eq!(key("Jun ’02"), "2002-06-??");
        assert_eq!(key("Jun '02"), "2002-06-??");
        assert_eq!(key("'92"), key("1992"));
        assert_eq!(key("9/10"), "????-09-10");
    }

    #[test]
    fn state_codes_and_names_are_one_value() {
        assert_eq!(
            value_key(Kind::State, "CA"),
            value_key(Kind::State, "California")
        );
        assert_eq!(
            value_key(Kind::State, "NEW YORK"),
            value_key(Kind::State, "NY")
        );
    }

    #[test]
    fn phones_by_digits() {
        assert_eq!(
            value_key(Kind::Phone, "(805) 637-3326"),
            value_key(Kind::Phone, "1-805-637-3326")
        );
        assert_eq!(
            value_key(Kind::Phone, "805.637.3326 ext. 12"),
            "8056373326x12"
        );
    }

    #[test]
    fn names_fold_case_and_possessive() {
        assert_eq!(value_key(Kind::Person, "Maria  LOPEZ's"), "maria lopez");
    }
}
