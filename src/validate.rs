//! Named validators that a match must pass (`validator = "..."` in a rule).

use crate::patterns::Validator;

/// The text of the named capture groups a validator may look at.
#[derive(Debug, Default, Clone, Copy)]
pub struct Groups<'a> {
    /// Month number (`m`).
    pub month: Option<&'a str>,
    /// Month name (`mon`).
    pub month_name: Option<&'a str>,
    /// Day of month (`d`).
    pub day: Option<&'a str>,
    /// Year (`y`), two or four digits.
    pub year: Option<&'a str>,
}

/// Runs `validator` on a match whose reported text is `value`.
pub fn check(validator: Validator, value: &str, groups: &Groups<'_>) -> bool {
    match validator {
        Validator::Date => valid_date_groups(groups),
        Validator::Ssn => valid_ssn(value),
        Validator::Luhn => luhn(value),
        Validator::Phone => valid_phone(value),
        Validator::PhoneAny => (7..=15).contains(&digits(phone_main(value)).len()),
        Validator::Ipv4 => valid_ipv4(value),
        // Ages in words ("sixty three") are bounded by the rule's word list.
        Validator::Age => {
            let n = digits(value);
            n.is_empty() && value.contains(char::is_alphabetic)
                || n.parse::<u32>().is_ok_and(|n| n <= 125)
        }
        Validator::Id => {
            value.chars().filter(|c| c.is_alphanumeric()).count() >= 4
                && value.chars().any(|c| c.is_ascii_digit())
        }
    }
}

fn digits(s: &str) -> String {
    s.chars().filter(|c| c.is_ascii_digit()).collect()
}

fn valid_date_groups(g: &Groups<'_>) -> bool {
    let month = match (g.month, g.month_name) {
        (Some(m), _) => m.parse::<u32>().ok(),
        (None, Some(name)) => month_from_name(name),
        // A day without a month ("Friday the twelfth") is any day a month has.
        (None, None) => {
            return g
                .day
                .and_then(day_number)
                .is_some_and(|d| (1..=31).contains(&d))
        }
    };
    let Some(month) = month else { return false };
    if !(1..=12).contains(&month) {
        return false;
    }
    let year = g.year.and_then(expand_year);
    match g.day {
        Some(d) => {
            let Some(day) = day_number(d) else {
                return false;
            };
            day >= 1 && day <= days_in_month(year.unwrap_or(2000), month)
        }
        None => true,
    }
}

/// Ordinal words of the days of a month, `first` (1) to `thirty-first` (31), as
/// (word, day) pairs; the twenties and thirty-first are `twenty` or `thirty` and a unit.
const ORDINAL_WORDS: [(&str, u32); 20] = [
    ("first", 1),
    ("second", 2),
    ("third", 3),
    ("fourth", 4),
    ("fifth", 5),
    ("sixth", 6),
    ("seventh", 7),
    ("eighth", 8),
    ("ninth", 9),
    ("tenth", 10),
    ("eleventh", 11),
    ("twelfth", 12),
    ("thirteenth", 13),
    ("fourteenth", 14),
    ("fifteenth", 15),
    ("sixteenth", 16),
    ("seventeenth", 17),
    ("eighteenth", 18),
    ("nineteenth", 19),
    ("twentieth", 20),
];

/// The day an ordinal word names, any case: `fifth` → 5, `twenty-fourth` → 24,
/// `thirtieth` → 30, `thirty first` → 31.
pub fn ordinal_day(word: &str) -> Option<u32> {
    let lower = word.to_ascii_lowercase();
    if lower == "thirtieth" {
        return Some(30);
    }
    let unit = |w: &str| {
        ORDINAL_WORDS
            .iter()
            .find(|(name, _)| *name == w)
            .map(|&(_, n)| n)
    };
    for (tens, base) in [("twenty", 20), ("thirty", 30)] {
        if let Some(rest) = lower.strip_prefix(tens) {
            let rest = rest.trim_start_matches(['-', ' ']);
            return unit(rest)
                .filter(|&n| n <= 9)
                .map(|n| base + n)
                .filter(|&n| n <= 31);
        }
    }
    unit(&lower)
}

/// The day of a day group: digits with an optional suffix (`18`, `3rd`) or an
/// ordinal word (`fifth`, `twenty-fourth`).
pub fn day_number(d: &str) -> Option<u32> {
    if !d.starts_with(|c: char| c.is_ascii_digit()) {
        return ordinal_day(d);
    }
    d.trim_end_matches(|c: char| c.is_ascii_alphabetic())
        .parse()
        .ok()
}

/// Expands a two-digit year with a pivot: 00-39 → 2000s, 40-99 → 1900s. An
/// apostrophe before it ('92, ’92) is left out.
pub fn expand_year(y: &str) -> Option<i32> {
    let y = y.trim_start_matches(['\'', '’']);
    let n: i32 = y.parse().ok()?;
    match y.len() {
        2 => Some(if n < 40 { 2000 + n } else { 1900 + n }),
        4 if (1800..=2199).contains(&n) => Some(n),
        _ => None,
    }
}

/// English month names, January first.
pub const MONTH_NAMES: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// Month number from an English month name or abbreviation ("Sept.", "JUNE").
pub fn month_from_name(name: &str) -> Option<u32> {
    let lower = name.trim_end_matches('.').to_ascii_lowercase();
    if lower.len() < 3 {
        return None;
    }
    MONTH_NAMES
        .iter()
        .map(|m| m.to_ascii_lowercase())
        .position(|m| m.starts_with(&lower) || (lower == "sept" && m == "september"))
        .map(|i| i as u32 + 1)
}

/// Days in `month` of `year` (Gregorian).
pub fn days_in_month(year: i32, month: u32) -> u32 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        _ => 0,
    }
}

fn valid_ssn(s: &str) -> bool {
    let d = digits(s);
    if d.len() != 9 {
        return false;
    }
    let (area, group, serial) = (&d[0..3], &d[3..5], &d[5..9]);
    area != "000" && area != "666" && !area.starts_with('9') && group != "00" && serial != "0000"
}

fn luhn(s: &str) -> bool {
    let d = digits(s);
    if d.len() < 8 {
        return false;
    }
    let sum: u32 = d
        .bytes()
        .rev()
        .enumerate()
        .map(|(i, b)| {
            let mut v = (b - b'0') as u32;
            if i % 2 == 1 {
                v *= 2;
                if v > 9 {
                    v -= 9;
                }
            }
            v
        })
        .sum();
    sum.is_multiple_of(10)
}

/// The part of a phone number before an extension ("x12", "ext. 12").
fn phone_main(s: &str) -> &str {
    s.split(['x', 'X', 'e', 'E']).next().unwrap_or(s)
}

fn valid_phone(s: &str) -> bool {
    // Only the digits before an extension count. The exchange may start with 0 or
    // 1: numbers written in documents (and invented ones) do not all follow NANP.
    let mut d = digits(phone_main(s));
    if d.len() == 13 && d.starts_with("001") {
        d.drain(..3);
    }
    if d.len() == 11 && d.starts_with('1') {
        d.remove(0);
    }
    d.len() == 10 && d.as_bytes()[0] >= b'2'
}

fn valid_ipv4(s: &str) -> bool {
    let parts: Vec<&str> = s.split('.').collect();
    parts.len() == 4
        && parts
            .iter()
            .all(|p| !p.is_empty() && p.len() <= 3 && p.parse::<u16>().is_ok_and(|n| n <= 255))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates() {
        let g = |m, d, y| Groups {
            month: Some(m),
            day: Some(d),
            year: Some(y),
            month_name: None,
        };
        assert!(check(Validator::Date, "", &g("6", "18", "02")));
        assert!(check(Validator::Date, "", &g("2", "29", "2000")));
        assert!(!check(Validator::Date, "", &g("2", "29", "1900")));
        assert!(!check(Validator::Date, "", &g("13", "1", "2002")));
        assert!(!check(Validator::Date, "", &g("4", "31", "2002")));
        assert_eq!(month_from_name("Sept."), Some(9));
        let named = |mon, d| Groups {
            month_name: Some(mon),
            day: Some(d),
            year: Some("2018"),
            month: None,
        };
        assert!(check(Validator::Date, "", &named("April", "fifth")));
        assert!(check(Validator::Date, "", &named("March", "twenty-fourth")));
        assert!(check(Validator::Date, "", &named("Oct", "thirty-first")));
        assert!(!check(Validator::Date, "", &named("April", "thirty-first")));
        let day_only = Groups {
            day: Some("twelfth"),
            ..Groups::default()
        };
        assert!(check(Validator::Date, "", &day_only));
        assert_eq!(expand_year("’92"), Some(1992));
        assert_eq!(month_from_name("Ma"), None);
    }

    #[test]
    fn ordinal_words() {
        assert_eq!(ordinal_day("third"), Some(3));
        assert_eq!(ordinal_day("Twenty-Fourth"), Some(24));
        assert_eq!(ordinal_day("twenty fourth"), Some(24));
        assert_eq!(ordinal_day("thirtieth"), Some(30));
        assert_eq!(ordinal_day("thirty-first"), Some(31));
        assert_eq!(ordinal_day("thirty-second"), None);
        assert_eq!(ordinal_day("twenty-tenth"), None);
        assert_eq!(ordinal_day("fifty"), None);
        assert_eq!(day_number("18th"), Some(18));
        assert_eq!(day_number("12"), Some(12));
    }

    #[test]
    fn numbers() {
        let none = Groups::default();
        assert!(check(Validator::Ssn, "123-45-6789", &none));
        assert!(!check(Validator::Ssn, "666-45-6789", &none));
        assert!(!check(Validator::Ssn, "912-45-6789", &none));
        assert!(check(Validator::Luhn, "4111 1111 1111 1111", &none));
        assert!(!check(Validator::Luhn, "4111 1111 1111 1112", &none));
        assert!(check(Validator::Phone, "(805) 637-3326 ext. 12", &none));
        assert!(!check(Validator::Phone, "(105) 637-3326", &none));
        assert!(check(Validator::Phone, "001-518-640-0854", &none));
        assert!(check(Validator::PhoneAny, "+41 (0)96 471 07 95", &none));
        assert!(!check(Validator::PhoneAny, "12-34", &none));
        assert!(check(Validator::Ipv4, "192.168.0.1", &none));
        assert!(!check(Validator::Ipv4, "192.168.0.256", &none));
    }
}
