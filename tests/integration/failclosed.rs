//! Fail closed: every input the redactor cannot fully redact is an error naming the
//! line (exit 1, nothing written), never a silent pass-through (issue 16).

use crate::util::casescrub;
use predicates::prelude::*;
use std::path::Path;

/// Runs `redact INPUT ARGS -o OUT` in a fresh folder and returns the folder, the
/// output path and the assertion.
fn redact_to_file(
    name: &str,
    input: &str,
    args: &[&str],
) -> (tempfile::TempDir, assert_cmd::assert::Assert) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(name);
    std::fs::write(&path, input).unwrap();
    let assert = casescrub()
        .arg("redact")
        .arg(&path)
        .args(args)
        .arg("-o")
        .arg(dir.path().join("out"))
        .assert();
    (dir, assert)
}

/// Nothing but the input is left in the folder: no output, no temporary file.
fn only_input_left(dir: &Path) {
    let names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names.len(), 1, "nothing written: {names:?}");
}

#[test]
fn jsonl_record_without_the_field_is_an_error_naming_the_line() {
    let input = "{\"id\":1,\"txt\":\"DOB 6/18/02\"}\n{\"id\":2,\"text\":\"Dr. Maria Lopez\"}\n";
    let (dir, assert) = redact_to_file("d.jsonl", input, &["--jsonl", "--field", "txt"]);
    assert.code(1).stderr(predicate::str::contains(
        "d.jsonl: line 2: no field `txt`; pass --allow-missing-field",
    ));
    only_input_left(dir.path());

    // A field no record has at all: the first line already stops the run.
    let (dir, assert) = redact_to_file("d.jsonl", input, &["--jsonl", "--field", "body"]);
    assert
        .code(1)
        .stderr(predicate::str::contains("line 1: no field `body`"));
    only_input_left(dir.path());
}

#[test]
fn allow_missing_field_passes_such_records_through_and_counts_them() {
    let input = concat!(
        "{\"id\":1,\"txt\":\"DOB 6/18/02\"}\n",
        "{\"id\":2, \"other\":\"x\"}\n",
        "{\"id\":3,\"txt\":null}\n",
    );
    casescrub()
        .args([
            "redact",
            "--jsonl",
            "--field",
            "txt",
            "--allow-missing-field",
        ])
        .write_stdin(input)
        .assert()
        .success()
        .stdout(concat!(
            "{\"id\":1,\"txt\":\"DOB [DATE-1]\"}\n",
            "{\"id\":2, \"other\":\"x\"}\n",
            "{\"id\":3,\"txt\":null}\n",
        ))
        .stderr(predicate::str::contains(
            "2 of 3 records had no field `txt` and passed through unredacted",
        ));
}

#[test]
fn jsonl_field_that_is_not_text_is_an_error_naming_the_line() {
    for (value, what) in [
        ("123456789", "holds a number at /txt"),
        ("[\"Maria Lopez\", 4155551234]", "holds a number at /txt/1"),
        ("null", "field `txt` is null, not text"),
        ("{\"a\":true}", "holds a boolean at /txt/a"),
    ] {
        let input = format!("{{\"txt\":\"Seen.\"}}\n{{\"txt\":{value}}}\n");
        let (dir, assert) = redact_to_file("d.jsonl", &input, &["--jsonl", "--field", "txt"]);
        assert
            .code(1)
            .stderr(predicate::str::contains("d.jsonl: line 2: "))
            .stderr(predicate::str::contains(what));
        only_input_left(dir.path());
    }
    // A repeated key: the null second copy is caught too.
    casescrub()
        .args(["redact", "--jsonl", "--field", "txt"])
        .write_stdin("{\"txt\":\"a\",\"txt\":null}\n")
        .assert()
        .code(1)
        .stderr(predicate::str::contains(
            "line 1: field `txt` holds null at /txt",
        ));
}

#[test]
fn csv_row_longer_than_the_header_is_an_error_or_redacted_when_asked() {
    let input = "id,note\n1,Seen today.\n2,DOB 6/18/02,Maria Lopez SSN 123-45-6789\n";
    let (dir, assert) = redact_to_file("d.csv", input, &["--csv", "--column", "note"]);
    assert.code(1).stderr(predicate::str::contains(
        "d.csv: line 3: 3 fields, but the header has 2 columns",
    ));
    only_input_left(dir.path());

    casescrub()
        .args([
            "redact",
            "--csv",
            "--column",
            "note",
            "--extra-fields",
            "redact",
        ])
        .write_stdin(input)
        .assert()
        .success()
        .stdout("id,note\n1,Seen today.\n2,DOB [DATE-1],[PERSON-1] SSN [SSN-1]\n")
        .stderr(predicate::str::contains(
            "1 record had more fields than the header; the extra fields were redacted as text",
        ));
}

#[test]
fn csv_row_too_short_for_the_column_is_an_error_unless_allowed() {
    let input = "id,note\n1\n2,DOB 6/18/02\n";
    let (dir, assert) = redact_to_file("d.csv", input, &["--csv", "--column", "note"]);
    assert.code(1).stderr(predicate::str::contains(
        "d.csv: line 2: 1 field(s), too few to hold column `note`",
    ));
    only_input_left(dir.path());
    casescrub()
        .args([
            "redact",
            "--csv",
            "--column",
            "note",
            "--allow-missing-field",
        ])
        .write_stdin(input)
        .assert()
        .success()
        .stdout("id,note\n1\n2,DOB [DATE-1]\n")
        .stderr(predicate::str::contains(
            "1 of 2 records had no column `note`",
        ));
}

/// `casescrub redact notes.txt >> notes.txt`: stdout is the input (same device and
/// inode). Refused, and the input is left as it was (ripgrep does the same).
#[test]
fn stdout_that_is_the_input_file_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("same.txt");
    let original = "Dr. Maria Lopez saw the patient on 6/18/02.\n";
    std::fs::write(&path, original).unwrap();
    for args in [&["redact"][..], &["redact", "--diff"], &["scan"]] {
        let stdout = std::fs::OpenOptions::new()
            .append(true)
            .open(&path)
            .unwrap();
        let out = std::process::Command::new(assert_cmd::cargo::cargo_bin("casescrub"))
            .args(args)
            .arg(&path)
            .stdout(stdout)
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(1), "{args:?}");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(
            stderr.contains("same.txt: standard output is the input file"),
            "{stderr}"
        );
        assert_eq!(std::fs::read_to_string(&path).unwrap(), original);
    }
    // Another file on stdout is fine.
    let other = std::fs::File::create(dir.path().join("other.txt")).unwrap();
    let status = std::process::Command::new(assert_cmd::cargo::cargo_bin("casescrub"))
        .arg("redact")
        .arg(&path)
        .stdout(other)
        .status()
        .unwrap();
    assert!(status.success());
}

#[test]
fn errors_say_their_cause_once_and_never_name_temporary_files() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in.txt");
    std::fs::write(&input, "DOB 6/18/02\n").unwrap();
    let assert = casescrub()
        .current_dir(dir.path())
        .args(["redact", "nosuch.txt"])
        .assert()
        .code(1);
    let stderr = String::from_utf8_lossy(&assert.get_output().stderr).into_owned();
    assert_eq!(
        stderr,
        "casescrub: error: nosuch.txt: No such file or directory (os error 2)\n"
    );
    for args in [
        &["redact", "in.txt", "-o", "nodir/out.txt"][..],
        &["redact", "in.txt", "--report", "nodir/r.json"],
        &["review", "in.txt", "-o", "nodir/r.html"],
    ] {
        let assert = casescrub()
            .current_dir(dir.path())
            .args(args)
            .assert()
            .code(1);
        let stderr = String::from_utf8_lossy(&assert.get_output().stderr).into_owned();
        assert!(stderr.contains("nodir/"), "{stderr}");
        assert!(
            !stderr.contains(".casescrub-"),
            "names a temporary file: {stderr}"
        );
        assert!(!stderr.contains(".tmp"), "names a temporary file: {stderr}");
        assert_eq!(stderr.matches("os error").count(), 1, "{stderr}");
    }
}

/// A JSONL record with nothing to redact goes out exactly as it came in (spacing,
/// number spelling, escapes and key order), as the README says.
#[test]
fn jsonl_record_without_a_change_is_copied_byte_for_byte() {
    let input = concat!(
        "{ \"id\" : 7,\t\"text\": \"Nothing to see here.\", \"n\": 1.50e3, \"u\": \"caf\\u00e9\" }\n",
        "{\"text\":[\"fine\", {\"deep\": \"also fine\"}] , \"z\":[1, 2]}\r\n",
        "{\"text\":\"DOB 6/18/02\"}\n",
    );
    casescrub()
        .args(["redact", "--jsonl", "--field", "text"])
        .write_stdin(input)
        .assert()
        .success()
        .stdout(concat!(
            "{ \"id\" : 7,\t\"text\": \"Nothing to see here.\", \"n\": 1.50e3, \"u\": \"caf\\u00e9\" }\n",
            "{\"text\":[\"fine\", {\"deep\": \"also fine\"}] , \"z\":[1, 2]}\r\n",
            "{\"text\":\"DOB [DATE-1]\"}\n",
        ));
}

/// The checklist's counts are the detector's own: a missed name is counted nowhere.
/// The page and `--coverage` say so, and list the capitalised words left that are
/// not in the safe vocabulary, where the missed name shows up at once.
#[test]
fn coverage_says_counts_are_of_what_was_detected_and_lists_the_residue() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("note.txt");
    std::fs::write(
        &input,
        "Claimant: Maria Lopez\nA letter from Quenvale arrived on the porch.\n",
    )
    .unwrap();
    let page = dir.path().join("review.html");
    casescrub()
        .arg("review")
        .arg(&input)
        .arg("--coverage")
        .arg("-o")
        .arg(&page)
        .assert()
        .success();
    let html = std::fs::read_to_string(&page).unwrap();
    assert!(
        html.contains("These counts are of what was detected."),
        "{html}"
    );
    assert!(html.contains("Look at these"), "{html}");
    assert!(
        html.contains("<span class=\"word\">Quenvale</span>"),
        "{html}"
    );
    assert!(
        !html.contains("<span class=\"word\">Claimant</span>"),
        "{html}"
    );

    let report = dir.path().join("r.json");
    casescrub()
        .arg("redact")
        .arg(&input)
        .args(["--coverage", "-o"])
        .arg(dir.path().join("out.txt"))
        .arg("--report")
        .arg(&report)
        .assert()
        .success();
    let json: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&report).unwrap()).unwrap();
    let coverage = &json["files"][0]["coverage"];
    assert!(coverage["basis"]
        .as_str()
        .unwrap()
        .starts_with("counts are of what casescrub detected"));
    assert_eq!(coverage["residue"][0]["word"], "Quenvale");
    assert_eq!(json["coverage"]["residue"][0]["word"], "Quenvale");
}

/// The `initials` action as docs/guide.md documents it: one initial per finding, so a
/// comma-first name (two findings) keeps its order and comma.
#[test]
fn initials_action_matches_the_guide() {
    let dir = tempfile::tempdir().unwrap();
    let policy = dir.path().join("ini.toml");
    std::fs::write(
        &policy,
        "name = \"ini\"\ndescription = \"initials\"\n[kinds]\nPERSON = \"initials\"\n",
    )
    .unwrap();
    casescrub()
        .arg("redact")
        .arg("--policy")
        .arg(&policy)
        .write_stdin("Applicant: LOPEZ, Maria\nSeen by Maria J. Lopez today.\n")
        .assert()
        .success()
        .stdout("Applicant: L., M.\nSeen by M.J.L. today.\n");
    let guide = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/guide.md"),
    )
    .unwrap();
    assert!(guide.contains("`LOPEZ, Maria` → `L., M.`"));
    assert!(guide.contains("`Maria J. Lopez` → `M.J.L.`"));
}
