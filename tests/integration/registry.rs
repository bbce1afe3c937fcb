//! One rule registry: every rule id a finding can carry is declared in `patterns/`
//! (listed by `casescrub patterns list`), and a policy naming an unknown id is an
//! error that names the file and the closest id.

use crate::util::{casescrub, fixture, scrubber};
use serde_json::Value;
use std::collections::BTreeSet;

/// The ids `casescrub patterns list --json` prints.
fn listed_ids() -> BTreeSet<String> {
    let out = casescrub()
        .args(["patterns", "list", "--json"])
        .output()
        .expect("runs");
    assert!(out.status.success());
    let rules: Vec<Value> = serde_json::from_slice(&out.stdout).expect("JSON");
    rules
        .iter()
        .map(|r| r["id"].as_str().expect("id").to_string())
        .collect()
}

/// Every fixture text (the case folder's files included).
fn fixture_texts() -> Vec<(String, String)> {
    let mut out = Vec::new();
    let mut stack = vec![fixture("")];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).expect("fixtures readable") {
            let path = entry.expect("entry").path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|e| e == "txt") {
                let text = std::fs::read_to_string(&path).expect("fixture is UTF-8");
                out.push((path.display().to_string(), text));
            }
        }
    }
    out.sort();
    assert!(out.len() >= 5, "fixtures found: {}", out.len());
    out
}

#[test]
fn every_rule_id_a_finding_carries_is_listed() {
    let listed = listed_ids();
    let mut seen = BTreeSet::new();
    for (name, text) in fixture_texts() {
        for f in scrubber().detect(&text) {
            assert!(
                listed.contains(&*f.rule),
                "{name}: finding {:?} carries rule id `{}`, which `patterns list` does not show",
                f.text(&text),
                f.rule
            );
            seen.insert(f.rule.to_string());
        }
    }
    // The entity pass's rules are among them: the listing is not only the regexes
    // (the ages after a name were once made without a declaration).
    for id in [
        "person.word-list",
        "person.same-document",
        "org.suffix",
        "age.after-name",
        "person.with-age",
    ] {
        assert!(listed.contains(id), "{id} is not listed");
    }
    assert!(
        seen.len() >= 15,
        "only {} rule ids seen on the fixtures",
        seen.len()
    );
}

#[test]
fn the_library_declares_every_id_the_scrubber_knows() {
    let listed = listed_ids();
    for id in scrubber().rule_ids() {
        assert!(
            listed.contains(&**id) || casescrub::NON_LIBRARY_RULES.contains(&&**id),
            "{id}"
        );
    }
}

#[test]
fn a_policy_naming_an_unknown_rule_id_is_an_error_with_the_closest_id() {
    let dir = tempfile::tempdir().expect("tempdir");
    let policy = dir.path().join("typo.toml");
    std::fs::write(&policy, "[rules]\n\"date.brith\" = \"keep\"\n").expect("write");
    let out_file = dir.path().join("out.txt");
    let out = casescrub()
        .arg("redact")
        .arg(fixture("imr-letter.txt"))
        .arg("--policy")
        .arg(&policy)
        .arg("-o")
        .arg(&out_file)
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("typo.toml"), "{err}");
    assert!(err.contains("`date.brith`"), "{err}");
    assert!(err.contains("did you mean `date.birth`"), "{err}");
    assert!(!out_file.exists(), "nothing is written");
}

#[test]
fn a_policy_may_name_an_entity_rule() {
    let dir = tempfile::tempdir().expect("tempdir");
    let policy = dir.path().join("keep-orgs.toml");
    std::fs::write(&policy, "[rules]\n\"org.suffix\" = \"keep\"\n").expect("write");
    let out = casescrub()
        .args(["redact", "-", "--policy"])
        .arg(&policy)
        .write_stdin("She works at Acme Widgets Inc now; seen 6/18/02.")
        .output()
        .expect("runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("Acme Widgets Inc"), "{text}");
    assert!(!text.contains("6/18/02"), "{text}");
}
