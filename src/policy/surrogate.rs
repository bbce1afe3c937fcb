//! Surrogates: realistic fake values of the same kind, chosen by a keyed hash of
//! the value so every occurrence of one value gets the same fake (in every file,
//! with the same key). Fakes come from reserved or fictional ranges where one
//! exists: 555-01xx phone numbers, `example.com` addresses, TEST-NET IP addresses,
//! never-issued SSN areas (9xx).

use super::dates::shift_date;
use super::key::Key;
use crate::kind::Kind;
use crate::normalize::value_key;

const GIVEN: &[&str] = &[
    "Alex", "Jordan", "Taylor", "Morgan", "Casey", "Riley", "Avery", "Quinn", "Jamie", "Robin",
    "Dana", "Elliot", "Hayden", "Kendall", "Leslie", "Marion", "Noel", "Parker", "Reese", "Sidney",
    "Skyler", "Emery", "Rowan", "Sage", "Blair", "Cameron", "Drew", "Finley", "Harper", "Jesse",
    "Kai", "Logan",
];

const SURNAMES: &[&str] = &[
    "Ashford",
    "Bellamy",
    "Calloway",
    "Danvers",
    "Ellison",
    "Fairbanks",
    "Garrick",
    "Holloway",
    "Ingram",
    "Jessup",
    "Kimball",
    "Langley",
    "Mercer",
    "Norwood",
    "Oakley",
    "Prescott",
    "Quinlan",
    "Radcliffe",
    "Sterling",
    "Thorne",
    "Underwood",
    "Vance",
    "Whitlock",
    "Yardley",
    "Ainsworth",
    "Brennan",
    "Colby",
    "Dunmore",
    "Everly",
    "Fenwick",
    "Greer",
    "Hartley",
];

const CITIES: &[&str] = &[
    "Millbrook",
    "Cedar Falls",
    "Fairview",
    "Oak Ridge",
    "Riverton",
    "Lakewood",
    "Brookfield",
    "Glenwood",
    "Maple Grove",
    "Ashland",
    "Pine Bluff",
    "Westfield",
    "Harbor City",
    "Elmhurst",
    "Springdale",
    "Stonebridge",
];

const STREETS: &[&str] = &[
    "Maple",
    "Oak",
    "Cedar",
    "Elm",
    "Willow",
    "Birch",
    "Chestnut",
    "Walnut",
    "Hillcrest",
    "Lakeview",
    "Sunset",
    "Meadow",
];

const STREET_TYPES: &[&str] = &["Street", "Avenue", "Road", "Lane", "Drive", "Court"];

const STATES: &[(&str, &str)] = &[
    ("Oregon", "OR"),
    ("Ohio", "OH"),
    ("Nevada", "NV"),
    ("Iowa", "IA"),
    ("Kansas", "KS"),
    ("Maine", "ME"),
    ("Utah", "UT"),
    ("Idaho", "ID"),
    ("Vermont", "VT"),
    ("Montana", "MT"),
    ("Delaware", "DE"),
    ("Nebraska", "NE"),
];

const ORG_TYPES: &[&str] = &[
    "Medical Group",
    "Health Services",
    "Insurance Company",
    "Industries",
    "Associates",
    "Clinic",
];

const OCCUPATIONS: &[&str] = &[
    "clerk",
    "technician",
    "driver",
    "warehouse worker",
    "office assistant",
    "laborer",
    "cashier",
    "mechanic",
    "custodian",
    "machine operator",
];

const GENERIC: &[(Kind, &[&str])] = &[
    (Kind::Ethnicity, &["[ETHNICITY]"]),
    (Kind::Nationality, &["[NATIONALITY]"]),
    (Kind::Religion, &["[RELIGION]"]),
    (Kind::Marital, &["single", "married", "divorced", "widowed"]),
    (Kind::Language, &["[LANGUAGE]"]),
];

/// Bytes drawn from a keyed hash of one value.
struct Draw {
    key: Key,
    seed: Vec<u8>,
    block: [u8; 32],
    used: usize,
    counter: u64,
}

impl Draw {
    fn new(key: &Key, kind: Kind, value: &str) -> Draw {
        let seed = format!("{}\0{}", kind.as_str(), value).into_bytes();
        let block = key.mac("casescrub/surrogate/v1", &[&seed, &0u64.to_be_bytes()]);
        Draw {
            key: key.clone(),
            seed,
            block,
            used: 0,
            counter: 0,
        }
    }

    fn below(&mut self, n: usize) -> usize {
        if self.used + 4 > self.block.len() {
            self.counter += 1;
            self.block = self.key.mac(
                "casescrub/surrogate/v1",
                &[&self.seed, &self.counter.to_be_bytes()],
            );
            self.used = 0;
        }
        let b = &self.block[self.used..self.used + 4];
        self.used += 4;
        (u32::from_be_bytes([b[0], b[1], b[2], b[3]]) as usize) % n
    }

    fn pick<'a>(&mut self, list: &[&'a str]) -> &'a str {
        list[self.below(list.len())]
    }

    fn digit(&mut self) -> char {
        (b'0' + self.below(10) as u8) as char
    }
}

/// Gives `fake` the case style of `original` (ALL CAPS or as is).
fn case_like(original: &str, fake: &str) -> String {
    let letters: Vec<char> = original.chars().filter(|c| c.is_alphabetic()).collect();
    if letters.len() > 1 && letters.iter().all(|c| c.is_uppercase()) {
        fake.to_uppercase()
    } else {
        fake.to_string()
    }
}

/// Replaces every digit and letter, keeping separators, case and length.
fn same_shape(draw: &mut Draw, text: &str) -> String {
    text.chars()
        .map(|c| {
            if c.is_ascii_digit() {
                draw.digit()
            } else if c.is_ascii_uppercase() {
                (b'A' + draw.below(26) as u8) as char
            } else if c.is_ascii_lowercase() {
                (b'a' + draw.below(26) as u8) as char
            } else {
                c
            }
        })
        .collect()
}

/// A fake person name with the shape of `text`: `Last, First`, `First M. Last` or
/// one word (a surname). Each word is replaced on its own, so `Maria Lopez` and a
/// later `Ms. Lopez` share the fake surname.
fn person(key: &Key, text: &str) -> String {
    let (body, possessive) = match text
        .strip_suffix("'s")
        .or_else(|| text.strip_suffix("\u{2019}s"))
    {
        Some(b) => (b, &text[b.len()..]),
        None => (text, ""),
    };
    let word = |w: &str, given: bool| -> String {
        let trimmed = w.trim_end_matches('.');
        if trimmed.chars().count() <= 1 {
            let mut d = Draw::new(
                key,
                Kind::Person,
                &format!("initial:{}", trimmed.to_lowercase()),
            );
            let letter = (b'A' + d.below(26) as u8) as char;
            return format!("{letter}{}", &w[trimmed.len()..]);
        }
        let mut d = Draw::new(key, Kind::Person, &trimmed.to_lowercase());
        let fake = if given {
            d.pick(GIVEN)
        } else {
            d.pick(SURNAMES)
        };
        case_like(trimmed, fake) + &w[trimmed.len()..]
    };
    let out = if let Some((last, first)) = body.split_once(',') {
        let firsts: Vec<String> = first
            .split_whitespace()
            .enumerate()
            .map(|(i, w)| word(w, i == 0))
            .collect();
        let lasts: Vec<String> = last.split_whitespace().map(|w| word(w, false)).collect();
        format!("{}, {}", lasts.join(" "), firsts.join(" "))
    } else {
        let words: Vec<&str> = body.split_whitespace().collect();
        let n = words.len();
        words
            .iter()
            .enumerate()
            .map(|(i, w)| word(w, n > 1 && i == 0))
            .collect::<Vec<_>>()
            .join(" ")
    };
    out + possessive
}

/// A realistic fake for `text` of `kind`, the same every time for the same key and
/// value. Dates are shifted by `shift_days`. `None` when there is no sensible fake
/// (gender words, which are neutralized instead).
pub fn surrogate(key: &Key, kind: Kind, text: &str, shift_days: Option<i64>) -> Option<String> {
    let value = value_key(kind, text);
    let mut d = Draw::new(key, kind, &value);
    Some(match kind {
        Kind::Person => person(key, text),
        Kind::Date => shift_date(text, shift_days?)?,
        Kind::Age => {
            let n = super::actions::age_value(text)?;
            if n > 89 {
                "90 or older".into()
            } else {
                (n / 5 * 5 + d.below(5) as u32).to_string()
            }
        }
        Kind::Phone => {
            // NPA (2-9xx), exchange 555, line 01xx: reserved for fiction.
            let digits = format!(
                "{}{}{}55501{}{}",
                (b'2' + d.below(8) as u8) as char,
                d.digit(),
                d.digit(),
                d.digit(),
                d.digit()
            );
            let count = text.chars().filter(char::is_ascii_digit).count();
            let mut fake = digits.chars();
            let skip_country = count == 11;
            let mut seen = 0;
            text.chars()
                .map(|c| {
                    if c.is_ascii_digit() {
                        seen += 1;
                        if (skip_country && seen == 1) || seen > 10 + usize::from(skip_country) {
                            return c;
                        }
                        fake.next().unwrap_or('0')
                    } else {
                        c
                    }
                })
                .collect()
        }
        Kind::Email => format!(
            "{}.{}@example.com",
            d.pick(GIVEN).to_lowercase(),
            d.pick(SURNAMES).to_lowercase()
        ),
        Kind::Url => {
            let host = format!("www.{}.example", d.pick(SURNAMES).to_lowercase());
            if text.to_ascii_lowercase().starts_with("http") {
                format!("https://{host}/")
            } else {
                host
            }
        }
        Kind::Ip => {
            if text.contains(':') {
                format!("2001:db8::{:x}", d.below(0xffff) + 1)
            } else {
                let nets = ["192.0.2", "198.51.100", "203.0.113"];
                format!("{}.{}", nets[d.below(3)], d.below(254) + 1)
            }
        }
        Kind::Ssn => {
            // Area 9xx is never issued.
            let mut first = true;
            text.chars()
                .map(|c| {
                    if c.is_ascii_digit() {
                        if first {
                            first = false;
                            return '9';
                        }
                        d.digit()
                    } else {
                        c
                    }
                })
                .collect()
        }
        Kind::Id | Kind::Zip => same_shape(&mut d, text),
        Kind::State => {
            let (name, code) = STATES[d.below(STATES.len())];
            if text.len() == 2 {
                code.to_string()
            } else {
                case_like(text, name)
            }
        }
        Kind::Location => {
            if text.starts_with(|c: char| c.is_ascii_digit()) {
                format!(
                    "{}{}{} {} {}",
                    (b'1' + d.below(9) as u8) as char,
                    d.digit(),
                    d.digit(),
                    d.pick(STREETS),
                    d.pick(STREET_TYPES)
                )
            } else {
                case_like(text, d.pick(CITIES))
            }
        }
        Kind::Org => case_like(text, &format!("{} {}", d.pick(SURNAMES), d.pick(ORG_TYPES))),
        Kind::Occupation => case_like(text, d.pick(OCCUPATIONS)),
        Kind::Gender | Kind::Allow => return None,
        other => {
            let list = GENERIC.iter().find(|(k, _)| *k == other)?.1;
            d.pick(list).to_string()
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(b: u8) -> Key {
        Key::from_bytes([b; 32])
    }

    #[test]
    fn same_value_same_fake_other_key_other_fake() {
        let a = surrogate(&key(1), Kind::Person, "Maria Lopez", None).unwrap();
        assert_eq!(
            a,
            surrogate(&key(1), Kind::Person, "Maria Lopez", None).unwrap()
        );
        let caps = surrogate(&key(1), Kind::Person, "MARIA LOPEZ", None).unwrap();
        assert_eq!(caps, a.to_uppercase());
        assert_ne!(a, "Maria Lopez");
        let others: std::collections::HashSet<String> = (2..12)
            .map(|k| surrogate(&key(k), Kind::Person, "Maria Lopez", None).unwrap())
            .collect();
        assert!(others.len() > 1, "different keys give different fakes");
    }

    #[test]
    fn surname_is_shared_between_full_name_and_title_form() {
        let full = surrogate(&key(3), Kind::Person, "Maria Lopez", None).unwrap();
        let last = surrogate(&key(3), Kind::Person, "Lopez", None).unwrap();
        assert!(full.ends_with(&last), "{full} / {last}");
    }

    #[test]
    fn fakes_keep_the_shape() {
        let k = key(4);
        let phone = surrogate(&k, Kind::Phone, "(805) 637-3326", None).unwrap();
        assert!(
            phone.starts_with('(') && phone.contains(") 555-01"),
            "{phone}"
        );
        let ssn = surrogate(&k, Kind::Ssn, "123-45-6789", None).unwrap();
        assert!(ssn.starts_with('9') && ssn.len() == 11 && &ssn[3..4] == "-");
        let id = surrogate(&k, Kind::Id, "WC-2005-919191", None).unwrap();
        assert_eq!(id.len(), 14);
        assert_eq!(&id[2..3], "-");
        assert_eq!(surrogate(&k, Kind::State, "CA", None).unwrap().len(), 2);
        assert!(surrogate(&k, Kind::Email, "a@b.org", None)
            .unwrap()
            .ends_with("@example.com"));
        assert_eq!(
            surrogate(&k, Kind::Date, "6/18/02", Some(3)).unwrap(),
            "6/21/02"
        );
        assert!(surrogate(&k, Kind::Date, "6/18/02", None).is_none());
        assert_eq!(surrogate(&k, Kind::Age, "93", None).unwrap(), "90 or older");
        let age: u32 = surrogate(&k, Kind::Age, "54", None)
            .unwrap()
            .parse()
            .unwrap();
        assert!((50..55).contains(&age));
    }
}
