//! The review page's "How safe is the result" sections (Safe Harbor checklist and
//! re-identification risk) for the fixture case, checked against the JSON report of
//! `redact` with the same flags; reviewer decisions on top of the case engine.

use crate::util::{casescrub, fixture};
use predicates::prelude::*;
use serde_json::Value;
use std::path::Path;

/// The flags both commands get: the roster, a profile that keeps sex and
/// occupation (so something is left to assess), the checklist and a rare list.
fn case_flags(rare: &Path) -> Vec<String> {
    [
        "--case",
        "roster.toml",
        "--placeholders",
        "roles",
        "--profile",
        "safe-harbor",
        "--coverage",
        "--rare",
    ]
    .iter()
    .map(|s| s.to_string())
    .chain([rare.display().to_string()])
    .collect()
}

/// Writes the review page and the folder-mode report of the fixture case; returns
/// (page source, report).
pub fn page_and_report(dir: &Path) -> (String, Value) {
    let rare = dir.join("rare.txt");
    std::fs::write(&rare, "# rare diagnoses\nradiculopathy\n").unwrap();
    let page = dir.join("review.html");
    casescrub()
        .current_dir(fixture("case"))
        .arg("review")
        .arg("docs")
        .args(case_flags(&rare))
        .arg("-o")
        .arg(&page)
        .assert()
        .success()
        .stderr(predicate::str::contains("risk: 1 of 5 files flagged"));
    let report = dir.join("run.json");
    casescrub()
        .current_dir(fixture("case"))
        .arg("redact")
        .arg("docs")
        .arg("-o")
        .arg(dir.join("out"))
        .arg("--report")
        .arg(&report)
        .arg("-q")
        .args(case_flags(&rare))
        .assert()
        .success();
    (
        std::fs::read_to_string(&page).unwrap(),
        serde_json::from_str(&std::fs::read_to_string(&report).unwrap()).unwrap(),
    )
}

/// The checklist row of class `c` (a report object) as the page writes it.
pub fn row(c: &Value) -> String {
    format!(
        "<td>{id}</td><td>{}</td><td>{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td>\
         <td class=\"n\">{}</td>",
        c["class"].as_str().unwrap(),
        c["detection"].as_str().unwrap(),
        c["found"],
        c["removed"],
        c["remaining"],
        id = c["id"],
    )
}

/// The run section of a page, and each file's section (in page order).
pub fn sections(page: &str) -> (&str, Vec<&str>) {
    let start = page.find("<section id=\"safety\"").expect("run section");
    let run = &page[start..start + page[start..].find("</section>").unwrap()];
    let files = page
        .split("<section class=\"file\"")
        .skip(1)
        .map(|s| &s[..s.find("<div class=\"body\">").unwrap_or(s.len())])
        .collect();
    (run, files)
}

/// Checks every number of the page's sections against the report.
pub fn assert_page_matches_report(page: &str, report: &Value) {
    let (run, files) = sections(page);
    let run_classes = report["coverage"]["classes"].as_array().unwrap();
    assert_eq!(run_classes.len(), 18);
    for c in run_classes {
        assert!(run.contains(&row(c)), "run checklist lacks {}", row(c));
    }
    let entries = report["files"].as_array().unwrap();
    assert_eq!(files.len(), entries.len());
    for (section, entry) in files.iter().zip(entries) {
        let name = entry["input"].as_str().unwrap();
        assert!(section.contains(&format!("<h2>{name}</h2>")), "{name}");
        for c in entry["coverage"]["classes"].as_array().unwrap() {
            assert!(section.contains(&row(c)), "{name}: lacks {}", row(c));
        }
        let risk = &entry["risk"];
        for q in risk["quasi_identifiers"].as_array().unwrap() {
            let values: Vec<&str> = q["values"]
                .as_array()
                .unwrap()
                .iter()
                .map(|v| v.as_str().unwrap())
                .collect();
            let expected = format!(
                "<td>{}</td><td class=\"n\">{}</td><td>{}</td>",
                q["class"].as_str().unwrap(),
                q["count"],
                values.join(", ")
            );
            assert!(section.contains(&expected), "{name}: lacks {expected}");
        }
        assert_eq!(
            section.contains("<b>FLAGGED</b>"),
            risk["flagged"].as_bool().unwrap(),
            "{name}"
        );
        for t in risk["triggers"].as_array().unwrap() {
            let combination: Vec<&str> = t["combination"]
                .as_array()
                .unwrap()
                .iter()
                .map(|v| v.as_str().unwrap())
                .collect();
            let expected = format!(
                "<b>{}</b>: {}</span>",
                t["rule"].as_str().unwrap(),
                combination.join(" + ")
            );
            assert!(section.contains(&expected), "{name}: lacks {expected}");
        }
    }
    let flagged = report["risk"]["flagged"].as_array().unwrap();
    assert!(run.contains(&format!(
        "<b class=\"flagged-count\">{}</b> of {} file(s) flagged",
        flagged.len(),
        report["risk"]["files"]
    )));
    for f in flagged {
        let name = f["input"].as_str().unwrap();
        let i = entries
            .iter()
            .position(|e| e["input"] == f["input"])
            .unwrap();
        assert!(
            run.contains(&format!("<li><a href=\"#file-{i}\">{name}</a>: ")),
            "run section does not list {name}"
        );
    }
}

#[test]
fn review_page_shows_the_reports_coverage_and_risk() {
    let dir = tempfile::tempdir().unwrap();
    let (page, report) = page_and_report(dir.path());
    assert_page_matches_report(&page, &report);

    // The figures themselves (so a change in detection shows up here too).
    let (run, files) = sections(&page);
    let names = &report["coverage"]["classes"][0];
    assert_eq!(
        (names["found"].as_u64(), names["remaining"].as_u64()),
        (Some(39), Some(0))
    );
    assert!(
        run.contains(
            "<b class=\"found\">70</b> found, <b class=\"removed\">70</b> removed, \
         <b class=\"remaining\">0</b> remaining. Needs a person: 16 Biometric identifiers; \
         17 Full-face photographs and comparable images."
        ),
        "{run}"
    );
    assert!(
        run.contains(
            "<li><a href=\"#file-3\">docs/4-case-note.txt</a>: <span class=\"trigger\" \
         data-rule=\"rare-diagnosis\"><b>rare-diagnosis</b>: rare-diagnosis + sex</span></li>"
        ),
        "{run}"
    );
    // The index marks the flagged file, and only it.
    assert!(page.contains(
        "<li><a href=\"#file-3\">docs/4-case-note.txt</a> — 11 finding(s), \
         <span class=\"flag\">risk: flagged</span></li>"
    ));
    assert_eq!(page.matches("risk: flagged</span>").count(), 1);
    assert!(files[3].contains("<tr data-quasi=\"rare-diagnosis\"><td>rare-diagnosis</td><td class=\"n\">1</td><td>radiculopathy</td></tr>"));
    // The undetectable classes are marked for a person in every checklist.
    for section in files.iter().chain([&run]) {
        assert!(section.contains("<tr data-class=\"16\" class=\"undetectable\">"));
        assert!(section.contains("<tr data-class=\"17\" class=\"undetectable\">"));
    }
    // Pinned: the whole of both sections.
    let mut pinned = run.to_string();
    for (i, f) in files.iter().enumerate() {
        let safety = &f[f.find("<div class=\"safety\">").unwrap()..];
        pinned.push_str(&format!("\n===== file {i}\n{safety}"));
    }
    insta::assert_snapshot!("review-safety", pinned);
}

#[test]
fn review_page_without_the_flags_has_no_safety_sections() {
    let dir = tempfile::tempdir().unwrap();
    let page = dir.path().join("review.html");
    casescrub()
        .current_dir(fixture("case"))
        .args(["review", "docs", "--case", "roster.toml", "-o"])
        .arg(&page)
        .assert()
        .success()
        .stderr(predicate::str::contains("5 files").and(predicate::str::contains("risk").not()));
    let html = std::fs::read_to_string(&page).unwrap();
    assert!(!html.contains("id=\"safety\""));
    assert!(!html.contains("class=\"safety\""));
    // The roster applies on the page as in `redact --case`: no variant in the data.
    assert!(html.contains("case.applicant"));
}

#[test]
fn review_never_writes_the_page_inside_an_input_folder() {
    let dir = tempfile::tempdir().unwrap();
    let docs = dir.path().join("docs");
    std::fs::create_dir_all(docs.join("sub")).unwrap();
    std::fs::write(docs.join("a.txt"), "Seen 6/18/02.\n").unwrap();
    for page in [
        "docs/review.html",
        "docs/sub/review.html",
        "./docs/../docs/r.html",
    ] {
        casescrub()
            .current_dir(dir.path())
            .args(["review", "docs", "--coverage", "-o", page])
            .assert()
            .code(1)
            .stderr(predicate::str::contains("inside the input folder docs"));
    }
    assert!(!docs.join("review.html").exists());
    assert!(!docs.join("sub/review.html").exists());
    assert!(!docs.join("r.html").exists());
    // Next to it is fine.
    casescrub()
        .current_dir(dir.path())
        .args(["review", "docs", "-o", "review.html"])
        .assert()
        .success();
}

#[test]
fn review_page_escapes_names_and_values_from_the_documents() {
    let dir = tempfile::tempdir().unwrap();
    let docs = dir.path().join("docs");
    std::fs::create_dir(&docs).unwrap();
    let hostile = "<img src=x onerror=alert(1)>.txt";
    std::fs::write(
        docs.join(hostile),
        "She has <b>Erdheim-Chester disease</b>; seen in Fresno County.\n",
    )
    .unwrap();
    let rare = dir.path().join("rare.txt");
    std::fs::write(&rare, "erdheim-chester disease\n").unwrap();
    let page = dir.path().join("review.html");
    casescrub()
        .current_dir(dir.path())
        .args([
            "review",
            "docs",
            "--profile",
            "safe-harbor",
            "--coverage",
            "--rare",
        ])
        .arg(&rare)
        .arg("-o")
        .arg(&page)
        .assert()
        .success();
    let html = std::fs::read_to_string(&page).unwrap();
    assert!(!html.contains("<img"), "unescaped file name");
    assert!(!html.contains("<b>Erdheim"), "unescaped document text");
    let (run, files) = sections(&html);
    assert!(
        run.contains("<a href=\"#file-0\">docs/&lt;img src=x onerror=alert(1)&gt;.txt</a>"),
        "{run}"
    );
    assert!(files[0].contains("<b>FLAGGED</b>"), "{}", files[0]);
}

#[test]
fn decisions_apply_on_top_of_the_case_roster() {
    let dir = tempfile::tempdir().unwrap();
    let decisions = dir.path().join("decisions.json");
    std::fs::write(
        &decisions,
        r#"{"schema": "casescrub.decisions/1", "decisions": [
            {"action": "reject", "text": "BILLING SHEET"},
            {"action": "reject", "text": "A. Smith", "rule": "case.treating-physician-1"},
            {"action": "accept", "text": "Alan R. Smith MD"},
            {"action": "add", "text": "95886", "kind": "ID"}]}"#,
    )
    .unwrap();
    let out = casescrub()
        .current_dir(fixture("case"))
        .args([
            "redact",
            "docs/5-billing-sheet.txt",
            "--case",
            "roster.toml",
            "--placeholders",
            "roles",
            "--decisions",
        ])
        .arg(&decisions)
        .assert()
        .success()
        .stderr(predicate::str::contains(
            "decisions: 2 rejected, 1 accepted, 1 added, 0 matched nothing",
        ))
        .get_output()
        .stdout
        .clone();
    let out = String::from_utf8(out).unwrap();
    // Rejected: kept as written (the roster's "A. Smith" too: the reviewer saw it).
    assert!(out.starts_with("BILLING SHEET\n"), "{out}");
    assert!(out.contains("attention A. Smith."), "{out}");
    // Accepted and the rest of the roster: role placeholders as without decisions.
    assert!(out.contains("Provider: [TREATING-PHYSICIAN-1]"), "{out}");
    assert!(out.contains("Patient: [APPLICANT]"), "{out}");
    assert!(out.contains("Acct: [CLAIM-NUMBER]"), "{out}");
    // Added: numbered, as a role placeholder cannot say what it is.
    assert!(out.contains("[ID-1]   EMG"), "{out}");
    assert!(!out.contains("95886"), "{out}");

    // The review page takes the same decisions and marks them.
    let page = dir.path().join("review.html");
    casescrub()
        .current_dir(fixture("case"))
        .args([
            "review",
            "docs/5-billing-sheet.txt",
            "--case",
            "roster.toml",
            "--placeholders",
            "roles",
            "--decisions",
        ])
        .arg(&decisions)
        .arg("-o")
        .arg(&page)
        .assert()
        .success();
    let html = std::fs::read_to_string(&page).unwrap();
    assert!(html.contains("\"reject\""), "rejections shown");
    assert!(html.contains("\"add\""), "additions shown");
    assert!(html.contains("\"accept\""), "acceptances shown");
}

#[test]
fn folder_runs_take_decisions_per_file_with_the_case_roster() {
    let dir = tempfile::tempdir().unwrap();
    let decisions = dir.path().join("decisions.json");
    std::fs::write(
        &decisions,
        r#"{"schema": "casescrub.decisions/1", "decisions": [
            {"file": "5-billing-sheet.txt", "action": "reject", "text": "BILLING SHEET"},
            {"action": "add", "text": "95886", "kind": "ID"},
            {"file": "1-letter.txt", "action": "reject", "text": "BILLING SHEET"}]}"#,
    )
    .unwrap();
    let run = |out: &str, with_decisions: bool| {
        let mut cmd = casescrub();
        cmd.current_dir(fixture("case"))
            .args([
                "redact",
                "docs",
                "--case",
                "roster.toml",
                "--placeholders",
                "roles",
            ])
            .arg("-o")
            .arg(dir.path().join(out))
            .arg("--report")
            .arg(dir.path().join(format!("{out}.json")))
            .arg("-q");
        if with_decisions {
            cmd.arg("--decisions").arg(&decisions);
        }
        cmd.assert().success()
    };
    run("plain", false);
    run("decided", true).stderr(
        predicate::str::contains(
            "decisions: 1 rejected, 0 accepted, 1 added, 1 matched nothing (over 5 files)",
        )
        .and(predicate::str::contains(
            r#"decision matched nothing: {"file":"1-letter.txt","action":"reject","text":"BILLING SHEET"}"#,
        ))
        .and(predicate::str::contains("words = [\"BILLING SHEET\"]")),
    );
    let read =
        |out: &str, name: &str| std::fs::read_to_string(dir.path().join(out).join(name)).unwrap();
    let billing = read("decided", "5-billing-sheet.txt");
    assert!(billing.starts_with("BILLING SHEET\n"), "{billing}");
    assert!(billing.contains("[ID-1]   EMG"), "{billing}");
    assert!(billing.contains("Patient: [APPLICANT]"), "{billing}");
    // The other files are exactly as without decisions.
    for name in [
        "1-letter.txt",
        "2-progress-report.txt",
        "3-appeal-summary.txt",
        "4-case-note.txt",
    ] {
        assert_eq!(read("decided", name), read("plain", name), "{name}");
    }
    // The report lists the added span and not the rejected one.
    let report: Value =
        serde_json::from_str(&std::fs::read_to_string(dir.path().join("decided.json")).unwrap())
            .unwrap();
    let findings = report["files"][4]["findings"].as_array().unwrap();
    assert!(findings.iter().any(|f| f["rule"] == "review.added"));
    assert!(!findings.iter().any(|f| f["original"] == "BILLING SHEET"));

    // The review page of the folder takes the same decisions, with one summary.
    let out = casescrub()
        .current_dir(fixture("case"))
        .args([
            "review",
            "docs",
            "--case",
            "roster.toml",
            "--placeholders",
            "roles",
        ])
        .arg("--decisions")
        .arg(&decisions)
        .arg("-o")
        .arg(dir.path().join("review.html"))
        .assert()
        .success()
        .stderr(predicate::str::contains(
            "decisions: 1 rejected, 0 accepted, 1 added, 1 matched nothing (over 5 files)",
        ))
        .get_output()
        .stderr
        .clone();
    let stderr = String::from_utf8(out).unwrap();
    assert_eq!(
        stderr.matches("decision matched nothing").count(),
        1,
        "{stderr}"
    );
    assert_eq!(
        stderr.matches("casescrub: decisions:").count(),
        1,
        "{stderr}"
    );

    // --resume cannot know which outputs the decisions change.
    casescrub()
        .current_dir(fixture("case"))
        .args(["redact", "docs", "--resume", "--decisions"])
        .arg(&decisions)
        .arg("-o")
        .arg(dir.path().join("decided"))
        .assert()
        .code(1)
        .stderr(predicate::str::contains("--resume cannot tell"));
}
