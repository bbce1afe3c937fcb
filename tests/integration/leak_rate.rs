//! Leak rate by kind on generated documents: identifiers of every supported kind and
//! format, planted (with the cue their rule needs, where it needs one) in random
//! case-file prose. Every planted value must be gone from the output; the table of
//! planted and leaked values per kind is printed (`cargo test leak_rate -- --nocapture`).

use crate::util::scrubber;
use casescrub::validate::MONTH_NAMES;
use casescrub::Numbering;
use proptest::prelude::*;
use proptest::strategy::ValueTree;
use proptest::test_runner::TestRunner;
use std::collections::BTreeMap;

/// A planted identifier: the kind it is, the text written, the part that must not
/// survive (`secret`, e.g. the digits of "MRN 00012345").
#[derive(Debug, Clone)]
struct Plant {
    kind: &'static str,
    text: String,
    secret: String,
}

fn plant(kind: &'static str, text: String, secret: &str) -> Plant {
    Plant {
        kind,
        secret: secret.to_string(),
        text,
    }
}

fn pick(values: &'static [&'static str]) -> impl Strategy<Value = &'static str> {
    prop::sample::select(values)
}

const SHORT_MONTHS: &[&str] = &[
    "Jan.", "Feb.", "Mar.", "Apr.", "Aug.", "Sept.", "Oct.", "Nov.", "Dec.",
];
const FIRST: &[&str] = &[
    "Maria", "James", "Linda", "Robert", "Patricia", "Michael", "Jennifer", "David", "Rosa",
    "Daniel",
];
const LAST: &[&str] = &[
    "Lopez",
    "Johnson",
    "Nguyen",
    "Garcia",
    "Thompson",
    "Martinez",
    "Robinson",
    "Hernandez",
    "Kowalski",
    "Okafor",
];
const CITIES: &[&str] = &["Sacramento", "Fresno", "Houston", "Chicago", "Phoenix"];
const STATES: &[(&str, &str)] = &[
    ("California", "CA"),
    ("Texas", "TX"),
    ("Illinois", "IL"),
    ("Arizona", "AZ"),
    ("Florida", "FL"),
];
const STREETS: &[&str] = &[
    "Main Street",
    "Oak Avenue",
    "Elm St.",
    "Harbor Blvd",
    "Pine Road",
];

/// One planted identifier of any kind, in one of its supported formats.
fn planted() -> impl Strategy<Value = Plant> {
    let date = prop_oneof![
        (1u32..=12, 1u32..=28, 1950u32..2030).prop_map(|(m, d, y)| format!("{m}/{d}/{y}")),
        (1u32..=12, 1u32..=28, 0u32..100).prop_map(|(m, d, y)| format!("{m:02}-{d:02}-{y:02}")),
        (1u32..=12, 1u32..=28, 1950u32..2030).prop_map(|(m, d, y)| format!("{m:02}.{d:02}.{y}")),
        (1u32..=12, 1u32..=28, 1950u32..2030).prop_map(|(m, d, y)| format!("{y}-{m:02}-{d:02}")),
        (pick(&MONTH_NAMES), 1u32..=28, 1950u32..2030)
            .prop_map(|(m, d, y)| format!("{m} {d}, {y}")),
        (pick(SHORT_MONTHS), 1u32..=28, 1950u32..2030)
            .prop_map(|(m, d, y)| format!("{m} {d}, {y}")),
        (pick(&MONTH_NAMES), 1u32..=28, 1950u32..2030).prop_map(|(m, d, y)| format!("{d} {m} {y}")),
        (pick(&MONTH_NAMES), 1950u32..2030).prop_map(|(m, y)| format!("{m} {y}")),
    ]
    .prop_map(|d| plant("DATE", d.clone(), &d));
    let age = (18u32..99, 0usize..5).prop_map(|(a, f)| {
        let text = match f {
            0 => format!("a {a}-year-old"),
            1 => format!("age {a}"),
            2 => format!("{a} years of age"),
            3 => format!("{a} y/o"),
            _ => format!("aged {a}"),
        };
        plant("AGE", text, &a.to_string())
    });
    let place = (
        pick(CITIES),
        0usize..STATES.len(),
        10000u32..99999,
        1u32..9999,
        pick(STREETS),
    )
        .prop_flat_map(|(city, s, zip, number, street)| {
            let (name, code) = STATES[s];
            prop_oneof![
                Just(plant("STATE", format!("lives in {name}"), name)),
                Just(plant(
                    "ZIP",
                    format!("{city}, {code} {zip}"),
                    &zip.to_string()
                )),
                Just(plant(
                    "LOCATION",
                    format!("{number} {street}, {city}"),
                    &format!("{number} {street}")
                )),
                Just(plant("LOCATION", format!("moved to {city}"), city)),
            ]
        });
    let person = (pick(FIRST), pick(LAST), 0usize..4).prop_map(|(f, l, form)| {
        let (text, secret) = match form {
            0 => (format!("Dr. {f} {l}"), format!("{f} {l}")),
            1 => (format!("applicant {f} {l}"), format!("{f} {l}")),
            2 => (format!("Mr. {l}"), l.to_string()),
            _ => (format!("{l}, {f}"), format!("{l}, {f}")),
        };
        plant("PERSON", text, &secret)
    });
    let demographic = prop_oneof![
        pick(&["female", "male", "woman", "man"]).prop_map(|g| plant(
            "GENDER",
            format!("a {g}"),
            g
        )),
        pick(&["She", "He"]).prop_map(|p| plant("GENDER", format!("{p} said"), p)),
        pick(&["Hispanic", "Caucasian", "African American", "Asian"]).prop_map(|e| plant(
            "ETHNICITY",
            format!("is {e}"),
            e
        )),
        pick(&["Mexican", "Filipino", "Salvadoran", "Vietnamese"]).prop_map(|n| plant(
            "NATIONALITY",
            format!("a {n} national"),
            n
        )),
        pick(&[
            "electrician",
            "registered nurse",
            "forklift operator",
            "janitor"
        ])
        .prop_map(|o| plant("OCCUPATION", format!("works as a {o}"), o)),
    ];
    let contact = prop_oneof![
        (200u32..999, 200u32..999, 0u32..10000, 0usize..4).prop_map(|(a, b, c, f)| {
            let text = match f {
                0 => format!("({a}) {b}-{c:04}"),
                1 => format!("{a}-{b}-{c:04}"),
                2 => format!("{a}.{b}.{c:04}"),
                _ => format!("Fax: {a} {b} {c:04}"),
            };
            let digits = text.trim_start_matches("Fax: ").to_string();
            plant("PHONE", text, &digits)
        }),
        "[a-z]{3,8}\\.[a-z]{3,8}@[a-z]{4,9}\\.(com|org|net)".prop_map(|e| plant(
            "EMAIL",
            e.clone(),
            &e
        )),
        (1u32..256, 0u32..256, 0u32..256, 1u32..255).prop_map(|(a, b, c, d)| {
            let ip = format!("{a}.{b}.{c}.{d}");
            plant("IP", format!("from IP {ip}"), &ip)
        }),
        "[a-z]{4,10}".prop_map(|d| {
            let url = format!("https://www.{d}.com/records");
            plant("URL", url.clone(), &url)
        }),
    ];
    let number = prop_oneof![
        (1u32..665, 1u32..99, 1u32..9999).prop_map(|(a, g, s)| {
            let ssn = format!("{a:03}-{g:02}-{s:04}");
            plant("SSN", ssn.clone(), &ssn)
        }),
        (1u32..665, 1u32..99, 1u32..9999).prop_map(|(a, g, s)| {
            let ssn = format!("{a:03}{g:02}{s:04}");
            plant("SSN", format!("SSN {ssn}"), &ssn)
        }),
        (0u32..100_000_000).prop_map(|n| plant("ID", format!("MRN {n:08}"), &format!("{n:08}"))),
        (1u32..99, 100000u32..999999).prop_map(|(y, n)| {
            let id = format!("{y:02}-{n}");
            plant("ID", format!("Claim No. {id}"), &id)
        }),
        (1000000u32..9999999).prop_map(|n| {
            let id = format!("ADJ{n}");
            plant("ID", format!("Case No. {id}"), &id)
        }),
    ];
    prop_oneof![date, age, place, person, demographic, contact, number]
}

/// Prose around the identifiers: clinical and procedural words and numbers that are
/// not identifiers (so precision is exercised too).
fn filler() -> impl Strategy<Value = String> {
    prop::collection::vec(
        pick(&[
            "the",
            "patient",
            "reports",
            "pain",
            "of",
            "5/10",
            "at",
            "C4-5",
            "and",
            "T10",
            "with",
            "relief",
            "for",
            "9-10",
            "months",
            ".",
            ",",
            "\n",
            "\r\n",
            "MTUS",
            "guidelines",
            "per",
            "8 CCR 9792.24.2",
            "Norco 10/325 mg",
            "treatment",
            "–",
            "was",
            "seen",
            "on",
            "follow-up",
            "request",
            "denied",
            "appeal",
        ]),
        0..10,
    )
    .prop_map(|words| words.join(" "))
}

/// A document and its plants, each with the byte range of its secret in the text.
fn document() -> impl Strategy<Value = (String, Vec<(Plant, usize, usize)>)> {
    prop::collection::vec((filler(), planted()), 1..6).prop_map(|parts| {
        let mut text = String::new();
        let mut plants = Vec::new();
        for (fill, p) in parts {
            text.push_str(&fill);
            text.push(' ');
            let at = text.len() + p.text.find(&p.secret).expect("secret is in the text");
            text.push_str(&p.text);
            text.push_str(". ");
            let end = at + p.secret.len();
            plants.push((p, at, end));
        }
        (text, plants)
    })
}

/// Plants 2,000 documents, each written through `write` (the identity, or lower
/// case), and fails if any planted identifier survives redaction.
fn plant_and_check(write: fn(String) -> String) {
    let mut runner = TestRunner::deterministic();
    let strategy = document();
    let mut planted: BTreeMap<&str, usize> = BTreeMap::new();
    let mut leaked: BTreeMap<&str, Vec<String>> = BTreeMap::new();
    for _ in 0..2000 {
        let (text, plants) = strategy.new_tree(&mut runner).unwrap().current();
        // Every planted value is ASCII, so lower case keeps every byte offset.
        let text = write(text);
        let redaction = scrubber().redact(&text, &mut Numbering::default());
        for (p, start, end) in plants {
            *planted.entry(p.kind).or_default() += 1;
            // Leaked: some character of the secret is outside every change (a
            // placeholder number such as "5" in "[DATE-5]" cannot count as a leak).
            let covered = |i: usize| redaction.changes.iter().any(|c| c.start <= i && i < c.end);
            let digit_or_letter = |i: &usize| text[*i..].starts_with(|c: char| c.is_alphanumeric());
            if (start..end).filter(digit_or_letter).any(|i| !covered(i)) {
                leaked.entry(p.kind).or_default().push(format!(
                    "{:?} in {text:?} -> {:?}",
                    p.text, redaction.output
                ));
            }
        }
    }
    let total: usize = planted.values().sum();
    let leaks: usize = leaked.values().map(Vec::len).sum();
    println!("kind          planted  leaked");
    for (kind, n) in &planted {
        println!(
            "{kind:<12} {n:>8} {:>7}",
            leaked.get(kind).map_or(0, Vec::len)
        );
    }
    println!(
        "all          {total:>8} {leaks:>7}  (leak rate {:.4})",
        leaks as f64 / total as f64
    );
    assert!(
        leaks == 0,
        "{leaks} of {total} planted identifiers leaked: {:#?}",
        leaked.values().flatten().take(200).collect::<Vec<_>>()
    );
}

#[test]
fn planted_identifiers_of_every_kind_never_survive() {
    plant_and_check(|text| text);
}

/// The same identifiers in documents written wholly in lower case (telegraphic
/// notes, dictation): case says nothing there, the truecased view reads them.
#[test]
fn planted_identifiers_in_lower_case_documents_never_survive() {
    plant_and_check(|text| text.to_ascii_lowercase());
}
