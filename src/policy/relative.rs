//! The `relative` date action: each date becomes its distance from an anchor date
//! of the case (`[DOI+1522d]`, `[DOI+4y 2m 3d]`), so a reader keeps the clinical
//! and procedural timeline without any calendar date.
//!
//! Dates keep their precision: a full date is measured in days (or years, months
//! and days, the days always written), a month and year in months (`[DOI+4y 2m]`), a year alone in years
//! (`[DOI+4y]`). A date without a year cannot be placed and gets a placeholder.
//! [`resolve`] turns a written distance back into a date: the difference between
//! two dates is preserved exactly.

use super::dates::{civil_from_days, days_from_civil};
use crate::normalize::{parse_date, PartialDate};
use crate::validate::days_in_month;
use serde::Deserialize;

/// How a distance is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Unit {
    /// Days: `[DOI+1522d]` (month-and-year dates in months, years in years).
    #[default]
    Days,
    /// Years, months and days: `[DOI+4y 2m 3d]`.
    Ymd,
}

impl Unit {
    /// The name used in policy files.
    pub fn as_str(self) -> &'static str {
        match self {
            Unit::Days => "days",
            Unit::Ymd => "ymd",
        }
    }
}

/// The date every other date is measured from, and its label in the output.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Anchor {
    /// Short label written in each distance (`DOI`).
    pub label: String,
    /// Year, month, day of the anchor.
    pub date: (i32, u32, u32),
}

impl Anchor {
    /// An anchor from a written date (any form the detector parses); `None` unless
    /// the text has a year, a month and a day.
    pub fn parse(label: &str, text: &str) -> Option<Anchor> {
        let d = parse_date(text)?;
        let date = (d.year?, d.month?, d.day?);
        (date.2 >= 1 && date.2 <= days_in_month(date.0, date.1)).then(|| Anchor {
            label: label.to_string(),
            date,
        })
    }

    /// A label for a roster date role: `date-of-injury` → `DOI`, `surgery` → `SURGERY`.
    pub fn label_for_role(role: &str) -> String {
        let words: Vec<&str> = role
            .split(['-', '_', ' '])
            .filter(|w| !w.is_empty())
            .collect();
        if words.len() > 1 {
            words
                .iter()
                .filter_map(|w| w.chars().next())
                .collect::<String>()
                .to_uppercase()
        } else {
            role.to_uppercase()
        }
    }

    fn days(&self) -> i64 {
        days_from_civil(self.date.0, self.date.1, self.date.2)
    }

    fn months(&self) -> i64 {
        i64::from(self.date.0) * 12 + i64::from(self.date.1) - 1
    }
}

/// `text` (a date) as its distance from `anchor`, or `None` when it has no year
/// or is not a valid date.
pub fn relative_date(text: &str, anchor: &Anchor, unit: Unit) -> Option<String> {
    let d = parse_date(text)?;
    relative(d, anchor, unit)
}

/// A parsed date as its distance from `anchor`.
pub fn relative(d: PartialDate, anchor: &Anchor, unit: Unit) -> Option<String> {
    let year = d.year?;
    let body = match (d.month, d.day) {
        (Some(m), Some(day)) => {
            if !(1..=12).contains(&m) || day == 0 || day > days_in_month(year, m) {
                return None;
            }
            let days = days_from_civil(year, m, day);
            match unit {
                Unit::Days => signed(days - anchor.days(), |n| format!("{n}d")),
                Unit::Ymd => ymd(anchor, days),
            }
        }
        (Some(m), None) if (1..=12).contains(&m) => {
            let months = i64::from(year) * 12 + i64::from(m) - 1 - anchor.months();
            signed(months, |n| match unit {
                Unit::Days => format!("{n}m"),
                Unit::Ymd => ym(n),
            })
        }
        (None, None) => signed(i64::from(year - anchor.date.0), |n| format!("{n}y")),
        _ => return None,
    };
    Some(format!("[{}{body}]", anchor.label))
}

fn signed(n: i64, write: impl Fn(i64) -> String) -> String {
    if n < 0 {
        format!("-{}", write(-n))
    } else {
        format!("+{}", write(n))
    }
}

/// `4y 2m`, `2m`, `4y`, `0m`.
fn ym(months: i64) -> String {
    match (months / 12, months % 12) {
        (0, m) => format!("{m}m"),
        (y, 0) => format!("{y}y"),
        (y, m) => format!("{y}y {m}m"),
    }
}

/// The anchor moved by `months` calendar months (day clamped to the month's end).
fn add_months(anchor: (i32, u32, u32), months: i64) -> i64 {
    let total = i64::from(anchor.0) * 12 + i64::from(anchor.1) - 1 + months;
    let y = total.div_euclid(12) as i32;
    let m = total.rem_euclid(12) as u32 + 1;
    days_from_civil(y, m, anchor.2.min(days_in_month(y, m)))
}

/// Years, months and days from the anchor to `days`: the most whole months that do
/// not pass the date, then the remaining days (the inverse of [`resolve`]).
fn ymd(anchor: &Anchor, days: i64) -> String {
    let delta = days - anchor.days();
    let dir: i64 = if delta < 0 { -1 } else { 1 };
    // Start from an estimate and correct it: months are 28 to 31 days.
    let mut months = delta.abs() * 12 / 366;
    while (add_months(anchor.date, dir * (months + 1)) - days) * dir <= 0 {
        months += 1;
    }
    while months > 0 && (add_months(anchor.date, dir * months) - days) * dir > 0 {
        months -= 1;
    }
    let rest = (days - add_months(anchor.date, dir * months)).abs();
    let mut parts = Vec::new();
    if months / 12 > 0 {
        parts.push(format!("{}y", months / 12));
    }
    if months % 12 > 0 {
        parts.push(format!("{}m", months % 12));
    }
    // Always written, so a full date never reads like a month-and-year one.
    parts.push(format!("{rest}d"));
    let sign = if dir < 0 { '-' } else { '+' };
    format!("{sign}{}", parts.join(" "))
}

/// A date put back from a distance written by [`relative_date`] (without the
/// label and brackets: `+4y 2m 3d`, `-12d`, `+50m`, `+4y`), at the precision the
/// distance has: days since 1970-01-01, months since year 0, or a year.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Resolved {
    /// A full date, as days since 1970-01-01.
    Day(i64),
    /// A month, as months since January of year 0.
    Month(i64),
    /// A year.
    Year(i32),
}

/// Resolves a written distance against `anchor` (the inverse of [`relative_date`]).
pub fn resolve(anchor: &Anchor, distance: &str) -> Option<Resolved> {
    let (sign, rest) = match distance.as_bytes().first()? {
        b'+' => (1i64, &distance[1..]),
        b'-' => (-1i64, &distance[1..]),
        _ => return None,
    };
    let (mut y, mut m, mut d) = (None, None, None);
    for part in rest.split(' ') {
        let (n, unit) = part.split_at(part.len().checked_sub(1)?);
        let n: i64 = n.parse().ok()?;
        match unit {
            "y" => y = Some(n),
            "m" => m = Some(n),
            "d" => d = Some(n),
            _ => return None,
        }
    }
    let months = y.unwrap_or(0) * 12 + m.unwrap_or(0);
    Some(match (y, m, d) {
        (_, _, Some(days)) => Resolved::Day(add_months(anchor.date, sign * months) + sign * days),
        (_, Some(_), None) => Resolved::Month(anchor.months() + sign * months),
        (Some(years), None, None) => Resolved::Year(anchor.date.0 + (sign * years) as i32),
        _ => return None,
    })
}

/// The date `days` after 1970-01-01, as `YYYY-MM-DD`.
pub fn iso(days: i64) -> String {
    let (y, m, d) = civil_from_days(days);
    format!("{y:04}-{m:02}-{d:02}")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doi() -> Anchor {
        Anchor::parse("DOI", "6/18/02").unwrap()
    }

    #[test]
    fn full_dates_in_days_and_ymd() {
        let a = doi();
        assert_eq!(
            relative_date("6/18/02", &a, Unit::Days).unwrap(),
            "[DOI+0d]"
        );
        assert_eq!(
            relative_date("June 22, 2002", &a, Unit::Days).unwrap(),
            "[DOI+4d]"
        );
        assert_eq!(
            relative_date("6/1/02", &a, Unit::Days).unwrap(),
            "[DOI-17d]"
        );
        assert_eq!(
            relative_date("8/21/06", &a, Unit::Ymd).unwrap(),
            "[DOI+4y 2m 3d]"
        );
        assert_eq!(
            relative_date("6/18/03", &a, Unit::Ymd).unwrap(),
            "[DOI+1y 0d]"
        );
        assert_eq!(
            relative_date("5/17/02", &a, Unit::Ymd).unwrap(),
            "[DOI-1m 1d]"
        );
        assert_eq!(relative_date("6/18/02", &a, Unit::Ymd).unwrap(), "[DOI+0d]");
    }

    #[test]
    fn partial_dates_keep_their_precision() {
        let a = doi();
        assert_eq!(
            relative_date("August 2006", &a, Unit::Days).unwrap(),
            "[DOI+50m]"
        );
        assert_eq!(
            relative_date("8/2006", &a, Unit::Ymd).unwrap(),
            "[DOI+4y 2m]"
        );
        assert_eq!(
            relative_date("March 2002", &a, Unit::Ymd).unwrap(),
            "[DOI-3m]"
        );
        let year = PartialDate {
            year: Some(2006),
            month: None,
            day: None,
        };
        assert_eq!(relative(year, &a, Unit::Days).unwrap(), "[DOI+4y]");
        assert_eq!(relative_date("June 18", &a, Unit::Days), None);
        assert_eq!(relative_date("2/30/03", &a, Unit::Days), None);
    }

    #[test]
    fn resolve_inverts() {
        let a = doi();
        assert_eq!(
            resolve(&a, "+4y 2m 3d"),
            Some(Resolved::Day(days_from_civil(2006, 8, 21)))
        );
        assert_eq!(resolve(&a, "+50m"), resolve(&a, "+4y 2m"));
        assert_eq!(resolve(&a, "-4y"), Some(Resolved::Year(1998)));
        assert_eq!(resolve(&a, "4y"), None);
    }

    #[test]
    fn role_labels() {
        assert_eq!(Anchor::label_for_role("date-of-injury"), "DOI");
        assert_eq!(Anchor::label_for_role("surgery"), "SURGERY");
    }

    /// Distances written as text, without the label: `+4y 2m 3d`.
    fn distance(written: &str) -> &str {
        written.trim_start_matches("[DOI").trim_end_matches(']')
    }

    proptest::proptest! {
        /// Differences between dates survive exactly: resolving two written
        /// distances gives dates exactly as far apart as the originals.
        #[test]
        fn differences_are_preserved(
            anchor in -30_000i64..30_000,
            a in -40_000i64..40_000,
            b in -40_000i64..40_000,
            ymd_unit in proptest::bool::ANY,
        ) {
            let (y, m, d) = civil_from_days(anchor);
            let anchor = Anchor { label: "DOI".into(), date: (y, m, d) };
            let unit = if ymd_unit { Unit::Ymd } else { Unit::Days };
            let back = |days: i64| {
                let (y, m, d) = civil_from_days(days);
                let out = relative_date(&format!("{y:04}-{m:02}-{d:02}"), &anchor, unit).unwrap();
                proptest::prop_assert!(!out.contains('/'), "{}", out);
                match resolve(&anchor, distance(&out)) {
                    Some(Resolved::Day(n)) => Ok(n),
                    other => Err(proptest::test_runner::TestCaseError::fail(format!("{out}: {other:?}"))),
                }
            };
            let (ra, rb) = (back(a)?, back(b)?);
            proptest::prop_assert_eq!(ra, a);
            proptest::prop_assert_eq!(rb - ra, b - a);
        }

        /// Month-and-year dates stay months (no day appears), and their month
        /// differences survive exactly.
        #[test]
        fn partial_dates_keep_precision_and_differences(
            anchor in -30_000i64..30_000,
            ma in 21_600i64..26_388,
            mb in 21_600i64..26_388,
            ymd_unit in proptest::bool::ANY,
        ) {
            let (y, m, d) = civil_from_days(anchor);
            let anchor = Anchor { label: "DOI".into(), date: (y, m, d) };
            let unit = if ymd_unit { Unit::Ymd } else { Unit::Days };
            let back = |months: i64| {
                let text = format!("{}/{}", months % 12 + 1, months / 12);
                let out = relative_date(&text, &anchor, unit).unwrap();
                proptest::prop_assert!(!out.contains('d'), "{} has a day: {}", text, out);
                match resolve(&anchor, distance(&out)) {
                    Some(Resolved::Month(n)) => Ok(n),
                    Some(Resolved::Year(y)) => Ok(i64::from(y) * 12 + i64::from(anchor.date.1) - 1),
                    other => Err(proptest::test_runner::TestCaseError::fail(format!("{out}: {other:?}"))),
                }
            };
            let (ra, rb) = (back(ma)?, back(mb)?);
            proptest::prop_assert_eq!(ra, ma);
            proptest::prop_assert_eq!(rb - ra, mb - ma);
        }
    }
}
