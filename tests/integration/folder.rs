//! Folder mode: `casescrub redact IN_DIR -o OUT_DIR`.

use crate::util::{casescrub, fixture, scrubber};
use predicates::prelude::*;
use serde_json::Value;
use std::path::{Path, PathBuf};

const FIXTURES: [&str; 5] = [
    "case-note-crlf.txt",
    "court-summary.txt",
    "imr-letter.txt",
    "progress-report.txt",
    "seed-imr-determination-01.txt",
];

/// An input tree: the fixtures at the top, copies in nested folders, one binary
/// file and one invalid-UTF-8 file.
fn tree(root: &Path) -> PathBuf {
    let input = root.join("in");
    for (i, name) in FIXTURES.iter().enumerate() {
        let text = std::fs::read(fixture(name)).unwrap();
        write(&input.join(name), &text);
        write(&input.join(format!("nested/{i}/{name}")), &text);
    }
    write(&input.join("scan.pdf"), b"%PDF-1.4\0\0binary");
    write(
        &input.join("nested/latin1.txt"),
        b"Jos\xe9 Garc\xeda, DOB 6/18/02\n",
    );
    input
}

fn write(path: &Path, bytes: &[u8]) {
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(path, bytes).unwrap();
}

/// Every file under `root` but the manifest (relative path → text), sorted.
fn snapshot(root: &Path) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let mut stack = vec![root.to_path_buf()];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
            } else {
                let rel = path
                    .strip_prefix(root)
                    .unwrap()
                    .to_string_lossy()
                    .into_owned();
                if rel != "casescrub-manifest.jsonl" {
                    let bytes = std::fs::read(&path).unwrap();
                    out.push((rel, String::from_utf8_lossy(&bytes).into_owned()));
                }
            }
        }
    }
    out.sort();
    out
}

fn manifest(path: &Path) -> Vec<Value> {
    std::fs::read_to_string(path)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

fn redact_folder(input: &Path, out: &Path, extra: &[&str]) -> assert_cmd::assert::Assert {
    casescrub()
        .arg("redact")
        .arg(input)
        .arg("-o")
        .arg(out)
        .args(extra)
        .assert()
}

#[test]
fn mirrors_the_tree_reports_bad_files_and_fails_at_the_end() {
    let dir = tempfile::tempdir().unwrap();
    let input = tree(dir.path());
    let before = snapshot(&input);
    let out = dir.path().join("out");
    let report = dir.path().join("report.json");
    redact_folder(&input, &out, &["--report", report.to_str().unwrap()])
        .code(1)
        .stdout("")
        .stderr(predicate::str::contains(
            "scan.pdf: looks like a binary file",
        ))
        .stderr(predicate::str::contains("latin1.txt: not valid UTF-8"))
        .stderr(predicate::str::contains("10 redacted"))
        .stderr(predicate::str::contains("2 failed"));
    assert_eq!(snapshot(&input), before, "the input tree is never touched");

    // Every text file has a redacted twin at the same relative path.
    for (i, name) in FIXTURES.iter().enumerate() {
        let top = std::fs::read_to_string(out.join(name)).unwrap();
        let nested = std::fs::read_to_string(out.join(format!("nested/{i}/{name}"))).unwrap();
        assert_eq!(top, nested, "the same text gets the same placeholders");
        let single = scrubber().detect(&std::fs::read_to_string(fixture(name)).unwrap());
        assert!(
            !single.is_empty() && top.contains('['),
            "{name} was redacted"
        );
    }
    assert!(!out.join("scan.pdf").exists());
    assert!(!out.join("nested/latin1.txt").exists());

    let lines = manifest(&out.join("casescrub-manifest.jsonl"));
    assert_eq!(lines.len(), 12);
    let paths: Vec<&str> = lines.iter().map(|l| l["path"].as_str().unwrap()).collect();
    let mut sorted = paths.clone();
    sorted.sort();
    assert_eq!(paths, sorted, "manifest is in path order");
    for line in &lines {
        assert_eq!(line["schema"], "casescrub.manifest/1");
        let rel = line["path"].as_str().unwrap();
        let input_bytes = std::fs::read(input.join(rel)).unwrap();
        assert_eq!(line["input_sha256"], sha256(&input_bytes), "{rel}");
        match line["status"].as_str().unwrap() {
            "redacted" => {
                let output = std::fs::read(out.join(rel)).unwrap();
                assert_eq!(line["output_sha256"], sha256(&output));
                assert!(line["counts"]["DATE"].as_u64().unwrap() > 0);
                assert_eq!(line["error"], Value::Null);
            }
            "failed" => {
                assert!(rel == "scan.pdf" || rel == "nested/latin1.txt");
                assert!(line["error"].as_str().unwrap().contains(rel));
            }
            other => panic!("{rel}: unexpected status {other}"),
        }
    }

    let json: Value = serde_json::from_str(&std::fs::read_to_string(&report).unwrap()).unwrap();
    assert_eq!(json["schema"], "casescrub.report/1");
    let files = json["files"].as_array().unwrap();
    assert_eq!(files.len(), 12);
    for file in files.iter().filter(|f| f["status"] == "redacted") {
        let original = std::fs::read_to_string(file["input"].as_str().unwrap()).unwrap();
        let redacted = std::fs::read_to_string(file["output"].as_str().unwrap()).unwrap();
        let changes: Vec<casescrub::Change> = file["findings"]
            .as_array()
            .unwrap()
            .iter()
            .map(change)
            .collect();
        assert_eq!(
            casescrub::redact::apply_changes(&original, &changes).as_deref(),
            Some(redacted.as_str()),
            "report findings rebuild {}",
            file["input"]
        );
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&report).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600);
    }
}

fn change(f: &Value) -> casescrub::Change {
    casescrub::Change {
        start: f["start"].as_u64().unwrap() as usize,
        end: f["end"].as_u64().unwrap() as usize,
        line: f["line"].as_u64().unwrap() as usize,
        column: f["column"].as_u64().unwrap() as usize,
        kind: serde_json::from_value(f["kind"].clone()).unwrap(),
        rule: f["rule"].as_str().unwrap().into(),
        original: f["original"].as_str().unwrap().into(),
        replacement: f["replacement"].as_str().unwrap().into(),
    }
}

fn sha256(bytes: &[u8]) -> String {
    casescrub::bulk::hash::sha256_hex(bytes)
}

#[test]
fn outputs_do_not_depend_on_thread_count_and_match_a_sequential_run() {
    let dir = tempfile::tempdir().unwrap();
    let input = tree(dir.path());
    let mut outputs = Vec::new();
    for jobs in ["1", "2", "7"] {
        let out = dir.path().join(format!("out-{jobs}"));
        redact_folder(
            &input,
            &out,
            &["-j", jobs, "--glob", "*.txt", "--glob", "!latin1.txt"],
        )
        .success();
        outputs.push(snapshot(&out));
    }
    assert_eq!(outputs[0], outputs[1]);
    assert_eq!(outputs[0], outputs[2]);

    // The same as redacting the files one after another in path order with one
    // shared numbering: placeholders are consistent across the whole run.
    let mut numbering = casescrub::Numbering::default();
    let expected: Vec<(String, String)> = outputs[0]
        .iter()
        .map(|(rel, _)| {
            let text = std::fs::read_to_string(input.join(rel)).unwrap();
            let r = scrubber().redact(&text, &mut numbering);
            (rel.clone(), r.output)
        })
        .collect();
    assert_eq!(outputs[0], expected);
    assert_eq!(outputs[0].len(), 10);
}

#[test]
fn globs_include_and_exclude() {
    let dir = tempfile::tempdir().unwrap();
    let input = tree(dir.path());
    let out = dir.path().join("out");
    redact_folder(
        &input,
        &out,
        &["--glob", "*.txt", "--glob", "!nested/**", "-q"],
    )
    .success()
    .stderr("");
    let names: Vec<String> = snapshot(&out).into_iter().map(|(rel, _)| rel).collect();
    let mut expected: Vec<String> = FIXTURES.iter().map(|s| s.to_string()).collect();
    expected.sort();
    assert!(out.join("casescrub-manifest.jsonl").exists());
    assert_eq!(names, expected);
}

#[test]
fn refuses_to_write_inside_the_input_folder() {
    let dir = tempfile::tempdir().unwrap();
    let input = tree(dir.path());
    let before = snapshot(&input);
    for out in [
        input.join("redacted"),
        input.clone(),
        dir.path().to_path_buf(),
    ] {
        redact_folder(&input, &out, &[])
            .code(1)
            .stderr(predicate::str::contains(
                "never writes inside the input folder",
            ));
    }
    casescrub()
        .arg("redact")
        .arg(&input)
        .assert()
        .code(1)
        .stderr(predicate::str::contains("give -o OUT_DIR"));
    casescrub()
        .arg("redact")
        .arg(&input)
        .arg("--in-place")
        .assert()
        .code(1)
        .stderr(predicate::str::contains("--backup"));
    let out = dir.path().join("out");
    redact_folder(
        &input,
        &out,
        &["--manifest", input.join("m.jsonl").to_str().unwrap()],
    )
    .code(1)
    .stderr(predicate::str::contains(
        "the manifest overlaps the input folder",
    ));
    assert_eq!(snapshot(&input), before);
}

#[test]
fn resume_rewrites_only_what_changed() {
    let dir = tempfile::tempdir().unwrap();
    let input = tree(dir.path());
    std::fs::remove_file(input.join("scan.pdf")).unwrap();
    std::fs::remove_file(input.join("nested/latin1.txt")).unwrap();
    let out = dir.path().join("out");
    let m = out.join("casescrub-manifest.jsonl");
    redact_folder(&input, &out, &[]).success();
    let first = snapshot(&out);

    redact_folder(&input, &out, &["--resume"])
        .success()
        .stderr(predicate::str::contains(
            "0 redacted, 10 already up to date",
        ));
    assert!(manifest(&m).iter().all(|l| l["status"] == "resumed"));
    assert_eq!(snapshot(&out), first);

    // A damaged output and a changed input are redone; the rest is left alone.
    std::fs::write(out.join("court-summary.txt"), "truncated").unwrap();
    let mut changed =
        std::fs::read_to_string(input.join("nested/4/seed-imr-determination-01.txt")).unwrap();
    changed.push_str("\nSeen again 7/4/2019.\n");
    std::fs::write(
        input.join("nested/4/seed-imr-determination-01.txt"),
        &changed,
    )
    .unwrap();
    redact_folder(&input, &out, &["--resume"])
        .success()
        .stderr(predicate::str::contains("2 redacted, 8 already up to date"));
    let lines = manifest(&m);
    let redone: Vec<&str> = lines
        .iter()
        .filter(|l| l["status"] == "redacted")
        .map(|l| l["path"].as_str().unwrap())
        .collect();
    assert_eq!(
        redone,
        [
            "court-summary.txt",
            "nested/4/seed-imr-determination-01.txt"
        ]
    );
    assert_eq!(
        std::fs::read_to_string(out.join("court-summary.txt")).unwrap(),
        first
            .iter()
            .find(|(r, _)| r == "court-summary.txt")
            .unwrap()
            .1
    );

    // A fresh full run gives exactly what the resumed runs left behind.
    let fresh = dir.path().join("fresh");
    redact_folder(&input, &fresh, &[]).success();
    assert_eq!(snapshot(&out), snapshot(&fresh));
}

#[test]
fn in_place_keeps_private_backups_and_never_redacts_twice() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in");
    write(
        &input.join("a/note.txt"),
        b"Seen 6/18/02 by Dr. Maria Lopez.\n",
    );
    let backup = dir.path().join("originals");
    let command = || {
        let mut c = casescrub();
        c.arg("redact")
            .arg(&input)
            .arg("--in-place")
            .arg("--backup")
            .arg(&backup);
        c
    };
    let run = || command().assert();
    run().success();
    assert_eq!(
        std::fs::read_to_string(input.join("a/note.txt")).unwrap(),
        "Seen [DATE-1] by Dr. [PERSON-1].\n"
    );
    assert_eq!(
        std::fs::read_to_string(backup.join("a/note.txt")).unwrap(),
        "Seen 6/18/02 by Dr. Maria Lopez.\n"
    );
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(backup.join("a/note.txt"))
            .unwrap()
            .permissions()
            .mode();
        assert_eq!(mode & 0o777, 0o600);
    }
    // A second run finds the file already redacted (redacting it changes nothing)
    // with its original in the backup: nothing is written, the backup is intact.
    run()
        .success()
        .stderr(predicate::str::contains("1 already up to date"));
    // With --resume, a new file is redacted and backed up, the done one skipped.
    write(&input.join("b.txt"), b"Call (805) 637-3326.\n");
    command()
        .arg("--resume")
        .assert()
        .success()
        .stderr(predicate::str::contains("1 redacted, 1 already up to date"));
    assert_eq!(
        std::fs::read_to_string(input.join("b.txt")).unwrap(),
        "Call [PHONE-1].\n"
    );
    assert_eq!(
        std::fs::read_to_string(backup.join("b.txt")).unwrap(),
        "Call (805) 637-3326.\n"
    );
    // A redacted file edited since (new identifying text) would need its backup
    // overwritten: refused for that file, and the original is kept.
    write(
        &input.join("a/note.txt"),
        b"Seen [DATE-1] by Dr. [PERSON-1] on 7/1/02.\n",
    );
    run()
        .code(1)
        .stderr(predicate::str::contains("a/note.txt"))
        .stderr(predicate::str::contains("exists"));
    assert_eq!(
        std::fs::read_to_string(backup.join("a/note.txt")).unwrap(),
        "Seen 6/18/02 by Dr. Maria Lopez.\n"
    );
}

#[test]
fn folder_flags_are_refused_for_a_single_file() {
    casescrub()
        .args(["redact", "-", "--glob", "*.txt"])
        .write_stdin("x")
        .assert()
        .code(1)
        .stderr(predicate::str::contains(
            "--glob only applies when the input is a folder",
        ));
}

#[cfg(unix)]
#[test]
fn unreadable_file_is_reported_and_the_run_goes_on() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in");
    write(&input.join("a.txt"), b"DOB 6/18/02\n");
    write(&input.join("b.txt"), b"DOB 6/18/02\n");
    let locked = input.join("a.txt");
    std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o000)).unwrap();
    let out = dir.path().join("out");
    if std::fs::read(&locked).is_ok() {
        // Running as root: permissions do not stop reads; use a dangling-free
        // equivalent that root cannot read either: a folder where a file should be.
        std::fs::remove_file(&locked).unwrap();
        std::fs::create_dir(&locked).unwrap();
        std::os::unix::fs::symlink("/nonexistent/target", input.join("c.txt")).unwrap();
        redact_folder(&input, &out, &[])
            .success()
            .stderr(predicate::str::contains("1 skipped, 0 failed"));
        assert_eq!(
            std::fs::read_to_string(out.join("b.txt")).unwrap(),
            "DOB [DATE-1]\n"
        );
        return;
    }
    redact_folder(&input, &out, &[])
        .code(1)
        .stderr(predicate::str::contains("a.txt: Permission denied"));
    assert_eq!(
        std::fs::read_to_string(out.join("b.txt")).unwrap(),
        "DOB [DATE-1]\n"
    );
}

#[test]
fn policy_with_keyed_pseudonyms_applies_to_every_file() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in");
    write(
        &input.join("a.txt"),
        b"Seen by Dr. Maria Lopez on 6/18/02.\n",
    );
    write(
        &input.join("b/c.txt"),
        b"Dr. Maria Lopez called on 7/4/19.\n",
    );
    let key = dir.path().join("key");
    casescrub().arg("keygen").arg(&key).assert().success();
    let policy = dir.path().join("keyed.toml");
    std::fs::write(
        &policy,
        "name = \"keyed\"\ndescription = \"all keyed\"\ndefault = \"pseudonym\"\n",
    )
    .unwrap();
    let mut runs = Vec::new();
    for jobs in ["1", "2"] {
        let out = dir.path().join(format!("out{jobs}"));
        let report = dir.path().join(format!("report{jobs}.json"));
        redact_folder(
            &input,
            &out,
            &[
                "-j",
                jobs,
                "--policy",
                policy.to_str().unwrap(),
                "--key-file",
                key.to_str().unwrap(),
                "--report",
                report.to_str().unwrap(),
            ],
        )
        .success();
        let json: Value = serde_json::from_str(&std::fs::read_to_string(&report).unwrap()).unwrap();
        assert_eq!(json["policy"], "keyed");
        runs.push(snapshot(&out));
    }
    assert_eq!(runs[0], runs[1]);
    let a = &runs[0][0].1;
    let c = &runs[0][1].1;
    let token = |text: &str| {
        text.split_whitespace()
            .find(|w| w.starts_with("[PERSON-"))
            .unwrap()
            .to_string()
    };
    assert!(!a.contains("Lopez") && !c.contains("Lopez"));
    assert_eq!(token(a).trim_end_matches('.'), token(c));
    assert!(
        !token(c).ends_with("-1]"),
        "a keyed pseudonym, not a number: {c}"
    );
    // The same key outside folder mode gives the same token.
    casescrub()
        .args([
            "redact",
            "--policy",
            policy.to_str().unwrap(),
            "--key-file",
            key.to_str().unwrap(),
        ])
        .write_stdin("Dr. Maria Lopez called on 7/4/19.\n")
        .assert()
        .success()
        .stdout(c.clone());
}

#[test]
fn temporary_files_of_an_interrupted_run_are_cleaned_and_never_redacted() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in");
    write(&input.join("a.txt"), b"DOB 6/18/02\n");
    write(
        &input.join("sub/.casescrub-x1y2.tmp"),
        b"DOB 6/18/02 (half written)",
    );
    let out = dir.path().join("out");
    write(
        &out.join("sub/.casescrub-Ab12.tmp"),
        b"half of an old output",
    );
    redact_folder(&input, &out, &[])
        .success()
        .stderr(predicate::str::contains(
            "1 redacted, 0 already up to date, 1 skipped",
        ));
    assert_eq!(
        snapshot(&out),
        [("a.txt".to_string(), "DOB [DATE-1]\n".to_string())]
    );
    let lines = manifest(&out.join("casescrub-manifest.jsonl"));
    assert_eq!(lines[1]["status"], "skipped");
    assert!(lines[1]["error"].as_str().unwrap().contains("interrupted"));
}

#[test]
fn the_summary_says_1_file_and_n_files() {
    let dir = tempfile::tempdir().unwrap();
    let one = dir.path().join("one");
    write(&one.join("a.txt"), b"Seen on 6/18/02.\n");
    redact_folder(&one, &dir.path().join("out1"), &[])
        .success()
        .stderr(predicate::str::contains(
            "casescrub: 1 file, 0.0 MB: 1 redacted",
        ));
    let two = dir.path().join("two");
    write(&two.join("a.txt"), b"Seen on 6/18/02.\n");
    write(&two.join("b.txt"), b"Seen on 6/19/02.\n");
    redact_folder(&two, &dir.path().join("out2"), &[])
        .success()
        .stderr(predicate::str::contains(
            "casescrub: 2 files, 0.0 MB: 2 redacted",
        ))
        .stderr(predicate::str::contains("files)").not());
}
