//! The review workflow: tagged terminal diffs and `verify`.

use crate::util::{casescrub, fixture};
use predicates::prelude::*;
use std::path::Path;

/// A short document with one identifier of several kinds, two lines apart.
const DOC: &str = "Claimant: seen on 6/18/02 at the clinic.\n\
Pain is 5/10 today.\n\
She takes ibuprofen.\n\
No change.\n\
No change.\n\
No change.\n\
No change.\n\
No change.\n\
Call (805) 637-3326 or mail j.doe@example.com.\n";

fn redact_diff(args: &[&str]) -> String {
    let out = casescrub()
        .arg("redact")
        .args(args)
        .write_stdin(DOC)
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    String::from_utf8(out).unwrap()
}

#[test]
fn diff_unified_is_tagged_and_pinned() {
    let out = redact_diff(&["--diff", "--context", "1", "--color", "never"]);
    insta::assert_snapshot!("diff-unified", out);
    // `--diff` alone still means unified: the old flag keeps working.
    assert_eq!(
        redact_diff(&["--diff=unified", "--context", "1", "--color", "never"]),
        out
    );
}

#[test]
fn diff_side_by_side_is_pinned_and_fits_the_width() {
    let out = redact_diff(&["--diff=side", "--width", "72", "--context", "0"]);
    for line in out.lines() {
        assert!(line.chars().count() <= 72, "wider than 72: {line:?}");
    }
    insta::assert_snapshot!("diff-side", out);
}

#[test]
fn diff_context_zero_shows_only_changed_lines() {
    let out = redact_diff(&["--diff", "--context", "0", "--color", "never"]);
    assert!(!out.contains(" No change."), "{out}");
    assert!(!out.contains("Pain is 5/10"), "{out}");
}

#[test]
fn diff_flag_does_not_swallow_the_input_path() {
    casescrub()
        .args(["redact", "--diff"])
        .arg(fixture("seed-imr-determination-01.txt"))
        .assert()
        .success()
        .stdout(predicate::str::contains("# 33:50 DATE date.mdy-slash"));
}

#[test]
fn diff_colour_highlights_the_changed_spans() {
    let out = redact_diff(&["--diff", "--color", "always"]);
    assert!(out.contains("\x1b[31m-Claimant: seen on \x1b[7m6/18/02\x1b[27m"));
    assert!(out.contains("\x1b[32m+Claimant: seen on \x1b[7m[DATE-1]\x1b[27m"));
}

/// Redacts `input` into `dir`, returning (output, report).
fn redact_into(input: &Path, dir: &Path) -> (std::path::PathBuf, std::path::PathBuf) {
    let out = dir.join("out.txt");
    let report = dir.join("report.json");
    casescrub()
        .arg("redact")
        .arg(input)
        .arg("-o")
        .arg(&out)
        .arg("--report")
        .arg(&report)
        .assert()
        .success();
    (out, report)
}

fn verify(original: &Path, redacted: &Path, report: &Path) -> assert_cmd::assert::Assert {
    casescrub()
        .arg("verify")
        .arg(original)
        .arg(redacted)
        .arg("--report")
        .arg(report)
        .assert()
}

#[test]
fn verify_passes_a_clean_redaction() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in.txt");
    std::fs::write(&input, DOC).unwrap();
    let (out, report) = redact_into(&input, dir.path());
    verify(&input, &out, &report)
        .code(0)
        .stdout(predicate::str::contains("1 of 1 file verified clean\n"));
}

#[test]
fn verify_catches_a_byte_changed_outside_a_finding() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in.txt");
    std::fs::write(&input, DOC).unwrap();
    let (out, report) = redact_into(&input, dir.path());
    let text = std::fs::read_to_string(&out).unwrap();
    std::fs::write(&out, text.replace("5/10", "6/10")).unwrap();
    verify(&input, &out, &report).code(4).stdout(
        predicate::str::contains("out.txt:2:9: text changed outside any reported finding")
            .and(predicate::str::contains("in.txt:2:9)")),
    );
}

#[test]
fn verify_catches_a_finding_that_was_not_applied() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in.txt");
    std::fs::write(&input, DOC).unwrap();
    let (out, report) = redact_into(&input, dir.path());
    let text = std::fs::read_to_string(&out).unwrap();
    std::fs::write(&out, text.replace("[PHONE-1]", "(805) 637-3326")).unwrap();
    verify(&input, &out, &report).code(4).stdout(
        predicate::str::contains("out.txt:9:6: the finding PHONE")
            .and(predicate::str::contains("RESIDUE"))
            .and(predicate::str::contains("PHONE")),
    );
}

/// The document of [`DOC`] plus one identifier of most other kinds.
fn rich_doc() -> String {
    format!(
        "{DOC}Born in Fresno, California; SSN 123-45-6789; MRN 00123456; see \
         http://example.org/x from 192.168.10.20; Dr. Maria Lopez, age 52. He lives at \
         12 Main Street, San Jose, CA 90091.\n"
    )
}

/// A report that "forgot" every finding of `kind`, with a matching output: only the
/// rescan can notice.
fn forget_kind(kind: &str) {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in.txt");
    let doc = rich_doc();
    std::fs::write(&input, &doc).unwrap();
    let (out, report) = redact_into(&input, dir.path());
    let mut json: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&report).unwrap()).unwrap();
    let findings = json["files"][0]["findings"].as_array_mut().unwrap();
    findings.retain(|f| f["kind"] != kind);
    // Rebuild the output the edited report describes.
    let mut rebuilt = String::new();
    let mut cursor = 0;
    for f in findings.iter() {
        let (s, e) = (
            f["start"].as_u64().unwrap() as usize,
            f["end"].as_u64().unwrap() as usize,
        );
        rebuilt.push_str(&doc[cursor..s]);
        rebuilt.push_str(f["replacement"].as_str().unwrap());
        cursor = e;
    }
    rebuilt.push_str(&doc[cursor..]);
    std::fs::write(&out, rebuilt).unwrap();
    std::fs::write(&report, json.to_string()).unwrap();
    verify(&input, &out, &report).code(3).stdout(
        predicate::str::contains("RESIDUE").and(predicate::str::contains(format!(": {kind} "))),
    );
}

#[test]
fn verify_finds_residue_of_each_kind() {
    let kinds: std::collections::BTreeSet<String> = crate::util::scrubber()
        .detect(&rich_doc())
        .iter()
        .map(|f| f.kind.to_string())
        .collect();
    assert!(
        kinds.len() >= 12,
        "too few kinds in the document: {kinds:?}"
    );
    for kind in &kinds {
        forget_kind(kind);
    }
}
#[test]
fn verify_checks_a_bulk_folder_from_the_report() {
    let dir = tempfile::tempdir().unwrap();
    let (src, dst) = (dir.path().join("in"), dir.path().join("out"));
    std::fs::create_dir_all(src.join("sub")).unwrap();
    std::fs::create_dir_all(dst.join("sub")).unwrap();
    std::fs::write(src.join("a.txt"), DOC).unwrap();
    std::fs::write(src.join("sub/b.txt"), "Seen 7/4/19 by her.\n").unwrap();
    // Build a two-file report from two single-file runs.
    let mut files = Vec::new();
    for rel in ["a.txt", "sub/b.txt"] {
        let report = dir.path().join("r.json");
        casescrub()
            .arg("redact")
            .arg(src.join(rel))
            .arg("-o")
            .arg(dst.join(rel))
            .arg("--report")
            .arg(&report)
            .assert()
            .success();
        let json: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(&report).unwrap()).unwrap();
        files.push(json["files"][0].clone());
    }
    let report = dir.path().join("report.json");
    let json = serde_json::json!({"schema": "casescrub.report/1", "files": files});
    std::fs::write(&report, json.to_string()).unwrap();
    verify(&src, &dst, &report)
        .code(0)
        .stdout(predicate::str::contains("2 of 2 files verified clean"));
    // A stray file in the output folder is not covered by the report.
    std::fs::write(dst.join("stray.txt"), "DOB 6/18/02\n").unwrap();
    verify(&src, &dst, &report).code(4).stdout(
        predicate::str::contains("stray.txt:1:1: this file is not listed in the report")
            .and(predicate::str::contains("RESIDUE")),
    );
    std::fs::remove_file(dst.join("stray.txt")).unwrap();
    // An edit in one file fails the whole folder, naming the file and line.
    std::fs::write(dst.join("sub/b.txt"), "Seen [DATE-1] by them!\n").unwrap();
    verify(&src, &dst, &report)
        .code(4)
        .stdout(predicate::str::contains("b.txt:1:"));
}

/// The page with its (constant) stylesheet and script elided: its structure.
fn page_structure(page: &str) -> String {
    let mut out = page.to_string();
    for (open, close) in [("<style>\n", "</style>"), ("<script>\n", "</script>")] {
        if let (Some(a), Some(b)) = (out.find(open), out.rfind(close)) {
            out.replace_range(a + open.len()..b, "…\n");
        }
    }
    out
}

#[test]
fn review_html_structure_is_pinned() {
    let dir = tempfile::tempdir().unwrap();
    let (a, b) = (dir.path().join("a.txt"), dir.path().join("b.txt"));
    std::fs::write(&a, DOC).unwrap();
    std::fs::write(&b, "Nothing to see.\n").unwrap();
    let page = dir.path().join("review.html");
    casescrub()
        .current_dir(dir.path())
        .args(["review", "a.txt", "b.txt", "-o", "review.html"])
        .assert()
        .success()
        .stderr(predicate::str::contains(
            "contains original identifying text",
        ));
    let html = std::fs::read_to_string(&page).unwrap();
    insta::assert_snapshot!("review-html", page_structure(&html));
}

#[test]
fn report_json_is_pinned() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("in.txt"), DOC).unwrap();
    casescrub()
        .current_dir(dir.path())
        .args([
            "redact",
            "in.txt",
            "-o",
            "out.txt",
            "--report",
            "report.json",
        ])
        .assert()
        .success();
    let json = std::fs::read_to_string(dir.path().join("report.json")).unwrap();
    insta::assert_snapshot!("report-json", json);
}

#[test]
fn review_refuses_to_overwrite_an_input() {
    let dir = tempfile::tempdir().unwrap();
    let a = dir.path().join("a.txt");
    std::fs::write(&a, DOC).unwrap();
    casescrub()
        .arg("review")
        .arg(&a)
        .arg("-o")
        .arg(&a)
        .assert()
        .code(1)
        .stderr(predicate::str::contains("would overwrite an input"));
    assert_eq!(std::fs::read_to_string(&a).unwrap(), DOC);
}

/// Regression: `-o /dev/null` renamed a temporary file over the device node, turning
/// /dev/null into a regular file for the whole machine. Checked on a private FIFO (a
/// non-regular file like a device) so the test never touches the shared /dev/null.
#[cfg(unix)]
#[test]
fn output_to_a_device_writes_through_it() {
    use std::os::unix::fs::FileTypeExt;
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("pipe");
    assert!(std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .unwrap()
        .success());
    let reader = {
        let fifo = fifo.clone();
        std::thread::spawn(move || std::fs::read_to_string(fifo).unwrap())
    };
    casescrub()
        .arg("redact")
        .arg("-")
        .arg("-o")
        .arg(&fifo)
        .write_stdin(DOC)
        .assert()
        .success();
    let written = reader.join().unwrap();
    assert!(written.contains("[DATE-1]"), "{written}");
    let meta = std::fs::symlink_metadata(&fifo).unwrap();
    assert!(
        meta.file_type().is_fifo(),
        "the FIFO was replaced by a file"
    );
}

#[test]
fn explain_names_the_winner_and_the_suppressed() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("in.txt");
    std::fs::write(&file, DOC).unwrap();
    casescrub()
        .arg("explain")
        .arg(&file)
        .args(["--text", "6/18/02"])
        .assert()
        .success()
        .stdout(
            predicate::str::contains("in.txt:1:19: \"6/18/02\"")
                .and(predicate::str::contains("date.mdy-slash"))
                .and(predicate::str::contains("WON: this is the finding")),
        );
    // A pain score: the allow-list wins, the date rule is suppressed.
    casescrub()
        .arg("explain")
        .arg(&file)
        .args(["--at", "2:9"])
        .assert()
        .success()
        .stdout(
            predicate::str::contains("WON (allow-list)")
                .and(predicate::str::contains("suppressed")),
        );
    casescrub()
        .arg("explain")
        .arg(&file)
        .args(["--at", "99:1"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("no such LINE:COL"));
    casescrub().arg("explain").arg(&file).assert().code(2);
}

#[test]
fn decisions_are_applied_and_rejections_become_allow_list_suggestions() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("in.txt");
    std::fs::write(&file, DOC).unwrap();
    let decisions = dir.path().join("decisions.json");
    std::fs::write(
        &decisions,
        r#"{"schema": "casescrub.decisions/1", "decisions": [
            {"action": "reject", "text": "j.doe@example.com", "rule": "email.address"},
            {"file": "in.txt", "action": "add", "text": "ibuprofen", "kind": "ID"},
            {"action": "accept", "start": 18, "end": 25, "text": "6/18/02"}]}"#,
    )
    .unwrap();
    let out = casescrub()
        .arg("redact")
        .arg(&file)
        .arg("--decisions")
        .arg(&decisions)
        .assert()
        .success()
        .stderr(
            predicate::str::contains("1 rejected, 1 accepted, 1 added, 0 matched nothing")
                .and(predicate::str::contains("words = [\"j.doe@example.com\"]")),
        )
        .get_output()
        .clone();
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert!(stdout.contains("mail j.doe@example.com."), "{stdout}");
    assert!(stdout.contains("They take [ID-1]."), "{stdout}");
    assert!(stdout.contains("seen on [DATE-1]"), "{stdout}");

    // The suggestion is a loadable allow-list: with it, the e-mail is no longer found.
    let stderr = String::from_utf8(out.stderr).unwrap();
    let rules = &stderr[stderr.find("[[rule]]").unwrap()..];
    let allow = dir.path().join("allow");
    std::fs::create_dir(&allow).unwrap();
    std::fs::write(allow.join("50-reviewed.toml"), rules).unwrap();
    casescrub()
        .arg("redact")
        .arg(&file)
        .arg("--patterns")
        .arg(&allow)
        .assert()
        .success()
        .stdout(predicate::str::contains("mail j.doe@example.com."));

    // The review page shows the decisions.
    let page = dir.path().join("review.html");
    casescrub()
        .arg("review")
        .arg(&file)
        .arg("--decisions")
        .arg(&decisions)
        .arg("-o")
        .arg(&page)
        .assert()
        .success();
    let html = std::fs::read_to_string(&page).unwrap();
    assert!(html.contains("\"reject\"") && html.contains("\"add\"") && html.contains("\"accept\""));

    // Bad decisions name the file and the decision.
    std::fs::write(
        &decisions,
        r#"{"schema": "casescrub.decisions/1", "decisions": [{"action": "add", "text": "x"}]}"#,
    )
    .unwrap();
    casescrub()
        .arg("redact")
        .arg(&file)
        .arg("--decisions")
        .arg(&decisions)
        .assert()
        .code(1)
        .stderr(predicate::str::contains(
            "decisions.json: decision #1: `add` needs a kind",
        ));
}

#[test]
fn verify_checks_a_real_folder_mode_run() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(dir.path().join("in/sub")).unwrap();
    std::fs::write(dir.path().join("in/a.txt"), DOC).unwrap();
    std::fs::write(dir.path().join("in/sub/b.txt"), "Seen 7/4/19 by her.\n").unwrap();
    casescrub()
        .current_dir(dir.path())
        .args(["redact", "in", "-o", "out", "--report", "report.json"])
        .assert()
        .success();
    casescrub()
        .current_dir(dir.path())
        .args(["verify", "in", "out", "--report", "report.json"])
        .assert()
        .code(0)
        .stdout(predicate::str::contains("2 of 2 files verified clean"));
    std::fs::write(dir.path().join("out/sub/b.txt"), "Seen 7/4/19 by them.\n").unwrap();
    casescrub()
        .current_dir(dir.path())
        .args(["verify", "in", "out", "--report", "report.json"])
        .assert()
        .code(4)
        .stdout(predicate::str::contains(
            "out/sub/b.txt:1:6: the finding DATE",
        ));
}
