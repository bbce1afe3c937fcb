//! Date actions that keep the way a date is written: `shift` moves every date of a
//! document by the same number of days (so intervals survive) and writes the new
//! date in the original format (`6/18/02` stays `M/D/YY`, `June 18th, 2002` stays
//! `Month Dth, YYYY`, a weekday is recomputed); `year-only` keeps just the year.

use crate::normalize::parse_date;
use crate::validate::{expand_year, month_from_name, MONTH_NAMES as MONTHS};

const WEEKDAYS: [&str; 7] = [
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];

/// Days since 1970-01-01 of a proleptic Gregorian date.
pub fn days_from_civil(y: i32, m: u32, d: u32) -> i64 {
    let y = i64::from(y) - i64::from(m <= 2);
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let m = i64::from(m);
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(d) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The date `days` after 1970-01-01.
pub fn civil_from_days(days: i64) -> (i32, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let y = yoe + era * 400 + i64::from(m <= 2);
    (y as i32, m, d)
}

/// Day of week, 0 = Monday.
fn weekday(days: i64) -> usize {
    (days + 3).rem_euclid(7) as usize
}

/// The year of a date, written with four digits; `None` without a year.
pub fn year_only(text: &str) -> Option<String> {
    if text.len() == 4 && text.bytes().all(|b| b.is_ascii_digit()) {
        return Some(text.to_string()); // a year on its own ("in 2006")
    }
    parse_date(text)?.year.map(|y| y.to_string())
}

/// One lexical piece of a written date.
#[derive(Debug)]
enum Piece<'a> {
    /// Digits, with an optional leading apostrophe and ordinal suffix.
    Number {
        text: &'a str,
        apostrophe: bool,
        digits: &'a str,
        suffix: &'a str,
    },
    /// A word (month or weekday name, "of", "the").
    Word(&'a str),
    /// Anything else, copied as it is.
    Other(&'a str),
}

fn pieces(text: &str) -> Vec<Piece<'_>> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        let start = i;
        let b = bytes[i];
        if b.is_ascii_digit() || (b == b'\'' && bytes.get(i + 1).is_some_and(u8::is_ascii_digit)) {
            let apostrophe = b == b'\'';
            if apostrophe {
                i += 1;
            }
            let d0 = i;
            while i < bytes.len() && bytes[i].is_ascii_digit() {
                i += 1;
            }
            let d1 = i;
            while i < bytes.len() && bytes[i].is_ascii_alphabetic() {
                i += 1;
            }
            out.push(Piece::Number {
                text: &text[start..i],
                apostrophe,
                digits: &text[d0..d1],
                suffix: &text[d1..i],
            });
        } else if b.is_ascii_alphabetic() {
            while i < bytes.len() && bytes[i].is_ascii_alphabetic() {
                i += 1;
            }
            out.push(Piece::Word(&text[start..i]));
        } else {
            i += text[i..].chars().next().map_or(1, char::len_utf8);
            out.push(Piece::Other(&text[start..i]));
        }
    }
    out
}

/// Which part of a date a number is.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Role {
    Year,
    Month,
    Day,
}

fn weekday_index(word: &str) -> Option<usize> {
    let lower = word.to_ascii_lowercase();
    if lower.len() < 3 {
        return None;
    }
    WEEKDAYS
        .iter()
        .position(|w| w.to_ascii_lowercase().starts_with(&lower))
}

/// Gives `base` the letter case of `original` (ALL CAPS, Title or lower).
fn same_case(original: &str, base: &str) -> String {
    if original.len() > 1 && original.chars().all(|c| !c.is_ascii_lowercase()) {
        base.to_ascii_uppercase()
    } else if original.starts_with(|c: char| c.is_ascii_lowercase()) {
        base.to_ascii_lowercase()
    } else {
        base.to_string()
    }
}

/// A month or weekday name in the form of `original`: full or abbreviated to the
/// three letters (`Sept` for September when the original had four), same case.
fn name_like(original: &str, full: &str) -> String {
    let is_full = original.len() >= full.len()
        || MONTHS
            .iter()
            .chain(WEEKDAYS.iter())
            .any(|n| n.eq_ignore_ascii_case(original));
    let base = if is_full {
        full.to_string()
    } else if full == "September" && original.len() == 4 {
        "Sept".to_string()
    } else {
        full.chars().take(3).collect()
    };
    same_case(original, &base)
}

fn ordinal(n: u32, like: &str) -> String {
    let suffix = match (n % 10, n % 100) {
        (_, 11..=13) => "th",
        (1, _) => "st",
        (2, _) => "nd",
        (3, _) => "rd",
        _ => "th",
    };
    same_case(like, suffix)
}

/// Writes a month or day: two digits when the original date zero-pads (`06/18`).
fn number_like(padded: bool, value: u32) -> String {
    if padded {
        format!("{value:02}")
    } else {
        value.to_string()
    }
}

/// `text` (a date) moved by `days`, written in the same format. `None` when the
/// text is not a date casescrub can read (the caller then uses a placeholder).
///
/// A date without a day (`June 2002`) moves as the 15th of its month; a date
/// without a year (`June 18`) moves within a reference year. A two-digit year that
/// would change century on re-reading is written with four digits instead.
pub fn shift_date(text: &str, days: i64) -> Option<String> {
    let date = parse_date(text)?;
    let month = date.month.filter(|m| (1..=12).contains(m))?;
    let reference_year = if (month, date.day) == (2, Some(29)) {
        2000
    } else {
        2001
    };
    let year = date.year.unwrap_or(reference_year);
    let day = date.day.unwrap_or(15);
    let (ny, nm, nd) = civil_from_days(days_from_civil(year, month, day) + days);
    let new_days = days_from_civil(ny, nm, nd);

    let parts = pieces(text);
    let has_month_name = parts
        .iter()
        .any(|p| matches!(p, Piece::Word(w) if month_from_name(w).is_some()));
    // Assign roles to numbers the way `parse_date` reads them.
    let numbers: Vec<usize> = parts
        .iter()
        .enumerate()
        .filter(|(_, p)| matches!(p, Piece::Number { .. }))
        .map(|(i, _)| i)
        .collect();
    let mut roles: Vec<Option<Role>> = vec![None; parts.len()];
    if has_month_name {
        let mut day_taken = false;
        for &i in &numbers {
            if let Piece::Number {
                digits, apostrophe, ..
            } = &parts[i]
            {
                if digits.len() == 4 || *apostrophe {
                    roles[i] = Some(Role::Year);
                } else if !day_taken {
                    roles[i] = Some(Role::Day);
                    day_taken = true;
                }
            }
        }
    } else {
        let digits_of = |i: usize| match &parts[i] {
            Piece::Number { digits, .. } => digits.len(),
            _ => 0,
        };
        let order: &[Role] = match numbers.len() {
            3 if digits_of(numbers[0]) == 4 => &[Role::Year, Role::Month, Role::Day],
            3 => &[Role::Month, Role::Day, Role::Year],
            2 if digits_of(numbers[1]) == 4 => &[Role::Month, Role::Year],
            2 => &[Role::Month, Role::Day],
            _ => return None,
        };
        for (&i, &role) in numbers.iter().zip(order) {
            roles[i] = Some(role);
        }
    }

    let padded = parts.iter().zip(&roles).any(|(p, r)| {
        matches!(r, Some(Role::Month | Role::Day))
            && matches!(p, Piece::Number { digits, .. } if digits.len() == 2 && digits.starts_with('0'))
    });
    let mut out = String::with_capacity(text.len() + 4);
    for (i, part) in parts.iter().enumerate() {
        match part {
            Piece::Number {
                text: whole,
                apostrophe,
                digits,
                suffix,
            } => match roles[i] {
                Some(Role::Year) => {
                    if digits.len() == 2 {
                        let two = (ny.rem_euclid(100)) as u32;
                        let reread = expand_year(&format!("{two:02}"));
                        if reread == Some(ny) {
                            if *apostrophe {
                                out.push('\'');
                            }
                            out.push_str(&format!("{two:02}"));
                        } else {
                            out.push_str(&ny.to_string());
                        }
                    } else {
                        out.push_str(&ny.to_string());
                    }
                }
                Some(Role::Month) => out.push_str(&number_like(padded, nm)),
                Some(Role::Day) => {
                    out.push_str(&number_like(padded, nd));
                    if !suffix.is_empty() {
                        out.push_str(&ordinal(nd, suffix));
                    }
                }
                None => out.push_str(whole),
            },
            Piece::Word(w) => {
                if month_from_name(w).is_some() {
                    out.push_str(&name_like(w, MONTHS[nm as usize - 1]));
                } else if date.day.is_some() && date.year.is_some() && weekday_index(w).is_some() {
                    out.push_str(&name_like(w, WEEKDAYS[weekday(new_days)]));
                } else {
                    out.push_str(w);
                }
            }
            Piece::Other(s) => out.push_str(s),
        }
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn civil_round_trip() {
        assert_eq!(days_from_civil(1970, 1, 1), 0);
        assert_eq!(days_from_civil(2000, 3, 1), 11_017);
        for d in [-800_000, -1, 0, 59, 11_016, 20_000, 400_000] {
            let (y, m, dd) = civil_from_days(d);
            assert_eq!(days_from_civil(y, m, dd), d);
        }
        // 2002-06-18 was a Tuesday.
        assert_eq!(weekday(days_from_civil(2002, 6, 18)), 1);
    }

    #[test]
    fn shift_keeps_format() {
        assert_eq!(shift_date("6/18/02", 10).unwrap(), "6/28/02");
        assert_eq!(shift_date("06/18/2002", 14).unwrap(), "07/02/2002");
        assert_eq!(shift_date("11-26-13", 40).unwrap(), "1-5-14");
        assert_eq!(shift_date("2002-06-18", -18).unwrap(), "2002-05-31");
        assert_eq!(shift_date("June 18, 2002", 1).unwrap(), "June 19, 2002");
        assert_eq!(shift_date("Jun. 18th, 2002", 4).unwrap(), "Jun. 22nd, 2002");
        assert_eq!(shift_date("JUNE 18, 2002", 20).unwrap(), "JULY 8, 2002");
        assert_eq!(shift_date("Sept. 1, 2002", -1).unwrap(), "Aug. 31, 2002");
        assert_eq!(
            shift_date("Tuesday, June 18, 2002", 1).unwrap(),
            "Wednesday, June 19, 2002"
        );
        assert_eq!(shift_date("18 June 2002", 30).unwrap(), "18 July 2002");
        assert_eq!(shift_date("June 2002", 30).unwrap(), "July 2002");
        assert_eq!(shift_date("6/2002", -30).unwrap(), "5/2002");
        assert_eq!(
            shift_date("the 18th of June", 3).unwrap(),
            "the 21st of June"
        );
        // Crossing the two-digit pivot: written in full so it reads back right.
        assert_eq!(shift_date("1/1/40", -1).unwrap(), "12/31/1939");
        assert!(shift_date("sometime", 3).is_none());
    }

    #[test]
    fn year_only_reads_every_form() {
        assert_eq!(year_only("6/18/02").unwrap(), "2002");
        assert_eq!(year_only("June 18, 2002").unwrap(), "2002");
        assert!(year_only("June 18").is_none());
        assert_eq!(year_only("2006").unwrap(), "2006");
    }
}
