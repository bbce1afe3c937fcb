//! The real binary, end to end.

use crate::util::{casescrub, fixture};
use predicates::prelude::*;
use serde_json::Value;

#[test]
fn redact_writes_output_and_report_that_reproduces_it() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out.txt");
    let report = dir.path().join("report.json");
    let input = fixture("progress-report.txt");
    casescrub()
        .arg("redact")
        .arg(&input)
        .arg("-o")
        .arg(&out)
        .arg("--report")
        .arg(&report)
        .assert()
        .success()
        .stdout("");
    let original = std::fs::read_to_string(&input).unwrap();
    let redacted = std::fs::read_to_string(&out).unwrap();
    let json: Value = serde_json::from_str(&std::fs::read_to_string(&report).unwrap()).unwrap();
    assert_eq!(json["schema"], "casescrub.report/1");
    assert!(json["sensitive"].as_str().unwrap().contains("original"));
    let file = &json["files"][0];
    assert_eq!(file["output"], out.display().to_string());
    // Apply the findings to the input: the result is the output, byte for byte.
    let mut rebuilt = String::new();
    let mut cursor = 0;
    for f in file["findings"].as_array().unwrap() {
        let (start, end) = (
            f["start"].as_u64().unwrap() as usize,
            f["end"].as_u64().unwrap() as usize,
        );
        assert_eq!(&original[start..end], f["original"].as_str().unwrap());
        rebuilt.push_str(&original[cursor..start]);
        rebuilt.push_str(f["replacement"].as_str().unwrap());
        cursor = end;
    }
    rebuilt.push_str(&original[cursor..]);
    assert_eq!(rebuilt, redacted);
    assert!(file["counts"]["DATE"].as_u64().unwrap() >= 5);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&report).unwrap().permissions().mode() & 0o777;
        assert_eq!(
            mode, 0o600,
            "reports hold original values and must be private"
        );
    }
}

#[test]
fn redact_stdin_to_stdout() {
    casescrub()
        .args(["redact", "-"])
        .write_stdin("Seen 6/18/02 by Dr. Maria Lopez; she called (805) 637-3326.")
        .assert()
        .success()
        .stdout("Seen [DATE-1] by Dr. [PERSON-1]; they called [PHONE-1].");
}

#[test]
fn placeholder_template_is_configurable() {
    casescrub()
        .args(["redact", "--placeholder", "<{kind}_{n}>"])
        .write_stdin("DOB: 6/18/02")
        .assert()
        .success()
        .stdout("DOB: <DATE_1>");
    casescrub()
        .args(["redact", "--placeholder", "<{kind}>"])
        .write_stdin("x")
        .assert()
        .code(1)
        .stderr(predicate::str::contains("{n}"));
}

#[test]
fn diff_shows_changed_lines_without_colour_when_piped() {
    casescrub()
        .arg("redact")
        .arg(fixture("seed-imr-determination-01.txt"))
        .arg("--diff")
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "-The patient is a female with a work injury dated 6/18/02.",
        ))
        .stdout(predicate::str::contains(
            "+The patient is a [GENDER-1] with a work injury dated [DATE-1].",
        ))
        .stdout(predicate::str::contains("\x1b[").not());
}

#[test]
fn diff_colour_can_be_forced() {
    casescrub()
        .args(["redact", "--diff", "--color", "always"])
        .write_stdin("DOB 6/18/02\n")
        .assert()
        .success()
        .stdout(predicate::str::contains("\x1b[31m-DOB \x1b[7m6/18/02"));
}

#[test]
fn scan_lists_findings_as_table_and_json() {
    casescrub()
        .args(["scan", "-"])
        .write_stdin("Claim #: 05-123456\nshe")
        .assert()
        .success()
        .stdout(predicate::str::contains("1:10\tID\tid.labelled\t05-123456"))
        .stdout(predicate::str::contains("2:1\tGENDER\tgender.pronoun\tshe"));
    let out = casescrub()
        .args(["scan", "--json", "-"])
        .write_stdin("MRN 00123456")
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let json: Value = serde_json::from_slice(&out).unwrap();
    let f = &json["files"][0]["findings"][0];
    assert_eq!(
        (f["start"].as_u64(), f["end"].as_u64()),
        (Some(4), Some(12))
    );
    assert_eq!(f["kind"], "ID");
}

#[test]
fn crlf_and_blank_lines_survive() {
    let input = fixture("case-note-crlf.txt");
    let out = casescrub()
        .arg("redact")
        .arg(&input)
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let out = String::from_utf8(out).unwrap();
    let original = std::fs::read_to_string(&input).unwrap();
    assert_eq!(
        out.matches("\r\n").count(),
        original.matches("\r\n").count()
    );
    assert_eq!(out.matches('\n').count(), original.matches('\n').count());
}

#[test]
fn missing_file_is_an_error_naming_it() {
    casescrub()
        .args(["redact", "no/such/file.txt"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("no/such/file.txt"));
}

#[test]
fn invalid_utf8_names_file_and_offset() {
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("latin1.txt");
    std::fs::write(&bad, b"Jos\xe9 Garc\xeda").unwrap();
    casescrub()
        .arg("redact")
        .arg(&bad)
        .assert()
        .code(1)
        .stderr(predicate::str::contains("latin1.txt"))
        .stderr(predicate::str::contains("offset 3"));
}

#[test]
fn binary_input_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let bin = dir.path().join("blob.bin");
    std::fs::write(&bin, b"abc\0def").unwrap();
    casescrub()
        .arg("scan")
        .arg(&bin)
        .assert()
        .code(1)
        .stderr(predicate::str::contains("binary"));
}

#[test]
fn input_is_never_overwritten_unless_asked() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("note.txt");
    std::fs::write(&file, "DOB 6/18/02").unwrap();
    casescrub()
        .arg("redact")
        .arg(&file)
        .arg("-o")
        .arg(&file)
        .assert()
        .code(1)
        .stderr(predicate::str::contains("--in-place"));
    assert_eq!(std::fs::read_to_string(&file).unwrap(), "DOB 6/18/02");
    casescrub()
        .arg("redact")
        .arg(&file)
        .arg("-o")
        .arg(&file)
        .arg("--in-place")
        .assert()
        .success();
    assert_eq!(std::fs::read_to_string(&file).unwrap(), "DOB [DATE-1]");
}

#[test]
fn usage_errors_exit_2() {
    casescrub()
        .arg("redact")
        .arg("--no-such-flag")
        .assert()
        .code(2);
    casescrub().assert().code(2);
}

#[test]
fn patterns_list_and_test() {
    casescrub()
        .args(["patterns", "list"])
        .assert()
        .success()
        .stdout(predicate::str::contains("date.mdy-slash"))
        .stdout(predicate::str::contains("gender.pronoun"));
    casescrub()
        .args(["patterns", "test"])
        .assert()
        .success()
        .stdout(predicate::str::contains(" 0 failed"));
}

#[test]
fn user_patterns_add_and_override_rules() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("local.toml"),
        r#"
[[rule]]
id = "id.employee-badge"
kind = "ID"
description = "Badge numbers of one employer."
regex = '\bBDG-[0-9]{4}\b'
examples = { match = ["BDG-1234"], no_match = ["BDG-12"] }
"#,
    )
    .unwrap();
    casescrub()
        .args(["redact", "--patterns"])
        .arg(dir.path())
        .write_stdin("badge BDG-1234")
        .assert()
        .success()
        .stdout("badge [ID-1]");
}

#[test]
fn bad_user_pattern_is_a_clear_error() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("broken.toml"),
        r#"
[[rule]]
id = "x.broken"
kind = "ID"
description = "Unclosed group."
regex = '(abc'
examples = { match = ["abc"] }
"#,
    )
    .unwrap();
    casescrub()
        .args(["scan", "--patterns"])
        .arg(dir.path())
        .write_stdin("abc")
        .assert()
        .code(1)
        .stderr(predicate::str::contains("broken.toml"))
        .stderr(predicate::str::contains("x.broken"));
}

/// Runs `casescrub ARGS` in `dir` and expects a refusal (exit 1) before anything is
/// written: stderr names the problem (`says`) and nothing lands on stdout.
fn refused(dir: &std::path::Path, args: &[&str], says: &[&str]) {
    let out = casescrub()
        .current_dir(dir)
        .args(args)
        .write_stdin("DOB 6/18/02")
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{args:?}: {stderr}");
    assert!(out.stdout.is_empty(), "{args:?} wrote to stdout");
    assert!(
        stderr.starts_with("casescrub: error: "),
        "{args:?}: {stderr}"
    );
    for s in says {
        assert!(stderr.contains(s), "{args:?}: {s:?} not in {stderr}");
    }
}

/// A folder with `note.txt` (a date) and a case folder `docs/` with one note.
fn refusal_dir() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("note.txt"), "DOB 6/18/02").unwrap();
    std::fs::create_dir(dir.path().join("docs")).unwrap();
    std::fs::write(dir.path().join("docs/a.txt"), "Seen by Dr. Ana Ruiz").unwrap();
    std::fs::write(dir.path().join("rules.toml"), "").unwrap();
    dir
}

#[test]
fn redact_refuses_flags_its_mode_cannot_use_and_says_what_to_do() {
    let dir = refusal_dir();
    let d = dir.path();
    // One file.
    refused(
        d,
        &["redact", "note.txt", "--in-place"],
        &["-o note.txt --in-place"],
    );
    refused(
        d,
        &["redact", "note.txt", "--coverage"],
        &["give --report FILE"],
    );
    refused(
        d,
        &["redact", "note.txt", "--width", "80"],
        &["add --diff=side"],
    );
    refused(
        d,
        &["redact", "note.txt", "--diff", "--chunk-size", "100"],
        &["--chunk-size", "read it whole"],
    );
    refused(
        d,
        &["redact", "note.txt", "--jobs", "2"],
        &["--jobs", "folder"],
    );
    refused(
        d,
        &["redact", "note.txt", "--findings"],
        &["--jsonl or --csv"],
    );
    refused(
        d,
        &["redact", "note.txt", "--placeholder", "[X]"],
        &["has no `{n}`"],
    );
    refused(
        d,
        &["redact", "note.txt", "--encoding", "klingon"],
        &["unknown encoding", "windows-1252"],
    );
    refused(
        d,
        &["redact", "note.txt", "--patterns", "rules.toml"],
        &["put the file in a folder"],
    );
    // A dataset.
    for (flags, says) in [
        (
            &["--coverage", "--risk"][..],
            "run them on files or folders",
        ),
        (&["--report", "r.json"], "use --findings"),
        (&["--vault", "v.json"], "--key-file"),
        (&["--anchor", "2002-06-18"], "files and folders"),
        (&["--chunk-size", "100"], "not to --jsonl/--csv"),
        (&["--encoding", "latin1"], "read UTF-8"),
    ] {
        let mut args = vec!["redact", "-", "--jsonl", "--field", "text"];
        args.extend_from_slice(flags);
        refused(d, &args, &[says]);
    }
    // A folder.
    refused(d, &["redact", "docs"], &["give -o OUT_DIR"]);
    refused(
        d,
        &["redact", "docs", "-o", "out", "--diff"],
        &["use --report"],
    );
    refused(
        d,
        &["redact", "docs", "-o", "out", "--risk"],
        &["give --report FILE"],
    );
    refused(
        d,
        &["redact", "docs", "--in-place"],
        &["needs --backup DIR"],
    );
    refused(
        d,
        &["redact", "docs", "-o", "out", "--chunk-size", "9"],
        &["not to a folder"],
    );
    refused(
        d,
        &["redact", "docs", "-o", "out", "--vault", "docs/v.json"],
        &["inside the input folder"],
    );
    // Nothing was written by any refused run.
    let mut names: Vec<String> = std::fs::read_dir(d)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(names, ["docs", "note.txt", "rules.toml"]);
}

#[test]
fn the_other_commands_refuse_bad_combinations_before_reading_anything() {
    let dir = refusal_dir();
    let d = dir.path();
    // scan
    refused(
        d,
        &["scan", "note.txt", "--placeholder", "[X]"],
        &["has no `{n}`"],
    );
    refused(
        d,
        &["scan", "note.txt", "--encoding", "klingon"],
        &["unknown encoding"],
    );
    // review: the page is never an input, nor inside an input folder.
    refused(
        d,
        &["review", "note.txt", "-o", "note.txt"],
        &["overwrite an input", "-o"],
    );
    refused(
        d,
        &["review", "docs", "-o", "docs/page.html"],
        &["inside the input folder"],
    );
    refused(
        d,
        &["review", "note.txt", "-o", "p.html", "--placeholder", "X"],
        &["has no `{n}`"],
    );
    // explain
    refused(
        d,
        &["explain", "note.txt", "--at", "2"],
        &["LINE:COL", "--at 12:5"],
    );
    refused(
        d,
        &["explain", "note.txt", "--at", "0:1"],
        &["two numbers from 1"],
    );
    refused(
        d,
        &["explain", "note.txt", "--text", ""],
        &["must not be empty", "--at"],
    );
    // verify: both folders, or neither.
    refused(
        d,
        &["verify", "docs", "note.txt", "--report", "r.json"],
        &["REDACTED must be a folder"],
    );
    refused(
        d,
        &["verify", "note.txt", "docs", "--report", "r.json"],
        &["ORIGINAL must be the folder"],
    );
    // patterns
    refused(
        d,
        &["patterns", "list", "--patterns", "rules.toml"],
        &["not a file"],
    );
    refused(
        d,
        &["patterns", "test", "--patterns", "rules.toml"],
        &["not a file"],
    );
    // case init: never over a file, never inside the case folder.
    refused(
        d,
        &["case", "init", "docs", "-o", "note.txt"],
        &["never overwrites", "another -o"],
    );
    refused(
        d,
        &["case", "init", "docs", "-o", "docs/roster.toml"],
        &["inside the case folder"],
    );
    assert!(!d.join("docs/page.html").exists() && !d.join("docs/roster.toml").exists());
    assert_eq!(
        std::fs::read_to_string(d.join("note.txt")).unwrap(),
        "DOB 6/18/02"
    );
}

#[test]
fn accepted_combinations_still_run() {
    let dir = refusal_dir();
    let d = dir.path();
    // The flags refused above, where they apply.
    casescrub()
        .current_dir(d)
        .args(["redact", "note.txt", "-o", "note.txt", "--in-place"])
        .assert()
        .success();
    assert_eq!(
        std::fs::read_to_string(d.join("note.txt")).unwrap(),
        "DOB [DATE-1]"
    );
    casescrub()
        .current_dir(d)
        .args(["redact", "docs/a.txt", "--diff=side", "--width", "60"])
        .assert()
        .success()
        .stdout(predicate::str::contains("[PERSON-1]"));
    casescrub()
        .current_dir(d)
        .args([
            "redact",
            "docs/a.txt",
            "--chunk-size",
            "8",
            "--report",
            "r.json",
        ])
        .assert()
        .success()
        .stdout("Seen by Dr. [PERSON-1]");
    casescrub()
        .current_dir(d)
        .args(["explain", "docs/a.txt", "--at", "1:13"])
        .assert()
        .success()
        .stdout(predicate::str::contains("FINDING"));
    casescrub()
        .current_dir(d)
        .args(["case", "init", "docs", "-o", "roster.toml"])
        .assert()
        .success();
    assert!(d.join("roster.toml").exists());
}
