//! `explain` explains every finding `redact` makes: for each finding of `redact`
//! over the fixtures (plain, and with the case roster), `explain --at` its start
//! names the finding with its rule id, whichever pass found it (issue 16).

use crate::util::{casescrub, fixture};
use predicates::prelude::*;
use std::path::{Path, PathBuf};

/// Every text fixture (the top folder, `policy/` and `case/`), and the extra flags to redact and explain it with.
fn cases() -> Vec<(PathBuf, Vec<String>)> {
    let mut out = Vec::new();
    let mut files: Vec<PathBuf> = [fixture(""), fixture("policy")]
        .iter()
        .flat_map(|dir| std::fs::read_dir(dir).unwrap())
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    files.sort();
    for f in files {
        out.push((f, Vec::new()));
    }
    let case = fixture("case");
    let roster = case.join("roster.toml");
    for entry in std::fs::read_dir(&case).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "txt") {
            out.push((path.clone(), Vec::new()));
            out.push((path, vec!["--case".into(), roster.display().to_string()]));
        }
    }
    out
}

/// The findings `redact --report` makes: (line, column, rule, original).
fn findings(file: &Path, flags: &[String]) -> Vec<(u64, u64, String, String)> {
    let dir = tempfile::tempdir().unwrap();
    let report = dir.path().join("r.json");
    casescrub()
        .arg("redact")
        .arg(file)
        .args(flags)
        .arg("-o")
        .arg(dir.path().join("out.txt"))
        .arg("--report")
        .arg(&report)
        .assert()
        .success();
    let json: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(report).unwrap()).unwrap();
    json["files"][0]["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            (
                f["line"].as_u64().unwrap(),
                f["column"].as_u64().unwrap(),
                f["rule"].as_str().unwrap().to_string(),
                f["original"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

#[test]
fn explain_names_the_rule_of_every_finding_redact_makes() {
    let mut checked = 0;
    for (file, flags) in cases() {
        let found = findings(&file, &flags);
        if found.is_empty() {
            continue;
        }
        let mut cmd = casescrub();
        cmd.arg("explain").arg(&file).args(&flags);
        for (line, col, _, _) in &found {
            cmd.arg("--at").arg(format!("{line}:{col}"));
        }
        let out = cmd.assert().success().get_output().stdout.clone();
        let out = String::from_utf8(out).unwrap();
        let name = file.display().to_string();
        // One block per --at, in order, each opening with `FILE:LINE:COL:`.
        let mut blocks: Vec<String> = Vec::new();
        for l in out.lines() {
            if l.starts_with(&format!("{name}:")) {
                blocks.push(String::new());
            }
            let last = blocks.last_mut().expect("output opens with a place");
            last.push_str(l);
            last.push('\n');
        }
        assert_eq!(blocks.len(), found.len(), "{name} {flags:?}");
        for ((line, col, rule, original), block) in found.iter().zip(&blocks) {
            assert!(
                block.starts_with(&format!("{name}:{line}:{col}:")),
                "{block}"
            );
            let finding_line = block
                .lines()
                .find(|l| l.trim_start().starts_with("FINDING"))
                .unwrap_or_else(|| panic!("{name} {flags:?}: no finding at {line}:{col} ({rule} {original:?}):\n{block}"));
            assert!(
                finding_line.contains(rule),
                "{name} {flags:?} {line}:{col}: explain names another rule than {rule}:\n{block}"
            );
            assert!(!block.contains("no rule matches here"), "{block}");
            checked += 1;
        }
    }
    assert!(checked > 100, "only {checked} findings checked");
}

/// A document-level name (no single rule matches it) is explained, not "no rule
/// matches here"; matches rejected inside other words only show with --verbose.
#[test]
fn explain_reports_document_level_findings_and_hides_inside_word_rejections() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("note.txt");
    std::fs::write(
        &file,
        "Claimant: Maria Lopez\nThe claimant's employer, Harbor Mutual Insurance, denied it.\nShe then called Lopez. The shed was open.\n",
    )
    .unwrap();
    casescrub()
        .args(["explain"])
        .arg(&file)
        .args(["--at", "3:17"])
        .assert()
        .success()
        .stdout(
            predicate::str::contains("FINDING PERSON")
                .and(predicate::str::contains("no rule matches").not()),
        );
    let quiet = casescrub()
        .args(["explain"])
        .arg(&file)
        .args(["--text", "shed"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let quiet = String::from_utf8(quiet).unwrap();
    assert!(!quiet.contains("inside a word"), "{quiet}");
    casescrub()
        .args(["explain", "--verbose"])
        .arg(&file)
        .args(["--text", "shed"])
        .assert()
        .success()
        .stdout(predicate::str::contains("starts inside a word"));
}

#[test]
fn explain_names_the_label_or_column_behind_a_field_finding() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("form.txt");
    std::fs::write(
        &file,
        "Last: MORALES | First: TERESA | M.I.: L\n\n\
         | Name | Relation | Age |\n|---|---|---|\n| Itzel Quispe | Daughter | 4 |\n",
    )
    .unwrap();
    casescrub()
        .args(["explain", "--text", "TERESA"])
        .arg(&file)
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "the value of the field labelled \"First\" (line 1; label rule label.person)",
        ));
    casescrub()
        .args(["explain", "--at", "5:29"])
        .arg(&file)
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "a cell of the table column \"Age\" (header on line 3; label rule label.age)",
        ));
}
