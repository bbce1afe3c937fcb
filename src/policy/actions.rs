//! The text transformations behind the simple actions. Each returns `None` when it
//! cannot apply to a value; the caller then writes a placeholder, never the original.

/// Keeps the last four digits; every other letter or digit becomes `X`
/// (`123-45-6789` → `XXX-XX-6789`). `None` when the value has four digits or fewer
/// (keeping them would keep it all).
pub fn last4(text: &str) -> Option<String> {
    let digits = text.chars().filter(char::is_ascii_digit).count();
    if digits <= 4 {
        return None;
    }
    let mut seen = 0;
    Some(
        text.chars()
            .map(|c| {
                if c.is_ascii_digit() {
                    seen += 1;
                    if seen > digits - 4 {
                        return c;
                    }
                    'X'
                } else if c.is_alphanumeric() {
                    'X'
                } else {
                    c
                }
            })
            .collect(),
    )
}

/// Initials of a name, in first-name order: `Maria J. Lopez` → `M.J.L.`,
/// `LOPEZ, Maria` → `M.L.`. A possessive stays (`Lopez's` → `L.'s`).
pub fn initials(text: &str) -> Option<String> {
    let (body, possessive) = match text
        .strip_suffix("'s")
        .or_else(|| text.strip_suffix("\u{2019}s"))
    {
        Some(b) => (b, &text[b.len()..]),
        None => (text, ""),
    };
    let ordered: Vec<&str> = match body.split_once(',') {
        Some((last, first)) => first
            .split_whitespace()
            .chain(last.split_whitespace())
            .collect(),
        None => body.split_whitespace().collect(),
    };
    let letters: String = ordered
        .iter()
        .filter_map(|w| w.chars().find(|c| c.is_alphabetic()))
        .flat_map(|c| c.to_uppercase().chain(std::iter::once('.')))
        .collect();
    (!letters.is_empty()).then(|| format!("{letters}{possessive}"))
}

/// Every character except whitespace becomes `block`, so line lengths stay.
pub fn mask(text: &str, block: char) -> String {
    text.chars()
        .map(|c| if c.is_whitespace() { c } else { block })
        .collect()
}

/// Reads an age written in digits or words (`54`, `fifty-four`, `Ninety`).
pub fn age_value(text: &str) -> Option<u32> {
    let t = text.trim();
    if let Ok(n) = t.parse::<u32>() {
        return Some(n);
    }
    const UNITS: [&str; 20] = [
        "zero",
        "one",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "eleven",
        "twelve",
        "thirteen",
        "fourteen",
        "fifteen",
        "sixteen",
        "seventeen",
        "eighteen",
        "nineteen",
    ];
    const TENS: [&str; 8] = [
        "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
    ];
    let lower = t.to_ascii_lowercase();
    let mut words = lower.split(['-', ' ']).filter(|w| !w.is_empty());
    let first = words.next()?;
    let mut n = if let Some(i) = UNITS.iter().position(|u| *u == first) {
        i as u32
    } else {
        TENS.iter().position(|u| *u == first)? as u32 * 10 + 20
    };
    if let Some(unit) = words.next() {
        n += UNITS[1..10].iter().position(|u| *u == unit)? as u32 + 1;
    }
    words.next().is_none().then_some(n)
}

/// An age as a band of `band` years (`54` → `50-54`); every age over 89 becomes
/// `90 or older` (HIPAA Safe Harbor). With `band = 1`, ages up to 89 are kept as
/// written. Decades of life (`in her fifties`) are already bands and are kept,
/// except the nineties and later.
pub fn generalize_age(text: &str, band: u32) -> Option<String> {
    let lower = text.to_ascii_lowercase();
    if lower.contains("nineties") || lower.contains("90s") || lower.contains("90's") {
        return Some("90 or older".into());
    }
    if lower.ends_with("ties") || lower.ends_with("teens") || lower.ends_with("0s") {
        return Some(text.to_string());
    }
    let n = age_value(text)?;
    if n > 89 {
        return Some("90 or older".into());
    }
    if band <= 1 {
        return Some(text.to_string());
    }
    let lo = n / band * band;
    Some(format!("{lo}-{}", (lo + band - 1).min(89)))
}

/// Three-digit ZIP prefixes whose area held 20,000 people or fewer (2000 Census, as
/// listed in HHS's Safe Harbor guidance): their prefix must become `000`.
pub const SMALL_ZIP3: &[&str] = &[
    "036", "059", "063", "102", "203", "556", "692", "790", "821", "823", "830", "831", "878",
    "879", "884", "890", "893",
];

/// A ZIP code reduced to its first three digits (`94110-1234` → `941XX`), or to
/// `000XX` when those three digits cover 20,000 people or fewer ([`SMALL_ZIP3`]), as
/// HIPAA Safe Harbor (45 CFR 164.514(b)(2)(i)(B)) allows.
pub fn generalize_zip(text: &str) -> Option<String> {
    let digits: String = text.chars().filter(char::is_ascii_digit).collect();
    if digits.len() < 5 {
        return None;
    }
    let prefix = &digits[..3];
    Some(if SMALL_ZIP3.contains(&prefix) {
        "000XX".to_string()
    } else {
        format!("{prefix}XX")
    })
}

/// The neutral form of a sex or relationship word used as a noun ("a female with"
/// → "a person with"); `None` for words without one. When the word is an adjective
/// before a noun ("a female patient"), the caller removes it instead.
pub fn neutral_noun(word: &str) -> Option<String> {
    let lower = word.to_lowercase();
    let base = match lower.as_str() {
        "female" | "male" | "woman" | "man" | "lady" | "gentleman" | "transgender"
        | "trans woman" | "trans man" | "nonbinary" | "non-binary" => "person",
        "females" | "males" | "women" | "men" | "ladies" | "gentlemen" => "people",
        "girl" | "boy" => "child",
        "girls" | "boys" => "children",
        "husband" | "wife" => "spouse",
        "mother" | "father" => "parent",
        "son" | "daughter" => "child",
        "brother" | "sister" => "sibling",
        _ => return None,
    };
    Some(
        if word.len() > 1 && word.chars().all(|c| !c.is_lowercase()) {
            base.to_uppercase()
        } else if word.starts_with(char::is_uppercase) {
            let mut c = base.chars();
            c.next()
                .map(|f| f.to_uppercase().chain(c).collect())
                .unwrap_or_default()
        } else {
            base.to_string()
        },
    )
}

/// Whether a sex word is used as an adjective: directly followed (one space) by a
/// lower-case word that is not a function word ("female patient", "male worker").
pub fn used_as_adjective(text_after: &str) -> bool {
    const FUNCTION: &[&str] = &[
        "with",
        "who",
        "and",
        "or",
        "is",
        "was",
        "has",
        "had",
        "in",
        "of",
        "on",
        "at",
        "to",
        "for",
        "that",
        "which",
        "whose",
        "presents",
        "presented",
        "reports",
        "reported",
        "states",
        "stated",
        "complains",
        "by",
        "from",
        "as",
        "but",
        "than",
        "whom",
        "born",
        "aged",
        "age",
    ];
    let Some(rest) = text_after.strip_prefix(' ') else {
        return false;
    };
    let word: String = rest.chars().take_while(|c| c.is_alphabetic()).collect();
    !word.is_empty() && word.chars().all(|c| c.is_lowercase()) && !FUNCTION.contains(&word.as_str())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn last4_keeps_only_the_last_four_digits() {
        assert_eq!(last4("123-45-6789").unwrap(), "XXX-XX-6789");
        assert_eq!(last4("WC 2539384-2010").unwrap(), "XX XXXXXXX-2010");
        assert_eq!(last4("4111 1111 1111 1234").unwrap(), "XXXX XXXX XXXX 1234");
        assert!(last4("1234").is_none());
    }

    #[test]
    fn initials_in_first_name_order() {
        assert_eq!(initials("Maria J. Lopez").unwrap(), "M.J.L.");
        assert_eq!(initials("LOPEZ, Maria").unwrap(), "M.L.");
        assert_eq!(initials("Lopez's").unwrap(), "L.'s");
        assert!(initials("123").is_none());
    }

    #[test]
    fn mask_keeps_length_and_spaces() {
        assert_eq!(mask("Ana Ruiz", '█'), "███ ████");
        assert_eq!(mask("Ana Ruiz", '█').chars().count(), 8);
    }

    #[test]
    fn ages_to_bands_and_ninety_or_older() {
        assert_eq!(generalize_age("54", 5).unwrap(), "50-54");
        assert_eq!(generalize_age("fifty-four", 5).unwrap(), "50-54");
        assert_eq!(generalize_age("89", 5).unwrap(), "85-89");
        assert_eq!(generalize_age("90", 5).unwrap(), "90 or older");
        assert_eq!(generalize_age("104", 10).unwrap(), "90 or older");
        assert_eq!(generalize_age("Ninety-one", 5).unwrap(), "90 or older");
        assert_eq!(generalize_age("54", 1).unwrap(), "54");
        assert_eq!(generalize_age("91", 1).unwrap(), "90 or older");
        assert_eq!(generalize_age("7", 10).unwrap(), "0-9");
        assert_eq!(generalize_age("early 60s", 5).unwrap(), "early 60s");
        assert_eq!(generalize_age("late nineties", 5).unwrap(), "90 or older");
        assert!(generalize_age("many", 5).is_none());
    }

    #[test]
    fn zip_to_three_digits() {
        assert_eq!(generalize_zip("94110-1234").unwrap(), "941XX");
        // Wyoming's 830 area held fewer than 20,000 people: 000.
        assert_eq!(generalize_zip("83001").unwrap(), "000XX");
        assert!(generalize_zip("941").is_none());
    }

    #[test]
    fn sex_words_become_neutral_nouns() {
        assert_eq!(neutral_noun("female").unwrap(), "person");
        assert_eq!(neutral_noun("Women").unwrap(), "People");
        assert_eq!(neutral_noun("MALE").unwrap(), "PERSON");
        assert!(neutral_noun("F").is_none());
        assert!(used_as_adjective(" patient with"));
        assert!(!used_as_adjective(" with a"));
        assert!(!used_as_adjective(". She"));
    }
}
