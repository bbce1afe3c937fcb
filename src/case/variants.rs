//! Every way a roster entry may be written: names alone, initials, reversed,
//! upper case; numbers with any separator or none; a date in every format the
//! detector knows.

use crate::normalize::PartialDate;
use crate::validate::month_from_name;
use crate::validate::MONTH_NAMES as MONTHS;

/// One written form of a roster entry and how it is matched.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Variant {
    /// Literal, whole word, any letter case ("maria lopez", "LOPEZ, MARIA").
    AnyCase(String),
    /// Literal, whole word, exactly this case (a name alone: "Lopez", "LOPEZ").
    ExactCase(String),
    /// Initials ("ML", "M.L."): exact case, and only in a document that names the
    /// party in another form, and not after a number ("5 ML").
    Initials(String),
    /// A regular expression (numbers with any separator, addresses).
    Regex(String),
}

const TITLES: &[&str] = &[
    "dr", "mr", "mrs", "ms", "mx", "miss", "hon", "prof", "judge", "attorney",
];
const SUFFIXES: &[&str] = &[
    "jr", "sr", "ii", "iii", "iv", "md", "m.d", "do", "d.o", "phd", "esq", "rn", "np", "pa-c",
    "dc", "d.c",
];
const ORG_SUFFIXES: &[&str] = &[
    "inc",
    "llc",
    "llp",
    "ltd",
    "co",
    "corp",
    "corporation",
    "company",
    "incorporated",
];

fn bare(token: &str) -> String {
    token
        .trim_matches(|c: char| c == ',' || c == '.')
        .to_ascii_lowercase()
}

fn title_case(word: &str) -> String {
    let mut chars = word.chars();
    match chars.next() {
        Some(f) => f
            .to_uppercase()
            .chain(chars.flat_map(char::to_lowercase))
            .collect(),
        None => String::new(),
    }
}

/// A name alone, in its written case, title case and upper case; never a month
/// name ("May", "June") nor a one-letter word.
fn single(word: &str, out: &mut Vec<Variant>) {
    let word = word.trim_matches(|c: char| c == ',' || c == '.');
    if word.chars().count() < 2 || month_from_name(word).is_some() {
        return;
    }
    for w in [word.to_string(), title_case(word), word.to_uppercase()] {
        let v = Variant::ExactCase(w);
        if !out.contains(&v) {
            out.push(v);
        }
    }
}

fn push(out: &mut Vec<Variant>, v: Variant) {
    if !out.contains(&v) {
        out.push(v);
    }
}

/// Variants of a person's name: "Maria J. Lopez" → "Maria Lopez", "Lopez, Maria",
/// "M. Lopez", "M.J. Lopez", "Maria L.", "Maria", "Lopez", "ML", "M.L.", ...
pub fn person(name: &str) -> Vec<Variant> {
    let mut tokens: Vec<&str> = name.split_whitespace().collect();
    while tokens.len() > 1 && TITLES.contains(&bare(tokens[0]).as_str()) {
        tokens.remove(0);
    }
    while tokens.len() > 1 && SUFFIXES.contains(&bare(tokens[tokens.len() - 1]).as_str()) {
        tokens.pop();
    }
    let tokens: Vec<String> = tokens
        .iter()
        .map(|t| t.trim_end_matches(',').to_string())
        .collect();
    let mut out = vec![Variant::AnyCase(name.trim().to_string())];
    let (last, given) = match tokens.split_last() {
        Some((last, given)) if !given.is_empty() => (last.clone(), given.to_vec()),
        _ => {
            single(&tokens[0], &mut out);
            return out;
        }
    };
    let first = &given[0];
    let initial = |w: &str| w.chars().next().map(|c| c.to_uppercase().to_string());
    let given_initials: Vec<String> = given.iter().filter_map(|w| initial(w)).collect();
    let all_given = given.join(" ");
    let mut full = vec![
        format!("{all_given} {last}"),
        format!("{first} {last}"),
        format!("{last}, {first}"),
        format!("{last}, {all_given}"),
        format!("{last} {first}"),
    ];
    if let Some(fi) = initial(first) {
        full.push(format!("{fi}. {last}"));
        full.push(format!("{fi} {last}"));
        full.push(format!("{last}, {fi}."));
        if let Some(li) = initial(&last) {
            full.push(format!("{first} {li}."));
        }
    }
    if given.len() > 1 {
        full.push(format!("{}. {last}", given_initials.join(".")));
        full.push(format!("{}. {last}", given_initials.join(". ")));
        full.push(format!(
            "{first} {} {last}",
            given_initials[1..].join(". ") + "."
        ));
    }
    // Hyphenated or double surnames: "Maria Lopez-Garcia" is also "Maria Lopez".
    let parts: Vec<&str> = last.split(['-', ' ']).filter(|p| p.len() > 1).collect();
    if parts.len() > 1 {
        for p in &parts {
            full.push(format!("{first} {p}"));
            full.push(format!("{p}, {first}"));
        }
    }
    for f in full {
        push(&mut out, Variant::AnyCase(f));
    }
    for w in given.iter().chain(std::iter::once(&last)) {
        single(w, &mut out);
    }
    if parts.len() > 1 {
        for p in parts {
            single(p, &mut out);
        }
    }
    if let Some(li) = initial(&last) {
        let fi = initial(first).unwrap_or_default();
        let all: String = given_initials.concat() + &li;
        for ini in [
            format!("{fi}{li}"),
            format!("{fi}.{li}."),
            all.clone(),
            all.chars().map(|c| format!("{c}.")).collect(),
        ] {
            if ini.chars().filter(char::is_ascii_alphabetic).count() >= 2 {
                push(&mut out, Variant::Initials(ini));
            }
        }
    }
    out
}

/// Variants of an organisation: as written, and without "Inc.", "LLC", ...
pub fn org(name: &str) -> Vec<Variant> {
    let mut out = vec![Variant::AnyCase(name.trim().to_string())];
    let mut tokens: Vec<&str> = name.split_whitespace().collect();
    let mut suffix = None;
    while tokens.len() > 1 && ORG_SUFFIXES.contains(&bare(tokens[tokens.len() - 1]).as_str()) {
        suffix = tokens.pop().map(|t| t.trim_end_matches('.'));
    }
    let short = tokens.join(" ").trim_end_matches(',').to_string();
    if short.len() >= 3 {
        if let Some(sfx) = suffix {
            for form in [
                format!("{short} {sfx}"),
                format!("{short} {sfx}."),
                format!("{short}, {sfx}"),
                format!("{short}, {sfx}."),
            ] {
                push(&mut out, Variant::AnyCase(form));
            }
        }
        push(&mut out, Variant::AnyCase(short));
    }
    out
}

/// A number with any separator between its groups, or none; its longest group
/// alone when that has at least five characters ("123456" of "05-123456").
pub fn number(value: &str) -> Vec<Variant> {
    let groups: Vec<&str> = value
        .split(|c: char| !c.is_alphanumeric())
        .filter(|g| !g.is_empty())
        .collect();
    let escaped: Vec<String> = groups.iter().map(|g| regex::escape(g)).collect();
    let mut out = vec![Variant::Regex(format!(
        r"(?i)\b{}\b",
        escaped.join(r"(?:[-\s./]|\s?-\s?)?")
    ))];
    if groups.len() > 1 {
        if let Some(longest) = groups.iter().max_by_key(|g| g.len()) {
            if longest.len() >= 5 {
                out.push(Variant::Regex(format!(
                    r"(?i)\b{}\b",
                    regex::escape(longest)
                )));
            }
        }
    }
    out
}

const STREET_WORDS: &[(&str, &str)] = &[
    ("street", "st"),
    ("avenue", "ave"),
    ("road", "rd"),
    ("boulevard", "blvd"),
    ("drive", "dr"),
    ("lane", "ln"),
    ("court", "ct"),
    ("place", "pl"),
    ("suite", "ste"),
    ("apartment", "apt"),
    ("highway", "hwy"),
    ("north", "n"),
    ("south", "s"),
    ("east", "e"),
    ("west", "w"),
];

/// An address with any spacing and punctuation between words, street words full
/// or abbreviated; also its first line (up to the first comma) alone.
pub fn address(value: &str) -> Vec<Variant> {
    let pattern = |text: &str| -> Option<String> {
        let words: Vec<String> = text
            .split(|c: char| c.is_whitespace() || c == ',')
            .map(|w| w.trim_end_matches('.'))
            .filter(|w| !w.is_empty())
            .map(|w| {
                let lower = w.to_ascii_lowercase();
                match STREET_WORDS
                    .iter()
                    .find(|(full, short)| *full == lower || *short == lower)
                {
                    Some((full, short)) => format!(r"(?:{full}|{short}\.?)"),
                    None => regex::escape(w),
                }
            })
            .collect();
        (words.len() >= 2).then(|| format!(r"(?i)\b{}", words.join(r"[\s,.]+")))
    };
    let mut out = Vec::new();
    if let Some(p) = pattern(value) {
        out.push(Variant::Regex(p));
    }
    // "1420 Elm Street", "1420 Elm Street, Fresno", "1420 Elm Street, Fresno, CA".
    let parts: Vec<&str> = value.split(',').collect();
    for n in (1..parts.len()).rev() {
        if let Some(p) = pattern(&parts[..n].join(",")) {
            push(&mut out, Variant::Regex(p));
        }
    }
    out
}

/// A full date in every format the detector knows (any letter case): `6/18/02`,
/// `06-18-2002`, `6.18.02`, `2002-06-18`, `June 18, 2002`, `Jun. 18th 2002`,
/// `18 June 2002`, `06182002`, `20020618`, ... (The detector's own date findings
/// with the same calendar date are matched too, whatever their form.)
pub fn date(d: PartialDate) -> Vec<Variant> {
    let (Some(y), Some(m), Some(day)) = (d.year, d.month, d.day) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    let yy = format!("{:02}", y.rem_euclid(100));
    let years = [y.to_string(), yy];
    let months = [m.to_string(), format!("{m:02}")];
    let days = [day.to_string(), format!("{day:02}")];
    for sep in ["/", "-", "."] {
        for mm in &months {
            for dd in &days {
                for yr in &years {
                    out.push(format!("{mm}{sep}{dd}{sep}{yr}"));
                }
            }
        }
    }
    out.push(format!("{y}-{m:02}-{day:02}"));
    out.push(format!("{y}/{m:02}/{day:02}"));
    out.push(format!("{m:02}{day:02}{y}"));
    out.push(format!("{y}{m:02}{day:02}"));
    let full = MONTHS[(m - 1) as usize];
    let names = [
        full.to_string(),
        full[..3].to_string(),
        format!("{}.", &full[..3]),
    ];
    let suffix = match day {
        1 | 21 | 31 => "st",
        2 | 22 => "nd",
        3 | 23 => "rd",
        _ => "th",
    };
    for name in &names {
        for dd in [day.to_string(), format!("{day}{suffix}")] {
            out.push(format!("{name} {dd}, {y}"));
            out.push(format!("{name} {dd} {y}"));
            out.push(format!("{dd} {name} {y}"));
            out.push(format!("{dd} {name}, {y}"));
        }
    }
    let mut variants: Vec<Variant> = Vec::new();
    for s in out {
        push(&mut variants, Variant::AnyCase(s));
    }
    variants
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(vs: &[Variant]) -> Vec<String> {
        vs.iter()
            .map(|v| match v {
                Variant::AnyCase(s) => format!("any:{s}"),
                Variant::ExactCase(s) => format!("exact:{s}"),
                Variant::Initials(s) => format!("ini:{s}"),
                Variant::Regex(s) => format!("re:{s}"),
            })
            .collect()
    }

    #[test]
    fn person_variants() {
        let v = texts(&person("Dr. Maria J. Lopez, M.D."));
        for want in [
            "any:Maria Lopez",
            "any:Lopez, Maria",
            "any:Lopez, Maria J.",
            "any:M. Lopez",
            "any:M.J. Lopez",
            "any:Maria L.",
            "exact:Maria",
            "exact:LOPEZ",
            "exact:Lopez",
            "ini:ML",
            "ini:M.L.",
            "ini:MJL",
        ] {
            assert!(v.contains(&want.to_string()), "{want} missing from {v:?}");
        }
        assert!(!v.iter().any(|s| s == "exact:Dr"), "{v:?}");
        let v = texts(&person("June Park"));
        assert!(
            !v.contains(&"exact:June".to_string()),
            "a month name alone is no name"
        );
    }

    #[test]
    fn number_and_date_variants() {
        let v = texts(&number("05-123456"));
        assert_eq!(v.len(), 2, "{v:?}");
        let re = regex::Regex::new(v[0].trim_start_matches("re:")).unwrap();
        for s in [
            "05-123456",
            "05 123456",
            "05.123456",
            "05123456",
            "05 - 123456",
        ] {
            assert!(re.is_match(s), "{s}");
        }
        let d = crate::normalize::parse_date("2002-06-18").unwrap();
        let v = texts(&date(d));
        for want in [
            "any:6/18/02",
            "any:06-18-2002",
            "any:June 18th, 2002",
            "any:18 Jun 2002",
        ] {
            assert!(v.contains(&want.to_string()), "{want} missing");
        }
    }
}
