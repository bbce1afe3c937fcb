//! Measured: how many written forms of the roster's entries leak from the fixture
//! case (`fixtures/case/docs`, five documents) with and without `--case`.
//!
//! Every occurrence of a form listed below (by hand, from reading the documents:
//! independent of the roster's variant generator) is located in the inputs, whole
//! words, longest form first; it leaks when any letter or digit of it is not inside
//! a finding of the folder run's JSON report. Prints the table (`cargo test
//! case_leaks -- --nocapture`) and asserts that nothing leaks with `--case`.

use crate::util::{casescrub, fixture};
use serde_json::Value;
use std::collections::BTreeMap;

/// (role, forms as the documents write them).
const FORMS: &[(&str, &[&str])] = &[
    (
        "applicant",
        &[
            "Maria J. Lopez",
            "LOPEZ, MARIA J",
            "MARY LOPEZ",
            "Maria Lopez",
            "Lopez, Maria",
            "M. Lopez",
            "Lopez",
            "Maria",
            "ML",
        ],
    ),
    (
        "employer",
        &["ACME ROOFING, INC", "ACME ROOFING INC", "Acme Roofing"],
    ),
    (
        "treating-physician",
        &[
            "Alan R. Smith",
            "SMITH, ALAN",
            "A. Smith",
            "Smith",
            "P. Natarajan",
            "Natarajan",
            "Priya",
        ],
    ),
    ("attorney", &["Daniel Okafor", "Okafor"]),
    ("judge", &["Ruth Brennan", "Brennan"]),
    ("caseworker", &["Kevin Tran"]),
    ("household-member", &["Jorge Lopez", "Jorge"]),
    (
        "claim-number",
        &["05-123456", "05 123456", "05.123456", "05123456", "123456"],
    ),
    ("case-number", &["ADJ9876543"]),
    ("mrn", &["0048-2913", "0048 2913", "00482913"]),
    (
        "address",
        &[
            "1420 Elm Street",
            "1420 Elm St., Fresno",
            "Fresno, CA 93721",
        ],
    ),
    (
        "date-of-injury",
        &[
            "6/18/02",
            "06/18/2002",
            "June 18, 2002",
            "JUNE 18, 2002",
            "18 June 2002",
            "2002-06-18",
        ],
    ),
    ("date-of-birth", &["03/07/1961", "March 7, 1961", "3/7/61"]),
];

/// Occurrences in `text`: (start, end, role), whole words, longest form first,
/// never overlapping.
fn occurrences(text: &str) -> Vec<(usize, usize, &'static str)> {
    let mut forms: Vec<(&str, &str)> = FORMS
        .iter()
        .flat_map(|(role, forms)| forms.iter().map(move |f| (*role, *f)))
        .collect();
    forms.sort_by_key(|(_, f)| std::cmp::Reverse(f.len()));
    let word = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
    let mut out: Vec<(usize, usize, &str)> = Vec::new();
    for (role, form) in forms {
        for (s, _) in text.match_indices(form) {
            let e = s + form.len();
            if word(text[..s].chars().next_back()) || word(text[e..].chars().next()) {
                continue;
            }
            if out.iter().any(|&(a, b, _)| s < b && a < e) {
                continue;
            }
            out.push((s, e, role));
        }
    }
    out.sort();
    out
}

/// Runs folder mode on the fixture case with `flags`; the report.
fn run(flags: &[&str]) -> Value {
    let dir = tempfile::tempdir().unwrap();
    let report = dir.path().join("run.json");
    casescrub()
        .current_dir(fixture("case"))
        .args(["redact", "docs", "-o"])
        .arg(dir.path().join("out"))
        .arg("--report")
        .arg(&report)
        .arg("-q")
        .args(flags)
        .assert()
        .success();
    serde_json::from_str(&std::fs::read_to_string(&report).unwrap()).unwrap()
}

/// Per role: (occurrences, leaked) under the run that wrote `report`, and the
/// leaked forms (`file: "text"`).
fn leaks(report: &Value) -> (BTreeMap<&'static str, (usize, usize)>, Vec<String>) {
    let mut out = BTreeMap::new();
    let mut leaked_forms = Vec::new();
    for file in report["files"].as_array().unwrap() {
        let input = file["input"].as_str().unwrap();
        let text = std::fs::read_to_string(fixture("case").join(input)).unwrap();
        let covered: Vec<(usize, usize)> = file["findings"]
            .as_array()
            .unwrap()
            .iter()
            .map(|f| {
                (
                    f["start"].as_u64().unwrap() as usize,
                    f["end"].as_u64().unwrap() as usize,
                )
            })
            .collect();
        for (s, e, role) in occurrences(&text) {
            let leaked = text[s..e].char_indices().any(|(i, c)| {
                c.is_alphanumeric() && !covered.iter().any(|&(a, b)| a <= s + i && s + i < b)
            });
            let entry = out.entry(role).or_insert((0, 0));
            entry.0 += 1;
            entry.1 += usize::from(leaked);
            if leaked {
                leaked_forms.push(format!("{input}: {:?} ({role})", &text[s..e]));
            }
        }
    }
    (out, leaked_forms)
}

#[test]
fn no_roster_form_leaks_with_case_and_some_do_without() {
    let (without, leaked_without) = leaks(&run(&[]));
    let (with, _) = leaks(&run(&["--case", "roster.toml"]));
    let (roles, _) = leaks(&run(&["--case", "roster.toml", "--placeholders", "roles"]));
    let total = |m: &BTreeMap<&str, (usize, usize)>| {
        m.values().fold((0, 0), |(o, l), &(a, b)| (o + a, l + b))
    };
    let mut table = String::from(
        "role                 occurrences  leaked without --case  with --case  with --case --placeholders roles\n",
    );
    for (role, (n, leaked)) in &without {
        table.push_str(&format!(
            "{role:<20} {n:>11}  {leaked:>21}  {:>11}  {:>32}\n",
            with[role].1, roles[role].1
        ));
    }
    let (n, leaked) = total(&without);
    table.push_str(&format!(
        "{:<20} {n:>11}  {leaked:>21}  {:>11}  {:>32}\n",
        "total",
        total(&with).1,
        total(&roles).1
    ));
    table.push_str("\nleaked without --case:\n");
    for l in &leaked_without {
        table.push_str(&format!("  {l}\n"));
    }
    println!("{table}");
    // Every form the documents use was found (the list is complete for them).
    assert_eq!(total(&with).0, n);
    assert_eq!(
        without.len(),
        FORMS.len(),
        "every role occurs in the documents"
    );
    assert_eq!(total(&with).1, 0, "{table}");
    assert_eq!(total(&roles).1, 0, "{table}");
    assert!(leaked > 0, "without --case something should leak:\n{table}");
}
