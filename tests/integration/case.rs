//! Case-aware redaction: the fixture case (`fixtures/case/`: five documents and a
//! roster) redacted with every variant of every party gone and role placeholders
//! consistent across the folder; relative dates and `case init` through the binary.

use crate::util::{casescrub, fixture, scrubber};
use casescrub::bulk::Engine;
use casescrub::case::{Case, CaseEngine, Roster};
use casescrub::policy::{CompiledPolicy, Secrets};
use casescrub::Numbering;
use std::path::PathBuf;

fn docs() -> Vec<(String, String)> {
    let dir = fixture("case/docs");
    let mut names: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    names.sort();
    names
        .into_iter()
        .map(|p| {
            let text = std::fs::read_to_string(&p).unwrap();
            (p.file_name().unwrap().to_string_lossy().into_owned(), text)
        })
        .collect()
}

fn case() -> Case {
    Case::new(&Roster::from_file(&fixture("case/roster.toml")).unwrap()).unwrap()
}

/// Redacts the five documents in path order with one numbering, as folder mode does.
fn redact_case(roles: bool) -> Vec<(String, String)> {
    let case = case();
    let secrets = Secrets::default();
    let engine = CaseEngine::new(scrubber(), CompiledPolicy::strict(), &secrets, &case, roles);
    let mut numbering = Numbering::default();
    docs()
        .into_iter()
        .map(|(name, text)| {
            let found = engine.detect(&text);
            (
                name.clone(),
                engine.redact(&name, &text, &found, &mut numbering).output,
            )
        })
        .collect()
}

/// Every way the fixture documents write a roster entry.
const VARIANTS: &[&str] = &[
    // applicant
    "Maria J. Lopez",
    "LOPEZ, MARIA J.",
    "Ms. Lopez",
    "Mrs. Lopez",
    "M. Lopez",
    "MARY LOPEZ",
    "Maria Lopez",
    "Lopez's",
    "Lopez, Maria",
    "ML ",
    "Maria\n",
    // employer
    "ACME ROOFING INC.",
    "Acme Roofing's",
    "Acme Roofing",
    "ACME ROOFING, INC.",
    "ACME ROOFING INC",
    // physicians
    "Alan R. Smith",
    "Dr. Smith",
    "SMITH, ALAN",
    "Alan R. Smith MD",
    "A. Smith",
    "Priya",
    "Natarajan",
    "P. Natarajan",
    // attorney, judge, caseworker, spouse
    "Daniel Okafor",
    "Okafor",
    "Ruth Brennan",
    "Brennan",
    "Kevin Tran",
    "Jorge Lopez",
    "Spouse Jorge",
    // numbers
    "05-123456",
    "05 123456",
    "05.123456",
    "05123456",
    "123456",
    "ADJ9876543",
    "0048-2913",
    "00482913",
    "0048 2913",
    // address
    "1420 Elm Street",
    "1420 Elm St.",
    "Fresno, CA 93721",
    // date of injury and of birth
    "6/18/02",
    "06/18/2002",
    "June 18, 2002",
    "18 June 2002",
    "2002-06-18",
    "JUNE 18, 2002",
    "03/07/1961",
    "March 7, 1961",
    "3/7/61",
];

#[test]
fn every_variant_of_every_party_is_redacted() {
    for roles in [true, false] {
        let out = redact_case(roles);
        for (name, text) in &out {
            for v in VARIANTS {
                assert!(
                    !text.contains(v),
                    "{v:?} survived in {name} (roles: {roles}):\n{text}"
                );
            }
        }
    }
}

#[test]
fn role_placeholders_are_consistent_across_the_folder() {
    let out = redact_case(true);
    let all: String = out.iter().map(|(n, t)| format!("===== {n}\n{t}")).collect();
    insta::assert_snapshot!("case-roles", all);
    // The applicant is [APPLICANT] in every document, the claim number
    // [CLAIM-NUMBER] wherever it appears, the two physicians keep their numbers.
    for (name, text) in &out {
        assert!(text.contains("[APPLICANT]"), "{name}");
    }
    let count = |label: &str| out.iter().filter(|(_, t)| t.contains(label)).count();
    assert_eq!(count("[CLAIM-NUMBER]"), 5);
    assert_eq!(count("[DATE-OF-INJURY]"), 4);
    assert_eq!(count("[TREATING-PHYSICIAN-1]"), 4);
    assert_eq!(count("[TREATING-PHYSICIAN-2]"), 3);
    assert_eq!(count("[EMPLOYER]"), 4);
    // A reviewer the roster does not list is learned from "The reviewer, Dr. ...".
    assert!(out[2].1.contains("Dr. [REVIEWER-1]"), "{}", out[2].1);
}

#[test]
fn numbered_placeholders_give_every_variant_one_number() {
    let out = redact_case(false);
    let all: String = out.iter().map(|(n, t)| format!("===== {n}\n{t}")).collect();
    insta::assert_snapshot!("case-numbered", all);
    for (name, text) in &out {
        // Maria Lopez is the first person of the run: [PERSON-1] in every file.
        assert!(text.contains("[PERSON-1]"), "{name}");
    }
}

#[test]
fn folder_mode_with_the_roster_matches_the_library() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    casescrub()
        .args([
            "redact",
            "-j",
            "2",
            "--quiet",
            "--placeholders",
            "roles",
            "--case",
        ])
        .arg(fixture("case/roster.toml"))
        .arg(fixture("case/docs"))
        .arg("-o")
        .arg(&out)
        .assert()
        .success();
    for (name, text) in redact_case(true) {
        assert_eq!(
            std::fs::read_to_string(out.join(&name)).unwrap(),
            text,
            "{name}"
        );
    }
}

#[test]
fn relative_dates_from_the_roster_anchor_or_a_given_date() {
    let letter = fixture("case/docs/1-letter.txt");
    let out = casescrub()
        .args(["redact", "--anchor", "date-of-injury", "--case"])
        .arg(fixture("case/roster.toml"))
        .arg(&letter)
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let out = String::from_utf8(out).unwrap();
    // 7/2/02 is 14 days after the injury, 7/9/02 21 days; the injury itself +0d.
    assert!(out.contains("[DOI+14d]"), "{out}");
    assert!(out.contains("[DOI+21d]"), "{out}");
    assert!(out.contains("date of injury [DOI+0d]"), "{out}");

    let policy = tempfile::NamedTempFile::new().unwrap();
    std::fs::write(
        policy.path(),
        "[kinds]\nDATE = { action = \"relative\", unit = \"ymd\" }\n",
    )
    .unwrap();
    let out = casescrub()
        .args(["redact", "--anchor", "2002-06-01", "--policy"])
        .arg(policy.path())
        .arg(fixture("case/docs/3-appeal-summary.txt"))
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let out = String::from_utf8(out).unwrap();
    assert!(out.contains("[D0+17d]"), "{out}");
    assert!(out.contains("trial on [D0+1y 9m 2d]"), "{out}");
    assert!(out.contains("through [D0+7m 14d]"), "{out}");
    assert!(out.contains("born [D0-41y 2m 25d]"), "{out}");

    casescrub()
        .args(["redact", "--anchor", "date-of-surgery", "--case"])
        .arg(fixture("case/roster.toml"))
        .arg(&letter)
        .assert()
        .failure()
        .stderr(predicates::str::contains(
            "--anchor date-of-surgery: neither a date role of the roster (date-of-injury, date-of-birth)",
        ));
    casescrub()
        .args(["redact", "--policy"])
        .arg(policy.path())
        .arg(&letter)
        .assert()
        .failure()
        .stderr(predicates::str::contains("needs --anchor"));
}

#[test]
fn roster_errors_name_the_file_and_field() {
    let bad = tempfile::NamedTempFile::new().unwrap();
    std::fs::write(
        bad.path(),
        "[[party]]\nname = \"A B\"\nrol = \"applicant\"\n",
    )
    .unwrap();
    casescrub()
        .args(["redact", "--case"])
        .arg(bad.path())
        .arg(fixture("case/docs/1-letter.txt"))
        .assert()
        .failure()
        .stderr(predicates::str::contains(format!(
            "case roster {}",
            bad.path().display()
        )))
        .stderr(predicates::str::contains("rol"));
}

#[test]
fn case_init_proposes_a_roster_a_person_can_confirm() {
    let out = casescrub()
        .args(["case", "init"])
        .arg(fixture("case/docs"))
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let text = String::from_utf8(out).unwrap();
    let roster = Roster::from_toml("proposal", &text).unwrap_or_else(|e| panic!("{e}\n{text}"));
    let role_of = |name: &str| {
        roster
            .party
            .iter()
            .find(|p| p.name.contains(name))
            .map(|p| p.role.clone())
    };
    assert_eq!(role_of("Lopez").as_deref(), Some("applicant"), "{text}");
    assert!(
        roster
            .number
            .iter()
            .any(|n| n.value.replace(['-', '.', ' '], "") == "05123456"
                && n.role.as_deref() == Some("claim-number")),
        "{text}"
    );
    assert!(
        roster
            .date
            .iter()
            .any(|d| d.value == "2002-06-18" && d.role.as_deref() == Some("date-of-injury")),
        "{text}"
    );
    // Written to a file: mode 0600, never overwritten.
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("roster.toml");
    for expect_ok in [true, false] {
        let a = casescrub()
            .args(["case", "init", "-o"])
            .arg(&file)
            .arg(fixture("case/docs"))
            .assert();
        if expect_ok {
            a.success();
        } else {
            a.failure()
                .stderr(predicates::str::contains("never overwrites"));
        }
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&file).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o600);
    }
}

fn report(args: &[&str], input: PathBuf, extra_out: Option<&std::path::Path>) -> serde_json::Value {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("report.json");
    let mut cmd = casescrub();
    cmd.arg("redact")
        .args(args)
        .arg(&input)
        .arg("--report")
        .arg(&path);
    match extra_out {
        Some(out) => cmd.arg("-o").arg(out).arg("--quiet"),
        None => cmd.arg("-o").arg(dir.path().join("out.txt")),
    };
    cmd.assert().success();
    serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap()
}

#[test]
fn coverage_lists_the_18_classes_per_file_and_per_run() {
    let r = report(
        &[
            "--coverage",
            "--case",
            fixture("case/roster.toml").to_str().unwrap(),
        ],
        fixture("case/docs/2-progress-report.txt"),
        None,
    );
    for cov in [&r["files"][0]["coverage"], &r["coverage"]] {
        let classes = cov["classes"].as_array().unwrap();
        assert_eq!(classes.len(), 18);
        let class = |id: usize| &classes[id - 1];
        // Names, dates and the MRN were found and all removed.
        for id in [1, 3, 8] {
            assert!(class(id)["removed"].as_u64().unwrap() > 0, "{id}: {cov}");
            assert_eq!(class(id)["remaining"], 0, "{id}");
        }
        assert_eq!(class(16)["detection"], "none");
        assert_eq!(class(17)["detection"], "none");
        assert_eq!(cov["needs_review"], serde_json::json!([16, 17]));
    }

    // court-filing keeps names and dates: they are reported as remaining.
    let dir = tempfile::tempdir().unwrap();
    let r = report(
        &["--coverage", "--profile", "court-filing"],
        fixture("case/docs"),
        Some(&dir.path().join("out")),
    );
    let run = &r["coverage"]["classes"];
    assert!(run[0]["remaining"].as_u64().unwrap() > 0, "{run}");
    assert!(run[2]["remaining"].as_u64().unwrap() > 0, "{run}");
    let review = r["coverage"]["needs_review"].as_array().unwrap();
    assert!(
        review.contains(&1.into()) && review.contains(&3.into()),
        "{review:?}"
    );
    assert_eq!(r["files"].as_array().unwrap().len(), 5);
    assert!(r["files"][4]["coverage"].is_object());
}

#[test]
fn risk_flags_documents_with_the_triggering_combination() {
    let dir = tempfile::tempdir().unwrap();
    let rare = dir.path().join("rare.txt");
    std::fs::write(&rare, "# rare diagnoses\nL5 radiculopathy\n").unwrap();
    let r = report(
        &[
            "--profile",
            "court-filing",
            "--rare",
            rare.to_str().unwrap(),
        ],
        fixture("case/docs"),
        Some(&dir.path().join("out")),
    );
    let flagged = r["risk"]["flagged"].as_array().unwrap();
    assert_eq!(r["risk"]["files"], 5);
    // The case note keeps a street, a full date, sex words and the rare diagnosis.
    let note = flagged
        .iter()
        .find(|f| f["input"].as_str().unwrap().ends_with("4-case-note.txt"))
        .unwrap_or_else(|| panic!("case note not flagged: {}", r["risk"]));
    let rules: Vec<&str> = note["triggers"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t["rule"].as_str().unwrap())
        .collect();
    assert!(rules.contains(&"rare-diagnosis"), "{rules:?}");
    let file = r["files"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["input"].as_str().unwrap().ends_with("4-case-note.txt"))
        .unwrap();
    assert_eq!(file["risk"]["flagged"], true);
    let classes: Vec<&str> = file["risk"]["quasi_identifiers"]
        .as_array()
        .unwrap()
        .iter()
        .map(|q| q["class"].as_str().unwrap())
        .collect();
    assert!(
        classes.contains(&"rare-diagnosis") && classes.contains(&"full-date"),
        "{classes:?}"
    );

    // The strict default leaves nothing that combines: no file is flagged.
    let r = report(
        &[
            "--risk",
            "--case",
            fixture("case/roster.toml").to_str().unwrap(),
        ],
        fixture("case/docs"),
        Some(&dir.path().join("out2")),
    );
    assert_eq!(r["risk"]["flagged"], serde_json::json!([]), "{}", r["risk"]);

    casescrub()
        .args(["redact", "--coverage"])
        .arg(fixture("case/docs/1-letter.txt"))
        .assert()
        .failure()
        .stderr(predicates::str::contains("give --report FILE"));
}
