//! Property tests for the invariants every redaction must keep, on generated
//! documents with planted identifiers and on arbitrary text.

use crate::util::scrubber;
use casescrub::{Kind, Numbering};
use proptest::prelude::*;

/// Identifiers of kinds whose every supported format must always be caught.
fn planted() -> impl Strategy<Value = (String, Kind)> {
    let month = prop::sample::select(vec![
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
    ]);
    prop_oneof![
        (1u32..=12, 1u32..=28, 1950u32..2030)
            .prop_map(|(m, d, y)| (format!("{m}/{d}/{y}"), Kind::Date)),
        (1u32..=12, 1u32..=28, 0u32..100)
            .prop_map(|(m, d, y)| (format!("{m}-{d}-{y:02}"), Kind::Date)),
        (1u32..=12, 1u32..=28, 1950u32..2030)
            .prop_map(|(m, d, y)| (format!("{y}-{m:02}-{d:02}"), Kind::Date)),
        (month, 1u32..=28, 1950u32..2030)
            .prop_map(|(m, d, y)| (format!("{m} {d}, {y}"), Kind::Date)),
        (200u32..999, 200u32..999, 0u32..10000)
            .prop_map(|(a, b, c)| (format!("({a}) {b}-{c:04}"), Kind::Phone)),
        (1u32..665, 1u32..99, 1u32..9999)
            .prop_map(|(a, g, s)| (format!("{a:03}-{g:02}-{s:04}"), Kind::Ssn)),
        "[a-z]{3,8}\\.[a-z]{3,8}@[a-z]{4,9}\\.(com|org|net)".prop_map(|e| (e, Kind::Email)),
        (18u32..99).prop_map(|a| (format!("{a}-year-old"), Kind::Age)),
        (0u32..100_000_000).prop_map(|n| (format!("MRN {n:08}"), Kind::Id)),
    ]
}

/// Filler text: prose-like words, numbers and punctuation that are not identifiers.
fn filler() -> impl Strategy<Value = String> {
    prop::collection::vec(
        prop::sample::select(vec![
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
            "is",
            "guidelines",
            "per",
            "8 CCR 9792.24.2",
            "Norco 10/325 mg",
            "treatment",
            "–",
            "§",
        ]),
        0..12,
    )
    .prop_map(|words| words.join(" "))
}

pub(crate) fn document() -> impl Strategy<Value = (String, Vec<(String, Kind)>)> {
    prop::collection::vec((filler(), planted()), 1..6).prop_map(|parts| {
        let mut text = String::new();
        let mut planted = Vec::new();
        for (fill, (value, kind)) in parts {
            text.push_str(&fill);
            text.push_str(" on ");
            text.push_str(&value);
            text.push(' ');
            planted.push((value, kind));
        }
        (text, planted)
    })
}

/// Checks the invariants that must hold for any input (the checker the fuzz
/// targets use).
fn check_invariants(text: &str) {
    if let Err(problem) = casescrub::invariants::check(scrubber(), text) {
        panic!("{problem}\ninput: {text:?}");
    }
}

/// One cell of a generated table: a name (planted under `Name`), a number, a
/// value that says nothing, an empty cell or arbitrary text.
fn cell() -> impl Strategy<Value = String> {
    prop_oneof![
        "[A-Z][a-z]{2,7} [A-Z][a-z]{2,8}",
        "[0-9]{1,3}(/[0-9]{1,3})?",
        prop::sample::select(vec!["N/A", "none", "unknown", "—", "", "F", "M"])
            .prop_map(str::to_string),
        "\\PC{0,12}",
    ]
}

/// A table with a header of labels, cut by one separator style, and ragged rows;
/// the planted names are the `Name` cells of well-formed rows.
fn table() -> impl Strategy<Value = (String, Vec<String>)> {
    let sep = prop::sample::select(vec![" | ", "\t", "    ", ","]);
    let header =
        prop::sample::subsequence(vec!["Age", "Sex", "DOB", "Relation", "BP", "Phone"], 1..5);
    let rows = prop::collection::vec(
        (
            "[A-Z][a-z]{3,7} [A-Z][a-z]{3,8}",
            prop::collection::vec(cell(), 0..7),
        ),
        0..8,
    );
    (sep, header, rows, any::<bool>()).prop_map(|(sep, header, rows, rule)| {
        let mut text = String::from("Household:\n");
        let columns = 1 + header.len();
        text.push_str(&format!("Name{sep}{}\n", header.join(sep)));
        if rule && sep == " | " {
            text.push_str(&vec!["---"; columns].join("|"));
            text.push('\n');
        }
        let mut planted = Vec::new();
        // A row with no separator is no row: the table ends there.
        let mut open = true;
        for (name, cells) in rows {
            let cells: Vec<String> = cells
                .into_iter()
                .map(|c| c.replace(['\n', '\r'], " "))
                .collect();
            // (Nor, in a table cut by spaces, a row whose other cells are all
            // blank: one cell at the left wider than the header's first
            // column, which ends the table. Under pipes and tabs the table
            // goes on.)
            open &= if sep == "    " {
                cells.iter().any(|c| !c.trim().is_empty())
            } else {
                !cells.is_empty()
            };
            if open && cells.len() + 1 == columns && sep != "," {
                planted.push(name.clone());
            }
            text.push_str(&name);
            for c in cells {
                text.push_str(sep);
                text.push_str(&c);
            }
            text.push('\n');
        }
        (text, planted)
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(crate::util::proptest_cases(256)))]

    #[test]
    fn tables_keep_invariants_and_lose_their_names((text, planted) in table()) {
        check_invariants(&text);
        let out = scrubber().redact(&text, &mut Numbering::default()).output;
        prop_assert!(out.starts_with("Household:\nName"), "the header stays: {out:?}");
        for name in &planted {
            prop_assert!(!out.contains(name.as_str()), "{name:?} leaked in {out:?}");
        }
    }

    #[test]
    fn planted_identifiers_never_survive((text, planted) in document()) {
        check_invariants(&text);
        let out = scrubber().redact(&text, &mut Numbering::default()).output;
        for (value, kind) in &planted {
            // The number of "MRN n" is the identifier; "54-year-old" must lose its number.
            let value = value.trim_start_matches("MRN ");
            prop_assert!(!out.contains(value), "{kind} {value:?} leaked in {out:?}");
        }
    }

    #[test]
    fn arbitrary_text_keeps_invariants(text in "\\PC{0,200}") {
        check_invariants(&text);
    }

    #[test]
    fn arbitrary_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..300)) {
        let text = String::from_utf8_lossy(&bytes);
        check_invariants(&text);
    }
}

/// Found by fuzzing: the trailing context of one match ("46 years of age") starts the
/// next identifier ("age 17"); scanning must resume after the reported span.
#[test]
fn regression_trailing_context_starts_next_identifier() {
    let out = scrubber()
        .redact("46 years of age 17", &mut Numbering::default())
        .output;
    assert_eq!(out, "[AGE-1] years of age [AGE-2]");
}

/// Found by fuzzing: a place the entity pass finds where letters meet digits
/// ("FRANCISCO1-31-23") left the date to be found only by a second pass.
#[test]
fn regression_date_glued_to_a_found_place() {
    let text = "DATED AND FILED AT SAN FRANCISCO1-31-23.\r\n";
    check_invariants(text);
    let out = scrubber().redact(text, &mut Numbering::default()).output;
    assert_eq!(out, "DATED AND FILED AT [LOCATION-1][DATE-1].\r\n");
}

/// A short match must not hide a longer, better one that starts inside it: the
/// date after a range ("9-10 Nov. 21, 2026"), the street address after a label
/// ("patient 3985 Pine Road"). Found by the planted-identifier leak test.
#[test]
fn overlapping_matches_are_resolved_not_skipped() {
    let out = scrubber()
        .redact(
            "pain 9-10 Nov. 21, 2026 here.\npatient 3985 Pine Road, Chicago.\n",
            &mut Numbering::default(),
        )
        .output;
    assert_eq!(
        out,
        "pain 9-10 [DATE-1] here.\npatient [LOCATION-1], [LOCATION-2].\n"
    );
}

/// A section sign before an identifier does not make it a section number: the
/// allow-list span gives way to a finding that runs past it; a real citation stays.
#[test]
fn identifiers_after_a_section_sign_are_found() {
    let out = scrubber()
        .redact(
            "per § 1659 Oak Avenue, Chicago. § 459-46-6616. § 598.641.0393. Labor Code § 4610.5(a) and 8 CCR 9792.24.2.",
            &mut Numbering::default(),
        )
        .output;
    assert_eq!(
        out,
        "per § [LOCATION-1], [LOCATION-2]. § [SSN-1]. § [PHONE-1]. Labor Code § 4610.5(a) and 8 CCR 9792.24.2."
    );
}

/// Every input fuzzing once broke (fuzz/regressions/) keeps the invariants.
#[test]
fn fuzz_regressions_keep_invariants() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz/regressions/redact");
    let mut seen = 0;
    for entry in std::fs::read_dir(&dir).unwrap() {
        let bytes = std::fs::read(entry.unwrap().path()).unwrap();
        check_invariants(&String::from_utf8_lossy(&bytes));
        seen += 1;
    }
    assert!(
        seen >= 2,
        "expected the saved regression inputs in {}",
        dir.display()
    );
}

/// Bad input for the layout stage: ragged tables, a header with no rows, labels
/// with no value, a row of one cell, a 1 MB single-line "table" and a long
/// table keep every invariant (the report reproduces the output,
/// redacting twice changes nothing, nothing detected survives).
#[test]
fn bad_layout_input_keeps_invariants() {
    for text in [
        "| Name | Age |\n",
        "Name\tAge\tSex\n\n\n",
        "| Name | Age |\n| Ana Ruiz | 7 | extra | cells |\n| Bo |\n||||\n",
        "Name          Age   Sex\nAna Ruiz\n\n\n  Lopez\nName:\nAge:   \nDOB:\n\n",
        "Name:\n\n\nPatient Name:\nDate of Birth:\n",
        "Name\tAge\tSex\n\t\t\nAna\t\t\t\t\t\nName  Date of\n      Birth\n",
        "CLAIMANT\nCLAIM\nRE:\n",
        // A unit the age grammar leaves (℉ folds to °F): a placeholder before it
        // leaves it too, so a second pass finds nothing new.
        "Household:\nName | Age\nAaaa Aaaa | 0\u{2109}\n",
    ] {
        check_invariants(text);
    }
    let mut line = String::from("Name | Age | ");
    while line.len() < 1 << 20 {
        line.push_str("Ana Ruiz | 7 | ");
    }
    check_invariants(&line);
    // A different name on every row: "Ana Qbaa", "Ana Qcaa", ...
    let name = |mut i: usize| {
        let mut s = String::from("Ana Q");
        for _ in 0..4 {
            s.push(char::from(b'a' + (i % 26) as u8));
            i /= 26;
        }
        s
    };
    let rows = |n: usize| {
        let mut t = String::from("Name          Age   Sex\n");
        for i in 0..n {
            let name = name(i);
            if i % 7 == 0 {
                t.push_str(&format!("{name}\n"));
            } else {
                t.push_str(&format!("{name}      {:<2}    F\n", i % 90));
            }
        }
        t
    };
    // (The binary runs 100,000 rows in `layout::ragged_and_huge_tables_...`; time is
    // measured by the benchmark, not here.)
    let large_text = rows(20_000);
    check_invariants(&large_text);
    let out = scrubber()
        .redact(&large_text, &mut Numbering::default())
        .output;
    assert_eq!(out.lines().count(), 20_001);
    assert!(out.starts_with("Name          Age   Sex\n"), "header kept");
    assert!(!out.contains("Ana Q"), "every name of every row redacted");
}
