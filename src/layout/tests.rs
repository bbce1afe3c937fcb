//! Tests of the whole layout pass with the embedded label lexicon.

use super::*;

fn lexicon() -> Lexicon {
    let library = crate::patterns::Library::embedded().unwrap();
    let labels: Vec<_> = library.labels().cloned().collect();
    Lexicon::new(labels.iter().zip(0..))
}

fn values(text: &str) -> Vec<(String, Kind, &'static str)> {
    let lex = lexicon();
    fields(text, &lex)
        .iter()
        .map(|f| {
            let c = match f.container {
                Container::Field => "field",
                Container::Table => "table",
                Container::Signature => "signature",
                Container::Caption => "caption",
            };
            (text[f.start..f.end].to_string(), f.kind, c)
        })
        .collect()
}

#[test]
fn caption_parties() {
    let got = values("ACME ROOFING, INC.,\n        Defendant and Appellant.\n");
    assert_eq!(
        got,
        vec![("ACME ROOFING, INC.".to_string(), Kind::Org, "caption")]
    );
}

fn quiet(text: &str) -> Vec<String> {
    read(text, &lexicon())
        .quiet
        .iter()
        .map(|&(s, e)| text[s..e].to_string())
        .collect()
}

/// The quiet spans of `text` that are no label (the values kept).
fn quiet_values(text: &str) -> Vec<String> {
    let lex = lexicon();
    let mut q = quiet(text);
    q.retain(|t| lex.lookup(t).is_none());
    q
}

#[test]
fn values_that_say_nothing_are_kept_quiet() {
    let got = quiet_values("CARRIER: N/A\nINSURER: NONE REPORTED\nEmployer:\tNone reported\n");
    // "reported" starts prose, so the quiet part is "None".
    assert_eq!(got, vec!["N/A", "NONE REPORTED", "None"]);
    // A value that says something is a field, not a quiet span.
    assert!(quiet_values("Carrier: Acme Mutual\n").is_empty());
    // Only the part before prose is quiet: "none; employed by Acme Corp".
    let q = quiet("Employer: none; she now works for Acme Corp\n");
    assert!(q.contains(&"none".to_string()), "{q:?}");
    assert!(!q.iter().any(|t| t.contains("Acme")), "{q:?}");
}

#[test]
fn every_header_cell_of_a_table_is_kept_quiet() {
    let t = "Name                  Rel to Client   Yrs   Sex\nMaria Lopez           Mother          34    F\n";
    assert_eq!(quiet(t), vec!["Name", "Rel to Client", "Yrs", "Sex"]);
}

#[test]
fn a_composite_label_gives_each_part_of_the_value_its_label() {
    let got = values("Name / Age / Sex: Ana Tuilagi / 34 / F\n");
    assert_eq!(
        got,
        vec![
            ("Ana Tuilagi".to_string(), Kind::Person, "field"),
            ("34".to_string(), Kind::Age, "field"),
            ("F".to_string(), Kind::Gender, "field"),
        ]
    );
    // Parts that do not line up: the whole value under the first label.
    let got = values("Name/DOB: Luis Ruiz 1/2/80\n");
    assert_eq!(got[0].1, Kind::Person);
    // A slash inside a label word of the lexicon is no composite.
    assert_eq!(
        values("Parent/Guardian: Rosalva Ochoa\n"),
        vec![("Rosalva Ochoa".to_string(), Kind::Person, "field")]
    );
    // Not every part a label: no field.
    assert!(values("Pain/discomfort: 6/10\n").is_empty());
}

#[test]
fn a_qualifier_in_brackets_is_part_of_the_label_and_kept_quiet() {
    let text = "Applicant Name (Last, First, MI): Soto, Maria, L\nSSN (last 4): 4412\n";
    let got = values(text);
    assert_eq!(got[0].1, Kind::Person);
    assert!(got[0].0.starts_with("Soto, Maria"), "{got:?}");
    assert_eq!(got[1], ("4412".to_string(), Kind::Ssn, "field"));
    let q = quiet(text);
    assert!(
        q.contains(&"Applicant Name (Last, First, MI)".to_string()),
        "{q:?}"
    );
    assert!(q.contains(&"SSN (last 4)".to_string()), "{q:?}");
}

#[test]
fn a_demographic_label_takes_a_label_word_as_its_value() {
    assert_eq!(
        values("Marital status\tMarried\n"),
        vec![("Married".to_string(), Kind::Marital, "field")]
    );
    assert_eq!(
        values("| Occupation | Caregiver |\n"),
        vec![("Caregiver".to_string(), Kind::Occupation, "field")]
    );
    // Two labels of other kinds side by side are still a header, with no value.
    assert!(values("| Age | Sex |\n").is_empty());
    assert!(values("Name\tAge\nAna Ruiz\t34\n")
        .iter()
        .all(|v| v.0 != "Age"));
}
