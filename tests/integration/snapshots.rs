//! Snapshot tests: the redacted output and findings of every file in `fixtures/`.

use crate::util::scrubber;
use casescrub::Numbering;

#[test]
fn fixtures_redact_as_pinned() {
    insta::glob!("../../fixtures", "*.txt", |path| {
        let text = std::fs::read_to_string(path).unwrap();
        let redaction = scrubber().redact(&text, &mut Numbering::default());
        insta::assert_snapshot!("redacted", redaction.output);
        let findings: Vec<String> = redaction
            .changes
            .iter()
            .map(|c| {
                format!(
                    "{}:{} {} {} {:?} -> {:?}",
                    c.line, c.column, c.kind, c.rule, c.original, c.replacement
                )
            })
            .collect();
        insta::assert_snapshot!("findings", findings.join("\n"));
    });
}

#[test]
fn seed_meets_the_acceptance_checks() {
    let text =
        std::fs::read_to_string(crate::util::fixture("seed-imr-determination-01.txt")).unwrap();
    let out = scrubber().redact(&text, &mut Numbering::default()).output;
    for gone in [
        "6/18/02", "8/18/14", "11-26-13", "11/26/13", "7-22-14", "Maryland", "female", " She ",
        " she ",
    ] {
        assert!(!out.contains(gone), "{gone:?} survived redaction");
    }
    for kept in [
        "5/10",
        "0/10",
        "C4-5",
        "C5-6",
        "T10",
        "9-10 month's",
        "MAXIMUS Federal Services",
        "He/she",
        "his/her",
        "MTUS",
    ] {
        assert!(
            out.contains(kept),
            "{kept:?} was changed but is not identifying"
        );
    }
    // 11/26/13 and 11-26-13 are one date: one placeholder for both.
    let redaction = scrubber().redact(&text, &mut Numbering::default());
    let placeholders: std::collections::HashSet<&str> = redaction
        .changes
        .iter()
        .filter(|c| c.original == "11/26/13" || c.original == "11-26-13")
        .map(|c| c.replacement.as_str())
        .collect();
    assert_eq!(placeholders.len(), 1, "{placeholders:?}");
}
